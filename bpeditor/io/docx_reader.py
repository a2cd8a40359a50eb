"""Word (.docx) import: the summary table or per-project forms, read from the body's XML.

The document part is read with :mod:`zipfile` and :mod:`lxml` directly (no python-docx): the
grid is rebuilt from ``w:tr``/``w:tc`` with ``w:gridSpan`` and ``w:vMerge``, so a merged cell
is read once, and text in tracked deletions is left out. The summary layout is handed to the
text importer's parser as records (one per table row); the per-project forms are read here.
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
from bpeditor.io.text import SummaryParser, map_summary_header
from bpeditor.io.tsv import Record
from bpeditor.model.document import Indicator, Project, Table, Unit
from bpeditor.model.money import AmountError, parse_amount
from bpeditor.model.taxonomy import canonical_code

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


@dataclass(eq=False)
class _Cell:
    """A cell of the rebuilt grid: its text once, its first row and column and its width."""

    text: str
    row: int
    col: int
    span: int


@dataclass
class _Row:
    """A table row: the covering cell of every grid column (merged cells point to their origin)."""

    index: int
    grid: list[_Cell | None]

    @property
    def number(self) -> int:
        """The row's 1-based number in its table."""
        return self.index + 1

    def cover(self, col: int) -> _Cell | None:
        """The cell covering grid column ``col`` (its origin when merged), or ``None``."""
        return self.grid[col] if 0 <= col < len(self.grid) else None

    def cover_text(self, col: int) -> str:
        """The text of the cell covering ``col``, merged or not."""
        cell = self.cover(col)
        return cell.text if cell is not None else ""

    def own_cells(self) -> list[_Cell]:
        """The cells that start in this row, left to right (each once)."""
        cells: list[_Cell] = []
        for col, cell in enumerate(self.grid):
            if cell is not None and cell.row == self.index and cell.col == col:
                cells.append(cell)
        return cells

    def own_texts(self) -> list[str]:
        """One text per grid column: a cell's text at its first column, else empty."""
        return [
            c.text if c is not None and c.row == self.index and c.col == col else ""
            for col, c in enumerate(self.grid)
        ]

    def is_blank(self) -> bool:
        """True when no cell starting in this row holds text."""
        return all(not c.text.strip() for c in self.own_cells())


@dataclass
class _Table:
    """A ``w:tbl`` as a grid of rows, with its 1-based position in the document."""

    number: int
    rows: list[_Row]
    width: int


def _read_table(number: int, tbl: etree._Element) -> _Table:
    rows: list[_Row] = []
    previous: list[_Cell | None] = []
    for tr in _children(tbl, W_TR):
        tr_pr = tr.find(f"{_W}trPr")
        if tr_pr is not None and tr_pr.find(f"{_W}del") is not None:
            continue  # a row deleted with tracked changes
        index = len(rows)
        col = _int_attr(tr_pr.find(f"{_W}gridBefore") if tr_pr is not None else None, 0)
        grid: list[_Cell | None] = [None] * col
        last: _Cell | None = None
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
                cell = _Cell(_cell_text(tc), index, col, span)
            grid.extend([cell] * span)
            last = cell
            col += span
        rows.append(_Row(index, grid))
        previous = grid
    width = max((len(r.grid) for r in rows), default=0)
    for row in rows:
        row.grid.extend([None] * (width - len(row.grid)))
    return _Table(number, rows, width)


def _read_body(root: etree._Element) -> list[str | _Table]:
    """The body in order: paragraphs as text, tables as grids."""
    for el in list(root.iter(*_SKIPPED)):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    body = root.find(W_BODY)
    if body is None:
        return []
    items: list[str | _Table] = []
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
# Shared recognisers


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text)


