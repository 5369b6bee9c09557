"""Loading the data files in ``patterns/``, each validated on load.

Every file is parsed as data (JSON or JSON Lines) and checked against a
pydantic model with ``extra="forbid"``; a malformed file raises
:class:`~extractor.errors.DataFileError` naming the file, the line and what is
wrong. Matcher patterns are checked against spaCy's pattern schema too.

The folder is the package's own ``patterns/``, or the one named by the
environment variable ``EXTRACTOR_PATTERNS`` (a changed copy of it).
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeVar

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import DataFileError

M = TypeVar("M", bound=BaseModel)


PATTERNS_ENV = "EXTRACTOR_PATTERNS"


def patterns_dir() -> Path:
    """The ``patterns/`` folder: ``$EXTRACTOR_PATTERNS`` if set, else the one
    inside the installed wheel, else the source tree's."""
    override = os.environ.get(PATTERNS_ENV)
    if override:
        if not Path(override).is_dir():
            raise DataFileError(override, None, f"${PATTERNS_ENV} names no folder")
        return Path(override).resolve()
    here = Path(__file__).resolve().parent
    for candidate in (here / "patterns", here.parent / "patterns"):
        if (candidate / "README.md").is_file():
            return candidate
    raise DataFileError(str(here / "patterns"), None, "the patterns folder is missing")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------- file models
class MatcherPattern(_Strict):
    label: str
    id: str
    pattern: list[dict[str, Any]] = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _spacy_pattern(cls, pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """What spaCy's Matcher would refuse when the pipeline is built, or
        fail on at the first document (an unknown ``_`` attribute)."""
        from spacy.schemas import validate_token_pattern
        from spacy.tokens import Token

        from .components import extensions  # noqa: F401  (registers the attributes)

        errors = validate_token_pattern(_named_lists_filled(pattern))
        if errors:
            raise ValueError(f"not a spaCy Matcher pattern: {errors[0]}")
        for k, token in enumerate(pattern):
            for name in token.get("_", {}):
                if not Token.has_extension(name):
                    raise ValueError(f"token {k}: no token attribute '_.{name}'")
        return pattern


def _named_lists_filled(pattern: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``{"LOWER": {"IN": "MONTHS"}}`` names a word list that the component
    fills in before the Matcher sees the pattern: a list, for the check."""
    def fill(value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        return {op: [v] if op in ("IN", "NOT_IN") and isinstance(v, str) else v
                for op, v in value.items()}

    return [{attr: fill(value) for attr, value in token.items()} for token in pattern]


class Magnitude(_Strict):
    form: str = Field(min_length=1)
    exponent: int = Field(ge=1, le=15)
    glued_only: bool = False
    requires_currency: bool = False


class Hedge(_Strict):
    qualifier: Literal["about", "more_than", "at_least", "nearly", "less_than", "up_to"]
    forms: list[str] = Field(min_length=1)


class PercentForms(_Strict):
    unit: Literal["percent", "percentage_point"]
    forms: list[str] = Field(min_length=1)
    case_sensitive: bool = False


class Sign(_Strict):
    form: str
    sign: Literal[-1, 1]


class Unit(_Strict):
    unit: str
    kind: str
    words: list[str]
    symbols: list[str]


class CurrencyForm(_Strict):
    form: str = Field(min_length=1)
    iso: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    ambiguous: str | None = None
    position: Literal["before", "after", "both"]
    case_sensitive: bool
    factor: Decimal = Decimal(1)


class CurrencyAmbiguity(_Strict):
    word: str
    default: str | None = Field(pattern=r"^[A-Z]{3}$")
    candidates: list[str] | None = None
    also_unit: str | None = None
    note: str | None = None


class CurrencyStoplist(_Strict):
    comment: str = Field(alias="_comment")
    codes: list[str]
    words: list[str]


class Counted(_Strict):
    comment: str = Field(alias="_comment")
    max_modifiers: int = Field(ge=0, le=6)
    stop_words: list[str]
    never_counted: list[str]
    not_plural: list[str]
    modifier_plurals: list[str]
    irregular_plurals: list[str]
    date_words: list[str]
    name_prefixes: list[str]


class NumberWords(_Strict):
    comment: str = Field(alias="_comment")
    units: list[str]
    tens: list[str]
    scales: list[str]
    dozen: str
    standalone_excluded: list[str]


class Dateline(_Strict):
    comment: str = Field(alias="_comment")
    months: dict[int, list[str]]
    dashes: list[str]


class Ranges(_Strict):
    comment: str = Field(alias="_comment")
    separators: list[str]
    between: list[str]
    and_: list[str] = Field(alias="and")
    from_: list[str] = Field(alias="from")
    change_words: list[str]
    per_words: list[str]
    per_article_words: list[str]
    per_blockers: list[str]


# ---------------------------------------------------------------- loaders
def _rel(path: Path) -> str:
    """``patterns/units.jsonl`` for the package's own files, else the path."""
    if os.environ.get(PATTERNS_ENV):
        return str(path)
    try:
        return str(path.relative_to(patterns_dir().parent))
    except ValueError:
        return str(path)


def _describe(err: ValidationError) -> str:
    first = err.errors()[0]
    loc = ".".join(str(p) for p in first["loc"]) or "record"
    return f"{loc}: {first['msg']}"


def load_jsonl(path: Path, model: type[M]) -> list[M]:
    """One model per non-blank line; errors name the file and line."""
    rows: list[M] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(_rel(path), None, f"cannot be read: {exc}") from None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataFileError(_rel(path), number, f"not valid JSON: {exc.msg}") from None
        try:
            rows.append(model.model_validate(obj))
        except ValidationError as exc:
            raise DataFileError(_rel(path), number, _describe(exc)) from None
    if not rows:
        raise DataFileError(_rel(path), None, "has no records")
    return rows


def load_json(path: Path, model: type[M]) -> M:
    """One model per file; errors name the file and the line (of the key at fault)."""
    try:
        text = path.read_text(encoding="utf-8")
        obj = json.loads(text)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(_rel(path), None, f"cannot be read: {exc}") from None
    except json.JSONDecodeError as exc:
        raise DataFileError(_rel(path), exc.lineno, f"not valid JSON: {exc.msg}") from None
    try:
        return model.model_validate(obj)
    except ValidationError as exc:
        line = _line_of(text, exc.errors()[0]["loc"])
        raise DataFileError(_rel(path), line, _describe(exc)) from None


def _line_of(text: str, loc: tuple) -> int | None:
    """The line where the innermost key of ``loc`` that the file spells is
    written (``"max_modifiers": ...``), or None (a missing key)."""
    for key in reversed(loc):
        if isinstance(key, str):
            found = regex.search(regex.escape(json.dumps(key)) + r"[ \t\r\n]*+:", text)
            if found:
                return text.count("\n", 0, found.start()) + 1
    return None


def pattern_file(name: str) -> list[MatcherPattern]:
    return load_jsonl(patterns_dir() / name, MatcherPattern)
