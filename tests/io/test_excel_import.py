"""Excel import: every layout with real-world mess, checked against the exact table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from excel_builders import (
    build_form,
    build_rows_sheet,
    build_summary_sheet,
    forms_table,
    new_workbook,
    rows_table,
    set_cached_value,
    to_xls,
)

from bpeditor.cli import main
from bpeditor.io.base import ReadError
from bpeditor.io.excel_reader import (
    LayoutNotRecognised,
    guess_mapping,
    load_sheets,
    read_excel,
    read_excel_with_mapping,
)
from bpeditor.io.registry import format_for_reading, read_path
from bpeditor.io.text import format_summary_text, read_text, summary_rows
from bpeditor.model.table import Table


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> Table:
    """The published sample as the text importer reads it."""
    return read_text(sample_path).table


def _expected_rows() -> Table:
    table = rows_table()
    for unit, project in table.iter_projects():
        project.implementing_unit = unit.name
    return table


def _messages(result) -> list[str]:
    return [str(w) for w in result.warnings]


# ---------------------------------------------------------------------------------------------
# The summary layout


def _summary_book(path: Path, sample: Table, *, hidden_junk: bool = True) -> Path:
    wb = new_workbook()
    build_summary_sheet(wb.create_sheet("绩效目标表"), sample, hidden_junk=hidden_junk)
    other = wb.create_sheet("填表说明")
    other.append(["填表说明"])
    other.append(["1. 金额保留两位小数"])
    wb.save(path)
    return path


def test_summary_sheet_reads_the_sample_exactly(tmp_path: Path, sample: Table) -> None:
    path = _summary_book(tmp_path / "summary.xlsx", sample)
    result = read_path(path)
    assert result.format == "excel"
    assert result.table == sample
    messages = _messages(result)
    assert any(m.startswith("工作表“绩效目标表”第") and "隐藏的行未导入" in m for m in messages)
    assert any("说明文字未导入：注：本表金额单位为万元。" in m for m in messages)
    assert any(m.startswith("工作表“填表说明”") and "已跳过" in m for m in messages)
    assert len(messages) == 3


def test_summary_sheet_as_xls_reads_the_same(tmp_path: Path, sample: Table) -> None:
    source = _summary_book(tmp_path / "summary.xlsx", sample, hidden_junk=False)
    xls = to_xls(source, tmp_path)
    assert xls.read_bytes()[:4] == b"\xd0\xcf\x11\xe0"
    result = read_path(xls)
    assert result.table == sample
    assert len(result.warnings) == 2  # the 注： note and the unrelated sheet


def test_summary_with_amounts_in_yuan_converts_to_wan(tmp_path: Path, sample: Table) -> None:
    wb = new_workbook()
    ws = wb.create_sheet("Sheet1")
    rows = summary_rows(sample)
    for row in rows:
        if row and row[0] == "单位：万元":
            ws.append(["单位：元"])
        elif len(row) == 7 and row[0] != "项目名称（资金使用单位）":
            ws.append([row[0], *(_yuan(c) for c in row[1:5]), *row[5:]])
        else:
            ws.append(row)
    path = tmp_path / "yuan.xlsx"
    wb.save(path)
    result = read_excel(path)
    assert result.table == sample
    assert result.table.money_unit == "万元"
    assert _messages(result) == ["工作表“Sheet1”第 7 行：金额单位为元，已换算为万元（除以 10000）"]


def _yuan(cell: str) -> str:
    return f"{Decimal(cell.replace(',', '')) * 10000:,.2f}" if cell else ""


def test_html_saved_as_xls_reads_the_sample(tmp_path: Path, sample: Table) -> None:
    rows = summary_rows(sample)
    html = [
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
        "<style>td {mso-number-format:'\\@';}</style></head><body>",
        f"<table><tr><td colspan=7>{sample.title}</td></tr></table>",
        "<table border=1>",
    ]
    for row in rows[1:]:
        if row and row[0] == "项目名称（资金使用单位）":
            html.append(
                '<tr><th rowspan="2">项目名称（资金使用单位）</th>'
                '<th colspan="4">预算金额</th><th rowspan=2>绩效目标</th>'
                "<th rowspan=2>绩效指标</th></tr><tr>"
                + "".join(f"<th>{h}</th>" for h in row[1:5])
                + "</tr>"
            )
            continue
        cells = "".join(f"<td>{c.replace(chr(10), '<br>')}&nbsp;</td>" for c in row)
        html.append(f"<tr>{cells}</tr>")
    html.append('<tr style="display:none"><td>隐藏项目</td><td>1</td></tr></table></body></html>')
    path = tmp_path / "web.xls"
    path.write_bytes("\n".join(html).encode("gb18030"))
    result = read_path(path)
    assert result.table == sample
    assert [w.message for w in result.warnings] == ["隐藏的行未导入：隐藏项目；1"]


def test_text_saved_as_xls_goes_to_the_text_importer(tmp_path: Path, sample: Table) -> None:
    path = tmp_path / "exported.xls"
    path.write_bytes(format_summary_text(sample).encode("gb18030"))
    assert format_for_reading(path, path.read_bytes()[:8192]).name == "excel"
    result = read_path(path)
    assert result.table == sample
    assert [w.message for w in result.warnings] == ["文件实际是文本（制表符分隔），已按文本导入"]


# ---------------------------------------------------------------------------------------------
# One row per indicator


def _rows_book(path: Path, *, split: bool, yuan: bool, formulas: bool = False) -> Path:
    wb = new_workbook()
    ws = wb.create_sheet("指标明细")
    build_rows_sheet(ws, rows_table(), in_yuan=yuan, split_values=split)
    if formulas:
        # 信息系统建设's 总计 as a formula (cached below) and one uncached formula in a note cell
        top = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 3).value == "信息系统建设")
        ws.cell(top, 4).value = f"=E{top}"
        ws.cell(ws.max_row + 2, 1).value = "=1+1"
    wb.save(path)
    if formulas:
        set_cached_value(path, "xl/worksheets/sheet1.xml", f"D{top}", "16646900")
    return path


def test_rows_with_split_values_in_yuan_merged_groups(tmp_path: Path) -> None:
    path = _rows_book(tmp_path / "rows.xlsx", split=True, yuan=True, formulas=True)
    result = read_path(path)
    expected = _expected_rows()
    assert result.table.units == expected.units
    assert result.table.title == expected.title
    assert result.table.reporting_unit == expected.reporting_unit
    assert result.table.money_unit == "万元"
    messages = _messages(result)
    assert "工作表“指标明细”第 4 行：金额单位为元，已换算为万元（除以 10000）" in messages
    assert (
        "指标明细!A17：公式没有缓存的计算结果，已读为空；请在 Excel/WPS 中打开并保存后再导入"
        in (messages)
    )
    assert "工作表“指标明细”第 15 行：说明文字未导入：注：本表由各单位填报。" in messages
    assert len(messages) == 3


def test_rows_with_period_and_annual_columns(tmp_path: Path) -> None:
    path = _rows_book(tmp_path / "rows.xlsx", split=False, yuan=False)
    result = read_excel(path)
    assert result.table.units == _expected_rows().units
    assert _messages(result) == ["工作表“指标明细”第 14 行：说明文字未导入：注：本表由各单位填报。"]


def test_rows_as_xls(tmp_path: Path) -> None:
    source = _rows_book(tmp_path / "rows.xlsx", split=True, yuan=True)
    result = read_path(to_xls(source, tmp_path))
    assert result.table.units == _expected_rows().units


def test_single_value_column_every_row_filled_two_sheets_and_hidden_rows(tmp_path: Path) -> None:
    """一级|二级|三级|指标值 with the project on every row, numbers as text; two recognised
    sheets (one unit each) and an unrelated one; a hidden row is left out with a warning."""
    expected = _expected_rows()
    wb = new_workbook()
    for unit in expected.units:
        ws = wb.create_sheet(unit.name)
        ws.append([f"{unit.name}项目绩效指标"])
        ws.append(["单位：万元"])
        ws.append(
            ["项目名称", "资金使用单位", "金额", "一级指标", "二级指标", "三级指标", "指标值"]
        )
        for project in unit.projects:
            for ind in project.indicators:
                ws.append(
                    [
                        project.name,
                        unit.name,
                        f"{project.funds.total:,}",
                        ind.level1_label,
                        ind.level2_label,
                        ind.name,
                        ind.annual_value,
                    ]
                )
                if ind.name == "维护设备数量":
                    ws.append([project.name, unit.name, "", "产出指标", "数量指标", "已删除", "1"])
                    ws.row_dimensions[ws.max_row].hidden = True
            project.funds.fiscal = project.funds.other = None
            project.goal = ""
            for ind in project.indicators:
                ind.period_value = ind.annual_value
    wb.create_sheet("Sheet3")
    wb.create_sheet("代码表").append(["001", "产出指标"])
    path = tmp_path / "two.xlsx"
    wb.save(path)
    result = read_excel(path)
    assert result.table.units == expected.units
    assert _messages(result) == [
        "工作表“花都区某中心”第 5 行：隐藏的行未导入："
        "口岸设备运维；花都区某中心；产出指标；数量指标；已删除；1",
        "工作表“代码表”：找不到表头，不是绩效目标表，已跳过",
    ]


# ---------------------------------------------------------------------------------------------
# Per-project forms


def _expected_forms() -> Table:
    table = forms_table()
    table.title = "项目支出绩效目标表"
    table.year = 2024
    for _, project in table.iter_projects():
        project.department = "广州市花都区某局"  # 主管部门及代码 split into name and code
        project.department_code = "123001"
        project.implementing_unit = ""  # a form's 实施单位 is its project's unit
    return table


def test_forms_one_per_sheet_and_stacked(tmp_path: Path) -> None:
    table = forms_table()
    a, b, c = (p for _, p in table.iter_projects())
    wb = new_workbook()
    build_form(wb.create_sheet("项目1"), a, title=True)
    stacked = wb.create_sheet("项目2和3")
    build_form(stacked, b, title=True)
    stacked.append([])
    stacked.append(["单位负责人：张三", None, "填报人：李四"])
    build_form(stacked, c, title=True)
    path = tmp_path / "forms.xlsx"
    wb.save(path)
    result = read_path(path)
    expected = _expected_forms()
    expected.signoff.head, expected.signoff.preparer = "张三", "李四"
    assert result.table == expected
    assert result.warnings == []


# ---------------------------------------------------------------------------------------------
# Unrecognised layouts and the user's mapping


def _odd_book(path: Path) -> Path:
    wb = new_workbook()
    ws = wb.create_sheet("自编表")
    ws.append(["某单位自编指标表"])
    ws.append(["项目", "金额（元）", "大类", "小类", "指标", "要求"])
    ws.append(["口岸设备运维", "1,234,567", "产出指标", "数量指标", "维护设备数量", "≥100台"])
    ws.append([None, None, None, "质量指标", "设备正常运行率", "≥98%"])
    wb.save(path)
    return path


def test_unrecognised_layout_names_sheet_and_header_row(tmp_path: Path) -> None:
    path = _odd_book(tmp_path / "odd.xlsx")
    with pytest.raises(LayoutNotRecognised) as caught:
        read_excel(path)
    error = caught.value
    assert isinstance(error, ReadError)
    assert error.sheet == "自编表"
    assert error.header_row == 1
    assert error.columns == ["项目", "金额（元）", "大类", "小类", "指标", "要求"]
    assert "工作表“自编表”第 2 行的表头无法对应" in str(error)
    assert main(["check", str(path)]) == 2


def test_read_with_a_user_mapping(tmp_path: Path) -> None:
    path = _odd_book(tmp_path / "odd.xlsx")
    grid = load_sheets(path).sheets[0]
    assert grid.name == "自编表"
    assert guess_mapping(grid, 1) == {0: "project", 1: "total"}
    mapping = {0: "project", "B": "total", 2: "level1", 3: "level2", 4: "name", 5: "value"}
    result = read_excel_with_mapping(path, "自编表", 1, mapping)
    table = result.table
    assert table.money_unit == "万元"
    assert [u.name for u in table.units] == [""]
    (project,) = table.units[0].projects
    assert project.name == "口岸设备运维"
    assert project.funds.total == Decimal("123.4567")
    assert [
        (i.level1, i.level2, i.name, i.period_value, i.annual_value) for i in project.indicators
    ] == [
        ("1", "11", "维护设备数量", "≥100台", "≥100台"),
        ("1", "12", "设备正常运行率", "≥98%", "≥98%"),
    ]
    assert _messages(result) == ["工作表“自编表”第 2 行：金额单位为元，已换算为万元（除以 10000）"]


def test_mapping_summary_layout_and_bad_mappings(tmp_path: Path, sample: Table) -> None:
    wb = new_workbook()
    ws = wb.create_sheet("S")
    for row in summary_rows(sample):
        ws.append(
            ["甲", "乙", "丙", "丁", "戊", "己", "庚"]
            if row and row[0].startswith("项目名称")
            else row
        )
    path = tmp_path / "s.xlsx"
    wb.save(path)
    with pytest.raises(LayoutNotRecognised):
        read_excel(path)
    mapping = dict(
        enumerate(("project", "total", "fiscal", "special_account", "other", "goal", "indicators"))
    )
    assert read_excel_with_mapping(path, 0, 6, mapping).table == sample
    with pytest.raises(ReadError, match="未知的栏目"):
        read_excel_with_mapping(path, "S", 6, {0: "项目"})
    with pytest.raises(ReadError, match="不止一列"):
        read_excel_with_mapping(path, "S", 6, {0: "name", 1: "name"})
    with pytest.raises(ReadError, match="没有工作表"):
        read_excel_with_mapping(path, "T", 6, mapping)
    with pytest.raises(ReadError, match="至少指定"):
        read_excel_with_mapping(path, "S", 6, {0: "project"})


def test_a_merged_title_naming_the_indicators_is_not_taken_for_a_header(tmp_path: Path) -> None:
    """A title such as 某局2025年项目绩效指标一览 over a 单位名称 line is no header row."""
    wb = new_workbook()
    ws = wb.create_sheet("自编表")
    ws.append(["某局2025年项目绩效指标一览"])
    ws.merge_cells("A1:F1")
    ws.append(["单位名称：某局"])
    ws.append([])
    ws.append(["项目", "金额（元）", "大类", "小类", "指标", "要求"])
    ws.append(["口岸设备运维", "1,234,567", "产出指标", "数量指标", "维护设备数量", "≥100台"])
    wb.save(tmp_path / "title.xlsx")
    with pytest.raises(LayoutNotRecognised) as caught:
        read_excel(tmp_path / "title.xlsx")
    assert caught.value.header_row == 3
