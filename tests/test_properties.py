"""Properties of every record, for any text (issue 6).

For arbitrary Unicode and for texts built from wire-copy fragments (numbers,
magnitude and currency words, percent signs, hedges, parentheses, datelines,
line ends), the pipeline returns a record that

* validates against :func:`extractor.records.json_schema` (a real JSON Schema
  validator on the JSON the CLI prints) and loads back as a :class:`Record`;
* has money in U.S. dollars at a rate that is not negative, and conversions
  that point into ``money``;
* has every mention's ``text == source[start:end]``, where ``source`` is the
  text the Extractor received (for bytes, the decoded, LF-normalised text);
* has every value finite, and every JSON number finite;
* has no two mentions of the same kind overlapping;
* is the same on a second run.
"""

from __future__ import annotations

import json
import math
import os
from decimal import Decimal
from functools import cache

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from extractor.data import Magnitude, load_jsonl, patterns_dir
from extractor.reader import decode
from extractor.records import Record, json_schema

MENTION_KINDS = ("money", "percentages", "quantities", "entities")
PROPERTY_SETTINGS = settings(  # PROPERTY_EXAMPLES=5000 for a longer hunt
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@cache
def _validator() -> Draft202012Validator:
    schema = json_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _numbers(node) -> list:
    """Every number in a loaded JSON document."""
    if isinstance(node, dict):
        return [x for v in node.values() for x in _numbers(v)]
    if isinstance(node, list):
        return [x for v in node for x in _numbers(v)]
    if isinstance(node, (int, float)) and not isinstance(node, bool):
        return [node]
    return []


def check_record(record: Record, source: str) -> None:
    """Assert the properties of one record whose offsets index ``source``."""
    raw = record.to_json()
    doc = json.loads(raw)
    errors = sorted(_validator().iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, f"{list(errors[0].path)}: {errors[0].message}"
    Record.model_validate_json(raw)  # (floats are not exact: no equality here)
    for number in _numbers(doc):
        assert math.isfinite(number), number
    for kind in MENTION_KINDS:
        spans = []
        for m in getattr(record, kind):
            assert 0 <= m.start < m.end <= len(source), (kind, m.start, m.end)
            assert source[m.start : m.end] == m.text, (kind, m.text, m.start, m.end)
            for name in ("amount", "amount_max", "value", "value_max"):
                value = getattr(m, name, None)
                assert value is None or (isinstance(value, Decimal) and value.is_finite())
            spans.append((m.start, m.end))
        for (_, end), (start, _) in zip(sorted(spans), sorted(spans)[1:], strict=False):
            assert end <= start, f"overlapping {kind}: {sorted(spans)}"
    for m in record.money:
        if m.usd is not None:
            assert m.usd.amount.is_finite() and m.usd.rate.is_finite() and m.usd.rate >= 0
            assert (m.usd.amount < 0) == (m.amount < 0) or m.usd.amount == 0
    for c in record.conversions:
        assert 0 <= c.from_ < len(record.money) and 0 <= c.to < len(record.money)
        assert c.rate.is_finite() and c.rate >= 0
    if record.dateline is not None:
        dl = record.dateline
        assert 0 <= dl.start < dl.end <= len(source)
        assert source[dl.start : dl.start + len(dl.place)] == dl.place


def check_text(extractor, text: str) -> None:
    first = extractor.extract(text, record_id="p", source="<prop>")
    check_record(first, text)
    second = extractor.extract(text, record_id="p", source="<prop>")
    assert second.to_json() == first.to_json()


# ------------------------------------------------------------------ strategy A
_ANY_CHAR = st.characters(exclude_categories=("Cs",))  # lone surrogates cannot be encoded
_CONTROL = st.characters(min_codepoint=0, max_codepoint=0x9F).filter(
    lambda c: c < " " or c >= "\x7f"
)
_NUMERIC = st.one_of(st.characters(categories=["Nd", "No", "Nl"]), st.sampled_from("0123456789"))
_DIGIT_RUN = st.integers(1, 3000).map(lambda n: "9" * n)
any_text = st.lists(
    st.one_of(
        st.text(_ANY_CHAR, max_size=80),
        st.text(_CONTROL, max_size=10),
        _DIGIT_RUN,
        st.text(st.sampled_from("0123456789,. ()%$-\n"), max_size=80),
        # digits of other scripts and other numeric characters: "٥٠٠", "５", "²", "½"
        st.lists(st.text(_NUMERIC, min_size=1, max_size=3), max_size=6).map(" ".join),
    ),
    max_size=6,
).map("".join)


@PROPERTY_SETTINGS
@given(text=any_text)
@example(text="")
@example(text="9" * 3000)
@example(text="9" * 40 + " yuan")
@example(text="9" * 40 + ".5 percent")
def test_any_unicode_text(extractor_instance, text: str) -> None:
    check_text(extractor_instance, text)


# ------------------------------------------------------------------ strategy B
@cache
def _magnitude_forms() -> list[str]:
    return [m.form for m in load_jsonl(patterns_dir() / "magnitudes.jsonl", Magnitude)]


def _grouped(n: int, indian: bool) -> str:
    if not indian or n < 1000:
        return f"{n:,}"
    head, tail = str(n)[:-3], str(n)[-3:]
    pairs = []
    while len(head) > 2:
        head, pairs = head[:-2], [head[-2:], *pairs]
    return ",".join([head, *pairs, tail])


numbers = st.one_of(
    st.integers(0, 10**13).map(str),
    st.builds(_grouped, st.integers(0, 10**13), st.booleans()),
    st.builds(lambda i, f: f"{i}.{f}", st.integers(0, 99999), st.integers(0, 10**6)),
    st.builds(lambda i, f: f"{i:,}.{f}", st.integers(0, 10**9), st.integers(0, 99)),
    st.integers(1, 40).map(lambda n: "1," * n + "1"),
    st.sampled_from(["-5", "\u22123.2", "+7", "0.5", ".5", "2024", "1990", "816 000",
                     "two", "twenty-one", "a dozen", "a hundred", "one trillion", "nine"]),
    _DIGIT_RUN.filter(lambda s: len(s) < 60),
)
MAGNITUDES = st.deferred(lambda: st.sampled_from(_magnitude_forms()))
CURRENCIES = st.sampled_from([
    "yuan", "U.S. dollars", "US$", "$", "RMB", "Rmb", "rupees", "Rs.", "Rs", "pounds",
    "pounds sterling", "€", "¥", "dollars", "euros", "yen", "cents", "USD", "HK$", "KSh",
    "Kenyan shillings", "Nepali rupees", "patacas", "renminbi", "CNY",
])
PERCENTS = st.sampled_from(["percent", "per cent", "%", "pct", "percentage points",
                            "percentage point", "percent points"])
HEDGES = st.sampled_from(["about", "more than", "nearly", "up to", "at least", "some",
                          "over", "less than", "approximately", "an estimated", "minus"])
UNITS = st.sampled_from(["tonnes", "kilometers", "km", "kWh", "GW", "mu", "people",
                         "NEVs", "countries and regions", "cities, districts and counties",
                         "TEUs", "square meters", "tons of grain"])
JOINERS = st.sampled_from(["(", ")", " (", ") ", "-", "–", " to ", " and ", "between ",
                           " from ", ", ", ".", " per ", " a year", "/", " or ", "--"])
WORDS = st.sampled_from(["Trade", "rose", "to", "in", "year-on-year", "exports", "the",
                         "of", "worth", "No.", "Boeing", "Jan.", "2024", "China", "Nepal",
                         "Kenya", "India", "Britain", "Hong Kong", "a", "an", "per", "capita"])
DATELINES = st.sampled_from([
    "LHASA, Feb. 17 (Xinhua) -- ", "NEW DELHI, Sept. 3 (Xinhua) — ", "KATHMANDU, Nepal, "
    "Dec. 31 (Xinhua) -- ", "HONG KONG, May 1 -- ", "ST. PETERSBURG, Jan 2 (Xinhua) - ",
    " date 2025-02-18 Headline here\n\n", "date 2024-02-30 Bad date\n", "date 1999-12-31\n",
])
SPACES = st.sampled_from([" ", " ", " ", "", "\n", "\r\n", "\t", "\u00a0", "  ", "\n\n"])
_maybe = st.sampled_from  # a choice that includes ""
figure = st.builds(
    lambda hedge, pre, number, sp, mag, post: f"{hedge}{pre}{number}{sp}{mag}{post}",
    _maybe(["", "about ", "more than ", "minus ", "up to ", "between "]),
    _maybe(["", "", "US$", "$", "RMB ", "Rs.", "€", "¥", "HK$"]),
    numbers,
    _maybe([" ", " ", ""]),
    st.one_of(st.just(""), MAGNITUDES.map(lambda m: m + " ")),
    st.one_of(st.just(""), CURRENCIES, PERCENTS, UNITS),
)
#: "12.67 billion yuan (about 1.77 billion U.S. dollars)", "5-7 percent", "3 to 4 tonnes"
figure_pair = st.builds(
    lambda a, joiner, b: f"{a}{joiner}{b}", figure,
    _maybe([" (", "-", " to ", " and ", " or ", ", "]), figure,
).map(lambda s: s + ")" if " (" in s else s)
fragment = st.one_of(figure, figure_pair, numbers, MAGNITUDES, CURRENCIES, PERCENTS, HEDGES,
                     UNITS, JOINERS, WORDS, DATELINES)
wire_text = st.lists(st.tuples(fragment, SPACES), max_size=30).map(
    lambda parts: "".join(f + s for f, s in parts)
)


@PROPERTY_SETTINGS
@given(text=wire_text)
@example(text="Trade hit 1 trillion trillion yuan (1 U.S. dollars).")
@example(text="It cost " + "1," * 30 + "1 yuan (0.000001 U.S. dollars).")
@example(text="LHASA, Feb. 17 (Xinhua) -- Exports rose 5 percent to 1.2 billion yuan.")
@example(text="Trade hit 0 yuan (5 U.S. dollars) and 7 yuan.")
@example(text="Trade hit minus 5 yuan (1 U.S. dollars) and 7 yuan.")
@example(text="It cost 1" + " 000" * 40 + " yuan.")
@example(text="0 tons of grain-about 0  ")  # a unit ending in a hyphen
def test_wire_fragments(extractor_instance, text: str) -> None:
    check_text(extractor_instance, text)


@PROPERTY_SETTINGS
@given(text=wire_text)
def test_wire_fragments_as_bytes(extractor_instance, text: str) -> None:
    """Through the byte path: the offsets index the decoded, LF-normalised text."""
    raw = text.encode("utf-8")
    if not raw.strip() or not text.strip():
        return
    decoded = decode(raw)
    record = extractor_instance.extract_bytes(raw, record_id="p", source="<prop>")
    check_record(record, decoded.text)
    assert "\r" not in decoded.text


def test_the_checks_can_fail(extractor_instance) -> None:
    """The checker rejects wrong offsets and overlapping mentions."""
    text = "Trade hit 5 billion yuan."
    record = extractor_instance.extract(text)
    check_record(record, text)
    (money,) = record.money
    moved = record.model_copy(update={"money": [money.model_copy(update={"start": 9})]})
    with pytest.raises(AssertionError):
        check_record(moved, text)
    twice = record.model_copy(update={"money": [money, money]})
    with pytest.raises(AssertionError, match="overlapping"):
        check_record(twice, text)
