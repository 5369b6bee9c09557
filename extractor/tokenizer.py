"""spaCy's English tokenizer, taught to split currency signs and codes glued
to digits (``US$58.39``, ``USD34.6``, ``RMB1,000``, ``Rs.500``) and magnitude
or unit abbreviations glued after them (``1.2bn``, ``2.3kWh``, ``5GW``), and
fed long runs of non-space characters piece by piece (:class:`RunLimitedTokenizer`).

It also drops the special cases for plain whitespace (``" "``, ``"\\n"``,
``"\\t"``), which make no token other than the tokenizer would make without
them but keep it from caching anything (see :class:`WireTokenizer`), and gives
the vocabulary quicker getters of the same lexeme attributes
(:func:`quicker_lexeme_getters`)."""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from operator import itemgetter
from typing import Any

import regex
from spacy.attrs import IDS, IDX, LENGTH, ORTH
from spacy.lang import lex_attrs
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex, compile_suffix_regex, registry
from spacy.vocab import Vocab

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
        if not _may_have_long_run(text):
            return self.tokenizer(text)
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


class SuffixSearch:
    """spaCy's ``suffix_search`` (its suffixes, each followed by ``$``, as one
    alternation), with the one-character suffixes tried at the last
    character only.

    Every suffix ends the text, so wherever a match starts it takes the rest
    of the text, whichever suffix matched: the leftmost start is all that
    tells two matches apart, and that does not depend on the order of the
    suffixes. The longer suffixes are therefore searched on their own, and
    only when none of them starts before the last character are the
    one-character ones (a character or a class each, some seventy of spaCy's)
    tried, together, at the last character, the only place where they can
    match, rather than at every one: the search takes half the time. Two
    exceptions go to spaCy's expression itself: a text that ends in a newline
    (before which ``$`` matches too, so a suffix could end in two places), and
    suffixes of which one has an alternative of its own outside brackets
    (``a|b``: only ``b`` would be anchored). ``.search`` is a bound method
    whose ``__self__.pattern`` is spaCy's expression, as spaCy's
    serialisation expects of ``suffix_search``."""

    def __init__(self, compiled: re.Pattern[str], longer: re.Pattern[str] | None = None,
                 single: re.Pattern[str] | None = None) -> None:
        self.compiled = compiled
        self.pattern = compiled.pattern
        self.longer = longer
        self.single = single

    def search(self, text: str) -> re.Match[str] | None:
        single = self.single
        if single is None or text.endswith("\n") or not text:
            return self.compiled.search(text)
        last = len(text) - 1
        found = self.longer.search(text) if self.longer is not None else None
        if found is not None and found.start() <= last:
            return found
        return single.match(text, last) or found

    @staticmethod
    def split_pieces(pieces: list[str]) -> tuple[list[str], list[str]] | None:
        """``pieces`` (suffix expressions, without the ``$``) as the longer
        ones and those of one character or one class; None when they cannot
        be split (see the class)."""
        pieces = [p for p in pieces if p.strip()]  # as spaCy's compile_suffix_regex
        if any(_alternative_outside_brackets(p) for p in pieces):
            return None
        single = [p for p in pieces if _one_character(p)]
        if not single:
            return None
        return [p for p in pieces if not _one_character(p)], single


def _one_character(expression: str) -> bool:
    """Whether ``expression`` matches exactly one character: a literal, an
    escaped character or class (not an anchor such as ``\\b``, a reference
    or a code), or one class in brackets."""
    if len(expression) == 1:
        return expression not in "\\[]()|*+?{}.^$"
    if len(expression) == 2 and expression[0] == "\\":
        return expression[1] not in "0123456789AbBZuUxN"
    if len(expression) < 3 or expression[0] != "[" or expression[-1] != "]":
        return False
    body, i = expression[1:-1], 0
    while i < len(body):
        if body[i] in "[]":
            return False  # another class, or the first one ends early
        i += 2 if body[i] == "\\" else 1
    return i == len(body)  # not an escaped "]"


def _alternative_outside_brackets(expression: str) -> bool:
    """Whether ``expression`` has a ``|`` outside any group or class."""
    depth, in_class, i = 0, False, 0
    while i < len(expression):
        c = expression[i]
        if c == "\\":
            i += 1
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            i += expression.startswith("^", i + 1)
            i += expression.startswith("]", i + 1)  # "[]...]", "[^]...]": a literal "]"
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


#: the characters ``str.split()`` cuts at and ``\\s`` of ``regex`` does not (a test
#: checks the list against both)
_SPLIT_ONLY = "\x1c\x1d\x1e\x1f"


def _may_have_long_run(text: str) -> bool:
    """Whether :data:`_LONG_RUN` can match: ``str.split`` finds the runs in
    C, many times faster than the expression (which is then run), and its
    pieces are the expression's runs unless the text holds one of
    :data:`_SPLIT_ONLY`."""
    if len(text) <= MAX_RUN:
        return False
    if any(c in text for c in _SPLIT_ONLY):
        return True
    return max(map(len, text.split()), default=0) > MAX_RUN


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


