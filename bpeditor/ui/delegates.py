"""Cell editors of the indicator grid: taxonomy combos, a value editor, name completion.

The Qt classes only an editor needs (the completer, the painter of the menus' glyphs) are
imported when the first editor opens: their first use from Python costs start-up time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QObject,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAction, QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QWidget,
)

from bpeditor.model.document import Document
from bpeditor.model.taxonomy import GUIDE_2021, OFFICIAL, Taxonomy, taxonomy_of
from bpeditor.model.value import SIGNS, parse_value
from bpeditor.ui.item_names import AnyIndex

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from bpeditor.ui.name_completion import Pick, Suggest


COMMON_UNITS = (
    "%",
    "个",
    "次",
    "人次",
    "人",
    "天",
    "个月",
    "年",
    "项",
    "件",
    "台",
    "套",
    "份",
    "所",
    "户",
    "场",
    "平方米",
    "公里",
    "万元",
    "元",
    "分",
)
"""Units offered by the value editor, most common first."""

_LEADING_SIGN = r"^\s*(>=|<=|＞＝|＜＝|[≥≤≧≦＞＜＝><=])\s*"
"""A leading comparison sign (compiled by :mod:`re` when first used)."""


def with_sign(text: str, sign: str) -> str:
    """``text`` with its leading comparison sign replaced by ``sign`` (``""`` removes it)."""
    return sign + re.sub(_LEADING_SIGN, "", text, count=1).lstrip()


def with_unit(text: str, unit: str) -> str:
    """A quantitative value with its unit replaced (``98`` + ``%`` → ``98%``); else unchanged."""
    value = parse_value(text)
    if not value.is_quantitative:
        return text
    match = re.match(r"^\s*(?:>=|<=|＞＝|＜＝|[≥≤≧≦＞＜＝><=])?\s*[-+]?[\d,]*\.?\d*", text)
    assert match is not None
    head = match.group(0)
    rest = text[len(head) :]
    bracket = re.search(r"[（(]", rest)
    note = rest[bracket.start() :] if bracket else ""
    return f"{head}{unit}{note}"


def _glyph_icon(glyph: str) -> QIcon:
    """A small icon drawn from a character (no image files needed, sharp at any scale)."""
    from PySide6.QtGui import QPainter, QPixmap  # noqa: PLC0415 - deferred: start-up

    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    font = painter.font()
    font.setPixelSize({1: 20, 2: 14}.get(len(glyph), 10))  # "Unit" in English fits too
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#37474f"))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return QIcon(pixmap)


class ValueEditor(QLineEdit):
    """A line edit for 指标值 that accepts any text, with menus for the sign and the unit.

    The ``≥`` button (or Alt+Down) offers ≥ ＞ ＝ ＜ ≤; the unit button common units, replacing
    the unit of a number such as ``98`` → ``98%``. Menus pop up without blocking.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("valueEditor")
        self.setPlaceholderText(self.tr("如 ≥98%、12个月、按时完成"))
        self.sign_menu = QMenu(self)
        self.sign_menu.setObjectName("signMenu")
        for sign in SIGNS:
            self.sign_menu.addAction(sign, partial(self._put_sign, sign))
        self.sign_menu.addSeparator()
        self.sign_menu.addAction(self.tr("去掉符号"), partial(self._put_sign, ""))
        self.unit_menu = QMenu(self)
        self.unit_menu.setObjectName("unitMenu")
        for unit in COMMON_UNITS:
            self.unit_menu.addAction(unit, partial(self._put_unit, unit))
        self.sign_action = QAction(_glyph_icon("≥"), self.tr("比较符号"), self)
        self.sign_action.setToolTip(self.tr("插入比较符号 ≥ ＞ ＝ ＜ ≤（Alt+↓）"))
        self.sign_action.triggered.connect(lambda: self._popup(self.sign_menu))
        self.unit_action = QAction(_glyph_icon(self.tr("单位")), self.tr("计量单位"), self)
        self.unit_action.setToolTip(self.tr("设置计量单位"))
        self.unit_action.triggered.connect(lambda: self._popup(self.unit_menu))
        self.addAction(self.sign_action, QLineEdit.ActionPosition.TrailingPosition)
        self.addAction(self.unit_action, QLineEdit.ActionPosition.TrailingPosition)

    def _put_sign(self, sign: str) -> None:
        self.setText(with_sign(self.text(), sign))

    def _put_unit(self, unit: str) -> None:
        self.setText(with_unit(self.text(), unit))

    def _popup(self, menu: QMenu) -> None:
        menu.popup(self.mapToGlobal(QPoint(self.width() - menu.sizeHint().width(), self.height())))

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Alt+Down opens the sign menu; everything else types as usual."""
        if event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            self._popup(self.sign_menu)
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """The standard menu plus the sign and unit menus (shown without blocking)."""
        menu = self.createStandardContextMenu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addSeparator()
        menu.addMenu(self.sign_menu).setText(self.tr("比较符号"))
        menu.addMenu(self.unit_menu).setText(self.tr("计量单位"))
        menu.popup(event.globalPos())


class ValueDelegate(QStyledItemDelegate):
    """Edits 实施周期指标值/年度指标值 with a :class:`ValueEditor`."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        """A value editor with its sign and unit menus."""
        editor = ValueEditor(parent)
        editor.setFrame(False)
        return editor


class NameDelegate(QStyledItemDelegate):
    """Edits 三级指标 names with completion from the names already in the table.

    With ``library`` set (by :class:`~bpeditor.ui.library_commands.LibraryCommands`), the
    library's ranked entries follow the table's names (:mod:`bpeditor.ui.name_completion`).
    """

    def __init__(self, names: Callable[[], list[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._names = names
        self.library: tuple[Suggest, Pick] | None = None
        """The library's suggestions for a row, and how a picked one fills the row."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        """A line edit completing (by substring) from the table's indicator names."""
        from PySide6.QtCore import QStringListModel  # noqa: PLC0415 - deferred: start-up
        from PySide6.QtWidgets import QCompleter  # noqa: PLC0415 - deferred: start-up

        editor = QLineEdit(parent)
        editor.setObjectName("nameEditor")
        editor.setFrame(False)
        if self.library is not None:
            from bpeditor.ui.name_completion import NameCompletion  # noqa: PLC0415 - start-up

            NameCompletion(editor, index, self._names, *self.library)
            return editor
        completer = QCompleter(QStringListModel(self._names(), editor), editor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        editor.setCompleter(completer)
        return editor


def _table_set(index: AnyIndex) -> Taxonomy | None:
    """The class set of the table the cell's model shows (``None``: no document behind it)."""
    document = getattr(index.model(), "document", None)
    if not isinstance(document, Document):
        return None
    from bpeditor.model.taxonomy_sets import table_taxonomy  # noqa: PLC0415 - deferred: start-up

    return table_taxonomy(document.table)


