"""The lexicons the rule components need, built once per pipeline.

Everything comes from data: the files in ``patterns/`` (validated by
:mod:`extractor.data`), currency names and symbols from CLDR through Babel,
and the list of active ISO 4217 codes from pycountry.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pycountry
from babel import Locale
from babel.numbers import get_currency_name, get_territory_currencies

from . import data as d


@dataclass(frozen=True)
class CurrencyEntry:
    """One written form of a currency: ``yuan``, ``US$``, ``Kenyan shillings``."""

    form: str
    iso: str | None  # None when the form is ambiguous
    ambiguous: str | None  # key into ``Lexicon.ambiguity``
    before: bool  # may stand before the number (``US$ 5``)
    after: bool  # may stand after the number (``5 yuan``)
    case_sensitive: bool
    factor: Decimal = Decimal(1)
    source: str = "cldr"


@dataclass(frozen=True)
class Ambiguity:
    word: str
    candidates: tuple[str, ...]
    default: str | None
    also_unit: str | None
    only_in_context: bool = False


@dataclass
class Lexicon:
    magnitudes: dict[str, d.Magnitude]
    hedges: dict[str, str]  # lower-case form -> qualifier
    hedge_blockers: dict[str, frozenset[str]]  # form -> words before it that cancel it
    percent_forms: dict[str, str]  # lower-case form -> unit
    percent_factors: dict[str, Decimal]  # lower-case form -> factor, where not 1
    signs: dict[str, int]
    sign_blockers: dict[str, list[list[str]]]  # sign word -> lower-case words never before it
    units: list[tuple[str, str, bool]]  # (form, unit, case_sensitive)
    currencies: list[CurrencyEntry]
    ambiguity: dict[str, Ambiguity]
    counted: d.Counted
    number_words: d.NumberWords
    dateline: d.Dateline
    ranges: d.Ranges
    tokenizer: d.TokenizerRules  # suffixes to split, and names kept whole ("5G")
    territory_names: dict[str, str] = field(default_factory=dict)  # name -> ISO alpha-2

    @classmethod
    def load(cls, folder: Path | None = None) -> Lexicon:
        folder = folder or d.patterns_dir()
        hedge_rows = d.load_jsonl(folder / "hedges.jsonl", d.Hedge)
        hedges = {form.lower(): row.qualifier for row in hedge_rows for form in row.forms}
        hedge_blockers = {form.lower(): frozenset(w.lower() for w in row.not_after)
                          for row in hedge_rows for form in row.forms if row.not_after}
        sign_rows = d.load_jsonl(folder / "signs.jsonl", d.Sign)
        percent_rows = d.load_jsonl(folder / "percent_forms.jsonl", d.PercentForms)
        percent = {form.lower(): row.unit for row in percent_rows for form in row.forms}
        factors = {form.lower(): row.factor for row in percent_rows for form in row.forms
                   if row.factor != 1}
        units = [
            (form, row.unit, cs)
            for row in d.load_jsonl(folder / "units.jsonl", d.Unit)
            for forms, cs in ((row.words, False), (row.symbols, True))
            for form in forms
        ]
        stop = d.load_json(folder / "currency_stoplist.json", d.CurrencyStoplist)
        ambiguity_rows = d.load_jsonl(folder / "currency_ambiguity.jsonl", d.CurrencyAmbiguity)
        wire = d.load_jsonl(folder / "currency_forms.jsonl", d.CurrencyForm)
        currencies, ambiguity = _currency_entries(stop, ambiguity_rows, wire)
        return cls(
            magnitudes={
                row.form: row for row in d.load_jsonl(folder / "magnitudes.jsonl", d.Magnitude)
            },
            hedges=hedges,
            hedge_blockers=hedge_blockers,
            percent_forms=percent,
            percent_factors=factors,
            signs={r.form: r.sign for r in sign_rows},
            sign_blockers={r.form: [p.lower().split() for p in r.not_after]
                           for r in sign_rows if r.not_after},
            units=units,
            currencies=currencies,
            ambiguity=ambiguity,
            counted=d.load_json(folder / "counted.json", d.Counted),
            number_words=d.load_json(folder / "number_words.json", d.NumberWords),
            dateline=d.load_json(folder / "dateline.json", d.Dateline),
            ranges=d.load_json(folder / "ranges.json", d.Ranges),
            tokenizer=d.load_json(folder / "tokenizer.json", d.TokenizerRules),
            territory_names=_territory_names(),
        )

    def currencies_of(self, country: str) -> list[str]:
        """ISO 4217 codes in use in a country (ISO 3166 alpha-2), from CLDR."""
        try:
            return list(get_territory_currencies(country))
        except Exception:  # noqa: BLE001 - Babel raises several types for unknown codes
            return []


def _en() -> Locale:
    return Locale.parse("en")


def _territory_names() -> dict[str, str]:
    """English country names from CLDR, for currency context (``Nepal`` -> NP)."""
    names = {}
    for code, name in _en().territories.items():
        if len(code) == 2 and code.isalpha():
            names[name] = code
    return names


def _currency_entries(
    stop: d.CurrencyStoplist,
    ambiguity_rows: list[d.CurrencyAmbiguity],
    wire: list[d.CurrencyForm],
) -> tuple[list[CurrencyEntry], dict[str, Ambiguity]]:
    """CLDR names, symbols and codes of active currencies, then the wire forms."""
    en = _en()
    active = sorted(c.alpha_3 for c in pycountry.currencies if c.alpha_3 not in stop.codes)
    entries: dict[tuple[str, bool], CurrencyEntry] = {}
    last_words: dict[str, set[str]] = defaultdict(set)  # singular last word -> codes
    plural_of: dict[str, set[str]] = defaultdict(set)
    stop_words = {w.lower() for w in stop.words}
    word_codes = set(stop.word_codes)

    def put(entry: CurrencyEntry) -> None:
        key = (entry.form if entry.case_sensitive else entry.form.lower(), entry.case_sensitive)
        entries[key] = entry

    for code in active:
        names = set()
        for count in (1, 2):
            try:
                names.add(get_currency_name(code, count=count, locale=en))
            except Exception:  # noqa: BLE001 - unknown to CLDR
                continue
        names.add(en.currencies.get(code, code))
        for name in names:
            if name == code or "(" in name:
                continue
            put(CurrencyEntry(name, code, None, False, True, False))
        singular = get_currency_name(code, count=1, locale=en)
        plural = get_currency_name(code, count=2, locale=en)
        if " " in singular and "(" not in singular:
            s_last, p_last = singular.split()[-1].lower(), plural.split()[-1].lower()
            if s_last not in stop_words:
                last_words[s_last].add(code)
                plural_of[s_last].add(p_last)
        symbol = en.currency_symbols.get(code)
        if symbol and symbol != code:
            put(CurrencyEntry(symbol, code, None, True, not symbol.endswith("$"), True))
        if code not in word_codes:  # "TRY", "MAD": words; "Turkish liras" is read
            put(CurrencyEntry(code, code, None, True, True, True))

    configured = {row.word: row for row in ambiguity_rows}
    ambiguity: dict[str, Ambiguity] = {}
    for word, codes in last_words.items():
        forms = {word} | plural_of[word]
        if len(codes) == 1:
            (code,) = codes
            for form in forms:
                put(CurrencyEntry(form, code, None, False, True, False))
            continue
        row = configured.get(word)
        ambiguity[word] = Ambiguity(
            word,
            tuple(sorted(codes)),
            row.default if row else None,
            row.also_unit if row else None,
        )
        for form in forms:
            put(CurrencyEntry(form, None, word, False, True, False))
    for row in ambiguity_rows:  # keys that are not CLDR last words, such as "yen_or_yuan"
        if row.word not in ambiguity and row.candidates:
            ambiguity[row.word] = Ambiguity(
                row.word, tuple(row.candidates), row.default, row.also_unit, row.only_in_context
            )
    for row in wire:
        put(
            CurrencyEntry(
                row.form,
                row.iso,
                row.ambiguous,
                row.position in ("before", "both"),
                row.position in ("after", "both"),
                row.case_sensitive,
                row.factor,
                "wire",
            )
        )
    return list(entries.values()), ambiguity
