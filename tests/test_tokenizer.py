"""The tokenizer: lossless, spaCy's own tokens for ordinary text, long
punctuation runs cut into pieces (their time is measured, as ratios, by
``scripts/bench_pathological.py``)."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.tokenizer import MAX_RUN, MAX_URL, RunLimitedTokenizer, _cuts


@pytest.fixture(scope="module")
def tokenizer(extractor_instance) -> RunLimitedTokenizer:
    tok = extractor_instance.nlp.tokenizer
    assert isinstance(tok, RunLimitedTokenizer)
    return tok


def test_ordinary_text_is_not_cut(tokenizer) -> None:
    text = "LHASA, Feb. 17 (Xinhua) -- Trade hit US$58.39 billion ((about 1.2bn yuan))."
    assert [t.text for t in tokenizer(text)] == [t.text for t in tokenizer.tokenizer(text)]


def test_long_runs_are_cut_between_punctuation() -> None:
    assert _cuts("(" * 250, 0, 250) == [100, 200]
    assert _cuts("7" * 1000, 0, 1000) == []  # letters and digits: spaCy is linear on them
    text = "x" * 150 + "((" + "y" * 10
    assert _cuts(text, 0, len(text)) == [151]


def test_a_long_run_keeps_text_and_tokens(tokenizer) -> None:
    text = "Trade hit " + "(" * (3 * MAX_RUN) + "5 billion yuan" + ")" * 250 + " today"
    doc = tokenizer(text)
    assert doc.text == text
    assert [t.text for t in doc] == [t.text for t in tokenizer.tokenizer(text)]
    digits = "7" * (3 * MAX_RUN + 5) + " yuan"
    assert [t.text for t in tokenizer(digits)] == [digits[:-5], "yuan"]


_RUNS = st.text(st.sampled_from("((()%$.-,'\"a5 "), max_size=4 * MAX_RUN)


@settings(max_examples=150, deadline=None)
@given(text=_RUNS)
def test_lossless(tokenizer, text: str) -> None:
    doc = tokenizer(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)


def test_url_pattern_is_tried_on_short_strings_only(tokenizer) -> None:
    # spaCy's URL pattern is quadratic on "a:a:a:...": 8,000 characters took 0.4 s
    assert tokenizer.url_match("https://english.news.cn/20250218/c_1.htm")
    assert tokenizer.url_match("a:" * MAX_URL) is None
    text = "See https://english.news.cn/20250218/c_1.htm for 5 billion yuan."
    assert "https://english.news.cn/20250218/c_1.htm" in [t.text for t in tokenizer(text)]


def test_tokenizer_survives_pickle_and_bytes(extractor_instance, tokenizer) -> None:
    text = "See https://news.cn/a for US$5bn (((("
    copy = pickle.loads(pickle.dumps(tokenizer))
    assert [t.text for t in copy(text)] == [t.text for t in tokenizer(text)]
    assert extractor_instance.nlp.to_bytes()


def test_quicker_lexeme_getters_give_spacys_values(tokenizer) -> None:
    """The getters the vocabulary is given for spaCy's (string methods, a
    like_url that skips texts with no full stop, a remembered word shape)
    give the same values."""
    from spacy.lang import lex_attrs

    from extractor.tokenizer import _QUICKER, _remembering

    text = ("LHASA, Feb. 17 (Xinhua) -- Trade hit US$58.39 billion; see https://news.cn "
            "or www.xinhua.org, mail a.b@c.com. ÉTÉ Ǆemal ǅ ΑΒΓ straße ½ ٣ 5,000.5 x. .x")
    words = [t.text for t in tokenizer(text)] + text.split() + ["http://x", "https://", "a.com",
                                                                  "a.b.c:80/", "\u00a0", "İ"]
    assert _QUICKER
    for spacys, quicker in _QUICKER.items():
        assert [quicker(w) for w in words] == [spacys(w) for w in words], spacys.__name__
    shape = _remembering(lex_attrs.word_shape)
    assert [shape(w) for w in words + words[::-1]] == [
        lex_attrs.word_shape(w) for w in words + words[::-1]]
