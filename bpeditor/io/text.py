"""The summary (disclosure) table as text, as saved from the web, Word or Excel or copied.

Rows: title lines, the header, 合计, then each unit's subtotal row followed by its projects.
A unit row is a row with amounts but no goal and no indicators; 合计 and unit rows are
checked against the sums and not stored. Whatever is not understood becomes a warning.

Limits of the format (what :func:`format_summary_text` cannot carry so that it reads back
the same); everything else round-trips exactly:

- Only the title, reporting unit, money unit (万元/元/千元), units, projects (name, the four
  amounts, goal, indicators) and the sign-off line are carried: not the year, the per-project
  form's fields, nor an indicator's 确定依据/解释/备注. An empty title is written as the default.
- Cells are stripped: leading and trailing whitespace is lost; CR and CRLF in a cell read as LF.
- The title and reporting unit are single lines without ``单位：``-style labels (``:``/``：``).
- A unit cannot be named 合计/总计 (spaces ignored) nor start with a sign-off label such as
  ``联系电话：``, nor can a project whose every filled cell starts with one; a project with
  amounts but no goal and no indicators reads as a unit row.
- Indicator fields are single lines. A 一级/二级 label holds no ``；``/``;`` and, without a
  code, does not start like ``code-``; codes are letters and digits. A name holds no
  ``；实施周期指标值:`` and a 年度 value no ``；年度指标值:``; a 年度 value holding ``。{n}、``
  reads as a new item (with a warning).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from operator import itemgetter
from pathlib import Path

from bpeditor.io.base import ReadError, ReadResult, ReadWarning, atomic_write, gc_paused
from bpeditor.io.grid_table import MONEY_UNIT, REPORTING_UNIT, SIGNOFF_KEYS, read_signoff
from bpeditor.io.indicator_codec import format_indicators, parse_indicators
from bpeditor.io.text_decode import decode_text
from bpeditor.io.tsv import Record, normalize_newlines, read_records, write_records
from bpeditor.model.document import FUNDS_FIELDS, FUNDS_LABELS
from bpeditor.model.money import Amount, AmountError, format_amount, parse_amount, same_amount
from bpeditor.model.table import (
    DEFAULT_TITLE,
    Funds,
    Indicator,
    Project,
    SignOff,
    Table,
    Unit,
)

MAX_BYTES = 256 * 1024 * 1024

HEADER = (
    "项目名称（资金使用单位）",
    "总计",
    "财政拨款",
    "财政专户拨款",
    "其他资金",
    "绩效目标",
    "绩效指标",
)
"""The seven columns of the summary layout, as the official table prints them."""

# Column roles, matched against header cells in this order (专户 before 财政拨款).
_COLUMN_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("name", ("项目名称", "资金使用单位", "项目（单位）名称", "单位名称")),
    ("special_account", ("财政专户",)),
    ("fiscal", ("财政拨款", "一般公共预算", "财政资金")),
    ("other", ("其他资金", "其他")),
    ("total", ("总计", "合计", "金额", "预算数")),
    ("goal", ("绩效目标",)),
    ("indicators", ("绩效指标",)),
)
HEADER_SCAN_ROWS = 60
"""How many non-blank rows from the top are searched for a header row (text and sheets)."""
_GRID_COLUMN = re.compile(r"^(?:一级|二级|三级|指标名称)")
_TOTAL_KEYS = frozenset({"合计", "总计"})
"""The 合计 row's name, spaces removed."""
_HEADER_STARTS = ("项目名称", "资金使用单位", "项目（单位）名称", "单位名称")
_HEADER_FIRSTS = frozenset(start[0] for start in _HEADER_STARTS)
"""A quick test before the whitespace-free comparison, made for every row."""
_ROW_ROLES = ("name", "goal", "indicators", *FUNDS_FIELDS)
"""The roles the fast path of :meth:`SummaryParser.read_row` reads, in this order."""
_PLAIN_AMOUNT = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,6})?")
"""An amount that ``parse_amount`` would read as it is (no separators, signs or wide digits)."""
_SIGNOFF_ANY = re.compile("(?:" + "|".join(p for _, p in SIGNOFF_KEYS) + r")\s*[:：]")
_SIGNOFF_START = re.compile(r"\s*" + _SIGNOFF_ANY.pattern)
_SIGNOFF_FIRSTS = frozenset("单负经填联")
"""The first characters of the sign-off labels: a stripped name starting otherwise is none."""
_SPECIAL_FIRSTS = _HEADER_FIRSTS | _SIGNOFF_FIRSTS
"""A name starting with one of these may be a repeated header or a sign-off line."""
_NOTE = re.compile(r"^\s*(?:注|说明|备注)\s*[:：\d]")
_CONTINUED_NAME = re.compile(r"\s*[（(]\s*续\s*[）)]\s*$")
"""A row named ``项目名（续）``: the project above continued from the page before."""


