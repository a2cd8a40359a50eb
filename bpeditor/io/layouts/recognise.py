"""The one recogniser: any grid of cells (a sheet, an HTML or Word table, tab-separated text)
turned into a table, whatever format it was read from.

For each grid, in order: the header keywords decide the layout (:func:`detect`: the summary
table, one row per indicator, or per-project forms); forms, and grids with no header the
keywords know, are read by :mod:`bpeditor.io.layouts.forms` (stacked forms included).
Amounts in 元 become 万元; the grids' tables are merged into one. When no grid holds a project
with an indicator, the refusal says which grid and which header row were looked at.
"""

from __future__ import annotations

from decimal import Decimal

from bpeditor.io.base import ReadError, ReadResult, ReadWarning
from bpeditor.io.excel_grid import SheetGrid
from bpeditor.io.excel_layouts import (
    Detected,
    SheetContext,
    detect,
    read_summary_sheet,
)
from bpeditor.io.excel_rows import RowsReader
from bpeditor.io.layouts.forms import read_forms_grid
from bpeditor.model.table import Table

_CENT = Decimal("0.01")
_UNCACHED = "公式没有缓存的计算结果，已读为空；请在 Excel/WPS 中打开并保存后再导入"


class LayoutNotRecognised(ReadError):
    """No sheet's layout could be recognised: which sheet, which header row, what columns."""

    def __init__(
        self,
        source: str,
        sheet: str,
        header_row: int | None,
        columns: list[str],
        grid: SheetGrid | None = None,
        *,
        mapping_hint: bool = True,
    ) -> None:
        self.sheet = sheet
        self.header_row = header_row
        """The best-guess header row (0-based), or ``None`` when no header-like row was found."""
        self.columns = columns
        named = grid.where() if grid is not None else f"工作表“{sheet}”"
        if header_row is None:
            where = f"{named}中找不到表头行"
        else:
            row = grid.place(header_row) if grid is not None else f"{named}第 {header_row + 1} 行"
            found = "、".join(columns[:12]) or "无"
            where = f"{row}的表头无法对应到绩效目标表的栏目（找到：{found}）"
        super().__init__(
            f"{source}：{where}；应有汇总表的“项目名称/绩效目标/绩效指标”，"
            "或逐条指标的“项目名称/一级指标/三级指标/指标值”，或申报表的“项目名称”与指标表"
            + ("。请在导入对话框中指定表头行和各列" if mapping_hint else "")
        )


def read_grids(
    source: str,
    sheets: list[SheetGrid],
    warnings: list[ReadWarning],
    fmt: str,
    *,
    mapping_hint: bool = True,
) -> ReadResult:
    """Import every grid whose layout is recognised, merged into one table.

    ``mapping_hint``: a refusal points to the import dialog (a file's, not the clipboard's).
    """
    parts: list[Table] = []
    unsure: list[tuple[SheetGrid, int | None, list[str]]] = []
    for grid in sheets:
        if not any(any(c.strip() for c in row) for row in grid.rows):
            continue
        if not grid.visible:
            warnings.append(ReadWarning(grid.where(), "隐藏的工作表未导入"))
            continue
        detected, guess, columns = detect(grid)
        context = read_sheet(grid, detected)
        if context is None:
            unsure.append((grid, guess, columns))
            continue
        if context.table.project_count() == 0:
            warnings.append(ReadWarning(grid.where(), "表中没有任何项目，未导入"))
            continue
        warnings.extend(context.warnings)
        parts.append(context.table)
    if not parts:
        if unsure:
            grid, guess, columns = next((u for u in unsure if u[1] is not None), unsure[0])
            raise LayoutNotRecognised(
                source, grid.name, guess, columns, grid, mapping_hint=mapping_hint
            )
        if not sheets:
            raise ReadError(f"{source}：工作簿中没有工作表")
        raise ReadError(f"{source}：没有可导入的项目（表格为空或只有表头）")
    for grid, guess, _ in unsure:
        where = f"第 {guess + 1} 行的表头无法识别" if guess is not None else "找不到表头"
        warnings.append(ReadWarning(grid.where(), f"{where}，不是绩效目标表，已跳过"))
    return ReadResult(_merge(parts), warnings, fmt)


def read_sheet(grid: SheetGrid, detected: Detected | None) -> SheetContext | None:
    """One grid in its detected layout; forms and unknown headers by the forms reader."""
    if detected is not None and detected.layout != "forms":
        return _read_sheet(grid, detected)
    forms = read_forms_grid(grid)
    if forms is None:
        return None
    context = SheetContext(grid, *forms)
    _finish_sheet(context, detected)
    return context


def _read_sheet(grid: SheetGrid, detected: Detected) -> SheetContext:
    """Read one recognised sheet into a table, amounts converted to 万元."""
    context = SheetContext(grid)
    if detected.layout == "summary":
        read_summary_sheet(context, detected)
    else:
        context.preamble(detected.header_row)
        RowsReader(
            context,
            detected.roles,
            detected.header_row,
            detected.header_end + 1,
            report_extra=not detected.mapped,
        ).read()
    _finish_sheet(context, detected)
    return context


def _finish_sheet(context: SheetContext, detected: Detected | None) -> None:
    """Uncached formulas named; amounts in 元 converted to 万元."""
    grid = context.grid
    for address in grid.uncached:
        context.warnings.append(ReadWarning(address, _UNCACHED))
    if context.table.money_unit == "元" or (detected is not None and detected.money_unit == "元"):
        _to_wan(context.table)
        context.warn(
            detected.header_row if detected else 0, "金额单位为元，已换算为万元（除以 10000）"
        )


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
