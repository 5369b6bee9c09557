"""Matcher word lists as lexeme flags.

spaCy's ``Matcher`` runs a token pattern's ``{"LOWER": {"IN": [...]}}`` as a
Python callable on every token it is tried on, which costs several times
what the matcher's own attribute checks cost. An attribute that belongs to
the word itself (``ORTH``, ``LOWER``, ``SHAPE``) gives the same answer for
every token of that word, so the vocabulary can work it out once per word as
a lexeme flag, and the pattern tests the flag in the matcher's own loop:
``{"LOWER": {"IN": ["first", "second"]}}`` becomes ``{<flag id>: True}``
(``NOT_IN``: ``False``). The flag's getter is computed from the same
attribute getter the vocabulary uses for the attribute, so the tokens a
pattern matches are the same either way (tested). A spec the rewrite does not
cover (other predicates, other attributes, non-string values), or a
vocabulary with no free flag bit left, keeps spaCy's predicate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import LOWER, SHAPE
from spacy.errors import MatchPatternError
from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.schemas import validate_token_pattern
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: pattern attribute -> vocabulary getter attribute (None: the word's own text)
_LEXEME_ATTRS: dict[str, int | None] = {"ORTH": None, "TEXT": None, "LOWER": LOWER,
                                        "SHAPE": SHAPE}


class InWords:
    """What a word-list flag's getter holds: the attribute getter, the words,
    and a memo shared by the flags on the same attribute (``[text, value]``:
    the vocabulary calls every flag getter with the same string in a row
    when it makes a lexeme, so the attribute is computed once; it is pure)."""

    def __init__(self, attr: Callable[[str], str] | None, values: frozenset[str],
                 memo: list | None) -> None:
        self.attr = attr
        self.values = values
        self.memo = memo if memo is not None else [None, None]


def _getter(spec: InWords) -> Callable[[str], bool]:
    """The flag getter itself: a plain function (the vocabulary calls it for
    every new word, and calling a function costs less than an object)."""
    attr, values, memo = spec.attr, spec.values, spec.memo
    if attr is None:
        def get(text: str) -> bool:
            return text in values
    else:
        def get(text: str) -> bool:
            if text is not memo[0]:
                memo[1] = attr(text)
                memo[0] = text
            return memo[1] in values
    get.in_words = spec  # type: ignore[attr-defined]
    return get


def word_flag(vocab: Vocab, attr: str, values: frozenset[str]) -> int | None:
    """The ID of the flag "``attr`` is in ``values``" in ``vocab``, added (as
    the highest free flag bit) if needed; None when it cannot be a flag."""
    name = attr.upper()
    if name not in _LEXEME_ATTRS:
        return None
    getters = vocab.lex_attr_getters
    source = _LEXEME_ATTRS[name]
    attr_getter = None if source is None else getters.get(source)
    if source is not None and attr_getter is None:
        return None
    memo = None
    for flag_id, getter in getters.items():
        spec = getattr(getter, "in_words", None)
        if isinstance(spec, InWords) and spec.attr is attr_getter \
                and isinstance(flag_id, int) and flag_id < 64:
            if spec.values == values:
                return flag_id
            memo = spec.memo
    free = [bit for bit in range(63, 0, -1) if bit not in getters]
    if not free:
        return None
    return vocab.add_flag(_getter(InWords(attr_getter, values, memo)), free[0])


def flag_pattern(vocab: Vocab, pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``pattern`` with each ``{"ATTR": {"IN": [...]}}`` / ``NOT_IN`` on a word
    attribute replaced by a lexeme flag (see the module's description)."""
    out = []
    for spec in pattern:
        new: dict[Any, Any] = {}
        for key, value in spec.items():
            flag = None
            if isinstance(key, str) and isinstance(value, dict) and len(value) == 1:
                (op, words), = value.items()
                if op in ("IN", "NOT_IN") and isinstance(words, list) \
                        and all(isinstance(w, str) for w in words):
                    flag = word_flag(vocab, key, frozenset(words))
                    if flag is not None and flag not in new:
                        new[flag] = op == "IN"
                        continue
            new[key] = value
        out.append(new)
    return out


def add_flagged(matcher: Matcher, key: str, patterns: list[list[dict[str, Any]]]) -> None:
    """``matcher.add(key, patterns)`` with the word lists as lexeme flags. The
    patterns are validated as written (when the matcher validates), then
    added as rewritten: spaCy's schema does not know flag IDs."""
    if matcher.validate:
        errors = {i: validate_token_pattern(p) for i, p in enumerate(patterns)}
        if any(errors.values()):
            raise MatchPatternError(key, errors)
    flagged = [flag_pattern(matcher.vocab, p) for p in patterns]
    validate, matcher.validate = matcher.validate, False
    try:
        matcher.add(key, flagged)
    finally:
        matcher.validate = validate


