"""The ``numeric_atoms`` component: numbers, currencies, percent words, units
and hedges, the pieces the money/percent/quantity patterns are made of.

Each atom is a span in ``doc.spans["atoms_<kind>"]`` (a kind the Doc has no
atom of has no group: see :func:`store_group`) and marks its tokens with
``Token._.<kind> = "B"`` (first token) or ``"I"`` (the others), which is what
the Matcher patterns in ``patterns/*_patterns.jsonl`` match on.
"""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import pairwise
from typing import Any

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..kb import KnowledgeBase
from ..lexicon import Ambiguity, CurrencyEntry, Lexicon
from ..tokenizer import doc_text, token_words
from ..values import MAX_DIGITS, is_numeral, is_year_like, parse_digits, parse_number_words, scale
from .batched import ComponentMajor
from .extensions import doc_values, span_getter, span_setter, token_setter

_MAX_SEEN = 100_000  # numerals whose value is remembered before starting afresh

ATOM_GROUPS = {
    "num": "atoms_num",
    "cur": "atoms_cur",
    "pct": "atoms_pct",
    "unit": "atoms_unit",
    "hedge": "atoms_hedge",
}

#: doc.user_data key of {group: (the SpanGroup stored or None, its length,
#: the Span objects it was made from, what was worked out from them)}. Kept
#: on the Doc itself: a module-level WeakKeyDictionary keyed by the Doc leaked
#: every Doc, because its Span values hold the Doc alive (make bench: +125 %
#: peak memory from 200 to 2,000 articles).
_STORED_KEY = ("extractor", "stored_groups")
#: the words after which a capital letter opens a sentence or a quote
SENTENCE_OPENERS = frozenset({".", "!", "?", '"', "\u201c", "\u2018", "'", "--", "\u2014",
                              "\u2013", ":", ";", "(", "["})


def store_group(doc: Doc, key: str, spans: list[Span]) -> None:
    """``doc.spans[key] = spans``, remembering the Span objects for
    :func:`group_spans`. An empty group is not stored when the Doc has no
    group of that name yet (most articles have no currency, unit or hedge
    atom, many no amount of one kind or the other): a missing group reads as
    an empty one (``key in doc.spans`` first, or :func:`group_spans`)."""
    groups = doc.spans
    stored = None
    if spans or key in groups.data:  # SpanGroups is a UserDict: its dict, read in C
        groups[key] = spans
        stored = groups.data[key]
    doc.user_data.setdefault(_STORED_KEY, {})[key] = (stored, len(spans), spans, {})


def _stored(doc: Doc, key: str) -> tuple | None:
    """What :func:`store_group` remembered of ``doc.spans[key]``, while that
    is still the group it stored (same object, same length), or still
    missing when it stored none."""
    stored = doc.user_data.get(_STORED_KEY)
    found = stored.get(key) if stored is not None else None
    if found is not None:
        current = doc.spans.data.get(key)
        if current is found[0] and (current is None or len(current) == found[1]):
            return found
    return None


def group_spans(doc: Doc, key: str) -> list[Span]:
    """``list(doc.spans[key])``, empty when there is no such group. Reading
    a span group builds a new Span object for every span, and the rulers
    read the same groups again and again; while ``doc.spans[key]`` is still
    the group :func:`store_group` stored, the Span objects it was made from
    are returned instead."""
    found = _stored(doc, key)
    if found is not None:
        return list(found[2])
    return list(doc.spans[key]) if key in doc.spans else []


def atoms_derived(doc: Doc, what: Hashable, build: Callable[[dict[str, list[Span]]], Any]) -> Any:
    """``build({key: group_spans(doc, key) for key in ATOM_GROUPS.values()})``,
    worked out once per Doc (``what`` names it among the others) for the
    components that read the atom groups together (the three rulers), while
    every atom group is the one :func:`store_group` stored; not to be
    changed by them."""
    keys = ATOM_GROUPS.values()
    found = [_stored(doc, key) for key in keys]
    if None in found:
        return build({key: group_spans(doc, key) for key in keys})
    derived = found[0][3]  # kept with the first group's
    entry = derived.get(("atoms", what))
    if entry is None or not all(map(operator.is_, entry[0], found)):
        groups = {key: list(stored[2]) for key, stored in zip(keys, found, strict=True)}
        entry = derived[("atoms", what)] = (found, build(groups))
    return entry[1]


