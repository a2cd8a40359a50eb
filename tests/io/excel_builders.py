"""Messy workbooks as clerks keep them, built with openpyxl for the Excel import tests."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet
from rendering import convert

from bpeditor.io.text import HEADER
from bpeditor.model.table import Funds, Indicator, Project, Table, Unit


def _fmt_amount(amount: Decimal | None, *, as_text: bool) -> str | float | None:
    if amount is None:
        return None
    return f"{amount:,.2f}" if as_text else float(amount)


def build_summary_sheet(ws: Worksheet, table: Table, *, hidden_junk: bool = True) -> None:
    """The summary layout with its mess: merged title, 单位名称/单位 lines, a two-row header,
    blank rows, numbers as text and as numbers, a hidden row and a 注： note."""
    ws.append([])  # a blank first row: calamine must keep it for the merges to fit
    ws.append([table.title])
    ws.merge_cells("A2:G2")
    ws.append([])
    ws.append([f"单位名称：{table.reporting_unit}", None, None, None, None, "单位：万元"])
    ws.append(["项目名称（资金使用单位）", "预算金额", None, None, None, "绩效目标", "绩效指标"])
    ws.append([None, *HEADER[1:5]])
    ws.merge_cells("B5:E5")
    for col in "AFG":
        ws.merge_cells(f"{col}5:{col}6")
    total = table.funds()
    ws.append(["合计", *(_fmt_amount(getattr(total, f), as_text=True) for f in _SOURCES)])
    for u, unit in enumerate(table.units):
        funds = unit.funds()
        ws.append([unit.name, *(_fmt_amount(getattr(funds, f), as_text=False) for f in _SOURCES)])
        for p, project in enumerate(unit.projects):
            from bpeditor.io.indicator_codec import format_indicators

            as_text = (u + p) % 2 == 0
            amounts = [_fmt_amount(getattr(project.funds, f), as_text=as_text) for f in _SOURCES]
            cells = [project.name, *amounts, project.goal, format_indicators(project.indicators)]
            ws.append(cells)
            if p == 1:
                ws.append([])  # a page break left as a blank row
            if p == 2 and hidden_junk:
                ws.append(["作废项目（已隐藏）", 1, 1, None, None, "旧目标", "旧指标"])
                ws.row_dimensions[ws.max_row].hidden = True
    ws.append([])
    ws.append(["注：本表金额单位为万元。"])


_SOURCES = ("total", "fiscal", "special_account", "other")


# ---------------------------------------------------------------------------------------------
# One row per indicator


def rows_table() -> Table:
    """The table the row-per-indicator workbook holds (amounts in 万元)."""
    return Table(
        title="2024年部门项目支出绩效目标表",
        reporting_unit="广州市花都区某局",
        units=[
            Unit(
                "花都区某中心",
                [
                    Project(
                        name="口岸设备运维",
                        funds=Funds(Decimal("123.4567"), Decimal("100"), None, Decimal("23.4567")),
                        goal="保障口岸设备正常运行",
                        indicators=[
                            _ind(
                                "1",
                                "产出指标",
                                "11",
                                "数量指标",
                                "维护设备数量",
                                "≥120台",
                                "≥100台",
                            ),
                            _ind(
                                "1", "产出指标", "12", "质量指标", "设备正常运行率", "≥98%", "≥98%"
                            ),
                            _ind(
                                "2",
                                "效益指标",
                                "22",
                                "社会效益指标",
                                "通关效率",
                                "有效提升",
                                "有效提升",
                            ),
                            _ind(
                                "3",
                                "满意度指标",
                                "31",
                                "服务对象满意度指标",
                                "满意度",
                                "≥90%",
                                "≥95%",
                            ),
                        ],
                    ),
                    Project(
                        name="查验场地租赁",
                        funds=Funds(Decimal("50"), Decimal("50")),
                        goal="租赁查验场地",
                        indicators=[
                            _ind("1", "产出指标", "13", "时效指标", "租赁期", "12个月", "12个月"),
                            _ind(
                                "2", "效益指标", "24", "可持续影响指标", "场地保障", "长期", "长期"
                            ),
                        ],
                    ),
                ],
            ),
            Unit(
                "花都区某所",
                [
                    Project(
                        name="信息系统建设",
                        funds=Funds(Decimal("1664.69"), Decimal("1664.69")),
                        goal="建成系统",
                        indicators=[
                            _ind("1", "产出指标", "11", "数量指标", "系统模块", "＝5个", "＝3个"),
                            _ind(
                                "3",
                                "满意度指标",
                                "31",
                                "服务对象满意度指标",
                                "用户满意度",
                                "≥85%",
                                "≥85%",
                            ),
                        ],
                    ),
                ],
            ),
        ],
    )


def _ind(*fields: str) -> Indicator:
    """An indicator from its 一级 code and label, 二级 code and label, name and two values."""
    return Indicator(*fields)


_SPLIT = re.compile(r"^(≥|≤|＝|＞|＜)?(\d[\d.,]*)?(.*)$")


def _split_value(value: str) -> tuple[str, str | float, str]:
    """``≥98%`` as sign ``≥``, value 98 (a number) and unit ``%``; 定性 text stays whole."""
    match = _SPLIT.match(value)
    assert match is not None
    sign, number, unit = match.groups()
    if number is None:
        return "定性", value, ""
    return sign or "", float(number), unit


def build_rows_sheet(  # noqa: PLR0915 - one builder keeps the layout readable
    ws: Worksheet, table: Table, *, in_yuan: bool, split_values: bool
) -> None:
    """One row per indicator: title, 单位名称 line, blank rows, unit/project/amounts merged down
    their group (or on the group's first row only), 一级/二级 merged down, sign/value/unit in
    separate columns under 实施期/年度 group headers, amounts in 元 as text."""
    ws.append([table.title])
    ws.append([f"单位名称：{table.reporting_unit}"])
    ws.append([])
    money = "（元）" if in_yuan else "（万元）"
    if split_values:
        ws.append(
            [
                "序号",
                "资金使用单位",
                "项目名称",
                f"项目资金{money}",
                "其中：财政拨款",
                "其他资金",
                "年度绩效目标",
                "一级指标",
                "二级指标",
                "三级指标",
                "实施期指标值",
                None,
                None,
                "年度指标值",
                None,
                None,
                "备注",
            ]
        )
        ws.append([None] * 10 + ["计算符号", "指标值", "计量单位"] * 2)
        for col in "ABCDEFGHIJQ":
            ws.merge_cells(f"{col}4:{col}5")
        ws.merge_cells("K4:M4")
        ws.merge_cells("N4:P4")
    else:
        ws.append(
            [
                "序号",
                "资金使用单位",
                "项目名称",
                f"项目资金{money}",
                "其中：财政拨款",
                "其他资金",
                "年度绩效目标",
                "一级指标",
                "二级指标",
                "三级指标",
                "实施周期指标值",
                "年度指标值",
                "备注",
            ]
        )
    row = ws.max_row + 1
    number = 0
    for unit in table.units:
        unit_top = row
        for p, project in enumerate(unit.projects):
            top = row
            l1_top = l2_top = row
            for i, ind in enumerate(project.indicators):
                number += 1
                cells: list[object] = [number]
                first = i == 0
                scale = Decimal(10000) if in_yuan else Decimal(1)
                amounts = [
                    None if a is None else f"{a * scale:,.2f}" if in_yuan else float(a)
                    for a in (project.funds.total, project.funds.fiscal, project.funds.other)
                ]
                cells += [unit.name if (first and p == 0) else None]
                cells += [project.name if first else None, *(amounts if first else [None] * 3)]
                cells += [project.goal if first else None]
                prev = project.indicators[i - 1] if i else None
                new_l1 = prev is None or prev.level1 != ind.level1
                new_l2 = prev is None or prev.level2 != ind.level2
                cells += [f"{ind.level1_label}" if new_l1 else None]
                cells += [ind.level2_label if new_l2 else None, ind.name]
                if split_values:
                    for value in (ind.period_value, ind.annual_value):
                        cells += list(_split_value(value))
                else:
                    cells += [ind.period_value, ind.annual_value]
                cells += [ind.note or None]
                for c, value in enumerate(cells, start=1):
                    ws.cell(row, c, value)
                if new_l1 and i:
                    _merge_down(ws, 8, l1_top, row - 1)
                    l1_top = row
                if new_l2 and i:
                    _merge_down(ws, 9, l2_top, row - 1)
                    l2_top = row
                row += 1
            _merge_down(ws, 8, l1_top, row - 1)
            _merge_down(ws, 9, l2_top, row - 1)
            if p % 2 == 0:  # merged down the group; the other projects fill the first row only
                for col in (3, 4, 5, 6, 7):
                    _merge_down(ws, col, top, row - 1)
        _merge_down(ws, 2, unit_top, row - 1)
    ws.append([])
    ws.append(["注：本表由各单位填报。"])


def _merge_down(ws: Worksheet, col: int, top: int, bottom: int) -> None:
    if bottom > top:
        ws.merge_cells(start_row=top, start_column=col, end_row=bottom, end_column=col)


# ---------------------------------------------------------------------------------------------
# Per-project forms


def forms_table() -> Table:
    """The table the forms workbook holds: two projects of one 实施单位, one of another."""
    rows = rows_table()
    a, b = rows.units[0].projects
    c = rows.units[1].projects[0]
    for project, unit in ((a, "花都区某中心"), (b, "花都区某中心"), (c, "花都区某所")):
        project.department = "广州市花都区某局"
        project.implementing_unit = unit
        project.attribute = "延续项目"
        project.period = "1年"
        project.period_funds = Funds(
            project.funds.total, project.funds.fiscal, None, project.funds.other
        )
        project.period_goal = f"{project.goal}（实施期）"
    return Table(
        title="项目支出绩效目标申报表",
        reporting_unit="广州市花都区某局",
        units=[Unit("花都区某中心", [a, b]), Unit("花都区某所", [c])],
    )


def build_form(ws: Worksheet, project: Project, *, title: bool) -> None:
    """One 项目支出绩效目标申报表 below the sheet's last row: fields, 项目资金, 总体目标, grid."""
    if title:
        ws.append(["项目支出绩效目标申报表"])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=8)
        ws.append(["（2024年度）"])
    ws.append([])
    ws.append(["项目名称", project.name, None, None, None, None, None, None])
    ws.append(
        [
            "主管部门及代码",
            f"{project.department}（123001）",
            None,
            None,
            "实施单位",
            project.implementing_unit,
        ]
    )
    ws.append(["项目属性", project.attribute, None, None, "项目期", project.period])
    ws.append(["项目资金（万元）", None, "实施期资金总额", None, None, "年度资金总额"])
    funds = ws.max_row
    for label, field in (
        ("资金总额", "total"),
        ("其中：财政拨款", "fiscal"),
        ("其他资金", "other"),
    ):
        period = getattr(project.period_funds, field)
        annual = getattr(project.funds, field)
        ws.append(
            [
                None,
                label,
                None if period is None else f"{period}",
                None,
                None,
                None if annual is None else float(annual),
            ]
        )
    ws.merge_cells(start_row=funds, start_column=1, end_row=ws.max_row, end_column=1)
    ws.append(["总体目标", "实施期目标", None, None, None, "年度目标"])
    goal = ws.max_row
    ws.append([None, project.period_goal, None, None, None, project.goal])
    ws.merge_cells(start_row=goal, start_column=1, end_row=ws.max_row, end_column=1)
    ws.append(
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "实施期指标值",
            "一级指标",
            "二级指标",
            "三级指标",
        ]
    )
    ws.cell(ws.max_row, 9, "年度指标值")
    top = ws.max_row
    l1_top = l2_top = top + 1
    for i, ind in enumerate(project.indicators):
        prev = project.indicators[i - 1] if i else None
        new_l1 = prev is None or prev.level1 != ind.level1
        new_l2 = prev is None or prev.level2 != ind.level2
        r = ws.max_row + 1
        if new_l1 and i:
            for col in (2, 6):
                _merge_down(ws, col, l1_top, r - 1)
            l1_top = r
        if new_l2 and i:
            for col in (3, 7):
                _merge_down(ws, col, l2_top, r - 1)
            l2_top = r
        l1 = f"{ind.level1}-{ind.level1_label}" if new_l1 else None
        l2 = ind.level2_label if new_l2 else None
        ws.append([None, l1, l2, ind.name, ind.period_value, l1, l2, ind.name, ind.annual_value])
    r = ws.max_row + 1
    for col in (2, 6):
        _merge_down(ws, col, l1_top, r - 1)
    for col in (3, 7):
        _merge_down(ws, col, l2_top, r - 1)
    _merge_down(ws, 1, top, r - 1)


# ---------------------------------------------------------------------------------------------
# Patching and converting files


def set_cached_value(path: Path, part: str, cell: str, value: str) -> None:
    """Give a formula cell written by openpyxl (which stores no result) a cached value."""
    with zipfile.ZipFile(path) as source:
        members = {info.filename: source.read(info) for info in source.infolist()}
    xml = members[part].decode("utf-8")
    pattern = re.compile(rf'(<c r="{cell}"[^>]*>\s*<f>[^<]*</f>)\s*<v\s*>\s*</v>')
    xml, count = pattern.subn(rf"\g<1><v>{value}</v>", xml)
    assert count == 1, f"no uncached formula at {cell}"
    members[part] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in members.items():
            target.writestr(name, data)


def to_xls(source: Path, out_dir: Path) -> Path:
    """Convert a workbook to .xls with LibreOffice (the test fails if it is not installed)."""
    return convert(source, out_dir, "xls")


def new_workbook() -> openpyxl.Workbook:
    """An empty workbook whose first sheet is removed (tests add named sheets)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    return wb
