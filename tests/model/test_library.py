"""The indicator library's ranking: 二级 filter, similarity, pinyin initials, history boosts."""

from __future__ import annotations

from bpeditor.model.document import Document
from bpeditor.model.library import (
    Entry,
    Library,
    Source,
    Suggestion,
    pick_edit,
    pinyin_initials,
    table_entries,
)
from bpeditor.model.table import Indicator, Project, Table, Unit

OWN = Source("2023.bpe", "口岸服务保障中心", "口岸车检场设备维护", "2023年项目支出绩效目标表", 2023)
OTHER_UNIT = Source("edu.bpe", "教育局", "校园设备维护", "2023年项目支出绩效目标表", 2023)
SAME_UNIT = Source("2023.bpe", "口岸服务保障中心", "口岸广域网运作经费", "2023年表", 2023)


def entry(level2: str, name: str, annual: str, source: Source) -> Entry:
    """An entry with its pinyin initials as the index stores them."""
    return Entry(level2[0], level2, name, "", annual, source, pinyin_initials([name])[name])


def library() -> Library:
    """A small library: one project's own history, a neighbour project, another unit."""
    return Library(
        [
            entry("12", "设备正常运行率", "≥98%", OWN),
            entry("11", "维护设备数量", "≥120台", OWN),
            entry("31", "口岸查验单位满意度", "≥95%", OWN),
            entry("12", "设备完好率", "≥95%", OTHER_UNIT),
            entry("12", "设备完好率", "≥96%", SAME_UNIT),
            entry("12", "网络正常运行率", "≥99%", SAME_UNIT),
            entry("13", "维修响应时间", "≤2小时", OTHER_UNIT),
            entry("31", "师生满意度", "≥90%", OTHER_UNIT),
        ]
    )


def names(found: list) -> list[str]:  # type: ignore[type-arg]
    """The suggested names, best first."""
    return [s.entry.name for s in found]


def test_pinyin_initials_find_the_name() -> None:
    assert names(library().suggest("sbzcyxl"))[0] == "设备正常运行率"
    assert names(library().suggest("sbw"))[0] == "设备完好率"


def test_typed_characters_rank_by_similarity() -> None:
    found = names(library().suggest("正常运行率"))
    assert set(found[:2]) == {"设备正常运行率", "网络正常运行率"}
    assert "设备完好率" not in found


def test_the_rows_level2_filters() -> None:
    found = library().suggest("满意度", level2="31")
    assert names(found) == ["师生满意度", "口岸查验单位满意度"]  # the closer length first
    assert library().suggest("满意度", level2="12") == []


def test_the_same_project_comes_first_then_the_same_unit() -> None:
    found = library().suggest(
        "满意度", project="口岸车检场设备维护（2024年）", unit="口岸服务保障中心"
    )
    assert names(found)[0] == "口岸查验单位满意度"
    assert found[0].same_project
    assert library().suggest("设备完好率")[0].entry.annual_value == "≥95%"  # the latest file
    found = library().suggest("设备完好率", unit="口岸服务保障中心", project="新项目")
    assert (found[0].entry.annual_value, found[0].entry.source.unit) == ("≥96%", "口岸服务保障中心")


def test_suggestions_for_a_project_are_its_last_year_indicators() -> None:
    found = library().suggest(project="车检场口岸设备维护", unit="口岸服务保障中心")
    assert names(found)[:3] == ["维护设备数量", "设备正常运行率", "口岸查验单位满意度"]
    assert [s.same_project for s in found[:3]] == [True] * 3
    assert not found[3].same_project


def test_frequency_breaks_ties_between_equal_names() -> None:
    found = library().suggest("设备完好率")
    assert names(found)[0] == "设备完好率"
    assert len([n for n in names(found) if n == "设备完好率"]) == 1  # one row per indicator


def test_picking_an_entry_fills_the_classes() -> None:
    row = entry("12", "设备正常运行率", "≥98%", OWN).indicator(with_values=False)
    assert (row.level1, row.level1_label, row.level2, row.level2_label) == (
        "1",
        "产出指标",
        "12",
        "质量指标",
    )
    assert (row.name, row.annual_value) == ("设备正常运行率", "")
    assert (
        entry("12", "设备正常运行率", "≥98%", OWN).indicator(with_values=True).annual_value
        == "≥98%"
    )


def test_a_table_gives_entries_with_their_source_and_year() -> None:
    rows = [Indicator("1", "产出指标", "11", "数量指标", "维修面积", "", "≥400平方米"), Indicator()]
    table = Table(title="2023年表", units=[Unit("法院", [Project(name="维修", indicators=rows)])])
    (only,) = table_entries(table, "a.bpe")
    assert (only.name, only.source.unit, only.source.project, only.source.year) == (
        "维修面积",
        "法院",
        "维修",
        2023,
    )


def test_an_empty_library_suggests_nothing() -> None:
    assert Library([]).suggest("sb") == []
    assert Library([]).suggest(project="x") == []


def one_row_document(row: Indicator) -> Document:
    """A document of one project with one indicator row."""
    project = Project("设备维护", indicators=[row])
    return Document(Table(units=[Unit("口岸服务保障中心", [project])]))


def test_picking_the_projects_own_entry_fills_the_row_and_its_values_in_one_step() -> None:
    doc = one_row_document(Indicator(name="sbzc", annual_value="≥90%", carried="1"))
    own = Suggestion(entry("12", "设备正常运行率", "≥98%", OWN), 120.0, same_project=True)
    edit = pick_edit(doc.table.units[0].projects[0].indicators, (0, 0), 0, own)
    assert edit is not None
    edit.apply(doc)
    row = doc.table.units[0].projects[0].indicators[0]
    assert (row.level1_label, row.level2_label, row.name, row.annual_value, row.carried) == (
        "产出指标",
        "质量指标",
        "设备正常运行率",
        "≥98%",
        "",
    )
    edit.revert(doc)
    assert (row.level1, row.level2, row.name, row.annual_value, row.carried) == (
        "",
        "",
        "sbzc",
        "≥90%",
        "1",
    )


def test_picking_another_projects_entry_keeps_the_rows_values() -> None:
    doc = one_row_document(Indicator(name="设备", annual_value="≥90%"))
    other = Suggestion(entry("12", "设备完好率", "≥95%", OTHER_UNIT), 80.0)
    edit = pick_edit(doc.table.units[0].projects[0].indicators, (0, 0), 0, other, "选用")
    assert edit is not None and edit.text == "选用"
    edit.apply(doc)
    row = doc.table.units[0].projects[0].indicators[0]
    assert (row.level1, row.level2, row.name, row.annual_value) == ("1", "12", "设备完好率", "≥90%")


def test_picking_what_the_row_already_has_changes_nothing() -> None:
    picked = Suggestion(entry("12", "设备完好率", "≥95%", OTHER_UNIT), 80.0)
    row = picked.entry.indicator(with_values=False)
    assert pick_edit([row], (0, 0), 0, picked) is None
    assert pick_edit([row], (0, 0), 3, picked) is None
