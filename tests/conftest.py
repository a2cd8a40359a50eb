"""Shared fixtures: the canonical sample table and helpers to build text tables."""

from __future__ import annotations

from pathlib import Path

import pytest

_SHARED_SAMPLE = Path(__file__).parents[1].parent / "shared/samples/huadu-port-summary.txt"
_BUNDLED_SAMPLE = Path(__file__).parents[1] / "bpeditor/resources/example.txt"


def find_sample() -> Path:
    """The real published sample (广州市花都区口岸服务保障中心), or its bundled copy."""
    return _SHARED_SAMPLE if _SHARED_SAMPLE.is_file() else _BUNDLED_SAMPLE


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """The path of the canonical sample in the summary layout (UTF-8, tab-separated)."""
    return find_sample()


@pytest.fixture
def sample_text(sample_path: Path) -> str:
    """The canonical sample's text."""
    return sample_path.read_text(encoding="utf-8")
