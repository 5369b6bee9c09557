"""Regressions found by the property tests (tests/test_properties.py), one test each."""

from __future__ import annotations

from decimal import Decimal

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
