"""The folded 申报信息 sections of the table panel and the project panel.

The sections' fields (``table_info_panel``, ``declaration_panel``) are built, and their modules
imported, when a section is first opened: a folded section costs the window's start-up nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QBoxLayout, QWidget

from bpeditor.ui.collapsible import CollapsibleSection

if TYPE_CHECKING:
    from bpeditor.ui.editor_context import EditorContext
    from bpeditor.ui.project_panel import ProjectPanel


class TableInfoSection(CollapsibleSection):
    """The folded 申报信息 section of the table panel (its fields built when first opened)."""

    def __init__(self, context: EditorContext, parent: QWidget) -> None:
        super().__init__(lambda body_parent: _table_info_form(context, body_parent), parent)
        self.setObjectName("tableInfoSection")
        self.toggle.setText(self.tr("申报信息"))
        self.toggle.setToolTip(self.tr("申报信息（年度、单位代码、签字栏、指标体系）"))


class DeclarationSection(CollapsibleSection):
    """The folded 申报信息 section of the project panel (its fields built when first opened)."""

    def __init__(self, context: EditorContext, panel: ProjectPanel) -> None:
        super().__init__(lambda parent: _declaration_form(context, panel, parent), panel)
        self.setObjectName("declarationSection")
        self.toggle.setText(self.tr("申报信息"))
        self.toggle.setToolTip(self.tr("申报信息（项目属性、项目期、主管部门、实施期资金和目标）"))
        panel.project_shown.connect(self._project_shown)

    def _project_shown(self) -> None:
        if self.body is None or not self.body.isVisible():
            return  # a folded section catches up when opened (the form refreshes as it is built)
        from bpeditor.ui.declaration_panel import DeclarationForm  # noqa: PLC0415 - built already

        if isinstance(self.body, DeclarationForm):
            self.body.refresh()


def _table_info_form(context: EditorContext, parent: QWidget) -> QWidget:
    from bpeditor.ui.table_info_panel import TableInfoForm  # noqa: PLC0415 - deferred: start-up

    return TableInfoForm(context, parent)


def _declaration_form(context: EditorContext, panel: ProjectPanel, parent: QWidget) -> QWidget:
    from bpeditor.ui.declaration_panel import DeclarationForm  # noqa: PLC0415 - deferred: start-up

    return DeclarationForm(context, panel, parent)


def attach_table_info_section(context: EditorContext, table_panel: QWidget) -> None:
    """Fold the 申报信息 section into the table panel, under its fields."""
    _attach(table_panel, TableInfoSection(context, table_panel))


def attach_declaration_section(context: EditorContext, panel: ProjectPanel) -> None:
    """Fold the 申报信息 section into the project panel, under its fields."""
    _attach(panel, DeclarationSection(context, panel))


def _attach(host: QWidget, section: CollapsibleSection) -> None:
    layout = host.layout()
    assert isinstance(layout, QBoxLayout)
    layout.insertWidget(1, section)
    row = getattr(host, "header_row", None)
    assert isinstance(row, QBoxLayout)
    item = row.itemAt(0)
    first = item.widget() if item is not None else None
    if first is not None:  # no taller than the row it joins: the panel keeps its height
        section.toggle.setMaximumHeight(first.sizeHint().height())
    row.addWidget(section.toggle)
