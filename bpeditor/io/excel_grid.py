"""Workbooks as grids of cell texts: safety checks, then python-calamine, per sheet.

Every sheet becomes a :class:`SheetGrid`: the texts of its cells from A1 (calamine's option
that keeps the leading empty rows and columns, so merge coordinates fit), a merged range's
value in its top-left cell only, the merged ranges, the hidden rows and the formula cells
with no cached value.

Before calamine sees an ``.xlsx``/``.xlsm`` the package is checked: every member's declared
size and compression ratio (zip bombs), the prologue of every XML part (no DTD, no entities),
and each worksheet's extent (``<dimension ref>``, its last row and its widest column) and
cell count. The same pass finds hidden rows (``<row hidden="1">``) and formulas with no cached
value (``<f>`` without ``<v>``) with byte-level regular expressions, since calamine exposes
neither. Legacy ``.xls`` files are read by calamine directly: their extent is checked after
calamine has loaded a sheet and before it is turned into Python objects; hidden rows of
``.xls`` files are not known (calamine does not expose them).
"""

from __future__ import annotations

import datetime as _dt
import re
import zipfile
import zlib
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path, PurePosixPath

from bpeditor.io.base import ReadError, ReadWarning

MAX_MEMBER_BYTES = 200 * 1024 * 1024
"""Refuse a package with any member declared larger than this when uncompressed."""
MAX_TOTAL_BYTES = 400 * 1024 * 1024
"""Refuse a package whose members together unpack to more than this."""
MAX_RATIO = 100
"""Refuse a member (of at least :data:`RATIO_MIN_BYTES`) compressed more than this."""
RATIO_MIN_BYTES = 1024 * 1024
"""Members smaller than this are not checked for their ratio: they cannot hurt."""
MAX_MEMBERS = 10_000
"""Refuse packages with more members than this."""
MAX_ROWS = 1_048_576
MAX_COLS = 16_384
MAX_CELLS = 5_000_000
"""The largest sheet area (rows × columns from A1) that is loaded."""
MAX_FILE_BYTES = 200 * 1024 * 1024
"""The largest legacy (.xls) file that is read."""

