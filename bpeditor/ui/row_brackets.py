"""Bracketing a flat item model's row inserts and removes as the document announces them."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel

from bpeditor.ui.item_names import ROOT


class RowBrackets:
    """Calls begin/endInsertRows or begin/endRemoveRows around a document change.

    The document announces each change before and after it happens; only a change to the rows
    this model shows opens a bracket, and the matching "after" closes it.
    """

    def __init__(self, model: QAbstractItemModel) -> None:
        self._model = model
        self._open = False

    def follow(self, first: int, count: int, *, inserted: bool, done: bool, mine: bool) -> None:
        """Open the bracket before a change of this model's rows; close it after."""
        model = self._model
        if done:
            if self._open:
                self._open = False
                model.endInsertRows() if inserted else model.endRemoveRows()
        elif mine:
            self._open = True
            last = first + count - 1
            if inserted:
                model.beginInsertRows(ROOT, first, last)
            else:
                model.beginRemoveRows(ROOT, first, last)
