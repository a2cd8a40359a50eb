"""Word (.docx) import: summary tables and per-project forms written by other programs."""

from __future__ import annotations

import copy
import io
import struct
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table as DocxTable
from lxml import etree

from bpeditor.io.base import ReadError
from bpeditor.io.docx_reader import read_docx
from bpeditor.io.layouts.labels import strip_code
from bpeditor.io.registry import sniff_docx
from bpeditor.io.text import HEADER, read_text, summary_rows
from bpeditor.model.table import DEFAULT_TITLE, Funds, Indicator, Project, Table, Unit

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "samples" / "huadu-port-summary.txt"
FALLBACK = Path(__file__).resolve().parents[2] / "bpeditor" / "resources" / "example.txt"
SIGNOFF = "单位负责人：张三    填报人：李四    联系电话：020-12345678    填报日期：2024年1月5日"


def sample_table() -> Table:
    """The published sample as the text importer reads it."""
    return read_text(SAMPLE if SAMPLE.exists() else FALLBACK).table


def with_signoff(table: Table) -> Table:
    expected = copy.deepcopy(table)
    expected.signoff.head = "张三"
    expected.signoff.preparer = "李四"
    expected.signoff.phone = "020-12345678"
    expected.signoff.date = "2024年1月5日"
    return expected


# ---------------------------------------------------------------------------------------------
# Building documents as another program would


def set_cell(cell, text: str, *, paragraphs: bool = False) -> None:
    """Write text into a cell: one paragraph per line when ``paragraphs``, else one run."""
    lines = text.split("\n") if paragraphs else [text]
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


