"""Starting the GUI: the application object, its font and translations, and the main window."""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from bpeditor.resources import resource_path
from bpeditor.ui.i18n import chosen_language, install_translators
from bpeditor.ui.main_window import APP_TITLE, MainWindow
from bpeditor.ui.settings import app_settings, start_log_file

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

LATIN_UI_FONTS = ("Segoe UI",)
"""In English, these come first when installed (Windows); the Chinese family stays as fallback."""

APP_ICON = "icons/bpeditor.svg"
"""The application icon, a resource path."""

QUIT_AFTER_SHOW_ENV = "BPEDITOR_QUIT_AFTER_SHOW"
"""Set to ``1`` to quit as soon as the window is shown (start-up smoke tests)."""

TEST_SCRIPT_ENV = "BPEDITOR_TEST_SCRIPT"
"""TEST-ONLY: a Python file the program runs after showing its window (see :func:`run_script`).

The tests use it to drive the real program in a separate process without a display (the
crash-recovery test). It is never set by the program itself; leave it unset in normal use.
"""


def pick_ui_font(families: list[str], base: QFont, language: str = "zh") -> QFont:
    """The base font with the first installed preferred Chinese family (else unchanged).

    In English a Latin UI family (Segoe UI on Windows) goes first when installed, and the
    Chinese family follows as the fallback for the Chinese text in the table.
    """
    installed = set(families)
    font = QFont(base)
    chinese = next((family for family in UI_FONTS if family in installed), None)
    if language == "en":
        latin = [family for family in LATIN_UI_FONTS if family in installed]
        head = latin or base.families()
        font.setFamilies([*head, *([chinese] if chinese else []), *base.families()])
    elif chinese is not None:
        font.setFamilies([chinese, *base.families()])
    return font


def create_application(language: str | None = None) -> QApplication:
    """The QApplication (reused if one exists): named, with its icon, font and translations.

    ``language`` defaults to :func:`~bpeditor.ui.i18n.chosen_language` (``BPEDITOR_LANG``,
    else the setting, else Chinese).
    """
    existing = QApplication.instance()
    if not isinstance(existing, QApplication):
        # Qt 6 scales for high DPI by itself; keep fractional factors (150 %) unrounded.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName(APP_TITLE)
    app.setOrganizationName("bpeditor")
    app.setWindowIcon(QIcon(str(resource_path(APP_ICON))))
    if language is None:
        language = chosen_language(app_settings())
    app.setFont(pick_ui_font(QFontDatabase.families(), app.font(), language))
    install_translators(app, language)
    return app


def run_script(script: Path, window: MainWindow, app: QApplication) -> dict[str, Any]:
    """TEST-ONLY: run ``script`` with ``window`` and ``app`` as globals; returns its globals.

    The script runs once the window is shown and the command line's file is open, before the
    offer to restore a crashed session (so it may replace ``window.dialogs`` to answer it). If
    it defines a function ``started()``, that is called after the offer, from the event loop.
    """
    import runpy  # noqa: PLC0415 - deferred: start-up (only the tests set the script)

    return runpy.run_path(str(script), init_globals={"window": window, "app": app})


def _after_start(window: MainWindow, app: QApplication, hooks: dict[str, Any]) -> None:
    """Offer to restore a crashed session's work, then call a test script's ``started()``."""
    window.files.offer_recovery()
    started = hooks.get("started")
    if callable(started):
        try:
            started()
        except Exception:  # a failing test script must end the program, not leave it running
            import traceback  # noqa: PLC0415 - deferred: start-up

            traceback.print_exc()
            app.exit(3)


_log = logging.getLogger("bpeditor")


class ErrorReporter(QObject):
    """Every uncaught exception, in the window's thread or another: logged, then shown in Chinese.

    The windowed program on Windows has no console, so without this an error would vanish. The
    dialog goes through the window's :class:`~bpeditor.ui.dialogs.DialogService` (tests replace
    it); another thread's error is shown from the window's thread.
    """

    reported = Signal(str, str)
    """(summary, details) of an error to show; queued into the window's thread."""

    def __init__(self, window: MainWindow, log: Path | None) -> None:
        super().__init__(window)
        self.window = window
        self.log = log
        self.reported.connect(self._show)

    def excepthook(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        """``sys.excepthook``: log the error with its traceback and tell the user."""
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        _log.error("未处理的错误", exc_info=(kind, error, trace))
        details = "".join(traceback.format_exception(kind, error, trace))
        self.reported.emit(f"{kind.__name__}: {error}", details)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        """``threading.excepthook``: the same for an error in another thread."""
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def install(self) -> None:
        """Make this the handler of uncaught exceptions in every thread."""
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def _show(self, summary: str, details: str) -> None:
        message = self.tr(
            "程序出现了意外错误：{error}\n\n窗口中的内容仍在，请先“另存为”一份，再继续使用或重新启动程序。"
        ).format(error=summary)
        if self.log is not None:
            message += "\n\n" + self.tr("详细信息已记录在日志文件：{path}").format(path=self.log)
        self.window.dialogs.unexpected_error(self.window, self.tr("程序错误"), message, details)


def run(path: Path | None) -> int:
    """Show the main window (opening ``path`` if given), offer crash recovery, run the loop."""
    app = create_application()
    window = MainWindow()
    ErrorReporter(window, start_log_file()).install()  # the log file opens at its first message
    if path is not None:  # before showing: the window appears with the file, not empty first
        window.open_path(path)
    window.show()
    if os.environ.get(QUIT_AFTER_SHOW_ENV) == "1":
        QTimer.singleShot(0, app.quit)
        return app.exec()
    script = os.environ.get(TEST_SCRIPT_ENV, "")
    hooks = run_script(Path(script), window, app) if script else {}
    QTimer.singleShot(0, lambda: _after_start(window, app, hooks))
    return app.exec()
