"""The remembered export options (in the editor's QSettings) and the installed-font check."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFontDatabase

from bpeditor.io.export_options import ExportOptions

SETTINGS_GROUP = "export"


def load_export_options(settings: QSettings) -> ExportOptions:
    """The export options last chosen (defaults where none were saved)."""
    settings.beginGroup(SETTINGS_GROUP)
    try:
        data = {key: settings.value(key) for key in settings.childKeys()}
    finally:
        settings.endGroup()
    if data.get("sign_off") in ("", "none", None):
        data["sign_off"] = None
    return ExportOptions.from_dict(data)


def save_export_options(settings: QSettings, options: ExportOptions) -> None:
    """Remember the export options for the next export, print and session."""
    settings.beginGroup(SETTINGS_GROUP)
    try:
        for key, value in options.to_dict().items():
            settings.setValue(key, "none" if value is None else value)
    finally:
        settings.endGroup()


def missing_fonts(options: ExportOptions, installed: Iterable[str] | None = None) -> list[str]:
    """The chosen fonts that are not installed (``installed``: the families, else Qt's list)."""
    families = set(QFontDatabase.families() if installed is None else installed)
    return [name for name in options.font_set.names() if name not in families]


def font_warning(
    options: ExportOptions, installed: Iterable[str] | None = None, platform: str | None = None
) -> str | None:
    """On Windows, the message naming chosen fonts this PC lacks; ``None`` if all are there."""
    if (platform or sys.platform) != "win32":
        return None  # other systems substitute fonts by their own rules: nothing to warn of
    missing = missing_fonts(options, installed)
    if not missing:
        return None
    return QCoreApplication.translate(
        "ExportSettings",
        "这台电脑没有安装所选的字体：{fonts}。打印和导出的文件在这台电脑上会用其他字体代替，"
        "版面可能与预期不同。可在“打印和导出选项”中改用“Windows 自带字体”。",
    ).format(fonts="、".join(missing))
