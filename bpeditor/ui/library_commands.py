"""工具 → 指标库: past tables indexed into the library, and 为本项目推荐指标 from it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction

from bpeditor.ui.editor_context import EditorContext, MenuItems
from bpeditor.ui.undo import push_edit

if TYPE_CHECKING:
    from bpeditor.io.library_index import LibraryIndex, UpdateReport
    from bpeditor.model.library import Library, Suggestion
    from bpeditor.ui.grid import IndicatorGrid

LIBRARY_FILE = "indicator-library.json"
"""The index's file name in the application data folder."""
SUGGESTIONS = 12
"""How many suggestions 为本项目推荐指标 lists."""
COMPLETIONS = 8
"""How many library entries the 三级 name completion offers after the table's own names."""


class LibraryCommands(QObject):
    """The library's actions; the index is opened when first needed."""

    def __init__(
        self,
        context: EditorContext,
        shown_project: Callable[[], tuple[int, int] | None],
        grid: IndicatorGrid | None = None,
    ) -> None:
        super().__init__(context.window)
        self.context = context
        self.shown_project = shown_project
        self._index: LibraryIndex | None = None
        self._completion: Library | None = None
        if grid is not None:
            from bpeditor.ui.delegates import NameDelegate  # noqa: PLC0415
            from bpeditor.ui.indicator_model import IndicatorTableModel  # noqa: PLC0415

            delegate = grid.itemDelegateForColumn(IndicatorTableModel.NAME)
            if isinstance(delegate, NameDelegate):
                delegate.library = (self.name_suggestions, self.pick_name)
        self.library_action = QAction(self.tr("指标库(&L)…"), context.window)
        self.library_action.setObjectName("actionIndicatorLibrary")
        self.library_action.triggered.connect(self.ask_add_folder)
        self.library_file_action = QAction(self.tr("把一个文件加入指标库(&F)…"), context.window)
        self.library_file_action.setObjectName("actionIndicatorLibraryFile")
        self.library_file_action.triggered.connect(self.ask_add_file)
        self.suggest_action = QAction(self.tr("为本项目推荐指标(&R)…"), context.window)
        self.suggest_action.setObjectName("actionSuggestIndicators")
        self.suggest_action.triggered.connect(self.suggest_for_project)

    def menu_items(self) -> MenuItems:
        """The 工具 menu's entries."""
        return [None, self.library_action, self.library_file_action, self.suggest_action]

    def index(self) -> LibraryIndex:
        """The library's index in the application data folder, brought up to date."""
        if self._index is None:
            from bpeditor.io.library_index import LibraryIndex  # noqa: PLC0415 - not at start-up
            from bpeditor.ui.settings import data_dir  # noqa: PLC0415

            self._index = LibraryIndex.open(data_dir() / LIBRARY_FILE)
            self._update()
        return self._index

    def completion_library(self) -> Library:
        """The library the name completion ranks from, loaded on first use.

        The stored index as it is (files are read again when the clerk opens 指标库, never
        while typing); the index brought up to date when it was already open.
        """
        if self._completion is None:
            if self._index is None:
                from bpeditor.io.library_index import LibraryIndex  # noqa: PLC0415 - lazily
                from bpeditor.ui.settings import data_dir  # noqa: PLC0415

                self._completion = LibraryIndex.open(data_dir() / LIBRARY_FILE).library()
            else:
                self._completion = self._index.library()
        return self._completion

    def name_suggestions(self, text: str, row: int) -> list[Suggestion]:
        """Library entries for a 三级 name typed in a row of the shown project, best first."""
        where = self.shown_project()
        if where is None:
            return []
        unit = self.context.document.unit(where[0])
        project = unit.projects[where[1]]
        level2 = project.indicators[row].level2 if 0 <= row < len(project.indicators) else ""
        return self.completion_library().suggest(
            text, project=project.name, unit=unit.name, level2=level2, top=COMPLETIONS
        )

    def pick_name(self, row: int, suggestion: Suggestion) -> None:
        """Fill a row of the shown project from a picked entry, as one undo step."""
        from bpeditor.model.library import pick_edit  # noqa: PLC0415

        where = self.shown_project()
        if where is None:
            return
        indicators = self.context.document.project(*where).indicators
        edit = pick_edit(indicators, where, row, suggestion, self.tr("选用指标库指标"))
        if edit is not None:
            push_edit(self.context.undo_stack, self.context.document, edit)

    def _update(self) -> UpdateReport:
        from bpeditor.io.base import WriteError  # noqa: PLC0415

        assert self._index is not None
        report = self._index.update()
        self._completion = None
        try:
            self._index.save()
        except WriteError as exc:
            report.failed.append(str(exc))
        return report

    def ask_add_folder(self) -> None:
        """Ask for a folder of past tables and add it to the library."""
        folder = self.context.dialogs.open_folder(
            self.context.window, self.tr("选择往年的表所在的文件夹")
        )
        if folder is not None:
            self.add_sources([folder])

    def ask_add_file(self) -> None:
        """Ask for one past table (any readable format) and add it to the library."""
        from bpeditor.ui.file_formats import read_filter  # noqa: PLC0415 - deferred: start-up

        path = self.context.dialogs.open_file(
            self.context.window, self.tr("选择往年的表"), read_filter()
        )
        if path is not None:
            self.add_sources([path])

    def add_sources(self, paths: list[Path]) -> UpdateReport:
        """Index these files or folders and say what was read and what could not be."""
        index = self.index()
        index.add_sources(paths)
        report = self._update()
        message = (
            self.tr("指标库：%1 个文件、%2 个指标；本次读取 %3 个文件。")
            .replace("%1", str(len(index.files)))
            .replace("%2", str(len(index.entries())))
            .replace("%3", str(report.read))
        )
        if report.failed:
            skipped = self.tr("以下文件无法读取，已跳过：")
            message += "\n\n" + skipped + "\n" + "\n".join(report.failed)
        self.context.dialogs.information(self.context.window, self.tr("指标库"), message)
        return report

    def suggestions(self) -> list[Suggestion]:
        """The library's top suggestions for the project shown (its own history first)."""
        where = self.shown_project()
        if where is None:
            return []
        unit = self.context.document.unit(where[0])
        project = unit.projects[where[1]]
        found = (
            self.index()
            .library()
            .suggest(
                project=project.name, unit=unit.name, top=SUGGESTIONS + len(project.indicators)
            )
        )
        have = {i.name.strip() for i in project.indicators}
        return [s for s in found if s.entry.name not in have][:SUGGESTIONS]

    def suggest_for_project(self) -> None:
        """List the suggestions; the ones the clerk ticks are inserted as one undo step."""
        from PySide6.QtWidgets import (  # noqa: PLC0415 - deferred: start-up
            QDialog,
            QDialogButtonBox,
            QListWidget,
            QListWidgetItem,
            QVBoxLayout,
        )

        where = self.shown_project()
        found = self.suggestions()
        if where is None or not found:
            self.context.show_status(self.tr("指标库中没有可推荐的指标"))
            return
        dialog = QDialog(self.context.window)
        dialog.setObjectName("suggestDialog")
        dialog.setWindowTitle(self.tr("为本项目推荐指标"))
        items = QListWidget(dialog)
        items.setObjectName("suggestionList")
        for s in found:
            e = s.entry
            text = f"{e.name}    {e.annual_value or e.period_value}    （{e.source.project}）"
            item = QListWidgetItem(text, items)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if s.same_project else Qt.CheckState.Unchecked)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(items)
        layout.addWidget(buttons)
        if not self.context.dialogs.run_dialog(dialog):
            return
        chosen = [
            s for n, s in enumerate(found) if items.item(n).checkState() == Qt.CheckState.Checked
        ]
        self.insert(where, chosen)

    def insert(self, where: tuple[int, int], chosen: list[Suggestion]) -> None:
        """Append the chosen entries to the project as one undo step (values from its history)."""
        from bpeditor.model.edits import InsertIndicators  # noqa: PLC0415

        if not chosen:
            return
        rows = [s.entry.indicator(with_values=s.same_project) for s in chosen]
        end = len(self.context.document.project(*where).indicators)
        edit = InsertIndicators(*where, end, rows, text=self.tr("插入推荐指标"))
        push_edit(self.context.undo_stack, self.context.document, edit)
