"""The year comparison's screenshot for docs/ and the manual (bpeditor/resources/help).

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/help/make_comparison_screenshot.py

The example as last year's table (titled 2023年), carried forward to 2024 with a few values
edited (one target lowered, one raised, one indicator added), compared with last year through
文件 → 与其他年度比较, and the comparison panel grabbed with ``QWidget.grab()``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    """Write the screenshot; print where."""
    folder = Path(tempfile.mkdtemp(prefix="bpeditor-shots-"))
    os.environ.setdefault("BPEDITOR_DATA_DIR", str(folder))
    from bpeditor.io import native  # noqa: PLC0415 - after the data folder is chosen
    from bpeditor.io.registry import read_path  # noqa: PLC0415
    from bpeditor.model.edits import InsertIndicators, SetIndicatorField  # noqa: PLC0415
    from bpeditor.model.table import Indicator  # noqa: PLC0415
    from bpeditor.resources import example_path  # noqa: PLC0415
    from bpeditor.ui.app import create_application  # noqa: PLC0415
    from bpeditor.ui.main_window import MainWindow  # noqa: PLC0415
    from bpeditor.ui.undo import push_edit  # noqa: PLC0415

    app = create_application()
    last_year = read_path(example_path()).table
    last_year.title = "2023年" + last_year.title
    old_path = folder / "2023年项目支出绩效目标表.bpe"
    native.save(last_year, old_path)
    window = MainWindow()
    window.resize(1366, 768 - 40 - 30)
    window.show()
    window.open_path(old_path)
    window.years.carry_forward()
    new_row = Indicator("1", "产出指标", "11", "数量指标", "新增监控点位数", "≥10个", "≥10个")
    for edit in (
        SetIndicatorField(0, 1, 2, "annual_value", "≥95%（反映网络运行的稳定情况）"),
        SetIndicatorField(0, 0, 4, "annual_value", "≤1次"),
        SetIndicatorField(0, 2, 0, "annual_value", "≥24次"),
        InsertIndicators(0, 1, 2, [new_row]),
    ):
        push_edit(window.undo_stack, window.document, edit)
    window.years.compare_with(old_path)
    dock = window.years.dock
    assert dock is not None
    dock.setFloating(True)
    dock.resize(1100, 520)
    for _ in range(20):
        app.processEvents()
    for path in (ROOT / "docs" / "comparison.png", ROOT / "bpeditor/resources/help/comparison.png"):
        dock.grab().save(str(path))
        print(path.relative_to(ROOT), dock.size().toTuple())
    window.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
