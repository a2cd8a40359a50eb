"""Update the English catalog from the code, and compile it for the program.

    .venv/bin/python resources/i18n/update_translations.py           # lupdate, then lrelease
    .venv/bin/python resources/i18n/update_translations.py --check   # fail if anything is stale

``pyside6-lupdate`` collects every translatable string of ``bpeditor/ui`` (``self.tr``,
``QCoreApplication.translate``, ``QT_TRANSLATE_NOOP``) into ``resources/i18n/bpeditor_en.ts``,
keeping the translations already there; translate new entries there (by hand or with
``pyside6-linguist``). ``pyside6-lrelease`` then compiles it to
``bpeditor/resources/i18n/bpeditor_en.qm``, which is committed so that a clean clone runs
without the Qt tools. The tests run ``--check``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "bpeditor" / "ui"
TS_FILE = ROOT / "resources" / "i18n" / "bpeditor_en.ts"
QM_FILE = ROOT / "bpeditor" / "resources" / "i18n" / "bpeditor_en.qm"


def tool(name: str) -> Path:
    """A PySide6 tool (``lupdate``, ``lrelease``) of the running Python's environment."""
    folder = Path(sys.executable).parent
    for candidate in (f"pyside6-{name}", f"pyside6-{name}.exe"):
        if (folder / candidate).is_file():
            return folder / candidate
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"pyside6-{name} not found (install PySide6 into this environment)")
    return Path(found)


def lupdate(ts_file: Path) -> None:
    """Collect the UI's strings into ``ts_file`` (keeping its translations, dropping vanished)."""
    sources = sorted(str(p) for p in SOURCES.glob("*.py"))
    subprocess.run(
        [
            str(tool("lupdate")),
            *sources,
            "-ts",
            str(ts_file),
            "-source-language",
            "zh_CN",
            "-target-language",
            "en",
            "-locations",
            "none",
            "-no-obsolete",
            "-silent",
        ],
        check=True,
    )


def lrelease(ts_file: Path, qm_file: Path) -> None:
    """Compile ``ts_file`` into ``qm_file``."""
    qm_file.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [str(tool("lrelease")), str(ts_file), "-qm", str(qm_file), "-silent"], check=True
    )


def messages(ts_file: Path) -> dict[tuple[str, str], str]:
    """``(context, source) → translation`` of a catalog ("" when unfinished)."""
    found: dict[tuple[str, str], str] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") != "unfinished"
            text = (translation.text or "") if done and translation is not None else ""
            found[(name, message.findtext("source") or "")] = text
    return found


def check() -> list[str]:
    """What is stale: strings missing from the catalog, untranslated ones, an old ``.qm``."""
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / TS_FILE.name
        shutil.copyfile(TS_FILE, fresh)
        lupdate(fresh)
        committed, current = messages(TS_FILE), messages(fresh)
        problems += [f"not in the catalog: {key}" for key in current.keys() - committed.keys()]
        problems += [f"no longer used: {key}" for key in committed.keys() - current.keys()]
        problems += [f"not translated: {key}" for key, text in committed.items() if not text]
        qm = Path(tmp) / QM_FILE.name
        lrelease(TS_FILE, qm)
        if not QM_FILE.is_file() or qm.read_bytes() != QM_FILE.read_bytes():
            problems.append(f"{QM_FILE.relative_to(ROOT)} is not compiled from the catalog")
    return problems


def main(argv: list[str]) -> int:
    """Update (or with ``--check`` verify) the catalog and the compiled file."""
    if "--check" in argv:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    lupdate(TS_FILE)
    lrelease(TS_FILE, QM_FILE)
    untranslated = [key for key, text in messages(TS_FILE).items() if not text]
    for key in untranslated:
        print(f"not translated yet: {key}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
