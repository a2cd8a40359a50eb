"""Rule-set files (JSON): the reviewer's rules a user switches on, grades and shares.

A rule-set file is one JSON object in UTF-8::

    {"format": "bpeditor-rules", "version": 1, "name": "默认规则",
     "thresholds": {"satisfaction_floor": 85, "max_name_length": 40, "max_value_length": 200,
                    "require_cost": true, "weights_total": 100},
     "rules": {"C1": {"on": true, "grade": "退回"}, "S2": {"on": false}, ...}}

Rules left out keep their default; ``title`` entries are for the reader and ignored. A file
that cannot be used raises :class:`RuleFileError` with one line saying what and where.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from bpeditor.io.base import ReadError, WriteError, atomic_write
from bpeditor.model.review.rules import STRICT, RuleSet, RuleSetError
from bpeditor.resources import resource_path

MAX_BYTES = 1_000_000
"""A rule-set file is a few kilobytes; anything this big is not one."""
BUNDLED = {"default": "rules-default.json", "strict": "rules-strict.json"}
"""The rule sets shipped with bpeditor (in ``bpeditor/resources``)."""


class RuleFileError(ReadError):
    """A rule-set file that cannot be read or used (the message is one line)."""


def bundled_path(name: str) -> Path:
    """The path of a bundled rule set: ``default`` or ``strict``."""
    return resource_path(BUNDLED[name])


def load_rule_set(path: str | os.PathLike[str]) -> RuleSet:
    """Read a rule-set file; :class:`RuleFileError` says in one line why it cannot be used."""
    source = Path(path)
    try:
        if source.stat().st_size > MAX_BYTES:
            raise RuleFileError(f"{source}：文件太大，不是规则文件")
        raw = source.read_bytes()
    except FileNotFoundError:
        raise RuleFileError(f"{source}：规则文件不存在") from None
    except IsADirectoryError:
        raise RuleFileError(f"{source}：这是一个文件夹，不是规则文件") from None
    except OSError as exc:
        raise RuleFileError(f"{source}：无法读取规则文件（{exc.strerror or exc}）") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise RuleFileError(f"{source}：规则文件应为 UTF-8 编码的 JSON") from None
    except json.JSONDecodeError as exc:
        raise RuleFileError(
            f"{source}：不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
        ) from None
    try:
        return RuleSet.from_dict(data)
    except RuleSetError as exc:
        raise RuleFileError(f"{source}：{exc}") from None


def dumps_rule_set(rules: RuleSet) -> str:
    """The rule set as the JSON text of a rule-set file (indented: people read and share it)."""
    return json.dumps(rules.to_dict(), ensure_ascii=False, indent=2) + "\n"


def save_rule_set(rules: RuleSet, path: str | os.PathLike[str]) -> None:
    """Write a rule-set file atomically; :class:`WriteError` says why it failed."""
    text = dumps_rule_set(rules)
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def bundled_rule_sets() -> dict[str, RuleSet]:
    """The shipped rule sets by name (the files, or the built-in sets if a file is missing)."""
    sets = {"default": RuleSet(), "strict": STRICT}
    for name in BUNDLED:
        with contextlib.suppress(RuleFileError):
            sets[name] = load_rule_set(bundled_path(name))
    return sets


__all__ = ["RuleFileError", "WriteError", "bundled_path", "load_rule_set", "save_rule_set"]
