"""The 审核意见 report as text, Word or Excel: findings by project and by reviewer's category.

The content is :class:`~bpeditor.model.review.report.Report`; this module only prints it. Word
builds its tables as XML on :mod:`bpeditor.io.docx_common` (fonts, A4 landscape, repeated
header rows, page numbers); Excel uses XlsxWriter with the workbook options and the row
heights of :mod:`bpeditor.io.xlsx_writer`. Every write is atomic.
"""

from __future__ import annotations

import os
from pathlib import Path

from bpeditor.io.base import WriteError, atomic_write
from bpeditor.io.docx_common import (
    PageSetup,
    WordOptions,
    cell,
    new_document,
    paragraph,
    row,
    run,
    run_props,
    save_document,
    table,
)
from bpeditor.io.export_options import FONT_SETS
from bpeditor.io.xlsx_common import (
    BODY_FONT,
    FOOTER,
    GB2312_CHARSET,
    WORKBOOK_OPTIONS,
    estimate_lines,
    row_height,
)
from bpeditor.model.review.report import CATEGORY_LABELS, Report, ReportItem

REPORT_FORMATS = (".docx", ".xlsx", ".txt")
"""The extensions a report can be written as."""
GRADES = ("退回", "修改", "提示")
_CN_NUMBERS = "一二三四五六七八九十"

HEADING_FONT = FONT_SETS["default"].heading
"""The report's headings: the same 黑体 as the other exports' default font set."""


def write_report(report: Report, path: str | os.PathLike[str]) -> None:
    """Write the report in the format the extension names; :class:`WriteError` says why not."""
    suffix = Path(path).suffix.lower()
    if suffix == ".txt":
        text = report_text(report)
        atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))
    elif suffix == ".docx":
        _write_docx(report, path)
    elif suffix == ".xlsx":
        _write_xlsx(report, path)
    else:
        raise WriteError(f"{path}：不支持的报告格式（可用 {'、'.join(REPORT_FORMATS)}）")


def _heading(report: Report) -> list[str]:
    counts = report.counts()
    lines = [f"单位名称：{report.reporting_unit or '（未填写）'}"]
    if report.source:
        lines.append(f"文件：{report.source}")
    lines.append(f"审核规则：{report.rules_name}")
    lines.append(
        f"共 {len(report.items)} 条意见：退回 {counts['退回']} 条，修改 {counts['修改']} 条，"
        f"提示 {counts['提示']} 条；其中已说明 {counts['已说明']} 条"
    )
    return lines


def _category(number: int) -> str:
    return f"{number} {CATEGORY_LABELS[number]}" if number else CATEGORY_LABELS[number]


def _project_label(unit: str, project: str) -> str:
    if not project:
        return f"{unit}（单位）" if unit else "整张表"
    return f"{project}（{unit}）" if unit else project


def _item_text(item: ReportItem) -> str:
    return f"[{item.grade}] {item.message}（{item.code}）"


def report_text(report: Report) -> str:
    """The report as plain text (UTF-8, one finding a line)."""
    lines = ["审核意见", report.title, *_heading(report), "", "一、按项目"]
    for n, (unit, project, categories) in enumerate(report.by_project(), start=1):
        lines.append(f"（{n}）{_project_label(unit, project)}")
        for category, items in categories:
            lines.append(f"  {_category(category)}")
            for m, item in enumerate(items, start=1):
                lines.append(f"    {m}. {_item_text(item)}")
                if item.explained:
                    lines.append(f"       已说明：{item.explained}")
    lines += ["", "二、按审核意见类别"]
    for category, items in report.by_category():
        counts = {grade: sum(1 for i in items if i.grade == grade) for grade in GRADES}
        detail = "，".join(f"{grade} {count}" for grade, count in counts.items() if count)
        projects = len({(i.unit, i.project) for i in items})
        lines.append(
            f"  {_category(category)}：{len(items)} 条（{detail}），涉及 {projects} 个项目"
        )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- Word

_DOCX_WIDTHS = (52.0, 34.0, 13.0, 112.0, 50.0)
"""项目 | 意见类别 | 级别 | 审核意见 | 已说明 (mm; landscape A4 minus margins is 261 mm)."""
_DOCX_HEADER = ("项目（资金使用单位）", "意见类别", "级别", "审核意见", "已说明")


def _write_docx(report: Report, path: str | os.PathLike[str]) -> None:
    options = WordOptions()
    page = PageSetup(landscape=True)
    document = new_document(page, options)
    title = run_props(font=options.title, size=18)
    bold = run_props(font=options.heading_font, bold=True)
    body: list[str] = [
        paragraph(run("审核意见", title), align="center", free_height=True, after=4),
        paragraph(run(report.title), align="center", after=6),
        *(paragraph(run(line)) for line in _heading(report)),
        paragraph(run("一、按项目", bold), before=8, after=4, keep_next=True),
        table(list(_DOCX_WIDTHS), _docx_rows(report, bold)),
        paragraph(run("二、按审核意见类别", bold), before=10, after=4, keep_next=True),
        table([70.0, 25.0, 25.0, 25.0, 25.0, 30.0], _docx_category_rows(report, bold)),
    ]
    save_document(document, "".join(body), path)