_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_PROLOG_HEAD = 64 * 1024
_P = rb"(?:[A-Za-z_][\w.-]*:)?"
_DIMENSION = re.compile(rb"<" + _P + rb'dimension\b[^>]*\bref="([^"]*)"')
_ROW_TAG = re.compile(rb"<" + _P + rb"row\b([^>]*)>")
_ROW_R = re.compile(rb'\br="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_HIDDEN_ROW = re.compile(rb"<" + _P + rb'row\b[^>]*\bhidden="(?:1|true)"[^>]*>')
_WIDE_CELL = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\br="([A-Z]{2,3})\d+"')
_WIDE_REF = re.compile(rb'r="([A-Z]{2,3})\d')
"""Any ``r="AB1``: a superset of :data:`_WIDE_CELL`'s references, found many times faster
(the pattern starts with a literal, so the engine skips ahead instead of trying every tag)."""
_CELL_TAG_MIN_BYTES = len(b"<c ")
_CELL_OPEN = re.compile(rb"<" + _P + rb"c[\s>/]")
"""Any cell element (also with a namespace prefix)."""
_UNCACHED = re.compile(
    rb"<" + _P + rb"c\b([^>]*)>\s*<" + _P + rb"f\b[^>]*(?:/>|>[^<]*</" + _P + rb"f>)\s*"
    rb"(?:<" + _P + rb"v\s*/>|<" + _P + rb"v>\s*</" + _P + rb"v>)?\s*</" + _P + rb"c>"
)
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3}\d+)"')
_STR_TYPE = re.compile(rb'\bt="str"')
_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,7})$")

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def column_letters(col: int) -> str:
    """The letters of a 0-based column index (0 → ``A``, 27 → ``AB``)."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


@dataclass
class SheetGrid:
    """A sheet's cell texts from A1, its merged ranges, hidden rows and uncached formulas."""

    name: str
    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: frozenset[int] = frozenset()
    uncached: list[str] = field(default_factory=list)
    visible: bool = True
    _origins: dict[tuple[int, int], tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def width(self) -> int:
        """The number of columns (the longest row)."""
        return max(map(len, self.rows), default=0)

    def text(self, row: int, col: int) -> str:
        """The text of a cell (a merged range's covered cells are empty)."""
        if 0 <= row < len(self.rows):
            cells = self.rows[row]
            if 0 <= col < len(cells):
                return cells[col]
        return ""

    def origins(self) -> dict[tuple[int, int], tuple[int, int]]:
        """For every cell covered by a merged range but not its top-left, the top-left cell."""
        if self._origins is None:
            found: dict[tuple[int, int], tuple[int, int]] = {}
            for r0, c0, r1, c1 in self.merges:
                for r in range(r0, r1 + 1):
                    for c in range(c0, c1 + 1):
                        if (r, c) != (r0, c0):
                            found[(r, c)] = (r0, c0)
            self._origins = found
        return self._origins

    def cover_text(self, row: int, col: int) -> str:
        """The text shown at a cell: its own, or its merged range's value."""
        origin = self.origins().get((row, col))
        return self.text(*origin) if origin else self.text(row, col)

    def place(self, row: int) -> str:
        """A warning location naming the sheet and the 1-based row."""
        return f"工作表“{self.name}”第 {row + 1} 行"

    def address(self, row: int, col: int) -> str:
        """A cell address such as ``Sheet1!C5``."""
        return f"{self.name}!{column_letters(col)}{row + 1}"


@dataclass
class WorkbookGrids:
    """All sheets of a workbook as grids, and the warnings met while loading them."""

    source: str
    sheets: list[SheetGrid]
    warnings: list[ReadWarning] = field(default_factory=list)
    kind: str = "xlsx"


# ---------------------------------------------------------------------------------------------
# Cell values as text


def cell_text(value: object) -> str:
    """A calamine cell value as the text a clerk sees (numbers to 15 significant digits)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        text = f"{value:.15g}"
        if "e" in text:
            text = f"{value:.6f}".rstrip("0").rstrip(".")
        return text
    if isinstance(value, int):
        return str(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    if value is None:
        return ""
    return str(value)


def _value_text(value: object) -> str:
    """:func:`cell_text` of a non-text cell, with a shortcut for the usual numbers."""
    if value.__class__ is float:
        if value.is_integer():  # type: ignore[attr-defined]
            if -1e15 < value < 1e15:  # type: ignore[operator]
                return str(int(value))  # type: ignore[call-overload]
        else:
            # The shortest text that reads back as the number; with at most 15 significant
            # digits (16 characters with the point) and no exponent it is what "{:.15g}"
            # gives: a double holds every 15-digit decimal apart from its neighbours.
            text = repr(value)
            if len(text) <= 16 and "e" not in text:
                return text
    return cell_text(value)


def _row_texts(row: list[object]) -> list[str]:
    """A calamine row as texts; a row of texts only (most rows) is kept as it is."""
    # all(map(isinstance, ...)) runs in C: several times faster than converting cell by cell.
    if all(map(isinstance, row, repeat(str))):
        return row  # type: ignore[return-value]
    return [c if c.__class__ is str else _value_text(c) for c in row]


# ---------------------------------------------------------------------------------------------
# The package checks (.xlsx/.xlsm)


@dataclass
class _SheetInfo:
    """What the worksheet XML says beyond calamine: hidden rows and uncached formulas."""

    hidden_rows: frozenset[int] = frozenset()
    uncached: list[str] = field(default_factory=list)
    visible: bool = True


def _refuse(path: Path, message: str) -> ReadError:
    return ReadError(f"{path}：{message}")


def _check_member(path: Path, info: zipfile.ZipInfo) -> None:
    """Refuse members that would unpack to something huge (a zip bomb)."""
    size_mb = info.file_size // (1024 * 1024)
    if info.file_size > MAX_MEMBER_BYTES:
        raise _refuse(path, f"压缩包成员 {info.filename} 解压后达 {size_mb} MiB，过大，已拒绝读取")
    if info.file_size >= RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(
        info.compress_size, 1
    ):
        raise _refuse(
            path,
            f"压缩包成员 {info.filename} 的压缩比异常（解压后 {size_mb} MiB），"
            "可能是恶意文件，已拒绝读取",
        )


def _check_prolog(path: Path, name: str, head: bytes) -> None:
    """Refuse an XML part that declares a DTD or entities (before any parser sees it)."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").encode("utf-8")
    head = head.removeprefix(b"\xef\xbb\xbf")
    match = _PROLOG.match(head)
    rest = head[match.end() if match else 0 :]
    if rest.startswith(b"<!") or (not rest and len(head) >= _PROLOG_HEAD) or b"<!ENTITY" in rest:
        raise _refuse(path, f"{name} 含有 DTD 或实体声明，已拒绝读取（可能是恶意文件）")


