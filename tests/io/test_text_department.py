"""Department tables: several units, 合计 and unit rows checked against the sums, not stored."""

from __future__ import annotations

from decimal import Decimal

from bpeditor.io.text import format_summary_text, parse_summary_text

HEADER = "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标"
ITEM = "1、1-产出指标；11-数量指标；培训人次；实施周期指标值:≥500人次；年度指标值:≥500人次。"


def department(total: str = "1,461.50", unit_b: str = "100.50") -> str:
    """A department (教育局) and one subordinate unit (第一中学), line numbers in comments."""
    lines = [
        "项目支出绩效目标表",  # 1
        "单位名称：广州市花都区教育局\t\t\t\t\t\t单位：元",  # 2
        HEADER,  # 3
        f"合计\t{total}\t1,411.50\t50.00\t\t\t",  # 4
        "广州市花都区教育局\t1,361.00\t1,361.00\t\t\t\t",  # 5
        f"教师培训经费\t1,361.00\t1,361.00\t\t\t提升教师能力。\t{ITEM}",  # 6
        f"广州市花都区第一中学\t{unit_b}\t50.50\t50.00\t\t\t",  # 7
        f"校园安保经费\t60.00\t10.50\t50.00\t\t保障校园安全。\t{ITEM}",  # 8
        f"图书购置经费\t40.50\t40.00\t\t0.50\t丰富馆藏。\t{ITEM}",  # 9
    ]
    return "\n".join(lines) + "\n"


def test_units_and_projects() -> None:
    result = parse_summary_text(department().replace("40.00\t\t0.50", "40.00\t\t"))
    table = result.table
    assert table.reporting_unit == "广州市花都区教育局"
    assert table.money_unit == "元"
    assert [u.name for u in table.units] == ["广州市花都区教育局", "广州市花都区第一中学"]
    assert [[p.name for p in u.projects] for u in table.units] == [
        ["教师培训经费"],
        ["校园安保经费", "图书购置经费"],
    ]
    assert all(u.name not in ("合计", "总计") for u in table.units)
    school = table.units[1]
    assert school.projects[0].funds.special_account == Decimal("50.00")
    assert school.funds().total == Decimal("100.50")
    assert table.funds().total == Decimal("1461.50")
    assert table.units[0].projects[0].funds.total == Decimal("1361.00")
    assert result.warnings == []


def test_sums_that_add_up_give_no_warning() -> None:
    text = department().replace("1,411.50\t50.00\t\t", "1,411.50\t50.00\t0.50\t")
    text = text.replace("50.50\t50.00\t\t", "50.50\t50.00\t0.50\t")
    result = parse_summary_text(text)
    assert [str(w) for w in result.warnings] == []
    assert result.table.funds().other == Decimal("0.50")


def test_wrong_grand_total_is_reported_with_its_line() -> None:
    result = parse_summary_text(department(total="1,500.00").replace("40.00\t\t0.50", "40.00\t\t"))
    messages = [str(w) for w in result.warnings]
    assert len(messages) == 1
    assert messages[0].startswith("第 4 行：合计“总计”为 1,500.00")
    assert "1,461.50" in messages[0]


def test_wrong_unit_subtotal_is_reported_with_its_line() -> None:
    result = parse_summary_text(department(unit_b="99.00").replace("40.00\t\t0.50", "40.00\t\t"))
    messages = [str(w) for w in result.warnings]
    assert len(messages) == 1
    assert messages[0].startswith("第 7 行：单位“广州市花都区第一中学”的小计“总计”为 99.00")
    assert "100.50" in messages[0]


def test_blank_summary_cell_counts_as_zero() -> None:
    """Zero prints blank: a blank 其他资金 in a row whose projects have 其他资金 is wrong."""
    result = parse_summary_text(department())
    locations = sorted(w.location for w in result.warnings)
    assert locations == ["第 4 行", "第 7 行"]
    assert all("其他资金" in w.message for w in result.warnings)


def test_grand_total_at_the_bottom_and_spaced_name() -> None:
    lines = department().replace("40.00\t\t0.50", "40.00\t\t").splitlines()
    total = lines.pop(3).replace("合计", "合  计")
    result = parse_summary_text("\n".join([*lines, total]))
    assert result.warnings == []
    assert len(result.table.units) == 2


def test_project_rows_without_unit_rows_go_to_the_reporting_unit() -> None:
    text = "\n".join(
        [
            "单位名称：广州市花都区第一中学",
            HEADER,
            f"校园安保经费\t60.00\t60.00\t\t\t保障校园安全。\t{ITEM}",
        ]
    )
    table = parse_summary_text(text).table
    assert [u.name for u in table.units] == ["广州市花都区第一中学"]
    assert table.title == "项目支出绩效目标表"


def test_department_round_trip() -> None:
    table = parse_summary_text(department()).table
    again = parse_summary_text(format_summary_text(table))
    assert again.warnings == []
    assert again.table == table
