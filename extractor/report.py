"""Printing an evaluation report as rich tables on the terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .evaluate import FACT_FIELDS, Report, fact_field_right


def print_report(report: Report, misses: bool = True, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(title=f"Evaluation over {len(report.articles)} articles")
    for col in ("type", "level", "P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(col, justify="right" if col not in ("type", "level") else "left")
    for key, s in report.scores.items():
        kind, _, level = key.partition(".")
        # nothing in the gold and nothing found: no score, rather than 0.000
        scores = ("-", "-", "-") if s.tp + s.fp + s.fn == 0 else (
            f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.fscore:.3f}")
        table.add_row(kind, level or "-", *scores, str(s.tp), str(s.fp), str(s.fn))
    console.print(table)
    head = Table(title="Header and dateline")
    head.add_column("field")
    head.add_column("right", justify="right")
    for key, (right, total) in report.header.items():
        head.add_row(key, f"{right}/{total}")
    console.print(head)
    if not misses:
        return
    for article in report.articles:
        lines = []
        for kind, m in article.matches.items():
            if kind == "entities" and not any(m.tp) and not m.fp:
                continue  # nothing predicted for entities yet: listing every gold one is noise
            for g in m.fn:
                lines.append(f"  [red]miss[/red] {kind}: {_describe(g)}")
            for p in m.fp:
                lines.append(f"  [yellow]false[/yellow] {kind}: {_describe(p)}")
            if kind == "facts":
                for g, p in m.tp:
                    wrong = [f"{name} {_field(g, name)} -> {_field(p, name)}"
                             for name in FACT_FIELDS if not fact_field_right(name, g, p)]
                    if wrong:
                        lines.append(f"  [magenta]wrong[/magenta] facts: {_describe(g)}: "
                                     + "; ".join(wrong))
        if lines:
            console.print(f"[bold]{article.id}[/bold]")
            for line in lines:
                console.print(line, highlight=False)


def _describe(m: dict) -> str:
    """A mention by its text; a fact (which has none) by its metric and period."""
    if "text" in m:
        return f"{m['text']!r} {_values(m)}"
    return f"{m.get('metric')!r} {_values(m)}"


def _field(fact: dict, name: str) -> str:
    value = fact.get(name)
    if isinstance(value, dict):
        value = value.get("label") or value.get("name") or value.get("kb_id")
    return repr(value)


def _values(m: dict) -> str:
    keys = ("amount", "amount_max", "currency", "value", "value_max", "unit", "label", "kb_id",
            "metric_id", "value_kind", "change")
    return " ".join(f"{k}={m[k]}" for k in keys if m.get(k) is not None)