def read_amount(text: str) -> Amount:
    """``parse_amount``, with a fast path for the usual cells: blank or a plain decimal."""
    if not text:
        return None
    if _PLAIN_AMOUNT.fullmatch(text):
        return Decimal(text)  # parse_amount would clean nothing off and check the same
    return parse_amount(text)


def _normal(cell: str) -> str:
    return re.sub(r"\s+", "", cell)


def _plain_funds(texts: list[str]) -> Funds | None:
    """Four stripped amount cells as funds when each is blank or a plain decimal, else ``None``
    (``read_amount`` gives the same for these; the others may need a warning)."""
    amounts: list[Decimal | None] = []
    for text in texts:
        if not text:
            amounts.append(None)
        elif _PLAIN_AMOUNT.fullmatch(text):
            amounts.append(Decimal(text))
        else:
            return None
    return Funds(*amounts)


def map_summary_header(cells: list[str]) -> dict[str, int] | None:
    """Column roles for a header row, or ``None`` when the row is not the summary header."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(cells):
        text = _normal(cell)
        if not text:
            continue
        for role, keywords in _COLUMN_KEYWORDS:
            if role not in roles and any(k in text for k in keywords):
                roles[role] = index
                break
    if "name" in roles and ("indicators" in roles or "goal" in roles):
        if any(_GRID_COLUMN.search(_normal(cell)) for cell in cells):
            return None  # 一级/三级 columns: one row per indicator, not the one-cell notation
        return roles
    return None


@dataclass
class _Checked:
    """A summary row as printed in the file, to be checked against the derived sums."""

    line: int
    name: str
    funds: Funds


@dataclass
class SummaryParser:
    """Reads records of the summary layout into a table, collecting warnings with line numbers."""

    source: str
    table: Table = field(default_factory=Table)
    warnings: list[ReadWarning] = field(default_factory=list)
    roles: dict[str, int] = field(default_factory=dict)
    grand_total: _Checked | None = None
    unit_rows: list[tuple[_Checked, Unit]] = field(default_factory=list)
    _unused: dict[int, list[int]] = field(default_factory=dict, init=False, repr=False)
    """Unused column indexes by row length (the roles are set once, by the header)."""
    _row_texts: Callable[[list[str]], tuple[str, ...]] | None = field(
        default=None, init=False, repr=False
    )
    """The cells of :data:`_ROW_ROLES` in one call, when the header maps all of them."""
    _row_width: int = field(default=0, init=False, repr=False)
    """The least number of cells a row needs for :attr:`_row_texts` (a row of exactly this
    many has no unused column when the header maps this many roles)."""

    def warn(self, line: int, message: str) -> None:
        """Record a warning about a line of the file."""
        self.warnings.append(ReadWarning(f"第 {line} 行", message))

    def cell(self, record: Record, role: str) -> str:
        """The stripped text of the cell in the column of ``role`` (empty if absent)."""
        index = self.roles.get(role)
        if index is None or index >= len(record.cells):
            return ""
        return record.cells[index].strip()

    def run(self, records: list[Record], rows: Iterable[tuple[int, list[str]]] = ()) -> Table:
        """Read every record into the table and check the printed sums.

        ``rows`` are more rows after the records, as (line, cells): a sheet's body rows need
        no :class:`Record` each.
        """
        body_start = self.read_preamble(records)
        with gc_paused():
            for record in records[body_start:]:
                if record.unterminated:
                    self.warn(
                        record.line, "引号内的单元格没有结束，文件可能不完整；已读入到文件末尾"
                    )
                self.read_row(record.line, record.cells)
            for line, cells in rows:
                self.read_row(line, cells)
        self.check_sums()
        return self.table

    def read_preamble(self, records: list[Record]) -> int:
        """Title, 单位名称 and 单位 lines up to the header; returns the first body index."""
        title_found = False
        looked = 0
        for index, record in enumerate(records):
            if record.is_blank():
                continue
            looked += 1
            if looked > HEADER_SCAN_ROWS:
                break  # a preamble is a few lines: past them, the text is no summary table
            roles = map_summary_header(record.cells)
            if roles is not None:
                self.roles = roles
                self._unused.clear()
                if all(role in roles for role in _ROW_ROLES):
                    columns = [roles[role] for role in _ROW_ROLES]
                    self._row_texts = itemgetter(*columns)
                    self._row_width = max(columns) + 1
                return index + 1
            joined = "\t".join(c.strip() for c in record.cells if c.strip())
            unit_match = REPORTING_UNIT.search(joined)
            money_match = MONEY_UNIT.search(joined)
            if unit_match:
                self.table.reporting_unit = unit_match.group("name").strip()
            if money_match:
                self.table.money_unit = money_match.group("unit")
            if unit_match or money_match:
                continue
            if not title_found:
                self.table.title = joined
                title_found = True
            else:
                self.warn(record.line, f"表头之前的文字未导入：{joined}")
        raise ReadError(
            f"{self.source}：找不到表头行（应有“项目名称”“绩效目标”“绩效指标”等列），"
            "不是项目支出绩效目标表的汇总格式"
        )

    def amounts(self, record: Record) -> Funds:
        """The row's four amounts; a cell that is not a number is left blank with a warning."""
        funds = Funds()
        for name in FUNDS_FIELDS:
            text = self.cell(record, name)
            try:
                setattr(funds, name, read_amount(text))
            except AmountError:
                self.warn(record.line, f"“{FUNDS_LABELS[name]}”不是金额，已留空：{text}")
        return funds

    def read_row(self, line: int, cells: list[str]) -> None:
        """One row after the header; the usual project row is read here, the rest by
        :meth:`read_body_record`.

        The usual row (every column of the header present, no other cell filled, a goal or
        indicators, a name that cannot start a repeated header or a sign-off line, plain
        amounts) gives what :meth:`read_body_record` would give, with a few thousand fewer
        calls in a large table: the cells are fetched in one call and no :class:`Record` is made.
        """
        getter = self._row_texts
        if getter is not None and len(cells) >= self._row_width:
            name, goal, indicators_text, *amounts = map(str.strip, getter(cells))
            every_column_used = len(cells) == self._row_width == len(self.roles)
            if (
                (goal or indicators_text)
                and name[:1] not in _SPECIAL_FIRSTS
                and (every_column_used or not self._filled_unused(cells))
            ):
                funds = _plain_funds(amounts)
                if funds is not None:
                    self.read_project(line, name, funds, goal, indicators_text)
                    return
        record = Record(line, cells)
        if not record.is_blank():
            self.read_body_record(record)

    def _filled_unused(self, cells: list[str]) -> bool:
        """Whether any cell in a column that no role uses holds text."""
        unused = self.unused_columns(len(cells))
        return bool(unused) and any(cells[i].strip() for i in unused)

    def read_body_record(self, record: Record) -> None:
        """One row after the header: 合计, a unit, a project, a sign-off line or a note."""
        name = self.cell(record, "name")
        goal = self.cell(record, "goal")
        indicators_text = self.cell(record, "indicators")
        extra = [
            text
            for text in (record.cells[i].strip() for i in self.unused_columns(len(record.cells)))
            if text
        ]
        if (
            name
            and name[0] in _HEADER_FIRSTS
            and _normal(name).startswith(_HEADER_STARTS)
            and self.is_header(record)
        ):
            return  # the header repeated on a new page
        if _SIGNOFF_START.match(name) and all(
            _SIGNOFF_START.match(c) for c in record.cells if c.strip()
        ):  # the sign-off line, in one cell or across the columns (goal's and indicators')
            self.read_signoff(record)
            return
        if not goal and not indicators_text and self.read_other_row(record, name, extra):
            return
        if extra:
            self.warn(record.line, f"表头之外的单元格未导入：{'；'.join(extra)}")
        funds = self.amounts(record)
        if not goal and not indicators_text:
            if _normal(name) in _TOTAL_KEYS:
                if self.grand_total is not None:
                    self.warn(record.line, f"又一个“{name}”行（第 {self.grand_total.line} 行已有）")
                self.grand_total = _Checked(record.line, name, funds)
                return
            if not funds.is_blank():
                unit = Unit(name=name)
                self.table.units.append(unit)
                self.unit_rows.append((_Checked(record.line, name, funds), unit))
                if not name:
                    self.warn(record.line, "单位行没有名称")
                return
            self.warn(record.line, f"“{name}”没有金额、绩效目标和绩效指标，已作为项目导入")
        self.read_project(record.line, name, funds, goal, indicators_text)

    def unused_columns(self, count: int) -> list[int]:
        """The indexes of a row of ``count`` cells that no column role uses, in order."""
        unused = self._unused.get(count)
        if unused is None:
            used = set(self.roles.values())
            unused = self._unused[count] = [i for i in range(count) if i not in used]
        return unused

    def is_header(self, record: Record) -> bool:
        """Whether the row is the header again (printed tables repeat it on every page)."""
        if map_summary_header(record.cells) != self.roles:
            return False
        for role in FUNDS_FIELDS:
            try:
                if parse_amount(self.cell(record, role)) is not None:
                    return False
            except AmountError:
                continue
        return True

    def read_other_row(self, record: Record, name: str, extra: list[str]) -> bool:
        """A row with no goal and no indicators that is not a table row; True if handled."""
        first = next((c.strip() for c in record.cells if c.strip()), "")
        no_amounts = all(not self.cell(record, role) for role in FUNDS_FIELDS)
        if _SIGNOFF_START.match(first) or (
            no_amounts and _SIGNOFF_ANY.search("\t".join(record.cells))
        ):
            self.read_signoff(record)
            return True
        if no_amounts and _NOTE.match(first):
            self.warn(record.line, f"说明文字未导入：{first}")
            return True
        if no_amounts and not name:
            if extra:
                self.warn(record.line, f"表头之外的单元格未导入：{'；'.join(extra)}")
            return True
        return False

    def read_project(
        self, line: int, name: str, funds: Funds, goal: str, indicators_text: str
    ) -> None:
        """Add a project row to the current unit (a unit named after the table if none yet)."""
        if not self.table.units:
            self.table.units.append(Unit(name=self.table.reporting_unit))
        indicators: list[Indicator] = []
        if indicators_text:
            indicators, problems = parse_indicators(indicators_text)
            for problem in problems:
                where = f"第 {problem.item} 个指标" if problem.item else "指标列"
                self.warn(line, f"项目“{name}”{where}：{problem.message}：{problem.text}")
        if not name:
            self.warn(line, "项目没有名称")
        if self._continues(name, funds):
            previous = self.table.units[-1].projects[-1]
            previous.goal += goal
            previous.indicators.extend(indicators)
            return
        # Positional: name, funds, goal, indicators (the other fields keep their defaults).
        self.table.units[-1].projects.append(Project(name, funds, goal, indicators))

    def _continues(self, name: str, funds: Funds) -> bool:
        """Whether a row is the previous project continued: ``项目名（续）`` with no amounts."""
        match = _CONTINUED_NAME.search(name)
        if match is None or not funds.is_blank() or not self.table.units[-1].projects:
            return False
        return self.table.units[-1].projects[-1].name == name[: match.start()]

    def read_signoff(self, record: Record) -> None:
        """Fill the sign-off fields from a 负责人/填报人/联系电话/填报日期 line."""
        read_signoff("\t".join(record.cells), self.table, overwrite=True)

    def check_sums(self) -> None:
        """Compare the printed unit subtotals and 合计 with the sums of their projects."""
        if not self.unit_rows and self.grand_total is None:
            return
        units = self.table.units
        sums = {id(unit): funds for unit, funds in zip(units, map(Unit.funds, units), strict=True)}
        for checked, unit in self.unit_rows:
            self.check_row(checked, sums[id(unit)], f"单位“{checked.name}”的小计")
        if self.grand_total is not None:
            # The units' sums summed: what Table.funds gives, without summing every project
            # again (a unit's 总计 is blank only when none of its projects has any amount, and
            # amounts of at most 15 + 6 digits add up exactly).
            self.check_row(self.grand_total, Funds.summed(list(sums.values())), "合计")

    def check_row(self, checked: _Checked, derived: Funds, what: str) -> None:
        """Warn about each amount of a printed summary row that differs from the derived sum.

        Zero amounts print blank, so in a row with any amount a blank cell counts as zero.
        """
        if checked.funds.is_blank():
            return
        for name in FUNDS_FIELDS:
            printed = getattr(checked.funds, name)
            computed = getattr(derived, name)
            if not same_amount(printed, computed):
                self.warn(
                    checked.line,
                    f"{what}“{FUNDS_LABELS[name]}”为 "
                    f"{format_amount(printed, blank_zero=False) or '空'}，"
                    f"与明细之和 {format_amount(computed, blank_zero=False) or '0.00'} 不符",
                )


