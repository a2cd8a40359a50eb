"""Set up the development environment in ``.venv`` and run the app or the tests.

Usage (Windows: ``py dev.py …``; Linux: ``python3 dev.py …``)::

    python3 dev.py run     # set up, then open the app on the bundled example table
    python3 dev.py test    # set up, lint, then run the whole test suite (extra args go to pytest)

``test`` first runs ``ruff check``, ``ruff format --check`` and ``mypy`` (their settings are in
``pyproject.toml``) and stops at the first that fails, before any test runs.

Only Python 3.11+ is needed. On Debian 12/13 and Ubuntu 22.04/24.04 as root (as in CI) the system
packages are installed too: for ``run`` python3-venv if missing, CJK fonts and the libraries Qt's
window loads; for ``test`` also LibreOffice and poppler (rendering checks), binutils and Debian's
libpython (PyInstaller), Wine with the i386 architecture and npm (the pinned Inno Setup compiler,
which ``test`` then installs into ``.venv/innosetup`` with ``npm ci``). Not root: dev.py says
what to install. ``BPEDITOR_REQUIREMENTS=packaging/requirements-release.txt`` installs the
pinned, hashed release versions first (the release workflow does).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".bpeditor-installed"
# Debian/Ubuntu packages, by what needs them. A tuple lists alternative names, newest first:
# Debian 13 and Ubuntu 24.04 renamed some libraries for the 64-bit time_t transition ("t64"), and
# whichever name apt knows is installed. packaging/check_fresh_debian.sh checks Debian 12 and 13.
WINDOW_PACKAGES: tuple[str | tuple[str, ...], ...] = (
    "fonts-noto-cjk",
    "libegl1",
    "libgl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libfreetype6",
    ("libglib2.0-0t64", "libglib2.0-0"),
    "libdbus-1-3",
    # What Qt's xcb platform plugin links (the frozen-build test checks every bundled library).
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxkbcommon-x11-0",
)
"""What the window needs: ``dev.py run`` and ``dev.py test`` install these."""

TEST_PACKAGES: tuple[str | tuple[str, ...], ...] = (
    "libreoffice-writer",
    "libreoffice-calc",
    "poppler-utils",
    "binutils",  # PyInstaller on Linux: objcopy, objdump, strip
    # The installer test runs the pinned Inno Setup compiler (a 32-bit Windows program) in Wine.
    "wine",
    "wine64",
    "wine32:i386",
)
"""What only the tests need, besides the window's packages."""


def libpython() -> tuple[tuple[str, ...], ...]:
    """Debian's own Python keeps its shared library, which PyInstaller bundles, in libpython3.X."""
    if sys.base_prefix != "/usr":
        return ()
    name = f"libpython3.{sys.version_info.minor}"
    return ((f"{name}t64", name),)


NODE_PACKAGES = ("nodejs", "npm")
"""npm installs the pinned Inno Setup compiler; skipped when an ``npm`` is already there."""

INSTALLER_TOOLS = ROOT / "packaging" / "windows"
"""The folder whose ``package.json`` and ``package-lock.json`` pin the Inno Setup compiler."""

ISCC_HOME = VENV / "innosetup"
"""Where ``npm ci`` puts the pinned compiler: ``node_modules/innosetup/bin/ISCC.exe``."""


REQUIREMENTS_ENV = "BPEDITOR_REQUIREMENTS"
"""Set to a pinned, hashed requirements file (packaging/requirements-release.txt) to install
exactly those versions before the project: the release workflow does."""


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
        ensure_venv_module()
        venv.EnvBuilder(with_pip=True, clear=VENV.exists()).create(VENV)
    wanted = hashlib.sha256(
        (ROOT / "pyproject.toml").read_bytes() + extras.encode() + str(python).encode()
    ).hexdigest()
    have = STAMP.read_text(encoding="utf-8").split() if STAMP.exists() else []
    pinned = os.environ.get(REQUIREMENTS_ENV, "").strip()
    if pinned:
        wanted = hashlib.sha256(wanted.encode() + (ROOT / pinned).read_bytes()).hexdigest()
    if wanted not in have:
        pip_install = (python, "-m", "pip", "install", "--disable-pip-version-check", "-q")
        run(*pip_install, "-U", "pip")
        if pinned:  # release builds: exactly these versions, each file checked against its hash
            run(*pip_install, "--require-hashes", "--no-deps", "-r", ROOT / pinned)
        target = f"{ROOT}[{extras}]" if extras else str(ROOT)
        run(*pip_install, "-e", target)
        STAMP.write_text("\n".join([*have, wanted]), encoding="utf-8")
    return python


