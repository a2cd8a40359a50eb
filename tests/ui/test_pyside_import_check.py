"""The window's faster answer to PySide's per-import check gives PySide's own answers."""

from __future__ import annotations

import os
import sys
from types import ModuleType

import bpeditor.ui.app  # noqa: F401 - the window's modules, as the program imports them
from bpeditor.ui.pyside_import_check import (
    FEATURE_MODULE,
    mentions_pyside,
    original_pyside_import_check,
)


def _unexpected(module: ModuleType) -> bool:
    raise AssertionError(f"{module.__name__} has a source file: no fallback expected")


def test_the_check_is_replaced_once_the_ui_is_imported() -> None:
    feature = sys.modules[FEATURE_MODULE]
    assert original_pyside_import_check() is not None
    assert feature._mod_uses_pyside is not original_pyside_import_check()


def test_every_loaded_module_gets_pysides_own_answer() -> None:
    pyside_check = original_pyside_import_check()
    assert pyside_check is not None
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    with_source = [
        m
        for m in modules
        if str(getattr(m, "__file__", "")).endswith(".py") and os.path.isfile(m.__file__ or "")
    ]
    answers = {m.__name__: mentions_pyside(m, _unexpected) for m in with_source}
    assert answers == {m.__name__: pyside_check(m) for m in with_source}
    # Both answers occur: the window's modules use PySide, the model's do not.
    assert answers["bpeditor.ui.main_window"] is True
    assert answers["bpeditor.model.table"] is False


def test_a_module_without_a_source_file_is_left_to_pyside() -> None:
    asked: list[str] = []
    builtin = sys.modules["sys"]
    assert mentions_pyside(builtin, lambda m: asked.append(m.__name__) or False) is False
    assert asked == ["sys"]
