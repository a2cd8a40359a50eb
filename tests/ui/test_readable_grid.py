"""A readable grid at first sight: fitted columns, wrapped values; the window fits, remembered."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest

from bpeditor.model.table import Indicator, Project, Table, Unit
from bpeditor.ui.indicator_model import IndicatorTableModel as M
from bpeditor.ui.main_window import MainWindow
from bpeditor.ui.window_state import initial_geometry

_PADDING = 7
"""Room a cell leaves around its text: the style's text margins (3 + 3) and the grid line."""


def _unclipped_or_wrapped(grid, row: int, column: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether a cell's whole text shows: it fits its width, or its row is tall enough to wrap."""
    text = grid.model().index(row, column).data()
    metrics = grid.fontMetrics()
    room = grid.columnWidth(column) - _PADDING
    lines = max(1, math.ceil(metrics.horizontalAdvance(text) / max(room, 1)))
    return lines == 1 or grid.rowHeight(row) >= lines * metrics.lineSpacing()


def test_values_readable_on_first_show(qtbot, dialogs, sample_path) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(dialogs=dialogs)
    qtbot.addWidget(win, before_close_func=lambda w: w.undo_stack.setClean())
    win.resize(1600, 1000)
    assert win.open_path(sample_path)
    win.show()
    qtbot.waitExposed(win)
    grid = win.project_panel.grid
    header = grid.horizontalHeader()
    for u, unit in enumerate(win.table.units):
        for p in range(len(unit.projects)):
            win.select_project(u, p)
            qtbot.waitUntil(lambda: not grid.row_heights.pending(), timeout=3000)
            for column in (M.PERIOD, M.ANNUAL):
                assert header.sectionSize(column) >= header.sectionSizeFromContents(column).width()
            for row in range(grid.model().rowCount()):
                for column in (M.NAME, M.PERIOD, M.ANNUAL):
                    assert _unclipped_or_wrapped(grid, row, column), (p, row, column)
    # The long 通关 value of the sample wraps into a taller row rather than "…".
    win.select_project(0, 0)
    qtbot.waitUntil(lambda: not grid.row_heights.pending(), timeout=3000)
    long_row = next(
        r
        for r in range(grid.model().rowCount())
        if "365天" in grid.model().index(r, M.PERIOD).data()
    )
    assert grid.wordWrap()
    assert _unclipped_or_wrapped(grid, long_row, M.PERIOD)


def test_only_the_visible_rows_are_measured(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    long = "≥98%（按全年设备正常运行天数除以全年天数计算，含节假日值守和应急抢修）"
    project = Project(
        "大项目", indicators=[Indicator(name=f"指标{n}", period_value=long) for n in range(3000)]
    )
    window.load_table(Table(units=[Unit("单位", [project])]), None)
    grid = window.project_panel.grid
    qtbot.waitUntil(lambda: not grid.row_heights.pending(), timeout=3000)
    assert grid.row_heights.measured < 60
    assert grid.rowHeight(0) > grid.fontMetrics().lineSpacing() + 10  # wrapped, taller
    assert grid.rowHeight(2500) == grid.verticalHeader().defaultSectionSize()  # not measured
    grid.scrollTo(grid.model().index(2500, M.PERIOD), grid.ScrollHint.PositionAtTop)
    qtbot.waitUntil(
        lambda: grid.rowHeight(2500) > grid.verticalHeader().defaultSectionSize(), timeout=3000
    )


def test_the_first_window_fits_the_screen(window: MainWindow) -> None:
    available = window.screen().availableGeometry()
    assert available.contains(window.geometry())
    laptop = QRect(0, 0, 1366, 728)  # 1366×768 with a 40-pixel task bar
    first = initial_geometry(laptop)
    assert laptop.contains(first.adjusted(-8, -40, 8, 8))  # the frame and title bar too
    big = QRect(0, 0, 1920, 1040)
    assert initial_geometry(big).size().toTuple() == (1280, 800)


def test_geometry_splitters_and_columns_are_remembered(qtbot, dialogs, sample_path) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow(dialogs=dialogs)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    assert first.open_path(sample_path)
    first.resize(760, 560)  # the offscreen screen is small
    first.splitter.setSizes([200, 560])
    grid = first.project_panel.grid
    header = grid.horizontalHeader()
    # The user drags the border of 一级指标 to make it wider.
    edge = header.sectionViewportPosition(M.LEVEL1) + header.sectionSize(M.LEVEL1) - 1
    old = header.sectionSize(M.LEVEL1)
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, 5))
    QTest.mouseMove(header.viewport(), QPoint(edge + 60, 5))
    QTest.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 60, 5))
    wide = header.sectionSize(M.LEVEL1)
    assert wide > old
    sizes = first.splitter.sizes()
    first.undo_stack.setClean()
    first.close()
    second = MainWindow(dialogs=dialogs)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.size().toTuple() == (760, 560)
    assert second.splitter.sizes() == sizes
    assert second.project_panel.grid.horizontalHeader().sectionSize(M.LEVEL1) == wide
    assert second.open_path(sample_path)
    assert second.project_panel.grid.horizontalHeader().sectionSize(M.LEVEL1) == wide
