"""The Dask engine on a loopback LocalCluster: exactly the records of a local run."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.batch import BatchError, discover, run_local

distributed = pytest.importorskip("distributed")

from extractor.dask_engine import DaskEngine, run_on  # noqa: E402

EXTRACT = [sys.executable, "-m", "extractor.cli"]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  silence_logs=logging.ERROR) as local_cluster:
        yield local_cluster


@pytest.fixture
def mixed_folder(make_folder) -> Path:
    folder = make_folder(25)
    nested = make_folder(3, name="in/nested")
    (nested / "art-000.txt").write_bytes(b"")  # an error record, id nested/art-000
    return folder


def test_dask_cli_run_writes_exactly_the_local_records(cluster, mixed_folder: Path,
                                                       tmp_path: Path) -> None:
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    runs = [
        subprocess.run([*EXTRACT, str(mixed_folder), "-o", str(out), *extra],
                       capture_output=True, text=True, timeout=300)
        for out, extra in [
            (local, ["--workers", "1"]),
            (remote, ["--engine", "dask", "--scheduler", cluster.scheduler_address]),
        ]
    ]
    for proc in runs:
        assert proc.returncode == 2, proc.stderr  # the empty file
        assert proc.stderr.startswith("done 27, failed 1 in ")
        assert "Traceback" not in proc.stderr
    assert remote.read_bytes() == local.read_bytes()
    assert len(local.read_text(encoding="utf-8").splitlines()) == 28


def test_run_on_keeps_the_input_order_across_partitions(cluster, make_folder) -> None:
    articles = list(discover([str(make_folder(30))]))
    with distributed.Client(cluster) as client:
        remote = [r.line for r in run_on(client, articles, partition_size=4)]
    assert remote == [r.line for r in run_local(articles, workers=1)]


def test_workers_read_fsspec_urls(cluster, make_folder) -> None:
    folder = make_folder(4).resolve()
    url = folder.as_uri()  # file:///...
    articles = list(discover([url]))
    assert [a.id for a in articles] == [f"art-{i:03d}" for i in range(4)]
    assert articles[0].source == f"{url}/art-000.txt"
    with distributed.Client(cluster) as client:
        results = list(run_on(client, articles))
    assert all(r.error is None for r in results)
    plain = run_local(discover([str(folder)]), workers=1)
    assert [r.line.replace(str(folder), url) for r in plain] == [r.line for r in results]


def test_an_unreachable_scheduler_is_a_batch_error() -> None:
    with pytest.raises(BatchError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        with DaskEngine("tcp://127.0.0.1:9", timeout="1s"):
            pass
