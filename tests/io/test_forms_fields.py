"""Every field of the per-project form survives export and import (.bpe, .docx and .xlsx forms)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from bpeditor.io.registry import read_path, write_path
from bpeditor.model.table import Funds, Indicator, Project, SignOff, Table, Unit


def full_table() -> Table:
    """A multi-year project with all its 申报信息 and a one-year one whose 实施期 follows 年度."""
    multi = Project(
        name="口岸设备更新",
        funds=Funds(Decimal("100.00"), Decimal("80.00"), None, Decimal("20.00")),
        goal="完成第一批设备更新。",
        department="广州市花都区商务局",
        department_code="123001",
        attribute="新增",
        period="2026年1月-2027年12月",
        period_funds=Funds(Decimal("250.00"), Decimal("200.00"), None, Decimal("50.00")),
        period_goal="两年内完成全部设备更新。",
        indicators=[
            Indicator("1", "产出指标", "11", "数量指标", "更新设备数量", "≥40台", "≥20台"),
            Indicator("2", "效益指标", "22", "社会效益指标", "通关时间缩短", "≥10%", "≥5%"),
            Indicator("3", "满意度指标", "31", "服务对象满意度指标", "满意度", "≥95%", "≥90%"),
        ],
    )
    annual = Project(
        name="口岸车检场水电费",
        funds=Funds(Decimal("40.00"), Decimal("40.00")),
        goal="保障全年水电供应。",
        department="广州市花都区商务局",
        department_code="123001",
        attribute="延续",
        period="1年",
        indicators=[
            Indicator("1", "产出指标", "11", "数量指标", "供水保障月数", "12个月", "12个月"),
            Indicator("2", "效益指标", "22", "社会效益指标", "事故次数", "0次", "0次"),
            Indicator("3", "满意度指标", "31", "服务对象满意度指标", "满意度", "≥98%", "≥98%"),
        ],
    )
    return Table(
        title="项目支出绩效目标表",
        reporting_unit="广州市花都区口岸服务保障中心",
        year=2026,
        signoff=SignOff("张伟", "李娜", "020-86888888", "2026-01-15", "花都区口岸中心"),
        units=[Unit("广州市花都区口岸服务保障中心", [multi, annual])],
    )


@pytest.mark.parametrize("extension", [".bpe", ".docx", ".xlsx"])
def test_every_form_field_comes_back(extension: str, tmp_path: Path) -> None:
    table = full_table()
    path = tmp_path / f"forms{extension}"
    write_path(table, path, "summary" if extension == ".bpe" else "forms")
    result = read_path(path)
    assert result.warnings == []
    back = result.table
    assert back.year == 2026
    assert back.signoff == SignOff("张伟", "李娜", "020-86888888", "2026-01-15", "花都区口岸中心")
    multi, annual = back.units[0].projects
    assert (multi.department, multi.department_code) == ("广州市花都区商务局", "123001")
    assert (multi.attribute, multi.period) == ("新增", "2026年1月-2027年12月")
    assert multi.period_funds == Funds(Decimal("250.00"), Decimal("200.00"), None, Decimal("50.00"))
    assert multi.funds == Funds(Decimal("100.00"), Decimal("80.00"), None, Decimal("20.00"))
    assert (multi.period_goal, multi.goal) == ("两年内完成全部设备更新。", "完成第一批设备更新。")
    assert [(i.period_value, i.annual_value) for i in multi.indicators] == [
        ("≥40台", "≥20台"),
        ("≥10%", "≥5%"),
        ("≥95%", "≥90%"),
    ]
    # printed with 实施期 = 年度, it reads back following 年度 again
    assert (annual.attribute, annual.period) == ("延续", "1年")
    assert annual.period_funds.is_blank() and annual.period_goal == ""


@pytest.mark.parametrize(
    ("written", "name", "code"),
    [
        ("123001-广州市花都区商务局", "广州市花都区商务局", "123001"),
        ("示例局（101）", "示例局", "101"),
    ],
)
def test_department_and_code_in_one_cell_split(
    written: str, name: str, code: str, tmp_path: Path
) -> None:
    path = tmp_path / "forms.xlsx"
    write_path(full_table(), path, "forms")
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value == "广州市花都区商务局（123001）":
                    cell.value = written
    book.save(path)
    back = read_path(path).table
    for _, project in back.iter_projects():
        assert (project.department, project.department_code) == (name, code)


@pytest.mark.parametrize(
    ("extension", "layout"), [(".docx", "forms"), (".xlsx", "forms"), (".txt", "summary")]
)
def test_a_2021_table_comes_back_in_the_2021_set(
    extension: str, layout: str, tmp_path: Path
) -> None:
    from bpeditor.model.taxonomy_sets import table_taxonomy

    project = Project(
        "设备购置",
        Funds(Decimal("10.00"), Decimal("10.00")),
        "目标",
        [
            Indicator("G1", "产出指标", "G11", "数量指标", "台数", "5台", "5台"),
            Indicator("G2", "成本指标", "G21", "经济成本指标", "单价", "≤2万元", "≤2万元"),
            Indicator("G3", "效益指标", "G32", "社会效益指标", "效果", "好", "好"),
            Indicator("G4", "满意度指标", "G41", "服务对象满意度指标", "满意度", "≥90%", "≥90%"),
        ],
    )
    table = Table(reporting_unit="某局", units=[Unit("某局", [project])])
    path = tmp_path / f"guide{extension}"
    write_path(table, path, layout)
    back = read_path(path).table
    codes = [(i.level1, i.level2) for i in back.units[0].projects[0].indicators]
    assert codes == [("G1", "G11"), ("G2", "G21"), ("G3", "G32"), ("G4", "G41")]
    assert table_taxonomy(back).name == "guide-2021"
