"""Operations on a project's indicators: the table after each one, and after undoing it."""

from __future__ import annotations

import copy

from bpeditor.model import operations as ops
from bpeditor.model.document import Document
from bpeditor.model.edits import CompoundEdit, Edit
from bpeditor.model.table import Indicator, Project, Table, Unit

WHERE = (0, 0)
FIVE = ["level1", "level2", "name", "period_value", "annual_value"]


def doc_of(*indicators: Indicator) -> Document:
    """A table with one unit holding one project with these indicators."""
    project = Project(name="项目", indicators=list(indicators))
    return Document(Table(units=[Unit("单位", [project])]))


def rows(doc: Document) -> list[Indicator]:
    """The indicators of the only project."""
    return doc.table.units[0].projects[0].indicators


def apply(doc: Document, edit: Edit | None) -> Edit:
    """Apply an edit that must exist."""
    assert edit is not None
    edit.apply(doc)
    return edit


def quantity(name: str, period: str = "", annual: str = "") -> Indicator:
    """An indicator in 产出指标 / 数量指标."""
    return Indicator("1", "产出指标", "11", "数量指标", name, period, annual)


# --- cells --------------------------------------------------------------------------------


def test_set_cell_writes_a_text_field_and_undoes() -> None:
    doc = doc_of(quantity("培训人数", "100人", "50人"))
    edit = apply(doc, ops.set_cell(rows(doc), WHERE, 0, "name", "培训人次"))
    assert edit.text == "修改三级指标"
    assert rows(doc)[0] == quantity("培训人次", "100人", "50人")
    edit.revert(doc)
    assert rows(doc)[0] == quantity("培训人数", "100人", "50人")


def test_set_cell_level1_clears_a_level2_that_no_longer_belongs() -> None:
    doc = doc_of(quantity("培训人数"))
    edit = apply(doc, ops.set_cell(rows(doc), WHERE, 0, "level1", "效益指标"))
    assert isinstance(edit, CompoundEdit)
    assert edit.text == "修改一级指标"
    assert rows(doc)[0] == Indicator("2", "效益指标", "", "", "培训人数")
    edit.revert(doc)
    assert rows(doc)[0] == quantity("培训人数")


def test_set_cell_level1_keeps_a_level2_that_still_belongs() -> None:
    doc = doc_of(Indicator("", "", "11", "数量指标", "培训人数"))
    apply(doc, ops.set_cell(rows(doc), WHERE, 0, "level1", "1-产出指标"))
    assert rows(doc)[0] == quantity("培训人数")


def test_rechoosing_the_same_class_changes_nothing() -> None:
    doc = doc_of(Indicator("1", "产出", "11", "数量", "培训人数"))
    assert ops.set_cell(rows(doc), WHERE, 0, "level1", "产出指标") is None
    assert ops.set_cell(rows(doc), WHERE, 0, "level2", "11") is None


def test_set_cell_level2_fills_an_empty_level1_and_maps_old_codes() -> None:
    doc = doc_of(Indicator(name="合格率"))
    edit = apply(doc, ops.set_cell(rows(doc), WHERE, 0, "level2", "001002"))
    assert edit.text == "修改二级指标"
    assert rows(doc)[0] == Indicator("1", "产出指标", "12", "质量指标", "合格率")
    edit.revert(doc)
    assert rows(doc)[0] == Indicator(name="合格率")


def test_set_cell_code_and_label_separated_by_a_space() -> None:
    doc = doc_of(Indicator())
    apply(doc, ops.set_cell(rows(doc), WHERE, 0, "level1", "G2 成本指标"))
    assert rows(doc)[0] == Indicator("G2", "成本指标")


def test_an_unknown_class_label_is_kept_without_a_code() -> None:
    doc = doc_of(Indicator("1", "产出指标"))
    apply(doc, ops.set_cell(rows(doc), WHERE, 0, "level2", "自定义指标"))
    assert rows(doc)[0] == Indicator("1", "产出指标", "", "自定义指标")


def test_emptying_a_class_cell_clears_code_and_label() -> None:
    doc = doc_of(quantity("培训人数"))
    apply(doc, ops.set_cell(rows(doc), WHERE, 0, "level2", ""))
    assert rows(doc)[0] == Indicator("1", "产出指标", "", "", "培训人数")


