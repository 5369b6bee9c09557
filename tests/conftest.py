from __future__ import annotations

from pathlib import Path

import pytest

from extractor import Extractor


@pytest.fixture(scope="session")
def extractor_instance() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor_instance: Extractor):
    def run(text: str):
        return extractor_instance.extract(text, record_id="t", source="<test>")

    return run


ARTICLES = Path(__file__).resolve().parent.parent / "corpus" / "articles"


@pytest.fixture(scope="session")
def corpus_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]


@pytest.fixture
def make_folder(tmp_path: Path, corpus_texts: list[str]):
    """``make_folder(n)``: a folder of ``n`` articles ``art-000.txt`` ... from the corpus.

    ``length`` corpus articles are joined into each (slower articles), and
    the texts differ from one file to the next.
    """

    def make(n: int, name: str = "in", length: int = 1) -> Path:
        folder = tmp_path / name
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(n):
            parts = [corpus_texts[(i + k) % len(corpus_texts)] for k in range(length)]
            (folder / f"art-{i:03d}.txt").write_text("\n".join(parts), encoding="utf-8")
        return folder

    return make
