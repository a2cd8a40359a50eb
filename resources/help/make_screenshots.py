"""Screenshots of the example for docs/ and the manual (bpeditor/resources/help).

    QT_QPA_PLATFORM=offscreen .venv/bin/python resources/help/make_screenshots.py

Renders the main window with the bundled example at 1366×768 and 1920×1080 (the window's
client area at each screen's usable size) with ``QWidget.grab()``, and the manual's two
pictures. Settings go to a throw-away folder, so a developer's own are not used or changed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> int:
    """Write the screenshots; print where."""
    os.environ.setdefault("BPEDITOR_DATA_DIR", tempfile.mkdtemp(prefix="bpeditor-shots-"))
    from PySide6.QtCore import Qt  # noqa: PLC0415 - after the data folder is chosen

    from bpeditor.resources import example_path  # noqa: PLC0415 - after the data folder is chosen
    from bpeditor.ui.app import create_application  # noqa: PLC0415 - after the data folder is chosen
    from bpeditor.ui.main_window import MainWindow  # noqa: PLC0415 - after the data folder is chosen

    app = create_application()
    docs = ROOT / "docs"
    help_dir = ROOT / "bpeditor" / "resources" / "help"
    shots = {
        docs / "screenshot-1366x768.png": (1366, 768 - 40 - 30, 0),
        docs / "screenshot-1920x1080.png": (1920, 1080 - 40 - 30, 0),
        help_dir / "main.png": (1366, 768 - 40 - 30, 0),
        help_dir / "all-indicators.png": (1366, 768 - 40 - 30, 1),
    }
    for path, (width, height, tab) in shots.items():
        window = MainWindow()
        window.resize(width, height)
        window.resizeDocks(
            [window.problems_dock], [max(100, min(170, height // 6))], Qt.Orientation.Vertical
        )
        window.show()
        window.open_path(example_path())
        window.select_project(0, 4 if tab == 0 else 0)
        if tab:
            window.all_indicators.show()
            window.all_indicators.panel.text_filter.setText("满意度")
        for _ in range(10):
            app.processEvents()
        window.checks.run_now()
        for _ in range(10):
            app.processEvents()
        window.grab().save(str(path))
        print(path.relative_to(ROOT), window.size().toTuple())
        window.close()
        window.deleteLater()
        app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
