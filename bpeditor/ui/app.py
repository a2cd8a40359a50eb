"""Starting the GUI: the application object, its font and translations, and the main window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from bpeditor.ui.main_window import APP_TITLE, MainWindow

UI_FONTS = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimHei",
)
"""UI font families in order of preference; the first one installed is used."""

QUIT_AFTER_SHOW_ENV = "BPEDITOR_QUIT_AFTER_SHOW"
"""Set to ``1`` to quit as soon as the window is shown (start-up smoke tests)."""


def pick_ui_font(families: list[str], base: QFont) -> QFont:
    """The base font with the first preferred Chinese family that is installed (else unchanged)."""
    installed = set(families)
    font = QFont(base)
    for family in UI_FONTS:
        if family in installed:
            font.setFamilies([family, *base.families()])
            break
    return font


def install_translations(app: QApplication) -> None:
    """Load Qt's own Chinese strings (standard buttons, file dialogs) when available."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(
        QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder
    ):
        app.installTranslator(translator)


def create_application() -> QApplication:
    """The QApplication (reused if one exists), named and with a UI font that suits Chinese."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_TITLE)
    app.setOrganizationName("bpeditor")
    app.setFont(pick_ui_font(QFontDatabase.families(), app.font()))
    install_translations(app)
    return app


def run(path: Path | None) -> int:
    """Show the main window (opening ``path`` if given) and run the event loop."""
    app = create_application()
    window = MainWindow()
    window.show()
    if path is not None:
        window.open_path(path)
    if os.environ.get(QUIT_AFTER_SHOW_ENV) == "1":
        QTimer.singleShot(0, app.quit)
    return app.exec()
