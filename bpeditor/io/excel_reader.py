"""Excel import: .xlsx/.xlsm/.xls workbooks (and HTML or text saved with an .xls name).

Each sheet is read into a grid (:mod:`bpeditor.io.excel_grid`), its layout recognised by
header keywords wherever the header sits (:mod:`bpeditor.io.excel_layouts`; the rows layout is
read by :mod:`bpeditor.io.excel_rows`, the forms by :mod:`bpeditor.io.layouts.forms`), and every
recognised sheet imported and merged into one table; other sheets are named in warnings.
When no sheet can be recognised, :class:`LayoutNotRecognised` says which sheet and which
header row could not be mapped; :func:`read_excel_with_mapping` imports a sheet with the
header row and column fields a user picked (the import dialog).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from bpeditor.io.base import ReadError, ReadResult, ReadWarning
from bpeditor.io.excel_grid import SheetGrid, WorkbookGrids, column_letters, load_workbook
from bpeditor.io.excel_html import looks_like_html, read_html_grid
from bpeditor.io.excel_layouts import (
    FIELDS,
    Detected,
    combined_header,
    header_extent,
    header_money,
    roles_of,
)
from bpeditor.io.layouts.recognise import LayoutNotRecognised, _merge, _read_sheet, read_grids
from bpeditor.io.text import read_text
from bpeditor.io.text_decode import describe_binary

OLE2_MAGIC = b"\xd0\xcf\x11\xe0"


def load_sheets(path: str | os.PathLike[str]) -> WorkbookGrids:
    """Every sheet of a workbook (or an HTML file's tables) as grids, after the safety checks."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except FileNotFoundError:
        raise ReadError(f"{path}：文件不存在") from None
    if head.startswith(OLE2_MAGIC):
        try:
            return load_workbook(path, "xls")
        except ReadError:
            if path.suffix.lower() in (".doc", ".ppt"):
                raise ReadError(
                    f"{path}：这是旧版 Word/PowerPoint 文件，不是 Excel 工作簿"
                ) from None
            raise
    if head.startswith(b"PK"):
        return load_workbook(path, "xlsx")
    if looks_like_html(head):
        return WorkbookGrids(str(path), [read_html_grid(path)], kind="html")
    kind = describe_binary(head)
    if kind is not None:
        raise ReadError(f"{path}：不是 Excel 工作簿（文件内容是{kind}）")
    raise ReadError(f"{path}：不是 Excel 工作簿（是文本文件）")


def read_excel(path: str | os.PathLike[str]) -> ReadResult:
    """Import every recognised sheet of a workbook; text saved as .xls goes to the text importer."""
    path = Path(path)
    if _is_text(path):
        try:
            result = read_text(path)
        except ReadError as exc:
            if "文件是空的" in str(exc):
                raise
            # Neither a workbook nor readable text: say it in the words of a workbook's user.
            raise ReadError(
                f"{path}：工作簿已损坏，或者不是 Excel 文件，无法打开"
                "（请确认文件能在 Excel/WPS 中打开，必要时重新另存为 .xlsx）"
            ) from None
        result.warnings.insert(0, ReadWarning("", "文件实际是文本（制表符分隔），已按文本导入"))
        return result
    book = load_sheets(path)
    return read_grids(str(path), book.sheets, list(book.warnings), "excel")


def guess_mapping(grid: SheetGrid, header_row: int) -> dict[int, str]:
    """The column → field mapping the keywords suggest for a header row (for the dialog)."""
    last = header_extent(grid, header_row)
    roles = roles_of(combined_header(grid, header_row, last))
    return {col: role for role, col in roles.items()}


def read_excel_with_mapping(
    path: str | os.PathLike[str],
    sheet: str | int,
    header_row: int,
    mapping: Mapping[int, str] | Mapping[str, str] | Mapping[int | str, str],
) -> ReadResult:
    """Import one sheet with a user's mapping: 0-based header row, column → field (see FIELDS).

    Columns are 0-based indexes or letters (``"C"``). A mapping with an ``indicators`` column
    is read as the summary layout; otherwise one row per indicator (needs a ``name`` column).
    """
    path = Path(path)
    book = load_sheets(path)
    grid = _pick_sheet(path, book, sheet)
    roles: dict[str, int] = {}
    for column, field_name in mapping.items():
        col = _column_number(path, column)
        if field_name not in FIELDS:
            raise ReadError(f"{path}：未知的栏目“{field_name}”")
        if field_name in roles:
            raise ReadError(f"{path}：栏目“{FIELDS[field_name]}”对应了不止一列")
        roles[field_name] = col
    if not 0 <= header_row < len(grid.rows):
        raise ReadError(f"{path}：工作表“{grid.name}”没有第 {header_row + 1} 行")
    last = header_extent(grid, header_row)
    money = header_money(combined_header(grid, header_row, last))
    if "indicators" in roles:
        summary_roles = {("name" if k == "project" else k): v for k, v in roles.items()}
        allowed = {"name", "total", "fiscal", "special_account", "other", "goal", "indicators"}
        summary_roles = {k: v for k, v in summary_roles.items() if k in allowed}
        detected = Detected("summary", header_row, last, summary_roles, money_unit=money)
    elif "name" in roles:
        detected = Detected("rows", header_row, last, roles, money_unit=money, mapped=True)
    else:
        raise ReadError(f"{path}：请至少指定“三级指标”列或“绩效指标”列")
    context = _read_sheet(grid, detected)
    if context.table.project_count() == 0:
        raise ReadError(f"{path}：按所选表头和各列，工作表“{grid.name}”中没有任何项目")
    return ReadResult(_merge([context.table]), list(book.warnings) + context.warnings, "excel")


# ---------------------------------------------------------------------------------------------


def _is_text(path: Path) -> bool:
    """Whether a file (named .xls or not) is plain text rather than a workbook or HTML."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    if head.startswith((OLE2_MAGIC, b"PK")) or looks_like_html(head):
        return False
    stripped = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if stripped.startswith(b"<?xml"):
        raise ReadError(
            f"{path}：这是“XML 电子表格 2003”格式，暂不支持；请在 Excel/WPS 中另存为 .xlsx 后导入"
        )
    return describe_binary(head) is None


def _pick_sheet(path: Path, book: WorkbookGrids, sheet: str | int) -> SheetGrid:
    if isinstance(sheet, int):
        if 0 <= sheet < len(book.sheets):
            return book.sheets[sheet]
    else:
        for grid in book.sheets:
            if grid.name == sheet:
                return grid
    raise ReadError(f"{path}：没有工作表“{sheet}”")


def _column_number(path: Path, column: int | str) -> int:
    if isinstance(column, int):
        if column < 0:
            raise ReadError(f"{path}：列号不能为负：{column}")
        return column
    letters = column.strip().upper()
    if not letters.isalpha() or not letters.isascii() or len(letters) > 3:
        raise ReadError(f"{path}：列名无效：{column}")
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


__all__ = [
    "FIELDS",
    "LayoutNotRecognised",
    "column_letters",
    "guess_mapping",
    "load_sheets",
    "read_excel",
    "read_excel_with_mapping",
]
