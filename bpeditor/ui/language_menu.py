"""视图 → 语言 / Language: the interface languages; a choice applies from the next start."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from bpeditor.ui.editor_context import EditorContext
from bpeditor.ui.i18n import LANGUAGES, current_language, store_language

RESTART_NOTES = {
    "zh": "重新启动程序后，界面将显示为中文。",
    "en": "The interface will be in English after you restart the program.",
}
"""A line in the chosen language itself, added to the restart notice (never translated)."""


class LanguageMenu(QObject):
    """The language menu: one checkable action per interface language, stored in the settings."""

    def __init__(self, context: EditorContext) -> None:
        super().__init__(context.window)
        self.context = context
        window = context.window
        # Named in both languages on purpose: whoever cannot read one finds the other.
        self.menu = QMenu("语言 / Language", window)
        self.menu.setObjectName("languageMenu")
        self.group = QActionGroup(window)
        self.group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, window)
            action.setObjectName(f"actionLanguage_{code}")
            action.setCheckable(True)
            action.setChecked(code == current_language())
            action.setData(code)
            action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
            self.group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action

    def choose(self, language: str) -> None:
        """Remember the interface language and say that it applies after a restart."""
        store_language(self.context.settings, language)
        self.actions[language].setChecked(True)
        if language == current_language():
            return
        self.context.dialogs.information(
            self.context.window,
            self.tr("界面语言"),
            self.tr("界面语言将在重新启动程序后切换为{language}。").format(
                language=LANGUAGES[language]
            )
            + "\n"
            + RESTART_NOTES[language],
        )
