"""The program's PDF of the forms with every extra column: the 项目资金 labels on one line."""

from __future__ import annotations

import sys
from pathlib import Path

from bpeditor.io.export_options import ExportOptions, parse_columns
from bpeditor.io.text import read_text
from bpeditor.ui.print_pdf import write_pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))

from rendering import page_lines
from test_printing import same_glyphs


def test_programs_pdf_prints_the_fund_labels_on_one_line(sample_path: Path, tmp_path: Path) -> None:
    table = read_text(sample_path).table
    out = tmp_path / "forms.pdf"
    write_pdf(table, out, ExportOptions(layout="forms", columns=parse_columns("all")))
    lines = [same_glyphs(text) for page in page_lines(out) for _, _, text in page]
    forms = sum(same_glyphs("项目支出绩效目标申报表") in text for text in lines)
    assert forms == 9
    for label, times in (("实施期资金总额", 1), ("年度资金总额", 1), ("其中:财政拨款", 2)):
        whole = sum(text.count(same_glyphs(label)) for text in lines)
        assert whole == times * forms, (label, [t for t in lines if same_glyphs("资金") in t][:6])
