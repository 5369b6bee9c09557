"""Place names -> ISO 3166-1 alpha-2 country, from the knowledge base and CLDR.

The knowledge base (``patterns/kb/``) knows countries, China's divisions and
cities and the GeoNames cities of 15,000 people or more; CLDR (Babel) adds
every territory's English name.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from .kb import KnowledgeBase


@cache
def _territories() -> dict[str, str]:
    return {
        name.casefold(): code
        for code, name in Locale.parse("en").territories.items()
        if len(code) == 2 and code.isalpha()
    }


def country_of_place(place: str, kb: KnowledgeBase | None = None) -> str | None:
    """``LHASA`` -> ``CN``; ``NEW DELHI`` -> ``IN``; ``SINGAPORE`` -> ``SG``.
    ``kb``: the knowledge base already loaded (finding it again costs file
    system calls)."""
    key = " ".join(place.replace("’", "'").split())
    if kb is None:
        kb = KnowledgeBase.load()
    for entry in kb.candidates(key):
        if entry.label == "GPE" and entry.country:
            return entry.country
    found = _territories().get(key.casefold())
    if found:
        return found
    cities = kb.cities_named(key)
    return cities[0].country if cities else None
