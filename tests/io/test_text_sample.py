"""The canonical sample imports exactly as printed, checked against an independent oracle."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from bpeditor.io import native
from bpeditor.io.registry import read_path
from bpeditor.io.text import format_summary_text, parse_summary_text, read_text, write_text
from bpeditor.model.table import Table

UNIT = "广州市花都区口岸服务保障中心"
PROJECTS = [
    ("口岸车检场水电费", "40.00", 6),
    ("口岸广域网运作经费", "7.60", 6),
    ("口岸车检场配套设施维修维护", "9.79", 6),
    ("口岸查验单位后勤保障经费", "120.00", 4),
    ("车检场口岸单位经费", "1361.00", 8),
    ("港口口岸单位经费", "38.00", 5),
    ("共建文明口岸活动经费", "0.50", 4),
    ("花都海关招商引资工作经费", "50.00", 6),
    ("机构运行辅助经费", "37.80", 4),
]


def oracle(sample_text: str) -> list[tuple[str, str, str, list[list[str]]]]:
    """Each project row as (name, 总计, goal, indicator fields), by naive splitting only.

    The sample has no quotes and no ambiguous text: a row is a line with 7 tab-separated
    cells and a goal; items split on 。 before ``\\d+、``; fields split on ；/; and the
    values follow the first ``:`` after their label.
    """
    rows = []
    for line in sample_text.splitlines():
        cells = line.split("\t")
        if len(cells) != 7 or not cells[5] or cells[5] == "绩效目标":
            continue
        items = re.split(r"(?<=。)(?=\d+、)", cells[6])
        fields = []
        for item in items:
            assert item.endswith("。")
            parts = re.split("[；;]", item[:-1])
            assert len(parts) == 5, item
            number, level1 = parts[0].split("、", 1)
            assert number.isdigit()
            period = parts[3].split(":", 1)
            annual = parts[4].split(":", 1)
            assert period[0] == "实施周期指标值" and annual[0] == "年度指标值"
            fields.append([level1, parts[1], parts[2], period[1], annual[1]])
        rows.append((cells[0], cells[1], cells[5], fields))
    return rows


def test_sample_header_and_counts(sample_path: Path) -> None:
    result = read_path(sample_path)
    table = result.table
    assert result.warnings == []
    assert result.format == "text"
    assert table.title == "项目支出绩效目标表（含转移支付项目）"
    assert table.reporting_unit == UNIT
    assert table.money_unit == "万元"
    assert [u.name for u in table.units] == [UNIT]
    assert table.project_count() == 9
    assert table.indicator_count() == 49
    assert table.funds().total == Decimal("1664.69")
    assert table.funds().fiscal == Decimal("1664.69")
    assert table.funds().special_account is None
    assert table.funds().other is None


def test_sample_projects_and_amounts(sample_path: Path) -> None:
    table = read_text(sample_path).table
    projects = table.units[0].projects
    assert [(p.name, p.funds.total, len(p.indicators)) for p in projects] == [
        (name, Decimal(total), count) for name, total, count in PROJECTS
    ]
    for project in projects:
        assert isinstance(project.funds.total, Decimal)
        assert project.funds.fiscal == project.funds.total
        assert project.funds.special_account is None and project.funds.other is None


def test_sample_matches_naive_oracle(sample_path: Path, sample_text: str) -> None:
    table = read_text(sample_path).table
    expected = oracle(sample_text)
    projects = table.units[0].projects
    assert len(expected) == len(projects) == 9
    assert sum(len(fields) for *_, fields in expected) == 49
    for project, (name, total, goal, fields) in zip(projects, expected, strict=True):
        assert project.name == name
        assert project.funds.total == Decimal(total.replace(",", ""))
        assert project.goal == goal
        got = [
            [
                f"{i.level1}-{i.level1_label}",
                f"{i.level2}-{i.level2_label}",
                i.name,
                i.period_value,
                i.annual_value,
            ]
            for i in project.indicators
        ]
        assert got == fields


def test_sample_half_width_rows_character_for_character(sample_path: Path) -> None:
    table = read_text(sample_path).table
    project = table.units[0].projects[4]
    assert project.name == "车检场口岸单位经费"
    first = project.indicators[0]
    assert first.name == "保障口岸查验单位数(个)"
    assert first.period_value == first.annual_value == "1个/年"
    third = project.indicators[2]
    assert third.period_value == "100%(每个项目都及时维护)"
    assert project.goal.startswith("按照区口岸服务保障中心的职能相关要求,更好地保障")
    assert "(花都海关)" in project.goal


def test_sample_codes_and_labels(sample_path: Path) -> None:
    table = read_text(sample_path).table
    first = table.units[0].projects[0].indicators
    assert (first[0].level1, first[0].level1_label) == ("1", "产出指标")
    assert (first[0].level2, first[0].level2_label) == ("11", "数量指标")
    assert (first[2].level2, first[2].level2_label) == ("13", "时效指标")
    assert (first[3].level1, first[3].level1_label) == ("2", "效益指标")
    assert (first[3].level2, first[3].level2_label) == ("22", "社会效益")
    assert (first[5].level1, first[5].level1_label) == ("3", "满意度指标")
    assert (first[5].level2, first[5].level2_label) == ("31", "服务对象满意度")
    assert first[3].period_value == "100%（通关顺畅保障天数/365天*100%）"
    economic = table.units[0].projects[7].indicators[3]
    assert (economic.level2, economic.level2_label) == ("21", "经济效益")


def test_sample_text_round_trip(sample_path: Path, tmp_path: Path) -> None:
    table = read_text(sample_path).table
    again = parse_summary_text(format_summary_text(table))
    assert again.warnings == []
    assert again.table == table
    out = tmp_path / "out.txt"
    write_text(table, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_path(out).table == table
    one_per_line = parse_summary_text(format_summary_text(table, one_per_line=True))
    assert one_per_line.warnings == []
    assert one_per_line.table == table


def test_sample_through_native_and_back(sample_path: Path) -> None:
    table = read_text(sample_path).table
    bpe = native.dumps(table)
    loaded = native.loads(bpe)
    assert loaded == table
    text = format_summary_text(loaded)
    back: Table = parse_summary_text(text).table
    assert native.dumps(back) == bpe


def test_export_prints_amounts_like_the_sample(sample_path: Path, sample_text: str) -> None:
    exported = format_summary_text(read_text(sample_path).table)
    lines = exported.split("\r\n")
    assert "合计\t1,664.69\t1,664.69\t\t\t\t" in lines
    assert f"{UNIT}\t1,664.69\t1,664.69\t\t\t\t" in lines
    sample_rows = [line for line in sample_text.splitlines() if line.count("\t") == 6]
    # Header, 合计, unit and the four full-width project rows come out exactly as printed;
    # the later rows differ only in the half-width separators the exporter normalises.
    for line in sample_rows[:7]:
        assert line in lines
    for line in sample_rows[7:]:
        assert line.replace(";", "；") in lines
