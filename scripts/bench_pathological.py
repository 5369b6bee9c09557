"""Pathological inputs: is the time proportional to the size? (issue 6)

Ratios measured in one run, never absolute limits: for each input the time of
``Extractor.extract`` is printed

* against a normal article of the same size (corpus articles, concatenated):
  how much harder than prose the input is;
* against the same input at a tenth of the size: about 10 when the time is
  linear in the size, about 100 when it is quadratic.

    make bench-pathological [SCALE=0.1]
    python scripts/bench_pathological.py             # the sizes of issue 6
    python scripts/bench_pathological.py --scale 0.1 # everything ten times smaller
    python scripts/bench_pathological.py --only parens --only digits
"""

from __future__ import annotations

import argparse
import resource
import time
from collections.abc import Callable
from pathlib import Path

from extractor import Extractor

ROOT = Path(__file__).resolve().parent.parent
DATELINE = "LHASA, Feb. 17 (Xinhua) -- "
MB = 1_000_000


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _normal_source() -> str:
    articles = sorted((ROOT / "corpus" / "articles").glob("*.txt"))
    return "\n\n".join(p.read_text(encoding="utf-8") for p in articles) + "\n\n"


NORMAL = _normal_source()


def normal(size: int) -> str:
    """Corpus articles one after another, cut to ``size`` characters."""
    return _repeat(NORMAL, size)


#: name -> (size at scale 1, what it is, the text of a given size)
CASES: dict[str, tuple[int, str, Callable[[int], str]]] = {
    "digits": (MB, "1 MB of digits", lambda n: "7" * n),
    "commas": (MB, '"1,1,1,..." (1 MB)', lambda n: _repeat("1,", n)),
    "billions": (MB, '"billion billion ..." (1 MB)', lambda n: _repeat("billion ", n)),
    "parens": (100_000, "100,000 opening parentheses", lambda n: "(" * n),
    "one-line": (5 * MB, "one line of 5 MB, no newline",
                 lambda n: " ".join(normal(n).split())),
    "datelines": (10_000 * len(DATELINE), "10,000 datelines, one a line",
                  lambda n: _repeat(DATELINE.strip() + "\n", n)),
    # more than issue 6 asks: what spaCy's own patterns backtracked on
    "colons": (MB, '"a:a:a:..." (1 MB, URL-like)', lambda n: _repeat("a:", n)),
    "dots": (MB, '"1.1.1...." (1 MB)', lambda n: _repeat("1.", n)),
}


def seconds(extractor: Extractor, text: str) -> float:
    """The best of a few runs (one for long ones), each with the tokenizer's
    cache emptied: a run that finds its chunks cached is not a first read."""
    best = float("inf")
    spent = 0.0
    for _ in range(5):
        extractor.nlp.tokenizer._flush_cache()
        start = time.perf_counter()
        extractor.extract(text)
        took = time.perf_counter() - start
        best, spent = min(best, took), spent + took
        if spent > 0.5:
            break
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiply every size by this (default 1: the sizes of issue 6)")
    parser.add_argument("--only", action="append", choices=sorted(CASES),
                        help="run only this input (repeatable)")
    args = parser.parse_args()
    extractor = Extractor()
    extractor.extract(normal(10_000))  # warm up: lexicons, caches
    print(f"{'input':32} {'chars':>10} {'seconds':>9} {'x normal':>9} {'x 1/10 size':>12}")
    for name in args.only or list(CASES):
        full, label, make = CASES[name]
        size = max(100, int(full * args.scale))
        took = seconds(extractor, make(size))
        tenth = seconds(extractor, make(size // 10))
        prose = seconds(extractor, normal(size))
        print(f"{label:32} {size:>10,} {took:9.3f} {took / prose:9.2f} {took / tenth:12.1f}",
              flush=True)
    size = max(100, int(MB * args.scale))
    prose, prose_tenth = seconds(extractor, normal(size)), seconds(extractor, normal(size // 10))
    print(f"{'normal articles (reference)':32} {size:>10,} {prose:9.3f} {1:9.2f} "
          f"{prose / prose_tenth:12.1f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MiB")
    print("x 1/10 size: about 10 is linear, about 100 quadratic.")


if __name__ == "__main__":
    main()
