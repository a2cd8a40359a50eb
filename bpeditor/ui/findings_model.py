"""The findings panel's item model: the checks' findings and import warnings, 级别 | 说明."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QObject, Qt
from PySide6.QtGui import QIcon

from bpeditor.model.validation import Finding, Severity
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP
from bpeditor.ui.icons import icon
from bpeditor.ui.item_names import DISPLAY, NO_FLAGS, READ_ONLY, ROOT, TOOLTIP, AnyIndex

SEVERITY_LABELS: dict[Severity, str] = {
    Severity.ERROR: QT_TRANSLATE_NOOP("ProblemListModel", "错误"),
    Severity.WARNING: QT_TRANSLATE_NOOP("ProblemListModel", "警告"),
    Severity.INFO: QT_TRANSLATE_NOOP("ProblemListModel", "提示"),
}
"""How a severity is written (source texts; :meth:`ProblemListModel.severity_label` shows them)."""


def _no_reason(finding: Finding) -> str:
    return ""


class ProblemListModel(QAbstractTableModel):
    """The findings of the checks (and import warnings): 级别 | 说明."""

    SEVERITY, MESSAGE = range(2)
    HEADERS = (
        QT_TRANSLATE_NOOP("ProblemListModel", "级别"),
        QT_TRANSLATE_NOOP("ProblemListModel", "说明"),
    )
    """Column titles (source texts; shown translated)."""
    FindingRole = Qt.ItemDataRole.UserRole + 1

    @staticmethod
    def severity_label(severity: Severity) -> str:
        """A severity as the interface writes it (错误 / Error)."""
        return QCoreApplication.translate("ProblemListModel", SEVERITY_LABELS[severity])

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []
        self.explained: Callable[[Finding], str] = _no_reason
        """The reason a finding was marked 已说明 (``""`` when it was not)."""

    def refresh_messages(self) -> None:
        """Show the 已说明 marks again after they changed."""
        if self._findings:
            last = len(self._findings) - 1
            self.dataChanged.emit(self.index(0, self.MESSAGE), self.index(last, self.MESSAGE))

    @property
    def findings(self) -> list[Finding]:
        """The findings shown."""
        return self._findings

    def set_findings(self, findings: list[Finding]) -> None:
        """Show another list of findings, replacing only the rows that differ.

        The common head and tail stay, so the selection and the scroll position survive
        the live re-checks after every edit.
        """
        old, new = self._findings, list(findings)
        size = min(len(old), len(new))
        head = 0
        while head < size and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < size - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        old_end, new_end = len(old) - tail, len(new) - tail
        if head < old_end:
            self.beginRemoveRows(ROOT, head, old_end - 1)
            del self._findings[head:old_end]
            self.endRemoveRows()
        if head < new_end:
            self.beginInsertRows(ROOT, head, new_end - 1)
            self._findings[head:head] = new[head:new_end]
            self.endInsertRows()

    def splice(self, start: int, old_count: int, new: list[Finding]) -> None:
        """Replace ``old_count`` rows from ``start`` by ``new`` (a live re-check's slice)."""
        common = min(old_count, len(new))
        if common:
            self._findings[start : start + common] = new[:common]
            self.dataChanged.emit(self.index(start, 0), self.index(start + common - 1, 1))
        if old_count > common:
            self.beginRemoveRows(ROOT, start + common, start + old_count - 1)
            del self._findings[start + common : start + old_count]
            self.endRemoveRows()
        elif len(new) > common:
            self.beginInsertRows(ROOT, start + common, start + len(new) - 1)
            self._findings[start + common : start + common] = new[common:]
            self.endInsertRows()

    def finding_at(self, index: AnyIndex) -> Finding | None:
        """The finding of a row."""
        if not index.isValid() or not 0 <= index.row() < len(self._findings):
            return None
        return self._findings[index.row()]

    def rowCount(self, parent: AnyIndex = ROOT) -> int:
        """The number of findings."""
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: AnyIndex = ROOT) -> int:
        """Severity and message."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Selectable, not editable."""
        return READ_ONLY if index.isValid() else NO_FLAGS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        """Column titles."""
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section]) if 0 <= section < len(self.HEADERS) else None
        return None

    def data(self, index: AnyIndex, role: int = DISPLAY) -> Any:
        """Severity label and icon, the message, and the check's title as a tooltip."""
        finding = self.finding_at(index)
        if finding is None:
            return None
        column = index.column()
        if role == DISPLAY:
            if column == self.SEVERITY:
                return self.severity_label(finding.severity)
            reason = self.explained(finding)
            if reason:
                return self.tr("{message}（已说明：{reason}）").format(
                    message=finding.message, reason=reason
                )
            return finding.message
        if role == TOOLTIP:
            from bpeditor.model.review.rules import check_title  # noqa: PLC0415 - deferred: start-up

            return f"{finding.message}\n[{finding.code}] {check_title(finding.code)}"
        if role == Qt.ItemDataRole.DecorationRole and column == self.SEVERITY:
            return self._icon(finding.severity)
        if role == self.FindingRole:
            return finding.to_dict()
        return None

    def _icon(self, severity: Severity) -> QIcon:
        # Our own SVGs: the style's standard icons would cost ~5 ms of QStyle set-up at start.
        return icon({Severity.ERROR: "error", Severity.WARNING: "warning"}.get(severity, "info"))
