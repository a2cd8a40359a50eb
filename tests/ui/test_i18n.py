"""The interface language: Chinese by default, English from the catalog, Qt's own strings too."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel, QMenu

from bpeditor.ui import i18n
from bpeditor.ui.app import pick_ui_font
from bpeditor.ui.i18n import (
    LANG_ENV,
    LANGUAGE_KEY,
    chosen_language,
    install_translators,
    remove_translators,
)
from bpeditor.ui.main_window import MainWindow

REPO = Path(__file__).resolve().parents[2]
TS_FILE = REPO / "resources" / "i18n" / "bpeditor_en.ts"
UPDATE_SCRIPT = REPO / "resources" / "i18n" / "update_translations.py"
_ACROSS = Qt.Orientation.Horizontal


@pytest.fixture
def english(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The English catalog installed (as ``BPEDITOR_LANG=en`` does), taken out afterwards."""
    monkeypatch.setenv(LANG_ENV, "en")
    assert install_translators(qapp, chosen_language())
    yield
    remove_translators(qapp)


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    """Chinese as at a normal start: Qt's own Chinese catalog installed, taken out afterwards."""
    install_translators(qapp, "zh")
    yield
    remove_translators(qapp)


def _window(qtbot, dialogs) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(dialogs=dialogs)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    win.show()
    qtbot.waitExposed(win)
    return win


def _menu_titles(win: MainWindow) -> list[str]:
    return [a.text() for a in win.menuBar().actions() if isinstance(a.menu(), QMenu)]


def _status_texts(win: MainWindow) -> list[str]:
    return [label.text() for label in win.statusBar().findChildren(QLabel) if label.text()]


# --- choosing the language ---------------------------------------------------------------------


def test_language_comes_from_env_then_setting_then_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    monkeypatch.delenv(LANG_ENV, raising=False)
    assert chosen_language(settings) == "zh"
    assert chosen_language(None) == "zh"
    settings.setValue(LANGUAGE_KEY, "en")
    assert chosen_language(settings) == "en"
    monkeypatch.setenv(LANG_ENV, "zh_CN")
    assert chosen_language(settings) == "zh"
    monkeypatch.setenv(LANG_ENV, "klingon")
    assert chosen_language(settings) == "en"
    settings.setValue(LANGUAGE_KEY, "fr")
    assert chosen_language(settings) == "zh"


def test_language_menu_stores_the_choice_and_says_restart(
    window: MainWindow, dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv(LANG_ENV, raising=False)
    menu = window.findChild(QMenu, "languageMenu")
    assert menu is not None and menu.title() == "语言 / Language"
    assert [a.text() for a in menu.actions()] == ["中文", "English"]
    assert window.language_actions["zh"].isChecked()

    window.language_actions["en"].trigger()
    assert window.language_actions["en"].isChecked()
    assert chosen_language(window.files.settings) == "en"
    assert len(dialogs.infos) == 1
    title, message = dialogs.infos[0]
    assert title == "界面语言"
    assert "重新启动" in message and "restart" in message

    window.language_actions["zh"].trigger()  # back to the running language: nothing to say
    assert chosen_language(window.files.settings) == "zh"
    assert len(dialogs.infos) == 1


# --- Chinese (the default) ---------------------------------------------------------------------


def test_chinese_is_the_default(loaded: MainWindow) -> None:
    assert _menu_titles(loaded) == [
        "文件(&F)",
        "编辑(&E)",
        "视图(&V)",
        "项目(&P)",
        "指标(&I)",
        "工具(&T)",
        "帮助(&H)",
    ]
    model = loaded.project_panel.indicator_model
    assert [model.headerData(c, _ACROSS) for c in range(5)] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "实施周期指标值",
        "年度指标值",
    ]
    status = " ".join(_status_texts(loaded))
    assert "合计" in status and "个项目" in status and "个错误" in status
    assert loaded.windowTitle().endswith(" - 绩效目标表编辑器")


def test_qt_own_strings_are_chinese(chinese: None) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert i18n.current_language() == "zh"


# --- English -----------------------------------------------------------------------------------


