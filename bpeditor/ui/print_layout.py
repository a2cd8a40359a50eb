"""The program's own print layout: the summary and the forms drawn page by page with QPainter.

Print preview, printing and PDF export all draw through :class:`PrintLayout`, on any paged
device (``QPrinter``, ``QPdfWriter``), with no Word or LibreOffice. The pages follow the Word
export: A4 (summary landscape, forms portrait), the same margins and column widths, the column
headings on every page, ``第 X 页 共 Y 页``, a project cut at a page end going on as
``项目名（续）``, and a form's 一级/二级 labels repeated as ``产出指标（续）`` on a new page.
Text is wrapped with the font's real metrics (``QTextLayout``) and set at 1.2 × the body size, as in
Word, so rows are exactly as tall as their lines. Each distinct text is laid out once per width,
font and alignment; the same layouts' glyphs are drawn (``drawGlyphRun``), never laid out again.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QGlyphRun,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

from bpeditor.io.docx_common import PageSetup, WordOptions
from bpeditor.io.docx_forms import PAGE as FORMS_PAGE
from bpeditor.io.docx_forms import WIDTHS as FORM_WIDTHS
from bpeditor.io.docx_summary import PAGE as SUMMARY_PAGE
from bpeditor.io.docx_summary import column_widths
from bpeditor.io.export_options import ExportOptions
from bpeditor.io.indicator_codec import format_indicator
from bpeditor.io.print_flow import CONTINUED, PageFlow
from bpeditor.io.text import HEADER
from bpeditor.model.money import format_amount
from bpeditor.model.table import Funds, Project, Table
from bpeditor.ui.print_glyphs import GlyphRuns, LineRef, Rules, merged_runs

FALLBACK_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC", "SimSun", "Microsoft YaHei")
"""Families drawn when the chosen Chinese font is missing (Linux test machines, odd PCs)."""
LEFT = Qt.AlignmentFlag.AlignLeft
CENTRE = Qt.AlignmentFlag.AlignHCenter
RIGHT = Qt.AlignmentFlag.AlignRight
JUSTIFY = Qt.AlignmentFlag.AlignJustify
"""The alignments, looked up once (an enum member's lookup is slow)."""
LINE_FACTOR = 1.2
CELL_PAD_MM = 1.5
"""A cell's left and right padding."""
ROW_PAD_MM = 1.2
"""What a row adds to its lines: top and bottom padding."""
_HEADING_BREAKS = {
    "项目名称（资金使用单位）": "项目名称\n（资金使用单位）",
    "财政专户拨款": "财政专户\n拨款",
}


@dataclass
class Cell:
    """A cell of a row: columns ``first`` to ``last``, its wrapped lines and how they sit."""

    first: int
    last: int
    lines: list[str]
    align: Qt.AlignmentFlag = LEFT
    font: str = "body"
    merge: tuple[str, str] | None = None
    """For a 一级/二级 cell: (key, label); equal keys on consecutive rows of a page merge."""
    group_start: bool = True
    """Whether the merge group starts on this row (else a new page's piece says （续）)."""
    refs: list[LineRef] | None = None
    """The laid-out lines to draw (None: ``lines`` laid out unwrapped when drawn)."""
    runs: list[tuple[float, QGlyphRun]] | None = None
    """Its glyphs with their offsets below the first line's top, found when first drawn."""


@dataclass
class Row:
    """A row of cells; ``border``: ruled as part of a table, else plain text."""

    cells: list[Cell]
    height: float
    border: bool = True
    heading: bool = False


@dataclass
class Page:
    """A page: its rows with their tops, the column edges of its table and a footer."""

    rows: list[tuple[float, Row]] = field(default_factory=list)
    edges: list[float] = field(default_factory=list)
    number: int = 0
    count: int = 0


class PrintLayout:
    """Lays out a table as pages for a paged device and paints them."""

    def __init__(self, table: Table, options: ExportOptions, device: QPagedPaintDevice) -> None:
        self.table = table
        self.options = options
        self.word = WordOptions.from_export(options)
        self.forms = options.layout == "forms"
        page = self.word.page(FORMS_PAGE if self.forms else SUMMARY_PAGE)
        self.page_setup: PageSetup = page
        layout = QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape
            if page.landscape
            else QPageLayout.Orientation.Portrait,
            QMarginsF(page.left, page.top, page.right, page.bottom),
            QPageLayout.Unit.Millimeter,
        )
        device.setPageLayout(layout)
        self.dpmm = device.logicalDpiY() / 25.4
        fonts = options.font_set
        self.fonts = {
            "body": self._font(fonts.body, self.word.body_size),
            "heading": self._font(fonts.heading, self.word.header_size),
            "title": self._font(fonts.title, self.word.title_size),
            "bold": self._font(fonts.body, self.word.body_size, bold=True),
        }
        self.pitch = self.word.body_size * LINE_FACTOR / 72 * 25.4 * self.dpmm
        self.width = page.text_width * self.dpmm
        self.height = page.text_height * self.dpmm
        self.edges = self._edges(
            FORM_WIDTHS if self.forms else column_widths(table, self.word, page)
        )
        self.warnings: list[str] = []
        self._layouts: dict[tuple[str, float, str, Qt.AlignmentFlag, bool], list[LineRef]] = {}
        self._blank: LineRef = (QTextLayout(), -1, "", 0)
        self._options: dict[tuple[Qt.AlignmentFlag, bool], QTextOption] = {}
        self._glyphs = GlyphRuns()
        """Each drawn line's glyphs, by its layout (kept in ``_layouts``) and index."""
        self._amount_layouts: list[QTextLayout] = []
        """The layouts of the rows' amounts, kept while their glyphs are drawn."""
        self._heading_runs: dict[int, tuple[Row, list[QGlyphRun] | None]] = {}
        """A heading row's glyphs as one run per font, by the row (kept here with them)."""
        self._boxes: list[QRectF] = []
        """The cell borders of the page being drawn, drawn together when it is done."""

    def _font(self, family: str, size: float, *, bold: bool = False) -> QFont:
        """A font of the chosen family with fallbacks, ``size`` pt in the device's pixels.

        A pixel size (not a point size bound to the device) keeps the measuring and drawing
        identical on a printer, a PDF writer and the preview's screen.
        """
        font = QFont()
        font.setFamilies([family, *FALLBACK_FAMILIES])
        font.setPixelSize(max(round(size / 72 * 25.4 * self.dpmm), 1))
        font.setBold(bold)
        return font

    def _edges(self, widths_mm: list[float]) -> list[float]:
        """The x of each column edge in device pixels, the table centred on the text width."""
        fit = min(1.0, self.width / (sum(widths_mm) * self.dpmm))  # wide margins: narrower
        total = sum(widths_mm) * self.dpmm * fit
        x = (self.width - total) / 2
        edges = [x]
        for w in widths_mm:
            x += w * self.dpmm * fit
            edges.append(x)
        return edges

    # ------------------------------------------------------------ measuring

    def laid_out(
        self,
        text: str,
        width: float,
        font: str = "body",
        align: Qt.AlignmentFlag = LEFT,
        *,
        wrap: bool = True,
    ) -> list[LineRef]:
        """``text``'s lines in ``width`` device pixels, laid out once and kept for drawing.

        Each line sits one pitch below the last, centred in its pitch, so a run of lines is
        drawn by its layout with one offset.
        """
        if not text:
            return []
        key = (text, width, font, align, wrap)
        refs = self._layouts.get(key)
        if refs is not None:
            return refs
        option = self._options.get((align, wrap))
        if option is None:
            option = self._options[align, wrap] = QTextOption(align)
            option.setWrapMode(
                QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
                if wrap
                else QTextOption.WrapMode.NoWrap
            )
        refs = []
        pitch = self.pitch
        for para in text.replace("\r\n", "\n").split("\n"):
            layout = QTextLayout(para, self.fonts[font])
            layout.setTextOption(option)
            layout.beginLayout()
            texts: list[str] = []
            while True:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                line.setPosition(QPointF(0, len(texts) * pitch + (pitch - line.height()) / 2))
                start = line.textStart()
                texts.append(para[start : start + line.textLength()])
            layout.endLayout()
            count = len(texts)
            if count:
                refs += [(layout, index, line_text, count) for index, line_text in enumerate(texts)]
            else:  # an empty paragraph: a blank line
                refs.append((layout, -1, "", 0))
        self._layouts[key] = refs
        return refs

    def cell_width(self, first: int, last: int) -> float:
        """The text width inside columns ``first`` to ``last``."""
        return self.edges[last + 1] - self.edges[first] - 2 * CELL_PAD_MM * self.dpmm

    def row_height(self, lines: int, minimum_mm: float = 0.0) -> float:
        """A row of ``lines`` lines, at least ``minimum_mm`` high."""
        return max(max(lines, 1) * self.pitch + ROW_PAD_MM * self.dpmm, minimum_mm * self.dpmm)

    def cell(
        self,
        first: int,
        last: int,
        text: str,
        align: Qt.AlignmentFlag = LEFT,
        font: str = "body",
    ) -> Cell:
        """A cell with ``text`` wrapped to its width."""
        refs = self.laid_out(text, self.cell_width(first, last), font, align)
        return Cell(first, last, [r[2] for r in refs], align, font, refs=refs)

    def make_row(self, cells: list[Cell], minimum_mm: float = 0.0, **kw: bool) -> Row:
        """A row as tall as its tallest cell."""
        lines = max((len(c.lines) for c in cells), default=1)
        return Row(cells, self.row_height(lines, minimum_mm), **kw)

    # ------------------------------------------------------------ pages

    def pages(self) -> list[Page]:
        """The laid-out pages, numbered."""
        pages = self.body_pages()
        for number, page in enumerate(pages, start=1):
            page.number, page.count = number, len(pages)
        return pages

    def body_pages(self) -> list[Page]:
        """The pages before numbering (the summary here; the forms in ``print_forms``)."""
        return self.summary_pages()

    def title_rows(self, title: str, under: list[str]) -> list[Row]:
        """The title and the lines under it (unit line, year), unruled."""
        last = len(self.edges) - 2
        title_cell = self.cell(0, last, title, CENTRE, "title")
        size = self.word.title_size * 1.5 / 72 * 25.4 * self.dpmm
        rows = [Row([title_cell], size * len(title_cell.lines) + 2 * self.dpmm, border=False)]
        for text in under:
            align = CENTRE if text.startswith("（") else LEFT
            rows.append(Row([Cell(0, last, [text], align)], self.pitch * 1.4, border=False))
        return rows

    def summary_header(self) -> Row:
        """The column headings of the summary."""
        cells = [
            Cell(
                i,
                i,
                _HEADING_BREAKS.get(h, h).split("\n"),
                CENTRE,
                "heading",
            )
            for i, h in enumerate(HEADER)
        ]
        return self.make_row(cells, heading=True)

    def summary_pages(self) -> list[Page]:
        """The summary: title, unit line, then the table, projects cut where pages end."""
        table = self.table
        last = len(HEADER) - 1
        head = self.title_rows(table.title, [])
        unit_line = Row(
            [
                Cell(0, last, [f"单位名称：{table.reporting_unit}"]),
                Cell(0, last, [f"单位：{table.money_unit}"], RIGHT),
            ],
            self.pitch * 1.4,
            border=False,
        )
        head.append(unit_line)
        header = self.summary_header()
        used = sum(r.height for r in head) + header.height
        flow = PageFlow(self.height * 0.995, header.height, used, self.row_height)
        body: list[tuple[Row, bool]] = []  # (row, starts a new page)

        def place(row: Row, keep: float = 0.0) -> None:
            pages_before = flow.pages
            flow.add(row.height, keep)
            body.append((row, flow.pages != pages_before))

        place(self.subtotal_row("合计", table.funds(), centred=True))
        for unit in table.units:
            place(self.subtotal_row(unit.name, unit.funds(), centred=False), 3 * self.pitch)
            for project in unit.projects:
                for row, new_page in self.project_rows(project, flow):
                    body.append((row, new_page))
        pages = [Page(edges=self.edges)]
        y = 0.0
        for row in head:
            pages[0].rows.append((y, row))
            y += row.height
        pages[0].rows.append((y, header))
        y += header.height
        for row, new_page in body:
            if new_page or y + row.height > self.height + 0.5:
                pages.append(Page(edges=self.edges))
                pages[-1].rows.append((0.0, header))
                y = header.height
            pages[-1].rows.append((y, row))
            y += row.height
        if self.options.sign_off or (self.options.sign_off is None and _signed(table)):
            self.append_signoff(pages, ["单位负责人", "填报人", "联系电话", "填报日期"])
        return pages

    def subtotal_row(self, name: str, funds: Funds, *, centred: bool) -> Row:
        """The 合计 row or a unit's row: bold name and amounts."""
        align = CENTRE if centred else LEFT
        cells = [self.cell(0, 0, name, align, "bold"), *self.amount_cells(funds, "bold")]
        cells += [Cell(5, 5, []), Cell(6, 6, [])]
        return self.make_row(cells)

    def amount_cells(self, funds: Funds | None, font: str = "body") -> list[Cell]:
        """The four amount cells (blank when ``funds`` is None)."""
        values = (
            (funds.effective_total(), funds.fiscal, funds.special_account, funds.other)
            if funds is not None
            else (None,) * 4
        )
        texts = [format_amount(v) if v else "" for v in values]
        cells = [Cell(1 + i, 1 + i, [t] if t else [], RIGHT, font) for i, t in enumerate(texts)]
        shown = [c for c in cells if c.lines]
        if shown:  # all drawn by the first one, the others drawing nothing
            shown[0].runs = self._amount_runs(texts, font)
            for cell in shown[1:]:
                cell.runs = []
        return cells

    def _amount_runs(self, texts: list[str], font: str) -> list[tuple[float, QGlyphRun]]:
        """The glyphs of a row's amounts, laid out together, below the first amount's origin.

        One layout holds the amounts as its lines (one per column, each right-aligned in its
        cell): a quarter of the layouts and glyph runs of an amount each.
        """
        columns = [i for i, t in enumerate(texts) if t]
        option = self._options.get((RIGHT, False))
        if option is None:
            option = self._options[RIGHT, False] = QTextOption(RIGHT)
            option.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout = QTextLayout("\u2028".join(texts[i] for i in columns), self.fonts[font])
        layout.setTextOption(option)
        layout.beginLayout()
        origin = self.edges[1 + columns[0]]
        pitch = self.pitch
        for i in columns:
            line = layout.createLine()
            line.setLineWidth(self.cell_width(1 + i, 1 + i))
            line.setPosition(QPointF(self.edges[1 + i] - origin, (pitch - line.height()) / 2))
        layout.endLayout()
        self._amount_layouts.append(layout)
        return [(0.0, run) for run in layout.glyphRuns()]

    def project_rows(self, project: Project, flow: PageFlow) -> Iterator[tuple[Row, bool]]:
        """A project's rows: cut between indicators and goal lines where a page ends."""
        items = [
            self.laid_out(format_indicator(n, ind), self.cell_width(6, 6))
            for n, ind in enumerate(project.indicators, start=1)
        ]
        goal = self.laid_out(project.goal, self.cell_width(5, 5))
        name = self.laid_out(project.name, self.cell_width(0, 0))
        more = self.laid_out(project.name + CONTINUED, self.cell_width(0, 0))
        pieces = flow.project((len(name), len(more)), len(goal), [len(i) for i in items])
        justify = JUSTIFY
        for piece in pieces:
            refs = [ref for item in items[piece.items[0] : piece.items[1]] for ref in item]
            goal_refs = goal[piece.goal[0] : piece.goal[1]]
            name_refs = more if piece.continued else name
            cells = [
                Cell(0, 0, [r[2] for r in name_refs], refs=name_refs),
                *self.amount_cells(None if piece.continued else project.funds),
                Cell(5, 5, [r[2] for r in goal_refs], justify, refs=goal_refs),
                Cell(6, 6, [r[2] for r in refs], justify, refs=refs),
            ]
            row = self.make_row(cells)
            if row.height > self.height:
                self.warnings.append(f"项目“{project.name}”有一项文字比一页还长，打印时会被截断")
            yield row, piece.new_page

    def append_signoff(self, pages: list[Page], labels: list[str]) -> None:
        """The sign-off line under the last row (on a new page if it does not fit)."""
        s = self.table.signoff
        values = [s.head, s.preparer, s.phone, s.date]
        text = "\u3000\u3000".join(f"{k}：{v}" for k, v in zip(labels, values, strict=True))
        cell = self.cell(0, len(self.edges) - 2, text)
        height = max(len(cell.lines) + 1, 2) * self.pitch
        self.append_below(pages, Row([cell], height, border=False))

    def append_below(self, pages: list[Page], row: Row) -> None:
        """``row`` half a line under the last row, or atop a new page if it does not fit there."""
        top, last = pages[-1].rows[-1]
        y = top + last.height + self.pitch * 0.5
        if y + row.height > self.height:
            pages.append(Page(edges=self.edges))
            y = 0.0
        pages[-1].rows.append((y, row))

    # ------------------------------------------------------------ painting

    def paint(self, painter: QPainter, pages: list[Page], new_page: object) -> None:
        """Draw every page; ``new_page`` starts the next one (the device's ``newPage``)."""
        for index, page in enumerate(pages):
            if index:
                new_page()  # type: ignore[operator]
            self.paint_page(painter, page)

    def paint_page(self, painter: QPainter, page: Page) -> None:
        """Draw one page: its rows, merged label cells, and the footer."""
        pen = QPen(Qt.GlobalColor.black)
        pen.setWidthF(max(0.25 * self.dpmm * 0.3, 1.0))
        painter.setPen(pen)
        rows = page.rows
        merged: dict[int, tuple[float, float, Cell]] = {}
        rules = Rules(self.edges)
        draw = self._draw_cell
        for index, (top, row) in enumerate(rows):
            height = row.height
            cells = row.cells
            if row.border and rules.add(cells, top, top + height):
                if row.heading and self._draw_again(painter, row, top):
                    continue
                for cell in cells:  # ruled with the page's lines
                    draw(painter, cell, top, height, False)
                continue
            for cell in cells:
                if cell.merge is not None:
                    self._extend_merge(painter, merged, cell, (top, height, index), rows)
                    continue
                draw(painter, cell, top, height, row.border)
        for col, (top, bottom, cell) in merged.items():
            del col
            self._draw_merged(painter, cell, top, bottom)
        painter.drawLines(rules.lines())
        painter.drawRects(self._boxes)
        self._boxes.clear()
        footer = f"第 {page.number} 页 共 {page.count} 页"
        painter.setFont(self.fonts["body"])
        below = self.height + self.page_setup.bottom * self.dpmm * 0.55
        painter.drawText(QRectF(0, below, self.width, self.pitch * 1.5), CENTRE, footer)

    def _extend_merge(
        self,
        painter: QPainter,
        merged: dict[int, tuple[float, float, Cell]],
        cell: Cell,
        place: tuple[float, float, int],
        rows: list[tuple[float, Row]],
    ) -> None:
        """Grow the open merged cell of this column, or close it and open a new one."""
        assert cell.merge is not None
        top, height, index = place
        open_ = merged.get(cell.first)
        if open_ is not None and open_[2].merge == cell.merge and not cell.group_start:
            merged[cell.first] = (open_[0], top + height, open_[2])
            return
        if open_ is not None:
            self._draw_merged(painter, open_[2], open_[0], open_[1])
        label = cell.merge[1]
        first_on_page = index == 0 or all(c.merge != cell.merge for c in rows[index - 1][1].cells)
        if not cell.group_start and first_on_page and cell.merge[0] != "grid":
            label += CONTINUED  # the block began on an earlier page
        elif cell.merge[0] == "grid" and first_on_page and rows[0][1].heading and index > 1:
            label = ""
        shown = Cell(cell.first, cell.last, [], cell.align, merge=(cell.merge[0], label))
        merged[cell.first] = (top, top + height, shown)

    def _draw_merged(self, painter: QPainter, cell: Cell, top: float, bottom: float) -> None:
        """A merged label cell: its box and its label centred, wrapped to the column."""
        assert cell.merge is not None
        refs = self.laid_out(
            cell.merge[1], self.cell_width(cell.first, cell.last), "body", cell.align
        )
        shown = Cell(cell.first, cell.last, [r[2] for r in refs], cell.align, refs=refs)
        self._draw_cell(painter, shown, top, bottom - top, True)

    def _draw_cell(
        self, painter: QPainter, cell: Cell, top: float, height: float, border: bool
    ) -> None:
        """A cell's box (when ruled) and its lines, centred vertically."""
        left, right = self.edges[cell.first], self.edges[cell.last + 1]
        if border:
            self._boxes.append(QRectF(left, top, right - left, height))
        if not cell.lines:
            return
        runs = cell.runs
        if runs is None:
            runs = cell.runs = self._cell_runs(cell, right - left)
        pad = CELL_PAD_MM * self.dpmm
        y = top + max((height - len(cell.lines) * self.pitch) / 2, 0)
        x = left + pad
        draw = painter.drawGlyphRun
        for dy, run in runs:
            draw(QPointF(x, y + dy), run)

    def _draw_again(self, painter: QPainter, row: Row, top: float) -> bool:
        """Draw a row drawn before (the headings on each page) as one glyph run per font.

        False, drawing nothing, the first time: a row drawn once is cheaper cell by cell.
        """
        kept = self._heading_runs.get(id(row))
        if kept is None:
            self._heading_runs[id(row)] = (row, None)
            return False
        runs = kept[1]
        if runs is None:
            runs = self._row_runs(row)
            self._heading_runs[id(row)] = (row, runs)
        for run in runs:
            painter.drawGlyphRun(QPointF(0, top), run)
        return True

    def _row_runs(self, row: Row) -> list[QGlyphRun]:
        """A row's glyphs, placed below its top-left corner, as one glyph run per font."""
        placed = []
        for cell in row.cells:
            if not cell.lines:
                continue
            left = self.edges[cell.first]
            runs = cell.runs
            if runs is None:
                runs = cell.runs = self._cell_runs(cell, self.edges[cell.last + 1] - left)
            x = left + CELL_PAD_MM * self.dpmm
            y = max((row.height - len(cell.lines) * self.pitch) / 2, 0)
            placed += [(x, y + dy, run) for dy, run in runs]
        return merged_runs(placed)

    def _cell_runs(self, cell: Cell, width: float) -> list[tuple[float, QGlyphRun]]:
        """A cell's glyph runs, each with its origin's offset below the cell's first line.

        Consecutive lines of one layout are drawn from one origin; a cell drawn again (the
        column headings on every page) reuses them.
        """
        pitch = self.pitch
        refs = cell.refs
        if refs is None:
            align = cell.align
            if align == JUSTIFY:
                align = LEFT
            width -= 2 * CELL_PAD_MM * self.dpmm
            refs = [
                ref
                for line in cell.lines
                for ref in (
                    self.laid_out(line, width, cell.font, align, wrap=False) or [self._blank]
                )
            ]
        return self._glyphs.of_lines(refs, pitch)


def _signed(table: Table) -> bool:
    """Whether the table has a sign-off field filled in."""
    s = table.signoff
    return any(v.strip() for v in (s.head, s.preparer, s.phone, s.date))
