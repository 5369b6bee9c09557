"""Loading the data files in ``patterns/``, each validated on load.

Every file is parsed as data (JSON or JSON Lines) and checked against a
pydantic model with ``extra="forbid"``; a malformed file raises
:class:`~extractor.errors.DataFileError` naming the file, the line and what is
wrong. Matcher patterns are checked against spaCy's pattern schema too.

The folder is the package's own ``patterns/``, or the one named by the
environment variable ``EXTRACTOR_PATTERNS`` (a changed copy of it).
"""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeVar

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import DataFileError

M = TypeVar("M", bound=BaseModel)


PATTERNS_ENV = "EXTRACTOR_PATTERNS"


def patterns_dir() -> Path:
    """The ``patterns/`` folder: ``$EXTRACTOR_PATTERNS`` if set, else the one
    inside the installed wheel, else the source tree's."""
    override = os.environ.get(PATTERNS_ENV)
    if override:
        if not Path(override).is_dir():
            raise DataFileError(override, None, f"${PATTERNS_ENV} names no folder")
        return Path(override).resolve()
    here = Path(__file__).resolve().parent
    for candidate in (here / "patterns", here.parent / "patterns"):
        if (candidate / "README.md").is_file():
            return candidate
    raise DataFileError(str(here / "patterns"), None, "the patterns folder is missing")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- file models
