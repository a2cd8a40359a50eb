"""The panels shown when the tree's root or a unit is selected.

The table panel edits the reporting unit, the title and the money unit and shows the 合计;
the unit panel edits the unit's name and lists its projects with their amounts.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from bpeditor.model.document import Change, ChangeKind, Document
from bpeditor.model.money import format_amount
from bpeditor.model.table import MONEY_UNITS, Unit
from bpeditor.ui.fields import BurstFilter, set_text_quietly
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP, money_unit_text
from bpeditor.ui.tree_model import SumCache
from bpeditor.ui.undo import push_edit
from bpeditor.ui.unit_projects_model import UnitProjectsModel

_SUM_FIELDS = (
    ("total", QT_TRANSLATE_NOOP("Funds", "总计")),
    ("fiscal", QT_TRANSLATE_NOOP("Funds", "财政拨款")),
    ("special_account", QT_TRANSLATE_NOOP("Funds", "财政专户拨款")),
    ("other", QT_TRANSLATE_NOOP("Funds", "其他资金")),
)


def _amount_labels(parent: QWidget, prefix: str) -> tuple[QGridLayout, dict[str, QLabel]]:
    """A row of captions and right-aligned amount labels."""
    grid = QGridLayout()
    labels: dict[str, QLabel] = {}
    for column, (attr, caption) in enumerate(_SUM_FIELDS):
        title = QLabel(QCoreApplication.translate("Funds", caption), parent)
        title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(title, 0, column)
        label = QLabel(parent)
        label.setObjectName(f"{prefix}_{attr}")
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        grid.addWidget(label, 1, column)
        labels[attr] = label
    return grid, labels


class TablePanel(QWidget):
    """The whole table: reporting unit, title, money unit, the 合计 and the counts."""

    def __init__(  # noqa: PLR0915 - builds the panel's widgets
        self,
        document: Document,
        undo_stack: QUndoStack,
        sums: SumCache | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tablePanel")
        self.document = document
        self.undo_stack = undo_stack
        self.sums = sums if sums is not None else SumCache(document)
        self._sum_timer = QTimer(self)
        self._sum_timer.setSingleShot(True)
        self._sum_timer.setInterval(0)
        self._sum_timer.timeout.connect(self.refresh_sums)
        self.bursts = BurstFilter(self)
        self.reporting_unit_edit = QLineEdit(self)
        self.reporting_unit_edit.setObjectName("reportingUnit")
        self.reporting_unit_edit.setPlaceholderText(self.tr("如：广州市花都区口岸服务保障中心"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("tableTitle")
        self.money_unit_combo = QComboBox(self)
        self.money_unit_combo.setObjectName("moneyUnitCombo")
        self.money_unit_combo.setEditable(True)
        self.money_unit_combo.addItems(list(MONEY_UNITS))
        self.money_unit_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.money_unit_combo.setMinimumContentsLength(6)
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("tableCounts")
        for edit, name in (
            (self.reporting_unit_edit, "reporting_unit"),
            (self.title_edit, "title"),
        ):
            edit.textEdited.connect(lambda text, n=name: self._set(n, text))
        self.money_unit_combo.currentTextChanged.connect(lambda t: self._set("money_unit", t))
        self.bursts.watch(self.reporting_unit_edit, self.title_edit, self.money_unit_combo)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("单位名称(&U)："), self.reporting_unit_edit)
        form.addRow(self.tr("表格标题(&T)："), self.title_edit)
        self.header_row = QHBoxLayout()
        """The money unit's row; the 申报信息 section puts its button at its end."""
        self.header_row.addWidget(self.money_unit_combo)
        self.header_row.addStretch(1)
        money_label = QLabel(self.tr("金额单位(&M)："), self)
        money_label.setBuddy(self.money_unit_combo)  # a row of a layout gets no buddy by itself
        form.addRow(money_label, self.header_row)
        sum_grid, self.sum_labels = _amount_labels(self, "tableSum")
        self.sum_box = QGroupBox(self.tr("合计"), self)
        box_layout = QVBoxLayout(self.sum_box)
        box_layout.addLayout(sum_grid)
        box_layout.addWidget(self.counts_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(self.sum_box)
        hint = QLabel(
            self.tr("在左侧树中右击可新增单位和项目；拖动可调整顺序，或把项目移到另一单位。"),
            self,
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout.addWidget(hint)
        layout.addStretch(1)
        self._loading = False
        self.document.subscribe(self._on_change)
        self.refresh()

    def _set(self, name: str, value: str) -> None:
        if self._loading or self.document.table_field(name) == value:
            return
        from bpeditor.model.edits import SetTableField  # noqa: PLC0415 - deferred: start-up

        labels = {
            "reporting_unit": self.tr("修改单位名称"),
            "title": self.tr("修改表格标题"),
            "money_unit": self.tr("修改金额单位"),
        }
        push_edit(
            self.undo_stack,
            self.document,
            SetTableField(name, value, text=labels[name]),
            self.bursts.burst,
        )

    def refresh(self) -> None:
        """Show the table's fields and sums as they are now."""
        table = self.document.table
        self._loading = True
        try:
            set_text_quietly(self.reporting_unit_edit, table.reporting_unit)
            set_text_quietly(self.title_edit, table.title)
            if self.money_unit_combo.currentText() != table.money_unit:
                self.money_unit_combo.setCurrentText(table.money_unit)
        finally:
            self._loading = False
        self.refresh_sums()

    def refresh_sums(self) -> None:
        """Show the 合计 and the counts."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        table = self.document.table
        funds = self.sums.table_funds()
        for attr, label in self.sum_labels.items():
            amount = funds.effective_total() if attr == "total" else getattr(funds, attr)
            amount_text = format_amount(amount, blank_zero=False) or "0.00"
            label.setText(f"{amount_text} {money_unit_text(table.money_unit)}")
        self.counts_label.setText(
            self.tr("{units} 个资金使用单位，{projects} 个项目，{indicators} 个指标").format(
                units=len(table.units),
                projects=table.project_count(),
                indicators=self.sums.indicator_count(),
            )
        )

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Bring the sums up to date when the panel comes into view."""
        super().showEvent(event)
        if getattr(self, "_stale", True):
            self.refresh_sums()

    def _on_change(self, change: Change, done: bool) -> None:
        if not done:
            return
        if change.kind is ChangeKind.TABLE:
            self.refresh()
        elif change.kind is ChangeKind.RESET:
            self._stale = True
            self.refresh()
        elif change.kind is not ChangeKind.UNIT_NAME and (
            change.kind is not ChangeKind.PROJECT_FIELD or (change.field or "").startswith("funds")
        ):
            self._sum_timer.start()


class UnitPanel(QWidget):
    """One funding-user unit: its name and its projects' amounts."""

    def __init__(
        self,
        document: Document,
        undo_stack: QUndoStack,
        open_project: Callable[[int, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unitPanel")
        self.document = document
        self.undo_stack = undo_stack
        self._open_project = open_project
        self.bursts = BurstFilter(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("unitName")
        self.name_edit.setPlaceholderText(self.tr("资金使用单位名称"))
        self.name_edit.textEdited.connect(self._rename)
        self.bursts.watch(self.name_edit)
        self.projects_model = UnitProjectsModel(document, self)
        self.projects_view = QTableView(self)
        self.projects_view.setObjectName("unitProjects")
        self.projects_view.setModel(self.projects_model)
        view = self.projects_view
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setSectionResizeMode(UnitProjectsModel.NAME, QHeaderView.ResizeMode.Stretch)
        amount_width = view.fontMetrics().horizontalAdvance("99,999,999.99") + 20
        for column in range(1, UnitProjectsModel.COUNT):
            header.resizeSection(column, amount_width)
        view.doubleClicked.connect(self._activate)
        view.activated.connect(self._activate)
        sums, self.sum_labels = _amount_labels(self, "unitSum")
        sum_box = QGroupBox(self.tr("本单位小计"), self)
        QVBoxLayout(sum_box).addLayout(sums)
        form = QFormLayout()
        form.addRow(self.tr("单位名称(&N)："), self.name_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(form)
        layout.addWidget(sum_box)
        projects_box = QGroupBox(self.tr("项目（双击打开）"), self)
        QVBoxLayout(projects_box).addWidget(view)
        layout.addWidget(projects_box, 1)
        self._unit: Unit | None = None
        self.document.subscribe(self._on_change)

    @property
    def unit(self) -> Unit | None:
        """The unit shown."""
        return self._unit

    def unit_index(self) -> int | None:
        """The shown unit's index in the table now, or ``None``."""
        for u, unit in enumerate(self.document.table.units):
            if unit is self._unit:
                return u
        return None

    def set_unit(self, unit: Unit | None) -> None:
        """Show a unit (or nothing)."""
        self._unit = unit
        self.projects_model.set_unit(unit)
        self.refresh()

    def refresh(self) -> None:
        """Show the unit's name and subtotal."""
        unit = self._unit
        set_text_quietly(self.name_edit, unit.name if unit is not None else "")
        self.name_edit.setEnabled(unit is not None)
        money_unit = money_unit_text(self.document.table.money_unit)
        funds = unit.funds() if unit is not None else None
        for attr, label in self.sum_labels.items():
            amount = None
            if funds is not None:
                amount = funds.effective_total() if attr == "total" else getattr(funds, attr)
            label.setText(f"{format_amount(amount, blank_zero=False) or '0.00'} {money_unit}")

    def _rename(self, text: str) -> None:
        u = self.unit_index()
        if u is None or self._unit is None:
            return
        from bpeditor.model.project_operations import rename_unit  # noqa: PLC0415 - deferred: start-up

        edit = rename_unit(self.document.table, u, text)
        if edit is not None:
            push_edit(self.undo_stack, self.document, edit, self.bursts.burst)

    def _activate(self, index: QModelIndex) -> None:
        u = self.unit_index()
        if u is not None and index.isValid():
            self._open_project(u, index.row())

    def _on_change(self, change: Change, done: bool) -> None:
        if done and self._unit is not None and self.isVisible():
            self.refresh()
