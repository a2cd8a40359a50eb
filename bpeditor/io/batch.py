"""Converting many files at once: one bad file never stops the others."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bpeditor.io.base import ReadError, ReadWarning, WriteError
from bpeditor.io.export_options import ExportOptions
from bpeditor.io.exporting import export_table
from bpeditor.io.registry import FORMATS, format_for_writing, read_path

TARGETS = {"bpe": ".bpe", "docx": ".docx", "xlsx": ".xlsx", "txt": ".txt"}
"""The ``--to`` choices and the extension each writes."""


@dataclass
class BatchItem:
    """What happened to one input file."""

    source: Path
    target: Path | None = None
    recognised: str = ""
    units: int = 0
    projects: int = 0
    indicators: int = 0
    warnings: list[ReadWarning] = field(default_factory=list)
    export_warnings: list[str] = field(default_factory=list)
    """What the export said (a text too long for a row, …)."""
    error: str = ""

    @property
    def ok(self) -> bool:
        """True when the file was converted."""
        return not self.error


def readable_extensions() -> set[str]:
    """Every extension some importer reads."""
    return {ext for fmt in FORMATS if fmt.reader is not None for ext in fmt.extensions}


def expand_inputs(paths: Iterable[Path]) -> Iterator[Path]:
    """The files to convert: files as given, and the readable files inside given folders."""
    readable = readable_extensions()
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in readable:
                    yield child
        else:
            yield path


def _target_for(source: Path, out_dir: Path, extension: str, taken: set[Path]) -> Path:
    """``out_dir/stem.ext``, numbered when two inputs share a stem (``a.xls`` and ``a.txt``)."""
    target = out_dir / f"{source.stem}{extension}"
    number = 2
    while target in taken:
        target = out_dir / f"{source.stem} ({number}){extension}"
        number += 1
    taken.add(target)
    return target


def convert_many(
    paths: Iterable[Path], out_dir: Path, to: str, options: ExportOptions | None = None
) -> Iterator[BatchItem]:
    """Convert every input into ``out_dir`` in format ``to``, yielding each file's outcome.

    Word and Excel are printed with ``options`` (layout, fonts, margins, columns), as one
    ``convert`` would.
    """
    options = options or ExportOptions()
    extension = TARGETS[to]
    format_for_writing(Path(f"x{extension}"))
    out_dir.mkdir(parents=True, exist_ok=True)
    taken: set[Path] = set()
    for source in expand_inputs(paths):
        item = BatchItem(source)
        try:
            result = read_path(source)
        except ReadError as exc:
            item.error = str(exc)
            yield item
            continue
        table = result.table
        item.recognised = result.format
        item.units, item.projects = len(table.units), table.project_count()
        item.indicators = table.indicator_count()
        item.warnings = result.warnings
        item.target = _target_for(source, out_dir, extension, taken)
        if _same_file(item.target, source):
            item.error = f"{source}：输出文件与输入文件相同，已跳过"
        else:
            try:
                item.export_warnings = export_table(table, item.target, options)
            except WriteError as exc:
                item.error = str(exc)
        yield item


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and os.path.samefile(a, b)
    except OSError:
        return False
