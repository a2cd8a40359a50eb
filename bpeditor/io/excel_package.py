"""The safety checks of an ``.xlsx``/``.xlsm`` package, done before calamine parses it.

Every member's declared size and compression ratio (zip bombs), the prologue of every XML part
(no DTD, no entities), and each worksheet's extent (``<dimension ref>``, its last row and its
widest column) and cell count. The same pass finds hidden rows (``<row hidden="1">``) and
formulas with no cached value (``<f>`` without ``<v>``) with byte-level regular expressions,
since calamine exposes neither.

Once the sizes are known to be sane, calamine may open the workbook (it reads the shared
strings, releasing the GIL) in a thread while the parts are checked: see :func:`checked_open`.
"""

from __future__ import annotations

import contextlib
import re
import threading
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Generic, TypeVar

from bpeditor.io.base import ReadError

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

_PROLOG = re.compile(rb"(?:\s+|<\?.*?\?>|<!--.*?-->)*", re.DOTALL)
_PROLOG_HEAD = 64 * 1024
_P = rb"(?:[A-Za-z_][\w.-]*:)?"
_DIMENSION = re.compile(rb"<" + _P + rb'dimension\b[^>]*\bref="([^"]*)"')
_ROW_R = re.compile(rb'\br="(\d+)"')
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


def _column_index(letters: str) -> int:
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


@dataclass
class SheetInfo:
    """What the worksheet XML says beyond calamine: hidden rows and uncached formulas."""

    hidden_rows: frozenset[int] = frozenset()
    uncached: list[str] = field(default_factory=list)
    visible: bool = True


def refusal(path: Path, message: str) -> ReadError:
    """The error that refuses a file, naming it."""
    return ReadError(f"{path}：{message}")


def _check_member(path: Path, info: zipfile.ZipInfo) -> None:
    """Refuse members that would unpack to something huge (a zip bomb)."""
    size_mb = info.file_size // (1024 * 1024)
    if info.file_size > MAX_MEMBER_BYTES:
        raise refusal(path, f"压缩包成员 {info.filename} 解压后达 {size_mb} MiB，过大，已拒绝读取")
    if info.file_size >= RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(
        info.compress_size, 1
    ):
        raise refusal(
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
        raise refusal(path, f"{name} 含有 DTD 或实体声明，已拒绝读取（可能是恶意文件）")


def _parse_small_xml(path: Path, name: str, data: bytes) -> object:
    from defusedxml import ElementTree  # noqa: PLC0415 - only when a package is read
    from defusedxml.common import DefusedXmlException  # noqa: PLC0415

    try:
        return ElementTree.fromstring(data)
    except DefusedXmlException:
        raise refusal(path, f"{name} 含有 DTD 或实体声明，已拒绝读取（可能是恶意文件）") from None
    except ElementTree.ParseError as exc:
        raise refusal(path, f"{name} 不是有效的 XML（{exc}），文件可能已损坏") from None


def _sheet_parts(path: Path, package: zipfile.ZipFile) -> dict[str, tuple[str, bool]]:
    """Sheet name → (worksheet part, visible), from the workbook part and its relationships."""
    names = set(package.namelist())
    if "xl/workbook.xml" not in names:
        if "xl/workbook.bin" in names:
            raise refusal(path, "这是 Excel 二进制工作簿（.xlsb），请在 Excel/WPS 中另存为 .xlsx")
        raise refusal(path, "压缩包中没有 xl/workbook.xml，不是 Excel 工作簿（.xlsx）")
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


def _scan_sheet(path: Path, sheet: str, data: bytes) -> SheetInfo:
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
        raise refusal(
            path,
            f"工作表“{sheet}”的范围异常（{max_row} 行 × {max_col} 列），"
            "超出 Excel 的上限，已拒绝读取",
        )
    if max_row * max_col > MAX_CELLS or cells > MAX_CELLS:
        raise refusal(
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
    return SheetInfo(frozenset(hidden), uncached)


_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, KeyError)
"""What :mod:`zipfile` raises on a damaged or truncated package."""


def _damaged(path: Path, exc: BaseException) -> ReadError:
    # The library's own words (English: "File is not a zip file") would mean nothing to a clerk.
    del exc
    return refusal(path, "工作簿已损坏或不完整（可能没有下载或复制完），无法作为 Excel 文件打开")


def _check_sizes(path: Path, package: zipfile.ZipFile) -> None:
    """Refuse too many members, or members that would unpack to something huge."""
    infos = package.infolist()
    if len(infos) > MAX_MEMBERS:
        raise refusal(path, f"压缩包有 {len(infos)} 个成员，过多，已拒绝读取")
    total = 0
    for info in infos:
        _check_member(path, info)
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise refusal(path, f"压缩包解压后共 {total // (1024 * 1024)} MiB，过大，已拒绝读取")


def _inspect_parts(path: Path, package: zipfile.ZipFile) -> dict[str, SheetInfo]:
    """Check every XML part's prologue and every worksheet; the extra facts of each sheet."""
    for info in package.infolist():
        if info.filename.lower().endswith((".xml", ".rels", ".vml")):
            with package.open(info) as member:
                _check_prolog(path, info.filename, member.read(_PROLOG_HEAD))
    result: dict[str, SheetInfo] = {}
    names = set(package.namelist())
    for sheet, (part, visible) in _sheet_parts(path, package).items():
        if part not in names:
            result[sheet] = SheetInfo(visible=visible)
            continue
        sheet_info = _scan_sheet(path, sheet, package.read(part))
        sheet_info.visible = visible
        result[sheet] = sheet_info
    return result


T = TypeVar("T")


class _Background(Generic[T]):
    """A call run in a thread of its own; :meth:`result` waits for it."""

    def __init__(self, call: Callable[[], T]) -> None:
        self._call = call
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="bpeditor-open", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._value = self._call()
        except BaseException as exc:  # handed to the waiting thread
            self._error = exc

    def result(self) -> T:
        """The call's value, or its exception raised here."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]

    def discard(self) -> None:
        """Wait for the call and drop its outcome (closing it when it can be closed)."""
        self._thread.join()
        if self._value is not None:
            with contextlib.suppress(Exception):
                self._value.close()  # type: ignore[attr-defined]


def checked_open(path: Path, open_workbook: Callable[[], T]) -> tuple[dict[str, SheetInfo], T]:
    """Check the package and open it with ``open_workbook``; the workbook only if it passes.

    ``open_workbook`` starts in a thread as soon as the members' sizes are known to be sane
    (nothing it reads can then be huge) and overlaps the checks of the parts; if they refuse
    the file, its workbook is closed and the refusal raised. Exceptions of ``open_workbook``
    itself are raised as they are.
    """
    try:
        with zipfile.ZipFile(path) as package:
            _check_sizes(path, package)
            opening = _Background(open_workbook)
            try:
                infos = _inspect_parts(path, package)
            except BaseException:
                opening.discard()
                raise
    except ReadError:
        raise
    except _DAMAGE as exc:
        raise _damaged(path, exc) from None
    return infos, opening.result()
