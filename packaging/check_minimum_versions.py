"""Run the tests against the lowest versions ``pyproject.toml`` allows.

    python3 packaging/check_minimum_versions.py [pytest arguments…]

Every ``name>=X`` of the runtime dependencies and of the test extra is installed as ``name==X``
into a new virtual environment in a temporary folder (the packaging and lint tools excepted:
PyInstaller, ruff, mypy, import-linter and type stubs, which the chosen tests do not use), then
pytest runs the model, io, cli and window tests from this checkout against them (by default;
pass other test paths to choose). Not run by ``dev.py test``: it downloads an old PySide6 and
takes a few minutes. Run it after raising or lowering a minimum; exit status is pytest's.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import tomllib
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOT_NEEDED = {"pyinstaller", "ruff", "mypy", "import-linter", "types-defusedxml"}
"""Test-extra tools the chosen tests do not run; their minimums say nothing about bpeditor."""
DEFAULT_TESTS = ["tests/model", "tests/io", "tests/cli", "tests/ui", "tests/test_roundtrip.py"]


def minimum_pins(pyproject: Path) -> list[str]:
    """``name==minimum`` for every ``name>=minimum`` requirement that the tests need."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    pins = []
    for requirement in requirements:
        match = re.fullmatch(r"\s*([A-Za-z0-9._-]+)\s*>=\s*([0-9][0-9A-Za-z.]*)\s*", requirement)
        if match is None:
            raise SystemExit(f"no minimum to test in {requirement!r}: write it as name>=version")
        name, version = match.groups()
        if name.lower() not in NOT_NEEDED:
            pins.append(f"{name}=={version}")
    return pins


def main(argv: list[str]) -> int:
    """Install the minimums into a fresh environment and run the tests there."""
    pins = minimum_pins(ROOT / "pyproject.toml")
    print("minimum versions:", " ".join(pins), flush=True)
    with tempfile.TemporaryDirectory(prefix="bpeditor-minimums-") as folder:
        env_dir = Path(folder) / "venv"
        venv.EnvBuilder(with_pip=True).create(env_dir)
        python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        pip = [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
        subprocess.run([*pip, *pins], check=True)
        frozen = subprocess.run(
            [str(python), "-m", "pip", "freeze"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=True,
        ).stdout
        print("installed:", " ".join(frozen.split()), flush=True)
        # The checkout itself, not installed: no build, nothing written into the repository.
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        }
        tests = argv or DEFAULT_TESTS
        command = [str(python), "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests]
        return subprocess.call(command, cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
