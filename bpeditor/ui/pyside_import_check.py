"""A faster answer to the question PySide asks after every import: does this module use PySide?

PySide 6 replaces Python's ``__import__`` (for its opt-in ``from __feature__ import``) and, the
first time a module is named by an import statement, reads the module's whole source through
``inspect.getsource`` to see whether it mentions ``PySide6``: about 0.2 ms a module, 15–20 ms
over the ~100 modules the window imports, which a bare Qt window never pays. Reading the file's
bytes gives the same answer (the text is ASCII) in a fraction of that time. A module without a
``.py`` file (built in, or frozen as in the Windows build) still gets PySide's own check, and
where a PySide release no longer has the check nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - installs the import hook whose check is sped up here

FEATURE_MODULE = "shibokensupport.feature"
"""PySide's module holding the check (``_mod_uses_pyside``)."""

_CHECK = "_mod_uses_pyside"


def mentions_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether the module's source file contains ``PySide6``; ``fallback`` where it has none."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            pass
    return fallback(module)


class _FastCheck:
    """PySide's check, answered from the file's bytes (see :func:`mentions_pyside`)."""

    def __init__(self, original: Callable[[ModuleType], bool]) -> None:
        self.original = original

    def __call__(self, module: ModuleType) -> bool:
        return mentions_pyside(module, self.original)


def speed_up_pyside_import_check() -> bool:
    """Replace PySide's per-import source check by :func:`mentions_pyside`; whether it did."""
    feature = sys.modules.get(FEATURE_MODULE)
    check = getattr(feature, _CHECK, None)
    if feature is None or not callable(check) or isinstance(check, _FastCheck):
        return False
    setattr(feature, _CHECK, _FastCheck(check))
    return True


def original_pyside_import_check() -> Callable[[ModuleType], bool] | None:
    """PySide's own check (also when replaced), or ``None`` if this PySide has none."""
    check = getattr(sys.modules.get(FEATURE_MODULE), _CHECK, None)
    if isinstance(check, _FastCheck):
        return check.original
    return check if callable(check) else None
