"""A pytest plugin that makes Qt unimportable, to prove the model, io and cli need no Qt."""

from __future__ import annotations

import importlib.abc
import sys

BLOCKED = ("PySide6", "shiboken6")


class _QtBlocker(importlib.abc.MetaPathFinder):
    """Refuses every Qt import as if PySide6 were not installed."""

    def find_spec(self, fullname: str, path: object = None, target: object = None) -> None:
        """Raise for Qt modules; let everything else through."""
        if fullname.split(".", maxsplit=1)[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {fullname!r} (blocked)", name=fullname)


def install() -> None:
    """Block Qt for the rest of this process."""
    for name in list(sys.modules):
        if name.split(".", maxsplit=1)[0] in BLOCKED:
            del sys.modules[name]
    sys.meta_path.insert(0, _QtBlocker())


install()