def parse_summary_text(text: str, source: str = "文本") -> ReadResult:
    """Read the summary layout from text (tab-separated cells, as saved or copied)."""
    parser = SummaryParser(source)
    parser.run(list(read_records(text)))
    if parser.table.project_count() == 0:
        raise ReadError(f"{source}：表中没有任何项目（只有表头或只有汇总行）")
    return ReadResult(parser.table, parser.warnings, "text")


def read_text(path: str | os.PathLike[str]) -> ReadResult:
    """Read a summary table saved as text in any of the encodings Windows programs write."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ReadError(f"{path}：文件过大（{size // (1024 * 1024)} MiB），不像是绩效目标表")
    decoded = decode_text(path.read_bytes(), str(path))
    text = decoded.text
    if "\t" not in text[:65536] and "," in text[:65536]:
        from bpeditor.io.layouts.text_grid import csv_as_tsv  # noqa: PLC0415

        text = csv_as_tsv(text)  # comma-separated (.csv): the same cells, tab-separated
    try:
        result = parse_summary_text(text, str(path))
    except ReadError as refusal:
        # not the summary layout: the text is a grid like any sheet (forms, one row per indicator)
        from bpeditor.io.layouts.text_grid import read_text_grid  # noqa: PLC0415

        result = read_text_grid(text, str(path), refusal)
    if decoded.damaged_at is not None:
        result.warnings.insert(
            0,
            ReadWarning(
                f"第 {decoded.damaged_at} 行", "有无法按 UTF-8 解读的字节，已显示为 �，请核对"
            ),
        )
    if decoded.truncated:
        last_line = normalize_newlines(decoded.text).count("\n") + 1
        result.warnings.append(
            ReadWarning(
                f"第 {last_line} 行", "文件末尾的字符不完整，文件可能被截断；已读入到截断处"
            )
        )
    return result


def _amount_cells(funds: Funds) -> list[str]:
    return [format_amount(getattr(funds, name), blank_zero=False) for name in FUNDS_FIELDS]


def _summary_cells(funds: Funds) -> list[str]:
    """A derived row's amounts; the total is always written so the row reads as a unit row."""
    cells = _amount_cells(funds)
    cells[0] = cells[0] or "0.00"
    return cells