#: where each token mark comes from: an atom group and, for the currency
#: marks, the span attribute that says on which side of the number it stands
MARK_SOURCES: dict[str, tuple[str, str | None]] = {
    "num": (ATOM_GROUPS["num"], None),
    "cur_pre": (ATOM_GROUPS["cur"], "cur_before"),
    "cur_post": (ATOM_GROUPS["cur"], "cur_after"),
    "pct": (ATOM_GROUPS["pct"], None),
    "unit": (ATOM_GROUPS["unit"], None),
    "hedge": (ATOM_GROUPS["hedge"], None),
}


#: ``Token._.<attr>`` of the first token of an atom, and of the others
MARK_FIRST, MARK_INSIDE = "B", "I"


def marked_ranges(attr: str, spans: list[Span]) -> list[tuple[int, int]]:
    """``(start, end)`` of the atoms whose tokens ``Token._.<attr>`` marks
    (``MARK_FIRST`` on the first token, ``MARK_INSIDE`` on the others), given
    the spans of the atom group the mark comes from. The component sets the
    token attributes from this, and the rulers read the marks from it without
    touching the tokens."""
    flag = MARK_SOURCES[attr][1]
    if flag is None or not spans:
        return [(span.start, span.end) for span in spans]
    get = span_getter(flag)
    return [(span.start, span.end) for span in spans if get(span)]


class _StartsNumber:
    """Lexeme flag: the word is a numeral in digits, or a word that may start
    a spelled-out number (compared in lower case, as ``Token.lower_``). The
    vocabulary works it out once per word, and ``doc.to_array`` reads it for
    all tokens at once."""

    def __init__(self, may_start: frozenset[str], lower: Callable[[str], str] | None) -> None:
        self.may_start = may_start
        self.lower = lower

    def __call__(self, text: str) -> bool:
        if is_numeral(text):
            return True
        return (self.lower(text) if self.lower is not None else "") in self.may_start

    @classmethod
    def flag(cls, vocab, may_start: frozenset[str]) -> int:
        """The flag's ID in ``vocab``, added (as the highest free flag bit) if needed."""
        getters = vocab.lex_attr_getters
        lower = getters.get(LOWER)
        for flag_id, getter in getters.items():
            if (
                isinstance(getter, cls)
                and getter.may_start == may_start
                and getter.lower is lower
            ):
                return flag_id
        free = [bit for bit in range(63, 0, -1) if bit not in getters]
        if not free:
            raise ValueError("no free lexeme flag bit for the number-start flag")
        return vocab.add_flag(cls(may_start, lower), free[0])


_Match = tuple[int, int, int]  # (label id, start, end)


def _kept(matches: list[tuple[Any, int, int]], leftmost: bool = False
          ) -> list[tuple[Any, int, int]]:
    """What ``spacy.util.filter_spans`` keeps of spans made from these
    ``(anything, start, end)`` matches (longest first, then leftmost, the
    first of equal ones; none overlapping), sorted by start as it returns
    them; with no Span objects made for the purpose. ``leftmost``: the
    leftmost first, then the longest (units: ``11,360 cubic meters per
    second`` is cubic meters per second, not cubic and meters per second)."""
    if len(matches) < 2 or all(a[2] <= b[1] for a, b in pairwise(matches)):
        # by start already and none overlapping (three calls in four; a
        # match is never empty): all are kept, without the two sorts
        return list(matches)
    seen: set[int] = set()
    kept = []
    order = (lambda m: (-m[1], m[2] - m[1])) if leftmost else (lambda m: (m[2] - m[1], -m[1]))
    for match in sorted(matches, key=order, reverse=True):
        _, start, end = match
        if start not in seen and end - 1 not in seen:
            kept.append(match)
            seen.update(range(start, end))
    return sorted(kept, key=lambda m: m[1])


