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
pattern matches are the same either way (tested); the flags on one attribute
work it out once per new word (:class:`WordFlags`). A spec the rewrite does not
cover (other predicates, other attributes, non-string values), or a
vocabulary with no free flag bit left, keeps spaCy's predicate.
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


class WordFlags:
    """The word-list flags on one attribute of one vocabulary.

    The vocabulary calls every flag getter for every new word, in the order
    the flags were added, and a call of a Python function costs it several
    times what a call of a built-in one does. So only the first flag of the
    group has a Python getter, the *leader*: it works the attribute out once
    (it is pure) and writes the word into the ``hits`` dict of each flag whose
    list holds that value, having taken the word before out of them; each other
    flag's getter is its dict's ``get`` (a C call): ``True`` for that word,
    ``None`` (the flag left unset, False) for any other. Each dict holds one
    word at most. A flag is added with a getter of its own, which
    ``Vocab.add_flag`` runs over the words already in the vocabulary, and then
    handed over to its dict."""

    def __init__(self, attr: Callable[[str], str] | None) -> None:
        self.attr = attr  # the vocabulary's getter of the attribute (None: the text)
        self.flags: dict[frozenset[str], int] = {}  # the words -> the flag's ID
        # attribute value -> the hits dicts of the flags whose lists hold it
        self.holders: dict[str, tuple[dict[str, bool], ...]] = {}
        self.leader: int | None = None

    def add(self, vocab: Vocab, values: frozenset[str]) -> int | None:
        """The ID of the flag for ``values`` (added as the highest free flag bit
        if needed), or None when no bit is free."""
        if values in self.flags:
            return self.flags[values]
        getters = vocab.lex_attr_getters
        free = [bit for bit in range(63, 0, -1) if bit not in getters]
        if not free:
            return None
        attr = self.attr

        def own(text: str) -> bool:  # for the words already in the vocabulary
            return (text if attr is None else attr(text)) in values

        flag_id = vocab.add_flag(own, free[0])
        hits: dict[str, bool] = {}
        for value in values:
            self.holders[value] = (*self.holders.get(value, ()), hits)
        if self.leader is None:
            self.leader = flag_id
            getters[flag_id] = self._leader(hits)
        else:
            getters[flag_id] = hits.get
        self.flags[values] = flag_id
        return flag_id

    def _leader(self, own: dict[str, bool]) -> Callable[[str], bool]:
        """The leader's getter (see the class), whose own flag's dict is ``own``."""
        attr, holders = self.attr, self.holders
        last: list[tuple[dict[str, bool], ...]] = [()]  # where the word before was written

        def get(text: str) -> bool:
            for hits in last[0]:
                hits.clear()
            found = last[0] = holders.get(text if attr is None else attr(text), ())
            for hits in found:
                hits[text] = True
            return text in own

        get.word_flags = self  # type: ignore[attr-defined]
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
    group = None
    for flag_id, getter in getters.items():
        found = getattr(getter, "word_flags", None)
        if isinstance(found, WordFlags) and found.attr is attr_getter \
                and isinstance(flag_id, int) and flag_id < 64:
            group = found
            break
    if group is None:
        group = WordFlags(attr_getter)
    return group.add(vocab, values)


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