def ensure_venv_module() -> None:
    """Make sure ``python3 -m venv`` can create an environment with pip, or say what to install.

    Debian and Ubuntu ship ``venv``'s pip bootstrap (``ensurepip``) separately, in python3-venv:
    installed here as root, otherwise named in the message.
    """
    if importlib.util.find_spec("ensurepip") is not None:
        return
    version = f"python3.{sys.version_info.minor}-venv"
    if _is_root_on_apt():
        _apt_install(_resolve([("python3-venv",), (version,)]))
        if importlib.util.find_spec("ensurepip") is not None:
            return
    sys.exit(
        "dev.py: this Python cannot create a virtual environment (its ensurepip module is "
        f"missing). On Debian/Ubuntu install it as root: apt-get install python3-venv {version}"
    )


def _is_root_on_apt() -> bool:
    """Whether this is Debian/Ubuntu (apt, dpkg) and we are root, so packages can be installed."""
    if os.name == "nt" or not shutil.which("apt-get") or not shutil.which("dpkg-query"):
        return False
    return getattr(os, "geteuid", lambda: 1)() == 0


def _output(*cmd: str) -> str:
    """What a command prints on stdout (whatever its exit status)."""
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8", check=False).stdout


def _installed(name: str) -> bool:
    return _output("dpkg-query", "-W", "-f=${Status}", name).strip() == "install ok installed"


def _known_to_apt(name: str) -> bool:
    policy = _output("apt-cache", "policy", name)
    return "Candidate:" in policy and "Candidate: (none)" not in policy


_APT_ENV = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
_apt_updated = False


def _apt_update() -> None:
    global _apt_updated  # noqa: PLW0603 - once per run of dev.py
    if not _apt_updated:
        run("apt-get", "update", "-qq", env=_APT_ENV)
        _apt_updated = True


def _resolve(wanted: list[tuple[str, ...]]) -> list[str]:
    """The names to install: for each entry, none if one of its names is installed, else the
    first name apt knows (after ``apt-get update``)."""
    missing = [names for names in wanted if not any(_installed(n) for n in names)]
    if not missing:
        return []
    _apt_update()
    chosen = []
    for names in missing:
        known = [n for n in names if _known_to_apt(n)]
        if not known:
            print(f"dev.py: apt knows none of {', '.join(names)}; skipping it", flush=True)
            continue
        chosen.append(known[0])
    return chosen


def _apt_install(names: list[str]) -> None:
    if names:
        run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *names, env=_APT_ENV)


def ensure_system_packages(
    packages: tuple[str | tuple[str, ...], ...], *, with_npm: bool = False
) -> None:
    """On Debian/Ubuntu as root, install the missing ones of ``packages`` (and npm if asked)."""
    wanted = [(p,) if isinstance(p, str) else p for p in packages]
    if not _is_root_on_apt():
        if os.name != "nt" and shutil.which("apt-get"):
            names = " ".join(n[0] for n in wanted)
            print(
                f"(not root: skipping Debian packages; install them yourself if needed:\n  {names})"
            )
        return
    if any(":i386" in name for names in wanted for name in names):
        _enable_i386()
    if with_npm and not shutil.which("npm"):
        wanted += [(name,) for name in NODE_PACKAGES]
    _apt_install(_resolve(wanted))


def _enable_i386() -> None:
    """Wine needs the 32-bit architecture for 32-bit Windows programs such as the compiler."""
    if "i386" not in _output("dpkg", "--print-foreign-architectures").split():
        run("dpkg", "--add-architecture", "i386")
        global _apt_updated  # noqa: PLW0603 - the package lists must be read again
        _apt_updated = False


def ensure_installer_compiler() -> None:
    """Install the pinned Inno Setup compiler with ``npm ci`` into ``.venv/innosetup``.

    The version and its hash are in ``packaging/windows/package-lock.json``; without npm the
    installer test fails and says how to get it.
    """
    npm = shutil.which("npm")
    if npm is None:
        print("(npm not found: the installer test will fail; install Node.js and npm)")
        return
    files = ("package.json", "package-lock.json")
    wanted = b"".join((INSTALLER_TOOLS / name).read_bytes() for name in files)
    stamp = ISCC_HOME / ".bpeditor-installed"
    if stamp.exists() and stamp.read_bytes() == hashlib.sha256(wanted).hexdigest().encode():
        return
    ISCC_HOME.mkdir(parents=True, exist_ok=True)
    for name in files:
        shutil.copyfile(INSTALLER_TOOLS / name, ISCC_HOME / name)
    run(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error", cwd=ISCC_HOME)
    stamp.write_bytes(hashlib.sha256(wanted).hexdigest().encode())


def main(argv: list[str]) -> int:
    """Dispatch ``run`` or ``test``."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py must say this on an old Python
        sys.exit("bpeditor needs Python 3.11 or newer")
    if not argv or argv[0] not in ("run", "test"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "run":
        ensure_system_packages(WINDOW_PACKAGES)
        python = ensure_venv("")
        return subprocess.call([str(python), "-m", "bpeditor", "--example", *rest])
    ensure_system_packages(WINDOW_PACKAGES + TEST_PACKAGES + libpython(), with_npm=True)
    python = ensure_venv("test")
    ensure_installer_compiler()
    status = lint(python)
    if status != 0:
        return status
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    return subprocess.call([str(python), "-m", "pytest", *rest], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
