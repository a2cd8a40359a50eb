"""The registered file formats as the file dialogs and the 导出 menu show them.

Every text here is in the ``FileFormat`` translation context.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from bpeditor.io.registry import FORMATS, FileFormat
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP

LAYOUT_NAMES = {
    "summary": QT_TRANSLATE_NOOP("FileFormat", "汇总表"),
    "forms": QT_TRANSLATE_NOOP("FileFormat", "逐项目申报表"),
}
"""Names of the export layouts (Chinese source texts, translated when shown)."""
FORMAT_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("FileFormat", "绩效目标表编辑器文件"),
    QT_TRANSLATE_NOOP("FileFormat", "Word 文档"),
    QT_TRANSLATE_NOOP("FileFormat", "Excel 工作簿"),
    QT_TRANSLATE_NOOP("FileFormat", "网页表格（另存的 .xls）"),
    QT_TRANSLATE_NOOP("FileFormat", "文本（制表符分隔）"),
)
"""The registered formats' descriptions, for the translation catalog."""


def _tr(text: str) -> str:
    """``text`` (marked for the ``FileFormat`` context elsewhere) in the interface language."""
    return QCoreApplication.translate("FileFormat", text)


def format_description(fmt: FileFormat) -> str:
    """A format's description in the interface language."""
    return _tr(fmt.description)


def read_filter() -> str:
    """The open dialog's filter: every readable format together, each format, and all files."""
    readable = [f for f in FORMATS if f.reader is not None]
    patterns = " ".join(f"*{e}" for f in readable for e in f.extensions)
    parts = [QCoreApplication.translate("FileFormat", "所有支持的文件") + f" ({patterns})"]
    parts += [
        f"{format_description(f)} ({' '.join('*' + e for e in f.extensions)})" for f in readable
    ]
    parts.append(QCoreApplication.translate("FileFormat", "所有文件") + " (*)")
    return ";;".join(parts)


def write_extensions(fmt: FileFormat) -> tuple[str, ...]:
    """The extensions a format's writer produces (``.xlsx`` but not ``.xls``, say)."""
    if fmt.writer is None:
        return ()
    return getattr(fmt, "write_extensions", None) or fmt.extensions


def writer_for(path: Path) -> FileFormat | None:
    """The format whose writer produces ``path``'s extension, or ``None``."""
    suffix = path.suffix.lower()
    return next((f for f in FORMATS if suffix in write_extensions(f)), None)


def known_write_extensions() -> str:
    """Every extension a writer produces, for telling the user what export can do."""
    return "、".join(e for f in FORMATS for e in write_extensions(f))


@dataclass(frozen=True)
class ExportChoice:
    """One entry of the 导出 menu: a format that can be written, in one of its layouts."""

    format: FileFormat
    layout: str

    @property
    def label(self) -> str:
        """The menu text, e.g. ``Word 文档（逐项目申报表）…``."""
        description = format_description(self.format)
        if len(self.format.layouts) > 1:
            layout = _tr(LAYOUT_NAMES.get(self.layout, self.layout))
            return QCoreApplication.translate("FileFormat", "{format}（{layout}）…").format(
                format=description, layout=layout
            )
        return f"{description}…"

    @property
    def name_filter(self) -> str:
        """The save dialog's filter for this format."""
        patterns = " ".join(f"*{e}" for e in write_extensions(self.format))
        return f"{format_description(self.format)} ({patterns})"

    def target(self, path: Path) -> Path:
        """``path`` with this format's extension added unless it already has one of them."""
        extensions = write_extensions(self.format)
        if path.suffix.lower() in extensions:
            return path
        return path.with_name(path.name + extensions[0])


def export_choices() -> list[ExportChoice]:
    """Every registered format with a writer, in each of its layouts."""
    return [
        ExportChoice(f, layout) for f in FORMATS if f.writer is not None for layout in f.layouts
    ]


def export_choice(path: Path, layout: str) -> ExportChoice:
    """The export choice that writes ``path``'s extension in ``layout`` (it must exist)."""
    return next(
        c
        for c in export_choices()
        if path.suffix.lower() in write_extensions(c.format) and c.layout == layout
    )
