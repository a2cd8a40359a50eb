"""Word forms number their pages within each form: 第 1 页 共 2 页, 第 2 页 共 2 页, then 第 1 页.

Checked on the pages LibreOffice renders: a form's page count is counted off the rendered pages
(from one form title to the next), never taken from the writer's estimate.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal
from pathlib import Path

import pytest
from rendering import convert, page_texts, pdf_pages

from bpeditor.io.docx_common import WordOptions
from bpeditor.io.docx_forms import write_docx_forms
from bpeditor.io.docx_reader import read_docx
from bpeditor.io.text import read_text
from bpeditor.model.table import Funds, Indicator, Project, Table

TITLE = "项目支出绩效目标申报表"


def long_project(name: str, count: int) -> Project:
    """A project of ``count`` indicators with names that wrap to three lines."""
    classes = [("1", "产出指标", "11", "数量指标")] * (count * 6 // 10)
    classes += [("2", "效益指标", "22", "社会效益指标")] * (count * 3 // 10)
    classes += [("3", "满意度指标", "31", "服务对象满意度指标")] * (count - len(classes))
    indicators = [
        Indicator(*codes, f"第{i}项指标的名称写得较长以便在单元格里换行", "≥95%", "≥98%")
        for i, codes in enumerate(classes, start=1)
    ]
    return Project(name, Funds(Decimal(100), Decimal(100)), "年度目标。", indicators)


@pytest.fixture(scope="module")
def table(sample_path: Path) -> Table:
    """The sample with two long projects among its nine: one of 60 indicators, one of 16."""
    table = read_text(sample_path).table
    projects = table.units[0].projects
    projects.insert(1, long_project("六十个指标的项目", 60))
    projects.insert(5, long_project("十六个指标的项目", 16))
    return table


def form_pages(texts: list[str]) -> list[list[str]]:
    """The rendered pages grouped by form: a form starts on a page with the form's title."""
    starts = [i for i, text in enumerate(texts) if TITLE in text]
    assert starts and starts[0] == 0
    return [texts[a:b] for a, b in itertools.pairwise([*starts, len(texts)])]


@pytest.mark.parametrize("signed", [True, False])
def test_each_form_numbers_its_own_pages(table: Table, tmp_path: Path, signed: bool) -> None:
    path = tmp_path / "forms.docx"
    write_docx_forms(table, path, options=WordOptions(sign_off=signed))
    pdf = convert(path, tmp_path, "pdf")
    pages, _ = pdf_pages(pdf)
    forms = form_pages(page_texts(pdf, pages))
    names = [project.name for _, project in table.iter_projects()]
    assert len(forms) == len(names) == 11
    for form, name in zip(forms, names, strict=True):
        assert name in form[0]
        for number, text in enumerate(form, start=1):
            # exactly one page number on the page: this page's place within its own form
            assert re.findall(r"第(\d+)页共(\d+)页", text) == [(str(number), str(len(form)))], (
                name,
                number,
            )
        assert ("填报人:" in form[-1]) is signed
    lengths = {name: len(form) for form, name in zip(forms, names, strict=True)}
    assert lengths["十六个指标的项目"] == 2  # runs over two pages
    assert lengths["六十个指标的项目"] >= 4
    assert sum(lengths.values()) == pages


def test_sectioned_forms_read_back(table: Table, tmp_path: Path) -> None:
    path = tmp_path / "forms.docx"
    write_docx_forms(table, path)
    result = read_docx(path)
    assert result.warnings == []
    back = [project for _, project in result.table.iter_projects()]
    projects = [project for _, project in table.iter_projects()]
    assert [p.name for p in back] == [p.name for p in projects]
    for read, written in zip(back, projects, strict=True):
        assert [i.name for i in read.indicators] == [i.name for i in written.indicators]
        assert read.funds.effective_total() == written.funds.effective_total()
