"""Excel export: the summary layout and the per-project forms, print-ready, read back."""

from __future__ import annotations

import re
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from rendering import check_printed_sample

from bpeditor.io.base import WriteError
from bpeditor.io.indicator_codec import format_indicators, parse_indicators
from bpeditor.io.registry import read_path
from bpeditor.io.text import HEADER, read_text
from bpeditor.io.xlsx_writer import (
    AMOUNT_FORMAT,
    MAX_ROW_HEIGHT,
    level_groups,
    sheet_names,
    text_units,
    write_xlsx_forms,
    write_xlsx_summary,
)
from bpeditor.model.table import Funds, Indicator, Project, SignOff, Table, Unit

FIRST_DATA_ROW = 4  # 1-based: title, unit line, header, then 合计


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> Table:
    return read_text(sample_path).table


@pytest.fixture(scope="module")
def summary_xlsx(sample: Table, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx-summary") / "summary.xlsx"
    write_xlsx_summary(sample, path)
    return path


@pytest.fixture(scope="module")
def forms_xlsx(sample: Table, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx-forms") / "forms.xlsx"
    write_xlsx_forms(sample, path)
    return path


@pytest.fixture(scope="module")
def summary_sheet(summary_xlsx: Path) -> Worksheet:
    return openpyxl.load_workbook(summary_xlsx).active


NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def bordered_cells(xlsx: Path, sheet: int) -> set[str]:
    """The cells of a sheet whose own style, as stored, has thin borders on all four sides.

    openpyxl rebuilds the borders of merged cells from the range's first cell, edges only, so
    the file's XML is read instead.
    """
    with zipfile.ZipFile(xlsx) as z:
        styles = ElementTree.fromstring(z.read("xl/styles.xml"))
        xml = ElementTree.fromstring(z.read(f"xl/worksheets/sheet{sheet}.xml"))
    thin = [
        all(
            (side := border.find(f"m:{name}", NS)) is not None and side.get("style") == "thin"
            for name in ("left", "right", "top", "bottom")
        )
        for border in styles.find("m:borders", NS)
    ]
    xfs = [int(xf.get("borderId", 0)) for xf in styles.find("m:cellXfs", NS)]
    return {c.get("r") for c in xml.iter(f"{{{NS['m']}}}c") if thin[xfs[int(c.get("s", 0))]]}


def project_rows(sample: Table, ws: Worksheet) -> list[tuple[int, Unit, Project | None]]:
    """The sheet row (1-based) of each unit row (project None) and each project's first row.

    A project cut at a page end goes on in rows named ``名称（续）``, which are skipped here.
    """
    rows, row = [], FIRST_DATA_ROW
    for unit in sample.units:
        row += 1
        rows.append((row, unit, None))
        for project in unit.projects:
            row += 1
            rows.append((row, unit, project))
            while row < ws.max_row and ws.cell(row + 1, 1).value == f"{project.name}（续）":
                row += 1
    return rows


def whole_project_texts(ws: Worksheet, row: int, col: int) -> str:
    """A project's goal or indicator text over its first row and its （续） rows."""
    name = ws.cell(row, 1).value
    parts = [ws.cell(row, col).value or ""]
    while row < ws.max_row and ws.cell(row + 1, 1).value == f"{name}（续）":
        row += 1
        parts.append(ws.cell(row, col).value or "")
    return ("\n" if col == 7 else "").join(p for p in parts if p or col != 7)


# ---------------------------------------------------------------- the summary layout


def test_summary_title_unit_line_and_header(sample: Table, summary_sheet: Worksheet) -> None:
    ws = summary_sheet
    assert ws.title == "绩效目标表"
    assert ws["A1"].value == sample.title == "项目支出绩效目标表（含转移支付项目）"
    assert [str(r) for r in ws.merged_cells.ranges] == ["A1:G1"]
    assert ws["A1"].alignment.horizontal == "center"
    assert ws["A1"].font.sz > ws["A4"].font.sz
    assert ws["A2"].value == "单位名称：广州市花都区口岸服务保障中心"
    assert ws["G2"].value == "单位：万元"
    assert ws["G2"].alignment.horizontal == "right"
    header = [ws.cell(3, col).value.replace("\n", "") for col in range(1, 8)]
    assert header == list(HEADER)


def test_summary_amounts_are_numbers_with_format(sample: Table, summary_sheet: Worksheet) -> None:
    ws = summary_sheet
    total = ws.cell(FIRST_DATA_ROW, 2)
    assert ws.cell(FIRST_DATA_ROW, 1).value == "合计"
    assert total.data_type == "n" and total.value == pytest.approx(1664.69)
    assert total.number_format == AMOUNT_FORMAT
    assert total.alignment.horizontal == "right"
    for row, unit, project in project_rows(sample, ws):
        funds = project.funds if project else unit.funds()
        assert ws.cell(row, 1).value == (project.name if project else unit.name)
        for col, amount in enumerate(
            (funds.total, funds.fiscal, funds.special_account, funds.other), start=2
        ):
            cell = ws.cell(row, col)
            assert cell.number_format == AMOUNT_FORMAT
            if amount is None:
                assert cell.value is None
            else:
                assert Decimal(str(cell.value)) == amount


def test_summary_unit_and_total_rows_are_bold(sample: Table, summary_sheet: Worksheet) -> None:
    ws = summary_sheet
    assert ws.cell(FIRST_DATA_ROW, 1).font.b and ws.cell(FIRST_DATA_ROW, 2).font.b
    for row, _, project in project_rows(sample, ws):
        assert bool(ws.cell(row, 1).font.b) is (project is None)
        assert bool(ws.cell(row, 2).font.b) is (project is None)


def test_summary_indicators_one_per_line_and_rows_tall_enough(
    sample: Table, summary_sheet: Worksheet
) -> None:
    ws = summary_sheet
    for row, _, project in project_rows(sample, ws):
        if project is None:
            continue
        text = whole_project_texts(ws, row, 7)
        assert text == format_indicators(project.indicators, one_per_line=True)
        assert parse_indicators(text) == (project.indicators, [])
        assert whole_project_texts(ws, row, 6) == project.goal
        cell = ws.cell(row, 7)
        assert cell.alignment.wrap_text and ws.cell(row, 6).alignment.wrap_text
        # each indicator takes at least one line of 10.5 pt, 13.5 pt high with its leading
        assert (cell.value.count("\n") + 1) * 13.5 <= ws.row_dimensions[row].height
        assert ws.row_dimensions[row].height <= MAX_ROW_HEIGHT


def column_widths(ws: Worksheet) -> dict[str, float]:
    """Each column's width, spreading grouped column ranges (B:E) to each letter."""
    widths = {}
    for dim in ws.column_dimensions.values():
        for col in range(dim.min, dim.max + 1):
            widths[openpyxl.utils.get_column_letter(col)] = dim.width
    return widths


def test_summary_column_widths_suit_chinese_text(summary_sheet: Worksheet) -> None:
    widths = column_widths(summary_sheet)
    assert set(widths) == set("ABCDEFG")
    assert widths["A"] >= 14  # 8 CJK characters a line for project names
    # 总计 and 财政拨款 hold "1,664.69": 8 characters of 8 px and the cell's padding
    assert widths["B"] == widths["C"] and widths["B"] * 8 + 5 >= 8 * 8 + 10
    # the blank 财政专户拨款 and 其他资金 columns stay narrow: their heading on two lines
    assert widths["D"] == widths["E"] < widths["B"]
    assert widths["D"] * 8 + 5 >= 4 * 14 + 6  # 财政专户 / 拨款: 4 characters of 10.5 pt a line
    assert widths["G"] > widths["F"] > widths["B"]  # indicators widest, then goals
    # 8 px a unit (宋体 11 digits) + 5 px padding: the columns fill landscape A4 at about 100%
    pixels = sum(w * 8 + 5 for w in widths.values())
    assert 950 <= pixels <= 1100


def test_summary_borders_on_every_table_cell(sample: Table, summary_xlsx: Path) -> None:
    bordered = bordered_cells(summary_xlsx, 1)
    ws = openpyxl.load_workbook(summary_xlsx).active
    last = max(row for row in range(1, ws.max_row + 1) if ws.cell(row, 7).border.left.style)
    table = {f"{col}{row}" for row in range(3, last + 1) for col in "ABCDEFG"}
    assert bordered == table  # every table cell, and nothing outside the table


def test_summary_print_setup(summary_sheet: Worksheet) -> None:
    ws = summary_sheet
    setup = ws.page_setup
    assert setup.orientation == "landscape"
    assert int(setup.paperSize) == 9
    # XlsxWriter leaves out fitToWidth="1", the schema's default; fitToHeight 0 = any height
    assert int(setup.fitToWidth or 1) == 1
    assert int(setup.fitToHeight) == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$3:$3"
    assert ws.freeze_panes == "A4"
    assert ws.print_options.horizontalCentered
    footer = ws.oddFooter.center.text
    assert "&P" in footer and "&N" in footer and footer.startswith("第")
    margins = ws.page_margins
    assert 0.3 <= margins.left <= 0.8 and 0.3 <= margins.right <= 0.8


def test_summary_signoff_line(tmp_path: Path) -> None:
    table = Table(
        reporting_unit="单位",
        units=[Unit("单位", [Project("项目", Funds(total=Decimal(1)))])],
        signoff=SignOff(head="张伟", preparer="李娜", phone="020-86888888", date="2025-01-15"),
    )
    write_xlsx_summary(table, tmp_path / "s.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx").active
    texts = [c.value for c in ws[ws.max_row] if c.value]
    assert texts == [
        "单位负责人：张伟",
        "填报人：李娜",
        "联系电话：020-86888888",
        "填报日期：2025-01-15",
    ]


def test_summary_signoff_line_only_when_filled(
    sample: Table, summary_sheet: Worksheet, tmp_path: Path
) -> None:
    """No sign-off data, no sign-off line (as in Word), unless asked for: blank labels then."""
    last = summary_sheet.max_row
    assert summary_sheet.cell(last, 2).border.left.style == "thin"  # the table's last row
    write_xlsx_summary(sample, tmp_path / "s.xlsx", sign_off=True)
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx").active
    assert ws.max_row == last + 2
    assert [c.value for c in ws[ws.max_row] if c.value] == [
        "单位负责人：",
        "填报人：",
        "联系电话：",
        "填报日期：",
    ]


def test_sample_imports_back_identically(sample: Table, summary_xlsx: Path) -> None:
    """The sample exported to .xlsx reads back as the same table, without warnings."""
    result = read_path(summary_xlsx)
    assert result.warnings == []
    assert result.table == sample


def test_summary_indicators_run_together(sample: Table, tmp_path: Path) -> None:
    write_xlsx_summary(sample, tmp_path / "s.xlsx", one_per_line=False)
    ws = openpyxl.load_workbook(tmp_path / "s.xlsx").active
    project = sample.units[0].projects[0]
    assert ws.cell(FIRST_DATA_ROW + 2, 7).value == format_indicators(project.indicators)
    assert "\n" not in ws.cell(FIRST_DATA_ROW + 2, 7).value


def test_zero_stays_zero_and_blank_stays_blank(tmp_path: Path) -> None:
    funds = Funds(total=Decimal("0"), fiscal=Decimal("0.00"), special_account=None, other=None)
    table = Table(units=[Unit("单位", [Project("零", funds)])])
    write_xlsx_summary(table, tmp_path / "z.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "z.xlsx").active
    row = FIRST_DATA_ROW + 2
    assert [ws.cell(row, col).value for col in range(2, 6)] == [0, 0, None, None]
    # the format's empty third section prints a zero blank, as official tables do
    assert AMOUNT_FORMAT.split(";")[2] == ""


def test_a_project_taller_than_a_row_flows_over_rows_named_continued(tmp_path: Path) -> None:
    indicators = [
        Indicator("1", "产出指标", "11", "数量指标", f"指标{i}", f"{i}次", f"{i + 1}次")
        for i in range(300)
    ]
    table = Table(
        units=[Unit("单位", [Project("大项目", Funds(total=Decimal(7)), "目标", indicators)])]
    )
    warnings = write_xlsx_summary(table, tmp_path / "t.xlsx")
    assert warnings == []
    ws = openpyxl.load_workbook(tmp_path / "t.xlsx").active
    first = FIRST_DATA_ROW + 2
    rows = list(range(first, ws.max_row + 1))
    assert len(rows) >= 300 * 13.5 // MAX_ROW_HEIGHT  # 300 lines of at least 13.5 pt
    assert [ws.cell(r, 1).value for r in rows] == ["大项目"] + ["大项目（续）"] * (len(rows) - 1)
    assert [ws.cell(r, 2).value for r in rows] == [7] + [None] * (len(rows) - 1)
    for r in rows:  # each row holds what a row can show: at most 409 pt, 13.5 pt a line
        assert ws.row_dimensions[r].height <= MAX_ROW_HEIGHT
        assert (ws.cell(r, 7).value.count("\n") + 1) * 13.5 <= ws.row_dimensions[r].height
    assert parse_indicators(whole_project_texts(ws, first, 7)) == (indicators, [])
    assert read_path(tmp_path / "t.xlsx").table == table


def test_a_text_no_row_can_hold_is_a_warning(tmp_path: Path) -> None:
    huge = Indicator("1", "产出指标", "11", "数量指标", "很长" * 600, "1次", "1次")
    table = Table(units=[Unit("单位", [Project("大项目", Funds(), "目标", [huge])])])
    warnings = write_xlsx_summary(table, tmp_path / "t.xlsx")
    assert len(warnings) == 1 and "大项目" in warnings[0] and "409" in warnings[0]


# ---------------------------------------------------------------- formula-safe text

HOSTILE = ("=SUM(A1)", "+86 020-1234", "-减少10%", "@用户", '=HYPERLINK("http://x","y")')


def hostile_table() -> Table:
    indicators = [
        Indicator("1", "产出指标", "11", "数量指标", text, text, text) for text in HOSTILE
    ]
    projects = [Project(text, Funds(total=Decimal(1)), text, indicators) for text in HOSTILE]
    return Table(
        title="=1+1",
        reporting_unit="+单位",
        units=[Unit("-单位", projects)],
        signoff=SignOff(head="=A1", preparer="@x", phone="+86", date="-"),
    )


def test_summary_text_starting_with_formula_signs_stays_text(tmp_path: Path) -> None:
    table = hostile_table()
    write_xlsx_summary(table, tmp_path / "h.xlsx")
    with zipfile.ZipFile(tmp_path / "h.xlsx") as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet1.xml")
    ws = openpyxl.load_workbook(tmp_path / "h.xlsx").active
    assert ws["A1"].value == "=1+1" and ws["A1"].data_type == "s"
    assert ws.cell(FIRST_DATA_ROW + 1, 1).value == "-单位"
    rows = project_rows(table, ws)[1:]
    for (row, _, project), text in zip(rows, HOSTILE, strict=True):
        assert project is not None
        for col, expected in (
            (1, text),
            (6, text),
            (7, format_indicators(project.indicators, one_per_line=True)),
        ):
            cell = ws.cell(row, col)
            assert cell.data_type == "s"
            assert (cell.value if col == 1 else whole_project_texts(ws, row, col)) == expected
    assert ws.cell(ws.max_row, 1).value == "单位负责人：=A1"


def test_forms_text_starting_with_formula_signs_stays_text(tmp_path: Path) -> None:
    table = hostile_table()
    write_xlsx_forms(table, tmp_path / "h.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "h.xlsx")
    for ws, text in zip(wb.worksheets, HOSTILE, strict=True):
        values = {c.value for row in ws.iter_rows() for c in row if c.data_type == "s"}
        assert text in values
        assert not [c for row in ws.iter_rows() for c in row if c.data_type == "f"]


# ---------------------------------------------------------------- the forms layout


@pytest.fixture(scope="module")
def forms_book(forms_xlsx: Path) -> openpyxl.Workbook:
    return openpyxl.load_workbook(forms_xlsx)


def find_row(ws: Worksheet, col: int, text: str) -> int:
    return next(row for row in range(1, ws.max_row + 1) if ws.cell(row, col).value == text)


def test_forms_one_sheet_per_project(sample: Table, forms_book: openpyxl.Workbook) -> None:
    projects = [p for _, p in sample.iter_projects()]
    assert len(forms_book.worksheets) == len(projects) == 9
    assert forms_book.sheetnames == [p.name for p in projects]  # short, clean, unique names
    for ws, project in zip(forms_book.worksheets, projects, strict=True):
        assert ws["A1"].value == "项目支出绩效目标申报表"
        assert "A1:F1" in {str(r) for r in ws.merged_cells.ranges}
        row = find_row(ws, 1, "项目名称")
        assert ws.cell(row, 2).value == project.name
        assert f"B{row}:F{row}" in {str(r) for r in ws.merged_cells.ranges}


def test_forms_fields_and_amounts(sample: Table, forms_book: openpyxl.Workbook) -> None:
    ws = forms_book.worksheets[0]
    project = sample.units[0].projects[0]
    row = find_row(ws, 1, "主管部门\n及代码")
    assert ws.cell(row, 2).value is None  # a blank 主管部门 prints blank, not the reporting unit
    assert ws.cell(row, 4).value == "实施单位"
    assert ws.cell(row, 5).value == sample.units[0].name
    row = find_row(ws, 5, "年度资金总额")
    assert ws.cell(row, 6).value == pytest.approx(float(project.funds.total))
    assert ws.cell(row, 6).number_format == AMOUNT_FORMAT
    assert ws.cell(row + 1, 6).value == pytest.approx(float(project.funds.fiscal))
    assert ws.cell(row, 1).value.startswith("项目资金")
    assert f"A{row}:A{row + 3}" in {str(r) for r in ws.merged_cells.ranges}
    row = find_row(ws, 5, "年度目标")
    assert ws.cell(row + 1, 5).value == project.goal


def test_forms_level_cells_merged_down_their_groups(
    sample: Table, forms_book: openpyxl.Workbook
) -> None:
    for ws, (_, project) in zip(forms_book.worksheets, sample.iter_projects(), strict=True):
        merged = {str(r) for r in ws.merged_cells.ranges}
        header = find_row(ws, 2, "一级指标")
        first = header + 1
        assert ws[f"A{header}"].value == "绩效指标"
        assert f"A{first}:A{first + len(project.indicators) - 1}" in merged
        groups1, groups2 = level_groups(project.indicators)
        expected, found = set(), set()
        for col, groups in (("B", groups1), ("C", groups2)):
            for group in groups:
                top, bottom = first + group.start, first + group.stop - 1
                if bottom > top:
                    expected.add(f"{col}{top}:{col}{bottom}")
                label = project.indicators[group.start]
                text = label.level1_label if col == "B" else label.level2_label
                assert ws[f"{col}{top}"].value == text
            found |= {r for r in merged if re.fullmatch(rf"{col}\d+:{col}\d+", r)}
        assert found == expected
        assert expected  # every sample project has a 一级 group of several indicators
        for i, ind in enumerate(project.indicators):
            values = [ws.cell(first + i, col).value for col in (4, 5, 6)]
            assert values == [ind.name, ind.period_value, ind.annual_value]


def test_level_groups_split_on_either_level() -> None:
    def ind(c1: str, c2: str) -> Indicator:
        return Indicator(level1=c1, level2=c2)

    items = [ind("1", "11"), ind("1", "11"), ind("1", "12"), ind("2", "22"), ind("1", "11")]
    groups1, groups2 = level_groups(items)
    assert groups1 == [range(0, 3), range(3, 4), range(4, 5)]
    assert groups2 == [range(0, 2), range(2, 3), range(3, 4), range(4, 5)]
    assert level_groups([]) == ([], [])


def test_forms_borders_on_every_cell_of_merged_ranges(
    forms_xlsx: Path, forms_book: openpyxl.Workbook
) -> None:
    ws = forms_book.worksheets[0]
    bordered = bordered_cells(forms_xlsx, 1)
    checked = 0
    for rng in ws.merged_cells.ranges:
        seal = str(ws.cell(rng.min_row, 1).value or "").startswith("单位（盖章）")
        if rng.min_row <= 2 or rng.min_row == ws.max_row or seal:
            continue  # title, year, 单位（盖章） and sign-off lines have no borders
        for row in range(rng.min_row, rng.max_row + 1):
            for col in range(rng.min_col, rng.max_col + 1):
                ref = f"{openpyxl.utils.get_column_letter(col)}{row}"
                assert ref in bordered, (str(rng), ref)
                checked += 1
    assert checked > 40
    table_rows = range(find_row(ws, 1, "项目名称"), ws.max_row - 2)  # a gap, 单位（盖章）, sign-off
    for row in table_rows:
        for col in "ABCDEF":
            assert f"{col}{row}" in bordered


def test_forms_print_setup(forms_book: openpyxl.Workbook) -> None:
    for ws in forms_book.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "portrait"
        assert int(setup.paperSize) == 9
        # one page wide, any number tall: the manual page breaks between blocks still count
        assert int(setup.fitToWidth or 1) == 1 and int(setup.fitToHeight) == 0
        assert int(setup.firstPageNumber or 1) == 1 and setup.useFirstPageNumber  # per form
        assert ws.sheet_view.tabSelected  # every form selected: one Ctrl+P prints them all
        header = find_row(ws, 2, "一级指标")
        assert ws.print_title_rows == f"${header}:${header}"
        assert re.fullmatch(r"第 &P 页 共 \d+ 页", ws.oddFooter.center.text)


def test_forms_of_a_project_without_indicators_and_of_no_project(tmp_path: Path) -> None:
    table = Table(units=[Unit("单位", [Project("空项目")])], year=2025)
    write_xlsx_forms(table, tmp_path / "f.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "f.xlsx").active
    assert ws["A2"].value == "（2025年度）"
    header = find_row(ws, 2, "一级指标")
    assert [ws.cell(header + 1, col).value for col in range(2, 7)] == [None] * 5
    write_xlsx_forms(Table(), tmp_path / "none.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "none.xlsx")
    assert wb.sheetnames == ["申报表"] and wb.active["A1"].value == "项目支出绩效目标申报表"
    write_xlsx_summary(Table(), tmp_path / "none-s.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "none-s.xlsx").active
    assert ws.cell(FIRST_DATA_ROW, 1).value == "合计" and ws.cell(FIRST_DATA_ROW, 2).value == 0


def test_sheet_names_are_valid_and_unique() -> None:
    long = "很长的项目名称" * 6
    names = sheet_names(
        ["项目", "项目", "a/b:c*d?[e]\\", long, long, "", "History", "'引号'", "PROJ", "proj"]
    )
    assert names[:2] == ["项目", "项目(2)"]
    assert names[2] == "a_b_c_d__e__"
    assert names[3] == long[:31] and names[4] == long[:28] + "(2)"
    assert names[5] == "项目6" and names[6] == "History(2)" and names[7] == "引号"
    assert names[8] == "PROJ" and names[9] == "proj(2)"
    assert all(len(n) <= 31 for n in names)
    assert len({n.lower() for n in names}) == len(names)


def test_text_units_count_cjk_double() -> None:
    assert text_units("abc") == 3
    assert text_units("项目；（）") == 10
    assert text_units("≥98%") == 5


# ---------------------------------------------------------------- errors


def test_write_error_leaves_the_old_file(sample: Table, tmp_path: Path) -> None:
    with pytest.raises(WriteError):
        write_xlsx_summary(sample, tmp_path / "missing" / "s.xlsx")
    target = tmp_path / "keep.xlsx"
    target.write_bytes(b"old")
    table = Table(units=[Unit("单位", [Project("名" * 40_000, Funds(), "目标")])])
    with pytest.raises(WriteError, match="32767"):
        write_xlsx_summary(table, target)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.xlsx"]


# ---------------------------------------------------------------- LibreOffice


@pytest.mark.parametrize("layout", ["summary", "forms"])
def test_libreoffice_renders_both_layouts(
    layout: str, sample: Table, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    path = request.getfixturevalue(f"{layout}_xlsx")
    texts = check_printed_sample(path, sample, layout, tmp_path, per_form_numbers=layout == "forms")
    whole = "".join(texts)
    if layout == "summary":
        assert whole.count("口岸查验单位对保障工作满意度") == sum(
            ind.name == "口岸查验单位对保障工作满意度"
            for _, p in sample.iter_projects()
            for ind in p.indicators
        )
    else:  # one sheet per project, one page each
        assert len(texts) == 9
        for text, (_, project) in zip(texts, sample.iter_projects(), strict=True):
            assert text.count("项目支出绩效目标申报表") == 1
            assert re.sub(r"\s+", "", project.name) in text


def test_row_heights_fit_the_text_as_libreoffice_wraps_it(tmp_path: Path) -> None:
    """Measured on the printed page: each row's height against the lines LibreOffice set in it.

    The rows' borders come from the rendered page image and the text lines from pdftotext, so
    the writer's own estimate plays no part; within 15 % over, and never cutting text.
    """
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from generate import make_table
    from rendering import convert, pdf_pages, row_fit

    path = tmp_path / "s.xlsx"
    write_xlsx_summary(make_table("S"), path)
    pdf = convert(path, tmp_path, "pdf")
    pages, _ = pdf_pages(pdf)
    ratios = [r for page in range(1, pages + 1) for r in row_fit(pdf, page)]
    assert len(ratios) >= 10
    assert min(ratios) >= 0.97, ratios  # a row shorter than its text cuts it on paper
    assert sum(ratios) / len(ratios) <= 1.15, ratios
    assert max(ratios) <= 1.3, ratios


def test_summary_prints_in_about_as_many_pages_as_word(tmp_path: Path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from generate import make_table
    from rendering import convert, page_fullness, pdf_pages

    from bpeditor.io.docx_summary import write_docx_summary

    table = make_table("S")
    write_xlsx_summary(table, tmp_path / "s.xlsx")
    write_docx_summary(table, tmp_path / "s.docx")
    excel = convert(tmp_path / "s.xlsx", tmp_path, "pdf")
    word, _ = pdf_pages(convert(tmp_path / "s.docx", tmp_path, "pdf"))
    pages, _ = pdf_pages(excel)
    assert pages <= word * 1.1 + 1, (pages, word)
    fullness = page_fullness(excel, 595, 0.7 * 72)[:-1]
    assert sum(fullness) / len(fullness) >= 0.7, fullness
