"""HTML tables saved with an ``.xls`` name (web systems' "Excel" exports) as one sheet grid.

Parsed with the standard library's :mod:`html.parser` (no scripts, no entities beyond HTML's
own, no network). Every ``<table>`` of the page is stacked into one grid, a blank row between
tables, so a title table above the data table still reads as title rows. ``rowspan`` and
``colspan`` become merged ranges (the value in the top-left cell); rows styled
``display:none`` are hidden rows. ``<br>`` is a line break inside a cell.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from bpeditor.io.base import ReadError
from bpeditor.io.excel_grid import SheetGrid
from bpeditor.io.excel_package import MAX_CELLS, MAX_COLS
from bpeditor.io.text_decode import decode_text

MAX_HTML_BYTES = 64 * 1024 * 1024
"""The largest HTML file that is read."""
MAX_SPAN = 1000
"""Row and column spans are clamped to this."""
SHEET_NAME = "网页表格"

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f]+")


def looks_like_html(head: bytes) -> bool:
    """Whether the first bytes of a file look like an HTML page or table."""
    sample = head[:4096].lower()
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        sample = head[:4096].decode("utf-16", errors="ignore").lower().encode()
    sample = sample.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not sample.startswith(b"<"):
        return False
    return any(tag in sample for tag in (b"<html", b"<table", b"<!doctype html", b"<meta"))


class _TableParser(HTMLParser):
    """Collects the cells of every table, with their spans, row by row."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[tuple[int, int, str]]] = []
        self.hidden: set[int] = set()
        self.depth = 0
        self.cell: list[str] | None = None
        self.span = (1, 1)
        self.in_row = False
        self.skip = 0
        self.cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag in ("script", "style"):
            self.skip += 1
        elif tag == "table":
            self.depth += 1
            if self.depth == 1 and self.rows:
                self.rows.append([])  # a blank row between stacked tables
        elif self.depth > 1:
            if tag == "br" and self.cell is not None:
                self.cell.append("\n")
        elif tag == "tr" and self.depth == 1:
            self.end_cell()
            self.rows.append([])
            self.in_row = True
            if _HIDDEN_STYLE.search(values.get("style", "")):
                self.hidden.add(len(self.rows) - 1)
        elif tag in ("td", "th") and self.depth == 1:
            self.end_cell()
            if not self.in_row:
                self.rows.append([])
                self.in_row = True
            self.cell = []
            self.span = (_span(values.get("rowspan")), _span(values.get("colspan")))
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag == "table":
            if self.depth == 1:
                self.end_cell()
                self.in_row = False
            self.depth = max(0, self.depth - 1)
        elif self.depth == 1 and tag in ("td", "th"):
            self.end_cell()
        elif self.depth == 1 and tag == "tr":
            self.end_cell()
            self.in_row = False

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.skip:
            self.cell.append(data)

    def end_cell(self) -> None:
        """Store the open cell, if any, in the current row."""
        if self.cell is None:
            return
        text = "".join(self.cell)
        lines = [_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
        text = "\n".join(lines).replace("\u00a0", " ").strip()
        self.rows[-1].append((self.span[0], self.span[1], text))
        self.cell = None
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise ReadError("网页表格的单元格过多，已拒绝读取")


def _span(value: str | None) -> int:
    try:
        number = int((value or "1").strip())
    except ValueError:
        return 1
    return min(max(number, 1), MAX_SPAN)


def _place(
    parsed: list[list[tuple[int, int, str]]],
) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """Lay the parsed cells out on a grid, honouring spans; returns rows and merged ranges."""
    taken: dict[int, set[int]] = {}
    grid: list[list[str]] = []
    merges: list[tuple[int, int, int, int]] = []
    for r, cells in enumerate(parsed):
        row_taken = taken.setdefault(r, set())
        col = 0
        texts: dict[int, str] = {}
        for rowspan, colspan, text in cells:
            while col in row_taken:
                col += 1
            if col >= MAX_COLS:
                raise ReadError(f"网页表格超过 {MAX_COLS} 列，已拒绝读取")
            texts[col] = text
            down = min(rowspan, len(parsed) - r)
            if down > 1 or colspan > 1:
                merges.append((r, col, r + down - 1, col + colspan - 1))
                for dr in range(down):
                    taken.setdefault(r + dr, set()).update(range(col, col + colspan))
            col += colspan
        width = max(texts, default=-1) + 1
        row = [""] * width
        for c, text in texts.items():
            row[c] = text
        grid.append(row)
        if sum(len(x) for x in grid) > MAX_CELLS:
            raise ReadError("网页表格的单元格过多，已拒绝读取")
    width = max((len(r) for r in grid), default=0)
    for row in grid:
        row.extend([""] * (width - len(row)))
    return grid, merges


def read_html_grid(path: Path) -> SheetGrid:
    """The tables of an HTML file as one sheet grid."""
    size = path.stat().st_size
    if size > MAX_HTML_BYTES:
        raise ReadError(f"{path}：文件过大（{size // (1024 * 1024)} MiB），不像是绩效目标表")
    data = path.read_bytes()
    text: str | None = None
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii").lower()
        if name in ("gb2312", "gbk", "gb18030", "x-gbk"):
            name = "gb18030"
        try:
            text = data.decode(name)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode_text(data, str(path)).text
    return html_grid(text, str(path))


def html_grid(text: str, source: str, name: str = SHEET_NAME) -> SheetGrid:
    """The tables of an HTML text (a page, or what a browser, Word or Excel copied) as a grid."""
    parser = _TableParser()
    try:
        parser.feed(text)
        parser.close()
    except ReadError as exc:
        raise ReadError(f"{source}：{exc}") from None
    if not parser.rows:
        raise ReadError(f"{source}：网页文件中没有表格，不是绩效目标表")
    rows, merges = _place(parser.rows)
    return SheetGrid(name, rows, merges, frozenset(parser.hidden), location=name)
