"""The garbage collector around an import: paused, then on again, losing no garbage."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from bpeditor.io.base import gc_paused
from bpeditor.io.registry import read_path


class _Node:
    """An object that can take part in a reference cycle."""

    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> weakref.ref[_Node]:
    """Make two objects that refer to each other and drop them; a weak reference to one."""
    first, second = _Node(), _Node()
    first.other, second.other = second, first
    return weakref.ref(first)


def test_an_import_leaves_the_collector_on(sample_path: Path) -> None:
    assert gc.isenabled()
    assert read_path(sample_path).table.project_count() == 9
    assert gc.isenabled()


def test_cycles_made_during_the_pause_are_still_collected() -> None:
    with gc_paused():
        assert not gc.isenabled()
        dead = _cycle()
    assert gc.isenabled()
    gc.collect()
    assert dead() is None


def test_objects_the_program_froze_stay_frozen() -> None:
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused():
            _cycle()
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_a_pause_inside_a_pause_leaves_the_collector_off() -> None:
    with gc_paused():
        with gc_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()
