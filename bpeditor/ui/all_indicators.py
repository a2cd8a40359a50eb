"""The 全部指标 tab beside the project panel; its panel is built the first time it is shown.

See :mod:`bpeditor.ui.all_indicators_panel` for what the panel does. Building it (and importing
its modules) waits until the tab is first shown, so start-up does not grow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from bpeditor.ui.editor_context import EditorContext

if TYPE_CHECKING:
    from bpeditor.ui.all_indicators_panel import AllIndicatorsPanel


class AllIndicatorsTab(QObject):
    """Puts the 全部指标 tab beside the project panel; builds its panel when first shown."""

    def __init__(self, context: EditorContext, tabs: QTabWidget) -> None:
        super().__init__(context.window)
        self.context = context
        self.tabs = tabs
        self.page = QWidget(tabs)
        self.page.setObjectName("allIndicatorsPage")
        QVBoxLayout(self.page).setContentsMargins(0, 0, 0, 0)
        self.index = tabs.addTab(self.page, self.tr("全部指标"))
        self._panel: AllIndicatorsPanel | None = None
        tabs.currentChanged.connect(self._on_tab)
        self.action = QAction(self.tr("全部指标(&A)"), context.window)
        self.action.setObjectName("actionAllIndicators")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.action.setToolTip(self.tr("在一张表中查看和编辑所有项目的全部指标"))
        self.action.triggered.connect(self.show)

    @property
    def panel(self) -> AllIndicatorsPanel:
        """The panel (built on first use)."""
        if self._panel is None:
            from bpeditor.ui.all_indicators_panel import AllIndicatorsPanel  # noqa: PLC0415 - first use

            self._panel = AllIndicatorsPanel(self.context, self.page)
            layout = self.page.layout()
            assert layout is not None
            layout.addWidget(self._panel)
        return self._panel

    def _on_tab(self, index: int) -> None:
        if index == self.index:
            _ = self.panel

    def show(self) -> None:
        """Show the tab with the cursor in its text filter."""
        self.tabs.setCurrentIndex(self.index)
        self.panel.text_filter.setFocus()
