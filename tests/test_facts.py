"""Facts: the seed's rows, period arithmetic, and the flat export in pandas."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.export import FACT_COLUMNS, FactCsv, fact_rows

SEED = Path(__file__).resolve().parent.parent / "corpus/articles/xizang-foreign-trade-2024.txt"


@pytest.fixture(scope="module")
def seed(extract):
    return extract(SEED.read_text(encoding="utf-8"))


def _rows(record) -> list[dict]:
    return fact_rows(record)


# value text, change text, metric_id, direction, location, partner, period start, end, kind
SEED_FACTS = [
    ("12.67 billion yuan", "15.4 percent", "foreign_trade", "up", "Xizang Autonomous Region", "",
     "2024-01-01", "2024-12-31", "actual"),
    ("11.32 billion yuan", "15.3 percent", "exports", "up", "Xizang Autonomous Region", "",
     "2024-01-01", "2024-12-31", "actual"),
    ("1.35 billion yuan", "16.9 percent", "imports", "up", "Xizang Autonomous Region", "",
     "2024-01-01", "2024-12-31", "actual"),
    ("5.12 billion yuan", "84.8 percent", "bilateral_trade", "up", "Xizang Autonomous Region",
     "Nepal", "2024-01-01", "2024-12-31", "actual"),
    ("98.6 percent", "", None, "", "Xizang Autonomous Region", "", "2024-01-01", "2024-12-31",
     "actual"),
    ("100 million yuan", "more than 20 percent", "", "up", "Xizang Autonomous Region", "",
     "2024-01-01", "2024-12-31", "actual"),
    ("more than 11,800 NEVs", "144.82 percent", "nev_exports", "up", "Xizang Autonomous Region",
     "", "2024-01-01", "2024-12-31", "actual"),
    ("1.55 billion yuan", "126.79 percent", "nev_exports", "up", "Xizang Autonomous Region", "",
     "2024-01-01", "2024-12-31", "actual"),
    ("3.53 billion yuan", "", "border_trade", "", "Xizang Autonomous Region", "", "2024-01-01",
     "2024-12-31", "actual"),
    ("", "6.3 percent", "gdp", "up", "Xizang Autonomous Region", "", "2024-01-01", "2024-12-31",
     "actual"),
    ("", "over 7 percent", "gdp", "up", "Xizang Autonomous Region", "", "2025-01-01",
     "2025-12-31", "target"),
]


@pytest.mark.parametrize("want", SEED_FACTS, ids=[w[0] or w[1] for w in SEED_FACTS])
def test_seed_fact(seed, want) -> None:
    value, change, metric_id, direction, location, partner, start, end, kind = want
    rows = [r for r in _rows(seed) if r["value_text"] == value and r["change_text"] == change]
    assert len(rows) == 1, rows
    row = rows[0]
    if metric_id is not None:
        assert row["metric_id"] == metric_id
    assert (row["direction"], row["location"], row["partner"], row["period_start"],
            row["period_end"], row["kind"]) == (direction, location, partner, start, end, kind)


def test_seed_fact_values_are_resolved(seed) -> None:
    row = next(r for r in _rows(seed) if r["value_text"] == "12.67 billion yuan")
    assert row["value"] == "12670000000" and row["value_unit"] == "CNY"
    assert Decimal(row["value_usd"]) == Decimal("1770000000.00")
    assert row["change"] == "15.4" and row["basis"] == "year_on_year"
    assert row["location_kb_id"] == "Q17269" and row["location_iso"] == "CN-XZ"


@pytest.mark.parametrize(("text", "label", "start", "end"), [
    (" date 2024-07-15 Output grows\n\nBEIJING, July 15 (Xinhua) -- Output rose 5 percent "
     "in the first half.", "first half", "2024-01-01", "2024-06-30"),
    (" date 2025-01-20 Sales rise\n\nBEIJING, Jan. 20 (Xinhua) -- Sales rose 3 percent "
     "last year.", "last year", "2024-01-01", "2024-12-31"),
    (" date 2024-05-11 Trade\n\nHANGZHOU, May 11 (Xinhua) -- Exports rose 9 percent in "
     "January-April.", "January-April", "2024-01-01", "2024-04-30"),
    (" date 2024-09-07 Typhoon\n\nHAIKOU, Sept. 7 (Xinhua) -- As of 3 p.m. Saturday, "
     "95 people were injured.", "As of 3 p.m. Saturday", "2024-09-07", "2024-09-07"),
    (" date 2025-02-05 Box office\n\nBEIJING, Feb. 5 (Xinhua) -- Takings from Jan. 28 to "
     "Feb. 4 rose 10 percent.", "Jan. 28 to Feb. 4", "2025-01-28", "2025-02-04"),
])
def test_periods(extract, text, label, start, end) -> None:
    fact = extract(text).facts[0]
    assert fact.period is not None
    assert (fact.period.label, str(fact.period.start), str(fact.period.end)) == (
        label, start, end)


def test_the_header_date_is_not_a_period(extract) -> None:
    record = extract(" date 2024-07-15 Things\n\nBEIJING, July 15 (Xinhua) -- Exports rose "
                     "5 percent.")
    assert record.facts[0].period is None


def test_export_loads_in_pandas(seed, extract) -> None:
    pd = pytest.importorskip("pandas")
    other = extract(" date 2025-01-20 Sales\n\nBEIJING, Jan. 20 (Xinhua) -- Retail sales "
                    "fell 2 percent to 4.8 trillion yuan last year.")
    buffer = io.StringIO()
    csv = FactCsv(buffer)
    n = csv.write(seed) + csv.write(other)
    frame = pd.read_csv(io.StringIO(buffer.getvalue()), dtype={"location_kb_id": str})
    assert list(frame.columns) == list(FACT_COLUMNS)
    assert len(frame) == n == len(seed.facts) + len(other.facts)
    fell = frame[frame["metric_id"] == "retail_sales"].iloc[0]
    assert fell["change"] == -2 and fell["direction"] == "down"
    assert fell["value"] == 4.8e12 and fell["value_unit"] == "CNY"
    # a standing count ("has expanded its trade ties to 140 countries and regions") may
    # have no period; every other row is dated
    undated = frame[frame["period_start"].isna()]
    assert set(undated["value_text"]) <= {"140 countries and regions"}
    dated = frame["period_start"].dropna()
    assert pd.to_datetime(dated).dt.year.isin([2024, 2025]).all()


# ---------------------------------------------------------------- the command
def test_cli_facts_for_files(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    from typer.testing import CliRunner

    from extractor.cli import app

    out = tmp_path / "facts.csv"
    result = CliRunner().invoke(app, [str(SEED), "--compact", "--facts", str(out)])
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out)
    assert len(frame) >= 11 and set(frame["id"]) == {SEED.stem}
    assert not (tmp_path / "facts.csv.part").exists()


def test_cli_facts_for_a_batch(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    from typer.testing import CliRunner

    from extractor.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    corpus = SEED.parent
    for name in ("xizang-foreign-trade-2024", "china-gdp-2024", "kenya-tea-exports-2024"):
        (folder / f"{name}.txt").write_bytes((corpus / f"{name}.txt").read_bytes())
    (folder / "broken.txt").write_bytes(b"")
    runner = CliRunner()
    refused = runner.invoke(app, [str(folder), "--facts", str(tmp_path / "f.csv"), "-w", "1"])
    assert refused.exit_code == 2 and "needs the records in a file" in refused.output
    result = runner.invoke(app, [str(folder), "-o", str(tmp_path / "r.jsonl"), "--facts",
                                 str(tmp_path / "f.csv"), "-w", "1", "-q"])
    assert result.exit_code == 2  # the empty file is an error record; the rest go on
    frame = pd.read_csv(tmp_path / "f.csv", dtype={"location_kb_id": str})
    assert set(frame["id"]) == {"xizang-foreign-trade-2024", "china-gdp-2024",
                                "kenya-tea-exports-2024"}
    kenya = frame[frame["id"] == "kenya-tea-exports-2024"]
    assert (kenya["location_kb_id"] == "Q114").any()


# ---------------------------------------------------------------- rules of the builder
def _facts(extract, body: str, date: str = "2024-07-15", dateline: str = "BEIJING, July 15"):
    record = extract(f" date {date} Report\n\n{dateline} (Xinhua) -- {body}")
    return record, fact_rows(record)


def test_a_quantity_names_its_own_thing(extract) -> None:
    _, rows = _facts(extract, "The landslide swept away 62 homes, and 8,000 tonnes of "
                     "standard coal were saved, while 120 people were evacuated and relocated.")
    metrics = {r["value_text"]: r["metric"] for r in rows}
    assert metrics == {"62 homes": "homes", "8,000 tonnes": "standard coal saved",
                       "120 people": "people evacuated and relocated"}


def test_a_verb_before_the_figure_gives_the_indicator(extract) -> None:
    _, rows = _facts(extract, "Xizang exported more than 11,800 NEVs in the first half.")
    assert rows[0]["metric_id"] == "nev_exports"


def test_the_subject_names_a_metric_no_form_does(extract) -> None:
    _, rows = _facts(extract, "Infrastructure investment rose 4.4 percent in the first half.")
    assert (rows[0]["metric"], rows[0]["metric_id"]) == ("Infrastructure investment", "")


def test_respectively_across_clauses_and_places(extract) -> None:
    _, rows = _facts(extract, "Production reached 6.968 million units in the first half, "
                     "while sales stood at 6.937 million units, up 41.4 percent and 40.3 "
                     "percent year on year respectively.")
    pairs = {r["value_text"]: r["change_text"] for r in rows}
    assert pairs == {"6.968 million units": "41.4 percent", "6.937 million units": "40.3 percent"}
    _, rows = _facts(extract, "Xi'an, Chengdu and Zhengzhou made 3,849 trips, 2,285 trips and "
                     "2,052 trips respectively in the first half.")
    places = [r["location"] for r in sorted(rows, key=lambda r: r["value_text"])]
    assert places == ["Zhengzhou", "Chengdu", "Xi'an"]  # 2,052, 2,285, 3,849 trips


def test_a_change_of_another_verb_is_not_paired(extract) -> None:
    _, rows = _facts(extract, "The route covers 4,700 km in 12 days and cuts transport time by "
                     "30 percent.")
    assert {(r["value_text"], r["change_text"]) for r in rows} == {("4,700 km", ""),
                                                                ("", "30 percent")}


def test_the_lead_names_the_main_place(extract) -> None:
    _, rows = _facts(extract, "Super Typhoon Yagi has killed four people in south China's "
                     "Hainan Province as of 3 p.m. Saturday. Power was cut to 300,000 homes.",
                     date="2024-09-07", dateline="HAIKOU, Sept. 7")
    assert {r["location"] for r in rows} == {"Hainan Province"}


def test_a_place_between_two_named_is_a_route(extract) -> None:
    _, rows = _facts(extract, "Flights between Shenzhen and Zhuhai will cost 200 yuan.")
    assert rows[0]["location"] != "Zhuhai"


def test_a_national_clause_is_about_the_country(extract) -> None:
    _, rows = _facts(extract, "Tourists in northwest China's Xinjiang made 3.2 million trips "
                     "during the holiday. Domestic tourist spending nationwide came to 166.89 "
                     "billion yuan over the five days.", date="2024-05-06",
                     dateline="URUMQI, May 6")
    places = {r["value_text"]: r["location"] for r in rows}
    assert places["3.2 million trips"] == "Xinjiang Uygur Autonomous Region"
    assert places["166.89 billion yuan"] == "China"


def test_trade_is_located_at_the_articles_country(extract) -> None:
    _, rows = _facts(extract, "Kazakhstan and China signed 24 agreements. Tokayev said China "
                     "is Kazakhstan's largest trade partner, with bilateral trade reaching 44 "
                     "billion U.S. dollars last year.", date="2025-06-17",
                     dateline="ASTANA, June 17")
    trade = next(r for r in rows if r["value_text"] == "44 billion U.S. dollars")
    assert (trade["location"], trade["partner"]) == ("Kazakhstan", "China")


def test_gapped_and_apposed_subjects(extract) -> None:
    _, rows = _facts(extract, "Defence will receive 2,550 billion rupees and civil "
                     "administration 971 billion rupees.", date="2025-06-10",
                     dateline="ISLAMABAD, June 10")
    assert {r["value_text"]: r["metric"] for r in rows}["971 billion rupees"] == \
        "civil administration"
    _, rows = _facts(extract, "Receipts from the tourist tax, a levy charged on everyone "
                     "leaving, more than tripled to 39.9 billion yen in fiscal 2023.",
                     date="2024-07-03", dateline="TOKYO, July 3")
    row = next(r for r in rows if r["value_text"] == "39.9 billion yen")
    assert row["metric"] == "Receipts from the tourist tax"


def test_what_a_budget_will_spend_is_a_target(extract) -> None:
    _, rows = _facts(extract, "Pakistan unveiled a budget of 17.5 trillion rupees. Defence will "
                     "receive 2,550 billion rupees.", date="2025-06-10",
                     dateline="ISLAMABAD, June 10")
    assert {r["value_text"]: r["kind"] for r in rows}["2,550 billion rupees"] == "target"
    _, rows = _facts(extract, "Exports will reach 5 billion yuan this year, analysts said.")
    assert rows[0]["kind"] == "forecast"


def test_places_of_listed_and_partnered_figures(extract) -> None:
    _, rows = _facts(extract, "Other platform cities included Yiwu (812 trips), Changsha (764 "
                     "trips) and Hefei (498 trips) last year.", date="2025-01-22",
                     dateline="BEIJING, Jan. 22")
    assert {r["value_text"]: r["location"] for r in rows} == {
        "812 trips": "Yiwu", "764 trips": "Changsha", "498 trips": "Hefei"}
    _, rows = _facts(extract, "China remained Dubai's largest trading partner in the first "
                     "quarter, with bilateral trade reaching 39 billion dirhams.",
                     date="2016-06-13", dateline="DUBAI, June 13")
    assert (rows[0]["location"], rows[0]["partner"]) == ("Dubai", "China")


def test_the_noun_a_figure_is_of_names_it(extract) -> None:
    _, rows = _facts(extract, "The budget plans net borrowing of 81.8 billion euros and a "
                     "deficit of 10 billion euros in 2025.", date="2024-07-17",
                     dateline="BERLIN, July 17")
    metrics = {r["value_text"]: (r["metric"], r["metric_id"]) for r in rows}
    assert metrics["81.8 billion euros"] == ("net borrowing", "")
    assert metrics["10 billion euros"][1] == "budget_balance"


def test_the_date_of_an_event_is_not_the_figures_period(extract) -> None:
    _, rows = _facts(extract, "Lesufi cited a new steel factory, which opened in January and "
                     "has created more than 1,000 jobs.", date="2026-02-24",
                     dateline="JOHANNESBURG, Feb. 24")
    assert rows[0]["period"] == ""


def test_a_companys_country_is_not_the_subject_place(extract) -> None:
    _, rows = _facts(extract, "China's Fufeng Group will invest 800 million U.S. dollars in a "
                     "corn processing plant in Zhambyl Region.", date="2025-06-17",
                     dateline="ASTANA, June 17")
    assert rows[0]["location"] == "Zhambyl Region"


def test_a_paragraph_keeps_the_place_it_names(extract) -> None:
    body = ("Kazakhstan signed 24 documents with China on Tuesday.\n\n"
            "A group will invest 800 million U.S. dollars in a plant in Zhambyl Region. "
            "The plant is expected to create 1,500 jobs.\n\n"
            "Another 300 jobs will come from an onion plant.")
    _, rows = _facts(extract, body, date="2025-06-17", dateline="ASTANA, June 17")
    places = {r["value_text"]: r["location"] for r in rows}
    assert places["1,500 jobs"] == "Zhambyl Region"
    assert places["300 jobs"] == "Kazakhstan"  # a new paragraph starts afresh


def test_the_province_and_the_city_refer_back(extract) -> None:
    body = ("The earthquake that struck Jishishan County in Gansu Province left 113 people "
            "dead in the province.\n\n"
            "In Haikou, the capital of Hainan Province, 105,500 residents were evacuated. "
            "More than 400 houses in the city collapsed.")
    _, rows = _facts(extract, body, date="2023-12-20", dateline="LANZHOU, Dec. 20")
    places = {r["value_text"]: r["location"] for r in rows}
    assert places["113 people"] == "Gansu Province"
    assert places["More than 400 houses"] == "Haikou"


def test_a_plan_is_not_dated_by_a_past_period(extract) -> None:
    body = ("Bilateral trade reached 44 billion U.S. dollars last year. The new plant is "
            "expected to create 1,500 jobs. Economists had expected a gain of 150,000 jobs.")
    _, rows = _facts(extract, body, date="2025-06-17", dateline="ASTANA, June 17")
    periods = {r["value_text"]: r["period_start"] for r in rows}
    assert periods["44 billion U.S. dollars"] == "2024-01-01"
    assert periods["1,500 jobs"] == ""
    assert periods["150,000 jobs"] == "2024-01-01"  # a forecast made in the past


def test_a_subject_that_points_back_takes_the_metric_before(extract) -> None:
    body = ("Fixed-asset investment rose 4.2 percent year on year in the first quarter. "
            "Investment in the January-March period totaled 10.32 trillion yuan. Growth was "
            "also 0.1 percentage points faster than in the first two months.")
    _, rows = _facts(extract, body, date="2025-04-16", dateline="BEIJING, April 16")
    ids = {r["value_text"] or r["change_text"]: r["metric_id"] for r in rows}
    assert ids == {"4.2 percent": "fixed_asset_investment",
                   "10.32 trillion yuan": "fixed_asset_investment",
                   "0.1 percentage points": "fixed_asset_investment"}


def test_a_rate_of_names_its_own_metric(extract) -> None:
    _, rows = _facts(extract, "The trains have run at an average occupancy rate of 90 "
                     "percent, he said.", date="2023-12-27", dateline="JAKARTA, Dec. 27")
    assert rows[0]["metric"] == "average occupancy rate"


def test_trade_partners_and_sources(extract) -> None:
    body = ("The region's total imports and exports amounted to 287.5 billion yuan, "
            "according to Nanning Customs. Imports and exports with Belt and Road countries "
            "went up 24.2 percent. Imports, which make up the bulk of the province's trade, "
            "grew 5.3 percent.")
    _, rows = _facts(extract, body, date="2023-06-20", dateline="NANNING, June 20")
    got = {r["value_text"] or r["change_text"]: (r["metric_id"], r["partner"]) for r in rows}
    assert got == {"287.5 billion yuan": ("foreign_trade", ""),
                   "24.2 percent": ("bilateral_trade", ""),
                   "5.3 percent": ("imports", "")}


def test_respectively_hands_out_a_list_of_metrics(extract) -> None:
    body = ("NEV production and sales in June came in at 1.268 million units and 1.329 "
            "million units, rising 26.4 percent and 26.7 percent year on year, respectively.")
    _, rows = _facts(extract, body, date="2025-07-10", dateline="BEIJING, July 10")
    got = {r["value_text"]: (r["metric"], r["metric_id"], r["change_text"]) for r in rows}
    assert got == {"1.268 million units": ("NEV production", "nev_output", "26.4 percent"),
                   "1.329 million units": ("NEV sales", "nev_sales", "26.7 percent")}


def test_a_year_followed_by_when_dates_its_clause(extract) -> None:
    body = ("At least 157 people were killed late Friday night. The disaster is the deadliest "
            "since 2015, when two earthquakes killed about 9,000 people and cost the economy "
            "6 billion U.S. dollars.")
    _, rows = _facts(extract, body, date="2023-11-04", dateline="KATHMANDU, Nov. 4")
    got = {r["value_text"]: (r["metric_id"], r["period_start"]) for r in rows}
    assert got["about 9,000 people"] == ("deaths", "2015-01-01")
    assert got["6 billion U.S. dollars"] == ("economic_losses", "2015-01-01")
    assert got["At least 157 people"] == ("deaths", "2023-11-03")


def test_a_measure_before_a_noun_is_its_length(extract) -> None:
    body = ("Put into operation in December 2021, the 1,035-kilometer railway runs from "
            "Kunming to Vientiane, connecting the two countries.")
    _, rows = _facts(extract, body, date="2024-03-19", dateline="KUNMING, March 19")
    got = {r["value_text"]: (r["metric"], r["metric_id"], r["period_start"]) for r in rows}
    assert got["1,035-kilometer"] == ("length of the railway", "railway_length", "")
    assert got["two countries"][2] == ""  # the opening date is an event's, not the figures'


def test_periods_are_scored_by_their_dates() -> None:
    from extractor.evaluate import fact_field_right
    undated = {"period": {"label": "each year", "start": None, "end": None}}
    year = {"period": {"label": "2024", "start": "2024-01-01", "end": "2024-12-31"}}
    same_year = {"period": {"label": "last year", "start": "2024-01-01", "end": "2024-12-31"}}
    assert fact_field_right("period", undated, {"period": None})
    assert fact_field_right("period", year, same_year)
    assert not fact_field_right("period", year, {"period": None})
    assert not fact_field_right("period", undated, year)


def test_a_subject_ends_before_its_place(extract) -> None:
    body = ("Total receipts of the gaming sector in China's Macao Special Administrative Region "
            "soared 308.1 percent year on year to 188.52 billion patacas in 2023, and gross "
            "surplus before taxes rocketed 896.5 percent to 115.20 billion patacas.")
    _, rows = _facts(extract, body, date="2024-09-06", dateline="MACAO, Sept. 6")
    got = {r["value_text"]: (r["metric"], r["change_text"], r["location"]) for r in rows}
    assert got["188.52 billion patacas"] == ("Total receipts of the gaming sector",
                                             "308.1 percent",
                                             "Macao Special Administrative Region")
    assert got["115.20 billion patacas"][1] == "896.5 percent"


def test_a_change_after_a_list_of_places_pairs_with_its_level(extract) -> None:
    _, rows = _facts(extract, "Beijing received 1.91 million visitors from other provinces "
                     "and cities, down 23.6 percent year on year.", date="2001-05-08",
                     dateline="BEIJING, May 8")
    assert [(r["value_text"], r["change_text"]) for r in rows] == [
        ("1.91 million visitors", "23.6 percent")]


def test_money_set_aside_names_its_purpose(extract) -> None:
    body = ("The board has been asked to collect 14,131 billion rupees in taxes. Defence will "
            "receive 2,550 billion rupees, while 1,055 billion rupees has been earmarked for "
            "pensions and 1,186 billion rupees for subsidies. Total expenditure, excluding "
            "taxes, rose 9.8 percent to 8.06 billion rupees.")
    _, rows = _facts(extract, body, date="2025-06-10", dateline="ISLAMABAD, June 10")
    got = {r["value_text"]: (r["metric"], r["metric_id"]) for r in rows}
    assert got["14,131 billion rupees"] == ("taxes", "fiscal_revenue")
    assert got["1,055 billion rupees"] == ("pensions", "")
    assert got["1,186 billion rupees"] == ("subsidies", "")
    assert got["8.06 billion rupees"][1] == "fiscal_expenditure"


def test_a_later_clause_with_its_own_subject_names_its_figure(extract) -> None:
    body = ("The U.S. economy added 143,000 nonfarm jobs in January, while the unemployment "
            "rate edged down to 4 percent and average hourly pay rose to US$35.87. More than "
            "3,000 rescuers using detection equipment and sniffer dogs are racing against time "
            "in Xinmo village.")
    _, rows = _facts(extract, body, date="2025-02-07", dateline="WASHINGTON, Feb. 7")
    got = {r["value_text"]: r["metric"] for r in rows}
    assert got["4 percent"] == "unemployment rate"
    assert got["US$35.87"] == "average hourly pay"


def test_a_metric_form_in_the_subjects_modifier_does_not_name_it(extract) -> None:
    body = ("Average hourly earnings for all employees on private nonfarm payrolls increased "
            "by 17 cents to $35.87 in January. NEVs accounted for 44.3 percent of all new "
            "vehicle sales.")
    _, rows = _facts(extract, body, date="2025-02-07", dateline="WASHINGTON, Feb. 7")
    got = {r["value_text"]: r["metric"] for r in rows}
    assert got["17 cents"] == "Average hourly earnings"
    assert got["44.3 percent"] != "NEVs accounted"


def test_the_subject_of_what_was_said_and_raised_to(extract) -> None:
    body = ("Committee chairman Said Abdullah said the average crude price assumption for 2024 "
            "was raised to 82 U.S. dollars per barrel. Hua Hong raised 21.2 billion yuan "
            "last month.")
    _, rows = _facts(extract, body, date="2023-10-31", dateline="JAKARTA, Oct. 31")
    got = {r["value_text"]: (r["metric"], r["metric_id"]) for r in rows}
    assert got["82 U.S. dollars per barrel"][1] == ""  # "raised to" is not a listing's proceeds
    assert "crude price assumption" in got["82 U.S. dollars per barrel"][0]
    assert got["21.2 billion yuan"][1] == "ipo_proceeds"


def test_what_a_ratio_is_of_does_not_name_later_figures(extract) -> None:
    body = ("The budget deficit for next year is projected at 2.29 percent of gross domestic "
            "product (GDP), against 2.30 percent expected for 2023.")
    _, rows = _facts(extract, body, date="2023-09-21", dateline="JAKARTA, Sept. 21")
    assert {r["value_text"]: r["metric_id"] for r in rows} == {
        "2.29 percent": "budget_balance", "2.30 percent": "budget_balance"}


def test_places_of_a_lead_and_of_respective_partners(extract) -> None:
    body = ("While much of China bakes in summer heat, Harbin is luring visitors.\n\n"
            "Its indoor pavilion is divided into nine themed areas.\n\n"
            "The city's trade with the European Union and the United States was valued at "
            "13.29 billion yuan and 9.41 billion yuan, respectively.")
    _, rows = _facts(extract, body, date="2025-08-04", dateline="HARBIN, Aug. 4")
    got = {r["value_text"]: (r["location"], r["partner"]) for r in rows}
    assert got == {"nine themed areas": ("Harbin", ""),
                   "13.29 billion yuan": ("Harbin", "European Union"),
                   "9.41 billion yuan": ("Harbin", "United States")}
    _, rows = _facts(extract, "Volkswagen Components, the first battery plant in China wholly "
                     "owned by Volkswagen, started production in Hefei. The plant has an annual "
                     "capacity of 150,000 battery systems.", date="2023-11-27",
                     dateline="HEFEI, Nov. 27")
    assert rows[0]["location"] == "Hefei"  # "the first ... in China" ranks, it does not place


def test_what_a_verb_brings_to_a_figure_and_what_money_is_in(extract) -> None:
    body = ("The budget includes net borrowing of 43.8 billion euros, keeping within the debt "
            "brake, which limits new borrowing to 0.35 percent of GDP. A supplementary budget "
            "comes with 11 billion euros in additional borrowing. The number of parcels "
            "increased 14-fold to 83.5 billion parcels in 2020.")
    _, rows = _facts(extract, body, date="2024-07-17", dateline="BERLIN, July 17")
    got = {r["value_text"]: r["metric"] for r in rows}
    assert got["43.8 billion euros"] == "net borrowing"
    assert got["0.35 percent"] == "new borrowing"
    assert got["11 billion euros"] == "additional borrowing"
    assert got["83.5 billion parcels"] != "fold"


def test_they_after_an_opening_phrase_points_back(extract) -> None:
    body = ("Average hourly earnings increased by 0.5 percent to $35.87 in January. Over the "
            "past 12 months, they were up 4.1 percent, the bureau said.")
    _, rows = _facts(extract, body, date="2025-02-07", dateline="WASHINGTON, Feb. 7")
    got = {r["change_text"]: r["metric"] for r in rows}
    assert got["4.1 percent"] == got["0.5 percent"]


def test_a_plan_takes_the_last_period_that_is_not_over(extract) -> None:
    body = ("The government will issue 1.3 trillion yuan of bonds this year, after selling one "
            "trillion yuan of such bonds in 2024. Another 500 billion yuan of bonds will be "
            "issued. Provinces will issue 4.4 trillion yuan of bonds, up from the 3.9 trillion "
            "yuan quota for 2024.")
    _, rows = _facts(extract, body, date="2025-03-05", dateline="BEIJING, March 5")
    got = {r["value_text"]: r["period_start"] for r in rows}
    assert got == {"1.3 trillion yuan": "2025-01-01", "one trillion yuan": "2024-01-01",
                   "500 billion yuan": "2025-01-01", "4.4 trillion yuan": "2025-01-01",
                   "3.9 trillion yuan": "2024-01-01"}


def test_a_deadline_dates_its_clause_only(extract) -> None:
    body = ("Among the measures, more than 13 billion pounds was earmarked to compensate "
            "victims, while a crackdown on fraud is expected to save 4.3 billion pounds a year "
            "by 2029.\n\nThe plan comes with 240 million pounds allocated to 16 projects.")
    _, rows = _facts(extract, body, date="2024-10-30", dateline="LONDON, Oct. 30")
    got = {r["value_text"]: (r["metric"], r["period_start"]) for r in rows}
    assert got["more than 13 billion pounds"] == ("compensate victims", "")
    assert got["4.3 billion pounds a year"][1] == "2029-01-01"
    assert got["240 million pounds"] == ("allocated", "")


def test_changes_listed_after_a_change_share_its_verb(extract) -> None:
    body = ("Bangladesh's economy grew 7.10 percent in 2021-22, 5.78 percent in 2022-23 and a "
            "provisional 5.82 percent in 2023-24. Sales at convenience stores went up 4.7 "
            "percent, at specialty stores 4.2 percent and at supermarkets 2.7 percent.")
    _, rows = _facts(extract, body, date="2024-06-06", dateline="DHAKA, June 6")
    changes = [r["change_text"] for r in rows if r["change_text"]]
    assert changes == ["7.10 percent", "5.78 percent", "5.82 percent", "4.7 percent",
                       "4.2 percent", "2.7 percent"]


def test_a_percentage_after_than_is_a_level_unless_it_is_an_increase(extract) -> None:
    body = ("The manufacturing PMI averaged 50.2 percent, notably higher than the 49.4 percent "
            "registered in the third quarter. Remittances grew 15.2 percent, lower than the "
            "18.7 percent increase a year earlier.")
    _, rows = _facts(extract, body, date="2025-01-02", dateline="BEIJING, Jan. 2")
    assert [(r["value_text"], r["change_text"]) for r in rows] == [
        ("50.2 percent", ""), ("49.4 percent", ""), ("", "15.2 percent"), ("", "18.7 percent")]


def test_the_figure_before_takes_the_change_that_points_at_it(extract) -> None:
    body = ("Foreign trade in Guangdong climbed to a record 4.37 trillion yuan in the first six "
            "months of 2024. The figure represents a year-on-year rise of 13.8 percent.")
    _, rows = _facts(extract, body, date="2024-07-17", dateline="GUANGZHOU, July 17")
    assert [(r["value_text"], r["change_text"]) for r in rows] == [
        ("4.37 trillion yuan", "13.8 percent")]


def test_subjects_after_an_opening_phrase_or_with_an_adjective_like_a_verb(extract) -> None:
    body = ("The narrow measure M1, made up of cash in circulation plus demand deposits, came "
            "in at 66.06 trillion yuan. In total, the government bond quota for this year has "
            "been set at 11.86 trillion yuan.")
    _, rows = _facts(extract, body, date="2025-03-05", dateline="BEIJING, March 5")
    got = {r["value_text"]: r["metric"] for r in rows}
    assert got["66.06 trillion yuan"] == "narrow measure M1"
    assert got["11.86 trillion yuan"].startswith("government bond quota")


def test_the_topic_carries_to_a_figure_with_only_its_unit(extract) -> None:
    body = ("Kenya shipped 320,563 metric tons of tea in the half-year. March was the busiest "
            "month, with 59,599 metric tons leaving the country.")
    _, rows = _facts(extract, body, date="2024-09-26", dateline="NAIROBI, Sept. 26")
    got = {r["value_text"]: r["metric_id"] for r in rows}
    assert got == {"320,563 metric tons": "tea_exports", "59,599 metric tons": "tea_exports"}


def test_a_period_before_when_dates_the_clause_after_it(extract) -> None:
    body = ("Kenya shipped 320,563 metric tons of tea in the first half, up from 270,287 metric "
            "tons in the same period of 2023, when sales abroad brought in 674.9 million U.S. "
            "dollars.")
    _, rows = _facts(extract, body, date="2024-09-26", dateline="NAIROBI, Sept. 26")
    got = {r["value_text"]: r["period_start"] for r in rows}
    assert got == {"320,563 metric tons": "2024-01-01", "270,287 metric tons": "2023-01-01",
                   "674.9 million U.S. dollars": "2023-01-01"}


def test_trade_between_two_places_and_names_of_events(extract) -> None:
    body = ("A total of 84 cooperation deals worth 20.8 billion U.S. dollars were signed at the "
            "first China-Africa Economic and Trade Expo in Changsha. Trade between Hunan and "
            "Africa reached 2.8 billion U.S. dollars in 2018.")
    _, rows = _facts(extract, body, date="2019-06-29", dateline="CHANGSHA, June 29")
    got = {r["value_text"]: (r["metric_id"], r["location"], r["partner"]) for r in rows}
    assert got["20.8 billion U.S. dollars"][0] == ""  # "Trade" in the expo's name is no metric
    assert got["2.8 billion U.S. dollars"] == ("bilateral_trade", "Hunan Province", "Africa")


def test_money_invested_and_what_is_worth_it(extract) -> None:
    body = ("The group will invest 800 million U.S. dollars in a corn processing plant. Another "
            "firm is building a cotton cluster worth 420 million dollars.")
    _, rows = _facts(extract, body, date="2025-06-17", dateline="ASTANA, June 17")
    got = {r["value_text"]: r["metric"] for r in rows}
    assert got == {"800 million U.S. dollars": "investment",
                   "420 million dollars": "cotton cluster"}


def test_what_a_verb_changes_by_a_figure(extract) -> None:
    body = ("Pakistan has lowered the price of petrol by 8 rupees per liter. The service cuts "
            "transport time by 30 percent. The government hopes to collect more than 950 "
            "billion rupees from the levy in the current fiscal year.")
    _, rows = _facts(extract, body, date="2024-01-02", dateline="KARACHI, Jan. 2")
    got = {r["value_text"] or r["change_text"]: (r["metric"], r["period_start"]) for r in rows}
    assert got["8 rupees per liter"][0] == "price of petrol"
    assert got["30 percent"][0] == "transport time"
    assert got["more than 950 billion rupees"][1] == "2023-07-01"  # Pakistan's fiscal year


def test_what_a_measure_is_of_past_an_acronym_and_hyphens(extract) -> None:
    body = ("The port handled over 50 million twenty-foot equivalent units (TEUs) of "
            "containers. The company sold 390 gigawatt-hours (GWh) of lithium-ion batteries.")
    _, rows = _facts(extract, body, date="2024-12-22", dateline="SHANGHAI, Dec. 22")
    got = {r["value_text"]: (r["metric"], r["metric_id"]) for r in rows}
    assert got["over 50 million twenty-foot equivalent units"][1] == "cargo_throughput"
    assert got["390 gigawatt-hours"][0].startswith("lithium-ion batteries")


def test_money_in_a_kind_read_with_its_verb(extract) -> None:
    body = ("A year earlier, the government had collected 1.60 trillion rupees in GST for the "
            "same month. The year-on-year increase amounted to nearly 3.63 million tonnes.")
    _, rows = _facts(extract, body, date="2024-05-01", dateline="NEW DELHI, May 1")
    got = {r["value_text"]: (r["metric"], r["metric_id"]) for r in rows}
    assert got["1.60 trillion rupees"] == ("GST", "gst_collection")
    assert got["nearly 3.63 million tonnes"][0] != "amounted"


def test_metric_words_are_compared_without_clinging_punctuation() -> None:
    from extractor.evaluate import fact_field_right
    gold = {"metric": "imports' share of total trade", "metric_id": None}
    assert fact_field_right("metric", gold, {"metric": "Imports"})
    assert not fact_field_right("metric", gold, {"metric": "exports of goods"})


def test_places_in_a_list_of_examples_or_after_a_comma_do_not_place(extract) -> None:
    body = ("China's tourism industry earned 28.8 billion yuan during the holiday. Sun said 25 "
            "major tourism cities, among them Dalian, Nanjing and Suzhou, received "
            "26.4 million people during the period.\n\nThe route cuts transport time by 30 "
            "percent, helping enterprises serve customers in Central Asia better.")
    _, rows = _facts(extract, body, date="2001-05-08", dateline="BEIJING, May 8")
    got = {r["value_text"] or r["change_text"]: r["location"] for r in rows}
    assert got["26.4 million people"] == "China"
    assert got["30 percent"] == "China"


def test_participles_past_fillers(extract) -> None:
    body = ("The floods left 266 people dead, while another 199 people were still listed as "
            "missing. More than 3.8 million people had to be evacuated and relocated.")
    _, rows = _facts(extract, body, date="2010-07-03", dateline="BEIJING, July 3")
    got = {r["value_text"]: (r["metric"], r["metric_id"]) for r in rows}
    assert got["199 people"] == ("people listed as missing", "missing")
    assert got["More than 3.8 million people"][0] == "people evacuated and relocated"


def test_people_a_verb_acts_on_and_a_list_of_places(extract) -> None:
    body = ("As of 4 p.m. Thursday, the downpours had affected more than 44 million people in "
            "Zhejiang, Fujian, Jiangxi and Hubei. The death toll included 105 people in Jajarkot "
            "district.")
    _, rows = _facts(extract, body, date="2010-07-02", dateline="BEIJING, July 2")
    got = {r["value_text"]: (r["metric"], r["metric_id"], r["location"]) for r in rows}
    assert got["more than 44 million people"][0] == "people affected"
    assert got["more than 44 million people"][2] != "Zhejiang Province"  # one of a list
    assert got["105 people"][1] == "deaths"


def test_value_added_and_quarterly_growth(extract) -> None:
    body = ("The value added of major industrial enterprises in Guangdong rose 4 percent. The "
            "fourth quarter brought in 11.51 trillion yuan of foreign trade, and quarterly "
            "growth was 0.4 percentage points faster than in the third quarter.")
    _, rows = _facts(extract, body, date="2024-01-13", dateline="BEIJING, Jan. 13")
    got = {r["change_text"] or r["value_text"]: r["metric_id"] for r in rows}
    assert got["4 percent"] == "industrial_output"
    assert got["0.4 percentage points"] == "foreign_trade"


def test_rising_to_continues_the_metric_before(extract) -> None:
    body = ("The plant will start with an annual capacity of 150,000 vehicles, rising to 300,000 "
            "vehicles in a second phase.")
    _, rows = _facts(extract, body, date="2025-10-09", dateline="CAMACARI, Oct. 9")
    assert [r["metric"] for r in rows] == ["capacity", "capacity"]


def test_an_active_present_perfect_is_a_result_not_a_figure_of_the_period(extract) -> None:
    body = ("As of 9 a.m. Wednesday, 14,939 houses had collapsed.\n\nGansu has also dispatched "
            "19 medical teams. More than 400 houses in the city have collapsed.")
    _, rows = _facts(extract, body, date="2023-12-20", dateline="LANZHOU, Dec. 20")
    got = {r["value_text"]: r["period_start"] for r in rows}
    assert got["19 medical teams"] == ""
    assert got["More than 400 houses"] == "2023-12-20"  # a tally keeps the "as of" date


def test_people_who_remain_missing_are_a_tally(extract) -> None:
    body = ("Thirty-three people were killed as of the end of Tuesday. Another 18 people remain "
            "missing. Goods worth 29.8 billion yuan pass through the port each day.")
    _, rows = _facts(extract, body, date="2023-08-09", dateline="BEIJING, Aug. 9")
    got = {r["value_text"]: r["period_start"] for r in rows}
    assert got == {"Thirty-three people": "2023-08-08", "18 people": "2023-08-08",
                   "29.8 billion yuan": ""}


def test_an_opening_phrase_frames_but_does_not_name(extract) -> None:
    body = ("On the spending side, interest payments alone will take 8,207 billion rupees. Of "
            "total federal revenue, 8,206 billion rupees will be transferred to the provinces. "
            "On the revenue side, the government plans to raise 25.6 billion dollars.")
    _, rows = _facts(extract, body, date="2025-06-10", dateline="ISLAMABAD, June 10")
    got = {r["value_text"]: r["metric"] for r in rows}
    assert got["8,207 billion rupees"] == "interest payments alone"
    assert got["8,206 billion rupees"] == "provinces"
    assert got["25.6 billion dollars"] == "revenue"  # the government acts: the frame names it


def test_ranked_trade_partners_of_the_same_place(extract) -> None:
    body = ("China remained Dubai's largest trading partner in the first quarter, with "
            "bilateral trade reaching 39 billion dirhams.\n\nIndia ranked second with trade of "
            "24 billion dirhams, followed by the United States with 22 billion dirhams.")
    _, rows = _facts(extract, body, date="2016-06-13", dateline="DUBAI, June 13")
    got = {r["value_text"]: (r["location"], r["partner"]) for r in rows}
    assert got == {"39 billion dirhams": ("Dubai", "China"),
                   "24 billion dirhams": ("Dubai", "India"),
                   "22 billion dirhams": ("Dubai", "United States")}


def test_an_appositive_and_a_rate_lower_than(extract) -> None:
    body = ("China's value-added industrial output, an important gauge of the economy, grew 6 "
            "percent year on year in the first half of 2019. The rate was 0.5 percentage "
            "points lower than the growth logged in the first quarter.")
    _, rows = _facts(extract, body, date="2019-07-15", dateline="BEIJING, July 15")
    got = {r["change_text"]: (r["metric_id"], r["period_start"]) for r in rows}
    assert got == {"6 percent": ("industrial_output", "2019-01-01"),
                   "0.5 percentage points": ("industrial_output", "2019-01-01")}


def test_hyphenated_compounds_in_metrics(extract) -> None:
    body = ("Output at state-controlled enterprises increased 5 percent, joint-stock companies "
            "posted a 7.3-percent gain. Output of high-tech manufacturing went up 9 percent.")
    _, rows = _facts(extract, body, date="2019-07-15", dateline="BEIJING, July 15")
    got = {r["change_text"]: r["metric"] for r in rows}
    assert "7.3-percent" in got and got["7.3-percent"] != "stock"
    assert got["9 percent"] == "Output of high-tech manufacturing"


def test_a_passive_raised_by_names_its_subject(extract) -> None:
    body = ("November's gain was raised by 49,000 jobs to 261,000 jobs, and December's was "
            "lifted by 51,000 jobs to 307,000 jobs.")
    _, rows = _facts(extract, body, date="2025-02-07", dateline="WASHINGTON, Feb. 7")
    got = {r["value_text"]: r["metric"] for r in rows}
    assert got["49,000 jobs"] == "November's gain"
    assert got["51,000 jobs"] == "December's"


def test_a_difference_in_a_count_is_named_by_its_subject(extract) -> None:
    body = ("With the revisions, employment in the final two months of 2024 was 100,000 jobs "
            "higher than previously reported.")
    _, rows = _facts(extract, body, date="2025-02-07", dateline="WASHINGTON, Feb. 7")
    assert rows[0]["metric"].startswith("employment")


def test_growth_compared_with_an_earlier_rate_is_a_change(extract) -> None:
    body = ("In 2024, the economy grew by 4.7 percent. He said the pace was slower than the 5.7 "
            "percent recorded in 2023. The government aims to bring average inflation down to "
            "6.5 percent next year, after it ran above 9 percent over the past two years.")
    _, rows = _facts(extract, body, date="2025-06-12", dateline="NAIROBI, June 12")
    got = {r["change_text"] or r["value_text"]: (r["change_text"] != "", r["metric_id"],
                                                 r["period_start"]) for r in rows}
    assert got["5.7 percent"] == (True, "gdp", "2023-01-01")
    assert got["above 9 percent"][0] is False  # a level over the past two years


def test_a_place_right_after_the_figure_is_its_own(extract) -> None:
    body = ("The death toll included 105 people in Jajarkot district and 52 people in "
            "neighboring Rukum West district.")
    _, rows = _facts(extract, body, date="2023-11-04", dateline="KATHMANDU, Nov. 4")
    got = {r["value_text"]: r["location"] for r in rows}
    assert got == {"105 people": "Jajarkot", "52 people": "Rukum West"}


def test_profits_and_a_participle_opening(extract) -> None:
    body = ("Buoyed by demand at home and abroad, the consumer goods industry saw its profits "
            "climb 12.9 percent. The bank raised its cash rate target by 0.25 percentage point "
            "to 4.35 percent.")
    _, rows = _facts(extract, body, date="2024-03-27", dateline="BEIJING, March 27")
    got = {r["change_text"] or r["value_text"]: (r["metric"], r["metric_id"]) for r in rows}
    assert got["12.9 percent"][1] == "profits"
    assert got["0.25 percentage point"][1] == "interest_rate"


def test_a_distance_is_not_dated_by_the_event(extract) -> None:
    body = ("The quake struck Yushu County at 7:49 a.m. Wednesday at a depth of about 33 km. "
            "As of Friday, it had killed 760 people.")
    _, rows = _facts(extract, body, date="2010-04-16", dateline="YUSHU, April 16")
    got = {r["value_text"]: r["period_start"] for r in rows}
    assert got == {"about 33 km": "", "760 people": "2010-04-16"}


def test_a_growth_rate_compared_with_the_national_average(extract) -> None:
    body = ("Foreign trade in Xiamen expanded 5.4 percent year on year to 370 billion yuan in "
            "the first seven months. The growth rate was 7.1 percentage points higher than the "
            "national average.")
    _, rows = _facts(extract, body, date="2020-08-19", dateline="XIAMEN, Aug. 19")
    got = {r["change_text"]: (r["metric"], r["metric_id"], r["location"]) for r in rows}
    assert got["7.1 percentage points"] == ("growth rate of Foreign trade", "foreign_trade",
                                            "Xiamen")


def test_a_period_stated_inside_a_later_paragraph_stays_there(extract) -> None:
    body = ("Kazakhstan and China have signed investment agreements in farming, the ministry "
            "said.\n\nOfftake contracts for 300,000 tonnes of corn in 2025 have already been "
            "signed.\n\nAnother group is building a cotton cluster worth 420 million dollars.")
    _, rows = _facts(extract, body, date="2025-06-17", dateline="ASTANA, June 17")
    got = {r["value_text"]: r["period_start"] for r in rows}
    assert got == {"300,000 tonnes": "2025-01-01", "420 million dollars": ""}


def test_a_companys_revenue_is_not_fiscal_revenue(extract) -> None:
    body = ("Tencent Holdings Limited said its revenue rose 10 percent year on year to 154.63 "
            "billion yuan in the third quarter.")
    _, rows = _facts(extract, body, date="2023-11-15", dateline="HONG KONG, Nov. 15")
    assert rows[0]["metric_id"] == "company_revenue"
    _, rows = _facts(extract, "Fiscal revenue rose 1.3 percent to 21.97 trillion yuan in 2024.",
                     date="2025-01-24", dateline="BEIJING, Jan. 24")
    assert rows[0]["metric_id"] == "fiscal_revenue"


def test_a_ministry_named_technology_is_no_company(extract) -> None:
    """The Ministry of Industry and Information Technology ends in a company
    word, but an industry's revenue it reports is no company's revenue."""
    body = ("China's software industry raked in 13.73 trillion yuan in revenue last year, up "
            "10 percent year on year, the Ministry of Industry and Information Technology said.")
    _, rows = _facts(extract, body, date="2025-01-27", dateline="BEIJING, Jan. 27")
    assert rows[0]["metric_id"] != "company_revenue"


@pytest.mark.parametrize("word", ["²⁰²⁴", "٢٠٢٤"])
def test_digits_int_cannot_read_as_a_year_are_no_period(extract, word) -> None:
    # '²⁰²⁴' is four digits to str.isdigit but not to int(): it raised
    # ValueError in an article with figures; Arabic-Indic digits int() reads
    facts = extract(f"Exports rose 5 percent in {word} from a year earlier.").facts
    assert len(facts) == 1 and facts[0].change is not None


def test_a_period_singled_out_dates_its_paragraph_only(extract) -> None:
    record = extract(
        " date 2025-01-06 Growth\n\nHANOI, Jan. 6 (Xinhua) -- GDP expanded 7.09 percent in 2024, "
        "the statistics office said Monday.\n\nIn the fourth quarter alone, the economy grew "
        "7.55 percent year on year. Retail sales rose 9.2 percent in the quarter.\n\n"
        "Exports climbed 14.3 percent.")
    periods = [(f.metric, f.period.label if f.period else None) for f in record.facts]
    assert periods[1][1] == "fourth quarter"
    assert periods[2][1] == "fourth quarter"  # "in the quarter": the rest of its paragraph
    assert periods[3] == ("Exports", "2024")  # the next paragraph: the article's year again


def test_others_after_a_number_are_counted(extract) -> None:
    record = extract("Fifty-three people were confirmed dead and 62 others injured.")
    assert [(q.text, q.value) for q in record.quantities][-1] == ("62 others", 62)


def test_making_up_a_share_is_a_level_without_the_basis_of_the_change(extract) -> None:
    record = extract("The province's trade with Belt and Road countries expanded 24.4 percent "
                     "year on year to 165.2 billion yuan, making up 27.8 percent of its total "
                     "foreign trade.")
    pct = [p.text for p in record.percentages]
    share = next(f for f in record.facts if f.value_kind == "percentages")
    assert pct[share.value] == "27.8 percent" and share.change is None and share.basis is None
    trade = next(f for f in record.facts if f.value_kind == "money")
    assert pct[trade.change] == "24.4 percent" and trade.basis == "year_on_year"


def test_a_group_of_partners_gives_no_single_partner(extract) -> None:
    record = extract("Sichuan's combined trade with the United States, the European Union, "
                     "ASEAN and Japan stood at 404.9 billion yuan, up 20 percent year on year.")
    assert record.facts[0].partner is None
    record = extract("Sichuan's trade with the United States stood at 40.9 billion yuan, "
                     "up 20 percent year on year.")
    assert record.entities[record.facts[0].partner].text == "United States"


def test_a_partner_after_to_the_is_not_the_lead_place(extract) -> None:
    # the possessive chain ("China's Xizang") went on to the partner
    record = extract("Guangdong's exports to the United States rose 20 percent to 40.9 "
                     "billion yuan.")
    ents = [e.text for e in record.entities]
    fact = record.facts[0]
    assert (ents[fact.location], ents[fact.partner]) == ("Guangdong", "United States")


def test_a_rate_cut_by_points_to_a_level_is_one_fact(extract) -> None:
    record = extract("The central bank lowered its benchmark monetary policy rate by 3 "
                     "percentage points to 25 percent.")
    pct = [p.text for p in record.percentages]
    (fact,) = record.facts
    assert (pct[fact.value], pct[fact.change], fact.direction) == (
        "25 percent", "3 percentage points", "down")


def test_this_year_does_not_take_the_period_from_the_quarters_it_holds(extract) -> None:
    record = extract(
        " date 2023-10-08 Disasters\n\nBEIJING, Oct. 8 (Xinhua) -- Natural disasters affected "
        "89.1 million people in the first three quarters of 2023, the ministry said Sunday.\n\n"
        "The north suffered heavier damage this year. The country went through 35 regional "
        "rainstorms during the period.")
    period = record.facts[-1].period
    assert (str(period.start), str(period.end)) == ("2023-01-01", "2023-09-30")


def test_a_clause_with_its_own_place_after_the_figure_keeps_it(extract) -> None:
    record = extract("A total of 14 typhoons formed over the South China Sea, and four "
                     "typhoons made landfall in China.")
    ents = [e.text for e in record.entities]
    assert ents[record.facts[-1].location] == "China"


def test_a_level_takes_no_basis_but_a_change_stated_as_a_value_does(extract) -> None:
    record = extract("Ghana posted a trade surplus of 5.6 billion U.S. dollars in the first "
                     "half of 2025, sharply higher than a year earlier.")
    assert record.facts[0].basis is None
    record = extract("Grain output saw an increase of 11.1 million tonnes year on year.")
    assert record.facts[0].basis == "year_on_year"


@pytest.mark.parametrize(("text", "direction"), [
    ("The cedi has appreciated 42.6 percent against the greenback so far this year.", "up"),
    ("The rupee depreciated 3.1 percent against the dollar last year.", "down"),
    ("Industrial output rose 11.2 percent. The non-oil sector grew even faster, at 18.2 "
     "percent.", "up"),
])
def test_more_words_of_change(extract, text, direction) -> None:
    fact = extract(text).facts[-1]
    assert fact.change is not None and fact.value is None and fact.direction == direction


def test_a_change_against_the_year_before_is_year_on_year(extract) -> None:
    record = extract(" date 2025-01-06 Prices\n\nHANOI, Jan. 6 (Xinhua) -- Industrial production "
                     "went up 8.4 percent in 2024, and average consumer prices were 3.63 percent "
                     "higher than in 2023.")
    assert record.facts[-1].basis == "year_on_year"
    record = extract(" date 2025-01-06 Growth\n\nHANOI, Jan. 6 (Xinhua) -- GDP expanded 7.09 "
                     "percent in 2024, faster than the 5.05-percent growth registered in 2023.")
    assert record.facts[0].basis is None  # 2023 is the other figure's year


def test_a_year_after_the_level_reached_dates_the_fact(extract) -> None:
    # "previous" compares, but the figure after "to" is the level reached, not the base
    record = extract(" date 2018-01-22 Coal\n\nBEIJING, Jan. 22 (Xinhua) -- China's raw coal "
                     "output grew 3.3 percent from the previous year to 3.52 billion tonnes in "
                     "2017, the statistics bureau said Monday.")
    period = record.facts[0].period
    assert period is not None and (period.start, period.end) == (dt.date(2017, 1, 1),
                                                                  dt.date(2017, 12, 31))


def test_a_body_quoted_after_according_to_the_is_not_a_partner(extract) -> None:
    record = extract("BEIJING, Jan. 22 (Xinhua) -- China's natural gas imports jumped 26.9 "
                     "percent year on year to 94.6 billion cubic meters in 2017, according to "
                     "the General Administration of Customs.")
    assert record.facts[0].partner is None


def test_a_place_is_not_its_own_partner(extract) -> None:
    record = extract("PHNOM PENH, July 5 (Xinhua) -- Cambodia exported 281,538 tons of rice in "
                     "the first half of 2019. Shipments to European markets dropped 32 percent "
                     "to 93,503 tons after the European Union imposed duties on rice from "
                     "Cambodia.")
    fact = record.facts[-1]
    assert record.entities[fact.location].text == "Cambodia" and fact.partner is None


@pytest.mark.parametrize(("text", "metric_id"), [
    # forms that alone name no indicator keep it only in context
    ("By Friday, 540,200 people in Guangdong had been evacuated.", None),
    ("Some 826 million people traveled during the holiday, up 7 percent.", "tourist_trips"),
    ("Cambodia sold 281,538 tons of rice in the first half.", None),
    ("The automaker sold 281,538 vehicles in the first half.", "vehicle_sales"),
    ("Catering revenue soared 15.8 percent to 35.1 billion yuan.", None),
    ("Fiscal revenue rose 1.3 percent to 21.97 trillion yuan.", "fiscal_revenue"),
])
def test_a_vague_metric_form_names_its_indicator_only_in_context(extract, text,
                                                                  metric_id) -> None:
    assert extract(text).facts[0].metric_id == metric_id


def test_a_company_named_by_its_trade_in_the_lead_reports_company_revenue(extract) -> None:
    record = extract("SHENZHEN, March 29 (Xinhua) -- Chinese tech giant Huawei said Friday that "
                     "its net profit soared 144.5 percent to 87 billion yuan in 2023, while its "
                     "revenue grew 9.6 percent to 704.2 billion yuan.")
    assert [f.metric_id for f in record.facts] == ["profits", "company_revenue"]


def test_added_value_of_industrial_enterprises_is_industrial_output(extract) -> None:
    record = extract("Industry led the expansion, with the added value of industrial enterprises "
                     "above designated size climbing 12.2 percent year on year. The added value "
                     "of equipment manufacturing rose 23 percent.")
    assert [(f.metric, f.metric_id) for f in record.facts] == [
        ("added value of industrial enterprises above designated size", "industrial_output"),
        ("added value of equipment manufacturing", None)]


@pytest.mark.parametrize("text", [
    "Coffee receipts for the January-August period came to 2.17 billion dollars.",
    "Coffee receipts in the first half of 2024 came to 2.17 billion dollars.",
])
def test_a_metric_stops_where_its_period_begins(extract, text) -> None:
    assert extract(text).facts[0].metric == "Coffee receipts"


def test_subjects_listed_respectively_name_their_figures(extract) -> None:
    record = extract("Revenue of the cloud computing business increased 21.9 percent to 55.3 "
                     "billion yuan. The digital power business and the intelligent automotive "
                     "solution business generated 52.6 billion yuan and 4.7 billion yuan, up 3.5 "
                     "percent and 128.1 percent respectively.")
    assert [f.metric for f in record.facts[1:]] == ["digital power business",
                                                     "intelligent automotive solution business"]


@pytest.mark.parametrize(("text", "quantity"), [
    ("In Guangxi, one person was killed and 178,000 people were affected.", "one person"),
    ("Typhoon Hato left 11 people dead and 1 person missing.", "1 person"),
])
def test_one_person_is_counted(extract, text, quantity) -> None:
    record = extract(text)
    assert quantity in [q.text for q in record.quantities]
    assert extract("It is one of the biggest ports.").quantities == []


@pytest.mark.parametrize(("text", "level"), [
    # the change is the shipment's, not the count of where it went
    ("Cambodia sold 281,538 tons of rice to 50 countries and regions in the first half, an "
     "increase of 3.7 percent year on year.", "281,538 tons"),
    # but a level reached after "from ... to" is the level
    ("Exports rose from 5 billion yuan to 6 billion yuan, an increase of 20 percent.",
     "6 billion yuan"),
])
def test_a_change_after_a_destination_goes_to_what_went_there(extract, text, level) -> None:
    record = extract(text)
    fact = next(f for f in record.facts if f.change is not None)
    mentions = getattr(record, fact.value_kind)
    assert mentions[fact.value].text == level


def test_a_partner_named_with_its_abbreviation_is_still_the_partner(extract) -> None:
    record = extract("FUZHOU, April 26 (Xinhua) -- The Association of Southeast Asian Nations "
                     "(ASEAN) remained Fujian's largest trading partner, with two-way trade "
                     "reaching 110.2 billion yuan in the first three months.")
    fact = record.facts[0]
    assert record.entities[fact.partner].text == "Association of Southeast Asian Nations"
    assert record.entities[fact.location].text == "Fujian"


def test_compared_with_the_same_month_a_year_before_is_year_on_year(extract) -> None:
    record = extract(" date 2019-07-12 Output\n\nANKARA, July 12 (Xinhua) -- Turkey's industrial "
                     "production fell 1.3 percent in May year on year. By contrast, the supply "
                     "index grew 4.1 percent compared with May 2018.")
    fact = record.facts[-1]
    assert fact.metric == "supply index" and fact.basis == "year_on_year"


@pytest.mark.parametrize(("text", "direction"), [
    ("Vegetable exports brought in 695 million dollars in 2019, 26 percent less than in the "
     "previous year.", "down"),
    ("Coffee exports brought in 695 million dollars in 2019, 26 percent more than in the "
     "previous year.", "up"),
])
def test_percent_less_or_more_than_is_a_change(extract, text, direction) -> None:
    fact = next(f for f in extract(text).facts if f.change is not None)
    assert fact.direction == direction


def test_a_budgets_figures_for_a_year_to_come_are_its_plan(extract) -> None:
    record = extract(" date 2024-07-17 Cabinet approves draft budget\n\nBERLIN, July 17 "
                     "(Xinhua) -- The German cabinet on Wednesday approved the draft federal "
                     "budget for 2025, "
                     "which foresees investment of 78 billion euros. The budget has a total "
                     "volume of 481 billion euros.")
    assert [f.kind for f in record.facts] == ["target", "target"]


@pytest.mark.parametrize("text", [
    "The outcome beat a 4.2 billion dollars surplus forecast in the May budget.",
    "Revenue beat the government's November estimate of 69.6 trillion yen.",
])
def test_a_forecast_named_by_a_noun_is_a_forecast(extract, text) -> None:
    assert extract(text).facts[0].kind == "forecast"


def test_partners_listed_in_the_sentence_before_respectively(extract) -> None:
    record = extract("HANGZHOU, May 11 (Xinhua) -- Zhejiang's foreign trade expanded 19.3 "
                     "percent. The European Union, the United States and the Association of "
                     "Southeast Asian Nations (ASEAN) ranked as Zhejiang's "
                     "leading trading partners. Trade with them rose 24.1 percent, 25.6 percent "
                     "and 15.9 percent respectively, together making up 45 percent of the "
                     "provincial total.")
    partners = [record.entities[f.partner].text if f.partner is not None else None
                for f in record.facts]
    assert partners == [None, "European Union", "United States",
                        "Association of Southeast Asian Nations", None]


def test_a_group_named_by_its_members_and_a_clauses_own_partner(extract) -> None:
    record = extract("HANGZHOU, May 11 (Xinhua) -- Zhejiang's imports and exports with Belt "
                     "and Road countries went up 24.2 percent, and those with fellow members of "
                     "the Regional Comprehensive Economic Partnership (RCEP) grew 10.5 percent. "
                     "Exports to the bloc rose 3.4 percent, while imports from ASEAN members "
                     "climbed 8.5 percent.")
    partners = [record.entities[f.partner].text if f.partner is not None else None
                for f in record.facts]
    # the Belt and Road countries are no entity: no other clause's partner is theirs
    assert partners[:2] == [None, "Regional Comprehensive Economic Partnership"]
    assert partners[2:] == ["ASEAN", "ASEAN"]  # "the bloc" points at the partner named


def test_a_verbless_part_after_and_names_its_own_place(extract) -> None:
    record = extract("ISLAMABAD, Oct. 2 (Xinhua) -- Floods in Pakistan have killed 1,695 people. "
                     "Balochistan in the southwest reported 336 deaths and Khyber Pakhtunkhwa "
                     "in the northwest 307 deaths.")
    assert [record.entities[f.location].text for f in record.facts[1:]] == [
        "Balochistan", "Khyber Pakhtunkhwa"]


@pytest.mark.parametrize(("text", "metric_id"), [
    ("The port added an annual cargo handling capacity of 50 million tonnes.", None),
    ("The country added a power generation capacity of 50 million kilowatts.", "power_capacity"),
])
def test_capacity_is_power_capacity_only_in_context(extract, text, metric_id) -> None:
    assert extract(text).facts[0].metric_id == metric_id


def test_where_visitors_come_from_is_the_partner_not_the_place(extract) -> None:
    record = extract(
        "BANGKOK, Jan. 6 (Xinhua) -- Thailand welcomed 35.54 million foreign tourists in 2024. "
        "China reclaimed its place as the kingdom's largest source of visitors, sending 6.73 "
        "million tourists. Ministry data put Malaysia in second place with 4.93 million "
        "visitors, followed by India with 2.12 million visitors. Arrivals from Russia rose 20 "
        "percent.")
    pairs = [(record.entities[f.location].text,
              record.entities[f.partner].text if f.partner is not None else None)
             for f in record.facts]
    assert pairs == [("Thailand", None), ("Thailand", "China"), ("Thailand", "Malaysia"),
                     ("Thailand", "India"), ("Thailand", "Russia")]


def test_a_list_after_its_verb_keeps_its_subjects_and_direction(extract) -> None:
    record = extract("HONG KONG, May 3 (Xinhua) -- Wearing apparel shed 17.5 percent, "
                     "commodities in department stores 14.1 percent and commodities in "
                     "supermarkets 3.4 percent.")
    assert [(f.metric, f.direction) for f in record.facts] == [
        ("Wearing apparel", "down"), ("commodities in department stores", "down"),
        ("commodities in supermarkets", "down")]


@pytest.mark.parametrize(("text", "kind"), [
    ("Their value, provisionally estimated at HK$2.4 billion, was 4.7 percent lower than "
     "in March 2023.", "actual"),
    ("The landslide sent an estimated 18 million cubic meters of earth down the slope.",
     "actual"),
    ("Revenue is estimated at 2.4 billion dollars next year.", "forecast"),
])
def test_an_estimate_of_data_already_in_is_actual(extract, text, kind) -> None:
    assert extract(text).facts[0].kind == kind


def test_a_change_goes_to_the_figure_not_its_bracketed_equivalent(extract) -> None:
    record = extract("ZHENGZHOU, July 17 (Xinhua) -- Henan harvested a record 75.075 billion jin "
                     "(about 37.5 billion kg) of summer grain this year, up 0.2 percent from "
                     "2019.")
    paired = [f for f in record.facts if f.change is not None]
    assert [record.quantities[f.value].text for f in paired] == ["75.075 billion jin"]


@pytest.mark.parametrize(("text", "direction"), [
    ("The year-on-year gain of 167 million jin came despite bad weather.", "up"),
    ("Output posted an increase of 7.48 billion jin over last year.", "up"),
    ("Spending saw a decrease of 1.5 billion euros.", "down"),
    ("Inflation eased to 3.4 percent in March.", None),  # a level after a verb
])
def test_an_amount_of_change_named_by_a_noun_has_a_direction(extract, text, direction) -> None:
    assert extract(text).facts[0].direction == direction


def test_import_export_turnover_and_an_amount_higher_than_before(extract) -> None:
    record = extract("HANOI, Nov. 18 (Xinhua) -- Vietnam's total import-export turnover reached "
                     "nearly 648 billion U.S. dollars in the first 10 months of 2024, according "
                     "to data from the General Department of Vietnam Customs. The figure was "
                     "88.57 billion dollars higher than a year earlier. Ho Chi Minh City "
                     "remained the largest contributor, with its import-export turnover coming "
                     "close to 88 billion dollars.")
    # a body the data came from is no partner; "with its" is no trade with others
    assert [f.partner for f in record.facts] == [None] * 3
    # the amount it was higher by is no level of foreign trade
    assert [f.metric_id for f in record.facts] == ["foreign_trade", None, "foreign_trade"]
    assert (record.facts[1].direction, record.facts[1].basis) == ("up", "year_on_year")


def test_a_national_figure_beside_a_citys_is_the_countrys(extract) -> None:
    record = extract("GUANGZHOU, July 30 (Xinhua) -- China's economy grew 5 percent. The added "
                     "value of large industrial enterprises in Guangzhou dropped 0.8 percent, "
                     "while the national figure rose 6 percent. Fixed-asset investment in "
                     "Guangzhou climbed 2 percent, short of the national increase of 3.9 "
                     "percent.")
    assert [record.entities[f.location].text for f in record.facts] == [
        "China", "Guangzhou", "China", "Guangzhou", "China"]


@pytest.mark.parametrize(("text", "metric", "direction"), [
    ("The fall came after a 5.5 percent month-on-month rebound in April.", None, "up"),
    ("On a year-on-year basis, core orders shrank 8.7 percent.", "core orders", "down"),
    ("The rate was 0.5 percentage points lower than the growth logged in the first quarter.",
     None, "down"),
])
def test_hyphenated_words_around_a_change(extract, text, metric, direction) -> None:
    fact = extract("TOKYO, July 12 (Xinhua) -- " + text).facts[0]
    assert fact.direction == direction
    if metric is not None:
        assert fact.metric == metric


def test_provinces_ranked_by_their_trade_are_places_with_amounts_of_change(extract) -> None:
    record = extract("HANOI, Nov. 18 (Xinhua) -- Vietnam's total import-export turnover reached "
                     "648 billion U.S. dollars in the first 10 months of 2024. The northern "
                     "province of Bac Ninh ranked second at 61.66 billion dollars, up 1.27 "
                     "billion dollars. It was followed by Dong Nai with 53.27 billion dollars.")
    facts = record.facts[1:]
    # "Dong Nai" finds ISO 3166-2's "Đồng Nai"; a province is no trade partner of its country
    assert [(record.entities[f.location].text, f.partner, f.metric_id, f.direction)
            for f in facts] == [("Bac Ninh", None, "foreign_trade", None),
                                ("Bac Ninh", None, None, "up"),  # the increase
                                ("Dong Nai", None, "foreign_trade", None)]


def test_trade_named_by_its_verb_and_an_aside_on_the_largest_buyer(extract) -> None:
    record = extract("BRASILIA, Aug. 15 (Xinhua) -- Brazil shipped a record 101.9 million tonnes "
                     "of soybeans abroad in 2023, up 29 percent from the previous year, with China "
                     "remaining by far the largest buyer. Chinese customs data showed that China "
                     "imported 69.95 million tonnes of soybeans from Brazil last year.")
    total, china = record.facts
    assert total.partner is None  # the total, not trade with China
    # the subject that buys is the place, though the article is about Brazil
    assert (record.entities[china.location].text, record.entities[china.partner].text) == (
        "China", "Brazil")


def test_another_is_no_metric(extract) -> None:
    record = extract("JAKARTA, Nov. 22 (Xinhua) -- At least 12,600 houses were heavily damaged, "
                     "while 6,500 houses suffered moderate damage and another 2,000 houses were "
                     "lightly damaged.")
    assert record.facts[-1].metric != "another"


def test_partners_carry_to_pointing_and_two_way_figures(extract) -> None:
    record = extract(
        " date 2025-01-20 Trade\n\nBEIJING, Jan. 20 (Xinhua) -- Trade between China and Russia "
        "rose 2.9 percent in 2024. Measured in dollars, two-way trade reached 244.8 billion U.S. "
        "dollars last year. China's exports to Russia grew 5 percent in yuan terms. In dollar "
        "terms, they rose 4.1 percent to 115.49 billion dollars. Russia's trade surplus with "
        "China narrowed 23.8 percent to 13.83 billion dollars.")
    pairs = [(record.entities[f.location].text, record.entities[f.partner].text)
             for f in record.facts]
    assert pairs == [("China", "Russia")] * 4 + [("Russia", "China")]


def test_a_share_of_a_places_gdp_and_turnover_in_a_trade_article(extract) -> None:
    record = extract("HANOI, Nov. 18 (Xinhua) -- Vietnam's import-export turnover reached 648 "
                     "billion U.S. dollars. Phu Tho province also saw its turnover rise to 24.1 "
                     "billion dollars. Tourism accounts for about 12 percent of Vietnam's gross "
                     "domestic product.")
    turnover, share = record.facts[1], record.facts[2]
    assert turnover.metric_id == "foreign_trade"
    # what the share is of names none of its figures
    assert (share.metric, share.metric_id) == ("Tourism", None)


def test_the_fall_points_back_at_the_metric_before(extract) -> None:
    record = extract("TOKYO, July 12 (Xinhua) -- Japan's core machinery orders dropped 7.6 percent "
                     "in May from the previous month. The fall came after a 5.5 percent "
                     "month-on-month rebound in April.")
    assert [f.metric for f in record.facts] == ["Japan's core machinery orders"] * 2


def test_a_year_before_and_citing_figures_from(extract) -> None:
    record = extract(" date 2024-04-15 Inflation\n\nABUJA, April 15 (Xinhua) -- Citing figures "
                     "from the World Trade Organization, the official said exports rose 5 percent. "
                     "The food inflation rate reached 40.01 percent in March, up from 24.45 "
                     "percent a year before.")
    assert record.facts[0].partner is None  # the body cited is no trade partner
    assert (str(record.facts[-1].period.start), str(record.facts[-1].period.end)) == (
        "2023-03-01", "2023-03-31")


def test_money_is_not_named_by_a_count(extract) -> None:
    record = extract("BANGKOK, Jan. 6 (Xinhua) -- Spending by foreign visitors last year came to "
                     "1.6 trillion baht.")
    assert record.facts[0].metric_id != "tourist_trips"


@pytest.mark.parametrize(("text", "kind"), [
    ("Employment rose well above the gain of around 20,000 jobs that economists had "
     "forecast.", "forecast"),
    ("Core orders shrank far worse than the 0.2 percent decline economists had predicted.",
     "forecast"),
    ("Exports rose 5 percent more than expected.", "actual"),
    ("The budget leaves a gap of 17 billion euros between planned spending and expected "
     "revenue.", "actual"),
])
def test_a_figure_economists_had_expected_is_a_forecast(extract, text, kind) -> None:
    assert extract(text).facts[-1].kind == kind


def test_a_sector_that_took_in_money_and_a_look_back(extract) -> None:
    record = extract(
        " date 2025-02-20 FDI\n\nBEIJING, Feb. 20 (Xinhua) -- China's actual use of foreign "
        "capital totaled 826.25 billion yuan in 2024, down 27.1 percent.\n\nBy the end of 2023, "
        "China was home to 465,000 foreign-funded enterprises.\n\nOf the total, the manufacturing "
        "sector took in 221.21 billion yuan and the services sector 584.56 billion yuan.")
    sectors = record.facts[-2:]
    assert [f.metric for f in sectors] == ["manufacturing sector", "services sector"]
    # a look back at 2023 does not frame the 2024 figures after it
    assert [str(f.period.end) for f in sectors] == ["2024-12-31", "2024-12-31"]


def test_source_markets_listed_and_an_event_scene(extract) -> None:
    record = extract(
        " date 2025-01-06 Tourism\n\nHANOI, Jan. 6 (Xinhua) -- Vietnam received 17.6 million "
        "international visitors in 2024.\n\nDecember alone brought in 1.75 million foreign "
        "visitors.\n\nChina ranked second, sending 3.7 million Chinese visitors to Vietnam. Other "
        "major markets included the United States with 780,000 visitors.\n\nAt a year-end review "
        "conference held in Hanoi on Dec. 26, the tourism authority counted 17.5 million "
        "international arrivals.")
    got = [(record.entities[f.location].text,
            record.entities[f.partner].text if f.partner is not None else None,
            str(f.period.end)) for f in record.facts]
    assert got == [("Vietnam", None, "2024-12-31"), ("Vietnam", None, "2024-12-31"),
                   ("Vietnam", "China", "2024-12-31"), ("Vietnam", "United States", "2024-12-31"),
                   ("Vietnam", None, "2024-12-31")]


def test_a_central_bank_sees_and_its_base_rate(extract) -> None:
    record = extract("SEOUL, Nov. 28 (Xinhua) -- The Bank of Korea had trimmed the base rate to "
                     "3.25 percent in October. The BOK now sees inflation at 2.3 percent this "
                     "year.")
    assert [(f.metric_id, f.kind) for f in record.facts] == [
        ("interest_rate", "actual"), ("cpi", "forecast")]


def test_a_partner_in_an_aside_and_right_after_the_figure(extract) -> None:
    record = extract("SEOUL, July 1 (Xinhua) -- Shipments to China, South Korea's largest trading "
                     "partner, edged up 1.8 percent to 10.7 billion dollars. Exports to the United "
                     "States reached 64.3 billion dollars, outstripping the 63.4 billion dollars "
                     "shipped to China.")
    assert [record.entities[f.partner].text for f in record.facts] == [
        "China", "United States", "China"]


def test_people_who_died_are_deaths(extract) -> None:
    record = extract("SHIJIAZHUANG, Aug. 11 (Xinhua) -- Twenty-nine people had died and 16 others "
                     "were still missing as of Thursday in Hebei Province.")
    assert [f.metric_id for f in record.facts] == ["deaths", "missing"]


def test_respective_partners_named_with_an_abbreviation(extract) -> None:
    record = extract("NANJING, July 19 (Xinhua) -- The province's trade with the Association of "
                     "Southeast Asian Nations (ASEAN) and the Republic of Korea went up 10.5 "
                     "percent and 13.3 percent, respectively.")
    assert [record.entities[f.partner].text for f in record.facts] == [
        "Association of Southeast Asian Nations", "Republic of Korea"]


@pytest.mark.parametrize(("text", "metric_id"), [
    ("Changi handled 67.7 million passenger movements in 2024.", "passenger_trips"),
    ("Airfreight throughput grew 14.6 percent to 1.99 million tonnes.", "cargo_throughput"),
    ("Total vehicle output rose 3.7 percent to 31.28 million units.", "vehicle_output"),
])
def test_airport_and_auto_forms(extract, text, metric_id) -> None:
    assert extract(text).facts[0].metric_id == metric_id


def test_the_dateline_city_as_the_scene_is_not_the_place(extract) -> None:
    record = extract(" date 2023-11-29 Budget\n\nABUJA, Nov. 29 (Xinhua) -- Nigerian President "
                     "Bola Tinubu on Wednesday presented a budget of 27.5 trillion naira for 2024 "
                     "to a joint session of the National Assembly in Abuja. Nigeria expects "
                     "revenue of 18.32 trillion naira.")
    assert all(f.location is None or record.entities[f.location].text != "Abuja"
               for f in record.facts)


def test_arrivals_of_goods_are_no_tourists(extract) -> None:
    record = extract("BEIJING, Jan. 20 (Xinhua) -- Arrivals of Brazilian soybeans rose 5 percent "
                     "to 74.65 million tonnes.")
    assert record.facts[0].metric_id != "tourist_trips"


def test_the_bloc_points_back_at_the_organisation_before(extract) -> None:
    record = extract("KUNMING, Oct. 25 (Xinhua) -- The Association of Southeast Asian Nations "
                     "remained a key market. Yunnan's trade with the bloc came to 96.65 billion "
                     "yuan in the nine-month period.")
    assert record.entities[record.facts[0].partner].text == (
        "Association of Southeast Asian Nations")


@pytest.mark.parametrize(("text", "metric", "metric_id"), [
    ("China's soybean imports rose 6.5 percent to 105 million tonnes in 2024.",
     "soybean imports", None),
    ("Crude oil imports fell 1.9 percent in 2024.", "Crude oil imports", None),
    ("Non-oil foreign trade reached 2.2 trillion dirhams in 2024.", "Non-oil foreign trade", None),
    ("Wind and solar capacity reached 1.4 billion kilowatts in 2024.",
     "Wind and solar capacity", None),
    ("China's wind power capacity reached 520 million kilowatts in 2024.",
     "wind power capacity", None),
    ("Core CPI rose 0.4 percent in December.", "Core CPI", None),
    ("Cambodia exported 300,000 tonnes of milled rice in 2024.", "milled rice", None),
    ("Capital expenditure rose 5 percent to 1.9 billion dinars in 2024.",
     "Capital expenditure", None),
    ("Software exports rose 3.5 percent to 56.95 billion U.S. dollars in 2024.",
     "Software exports", None),
    # a product a refining indicator names: that indicator
    ("Electric vehicle exports rose 20 percent in 2024.", "Electric vehicle exports",
     "nev_exports"),
    # the indicator's own words narrow nothing; nor do scope words
    ("Car sales rose 4.5 percent in 2024.", "Car sales", "vehicle_sales"),
    ("Total exports rose 7.1 percent in 2024.", "exports", "exports"),
    ("China's exports rose 7.1 percent in 2024.", "exports", "exports"),
])
def test_a_product_before_an_indicator_narrows_it(extract, text, metric, metric_id) -> None:
    fact = extract(text).facts[0]
    assert (fact.metric, fact.metric_id) == (metric, metric_id)


def test_a_share_of_a_whole_names_no_indicator(extract) -> None:
    record = extract(
        "HANGZHOU, Jan. 20 (Xinhua) -- Private firms' foreign trade rose 9.8 percent to 3.1 "
        "trillion yuan in 2024, accounting for 79.5 percent of the province's total. New energy "
        "vehicles made up 40.9 percent of all new vehicle sales. The deficit stood at 3 percent "
        "of GDP. Headline inflation stood at 3.02 percent in March, lower than the 3.12 "
        "percent of February.")
    ids = {record.percentages[f.value].text if f.value_kind == "percentages" else
           record.money[f.value].text: f.metric_id for f in record.facts if f.value is not None}
    assert ids["3.1 trillion yuan"] is None  # private firms' trade: narrower than the whole
    assert ids["79.5 percent"] is None
    assert ids["40.9 percent"] is None
    assert ids["3 percent"] == "budget_balance"  # a ratio to GDP: the deficit's own measure
    assert ids["3.02 percent"] == ids["3.12 percent"] == "cpi"  # of February: another month


def test_the_amount_of_a_change_is_no_level_of_the_indicator(extract) -> None:
    record = extract(
        "HANOI, Nov. 18 (Xinhua) -- Bac Giang's import-export turnover expanded by 12.54 billion "
        "dollars to 49.12 billion dollars. Employment rose by 206,000 jobs in December.")
    facts = {record.money[f.value].text if f.value_kind == "money" else
             record.quantities[f.value].text: f for f in record.facts}
    change, level = facts["12.54 billion dollars"], facts["49.12 billion dollars"]
    assert (change.metric, change.metric_id, change.direction) == (
        "increase in import-export turnover", None, "up")
    assert (level.metric_id, level.direction) == ("foreign_trade", None)
    assert facts["206,000 jobs"].metric_id == "new_jobs"  # itself an increase


def test_5g_and_tonne_kilometres_are_counted_and_measured(extract) -> None:
    record = extract("BEIJING, Jan. 20 (Xinhua) -- China had 4.25 million 5G base stations at the "
                     "end of 2024. Air cargo turnover reached 148.52 billion tonne-kilometers, and "
                     "passenger turnover 1.2 trillion passenger-kilometres.")
    assert [(q.text, q.value, q.unit) for q in record.quantities] == [
        ("4.25 million 5G base stations", 4250000, "5G base stations"),
        ("148.52 billion tonne-kilometers", 148520000000, "tonne_kilometre"),
        ("1.2 trillion passenger-kilometres", 1200000000000, "passenger_kilometre")]


def test_a_parallel_clause_and_a_compared_amount_are_facts_of_their_own(extract) -> None:
    record = extract(
        "RIYADH, Nov. 26 (Xinhua) -- Residents of Hong Kong made 254 million trips and "
        "foreigners made 64.88 million. Expenditure next year is planned to be some 5 percent "
        "lower than the 1.345 trillion riyals the government expects to spend in 2024. Non-oil "
        "activities made up a record 52 percent of economic output in 2024. The shortfall is "
        "forecast at 101 billion riyals, in line with the figure in the statement issued in "
        "September.")
    assert [q.text for q in record.quantities] == ["254 million trips"]
    by_text = {}
    for f in record.facts:
        for kind, k in ((f.value_kind, f.value), ("percentages", f.change)):
            if kind is not None and k is not None:
                by_text[getattr(record, kind)[k].text] = f
    lower, base = by_text["some 5 percent"], by_text["1.345 trillion riyals"]
    assert lower is not base and lower.value is None and lower.direction == "down"
    share = by_text["52 percent"]
    assert share.change is None and share.direction is None  # "made up": a level
    period = by_text["101 billion riyals"].period  # September dates the statement
    assert period is None or period.label != "September"


def test_basis_points_are_hundredths_of_a_percentage_point(extract) -> None:
    record = extract("CAIRO, Oct. 2 (Xinhua) -- The central bank cut its overnight deposit rate by "
                     "100 basis points to 21 percent, after a 200 bps cut in August. Inflation "
                     "should stay at 7 percent, plus or minus 2 percentage points.")
    assert [(p.text, float(p.value), p.unit) for p in record.percentages] == [
        ("100 basis points", 1.0, "percentage_point"), ("21 percent", 21.0, "percent"),
        ("200 bps", 2.0, "percentage_point"), ("7 percent", 7.0, "percent"),
        ("2 percentage points", 2.0, "percentage_point")]  # a tolerance: no sign
    cut = record.facts[0]
    assert (cut.metric, cut.metric_id, cut.direction) == (
        "overnight deposit rate", "interest_rate", "down")
    assert record.percentages[cut.change].text == "100 basis points"


def test_a_partner_is_never_also_the_owner_of_the_trade(extract) -> None:
    record = extract(
        "ASTANA, Jan. 24 (Xinhua) -- Kazakhstan's trade with China climbed to 43.82 billion U.S. "
        "dollars in 2024, keeping the country in first place among China's partners in Central "
        "Asia. Lithium battery export volume rose 3.8 percent.")
    fact = record.facts[0]
    assert (record.entities[fact.location].text, record.entities[fact.partner].text) == (
        "Kazakhstan", "China")
    assert record.facts[1].metric == "Lithium battery export volume"
    assert record.facts[1].metric_id is None  # a narrower product


def test_a_place_that_only_ranks_the_subject_is_not_its_place(extract) -> None:
    record = extract(
        "BRASILIA, March 7 (Xinhua) -- Brazil's GDP expanded 3.4 percent in 2024. It was the "
        "fourth straight year of expansion for Latin America's largest economy, which grew 3.2 "
        "percent in 2023. Floods in Rio Grande do Sul killed 107 people.")
    places = [record.entities[f.location].text for f in record.facts]
    assert places == ["Brazil", "Brazil", "Rio Grande do Sul"]


def test_a_percentage_of_an_indicator_that_is_no_rate_is_its_growth(extract) -> None:
    record = extract(
        "MANILA, Jan. 30 (Xinhua) -- The economy grew 5.6 percent in 2024, a shade faster than "
        "the 5.5-percent expansion of 2023 but below the government's revised goal of 6 to 6.5 "
        "percent. Inflation was 2.9 percent. The deficit-to-GDP ratio was 5.7 percent.")
    facts = [(record.percentages[f.change].text if f.change is not None else None,
              record.percentages[f.value].text if f.value is not None else None,
              f.metric_id, f.direction) for f in record.facts]
    assert facts == [("5.6 percent", None, "gdp", "up"), ("5.5-percent", None, "gdp", "up"),
                     ("6 to 6.5 percent", None, "gdp", "up"),
                     (None, "2.9 percent", "cpi", None),  # rates: a percentage is their level
                     (None, "5.7 percent", "budget_balance", None)]


def test_a_share_moved_from_one_level_to_another_is_two_shares(extract) -> None:
    record = extract("CHENGDU, Feb. 26 (Xinhua) -- The area's GDP reached 2.7 trillion yuan in "
                     "2024, lifting its share of the national economy from 6.3 percent to 6.5 "
                     "percent. Producer price inflation eased to 1 percent.")
    shares = [f for f in record.facts if f.value_kind == "percentages"]
    assert [(record.percentages[f.value].text, f.metric_id) for f in shares] == [
        ("6.3 percent", None), ("6.5 percent", None), ("1 percent", "ppi")]


def test_a_change_restated_after_or_pairs_with_the_level(extract) -> None:
    record = extract(
        "BEIJING, Jan. 7 (Xinhua) -- China's foreign exchange reserves stood at 3.2024 trillion "
        "U.S. dollars at the end of December 2024, down 63.5 billion dollars, or 1.94 percent, "
        "from the end of November. Average hourly earnings increased by 17 cents, or 0.5 "
        "percent, to $35.87 in January.")
    pairs = [(record.money[f.value].text if f.value is not None else None,
              record.percentages[f.change].text if f.change is not None else None, f.direction)
             for f in record.facts]
    assert pairs == [("3.2024 trillion U.S. dollars", "1.94 percent", "down"),
                     ("63.5 billion dollars", None, "down"),
                     ("17 cents", None, "up"), ("$35.87", "0.5 percent", "up")]
    share = extract("CHENGDU, Feb. 26 (Xinhua) -- Chengdu's GDP grew 5.7 percent to 2.35 "
                    "trillion yuan, or 79 percent of the metropolitan area's total.")
    assert [(f.value_kind, f.change is not None) for f in share.facts] == [
        ("money", True), ("percentages", False)]  # "or 79 percent of": a share, no change


def test_unchanged_at_is_a_level_and_counts_are_no_rate_or_gdp(extract) -> None:
    record = extract(
        "PRETORIA, Feb. 18 (Xinhua) -- The economy added 132,000 jobs, lifting total employment "
        "to 17.1 million people. Unemployment fell by 20,000 people to about 8 million people. "
        "The expanded unemployment rate was unchanged at 41.9 percent.")
    facts = {(record.quantities[f.value].text if f.value_kind == "quantities"
              else record.percentages[f.value].text): f for f in record.facts}
    assert facts["17.1 million people"].metric_id is None  # no GDP
    assert facts["about 8 million people"].metric_id is None  # no rate
    rate = facts["41.9 percent"]
    assert (rate.metric_id, rate.change, rate.direction) == ("unemployment_rate", None, None)


def test_listed_levels_and_changes_pair_in_order_and_by_what_they_measure(extract) -> None:
    record = extract(
        "BEIJING, Nov. 11 (Xinhua) -- In October, 3.359 million vehicles rolled off production "
        "lines and 3.322 million units were sold, up 12.1 percent and 8.8 percent year on year. "
        "China's durian imports reached 1.56 million tonnes last year, worth roughly 7 billion "
        "dollars, an increase of 9.4 percent in volume and 4 percent in value.")
    pairs = [(getattr(record, f.value_kind)[f.value].text,
              record.percentages[f.change].text) for f in record.facts]
    assert pairs == [("3.359 million vehicles", "12.1 percent"),
                     ("3.322 million units", "8.8 percent"),
                     ("1.56 million tonnes", "9.4 percent"),
                     ("roughly 7 billion dollars", "4 percent")]


def test_excluding_narrows_an_indicator_and_roman_numerals_are_no_names(extract) -> None:
    record = extract("ATHENS, April 11 (Xinhua) -- Piers II and III handled 4 million TEUs. "
                     "Retail sales of consumer goods excluding automobiles rose 5.5 percent. "
                     "Retail sales rose 6.4 percent.")
    assert all(e.text not in ("II", "III") for e in record.entities)
    assert [(f.metric, f.metric_id) for f in record.facts[1:]] == [
        ("Retail sales of consumer goods excluding automobiles", None),
        ("Retail sales", "retail_sales")]


def test_a_share_names_its_whole_when_its_clause_names_no_indicator(extract) -> None:
    _, rows = _facts(extract, "In 2024, Chinese shipyards delivered 55.7 percent of the world's "
                     "completed ships and won 74.1 percent of global new orders, the ministry "
                      "said.",
                     date="2025-01-16", dateline="BEIJING, Jan. 16")
    assert [r["metric"] for r in rows] == ["share of the world's completed ships",
                                           "share of global new orders"]
    _, rows = _facts(extract, "Exports to ASEAN accounted for 15 percent of the total in 2024.",
                     date="2025-01-16", dateline="BEIJING, Jan. 16")
    assert rows[0]["metric"] == "Exports"


def test_shares_without_a_word_of_change_are_a_share_not_a_share_price(extract) -> None:
    _, rows = _facts(extract, "The corresponding shares in 2023 were 50.2 percent and 55 percent.",
                     date="2025-01-16", dateline="BEIJING, Jan. 16")
    assert [(r["metric_id"], r["change"]) for r in rows] == [("", ""), ("", "")]
    _, rows = _facts(extract, "Xiaomi's shares were up 2.6 percent in Hong Kong trading on "
                     "Wednesday.",
                     date="2025-03-19", dateline="HONG KONG, March 19")
    assert (rows[0]["metric_id"], rows[0]["change"]) == ("share_price", "2.6")


def test_a_body_whose_data_showed_the_figures_is_no_partner(extract) -> None:
    _, rows = _facts(extract, "Data from the General Administration of Customs showed that China "
                     "exported 5,804 ships in 2024, up 25.1 percent from 2023.",
                     date="2025-01-16", dateline="BEIJING, Jan. 16")
    assert rows[0]["partner"] == ""
    _, rows = _facts(extract, "China's exports to the European Union rose 3 percent in 2024, "
                     "data from the customs showed.", date="2025-01-16",
                     dateline="BEIJING, Jan. 16")
    assert rows[0]["partner"] == "European Union"


def test_a_targets_year_and_a_count_of_months_frame_nothing(extract) -> None:
    body = ("Indonesia's annual inflation rate slowed to 2.51 percent in June, staying within the "
            "central bank's target range of 1.5 to 3.5 percent for this year, the bureau said.\n\n"
            "On a monthly basis, consumer prices fell 0.08 percent, the country's second month "
            "of deflation this year.\n\nCore inflation held steady at 1.9 percent.")
    _, rows = _facts(extract, body, date="2024-07-01", dateline="JAKARTA, July 1")
    periods = {r["value_text"] or r["change_text"]: r["period"] for r in rows}
    assert periods["0.08 percent"] == "June"
    assert periods["1.9 percent"] == "June"


def test_a_one_word_subject_before_an_apposition_is_no_opening_phrase(extract) -> None:
    _, rows = _facts(extract, "Manufacturing, the main drag, expanded just 2.2 percent in the "
                     "quarter.", date="2024-11-29", dateline="NEW DELHI, Nov. 29")
    assert rows[0]["metric"] == "Manufacturing"


def test_a_rate_taken_to_a_figure_after_a_cut_is_a_level(extract) -> None:
    _, rows = _facts(extract, "The European Central Bank on Thursday lowered its key interest "
                     "rates by 25 basis points, taking the deposit facility rate to 2 percent. "
                     "The rate on the main refinancing operations was reduced to 2.15 percent.",
                     date="2025-06-05", dateline="FRANKFURT, June 5")
    got = [(r["metric"], r["metric_id"], r["value_text"], r["change_text"]) for r in rows]
    assert got == [("key interest rates", "interest_rate", "", "25 basis points"),
                   ("deposit facility rate", "interest_rate", "2 percent", ""),
                   ("rate on the main refinancing operations", "interest_rate", "2.15 percent", "")]


def test_a_record_level_and_an_opening_adverb(extract) -> None:
    _, rows = _facts(extract, "Xinjiang's share of the national total rose to a record 92.2 "
                     "percent.\n\nNationwide, cotton was planted on about 2.84 million "
                      "hectares.\n\n"
                     "The rate narrowed from a 0.5-percent decline to a 0.3-percent decline.",
                     date="2024-12-25", dateline="BEIJING, Dec. 25")
    got = [(r["metric"], r["value_text"], r["change_text"]) for r in rows]
    assert got[0] == ("Xinjiang's share of the national total", "92.2 percent", "")
    assert got[1][0] == "cotton"
    assert all(v == "" for _m, v, _c in got[2:])


def test_a_hyphenated_word_of_change_ends_no_subject_and_averaged_is_a_level(extract) -> None:
    _, rows = _facts(extract, "Home-grown titles accounted for over 33.4 billion yuan of the "
                               "total.",
                     date="2025-01-01", dateline="BEIJING, Jan. 1")
    assert rows[0]["metric"] == "Home-grown titles"
    _, rows = _facts(extract, "China imported 553.4 million tonnes of crude oil in 2024. The "
                     "volume averaged about 11.04 million barrels per day.",
                     date="2025-01-20", dateline="BEIJING, Jan. 20")
    assert rows[1]["metric"] == "volume" and rows[1]["change"] == ""


def test_of_residents_narrows_no_indicator_but_of_urban_residents_does(extract) -> None:
    _, rows = _facts(extract, "Per capita disposable income of residents reached 24,078 yuan. "
                     "Per capita disposable income of urban residents reached 34,078 yuan.",
                     date="2025-01-24", dateline="HANGZHOU, Jan. 24")
    assert [r["metric_id"] for r in rows] == ["disposable_income", ""]


def test_a_share_in_its_own_year_and_growth_at_an_annualized_real_rate(extract) -> None:
    _, rows = _facts(extract, "China bought about 36 percent of Australia's goods exports in 2024.",
                     date="2025-02-05", dateline="CANBERRA, Feb. 5")
    assert (rows[0]["metric_id"], rows[0]["value_text"]) == ("", "about 36 percent")
    _, rows = _facts(extract, "Japan's economy expanded at an annualized real rate of 2.8 percent "
                     "in the October-December quarter of 2024.", date="2025-02-17",
                     dateline="TOKYO, Feb. 17")
    assert (rows[0]["metric_id"], rows[0]["change_text"]) == ("gdp", "2.8 percent")


def test_a_headline_product_narrows_the_articles_bare_indicator(extract) -> None:
    record = extract(" date 2025-01-10 Malaysia's palm oil exports rise 10 pct in 2024\n\n"
                     "KUALA LUMPUR, Jan. 10 (Xinhua) -- Export volume rose 10 percent to 16.9 "
                     "million tonnes in 2024. Malaysia's total exports grew 5.7 percent.")
    assert [f.metric_id for f in record.facts] == [None, "exports"]
    record = extract(" date 2025-01-10 Malaysia's exports rise in 2024\n\n"
                     "KUALA LUMPUR, Jan. 10 (Xinhua) -- Export volume rose 10 percent in 2024.")
    assert record.facts[0].metric_id == "exports"


@pytest.mark.parametrize(("text", "ids"), [
    ("During the holiday, tourists spent 677 billion yuan, or about 1,024 yuan per trip.",
     ["tourism_revenue", None]),
    ("Average spending per visitor was 1,200 yuan during the holiday.", [None]),
    ("Mainland visitors spent an average of 3,000 yuan each on the holiday trip.", [None]),
    ("Per capita disposable income reached 41,314 yuan.", ["disposable_income"]),
])
def test_an_amount_per_person_or_per_unit_is_no_level_of_a_total(extract, text, ids) -> None:
    record = extract(f" date 2025-02-05 Holiday\n\nBEIJING, Feb. 5 (Xinhua) -- {text}")
    assert [f.metric_id for f in record.facts] == ids


def test_a_capitalised_word_opening_a_sentence_does_not_hide_the_indicator(extract) -> None:
    _, rows = _facts(extract, "Nominal GDP reached 600 trillion yen in 2024.",
                     date="2025-02-17", dateline="TOKYO, Feb. 17")
    assert rows[0]["metric_id"] == "gdp"


def test_source_markets_ranked_second_and_third_are_partners(extract) -> None:
    _, rows = _facts(extract, "Kenya received 2.4 million international visitors in 2024. The "
                     "United States remained the largest source market with 306,501 visitors. "
                     "Uganda came second with 225,559 arrivals and Tanzania third with 203,290 "
                     "arrivals.", date="2025-02-20", dateline="NAIROBI, Feb. 19")
    assert [(r["partner"], r["location"]) for r in rows[1:]] == [
        ("United States", "Kenya"), ("Uganda", "Kenya"), ("Tanzania", "Kenya")]


def test_where_a_body_is_based_is_no_figures_place(extract) -> None:
    _, rows = _facts(extract, "China's 63rd launch this year went well. Developed by an academy "
                     "based in Beijing, the rocket stands 50.5 meters tall.", date="2025-10-16",
                     dateline="WENCHANG, Oct. 16")
    assert rows[-1]["location"] != "Beijing Municipality"


def test_what_an_actor_projects_is_the_metric_not_the_actor(extract) -> None:
    _, rows = _facts(extract, "Fitch Ratings projected in August that the reserves would reach "
                     "49.5 billion dollars by June.", date="2025-01-10", dateline="CAIRO, Jan. 10")
    assert rows[0]["metric"] == "reserves"


def test_a_participle_with_its_agent_does_not_start_the_subject(extract) -> None:
    _, rows = _facts(extract, "The annual total, published Wednesday by the Gaming Inspection and "
                     "Coordination Bureau, beat the government's estimate of 216 billion "
                     "patacas.", date="2025-01-02", dateline="MACAO, Jan. 2")
    assert "Bureau" not in rows[0]["metric"]


def test_an_indicators_abbreviation_names_it_later(extract) -> None:
    _, rows = _facts(extract, "Casinos took in 226.8 billion patacas in gross gaming revenue (GGR) "
                     "in 2024.\n\nIn the first 11 months, GGR had reached 208.6 billion patacas.",
                     date="2025-01-02", dateline="MACAO, Jan. 2")
    assert [(r["metric"], r["metric_id"]) for r in rows] == [
        ("gross gaming revenue", "gaming_revenue"), ("GGR", "gaming_revenue")]


def test_visitor_arrivals_are_tourist_trips_soybean_arrivals_are_not(extract) -> None:
    _, rows = _facts(extract, "Macao recorded 34.93 million visitor arrivals last year.",
                     date="2025-01-02", dateline="MACAO, Jan. 2")
    assert rows[0]["metric_id"] == "tourist_trips"
    _, rows = _facts(extract, "Arrivals of Brazilian soybeans fell to 2.94 million tonnes.",
                     date="2025-01-20", dateline="BEIJING, Jan. 20")
    assert rows[0]["metric_id"] != "tourist_trips"


def test_in_number_and_in_value_and_projects_as_a_noun(extract) -> None:
    _, rows = _facts(extract, "Licenses were granted to 3,375 new projects with a combined "
                     "registered capital of 19.7 billion dollars, up 1.8 percent in number but "
                     "down 7.6 percent in value.", date="2025-01-06", dateline="HANOI, Jan. 6")
    got = [(r["value_text"], r["change_text"], r["direction"], r["kind"]) for r in rows]
    assert got == [("3,375 new projects", "1.8 percent", "up", "actual"),
                   ("19.7 billion dollars", "7.6 percent", "down", "actual")]


def test_a_measure_with_no_subject_is_named_by_its_kind(extract) -> None:
    _, rows = _facts(extract, "Stretching 1,035 km, it opened in 2021.", date="2021-12-03",
                     dateline="VIENTIANE, Dec. 3")
    assert rows[0]["metric"] == "length"


def test_those_in_a_place_take_the_metric_named_before(extract) -> None:
    _, rows = _facts(extract, "New home prices in Beijing declined 0.4 percent month on month and "
                     "those in Guangzhou dipped 0.2 percent.", date="2025-09-15",
                     dateline="SHANGHAI, Sept. 15")
    assert [r["metric"] for r in rows] == ["New home prices", "New home prices"]


def test_money_in_a_kind_of_money_past_its_bracketed_equivalent(extract) -> None:
    _, rows = _facts(extract, "China will provide 50 million yuan (about 7 million U.S. dollars) "
                     "in emergency humanitarian aid to Afghanistan.", date="2025-09-04",
                     dateline="KABUL, Sept. 4")
    assert rows[0]["metric"] == "emergency humanitarian aid"


def test_bare_growth_is_the_growth_of_the_headlines_economy(extract) -> None:
    record = extract(" date 2025-02-07 Russia's economy grows 4.1 pct in 2024, but inflation "
                     "stays high\n\nMOSCOW, Feb. 7 (Xinhua) -- Growth for 2023 was also revised "
                     "up, to 4.1 percent from the 3.6 percent reported earlier.")
    assert [(f.metric_id, f.change is not None) for f in record.facts] == [
        ("gdp", True), ("gdp", True)]


def test_a_word_of_the_headlines_indicator_names_it(extract) -> None:
    record = extract(" date 2025-02-02 Bangladesh's remittance inflows rise 3.4 pct in January\n\n"
                     "DHAKA, Feb. 2 (Xinhua) -- Bangladesh received 2.18 billion U.S. dollars in "
                     "remittances in January. Monthly inflows since July averaged 2.28 billion "
                     "dollars, the central bank recorded.")
    assert [f.metric_id for f in record.facts] == ["remittances", "remittances"]
    record = extract(" date 2025-02-02 China's retail sales rise\n\nBEIJING, Feb. 2 (Xinhua) -- "
                     "Sales of household appliances rose 5 percent. Some 30 people attended.")
    assert record.facts[-1].metric_id is None


def test_a_headline_scope_word_is_no_product(extract) -> None:
    record = extract(" date 2025-09-10 China's core inflation keeps rising in August\n\n"
                     "BEIJING, Sept. 10 (Xinhua) -- China's consumer price index (CPI), the main "
                     "gauge of inflation, slipped 0.4 percent year on year in August.")
    assert record.facts[0].metric_id == "cpi"


def test_an_amount_restated_after_a_change_is_the_amount_of_change(extract) -> None:
    _, rows = _facts(extract, "Grain output per unit area rose 1.1 percent, or 66 kg per hectare, "
                     "in 2025.", date="2025-12-12", dateline="BEIJING, Dec. 12")
    got = [(r["metric"], r["metric_id"], r["value_text"], r["change_text"], r["direction"])
           for r in rows]
    assert got == [("Grain output", "grain_output", "", "1.1 percent", "up"),
                   ("increase in grain output", "", "66 kg per hectare", "", "up")]


def test_though_the_figure_was_smaller_is_the_change_of_the_amount_before(extract) -> None:
    _, rows = _facts(extract, "Japan posted a trade surplus of 153.1 billion yen in June, its "
                               "first "
                     "surplus in three months, though the figure was 30.8 percent smaller than a "
                     "year earlier.", date="2025-07-17", dateline="TOKYO, July 17")
    assert [(r["value_text"], r["change_text"]) for r in rows] == [
        ("153.1 billion yen", "30.8 percent")]


def test_growth_after_data_show_that_is_the_headlines_growth(extract) -> None:
    record = extract(" date 2025-10-01 Nigeria's economy grows 4.23 pct in Q2\n\nABUJA, Oct. 1 "
                     "(Xinhua) -- Data released by the statistics bureau show that growth picked "
                      "up "
                     "from 3.13 percent in the first quarter.")
    assert [(f.metric_id, f.change is not None) for f in record.facts] == [("gdp", True)]


def test_a_growth_rate_that_reached_a_percentage_is_a_change(extract) -> None:
    _, rows = _facts(extract, "Real growth in the oil sector reached 20.46 percent in the quarter.",
                     date="2025-10-01", dateline="ABUJA, Oct. 1")
    assert (rows[0]["metric"], rows[0]["change_text"]) == ("Real growth in the oil sector",
                                                            "20.46 percent")


def test_a_place_in_a_participle_after_the_leads_figure_is_not_the_articles_place(
        extract) -> None:
    _, rows = _facts(extract, "Chilean shipments to China reached 37.996 billion U.S. dollars "
                     "in 2024, keeping China in first place among Chile's export markets.\n\n"
                     "Total exports climbed 5.9 percent to a record 100.163 billion dollars.",
                     date="2025-06-25", dateline="SANTIAGO, June 25")
    assert [r["location"] for r in rows] == ["Chile", "Chile"]


def test_others_take_the_state_named_around_them(extract) -> None:
    _, rows = _facts(extract, "Landslides have killed 30 people, while 21 others remain missing. "
                     "The quake struck, killing one person and injuring 29 others. About 100 "
                     "others went missing.", date="2025-07-21", dateline="JAKARTA, July 21")
    assert [(r["value_text"], r["metric_id"]) for r in rows] == [
        ("30 people", "deaths"), ("21 others", "missing"), ("one person", "deaths"),
        ("29 others", "injured"), ("About 100 others", "missing")]


def test_a_place_after_outside_is_no_place_of_the_figure(extract) -> None:
    _, rows = _facts(extract, "Exports from Vietnam rose 3 percent in December.\n\n"
                     "Outside Asia, exports to Britain dropped 28.1 percent.",
                     date="2025-01-27", dateline="HANOI, Jan. 27")
    assert [(r["location"], r["partner"]) for r in rows] == [("Vietnam", ""),
                                                             ("Vietnam", "United Kingdom")]


def test_trade_of_a_narrower_group_has_no_trade_id(extract) -> None:
    _, rows = _facts(extract, "Foreign trade rose 5 percent. Private enterprises' imports and "
                     "exports reached 1.2 trillion yuan. Trade in travel services rose 8 percent. "
                     "Trade in goods and services rose 3 percent.", date="2024-07-15",
                     dateline="NANJING, July 15")
    assert [r["metric_id"] for r in rows] == ["foreign_trade", "", "", "foreign_trade"]


def test_grain_output_is_a_mass_not_an_area_nor_a_yield(extract) -> None:
    _, rows = _facts(extract, "China's grain output reached 706.5 million tonnes in 2024. The "
                     "area sown with grain crops was 119 million hectares, and grain output per "
                     "hectare rose to 5.9 tonnes per hectare.", date="2024-12-13",
                     dateline="BEIJING, Dec. 13")
    assert [r["metric_id"] for r in rows] == ["grain_output", "", ""]


def test_border_crossings_both_ways_are_no_tourist_trips(extract) -> None:
    _, rows = _facts(extract, "Immigration authorities handled 610 million inbound and outbound "
                     "trips over the holiday, including 300 million trips by residents of the "
                     "Chinese mainland. Domestic tourists made 765 million trips over the holiday.",
                     date="2025-10-09", dateline="BEIJING, Oct. 9")
    assert [r["metric_id"] for r in rows] == ["", "", "tourist_trips"]


def test_bodies_lives_and_compensation_of_a_toll(extract) -> None:
    _, rows = _facts(extract, "The minister announced compensation of 250,000 rupees for the "
                     "seriously injured. Rescuers recovered 35 bodies, and the storm claimed 14 "
                     "lives. One missing person was found.", date="2024-06-17",
                     dateline="KOLKATA, June 17")
    assert [r["metric_id"] for r in rows] == ["", "deaths", "deaths", "missing"]


def test_a_place_ranked_in_a_flow_of_money_is_a_partner(extract) -> None:
    _, rows = _facts(extract, "Pakistan's remittances reached 2.9 billion dollars in November. "
                     "Saudi Arabia was again the largest source of the money. The United Arab "
                      "Emirates came "
                     "next with 619.4 million dollars.", date="2024-12-09",
                     dateline="ISLAMABAD, Dec. 9")
    last = rows[-1]
    assert (last["value_text"], last["location"], last["partner"]) == (
        "619.4 million dollars", "Pakistan", "United Arab Emirates")


def test_exports_of_goods_and_services_are_all_exports(extract) -> None:
    _, rows = _facts(extract, "Exports of goods and services fell 0.8 percent in 2024, imports "
                     "of goods rose 0.2 percent and exports of services rose 3 percent.",
                     date="2025-01-15", dateline="BERLIN, Jan. 15")
    assert [(r["metric"], r["metric_id"]) for r in rows] == [
        ("Exports of goods and services", "exports"), ("imports of goods", "imports"),
        ("exports of services", "")]


def test_bare_output_in_an_article_on_gdp_is_gdp(extract) -> None:
    record = extract(" date 2025-02-14 Hungary's GDP grows 0.5 pct in 2024\n\nBUDAPEST, Feb. 14 "
                     "(Xinhua) -- Hungary's gross domestic product grew 0.5 percent in 2024. In "
                     "the fourth quarter, output rose 0.4 percent year on year.")
    assert [f.metric_id for f in record.facts] == ["gdp", "gdp"]


def test_a_period_opening_the_sentence_is_not_its_subject(extract) -> None:
    record, rows = _facts(extract, "In 2024, freight on the line reached 3.2 million tonnes. In "
                          "September alone, the price hit 5,469 dollars per tonne. In the first "
                          "seven months of this year, cross-border freight rose 12 percent. In "
                          "2022, Qingdao Port alone handled 25.7 million TEUs, and in 2023 the "
                          "port handled more than 26 million TEUs.",
                          date="2025-08-06", dateline="KUNMING, Aug. 6")
    assert [r["metric"] for r in rows][:3] == [
        "freight on the line", "price", "cross-border freight"]
    assert not {"Qingdao Port alone", "port"} & {r["metric"] for r in rows}
    period = record.facts[2].period
    assert (period.label, str(period.start), str(period.end)) == (
        "first seven months of this year", "2025-01-01", "2025-07-31")


def test_a_span_stated_alone_dates_the_rest_of_its_paragraph(extract) -> None:
    record, _ = _facts(extract, "The trade surplus narrowed to 52 billion dollars in 2025.\n\n"
                       "Figures released in December pointed the same way for the 2024-25 "
                       "financial year. Exports to China fell 11.2 percent to 188.7 billion "
                       "dollars.\n\nThe ministry said the port now runs 300 routes.",
                       date="2026-02-06", dateline="CANBERRA, Feb. 6")
    periods = [(f.period.label, str(f.period.start), str(f.period.end)) if f.period else None
               for f in record.facts]
    assert periods[1] == ("2024-25 financial year", "2024-07-01", "2025-06-30")
    assert periods[2] is None  # a standing state, in a paragraph of its own


def test_a_destination_is_no_place_of_the_figure(extract) -> None:
    record, rows = _facts(extract, "A passenger jet bound for London crashed in western India "
                          "on Thursday, and 241 people on board were killed.",
                          date="2025-06-13", dateline="NEW DELHI, June 13")
    assert [r["location"] for r in rows] == ["India"]


def test_a_state_of_a_country_is_the_place(extract) -> None:
    record, rows = _facts(extract, "The Gifford Fire, the largest wildfire in the U.S. state of "
                          "California this year, had burned 119,214 acres as of Monday.",
                          date="2025-08-11", dateline="LOS ANGELES, Aug. 11")
    assert [r["location"] for r in rows] == ["California"]
    assert "Gifford Fire" not in {e.text for e in record.entities}  # an event: no label for it


def test_egypts_headline_inflation_is_its_urban_one(extract) -> None:
    body = "Annual urban consumer price inflation rose to 12.8 percent in February."
    _, cairo = _facts(extract, body, date="2025-03-10", dateline="CAIRO, March 10")
    _, beijing = _facts(extract, body, date="2025-03-10", dateline="BEIJING, March 10")
    assert [(r["metric"], r["metric_id"]) for r in cairo] == [
        ("urban consumer price inflation", "cpi")]
    assert [r["metric_id"] for r in beijing] == [""]  # elsewhere a narrower index


def test_hyphenated_narrower_trade_has_no_id(extract) -> None:
    _, rows = _facts(extract, "Cross-border e-commerce imports and exports reached 2.7 trillion "
                     "yuan in 2025, and foreign trade rose 5 percent.",
                     date="2026-02-26", dateline="TIANJIN, Feb. 26")
    assert [r["metric_id"] for r in rows] == ["", "foreign_trade"]


def test_a_place_is_no_partner_of_itself(extract) -> None:
    record, _ = _facts(extract, "Trade between east China's Fujian Province and ASEAN reached "
                       "120.95 billion yuan in the first four months of 2025.\n\nASEAN has "
                       "been Fujian's largest trading partner since 2017. Annual trade between "
                       "Fujian and the bloc expanded to 447.22 billion yuan in 2024.",
                       date="2025-05-28", dateline="XIAMEN, May 27")
    names = [e.name for e in record.entities]
    pairs = [(names[f.location] if f.location is not None else None,
              names[f.partner] if f.partner is not None else None) for f in record.facts]
    assert pairs[0] == ("Fujian Province", "Association of Southeast Asian Nations")
    assert all(place != partner for place, partner in pairs)


def test_bags_name_no_metric_of_their_own(extract) -> None:
    _, rows = _facts(extract, "Production reached 14.8 million 60-kg bags in the coffee year, "
                     "and output was 12.2 million bags in 2024.",
                     date="2025-10-01", dateline="BOGOTA, Oct. 1")
    assert [r["metric"] for r in rows] == ["Production", "output"]


def test_a_quarter_inside_the_half_does_not_frame_later_paragraphs(extract) -> None:
    record, _ = _facts(extract, "Wuhan's GDP reached 1,059.28 billion yuan in the first half of "
                       "2025, up 5.5 percent.\n\nIn the first quarter, Wuhan's GDP came in at "
                       "475.9 billion yuan.\n\nBy sector, the tertiary industry expanded 6.3 "
                       "percent to 691.14 billion yuan.",
                       date="2025-07-28", dateline="WUHAN, July 28")
    labels = [f.period.label if f.period else None for f in record.facts]
    assert labels == ["first half of 2025", "first quarter", "first half of 2025"]