def _parse_small_xml(path: Path, name: str, data: bytes) -> object:
    from defusedxml import ElementTree  # noqa: PLC0415 - only when a package is read
    from defusedxml.common import DefusedXmlException  # noqa: PLC0415

    try:
        return ElementTree.fromstring(data)
    except DefusedXmlException:
        raise _refuse(path, f"{name} 含有 DTD 或实体声明，已拒绝读取（可能是恶意文件）") from None
    except ElementTree.ParseError as exc:
        raise _refuse(path, f"{name} 不是有效的 XML（{exc}），文件可能已损坏") from None


def _sheet_parts(path: Path, package: zipfile.ZipFile) -> dict[str, tuple[str, bool]]:
    """Sheet name → (worksheet part, visible), from the workbook part and its relationships."""
    names = set(package.namelist())
    if "xl/workbook.xml" not in names:
        if "xl/workbook.bin" in names:
            raise _refuse(path, "这是 Excel 二进制工作簿（.xlsb），请在 Excel/WPS 中另存为 .xlsx")
        raise _refuse(path, "压缩包中没有 xl/workbook.xml，不是 Excel 工作簿（.xlsx）")
    workbook = _parse_small_xml(path, "xl/workbook.xml", package.read("xl/workbook.xml"))
    rels_name = "xl/_rels/workbook.xml.rels"
    targets: dict[str, str] = {}
    if rels_name in names:
        rels = _parse_small_xml(path, rels_name, package.read(rels_name))
        for rel in rels.iter(f"{_NS_PKG}Relationship"):  # type: ignore[attr-defined]
            target = rel.get("Target", "")
            if target.startswith("/"):
                part = target.lstrip("/")
            else:
                part = str(PurePosixPath("xl") / target)
            parts: list[str] = []
            for piece in part.split("/"):
                if piece == "..":
                    if parts:
                        parts.pop()
                elif piece not in ("", "."):
                    parts.append(piece)
            targets[rel.get("Id", "")] = "/".join(parts)
    sheets: dict[str, tuple[str, bool]] = {}
    for sheet in workbook.iter(f"{_NS_MAIN}sheet"):  # type: ignore[attr-defined]
        rel_id = sheet.get(f"{_NS_REL}id", "")
        visible = sheet.get("state", "visible") == "visible"
        sheets[sheet.get("name", "")] = (targets.get(rel_id, ""), visible)
    return sheets


def _widest_column(data: bytes, pattern: re.Pattern[bytes]) -> int:
    """The number of columns up to the last reference beyond Z that ``pattern`` finds (0: none)."""
    letters = set(pattern.findall(data))
    return max((_column_index(x.decode("ascii")) + 1 for x in letters), default=0)


def _extent(data: bytes, wide: re.Pattern[bytes]) -> tuple[int, int]:
    """A worksheet's last row and column, from ``<dimension>``, the last row and the cells."""
    head = data[:4096]
    dimension = _DIMENSION.search(head)
    max_row = max_col = 0
    if dimension:
        last = dimension.group(1).decode("ascii", "replace").split(":")[-1]
        ref = _REF.match(last)
        if ref:
            max_col = _column_index(ref.group(1)) + 1
            max_row = int(ref.group(2))
    tail = data.rfind(b"<row ")
    if tail < 0:
        tail = data.rfind(b":row ")
    if tail >= 0:
        row_r = _ROW_R.search(data, tail, tail + 200)
        if row_r:
            max_row = max(max_row, int(row_r.group(1)))
    max_col = max(max_col, _widest_column(data, wide))
    if max_col == 0 and _CELL_OPEN.search(data):
        max_col = 26  # no column beyond Z: the cells' own references are checked below
    return max_row, max_col


