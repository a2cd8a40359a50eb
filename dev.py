"""Set up the development environment in ``.venv`` and run the app or the tests.

Usage (Windows: ``py dev.py …``; Linux: ``python3 dev.py …``)::

    python3 dev.py run     # set up, then open the app on the bundled example table
    python3 dev.py test    # set up, lint, then run the whole test suite (extra args go to pytest)

``test`` first runs ``ruff check``, ``ruff format --check`` and ``mypy`` (their settings are in
``pyproject.toml``) and stops at the first that fails, before any test runs.

Only Python 3.11+ is needed. On Debian/Ubuntu as root (as in CI) the system packages the tests
need (CJK fonts, the libraries Qt loads, LibreOffice for rendering checks) are installed too.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".bpeditor-installed"
DEBIAN_PACKAGES = (
    "fonts-noto-cjk",
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libfreetype6",
    "libglib2.0-0",
    "libdbus-1-3",
    # What Qt's xcb platform plugin links (the frozen-build test checks every bundled library).
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
    "libreoffice-writer",
    "libreoffice-calc",
    "poppler-utils",
    "binutils",
)


def venv_python() -> Path:
    """The interpreter inside ``.venv``."""
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def run(*cmd: str | Path, **kwargs: object) -> None:
    """Run a command, stopping on failure."""
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)  # type: ignore[call-overload]


LINT_CHECKS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ruff check", ("-m", "ruff", "check")),
    ("ruff format --check", ("-m", "ruff", "format", "--check")),
    ("mypy", ("-m", "mypy")),
)
"""Each check's name and its arguments to the venv's Python; files and settings: pyproject.toml."""


def lint(python: str | Path) -> int:
    """Run the lint checks in order; 0 when all pass, else the failing check's exit status."""
    for name, args in LINT_CHECKS:
        print("+", name, flush=True)
        status = subprocess.call([str(python), *args], cwd=ROOT)
        if status != 0:
            message = f"dev.py test: {name} failed (exit status {status}); no tests were run"
            print(message, file=sys.stderr, flush=True)
            return status
    return 0


def ensure_venv(extras: str) -> Path:
    """Create ``.venv`` and install the project (editable) with ``extras`` when out of date."""
    python = venv_python()
    if not python.exists():
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    wanted = hashlib.sha256(
        (ROOT / "pyproject.toml").read_bytes() + extras.encode() + str(python).encode()
    ).hexdigest()
    have = STAMP.read_text(encoding="utf-8").split() if STAMP.exists() else []
    if wanted not in have:
        run(python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-U", "pip")
        target = f"{ROOT}[{extras}]" if extras else str(ROOT)
        run(python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target)
        STAMP.write_text("\n".join([*have, wanted]), encoding="utf-8")
    return python


def ensure_system_packages() -> None:
    """On Debian/Ubuntu as root, install the system packages the tests use if any is missing."""
    if os.name == "nt" or not shutil.which("apt-get") or not shutil.which("dpkg-query"):
        return
    if getattr(os, "geteuid", lambda: 1)() != 0:
        print("(not root: skipping Debian packages; install them yourself if tests need them:")
        print("  " + " ".join(DEBIAN_PACKAGES) + ")")
        return
    missing = [
        name
        for name in DEBIAN_PACKAGES
        if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True, check=False
        ).stdout.strip()
        != "install ok installed"
    ]
    if not missing:
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run("apt-get", "update", "-qq", env=env)
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)


def main(argv: list[str]) -> int:
    """Dispatch ``run`` or ``test``."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py must say this on an old Python
        sys.exit("bpeditor needs Python 3.11 or newer")
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        python = ensure_venv("")
        return subprocess.call([str(python), "-m", "bpeditor", "--example", *rest])
    ensure_system_packages()
    python = ensure_venv("test")
    status = lint(python)
    if status != 0:
        return status
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
