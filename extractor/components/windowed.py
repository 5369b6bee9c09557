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

from .atoms import MARK_SOURCES
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
    ``matcher(doc, marks)`` where ``marks()`` gives the atom marks of the
    tokens as ``Token._.<attr>`` holds them (see :func:`.atoms.token_marks`).
    Returns ``(match_id, start, end)`` tuples in document offsets, in no
    particular order."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab, validate=True)
        self._added: list[tuple[str, list[list[dict[str, Any]]], dict[str, Any]]] = []
        self._plan: _Plan | None = None
        self._native: _Native | None = None

    def add(self, key: str, patterns: list[list[dict[str, Any]]], **kwargs) -> None:
        self.matcher.add(key, patterns, **kwargs)
        self._added.append((key, patterns, kwargs))
        self._plan = plan_for(p for _, ps, _ in self._added for p in ps)
        self._native = _Native.build(self.vocab, self._added, self._plan)

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
        marked = {}
        for i, m in marks().items():
            found = [(a, v) for a, v in m.items() if v in values.get(a, ())]
            if found:
                marked[i] = found
        if not marked:
            return []
        lower, orth = plan.lower, plan.orth
        n = len(doc)

        def passes(i: int) -> bool:
            if i in marked:
                return True
            tok = doc[i]
            return tok.lower_ in lower or tok.text in orth

        windows = []
        end = -1
        for i in sorted(marked):
            if i < end:
                continue
            start = i
            while start > 0 and passes(start - 1):
                start -= 1
            end = i + 1
            while end < n and passes(end):
                end += 1
            present = {p for k in range(start, end) if k in marked for p in marked[k]}
            if any(need <= present for need in plan.required):
                windows.append((start, end))
        out: list[tuple[int, int, int]] = []
        if not windows:
            return out
        native = self._native
        restore = native.set_marks(doc, windows, marked) if native is not None else None
        try:
            for start, end in windows:
                if restore is not None:
                    found = native.matcher(doc[start:end])
                else:
                    found = self.matcher(doc[start:end])
                out += [(key, start + s, start + e) for key, s, e in found]
        finally:
            if restore is not None:
                restore()
        return out


#: native token attributes that carry the marks for the Matcher, and the
#: Token properties to set them through
_CHANNELS = (("ENT_ID", "ent_id"), ("ENT_KB_ID", "ent_kb_id"))
_MARK_PREFIX = "extractor.atoms:"


@dataclass(frozen=True)
class _Native:
    """The same patterns with each atom mark test ``{"_": {attr: mark}}``
    written as a test of a native attribute (``ENT_ID`` or ``ENT_KB_ID``),
    which the Matcher checks in C instead of calling ``Token._`` in Python
    for every token and attribute.

    During a call the marked tokens of the windows get the mark in that
    attribute, and every token gets its old value back before the call
    returns. Marks of one atom group (``cur_pre`` and ``cur_post`` of one
    currency) go to different attributes; a window where a token carries two
    marks for one attribute, or an unmarked token already holds a mark's
    value, is matched with the extension patterns instead."""

    matcher: Matcher
    channel_of: dict[str, int]  # atom attribute -> index into _CHANNELS
    ids: dict[tuple[str, str], int]  # (attribute, mark) -> string id
    all_ids: frozenset[int]

    @classmethod
    def build(cls, vocab, added, plan: _Plan | None) -> _Native | None:
        if plan is None:
            return None
        channel_of: dict[str, int] = {}
        for attr in plan.mark_values:
            group = MARK_SOURCES[attr][0]
            busy = {c for a, c in channel_of.items() if MARK_SOURCES[a][0] == group}
            free = [c for c in range(len(_CHANNELS)) if c not in busy]
            if not free:
                return None
            channel_of[attr] = free[0]
        ids = {
            (attr, mark): vocab.strings.add(f"{_MARK_PREFIX}{attr}={mark}")
            for attr, marks in plan.mark_values.items()
            for mark in marks
        }
        matcher = Matcher(vocab, validate=True)
        for key, patterns, kwargs in added:
            native = []
            for pattern in patterns:
                translated = []
                for spec in pattern:
                    spec = dict(spec)
                    for attr, mark in spec.pop("_", {}).items():
                        name = _CHANNELS[channel_of[attr]][0]
                        if name in spec:
                            return None  # two marks on one attribute
                        spec[name] = f"{_MARK_PREFIX}{attr}={mark}"
                    translated.append(spec)
                native.append(translated)
            matcher.add(key, native, **kwargs)
        return cls(matcher, channel_of, ids, frozenset(ids.values()))

    def set_marks(
        self, doc: Doc, windows: list[tuple[int, int]], marked: dict[int, list[tuple[str, str]]]
    ) -> Callable[[], None] | None:
        """Give the marked tokens of the windows their marks; returns what
        puts the old values back, or None (nothing changed) when the windows
        cannot be matched this way."""
        planned = []
        for start, end in windows:
            for i in range(start, end):
                tok = doc[i]
                old = (tok.ent_id, tok.ent_kb_id)
                if old[0] in self.all_ids or old[1] in self.all_ids:
                    return None
                new = list(old)
                taken = [False] * len(_CHANNELS)
                for attr, mark in marked.get(i, ()):
                    c = self.channel_of[attr]
                    if taken[c]:
                        return None
                    taken[c] = True
                    new[c] = self.ids[(attr, mark)]
                if any(taken):
                    planned.append((tok, old, new))
        for tok, _old, new in planned:
            tok.ent_id, tok.ent_kb_id = new

        def restore() -> None:
            for tok, old, _new in planned:
                tok.ent_id, tok.ent_kb_id = old

        return restore
