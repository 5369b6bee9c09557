"""Matcher matches remembered by the shape of the window matched.

The fact builder runs its period patterns (``patterns/period_patterns.jsonl``)
on short windows of an article; spaCy's ``Matcher`` costs several
microseconds a token there (its ``IN`` word lists are Python calls). The
patterns test only attributes of the word itself, so what the Matcher finds
in a window depends only on which of the patterns' token specs each of its
words passes, worked out once per word; most windows repeat the shape of one
seen before (``in January 2023``, ``in March 2024``): :class:`WindowMemo`
runs the Matcher once per shape.

A token can be in a match only where some pattern can have got to a spec
that accepts it: its first spec (or one after optional ones), or one that
may follow a spec the token before could be in. Most prose (``rose``,
``yuan``) is in no such place, so a window is cut at those tokens and the
Matcher sees only the runs between them: each run gives the matches the
window has there (a match is contiguous and every token of it is in such a
place), and short runs (``in 2023``, ``the first half of``) repeat far
more often than whole windows do. A run is cut again, from its end, where a
token is in no place from which a match can be completed: a spec that can
end a match, or one the token after can follow (``in June`` of ``in June
to a``, where ``to`` goes on to no month and ``a`` to no ``year ago``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from spacy.attrs import IDS
from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc

#: boolean word attributes a remembered pattern may test (read from the Lexeme)
_WORD_BOOLS = {"IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
               "IS_PUNCT", "IS_SPACE", "IS_STOP", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT",
               "IS_RIGHT_PUNCT", "IS_CURRENCY", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"}
#: string word attributes a remembered pattern may test, and the Lexeme's name for
#: them (as the string's ID, which the Matcher compares too)
_WORD_STRINGS = {"ORTH": "orth", "TEXT": "orth", "LOWER": "lower", "SHAPE": "shape",
                 "PREFIX": "prefix", "SUFFIX": "suffix"}
#: the most window shapes and words remembered (then forgotten all at once)
_MAX_REMEMBERED = 50_000


def _word_tests(patterns: list[list[dict[Any, Any]]]) -> _WordTests | None:
    """What the patterns can tell of a word (see :class:`_WordTests`). None
    when a pattern tests anything else (a token attribute, ``_``, a
    predicate other than a word list)."""
    flags = 0
    strings: dict[str, set[str]] = {}
    for pattern in patterns:
        for spec in pattern:
            for key, value in spec.items():
                if isinstance(key, int):
                    if not 0 < key < 64 or not isinstance(value, int):
                        return None
                    flags |= 1 << key
                    continue
                name = key.upper()
                if name == "OP":
                    continue
                if name in _WORD_BOOLS and isinstance(value, bool):
                    flags |= 1 << IDS[name]  # the Lexeme reads it from its flag bit
                elif name in _WORD_STRINGS and isinstance(value, str):
                    strings.setdefault(_WORD_STRINGS[name], set()).add(value)
                elif name in _WORD_STRINGS and isinstance(value, dict) and len(value) == 1 \
                        and next(iter(value)) in ("IN", "NOT_IN") \
                        and all(isinstance(w, str) for w in next(iter(value.values()))):
                    strings.setdefault(_WORD_STRINGS[name], set()).update(
                        next(iter(value.values())))
                else:
                    return None
    return _WordTests(flags, tuple((s, frozenset(map(get_string_id, w)))
                                   for s, w in sorted(strings.items())))


class _WordTests(NamedTuple):
    """What the patterns can tell of a word: the flag bits they test (the
    boolean attributes among them, ``IS_ALPHA``...: the Lexeme reads those
    from their bits), and per string attribute tested (the Lexeme's name for
    it) the IDs of the words the patterns name."""

    flags: int
    strings: tuple[tuple[str, frozenset[int]], ...]

    def signature(self, lex: Lexeme) -> tuple:
        """The word's flags tested, then each string attribute tested (its
        ID) when it is one of the words named (else None)."""
        out: list[Any] = [lex.flags & self.flags]
        for name, words in self.strings:
            value = getattr(lex, name)
            out.append(value if value in words else None)
        return tuple(out)


class WindowMemo:
    """``matcher(doc[start:end])`` as ``(match_id, start, end)`` in document
    offsets, remembered when every pattern tests only attributes of the word
    itself (its flags, the boolean attributes tested, its text, lower case or
    shape when the patterns name it). The window is cut into runs where no
    match can be (see the module's description), and a run's matches are
    remembered by the token specs each of its words passes: the Matcher sees
    nothing else, so ``in January 2023`` and ``in March 2024`` are one run
    to it, and most runs of an article are of a kind seen before. When a
    pattern negates a spec (``"OP": "!"``) the window is not cut and is
    remembered by what the patterns can tell of each word. A matcher with
    callbacks, or patterns that test anything else, is simply run."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self._count = -1  # patterns the tests were read from
        self._tests: _WordTests | None = None
        self._places = _SpecPlaces.uncut()
        # a run's shape (the specs each of its words passes) -> its matches, in
        # run offsets
        self._shapes: dict[tuple, tuple[tuple[int, int, int], ...]] = {}
        # the same for the parts a run is cut into, as the Matcher finds them
        # (by the words' signatures when windows are not cut)
        self._parts: dict[tuple, tuple[tuple[int, int, int], ...]] = {}
        self._specs: dict[str, int] = {}  # word -> the token specs it passes

    def _read_patterns(self) -> _WordTests | None:
        patterns = self.matcher._patterns
        count = sum(map(len, patterns.values()))
        if count != self._count:
            self._count = count
            callbacks = any(cb is not None for cb in self.matcher._callbacks.values())
            flat = [p for ps in patterns.values() for p in ps]
            self._tests = None if callbacks else _word_tests(flat)
            tested = self._tests is not None and (self._tests.flags or self._tests.strings)
            self._places = (_SpecPlaces.of(self._tests, flat) if tested
                            else _SpecPlaces.uncut())
            self._shapes.clear()
            self._parts.clear()
            self._specs.clear()
        return self._tests

    def __call__(self, doc: Doc, start: int, end: int,
                 words: list[str]) -> list[tuple[int, int, int]]:
        """``words``: the Doc's token texts."""
        return self.windows(doc, [(start, end)], words)

    def windows(self, doc: Doc, windows: Iterable[Sequence[int]],
                words: list[str]) -> list[tuple[int, int, int]]:
        """The matches of each window ``(start, end)`` in turn, as
        :meth:`__call__` gives them (``words``: the Doc's token texts)."""
        tests = self._read_patterns()
        out: list[tuple[int, int, int]] = []
        if tests is None:
            for start, end in windows:
                out += [(m, start + s, start + e) for m, s, e in self.matcher(doc[start:end])]
            return out
        if self._places.specs is None:  # not cut
            signature = tests.signature
            vocab = doc.vocab
            for start, end in windows:
                out += _moved(start, self._matched(
                    doc, start, tuple([signature(vocab[w]) for w in words[start:end]])))
            return out
        specs = self._specs
        if len(specs) > _MAX_REMEMBERED:
            specs.clear()
        known = specs.get
        following = self._places.following
        for start, end in windows:
            shape: list[int] = []
            reached = 0  # the specs the token before is in a place for
            for i in range(start, end):
                passed = known(words[i])
                if passed is None:
                    passed = self._read_word(doc, i, words[i], tests)
                if passed and (reached := passed & following[reached]):
                    shape.append(passed)
                    continue
                reached = 0
                if shape:  # in no match: the run before it ends here
                    out += self._run_matches(doc, i - len(shape), shape)
                    shape = []
            if shape:
                out += self._run_matches(doc, end - len(shape), shape)
        return out

    def _run_matches(self, doc: Doc, start: int, shape: list[int]) -> list[tuple[int, int, int]]:
        """The matches, in Doc offsets, of the run from ``start`` whose words
        pass the specs ``shape`` (see :meth:`_run`)."""
        key = tuple(shape)
        found = self._shapes.get(key)
        if found is None:
            found = self._run(doc, start, key)
        return _moved(start, found) if found else []

    def _read_word(self, doc: Doc, i: int, word: str, tests: _WordTests) -> int:
        """The token specs ``word``, token ``i``, passes, remembered."""
        passed = self._specs[word] = self._places.accepting(tests.signature(doc[i].lex))
        return passed

    def _run(self, doc: Doc, start: int, shape: tuple[int, ...]
             ) -> tuple[tuple[int, int, int], ...]:
        """The matches, in run offsets, in the run of words from ``start`` on
        that pass the specs ``shape`` (remembered): those of its parts
        between the words from which no match can be completed."""
        following, completing = self._places.following, self._places.completing
        places = []  # the specs each word is in a place for
        reached = 0
        for passed in shape:
            reached = passed & following[reached]
            places.append(reached)
        cuts: list[tuple[int, int]] = []
        live = [0] * len(shape)  # the specs each word can be in a match through
        stop = 0  # the end of the part being read (0: none yet)
        after = 0  # the specs the word after is in a place to complete a match from
        for k in range(len(shape) - 1, -1, -1):
            after = live[k] = places[k] & completing[after]
            if after:
                stop = stop or k + 1
            elif stop:
                cuts.append((k + 1, stop))
                stop = 0
        if stop:
            cuts.append((0, stop))
        found: list[tuple[int, int, int]] = []
        for a, b in reversed(cuts):
            # a part is remembered by the specs its words can be in a match
            # through: a spec a word passes that no match gets through is a way
            # the Matcher tries and gives up, which adds no match (so parts that
            # differ only there are one to it: a third fewer Matcher runs)
            found += _moved(a, self._matched(doc, start + a, tuple(live[a:b])))
        if len(self._shapes) > _MAX_REMEMBERED:
            self._shapes.clear()
        remembered = self._shapes[shape] = tuple(found)
        return remembered

    def _matched(self, doc: Doc, start: int, key: tuple) -> tuple[tuple[int, int, int], ...]:
        """The Matcher's matches, in run offsets, in the ``len(key)`` words
        from ``start`` on, remembered by ``key``."""
        found = self._parts.get(key)
        if found is None:
            if len(self._parts) > _MAX_REMEMBERED:
                self._parts.clear()
            found = self._parts[key] = tuple(self.matcher(doc[start:start + len(key)]))
        return found


def _moved(start: int, found: Iterable[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Matches in offsets from ``start`` on, in offsets from 0."""
    return [(m, start + s, start + e) for m, s, e in found]


def _op_kind(op: Any) -> tuple[bool, bool] | None:
    """Whether a token spec with this operator may be skipped, and whether
    it may take more than one token (``{n,m}``: both, to be safe); None for
    ``!`` (a token that fails the spec is matched)."""
    if op is None:
        return False, False
    if op == "+":
        return False, True
    if op == "?":
        return True, False
    if op == "*" or isinstance(op, str) and op.startswith("{"):
        return True, True
    return None


class _SpecPlaces:
    """The token specs of the patterns as bits of an int: which specs a word
    passes (read from the word's signature, see :class:`_WordTests`), which a
    match can start with, and which can come after which. A token is in a
    place for a spec when it passes it and the spec can start a match or
    follow one the token before was in a place for; every token of a match
    is (and more tokens are thought to be than are, which only makes runs
    longer). From a place for a spec a match can be completed when the spec
    can end a match (the specs after it may be skipped) or the token after
    is in a place for a spec that can follow it."""

    def __init__(self, specs: _SpecIndex | None, follows: list[int], first: int,
                 last: int = -1) -> None:
        self.specs = specs  # None: every token is taken to pass every spec
        self.following = _Following(follows, first)
        # bit -> the specs it can follow
        befores = [0] * len(follows)
        for bit, after in enumerate(follows):
            for later in _bits(after):
                befores[later] |= 1 << bit
        self.completing = _Following(befores, last)
        self._accepting: dict[tuple, int] = {}

    @classmethod
    def uncut(cls) -> _SpecPlaces:
        """Every token in a place for every spec: the windows are not cut."""
        return cls(None, [], -1)

    @classmethod
    def of(cls, tests: _WordTests, patterns: list[list[dict[Any, Any]]]) -> _SpecPlaces:
        """:meth:`uncut` when a spec is negated (``"OP": "!"``)."""
        specs: list[dict[Any, Any]] = []
        follows: list[int] = []
        first = last = 0
        for pattern in patterns:
            kinds = [_op_kind(spec.get("OP")) for spec in pattern]
            if None in kinds:
                return cls.uncut()
            skipped = [kind[0] for kind in kinds]
            base = len(follows)
            for k, spec in enumerate(pattern):
                specs.append(spec)
                after = 1 << (base + k) if kinds[k][1] else 0  # the same spec again
                for j in range(k + 1, len(pattern)):  # the next, and those after skipped ones
                    after |= 1 << (base + j)
                    if not skipped[j]:
                        break
                follows.append(after)
            for k in range(len(pattern)):
                first |= 1 << (base + k)
                if not skipped[k]:
                    break
            for k in range(len(pattern) - 1, -1, -1):
                last |= 1 << (base + k)
                if not skipped[k]:
                    break
        return cls(_SpecIndex(tests, specs), follows, first, last)

    def accepting(self, signature: tuple) -> int:
        """The specs a word of this ``signature`` passes (remembered)."""
        if self.specs is None:
            return -1
        bits = self._accepting.get(signature)
        if bits is None:
            if len(self._accepting) > _MAX_REMEMBERED:
                self._accepting.clear()
            bits = self._accepting[signature] = self.specs.passed(signature)
        return bits


class _SpecIndex:
    """Which token specs (bits of an int) a word passes, read from its
    signature (see :class:`_WordTests`) as spaCy's Matcher compares (its
    ``_get_attr_values`` and ``_SetPredicate``): a boolean as 0 or 1, a
    string by its ID, ``IN`` and ``NOT_IN`` by membership. Indexed by the
    values named, so that a word of a new signature costs a few lookups, not
    a Matcher run of one pattern per spec over it (a few hundred
    microseconds: a Python call per ``IN`` list, and some 130 new signatures
    come in the first 150 articles)."""

    def __init__(self, tests: _WordTests, specs: list[dict[Any, Any]]) -> None:
        places = {name: k for k, (name, _words) in enumerate(tests.strings, 1)}
        # flag bit -> the specs that fail when it is set, and when it is clear
        flags: dict[int, list[int]] = {}
        # per string attribute: the specs that test it, those that pass by the
        # word's ID, those that test only which words it is not, and by ID
        # those of these it fails
        tested = [0] * len(tests.strings)
        named: list[dict[int, int]] = [{} for _ in tests.strings]
        negated = [0] * len(tests.strings)
        excluded: list[dict[int, int]] = [{} for _ in tests.strings]
        for index, spec in enumerate(specs):
            bit = 1 << index
            wanted: dict[int, set[int]] = {}  # attribute -> the words it must be
            unwanted: dict[int, set[int]] = {}  # attribute -> the words it must not be
            for key, value in spec.items():
                if isinstance(key, int) or key.upper() in _WORD_BOOLS:
                    fails = flags.setdefault(key if isinstance(key, int) else IDS[key.upper()],
                                             [0, 0])
                    if int(value) != 1:
                        fails[0] |= bit
                    if int(value) != 0:
                        fails[1] |= bit
                elif key.upper() in _WORD_STRINGS:
                    k = places[_WORD_STRINGS[key.upper()]]
                    if isinstance(value, str):
                        op, words = "IN", {get_string_id(value)}
                    else:
                        (op, listed), = value.items()
                        words = set(map(get_string_id, listed))
                    if op == "IN":
                        wanted[k] = wanted[k] & words if k in wanted else words
                    else:
                        unwanted.setdefault(k, set()).update(words)
            for k in wanted.keys() | unwanted.keys():
                tested[k - 1] |= bit
                if k in wanted:
                    for word in wanted[k] - unwanted.get(k, set()):
                        named[k - 1][word] = named[k - 1].get(word, 0) | bit
                else:
                    negated[k - 1] |= bit
                    for word in unwanted[k]:
                        excluded[k - 1][word] = excluded[k - 1].get(word, 0) | bit
        self.all = (1 << len(specs)) - 1
        self.flags = [(flag, fails[0], fails[1]) for flag, fails in sorted(flags.items())]
        self.strings = [(k, self.all & ~tested[k - 1], named[k - 1], negated[k - 1],
                         excluded[k - 1]) for k in range(1, len(tests.strings) + 1)]

    def passed(self, signature: tuple) -> int:
        """The specs a word of this signature passes."""
        flags = signature[0]
        failed = 0
        for flag, when_set, when_clear in self.flags:
            failed |= when_set if flags >> flag & 1 else when_clear
        bits = self.all & ~failed
        for k, untested, named, negated, excluded in self.strings:
            word = signature[k]
            bits &= untested | named.get(word, 0) | negated & ~excluded.get(word, 0)
        return bits


class _Following(dict):
    """``following[reached]``: the specs that can take the token after one
    in a place for the specs ``reached``: those a match can start with, and
    those that can follow one of ``reached``. Worked out once per value.
    (Read backwards, with the specs each spec can follow and the specs that
    can end a match: the specs from which a match can be completed when the
    token after is in a place for ``reached``.)"""

    def __init__(self, follows: list[int], first: int) -> None:
        super().__init__()
        self.follows = follows  # bit -> the specs that can take the next token
        self.first = first

    def __missing__(self, reached: int) -> int:
        if len(self) > _MAX_REMEMBERED:
            self.clear()
        found = self.first
        for bit in _bits(reached):  # (a few of the patterns' hundreds of specs)
            found |= self.follows[bit]
        self[reached] = found
        return found


def _bits(mask: int) -> Iterator[int]:
    """The bits set in ``mask`` (not negative), lowest first: a few of
    some hundred, found without testing the others one by one."""
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low
