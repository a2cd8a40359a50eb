"""Which importer or exporter handles a file: by extension, and by content for importers."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bpeditor.io import text
from bpeditor.io.base import (
    LOCKED,
    ReadError,
    ReadResult,
    WriteError,
    gc_paused,
    held_by_another_program,
)
from bpeditor.io.text_decode import describe_binary
from bpeditor.model.table import Table

Reader = Callable[[Path], ReadResult]
Writer = Callable[[Table, Path, str], None]


@dataclass(frozen=True)
class FileFormat:
    """A file format bpeditor can read and/or write."""

    name: str
    description: str
    extensions: tuple[str, ...]
    reader: Reader | None = None
    writer: Writer | None = None
    sniff: Callable[[bytes], bool] | None = None
    layouts: tuple[str, ...] = ("summary",)
    write_extensions: tuple[str, ...] | None = None
    """The extensions the writer produces, when fewer than it reads (not ``.xls``)."""

    def writes(self, extension: str) -> bool:
        """Whether this format's writer produces files with ``extension``."""
        if self.writer is None:
            return False
        return extension in (self.write_extensions or self.extensions)


# The native format's code (and json) is imported only when a .bpe is read or written: the
# window opens the example (a text file) at start-up without it.
def _read_bpe(path: Path) -> ReadResult:
    from bpeditor.io.native import read_bpe  # noqa: PLC0415

    return read_bpe(path)


def _write_bpe(table: Table, path: Path, layout: str) -> None:
    from bpeditor.io.native import save  # noqa: PLC0415

    save(table, path)


def _write_text(table: Table, path: Path, layout: str) -> None:
    text.write_text(table, path)


def _sniff_text(head: bytes) -> bool:
    return describe_binary(head) is None


# The Word modules load python-docx and lxml: import them only when a .docx is read or written.
def _read_docx(path: Path) -> ReadResult:
    from bpeditor.io.docx_reader import read_docx  # noqa: PLC0415

    return read_docx(path)


def _write_docx(table: Table, path: Path, layout: str) -> None:
    _export(table, path, "docx", layout)


# The Excel modules load python-calamine (and defusedxml): import them only when a workbook is read.
def _read_excel(path: Path) -> ReadResult:
    from bpeditor.io.excel_reader import read_excel  # noqa: PLC0415

    return read_excel(path)


def _write_xlsx(table: Table, path: Path, layout: str) -> None:
    _export(table, path, "xlsx", layout)


def _export(table: Table, path: Path, kind: str, layout: str) -> None:
    """A Word or Excel export with the default options: :func:`exporting.export_as` picks the
    writer (and imports python-docx or XlsxWriter only then)."""
    from bpeditor.io.export_options import ExportOptions  # noqa: PLC0415
    from bpeditor.io.exporting import export_as  # noqa: PLC0415 - exporting imports this module

    export_as(table, path, kind, ExportOptions(layout=layout))


