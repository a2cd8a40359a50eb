"""The Excel summary's fast paths write what the plain ones would: the same sheet and counts."""

from __future__ import annotations

import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from xlsxwriter.worksheet import Worksheet

from bpeditor.io.export_options import ExportOptions
from bpeditor.io.print_flow import CONTINUED
from bpeditor.io.xlsx_cells import FastCellWorksheet
from bpeditor.io.xlsx_common import estimate_lines
from bpeditor.io.xlsx_summary import SummarySheet, write_xlsx_summary
from bpeditor.model.table import Funds, Indicator, Project, SignOff, Table, Unit

BIG = "12345678901234.56"
"""Sixteen digits: every one must reach the file."""


def _varied_table() -> Table:
    """Every kind of cell: blank and negative amounts, formulas, markup, long texts."""
    indicator = Indicator("1", "产出指标", "11", "数量指标", "完成<数量>&质量", "≥100%", "=100")
    projects = [
        Project("=SUM(A1:A2)", Funds(Decimal("12.5"), Decimal("12.5")), "目标 & <b>", [indicator]),
        Project("", Funds(Decimal("-3.25"), None, Decimal("-3.25")), "", [indicator] * 3),
        Project("长" * 40, Funds(), "目标。" * 400, [indicator] * 70),
        Project("Latin name ", Funds(Decimal(BIG), other=Decimal(BIG)), "x\ny"),
    ]
    return Table(
        units=[Unit("单位一", projects), Unit("单位二", projects[:2])],
        signoff=SignOff(head="张三", date="2026-01-01"),
    )


def _sheet_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize("options", [ExportOptions(), ExportOptions(one_per_line=False)])
def test_fast_cells_write_the_sheet_xlsxwriter_writes(
    options: ExportOptions, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = _varied_table()
    write_xlsx_summary(table, tmp_path / "fast.xlsx", options=options)
    monkeypatch.setattr(FastCellWorksheet, "_write_cell", Worksheet._write_cell)
    write_xlsx_summary(table, tmp_path / "plain.xlsx", options=options)
    fast = _sheet_xml(tmp_path / "fast.xlsx")
    assert fast == _sheet_xml(tmp_path / "plain.xlsx")
    assert b't="s"' in fast and b'"/>' in fast  # strings and blanks
    assert b"<v>-3.25</v>" in fast and b"<v>12345678901234.56</v>" in fast  # every digit


NAMES = [
    *(char * n for char in ("长", "a", "é", "😀") for n in range(40)),
    *("混合 Latin 与中文" * n for n in range(1, 6)),
    "两行\n的名称",
    "长" * 20 + "\n" + "a" * 3,
]


def test_name_lines_are_estimate_lines(tmp_path: Path) -> None:
    import xlsxwriter

    with xlsxwriter.Workbook(str(tmp_path / "w.xlsx")) as workbook:
        sheet = SummarySheet(workbook, Table(units=[Unit("单位")]), ExportOptions())
        width = sheet.widths[0]
        for name in NAMES:
            expected = (estimate_lines(name, width), estimate_lines(name + CONTINUED, width))
            assert sheet.name_lines(name) == expected, name
