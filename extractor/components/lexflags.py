"""Matcher word lists as lexeme flags.

spaCy's ``Matcher`` runs a token pattern's ``{"LOWER": {"IN": [...]}}`` as a
Python callable on every token it is tried on, which costs several times
what the matcher's own attribute checks cost. An attribute that belongs to
the word itself (``ORTH``, ``LOWER``, ``SHAPE``) gives the same answer for
every token of that word, so the vocabulary can work it out once per word as
a lexeme flag, and the pattern tests the flag in the matcher's own loop:
``{"LOWER": {"IN": ["first", "second"]}}`` becomes ``{<flag id>: True}``
(``NOT_IN``: ``False``). The flag is computed from the same attribute
getter the vocabulary uses for the attribute, so the tokens a pattern
matches are the same either way (tested); all the lists of a vocabulary are
looked up at once for each new word (:class:`WordLists`). A spec the
rewrite does not cover (other predicates, other attributes, non-string
values), or a vocabulary with no free flag bit left, keeps spaCy's
predicate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import LOWER, SHAPE
from spacy.errors import MatchPatternError
from spacy.matcher import Matcher
from spacy.schemas import validate_token_pattern
from spacy.vocab import Vocab

#: pattern attribute -> vocabulary getter attribute (None: the word's own text)
_LEXEME_ATTRS: dict[str, int | None] = {"ORTH": None, "TEXT": None, "LOWER": LOWER,
                                        "SHAPE": SHAPE}


class WordLists:
    """The word-list flags of one vocabulary, worked out together.

    spaCy makes a lexeme by calling the getters of ``vocab.lex_attr_getters``
    with the word, one after the other in the dict's order
    (``Vocab._new_lexeme``), and a flag added later comes later in it. The
    getter of the first flag added here looks the word's attributes up in an
    index of all the lists (value -> the flags whose list holds it) and adds
    the word to ``holding[flag]`` for each flag it has. Each later flag's
    getter is its set's ``__contains__``, a C call (a Python getter each
    cost about 5 us a new word for the fact builder's twenty lists): when
    the vocabulary calls it, the first flag's getter has seen the word.
    Called on their own, the getters answer for the words the vocabulary
    has made."""

    def __init__(self) -> None:
        self.lists: dict[int, tuple[Callable[[str], str] | None, frozenset[str]]] = {}
        # attribute getter (None: the word's own text) -> its value -> flags
        self.index: dict[Callable[[str], str] | None, dict[str, list[int]]] = {}
        self.holding: dict[int, set[str]] = {}  # flag -> the words made with it set

    @staticmethod
    def of(vocab: Vocab) -> WordLists | None:
        """The vocabulary's word lists, if it has any."""
        for getter in vocab.lex_attr_getters.values():
            found = getattr(getter, "word_lists", None)
            if isinstance(found, WordLists):
                return found
        return None

    def find(self, attr: Callable[[str], str] | None, values: frozenset[str]) -> int | None:
        """The flag of this list, if there is one."""
        for flag_id, listed in self.lists.items():
            if listed[0] is attr and listed[1] == values:
                return flag_id
        return None

    def add(self, vocab: Vocab, attr: Callable[[str], str] | None, values: frozenset[str],
            flag_id: int) -> int:
        """Add flag ``flag_id``: "the word's ``attr`` is in ``values``"."""
        holding = self.holding[flag_id] = set()
        first = not self.lists
        self.lists[flag_id] = (attr, values)
        index = self.index.setdefault(attr, {})
        for value in values:
            index.setdefault(value, []).append(flag_id)
        if first:
            return vocab.add_flag(self._first_getter(holding), flag_id)

        def on_its_own(text: str) -> bool:
            found = (text if attr is None else attr(text)) in values
            if found:
                holding.add(text)
            return found

        # add_flag sets the flag of the words already made with the getter
        # given; the set's __contains__ then takes its place in the dict
        flag_id = vocab.add_flag(on_its_own, flag_id)
        vocab.lex_attr_getters[flag_id] = holding.__contains__
        return flag_id

    def _first_getter(self, own: set[str]) -> Callable[[str], bool]:
        holding, indexes = self.holding, self.index

        def first(text: str) -> bool:
            for attr, index in indexes.items():
                flags = index.get(text if attr is None else attr(text))
                if flags is not None:
                    for flag_id in flags:
                        holding[flag_id].add(text)
            return text in own

        first.word_lists = self  # type: ignore[attr-defined]
        return first


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
    lists = WordLists.of(vocab)
    if lists is not None:
        found = lists.find(attr_getter, values)
        if found is not None:
            return found
    free = [bit for bit in range(63, 0, -1) if bit not in getters]
    if not free:
        return None
    return (lists or WordLists()).add(vocab, attr_getter, values, free[0])


def flag_pattern(vocab: Vocab, pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``pattern`` with each ``{"ATTR": {"IN": [...]}}`` / ``NOT_IN`` on a word
    attribute replaced by a lexeme flag (see the module's description), in
    the token specs a match can start with: the first, and the ones after
    it while those before are optional. The Matcher tries those at every
    token; the others only where a match got that far, and a flag there
    would cost every new word one more getter for little."""
    out = []
    leading = True
    for spec in pattern:
        if not leading:
            out.append(spec)
            continue
        leading = spec.get("OP") in ("?", "*")
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


def predicate_flag(vocab: Vocab, predicate: Callable[[str], bool]) -> int | None:
    """The ID of the lexeme flag whose getter is ``predicate`` (a function of
    the word's text), added (as the highest free flag bit) if needed; None
    when no bit is free. ``doc.to_array(flag)`` then reads it for all tokens
    at once, worked out once per word."""
    getters = vocab.lex_attr_getters
    for flag_id, getter in getters.items():
        if getter is predicate and isinstance(flag_id, int) and flag_id < 64:
            return flag_id
    free = [bit for bit in range(63, 0, -1) if bit not in getters]
    if not free:
        return None
    return vocab.add_flag(predicate, free[0])
