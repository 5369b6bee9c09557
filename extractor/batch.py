"""Batch extraction: folders of articles -> one JSON line per article.

The pieces, each usable on its own:

* :func:`discover` walks folders (and takes files) in a stable order and yields
  :class:`Article` s: an ``id`` (the path relative to the folder given, without
  its suffix, ``/``-separated) and a ``source`` (the path to read).
* :func:`run_local` runs the pipeline over articles, in this process
  (``workers=1``) or in a pool of worker processes that each load the pipeline
  once, and yields one :class:`Result` per article in input order, with a
  bounded number of articles in flight.
* :class:`JsonlOutput` writes the lines to standard output, or to ``FILE.part``
  renamed to ``FILE`` when the batch is complete; with ``resume=True`` it keeps
  the records of an earlier, interrupted run and reports their ids as done.
* :func:`run_batch` ties them together and returns a :class:`Summary`.

An article that cannot be read or processed becomes an error record
``{"id", "source", "error"}`` and the batch goes on.
"""

from __future__ import annotations

import errno
import fnmatch
import json
import os
import posixpath
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import IO, Protocol

from .errors import ExtractorError, InputError
from .reader import DEFAULT_MAX_BYTES, Decoded, decode, read_bytes, read_file

DEFAULT_GLOB = "*.txt"
#: articles handed to a worker at a time: one batch of the pipeline
#: (:data:`extractor.components.batched.BATCH_SIZE`, not imported here: it
#: would load spaCy in the parent process)
CHUNK_SIZE = 16
#: chunks in flight per worker: enough to keep every worker busy, few enough
#: that memory does not grow with the size of the batch
IN_FLIGHT_PER_WORKER = 3
#: failed files named in the summary (the output has every error record)
MAX_LISTED_FAILURES = 20


class BatchError(ExtractorError):
    """The batch cannot go on: no article found, a worker died, a cluster is unreachable."""


class OutputError(BatchError):
    """The output cannot be written (disk full, no such folder, ...)."""


@dataclass(frozen=True)
class Article:
    id: str
    source: str
    #: set when the article is known to be unreadable before reading it
    error: str | None = None
    #: where to read it when that differs from ``source`` (an absolute path for
    #: a cluster whose workers run in another folder)
    location: str | None = None


@dataclass(frozen=True)
class Result:
    id: str
    source: str
    #: the JSON line (no newline): a record, or an error record
    line: str
    error: str | None = None


def error_result(article: Article, message: str) -> Result:
    line = json.dumps({"id": article.id, "source": article.source, "error": message},
                      ensure_ascii=False, separators=(",", ":"))
    return Result(article.id, article.source, line, message)


# ------------------------------------------------------------------ discovery
def is_url(path: str) -> bool:
    return "://" in path


def article_id(relative: str) -> str:
    """``2024/jan/trade.txt`` -> ``2024/jan/trade``."""
    return posixpath.splitext(relative.replace(os.sep, "/"))[0]


def discover(roots: Iterable[str], glob: str = DEFAULT_GLOB,
             exclude: Iterable[str] = ()) -> Iterator[Article]:
    """Articles under ``roots`` (folders, searched recursively, or files), in a stable order.

    ``glob`` is matched against a file's name, or, when it contains a ``/``,
    against its path relative to the folder (``*`` then also matches ``/``).
    A file given directly is always taken. Symbolic links to folders are
    followed, each folder read once (no loop); a broken link, a link loop or
    a file that is not a regular file becomes an article with an ``error``.
    Two files with the same id: the second becomes an error (its id is then
    its path, which is unique); the same file given twice is taken once.
    """
    excluded = {os.path.abspath(p) for p in exclude}
    first_source: dict[str, str] = {}
    for root in roots:
        if is_url(root):
            found = _discover_url(root, glob)
        elif os.path.isdir(root):
            found = _walk(root, glob, excluded)
        else:
            found = iter([Article(article_id(os.path.basename(root)), root)])
        for article in found:
            earlier = first_source.get(article.id)
            if earlier == article.source:
                continue
            if earlier is not None:
                article = Article(article.source, article.source,
                                  f"its id {article.id!r} is already used by {earlier}")
            first_source.setdefault(article.id, article.source)
            yield article


def _matcher(glob: str) -> Callable[[str, str], bool]:
    if "/" in glob:
        return lambda name, relative: fnmatch.fnmatchcase(relative, glob)
    return lambda name, relative: fnmatch.fnmatchcase(name, glob)


