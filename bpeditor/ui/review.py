"""审核 in the window: quick fixes, 已说明 marks, the rule set and the 审核意见 report.

The controller gets the editor context, the findings view and the live checks, and returns its
actions (the 工具 menu and the findings panel's context menu). Fixes and marks are model edits
pushed as undo steps after the user confirmed them in a preview; dialogs go through the
``DialogService``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtWidgets import QMenu, QTreeView

from bpeditor.model.document import Change, ChangeKind
from bpeditor.model.validation import Finding
from bpeditor.ui.editor_context import EditorContext, MenuItems, named_action
from bpeditor.ui.findings_model import ProblemListModel
from bpeditor.ui.live_checks import LiveChecks
from bpeditor.ui.undo import push_edit

if TYPE_CHECKING:
    from bpeditor.model.review.rules import RuleSet

RULES_KEY = "review/rules_file"
"""The settings key of the rule file the window checks with (empty: the default set)."""
REPORT_FILTER = "Word (*.docx);;Excel (*.xlsx);;文本 (*.txt)"


class ReviewController(QObject):
    """The 审核 commands of the window."""

    def __init__(
        self,
        context: EditorContext,
        view: QTreeView,
        model: ProblemListModel,
        checks: LiveChecks,
    ) -> None:
        super().__init__(context.window)
        self.context = context
        self.view = view
        self.model = model
        self.checks = checks
        self.rules_path: Path | None = None
        window = context.window
        self.fix_action = named_action(
            window, "actionQuickFix", self.tr("快速修复(&Q)…"), self.fix_current
        )
        self.fix_all_action = named_action(
            window, "actionFixAll", self.tr("全部修复此类(&A)…"), self.fix_all_of_kind
        )
        self.explain_action = named_action(
            window, "actionExplain", self.tr("标记已说明(&M)…"), self.explain_current
        )
        self.rules_action = named_action(
            window, "actionReviewRules", self.tr("审核规则(&R)…"), self.edit_rules
        )
        self.report_action = named_action(
            window, "actionReviewReport", self.tr("导出审核意见(&E)…"), self.export_report
        )
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        model.explained = self._explained
        context.document.subscribe(self._on_change)
        self._load_remembered_rules()

    def menu_items(self) -> MenuItems:
        """The 工具 menu's entries."""
        return [
            self.fix_action,
            self.fix_all_action,
            self.explain_action,
            None,
            self.rules_action,
            self.report_action,
        ]

    # --- the finding in hand ----------------------------------------------------------------

    def current_finding(self) -> Finding | None:
        """The finding selected in the findings panel."""
        return self.model.finding_at(self.view.currentIndex())

    def _context_menu(self, pos: QPoint) -> None:
        from bpeditor.model.review.fixes import FIXABLE  # noqa: PLC0415 - deferred: start-up

        menu = QMenu(self.view)
        finding = self.current_finding()
        fixable = finding is not None and finding.code in FIXABLE
        self.fix_action.setEnabled(fixable)
        self.fix_all_action.setEnabled(fixable)
        self.explain_action.setEnabled(finding is not None)
        menu.addActions([self.fix_action, self.fix_all_action, self.explain_action])
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def _confirm(self, title: str, changes: list[str]) -> bool:
        from bpeditor.ui.review_dialogs import FixPreviewDialog  # noqa: PLC0415 - on demand

        dialog = FixPreviewDialog(title, changes, self.context.window)
        return self.context.dialogs.run_dialog(dialog)

    def fix_current(self) -> None:
        """Fix the selected finding after the user confirmed the change."""
        from bpeditor.model.review.fixes import quick_fix  # noqa: PLC0415 - deferred: start-up

        finding = self.current_finding()
        table = self.context.document.table
        fix = quick_fix(table, finding) if finding is not None else None
        if fix is None:
            self.context.show_status(self.tr("这条检查结果没有可以自动完成的修复"))
            return
        if self._confirm(self.tr("快速修复"), [fix.description]):
            push_edit(self.context.undo_stack, self.context.document, fix.edit)

    def fix_all_of_kind(self) -> None:
        """Fix every finding of the selected finding's rule, after a preview, as one step."""
        from bpeditor.model.review.fixes import FIXABLE, fix_all  # noqa: PLC0415 - deferred: start-up
        from bpeditor.model.review.rules import RULES  # noqa: PLC0415 - deferred: start-up

        finding = self.current_finding()
        if finding is None or finding.code not in FIXABLE:
            self.context.show_status(self.tr("这条检查结果没有可以自动完成的修复"))
            return
        self.checks.run_now()
        fixes, edit = fix_all(self.context.document.table, self.checks.findings, finding.code)
        if edit is None:
            self.context.show_status(self.tr("这条检查结果没有可以自动完成的修复"))
            return
        title = self.tr("全部修复：{rule} {title}").format(
            rule=finding.code, title=RULES[finding.code].title
        )
        if self._confirm(title, [f.description for f in fixes]):
            push_edit(self.context.undo_stack, self.context.document, edit)

    def explain_current(self) -> None:
        """Mark the selected finding 已说明 with a reason (saved in the file, in the report)."""
        from bpeditor.model.edits import SetExplanation  # noqa: PLC0415 - deferred: start-up
        from bpeditor.model.review.report import explanation, explanation_for  # noqa: PLC0415 - deferred: start-up
        from bpeditor.ui.review_dialogs import ExplainDialog  # noqa: PLC0415 - on demand

        finding = self.current_finding()
        if finding is None:
            return
        table = self.context.document.table
        mark = explanation_for(table, finding)
        dialog = ExplainDialog(finding.message, mark.reason if mark else "", self.context.window)
        if not self.context.dialogs.run_dialog(dialog):
            return
        reason = dialog.reason.text().strip()
        if reason == (mark.reason if mark else ""):
            return
        edit = SetExplanation(
            explanation(table, finding, reason), text="标记已说明" if reason else "取消已说明"
        )
        push_edit(self.context.undo_stack, self.context.document, edit)

    def _explained(self, finding: Finding) -> str:
        table = self.context.document.table
        if not table.explanations:  # the usual case: no per-row work, no import at start-up
            return ""
        from bpeditor.model.review.report import explanation_for  # noqa: PLC0415 - deferred: start-up

        mark = explanation_for(table, finding)
        return mark.reason if mark is not None else ""

    def _on_change(self, change: Change, done: bool) -> None:
        if done and change.kind is ChangeKind.TABLE and change.field == "explanations":
            self.model.refresh_messages()

    # --- the rule set -----------------------------------------------------------------------

    def _load_remembered_rules(self) -> None:
        remembered = self.context.settings.value(RULES_KEY, "")
        if not remembered:
            return
        from bpeditor.io.rule_file import RuleFileError, load_rule_set  # noqa: PLC0415

        path = Path(str(remembered))
        try:
            self.checks.rules = load_rule_set(path)
            self.rules_path = path
        except RuleFileError as exc:
            self.context.show_status(str(exc))

    def edit_rules(self) -> None:
        """The rule-set dialog: choose, edit and save a rule file; OK checks with it."""
        from bpeditor.ui.review_dialogs import RuleSetDialog  # noqa: PLC0415 - on demand

        dialog = RuleSetDialog(
            self.checks.rules, self.rules_path, self.context.dialogs, self.context.window
        )
        if not self.context.dialogs.run_dialog(dialog):
            return
        self.use_rules(dialog.rules(), dialog.path)

    def use_rules(self, rules: RuleSet, path: Path | None) -> None:
        """Check with ``rules`` from now on, and remember their file for the next start."""
        self.rules_path = path
        self.context.settings.setValue(RULES_KEY, str(path) if path else "")
        self.checks.set_rules(rules)
        self.context.show_status(self.tr("审核规则：{name}").format(name=rules.name))

    # --- the report -------------------------------------------------------------------------

    def export_report(self) -> None:
        """Write the 审核意见 report of the current findings (Word, Excel or text)."""
        from bpeditor.io.base import WriteError  # noqa: PLC0415 - on demand
        from bpeditor.io.review_report import write_report  # noqa: PLC0415
        from bpeditor.model.review.report import build_report  # noqa: PLC0415 - deferred: start-up

        path = self.context.dialogs.save_file(
            self.context.window, self.tr("导出审核意见"), REPORT_FILTER
        )
        if path is None:
            return
        if path.suffix.lower() not in (".docx", ".xlsx", ".txt"):
            path = path.with_suffix(".docx")
        self.checks.run_now()
        table = self.context.document.table
        report = build_report(table, self.checks.findings, self.checks.rules)
        try:
            write_report(report, path)
        except WriteError as exc:
            self.context.dialogs.error(self.context.window, self.tr("无法导出审核意见"), str(exc))
            return
        self.context.show_status(self.tr("已导出审核意见：{path}").format(path=path))
