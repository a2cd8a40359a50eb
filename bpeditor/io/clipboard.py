"""A whole table pasted from the clipboard: the HTML that Excel, WPS, Word and browsers put
there (it carries the merged cells), else the tab-separated text.

The HTML flavour is read as a web page's table (:func:`bpeditor.io.excel_html.html_grid`), the
text as a text file's cells (the summary's fast path, then the grid); both go through the one
recogniser, so a table pasted reads exactly as the same table saved in a file.
"""

from __future__ import annotations

from bpeditor.io.base import ReadError, ReadResult
from bpeditor.io.excel_html import MAX_HTML_BYTES, html_grid
from bpeditor.io.layouts.recognise import read_grids
from bpeditor.io.layouts.text_grid import read_text_grid
from bpeditor.io.text import parse_summary_text

SOURCE = "剪贴板"
"""How messages name the clipboard."""
HTML_NAME = "剪贴板表格"
"""How warnings name the pasted HTML table's rows (``剪贴板表格第 3 行``)."""
MAX_CHARS = MAX_HTML_BYTES
"""Clipboard contents longer than this are refused (no table a clerk copies is that big)."""


def read_clipboard(html: str | None, text: str | None) -> ReadResult:
    """The table on the clipboard: its HTML flavour when that holds a table, else its text."""
    for content in (html, text):
        if content is not None and len(content) > MAX_CHARS:
            raise ReadError(
                f"{SOURCE}：内容过大（{len(content) // (1024 * 1024)} MiB），不像是绩效目标表"
            )
    html_error: ReadError | None = None
    if html and "<table" in html[:MAX_CHARS].lower():
        try:
            return read_grids(
                SOURCE, [html_grid(html, SOURCE, HTML_NAME)], [], "clipboard", mapping_hint=False
            )
        except ReadError as exc:
            html_error = exc  # the text may still read (a web page's table of tables)
    if text and text.strip():
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        try:
            result = parse_summary_text(text, SOURCE)
        except ReadError as refusal:
            try:
                result = read_text_grid(text, SOURCE, refusal)
            except ReadError:
                if html_error is not None:
                    raise html_error from None
                raise
        result.format = "clipboard"
        return result
    if html_error is not None:
        raise html_error
    raise ReadError(
        f"{SOURCE}：没有表格。请在 Excel、WPS、Word 或网页中选中整张绩效目标表，复制后再粘贴"
    )
