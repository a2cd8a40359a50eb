"""Every text read or written and every subprocess output decoded names its encoding.

Without one Python uses the locale's: cp936 on a Chinese Windows PC, cp1252 on the Windows
runner, UTF-8 on Linux, so the same code reads the same file differently. This walks the code of
``bpeditor/``, ``tests/``, ``bench/``, ``packaging/`` and ``dev.py`` for the calls that would.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *(ROOT / "bpeditor").rglob("*.py"),
    *(ROOT / "tests").rglob("*.py"),
    *(ROOT / "bench").rglob("*.py"),
    *(ROOT / "packaging").glob("*.py"),
    ROOT / "dev.py",
]
SUBPROCESS_CALLS = {"run", "Popen", "check_output", "call", "check_call"}


def _keywords(call: ast.Call) -> set[str]:
    return {k.arg for k in call.keywords if k.arg is not None}


def _is_true(call: ast.Call, name: str) -> bool:
    return any(
        k.arg == name and isinstance(k.value, ast.Constant) and k.value.value is True
        for k in call.keywords
    )


def _mode(call: ast.Call, position: int) -> str | None:
    """The mode argument of an ``open`` call, if written as a literal (``"r"`` when absent)."""
    for keyword in call.keywords:
        if keyword.arg == "mode":
            value = keyword.value
            return value.value if isinstance(value, ast.Constant) else None
    if len(call.args) > position:
        value = call.args[position]
        return value.value if isinstance(value, ast.Constant) else None
    return "r"


def unnamed_encodings(path: Path) -> list[str]:
    """``file:line call`` for each call that reads or writes text in the locale's encoding."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        keywords = _keywords(node)
        where = f"{path.relative_to(ROOT)}:{node.lineno} {name}"
        if name in SUBPROCESS_CALLS and (
            _is_true(node, "text") or _is_true(node, "universal_newlines")
        ):
            if "encoding" not in keywords:
                found.append(where)
        elif name in ("read_text", "write_text"):
            given = len(node.args) >= (2 if name == "write_text" else 1)
            if "encoding" not in keywords and not given:
                found.append(where)
        elif name == "open" and not (
            isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "os"
        ):
            # builtins.open(path, mode) or Path.open(mode); an argument-less ``x.open()`` is
            # left out: it is how a Qt dialog is opened, and this cannot tell the two apart.
            position = 1 if isinstance(func, ast.Name) else 0
            if position == 0 and not node.args and not keywords:
                continue
            mode = _mode(node, position)
            if mode is not None and "b" not in mode and "encoding" not in keywords:
                found.append(where)
    return found


def test_every_text_read_and_subprocess_output_names_its_encoding() -> None:
    found = [line for path in SOURCES for line in unnamed_encodings(path)]
    assert found == []


def test_the_check_finds_a_read_without_encoding(tmp_path: Path) -> None:
    sample = ROOT / "tests" / "_encoding_probe.py"
    code = (
        "import subprocess\n"
        "from pathlib import Path\n"
        "Path('a').read_text()\n"
        "open('b')\n"
        "Path('c').open('w')\n"
        "subprocess.run(['x'], capture_output=True, text=True)\n"
        "Path('d').read_text(encoding='utf-8')\n"
        "open('e', 'rb')\n"
    )
    sample.write_text(code, encoding="utf-8")
    try:
        lines = [line.split(" ", 1)[0].rsplit(":", 1)[1] for line in unnamed_encodings(sample)]
    finally:
        sample.unlink()
    assert lines == ["3", "4", "5", "6"]
