"""Word (.docx) import: the summary table or per-project forms, read from the body's XML.

The document part is read with :mod:`zipfile` and :mod:`lxml` directly (no python-docx): the
grid is rebuilt from ``w:tr``/``w:tc`` with ``w:gridSpan`` and ``w:vMerge``, so a merged cell
is read once, and text in tracked deletions is left out. The summary layout is handed to the
text importer's parser as records (one per table row); the per-project forms by
the one recogniser (:mod:`bpeditor.io.layouts.recognise`).
"""

from __future__ import annotations

import os
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from bpeditor.io.base import ReadError, ReadResult, ReadWarning
from bpeditor.io.grid_table import (
    ATTACHMENT,
    GridCell,
    GridRow,
    GridTable,
    is_amount,
    is_signoff,
    norm,
)
from bpeditor.io.layouts.labels import field_of
from bpeditor.io.layouts.recognise import read_grids
from bpeditor.io.layouts.word_grid import table_grids
from bpeditor.io.text import SummaryParser, map_summary_header
from bpeditor.io.tsv import Record

DOCUMENT_PART = "word/document.xml"
MAX_MEMBER_BYTES = 200 * 1024 * 1024
"""Refuse a package with any member declared larger than this when uncompressed."""
MAX_RATIO = 100
"""Refuse a member (of at least :data:`RATIO_MIN_BYTES`) compressed more than this."""
RATIO_MIN_BYTES = 1024 * 1024
"""Members smaller than this are not checked for their ratio: they cannot hurt."""

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
W_BODY, W_P, W_TBL, W_TR, W_TC = (f"{_W}{t}" for t in ("body", "p", "tbl", "tr", "tc"))
W_T, W_TAB, W_BR, W_CR, W_R = (f"{_W}{t}" for t in ("t", "tab", "br", "cr", "r"))
W_SDT, W_SDT_CONTENT, W_CUSTOM_XML = f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"
W_VAL, W_TYPE = f"{_W}val", f"{_W}type"
W_TC_PR, W_GRID_SPAN = f"{_W}tcPr", f"{_W}gridSpan"
W_V_MERGE, W_H_MERGE = f"{_W}vMerge", f"{_W}hMerge"
_SKIPPED = (f"{_W}del", f"{_W}moveFrom", f"{_MC}Fallback", f"{_W}txbxContent")
_CONTAINERS = (W_SDT, W_SDT_CONTENT, W_CUSTOM_XML)
_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)


# ---------------------------------------------------------------------------------------------
# The package and its XML


