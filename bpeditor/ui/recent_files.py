"""The recently opened or saved files: kept in the settings, listed in their own menu."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from bpeditor.ui.editor_context import EditorContext
from bpeditor.ui.settings import RECENT_KEY

MAX_RECENT = 10
"""How many recently used files the 文件 menu lists."""


class RecentFiles(QObject):
    """The recent-files list and its menu (最近打开的文件), newest first."""

    def __init__(self, context: EditorContext, open_file: Callable[[Path], object]) -> None:
        super().__init__(context.window)
        self.context = context
        self._open_file = open_file
        self.menu = QMenu(self.tr("最近打开的文件(&R)"), context.window)
        self.menu.setObjectName("recentMenu")
        self._fill_menu()

    def paths(self) -> list[Path]:
        """The recently opened or saved files, newest first."""
        value = self.context.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            return []
        return [Path(v) for v in value if isinstance(v, str) and v][:MAX_RECENT]

    def _set(self, paths: list[Path]) -> None:
        settings = self.context.settings
        settings.setValue(RECENT_KEY, [str(p) for p in paths[:MAX_RECENT]])
        settings.sync()
        self._fill_menu()

    def add(self, path: Path) -> None:
        """Put a file at the top of the recent-files list."""
        path = Path(os.path.abspath(path))
        self._set([path, *(p for p in self.paths() if p != path)])

    def clear(self) -> None:
        """Empty the recent-files list."""
        self._set([])

    def _fill_menu(self) -> None:
        menu = self.menu
        menu.clear()
        paths = self.paths()
        for number, path in enumerate(paths, start=1):
            name = path.name.replace("&", "&&")
            action = menu.addAction(f"&{number} {name}" if number < 10 else f"1&0 {name}")
            action.setObjectName(f"actionRecent{number}")
            action.setData(str(path))
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _checked=False, p=path: self.open(p))
        if paths:
            menu.addSeparator()
        clear = menu.addAction(self.tr("清除列表"))
        clear.setObjectName("actionClearRecent")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self.clear)

    def open(self, path: Path) -> None:
        """Open a recent file; one that no longer exists is taken off the list."""
        if not path.exists():
            self._set([p for p in self.paths() if p != path])
            window = self.context.window
            self.context.dialogs.error(
                window,
                self.tr("无法打开文件"),
                self.tr("{path}：文件不存在").format(path=path),
            )
            return
        self._open_file(path)
