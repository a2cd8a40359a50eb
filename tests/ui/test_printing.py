"""Print preview, print and PDF inside the program: Qt draws the pages, no office suite."""

from __future__ import annotations

import copy
import functools
import sys
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QRawFont
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog

from bpeditor.cli import main
from bpeditor.io.docx_summary import write_docx_summary
from bpeditor.io.export_options import ExportOptions
from bpeditor.io.text import read_text
from bpeditor.model.table import Table
from bpeditor.ui.export_options_dialog import ExportOptionsDialog
from bpeditor.ui.export_settings import font_warning, load_export_options
from bpeditor.ui.main_window import MainWindow
from bpeditor.ui.print_commands import PrintCommands
from bpeditor.ui.print_pdf import write_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from generate import make_tall_table
from rendering import (
    as_read,
    convert,
    indicator_texts_missing,
    missing_in_order,
    page_fullness,
    page_texts,
    pdf_pages,
    text_left_edge,
    whole_text,
)


def printing(window: MainWindow) -> PrintCommands:
    return window.printing


@functools.cache
def glyph_aliases() -> dict[int, str]:
    """Characters the Noto CJK fonts draw with one glyph, each to one of them.

    Qt's PDF text maps a glyph back to one character using it (户 prints, but copies as 戶),
    so printed and expected text are compared glyph by glyph: both sides mapped here. Classes
    join over both fonts (union-find), each represented by its lowest code point.
    """
    parent: dict[int, int] = {}

    def root(cp: int) -> int:
        while parent.get(cp, cp) != cp:
            cp = parent[cp]
        return cp

    for family in ("Noto Serif CJK SC", "Noto Sans CJK SC"):
        font = QFont()
        font.setFamily(family)
        font.setPixelSize(20)
        raw = QRawFont.fromFont(font)
        first: dict[int, int] = {}
        for cp in [*range(0x2E80, 0x2FE0), *range(0x3400, 0xA000), *range(0xF900, 0xFB00)]:
            glyphs = raw.glyphIndexesForString(chr(cp))
            if not glyphs or not glyphs[0]:
                continue
            if glyphs[0] in first:
                a, b = root(first[glyphs[0]]), root(cp)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                first[glyphs[0]] = cp
    return {cp: chr(root(cp)) for cp in parent}


def same_glyphs(text: str) -> str:
    """``text`` NFKC-normalised with every glyph alias replaced by its first character."""
    return unicodedata.normalize("NFKC", text).translate(glyph_aliases())


def missing_from_pdf(pdf: Path, table: Table) -> list[str]:
    """The indicators whose name and two values are not printed in order (glyph by glyph)."""
    printed = same_glyphs(whole_text(pdf))
    canonical = copy.deepcopy(table)
    for _, project in canonical.iter_projects():
        for ind in project.indicators:
            ind.name = same_glyphs(ind.name)
            ind.period_value = same_glyphs(ind.period_value)
            ind.annual_value = same_glyphs(ind.annual_value)
    return indicator_texts_missing(printed, canonical)


def test_file_menu_has_the_print_commands(window: MainWindow) -> None:
    names = [a.objectName() for a in window.file_menu.actions()]
    for name in ("actionPrintPreview", "actionPrint", "actionExportPdf", "actionExportOptions"):
        assert name in names
    assert printing(window).print_action.shortcut().toString() == "Ctrl+P"


def test_preview_prints_to_a_pdf_file(loaded: MainWindow, dialogs, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "preview.pdf"

    def print_from_preview(dialog: QDialog) -> bool:
        assert isinstance(dialog, QPrintPreviewDialog)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)  # what the preview's 打印 button does
        return True

    dialogs.dialog_drivers.append(print_from_preview)
    assert printing(loaded).preview("summary")
    pages, size = pdf_pages(out)
    assert size == "842x595"
    texts = [same_glyphs(t) for t in page_texts(out, pages)]
    assert missing_from_pdf(out, loaded.document.table) == []
    for number, text in enumerate(texts, start=1):
        assert same_glyphs(f"第{number}页共{pages}页") in text
        assert same_glyphs("总计") in text and same_glyphs("绩效指标") in text  # headings


def test_in_program_pdf_paginates_like_the_word_export(sample_path: Path, tmp_path: Path) -> None:
    sample = read_text(sample_path).table
    for layout in ("summary", "forms"):
        ours = tmp_path / f"{layout}.pdf"
        write_pdf(sample, ours, ExportOptions(layout=layout))
        word = tmp_path / f"{layout}.docx"
        if layout == "summary":
            write_docx_summary(sample, word)
        else:
            from bpeditor.io.docx_forms import write_docx_forms

            write_docx_forms(sample, word)
        word_pages, _ = pdf_pages(convert(word, tmp_path / layout, "pdf"))
        our_pages, size = pdf_pages(ours)
        assert size == ("842x595" if layout == "summary" else "595x842")
        assert abs(our_pages - word_pages) <= 1, (layout, our_pages, word_pages)


