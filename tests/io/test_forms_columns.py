"""The forms' optional columns after 指标值: 依据, 解释, 备注, 权重, 分值 (``--columns``).

Printed when asked for (Word, Excel), read back on import, and on the pages LibreOffice renders
in full: every header and every value, checked on ``pdftotext`` output.
"""

from __future__ import annotations

import copy
import re
from dataclasses import astuple
from pathlib import Path

import pytest
from rendering import _nfkc, convert, pdf_pages, whole_text

from bpeditor.cli import main
from bpeditor.io import native
from bpeditor.io.export_options import (
    ColumnsError,
    ExportOptions,
    form_column_widths,
    parse_columns,
)
from bpeditor.io.exporting import export_table
from bpeditor.io.registry import read_path
from bpeditor.io.text import read_text
from bpeditor.model.table import Indicator, Table

ALL = ("basis", "explanation", "note", "weight", "score")
HEADERS = ("指标值确定依据", "指标解释", "备注", "权重", "分值")
EXTRA = ("basis", "explanation", "note", "weight", "score")


def with_extras(table: Table) -> Table:
    """The table with 依据/解释/备注 on some indicators and 权重/分值 on every one."""
    table = copy.deepcopy(table)
    for n, (_, project) in enumerate(table.iter_projects()):
        for i, ind in enumerate(project.indicators):
            if i % 2 == 0:
                ind.basis = f"依据{n}甲{i}按花都区口岸服务保障工作方案及上年完成情况测算确定"
            if i % 3 == 0:
                ind.note = f"备注{n}乙{i}数据来源于年度工作台账"
            if i % 4 == 1:
                ind.explanation = f"解释{n}丙{i}反映该项工作的完成程度"
            ind.weight = f"{10 + n + i}分"
            ind.score = f"{5 + i}.5分" if i % 2 else ""
    return table


@pytest.fixture
def extras(sample_path: Path) -> Table:
    return with_extras(read_text(sample_path).table)


def test_column_names_english_chinese_and_all() -> None:
    assert parse_columns("basis,remark") == ("basis", "note")
    assert parse_columns("备注, 依据，权重、分值") == ("basis", "note", "weight", "score")
    assert parse_columns("指标解释") == ("explanation",)
    assert parse_columns("all") == ALL
    assert parse_columns("") == ()
    with pytest.raises(ColumnsError, match="不认识的列“weights”"):
        parse_columns("basis,weights")


def test_columns_are_remembered_as_settings_values() -> None:
    options = ExportOptions(layout="forms", columns=("basis", "weight"))
    assert ExportOptions.from_dict(options.to_dict()) == options
    assert ExportOptions.from_dict({"columns": "note,nonsense"}).columns == ("note",)
    assert ExportOptions.from_dict({"columns": ["score", "basis"]}).columns == ("basis", "score")
    assert ExportOptions.from_dict({"columns": ""}).columns == ()


@pytest.mark.parametrize("columns", [("basis",), ("note", "weight"), ALL])
def test_columns_share_the_forms_width(columns: tuple[str, ...]) -> None:
    base = [20.0, 22.0, 30.0, 38.0, 30.0, 30.0]
    widths = form_column_widths(base, columns)
    assert len(widths) == 6 + len(columns)
    assert sum(widths) == pytest.approx(170.0)  # A4 portrait's text width with 20 mm margins
    assert min(widths) >= 9.0  # 权重, 分值: two characters and a number
    assert widths[0] >= 15.0  # 项目名称, 主管部门及代码 still wrap into the label column