class _PhraseGroups:
    """Groups of phrases (currencies, units...) matched with one
    ``PhraseMatcher`` pass on the lower case: ``groups(doc)[group]`` is what
    a PhraseMatcher of that group's phrases alone finds (``(key id, start,
    end)``, by start, then end), on ``LOWER``, or on ``ORTH`` for a group of
    exact-case phrases (a match is kept when its words are those of one of
    the phrases under its key: the lower case of equal words is equal). A
    phrase may be in several groups, but in a group under one key only
    (under two, the matches of one span would come in the matcher's own
    order)."""

    def __init__(self, vocab, groups: Iterable[str]) -> None:
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        self._groups = tuple(groups)
        self._keys: dict[int, tuple[str, int]] = {}  # matcher key -> (group, the group's key)
        # matcher key of an exact-case group -> the words of its phrases
        self._exact: dict[int, set[tuple[str, ...]]] = {}
        self._phrases: dict[tuple[str, tuple], str] = {}  # -> its key

    def add(self, group: str, key: str, phrase: Doc, exact: bool = False) -> None:
        """``exact``: on ``ORTH``, not ``LOWER`` (a group's phrases are all
        one or all the other)."""
        words = tuple(token.text for token in phrase)
        seen = (group, words if exact else tuple(phrase.to_array("LOWER").tolist()))
        if self._phrases.setdefault(seen, key) != key:
            raise ValueError(f"{phrase.text!r} is in the {group!r} phrases under two keys")
        if group not in self._groups:
            raise ValueError(f"no phrase group {group!r}")
        strings = self.matcher.vocab.strings
        own = f"{group}:{key}"
        self.matcher.add(own, [phrase])
        self._keys[strings.add(own)] = (group, strings.add(key))
        if exact:
            self._exact.setdefault(strings.add(own), set()).add(words)

    def __call__(self, doc: Doc) -> dict[str, list[_Match]]:
        out: dict[str, list[_Match]] = {group: [] for group in self._groups}
        keys, exact = self._keys, self._exact
        texts = token_words(doc)[1]  # Token.text (ORTH)
        for match_id, start, end in self.matcher(doc):
            forms = exact.get(match_id)
            if forms is not None and tuple(texts[start:end]) not in forms:
                continue  # another case of an exact-case phrase
            group, key = keys[match_id]
            out[group].append((key, start, end))
        return out


def _spans(doc: Doc, matches: list[_Match]) -> list[Span]:
    return [Span(doc, start, end, label=label) for label, start, end in matches]


@dataclass(slots=True)  # not frozen: that makes each one cost some 2 us more
class _StartWord:
    """A word a number can start with: its value when it is a numeral in
    digits (else None), that value scaled by nothing, whether it looks like
    a year, and, for ``a``, ``an`` and the fraction words, the words (in
    lower case) one of which must come next (``a dozen``, ``half a
    million``; see ``NumericAtoms._number_words_end``). Made once per word
    and shared: not to be changed."""

    value: Decimal | None
    unscaled: Decimal | None  # scale(value, 0)
    year_like: bool
    followed_by: frozenset[str] | None

    @classmethod
    def of(cls, text: str, followed_by: frozenset[str] | None = None) -> _StartWord:
        value = parse_digits(text)
        return cls(value, scale(value, 0) if value is not None else None, is_year_like(text),
                   followed_by)


def _glued(idx: list[int], texts: list[str], i: int) -> bool:
    """Whether token ``i``, not the last, has no whitespace after it
    (``Token.whitespace_ == ""``), given the tokens' offsets and texts
    (:func:`.tokenizer.token_words`): the next token starts where it ends (a
    Doc's text is its tokens' texts, each followed by its whitespace)."""
    return idx[i] + len(texts[i]) == idx[i + 1]


def _noun_follows(words: list[str], i: int, stop: set[str]) -> bool:
    """Whether the word at ``i`` could go on a noun phrase: a word, not a stop word."""
    return i < len(words) and words[i].isalpha() and words[i].lower() not in stop


def singly_stop_words(stop_words: list[str]) -> set[str]:
    """The words that never modify a noun counted singly (see singly_counted_end)."""
    return set(stop_words) | {"more", "such", "other", "single"}


def singly_counted_end(words: list[str], i: int, singly: set[str],
                       stop: set[str], people: Collection[str] = ()) -> int | None:
    """End of a noun counted singly at ``i`` (``one person``), perhaps after one
    lower-case or nationality modifier (``one international flight``, ``one
    Canadian firm``), else None; a
    nationality word among ``people`` counts a person where no noun follows it
    (``one Canadian and one Italian``, not ``one Canadian dollar``). Read by
    the numeric atoms (is a lone ``one`` a figure?) and the quantity ruler (how
    far does its count reach?)."""
    n = len(words)
    if i < n and words[i].lower() in singly:
        return i + 1
    if i < n and words[i] in people and not _noun_follows(words, i + 1, stop):
        return i + 1
    if i + 1 < n and (words[i].isalpha() and words[i].islower() and words[i] not in stop
                      or words[i] in people) and words[i + 1].lower() in singly:
        return i + 2
    return None