def test_set_cell_without_a_change_or_outside_the_rows_is_nothing() -> None:
    doc = doc_of(quantity("培训人数"))
    assert ops.set_cell(rows(doc), WHERE, 0, "name", "培训人数") is None
    assert ops.set_cell(rows(doc), WHERE, 1, "name", "新") is None
    assert ops.set_cell(rows(doc), WHERE, -1, "name", "新") is None
    assert ops.set_cell(rows(doc), WHERE, 0, "level1_label", "新") is None


def test_set_cell_takes_the_callers_undo_text() -> None:
    doc = doc_of(quantity("培训人数"))
    edit = ops.set_cell(rows(doc), WHERE, 0, "note", "见附件", "Edit Note")
    assert edit is not None
    assert edit.text == "Edit Note"


def test_clear_cells_empties_the_cells_in_one_step() -> None:
    doc = doc_of(quantity("甲", "1次", "1次"), quantity("乙", "2次", "2次"))
    cells = [(1, "annual_value"), (0, "name"), (0, "level1"), (5, "name")]
    edit = apply(doc, ops.clear_cells(rows(doc), WHERE, cells))
    assert edit.text == "清除内容"
    assert rows(doc) == [Indicator("", "", "", "", "", "1次", "1次"), quantity("乙", "2次", "")]
    edit.revert(doc)
    assert rows(doc) == [quantity("甲", "1次", "1次"), quantity("乙", "2次", "2次")]


def test_clear_cells_that_are_empty_is_nothing() -> None:
    doc = doc_of(quantity("甲"))
    assert ops.clear_cells(rows(doc), WHERE, [(0, "basis"), (0, "note")]) is None


# --- rows ---------------------------------------------------------------------------------


def test_insert_row_below_and_above_in_the_rows_class() -> None:
    doc = doc_of(
        quantity("甲", "1次", "1次"), Indicator("3", "满意度指标", "31", "服务对象满意度指标")
    )
    edit = apply(doc, ops.insert_row(rows(doc), WHERE, 0, below=True))
    assert edit.text == "插入指标"
    assert [i.name for i in rows(doc)] == ["甲", "", ""]
    assert rows(doc)[1] == quantity("")
    edit.revert(doc)
    apply(doc, ops.insert_row(rows(doc), WHERE, 1, below=False))
    assert rows(doc)[1] == Indicator("3", "满意度指标", "31", "服务对象满意度指标")
    assert len(rows(doc)) == 3


def test_insert_row_without_a_current_row_appends_a_blank_one() -> None:
    doc = doc_of(quantity("甲"))
    apply(doc, ops.insert_row(rows(doc), WHERE, -1, below=True))
    assert rows(doc) == [quantity("甲"), Indicator()]
    empty = doc_of()
    apply(empty, ops.insert_row(rows(empty), WHERE, 0, below=False))
    assert rows(empty) == [Indicator()]


def test_delete_rows_removes_the_rows_given_and_undoes() -> None:
    doc = doc_of(quantity("甲"), quantity("乙"), quantity("丙"))
    edit = apply(doc, ops.delete_rows(rows(doc), WHERE, [2, 0, 0, 7]))
    assert edit.text == "删除 2 个指标"
    assert [i.name for i in rows(doc)] == ["乙"]
    edit.revert(doc)
    assert [i.name for i in rows(doc)] == ["甲", "乙", "丙"]
    assert ops.delete_rows(rows(doc), WHERE, [5]) is None


def test_delete_rows_fills_the_callers_template() -> None:
    doc = doc_of(quantity("甲"))
    edit = ops.delete_rows(rows(doc), WHERE, [0], "Delete {count} indicator(s)")
    assert edit is not None
    assert edit.text == "Delete 1 indicator(s)"


def test_move_a_block_of_rows_up_and_down() -> None:
    doc = doc_of(quantity("甲"), quantity("乙"), quantity("丙"), quantity("丁"))
    edit = apply(doc, ops.move_rows(rows(doc), WHERE, [2, 1], -1))
    assert edit.text == "上移指标"
    assert [i.name for i in rows(doc)] == ["乙", "丙", "甲", "丁"]
    assert ops.moved_rows([2, 1], -1) == [0, 1]
    edit.revert(doc)
    assert [i.name for i in rows(doc)] == ["甲", "乙", "丙", "丁"]
    edit = apply(doc, ops.move_rows(rows(doc), WHERE, [0, 2], 1))
    assert edit.text == "下移指标"
    assert [i.name for i in rows(doc)] == ["乙", "甲", "丁", "丙"]
    edit.revert(doc)
    assert [i.name for i in rows(doc)] == ["甲", "乙", "丙", "丁"]


