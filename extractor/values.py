"""Pure parsing of numbers, magnitudes and number words, with no spaCy.

Money is kept exact: every value is a :class:`decimal.Decimal`.

>>> parse_digits("12.67")
Decimal('12.67')
>>> parse_digits("11,800")
Decimal('11800')
>>> parse_digits("12,34,567.89")
Decimal('1234567.89')
>>> parse_digits("2,024") is None, parse_digits("1,2345") is None
(False, True)
>>> scale(Decimal("12.67"), 9)
Decimal('12670000000')
>>> parse_number_words(["a", "dozen"])
Decimal('12')
>>> parse_number_words(["twenty", "-", "one", "thousand"])
Decimal('21000')
>>> is_year_like("2024"), is_year_like("2,024"), is_year_like("1200")
(True, False, False)
>>> parse_digits("9" * (MAX_DIGITS + 1)) is None
True
"""

from __future__ import annotations

from decimal import (
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    DivisionByZero,
    InvalidOperation,
    Overflow,
)

import regex
from text_to_num import text2num

# Western grouping (1,234,567), Indian grouping (12,34,567: pairs, each followed by
# a comma, then the last three) or no grouping; an optional decimal part; an optional
# sign. Possessive quantifiers keep it linear.
_DIGITS = regex.compile(
    r"""^(?P<sign>[+\-\u2212])?+
    (?P<int>\d{1,3}(?:,\d{3})++|\d{1,2}(?:,\d{2}(?=,))++,\d{3}|\d++)?+
    (?:\.(?P<frac>\d++))?+$""",
    regex.VERBOSE,
)
#: A numeral of more digits than this is no figure (an ID, a run of digits) and is not read.
MAX_DIGITS = 20
#: The context of every computation on figures. A figure has at most MAX_DIGITS significant
#: digits and two magnitude words (10**30); a rate divides two figures and keeps six places.
#: 100 digits hold all of these exactly, where the default context's 28 raise
#: InvalidOperation on quantize (``9 * 40 yuan``, ``5 trillion trillion yuan`` in dollars).
EXACT = Context(prec=100, rounding=ROUND_HALF_EVEN,
                traps=[InvalidOperation, DivisionByZero, Overflow])
_DIGIT = regex.compile(r"\d")
_YEAR = regex.compile(r"^(1[89]\d\d|20\d\d|2100)$")


def parse_digits(text: str) -> Decimal | None:
    """Value of a numeral written in digits, or None when it is not one."""
    plain = _plain_ascii(text)
    if plain is not None:  # the commonest numerals, read without the expression
        int_part, frac = plain
        if len(int_part) + len(frac) > MAX_DIGITS:
            return None
        return Decimal(f"{int_part}.{frac}" if frac else int_part)
    # A numeral ends in a digit, at the end or before a final newline (where
    # "$" matches too): most words are ruled out on their last character.
    last = text[-2:-1] if text.endswith("\n") else text[-1:]
    if _DIGIT.match(last) is None:
        return None
    m = _DIGITS.match(text)
    if m is None or (m.group("int") is None and m.group("frac") is None):
        return None
    int_part = (m.group("int") or "0").replace(",", "")
    frac = m.group("frac")
    if len(int_part) + len(frac or "") > MAX_DIGITS:
        return None
    try:
        value = Decimal(int_part + ("." + frac if frac else ""))
    except InvalidOperation:  # pragma: no cover - the regex admits only digits
        return None
    if m.group("sign") in ("-", "\u2212"):
        value = -value
    return value


def is_numeral(text: str) -> bool:
    """``parse_digits(text) is not None``, without making the Decimal (for
    ASCII text: Decimal refuses a few digits of other scripts that ``\\d`` takes)."""
    if not text.isascii():
        return parse_digits(text) is not None
    plain = _plain_ascii(text)
    if plain is not None:
        return len(plain[0]) + len(plain[1]) <= MAX_DIGITS
    last = text[-2:-1] if text.endswith("\n") else text[-1:]
    if not "0" <= last <= "9":  # as _DIGIT, on ASCII
        return False
    m = _DIGITS.match(text)
    if m is None:
        return False
    int_part, frac = m.group("int"), m.group("frac")
    if int_part is None and frac is None:
        return False
    return len(int_part.replace(",", "") if int_part else "0") + len(frac or "") <= MAX_DIGITS