@pytest.mark.parametrize("layout", ["summary", "forms"])
def test_tall_projects_print_whole_with_continued_names(layout: str, tmp_path: Path) -> None:
    table = make_tall_table()
    out = tmp_path / "tall.pdf"
    assert write_pdf(table, out, ExportOptions(layout=layout)) == []
    text = same_glyphs(whole_text(out))
    assert missing_from_pdf(out, table) == []
    goal = next(p.goal for _, p in table.iter_projects() if p.name == "口岸车检场长目标项目")
    assert len(goal) == 800
    assert missing_in_order(text, same_glyphs(as_read(goal))) == ""
    if layout == "summary":
        assert same_glyphs("口岸综合保障七十项指标项目（续）") in text
        fullness = page_fullness(out, 595, 15 / 25.4 * 72)[:-1]
        assert sum(fullness) / len(fullness) >= 0.7
    else:
        assert same_glyphs("产出指标（续）") in text
        assert text.count(same_glyphs("项目支出绩效目标申报表")) == table.project_count()


@pytest.mark.parametrize(("layout", "own_mm"), [("summary", 15), ("forms", 20)])
def test_margins_reach_the_programs_pdf(
    layout: str, own_mm: float, sample_path: Path, tmp_path: Path
) -> None:
    sample = read_text(sample_path).table
    mm = 72 / 25.4
    own, wide = tmp_path / "own.pdf", tmp_path / "wide.pdf"
    write_pdf(sample, own, ExportOptions(layout=layout))
    write_pdf(sample, wide, ExportOptions(layout=layout, margin_mm=35))
    assert own_mm * mm <= text_left_edge(own) < 30 * mm
    assert 35 * mm <= text_left_edge(wide) < 45 * mm
    assert missing_from_pdf(wide, sample) == []


def test_cli_converts_to_pdf(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "forms.pdf"
    assert main(["convert", str(sample_path), str(out), "--layout", "forms"]) == 0
    pages, size = pdf_pages(out)
    assert size == "595x842" and pages >= 9
    assert same_glyphs(whole_text(out)).count(same_glyphs("项目支出绩效目标申报表")) == 9


def test_options_are_remembered_and_used(window: MainWindow, dialogs) -> None:  # type: ignore[no-untyped-def]
    def choose_gongwen_forms(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExportOptionsDialog)
        dialog.fonts_box.setCurrentIndex(dialog.fonts_box.findData("gongwen"))
        dialog.layout_box.setCurrentIndex(dialog.layout_box.findData("forms"))
        dialog.margin.setValue(12)
        return True

    assert load_export_options(window.context.settings) == ExportOptions()
    dialogs.dialog_drivers.append(choose_gongwen_forms)
    assert printing(window).edit_options()
    remembered = load_export_options(window.context.settings)
    assert remembered == ExportOptions(layout="forms", fonts="gongwen", margin_mm=12)
    assert PrintCommands(window.context).options == remembered  # a later window sees them

    def cancel(dialog: QDialog) -> bool:
        dialog.fonts_box.setCurrentIndex(0)  # type: ignore[attr-defined]
        return False

    dialogs.dialog_drivers.append(cancel)
    assert not printing(window).edit_options()
    assert load_export_options(window.context.settings) == remembered


def test_windows_warns_of_fonts_it_lacks() -> None:
    stock = ["仿宋", "黑体", "宋体", "楷体", "微软雅黑"]
    assert font_warning(ExportOptions(), stock, platform="win32") is None
    message = font_warning(ExportOptions(fonts="gongwen"), stock, platform="win32")
    assert message is not None and "仿宋_GB2312" in message and "方正小标宋简体" in message
    assert font_warning(ExportOptions(fonts="gongwen"), stock, platform="linux") is None


def test_export_warns_before_printing_with_missing_fonts(
    loaded: MainWindow, dialogs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import bpeditor.ui.export_settings as settings_module

    monkeypatch.setattr(settings_module.sys, "platform", "win32")
    monkeypatch.setattr(
        settings_module.QFontDatabase, "families", staticmethod(lambda *a: ["仿宋", "黑体"])
    )
    out = printing(loaded).export_pdf(tmp_path / "t.pdf", ExportOptions(fonts="gongwen"))
    assert out is not None and out.is_file()
    assert [t for t, _ in dialogs.infos] == ["字体未安装"]
    assert "方正小标宋简体" in dialogs.infos[0][1]
