"""Reading: encodings, line ends, bad files."""

from __future__ import annotations

import pytest

from extractor.errors import InputError
from extractor.reader import decode, parse_header, read_file

TEXT = "LHASA, Feb. 17 (Xinhua) -- Trade hit 5 billion yuan.\n"


@pytest.mark.parametrize(
    ("raw", "encoding", "warned"),
    [
        (TEXT.encode("utf-8"), "utf-8", False),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8", False),
        (TEXT.replace("\n", "\r\n").encode(), "utf-8", False),
        (TEXT.encode("utf-16"), "utf-16", True),
        ("Café prices rose 5 percent.".encode("latin-1"), "latin-1", True),
        ("上海 trade rose 5 percent.".encode("gb18030"), "gb18030", True),
    ],
    ids=["utf8", "bom", "crlf", "utf16", "latin1", "gb18030"],
)
def test_decode(raw: bytes, encoding: str, warned: bool) -> None:
    decoded = decode(raw)
    assert decoded.encoding == encoding
    assert bool(decoded.warnings) == warned
    assert "\r" not in decoded.text and "\ufeff" not in decoded.text


def test_crlf_offsets_index_normalised_text(extract) -> None:
    decoded = decode(b"Line one.\r\nTrade hit 5 billion yuan.\r\n")
    record = extract(decoded.text)
    (money,) = record.money
    assert decoded.text[money.start : money.end] == "5 billion yuan"


@pytest.mark.parametrize(
    ("raw", "message"),
    [(b"", "empty"), (b"  \n\n", "empty"), (b"\x00\x01\x02binary", "binary"),
     (bytes(range(256)) * 4, "binary")],
    ids=["empty", "blank", "nul", "controls"],
)
def test_decode_refuses(raw: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(raw, "x.txt")


def test_read_file_errors(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_file(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="directory"):
        read_file(str(tmp_path))
    big = tmp_path / "big.txt"
    big.write_text("x" * 100)
    with pytest.raises(InputError, match="over the limit"):
        read_file(str(big), max_bytes=10)


def test_header_with_bad_date() -> None:
    header = parse_header(" date 2024-02-30 Headline\nBody")
    assert header.published is None and header.warnings
