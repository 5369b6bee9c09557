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
ones. Windows are only looked for around tokens with a *seed* mark: one
mark each pattern cannot match without (its currency, percent word or
unit rather than its number), so every match holds one.

Inside a window the Matcher sees nothing of a token but the marks and words
the patterns test, so its matches (relative to the window) are a function of
the window's *shape*: those marks and test words, token by token. Wire copy
writes its figures in a few shapes (``num-B num-I cur_post-B``), so the
matches are remembered per shape and the Matcher runs only on a shape not
seen before (on the corpus: 50 shapes for some 600 windows a pass).

When the patterns use anything else (another token attribute, a negated or
counted operator, a wildcard token), the windows cannot be worked out and the
Matcher runs over the whole document, as it would without this class.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc

from ..tokenizer import token_words
from .atoms import MARK_FIRST, MARK_INSIDE
from .extensions import TOKEN_ATOMS

#: window shapes remembered before starting afresh
_MAX_SHAPES = 100_000
#: operators under which a token may be absent from a match
_OPTIONAL_OPS = {"?", "*"}
#: operators under which it must be there once or more
_REQUIRED_OPS = {None, "+"}
_WORD_ATTRS = {"LOWER": "lower", "ORTH": "orth", "TEXT": "orth"}
#: what the Matcher sees of a token that passes no test: no mark, no word
_UNSEEN = ((), (None, None))


@dataclass(frozen=True)
class _Plan:
    mark_values: dict[str, frozenset[str]]  # atom attribute -> the marks tested for
    lower: frozenset[str]  # LOWER values tested for
    orth: frozenset[str]  # ORTH/TEXT values tested for
    required: tuple[frozenset[tuple[str, str]], ...]  # per pattern: the marks it needs
    # one required mark per pattern, of the attribute fewest patterns require,
    # and not the number's if another will do (the currency, percent word or
    # unit): every match holds a token with one of these, so windows are
    # looked for around them only
    seeds: frozenset[tuple[str, str]]
    seed_attrs: frozenset[str]  # the attributes of the seed marks


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
    uses = {attr: sum(any(a == attr for a, _ in need) for need in required) for attr in mark_values}
    # numbers are the commonest atoms (every other one goes with a number)
    seeds = frozenset(
        min(need, key=lambda p: (uses[p[0]], p[0] == "num", p)) for need in required
    )
    return _Plan(
        mark_values={a: frozenset(v) for a, v in mark_values.items()},
        lower=frozenset(words["lower"]),
        orth=frozenset(words["orth"]),
        required=tuple(required),
        seeds=seeds,
        seed_attrs=frozenset(attr for attr, _mark in seeds),
    )


class WindowedMatcher:
    """A ``Matcher`` (``validate=True``) with the same ``add``, called as
    ``matcher(doc, ranges)`` where ``ranges(attr)`` gives the ``(start,
    end)`` of the atoms whose tokens ``Token._.<attr>`` marks (see
    :func:`.atoms.marked_ranges`). Returns ``(match_id, start, end)`` tuples
    in document offsets, in no particular order."""

    def __init__(self, vocab) -> None:
        self.matcher = Matcher(vocab, validate=True)
        self._patterns: list[list[dict[str, Any]]] = []
        self._plan: _Plan | None = None
        # window shape -> the Matcher's matches in it, as (key, start, end)
        # relative to the window (see __call__)
        self._seen: dict[tuple, tuple[tuple[int, int, int], ...]] = {}

    def add(self, key: str, patterns: list[list[dict[str, Any]]], **kwargs) -> None:
        self.matcher.add(key, patterns, **kwargs)
        self._patterns.extend(patterns)
        self._plan = plan_for(self._patterns)
        self._seen.clear()

    def __call__(
        self, doc: Doc, ranges: Callable[[str], list[tuple[int, int]]]
    ) -> list[tuple[int, int, int]]:
        plan = self._plan
        if plan is None:
            return list(self.matcher(doc))
        if not any(ranges(attr) for attr in plan.seed_attrs):
            return []  # no seed mark, no match (most articles have no unit of measurement)
        # token -> the tested marks it carries; seed mark -> the tokens carrying it
        marked: dict[int, tuple[tuple[str, str], ...]] = {}
        where: dict[tuple[str, str], list[int]] = {}
        get = marked.get
        seed_marks = plan.seeds
        for attr, values in plan.mark_values.items():
            first = (attr, MARK_FIRST) if MARK_FIRST in values else None
            inside = (attr, MARK_INSIDE) if MARK_INSIDE in values else None
            atoms = ranges(attr)
            if first is not None and atoms:
                if first in seed_marks:
                    where[first] = [start for start, _end in atoms]
                for start, _end in atoms:
                    marked[start] = get(start, ()) + (first,)
            if inside is not None:
                found = [i for start, end in atoms for i in range(start + 1, end)]
                if found and inside in seed_marks:
                    where[inside] = found
                for i in found:
                    marked[i] = get(i, ()) + (inside,)
        if not marked:
            return []
        lower, orth = plan.lower, plan.orth
        n = len(doc)
        texts = token_words(doc)[1]

        def seen(i: int) -> tuple:
            """What the Matcher sees of token i: its tested marks and what the
            patterns' word tests see of it (``LOWER`` is the vocabulary's lower
            case of the text, ``str.lower``); ``_UNSEEN`` when it passes no test."""
            text = texts[i]
            low = text.lower()
            return get(i, ()), (low if low in lower else None, text if text in orth else None)

        # Every match holds a token with its pattern's seed mark: those
        # tokens are enough to find the windows from. A window's shape is
        # gathered while it is grown, each token looked at once.
        seeds = sorted({i for found in where.values() for i in found})
        out: list[tuple[int, int, int]] = []
        missed: list[tuple[int, int, tuple]] = []
        end = -1
        for i in seeds:
            if i < end:
                continue
            tokens = []  # the shape: tokens left of i (nearest first, then in order), i, the rest
            start = i
            while start > 0:
                token = seen(start - 1)
                if token == _UNSEEN:
                    break
                tokens.append(token)
                start -= 1
            tokens.reverse()
            tokens.append(seen(i))
            end = i + 1
            while end < n:
                token = seen(end)
                if token == _UNSEEN:
                    break
                tokens.append(token)
                end += 1
            # the Matcher sees nothing of a token but its marks and word tests
            shape = tuple(tokens)
            found = self._seen.get(shape)
            if found is None:
                missed.append((start, end, shape))
            else:
                out += [(key, start + s, start + e) for key, s, e in found]
        if missed:
            out += self._match(doc, missed)
        return out

    def _match(self, doc: Doc, windows: list[tuple[int, int, tuple]]) -> list[tuple[int, int, int]]:
        """Run the Matcher over windows of a shape not seen before, and remember what it found."""
        if len(self._seen) > _MAX_SHAPES:
            self._seen.clear()
        out = []
        for start, end, shape in windows:
            found = self._seen[shape] = tuple(self.matcher(doc[start:end]))
            out += [(key, start + s, start + e) for key, s, e in found]
        return out
