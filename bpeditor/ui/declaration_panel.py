"""The project's 申报信息: the per-project form's fields, folded under the project's name.

项目属性, 项目期, 主管部门 and its 代码, 实施单位, the 实施期 amounts and 实施期目标 — each edit one
undo step (typing merges per burst). A project whose 实施期 follows its 年度 shows
“实施期同年度” and one button that makes them independent (one undoable edit); the checks of
these fields are listed below them and follow every edit.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from bpeditor.model.document import Change, ChangeKind
from bpeditor.model.money import Amount, format_amount
from bpeditor.ui.fields import ERROR_STYLE, AmountEdit, BurstFilter, set_text_quietly
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP
from bpeditor.ui.undo import push_edit

if TYPE_CHECKING:
    from bpeditor.model.edits import Edit
    from bpeditor.model.table import Project
    from bpeditor.ui.editor_context import EditorContext
    from bpeditor.ui.project_panel import ProjectPanel

TEXT_FIELDS = (
    ("period", QT_TRANSLATE_NOOP("DeclarationForm", "项目期")),
    ("department", QT_TRANSLATE_NOOP("DeclarationForm", "主管部门")),
    ("department_code", QT_TRANSLATE_NOOP("DeclarationForm", "主管部门代码")),
    ("implementing_unit", QT_TRANSLATE_NOOP("DeclarationForm", "实施单位")),
)
"""The one-line text fields: the project's field and its label (source text)."""
PERIOD_SOURCES = (
    ("fiscal", QT_TRANSLATE_NOOP("DeclarationForm", "财政拨款")),
    ("special_account", QT_TRANSLATE_NOOP("DeclarationForm", "财政专户拨款")),
    ("other", QT_TRANSLATE_NOOP("DeclarationForm", "其他资金")),
)
ATTRIBUTES = ("", "新增", "延续", "其他")


