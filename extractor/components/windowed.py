"""A spaCy ``Matcher`` over atom patterns, run only where a match can be.

Wire copy is mostly prose with a few figures in it, and the amount patterns
are made of atoms (``Token._.num``, ``_.cur_pre``, ...) and a few connecting
words (``to``, ``-``, ``between``, ``and``). The Matcher evaluates an
extension attribute in Python for every token of what it is given, so running
it over a whole article costs far more than the figures need.

:class:`WindowedMatcher` reads the patterns once and works out

* the token tests they use: atom marks (attribute and value) and words
  (``LOWER``/``ORTH``/``TEXT`` values);
* for each pattern, the atom marks it cannot match without.

At run time a *window* is a maximal run of tokens that pass at least one of
the tests. Every token of a match passes a test of its pattern and a match is
contiguous, so every match lies inside one window, and the matches inside a
window are the same whether the Matcher is given the window or the whole
document (the patterns look at nothing outside the tokens they match).
Overlapping matches share a window, so the greedy (``LONGEST``/``FIRST``)
filtering, which only compares overlapping matches of one key, keeps the same
ones. A window is only handed to the Matcher when it holds every mark some
pattern requires.

When the patterns use anything else (another token attribute, a negated or
counted operator, a wildcard token), the windows cannot be worked out and the
Matcher runs over the whole document, as it would without this class.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc

from .extensions import TOKEN_ATOMS

#: operators under which a token may be absent from a match
_OPTIONAL_OPS = {"?", "*"}
#: operators under which it must be there once or more
_REQUIRED_OPS = {None, "+"}
_WORD_ATTRS = {"LOWER": "lower", "ORTH": "orth", "TEXT": "orth"}

Marks = Mapping[int, Mapping[str, str]]  # token index -> {atom attribute: mark}


@dataclass(frozen=True)
class _Plan:
    mark_values: dict[str, frozenset[str]]  # atom attribute -> the marks tested for
    lower: frozenset[str]  # LOWER values tested for
    orth: frozenset[str]  # ORTH/TEXT values tested for
    required: tuple[frozenset[tuple[str, str]], ...]  # per pattern: the marks it needs


def _words(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
        if all(isinstance(v, str) for v in value["IN"]):
            return value["IN"]
    return None


def plan_for(patterns: Iterable[list[dict[str, Any]]]) -> _Plan | None:
    """The tests the patterns use, or None when windows cannot be worked out."""
    mark_values: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {"lower": set(), "orth": set()}
    required = []
    for pattern in patterns:
        needs = set()
        for spec in pattern:
            op = spec.get("OP")
            if op not in _OPTIONAL_OPS and op not in _REQUIRED_OPS:
                return None
            tests = {k: v for k, v in spec.items() if k != "OP"}
            if not tests:
                return None  # a wildcard token: any token may be in a match
            for key, value in tests.items():
                if key == "_":
                    if not isinstance(value, dict) or not value:
                        return None
                    for attr, mark in value.items():
                        if attr not in TOKEN_ATOMS or not isinstance(mark, str) or not mark:
                            return None  # "" is every unmarked token
                        mark_values.setdefault(attr, set()).add(mark)
                        if op in _REQUIRED_OPS:
                            needs.add((attr, mark))
                elif key in _WORD_ATTRS:
                    found = _words(value)
                    if found is None:
                        return None
                    words[_WORD_ATTRS[key]].update(found)
                else:
                    return None
        required.append(frozenset(needs))
    if not required or not all(required):
        return None  # a pattern made of words alone could match anywhere
    return _Plan(
        mark_values={a: frozenset(v) for a, v in mark_values.items()},
        lower=frozenset(words["lower"]),
        orth=frozenset(words["orth"]),
        required=tuple(required),
    )


class WindowedMatcher:
    """A ``Matcher`` (``validate=True``) with the same ``add``, called as
    ``matcher(doc, marks)`` where ``marks`` are the atom marks of the tokens,
    as ``Token._.<attr>`` holds them. Returns ``(match_id, start, end)``
    tuples in document offsets, in no particular order."""

    def __init__(self, vocab) -> None:
        self.matcher = Matcher(vocab, validate=True)
        self._patterns: list[list[dict[str, Any]]] = []
        self._plan: _Plan | None = None

    def add(self, key: str, patterns: list[list[dict[str, Any]]], **kwargs) -> None:
        self.matcher.add(key, patterns, **kwargs)
        self._patterns.extend(patterns)
        self._plan = plan_for(self._patterns)

    @property
    def mark_attrs(self) -> tuple[str, ...] | None:
        """The atom attributes whose marks the call needs (None: none, it
        runs over the whole document)."""
        return None if self._plan is None else tuple(self._plan.mark_values)

    def __call__(self, doc: Doc, marks: Callable[[], Marks]) -> list[tuple[int, int, int]]:
        plan = self._plan
        if plan is None:
            return list(self.matcher(doc))
        values = plan.mark_values
        marked = {
            i: found
            for i, m in marks().items()
            if (found := frozenset((a, v) for a, v in m.items() if v in values.get(a, ())))
        }
        if not marked:
            return []
        lower, orth = plan.lower, plan.orth
        n = len(doc)

        def passes(i: int) -> bool:
            if i in marked:
                return True
            tok = doc[i]
            return tok.lower_ in lower or tok.text in orth

        out = []
        covered = -1
        for i in sorted(marked):
            if i < covered:
                continue
            start = i
            while start > 0 and passes(start - 1):
                start -= 1
            end = i + 1
            while end < n and passes(end):
                end += 1
            covered = end
            present = frozenset().union(*(marked[k] for k in range(start, end) if k in marked))
            if not any(need <= present for need in plan.required):
                continue
            out += [(key, start + s, start + e) for key, s, e in self.matcher(doc[start:end])]
        return out
