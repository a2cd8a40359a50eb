"""Matching two years' tables: renamed and reordered projects and indicators, and target changes."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from bpeditor.io.registry import read_path
from bpeditor.model.table import Indicator, Project, Table, Unit
from bpeditor.model.value import parse_value
from bpeditor.model.year_compare import compare_tables, target_change
from bpeditor.model.year_match import assign, similarity

REAL = Path(__file__).resolve().parents[2].parent / "shared/samples/real"


def real_table(*names: str) -> Table:
    """One table holding the units of several real published tables."""
    table = Table(title="2023年项目支出绩效目标表")
    for name in names:
        table.units.extend(read_path(REAL / f"{name}.xlsx").table.units)
    return table


def last_year() -> Table:
    """Three real units: the Tianjin court, the Huangshi party school, the Mata town."""
    return real_table(
        "032_tianjin_hebeifayuan", "014_huangshi_dangxiao_zhutiban", "023_jingyan_mata_zhen"
    )


def project(table: Table, name: str) -> Project:
    """The project of that name."""
    return next(p for _, p in table.iter_projects() if p.name == name)


def indicator(p: Project, name: str) -> Indicator:
    """The indicator of that name."""
    return next(i for i in p.indicators if i.name == name)


def this_year(old: Table) -> Table:
    """Next year's table as a clerk writes it: renamed, reordered, targets changed."""
    new = copy.deepcopy(old)
    court, school, town = new.units
    repair = project(new, "安全隐患维修")
    repair.name = "维修安全隐患（审判大楼）"  # words swapped, a note added
    indicator(repair, "维修面积").annual_value = "≥350平方米"
    indicator(repair, "资金支付及时率").annual_value = "≥98百分比"
    indicator(repair, "干警满意度").name = "干警的满意度"
    repair.indicators.reverse()
    cases = project(new, "办案业务费(陪审员及互联网专线)")
    cases.name = "办案业务费"
    indicator(cases, "陪审员参审案件数量").annual_value = "900件"
    classes = project(new, "主体班")
    classes.name = "主体班培训"
    indicator(classes, "开设课程数量").annual_value = "200"
    indicator(classes, "情景教学或外训批次").annual_value = "8次"
    classes.indicators.insert(
        0, Indicator("1", "产出指标", "11", "数量指标", "新增调训人次", "", "50人次")
    )
    del town.projects[1]  # 基层组织活动经费 is not funded again
    town.projects.append(Project(name="乡村振兴示范点建设"))
    new.units = [school, court, town]  # the units in another order
    return new


def by_new_name(table_old: Table, table_new: Table) -> dict[str, object]:
    """The comparison as ``{new (or old) project name: its JSON}``."""
    result = compare_tables(table_old, table_new).to_dict()
    projects = result["projects"]
    assert isinstance(projects, list)
    return {(p["new"] or p["old"])["name"]: p for p in projects}


def changes(entry: object) -> dict[str, tuple[str, list[str]]]:
    """``{indicator name (new, else old): (status, flags)}`` of one project's JSON."""
    assert isinstance(entry, dict)
    return {(i["new"] or i["old"])["name"]: (i["status"], i["flags"]) for i in entry["indicators"]}


def test_renamed_and_reordered_projects_pair_with_last_years() -> None:
    old = last_year()
    got = by_new_name(old, this_year(old))
    assert {name: p["status"] for name, p in got.items()} == {
        "主体班培训": "matched",
        "维修安全隐患（审判大楼）": "matched",
        "办案业务费": "matched",
        "村组干部报酬": "matched",
        "乡村振兴示范点建设": "added",
        "基层组织活动经费": "removed",
    }
    assert got["维修安全隐患（审判大楼）"]["old"] == {"unit": "万元", "name": "安全隐患维修"}
    assert got["办案业务费"]["old"]["name"] == "办案业务费(陪审员及互联网专线)"
    assert got["主体班培训"]["funds"] == {"old": "164.00", "new": "164.00"}
    assert got["乡村振兴示范点建设"]["old"] is None
    assert got["基层组织活动经费"]["new"] is None


