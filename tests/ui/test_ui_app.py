"""Starting the application: in-process helpers, and ``python -m bpeditor`` as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QMainWindow, QMessageBox

from bpeditor.ui.app import UI_FONTS, create_application, pick_ui_font
from bpeditor.ui.dialogs import DialogService

REPO = Path(__file__).resolve().parents[2]


def test_pick_ui_font_prefers_yahei() -> None:
    base = QFont("Sans Serif", 9)
    font = pick_ui_font(["Arial", "Noto Sans CJK SC", "Microsoft YaHei UI"], base)
    assert font.families()[0] == "Microsoft YaHei UI"
    assert font.pointSize() == 9


def test_pick_ui_font_falls_back() -> None:
    font = pick_ui_font(["Arial", "Noto Sans CJK SC"], QFont("Sans Serif", 9))
    assert font.families()[0] == "Noto Sans CJK SC"
    unchanged = pick_ui_font(["Arial"], QFont("Sans Serif", 9))
    assert unchanged.families()[0] == "Sans Serif"
    assert UI_FONTS[0] == "Microsoft YaHei UI"


def test_create_application_names_the_app(qapp) -> None:  # type: ignore[no-untyped-def]
    app = create_application()
    assert app is qapp
    assert app.applicationName() == "绩效目标表编辑器"


def test_a_stray_modal_fails_instead_of_hanging(_no_modal_dialogs: list[str]) -> None:
    with pytest.raises(AssertionError, match="unexpected modal dialog"):
        DialogService().error(None, "标题", "内容")
    assert _no_modal_dialogs == ["QMessageBox.open"]
    _no_modal_dialogs.clear()


def test_an_error_for_a_window_not_shown_yet_opens_over_it_once_shown(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Starting on a bad file: the window opens the file before it is shown; the box waits."""
    opened: list[tuple[str, bool]] = []

    def record(box: QMessageBox) -> None:
        parent = box.parentWidget()
        opened.append((box.text(), parent is not None and parent.isVisible()))

    monkeypatch.setattr(QMessageBox, "open", record)
    window = QMainWindow()
    qtbot.addWidget(window)
    DialogService().error(window, "无法打开文件", "表.xlsx：文件不存在")
    assert opened == []
    window.show()
    qtbot.waitUntil(lambda: opened == [("表.xlsx：文件不存在", True)])


def _run_gui(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        BPEDITOR_QUIT_AFTER_SHOW="1",
        PYTHONIOENCODING="utf-8",
    )
    return subprocess.run(
        [sys.executable, "-m", "bpeditor", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        check=False,
    )


def test_gui_starts_on_the_example_and_quits() -> None:
    done = _run_gui("--example")
    assert done.returncode == 0, done.stderr


def test_gui_starts_on_a_bad_file_and_quits(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    done = _run_gui(str(empty))
    assert done.returncode == 0, done.stderr
