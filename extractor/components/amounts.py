"""The ``money_ruler``, ``percent_ruler`` and ``quantity_ruler`` components.

Each matches the shapes in its ``patterns/<kind>_patterns.jsonl`` (spaCy
Matcher patterns over the atoms of :mod:`.atoms`), settles overlaps as
``filter_spans`` does, extends a match with its hedge, sign and per-unit tail, and
stores the result in ``doc.spans[<kind>]`` (no group when there is none: see
:func:`.atoms.store_group`) with normalised values on
``Span._.value`` / ``value_max`` / ``unit`` / ``qualifier`` / ``per``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..data import pattern_file
from ..kb import KnowledgeBase
from ..lexicon import Lexicon
from ..tokenizer import doc_text, token_words
from ..values import scale
from .atoms import (
    ATOM_GROUPS,
    MARK_SOURCES,
    _kept,  # filter_spans on (anything, start, end) triples
    atoms_derived,
    group_spans,
    marked_ranges,
    singly_counted_end,
    singly_stop_words,
    store_group,
)
from .batched import ComponentMajor
from .extensions import doc_values, span_accessors
from .windowed import WindowedMatcher

#: doc.spans keys, in the order the rulers run; a later kind never overlaps an earlier one
SPAN_KEYS = {"money": "money", "percent": "percentages", "quantity": "quantities"}
AND_OR = ("and", "or")
#: words before "top" that make it a rank, not the verb ("sales top 7 million")
RANK_DETERMINERS = ("the", "'s", "its", "their", "his", "her", "our")


class _Tables:
    """What the three rulers read of the atom groups, worked out once per
    Doc (:func:`.atoms.atoms_derived`): each read of a span group builds new
    Span objects, and the rulers look at the same atoms."""

    __slots__ = ("nums", "num_starts", "units", "measures_by_start", "hedges_by_end", "marked",
                 "accessors")

    def __init__(self, groups: dict[str, list[Span]]) -> None:
        self.nums, self.num_starts = _in_order(groups[ATOM_GROUPS["num"]])
        # group -> its atoms and their starts (see _within)
        self.units = {
            key: _in_order(groups[key]) for key in (ATOM_GROUPS[k] for k in ("cur", "pct", "unit"))
        }
        # units of measurement and currencies, for "per tonne", "per U.S. dollar"
        self.measures_by_start = {**_by_start(groups[ATOM_GROUPS["cur"]]),
                                  **_by_start(groups[ATOM_GROUPS["unit"]])}
        self.hedges_by_end = _by_end(groups[ATOM_GROUPS["hedge"]])
        # Token._.<attr> -> the atoms it marks, for the windowed matcher
        self.marked = {
            attr: marked_ranges(attr, groups[group]) for attr, (group, _) in MARK_SOURCES.items()
        }
        # what reads the atoms' span._ values and sets the mentions' (see _DocAtoms)
        self.accessors = span_accessors(
            ("value", "mantissa", "exponent", "unit", "factor"),
            ("value", "value_max", "qualifier", "per", "unit"),
        )


@dataclass(slots=True)  # not frozen: that makes each one cost some 2 us more
class _DocAtoms:
    """The atoms a ruler looks at, read from ``doc.spans`` once per document
    for the three rulers (:class:`_Tables`), and the Doc's words."""

    nums: list[Span]
    units: list[Span]  # the ruler's own unit atoms: currencies, percent words or units
    measures_by_start: dict[int, Span]  # units and currencies, for "per tonne", "per dollar"
    hedges_by_end: dict[int, Span]
    marked: dict[str, list[tuple[int, int]]]  # see _Tables
    words: list[str]  # Token.text of every token (tokenizer.token_words)
    # span._.<attr> of atoms, and what sets a mention's attributes
    value: Callable[[Span], Any]
    mantissa: Callable[[Span], Any]
    exponent: Callable[[Span], Any]
    unit: Callable[[Span], Any]
    factor: Callable[[Span], Any]
    set_mention: Callable[..., None]  # (span, value, value_max, qualifier, per, unit)
    _num_starts: list[int] | None  # for bisection, when the lists are in order
    _unit_starts: list[int] | None

    @classmethod
    def read(cls, doc: Doc, unit_group: str) -> _DocAtoms:
        """The atoms, with the tables made of them once per Doc for all the
        rulers."""
        tables = atoms_derived(doc, "rulers", _Tables)
        units, unit_starts = tables.units[unit_group]
        value, mantissa, exponent, unit, factor, set_mention = tables.accessors
        return cls(
            nums=tables.nums,
            units=units,
            measures_by_start=tables.measures_by_start,
            hedges_by_end=tables.hedges_by_end,
            marked=tables.marked,
            words=token_words(doc)[1],
            value=value,
            mantissa=mantissa,
            exponent=exponent,
            unit=unit,
            factor=factor,
            set_mention=set_mention,
            _num_starts=tables.num_starts,
            _unit_starts=unit_starts,
        )

    def nums_within(self, start: int, end: int) -> list[Span]:
        return _within(self.nums, self._num_starts, start, end)

    def units_within(self, start: int, end: int) -> list[Span]:
        return _within(self.units, self._unit_starts, start, end)


