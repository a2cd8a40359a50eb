"""Tab-separated records as Excel and WPS copy them: quoted cells may hold tabs and line breaks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_QUOTED = re.compile(r'"((?:[^"]++|"")*+)"(?=[\t\n]|\Z)')
_NEEDS_QUOTES = re.compile(r'[\t\n\r]|^"')


@dataclass(frozen=True)
class Record:
    """One row of cells and the line of the file it starts on (1-based)."""

    line: int
    cells: list[str]
    unterminated: bool = False

    def is_blank(self) -> bool:
        """True when every cell is empty or whitespace."""
        return all(not c.strip() for c in self.cells)


def read_records(text: str) -> Iterator[Record]:
    """Split text into records; a cell that opens a quote and never closes it is flagged."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pos, line, size = 0, 1, len(text)
    while pos < size:
        newline = text.find("\n", pos)
        end = size if newline < 0 else newline
        row = text[pos:end]
        if '"' not in row:
            yield Record(line, row.split("\t"))
            pos, line = end + 1, line + 1
            continue
        start_line = line
        cells: list[str] = []
        unterminated = False
        while True:
            if text.startswith('"', pos):
                match = _QUOTED.match(text, pos)
                if match is not None:
                    cells.append(match.group(1).replace('""', '"'))
                    line += text.count("\n", pos, match.end())
                    pos = match.end()
                elif _unterminated_at(text, pos):
                    cells.append(text[pos + 1 :].rstrip("\n"))
                    line += text.count("\n", pos)
                    pos, unterminated = size, True
                else:
                    pos = _take_plain(text, pos, cells)
            else:
                pos = _take_plain(text, pos, cells)
            if pos < size and text[pos] == "\t":
                pos += 1
                continue
            break
        yield Record(start_line, cells, unterminated)
        pos, line = pos + 1, line + 1


def _take_plain(text: str, pos: int, cells: list[str]) -> int:
    end = len(text)
    for stop in (text.find("\t", pos), text.find("\n", pos)):
        if 0 <= stop < end:
            end = stop
    cells.append(text[pos:end])
    return end


def _unterminated_at(text: str, pos: int) -> bool:
    """A quote opened at ``pos`` that runs over a line break to the end with no closing quote."""
    rest = text[pos + 1 :]
    return "\n" in rest.rstrip("\n") and rest.replace('""', "").count('"') == 0


def quote_cell(cell: str) -> str:
    """A cell as Excel copies it: quoted (inner quotes doubled) when it holds tabs or breaks."""
    if _NEEDS_QUOTES.search(cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def write_records(rows: list[list[str]], newline: str = "\r\n") -> str:
    """Rows of cells as tab-separated text."""
    return "".join("\t".join(quote_cell(c) for c in row) + newline for row in rows)
