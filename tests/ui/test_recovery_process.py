"""The real program, in its own process: edit, get killed (SIGKILL), start again, restore.

The running program is scripted through ``BPEDITOR_TEST_SCRIPT`` (a test-only hook of
:mod:`bpeditor.ui.app`): a Python file it runs once its window is shown.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bpeditor.io import native
from bpeditor.io.registry import read_path

REPO = Path(__file__).resolve().parents[2]
DEADLINE_SECONDS = 120

EDIT_SCRIPT = """
from bpeditor.model.edits import SetProjectField
from bpeditor.ui.undo import EditCommand

window.undo_stack.push(
    EditCommand(window.document, SetProjectField(0, 0, "name", "崩溃前 未保存的修改"))
)
"""

RESTORE_SCRIPT = """
import json
from pathlib import Path

from bpeditor.ui.dialogs import DialogService


class AnswerRestore(DialogService):
    def ask_restore(self, parent, title, message):
        asked.append(message)
        return "restore"

    def error(self, parent, title, message):
        raise AssertionError(f"unexpected error dialog: {title}: {message}")

    def save_file(self, parent, title, name_filter, suggested=None):
        raise AssertionError(f"unexpected save dialog: {title}")

    def question(self, parent, title, message):
        raise AssertionError(f"unexpected question: {title}: {message}")


asked = []
window.dialogs = AnswerRestore()


def started():
    report = {
        "asked": asked,
        "title": window.windowTitle(),
        "modified": window.isWindowModified(),
        "name": window.document.table.units[0].projects[0].name,
        "save_path": str(window.files.save_path),
    }
    report["saved"] = window.files.save()
    Path(REPORT).write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    window.close()
"""


def wait_until(condition: Callable[[], bool], process: subprocess.Popen[bytes]) -> None:
    """Poll ``condition`` until it holds; fail if the program exits or the deadline passes."""
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not condition():
        assert time.monotonic() < deadline, "the program did not write a recovery copy in time"
        try:
            code = process.wait(timeout=0.05)  # polls, and notices an early exit at once
        except subprocess.TimeoutExpired:
            continue
        raise AssertionError(f"the program exited early with code {code}")


def program_env(data: Path, script: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("BPEDITOR_QUIT_AFTER_SHOW", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        BPEDITOR_DATA_DIR=str(data),
        BPEDITOR_AUTOSAVE_SECONDS="1",
        BPEDITOR_TEST_SCRIPT=str(script),
        PYTHONIOENCODING="utf-8",
    )
    return env


def test_killed_program_restores_unsaved_change(sample_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "我的 文档"
    folder.mkdir()
    original = folder / "原 表.bpe"
    native.save(read_path(sample_path).table, original)
    before = original.read_bytes()
    data = tmp_path / "应用 数据"
    recovery = data / "recovery"

    edit_script = tmp_path / "edit.py"
    edit_script.write_text(EDIT_SCRIPT, encoding="utf-8")
    first = subprocess.Popen(
        [sys.executable, "-m", "bpeditor", str(original)],
        cwd=REPO,
        env=program_env(data, edit_script),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until(lambda: any(recovery.glob("*.json")), first)
    finally:
        first.kill()  # SIGKILL on POSIX: no clean-up code runs
        first.wait(timeout=60)
    assert any(recovery.glob("*.bpe"))
    assert original.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [original.name]  # nothing beside it

    report_path = tmp_path / "报告.json"
    restore_script = tmp_path / "restore.py"
    restore_script.write_text(f"REPORT = {str(report_path)!r}\n{RESTORE_SCRIPT}", encoding="utf-8")
    second = subprocess.run(
        [sys.executable, "-m", "bpeditor"],
        cwd=REPO,
        env=program_env(data, restore_script),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=DEADLINE_SECONDS,
        check=False,
    )
    assert second.returncode == 0, second.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert len(report["asked"]) == 1
    assert "原 表.bpe" in report["asked"][0]
    assert report["title"] == "原 表.bpe[*] - 绩效目标表编辑器"
    assert report["modified"] is True
    assert report["name"] == "崩溃前 未保存的修改"
    assert report["save_path"] == str(original)
    assert report["saved"] is True
    assert read_path(original).table.units[0].projects[0].name == "崩溃前 未保存的修改"
    assert list(recovery.glob("*.bpe")) == []  # saved, then closed cleanly
    assert list(recovery.glob("*.lock")) == []