_SIGNOFF_KEYS = (
    ("head", r"(?:单位)?负责人"),
    ("preparer", r"(?:经办人|填报人|填表人)"),
    ("phone", r"联系电话"),
    ("date", r"填报日期"),
)
_SIGNOFF_ALL = "|".join(p for _, p in _SIGNOFF_KEYS)
_SIGNOFF_ANY = re.compile(rf"(?:{_SIGNOFF_ALL})\s*[:：]")
_REPORTING_UNIT = re.compile(
    r"(?:单位名称|填报单位|编制单位|预算单位|申报单位)\s*[:：]\s*(?P<name>.*?)\s*"
    r"(?=\t|金额单位|单位\s*[:：]|$)"
)
_MONEY_UNIT = re.compile(r"(?:^|[\t\s])(?:金额)?单位\s*[:：]\s*(?P<unit>万元|元)")
_ATTACHMENT = re.compile(r"^附件\s*[0-9一二三四五六七八九十]*\s*[:：]?$")


def _is_signoff(text: str) -> bool:
    return bool(_SIGNOFF_ANY.search(text))


def _read_signoff(text: str, table: Table) -> None:
    """Fill the table's sign-off from a line; values already found are kept."""
    for attr, pattern in _SIGNOFF_KEYS:
        match = re.search(
            rf"{pattern}\s*[:：][ \u3000]*(?P<value>.*?)\s*(?=\t|\n|(?:{_SIGNOFF_ALL})\s*[:：]|$)",
            text,
        )
        if match and match.group("value").strip() and not getattr(table.signoff, attr):
            setattr(table.signoff, attr, match.group("value").strip())


def _location(tables: list[_Table], table: _Table, row: _Row) -> str:
    if len(tables) == 1:
        return f"表格第 {row.number} 行"
    return f"第 {table.number} 个表格第 {row.number} 行"


# ---------------------------------------------------------------------------------------------
# The summary layout


def _header_rows(table: _Table, first: int) -> list[_Row]:
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


def _combined_header(rows: list[_Row], width: int) -> list[str]:
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


def _is_amount(text: str) -> bool:
    if not text.strip():
        return False
    try:
        parse_amount(text)
    except AmountError:
        return False
    return True


@dataclass
class _SummaryReader:
    """Turns the body of a summary-layout document into records for the text parser."""

    source: str
    items: list[str | _Table]
    tables: list[_Table]
    records: list[Record] = field(default_factory=list)
    places: dict[int, str] = field(default_factory=dict)
    warnings: list[ReadWarning] = field(default_factory=list)
    name_col: int = 0

    def add(self, cells: list[str], place: str) -> None:
        line = len(self.records) + 1
        self.records.append(Record(line, cells))
        self.places[line] = place

    def read(self, header_table: _Table, header_index: int) -> ReadResult:
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
                    self.add(row.own_texts(), _location(self.tables, item, row))
                continue
            if item is header_table:
                for row in item.rows[:header_index]:
                    self.add(row.own_texts(), _location(self.tables, item, row))
                header = _header_rows(item, header_index)
                combined = _combined_header(header, width)
                self.add(combined, _location(self.tables, item, header[0]))
                self.name_col = (map_summary_header(combined) or {}).get("name", 0)
                signatures = {tuple(map(_norm, r.own_texts())) for r in header}
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
        if not stripped or _ATTACHMENT.match(stripped):
            return
        if not started or _is_signoff(stripped) or re.match(r"^(?:注|说明|备注)\s*[:：\d]", text):
            self.add([stripped.replace("\n", " ")], place)
        else:
            self.warnings.append(ReadWarning(place, f"表格之外的文字未导入：{stripped}"))

    def body(self, table: _Table, rows: list[_Row], signatures: set[tuple[str, ...]]) -> None:
        last: tuple[Record, _Row] | None = None
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
            self.add(texts, _location(self.tables, table, row))
            last = (self.records[-1], row)

    @staticmethod
    def repeated_header(texts: list[str], signatures: set[tuple[str, ...]]) -> bool:
        if tuple(map(_norm, texts)) in signatures:
            return True
        filled = [t for t in texts if t.strip()]
        return (
            map_summary_header(texts) is not None
            and all(len(_norm(t)) <= 30 for t in filled)
            and not any(_is_amount(t) for t in filled)
        )

    def other_table(self, table: _Table) -> None:
        for row in table.rows:
            text = "\t".join(t.strip() for t in row.own_texts() if t.strip())
            place = _location(self.tables, table, row)
            if _is_signoff(text):
                self.add([text], place)
            elif text:
                self.warnings.append(ReadWarning(place, f"表格之外的内容未导入：{text}"))

    def relocate(self, warning: ReadWarning) -> ReadWarning:
        match = re.fullmatch(r"第 (\d+) 行", warning.location)
        if match and int(match.group(1)) in self.places:
            return ReadWarning(self.places[int(match.group(1))], warning.message)
        return warning


