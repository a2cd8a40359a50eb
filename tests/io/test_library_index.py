"""The library's index on disk: read once, re-read when changed, bad files and a damaged index."""

from __future__ import annotations

import json
import os
from pathlib import Path

from bpeditor.io import native
from bpeditor.io.library_index import LibraryIndex, open_and_update
from bpeditor.model.table import Indicator, Project, Table, Unit


def save_table(path: Path, project: str, *names: str) -> Path:
    """A one-project table with these indicator names, saved as .bpe."""
    rows = [Indicator("1", "产出指标", "12", "质量指标", n, "", "≥95%") for n in names]
    table = Table(
        title="2023年项目支出绩效目标表", units=[Unit("中心", [Project(project, indicators=rows)])]
    )
    native.save(table, path)
    return path


def test_a_folder_is_indexed_and_unreadable_files_are_listed(tmp_path: Path) -> None:
    folder = tmp_path / "往年"
    folder.mkdir()
    save_table(folder / "a.bpe", "设备维护", "设备正常运行率", "维修及时率")
    (folder / "坏.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    (folder / "readme.pdf").write_bytes(b"%PDF")  # not a table format: not even tried
    index = LibraryIndex(tmp_path / "library.json")
    index.add_sources([folder])
    report = index.update()
    assert report.read == 1
    assert len(report.failed) == 1 and report.failed[0].startswith(str(folder / "坏.xlsx"))
    entries = index.entries()
    assert [(e.name, e.initials, e.source.project, e.source.year) for e in entries] == [
        ("设备正常运行率", "sbzcyxl", "设备维护", 2023),
        ("维修及时率", "wxjsl", "设备维护", 2023),
    ]


def test_only_changed_files_are_read_again(tmp_path: Path) -> None:
    a = save_table(tmp_path / "a.bpe", "设备维护", "设备正常运行率")
    b = save_table(tmp_path / "b.bpe", "绿化养护", "苗木成活率")
    index = LibraryIndex(tmp_path / "library.json")
    index.add_sources([a, b])
    assert index.update().read == 2
    index.save()
    save_table(b, "绿化养护", "苗木成活率", "绿地面积")
    os.utime(b, (1_900_000_000, 1_900_000_000))
    again = LibraryIndex.open(tmp_path / "library.json")
    report = again.update()
    assert (report.read, report.unchanged) == (1, 1)
    assert [e.name for e in again.entries()] == ["设备正常运行率", "苗木成活率", "绿地面积"]
    a.unlink()
    again.update()
    assert [e.name for e in again.entries()] == ["苗木成活率", "绿地面积"]


def test_a_damaged_index_is_rebuilt_from_its_sources(tmp_path: Path) -> None:
    a = save_table(tmp_path / "a.bpe", "设备维护", "设备正常运行率")
    store = tmp_path / "library.json"
    index = LibraryIndex(store)
    index.add_sources([a])
    index.update()
    index.save()
    text = store.read_text(encoding="utf-8")
    store.write_text(text[: len(text) // 2], encoding="utf-8")  # cut off mid-write
    broken = LibraryIndex.open(store)
    assert broken.damaged and broken.entries() == []
    for garbage in (
        "[1, 2]",
        '{"format": "bpeditor-library", "version": 1, "sources": 5}',
        "\x00\xff",
    ):
        store.write_text(garbage, encoding="utf-8")
        assert LibraryIndex.open(store).damaged
    store.write_text(
        json.dumps({"format": "bpeditor-library", "version": 1, "sources": [str(a)], "files": {}}),
        encoding="utf-8",
    )
    rebuilt, report = open_and_update(store)
    assert report.read == 1 and [e.name for e in rebuilt.entries()] == ["设备正常运行率"]


def test_a_missing_source_is_no_error(tmp_path: Path) -> None:
    index = LibraryIndex(tmp_path / "library.json")
    index.add_sources([tmp_path / "gone"])
    report = index.update()
    assert (report.read, report.failed, index.entries()) == (0, [], [])
