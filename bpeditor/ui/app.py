"""Starting the GUI: the application object, its font and translations, and the main window."""

from __future__ import annotations

import os
import runpy
import sys
import traceback
from pathlib import Path
from typing import Any

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

TEST_SCRIPT_ENV = "BPEDITOR_TEST_SCRIPT"
"""TEST-ONLY: a Python file the program runs after showing its window (see :func:`run_script`).

The tests use it to drive the real program in a separate process without a display (the
crash-recovery test). It is never set by the program itself; leave it unset in normal use.
"""


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


def run_script(script: Path, window: MainWindow, app: QApplication) -> dict[str, Any]:
    """TEST-ONLY: run ``script`` with ``window`` and ``app`` as globals; returns its globals.

    The script runs once the window is shown and the command line's file is open, before the
    offer to restore a crashed session (so it may replace ``window.dialogs`` to answer it). If
    it defines a function ``started()``, that is called after the offer, from the event loop.
    """
    return runpy.run_path(str(script), init_globals={"window": window, "app": app})


def _after_start(window: MainWindow, app: QApplication, hooks: dict[str, Any]) -> None:
    """Offer to restore a crashed session's work, then call a test script's ``started()``."""
    window.files.offer_recovery()
    started = hooks.get("started")
    if callable(started):
        try:
            started()
        except Exception:  # a failing test script must end the program, not leave it running
            traceback.print_exc()
            app.exit(3)


def run(path: Path | None) -> int:
    """Show the main window (opening ``path`` if given), offer crash recovery, run the loop."""
    app = create_application()
    window = MainWindow()
    window.show()
    if path is not None:
        window.open_path(path)
    if os.environ.get(QUIT_AFTER_SHOW_ENV) == "1":
        QTimer.singleShot(0, app.quit)
        return app.exec()
    script = os.environ.get(TEST_SCRIPT_ENV, "")
    hooks = run_script(Path(script), window, app) if script else {}
    QTimer.singleShot(0, lambda: _after_start(window, app, hooks))
    return app.exec()
