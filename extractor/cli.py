"""The ``extract`` command: a thin layer over :class:`extractor.Extractor`.

Errors from the library become one line on standard error and exit status 2;
data goes to standard output, anything else to standard error.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
from contextlib import contextmanager, nullcontext
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .errors import ExtractorError, InputError

EXIT_BAD_INPUT = 2
#: a batch stopped before its end (disk full, a worker died): the .part is kept
EXIT_INCOMPLETE = 3
EXIT_INTERRUPTED = 130


class Engine(str, Enum):
    local = "local"
    dask = "dask"

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
        typer.Argument(help="Article files or folders to read; '-' reads standard input.",
                       show_default=False),
    ] = None,
    output: Annotated[
        str | None,  # noqa: UP007
        typer.Option("-o", "--output", help="Batch mode: write JSON Lines to this file "
                     "(as FILE.part, renamed when complete).", show_default=False),
    ] = None,
    glob: Annotated[
        str, typer.Option("--glob", help="Batch mode: which files of a folder are articles.")
    ] = "*.txt",
    workers: Annotated[
        int | None,  # noqa: UP007
        typer.Option("--workers", "-w", min=1,
                     help="Batch mode: worker processes (default: the number of cores).",
                     show_default=False),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Batch mode: keep the records already in the "
                           "output (or its .part) and do only the other articles.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Batch mode: no progress bar, no summary.")
    ] = False,
    engine: Annotated[
        Engine, typer.Option("--engine", help="Batch mode: run in local processes or on a "
                             "Dask cluster (needs the [dask] extra).")
    ] = Engine.local,
    scheduler: Annotated[
        str | None,  # noqa: UP007
        typer.Option("--scheduler", help="The Dask scheduler, tcp://HOST:PORT "
                     "(default: start a local cluster).", show_default=False),
    ] = None,
    pretty: Annotated[
        bool | None,  # noqa: UP007
        typer.Option("--pretty/--compact",
                     help="Indented JSON or one line per record "
                     "(default: indented on a terminal)."),
    ] = None,
    schema: Annotated[
        bool, typer.Option("--schema", help="Print the record's JSON Schema.")
    ] = False,
    rates: Annotated[
        Path | None,  # noqa: UP007
        typer.Option("--rates", help="A newer ECB eurofxref-hist.zip to convert with.",
                      exists=False, dir_okay=False),
    ] = None,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Refuse files larger than this.")
    ] = 20 * 1024 * 1024,
    facts: Annotated[
        str | None,  # noqa: UP007
        typer.Option("--facts", help="Also write one CSV row per fact to this file "
                     "(written beside it and renamed when complete).", show_default=False),
    ] = None,
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
    if scheduler and engine is not Engine.dask:
        _fail("--scheduler needs --engine dask")
    if output is not None or resume or engine is Engine.dask or any(
        path != "-" and (os.path.isdir(path) or "://" in path) for path in paths
    ):
        if pretty:
            _fail("--pretty: batch mode writes JSON Lines, one record a line")
        _batch(paths, output=output, glob=glob, workers=workers or os.cpu_count() or 1,
               resume=resume, quiet=quiet, engine=engine, scheduler=scheduler,
               rates=rates, max_bytes=max_bytes, facts=facts)
        return
    from .pipeline import Extractor
    from .reader import decode, read_file

    try:
        extractor = Extractor(rates_file=rates)
    except ExtractorError as exc:
        _fail(str(exc))
    from .export import FactCsvFile

    failed = 0
    try:
        with FactCsvFile(facts) if facts else nullcontext() as table:
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
                if table is not None:
                    table.write(record)
    except ExtractorError as exc:
        _fail(str(exc))
    if failed:
        raise typer.Exit(EXIT_BAD_INPUT)


def _batch(paths: list[str], *, output: str | None, glob: str, workers: int, resume: bool,
           quiet: bool, engine: Engine, scheduler: str | None, rates: Path | None,
           max_bytes: int, facts: str | None = None) -> None:
    """Batch mode: every article of ``paths`` -> one JSON line each."""
    from . import batch

    if "-" in paths:
        _fail("'-' (standard input) cannot be read in batch mode (a folder, or -o)")
    if resume and output is None:
        _fail("--resume needs an output file (-o FILE)")
    if facts and output is None:
        _fail("--facts in batch mode needs the records in a file (-o FILE) to read them from")
    for path in paths:  # a mistyped folder stops here, not after a long batch
        if not batch.is_url(path) and not os.path.lexists(path):
            _fail(f"{path}: no such file or folder")
    if rates is not None:
        from .rates import EcbRates

        try:
            EcbRates(rates)  # fail here, once, rather than in every worker
        except ExtractorError as exc:
            _fail(str(exc))
    try:
        if engine is Engine.dask:
            from .dask_engine import DaskEngine

            engine_cm = DaskEngine(scheduler, workers=workers, rates_file=rates,
                                   max_bytes=max_bytes)
        else:
            engine_cm = nullcontext(batch.local_engine(workers, rates_file=rates,
                                                       max_bytes=max_bytes))
    except batch.BatchError as exc:
        _fail(str(exc))
    progress = None if quiet or not sys.stderr.isatty() else _progress_bar()
    summary = batch.Summary()
    out = batch.JsonlOutput(output, resume=resume)
    stop = threading.Event()

    def kept() -> str:
        if out.part is None or not os.path.exists(out.part):
            return ""
        return f" (the output so far is kept in {out.part}: run again with --resume to finish it)"

    say = (lambda line: None) if quiet else (lambda line: typer.echo(line, err=True))
    try:
        with _stop_on_signals(stop), engine_cm as run, out:
            batch.run_batch(paths, out, run, glob=glob, progress=progress, summary=summary,
                            stop=stop)
    except KeyboardInterrupt:
        for line in summary.lines():
            say(line)
        say(f"interrupted{kept()}")
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except batch.BatchError as exc:
        typer.echo(f"Error: {exc}{kept() if summary.started else ''}", err=True)
        raise typer.Exit(EXIT_INCOMPLETE if summary.started else EXIT_BAD_INPUT) from None
    if facts and output is not None:
        from .export import FactCsvFile

        try:  # from the complete output: a resumed batch's earlier records included
            with FactCsvFile(facts) as table, open(output, encoding="utf-8") as lines:
                table.write_lines(lines)
        except (ExtractorError, OSError) as exc:
            _fail(str(exc))
        say(f"facts: {table.rows} rows in {facts}")
    for line in summary.lines():
        say(line)
    if summary.failed:
        raise typer.Exit(EXIT_BAD_INPUT)


@contextmanager
def _stop_on_signals(stop: threading.Event):
    """Ctrl-C (SIGINT) and SIGTERM ask the batch to stop: the handler only
    sets ``stop``, and the batch raises ``KeyboardInterrupt`` between two
    articles (:func:`extractor.batch.run_batch`), its workers stopped and the
    .part kept. An exception raised by the handler itself could land while
    the batch holds a lock of the process pool's, which then never let go
    (the pool's shutdown waited for it forever). A second signal stops at
    once, as a plain Ctrl-C does."""
    def request_stop(signum, frame):
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = {}
    try:
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, request_stop)
    except ValueError:  # not the main thread: the signals are not ours to handle
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _progress_bar():
    """files done / total, articles per second, time left: on standard error."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class Rate(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text(f"{speed:,.1f} articles/s" if speed else "- articles/s")

    class Bar:
        def __init__(self) -> None:
            self.bar = Progress(
                TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), Rate(),
                TimeRemainingColumn(), console=Console(stderr=True), transient=True,
            )
            self.failed = 0

        def start(self, total: int) -> None:
            self.bar.start()
            self.task = self.bar.add_task("extracting", total=total)

        def advance(self, result) -> None:
            self.failed += result.error is not None
            label = f"extracting ({self.failed} failed)" if self.failed else "extracting"
            self.bar.update(self.task, advance=1, description=label)

        def stop(self) -> None:
            self.bar.stop()

    return Bar()


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
