"""The project tree: table (root) → funding-user units → projects, each with its 总计.

The model reads the :class:`~bpeditor.model.document.Document` in ``data()`` and changes it only
by pushing undo commands (rename, drag and drop). It listens to the document and turns every
change into the matching ``beginInsertRows``/``endInsertRows``, ``beginRemoveRows``/
``endRemoveRows`` or ``dataChanged``; only opening another table resets it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QUndoStack

from bpeditor.model.document import Change, ChangeKind, Document
from bpeditor.model.money import format_amount
from bpeditor.model.table import Funds, Project, Table, Unit
from bpeditor.model.validation import total_disagrees
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP, money_unit_text
from bpeditor.ui.item_names import ALIGN_RIGHT, DISPLAY, EDIT, ROOT, TOOLTIP, AnyIndex
from bpeditor.ui.undo import push_edit

if TYPE_CHECKING:
    from bpeditor.model.edits import Edit

_BASE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_DRAG = _BASE | Qt.ItemFlag.ItemIsDragEnabled
_EDIT_NAME = Qt.ItemFlag.ItemIsEditable
_DROP = Qt.ItemFlag.ItemIsDropEnabled
_FLAGS = (
    (_BASE | _DROP, _BASE | _DROP),  # the table: takes units
    (_DRAG | _DROP, _DRAG | _DROP | _EDIT_NAME),  # a unit: takes projects, renamed in place
    (_DRAG, _DRAG | _EDIT_NAME),  # a project
)
"""Item flags by level, then by whether the column is the name."""
NODE_MIME = "application/x-bpeditor-tree-node"
"""The drag-and-drop MIME type of a unit or project node (``u`` or ``u,p`` as text)."""
MISMATCH_COLOR = QColor("#c62828")
"""The colour of a stored 总计 that disagrees with its sources."""


def funds_tooltip(funds: Funds, money_unit: str) -> str:
    """The four amounts of a row as a multi-line tooltip."""
    lines = (
        (QT_TRANSLATE_NOOP("Funds", "总计"), funds.effective_total()),
        (QT_TRANSLATE_NOOP("Funds", "财政拨款"), funds.fiscal),
        (QT_TRANSLATE_NOOP("Funds", "财政专户拨款"), funds.special_account),
        (QT_TRANSLATE_NOOP("Funds", "其他资金"), funds.other),
    )
    unit = money_unit_text(money_unit)
    return "\n".join(
        QCoreApplication.translate("Funds", "{label}：{amount} {unit}").format(
            label=QCoreApplication.translate("Funds", label),
            amount=format_amount(amount, blank_zero=False) or "—",
            unit=unit,
        )
        for label, amount in lines
    )


class SumCache:
    """The unit and 合计 rows' amounts and the counts, computed once per change.

    Summing 5,000 projects takes milliseconds; the tree asks for the sums on every paint, so
    they are kept until the document says that amounts or the structure changed.
    """

    def __init__(self, document: Document) -> None:
        self.document = document
        self._units: dict[int, Funds] = {}
        self._table: Funds | None = None
        self._indicators: int | None = None

    def forget(self, unit: int | None = None, *, counts: bool = False) -> None:
        """Forget the sums of one unit (all units when ``None``) and of the table."""
        if unit is None:
            self._units.clear()
        else:
            self._units.pop(unit, None)
        self._table = None
        if counts:
            self._indicators = None

    def unit_funds(self, u: int) -> Funds:
        """The subtotal row of unit ``u``."""
        funds = self._units.get(u)
        if funds is None:
            funds = self._units[u] = self.document.unit(u).funds()
        return funds

    def table_funds(self) -> Funds:
        """The 合计 row."""
        if self._table is None:
            units = range(len(self.document.table.units))
            self._table = Funds.summed([self.unit_funds(u) for u in units])
        return self._table

    def indicator_count(self) -> int:
        """How many indicators the table has."""
        if self._indicators is None:
            self._indicators = self.document.table.indicator_count()
        return self._indicators

    def on_change(self, change: Change) -> None:
        """Forget what a change makes stale."""
        kind = change.kind
        if kind in (ChangeKind.INDICATORS_INSERTED, ChangeKind.INDICATORS_REMOVED):
            self._indicators = None
        elif kind is ChangeKind.PROJECT_FIELD and (change.field or "").startswith("funds."):
            self.forget(change.unit)
        elif kind in (ChangeKind.PROJECTS_INSERTED, ChangeKind.PROJECTS_REMOVED):
            self.forget(change.unit, counts=True)
        elif kind in (ChangeKind.UNITS_INSERTED, ChangeKind.UNITS_REMOVED, ChangeKind.RESET):
            self.forget(counts=True)


class ProjectTreeModel(QAbstractItemModel):
    """Table (reporting unit) → funding-user units → projects, with each node's 总计.

    An index's ``internalId`` names its parent: 0 for the table row, 1 for a unit row, and
    the unit object's ``id()`` for a project row, so project indexes stay right when units
    are inserted, removed or moved.
    """

    NAME, TOTAL = range(2)
    HEADERS = (
        QT_TRANSLATE_NOOP("ProjectTreeModel", "项目名称（资金使用单位）"),
        QT_TRANSLATE_NOOP("ProjectTreeModel", "总计"),
    )
    """Column titles (source texts; shown translated)."""
    LEVEL_TABLE, LEVEL_UNIT, LEVEL_PROJECT = range(3)

    def __init__(
        self,
        document: Document | None = None,
        undo_stack: QUndoStack | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document if document is not None else Document()
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self._unit_rows: dict[int, int] = {}
        self.sums = SumCache(self.document)
        self._bold = QFont()
        self._bold.setBold(True)
        self._mismatch: QBrush | None = None  # made when first shown: QBrush's first use is slow
        self._index_units()
        self.document.subscribe(self._on_change)

    # --- the document -------------------------------------------------------------------

    @property
    def table(self) -> Table:
        """The table shown."""
        return self.document.table

    def _index_units(self) -> None:
        self._unit_rows = {id(unit): u for u, unit in enumerate(self.table.units)}

    def push(self, edit: Edit) -> None:
        """Apply an edit as one undo step."""
        push_edit(self.undo_stack, self.document, edit)

    def _on_change(self, change: Change, done: bool) -> None:
        kind = change.kind
        if done:
            self.sums.on_change(change)
        last = change.first + change.count - 1
        if kind is ChangeKind.RESET:
            if done:
                self._index_units()
                self.endResetModel()
            else:
                self.beginResetModel()
        elif kind is ChangeKind.UNITS_INSERTED:
            if done:
                self._index_units()
                self.endInsertRows()
                self._totals_changed(None)
            else:
                self.beginInsertRows(self.table_index(), change.first, last)
        elif kind is ChangeKind.UNITS_REMOVED:
            if done:
                self._index_units()
                self.endRemoveRows()
                self._totals_changed(None)
            else:
                self.beginRemoveRows(self.table_index(), change.first, last)
        elif kind is ChangeKind.PROJECTS_INSERTED:
            if done:
                self.endInsertRows()
                self._totals_changed(change.unit)
            else:
                self.beginInsertRows(self.unit_index(change.unit or 0), change.first, last)
        elif kind is ChangeKind.PROJECTS_REMOVED:
            if done:
                self.endRemoveRows()
                self._totals_changed(change.unit)
            else:
                self.beginRemoveRows(self.unit_index(change.unit or 0), change.first, last)
        elif not done:
            return
        elif kind is ChangeKind.TABLE:
            self._row_changed(self.table_index())
        elif kind is ChangeKind.UNIT_NAME:
            self._row_changed(self.unit_index(change.unit or 0))
        elif kind is ChangeKind.PROJECT_FIELD:
            self._project_field_changed(change)
        elif kind in (ChangeKind.INDICATORS_INSERTED, ChangeKind.INDICATORS_REMOVED):
            index = self.project_index(change.unit or 0, change.project or 0)
            self.dataChanged.emit(index, index, [TOOLTIP])

    def _project_field_changed(self, change: Change) -> None:
        field = change.field or ""
        if field == "name" or field.startswith("funds."):
            self._row_changed(self.project_index(change.unit or 0, change.project or 0))
        if field.startswith("funds."):
            self._totals_changed(change.unit)

    def _row_changed(self, index: QModelIndex) -> None:
        if index.isValid():
            self.dataChanged.emit(index, index.siblingAtColumn(self.TOTAL))

    def _totals_changed(self, unit: int | None) -> None:
        """The 总计 of a unit (if given) and of the table follow their parts."""
        if unit is not None:
            self._row_changed(self.unit_index(unit))
        self._row_changed(self.table_index())

    # --- locating nodes -----------------------------------------------------------------

    def table_index(self, column: int = 0) -> QModelIndex:
        """The index of the table (root) row."""
        return self.index(0, column, ROOT)

    def unit_index(self, u: int, column: int = 0) -> QModelIndex:
        """The index of unit ``u``'s row."""
        return self.index(u, column, self.table_index())

    def project_index(self, u: int, p: int, column: int = 0) -> QModelIndex:
        """The index of project ``p`` of unit ``u``."""
        return self.index(p, column, self.unit_index(u))

    def level(self, index: AnyIndex) -> int | None:
        """Which kind of node an index is (``LEVEL_*``), or ``None`` for an invalid index."""
        if not index.isValid():
            return None
        return min(int(index.internalId()), self.LEVEL_PROJECT)

    def location(self, index: AnyIndex) -> tuple[int | None, int | None]:
        """``(unit, project)`` indices of a node; ``None`` where the node is above that level."""
        level = self.level(index)
        if level == self.LEVEL_UNIT:
            return index.row(), None
        if level == self.LEVEL_PROJECT:
            u = self._unit_rows.get(int(index.internalId()))
            return (u, index.row()) if u is not None else (None, None)
        return None, None

    def unit_at(self, index: AnyIndex) -> Unit | None:
        """The unit of a unit or project node."""
        u, _ = self.location(index)
        return self.table.units[u] if u is not None else None

    def project_at(self, index: AnyIndex) -> Project | None:
        """The project of a project node, else ``None``."""
        u, p = self.location(index)
        if u is None or p is None:
            return None
        return self.table.units[u].projects[p]

    # --- QAbstractItemModel --------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = ROOT) -> QModelIndex:
        """The index of a child of ``parent``."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        level = self.level(parent)
        if level is None:
            return self.createIndex(row, column, 0)
        if level == self.LEVEL_TABLE:
            return self.createIndex(row, column, 1)
        if level == self.LEVEL_UNIT:
            return self.createIndex(row, column, id(self.table.units[parent.row()]))
        return QModelIndex()

    def parent(self, child: AnyIndex | None = None) -> Any:
        """The parent of an index (called without an argument: the QObject parent)."""
        if child is None:
            return super().parent()
        level = self.level(child)
        if level == self.LEVEL_UNIT:
            return self.createIndex(0, 0, 0)
        if level == self.LEVEL_PROJECT:
            u = self._unit_rows.get(int(child.internalId()))
            return self.createIndex(u, 0, 1) if u is not None else QModelIndex()
        return QModelIndex()

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        """How many children a node has."""
        if parent.column() > 0:
            return 0
        level = self.level(parent)
        if level is None:
            return 1
        if level == self.LEVEL_TABLE:
            return len(self.table.units)
        if level == self.LEVEL_UNIT:
            return len(self.table.units[parent.row()].projects)
        return 0

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        """Name and 总计."""
        return len(self.HEADERS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Units and projects are renamed in place and dragged; units and the table take drops."""
        level = self.level(index)
        if level is None:
            return Qt.ItemFlag.NoItemFlags
        return _FLAGS[level][index.column() == self.NAME]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == DISPLAY:
                return self.tr(self.HEADERS[section])
            if role == Qt.ItemDataRole.TextAlignmentRole and section == self.TOTAL:
                return ALIGN_RIGHT
        return None

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        """A node's name or 总计, with tooltips, alignment and a red mismatching 总计."""
        if not index.isValid():
            return None
        column = index.column()
        if role == EDIT:
            return self._raw_name(index) if column == self.NAME else None
        if role == DISPLAY:
            if column == self.NAME:
                return self._name(index)
            return format_amount(self._funds(index).effective_total())
        if role == TOOLTIP:
            funds = self._funds(index)
            tip = f"{self._name(index)}\n{funds_tooltip(funds, self.table.money_unit)}"
            if total_disagrees(funds):
                tip += "\n" + self.tr("总计与各资金来源之和不一致")
            return f"{tip}\n{self._count(index)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.TOTAL:
            return ALIGN_RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and column == self.TOTAL:
            if not total_disagrees(self._funds(index)):
                return None
            if self._mismatch is None:
                self._mismatch = QBrush(MISMATCH_COLOR)
            return self._mismatch
        if role == Qt.ItemDataRole.FontRole and self.level(index) != self.LEVEL_PROJECT:
            return self._bold
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = EDIT) -> bool:
        """Rename a unit or a project (one undo step)."""
        if role != EDIT or index.column() != self.NAME:
            return False
        u, p = self.location(index)
        if u is None:
            return False
        from bpeditor.model import project_operations as ops  # noqa: PLC0415 - deferred: start-up

        text = str(value or "").strip()
        if p is None:
            edit = ops.rename_unit(self.table, u, text)
        else:
            edit = ops.rename_project(self.table, (u, p), text)
        if edit is None:
            return False
        self.push(edit)
        return True

    def _raw_name(self, index: AnyIndex) -> str:
        u, p = self.location(index)
        if u is None:
            return self.table.reporting_unit
        unit = self.table.units[u]
        return unit.name if p is None else unit.projects[p].name

    def _name(self, index: AnyIndex) -> str:
        table = self.table
        u, p = self.location(index)
        if u is None:
            return table.reporting_unit or table.title or self.tr("（未命名）")
        unit = table.units[u]
        if p is None:
            return unit.name or self.tr("（未命名单位）")
        return unit.projects[p].name or self.tr("（未命名项目）")

    def _funds(self, index: AnyIndex) -> Funds:
        u, p = self.location(index)
        if u is None:
            return self.sums.table_funds()
        if p is None:
            return self.sums.unit_funds(u)
        return self.table.units[u].projects[p].funds

    def _count(self, index: AnyIndex) -> str:
        table = self.table
        u, p = self.location(index)
        if u is None:
            return self.tr("{projects} 个项目，{indicators} 个指标").format(
                projects=table.project_count(), indicators=self.sums.indicator_count()
            )
        unit = table.units[u]
        if p is None:
            return self.tr("{count} 个项目").format(count=len(unit.projects))
        return self.tr("{count} 个指标").format(count=len(unit.projects[p].indicators))

    # --- drag and drop ------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        """Nodes are moved, never copied."""
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        """Nodes are moved, never copied."""
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        """The one type this model drags."""
        return [NODE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        """The dragged node (the first unit or project among ``indexes``)."""
        from PySide6.QtCore import QByteArray  # noqa: PLC0415 - deferred: start-up (its enums)

        mime = QMimeData()
        for index in indexes:
            u, p = self.location(index)
            if u is not None:
                text = f"{u}" if p is None else f"{u},{p}"
                mime.setData(NODE_MIME, QByteArray(text.encode("ascii")))
                break
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Projects drop into units, units into the table."""
        return self._drop_edit(data, row, parent) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Move the dropped node there (one undo step); the view removes nothing itself."""
        if action == Qt.DropAction.IgnoreAction:
            return True
        edit = self._drop_edit(data, row, parent)
        if edit is None:
            return False
        self.push(edit)
        return True

    def _drop_edit(self, data: QMimeData, row: int, parent: AnyIndex) -> Edit | None:
        source = _decode_node(data)
        if source is None:
            return None
        u, p = source
        level = self.level(parent)
        if p is None and level != self.LEVEL_TABLE:
            return None
        if p is not None and level != self.LEVEL_UNIT:
            return None
        from bpeditor.model import project_operations as ops  # noqa: PLC0415 - deferred: start-up

        if p is None:
            return ops.move_unit(self.table, u, row)
        return ops.move_project(self.table, (u, p), parent.row(), row)


def _decode_node(data: QMimeData) -> tuple[int, int | None] | None:
    if not data.hasFormat(NODE_MIME):
        return None
    try:
        parts = [int(x) for x in bytes(data.data(NODE_MIME).data()).decode("ascii").split(",")]
    except ValueError:
        return None
    if len(parts) == 1:
        return parts[0], None
    if len(parts) == 2:
        return parts[0], parts[1]
    return None
