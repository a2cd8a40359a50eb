"""Find and replace across the whole table, in a panel that stays open beside the work.

Find Next walks the matches in table order and jumps to each (project and cell); Replace
changes the field found and moves on; Replace All is one undo step. Matches are looked up
again after any change to the document.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from bpeditor.model.document import Change, Document
from bpeditor.model.search import (
    Match,
    find_all,
    replace_all,
    replace_in_match,
    replace_preview,
)
from bpeditor.model.table import Table
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP
from bpeditor.ui.undo import push_edit


class FindReplacePanel(QWidget):
    """查找 / 替换 for the whole table; emits ``found`` with each match to show."""

    found = Signal(object)
    """A :class:`~bpeditor.model.search.Match` to jump to."""

    def __init__(
        self,
        document: Document,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        confirm: Confirm | None = None,
    ) -> None:
        super().__init__(parent)
        self.confirm = confirm
        """Asks (title, message, preview) before 全部替换; ``None`` replaces without asking."""
        self.setObjectName("findReplacePanel")
        self.document = document
        self.undo_stack = undo_stack
        self._matches: list[Match] | None = None
        self._position = -1
        self.find_edit = QLineEdit(self)
        self.find_edit.setObjectName("findText")
        self.find_edit.setPlaceholderText(self.tr("查找内容"))
        self.find_edit.setClearButtonEnabled(True)
        self.replace_edit = QLineEdit(self)
        self.replace_edit.setObjectName("replaceText")
        self.replace_edit.setPlaceholderText(self.tr("替换为"))
        self.case_box = QCheckBox(self.tr("区分大小写(&C)"), self)
        self.case_box.setObjectName("caseSensitive")
        self.find_button = QPushButton(self.tr("查找下一个(&N)"), self)
        self.find_button.setObjectName("findNext")
        self.find_previous_button = QPushButton(self.tr("上一个(&P)"), self)
        self.find_previous_button.setObjectName("findPrevious")
        self.replace_button = QPushButton(self.tr("替换(&R)"), self)
        self.replace_button.setObjectName("replaceOne")
        self.replace_all_button = QPushButton(self.tr("全部替换(&A)"), self)
        self.replace_all_button.setObjectName("replaceAll")
        self.status = QLabel(self)
        self.status.setObjectName("findStatus")

        layout = QGridLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(_label(self.tr("查找(&F)："), self, self.find_edit), 0, 0)
        layout.addWidget(self.find_edit, 0, 1)
        layout.addWidget(self.find_button, 0, 2)
        layout.addWidget(self.find_previous_button, 0, 3)
        layout.addWidget(_label(self.tr("替换为(&E)："), self, self.replace_edit), 1, 0)
        layout.addWidget(self.replace_edit, 1, 1)
        layout.addWidget(self.replace_button, 1, 2)
        layout.addWidget(self.replace_all_button, 1, 3)
        layout.addWidget(self.case_box, 2, 1)
        layout.addWidget(self.status, 3, 0, 1, 4)
        layout.setColumnStretch(1, 1)
        layout.setRowStretch(4, 1)

        self.find_edit.textChanged.connect(self._forget)
        self.case_box.toggled.connect(self._forget)
        self.find_edit.returnPressed.connect(self.find_next)
        self.replace_edit.returnPressed.connect(self.replace_one)
        self.find_button.clicked.connect(self.find_next)
        self.find_previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_one)
        self.replace_all_button.clicked.connect(self.replace_all)
        document.subscribe(self._on_change)

    # --- matches -----------------------------------------------------------------------

    @property
    def needle(self) -> str:
        """The text searched for."""
        return self.find_edit.text()

    def _forget(self, *_args: object) -> None:
        self._matches = None
        self._position = -1
        self.status.setText("")

    def _on_change(self, change: Change, done: bool) -> None:
        if done:
            self._matches = None

    def matches(self) -> list[Match]:
        """Every match of the current search (looked up again after changes)."""
        if self._matches is None:
            self._matches = find_all(
                self.document.table, self.needle, case_sensitive=self.case_box.isChecked()
            )
            self._position = min(self._position, len(self._matches) - 1)
        return self._matches

    def find_next(self) -> Match | None:
        """Jump to the next match (wrapping at the end)."""
        return self._step(1)

    def find_previous(self) -> Match | None:
        """Jump to the previous match (wrapping at the start)."""
        return self._step(-1)

    def _step(self, delta: int) -> Match | None:
        matches = self.matches()
        if not matches:
            missing = self.tr("找不到“{text}”").format(text=self.needle)
            self.status.setText(missing if self.needle else "")
            return None
        self._position = (self._position + delta) % len(matches)
        match = matches[self._position]
        # Jumping shows the cell (and focuses the grid): Enter in 查找 must go on finding.
        typing = QApplication.focusWidget() is self.find_edit
        total = sum(m.count for m in matches)
        self.status.setText(
            self.tr("第 {position} / {count} 处（共 {total} 次出现）").format(
                position=self._position + 1, count=len(matches), total=total
            )
        )
        self.found.emit(match)
        if typing:
            self.find_edit.setFocus()
        return match

    # --- replacing ---------------------------------------------------------------------

    def replace_one(self) -> None:
        """Replace in the field found last (every occurrence in it), then find the next."""
        matches = self.matches()
        if not self.needle or not matches:
            self.find_next()
            return
        if not 0 <= self._position < len(matches):
            self.find_next()
            return
        edit = replace_in_match(
            self.document.table,
            matches[self._position],
            self.needle,
            self.replace_edit.text(),
            case_sensitive=self.case_box.isChecked(),
            text=self.tr("替换"),
        )
        if edit is not None:
            push_edit(self.undo_stack, self.document, edit)
            self._position -= 1
        self.find_next()

    def replace_all(self) -> int:
        """Replace everywhere as one undo step; returns how many fields changed."""
        if not self.needle:
            return 0
        edit = replace_all(
            self.document.table,
            self.needle,
            self.replace_edit.text(),
            case_sensitive=self.case_box.isChecked(),
        )
        if edit.edits and self.confirm is not None:
            changes = replace_preview(
                self.document.table,
                self.needle,
                self.replace_edit.text(),
                case_sensitive=self.case_box.isChecked(),
            )
            question = self.tr(
                "将在 {count} 处把“{needle}”替换为“{replacement}”。\n\n"
                "替换吗？（可以撤销；点“显示详细信息”预览每一处。）"
            )
            preview = "\n".join(
                f"{place_text(self.document.table, m)}：{old} → {new}" for m, old, new in changes
            )
            message = question.format(
                count=len(edit.edits), needle=self.needle, replacement=self.replace_edit.text()
            )
            if not self.confirm(self.tr("全部替换"), message, preview):
                self.status.setText(self.tr("未替换"))
                return 0
        if edit.edits:
            edit.text = self.tr("全部替换“{needle}”为“{replacement}”").format(
                needle=self.needle, replacement=self.replace_edit.text()
            )
            push_edit(self.undo_stack, self.document, edit)
        self.status.setText(self.tr("已在 {count} 处替换").format(count=len(edit.edits)))
        return len(edit.edits)


Confirm = Callable[[str, str, str], bool]
"""Asks the user (title, message, details) and returns whether to go on."""

_FIELD_NAMES = {
    "title": QT_TRANSLATE_NOOP("FindReplacePanel", "标题"),
    "reporting_unit": QT_TRANSLATE_NOOP("FindReplacePanel", "单位名称"),
    "name": QT_TRANSLATE_NOOP("FindReplacePanel", "名称"),
    "goal": QT_TRANSLATE_NOOP("FindReplacePanel", "绩效目标"),
    "department": QT_TRANSLATE_NOOP("FindReplacePanel", "主管部门"),
    "implementing_unit": QT_TRANSLATE_NOOP("FindReplacePanel", "实施单位"),
    "period_goal": QT_TRANSLATE_NOOP("FindReplacePanel", "实施期目标"),
    "period_value": QT_TRANSLATE_NOOP("FindReplacePanel", "实施周期指标值"),
    "annual_value": QT_TRANSLATE_NOOP("FindReplacePanel", "年度指标值"),
    "basis": QT_TRANSLATE_NOOP("FindReplacePanel", "指标值确定依据"),
    "explanation": QT_TRANSLATE_NOOP("FindReplacePanel", "指标解释"),
    "note": QT_TRANSLATE_NOOP("FindReplacePanel", "备注"),
}


def place_text(table: Table, match: Match) -> str:
    """Where a match is, in the user's words: ``项目名 第 3 行 年度指标值``."""
    field = QCoreApplication.translate(
        "FindReplacePanel", _FIELD_NAMES.get(match.field, match.field)
    )
    if match.unit is None:
        return field
    unit = table.units[match.unit]
    if match.project is None:
        return f"{unit.name} {field}"
    project = unit.projects[match.project]
    if match.indicator is None:
        return f"{project.name} {field}"
    if match.field == "name":
        field = QCoreApplication.translate("IndicatorTableModel", "三级指标")
    row = QCoreApplication.translate("FindReplacePanel", "第 {row} 行").format(
        row=match.indicator + 1
    )
    return f"{project.name} {row} {field}"


def _label(text: str, parent: QWidget, buddy: QWidget) -> QLabel:
    """A label whose shortcut (``&F``) puts the cursor in ``buddy``."""
    label = QLabel(text, parent)
    label.setBuddy(buddy)
    return label
