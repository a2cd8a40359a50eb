"""Row heights that fit wrapped text, measured for the rows on screen only.

``QTableView.resizeRowsToContents`` measures every row: with word wrap on 35,000 rows it takes
about 13 s. :class:`VisibleRowHeights` measures only the rows in view (and a few below) after
anything that can change them — new rows, edited cells, a column made narrower or wider,
scrolling, a resized view — coalesced into one pass per turn of the event loop.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QTimer
from PySide6.QtWidgets import QTableView

_MARGIN_ROWS = 3
"""Rows below the last visible one that are measured too (the next few scroll in sized)."""


class VisibleRowHeights(QObject):
    """Keeps the heights of a table view's visible rows fitted to their (wrapped) contents."""

    def __init__(self, view: QTableView, minimum: int) -> None:
        super().__init__(view)
        self.view = view
        self.minimum = minimum
        """No row is lower than this (a single line with padding)."""
        self.measured = 0
        """How many rows the last pass measured (for tests and benchmarks)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.fit)
        view.setWordWrap(True)
        self._only: set[int] | None = set()
        """Rows to measure on the next pass, or ``None`` for every row in view."""
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.layoutChanged):
            signal.connect(self.schedule)
        model.dataChanged.connect(self._cells_changed)
        view.horizontalHeader().sectionResized.connect(self.schedule)
        view.verticalScrollBar().valueChanged.connect(self.schedule)
        view.installEventFilter(self)

    def pending(self) -> bool:
        """Whether a fitting pass is waiting for the event loop."""
        return self._timer.isActive()

    def schedule(self, *_args: object) -> None:
        """Fit the visible rows once control returns to the event loop."""
        self._only = None
        self._timer.start()

    def _cells_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        """An edit: measure only the rows it touched (a whole pass is for scrolling and resets)."""
        if self._only is not None and bottom_right.row() - top_left.row() < _MARGIN_ROWS * 10:
            self._only.update(range(top_left.row(), bottom_right.row() + 1))
        else:
            self._only = None
        self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit when the view is shown or resized."""
        if watched is self.view and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.schedule()
        return False

    def fit(self) -> None:
        """Give each row in view the height its wrapped text needs (at least ``minimum``)."""
        view = self.view
        model = view.model()
        rows = model.rowCount() if model is not None else 0
        self.measured = 0
        only, self._only = self._only, set()
        if not rows:
            return
        if only is not None:
            for row in sorted(r for r in only if r < rows):
                wanted = max(self.minimum, view.sizeHintForRow(row))
                if view.rowHeight(row) != wanted:
                    view.setRowHeight(row, wanted)
                self.measured += 1
            return
        first = max(view.rowAt(0), 0)
        height = view.maximumViewportSize().height()
        row = first
        bottom = 0
        while row < rows and (bottom <= height or row < first + _MARGIN_ROWS):
            wanted = max(self.minimum, view.sizeHintForRow(row))
            if view.rowHeight(row) != wanted:
                view.setRowHeight(row, wanted)
            bottom = view.rowViewportPosition(row) + wanted
            self.measured += 1
            row += 1
            if bottom > height:
                last = row
                while row < rows and row < last + _MARGIN_ROWS:
                    wanted = max(self.minimum, view.sizeHintForRow(row))
                    if view.rowHeight(row) != wanted:
                        view.setRowHeight(row, wanted)
                    self.measured += 1
                    row += 1
                break
