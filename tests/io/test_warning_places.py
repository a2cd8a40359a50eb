"""Warnings name the place a clerk finds in the file: a text line, a Word table row, a sheet row."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from bpeditor.io.registry import read_path

HEAD = [["项目名称", "甲项目", "", ""], ["年度预算", "10", "", ""]]
GRID = [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "户数", "≥10户"],
    ["", "质量指标", "本项目不适用此指标", ""],
    ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"],
]


def _messages(path: Path) -> list[tuple[str, str]]:
    return [(w.location, w.message) for w in read_path(path).warnings]


def test_text_warnings_name_the_line_of_the_file(tmp_path: Path) -> None:
    """A quoted two-line cell above: the skipped row is on line 7 of the file, not row 6."""
    lines = [
        "项目绩效目标表",
        '项目名称\t"甲项目\n（续建）"',
        "年度预算\t10",
        *("\t".join(row) for row in GRID),
    ]
    path = tmp_path / "form.txt"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    assert _messages(path) == [("第 7 行", "“本项目不适用此指标”注明本项目不适用，已跳过")]


def test_word_warnings_name_the_table_and_its_row(tmp_path: Path) -> None:
    """The form's head in one Word table and its indicators in a second after a paragraph."""
    doc = Document()
    doc.add_paragraph("项目支出绩效目标表")
    head = doc.add_table(rows=2, cols=4)
    for r, row in enumerate(HEAD):
        for c, text in enumerate(row):
            head.cell(r, c).text = text
    doc.add_paragraph("（续表）")
    grid = doc.add_table(rows=4, cols=4)
    for r, row in enumerate(GRID):
        for c, text in enumerate(row):
            grid.cell(r, c).text = text
    path = tmp_path / "form.docx"
    doc.save(str(path))
    assert _messages(path) == [
        ("第 2 个表格第 3 行", "“本项目不适用此指标”注明本项目不适用，已跳过")
    ]


def test_web_page_warnings_name_the_web_table(tmp_path: Path) -> None:
    """An HTML table is no worksheet: its rows are 网页表格第 N 行."""
    cells = "".join(
        "<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for row in HEAD + GRID
    )
    path = tmp_path / "form.html"
    path.write_text(f"<html><body><table>{cells}</table></body></html>", encoding="utf-8")
    assert _messages(path) == [("网页表格第 5 行", "“本项目不适用此指标”注明本项目不适用，已跳过")]