class DeclarationForm(QWidget):
    """The fields of the shown project's 申报信息, edited through the undo stack."""

    def __init__(self, context: EditorContext, panel: ProjectPanel, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("declarationForm")
        self.context = context
        self.panel = panel
        self.bursts = BurstFilter(self)
        self._loading = False
        form = QFormLayout(self)
        form.setContentsMargins(16, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.attribute_combo = QComboBox(self)
        self.attribute_combo.setObjectName("declaration_attribute")
        self.attribute_combo.setEditable(True)
        self.attribute_combo.addItems(list(ATTRIBUTES))
        self.attribute_combo.currentTextChanged.connect(partial(self._set_text, "attribute"))
        form.addRow(self.tr("项目属性："), self.attribute_combo)
        self.text_edits: dict[str, QLineEdit] = {}
        for name, label in TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(f"declaration_{name}")
            edit.textEdited.connect(partial(self._set_text, name))
            self.text_edits[name] = edit
            form.addRow(self.tr(label) + self.tr("："), edit)
        self.text_edits["period"].setPlaceholderText(self.tr("如：1年、2025年1月-2027年12月"))
        form.addRow(self.tr("实施期资金："), self._build_period_funds())
        self.period_goal_edit = QPlainTextEdit(self)
        self.period_goal_edit.setObjectName("declaration_period_goal")
        self.period_goal_edit.setUndoRedoEnabled(False)
        self.period_goal_edit.setTabChangesFocus(True)
        line = self.period_goal_edit.fontMetrics().lineSpacing()
        self.period_goal_edit.setFixedHeight(line * 3 + 12)
        self.period_goal_edit.textChanged.connect(self._period_goal_changed)
        form.addRow(self.tr("实施期目标："), self.period_goal_edit)
        self.findings_label = QLabel(self)
        self.findings_label.setObjectName("declarationFindings")
        self.findings_label.setWordWrap(True)
        self.findings_label.setStyleSheet(ERROR_STYLE)
        form.addRow(self.findings_label)
        self.bursts.watch(
            self.attribute_combo,
            self.period_goal_edit,
            *self.text_edits.values(),
            *self.amount_edits.values(),
        )
        context.document.subscribe(self._on_change)
        self.refresh()

    def _build_period_funds(self) -> QWidget:
        box = QWidget(self)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.follows_label = QLabel(self.tr("实施期同年度"), box)
        self.follows_label.setObjectName("periodFollows")
        self.follows_label.setToolTip(
            self.tr("项目期为一年或未填写：实施期资金、目标和指标值同年度，打印时照年度填写")
        )
        self.independent_button = QPushButton(self.tr("单独填写实施期"), box)
        self.independent_button.setObjectName("periodIndependent")
        self.independent_button.clicked.connect(self.make_independent)
        follows = QHBoxLayout()
        follows.addWidget(self.follows_label)
        follows.addWidget(self.independent_button)
        follows.addStretch(1)
        grid.addLayout(follows, 0, 0, 1, 8)
        self.amount_edits: dict[str, AmountEdit] = {}
        self.period_total = QLabel(box)
        self.period_total.setObjectName("periodTotal")
        grid.addWidget(QLabel(self.tr("总计"), box), 1, 0)
        grid.addWidget(self.period_total, 1, 1)
        for column, (attr, label) in enumerate(PERIOD_SOURCES, start=1):
            edit = AmountEdit(partial(self._commit_amount, attr), box)
            edit.setObjectName(f"period_{attr}")
            caption = QLabel(self.tr(label), box)
            caption.setBuddy(edit)
            grid.addWidget(caption, 1, 2 * column)
            grid.addWidget(edit, 1, 2 * column + 1)
            grid.setColumnStretch(2 * column + 1, 1)
            self.amount_edits[attr] = edit
        return box

    # --- showing ---------------------------------------------------------------------------

    def _project(self) -> Project | None:
        return self.panel.project

    def refresh(self) -> None:
        """Show the shown project's fields, whether 实施期 follows 年度, and their checks."""
        from bpeditor.model.declaration import period_follows_annual  # noqa: PLC0415 - deferred: start-up

        project = self._project()
        self.setEnabled(project is not None)
        if project is None:
            return
        self._loading = True
        try:
            if self.attribute_combo.currentText() != project.attribute:
                self.attribute_combo.setCurrentText(project.attribute)
            for name, edit in self.text_edits.items():
                set_text_quietly(edit, getattr(project, name))
            unit = self.panel.unit_label.text()
            self.text_edits["implementing_unit"].setPlaceholderText(unit)
            if self.period_goal_edit.toPlainText() != project.period_goal:
                self.period_goal_edit.setPlainText(project.period_goal)
            follows = period_follows_annual(project)
            shown = project.funds if follows else project.period_funds
            for attr, edit in self.amount_edits.items():
                edit.show_amount(getattr(shown, attr))
                edit.setReadOnly(follows)
            self.period_total.setText(format_amount(shown.effective_total(), blank_zero=False))
            self.follows_label.setVisible(follows)
            self.independent_button.setVisible(follows)
            self.period_goal_edit.setPlaceholderText(project.goal if follows else "")
        finally:
            self._loading = False
        self._show_findings(project)

    def _show_findings(self, project: Project) -> None:
        from bpeditor.model.declaration import DECLARATION_CODES  # noqa: PLC0415 - deferred: start-up
        from bpeditor.model.validation import validate_project  # noqa: PLC0415 - deferred: start-up

        where = self.panel.location() or (0, 0)
        findings = [f for f in validate_project(project, *where) if f.code in DECLARATION_CODES]
        self.findings_label.setText("\n".join(f.message for f in findings))
        self.findings_label.setVisible(bool(findings))

    def _on_change(self, change: Change, done: bool) -> None:
        if not done or not self.isVisible():
            return
        if change.kind in (
            ChangeKind.PROJECT_FIELD,
            ChangeKind.INDICATOR_FIELD,
            ChangeKind.INDICATORS_INSERTED,
            ChangeKind.INDICATORS_REMOVED,
            ChangeKind.RESET,
        ):
            self.refresh()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Bring the fields up to date when they come into view."""
        super().showEvent(event)
        self.refresh()

    # --- editing ---------------------------------------------------------------------------

    def push(self, edit: Edit | None, burst: int | None = None) -> None:
        """Apply an edit as one undo step (merging with the same burst of typing)."""
        if edit is not None:
            push_edit(self.context.undo_stack, self.context.document, edit, burst)

    def _set_text(self, name: str, text: str) -> None:
        where = self.panel.location()
        project = self._project()
        if self._loading or where is None or project is None or getattr(project, name) == text:
            return
        from bpeditor.model.edits import SetProjectField  # noqa: PLC0415 - deferred: start-up

        labels = dict(TEXT_FIELDS)
        label = self.tr(labels[name]) if name in labels else self.tr("项目属性")
        edit = SetProjectField(*where, name, text, text=self.tr("修改{field}").format(field=label))
        self.push(edit, self.bursts.burst)

    def _period_goal_changed(self) -> None:
        if self._loading:
            return
        self._set_goal(self.period_goal_edit.toPlainText())

    def _set_goal(self, text: str) -> None:
        where = self.panel.location()
        project = self._project()
        if where is None or project is None or project.period_goal == text:
            return
        from bpeditor.model.edits import SetProjectField  # noqa: PLC0415 - deferred: start-up

        edit = SetProjectField(*where, "period_goal", text, text=self.tr("修改实施期目标"))
        self.push(edit, self.bursts.burst)

    def _commit_amount(self, attr: str, amount: Amount) -> None:
        where = self.panel.location()
        if where is None or self._loading:
            return
        from bpeditor.model.declaration import set_period_amount  # noqa: PLC0415 - deferred: start-up

        text = self.tr("修改实施期资金")
        self.push(set_period_amount(self.context.document.table, where, attr, amount, text))

    def make_independent(self) -> None:
        """Write 年度 into the blank 实施期 fields (one undo step), so they can differ."""
        where = self.panel.location()
        if where is None:
            return
        from bpeditor.model.declaration import make_period_independent  # noqa: PLC0415 - deferred: start-up

        edit = make_period_independent(self.context.document.table, where)
        if edit is not None:
            edit.text = self.tr("实施期单独填写")
        self.push(edit)
