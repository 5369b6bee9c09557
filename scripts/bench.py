"""Throughput benchmark: ratios measured in one run, never absolute timings in tests.

Prints the full pipeline's articles/s and tokens/s on the corpus against
spaCy's blank English tokenizer alone on the same texts (target: the full
pipeline at least half the tokenizer's throughput), and the seed's articles/s.
"""

from __future__ import annotations

import time
from pathlib import Path

import spacy

from extractor import Extractor

ROOT = Path(__file__).resolve().parent.parent


def rate(fn, texts: list[str], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for text in texts:
            fn(text)
    return rounds * len(texts) / (time.perf_counter() - start)


def main() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus/articles").glob("*.txt"))]
    seed = (ROOT / "corpus/articles/xizang-foreign-trade-2024.txt").read_text(encoding="utf-8")
    blank = spacy.blank("en")
    ex = Extractor()
    tokens = sum(len(blank(t)) for t in texts)
    ex.extract(seed)  # warm up
    tok_rate = rate(blank, texts, 5)
    full_rate = rate(ex.extract, texts, 5)
    seed_rate = rate(ex.extract, [seed], 100)
    per_article = tokens / len(texts)
    print(f"articles: {len(texts)}, tokens per article: {per_article:.0f}")
    print(f"tokenizer alone : {tok_rate:8.1f} articles/s  {tok_rate * per_article:10.0f} tokens/s")
    print(f"full pipeline   : {full_rate:8.1f} articles/s  {full_rate * per_article:10.0f} tokens/s")
    print(f"ratio full/tokenizer: {full_rate / tok_rate:.3f} (target >= 0.5)")
    print(f"seed article    : {seed_rate:8.1f} articles/s")


if __name__ == "__main__":
    main()
