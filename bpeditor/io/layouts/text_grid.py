"""Tab-separated text (as saved, or copied from Excel/WPS/Word) as a grid for the recogniser.

Excel puts a merged range's text in its top-left cell only and quotes multi-line cells; the
records keep that, so the grid has no merges and the layouts carry class cells down.
"""

from __future__ import annotations

import csv
import io

from bpeditor.io.base import ReadError, ReadResult
from bpeditor.io.excel_grid import SheetGrid
from bpeditor.io.layouts.recognise import LayoutNotRecognised, read_grids
from bpeditor.io.tsv import read_records, write_records


def text_grid(text: str, name: str = "文本") -> SheetGrid:
    """The records of a tab-separated text as a grid (rows padded to one width)."""
    records = list(read_records(text))
    rows = [list(record.cells) for record in records]
    width = max(map(len, rows), default=0)
    for row in rows:
        row.extend([""] * (width - len(row)))
    places = [f"第 {record.line} 行" for record in records]
    return SheetGrid(name, rows, location=name, row_places=places)


def read_text_grid(text: str, source: str, refusal: ReadError) -> ReadResult:
    """Read text that is not the summary layout through the recogniser; else ``refusal``."""
    try:
        result = read_grids(source, [text_grid(text)], [], "text", mapping_hint=False)
    except LayoutNotRecognised as exc:
        if exc.header_row is None:
            raise refusal from None
        raise ReadError(str(exc)) from None  # a header was found: say which line, what it lacks
    except ReadError:
        raise refusal from None
    return result


def csv_as_tsv(text: str) -> str:
    """Comma-separated text (Excel quoting) as tab-separated; unchanged if one column."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if max(map(len, rows), default=0) < 2:
        return text
    return write_records(rows)