def test_rows_at_the_edge_or_a_bigger_step_do_not_move() -> None:
    doc = doc_of(quantity("甲"), quantity("乙"))
    assert ops.move_rows(rows(doc), WHERE, [0], -1) is None
    assert ops.move_rows(rows(doc), WHERE, [1], 1) is None
    assert ops.move_rows(rows(doc), WHERE, [0], 2) is None
    assert ops.move_rows(rows(doc), WHERE, [], 1) is None


def test_duplicate_rows_inserts_copies_after_the_last() -> None:
    doc = doc_of(quantity("甲", "1次"), quantity("乙"), quantity("丙"))
    edit = apply(doc, ops.duplicate_rows(rows(doc), WHERE, [1, 0]))
    assert edit.text == "复制 2 个指标"
    assert [i.name for i in rows(doc)] == ["甲", "乙", "甲", "乙", "丙"]
    assert rows(doc)[2] == quantity("甲", "1次")
    rows(doc)[2].name = "改过"
    assert rows(doc)[0].name == "甲"
    edit.revert(doc)
    assert [i.name for i in rows(doc)] == ["甲", "乙", "丙"]
    assert ops.duplicate_rows(rows(doc), WHERE, [9]) is None


def test_period_to_annual_copies_where_they_differ() -> None:
    doc = doc_of(quantity("甲", "10次", "5次"), quantity("乙", "3个", "3个"), quantity("丙", "1%"))
    edit = apply(doc, ops.period_to_annual(rows(doc), WHERE, [0, 1, 2, 8]))
    assert edit.text == "复制实施周期指标值到年度"
    assert [i.annual_value for i in rows(doc)] == ["10次", "3个", "1%"]
    edit.revert(doc)
    assert [i.annual_value for i in rows(doc)] == ["5次", "3个", ""]
    assert ops.period_to_annual(rows(doc), WHERE, [1]) is None


# --- pasting ------------------------------------------------------------------------------


def test_paste_a_block_overwrites_from_the_cell_and_appends_rows() -> None:
    doc = doc_of(quantity("甲", "1次", "1次"))
    block = [["  乙 ", "2次"], ["丙", "3次"]]
    edit = apply(doc, ops.paste_block(rows(doc), WHERE, 0, "name", FIVE, block))
    assert edit.text == "粘贴 2 行"
    assert rows(doc) == [
        quantity("乙", "2次", "1次"),
        Indicator(name="丙", period_value="3次"),
    ]
    edit.revert(doc)
    assert rows(doc) == [quantity("甲", "1次", "1次")]


def test_paste_whole_rows_maps_classes_and_fills_hidden_fields() -> None:
    doc = doc_of()
    block = [["2-效益指标", "社会效益指标", "受益人数", "≥100人", "≥50人", "方案", "多行\n 说明 "]]
    apply(doc, ops.paste_block(rows(doc), WHERE, 0, "name", FIVE, block))
    assert rows(doc) == [
        Indicator(
            "2",
            "效益指标",
            "22",
            "社会效益指标",
            "受益人数",
            "≥100人",
            "≥50人",
            "方案",
            "多行\n 说明 ",
        )
    ]


def test_paste_follows_the_order_of_the_fields_shown() -> None:
    doc = doc_of(quantity("甲"))
    shown = ["name", "note", "annual_value"]
    apply(doc, ops.paste_block(rows(doc), WHERE, 0, "note", shown, [["备注一", "9次", "多余"]]))
    assert rows(doc) == [
        Indicator("1", "产出指标", "11", "数量指标", "甲", "", "9次", note="备注一")
    ]


def test_paste_that_changes_nothing_is_nothing() -> None:
    doc = doc_of(quantity("甲", "1次"))
    assert ops.paste_block(rows(doc), WHERE, 0, "name", FIVE, [["甲", "1次"]]) is None
    assert ops.paste_block(rows(doc), WHERE, 0, "name", FIVE, []) is None


def test_paste_indicators_go_below_the_row() -> None:
    doc = doc_of(quantity("甲"), quantity("乙"))
    pasted = [quantity("新")]
    edit = apply(doc, ops.paste_indicators(rows(doc), WHERE, 0, pasted))
    assert edit.text == "粘贴 1 个指标"
    assert [i.name for i in rows(doc)] == ["甲", "新", "乙"]
    edit.revert(doc)
    assert [i.name for i in rows(doc)] == ["甲", "乙"]
    empty = doc_of()
    apply(empty, ops.paste_indicators(rows(empty), WHERE, 3, copy.deepcopy(pasted)))
    assert [i.name for i in rows(empty)] == ["新"]
