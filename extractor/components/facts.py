"""The ``fact_builder`` component: from mentions to indicator records.

Works on the spans the other components made (money, percentages,
quantities, entities) and on sentences cut as spaCy's ``sentencizer`` cuts them, with
token patterns only (``PhraseMatcher`` for metrics and bases, ``Matcher`` for
periods — ``patterns/metrics.jsonl``, ``patterns/period_patterns.jsonl``,
``patterns/facts.json``), so it runs on ``spacy.blank("en")``. Per clause:

1. each percentage is a *change* (next to a verb or noun of change, before
   ``year on year`` ...) or a *level* (a share: ``98.6 percent of``);
2. changes are paired with levels: ``respectively`` pairs in order, else
   ``rose 15.3 percent to 11.32 billion yuan`` (change, ``to``, level), else the
   nearest level before, else after;
3. each pair (or lone figure) becomes a fact: the nearest metric words, the
   direction of the change word, the basis phrase, target/forecast cues, the
   subject place of the sentence (else the article's main place), the partner
   of a trade figure, and the period of the sentence (else the last one
   stated before it).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Collection
from dataclasses import dataclass, field, replace
from itertools import chain, compress
from types import SimpleNamespace
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from .. import data as d
from ..calendars import FiscalYears, fixed_holiday, official_holiday
from ..tokenizer import doc_text
from . import extensions  # noqa: F401  (registers the attributes)
from .atoms import group_spans
from .batched import ComponentMajor
from .entities import token_words
from .extensions import doc_setter, doc_values, span_getter, span_values
from .lexflags import add_flagged
from .windowmemo import WindowMemo

TRADE_METRICS = {"foreign_trade", "exports", "imports", "bilateral_trade", "trade_balance",
                 "border_trade", "nev_exports", "tea_exports"}
PLACE_LABELS = {"GPE", "LOC"}
PLACE_OR_ORG = PLACE_LABELS | {"ORG"}
SENTENCE_ENDS = (".", "!", "?")
#: what a word is to the rules that look for it (FactBuilder._word_roles): it ends a
#: sentence or a line, a clause can start at it, a phrase for the whole country can
#: start at it, it names a kind of place ("the province"), it is a comma; and
#: what it can do for a period pattern (FactBuilder._word_period_cue); and it is
#: a word of trade ("imported", "shipments")
MARK, JOINT, NATIONAL, PLACE_NOUN, COMMA = 1, 2, 4, 8, 16
NO_PERIOD, PERIOD_WORD, PERIOD_IN_COMPANY = 0, 32, 64
TRADE_WORD = 128
#: the roles whose tokens _build lists (what marks, joints, ... are)
LISTED_ROLES = (MARK, JOINT, NATIONAL, COMMA, TRADE_WORD, PERIOD_WORD | PERIOD_IN_COMPANY,
                PLACE_NOUN)
#: by a word's roles (all bits together): which of LISTED_ROLES it has
_LISTED_IN = [tuple(k for k, bits in enumerate(LISTED_ROLES) if roles & bits)
              for roles in range(2 * TRADE_WORD)]
#: the most words a per-word memo keeps (then it forgets them all at once)
MAX_REMEMBERED = 50_000


def _tokens_by_role(roles: list[int]) -> list[list[int]]:
    """For each of :data:`LISTED_ROLES`, the tokens that have it, ascending.

    One pass over the tokens with any role, grouping them by their roles (a
    word nearly always has one), then the groups joined: a comprehension for
    each role passed over all those tokens seven times (~130,000 instructions
    an article more). The lists are read only: two roles may share one."""
    groups: defaultdict[int, list[int]] = defaultdict(list)
    for i in compress(range(len(roles)), roles):
        groups[roles[i]].append(i)
    lists: list[list[list[int]]] = [[] for _ in LISTED_ROLES]
    for role, tokens in groups.items():
        for k in _LISTED_IN[role]:
            lists[k].append(tokens)
    return [found[0] if len(found) == 1 else sorted(chain.from_iterable(found))
            for found in lists]


class PerWord(dict):
    """``memo[word]``: ``what(word)``, worked out once per word (all forgotten
    past :data:`MAX_REMEMBERED`). Read a Doc's words through it with
    ``map(memo.__getitem__, words)``: no Python code runs per token."""

    def __init__(self, what: Callable[[str], Any]) -> None:
        super().__init__()
        self.what = what

    def __missing__(self, word: str) -> Any:
        if len(self) > MAX_REMEMBERED:
            self.clear()
        found = self[word] = self.what(word)
        return found


@dataclass(slots=True)
class Figure:
    kind: str  # "money", "quantities", "percentages"
    index: int
    span: Span
    unit: str | None = None  # span._.unit, span._.value, span._.qualifier, span._.per:
    value: float | None = None  # read at once, when the figure is made
    qualifier: str | None = None
    per: str | None = None
    is_change: bool = False


@dataclass(slots=True)
class Sentence:
    start: int  # token offsets
    end: int


@dataclass(slots=True)
class PeriodHit:
    start: int  # token offsets
    end: int
    label: str
    first: dt.date | None
    last: dt.date | None
    comparison: bool = False  # "from a year earlier", "than in 2019"
    label_kind: str = ""  # the pattern's label
    months: tuple[int, int] | None = None  # "the first 10 months": months 1-10 of a year
    fiscal: tuple[str | None, int, int, int] | None = None  # (country, start year, months)
    attached: int | None = None  # token of the figure a comparison period belongs to
    carries: bool = True  # applies to later sentences that state no period
    deadline: bool = False  # "by 2029", "on Nov. 12": its own clause only
    introduces: bool = False  # "2015, when ...": dates the clause after it too
    part: bool = False  # "In December alone": dates the rest of its paragraph, never the article


#: dates far enough from datetime's limits for any period arithmetic (a year
#: back, a year ahead); an article dated outside them dates no period
_FIRST_DATABLE, _LAST_DATABLE = dt.date(2, 1, 1), dt.date(9998, 12, 31)


def _last_weekday(day: dt.date, weekday: int) -> dt.date:
    """The last date on or before ``day`` that falls on ``weekday`` (Monday 0)."""
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def _add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after ``day``'s month."""
    month = day.month - 1 + months
    return dt.date(day.year + month // 12, month % 12 + 1, 1)


#: the days of each month of a common year (index 1-12)
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_end(year: int, month: int) -> int:
    """The last day of a month: ``calendar.monthrange(year, month)[1]``, without
    the weekday of the month's first day that it works out as well."""
    if month == 2:
        return 29 if calendar.isleap(year) else 28
    return _MONTH_DAYS[month] if 1 <= month <= 12 else calendar.monthrange(year, month)[1]


def _datable(day: dt.date | None) -> dt.date | None:
    """``day``, or None when period arithmetic from it could leave the calendar
    (a header dated 0001-01-02)."""
    return day if day is not None and _FIRST_DATABLE <= day <= _LAST_DATABLE else None


@dataclass(slots=True)
class FactDraft:
    value: Figure | None
    change: Figure | None
    metric: str | None = None
    metric_id: str | None = None
    kind: str = "actual"
    direction: str | None = None
    basis: str | None = None
    location: int | None = None
    partner: int | None = None
    period: PeriodHit | None = None
    qualifier: str | None = None
    start: int = 0
    end: int = 0
    notes: dict = field(default_factory=dict)

    @property
    def first(self) -> Span:
        """The span of the figure that comes first (the value's, when both start together)."""
        if self.change is None:
            return self.value.span
        if self.value is None or self.change.span.start < self.value.span.start:
            return self.change.span
        return self.value.span


class FactBuilder(ComponentMajor):
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        folder = d.patterns_dir()
        self.rules = rules = d.load_json(folder / "facts.json", d.FactRules)
        # its word lists as sets, for membership tests (self.rules keeps their order)
        self.sets = SimpleNamespace(**{key: frozenset(value) for key, value in rules
                                       if isinstance(value, list)})
        self.metrics = d.load_jsonl(folder / "metrics.jsonl", d.MetricRow)
        self.form_ids: dict[str, list[str]] = {}
        for row in self.metrics:
            for form in row.forms:
                self.form_ids.setdefault(form.lower(), []).append(row.id)
        self._ids_of_unit = PerWord(self._head_ids)  # _unit_ids
        self.refinements = [(row.refines, {w.lower() for w in row.products}, row.id)
                            for row in self.metrics if row.refines]
        # by the indicator refined: its refinements' products and ids, in order (_narrowed)
        self._refiners: dict[str, list[tuple[set[str], str]]] = {}
        for base, products, refined in self.refinements:
            self._refiners.setdefault(base, []).append((products, refined))
        # the words of an indicator's own forms, which never narrow it ("vehicle sales")
        self.form_words: dict[str, frozenset[str]] = {
            row.id: frozenset(w for form in row.forms for w in form.lower().split())
            for row in self.metrics}
        # ... with those of the indicator it refines and of its products (_own_words)
        self._own: dict[str, frozenset[str]] = {}
        for base, products, refined in reversed(self.refinements):  # the first one counts
            self._own[refined] = self.form_words.get(refined, frozenset()) \
                | self.form_words.get(base, frozenset()) | products
        self.contexts = {row.id: frozenset(w.lower() for w in row.context)
                         for row in self.metrics if row.context}
        self.not_money = frozenset(row.id for row in self.metrics if row.not_money)
        self.percent_levels = frozenset(row.id for row in self.metrics if row.percent_level)
        self.rates_only = frozenset(row.id for row in self.metrics if row.rate_only)
        self.money_only = frozenset(row.id for row in self.metrics if row.money_only)
        self.measured_in = {row.id: row.measure for row in self.metrics if row.measure}
        self.percent_moves = frozenset(row.id for row in self.metrics if row.percent_moves)
        # indicators whose growth a bare "growth" may be (no rate: its growth is a change)
        self.percent_growth_ids = frozenset(row.id for row in self.metrics
                                            if not row.percent_level and row.money_only)
        # indicators whose level is per person ("per capita disposable income")
        self.per_unit_ids = frozenset(row.id for row in self.metrics if any(
            " per " in f" {form.lower()} " for form in [row.name, *row.forms]))
        # the metric forms, the bases (by name) and the holidays: one PhraseMatcher,
        # run once per Doc (each run costs per token)
        if {"METRIC", "HOLIDAY"} & rules.bases.keys():
            raise ValueError("facts.json: a basis may not be named METRIC or HOLIDAY")
        self.phrase_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrase_matcher.add("METRIC", list(nlp.tokenizer.pipe(sorted(self.form_ids))))
        for basis, phrases in rules.bases.items():
            self.phrase_matcher.add(basis, list(nlp.tokenizer.pipe(phrases)))
        self.phrase_matcher.add("HOLIDAY", list(nlp.tokenizer.pipe(sorted(rules.holidays))))
        self.period_matcher = Matcher(nlp.vocab)
        months = sorted(rules.months)
        lists = {"MONTHS": months, "WEEKDAYS": sorted(rules.weekdays)}
        for row in d.pattern_file("period_patterns.jsonl"):
            pattern = [
                {k: ({"IN": lists[v["IN"]]} if isinstance(v, dict) and isinstance(v.get("IN"), str)
                     else v) for k, v in tok.items()}
                for tok in row.pattern
            ]
            add_flagged(self.period_matcher, row.label, [pattern])
        self._period_memo = WindowMemo(self.period_matcher)
        self._vocab = nlp.vocab
        self._lower = PerWord(str.lower)
        self._roles = PerWord(self._word_roles)  # by the word as written
        self._punct = PerWord(lambda word: self._vocab[word].is_punct)  # its lexeme's
        self.hedge_words = {w for row in d.load_jsonl(folder / "hedges.jsonl", d.Hedge)
                            for form in row.forms for w in form.lower().split()}
        units = d.load_jsonl(folder / "units.jsonl", d.Unit)
        self.measure_units = {row.unit for row in units}
        self.unit_kinds = {row.unit: row.kind for row in units}
        self.stop_words = set(d.load_json(folder / "counted.json", d.Counted).stop_words)
        self.fiscal = FiscalYears(d.load_tsv(folder / "fiscal_years.tsv", d.FiscalYearRow))
        self.holiday_nouns = [n.split() for n in rules.holiday_nouns]
        self.reporting = set(rules.reporting_verbs)
        self.present = set(rules.present_words)
        self.level_verbs = set(rules.level_verbs)
        self.participles = {"and", *rules.participles}
        self.reference_nouns = set(rules.reference_nouns)
        self.event_verbs = set(rules.event_verbs)
        self.level_cues_before = set(rules.level_cues_before)
        self.clause_openers = set(rules.clause_openers)
        self.pronouns = set(rules.pronouns)
        self.back_subjects = set(rules.back_reference_subjects)
        # their last words ("rate" of "the growth rate", "it"): a clause with
        # none of them has no subject pointing back (_refers_back)
        self._back_subject_heads = {subject.split()[-1] for subject in self.back_subjects}
        self.tally_words = set(rules.tally_words) | set(rules.tally_verbs)
        self.pace_nouns = set(rules.pace_nouns)
        entity_rules = d.load_json(folder / "entity_rules.json", d.EntityRules)
        self.company_suffixes = set(entity_rules.company_suffixes)
        self.org_heads = set(entity_rules.org_heads)  # "Ministry of ... Technology": no company
        self.allocation_verbs = [v.split() for v in rules.allocation_verbs]
        self.allocation_firsts = {v[0] for v in self.allocation_verbs}
        self.money_verbs = set(rules.money_verbs)
        self.auxiliaries = set(rules.auxiliaries)
        self.before_allocation = self.auxiliaries | {"will", "be"}  # "will be set aside for"
        self.metric_stop_verbs = set(rules.metric_stop_verbs)
        self.time_modifiers = set(rules.time_modifiers)
        self.holiday_pointers = set(rules.holiday_pointers)
        self.holiday_prepositions = set(rules.holiday_prepositions)
        self.period_words = set(rules.period_words)
        self.national_phrases = [p.split() for p in rules.national_phrases]
        self._national_first: dict[str, list[list[str]]] = {}
        for phrase in self.national_phrases:
            self._national_first.setdefault(phrase[0], []).append(phrase)
        # their last words: a clause with none of them has no such phrase (_nationwide)
        self._national_ends = {phrase[-1] for phrase in self.national_phrases}
        # the words that can start a period only in company (see _period_in_company)
        self._company_words = {*rules.ordinals, "half", "last", "this", "next", "end", "past",
                               "previous", "preceding", "final", "year", "prior"}
        self.up = set(rules.up_words)
        self.down = set(rules.down_words)
        self.flat = set(rules.flat_words)
        # the words _said_direction reads a direction from
        self._direction_words = {"edged", *self.up, *self.down, *self.flat}
        self.change_words = self.up | self.down | self.flat | set(rules.change_nouns)
        self.change_after = set(rules.change_after)
        self.targets = set(rules.target_cues)
        self.forecasts = set(rules.forecast_cues)
        self.breaks = set(rules.clause_breaks)
        self.joints = self.breaks | {"and"}  # the words a clause can start with
        # the roles a word has by its lower case alone (_word_roles)
        self._roles_by_word: dict[str, int] = {}
        for role, words in ((MARK, SENTENCE_ENDS), (JOINT, self.joints),
                            (NATIONAL, self._national_first),
                            (PLACE_NOUN, rules.place_back_references), (COMMA, (",",)),
                            (TRADE_WORD, self.sets.trade_words)):
            for w in words:
                self._roles_by_word[w] = self._roles_by_word.get(w, 0) | role
        self.comparisons = set(rules.comparison_words)

    # ------------------------------------------------------------ the pass
    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._build(doc)
        finally:
            self._entities = []  # per-Doc state must not keep the Doc alive
            # closures: the component stays picklable between documents
            self._figure_values = self._link = None

    def _build(self, doc: Doc) -> Doc:
        # span._.<name> without making an Underscore object a read (see extensions)
        self._figure_values = span_values("unit", "value", "qualifier", "per")
        # each doc._ makes an accessor object: the Doc's attributes read at once
        header, dateline, countries = doc_values("header", "dateline", "context_countries")(doc)
        self._header = header
        body_start = header.body_start if header is not None else 0
        self._idx, self._words = token_words(doc)
        self._lw = list(map(self._lower.__getitem__, self._words))
        figures = self._figures(doc, body_start)
        if not figures:  # nothing below is needed
            doc_setter("facts")(doc, [])
            return doc
        self._link = span_getter("link")
        self._countries = countries or []
        self._doc_text = doc_text(doc)
        # the few words some rule looks for, and what each is to the rules
        self._role_at = roles = list(map(self._roles.__getitem__, self._words))
        # the tokens that end a sentence or a paragraph; a clause can start at (a
        # break or "and"); a phrase for the whole country may start at
        # ("nationwide", "across the country"); commas; words of trade ("imported");
        # period cues; nouns of a kind of place
        (self._marks, self._joints, self._national_at, self._commas, self._trade_at,
         self._period_cues, place_nouns) = _tokens_by_role(roles)
        self._pointers, self._pointer_kinds = self._place_pointers(  # "in the province"
            place_nouns)
        # each read of a span group builds new Span objects: the entity recognizer's
        # own (group_spans), and what the rules ask of them, read once (a Span's
        # label_ is a string store lookup)
        self._entities = entities = group_spans(doc, "entities")
        self._ent_starts = [e.start for e in entities]  # ascending: a span group's order
        self._ent_ends = [e.end for e in entities]
        self._ent_labels = labels = [e.label_ for e in entities]
        self._place_ents = [k for k, label in enumerate(labels) if label in PLACE_LABELS]
        self._place_starts = [self._ent_starts[k] for k in self._place_ents]
        self._partner_of: dict[int, bool] = {}  # entity -> _partner_like
        self._referred: dict[tuple[int, str], int | None] = {}  # _place_referred's finds
        strings = doc.vocab.strings
        self._phrases = [(strings[m], s, e) for m, s, e in self.phrase_matcher(doc)]
        # figures are sorted and do not overlap; periods and metrics skip their tokens
        self._fig_starts = [f.span.start for f in figures]
        self._fig_ends = [f.span.end for f in figures]
        self._figure_tokens = {i for f in figures for i in range(f.span.start, f.span.end)}
        # the dateline's own entities, which name no fact's place
        idx = self._idx
        self._dateline_ents = [] if dateline is None else [
            k for k, start in enumerate(self._ent_starts) if idx[start] == dateline.start]
        self._country = self._fiscal_country()
        self._headline_from = self._headline_start(doc)
        ref = _datable(self._reference_date(dateline))
        self._review_year = self._headline_year(doc, ref)
        self._anchor = _datable(dateline.date if dateline is not None and dateline.date else ref)
        periods = self._periods(doc, figures, ref)
        if ref is None and dateline is not None and dateline.month:
            ref = self._infer_year(doc, periods, dateline)
            if ref is not None:
                self._anchor = ref
                periods = self._periods(doc, figures, ref)
        self._period_tokens = {i for p in periods for i in range(p.start, p.end)}
        metrics = self._metrics(doc, figures)
        # the one indicator the headline names ("Russia's economy grows 4.1 pct"),
        # which a bare "Growth" in the body is the growth of
        named = [ids[0] for s, _e, ids in metrics if ids
                 and self._headline_from <= s < self._body_token(doc, body_start)]
        headline_ids = {i for i in named if i in self.percent_growth_ids}
        self._headline_id = headline_ids.pop() if len(headline_ids) == 1 else None
        self._headline_named = set(named)
        self._metric_starts = [m[0] for m in metrics]
        self._metric_start_set = set(self._metric_starts)
        self._scenes: dict[int, int | None] = {}  # sentence -> _event_opening
        bases = {(s, e): label for label, s, e in self._phrases
                 if label != "METRIC" and label != "HOLIDAY"}
        main_place = self._dateline_country_entity(entities)
        self._country_entity = main_place
        drafts: list[FactDraft] = []
        self._clause_metric: tuple[int, str, str | None] | None = None
        self._openings: dict[int, int | None] = {}  # sentence -> _opening_comma
        self._parties: dict[int, tuple[int | None, list[int]]] = {}  # -> _trade_parties
        self._rankings: dict[int, tuple[bool, bool]] = {}  # sentence -> _ranking
        self._last_partner: int | None = None  # the partner of the figure before
        self._last_bilateral: int | None = None  # ... of the last bilateral trade figure
        current_period: PeriodHit | None = None
        plan_period: PeriodHit | None = None  # a budget's own year, from its lead
        body = self._body_token(doc, body_start)
        lead = next((x for x in self._sentences(doc) if x.end > body), None)
        # the headline and the lead (a budget or plan article names one there)
        self._lead_words = set(self._lw[:lead.end if lead else body])
        self._plan_article = not self.sets.plan_words.isdisjoint(self._lead_words)
        self._company_article = lead is not None and self._company_lead(entities, lead)
        self._after_dateline = (self._body_token(doc, dateline.end) if dateline is not None
                                else body)
        headline_periods = [p for p in periods if p.end <= body and not p.comparison]
        if headline_periods:
            current_period = headline_periods[0]
        stated: list[PeriodHit] = [current_period] if current_period is not None else []
        fig_starts = self._fig_starts
        period_starts = [p.start for p in periods]
        paragraphs = self._paragraphs = self._paragraph_starts()
        lead_para = bisect.bisect_right(paragraphs, lead.start) if lead else 0
        framing: PeriodHit | None = current_period  # the period that frames the article
        lead_periods = [p for p in periods if lead is not None and lead.start <= p.start < lead.end
                        and not p.comparison and p.carries]
        if lead_periods:
            framing = lead_periods[0]  # "... posted robust growth in the first three quarters"
        para = None
        unframed: tuple[PeriodHit | None] | None = None  # the period before a figureless span
        for sent in self._sentences(doc):
            if sent.end <= body:
                continue
            here = bisect.bisect_right(paragraphs, sent.start)
            if here != para:
                para = here
                if unframed is not None:
                    current_period = unframed[0]  # as before that paragraph's own span
                    unframed = None
                elif current_period is not None and current_period is not framing:
                    # "Offtake contracts for corn in 2025 have been signed": a period
                    # stated inside a later paragraph does not carry past it
                    current_period = framing
            sent_figs = figures[bisect.bisect_left(fig_starts, sent.start):
                                bisect.bisect_left(fig_starts, sent.end)]
            sent_periods = periods[bisect.bisect_left(period_starts, sent.start):
                                   bisect.bisect_left(period_starts, sent.end)]
            if not sent_figs:
                # "Figures released in December pointed the same way for the 2024-25
                # financial year. Exports ... fell 11.2 percent": a span of a month or
                # more, stated alone, dates the rest of its paragraph
                spans = [p for p in sent_periods if p.carries and not p.comparison
                         and not p.deadline and p.first is not None and p.last is not None
                         and (p.last - p.first).days >= 27 and not self._future(p, ref)]
                if spans:
                    if para == lead_para:
                        framing = spans[-1]  # the lead's: it frames the article
                    elif unframed is None:
                        unframed = (current_period,)
                    current_period = spans[-1]
                continue  # no clause of it has a figure
            for a, b in self._clauses(doc, sent):
                clause_figs = [f for f in sent_figs if a <= f.span.start < b]
                if not clause_figs:
                    continue
                for draft in self._pair(doc, clause_figs, a, b):
                    draft.start = max(self._idx[a], body_start)  # not the header line
                    draft.end = self._idx[b - 1] + len(self._words[b - 1])
                    self._describe(doc, draft, a, b, sent, metrics, bases, entities)
                    self._restated_amount(draft, drafts)
                    value = draft.value.span.start if draft.value is not None else None
                    alone = draft.change.span.start if draft.change is not None \
                        and draft.value is None else None  # a change with no level
                    attached, near = None, []  # most sentences state no period
                    if sent_periods:
                        attached = next((p for p in sent_periods if p.attached is not None and (
                            (p.attached == value and draft.change is None)
                            or p.attached == alone)), None)
                        scene = self._event_opening(sent)
                        own = [p for p in sent_periods
                               if (scene is None or p.start > scene)
                               and ((p.introduces and p.end < draft.first.start) or (
                                   not p.comparison
                                   and (p.attached is None or p.attached == value)))]
                        if any(p.label_kind != "weekday" for p in own):
                            own = [p for p in own if p.label_kind != "weekday"]  # a date as well
                        near = [p for p in own if a <= p.start < b] or [
                            p for p in own if not p.deadline and not self._relative(p, sent)]
                    if attached is not None:
                        draft.period = attached  # "up from 3.4 percent a year earlier"
                    elif near:
                        draft.period = min(near, key=lambda p: self._distance(p, draft))
                        if draft.period.carries and not self._future(draft.period, ref):
                            current_period = draft.period
                            stated.append(current_period)
                            if not draft.period.part and draft.kind == "actual" and (
                                    para == lead_para or draft.period.start
                                    <= self._sentence_head(sent)) \
                                    and not self._before(draft.period, framing) \
                                    and not (para != lead_para
                                             and self._within(draft.period, framing)):
                                # (a target's year frames nothing: "staying within
                                # the target range of 1.5 to 3.5 percent for this year")
                                # a look back ("By the end of 2023, China was home
                                # to ...", in a 2024 article; the lead's "up from
                                # ... in 2000") does not frame what follows
                                framing = current_period  # the lead's, or "In 2024, ..."
                        if self._plan_article and plan_period is None \
                                and not draft.period.deadline:
                            plan_period = draft.period
                    elif self._standing(a, b, draft.first.start) or self._perfect(a, b):
                        # "the port now runs 300 routes", "Gansu has also dispatched 19
                        # medical teams": a standing state or a result, not a figure of
                        # the period stated last
                        draft.period = None
                    elif current_period is None and plan_period is None and any(
                            sent.start <= p.start < sent.end for p in self._statements) \
                            and self._tally(a, b):
                        current_period = next(p for p in self._statements
                                              if sent.start <= p.start < sent.end)
                        draft.period = current_period
                        stated.append(current_period)
                        if para == lead_para:
                            framing = current_period
                    elif plan_period is not None:
                        draft.period = plan_period  # in a budget, the budget's year
                    elif self._over(current_period, ref) and self._ahead(a, b):
                        # "trade reached 44 billion dollars last year ... the plant is
                        # expected to create 1,500 jobs": a plan is not dated by the
                        # past, but by the last period stated that is not over
                        draft.period = next((p for p in reversed(stated)
                                             if not self._over(p, ref)), None)
                    elif current_period is not None and current_period.label_kind in (
                            "as_of_weekday", "as_of_date") \
                            and current_period.first == current_period.last \
                            and not self._tally_metric(draft):
                        # "As of Friday, the quake had killed 760 people ... At least
                        # 7,093 rescuers were searching": a toll's date, not the rescue's
                        draft.period = None
                    else:
                        draft.period = current_period  # the period stated last applies
                    if draft.period is not None and self._distance_measure(draft) and (
                            draft.period.label_kind == "weekday"
                            or not sent.start <= draft.period.start < sent.end) \
                            and not self._tally_metric(draft):
                        # "struck at 7:49 a.m. Wednesday at a depth of about 33 km": a
                        # distance describes the event, it is not a figure of a period
                        draft.period = None
                    if draft.change is not None and draft.basis is None \
                            and self._against_year_before(draft, sent_periods, a, b):
                        draft.basis = "year_on_year"  # "3.63 percent higher than in 2023"
                    if draft.change is not None and self._year_to_year(draft.period):
                        # "dropped 8 percent between 2018 and 2019": a change over
                        # 2019, against 2018
                        p = draft.period
                        draft.period = replace(p, first=dt.date(p.last.year, 1, 1))
                        draft.basis = draft.basis or "year_on_year"
                    if self._plan_article and draft.kind == "actual" and ref is not None \
                            and draft.period is not None and draft.period.first is not None \
                            and draft.period.first > ref:
                        # a budget's figures for a year still to come are its plan
                        draft.kind = "target"
                    if drafts and self._continues(drafts[-1], draft, a, b):
                        # "Foreign trade climbed to 4.37 trillion yuan. The figure
                        # represents a year-on-year rise of 13.8 percent": one fact
                        prev = drafts[-1]
                        prev.change, prev.direction, prev.basis = (draft.change,
                                                                   draft.direction,
                                                                   draft.basis)
                        prev.end = draft.end
                        continue
                    drafts.append(draft)
        self._respective_places(drafts, entities)
        self._respective_metrics(doc, drafts, metrics)
        self._same_topic(drafts)
        if self._company_article:
            for f in drafts:  # "Tencent said its revenue rose 10 percent": not fiscal revenue
                f.metric_id = self.rules.company_ids.get(f.metric_id, f.metric_id)
        lead_place = self._first_place(doc, entities, self._main_clause_start(lead),
                                       self._lead_end(lead)) if lead else None
        if lead_place is not None and (
                self._listed(entities, lead_place)  # "in Zhejiang, Fujian, Jiangxi ..."
                or self._venue(lead_place, self._main_clause_start(lead))):  # "... in Abuja"
            lead_place = None
        self._places(drafts, main_place, lead_place, entities)
        for f in drafts:
            if f.partner is not None and f.location is not None \
                    and self._same_place(entities, f.partner, f.location):
                # no trade with itself: "trade between Fujian and the bloc" has no partner
                # named; "trade with ASEAN and the Republic of Korea went up 10.5 percent
                # and 13.3 percent, respectively" has no place named
                if f.notes.get("respective"):
                    f.location = None
                else:
                    f.partner = None
        topic = self._headline_products(metrics, body)
        for f in drafts:
            if f.metric_id is None and f.metric and not f.notes.get("share") \
                    and not f.notes.get("amount_of_change"):
                # "monthly inflows since July averaged 2.28 billion dollars", in an
                # article headlined on remittances: a word of the headline's indicator
                f.metric_id = self._headline_word_id(f.metric)
            if f.metric_id in topic and self._bare(f):
                # "Malaysia's palm oil exports rise ...": the article's bare "Export
                # volume" is the product's, not the country's exports
                f.metric_id = None
            if f.metric_id is not None and f.metric_id not in self.per_unit_ids \
                    and f.value is not None and f.value.kind == "money":
                per = f.value.per or self._per_in_metric(f)
                if per and per.lower() not in self.sets.per_time_units:
                    # "about 1,024 yuan per trip", "3,000 yuan per tonne": a rate or
                    # a price, not the indicator's total
                    f.metric_id = None
            self._not_a_level(f)
        doc_setter("facts")(doc, drafts)
        return doc

    def _not_a_level(self, draft: FactDraft) -> None:
        """A share of a whole, the amount of a change and a count where a rate
        or an amount of money is meant are no level of the indicator their
        clause names: no id (``accounting for 55.2 percent of the province's
        total``; ``an increase of 7.3 billion dollars``, which reads "increase
        in ..."; ``Unemployment fell ... to about 8 million people``). Done
        last: the figures after them, and the rules that carry a metric on,
        keep the indicator."""
        if draft.metric_id is None or draft.metric_id in self.sets.increment_ids:
            return
        if (draft.metric_id in self.rates_only and draft.value is not None
                and draft.value.kind != "percentages") or (
                draft.metric_id in self.not_money and draft.value is not None
                and draft.value.kind == "money") or (
                draft.metric_id in self.money_only and draft.value is not None
                and draft.value.kind == "quantities"):
            # "Unemployment fell ... to about 8 million people"; "lifting total
            # employment to 17.1 million people" is no GDP; "250,000 rupees for the
            # seriously injured" counts no one injured
            draft.metric_id = None
        elif draft.notes.get("share"):
            draft.metric_id = None
        elif draft.notes.get("amount_of_change") and draft.direction is not None \
                and draft.change is None and draft.metric is not None:
            draft.metric_id = None
            if str(draft.metric).split()[0].lower() not in self.sets.change_nouns:
                noun = "decrease" if draft.direction == "down" else "increase"
                metric = str(draft.metric)
                if metric[:1].isupper() and metric[1:2].islower():
                    metric = metric[0].lower() + metric[1:]  # "Grain output" -> "grain output"
                draft.metric = f"{noun} in {metric}"
        if draft.metric_id in self.measured_in and draft.value is not None \
                and draft.value.kind == "quantities" and (
                    self.unit_kinds.get(str(draft.value.unit or "")) != self.measured_in[
                        draft.metric_id] or draft.value.per):
            # "the area sown with grain" in hectares, "output per hectare": no grain output
            draft.metric_id = None

    # ------------------------------------------------------------ inputs
    def _figures(self, doc: Doc, body_start: int) -> list[Figure]:
        out = []
        values = self._figure_values
        for kind in ("money", "percentages", "quantities"):
            for k, span in enumerate(group_spans(doc, kind)):
                if span.start_char < body_start:
                    continue
                if kind == "money" and span.start > 0 and self._words[span.start - 1] == "(":
                    continue  # the stated equivalent of the amount before it
                out.append(Figure(kind, k, span, *values(span)))
        out.sort(key=lambda f: f.span.start)
        previous = None
        for f in out:
            if f.kind == "percentages":
                f.is_change = self._is_change(doc, f) or (
                    previous is not None and self._listed_after(previous, f))
                previous = f
            else:
                previous = None
        return out

    def _listed_after(self, previous: Figure, fig: Figure) -> bool:
        """``grew 7.10 percent in 2021-22, 5.78 percent in 2022-23 and a
        provisional 5.82 percent``, ``went up 4.7 percent, at specialty stores
        4.2 percent``: a change listed after a change shares its verb."""
        if not previous.is_change:
            return False
        lw = self._lw
        gap = lw[previous.span.end:fig.span.start]
        if not gap or len(gap) > 8 or not ({",", "and"} & set(gap)):
            return False
        if gap[-1] in ("to", "from"):
            return False  # "by 25 basis points, taking the deposit rate to 2 percent": a level
        if any(w in self.level_verbs or w in self.change_words or w in (";", ".", "of")
               or w in self.sets.comparison_words for w in gap):
            return False
        return fig.span.end >= len(lw) or lw[fig.span.end] not in ("of",)

    def _is_change(self, doc: Doc, fig: Figure) -> bool:
        span, unit = fig.span, fig.unit
        nxt = self._lw[span.end] if span.end < len(doc) else ""
        before = self._lw[max(0, span.start - 4):span.start]
        k = span.start  # "rose to a record 92.2 percent", "up from a low of 29 percent"
        while k > max(0, span.start - 4) and self._lw[k - 1] in self.sets.record_fillers:
            k -= 1
        if self._lw[k - 1:k] in (["to"], ["from"]) and unit != "percentage_point" and not (
                k < span.start and nxt in self.change_words):  # "from a 0.5-percent decline"
            return False  # "rose to 3.5 percent", "up from 2.3 percent": levels
        if self._after_level_phrase(span.start):
            return False  # "making up 27.8 percent of its total foreign trade": a share
        if "than" in before[-2:] and unit != "percentage_point" \
                and nxt not in self.sets.change_nouns:
            # "higher than the 49.4 percent registered in the third quarter"; but
            # "the pace was slower than the 5.7 percent recorded in 2023" compares growth
            return not self.pace_nouns.isdisjoint(self._lw[max(0, span.start - 8):span.start])
        if before[-2:-1] and before[-2] in self.flat and before[-1] == "at":
            return False  # "was unchanged at 41.9 percent": a level
        if not self.change_words.isdisjoint(before):
            return True
        if before[-1:] == ["or"] and nxt != "of" and not self.change_words.isdisjoint(
                self._lw[max(0, span.start - 8):span.start]):
            return True  # "down 63.5 billion dollars, or 1.94 percent": the change restated
        # "grew at an average of 5.2 percent", "expanded by an annual 6 percent"
        k = span.start - 1
        while k >= max(0, span.start - 7) and self._lw[k] in self.sets.rate_fillers:
            k -= 1
        if k >= 0 and k < span.start - 1 and (self._lw[k] in self.up or self._lw[k] in self.down):
            return True
        if unit == "percentage_point" and nxt in self.sets.comparatives:
            return True  # "The rate was 0.5 percentage points lower than ..."
        if nxt in self.sets.change_nouns and before[-1:] in (["a"], ["an"]):
            return True  # "joint-stock companies posted a 7.3-percent gain"
        if before[-1:] == ["by"] and not self.change_words.isdisjoint(
                self._lw[max(0, span.start - 8):span.start]):
            return True  # "lowered its benchmark monetary policy rate by 3 percentage points"
        if nxt == "of" or not self.level_cues_before.isdisjoint(before[-2:]):
            return False
        if unit == "percentage_point":
            return True
        if nxt == "over" and self._lw[span.end + 1:span.end + 3][-1:] in (
                ["past"], ["last"], ["next"], ["coming"]):
            return False  # "ran above 9 percent over the past two fiscal years"
        return nxt in self.change_after

    def _after_level_phrase(self, i: int) -> bool:
        """The two words before token ``i`` make a figure a level ("making up"),
        perhaps with a few fillers between ("made up a record 52 percent")."""
        k = i
        while k > max(0, i - 3) and self._lw[k - 1] in self.sets.level_fillers:
            k -= 1
        return " ".join(self._lw[max(0, k - 2):k]) in self.sets.level_phrases

    def _text(self, a: int, b: int) -> str:
        """``doc[a:b].text``, cut from the article's text (no Span made)."""
        b = min(b, len(self._words))
        if b <= a:
            return ""
        return self._doc_text[self._idx[a]:self._idx[b - 1] + len(self._words[b - 1])]

    def _entity_text(self, k: int) -> str:
        """``entities[k].text`` (no Token made for each word)."""
        return self._text(self._ent_starts[k], self._ent_ends[k])

    def _is_punct(self, i: int) -> bool:
        """``doc[i].is_punct``: the word's lexeme attribute, remembered by word."""
        return self._punct[self._words[i]]

    def _body_token(self, doc: Doc, char: int) -> int:
        return bisect.bisect_left(self._idx, char)

    def _sentences(self, doc: Doc) -> list[Sentence]:
        """Sentences as spaCy's sentencizer cuts them (after ``.``, ``!``, ``?``
        unless more punctuation follows), and at paragraph breaks, read from
        the word list rather than by a component that walks every token."""
        lw = self._lw
        cached = self.__dict__.get("_sentences_of")
        if cached is not None and cached[0] is lw:  # asked again for the same Doc
            return cached[1]
        n = len(lw)
        starts = [0]
        for i in self._marks:
            if i == n - 1:
                break
            if lw[i] in SENTENCE_ENDS:
                if lw[i + 1] not in (".", "!", "?", '"', "”", ")"):
                    starts.append(i + 1)
            else:  # a line break
                starts.append(i + 1)
        if n and starts[-1] == n:
            starts.pop()
        out = [Sentence(a, b) for a, b in zip(starts, [*starts[1:], n], strict=True)] if n \
            else []
        self._sentences_of = (lw, out)
        return out

    def _headline_start(self, doc: Doc) -> int:
        """Token where the headline begins: the header's ``date YYYY-MM-DD`` is
        metadata, not a period the article states."""
        header = self._header
        if header is None or not header.headline:
            return 0
        at = doc_text(doc).find(header.headline, 0, header.body_start or None)
        return self._body_token(doc, at) if at >= 0 else 0

    def _headline_products(self, metrics: list[tuple[int, int, list[str]]], body: int
                           ) -> frozenset[str]:
        """The indicators the headline narrows by a product ("Malaysia's palm
        oil exports", "China's lithium battery exports"), with no refining
        indicator of their own: the article is about that product's flows."""
        out = set()
        for s, _e, ids in metrics:
            if not self._headline_from <= s < body or not ids:
                continue
            k = self._modifiers_before(s, ids)
            if k < s and self._narrowed(ids, self._lw[k:s]) is None \
                    and not self.sets.scope_modifiers.issuperset(self._lw[k:s]):
                out.add(ids[0])  # a product ("palm oil"), not a scope ("core inflation")
        return frozenset(out)

    def _per_in_metric(self, draft: FactDraft) -> str | None:
        """What a fact's amount is per when its metric or the word after it
        says so ("Average spending per visitor was 1,200 yuan", "spent an
        average of 3,000 yuan each")."""
        start = draft.value.span.start
        words = self._lw[max(0, bisect.bisect_left(self._idx, draft.start)):start]
        if "per" in words[:-1]:
            return words[words.index("per") + 1]
        end = draft.value.span.end
        return "each" if self._lw[end:end + 1] == ["each"] else None

    def _bare(self, draft: FactDraft) -> bool:
        """A fact's metric names no product and no whole of its own ("Export
        volume", "Shipments", "exports to China"; not "total exports",
        "Malaysia's overall exports")."""
        words = str(draft.metric or "").lower().replace("-", " ").split()
        first = draft.first.start
        before = self._lw[max(0, bisect.bisect_left(self._idx, draft.start)):first]
        return not any(w in self.sets.narrowing_modifiers for w in words) \
            and self.sets.whole_words.isdisjoint(before)

    def _headline_year(self, doc: Doc, ref: dt.date | None) -> int | None:
        """The one year a headline names, when it is over ("China's box office
        ... in 2024", published in January 2025): the year the article reviews."""
        header = self._header
        if header is None or not header.headline or ref is None:
            return None
        end = self._body_token(doc, header.body_start) if header.body_start else 0
        years = {int(w) for w in self._lw[self._headline_from:end]
                 if len(w) == 4 and w.isdecimal() and 1900 <= int(w) <= 2100}
        return years.pop() if len(years) == 1 and min(years) < ref.year else None

    def _fiscal_country(self) -> str | None:
        """Whose fiscal year ``the 2024-25 financial year`` is: the dateline
        place's own ISO code when it has one (Hong Kong is HK, not CN), else
        the dateline's country."""
        if self._dateline_ents:
            link = self._link(self._entities[self._dateline_ents[0]])
            code = link.iso_alpha2 if link is not None else None
            if code and self.fiscal.differs(code):
                return code
        countries = self._countries
        return countries[0] if countries else None

    def _infer_year(self, doc: Doc, periods: list[PeriodHit], dateline) -> dt.date | None:
        """A dateline with no year and no published date: the year of the
        first period the body states with a year, or the next one when that
        period had not ended by the dateline's day (a January report on
        ``2024`` is from 2025). The record says the year was inferred."""
        stated = next((p for p in periods if p.first is not None and not p.comparison
                       and any(w.isdecimal() and len(w) == 4 for w in self._lw[p.start:p.end])),
                      None)
        if stated is None:
            return None
        year = stated.first.year
        try:
            day = dt.date(year, dateline.month, dateline.day)
            if stated.last is not None and stated.last >= day:
                day = day.replace(year=year + 1)
        except ValueError:  # 29 February
            return None
        doc._.dateline = replace(dateline, date=day, inferred=True)
        doc._.warnings = [*(doc._.warnings or []),
                          f"the dateline's year ({day.year}) is inferred from the period "
                          f"'{stated.label}' the article reports"]
        return day

    def _reference_date(self, dateline) -> dt.date | None:
        header = self._header
        if header is not None and header.published:
            return header.published
        return dateline.date if dateline is not None else None

    def _clauses(self, doc: Doc, sent: Sentence) -> list[tuple[int, int]]:
        lw = self._lw
        if "respectively" in lw[sent.start:sent.end]:
            # "production reached 6.968 million units, while sales stood at
            # 6.937 million units, up 41.4 and 40.3 percent respectively": one clause
            return [(sent.start, sent.end)]
        cuts = [sent.start]
        joints = self._joints  # the tokens a clause can start at: a break or "and"
        for i in joints[bisect.bisect_right(joints, sent.start):
                        bisect.bisect_left(joints, sent.end)]:
            if lw[i] in self.breaks or lw[i - 1] == "," or (
                    self._figure_in(max(cuts[-1], sent.start + 1), i)
                    and self._new_subject(i, sent.end)):
                cuts.append(i)
        cuts.append(sent.end)
        return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]

    def _figure_in(self, a: int, b: int) -> bool:
        """A token of a figure is among tokens ``a``..``b``."""
        k = bisect.bisect_right(self._fig_ends, a)  # the first figure that ends after a
        return k < len(self._fig_starts) and self._fig_starts[k] < b

    def _new_subject(self, i: int, end: int) -> bool:
        """After ``and``, a subject of its own, a verb and a figure: "the
        unemployment rate edged down to 4 percent and average hourly pay rose to
        US$35.87" (not "3,000 rescuers using equipment and dogs are racing")."""
        lw = self._lw
        for j in range(i + 2, min(end, i + 7)):
            if j in self._figure_tokens or not self._words[j - 1].isalnum():
                return False
            if lw[j] in self.up or lw[j] in self.down or lw[j] in self.level_verbs:
                return lw[j - 1] not in self.auxiliaries and any(
                    k in self._figure_tokens for k in range(j + 1, min(end, j + 8)))
        return False

    # ------------------------------------------------------------ pairing
    def _pair(self, doc: Doc, figs: list[Figure], a: int, b: int) -> list[FactDraft]:
        if len(figs) == 1:  # most clauses: a level, or a change with no level
            f = figs[0]
            return [FactDraft(None, f) if f.is_change else FactDraft(f, None)]
        levels = [f for f in figs if not f.is_change]
        changes = [f for f in figs if f.is_change]
        pairs: dict[int, Figure] = {}  # id(change) -> level
        respectively = "respectively" in self._lw[a:b]
        if respectively and changes and len(levels) >= len(changes):
            # the levels nearest before the changes: "Hainan's four shops served
            # 146,800 customers and sold 998,900 items, increases of 43.9
            # percent and 97.2 percent respectively"
            first_change = changes[0].span.start
            before = [lv for lv in levels if lv.span.start < first_change]
            chosen = before[-len(changes):] if len(before) >= len(changes) else levels[
                :len(changes)]
            for c, lv in zip(changes, chosen, strict=True):
                pairs[id(c)] = lv
        elif (parallel := self._parallel(levels, changes)) is not None:
            # "3.359 million vehicles rolled off production lines and 3.322 million
            # units were sold, up 12.1 percent and 8.8 percent": in order, as with
            # "respectively"
            for c, lv in zip(parallel, levels[-len(parallel):], strict=True):
                pairs[id(c)] = lv
        else:
            free = list(levels)
            for c in changes:
                lv = self._level_for(doc, c, free)
                if lv is not None:
                    pairs[id(c)] = lv
                    free.remove(lv)
        drafts = []
        used = {id(lv) for lv in pairs.values()}
        for f in figs:
            if f.is_change:
                drafts.append(FactDraft(pairs.get(id(f)), f))
            elif id(f) not in used:
                drafts.append(FactDraft(f, None))
        drafts.sort(key=lambda x: x.first.start)
        return drafts

    def _parallel(self, levels: list[Figure], changes: list[Figure]) -> list[Figure] | None:
        """The changes right after the last of two or more levels, as many as
        the levels and listed with "and" ("up 12.1 percent and 8.8 percent"),
        when the levels are listed with "and" too; else None."""
        n = len(levels)
        if n < 2 or len(changes) < n:
            return None
        lw = self._lw
        if any("and" not in lw[x.span.end:y.span.start]
               for x, y in zip(levels, levels[1:], strict=False)):
            return None
        after = [c for c in changes if c.span.start > levels[-1].span.end]
        if len(after) < n or any(c.unit != after[0].unit for c in after[:n]):
            return None
        run = after[:n]
        if any(lw[x.span.end:y.span.start] not in (["and"], [","], [",", "and"])
               for x, y in zip(run, run[1:], strict=False)):
            return None
        gap = lw[levels[-1].span.end:run[0].span.start]
        if len(gap) > 4 or not (self.up.intersection(gap) or self.down.intersection(gap)):
            return None  # "..., up 12.1 percent and 8.8 percent"
        return run

    def _other_verb(self, a: int, b: int) -> bool:
        gap = self._lw[a:b]
        if "and" not in gap:
            return False
        rest = gap[gap.index("and") + 1:]
        if "," in rest:  # "visitors from provinces and cities, down 23.6 percent"
            rest = rest[:rest.index(",")]
        return any(w in self.up or w in self.down or w in self.level_verbs for w in rest)

    def _destination(self, first: Figure, then: Figure) -> bool:
        """``then`` counts where ``first`` went ("281,538 tons of rice to 50
        countries and regions"), not the level ``first`` changed to ("from 5
        billion yuan to 6 billion yuan"): after "to", in another unit, with no
        word of change between them."""
        lw = self._lw
        gap = lw[first.span.end:then.span.start]
        return gap[-1:] == ["to"] and (first.kind, first.unit) != (then.kind, then.unit) \
            and not any(w in self.change_words or w in (",", ";", "from") for w in gap)

    def _equivalent(self, first: Figure, then: Figure) -> bool:
        """``then`` is ``first`` restated in brackets, in another unit of the
        same kind ("75.075 billion jin (about 37.5 billion kg)")."""
        lw = self._lw
        gap = lw[first.span.end:then.span.start]
        return gap == ["("] and lw[then.span.end:then.span.end + 1] == [")"] \
            and first.kind == then.kind and first.unit != then.unit

    def _level_for(self, doc: Doc, change: Figure, free: list[Figure]) -> Figure | None:
        if not free:
            return None
        # "an increase of 9.4 percent in volume and 4 percent in value": the level
        # of that kind
        said = self._lw[change.span.end:change.span.end + 2]
        kind = self.rules.measured_in.get(said[1]) if len(said) == 2 and said[0] in (
            "in", "by") else None
        if kind is not None:
            same = [f for f in free if f.kind == kind]
            if same:
                return min(same, key=lambda f: abs(f.span.start - change.span.start))
        # "rose 1.1 percent, or 66 kg per hectare": the amount restated after the
        # change is the change too, no level it moved to
        after = [f for f in free if f.span.start >= change.span.end
                 and self._lw[change.span.end:f.span.start] != [",", "or"]]
        before = [f for f in free if f.span.end <= change.span.start]
        # "increased by 17 cents, or 0.5 percent, to $35.87": the amount before a
        # restated change is the change, not its level
        restated = self._lw[change.span.start - 2:change.span.start] == [",", "or"]
        if restated:
            before = [f for f in before if f.span.end != change.span.start - 2]
        # rose 15.3 percent (year on year) to 11.32 billion yuan
        for f in after:
            gap = self._lw[change.span.end:f.span.start]
            if restated and gap[:1] == [","]:
                gap = gap[1:]
            if len(gap) <= 6 and "to" in gap and not any(w in (",", ";") for w in gap[:-1]):
                return f
        # not a level of another verb: "covers 4,700 km in 12 days and cuts
        # transport time by 30 percent"
        before = [f for f in before if not self._other_verb(f.span.end, change.span.start)]
        if len(before) >= 2 and self._destination(before[-2], before[-1]):
            return before[-2]  # "sold 281,538 tons of rice to 50 countries ..., an increase of"
        if len(before) >= 2 and self._equivalent(before[-2], before[-1]):
            # "75.075 billion jin (about 37.5 billion kg) of summer grain, up 0.2
            # percent": the figure stated, not its equivalent in brackets
            return before[-2]
        if before:
            return before[-1]
        # a later level, but not another percentage ("a target of 7 percent,
        # striving to reach 8 percent" are two targets)
        after = [f for f in after if f.kind != "percentages"
                 and "than" not in self._lw[change.span.end:f.span.start]]
        # (nor what it is compared with: "some 5 percent lower than the 1.345
        # trillion riyals the government expects to spend in 2024")
        return after[0] if after else None

    # ------------------------------------------------------------ describing
    def _describe(self, doc: Doc, draft: FactDraft, a: int, b: int, sent: Sentence,
                  metrics: list[tuple[int, int, list[str]]], bases: dict, entities) -> None:
        # the first figure's tokens, read once (each read of a Span's start is a call)
        first = draft.first
        first_start, first_end = first.start, first.end
        # metric: the nearest metric words before the figure in the sentence,
        # else the nearest after it in the clause
        starts = self._metric_starts
        lo, mid = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, first_start)
        opening = self._openings.get(sent.start, -1)
        if opening == -1:  # once a sentence
            opening = self._openings[sent.start] = self._opening_comma(sent.start, sent.end)
        if opening is not None and self._actor_subject(opening + 1, first_start):
            opening = None  # "On the revenue side, the government plans to raise ..."
        chosen = None
        for m in reversed(metrics[lo:mid]):
            if m[1] <= first_start and not self._counts_for_money(m, draft, sent.start) \
                    and not self._in_aside(m[0], sent.start, first_start) \
                    and m[0] not in self._denominators \
                    and not (opening is not None and m[1] <= opening < first_start):
                chosen = m
                break
        if chosen is None:
            hi = bisect.bisect_left(starts, b)
            # "12 percent of Thailand's GDP": what a share is of does not name it
            # (but "11.51 trillion yuan of foreign trade" does)
            share = draft.value is None or draft.value.kind == "percentages"
            chosen = next((m for m in metrics[bisect.bisect_left(starts, first_end):hi]
                           if m[1] <= b and not (share and m[0] in self._denominators)),
                          None)
        own_subject = None
        if chosen is not None and chosen[0] < a and a > sent.start:
            # "the unemployment rate edged down to 4 percent and average hourly pay
            # rose to US$35.87": a later clause's own subject names its figure
            own_subject = self._subject_words(doc, a, first_start)
        elif chosen is not None:
            own_subject = self._head_before_modifier(doc, max(a, sent.start), chosen,
                                                     first_start)
        gapped = self._gapped_subject(doc, first_start, chosen)
        continuing = self._clause_metric is not None and self._clause_metric[0] >= sent.start \
            and self._continues_with(first_start)
        # what names the figure, first found first (each worked out only if needed)
        if continuing:
            # "an annual capacity of 150,000 vehicles, rising to 300,000 vehicles in
            # a second phase": the same metric, later
            draft.metric, draft.metric_id = self._clause_metric[1:]
        elif own_subject is not None:
            draft.metric, draft.metric_id = own_subject, None
        elif (purpose := self._allotted(doc, draft, a, sent)) is not None:
            # "1,055 billion rupees has been earmarked for pensions and 1,186
            # billion rupees for subsidies": what the money is set aside for
            draft.metric, draft.metric_id = purpose
        elif draft.value is not None \
                and (named := self._of_phrase(doc, first_start, chosen)) is not None:
            # "The budget plans net borrowing of 81.8 billion euros": the noun the
            # figure is "of" names it, not the clause's subject
            draft.metric, draft.metric_id = named
        elif gapped is not None:
            # "Defence will receive 2,550 billion rupees and civil administration
            # 971 billion rupees": the words right before the figure
            draft.metric, draft.metric_id = gapped, None
        elif draft.value is not None \
                and (phrase := self._figure_phrase(doc, draft.value)) is not None and (
                    chosen is None or chosen[0] < a or (
                        phrase[1] and not set(phrase[1]) & set(chosen[2]))
                    or self._lw[first_start - 1:first_start] != ["of"]):
            # "62 homes swept away", "8,000 tonnes of standard coal saved": the
            # figure names its own thing, unless the clause's metric words agree
            draft.metric = phrase[0]
            draft.metric_id = self._prefer(phrase[1]) if phrase[1] else None
            if draft.metric_id is not None:  # "tonnes of milled rice exported"
                own = self._own_words(draft.metric_id)
                narrowing = [w for w in phrase[0].lower().split() if self._narrows(w, own)]
                if narrowing:
                    draft.metric_id = self._narrowed([draft.metric_id], narrowing)
        elif chosen is not None:
            draft.metric, draft.metric_id = self._metric_words(doc, chosen, first_start)
            verb = self._verb_before(draft.value) if draft.value is not None else None
            if verb is not None and chosen[0] >= sent.start and draft.metric_id not in verb[1]:
                # "Tourists spent 1.2 billion yuan": the verb says what the money is
                draft.metric = f"{draft.metric} {verb[0]}"
                draft.metric_id = self._prefer(verb[1])
        elif self._clause_metric is not None and self._clause_metric[0] == a:
            draft.metric, draft.metric_id = self._clause_metric[1:]  # ... worth 1.55 billion yuan
        elif self._clause_metric is not None and (
                pointer := self._refers_back(max(a, sent.start), first_start)) is not None:
            # "Growth was 0.1 percentage points faster than ...", "The figure was
            # ...": the metric of the figure before ("growth rate of foreign trade")
            draft.metric, draft.metric_id = self._clause_metric[1:]
            draft.notes["refers_back"] = True
            words = pointer.lower().split()
            if words[-1] in self.sets.pace_nouns or words[-1] == "rate":
                draft.metric = f"{' '.join(pointer.split()[words[0] == 'the':])} of {draft.metric}"
        else:
            draft.metric = self._subject_words(doc, max(a, sent.start), first_start)
            last = self._clause_metric
            if (draft.metric is None or str(draft.metric).lower() in self.sets.growth_nouns) \
                    and self._headline_id is not None \
                    and self._headline_id in self.percent_growth_ids \
                    and (growth := self._bare_growth(a, first_start)) is not None:
                # "Growth for 2023 was revised up, to 4.1 percent", in an article
                # headlined on the economy: the growth of the headline's indicator
                draft.metric, draft.metric_id = growth, self._headline_id
            if draft.metric is None and last is not None and self._those_of(a, first_start):
                # "New home prices in Beijing declined 0.4 percent and those in
                # Guangzhou dipped 0.2 percent": the metric named before
                draft.metric, draft.metric_id = last[1], last[2]
            if draft.metric is not None and last is not None and last[2] is not None \
                    and draft.metric.split()[0].lower() == last[1].split()[-1].lower():
                # "Fixed-asset investment rose 4.2 percent. Investment in the
                # January-March period totaled ...": the indicator named before
                draft.metric_id = last[2]
            if draft.metric is None and draft.value is not None \
                    and draft.value.kind == "quantities":
                draft.metric = draft.value.unit  # the counted noun: "trips"
                measure = self.rules.measure_nouns.get(self.unit_kinds.get(draft.metric, ""))
                if measure is not None:
                    draft.metric = measure  # "stretches 1,035 km": its length, not "kilometre"
                ids = self.form_ids.get(str(draft.metric).lower(), [])
                draft.metric_id = self._prefer(ids) if ids else None
        if draft.metric_id in self.contexts:
            draft.metric_id = self._in_context(draft, sent)
        if draft.metric_id is None and self._headline_id == "gdp" and draft.value is None \
                and str(draft.metric or "").lower() in ("output", "growth", "expansion"):
            # "Output grew 0.2 percent in the quarter", in an article headlined on
            # GDP: the economy's output
            draft.metric_id = "gdp"
        if draft.metric_id in self._refiners:  # exports of NEVs -> nev_exports
            draft.metric_id = self._narrowed([draft.metric_id], self._lw[a:b]) \
                or draft.metric_id
        if draft.metric_id in self.sets.trade_ids or draft.metric_id in self.sets.trip_ids:
            # the metric and its subject: "trade by private enterprises", "610 million
            # inbound and outbound trips" name narrower trade, no tourist trips
            said = " ".join([str(draft.metric or ""), *self._lw[max(a, sent.start):first_start]])
            if self._trade_narrowed(said) if draft.metric_id in self.sets.trade_ids \
                    else self._narrowed_by(self.rules.trip_narrowers, said):
                draft.metric_id = None
        if draft.metric is not None:
            self._clause_metric = (a, draft.metric, draft.metric_id)
        share = draft.value is not None and draft.value.kind == "percentages" \
            and self._share(draft.value.span, a)
        if not share and draft.metric_id in self.percent_moves and draft.change is None \
                and draft.value is not None and draft.value.kind == "percentages" \
                and self.change_words.isdisjoint(self._lw[a:draft.value.span.start]):
            share = True  # "The corresponding shares in 2023 were 50.2 percent"
            draft.metric_id = None
        if share:
            draft.notes["share"] = True
            whole = self._share_whole(draft.value.span.end) if draft.value is not None else None
            if whole is not None and (draft.metric is None or (
                    " " not in draft.metric and draft.metric.islower()
                    and draft.metric not in self.form_ids)):
                # "won 74.1 percent of global new orders": the share of that whole
                draft.metric = "share of " + whole
        elif draft.change is None and draft.value is not None \
                and draft.value.kind == "percentages" and (
                    (draft.metric_id is not None and draft.metric_id not in self.percent_levels)
                    or self._growth_metric(draft.metric)) \
                and self._lw[draft.value.span.end:draft.value.span.end + 1] != ["of"]:
            # no level of GDP is a percentage: its growth ("a growth target of
            # around 5 percent", "the 5.5-percent expansion of 2023")
            draft.change, draft.value = draft.value, None
        if draft.change is not None:
            draft.direction = self._direction(doc, draft.change, a,
                                              gapped=gapped is not None and draft.value is None)
        # a level has no basis ("a trade surplus of 5.6 billion dollars, sharply higher
        # than a year earlier"), unless what it measures is itself a change
        # ("an increase of 2.5 million tonnes year on year")
        unchanged = draft.change is None
        compared = None  # "88.57 billion dollars higher than a year earlier"
        if unchanged and draft.value is not None:
            start, end = draft.value.span.start, draft.value.span.end
            if self._lw[end + 1:end + 2] == ["than"] and (
                    self._lw[end] in self.up or self._lw[end] in self.down):
                compared = self._lw[end]
            unchanged = compared is None and not (
                (draft.metric and draft.metric.split()[0].lower() in self.change_words)
                or (not self.change_words.isdisjoint(self._lw[max(0, start - 3):start])
                    and not self._after_level_phrase(start)))
        if not unchanged:
            draft.basis = next((basis for (s, _e), basis in bases.items() if a <= s < b), None)
            if draft.change is None:
                # "an increase of 7.48 billion jin", "The year-on-year gain of 167
                # million jin": the amount of a change, named by a noun of change,
                # has its direction (a level after a verb has none: "eased to")
                start = draft.value.span.start
                nouns = self.sets.change_nouns
                lead = str(draft.metric or "").lower().split()[:1]
                named = [w for w in lead if w in nouns]
                if self._lw[start - 1:start] == ["of"] and self._lw[start - 2] in nouns:
                    named.append(self._lw[start - 2])
                if compared is not None:
                    named.append(compared)
                # "61.66 billion dollars, up 1.27 billion dollars", "rose by 12.54
                # billion dollars to 49.12 billion dollars"
                word = self._lw[start - 2] if self._lw[start - 1:start] == ["by"] \
                    else self._lw[start - 1]
                if (word in self.up or word in self.down) and (
                        word in self.sets.change_adverbs or self._lw[start - 1] == "by"):
                    named.append(word)
                draft.direction = self._said_direction(named)
                draft.notes["amount_of_change"] = draft.direction is not None \
                    and not (lead and lead[0] in nouns)
        window = self._lw[max(sent.start, a):first_start]
        if not self.targets.isdisjoint(window):
            draft.kind = "target"
        elif not self.forecasts.isdisjoint(window) and self._forecast_cue(
                max(sent.start, a), first_start):
            # in a budget, what "will" go where is the plan, not a forecast
            modal_only = all(w not in self.forecasts or w in self.sets.plan_modals
                             for w in window)
            draft.kind = "target" if self._plan_article and modal_only else "forecast"
        elif not self.sets.forecast_nouns_after.isdisjoint(self._lw[first_end:first_end + 2]):
            draft.kind = "forecast"  # "a 4.2-billion-dollar surplus forecast", "growth outlook"
        elif self._forecast_after(first_end):
            draft.kind = "forecast"  # "the gain of around 20,000 jobs that economists had forecast"
        if draft.value is not None:
            draft.qualifier = draft.value.qualifier
        draft.notes["sent"] = (sent.start, sent.end)
        draft.notes["clause"] = (a, b)
        self._partner_and_place(doc, draft, a, b, sent, entities, first_start, first_end)
        if draft.partner is None and draft.notes.get("refers_back"):
            # "China's exports to Russia grew 5 percent. ... they rose 4.1 percent
            # to 115.49 billion dollars": the figure before's partner too
            draft.partner = self._last_partner
        self._last_partner = draft.partner
        if draft.metric_id == "foreign_trade" and (
                draft.partner is not None or self._with_others(a, first_start)):
            # "imports and exports with ASEAN", "with Belt and Road countries"
            draft.metric_id = "bilateral_trade"
        if draft.metric_id == "bilateral_trade":
            if draft.partner is None and not self._with_others(a, first_start):
                # "Measured in dollars, two-way trade reached 244.8 billion U.S.
                # dollars": the pair named before
                draft.partner = self._last_bilateral
            self._last_bilateral = draft.partner

    def _allotted(self, doc: Doc, draft: FactDraft, a: int, sent: Sentence
                  ) -> tuple[str, str | None] | None:
        """What the figure is set aside for, or what a verb raises or cuts to
        it or by it: "earmarked for pensions" (:meth:`_purpose`), "limits new
        borrowing to 0.35 percent", "11 billion euros in additional borrowing"
        (the object raised or cut to the figure, what money is in), "a cotton
        cluster worth 420 million dollars", "will invest 800 million", "cuts
        transport time by 30 percent"."""
        value = draft.value
        if value is None:
            return self._object_to(doc, draft.change, a) if draft.change is not None else None
        if value.kind != "money":  # only money is set aside, worth, invested or "in" money
            return self._object_to(doc, value, a)
        return self._purpose(doc, value, sent) or self._object_to(doc, value, a) \
            or self._money_in(doc, value) or self._worth(doc, value, a) \
            or self._invested(value)

    @staticmethod
    def _within(period: PeriodHit, other: PeriodHit | None) -> bool:
        """``period`` is a shorter part of ``other`` ("In the first quarter, ..."
        in an article on the first half): it does not frame what follows."""
        return other is not None and None not in (period.first, period.last, other.first,
                                                  other.last) \
            and other.first <= period.first and period.last <= other.last \
            and (period.first, period.last) != (other.first, other.last)

    @staticmethod
    def _before(period: PeriodHit, other: PeriodHit | None) -> bool:
        """``period`` ended before ``other`` began."""
        return other is not None and period.last is not None and other.first is not None \
            and period.last < other.first

    def _counts_for_money(self, hit: tuple[int, int, list[str]], draft: FactDraft,
                          a: int) -> bool:
        """``hit`` names only indicators that are never money ("Spending by foreign
        visitors came to 1.6 trillion baht") and the figure is money: it does not
        name the figure. One inside a modifier ("Average hourly earnings for all
        employees on private nonfarm payrolls") is left to the head before it."""
        if not hit[2] or draft.value is None or draft.value.kind != "money" \
                or not self.not_money.issuperset(hit[2]):
            return False
        return self.sets.modifier_prepositions.isdisjoint(self._lw[max(a, hit[0] - 5):hit[0]])

    def _forecast_after(self, i: int) -> bool:
        """A relative clause right after the figure says it was expected ("the
        gain of around 20,000 jobs that economists had forecast", "the 0.2
        percent decline economists had predicted"), up to punctuation; not "5
        percent more than expected"."""
        lw, words, punct = self._lw, self._words, self._punct  # punct[word]: _is_punct
        if self.sets.expected_participles.isdisjoint(lw[i:i + 6]):
            return False  # most figures: no such word right after them
        for j in range(i, min(len(lw), i + 6)):
            w = lw[j]
            if punct[words[j]] or w == "than":
                return False
            if w in self.sets.expected_participles:
                # it ends the clause ("... economists had predicted."), not
                # "between planned spending and expected revenue"
                return j + 1 >= len(lw) or punct[words[j + 1]]
        return False

    def _forecast_cue(self, a: int, b: int) -> bool:
        """Tokens ``a``..``b`` have a word of forecast that is not a hedge of
        data already in ("provisionally estimated at", "an estimated 18 million"),
        nor a noun ("new projects"; but "the bank projects")."""
        lw = self._lw
        return any(lw[i] in self.forecasts and lw[i - 1] not in self.sets.estimate_hedges
                   and not (lw[i] in self.sets.cue_nouns and not (
                       lw[i - 1] in self.sets.actor_nouns or i - 1 in self._entity_tokens))
                   for i in range(a, b))

    def _subject_words(self, doc: Doc, a: int, limit: int) -> str | None:
        """The subject of a clause no metric form names, as written: the words
        from its start to its verb ("Infrastructure investment rose",
        "Power use in the primary industry increased")."""
        lw = self._lw
        i = max(a, self._after_dateline)  # not "BEIJING, July 15 (Xinhua) --"
        while i < limit and (lw[i] in self.stop_words or not self._words[i].isalnum()
                             or lw[i] in self.clause_openers):
            i += 1
        for j in range(i, min(limit, i + 8)):
            if lw[j] in self.level_verbs or lw[j] in self.change_words \
                    or j in self._figure_tokens:
                break
            if lw[j] in self.sets.forecast_verbs and j > i and self._words[j].islower() and (
                    lw[j - 1] in self.sets.actor_nouns or j - 1 in self._entity_tokens):
                # "Fitch Ratings projected in August that the reserves would reach",
                # "The IMF sees them ...": what the forecast is of
                i = j + 1
                while i < limit and (lw[i] in self.stop_words or lw[i] == "that"
                                     or i in self._period_tokens):
                    i += 1
                break
            if lw[j] in self.reporting and self._words[j].islower() \
                    and not self._passive_by(j + 1, limit):
                # not "Said Abdullah"; not "The annual total, published Wednesday by the
                # bureau, beat ...": a participle, the subject stands before it
                # "Chairman Said Abdullah said the average crude price assumption
                # was raised": the subject of what was said
                i = j + 1
                while i < limit and (lw[i] in self.stop_words or lw[i] == "that"):
                    i += 1
                break
        run = i
        while run < limit and (run in self._period_tokens or lw[run] in self.stop_words):
            run += 1  # "In the first seven months of this year, ..."
        comma = self._first_comma(i, min(limit, max(i, run) + 3))
        opening = self._opening_comma(a, limit)
        if opening is not None:
            i = comma = opening
        if comma is not None and all(lw[k] in self.stop_words or lw[k] in self.sets.not_metrics
                                     or lw[k] in self.clause_openers or k in self._period_tokens
                                     or lw[k] in self.sets.singling_out
                                     for k in range(i, comma)):
            i = comma + 1  # "In total, the government bond quota ...", "In 2024, freight ..."
            while i < limit and lw[i] in self.stop_words:
                i += 1
        start = i
        cut = None  # "Total receipts of the gaming sector in China's Macao ... soared"
        while i < min(limit, start + (20 if cut else 12)) and lw[i] not in self.level_verbs \
                and (lw[i] not in self.change_words or (  # "The narrow measure M1"
                    i == start and i + 1 < limit and self._words[i + 1].isalpha()
                    and lw[i + 1] not in self.stop_words) or self._hyphened(i)
                     or (lw[i] in self.sets.growth_nouns and i > start)) \
                and i not in self._figure_tokens and lw[i] not in (",", ";", "(", ")"):
            if cut is None and i > start and lw[i] in self.sets.place_prepositions \
                    and i + 1 in self._place_tokens:
                cut = i
            if cut is None and i > start and lw[i] in self.sets.metric_period_prepositions and (
                    i + 1 in self._period_tokens
                    or (lw[i + 1:i + 2] == ["the"] and i + 2 in self._period_tokens)):
                cut = i  # "Coffee receipts for the January-August period came to ..."
            i += 1
        if i == start or i >= limit:
            return None
        if lw[i] not in self.level_verbs and lw[i] not in self.change_words:
            # "Receipts from the tourist tax, a levy of 1,000 yen ..., more than
            # tripled": a subject before an apposition
            if lw[i] != "," or not any(
                    words_i.isalpha() and lw[j] not in self.stop_words
                    and lw[j] not in self.rules.months and lw[j] not in self.rules.weekdays
                    for j, words_i in ((j, self._words[j]) for j in range(start, i))):
                return None
        if i - start == 1 and lw[start] in self.pronouns:
            return None
        if all(j in self._entity_tokens or lw[j] in self.stop_words
               or lw[j] in self.sets.singling_out for j in range(start, i)):
            return None  # "Pakistan", "the Government of Pakistan", "Qingdao Port alone"
        if lw[i - 1] in self.sets.actor_nouns and lw[i] not in self.change_words:
            return None  # "the central bank recorded 1.91 billion dollars": who, not what
        if any(lw[j] in self.reporting for j in range(start, i)):
            return None  # "Dwiyana said the trains"
        if cut is not None and (lw[i] in self.change_words or lw[i] in self.level_verbs):
            i = cut  # the place or the period is the fact's own, not part of its metric
        if all(lw[j] in self.stop_words or lw[j] in self.sets.not_metrics
               or lw[j] in self.rules.months or not self._words[j].isalpha()
               for j in range(start, i)):
            return None  # "A total of", "the first quarter", "earlier"
        return self._text(start, i)

    def _head_before_modifier(self, doc: Doc, a: int, chosen, limit: int) -> str | None:
        """``Average hourly earnings for all employees on private nonfarm payrolls
        increased by 17 cents``: a metric form inside the modifier of the
        clause's subject does not name it; the head before the modifier does."""
        lw = self._lw
        i = max(a, self._after_dateline)
        while i < chosen[0] and lw[i] in self.stop_words:
            i += 1
        start = i
        if self.sets.modifier_prepositions.isdisjoint(lw[start:chosen[0]]):
            return None  # most subjects: no modifier
        while i < chosen[0] and lw[i] not in self.sets.modifier_prepositions:
            if lw[i] in self.form_ids or not self._words[i].isalpha():
                return None
            i += 1
        if i == start or i == chosen[0]:
            return None
        subject = self._subject_words(doc, a, limit)  # the dearest test last
        if subject is None or not subject.startswith(self._words[start]) or any(
                w in self.level_verbs or w in self.change_words or w in self.forecasts
                or w in self.targets or w.endswith("ed") for w in lw[start:chosen[0]]):
            return None  # "NEVs accounted for 44.3 percent of all new vehicle sales"
        return self._text(start, i)

    def _in_period(self, i: int) -> bool:
        return i in self._period_tokens

    def _object_to(self, doc: Doc, fig: Figure, a: int) -> tuple[str, str | None] | None:
        """``limits new borrowing to 0.35 percent``, ``raise net borrowing for
        this year to 50.3 billion euros``, ``lowered the price of petrol by 8
        rupees``: what a verb brings to the figure, or changes by it."""
        lw = self._lw
        i = fig.span.start - 1
        if i <= a or lw[i] not in ("to", "by", "from"):
            return None  # "raised its annual quota from 30,000 yuan to 100,000 yuan"
        if self.sets.object_verbs.isdisjoint(lw[max(a, i - 8):i]):
            return None  # most figures after "to": no such verb before it
        j = i
        while j > max(a, i - 8) and lw[j - 1] not in self.sets.object_verbs:
            if lw[j - 1] in (",", ";") or (j - 1) in self._figure_tokens:
                return None
            j -= 1
        if j <= max(a, i - 8):
            return None
        if any(any(c.isdecimal() for c in self._words[k]) and not self._in_period(k)
               for k in range(j, i)):
            return None  # "increased 14-fold to 83.5 billion parcels"
        words = [k for k in range(j, i) if self._words[k].isalpha()
                 and lw[k] not in self.stop_words and not self._in_period(k)]
        if not words and j - 2 >= a and lw[j - 2] in ("was", "were", "is", "are", "been"):
            # "November's gain was raised by 49,000 jobs": the passive's subject
            start = max(a, self._after_dateline)
            while start < j - 2 and (lw[start] in self.stop_words or lw[start] in (",", "and")):
                start += 1
            end = j - 2
            if 0 < end - start <= 5 and all(self._words[k].isalpha() or lw[k] == "'s"
                                            for k in range(start, end)):
                return self._text(start, end), None
            return None
        if not words or any(k in self._entity_tokens or lw[k] in self.level_verbs
                            or lw[k] in self.change_words for k in words):
            return None  # "The increase amounted to": no object
        text = self._text(words[0], words[-1] + 1)
        if any(self._in_period(k) for k in range(words[0], words[-1] + 1)):
            text = " ".join(self._words[k] for k in words)
        ids = self._unit_ids(text)  # "state spending" -> spending
        return text, (self._prefer(ids) if ids else None)

    def _worth(self, doc: Doc, fig: Figure, a: int) -> tuple[str, str | None] | None:
        """``a cotton cluster worth 420 million dollars``: what is worth it."""
        lw = self._lw
        w = fig.span.start - 1
        if fig.kind != "money" or w <= a or lw[w] != "worth":
            return None
        if w - 1 in self._figure_tokens:
            return None  # "11,800 NEVs worth 1.55 billion yuan": the figure before's metric
        i = w
        while i > max(a, w - 4) and self._words[i - 1].isalpha() \
                and lw[i - 1] not in self.stop_words and (i - 1) not in self._entity_tokens:
            i -= 1
        return (self._text(i, w), None) if i < w else None

    def _invested(self, fig: Figure) -> tuple[str, str | None] | None:
        """``will invest 800 million U.S. dollars``: the money invested."""
        v = fig.span.start - 1
        noun = self.rules.verb_nouns.get(self._lw[v]) if v >= 0 and fig.kind == "money" else None
        return (noun, None) if noun else None

    def _past_equivalent(self, i: int) -> int:
        """Token ``i``, or past the bracketed equivalent that opens there
        ("50 million yuan (about 7 million U.S. dollars) in aid")."""
        lw = self._lw
        if lw[i:i + 1] == ["("]:
            close = next((k for k in range(i + 1, min(len(lw), i + 10)) if lw[k] == ")"), None)
            if close is not None and any(self._words[k][:1].isdigit()
                                         for k in range(i + 1, close)):
                return close + 1
        return i

    def _money_in(self, doc: Doc, fig: Figure) -> tuple[str, str | None] | None:
        """``11 billion euros in additional borrowing``, ``14,131 billion rupees
        in taxes``: money "in" a kind of money names it."""
        if fig.kind != "money":
            return None
        lw = self._lw
        i = self._past_equivalent(fig.span.end)
        if i >= len(lw) or lw[i] != "in":
            return None
        start = i + 1
        k = start
        while k < min(len(lw), start + 4) and self._words[k].isalpha() \
                and lw[k] not in self.stop_words and k not in self._entity_tokens \
                and not self._in_period(k) and k not in self._figure_tokens:
            k += 1
        if k == start or (k < len(lw) and self._words[k].isalpha()
                          and lw[k] not in self.stop_words):
            return None  # not a whole noun phrase
        text = self._text(start, k)
        verb = lw[fig.span.start - 1] if fig.span.start > 0 else ""
        # "had collected 1.60 trillion rupees in GST" -> "GST collected"
        ids = self.form_ids.get(f"{text.lower()} {verb}", []) or self._unit_ids(text)
        return text, (self._prefer(ids) if ids else None)

    def _purpose(self, doc: Doc, fig: Figure, sent: Sentence) -> tuple[str, str | None] | None:
        """``earmarked for pensions``, ``set aside for the Public Sector
        Development Programme``: money allocated names its purpose, when the
        sentence allocates ("and 1,186 billion rupees for subsidies" shares the
        verb)."""
        if fig.kind != "money":
            return None
        lw = self._lw
        verbs = self.allocation_verbs
        sentence = lw[sent.start:sent.end]
        if self.allocation_firsts.isdisjoint(sentence) or not any(
                sentence[i:i + len(v)] == v for i, w in enumerate(sentence)
                if w in self.allocation_firsts for v in verbs):
            return None
        i = fig.span.end
        while i < sent.end and lw[i] in self.before_allocation:
            i += 1
        verb = next((v for v in verbs if lw[i:i + len(v)] == v), None)
        if verb is not None:
            i += len(verb)
        if i >= sent.end or lw[i] not in ("for", "to") or (lw[i] == "to" and verb is None):
            return None
        i += 1
        if i < sent.end and lw[i] == "the":
            i += 1
        start = i
        while i < min(sent.end, start + 5) and self._words[i].isalpha() \
                and lw[i] not in self.stop_words and i not in self._figure_tokens:
            i += 1
        if i == start:
            # "240 million pounds allocated to 16 projects": the verb says it
            return (" ".join(self._words[i - 1 - len(verb):i - 1]), None) if verb else None
        text = self._text(start, i)
        ids = self.form_ids.get(text.lower(), [])
        return text, (self._prefer(ids) if ids else None)

    def _restated_amount(self, draft: FactDraft, drafts: list[FactDraft]) -> None:
        """``rose 1.1 percent, or 66 kg per hectare``: the amount after a change
        and ", or" is the amount of that change, with its direction and basis."""
        if draft.value is None or draft.change is not None or not drafts:
            return
        start = draft.value.span.start
        prev = drafts[-1]
        if self._lw[start - 2:start] == [",", "or"] and prev.change is not None \
                and prev.change.span.end == start - 2 and prev.direction is not None:
            draft.direction, draft.basis = prev.direction, prev.basis
            draft.notes["amount_of_change"] = True

    def _continues_with(self, figure: int) -> bool:
        """The figure follows a comma and a participle of change: ", rising to
        300,000 vehicles"."""
        lw = self._lw
        if figure < 3 or lw[figure - 1] != "to" or lw[figure - 3] != ",":
            return False
        w = lw[figure - 2]
        return w.endswith("ing") and (w in self.up or w in self.down)

    def _continues(self, prev: FactDraft, draft: FactDraft, a: int, b: int) -> bool:
        """A change alone in a clause whose subject points at the figure before
        ("The figure represents a rise of 13.8 percent", "It was up 5 percent"),
        after a fact with a value and no change."""
        if draft.value is not None or draft.change is None or prev.value is None \
                or prev.change is not None:
            return False
        lw = self._lw
        i = max(a, self._after_dateline)
        end = draft.change.span.end
        said = lw[end:end + 2]
        if len(said) == 2 and said[0] in ("in", "by") and a > 0 \
                and lw[a - 1] not in SENTENCE_ENDS \
                and self.rules.measured_in.get(said[1]) == prev.value.kind:
            return True  # "... of 19.7 billion dollars, up 1.8 percent in number but
            # down 7.6 percent in value": the change of the amount before
        # the subject after the last comma or conjunction before the change ("...,
        # its first surplus in three months, though the figure was 30.8 percent smaller")
        first = draft.change.span.start
        cut = max((k for k in range(i, first) if lw[k] == "," or lw[k] in self.clause_openers),
                  default=None)
        if cut is not None and not any(  # in the sentence of the figure before
                lw[k] in SENTENCE_ENDS or "\n" in self._words[k]
                for k in range(prev.value.span.end, first)):
            i = cut + 1
        while i < b and lw[i] in self.clause_openers:
            i += 1
        return " ".join(lw[i:i + 2]) in self.sets.pointing_subjects \
            or lw[i] in self.sets.pointing_subjects

    def _refers_back(self, a: int, limit: int) -> str | None:
        """The clause's subject when it only points back: "Growth", "The growth
        rate", "The figure", "It" (up to its verb)."""
        lw = self._lw
        i = max(a, self._after_dateline)
        if self._back_subject_heads.isdisjoint(lw[i:limit]):
            return None  # most clauses: no word such a subject ends with
        # "Over the past 12 months, they were up 4.1 percent": after an opening phrase
        verb = next((k for k in range(i, limit) if lw[k] in self.level_verbs
                     or lw[k] in self.sets.auxiliaries), None)
        if verb is not None and "," in lw[i:verb]:
            i = verb - 1 - lw[i:verb][::-1].index(",") + 1
        said = [k for k in range(i, verb or i) if lw[k] in self.reporting
                and self._words[k].islower()]
        if said:  # "He said the pace was slower than ..."
            i = said[-1] + 1 + (lw[said[-1] + 1] == "that")
        while i < limit and (lw[i] in self.clause_openers or lw[i] in (",", "and")):
            i += 1
        j = i
        while j < min(limit, i + 4) and lw[j] not in self.level_verbs \
                and lw[j] not in self.sets.auxiliaries and self._words[j].isalpha():
            j += 1
        if j > i and j < limit and (lw[j] in self.level_verbs
                                    or lw[j] in self.sets.auxiliaries) \
                and " ".join(lw[i:j]) in self.back_subjects:
            return " ".join(self._words[i:j])
        return None

    def _of_phrase(self, doc: Doc, figure: int, chosen) -> tuple[str, str | None] | None:
        """``net borrowing of 81.8 billion euros``, ``a total investment of over
        140 million euros``: the content words right before ``of`` and the
        figure, when no metric form is among them."""
        lw, words = self._lw, self._words
        if figure < 2 or lw[figure - 1] != "of":
            return None
        i = figure - 1
        while i > 0 and figure - 1 - i < 4 and words[i - 1].isalpha() \
                and lw[i - 1] not in self.stop_words and lw[i - 1] not in self.level_verbs \
                and lw[i - 1] not in self.change_words and lw[i - 1] not in self.reporting \
                and lw[i - 1] not in self.sets.not_metrics and (i - 1) not in self._entity_tokens \
                and lw[i - 1] not in self.targets and lw[i - 1] not in self.forecasts \
                and lw[i - 1] not in self.present:  # "includes net borrowing of"
            i -= 1
        if i == figure - 1:
            return None
        if chosen is not None and i - 1 <= chosen[0] < figure:
            return None  # a metric form is right there ("a deficit of", "tax revenue of")
        if lw[figure - 2] in self.reference_nouns and all(
                lw[j] in self.reference_nouns or lw[j] in self.sets.not_metrics
                or lw[j] in self.rules.months or lw[j] in self.sets.comparison_words
                for j in range(i, figure - 1)):
            # "the November estimate of", "an average of": of the metric before
            # (but "an average occupancy rate of 90 percent" names its own)
            return None
        text = self._text(i, figure - 1)
        ids = self._unit_ids(text)
        return text, (self._prefer(ids) if ids else None)

    def _headline_word_id(self, metric: str) -> str | None:
        """The one indicator the headline names among whose form words are all
        the content words of ``metric``, none of them a form of its own
        ("inflows" of "remittance inflows"; not "sales" or "people", which
        name indicators by themselves), else none."""
        if not self._headline_named:
            return None  # the headline names none
        words = {w.lower() for k, w in enumerate(metric.replace("-", " ").split())
                 if not (k and w[:1].isupper())}  # not the names in it: "from Japan"
        words -= self.stop_words
        words -= self.sets.whole_words
        words -= self.sets.frequency_words
        if not words or not self.form_ids.keys().isdisjoint(words):
            return None
        found = [i for i in self._headline_named if words <= self.form_words.get(i, frozenset())]
        return found[0] if len(found) == 1 else None

    def _bare_growth(self, a: int, limit: int) -> str | None:
        """The clause from ``a`` opens with a bare noun of growth ("Growth for
        2023 was", "The expansion was"): that word."""
        lw = self._lw
        i = max(a, self._after_dateline)
        said = next((k for k in range(i + 1, limit - 1) if lw[k] == "that"
                     and lw[k - 1] in self.reporting), None) \
            if "that" in lw[i + 1:limit - 1] else None  # (most clauses: no "that")
        if said is not None:  # "Data released by the NBS show that growth picked up"
            i = said + 1
        while i < limit and (lw[i] in self.stop_words or lw[i] in self.clause_openers):
            i += 1
        return self._words[i] if i < limit and lw[i] in self.sets.growth_nouns else None

    def _growth_metric(self, metric: str | None) -> bool:
        """A metric of growth ("Real growth in the oil sector"): a percentage of
        it is a change, as a percentage of GDP's growth is."""
        words = str(metric or "").lower().split()
        return bool(words) and words[0] not in self.sets.growth_nouns \
            and any(w in self.sets.growth_nouns for w in words[:3])

    def _those_of(self, a: int, limit: int) -> bool:
        """The clause from ``a`` opens with "those in", "that of" ...: a
        pronoun for the metric of the clause before."""
        lw = self._lw
        i = max(a, self._after_dateline)
        while i < limit and (lw[i] in self.clause_openers or lw[i] in (",", "and", "while")):
            i += 1
        return lw[i:i + 1] in (["those"], ["that"]) and lw[i + 1:i + 2] in (
            ["in"], ["of"], ["for"], ["at"])

    def _passive_by(self, k: int, limit: int) -> bool:
        """From token ``k``, past a period ("Wednesday", "on Dec. 26"), comes
        "by": the verb before ``k`` is a participle ("published Wednesday by
        the bureau"), not a verb of speech with its clause after it."""
        while k < limit and (k in self._period_tokens or self._lw[k] == "on"
                             or self._lw[k] in self.rules.weekdays):
            k += 1
        return k < limit and self._lw[k] == "by"

    def _hyphened(self, i: int) -> bool:
        """Token ``i`` ends a hyphenated word ("Home-grown", "fast-growing"):
        no verb of its own."""
        return i >= 2 and self._lw[i - 1] == "-" \
            and self._idx[i - 1] + 1 == self._idx[i] \
            and self._idx[i - 2] + len(self._words[i - 2]) == self._idx[i - 1]

    def _gapped_subject(self, doc: Doc, figure: int, chosen) -> str | None:
        """``... and civil administration 971 billion rupees``: a noun phrase
        between ``and``/a comma and the figure, with no verb, names it."""
        lw, words = self._lw, self._words
        i = figure
        # "commodities in department stores 14.1 percent": a preposition inside
        inner = self.sets.gap_prepositions
        while i > 0 and i - 1 not in self._figure_tokens and words[i - 1].isalpha() \
                and (lw[i - 1] not in self.stop_words
                     or (lw[i - 1] in inner and i < figure)) \
                and lw[i - 1] not in self.level_verbs \
                and lw[i - 1] not in self.change_words and lw[i - 1] not in self.reporting \
                and not lw[i - 1].endswith(("ed", "ing")) and figure - i < 6:
            i -= 1
        if i < figure and i >= 2 and lw[i - 1] == "the" and lw[i - 2] in ("and", ","):
            i -= 1  # "and the services sector 584.56 billion yuan"
        if i == figure or i == 0 or lw[i - 1] not in ("and", ",") or lw[i] in inner:
            return None
        if chosen is not None and chosen[0] >= i:
            return None  # a metric form is itself right there
        if i - 1 > 0 and (i - 2) not in self._figure_tokens and lw[i - 1] == "and" \
                and not any(j in self._figure_tokens for j in range(max(0, i - 8), i - 1)):
            return None  # "exports and imports": not after another figure
        if all(j in self._entity_tokens for j in range(i, figure)):
            return None
        return self._text(i + (lw[i] == "the"), figure)

    def _actor_subject(self, a: int, limit: int) -> bool:
        """The clause's subject is who acts (the government, the company), not
        what is measured."""
        lw = self._lw
        i = a
        while i < limit and lw[i] in self.stop_words:
            i += 1
        return i < limit and (lw[i] in self.sets.actor_nouns or i in self._entity_tokens)

    def _opening_comma(self, a: int, limit: int) -> int | None:
        """The comma closing the opening phrase of a sentence starting at ``a``
        ("On the spending side,", "Of total federal revenue,", "Buoyed by demand
        at home and abroad,"): it frames the sentence, it names none of its
        figures."""
        lw = self._lw
        i = max(a, self._after_dateline)
        if i >= limit or not (lw[i] in self.sets.opening_prepositions or (
                self._words[i][:1].isupper() and lw[i].endswith(("ed", "ing")))):
            return None
        comma = self._first_comma(i, min(limit, i + 10))  # "On a year-on-year basis,"
        if comma == i + 1 and lw[i].endswith("ing") and lw[i] not in self.sets.opening_prepositions:
            return None  # "Manufacturing, the main drag, expanded": a subject, no opener
        return comma

    def _event_opening(self, sent: Sentence) -> int | None:
        """The end (its comma) of an opening phrase that sets the scene of an
        event ("At a year-end review conference held in Hanoi on Dec. 26,"):
        where and when the event was are not the figures' place and period.
        Worked out once a sentence."""
        found = self._scenes.get(sent.start, -1)
        if found != -1:
            return found
        lw = self._lw
        i = max(sent.start, self._after_dateline)
        comma = None
        if i < sent.end and lw[i] in self.sets.event_openers:
            comma = self._first_comma(i, min(sent.end, i + 16))
            if comma is not None and self.sets.event_nouns.isdisjoint(lw[i:comma]):
                comma = None
        self._scenes[sent.start] = comma
        return comma

    def _in_aside(self, i: int, a: int, limit: int) -> bool:
        """Token ``i`` is in an aside set off by commas: "Imports, which make
        up the bulk of the province's trade, grew 5.3 percent", "Total
        expenditure, excluding taxes, rose"."""
        commas = self._commas
        k = bisect.bisect_left(commas, i) - 1  # the last comma before token i
        if k < 0 or commas[k] <= a or self._lw[commas[k] + 1] not in self.sets.aside_openers:
            return False
        return self._first_comma(i, limit) is not None

    def _listed(self, entities, k: int) -> bool:
        """Entity ``k`` opens a list of places ("Zhejiang, Fujian, Jiangxi")."""
        end = self._ent_ends[k]
        nxt = next(iter(self._entities_in(end + 1, end + 2)), None)
        return self._lw[end:end + 1] == [","] and nxt is not None \
            and self._ent_labels[nxt] in PLACE_LABELS

    def _in_list_aside(self, i: int, a: int) -> bool:
        """Token ``i`` is in a list of examples set off by a comma: ", among them
        Dalian, Nanjing and Suzhou", ", including ...", ", such as ..."."""
        lw, commas = self._lw, self._commas
        # the nearest such comma among the 11 words before, by bisection (most
        # places have none), then no verb of level or change nor ";" after it
        lo, hi = bisect.bisect_right(commas, max(a, i - 12)), bisect.bisect_left(commas, i)
        k = next((k for k in reversed(commas[lo:hi]) if lw[k + 1] in self.sets.list_openers),
                 None)
        return k is not None and not any(
            w in self.level_verbs or w in self.change_words or w == ";" for w in lw[k + 1:i])

    def _with_others(self, a: int, limit: int) -> bool:
        """Trade "with" or "between" others, named or not, before the figure."""
        lw = self._lw
        figures, metrics = self._figure_tokens, self._metric_start_set
        return any(lw[i] in ("with", "between") and i > a and lw[i - 1] != "along"
                   # "with its turnover ...", "followed by Dong Nai with 53.27 billion
                   # dollars", "with turnover of ...": what the subject has
                   and lw[i + 1] not in self.sets.possessives and i + 1 not in figures
                   and (i + 1) not in metrics
                   for i in range(max(a, self._after_dateline), limit))

    def _standing(self, a: int, b: int, figure: int) -> bool:
        """A clause in the present tense with no period of its own describes a
        standing state ("connects the port with 67 regions"), not a figure of
        the period stated last. A relative clause the figure (at token
        ``figure``) is not in only describes the subject."""
        if self._plan_article:
            return False  # a budget "includes" what it plans for its year
        lw = self._lw
        if self.present.isdisjoint(lw[a:b - 1]):
            return False  # most clauses
        # "18 people remain missing" is a tally, not a standing state; ", which
        # includes smartphones," describes the subject, not the clause
        aside = set()
        for k in range(a, b - 1):
            if lw[k] == "," and lw[k + 1] in ("which", "who"):
                end = self._first_comma(k + 1, b, b)
                if not k < figure < end:
                    aside.update(range(k, end))
        return any(lw[i] in self.present and lw[i + 1] not in self.sets.participles
                   and i not in aside for i in range(a, b - 1))

    def _verb_before(self, fig: Figure) -> tuple[str, list[str]] | None:
        """A verb right before a money figure that names an indicator
        (``spent``, ``exported``), past hedges: its words and metric ids."""
        if fig.kind != "money":
            return None
        v = fig.span.start - 1
        while v > 0 and self._lw[v] in self.hedge_words:
            v -= 1
        if v < 0:
            return None
        word = self._lw[v]
        ids = self.form_ids.get(word, [])
        if not ids or not (word.endswith("ed") or word in self.money_verbs):
            return None
        return self._words[v], ids

    def _figure_phrase(self, doc: Doc, fig: Figure) -> tuple[str, list[str]] | None:
        """What a quantity counts or measures, from the words after it: the
        counted noun and a participle (``homes destroyed``, ``people evacuated
        and relocated``), or ``of`` and a noun phrase after a unit (``tonnes of
        standard coal saved``). With the metric ids its words name."""
        if fig.kind != "quantities":
            return None
        span, lw, words = fig.span, self._lw, self._words
        unit = str(fig.unit or "")
        i = span.end
        if i < len(lw) and lw[i] in self.sets.comparatives:
            return None  # "employment ... was 100,000 jobs higher": a difference in it
        if unit in self.measure_units:
            if lw[i:i + 1] == ["("] and lw[i + 2:i + 3] == [")"]:
                i += 3  # "50 million twenty-foot equivalent units (TEUs) of containers"
            measure = self.rules.measure_nouns.get(self.unit_kinds.get(unit, ""))
            if measure and "-" in lw[span.start:span.end] and i < len(lw) and words[i].isalpha() \
                    and lw[i] not in self.stop_words:
                # "the 1,035-kilometer railway runs from Kunming": its length
                text = f"{measure} of the {words[i]}"
                return text, self.form_ids.get(text.lower(), [])
            if i >= len(lw) or lw[i] != "of":
                return None
            i += 1
            start = i
            while i < min(len(lw), start + 6) and (words[i].isalpha() or (
                    lw[i] == "-" and i > start and i + 1 < len(lw) and words[i + 1].isalpha())) \
                    and lw[i] not in self.stop_words and i not in self._figure_tokens:
                i += 1  # "of lithium-ion batteries"
            if i == start:
                return None
            noun = self._text(start, i)
        else:
            noun = unit
        # a participle after it, past auxiliaries: "were killed", "swept away"
        j = i
        fillers = self.sets.participle_fillers  # "had to be evacuated", "were still listed"
        while j < len(lw) and (lw[j] in self.auxiliaries or lw[j] in fillers):
            j += 1
        tail_start, k = j, j
        while k < min(len(lw), j + 4) and (lw[k].endswith("ed") or lw[k] in self.participles or (
                lw[k] == "as" and k + 1 < len(lw) and k > tail_start  # "listed as missing"
                and (lw[k + 1].endswith("ed") or lw[k + 1] in self.participles))) \
                and words[k].isalpha() and not (k == tail_start and lw[k] == "and"):
            k += 1
        while k > tail_start and lw[k - 1] == "and":
            k -= 1
        participle = self._text(tail_start, k) if k > tail_start else ""
        # or the verb just before it: "Xizang exported 11,800 NEVs", "shipped ... of tea"
        v = span.start - 1
        while v > 0 and (lw[v] in self.hedge_words or lw[v] in ("a", "total", "of")):
            v -= 1
        verb = words[v] if v >= 0 and (lw[v].endswith("ed") or lw[v] in ("sold", "built") or (
            lw[v].endswith("ing") and lw[v] in self.form_ids)) else ""  # "injuring 29 others"
        text = f"{noun} {participle}".strip()
        last = noun.lower().split("-")[-1].split()  # empty after a trailing hyphen: "grain-"
        generic = noun.lower() in self.sets.generic_nouns or (
            "-" in noun and last != [] and last[-1] in self.sets.generic_nouns
        )  # "8.2 million 60-kg bags": what is in them is the thing
        ids: list[str] = []
        nouns = noun.split()
        heads = [] if generic else [" ".join(nouns[k:]) for k in range(1, len(nouns))]
        for key in (text, f"{noun} {verb}" if verb else "", participle,
                    *reversed(participle.split()), verb, "" if generic else noun,
                    *heads):  # "inbound tourist trips" -> "tourist trips" -> "trips"
            ids = self.form_ids.get(key.lower(), []) if key else []
            if ids:
                break
        if generic and not participle:
            if verb and lw[span.start - 1] not in self.hedge_words \
                    and lw[span.start - 1] not in ("a", "total", "of") \
                    and verb.lower() not in self.level_verbs:
                # "had affected more than 44 million people": the people affected
                key = f"{noun} {verb}".lower()
                return f"{noun} {verb}", (self.form_ids.get(key, [])
                                          or self.form_ids.get(verb.lower(), []))
            return None  # "4.27 million units": what they are is in the words before
        return text, ids

    def _metric_words(self, doc: Doc, hit: tuple[int, int, list[str]], limit: int
                      ) -> tuple[str, str | None]:
        """``Exports of plateau specialty goods such as wool``: a narrower
        thing than the indicator — the words as written, no metric id."""
        s, e, ids = hit
        if e < limit and self._lw[e] in self.sets.narrowing_prepositions \
                and e + 1 < len(doc) and self._words[e + 1].islower():
            stop = e + 1
            while stop < min(limit, e + 10) and stop not in self._figure_tokens \
                    and (not self._is_punct(stop) or (  # "Output of high-tech manufacturing"
                        self._words[stop] == "-" and not doc[stop - 1].whitespace_)) \
                    and self._lw[stop] not in self.change_words \
                    and self._lw[stop] not in self.metric_stop_verbs:
                stop += 1
            tail = set(range(e + 1, stop))
            scope = [w for w in self._lw[e + 1:stop] if w not in self.stop_words]
            if not self.sets.population_words.isdisjoint(scope) and all(
                    w in self.sets.population_words or w in self.sets.whole_words
                    for w in scope):
                pass  # "per capita disposable income of residents": everyone's, no narrower
            elif scope and set(scope) <= {"goods", "services", "merchandise"} \
                    and not set(scope).isdisjoint({"goods", "merchandise"}):
                # "Exports of goods and services": all of them, no narrower
                return self._text(s, stop), ids[0] if ids else None
            elif stop > e + 1 and not tail & self._place_tokens:  # "of east China's Zhejiang"
                # a narrower product: no id, unless the indicator has one for it
                # ("output of new energy vehicles" -> nev_output)
                return self._text(s, stop), self._narrowed(ids, self._lw[e + 1:stop])
        k = self._modifiers_before(s, ids)
        if k < s and ids and self._countries and set(self._lw[k:s]) <= set(
                self.rules.headline_scopes.get(self._countries[0], {}).get(ids[0], ())):
            return self._text(k, e), ids[0]  # Egypt's headline CPI is its urban one
        if k < s:  # "soybean imports", "crude oil imports": a narrower product too
            return self._text(k, e), self._narrowed(ids, self._lw[k:s])
        return self._text(s, e), ids[0] if ids else None

    def _modifiers_before(self, s: int, ids: list[str]) -> int:
        """Where the words that narrow an indicator's form start: product
        words right before it (``U.S. soybean exports``, ``wind and solar
        capacity``, ``non-oil foreign trade``, ``wind power capacity``), ``s``
        when there are none. A word of the indicator's own forms narrows
        nothing (``car sales``), but a product word may stand before it."""
        lw, idx, words = self._lw, self._idx, self._words
        own = self._own_words(ids[0]) if ids else frozenset()
        k = j = s
        while j > 0 and j - 1 not in self._figure_tokens:
            w = lw[j - 1]
            if self._narrows(w, own):
                j = k = j - 1
            elif w in own and s - j < 2:
                j -= 1  # "wind power capacity": only if a product word comes before
            elif j == k < s and w == "-" and j >= 2 and words[j - 2].isalpha() \
                    and idx[j - 2] + len(words[j - 2]) == idx[j - 1] == idx[j] - 1:
                j = k = j - 2  # "non-oil", "high-tech"
            elif j == k < s and w == "and" and j >= 2 and self._narrows(lw[j - 2], own):
                j -= 1  # "wind and solar"
            else:
                break
        return k

    def _share(self, span: Span, a: int) -> bool:
        """A percentage that is a share of a whole (``accounting for 55.2 percent
        of the total``, ``its share rose to 30 percent``), not a ratio of the
        indicator to GDP or to its own past level (``3 percent of GDP``,
        ``85.5 percent of the 2019 level``)."""
        lw, s, e = self._lw, span.start, span.end
        if lw[e:e + 1] == ["of"]:
            after = lw[e + 1:e + 7]
            if self.sets.whole_words.isdisjoint(after) and self._of_another_time(e + 1):
                return False  # "the 3.12 percent of February", "99.1 percent of the
                # passenger traffic recorded in 2019": the figure of another time
        elif not self.sets.share_words.isdisjoint(lw[max(a, s - 12):s] + lw[e:e + 1]):
            after = lw[max(0, s - 8):e + 7]
        else:
            return False
        return self.sets.ratio_denominators.isdisjoint(after)

    def _of_another_time(self, i: int) -> bool:
        """The words from ``i`` (after "X percent of") name another time: a
        period right there ("of February", "of the 2019 level") or after a
        participle ("of the passenger traffic recorded in 2019"); not the
        share's own period ("36 percent of Australia's goods exports in 2024")."""
        lw, periods = self._lw, self._period_tokens
        for k in range(i, min(len(lw), i + 6)):
            if k in periods:
                return k <= i + 1 or any(w.endswith("ed") for w in lw[max(i, k - 2):k])
        return False

    def _share_whole(self, e: int) -> str | None:
        """The whole a share right before ``of`` at token ``e`` is of, as
        written: up to six words to the first punctuation, conjunction,
        preposition of time or place, period or figure ("74.1 percent of
        global new orders in 2024" -> "global new orders")."""
        lw = self._lw
        if lw[e:e + 1] != ["of"]:
            return None
        k = e + 1
        while k < min(len(lw), e + 7) and (self._words[k][:1].isalnum() or lw[k] == "'s"):
            if lw[k] in self.sets.share_whole_stops or k in self._figure_tokens \
                    or k in self._period_tokens:
                break
            k += 1
        return self._text(e + 1, k) if k > e + 1 else None

    def _own_words(self, metric_id: str) -> frozenset[str]:
        """The words of an indicator's forms, of the indicator it refines and
        the products it refines it by: none of them narrows it."""
        own = self._own.get(metric_id)
        return own if own is not None else self.form_words.get(metric_id, frozenset())

    def _narrows(self, word: str, own: frozenset[str]) -> bool:
        return word in self.sets.narrowing_modifiers and word not in own \
            and not (word.endswith("s") and word[:-1] in own)  # "vehicles" for "vehicle"

    def _trade_narrowed(self, metric: str | None) -> bool:
        """The metric names a narrower group of traders or of trade
        (``trade by private enterprises``, ``trade in travel services``), not
        goods and services together."""
        if "goods and services" in str(metric or "").lower():
            return False
        return self._narrowed_by(self.rules.trade_narrowers, metric)

    @staticmethod
    def _narrowed_by(phrases: list[str], metric: str | None) -> bool:
        """Whether one of ``phrases`` is among the words of ``metric``."""
        text = f" {str(metric or '').lower().replace(chr(8217), chr(39))} "
        text = text.replace("'s ", " ").replace("' ", " ").replace(" - ", "-")  # tokens joined
        return any(f" {phrase} " in text for phrase in phrases)

    def _narrowed(self, ids: list[str], words: list[str]) -> str | None:
        """The id of an indicator narrowed by ``words``: the refining
        indicator these words name (``electric vehicle exports`` ->
        ``nev_exports``), else none."""
        refiners = self._refiners.get(ids[0]) if ids else None
        if not refiners:
            return None  # most indicators
        found = set(words)
        return next((n for products, n in refiners if found & products), None)

    def _after_words(self, i: int) -> list[str]:
        """Up to four words from token ``i``, hyphens not counted ("a 5.5
        percent month-on-month rebound"), to the first punctuation, "than" or a
        conjunction that opens another clause ("up 1.8 percent in number but down
        7.6 percent in value")."""
        out: list[str] = []
        lw, written, punct = self._lw, self._words, self._punct  # punct[word]: _is_punct
        words = 0
        while i < len(lw) and words < 4:
            w = lw[i]
            if w != "-":
                if punct[written[i]] or w in ("than", "but", "while", "whereas"):
                    break  # not what it is compared with, nor the next clause's words
                words += 1
            out.append(w)
            i += 1
        return out

    def _said_direction(self, words: list[str]) -> str | None:
        """The direction the last word of change among ``words`` says, if any
        ("edged" says it with the word after it: "edged down")."""
        said = self._direction_words
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            if w not in said:
                continue  # most words: one test, not four
            if w == "edged" and k + 1 < len(words):
                return "down" if words[k + 1] in self.sets.down_after_edged else "up"
            if w in self.up:
                return "up"
            if w in self.down:
                return "down"
            if w in self.flat:
                return "flat"
        return None

    def _direction(self, doc: Doc, change: Figure, a: int, gapped: bool = False) -> str | None:
        """Up, down or flat: the last word that says, around the change; in a
        verbless part of a list ("..., commodities in supermarkets 3.4 percent")
        the list's verb; else the change's sign."""
        span = change.span
        words = self._lw[max(a, span.start - 8):span.start] + self._after_words(span.end)
        if gapped:  # the verb of "Wearing apparel shed 17.5 percent, ..."
            words = self._lw[a:span.start]
        said = self._said_direction(words)
        if said is not None:
            return said
        value = change.value  # no word says: the sign does
        if value is not None and value < 0:
            return "down"
        return "up" if value is not None and value > 0 else None

    def _partner_and_place(self, doc: Doc, draft: FactDraft, a: int, b: int, sent: Sentence,
                           entities, first_start: int, first_end: int) -> None:
        """The fact's partner and place, from its clause (tokens ``a``..``b``)
        and sentence; ``first_start``..``first_end`` are the tokens of its
        first figure (``draft.first``, read once by :meth:`_describe`)."""
        # "soybeans imported from Brazil", "China imported 69.95 million tonnes of
        # soybeans from Brazil"
        trade_at = self._trade_at
        trade = draft.metric_id in TRADE_METRICS or not self.sets.trade_words.isdisjoint(
            str(draft.metric or "").lower().split()) or (
            bisect.bisect_left(trade_at, max(a, sent.start))
            < bisect.bisect_left(trade_at, first_start))
        ranks, flows = self._ranking(sent)
        # a ranking of trade, or of another flow ("Saudi Arabia was again the largest
        # source of the money ... The United Arab Emirates came next with 619.4
        # million dollars")
        if ranks and (trade or flows):
            # "India ranked second with trade of 24 billion dirhams, followed by the
            # United States with 22 billion dirhams": partners of the place before
            ranked = [k for k in self._places_in(sent.start, first_start)
                      if self._ent_ends[k] <= first_start]
            if ranked and not self._domestic(ranked[-1]):  # not "followed by Dong Nai"
                draft.partner, draft.location = ranked[-1], None
                draft.notes["ranked"] = True
                return
        partner = None
        owner = None  # "China remained Dubai's largest trading partner": Dubai's trade
        if draft.metric_id in self.sets.origin_metrics:
            partner = self._origin(a, b, sent, first_start)
            if partner is not None and self._lw[first_start - 1] == "with":
                # a ranked list of where visitors come from: none of them is
                # where they go
                draft.partner, draft.location = partner, None
                return
        elif trade and (draft.metric_id in TRADE_METRICS or draft.metric_id is None):
            owner, partners = self._trade_parties(sent)
            # the first in the clause, else the sentence's last, unless the
            # clause names its own ("imports and exports with Belt and Road
            # countries went up 24.2 percent, and those with ... the RCEP ...")
            partner = next((k for k in partners if a <= self._ent_starts[k] < b), None)
            # "outstripping the 63.4 billion dollars shipped to China": the figure's own
            right_after = next((k for k in partners if first_end <= self._ent_starts[k]
                                <= first_end + 3
                                and self._lw[self._ent_starts[k] - 1] in
                                self.sets.partner_prepositions), None)
            if right_after is not None:
                partner = right_after
            if partner is None and partners and not self._own_partner(
                    max(a, sent.start), first_start):
                partner = partners[-1]
            if partner is None:
                partner = self._bloc_referred(max(a, sent.start), first_start)
        starts, ends, labels = self._ent_starts, self._ent_ends, self._ent_labels
        if partner is not None and "between" not in self._lw[max(0, starts[partner] - 2):
                                                             starts[partner]] \
                and "respectively" not in self._lw[sent.start:sent.end]:
            # "combined trade with the United States, the European Union, ASEAN and
            # Japan": a group of partners, none of them the partner
            listed = next((k for k in self._entities_in(ends[partner], ends[partner] + 4)
                           if k != partner and labels[k] in PLACE_OR_ORG), None)
            if listed is not None and self._lw[ends[listed]:ends[listed] + 1] == ["'s"]:
                listed = None  # "China, South Korea's largest trading partner": an aside
            if listed is not None and self._lw[ends[partner]:starts[listed]] in (
                    [","], [",", "the"], ["and"], ["and", "the"], [",", "and"],
                    [",", "and", "the"]):
                partner = None
        if partner is None and trade:
            pair = self._between_pair(max(a, sent.start), first_start)
            if pair is not None:
                # "Trade between east China's Fujian Province and ASEAN": the first is
                # the place (through "east China's"), the second the partner
                draft.location, draft.partner = pair
                draft.notes["owner"] = True
                return
        draft.partner = partner
        if partner is not None and "between" in self._lw[max(0, starts[partner] - 2):
                                                        starts[partner]]:
            # "Trade between Hunan and Africa": the first is the place, the second
            # the partner
            other = next((k for k in self._entities_in(ends[partner], ends[partner] + 12)
                          if k != partner and labels[k] in PLACE_OR_ORG
                          and "and" in self._lw[ends[partner]:starts[k]]),
                         None)
            if other is not None and labels[partner] in PLACE_LABELS:
                draft.location, draft.partner = partner, other
                draft.notes["owner"] = True
                return
        if owner is not None and partner is not None and labels[owner] in PLACE_LABELS \
                and not self._same_place(entities, owner, partner):
            # (not "Kazakhstan's trade with China ..., first among China's partners")
            draft.location = owner
            draft.notes["owner"] = True
            return
        # the subject's place: the first place named before the figure (not after
        # "to", "from", "with"), following possessive chains ("China's Xizang");
        # else one named after it in the clause ("killed four people in south
        # China's Hainan Province")
        place = None
        # most sentences name no place: then none of their stretches below has one
        at = bisect.bisect_left(self._place_starts, sent.start)  # (no list of them made)
        placed = at < len(self._place_starts) and self._place_starts[at] < sent.end
        if first_start > 1 and self._lw[first_start - 1] == "(":
            # "Yiwu (812 trips), Changsha (764 trips)": the place the figure follows
            place = next((k for k in self._places_in(first_start - 8, first_start - 1)
                          if ends[k] == first_start - 1), None)
        if place is None:
            place = self._place_referred(entities, a, b)
        if place is None and placed and self._lw[first_end:first_end + 1] == ["in"]:
            # "105 people in Jajarkot district and 52 people in neighboring Rukum
            # West district": a place right after the figure is its own
            end = self._first_comma(first_end, b, b)
            place = self._first_place(doc, entities, first_end, min(end, first_end + 9),
                                      partner, after=self.sets.place_prepositions)
            if place is not None and (starts[place] > first_end + 3
                                      or self._listed(entities, place)):
                place = None
        if place is None and self._country_entity is not None \
                and self._nationwide(max(a, first_start - 4), first_start):
            # "Investment in Guangzhou climbed 2 percent, short of the national
            # increase of 3.9 percent": the figure's own words say the country
            place = self._country_entity
            draft.notes["nationwide"] = True
        if place is None and placed:
            # "Balochistan reported 336 deaths and Khyber Pakhtunkhwa in the
            # northwest 307 deaths": a verbless part after the last joint names
            # its own place
            joints = self._joints
            k = bisect.bisect_left(joints, first_start) - 1
            if k >= 0 and joints[k] > a and not self._figure_tokens.isdisjoint(
                    range(a, joints[k])) and self._verbless(joints[k] + 1, first_start):
                place = self._first_place(doc, entities, joints[k] + 1, first_start, partner)
        if place is None and placed:
            scene = self._event_opening(sent)
            place = self._first_place(doc, entities, a if scene is None else max(a, scene),
                                      first_start, partner)
        if place is None and placed:
            # "killed four people in south China's Hainan Province", up to a comma
            # (not "..., helping enterprises serve customers in Central Asia")
            end = self._first_comma(first_end, b, b)
            place = self._first_place(doc, entities, first_end, end, partner,
                                      after=self.sets.place_prepositions)
            if place is not None and self._listed(entities, place):
                place = None  # "44 million people in Zhejiang, Fujian, Jiangxi ...": all of them
            elif place is not None and self._venue(place, first_end):
                # "presented a budget of 27.5 trillion naira ... to a joint session of
                # the National Assembly in Abuja": where it was announced
                place = None
        if place is None and self._country_entity is not None and self._nationwide(a, b):
            # "nationwide, domestic trips rose 7.6 percent", "while the national
            # figure rose 6 percent" (before the sentence's other clauses)
            place = self._country_entity
            draft.notes["nationwide"] = True
        if place is None and placed and a > sent.start:
            # the sentence's earlier clauses: "Exports to ASEAN rose 9 percent, and
            # imports grew 3 percent" (but "14 typhoons formed over the South China
            # Sea, and four typhoons made landfall in China": the clause's own first)
            place = self._first_place(doc, entities, sent.start, a, partner)
        draft.location = place

    def _venue(self, k: int, after: int) -> bool:
        """Place ``k``, after token ``after``, is the dateline's city named again
        as the scene of an event ("to a joint session of the National Assembly
        in Abuja"), not the figure's place."""
        if not self._dateline_ents:
            return False
        if self._entity_text(k).lower() != self._entity_text(self._dateline_ents[0]).lower():
            return False
        return not self.sets.event_nouns.isdisjoint(self._lw[after:self._ent_starts[k]])

    def _domestic(self, k: int) -> bool:
        """Entity ``k`` is a place inside the dateline's country (a province, a
        city), which ranks among its places, not among its trade partners."""
        link = self._link(self._entities[k])
        return link is not None and link.iso_alpha2 is None and link.country is not None \
            and link.country == self._country

    def _origin(self, a: int, b: int, sent: Sentence, fig: int) -> int | None:
        """Where visitors come from, their count's other party (the place it is
        about is where they go): "arrivals from China", "India remained the
        country's top source market, sending 260,000 tourists", "Malaysia in
        second place with 4.93 million visitors, followed by India with 2.12
        million visitors"."""
        lw, starts, ends = self._lw, self._ent_starts, self._ent_ends
        places = self._places_in(max(a, sent.start), b)
        after_from = next((k for k in places if lw[starts[k] - 1] == "from"
                           or lw[starts[k] - 2:starts[k]] == ["from", "the"]), None)
        if after_from is not None:
            return after_from
        before = [k for k in self._places_in(sent.start, fig) if ends[k] <= fig]
        if not before:
            return None
        words = lw[sent.start:sent.end]
        if lw[fig - 1] == "with" and not (self.sets.rank_words.isdisjoint(words)
                                          and self.sets.origin_words.isdisjoint(words)
                                          and self.sets.partner_words.isdisjoint(words)):
            return before[-1]  # "... markets included the United States with 780,000 visitors"
        cue = next((i for i in range(sent.start, fig) if lw[i] in self.sets.origin_words), None)
        if cue is not None and starts[before[0]] < cue:
            return before[0]
        return None

    def _verbless(self, a: int, b: int) -> bool:
        """Tokens ``a``..``b`` have no comma and no word that reads as a verb
        (a level or change word, or one ending in -ed): a gapped clause."""
        return all(w != "," and w not in self.level_verbs and w not in self.change_words
                   and not w.endswith("ed") for w in self._lw[a:b])

    def _ranking(self, sent: Sentence) -> tuple[bool, bool]:
        """Of a sentence (once each): whether it ranks ("the largest source",
        "came next"), and if so, whether its paragraph up to its end names a flow."""
        found = self._rankings.get(sent.start)
        if found is None:
            lw = self._lw
            ranks = not self.sets.rank_words.isdisjoint(lw[sent.start:sent.end])
            flows = ranks and not self.sets.flow_words.isdisjoint(
                lw[self._paragraph_start(sent.start):sent.end])
            found = self._rankings[sent.start] = (ranks, flows)
        return found

    def _trade_parties(self, sent: Sentence) -> tuple[int | None, list[int]]:
        """Of a sentence (once each): the entity whose trade it is ("Dubai's
        largest trading partner"), and the others written as trade partners."""
        found = self._parties.get(sent.start)
        if found is None:
            lw, ends = self._lw, self._ent_ends
            ents = self._entities_in(sent.start, sent.end)
            owner = next((k for k in ents if lw[ends[k]:ends[k] + 1] == ["'s"]
                          and not self.sets.partner_words.isdisjoint(lw[ends[k] + 1:ends[k] + 5])),
                         None)
            found = self._parties[sent.start] = (
                owner, [k for k in ents if k != owner and self._partner_like(k)])
        return found

    def _between_pair(self, a: int, limit: int) -> tuple[int, int] | None:
        """``between east China's Fujian Province and ASEAN`` in tokens
        ``a``..``limit``: (the place, through a possessive chain; the other
        side), else None."""
        lw, starts, ends, labels = self._lw, self._ent_starts, self._ent_ends, self._ent_labels
        if "between" not in lw[a:limit]:
            return None
        i = lw.index("between", a, limit)
        ents = [k for k in self._entities_in(i + 1, limit) if labels[k] in PLACE_OR_ORG]
        if not ents or labels[ents[0]] not in PLACE_LABELS or starts[ents[0]] > i + 3:
            return None
        place = ents[0]
        rest = ents[1:]
        while rest and lw[ends[place]:ends[place] + 1] == ["'s"] \
                and starts[rest[0]] == ends[place] + 1 and labels[rest[0]] in PLACE_LABELS:
            place, rest = rest[0], rest[1:]  # "east China's Fujian Province"
        other = next((k for k in rest if "and" in lw[ends[place]:starts[k]]
                      and starts[k] - ends[place] <= 3), None)
        return (place, other) if other is not None else None

    def _partner_like(self, k: int) -> bool:
        """Entity ``k`` is a place or an organisation written as a trade
        partner: after "with", "to" ... or before "trade", "exports" ... (not
        "according to Nanning Customs"). Worked out once per entity."""
        found = self._partner_of.get(k)
        if found is None:
            lw, start, end = self._lw, self._ent_starts[k], self._ent_ends[k]
            prev = lw[start - 1] if start > 0 else ""
            prev2 = lw[start - 2] if start > 1 else ""
            # the word before the preposition: "according to (the) Nanning Customs";
            # a body further on: "according to data from the General Department of
            # Vietnam Customs"
            attributed = lw[max(0, start - 3 if prev == "the" else start - 2)]
            if self._ent_labels[k] == "ORG":
                attributed = next((w for w in lw[max(0, start - 6):start]
                                   if w in self.sets.attribution_words), attributed)
            # past its abbreviation: "The Association of Southeast Asian Nations
            # (ASEAN) remained Fujian's largest trading partner"
            after = end + 3 if lw[end:end + 1] == ["("] and lw[end + 2:end + 3] == [")"] \
                else end
            # "..., with China remaining by far the largest buyer": an aside on
            # the total, not trade with China
            absolute = prev == "with" and lw[after:after + 1] != [] and lw[after].endswith("ing")
            # "data from the Ministry of Commerce showed": the figures' source
            source = self._ent_labels[k] == "ORG" and lw[end:end + 1] != [] \
                and lw[end] in self.reporting
            found = self._partner_of[k] = self._ent_labels[k] in PLACE_OR_ORG \
                and attributed not in self.sets.attribution_words and not absolute \
                and not source and (
                    prev in self.sets.partner_prepositions
                    or (prev == "the" and prev2 in self.sets.partner_prepositions)
                    or not self.sets.partner_words.isdisjoint(lw[after:after + 6])
                    or self._group_partner(start))
        return found

    def _own_partner(self, a: int, b: int) -> bool:
        """Tokens ``a``..``b`` name a partner of their own that is no entity
        ("with Belt and Road countries"); "exports to the bloc" points back."""
        lw = self._lw
        return any(lw[i] in self.sets.partner_prepositions and not self._to_the_bloc(i)
                   for i in range(a, b - 1))

    def _to_the_bloc(self, i: int) -> bool:
        """Tokens from ``i`` read "with/to/from the bloc": a partner named before."""
        lw = self._lw
        return lw[i] in self.sets.partner_prepositions and lw[i + 1:i + 2] == ["the"] \
            and lw[i + 2:i + 3] != [] and lw[i + 2] in self.sets.partner_references

    def _bloc_referred(self, a: int, b: int) -> int | None:
        """``trade with the bloc``, after ``The Association of Southeast Asian
        Nations remained a key market``: the organisation named last in the
        sentence before, which "the bloc" points back at."""
        if self.sets.partner_references.isdisjoint(self._lw[a + 2:b]) \
                or not any(self._to_the_bloc(i) for i in range(a, b - 2)):
            return None  # (most clauses: no "bloc" to test for first)
        before = self._sentence_before(a)
        if before is None:
            return None
        orgs = [j for j in self._entities_in(before.start, a) if self._ent_labels[j] == "ORG"
                and j not in self._dateline_ents and self._ent_starts[j] >= self._after_dateline]
        return orgs[-1] if orgs else None

    def _group_partner(self, start: int) -> bool:
        """The name at ``start`` ends a group written as the partner: "trade
        with fellow members of the RCEP", "exports to member states of the EU"."""
        lw = self._lw
        i = start - 2 if lw[start - 1:start] == ["the"] else start - 1
        if i < 2 or lw[i] != "of" or lw[i - 1] not in self.sets.partner_groups:
            return False
        return not self.sets.partner_prepositions.isdisjoint(lw[max(0, i - 4):i - 1])

    def _place_referred(self, entities, a: int, b: int) -> int | None:
        """``782 people injured in the province``, ``houses in the city``: the
        nearest place of that kind named before."""
        pointers = self._pointers
        if not pointers:
            return None  # most articles
        lo, hi = bisect.bisect_left(pointers, max(a, 1)), bisect.bisect_left(pointers, b - 1)
        for i, (first, second) in zip(pointers[lo:hi], self._pointer_kinds[lo:hi], strict=True):
            kind = first or (second if i + 2 < b else None)
            if kind is None:
                continue
            found = self._referred.get((i, kind), -1)
            if found == -1:  # once a Doc for each "the" and kind
                found = self._referred[(i, kind)] = self._last_place_of_kind(i, kind)
            return found
        return None

    def _last_place_of_kind(self, i: int, kind: str) -> int | None:
        """The last place of ``kind`` named before token ``i`` (as first named:
        "Gauteng" is the "Gauteng Province" named earlier)."""
        for k in reversed(self._places_in(0, i)):
            if kind in self._place_kinds(k):
                prefix = self._entity_text(k) + " "
                return next((j for j in self._places_in(0, i)
                             if self._entity_text(j).startswith(prefix)), k)
        return None

    def _place_pointers(self, nouns_at: list[int]
                        ) -> tuple[list[int], list[tuple[str | None, ...]]]:
        """The "the"s that may point back at a place ("in the province", "The
        city's trade with the EU"), ascending, and the kinds of place the word
        after each and the word after that name (``place_back_references``),
        from the tokens that are such nouns (the "the" is one or two words
        before)."""
        nouns, lw = self.rules.place_back_references, self._lw
        n = len(lw)
        pointers, kinds = [], []
        for j in nouns_at:
            for i in (j - 2, j - 1):
                if i < 1 or lw[i] != "the" or (pointers and pointers[-1] >= i):
                    continue
                if lw[i - 1] not in self.sets.place_prepositions and lw[i + 2:i + 3] != ["'s"]:
                    continue
                pointers.append(i)
                kinds.append((nouns.get(lw[i + 1]), nouns.get(lw[i + 2]) if i + 2 < n else None))
        return pointers, kinds

    def _word_roles(self, word: str) -> int:
        """What a word is to the rules that look for it: bits of :data:`MARK`,
        :data:`JOINT`, :data:`NATIONAL`, :data:`PLACE_NOUN`, :data:`COMMA`,
        :data:`TRADE_WORD`, and its :meth:`_word_period_cue`."""
        roles = self._word_period_cue(word) | self._roles_by_word.get(word.lower(), 0)
        return (roles | MARK) if "\n" in word and word.isspace() else roles  # a line break

    def _place_kinds(self, k: int) -> tuple[str, ...]:
        """Of entity ``k``: country, province (a first-level division), county
        or city; Beijing Municipality is a province and a city."""
        link = self._link(self._entities[k])
        words = (link.name if link is not None else self._entity_text(k)).lower().split()
        if link is not None and link.iso_alpha3 and not link.iso_3166_2:
            return ("country",)
        if words[-1] == "municipality":
            return ("province", "city")
        if (link is not None and link.iso_3166_2) or words[-1] in ("province", "region"):
            return ("province",)
        return ("county",) if words[-1] == "county" else ("city",)

    def _entities_in(self, a: int, b: int) -> range:
        """Indexes of the entities that start in tokens ``a``..``b`` (by
        bisection: a long article has thousands)."""
        starts = self._ent_starts
        return range(bisect.bisect_left(starts, a), bisect.bisect_left(starts, b))

    def _places_in(self, a: int, b: int) -> list[int]:
        """Indexes of the place entities (GPE, LOC) that start in tokens
        ``a``..``b``, ascending."""
        starts = self._place_starts
        return self._place_ents[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]

    def _nationwide(self, a: int, b: int) -> bool:
        """A clause about the whole country ("nationwide", "across the
        country"), in an article about one of its regions."""
        lw = self._lw
        by_first = self._national_first
        starts = self._national_at
        if not starts or self._national_ends.isdisjoint(lw[a:b]):
            return False  # most articles; most clauses ("the" starts "the country")
        for i in starts[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)]:
            for phrase in by_first[lw[i]]:
                if lw[i:i + len(phrase)] == phrase and i + len(phrase) <= b \
                        and "than" not in lw[max(a, i - 2):i]:  # not "than the national average"
                    return True
        return False

    def _first_comma(self, a: int, b: int, default: int | None = None) -> int | None:
        """The first comma in tokens ``a``..``b``, else ``default``."""
        commas = self._commas
        k = bisect.bisect_left(commas, a)
        return commas[k] if k < len(commas) and commas[k] < b else default

    def _first_place(self, doc: Doc, entities, a: int, b: int, partner: int | None = None,
                     after: Collection[str] | None = None) -> int | None:
        """The first place entity in tokens ``a``..``b`` that is not the
        dateline's, the partner, or after "to"/"from"/"with"/"into" (or, with
        ``after``, only one right after one of those words), followed through
        possessive chains: "China's Xizang" -> Xizang."""
        places = self._places_in(a, b)
        if not places:
            return None  # most stretches of a sentence
        lw, starts, ends, labels = self._lw, self._ent_starts, self._ent_ends, self._ent_labels
        candidates = []
        skipped_end = -1  # "between Shenzhen and Zhuhai": Zhuhai is skipped with Shenzhen
        for k in places:
            start, end = starts[k], ends[k]
            if k == partner or end > b or k in self._dateline_ents:
                continue
            if lw[end:end + 1] == ["'s"] and any(
                    starts[j] == end + 1 and labels[j] == "ORG"
                    for j in self._entities_in(end + 1, end + 2)):
                continue  # "China's Fufeng Group": the company's country, not the subject
            prev = lw[start - 1] if start > 0 else ""
            if prev == "in" and start > 1 and lw[start - 2] in self.sets.seat_words:
                continue  # "a CASC subsidiary based in Beijing": a body's seat, no figure's place
            if prev == "the" and start > 1:
                prev = lw[start - 2]  # "exports to the United States"
            if prev in self.sets.scope_exclusions:
                continue  # "Outside Asia, exports to Britain dropped"
            if prev in ("for", "to") and start > 1 \
                    and lw[start - 2] in self.sets.destination_words:
                continue  # "a jet bound for London crashed": where it was going
            if prev in self.sets.partner_prepositions or prev in self.sets.direction_words \
                    or (skipped_end >= 0 and lw[skipped_end:start] in (
                        ["and"], [","], [",", "and"])):
                skipped_end = end
                continue
            if after is not None and not candidates and not any(
                    w in after for w in lw[max(a, start - 4):start]):
                continue  # the first must follow "in"; those chained to it need not
            if not candidates and self._superlative_scope(start, a):
                continue  # "the busiest in China", "the first plant in China"
            if not candidates and lw[end:end + 1] == ["'s"] and end + 1 < len(lw) and (
                    lw[end + 1].endswith("est") or lw[end + 1] in self.sets.ranking_words):
                continue  # "Latin America's largest economy": what ranks there is meant
            if not candidates and self._in_list_aside(start, a):
                continue  # "25 major tourism cities, among them Dalian, ..."
            candidates.append(k)
        place = candidates[0] if candidates else None
        for nxt in candidates[1:]:  # each the one right after the place so far
            end = ends[place]
            if lw[end:end + 2] in (["state", "of"], ["province", "of"]) \
                    and starts[nxt] == end + 2:
                place = nxt  # "the U.S. state of California": California
            elif end < len(lw) and lw[end] == "'s" and starts[nxt] - end <= 4:
                place = nxt  # "China's Xizang": Xizang
            else:
                break
        return place

    def _lead_end(self, sent: Sentence) -> int:
        """Where a lead's main clause ends: at a comma before a participle
        after its first figure ("Chilean shipments to China reached 38 billion
        dollars, keeping China in first place ..."): what the participle names
        is a consequence, not where the figure is."""
        lw, figures, commas = self._lw, self._fig_starts, self._commas
        k = bisect.bisect_left(figures, sent.start)  # the sentence's first figure
        if k == len(figures) or figures[k] >= sent.end:
            return sent.end
        for i in commas[bisect.bisect_left(commas, figures[k]):
                        bisect.bisect_left(commas, sent.end - 1)]:
            if lw[i + 1].endswith("ing") and len(lw[i + 1]) > 5:
                return i
        return sent.end

    def _main_clause_start(self, sent: Sentence) -> int:
        """Where a lead's main clause starts: after an opening subordinate clause
        ("While much of China bakes in summer heat, Harbin ... is luring
        visitors")."""
        lw = self._lw
        i = max(sent.start, self._after_dateline)
        if i < sent.end and lw[i] in self.sets.subordinators:
            comma = self._first_comma(i, sent.end)
            if comma is not None:
                return comma + 1
        return sent.start

    def _superlative_scope(self, i: int, a: int) -> bool:
        """The place at token ``i`` follows "in" after a superlative or an
        ordinal ("the busiest in China", "the first battery plant in China"):
        the scope of a ranking, not where the figure is."""
        lw = self._lw
        if i < 1 or lw[i - 1] != "in":
            return False
        for w in reversed(lw[max(a, i - 7):i - 1]):
            if w in (",", ";") or w in self.level_verbs or w in self.change_words:
                return False
            if w.endswith("est") or w in self.sets.ranking_words:
                return True
        return False

    def _respective_places(self, drafts: list[FactDraft], entities) -> None:
        """``Xi'an, Chengdu, Chongqing and Zhengzhou ... with 3,849 trips,
        2,285 trips, 2,059 trips and 2,052 trips respectively``: a list of
        places before as many figures, in order. ``The EU, the United States
        and ASEAN ranked as Zhejiang's leading trading partners. Trade with them
        rose 24.1 percent, 25.6 percent and 15.9 percent respectively``: the
        partners listed in the sentence before."""
        by_sentence = self._by_sentence(drafts)
        for (a, b), group in by_sentence.items():
            if "respectively" not in self._lw[a:b] or len(group) < 2:
                continue
            first = min(f.first.start for f in group)
            a = max(a, self._after_dateline)
            ends = self._ent_ends
            places = [k for k in self._entities_in(a, first)
                      if self._ent_labels[k] in PLACE_OR_ORG and ends[k] <= first
                      and not self._abbreviation(k)]
            if not places:
                listed = self._partners_referred(a, first, group)
                if listed is not None:
                    group = sorted(group, key=lambda f: f.first.start)[:len(listed)]
                    for f, k in zip(group, listed, strict=True):
                        f.partner = k
                        f.notes["respective"] = True
                continue
            if len(places) != len(group) or not self._one_list(places):
                continue
            start = self._ent_starts[places[0]]
            before = self._lw[max(0, start - 2):start]
            # "trade with the EU, the United States and ASEAN ... respectively"
            partners = any(w in self.sets.partner_prepositions for w in before)
            if not partners and any(self._ent_labels[k] not in PLACE_LABELS for k in places):
                continue  # an organisation is a partner, never the place
            for f, k in zip(sorted(group, key=lambda f: f.first.start), places, strict=True):
                if partners:
                    f.partner = k
                    f.notes["respective"] = True
                else:
                    f.location = k

    def _abbreviation(self, k: int) -> bool:
        """Entity ``k`` is an abbreviation in brackets right after the name it
        repeats: "the Association of Southeast Asian Nations (ASEAN)"."""
        start = self._ent_starts[k]
        return k > 0 and self._lw[start - 1] == "(" and self._ent_ends[k - 1] == start - 1

    def _sentence_before(self, i: int) -> Sentence | None:
        """The sentence before the one token ``i`` is in."""
        sentences = self._sentences_of[1]
        k = bisect.bisect_right([x.start for x in sentences], i) - 1
        return sentences[k - 1] if k >= 1 else None

    def _one_list(self, ents: list[int]) -> bool:
        """The entities are written as one list: "the EU, the United States and ASEAN",
        "ASEAN (its abbreviation in brackets) and the Republic of Korea"."""
        def gap(p: int, q: int) -> list[str]:
            words = [w for w in self._lw[self._ent_ends[p]:self._ent_starts[q]] if w != "the"]
            if words[:1] == ["("] and ")" in words[:4]:
                words = words[words.index(")") + 1:]
            return words
        return all(gap(p, q) in ([","], ["and"], [",", "and"])
                   for p, q in zip(ents, ents[1:], strict=False))

    def _partners_referred(self, a: int, first: int, group: list[FactDraft]) -> list[int] | None:
        """``Trade with them rose ... respectively``: the places and
        organisations listed in the sentence before, one for each figure before
        "respectively", when a partner pronoun points back and they are as many."""
        lw = self._lw
        if not any(lw[i] in self.sets.partner_prepositions
                   and lw[i + 1] in self.sets.partner_pronouns for i in range(a, first - 1)):
            return None
        before = self._sentence_before(a)
        if before is None:
            return None
        ents = [k for k in self._entities_in(before.start, before.end)
                if self._ent_labels[k] in PLACE_OR_ORG and self._ent_ends[k] <= before.end
                and not self._abbreviation(k)]
        respectively = lw.index("respectively", first)
        count = sum(1 for f in group if f.first.start < respectively)
        for i in range(len(ents) - count + 1):
            if count >= 2 and self._one_list(ents[i:i + count]):
                return ents[i:i + count]
        return None

    def _same_topic(self, drafts: list[FactDraft]) -> None:
        """A figure its sentence names nothing for, or only its unit ("with
        59,599 metric tons leaving the country"), is of the metric of the last
        figure in the same unit: the topic carries."""
        last: dict[tuple[str, str], tuple[str | None, str | None]] = {}
        for f in drafts:
            if f.value is None:
                continue
            unit = f.value.unit
            key = (f.value.kind, str(unit or ""))  # a currency or a unit
            bare = f.metric is None or (f.value.kind == "quantities" and (
                (f.metric == unit and f.metric in self.measure_units)
                or f.metric == self.rules.measure_nouns.get(self.unit_kinds.get(str(unit), ""))))
            if bare and key in last:
                f.metric, f.metric_id = last[key]
                continue
            if key in last and f.partner is None and f.metric_id not in TRADE_METRICS \
                    and len(ids := self.form_ids.get(str(f.metric).lower(), [])) > 1 \
                    and last[key][1] in ids:  # (trade: its partner decides)
                f.metric_id = last[key][1]  # "4.28 billion trips" after passenger trips
            last[key] = (f.metric, f.metric_id)

    @staticmethod
    def _by_sentence(drafts: list[FactDraft]) -> dict[tuple[int, int], list[FactDraft]]:
        """The drafts of each sentence, in order."""
        out: dict[tuple[int, int], list[FactDraft]] = {}
        for f in drafts:
            out.setdefault(f.notes["sent"], []).append(f)
        return out

    def _respective_metrics(self, doc: Doc, drafts: list[FactDraft],
                            metrics: list[tuple[int, int, list[str]]]) -> None:
        """``NEV production and sales in June came in at 1.268 million units and
        1.329 million units ..., respectively``: a list of metrics before as many
        figures, in order; the first one's modifier is shared ("NEV sales")."""
        by_sentence = self._by_sentence(drafts)
        starts = self._metric_starts
        for (a, b), group in by_sentence.items():
            if "respectively" not in self._lw[a:b] or len(group) < 2:
                continue
            group = sorted(group, key=lambda f: f.first.start)
            first = group[0].first.start
            hits = [m for m in metrics[bisect.bisect_left(starts, a):
                                       bisect.bisect_left(starts, first)] if m[1] <= first]
            run = hits[-1:]
            for m in reversed(hits[:-1]):
                if self._lw[m[1]:run[0][0]] not in (["and"], [","], [",", "and"]):
                    break
                run.insert(0, m)
            if len(run) != len(group):
                # "The digital power business and the intelligent automotive solution
                # business generated 52.6 billion yuan and 4.7 billion yuan, ...
                # respectively": the subjects listed, when no metric words are
                subjects = None if hits else self._listed_subjects(a, first)
                if subjects is not None and len(subjects) == len(group):
                    for f, (s, e) in zip(group, subjects, strict=True):
                        f.metric = self._text(s, e)
                        ids = self.form_ids.get(f.metric.lower(), [])
                        f.metric_id = self._prefer(ids) if ids else None
                continue
            s0, e0, _ = run[0]
            prefix = self._text(s0, e0 - 1) if e0 - s0 > 1 \
                and self._lw[e0 - 1] in self.form_ids else ""
            for f, (s, e, ids) in zip(group, run, strict=True):
                text = self._text(s, e)
                if prefix and (s, e) != (s0, e0) and e - s == 1:
                    text = f"{prefix} {text}"  # "NEV production and sales" -> NEV sales
                    ids = self.form_ids.get(text.lower(), ids)
                f.metric = text
                f.metric_id = self._prefer(ids) if ids else None

    def _listed_subjects(self, a: int, limit: int) -> list[tuple[int, int]] | None:
        """The noun phrases listed as a clause's subject, before its verb ("The
        digital power business and the intelligent automotive solution business
        generated"), without their articles; none for one subject, for names
        (places and bodies) or for anything but words."""
        lw, words = self._lw, self._words
        start = end = max(a, self._after_dateline)
        verbs = (self.level_verbs, self.change_words, self.sets.money_verbs,
                 self.sets.figure_verbs)
        while end < limit and not any(lw[end] in v for v in verbs) \
                and not (lw[end].endswith("ed") and words[end].islower()):
            if not words[end].isalpha() and lw[end] != "," or end in self._entity_tokens:
                return None
            end += 1
        if end >= limit or "and" not in lw[start:end]:
            return None
        parts, s = [], start
        for k in range(start, end + 1):
            if k == end or lw[k] in (",", "and"):
                kept = [j for j in range(s, k) if lw[j] not in self.stop_words]
                if kept:
                    parts.append((kept[0], kept[-1] + 1))
                s = k + 1
        return parts if len(parts) >= 2 else None

    def _places(self, drafts: list[FactDraft], main_place: int | None,
                lead_place: int | None = None, entities=None) -> None:
        """Facts whose sentence names no place are about the article's main
        place: the first place its lead names, else that of its first fact,
        else the dateline's country."""
        if lead_place is not None:
            main = lead_place
        elif drafts and drafts[0].location is not None:
            main = drafts[0].location
        else:
            main = main_place
        paragraphs = self._paragraphs
        stated: dict[int, int] = {}  # paragraph -> the place its last fact named
        trade_place = None  # the place of the last trade figure
        for f in drafts:
            para = bisect.bisect_right(paragraphs, f.first.start)
            if f.notes.get("ranked") and trade_place is not None:
                f.location = trade_place  # ranked partners of the same place
                continue
            if f.location is None:
                # "... will invest in a plant in Zhambyl Region. The plant is expected
                # to create 1,500 jobs": a paragraph keeps the place it names
                f.location = stated.get(para, main)
                if entities is not None and f.partner is not None and f.location is not None \
                        and self._same_place(entities, f.location, f.partner):
                    # "Shipments to European markets dropped ... after the EU imposed
                    # duties on rice from Cambodia", about Cambodia: a place is not its
                    # own partner
                    f.partner = None
                continue
            if entities is not None and f.partner is not None and main is not None \
                    and not f.notes.get("owner") and not self._directed(f) \
                    and self._same_place(entities, f.partner, main) \
                    and not self._same_place(entities, f.location, main):
                # "China is Kazakhstan's largest trade partner, with bilateral trade
                # reaching 44 billion dollars" in an article about Kazakhstan
                f.location, f.partner = f.partner, f.location
            if not f.notes.get("nationwide"):
                stated[para] = f.location
            if f.metric_id in TRADE_METRICS:
                trade_place = f.location

    def _directed(self, f: FactDraft) -> bool:
        """The fact's place and partner are written as such: the partner comes
        after "from" or "to" (not "with"), or the place owns the figure ("China
        imported 69.95 million tonnes of soybeans from Brazil", "Russia's trade
        surplus with China"), in an article about the partner too."""
        if f.location is None:
            return False
        if self._lw[self._ent_ends[f.location]:self._ent_ends[f.location] + 1] == ["'s"]:
            return True  # "Russia's trade surplus with China": Russia's, written so
        start = self._ent_starts[f.partner]
        before = self._lw[max(0, start - 2):start]
        if before[-1:] == ["the"]:
            before = before[:-1]
        return before[-1:] in (["from"], ["to"])

    def _company_lead(self, entities, lead: Sentence) -> bool:
        """The lead names a company ("Tencent Holdings Limited", "Contemporary
        Amperex Technology Co., Limited"): the article reports its results."""
        return any(self._ent_labels[k] == "ORG" and (
            self._entity_text(k).split()[-1] in self.company_suffixes
            and self._entity_text(k).split()[0] not in self.org_heads
            # "Chinese tech giant Huawei said Friday ..."
            or not self.sets.company_cues.isdisjoint(
                self._lw[max(lead.start, self._ent_starts[k] - 3):self._ent_starts[k]]))
            for k in self._entities_in(lead.start, lead.end))

    def _sentence_head(self, sent: Sentence) -> int:
        """The last token at which a period still opens its sentence ("In
        2024, ...", "From January to July, ...")."""
        return max(sent.start, self._after_dateline) + 2

    def _paragraph_start(self, i: int) -> int:
        """The first token of the paragraph token ``i`` is in."""
        paragraphs = self._paragraphs
        k = bisect.bisect_right(paragraphs, i)
        return paragraphs[k - 1] if k else 0

    def _paragraph_starts(self) -> list[int]:
        """Tokens that begin a paragraph (after a line break), ascending."""
        lw = self._lw
        return [i + 1 for i in self._marks if lw[i] not in SENTENCE_ENDS]

    def _same_place(self, entities, a: int, b: int) -> bool:
        ea, eb = entities[a], entities[b]
        la, lb = self._link(ea), self._link(eb)
        if la is not None and lb is not None and la.kb_id and lb.kb_id:
            return la.kb_id == lb.kb_id
        return self._entity_text(a) == self._entity_text(b)

    def _dateline_country_entity(self, entities) -> int | None:
        countries = self._countries
        if not countries:
            return None
        for k, ent in enumerate(entities):
            link = self._link(ent)
            if link is not None and link.iso_alpha2 == countries[0] and link.kb_id:
                return k
        return None

    # ------------------------------------------------------------ metrics
    def _metrics(self, doc: Doc, figures: list[Figure]) -> list[tuple[int, int, list[str]]]:
        # the tokens of the entities, of the places and of names (ORG, PERSON) no
        # metric is in, gathered in C from each entity's range of tokens
        spans = list(map(range, self._ent_starts, self._ent_ends))
        self._entity_tokens = set(chain.from_iterable(spans))
        self._place_tokens = set(chain.from_iterable(map(spans.__getitem__, self._place_ents)))
        taken = set(self._figure_tokens)
        taken.update(chain.from_iterable(
            compress(spans, map({"ORG", "PERSON"}.__contains__, self._ent_labels))))
        # by start, the longest first
        hits = sorted([(s, -e) for label, s, e in self._phrases if label == "METRIC"])
        out: list[tuple[int, int, list[str]]] = []
        last_end = -1
        figure_verbs = self.sets.figure_verbs
        for s, neg_end in hits:
            e = -neg_end
            if s < last_end or not taken.isdisjoint(range(s, e)):
                continue
            if e - s == 1 and self._lw[s] in figure_verbs and not self._figure_next(e):
                continue  # "raised 21.2 billion yuan", not "raised to 82 dollars"
            if self._in_name(s, e):
                continue  # "the China-Africa Economic and Trade Expo"
            if s > 0 and self._lw[s - 1] == "-" and not doc[s - 2].whitespace_:
                continue  # "joint-stock": no "stock"
            ids = self.form_ids.get(self._text(s, e).lower(), [])
            out.append((s, e, ids))
            last_end = e
        out = self._with_abbreviations(out, taken)
        # "4.8 percent of gross domestic product (GDP)": what a ratio is of does
        # not name the figures after it
        self._denominators = set()
        lw = self._lw
        for s, _e, _ids in out:
            # "12 percent of Thailand's gross domestic product": past the owner
            k = s
            if k >= 3 and lw[k - 1] == "'s" and k - 2 in self._entity_tokens:
                k = next(j for j in range(k - 2, -1, -1) if j not in self._entity_tokens) + 1
            if (k >= 2 and lw[k - 1] == "of" and k - 2 in self._figure_tokens) or (
                    lw[s - 1:s] == ["("] and any(d < s for d in self._denominators)
                    and s - 1 - max(d for d in self._denominators if d < s) <= 4):
                self._denominators.add(s)
        # one form, several indicators ("spending"): the one the article's
        # other metric words point to
        units = [self._unit_ids(str(f.unit or ""))
                 for f in figures if f.kind == "quantities"]  # "20,000 freight trains"
        self._support = support = Counter(
            ids[0] for ids in [*(m[2] for m in out), *units] if len(ids) == 1)
        return [(s, e, sorted(ids, key=lambda i: -support.get(i, 0)) if len(ids) > 1 else ids)
                for s, e, ids in out]

    def _with_abbreviations(self, hits: list[tuple[int, int, list[str]]], taken: set[int]
                            ) -> list[tuple[int, int, list[str]]]:
        """An indicator's form followed by its abbreviation in brackets ("gross
        gaming revenue (GGR)") makes that abbreviation a form of the indicator
        in the rest of the article ("GGR had reached 208.6 billion patacas")."""
        lw, words = self._lw, self._words
        aliases: dict[str, list[str]] = {}
        for _s, e, ids in hits:
            if ids and lw[e:e + 1] == ["("] and lw[e + 2:e + 3] == [")"]:
                abbr = words[e + 1]
                if abbr.isupper() and abbr.isalpha() and abbr.lower() not in self.form_ids:
                    aliases.setdefault(abbr, ids)
        if not aliases:
            return hits
        starts = {s for s, _e, _ids in hits}
        more = [(k, k + 1, aliases[w]) for k, w in enumerate(words)
                if w in aliases and k not in starts and k not in taken]
        return sorted(hits + more, key=lambda h: h[0])

    def _in_name(self, s: int, e: int) -> bool:
        """Tokens ``s``..``e`` are capitalised words inside a longer run of them,
        not at a sentence's start: part of a name, not a metric."""
        words = self._words
        if not words[s][:1].isupper() or not all(w[:1].isupper() for w in words[s + 1:e]):
            return False
        before = words[s - 1] if s > 0 else ""
        after = words[e] if e < len(words) else ""
        if before in ("", ".", "\n") or not before.strip() or before in ("--", '"'):
            return False
        if before[:1].isupper() and not (after[:1].isupper() and after.isalpha()) \
                and (s - 1) not in self._entity_tokens and self._opens_sentence(s - 1):
            return False  # "Nominal GDP, which is not adjusted for prices, came to ..."
        return before[:1].isupper() or after[:1].isupper() and after.isalpha()

    def _opens_sentence(self, i: int) -> bool:
        """Token ``i`` is the first word of a sentence (after a full stop, a
        line break or a dateline's dash)."""
        before = self._words[i - 1] if i > 0 else ""
        return before in ("", ".", "\n", "--") or not before.strip()

    def _in_context(self, draft: FactDraft, sent: Sentence) -> str | None:
        """The fact's indicator if its words are in context ("826 million people
        traveled during the holiday": tourist trips; "540,200 people were
        evacuated": none), else another indicator its metric words name that is,
        else none. In a company's results, fiscal indicators are the company's.
        The context is the lead's words, the sentence's and the metric's, each
        tested in turn (no set of them all made)."""
        metric = str(draft.metric or "")
        named = [draft.metric_id, *self._unit_ids(metric)]
        if self._company_article:  # "Tencent said its revenue rose 10 percent"
            named = [self.rules.company_ids.get(i, i) for i in named]
        sentence = self._lw[sent.start:sent.end]
        for metric_id in named:
            needs = self.contexts.get(metric_id)
            if needs is None or not (needs.isdisjoint(self._lead_words)
                                     and needs.isdisjoint(sentence)
                                     and needs.isdisjoint(metric.lower().split())):
                return metric_id
        return None

    def _unit_ids(self, unit: str) -> list[str]:
        """The metric ids of a phrase or of its head: "China-Europe freight
        trains" -> "freight trains" -> freight_trips (remembered by phrase)."""
        return self._ids_of_unit[unit]

    def _head_ids(self, unit: str) -> list[str]:
        words = unit.lower().split()
        return next((self.form_ids[" ".join(words[k:])] for k in range(len(words))
                     if " ".join(words[k:]) in self.form_ids), [])

    def _figure_next(self, i: int) -> bool:
        """A figure starts at token ``i`` (its hedge is part of it: "raised nearly
        2 billion"), or after "a total of"."""
        if self._lw[i:i + 3] == ["a", "total", "of"]:
            i += 3
        return i in self._figure_tokens

    def _prefer(self, ids: list[str]) -> str:
        return max(ids, key=lambda i: (self._support.get(i, 0), -ids.index(i)))

    # ------------------------------------------------------------ periods
    def _periods(self, doc: Doc, figures: list[Figure], ref: dt.date | None) -> list[PeriodHit]:
        taken = self._figure_tokens
        self._attach_longest = max(
            [e - s for s, e in zip(self._fig_starts, self._fig_ends, strict=True)], default=0)
        # the longest match wins where matches overlap ("January-April", not "in January")
        chosen: list[tuple[str, int, int]] = []
        claimed: set[int] = set()
        candidates = self._period_candidates(doc)
        for hit in sorted(candidates, key=lambda x: (-(x[2] - x[1]), x[1])):
            if claimed.isdisjoint(range(hit[1], hit[2])):
                chosen.append(hit)
                claimed.update(range(hit[1], hit[2]))
        hits = sorted(chosen, key=lambda x: x[1])
        out: list[PeriodHit] = []
        self._statements: list[PeriodHit] = []
        last_end = -1
        sent_starts = [sent.start for sent in self._sentences(doc)]
        sentence_year: tuple[int, int] | None = None  # (sentence start, year stated in it)
        for label, s, e in hits:
            if s < last_end or s < self._headline_from or not taken.isdisjoint(range(s, e)):
                continue
            here = sent_starts[bisect.bisect_right(sent_starts, s) - 1] if sent_starts else 0
            hint = sentence_year[1] if sentence_year and sentence_year[0] == here else None
            if label == "quarter_ellipsis":
                # "1.7 percent in the first quarter, 2.1 percent in the second": the
                # quarter named before in the sentence, this one's ordinal
                hit = self._quarter_ellipsis(doc, out, here, s, e)
                label = "quarter"
            else:
                hit = self._normalise(doc, label, s, e, ref, hint)
            if hit is None:
                continue
            hit.label_kind = label
            if self._reported_on(s, e, label == "weekday"):
                # "said Friday": the day of the statement, not of the figure (it dates
                # only a tally that no period dates: "25 people have been confirmed
                # dead ..., authorities said Sunday")
                if label == "weekday" and hit.first is not None:
                    self._statements.append(hit)
                continue
            before = self._lw[max(0, s - 3):s]
            ranged = (label in ("day_range", "month_range", "date_to_weekday")
                      and before[-1:] == ["from"]) or label == "weekday_range"  # own "between"
            pointer = label in ("back_reference", "holiday", "past_months", "past_years",
                                "the_year")
            wider = self._lw[max(0, s - 5):s]  # "than the budget for the current fiscal year"
            if not taken.isdisjoint(range(max(0, s - 5), s)):
                wider = before
            for stop in (".", ";", "!", "?"):  # not words of the sentence before
                if stop in wider:
                    wider = wider[len(wider) - wider[::-1].index(stop):]
            if before[-1:] and before[-1] in self.sets.period_prepositions \
                    and not {"than", "compared", "versus", "against"} & set(wider):
                # "from the petroleum levy in the current fiscal year": the period
                # has its own preposition; only "than in 2019" compares
                wider = before[-2:-1]
            hit.comparison = label in ("same_period", "year_ago") or (
                not ranged and not pointer and not self.comparisons.isdisjoint(wider)) or (
                e < len(self._lw) and self._lw[e] in self.sets.comparison_after)
            if label in ("same_period", "year_ago") and (
                    s <= here or self._lw[here:s] in (["the"],)) and self._lw[e:e + 1] == [","]:
                hit.comparison = False  # "A year earlier, remittances stood at ..."
                hit.carries = False
            if self._lw[e:e + 2] == [",", "when"]:
                # "the deadliest since 2015, when two earthquakes killed 9,000 people":
                # the year dates the clause it introduces
                hit.comparison, hit.carries, hit.introduces = False, False, True
            if label == "year" and self._record_start(here, s):
                continue  # "since records began in 1970": when the records start, no figure's
            if label == "since" and any(w.endswith("est") for w in self._lw[max(0, s - 3):s]):
                continue  # "the highest (level) since January 2024" compares, it does not date
            if label == "since":
                hit.carries = False  # a running total's window, not the article's period
            if label in ("relative_year", "relative_month", "the_year") and self._counts_in(
                    max(here, s - 5), s) and not (
                    out and out[-1].months and self._lw[out[-1].end:s] in (["of"], ["in"])):
                continue  # "the country's second month of deflation this year": it counts
                # months, it dates no figure (but "the first seven months of this year" is
                # one period, joined below)
            if (self._lw[e:e + 1] and self._lw[e] in self.sets.singling_out) \
                    or self._lw[e - 1] in self.sets.singling_out:  # "December alone"
                hit.part = True  # "In the fourth quarter alone, ...": a part of the year
            if label in ("year_pair", "plan_period") and ref is not None and hit.last is not None \
                    and hit.last > ref:
                hit.carries = False  # "projected at 5.3 percent in 2025 and 2026"
            if label == "day":
                # "21,312 passengers rode the line on Nov. 12": that day's figure only
                hit.carries, hit.deadline = False, True
            if before[-1:] == ["by"] and self._future(hit, ref):
                # "expected to save 4.3 billion pounds a year by 2029": a deadline
                # dates its own clause only
                hit.carries, hit.deadline = False, True
            self._attach(hit, figures)
            out.append(hit)
            last_end = e
            if label == "year" or any(w.isdecimal() and len(w) == 4 for w in self._lw[s:e]):
                if hit.first is not None:
                    sentence_year = (here, hit.first.year)
        return self._resolve(doc, self._compose(doc, out))

    def _distance(self, period: PeriodHit, draft: FactDraft) -> tuple[int, int]:
        """Tokens between a period and the fact's figures ("30 million TEUs in
        2011": the year right after the figure is nearer than one before)."""
        spans = [f.span for f in (draft.value, draft.change) if f is not None]
        start, end = min(x.start for x in spans), max(x.end for x in spans)
        if period.start >= end:
            return (period.start - end, 0)
        return (max(0, start - period.end) + 1, 1)

    def _relative(self, period: PeriodHit, sent: Sentence) -> bool:
        """The period is in a relative clause (", where the landslide swept away
        62 homes at about 6 a.m. Saturday"): it dates that clause only."""
        lw = self._lw
        return any(lw[k] == "," and lw[k + 1] in ("where", "which", "when")
                   for k in range(sent.start, period.start - 1))

    def _perfect(self, a: int, b: int) -> bool:
        """An active present perfect: "has cut its workforce", "has expanded its
        trade ties" (not a passive tally: "have been relocated")."""
        if self._plan_article:
            return False
        lw = self._lw
        if "has" not in lw[a:b - 1] and "have" not in lw[a:b - 1]:
            return False  # most clauses
        for i in range(a, b - 1):
            if lw[i] in ("has", "have"):
                j = i + 1
                while j < b and lw[j] in self.sets.participle_fillers:
                    j += 1
                if j < b and lw[j] != "been" and lw[j] not in self.level_verbs \
                        and lw[j] not in self.sets.tally_verbs \
                        and (lw[j].endswith("ed") or lw[j] in self.sets.participles):
                    return True
        return False

    def _distance_measure(self, draft: FactDraft) -> bool:
        """The figure is a length or distance (km, metres), not an amount of
        rain or snow ("240 mm of rain on Saturday" is that day's)."""
        if draft.value is None or draft.value.kind != "quantities" \
                or self.unit_kinds.get(str(draft.value.unit or "")) != "length":
            return False
        end = draft.value.span.end
        words = {*self._lw[end:end + 3], *str(draft.metric or "").lower().split()}
        return words.isdisjoint(self.sets.precipitation_words)

    def _tally_metric(self, draft: FactDraft) -> bool:
        """A count of a disaster's toll or damage (dead, missing, houses
        collapsed, losses), which an "as of" date dates."""
        a, b = draft.notes["clause"]
        return draft.metric_id in self.sets.tally_ids or not self.tally_words.isdisjoint(
            self._lw[a:b])

    def _tally(self, a: int, b: int) -> bool:
        """A running count in the present perfect: "have been confirmed dead"."""
        lw = self._lw
        return any(lw[i] in ("has", "have") and (lw[i + 1] == "been" or lw[i + 1].endswith("ed"))
                   for i in range(a, b - 1))

    def _looks_ahead(self, i: int) -> bool:
        """The words of the sentence before token ``i`` look ahead ("hopes to
        collect ... by", "plans", "expected"): a deadline is the next one, not
        the last ("rose to 11.1 billion dollars by the end of June")."""
        lw, cues = self._lw, self.sets
        k = i - 1
        while k >= max(0, i - 15) and not self._role_at[k] & MARK:
            w = lw[k]
            if w in cues.future_words or w in cues.forecast_cues or w in cues.target_cues:
                return True
            k -= 1
        return False

    def _ahead(self, a: int, b: int) -> bool:
        """The clause looks ahead: "will", "plans", "is expected to" (not "had
        expected")."""
        lw, cues = self._lw, self.sets
        if cues.future_words.isdisjoint(lw[a:b - 1]) and "to" not in lw[a + 1:b]:
            return False  # most clauses
        return any(w in cues.future_words or (
            lw[i + 1] == "to" and (w in cues.forecast_cues or w in cues.target_cues))
            for i, w in enumerate(lw[a:b - 1], a))

    @staticmethod
    def _over(period: PeriodHit | None, ref: dt.date | None) -> bool:
        """The period ended before the article's date."""
        return period is not None and ref is not None and period.last is not None \
            and period.last < ref

    def _future(self, period: PeriodHit, ref: dt.date | None) -> bool:
        """A projection ("5.3 percent per year in 2025 and 2026"), not the period
        the article reports: it does not carry to later sentences."""
        return ref is not None and period.last is not None and period.first is not None \
            and period.first > ref \
            and period.label_kind not in ("fiscal_year", "fiscal_year_from",
                                          "relative_fiscal_year")

    def _counts_in(self, a: int, s: int) -> bool:
        """An ordinal in tokens ``a``..``s`` counts things before a period at
        ``s`` ("the second month of deflation this year"), unless only period
        words follow it ("the first half of this year")."""
        lw = self._lw
        k = next((k for k in range(a, s) if lw[k] in self.rules.ordinals), None)
        return k is not None and any(
            w not in self.sets.period_words and w not in self.sets.period_parts
            for w in lw[k + 1:s])

    def _reported_on(self, s: int, e: int, weekday: bool) -> bool:
        """A weekday near a reporting verb (``said Friday``, ``data released
        by the ministry on Friday``, ``the holiday, which ended on Friday``), or
        any period right after one (``said late last year``), dates the
        statement or another event, not the figure."""
        lw = self._lw
        if weekday:
            window = lw[max(0, s - 8):s] + lw[e:e + 2]
        else:
            window = [w for w in lw[max(0, s - 3):s] if w not in self.time_modifiers]
            window = window[-1:]
            if not self.event_verbs.isdisjoint(window):
                return True  # "a factory which opened in January": the event's date
        return not self.reporting.isdisjoint(window)

    def _attach(self, hit: PeriodHit, figures: list[Figure]) -> None:
        """``up from 270,287 tonnes in the same period of 2023``, ``from 46.7
        percent in 2022``, ``up from 609.49 gigawatts at the end of 2023``: a
        period right after a figure that follows a comparison word is that
        figure's, not the sentence's."""
        lw = self._lw
        # only figures that can end within 3 words of the hit (bisection: a
        # long article has thousands of figures)
        lo = bisect.bisect_left(self._fig_starts, hit.start - 3 - self._attach_longest)
        for k in range(lo, len(figures)):  # (no copy of the list's tail)
            f = figures[k]
            if f.span.end > hit.start:
                break
            gap = lw[f.span.end:hit.start]
            if len(gap) > 3 or any(w not in ("in", "of", "during", "for", "at", ",", "the",
                                             "set", "recorded", "posted", "seen", "registered")
                                   and w not in self.reference_nouns  # "quota for 2024"
                                   and w not in self.sets.change_nouns  # "a 1.1-percent drop"
                                   for w in gap):
                continue
            before = lw[max(0, f.span.start - 3):f.span.start]
            if "to" in before:
                # "grew 3.3 percent from the previous year to 3.52 billion tonnes in
                # 2017": the level reached, not the one compared with
                before = before[len(before) - before[::-1].index("to"):]
            if "with" in before[:-1]:
                # "trade with Africa totaled 2.1 trillion yuan in 2024": a partner's
                # "with", not a comparison ("compared with" says so itself)
                before = [w for w in before if w != "with"]
            if hit.comparison or not self.comparisons.isdisjoint(before):
                hit.comparison = True
                hit.attached = f.span.start

    def _compose(self, doc: Doc, hits: list[PeriodHit]) -> list[PeriodHit]:
        """Join neighbours that state one period: ``the first 10 months of the
        current fiscal year``, ``this year as of Monday``."""
        out: list[PeriodHit] = []
        for hit in hits:
            prev = out[-1] if out else None
            if prev is not None and not prev.comparison:
                gap = self._lw[prev.end:hit.start]
                joinable = all(w in ("of", "the", "in", ",") for w in gap) and len(gap) <= 2
                if joinable and prev.months and hit.fiscal and hit.fiscal[2:] == (1, 12):
                    country, year = hit.fiscal[0], hit.fiscal[1]
                    first, last = self.fiscal.months(country, year, *prev.months)
                    out[-1] = replace(hit, start=prev.start, label=self._text(prev.start, hit.end),
                                      first=first, last=last,
                                      fiscal=(country, year, *prev.months))
                    continue
                if joinable and prev.months and prev.label_kind != "year" \
                        and hit.label_kind == "relative_year" and hit.first is not None \
                        and not any(w.isdecimal() and len(w) == 4
                                    for w in self._lw[prev.start:prev.end]):
                    # "the first half of this year"
                    y, (m1, m2) = hit.first.year, prev.months
                    out[-1] = replace(prev, end=hit.end, label=self._text(prev.start, hit.end),
                                      first=dt.date(y, m1, 1),
                                      last=dt.date(y, m2, _month_end(y, m2)))
                    continue
                if not gap and hit.label_kind in ("as_of_weekday", "as_of_date") \
                        and prev.label_kind in ("year", "relative_year") and prev.first \
                        and hit.last and prev.first <= hit.last <= (prev.last or hit.last):
                    out[-1] = replace(prev, end=hit.end, label=self._text(prev.start, hit.end),
                                      last=hit.last, label_kind="year_to_date")
                    continue
            out.append(hit)
        return out

    def _resolve(self, doc: Doc, hits: list[PeriodHit]) -> list[PeriodHit]:
        """Periods that point back: ``the holiday``, ``the five-month period``
        (the last period stated), ``the same period of 2023``, ``a year
        earlier`` (that period, a year before)."""
        out = []
        last: PeriodHit | None = None
        last_holiday: PeriodHit | None = None
        fiscal: PeriodHit | None = None  # the last fiscal year stated that is no calendar year
        for hit in hits:
            kind = hit.label_kind
            if kind in ("quarter", "quarters_to_date") and fiscal is not None \
                    and hit.first is not None and not any(
                        w.isdecimal() and len(w) == 4 for w in self._lw[hit.start:hit.end]):
                # "grew 5.66 percent in the fourth quarter" of a July-June fiscal year:
                # that year's fourth quarter, April-June
                first_q = (hit.first.month - 1) // 3  # 0-based quarter of the calendar hit
                q_last = (hit.last.month - 1) // 3
                start = fiscal.first
                hit = replace(hit, first=_add_months(start, 3 * first_q),
                              last=_add_months(start, 3 * (q_last + 1)) - dt.timedelta(days=1))
            if kind in ("past_months", "past_years"):
                # "the past 12 months", "the past decade": the months up to the end of
                # the period before
                if last is None or last.last is None:
                    continue
                n = hit.months[0]
                end = last.last
                month = end.month - n  # the first month of the run, 0-based below
                first = dt.date(end.year + (month // 12), month % 12 + 1, 1)
                hit = replace(hit, first=first, last=end, months=None)
                out.append(hit)
                continue
            if kind == "previous_month":
                # "reversing a 0.5-percent drop in the previous month": the month
                # before the month stated last
                if last is None or last.first is None or last.first.day != 1 \
                        or last.last is None or (last.last - last.first).days > 31:
                    continue
                end = last.first - dt.timedelta(days=1)
                out.append(replace(hit, first=end.replace(day=1), last=end, carries=False))
                continue
            if kind == "the_year":
                # "a target of around 3 percent for the year": the year of the
                # period stated last (or of the article)
                if last is not None and last.first is not None and last.last is not None \
                        and (last.last - last.first).days >= 360:
                    out.append(replace(hit, first=last.first, last=last.last,
                                       fiscal=last.fiscal))  # a fiscal year's
                    continue
                if fiscal is not None:  # "For the full year" after a fiscal year's quarters
                    out.append(replace(hit, first=fiscal.first, last=fiscal.last,
                                       fiscal=fiscal.fiscal))
                    continue
                year = last.first.year if last is not None and last.first is not None \
                    else (self._anchor.year if self._anchor is not None else None)
                if year is None:
                    continue
                out.append(replace(hit, first=dt.date(year, 1, 1), last=dt.date(year, 12, 31)))
                continue
            if kind in ("back_reference", "same_period", "year_ago"):
                words = self._lw[hit.start:hit.end]
                base = last
                if last_holiday is not None and any(
                        w in self.holiday_pointers
                        for w in words):  # "over the five days" of a holiday
                    base = last_holiday
                if base is None or base.first is None:
                    continue  # points at nothing the article dated
                if kind == "back_reference":
                    hit = replace(hit, first=base.first, last=base.last, fiscal=base.fiscal,
                                  months=base.months)
                else:
                    years = [int(w) for w in words if w.isdecimal() and len(w) == 4]
                    back = base.first.year - years[0] if years else 1
                    hit = replace(hit, **self._years_before(base, back))
                out.append(hit)
                continue
            if kind in ("as_of_weekday", "as_of_date") and last is not None \
                    and last.label_kind == "year_to_date" and last.last == hit.last:
                hit = replace(hit, first=last.first)  # "this year as of Monday" ... "As of Monday"
            out.append(hit)
            if kind == "relative_year" and self._lw[hit.start] == "this" and last is not None \
                    and last.first is not None and last.last is not None \
                    and hit.first is not None and hit.last is not None \
                    and hit.first <= last.first and last.last <= hit.last \
                    and (last.last - last.first).days >= 27:
                # "suffered heavier damage this year" in an article about the first
                # three quarters: "the period" after it is still those quarters (a
                # month or more of this year; a day is not what "the period" means)
                continue
            if not hit.comparison and hit.first is not None and kind != "weekday":
                last = hit
                if kind == "holiday":
                    last_holiday = hit
                if hit.fiscal is not None and hit.last is not None \
                        and hit.first.month != 1 and (hit.last - hit.first).days >= 360:
                    fiscal = hit
        return out

    def _year_to_year(self, period: PeriodHit | None) -> bool:
        """``between 2018 and 2019``: two years in a row after ``between``."""
        return period is not None and period.label_kind == "year_pair" \
            and period.first is not None and period.last is not None \
            and period.last.year == period.first.year + 1 \
            and self._lw[period.start - 1:period.start] == ["between"]

    def _against_year_before(self, draft: FactDraft, periods: list[PeriodHit], a: int,
                             b: int) -> bool:
        """A change compared, in its clause, with the same period one year
        before its own ("prices were 3.63 percent higher than in 2023", of 2024;
        "grew 4.1 percent compared with May 2018", of May 2019)."""
        own = draft.period
        if own is None or own.first is None or own.last is None:
            return False
        before = None
        lw = self._lw
        for p in periods:
            # in the clause, or right after it behind words of comparison only
            # ("grew 4.1 percent compared with May 2018")
            reach = a <= p.start < b or (b <= p.start and p.start - b <= 4 and all(
                w in self.comparisons or w in self.stop_words for w in lw[b:p.start]))
            if p.comparison and p is not own and reach and p.first is not None \
                    and (p.attached is None or p.attached == draft.change.span.start):
                # (not "faster than the 5.05-percent growth registered in 2023": that
                # year is the other figure's)
                before = before or self._years_before(own, 1)
                if (p.first, p.last) == (before["first"], before["last"]):
                    return True
        return False

    def _years_before(self, hit: PeriodHit, years: int) -> dict:
        if hit.fiscal is not None:
            country, year, m1, m2 = hit.fiscal
            first, last = self.fiscal.months(country, year - years, m1, m2)
            return {"first": first, "last": last, "fiscal": (country, year - years, m1, m2)}

        def back(day: dt.date | None) -> dt.date | None:
            if day is None:
                return None
            y = day.year - years
            last_day = _month_end(y, day.month)
            if day.day == _month_end(day.year, day.month):
                return dt.date(y, day.month, last_day)  # the end of February stays the end
            return dt.date(y, day.month, min(day.day, last_day))

        return {"first": back(hit.first), "last": back(hit.last)}

    def _holiday_matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """``the eight-day Spring Festival holiday``, ``during the National Day
        holiday``: a holiday's name followed by a holiday word."""
        lw = self._lw
        out = []
        self._holiday_names: dict[tuple[int, int], tuple[str, int | None, int | None]] = {}
        for _, s, e in (hit for hit in self._phrases if hit[0] == "HOLIDAY"):
            season = next((k for k in self.rules.travel_seasons
                           if " ".join(lw[e:e + len(k.split())]) == k), None)
            noun = len(season.split()) if season else next(
                (len(n) for n in self.holiday_nouns if lw[e:e + len(n)] == n), 0)
            if not noun and (s == 0 or lw[s - 1] not in self.holiday_prepositions):
                continue
            key = " ".join(lw[s:e]).replace(" - ", "-")  # "mid - autumn" -> "mid-autumn"
            name = self.rules.holidays.get(key) or self.rules.holidays.get(self._text(s, e).lower())
            if name is None or (season is not None and name != "Spring Festival"):
                continue
            start, length = s, None
            # "the eight-day", "the week-long", "the seven-day" before the name
            if start >= 3 and lw[start - 2] == "-" and lw[start - 1] in ("day", "long"):
                count = lw[start - 3]
                if lw[start - 1] == "long":
                    length = self.rules.day_words.get(f"{count}-long")
                else:
                    length = int(count) if count.isdecimal() else self.rules.count_words.get(count)
                start -= 3
            year = None  # "the 2024 Spring Festival travel rush": that year's
            if start >= 1 and lw[start - 1].isdecimal() and len(lw[start - 1]) == 4 \
                    and 1900 <= int(lw[start - 1]) <= 2100:
                year = int(lw[start - 1])
                start -= 1
            if start >= 1 and lw[start - 1] == "the":
                start -= 1
            out.append(("holiday", start, e + noun))
            # "the 40-day Spring Festival travel rush": a season around the holiday
            self._holiday_names[(start, e + noun)] = (season or name, length, year)
        return out

    def _holiday(self, name: str, length: int | None, ref: dt.date | None
                 ) -> tuple[dt.date, dt.date] | None:
        if ref is None:
            return None
        if name in self.rules.travel_seasons:  # the Spring Festival travel rush
            before, after = self.rules.travel_seasons[name]
            for year in (ref.year, ref.year - 1):
                day = self.rules.lunar_new_year.get(str(year))
                if day is None:
                    continue
                new_year = dt.date.fromisoformat(f"{year}-{day}")
                first = new_year + dt.timedelta(days=before)
                if first <= ref + dt.timedelta(days=45):
                    return first, new_year + dt.timedelta(days=after)
            return None
        for year in (ref.year, ref.year - 1):
            days = official_holiday(name, year)
            if days is None and name in self.rules.holiday_fallback:
                first, default = self.rules.holiday_fallback[name]
                days = fixed_holiday(first, length or default, year)
            if days is not None and days[0] <= ref + dt.timedelta(days=45):
                return days  # this year's, unless it is still weeks away
        return None

    def _quarter_ellipsis(self, doc: Doc, before: list[PeriodHit], here: int, s: int,
                          e: int) -> PeriodHit | None:
        """``the second`` after ``the first quarter`` in the same sentence, and
        before a comma, "and" or the sentence's end: that year's second quarter."""
        if e < len(self._lw) and self._lw[e] not in (",", ".", ";", "and", ")"):
            return None  # "the second largest", "the second time"
        prev = before[-1] if before else None
        if prev is None or prev.start < here or prev.label_kind != "quarter" \
                or prev.first is None:
            return None
        q = self.rules.ordinals.get(self._lw[e - 1])
        if q is None or not 1 <= q <= 4:
            return None
        year = prev.first.year
        first = dt.date(year, 3 * q - 2, 1)
        last = dt.date(year, 3 * q, _month_end(year, 3 * q))
        return PeriodHit(s, e, self._text(s, e), first, last)

    def _record_start(self, sentence_start: int, s: int) -> bool:
        """The year at ``s`` closes a clause "since ... began keeping records
        in 1970": it dates the records, not a figure."""
        before = self._lw[max(sentence_start, s - 10):s]
        if "since" not in before:
            return False
        after_since = before[len(before) - before[::-1].index("since"):]
        return any(w in ("began", "started", "start", "records", "record") for w in after_since) \
            and not any(i in self._figure_tokens for i in range(s - len(after_since), s))

    def _word_period_cue(self, word: str) -> int:
        """What a word, as written, can do for a period pattern:
        :data:`NO_PERIOD`; :data:`PERIOD_WORD`, a word a pattern holds wherever
        it is: a year (1900-2100), a month written with a capital (not the verb
        "may"), a weekday, "H1"/"Q3", "2024/25", "FY2024", a period word; or
        :data:`PERIOD_IN_COMPANY`, one that starts a period only in company
        (:meth:`_period_in_company`)."""
        w = word.lower()
        if len(w) == 4 and w.isdecimal():
            return PERIOD_WORD if 1900 <= int(w) <= 2100 else NO_PERIOD
        if w in self.rules.months:
            return PERIOD_WORD if word[:1].isupper() else NO_PERIOD
        if w in self.rules.weekdays or w in ("h1", "h2", "q1", "q2", "q3", "q4"):
            return PERIOD_WORD
        if w in self.period_words or (w[:2] == "fy" and w[2:].isdecimal()):
            return PERIOD_WORD
        if len(w) > 4 and w[:4].isdecimal() and w[4] in "/-":  # 2024/25
            return PERIOD_WORD
        return PERIOD_IN_COMPANY if w in self._company_words else NO_PERIOD

    def _period_in_company(self, i: int, w: str) -> bool:
        """Does the word ``w`` (token ``i``, lower case) start a period with the
        words around it: "last year", "first half", "the half-year", "end of",
        "the past 12 months", "for the (whole) year"?"""
        if w == "half" and self._lw[i + 1:i + 3] == ["-", "year"]:  # the half-year
            return True
        nxt = self._lw[i + 1:i + 4]
        if w in ("previous", "preceding", "prior") and nxt[:1] == ["month"]:
            return True  # "the previous month"
        if w in ("past", "previous", "preceding", "final") or (w == "last" and "months" in nxt):
            # "the past 12 months", "the final two months of 2024", "the past 24 hours"
            return "months" in nxt or (w != "final" and "hours" in nxt)
        if w in ("last", "this", "next"):
            return nxt[:1] in (["year"], ["month"])
        if w in self.rules.ordinals:
            return any(x in ("half", "quarter", "quarters", "months") for x in nxt) \
                or nxt[:1] in ([","], ["."], [";"], ["and"])  # "... in the third, ..."

        if w == "end":
            return nxt[:1] == ["of"]
        if w == "year":  # "for the (whole) year"
            return "the" in self._lw[max(0, i - 2):i]
        return False

    def _period_candidates(self, doc: Doc) -> list[tuple[str, int, int]]:
        """The period and holiday matches, found once per Doc: they do not
        depend on the reference date, and a dateline whose year is inferred
        reads the periods a second time."""
        cached = self.__dict__.get("_candidates_of")
        if cached is not None and cached[0] is self._lw:  # asked again for the same Doc
            return cached[1]
        found = self._period_matches(doc) + self._holiday_matches(doc)
        self._candidates_of = (self._lw, found)
        return found

    def _period_matches(self, doc: Doc) -> list[tuple[str, int, int]]:
        """The period patterns, run only on short windows around the words a
        period can hold (a year, a month, ``quarter``, ``half``, ``last`` ...):
        the Matcher costs per token, and most tokens of an article are prose."""
        lw = self._lw
        n = len(lw)
        windows: list[list[int]] = []
        # most words are prose; most of the others decide by themselves
        roles = self._role_at
        for i in self._period_cues:
            if roles[i] & PERIOD_WORD or self._period_in_company(i, lw[i]):
                a, b = max(0, i - 5), min(n, i + 7)
                if windows and a <= windows[-1][1]:
                    windows[-1][1] = b
                else:
                    windows.append([a, b])
        labels = self.__dict__.get("_period_labels")
        if labels is None:  # a match ID -> its label, read once from the string store
            labels = self._period_labels = PerWord(doc.vocab.strings.__getitem__)
        # the matches of self.period_matcher(doc[a:b]) in each window, remembered
        return [(labels[m], s, e) for m, s, e in self._period_memo.windows(doc, windows,
                                                                            self._words)]

    def _normalise(self, doc: Doc, label: str, s: int, e: int, ref: dt.date | None,
                   year_hint: int | None) -> PeriodHit | None:
        s0, e0 = s, e
        lw = self._lw
        if lw[s] in ("in", "during", "for", "of"):
            s += 1
        if s < e and lw[s] == "the" and label not in ("year_end", "month_end"):
            s += 1
        while e - s > 1 and (lw[e - 1] in ("of", "in") or self._is_punct(e - 1)):
            e -= 1
        words = lw[s:e]
        text = self._text(s, e)
        years = [int(w) for w in words if w.isdecimal() and len(w) == 4]
        if years and (min(years) < 1900 or max(years) > 2100):
            return None
        month_of = self.rules.months
        months = [month_of[w] for w in words if w in month_of]
        year = years[0] if years else year_hint

        def span(m1: int, m2: int, y: int | None = year) -> PeriodHit:
            if y is None and ref is not None:
                # no year written: the latest such period that has ended by the
                # publication date ("the first half" in July is this year's)
                y = ref.year
                if dt.date(y, m2, _month_end(y, m2)) > ref:
                    y -= 1
            if y is None:
                return PeriodHit(s, e, text, None, None, months=(m1, m2))
            return PeriodHit(s, e, text, dt.date(y, m1, 1),
                             dt.date(y, m2, _month_end(y, m2)), months=(m1, m2))

        if label == "year":
            return span(1, 12)
        if label == "year_pair":  # "in 2025 and 2026", "2021-2025"
            if len(years) != 2 or not 0 < years[1] - years[0] <= 10:
                return None
            return PeriodHit(s, e, text, dt.date(years[0], 1, 1), dt.date(years[1], 12, 31))
        if label == "relative_year":
            if ref is None:
                return PeriodHit(s, e, text, None, None)
            y = ref.year + {"last": -1, "this": 0, "next": 1}[words[0]]
            return span(1, 12, y)
        if label == "relative_month":
            if ref is None:
                return PeriodHit(s, e, text, None, None)
            m = ref.month + {"last": -1, "this": 0, "next": 1}[words[0]]
            y = ref.year + (m - 1) // 12
            m = (m - 1) % 12 + 1
            return span(m, m, y)
        if label == "half":
            first = words[0] in ("first", "h1")
            return span(1, 6) if first else span(7, 12)
        if label == "quarter":
            q = next((self.rules.ordinals[w] for w in words if w in self.rules.ordinals), None)
            if q is None:
                q = int(next(w for w in words if w.startswith("q"))[1])
            return span(3 * q - 2, 3 * q)
        if label == "month_quarter" and months:
            # "the September quarter" (Australia): the quarter ending that month
            return span(months[0] - 2, months[0])
        if label == "quarters_to_date":
            n = next(self.rules.count_words[w] for w in words if w in self.rules.count_words)
            return span(1, 3 * n)
        if label == "months_to_date":
            n = self._count(words[1:])
            if not n or not 1 <= n <= 12:
                return None
            return span(1, n)
        if label == "month_range" and len(months) >= 2:
            if "and" in words and months[1] != months[0] + 1:
                return None  # "in March and May": two months, not a run
            return span(months[0], months[1])  # "January-July", "January and February"
        if label == "month" and months:
            return span(months[0], months[0])
        if label == "day_range" and months:
            days = [int(w) for w in words if w.isdecimal() and len(w) <= 2]
            y = years[0] if years else year
            if (y is None and ref is None) or len(days) < 2:
                return PeriodHit(s, e, text, None, None)
            m2 = months[1] if len(months) > 1 else months[0]
            try:
                if y is None:  # as span(): the latest such run ended by publication
                    y = ref.year if dt.date(ref.year, m2, days[1]) <= ref else ref.year - 1
                y2 = years[1] if len(years) > 1 else y  # "Nov. 8, 2024 to Feb. 28, 2025"
                if len(years) < 2 and (months[0], days[0]) > (m2, days[1]):
                    y, y2 = y - 1, y  # "Nov. 8 to Feb. 28": across the new year
                return PeriodHit(s, e, text, dt.date(y, months[0], days[0]),
                                 dt.date(y2, m2, days[1]))
            except ValueError:
                return None
        if label == "weekday_range":
            # "between Sunday and Wednesday": the last such days before the dateline
            anchor = self._anchor
            named = [self.rules.weekdays[w] for w in words if w in self.rules.weekdays]
            if anchor is None or len(named) != 2:
                return PeriodHit(s, e, text, None, None)
            last = _last_weekday(anchor, named[1])
            first = last - dt.timedelta(days=(named[1] - named[0]) % 7)
            return PeriodHit(s, e, text, first, last)
        if label == "date_to_weekday" and months:
            # "From Jan. 1 to Wednesday": up to the last such day before the dateline
            anchor = self._anchor
            days = [int(w) for w in words if w.isdecimal() and len(w) <= 2]
            if anchor is None or not days:
                return PeriodHit(s, e, text, None, None)
            last = _last_weekday(anchor, self.rules.weekdays[words[-1]])
            try:
                first = dt.date(last.year, months[0], days[0])
            except ValueError:
                return None
            if first > last:
                first = first.replace(year=last.year - 1)
            return PeriodHit(s, e, text, first, last)
        if label == "as_of_weekday":
            anchor = self._anchor
            if anchor is None:
                return PeriodHit(s, e, text, None, None)
            day = _last_weekday(anchor, self.rules.weekdays[words[-1]])
            return PeriodHit(s, e, text, day, day)
        if label == "month_end" and months:
            hit = span(months[0], months[0])
            last = hit.last
            anchor = self._anchor
            if not years and last is not None and anchor is not None \
                    and self._lw[s0 - 1:s0] == ["by"] and self._looks_ahead(s0 - 1):
                # "hopes to collect 950 billion rupees by the end of June": the next
                # one ("rose to 11.1 billion dollars by the end of June": the last)
                last = last.replace(year=anchor.year)
                if last < anchor:
                    last = dt.date(anchor.year + 1, last.month,
                                   _month_end(anchor.year + 1, last.month))
            return PeriodHit(s, e, text, last, last)
        if label == "month_end" and "month" in words:  # the end of last month
            hit = self._normalise(doc, "relative_month", e - 2, e, ref, None)
            return PeriodHit(s, e, text, hit.last, hit.last) if hit else None
        if label == "year_end":
            y = years[0] if years else (ref.year + (-1 if "last" in words else 0) if ref else None)
            if y is None:
                return PeriodHit(s, e, text, None, None)
            return PeriodHit(s, e, text, dt.date(y, 12, 31), dt.date(y, 12, 31))
        if label in ("fiscal_year", "relative_fiscal_year", "fiscal_year_from"):
            return self._fiscal_period(label, words, s, e, text, ref)
        if label == "plan_period":
            # China's Nth Five-Year Plan: the third ran 1966-1970, and each since
            # has followed the last (the 14th: 2021-2025)
            n = next(int(w[:-2]) for w in words if w[:-2].isdecimal())  # "14th"
            first = 1966 + 5 * (n - 3)
            return PeriodHit(s, e, text, dt.date(first, 1, 1), dt.date(first + 4, 12, 31))
        if label == "holiday":
            name, length, year = self._holiday_names[(s0, e0)]
            # a year written before the name: that year's (the last day of it
            # as the reference picks it)
            days = self._holiday(name, length, dt.date(year, 12, 31) if year else ref)
            if not year and days is not None and ref is not None and days[0] > ref \
                    and self._review_year is not None:
                # one still to come, in a review of a year that is over: that
                # year's ("The eight-day Spring Festival holiday alone brought in
                # more than 8 billion yuan", in a review of 2024 out on Jan. 1, 2025)
                days = self._holiday(name, length, dt.date(self._review_year, 12, 31))
            return PeriodHit(s, e, text, *(days or (None, None)))
        if label == "week_to_date":
            # "the week through June 15": the seven days ending that day
            anchor = self._anchor
            days = [int(w) for w in words if w.isdecimal() and len(w) <= 2]
            if anchor is None or not days or not months:
                return PeriodHit(s, e, text, None, None)
            try:
                last = dt.date(anchor.year, months[0], days[0])
                if last > anchor:
                    last = last.replace(year=last.year - 1)  # the last such day
            except ValueError:  # "Feb. 30", or Feb. 29 a year back
                return None
            return PeriodHit(s, e, text, last - dt.timedelta(days=6), last)
        if label == "weekend":
            # "over the weekend": the Saturday and Sunday of the dateline's week
            # end, or the last ones; the next ones in a forecast
            anchor = self._anchor
            if anchor is None:
                return PeriodHit(s, e, text, None, None)
            wd = anchor.weekday()
            if wd >= 5 or self._looks_ahead(s):
                sunday = anchor + dt.timedelta(days=6 - wd)  # this weekend, or the next
            else:
                sunday = anchor - dt.timedelta(days=wd + 1)
            return PeriodHit(s, e, text, sunday - dt.timedelta(days=1), sunday)
        if label in ("hours_to_weekday", "past_hours"):
            # "the 24 hours to Saturday morning", "the past 24 hours": the day it
            # ends on and the days the hours reach back over
            anchor = self._anchor
            hours = self._count(words)
            if anchor is None or not hours or hours > 24 * 366:
                return PeriodHit(s, e, text, None, None)  # (no such span in wire copy)
            last = anchor
            if label == "hours_to_weekday":
                wanted = next(self.rules.weekdays[w] for w in words if w in self.rules.weekdays)
                last = _last_weekday(anchor, wanted)
                if last < anchor and self._looks_ahead(s):
                    last += dt.timedelta(days=7)  # "expected ... through Friday morning"
            return PeriodHit(s, e, text, last - dt.timedelta(days=hours // 24), last)
        if label in ("weekday", "as_of_date", "day"):
            anchor = self._anchor
            if anchor is None:
                return PeriodHit(s, e, text, None, None)
            if label in ("as_of_date", "day"):  # "as of Nov. 3", "on Nov. 12"
                days = [int(w) for w in words if w.isdecimal() and len(w) <= 2]
                try:
                    day = dt.date(years[0] if years else anchor.year, months[0], days[0])
                except (ValueError, IndexError):
                    return None
                if not years and day > anchor and words[0] != "by":
                    day = day.replace(year=day.year - 1)  # "as of March 31": the last one
                elif not years and day < anchor and words[0] == "by" \
                        and self._looks_ahead(s):
                    day = day.replace(year=day.year + 1)  # "by March 31": the next one
                return PeriodHit(s, e, text, day, day)
            wanted = next(self.rules.weekdays[w] for w in words if w in self.rules.weekdays)
            day = _last_weekday(anchor, wanted)
            return PeriodHit(s, e, text, day, day)
        if label == "since":  # "since the start of this year", "since early October"
            anchor = self._anchor
            if anchor is None:
                return PeriodHit(s, e, text, None, None)
            month = months[0] if months else 1
            year = years[0] if years else (anchor.year if month <= anchor.month
                                           else anchor.year - 1)
            days = [int(w) for w in words if w.isdecimal() and len(w) <= 2]
            try:
                first = dt.date(year, month, days[0] if days else 1)
            except ValueError:
                return None
            return PeriodHit(s, e, text, first, anchor)
        if label in ("past_months", "final_months"):
            n = self._count(words)
            if not n or not 1 <= n <= 12:
                return None
            if label == "final_months":  # "the final two months of 2024"
                return span(13 - n, 12)
            hit = PeriodHit(s, e, text, None, None)  # resolved against the period before
            hit.months = (n, n)
            return hit
        if label == "past_years":  # "the past decade", "the past five years"
            n = 10 if words[-1] == "decade" else self._count(words)
            if not n or not 2 <= n <= 50:
                return None
            hit = PeriodHit(s, e, text, None, None)  # resolved against the period before
            hit.months = (12 * n, 12 * n)
            hit.carries = False  # a span of its own clause, not the article's period
            return hit
        if label in ("back_reference", "same_period", "year_ago", "the_year", "previous_month"):
            return PeriodHit(s, e, text, None, None)  # resolved against earlier periods
        return None

    def _count(self, words: list[str]) -> int | None:
        """The first number among the words, in digits or a count word ("12",
        "two"), else none."""
        return next((int(w) if w.isdecimal() else self.rules.count_words[w]
                     for w in words if w.isdecimal() or w in self.rules.count_words), None)

    def _fiscal_period(self, label: str, words: list[str], s: int, e: int, text: str,
                       ref: dt.date | None) -> PeriodHit | None:
        country = self._country
        two = next((w for w in words if len(w) > 5 and w[:4].isdecimal() and w[4] in "/-"), None)
        if label == "fiscal_year_from":
            month = next(self.rules.months[w] for w in words if w in self.rules.months)
            year = int(next(w for w in words if w.isdecimal() and len(w) == 4))
            first = dt.date(year, month, 1)
            last = first.replace(year=year + 1) - dt.timedelta(days=1)
            return PeriodHit(s, e, text, first, last)
        if two is not None:
            start_year = self.fiscal.two_year(country, int(two[:4]))
        elif label == "relative_fiscal_year":
            if ref is None:
                return PeriodHit(s, e, text, None, None)
            offset = {"next": 1, "coming": 1, "last": -1, "previous": -1, "prior": -1,
                      "past": -1}.get(words[0], 0)
            start_year = self.fiscal.containing(country, ref) + offset
        else:
            digits = [w for w in words if w.isdecimal() and len(w) == 4]
            fy = next((w for w in words if w[:2] == "fy" and w[2:].isdecimal()), None)
            if fy is not None and len(fy) == 6:
                year = int(fy[2:])
            elif digits:
                year = int(digits[0])
            else:
                return None
            if any(w in ("-", "–", "/") for w in words):
                if not self.fiscal.differs(country) and not any(
                        w in ("fiscal", "financial") for w in words):
                    return None  # a bare "2023-24" is a fiscal year only where they differ
                start_year = self.fiscal.two_year(country, year)
            else:
                start_year = self.fiscal.start_year_named(country, year)
        if not 1900 <= start_year <= 2100:
            return None
        first, last = self.fiscal.span(country, start_year)
        return PeriodHit(s, e, text, first, last, fiscal=(country, start_year, 1, 12))


@Language.factory(
    "fact_builder",
    assigns=["doc._.facts"],
    requires=["doc.spans", "doc._.header", "doc._.dateline"],
)
def make_fact_builder(nlp: Language, name: str) -> FactBuilder:
    return FactBuilder(nlp, name)