def add_tracked_changes(cell, deleted: str, inserted: str) -> None:
    """Append a tracked deletion (to be ignored) and a tracked insertion (to be read)."""
    paragraph = cell.paragraphs[-1]._p
    w_del = etree.SubElement(paragraph, qn("w:del"))
    run = etree.SubElement(w_del, qn("w:r"))
    etree.SubElement(run, qn("w:delText")).text = deleted
    w_ins = etree.SubElement(paragraph, qn("w:ins"))
    run = etree.SubElement(w_ins, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = inserted


def write_summary_header(grid: DocxTable, top: int) -> None:
    """Two header rows: 项目名称/绩效目标/绩效指标 merged down, 预算金额 merged across."""
    for col in (0, 5, 6):
        merged = grid.cell(top, col).merge(grid.cell(top + 1, col))
        merged.text = HEADER[col]
    across = grid.cell(top, 1).merge(grid.cell(top, 4))
    across.text = "预算金额"
    for col in range(1, 5):
        grid.cell(top + 1, col).text = HEADER[col]


def write_summary_rows(grid: DocxTable, start: int, rows: list[list[str]], first: int) -> None:
    for offset, cells in enumerate(rows):
        r = start + offset
        is_project = bool(cells[5] or cells[6])
        if not is_project:  # unit and 合计 rows: the empty text cells merged across
            grid.cell(r, 5).merge(grid.cell(r, 6))
        for col, text in enumerate(cells[:5]):
            grid.cell(r, col).text = text
        if is_project:
            number = first + offset
            set_cell(grid.cell(r, 5), cells[5])
            if number % 2 == 0:  # alternately one indicator per paragraph, or all in one run
                set_cell(grid.cell(r, 6), cells[6], paragraphs=True)
            else:
                set_cell(grid.cell(r, 6), cells[6].replace("\n", ""))


def build_summary_docx(
    table: Table, path: Path, *, split_tables: bool = False, total: str | None = None
) -> Path:
    """The summary layout as another program writes it: paragraphs above, merged header."""
    rows = summary_rows(table, one_per_line=True)
    body = rows[rows.index(list(HEADER)) + 1 :]
    body = [r for r in body if len(r) == 7]
    if total is not None:
        body[0][1] = total
    doc = Document()
    doc.add_paragraph("附件2")
    doc.add_paragraph(table.title)
    doc.add_paragraph("")
    doc.add_paragraph(f"单位名称：{table.reporting_unit}")
    doc.add_paragraph(f"单位：{table.money_unit}")
    cut = 6
    parts = [body[:cut], body[cut:]]
    if split_tables:
        for index, part in enumerate(parts):
            grid = doc.add_table(rows=2 + len(part), cols=7)
            write_summary_header(grid, 0)
            write_summary_rows(grid, 2, part, first=0 if index == 0 else cut)
            if index == 0:
                doc.add_paragraph("")
    else:
        # one table; the header repeated once where a page broke, and a blank row
        grid = doc.add_table(rows=2 + len(body) + 3, cols=7)
        write_summary_header(grid, 0)
        write_summary_rows(grid, 2, parts[0], first=0)
        for col, text in enumerate(HEADER):
            grid.cell(2 + cut, col).text = text
        write_summary_rows(grid, 2 + cut + 2, parts[1], first=cut)
    project_rows = [c for c in (grid.rows[-1].cells[5], grid.rows[-2].cells[5]) if c.text.strip()]
    goal_cell = project_rows[0]
    text = goal_cell.text
    set_cell(goal_cell, text[:5])
    add_tracked_changes(goal_cell, "被删除的字", text[5:])
    doc.add_paragraph("")
    doc.add_paragraph(SIGNOFF)
    doc.save(str(path))
    return path


def test_summary_with_merged_cells_reads_as_the_text_import(tmp_path: Path) -> None:
    """A Word summary table with merged header cells gives exactly the text import's table."""
    table = sample_table()
    path = build_summary_docx(table, tmp_path / "summary.docx")
    result = read_docx(path)
    assert result.warnings == []
    assert result.table == with_signoff(table)
    assert result.table.project_count() == 9
    assert result.table.indicator_count() == 49
    assert result.table.funds().total == Decimal("1664.69")


def test_summary_split_over_two_tables_with_repeated_headers(tmp_path: Path) -> None:
    """A table broken into two Word tables, each with its header, reads as one table."""
    table = sample_table()
    path = build_summary_docx(table, tmp_path / "split.docx", split_tables=True)
    result = read_docx(path)
    assert result.warnings == []
    assert result.table == with_signoff(table)


def test_summary_total_mismatch_is_a_warning_with_the_row(tmp_path: Path) -> None:
    """A 合计 row that does not equal the sum is reported with its table row number."""
    path = build_summary_docx(sample_table(), tmp_path / "bad-total.docx", total="1,000.00")
    result = read_docx(path)
    assert result.table == with_signoff(sample_table())
    assert len(result.warnings) == 1
    warning = result.warnings[0]
    assert warning.location == "表格第 3 行"
    assert "合计" in warning.message and "1,000.00" in warning.message


def test_summary_row_split_in_two_with_merged_name(tmp_path: Path) -> None:
    """A project whose row continues below (name merged down) is read once, texts joined."""
    doc = Document()
    doc.add_paragraph("项目支出绩效目标表")
    above = doc.add_table(rows=1, cols=2)  # 单位名称 and 单位 as a small table row
    above.cell(0, 0).text = "单位名称：某中心"
    above.cell(0, 1).text = "单位：元"
    grid = doc.add_table(rows=4, cols=7)
    for col, text in enumerate(HEADER):
        grid.cell(0, col).text = text
    for col, text in enumerate(["某中心", "10.00", "10.00", "", ""]):
        grid.cell(1, col).text = text
    name = grid.cell(2, 0).merge(grid.cell(3, 0))
    name.text = "某项目"
    for col in range(1, 5):
        grid.cell(2, col).merge(grid.cell(3, col))
    grid.cell(2, 1).text = "10.00"
    grid.cell(2, 2).text = "10.00"
    grid.cell(2, 5).text = "目标。"
    grid.cell(2, 6).text = "1、1-产出指标；11-数量指标；次数；实施周期指标值:1次；年度指标值:1次。"
    grid.cell(
        3, 6
    ).text = "2、3-满意度指标；31-服务对象满意度；满意度；实施周期指标值:≥90%；年度指标值:≥90%。"
    path = tmp_path / "two-rows.docx"
    doc.save(str(path))
    result = read_docx(path)
    assert result.warnings == []
    (project,) = result.table.units[0].projects
    assert project.name == "某项目"
    assert [i.name for i in project.indicators] == ["次数", "满意度"]
    assert project.funds == Funds(Decimal("10.00"), Decimal("10.00"))
    assert (result.table.reporting_unit, result.table.money_unit) == ("某中心", "元")


def test_round_trip_through_our_summary_exporter(tmp_path: Path) -> None:
    """What bpeditor's own Word summary exporter writes reads back as the same table."""
    from bpeditor.io.docx_summary import write_docx_summary

    table = with_signoff(sample_table())
    path = tmp_path / "ours.docx"
    write_docx_summary(table, path)
    result = read_docx(path)
    assert result.warnings == []
    assert result.table == table


def test_round_trip_through_our_forms_exporter(tmp_path: Path) -> None:
    """bpeditor's own forms exporter reads back with every field (its title is not printed)."""
    from bpeditor.io.docx_forms import write_docx_forms

    table = expected_forms_table()
    path = tmp_path / "ours-forms.docx"
    write_docx_forms(table, path)
    result = read_docx(path)
    assert result.warnings == []
    assert result.table == table


# ---------------------------------------------------------------------------------------------
# Per-project forms


def merge_down(grid: DocxTable, col: int, top: int, bottom: int, text: str) -> None:
    merged = grid.cell(top, col).merge(grid.cell(bottom, col))
    merged.text = text


def span(grid: DocxTable, row: int, left: int, right: int, text: str) -> None:
    merged = grid.cell(row, left).merge(grid.cell(row, right))
    merged.text = text


def build_form_with_value_columns(doc) -> None:
    """Form A: 实施期指标值 | 年度指标值 columns, 一级/二级 merged down with vMerge."""
    doc.add_paragraph("项目支出绩效目标申报表")
    doc.add_paragraph("（2024年度）")
    indicators = [
        ("产出指标", "数量指标", "供水保障月数", "12个月", "12个月"),
        ("产出指标", "数量指标", "供电保障月数", "12个月", "12个月"),
        ("产出指标", "时效指标", "费用支付及时率", "100%", "100%"),
        ("效益指标", "社会效益指标", "安全事故发生次数", "0次", "0次"),
        ("满意度指标", "服务对象满意度指标", "查验单位满意度", "≥95%", "≥98%"),
    ]
    grid = doc.add_table(rows=11 + len(indicators), cols=6)
    span(grid, 0, 1, 5, "口岸车检场水电费")
    grid.cell(0, 0).text = "项目名称"
    grid.cell(1, 0).text = "主管部门及代码"
    span(grid, 1, 1, 2, "广州市花都区商务局（123001）")
    grid.cell(1, 3).text = "实施单位"
    span(grid, 1, 4, 5, "广州市花都区口岸服务保障中心")
    grid.cell(2, 0).text = "项目属性"
    span(grid, 2, 1, 2, "延续")
    grid.cell(2, 3).text = "项目期"
    span(grid, 2, 4, 5, "1年")
    merge_down(grid, 0, 3, 7, "项目资金\n（万元）")
    span(grid, 3, 1, 3, "")
    grid.cell(3, 4).text = "实施期资金总额"
    grid.cell(3, 5).text = "年度资金总额"
    for row, label, period, annual in (
        (4, "资金总额", "120.00", "40.00"),
        (5, "其中：财政拨款", "120.00", "40.00"),
        (6, "财政专户拨款", "", ""),
        (7, "其他资金", "", ""),
    ):
        span(grid, row, 1, 3, label)
        grid.cell(row, 4).text = period
        grid.cell(row, 5).text = annual
    merge_down(grid, 0, 8, 9, "总体目标")
    span(grid, 8, 1, 3, "实施期目标")
    span(grid, 8, 4, 5, "年度目标")
    span(grid, 9, 1, 3, "三年内保障口岸车检场水电供应。")
    span(grid, 9, 4, 5, "保障全年水电供应到位，\n确保口岸通关正常运作。")
    merge_down(grid, 0, 10, 10 + len(indicators), "绩效指标")
    for col, text in enumerate(["一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"]):
        grid.cell(10, col + 1).text = text
    first = 11
    merge_down(grid, 1, first, first + 2, "产出指标")
    merge_down(grid, 2, first, first + 1, "数量指标")
    grid.cell(first + 2, 2).text = "时效指标"
    for offset, (level1, level2, name, period, annual) in enumerate(indicators):
        row = first + offset
        if offset >= 3:
            grid.cell(row, 1).text = level1
            grid.cell(row, 2).text = level2
        grid.cell(row, 3).text = name
        grid.cell(row, 4).text = period
        grid.cell(row, 5).text = annual
    doc.add_paragraph(
        "单位负责人：张三    经办人：李四    联系电话：020-12345678    填报日期：2024年1月5日"
    )


def build_form_with_halves(doc) -> None:
    """Form B: the 实施期 half beside the 年度 half, coded labels, a （续） restart."""
    doc.add_page_break()
    doc.add_paragraph("项目支出绩效目标申报表")
    rows = [
        ("1-产出指标", "11-数量指标", "培训人次", "≥300人次", "≥100人次"),
        ("1-产出指标", "12-质量指标", "培训合格率", "≥95%", "≥95%"),
        ("1-产出指标（续）", "12-质量指标", "课程完成率", "100%", "100%"),
        ("2-效益指标", "22-社会效益", "企业办事效率", "有效提升", "逐步提升"),
        ("3-满意度指标", "31-服务对象满意度", "参训人员满意度", "≥90%", "≥90%"),
    ]
    grid = doc.add_table(rows=9 + len(rows), cols=9)
    grid.cell(0, 0).text = "项目名称"
    span(grid, 0, 1, 8, "口岸营商环境培训")
    grid.cell(1, 0).text = "主管部门及代码"
    span(grid, 1, 1, 3, "广州市花都区商务局（123001）")
    grid.cell(1, 4).text = "实施单位"
    span(grid, 1, 5, 8, "广州市花都区商务局")
    grid.cell(2, 0).text = "项目属性"
    span(grid, 2, 1, 3, "新增")
    grid.cell(2, 4).text = "项目期"
    span(grid, 2, 5, 8, "3年")
    merge_down(grid, 0, 3, 5, "项目资金（万元）")
    for row, label, period, annual in (
        (3, ("实施期资金总额", "年度资金总额"), "300.00", "100.00"),
        (4, ("其中：财政拨款", "其中：财政拨款"), "250.00", "80.00"),
        (5, ("其他资金", "其他资金"), "50.00", "20.00"),
    ):
        span(grid, row, 1, 2, label[0])
        span(grid, row, 3, 4, period)
        span(grid, row, 5, 6, label[1])
        span(grid, row, 7, 8, annual)
    grid.cell(6, 0).text = "总体目标"
    span(grid, 6, 1, 4, "实施期目标：三年培训 900 人次。")
    span(grid, 6, 5, 8, "年度目标：培训 300 人次。")
    merge_down(grid, 0, 7, 8 + len(rows), "绩效指标")
    span(grid, 7, 1, 4, "实施期绩效指标")
    span(grid, 7, 5, 8, "年度绩效指标")
    for half in (0, 4):
        for col, text in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
            grid.cell(8, 1 + half + col).text = text
    first = 9
    merge_down(grid, 1, first, first + 1, rows[0][0])  # the 实施期 half merges 一级 down
    for offset, (level1, level2, name, period, annual) in enumerate(rows):
        row = first + offset
        if offset >= 2:
            grid.cell(row, 1).text = level1
        grid.cell(row, 2).text = level2
        grid.cell(row, 3).text = name
        grid.cell(row, 4).text = period
        for col, text in enumerate([level1.replace("（续）", ""), level2, name, annual]):
            grid.cell(row, 5 + col).text = text


def expected_forms_table() -> Table:
    water = Project(
        name="口岸车检场水电费",
        funds=Funds(Decimal("40.00"), Decimal("40.00")),
        goal="保障全年水电供应到位，\n确保口岸通关正常运作。",
        department="广州市花都区商务局",  # 主管部门及代码 split into name and code
        department_code="123001",
        # its 实施单位 (广州市花都区口岸服务保障中心) is its unit, not a field of its own
        attribute="延续",
        period="1年",
        period_funds=Funds(Decimal("120.00"), Decimal("120.00")),
        period_goal="三年内保障口岸车检场水电供应。",
        indicators=[
            Indicator("1", "产出指标", "11", "数量指标", "供水保障月数", "12个月", "12个月"),
            Indicator("1", "产出指标", "11", "数量指标", "供电保障月数", "12个月", "12个月"),
            Indicator("1", "产出指标", "13", "时效指标", "费用支付及时率", "100%", "100%"),
            Indicator("2", "效益指标", "22", "社会效益指标", "安全事故发生次数", "0次", "0次"),
            Indicator(
                "3", "满意度指标", "31", "服务对象满意度指标", "查验单位满意度", "≥95%", "≥98%"
            ),
        ],
    )
    training = Project(
        name="口岸营商环境培训",
        funds=Funds(Decimal("100.00"), Decimal("80.00"), None, Decimal("20.00")),
        goal="培训 300 人次。",
        department="广州市花都区商务局",
        department_code="123001",
        # its 实施单位 (广州市花都区商务局) is its unit, not a field of its own
        attribute="新增",
        period="3年",
        period_funds=Funds(Decimal("300.00"), Decimal("250.00"), None, Decimal("50.00")),
        period_goal="三年培训 900 人次。",
        indicators=[
            Indicator("1", "产出指标", "11", "数量指标", "培训人次", "≥300人次", "≥100人次"),
            Indicator("1", "产出指标", "12", "质量指标", "培训合格率", "≥95%", "≥95%"),
            Indicator("1", "产出指标", "12", "质量指标", "课程完成率", "100%", "100%"),
            Indicator("2", "效益指标", "22", "社会效益", "企业办事效率", "有效提升", "逐步提升"),
            Indicator("3", "满意度指标", "31", "服务对象满意度", "参训人员满意度", "≥90%", "≥90%"),
        ],
    )
    table = Table(
        title=DEFAULT_TITLE,
        reporting_unit="广州市花都区商务局",
        year=2024,
        money_unit="万元",
        units=[
            Unit("广州市花都区口岸服务保障中心", [water]),
            Unit("广州市花都区商务局", [training]),
        ],
    )
    table.signoff.head = "张三"
    table.signoff.preparer = "李四"
    table.signoff.phone = "020-12345678"
    table.signoff.date = "2024年1月5日"
    return table


def test_forms_layout_reads_every_field(tmp_path: Path) -> None:
    """Two per-project forms (merged 一级/二级, 实施期 and 年度 halves) give the exact table."""
    doc = Document()
    build_form_with_value_columns(doc)
    build_form_with_halves(doc)
    path = tmp_path / "forms.docx"
    doc.save(str(path))
    result = read_docx(path)
    assert result.warnings == []
    assert result.table == expected_forms_table()


def test_forms_variant_with_one_value_column_and_signoff_row(tmp_path: Path) -> None:
    """Inline 项目名称：…, one 指标值 column (both values), 备注, sign-off as the last row."""
    doc = Document()
    doc.add_paragraph("附件3")
    doc.add_paragraph("2025年部门项目支出绩效目标")
    grid = doc.add_table(rows=8, cols=5)
    grid.cell(0, 0).text = "项目名称：某项目"
    for col, text in enumerate(["主管部门", "某局", "实施单位", "某所"]):
        grid.cell(1, col).text = text
    grid.cell(2, 0).text = "绩效目标"
    span(grid, 2, 1, 4, "完成某事。")
    for col, text in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "备注"]):
        grid.cell(3, col).text = text
    merge_down(grid, 0, 4, 5, "产出指标")
    for row, cells in (
        (4, ["数量指标", "次数", "≥3次", "说明"]),
        (5, ["质量指标", "合格率", "100%"]),
    ):
        for col, text in enumerate(cells, start=1):
            grid.cell(row, col).text = text
    for col, text in enumerate(["效益指标", "可持续影响", "长效机制", "建立"]):
        grid.cell(6, col).text = text
    span(grid, 7, 0, 4, "负责人：王五\t经办人：赵六\t联系电话：1\t填报日期：2025-01-01")
    path = tmp_path / "variant.docx"
    doc.save(str(path))
    result = read_docx(path)
    assert result.warnings == []
    project = Project(
        name="某项目",
        department="某局",  # the 主管部门 as the form names it (also the reporting unit)
        goal="完成某事。",
        # 主管部门 某局 is the reporting unit and 实施单位 某所 the unit: not the project's own
        indicators=[
            Indicator("1", "产出指标", "11", "数量指标", "次数", "≥3次", "≥3次", note="说明"),
            Indicator("1", "产出指标", "12", "质量指标", "合格率", "100%", "100%"),
            Indicator("2", "效益指标", "24", "可持续影响", "长效机制", "建立", "建立"),
        ],
    )
    expected = Table(
        title="2025年部门项目支出绩效目标", reporting_unit="某局", units=[Unit("某所", [project])]
    )
    expected.signoff.head, expected.signoff.preparer = "王五", "赵六"
    expected.signoff.phone, expected.signoff.date = "1", "2025-01-01"
    assert result.table == expected


