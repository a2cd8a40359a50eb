"""The right-hand panel: the selected project's name, amounts, goal and indicator grid."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpeditor.model.document import Funds, Project
from bpeditor.model.money import format_amount
from bpeditor.ui.models import IndicatorTableModel

AMOUNT_FIELDS = (
    ("total", "总计"),
    ("fiscal", "财政拨款"),
    ("special_account", "财政专户拨款"),
    ("other", "其他资金"),
)
"""The four amounts in display order: attribute of :class:`Funds` and label."""

FIT_ROWS_LIMIT = 500
"""Up to this many indicators, the value columns are sized to their text on every change."""

_PLACEHOLDER = "请在左侧选择一个项目"


class ProjectPanel(QWidget):
    """Shows one project read-only; the later editor turns these fields into editors."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectPanel")
        self.indicator_model = IndicatorTableModel(self)
        self._project: Project | None = None

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._build_identity(form)
        form.addRow("金额：", self._build_amounts())

        self.goal_edit = QPlainTextEdit(self)
        self.goal_edit.setObjectName("goalText")
        self.goal_edit.setReadOnly(True)
        self.goal_edit.setPlaceholderText("（无绩效目标）")
        line = self.goal_edit.fontMetrics().lineSpacing()
        self.goal_edit.setFixedHeight(line * 4 + 12)
        goal_box = QGroupBox("绩效目标", self)
        QVBoxLayout(goal_box).addWidget(self.goal_edit)

        self.grid = QTableView(self)
        self.grid.setObjectName("indicatorGrid")
        self.grid.setModel(self.indicator_model)
        self._setup_grid()
        self.grid_box = QGroupBox("绩效指标", self)
        QVBoxLayout(self.grid_box).addWidget(self.grid)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(goal_box)
        layout.addWidget(self.grid_box, 1)
        self.set_project(None)

    def _build_identity(self, form: QFormLayout) -> None:
        self.unit_label = QLabel(self)
        self.unit_label.setObjectName("unitLabel")
        self.unit_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("projectName")
        self.name_edit.setReadOnly(True)
        self.name_edit.setPlaceholderText(_PLACEHOLDER)
        font = self.name_edit.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.name_edit.setFont(font)
        form.addRow("资金使用单位：", self.unit_label)
        form.addRow("项目名称：", self.name_edit)

    def _build_amounts(self) -> QGridLayout:
        self.amount_edits: dict[str, QLineEdit] = {}
        amounts = QGridLayout()
        amounts.setHorizontalSpacing(8)
        for column, (attr, label) in enumerate(AMOUNT_FIELDS):
            edit = QLineEdit(self)
            edit.setObjectName(f"amount_{attr}")
            edit.setReadOnly(True)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            caption = QLabel(label, self)
            caption.setBuddy(edit)
            amounts.addWidget(caption, 0, 2 * column)
            amounts.addWidget(edit, 0, 2 * column + 1)
            amounts.setColumnStretch(2 * column + 1, 1)
            self.amount_edits[attr] = edit
        self.money_unit_label = QLabel("万元", self)
        self.money_unit_label.setObjectName("moneyUnit")
        amounts.addWidget(self.money_unit_label, 0, 2 * len(AMOUNT_FIELDS))
        return amounts

    def _setup_grid(self) -> None:
        grid = self.grid
        grid.setWordWrap(False)
        grid.setTextElideMode(Qt.TextElideMode.ElideRight)
        grid.setAlternatingRowColors(True)
        grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        grid.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        metrics = grid.fontMetrics()
        vertical = grid.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(metrics.height() + 8)
        vertical.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header = grid.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(IndicatorTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        pad = 24
        widths = {
            IndicatorTableModel.LEVEL1: metrics.horizontalAdvance("满意度指标") + pad,
            IndicatorTableModel.LEVEL2: metrics.horizontalAdvance("服务对象满意度") + pad,
            IndicatorTableModel.PERIOD: metrics.horizontalAdvance("实施周期指标值") * 3 // 2,
            IndicatorTableModel.ANNUAL: metrics.horizontalAdvance("实施周期指标值") * 3 // 2,
        }
        for column, width in widths.items():
            header.resizeSection(column, width)
        self._min_value_width = widths[IndicatorTableModel.PERIOD]
        header.setMinimumSectionSize(metrics.horizontalAdvance("一级") + pad)

    @property
    def project(self) -> Project | None:
        """The project shown, or ``None``."""
        return self._project

    def set_money_unit(self, money_unit: str) -> None:
        """The money unit shown after the amounts (万元 or 元)."""
        self.money_unit_label.setText(money_unit)

    def set_project(self, project: Project | None, unit_name: str = "") -> None:
        """Show a project (or nothing)."""
        self._project = project
        self.unit_label.setText(unit_name)
        self.name_edit.setText(project.name if project is not None else "")
        self.name_edit.setToolTip(project.name if project is not None else "")
        self._show_funds(project.funds if project is not None else Funds())
        self.goal_edit.setPlainText(project.goal if project is not None else "")
        self.indicator_model.set_project(project)
        self._fit_value_columns()
        count = len(project.indicators) if project is not None else 0
        self.grid_box.setTitle(f"绩效指标（{count} 个）" if project is not None else "绩效指标")
        for widget in (self.goal_edit, self.grid, *self.amount_edits.values()):
            widget.setEnabled(project is not None)

    def _fit_value_columns(self) -> None:
        """Widen the value columns to their text (up to a limit); 三级 takes the rest."""
        if self.indicator_model.rowCount() > FIT_ROWS_LIMIT:
            return
        header = self.grid.horizontalHeader()
        limit = max(self._min_value_width, self.grid.viewport().width() * 3 // 10)
        for column in (IndicatorTableModel.PERIOD, IndicatorTableModel.ANNUAL):
            wanted = max(self._min_value_width, self.grid.sizeHintForColumn(column))
            header.resizeSection(column, min(wanted, limit))

    def _show_funds(self, funds: Funds) -> None:
        for attr, edit in self.amount_edits.items():
            amount = getattr(funds, attr)
            edit.setText(format_amount(amount))
            edit.setToolTip(format_amount(amount, blank_zero=False))
