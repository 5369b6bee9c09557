"""Matcher matches remembered by the shape of the window matched.

The fact builder runs its period patterns (``patterns/period_patterns.jsonl``)
on short windows of an article; spaCy's ``Matcher`` costs several
microseconds a token there (its ``IN`` word lists are Python calls). The
patterns test only attributes of the word itself, so two windows whose words
agree on everything the patterns can test get the same matches, and most
windows repeat the shape of one seen before: :class:`WindowMemo` runs the
Matcher once per shape.
"""

from __future__ import annotations

from typing import Any

from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.tokens import Doc

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
