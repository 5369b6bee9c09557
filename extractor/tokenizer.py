"""spaCy's English tokenizer, taught to split currency signs and codes glued
to digits (``US$58.39``, ``USD34.6``, ``RMB1,000``, ``Rs.500``) and magnitude
or unit abbreviations glued after them (``1.2bn``, ``2.3kWh``, ``5GW``), and
fed long runs of non-space characters piece by piece (:class:`RunLimitedTokenizer`)."""

from __future__ import annotations

import re
from collections.abc import Callable

import regex
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex, compile_suffix_regex, registry

from .lexicon import Lexicon

#: Runs of non-space characters longer than this are cut (see RunLimitedTokenizer).
MAX_RUN = 100
_LONG_RUN = regex.compile(rf"(?<!\S)\S{{{MAX_RUN + 1},}}+")
#: between two characters that are neither letters, marks, digits nor spaces: "((", "%$"
_PUNCT_PAIR = regex.compile(r"(?<=[^\p{L}\p{M}\p{N}\s])(?=[^\p{L}\p{M}\p{N}\s])")


class RunLimitedTokenizer:
    """spaCy's tokenizer, never given a long chain of punctuation at once.

    spaCy strips a chunk's prefixes and suffixes one at a time, and each step
    copies, hashes and searches the rest of the chunk, so a chunk that is a
    chain of affixes (100,000 ``(``, ``%%%%``...) costs the square of its
    length: minutes. A run of non-space characters longer than
    :data:`MAX_RUN` is cut between two punctuation characters, at most once
    every ``MAX_RUN`` characters, and the pieces tokenized one by one into one
    Doc: text and offsets stay exact, and a run of letters or digits, which
    spaCy reads in linear time, is never cut. Everything else
    (``prefix_search``, ``to_disk`` ...) is the wrapped tokenizer's.
    """

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        cuts = [cut for run in _LONG_RUN.finditer(text) for cut in _cuts(text, *run.span())]
        if not cuts:
            return self.tokenizer(text)
        bounds = [0, *cuts, len(text)]
        pieces = [self.tokenizer(text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
        return Doc.from_docs(pieces, ensure_whitespace=False)

    def __getattr__(self, name: str):
        if name.startswith("__") or name == "tokenizer":  # unpickling: not yet set
            raise AttributeError(name)
        return getattr(self.tokenizer, name)


#: The longest string spaCy's URL pattern is tried on: it backtracks on long
#: strings such as ``a:a:a:...`` (quadratic: 8,000 characters, 0.4 s), and no
#: URL in wire copy is this long.
MAX_URL = 500


class BoundedUrlMatch:
    """spaCy's ``url_match``, tried only on strings up to :data:`MAX_URL`
    characters. ``.match`` is a bound method whose ``__self__.pattern`` is
    the URL pattern, as spaCy's serialisation expects of ``url_match``."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.compiled = pattern
        self.pattern = pattern.pattern

    def match(self, text: str) -> re.Match[str] | None:
        return self.compiled.match(text) if len(text) <= MAX_URL else None


def _cuts(text: str, start: int, end: int) -> list[int]:
    """Where to cut the run ``text[start:end]``: between two punctuation
    characters, each cut at least ``MAX_RUN`` past the one before."""
    cuts = []
    pos = start + MAX_RUN
    while pos < end:
        pair = _PUNCT_PAIR.search(text, pos, end)
        if pair is None:
            break
        cuts.append(pair.start())
        pos = pair.start() + MAX_RUN
    return cuts


def _alternation(forms: set[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


@registry.tokenizers("extractor.wire_tokenizer.v1")
def create_wire_tokenizer() -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        lex = Lexicon.load()
        tokenizer = registry.tokenizers.get("spacy.Tokenizer.v1")()(nlp)
        prefixes = {c.form for c in lex.currencies if c.before and not c.form.isalpha()}
        prefixes |= {c.form for c in lex.currencies if c.before and c.case_sensitive}
        glued = {m.form for m in lex.magnitudes.values() if m.glued_only or len(m.form) <= 3}
        glued |= {f.upper() for f in glued}
        glued |= {form for form, _unit, cs in lex.units if cs}
        prefix = rf"(?:{_alternation(prefixes)})(?=[0-9])"
        suffix = rf"(?<=[0-9])(?:{_alternation(glued)})"
        tokenizer.prefix_search = compile_prefix_regex(
            [prefix, *nlp.Defaults.prefixes]
        ).search
        tokenizer.suffix_search = compile_suffix_regex(
            [suffix, *nlp.Defaults.suffixes]
        ).search
        if tokenizer.url_match is not None:
            tokenizer.url_match = BoundedUrlMatch(tokenizer.url_match.__self__).match
        return RunLimitedTokenizer(tokenizer)

    return make
