"""Every format and layout bpeditor writes reads back as the table it was written from.

Exported to .bpe, .txt, .docx (summary, forms) and .xlsx (summary, forms) and imported again,
a table comes back identical, except for what a layout does not print (also in
``docs/excel-layouts.md`` and ``docs/word.md``, "What survives a round trip"):

- summary layouts (.txt, .docx and .xlsx summary): the year; the per-project form's fields
  (主管部门, 实施单位, 项目属性, 项目期, the 实施期 amounts and the 实施期目标); an indicator's
  指标值确定依据, 指标解释 and 备注.
- per-project forms (.docx and .xlsx forms): the table's title (a form prints its own,
  项目支出绩效目标申报表, so the default title comes back); an indicator's 确定依据, 解释 and
  备注; a 实施单位 (the form's 实施单位 is the project's unit: the project's own field comes
  back blank); units without projects; the order of the indicators, which the forms print
  grouped by 一级 then 二级 in the taxonomy's order (each class's own order kept). A 主管部门
  comes back as printed (`名称（代码）` → name and code). A one-year project whose 实施期 follows
  its 年度 prints its 实施期 filled in from 年度 and reads back following 年度 again.
- .docx (both layouts) and the forms of .xlsx print a blank 总计 as its sources' sum, which
  comes back; .txt and the .xlsx summary keep it blank.
- .bpe: nothing is lost.
"""

from __future__ import annotations

import copy
import sys
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from bpeditor.io.registry import read_path, write_path
from bpeditor.io.text import HEADER, read_text
from bpeditor.model.table import DEFAULT_TITLE, Funds, Indicator, Project, SignOff, Table, Unit

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "bench"))
from generate import make_table  # noqa: E402 - the benchmark's generator, found on its path

LAYOUTS = [
    (".bpe", "summary"),
    (".txt", "summary"),
    (".docx", "summary"),
    (".docx", "forms"),
    (".xlsx", "summary"),
    (".xlsx", "forms"),
]


def rich_table() -> Table:
    """The benchmark's S table (two units, 10 projects) with every field a layout may carry."""
    table = make_table("S")
    first, second, third, fourth = (p for _, p in list(table.iter_projects())[:4])
    # amounts from every source, and a project whose 总计 is left blank
    first.funds = Funds(Decimal("128.50"), Decimal("100.00"), Decimal("20.00"), Decimal("8.50"))
    second.funds = Funds(None, Decimal("75.73"), None, Decimal("1000.00"))
    # the per-project form's fields, with a 主管部门 of its own and one equal to the defaults
    first.department, first.department_code = "广州市花都区财政局", "123001"
    first.attribute = "延续"
    first.period = "2024年1月-2026年12月"
    first.period_funds = Funds(
        Decimal("385.50"), Decimal("300.00"), Decimal("60.00"), Decimal("25.50")
    )
    first.period_goal = "三年内保障设施设备安全稳定运行。\n逐年提升服务水平。"
    third.department = table.reporting_unit
    third.implementing_unit = table.units[0].name
    third.attribute = "新增"
    fourth.goal = "=按时足额支付费用，确保正常运作"  # formula-like text stays text
    # indicators' 确定依据, 解释 and 备注
    indicator = first.indicators[0]
    indicator.basis, indicator.explanation, indicator.note = "计划标准", "按月统计", "无"
    first.indicators.append(
        Indicator("3", "满意度指标", "31", "服务对象满意度", "群众满意度", "≥90%", "≥95%")
    )
    return table


def clear_indicator_extras(table: Table) -> None:
    """Clear every indicator's 确定依据, 解释 and 备注 (no summary or form prints them)."""
    for _, project in table.iter_projects():
        for indicator in project.indicators:
            indicator.basis = indicator.explanation = indicator.note = ""


def summary_view(table: Table) -> Table:
    """What the summary layout carries: no year, no per-project form fields."""
    view = copy.deepcopy(table)
    view.year = None
    clear_indicator_extras(view)
    for _, project in view.iter_projects():
        project.department = project.implementing_unit = project.department_code = ""
        project.attribute = project.period = project.period_goal = ""
        project.period_funds = Funds()
    return view


def forms_view(table: Table) -> Table:
    """What the per-project forms carry (see the module's docstring)."""
    view = copy.deepcopy(table)
    view.title = DEFAULT_TITLE
    clear_indicator_extras(view)
    view.units = [unit for unit in view.units if unit.projects]
    for _, project in view.iter_projects():
        project.implementing_unit = ""
        # the forms print each 一级 as one block, 二级 in the taxonomy's order within it
        project.indicators.sort(key=lambda i: FORM_ORDER.index(i.level2))
    return view


FORM_ORDER = ["11", "12", "13", "14", "21", "22", "23", "24", "31"]
"""The official 二级 classes in the order the forms print them."""


def expected(table: Table, extension: str, layout: str) -> Table:
    """The table as a layout carries it."""
    if extension == ".bpe":
        return table
    view = forms_view(table) if layout == "forms" else summary_view(table)
    if extension == ".docx" or layout == "forms":  # a blank 总计 prints as the sources' sum
        for _, project in view.iter_projects():
            for funds in (project.funds, project.period_funds):
                funds.total = funds.effective_total()
    return view


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> Table:
    return read_text(sample_path).table


def round_trip(table: Table, path: Path, layout: str) -> Table:
    write_path(table, path, layout)
    result = read_path(path)
    assert result.warnings == []
    return result.table


