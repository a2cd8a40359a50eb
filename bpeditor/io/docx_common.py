"""What the Word exporters share: options, fonts, page setup, page-number fields and fast XML.

Tables are built as WordprocessingML text and parsed once with lxml: ``table.cell()`` is
quadratic and ``add_row().cells`` far too slow for thousands of projects. Element order inside
``w:pPr``, ``w:rPr``, ``w:tcPr``, ``w:trPr`` and ``w:tblPr`` follows the schema.
"""

from __future__ import annotations

import io
import math
import os
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm
from lxml import etree

from bpeditor import __version__
from bpeditor.io.base import atomic_write
from bpeditor.io.export_options import ExportOptions
from bpeditor.io.print_flow import line_ems
from bpeditor.model.table import SignOff

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSDECL = f'xmlns:w="{W_NS}"'


@dataclass(frozen=True)
class WordOptions:
    """How a Word export looks: fonts (with fallbacks), sizes in points and what is printed."""

    body_font: str = "仿宋"
    body_fallback: str = "宋体"
    title_font: str = "黑体"
    title_fallback: str = "黑体"
    heading_font: str = "黑体"
    latin_font: str = "Times New Roman"
    use_fallback_fonts: bool = False
    title_size: float = 20
    body_size: float = 10.5
    header_size: float = 10.5
    footer_size: float = 10.5
    one_per_line: bool = True
    sign_off: bool | None = None
    """The sign-off line: None prints it where the layout expects one (the summary only when
    the table has sign-off data, the forms always), True always (blank to sign by hand),
    False never."""
    margin_mm: float | None = None
    """The page margins in millimetres (None: the layout's own)."""
    columns: tuple[str, ...] = ()
    """Forms: the extra indicator columns after 指标值 (keys of ``EXTRA_COLUMNS``)."""

    @classmethod
    def from_export(cls, options: ExportOptions) -> WordOptions:
        """The Word options for the shared export options (fonts, sizes, sign-off, margins)."""
        fonts = options.font_set
        return cls(
            body_font=fonts.body,
            body_fallback=fonts.body_fallback,
            title_font=fonts.title,
            title_fallback=fonts.title_fallback,
            heading_font=fonts.heading,
            latin_font=fonts.latin,
            body_size=options.body_size,
            header_size=options.body_size,
            one_per_line=options.one_per_line,
            sign_off=options.sign_off,
            margin_mm=options.margin_mm,
            columns=options.columns,
        )

    def page(self, page: PageSetup) -> PageSetup:
        """The layout's page with these options' margins."""
        if self.margin_mm is None:
            return page
        m = self.margin_mm
        return replace(page, top=m, bottom=m, left=m, right=m)

    @property
    def body(self) -> str:
        """The East Asian font for body and table text."""
        return self.body_fallback if self.use_fallback_fonts else self.body_font

    @property
    def title(self) -> str:
        """The East Asian font for the title."""
        return self.title_fallback if self.use_fallback_fonts else self.title_font


@dataclass(frozen=True)
class PageSetup:
    """A4 page size and margins in millimetres."""

    landscape: bool
    top: float = 20
    bottom: float = 18
    left: float = 18
    right: float = 18
    header: float = 10
    footer: float = 8

    @property
    def width(self) -> float:
        """Page width in millimetres."""
        return 297.0 if self.landscape else 210.0

    @property
    def height(self) -> float:
        """Page height in millimetres."""
        return 210.0 if self.landscape else 297.0

    @property
    def text_width(self) -> float:
        """The width between the margins in millimetres."""
        return self.width - self.left - self.right

    @property
    def text_height(self) -> float:
        """The height between the margins in millimetres."""
        return self.height - self.top - self.bottom


LINE_FACTOR = 1.2
"""Body lines are set at exactly this many times the body size (固定值 line spacing)."""


def line_height(options: WordOptions) -> float:
    """The exact line pitch of body text in points."""
    return options.body_size * LINE_FACTOR


