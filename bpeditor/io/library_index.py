"""The indicator library's index: past tables read once into a JSON file, kept up to date.

Each file is read with :func:`bpeditor.io.registry.read_path` (any readable format) and stored
with its modification time and size; a file is read again only when either changes. Files that
cannot be read are listed with the reason and skipped. A damaged or foreign index file is
rebuilt from the sources, never a crash.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bpeditor.io.base import ReadError, WriteError, atomic_write
from bpeditor.model.library import Entry, Library, Source, pinyin_initials, table_entries

FORMAT_NAME = "bpeditor-library"
FORMAT_VERSION = 1
TABLE_EXTENSIONS = frozenset(
    {".bpe", ".xlsx", ".xlsm", ".xls", ".docx", ".html", ".htm", ".txt", ".tsv", ".csv"}
)
"""The files of a folder the library reads (the formats :mod:`bpeditor.io.registry` imports)."""
_ENTRY_KEYS = ("level1", "level2", "name", "period_value", "annual_value", "unit", "project")


@dataclass
class FileRecord:
    """One indexed file: what identified its version, and its entries or why it failed."""

    mtime: float
    size: int
    title: str = ""
    year: int | None = None
    entries: list[list[str]] = field(default_factory=list)
    error: str = ""


@dataclass
class UpdateReport:
    """What an update did: files read, files unchanged, files that could not be read."""

    read: int = 0
    unchanged: int = 0
    failed: list[str] = field(default_factory=list)
    rebuilt: bool = False


class LibraryIndex:
    """The sources the clerk added and every file found under them, stored as JSON."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.sources: list[str] = []
        self.files: dict[str, FileRecord] = {}
        self.damaged = False

    @classmethod
    def open(cls, path: Path) -> LibraryIndex:
        """The index stored at ``path``; empty (and marked damaged) if it cannot be used."""
        index = cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            index._load(data)
        except FileNotFoundError:
            pass
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            index.sources, index.files, index.damaged = index.sources, {}, True
        return index

    def _load(self, data: Any) -> None:
        if data.get("format") != FORMAT_NAME or data.get("version") != FORMAT_VERSION:
            raise ValueError("not a library index")
        self.sources = [str(s) for s in data["sources"]]
        files: dict[str, FileRecord] = {}
        for name, record in data["files"].items():
            entries = record["entries"]
            if not all(isinstance(e, list) and len(e) == len(_ENTRY_KEYS) + 1 for e in entries):
                raise ValueError("bad entry")
            files[str(name)] = FileRecord(
                float(record["mtime"]),
                int(record["size"]),
                str(record.get("title", "")),
                record.get("year") if isinstance(record.get("year"), int) else None,
                [[str(v) for v in e] for e in entries],
                str(record.get("error", "")),
            )
        self.files = files

    def save(self) -> None:
        """Write the index atomically (nothing when it has no path)."""
        if self.path is None:
            return
        data = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "sources": self.sources,
            "files": {
                name: {
                    "mtime": r.mtime,
                    "size": r.size,
                    "title": r.title,
                    "year": r.year,
                    "entries": r.entries,
                    "error": r.error,
                }
                for name, r in sorted(self.files.items())
            },
        }
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.path, lambda tmp: tmp.write_text(text, encoding="utf-8"))

    def add_sources(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        """Add files or folders to index (their absolute paths, each once)."""
        for path in paths:
            name = str(Path(path).absolute())
            if name not in self.sources:
                self.sources.append(name)

    def remove_source(self, path: str) -> None:
        """Stop indexing a file or folder."""
        if path in self.sources:
            self.sources.remove(path)

    def source_files(self) -> list[Path]:
        """Every table file under the sources, in a stable order."""
        found: dict[str, Path] = {}
        for source in self.sources:
            path = Path(source)
            if path.is_dir():
                for child in sorted(path.rglob("*")):
                    if child.suffix.lower() in TABLE_EXTENSIONS and child.is_file():
                        found.setdefault(str(child.absolute()), child)
            elif path.is_file():
                found.setdefault(str(path.absolute()), path)
        return [found[k] for k in sorted(found)]

    def update(self, progress: Callable[[int, int], None] | None = None) -> UpdateReport:
        """Read new and changed files, forget vanished ones; a file that fails is listed."""
        from bpeditor.io.registry import read_path  # noqa: PLC0415 - the readers when needed

        report = UpdateReport(rebuilt=self.damaged)
        files = self.source_files()
        seen = set()
        for n, path in enumerate(files):
            if progress is not None:
                progress(n, len(files))
            name = str(path.absolute())
            seen.add(name)
            try:
                stat = path.stat()
            except OSError as exc:
                report.failed.append(f"{path}：无法读取（{exc.strerror or exc}）")
                continue
            old = self.files.get(name)
            if old is not None and (old.mtime, old.size) == (stat.st_mtime, stat.st_size):
                report.unchanged += 1
                if old.error:
                    report.failed.append(old.error)
                continue
            record = FileRecord(stat.st_mtime, stat.st_size)
            try:
                table = read_path(path).table
            except ReadError as exc:
                record.error = str(exc)
                report.failed.append(record.error)
            else:
                entries = table_entries(table, name)
                initials = pinyin_initials({e.name for e in entries})
                record.title, record.year = table.title, entries[0].source.year if entries else None
                record.entries = [
                    [
                        *(e.level1, e.level2, e.name, e.period_value, e.annual_value),
                        *(e.source.unit, e.source.project, initials.get(e.name, "")),
                    ]
                    for e in entries
                ]
                report.read += 1
            self.files[name] = record
        for name in set(self.files) - seen:
            del self.files[name]
        self.damaged = False
        return report

    def entries(self) -> list[Entry]:
        """Every indexed entry."""
        result = []
        for name, record in sorted(self.files.items()):
            for e in record.entries:
                source = Source(name, e[5], e[6], record.title, record.year)
                result.append(Entry(e[0], e[1], e[2], e[3], e[4], source, e[7]))
        return result

    def library(self) -> Library:
        """The entries ready for ranking."""
        return Library(self.entries())


def open_and_update(path: Path) -> tuple[LibraryIndex, UpdateReport]:
    """Open the stored index, bring it up to date and save it (saving errors are reported)."""
    index = LibraryIndex.open(path)
    report = index.update()
    try:
        index.save()
    except WriteError as exc:
        report.failed.append(str(exc))
    return index, report
