"""Reading an article: bytes -> text, the ``date`` header line and the dateline.

Offsets everywhere in a record index the text returned by :func:`decode`
(decoded, BOM removed, line ends normalised to ``\\n``).

>>> decode(b"\\xef\\xbb\\xbfA\\r\\nB\\rC").text
'A\\nB\\nC'
>>> h = parse_header(" date 2025-02-18 China's Xizang reports surging foreign trade\\n\\nLHASA ...")
>>> h.published, h.headline, h.body_start
(datetime.date(2025, 2, 18), "China's Xizang reports surging foreign trade", 62)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

import regex

from .data import Dateline as DatelineData
from .errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode(raw: bytes, source: str = "<input>") -> Decoded:
    """Decode an article's bytes; UTF-8 first, then UTF-16 (BOM), then GB18030, then Latin-1."""
    if not raw.strip():
        raise InputError(source, "the file is empty")
    warnings: list[str] = []
    text: str | None = None
    encoding = "utf-8"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = raw.decode("utf-16"), "utf-16"
    elif b"\x00" in raw[:8192]:
        raise InputError(source, "looks like a binary file (it contains NUL bytes)")
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            for candidate in ("gb18030", "latin-1"):
                try:
                    text, encoding = raw.decode(candidate), candidate
                    break
                except UnicodeDecodeError:
                    continue
    assert text is not None  # latin-1 decodes any byte string
    if _looks_binary(text):
        raise InputError(source, "looks like a binary file, not text")
    if encoding != "utf-8":
        warnings.append(f"decoded as {encoding}: the file is not valid UTF-8")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "the file is empty")
    return Decoded(text, encoding, tuple(warnings))


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(
        1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f\v") or 0x7F <= ord(ch) < 0xA0
    )
    return controls > max(4, len(sample) // 50)


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Read and decode one article file; every failure is an :class:`InputError`."""
    import os

    def open_file():
        if os.path.isdir(path):
            raise InputError(path, "is a directory, not a file")
        size = os.path.getsize(path)
        if size > max_bytes:
            raise InputError(path, f"is {size} bytes, over the limit of {max_bytes} bytes")
        return open(path, "rb")

    return decode(read_bytes(path, open_file, max_bytes), path)


def read_bytes(source: str, opener: Callable[[], BinaryIO], max_bytes: int) -> bytes:
    """At most ``max_bytes`` from the binary file ``opener()`` returns (a local file, or
    an fsspec file); an ``OSError`` becomes an :class:`InputError` naming ``source``."""
    try:
        with opener() as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(source, "no such file") from None
    except PermissionError:
        raise InputError(source, "permission denied") from None
    except IsADirectoryError:
        raise InputError(source, "is a directory, not a file") from None
    except OSError as exc:
        raise InputError(source, f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise InputError(source, f"is over the limit of {max_bytes} bytes")
    return raw


# ------------------------------------------------------------------ header line
_HEADER = regex.compile(r"^[ \t]?+date[ \t]++(\d{4}-\d{2}-\d{2})(?:[ \t]++([^\n]*+))?+\n?+")


@dataclass(frozen=True)
class Header:
    published: dt.date | None
    headline: str | None
    body_start: int  # offset of the first character after the header line
    warnings: tuple[str, ...] = ()


def parse_header(text: str) -> Header:
    """The optional first line `` date YYYY-MM-DD Headline``."""
    m = _HEADER.match(text)
    if not m:
        return Header(None, None, 0)
    warnings: tuple[str, ...] = ()
    try:
        published: dt.date | None = dt.date.fromisoformat(m.group(1))
    except ValueError:
        published, warnings = None, (f"header date {m.group(1)!r} is not a valid date",)
    headline = (m.group(2) or "").strip() or None
    return Header(published, headline, m.end(), warnings)


# ------------------------------------------------------------------ dateline
@dataclass(frozen=True)
class Dateline:
    place: str
    month: int
    day: int
    agency: str | None
    start: int
    end: int
    date: dt.date | None = None
    warnings: tuple[str, ...] = field(default=())


class DatelineParser:
    """Finds ``CITY, Mon. DD (Agency) --`` at the start of the body."""

    def __init__(self, data: DatelineData) -> None:
        month_alt = "|".join(
            regex.escape(form)
            for form in sorted((f for forms in data.months.values() for f in forms), key=len,
                               reverse=True)
        )
        dash_alt = "|".join(regex.escape(x) for x in sorted(data.dashes, key=len, reverse=True))
        self._month_of = {f: n for n, forms in data.months.items() for f in forms}
        # Place: upper-case words (NEW DELHI, HONG KONG, ST. PETERSBURG), optionally
        # followed by a country or state in title case ("KATHMANDU, Nepal,").
        self._re = regex.compile(
            rf"""[\x20\t\n]*+
            (?P<place>\p{{Lu}}[\p{{Lu}}\p{{M}}'’.\-]*+(?:\x20[\p{{Lu}}\p{{M}}'’.\-]++){{0,4}})
            (?:,\x20(?P<region>\p{{Lu}}\p{{Ll}}++(?:\x20\p{{Lu}}\p{{Ll}}++){{0,2}}))?
            ,\x20++(?P<month>{month_alt})\x20++(?P<day>\d{{1,2}})\b
            (?:\x20++\((?P<agency>[^()\n]{{1,40}})\))?+
            \x20*+(?:{dash_alt})\x20?+""",
            regex.VERBOSE,
        )

    def parse(self, text: str, body_start: int, published: dt.date | None) -> Dateline | None:
        m = self._re.match(text, pos=body_start, timeout=1.0)
        if not m:
            return None
        month, day = self._month_of[m.group("month")], int(m.group("day"))
        date, warnings = _dateline_date(month, day, published)
        return Dateline(
            place=m.group("place").strip(),
            month=month,
            day=day,
            agency=(m.group("agency") or "").strip() or None,
            start=m.start("place"),
            end=m.end(),
            date=date,
            warnings=warnings,
        )


def _dateline_date(
    month: int, day: int, published: dt.date | None
) -> tuple[dt.date | None, tuple[str, ...]]:
    """The dateline's year comes from the published date; December in January is last year."""
    if published is None:
        return None, ("the dateline has no year and the article no published date",)
    year = published.year
    if month - published.month > 6:
        year -= 1
    elif published.month - month > 6:
        year += 1
    try:
        return dt.date(year, month, day), ()
    except ValueError:
        return None, (f"the dateline's date {month}/{day} does not exist",)
