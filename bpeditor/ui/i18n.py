"""The interface language: Chinese (the source texts) by default, English from our catalog.

Every user-visible string of the UI is written in Chinese and passed through Qt's translation
(``self.tr`` or ``QCoreApplication.translate`` with a context per class). In English mode
:func:`install_translators` loads ``bpeditor/resources/i18n/bpeditor_en.qm`` (compiled from
``resources/i18n/bpeditor_en.ts``, see ``resources/i18n/README.md``); in Chinese mode it loads
Qt's own catalog ``qtbase_zh_CN.qm`` so that Qt's dialogs and standard buttons speak Chinese.

The language is chosen in 视图 → 语言 (stored in the settings, used from the next start) and
can be forced with the environment variable ``BPEDITOR_LANG`` (``zh`` or ``en``).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QSettings,
    QTranslator,
)

from bpeditor.resources import resource_path


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translation in ``context`` and return it untranslated.

    Qt's own ``QT_TRANSLATE_NOOP`` does the same but is typed as returning ``object``; this one
    returns the ``str`` it was given, so the marked texts type-check where a ``str`` is wanted.
    ``pyside6-lupdate`` finds the texts by the call's name, wherever it is imported from.
    """
    return source


LANG_ENV = "BPEDITOR_LANG"
"""Environment variable forcing the interface language (``zh`` or ``en``), over the setting."""
LANGUAGE_KEY = "ui/language"
"""The settings key of the chosen interface language."""
DEFAULT_LANGUAGE = "zh"
"""The interface language when nothing else is chosen."""
LANGUAGES: dict[str, str] = {"zh": "中文", "en": "English"}
"""The interface languages, each named in its own language (as the menu shows them)."""
CATALOG_FOLDER = "i18n"
"""The folder under ``bpeditor/resources`` holding the compiled catalogs (``.qm``)."""
QT_CATALOG_ZH = "qtbase_zh_CN.qm"
"""Qt's own Chinese catalog (standard buttons, file and colour dialogs, context menus)."""

MONEY_UNIT_NAMES = (QT_TRANSLATE_NOOP("Money", "万元"), QT_TRANSLATE_NOOP("Money", "元"))
"""The money units the interface names in its own language (the file keeps the Chinese)."""

_installed: list[QTranslator] = []
_language = DEFAULT_LANGUAGE


def normalise_language(value: object) -> str | None:
    """``"zh"`` or ``"en"`` for a language code such as ``en_US`` or ``zh-CN``; else ``None``."""
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("-", "_").split("_")[0]
    return code if code in LANGUAGES else None


def chosen_language(settings: QSettings | None = None) -> str:
    """The language to start in: ``BPEDITOR_LANG``, else the setting, else Chinese."""
    forced = normalise_language(os.environ.get(LANG_ENV, ""))
    if forced is not None:
        return forced
    if settings is not None:
        stored = normalise_language(settings.value(LANGUAGE_KEY, ""))
        if stored is not None:
            return stored
    return DEFAULT_LANGUAGE


def store_language(settings: QSettings, language: str) -> None:
    """Remember the language for the next start."""
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def catalog_path(language: str) -> Path:
    """Where our compiled catalog for ``language`` lives (it may not exist)."""
    return resource_path(f"{CATALOG_FOLDER}/bpeditor_{language}.qm")


def qt_catalog_folders() -> list[Path]:
    """Folders searched for Qt's own catalogs: Qt's translations path, then our resources."""
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    folders = [Path(qt_folder)] if qt_folder else []
    folders.append(resource_path(CATALOG_FOLDER))
    return folders


def _load(path: Path) -> QTranslator | None:
    translator = QTranslator()
    return translator if path.is_file() and translator.load(str(path)) else None


def remove_translators(app: QCoreApplication) -> None:
    """Take out every catalog :func:`install_translators` put in (back to the source texts)."""
    global _language  # noqa: PLW0603 - the one language of the running program
    while _installed:
        app.removeTranslator(_installed.pop())
    _language = DEFAULT_LANGUAGE


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Load the catalogs for ``language`` (replacing earlier ones); returns those loaded.

    ``en``: our English catalog (Qt's own strings are English already). ``zh``: Qt's Chinese
    catalog ``qtbase_zh_CN.qm`` (our own source texts are Chinese).
    """
    global _language  # noqa: PLW0603 - the one language of the running program
    remove_translators(app)
    _language = normalise_language(language) or DEFAULT_LANGUAGE
    if _language == "en":
        paths = [catalog_path("en")]
    else:
        paths = [f / QT_CATALOG_ZH for f in qt_catalog_folders() if (f / QT_CATALOG_ZH).is_file()]
    for path in paths[:1]:
        translator = _load(path)
        if translator is not None and app.installTranslator(translator):
            _installed.append(translator)
    return list(_installed)


def current_language() -> str:
    """The language the interface speaks (as last installed; Chinese before that)."""
    return _language


def app_title() -> str:
    """The program's name as window titles show it, in the interface language."""
    return QCoreApplication.translate("App", "绩效目标表编辑器")


def money_unit_text(unit: str) -> str:
    """A money unit as the interface shows it (万元 → "10k yuan" in English); others unchanged."""
    return QCoreApplication.translate("Money", unit) if unit in MONEY_UNIT_NAMES else unit
