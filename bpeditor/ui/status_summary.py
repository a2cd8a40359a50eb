"""The figures the window keeps in view: the total, the counts, and what the checks found."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow

from bpeditor.model.document import Document
from bpeditor.model.money import format_amount
from bpeditor.model.validation import Severity
from bpeditor.ui.i18n import money_unit_text
from bpeditor.ui.live_checks import LiveChecks
from bpeditor.ui.tree_model import SumCache


class StatusSummary(QObject):
    """The status bar's permanent labels, and the findings' count in the 检查结果 dock's title."""

    def __init__(
        self,
        window: QMainWindow,
        document: Document,
        sums: SumCache,
        checks: LiveChecks,
        problems_dock: QDockWidget,
    ) -> None:
        super().__init__(window)
        self.document = document
        self.sums = sums
        self.checks = checks
        self.problems_dock = problems_dock
        bar = window.statusBar()
        self.total_label = QLabel(window)
        self.total_label.setObjectName("totalLabel")
        self.count_label = QLabel(window)
        self.count_label.setObjectName("countLabel")
        self.problem_count_label = QLabel(window)
        self.problem_count_label.setObjectName("problemCountLabel")
        for label in (self.total_label, self.count_label, self.problem_count_label):
            label.setContentsMargins(8, 0, 8, 0)
            bar.addPermanentWidget(label)

    def show_progress(self, done: int, total: int) -> None:
        """Say how far the checks of a big table have come."""
        self.problem_count_label.setText(
            self.tr("正在检查… {done}/{total}").format(done=done, total=total)
        )

    def update(self) -> None:
        """Show the table's total and counts, and the findings' count (or that checks run)."""
        table = self.document.table
        sums = self.sums
        total = format_amount(sums.table_funds().effective_total(), blank_zero=False) or "0.00"
        self.total_label.setText(
            self.tr("合计 {total} {unit}").format(
                total=total, unit=money_unit_text(table.money_unit)
            )
        )
        self.count_label.setText(
            self.tr("{projects} 个项目 / {indicators} 个指标").format(
                projects=table.project_count(), indicators=sums.indicator_count()
            )
        )
        if self.checks.checking:
            self.problem_count_label.setText(self.tr("正在检查…"))
            self.problems_dock.setWindowTitle(self.tr("检查结果（正在检查…）"))
            return
        counts = self.checks.counts
        summary = self.tr("{errors} 个错误，{warnings} 个警告，{advice} 个提示").format(
            errors=counts[Severity.ERROR],
            warnings=counts[Severity.WARNING],
            advice=counts[Severity.INFO],
        )
        self.problem_count_label.setText(summary)
        self.problems_dock.setWindowTitle(self.tr("检查结果（{summary}）").format(summary=summary))
