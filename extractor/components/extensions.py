"""Custom attributes on Doc, Span and Token, registered once (guarded).

The components set and read many of them (a few hundred per article), and
each ``doc._``, ``span._`` or ``token._`` builds a new accessor object first,
which costs more than the value itself. :func:`span_getter`,
:func:`span_setter`, :func:`token_setter`, :func:`doc_values` and
:func:`doc_setter` give functions that do the same through
``doc.user_data``, where spaCy keeps
these values, under the same keys: ``("._.", name, start_char, end_char)``
for a span, ``("._.", name, token.idx, None)`` for a token, ``("._.", name,
None, None)`` for the Doc. They are used
only after a probe on a scratch Doc has shown that spaCy stores and finds
values under exactly those keys, and only for attributes that hold plain
values (no getter, setter or method, an immutable default); otherwise they
go through ``span._`` / ``token._``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span, Token
from spacy.tokens.underscore import Underscore
from spacy.vocab import Vocab

from ..tokenizer import token_words

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

_KEY = "._."
_keys_checked: bool | None = None  # None: not probed yet


def _keys_match() -> bool:
    """Whether spaCy keeps Doc._, Span._ and Token._ values under the keys used here."""
    global _keys_checked
    if _keys_checked is None:
        try:
            doc = Doc(Vocab(), words=["probe", "keys"], spaces=[True, False])
            span, token = doc[1:2], doc[1]
            span._.set("value", "span-set")
            token._.set("num", "token-set")
            stored = doc.user_data.get((_KEY, "value", span.start_char, span.end_char))
            ok = stored == "span-set"
            ok = ok and doc.user_data.get((_KEY, "num", token.idx, None)) == "token-set"
            doc.user_data[(_KEY, "unit", span.start_char, span.end_char)] = "span-read"
            doc.user_data[(_KEY, "pct", token.idx, None)] = "token-read"
            ok = ok and span._.unit == "span-read" and token._.pct == "token-read"
            doc._.set("facts", "doc-set")
            ok = ok and doc.user_data.get((_KEY, "facts", None, None)) == "doc-set"
            doc.user_data[(_KEY, "header", None, None)] = "doc-read"
            ok = ok and doc._.header == "doc-read"
            _keys_checked = bool(ok)
        except Exception:  # noqa: BLE001 - any surprise means: use the public API
            _keys_checked = False
    return _keys_checked


def _plain(registry: dict[str, Any], name: str) -> bool:
    ext = registry.get(name)
    return (
        ext is not None
        and ext[1] is None  # method
        and ext[2] is None  # getter
        and ext[3] is None  # setter
        and not isinstance(ext[0], Underscore.mutable_types)
    )


#: key -> (the registry, its entries for the names, what was built for them)
_ACCESSORS: dict[tuple, tuple[Any, tuple, Any]] = {}


def _accessor(key: tuple, names: tuple[str, ...], registry: dict, build: Callable) -> Any:
    """``build()``, remembered until the names' registrations change."""
    entries = tuple(map(registry.get, names))
    found = _ACCESSORS.get(key)
    if found is not None and found[0] is registry and found[1] == entries:
        return found[2]
    made = build()
    _ACCESSORS[key] = (registry, entries, made)
    return made


def span_accessors(
    getters: tuple[str, ...], setter: tuple[str, ...]
) -> tuple[Callable[..., Any], ...]:
    """:func:`span_getter` for each of ``getters``, then :func:`span_setter`
    for ``setter``, checked as one (for a component that needs them all)."""
    registry = Underscore.span_extensions
    return _accessor(
        ("span_bundle", getters, setter),
        getters + setter,
        registry,
        lambda: tuple(_span_getter(registry, n) for n in getters)
        + (_span_setter(registry, setter),),
    )


def span_getter(name: str) -> Callable[[Span], Any]:
    """What reads ``span._.<name>``. Get one per document: whether the fast
    way may be used is decided here, not on every read."""
    registry = Underscore.span_extensions
    return _accessor(("span_get", name), (name,), registry, lambda: _span_getter(registry, name))


def _span_getter(registry: dict, name: str) -> Callable[[Span], Any]:
    if _plain(registry, name) and _keys_match():
        default = registry[name][0]

        def get(span: Span) -> Any:
            return span.doc.user_data.get((_KEY, name, span.start_char, span.end_char), default)

        return get
    return lambda span: span._.get(name)


