"""帮助 → 使用说明 and F1: the Chinese manual shipped with the program, readable offline."""

from __future__ import annotations

import fnmatch
import re
import tomllib
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTextBrowser

from bpeditor.resources import resource_path
from bpeditor.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _manual(dialogs):  # type: ignore[no-untyped-def]
    assert len(dialogs.shown) == 1
    browser = dialogs.shown[0].findChild(QTextBrowser, "helpBrowser")
    assert browser is not None
    return browser


def test_f1_opens_the_manual(active: MainWindow, dialogs) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(active, Qt.Key.Key_F1)
    browser = _manual(dialogs)
    text = browser.toPlainText()
    assert "绩效目标表编辑器 使用说明" in text
    assert "全部指标" in text and "Ctrl+-" in text.replace(" ", "")
    assert browser.source().isLocalFile()
    # Its pictures load from the program's own files (no network).
    for name in ("main.png", "all-indicators.png"):
        image = browser.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        assert image is not None and not image.isNull(), name


def test_the_help_menu_offers_it(window: MainWindow, dialogs) -> None:  # type: ignore[no-untyped-def]
    action = window.findChild(type(window.about_action), "actionHelp")
    assert action in window.help_menu.actions()
    assert action.shortcut().toString() == "F1"
    action.trigger()
    assert "使用说明" in _manual(dialogs).toPlainText()


def test_the_manual_and_its_pictures_are_shipped() -> None:
    manual = resource_path("help/manual.html")
    html = manual.read_text(encoding="utf-8")
    pictures = re.findall(r'src="([^"]+)"', html)
    assert pictures
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["package-data"]["bpeditor.resources"]
    for name in ["manual.html", *pictures]:
        path = manual.parent / name
        assert path.is_file(), name
        relative = path.relative_to(ROOT / "bpeditor" / "resources").as_posix()
        assert any(fnmatch.fnmatch(relative, p) for p in patterns), relative
    spec = (ROOT / "packaging" / "bpeditor.spec").read_text(encoding="utf-8")
    assert 'collect_data_files("bpeditor.resources")' in spec  # every resource file goes along
