"""The Word summary's fast paths give what docx_common's functions give, text for text."""

from __future__ import annotations

from bpeditor.io.docx_common import (
    WordOptions,
    cell,
    estimate_lines,
    paragraph,
    run,
    text_paragraphs,
)
from bpeditor.io.docx_summary import _Builder, _Cell, _Plain
from bpeditor.io.print_flow import CONTINUED
from bpeditor.model.table import Table, Unit

TEXTS = [
    "",
    "一行",
    'Latin & <markup> "quoted"',
    "控制\x01字符\x0b",
    "两行\n文字",
    "\n前后空行\n",
    "Windows\r\n换行\r旧 Mac",
    "制表\t符",
    " 前后空格 ",
    "\ue000私用区",
]


def test_plain_paragraphs_are_docx_common_paragraphs() -> None:
    for align in (None, "right", "both"):
        plain = _Plain(align)
        for text in TEXTS:
            assert plain(text) == paragraph(run(text), align=align), (align, text)
            assert plain.lines(text) == text_paragraphs(text, align=align), (align, text)


def test_cells_are_docx_common_cells() -> None:
    for width in (12.3, 34.0, 100.05):
        for content in ("", "<w:p/>", paragraph(run("文字"))):
            assert _Cell(width)(content) == cell(width, content)


NAMES = [
    *(char * n for char in ("长", "a", "é", "😀") for n in range(60)),
    *("混合 Latin 与中文" * n for n in range(1, 8)),
    "两行\n的名称",
]


def test_name_lines_are_estimate_lines() -> None:
    builder = _Builder(Table(units=[Unit("单位")]), WordOptions())
    width, size = builder.widths[0], builder.options.body_size
    for name in NAMES:
        expected = (
            estimate_lines(name, width, size),
            estimate_lines(name + CONTINUED, width, size),
        )
        assert builder.name_lines(name) == expected, name
