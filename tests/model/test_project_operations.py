"""Operations on units and projects: the table after each one, and after undoing it."""

from __future__ import annotations

from decimal import Decimal

from bpeditor.model import project_operations as ops
from bpeditor.model.document import Document
from bpeditor.model.edits import Edit
from bpeditor.model.table import Funds, Project, Table, Unit


def three_by_three() -> Document:
    """Units 甲, 乙, 丙, each with projects named after the unit: 甲1, 甲2, 甲3 …"""
    units = [Unit(u, [Project(f"{u}{p}") for p in "123"]) for u in "甲乙丙"]
    return Document(Table(units=units))


def names(doc: Document) -> list[list[str]]:
    """Each unit's name followed by its projects' names."""
    return [[u.name, *(p.name for p in u.projects)] for u in doc.table.units]


ORIGINAL = [["甲", "甲1", "甲2", "甲3"], ["乙", "乙1", "乙2", "乙3"], ["丙", "丙1", "丙2", "丙3"]]


def apply(doc: Document, edit: Edit | None) -> Edit:
    """Apply an edit that must exist."""
    assert edit is not None
    edit.apply(doc)
    return edit


# --- names --------------------------------------------------------------------------------


def test_rename_a_unit_and_a_project() -> None:
    doc = three_by_three()
    unit = apply(doc, ops.rename_unit(doc.table, 1, "新乙"))
    assert unit.text == "重命名单位"
    project = apply(doc, ops.rename_project(doc.table, (2, 0), "新丙1", "改名"))
    assert project.text == "改名"
    assert names(doc)[1:] == [["新乙", "乙1", "乙2", "乙3"], ["丙", "新丙1", "丙2", "丙3"]]
    project.revert(doc)
    unit.revert(doc)
    assert names(doc) == ORIGINAL


def test_renaming_to_the_same_name_is_nothing() -> None:
    doc = three_by_three()
    assert ops.rename_unit(doc.table, 0, "甲") is None
    assert ops.rename_project(doc.table, (0, 2), "甲3") is None


# --- adding and deleting ------------------------------------------------------------------


def test_add_a_unit_after_one_or_at_the_end() -> None:
    doc = three_by_three()
    edit = apply(doc, ops.add_unit(doc.table, 0))
    assert edit.text == "新增单位"
    assert [u[0] for u in names(doc)] == ["甲", "新单位", "乙", "丙"]
    edit.revert(doc)
    apply(doc, ops.add_unit(doc.table, None, "某局"))
    assert [u[0] for u in names(doc)] == ["甲", "乙", "丙", "某局"]


def test_add_a_project_after_one_or_at_the_end() -> None:
    doc = three_by_three()
    edit = apply(doc, ops.add_project(doc.table, 1, 0))
    assert edit.text == "新增项目"
    assert names(doc)[1] == ["乙", "乙1", "新项目", "乙2", "乙3"]
    edit.revert(doc)
    apply(doc, ops.add_project(doc.table, 2, None, "另一个"))
    assert names(doc)[2] == ["丙", "丙1", "丙2", "丙3", "另一个"]


def test_delete_a_project_or_a_unit_and_undo() -> None:
    doc = three_by_three()
    project = apply(doc, ops.delete_node(doc.table, 0, 1))
    assert project.text == "删除项目"
    assert names(doc)[0] == ["甲", "甲1", "甲3"]
    project.revert(doc)
    unit = apply(doc, ops.delete_node(doc.table, 1, None, "删除这个单位"))
    assert unit.text == "删除这个单位"
    assert names(doc) == [ORIGINAL[0], ORIGINAL[2]]
    unit.revert(doc)
    assert names(doc) == ORIGINAL


def test_deleting_what_is_not_there_is_nothing() -> None:
    doc = three_by_three()
    assert ops.delete_node(doc.table, 3, None) is None
    assert ops.delete_node(doc.table, 0, 3) is None


# --- moving -------------------------------------------------------------------------------


