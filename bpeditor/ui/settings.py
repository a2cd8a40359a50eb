"""The program's settings and its own folder: where they live, and the keys kept there.

Other keys belong to the modules that use them: ``i18n.LANGUAGE_KEY`` (the interface language)
and ``excel_mappings.SETTINGS_GROUP`` (remembered Excel column mappings).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths

DATA_DIR_ENV = "BPEDITOR_DATA_DIR"
"""Environment variable naming the folder for settings and recovery files (tests, portable use)."""
RECENT_KEY = "recentFiles"
"""The settings key of the recent-files list."""


def data_dir() -> Path:
    """The folder for the program's own files: ``BPEDITOR_DATA_DIR``, else local app data."""
    override = os.environ.get(DATA_DIR_ENV, "").strip()
    if override:
        return Path(override)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(location) if location else Path.home() / ".bpeditor"


def app_settings(parent: QObject | None = None) -> QSettings:
    """The program's settings: an ini file in ``BPEDITOR_DATA_DIR`` if set, else the usual place."""
    if os.environ.get(DATA_DIR_ENV, "").strip():
        path = data_dir() / "settings.ini"
        return QSettings(str(path), QSettings.Format.IniFormat, parent)
    return QSettings(parent)
