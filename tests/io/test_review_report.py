"""The 审核意见 report: grouped by project and category, 已说明 printed, in three formats."""

from __future__ import annotations

import zipfile
from pathlib import Path

from python_calamine import CalamineWorkbook

from bpeditor.io.native import dumps, loads
from bpeditor.io.registry import read_path
from bpeditor.io.review_report import report_text, write_report
from bpeditor.model.review import check_table
from bpeditor.model.review.report import build_report, explanation
from bpeditor.model.review.rules import RuleSet
from bpeditor.model.table import Explanation, Table


def _sample_report(sample_path: Path) -> tuple[Table, str]:
    table = read_path(sample_path).table
    findings = check_table(table)
    (c5,) = [f for f in findings if f.code == "C5" and f.location.project == 0]
    table.explanations.append(explanation(table, c5, "水电费项目按实结算，无单独成本指标"))
    return table, report_text(build_report(table, check_table(table), RuleSet(), "样表"))


def test_the_text_report_groups_by_project_and_category(sample_path: Path) -> None:
    _, text = _sample_report(sample_path)
    lines = text.splitlines()
    assert lines[:6] == [
        "审核意见",
        "项目支出绩效目标表（含转移支付项目）",
        "单位名称：广州市花都区口岸服务保障中心",
        "文件：样表",
        "审核规则：默认规则",
        "共 45 条意见：退回 0 条，修改 35 条，提示 10 条；其中已说明 1 条",
    ]
    start = lines.index("（5）车检场口岸单位经费（广州市花都区口岸服务保障中心）")
    assert lines[start + 1] == "  1 指标不够完整"
    assert "  7 二级类型错误" in lines[start:]
    assert "       已说明：水电费项目按实结算，无单独成本指标" in lines
    assert "  10 建议增加满意度指标：2 条（修改 2），涉及 2 个项目" in lines


def test_an_explanation_is_kept_in_the_native_file(sample_path: Path) -> None:
    table, _ = _sample_report(sample_path)
    again = loads(dumps(table))
    assert again.explanations == [
        Explanation(
            "C5", "口岸车检场水电费", "", "indicators", "水电费项目按实结算，无单独成本指标"
        )
    ]
    assert loads(dumps(Table())).explanations == []


def test_word_and_excel_reports(sample_path: Path, tmp_path: Path) -> None:
    table, _ = _sample_report(sample_path)
    report = build_report(table, check_table(table), RuleSet())
    write_report(report, tmp_path / "审核意见.docx")
    with zipfile.ZipFile(tmp_path / "审核意见.docx") as docx:
        xml = docx.read("word/document.xml").decode("utf-8")
    assert "一、按项目" in xml and "二、按审核意见类别" in xml
    assert "水电费项目按实结算，无单独成本指标" in xml
    assert "<w:tblHeader/>" in xml
    write_report(report, tmp_path / "审核意见.xlsx")
    book = CalamineWorkbook.from_path(str(tmp_path / "审核意见.xlsx"))
    assert book.sheet_names == ["审核意见", "按类别"]
    rows = book.get_sheet_by_name("审核意见").to_python()
    header = rows.index(
        ["序号", "资金使用单位", "项目", "意见类别", "级别", "代码", "审核意见", "已说明"]
    )
    first = rows[header + 1]
    assert first[2:6] == ["口岸车检场水电费", "1 指标不够完整", "修改", "C5"]
    assert first[7] == "水电费项目按实结算，无单独成本指标"
    summary = book.get_sheet_by_name("按类别").to_python()
    assert summary[1] == ["1 指标不够完整", 0.0, 9.0, 0.0, 9.0, 9.0]