def summary_rows(table: Table, *, one_per_line: bool = False) -> list[list[str]]:
    """The table as rows of cells in the summary layout, title lines included."""
    rows: list[list[str]] = [
        [table.title or DEFAULT_TITLE],
        [],
        [f"单位名称：{table.reporting_unit}"],
        [],
        [f"单位：{table.money_unit}"],
        [],
        list(HEADER),
        ["合计", *_summary_cells(table.funds()), "", ""],
    ]
    for unit in table.units:
        rows.append([unit.name, *_summary_cells(unit.funds()), "", ""])
        for project in unit.projects:
            indicators = format_indicators(project.indicators, one_per_line=one_per_line)
            rows.append([project.name, *_amount_cells(project.funds), project.goal, indicators])
    signoff = _signoff_cells(table.signoff)
    if signoff:
        rows.extend([[], signoff])
    return rows


def _signoff_cells(signoff: SignOff) -> list[str]:
    if not any((signoff.head, signoff.preparer, signoff.phone, signoff.date)):
        return []
    return [
        f"单位负责人：{signoff.head}",
        f"填报人：{signoff.preparer}",
        f"联系电话：{signoff.phone}",
        f"填报日期：{signoff.date}",
    ]


def format_summary_text(table: Table, *, one_per_line: bool = False) -> str:
    """The table as tab-separated text in the summary layout."""
    return write_records(summary_rows(table, one_per_line=one_per_line))


def write_text(table: Table, path: str | os.PathLike[str], *, one_per_line: bool = False) -> None:
    """Save the summary layout as UTF-8 text (with a BOM, so Excel and Notepad read it right)."""
    data = format_summary_text(table, one_per_line=one_per_line).encode("utf-8-sig")
    atomic_write(path, lambda tmp: tmp.write_bytes(data))
