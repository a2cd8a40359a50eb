"""Text as Excel and WPS copy it: quoted multi-line cells, one indicator per line."""

from __future__ import annotations

import re
from pathlib import Path

from bpeditor.io.registry import read_path
from bpeditor.io.text import parse_summary_text, read_text


def _excel_quote(cell: str) -> str:
    """Quote a cell the way Excel does on copy (written here independently of the exporter)."""
    if any(ch in cell for ch in '\t\n"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _as_excel_copy(sample_text: str, goal_break: bool = True) -> tuple[str, dict[str, str]]:
    """The sample as copied from Excel: items one per line, goals wrapped, CRLF row ends."""
    goals: dict[str, str] = {}
    rows = []
    for line in sample_text.splitlines():
        cells = line.split("\t")
        if len(cells) == 7 and cells[6] and cells[5] != "绩效目标":
            cells[6] = re.sub(r"(?<=。)(?=\d+、)", "\n", cells[6])
            if goal_break:
                middle = len(cells[5]) // 2
                cells[5] = f'{cells[5][:middle]}\n"{cells[0]}"{cells[5][middle:]}'
            goals[cells[0]] = cells[5]
        rows.append("\t".join(_excel_quote(c) for c in cells))
    return "\r\n".join(rows) + "\r\n", goals


def test_excel_copy_reads_the_same_indicators(sample_path: Path, sample_text: str) -> None:
    reference = read_text(sample_path).table
    text, goals = _as_excel_copy(sample_text)
    assert text.count('""') == 18  # the doubled quotes around each name in its goal
    result = parse_summary_text(text)
    assert result.warnings == []
    table = result.table
    assert table.project_count() == 9
    for (_, expected), (_, got) in zip(
        reference.iter_projects(), table.iter_projects(), strict=True
    ):
        assert got.name == expected.name
        assert got.funds == expected.funds
        assert got.indicators == expected.indicators
        assert got.goal == goals[got.name]
        assert "\n" in got.goal and f'"{got.name}"' in got.goal


def test_excel_copy_without_goal_breaks_is_the_same_table(
    sample_path: Path, sample_text: str, tmp_path: Path
) -> None:
    text, _ = _as_excel_copy(sample_text, goal_break=False)
    path = tmp_path / "copied.txt"
    path.write_bytes(text.encode("utf-16-le"))
    assert read_path(path).table == read_text(sample_path).table


def test_quoted_cells_keep_the_line_numbers_of_later_rows(sample_text: str) -> None:
    """A warning after multi-line cells names the line it is on in the file."""
    text, _ = _as_excel_copy(sample_text)
    text += "注：本表金额单位为万元。\r\n"
    lines = text.replace("\r\n", "\n").split("\n")
    line = next(i for i, t in enumerate(lines, start=1) if t.startswith("注："))
    # Each quoted cell spans several physical lines; the note is far below its record index.
    assert line > 40
    result = parse_summary_text(text)
    assert [w.location for w in result.warnings] == [f"第 {line} 行"]
