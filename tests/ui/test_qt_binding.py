"""The Qt binding bpeditor runs on keeps Python's reference counts right.

PySide6 6.12.0 dropped a reference to ``None`` in every Qt method that returns nothing; on
Python 3.11 the program then aborted after a few thousand such calls (a long print, a day of
editing). pyproject.toml excludes that release; this test fails on any binding that does it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QLabel

CALLS = 200


def test_qt_calls_returning_nothing_keep_none_alive(qtbot) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    qtbot.addWidget(label)
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        before = sys.getrefcount(None)
        for _ in range(CALLS):
            label.setText("绩效目标")
            painter.drawRect(QRectF(0, 0, 5, 5))
        lost = before - sys.getrefcount(None)
    finally:
        painter.end()
    assert lost < CALLS // 2, f"{lost} references to None lost in {2 * CALLS} Qt calls"
