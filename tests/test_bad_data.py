"""Bad data files (issue 6): every file in ``patterns/`` broken in turn names
the file, the line and what is wrong when the pipeline is built, not at the
first article; data is parsed as data (no eval, exec or pickle anywhere).

The pipeline is pointed at a changed copy of ``patterns/`` through
``$EXTRACTOR_PATTERNS``.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import extractor
from extractor.data import PATTERNS_ENV, MatcherPattern, patterns_dir
from extractor.errors import DataFileError

ROOT = Path(__file__).resolve().parent.parent
DATA = sorted(
    str(p.relative_to(patterns_dir())) for p in patterns_dir().rglob("*")
    if p.is_file() and p.suffix != ".md"  # the data, not its documentation
)
JSONL = [name for name in DATA if name.endswith(".jsonl")]
JSON = [name for name in DATA if name.endswith(".json")]
TSV = [name for name in DATA if name.endswith(".tsv")]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch) -> Path:
    dst = tmp_path / "patterns"
    shutil.copytree(patterns_dir(), dst)
    monkeypatch.setenv(PATTERNS_ENV, str(dst))
    return dst


def _replace_line(path: Path, line: int, content: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[line - 1] = content
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _load_error(name: str) -> DataFileError:
    with pytest.raises(DataFileError) as info:
        extractor.load()
    error = info.value
    assert error.path.endswith(f"patterns/{name}"), error.path
    assert str(error).startswith(f"{error.path}:{error.line}: ")
    return error


def test_every_data_file_is_covered() -> None:
    assert sorted(JSONL + JSON + TSV) == DATA
    assert {"money_patterns.jsonl", "units.jsonl", "dateline.json"} <= set(DATA)


@pytest.mark.parametrize("name", JSONL)
def test_jsonl_line_that_is_not_json(folder: Path, name: str) -> None:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    _replace_line(folder / name, len(lines), '{"form": "yuan",')
    error = _load_error(name)
    assert error.line == len(lines) and "not valid JSON" in error.reason


@pytest.mark.parametrize("name", JSONL)
def test_jsonl_line_with_an_unknown_field(folder: Path, name: str) -> None:
    first = json.loads((folder / name).read_text(encoding="utf-8").splitlines()[0])
    _replace_line(folder / name, 1, json.dumps({**first, "colour": "red"}))
    error = _load_error(name)
    assert error.line == 1 and "colour" in error.reason and "Extra inputs" in error.reason


@pytest.mark.parametrize("name", JSON)
def test_json_file_that_is_not_json(folder: Path, name: str) -> None:
    _replace_line(folder / name, 3, "  oops,")
    error = _load_error(name)
    assert error.line == 3 and "not valid JSON" in error.reason


@pytest.mark.parametrize("name", JSON)
def test_json_key_of_the_wrong_type(folder: Path, name: str) -> None:
    path = folder / name
    obj = json.loads(path.read_text(encoding="utf-8"))
    key = next(k for k, v in obj.items() if isinstance(v, list | dict))
    obj[key] = 42
    lines = json.dumps(obj, indent=2, ensure_ascii=False)
    path.write_text(lines, encoding="utf-8")
    error = _load_error(name)
    assert key in error.reason
    assert lines.splitlines()[error.line - 1].lstrip().startswith(f'"{key}":')


@pytest.mark.parametrize("name", TSV)
def test_tsv_row_with_a_missing_cell(folder: Path, name: str) -> None:
    lines = (folder / name).read_text(encoding="utf-8").splitlines()
    _header, row = [n for n, line in enumerate(lines, 1) if line.strip() and line[0] != "#"][:2]
    _replace_line(folder / name, row, "\t".join(lines[row - 1].split("\t")[:-1]))
    error = _load_error(name)
    assert error.line == row and "cells" in error.reason


@pytest.mark.parametrize(
    ("token", "message"),
    [
        ({"LOWERR": "yuan"}, "LOWERR"),
        ({"LOWER": "yuan", "OP": "++"}, "OP"),
        ({"_": {"nmu": "B"}}, "'_.nmu'"),
    ],
    ids=["unknown-attribute", "bad-operator", "unknown-extension"],
)
def test_pattern_that_spacy_would_refuse(folder: Path, token: dict, message: str) -> None:
    """Before: a ValueError traceback from spaCy with no file or line, or, for
    an unknown extension, an AttributeError at the first article."""
    row = {"label": "MONEY", "id": "broken", "pattern": [token]}
    _replace_line(folder / "money_patterns.jsonl", 2, json.dumps(row))
    error = _load_error("money_patterns.jsonl")
    assert error.line == 2 and message in error.reason


def test_named_word_list_is_a_valid_pattern() -> None:
    """``{"IN": "MONTHS"}`` names a list a component fills in; only the rest is checked."""
    token = {"LOWER": {"IN": "MONTHS"}}
    assert MatcherPattern(label="P", id="p", pattern=[token]).pattern == [token]
    with pytest.raises(ValueError, match="LOWERR"):
        MatcherPattern(label="P", id="p", pattern=[{"LOWERR": {"IN": "MONTHS"}}])


def test_command_names_the_bad_line(folder: Path, tmp_path: Path) -> None:
    _replace_line(folder / "percent_patterns.jsonl", 2, '{"label": "PERCENT"}')
    article = tmp_path / "a.txt"
    article.write_text("Trade rose 5 percent.", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "extractor.cli", str(article)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "Traceback" not in proc.stderr
    (line,) = proc.stderr.strip().splitlines()
    assert line.startswith(f"Error: {folder / 'percent_patterns.jsonl'}:2: id: Field required")


def test_override_that_is_no_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(PATTERNS_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(DataFileError, match=PATTERNS_ENV):
        extractor.load()


def test_bad_rates_file(tmp_path: Path) -> None:
    rates = tmp_path / "eurofxref-hist.zip"
    rates.write_bytes(b"not a zip")
    with pytest.raises(DataFileError, match="eurofxref-hist.zip: not a usable ECB rates file"):
        extractor.Extractor(rates_file=rates)


# ------------------------------------------------------------ data, not code
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve", "joblib", "cloudpickle"}


def _code_loaders(source: str) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in FORBIDDEN_CALLS:
                found.append(f"{node.func.id}()")
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom):
            if (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
                found.append(node.module)
        elif isinstance(node, ast.Attribute) and node.attr in ("pickle_loads", "unsafe_load"):
            found.append(node.attr)
    return found


def test_no_module_runs_or_unpickles_data() -> None:
    offenders = {
        str(path.relative_to(ROOT)): _code_loaders(path.read_text(encoding="utf-8"))
        for path in sorted((ROOT / "extractor").rglob("*.py"))
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_check_sees_eval_and_pickle() -> None:
    source = "import pickle\nfrom marshal import loads\nx = eval('1')\ny = srsly.pickle_loads(b)\n"
    assert sorted(_code_loaders(source)) == ["eval()", "marshal", "pickle", "pickle_loads"]