def sniff_bpe(head: bytes) -> bool:
    """Whether the first bytes look like a native file (a JSON object marked ``bpeditor``)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{") and b'"format"' in head[:4096] and b"bpeditor" in head[:4096]


def sniff_excel(head: bytes) -> bool:
    """Whether the first bytes look like an Excel workbook (OLE2, or a zip with ``xl/`` parts)."""
    return head.startswith(b"\xd0\xcf\x11\xe0") or (
        head.startswith(b"PK\x03\x04") and b"xl/" in head
    )


def sniff_html(head: bytes) -> bool:
    """Whether the first bytes look like an HTML page (web systems' "Excel" exports).

    Every file read that no other format claims is sniffed here (text files, the bundled
    example): a page starts with ``<`` (after a UTF-8 byte-order mark and white space) or is
    UTF-16, so anything else is answered without importing the HTML reader.
    """
    start = head[:4096].removeprefix(b"\xef\xbb\xbf").lstrip()
    if not start.startswith(b"<") and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    from bpeditor.io.excel_html import looks_like_html  # noqa: PLC0415

    return looks_like_html(head)


def sniff_docx(head: bytes) -> bool:
    """Whether the first bytes of a file look like a Word package (a zip with ``word/`` parts)."""
    return head.startswith(b"PK\x03\x04") and b"word/" in head


FORMATS: list[FileFormat] = [
    FileFormat("bpe", "绩效目标表编辑器文件", (".bpe",), _read_bpe, _write_bpe, sniff_bpe),
    FileFormat(
        "docx",
        "Word 文档",
        (".docx",),
        _read_docx,
        _write_docx,
        sniff_docx,
        layouts=("summary", "forms"),
    ),
    FileFormat(
        "excel",
        "Excel 工作簿",
        (".xlsx", ".xlsm", ".xls"),
        _read_excel,
        _write_xlsx,
        sniff_excel,
        layouts=("summary", "forms"),
        write_extensions=(".xlsx",),
    ),
    FileFormat("html", "网页表格（另存的 .xls）", (".html", ".htm"), _read_excel, None, sniff_html),
    FileFormat(
        "text",
        "文本（制表符分隔）",
        (".txt", ".tsv", ".text", ".csv"),
        text.read_text,
        _write_text,
        _sniff_text,
    ),
]


def _by_extension(path: Path) -> FileFormat | None:
    suffix = path.suffix.lower()
    return next((f for f in FORMATS if suffix in f.extensions), None)


def format_for_reading(path: Path, head: bytes) -> FileFormat:
    """The format to read ``path`` with: content first where it is telling, then extension."""
    for fmt in FORMATS:
        if fmt.reader is not None and fmt.name != "text" and fmt.sniff and fmt.sniff(head):
            return fmt
    by_ext = _by_extension(path)
    if by_ext is not None and by_ext.reader is not None:
        return by_ext
    kind = describe_binary(head)
    if kind is not None:
        raise ReadError(f"{path}：不支持的文件类型（{kind}）")
    return next(f for f in FORMATS if f.name == "text")


def read_path(path: str | os.PathLike[str]) -> ReadResult:
    """Import any supported file; raises :class:`ReadError` with a one-line reason."""
    path = Path(path)
    try:
        if path.is_dir():
            raise ReadError(f"{path}：这是文件夹，不是文件")
        with path.open("rb") as handle:
            head = handle.read(8192)
    except FileNotFoundError:
        raise ReadError(f"{path}：文件不存在") from None
    except PermissionError as exc:
        if held_by_another_program(exc):
            raise ReadError(f"{path}：{LOCKED}，无法读取；请关闭该程序后重试") from None
        raise ReadError(f"{path}：没有读取权限") from None
    except OSError as exc:
        raise ReadError(f"{path}：无法读取（{exc.strerror or exc}）") from None
    fmt = format_for_reading(path, head)
    assert fmt.reader is not None
    try:
        with gc_paused():  # the whole import: reading the cells creates many objects too
            result = fmt.reader(path)
    except (ReadError, MemoryError, KeyboardInterrupt):
        raise
    except OSError as exc:
        raise ReadError(f"{path}：无法读取（{exc.strerror or exc}）") from None
    except Exception as exc:  # an importer's bug must still reach the user as one clear line
        raise ReadError(
            f"{path}：无法读取，文件内容不符合预期（{type(exc).__name__}：{exc}）"
        ) from exc
    result.format = fmt.name
    if fmt.name != "bpe":
        from bpeditor.model.taxonomy_sets import settle_taxonomy  # noqa: PLC0415 - deferred: start-up

        settle_taxonomy(result.table)  # a table printing 成本指标 as a 一级 is in the 2021 set
    return result


def format_for_writing(path: str | os.PathLike[str]) -> FileFormat:
    """The exporter for a file name's extension; raises :class:`WriteError` if there is none."""
    suffix = Path(path).suffix.lower()
    fmt = next((f for f in FORMATS if f.writes(suffix)), None)
    if fmt is None:
        known = "、".join(e for f in FORMATS for e in f.extensions if f.writes(e))
        raise WriteError(f"{path}：不支持导出为这种格式（可用：{known}）")
    return fmt


def write_path(table: Table, path: str | os.PathLike[str], layout: str = "summary") -> None:
    """Export the table to ``path`` in the format its extension names."""
    fmt = format_for_writing(path)
    if layout not in fmt.layouts:
        raise WriteError(f"{path}：{fmt.description}不支持“{layout}”版式")
    assert fmt.writer is not None
    try:
        fmt.writer(table, Path(path), layout)
    except WriteError:
        raise
    except OSError as exc:
        raise WriteError(f"{path}：保存失败（{exc.strerror or exc}）") from exc
