"""Row heights that fit wrapped text, measured for the rows on screen only.

``QTableView.resizeRowsToContents`` measures every row: with word wrap on 35,000 rows it takes
about 13 s. :class:`VisibleRowHeights` measures only the rows in view (and a few below) after
anything that can change them — new rows, edited cells, a column made narrower or wider,
scrolling, a resized view — coalesced into one pass per turn of the event loop.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
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
        model = view.model()
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.dataChanged,
            model.layoutChanged,
        ):
            signal.connect(self.schedule)
        view.horizontalHeader().sectionResized.connect(self.schedule)
        view.verticalScrollBar().valueChanged.connect(self.schedule)
        view.installEventFilter(self)

    def pending(self) -> bool:
        """Whether a fitting pass is waiting for the event loop."""
        return self._timer.isActive()

    def schedule(self, *_args: object) -> None:
        """Fit the visible rows once control returns to the event loop."""
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
        if not rows:
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
