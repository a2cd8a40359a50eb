"""The About dialog: version, license and component versions, built without being exec()'d."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from importlib import metadata

import pytest
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication

from bpeditor import __version__
from bpeditor.ui.about import (
    LIBRARIES,
    UNKNOWN_VERSION,
    AboutDialog,
    about_text,
    distribution_version,
)


@pytest.fixture
def dialog(qtbot) -> AboutDialog:  # type: ignore[no-untyped-def]
    """An About dialog, shown (not exec'd)."""
    about = AboutDialog()
    qtbot.addWidget(about)
    about.show()
    qtbot.waitExposed(about)
    return about


def test_shows_the_version_and_license(dialog: AboutDialog) -> None:
    assert __version__ in dialog.version_label.text()
    assert "MIT" in dialog.license_label.text()
    assert "绩效目标表编辑器" in dialog.windowTitle()
    assert not dialog.icon_label.pixmap().isNull()


def test_lists_the_libraries_with_their_installed_versions(dialog: AboutDialog) -> None:
    rows = dict(dialog.component_rows())
    assert rows["Qt"] == qVersion()
    assert rows["PySide6 (Qt for Python)"] == metadata.version("PySide6-Essentials")
    assert rows["lxml"] == metadata.version("lxml")
    assert rows["python-calamine"] == metadata.version("python-calamine")
    assert "openpyxl" not in rows  # only the tests use it; the program does not ship it
    assert rows["python-docx"] == metadata.version("python-docx")
    assert rows["XlsxWriter"] == metadata.version("XlsxWriter")
    assert all(version != UNKNOWN_VERSION for version in rows.values())
    assert [name for name, _ in LIBRARIES] == list(rows)[2:]


def test_unknown_distribution_is_shown_as_unknown() -> None:
    assert distribution_version(("no-such-distribution-bpeditor",)) == UNKNOWN_VERSION


def test_copy_puts_the_information_on_the_clipboard(dialog: AboutDialog) -> None:
    dialog.copy_button.click()
    text = QGuiApplication.clipboard().text()
    assert text == about_text()
    assert f"bpeditor) {__version__}" in text
    assert "python-docx" in text and "python-calamine" in text and "PySide6" in text


def test_close_button_closes_without_blocking(dialog: AboutDialog, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog.buttons.rejected.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
