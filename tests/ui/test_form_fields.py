"""The 申报信息 sections: each new field edited through the window, undone, and in the export."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

from clerk import press, type_into_cell, type_keys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QWidget

from bpeditor.io import native
from bpeditor.io.docx_forms import write_docx_forms
from bpeditor.ui.collapsible import CollapsibleSection
from bpeditor.ui.fields import AmountEdit
from bpeditor.ui.indicator_model import IndicatorTableModel as M
from bpeditor.ui.main_window import MainWindow


def forms_text(win: MainWindow, path: Path) -> str:
    """The text of the Word forms exported from the window's table."""
    write_docx_forms(win.table, path)
    with zipfile.ZipFile(path) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml.replace("</w:p>", "\n"))


def open_section(win: MainWindow, name: str) -> QWidget:
    section = win.findChild(CollapsibleSection, name)
    assert section is not None and section.body is None  # built on first use only
    section.toggle.click()
    assert section.body is not None and section.body.isVisible()
    return section.body


def typed(qtbot, widget: QWidget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Focus a field, replace its text by typing, and leave it (one burst)."""
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
        press(widget, Qt.Key.Key_Delete)
    type_keys(widget, text)
    press(widget, Qt.Key.Key_Tab)


def test_each_project_field_is_edited_undone_and_exported(
    qtbot, loaded: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    body = open_section(loaded, "declarationSection")
    project = loaded.table.units[0].projects[0]
    stack = loaded.undo_stack
    for name, text in (
        ("declaration_period", "1年"),
        ("declaration_department", "广州市花都区商务局"),
        ("declaration_department_code", "123001"),
        ("declaration_implementing_unit", "口岸车检场"),
    ):
        edit = body.findChild(QLineEdit, name)
        assert edit is not None
        before = stack.count()
        typed(qtbot, edit, text)
        field = name.removeprefix("declaration_")
        assert getattr(project, field) == text
        assert stack.count() == before + 1  # the typing is one undo step
        stack.undo()
        assert getattr(project, field) == ""
        assert edit.text() == ""
        stack.redo()
        assert edit.text() == text
    combo = body.findChild(QComboBox, "declaration_attribute")
    combo.setCurrentText("延续")
    assert project.attribute == "延续"
    stack.undo()
    assert project.attribute == ""
    assert combo.currentText() == ""
    stack.redo()
    goal = body.findChild(QPlainTextEdit, "declaration_period_goal")
    # 实施期同年度: the 实施期 goal is blank and shows the 年度 goal as its placeholder
    assert goal.placeholderText() == project.goal
    text = forms_text(loaded, tmp_path / "forms.docx")
    assert "广州市花都区商务局（123001）" in text
    assert "口岸车检场" in text and "延续" in text and "1年" in text
    # printed from 年度: 实施期资金总额 is the 年度 total, 实施期目标 the 年度 goal
    assert text.count(project.goal) >= 2


def test_period_follows_annual_until_made_independent(
    qtbot, loaded: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    loaded.select_project(0, 0)
    body = open_section(loaded, "declarationSection")
    project = loaded.table.units[0].projects[0]
    follows = body.findChild(QLabel, "periodFollows")
    button = body.findChild(QPushButton, "periodIndependent")
    fiscal = body.findChild(AmountEdit, "period_fiscal")
    assert follows.isVisible() and follows.text() == "实施期同年度"
    assert fiscal.text() == "40.00" and fiscal.isReadOnly()
    button.click()
    assert loaded.undo_stack.text(loaded.undo_stack.count() - 1) == "实施期单独填写"
    assert project.period_funds.total == Decimal("40.00")
    assert project.period_goal == project.goal
    assert not follows.isVisible() and not fiscal.isReadOnly()
    # an 实施期 smaller than the 年度 is flagged beside the fields at once
    fiscal.setFocus()
    fiscal.selectAll()
    type_keys(fiscal, "30")
    press(fiscal, Qt.Key.Key_Return)
    assert project.period_funds.total == Decimal("30.00")
    findings = body.findChild(QLabel, "declarationFindings")
    assert findings.text() == "项目“口岸车检场水电费”的实施期资金 30.00 小于年度资金 40.00"
    qtbot.waitUntil(lambda: "project-period-funds-below-annual" in _codes(loaded))
    goal = body.findChild(QPlainTextEdit, "declaration_period_goal")
    goal.setFocus()
    goal.selectAll()
    type_keys(goal, "三年保障")
    assert project.period_goal == "三年保障"
    assert loaded.undo_stack.text(loaded.undo_stack.count() - 1) == "修改实施期目标"
    text = forms_text(loaded, tmp_path / "period.docx")
    assert "实施期资金总额\n30.00\n年度资金总额\n40.00" in text
    assert "三年保障" in text
    loaded.undo_stack.undo()  # the typed goal: one step
    assert project.period_goal == project.goal
    period = body.findChild(QLineEdit, "declaration_period")
    typed(qtbot, period, "三年多")
    assert "项目期“三年多”无法识别" in findings.text()
    loaded.undo_stack.undo()  # the 项目期
    loaded.undo_stack.undo()  # the amount
    loaded.undo_stack.undo()  # made independent
    assert project.period_funds.is_blank() and project.period_goal == ""
    assert follows.isVisible() and findings.text() == ""
    qtbot.waitUntil(lambda: "project-period-funds-below-annual" not in _codes(loaded))


def _codes(win: MainWindow) -> set[str]:
    return {f.code for f in win.findings}


def test_each_table_field_is_edited_undone_and_exported(
    qtbot, loaded: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    loaded.select_index(loaded.tree_model.table_index())
    body = open_section(loaded, "tableInfoSection")
    table = loaded.table
    stack = loaded.undo_stack
    values = {
        "table_year": "2026",
        "table_unit_code": "123001001",
        "table_signoff_seal": "花都区口岸中心",
        "table_signoff_head": "张伟",
        "table_signoff_preparer": "李娜",
        "table_signoff_phone": "020-86888888",
        "table_signoff_date": "2026年1月15日",
    }
    for name, text in values.items():
        edit = body.findChild(QLineEdit, name)
        assert edit is not None, name
        typed(qtbot, edit, text)
        field = name.removeprefix("table_").replace("signoff_", "signoff.")
        assert loaded.document.table_field(field) == text
        stack.undo()
        assert loaded.document.table_field(field) == ""
        stack.redo()
    assert table.year == 2026
    text = forms_text(loaded, tmp_path / "forms.docx")
    assert text.count("（2026年度）") == 9
    assert text.count("单位（盖章）：花都区口岸中心") == 9
    assert "负责人：张伟" in text and "填报人：李娜" in text
    assert "联系电话：020-86888888" in text and "填报日期：2026年1月15日" in text
    saved = tmp_path / "t.bpe"
    native.save(table, saved)
    assert native.read_bpe(saved).table.unit_code == "123001001"


def _pick(view, row: int, column: int, code: str) -> list[str]:  # type: ignore[no-untyped-def]
    view.go_to_cell(row, column)
    press(view, Qt.Key.Key_F2)
    combo = view.findChild(QComboBox, f"level{1 if column == M.LEVEL1 else 2}Editor")
    assert combo is not None
    offered = [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(combo.findData(code))
    combo.activated.emit(combo.currentIndex())
    return offered


def test_a_2021_table_built_from_scratch_saved_reopened_exported_and_converted(
    qtbot, window: MainWindow, dialogs, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.select_index(window.tree_model.table_index())
    body = open_section(window, "tableInfoSection")
    sets = body.findChild(QComboBox, "taxonomyCombo")
    sets.setCurrentIndex(sets.findData("guide-2021"))
    sets.activated.emit(sets.currentIndex())
    assert window.table.taxonomy == "guide-2021"
    actions = window.editor_actions
    if not window.table.units:
        actions.add_unit.trigger()
    window.select_index(window.tree_model.unit_index(0))
    actions.add_project.trigger()
    u, p = 0, len(window.table.units[0].projects) - 1
    window.select_project(u, p)
    project = window.table.units[u].projects[p]
    view = window.project_panel.grid
    actions.insert_below.trigger()
    offered = _pick(view, 0, M.LEVEL1, "G2")
    assert offered == ["（空）", "G1-产出指标", "G2-成本指标", "G3-效益指标", "G4-满意度指标"]
    offered = _pick(view, 0, M.LEVEL2, "G21")
    assert offered == ["（空）", "G21-经济成本指标", "G22-社会成本指标", "G23-生态环境成本指标"]
    indicator = project.indicators[0]
    assert (indicator.level1, indicator.level2) == ("G2", "G21")
    type_into_cell(qtbot, window, 0, M.NAME, "设备单价")
    type_into_cell(qtbot, window, 0, M.ANNUAL, "≤2万元")
    assert (indicator.name, indicator.annual_value) == ("设备单价", "≤2万元")
    saved = tmp_path / "guide.bpe"
    native.save(window.table, saved)
    window.undo_stack.setClean()
    assert window.open_path(saved)
    reopened = window.table.units[u].projects[p].indicators[0]
    assert (reopened.level1_label, reopened.level2_label) == ("成本指标", "经济成本指标")
    text = forms_text(window, tmp_path / "guide.docx")
    assert "成本指标" in text and "经济成本指标" in text and "≤2万元" in text
    # to the official set and back: each one undoable step
    window.select_index(window.tree_model.table_index())
    body = window.findChild(CollapsibleSection, "tableInfoSection").body
    if body is None or not body.isVisible():
        window.findChild(CollapsibleSection, "tableInfoSection").toggle.click()
        body = window.findChild(CollapsibleSection, "tableInfoSection").body
    sets = body.findChild(QComboBox, "taxonomyCombo")
    sets.setCurrentIndex(sets.findData("official"))
    body.findChild(QPushButton, "convertTaxonomy").click()
    reopened = window.table.units[u].projects[p].indicators[0]
    assert (reopened.level1, reopened.level2, reopened.level2_label) == ("1", "14", "成本指标")
    assert window.table.taxonomy == "official"
    assert dialogs.infos == []  # 经济成本 → 成本: nothing lost
    sets.setCurrentIndex(sets.findData("guide-2021"))
    body.findChild(QPushButton, "convertTaxonomy").click()
    assert (reopened.level1, reopened.level2) == ("G2", "G21")
    window.undo_stack.undo()
    assert (reopened.level1, reopened.level2) == ("1", "14")
