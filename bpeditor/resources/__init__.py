"""Files the program needs at run time, found the same way from a checkout, a wheel or a build."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).parent


def resource_path(name: str) -> Path:
    """The path of a bundled resource file.

    Beside this module in a checkout, a wheel and a one-folder build; :mod:`importlib.resources`
    (imported only then: it costs a few ms of start-up) finds it anywhere else.
    """
    here = _HERE / name
    if here.exists():
        return here
    from importlib import resources  # noqa: PLC0415

    return Path(str(resources.files(__name__).joinpath(name)))


def example_path() -> Path:
    """The bundled example table (a real published 项目支出绩效目标表)."""
    return resource_path("example.txt")