def _scan_sheet(path: Path, sheet: str, data: bytes) -> _SheetInfo:
    """Check a worksheet's extent and find its hidden rows and uncached formulas."""
    # First with a fast upper bound on the columns (any ``r="AB1``); only a sheet that bound
    # would refuse is measured again with the cells' own references (text may hold the string).
    max_row, max_col = _extent(data, _WIDE_REF)
    cells = 0
    if len(data) > MAX_CELLS * _CELL_TAG_MIN_BYTES:  # else there cannot be too many cell tags
        cells = data.count(b"<c ") + data.count(b"<c>")
    too_wide = max_row > MAX_ROWS or max_col > MAX_COLS
    if too_wide or max_row * max_col > MAX_CELLS or cells > MAX_CELLS:
        max_row, max_col = _extent(data, _WIDE_CELL)
    if max_row > MAX_ROWS or max_col > MAX_COLS:
        raise _refuse(
            path,
            f"工作表“{sheet}”的范围异常（{max_row} 行 × {max_col} 列），"
            "超出 Excel 的上限，已拒绝读取",
        )
    if max_row * max_col > MAX_CELLS or cells > MAX_CELLS:
        raise _refuse(
            path,
            f"工作表“{sheet}”的范围过大（{max_row} 行 × {max_col} 列），"
            f"超过 {MAX_CELLS:,} 个单元格，已拒绝读取；请删除无用的行列后另存",
        )
    hidden: set[int] = set()
    if b"hidden=" in data:
        for match in _HIDDEN_ROW.finditer(data):
            row_r = _ROW_R.search(match.group(0))
            if row_r:
                hidden.add(int(row_r.group(1)) - 1)
    uncached: list[str] = []
    if b"<f" in data or b":f" in data:
        for match in _UNCACHED.finditer(data):
            attrs = match.group(1)
            if _STR_TYPE.search(attrs) and b"<v>" in match.group(0):
                continue  # a formula whose cached result is the empty string
            ref = _CELL_REF.search(attrs)
            if ref:
                uncached.append(f"{sheet}!{ref.group(1).decode('ascii')}")
    return _SheetInfo(frozenset(hidden), uncached)


def inspect_package(path: Path) -> dict[str, _SheetInfo]:
    """Check an ``.xlsx``/``.xlsm`` package before parsing; the extra facts of each sheet."""
    try:
        with zipfile.ZipFile(path) as package:
            infos = package.infolist()
            if len(infos) > MAX_MEMBERS:
                raise _refuse(path, f"压缩包有 {len(infos)} 个成员，过多，已拒绝读取")
            total = 0
            for info in infos:
                _check_member(path, info)
                total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise _refuse(
                    path, f"压缩包解压后共 {total // (1024 * 1024)} MiB，过大，已拒绝读取"
                )
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                    with package.open(info) as member:
                        _check_prolog(path, info.filename, member.read(_PROLOG_HEAD))
            parts = _sheet_parts(path, package)
            result: dict[str, _SheetInfo] = {}
            names = set(package.namelist())
            for sheet, (part, visible) in parts.items():
                if part not in names:
                    result[sheet] = _SheetInfo(visible=visible)
                    continue
                info = _scan_sheet(path, sheet, package.read(part))
                info.visible = visible
                result[sheet] = info
            return result
    except ReadError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, KeyError) as exc:
        raise _refuse(path, f"文件已损坏或不完整，无法作为 Excel 工作簿读取（{exc}）") from None


# ---------------------------------------------------------------------------------------------
# Loading with calamine


def load_workbook(path: Path, kind: str) -> WorkbookGrids:
    """Every sheet of an ``.xlsx``/``.xlsm`` (``kind="xlsx"``) or ``.xls`` (``"xls"``) file."""
    import python_calamine  # noqa: PLC0415 - only when a workbook is read

    extra: dict[str, _SheetInfo] = {}
    if kind == "xlsx":
        extra = inspect_package(path)
    elif path.stat().st_size > MAX_FILE_BYTES:
        raise _refuse(path, "文件过大，不像是绩效目标表")
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise _refuse(
            path, "工作簿已加密（有打开密码），请先在 Excel/WPS 中取消密码后另存"
        ) from None
    except Exception as exc:
        raise _refuse(
            path, f"无法作为 Excel 工作簿读取，文件可能已损坏或不是表格（{exc}）"
        ) from None
    grids = WorkbookGrids(str(path), [], kind=kind)
    with workbook:
        for meta in workbook.sheets_metadata:
            name = meta.name
            if meta.typ != python_calamine.SheetTypeEnum.WorkSheet:
                continue
            info = extra.get(name, _SheetInfo())
            visible = info.visible and meta.visible == python_calamine.SheetVisibleEnum.Visible
            try:
                sheet = workbook.get_sheet_by_name(name)
            except Exception as exc:
                raise _refuse(path, f"工作表“{name}”无法读取（{exc}）") from None
            end = sheet.end
            if end is not None and (end[0] + 1) * (end[1] + 1) > MAX_CELLS:
                raise _refuse(
                    path,
                    f"工作表“{name}”的范围过大（{end[0] + 1} 行 × {end[1] + 1} 列），"
                    f"超过 {MAX_CELLS:,} 个单元格，已拒绝读取；请删除无用的行列后另存",
                )
            rows = [_row_texts(r) for r in sheet.to_python(skip_empty_area=False)]
            merges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or [])]
            grids.sheets.append(
                SheetGrid(name, rows, merges, info.hidden_rows, info.uncached, visible)
            )
    return grids
