"""Scoring records against the golden corpus.

A gold mention has no offsets: it is placed at the next occurrence of its text
in the article (gold lists are in order of appearance). A predicted mention
matches a gold one

* **span** level: same characters (start and end);
* **value** level: overlapping characters and the same normalised values
  (money: currency equal and amount within 0.5 %; percentages and quantities:
  value within 0.5 % and the same unit, case-insensitive).

Counts are micro-averaged over articles with spaCy's :class:`PRFScore`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from spacy.scorer import PRFScore

from .errors import DataFileError
from .kb import fold
from .pipeline import Extractor
from .reader import parse_header, read_file

TOLERANCE = Decimal("0.005")
KINDS = ("money", "percentages", "quantities")


def _close(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    a, b = Decimal(str(a)), Decimal(str(b))
    if a == b:
        return True
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def same_value(kind: str, gold: dict, pred: dict) -> bool:
    if kind == "money":
        return (
            gold.get("currency") == pred.get("currency")
            and _close(gold["amount"], pred["amount"])
            and _close(gold.get("amount_max"), pred.get("amount_max"))
        )
    if kind == "entities":
        return gold.get("label") == pred.get("label")
    return (
        _close(gold["value"], pred["value"])
        and _close(gold.get("value_max"), pred.get("value_max"))
        and str(gold.get("unit", "")).lower() == str(pred.get("unit", "")).lower()
    )


def locate(text: str, mentions: list[dict], body: int = 0,
           avoid: Sequence[tuple[int, int] | None] = ()) -> list[tuple[int, int] | None]:
    """Offsets of gold mentions: each at the next occurrence of its text from
    ``body``, the end of the header line (a headline's figures are never
    mentions: "tops 3 trillion dirhams" is found again in the body). An
    occurrence inside a longer word ("5 percent" in "15 percent") or inside
    one of the ``avoid`` spans (a name inside an amount: "U.S." in "110
    billion U.S. dollars") is passed over."""
    blocked = sorted(span for span in avoid if span is not None)
    out: list[tuple[int, int] | None] = []
    cursor = body
    for m in mentions:
        pos = _next(text, m["text"], cursor, blocked)
        if pos < 0:
            pos = _next(text, m["text"], body, blocked)
        if pos < 0:
            out.append(None)
            continue
        out.append((pos, pos + len(m["text"])))
        cursor = pos + len(m["text"])
    return out


def _next(text: str, needle: str, start: int, blocked: list[tuple[int, int]]) -> int:
    """The first occurrence of ``needle`` from ``start`` that is a whole
    word run and outside ``blocked``; else the first occurrence at all."""
    first = pos = text.find(needle, start)
    while pos >= 0:
        end = pos + len(needle)
        whole = not (pos > 0 and text[pos - 1].isalnum() and needle[:1].isalnum()) and not (
            end < len(text) and text[end].isalnum() and needle[-1:].isalnum())
        if whole and not any(a < end and pos < b for a, b in blocked):
            return pos
        pos = text.find(needle, pos + 1)
    return first


@dataclass
class Match:
    tp: list[tuple[dict, dict]] = field(default_factory=list)
    fn: list[dict] = field(default_factory=list)
    fp: list[dict] = field(default_factory=list)


def match(
    gold: list[dict],
    gold_spans: list[tuple[int, int] | None],
    pred: list[dict],
    ok: Callable[[dict, dict, tuple[int, int], tuple[int, int]], bool],
) -> Match:
    """Greedy one-to-one matching in text order."""
    result = Match()
    used: set[int] = set()
    for g, span in zip(gold, gold_spans, strict=True):
        found = None
        if span is not None:
            for k, p in enumerate(pred):
                if k not in used and ok(g, p, span, (p["start"], p["end"])):
                    found = k
                    break
        if found is None:
            result.fn.append(g)
        else:
            used.add(found)
            result.tp.append((g, pred[found]))
    result.fp = [p for k, p in enumerate(pred) if k not in used]
    return result


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class ArticleResult:
    id: str
    matches: dict[str, Match]


@dataclass
class Report:
    scores: dict[str, PRFScore]
    articles: list[ArticleResult]
    header: dict[str, list[int]]  # field -> [right, total]
    fact_fields: dict[str, list[int]] = field(default_factory=dict)  # field -> [right, total]

    def as_dict(self) -> dict[str, Any]:
        return {
            "scores": {
                k: {"p": round(s.precision, 4), "r": round(s.recall, 4), "f": round(s.fscore, 4),
                    "tp": s.tp, "fp": s.fp, "fn": s.fn}
                for k, s in self.scores.items()
            },
            "header": {k: {"right": v[0], "total": v[1]} for k, v in self.header.items()},
            "fact_fields": {k: {"right": v[0], "total": v[1]}
                            for k, v in self.fact_fields.items()},
            "articles": len(self.articles),
        }


def load_gold(folder: Path) -> Iterable[tuple[Path, dict]]:
    gold_dir = folder / "gold"
    for path in sorted(gold_dir.glob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise DataFileError(str(path), exc.lineno, f"not valid JSON: {exc.msg}") from None
        article = folder / "articles" / f"{path.stem}.txt"
        if not article.is_file():
            raise DataFileError(str(path), None, f"no article {article}")
        yield article, gold


def evaluate(folder: Path, extractor: Extractor | None = None) -> Report:
    extractor = extractor or Extractor()
    scores = {
        f"{kind}.{level}": PRFScore()
        for kind in (*KINDS, "entities") for level in ("span", "value")
    }
    scores["conversions"] = PRFScore()
    scores["links"] = PRFScore()
    scores["facts.pairs"] = PRFScore()
    scores["facts.strict"] = PRFScore()
    fact_fields = {k: [0, 0] for k in FACT_FIELDS}
    header = {k: [0, 0] for k in ("published", "headline", "dateline.place", "dateline.date",
                                  "dateline.agency")}
    articles = []
    for article, gold in load_gold(folder):
        decoded = read_file(str(article))
        record = json.loads(
            extractor.extract(decoded.text, record_id=article.stem, source=str(article)).to_json()
        )
        text = decoded.text
        body = parse_header(text).body_start  # the header line holds no mention
        matches: dict[str, Match] = {}
        located: dict[str, list[tuple[int, int] | None]] = {}  # the gold mentions' offsets
        for kind in (*KINDS, "entities"):
            avoid = located.get("money", []) if kind == "entities" else ()
            spans = located[kind] = locate(text, gold.get(kind, []), body, avoid)
            exact = match(gold.get(kind, []), spans, record[kind],
                          lambda g, p, gs, ps, kind=kind: gs == ps and (
                              kind != "entities" or g["label"] == p["label"]))
            valued = match(gold.get(kind, []), spans, record[kind],
                           lambda g, p, gs, ps, kind=kind: _overlap(gs, ps)
                           and same_value(kind, g, p))
            for level, m in (("span", exact), ("value", valued)):
                s = scores[f"{kind}.{level}"]
                s.tp += len(m.tp)
                s.fp += len(m.fp)
                s.fn += len(m.fn)
            matches[kind] = valued
            if kind == "entities":
                links = scores["links"]
                for g, p in valued.tp:
                    if p.get("kb_id"):
                        if p["kb_id"] == g.get("kb_id"):
                            links.tp += 1
                        else:
                            links.fp += 1
                            if g.get("kb_id"):
                                links.fn += 1
                    elif g.get("kb_id"):
                        links.fn += 1
                links.fn += sum(1 for g in valued.fn if g.get("kb_id"))
                links.fp += sum(1 for p in valued.fp if p.get("kb_id"))
        _score_conversions(gold, record, located["money"], scores["conversions"])
        if "facts" in gold:
            matches["facts"] = _score_facts(gold, record, located, scores, fact_fields)
        _score_header(gold, record, header)
        articles.append(ArticleResult(article.stem, matches))
    if not scores["facts.pairs"].tp + scores["facts.pairs"].fn:
        del scores["facts.pairs"], scores["facts.strict"]
        fact_fields = {}
    return Report(scores, articles, header, fact_fields)


#: words that do not name a metric: "range of goods" and "output of X" share only "of"
FUNCTION_WORDS = frozenset({"of", "the", "a", "an", "in", "on", "to", "and", "or", "for", "by",
                            "with", "from", "at", "its", "their", "per"})
#: ``metric`` is right when the metric ids agree, or, where the gold has none,
#: when the words overlap; ``metric_id`` asks the ids alone to agree, none
#: with none: a wrong id is what an analyst joining on it would trip over
FACT_FIELDS = ("metric", "metric_id", "location", "period", "direction", "basis", "kind",
               "partner")


def _fact_spans(facts: list[dict], lists: dict[str, list], spans: dict[str, list]
                ) -> list[tuple[tuple[int, int] | None, tuple[int, int] | None]]:
    out = []
    for f in facts:
        value = spans[f["value_kind"]][f["value"]] if f.get("value_kind") else None
        change = spans["percentages"][f["change"]] if f.get("change") is not None else None
        out.append((value, change))
    return out


def _same_place(gold: dict | None, pred: dict | None) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold.get("kb_id") or pred.get("kb_id"):
        return gold.get("kb_id") == pred.get("kb_id")
    return fold(str(gold.get("name", ""))) == fold(str(pred.get("name", "")))  # Camaçari


def _metric_words(metric: str | None) -> set[str]:
    """A metric's content words, without the punctuation that clings to them
    ("imports'", "roads,", "China's" -> imports, roads, china)."""
    clinging = ".,;:!?\"'()[]\u2019\u201c\u201d"
    words = (w.strip(clinging) for w in str(metric or "").casefold().split())
    words = (w[:-2] if w.endswith(("'s", "\u2019s")) else w for w in words)
    return {w for w in words if w} - FUNCTION_WORDS


def fact_field_right(name: str, g: dict, p: dict) -> bool:
    if name == "metric":
        if g.get("metric_id"):
            return g["metric_id"] == p.get("metric_id")
        gw = _metric_words(g.get("metric"))
        pw = _metric_words(p.get("metric"))
        return bool(gw & pw) or not gw
    if name in ("location", "partner"):
        return _same_place(g.get(name), p.get(name))
    if name == "period":
        # periods compare by their dates, never by their labels: a period the
        # gold cannot put on the calendar ("each year") has the dates of none
        def dates(period: dict | None) -> tuple:
            return (None, None) if period is None else (period.get("start"), period.get("end"))
        return dates(g.get("period")) == dates(p.get("period"))
    return g.get(name) == p.get(name)


def _score_facts(gold: dict, record: dict, gspans: dict[str, list[tuple[int, int] | None]],
                 scores: dict[str, PRFScore], fields: dict[str, list[int]]) -> Match:
    """Facts pair up when their value and change mentions overlap (or both are
    absent); a pair is right (``facts.strict``) when metric, location and period
    agree too. The other fields are counted per field over the pairs."""
    pspans = {k: [(m["start"], m["end"]) for m in record[k]] for k in KINDS}
    gfacts, pfacts = gold["facts"], [dict(f) for f in record["facts"]]
    for f in pfacts:  # places by identity, as gold gives them
        for key in ("location", "partner"):
            if f.get(key) is not None:
                ent = record["entities"][f[key]]
                f[key] = {"kb_id": ent.get("kb_id"), "name": ent.get("name")}
    gkeys = _fact_spans(gfacts, gold, gspans)
    pkeys = _fact_spans(pfacts, record, pspans)

    def same(a: tuple | None, b: tuple | None) -> bool:
        return (a is None and b is None) or (a is not None and b is not None and _overlap(a, b))

    result = Match()
    used: set[int] = set()
    for g, gk in zip(gfacts, gkeys, strict=True):
        hit = next((k for k, pk in enumerate(pkeys) if k not in used
                    and same(gk[0], pk[0]) and same(gk[1], pk[1])), None)
        if hit is None:
            result.fn.append(g)
            continue
        used.add(hit)
        p = pfacts[hit]
        result.tp.append((g, p))
        right = {name: fact_field_right(name, g, p) for name in FACT_FIELDS}
        for name, ok in right.items():
            fields[name][0] += ok
            fields[name][1] += 1
        if right["metric"] and right["location"] and right["period"]:
            scores["facts.strict"].tp += 1
        else:
            scores["facts.strict"].fp += 1
            scores["facts.strict"].fn += 1
    result.fp = [p for k, p in enumerate(pfacts) if k not in used]
    for key in ("facts.pairs", "facts.strict"):
        scores[key].fn += len(result.fn)
        scores[key].fp += len(result.fp)
    scores["facts.pairs"].tp += len(result.tp)
    return result


def _score_conversions(gold: dict, record: dict, spans: list[tuple[int, int] | None],
                       score: PRFScore) -> None:
    """``spans``: the gold money mentions' offsets (:func:`locate`)."""
    predicted = list(record["conversions"])
    for conv in gold.get("conversions", []):
        a, b = spans[conv["from"]], spans[conv["to"]]
        hit = None
        for k, pc in enumerate(predicted):
            pa = record["money"][pc["from"]]
            pb = record["money"][pc["to"]]
            if (a and b and _overlap(a, (pa["start"], pa["end"]))
                    and _overlap(b, (pb["start"], pb["end"])) and _close(conv["rate"], pc["rate"])):
                hit = k
                break
        if hit is None:
            score.fn += 1
        else:
            score.tp += 1
            predicted.pop(hit)
    score.fp += len(predicted)


def _score_header(gold: dict, record: dict, header: dict[str, list[int]]) -> None:
    for key in ("published", "headline"):
        header[key][1] += 1
        header[key][0] += gold.get(key) == record.get(key)
    gd, pd = gold.get("dateline") or {}, record.get("dateline") or {}
    for key in ("place", "date", "agency"):
        header[f"dateline.{key}"][1] += 1
        header[f"dateline.{key}"][0] += gd.get(key) == pd.get(key)
