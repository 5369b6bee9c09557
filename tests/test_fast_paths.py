"""The shortcuts taken for speed give what the plain spaCy way gives.

* WindowedMatcher finds what a Matcher over the whole Doc finds;
* WireTokenizer (no plain-whitespace rules, primed cache) makes the Doc the
  plain spaCy tokenizer makes, on first and later passes;
* the doc.user_data accessors read and write what ``span._``/``token._`` do,
  and fall back to them for attributes with a getter;
* the number-start lexeme flag and parse_digits' early exit agree with their
  definitions.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

import pytest
import regex
from spacy.attrs import IDX, LIKE_NUM, LOWER, NORM, ORTH, SHAPE, SPACY
from spacy.tokenizer import Tokenizer
from spacy.tokens import Span, Token

from extractor.components import extensions
from extractor.components.amounts import _DocAtoms
from extractor.components.atoms import group_spans
from extractor.components.windowed import plan_for
from extractor.pipeline import load
from extractor.tokenizer import WireTokenizer, doc_text
from extractor.values import _DIGITS, MAX_DIGITS, is_numeral, parse_digits

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "corpus" / "articles").glob("*.txt"))


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    for path in sorted((ROOT / "tests" / "cases").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                texts.append(line.split("\t")[0].replace("\\n", "\n"))
    rng = random.Random(11)
    pieces = ["\n", "\t", " ", "  ", "\xa0", "\n\n", " \n", "Jan.", "U.S.", "5", "(Xinhua)",
              "--", "3.5%", "US$5", "can't", ":)", "p.m.", "5km", "RMB1,000", "date", "—"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 10))) for _ in range(800)]
    return texts + [" ", "  ", "\n", " a", " \na", "a  b"]


@pytest.fixture(scope="module")
def nlp():
    return load()


def test_windowed_matcher_finds_what_the_matcher_finds(nlp) -> None:
    """Over the whole Doc, with the window memo empty and then filled."""
    rulers = {n: nlp.get_pipe(n) for n in ("money_ruler", "percent_ruler", "quantity_ruler")}
    for ruler in rulers.values():
        assert plan_for(ruler.matcher._patterns) is not None  # the windowed path is taken
        ruler.matcher._seen.clear()
    docs = [p.read_text(encoding="utf-8") for p in ARTICLES]
    docs += [t for t in _texts()[len(ARTICLES):] if any(c.isdigit() for c in t)]
    for _ in range(2):
        for text in docs:
            doc = nlp.make_doc(text)
            for name, proc in nlp.pipeline:
                if name in rulers:
                    atoms = _DocAtoms.read(doc, proc.unit_group)
                    windowed = proc.matcher(
                        doc, lambda attr, p=proc, a=atoms, d=doc: p._marked_ranges(d, a, attr)
                    )
                    assert sorted(windowed) == sorted(proc.matcher.matcher(doc)), (text, name)
                doc = proc(doc)


def test_wire_tokenizer_makes_the_plain_tokenizers_docs(nlp) -> None:
    wire = nlp.tokenizer
    wire = getattr(wire, "tokenizer", wire)  # a wrapper's (RunLimitedTokenizer)
    assert isinstance(wire, WireTokenizer)
    rules = dict(wire.rules)
    rules.update({"\n": [{ORTH: "\n"}], "\t": [{ORTH: "\t"}], " ": [{ORTH: " "}]})
    plain = Tokenizer(
        wire.vocab, rules=rules, prefix_search=wire.prefix_search,
        suffix_search=wire.suffix_search, infix_finditer=wire.infix_finditer,
        token_match=wire.token_match, url_match=wire.url_match,
    )
    attrs = [ORTH, NORM, LOWER, SHAPE, LIKE_NUM, SPACY, IDX]
    texts = _texts()
    for _ in range(2):  # the second pass reads the primed cache
        for text in texts:
            a, b = wire(text), plain(text)
            assert a.to_bytes() == b.to_bytes(), repr(text)
            assert (a.to_array(attrs) == b.to_array(attrs)).all(), repr(text)
            assert [t.is_sent_start for t in a] == [t.is_sent_start for t in b], repr(text)
            assert doc_text(a) == a.text == text


def test_user_data_accessors_match_underscore(nlp) -> None:
    doc = nlp.make_doc("Trade rose 5 percent to 12 billion yuan.")
    span = doc[2:4]
    set_two = extensions.span_setter("value", "unit")
    set_two(span, Decimal("5"), "percent")
    assert (span._.value, span._.unit) == (Decimal("5"), "percent")
    span._.qualifier = "about"
    assert extensions.span_getter("qualifier")(span) == "about"
    assert extensions.span_getter("per")(span) is None  # the default
    assert extensions.span_values("qualifier", "per", "value")(span) == [
        "about", None, Decimal("5")]
    extensions.token_setter("num")(doc, [(2, "B")])
    assert doc[2]._.num == "B" and doc[3]._.num == ""
    # an attribute with a getter goes through span._
    Span.set_extension("test_fast_paths_x", getter=lambda s: s.text.upper(), force=True)
    try:
        assert extensions.span_getter("test_fast_paths_x")(span) == "5 PERCENT"
        assert extensions.span_values("unit", "test_fast_paths_x")(span) == [
            "percent", "5 PERCENT"]
    finally:
        Span.remove_extension("test_fast_paths_x")
    Token.set_extension("test_fast_paths_t", default="", force=True)
    try:
        extensions.token_setter("test_fast_paths_t")(doc, [(0, "y")])
        assert doc[0]._.test_fast_paths_t == "y"
    finally:
        Token.remove_extension("test_fast_paths_t")


def test_group_spans_are_the_stored_spans(nlp) -> None:
    for path in ARTICLES[:10]:
        doc = nlp(path.read_text(encoding="utf-8"))
        for key in list(doc.spans):
            got = [(s.start, s.end, s.label_) for s in group_spans(doc, key)]
            assert got == [(s.start, s.end, s.label_) for s in doc.spans[key]]
        doc.spans["atoms_num"] = list(doc.spans["atoms_num"])[:1]  # replaced: read anew
        assert len(group_spans(doc, "atoms_num")) == len(doc.spans["atoms_num"])


def test_number_start_flag_is_its_definition(nlp) -> None:
    atoms = nlp.get_pipe("numeric_atoms")
    may_start = set(atoms._word_start) | {"a", "an"} | set(atoms.lex.number_words.fractions)
    for path in ARTICLES:
        doc = nlp.make_doc(path.read_text(encoding="utf-8"))
        flagged = set(doc.to_array(atoms._start_flag).nonzero()[0].tolist())
        want = {
            t.i for t in doc if parse_digits(t.text) is not None or t.lower_ in may_start
        }
        assert flagged == want, path.name


def _parse_digits_by_regex(text: str) -> Decimal | None:
    m = _DIGITS.match(text)
    if m is None or (m.group("int") is None and m.group("frac") is None):
        return None
    try:
        value = Decimal((m.group("int") or "0").replace(",", "")
                        + ("." + m.group("frac") if m.group("frac") else ""))
    except ArithmeticError:
        return None
    return -value if m.group("sign") in ("-", "\u2212") else value


def test_parse_digits_early_exit_changes_nothing() -> None:
    rng = random.Random(5)
    alphabet = ["1", "0", "9", ",", ".", "-", "+", "\u2212", "\n", " ", "a", "٣", "²",
                "345", ",000", "\U00010d41"]
    samples = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 7)))
               for _ in range(20000)]
    digits = regex.findall(r"\d", "".join(map(chr, range(0x110000))))
    samples += digits + [d + "\n" for d in digits] + ["12\n", "1.5\n", "\n"]
    samples += ["9" * MAX_DIGITS, "9" * (MAX_DIGITS + 1), "1," + "999," * 6 + "999",
                "1" * 15 + "." + "1" * 5, "1" * 15 + "." + "1" * 6, ".5", "-.5", "-", "+1"]
    for text in samples:
        assert parse_digits(text) == _parse_digits_by_regex(text) or len(text) > 7, repr(text)
        assert is_numeral(text) == (parse_digits(text) is not None), repr(text)


def test_kept_is_filter_spans(nlp) -> None:
    from spacy.util import filter_spans

    from extractor.components.atoms import _kept

    doc = nlp.make_doc(" ".join(["w"] * 32))
    rng = random.Random(2)
    for _ in range(3000):
        matches = []
        for _ in range(rng.randint(0, 8)):
            start = rng.randint(0, 28)
            matches.append((rng.choice([11, 22, 33]), start, start + rng.randint(1, 3)))
        spans = [Span(doc, s, e, label=label) for label, s, e in matches]
        want = [(s.label, s.start, s.end) for s in filter_spans(spans)]
        assert _kept(matches) == want


def test_long_run_precheck_is_the_expression() -> None:
    """RunLimitedTokenizer skips its run expression only when it cannot match:
    the characters ``str.split`` and ``\\s`` disagree on are the ones it knows."""
    from extractor.tokenizer import _LONG_RUN, _SPLIT_ONLY, MAX_RUN, _may_have_long_run

    space = regex.compile(r"\s")
    disagree = {c for c in map(chr, range(0x110000)) if c.isspace() != bool(space.match(c))}
    assert disagree == set(_SPLIT_ONLY)
    rng = random.Random(7)
    pieces = ["a", "b" * 40, "(" * 30, " ", "\n", "\xa0", "\u2003", *_SPLIT_ONLY, "\t", "9" * 60]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(5000)]
    texts += ["x" * MAX_RUN, "x" * (MAX_RUN + 1), " " * 300, "a\x1c" * 80, ""]
    for text in texts:
        found = bool(_LONG_RUN.search(text))
        assert _may_have_long_run(text) or not found, repr(text[:40])
        if not any(c in text for c in _SPLIT_ONLY):
            assert _may_have_long_run(text) == found, repr(text[:40])


def test_window_memo_gives_the_matchers_matches(nlp) -> None:
    """WindowMemo returns what the Matcher finds in each window, for windows
    of shapes seen before too; patterns that test more than the word are
    simply run."""
    from spacy.matcher import Matcher

    from extractor.components.windowmemo import WindowMemo

    fb = nlp.get_pipe("fact_builder")
    memo = WindowMemo(fb.period_matcher)
    texts = [p.read_text(encoding="utf-8") for p in ARTICLES]
    texts += ["In January 2023 and in February 2024, the first half of 2022 and H1 2021",
              "from Jan. 28 to Feb. 4, 2025, as of 3 p.m. Saturday; the end of last year"]
    for _round in range(2):  # shapes new, then known
        for text in texts:
            doc = nlp.make_doc(text)
            words = [t.text for t in doc]
            for a in range(0, len(doc), 7):
                b = min(len(doc), a + 12)
                want = [(m, a + s, a + e) for m, s, e in fb.period_matcher(doc[a:b])]
                assert memo(doc, a, b, words) == want, (text[:40], a)
    assert memo._tests is not None and memo._shapes
    other = Matcher(nlp.vocab)
    other.add("X", [[{"LOWER": "in"}, {"IS_SENT_START": False, "SHAPE": "dddd"}]])
    fallback = WindowMemo(other)
    doc = nlp.make_doc("Exports rose in 2024.")
    assert fallback(doc, 0, len(doc), [t.text for t in doc]) == list(other(doc))
    assert fallback._tests is None


def test_flagged_word_lists_match_what_the_lists_match(monkeypatch) -> None:
    """The fact builder's period patterns with their word lists as lexeme
    flags find what spaCy's IN predicates find, words new to the vocabulary
    included; a vocabulary with no free flag bit keeps the predicates."""
    from spacy.matcher import Matcher

    from extractor.components import facts, lexflags

    added = []

    def spy(matcher, key, patterns):
        added.append((key, patterns))
        lexflags.add_flagged(matcher, key, patterns)

    monkeypatch.setattr(facts, "add_flagged", spy)
    nlp = load()
    flagged = nlp.get_pipe("fact_builder").period_matcher
    plain = Matcher(nlp.vocab)
    for key, patterns in added:
        plain.add(key, patterns)
    assert added and any(isinstance(k, int) for _, ps in added
                         for k in lexflags.flag_pattern(nlp.vocab, ps[0])[0])
    texts = _texts() + ["Sales in JANUARY-March 2024, from Jan. 28 to Feb. 4 and as of "
                        "3 p.m. Saturday; the first Two quarters, H1 2023, q3 2021."]
    for text in texts:
        doc = nlp.make_doc(text)
        assert sorted(flagged(doc)) == sorted(plain(doc)), text[:60]
    vocab = nlp.vocab
    pattern = [{"SHAPE": {"IN": ["dd"]}, "OP": "?"}, {"LOWER": {"NOT_IN": ["x", "y"]}},
               {"ORTH": {"IN": ["Z"]}}]
    rewritten = lexflags.flag_pattern(vocab, pattern)
    # the specs a match can start with become flags; the last stays a predicate
    assert all(isinstance(k, int) for spec in rewritten[:2] for k in spec if k != "OP")
    assert rewritten[2] == pattern[2]
    assert lexflags.flag_pattern(vocab, pattern) == rewritten  # the flags are reused
    a, b = Matcher(vocab), Matcher(vocab)
    a.add("P", [pattern])
    lexflags.add_flagged(b, "P", [pattern])
    for text in ["a 12 Z", "12 X Z", "12 x Z", "w Z z", "b 1 Z", "99 Q Z Z", "x Z", "q Z"]:
        doc = nlp.make_doc(text)
        assert a(doc) == b(doc), text
    full = load().vocab
    while lexflags.word_flag(full, "LOWER", frozenset({str(len(full.lex_attr_getters))})):
        pass
    assert lexflags.flag_pattern(full, pattern) == pattern


def test_window_memo_cuts_windows_only_where_no_match_can_be(nlp) -> None:
    """Runs cut at the tokens no spec can take give the Matcher's matches,
    in its order, with optional, repeated and wildcard-like specs; a negated
    spec turns the cutting off."""
    from spacy.matcher import Matcher

    from extractor.components.windowmemo import WindowMemo

    matcher = Matcher(nlp.vocab)
    matcher.add("A", [[{"LOWER": "since"}, {"IS_ALPHA": True, "OP": "?"},
                       {"IS_ALPHA": True, "OP": "?"}, {"LOWER": "began"}]])
    matcher.add("B", [[{"LOWER": "as"}, {"IS_ALPHA": False, "OP": "*"}, {"SHAPE": "dddd"}]])
    matcher.add("C", [[{"LOWER": "up", "OP": "+"}, {"LIKE_NUM": True}]])
    negated = Matcher(nlp.vocab)
    negated.add("N", [[{"LOWER": "in"}, {"LOWER": "the", "OP": "!"}, {"SHAPE": "dddd"}]])
    doc = nlp.make_doc("Since work began , sales rose up up 5 percent as , 2024 and in May 2023 "
                       "since the plant began as 2023 in the 2022")
    words = [t.text for t in doc]
    for m in (matcher, negated):
        memo = WindowMemo(m)
        for _round in range(2):
            for a in range(len(doc)):
                for b in range(a + 1, len(doc) + 1):
                    want = [(k, a + s, a + e) for k, s, e in m(doc[a:b])]
                    assert memo(doc, a, b, words) == want, (a, b)
    assert memo._places.specs is None  # not cut
