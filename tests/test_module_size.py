"""Modules stay small enough to read: over the limit, a module says at its top why it is long."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "bpeditor"
LIMIT = 600
"""The line count a module should rarely pass."""
REASON = "Why this module is long:"
"""How a long module's docstring begins the sentence that explains its length."""


def _long_modules_without_reason(package: Path) -> list[str]:
    unexplained = []
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.count("\n") + (not source.endswith("\n") and bool(source))
        if lines <= LIMIT:
            continue
        docstring = ast.get_docstring(ast.parse(source)) or ""
        if REASON not in docstring:
            unexplained.append(f"{path.relative_to(package.parent)}: {lines} lines")
    return unexplained


def test_no_module_is_long_without_a_written_reason() -> None:
    """Every module over 600 lines gives its reason in its docstring."""
    assert _long_modules_without_reason(PACKAGE) == []


def test_the_size_check_notices_a_long_module(tmp_path: Path) -> None:
    """A long module without a reason is reported; with one, it is not."""
    package = tmp_path / "pkg"
    package.mkdir()
    body = "x = 1\n" * (LIMIT + 1)
    (package / "short.py").write_text('"""Short."""\n', encoding="utf-8")
    (package / "long.py").write_text('"""Long."""\n' + body, encoding="utf-8")
    (package / "explained.py").write_text(
        f'"""Long on purpose.\n\n{REASON} one table of constants.\n"""\n' + body,
        encoding="utf-8",
    )
    assert _long_modules_without_reason(package) == [f"pkg/long.py: {LIMIT + 2} lines"]