def _find_summary_header(tables: list[_Table]) -> tuple[_Table, int] | None:
    for table in tables:
        for row in table.rows:
            if map_summary_header([row.cover_text(c) for c in range(table.width)]) is not None:
                return table, row.index
    return None


# ---------------------------------------------------------------------------------------------
# The per-project forms layout

_FIELD_LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("name", ("项目名称",)),
    ("department", ("主管部门",)),
    ("implementing_unit", ("实施单位", "资金使用单位")),
    ("attribute", ("项目属性",)),
    ("period", ("项目期", "项目周期", "实施期限", "项目实施期")),
)
_MAX_LABEL = 14
_FUND_FIELDS = (
    ("special_account", ("财政专户",)),
    ("fiscal", ("财政拨款", "一般公共预算", "财政资金")),
    ("other", ("其他",)),
    ("total", ("总额", "总计", "合计", "资金总额")),
)
_GOAL_LABEL = re.compile(r"^(?:(实施期|实施周期|项目期)|(年度))(?:总体)?(?:绩效)?(?:目标)?[:：]?$")
_GOAL_PREFIXED = re.compile(
    r"^\s*(?:(实施期|实施周期)|(年度))(?:总体)?(?:绩效)?目标\s*[:：]\s*(.+)$", re.DOTALL
)
_CLASS_TEXT = re.compile(r"^([0-9A-Za-z]+)\s*[-－—.．、]\s*(.+)$", re.DOTALL)
_CONTINUED = re.compile(r"[（(]\s*续\s*[）)]|续表")
_DEPARTMENT_CODE = re.compile(r"^(?P<name>.+?)\s*[（(]\s*\d{3,}\s*[）)]\s*$")
_GRID_END = ("备注", "说明", "注")
_YEAR_LINE = re.compile(r"[（(]?\s*(\d{4})\s*年度?\s*[）)]?")


def _field_label(text: str) -> str | None:
    key = _norm(text).rstrip(":：")
    if not key or len(key) > _MAX_LABEL:
        return None
    return next((f for f, words in _FIELD_LABELS if any(w in key for w in words)), None)


def _side(text: str) -> str | None:
    key = _norm(text)
    if "实施期" in key or "实施周期" in key:
        return "period"
    if "年度" in key:
        return "annual"
    return None


def _fund_field(text: str) -> str | None:
    key = _norm(text)
    return next((f for f, words in _FUND_FIELDS if any(w in key for w in words)), None)


def _class_of(text: str, level: int) -> tuple[str, str]:
    """A printed 一级/二级 label (``1-产出指标``, ``产出指标（续）``) as its code and label."""
    # a label the column wrapped by hand (服务对象 / 满意度指标) is one label
    label = _CONTINUED.sub("", re.sub(r"\s*\n\s*", "", text)).strip()
    code_text = ""
    match = _CLASS_TEXT.match(label)
    if match:
        code_text, label = match.group(1), match.group(2).strip()
    if not label and not code_text:
        return "", ""
    return canonical_code(code_text, label, level=level), label


