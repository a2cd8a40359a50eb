"""Live checks: re-validate what an edit touched, once per burst of changes.

The document announces every change; this controller forgets the findings of the projects
concerned and, on a zero-timer (so the many changes of one paste or undo are checked once),
checks them again. The findings are kept as one list in table order, made of segments (import
warnings, the table's own fields, each unit, each project); an edit inside projects replaces
only their segments and reports just that slice (``spliced``), so even with 5,000 projects an
edit costs about as much as checking one project. Inserting, removing or moving units and
projects re-collects the whole list from the validator's cache (``updated``).

A big table that has just been opened is checked a slice at a time between events, so the
window is usable at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from bpeditor.model.document import Change, ChangeKind, Document
from bpeditor.model.table import Project, Unit
from bpeditor.model.validation import (
    Finding,
    IncrementalValidator,
    Severity,
    count_by_severity,
    validate_table_fields,
    validate_unit,
)

if TYPE_CHECKING:
    from bpeditor.model.review.rules import RuleSet

SYNC_PROJECTS = 400
"""Tables up to this many projects are checked at once when opened."""
SLICE_SECONDS = 0.025
"""How long one slice of checking a big table may take on the GUI thread."""
_STRUCTURAL = {
    ChangeKind.RESET,
    ChangeKind.PROJECTS_INSERTED,
    ChangeKind.PROJECTS_REMOVED,
    ChangeKind.UNITS_INSERTED,
    ChangeKind.UNITS_REMOVED,
}


class LiveChecks(QObject):
    """Keeps :attr:`findings` up to date with the document."""

    updated = Signal()
    """The findings were collected anew (read :attr:`findings`)."""
    spliced = Signal(int, int, list)
    """``findings[start:start + old_count]`` was replaced by the given findings."""
    progress = Signal(int, int)
    """Checking a big table: projects done, projects in all."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._rules: RuleSet | None = None  # the default set, made at the first check
        self.validator = IncrementalValidator(check=self._check_project)
        self.extra_check: Callable[[Project, int, int], list[Finding]] | None = None
        """A further check of each project (the year comparison's lowered targets), if any."""
        self.import_findings: list[Finding] = []
        """Warnings from reading the file; listed until another file is loaded."""
        self.findings: list[Finding] = []
        """Import warnings, then the checks' findings in table order."""
        self.counts: dict[Severity, int] = count_by_severity([])
        self.checking = False
        """True while a big table is still being checked slice by slice."""
        self._primed = 0
        self._keys: list[Hashable] = []
        self._sizes: list[int] = []
        self._slot: dict[Hashable, int] = {}
        self._full = True
        self._table_dirty = False
        self._units: dict[int, Unit] = {}
        self._projects: dict[int, tuple[Project, int, int]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._tick)
        document.subscribe(self._on_change)

    @property
    def pending(self) -> bool:
        """Whether a check is scheduled (changes not yet reflected in :attr:`findings`)."""
        return self._timer.isActive()

    @property
    def rules(self) -> RuleSet:
        """The rule set the reviewer's rules run under (see :meth:`set_rules`)."""
        if self._rules is None:
            from bpeditor.model.review.rules import RuleSet  # noqa: PLC0415 - deferred: start-up

            self._rules = RuleSet()
        return self._rules

    @rules.setter
    def rules(self, rules: RuleSet) -> None:
        self._rules = rules

    def _check_project(self, project: Project, u: int, p: int) -> list[Finding]:
        from bpeditor.model.review import check_project  # noqa: PLC0415 - deferred: start-up

        found = check_project(project, u, p, self.rules, self.document.table.money_unit)
        return found + self.extra_check(project, u, p) if self.extra_check else found

    def set_rules(self, rules: RuleSet) -> None:
        """Check with another rule set from now on (every project is checked again)."""
        self.rules = rules
        self.restart(self.import_findings)

    def restart(self, import_findings: list[Finding]) -> None:
        """A new table: forget everything, keep these import warnings, check it anew."""
        self.import_findings = list(import_findings)
        self.validator.clear()
        self._full = True
        if self.document.table.project_count() <= SYNC_PROJECTS:
            self.checking = False
            self.run_now()
            return
        self.checking = True
        self._primed = 0
        self.findings = list(self.import_findings)
        self.counts = count_by_severity(self.findings)
        self._keys, self._sizes, self._slot = [], [], {}
        self.updated.emit()
        self._timer.start()

    def run_now(self) -> None:
        """Check whatever is stale now and report it."""
        self._timer.stop()
        self.checking = False
        if self._full:
            self._collect()
        else:
            self._splice_dirty()

    # --- whole list --------------------------------------------------------------------

    def _collect(self) -> None:
        """All findings from the validator's cache (checking what is not cached)."""
        table = self.document.table
        keys: list[Hashable] = ["import", "table"]
        segments = [self.import_findings, list(validate_table_fields(table))]
        for u, unit in enumerate(table.units):
            keys.append(("unit", id(unit)))
            segments.append(list(validate_unit(unit, u)))
            for p, project in enumerate(unit.projects):
                keys.append(id(project))
                segments.append(self.validator.project_findings(project, u, p))
        self.validator.prune(table)
        self._keys = keys
        self._sizes = [len(s) for s in segments]
        self._slot = {key: n for n, key in enumerate(keys)}
        self.findings = [f for segment in segments for f in segment]
        self.counts = count_by_severity(self.findings)
        self._full = False
        self._table_dirty = False
        self._units.clear()
        self._projects.clear()
        self.updated.emit()

    # --- slices ------------------------------------------------------------------------

    def _splice_dirty(self) -> None:
        table = self.document.table
        if self._table_dirty:
            self._splice("table", list(validate_table_fields(table)))
        for unit in self._units.values():
            u = next((n for n, candidate in enumerate(table.units) if candidate is unit), None)
            if u is not None:
                self._splice(("unit", id(unit)), list(validate_unit(unit, u)))
        for project, u, p in self._projects.values():
            self._splice(id(project), list(self.validator.project_findings(project, u, p)))
        self._table_dirty = False
        self._units.clear()
        self._projects.clear()

    def _splice(self, key: Hashable, new: list[Finding]) -> None:
        slot = self._slot.get(key)
        if slot is None:
            self._collect()
            return
        start = sum(self._sizes[:slot])
        old_count = self._sizes[slot]
        old = self.findings[start : start + old_count]
        if old == new:
            return
        for finding in old:
            self.counts[finding.severity] -= 1
        for finding in new:
            self.counts[finding.severity] += 1
        self.findings[start : start + old_count] = new
        self._sizes[slot] = len(new)
        self.spliced.emit(start, old_count, new)

    # --- following the document --------------------------------------------------------

    def _tick(self) -> None:
        if not self.checking:
            self.run_now()
            return
        table = self.document.table
        deadline = time.perf_counter() + SLICE_SECONDS
        done = False
        while not done and time.perf_counter() < deadline:
            done = self.validator.prime(table, 25)
            self._primed += 25
        if done:
            self.run_now()
        else:
            total = table.project_count()
            self.progress.emit(min(self._primed, total), total)
            self._timer.start()

    def _on_change(self, change: Change, done: bool) -> None:
        if not done:
            return
        kind = change.kind
        table = self.document.table
        u, p = change.unit, change.project
        if kind in _STRUCTURAL:
            self._full = True
            if kind is ChangeKind.RESET:
                self.validator.clear()
            elif u is not None and u < len(table.units):
                # A project named by its place ("第 3 个项目") changes its text when others move.
                for project in table.units[u].projects:
                    if not project.name.strip():
                        self.validator.invalidate(project)
        elif kind is ChangeKind.TABLE:
            self._table_dirty = True
            if change.field == "money_unit":  # V7 compares costs with the funds in it
                self.validator.clear()
                self._full = True
        elif kind is ChangeKind.UNIT_NAME and u is not None:
            unit = table.units[u]
            self._units[id(unit)] = unit
        elif u is not None and p is not None:
            project = table.units[u].projects[p]
            self.validator.invalidate(project)
            self._projects[id(project)] = (project, u, p)
            if kind is ChangeKind.PROJECT_FIELD and change.field == "name":
                self._units[id(table.units[u])] = table.units[u]
        if not self.checking and not self._timer.isActive():
            self._timer.start()