class MatcherPattern(_Strict):
    label: str
    id: str
    pattern: list[dict[str, Any]] = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _spacy_pattern(cls, pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """What spaCy's Matcher would refuse when the pipeline is built, or
        fail on at the first document (an unknown ``_`` attribute)."""
        from spacy.schemas import validate_token_pattern
        from spacy.tokens import Token

        from .components import extensions  # noqa: F401  (registers the attributes)

        errors = validate_token_pattern(_named_lists_filled(pattern))
        if errors:
            raise ValueError(f"not a spaCy Matcher pattern: {errors[0]}")
        for k, token in enumerate(pattern):
            for name in token.get("_", {}):
                if not Token.has_extension(name):
                    raise ValueError(f"token {k}: no token attribute '_.{name}'")
        return pattern


def _named_lists_filled(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``{"LOWER": {"IN": "MONTHS"}}`` names a word list that the component
    fills in before the Matcher sees the pattern: a list, for the check."""
    def fill(value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {op: [v] if op in ("IN", "NOT_IN") and isinstance(v, str) else v
                for op, v in value.items()}

    return [{attr: fill(value) for attr, value in token.items()} for token in pattern]


class Magnitude(_Strict):
    form: str = Field(min_length=1)
    exponent: int = Field(ge=1, le=15)
    glued_only: bool = False
    requires_currency: bool = False


class Hedge(_Strict):
    qualifier: Literal["about", "more_than", "at_least", "nearly", "less_than", "up_to"]
    forms: list[str] = Field(min_length=1)
    #: words right before a form that make it no hedge ("picked up to 3.6 percent")
    not_after: list[str] = []


class PercentForms(_Strict):
    unit: Literal["percent", "percentage_point"]
    forms: list[str] = Field(min_length=1)
    case_sensitive: bool = False
    factor: Decimal = Decimal(1)  # basis points: 0.01 percentage point each


class Sign(_Strict):
    form: str
    sign: Literal[-1, 1]
    not_after: list[str] = []  # "plus or minus 2 points": a tolerance, no sign


class Unit(_Strict):
    unit: str
    kind: str
    words: list[str]
    symbols: list[str]


class CurrencyForm(_Strict):
    form: str = Field(min_length=1)
    iso: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    ambiguous: str | None = None
    position: Literal["before", "after", "both"]
    case_sensitive: bool
    factor: Decimal = Decimal(1)


class CurrencyAmbiguity(_Strict):
    word: str
    default: str | None = Field(pattern=r"^[A-Z]{3}$")
    candidates: list[str] | None = None
    also_unit: str | None = None
    #: unresolved, the form is no currency at all ("R2" outside a rand story)
    only_in_context: bool = False
    note: str | None = None


class CurrencyStoplist(_Strict):
    comment: str = Field(alias="_comment")
    word_codes: list[str]  # currencies whose code is an English word: names only
    codes: list[str]  # not currencies at all
    words: list[str]


class Counted(_Strict):
    comment: str = Field(alias="_comment")
    max_modifiers: int = Field(ge=0, le=6)
    # nouns counted in the singular after "one" or "1": "one person was killed"
    counted_singly: list[str]
    stop_words: list[str]
    never_counted: list[str]
    not_plural: list[str]
    modifier_plurals: list[str]
    irregular_plurals: list[str]
    date_words: list[str]
    name_prefixes: list[str]
    # after "the" and one of these, a number ranks, it counts nothing: "among
    # the top three vendors"
    rank_words: list[str]
    # in not_plural for their verb ("17.4 million shows that ..."), but a noun
    # counted after a number unless a clause follows ("more than 600 shows in ...")
    noun_or_verb: list[str] = []
    clause_openers: list[str] = []
    # stop words that may stand right after the number: "four more bodies"
    after_number: list[str] = []


class TokenizerRules(_Strict):
    comment: str = Field(alias="_comment")
    special_cases: list[str]
    suffixes: list[str]

    @field_validator("suffixes")
    @classmethod
    def _compiles(cls, suffixes: list[str]) -> list[str]:
        for expression in suffixes:
            try:
                re.compile(expression)
            except re.error as exc:
                raise ValueError(f"{expression!r} is not a regular expression: {exc}") from exc
        return suffixes


class NumberWords(_Strict):
    comment: str = Field(alias="_comment")
    units: list[str]
    tens: list[str]
    scales: list[str]
    dozen: str
    fractions: dict[str, str]
    standalone_excluded: list[str]


class Dateline(_Strict):
    comment: str = Field(alias="_comment")
    months: dict[int, list[str]]
    dashes: list[str]


class Ranges(_Strict):
    comment: str = Field(alias="_comment")
    separators: list[str]
    between: list[str]
    and_: list[str] = Field(alias="and")
    from_: list[str] = Field(alias="from")
    range_words: list[str]
    change_words: list[str]
    per_words: list[str]
    per_article_words: list[str]
    per_blockers: list[str]
    # words between the bracket and a stated equivalent: "(equivalent to 30,000 U.S. dollars)"
    conversion_lead_ins: list[str] = []


# ---------------------------------------------------------------- loaders
def _rel(path: Path) -> str:
    """``patterns/units.jsonl`` for the package's own files, else the path."""
    if os.environ.get(PATTERNS_ENV):
        return str(path)
    try:
        return str(path.relative_to(patterns_dir().parent))
    except ValueError:
        return str(path)


def _describe(err: ValidationError) -> str:
    first = err.errors()[0]
    loc = ".".join(str(p) for p in first["loc"]) or "record"
    return f"{loc}: {first['msg']}"


def load_jsonl(path: Path, model: type[M]) -> list[M]:
    """One model per non-blank line; errors name the file and line."""
    rows: list[M] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(_rel(path), None, f"cannot be read: {exc}") from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(_rel(path), number, f"not valid JSON: {exc.msg}") from None
        try:
            rows.append(model.model_validate(obj))
        except ValidationError as exc:
            raise DataFileError(_rel(path), number, _describe(exc)) from None
    if not rows:
        raise DataFileError(_rel(path), None, "has no records")
    return rows


def load_json(path: Path, model: type[M]) -> M:
    """One model per file; errors name the file and the line (of the key at fault)."""
    try:
        text = path.read_text(encoding="utf-8")
        obj = json.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(_rel(path), None, f"cannot be read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise DataFileError(_rel(path), exc.lineno, f"not valid JSON: {exc.msg}") from None
    try:
        return model.model_validate(obj)
    except ValidationError as exc:
        line = _line_of(text, exc.errors()[0]["loc"])
        raise DataFileError(_rel(path), line, _describe(exc)) from None


def _line_of(text: str, loc: tuple) -> int | None:
    """The line where the innermost key of ``loc`` that the file spells is
    written (``"max_modifiers": ...``), or None (a missing key)."""
    for key in reversed(loc):
        if isinstance(key, str):
            found = regex.search(regex.escape(json.dumps(key)) + r"[ \t\r\n]*+:", text)
            if found:
                return text.count("\n", 0, found.start()) + 1
    return None


def pattern_file(name: str) -> list[MatcherPattern]:
    return load_jsonl(patterns_dir() / name, MatcherPattern)


# ---------------------------------------------------------------- knowledge base (TSV)
QID = r"^Q[1-9][0-9]*$"
ALPHA2 = r"^[A-Z]{2}$"


def relative_path(path: Path) -> str:
    """How errors name a data file: relative to the package when inside it."""
    return _rel(path)


def split_cell(value: str) -> list[str]:
    """A multi-valued TSV cell: ``a;b;c``."""
    return [v.strip() for v in value.split(";") if v.strip()]


class _TsvRow(_Strict):
    """A row of a ``patterns/kb/`` table; empty cells arrive as ``None``."""

    @property
    def alias_list(self) -> list[str]:
        return split_cell(getattr(self, "aliases", None) or "")


class CountryRow(_TsvRow):
    name: str
    aliases: str | None = None
    iso_alpha2: str | None = Field(None, pattern=ALPHA2)
    iso_alpha3: str | None = Field(None, pattern=r"^[A-Z]{3}$")
    wikidata_qid: str | None = Field(None, pattern=QID)
    source: str | None = None
    owid_code: str | None = None
    qid_crosscheck: str | None = None
    notes: str | None = None


class RegionRow(_TsvRow):
    name: str
    aliases: str | None = None
    owid_code: str | None = None
    region_type: str
    defined_by: str | None = None
    wikidata_qid: str | None = Field(None, pattern=QID)
    source: str | None = None
    qid_crosscheck: str | None = None
    notes: str | None = None
    members: str | None = None


class DivisionRow(_TsvRow):
    name: str
    short_name: str
    aliases: str | None = None
    division_type: str
    iso_3166_2: str = Field(pattern=r"^CN-[A-Z]{2}$")
    iso_3166_2_name: str | None = None
    capital: str | None = None
    wikidata_qid: str | None = Field(None, pattern=QID)
    source: str | None = None
    qid_crosscheck: str | None = None
    notes: str | None = None


class ChinaCityRow(_TsvRow):
    name: str
    aliases: str | None = None
    province: str
    province_iso_3166_2: str | None = Field(None, pattern=r"^[A-Z]{2}-[A-Z]{2}$")
    is_division_capital: Literal["yes", "no"]
    population_geonames: int | None = Field(None, ge=0)
    geonames_id: int | None = Field(None, ge=1)
    latitude: float | None = None
    longitude: float | None = None
    wikidata_qid: str | None = Field(None, pattern=QID)
    source: str | None = None
    qid_crosscheck: str | None = None
    notes: str | None = None


class OrganizationRow(_TsvRow):
    name: str
    aliases: str | None = None
    org_type: str
    country_iso_alpha2: str | None = Field(None, pattern=ALPHA2)
    wikidata_qid: str | None = Field(None, pattern=QID)
    source: str | None = None
    qid_crosscheck: str | None = None
    notes: str | None = None


class GeonamesCountryRow(_Strict):
    iso_alpha2: str = Field(pattern=ALPHA2)
    geonames_id: int = Field(ge=1)
    name: str
    capital: str | None = None
    population: int = Field(ge=0)


class DemonymRow(_TsvRow):
    demonym: str
    forms: str
    iso_alpha2: str | None = Field(None, pattern=ALPHA2)


class EntityRules(_Strict):
    comment: str = Field(alias="_comment")
    connectors: list[str]
    leading_stopwords: list[str]
    common_words: list[str]
    direction_words: list[str]
    org_suffixes: list[str]
    org_heads: list[str]
    org_cues: list[str]
    gpe_suffixes: list[str]
    gpe_nouns_after: list[str]
    loc_nouns_after: list[str]
    gpe_nouns_before: list[str]
    loc_heads: list[str]
    loc_phrases: list[str]
    titles: list[str]
    office_words: list[str]
    lower_titles: list[str]
    role_words: list[str]
    speech_verbs: list[str]
    person_connectors: list[str]
    not_names: list[str]
    #: the last word of an event's name, which is no entity ("the Gifford Fire")
    event_heads: list[str] = []
    alias_stoplist: list[str]
    currency_words: list[str]
    company_suffixes: list[str]
    head_connectors: list[str]
    org_prefixes: list[str]
    # lower-case words after a name and "-" that make an adjective, not the
    # second syllable of a given name ("Kang Kam-chan"): "Hong Kong-based"
    hyphen_suffixes: list[str]
    # org_type values of patterns/kb/organizations.tsv that every country has one
    # of ("ministry"): such an entry is linked only in an article about its country
    national_bodies: list[str]


def read_table_lines(path: Path, header: list[str]) -> list[tuple[int, list[str]]]:
    """(line number, cells) of a TSV whose header must be ``header``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(_rel(path), None, f"cannot be read: {exc}") from None
    out: list[tuple[int, list[str]]] = []
    seen_header = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\r").split("\t")
        if not seen_header:
            if cells != header:
                raise DataFileError(_rel(path), number, f"the header must be {' '.join(header)}")
            seen_header = True
        elif len(cells) != len(header):
            raise DataFileError(_rel(path), number,
                                f"{len(cells)} cells, the header has {len(header)}")
        else:
            out.append((number, cells))
    if not out:
        raise DataFileError(_rel(path), None, "has no rows")
    return out


def load_tsv(path: Path, model: type[M]) -> list[M]:
    """A tab-separated table with one header row; ``#`` lines are comments.

    Empty cells become ``None``; a row with the wrong number of cells or a
    value the model refuses raises :class:`DataFileError` with the line.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(_rel(path), None, f"cannot be read: {exc}") from None
    header: list[str] | None = None
    rows: list[M] = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\r").split("\t")
        if header is None:
            header = cells
            unknown = set(header) - set(model.model_fields)
            if unknown:
                raise DataFileError(_rel(path), number,
                                    f"unknown column(s): {', '.join(sorted(unknown))}")
            continue
        if len(cells) != len(header):
            raise DataFileError(_rel(path), number,
                                f"{len(cells)} cells, the header has {len(header)}")
        try:
            rows.append(model.model_validate(
                {k: (v if v != "" else None) for k, v in zip(header, cells, strict=True)}))
        except ValidationError as exc:
            raise DataFileError(_rel(path), number, _describe(exc)) from None
    if not rows:
        raise DataFileError(_rel(path), None, "has no rows")
    return rows


# ---------------------------------------------------------------- facts
class MetricRow(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    forms: list[str] = Field(min_length=1)
    refines: str | None = None  # a narrower indicator of this one ...
    products: list[str] = []  # ... when the clause names one of these products
    # the indicator only where the fact's sentence, the headline or the lead says
    # one of these words (for forms that alone name no indicator: "people", "sold")
    context: list[str] = []
    # what the indicator counts or measures is never money ("visitors", "deaths"):
    # its forms do not name an amount of money
    not_money: bool = False
    # the indicator is itself a rate or a ratio ("inflation at 2.5 percent", "a
    # deficit-to-GDP ratio of 3 percent"): a percentage may be its level. Of any
    # other indicator a percentage that is no share is its growth ("a growth
    # target of around 5 percent", "the 5.5-percent expansion of 2023")
    percent_level: bool = False
    # the indicator is only ever a rate: a count or an amount is no value of it
    # ("Unemployment fell by 20,000 people to about 8 million people")
    rate_only: bool = False
    # the indicator's level is only ever money: a count is no value of it
    # ("lifting total employment to 17.1 million people" is not GDP)
    money_only: bool = False
    # the kind of unit (units.jsonl) a quantity of this indicator is measured in
    # ("grain output" in tonnes): a quantity of another kind ("area sown with
    # grain", in hectares) or per a unit ("output per hectare", a yield) is no level of it
    measure: str | None = None
    # a percentage is this indicator's move only beside a word of change
    # ("Xiaomi's shares were up 2.6 percent"); with none it is a share of a
    # whole and names no indicator ("The corresponding shares were 50.2 percent")
    percent_moves: bool = False


class FactRules(_Strict):
    comment: str = Field(alias="_comment")
    up_words: list[str]
    down_words: list[str]
    down_after_edged: list[str]
    flat_words: list[str]
    change_nouns: list[str]
    change_after: list[str]
    value_cues: list[str]
    bases: dict[Literal["year_on_year", "month_on_month", "quarter_on_quarter"], list[str]]
    target_cues: list[str]
    forecast_cues: list[str]
    estimate_hedges: list[str]
    expected_participles: list[str]
    gap_prepositions: list[str]
    possessives: list[str]
    event_openers: list[str]
    event_nouns: list[str]
    change_adverbs: list[str]
    trade_words: list[str]
    partner_prepositions: list[str]
    scope_exclusions: list[str]  # "Outside Asia, exports to Britain ...": not the place
    #: the word before "for"/"to" that makes the place after it a destination:
    #: "a jet bound for London crashed after taking off from Ahmedabad"
    destination_words: list[str] = []
    #: words of a flow between places other than trade ("the largest source of
    #: remittances", "visitors"): a place ranked in such a sentence is a partner
    flow_words: list[str]
    #: who trades, or what is traded, narrower than the whole ("private enterprises'
    #: imports and exports", "trade in services"): the trade ids do not fit it
    trade_narrowers: list[str]
    trade_ids: list[str]
    #: border crossings both ways, or by one group of travellers ("inbound and
    #: outbound trips", "trips by residents of the Chinese mainland"): no tourist trips
    trip_narrowers: list[str]
    trip_ids: list[str]
    precipitation_words: list[str]  # "mm of rain": an amount that fell, not a distance
    partner_words: list[str]
    origin_metrics: list[str]
    origin_words: list[str]
    partner_groups: list[str]
    partner_pronouns: list[str]
    partner_references: list[str]
    rank_words: list[str]
    attribution_words: list[str]
    clause_breaks: list[str]
    months: dict[str, int]
    ordinals: dict[str, int]
    count_words: dict[str, int]
    narrowing_prepositions: list[str]
    narrowing_modifiers: list[str]
    measured_in: dict[str, Literal["money", "quantities"]]
    share_words: list[str]
    share_whole_stops: list[str]
    period_parts: list[str]
    record_fillers: list[str]
    population_words: list[str]
    per_time_units: list[str]
    seat_words: list[str]
    forecast_verbs: list[str]
    cue_nouns: list[str]
    growth_nouns: list[str]
    frequency_words: list[str]
    scope_modifiers: list[str]
    whole_words: list[str]
    ratio_denominators: list[str]
    increment_ids: list[str]
    modifier_prepositions: list[str]
    comparison_words: list[str]
    weekdays: dict[str, int]
    holidays: dict[str, str]
    holiday_nouns: list[str]
    holiday_fallback: dict[str, tuple[str, int]]
    travel_seasons: dict[str, tuple[int, int]]
    lunar_new_year: dict[str, str]
    day_words: dict[str, int]
    reporting_verbs: list[str]
    comparison_after: list[str]
    singling_out: list[str]
    level_fillers: list[str]
    level_phrases: list[str]
    generic_nouns: list[str]
    place_prepositions: list[str]
    place_back_references: dict[str, Literal["province", "county", "city"]]
    direction_words: list[str]
    present_words: list[str]
    level_verbs: list[str]
    rate_fillers: list[str]
    plan_words: list[str]
    plan_modals: list[str]
    future_words: list[str]
    national_phrases: list[str]
    not_metrics: list[str]
    participles: list[str]
    participle_fillers: list[str]
    tally_verbs: list[str]
    tally_ids: list[str]
    tally_words: list[str]
    measure_nouns: dict[str, str]
    reference_nouns: list[str]
    event_verbs: list[str]
    level_cues_before: list[str]
    comparatives: list[str]
    pace_nouns: list[str]
    clause_openers: list[str]
    opening_prepositions: list[str]
    actor_nouns: list[str]
    company_ids: dict[str, str]
    #: country -> indicator -> words that narrow it elsewhere but name its
    #: headline measure there ("urban" consumer price inflation in Egypt)
    headline_scopes: dict[str, dict[str, list[str]]] = {}
    company_cues: list[str]
    forecast_nouns_after: list[str]
    metric_period_prepositions: list[str]
    subordinators: list[str]
    ranking_words: list[str]
    pronouns: list[str]
    aside_openers: list[str]
    list_openers: list[str]
    back_reference_subjects: list[str]
    pointing_subjects: list[str]
    money_verbs: list[str]
    verb_nouns: dict[str, str]
    object_verbs: list[str]
    figure_verbs: list[str]
    allocation_verbs: list[str]
    auxiliaries: list[str]
    metric_stop_verbs: list[str]
    time_modifiers: list[str]
    period_prepositions: list[str]
    holiday_pointers: list[str]
    holiday_prepositions: list[str]
    period_words: list[str]


class FiscalYearRow(_Strict):
    alpha2: str = Field(pattern=r"^[A-Z]{2}$")
    country: str
    start: str = Field(pattern=r"^(BS-)?(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
    named_by: Literal["start", "end"]

