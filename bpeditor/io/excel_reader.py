"""Excel import: .xlsx/.xlsm/.xls workbooks (and HTML or text saved with an .xls name).

Each sheet is read into a grid (:mod:`bpeditor.io.excel_grid`), its layout recognised by
header keywords wherever the header sits (:mod:`bpeditor.io.excel_layouts`; the rows layout is
read by :mod:`bpeditor.io.excel_rows`, the forms by :mod:`bpeditor.io.forms_grid`), and every
recognised sheet imported and merged into one table; other sheets are named in warnings.
When no sheet can be recognised, :class:`LayoutNotRecognised` says which sheet and which
header row could not be mapped; :func:`read_excel_with_mapping` imports a sheet with the
header row and column fields a user picked (the import dialog).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

from bpeditor.io.base import ReadError, ReadResult, ReadWarning
from bpeditor.io.excel_grid import SheetGrid, WorkbookGrids, column_letters, load_workbook
from bpeditor.io.excel_html import looks_like_html, read_html_grid
from bpeditor.io.excel_layouts import (
    FIELDS,
    Detected,
    SheetContext,
    combined_header,
    detect,
    header_extent,
    header_money,
    norm,
    read_summary_sheet,
    roles_of,
)
from bpeditor.io.excel_rows import RowsReader
from bpeditor.io.forms_grid import FormsReader
from bpeditor.io.grid_table import GridCell, GridRow, GridTable
from bpeditor.io.text import read_text
from bpeditor.io.text_decode import describe_binary
from bpeditor.model.table import Table

OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
_CENT = Decimal("0.01")
_UNCACHED = "公式没有缓存的计算结果，已读为空；请在 Excel/WPS 中打开并保存后再导入"


class LayoutNotRecognised(ReadError):
    """No sheet's layout could be recognised: which sheet, which header row, what columns."""

    def __init__(self, source: str, sheet: str, header_row: int | None, columns: list[str]) -> None:
        self.sheet = sheet
        self.header_row = header_row
        """The best-guess header row (0-based), or ``None`` when no header-like row was found."""
        self.columns = columns
        if header_row is None:
            where = f"工作表“{sheet}”中找不到表头行"
        else:
            found = "、".join(columns[:12]) or "无"
            where = (
                f"工作表“{sheet}”第 {header_row + 1} 行的表头无法对应到绩效目标表的栏目"
                f"（找到：{found}）"
            )
        super().__init__(
            f"{source}：{where}；应有汇总表的“项目名称/绩效目标/绩效指标”，"
            "或逐条指标的“项目名称/一级指标/三级指标/指标值”，或申报表的“项目名称”与指标表。"
            "请在导入对话框中指定表头行和各列"
        )


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
    warnings = list(book.warnings)
    parts: list[Table] = []
    unsure: list[tuple[str, int | None, list[str]]] = []
    for grid in book.sheets:
        if not any(any(c.strip() for c in row) for row in grid.rows):
            continue
        if not grid.visible:
            warnings.append(ReadWarning(f"工作表“{grid.name}”", "隐藏的工作表未导入"))
            continue
        detected, guess, columns = detect(grid)
        if detected is None:
            unsure.append((grid.name, guess, columns))
            continue
        context = _read_sheet(grid, detected)
        if context.table.project_count() == 0:
            warnings.append(ReadWarning(f"工作表“{grid.name}”", "表中没有任何项目，未导入"))
            continue
        warnings.extend(context.warnings)
        parts.append(context.table)
    if not parts:
        if unsure:
            sheet, guess, columns = next((u for u in unsure if u[1] is not None), unsure[0])
            raise LayoutNotRecognised(str(path), sheet, guess, columns)
        if not book.sheets:
            raise ReadError(f"{path}：工作簿中没有工作表")
        raise ReadError(f"{path}：工作簿中没有可导入的项目（各工作表为空或只有表头）")
    for sheet, guess, _ in unsure:
        where = f"第 {guess + 1} 行的表头无法识别" if guess is not None else "找不到表头"
        warnings.append(ReadWarning(f"工作表“{sheet}”", f"{where}，不是绩效目标表，已跳过"))
    return ReadResult(_merge(parts), warnings, "excel")


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