def test_cli_names_an_unknown_column(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "forms.docx"
    argv = ["convert", "in.txt", str(out), "--layout", "forms", "--columns", "basis,foo"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "--columns" in err and "foo" in err and "remark" in err and "Traceback" not in err
    assert not out.exists()


def test_cli_says_the_summary_has_no_extra_columns(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "summary.xlsx"
    assert main(["convert", str(sample_path), str(out), "--columns", "basis"]) == 0
    assert "--layout forms" in capsys.readouterr().err


@pytest.mark.parametrize("extension", [".docx", ".xlsx"])
def test_columns_read_back(extras: Table, tmp_path: Path, extension: str) -> None:
    out = tmp_path / f"forms{extension}"
    export_table(extras, out, ExportOptions(layout="forms", columns=ALL))
    back = read_path(out).table
    pairs = zip(extras.iter_projects(), back.iter_projects(), strict=True)
    for (_, written), (_, read) in pairs:
        assert [i.name for i in read.indicators] == [i.name for i in written.indicators]
        for a, b in zip(written.indicators, read.indicators, strict=True):
            assert [getattr(b, f) for f in EXTRA] == [getattr(a, f) for f in EXTRA], a.name
    first = back.units[0].projects[0].indicators[0]
    assert first.weight == "10分"  # the test's own values, as typed above
    assert first.basis.startswith("依据0甲0")


@pytest.mark.parametrize("extension", [".docx", ".xlsx"])
def test_without_columns_nothing_extra_is_printed(
    extras: Table, tmp_path: Path, extension: str
) -> None:
    out = tmp_path / f"forms{extension}"
    export_table(extras, out, ExportOptions(layout="forms"))
    back = read_path(out).table
    assert all(
        not (i.basis or i.note or i.weight) for _, p in back.iter_projects() for i in p.indicators
    )


def test_a_tall_excel_form_reads_back_whole(sample_path: Path, tmp_path: Path) -> None:
    """A form over several pages has （续） down its left side: the grid goes on there."""
    table = read_text(sample_path).table
    project = table.units[0].projects[0]
    project.indicators = [
        Indicator(ind.level1, ind.level1_label, ind.level2, ind.level2_label, f"{ind.name}{k}")
        for k, ind in enumerate(project.indicators * 5)
    ]
    for ind in project.indicators:
        ind.annual_value = ind.period_value = "≥95%"
        ind.basis = "按工作方案测算"
    out = tmp_path / "tall.xlsx"
    export_table(table, out, ExportOptions(layout="forms", columns=("basis",)))
    back = read_path(out).table.units[0].projects[0]
    # printed grouped by class (their order within a class kept): every one is back
    assert sorted(i.name for i in back.indicators) == sorted(i.name for i in project.indicators)
    assert {i.basis for i in back.indicators} == {"按工作方案测算"}


@pytest.mark.parametrize("extension", [".docx", ".xlsx"])
def test_columns_print_in_full(
    extras: Table, sample_path: Path, tmp_path: Path, extension: str
) -> None:
    source = tmp_path / "extras.bpe"
    native.save(extras, source)
    out = tmp_path / f"forms{extension}"
    argv = ["convert", str(source), str(out), "--layout", "forms"]
    assert main([*argv, "--columns", "依据,explanation,remark,weight,score"]) == 0
    pdf = convert(out, tmp_path, "pdf")
    pages, size = pdf_pages(pdf)
    assert size == "595x842"  # A4 portrait still
    text = whole_text(pdf)
    forms = text.split("项目支出绩效目标申报表")[1:]
    projects = [p for _, p in extras.iter_projects()]
    assert len(forms) == len(projects) == 9
    assert pages >= 9
    sample_texts = [
        text
        for _, p in read_text(sample_path).table.iter_projects()
        for text in (p.name, p.goal, *(t for i in p.indicators for t in astuple(i)))
    ]
    assert not any(re.search(r"\d分", t) for t in sample_texts)  # 权重/分值 alone print that
    for form, project in zip(forms, projects, strict=True):
        grid = form[form.index("一级指标") :]
        header = "".join(("一级指标", "二级指标", "三级指标", "实施期指标值", "年度指标值"))
        if extension == ".docx":  # Calc draws a sheet's cells in an order of its own
            assert grid.startswith(header + "".join(HEADERS)), grid[:80]
        for title in HEADERS:
            assert title in form
        for ind in project.indicators:
            # every extra cell whole (no sample text has a number with 分: 权重/分值's own)
            for value in (getattr(ind, f) for f in EXTRA):
                assert _nfkc(value) in grid, (project.name, ind.name, value)
        if extension == ".docx":  # Word's text comes row by row: each row in the columns' order
            for ind in project.indicators:
                cells = (ind.annual_value, *(getattr(ind, f) for f in EXTRA))
                assert _nfkc("".join(cells)) in grid, (project.name, ind.name)
