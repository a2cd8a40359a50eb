"""The forms' top part (项目名称 … 总体目标) with extra columns: its labels stay on one line.

The top part shares its column grid with the indicator grid; with extra columns the columns
narrow, and the top part spans more of them (``form_top_spans``) so it keeps its look: checked
on the pages LibreOffice renders of the Word and Excel forms.
"""

from __future__ import annotations

from itertools import combinations, pairwise
from pathlib import Path

import pytest
from rendering import convert, page_lines

from bpeditor.cli import main
from bpeditor.io.export_options import (
    EXTRA_COLUMNS,
    FORM_BASE_MM,
    FormTop,
    form_column_widths,
    form_top_spans,
)

LABELS = ("实施期资金总额", "年度资金总额", "其中:财政拨款", "财政专户拨款", "其他资金")
"""The 项目资金 labels as ``pdftotext`` gives them (NFKC: the full-width colon is ``:``)."""


def test_without_extra_columns_the_top_part_is_as_it_was() -> None:
    assert form_top_spans(()) == FormTop(
        period_label=(1, 2),
        period_amount=(3, 3),
        annual_label=(4, 4),
        annual_amount=(5, 5),
        period_goal=(1, 3),
        annual_goal=(4, 5),
    )


@pytest.mark.parametrize(
    "columns",
    [c for n in range(1, len(EXTRA_COLUMNS) + 1) for c in combinations(EXTRA_COLUMNS, n)],
)
def test_top_part_covers_the_row_and_keeps_its_halves_even(columns: tuple[str, ...]) -> None:
    top = form_top_spans(columns)
    widths = form_column_widths(FORM_BASE_MM, columns)
    last = len(widths) - 1
    funds = [top.period_label, top.period_amount, top.annual_label, top.annual_amount]
    assert funds[0][0] == 1 and funds[-1][1] == last
    for (_, end), (first, stop) in pairwise(funds):
        assert first == end + 1 and stop >= first  # side by side, none empty
    assert top.period_goal == (1, top.period_amount[1])
    assert top.annual_goal == (top.annual_label[0], last)

    def mm(span: tuple[int, int]) -> float:
        return sum(widths[span[0] : span[1] + 1])

    assert mm(top.period_label) >= 30 and mm(top.annual_label) >= 26  # 7 and 6 characters
    assert mm(top.period_amount) >= 20 and mm(top.annual_amount) >= 20  # 12,345.67
    halves = mm(top.period_goal), mm(top.annual_goal)
    assert max(halves) / min(halves) < 1.35  # without extra columns: 90 / 60 mm


@pytest.mark.parametrize("extension", [".docx", ".xlsx"])
def test_fund_labels_print_on_one_line_with_every_column(
    sample_path: Path, tmp_path: Path, extension: str
) -> None:
    out = tmp_path / f"forms{extension}"
    argv = ["convert", str(sample_path), str(out), "--layout", "forms", "--columns", "all"]
    assert main(argv) == 0
    pdf = convert(out, tmp_path, "pdf")
    lines = [text for page in page_lines(pdf) for _, _, text in page]
    forms = sum("项目支出绩效目标申报表" in text for text in lines)
    assert forms == 9
    for label in LABELS:
        # on one line: whole within a line of text, once for 实施期 and once for 年度
        whole = sum(text.count(label) for text in lines)
        expected = forms if label in ("实施期资金总额", "年度资金总额") else 2 * forms
        assert whole == expected, (label, [t for t in lines if label[:2] in t][:6])
    assert sum(text.count("实施期目标") for text in lines) == forms