def _read_sheet(grid: SheetGrid, detected: Detected) -> SheetContext:
    """Read one recognised sheet into a table, amounts converted to 万元."""
    context = SheetContext(grid)
    if detected.layout == "summary":
        read_summary_sheet(context, detected)
    elif detected.layout == "rows":
        context.preamble(detected.header_row)
        RowsReader(
            context,
            detected.roles,
            detected.header_row,
            detected.header_end + 1,
            report_extra=not detected.mapped,
        ).read()
    else:
        _read_forms(context)
    for address in grid.uncached:
        context.warnings.append(ReadWarning(address, _UNCACHED))
    if context.table.money_unit == "元" or detected.money_unit == "元":
        _to_wan(context.table)
        context.warn(detected.header_row, "金额单位为元，已换算为万元（除以 10000）")
    return context


def _read_forms(context: SheetContext) -> None:
    """Per-project forms (one per sheet or stacked), read by the shared forms reader."""
    grid = context.grid
    first_form = next(
        (
            r
            for r, cells in enumerate(grid.rows)
            if norm(next((c for c in cells if c.strip()), "")).startswith("项目名称")
        ),
        0,
    )
    items: list[str | GridTable] = []
    for row in range(first_form):
        text = "\t".join(c.strip() for c in grid.rows[row] if c.strip())
        if text and row not in grid.hidden_rows:
            items.append(text)
    rows = _grid_rows(context, first_form)
    items.append(GridTable(1, rows, grid.width, f"工作表“{grid.name}”"))
    reader = FormsReader(grid.name, [items[-1]], format="excel")  # type: ignore[list-item]
    context.table = reader.read(items).table
    context.warnings.extend(reader.warnings)


def _grid_rows(context: SheetContext, first_form: int) -> list[GridRow]:
    """The sheet's rows as forms-reader rows; rows above the first form and hidden rows blank."""
    grid = context.grid
    width = grid.width
    origins = grid.origins()
    cells: dict[tuple[int, int], GridCell] = {}
    spans = {(r0, c0): c1 - c0 + 1 for r0, c0, _r1, c1 in grid.merges}
    rows: list[GridRow] = []
    for r, texts in enumerate(grid.rows):
        blank = r < first_form or r in grid.hidden_rows
        if r in grid.hidden_rows and any(t.strip() for t in texts):
            context.warn(r, "隐藏的行未导入：" + "；".join(t.strip() for t in texts if t.strip()))
        line: list[GridCell | None] = [None] * width
        if not blank:
            for c in range(width):
                origin = origins.get((r, c))
                if origin is not None:
                    line[c] = cells.get(origin)
                    continue
                text = texts[c] if c < len(texts) else ""
                span = spans.get((r, c))
                if not text.strip() and span is None:
                    continue  # an empty cell: absent, as a missing Word cell is
                cell = GridCell(text, r, c, span or 1)
                cells[(r, c)] = cell
                line[c] = cell
        rows.append(GridRow(r, line))
    return rows


def _to_wan(table: Table) -> None:
    """Amounts in 元 as 万元 (exact: the decimal point moves four places)."""
    for _, project in table.iter_projects():
        for funds in (project.funds, project.period_funds):
            for name in ("total", "fiscal", "special_account", "other"):
                setattr(funds, name, _wan(getattr(funds, name)))
    table.money_unit = "万元"


def _wan(amount: Decimal | None) -> Decimal | None:
    if amount is None:
        return None
    converted = amount.scaleb(-4)
    exponent = converted.as_tuple().exponent  # not an int for an infinity or NaN: kept as it is
    quantized = (
        converted.quantize(_CENT) if isinstance(exponent, int) and exponent < -2 else converted
    )
    return quantized if quantized == converted else converted.normalize()


def _merge(parts: list[Table]) -> Table:
    """Several sheets' tables as one: units of the same name gather their projects."""
    table = parts[0]
    by_name = {unit.name: unit for unit in table.units}
    for part in parts[1:]:
        table.reporting_unit = table.reporting_unit or part.reporting_unit
        table.year = table.year or part.year
        for attr in ("head", "preparer", "phone", "date"):
            if not getattr(table.signoff, attr):
                setattr(table.signoff, attr, getattr(part.signoff, attr))
        for unit in part.units:
            if unit.name in by_name:
                by_name[unit.name].projects.extend(unit.projects)
            else:
                by_name[unit.name] = unit
                table.units.append(unit)
    return table


__all__ = [
    "FIELDS",
    "LayoutNotRecognised",
    "column_letters",
    "guess_mapping",
    "load_sheets",
    "read_excel",
    "read_excel_with_mapping",
]
