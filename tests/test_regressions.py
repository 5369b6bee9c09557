"""Regressions found by the property tests (tests/test_properties.py) and the
pathological-input benchmark (scripts/bench_pathological.py), one test each."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.components.amounts import _ascending_starts, _within
from extractor.values import MAX_DIGITS, parse_digits, scale


def test_long_numerals_are_not_figures() -> None:
    assert parse_digits("9" * MAX_DIGITS) == Decimal("9" * MAX_DIGITS)
    assert parse_digits("9" * (MAX_DIGITS + 1)) is None
    assert parse_digits("0." + "0" * MAX_DIGITS + "1") is None


def test_scale_is_exact_past_28_digits() -> None:
    # the default decimal context (28 digits) raised InvalidOperation here
    assert scale(Decimal("12345"), 24) == Decimal("12345" + "0" * 24)
    assert scale(Decimal("9" * MAX_DIGITS), 30) == Decimal("9" * MAX_DIGITS + "0" * 30)


def test_huge_stated_conversion(extract) -> None:
    record = extract("Trade hit 1 trillion trillion yuan (1 U.S. dollars).")
    (conversion,) = record.conversions
    assert conversion.rate == Decimal(10) ** 24
    assert record.money[0].usd.amount == Decimal("1.00")


def test_no_conversion_at_a_zero_or_negative_rate(extract) -> None:
    # "0 yuan (5 U.S. dollars)" made a rate of 0, and the next yuan amount
    # crashed with decimal.DivisionByZero; a negative one converted 7 yuan to -1.4 dollars
    for text in ("Trade hit 0 yuan (5 U.S. dollars) and 7 yuan.",
                 "Trade hit minus 5 yuan (1 U.S. dollars) and 7 yuan.",
                 "Trade hit 5 yuan (minus 1 U.S. dollars) and 7 yuan."):
        record = extract(text)
        assert record.conversions == []
        assert all(m.usd is None or m.usd.source != "stated" for m in record.money)
        assert record.money[-1].usd.source == "ecb" and record.money[-1].usd.amount > 0
    (conversion,) = extract("It fell by minus 7 yuan (minus 1 U.S. dollars).").conversions
    assert conversion.rate == 7


def test_stated_range_keeps_its_upper_bound(extract) -> None:
    record = extract("Tickets cost 7-14 yuan (1-2 U.S. dollars).")
    usd = record.money[0].usd
    assert (usd.source, usd.amount, usd.amount_max) == ("stated", 1, 2)


@settings(max_examples=100, deadline=None)
@given(lengths=st.lists(st.tuples(st.integers(0, 3), st.integers(1, 3)), max_size=30),
       start=st.integers(0, 100), width=st.integers(0, 40))
def test_within_is_the_spans_inside(extractor_instance, lengths, start, width) -> None:
    """``_within`` searches instead of scanning every atom for every mention
    (quadratic: 4 of 14 s on 300 KB of articles); same answer as the scan."""
    doc = extractor_instance.nlp.make_doc("x " * 200)
    spans, pos = [], 0
    for gap, size in lengths:
        pos += gap
        spans.append(doc[pos : pos + size])
        pos += size
    end = start + width
    scan = [s for s in spans if s.start >= start and s.end <= end]
    assert _within(spans, _ascending_starts(spans), start, end) == scan
    assert _within(spans, None, start, end) == scan


def test_the_pipeline_keeps_no_processed_doc_alive() -> None:
    """A module-level WeakKeyDictionary keyed by the Doc, whose values held the
    Doc's spans, kept every processed Doc alive (make bench: peak memory +125 %
    from 200 to 2,000 articles). Not a timing: a Doc must be collectable."""
    import gc
    import weakref

    from extractor.pipeline import load

    nlp = load()
    doc = nlp("BEIJING, Jan. 5 (Xinhua) -- China's exports rose 5 percent to 3 billion "
              "yuan (about 420 million U.S. dollars) in 2024, with 140 countries.")
    assert len(doc.spans["money"]) == 2
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None


def test_the_examples_in_values_hold() -> None:
    """The module's docstring examples (Indian grouping ``12,34,567.89`` among
    them) failed unnoticed: pytest does not run doctests, so this does."""
    import doctest

    from extractor import values

    failed, tried = doctest.testmod(values)
    assert tried > 5 and failed == 0
