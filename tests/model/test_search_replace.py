"""Replacing in the one field a search found, and the 总计 check the tree shares with validation."""

from __future__ import annotations

from decimal import Decimal

from bpeditor.model.document import Document
from bpeditor.model.search import Match, field_value, replace_in_match
from bpeditor.model.table import Funds, Indicator, Project, Table, Unit
from bpeditor.model.validation import total_disagrees


def table() -> Table:
    """A title, a unit, a project and an indicator that all contain 培训."""
    project = Project("培训项目", goal="开展培训", indicators=[Indicator(name="培训人次")])
    return Table(title="培训表", units=[Unit("培训中心", [project])])


def test_field_value_at_every_level() -> None:
    t = table()
    assert field_value(t, Match(None, None, None, "title", 1)) == "培训表"
    assert field_value(t, Match(0, None, None, "name", 1)) == "培训中心"
    assert field_value(t, Match(0, 0, None, "goal", 1)) == "开展培训"
    assert field_value(t, Match(0, 0, 0, "name", 1)) == "培训人次"


def test_replace_in_match_changes_only_that_field() -> None:
    doc = Document(table())
    match = Match(0, 0, None, "goal", 1)
    edit = replace_in_match(doc.table, match, "培训", "讲座")
    assert edit is not None
    assert edit.text == "替换"
    edit.apply(doc)
    project = doc.table.units[0].projects[0]
    assert project.goal == "开展讲座"
    assert project.name == "培训项目"
    assert doc.table.units[0].name == "培训中心"
    edit.revert(doc)
    assert project.goal == "开展培训"


def test_replace_in_match_everywhere_in_the_field_and_ignoring_case() -> None:
    doc = Document(Table(title="Aa aa", units=[Unit("甲", [Project(indicators=[Indicator()])])]))
    edit = replace_in_match(
        doc.table, Match(None, None, None, "title", 2), "A", "b", text="Replace"
    )
    assert edit is not None
    assert edit.text == "Replace"
    edit.apply(doc)
    assert doc.table.title == "bb bb"
    unit = replace_in_match(doc.table, Match(0, None, None, "name", 1), "甲", "乙")
    indicator = replace_in_match(doc.table, Match(0, 0, 0, "name", 1), "x", "y")
    assert indicator is None
    assert unit is not None
    unit.apply(doc)
    assert doc.table.units[0].name == "乙"


def test_replace_in_match_that_changes_nothing_is_nothing() -> None:
    t = table()
    assert replace_in_match(t, Match(0, 0, 0, "name", 1), "讲座", "课") is None
    assert replace_in_match(t, Match(0, 0, 0, "name", 1), "培", "培") is None
    match = Match(0, 0, 0, "name", 1)
    assert replace_in_match(t, match, "培训", "x", case_sensitive=True) is not None


def test_total_disagrees_only_when_both_are_filled_and_differ() -> None:
    assert total_disagrees(Funds(Decimal(10), Decimal(4), Decimal(5)))
    assert not total_disagrees(Funds(Decimal(9), Decimal(4), Decimal(5)))
    assert not total_disagrees(Funds(Decimal(9)))
    assert not total_disagrees(Funds(None, Decimal(4)))
    assert not total_disagrees(Funds(Decimal("9.00"), Decimal("9")))
