"""Wire-service news -> structured, checked records.

>>> import extractor
>>> record = extractor.extract("Exports rose 15.3 percent to 11.32 billion yuan.")
>>> [(m.text, m.currency, int(m.amount)) for m in record.money]
[('11.32 billion yuan', 'CNY', 11320000000)]
"""

from __future__ import annotations

__version__ = "0.1.0"

from .pipeline import ArticleText, Extractor, load  # noqa: E402
from .records import Record  # noqa: E402

_default: Extractor | None = None


def extract(text: str) -> Record:
    """Extract one article's record with a pipeline loaded on first use."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text)


__all__ = ["ArticleText", "Extractor", "Record", "__version__", "extract", "load"]