def test_move_a_project_within_its_unit_and_to_another() -> None:
    doc = three_by_three()
    down = apply(doc, ops.move_project(doc.table, (0, 0), 0, 2))
    assert down.text == "移动项目"
    assert names(doc)[0] == ["甲", "甲2", "甲1", "甲3"]
    down.revert(doc)
    across = apply(doc, ops.move_project(doc.table, (0, 2), 2, -1))
    assert names(doc)[0] == ["甲", "甲1", "甲2"]
    assert names(doc)[2] == ["丙", "丙1", "丙2", "丙3", "甲3"]
    across.revert(doc)
    assert names(doc) == ORIGINAL


def test_moving_a_project_to_where_it_is_is_nothing() -> None:
    doc = three_by_three()
    assert ops.move_project(doc.table, (0, 1), 0, 1) is None
    assert ops.move_project(doc.table, (0, 1), 0, 2) is None
    assert ops.move_project(doc.table, (0, 5), 1, 0) is None
    assert ops.move_project(doc.table, (0, 1), 3, 0) is None


def test_move_a_unit() -> None:
    doc = three_by_three()
    edit = apply(doc, ops.move_unit(doc.table, 0, -1))
    assert edit.text == "移动单位"
    assert [u[0] for u in names(doc)] == ["乙", "丙", "甲"]
    edit.revert(doc)
    apply(doc, ops.move_unit(doc.table, 2, 0))
    assert [u[0] for u in names(doc)] == ["丙", "甲", "乙"]
    assert ops.move_unit(doc.table, 0, 1) is None
    assert ops.move_unit(doc.table, 3, 0) is None


def test_step_projects_and_units_one_place() -> None:
    doc = three_by_three()
    apply(doc, ops.step_project(doc.table, (1, 0), 1))
    assert names(doc)[1] == ["乙", "乙2", "乙1", "乙3"]
    apply(doc, ops.step_project(doc.table, (1, 2), -1))
    assert names(doc)[1] == ["乙", "乙2", "乙3", "乙1"]
    assert ops.step_project(doc.table, (1, 0), -1) is None
    assert ops.step_project(doc.table, (1, 2), 1) is None
    apply(doc, ops.step_unit(doc.table, 0, 1))
    assert [u[0] for u in names(doc)] == ["乙", "甲", "丙"]
    apply(doc, ops.step_unit(doc.table, 2, -1))
    assert [u[0] for u in names(doc)] == ["乙", "丙", "甲"]
    assert ops.step_unit(doc.table, 2, 1) is None
    assert ops.step_unit(doc.table, 0, -1) is None, "the first unit stays first, not last"


# --- amounts ------------------------------------------------------------------------------


def funded(funds: Funds) -> Document:
    """One unit, one project with these amounts."""
    return Document(Table(units=[Unit("甲", [Project("项目", funds)])]))


def funds_of(doc: Document) -> Funds:
    """The only project's amounts."""
    return doc.table.units[0].projects[0].funds


def test_setting_a_source_makes_the_total_follow() -> None:
    doc = funded(Funds(Decimal(10), Decimal(10)))
    edit = apply(doc, ops.set_source_amount(doc.table, (0, 0), "other", Decimal("2.5")))
    assert edit.text == "修改其他资金"
    assert funds_of(doc) == Funds(Decimal("12.5"), Decimal(10), None, Decimal("2.5"))
    edit.revert(doc)
    assert funds_of(doc) == Funds(Decimal(10), Decimal(10))


def test_a_disagreeing_total_follows_the_sources_once_one_is_set() -> None:
    doc = funded(Funds(Decimal(100), Decimal(10), Decimal(5)))
    apply(doc, ops.set_source_amount(doc.table, (0, 0), "fiscal", Decimal(20), "Edit"))
    assert funds_of(doc) == Funds(Decimal(25), Decimal(20), Decimal(5))


def test_clearing_the_only_source_clears_the_total() -> None:
    doc = funded(Funds(Decimal(10), Decimal(10)))
    apply(doc, ops.set_source_amount(doc.table, (0, 0), "fiscal", None))
    assert funds_of(doc) == Funds()


