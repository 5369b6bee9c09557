"""The ``entity_recognizer`` and ``entity_linker`` components.

Recognition finds *names* — runs of capitalised tokens joined by connectors
(``Ministry of Culture and Tourism``, ``Volkswagen (Anhui) Components Co.,
Ltd.``) plus the knowledge base's aliases found by a ``PhraseMatcher`` on
exact case (so ``China`` but never ``fine china``) — and labels each by the
first rule that fits, in this order:

1. an alias of the knowledge base, or a nationality word (NORP);
2. a name the article itself defined earlier: ``Long Form (ABBR)``, a
   person's surname (``Sun Yong`` ... ``Sun said``), an organisation's short
   form (``Hua Hong Semiconductor`` ... ``Hua Hong``);
3. a title inside the name: ``Chinese Premier Li Qiang`` -> NORP + PERSON;
4. organisation, place and landform shapes: ``... Co., Ltd.``, ``Ministry of
   ...``, ``... Customs``, ``... County``, ``Mount ...``;
5. the context of wire copy: ``said Sun Yong,``, ``Chungda, an official at``,
   ``spokesman Li Kuiwen``, ``automaker BYD``, ``SMIC, China's biggest
   chipmaker``;
6. a GeoNames city when the article's countries agree (``Golmud`` in an
   article about China);
7. otherwise the name is split at its connectors and each part tried again,
   down to the aliases inside it (``Southwest China`` -> ``China``).

Every word list lives in ``patterns/entity_rules.json``; the knowledge base
in ``patterns/kb/``. Linking is a separate step (:class:`EntityLinker`):
candidates from the alias table, chosen by the countries of the article
(dateline first) and then by prior.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import compress

from spacy.attrs import IS_PUNCT, LOWER
from spacy.lang import lex_attrs
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .. import data as d
from ..kb import Entry, KnowledgeBase
from ..tokenizer import doc_text, token_words  # noqa: F401  (token_words: re-exported)
from . import extensions  # noqa: F401  (registers the attributes)
from .amounts import SPAN_KEYS
from .atoms import group_spans, store_group
from .batched import ComponentMajor
from .extensions import doc_values, span_setter, span_values
from .lexflags import predicate_flag

SENTENCE_END = {".", "!", "?", ":", ";", '"', "“", "”", "--", "—", "–", "(", ")"}


def capitalised(word: str) -> bool:
    """Whether the word starts with a capital letter (a lexeme flag)."""
    return word[:1].isupper()


def positions(words: list[str], word: str, start: int = 0) -> list[int]:
    """Where ``word`` stands in ``words`` from ``start`` on (found by
    ``list.index``, not a Python loop over every word)."""
    out: list[int] = []
    k = start - 1
    try:
        while True:
            k = words.index(word, k + 1)
            out.append(k)
    except ValueError:
        return out


@dataclass(frozen=True, slots=True)
class NameForm:
    """What a name's text and words say by themselves, without its context
    (:meth:`EntityRecognizer._read_form`)."""

    not_name: bool
    known: str | None  # the label of an alias, a nationality or a place phrase
    currency_able: bool  # a country or a nationality: "Pakistani rupee" names a currency
    is_org: bool
    shape: str | None  # ORG, GPE or LOC by the name's words (head, suffix)
    known_tail: bool  # every word after the first an alias or an organisation suffix
    simple: bool  # no connector among the words
    person_shaped: bool
    acronym: bool  # one all-capital word of three letters or more


@dataclass
class Found:
    start: int
    end: int
    label: str
    lookup: str  # the form to look up in the knowledge base
    name: str | None = None  # the full name when the article defined it


class EntityRecognizer(ComponentMajor):
    """Names -> ``doc.spans["entities"]`` with ``span._.entity_lookup`` set."""

    #: name forms remembered before starting afresh
    max_remembered = 50_000

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.kb = KnowledgeBase.load()
        rules = d.load_json(d.patterns_dir() / "entity_rules.json", d.EntityRules)
        self.rules = rules
        self.connectors = set(rules.connectors)
        self.person_connectors = set(rules.person_connectors)
        self.joiners = self.connectors | self.person_connectors
        self.head_connectors = set(rules.head_connectors)
        # the words that may carry a name on past them in _chunk_end: one test
        # for a word that is none of them (most words), not one for each rule
        self._chunk_glue = self.joiners | self.head_connectors | {"-", "(", ","}
        self.company_suffixes = set(rules.company_suffixes)
        self.org_prefixes = set(rules.org_prefixes)
        self.leading = set(rules.leading_stopwords)
        self.directions = set(rules.direction_words)
        self.common_words = set(rules.common_words)
        self.org_suffixes = set(rules.org_suffixes)
        self.org_heads = set(rules.org_heads)
        self.org_cues = set(rules.org_cues)
        self.gpe_suffixes = [s.split() for s in rules.gpe_suffixes]
        self._gpe_suffixes_by_last: dict[str, list[list[str]]] = {}  # a suffix's last word
        for suffix in self.gpe_suffixes:
            self._gpe_suffixes_by_last.setdefault(suffix[-1], []).append(suffix)
        self.loc_heads = set(rules.loc_heads)
        self.titles = set(rules.titles)
        self.office_words = set(rules.office_words)
        self.lower_titles = set(rules.lower_titles)
        self.role_words = set(rules.role_words)
        self.speech_verbs = set(rules.speech_verbs)
        self.hyphen_suffixes = set(rules.hyphen_suffixes)
        self.not_names = set(rules.not_names)
        self.event_heads = set(rules.event_heads)
        self.loc_phrases = set(rules.loc_phrases)
        self.currency_words = set(rules.currency_words)
        self.gpe_nouns = set(rules.gpe_nouns_after)
        self.loc_nouns = set(rules.loc_nouns_after)
        self.gpe_last_words = {suffix.split()[-1] for suffix in rules.gpe_suffixes}
        self.gpe_nouns_before = set(rules.gpe_nouns_before)
        self.place_nouns = self.gpe_nouns | {"capital"}
        self._caps_flag = predicate_flag(nlp.vocab, capitalised)
        # Token.lower_ and Token.is_punct of a word, as the vocabulary works them out
        getters = nlp.vocab.lex_attr_getters
        self._lower = getters.get(LOWER, lex_attrs.lower)
        self._is_punct = getters.get(IS_PUNCT, lex_attrs.is_punct)
        self._label_ids = {label: nlp.vocab.strings.add(label)
                           for label in ("GPE", "LOC", "ORG", "PERSON", "NORP")}
        self._forms: dict[tuple[str, tuple[str, ...]], NameForm] = {}  # (text, words) -> form
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms = sorted({*self.kb.aliases(), *self.kb.demonyms, *rules.loc_phrases,
                        *rules.not_names})
        self.matcher.add("NAME", list(nlp.tokenizer.pipe(forms)))

    # ------------------------------------------------------------ the pass
    def __call__(self, doc: Doc) -> Doc:
        header, context, dateline = doc_values("header", "context_countries", "dateline")(doc)
        body_start = header.body_start if header is not None else 0
        self._words(doc)
        # a currency's words are no name when they are part of an amount; a
        # capitalised one elsewhere may be ("Lei Jun" is no Romanian lei)
        in_money = {i for span in group_spans(doc, SPAN_KEYS["money"])
                    for i in range(span.start, span.end)}
        blocked = {i for span in group_spans(doc, "atoms_cur") for i in range(span.start, span.end)
                   if i in in_money or not self._caps[i]}
        phrases = self._phrases(doc)
        self._countries = self._article_countries(context, phrases)
        self._blocked = blocked
        found: list[Found] = []
        local: dict[str, Found] = {}  # names this article defined
        first = 0
        if dateline is not None:
            span = doc.char_span(dateline.start, dateline.start + len(dateline.place),
                                 alignment_mode="expand")
            if span is not None:
                found.append(Found(span.start, span.end, "GPE", dateline.place.title()))
                first = span.end
        body = bisect.bisect_left(self._idx, body_start)
        i = max(first, body)
        n = len(doc)
        # only a capitalised word or an alias starts a name
        for k in sorted(set(compress(range(n), self._caps)).union(phrases)):
            if k < i:
                continue
            i = k
            if i in blocked and not (i in phrases and phrases[i] - 1 not in blocked):
                continue  # "U.S. dollars" is a currency; "euro zone" a place
            end = self._chunk_end(doc, i, phrases, blocked)
            for f in self._classify(doc, i, end, phrases, local):
                found.append(f)
                self._remember(doc, f, local)
            i = max(end, i + 1)
        found = self._abbreviations(doc, found, local, body)
        spans = []
        set_names = span_setter("entity_lookup", "entity_name")
        label_ids = self._label_ids
        for f in sorted(found, key=lambda f: f.start):
            span = Span(doc, f.start, f.end, label=label_ids.get(f.label, f.label))
            set_names(span, f.lookup, f.name)
            spans.append(span)
        store_group(doc, "entities", spans)
        return doc

    def _phrases(self, doc: Doc) -> dict[int, int]:
        """Start token -> end token of the longest alias starting there."""
        out: dict[int, int] = {}
        for _, start, end in self.matcher(doc):
            if end > out.get(start, 0):
                out[start] = end
        return out

    def _article_countries(self, context: list[str] | None, phrases: dict[int, int]) -> set[str]:
        """The dateline's country (``doc._.context_countries``) and the
        countries of every alias in the text."""
        out = set(context or [])
        for start, end in phrases.items():
            best = self.kb.best_exact(self._text(start, end))
            if best is not None and best.country and best.label == "GPE":
                out.add(best.country)
        return out

    # ------------------------------------------------------------ chunking
    def _words(self, doc: Doc) -> None:
        """Token texts, offsets and capitalisation as plain lists, read
        without making a Token object each."""
        text = doc_text(doc)
        self._src = text
        self._idx, self._w = token_words(doc)
        # 1 or 0 a token: a capital first letter
        if self._caps_flag is not None:
            self._caps = doc.to_array(self._caps_flag).tolist()
        else:
            self._caps = [capitalised(w) for w in self._w]

    def _spaced(self, j: int) -> bool:
        """Whether token ``j`` (negative: from the end, as a list index) has
        a space after it (spaCy's ``whitespace_`` is one space or none): the
        next token, or the end of the text, starts after its end. Worked out
        for the few tokens asked about: reading ``SPACY`` for every token
        with ``doc.to_array`` cost some 2 % of the recogniser's instructions."""
        idx, w = self._idx, self._w
        if j < 0:
            j += len(w)
        following = idx[j + 1] if j + 1 < len(w) else len(self._src)
        return idx[j] + len(w[j]) < following

    def _text(self, a: int, b: int) -> str:
        """``doc[a:b].text``: the source text from the first token's start to
        the last one's end (the words and the spaces between them)."""
        return self._src[self._idx[a]:self._idx[b - 1] + len(self._w[b - 1])] if a < b else ""

    def _chunk_end(self, doc: Doc, i: int, phrases: dict[int, int], blocked: set[int]) -> int:
        """End of the run of capitalised tokens that starts at ``i``."""
        n = len(doc)
        w, caps, joiners, glue = self._w, self._caps, self.joiners, self._chunk_glue
        j = i
        while j < n:
            if j in phrases:
                j = max(j + 1, phrases[j])
                if j < n and w[j] == "'s" and not self._spaced(j - 1):
                    break
                continue
            word = w[j]
            if j in blocked or "\n" in word:
                break
            if j > i and word in glue:  # (each rule below needs one of these words)
                if word == "-" and not self._spaced(j - 1) and j + 1 < n \
                        and (caps[j + 1] or self._syllable(j + 1)):
                    j += 2
                    continue
                if word in self.connectors and j + 1 < n and w[j + 1] == "the" \
                        and j + 2 < n and caps[j + 2]:
                    j += 2
                    continue
                if (word in joiners or word in self.head_connectors
                        and w[j - 1] in self.org_heads) \
                        and j + 1 < n and caps[j + 1] and j + 1 not in blocked:
                    j += 1  # Ministry of Commerce, Lula da Silva, Forum on ...
                    continue
                if word == "(" and j + 2 < n and w[j + 2] == ")" \
                        and caps[j + 1] and j + 3 < n and caps[j + 3]:
                    j += 3  # Volkswagen (Anhui) Components
                    continue
                if word == "," and j + 1 < n and w[j + 1] in ("Ltd.", "Ltd", "Inc.", "Inc"):
                    j += 1
                    continue
            if not caps[j] or word in SENTENCE_END:
                break
            j += 1
        # a connector or comma never ends a name
        while j > i + 1 and (w[j - 1] in joiners or w[j - 1] == ","):
            j -= 1
        return j

    # ------------------------------------------------------------ labelling
    def _classify(self, doc: Doc, a: int, b: int, phrases: dict[int, int],
                  local: dict[str, Found]) -> Iterator[Found]:
        start = a
        while a < b and (self._w[a] in self.leading or self._w[a] in self.connectors) and not (
                a in phrases and phrases[a] > a + 1):
            a += 1
        if a + 2 < b and self._w[a + 1] in self.connectors and self._sentence_start(doc, start) \
                and not self._known_word(self._w[a]):
            a += 2  # "Shares of Hua Hong Semiconductor": a common noun opens the sentence
            while a < b and self._w[a] in self.connectors:
                a += 1
        if a >= b:
            return
        text = self._text(a, b)
        if text in self.not_names or (b - a > 1 and self._w[b - 1] in self.event_heads):
            return  # "the Gifford Fire": an event, and there is no label for one
        pair = self._split_and(doc, a, b, local) if b - a > 2 else None
        if pair is not None:
            yield from pair
            return
        speaker = self._speaker_of(doc, a, b, phrases, local) if b - a > 3 else None
        if speaker is not None:
            yield from speaker
            return
        sentence_start = self._sentence_start(doc, a)
        whole = self._whole(doc, a, b, local, sentence_start=a == start and sentence_start,
                            text=text)
        if whole is not None:
            yield whole
            return
        titled = list(self._titled(doc, a, b, phrases, local)) if b - a > 1 else []
        if titled:
            yield from titled
            return
        if self._part_end(a, b, phrases) == b and (a == start or not sentence_start):
            # one part: _parts would try the same name whole and titled again
            yield from self._aliases(doc, a, b, phrases, local)
        else:
            yield from self._parts(doc, a, b, phrases, local)

    def _speaker_of(self, doc: Doc, a: int, b: int, phrases: dict[int, int],
                    local: dict[str, Found]) -> list[Found] | None:
        """``said Luis Ortega of Credicorp Capital``, ``Zhang Wei of the
        State Council said``: a person who speaks, then the body they speak
        for (not ``Bank of China said``: a name of an organisation is no
        person's)."""
        before = self._w[a - 1].lower() if a > 0 else ""
        after = self._w[b] if b < len(doc) else ""
        if before not in self.speech_verbs and after not in self.speech_verbs:
            return None
        k = next((k for k in range(a + 2, min(b - 1, a + 5)) if self._w[k] == "of"), None)
        if k is None or not self._person_shaped(self._w[a:k]):
            return None
        rest = k + 2 if self._w[k + 1] == "the" else k + 1
        if rest >= b:
            return None
        return [Found(a, k, "PERSON", self._text(a, k)),
                *self._classify(doc, rest, b, phrases, local)]

    def _known_word(self, word: str) -> bool:
        return bool(word in self.org_heads or word in self.titles or word in self.loc_heads
                    or self.kb.is_alias(word))

    def _split_and(self, doc: Doc, a: int, b: int, local: dict[str, Found]) -> list[Found] | None:
        """Two names in one run: ``Xishuangbanna Dai Autonomous Prefecture and
        Baoshan City``, ``STAR Market of the Shanghai Stock Exchange`` — when each
        side is a name by its form alone (not ``Ministry of Culture and Tourism``,
        not ``Bank of China``). After a plural cue for companies, each side of
        an "and" is one (``ticketing platforms Maoyan and Beacon``)."""
        before = self._w[a - 1].lower() if a > 0 else ""
        if self._plural_org_cue(before) and "and" in self._w[a:b]:
            k = self._w.index("and", a, b)
            if a < k < b - 1 and all(self._caps[j] for j in (*range(a, k), *range(k + 1, b))) \
                    and not any(self.kb.is_alias(self._text(x, y))
                                for x, y in ((a, k), (k + 1, b))):
                return [Found(a, k, "ORG", self._text(a, k)),
                        Found(k + 1, b, "ORG", self._text(k + 1, b))]
        for k in range(a + 1, b - 1):
            word = self._w[k]
            if word not in ("and", "&", "of"):
                continue
            r = k + 1 + (self._w[k + 1] == "the")
            if word == "of" and self._w[k - 1] not in self.gpe_last_words and (
                    r == k + 1 or k - a < 2 or self._w[k - 1] not in self.org_suffixes):
                continue  # "X of the Y", never "China Academy of Launch Vehicle Technology"
            left = self._whole(doc, a, k, local, sentence_start=True, by_form=True)
            if left is None or r >= b:
                continue
            parallel = (self._w[k - 1] == self._w[b - 1] and k - a >= 2 and b - r >= 2) \
                or (word == "and" and r == k + 2)  # "the Nepal Police and the Nepali Army"
            if word != "of" and not parallel and self._is_org(self._w[a:b]) \
                    and not self.kb.is_alias(self._text(r, b)) \
                    and not self.kb.is_alias(self._text(a, k)):
                # (but "Fuzhou Customs and Xiamen Customs", "A Hospital and B
                # Hospital": the same head twice names two)
                return None  # Chongqing Port and Logistics Office: the suffix names the whole
            if word != "of":
                rest = self._split_and(doc, r, b, local)  # Tibet and Xizang and ...
                if rest is not None:
                    return [left, *rest]
            right = self._whole(doc, r, b, local, sentence_start=True, by_form=True)
            if right is not None and (word != "of" or left.label == right.label == "ORG"
                                      or left.label == right.label == "GPE"):
                return [left, right]  # "Rima Village of Shanglaxiu Township": two places
        return None

    def _whole(self, doc: Doc, a: int, b: int, local: dict[str, Found],
               sentence_start: bool, by_form: bool = False, text: str | None = None
               ) -> Found | None:
        """The label of ``doc[a:b]`` as one name, or None. ``by_form``: only
        the knowledge base and the shape of the name, not its context.
        ``text``: ``self._text(a, b)`` when the caller has it already."""
        if text is None:
            text = self._text(a, b)
        words = self._w[a:b]
        form = self._form(text, words)
        if form.not_name:
            return None
        after = self._w[b].lower() if b < len(doc) else ""
        if form.currency_able and (b in self._blocked or after in self.currency_words):
            return None  # "Pakistani rupee", "the U.S. dollar": a currency's name
        if form.known == "GPE" and text in self.kb.demonyms and after.isalpha() \
                and self._w[b].islower() and after not in self.connectors \
                and after not in self.speech_verbs and self.kb.best_exact(text).name != text:
            # "Lao fruit", "the Lao capital": a nationality (but "Myanmar people": the
            # country's own name)
            return Found(a, b, "NORP", text)
        if form.known is not None:
            return Found(a, b, form.known, text)
        if text in local:
            ref = local[text]
            return Found(a, b, ref.label, ref.lookup, ref.name)
        if after in self.gpe_nouns and not form.is_org:
            return Found(a, b, "GPE", text)  # Jajarkot district, Xinmo village
        if after in self.loc_nouns and not form.is_org:
            return Found(a, b, "LOC", text)  # Luzon island
        if a >= 2 and self._w[a - 1] == "of" and self._w[a - 2].lower() in self.gpe_nouns_before \
                and self._w[a - 2].islower() and not form.is_org:
            return Found(a, b, "GPE", text)  # the road port of Horgos
        if form.shape is not None:
            return Found(a, b, form.shape, text)
        if len(words) > 1 and form.known_tail and (
                (words[0] in local and local[words[0]].label == "ORG")
                or self._form(words[0], words[:1]).known == "ORG"):
            return Found(a, b, "ORG", text)  # Volkswagen ... Volkswagen Anhui
        if by_form:
            return None
        if not form.simple:
            if len(words) > 2 and not form.is_org and self._is_place(text):
                return Found(a, b, "GPE", text)  # Rio Grande do Sul, not Rio Grande
            return None  # the rules below read the context of a simple name
        if b - a == 1 and self._listed_place(doc, a, b):
            return Found(a, b, "GPE", text)  # "London, Paris, Frankfurt, Budapest, Zagreb"
        if form.person_shaped and self._person_context(doc, a, b):
            return Found(a, b, "PERSON", text)
        cue = self._org_cue(doc, a, b)
        if cue:
            return Found(a, b, "ORG", text)
        if form.acronym:
            return Found(a, b, "ORG", text)  # an acronym (GDP and the like are not_names)
        if after == "," and words[0] not in self.titles \
                and self._appositive(doc, b + 1, self.place_nouns):
            return Found(a, b, "GPE", text)  # Golmud, a city in northwest China
        if (not sentence_start or len(words) > 1 or after == "'s") and self._is_place(text):
            return Found(a, b, "GPE", text)  # (a sentence's first word only as "Dubai's")
        if sentence_start and len(words) == 1 and self._subdivision_opens(text):
            return Found(a, b, "GPE", text)  # "Balochistan in the southwest reported ..."
        return None

    def _subdivision_opens(self, word: str) -> bool:
        """A one-word name opening a sentence is a place when it is an ISO 3166-2
        subdivision of a country the article names and no common word
        ("Central", "Lakes"): a city's name may be a word too ("Mobile")."""
        lower = word.lower()
        if lower in self.directions or lower in self.common_words:
            return False
        _cities, subdivisions = self.kb.cities_or_subdivisions(word)
        return bool(subdivisions) and any(sub.country in self._countries for sub in subdivisions)

    def _form(self, text: str, words: list[str]) -> NameForm:
        """:meth:`_read_form`, remembered: names recur within and across articles."""
        key = (text, tuple(words))
        form = self._forms.get(key)
        if form is None:
            if len(self._forms) >= self.max_remembered:
                self._forms.clear()
            form = self._forms[key] = self._read_form(text, words)
        return form

    def _read_form(self, text: str, words: list[str]) -> NameForm:
        """What the knowledge base and the name's own words say of it."""
        best = self.kb.best_exact(text)
        demonym = text in self.kb.demonyms
        if best is not None:
            known = best.label
        elif demonym:
            known = "NORP"
        else:
            known = "LOC" if text in self.loc_phrases else None
        is_org = self._is_org(words)
        if is_org:
            shape = "ORG"
        elif any(len(words) > len(suffix) and words[-len(suffix):] == suffix
                 for suffix in self._gpe_suffixes_by_last.get(words[-1], ())):
            shape = "GPE"
        elif len(words) == 2 and words[1].isupper() and words[1].isalpha() \
                and len(words[1]) >= 3 and words[1] not in self.not_names \
                and self.kb.is_alias(words[0]) and not self.kb.is_alias(words[1]):
            shape = "ORG"  # "Africa CDC", "China CDC": a body named by place and acronym
        elif len(words) == 2 and words[0].lower() in self.directions \
                and not words[0].endswith("ern") and words[1] in self.loc_phrases:
            shape = "GPE"  # "North Sulawesi", "Central Java": a province named after its island
        elif len(words) > 1 and (words[0] in self.loc_heads or words[-1] in self.loc_heads) \
                and "and" not in words:  # not "X Airport and Y Airport" as one
            shape = "LOC"
        else:
            shape = None
        return NameForm(
            not_name=text in self.not_names,
            known=known,
            currency_able=best is not None and best.label == "GPE" or demonym,
            is_org=is_org,
            shape=shape,
            known_tail=all(self.kb.is_alias(w) or w in self.org_suffixes for w in words[1:]),
            simple=not any(w in self.connectors or w in self.head_connectors for w in words),
            person_shaped=self._person_shaped(words),
            acronym=len(words) == 1 and len(text) >= 3 and text.isupper() and text.isalpha(),
        )

    def _is_org(self, words: list[str]) -> bool:
        if len(words) < 2:
            return False
        if words[0] in self.org_heads and (words[1] in ("of", "for")
                                           or words[1] in self.head_connectors):
            return True
        if words[0] in self.org_prefixes:
            return True  # PT Kereta Cepat ..., Statistics South Africa
        if words[0] in self.org_heads and self.kb.is_alias(words[-1]) \
                and not self.kb.is_alias(" ".join(words)):
            return True  # Bank Indonesia, Bank Negara Malaysia
        if words[-1] in self.org_suffixes:
            return True
        for k in range(1, len(words) - 2):  # China Federation of Logistics and Purchasing
            if (words[k] in self.org_suffixes or words[k] in self.org_heads) \
                    and words[k + 1] in ("of", "for"):
                return True
        # Volkswagen Group China, Reserve Bank of Australia
        for k in range(1, len(words) - 1):
            if words[k] in self.org_suffixes and words[k] not in self.connectors:
                rest = [w for w in words[k + 1:] if w not in self.connectors]
                if rest and all(self.kb.is_alias(w) or w in self.org_suffixes
                                for w in rest):
                    return True
        return False

    def _syllable(self, j: int) -> bool:
        """Token ``j`` is the lower-case second syllable of a hyphenated given
        name (``Kam-chan``, ``Jae-myung``), glued to the ``-`` before it after a
        capitalised word that is no place (not ``Hong Kong-based``)."""
        w = self._w[j]
        return 2 <= len(w) <= 5 and w.isalpha() and w.islower() and not self._spaced(j - 1) \
            and w not in self.hyphen_suffixes and j >= 2 and self._caps[j - 2] \
            and not self.kb.is_alias(self._w[j - 2]) and self._w[j - 2] not in self.titles

    def _person_shaped(self, words: list[str]) -> bool:
        """One to four name words (``Lula da Silva``, ``Kassym-Jomart Tokayev``,
        ``Kang Kam-chan``): no title, office, place or nationality among them."""
        if "-" in words:
            names = [w for k, w in enumerate(words) if w != "-" and not (
                k > 0 and words[k - 1] == "-" and w.islower())]  # "-chan" goes with "Kam"
            if not 1 <= len(_hyphen_groups(words)) <= 5 or words[0] == "-" or words[-1] == "-":
                return False
        else:  # (most names) the words are the names, each a group of its own
            names = words
            if not 1 <= len(words) <= 5:
                return False
        last = len(names) - 1
        for k, w in enumerate(names):
            if w in self.person_connectors and 0 < k < last:
                continue
            if k < last and _initials(w):
                continue  # "V. Anantha Nageswaran", "A. Revanth Reddy", "G.S. Naveen"
            if k == last and k > 0 and w in ("Jr.", "Sr."):
                continue  # "Eli Remolona Jr."
            if w in self.connectors or w in self.office_words or w in self.titles \
                    or w in self.org_heads or (len(w) > 1 and w.isupper() and not (
                        k > 0 and set(w) <= set("IVX"))) \
                    or not w.replace("'", "").isalpha() or not w[:1].isupper():
                return False
            if self.kb.is_alias(w) or w in self.kb.demonyms:
                return False
        if len(names) == 1 and names[0] in self.org_suffixes:
            return False  # "at the Centre, said": a body's word, no person's name
        return True

    def _person_context(self, doc: Doc, a: int, b: int) -> bool:
        """Whether the words around a person-shaped ``doc[a:b]`` make it a person."""
        before = self._w[a - 1] if a > 0 else ""
        after = self._w[b] if b < len(doc) else ""
        if before.lower() in self.speech_verbs and after in (",", ".", "\n"):
            return True  # ..., said Sun Yong, general manager
        if before in self.lower_titles:
            return True  # spokesman Li Kuiwen
        if after in self.speech_verbs and b - a >= 2:
            return True  # Lu Aihong told a press conference
        if after == "," and b + 1 < len(doc) and self._w[b + 1] in self.speech_verbs \
                and before.lower() not in ("at", "of", "from", "with", "in", "for"):
            return True  # "A relative of a trapped miner, Rimma Akhmadeyeeva, told ..."
            # (not "head of research at Acuity Stockbrokers, said")
        if after == "," and b - a >= 2 and b + 1 < len(doc) and self._w[b + 1] == "who":
            return True  # "Zhang Liyou, who runs a restaurant nearby, said ..."
        if before == "," and a >= 2 and self._w[a - 2].lower() in self.role_words:
            return True  # "its new chief executive, Sam Hou Fai.", "Its director, Feng
            # Xiaoning, has called it"
        if after == "," and before.lower() in ("in", "at", "near"):
            return False  # "Presenting the figures in Kigali, Minister of Finance ... said"
        if after == ",":
            return self._appositive(doc, b + 1, self.role_words)
        return False

    def _appositive(self, doc: Doc, i: int, words: set[str]) -> bool:
        """Does the phrase after a comma name a role (``an official at``)?
        ``capital`` names a place only as a noun of its own (``the capital of``,
        ``the capital city``), not before another noun (``the capital foreign
        investors put in``)."""
        w = self._w
        n = len(w)
        if i < n and w[i] in self.speech_verbs:
            return False  # "..., told reporters in the province of": no apposition
        # the words themselves, not Token objects: Token.lower_ and is_punct are
        # the vocabulary's getters of the word's text
        lower, is_punct = self._lower, self._is_punct
        for k in range(i, min(i + 7, n)):
            word = w[k]
            if word not in ("'s", "-") and is_punct(word):
                return False
            low = lower(word)
            if low in words or word in words:
                if low == "capital" and k + 1 < n \
                        and w[k + 1] not in (",", ".", "of", "city", "and", ";"):
                    return False
                if k + 1 < n and w[k + 1] == "'s":
                    return False  # "Carmaking, one of the city's three pillar industries"
                return True
        return False

    def _plural_org_cue(self, word: str) -> bool:
        """``platforms``, ``carmakers``: the plural of a cue for companies."""
        return word.endswith("s") and word[:-1] in self.org_cues

    def _org_cue(self, doc: Doc, a: int, b: int) -> bool:
        if self._w[a] in self.titles and b - a > 1:
            return False  # "central bank Governor Gabriel Galipolo": a titled person
        before = self._w[a - 1].lower() if a > 0 else ""
        if before in self.org_cues or self._plural_org_cue(before):
            return True  # "ticketing platform Maoyan", "carmakers Changan Automobile"
        after = self._w[b] if b < len(doc) else ""
        return after == "," and self._appositive(doc, b + 1, self.org_cues)

    def _listed_place(self, doc: Doc, a: int, b: int) -> bool:
        """A GeoNames city's name listed beside a place: ``routes to Chicago,
        Atlanta and Dallas``, ``Budapest, Zagreb, Athens``."""
        if not self.kb.cities_named(self._w[a]):
            return False
        n = len(doc)
        seps = (",", "and")

        def known(k: int) -> bool:
            w = self._w[k]
            return self._caps[k] and (self.kb.is_alias(w) or self._is_place(w))

        def place(k: int, step: int) -> bool:  # known, or a city listed beside one
            if known(k):
                return True
            j = k + 2 * step
            return self._caps[k] and bool(self.kb.cities_named(self._w[k])) \
                and 0 <= j < n and self._w[k + step] in seps and known(j)

        left = self._w[a - 1] if a >= 2 else ""
        right = self._w[b] if b < n else ""
        # not "Before reaching Vietnam, Kajiki skirted ...": a list goes on, or ends in "and"
        return (left in seps and place(a - 2, -1) and (right in seps or left == "and")) or (
            right in seps and b + 1 < n and place(b + 1, 1) and left in seps)

    def _is_place(self, text: str) -> bool:
        """A GeoNames city or an ISO 3166-2 subdivision of a country the article
        names (``Golmud`` in China, ``Bahia`` in Brazil), or a city of a million."""
        cities, subdivisions = self.kb.cities_or_subdivisions(text)
        if not cities and not subdivisions:
            return False  # most names
        if any(c.country in self._countries for c in cities):
            return True
        if cities and cities[0].population >= 1_000_000:
            return True
        return any(sub.country in self._countries for sub in subdivisions)

    def _sentence_start(self, doc: Doc, i: int) -> bool:
        if i == 0:
            return True
        prev = self._w[i - 1]
        return prev in SENTENCE_END or not prev.strip()

    def _titled(self, doc: Doc, a: int, b: int, phrases: dict[int, int],
                local: dict[str, Found]) -> Iterator[Found]:
        """``Chinese Premier Li Qiang``: what follows the last title is a person."""
        last = None
        for k in range(a, b):
            if self._w[k] in self.titles:
                last = k
        if last is None:
            return
        p = last + 1
        while p < b and (self._w[p] in self.office_words or self._w[p] in self.connectors
                         or self._w[p] in self.titles):
            p += 1
        people = [(p, b)]
        if p < b and "and" in self._w[p:b] and self._w[last].endswith("s"):
            # "Deputy Governors Galia Borja and Omar Mejia": a person each
            k = self._w.index("and", p, b)
            people = [(p, k), (k + 1, b)]
        if p >= b or not all(self._person_shaped(self._w[s:e]) for s, e in people):
            return
        head = last
        while head > a and self._w[head - 1] in self.titles:
            head -= 1
        if head > a:
            yield from self._parts(doc, a, head, phrases, local)
        for s, e in people:
            yield Found(s, e, "PERSON", self._text(s, e))

    def _parts(self, doc: Doc, a: int, b: int, phrases: dict[int, int],
               local: dict[str, Found]) -> Iterator[Found]:
        """Split at connectors; try each part whole, then the aliases inside."""
        k = a
        while k < b:
            e = self._part_end(k, b, phrases)
            if e > k:
                yield from self._inside(doc, k, e, phrases, local)
            k = e + 1

    def _part_end(self, a: int, b: int, phrases: dict[int, int]) -> int:
        """The first connector from ``a`` on (``b`` if none), aliases read whole."""
        e = a
        while e < b and self._w[e] not in self.connectors:
            e = max(e + 1, phrases.get(e, 0)) if e in phrases and phrases[e] <= b else e + 1
        return e

    def _inside(self, doc: Doc, a: int, b: int, phrases: dict[int, int],
                local: dict[str, Found]) -> Iterator[Found]:
        whole = self._whole(doc, a, b, local, sentence_start=self._sentence_start(doc, a))
        if whole is not None:
            yield whole
            return
        titled = list(self._titled(doc, a, b, phrases, local)) if b - a > 1 else []
        if titled:
            yield from titled
            return
        yield from self._aliases(doc, a, b, phrases, local)

    def _aliases(self, doc: Doc, a: int, b: int, phrases: dict[int, int],
                 local: dict[str, Found]) -> Iterator[Found]:
        """The aliases and the article's own names inside ``doc[a:b]``."""
        k = a
        while k < b:
            end = phrases.get(k)
            if end and end <= b and self._hyphenated(doc, k, end):
                k = end  # China-Europe freight trains: a modifier, not a mention
                continue
            if end and end <= b:
                hit = self._whole(doc, k, end, local, sentence_start=True)
                if hit is not None:
                    yield hit
                k = end
                continue
            text = self._w[k]
            if text in local and text not in self.leading:
                ref = local[text]
                yield Found(k, k + 1, ref.label, ref.lookup, ref.name)
            k += 1

    def _hyphenated(self, doc: Doc, a: int, b: int) -> bool:
        before = a > 0 and self._w[a - 1] == "-" and not self._spaced(a - 1) \
            and not self._spaced(a - 2)
        after = b < len(doc) and self._w[b] == "-" and not self._spaced(b - 1)
        return bool(before or after)

    # ------------------------------------------------------------ the article's own names
    def _long_forms(self, found: list[Found], opening: list[int]) -> list[Found]:
        """``Forum on China-Africa Cooperation (FOCAC)``: a capitalised run whose
        initials spell the abbreviation after it is an organisation's name,
        even when no other rule knew it (after Schwartz and Hearst, 2003).
        ``opening``: where a bracket opens."""
        ends = {f.end for f in found}
        out = list(found)
        n = len(self._w)
        for k in opening:
            if not 1 <= k < n - 2:
                continue
            abbr = self._w[k + 1]
            if self._w[k + 2] != ")" or abbr in self.not_names or abbr in self._term_set \
                    or not (2 <= len(abbr) <= 8 and abbr.isupper() and abbr.isalpha()):
                continue
            start = self._initials_match(abbr, k)
            if start is None:
                continue
            if k in ends and not all(f.label in ("GPE", "LOC") and f.start > start
                                     for f in out if f.end == k):
                continue  # a name found whole; but "Bank Negara Malaysia (BNM)" is the bank's
            inside = [f for f in out if start <= f.start and f.end <= k]
            if any(f.label == "ORG" for f in inside) or any(
                    f.start < start < f.end for f in out):
                continue
            for f in inside:
                out.remove(f)
            if start > 0 and self._w[start - 1] in self.org_prefixes:
                start -= 1  # PT Kereta Cepat Indonesia-China (KCIC)
            out.append(Found(start, k, "ORG", self._text(start, k)))
        return out

    def _terms(self, opening: list[int]) -> set[str]:
        """Abbreviations in brackets whose initials are those of the lower-case
        words before them (``gross gaming revenue (GGR)``, ``minimum support
        price (MSP)``): abbreviations of terms, never names. ``opening``:
        where a bracket opens."""
        out = set()
        n = len(self._w)
        for k in opening:
            if not 1 <= k < n - 2 or self._w[k + 2] != ")":
                continue
            abbr = self._w[k + 1]
            if not (2 <= len(abbr) <= 8 and abbr.isupper() and abbr.isalpha()):
                continue
            words: list[int] = []  # the words whose initials spell it, last first
            j = k - 1
            while j >= 0 and len(words) < len(abbr):
                if self._w[j] in self.connectors or self._w[j] == "-":
                    j -= 1
                    continue
                if not self._w[j].isalpha():
                    break
                words.append(j)
                j -= 1
            if len(words) == len(abbr) and "".join(
                    self._w[i][0] for i in reversed(words)).upper() == abbr and all(
                    not self._caps[i] or (i == words[-1] and self._opens(i)) for i in words):
                out.add(abbr)
        return out

    def _opens(self, i: int) -> bool:
        """Token ``i`` opens a sentence or a line."""
        return i == 0 or self._w[i - 1] in SENTENCE_END or "\n" in self._w[i - 1] \
            or self._w[i - 1] in ("--", '"')

    def _initials_match(self, abbr: str, k: int) -> int | None:
        """The first token of the run before ``k`` whose word initials contain
        the letters of ``abbr`` in order, the first letter opening the run."""
        j = k - 1
        letters = abbr.lower()
        pos = len(letters) - 1
        lowest = max(0, k - len(abbr) - 6)
        while j >= lowest and pos >= 0:
            word = self._w[j]
            if word in SENTENCE_END or word == ",":
                return None
            if word[:1].lower() == letters[pos] and word[:1].isalpha():
                pos -= 1
                if pos < 0:
                    return j if self._caps[j] else None
            elif self._caps[j] and pos == len(letters) - 1:
                return None  # the last word must give the last letter
            j -= 1
        return None

    def _remember(self, doc: Doc, f: Found, local: dict[str, Found]) -> None:
        words = self._w[f.start:f.end]
        if f.label == "PERSON" and len(words) >= 2:
            full = f.name or self._text(f.start, f.end)
            # Sun Yong ... Sun; Luiz Inacio Lula da Silva ... Lula; Noura Al-Fassam ... Al-Fassam
            for k, w in enumerate(_hyphen_groups(words)):
                if w not in self.joiners and not self.kb.is_alias(w) \
                        and not (k > 0 and w.lower() in self.currency_words):
                    # ("Qu Yuan" ... no "Yuan"; "Dong Yuhong" ... "Dong")
                    local[w] = Found(0, 0, "PERSON", full, full)
        elif f.label == "ORG" and len(words) >= 2 and not self.kb.is_alias(words[0]) \
                and words[-1] in self.company_suffixes:
            # a company's short forms: Hua Hong Semiconductor ... Hua Hong
            for k in range(1, len(words) - 1 if words[-1] in ("Ltd.", "Ltd") else len(words)):
                prefix = " ".join(words[:k])
                if words[k - 1] not in self.joiners and prefix not in local \
                        and not self.kb.is_alias(prefix) \
                        and not self.kb.cities_named(prefix):
                    local[prefix] = Found(0, 0, "ORG", f.lookup,
                                          f.name or self._text(f.start, f.end))
        elif f.label in ("ORG", "GPE", "LOC"):
            joined = " ".join(words)
            if self.kb.is_alias(joined):
                return
            local.setdefault(joined, Found(0, 0, f.label, f.lookup, f.name))
            if f.label == "GPE" and len(words) >= 2:
                # "Dingri County" ... "in Dingri": the name without its suffix
                for suffix in self._gpe_suffixes_by_last.get(words[-1], []):
                    name = words[:-len(suffix)]
                    bare = " ".join(name)
                    if words[-len(suffix):] == suffix and 0 < len(name) <= 2 \
                            and not self.kb.is_alias(bare) \
                            and not any(self.kb.cities_or_subdivisions(bare)):
                        local.setdefault(bare, Found(0, 0, "GPE", f.lookup,
                                                     f.name or self._text(f.start, f.end)))
                        break

    def _abbreviations(self, doc: Doc, found: list[Found], local: dict[str, Found],
                       body: int) -> list[Found]:
        """``General Administration of Customs (GAC)``: the form in parentheses
        names the same thing, here and in the rest of the article."""
        opening = positions(self._w, "(")  # where a bracket opens, for both readings
        terms = self._term_set = self._terms(opening)
        if terms:  # "gross gaming revenue (GGR)": a term's abbreviation, no name
            found = [f for f in found if not (f.end == f.start + 1 and self._w[f.start] in terms)]
        found = self._long_forms(found, opening)
        by_start = {f.start: f for f in found}
        bracketed: set[str] = set()
        out = list(found)
        for f in found:
            b = f.end
            if b + 2 >= len(doc) or self._w[b] != "(":
                continue
            close = next((k for k in range(b + 1, min(b + 6, len(doc))) if self._w[k] == ")"),
                         None)
            if close is None or close == b + 1:
                continue
            if not all(self._caps[k] or self._w[k] in self.connectors
                       for k in range(b + 1, close)):
                continue
            alias = Found(b + 1, close, f.label, f.lookup, f.name or self._text(f.start, f.end))
            if b + 1 in by_start:
                out.remove(by_start[b + 1])
            out.append(alias)
            local[self._text(b + 1, close)] = alias
            if close == b + 2:
                bracketed.add(self._w[b + 1])  # "(Afristar)": a name, though one capital
        # later mentions of an abbreviation defined after its first use elsewhere
        seen = {(f.start, f.end) for f in out}
        # "GAC", and "BoG" or "PBoC": one word with two capitals or more
        defined = {w for w in local
                   if " " not in w and w[:1].isupper() and sum(map(str.isupper, w)) >= 2}
        defined |= bracketed
        defined -= terms
        later = sorted(k for w in defined for k in positions(self._w, w, body))
        for k in later:
            ref = local[self._w[k]]
            if ref.label != "PERSON" and (k, k + 1) not in seen \
                    and not any(f.start <= k < f.end for f in out):
                out.append(Found(k, k + 1, ref.label, ref.lookup, ref.name))
        for f in out:
            ref = local.get(self._text(f.start, f.end))
            if ref is not None and f.end == f.start + 1 and self._w[f.start] in defined \
                    and f.label == "PERSON" and ref.label != "PERSON":
                f.label = ref.label  # "said the Copom, which ...": what the brackets defined
            if ref is not None and f.name is None and ref.name and ref.label == f.label:
                f.lookup, f.name = ref.lookup, ref.name
        return out


def _initials(word: str) -> bool:
    """``V.``, ``G.S.``: one to three initials, each a capital and a full stop."""
    return 2 <= len(word) <= 6 and len(word) % 2 == 0 and all(
        word[k].isupper() and word[k + 1] == "." for k in range(0, len(word), 2))


def _hyphen_groups(words: list[str]) -> list[str]:
    """The words of a name with hyphenated parts joined: ``Al - Jaber`` -> ``Al-Jaber``."""
    groups: list[str] = []
    glue = False
    for w in words:
        if w == "-":
            glue = bool(groups)
        elif glue:
            groups[-1] += "-" + w
            glue = False
        else:
            groups.append(w)
    return groups


@Language.factory(
    "entity_recognizer",
    assigns=["doc.spans", "span._.entity_lookup", "span._.entity_name"],
    requires=["doc._.header", "doc._.dateline"],
)
def make_entity_recognizer(nlp: Language, name: str) -> EntityRecognizer:
    return EntityRecognizer(nlp, name)


# ============================================================ linking
@dataclass(frozen=True)
class Link:
    kb_id: str | None
    name: str
    iso_alpha2: str | None = None
    iso_alpha3: str | None = None
    iso_3166_2: str | None = None
    geonames_id: int | None = None
    country: str | None = None


PLACE_LABELS = {"GPE", "LOC"}


class EntityLinker(ComponentMajor):
    """Chooses a knowledge-base entry for each entity span -> ``span._.link``
    and ``span.kb_id_``.

    Candidates come from the alias table; the label must agree (a place
    label takes a place, ORG an organisation); then an entry of a country the
    article is about (the dateline's first, then every country it names)
    beats a more populous namesake; then the prior. A GPE the table lacks is
    looked up among GeoNames cities under the same rule. Nothing is forced:
    no candidate, no ``kb_id``.
    """

    #: lookup forms whose candidates are remembered, and choices, before starting afresh
    max_remembered = 50_000

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.kb = KnowledgeBase.load()
        # kinds of organisation every country has one of ("National Bureau of
        # Statistics"): linked only in an article about their country
        self.national_bodies = frozenset(
            d.load_json(d.patterns_dir() / "entity_rules.json", d.EntityRules).national_bodies)
        # (place label or not, lookup form) -> candidates: names recur across articles
        self._remembered: dict[tuple[bool, str], tuple[Entry, ...]] = {}
        # (label, lookup form) -> the countries the choice may depend on
        self._countries: dict[tuple[str, str], tuple[str, ...]] = {}
        # (label, text, lookup, name, rank of each of those countries) -> the choice
        self._chosen: dict[tuple, Link] = {}

    def __call__(self, doc: Doc) -> Doc:
        spans = group_spans(doc, "entities")
        if not spans:
            return doc  # nothing to link, the group (or its absence) stays as it is
        countries = list(doc_values("context_countries")(doc)[0] or [])
        text = doc_text(doc)
        read = span_values("entity_lookup", "entity_name")
        # (span, label, text, lookup form, name): read once, no span._ (text == span.text)
        named = [(span, span.label_, text[span.start_char:span.end_char], *read(span))
                 for span in spans]
        candidates = [self._candidates(label, lookup or words)
                      for _, label, words, lookup, _ in named]
        # countries named without ambiguity join the context first
        for cands in candidates:  # (a national body does not make its country one)
            if len(cands) == 1 and cands[0].country and cands[0].country not in countries \
                    and cands[0].label in PLACE_LABELS:
                countries.append(cands[0].country)
        set_link = span_setter("link")
        strings = doc.vocab.strings
        rank = {c: k for k, c in enumerate(countries)}
        for (span, label, words, lookup, name), cands in zip(named, candidates, strict=True):
            link = self._chosen_link(label, words, lookup, name, cands, countries, rank)
            set_link(span, link)  # kept by offsets: the group's copies see it too
            span.kb_id = strings.add(link.kb_id) if link.kb_id else 0
        # the group holds copies of the spans: stored again, spaCy's own kb_id_ is
        # in it too, for displacy and friends
        store_group(doc, "entities", spans)
        return doc

    def _names_country(self, text: str, country: str) -> bool:
        """A word of ``text`` names ``country`` ("People's Bank of China")."""
        return any((best := self.kb.best_exact(w.strip(",.'"))) is not None
                   and best.kind == "country" and best.iso_alpha2 == country
                   for w in text.split())

    def _candidates(self, label: str, lookup: str) -> Sequence[Entry]:
        if label == "NORP" or label == "PERSON":
            return ()
        place = label in PLACE_LABELS
        found = self._remembered.get((place, lookup))
        if found is None:
            if len(self._remembered) >= self.max_remembered:
                self._remembered.clear()
            found = self._remembered[place, lookup] = tuple(
                e for e in self.kb.candidates(lookup) if place == (e.label in PLACE_LABELS))
        return found

    def _chosen_link(self, label: str, text: str, lookup: str | None, name: str | None,
                     cands: Sequence[Entry], countries: list[str], rank: dict[str, int]) -> Link:
        """:meth:`_choose`, remembered: the choice depends on the names, the
        candidates (given by the label and lookup form) and where in the
        article's countries (``rank``) the countries of the candidates,
        subdivisions and cities stand; most names recur with the same ones."""
        form = lookup or text
        relevant = self._countries.get((label, form))
        if relevant is None:
            found = {e.country for e in cands}
            if label == "GPE":
                cities, subdivisions = self.kb.cities_or_subdivisions(form)
                found.update(c.country for c in cities)
                found.update(s.country for s in subdivisions)
            if len(self._countries) >= self.max_remembered:
                self._countries.clear()
            relevant = self._countries[label, form] = tuple(sorted(found, key=lambda c: c or ""))
        key = (label, text, lookup, name, tuple(map(rank.get, relevant)))
        link = self._chosen.get(key)
        if link is None:
            if len(self._chosen) >= self.max_remembered:
                self._chosen.clear()
            link = self._chosen[key] = self._choose(label, text, lookup, name, cands, countries)
        return link

    def _choose(self, label: str, text: str, lookup: str | None, name: str | None,
                cands: Sequence[Entry], countries: list[str]) -> Link:
        """The best of the knowledge-base entries, ISO 3166-2 subdivisions and
        GeoNames cities the name may be: one in a country of the article first
        (the dateline's country ranks first), then by prior. A subdivision or a
        city abroad is never forced: it must be in the article's countries (a
        city of a million excepted). ``text`` is the span's, ``lookup`` and
        ``name`` its ``entity_lookup`` and ``entity_name``."""
        lookup = lookup or text
        name = name or lookup
        rank = {c: k for k, c in enumerate(countries)}
        far = len(rank)
        options: list[tuple[tuple, Link]] = []
        for e in cands:
            if e.org_type in self.national_bodies and rank and e.country not in rank \
                    and not self._names_country(text, e.country):
                continue  # Nigeria's "National Bureau of Statistics" is not China's
            options.append(((rank.get(e.country, far), -e.rank[0], -e.rank[1], e.id),
                            Link(e.qid, e.name, e.iso_alpha2, e.iso_alpha3, e.iso_3166_2,
                                 e.geonames_id, e.country)))
        if label == "GPE":
            cities, subdivisions = self.kb.cities_or_subdivisions(lookup)
            for sub in subdivisions:
                if sub.country in rank:  # Georgia next to Atlanta: the U.S. state
                    options.append(((rank[sub.country], -2, 0, sub.code),
                                    Link(None, sub.name, iso_3166_2=sub.code,
                                         country=sub.country)))
            if not options:
                for city in cities:
                    if city.country in rank or city.population >= 1_000_000:
                        options.append(((rank.get(city.country, far), -1, -city.population,
                                         str(city.geonames_id)),
                                        Link(None, city.name, geonames_id=city.geonames_id,
                                             country=city.country)))
        if options:
            return min(options, key=lambda o: o[0])[1]
        if label == "NORP":
            return Link(None, text, country=self.kb.demonyms.get(text))
        return Link(None, name)


@Language.factory(
    "kb_linker",
    assigns=["span._.link"],
    requires=["doc.spans", "doc._.context_countries"],
)
def make_kb_linker(nlp: Language, name: str) -> EntityLinker:
    return EntityLinker(nlp, name)
