"""The margins option on the printed pages of every Word and Excel export (LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import pytest
from rendering import convert, text_left_edge

from bpeditor.io.export_options import ExportOptions
from bpeditor.io.exporting import export_table
from bpeditor.io.text import read_text

MM = 72 / 25.4


@pytest.mark.parametrize(
    ("ext", "layout", "own_mm"),
    [
        ("docx", "summary", 15),
        ("docx", "forms", 20),
        ("xlsx", "summary", 10),
        ("xlsx", "forms", 18),
    ],
)
def test_margins_apply_to_every_export(
    ext: str, layout: str, own_mm: float, sample_path: Path, tmp_path: Path
) -> None:
    sample = read_text(sample_path).table
    edges = {}
    for margin in (None, 35.0):
        document = tmp_path / f"{margin}.{ext}"
        export_table(sample, document, ExportOptions(layout=layout, margin_mm=margin))
        edges[margin] = text_left_edge(convert(document, tmp_path / f"pdf{margin}", "pdf"))
    # the layout's own margin (a cell's padding inside it), then 35 mm
    assert own_mm * MM <= edges[None] < 30 * MM
    assert 35 * MM <= edges[35.0] < 45 * MM
