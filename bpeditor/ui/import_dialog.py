"""The Excel import dialog: when a sheet's layout is not recognised, the user maps it by hand.

:class:`ExcelImportDialog` previews a sheet (:mod:`bpeditor.ui.sheet_preview_model`: merged
cells spanned, rows numbered from 1, columns lettered like Excel); the user picks the header row
(a click on a preview row, or the spin box) and the field of every header column. Mappings are
remembered (:mod:`bpeditor.ui.excel_mappings`), so the next workbook with the same header comes
pre-filled.
:func:`ask_mapping` runs the dialog through a caller-supplied runner (never ``exec()`` here), so
tests and the dialog service can drive it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QSettings,
    Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpeditor.io.base import ReadError, ReadResult
from bpeditor.io.excel_grid import SheetGrid, column_letters
from bpeditor.io.excel_layouts import HEADER_SCAN_ROWS, detect, header_extent
from bpeditor.io.excel_reader import (
    FIELDS,
    LayoutNotRecognised,
    guess_mapping,
    load_sheets,
    read_excel_with_mapping,
)
from bpeditor.ui.excel_mappings import (
    MappingMemory,
    dedupe,
    field_label,
    header_texts,
)
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP
from bpeditor.ui.pick_combo import PickComboBox
from bpeditor.ui.settings import app_settings
from bpeditor.ui.sheet_preview_model import HEADER_BACKGROUND, SheetPreviewModel

NOT_IMPORTED = QT_TRANSLATE_NOOP("ExcelImportDialog", "（不导入）")
"""The field combo's entry for a column that is not imported (source text; shown translated)."""
_OK_STYLE = "color: #1b5e20;"
_PROBLEM_STYLE = "color: #b3261e;"
_CELL_WIDTH_LIMIT = 220
_VALUE_FIELDS = ("value", "period_value", "annual_value")


DialogRunner = Callable[[QDialog], bool]
"""Shows a dialog modally and returns whether it was accepted (the dialog service's job)."""


