"""Tab-separated records as Excel and WPS copy them: quoted cells may hold tabs and line breaks.

A cell that starts with ``"`` is a quoted cell when a closing quote follows it directly before
a tab, a line break or the end (inner quotes doubled); otherwise the quote is ordinary text.
A quote that never closes is read to the end of the file (a file cut inside a multi-line cell)
only when no later line holds a tab; if later lines are whole rows it was a stray quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_QUOTED = re.compile(r'"((?:[^"]++|"")*+)"(?=[\t\n]|\Z)')
_OPEN_TO_END = re.compile(r'"(?:[^"]++|"")*+\Z')
_NEEDS_QUOTES = re.compile(r'[\t\n\r]|^"')


@dataclass(frozen=True)
class Record:
    """One row of cells and the line of the file it starts on (1-based)."""

    line: int
    cells: list[str]
    unterminated: bool = False

    def is_blank(self) -> bool:
        """True when every cell is empty or whitespace."""
        return not "".join(self.cells).strip()


def normalize_newlines(text: str) -> str:
    """Windows (CRLF) and old Mac (CR) line ends as ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_records(text: str) -> Iterator[Record]:
    """Split text into records; a cell that opens a quote and never closes it is flagged."""
    text = normalize_newlines(text)
    pos, line, size = 0, 1, len(text)
    while pos < size:
        newline = text.find("\n", pos)
        end = size if newline < 0 else newline
        if text.find('"', pos, end) < 0:
            yield Record(line, text[pos:end].split("\t"))
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
                    cells.append(text[pos + 1 :].rstrip("\n").replace('""', '"'))
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
    """Append the unquoted cell at ``pos``; returns where it ends (a tab, a break or the end)."""
    end = text.find("\n", pos)
    if end < 0:
        end = len(text)
    tab = text.find("\t", pos, end)
    if tab >= 0:
        end = tab
    cells.append(text[pos:end])
    return end


def _unterminated_at(text: str, pos: int) -> bool:
    """A quote opened at ``pos`` that never closes, with no whole rows (tabs) after its line.

    The pattern stops at the first lone quote, so a quote that does close costs only the
    distance to it: reading stays linear however many cells start with a quote.
    """
    if _OPEN_TO_END.match(text, pos) is None:
        return False
    first_break = text.find("\n", pos)
    return first_break < 0 or text.find("\t", first_break) < 0


def quote_cell(cell: str) -> str:
    """A cell as Excel copies it: quoted (inner quotes doubled) when it holds tabs or breaks."""
    if _NEEDS_QUOTES.search(cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def write_records(rows: list[list[str]], newline: str = "\r\n") -> str:
    """Rows of cells as tab-separated text."""
    return "".join("\t".join(quote_cell(c) for c in row) + newline for row in rows)
