"""Where Save As and Export propose to write: the document's folder, the last used, or Documents.

Never the program's own folder: the bundled example lives there, and on Windows a file saved
beside the program is lost when it is upgraded.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

import bpeditor

LAST_FOLDER_KEY = "files/lastFolder"
"""The settings key of the folder the user last saved or exported to."""


def documents_folder() -> Path:
    """The user's Documents folder (the home folder if the system names none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def _program_folders() -> list[Path]:
    folders = [Path(bpeditor.__file__).resolve().parent]
    if getattr(sys, "frozen", False):
        folders.append(Path(sys.executable).resolve().parent)
    return folders


def inside_program(path: Path) -> bool:
    """Whether ``path`` is in the program's own folders (the package, a frozen build's folder)."""
    try:
        resolved = path.resolve()
    except OSError:
        return False
    return any(resolved.is_relative_to(folder) for folder in _program_folders())


def proposed_folder(settings: QSettings, document: Path | None) -> Path:
    """The folder to propose: the ``.bpe`` document's, else the last used, else Documents."""
    if document is not None and document.parent.is_dir() and not inside_program(document):
        return document.parent
    last = str(settings.value(LAST_FOLDER_KEY, "") or "")
    if last and Path(last).is_dir() and not inside_program(Path(last)):
        return Path(last)
    return documents_folder()


def remember_folder(settings: QSettings, path: Path) -> None:
    """Note the folder a file was saved or exported to (proposed next time)."""
    if not inside_program(path):
        settings.setValue(LAST_FOLDER_KEY, str(path.parent))