def _walk(root: str, glob: str, excluded: set[str]) -> Iterator[Article]:
    """Depth first, entries sorted by name; iterative, so deep trees cannot overflow the stack."""
    matches = _matcher(glob)
    visited: set[tuple[int, int]] = set()
    stack: list[Iterator[tuple[str, str, os.DirEntry | None]]] = [iter([(root, "", None)])]
    while stack:
        item = next(stack[-1], None)
        if item is None:
            stack.pop()
            continue
        path, relative, entry = item
        if entry is None or _is_dir(entry):
            listing = _list_dir(path, relative, visited)
            if isinstance(listing, Article):
                yield listing
            elif listing is not None:
                stack.append(iter(listing))
            continue
        if not matches(entry.name, relative) or os.path.abspath(path) in excluded:
            continue
        problem = None if _is_file(entry) else _not_a_file(path)
        yield Article(article_id(relative), path, problem)


def _list_dir(path: str, relative: str, visited: set[tuple[int, int]]
              ) -> list[tuple[str, str, os.DirEntry]] | Article | None:
    try:
        stat = os.stat(path)
        key = (stat.st_dev, stat.st_ino)
        if key in visited:  # a link loop, or a second link to a folder already read
            return None
        visited.add(key)
        with os.scandir(path) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        return Article(relative or article_id(os.path.basename(path)), path,
                       f"the folder cannot be read: {_reason(exc)}")
    prefix = f"{relative}/" if relative else ""
    return [(e.path, prefix + e.name, e) for e in entries]


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _is_file(entry: os.DirEntry) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _not_a_file(path: str) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop"
        if os.path.islink(path):
            return f"a broken symbolic link (to {os.readlink(path)})"
        return _reason(exc)
    return "not a regular file"


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror.lower() if exc.strerror else str(exc)


def _url_fs(url: str):
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise InputError(url, "reading URLs needs fsspec: pip install 'wire-extractor[dask]'"
                         ) from None
    try:
        return url_to_fs(url)
    except (ImportError, ValueError) as exc:  # no such protocol, or its package is missing
        raise InputError(url, str(exc)) from None


def _discover_url(root: str, glob: str) -> Iterator[Article]:
    try:
        fs, base = _url_fs(root)
        if not fs.isdir(base):
            yield Article(article_id(posixpath.basename(base)), root)
            return
        found = sorted(fs.find(base))
    except InputError as exc:
        yield Article(article_id(posixpath.basename(root.rstrip("/"))), root, exc.reason)
        return
    except OSError as exc:
        yield Article(article_id(posixpath.basename(root.rstrip("/"))), root, _reason(exc))
        return
    matches = _matcher(glob)
    prefix = base.rstrip("/") + "/"
    for path in found:
        relative = path[len(prefix):] if path.startswith(prefix) else posixpath.basename(path)
        if matches(posixpath.basename(path), relative):
            yield Article(article_id(relative), fs.unstrip_protocol(path))


# ------------------------------------------------------------------ one article
def read_article(source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """A local path through :func:`extractor.reader.read_file`; a URL through fsspec."""
    if not is_url(source):
        return read_file(source, max_bytes=max_bytes)
    fs, path = _url_fs(source)
    return decode(read_bytes(source, lambda: fs.open(path, "rb"), max_bytes), source)


def process_many(extractor, articles: Sequence[Article], max_bytes: int = DEFAULT_MAX_BYTES
                 ) -> list[Result]:
    """Articles -> their record lines or error records, in their order: each
    file is read, then those read go through the pipeline together
    (:meth:`extractor.pipeline.Extractor.extract_many`). Never raises for a
    bad article."""
    from .pipeline import ArticleText

    results: list[Result | None] = [None] * len(articles)
    readable: list[tuple[int, ArticleText]] = []
    for k, article in enumerate(articles):
        if article.error:
            results[k] = error_result(article, article.error)
            continue
        try:
            decoded = read_article(article.location or article.source, max_bytes)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            results[k] = _failed(article, exc)
            continue
        readable.append((k, ArticleText(decoded.text, article.id, article.source,
                                        decoded.warnings)))
    outcomes = extractor.extract_many(text for _, text in readable)
    for (k, _), outcome in zip(readable, outcomes, strict=True):
        article = articles[k]
        if isinstance(outcome, Exception):
            results[k] = _failed(article, outcome)
            continue
        try:
            results[k] = Result(article.id, article.source, outcome.to_json())
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            results[k] = _failed(article, exc)
    return results  # type: ignore[return-value]  (every place is filled)


def _failed(article: Article, exc: Exception) -> Result:
    if isinstance(exc, InputError):
        return error_result(article, exc.reason)
    return error_result(article, f"extraction failed: {type(exc).__name__}: {exc}")


# ------------------------------------------------------------------ workers
_local = threading.local()


def cached_extractor(rates_file: str | None):
    """The pipeline of this process (or thread), loaded on first use and then reused."""
    cached = getattr(_local, "extractor", None)
    if cached is None or cached[0] != rates_file:
        from .pipeline import Extractor

        cached = (rates_file, Extractor(rates_file=rates_file))
        _local.extractor = cached
    return cached[1]


def run_chunk(chunk: Sequence[Article], rates_file: str | None, max_bytes: int) -> list[Result]:
    """A worker's task: a few articles through this worker's pipeline."""
    try:
        extractor = cached_extractor(rates_file)
    except ExtractorError as exc:
        raise BatchError(str(exc)) from None
    return process_many(extractor, chunk, max_bytes)


def _init_worker() -> None:
    # Ctrl-C goes to the whole process group: the parent alone decides what to do.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed outright (kill -9) cannot stop its workers: they stop themselves.
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_exit_with, args=(parent.sentinel,), daemon=True).start()