def strip_department_code(text: str) -> str:
    """The department's name without a trailing code in brackets, e.g. ``某局（123001）``."""
    match = _DEPARTMENT_CODE.match(text.strip())
    return match.group("name").strip() if match else text.strip()


@dataclass
class _GridSlot:
    """A column of the indicator grid: what it holds and for which period."""

    role: str
    col: int
    side: str | None
    group: int


@dataclass
class _Partial:
    """What one half of an indicator row holds."""

    level1: tuple[str, str]
    level2: tuple[str, str]
    name: str
    values: dict[str, str]
    extra: dict[str, str]


@dataclass
class _FormsReader:
    """Reads per-project forms (项目支出绩效目标申报表) row by row into a table."""

    source: str
    tables: list[_Table]
    table: Table = field(default_factory=Table)
    warnings: list[ReadWarning] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    project: Project | None = None
    block: str = ""
    sides: dict[int, str] = field(default_factory=dict)
    slots: list[_GridSlot] = field(default_factory=list)
    header_ids: set[int] = field(default_factory=set)
    here: str = ""

    def warn(self, message: str) -> None:
        self.warnings.append(ReadWarning(self.here, message))

    def read(self, items: list[str | _Table]) -> ReadResult:
        title_seen = False
        paragraph = 0
        for item in items:
            if isinstance(item, _Table):
                title_seen = True
                self.read_table(item)
                continue
            paragraph += 1
            text = item.strip()
            if not text or _ATTACHMENT.match(text):
                continue
            self.here = f"第 {paragraph} 段文字"
            year = _YEAR_LINE.fullmatch(text)
            if year:
                self.table.year = self.table.year or int(year.group(1))
            elif not self.meta_line(text) and not title_seen and "申报表" not in text:
                self.table.title = text
                title_seen = True
        if not self.projects:
            raise ReadError(f"{self.source}：找到申报表格式的表格，但其中没有任何项目名称")
        self.group_units()
        return ReadResult(self.table, self.warnings, "docx")

    def meta_line(self, text: str) -> bool:
        """单位名称/单位/sign-off lines, wherever they are; True when the line was one of them."""
        found = False
        if _is_signoff(text):
            _read_signoff(text, self.table)
            return True
        unit = _REPORTING_UNIT.search(text)
        if unit and unit.group("name").strip():
            if not self.table.reporting_unit:
                self.table.reporting_unit = unit.group("name").strip()
            found = True
        money = _MONEY_UNIT.search(text)
        if money:
            self.table.money_unit = money.group("unit")
            found = True
        return found

    def read_table(self, table: _Table) -> None:
        self.header_ids = set()
        for row in table.rows:
            self.here = _location(self.tables, table, row)
            if row.is_blank():
                continue
            self.read_row(table, row)

    def read_row(self, table: _Table, row: _Row) -> None:
        first = row.cover(0) or next((c for c in row.grid if c is not None), None)
        own_first = first is not None and first.row == row.index
        label = _norm(first.text) if first is not None and own_first else ""
        joined = "\t".join(c.text.strip() for c in row.own_cells() if c.text.strip())
        if _is_signoff(joined):
            _read_signoff(joined, self.table)
            return
        if own_first and label:
            kind = self.kind_of(label, row)
            if kind == "title":
                return
            if kind == "meta":
                self.meta_line(joined)
                return
            if kind == "fields":
                self.block = ""
                self.read_fields(row)
                return
            if kind == "end":
                self.block = "end"
                self.warn(f"未导入：{joined}")
                return
            if kind:
                self.start_block(kind)
        if self.is_grid_header(row):
            self.start_block("grid")
            self.read_grid_header(table, row)
            return
        if row.index in self.header_ids:
            return
        if self.project is None:
            if self.block != "end" and joined:
                self.warn(f"项目名称之前的内容未导入：{joined}")
            return
        if self.block == "funds":
            self.read_funds(row, first)
        elif self.block == "goal":
            self.read_goal(row, first)
        elif self.block == "grid":
            self.read_indicator(row)
        elif self.block != "end":
            self.read_fields(row)

    def kind_of(self, label: str, row: _Row) -> str:
        if "申报表" in label or "绩效目标表" in label:
            return "title"
        if _field_label(label):
            return "fields"
        if _REPORTING_UNIT.search(label) or _MONEY_UNIT.search(label):
            return "meta"
        if len(label) <= _MAX_LABEL:
            if "资金" in label and "指标" not in label:
                return "funds"
            if "目标" in label and "指标" not in label:
                return "goal"
            if "指标" in label and self.block != "grid" and _class_of(label, 1)[0] == "":
                return "grid"
            if label.rstrip(":：") in _GRID_END:
                return "end"
        return ""

    def start_block(self, kind: str) -> None:
        self.block = kind
        self.sides = {}
        if kind == "grid":
            self.slots = []

    # -- 项目名称 and the other label/value rows

    def read_fields(self, row: _Row) -> None:
        cells = row.own_cells()
        index = 0
        while index < len(cells):
            text = cells[index].text.strip()
            inline = re.match(r"^([^:：]{1,14})[:：]\s*(.+)$", text, re.DOTALL)
            name = _field_label(text)
            if inline and _field_label(inline.group(1)):
                self.set_field(_field_label(inline.group(1)) or "", inline.group(2).strip())
            elif name is not None:
                following = cells[index + 1].text.strip() if index + 1 < len(cells) else ""
                if following and _field_label(following) is None:
                    index += 1
                else:
                    following = ""
                self.set_field(name, following)
            elif text and self.project is not None:
                self.warn(f"无法识别的内容，未导入：{text}")
            index += 1

    def set_field(self, name: str, value: str) -> None:
        if name == "name":
            self.project = Project(name=value)
            self.projects.append(self.project)
            self.block = ""
            self.slots = []
            if not value:
                self.warn("项目没有名称")
            return
        if self.project is None:
            self.warn(f"项目名称之前的内容未导入：{value}")
            return
        setattr(self.project, name, value)

    # -- 项目资金

    def read_funds(self, row: _Row, label: _Cell | None) -> None:
        assert self.project is not None
        if label is not None:
            unit = re.search(r"[（(](万元|元)[）)]", label.text)
            if unit:
                self.table.money_unit = unit.group(1)
        cells = [c for c in row.own_cells() if c is not label]
        if not any(_is_amount(c.text) for c in cells) and any(_side(c.text) for c in cells):
            for cell in cells:
                side = _side(cell.text)
                if side:
                    for col in range(cell.col, cell.col + cell.span):
                        self.sides[col] = side
            return
        fund: str | None = None
        side: str | None = None
        slot = 0
        for cell in cells:
            text = cell.text.strip()
            label_field, label_side = _fund_field(text), _side(text)
            if label_field or label_side:
                fund = label_field or fund
                side = label_side or side
                continue
            try:
                amount = parse_amount(text)
            except AmountError:
                self.warn(f"项目资金不是金额，已留空：{text}")
                slot += 1
                continue
            where = self.sides.get(cell.col) or side or ("period" if slot == 0 else "annual")
            slot += 1
            if fund is None:
                if amount is not None:
                    self.warn(f"不知道金额 {text} 属于哪一项资金，未导入")
                continue
            target = self.project.period_funds if where == "period" else self.project.funds
            setattr(target, fund, amount)

    # -- 总体目标

    def read_goal(self, row: _Row, label: _Cell | None) -> None:
        cells = [c for c in row.own_cells() if c is not label]
        labels = {id(c): _goal_side(c.text) for c in cells}
        if any(labels.values()) and all(labels[id(c)] or not c.text.strip() for c in cells):
            for cell in cells:
                side = labels[id(cell)]
                if side:
                    for col in range(cell.col, cell.col + cell.span):
                        self.sides[col] = side
            return
        texts = [c for c in cells if c.text.strip()]
        for index, cell in enumerate(cells):
            side = labels[id(cell)]
            if side is not None:
                following = cells[index + 1] if index + 1 < len(cells) else None
                if following is not None and not labels[id(following)]:
                    self.add_goal(side, following.text)
                continue
            if index > 0 and labels[id(cells[index - 1])]:
                continue  # read with its label
            if not cell.text.strip():
                continue
            prefixed = _GOAL_PREFIXED.match(cell.text)
            if prefixed:
                self.add_goal("period" if prefixed.group(1) else "annual", prefixed.group(3))
            elif cell.col in self.sides:
                self.add_goal(self.sides[cell.col], cell.text)
            elif len(texts) == 1:
                self.add_goal("annual", cell.text)
            else:
                self.add_goal("period" if cell is texts[0] else "annual", cell.text)

    def add_goal(self, side: str, text: str) -> None:
        assert self.project is not None
        attr = "period_goal" if side == "period" else "goal"
        old = getattr(self.project, attr)
        text = text.strip()
        setattr(self.project, attr, f"{old}\n{text}" if old and text else old or text)

    # -- the indicator grid

    @staticmethod
    def is_grid_header(row: _Row) -> bool:
        texts = [_norm(c.text) for c in row.own_cells()]
        return any("一级" in t for t in texts) and any("三级" in t for t in texts)

    def read_grid_header(self, table: _Table, row: _Row) -> None:
        rows = [row]
        above = table.rows[row.index - 1] if row.index > 0 else None
        if above is not None:
            cells = [c for c in above.own_cells() if c.col > 0 and c.text.strip()]
            if cells and all(
                _side(c.text) and "一级" not in c.text and len(_norm(c.text)) <= _MAX_LABEL
                for c in cells
            ):
                rows.insert(0, above)
        self.header_ids = {r.index for r in rows}
        for below in table.rows[row.index + 1 :]:
            continued = any(
                c is not None
                and c.row in self.header_ids
                and c.row != below.index
                and re.search("一级|二级|三级", c.text)
                for c in below.grid
            )
            if not continued:
                break
            rows.append(below)
            self.header_ids.add(below.index)
        bottom = rows[-1]
        slots: list[_GridSlot] = []
        group = -1
        for col in range(table.width):
            cell = bottom.cover(col)
            if cell is None or cell.col != col:
                continue
            text = "".join(dict.fromkeys(_norm(r.cover_text(col)) for r in rows))
            role = _grid_role(text)
            if role == "level1":
                group += 1
            if role:
                slots.append(_GridSlot(role, col, _side(text), max(group, 0)))
        groups = {s.group for s in slots}
        if len(groups) == 2 and not any(s.side for s in slots):
            for slot in slots:
                slot.side = "period" if slot.group == 0 else "annual"
        self.slots = slots
        if not any(s.role == "name" for s in slots):
            self.warn("指标表头中没有三级指标列")

    def read_indicator(self, row: _Row) -> None:
        assert self.project is not None
        partials: list[_Partial] = []
        for group in sorted({s.group for s in self.slots}):
            partial = self.partial(row, [s for s in self.slots if s.group == group])
            if partial is not None:
                partials.append(partial)
        if not partials:
            return
        first = partials[0]
        for other in partials[1:]:
            same = _norm(other.name) == _norm(first.name) or not other.name or not first.name
            if same:
                first.name = first.name or other.name
                first.level1 = first.level1 if first.level1[1] else other.level1
                first.level2 = first.level2 if first.level2[1] else other.level2
                for key, value in other.values.items():
                    first.values.setdefault(key, value)
                for key, value in other.extra.items():
                    first.extra.setdefault(key, value)
            else:
                self.warn(f"同一行的实施期指标“{first.name}”与年度指标“{other.name}”不同，分别导入")
                self.project.indicators.append(_indicator(other))
        self.project.indicators.append(_indicator(first))

    def partial(self, row: _Row, slots: list[_GridSlot]) -> _Partial | None:
        level1 = level2 = ("", "")
        name = ""
        values: dict[str, str] = {}
        extra: dict[str, str] = {}
        named = False
        for slot in slots:
            cell = row.cover(slot.col)
            if cell is None:
                continue
            own = cell.row == row.index and cell.col == slot.col
            text = cell.text.strip()
            if slot.role == "level1":
                level1 = _class_of(text, 1)
            elif slot.role == "level2":
                level2 = _class_of(text, 2)
            elif not own:
                continue  # a merged name or value is read on its first row only
            elif slot.role == "name":
                name, named = text, True
            elif slot.role == "value":
                for side in (slot.side,) if slot.side else ("period", "annual"):
                    values.setdefault(side, text)
            else:
                extra[slot.role] = text
        if not named or not (name or any(values.values())):
            return None
        return _Partial(level1, level2, name, values, extra)

    # -- units

    def group_units(self) -> None:
        if not self.table.reporting_unit:
            department = next((p.department for p in self.projects if p.department), "")
            self.table.reporting_unit = strip_department_code(department)
        units: dict[str, Unit] = {}
        for project in self.projects:
            key = (
                project.implementing_unit.strip()
                or strip_department_code(project.department)
                or self.table.reporting_unit
            )
            if key not in units:
                units[key] = Unit(name=key)
                self.table.units.append(units[key])
            units[key].projects.append(project)