class ExcelImportDialog(QDialog):
    """Preview a workbook's sheet, pick its header row and map its columns to fields, import."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        error: LayoutNotRecognised | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """Read the workbook's sheets (raises :class:`ReadError` if it cannot be read)."""
        super().__init__(parent)
        self._path = Path(path)
        self._memory = MappingMemory(settings)
        self._book = load_sheets(self._path)
        self._grid: SheetGrid | None = None
        self._header_row = 0
        self._texts: list[str] = []
        self._combos: list[QComboBox] = []
        self._result: ReadResult | None = None
        self._sufficient = False
        self._updating = False

        self.setWindowTitle(self.tr("从 Excel 导入：指定表头和各列"))
        self.setSizeGripEnabled(True)
        self.resize(1040, 640)

        intro = QLabel(self._intro_text(error))
        intro.setWordWrap(True)
        intro.setObjectName("introLabel")
        self._model = SheetPreviewModel(self)
        self._view = self._make_preview()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self._view)
        splitter.addWidget(self._make_columns_panel())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 400])
        splitter.setChildrenCollapsible(False)
        self._status = QLabel()
        self._status.setObjectName("statusLabel")
        self._status.setWordWrap(True)
        self._status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self._make_choosers())
        layout.addWidget(splitter, 1)
        layout.addWidget(self._status)
        layout.addWidget(self._make_buttons())

        start = self._start_sheet(error)
        self._sheet_combo.setCurrentIndex(start)
        self._sheet_combo.currentIndexChanged.connect(self._on_sheet)
        self._row_spin.valueChanged.connect(self._on_spin)
        self._load_sheet(start, error)

    def _make_choosers(self) -> QHBoxLayout:
        """The sheet combo and the header row spin box."""
        self._sheet_combo = QComboBox()
        self._sheet_combo.setObjectName("sheetCombo")
        for grid in self._book.sheets:
            label = grid.name
            if not grid.visible:
                label += self.tr("（隐藏）")
            elif not any(any(c.strip() for c in row) for row in grid.rows):
                label += self.tr("（空）")
            self._sheet_combo.addItem(label, grid.name)
        self._row_spin = QSpinBox()
        self._row_spin.setObjectName("headerRowSpin")
        self._row_spin.setPrefix(self.tr("第 "))
        self._row_spin.setSuffix(self.tr(" 行"))
        self._row_spin.setMinimum(1)
        top = QHBoxLayout()
        sheet_label = QLabel(self.tr("工作表(&S)："))
        sheet_label.setBuddy(self._sheet_combo)
        row_label = QLabel(self.tr("表头行(&H)："))
        row_label.setBuddy(self._row_spin)
        top.addWidget(sheet_label)
        top.addWidget(self._sheet_combo, 1)
        top.addSpacing(16)
        top.addWidget(row_label)
        top.addWidget(self._row_spin)
        pick_hint = QLabel(self.tr("（也可以在预览中点击表头所在的行）"))
        pick_hint.setEnabled(False)
        top.addWidget(pick_hint)
        top.addStretch(2)
        return top

    def _make_preview(self) -> QTableView:
        """The read-only sheet preview; choosing a row there makes it the header row."""
        view = QTableView()
        view.setObjectName("previewView")
        view.setModel(self._model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setWordWrap(False)
        # the selected row is the header row: show it in the header highlight, not the theme's
        view.setStyleSheet(
            f"QTableView {{ selection-background-color: {HEADER_BACKGROUND.name()};"
            " selection-color: black; }"
        )
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        view.selectionModel().currentRowChanged.connect(self._on_current_row)
        return view

    def _make_columns_panel(self) -> QWidget:
        """The list of header columns, each with its field combo (filled by _build_columns)."""
        self._memory_label = QLabel()
        self._memory_label.setObjectName("memoryLabel")
        self._memory_label.setWordWrap(True)
        self._columns_widget = QWidget()
        self._columns_layout = QGridLayout(self._columns_widget)
        self._columns_layout.setColumnStretch(2, 1)  # the field choosers take the width
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._columns_widget)
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("各列对应的栏目"))
        bold = title.font()
        bold.setBold(True)
        title.setFont(bold)
        layout.addWidget(title)
        layout.addWidget(self._memory_label)
        layout.addWidget(scroll, 1)
        return panel

    def _make_buttons(self) -> QDialogButtonBox:
        """导入 (the default, enabled only when the mapping is sufficient) and 取消."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self._import_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._import_button.setText(self.tr("导入"))
        self._import_button.setObjectName("importButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    # --- public API ---------------------------------------------------------------------------

    def sheet(self) -> str:
        """The chosen sheet's name."""
        return self._grid.name if self._grid is not None else ""

    def header_row(self) -> int:
        """The chosen header row, 0-based (as :func:`read_excel_with_mapping` takes it)."""
        return self._header_row

    def mapping(self) -> dict[int, str]:
        """Column (0-based) → field key (see ``FIELDS``) for every imported column."""
        found: dict[int, str] = {}
        for col, combo in enumerate(self._combos):
            field_name = combo.currentData()
            if field_name:
                found[col] = str(field_name)
        return found

    def columns(self) -> list[str]:
        """The header row's normalised column texts, one per mappable column."""
        return list(self._texts)

    def set_sheet(self, name: str) -> None:
        """Choose a sheet by name (as picking it in the sheet combo does)."""
        index = self._sheet_combo.findData(name)
        if index < 0:
            raise KeyError(name)
        self._sheet_combo.setCurrentIndex(index)

    def set_header_row(self, row: int) -> None:
        """Choose the header row, 0-based (as the spin box or a click on a preview row does)."""
        self._row_spin.setValue(row + 1)

    def set_field(self, column: int, field_name: str) -> None:
        """Map a column (0-based) to a field key, or ``""``, as picking it in its list does."""
        combo = self._combos[column]
        index = combo.findData(field_name)
        if index < 0:
            raise KeyError(field_name)
        combo.setCurrentIndex(index)
        self._on_pick(column)

    def field_combo(self, column: int) -> QComboBox:
        """The field chooser of a column (0-based)."""
        return self._combos[column]

    def preview_view(self) -> QTableView:
        """The sheet preview."""
        return self._view

    def preview_model(self) -> SheetPreviewModel:
        """The sheet preview's model."""
        return self._model

    def import_button(self) -> QWidget:
        """The 导入 button (enabled only when the mapping is sufficient)."""
        return self._import_button

    def status_text(self) -> str:
        """The status line: whether the mapping is sufficient, or why an import failed."""
        return self._status.text()

    def is_sufficient(self) -> bool:
        """Whether the mapping names enough columns to import."""
        return self._sufficient

    def remembered(self) -> bool:
        """Whether the current mapping was pre-filled from one remembered for the same header."""
        return self._memory.mapping_for(self._texts) is not None

    def result(self) -> ReadResult | None:  # type: ignore[override]
        """The imported table (importing now if not yet done); ``None`` if it failed.

        Shadows :meth:`QDialog.result`: use the runner's answer (or ``exec()``'s) for the
        accepted/rejected code.
        """
        if self._result is None and self._sufficient:
            self._result = self._import()
        return self._result

    def accept(self) -> None:
        """Import with the chosen mapping; close only if it worked, else say why in the status."""
        if not self._sufficient:
            return
        result = self._import()
        if result is None:
            return
        self._result = result
        self._memory.remember(self._texts, self.mapping())
        super().accept()

    # --- building -----------------------------------------------------------------------------

    def _intro_text(self, error: LayoutNotRecognised | None) -> str:
        name = self._path.name
        if error is None:
            return self.tr("从“{name}”导入：请选择工作表和表头行，并为各列指定对应的栏目。").format(
                name=name
            )
        if error.header_row is None:
            where = self.tr("工作表“{sheet}”中找不到表头行").format(sheet=error.sheet)
        else:
            where = self.tr(
                "工作表“{sheet}”第 {row} 行的表头无法自动对应到绩效目标表的栏目"
            ).format(sheet=error.sheet, row=error.header_row + 1)
        return self.tr(
            "“{name}”的格式未能自动识别（{where}）。"
            "请在预览中点选表头所在的行，再为各列指定对应的栏目，然后点“导入”。"
        ).format(name=name, where=where)

    def _start_sheet(self, error: LayoutNotRecognised | None) -> int:
        """A sheet with a remembered header, else the error's sheet, else the first with text."""
        sheets = self._book.sheets
        for i, grid in enumerate(sheets):
            if grid.visible and self._memory.row_with_mapping(grid) is not None:
                return i
        if error is not None:
            for i, grid in enumerate(sheets):
                if grid.name == error.sheet:
                    return i
        for i, grid in enumerate(sheets):
            if grid.visible and any(any(c.strip() for c in row) for row in grid.rows):
                return i
        return 0

    def _load_sheet(self, index: int, error: LayoutNotRecognised | None = None) -> None:
        grid = self._book.sheets[index] if 0 <= index < len(self._book.sheets) else None
        self._grid = grid
        self._result = None
        self._model.set_grid(grid)
        self._view.clearSpans()
        for row, col, rows, cols in self._model.spans():
            self._view.setSpan(row, col, rows, cols)
        self._updating = True
        self._row_spin.setMaximum(max(1, len(grid.rows)) if grid else 1)
        self._updating = False
        self._set_header_row(self._start_row(grid, error))
        self._fit_columns()

    def _fit_columns(self) -> None:
        self._view.resizeColumnsToContents()
        header = self._view.horizontalHeader()
        minimum = self._view.fontMetrics().horizontalAdvance("M") * 4
        for col in range(self._model.columnCount()):
            width = header.sectionSize(col)
            header.resizeSection(col, max(minimum, min(width, _CELL_WIDTH_LIMIT)))

    def _start_row(self, grid: SheetGrid | None, error: LayoutNotRecognised | None) -> int:
        """A remembered header, else the error's guess, else the detector's, else the first row."""
        if grid is None:
            return 0
        remembered = self._memory.row_with_mapping(grid)
        if remembered is not None:
            return remembered
        if error is not None and error.sheet == grid.name and error.header_row is not None:
            return error.header_row
        detected, guess, _ = detect(grid)
        if detected is not None:
            return detected.header_row
        if guess is not None:
            return guess
        scan = min(len(grid.rows), HEADER_SCAN_ROWS)
        return next((r for r in range(scan) if any(c.strip() for c in grid.rows[r])), 0)

    def _set_header_row(self, row: int) -> None:
        """Make ``row`` the header: highlight it, select it, and rebuild the column choosers."""
        grid = self._grid
        self._header_row = row
        self._result = None
        self._updating = True
        self._row_spin.setValue(row + 1)
        if grid is not None and 0 <= row < len(grid.rows):
            last = header_extent(grid, row)
            self._model.set_header_rows(row, last)
            if row < self._model.rowCount():
                index = self._model.index(row, 0)
                self._view.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self._view.scrollTo(index)
            else:
                self._view.clearSelection()
            self._texts = header_texts(grid, row)
        else:
            self._model.set_header_rows(-1, -1)
            self._texts = []
        self._updating = False
        self._build_columns()

    def _build_columns(self) -> None:
        """One row per header column: its letter, its header text and a field combo."""
        while self._columns_layout.count():
            item = self._columns_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self._combos = []
        remembered = self._memory.mapping_for(self._texts)
        if remembered is not None:
            initial = remembered
            self._memory_label.setText(self.tr("已套用上次导入相同表头时选定的对应关系。"))
        elif self._grid is not None and self._texts:
            guessed = guess_mapping(self._grid, self._header_row)
            initial = dedupe(
                {c: f for c, f in guessed.items() if f in FIELDS and c < len(self._texts)}
            )
            self._memory_label.setText(
                self.tr("已按表头文字猜测了部分列，请核对并补全。")
                if initial
                else self.tr("表头文字未能对应到任何栏目，请为各列指定。")
            )
        else:
            initial = {}
            self._memory_label.setText("")
        for col, text in enumerate(self._texts):
            letter = QLabel(column_letters(col))
            letter.setAlignment(Qt.AlignmentFlag.AlignCenter)
            letter.setMinimumWidth(letter.fontMetrics().horizontalAdvance("MM"))
            shown = text or self.tr("（空）")
            title = QLabel()
            title.setText(title.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideRight, 180))
            title.setToolTip(shown)
            title.setEnabled(bool(text))
            combo = PickComboBox()
            combo.setObjectName(f"fieldCombo{col}")
            combo.addItem(self.tr(NOT_IMPORTED), "")
            for key in FIELDS:
                combo.addItem(field_label(key), key)
            combo.setMaxVisibleItems(len(FIELDS) + 1)
            # Narrow enough for the panel; the list drops down as wide as its longest field.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 32)
            combo.setCurrentIndex(max(0, combo.findData(initial.get(col, ""))))
            combo.currentIndexChanged.connect(self._on_field)
            combo.activated.connect(lambda _i, c=col: self._on_pick(c))
            self._columns_layout.addWidget(letter, col, 0)
            self._columns_layout.addWidget(title, col, 1)
            self._columns_layout.addWidget(combo, col, 2)
            self._combos.append(combo)
        self._columns_layout.setRowStretch(len(self._texts), 1)
        self._evaluate()

    # --- reacting -----------------------------------------------------------------------------

    def _on_sheet(self, index: int) -> None:
        self._load_sheet(index)

    def _on_spin(self, value: int) -> None:
        if not self._updating and value - 1 != self._header_row:
            self._set_header_row(value - 1)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._updating or not current.isValid() or current.row() == self._header_row:
            return
        self._set_header_row(current.row())

    def _on_field(self, _index: int) -> None:
        self._result = None
        self._evaluate()

    def _on_pick(self, column: int) -> None:
        """The user picked a column's field: a field maps to one column, so another lets go."""
        chosen = self._combos[column].currentData()
        if chosen:
            for col, combo in enumerate(self._combos):
                if col != column and combo.currentData() == chosen:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._result = None
        self._evaluate()

    def _evaluate(self) -> None:
        """Update the status line and the 导入 button from the current choices."""
        ok, message = self._check()
        self._sufficient = ok
        self._import_button.setEnabled(ok)
        self._show_status(message, ok)

    def _check(self) -> tuple[bool, str]:
        """Whether the mapping is sufficient, and the status line saying so (or what is missing)."""
        if self._grid is None:
            return False, self.tr("工作簿中没有工作表。")
        row = self._header_row + 1
        if not self._texts:
            return False, self.tr("第 {row} 行是空行：请选择表头所在的行。").format(row=row)
        fields = set(self.mapping().values())
        if "project" not in fields:
            return False, self.tr("还不能导入：请指定“项目名称”列。")
        if "indicators" in fields:
            mixed = sorted(fields & {"level1", "level2", "name"})
            if mixed:
                labels = self.tr("、").join(
                    self.tr("“{field}”").format(field=field_label(f)) for f in mixed
                )
                return False, self.tr(
                    "还不能导入：“绩效指标”列（汇总表，一格多指标）不能与{fields}列同时指定，"
                    "请只保留一种。"
                ).format(fields=labels)
            return True, self.tr(
                "可以导入：按汇总表读取，第 {row} 行为表头，{count} 列已对应。"
            ).format(row=row, count=len(fields))
        if "name" not in fields:
            return False, self.tr(
                "还不能导入：请指定“三级指标”列（每行一条指标的表），"
                "或“绩效指标”列（汇总表，一格多指标）。"
            )
        notes = []
        if not fields & set(_VALUE_FIELDS):
            notes.append(self.tr("没有指定指标值列，指标值将为空"))
        if "level1" not in fields:
            notes.append(self.tr("没有指定“一级指标”列，每条指标都会有警告"))
        extra = (
            self.tr("（注意：{notes}）").format(notes=self.tr("；").join(notes)) if notes else ""
        )
        message = self.tr("可以导入：每行一条指标，第 {row} 行为表头，{count} 列已对应。")
        return True, message.format(row=row, count=len(fields)) + extra

    def _show_status(self, message: str, ok: bool) -> None:
        self._status.setText(message)
        self._status.setStyleSheet(_OK_STYLE if ok else _PROBLEM_STYLE)

    def _import(self) -> ReadResult | None:
        """Read the sheet with the chosen mapping; on failure say why in the status line."""
        index = self._sheet_combo.currentIndex()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return read_excel_with_mapping(self._path, index, self._header_row, self.mapping())
        except ReadError as exc:
            message = str(exc).removeprefix(f"{self._path}：")
        except OSError as exc:
            message = self.tr("无法读取（{error}）").format(error=exc.strerror or exc)
        except Exception as exc:  # an importer's bug must still reach the user as one clear line
            message = self.tr("无法导入，文件内容不符合预期（{error}）").format(
                error=f"{type(exc).__name__}：{exc}"
            )
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show_status(self.tr("导入失败：{reason}").format(reason=message), False)
        return None


def ask_mapping(
    parent: QWidget | None,
    path: str | os.PathLike[str],
    error: LayoutNotRecognised | None,
    dialogs_runner: DialogRunner,
    settings: QSettings | None = None,
) -> ReadResult | None:
    """Let the user map an unrecognised workbook; the imported result, or ``None`` if cancelled.

    ``dialogs_runner`` shows the dialog modally and returns whether it was accepted.
    ``settings`` defaults to the program's settings (where mappings are remembered). Raises
    :class:`ReadError` if the workbook can no longer be read.
    """
    if settings is None:
        settings = app_settings()
    dialog = ExcelImportDialog(path, error, settings, parent)
    try:
        if not dialogs_runner(dialog):
            return None
        return dialog.result()
    finally:
        dialog.deleteLater()


__all__ = [
    "NOT_IMPORTED",
    "DialogRunner",
    "ExcelImportDialog",
    "ask_mapping",
]
