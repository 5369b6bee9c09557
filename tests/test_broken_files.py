"""Broken files (issue 6), through the library and through the ``extract`` command.

Files in other encodings are decoded, with a warning in the record naming the
encoding; files that are no text, empty, too large or unreadable are one
``Error: <path>: ...`` line on standard error and exit status 2, never a
traceback, and the other files of the same run are still extracted.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from extractor import pipeline
from extractor.errors import InputError
from extractor.reader import decode, read_file

ARTICLE = "LHASA, Feb. 17 (Xinhua) -- Trade in São Paulo hit 5 billion yuan, up 3 percent.\n"
CHINESE = "拉萨2月17日电 -- 西藏外贸增长5%。Trade hit 5 billion yuan, up 3 percent.\n"
CP1252 = "He said \u201cTrade hit 5 billion yuan\u201d \u2013 up 3 percent.\n"

#: name -> (bytes, encoding named in the warning, decoded text)
ENCODED = {
    "latin1": (ARTICLE.encode("latin-1"), "latin-1", ARTICLE),
    "cp1252": (CP1252.encode("cp1252"), "cp1252", CP1252),
    "gbk": (CHINESE.encode("gbk"), "gb18030", CHINESE),
    "gb18030": (CHINESE.encode("gb18030"), "gb18030", CHINESE),
    "utf16-bom-le": (ARTICLE.encode("utf-16"), "utf-16", ARTICLE),
    "utf16-bom-be": (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16", ARTICLE),
    "utf16le-no-bom": (ARTICLE.encode("utf-16-le"), "utf-16-le", ARTICLE),
    "utf16be-no-bom": (ARTICLE.encode("utf-16-be"), "utf-16-be", ARTICLE),
    "utf32": (ARTICLE.encode("utf-32"), "utf-32", ARTICLE),
    "invalid-utf8": (b"Trade \xff\xfe hit 5 billion yuan.\n", "latin-1",
                     "Trade \xff\xfe hit 5 billion yuan.\n"),
    "truncated-utf8": (b"Trade hit 5 billion yuan \xe4\xb8", "latin-1",
                       "Trade hit 5 billion yuan \xe4\xb8"),
}

#: name -> (bytes, what the error says)
REFUSED = {
    "empty": (b"", "the file is empty"),
    "blank": (b" \r\n\t\n", "the file is empty"),
    "blank-utf16": (" \n".encode("utf-16"), "the file is empty"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    "controls": (bytes(range(1, 32)) * 20, "binary"),
    "bad-utf16-bom": (b"\xff\xfe\x00\xd8A", "not valid utf-16"),
}


@pytest.mark.parametrize("name", ENCODED)
def test_other_encodings_are_decoded_with_a_warning(extractor_instance, name: str) -> None:
    raw, encoding, text = ENCODED[name]
    decoded = decode(raw, name)
    assert (decoded.encoding, decoded.text) == (encoding, text)
    record = extractor_instance.extract_bytes(raw, record_id=name, source=name)
    (warning,) = [w for w in record.warnings if w.code == "input"]
    assert warning.message.startswith(f"decoded as {encoding}:")
    (money,) = record.money
    assert (money.text, money.amount) == ("5 billion yuan", 5_000_000_000)
    assert decoded.text[money.start : money.end] == money.text


def test_latin1_is_not_read_as_chinese() -> None:
    # GB18030 decodes these bytes too: "São" -> "S鉶", "Zürich" -> "Z黵ich"
    for word in ("São Paulo", "Zürich", "Côte d'Ivoire"):
        assert decode(f"Trade in {word} rose.".encode("latin-1")).encoding == "latin-1"


@pytest.mark.parametrize("name", REFUSED)
def test_no_text_is_an_input_error(extractor_instance, name: str) -> None:
    raw, message = REFUSED[name]
    with pytest.raises(InputError, match=message):
        extractor_instance.extract_bytes(raw, record_id=name, source=name)


def test_size_limit_is_checked_before_reading(tmp_path: Path, monkeypatch) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: 4 GiB on disk costs nothing
        handle.truncate(4 * 1024**3)
    monkeypatch.setattr("builtins.open", _no_open)
    with pytest.raises(InputError, match="over the limit of 1000 bytes"):
        read_file(str(big), max_bytes=1000)


def _no_open(*args, **kwargs):
    raise AssertionError("read_file opened a file over the limit")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_size_limit_holds_for_endless_files() -> None:
    # a device's size is 0: the reader stops at the limit instead of reading forever
    with pytest.raises(InputError, match="over the limit of 1000 bytes"):
        read_file("/dev/zero", max_bytes=1000)


def test_unreadable_file_is_an_input_error(tmp_path: Path, monkeypatch) -> None:
    """The library's own path, as any user (see the command's test for a real chmod)."""
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", denied)
    with pytest.raises(InputError, match="permission denied"):
        read_file(str(path))


def test_text_over_the_pipeline_limit(extractor_instance, monkeypatch) -> None:
    assert pipeline.load().max_length >= pipeline.MAX_CHARS >= 20 * 1024**2
    monkeypatch.setattr(extractor_instance.nlp, "max_length", 50)
    with pytest.raises(InputError, match="over the pipeline's limit of 50"):
        extractor_instance.extract("x " * 30, source="long.txt")


# ------------------------------------------------------------- the command
def _run(args: list[str], prefix: list[str] = ()) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, "-m", "extractor.cli", *args],
                          capture_output=True, text=True, timeout=300)


def _errors(proc: subprocess.CompletedProcess) -> list[str]:
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert all(line.startswith("Error: ") for line in lines), lines
    return lines


def test_command_decodes_every_encoding(tmp_path: Path) -> None:
    paths = []
    for name, (raw, _, _) in ENCODED.items():
        paths.append(tmp_path / f"{name}.txt")
        paths[-1].write_bytes(raw)
    proc = _run(["--compact", *map(str, paths)])
    assert proc.returncode == 0 and _errors(proc) == []
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in records] == list(ENCODED)
    for record, (_, encoding, _) in zip(records, ENCODED.values(), strict=True):
        assert any(w["message"].startswith(f"decoded as {encoding}:") for w in record["warnings"])
        assert [m["amount"] for m in record["money"]] == [5_000_000_000]


def test_command_refuses_broken_files_one_line_each(tmp_path: Path) -> None:
    paths = {}
    for name, (raw, _) in REFUSED.items():
        paths[name] = tmp_path / f"{name}.dat"
        paths[name].write_bytes(raw)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 20, encoding="utf-8")
    proc = _run(["--compact", "--max-bytes", "1000", *map(str, paths.values()), str(good),
                 str(big)])
    assert proc.returncode == 2
    lines = _errors(proc)
    expected = [(paths[name], message) for name, (_, message) in REFUSED.items()]
    expected.append((big, "over the limit of 1000 bytes"))
    assert len(lines) == len(expected)
    for line, (path, message) in zip(lines, expected, strict=True):
        assert line.startswith(f"Error: {path}: ") and message in line
    (record,) = [json.loads(line) for line in proc.stdout.splitlines()]
    assert record["id"] == "good"


def _unprivileged() -> list[str]:
    """A command prefix that drops root, which reads any file whatever its mode."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("runs as root, which reads a chmod 000 file, and has no setpriv to drop root")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_command_unreadable_file() -> None:
    prefix = _unprivileged()
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)  # the folder readable, the file not
        path = Path(folder) / "locked.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        path.chmod(0)
        proc = _run([str(path)], prefix)
    assert proc.returncode == 2
    assert _errors(proc) == [f"Error: {path}: permission denied"]
