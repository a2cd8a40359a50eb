"""The command line when its reader goes away (``bpeditor check x.txt --json | head``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run_into_closed_pipe(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bpeditor`` with stdout a pipe whose reading end is already closed."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone before anything is written: every write fails
    try:
        return subprocess.run(
            [sys.executable, "-m", "bpeditor", *map(str, args)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            cwd=ROOT,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
            timeout=120,
            check=False,
        )
    finally:
        os.close(write_end)


@pytest.mark.parametrize("extra", [["--json"], []])
def test_check_into_a_closed_pipe_exits_quietly(sample_path: Path, extra: list[str]) -> None:
    result = _run_into_closed_pipe("check", sample_path, *extra)
    assert result.stderr == ""
    assert result.returncode == 141  # 128 + SIGPIPE, as a shell shows it


def test_reader_closing_after_the_first_bytes_ends_it_quietly(
    sample_path: Path, tmp_path: Path
) -> None:
    # Findings far longer than a pipe holds (64 KB), so the program is still writing when the
    # reader takes the first 100 bytes and closes, as `| head -c 100` does.
    lines = sample_path.read_text(encoding="utf-8").splitlines()
    big = tmp_path / "big.txt"
    big.write_text("\n".join(lines[:4] + lines[4:] * 40), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "bpeditor", "check", str(big), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.read(100)
    process.stdout.close()
    stderr = process.stderr.read().decode("utf-8", errors="replace")
    assert process.wait(timeout=120) == 141
    assert first.startswith(b"[")
    assert stderr == ""


@pytest.mark.parametrize("extra", [["--json"], []])
def test_compare_into_a_closed_pipe_exits_quietly(sample_path: Path, extra: list[str]) -> None:
    result = _run_into_closed_pipe("compare", sample_path, sample_path, *extra)
    assert result.stderr == ""
    assert result.returncode == 141
