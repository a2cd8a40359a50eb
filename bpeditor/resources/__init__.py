"""Files the program needs at run time, found the same way from a checkout, a wheel or a build."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def resource_path(name: str) -> Path:
    """The path of a bundled resource file."""
    return Path(str(resources.files(__name__).joinpath(name)))


def example_path() -> Path:
    """The bundled example table (a real published 项目支出绩效目标表)."""
    return resource_path("example.txt")
