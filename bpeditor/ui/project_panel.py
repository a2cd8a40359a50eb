"""The right-hand panel for a project: name, amounts, goal and the indicator grid, all editable.

Every change the user makes becomes an undo command; the panel shows what the document says
and follows its announcements (an undo puts the old text back into the fields).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from bpeditor.model.document import Change, ChangeKind, Document
from bpeditor.model.money import Amount, format_amount
from bpeditor.model.table import Funds, Project
from bpeditor.model.validation import total_disagrees
from bpeditor.ui.fields import ERROR_STYLE, AmountEdit, BurstFilter, set_text_quietly
from bpeditor.ui.grid import IndicatorGrid
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP, money_unit_text
from bpeditor.ui.indicator_model import IndicatorTableModel, find_project
from bpeditor.ui.undo import push_edit

if TYPE_CHECKING:
    from bpeditor.model.edits import Edit

AMOUNT_FIELDS = (
    ("total", QT_TRANSLATE_NOOP("ProjectPanel", "总计")),
    ("fiscal", QT_TRANSLATE_NOOP("ProjectPanel", "财政拨款")),
    ("special_account", QT_TRANSLATE_NOOP("ProjectPanel", "财政专户拨款")),
    ("other", QT_TRANSLATE_NOOP("ProjectPanel", "其他资金")),
)
"""The four amounts in display order: attribute of :class:`Funds` and label (source text)."""

TOTAL_TIP = QT_TRANSLATE_NOOP(
    "ProjectPanel", "总计 = 财政拨款 + 财政专户拨款 + 其他资金，随资金来源自动计算"
)
"""The 总计 field's tooltip (source text)."""
COMPUTED_STYLE = (
    "QLineEdit { background-color: #eceff1; color: #263238; border: 1px solid #cfd8dc; }"
)
"""The look of a computed, read-only amount (总计)."""