class NumericAtoms(ComponentMajor):
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        lex = Lexicon.load()
        self.lex = lex
        self._cur_entries: dict[str, CurrencyEntry] = {}
        # one PhraseMatcher pass for all the phrases, the exact-case forms of
        # currencies and units in groups of their own ("cur_exact", "unit_exact")
        self._phrases = _PhraseGroups(
            nlp.vocab, ("cur_exact", "cur", "pct", "unit_exact", "unit", "hedge"))
        for i, entry in enumerate(lex.currencies):
            key = f"CUR{i}"
            self._cur_entries[key] = entry
            cs = entry.case_sensitive
            self._phrases.add("cur_exact" if cs else "cur", key, nlp.make_doc(entry.form), cs)
        for form, unit in lex.percent_forms.items():
            self._phrases.add("pct", unit, nlp.make_doc(form))
        for form, unit, cs in lex.units:
            self._phrases.add("unit_exact" if cs else "unit", unit, nlp.make_doc(form), cs)
        for form, qualifier in lex.hedges.items():
            self._phrases.add("hedge", qualifier, nlp.make_doc(form))
        nw = lex.number_words
        self._word_start = set(nw.units) | set(nw.tens) | {nw.dozen}
        self._word_any = self._word_start | set(nw.scales)
        self._scales = set(nw.scales) | {nw.dozen}
        self._magnitudes = lex.magnitudes
        self._date_words = set(lex.counted.date_words)
        self._counted_singly = set(lex.counted.counted_singly)
        self._counted_stop = singly_stop_words(lex.counted.stop_words)
        self._people = frozenset(KnowledgeBase.load().demonyms)  # "one Canadian"
        self._measure_words = {f.lower() for f in lex.percent_forms} | {
            form.lower() for form, _unit, _cs in lex.units
        }
        self._name_prefixes = set(lex.counted.name_prefixes)
        # "one percentage point", "one tonne": a lone "one" before a measure is a figure
        self._measure_starts = {f.split()[0] for f in self._measure_words}
        # "one yuan", "7.1 yuan to one U.S. dollar": and before a currency's name
        self._measure_starts |= {c.form.split()[0].lower() for c in lex.currencies
                                 if c.form[:1].isalpha() and not c.before}
        # "more than a meter", "just under a mile": a hedged "a" before a measure is one
        self._hedge_forms = {tuple(f.lower().split()) for f in lex.hedges}
        self._country_codes: dict[str, tuple[str, ...]] = {}  # see _codes_of
        self._amb_names: dict[str, list[tuple[str, str]]] = {}  # see _names_for
        self._territory_names: dict[str, list[str]] = {}  # country -> its names
        for name, code in lex.territory_names.items():
            self._territory_names.setdefault(code, []).append(name)
        # "a dozen", "half a million": _number_words_end
        may_start = frozenset(self._word_start | {"a", "an"} | set(lex.number_words.fractions))
        # what must come after "a" or a fraction word for a number to start there
        fractions = set(lex.number_words.fractions)
        after_article = frozenset(self._scales | fractions | self._measure_starts)
        after_fraction = frozenset(self._scales | {"a", "an"})
        self._followed_by = {word: after_fraction for word in fractions}
        self._followed_by.update(a=after_article, an=after_article)
        self._start_flag = _StartsNumber.flag(nlp.vocab, may_start)
        self._words: dict[str, _StartWord] = {}  # word -> what _numbers needs of it

    # ------------------------------------------------------------------ call
    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        found = self._phrases(doc)
        cur = self._currencies(doc, strings, found["cur_exact"] + found["cur"])
        taken = {i for s in cur for i in range(s.start, s.end)}
        unit_words, unit_symbols = found["unit"], found["unit_exact"]
        # a unit phrase ("twenty-foot equivalent units") is not a number
        word_units = {
            i for _, s, e in self._select(unit_words, taken) if e - s > 1 for i in range(s, e)
        }
        after_currency = set()  # the numbers a currency code or symbol stands before
        if cur:
            get_unit, get_before = span_getter("unit"), span_getter("cur_before")
            after_currency = {s.start for s in cur if get_unit(s) and get_before(s)}
        nums = self._numbers(doc, taken | word_units, after_currency)
        taken |= {i for s in nums for i in range(s.start, s.end)}
        pct = _spans(doc, self._select(found["pct"], taken))
        if self.lex.percent_factors:
            set_factor = span_setter("factor")
            text = doc_text(doc)  # span.text, without a Token object a word
            for span in pct:  # "100 basis points": 1 percentage point
                factor = self.lex.percent_factors.get(text[span.start_char:span.end_char].lower())
                if factor is not None:
                    set_factor(span, factor)
        taken |= {i for s in pct for i in range(s.start, s.end)}
        units = _spans(doc, _kept(self._select(unit_symbols, taken, leftmost=True)
                                  + self._select(unit_words, taken, leftmost=True), leftmost=True))
        units = self._resolve_pounds(doc, cur, units)
        cur = [s for s in cur if s.label_ != "UNIT"]
        hedges = _spans(doc, self._select(self._unblocked(doc, found["hedge"]), set()))
        self._mark(doc, "num", nums)
        self._mark(doc, "pct", pct)
        self._mark(doc, "unit", units)
        self._mark(doc, "hedge", hedges)
        self._mark(doc, "cur_pre", cur)
        self._mark(doc, "cur_post", cur)
        for kind, spans in (
            ("cur", cur), ("num", nums), ("pct", pct), ("unit", units), ("hedge", hedges)
        ):
            store_group(doc, ATOM_GROUPS[kind], spans)
        return doc

    # ------------------------------------------------------------ currencies
    def _currencies(self, doc: Doc, strings, matches: list[_Match]) -> list[Span]:
        if not matches:
            return []
        found = [
            (start, end, self._cur_entries[strings[match_id]])
            for match_id, start, end in matches
        ]
        chosen = {(s, e) for _, s, e in _kept([(0, s, e) for s, e, _ in found])}
        set_currency = span_setter("unit", "factor", "cur_before", "cur_after", "ambiguity")
        out = []
        seen = set()
        # ambiguous word -> the countries the article names that may tell it,
        # worked out only when it is met and the dateline tells nothing
        named: dict[str, list[str]] = {}
        for start, end, entry in found:
            key = (start, end)
            if key not in chosen or key in seen:
                continue
            seen.add(key)
            iso = entry.iso
            if iso is None:
                iso = self._resolve(doc, entry, named)
                amb = self.lex.ambiguity.get(entry.ambiguous or "")
                if iso is None and amb is not None and amb.only_in_context:
                    continue  # "the R2 road" in a story about Kenya
            span = Span(doc, start, end, label=iso or "UNKNOWN")
            set_currency(span, iso, entry.factor, entry.before, entry.after, entry.ambiguous)
            out.append(span)
        return sorted(out, key=lambda s: s.start)

    def _codes_of(self, country: str) -> tuple[str, ...]:
        """``Lexicon.currencies_of(country)``, asked once per country (CLDR's
        answer takes a look-up of its own each time)."""
        codes = self._country_codes.get(country)
        if codes is None:
            codes = self._country_codes[country] = tuple(self.lex.currencies_of(country))
        return codes

    def _names_for(self, amb: Ambiguity) -> list[tuple[str, str]]:
        """The country names (``Lexicon.territory_names``, in its order) of
        the countries that use one of the currencies ``amb`` may be."""
        names = self._amb_names.get(amb.word)
        if names is None:
            names = self._amb_names[amb.word] = [
                (name, code) for name, code in self.lex.territory_names.items()
                if any(c in amb.candidates for c in self._codes_of(code))
            ]
        return names

    def _named_countries(self, doc: Doc, amb: Ambiguity, dateline: list[str]) -> list[str]:
        """The countries the article names that use one of the currencies
        ``amb`` may be, most named first, after the dateline's countries
        (``dateline``, left out). (The other countries it names could tell
        nothing: :meth:`_resolve` passes them over, whatever their rank.)"""
        text = doc_text(doc)
        counts: Counter[str] = Counter()
        for name, code in self._names_for(amb):
            found = text.count(name)
            if found:
                counts[code] += found
        # a country named less often than the dateline's own is a party to the
        # story, not its subject: "Singapore remained the top investor" does not
        # make the dollars of a Hanoi story Singapore's
        home_names = self._territory_names.get(dateline[0], []) if dateline else []
        home = sum(text.count(name) for name in home_names)
        return [c for c, n in counts.most_common() if c not in dateline and n > home]

    def _resolve(
        self, doc: Doc, entry: CurrencyEntry, named: dict[str, list[str]]
    ) -> str | None:
        """The currency of the first country that uses one ``entry`` may be:
        the dateline's countries first, then those the article names
        (:meth:`_named_countries`, counted only when the dateline's tell
        nothing: counting the names of every country that may tell, in every
        article with an ambiguous currency word, took some 3 % of the atoms'
        instructions; ``named`` keeps them per ambiguous word)."""
        amb = self.lex.ambiguity.get(entry.ambiguous or "")
        if amb is None:
            return None
        dateline = doc_values("context_countries")(doc)[0] or []
        code = self._candidate_of(dateline, amb)
        if code is not None:
            return code
        countries = named.get(amb.word)
        if countries is None:
            countries = named[amb.word] = self._named_countries(doc, amb, dateline)
        code = self._candidate_of(countries, amb)
        return amb.default if code is None else code

    def _candidate_of(self, countries: list[str], amb: Ambiguity) -> str | None:
        """The first of ``amb``'s candidate currencies the countries use, in their order."""
        for country in countries:
            for code in self._codes_of(country):
                if code in amb.candidates:
                    return code
        return None

    def _resolve_pounds(self, doc: Doc, cur: list[Span], units: list[Span]) -> list[Span]:
        """``pounds`` is money in a country that has a pound, or after a big
        magnitude; otherwise the unit of weight."""
        if not cur:
            return units
        out = list(units)
        get_ambiguity = span_getter("ambiguity")
        words = token_words(doc)[1]  # Token.text; .lower() is Token.lower_
        for span in cur:
            amb = self.lex.ambiguity.get(get_ambiguity(span) or "")
            if amb is None or amb.also_unit is None:
                continue
            in_context = any(
                code in amb.candidates
                for c in (doc_values("context_countries")(doc)[0] or [])
                for code in self._codes_of(c)
            )
            prev = words[span.start - 1].lower() if span.start > 0 else ""
            nxt = words[span.end].lower() if span.end < len(words) else ""
            mag = self._magnitudes.get(prev)
            if nxt != "of" and (in_context or (mag is not None and mag.exponent >= 6)):
                continue
            span.label_ = "UNIT"
            unit = Span(doc, span.start, span.end, label=amb.also_unit)
            out.append(unit)
        return filter_spans(out)

    # ------------------------------------------------------------ simple atoms
    @staticmethod
    def _select(matches: list[_Match], taken: set[int], leftmost: bool = False
                ) -> list[_Match]:
        """The matches clear of ``taken``, without overlaps (longest first, or
        the leftmost first: see :func:`_kept`)."""
        return _kept([m for m in matches if taken.isdisjoint(range(m[1], m[2]))], leftmost)

    def _unblocked(self, doc: Doc, matches: list[_Match]) -> list[_Match]:
        """The hedge matches not cancelled by the word before them ("picked up
        to 3.6 percent" is a move, not "up to")."""
        blockers = self.lex.hedge_blockers
        if not blockers or not matches:
            return matches
        words = token_words(doc)[1]
        out = []
        for m in matches:
            _, start, end = m
            form = " ".join(words[start:end]).lower()
            if start > 0 and words[start - 1].lower() in blockers.get(form, ()):
                continue
            out.append(m)
        return out

    @staticmethod
    def _mark(doc: Doc, attr: str, spans: list[Span]) -> None:
        if not spans:
            return
        token_setter(attr)(doc, [
            (i, MARK_FIRST if i == start else MARK_INSIDE)
            for start, end in marked_ranges(attr, spans)
            for i in range(start, end)
        ])

    # ------------------------------------------------------------ numbers
    def _starts(self, doc: Doc) -> list[tuple[int, _StartWord]]:
        """The tokens a number can start at (the vocabulary flags those words,
        see :class:`_StartsNumber`), with what ``_numbers`` needs of the word,
        worked out once per word."""
        words = self._words
        if len(words) > _MAX_SEEN:
            words.clear()
        texts = token_words(doc)[1]  # the words, without a Token object each
        out = []
        for i in doc.to_array(self._start_flag).nonzero()[0].tolist():
            text = texts[i]
            word = words.get(text)
            if word is None:
                word = words[text] = _StartWord.of(text, self._followed_by.get(text.lower()))
            out.append((i, word))
        return out

    def _numbers(self, doc: Doc, taken: set[int], after_currency: set[int]) -> list[Span]:
        spans: list[Span] = []
        i = 0
        n = len(doc)
        starts = self._starts(doc)
        if not starts:
            return spans
        set_number = span_setter("mantissa", "exponent", "value", "unit")
        num_label = doc.vocab.strings.add("NUM")
        idx, texts = token_words(doc)  # the words, without a Token object each
        for i_start, word in starts:
            # any other token starts no number, nor does one inside the last
            if i_start < i:
                continue
            i = i_start
            if i in taken:
                continue
            mantissa = word.value
            end = i + 1
            if mantissa is not None:
                if self._excluded_digits(idx, texts, i):
                    continue
                # "816 000": a space as thousands separator.
                while (
                    end < n
                    and len(texts[end]) == 3
                    and texts[end].isdecimal()  # what Decimal() reads ("²" is a digit)
                    and texts[end - 1].lstrip("+-").isdigit()
                    and len(texts[i].lstrip("+-")) <= 3
                    and not _glued(idx, texts, end - 1)
                ):
                    if mantissa.adjusted() < MAX_DIGITS:
                        mantissa = mantissa * 1000 + Decimal(texts[end])
                    end += 1
                if mantissa.adjusted() >= MAX_DIGITS:  # "1 000 000 000 ...": no figure
                    i = end
                    continue
            else:
                follows = word.followed_by
                if follows is not None and (i + 1 >= n or texts[i + 1].lower() not in follows):
                    continue  # "a", "half" not before a scale or measure word: no number
                words_end = self._number_words_end(doc, i)
                if words_end is None:
                    continue
                words = texts[i:words_end]
                fractions = self.lex.number_words.fractions
                mantissa = parse_number_words(words, fractions=fractions)
                last = self._magnitudes.get(words[-1].lower())
                if mantissa is None and last is not None and len(words) > 1:
                    # text2num does not read every scale word ("one trillion")
                    head = parse_number_words(words[:-1], fractions=fractions)
                    mantissa = scale(head, last.exponent) if head is not None else None
                if mantissa is None:
                    continue
                end = words_end
            exponent = 0
            had_currency = (i - 1) in after_currency or i in after_currency
            for _ in range(2):
                if end >= n or end in taken:
                    break
                nxt = texts[end]
                if nxt == "-" and end == i + 1 and end + 2 < n and _glued(idx, texts, end - 1) \
                        and _glued(idx, texts, end) and texts[end + 1].isalpha():
                    mag = self._magnitudes.get(texts[end + 1].lower())
                    if mag is not None and not mag.glued_only and not mag.requires_currency:
                        exponent += mag.exponent  # "a 7-billion-dollar program"
                        end += 2
                        break
                mag = self._magnitudes.get(nxt.lower()) or self._magnitudes.get(nxt)
                if mag is None:
                    break
                glued = _glued(idx, texts, end - 1)
                if mag.glued_only and not glued:
                    break
                if mag.requires_currency and not had_currency:
                    break
                exponent += mag.exponent
                end += 1
            span = Span(doc, i, end, label=num_label)
            single = end == i + 1
            set_number(
                span,
                mantissa,
                exponent,
                # a lone numeral in digits: its scaled value is the word's
                word.unscaled if single and word.value is not None else scale(mantissa, exponent),
                "year" if (single and word.year_like) else None,
            )
            spans.append(span)
            i = end
        return spans

    def _excluded_digits(self, idx: list[int], texts: list[str], i: int) -> bool:
        """Dates, names with numbers (``No. 1``, ``Boeing 737``), compound
        adjectives; given the tokens' offsets and words (Token.text;
        ``.lower()`` is Token.lower_, ``.isalpha()`` is_alpha)."""
        n = len(texts)
        prev = texts[i - 1] if i > 0 else None
        nxt = texts[i + 1] if i + 1 < n else None
        if prev is not None and prev in self._name_prefixes:
            return True
        if prev is not None and prev in self._date_words:
            word = texts[i]  # "June 15", "June 2024", but "in June 46,000 tonnes"
            if word.isdigit() and (len(word) <= 2 or len(word) == 4):
                return True
        if nxt is not None and nxt in self._date_words and texts[i].isdigit():
            return True
        if prev is not None and prev in ("-", "–") and _glued(idx, texts, i - 1) and i >= 2:
            if texts[i - 2].isalpha() and _glued(idx, texts, i - 2):
                return True  # "Chang'e-6", "Su-35"
        if (
            nxt is not None
            and nxt == "-"
            and i + 2 < n
            and _glued(idx, texts, i + 1)
            and _glued(idx, texts, i)
            and texts[i + 2].isalpha()
            and texts[i + 2].lower() not in self._magnitudes
            and texts[i + 2].lower() not in self._measure_words
            and texts[i + 2].lower() not in self._measure_starts  # "50-basis-point"
        ):
            return True  # "35-year-old", "3-day" (but "7-percent", "1,035-kilometer")
        return False

    def _after_hedge(self, texts: list[str], i: int) -> bool:
        """Whether the words before ``i`` end with a hedge (``more than``, ``nearly``)."""
        return any(
            len(form) <= i and tuple(t.lower() for t in texts[i - len(form):i]) == form
            for form in self._hedge_forms
        )

    def _number_words_end(self, doc: Doc, i: int) -> int | None:
        """End of a spelled-out number starting at ``i`` (``a dozen``, ``twenty-one``)."""
        texts = token_words(doc)[1]

        def lower(k: int) -> str:
            return texts[k].lower()  # Token.lower_, without the Token

        low = lower(i)
        n = len(texts)
        if texts[i][:1].isupper() and i > 0 and not texts[i - 1].isspace() \
                and texts[i - 1] not in SENTENCE_OPENERS and not texts[i - 1].endswith("."):
            return None  # "the Three Gorges project", "In 2024, Three Gorges": a name
        j = i
        fractions = self.lex.number_words.fractions
        if low in ("a", "an"):
            if i + 1 < n and lower(i + 1) in self._scales:
                j = i + 1
            elif i + 2 < n and lower(i + 1) in fractions and lower(i + 2) in self._scales:
                j = i + 2  # "a half dozen"
            elif i + 1 < n and lower(i + 1) in self._measure_starts and self._after_hedge(texts, i):
                return i + 1  # "more than a meter", "just under a mile"
            elif i + 2 < n and lower(i + 1) in fractions and lower(i + 2) in self._measure_starts:
                return i + 2  # "a quarter percentage point"
            elif i + 4 < n and lower(i + 1) in fractions and lower(i + 2) == "of" \
                    and lower(i + 3) in ("a", "an") and lower(i + 4) in self._measure_starts:
                return i + 4  # "a quarter of a percentage point"
            else:
                return None
        elif low in fractions:  # "half a million", "half a dozen", "half dozen"
            if i + 2 < n and lower(i + 1) in ("a", "an") and lower(i + 2) in self._scales:
                j = i + 2
            elif i + 1 < n and lower(i + 1) in self._scales:
                j = i + 1
            elif i + 2 < n and lower(i + 1) in ("a", "an") and lower(i + 2) in self._measure_starts:
                return i + 2  # "half a percentage point", "half a meter"
            else:
                return None
        elif low not in self._word_start:
            return None
        end = j + 1
        while end < n:
            t = lower(end)
            if t in self._word_any:
                end += 1
            elif t in ("-", "and") and end + 1 < n and lower(end + 1) in self._word_start:
                if t == "and" and lower(end - 1) not in ("hundred", "thousand"):
                    break
                end += 2
            else:
                break
        if (end + 2 < n and lower(end) == "and" and lower(end + 1) in ("a", "an")
                and lower(end + 2) in fractions):
            end += 3  # "two and a half"
        words = [lower(k) for k in range(i, end)]
        if words in ([w] for w in self.lex.number_words.standalone_excluded) \
                and not (end < n and lower(end) in self._measure_starts) \
                and not (end + 1 < n and lower(end) in ("or", "to")
                         and lower(end + 1) in self._word_start) \
                and singly_counted_end(texts, end, self._counted_singly,
                                       self._counted_stop, self._people) is None:
            return None  # "one of the", but "one person was killed"
        # a trailing scale word that is a magnitude is left to the magnitude step
        return end


@Language.factory(
    "numeric_atoms",
    assigns=[
        "token._.num", "token._.cur_pre", "token._.cur_post", "token._.pct",
        "token._.unit", "token._.hedge", "doc.spans",
    ],
    requires=["doc._.context_countries"],
)
def make_numeric_atoms(nlp: Language, name: str) -> NumericAtoms:
    return NumericAtoms(nlp, name)