def test_changed_targets_are_flagged_by_direction() -> None:
    old = last_year()
    got = by_new_name(old, this_year(old))
    repair = changes(got["维修安全隐患（审判大楼）"])
    assert repair == {
        "消除安全隐患": ("same", []),
        "干警的满意度": ("changed", []),
        "项目成本": ("same", []),
        "资金支付及时率": ("changed", ["lowered"]),
        "验收合格率": ("same", []),
        "维修面积": ("changed", ["lowered"]),
    }
    assert changes(got["办案业务费"])["陪审员参审案件数量"] == ("changed", ["sign-dropped"])
    classes = changes(got["主体班培训"])
    assert classes["新增调训人次"] == ("added", [])
    assert classes["开设课程数量"] == ("changed", ["lowered"])
    assert classes["情景教学或外训批次"] == ("changed", ["raised"])
    assert list(classes.values()).count(("same", [])) == 11
    town = changes(got["村组干部报酬"])
    assert list(town.values()) == [("same", [])] * 8


def test_the_indicator_rows_keep_both_years_values() -> None:
    old = last_year()
    got = by_new_name(old, this_year(old))
    (area,) = [
        i for i in got["维修安全隐患（审判大楼）"]["indicators"] if i["new"]["name"] == "维修面积"
    ]
    assert area["old"] == {
        "level1": "1",
        "level2": "11",
        "name": "维修面积",
        "period_value": "≥400平方米",  # the form's one value column is both (a one-year project)
        "annual_value": "≥400平方米",
    }
    assert area["new"]["annual_value"] == "≥350平方米"


@pytest.mark.parametrize(
    ("before", "after", "flags"),
    [
        ("≥98%", "≥95%", ["lowered"]),
        ("0次", "≤1次", ["lowered"]),
        ("100%", "≥98%", ["lowered"]),
        ("≤30天", "≤20天", ["raised"]),
        ("≥95%", "≥98%", ["raised"]),
        ("≤1次", "0次", ["sign-dropped"]),
        ("≥80M", "80M", ["sign-dropped"]),
        ("10辆", "10", ["unit-dropped"]),
        ("≥98%", ">=98%", []),
        ("≥98%", "≤5%", []),
        ("30天", "20天", ["raised"]),
        ("10辆", "8辆", ["lowered"]),
        ("≥10辆", "≥10台", []),
        ("全面", "≥95%", []),
    ],
)
def test_direction_of_a_target_change(before: str, after: str, flags: list[str]) -> None:
    assert target_change(parse_value(before), parse_value(after)) == flags


def test_fewer_failures_raise_the_target() -> None:
    assert target_change(parse_value("3次"), parse_value("1次"), "设备故障次数") == ["raised"]


def test_similarity_survives_swapped_words_and_notes() -> None:
    assert similarity("降尘抑尘", "抑尘降尘") >= 90
    assert similarity("城区道路降尘抑尘（2023年）", "城区道路抑尘降尘") >= 90
    assert similarity("市民满意度", "满意度") >= 70
    assert similarity("设备正常运行率", "办公楼物业管理") < 40


def test_assignment_maximises_the_total_not_the_first_best() -> None:
    # Greedy would pair 0-0 (90) and leave 1 alone; the best total pairs 0-1 and 1-0.
    scores = {(0, 0): 90.0, (0, 1): 85.0, (1, 0): 80.0}
    assert assign(2, 2, scores) == [(0, 1), (1, 0)]


def test_each_project_has_at_most_one_partner() -> None:
    old = Table(units=[Unit("局", [Project(name="道路养护经费")])])
    new = Table(
        units=[Unit("局", [Project(name="道路养护经费"), Project(name="道路养护经费（追加）")])]
    )
    got = compare_tables(old, new).to_dict()["projects"]
    assert isinstance(got, list)
    assert [p["status"] for p in got] == ["matched", "added"]