def _load_document_xml(path: Path) -> bytes:
    """The bytes of ``word/document.xml``, after checking the package is no zip bomb."""
    try:
        with path.open("rb") as handle:
            magic = handle.read(8)
    except FileNotFoundError:
        raise ReadError(f"{path}：文件不存在") from None
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError(f"{path}：这是旧版 Word（.doc）或加密的文档，请在 Word/WPS 中另存为 .docx")
    if not magic.startswith(b"PK"):
        raise ReadError(f"{path}：不是 Word 文档（.docx 应是 zip 压缩包）")
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            for info in infos:
                _check_member(path, info)
            try:
                info = package.getinfo(DOCUMENT_PART)
            except KeyError:
                raise ReadError(
                    f"{path}：压缩包中没有 {DOCUMENT_PART}，不是 Word 文档（.docx）"
                ) from None
            with package.open(info) as member:
                data = member.read(MAX_MEMBER_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        raise ReadError(f"{path}：文件已损坏或不完整，无法作为 Word 文档读取（{exc}）") from None
    if len(data) > MAX_MEMBER_BYTES:
        raise ReadError(f"{path}：{DOCUMENT_PART} 解压后过大，已拒绝读取")
    return data


def _check_member(path: Path, info: zipfile.ZipInfo) -> None:
    """Refuse members that would unpack to something huge (a zip bomb)."""
    size_mb = info.file_size // (1024 * 1024)
    if info.file_size > MAX_MEMBER_BYTES:
        raise ReadError(
            f"{path}：压缩包成员 {info.filename} 解压后达 {size_mb} MiB，过大，已拒绝读取"
        )
    if info.file_size >= RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(
        info.compress_size, 1
    ):
        raise ReadError(
            f"{path}：压缩包成员 {info.filename} 的压缩比异常（{size_mb} MiB），"
            "可能是恶意文件，已拒绝读取"
        )


def _parse_xml(path: Path, data: bytes) -> etree._Element:
    """Parse the document part, refusing any DTD (no entities, no network)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[:65536].decode("utf-16", errors="ignore").encode("utf-8")
    else:
        head = data.removeprefix(b"\xef\xbb\xbf")
    prolog_end = _PROLOG.match(head)
    rest = head[prolog_end.end() if prolog_end else 0 :]
    if rest.startswith(b"<!"):
        raise ReadError(
            f"{path}：{DOCUMENT_PART} 含有 DTD 或实体声明，已拒绝读取（可能是恶意文件）"
        )
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"{path}：{DOCUMENT_PART} 不是有效的 XML（{exc}）") from None
    if root.getroottree().docinfo.doctype:
        raise ReadError(f"{path}：{DOCUMENT_PART} 含有 DTD 声明，已拒绝读取")
    return root


def _paragraph_text(p: etree._Element) -> str:
    """A paragraph's text: ``w:t`` runs, tabs and line breaks (deletions already removed)."""
    return _text_of(p).removeprefix("\n")


def _cell_text(tc: etree._Element) -> str:
    """A cell's paragraphs, joined with line breaks."""
    return _text_of(tc).removeprefix("\n")


def _text_of(el: etree._Element) -> str:
    """Text of every paragraph under ``el``, each preceded by a line break (one pass)."""
    parts: list[str] = []
    for node in el.iter(W_P, W_T, W_TAB, W_BR, W_CR):
        tag = node.tag
        if tag == W_T:
            parts.append(node.text or "")
        elif tag == W_P:
            parts.append("\n")
        elif (parent := node.getparent()) is None or parent.tag != W_R:
            continue  # a tab stop in the paragraph's properties, not a character
        elif tag == W_TAB:
            parts.append("\t")
        elif tag == W_CR or node.get(W_TYPE) in (None, "textWrapping"):
            parts.append("\n")
    return "".join(parts)


def _children(parent: etree._Element, tag: str) -> list[etree._Element]:
    """Children with ``tag``, looking through content controls and custom XML wrappers."""
    found: list[etree._Element] = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag in _CONTAINERS:
            found.extend(_children(child, tag))
    return found


def _int_attr(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return max(0, int(el.get(W_VAL, default)))
    except ValueError:
        return default


# ---------------------------------------------------------------------------------------------
# The grid of a table


def _read_table(number: int, tbl: etree._Element) -> GridTable:
    rows: list[GridRow] = []
    previous: list[GridCell | None] = []
    for tr in _children(tbl, W_TR):
        tr_pr = tr.find(f"{_W}trPr")
        if tr_pr is not None and tr_pr.find(f"{_W}del") is not None:
            continue  # a row deleted with tracked changes
        index = len(rows)
        col = _int_attr(tr_pr.find(f"{_W}gridBefore") if tr_pr is not None else None, 0)
        grid: list[GridCell | None] = [None] * col
        last: GridCell | None = None
        for tc in _children(tr, W_TC):
            span, v_merge, h_merge = 1, None, None
            first = tc[0] if len(tc) else None
            if first is not None and first.tag == W_TC_PR:
                for prop in first:
                    if prop.tag == W_GRID_SPAN:
                        span = max(1, _int_attr(prop, 1))
                    elif prop.tag == W_V_MERGE:
                        v_merge = prop
                    elif prop.tag == W_H_MERGE:
                        h_merge = prop
            above = previous[col] if col < len(previous) else None
            if h_merge is not None and h_merge.get(W_VAL) != "restart" and last is not None:
                cell = last  # legacy horizontal merge: this part belongs to the cell on the left
                cell.span += span
            elif v_merge is not None and v_merge.get(W_VAL) != "restart" and above is not None:
                cell = above
            else:
                cell = GridCell(_cell_text(tc), index, col, span)
            grid.extend([cell] * span)
            last = cell
            col += span
        rows.append(GridRow(index, grid))
        previous = grid
    width = max((len(r.grid) for r in rows), default=0)
    for row in rows:
        row.grid.extend([None] * (width - len(row.grid)))
    return GridTable(number, rows, width)


def _read_body(root: etree._Element) -> list[str | GridTable]:
    """The body in order: paragraphs as text, tables as grids."""
    for el in list(root.iter(*_SKIPPED)):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    body = root.find(W_BODY)
    if body is None:
        return []
    items: list[str | GridTable] = []
    count = [0]

    def walk(parent: etree._Element) -> None:
        for child in parent:
            if child.tag == W_P:
                items.append(_paragraph_text(child))
            elif child.tag == W_TBL:
                count[0] += 1
                items.append(_read_table(count[0], child))
            elif child.tag in _CONTAINERS:
                walk(child)

    walk(body)
    return items


# ---------------------------------------------------------------------------------------------
# The summary layout


def _header_rows(table: GridTable, first: int) -> list[GridRow]:
    """The header row and the rows below it that continue its merged cells."""
    rows = [table.rows[first]]
    header_ids = {first}
    for row in table.rows[first + 1 :]:
        if any(c is not None and c.row in header_ids and c.row != row.index for c in row.grid):
            rows.append(row)
            header_ids.add(row.index)
        else:
            break
    return rows


def _combined_header(rows: list[GridRow], width: int) -> list[str]:
    """Per column, the lowest header text of its own (a merged header keeps the one above)."""
    texts: list[str] = []
    for col in range(width):
        text = ""
        for row in reversed(rows):
            cell = row.cover(col)
            if cell is not None and cell.row == row.index and cell.text.strip():
                text = cell.text
                break
        texts.append(text or rows[0].cover_text(col))
    return texts


@dataclass
class _SummaryReader:
    """Turns the body of a summary-layout document into records for the text parser."""

    source: str
    items: list[str | GridTable]
    tables: list[GridTable]
    records: list[Record] = field(default_factory=list)
    places: dict[int, str] = field(default_factory=dict)
    warnings: list[ReadWarning] = field(default_factory=list)
    name_col: int = 0

    def add(self, cells: list[str], place: str) -> None:
        line = len(self.records) + 1
        self.records.append(Record(line, cells))
        self.places[line] = place

    def read(self, header_table: GridTable, header_index: int) -> ReadResult:
        paragraph = 0
        started = False
        signatures: set[tuple[str, ...]] = set()
        width = header_table.width
        for item in self.items:
            if isinstance(item, str):
                paragraph += 1
                self.paragraph(item, paragraph, started)
                continue
            if not started and item is not header_table:
                for row in item.rows:  # a small table above, e.g. 单位名称 | 单位：万元
                    self.add(row.own_texts(), item.place(row))
                continue
            if item is header_table:
                for row in item.rows[:header_index]:
                    self.add(row.own_texts(), item.place(row))
                header = _header_rows(item, header_index)
                combined = _combined_header(header, width)
                self.add(combined, item.place(header[0]))
                self.name_col = (map_summary_header(combined) or {}).get("name", 0)
                signatures = {tuple(map(norm, r.own_texts())) for r in header}
                started = True
                self.body(item, item.rows[header_index + len(header) :], signatures)
            elif item.width == width or any(map_summary_header(r.own_texts()) for r in item.rows):
                self.body(item, item.rows, signatures)
            else:
                self.other_table(item)
        parser = SummaryParser(self.source)
        table = parser.run(self.records)
        if table.project_count() == 0:
            raise ReadError(f"{self.source}：表中没有任何项目（只有表头或只有汇总行）")
        warnings = [self.relocate(w) for w in parser.warnings]
        return ReadResult(table, self.warnings + warnings, "docx")

    def paragraph(self, text: str, number: int, started: bool) -> None:
        stripped = text.strip()
        place = f"第 {number} 段文字"
        if not stripped or ATTACHMENT.match(stripped):
            return
        if not started or is_signoff(stripped) or re.match(r"^(?:注|说明|备注)\s*[:：\d]", text):
            self.add([stripped.replace("\n", " ")], place)
        else:
            self.warnings.append(ReadWarning(place, f"表格之外的文字未导入：{stripped}"))

    def body(self, table: GridTable, rows: list[GridRow], signatures: set[tuple[str, ...]]) -> None:
        last: tuple[Record, GridRow] | None = None
        for row in rows:
            texts = row.own_texts()
            if row.is_blank() or self.repeated_header(texts, signatures):
                continue
            name_cell = row.cover(self.name_col)
            if last is not None and name_cell is not None and name_cell.row == last[1].index:
                # the row continues the project above (its name merged down): join the texts
                record = last[0]
                for col, text in enumerate(texts):
                    if text.strip() and col < len(record.cells):
                        joined = f"{record.cells[col]}\n{text}" if record.cells[col] else text
                        record.cells[col] = joined
                continue
            self.add(texts, table.place(row))
            last = (self.records[-1], row)

    @staticmethod
    def repeated_header(texts: list[str], signatures: set[tuple[str, ...]]) -> bool:
        if tuple(map(norm, texts)) in signatures:
            return True
        filled = [t for t in texts if t.strip()]
        return (
            map_summary_header(texts) is not None
            and all(len(norm(t)) <= 30 for t in filled)
            and not any(is_amount(t) for t in filled)
        )

    def other_table(self, table: GridTable) -> None:
        for row in table.rows:
            text = "\t".join(t.strip() for t in row.own_texts() if t.strip())
            place = table.place(row)
            if is_signoff(text):
                self.add([text], place)
            elif text:
                self.warnings.append(ReadWarning(place, f"表格之外的内容未导入：{text}"))

    def relocate(self, warning: ReadWarning) -> ReadWarning:
        match = re.fullmatch(r"第 (\d+) 行", warning.location)
        if match and int(match.group(1)) in self.places:
            return ReadWarning(self.places[int(match.group(1))], warning.message)
        return warning


def _find_summary_header(tables: list[GridTable]) -> tuple[GridTable, int] | None:
    for table in tables:
        for row in table.rows:
            if map_summary_header([row.cover_text(c) for c in range(table.width)]) is not None:
                return table, row.index
    return None


# ---------------------------------------------------------------------------------------------


def read_docx(path: str | os.PathLike[str]) -> ReadResult:
    """Import a Word document holding the summary table or per-project forms."""
    path = Path(path)
    root = _parse_xml(path, _load_document_xml(path))
    items = _read_body(root)
    tables = [i for i in items if isinstance(i, GridTable)]
    if not tables:
        raise ReadError(f"{path}：文档中没有表格，找不到绩效目标表")
    if len(tables) > 1:
        for table in tables:
            table.label = f"第 {table.number} 个表格"
    found = _find_summary_header(tables)
    if found is None:
        try:
            return read_grids(str(path), table_grids(items), [], "docx")
        except ReadError:
            if _names_a_project(tables):
                raise
        shapes = "；".join(
            f"第 {t.number} 个表格 {len(t.rows)} 行×{t.width} 列"
            + (f"（首行：{_first_line(t)}）" if _first_line(t) else "")
            for t in tables[:5]
        )
        more = f" 等 {len(tables)} 个" if len(tables) > 5 else ""
        raise ReadError(
            f"{path}：文档中的表格（{shapes}{more}）都没有绩效目标表的表头"
            "（应有“项目名称”“绩效目标”“绩效指标”等列，或申报表的“项目名称”“一级指标”等栏）"
        )
    return _SummaryReader(str(path), items, tables).read(*found)


def _names_a_project(tables: list[GridTable]) -> bool:
    """Whether a table holds a 项目名称 label (a form, whose own refusal says more)."""
    return any(
        field_of(cell.text.split("：")[0].split(":")[0]) == "name"
        for table in tables
        for row in table.rows
        for cell in row.own_cells()
    )


def _first_line(table: GridTable) -> str:
    for row in table.rows:
        texts = [norm(t) for t in row.own_texts() if t.strip()]
        if texts:
            return "|".join(texts)[:40]
    return ""


__all__ = ["read_docx"]
