"""The ``extract`` command: a thin layer over :class:`extractor.Extractor`.

Errors from the library become one line on standard error and exit status 2;
data goes to standard output, anything else to standard error.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import ExtractorError, InputError

EXIT_BAD_INPUT = 2

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False)


def _fail(message: str) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(EXIT_BAD_INPUT)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"extract {__version__}")
        raise typer.Exit()


def _stem(path: str) -> str:
    return "stdin" if path == "-" else Path(path).stem


@app.command(help="Extract money, percentages, quantities and conversions from news articles.")
def extract(
    paths: Annotated[
        list[str] | None,  # noqa: UP007 - typer needs Optional here
        typer.Argument(help="Article files to read; '-' reads standard input.", show_default=False),
    ] = None,
    pretty: Annotated[
        bool | None,  # noqa: UP007
        typer.Option("--pretty/--compact",
                     help="Indented JSON or one line per record [default: indented on a terminal]"),
    ] = None,
    schema: Annotated[bool, typer.Option("--schema", help="Print the record's JSON Schema.")] = False,
    rates: Annotated[
        Path | None,  # noqa: UP007
        typer.Option("--rates", help="A newer ECB eurofxref-hist.zip to convert with.",
                      exists=False, dir_okay=False),
    ] = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Refuse files larger than this.")
    ] = 20 * 1024 * 1024,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    from .records import json_schema

    indent = 2 if (pretty if pretty is not None else sys.stdout.isatty()) else None
    if schema:
        typer.echo(json.dumps(json_schema(), indent=2))
        return
    if not paths:
        _fail("no article given (a file path, or '-' for standard input)")
    from .pipeline import Extractor
    from .reader import decode, read_file

    try:
        extractor = Extractor(rates_file=rates)
    except ExtractorError as exc:
        _fail(str(exc))
    failed = 0
    for path in paths or []:
        try:
            if path == "-":
                decoded = decode(sys.stdin.buffer.read(), "<stdin>")
            else:
                decoded = read_file(path, max_bytes=max_bytes)
            record = extractor.extract(decoded.text, record_id=_stem(path),
                                       source="<stdin>" if path == "-" else path,
                                       warnings=decoded.warnings)
        except InputError as exc:
            typer.echo(f"Error: {exc}", err=True)
            failed += 1
            continue
        typer.echo(record.to_json(indent=indent))
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)


eval_app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)


@eval_app.command(help="Score the extractor against a golden corpus (articles/ and gold/).")
def evaluate_corpus(
    corpus: Annotated[Path, typer.Argument(help="The corpus folder.")] = Path("corpus"),
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    misses: Annotated[
        bool, typer.Option("--misses/--no-misses", help="List every miss and false hit.")
    ] = True,
) -> None:
    from .evaluate import evaluate
    from .report import print_report

    if not (corpus / "gold").is_dir() or not (corpus / "articles").is_dir():
        _fail(f"{corpus}: not a corpus folder (needs articles/ and gold/)")
    try:
        report = evaluate(corpus)
    except ExtractorError as exc:
        _fail(str(exc))
    if as_json:
        typer.echo(json.dumps(report.as_dict(), indent=2))
    else:
        print_report(report, misses=misses)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "eval":
        eval_app(args=sys.argv[2:], prog_name="extract eval")
    else:
        app(prog_name="extract")


if __name__ == "__main__":
    main()
