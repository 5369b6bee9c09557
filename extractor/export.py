"""Flat exports: one row per fact, ready for ``pandas.read_csv``.

A record nests (facts point into the mention and entity lists); an analyst
wants a table. :func:`fact_rows` resolves every index into plain columns —
the value with its unit or currency and U.S.-dollar amount, the change in
percent, the place and partner with their ids — and :class:`FactCsv` writes
them with a fixed header, so files from many batches concatenate.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Iterable
from decimal import Decimal
from typing import IO, Any

from .errors import ExtractorError
from .records import Record

FACT_COLUMNS = (
    "id", "source", "published", "metric", "metric_id", "kind",
    "value", "value_max", "value_unit", "value_text", "value_usd",
    "change", "change_unit", "change_text", "direction", "basis",
    "location", "location_kb_id", "location_iso", "location_country",
    "partner", "partner_kb_id", "partner_country",
    "period", "period_start", "period_end", "qualifier", "fact_start", "fact_end",
)


def _num(x: Decimal | None) -> str:
    return "" if x is None else format(x.normalize(), "f")


def fact_rows(record: Record) -> list[dict[str, Any]]:
    """The record's facts as flat rows (keys: :data:`FACT_COLUMNS`)."""
    rows = []
    for f in record.facts:
        row: dict[str, Any] = dict.fromkeys(FACT_COLUMNS, "")
        row.update(id=record.id, source=record.source,
                   published=record.published.isoformat() if record.published else "",
                   metric=f.metric or "", metric_id=f.metric_id or "", kind=f.kind,
                   direction=f.direction or "", basis=f.basis or "",
                   qualifier=f.qualifier or "", fact_start=f.start, fact_end=f.end)
        if f.value_kind == "money" and f.value is not None:
            m = record.money[f.value]
            row.update(value=_num(m.amount), value_max=_num(m.amount_max),
                       value_unit=m.currency or "", value_text=m.text,
                       value_usd=_num(m.usd.amount) if m.usd else "")
        elif f.value_kind == "quantities" and f.value is not None:
            q = record.quantities[f.value]
            row.update(value=_num(q.value), value_max=_num(q.value_max), value_unit=q.unit,
                       value_text=q.text)
        elif f.value_kind == "percentages" and f.value is not None:
            p = record.percentages[f.value]
            row.update(value=_num(p.value), value_max=_num(p.value_max), value_unit=p.unit,
                       value_text=p.text)
        if f.change is not None:
            c = record.percentages[f.change]
            sign = -1 if f.direction == "down" and c.value > 0 else 1
            row.update(change=_num(sign * c.value), change_unit=c.unit, change_text=c.text)
        for key in ("location", "partner"):
            index = getattr(f, key)
            if index is None:
                continue
            e = record.entities[index]
            row[key] = e.name or e.text
            row[f"{key}_kb_id"] = e.kb_id or ""
            row[f"{key}_country"] = e.country or ""
            if key == "location" and e.iso is not None:
                row["location_iso"] = e.iso.subdivision or e.iso.alpha2 or ""
        if f.period is not None:
            row.update(period=f.period.label,
                       period_start=f.period.start.isoformat() if f.period.start else "",
                       period_end=f.period.end.isoformat() if f.period.end else "")
        rows.append(row)
    return rows


class FactCsv:
    """Writes fact rows as CSV (RFC 4180, UTF-8, a header line first)."""

    def __init__(self, stream: IO[str]) -> None:
        self._writer = csv.DictWriter(stream, fieldnames=FACT_COLUMNS, lineterminator="\n")
        self._writer.writeheader()

    def write(self, record: Record) -> int:
        rows = fact_rows(record)
        self._writer.writerows(rows)
        return len(rows)


class FactCsvFile:
    """A fact CSV written beside its final name (``PATH.part``) and renamed
    when complete, like the JSON Lines output: never a half file under PATH."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.part = f"{path}.part"
        self.rows = 0

    def __enter__(self) -> FactCsvFile:
        try:
            self._handle = open(self.part, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise ExtractorError(f"cannot write {self.part}: {exc.strerror or exc}") from None
        self._csv = FactCsv(self._handle)
        return self

    def write(self, record: Record) -> None:
        try:
            self.rows += self._csv.write(record)
        except OSError as exc:
            raise ExtractorError(f"cannot write {self.part}: {exc.strerror or exc}") from None

    def write_lines(self, lines: Iterable[str]) -> None:
        """Records as JSON lines (a batch output); error records have no facts."""
        for line in lines:
            obj = json.loads(line)
            if "error" not in obj:
                self.write(Record.model_validate(obj))

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            self._handle.close()
            if exc_type is None:
                os.replace(self.part, self.path)
        except OSError as err:
            raise ExtractorError(f"cannot write {self.path}: {err.strerror or err}") from None
