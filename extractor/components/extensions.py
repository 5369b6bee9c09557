"""Custom attributes on Doc, Span and Token, registered once (guarded)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

TOKEN_ATOMS = ("num", "cur_pre", "cur_post", "pct", "unit", "hedge")
SPAN_ATTRS = (
    "value", "value_max", "unit", "qualifier", "per", "exponent", "mantissa",
    "cur_before", "cur_after", "ambiguity", "factor",
    "entity_lookup", "entity_name", "link",
)


def register() -> None:
    for name in TOKEN_ATOMS:  # "" rather than None: the Matcher compares strings
        if not Token.has_extension(name):
            Token.set_extension(name, default="")
    for name in SPAN_ATTRS:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
    for name in ("header", "dateline", "context_countries", "warnings", "facts"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()
