"""Periods a calendar of months cannot date: fiscal years by country, official
Chinese holidays, periods that point back, comparison periods, weekdays, and
a dateline year inferred from the article."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.calendars import FiscalYears, official_holiday
from extractor.data import FiscalYearRow, load_tsv, patterns_dir


def _head(date: str, dateline: str) -> str:
    return f" date {date} Report\n\n{dateline} (Xinhua) -- "


# text after the header, value or change text of the fact, label, start, end
CASES = [
    # a run of days across the new year, with or without its years
    (_head("2025-03-04", "HARBIN, March 4") + "The city received 90 million visits from "
     "Nov. 8, 2024 to Feb. 28, 2025.", "90 million visits", "Nov. 8, 2024 to Feb. 28, 2025",
     "2024-11-08", "2025-02-28"),
    (_head("2025-03-04", "HARBIN, March 4") + "The city received 90 million visits from "
     "Nov. 8 to Feb. 28.", "90 million visits", "Nov. 8 to Feb. 28", "2024-11-08", "2025-02-28"),
    # China's five-year plans: the 14th ran 2021-2025, the 13th 2016-2020
    (_head("2025-11-20", "XI'AN, Nov. 20") + "During the 14th Five-Year Plan period, the "
     "province started 2,144 major projects.", "2,144 major projects",
     "14th Five-Year Plan period", "2021-01-01", "2025-12-31"),
    (_head("2021-03-05", "BEIJING, March 5") + "Some 60 million jobs were created in the 13th "
     "Five-Year Plan period.", "Some 60 million jobs", "13th Five-Year Plan period", "2016-01-01",
     "2020-12-31"),
    # fiscal years: the country's own (dateline), named by start or end year
    (_head("2025-06-12", "NAIROBI, June 12") + "Kenya tabled a budget of 4.2 trillion shillings "
     "for the 2025/2026 financial year.", "4.2 trillion shillings", "2025/2026 financial year",
     "2025-07-01", "2026-06-30"),
    (_head("2024-01-20", "ISLAMABAD, Jan. 20") + "Inflation would ease to around 21 percent in "
     "the 2024 financial year.", "around 21 percent", "2024 financial year",
     "2023-07-01", "2024-06-30"),
    (_head("2024-12-27", "TOKYO, Dec. 27") + "The cabinet approved a budget of 115.5 trillion "
     "yen for fiscal 2025.", "115.5 trillion yen", "fiscal 2025", "2025-04-01", "2026-03-31"),
    (_head("2024-12-27", "TOKYO, Dec. 27") + "The budget of 115.5 trillion yen is for the "
     "fiscal year starting in April 2025.", "115.5 trillion yen",
     "fiscal year starting in April 2025", "2025-04-01", "2026-03-31"),
    (_head("2025-03-01", "WASHINGTON, March 1") + "The deficit reached 1.1 trillion dollars in "
     "fiscal 2025.", "1.1 trillion dollars", "fiscal 2025", "2024-10-01", "2025-09-30"),
    (_head("2024-02-28", "HONG KONG, Feb. 28") + "The government expects a deficit of HK$48.1 "
     "billion in 2024-25.", "HK$48.1 billion", "2024-25", "2024-04-01", "2025-03-31"),
    (_head("2023-05-09", "CANBERRA, May 9") + "The surplus was 4.2 billion Australian dollars "
     "in the 2022-23 fiscal year.", "4.2 billion Australian dollars", "2022-23 fiscal year",
     "2022-07-01", "2023-06-30"),
    # Nepal: 1 Shrawan of the Bikram Sambat calendar
    (_head("2025-06-10", "KATHMANDU, June 10") + "Imports rose 13 percent in the first 10 "
     "months of the current fiscal year 2024/25.", "13 percent",
     "first 10 months of the current fiscal year 2024/25", "2024-07-16", "2025-05-14"),
    (_head("2024-10-10", "KATHMANDU, Oct. 10") + "Remittances rose 9 percent in the first two "
     "months of the current fiscal year.", "9 percent",
     "first two months of the current fiscal year", "2024-07-16", "2024-09-16"),
    # official Chinese holidays (chinese_calendar), and a fixed-date fallback before 2004
    (_head("2024-02-18", "BEIJING, Feb. 18") + "Tourists made 474 million trips during the "
     "eight-day Spring Festival holiday.", "474 million trips",
     "eight-day Spring Festival holiday", "2024-02-10", "2024-02-17"),
    (_head("2020-10-09", "HAIKOU, Oct. 9") + "Sales reached 1.04 billion yuan during the "
     "National Day holiday.", "1.04 billion yuan", "National Day holiday",
     "2020-10-01", "2020-10-08"),
    (_head("2001-05-08", "BEIJING, May 8") + "The city received 2.97 million tourists during "
     "the week-long Labor Day holiday.", "2.97 million tourists",
     "week-long Labor Day holiday", "2001-05-01", "2001-05-07"),
    # a weekday dates an event, unless it dates the statement
    (_head("2017-06-25", "MAOXIAN, June 25") + "The landslide swept away 62 homes at about "
     "6 a.m. Saturday.", "62 homes", "Saturday", "2017-06-24", "2017-06-24"),
    # a part of a day named by its date
    (_head("2025-09-03", "HANOI, Sept. 3") + "About 200 mm of rain fell in the early hours of "
     "Aug. 26.", "About 200 mm", "early hours of Aug. 26", "2025-08-26", "2025-08-26"),
    # a week up to a day
    (_head("2025-07-18", "TOKYO, July 18") + "Rice sold for 3,920 yen per 5 kilograms in the "
     "week through June 15.", "3,920 yen per 5 kilograms", "week through June 15", "2025-06-09",
     "2025-06-15"),
    # the weekend: the Saturday and Sunday before a weekday dateline, the next in a forecast
    (_head("2025-12-08", "SYDNEY, Dec. 8") + "Over the weekend, 20 homes were lost across New "
     "South Wales.", "20 homes", "Over the weekend", "2025-12-06", "2025-12-07"),
    (_head("2025-01-02", "LONDON, Jan. 2") + "Up to 40 cm of snow is expected at the weekend.",
     "Up to 40 cm", "at the weekend", "2025-01-04", "2025-01-05"),
    # an ordinal standing for the quarter named before it in the sentence
    (_head("2025-02-17", "BOGOTA, Feb. 17") + "The economy grew 0.6 percent in the first "
     "quarter of 2024, 2.1 percent in the second and 2.0 percent in the third.", "2.0 percent",
     "the third", "2024-07-01", "2024-09-30"),
    # hours up to a day: that day and the days the hours reach back over
    (_head("2024-09-29", "KATHMANDU, Sept. 29") + "The valley received 240 mm of rain in the "
     "24 hours to Saturday morning, the heaviest since records began in 1970.", "240 mm",
     "24 hours to Saturday morning", "2024-09-27", "2024-09-28"),
    (_head("2025-10-09", "TOKYO, Oct. 9") + "The agency expects up to 180 mm of rain in the "
     "24 hours through Friday morning.", "up to 180 mm", "24 hours through Friday morning",
     "2025-10-09", "2025-10-10"),
    (_head("2024-07-07", "GUWAHATI, July 7") + "Rescuers saved 70 people in the past 24 hours.",
     "70 people", "past 24 hours", "2024-07-06", "2024-07-07"),
    # rain in mm is what fell that day, not a distance that describes an event
    (_head("2024-09-29", "KATHMANDU, Sept. 29") + "The valley received 240 mm of rain on "
     "Saturday, the most since records began in 1970.", "240 mm", "Saturday", "2024-09-28",
     "2024-09-28"),
    # a range of weekdays: the last such days up to the dateline
    (_head("2024-06-29", "KARACHI, June 29") + "The hospital admitted 267 people with "
     "heatstroke between Sunday and Wednesday.", "267 people", "between Sunday and Wednesday",
     "2024-06-23", "2024-06-26"),
    # since an event, up to the dateline's day
    (_head("2024-06-29", "KARACHI, June 29") + "The department has attributed 35 deaths since "
     "June 23 to heatstroke.", "35 deaths", "since June 23", "2024-06-23", "2024-06-29"),
    (_head("2023-12-26", "JAKARTA, Dec. 26") + "The railway has carried 1,028,216 passengers "
     "since commercial operation began on Oct. 17.", "1,028,216 passengers",
     "since commercial operation began on Oct. 17", "2023-10-17", "2023-12-26"),
    (_head("2024-03-19", "KUNMING, March 19") + "Since the start of this year, the railway has "
     "moved 1.2 million tonnes of goods.", "1.2 million tonnes",
     "Since the start of this year", "2024-01-01", "2024-03-19"),
    # a part of a relative year; "by" a day ahead
    (_head("2025-08-04", "HARBIN, Aug. 4") + "The city received 5.2 million tourists in the "
     "first half of this year.", "5.2 million tourists", "first half of this year",
     "2025-01-01", "2025-06-30"),
    (_head("2025-08-06", "WELLINGTON, Aug. 6") + "Unemployment rose to 5.2 percent in the June "
     "2025 quarter.", "5.2 percent", "June 2025 quarter", "2025-04-01", "2025-06-30"),
    (_head("2024-10-20", "BEIJING, Oct. 20") + "Third-quarter output grew 4.6 percent.",
     "4.6 percent", "Third-quarter", "2024-07-01", "2024-09-30"),
    (_head("2024-07-20", "BEIJING, July 20") + "First-half sales rose 5 percent.",
     "5 percent", "First-half", "2024-01-01", "2024-06-30"),
    (_head("2024-02-28", "HONG KONG, Feb. 28") + "Fiscal reserves are expected to fall to "
     "HK$733.2 billion by March 31.", "HK$733.2 billion", "by March 31", "2024-03-31",
     "2024-03-31"),
    # rolling and closing months
    (_head("2025-02-08", "WASHINGTON, Feb. 7") + "Payrolls rose by 143,000 jobs in January. "
     "Over the past 12 months, hourly earnings were up 4.1 percent.", "4.1 percent",
     "past 12 months", "2024-02-01", "2025-01-31"),
    (_head("2025-02-08", "WASHINGTON, Feb. 7") + "Revisions added 100,000 jobs in the final "
     "two months of 2024.", "100,000 jobs", "final two months of 2024", "2024-11-01",
     "2024-12-31"),
    # this year up to a day
    (_head("2023-11-05", "URUMQI, Nov. 5") + "This year as of Nov. 3, the port exported "
     "120,000 vehicles.", "120,000 vehicles", "This year as of Nov. 3", "2023-01-01",
     "2023-11-03"),
]


@pytest.mark.parametrize(("text", "figure", "label", "start", "end"), CASES,
                         ids=[c[2] for c in CASES])
def test_period(extract, text, figure, label, start, end) -> None:
    record = extract(text)
    facts = [f for f in record.facts
             if (f.value is not None and _text(record, f.value_kind, f.value) == figure)
             or (f.change is not None and record.percentages[f.change].text == figure)]
    assert len(facts) == 1, [f.model_dump() for f in record.facts]
    period = facts[0].period
    assert period is not None
    assert (period.label, str(period.start), str(period.end)) == (label, start, end)


def _text(record, kind, index) -> str:
    return getattr(record, kind)[index].text


def test_periods_that_point_back_and_comparisons(extract) -> None:
    record = extract(_head("2024-09-26", "NAIROBI, Sept. 26") + "Tea earnings reached 102.4 "
                     "billion shillings in January-June. Kenya shipped 320,563 metric tons of "
                     "tea in the half-year, up from 270,287 metric tons in the same period of "
                     "2023.")
    periods = {_text(record, f.value_kind, f.value): f.period for f in record.facts}
    assert (str(periods["320,563 metric tons"].start), str(periods["320,563 metric tons"].end)) \
        == ("2024-01-01", "2024-06-30")
    same = periods["270,287 metric tons"]
    assert (same.label, str(same.start), str(same.end)) == (
        "same period of 2023", "2023-01-01", "2023-06-30")


def test_a_year_earlier_is_the_period_a_year_before(extract) -> None:
    record = extract(_head("2025-05-21", "LONDON, May 21") + "Inflation rose to 3.5 percent in "
                     "April, up from 2.3 percent a year earlier.")
    periods = {record.percentages[f.value].text: f.period for f in record.facts
               if f.value is not None}
    assert (str(periods["3.5 percent"].start), str(periods["2.3 percent"].start)) == (
        "2025-04-01", "2024-04-01")


def test_a_weekday_of_the_statement_is_not_a_period(extract) -> None:
    record = extract(_head("2024-01-24", "BEIJING, Jan. 24") + "Revenue grew 1.3 percent to "
                     "21.97 trillion yuan in 2024, the ministry said Friday.")
    assert record.facts[0].period.label == "2024"


def test_the_dateline_year_is_inferred_when_nothing_gives_it(extract) -> None:
    record = extract("BEIJING, Jan. 24 (Xinhua) -- China's fiscal revenue grew 1.3 percent to "
                     "21.97 trillion yuan in 2024, data showed.")
    assert record.dateline.date == dt.date(2025, 1, 24) and record.dateline.date_inferred
    assert any("inferred" in w.message for w in record.warnings)
    record = extract("NANNING, June 16 (Xinhua) -- Foreign trade grew 53.2 percent in the "
                     "first five months of 2023.")
    assert record.dateline.date == dt.date(2023, 6, 16)
    record = extract("NANNING, June 16 (Xinhua) -- Foreign trade grew 53.2 percent.")
    assert record.dateline.date is None and not record.dateline.date_inferred


def test_official_holidays() -> None:
    assert official_holiday("Spring Festival", 2023) == (dt.date(2023, 1, 21), dt.date(2023, 1, 27))
    assert official_holiday("Spring Festival", 2025) == (dt.date(2025, 1, 28), dt.date(2025, 2, 4))
    assert official_holiday("National Day", 1999) is None  # before the package's schedules
    # the whole break, weekend and neighbouring festival included
    assert official_holiday("New Year's Day", 2024) == (dt.date(2023, 12, 30),
                                                       dt.date(2024, 1, 1))
    assert official_holiday("National Day", 2023) == (dt.date(2023, 9, 29), dt.date(2023, 10, 6))


def test_fiscal_year_table() -> None:
    fy = FiscalYears(load_tsv(patterns_dir() / "fiscal_years.tsv", FiscalYearRow))
    assert fy.span("IN", fy.start_year_named("IN", 2024)) == (dt.date(2023, 4, 1),
                                                              dt.date(2024, 3, 31))
    assert fy.span("CN", 2024) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert fy.containing("NP", dt.date(2024, 7, 15)) == 2023  # Shrawan starts 16 July 2024
    assert fy.span("NP", fy.two_year("NP", 2081)) == (dt.date(2024, 7, 16), dt.date(2025, 7, 16))


def test_for_the_year_is_the_year_of_the_period_before(extract) -> None:
    from extractor.export import fact_rows
    record = extract(" date 2024-01-12 CPI\n\nBEIJING, Jan. 12 (Xinhua) -- China's consumer "
                     "price index rose 0.2 percent in 2023, below the inflation target of "
                     "around 3 percent for the year and a 2-percent rise in 2022.")
    periods = {r["value_text"] or r["change_text"]: (r["period_start"], r["period_end"])
               for r in fact_rows(record)}
    assert periods["around 3 percent"] == ("2023-01-01", "2023-12-31")


def test_from_a_date_to_a_weekday(extract) -> None:
    from extractor.export import fact_rows
    record = extract(" date 2023-09-28 X\n\nXI'AN, Sept. 28 (Xinhua) -- From Jan. 1 to Wednesday, "
                     "3,946 freight trains passed through Xi'an International Port Station, "
                     "making it the busiest in China.")
    row = fact_rows(record)[0]
    assert (row["period_start"], row["period_end"]) == ("2023-01-01", "2023-09-27")
    assert row["location"] != "China"  # the scope of a superlative is not the place


def test_a_day_dates_its_own_clause_only(extract) -> None:
    from extractor.export import fact_rows
    record = extract(" date 2023-12-26 X\n\nJAKARTA, Dec. 26 (Xinhua) -- The busiest day saw "
                     "21,500 passengers, while 21,312 passengers rode the line on Nov. 12. The "
                     "line started out with 14 daily trips.")
    got = {r["value_text"]: r["period_start"] for r in fact_rows(record)}
    assert got == {"21,500 passengers": "", "21,312 passengers": "2023-11-12",
                   "14 daily trips": ""}


def test_a_comparison_word_of_the_sentence_before_does_not_count(extract) -> None:
    from extractor.export import fact_rows
    record = extract(" date 2025-07-10 X\n\nBEIJING, July 10 (Xinhua) -- NEV exports totaled "
                     "1.06 million units in the first six months, a surge of 75.2 percent from a "
                     "year earlier. In June alone, 205,000 NEVs were shipped overseas.")
    got = {r["value_text"]: r["period_start"] for r in fact_rows(record)}
    assert got["205,000 NEVs"] == "2025-06-01"


def test_the_day_of_a_statement_dates_a_tally_nothing_else_dates(extract) -> None:
    from extractor.export import fact_rows
    record = extract(" date 2017-06-25 X\n\nMAOXIAN, June 25 (Xinhua) -- Twenty-five people have "
                     "been confirmed dead after a landslide, local authorities said Sunday.\n\n"
                     "Another 15 people have been confirmed alive.")
    got = {r["value_text"]: r["period_start"] for r in fact_rows(record)}
    assert got == {"Twenty-five people": "2017-06-25", "15 people": "2017-06-25"}
    record = extract(" date 2024-10-30 X\n\nLONDON, Oct. 30 (Xinhua) -- Reeves on Wednesday "
                     "announced tax increases totaling 40 billion pounds.")
    assert fact_rows(record)[0]["period_start"] == ""  # an announcement, not a tally


def test_a_period_in_a_relative_clause_dates_that_clause(extract) -> None:
    from extractor.export import fact_rows
    record = extract(" date 2017-06-25 X\n\nMAOXIAN, June 25 (Xinhua) -- More than 3,000 "
                     "rescuers are racing against time in Xinmo village, where the landslide "
                     "swept away 62 homes at about 6 a.m. Saturday.")
    got = {r["value_text"]: r["period_start"] for r in fact_rows(record)}
    assert got == {"More than 3,000 rescuers": "", "62 homes": "2017-06-24"}


def test_the_previous_month_is_the_month_before_the_one_stated(extract) -> None:
    from extractor.export import fact_rows
    record = extract(" date 2024-01-12 X\n\nBEIJING, Jan. 12 (Xinhua) -- On a month-on-month "
                     "basis, the CPI rose 0.1 percent in December, reversing a 0.5-percent drop in "
                     "the previous month.")
    got = {r["change_text"]: r["period_start"] for r in fact_rows(record)}
    assert got == {"0.1 percent": "2023-12-01", "0.5-percent": "2023-11-01"}


def test_quarters_named_by_their_last_month_and_a_drop_last_year(extract) -> None:
    from extractor.export import fact_rows
    record = extract(" date 2023-11-07 X\n\nCANBERRA, Nov. 7 (Xinhua) -- The CPI rose 1.2 percent "
                     "in the September quarter of 2023, faster than the 0.8-percent rise in the "
                     "June quarter.")
    got = {r["change_text"]: (r["period_start"], r["period_end"]) for r in fact_rows(record)}
    assert got == {"1.2 percent": ("2023-07-01", "2023-09-30"),
                   "0.8-percent": ("2023-04-01", "2023-06-30")}
    record = extract(" date 2024-03-27 X\n\nBEIJING, March 27 (Xinhua) -- Profits grew 10.2 "
                     "percent in the first two months of 2024. The industry saw its profits climb "
                     "12.9 percent, reversing a 1.1-percent drop last year.")
    got = {r["change_text"]: r["period_start"] for r in fact_rows(record)}
    assert got == {"10.2 percent": "2024-01-01", "12.9 percent": "2024-01-01",
                   "1.1-percent": "2023-01-01"}


def test_an_as_of_date_dates_a_toll_not_the_rescue(extract) -> None:
    from extractor.export import fact_rows
    record = extract(" date 2010-04-16 X\n\nYUSHU, April 16 (Xinhua) -- As of Friday, the "
                     "earthquake had killed 760 people. At least 7,093 rescuers were searching "
                     "for survivors.")
    got = {r["value_text"]: r["period_start"] for r in fact_rows(record)}
    assert got == {"760 people": "2010-04-16", "At least 7,093 rescuers": ""}


@pytest.mark.parametrize(("phrase", "start"), [
    ("over the past decade", "2014-01-01"),
    ("over the past five years", "2019-01-01"),
])
def test_the_past_years_end_with_the_period_stated_before(extract, phrase, start) -> None:
    record = extract(" date 2024-03-29 Results\n\nSHENZHEN, March 29 (Xinhua) -- Huawei invested "
                     f"164.7 billion yuan in R&D last year. Its R&D spending {phrase} totaled "
                     "more than 1.11 trillion yuan.")
    period = record.facts[-1].period
    assert (str(period.start), str(period.end)) == (start, "2023-12-31")


def test_a_relative_clause_in_the_present_does_not_make_its_sentence_a_standing_state(
        extract) -> None:
    record = extract(" date 2024-03-29 Results\n\nSHENZHEN, March 29 (Xinhua) -- Huawei's revenue "
                     "grew 9.6 percent to 704.2 billion yuan in 2023. The consumer business, "
                     "which includes smartphones, posted sales of 251.5 billion yuan, up 17.3 "
                     "percent.")
    assert str(record.facts[-1].period.start) == "2023-01-01"
    record = extract(" date 2024-03-29 Rail\n\nSHENZHEN, March 29 (Xinhua) -- Freight grew 9.6 "
                     "percent to 704.2 million tonnes in 2023. The line, which connects 67 "
                     "regions, is the busiest.")
    assert record.facts[-1].period is None  # the figure is in the relative clause


def test_a_change_between_two_years_in_a_row_is_of_the_later_year(extract) -> None:
    record = extract(" date 2020-03-18 Exports\n\nNAIROBI, March 18 (Xinhua) -- The value of "
                     "flower exports dropped 8 percent between 2018 and 2019, Muriithi said.")
    fact = record.facts[0]
    assert (str(fact.period.start), str(fact.period.end)) == ("2019-01-01", "2019-12-31")
    assert fact.basis == "year_on_year"


def test_the_lunar_new_year_dates_fall_in_the_official_spring_festival_holiday() -> None:
    import json

    import chinese_calendar

    rules = json.loads((patterns_dir() / "facts.json").read_text(encoding="utf-8"))
    for year, day in rules["lunar_new_year"].items():
        date = dt.date.fromisoformat(f"{year}-{day}")
        assert chinese_calendar.get_holiday_detail(date)[1] == "Spring Festival", date


def test_the_spring_festival_travel_rush_is_forty_days_around_the_new_year(extract) -> None:
    record = extract(" date 2023-02-16 Travel\n\nBEIJING, Feb. 16 (Xinhua) -- Passengers made "
                     "1.595 billion trips during the 40-day Spring Festival travel rush that ended "
                     "Wednesday, up 50.5 percent year on year.")
    period = record.facts[0].period
    assert (str(period.start), str(period.end)) == ("2023-01-07", "2023-02-15")


@pytest.mark.parametrize(("published", "dates"), [
    ("2025-01-06", ("2024-01-01", "2024-12-29")),  # the run ended before publication
    ("2024-12-30", ("2024-01-01", "2024-12-29")),
])
def test_a_run_of_days_with_no_year_is_the_latest_ended_by_publication(extract, published,
                                                                        dates) -> None:
    record = extract(f" date {published} Tourism\n\nBANGKOK, Jan. 6 (Xinhua) -- Ministry data "
                     "covering Jan. 1 to Dec. 29 put Malaysia in second place with 4.93 million "
                     "visitors.")
    period = record.facts[0].period
    assert (str(period.start), str(period.end)) == dates


def test_a_period_after_the_figure_compared_with_is_that_figures(extract) -> None:
    record = extract(" date 2025-01-27 Power\n\nBEIJING, Jan. 27 (Xinhua) -- By the end of 2024, "
                     "China's renewable capacity reached 1.889 billion kilowatts. Solar capacity "
                     "expanded 45.2 percent year on year to 886.67 gigawatts, up from 609.49 "
                     "gigawatts at the end of 2023.")
    ends = [str(f.period.end) for f in record.facts]
    assert ends == ["2024-12-31", "2024-12-31", "2023-12-31"]


def test_a_holiday_with_its_year_written_is_that_years(extract) -> None:
    record = extract(" date 2024-03-07 Shopping\n\nHAIKOU, March 6 (Xinhua) -- Offshore duty-free "
                     "sales reached 7.41 billion yuan during the 2024 Spring Festival travel rush. "
                     "Sales during the 2023 Spring Festival holiday were 2.5 billion yuan.")
    got = [(str(f.period.start), str(f.period.end)) for f in record.facts]
    assert got == [("2024-01-26", "2024-03-05"), ("2023-01-21", "2023-01-27")]


def test_a_holiday_to_come_in_a_review_of_a_past_year_is_that_years(extract) -> None:
    """Out on Jan. 1, 2025, a review of 2024: its Spring Festival holiday is
    2024's, not the one four weeks ahead; a holiday just over stays itself."""
    record = extract(" date 2025-01-01 China's box office tops 42 billion yuan in 2024\n\n"
                     "BEIJING, Jan. 1 (Xinhua) -- The eight-day Spring Festival holiday alone "
                     "brought in more than 8 billion yuan.")
    period = record.facts[0].period
    assert (str(period.start), str(period.end)) == ("2024-02-10", "2024-02-17")
    record = extract(" date 2024-01-05 Chengdu airports see trips double in 2023\n\n"
                     "CHENGDU, Jan. 5 (Xinhua) -- During the three-day New Year's Day holiday "
                     "that ended on Monday, the airports handled 4,454 flights.")
    period = record.facts[0].period
    assert (str(period.start), str(period.end)) == ("2023-12-30", "2024-01-01")


