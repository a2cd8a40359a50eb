"""The 800-character goal on the printed pages of the Word and Excel exports (LibreOffice)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rendering import as_read, convert, missing_in_order, whole_text

from bpeditor.io.export_options import ExportOptions
from bpeditor.io.exporting import export_table

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from generate import make_tall_table

SENTENCE = "第7句：保障口岸车检场全年设施设备安全稳定运行，提升通关效率和服务水平。"


@pytest.mark.parametrize("layout", ["summary", "forms"])
@pytest.mark.parametrize("ext", ["docx", "xlsx"])
def test_the_long_goal_prints_whole(ext: str, layout: str, tmp_path: Path) -> None:
    table = make_tall_table()
    goal = next(p.goal for _, p in table.iter_projects() if p.name == "口岸车检场长目标项目")
    assert len(goal) == 800 and SENTENCE in goal
    document = tmp_path / f"{layout}.{ext}"
    export_table(table, document, ExportOptions(layout=layout))
    printed = whole_text(convert(document, tmp_path / "pdf", "pdf"))
    assert missing_in_order(printed, as_read(goal)) == ""
    # the check itself: a goal with a sentence the pages do not have is found missing
    changed = goal.replace(SENTENCE, SENTENCE[:20] + "丢失" + SENTENCE[20:])
    assert missing_in_order(printed, as_read(changed))