def line_mm(options: WordOptions) -> float:
    """The exact line pitch of body text in millimetres."""
    return line_height(options) * 25.4 / 72


def twips(mm: float) -> int:
    """Millimetres as twentieths of a point (the unit of widths in WordprocessingML)."""
    return round(mm * 1440 / 25.4)


def half_points(points: float) -> int:
    """A font size in points as half-points (``w:sz``)."""
    return round(points * 2)


# ---------------------------------------------------------------- text and runs

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def escape(text: str) -> str:
    """Text made safe for XML content or attributes (control characters dropped)."""
    # chained replace() is several times faster than str.translate with a mapping
    return (
        _INVALID_XML.sub("", text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
    )


def run_props(
    *, font: str | None = None, bold: bool = False, size: float | None = None, latin: str = ""
) -> str:
    """A ``w:rPr`` overriding font, bold and size (empty when nothing is overridden)."""
    parts = []
    if font:
        f = escape(font)
        lat = escape(latin) if latin else f
        parts.append(
            f'<w:rFonts w:ascii="{lat}" w:hAnsi="{lat}" w:eastAsia="{f}" w:hint="eastAsia"/>'
        )
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if size is not None:
        hp = half_points(size)
        parts.append(f'<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def run(text: str, rpr: str = "") -> str:
    """A ``w:r`` with the text; tabs become ``w:tab`` and line breaks ``w:br``."""
    if not text:
        return ""
    if "\n" not in text and "\r" not in text and "\t" not in text:
        return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    pieces = []
    for i, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")):
        if i:
            pieces.append("<w:br/>")
        for j, chunk in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if chunk:
                pieces.append(f'<w:t xml:space="preserve">{escape(chunk)}</w:t>')
    return f"<w:r>{rpr}{''.join(pieces)}</w:r>"


def paragraph(
    content: str = "",
    *,
    align: str | None = None,
    keep_next: bool = False,
    page_break_before: bool = False,
    tabs: Iterable[tuple[str, float]] = (),
    before: float = 0,
    after: float = 0,
    mark_rpr: str = "",
    free_height: bool = False,
) -> str:
    """A ``w:p`` around run XML: alignment (left/center/both/right), tabs (mm), spacing (pt).

    ``free_height`` lets the line grow with its font (titles) instead of the exact body pitch.
    """
    ppr = []
    if keep_next:
        ppr.append("<w:keepNext/>")
    if page_break_before:
        ppr.append("<w:pageBreakBefore/>")
    tab_xml = "".join(f'<w:tab w:val="{kind}" w:pos="{twips(pos)}"/>' for kind, pos in tabs)
    if tab_xml:
        ppr.append(f"<w:tabs>{tab_xml}</w:tabs>")
    if before or after or free_height:
        line = ' w:line="240" w:lineRule="auto"' if free_height else ""
        ppr.append(
            f'<w:spacing w:before="{round(before * 20)}" w:after="{round(after * 20)}"{line}/>'
        )
    if align:
        ppr.append(f'<w:jc w:val="{align}"/>')
    if mark_rpr:
        ppr.append(mark_rpr)
    ppr_xml = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
    return f"<w:p>{ppr_xml}{content}</w:p>"


def text_paragraphs(
    text: str, rpr: str = "", *, align: str | None = None, keep_next: bool = False
) -> str:
    """One paragraph per line of ``text`` (at least one, possibly empty)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if text else [""]
    return "".join(
        paragraph(run(line, rpr), align=align, keep_next=keep_next, mark_rpr=rpr) for line in lines
    )


# ---------------------------------------------------------------- tables


def cell(
    width: float,
    content: str,
    *,
    span: int = 1,
    vmerge: str | None = None,
    valign: str = "center",
) -> str:
    """A ``w:tc`` of ``width`` mm holding paragraph XML; ``vmerge`` is restart/continue."""
    props = [f'<w:tcW w:w="{twips(width)}" w:type="dxa"/>']
    if span > 1:
        props.append(f'<w:gridSpan w:val="{span}"/>')
    if vmerge == "restart":
        props.append('<w:vMerge w:val="restart"/>')
    elif vmerge == "continue":
        props.append("<w:vMerge/>")
    props.append(f'<w:vAlign w:val="{valign}"/>')
    return f"<w:tc><w:tcPr>{''.join(props)}</w:tcPr>{content or '<w:p/>'}</w:tc>"


def row(
    cells: Iterable[str],
    *,
    header: bool = False,
    cant_split: bool = True,
    height: float | None = None,
) -> str:
    """A ``w:tr``: ``w:cantSplit``, a minimum height (mm), ``w:tblHeader`` in schema order."""
    props = "<w:cantSplit/>" if cant_split else ""
    if height:
        props += f'<w:trHeight w:val="{twips(height)}" w:hRule="atLeast"/>'
    if header:
        props += "<w:tblHeader/>"
    trpr = f"<w:trPr>{props}</w:trPr>" if props else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_NO_BORDERS = "".join(
    f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)


def table(widths: list[float], rows: Iterable[str], *, borders: bool = True) -> str:
    """A fixed-layout ``w:tbl`` with grid columns of ``widths`` mm (WPS reads the grid)."""
    total = twips(sum(widths))
    grid = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths)
    return (
        "<w:tbl><w:tblPr>"
        f'<w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>'
        f"<w:tblBorders>{_BORDERS if borders else _NO_BORDERS}</w:tblBorders>"
        '<w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="28" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
        'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )


def line_units(text: str) -> list[float]:
    """Per line of ``text``, its width in ems: CJK and full-width characters 1, others 0.55."""
    return [line_ems(line) for line in text.split("\n")]


def lines_for(units: list[float], width_mm: float, size_pt: float) -> int:
    """How many lines text of these :func:`line_units` takes in a cell ``width_mm`` wide."""
    per_line = max((width_mm - 3.2) * 72 / 25.4 / size_pt, 1.0)  # minus the cell margins
    return sum(max(1, math.ceil(u / per_line - 1e-9)) for u in units)


def estimate_lines(text: str, width_mm: float, size_pt: float) -> int:
    """A rough count of the lines ``text`` takes in a cell ``width_mm`` wide (for page fitting)."""
    return lines_for(line_units(text), width_mm, size_pt)


def row_mm(lines: int, options: WordOptions, minimum: float = 0) -> float:
    """The estimated height in mm of a table row whose tallest cell holds ``lines`` lines."""
    return max(minimum, lines * line_mm(options) + 1.2)  # plus the cell margins and border


def break_label(text: str, width_mm: float, size_pt: float) -> str:
    """A short label broken at a word where it would wrap in a cell ``width_mm`` wide.

    ``服务对象满意度指标`` becomes ``服务对象`` / ``满意度指标`` and ``产出指标（续）`` becomes
    ``产出指标`` / ``（续）`` instead of wherever the column ends.
    """
    if "\n" in text or estimate_lines(text, width_mm, size_pt) <= 1:
        return text
    for word in ("（续）", "满意度", "指标"):
        at = text.rfind(word)
        if at >= 2 and estimate_lines(text[:at], width_mm, size_pt) <= 1:
            head, tail = text[:at], text[at:]
            return f"{head}\n{break_label(tail, width_mm, size_pt)}"
    return text


# ---------------------------------------------------------------- the document


def _set_fonts(rpr: Any, options: WordOptions, size: float | None) -> None:
    """Give a ``w:rPr`` the body fonts (East Asian slot included), zh-CN and optionally a size."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = etree.SubElement(rpr, qn("w:rFonts"))
    for attr in list(fonts.attrib):
        if attr.endswith("Theme") or attr.endswith("theme"):
            del fonts.attrib[attr]
    fonts.set(qn("w:ascii"), options.latin_font)
    fonts.set(qn("w:hAnsi"), options.latin_font)
    fonts.set(qn("w:eastAsia"), options.body)
    fonts.set(qn("w:cs"), options.latin_font)
    fonts.set(qn("w:hint"), "eastAsia")
    if size is not None:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = etree.SubElement(rpr, qn(tag))
            el.set(qn("w:val"), str(half_points(size)))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = etree.SubElement(rpr, qn("w:lang"))
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _reorder_rpr(rpr: Any) -> None:
    """Put rFonts/sz/szCs/lang in schema order after whatever else the template had."""
    order = ["w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:sz", "w:szCs", "w:lang"]
    children = list(rpr)
    known = {qn(t): i for i, t in enumerate(order)}
    children.sort(key=lambda el: known.get(el.tag, 3.5))
    rpr[:] = children


def _setup_styles(document: Any, options: WordOptions) -> None:
    """East Asian fonts and zh-CN on the defaults and the styles used; no spacing after."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(rpr, options, options.body_size)
    _reorder_rpr(rpr)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    pitch = round(line_height(options) * 20)
    ppr[:] = [parse_xml(f'<w:spacing {_NSDECL} w:after="0" w:line="{pitch}" w:lineRule="exact"/>')]
    for name in ("Normal", "Header", "Footer"):
        element = document.styles[name].element
        style_rpr = element.get_or_add_rPr()
        _set_fonts(style_rpr, options, None)
        _reorder_rpr(style_rpr)


_FONT_INFO = {  # panose, family, pitch for the fonts we name; charset 86 = GB2312
    "仿宋_GB2312": ("02010609030101010101", "modern", "fixed"),
    "仿宋": ("02010609060101010101", "modern", "fixed"),
    "黑体": ("02010609060101010101", "modern", "fixed"),
    "宋体": ("02010600030101010101", "auto", "variable"),
    "方正小标宋简体": ("02000000000000000000", "auto", "variable"),
}


def _register_fonts(document: Any, options: WordOptions) -> None:
    """List the fonts in the font table with GB2312 charset and fallbacks as ``w:altName``."""
    part = next(
        (p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml"),
        None,
    )
    if part is None:
        return
    root = etree.fromstring(part.blob)
    present = {f.get(qn("w:name")) for f in root.iter(qn("w:font"))}
    wanted = [
        (options.body, options.body_fallback),
        (options.body_fallback, ""),
        (options.title, options.title_fallback),
        (options.title_fallback, ""),
        (options.heading_font, ""),
    ]
    for name, alt in wanted:
        if not name or name in present:
            continue
        present.add(name)
        panose, family, pitch = _FONT_INFO.get(name, ("00000000000000000000", "auto", "variable"))
        alt_xml = f'<w:altName w:val="{escape(alt)}"/>' if alt and alt != name else ""
        root.append(
            parse_xml(
                f'<w:font {_NSDECL} w:name="{escape(name)}">{alt_xml}'
                f'<w:panose1 w:val="{panose}"/><w:charset w:val="86"/>'
                f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/></w:font>'
            )
        )
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _field(instruction: str, placeholder: str) -> str:
    """A complex field (begin, instruction, separate, cached result, end)."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{placeholder}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def _footer_paragraph(pages: int | None) -> Any:
    """The footer ``第 X 页 共 Y 页``: Y counts the document, or the section (cached ``pages``)."""
    total = _field("NUMPAGES", "1") if pages is None else _field("SECTIONPAGES", str(pages))
    content = run("第 ") + _field("PAGE", "1") + run(" 页 共 ") + total + run(" 页")
    xml = paragraph(content, align="center")
    return parse_xml(xml.replace("<w:p>", f"<w:p {_NSDECL}>", 1))


def fill_footer(footer: Any, pages: int | None) -> None:
    """Replace a footer part's content with the page-number paragraph."""
    for child in list(footer):
        footer.remove(child)
    footer.append(_footer_paragraph(pages))


def _setup_page(section: Any, page: PageSetup) -> None:
    """A4 in the page's orientation, margins, and a footer 第 X 页 共 Y 页 with real fields."""
    section.orientation = WD_ORIENT.LANDSCAPE if page.landscape else WD_ORIENT.PORTRAIT
    section.page_width = Mm(page.width)
    section.page_height = Mm(page.height)
    section.top_margin = Mm(page.top)
    section.bottom_margin = Mm(page.bottom)
    section.left_margin = Mm(page.left)
    section.right_margin = Mm(page.right)
    section.header_distance = Mm(page.header)
    section.footer_distance = Mm(page.footer)
    footer = section.footer
    footer.is_linked_to_previous = False
    fill_footer(footer._element, None)


def new_document(page: PageSetup, options: WordOptions, *, title: str = "", unit: str = "") -> Any:
    """A python-docx document with A4 page setup, Chinese fonts and the page-number footer.

    Its properties name the table's title, the reporting unit as author and now as the time.
    """
    document = docx.Document()
    props = document.core_properties
    now = datetime.now(UTC).replace(microsecond=0, tzinfo=None)
    props.author = unit or "bpeditor"
    props.last_modified_by = unit or "bpeditor"
    props.title = title
    props.subject = unit  # also the company in docProps/app.xml (see docx_bytes)
    props.comments = f"由 bpeditor {__version__} 导出"
    props.keywords = "绩效目标表"
    props.created = now
    props.modified = now
    props.revision = 1
    _setup_styles(document, options)
    _register_fonts(document, options)
    _setup_page(document.sections[0], page)
    return document


def _app_xml(company: str) -> bytes:
    """``docProps/app.xml`` naming bpeditor as the program and the reporting unit as company."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-'
        'properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>bpeditor {escape(__version__)}</Application>"
        f"<Company>{escape(company)}</Company><DocSecurity>0</DocSecurity></Properties>"
    ).encode()


def docx_bytes(document: Any, body_xml: str) -> bytes:
    """The .docx file: the python-docx document with ``body_xml`` put before its section end.

    The body is spliced into ``word/document.xml`` as text: moving a large lxml subtree from
    another parsed document into python-docx's tree takes about a minute for 5,000 projects.
    """
    saved = io.BytesIO()
    document.save(saved)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(saved) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                at = xml.rfind("<w:sectPr")
                if at < 0:  # pragma: no cover - python-docx always writes the section
                    at = xml.rindex("</w:body>")
                data = (xml[:at] + body_xml + xml[at:]).encode("utf-8")
            elif info.filename == "docProps/app.xml":
                data = _app_xml(document.core_properties.subject)
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def save_document(document: Any, body_xml: str, path: str | os.PathLike[str]) -> None:
    """Save atomically; a failure leaves any old file intact and raises :class:`WriteError`."""
    data = docx_bytes(document, body_xml)
    atomic_write(path, lambda tmp: tmp.write_bytes(data))


def signoff_paragraph(
    items: list[tuple[str, str]], width: float, *, before: float = 6, keep: bool = False
) -> str:
    """A line of ``label：value`` pairs spread over ``width`` mm with left tab stops."""
    step = width / max(len(items), 1)
    tabs = [("left", step * i) for i in range(1, len(items))]
    text = "\t".join(f"{label}：{value}" for label, value in items)
    return paragraph(run(text), tabs=tabs, before=before, keep_next=keep)


def print_signoff(signoff: SignOff, options: WordOptions, *, when_empty: bool) -> bool:
    """Whether to print the sign-off line: the option, or else any filled field / the layout."""
    if options.sign_off is not None:
        return options.sign_off
    filled = any(
        value.strip() for value in (signoff.head, signoff.preparer, signoff.phone, signoff.date)
    )
    return filled or when_empty
