"""三级 name completion: the open table's names, then the indicator library's ranked entries.

Attached to the name editor by :class:`~bpeditor.ui.delegates.NameDelegate` when the window
gives it a library (:class:`~bpeditor.ui.library_commands.LibraryCommands`). The list is
rebuilt at each keystroke: the table's names containing the text, then the library's
suggestions (pinyin initials too) not already listed. Picking a library entry hands it to
``pick``, which fills the row as one undo step.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

if TYPE_CHECKING:
    from bpeditor.model.library import Suggestion

Suggest = Callable[[str, int], "list[Suggestion]"]
"""The library's suggestions for the typed text in a row of the shown project."""
Pick = Callable[[int, "Suggestion"], None]
"""Fill a row of the shown project from a picked suggestion (one undo step)."""

NAME_ROLE = Qt.ItemDataRole.UserRole
"""The name a completion puts into the editor."""
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
"""The number of a library suggestion in the list (absent for the table's own names)."""
TABLE_NAMES = 12
"""At most this many of the table's names are offered."""


def entry_text(suggestion: Suggestion) -> str:
    """How the list shows a library entry: the name, its value and where it comes from."""
    entry = suggestion.entry
    value = entry.annual_value or entry.period_value
    year = f"{entry.source.year}" if entry.source.year else ""
    if suggestion.same_project:
        origin = QCoreApplication.translate("NameCompletion", "本项目往年 {year}").format(year=year)
    else:
        origin = QCoreApplication.translate("NameCompletion", "指标库：{project} {year}").format(
            project=entry.source.project, year=year
        )
    return "　".join(part for part in (entry.name, value, f"〔{origin.strip()}〕") if part)


class NameCompletion(QObject):
    """The completer of one open name editor and the suggestions it lists (a child of it)."""

    def __init__(
        self,
        editor: QLineEdit,
        index: QModelIndex | QPersistentModelIndex,
        names: Callable[[], list[str]],
        suggest: Suggest,
        pick: Pick,
    ) -> None:
        super().__init__(editor)
        self.editor = editor
        self.row = index.row()
        self.names = names
        self.suggest = suggest
        self.pick = pick
        self.found: list[Suggestion] = []
        self.model = QStandardItemModel(editor)
        self.completer = QCompleter(self.model, editor)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(NAME_ROLE)
        self.completer.setMaxVisibleItems(12)
        self.completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        editor.setCompleter(self.completer)
        editor.textEdited.connect(self.refresh)

    def refresh(self, text: str) -> None:
        """List the table's names containing ``text``, then the library's suggestions."""
        self.model.clear()
        self.found = []
        typed = text.strip()
        if not typed:
            return
        needle = typed.casefold()
        listed = [n for n in self.names() if needle in n.casefold() and n != typed][:TABLE_NAMES]
        for name in listed:
            item = QStandardItem(name)
            item.setData(name, NAME_ROLE)
            self.model.appendRow(item)
        for suggestion in self.suggest(typed, self.row):
            if suggestion.entry.name in listed:
                continue
            item = QStandardItem(entry_text(suggestion))
            item.setData(suggestion.entry.name, NAME_ROLE)
            item.setData(len(self.found), ENTRY_ROLE)
            item.setToolTip(suggestion.entry.source.file)
            self.found.append(suggestion)
            self.model.appendRow(item)

    def _activated(self, index: QModelIndex) -> None:
        number = index.data(ENTRY_ROLE)
        if isinstance(number, int) and 0 <= number < len(self.found):
            self.pick(self.row, self.found[number])
