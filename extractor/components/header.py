"""The ``wire_header`` component: header line and dateline -> ``doc._``."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..kb import KnowledgeBase
from ..lexicon import Lexicon
from ..places import country_of_place
from ..reader import DatelineParser, parse_header
from ..tokenizer import doc_text
from .batched import ComponentMajor
from .extensions import doc_setter  # (the module registers the attributes)


class WireHeader(ComponentMajor):
    """Sets ``doc._.header`` (published date, headline), ``doc._.dateline`` and
    ``doc._.context_countries`` (the dateline's country first)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self._parser = DatelineParser(Lexicon.load().dateline)
        self._kb = KnowledgeBase.load()

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        header = parse_header(text)
        dateline, not_read = self._parser.find(text, header.body_start, header.published)
        country = country_of_place(dateline.place, self._kb) if dateline else None
        # doc._.<name> = ..., without an accessor object for each
        doc_setter("header", "dateline", "warnings", "context_countries")(
            doc,
            header,
            dateline,
            [*header.warnings, *(dateline.warnings if dateline else not_read)],
            [country] if country else [],
        )
        return doc


@Language.factory(
    "wire_header",
    assigns=["doc._.header", "doc._.dateline", "doc._.context_countries"],
)
def make_wire_header(nlp: Language, name: str) -> WireHeader:
    return WireHeader(nlp, name)
