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
    """Decode an article's bytes: UTF-8; else UTF-32 or UTF-16 (a byte-order
    mark, or the zero bytes of mostly-ASCII UTF-16); else GB18030 when the
    text reads as Chinese; else Windows-1252 or Latin-1. A warning names any
    encoding but UTF-8; bytes that are no text are an :class:`InputError`."""
    if not raw.strip():
        raise InputError(source, "the file is empty")
    text, encoding = _decode(raw, source)
    if _looks_binary(text):
        raise InputError(source, "looks like a binary file, not text")
    warnings: list[str] = []
    if encoding != "utf-8":
        warnings.append(f"decoded as {encoding}: the file is not valid UTF-8")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(source, "the file is empty")
    return Decoded(text, encoding, tuple(warnings))


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)


def _decode(raw: bytes, source: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError:
                raise InputError(source, f"starts like {encoding} but is not valid "
                                 f"{encoding}: not text") from None
    if b"\x00" in raw[:8192]:
        encoding = _utf16_without_bom(raw)
        if encoding is None:
            raise InputError(source, "looks like a binary file (it contains NUL bytes)")
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            raise InputError(source, "looks like a binary file (it contains NUL bytes)") from None
    try:
        return raw.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
        if _reads_as_chinese(text):
            return text, "gb18030"
    except UnicodeDecodeError:
        pass
    if regex.search(rb"[\x80-\x9f]", raw):  # Windows-1252's quotes, dashes, euro sign
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return raw.decode("latin-1"), "latin-1"  # decodes any bytes


def _utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 without a byte-order mark, told by the zero high bytes of its
    ASCII characters: in every other byte, and (nearly) never in the others."""
    sample = raw[:8192]
    if len(raw) % 2:
        return None
    units = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd * 4 >= units and even * 10 <= odd:
        return "utf-16-le"
    if even * 4 >= units and odd * 10 <= even:
        return "utf-16-be"
    return None


_NON_ASCII_RUN = regex.compile(r"[^\x00-\x7f]++")


def _reads_as_chinese(text: str) -> bool:
    """GB18030 also decodes much Latin-1 (``São`` -> ``S鉶``), each accented
    letter and the byte after it making one CJK character inside a Latin word.
    Chinese text has runs of such characters; a misreading, lone ones."""
    runs = _NON_ASCII_RUN.findall(text[:65536])
    return sum(len(r) == 1 for r in runs) * 2 < len(runs)


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
    inferred: bool = False  # the year was inferred from the periods the article reports


class DatelineParser:
    """Finds ``CITY, Mon. DD (Agency) --`` at the start of the body.

    The pattern is linear (possessive quantifiers, bounded repeats) and tried
    at one position; the ``regex`` timeout is a guard all the same.
    """

    timeout = 1.0  # seconds

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
        return self.find(text, body_start, published)[0]

    def find(
        self, text: str, body_start: int, published: dt.date | None
    ) -> tuple[Dateline | None, tuple[str, ...]]:
        """The dateline, or None with a warning when the pattern runs out of time."""
        try:
            m = self._re.match(text, pos=body_start, timeout=self.timeout)
        except TimeoutError:
            return None, (f"no dateline read: its pattern took over {self.timeout} s",)
        if not m:
            return None, ()
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
        ), ()


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