@pytest.mark.parametrize(("extension", "layout"), LAYOUTS)
def test_the_sample_round_trips(extension: str, layout: str, sample: Table, tmp_path: Path) -> None:
    """The sample comes back identical in every summary layout; forms lose only the title."""
    back = round_trip(sample, tmp_path / f"sample{extension}", layout)
    assert back == expected(sample, extension, layout)
    if layout == "summary":
        assert back == sample
    else:
        assert back == Table(**{**vars(sample), "title": DEFAULT_TITLE})


@pytest.mark.parametrize(("extension", "layout"), LAYOUTS)
def test_a_rich_table_round_trips(extension: str, layout: str, tmp_path: Path) -> None:
    """Several units, all funding sources, form fields, sign-off: back as far as carried."""
    table = rich_table()
    back = round_trip(table, tmp_path / f"rich{extension}", layout)
    assert back == expected(table, extension, layout)
    assert back.signoff == SignOff("张伟", "李娜", "020-86888888", "2025-01-15")
    first = back.units[0].projects[0]
    assert first.funds.special_account == Decimal("20.00")
    if layout == "forms":
        assert (first.department, first.department_code) == ("广州市花都区财政局", "123001")
        assert first.period_funds.other == Decimal("25.50")
        assert back.year == 2025


def test_forms_other_sources_come_back_in_their_own_funds(tmp_path: Path) -> None:
    """The 其中 lines (label | 实施期 amount | label | 年度 amount) with blank 实施期 amounts."""
    project = Project(
        "某项目",
        Funds(Decimal("10.00"), Decimal("6.00"), Decimal("3.00"), Decimal("1.00")),
        "目标",
        [
            Indicator("1", "产出指标", "11", "数量指标", "次数", "1次", "1次"),
            # a form ending without 满意度 reads as cut off (a warning): the usual blocks
            Indicator("3", "满意度指标", "31", "服务对象满意度指标", "满意度", "≥90%", "≥90%"),
        ],
    )
    table = Table(reporting_unit="某局", units=[Unit("某局", [project])])
    for extension in (".xlsx", ".docx"):
        back = round_trip(table, tmp_path / f"funds{extension}", "forms")
        assert back.units[0].projects[0].funds == project.funds
        assert back.units[0].projects[0].period_funds == Funds()


# ---------------------------------------------------------------- the summary's sign-off line


def summary_book(path: Path, signoff_rows: list[list[str | None]]) -> Path:
    """A plain summary sheet with one project, then the given rows below it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目支出绩效目标表"])
    ws.append(["单位名称：某局", None, None, None, None, None, "单位：万元"])
    ws.append(list(HEADER))
    ws.append(["合计", 1, 1])
    ws.append(["某局", 1, 1])
    ws.append(
        [
            "某项目",
            1,
            1,
            None,
            None,
            "目标",
            "1、1-产出指标；11-数量指标；次数；实施周期指标值:1次；年度指标值:1次。",
        ]
    )
    ws.append([])
    for row in signoff_rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize(
    "rows",
    [
        [["单位负责人：张伟    填报人：李娜    联系电话：020-1    填报日期：2025-01-15"]],
        [
            [
                "单位负责人：张伟",
                None,
                "填报人：李娜",
                None,
                None,
                "联系电话：020-1",
                "填报日期：2025-01-15",
            ]
        ],
    ],
    ids=["one-cell", "across-cells"],
)
def test_summary_signoff_in_one_cell_or_across_cells(
    rows: list[list[str | None]], tmp_path: Path
) -> None:
    """A filled sign-off line below the table is the sign-off, not a project."""
    result = read_path(summary_book(tmp_path / "s.xlsx", rows))
    assert result.warnings == []
    assert result.table.project_count() == 1
    assert result.table.signoff == SignOff("张伟", "李娜", "020-1", "2025-01-15")


def test_wrapped_labels_of_an_excel_form(tmp_path: Path) -> None:
    """Labels with manual line breaks (主管部门\\n及代码, 项目资金\\n（万元）, 二级) still match."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目支出绩效目标申报表"])
    ws.append(["填报单位：某局"])
    ws.append(["项目名称", "某项目"])
    ws.append(["主管部门\n及代码", "某委员会", None, "实施\n单位", "某所"])
    ws.append(["项目资金\n（万元）", "实施期资金\n总额", None, 30, "年度资金\n总额", 10])
    ws.append([None, "其中：财政\n拨款", None, 30, "其中：财政\n拨款", 10])
    ws.append(["总体\n目标", "实施期\n目标", None, None, "年度\n目标"])
    ws.append([None, "三年内完成。", None, None, "全年完成。"])
    ws.append(
        ["绩效\n指标", "一级\n指标", "二级\n指标", "三级\n指标", "实施期\n指标值", "年度\n指标值"]
    )
    ws.append([None, "满意度\n指标", "服务对象\n满意度指标", "满意度", "≥90%", "≥95%"])
    ws.merge_cells("A5:A6")
    ws.merge_cells("A7:A8")
    ws.merge_cells("A9:A10")
    wb.save(tmp_path / "wrapped.xlsx")
    result = read_path(tmp_path / "wrapped.xlsx")
    assert result.warnings == []
    (unit,) = result.table.units
    (project,) = unit.projects
    assert (unit.name, project.department, project.implementing_unit) == ("某所", "某委员会", "")
    assert project.funds == Funds(Decimal(10), Decimal(10))
    assert project.period_funds == Funds(Decimal(30), Decimal(30))
    assert (project.period_goal, project.goal) == ("三年内完成。", "全年完成。")
    assert project.indicators == [
        Indicator("3", "满意度指标", "31", "服务对象满意度指标", "满意度", "≥90%", "≥95%")
    ]
