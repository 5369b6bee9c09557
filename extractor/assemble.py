"""Record assembly: a processed Doc -> :class:`~extractor.records.Record`.

Stated conversions are found here (a money mention followed by a
parenthesised one), and every amount gets its U.S.-dollar equivalent:
``stated``, else ``article``, else ``ecb``, else null with a warning.

The parts of a record (mentions, entities, facts and what they hold) are
made as plain dicts and validated with the :class:`Record` in one call:
pydantic then builds each model from its dict without a Python call of
its own (about 2 us less a part, some 50 parts an article).
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import ROUND_HALF_EVEN, Decimal, localcontext
from functools import cache

from spacy.tokens import Doc

from . import __version__
from . import data as d
from .components.atoms import group_spans
from .components.extensions import doc_values, span_getter, span_values
from .places import country_of_place
from .rates import EcbRates
from .records import Record, Warning_
from .tokenizer import doc_text, token_words
from .values import EXACT

CENT = Decimal("0.01")
RATE_PLACES = Decimal("0.0001")
RATE_SHOWN = Decimal("0.000001")


class _Mention:
    """A mention span's offsets, text and values, read once (no ``span._``)."""

    __slots__ = ("start", "end", "start_char", "end_char", "text", "value", "value_max",
                 "unit", "qualifier", "per")

    def __init__(self, span, text: str, values: list) -> None:
        self.start, self.end = span.start, span.end
        self.start_char, self.end_char = span.start_char, span.end_char
        self.text = text[self.start_char:self.end_char]  # == span.text
        self.value, self.value_max, self.unit, self.qualifier, self.per = values


def _mentions(doc: Doc, group: str) -> list[_Mention]:
    if group not in doc.spans:
        return []
    text = doc_text(doc)
    read = span_values("value", "value_max", "unit", "qualifier", "per")
    return [_Mention(span, text, read(span)) for span in group_spans(doc, group)]


@cache
def _lead_ins(override: str | None) -> frozenset[str]:
    """``equivalent to``: what may stand between the bracket and a stated
    equivalent (``patterns/ranges.json``), read once per patterns folder:
    ``override`` is ``$EXTRACTOR_PATTERNS`` (resolving the folder itself
    costs some 50 us, too much for every article)."""
    return frozenset(d.load_json(d.patterns_dir() / "ranges.json", d.Ranges).conversion_lead_ins)


def _conversions(doc: Doc, money: list[_Mention]) -> list[tuple[int, int]]:
    """Pairs (i, j): money[j] stands in parentheses right after money[i]
    (perhaps after ``equivalent to``), and the rate between them is positive
    (``0 yuan (5 U.S. dollars)`` is no conversion)."""
    pairs: list[tuple[int, int]] = []
    if len(money) < 2:
        return pairs
    text = doc_text(doc)
    words = token_words(doc)[1]
    lead_ins = _lead_ins(os.environ.get(d.PATTERNS_ENV))
    for i in range(len(money) - 1):
        a, b = money[i], money[i + 1]
        # doc[a.end:b.start].text.strip(): only the whitespace at the ends differs
        between = text[a.end_char:b.start_char].strip()
        after = words[b.end] if b.end < len(words) else ""
        if between[:1] == "(" and (between == "(" or " ".join(between[1:].split()).lower()
                                   in lead_ins) \
                and after == ")" and a.unit and b.unit and a.unit != b.unit:
            if a.value and b.value and (a.value > 0) == (b.value > 0):
                pairs.append((i, i + 1))
    return pairs


def _stated(dollars: _Mention, rate: Decimal) -> dict:
    """The U.S.-dollar equivalent stated by ``dollars``, a range if it is one
    (a :class:`Usd`)."""
    top = dollars.value_max
    return dict(amount=dollars.value.quantize(CENT),
                amount_max=top.quantize(CENT) if top is not None else None,
                rate=rate.quantize(RATE_SHOWN), rate_date=None, source="stated")


def _usd(
    span: _Mention,
    stated: dict[int, dict],
    index: int,
    article_rates: dict[str, Decimal],
    ecb: EcbRates,
    day: dt.date | None,
    warnings: list[Warning_],
) -> dict | None:
    """A :class:`Usd`, or None."""
    currency = span.unit
    amount, amount_max = span.value, span.value_max
    if currency is None:
        warnings.append(Warning_(code="currency-unknown",
                                 message=f"{span.text!r}: the currency cannot be told"))
        return None

    def make(rate: Decimal, source: str, rate_date: dt.date | None) -> dict:
        return dict(
            amount=(amount / rate).quantize(CENT, ROUND_HALF_EVEN),
            amount_max=(amount_max / rate).quantize(CENT) if amount_max is not None else None,
            rate=rate.quantize(RATE_SHOWN),
            rate_date=rate_date,
            source=source,
        )

    if currency == "USD":
        return make(Decimal(1), "identity", None)
    if index in stated:
        return stated[index]
    if currency in article_rates:
        return make(article_rates[currency], "article", None)
    found = ecb.per_usd(currency, day)
    if found is None:
        warnings.append(Warning_(
            code="no-rate",
            message=f"{span.text!r}: no U.S.-dollar rate for {currency}"
            + (f" on {day}" if day else ""),
        ))
        return None
    rate, rate_date = found
    if day is None:
        warnings.append(Warning_(
            code="rate-date-guessed",
            message=f"{span.text!r}: the article has no date; used the ECB rate of {rate_date}",
        ))
    elif (day - rate_date).days > 7:
        warnings.append(Warning_(
            code="rate-stale",
            message=f"{span.text!r}: the newest ECB rate for {currency} is of {rate_date}",
        ))
    return make(rate, "ecb", rate_date)


