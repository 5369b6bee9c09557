"""Component-major batches: what every component's ``pipe`` does."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc
from spacy.util import minibatch

#: Docs a component takes at a time from ``nlp.pipe`` when not told otherwise,
#: and the articles ``Extractor.extract_many`` runs together
BATCH_SIZE = 16


class ComponentMajor:
    """A component's ``pipe``: each batch of Docs goes through this component
    one Doc after the other, and only then on to the next component.

    Without a ``pipe`` method spaCy's ``nlp.pipe`` hands each Doc through the
    whole pipeline before it takes the next, so every article walks through
    the code and the tables of eight components in turn, and each component
    finds the processor's caches filled with the others'. Taken a batch at a
    time, a component's code and data stay in the caches for the whole batch.
    On the shared two-core machine of ``make bench`` that made articles 3 %
    quicker when the machine was quiet and 8 to 17 % when it was busy
    (probably because other processes then evict the caches as well). Every
    component here works on one Doc at a time and keeps nothing from one Doc
    that another component reads, so the Docs come out exactly as from
    ``nlp(text)``. :meth:`extractor.pipeline.Extractor.extract_many` runs its
    batches in the same order."""

    def pipe(self, docs: Iterable[Doc], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
        for batch in minibatch(docs, size=batch_size):
            yield from [self(doc) for doc in batch]
