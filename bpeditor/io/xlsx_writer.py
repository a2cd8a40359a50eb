"""The Excel exports in one place: the summary sheet and the per-project forms workbook.

The code lives in ``xlsx_common`` (fonts, measuring, cells, print setup), ``xlsx_summary`` and
``xlsx_forms``; this module names what the registry, the tests and the benchmarks use.
"""

from __future__ import annotations

from bpeditor.io.xlsx_common import (
    AMOUNT_FORMAT,
    MAX_ROW_HEIGHT,
    WORKBOOK_OPTIONS,
    estimate_lines,
    level_groups,
    row_height,
    sheet_names,
    text_units,
)
from bpeditor.io.xlsx_forms import FORM_TITLE, write_xlsx_forms
from bpeditor.io.xlsx_summary import SUMMARY_SHEET, summary_widths, write_xlsx_summary

__all__ = [
    "AMOUNT_FORMAT",
    "FORM_TITLE",
    "MAX_ROW_HEIGHT",
    "SUMMARY_SHEET",
    "WORKBOOK_OPTIONS",
    "estimate_lines",
    "level_groups",
    "row_height",
    "sheet_names",
    "summary_widths",
    "text_units",
    "write_xlsx_forms",
    "write_xlsx_summary",
]