#: boolean word attributes a remembered pattern may test (read from the Lexeme)
_WORD_BOOLS = {"IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
               "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT",
               "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"}
#: string word attributes a remembered pattern may test, and the Lexeme's name for them
_WORD_STRINGS = {"ORTH": "orth_", "TEXT": "orth_", "LOWER": "lower_", "SHAPE": "shape_",
                 "PREFIX": "prefix_", "SUFFIX": "suffix_"}
#: the most window shapes and words remembered (then forgotten all at once)
_MAX_REMEMBERED = 50_000


def _word_tests(patterns: list[list[dict[Any, Any]]]) -> tuple | None:
    """What the patterns can tell of a word: ``("flag", id)``, ``("bool",
    name)``, ``("str", name, words)`` (the word's value when it is one of the
    words the patterns name, else nothing). None when a pattern tests
    anything else (a token attribute, ``_``, a predicate other than a word
    list)."""
    flags: set[int] = set()
    bools: set[str] = set()
    strings: dict[str, set[str]] = {}
    for pattern in patterns:
        for spec in pattern:
            for key, value in spec.items():
                if isinstance(key, int):
                    if not 0 < key < 64:
                        return None
                    flags.add(key)
                    continue
                name = key.upper()
                if name == "OP":
                    continue
                if name in _WORD_BOOLS and isinstance(value, bool):
                    bools.add(name)
                elif name in _WORD_STRINGS and isinstance(value, str):
                    strings.setdefault(_WORD_STRINGS[name], set()).add(value)
                elif name in _WORD_STRINGS and isinstance(value, dict) and len(value) == 1 \
                        and next(iter(value)) in ("IN", "NOT_IN") \
                        and all(isinstance(w, str) for w in next(iter(value.values()))):
                    strings.setdefault(_WORD_STRINGS[name], set()).update(
                        next(iter(value.values())))
                else:
                    return None
    return (*(("flag", f) for f in sorted(flags)), *(("bool", b.lower()) for b in sorted(bools)),
            *(("str", s, frozenset(w)) for s, w in sorted(strings.items())))


class WindowMemo:
    """``matcher(doc[start:end])`` as ``(match_id, start, end)`` in document
    offsets, remembered by the window's shape when every pattern tests only
    attributes of the word itself: what the patterns can tell of each word
    (its flags, the boolean attributes tested, its text, lower case or shape
    when the patterns name it). Windows of the same shape give the same
    matches (the Matcher sees nothing else), and most windows of an article
    have the shape of one seen before (``in 2023``, ``in 2024``). A matcher
    with callbacks, or patterns that test anything else, is simply run."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self._count = -1  # patterns the tests were read from
        self._tests: tuple | None = None
        self._shapes: dict[tuple, tuple[tuple[int, int, int], ...]] = {}
        self._signatures: dict[str, tuple] = {}

    def _read_patterns(self) -> tuple | None:
        patterns = self.matcher._patterns
        count = sum(len(p) for p in patterns.values())
        if count != self._count:
            self._count = count
            callbacks = any(cb is not None for cb in self.matcher._callbacks.values())
            self._tests = None if callbacks else _word_tests(
                [p for ps in patterns.values() for p in ps])
            self._shapes.clear()
            self._signatures.clear()
        return self._tests

    def __call__(self, doc: Doc, start: int, end: int,
                 words: list[str]) -> list[tuple[int, int, int]] | tuple:
        """``words``: the Doc's token texts."""
        tests = self._read_patterns()
        if tests is None:
            return [(m, start + s, start + e) for m, s, e in self.matcher(doc[start:end])]
        signatures = self._signatures
        if len(signatures) > _MAX_REMEMBERED:
            signatures.clear()
        shape = []
        for word in words[start:end]:
            sig = signatures.get(word)
            if sig is None:
                sig = signatures[word] = self._signature(doc.vocab[word], tests)
            shape.append(sig)
        key = tuple(shape)
        found = self._shapes.get(key)
        if found is None:
            if len(self._shapes) > _MAX_REMEMBERED:
                self._shapes.clear()
            found = self._shapes[key] = tuple(self.matcher(doc[start:end]))
        return [(m, start + s, start + e) for m, s, e in found]

    @staticmethod
    def _signature(lex: Lexeme, tests: tuple) -> tuple:
        out = []
        for test in tests:
            if test[0] == "flag":
                out.append(lex.check_flag(test[1]))
            elif test[0] == "bool":
                out.append(getattr(lex, test[1]))
            else:
                value = getattr(lex, test[1])
                out.append(value if value in test[2] else None)
        return tuple(out)