def test_strip_department_code() -> None:
    """Only a bracketed or leading number is taken for a code."""
    assert strip_code("广州市花都区商务局（123001）") == ("广州市花都区商务局", "123001")
    assert strip_code("某局(001) ") == ("某局", "001")
    assert strip_code("某局（驻穗办）") == ("某局（驻穗办）", "")
    assert strip_code("某局") == ("某局", "")


# ---------------------------------------------------------------------------------------------
# Bad and hostile files


def docx_bytes() -> bytes:
    doc = Document()
    doc.add_paragraph("x")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def refuse(path: Path, *words: str) -> str:
    with pytest.raises(ReadError) as caught:
        read_docx(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    for word in words:
        assert word in message
    return message


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "plain.docx"
    path.write_text("项目名称\t总计\n", encoding="utf-8")
    refuse(path, "不是 Word 文档")


def test_old_word_or_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    refuse(path, ".doc")


def test_zip_without_document_part(tmp_path: Path) -> None:
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    refuse(path, "word/document.xml")


def test_truncated_zip(tmp_path: Path) -> None:
    path = tmp_path / "cut.docx"
    data = docx_bytes()
    path.write_bytes(data[: len(data) // 2])
    refuse(path, "损坏")


def patch_declared_size(data: bytes, name: str, size: int) -> bytes:
    """Change a member's uncompressed size in the zip's central directory."""
    out = bytearray(data)
    pos = out.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", out, pos + 28)[0]
        if bytes(out[pos + 46 : pos + 46 + name_len]) == name.encode():
            struct.pack_into("<I", out, pos + 24, size)
            return bytes(out)
        pos = out.find(b"PK\x01\x02", pos + 4)
    raise AssertionError(name)


def test_member_declared_huge(tmp_path: Path) -> None:
    path = tmp_path / "huge.docx"
    path.write_bytes(patch_declared_size(docx_bytes(), "word/document.xml", 300 * 1024 * 1024))
    refuse(path, "过大")


def test_member_with_bomb_ratio(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with (
        zipfile.ZipFile(io.BytesIO(docx_bytes())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package,
    ):
        for info in source.infolist():
            package.writestr(info.filename, source.read(info))
        package.writestr("word/media/image1.bin", b"\0" * (8 * 1024 * 1024))
    refuse(path, "压缩比")


def write_document_xml(path: Path, xml: str) -> Path:
    with (
        zipfile.ZipFile(io.BytesIO(docx_bytes())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package,
    ):
        for info in source.infolist():
            data = xml.encode() if info.filename == "word/document.xml" else source.read(info)
            package.writestr(info.filename, data)
    return path


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def test_entity_expansion_is_refused(tmp_path: Path) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {b} "{("&" + a + ";") * 10}">'
        for a, b in zip("abcdefgh", "bcdefghi", strict=True)
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [{entities}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    refuse(write_document_xml(tmp_path / "laughs.docx", xml), "DTD")


def test_broken_xml(tmp_path: Path) -> None:
    xml = f'<w:document xmlns:w="{W_NS}"><w:body><w:p>'
    refuse(write_document_xml(tmp_path / "broken.docx", xml), "XML")


def test_document_without_tables(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("项目支出绩效目标表")
    path = tmp_path / "no-table.docx"
    doc.save(str(path))
    refuse(path, "没有表格")


def test_document_with_unrelated_tables(tmp_path: Path) -> None:
    doc = Document()
    grid = doc.add_table(rows=2, cols=2)
    grid.cell(0, 0).text = "姓名"
    grid.cell(0, 1).text = "年龄"
    path = tmp_path / "other-table.docx"
    doc.save(str(path))
    message = refuse(path, "第 1 个表格", "表头")
    assert "姓名" in message


def test_sniff() -> None:
    """Zip packages with word/ parts are Word; other zips and text are not."""
    assert sniff_docx(docx_bytes()[:8192])
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    assert not sniff_docx(buffer.getvalue())
    assert not sniff_docx("项目名称\t总计".encode())
