"""Calendars a period needs beyond the Gregorian months: official Chinese
public holidays, government fiscal years and Nepal's Bikram Sambat.

* Holidays come from **chinese_calendar** (the State Council's published
  holiday schedules, 2004 onwards): ``the eight-day Spring Festival holiday``
  of 2024 is 10-17 February, the days off as announced, not a rule of thumb.
  Years it does not cover fall back to a fixed first day and length from
  ``patterns/facts.json`` (``holiday_fallback``).
* Fiscal years by country are data (``patterns/fiscal_years.tsv``): the first
  day, and whether a one-year name (``fiscal 2025``) counts from the year the
  fiscal year starts or ends in.
* Nepal's fiscal year starts on 1 Shrawan of the Bikram Sambat calendar, which
  moves between 15 and 17 July; **nepali_datetime** converts.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from itertools import pairwise

import chinese_calendar
import nepali_datetime

from .data import FiscalYearRow

#: Bikram Sambat year = Gregorian year + BS_OFFSET for dates from Shrawan to Poush
BS_OFFSET = 57
#: a fiscal year of Nepal numbered from this year on is a Bikram Sambat one (2081/82)
BS_FROM = 2070


@lru_cache(maxsize=1)
def _named_days_off() -> dict[tuple[str, int], list[dt.date]]:
    """The package's named days off by (holiday, year), in date order: read
    once from its schedule table, instead of asking it about each day of a year."""
    named: dict[tuple[str, int], list[dt.date]] = {}
    for day, name in sorted(chinese_calendar.holidays.items()):
        if day not in chinese_calendar.workdays:  # a working day is not off, whatever it is named
            named.setdefault((name, day.year), []).append(day)
    return named


@lru_cache(maxsize=256)
def official_holiday(name: str, year: int) -> tuple[dt.date, dt.date] | None:
    """First and last day off of the break around a Chinese public holiday in
    ``year``, as announced; ``None`` when the schedule for that year is not
    known."""
    days = _named_days_off().get((name, year))
    if not days:
        return None
    # the first run of days off named so
    last = next((a for a, b in pairwise(days) if (b - a).days > 1), days[-1])
    first = days[0]
    try:
        # the whole break: the days off around it ("the three-day New Year's Day
        # holiday" of 2024 began on Saturday, Dec. 30; the eight-day National Day
        # holiday of 2023 began with the Mid-Autumn Festival)
        while chinese_calendar.is_holiday(first - dt.timedelta(days=1)):
            first -= dt.timedelta(days=1)
        while chinese_calendar.is_holiday(last + dt.timedelta(days=1)):
            last += dt.timedelta(days=1)
    except NotImplementedError:  # a day past the package's schedules
        return None
    return first, last


def fixed_holiday(first: str, length: int, year: int) -> tuple[dt.date, dt.date]:
    month, day = (int(x) for x in first.split("-"))
    start = dt.date(year, month, day)
    return start, start + dt.timedelta(days=length - 1)


class FiscalYears:
    """Fiscal years by ISO 3166-1 alpha-2 country; the calendar year elsewhere.

    A fiscal year is named here by the Gregorian year it starts in."""

    def __init__(self, rows: list[FiscalYearRow]) -> None:
        self.rows = {row.alpha2: row for row in rows}

    def differs(self, country: str | None) -> bool:
        return country in self.rows

    def _bs(self, country: str | None) -> bool:
        row = self.rows.get(country or "")
        return row is not None and row.start.startswith("BS-")

    def _first_day(self, country: str | None, start_year: int) -> dt.date:
        row = self.rows.get(country or "")
        if row is None:
            return dt.date(start_year, 1, 1)
        month, day = (int(x) for x in row.start.removeprefix("BS-").split("-"))
        if row.start.startswith("BS-"):
            return nepali_datetime.date(start_year + BS_OFFSET, month, day).to_datetime_date()
        return dt.date(start_year, month, day)

    def span(self, country: str | None, start_year: int) -> tuple[dt.date, dt.date]:
        """First and last day of the fiscal year that starts in ``start_year``."""
        return (self._first_day(country, start_year),
                self._first_day(country, start_year + 1) - dt.timedelta(days=1))

    def start_year_named(self, country: str | None, year: int) -> int:
        """The starting year of ``fiscal <year>`` (``FY2025`` in the United
        States starts in 2024). A Bikram Sambat year (2081) is turned into its
        Gregorian one first."""
        if self._bs(country) and year >= BS_FROM:
            return year - BS_OFFSET  # "fiscal year 2081": a Bikram Sambat year
        row = self.rows.get(country or "")
        if row is None or row.named_by == "start" or row.start == "01-01":
            return year
        return year - 1

    def two_year(self, country: str | None, first: int) -> int:
        """``2024/25`` or ``2081/82`` (Bikram Sambat) -> the starting year."""
        if self._bs(country) and first >= BS_FROM:
            return first - BS_OFFSET
        return first

    def containing(self, country: str | None, day: dt.date) -> int:
        """The starting year of the fiscal year ``day`` falls in."""
        year = day.year
        return year if self._first_day(country, year) <= day else year - 1

    def months(self, country: str | None, start_year: int, first: int, last: int
               ) -> tuple[dt.date, dt.date]:
        """Months ``first``..``last`` (1 = the fiscal year's first month) of a
        fiscal year, as calendar dates."""
        row = self.rows.get(country or "")
        if row is not None and row.start.startswith("BS-"):
            bs_month = int(row.start.split("-")[1])
            begin = _bs_month_start(start_year + BS_OFFSET, bs_month + first - 1)
            end = _bs_month_start(start_year + BS_OFFSET, bs_month + last) - dt.timedelta(days=1)
            return begin, end
        start = self._first_day(country, start_year)
        return _add_months(start, first - 1), _add_months(start, last) - dt.timedelta(days=1)


def _bs_month_start(bs_year: int, month: int) -> dt.date:
    """1st of a Bikram Sambat month, counting past 12 into the next year."""
    bs_year += (month - 1) // 12
    month = (month - 1) % 12 + 1
    return nepali_datetime.date(bs_year, month, 1).to_datetime_date()


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1)