def _exit_with(sentinel: int) -> None:
    from multiprocessing.connection import wait

    wait([sentinel])
    os._exit(1)


def chunked(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run_local(articles: Iterable[Article], *, workers: int = 1, rates_file: str | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, chunk_size: int = CHUNK_SIZE
              ) -> Iterator[Result]:
    """Results in input order; ``workers > 1`` uses a pool of spawned processes.

    No more worker processes are started than there are chunks of articles;
    at most ``IN_FLIGHT_PER_WORKER`` chunks per worker are queued at a time.
    """
    chunks = chunked(articles, chunk_size)
    head = list(islice(chunks, max(workers, 1)))
    workers = min(workers, len(head))
    if workers <= 1:
        for chunk in chain(head, chunks):
            yield from run_chunk(chunk, rates_file, max_bytes)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker)
    pending: deque = deque()
    try:
        for chunk in chain(head, chunks):
            pending.append(pool.submit(run_chunk, chunk, rates_file, max_bytes))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    except BrokenProcessPool:
        raise BatchError("a worker process died (killed, or out of memory?)") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ------------------------------------------------------------------ output
class JsonlOutput:
    """Standard output (``path=None``), or ``path`` written as ``path.part`` and renamed when done.

    Use as a context manager and call :meth:`commit` when the batch is complete;
    leaving the block without it keeps ``path.part`` (removed if empty) for
    ``resume``. With ``resume=True`` the records of ``path.part`` (or of
    ``path``, a finished run) are kept and their ids put in :attr:`done_ids`;
    error records, unreadable lines and a torn last line are dropped, so those
    articles are done again and every article ends up in the output once.
    """

    def __init__(self, path: str | None = None, *, resume: bool = False,
                 stream: IO[str] | None = None) -> None:
        if resume and path is None:
            raise OutputError("--resume needs an output file (-o FILE)")
        self.path = path
        self.part = f"{path}.part" if path else None
        self.resume = resume
        self.done_ids: set[str] = set()
        self.dropped = 0  # unreadable lines and duplicate ids dropped on resume
        self.retried = 0  # error records dropped on resume, to be done again
        self.written = 0
        self._stream = stream
        self._handle: IO[str] | None = None

    @property
    def name(self) -> str:
        return self.path or "standard output"

    def __enter__(self) -> JsonlOutput:
        if self.path is None:
            import sys

            self._handle = self._stream or sys.stdout
            return self
        assert self.part is not None
        folder = os.path.dirname(os.path.abspath(self.path))
        if not os.path.isdir(folder):
            raise OutputError(f"cannot write {self.path}: no such folder {folder}")
        if os.path.isdir(self.path):
            raise OutputError(f"cannot write {self.path}: it is a folder")
        try:
            if self.resume:
                self._carry_over()
                self._handle = open(self.part, "a", encoding="utf-8", newline="\n")
            else:
                self._handle = open(self.part, "x", encoding="utf-8", newline="\n")
        except FileExistsError:
            raise OutputError(
                f"{self.part} is left from an interrupted run: add --resume to finish it, "
                "or delete it") from None
        except OSError as exc:
            raise OutputError(f"cannot write {self.part}: {_reason(exc)}") from None
        return self

    def _carry_over(self) -> None:
        """Copy the complete records of the earlier run to a fresh ``.part``."""
        assert self.part is not None and self.path is not None
        source = self.part if os.path.exists(self.part) else self.path
        if not os.path.exists(source):
            return
        fresh = f"{self.part}.new"
        with open(source, "rb") as old, open(fresh, "wb") as new:
            for raw in old:
                kept = self._keep(raw)
                if kept:
                    new.write(raw)
            new.flush()
            os.fsync(new.fileno())
        os.replace(fresh, self.part)

    def _keep(self, raw: bytes) -> bool:
        if not raw.endswith(b"\n"):  # torn by a kill in the middle of a write
            self.dropped += 1
            return False
        try:
            record = json.loads(raw)
            record_id = record["id"]
        except (ValueError, TypeError, KeyError):
            self.dropped += 1
            return False
        if not isinstance(record_id, str) or record_id in self.done_ids:
            self.dropped += 1
            return False
        if "error" in record:
            self.retried += 1
            return False
        self.done_ids.add(record_id)
        return True

    def write(self, line: str) -> None:
        assert self._handle is not None
        try:
            self._handle.write(line + "\n")
            self._handle.flush()  # a kill loses at most the line being written
        except BrokenPipeError:
            raise
        except OSError as exc:
            if self.path is None:
                _discard_buffered(self._handle)
            raise OutputError(f"cannot write {self.part or self.name}: {_reason(exc)}") from None
        self.written += 1

    def commit(self) -> None:
        """The batch is complete: make ``path`` appear, whole, under its final name."""
        if self.path is None or self._handle is None:
            return
        assert self.part is not None
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            self._handle = None
            os.replace(self.part, self.path)
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {_reason(exc)}") from None

    def __exit__(self, *exc_info) -> None:
        if self.path is None or self._handle is None:
            return
        assert self.part is not None
        try:
            self._handle.close()
        except OSError:
            pass  # the data that could not be written is not in the .part: resume redoes it
        self._handle = None
        try:
            if os.path.getsize(self.part) == 0:
                os.remove(self.part)
        except OSError:
            pass


