"""Run the extractor over other projects' test suites (data in this folder).

A case passes when every expected item is found among our mentions with the
same value (relative tolerance 1e-6) and, where the peer gives an ISO
currency, the same currency; a case expecting nothing passes when we report
nothing. Expected items without a value (a unit named alone) are skipped.
Which of our lists an item is looked up in depends on the suite: money for
currency, percentages for percent, quantities for dimension, and everything
for number and quantulum3 (which mix kinds). See README.md here for the
conventions that differ from ours (sub-units, bare "$", ranges as midpoints).

Run ``python tests/peer_specs/runner.py`` for the table.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).parent
SUITES = {
    "recognizers-text/currency.jsonl": ("money",),
    "recognizers-text/percent.jsonl": ("percentages",),
    "recognizers-text/number.jsonl": ("money", "percentages", "quantities"),
    "recognizers-text/dimension.jsonl": ("quantities",),
    "quantulum3/quantities.jsonl": ("money", "percentages", "quantities"),
    "quantulum3/quantities.ambiguity.jsonl": ("money", "percentages", "quantities"),
}


def _value(kind: str, m) -> Decimal:
    return m.amount if kind == "money" else m.value


def _close(a: float, b: Decimal) -> bool:
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)


def case_passes(record, expected: list[dict], kinds: tuple[str, ...]) -> bool:
    mentions = [(k, m) for k in kinds for m in getattr(record, k)]
    if not expected:
        return not mentions
    for item in expected:
        if item.get("value") is None:
            continue
        ok = False
        for kind, m in mentions:
            if not _close(item["value"], _value(kind, m)):
                continue
            if item.get("currency") and kind == "money" and m.currency != item["currency"]:
                continue
            ok = True
            break
        if not ok:
            return False
    return True


def run(extract: Callable[[str], object]) -> dict[str, dict[str, float | int]]:
    out = {}
    for name, kinds in SUITES.items():
        cases = [json.loads(line) for line in (HERE / name).read_text().splitlines() if line]
        passed = sum(case_passes(extract(c["input"]), c["expected"], kinds) for c in cases)
        out[name] = {"cases": len(cases), "passed": passed, "rate": round(passed / len(cases), 4)}
    return out


if __name__ == "__main__":
    from extractor import Extractor

    ex = Extractor()
    results = run(lambda text: ex.extract(text))
    for name, r in results.items():
        print(f"{name:42} {r['passed']:4}/{r['cases']:<4} {r['rate']:.1%}")
