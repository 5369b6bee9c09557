"""Entities: the seed's names, the knowledge base, and its data files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor.data import patterns_dir
from extractor.errors import DataFileError
from extractor.kb import KnowledgeBase

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus/articles/xizang-foreign-trade-2024.txt"


@pytest.fixture(scope="module")
def seed(extract):
    return extract(SEED.read_text(encoding="utf-8"))


# (text, label, kb_id, name) the issue asks for, each of which must come out
SEED_ENTITIES = [
    ("LHASA", "GPE", "Q5869", "Lhasa"),
    ("Xinhua", "ORG", None, "Xinhua News Agency"),
    ("China", "GPE", "Q148", "China"),
    ("Xizang Autonomous Region", "GPE", "Q17269", "Xizang Autonomous Region"),
    ("Xizang", "GPE", "Q17269", "Xizang Autonomous Region"),
    ("Lhasa Customs", "ORG", None, "Lhasa Customs"),
    ("Nepal", "GPE", "Q837", "Nepal"),
    ("United States", "GPE", "Q30", "United States"),
    ("South Asia", "LOC", "Q771405", "Southern Asia (UN M49)"),
    ("Xizang Xudatong Trade Co., Ltd.", "ORG", None, "Xizang Xudatong Trade Co., Ltd."),
    ("Lhapa Trinley", "PERSON", None, "Lhapa Trinley"),
    ("Sun Yong", "PERSON", None, "Sun Yong"),
    ("Chungda", "PERSON", None, "Chungda"),
]


@pytest.mark.parametrize("want", SEED_ENTITIES, ids=[w[0] for w in SEED_ENTITIES])
def test_seed_entity(seed, want) -> None:
    got = {(e.text, e.label, e.kb_id, e.name) for e in seed.entities}
    assert want in got


def test_seed_entities_are_consistent(seed) -> None:
    text = SEED.read_text(encoding="utf-8")
    ends = -1
    for e in seed.entities:
        assert text[e.start:e.end] == e.text
        assert e.start >= ends, "entities overlap"
        ends = e.end
    xizang = {e.kb_id for e in seed.entities if e.text.startswith("Xizang") and e.label == "GPE"}
    assert xizang == {"Q17269"}
    places = {e.text: e for e in seed.entities}
    assert places["Xizang"].iso.subdivision == "CN-XZ"
    assert places["Nepal"].iso.alpha2 == "NP" and places["Nepal"].iso.alpha3 == "NPL"
    assert places["LHASA"].geonames_id == 1280737
    assert seed.dateline.kb_id == "Q5869" and seed.dateline.geonames_id == 1280737


def test_headline_names_are_not_mentions(extract) -> None:
    record = extract(" date 2025-02-18 China's Xizang reports trade\n\nLHASA, Feb. 17 "
                     "(Xinhua) -- Trade rose.")
    assert [e.text for e in record.entities] == ["LHASA", "Xinhua"]


# ---------------------------------------------------------------- knowledge base
@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.mark.parametrize(("forms", "qid"), [
    (["Xizang", "Tibet", "Xizang Autonomous Region", "Tibet Autonomous Region"], "Q17269"),
    (["U.S.", "US", "United States", "the United States", "America"], "Q30"),
    (["Beijing", "Peking", "Beijing Municipality", "BEIJING"], "Q956"),
    (["Hong Kong", "HKSAR", "Hong Kong SAR", "HONG KONG"], "Q8646"),
    (["NBS", "National Bureau of Statistics"], "Q1509446"),
])
def test_every_form_gives_one_id(kb, forms, qid) -> None:
    for form in forms:
        assert kb.candidates(form)[0].qid == qid, form


def test_same_qid_rows_merge(kb) -> None:
    hk = kb.candidates("Hong Kong")[0]
    assert (hk.name, hk.iso_alpha2, hk.iso_alpha3, hk.iso_3166_2) == (
        "Hong Kong Special Administrative Region", "HK", "HKG", "CN-HK")
    beijing = kb.candidates("Beijing")[0]
    assert beijing.geonames_id == 1816670 and beijing.iso_3166_2 == "CN-BJ"


def test_unknown_names_have_no_candidates(kb) -> None:
    assert kb.candidates("Atlantis") == []
    assert kb.candidates("Global") == []  # a stop-listed alias ("Global Times")
    assert kb.candidates_exact("world") == []  # recognition keeps case


def test_context_chooses_the_namesake(extract) -> None:
    """A GeoNames city of the article's country beats a bigger namesake abroad."""
    in_china = extract("Visitors to Suzhou, a city in east China's Jiangsu Province, rose.")
    suzhou = next(e for e in in_china.entities if e.text == "Suzhou")
    assert suzhou.country == "CN"


def _copy_patterns(tmp_path: Path) -> Path:
    folder = tmp_path / "patterns"
    shutil.copytree(patterns_dir(), folder)
    for f in folder.rglob("*"):
        f.chmod(0o644 if f.is_file() else 0o755)
    return folder


