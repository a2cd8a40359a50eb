"""The table's 申报信息: 年度, the unit's 代码, the sign-off and the indicator class set.

Folded under the table panel's fields and built when first opened; every edit is one undo step
(typing merges per burst). Converting the indicators to the other class set is one undoable
command that says what it could not carry over exactly.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from bpeditor.model.document import Change, ChangeKind
from bpeditor.ui.fields import BurstFilter, set_text_quietly
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP
from bpeditor.ui.undo import push_edit

if TYPE_CHECKING:
    from bpeditor.ui.editor_context import EditorContext

FIELDS = (
    ("year", QT_TRANSLATE_NOOP("TableInfoForm", "年度")),
    ("unit_code", QT_TRANSLATE_NOOP("TableInfoForm", "单位代码")),
    ("signoff.seal", QT_TRANSLATE_NOOP("TableInfoForm", "单位（盖章）")),
    ("signoff.head", QT_TRANSLATE_NOOP("TableInfoForm", "单位负责人")),
    ("signoff.preparer", QT_TRANSLATE_NOOP("TableInfoForm", "经办人（填报人）")),
    ("signoff.phone", QT_TRANSLATE_NOOP("TableInfoForm", "联系电话")),
    ("signoff.date", QT_TRANSLATE_NOOP("TableInfoForm", "填报日期")),
)
"""The table's fields (as :meth:`Document.set_table_field` names them) and their labels."""
SETS = (
    ("official", QT_TRANSLATE_NOOP("TableInfoForm", "财政系统指标体系（产出、效益、满意度）")),
    ("guide-2021", QT_TRANSLATE_NOOP("TableInfoForm", "2021年指引指标体系（含成本指标一级）")),
)


class TableInfoForm(QWidget):
    """The table's 年度, 代码, sign-off and class set, edited through the undo stack."""

    def __init__(self, context: EditorContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("tableInfoForm")
        self.context = context
        self.bursts = BurstFilter(self)
        self._loading = False
        form = QFormLayout(self)
        form.setContentsMargins(16, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.edits: dict[str, QLineEdit] = {}
        for name, label in FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"table_{name.replace('.', '_')}")
            edit.textEdited.connect(partial(self._set, name))
            self.edits[name] = edit
            form.addRow(self.tr(label) + self.tr("："), edit)
        year = self.edits["year"]
        year.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), year))
        year.setPlaceholderText(self.tr("如：2026（打印为“（2026年度）”）"))
        self.edits["signoff.date"].setPlaceholderText(self.tr("如：2026年1月15日"))
        self.set_combo = QComboBox(self)
        self.set_combo.setObjectName("taxonomyCombo")
        for code, label in SETS:
            self.set_combo.addItem(self.tr(label), code)
        self.set_combo.activated.connect(self._choose_set)
        self.convert_button = QPushButton(self.tr("把指标转换为此体系"), self)
        self.convert_button.setObjectName("convertTaxonomy")
        self.convert_button.clicked.connect(self.convert)
        row = QHBoxLayout()
        row.addWidget(self.set_combo, 1)
        row.addWidget(self.convert_button)
        form.addRow(self.tr("指标体系："), row)
        self.bursts.watch(*self.edits.values())
        context.document.subscribe(self._on_change)
        self.refresh()

    def refresh(self) -> None:
        """Show the table's fields as they are now."""
        from bpeditor.model.taxonomy_sets import table_taxonomy  # noqa: PLC0415 - deferred: start-up

        document = self.context.document
        self._loading = True
        try:
            for name, edit in self.edits.items():
                set_text_quietly(edit, document.table_field(name))
            seal = self.edits["signoff.seal"]
            seal.setPlaceholderText(document.table.reporting_unit)
            index = self.set_combo.findData(table_taxonomy(document.table).name)
            self.set_combo.setCurrentIndex(max(index, 0))
        finally:
            self._loading = False

    def _on_change(self, change: Change, done: bool) -> None:
        if done and change.kind in (ChangeKind.TABLE, ChangeKind.RESET):
            self.refresh()

    def _set(self, name: str, text: str) -> None:
        document = self.context.document
        if self._loading or document.table_field(name) == text:
            return
        if name == "year" and text and len(text) != 4:
            return  # a year half typed: set when it has four digits (or is cleared)
        from bpeditor.model.edits import SetTableField  # noqa: PLC0415 - deferred: start-up

        label = self.tr(dict(FIELDS)[name])
        edit = SetTableField(name, text, text=self.tr("修改{field}").format(field=label))
        push_edit(self.context.undo_stack, document, edit, self.bursts.burst)

    def _choose_set(self, _row: int) -> None:
        from bpeditor.model.taxonomy_sets import choose_taxonomy  # noqa: PLC0415 - deferred: start-up

        edit = choose_taxonomy(self.context.document.table, str(self.set_combo.currentData()))
        if edit is not None:
            edit.text = self.tr("选择指标体系")
            push_edit(self.context.undo_stack, self.context.document, edit)

    def convert(self) -> None:
        """Convert the indicators to the chosen class set (one undo step); say what did not map."""
        from bpeditor.model.taxonomy_sets import convert_taxonomy  # noqa: PLC0415 - deferred: start-up

        target = str(self.set_combo.currentData())
        conversion = convert_taxonomy(self.context.document.table, target)
        if conversion.edit is not None:
            conversion.edit.text = self.tr("转换指标体系")
            push_edit(self.context.undo_stack, self.context.document, conversion.edit)
        if conversion.unmapped:
            shown = conversion.unmapped[:20]
            more = len(conversion.unmapped) - len(shown)
            message = self.tr("以下指标无法一一对应，已归入最接近的类别，请核对：") + "\n"
            message += "\n".join(shown)
            if more:
                message += "\n" + self.tr("……另有 {count} 项").format(count=more)
            self.context.dialogs.information(self.context.window, self.tr("转换指标体系"), message)