def _facts(facts: list | None) -> list[dict]:
    """The :class:`Fact` s, of ``doc._.facts``."""
    out = []
    for f in facts or []:
        period = None
        if f.period is not None:
            period = dict(label=f.period.label, start=f.period.first, end=f.period.last)
        out.append(dict(
            metric=f.metric, metric_id=f.metric_id, kind=f.kind,
            value_kind=f.value.kind if f.value else None,
            value=f.value.index if f.value else None,
            change=f.change.index if f.change else None,
            direction=f.direction, basis=f.basis, location=f.location, partner=f.partner,
            period=period, qualifier=f.qualifier, start=f.start, end=f.end,
        ))
    return out


def _entities(doc: Doc) -> list[dict]:
    """The :class:`Entity` s."""
    out = []
    if "entities" not in doc.spans:
        return out
    text = doc_text(doc)
    get_link = span_getter("link")
    for s in group_spans(doc, "entities"):
        link = get_link(s)
        iso = None
        if link is not None and (link.iso_alpha2 or link.iso_alpha3 or link.iso_3166_2):
            iso = dict(alpha2=link.iso_alpha2, alpha3=link.iso_alpha3, subdivision=link.iso_3166_2)
        start, end = s.start_char, s.end_char
        words = text[start:end]  # == s.text
        out.append(dict(
            text=words, start=start, end=end, label=s.label_,
            kb_id=link.kb_id if link else None,
            name=link.name if link else words,
            iso=iso,
            geonames_id=link.geonames_id if link else None,
            country=link.country if link else None,
        ))
    return out


def assemble(doc: Doc, *, record_id: str, source: str, ecb: EcbRates,
             extra_warnings: tuple[str, ...] = ()) -> Record:
    with localcontext(EXACT):  # amounts in dollars, rates: exact for any figure read
        return _assemble(doc, record_id=record_id, source=source, ecb=ecb,
                         extra_warnings=extra_warnings)


def _assemble(doc: Doc, *, record_id: str, source: str, ecb: EcbRates,
              extra_warnings: tuple[str, ...]) -> Record:
    # doc._.<name>, without an accessor object for each
    header, dl, header_warnings, facts = doc_values("header", "dateline", "warnings", "facts")(doc)
    warnings = [Warning_(code="input", message=w) for w in extra_warnings]
    warnings += [Warning_(code="header", message=w) for w in (header_warnings or [])]
    entities = _entities(doc)
    dateline = None
    if dl is not None:
        place = next((e for e in entities if e["start"] == dl.start), None)
        dateline = dict(place=dl.place, date=dl.date, date_inferred=dl.inferred,  # Dateline
                        agency=dl.agency, start=dl.start, end=dl.end,
                        country=(place["country"] if place and place["country"]
                                 else country_of_place(dl.place)),
                        kb_id=place["kb_id"] if place else None,
                        geonames_id=place["geonames_id"] if place else None)
    published = header.published if header else None
    day = (dl.date if dl else None) or published

    money_spans = _mentions(doc, "money")
    pairs = _conversions(doc, money_spans)
    stated: dict[int, dict] = {}
    article_rates: dict[str, Decimal] = {}
    conversions = []  # Conversion
    for i, j in pairs:
        a, b = money_spans[i], money_spans[j]
        rate = (a.value / b.value).quantize(RATE_PLACES)
        conversions.append(dict(from_=i, to=j, rate=rate, from_currency=a.unit,
                                to_currency=b.unit))
        if b.unit == "USD":
            exact = a.value / b.value
            stated[i] = _stated(b, exact)
            article_rates.setdefault(a.unit, exact)
        elif a.unit == "USD":
            exact = b.value / a.value
            stated[j] = _stated(a, exact)
            article_rates.setdefault(b.unit, exact)

    money = [  # Money
        dict(text=s.text, start=s.start_char, end=s.end_char, amount=s.value,
             amount_max=s.value_max, currency=s.unit, qualifier=s.qualifier,
             per=s.per, usd=_usd(s, stated, k, article_rates, ecb, day, warnings))
        for k, s in enumerate(money_spans)
    ]
    percentages = [  # Percentage
        dict(text=s.text, start=s.start_char, end=s.end_char, value=s.value,
             value_max=s.value_max, unit=s.unit, qualifier=s.qualifier)
        for s in _mentions(doc, "percentages")
    ]
    quantities = [  # Quantity
        dict(text=s.text, start=s.start_char, end=s.end_char, value=s.value,
             value_max=s.value_max, unit=s.unit, qualifier=s.qualifier, per=s.per)
        for s in _mentions(doc, "quantities")
    ]
    return Record(
        id=record_id,
        source=source,
        published=published,
        headline=header.headline if header else None,
        dateline=dateline,
        money=money,
        percentages=percentages,
        quantities=quantities,
        conversions=conversions,
        entities=entities,
        facts=_facts(facts),
        warnings=warnings,
        extractor_version=__version__,
    )
