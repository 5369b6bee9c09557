"""Table-driven tests, one table per pattern family (``tests/cases/*.tsv``).

Every row asserts normalised values, not just that something matched; a row
with no expectation asserts that nothing of that kind is found.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extractor.records import Record

CASES = Path(__file__).parent / "cases"


def rows(name: str) -> list:
    out = []
    for n, line in enumerate((CASES / name).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        text, _, expected = line.partition("\t")
        items = [e.strip().split("|") for e in expected.split(";;") if e.strip()]
        out.append(pytest.param(text, items, id=f"{name}:{n}:{text[:40]}"))
    return out


def _opt(fields: list[str], k: int) -> str | None:
    return fields[k] if len(fields) > k and fields[k] != "" else None


def _dec(s: str | None) -> Decimal | None:
    return Decimal(s) if s is not None else None


@pytest.mark.parametrize(("text", "expected"), rows("money.tsv"))
def test_money(extract, text: str, expected: list[list[str]]) -> None:
    record: Record = extract(text)
    got = [(m.text, m.amount, m.currency, m.qualifier, m.amount_max, m.per) for m in record.money]
    want = [
        (f[0], Decimal(f[1]), f[2], _opt(f, 3), _dec(_opt(f, 4)), _opt(f, 5)) for f in expected
    ]
    assert got == want


@pytest.mark.parametrize(("text", "expected"), rows("percent.tsv"))
def test_percent(extract, text: str, expected: list[list[str]]) -> None:
    record: Record = extract(text)
    got = [(m.text, m.value, m.unit, m.qualifier, m.value_max) for m in record.percentages]
    want = [(f[0], Decimal(f[1]), f[2], _opt(f, 3), _dec(_opt(f, 4))) for f in expected]
    assert got == want


@pytest.mark.parametrize(("text", "expected"), rows("quantity.tsv"))
def test_quantity(extract, text: str, expected: list[list[str]]) -> None:
    record: Record = extract(text)
    got = [(m.text, m.value, m.unit, m.qualifier, m.value_max) for m in record.quantities]
    want = [(f[0], Decimal(f[1]), f[2], _opt(f, 3), _dec(_opt(f, 4))) for f in expected]
    assert got == want


def dateline_rows() -> list:
    out = []
    for n, line in enumerate((CASES / "dateline.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        text, published, place, date, agency = (line.split("\t") + [""] * 5)[:5]
        out.append(pytest.param(text.replace("\\n", "\n"), published or None, place or None,
                                date or None, agency or None, id=f"dateline:{n}"))
    return out


@pytest.mark.parametrize(("text", "published", "place", "date", "agency"), dateline_rows())
def test_dateline(extract, text, published, place, date, agency) -> None:
    record: Record = extract(text)
    assert (str(record.published) if record.published else None) == published
    if place is None:
        assert record.dateline is None
        return
    assert record.dateline is not None
    assert record.dateline.place == place
    assert (str(record.dateline.date) if record.dateline.date else None) == date
    assert record.dateline.agency == agency
    assert text[record.dateline.start : record.dateline.start + len(place)] == place


@pytest.mark.parametrize(("text", "expected"), rows("entities.tsv"))
def test_entities(extract, text: str, expected: list[list[str]]) -> None:
    record: Record = extract(text)
    got = [(e.text, e.label, e.kb_id, e.name) for e in record.entities]
    want = [(f[0], f[1], _opt(f, 2), _opt(f, 3) or f[0]) for f in expected]
    assert got == want
    for e in record.entities:
        assert text[e.start:e.end] == e.text
