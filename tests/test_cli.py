"""The ``extract`` command: output, flags, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "articles" / "xizang-foreign-trade-2024.txt"
runner = CliRunner()


def test_file_compact() -> None:
    result = runner.invoke(app, [str(SEED), "--compact"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.strip().splitlines()) == 1
    record = json.loads(result.stdout)
    assert record["id"] == SEED.stem and len(record["money"]) == 8


def test_pretty() -> None:
    result = runner.invoke(app, [str(SEED), "--pretty"])
    assert result.exit_code == 0
    assert result.stdout.startswith("{\n  ")


def test_stdin() -> None:
    result = runner.invoke(app, ["-", "--compact"], input="Exports hit 5 billion yuan.")
    assert result.exit_code == 0
    record = json.loads(result.stdout)
    assert record["source"] == "<stdin>" and record["money"][0]["amount"] == 5000000000


def test_schema() -> None:
    result = runner.invoke(app, ["--schema"])
    schema = json.loads(result.stdout)
    assert set(schema["properties"]) >= {"id", "money", "percentages", "quantities",
                                         "conversions", "entities", "warnings"}


def _file(folder: Path, name: str, content: bytes) -> Path:
    path = folder / name
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file"),
        (lambda p: p, "no article matches '*.txt'"),  # a folder is batch mode: none in it
        (lambda p: _file(p, "empty.txt", b""), "the file is empty"),
        (lambda p: _file(p, "bin.dat", b"\x00\x01\x02" * 50), "binary"),
    ],
    ids=["missing", "empty-directory", "empty", "binary"],
)
def test_bad_input_one_line_exit_2(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "extractor.cli", str(path)], capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0]
    assert "Traceback" not in proc.stderr


def test_no_argument_is_an_error() -> None:
    result = runner.invoke(app, ["--compact"])
    assert result.exit_code == 2


def test_help_keeps_the_defaults_it_states() -> None:
    # rich reads "[default: ...]" as markup and dropped it from the help
    result = runner.invoke(app, ["--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0
    text = " ".join(result.stdout.replace("│", " ").split())
    for default in ("default: the number of cores", "default: start a local cluster",
                    "default: indented on a terminal"):
        assert default in text