def span_values(*names: str) -> Callable[[Span], list[Any]]:
    """What reads ``[span._.<name> for name in names]`` at once. Get one per
    document."""
    registry = Underscore.span_extensions
    return _accessor(("span_values", names), names, registry,
                     lambda: _span_values(registry, names))


def _span_values(registry: dict, names: tuple[str, ...]) -> Callable[[Span], list[Any]]:
    if _keys_match() and all(_plain(registry, name) for name in names):
        defaults = [(name, registry[name][0]) for name in names]

        def fast(span: Span) -> list[Any]:
            get = span.doc.user_data.get
            start, end = span.start_char, span.end_char
            return [get((_KEY, name, start, end), default) for name, default in defaults]

        return fast
    return lambda span: [span._.get(name) for name in names]


def span_setter(*names: str) -> Callable[..., None]:
    """What sets ``span._.<name>`` for each of ``names``, called as
    ``set(span, value, ...)`` with the values in that order. Get one per
    document."""
    registry = Underscore.span_extensions
    return _accessor(("span_set", names), names, registry, lambda: _span_setter(registry, names))


def _span_setter(registry: dict, names: tuple[str, ...]) -> Callable[..., None]:
    if _keys_match() and all(_plain(registry, name) for name in names):
        if len(names) == 1:  # the commonest: one value a span, no loop
            name = names[0]

            def fast_one(span: Span, value: Any) -> None:
                span.doc.user_data[_KEY, name, span.start_char, span.end_char] = value

            return fast_one

        def fast(span: Span, *values: Any) -> None:
            data = span.doc.user_data
            start, end = span.start_char, span.end_char
            for name, value in zip(names, values, strict=True):
                data[_KEY, name, start, end] = value

        return fast

    def slow(span: Span, *values: Any) -> None:
        ext = span._
        for name, value in zip(names, values, strict=True):
            ext.set(name, value)

    return slow


def token_setter(name: str) -> Callable[[Doc, list[tuple[int, Any]]], None]:
    """What sets ``doc[i]._.<name> = value`` for each ``(i, value)``. Get one
    per document."""
    registry = Underscore.token_extensions
    return _accessor(
        ("token_set", name), (name,), registry, lambda: _token_setter(registry, name)
    )


def _token_setter(registry: dict, name: str) -> Callable[[Doc, list[tuple[int, Any]]], None]:
    if _plain(registry, name) and _keys_match():

        def fast(doc: Doc, values: list[tuple[int, Any]]) -> None:
            data = doc.user_data
            idx = token_words(doc)[0]  # token.idx, without the Token
            for i, value in values:
                data[(_KEY, name, idx[i], None)] = value

        return fast

    def slow(doc: Doc, values: list[tuple[int, Any]]) -> None:
        for i, value in values:
            doc[i]._.set(name, value)

    return slow


def doc_values(*names: str) -> Callable[[Doc], list[Any]]:
    """What reads ``[doc._.<name> for name in names]`` at once (one
    ``doc._`` builds an accessor object). Get one per document."""
    registry = Underscore.doc_extensions
    return _accessor(("doc_values", names), names, registry, lambda: _doc_values(registry, names))


def _doc_values(registry: dict, names: tuple[str, ...]) -> Callable[[Doc], list[Any]]:
    if _keys_match() and all(_plain(registry, name) for name in names):
        keys = [((_KEY, name, None, None), registry[name][0]) for name in names]

        def fast(doc: Doc) -> list[Any]:
            get = doc.user_data.get
            return [get(key, default) for key, default in keys]

        return fast

    def slow(doc: Doc) -> list[Any]:
        ext = doc._
        return [ext.get(name) for name in names]

    return slow


def doc_setter(*names: str) -> Callable[..., None]:
    """What sets ``doc._.<name>`` for each of ``names``, called as
    ``set(doc, value, ...)`` with the values in that order. Get one per
    document."""
    registry = Underscore.doc_extensions
    return _accessor(("doc_set", names), names, registry, lambda: _doc_setter(registry, names))


def _doc_setter(registry: dict, names: tuple[str, ...]) -> Callable[..., None]:
    if _keys_match() and all(_plain(registry, name) for name in names):
        keys = [(_KEY, name, None, None) for name in names]

        def fast(doc: Doc, *values: Any) -> None:
            data = doc.user_data
            for key, value in zip(keys, values, strict=True):
                data[key] = value

        return fast

    def slow(doc: Doc, *values: Any) -> None:
        ext = doc._
        for name, value in zip(names, values, strict=True):
            ext.set(name, value)

    return slow
