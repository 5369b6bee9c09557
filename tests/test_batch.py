"""Batch mode in this process: discovery, error records, the .part output, resume, the CLI rules."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.batch import (
    Article,
    BatchError,
    JsonlOutput,
    OutputError,
    Result,
    discover,
    local_engine,
    run_batch,
    run_local,
)
from extractor.cli import app

runner = CliRunner()


def _touch(path: Path, text: str = "Exports rose 5 percent to 3 billion yuan.") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _ids(articles) -> list[str]:
    return [a.id for a in articles]


# ------------------------------------------------------------------ discovery
def test_discover_recursive_sorted_ids_relative_without_suffix(tmp_path: Path) -> None:
    for name in ["b/x.txt", "a/x.txt", "top.txt", "notes.md", "a/deep/y.txt", "a/z.TXT"]:
        _touch(tmp_path / name)
    found = list(discover([str(tmp_path)]))
    assert _ids(found) == ["a/deep/y", "a/x", "b/x", "top"]
    assert found[1].source == os.path.join(str(tmp_path), "a", "x.txt")
    assert all(a.error is None for a in found)
    # the order does not depend on the order files were created in
    assert _ids(discover([str(tmp_path)])) == _ids(found)


def test_glob_on_the_name_or_on_the_relative_path(tmp_path: Path) -> None:
    for name in ["a/x.txt", "a/notes.md", "b/y.md", "c.md"]:
        _touch(tmp_path / name)
    assert _ids(discover([str(tmp_path)], glob="*.md")) == ["a/notes", "b/y", "c"]
    assert _ids(discover([str(tmp_path)], glob="a/*")) == ["a/notes", "a/x"]


def test_a_file_given_directly_is_taken_with_its_stem(tmp_path: Path) -> None:
    path = _touch(tmp_path / "deep" / "note.md")
    (article,) = discover([str(path)])
    assert (article.id, article.source) == ("note", str(path))


def test_same_id_from_two_folders_is_an_error_and_the_same_file_twice_is_taken_once(
    tmp_path: Path,
) -> None:
    _touch(tmp_path / "one" / "x.txt")
    _touch(tmp_path / "two" / "x.txt")
    one, two = str(tmp_path / "one"), str(tmp_path / "two")
    first, second = discover([one, two])
    assert (first.id, first.error) == ("x", None)
    assert second.id == second.source == os.path.join(two, "x.txt")
    assert "already used by" in second.error and first.source in second.error
    assert len(list(discover([one, one]))) == 1


def test_symlink_loops_and_broken_links_do_not_stop_the_walk(tmp_path: Path) -> None:
    root = tmp_path / "root"
    _touch(root / "sub" / "a.txt")
    _touch(tmp_path / "elsewhere" / "b.txt")
    os.symlink("..", root / "sub" / "up")  # a folder loop
    os.symlink(".", root / "sub" / "self")
    os.symlink(tmp_path / "elsewhere", root / "linked")  # a folder outside: followed
    os.symlink("nowhere.txt", root / "gone.txt")  # broken
    os.symlink("loop.txt", root / "loop.txt")  # a link to itself
    found = {a.id: a for a in discover([str(root)])}
    assert set(found) == {"sub/a", "linked/b", "gone", "loop"}
    assert found["sub/a"].error is None and found["linked/b"].error is None
    assert "broken symbolic link" in found["gone"].error
    assert "symbolic link loop" in found["loop"].error


def test_a_fifo_is_an_error_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (article,) = discover([str(tmp_path)])
    assert article.error == "not a regular file"


def test_the_output_file_is_not_read_as_an_article(tmp_path: Path) -> None:
    _touch(tmp_path / "a.txt")
    _touch(tmp_path / "out.txt.part")
    _touch(tmp_path / "out.txt")
    assert _ids(discover([str(tmp_path)], glob="*",
                         exclude=[str(tmp_path / "out.txt"), str(tmp_path / "out.txt.part")])
                ) == ["a"]


# ------------------------------------------------------------------ records
def test_records_are_those_of_single_extraction(make_folder, extractor_instance) -> None:
    folder = make_folder(3)
    results = list(run_local(discover([str(folder)]), workers=1))
    for result, path in zip(results, sorted(folder.glob("*.txt")), strict=True):
        expected = extractor_instance.extract(path.read_text(encoding="utf-8"),
                                              record_id=path.stem, source=str(path))
        assert result.error is None
        assert result.line == expected.to_json()


def test_unreadable_files_become_error_records_and_the_batch_goes_on(tmp_path: Path) -> None:
    _touch(tmp_path / "a-good.txt")
    (tmp_path / "b-binary.txt").write_bytes(b"\x00\x01\x02" * 40)
    (tmp_path / "c-empty.txt").write_bytes(b"")
    _touch(tmp_path / "d-good.txt", "Imports fell 2 percent.")
    results = list(run_local(discover([str(tmp_path)]), workers=1))
    assert [r.id for r in results] == ["a-good", "b-binary", "c-empty", "d-good"]
    assert [r.error is None for r in results] == [True, False, False, True]
    error = json.loads(results[1].line)
    assert error == {"id": "b-binary", "source": str(tmp_path / "b-binary.txt"),
                     "error": results[1].error}
    assert "binary" in error["error"] and "empty" in results[2].error
    assert json.loads(results[3].line)["percentages"][0]["value"] == 2


def test_a_file_without_read_permission_is_an_error_record(tmp_path: Path) -> None:
    path = _touch(tmp_path / "locked.txt")
    path.chmod(0)
    try:
        try:
            path.open("rb").close()
        except PermissionError:
            pass
        else:
            pytest.skip("running as root: chmod 000 does not stop root from reading the file")
        (result,) = run_local(discover([str(tmp_path)]), workers=1)
        assert result.error == "permission denied"
    finally:
        path.chmod(0o644)


def test_two_workers_give_the_output_of_one(make_folder) -> None:
    articles = list(discover([str(make_folder(20))]))
    one = [r.line for r in run_local(articles, workers=1)]
    two = [r.line for r in run_local(articles, workers=2, chunk_size=3)]
    assert two == one and len(one) == 20


# ------------------------------------------------------------------ the output file
def test_output_is_written_beside_and_renamed_when_complete(make_folder, tmp_path: Path) -> None:
    folder = make_folder(3)
    out = tmp_path / "out.jsonl"
    seen_during: list[bool] = []

    def engine(articles):
        for result in run_local(articles, workers=1):
            seen_during.append(out.exists())
            yield result

    with JsonlOutput(str(out)) as output:
        summary = run_batch([str(folder)], output, engine)
    assert seen_during == [False, False, False]
    assert not Path(f"{out}.part").exists()
    assert [r["id"] for r in _lines(out)] == ["art-000", "art-001", "art-002"]
    assert (summary.done, summary.failed) == (3, 0)


def _failing_engine(after: int):
    def engine(articles):
        for i, result in enumerate(run_local(articles, workers=1)):
            if i == after:
                raise BatchError("the cluster went away")
            yield result

    return engine


def test_a_failed_batch_keeps_the_part_and_never_shows_the_final_name(
    make_folder, tmp_path: Path,
) -> None:
    folder = make_folder(5)
    out = tmp_path / "out.jsonl"
    with pytest.raises(BatchError), JsonlOutput(str(out)) as output:
        run_batch([str(folder)], output, _failing_engine(after=2))
    assert not out.exists()
    part = Path(f"{out}.part")
    assert [r["id"] for r in _lines(part)] == ["art-000", "art-001"]
    with pytest.raises(OutputError, match="--resume"), JsonlOutput(str(out)):
        pass  # a fresh run does not overwrite the work of an interrupted one
    assert part.exists()


def test_a_stop_request_ends_the_batch_after_the_record_being_written(
    make_folder, tmp_path: Path,
) -> None:
    folder = make_folder(5)
    out = tmp_path / "out.jsonl"
    stop = threading.Event()
    closed = []

    def engine(articles):
        try:
            for k, result in enumerate(run_local(articles, workers=1)):
                if k == 1:
                    stop.set()  # as the CLI's signal handler does
                yield result
        finally:
            closed.append(True)

    with pytest.raises(KeyboardInterrupt), JsonlOutput(str(out)) as output:
        run_batch([str(folder)], output, engine, stop=stop)
    assert closed == [True]  # the engine (and its workers) stopped
    assert not out.exists()
    assert [r["id"] for r in _lines(Path(f"{out}.part"))] == ["art-000", "art-001"]


def test_resume_keeps_complete_records_and_redoes_the_rest(make_folder, tmp_path: Path) -> None:
    folder = make_folder(6)
    out = tmp_path / "out.jsonl"
    with pytest.raises(BatchError), JsonlOutput(str(out)) as output:
        run_batch([str(folder)], output, _failing_engine(after=3))
    part = Path(f"{out}.part")
    lines = part.read_text(encoding="utf-8").splitlines(keepends=True)
    assert len(lines) == 3
    # an error record (retried), a duplicate (dropped), garbage, and a torn last line
    error = json.dumps({"id": "art-004", "source": "x", "error": "permission denied"}) + "\n"
    part.write_text(lines[0] + error + lines[1] + lines[0] + "not json\n" + lines[2]
                    + lines[2][:40], encoding="utf-8")
    with JsonlOutput(str(out), resume=True) as output:
        assert output.done_ids == {"art-000", "art-001", "art-002"}
        assert (output.retried, output.dropped) == (1, 3)
        summary = run_batch([str(folder)], output, local_engine(1))
    assert (summary.done, summary.skipped, summary.failed) == (3, 3, 0)
    ids = [r["id"] for r in _lines(out)]
    assert sorted(ids) == [f"art-{i:03d}" for i in range(6)]
    assert not part.exists() and not Path(f"{out}.part.new").exists()


def test_resume_of_a_finished_output_adds_only_new_articles(make_folder, tmp_path: Path) -> None:
    folder = make_folder(2)
    out = tmp_path / "out.jsonl"
    with JsonlOutput(str(out)) as output:
        run_batch([str(folder)], output, local_engine(1))
    before = out.read_text(encoding="utf-8")
    _touch(folder / "new.txt")
    with JsonlOutput(str(out), resume=True) as output:
        summary = run_batch([str(folder)], output, local_engine(1))
    assert (summary.done, summary.skipped) == (1, 2)
    after = out.read_text(encoding="utf-8")
    assert after.startswith(before) and [r["id"] for r in _lines(out)][-1] == "new"


def test_an_empty_part_is_removed_when_nothing_was_written(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    (tmp_path / "in").mkdir()
    with pytest.raises(BatchError, match="no article matches"), JsonlOutput(str(out)) as output:
        run_batch([str(tmp_path / "in")], output, local_engine(1))
    assert list(tmp_path.iterdir()) == [tmp_path / "in"]


def test_a_write_error_is_an_output_error_naming_the_part(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out.jsonl"
    with JsonlOutput(str(out)) as output:
        def full(text: str) -> int:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(output._handle, "write", full)
        with pytest.raises(OutputError, match=r"out\.jsonl\.part: no space left on device"):
            output.write(Result("a", "a.txt", "{}").line)
    assert not out.exists()


# ------------------------------------------------------------------ the command line
def test_a_folder_switches_to_json_lines_with_a_summary(make_folder) -> None:
    folder = make_folder(3)
    result = runner.invoke(app, [str(folder), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in records] == ["art-000", "art-001", "art-002"]
    assert result.stderr.startswith("done 3, failed 0 in ")
    assert len(result.stderr.splitlines()) == 1


def test_o_switches_a_file_to_batch_mode(make_folder, tmp_path: Path) -> None:
    path = make_folder(1) / "art-000.txt"
    out = tmp_path / "one.jsonl"
    result = runner.invoke(app, [str(path), "-o", str(out), "--workers", "1", "--quiet"])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    assert [r["id"] for r in _lines(out)] == ["art-000"]


def test_failed_files_exit_2_and_are_named_in_the_summary(make_folder) -> None:
    folder = make_folder(2)
    (folder / "bad.txt").write_bytes(b"")
    result = runner.invoke(app, [str(folder), "--workers", "1"])
    assert result.exit_code == 2
    assert len(result.stdout.splitlines()) == 3
    summary = result.stderr.splitlines()
    assert summary[0].startswith("done 2, failed 1 in ")
    assert summary[1] == f"failed: {folder / 'bad.txt'}: the file is empty"
    quiet = runner.invoke(app, [str(folder), "--workers", "1", "-q"])
    assert quiet.exit_code == 2 and quiet.stderr == ""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["-"], "standard input"),
        (["--resume"], "--resume needs an output file"),
        (["--pretty"], "--pretty"),
        (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
        (["no-such-folder"], "no-such-folder: no such file or folder"),
        (["--glob", "*.nothing"], "no article matches '*.nothing'"),
    ],
    ids=["stdin", "resume-without-o", "pretty", "scheduler", "missing-folder", "no-match"],
)
def test_batch_usage_errors_are_one_line(make_folder, extra: list[str], message: str) -> None:
    result = runner.invoke(app, [str(make_folder(1)), *extra])
    assert result.exit_code == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("Error: ") and message in line


def test_a_left_over_part_needs_resume(make_folder, tmp_path: Path) -> None:
    folder = make_folder(2)
    out = tmp_path / "out.jsonl"
    Path(f"{out}.part").write_text("", encoding="utf-8")
    result = runner.invoke(app, [str(folder), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 2 and "--resume" in result.stderr
    result = runner.invoke(app, [str(folder), "-o", str(out), "--workers", "1", "--resume"])
    assert result.exit_code == 0, result.stderr
    assert [r["id"] for r in _lines(out)] == ["art-000", "art-001"]


def test_fsspec_urls_are_found_and_read_in_process(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    fs.pipe({"/news/2024/a.txt": b"Exports rose 5 percent to 3 billion yuan.",
             "/news/b.txt": b"Imports fell 2 percent.", "/news/c.md": b"not an article"})
    try:
        found = list(discover(["memory://news"]))
        assert [(a.id, a.source) for a in found] == [
            ("2024/a", "memory:///news/2024/a.txt"), ("b", "memory:///news/b.txt")]
        results = list(run_local([*found, Article("gone", "memory:///news/gone.txt")],
                                 workers=1, max_bytes=30))
        assert json.loads(results[1].line)["percentages"][0]["value"] == 2
        assert results[0].error == "is over the limit of 30 bytes"
        assert results[2].error == "no such file"
    finally:
        fs.rm("/news", recursive=True)