class ProjectPanel(QWidget):
    """Edits one project: its name, the amounts, the goal and the indicators."""

    project_shown = Signal()
    """Another project (or none) is shown."""

    def __init__(  # noqa: PLR0915 - builds the panel's widgets
        self,
        document: Document | None = None,
        undo_stack: QUndoStack | None = None,
        names: Callable[[], list[str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectPanel")
        self.document = document if document is not None else Document()
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.indicator_model = IndicatorTableModel(self.document, self.undo_stack, self)
        self._project: Project | None = None
        self._where: tuple[int, int] | None = None
        self._loading = False
        self.bursts = BurstFilter(self)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._build_identity(form)
        form.addRow(self.tr("金额："), self._build_amounts())

        self.goal_edit = QPlainTextEdit(self)
        self.goal_edit.setObjectName("goalText")
        self.goal_edit.setPlaceholderText(self.tr("（请填写绩效目标）"))
        self.goal_edit.setUndoRedoEnabled(False)
        self.goal_edit.setTabChangesFocus(True)
        self.goal_edit.textChanged.connect(self._goal_changed)
        goal_box = QGroupBox(self.tr("绩效目标"), self)
        QVBoxLayout(goal_box).addWidget(self.goal_edit)

        self.grid = IndicatorGrid(self.indicator_model, names or (lambda: []), self)
        self.detail = QLabel(self)
        self.detail.setObjectName("cellDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        line = self.detail.fontMetrics().lineSpacing()
        self.detail.setMaximumHeight(line * 3 + 4)
        self.detail.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.grid_box = QGroupBox(self.tr("绩效指标"), self)
        grid_layout = QVBoxLayout(self.grid_box)
        grid_layout.addWidget(self.grid, 1)
        grid_layout.addWidget(self.detail)
        self.grid.selectionModel().currentChanged.connect(self._show_detail)
        self.indicator_model.dataChanged.connect(lambda *_: self._show_detail())

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("goalSplitter")
        self.splitter.addWidget(goal_box)
        self.splitter.addWidget(self.grid_box)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setChildrenCollapsible(False)
        goal_line = self.goal_edit.fontMetrics().lineSpacing()
        self.splitter.setSizes([goal_line * 3 + 30, 500])  # three lines: the grid gets the rest

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(self.splitter, 1)
        self.bursts.watch(self.name_edit, self.goal_edit, *self.amount_edits.values())
        self.document.subscribe(self._on_change)
        self.set_project(None)

    def _build_identity(self, form: QFormLayout) -> None:
        self.unit_label = QLabel(self)
        self.unit_label.setObjectName("unitLabel")
        self.unit_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("projectName")
        self.name_edit.setPlaceholderText(self.tr("请在左侧选择一个项目"))
        font = self.name_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.name_edit.setFont(font)
        self.name_edit.textEdited.connect(self._name_edited)
        self.header_row = QHBoxLayout()
        """The unit's row; the 申报信息 section puts its button at its end."""
        self.header_row.addWidget(self.unit_label, 1)
        form.addRow(self.tr("资金使用单位："), self.header_row)
        form.addRow(self.tr("项目名称(&N)："), self.name_edit)

    def _build_amounts(self) -> QGridLayout:
        self.amount_edits: dict[str, AmountEdit] = {}
        amounts = QGridLayout()
        amounts.setHorizontalSpacing(8)
        for column, (attr, label) in enumerate(AMOUNT_FIELDS):
            edit = AmountEdit(
                partial(self._commit_amount, attr), self, partial(self._reject_amount, attr)
            )
            edit.setObjectName(f"amount_{attr}")
            caption = QLabel(self.tr(label), self)
            caption.setBuddy(edit)
            amounts.addWidget(caption, 0, 2 * column)
            amounts.addWidget(edit, 0, 2 * column + 1)
            amounts.setColumnStretch(2 * column + 1, 1)
            self.amount_edits[attr] = edit
        total = self.amount_edits["total"]
        total.setReadOnly(True)
        total.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        # Computed, not typed: it looks like a read-only sum (grey, no frame to type in).
        total.base_style = COMPUTED_STYLE
        total.setStyleSheet(COMPUTED_STYLE)
        self.fix_total_button = QPushButton(self.tr("按来源更正"), self)
        self.fix_total_button.setObjectName("fixTotal")
        self.fix_total_button.setToolTip(self.tr("把总计改为各资金来源之和"))
        self.fix_total_button.clicked.connect(self.fix_total)
        self.fix_total_button.hide()
        self.money_unit_label = QLabel(money_unit_text("万元"), self)
        self.money_unit_label.setObjectName("moneyUnit")
        end = 2 * len(AMOUNT_FIELDS)
        amounts.addWidget(self.money_unit_label, 0, end)
        amounts.addWidget(self.fix_total_button, 0, end + 1)
        return amounts

    # --- the project shown ----------------------------------------------------------------

    @property
    def project(self) -> Project | None:
        """The project shown, or ``None``."""
        return self._project

    def location(self) -> tuple[int, int] | None:
        """Where the shown project is in the table now, or ``None``."""
        if self._project is None:
            return None
        self._where = find_project(self.document, self._project, self._where)
        return self._where

    def set_money_unit(self, money_unit: str) -> None:
        """The money unit shown after the amounts (万元 or 元)."""
        self.money_unit_label.setText(money_unit_text(money_unit))

    def set_project(self, project: Project | None, unit_name: str = "") -> None:
        """Show a project (or nothing)."""
        same = project is self._project
        self._project = project
        self._where = None
        self.unit_label.setText(unit_name)
        self._loading = True
        try:
            set_text_quietly(self.name_edit, project.name if project is not None else "")
            self.name_edit.setToolTip(project.name if project is not None else "")
            self._show_funds(project.funds if project is not None else Funds())
            goal = project.goal if project is not None else ""
            if self.goal_edit.toPlainText() != goal:
                self.goal_edit.setPlainText(goal)
        finally:
            self._loading = False
        self.indicator_model.set_project(project)
        if not same:
            self.grid.fit_columns()
            if project is not None and project.indicators:
                self.grid.go_to_cell(0, self.grid.visible_columns()[0])
        self._update_count()
        self._show_detail()
        for widget in (self.name_edit, self.goal_edit, self.grid, *self.amount_edits.values()):
            widget.setEnabled(project is not None)
        self.project_shown.emit()

    def _update_count(self) -> None:
        project = self._project
        count = len(project.indicators) if project is not None else 0
        self.grid_box.setTitle(
            self.tr("绩效指标（{count} 个）").format(count=count)
            if project is not None
            else self.tr("绩效指标")
        )

    def _show_funds(self, funds: Funds) -> None:
        for attr, edit in self.amount_edits.items():
            if attr in funds.unreadable:
                edit.show_unreadable(funds.unreadable[attr])
            elif attr != "total":
                edit.show_amount(getattr(funds, attr))
        total = self.amount_edits["total"]
        sources = funds.sources_sum()
        if total_disagrees(funds):
            total.show_amount(funds.total)
            total.setStyleSheet(ERROR_STYLE)
            total.setToolTip(
                self.tr(
                    "已填写的总计 {total} 与各资金来源之和 {sources} 不一致。\n"
                    "修改任一资金来源或点“按来源更正”后，总计随来源计算。"
                ).format(
                    total=format_amount(funds.total, blank_zero=False),
                    sources=format_amount(sources, blank_zero=False),
                )
            )
            self.fix_total_button.setText(
                self.tr("更正为 {amount}").format(amount=format_amount(sources, blank_zero=False))
            )
            self.fix_total_button.show()
        else:
            total.show_amount(funds.effective_total())
            total.setToolTip(self.tr(TOTAL_TIP))
            self.fix_total_button.hide()

    def _show_detail(self, *_args: object) -> None:
        """The current cell's whole text below the grid (cells themselves are cut short)."""
        index: QModelIndex = self.grid.currentIndex()
        if self._project is None or not index.isValid():
            self.detail.setText("")
            return
        header = IndicatorTableModel.header(index.column())
        text = str(index.data() or "")
        detail = self.tr("第 {row} 行 · {column}：{text}")
        self.detail.setText(
            detail.format(row=index.row() + 1, column=header, text=text) if text else ""
        )
        self.detail.setToolTip(text)

    # --- following the document -----------------------------------------------------------

    def _is_mine(self, change: Change) -> bool:
        if self._project is None or change.unit is None or change.project is None:
            return False
        units = self.document.table.units
        return (
            change.unit < len(units)
            and change.project < len(units[change.unit].projects)
            and units[change.unit].projects[change.project] is self._project
        )

    def _on_change(self, change: Change, done: bool) -> None:
        if not done or self._project is None:
            return
        kind = change.kind
        if kind is ChangeKind.PROJECT_FIELD and self._is_mine(change):
            project = self._project
            self._loading = True
            try:
                if change.field == "name":
                    set_text_quietly(self.name_edit, project.name)
                    self.name_edit.setToolTip(project.name)
                elif change.field == "goal" and self.goal_edit.toPlainText() != project.goal:
                    self.goal_edit.setPlainText(project.goal)
                elif (change.field or "").startswith("funds."):
                    self._show_funds(project.funds)
            finally:
                self._loading = False
        elif kind in (ChangeKind.INDICATORS_INSERTED, ChangeKind.INDICATORS_REMOVED):
            self._update_count()
        elif kind is ChangeKind.UNIT_NAME:
            where = self.location()
            if where is not None and where[0] == change.unit:
                self.unit_label.setText(self.document.unit(where[0]).name)

    # --- editing --------------------------------------------------------------------------

    def push(self, edit: Edit, burst: int | None = None) -> None:
        """Apply an edit as one undo step (merging with the same burst of typing)."""
        push_edit(self.undo_stack, self.document, edit, burst)

    def _name_edited(self, text: str) -> None:
        where = self.location()
        if where is None or self._project is None:
            return
        from bpeditor.model.project_operations import rename_project  # noqa: PLC0415 - deferred: start-up

        edit = rename_project(self.document.table, where, text, self.tr("修改项目名称"))
        if edit is not None:
            self.push(edit, self.bursts.burst)

    def _goal_changed(self) -> None:
        if self._loading:
            return
        where = self.location()
        text = self.goal_edit.toPlainText()
        if where is None or self._project is None or text == self._project.goal:
            return
        from bpeditor.model.edits import SetProjectField  # noqa: PLC0415 - deferred: start-up

        edit = SetProjectField(*where, "goal", text, text=self.tr("修改绩效目标"))
        self.push(edit, self.bursts.burst)

    def _commit_amount(self, attr: str, amount: Amount) -> None:
        """Set one source; 总计 follows the sources in the same step."""
        where = self.location()
        if where is None or self._project is None:
            return
        from bpeditor.model.project_operations import set_source_amount  # noqa: PLC0415 - deferred: start-up

        label = self.tr(dict(AMOUNT_FIELDS)[attr])
        text = self.tr("修改{field}").format(field=label)
        edit = set_source_amount(self.document.table, where, attr, amount, text)
        if edit is not None:
            self.push(edit)

    def _reject_amount(self, attr: str, written: str) -> None:
        """Keep text that is not an amount: the checks list it until it is corrected."""
        where = self.location()
        if where is None or self._project is None or self._loading:
            return
        from bpeditor.model.project_operations import set_amount_text  # noqa: PLC0415 - deferred: start-up

        label = self.tr(dict(AMOUNT_FIELDS)[attr])
        edit = set_amount_text(
            self.document.table, where, attr, written, self.tr("修改{field}").format(field=label)
        )
        if edit is not None:
            self.push(edit)

    def fix_total(self) -> None:
        """Make a disagreeing 总计 the sum of the sources (one undo step)."""
        where = self.location()
        if where is None or self._project is None:
            return
        from bpeditor.model.project_operations import fix_total  # noqa: PLC0415 - deferred: start-up

        edit = fix_total(self.document.table, where, self.tr("按来源更正总计"))
        if edit is not None:
            self.push(edit)
