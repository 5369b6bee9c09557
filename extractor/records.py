"""The record: pydantic models, the interface every consumer relies on.

Field names never change; new fields may be added. ``extract --schema`` prints
the JSON Schema of :class:`Record`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PlainSerializer

from .values import to_json_number

Number = Annotated[
    Decimal,
    PlainSerializer(to_json_number, return_type=float | int, when_used="json"),
    Field(description="An exact decimal, written as a JSON number."),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Warning_(_Model):
    code: str
    message: str


class Dateline(_Model):
    place: str = Field(description="The dateline's place as written, e.g. 'LHASA'.")
    date: dt.date | None = Field(
        description="Year from `published`; without it, inferred from the periods the "
        "article reports (then `date_inferred` is true); null when neither tells.")
    date_inferred: bool = Field(
        False, description="True when the year of `date` was inferred, not read.")
    agency: str | None = Field(description="The agency in parentheses, e.g. 'Xinhua'.")
    start: int
    end: int
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 of the place, if known.")
    kb_id: str | None = Field(None, description="Wikidata QID of the place, when known.")
    geonames_id: int | None = Field(None, description="GeoNames id of the place, when known.")


class Usd(_Model):
    amount: Number = Field(description="The amount in U.S. dollars (rounded to cents).")
    amount_max: Number | None = Field(None, description="Upper bound of a range, in USD.")
    rate: Number = Field(description="Units of the mention's currency per one U.S. dollar.")
    rate_date: dt.date | None = Field(description="Date of the ECB rate; null otherwise.")
    source: Literal["identity", "stated", "article", "ecb"] = Field(
        description="identity: the amount is in USD; stated: its own parenthetical "
        "conversion; article: the rate of another stated conversion in the same "
        "article; ecb: the European Central Bank reference rate."
    )


class _Mention(_Model):
    text: str
    start: int = Field(description="Character offset into the decoded, LF-normalised text.")
    end: int
    qualifier: Literal["about", "more_than", "at_least", "nearly", "less_than", "up_to"] | None


class Money(_Mention):
    amount: Number = Field(
        description="In whole units of the currency: 12.67 billion -> 12670000000.")
    amount_max: Number | None = Field(description="Upper bound of a range, else null.")
    currency: str | None = Field(description="ISO 4217 code; null when it cannot be told.")
    per: str | None = Field(description="The unit after 'per' or '/', e.g. 'capita'.")
    usd: Usd | None


class Percentage(_Mention):
    value: Number
    value_max: Number | None
    unit: Literal["percent", "percentage_point"]


class Quantity(_Mention):
    value: Number
    value_max: Number | None
    unit: str = Field(description="Canonical unit name, or the counted noun phrase as written.")
    per: str | None = None


class Conversion(_Model):
    from_: int = Field(alias="from", description="Index into `money` of the converted amount.")
    to: int = Field(description="Index into `money` of its stated equivalent.")
    rate: Number = Field(description="Units of the `from` currency per unit of the `to` currency.")
    from_currency: str | None = None
    to_currency: str | None = None

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Iso(_Model):
    alpha2: str | None = Field(None, description="ISO 3166-1 alpha-2 (countries, territories).")
    alpha3: str | None = Field(None, description="ISO 3166-1 alpha-3.")
    subdivision: str | None = Field(None, description="ISO 3166-2, e.g. 'CN-XZ'.")


class Entity(_Model):
    text: str = Field(description="The name as written (no leading 'the', no possessive 's).")
    start: int
    end: int
    label: Literal["GPE", "LOC", "ORG", "PERSON", "NORP"]
    kb_id: str | None = Field(description="Wikidata QID of the knowledge-base entry; null when "
                              "the name is unknown or its entry has no QID.")
    name: str | None = Field(description="Canonical name: the entry's, else the fullest form "
                             "the article gives (a surname -> the full name).")
    iso: Iso | None = Field(None, description="ISO codes of a place, when known.")
    geonames_id: int | None = Field(None, description="GeoNames id of a place, when known.")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 of the country the "
                                "place (or body, or nationality) belongs to, when known.")


class Period(_Model):
    label: str = Field(description="The words that state the period, as written: '2024', "
                       "'the first half of 2023', 'last year'.")
    start: dt.date | None = Field(description="First day; null when it cannot be dated.")
    end: dt.date | None = Field(description="Last day (a point in time: start == end).")


class Fact(_Model):
    metric: str | None = Field(description="What is measured, as written: 'Exports'.")
    metric_id: str | None = Field(description="The indicator's id in patterns/metrics.jsonl, "
                                  "e.g. 'exports', 'gdp'; null when none fits.")
    kind: Literal["actual", "target", "forecast"]
    value_kind: Literal["money", "quantities", "percentages"] | None = Field(
        description="Which list `value` indexes.")
    value: int | None = Field(description="Index of the level: a money, quantity or "
                              "percentage mention (a share or a rate is a value).")
    change: int | None = Field(description="Index into `percentages` of its change.")
    direction: Literal["up", "down", "flat"] | None
    basis: Literal["year_on_year", "month_on_month", "quarter_on_quarter"] | None
    location: int | None = Field(description="Index into `entities` of the place it is about.")
    partner: int | None = Field(description="Index into `entities` of the other party of a "
                                "trade figure ('with Nepal').")
    period: Period | None
    qualifier: Literal["about", "more_than", "at_least", "nearly", "less_than", "up_to"] | None
    start: int = Field(description="Offset of the clause the fact comes from.")
    end: int


class Record(_Model):
    id: str
    source: str
    published: dt.date | None
    headline: str | None
    dateline: Dateline | None
    money: list[Money]
    percentages: list[Percentage]
    quantities: list[Quantity]
    conversions: list[Conversion]
    entities: list[Entity]
    facts: list[Fact] = Field(default_factory=list)
    warnings: list[Warning_]
    extractor_version: str

    def to_json(self, indent: int | None = None) -> str:
        return self.model_dump_json(by_alias=True, indent=indent)


def json_schema() -> dict:
    return Record.model_json_schema(by_alias=True, mode="serialization")