def test_english_window(english: None, qtbot, dialogs, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, dialogs)
    assert i18n.current_language() == "en"
    assert win.open_path(sample_path)
    assert _menu_titles(win) == [
        "&File",
        "&Edit",
        "&View",
        "&Project",
        "&Indicator",
        "&Tools",
        "&Help",
    ]
    model = win.project_panel.indicator_model
    headers = [model.headerData(c, _ACROSS) for c in range(model.columnCount())]
    assert headers == [
        "Level 1",
        "Level 2",
        "Indicator",
        "Value for the Period",
        "Annual Value",
        "Basis of the Value",
        "Explanation",
        "Note",
        "Weight",
        "Score",
        "Last Year’s Value",
    ]
    tree_headers = [win.tree_model.headerData(c, _ACROSS) for c in range(2)]
    assert tree_headers == ["Project (Funding Unit)", "Total"]
    problems = [win.problem_model.headerData(c, _ACROSS) for c in range(2)]
    assert problems == ["Severity", "Description"]
    qtbot.waitUntil(lambda: "errors" in " ".join(_status_texts(win)), timeout=5000)
    status = " ".join(_status_texts(win))
    assert status.startswith("Total ") and "projects /" in status and "warnings" in status
    assert not re.search(r"[\u4e00-\u9fff]", status.replace("万元", "")), status
    assert win.windowTitle().endswith(" - Performance Target Table Editor")
    assert win.problems_dock.windowTitle().startswith("Check Results")
    actions = {a.objectName(): a.text() for a in win.findChildren(type(win.about_action))}
    assert actions["actionOpen"] == "&Open…"
    assert actions["actionInsertIndicator"] == "&Insert Indicator Below"
    assert actions["actionUndo"].startswith("&Undo")
    assert win.project_panel.grid_box.title().startswith("Performance Indicators")


def test_english_qt_strings_stay_english(english: None) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_every_menu_item_is_english(english: None, qtbot, dialogs) -> None:  # type: ignore[no-untyped-def]
    win = _window(qtbot, dialogs)
    chinese = []
    for menu in win.findChildren(QMenu):
        for action in menu.actions():
            text = action.text()
            if text and text not in ("中文",) and re.search(r"[\u4e00-\u9fff]", text):
                chinese.append(text)
    assert chinese == ["语言 / Language"]


def test_english_font_puts_segoe_first_and_keeps_the_chinese_fallback() -> None:
    base = QFont("Sans Serif", 9)
    font = pick_ui_font(["Segoe UI", "Microsoft YaHei UI"], base, "en")
    assert font.families()[:2] == ["Segoe UI", "Microsoft YaHei UI"]
    elsewhere = pick_ui_font(["DejaVu Sans", "Noto Sans CJK SC"], base, "en")
    assert elsewhere.families()[:2] == ["Sans Serif", "Noto Sans CJK SC"]
    assert pick_ui_font(["Segoe UI", "Microsoft YaHei UI"], base).families()[0] == (
        "Microsoft YaHei UI"
    )


def test_the_program_starts_in_english(tmp_path: Path) -> None:
    out = tmp_path / "menus.txt"
    script = tmp_path / "report.py"
    script.write_text(
        "from PySide6.QtWidgets import QMenu\n"
        "def started():\n"
        "    titles = [a.text() for a in window.menuBar().actions() if a.menu()]\n"
        f"    open({str(out)!r}, 'w', encoding='utf-8').write('|'.join(titles))\n"
        "    app.quit()\n",
        encoding="utf-8",
    )
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        BPEDITOR_LANG="en",
        BPEDITOR_TEST_SCRIPT=str(script),
    )
    done = subprocess.run(
        [sys.executable, "-m", "bpeditor", "--example"],
        cwd=REPO,
        env={**env, "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == "&File|&Edit|&View|&Project|&Indicator|&Tools|&Help"


# --- the catalog -------------------------------------------------------------------------------


def test_catalog_and_compiled_file_are_up_to_date() -> None:
    """Every UI string is in the .ts, translated, and the committed .qm is compiled from it."""
    done = subprocess.run(
        [sys.executable, str(UPDATE_SCRIPT), "--check"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_translations_keep_placeholders_and_accelerators() -> None:
    sys.path.insert(0, str(UPDATE_SCRIPT.parent))
    try:
        import update_translations
    finally:
        sys.path.remove(str(UPDATE_SCRIPT.parent))
    messages = update_translations.messages(TS_FILE)
    assert len(messages) > 250
    for (context, source), text in messages.items():
        assert sorted(re.findall(r"\{\w+\}", source)) == sorted(re.findall(r"\{\w+\}", text)), (
            context,
            source,
        )
        assert ("&" in source) == ("&" in text), (context, source, text)
        assert not re.search(r"[\u4e00-\u9fff]", text) or "e.g." in text, (context, text)