@pytest.mark.parametrize(("words", "dates"), [
    ("in January and February", ("2024-01-01", "2024-02-29")),
    ("in March and May", None),  # two months, not a run
])
def test_two_months_joined_by_and(extract, words, dates) -> None:
    record = extract(f" date 2024-03-20 Trade\n\nNANJING, March 20 (Xinhua) -- Exports rose 11.9 "
                     f"percent {words}.")
    period = record.facts[0].period
    got = (str(period.start), str(period.end)) if period is not None and period.start else None
    if dates is None:
        assert got != ("2024-03-01", "2024-05-31")
    else:
        assert got == dates


def test_a_partners_with_is_no_comparison_and_a_lead_look_back_frames_nothing(extract) -> None:
    record = extract(
        " date 2025-06-11 China-Africa trade\n\nBEIJING, June 11 (Xinhua) -- China's goods trade "
        "with Africa totaled 2.1 trillion yuan in 2024, up from less than 100 billion yuan in "
        "2000.\n\nSouth Africa remained China's leading partner, with bilateral trade of 52.4 "
        "billion dollars.\n\nReserves rose to 11.1 billion dollars by the end of June.")
    labels = [(f.period.label, str(f.period.start)) for f in record.facts]
    assert labels == [("2024", "2024-01-01"), ("2000", "2000-01-01"), ("2024", "2024-01-01"),
                      ("the end of June", "2024-06-30")]  # past tense: not the next June,
    # the year of the article's facts


