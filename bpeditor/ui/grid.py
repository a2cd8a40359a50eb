"""The indicator grid view: spreadsheet keys, cell editors and optional columns.

Enter commits and moves down (and moves down when not editing), Tab/Shift+Tab commit and move
right/left, F2 or simply typing starts editing, and arrows move. Long texts wrap: the rows on
screen grow to fit them (:mod:`bpeditor.ui.row_fit`; sizing every row is far too slow on big
projects). The value columns take the width their text needs, within limits, on first show and
when the grid is resized, until the user sizes the columns by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMenu,
    QTableView,
    QWidget,
)

from bpeditor.ui.delegates import ClassDelegate, NameDelegate, ValueDelegate
from bpeditor.ui.indicator_model import IndicatorTableModel
from bpeditor.ui.row_fit import VisibleRowHeights

_EndEditHint = QAbstractItemDelegate.EndEditHint
_Trigger = QAbstractItemView.EditTrigger
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
FIT_ROWS_LIMIT = 500
"""Projects with more indicators keep the default column widths (measuring them costs)."""


class IndicatorGrid(QTableView):
    """A table view of a project's indicators that edits like a spreadsheet."""

    user_sized = Signal()
    """The user sized a column by hand (its widths are then kept and remembered)."""

    def __init__(
        self,
        model: IndicatorTableModel,
        names: Callable[[], list[str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("indicatorGrid")
        self.setModel(model)
        self.open_popup = False
        """True while an editor is being opened by the mouse (combos then drop down)."""
        M = IndicatorTableModel
        self.setItemDelegateForColumn(M.LEVEL1, ClassDelegate(1, M.LEVEL1, self))
        self.setItemDelegateForColumn(M.LEVEL2, ClassDelegate(2, M.LEVEL1, self))
        self.setItemDelegateForColumn(M.NAME, NameDelegate(names, self))
        self.setItemDelegateForColumn(M.PERIOD, ValueDelegate(self))
        self.setItemDelegateForColumn(M.ANNUAL, ValueDelegate(self))
        self.setEditTriggers(
            _Trigger.DoubleClicked | _Trigger.EditKeyPressed | _Trigger.AnyKeyPressed
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAlternatingRowColors(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._setup_headers()
        self.column_actions = self._column_actions()
        # Long values wrap; the rows on screen grow to fit them (never all rows: far too slow).
        self.row_heights = VisibleRowHeights(self, self.fontMetrics().height() + 10)
        self.user_widths = False
        """Whether the user sized the columns (then they are kept, not fitted)."""
        self._fitting = False
        self._fitted_width = -1
        self.horizontalHeader().sectionResized.connect(self._on_section_resized)

    def _setup_headers(self) -> None:
        metrics = self.fontMetrics()
        vertical = self.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(metrics.height() + 10)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(IndicatorTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        pad = 28
        value_width = metrics.horizontalAdvance("实施周期指标值") * 3 // 2
        widths = {
            IndicatorTableModel.LEVEL1: metrics.horizontalAdvance("满意度指标") + pad,
            IndicatorTableModel.LEVEL2: metrics.horizontalAdvance("服务对象满意度") + pad,
            IndicatorTableModel.PERIOD: value_width,
            IndicatorTableModel.ANNUAL: value_width,
            IndicatorTableModel.BASIS: metrics.horizontalAdvance("指标值确定依据") + pad,
            IndicatorTableModel.EXPLANATION: value_width,
            IndicatorTableModel.NOTE: value_width,
            IndicatorTableModel.WEIGHT: metrics.horizontalAdvance("权重0") + pad,
            IndicatorTableModel.SCORE: metrics.horizontalAdvance("分值0") + pad,
            IndicatorTableModel.PREVIOUS: value_width,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        self.min_value_width = value_width
        header.setMinimumSectionSize(metrics.horizontalAdvance("一级") + pad)
        for column in range(IndicatorTableModel.MAIN_COLUMNS, len(IndicatorTableModel.HEADERS)):
            self.setColumnHidden(column, True)

    def fit_columns(self, *, force: bool = False) -> None:
        """Value columns as wide as their text (within a quarter of the view each); 三级 the rest.

        Never narrower than their header. Kept once the user sized the columns by hand.
        """
        width = self.maximumViewportSize().width()
        model = self.model()
        if (self.user_widths and not force) or model is None or model.rowCount() > FIT_ROWS_LIMIT:
            return
        self._fitted_width = width
        header = self.horizontalHeader()
        limit = max(self.min_value_width, width // 4)
        self._fitting = True
        try:
            for column in (IndicatorTableModel.PERIOD, IndicatorTableModel.ANNUAL):
                wanted = max(self.min_value_width, self.sizeHintForColumn(column))
                header.resizeSection(
                    column, max(header.sectionSizeFromContents(column).width(), min(wanted, limit))
                )
        finally:
            self._fitting = False

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        dragged = bool(QApplication.mouseButtons() & Qt.MouseButton.LeftButton)
        if dragged and not self._fitting and column != IndicatorTableModel.NAME:
            self.user_widths = True  # sized by the user: keep it
            self.user_sized.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A wider or narrower grid fits its columns again (on first show too)."""
        super().resizeEvent(event)
        if self.maximumViewportSize().width() != self._fitted_width:
            self.fit_columns()

    def _column_actions(self) -> list[QAction]:
        """Checkable actions showing or hiding the optional columns (also in the 视图 menu)."""
        actions = []
        for column in range(IndicatorTableModel.MAIN_COLUMNS, len(IndicatorTableModel.HEADERS)):
            action = QAction(IndicatorTableModel.header(column), self)
            action.setObjectName(f"actionColumn{column}")
            action.setCheckable(True)
            action.setChecked(False)
            action.toggled.connect(lambda on, c=column: self.setColumnHidden(c, not on))
            actions.append(action)
        return actions

    def _header_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.setTitle(self.tr("显示列"))
        for action in self.column_actions:
            menu.addAction(action)
        menu.popup(self.horizontalHeader().mapToGlobal(pos))

    # --- the cells ---------------------------------------------------------------------

    def visible_columns(self) -> list[int]:
        """The shown editable columns, left to right (the order copy, paste and Tab use)."""
        header = self.horizontalHeader()
        columns = [header.logicalIndex(v) for v in range(header.count())]
        editable = len(IndicatorTableModel.FIELDS)  # not the read-only 上年指标值
        return [c for c in columns if c < editable and not self.isColumnHidden(c)]

    def selected_rows(self) -> list[int]:
        """The rows with a selected cell (or the current row when nothing is selected)."""
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return rows

    def select_rows(self, rows: list[int], column: int | None = None) -> None:
        """Select whole rows and make the first one current (keeping the column)."""
        model = self.model()
        if not rows or model is None:
            return
        rows = [r for r in rows if 0 <= r < model.rowCount()]
        if not rows:
            return
        column = self.currentIndex().column() if column is None else column
        column = max(column, 0)
        selection = self.selectionModel()
        selection.setCurrentIndex(
            model.index(rows[0], column), QItemSelectionModel.SelectionFlag.NoUpdate
        )
        selection.clearSelection()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for row in rows:
            selection.select(model.index(row, 0), flags)
        self.scrollTo(model.index(rows[0], column))

    def go_to_cell(self, row: int, column: int) -> None:
        """Make one cell current and selected, scrolled into view."""
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        if self.isColumnHidden(column):
            column = IndicatorTableModel.NAME
        index = model.index(row, column)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.scrollTo(index)

    def _move_current(self, rows: int, columns: int) -> None:
        current = self.currentIndex()
        model: QAbstractItemModel | None = self.model()
        if not current.isValid() or model is None:
            return
        visible = self.visible_columns()
        row = min(max(current.row() + rows, 0), model.rowCount() - 1)
        position = visible.index(current.column()) if current.column() in visible else 0
        column = visible[min(max(position + columns, 0), len(visible) - 1)]
        self.go_to_cell(row, column)

    # --- spreadsheet keys --------------------------------------------------------------

    def edit(self, index: QModelIndex, trigger=None, event=None) -> bool | None:  # type: ignore[no-untyped-def,override]
        """Open an editor; remember whether the mouse opened it (for combo pop-ups)."""
        if trigger is None:
            return super().edit(index)
        self.open_popup = trigger in (_Trigger.DoubleClicked, _Trigger.SelectedClicked)
        try:
            return super().edit(index, trigger, event)
        finally:
            self.open_popup = False

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter commits and moves down; Tab and Shift+Tab commit and move right and left."""
        moves = {
            _EndEditHint.SubmitModelCache: (1, 0),
            _EndEditHint.EditNextItem: (0, 1),
            _EndEditHint.EditPreviousItem: (0, -1),
        }
        move = moves.get(hint)
        super().closeEditor(editor, _EndEditHint.NoHint if move else hint)
        if move is not None:
            self._move_current(*move)

    def _opens_list(self, event: QKeyEvent) -> bool:
        """Alt+↓ on a drop-down cell (一级/二级) when not editing: open its list, as Excel does."""
        alt = Qt.KeyboardModifier.AltModifier
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        return (
            event.key() == Qt.Key.Key_Down
            and mods == alt
            and self.state() != QAbstractItemView.State.EditingState
            and self.currentIndex().column()
            in (IndicatorTableModel.LEVEL1, IndicatorTableModel.LEVEL2)
        )

    def event(self, event: QEvent) -> bool:
        """Alt+↓ on a drop-down cell is the grid's own key, not the 下移指标 shortcut."""
        override = event.type() == QEvent.Type.ShortcutOverride
        if override and isinstance(event, QKeyEvent) and self._opens_list(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves down and Tab right when not editing; the rest as a table view does."""
        if self._opens_list(event):
            self.open_popup = True
            try:
                super().edit(self.currentIndex(), _Trigger.EditKeyPressed, event)
            finally:
                self.open_popup = False
            return
        if self.state() != QAbstractItemView.State.EditingState:
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() in _ENTER_KEYS and mods == Qt.KeyboardModifier.NoModifier:
                self._move_current(1, 0)
                return
            if event.key() == Qt.Key.Key_Tab and mods == Qt.KeyboardModifier.NoModifier:
                self._move_current(0, 1)
                return
            if event.key() == Qt.Key.Key_Backtab:
                self._move_current(0, -1)
                return
        super().keyPressEvent(event)