def _goal_side(text: str) -> str | None:
    match = _GOAL_LABEL.match(_norm(text))
    if not match or not _norm(text):
        return None
    return "period" if match.group(1) else "annual"


def _grid_role(text: str) -> str:
    if "一级" in text:
        return "level1"
    if "二级" in text:
        return "level2"
    if "三级" in text:
        return "name"
    if "依据" in text:
        return "basis"
    if "解释" in text:
        return "explanation"
    if "备注" in text:
        return "note"
    if "值" in text or (_side(text) and "指标" not in text):
        return "value"
    return ""


def _indicator(partial: _Partial) -> Indicator:
    return Indicator(
        level1=partial.level1[0],
        level1_label=partial.level1[1],
        level2=partial.level2[0],
        level2_label=partial.level2[1],
        name=partial.name,
        period_value=partial.values.get("period", ""),
        annual_value=partial.values.get("annual", ""),
        basis=partial.extra.get("basis", ""),
        explanation=partial.extra.get("explanation", ""),
        note=partial.extra.get("note", ""),
    )


def _is_forms(tables: list[_Table]) -> bool:
    has_name = has_grid = has_block = False
    for table in tables:
        for row in table.rows:
            first = row.cover(0)
            label = _norm(first.text) if first is not None and first.row == row.index else ""
            has_name = has_name or _field_label(label) == "name"
            has_grid = has_grid or _FormsReader.is_grid_header(row)
            has_block = has_block or (
                len(label) <= _MAX_LABEL and ("项目资金" in label or "总体目标" in label)
            )
    return has_name and (has_grid or has_block)


# ---------------------------------------------------------------------------------------------


def read_docx(path: str | os.PathLike[str]) -> ReadResult:
    """Import a Word document holding the summary table or per-project forms."""
    path = Path(path)
    root = _parse_xml(path, _load_document_xml(path))
    items = _read_body(root)
    tables = [i for i in items if isinstance(i, _Table)]
    if not tables:
        raise ReadError(f"{path}：文档中没有表格，找不到绩效目标表")
    if _is_forms(tables):
        return _FormsReader(str(path), tables).read(items)
    found = _find_summary_header(tables)
    if found is None:
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


def _first_line(table: _Table) -> str:
    for row in table.rows:
        texts = [_norm(t) for t in row.own_texts() if t.strip()]
        if texts:
            return "|".join(texts)[:40]
    return ""
