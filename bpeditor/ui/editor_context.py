"""The editor context: what the window hands to each controller it builds at start-up.

The controllers (the file commands, the editing commands, crash recovery) get the document, the
undo stack, the dialog service, the settings and the window's few callbacks from here, never from
the concrete main window, so ``ui/`` has no import circle. Each controller returns its actions;
the window places them in its menus and tool bar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow

from bpeditor.model.document import Document
from bpeditor.ui.dialogs import DialogService

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex

    from bpeditor.io.base import ReadWarning
    from bpeditor.model.table import Table
    from bpeditor.model.validation import Finding
    from bpeditor.ui.tree_model import ProjectTreeModel

STATUS_MS = 8000
"""How long a status-bar message stays (milliseconds)."""

MenuItems = list[QAction | None]
"""A menu's entries in order, as a controller returns them; ``None`` stands for a separator."""


def named_action(
    parent: QObject,
    name: str,
    text: str,
    slot: Callable[[], object],
    shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
) -> QAction:
    """A named action (tests and the window find it by name) that calls ``slot``."""
    action = QAction(text, parent)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


class EditorView(Protocol):
    """The window as the controllers see it: the document's tree, showing a table, selecting."""

    document: Document
    tree_model: ProjectTreeModel

    @property
    def findings(self) -> list[Finding]:
        """The current findings (import warnings, then the checks')."""

    def load_table(
        self, table: Table, path: Path | None, warnings: Sequence[ReadWarning] = ()
    ) -> None:
        """Show a new document: clear the undo history, check it, select its first project."""

    def select_index(self, index: QModelIndex) -> None:
        """Make a tree node current (and so show its panel)."""

    def select_project(self, unit: int, project: int) -> None:
        """Make a project current in the tree (and so in the panel)."""

    def show_find(self, *, replace: bool = False) -> None:
        """Show the find panel with the cursor in 查找."""

    def go_to(
        self,
        unit: int | None,
        project: int | None,
        indicator: int | None = None,
        field: str | None = None,
    ) -> None:
        """Select a node and put the cursor on the field or cell named."""

    def find_step(self, delta: int) -> None:
        """Go to the next (``delta`` 1) or previous (-1) match of the find panel."""


@dataclass(eq=False)
class EditorContext:
    """The document, undo stack, dialogs, settings and window callbacks the controllers share."""

    window: QMainWindow
    """The top-level window: parent of dialogs and actions, owner of the title and status bar."""
    view: EditorView
    """The window's callbacks (the same object as ``window``, seen through a protocol)."""
    document: Document
    undo_stack: QUndoStack
    """The undo stack; clean means saved."""
    dialogs: DialogService
    """Every dialog goes through it (the tests replace it, also after start-up)."""
    settings: QSettings

    def show_status(self, message: str, timeout_ms: int = STATUS_MS) -> None:
        """Show a message in the window's status bar for a while."""
        self.window.statusBar().showMessage(message, timeout_ms)
