"""The program's settings and its own folder: where they live, and the keys kept there.

Other keys belong to the modules that use them: ``i18n.LANGUAGE_KEY`` (the interface language)
and ``excel_mappings.SETTINGS_GROUP`` (remembered Excel column mappings).
"""

from __future__ import annotations

import logging
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


LOG_NAME = "bpeditor.log"
"""The log file's name, in ``logs`` under :func:`data_dir`."""
LOG_MAX_BYTES = 1_000_000
"""Past this size the log becomes ``bpeditor.log.1`` (and so on) and a new one is begun."""
LOG_BACKUPS = 3
"""How many old logs are kept beside the current one."""


def log_path() -> Path:
    """The program's log file: errors and their details, for the user to send when asked."""
    return data_dir() / "logs" / LOG_NAME


class LogFileHandler(logging.Handler):
    """The rotating log file, opened (and ``logging.handlers`` imported) at the first message.

    The standard module brings ``socket`` and ``pickle`` along: the window should not wait for
    them when nothing has been logged yet.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        """Write the record to the file, rotating it past :data:`LOG_MAX_BYTES`."""
        if self._file is None:
            import logging.handlers  # noqa: PLC0415 - deferred: start-up (see the class)

            self._file = logging.handlers.RotatingFileHandler(
                self.path,
                maxBytes=LOG_MAX_BYTES,
                backupCount=LOG_BACKUPS,
                encoding="utf-8",
                delay=True,
            )
            self._file.setFormatter(self.formatter)
        self._file.handle(record)

    def close(self) -> None:
        """Close the file if it was opened."""
        if self._file is not None:
            self._file.close()
        super().close()


def start_log_file() -> Path | None:
    """Send the ``bpeditor`` logger's messages to the rotating log file; its path, or ``None``
    if the folder cannot be written (the program runs on without a log). Done once."""
    logger = logging.getLogger("bpeditor")
    path = log_path()
    for handler in logger.handlers:
        if isinstance(handler, LogFileHandler):
            if handler.path == path:
                return path
            logger.removeHandler(handler)
            handler.close()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    handler = LogFileHandler(path)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return path