#: Doc -> the text a WireTokenizer made it from
_SOURCE_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``. spaCy rebuilds that from the tokens on every access; a
    Doc made by :class:`WireTokenizer` gives the text it was made from
    instead (the tokenizer keeps every character, so the two are equal)."""
    text = _SOURCE_TEXTS.get(doc)
    return doc.text if text is None else text


def token_words(doc: Doc) -> tuple[list[int], list[str]]:
    """(character offsets, texts) of the tokens, computed once per Doc and
    shared by the components that read words (no Token object made)."""
    cached = doc.user_data.get(_WORDS_KEY)
    if cached is None:
        text = doc_text(doc)
        idx, lengths = doc.to_array([IDX, LENGTH]).T.tolist()  # two lists, not a pair a token
        cached = (idx, [text[i:i + n] for i, n in zip(idx, lengths, strict=True)])
        doc.user_data[_WORDS_KEY] = cached
    return cached


_WORDS_KEY = ("extractor", "token_words")


_DIGIT = re.compile(r"\d")  # chunks WireTokenizer does not prime


def _alternation(forms: set[str]) -> str:
    return "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))


class WireTokenizer(Tokenizer):
    """spaCy's ``Tokenizer`` without its special cases for plain whitespace.

    spaCy caches how it split each whitespace-separated chunk of text, but
    stops adding to the cache for the rest of a text once any special case
    has been used in it (spaCy issue #1250). The English rules include
    ``" "``, ``"\\n"`` and ``"\\t"``, each one token with no attribute but
    its text, and nearly every article starts with a space (`` date ...``)
    or has a newline in its first line: the cache never filled, and every
    chunk of every article went through the prefix, suffix and infix
    expressions again.

    Without those rules the whitespace makes the same single token (no affix
    expression matches whitespace: checked when the tokenizer is built), with
    one exception this class puts right: spaCy applies a rule that contains
    a space a second time to the finished Doc, which copies the rule's token
    over the one made, and so a text starting with a single space got a
    first token that is not marked as a sentence start. (The copy also set
    the token's ``left_edge``/``right_edge`` to the Doc's first token, as it
    does for every token a rule makes; without a parser these are not
    meaningful, and the Doc's arrays and bytes are the same either way.)

    Other special cases (``Jan.``, ``Sept.``, ``p.m.``, ``Ltd.``) do change
    the tokens, and most datelines have one, so the rest of such an article
    would still never be cached. Before tokenizing a text, each of its
    chunks not seen before is therefore tokenized on its own, which stores
    in the cache exactly what spaCy stores for that chunk whenever it meets
    it before any special case (a chunk that uses a special case itself is
    not stored, as ever). The text is then tokenized the usual way, reading
    the cache. This is done once per distinct chunk of up to
    :attr:`max_primed` characters, up to the cache's size, and not for
    chunks with a digit (figures seldom come back, and priming them slowed
    a single pass over new text); the tokens are the same with or without
    it. Chunks that are letters only (perhaps with a final ``,.;:``) and no
    special case, whole or without that mark, are primed together, in one
    text of their own: the cache keeps each chunk's own tokens whatever
    text it comes in, and such a chunk cannot stop the caching of those
    after it (were one to, the rest would only go uncached)."""

    #: the longest chunk primed: words are shorter, and a long chain of
    #: punctuation would be tokenized twice for nothing
    max_primed = 40

    def __call__(self, string: str) -> Doc:
        self._prime_cache(string)
        doc = super().__call__(string)
        if self._space_rule_dropped and len(doc) and doc[0].text == " ":
            doc[0].is_sent_start = None  # as the " " rule's copy left it
        _SOURCE_TEXTS[doc] = string
        return doc

    def _prime_cache(self, string: str) -> None:
        primed = self.__dict__.setdefault("_primed", set())
        if len(primed) >= self.max_cache_size or self.vocab.in_memory_zone:
            return
        tokenize = super().__call__
        rules = self.rules
        plain = []
        for chunk in string.split():
            if chunk in primed or len(chunk) > self.max_primed or _DIGIT.search(chunk):
                continue
            primed.add(chunk)
            core = chunk[:-1] if chunk[-1] in ",.;:" else chunk
            if core.isalpha() and core not in rules and chunk not in rules:
                plain.append(chunk)
            else:
                tokenize(chunk)
        if plain:
            tokenize(" ".join(plain))

    @property
    def _space_rule_dropped(self) -> bool:
        return " " not in self.rules

    @classmethod
    def from_tokenizer(cls, base: Tokenizer) -> WireTokenizer:
        """The same settings as ``base``, minus the plain-whitespace rules."""
        rules = dict(base.rules or {})
        for chunk in _plain_whitespace_rules(base, rules):
            del rules[chunk]
        return cls(
            base.vocab,
            rules=rules,
            prefix_search=base.prefix_search,
            suffix_search=base.suffix_search,
            infix_finditer=base.infix_finditer,
            token_match=base.token_match,
            url_match=base.url_match,
            faster_heuristics=base.faster_heuristics,
            max_cache_size=base.max_cache_size,
        )


def _plain_whitespace_rules(tokenizer: Tokenizer, rules: dict) -> list[str]:
    """The rules that make their whitespace one token with only ORTH set,
    where no affix expression could split that whitespace."""
    plain = []
    for chunk, substrings in rules.items():
        if not chunk.isspace() or len(substrings) != 1:
            continue
        if {IDS.get(k, k) if isinstance(k, str) else k for k in substrings[0]} != {ORTH}:
            continue  # "\xa0" also sets NORM
        if " " in chunk and chunk != " ":
            continue
        probes = (chunk, chunk * 2)
        if any(
            tokenizer.find_prefix(p) or tokenizer.find_suffix(p) or tokenizer.find_infix(p)
            or (tokenizer.token_match and tokenizer.token_match(p))
            or (tokenizer.url_match and tokenizer.url_match(p))
            for p in probes
        ):
            continue
        plain.append(chunk)
    return plain


def like_url(text: str) -> bool:
    """spaCy's ``like_url``, without its loop over the characters where it
    can only say no: a text with no full stop that does not start with
    ``http://`` or ``https://``."""
    if "." not in text and not text.startswith(("http://", "https://")):
        return False
    return lex_attrs.like_url(text)


def _remembering(getter: Callable[[str], str]) -> Callable[[str], str]:
    """``getter`` (pure), remembering its value for the text it was last called
    with: the vocabulary and a word-list flag on the same attribute
    (:class:`.components.lexflags.WordFlags`) both ask for it."""
    last: list = [None, None]

    def get(text: str) -> str:
        if text is not last[0]:
            last[1] = getter(text)
            last[0] = text
        return last[1]

    get.remembers = getter  # type: ignore[attr-defined]
    return get


#: spaCy's getters of lexeme attributes -> quicker ones that give the same
#: values: the string methods and subscripts they are made of (a built-in is
#: called without a Python frame), and like_url above
_QUICKER: dict[Callable[[str], Any], Callable[[str], Any]] = {
    lex_attrs.lower: str.lower,
    lex_attrs.is_alpha: str.isalpha,
    lex_attrs.is_digit: str.isdigit,
    lex_attrs.is_lower: str.islower,
    lex_attrs.is_space: str.isspace,
    lex_attrs.is_title: str.istitle,
    lex_attrs.is_upper: str.isupper,
    lex_attrs.is_ascii: str.isascii,  # "no character at or above 128"
    lex_attrs.prefix: itemgetter(0),  # string[0]
    lex_attrs.suffix: itemgetter(slice(-3, None)),  # string[-3:]
    lex_attrs.like_url: like_url,
}


def quicker_lexeme_getters(vocab: Vocab) -> None:
    """Swap the vocabulary's getters of lexeme attributes that are spaCy's
    own for quicker ones giving the same values (:data:`_QUICKER`; the word
    shape remembered, see :func:`_remembering`). The vocabulary calls every
    getter for every word it has not seen, and new words (figures, names)
    come with every article."""
    getters = vocab.lex_attr_getters
    for attr, getter in list(getters.items()):
        try:
            quicker = _QUICKER.get(getter)
        except TypeError:  # not hashable
            continue
        if quicker is not None:
            getters[attr] = quicker
        elif getter is lex_attrs.word_shape:
            getters[attr] = _remembering(getter)


@registry.tokenizers("extractor.wire_tokenizer.v1")
def create_wire_tokenizer() -> Callable[[Language], Tokenizer]:
    def make(nlp: Language) -> Tokenizer:
        lex = Lexicon.load()
        quicker_lexeme_getters(nlp.vocab)
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
        extra = lex.tokenizer
        suffixes = [suffix, *extra.suffixes, *nlp.Defaults.suffixes]
        split = SuffixSearch.split_pieces(suffixes)
        longer, single = split or ([], [])
        tokenizer.suffix_search = SuffixSearch(
            compile_suffix_regex(suffixes),
            compile_suffix_regex(longer) if longer else None,
            compile_suffix_regex([f"(?:{'|'.join(single)})"]) if single else None,
        ).search
        for chunk in extra.special_cases:  # "5G": a name, not 5 and G for giga
            tokenizer.add_special_case(chunk, [{ORTH: chunk}])
        wire = WireTokenizer.from_tokenizer(tokenizer)
        if wire.url_match is not None:
            wire.url_match = BoundedUrlMatch(wire.url_match.__self__).match
        return RunLimitedTokenizer(wire)

    return make