def _discard_buffered(stream: IO[str]) -> None:
    """Point a failed standard output at /dev/null, so exiting does not try the write again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


# ------------------------------------------------------------------ the batch
Engine = Callable[[Iterable[Article]], Iterator[Result]]


class Progress(Protocol):
    def start(self, total: int) -> None: ...
    def advance(self, result: Result) -> None: ...
    def stop(self) -> None: ...


@dataclass
class Summary:
    done: int = 0
    failed: int = 0
    #: already in the output (``resume``)
    skipped: int = 0
    seconds: float = 0.0
    #: set when the first article is handed to the engine
    started: bool = False
    #: (source, error) of the first failures
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, result: Result) -> None:
        if result.error is None:
            self.done += 1
            return
        self.failed += 1
        if len(self.failures) < MAX_LISTED_FAILURES:
            self.failures.append((result.source, result.error))

    def lines(self) -> list[str]:
        text = f"done {self.done}, failed {self.failed} in {self.seconds:.1f} s"
        if self.skipped:
            text += f" ({self.skipped} already in the output)"
        lines = [text]
        lines += [f"failed: {source}: {error}" for source, error in self.failures]
        if self.failed > len(self.failures):
            lines.append(f"... and {self.failed - len(self.failures)} more (see the error records)")
        return lines


def run_batch(roots: Sequence[str], output: JsonlOutput, engine: Engine, *,
              glob: str = DEFAULT_GLOB, progress: Progress | None = None,
              summary: Summary | None = None, stop: threading.Event | None = None
              ) -> Summary:
    """Every article under ``roots`` not already in ``output``, through ``engine``, in order.

    ``output`` must be open (inside its ``with``). Pass ``summary`` to see the
    counts so far when the batch is interrupted. Once ``stop`` is set, the
    batch raises ``KeyboardInterrupt`` after the record it is writing (the
    output keeps every record written; the engine's workers are stopped).
    """
    summary = summary if summary is not None else Summary()
    started = time.perf_counter()
    exclude = [p for p in (output.path, output.part) if p]
    seen = 0

    def todo() -> Iterator[Article]:
        nonlocal seen
        for article in discover(roots, glob, exclude):
            seen += 1
            if article.id in output.done_ids:
                summary.skipped += 1
            else:
                yield article

    articles = todo()
    first = next(articles, None)
    if first is None and seen == 0:
        where = ", ".join(roots)
        raise BatchError(f"no article matches {glob!r} in {where}")
    if progress is not None:
        progress.start(sum(1 for a in discover(roots, glob, exclude)
                           if a.id not in output.done_ids))
    summary.started = True
    results = engine(chain([first] if first else [], articles))
    try:
        for result in results:
            output.write(result.line)
            summary.add(result)
            if progress is not None:
                progress.advance(result)
            if stop is not None and stop.is_set():
                raise KeyboardInterrupt
    finally:
        # Close now, not when the traceback is freed: it stops the worker processes.
        close = getattr(results, "close", None)
        if close is not None:
            close()
        summary.seconds = time.perf_counter() - started
        if progress is not None:
            progress.stop()
    output.commit()
    return summary


def local_engine(workers: int, rates_file: str | Path | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Engine:
    rates = str(rates_file) if rates_file else None
    return lambda articles: run_local(articles, workers=workers, rates_file=rates,
                                      max_bytes=max_bytes)