def test_setting_the_same_amount_is_nothing() -> None:
    doc = funded(Funds(Decimal(10), Decimal(10)))
    assert ops.set_source_amount(doc.table, (0, 0), "fiscal", Decimal(10)) is None


def test_fix_total_makes_it_the_sum_of_the_sources() -> None:
    doc = funded(Funds(Decimal(100), Decimal(10), None, Decimal(5)))
    edit = apply(doc, ops.fix_total(doc.table, (0, 0)))
    assert edit.text == "按来源更正总计"
    assert funds_of(doc) == Funds(Decimal(15), Decimal(10), None, Decimal(5))
    edit.revert(doc)
    assert funds_of(doc).total == Decimal(100)
    assert ops.fix_total(funded(Funds(Decimal(15), Decimal(15))).table, (0, 0)) is None


# --- importing a table --------------------------------------------------------------------


def test_convert_money_between_yuan_and_wan_yuan_exactly() -> None:
    units = [Unit("甲", [Project("项目", Funds(Decimal("1.5"), other=Decimal("0.00001")))])]
    ops.convert_money(units, "万元", "元")
    funds = units[0].projects[0].funds
    assert str(funds.total) == "15000.00"
    assert str(funds.other) == "0.10"
    assert funds.fiscal is None
    ops.convert_money(units, "元", "万元")
    assert str(funds.total) == "1.50"
    assert str(funds.other) == "0.000010"


def test_convert_money_leaves_other_pairs_alone() -> None:
    units = [Unit("甲", [Project("项目", Funds(Decimal(7)), period_funds=Funds(Decimal(9)))])]
    ops.convert_money(units, "元", "元")
    ops.convert_money(units, "千元", "元")
    assert units[0].projects[0].funds.total == Decimal(7)
    assert units[0].projects[0].period_funds.total == Decimal(9)


def test_import_edit_merges_units_by_name_and_converts_money() -> None:
    doc = Document(Table(money_unit="元", units=[Unit("甲", [Project("甲1", Funds(Decimal(1)))])]))
    imported = Table(
        money_unit="万元",
        units=[
            Unit("甲", [Project("甲2", Funds(Decimal(2)), period_funds=Funds(Decimal(3)))]),
            Unit("乙", [Project("乙1")]),
            Unit("甲", []),
        ],
    )
    edit = apply(doc, ops.import_edit(doc.table, imported))
    assert edit.text == "导入到当前表"
    assert names(doc) == [["甲", "甲1", "甲2"], ["乙", "乙1"]]
    added = doc.table.units[0].projects[1]
    assert added.funds.total == Decimal(20000)
    assert added.period_funds.total == Decimal(30000)
    edit.revert(doc)
    assert names(doc) == [["甲", "甲1"]]


def test_importing_nothing_new_is_an_empty_step() -> None:
    doc = Document(Table(units=[Unit("甲", [Project("甲1")])]))
    edit = ops.import_edit(doc.table, Table(units=[Unit("甲", [])]), "Import")
    assert edit.text == "Import"
    assert edit.edits == []


def test_text_that_is_not_an_amount_is_kept_until_a_number_replaces_it() -> None:
    doc = Document(
        Table(units=[Unit("u", [Project("p", funds=Funds(Decimal("5"), Decimal("5")))])])
    )
    funds = doc.table.units[0].projects[0].funds
    kept = ops.set_amount_text(doc.table, (0, 0), "fiscal", "五万")
    assert kept is not None
    kept.apply(doc)
    assert funds.unreadable == {"fiscal": "五万"}
    assert funds.fiscal == Decimal("5")  # the amount itself is left as it was
    assert ops.set_amount_text(doc.table, (0, 0), "fiscal", "五万") is None
    fixed = ops.set_source_amount(doc.table, (0, 0), "fiscal", Decimal("5"))
    assert fixed is not None  # the same number, but the text goes
    fixed.apply(doc)
    assert funds.unreadable == {}
    fixed.revert(doc)
    assert funds.unreadable == {"fiscal": "五万"}
    kept.revert(doc)
    assert funds.unreadable == {}
