"""The 全部指标 panel: every indicator of every project in one grid, to make a table consistent.

Filter by any text, 一级 class, project (or unit) and findings; sort by a column header; fill
down (Ctrl+D) and replace in the current column over the rows shown — each one undo step built
by :mod:`bpeditor.model.column_operations`; typing in a cell uses the project grid's operation.
Built the first time its tab is shown (:mod:`bpeditor.ui.all_indicators`), not at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpeditor.model.taxonomy import GUIDE_2021, OFFICIAL
from bpeditor.ui.all_indicators_model import AllIndicatorsModel, IndicatorFilter, Place
from bpeditor.ui.delegates import ClassDelegate, ValueDelegate
from bpeditor.ui.editor_context import EditorContext
from bpeditor.ui.row_fit import VisibleRowHeights
from bpeditor.ui.undo import push_edit

M = AllIndicatorsModel


class AllIndicatorsPanel(QWidget):
    """The filter bar, the whole-table grid and the column tools (fill down, replace)."""

    def __init__(self, context: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("allIndicatorsPanel")
        self.context = context
        self.model = AllIndicatorsModel(context.document, context.undo_stack, self)
        self.text_filter = self._line("filterText", self.tr("筛选：任意文字"))
        self.class_filter = QComboBox(self)
        self.class_filter.setObjectName("filterClass")
        self.class_filter.addItem(self.tr("全部一级指标"), "")
        for category in (*OFFICIAL.level1(), *GUIDE_2021.level1()):
            if self.class_filter.findData(category.code) < 0:
                self.class_filter.addItem(category.label, category.code)
        self.project_filter = self._line("filterProject", self.tr("项目或单位名称"))
        self.findings_filter = QCheckBox(self.tr("只看有检查结果的"), self)
        self.findings_filter.setObjectName("filterFindings")
        self.count_label = QLabel(self)
        self.count_label.setObjectName("allIndicatorsCount")
        self.view = self._make_view()
        self.column_find = self._line("columnFind", self.tr("本列中查找"))
        self.column_replace = self._line("columnReplace", self.tr("替换为"))
        self.replace_button = QPushButton(self.tr("在本列替换(&R)"), self)
        self.replace_button.setObjectName("replaceInColumn")
        self.replace_button.setToolTip(self.tr("在当前列的所有显示的行中替换"))
        self.fill_button = QPushButton(self.tr("向下填充(&D)"), self)
        self.fill_button.setObjectName("fillDown")
        self.fill_button.setToolTip(self.tr("把选中区域第一格的内容填到同列其余选中的格（Ctrl+D）"))
        self.fill_action = QAction(self.tr("向下填充"), self)
        self.fill_action.setObjectName("actionFillDown")
        self.fill_action.setShortcut(QKeySequence("Ctrl+D"))
        self.fill_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.view.addAction(self.fill_action)
        self._layout()
        self._connect()
        self.show_count()

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(True)
        return edit

    def _make_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("allIndicatorsView")
        view.setModel(self.model)
        view.setItemDelegateForColumn(M.LEVEL1, ClassDelegate(1, M.LEVEL1, view))
        view.setItemDelegateForColumn(M.LEVEL2, ClassDelegate(2, M.LEVEL1, view))
        view.setItemDelegateForColumn(M.PERIOD, ValueDelegate(view))
        view.setItemDelegateForColumn(M.ANNUAL, ValueDelegate(view))
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        vertical = view.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(view.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        view.setSortingEnabled(True)
        metrics = view.fontMetrics()
        widths = {
            M.UNIT: metrics.horizontalAdvance("口岸服务保障") + 24,
            M.PROJECT: metrics.horizontalAdvance("口岸车检场配套设施维修维护") + 24,
            M.LEVEL1: metrics.horizontalAdvance("满意度指标") + 28,
            M.LEVEL2: metrics.horizontalAdvance("服务对象满意度") + 28,
            M.NAME: metrics.horizontalAdvance("口岸查验单位对保障工作满意度") + 24,
            M.PERIOD: metrics.horizontalAdvance("实施周期指标值") * 3 // 2,
            M.ANNUAL: metrics.horizontalAdvance("实施周期指标值") * 3 // 2,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        # Long texts wrap; only the rows on screen are measured (35,000 rows would take seconds).
        self.row_heights = VisibleRowHeights(view, view.fontMetrics().height() + 10)
        return view

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.text_filter, 3)
        filters.addWidget(self.class_filter, 1)
        filters.addWidget(self.project_filter, 2)
        filters.addWidget(self.findings_filter)
        tools = QHBoxLayout()
        tools.addWidget(self.count_label, 1)
        tools.addWidget(self.fill_button)
        tools.addSpacing(12)
        tools.addWidget(self.column_find)
        tools.addWidget(self.column_replace)
        tools.addWidget(self.replace_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addLayout(tools)

    def _connect(self) -> None:
        self.text_filter.textChanged.connect(self.apply_filter)
        self.project_filter.textChanged.connect(self.apply_filter)
        self.class_filter.currentIndexChanged.connect(self.apply_filter)
        self.findings_filter.toggled.connect(self.apply_filter)
        self.fill_button.clicked.connect(self.fill_down)
        self.fill_action.triggered.connect(self.fill_down)
        self.replace_button.clicked.connect(self.replace_in_column)
        self.column_replace.returnPressed.connect(self.replace_in_column)
        self.view.doubleClicked.connect(self._open_project)
        self.model.modelReset.connect(self.show_count)

    # --- filtering ------------------------------------------------------------------------

    def current_filter(self) -> IndicatorFilter:
        """The filter the bar describes."""
        return IndicatorFilter(
            text=self.text_filter.text().strip(),
            level1=str(self.class_filter.currentData() or ""),
            project=self.project_filter.text().strip(),
            places=self._finding_places() if self.findings_filter.isChecked() else None,
        )

    def _finding_places(self) -> set[Place]:
        """The indicators a finding is about.

        A finding on a whole project (a missing class, its amounts) is about no one indicator:
        counting it for all of them would let every row of most tables through.
        """
        return {
            (where.unit, where.project, where.indicator)
            for where in (finding.location for finding in self.context.view.findings)
            if where.unit is not None and where.project is not None and where.indicator is not None
        }

    def apply_filter(self, *_args: object) -> None:
        """Show the rows the filter bar lets through."""
        self.model.set_filter(self.current_filter())

    def show_count(self) -> None:
        """共 N 个指标（显示 M 个）."""
        shown, total = self.model.rowCount(), self.model.total()
        text = (
            self.tr("共 {total} 个指标").format(total=total)
            if shown == total
            else self.tr("共 {total} 个指标，显示 {shown} 个").format(total=total, shown=shown)
        )
        self.count_label.setText(text)

    # --- column tools ---------------------------------------------------------------------

    def _field(self, column: int) -> str | None:
        from bpeditor.ui.indicator_model import IndicatorTableModel  # noqa: PLC0415

        grid_column = M.GRID_COLUMNS.get(column)
        return None if grid_column is None else IndicatorTableModel.FIELDS[grid_column]

    def fill_down(self) -> None:
        """The first selected cell's content into the other selected cells of its column."""
        current = self.view.currentIndex()
        field = self._field(current.column()) if current.isValid() else None
        if field is None:
            return
        rows = sorted(
            {i.row() for i in self.view.selectionModel().selectedIndexes()}
            if self.view.selectionModel().selectedIndexes()
            else {current.row()}
        )
        places = [p for p in (self.model.place(r) for r in rows) if p is not None]
        from bpeditor.model.column_operations import fill_down  # noqa: PLC0415

        header = M.header(current.column())
        text = QCoreApplication.translate("AllIndicatorsPanel", "向下填充{column}")
        edit = fill_down(self.context.document.table, places, field, text.format(column=header))
        if edit is None:
            return
        push_edit(self.context.undo_stack, self.context.document, edit)
        self.context.show_status(
            self.tr("已向下填充 {count} 格。按 Ctrl+Z 可撤销。").format(count=len(places) - 1)
        )

    def replace_in_column(self) -> int:
        """Replace in the current column over the rows shown; returns how many cells changed."""
        current = self.view.currentIndex()
        field = self._field(current.column()) if current.isValid() else None
        needle = self.column_find.text()
        if field is None or field in ("level1", "level2") or not needle:
            self.context.show_status(
                self.tr("请先点选要替换的列（三级指标或指标值），再填写查找内容")
            )
            return 0
        from bpeditor.model.column_operations import replace_in_column  # noqa: PLC0415

        header = M.header(current.column())
        text = QCoreApplication.translate("AllIndicatorsPanel", "在{column}列中替换")
        edit = replace_in_column(
            self.context.document.table,
            self.model.places(),
            field,
            needle,
            self.column_replace.text(),
            text=text.format(column=header),
        )
        count = len(getattr(edit, "edits", [])) if edit is not None else 0
        if edit is not None:
            push_edit(self.context.undo_stack, self.context.document, edit)
        self.context.show_status(
            self.tr("已在“{column}”列替换 {count} 处").format(column=header, count=count)
        )
        return count

    def _open_project(self, index: QModelIndex) -> None:
        """A double click on the unit or project shows that project (cells open their editor)."""
        place = self.model.place(index.row())
        if place is not None and index.column() < M.LEVEL1:
            self.context.view.select_project(place[0], place[1])