class ClassDelegate(QStyledItemDelegate):
    """Picks a 一级 or 二级 class from the taxonomy (二级 limited to the row's 一级).

    The combo's items carry the class code; choosing one commits at once. Opened by a double
    click, the list drops down by itself; opened by typing, the typed letters select.
    """

    def __init__(self, level: int, level1_column: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.level = level
        self.level1_column = level1_column

    def choices(self, index: AnyIndex) -> list[tuple[str, str]]:
        """``(code, label)`` pairs offered for this cell, an empty choice first."""
        table_set = _table_set(index)
        if self.level == 1:
            current = str(index.data(Qt.ItemDataRole.EditRole) or "")
            if table_set is not None:
                taxonomy = table_set
            else:
                taxonomy = GUIDE_2021 if current.startswith("G") else OFFICIAL
            cats = taxonomy.level1()
        else:
            level1 = str(
                index.sibling(index.row(), self.level1_column).data(Qt.ItemDataRole.EditRole)
            )
            taxonomy = taxonomy_of(level1 or "")
            cats = taxonomy.children(level1) if taxonomy.get(level1 or "") else []
            if not cats:
                fallback = table_set or OFFICIAL
                cats = [c for c in fallback.categories if c.level == 2]
        return [("", self.tr("（空）")), *((c.code, c.label) for c in cats)]

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        """A combo of the classes that fit; picking one commits and closes it."""
        combo = QComboBox(parent)
        combo.setObjectName(f"level{self.level}Editor")
        for code, label in self.choices(index):
            combo.addItem(f"{code}-{label}" if code else label, code)
        combo.activated.connect(lambda _row, c=combo: self._commit(c))
        view = parent.parent() if parent is not None else None
        if isinstance(view, QAbstractItemView) and getattr(view, "open_popup", False):
            QTimer.singleShot(0, combo.showPopup)
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QStyledItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        """Select the cell's current class (or keep an unknown code as an extra item)."""
        assert isinstance(editor, QComboBox)
        code = str(index.data(Qt.ItemDataRole.EditRole) or "")
        row = editor.findData(code)
        if row < 0:
            editor.addItem(str(index.data()) or code, code)
            row = editor.count() - 1
        editor.setCurrentIndex(row)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex) -> None:
        """Write the chosen class's code."""
        assert isinstance(editor, QComboBox)
        code = editor.currentData()
        if code != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, code or "", Qt.ItemDataRole.EditRole)

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Let the combo's popup take focus without closing the editor."""
        if event.type() == QEvent.Type.FocusOut and isinstance(editor, QComboBox):
            view = editor.view()
            if view is not None and view.isVisible():
                return False
        return super().eventFilter(editor, event)
