from __future__ import annotations

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
