"""Batch mode as a real process: a pipe closed early, a full disk, kill -9 and --resume, a tty."""

from __future__ import annotations

import json
import os
import pty
import resource
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

EXTRACT = [sys.executable, "-m", "extractor.cli"]


def _ids(path: Path) -> list[str]:
    return [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_stdout_closed_early_exits_quietly(make_folder) -> None:
    folder = make_folder(30)
    with subprocess.Popen([*EXTRACT, str(folder), "--workers", "2"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        first = proc.stdout.readline()  # like `extract DIR | head -1`
        proc.stdout.close()
        stderr = proc.stderr.read().decode()
        proc.wait(timeout=60)
    assert json.loads(first)["id"] == "art-000"
    assert proc.returncode != 0
    assert stderr == ""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_on_a_full_disk_is_one_error_line(make_folder) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run([*EXTRACT, str(make_folder(2)), "--workers", "1"],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 3
    assert proc.stderr.splitlines() == [
        "Error: cannot write standard output: no space left on device"]


def _limit_file_size(limit: int):
    def apply() -> None:  # in the child: writes past `limit` bytes fail (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_full_disk_keeps_the_part_and_resume_finishes(make_folder, tmp_path: Path) -> None:
    folder = make_folder(12)
    out = tmp_path / "out.jsonl"
    part = Path(f"{out}.part")
    proc = subprocess.run([*EXTRACT, str(folder), "-o", str(out), "--workers", "1"],
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=_limit_file_size(20_000))
    assert proc.returncode == 3, proc.stderr
    (line,) = proc.stderr.splitlines()
    assert line.startswith(f"Error: cannot write {part}: file too large")
    assert "--resume" in line and "Traceback" not in proc.stderr
    assert not out.exists(), "a partial output must not get the final name"
    assert 0 < part.stat().st_size <= 20_000
    proc = subprocess.run([*EXTRACT, str(folder), "-o", str(out), "--workers", "1", "--resume"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert sorted(_ids(out)) == [f"art-{i:03d}" for i in range(12)]
    assert not part.exists()


def test_kill_9_then_resume_gives_every_article_exactly_once(make_folder, tmp_path: Path) -> None:
    folder = make_folder(200, length=3)  # so the batch cannot finish before the signal
    out = tmp_path / "out.jsonl"
    part = Path(f"{out}.part")
    command = [*EXTRACT, str(folder), "-o", str(out), "--workers", "1", "--quiet"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (part.exists() and part.read_bytes().count(b"\n") >= 2):
        assert proc.poll() is None and time.monotonic() < deadline, "no record appeared"
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not out.exists()
    done = _ids(part)
    assert 2 <= len(done) < 200, "the batch must be killed in the middle"
    with part.open("a", encoding="utf-8") as handle:  # as if killed in the middle of a line
        handle.write('{"id": "art-199", "source": "x", "money": [{"text": "3 bil')
    proc = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=180)
    assert proc.returncode == 0, proc.stderr
    ids = _ids(out)
    assert sorted(ids) == [f"art-{i:03d}" for i in range(200)]
    assert ids[:len(done)] == done


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_stops_cleanly_and_keeps_the_part(make_folder, tmp_path: Path, signum) -> None:
    folder = make_folder(200, length=3)  # so the batch cannot finish before the signal
    out = tmp_path / "out.jsonl"
    part = Path(f"{out}.part")
    proc = subprocess.Popen([*EXTRACT, str(folder), "-o", str(out), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not (part.exists() and part.stat().st_size > 0):
        assert proc.poll() is None and time.monotonic() < deadline, "no record appeared"
        time.sleep(0.01)
    proc.send_signal(signum)
    stderr = proc.communicate(timeout=60)[1]
    assert proc.returncode == 130
    assert "Traceback" not in stderr
    assert stderr.splitlines()[-1] == (
        f"interrupted (the output so far is kept in {part}: run again with --resume to finish it)")
    assert part.exists() and not out.exists()


def test_progress_bar_on_a_terminal_only(make_folder) -> None:
    folder = make_folder(6)
    leader, follower = pty.openpty()
    with subprocess.Popen([*EXTRACT, str(folder), "--workers", "1"],
                          stdout=subprocess.DEVNULL, stderr=follower,
                          env={**os.environ, "COLUMNS": "120", "TERM": "xterm"}) as proc:
        os.close(follower)
        screen = b""
        while select.select([leader], [], [], 60)[0]:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            screen += chunk
        proc.wait(timeout=60)
    os.close(leader)
    text = screen.decode(errors="replace")
    assert proc.returncode == 0
    assert "extracting" in text and "articles/s" in text and "/6" in text
    assert "done 6, failed 0 in " in text
    piped = subprocess.run([*EXTRACT, str(folder), "--workers", "1"],
                           capture_output=True, text=True, timeout=120)
    assert piped.stderr.startswith("done 6, failed 0 in ")
    assert "articles/s" not in piped.stderr and "\x1b" not in piped.stderr


def test_dask_engine_without_dask_says_what_to_install(make_folder) -> None:
    code = ("import sys; sys.modules['distributed'] = None; from extractor.cli import main; "
            "main()")
    proc = subprocess.run([sys.executable, "-c", code, str(make_folder(1)), "--engine", "dask"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line.startswith("Error: ") and "[dask]" in line and "install" in line


def _spawned_workers(parent: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        try:
            status = (entry / "status").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = next(line.split()[1] for line in status.splitlines() if line.startswith("PPid:"))
        if int(ppid) == parent and b"multiprocessing.spawn" in cmdline:
            found.append(int(entry.name))
    return found


def _gone(pid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return True
        if "\nState:\tZ" in state:  # ended, not yet reaped by its new parent
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_a_killed_worker_stops_the_batch_with_status_3_and_resume_finishes(
    make_folder, tmp_path: Path,
) -> None:
    # enough articles that the batch cannot finish between the first record and the
    # kill (40 short ones could: a faster pipeline made this test flaky)
    folder = make_folder(200, length=3)
    out = tmp_path / "out.jsonl"
    part = Path(f"{out}.part")
    command = [*EXTRACT, str(folder), "-o", str(out), "--workers", "2"]
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          text=True) as proc:
        deadline = time.monotonic() + 120
        while not (part.exists() and part.stat().st_size > 0):
            assert proc.poll() is None and time.monotonic() < deadline, "no record appeared"
            time.sleep(0.01)
        workers = _spawned_workers(proc.pid)
        assert len(workers) == 2
        os.kill(workers[0], signal.SIGKILL)
        stderr = proc.communicate(timeout=120)[1]
    assert proc.returncode == 3, stderr
    (line,) = stderr.splitlines()
    assert line.startswith("Error: a worker process died") and "--resume" in line
    assert not out.exists() and part.exists()
    assert _gone(workers[1], within=10), "the other worker must stop too"
    proc = subprocess.run([*command[:-1], "1", "--resume"], capture_output=True, text=True,
                          timeout=180)
    assert proc.returncode == 0, proc.stderr
    assert sorted(_ids(out)) == [f"art-{i:03d}" for i in range(200)]