@pytest.mark.parametrize("date", ["0001-01-02", "0001-12-31", "9999-12-30"])
def test_articles_dated_at_the_calendars_ends_date_no_period_and_do_not_fail(extract, date):
    # period arithmetic a week or a year from such a date leaves the calendar
    record = extract(_head(date, "KARACHI, Jan. 2") + "The hospital admitted 267 people on "
                     "Sunday, 5 people between Sunday and Wednesday and 3 in the past 24 hours. "
                     "Output grew 0.6 percent in the first quarter and 2.0 percent in the fourth, "
                     "and 240 mm of rain fell in the 99999999999999 hours to Monday.")
    assert len(record.facts) == 5  # "3 in the past 24 hours" counts nothing


def test_quarters_and_the_year_of_a_fiscal_year_article(extract) -> None:
    record = extract(_head("2025-10-08", "ISLAMABAD, Oct. 8") + "Pakistan's economy grew 3.04 "
                     "percent in the fiscal year 2024/25. The economy expanded 5.66 percent in "
                     "the fourth quarter. For the full year, agriculture grew 1.51 percent.")
    got = [(str(f.period.start), str(f.period.end)) for f in record.facts]
    assert got == [("2024-07-01", "2025-06-30"), ("2025-04-01", "2025-06-30"),
                   ("2024-07-01", "2025-06-30")]
