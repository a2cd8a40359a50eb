"""Drawing the print layout's text and rules with as few painter calls as Qt allows.

Qt's PDF engine writes each glyph run and each path as its own block, so the print layout draws
a laid-out text's lines as one run where it can (:class:`GlyphRuns`), the column headings as one
run per font on every page (:func:`merged_runs`), and a page's table rules as lines, each edge
once (:class:`Rules`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from PySide6.QtCore import QLineF, QPointF
from PySide6.QtGui import QGlyphRun, QRawFont, QTextLayout

LineRef = tuple[QTextLayout, int, str, int]
"""A laid-out line: its layout, its index there (-1: a blank line), its text, the layout's lines."""
Placed = tuple[float, QGlyphRun]
"""A glyph run and its origin's offset below the first line of what it is drawn for."""


class Spanning(Protocol):
    """A cell as the rules see it: the columns it spans and whether it is a merged label."""

    @property
    def first(self) -> int:
        """Its first column."""

    @property
    def last(self) -> int:
        """Its last column."""

    @property
    def merge(self) -> tuple[str, str] | None:
        """Its merge key and label (None: not merged)."""


class GlyphRuns:
    """The glyph runs of laid-out lines, each layout's found once and kept."""

    def __init__(self) -> None:
        self._runs: dict[tuple[int, int], list[QGlyphRun]] = {}

    def of(self, layout: QTextLayout, line: int) -> list[QGlyphRun]:
        """The glyphs of a layout's ``line`` (-1: of all its lines); ``layout`` is kept alive."""
        key = (id(layout), line)
        runs = self._runs.get(key)
        if runs is None:
            runs = layout.glyphRuns() if line < 0 else layout.lineAt(line).glyphRuns()
            self._runs[key] = runs
        return runs

    def of_lines(self, refs: Sequence[LineRef], pitch: float) -> list[Placed]:
        """The runs of consecutive lines, one ``pitch`` apart.

        A layout whose lines are all there is drawn whole from one origin (its runs merged
        across lines); part of one, line by line. An index below 0 is a blank line.
        """
        count = len(refs)
        if count == 1 and refs[0][1] == 0 and refs[0][3] == 1:  # a one-line text: most cells
            return [(0.0, run) for run in self.of(refs[0][0], -1)]
        runs: list[Placed] = []
        y = 0.0
        at = 0
        while at < count:
            layout, index, _text, lines = refs[at]
            if index < 0:
                at, y = at + 1, y + pitch
                continue
            last = at + lines - 1  # where the layout's last line is, if all its lines are here
            if not index and last < count and refs[last][:2] == (layout, lines - 1):
                runs.extend((y, run) for run in self.of(layout, -1))
                at, y = last + 1, y + lines * pitch
                continue
            end = at + 1
            while end < count and refs[end][0] is layout and refs[end][1] == index + end - at:
                end += 1
            dy = y - index * pitch
            for line in range(index, end - at + index):
                runs.extend((dy, run) for run in self.of(layout, line))
            y += (end - at) * pitch
            at = end
        return runs


def merged_runs(placed: Iterable[tuple[float, float, QGlyphRun]]) -> list[QGlyphRun]:
    """Glyph runs drawn at (x, y) offsets, merged into one run per font drawn at (0, 0)."""
    fonts: list[tuple[QRawFont, list[int], list[QPointF]]] = []
    for x, y, run in placed:
        raw = run.rawFont()
        same = next((f for f in fonts if f[0] == raw), None)
        if same is None:
            same = (raw, [], [])
            fonts.append(same)
        same[1].extend(run.glyphIndexes())
        same[2].extend(QPointF(p.x() + x, p.y() + y) for p in run.positions())
    merged = []
    for raw, glyphs, positions in fonts:
        run = QGlyphRun()
        run.setRawFont(raw)
        run.setGlyphIndexes(glyphs)
        run.setPositions(positions)
        merged.append(run)
    return merged


class Rules:
    """A page's table rules as lines: one per row edge, and column edges joined down the rows.

    Drawing a box per cell would stroke every inner edge twice, one call and path each.
    """

    def __init__(self, edges: list[float]) -> None:
        self.edges = edges
        self.across: set[tuple[float, float, float]] = set()
        self.down: dict[float, list[float]] = {}
        self.done: list[QLineF] = []

    def add(self, cells: Sequence[Spanning], top: float, bottom: float) -> bool:
        """Rule a row of side-by-side cells; False (nothing ruled) if they are not such a row."""
        edges = self.edges
        xs = []
        after = cells[0].first
        for cell in cells:
            if cell.merge is not None or cell.first != after:
                return False
            xs.append(edges[after])
            after = cell.last + 1
        xs.append(edges[after])
        self.across.add((top, xs[0], xs[-1]))
        self.across.add((bottom, xs[0], xs[-1]))
        down = self.down
        for x in xs:
            run = down.get(x)
            if run is not None and abs(run[1] - top) < 1e-6:
                run[1] = bottom
                continue
            if run is not None:
                self.done.append(QLineF(x, run[0], x, run[1]))
            down[x] = [top, bottom]
        return True

    def lines(self) -> list[QLineF]:
        """Every rule of the page."""
        lines = [QLineF(x0, y, x1, y) for y, x0, x1 in sorted(self.across)]
        lines += self.done
        lines += (QLineF(x, run[0], x, run[1]) for x, run in self.down.items())
        return lines
