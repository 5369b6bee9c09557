"""Running a batch on a Dask distributed cluster: ``extract DIR -o out.jsonl --engine dask``.

The articles are cut into partitions; each partition is one task, run by
:func:`extractor.batch.run_chunk` on a worker, which loads the pipeline once
(per worker thread) and keeps it. Results come back to this process in input
order, a bounded number of partitions in flight, and are written through the
same :class:`extractor.batch.JsonlOutput` as a local run: the same records,
``.part`` file, ``--resume`` and error records.

Workers read the articles themselves: local paths are sent as absolute paths
(so the workers must see the same files, on this machine or a shared
filesystem), URLs (``s3://...``) as they are, read through fsspec.
Dask is an optional extra: ``pip install 'wire-extractor[dask]'``.
"""

from __future__ import annotations

import logging
import os
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace

from .batch import (
    Article,
    BatchError,
    Engine,
    Result,
    chunked,
    is_url,
    run_chunk,
)
from .reader import DEFAULT_MAX_BYTES

#: articles per task; larger than a local chunk, since a task costs more here
PARTITION_SIZE = 32
#: partitions in flight per worker thread
IN_FLIGHT_PER_THREAD = 2
INSTALL_HINT = "the dask engine needs dask and distributed: pip install 'wire-extractor[dask]'"


class DaskEngine:
    """A batch engine on a Dask cluster: ``with DaskEngine(...) as engine: run_batch(..., engine)``.

    ``scheduler`` is the address of a running cluster (``tcp://HOST:PORT``);
    without one a ``LocalCluster`` of ``workers`` single-threaded processes is
    started on the loopback interface for the run. Entering connects (so a
    wrong address fails before any output is opened); leaving disconnects and
    stops a local cluster.
    """

    def __init__(self, scheduler: str | None = None, *, workers: int = 2,
                 rates_file: str | os.PathLike | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES, partition_size: int = PARTITION_SIZE,
                 timeout: str = "20s") -> None:
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise BatchError(INSTALL_HINT) from None
        self.scheduler = scheduler
        self.workers = workers
        self.rates_file = str(rates_file) if rates_file else None
        self.max_bytes = max_bytes
        self.partition_size = partition_size
        self.timeout = timeout
        self.cluster = None
        self.client = None

    def __enter__(self) -> Engine:
        from distributed import Client, LocalCluster

        try:
            if self.scheduler is None:
                self.cluster = LocalCluster(
                    n_workers=max(self.workers, 1), threads_per_worker=1, processes=True,
                    host="127.0.0.1", dashboard_address=None, silence_logs=logging.ERROR,
                )
                self.client = Client(self.cluster)
            else:
                self.client = Client(self.scheduler, timeout=self.timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            self.__exit__()
            where = self.scheduler or "a local cluster"
            raise BatchError(f"cannot reach the Dask scheduler at {where}: {exc}") from None
        return self.run

    def run(self, articles: Iterable[Article]) -> Iterator[Result]:
        return run_on(self.client, articles, rates_file=self.rates_file,
                      max_bytes=self.max_bytes, partition_size=self.partition_size)

    def __exit__(self, *exc_info) -> None:
        for thing in (self.client, self.cluster):
            if thing is not None:
                thing.close()
        self.client = self.cluster = None


def run_on(client, articles: Iterable[Article], *, rates_file: str | None = None,
           max_bytes: int = DEFAULT_MAX_BYTES,
           partition_size: int = PARTITION_SIZE) -> Iterator[Result]:
    """Results of ``articles`` in input order, computed by the workers of ``client``."""
    threads = sum(client.nthreads().values()) or 1
    window = max(2, threads * IN_FLIGHT_PER_THREAD)
    pending: deque = deque()

    def collect():
        try:
            return pending.popleft().result()
        except BatchError:
            raise
        except Exception as exc:  # noqa: BLE001 - KilledWorker, CancelledError, comm errors
            raise BatchError(f"the Dask cluster failed: {type(exc).__name__}: {exc}") from None

    try:
        for partition in chunked(map(_absolute, articles), partition_size):
            pending.append(client.submit(run_chunk, partition, rates_file, max_bytes, pure=False))
            if len(pending) >= window:
                yield from collect()
        while pending:
            yield from collect()
    finally:
        for future in pending:
            future.cancel()


def _absolute(article: Article) -> Article:
    if article.error or is_url(article.source):
        return article
    return replace(article, location=os.path.abspath(article.source))
