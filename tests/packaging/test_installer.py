"""The Windows installer script compiles with the pinned Inno Setup, in Chinese, without warnings.

The compiler is the one ``packaging/windows/package-lock.json`` pins (the npm package
``innosetup`` bundles ``ISCC.exe``); ``python3 dev.py test`` installs it into ``.venv/innosetup``
with ``npm ci``. On Linux it runs under Wine (Debian's ``wine`` and ``wine32:i386``, which dev.py
installs as root); on Windows natively. Without them these tests fail with a message saying so.

The script is compiled against a small stand-in for the PyInstaller folder (or the real build
with ``BPEDITOR_FROZEN_DIST``); the setup program it makes is checked to exist and be a Windows
executable. ISCC only warns about a message missing from a language file (and then shows that
message in English), so a warning fails the test too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WINDOWS_DIR = ROOT / "packaging" / "windows"
SCRIPT = WINDOWS_DIR / "bpeditor.iss"
CHINESE = WINDOWS_DIR / "languages" / "ChineseSimplified.isl"
ISCC = ROOT / ".venv" / "innosetup" / "node_modules" / "innosetup" / "bin" / "ISCC.exe"
WINDOWS = sys.platform == "win32"
COMPILE_TIMEOUT = 300


def _pinned_version() -> str:
    lock = json.loads((WINDOWS_DIR / "package-lock.json").read_text(encoding="utf-8"))
    return str(lock["packages"]["node_modules/innosetup"]["version"])


def _iscc() -> Path:
    compiler = Path(os.environ.get("BPEDITOR_ISCC", ISCC))
    if not compiler.is_file():
        pytest.fail(
            f"The Inno Setup compiler is not installed ({compiler}): `python3 dev.py test` "
            "installs it with npm ci from packaging/windows/package-lock.json (needs Node.js/npm)",
            pytrace=False,
        )
    if not WINDOWS and not shutil.which("wine"):
        pytest.fail(
            "Wine is needed to run the Inno Setup compiler on Linux: as root, "
            "dpkg --add-architecture i386 && apt-get update && "
            "apt-get install wine wine64 wine32:i386 (`python3 dev.py test` does this)",
            pytrace=False,
        )
    return compiler


def _windows_path(path: Path) -> str:
    """``path`` as the compiler sees it: Wine maps the Linux root to drive Z:."""
    return str(path) if WINDOWS else "Z:" + str(path).replace("/", "\\")


def _write_icon(path: Path) -> None:
    """A valid 16×16 32-bit icon (what the installer embeds as its own icon)."""
    size = 16
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    image = header + b"\x40\x80\xc0\xff" * (size * size) + b"\x00" * (4 * size)
    entry = struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(image), 6 + 16)
    path.write_bytes(struct.pack("<HHH", 0, 1, 1) + entry + image)


def _stand_in_dist(folder: Path) -> Path:
    """The PyInstaller folder's shape: the two executables, ``_internal`` and the icon."""
    prebuilt = os.environ.get("BPEDITOR_FROZEN_DIST")
    if prebuilt:
        return Path(prebuilt).resolve()
    internal = folder / "_internal"
    internal.mkdir(parents=True)
    for name in ("bpeditor.exe", "bpeditor-cli.exe"):
        (folder / name).write_bytes(b"MZ" + bytes(62))
    (internal / "base_library.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    _write_icon(internal / "bpeditor.ico")
    return folder


def _compile(script: Path, dist: Path, output: Path) -> subprocess.CompletedProcess[str]:
    command = [
        str(_iscc()),
        "/DAppVersion=1.2.3",
        "/DAppFileVersion=1.2.3.0",
        f"/DDistDir={_windows_path(dist)}",
        f"/DOutputDir={_windows_path(output)}",
        _windows_path(script),
    ]
    env = dict(os.environ)
    if not WINDOWS:
        command.insert(0, "wine")
        # A prefix of our own, kept between runs (creating one takes a few seconds); no Mono or
        # Gecko install prompts, no Wine debug chatter in the output.
        prefix = Path(os.environ.get("WINEPREFIX", ROOT / ".venv" / "wineprefix"))
        prefix.parent.mkdir(parents=True, exist_ok=True)
        env.update(WINEPREFIX=str(prefix), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml=")
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        timeout=COMPILE_TIMEOUT,
        check=False,
    )


def _problems(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The compiler's errors and warnings, one per line."""
    lines = (result.stdout + result.stderr).splitlines()
    found = [line for line in lines if re.match(r"\s*(Warning|Error)\b", line)]
    if result.returncode != 0:
        found.append(f"ISCC exit status {result.returncode}: " + " | ".join(lines[-6:]))
    return found


def _copy_scripts(folder: Path) -> Path:
    """A copy of the script and its language file, to break one of them."""
    (folder / "languages").mkdir(parents=True)
    shutil.copyfile(SCRIPT, folder / SCRIPT.name)
    shutil.copyfile(CHINESE, folder / "languages" / CHINESE.name)
    return folder / SCRIPT.name


def test_installer_compiles_with_the_pinned_compiler(tmp_path: Path) -> None:
    dist = _stand_in_dist(tmp_path / "dist" / "bpeditor")
    result = _compile(SCRIPT, dist, tmp_path / "out")
    assert _problems(result) == []
    assert f"Compiler engine version: Inno Setup {_pinned_version()}" in result.stdout
    setup = tmp_path / "out" / "bpeditor-setup-1.2.3.exe"
    assert setup.is_file()
    assert setup.read_bytes()[:2] == b"MZ"
    assert setup.stat().st_size > 500_000  # Setup's own runtime alone is about 1.8 MB


def test_a_missing_chinese_message_fails_the_compile_check(tmp_path: Path) -> None:
    script = _copy_scripts(tmp_path / "windows")
    language = script.parent / "languages" / CHINESE.name
    text = language.read_text(encoding="utf-8-sig")
    language.write_text(re.sub(r"(?m)^ButtonCancel=.*\n", "", text), encoding="utf-8-sig")
    result = _compile(script, _stand_in_dist(tmp_path / "dist"), tmp_path / "out")
    problems = _problems(result)
    assert any("ButtonCancel" in line for line in problems), problems


def test_a_broken_script_fails_to_compile(tmp_path: Path) -> None:
    script = _copy_scripts(tmp_path / "windows")
    text = script.read_text(encoding="utf-8-sig")
    script.write_text(text.replace("MinVersion=", "MinimumVersion="), encoding="utf-8-sig")
    result = _compile(script, _stand_in_dist(tmp_path / "dist"), tmp_path / "out")
    assert result.returncode != 0
    assert not (tmp_path / "out" / "bpeditor-setup-1.2.3.exe").exists()


def _messages(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8-sig")
    body = text.split("[Messages]", 1)[1]
    return dict(re.findall(r"(?m)^([A-Za-z0-9]+)=(.*)$", body))


def _placeholders(message: str) -> list[str]:
    return sorted(re.findall(r"%\d|\[[a-z/]+\]", message))


def test_chinese_messages_translate_every_english_one_with_its_placeholders() -> None:
    english = _messages(_iscc().parent / "Default.isl")
    chinese = _messages(CHINESE)
    assert sorted(set(english) - set(chinese)) == []
    assert sorted(set(chinese) - set(english)) == []
    wrong = {
        name: (_placeholders(text), _placeholders(chinese[name]))
        for name, text in english.items()
        if _placeholders(text) != _placeholders(chinese[name])
    }
    assert wrong == {}
    assert chinese["ButtonCancel"] == "取消" and chinese["ButtonNext"] == "下一步(&N) >"
    assert CHINESE.read_bytes()[:3] == b"\xef\xbb\xbf"  # UTF-8 with BOM, as ISCC needs


def _setup_section() -> dict[str, str]:
    text = SCRIPT.read_text(encoding="utf-8-sig")
    section = text.split("[Setup]", 1)[1].split("\n[", 1)[0]
    return dict(re.findall(r"(?m)^(\w+)=(.*)$", section))


def test_installs_only_where_qt6_runs_and_lets_it_choose_all_users() -> None:
    setup = _setup_section()
    # Qt 6: 64-bit Windows 10 1809 (build 17763) or later; LTSB 2016 (14393) is refused.
    assert setup["MinVersion"] == "10.0.17763"
    assert setup["ArchitecturesAllowed"] == "x64compatible"
    assert setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    # Per user by default; /ALLUSERS or the dialog's choice installs into Program Files.
    assert setup["PrivilegesRequired"] == "lowest"
    assert set(setup["PrivilegesRequiredOverridesAllowed"].split()) == {"commandline", "dialog"}
    assert setup["DefaultDirName"].startswith("{autopf}")