def _docx_rows(report: Report, bold: str) -> list[str]:
    widths = _DOCX_WIDTHS
    rows = [
        row(
            (
                cell(w, paragraph(run(h, bold), align="center"))
                for w, h in zip(widths, _DOCX_HEADER, strict=True)
            ),
            header=True,
        )
    ]
    for unit, project, categories in report.by_project():
        first_of_project = True
        for category, items in categories:
            for n, item in enumerate(items):
                cells = [
                    cell(
                        widths[0],
                        paragraph(run(_project_label(unit, project))) if first_of_project else "",
                        vmerge="restart" if first_of_project else "continue",
                        valign="top",
                    ),
                    cell(
                        widths[1],
                        paragraph(run(_category(category))) if n == 0 else "",
                        vmerge="restart" if n == 0 else "continue",
                        valign="top",
                    ),
                    cell(widths[2], paragraph(run(item.grade), align="center")),
                    cell(widths[3], paragraph(run(f"{item.message}（{item.code}）"))),
                    cell(widths[4], paragraph(run(item.explained))),
                ]
                rows.append(row(cells))
                first_of_project = False
    return rows


def _docx_category_rows(report: Report, bold: str) -> list[str]:
    widths = (70.0, 25.0, 25.0, 25.0, 25.0, 30.0)
    header = ("意见类别", *GRADES, "合计", "涉及项目")
    rows = [
        row(
            (
                cell(w, paragraph(run(h, bold), align="center"))
                for w, h in zip(widths, header, strict=True)
            ),
            header=True,
        )
    ]
    for category, items in report.by_category():
        values = [
            _category(category),
            *(str(sum(1 for i in items if i.grade == grade)) for grade in GRADES),
            str(len(items)),
            str(len({(i.unit, i.project) for i in items})),
        ]
        rows.append(
            row(
                cell(w, paragraph(run(v), align=None if k == 0 else "center"))
                for k, (w, v) in enumerate(zip(widths, values, strict=True))
            )
        )
    return rows


# ---------------------------------------------------------------- Excel

_XLSX_COLUMNS = (
    ("序号", 6.0),
    ("资金使用单位", 18.0),
    ("项目", 24.0),
    ("意见类别", 16.0),
    ("级别", 6.0),
    ("代码", 10.0),
    ("审核意见", 60.0),
    ("已说明", 24.0),
)


def _write_xlsx(report: Report, path: str | os.PathLike[str]) -> None:
    def write(tmp: Path) -> None:
        import xlsxwriter  # noqa: PLC0415 - slow to import: only when a workbook is written

        with xlsxwriter.Workbook(str(tmp), WORKBOOK_OPTIONS) as workbook:
            workbook.set_properties({"title": "审核意见", "author": "bpeditor"})
            base = {
                "font_name": BODY_FONT,
                "font_size": 10.5,
                "font_charset": GB2312_CHARSET,
                "border": 1,
                "valign": "vcenter",
                "text_wrap": True,
            }
            body = workbook.add_format(base)
            centre = workbook.add_format({**base, "align": "center"})
            head = workbook.add_format(
                {**base, "bold": True, "align": "center", "font_name": HEADING_FONT}
            )
            title = workbook.add_format(
                {"font_name": HEADING_FONT, "font_size": 16, "align": "center"}
            )
            plain = workbook.add_format({"font_name": BODY_FONT, "font_size": 10.5})
            sheet = workbook.add_worksheet("审核意见")
            last = len(_XLSX_COLUMNS) - 1
            sheet.merge_range(0, 0, 0, last, "审核意见", title)
            heading = _heading(report)
            for r, line in enumerate(heading, start=1):
                sheet.merge_range(r, 0, r, last, line, plain)
            top = len(heading) + 1
            for c, (label, width) in enumerate(_XLSX_COLUMNS):
                sheet.set_column(c, c, width)
                sheet.write_string(top, c, label, head)
            r = top
            for n, item in enumerate(report.items, start=1):
                r += 1
                values = [
                    str(n),
                    item.unit,
                    item.project,
                    _category(item.category),
                    item.grade,
                    item.code,
                    item.message,
                    item.explained,
                ]
                for c, value in enumerate(values):
                    fmt = centre if c in (0, 4) else body
                    if value:
                        sheet.write_string(r, c, value, fmt)
                    else:
                        sheet.write_blank(r, c, None, fmt)
                lines = max(
                    estimate_lines(v, _XLSX_COLUMNS[c][1]) for c, v in enumerate(values) if v
                )
                sheet.set_row(r, row_height(lines))
            sheet.freeze_panes(top + 1, 0)
            sheet.autofilter(top, 0, max(r, top), last)
            sheet.set_landscape()
            sheet.set_paper(9)
            sheet.fit_to_pages(1, 0)
            sheet.repeat_rows(top)
            sheet.set_footer(FOOTER)
            summary = workbook.add_worksheet("按类别")
            header = ("意见类别", *GRADES, "合计", "涉及项目")
            for c, label in enumerate(header):
                summary.set_column(c, c, 24 if c == 0 else 10)
                summary.write_string(0, c, label, head)
            for k, (category, items) in enumerate(report.by_category(), start=1):
                summary.write_string(k, 0, _category(category), body)
                for c, grade in enumerate(GRADES, start=1):
                    summary.write_number(k, c, sum(1 for i in items if i.grade == grade), centre)
                summary.write_number(k, 4, len(items), centre)
                summary.write_number(k, 5, len({(i.unit, i.project) for i in items}), centre)

    atomic_write(path, write)
