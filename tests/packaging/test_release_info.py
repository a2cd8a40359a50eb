"""The release helpers the spec and the workflow use: version, numeric version, version file."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from bpeditor import __version__

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


@pytest.fixture(scope="module")
def release_info() -> ModuleType:
    """``packaging/release_info.py``, loaded by path (``packaging`` is not a package)."""
    spec = importlib.util.spec_from_file_location("release_info", PACKAGING / "release_info.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_reads_the_package_version(release_info: ModuleType) -> None:
    assert release_info.read_version() == __version__


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("2.0.1rc1", (2, 0, 1, 0)),
        ("1.2.3.dev4", (1, 2, 3, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
    ],
)
def test_numeric_version(release_info: ModuleType, version: str, numbers: tuple[int, ...]) -> None:
    assert release_info.numeric_version(version) == numbers


def _evaluate(text: str) -> dict[str, Any]:
    """Evaluate a version file as PyInstaller does, with recording stand-ins for its classes."""

    def record(kind: str) -> Any:
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}

    names = [
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ]
    return eval(text, {name: record(name) for name in names})


def test_version_file_has_the_chinese_product_name_and_version(release_info: ModuleType) -> None:
    info = _evaluate(release_info.version_file_text("1.2.3", "bpeditor.exe", "绩效目标表编辑器"))
    assert info["ffi"]["filevers"] == (1, 2, 3, 0) == info["ffi"]["prodvers"]
    string_file_info, var_file_info = info["kids"]
    table = string_file_info["args"][0][0]
    assert table["args"][0] == "080404B0"  # Chinese (PRC), UTF-16
    strings = dict(entry["args"] for entry in table["args"][1])
    assert strings["ProductName"] == "绩效目标表编辑器"
    assert strings["ProductVersion"] == strings["FileVersion"] == "1.2.3"
    assert strings["OriginalFilename"] == "bpeditor.exe"
    assert var_file_info["args"][0][0]["args"] == ("Translation", [0x0804, 1200])


def test_prints_github_output_lines() -> None:
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "release_info.py")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=True,
    )
    lines = dict(line.split("=", 1) for line in result.stdout.splitlines())
    assert lines["version"] == __version__
    assert lines["numeric_version"].count(".") == 3
