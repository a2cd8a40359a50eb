"""Paste of a 1,000-row table into the window (文件 → 从剪贴板新建, 编辑 → 粘贴为表格).

Usage: ``QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_paste.py [--runs N]``

The table is one row per indicator, as a department keeps it in Excel: 资金使用单位 | 项目名称 |
项目资金 | 年度绩效目标 | 一级 | 二级 | 三级 | 实施期指标值 | 年度指标值, the project's cells merged
down its rows and the 一级 merged down its block. It goes on the clipboard as Excel puts it
there: HTML (with rowspans) and tab-separated text. Timed: from the action's trigger to the
window painted with the new table (HTML flavour, then text alone), and importing it into an
open table as one undo step. Goal (issue 10): under 1 s. Exits 1 when missed.
"""

from __future__ import annotations

import argparse
import gc
import html
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import make_table

ROWS = 1000
GOAL_S = 1.0
HEADER = [
    "资金使用单位",
    "项目名称",
    "项目资金",
    "年度绩效目标",
    "一级指标",
    "二级指标",
    "三级指标",
    "实施期指标值",
    "年度指标值",
]


def table_rows() -> list[tuple[list[str], list[int]]]:
    """About :data:`ROWS` indicator rows, each with its cells' row spans (0: covered)."""
    rows: list[tuple[list[str], list[int]]] = []
    table = make_table("M")
    for unit, project in table.iter_projects():
        indicators = project.indicators
        for i, ind in enumerate(indicators):
            first = i == 0
            block = [j for j in indicators if j.level1 == ind.level1]
            new_block = i == 0 or indicators[i - 1].level1 != ind.level1
            spans = [len(indicators) if first else 0] * 4 + [len(block) if new_block else 0]
            spans += [1, 1, 1, 1]
            cells = [
                unit.name if first else "",
                project.name if first else "",
                str(project.funds.total or "") if first else "",
                project.goal if first else "",
                ind.level1_label if new_block else "",
                ind.level2_label,
                ind.name,
                ind.period_value,
                ind.annual_value,
            ]
            rows.append((cells, spans))
        if len(rows) >= ROWS:
            break
    return rows


def as_html(rows: list[tuple[list[str], list[int]]]) -> str:
    """The rows as Excel's HTML clipboard flavour holds them (rowspan on merged cells)."""
    lines = ["<html><body><table>", "<tr>" + "".join(f"<td>{h}</td>" for h in HEADER) + "</tr>"]
    for cells, spans in rows:
        tds = [
            f'<td rowspan="{span}">{html.escape(text)}</td>'
            if span > 1
            else f"<td>{html.escape(text)}</td>"
            for text, span in zip(cells, spans, strict=True)
            if span
        ]
        lines.append("<tr>" + "".join(tds) + "</tr>")
    lines.append("</table></body></html>")
    return "\n".join(lines)


def as_text(rows: list[tuple[list[str], list[int]]]) -> str:
    """The rows as tab-separated text (a merged range's text in its first cell)."""
    return "\r\n".join("\t".join(r) for r in [HEADER, *(cells for cells, _ in rows)]) + "\r\n"


def main() -> int:
    """Time the pastes; print the medians; 1 when the goal is missed."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("BPEDITOR_DATA_DIR", tempfile.mkdtemp())
    from PySide6.QtCore import QMimeData
    from PySide6.QtWidgets import QApplication

    from bpeditor.ui.app import create_application
    from bpeditor.ui.main_window import MainWindow

    app = create_application()
    assert isinstance(app, QApplication)
    window = MainWindow()
    window.show()
    app.processEvents()
    rows = table_rows()
    flavours = {"HTML": as_html(rows), "text": as_text(rows)}
    figures: dict[str, float] = {}
    indicators = 0
    for name, content in flavours.items():
        times = []
        for _ in range(runs):
            mime = QMimeData()
            if name == "HTML":
                mime.setHtml(content)
            mime.setText(flavours["text"])
            app.clipboard().setMimeData(mime)
            window.undo_stack.setClean()
            gc.collect()
            start = time.perf_counter()
            window.clipboard.new_action.trigger()
            window.repaint()
            times.append(time.perf_counter() - start)
            indicators = window.document.table.indicator_count()
        figures[f"new table from the clipboard ({name})"] = statistics.median(times)
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        window.clipboard.import_action.trigger()
        window.repaint()
        times.append(time.perf_counter() - start)
        window.undo_stack.undo()
    figures["import into the open table (one undo step)"] = statistics.median(times)
    window.undo_stack.clear()
    window.close()
    window.deleteLater()
    app.processEvents()
    print(f"{len(rows)} rows, {indicators} indicators pasted; median of {runs} runs")
    for label, seconds in figures.items():
        print(f"{label:48s} {seconds * 1000:8.1f} ms")
    worst = max(figures.values())
    print(f"goal: under {GOAL_S:.1f} s — {'met' if worst < GOAL_S else 'MISSED'}")
    return 0 if worst < GOAL_S else 1


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    os._exit(status)  # as bench_gui.py: PySide6 may crash finalising Qt objects at teardown
