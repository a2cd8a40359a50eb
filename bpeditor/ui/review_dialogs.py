"""The review's dialogs: the preview of quick fixes, the 已说明 reason, and the rule-set editor.

Each is a plain ``QDialog`` the controller (:mod:`bpeditor.ui.review`) runs through the
``DialogService``; the tests drive them there.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpeditor.io.base import WriteError
from bpeditor.io.rule_file import RuleFileError, bundled_path, load_rule_set, save_rule_set
from bpeditor.model.review.rules import CATEGORIES, RULES, Grade, RuleSet, Thresholds
from bpeditor.ui.dialogs import DialogService

RULE_FILE_FILTER = "JSON (*.json)"


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class FixPreviewDialog(QDialog):
    """Lists each change a fix (or all fixes of a kind) would make; OK applies them."""

    def __init__(self, title: str, changes: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fixPreviewDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("将做以下 {count} 处修改（可撤销）：").format(count=len(changes)), self)
        )
        self.changes = QListWidget(self)
        self.changes.setObjectName("fixChanges")
        self.changes.addItems(changes)
        self.changes.setWordWrap(True)
        layout.addWidget(self.changes)
        layout.addWidget(_buttons(self))
        self.resize(720, 360)


class ExplainDialog(QDialog):
    """Asks why a finding stays as it is (empty: remove the 已说明 mark)."""

    def __init__(self, message: str, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("explainDialog")
        self.setWindowTitle(self.tr("标记为已说明"))
        layout = QVBoxLayout(self)
        text = QLabel(message, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        layout.addWidget(QLabel(self.tr("说明理由（清空则取消已说明）："), self))
        self.reason = QLineEdit(reason, self)
        self.reason.setObjectName("explainReason")
        layout.addWidget(self.reason)
        layout.addWidget(_buttons(self))
        self.resize(560, 160)


class RuleSetDialog(QDialog):
    """Edits a rule set: rules on or off and their grades, the thresholds; opens, saves files."""

    RULE, TITLE, CATEGORY, ON, GRADE = range(5)

    def __init__(
        self,
        rules: RuleSet,
        path: Path | None,
        dialogs: DialogService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ruleSetDialog")
        self.setWindowTitle(self.tr("审核规则"))
        self.dialogs = dialogs
        self.path = path
        """The rule file the set came from or was saved to (remembered for the next start)."""
        layout = QVBoxLayout(self)
        self.file_label = QLabel(self)
        self.file_label.setObjectName("ruleFileLabel")
        layout.addWidget(self.file_label)
        layout.addLayout(self._thresholds_form())
        layout.addWidget(self._rule_table())
        layout.addLayout(self._file_buttons())
        layout.addWidget(_buttons(self))
        self.set_rules(rules, path)
        self.resize(760, 620)

    def _thresholds_form(self) -> QFormLayout:
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("ruleSetName")
        form.addRow(self.tr("规则名称："), self.name_edit)
        self.floor = QDoubleSpinBox(self)
        self.floor.setObjectName("satisfactionFloor")
        self.floor.setRange(0, 100)
        self.floor.setSuffix("%")
        form.addRow(self.tr("满意度下限（S2）："), self.floor)
        self.name_length = QSpinBox(self)
        self.name_length.setObjectName("maxNameLength")
        self.name_length.setRange(1, 10000)
        form.addRow(self.tr("三级指标名称最多字数（V9）："), self.name_length)
        self.value_length = QSpinBox(self)
        self.value_length.setObjectName("maxValueLength")
        self.value_length.setRange(1, 10000)
        form.addRow(self.tr("指标值最多字数（V9）："), self.value_length)
        self.require_cost = QCheckBox(self.tr("每个项目都要有成本指标（C5）"), self)
        self.require_cost.setObjectName("requireCost")
        form.addRow(self.require_cost)
        return form

    def _rule_table(self) -> QTableWidget:
        self.table = QTableWidget(len(RULES), 5, self)
        self.table.setObjectName("ruleTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("规则"),
                self.tr("内容"),
                self.tr("意见类别"),
                self.tr("启用"),
                self.tr("级别"),
            ]
        )
        self.table.verticalHeader().hide()
        self.grades: dict[str, QComboBox] = {}
        for row, (code, rule) in enumerate(RULES.items()):
            for column, text in (
                (self.RULE, code),
                (self.TITLE, rule.title),
                (self.CATEGORY, f"{rule.category} {CATEGORIES[rule.category]}"),
            ):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)
            switch = QTableWidgetItem()
            switch.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            self.table.setItem(row, self.ON, switch)
            combo = QComboBox(self.table)
            combo.addItems([g.value for g in Grade])
            self.table.setCellWidget(row, self.GRADE, combo)
            self.grades[code] = combo
        self.table.resizeColumnsToContents()
        return self.table

    def _file_buttons(self) -> QHBoxLayout:
        files = QHBoxLayout()
        for text, name, slot in (
            (self.tr("打开规则文件(&O)…"), "openRules", self.open_file),
            (self.tr("另存为(&S)…"), "saveRules", self.save_file),
            (self.tr("默认规则(&D)"), "defaultRules", self.use_default),
            (self.tr("严格规则(&T)"), "strictRules", self.use_strict),
        ):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.clicked.connect(slot)
            files.addWidget(button)
        files.addStretch(1)
        return files

    def set_rules(self, rules: RuleSet, path: Path | None) -> None:
        """Show a rule set (and the file it came from)."""
        self.path = path
        self.file_label.setText(
            self.tr("规则文件：{path}").format(path=path)
            if path
            else self.tr("规则文件：（未保存）")
        )
        self.name_edit.setText(rules.name)
        t = rules.thresholds
        self.floor.setValue(float(t.satisfaction_floor))
        self.name_length.setValue(t.max_name_length)
        self.value_length.setValue(t.max_value_length)
        self.require_cost.setChecked(t.require_cost)
        for row, code in enumerate(RULES):
            on = Qt.CheckState.Checked if rules.is_on(code) else Qt.CheckState.Unchecked
            item = self.table.item(row, self.ON)
            if item is not None:
                item.setCheckState(on)
            self.grades[code].setCurrentText(rules.grade(code).value)

    def rules(self) -> RuleSet:
        """The rule set as edited."""
        rules = RuleSet(
            name=self.name_edit.text().strip() or "未命名规则",
            thresholds=Thresholds(
                satisfaction_floor=Decimal(str(round(self.floor.value(), 2))).normalize(),
                max_name_length=self.name_length.value(),
                max_value_length=self.value_length.value(),
                require_cost=self.require_cost.isChecked(),
            ),
        )
        for row, code in enumerate(RULES):
            item = self.table.item(row, self.ON)
            on = item is not None and item.checkState() == Qt.CheckState.Checked
            rules = rules.with_rule(code, on=on, grade=Grade(self.grades[code].currentText()))
        return rules

    def set_rule(self, code: str, *, on: bool, grade: Grade | None = None) -> None:
        """Switch a rule on or off (and set its grade), as a click in the table does."""
        row = list(RULES).index(code)
        item = self.table.item(row, self.ON)
        if item is not None:
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        if grade is not None:
            self.grades[code].setCurrentText(grade.value)

    def open_file(self) -> None:
        """Load a rule file into the dialog; a bad one is reported in one line."""
        path = self.dialogs.open_file(self, self.tr("打开规则文件"), RULE_FILE_FILTER)
        if path is None:
            return
        try:
            self.set_rules(load_rule_set(path), path)
        except RuleFileError as exc:
            self.dialogs.error(self, self.tr("无法使用规则文件"), str(exc))

    def save_file(self) -> None:
        """Save the rules as edited to a file (to share with colleagues)."""
        path = self.dialogs.save_file(self, self.tr("保存规则文件"), RULE_FILE_FILTER, self.path)
        if path is None:
            return
        try:
            save_rule_set(self.rules(), path)
        except WriteError as exc:
            self.dialogs.error(self, self.tr("无法保存规则文件"), str(exc))
            return
        self.set_rules(self.rules(), path)

    def use_default(self) -> None:
        """Show the shipped default set."""
        self._use_bundled("default")

    def use_strict(self) -> None:
        """Show the shipped strict set."""
        self._use_bundled("strict")

    def _use_bundled(self, name: str) -> None:
        try:
            self.set_rules(load_rule_set(bundled_path(name)), None)
        except RuleFileError as exc:
            self.dialogs.error(self, self.tr("无法使用规则文件"), str(exc))
