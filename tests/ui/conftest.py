"""Fixtures for the GUI tests: offscreen Qt, a dialog service that records, and no stray modals."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget

from bpeditor.resources import example_path
from bpeditor.ui.dialogs import DialogService
from bpeditor.ui.main_window import MainWindow

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "samples" / "huadu-port-summary.txt"


class UnexpectedDialogError(AssertionError):
    """A test reached a dialog it did not arrange for."""


class RecordingDialogs(DialogService):
    """A dialog service that records messages and answers file questions from a queue."""

    def __init__(self) -> None:
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.open_answers: list[Path | None] = []
        self.dialog_drivers: list[Callable[[QDialog], bool]] = []
        """Queued by the test: each drives one dialog and returns whether it was accepted."""
        self.ran: list[QDialog] = []
        self.shown: list[QDialog] = []

    def run_dialog(self, dialog: QDialog) -> bool:
        if not self.dialog_drivers:
            raise UnexpectedDialogError(f"unexpected dialog: {dialog.windowTitle()}")
        self.ran.append(dialog)
        return self.dialog_drivers.pop(0)(dialog)

    def show_dialog(self, dialog: QDialog) -> None:
        self.shown.append(dialog)

    def error(self, parent: QWidget | None, title: str, message: str) -> None:
        self.errors.append((title, message))

    def information(self, parent: QWidget | None, title: str, message: str) -> None:
        self.infos.append((title, message))

    def confirm(self, parent: QWidget | None, title: str, message: str, details: str = "") -> bool:
        self.__dict__.setdefault("confirmed", []).append((title, message, details))
        return bool(self._answer("confirm", title, message, "confirm_answers"))

    def open_file(self, parent: QWidget | None, title: str, name_filter: str) -> Path | None:
        if not self.open_answers:
            raise UnexpectedDialogError(f"unexpected file dialog: {title}")
        return self.open_answers.pop(0)

    def open_folder(self, parent: QWidget | None, title: str) -> Path | None:
        if not self.open_answers:
            raise UnexpectedDialogError(f"unexpected folder dialog: {title}")
        return self.open_answers.pop(0)

    # --- files (ui/files.py) ---
    # Answers are queued by the test; a question with no queued answer fails the test.
    save_answers: list[Path | None]
    question_answers: list[str]
    retry_answers: list[str]
    restore_answers: list[str]
    confirm_answers: list[bool]
    """Answers to :meth:`confirm` (a question with none queued fails the test)."""
    confirmed: list[tuple[str, str, str]]
    suggested: list[Path | None]
    """The file names the save dialogs proposed."""
    asked: list[tuple[str, str, str]]

    def _answer(self, kind: str, title: str, message: str, queue_name: str) -> object:
        queue = self.__dict__.setdefault(queue_name, [])
        self.__dict__.setdefault("asked", []).append((kind, title, message))
        if not queue:
            raise UnexpectedDialogError(f"unexpected {kind} dialog: {title}: {message}")
        return queue.pop(0)

    def save_file(
        self, parent: QWidget | None, title: str, name_filter: str, suggested: Path | None = None
    ) -> Path | None:
        self.__dict__.setdefault("suggested", []).append(suggested)
        return self._answer("save_file", title, name_filter, "save_answers")  # type: ignore[return-value]

    def question(self, parent: QWidget | None, title: str, message: str) -> str:
        return str(self._answer("question", title, message, "question_answers"))

    def retry_or_save_as(self, parent: QWidget | None, title: str, message: str) -> str:
        return str(self._answer("retry_or_save_as", title, message, "retry_answers"))

    def ask_restore(self, parent: QWidget | None, title: str, message: str) -> str:
        return str(self._answer("ask_restore", title, message, "restore_answers"))

    # --- end files ---


@pytest.fixture(autouse=True)
def _no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Any dialog opened behind the dialog service's back fails the test instead of hanging."""
    opened: list[str] = []

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def _refuse(*args: object, **kwargs: object) -> None:
            opened.append(name)
            raise UnexpectedDialogError(f"unexpected modal dialog: {name}")

        return _refuse

    for cls, names in (
        (QDialog, ("exec", "open")),
        (QMessageBox, ("exec", "open", "critical", "warning", "information", "question")),
        (
            QFileDialog,
            ("exec", "open", "getOpenFileName", "getSaveFileName", "getExistingDirectory"),
        ),
    ):
        for name in names:
            monkeypatch.setattr(cls, name, refuse(f"{cls.__name__}.{name}"))
    yield opened
    assert not opened, f"unexpected dialogs: {opened}"


# --- files (ui/files.py) ---
@pytest.fixture(autouse=True)
def _private_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Settings, recent files and recovery copies go to a fresh folder, never the user's."""
    folder = tmp_path_factory.mktemp("数据 data")
    monkeypatch.setenv("BPEDITOR_DATA_DIR", str(folder))
    return folder


# --- end files ---


@pytest.fixture
def dialogs() -> RecordingDialogs:
    """The dialog service the window under test uses."""
    return RecordingDialogs()


@pytest.fixture
def window(qtbot, dialogs: RecordingDialogs) -> MainWindow:  # type: ignore[no-untyped-def]
    """An empty main window, shown."""
    win = MainWindow(dialogs=dialogs)
    # --- files (ui/files.py) --- the test is over: closing must not ask to save
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    # --- end files ---
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def active(window: MainWindow, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window, active: keyboard shortcuts reach it as they do the user's keys."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


@pytest.fixture
def sample_path() -> Path:
    """The canonical sample table (the shared copy if present, else the bundled example)."""
    return SAMPLE if SAMPLE.exists() else example_path()


@pytest.fixture
def loaded(window: MainWindow, sample_path: Path) -> MainWindow:
    """The main window with the sample open."""
    assert window.open_path(sample_path)
    return window