def _within(spans: list[Span], starts: list[int] | None, start: int, end: int) -> list[Span]:
    """The spans inside ``start:end``, in list order; by bisection when
    ``starts`` (the spans' starts, ascending) is given."""
    if starts is None:
        return [s for s in spans if s.start >= start and s.end <= end]
    out = []
    for k in range(bisect_left(starts, start), len(spans)):
        s = spans[k]
        if s.start >= end:
            break  # this and all after it start at or past the end
        if s.end <= end:
            out.append(s)
    return out


def _ascending_starts(spans: list[Span]) -> list[int] | None:
    starts = [s.start for s in spans]
    return starts if all(a <= b for a, b in zip(starts, starts[1:], strict=False)) else None


def _in_order(spans: list[Span]) -> tuple[list[Span], list[int] | None]:
    return spans, _ascending_starts(spans)


def _by_start(spans: list[Span]) -> dict[int, Span]:
    return {s.start: s for s in spans}


def _by_end(spans: list[Span]) -> dict[int, Span]:
    return {s.end: s for s in spans}


#: a mention before its Span is made: ((value, value_max, qualifier, per,
#: unit), start, end)
_Mention = tuple[tuple[Any, Any, Any, Any, Any], int, int]


def _filter_ranges(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """What ``filter_spans`` keeps of spans with these ``(start, end)``."""
    return [(s, e) for _, s, e in _kept([(None, s, e) for s, e in found])]


def _text(doc: Doc, start: int, end: int) -> str:
    """``doc[start:end].text``, cut from the text the Doc was made of."""
    if start >= end:
        return ""
    idx, words = token_words(doc)
    return doc_text(doc)[idx[start]:idx[end - 1] + len(words[end - 1])]


class _AmountRuler(ComponentMajor):
    kind: str = ""
    unit_group: str = ""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        lex = Lexicon.load()
        self.lex = lex
        self.matcher = WindowedMatcher(nlp.vocab)
        for row in pattern_file(f"{self.kind}_patterns.jsonl"):
            self.matcher.add(row.id, [row.pattern], greedy="LONGEST")
        rng = lex.ranges
        self._separators = set(rng.separators)
        self._change = set(rng.change_words)
        self._from = set(rng.from_)
        self._range_words = set(rng.range_words)
        self._per = set(rng.per_words)
        self._per_article = set(rng.per_article_words)
        self._per_blockers = set(rng.per_blockers)
        self._periods = {"day", "week", "month", "year", "hour", "person", "head"}
        self._signs = lex.signs
        self._label = nlp.vocab.strings.add(self.kind.upper())

    # -------------------------------------------------------------- pipeline
    def __call__(self, doc: Doc) -> Doc:
        atoms = _DocAtoms.read(doc, self.unit_group)
        if not atoms.nums:
            # every mention holds a number (see _normalise): nothing to look for
            store_group(doc, SPAN_KEYS[self.kind], [])
            return doc
        blocked = {
            i
            for key in SPAN_KEYS.values()
            if key in doc.spans
            for s in group_spans(doc, key)
            for i in range(s.start, s.end)
        }
        # candidates and mentions are (start, end) ranges, and a Span is made
        # for each mention kept only
        found = [
            (s, e)
            for _, s, e in self.matcher(doc, lambda a: self._marked_ranges(doc, atoms, a))
            if blocked.isdisjoint(range(s, e))
        ]
        found = self._split_changes(doc, _filter_ranges(found), atoms)
        found = self._modifiers_of_counts(found, atoms)
        found += self.extra_spans(doc, blocked | {i for s, e in found for i in range(s, e)}, atoms)
        mentions = [m for m in (self._normalise(doc, s, e, atoms) for s, e in found) if m]
        header = doc_values("header")(doc)[0]
        if header is not None and header.body_start:
            # the header line is metadata (published, headline), not article text
            # the body's first token (Span.start_char is its first token's offset)
            first = bisect_left(token_words(doc)[0], header.body_start)
            mentions = [m for m in mentions if m[1] >= first]
        spans = []
        for values, start, end in _kept(mentions):
            span = Span(doc, start, end, label=self._label)
            atoms.set_mention(span, *values)
            spans.append(span)
        store_group(doc, SPAN_KEYS[self.kind], spans)
        return doc

    @staticmethod
    def _figure_follows(words: list[str], i: int, num_tokens: set[int]) -> bool:
        """A number within the three words from ``i``, before any punctuation;
        past a phrase that opens with "of" or "from", within twelve words and
        before a full stop ("and residents of Hong Kong, Macao and Taiwan made
        254 million trips")."""
        if i < len(words) and words[i].lower() in ("in", "at", "on", "across", "for", "under"):
            return False  # "377 goods and services in 10 regions": a place, no clause
        phrase = i < len(words) and words[i].lower() in ("of", "from")
        for k in range(i, min(len(words), i + (12 if phrase else 3))):
            if k in num_tokens and not _year_like(words[k]):
                return True
            if words[k] in (".", ";", ":") or (not phrase and not words[k].isalnum()):
                return False
        return False

    def extra_spans(
        self, doc: Doc, blocked: set[int], atoms: _DocAtoms
    ) -> list[tuple[int, int]]:
        """Mentions found by rule rather than by the patterns, as ``(start, end)``."""
        return []

    def _marked_ranges(self, doc: Doc, atoms: _DocAtoms, attr: str) -> list[tuple[int, int]]:
        """The atoms that ``Token._.<attr>`` marks, from the spans the marks
        are set from (worked out once per Doc for all the rulers)."""
        return atoms.marked[attr]

    # -------------------------------------------------------------- helpers
    def _modifiers_of_counts(self, found: list[tuple[int, int]],
                             atoms: _DocAtoms) -> list[tuple[int, int]]:
        """The mentions that are no modifier of a count (see QuantityRuler)."""
        return found

    def _moved_from(self, words: list[str], start: int) -> bool:
        """``lifting its share from 6.3 percent to 6.5 percent``: "from" right
        before, and no word of a range ("ranging from")."""
        return start > 0 and words[start - 1].lower() in self._from and not any(
            w.lower() in self._range_words for w in words[max(0, start - 3):start - 1])

    def _split_changes(
        self, doc: Doc, found: list[tuple[int, int]], atoms: _DocAtoms
    ) -> list[tuple[int, int]]:
        """``rose from 5 billion yuan to 6 billion yuan`` is two figures, not a range."""
        out = []
        words = atoms.words  # Token.text; .lower() is Token.lower_
        for start, end in found:
            if end - start < 4:  # two numbers and two units take four tokens
                out.append((start, end))
                continue
            units = atoms.units_within(start, end)
            nums = atoms.nums_within(start, end)
            if (
                len(nums) == 2
                and len(units) == 2
                and (any(
                    w.lower() in self._change for w in words[max(0, start - 4):start]
                ) or units[0].label_ != units[1].label_  # "0.6 percentage points to 15.9 percent"
                    or self._moved_from(words, start)
                    or (start > 0 and words[start - 1].lower() == "by"))  # "shrink by X to Y"
            ):
                sep = next(
                    (
                        k
                        for k in range(nums[0].end, nums[1].start)
                        if words[k].lower() in self._separators
                    ),
                    None,
                )
                if sep is not None:
                    out += [(start, sep), (sep + 1, end)]
                    continue
            out.append((start, end))
        return out

    def _normalise(self, doc: Doc, start: int, end: int, atoms: _DocAtoms) -> _Mention | None:
        """The mention a candidate ``start:end`` makes: its values (as
        ``_DocAtoms.set_mention`` takes them) and its extent with the sign,
        hedge and per-unit tail."""
        nums = atoms.nums_within(start, end)
        if not nums or len(nums) > 2:
            return None
        units = atoms.units_within(start, end)
        if (
            len(nums) == 2
            and atoms.unit(nums[0]) == "year"
            and atoms.unit(nums[1]) != "year"
        ):
            # "in 2022 to 25.2 percent": a year is not the start of a range
            start = nums[1].start
            nums = nums[1:]
        if len(nums) == 2 and nums[1].start == nums[0].end:
            nums = nums[:1]  # "8.2 million 60-kg bags": the second describes what is counted
        value = atoms.value(nums[0])
        value_max = None
        if len(nums) == 2:
            first, second = nums
            if atoms.exponent(first) == 0 and atoms.exponent(second) > 0 \
                    and not any(first.end <= u.start < second.start for u in units):
                # "10 to 14 million tonnes", not "132,000 hectares to 7 million hectares"
                value = scale(atoms.mantissa(first), atoms.exponent(second))
            value_max = atoms.value(second)
        # the figure's own start and end, for unit_of
        fig_start, fig_end = start, end
        sign = 1
        words = atoms.words  # Token.text; .lower() is Token.lower_
        before = words[start - 1].lower() if start > 0 else None
        if before is not None and before in self._signs and not any(
                [w.lower() for w in words[max(0, start - 1 - len(p)):start - 1]] == p
                for p in self.lex.sign_blockers.get(before, ())):
            sign = self._signs[before]
            start -= 1
        qualifier = None
        hedge = atoms.hedges_by_end.get(start)
        # "go up to 10 pounds": a verb and its particle, not a hedge
        if hedge is not None and not (
            hedge.label_ == "up_to" and hedge.start > 0
            and words[hedge.start - 1].lower() in self._change
        ):
            qualifier = hedge.label_
            start = hedge.start
        per = None
        if self.kind != "percent":
            end, per = self._per_tail(words, end, atoms.measures_by_start)
            if per is not None and end < len(words) and words[end].lower() in self._per:
                # "492 dollars per person per night": a rate of a rate
                more_end, more = self._per_tail(words, end, atoms.measures_by_start)
                if more is not None:
                    end, per = more_end, f"{per} {words[end].lower()} {more}"
        value = value * sign
        value_max = value_max * sign if value_max is not None else None
        unit = self.unit_of(doc, fig_start, fig_end, units, nums, atoms)
        factor = atoms.factor(units[-1]) if units else None
        if factor is not None and factor != 1:
            value = value * factor
            if value_max is not None:
                value_max = value_max * factor
        return (value, value_max, qualifier, per, unit), start, end

    def unit_of(
        self, doc: Doc, start: int, end: int, units: list[Span], nums: list[Span],
        atoms: _DocAtoms,
    ) -> str | None:
        """The unit of the figure ``start:end`` (without its sign, hedge and tail)."""
        return units[-1].label_ if units else None

    def _per_tail(
        self, words: list[str], end: int, unit_atoms: dict[int, Span]
    ) -> tuple[int, str | None]:
        """The ``per tonne`` after a figure ending at ``end``, given the
        words (Token.text; .lower() is Token.lower_)."""
        n = len(words)
        if end + 1 >= n:
            return end, None
        word = words[end].lower()
        if word not in self._per and word not in self._per_article:
            return end, None
        nxt = words[end + 1]
        if word in self._per or (word in self._per_article and (
            nxt.lower() in self._periods or (end + 1) in unit_atoms
        ) and not self._blocked_tail(words, end + 1)):  # "a year earlier" is a time
            if (end + 1) in unit_atoms:
                unit = unit_atoms[end + 1]
                return unit.end, unit.text
            if nxt.isalpha():  # Token.is_alpha
                return end + 2, nxt
            if word in self._per and nxt.replace(",", "").replace(".", "").isdigit():
                k = end + 2 + (words[end + 2:end + 3] == ["-"])  # "per 64-kg bag"
                if k in unit_atoms:  # "119 yuan per 50 kilograms"
                    unit = unit_atoms[k]
                    tail = f"{nxt}{'-' if k > end + 2 else ' '}{unit.text}"
                    if k > end + 2 and unit.end < n and words[unit.end].isalpha():
                        return unit.end + 1, f"{tail} {words[unit.end]}"  # its noun
                    return unit.end, tail
                if k < n and words[k] in (",", ".", ";", ")") and nxt.replace(",", "").isdigit():
                    return k, nxt  # "3.6 cases per 100,000, against ..."
                # "470 units per 10,000 manufacturing workers": a counted noun
                j = k
                while j < min(n, k + 4) and words[j].isalpha() and words[j].islower():
                    if (words[j].endswith("s") and not words[j].endswith("ss")) \
                            or words[j] in ("population", "people"):
                        return j + 1, f"{nxt} {' '.join(words[k:j + 1])}"
                    j += 1
        return end, None

    def _blocked_tail(self, words: list[str], k: int) -> bool:
        """``a year earlier``, ``a year on year``, ``a year in a row``: a time,
        not a rate (but ``68.5 dollars a barrel on Tuesday``, ``10 euros a week
        in 2026``)."""
        after = words[k + 1].lower() if k + 1 < len(words) else ""
        if after not in self._per_blockers:
            return False
        if after in ("on", "in") and k + 2 < len(words):
            nxt = words[k + 2].lower()
            return nxt == words[k].lower() or nxt in ("a", "an")  # "year on year", "in a row"
        return after not in ("on", "in")


class MoneyRuler(_AmountRuler):
    kind = "money"
    unit_group = ATOM_GROUPS["cur"]

    def unit_of(
        self, doc: Doc, start: int, end: int, units: list[Span], nums: list[Span],
        atoms: _DocAtoms,
    ) -> str | None:
        return atoms.unit(units[-1]) if units else None


class PercentRuler(_AmountRuler):
    kind = "percent"
    unit_group = ATOM_GROUPS["pct"]


class QuantityRuler(_AmountRuler):
    """Units of measurement through the patterns; counted nouns by rule
    (``140 countries and regions``), with the word lists in ``counted.json``."""

    kind = "quantity"
    unit_group = ATOM_GROUPS["unit"]

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, name)
        c = self.lex.counted
        self._stop = set(c.stop_words)
        self._never = set(c.never_counted)
        self._not_plural = set(c.not_plural)
        self._ranks = set(c.rank_words)
        self._modifier_plurals = set(c.modifier_plurals)
        self._irregular = set(c.irregular_plurals)
        self._max_mods = c.max_modifiers
        self._singly = set(c.counted_singly)
        self._singly_stop = singly_stop_words(c.stop_words)
        # nationality words: people counted ("two Nepalis", "one Canadian")
        self._people = frozenset(KnowledgeBase.load().demonyms)
        self._after_number = set(c.after_number)
        self._noun_or_verb = set(c.noun_or_verb)
        self._clause_openers = set(c.clause_openers)
        # names the tokenizer keeps whole ("5G"): words of a counted noun phrase
        self._names = set(self.lex.tokenizer.special_cases)

    def _modifiers_of_counts(self, found: list[tuple[int, int]],
                             atoms: _DocAtoms) -> list[tuple[int, int]]:
        """``8.2 million 60-kg bags``: the hyphenated measure between a number
        and a counted noun describes what is counted; the count is the mention
        (the counted-noun rule reads it as a modifier)."""
        words = atoms.words
        n = len(words)
        ends = {num.end for num in atoms.nums}
        return [(s, e) for s, e in found if not (
            s in ends and s + 1 < n and words[s + 1] == "-"
            and e < n and words[e].isalpha() and words[e].islower() and self._plural(words[e]))]

    def _plural(self, word: str) -> bool:
        low = word.lower()
        if low in self._irregular:
            return True
        if low in self._not_plural or len(low) < 3:
            return False
        if word[:-1].isupper() and word.endswith("s") and len(word) > 2:
            return True  # NEVs, SMEs
        return low.endswith("s") and not low.endswith(("ss", "us", "is", "'s"))

    def _head_end(self, doc: Doc, words: list[str], i: int, num_tokens: set[int]) -> int | None:
        """End of ``modifiers* plural-head`` starting at ``i`` (``traditional
        border trade points``, ``national and provincial trunk roads``);
        ``words`` are the Doc's (Token.text; .lower() is Token.lower_),
        ``num_tokens`` the tokens of number atoms (``Token._.num`` set)."""
        n = len(words)
        j = i
        mods = 0
        while j < n:
            text = words[j]
            low = text.lower()
            if j in num_tokens and j == i and j + 2 < n and words[j + 1] == "-" \
                    and words[j + 2].isalpha() and doc[j].whitespace_ == "" \
                    and doc[j + 1].whitespace_ == "":
                j += 3  # "8.2 million 60-kg bags": a measure that describes the bags
                mods += 1
                continue
            if j == i and low in self._after_number:
                j += 1  # "four more bodies"
                continue
            if j + 2 < n and words[j + 1] == "-" and words[j + 2].isalpha() \
                    and j not in num_tokens and (text.isupper() or not text.isalpha()) \
                    and text.isalnum() and doc[j].whitespace_ == "" \
                    and doc[j + 1].whitespace_ == "":
                j += 2  # "900 A-level scenic spots", "300 4A-level scenic spots"
                continue
            if (not text.isalpha() and text not in self._names) or low in self._stop \
                    or j in num_tokens:  # Token.is_alpha
                hyphened = low in AND_OR and j > i and words[j - 1] == "-" \
                    and j + 1 < n and words[j + 1] == "-"  # "ice-and-snow tourists"
                joins = text == "-" or (low in AND_OR and mods > 0)
                if hyphened or (joins and j > i and j + 1 < n and words[j + 1].isalpha()):
                    j += 1
                    continue
                return None
            if text in self._people or low in self._modifier_plurals:
                # "two Nepalis were among the dead", "32 new shipping services were
                # opened": a head where no noun follows ("two Chinese companies",
                # "5 export sales contracts")
                nxt = j + 1
                if not (nxt < n and words[nxt].isalpha() and words[nxt].lower() not in self._stop
                        and not words[nxt].lower().endswith(("ing", "ed"))):
                    return j + 1  # (a participle follows: "39 sea-rail services linking")
            if low in self._noun_or_verb and (
                    j + 1 >= n or words[j + 1].lower() not in self._clause_openers):
                return j + 1  # "more than 600 shows in grassroots communities", "94 shows."
            if self._plural(text) and low not in self._modifier_plurals:
                if low in self._never:
                    return None
                nxt = words[j + 1] if j + 1 < n else ""
                if low in self._irregular and nxt.isalpha() and nxt.islower() \
                        and self._plural(nxt) and nxt not in self._never \
                        and nxt not in self._stop and nxt not in self._modifier_plurals:
                    return j + 2  # "Five crew members", "95,300 aircraft movements"
                return j + 1
            if low.endswith(("edly", "ingly")):
                return None  # "29 caused markedly heavier losses": an adverb, no modifier
            compound = j > i and words[j - 1] == "-" and doc[j - 1].whitespace_ == ""
            if low in self._never and not compound:  # "first-time approvals" is fine
                return None
            # "China-Europe" and "inbound and outbound" fill one modifier's place
            if not compound and not (j > i and words[j - 1].lower() in AND_OR):
                mods += 1
            if mods > self._max_mods:
                return None
            j += 1
        return None

    def _counted_end(self, doc: Doc, words: list[str], i: int, num_tokens: set[int]
                     ) -> int | None:
        """End of the counted noun phrase after the number ending at ``i``,
        with coordinated heads: ``countries and regions``, ``cities,
        districts, special regions and counties`` (``words`` as _head_end's)."""
        end = self._head_end(doc, words, i, num_tokens)
        if end is None:
            return None
        n = len(words)
        while end + 1 < n and words[end] == ",":
            nxt = self._head_end(doc, words, end + 1, num_tokens)
            if nxt is None or nxt - end > 3:
                break
            if not (nxt < n and words[nxt].lower() in AND_OR):
                # a list must close with "and"/"or": "cities, districts and counties"
                more = nxt
                while more + 1 < n and words[more] == ",":
                    m2 = self._head_end(doc, words, more + 1, num_tokens)
                    if m2 is None:
                        break
                    more = m2
                if not (more < n and words[more].lower() in AND_OR):
                    break
            end = nxt
        if end + 1 < n and words[end].lower() in AND_OR:
            tail = self._head_end(doc, words, end + 1, num_tokens)
            if tail is not None and tail - end <= 3 and self._plural(words[tail - 1]) \
                    and not self._figure_follows(words, tail, num_tokens):
                # not the subject of a parallel clause: "254 million trips and
                # foreigners made 64.88 million", "60 headquarters and investors set up 30"
                end = tail
        return end

    def extra_spans(
        self, doc: Doc, blocked: set[int], atoms: _DocAtoms
    ) -> list[tuple[int, int]]:
        spans = []
        words = token_words(doc)[1]  # Token.text; .lower() is Token.lower_
        ends = {n.end: n for n in atoms.nums}
        num_tokens = {i for n in atoms.nums for i in range(n.start, n.end)}
        for num in atoms.nums:
            if atoms.unit(num) == "year":
                continue
            if not blocked.isdisjoint(range(num.start, num.end)):
                continue
            if num.end in blocked:
                continue  # a counted noun phrase would start inside another mention
            if num.end - num.start == 1 and num.start >= 2 \
                    and words[num.start - 1] in ("-", "–", "/") \
                    and _year_like(words[num.start - 2]) and len(words[num.start]) in (2, 4):
                continue  # "the budget for fiscal 2025-26 aims to": a year's end, no count
            if num.start >= 2 and words[num.start - 1].lower() in self._ranks \
                    and words[num.start - 2].lower() in RANK_DETERMINERS:
                continue  # "among the top three vendors", "the world's top 10 ports": a rank
            end = self._counted_end(doc, words, num.end, num_tokens)
            if end is None and words[num.start:num.end] in (["one"], ["One"], ["1"]):
                # "one person was killed", "one international flight"
                end = singly_counted_end(words, num.end, self._singly, self._singly_stop,
                                         self._people)
            if end is None or not blocked.isdisjoint(range(num.end, end)):
                continue
            start = num.start
            # ranges: "8-10 people", "between 8 and 10 people"
            sep = words[start - 1].lower() if start > 0 else None
            first = ends.get(start - 1)
            if sep is not None and first is not None and atoms.unit(first) != "year":
                if sep in self._separators:
                    start = first.start
                elif (
                    sep in self.lex.ranges.and_
                    and first.start > 0
                    and words[first.start - 1].lower() in self.lex.ranges.between
                ):
                    start = first.start - 1
            spans.append((start, end))
        return spans

    def unit_of(
        self, doc: Doc, start: int, end: int, units: list[Span], nums: list[Span],
        atoms: _DocAtoms,
    ) -> str | None:
        if units and nums and units[-1].end < end and units[-1].start > nums[0].end:
            return _text(doc, nums[0].end, end)  # "8.2 million 60-kg bags": bags
        if units:
            return units[-1].label_
        return _text(doc, nums[-1].end, end) if nums else None


def _year_like(word: str) -> bool:
    """A year ("of the world in 2024"), no figure."""
    return len(word) == 4 and word.isdecimal() and word[:2] in ("19", "20")


def _factory(cls):
    def make(nlp: Language, name: str):
        return cls(nlp, name)

    return make


for _name, _cls, _key in (
    ("money_ruler", MoneyRuler, "money"),
    ("percent_ruler", PercentRuler, "percentages"),
    ("quantity_ruler", QuantityRuler, "quantities"),
):
    Language.factory(
        _name,
        assigns=["doc.spans", "span._.value", "span._.unit"],
        requires=["token._.num"],
        func=_factory(_cls),
    )

__all__ = ["MoneyRuler", "PercentRuler", "QuantityRuler", "SPAN_KEYS"]
