"""Uncaught errors: written to the rotating log in the data folder and shown in Chinese."""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from bpeditor.ui.about import AboutDialog
from bpeditor.ui.app import ErrorReporter
from bpeditor.ui.dialogs import DialogService
from bpeditor.ui.main_window import MainWindow
from bpeditor.ui.settings import LogFileHandler, log_path, start_log_file
from tests.ui.conftest import RecordingDialogs


class ErrorRecordingDialogs(RecordingDialogs):
    """Records the program-error reports instead of showing them."""

    def __init__(self) -> None:
        super().__init__()
        self.unexpected: list[tuple[str, str, str]] = []

    def unexpected_error(
        self, parent: QWidget | None, title: str, message: str, details: str
    ) -> None:
        self.unexpected.append((title, message, details))


@pytest.fixture
def dialogs() -> ErrorRecordingDialogs:
    return ErrorRecordingDialogs()


@pytest.fixture
def log(_private_data_dir: Path) -> Iterator[Path]:
    """The log file started as the program starts it; its handler removed afterwards."""
    path = start_log_file()
    assert path == _private_data_dir / "logs" / "bpeditor.log"
    yield path
    logger = logging.getLogger("bpeditor")
    for handler in list(logger.handlers):
        if isinstance(handler, LogFileHandler):
            logger.removeHandler(handler)
            handler.close()


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the test installs as exception hooks is undone afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


def fail_deep_inside() -> None:
    raise ZeroDivisionError("除数为零")


def test_an_uncaught_error_is_logged_and_shown(
    window: MainWindow, dialogs: ErrorRecordingDialogs, log: Path, hooks: None, qtbot
) -> None:  # type: ignore[no-untyped-def]
    ErrorReporter(window, log).install()
    try:
        fail_deep_inside()
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())  # what Python does with an error nobody caught

    written = log.read_text(encoding="utf-8")
    assert "ERROR bpeditor: 未处理的错误" in written
    assert "Traceback" in written and "fail_deep_inside" in written and "除数为零" in written
    qtbot.waitUntil(lambda: bool(dialogs.unexpected), timeout=2000)
    ((title, message, details),) = dialogs.unexpected
    assert title == "程序错误"
    assert "ZeroDivisionError: 除数为零" in message
    assert str(log) in message
    assert "fail_deep_inside" in details


def test_an_error_in_another_thread_is_logged_and_shown_from_the_window_thread(
    window: MainWindow, dialogs: ErrorRecordingDialogs, log: Path, hooks: None, qtbot
) -> None:  # type: ignore[no-untyped-def]
    ErrorReporter(window, log).install()
    worker = threading.Thread(target=fail_deep_inside, name="后台")
    worker.start()
    worker.join(timeout=10)
    assert "fail_deep_inside" in log.read_text(encoding="utf-8")
    qtbot.waitUntil(lambda: bool(dialogs.unexpected), timeout=2000)
    assert "除数为零" in dialogs.unexpected[0][1]


def test_the_error_box_copies_its_details(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[QMessageBox] = []

    def record(box: QMessageBox) -> None:  # instead of opening it: no modal box in a test
        shown.append(box)

    monkeypatch.setattr(QMessageBox, "open", record)
    DialogService().unexpected_error(None, "程序错误", "出错了", "Traceback: 第 1 行")
    (box,) = shown
    qtbot.addWidget(box)
    assert box.text() == "出错了" and box.detailedText() == "Traceback: 第 1 行"
    copy = next(
        b for b in box.buttons() if isinstance(b, QAbstractButton) and b.text() == "复制详细信息"
    )
    copy.click()
    assert QGuiApplication.clipboard().text() == "Traceback: 第 1 行"


def test_the_log_rotates(log: Path) -> None:
    logger = logging.getLogger("bpeditor")
    for number in range(2500):
        logger.error("第 %d 条：%s", number, "很长的错误说明" * 30)
    assert log.stat().st_size <= 1_000_000
    assert log.with_name("bpeditor.log.1").is_file()
    assert not log.with_name("bpeditor.log.4").exists()  # three old logs are kept


def test_about_shows_where_the_log_is(qtbot, _private_data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    about = AboutDialog()
    qtbot.addWidget(about)
    assert str(_private_data_dir / "logs" / "bpeditor.log") in about.log_label.text()
    assert log_path() == _private_data_dir / "logs" / "bpeditor.log"
