"""A malformed data file names the file, the line and what is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor.data import patterns_dir
from extractor.errors import DataFileError
from extractor.lexicon import Lexicon


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    dst = tmp_path / "patterns"
    shutil.copytree(patterns_dir(), dst)
    return dst


def test_real_files_load() -> None:
    lex = Lexicon.load()
    assert lex.currencies and lex.units and lex.hedges


@pytest.mark.parametrize(
    ("file", "line", "content", "message"),
    [
        ("hedges.jsonl", 2, '{"qualifier": "about"}', "forms"),
        ("hedges.jsonl", 1, "{not json", "not valid JSON"),
        ("units.jsonl", 3, '{"unit": "t", "kind": "m", "words": [], "symbols": [], "x": 1}',
         "Extra inputs"),
        ("currency_forms.jsonl", 1,
         '{"form": "yuan", "iso": "cny", "position": "after", "case_sensitive": false}', "iso"),
        ("magnitudes.jsonl", 1, '{"form": "million", "exponent": 99}', "exponent"),
    ],
)
def test_bad_line(folder: Path, file: str, line: int, content: str, message: str) -> None:
    path = folder / file
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = content
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        Lexicon.load(folder)
    assert info.value.line == line
    assert file in str(info.value) and message in str(info.value)


def test_bad_json_file(folder: Path) -> None:
    (folder / "counted.json").write_text('{"max_modifiers": "many"}', encoding="utf-8")
    with pytest.raises(DataFileError, match="counted.json"):
        Lexicon.load(folder)
