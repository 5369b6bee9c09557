"""Exceptions raised by the library; the CLI turns them into one-line errors."""

from __future__ import annotations


class ExtractorError(Exception):
    """Base class of every error this package raises on purpose."""


class InputError(ExtractorError):
    """An article cannot be read: missing, a directory, binary, empty, too large."""

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.reason = message


class DataFileError(ExtractorError):
    """A pattern, lexicon or rates file is malformed. Names the file and line."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line
        self.reason = message
