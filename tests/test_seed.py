"""The seed article's record is a golden test: every figure, checked."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "articles" / "xizang-foreign-trade-2024.txt"
GOLD = ROOT / "corpus" / "gold" / "xizang-foreign-trade-2024.json"


@pytest.fixture(scope="module")
def record(extractor_instance):
    text = SEED.read_text(encoding="utf-8")
    return extractor_instance.extract(text, record_id=SEED.stem, source=str(SEED))


def test_header_and_dateline(record) -> None:
    assert str(record.published) == "2025-02-18"
    assert record.headline == "China's Xizang reports surging foreign trade in 2024"
    assert record.dateline.place == "LHASA"
    assert str(record.dateline.date) == "2025-02-17"
    assert record.dateline.agency == "Xinhua"
    assert record.dateline.country == "CN"


def test_counts(record) -> None:
    assert (len(record.money), len(record.percentages), len(record.quantities)) == (8, 11, 3)


def test_values_match_gold(record) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    got = [(m.text, m.amount, m.currency, m.qualifier) for m in record.money]
    want = [(g["text"], Decimal(str(g["amount"])), g["currency"], g["qualifier"])
            for g in gold["money"]]
    assert got == want
    assert [(p.text, p.value, p.qualifier) for p in record.percentages] == [
        (g["text"], Decimal(str(g["value"])), g["qualifier"]) for g in gold["percentages"]
    ]
    assert [(q.text, q.value, q.unit) for q in record.quantities] == [
        (g["text"], Decimal(str(g["value"])), g["unit"]) for g in gold["quantities"]
    ]


def test_stated_conversion_and_usd(record) -> None:
    (conv,) = record.conversions
    assert (conv.from_, conv.to, conv.from_currency, conv.to_currency) == (0, 1, "CNY", "USD")
    assert abs(conv.rate - Decimal("7.158")) < Decimal("0.001")
    first = record.money[0]
    assert first.usd.source == "stated" and first.usd.amount == Decimal("1770000000")
    # the other yuan amounts use the rate the article itself states
    assert {m.usd.source for m in record.money[2:]} == {"article"}
    exports = record.money[2]
    rate = Decimal("12.67") / Decimal("1.77")
    assert abs(exports.usd.amount - Decimal("11320000000") / rate) < 1
    assert record.money[1].usd.source == "identity"


def test_offsets_index_the_text(record) -> None:
    text = SEED.read_text(encoding="utf-8")
    for mention in [*record.money, *record.percentages, *record.quantities]:
        assert text[mention.start : mention.end] == mention.text


def test_never_picked_up(record) -> None:
    texts = " | ".join(m.text for m in [*record.money, *record.percentages, *record.quantities])
    for bad in ("2024 ", "2025", "60th", "17"):
        assert bad not in texts


def test_a_stated_equivalent_after_equivalent_to(extract) -> None:
    record = extract("KABUL, Oct. 12 (Xinhua) -- The community donated 2.27 million afghanis "
                     "(equivalent to 30,000 U.S. dollars), and 5 billion yuan (or 700 million "
                     "U.S. dollars) was pledged, but 9 yuan (in 2024 10 euros) is no equivalent.")
    assert [(c.from_, c.to, str(c.rate)) for c in record.conversions] == [
        (0, 1, "75.6667"), (2, 3, "7.1429")]
    assert record.money[0].usd.source == "stated"
