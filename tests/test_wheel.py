"""The wheel ships ``patterns/`` and works from a fresh virtualenv outside the repo."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "articles" / "xizang-foreign-trade-2024.txt"


@pytest.mark.slow
def test_wheel_in_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (wheel,) = dist.glob("*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], check=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.run(
        [str(env_dir / "bin" / "extract"), str(SEED), "--compact"],
        cwd=work, capture_output=True, text=True, env=env, check=True,
    )
    record = json.loads(proc.stdout)
    assert (len(record["money"]), len(record["percentages"]), len(record["quantities"])) == (
        8, 11, 3,
    )
    where = subprocess.run(
        [str(py), "-c", "import extractor.data as d; print(d.patterns_dir())"],
        cwd=work, capture_output=True, text=True, env=env, check=True,
    ).stdout.strip()
    assert str(env_dir) in where, "patterns must come from the installed wheel"
