"""Undo commands: each wraps one reversible model edit, and typing in one field merges.

Like the small commands of a canvas document, an :class:`EditCommand` only calls the edit,
which only calls :class:`~bpeditor.model.document.Document`; the item models hear about the
change from the document, never from the command.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from bpeditor.model.document import Document
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    # Imported where an edit is made (the first edit), not at start-up: ~15 dataclasses.
    from bpeditor.model.edits import Edit

MERGE_ID = 0x6270
"""The command id of mergeable edits (Qt only tries to merge commands with equal ids)."""

MODEL_EDIT_TEXTS = (
    QT_TRANSLATE_NOOP("Edits", "修改表格信息"),
    QT_TRANSLATE_NOOP("Edits", "重命名单位"),
    QT_TRANSLATE_NOOP("Edits", "修改项目"),
    QT_TRANSLATE_NOOP("Edits", "修改金额"),
    QT_TRANSLATE_NOOP("Edits", "修改指标"),
    QT_TRANSLATE_NOOP("Edits", "插入指标"),
    QT_TRANSLATE_NOOP("Edits", "删除指标"),
    QT_TRANSLATE_NOOP("Edits", "移动指标"),
    QT_TRANSLATE_NOOP("Edits", "新增项目"),
    QT_TRANSLATE_NOOP("Edits", "删除项目"),
    QT_TRANSLATE_NOOP("Edits", "移动项目"),
    QT_TRANSLATE_NOOP("Edits", "新增单位"),
    QT_TRANSLATE_NOOP("Edits", "删除单位"),
    QT_TRANSLATE_NOOP("Edits", "移动单位"),
)
"""The model edits' default undo texts (``bpeditor.model.edits``), for the translation catalog."""

_bursts = itertools.count(1)


def new_burst() -> int:
    """A fresh token for one editing burst: commands with the same token and field merge."""
    return next(_bursts)


def merge_key(edit: Edit) -> Hashable | None:
    """What must be equal for two edits to merge: the field they set (``None``: never)."""
    from bpeditor.model.edits import (  # noqa: PLC0415 - deferred: start-up
        SetAmount,
        SetIndicatorField,
        SetProjectField,
        SetTableField,
        SetUnitName,
    )

    if isinstance(edit, SetIndicatorField):
        return ("indicator", edit.unit, edit.project, edit.row, edit.name)
    if isinstance(edit, SetProjectField):
        return ("project", edit.unit, edit.project, edit.name)
    if isinstance(edit, SetAmount):
        return ("amount", edit.unit, edit.project, edit.group, edit.name)
    if isinstance(edit, SetUnitName):
        return ("unit", edit.unit)
    if isinstance(edit, SetTableField):
        return ("table", edit.name)
    return None


class EditCommand(QUndoCommand):
    """An undo step: redo applies the edit, undo reverts it.

    Commands pushed with the same ``burst`` token that set the same field merge into one step
    (keystroke-by-keystroke typing in the goal or a name); without a token they never merge.
    """

    def __init__(self, document: Document, edit: Edit, burst: int | None = None) -> None:
        super().__init__(QCoreApplication.translate("Edits", edit.text))
        self.document = document
        self.edit = edit
        self.burst = burst
        self._key = merge_key(edit) if burst is not None else None

    def redo(self) -> None:
        """Apply the edit."""
        self.edit.apply(self.document)

    def undo(self) -> None:
        """Revert the edit."""
        self.edit.revert(self.document)

    def id(self) -> int:
        """:data:`MERGE_ID` for mergeable edits, else -1 (no merging)."""
        return MERGE_ID if self._key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb a later edit of the same field in the same burst (keeping the first old value)."""
        if not isinstance(other, EditCommand) or other.burst != self.burst:
            return False
        if self._key is None or other._key != self._key:
            return False
        edit, later = self.edit, other.edit
        edit.value = later.value  # type: ignore[attr-defined]
        self.setObsolete(edit.value == edit.old)  # type: ignore[attr-defined]
        return True


def push_edit(
    stack: QUndoStack, document: Document, edit: Edit, burst: int | None = None
) -> EditCommand:
    """Apply ``edit`` as one undo step on ``stack`` (merging with a step of the same burst)."""
    command = EditCommand(document, edit, burst)
    stack.push(command)
    return command
