"""A table pasted from the clipboard: the HTML flavour preferred (merges), else the text."""

from __future__ import annotations

import csv
import io

import pytest
from province_tables import FARM_STACK, WATER_FORM

from bpeditor.io.base import ReadError
from bpeditor.io.clipboard import read_clipboard

EXCEL_HTML = """Version:0.9
StartHTML:0000000105
<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<style>.xl65 {mso-number-format:"\\@";}</style></head><body>
<!--StartFragment-->
<table border=0 cellpadding=0 cellspacing=0 width=500>
 <col width=90 span=4>
 <tr height=19><td colspan=4 class=xl65>项目名称：口岸查验设施维护</td></tr>
 <tr><td>年度预算</td><td>35.5</td><td></td><td></td></tr>
 <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
 <tr><td rowspan=2 class=xl65>产出指标</td><td>数量指标</td><td>维护设施数量</td><td>≥20台</td></tr>
 <tr><td>质量指标</td><td>设施完好率<br style='mso-data-placement:same-cell;'>（年均）</td>
 <td>≥98%</td></tr>
 <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>查验单位满意度</td><td>≥90%</td></tr>
</table>
<!--EndFragment-->
</body></html>"""


def _tsv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, dialect="excel-tab", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def _indicators(html: str | None, text: str | None) -> list[tuple[str, str, str, str]]:
    table = read_clipboard(html, text).table
    return [
        (i.level1, i.level2, i.name, i.annual_value)
        for _, p in table.iter_projects()
        for i in p.indicators
    ]


def test_excel_s_html_flavour_with_its_merges() -> None:
    """The 一级 merged down two rows is carried to both; a line break in a cell is kept."""
    result = read_clipboard(EXCEL_HTML, "项目名称：口岸查验设施维护")
    [(_, project)] = list(result.table.iter_projects())
    assert result.format == "clipboard"
    assert (project.name, str(project.funds.total)) == ("口岸查验设施维护", "35.5")
    assert [(i.level1, i.level2, i.name, i.annual_value) for i in project.indicators] == [
        ("1", "11", "维护设施数量", "≥20台"),
        ("1", "12", "设施完好率\n（年均）", "≥98%"),
        ("3", "31", "查验单位满意度", "≥90%"),
    ]


def test_the_text_flavour_alone_reads_like_the_html() -> None:
    """WPS or a plain-text copy: only the tab-separated text, merged texts in their first cell."""
    from_text = _indicators(None, _tsv(WATER_FORM.rows))
    assert from_text == _indicators(WATER_FORM.html(), None)
    assert from_text[0] == ("1", "11", "清淤管网长度", "≥40公里")


def test_html_without_a_table_falls_back_to_the_text() -> None:
    """A browser's selection of text around the table: the text is read instead."""
    names = [name for _, _, name, _ in _indicators("<p>项目支出</p>", _tsv(FARM_STACK.rows))]
    assert names[:2] == ["建设高产示范片", "技术培训合格率"]


@pytest.mark.parametrize(
    ("html", "text", "words"),
    [
        (None, None, "没有表格"),
        ("", "   ", "没有表格"),
        (None, "会议纪要\n今天讨论了预算。", "表头"),
        ("<table><tr><td>姓名</td><td>电话</td></tr></table>", None, "表头"),
    ],
)
def test_no_table_is_refused_in_one_line(html: str | None, text: str | None, words: str) -> None:
    """Nothing pasteable: one line saying what was looked for."""
    with pytest.raises(ReadError) as caught:
        read_clipboard(html, text)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("剪贴板")
    assert words in message
    assert "导入对话框" not in message  # the clipboard has no mapping dialog


def test_a_huge_clipboard_is_refused() -> None:
    """More text than any table: refused before it is parsed."""
    with pytest.raises(ReadError, match="过大"):
        read_clipboard(None, "x\t" * (33 * 1024 * 1024))
