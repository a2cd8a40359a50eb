"""Exporting a table with the shared :class:`ExportOptions`: what the window and the CLI call.

Word and Excel take the options (fonts, margins, layout, sign-off); the other formats have no
print options and go through the registry as they are. Returns the warnings a user should see
(for example a text too tall for any Excel row).
"""

from __future__ import annotations

import os
from pathlib import Path

from bpeditor.io.base import WriteError
from bpeditor.io.export_options import ExportOptions
from bpeditor.io.registry import format_for_writing, write_path
from bpeditor.model.table import Table


def export_table(
    table: Table, path: str | os.PathLike[str], options: ExportOptions | None = None
) -> list[str]:
    """Write ``table`` to ``path`` (format by extension) with ``options``; the warnings."""
    options = options or ExportOptions()
    suffix = Path(path).suffix.lower()
    if suffix in (".docx", ".xlsx"):
        return export_as(table, path, suffix[1:], options)
    format_for_writing(path)
    write_path(table, path, options.layout)
    return []


EXPORT_KINDS = {"docx": "docx", "excel": "xlsx"}
"""The registry's formats printed with the export options, and their :func:`export_as` kind."""


def export_as(
    table: Table, path: str | os.PathLike[str], kind: str, options: ExportOptions
) -> list[str]:
    """Write a Word (``docx``) or Excel (``xlsx``) export to ``path`` whatever its name says."""
    suffix = f".{kind}"
    try:
        if suffix == ".docx":
            from bpeditor.io.docx_common import WordOptions  # noqa: PLC0415 - python-docx

            word = WordOptions.from_export(options)
            if options.layout == "forms":
                from bpeditor.io.docx_forms import write_docx_forms  # noqa: PLC0415

                write_docx_forms(table, path, options=word)
            else:
                from bpeditor.io.docx_summary import write_docx_summary  # noqa: PLC0415

                write_docx_summary(table, path, options=word)
            return []
        if suffix == ".xlsx":
            from bpeditor.io.xlsx_writer import (  # noqa: PLC0415 - XlsxWriter
                write_xlsx_forms,
                write_xlsx_summary,
            )

            if options.layout == "forms":
                return write_xlsx_forms(table, path, options=options)
            return write_xlsx_summary(table, path, options=options)
    except WriteError:
        raise
    except OSError as exc:
        raise WriteError(f"{path}：保存失败（{exc.strerror or exc}）") from exc
    raise WriteError(f"{path}：不支持导出为这种格式")