def test_malformed_kb_row_names_file_and_line(tmp_path) -> None:
    folder = _copy_patterns(tmp_path)
    table = folder / "kb" / "countries.tsv"
    lines = table.read_text(encoding="utf-8").split("\n")
    cells = lines[3].split("\t")
    cells[4] = "X148"  # not a QID
    lines[3] = "\t".join(cells)
    table.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        KnowledgeBase.load(folder)
    assert "countries.tsv" in str(err.value) and ":4" in str(err.value)
    assert "wikidata_qid" in str(err.value)


def test_short_kb_row_names_file_and_line(tmp_path) -> None:
    folder = _copy_patterns(tmp_path)
    table = folder / "kb" / "organizations.tsv"
    table.write_text(table.read_text(encoding="utf-8") + "Broken Row\tno tabs enough\n",
                     encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        KnowledgeBase.load(folder)
    assert "organizations.tsv" in str(err.value) and "cells" in str(err.value)


def test_malformed_geonames_row_names_file_and_line(tmp_path) -> None:
    folder = _copy_patterns(tmp_path)
    table = folder / "kb" / "geonames_cities.tsv"
    with table.open("a", encoding="utf-8") as fh:
        fh.write("notanumber\tSomewhere\tXX\t01\t100\n")
    with pytest.raises(DataFileError) as err:
        KnowledgeBase.load(folder)
    assert "geonames_cities.tsv" in str(err.value) and "geonames_id" in str(err.value)


def test_spacy_spans_carry_the_kb_id(extractor_instance) -> None:
    """``doc.spans["entities"]`` keeps spaCy's own ``kb_id_`` for spaCy users."""
    doc = extractor_instance.nlp("Exports to China rose, Lhasa Customs said.")
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["entities"]] == [
        ("China", "GPE", "Q148"), ("Lhasa Customs", "ORG", "")]


def test_airports_and_stations_are_places(extract) -> None:
    record = extract(" date 2023-12-30 X\n\nCHENGDU, Dec. 30 (Xinhua) -- Trips through Chengdu "
                     "Shuangliu International Airport and Chengdu Tianfu International Airport "
                     "topped 70 million. Trains left Xi'an International Port Station.")
    assert [(e.text, e.label) for e in record.entities if e.label == "LOC"] == [
        ("Chengdu Shuangliu International Airport", "LOC"),
        ("Chengdu Tianfu International Airport", "LOC"),
        ("Xi'an International Port Station", "LOC")]


def test_a_county_named_again_without_its_suffix(extract) -> None:
    record = extract("An earthquake hit Dingri County on Tuesday. Houses collapsed in Dingri, "
                     "and Guangdong Province sent aid to Guangdong's partners.")
    found = [(e.text, e.name) for e in record.entities]
    assert ("Dingri", "Dingri County") in found
    # a name the knowledge base knows keeps its own link
    assert [e.kb_id for e in record.entities if e.text == "Guangdong"] == ["Q15175"]


def test_a_mixed_case_abbreviation_is_found_again_at_a_sentence_end(extract) -> None:
    record = extract("The Bank of Ghana (BoG) cut its rate. Growth was strong, according to "
                     "the BoG.")
    assert [(e.text, e.name) for e in record.entities if e.text == "BoG"] == [
        ("BoG", "Bank of Ghana"), ("BoG", "Bank of Ghana")]


def test_an_ocean_named_by_its_part_is_a_place(extract) -> None:
    record = extract("BEIJING, Oct. 8 (Xinhua) -- Fourteen typhoons formed over the Northwest "
                     "Pacific and the South China Sea, and four made landfall in China.")
    assert ("Northwest Pacific", "LOC") in [(e.text, e.label) for e in record.entities]


def test_a_bridge_is_a_place(extract) -> None:
    record = extract("QINGDAO, June 30 (Xinhua) -- The Qingdao Jiaozhou Bay Bridge, the world's "
                     "longest bridge over the sea, opened to traffic on Thursday.")
    assert ("Qingdao Jiaozhou Bay Bridge", "LOC") in [(e.text, e.label) for e in record.entities]


@pytest.mark.parametrize(("country", "opening", "found"), [
    ("Pakistan", "Balochistan", True),  # ISO 3166-2 PK-BA, and the article names Pakistan
    ("Pakistan", "Punjab", True),
    ("Ghana", "Central", False),        # GH-CP, but a common word
    ("Ghana", "Balochistan", False),    # not a subdivision of a country the article names
])
def test_a_subdivision_of_an_article_country_may_open_a_sentence(extract, country, opening,
                                                                  found) -> None:
    record = extract(f"ACCRA, Oct. 2 (Xinhua) -- Floods in {country} have killed 1,695 people. "
                     f"{opening} in the southwest reported 336 deaths.")
    assert ((opening, "GPE") in [(e.text, e.label) for e in record.entities]) is found


