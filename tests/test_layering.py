"""The layers: no Qt in the model, io or command line; no file-format library in the model; no
import circle among the ui modules."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUPPORT = Path(__file__).resolve().parent / "support"
PUBLISHED_SAMPLE_SHA256 = "eafc64dcddf7961d99bbcaffb795ab38f63d5c7fa614f4aca02f35d43fbf3241"
"""shared/samples/huadu-port-summary.txt as published (9 projects, 49 indicators)."""


def _run(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env_extra or {})}
    return subprocess.run(
        [*args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        cwd=ROOT,
        env=env,
        timeout=600,
        check=False,
    )


def test_import_contracts_hold() -> None:
    """import-linter checks the contracts in pyproject.toml (layers, no ui circle, Qt, formats)."""
    script = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert script is not None, "import-linter is part of the test extra"
    done = _run(script, "--no-cache")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_model_io_and_cli_tests_pass_without_qt(tmp_path: Path) -> None:
    """The model, io and cli test suites pass in a process where PySide6 cannot be imported."""
    env = {"PYTHONPATH": os.pathsep.join([str(SUPPORT), os.environ.get("PYTHONPATH", "")])}
    done = _run(
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "qt_blocker",
        "-p",
        "no:pytest-qt",
        "-p",
        "no:cacheprovider",
        "tests/model",
        "tests/io",
        "tests/cli",
        env_extra=env,
    )
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout


def test_convert_and_check_work_without_qt(tmp_path: Path) -> None:
    """The command line's convert/check path never imports Qt."""
    code = (
        "import qt_blocker, sys\n"
        "from bpeditor.cli import main\n"
        "from bpeditor.resources import example_path\n"
        f"out = {str(tmp_path / 'x.bpe')!r}\n"
        "assert main(['convert', str(example_path()), out]) == 0\n"
        "assert main(['check', out]) == 0\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules)\n"
    )
    done = _run(sys.executable, "-c", code, env_extra={"PYTHONPATH": str(SUPPORT)})
    assert done.returncode == 0, done.stderr[-3000:]
    assert (tmp_path / "x.bpe").exists()


def test_the_bundled_example_is_the_real_sample() -> None:
    """The example shipped in the package is byte for byte the published sample."""
    bundled = (ROOT / "bpeditor" / "resources" / "example.txt").read_bytes()
    assert hashlib.sha256(bundled).hexdigest() == PUBLISHED_SAMPLE_SHA256
    shared = ROOT.parent / "shared" / "samples" / "huadu-port-summary.txt"
    if shared.is_file():  # beside a checkout in CI and on the developers' machines
        assert bundled == shared.read_bytes()
