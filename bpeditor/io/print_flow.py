"""Flowing a summary table over pages: where a tall project is cut and how text is wrapped.

Every printed summary (Word, Excel, the program's own PDF) cuts a project too tall for the room
left on a page between indicators (and between lines of its goal), so pages are filled and a
row never has to split. Each later piece of a project is printed as its own row named
``项目名（续）``. Heights are in whatever unit the writer measures (mm, points); the writer
gives the height of a row of ``n`` lines.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

CONTINUED = "（续）"
SMALL_PROJECT = 0.25
"""A project at most this share of a page moves whole to the next page rather than split."""
SMALL_ROOM = 0.2
"""Room below this share of a page is left blank rather than filled with a piece."""
MIN_PIECE_LINES = 3


NARROW_EM = 0.55
"""Width of a digit or Latin letter in ems (characters from U+0800 — CJK, full-width forms, ≥
and the like — are one em)."""


def line_ems(line: str) -> float:
    """A line's width in ems: characters from U+0800 one em, others :data:`NARROW_EM`."""
    count = len(line)
    wide = (len(line.encode("utf-8")) - count) >> 1  # from U+0800: 3 bytes in UTF-8
    return wide + NARROW_EM * (count - wide)


def wrap_text(text: str, per_line: float) -> list[str]:
    """``text`` cut into lines of at most ``per_line`` ems (each paragraph starts a line).

    A paragraph's last line carries a trailing ``\\n`` (except the text's last), so joining the
    lines gives the text back.
    """
    per_line = max(per_line, 1.0)
    narrow = NARROW_EM
    lines: list[str] = []
    paragraphs = text.split("\n")
    for number, para in enumerate(paragraphs):
        start, width = 0, 0.0
        for at, char in enumerate(para):
            w = 1.0 if char >= "\u0800" else narrow  # line_ems per character, inlined
            if width + w > per_line + 1e-9 and at > start:
                lines.append(para[start:at])
                start, width = at, 0.0
            width += w
        end = "\n" if number < len(paragraphs) - 1 else ""
        lines.append(para[start:] + end)
    return lines


@dataclass(frozen=True)
class Piece:
    """A row of a project: goal lines ``goal[0]:goal[1]``, indicators ``items[0]:items[1]``."""

    goal: tuple[int, int]
    items: tuple[int, int]
    lines: int
    continued: bool
    new_page: bool = False
    """Whether the piece is estimated to start a page."""


class PageFlow:
    """Tracks how full the current page is and cuts projects where a page is estimated to end."""

    def __init__(
        self,
        page: float,
        header: float,
        used: float,
        height: Callable[[int], float],
        cap: float | None = None,
    ) -> None:
        self.page = page
        self.header = header
        self.used = used
        self._height = height
        self._heights: dict[int, float] = {}
        self.cap = min(cap, page - header) if cap is not None else page - header
        self.pages = 1

    def height(self, lines: int) -> float:
        """The height of a row of ``lines`` lines (the writer's measure, asked once per count)."""
        known = self._heights.get(lines)
        if known is None:
            known = self._heights[lines] = self._height(lines)
        return known

    def new_page(self) -> None:
        """Start a new page: it begins with the repeated column headings."""
        self.used = self.header
        self.pages += 1

    def add(self, height: float, keep: float = 0.0) -> None:
        """Place a row that is not cut (``keep``: the height that must follow on its page)."""
        if self.used + height + keep > self.page and self.used > self.header:
            self.new_page()
        self.used += height

    def fitting_lines(self, room: float) -> int:
        """The most lines a row may hold within ``room``."""
        lines = 0
        while self.height(lines + 1) <= room:
            lines += 1
        return lines

    def project(
        self, name_lines: tuple[int, int], goal_lines: int, item_lines: list[int]
    ) -> list[Piece]:
        """Cut a project into rows: ``name_lines`` for the name and for the name with （续）."""
        whole = max(name_lines[0], goal_lines, sum(item_lines), 1)
        height = self.height(whole)
        body = self.page - self.header
        if height <= min(self.page - self.used, self.cap):
            self.used += height
            return [Piece((0, goal_lines), (0, len(item_lines)), whole, False)]
        if height <= self.cap and (
            height <= SMALL_PROJECT * body or self.page - self.used < SMALL_ROOM * body
        ):
            self.new_page()
            self.used += height
            return [Piece((0, goal_lines), (0, len(item_lines)), whole, False, True)]
        pieces: list[Piece] = []
        mark = self.pages
        g = i = 0
        while not pieces or g < goal_lines or i < len(item_lines):
            first = not pieces
            name = name_lines[0] if first else name_lines[1]
            room = min(self.page - self.used, self.cap)
            rest = max(name, goal_lines - g, sum(item_lines[i:]), 1)
            if self.height(rest) <= room:
                new = self.pages != mark
                pieces.append(Piece((g, goal_lines), (i, len(item_lines)), rest, not first, new))
                self.used += self.height(rest)
                break
            at_top = self.used <= self.header + 1e-9
            avail = self.fitting_lines(room)
            if avail < max(MIN_PIECE_LINES, name) and not at_top:
                self.new_page()
                continue
            avail = max(avail, 1)
            j, filled = i, 0
            while j < len(item_lines) and filled + item_lines[j] <= avail:
                filled += item_lines[j]
                j += 1
            if j == i and i < len(item_lines) and at_top:
                filled, j = item_lines[i], i + 1  # taller than a page: the writer warns
            taken = min(goal_lines - g, avail)
            if j == i and not taken and not at_top:
                self.new_page()
                continue
            lines = max(name, taken, filled, 1)
            pieces.append(Piece((g, g + taken), (i, j), lines, not first, self.pages != mark))
            mark = self.pages
            self.used += self.height(lines)
            g, i = g + taken, j
            if g < goal_lines or i < len(item_lines):
                self.new_page()
        return pieces
