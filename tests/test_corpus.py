"""The golden corpus: gold files are valid, and scores never drop below
the thresholds in ``tests/thresholds.json`` (raise them when you improve)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.evaluate import evaluate

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
THRESHOLDS = json.loads((Path(__file__).parent / "thresholds.json").read_text())
GOLD = sorted((CORPUS / "gold").glob("*.json"))
QUALIFIERS = {None, "about", "more_than", "at_least", "nearly", "less_than", "up_to"}


def test_corpus_size() -> None:
    assert len(GOLD) >= 61
    assert len(list((CORPUS / "articles").glob("*.txt"))) == len(GOLD)


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_gold_is_valid(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    raw = (CORPUS / "articles" / f"{gold_path.stem}.txt").read_bytes().decode("utf-8-sig")
    text = raw.replace("\r\n", "\n")
    assert gold["id"] == gold_path.stem
    for kind in ("money", "percentages", "quantities", "entities"):
        cursor = 0
        for m in gold[kind]:
            assert m["text"] in text, f"{kind}: {m['text']!r} is not in the article"
            pos = text.find(m["text"], cursor)
            assert pos >= 0, f"{kind}: {m['text']!r} is out of order"
            cursor = pos + 1
            if kind != "entities":
                assert m["qualifier"] in QUALIFIERS
    for m in gold["money"]:
        Decimal(str(m["amount"]))
        assert m["currency"] is None or (len(m["currency"]) == 3 and m["currency"].isupper())
    for m in gold["percentages"]:
        assert m["unit"] in ("percent", "percentage_point")
        Decimal(str(m["value"]))
    for m in gold["quantities"]:
        Decimal(str(m["value"]))
        assert m["unit"]
    for c in gold["conversions"]:
        a, b = gold["money"][c["from"]]["amount"], gold["money"][c["to"]]["amount"]
        assert abs(Decimal(str(a)) / Decimal(str(b)) - Decimal(str(c["rate"]))) < Decimal("0.01")
    for e in gold["entities"]:
        assert e["label"] in ("GPE", "LOC", "ORG", "PERSON", "NORP")
        assert e["kb_id"] is None or e["kb_id"].startswith("Q")


@pytest.fixture(scope="module")
def report(extractor_instance):
    return evaluate(CORPUS, extractor_instance).as_dict()


@pytest.mark.parametrize("metric", sorted({k: v for k, v in THRESHOLDS["corpus"].items()}))
def test_no_regression(report, metric: str) -> None:
    kind, _, stat = metric.rpartition(".")
    got = report["scores"][kind][stat]
    assert got >= THRESHOLDS["corpus"][metric], f"{metric} fell to {got}"


@pytest.mark.parametrize("field", sorted(THRESHOLDS["fact_fields"]))
def test_no_regression_in_fact_fields(report, field: str) -> None:
    """Each field's share right over the matched fact pairs (metric_id: an
    analyst joins on it, so a wrong id counts even where the gold has none)."""
    got = report["fact_fields"][field]
    share = got["right"] / got["total"]
    assert share >= THRESHOLDS["fact_fields"][field], f"{field} fell to {share:.4f}"


def test_gold_mentions_are_located_past_the_header_line(tmp_path, extractor_instance) -> None:
    """A headline's figure is never a mention: the gold's first "3 trillion
    dirhams" is the one in the body, and a part with no conversions shows no
    score rather than 0.000."""
    from rich.console import Console

    from extractor.report import print_report

    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    text = (" date 2025-02-05 UAE's trade tops 3 trillion dirhams\n\nDUBAI, Feb. 5 (Xinhua) -- "
            "The UAE lifted its non-oil foreign trade to 3 trillion dirhams in 2024.\n")
    (tmp_path / "articles" / "uae.txt").write_text(text, encoding="utf-8")
    gold = {"id": "uae", "money": [{"text": "3 trillion dirhams", "amount": 3000000000000,
                                    "amount_max": None, "currency": "AED", "qualifier": None,
                                    "per": None}],
            "percentages": [], "quantities": [], "conversions": [], "entities": []}
    (tmp_path / "gold" / "uae.json").write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate(tmp_path, extractor_instance)
    assert report.scores["money.span"].tp == 1 and report.scores["money.span"].fn == 0
    console = Console(width=120, record=True)
    print_report(report, misses=False, console=console)
    row = next(line for line in console.export_text().splitlines() if "conversions" in line)
    assert "0.000" not in row and "-" in row


def test_gold_mentions_are_whole_words_outside_amounts() -> None:
    """A gold "5 percent" is not the end of "15 percent", and a gold name is
    not the "U.S." inside a gold amount of U.S. dollars."""
    from extractor.evaluate import locate

    text = "Sales rose 15 percent, or 5 percent in real terms."
    assert locate(text, [{"text": "5 percent"}]) == [(text.index("or 5") + 3, text.index(" in"))]
    text = "Losses hit 95 billion U.S. dollars, a record in modern U.S. history."
    money = locate(text, [{"text": "95 billion U.S. dollars"}])
    names = locate(text, [{"text": "U.S."}], avoid=money)
    assert names == [(text.rindex("U.S."), text.rindex("U.S.") + 4)]
    assert locate(text, [{"text": "U.S."}]) == [(text.index("U.S."), text.index("U.S.") + 4)]
