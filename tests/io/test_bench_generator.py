"""The benchmark generator stays usable: deterministic, the right size, and saveable."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from bpeditor.io import native

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "generate.py"


def load_generator() -> ModuleType:
    """bench/generate.py by path (bench/ is scripts, not a package on sys.path)."""
    spec = importlib.util.spec_from_file_location("bench_generate", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_small_table_is_deterministic_with_ten_projects() -> None:
    make_table = load_generator().make_table
    first, second = make_table("S"), make_table("S")
    assert first == second
    assert first.project_count() == 10
    assert len(first.units) >= 2
    assert 6 * 10 <= first.indicator_count() <= 8 * 10
    assert native.loads(native.dumps(first)) == first
