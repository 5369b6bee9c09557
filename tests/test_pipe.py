"""Many articles at once: ``Extractor.extract_many`` and the components' ``pipe``."""

from __future__ import annotations

import pytest

from extractor import ArticleText, Extractor
from extractor.components import FactBuilder, NumericAtoms
from extractor.errors import InputError


@pytest.mark.parametrize("batch_size", [1, 7, 16])
def test_extract_many_gives_the_records_of_extract(
        extractor_instance: Extractor, corpus_texts: list[str], batch_size: int) -> None:
    texts = corpus_texts[:40]
    articles = [ArticleText(t, f"a{k}", f"a{k}.txt", ("a warning",)) for k, t in enumerate(texts)]
    many = list(extractor_instance.extract_many(articles, batch_size=batch_size))
    one = [extractor_instance.extract(a.text, record_id=a.record_id, source=a.source,
                                      warnings=a.warnings) for a in articles]
    assert [r.to_json() for r in many] == [r.to_json() for r in one]


def test_an_article_that_fails_fails_alone(extractor_instance: Extractor,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    build = FactBuilder.__call__

    def failing(self, doc):
        if "EXPLODE" in doc.text:
            raise RuntimeError("the fact builder broke")
        return build(self, doc)

    monkeypatch.setattr(FactBuilder, "__call__", failing)
    texts = ["Exports rose 5 percent.", "EXPLODE: imports fell 2 percent.",
             "Sales reached 3 billion yuan.", "Output grew 4 percent."]
    out = list(extractor_instance.extract_many([ArticleText(t) for t in texts], batch_size=4))
    assert isinstance(out[1], RuntimeError) and str(out[1]) == "the fact builder broke"
    assert [r.percentages[0].value for r in (out[0], out[3])] == [5, 4]
    assert out[2].money[0].amount == 3_000_000_000


def test_a_text_over_the_limit_fails_alone(extractor_instance: Extractor,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extractor_instance.nlp, "max_length", 100)
    texts = ["Exports rose 5 percent.", "Imports fell 2 percent. " * 10, "Output grew 4 percent."]
    out = list(extractor_instance.extract_many(
        [ArticleText(t, source=f"{k}.txt") for k, t in enumerate(texts)]))
    assert isinstance(out[1], InputError) and out[1].source == "1.txt"
    assert "over the pipeline's limit of 100" in out[1].reason
    assert [r.percentages[0].value for r in (out[0], out[2])] == [5, 4]


@pytest.mark.parametrize("run", ["extract_many", "nlp.pipe"])
def test_each_component_takes_a_batch_before_the_next(
        extractor_instance: Extractor, monkeypatch: pytest.MonkeyPatch, run: str) -> None:
    calls: list[tuple[str, str]] = []
    for cls in (NumericAtoms, FactBuilder):
        def logged(self, doc, _call=cls.__call__, _name=cls.__name__):
            calls.append((_name, doc.text))
            return _call(self, doc)

        monkeypatch.setattr(cls, "__call__", logged)
    texts = ["Exports rose 5 percent.", "Imports fell 2 percent.", "Output grew 4 percent."]
    if run == "extract_many":
        list(extractor_instance.extract_many([ArticleText(t) for t in texts], batch_size=2))
    else:
        list(extractor_instance.nlp.pipe(texts, batch_size=2))
    assert calls == [("NumericAtoms", texts[0]), ("NumericAtoms", texts[1]),
                     ("FactBuilder", texts[0]), ("FactBuilder", texts[1]),
                     ("NumericAtoms", texts[2]), ("FactBuilder", texts[2])]


def test_a_worker_chunk_is_whole_batches() -> None:
    from extractor.batch import CHUNK_SIZE
    from extractor.components.batched import BATCH_SIZE

    assert CHUNK_SIZE % BATCH_SIZE == 0


def test_nlp_pipe_gives_the_docs_of_nlp(extractor_instance: Extractor,
                                        corpus_texts: list[str]) -> None:
    from extractor.assemble import assemble

    nlp, ecb = extractor_instance.nlp, extractor_instance.ecb
    texts = corpus_texts[100:112]

    def record(doc) -> str:
        return assemble(doc, record_id="t", source="t", ecb=ecb).to_json()

    piped = [record(d) for d in nlp.pipe(texts, batch_size=5)]
    assert piped == [record(nlp(t)) for t in texts]


def test_the_young_generation_is_collected_less_often_while_the_pipeline_runs(
        extractor_instance: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from extractor.pipeline import YOUNG_THRESHOLD

    seen: list[int] = []
    call = NumericAtoms.__call__

    def watched(self, doc):
        seen.append(gc.get_threshold()[0])
        return call(self, doc)

    monkeypatch.setattr(NumericAtoms, "__call__", watched)
    before = gc.get_threshold()
    extractor_instance.extract("Exports rose 5 percent.")
    list(extractor_instance.extract_many([ArticleText("Imports fell 2 percent.")] * 3))
    assert seen == [max(before[0], YOUNG_THRESHOLD)] * 4
    assert gc.get_threshold() == before
