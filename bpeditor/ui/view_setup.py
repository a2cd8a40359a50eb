"""How the window's tree, findings list, docks, menus and tool bar are set up at start-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMenuBar,
    QToolBar,
    QTreeView,
    QWidget,
)

from bpeditor.ui.findings_model import SEVERITY_LABELS, ProblemListModel
from bpeditor.ui.tree_model import ProjectTreeModel

if TYPE_CHECKING:
    from bpeditor.ui.editor_context import MenuItems

_TOTAL_SAMPLE = "99,999,999.99"
"""The widest total the tree's 总计 column is sized for."""


def set_up_project_tree(tree: QTreeView) -> None:
    """One selection, rename on F2 or double-click, drag to reorder, a fixed 总计 column."""
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setEditTriggers(
        QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.DoubleClicked
    )
    tree.setExpandsOnDoubleClick(False)
    tree.setTextElideMode(Qt.TextElideMode.ElideRight)
    tree.setDragEnabled(True)
    tree.setAcceptDrops(True)
    tree.setDropIndicatorShown(True)
    tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    tree.setDefaultDropAction(Qt.DropAction.MoveAction)
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(ProjectTreeModel.NAME, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(ProjectTreeModel.TOTAL, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(
        ProjectTreeModel.TOTAL, tree.fontMetrics().horizontalAdvance(_TOTAL_SAMPLE) + 24
    )


def set_up_findings_view(view: QTreeView) -> None:
    """A flat, read-only list: the 级别 column as wide as its longest label, 说明 the rest."""
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setWordWrap(False)
    header = view.header()
    header.setStretchLastSection(True)
    severity_width = max(
        view.fontMetrics().horizontalAdvance(ProblemListModel.severity_label(severity))
        for severity in SEVERITY_LABELS
    )
    header.resizeSection(ProblemListModel.SEVERITY, severity_width + 56)


def add_dock(
    window: QMainWindow, title: str, name: str, widget: QWidget | None, area: Qt.DockWidgetArea
) -> QDockWidget:
    """A dock the clerk can close and move (not float), holding ``widget`` once it is built."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    if widget is not None:
        dock.setWidget(widget)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable
        | QDockWidget.DockWidgetFeature.DockWidgetMovable
    )
    window.addDockWidget(area, dock)
    return dock


def add_tool_bar(window: QMainWindow, title: str, groups: list[list[QAction]]) -> QToolBar:
    """The main commands as icons under the menus, fixed in place, groups split by separators."""
    bar = QToolBar(title, window)
    bar.setObjectName("mainToolBar")
    bar.setMovable(False)
    bar.setIconSize(QSize(20, 20))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    for number, group in enumerate(groups):
        if number:
            bar.addSeparator()
        bar.addActions(group)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def add_menu(bar: QMenuBar, title: str, name: str) -> QMenu:
    """A new menu at the end of the menu bar, named for scripts and tests."""
    menu = bar.addMenu(title)
    menu.setObjectName(name)
    return menu


def fill_menu(menu: QMenu, items: MenuItems) -> None:
    """Append a controller's menu entries (``None`` as a separator)."""
    for item in items:
        if item is None:
            menu.addSeparator()
        else:
            menu.addAction(item)