def is_year_like(text: str) -> bool:
    """A bare four-digit number between 1800 and 2100, as years are written."""
    if len(text) == 4 and text.isascii():  # what _YEAR matches, without the expression
        return text.isdigit() and "1800" <= text <= "2100"
    return bool(_YEAR.match(text))


def _plain_ascii(text: str) -> tuple[str, str] | None:
    """``(integer digits, decimal digits)`` of ``1234``, ``12.5`` or
    ``1,234,567.5`` (ASCII digits, no sign, no grouping or the Western one:
    what :data:`_DIGITS` reads so, the commonest numerals); None for
    anything else, left to the expression."""
    int_part, dot, frac = text.partition(".")
    if not int_part.isascii() or dot and not (frac.isascii() and frac.isdigit()):
        return None
    if int_part.isdigit():
        return int_part, frac
    if "," not in int_part:
        return None
    head, *groups = int_part.split(",")
    if 0 < len(head) <= 3 and head.isdigit() and all(
            len(group) == 3 and group.isdigit() for group in groups):
        return head + "".join(groups), frac
    return None


def scale(value: Decimal, exponent: int) -> Decimal:
    """``value`` times ten to ``exponent``, exactly, without a trailing exponent."""
    result = value.scaleb(exponent, EXACT)
    if result == result.to_integral_value(context=EXACT):
        return result.quantize(Decimal(1), context=EXACT)
    return result.normalize(EXACT)


def parse_number_words(words: list[str], dozen: str = "dozen",
                       fractions: dict[str, str] | None = None) -> Decimal | None:
    """Value of a spelled-out number such as ``["two", "million"]``.

    Hyphens are dropped; a leading ``a``/``an`` means one; ``dozen`` is twelve;
    a leading fraction word (``fractions``: ``{"half": "0.5"}``) multiplies
    the scale word after it ("half a million", "a half dozen"); a trailing ``and a`` and a
    fraction word adds that fraction of the last scale word, or of one
    ("two and a half" is 2.5, "a million and a half" 1,500,000).

    >>> parse_number_words(["half", "a", "million"], fractions={"half": "0.5"})
    Decimal('500000.0')
    >>> parse_number_words(["two", "and", "a", "half"], fractions={"half": "0.5"})
    Decimal('2.5')
    >>> parse_number_words(["a", "quarter", "of", "a"], fractions={"quarter": "0.25"})
    Decimal('0.25')
    """
    parts = [w.lower() for w in words if w not in ("-", "\u2013")]
    if fractions and len(parts) > 3 and parts[-3] == "and" and parts[-2] in ("a", "an") \
            and parts[-1] in fractions:
        head = parse_number_words(parts[:-3], dozen, fractions)
        if head is None:
            return None
        of = Decimal(12) if parts[-4] == dozen else Decimal(1)
        if of == 1:
            try:  # a scale word ("a million and a half"); else a fraction of one
                of = Decimal(text2num("one " + parts[-4], "en"))
            except ValueError:
                pass
        return head + Decimal(fractions[parts[-1]]) * of
    multiplier = Decimal(1)
    if fractions:  # "a quarter of a percentage point": as "a quarter a ..."
        parts = [p for k, p in enumerate(parts)
                 if not (p == "of" and k and parts[k - 1] in fractions)]
    if fractions and len(parts) >= 2 and parts[0] in ("a", "an") and parts[1] in fractions:
        parts = parts[1:]  # "a half million": as "half a million"
    if fractions and len(parts) == 1 and parts[0] in fractions:
        return Decimal(fractions[parts[0]])  # "a quarter percentage point"
    if fractions and len(parts) > 1 and parts[0] in fractions:
        multiplier = Decimal(fractions[parts[0]])
        parts = parts[1:] if parts[1] in ("a", "an") else ["a", *parts[1:]]
    if not parts:
        return None
    if parts[0] in ("a", "an"):
        parts[0] = "one"
    if parts[-1] == dozen:
        multiplier *= 12
        parts = parts[:-1] or ["one"]
    try:
        value = Decimal(text2num(" ".join(parts), "en"))
    except ValueError:
        return None
    if value.adjusted() >= MAX_DIGITS:
        return None
    return value * multiplier


def to_json_number(value: Decimal) -> int | float:
    """An exact integer when the value is whole, else the nearest float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