def test_regions_islands_and_a_coast_guard(extract) -> None:
    record = extract("MANILA, Oct. 27 (Xinhua) -- Floods hit the Philippines. The rain swamped "
                     "large parts of Luzon island, with the Bicol and Calabarzon regions worst "
                     "hit. The Philippine Coast Guard said 8,000 people were stranded.")
    found = [(e.text, e.label) for e in record.entities]
    # ISO 3166-2 names "Bicol (Region V)" and "Calabarzon (Region IV-A)"
    assert ("Bicol", "GPE") in found and ("Calabarzon", "GPE") in found
    assert ("Luzon", "LOC") in found and ("Philippine Coast Guard", "ORG") in found


def test_a_person_after_president_elect(extract) -> None:
    record = extract("SEOUL, Nov. 28 (Xinhua) -- Tariffs promised by President-elect Donald Trump "
                     "could cloud the outlook.")
    assert ("Donald Trump", "PERSON") in [(e.text, e.label) for e in record.entities]


def test_companies_named_bare_are_organisations(extract) -> None:
    record = extract("BEIJING, May 1 (Xinhua) -- Toyota, Tesla and BYD sold more cars. Tencent "
                     "gained, Reuters reported. The cars that Volkswagen Anhui builds sold well. "
                     "Apple exports rose.")
    found = [(e.text, e.label) for e in record.entities]
    for name in ("Toyota", "Tesla", "Tencent", "Reuters", "Volkswagen Anhui"):
        assert (name, "ORG") in found
    record = extract("ZHONGSHAN, Nov. 15 (Xinhua) -- Douyin accounted for 60 percent of the "
                     "sales. Destatis said output fell 1 percent.")
    found = [(e.text, e.label) for e in record.entities]
    for name in ("Douyin", "Destatis"):
        assert (name, "ORG") in found
    assert all(text != "Apple" for text, _label in found)  # left out: a common word


def test_plural_titles_palaces_parks_and_lanes(extract) -> None:
    record = extract("MEXICO CITY, Aug. 8 (Xinhua) -- Deputy Governors Galia Borja and Omar Mejia "
                     "backed the cut. The Summer Palace and the Nanluoguxiang lane were busy. "
                     "Jasper National Park burned.")
    found = [(e.text, e.label) for e in record.entities]
    for name, label in (("Galia Borja", "PERSON"), ("Omar Mejia", "PERSON"),
                        ("Summer Palace", "LOC"), ("Nanluoguxiang", "LOC"),
                        ("Jasper National Park", "LOC")):
        assert (name, label) in found


def test_societies_are_organisations_and_brent_is_crude(extract) -> None:
    record = extract("HANOI, Sept. 23 (Xinhua) -- The Red Cross Society of China (RCSC) has "
                     "donated 100,000 U.S. dollars to help people in northern Vietnam. Brent "
                     "crude rose 2 percent. Non-financial ODI rose 10 percent.")
    found = [(e.text, e.label) for e in record.entities]
    assert ("Red Cross Society of China", "ORG") in found and ("RCSC", "ORG") in found
    assert ("China", "GPE") not in found  # inside the society's name: no place
    assert all(text not in ("Brent", "ODI") for text, _label in found)
    # the aid goes to Vietnam, the article's place: not to the donor's country
    assert record.entities[record.facts[0].location].text == "Vietnam"


def test_offices_titles_and_one_capital_abbreviations(extract) -> None:
    record = extract(
        "NAIROBI, March 4 (Xinhua) -- Minister for National Economy Marton Nagy said growth "
        "slowed. The speech was delivered by his deputy Chan Foong Hin. Its operator Africa Star "
        "Railway Operation Company Limited (Afristar) said 5 million passengers rode. Afristar "
        "said revenue rose. The Indian Air Force flew in radars. Kenya Railways said 3 died.")
    found = [(e.text, e.label) for e in record.entities]
    for name, label in (("Marton Nagy", "PERSON"), ("Chan Foong Hin", "PERSON"),
                        ("Africa Star Railway Operation Company Limited", "ORG"),
                        ("Indian Air Force", "ORG"), ("Kenya Railways", "ORG")):
        assert (name, label) in found
    assert found.count(("Afristar", "ORG")) == 2  # defined in brackets: later mentions too


def test_gdp_in_brackets_and_statistics_offices(extract) -> None:
    record = extract("PRETORIA, Feb. 18 (Xinhua) -- Gross domestic product (GDP) rose 0.6 percent, "
                     "Statistics South Africa (Stats SA) said.")
    found = [(e.text, e.label) for e in record.entities]
    assert ("Statistics South Africa", "ORG") in found and ("Stats SA", "ORG") in found
    assert all(text not in ("GDP", "Gross domestic product") for text, _label in found)


def test_a_bank_named_after_its_country_keeps_its_abbreviation(extract) -> None:
    record = extract("KUALA LUMPUR, Feb. 14 (Xinhua) -- Bank Negara Malaysia (BNM) said growth "
                     "was 5.1 percent. BNM kept rates unchanged.")
    found = [(e.text, e.label, e.kb_id) for e in record.entities]
    assert ("Bank Negara Malaysia", "ORG", None) in found
    assert found.count(("BNM", "ORG", None)) == 2  # not linked to Malaysia
