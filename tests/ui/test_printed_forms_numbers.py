"""The in-program PDF of the forms numbers each form's pages on their own."""

from __future__ import annotations

import re
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))

from rendering import page_texts, pdf_pages

from bpeditor.io.export_options import ExportOptions
from bpeditor.model.table import Funds, Indicator, Project, Table, Unit
from bpeditor.ui.print_pdf import write_pdf


def test_each_form_is_numbered_from_page_one(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    long = Project(
        "六十个指标的项目",
        Funds(Decimal(100), Decimal(100)),
        "目标。",
        [Indicator("1", "产出指标", "11", "数量指标", f"指标{n}", "1次", "1次") for n in range(60)],
    )
    short = Project(
        "短项目",
        Funds(Decimal(5), Decimal(5)),
        "目标。",
        [Indicator("1", "产出指标", "11", "数量指标", "次数", "1次", "1次")],
    )
    table = Table(reporting_unit="某局", units=[Unit("某中心", [long, short])])
    out = tmp_path / "forms.pdf"
    write_pdf(table, out, ExportOptions(layout="forms"))
    pages, _ = pdf_pages(out)
    numbers = [re.findall(r"第(\d+)页共(\d+)页", text) for text in page_texts(out, pages)]
    long_pages = pages - 1
    assert long_pages >= 2
    assert numbers == [[(str(n), str(long_pages))] for n in range(1, long_pages + 1)] + [
        [("1", "1")]
    ]
