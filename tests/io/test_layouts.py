"""The layout rules on their own, with wordings the real samples do not hold.

Each test writes a small table as tab-separated text (as copied from Excel) and reads it
through the registry, so the text path, the one recogniser and the forms reader are all used.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

import pytest

from bpeditor.io.base import ReadError
from bpeditor.io.indicator_codec import parse_indicators
from bpeditor.io.layouts.labels import amount_kind, amount_of, field_of, indicator_role, strip_code
from bpeditor.io.registry import read_path
from bpeditor.model.taxonomy import printed_class, printed_row_classes


def _write(tmp_path: Path, rows: list[list[str]], name: str = "form.tsv") -> Path:
    path = tmp_path / name
    path.write_text("\r\n".join("\t".join(r) for r in rows) + "\r\n", encoding="utf-8")
    return path


FORM = [
    ["项目绩效目标表", "", "", "", "", ""],
    ["专项（项目）名称", "道路养护", "", "主管预算部门", "(203001)某市交通局", ""],
    ["资金使用单位", "某市公路中心", "", "", "", ""],
    ["实施期资金总额", "300万元", "", "年度资金总额", "120.5万元", ""],
    ["其中：财政拨款", "300", "", "其中：财政拨款", "100.5", ""],
    ["其他资金", "0", "", "其他资金", "20", ""],
    ["年度绩效目标", "完成道路养护", "", "", "", ""],
    ["一级指标（分值）", "二级指标", "三级指标", "计算符号", "年度指标值", "计量单位"],
    ["产出指标(50分)", "数量指标", "养护里程", "不低于", "120", "公里"],
    ["", "", "养护次数", "＝", "4", "次"],
    ["", "时效指标", "完成时间", "定性", "年底前", ""],
    ["", "数量指标", "本项目不适用此指标", "", "", ""],
    ["效益指标(30分)", "社会效益指标", "通行条件", "定性", "明显改善", ""],
    ["", "服务对象满意度指标", "群众满意度", "≥", "90", "%"],
    ["", "可持续发展影响指标", "", "", "", ""],
]


def test_a_form_in_other_words(tmp_path: Path) -> None:
    """Synonyms, codes, amounts with units, scores, split values, 满意度 in the 效益 block."""
    result = read_path(_write(tmp_path, FORM))
    table = result.table
    assert table.reporting_unit == "某市交通局"
    [(unit, project)] = list(table.iter_projects())
    assert unit.name == "某市公路中心"
    assert project.name == "道路养护"
    assert (project.funds.total, project.funds.fiscal, project.funds.other) == (
        Decimal("120.5"),
        Decimal("100.5"),
        Decimal("20"),
    )
    assert project.period_funds.total == Decimal("300")
    assert project.goal == "完成道路养护"
    got = [(i.level1, i.level2, i.name, i.annual_value) for i in project.indicators]
    assert got == [
        ("1", "11", "养护里程", "≥120公里"),
        ("1", "11", "养护次数", "＝4次"),
        ("1", "13", "完成时间", "年底前"),
        ("2", "22", "通行条件", "明显改善"),
        ("3", "31", "群众满意度", "≥90%"),
    ]
    assert project.indicators[0].level1_label == "产出指标(50分)"
    assert any("不适用" in w.message for w in result.warnings)


def test_stacked_forms_without_classes_and_a_cut(tmp_path: Path) -> None:
    """Two forms in one sheet; no classes printed (kept, with a warning); a cut-off third."""
    rows = [
        ["项目名称", "甲项目", "", ""],
        ["当年预算", "10", "", ""],
        ["指标名称", "指标性质", "指标值", "计量单位"],
        ["覆盖人数", "≥", "80", "人"],
        ["", "", "", ""],
        ["项目名称", "乙项目", "", ""],
        ["指标名称", "指标性质", "指标值", "计量单位"],
        ["完成率", "=", "100", "%"],
        ["项目名称", "丙项目", "", ""],
    ]
    result = read_path(_write(tmp_path, rows))
    projects = [p for _, p in result.table.iter_projects()]
    assert [p.name for p in projects] == ["甲项目", "乙项目", "丙项目"]
    assert projects[0].funds.total == Decimal("10")
    assert [(i.level1, i.name, i.annual_value) for i in projects[0].indicators] == [
        ("", "覆盖人数", "≥80人")
    ]
    assert projects[2].indicators == []
    messages = " ".join(w.message for w in result.warnings)
    assert "未分类" in messages
    assert "中断" in messages


def test_text_that_is_no_table_is_refused_in_one_line(tmp_path: Path) -> None:
    """A text with neither a summary header nor an indicator grid: the summary's reason."""
    path = _write(tmp_path, [["会议纪要"], ["今天讨论了预算。"]], "notes.txt")
    with pytest.raises(ReadError) as caught:
        read_path(path)
    assert "\n" not in str(caught.value)
    assert "表头" in str(caught.value)


def test_labels_by_rule() -> None:
    """Label wordings are understood by what they are instances of."""
    assert field_of("项目支出名称") == field_of("专项资金名称") == "name"
    assert field_of("主管部门及代码") == field_of("业务主管部门") == "department"
    assert field_of("填报单位（盖章）") == field_of("实施单位") == "unit"
    assert field_of("年度绩效目标(文字)") == "annual_goal"
    assert field_of("中期目标(2024年—2026年)") == "period_goal"
    assert field_of("绩效目标表") is None
    assert amount_kind("其中:当年市级财政资金") == "fiscal"
    assert amount_kind("中央") == amount_kind("县级资金") == "fiscal_part"
    assert amount_kind("项目预算金额(万元)") == "total"
    assert amount_kind("预算执行率权重(%)") is None
    assert amount_of("164万元") == Decimal("164")
    assert amount_of("3,309,840.00") == Decimal("3309840.00")
    assert strip_code("[066]六安市农业农村局") == ("六安市农业农村局", "066")
    assert strip_code("某局（820001）") == ("某局", "820001")
    assert indicator_role("指标值(包含数字及文字描述)") == "value"
    assert indicator_role("2021年实际实现值") == "actual"
    assert indicator_role("度量单位") == "measure"


def test_classes_by_rule() -> None:
    """Class wordings map to codes; the level is respected; a combined 二级 has none."""
    assert printed_class("项目完成指标", 1)[0] == "1"
    assert printed_class("效果指标", 1)[0] == "2"
    assert printed_class("数量指标(或建筑规模指标)", 2)[0] == "11"
    assert printed_class("预算(或投资规模)控制指标", 2)[0] == "14"
    assert printed_class("社会、经济、生态效益指标", 2)[0] == ""
    assert printed_class("成本指标", 1)[0] == "G2"
    assert printed_class("成本指标", 2)[0] == "14"
    assert printed_class("产出指标", 2)[0] == ""
    assert printed_row_classes("效益指标", "社会公众或服务对象满意度指标")[0] == "3"
    assert printed_row_classes("", "质量指标")[0] == "1"
    assert printed_row_classes("成本指标", "经济成本指标")[:3:2] == ("G2", "G21")


def test_packed_notation_in_one_cell() -> None:
    """【产出指标-数量指标】 headings and 指标n:名称(值) items."""
    cell = (
        "【产出指标-数量指标】\n指标1:机柜数量(≥77台)\n指标2：服务器数量（≥10台）\n"
        "【效益指标-社会效益指标】指标1:通关时间(压缩(≥10%))\n【满意度指标】\n指标1:满意度(≥90%)"
    )
    indicators, problems = parse_indicators(cell)
    assert problems == []
    assert [(i.level1, i.level2, i.name, i.annual_value) for i in indicators] == [
        ("1", "11", "机柜数量", "≥77台"),
        ("1", "11", "服务器数量", "≥10台"),
        ("2", "22", "通关时间", "压缩(≥10%)"),
        ("3", "31", "满意度", "≥90%"),
    ]


def test_comma_separated_text_reads_as_the_same_cells(tmp_path: Path) -> None:
    """A .csv with Excel's quoting (commas and line breaks inside quoted cells)."""
    path = tmp_path / "form.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        rows = [*FORM[:7], [*FORM[7][:5], "计量单位,或单位"], *FORM[8:]]
        rows[1] = ["专项（项目）名称", "道路\n养护", "", "主管预算部门", "某市交通局", ""]
        csv.writer(handle).writerows(rows)
    project = next(p for _, p in read_path(path).table.iter_projects())
    assert project.name == "道路\n养护"
    assert [i.annual_value for i in project.indicators][:2] == ["≥120公里", "＝4次"]


def test_amounts_headed_in_yuan_become_wan(tmp_path: Path) -> None:
    """A form whose amount label says （元）: the table is converted to 万元."""
    rows = [
        ["项目名称", "甲项目", "", ""],
        ["项目预算金额（元）", "1,250,000.00", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "户数", "≥10户"],
    ]
    result = read_path(_write(tmp_path, rows))
    assert result.table.money_unit == "万元"
    assert next(p for _, p in result.table.iter_projects()).funds.total == Decimal("125")


def test_grid_header_variants(tmp_path: Path) -> None:
    """绩效指标 as the name column, 实施期 | 年度 sub-headers, a 指标值确定依据 column."""
    rows = [
        ["项目名称", "甲项目", "", "", ""],
        ["一级指标", "二级指标", "绩效指标", "指标值", "", "指标值确定依据"],
        ["", "", "", "实施期", "年度", ""],
        ["产出指标", "质量指标", "合格率", "≥95%", "≥98%", "行业标准"],
    ]
    project = next(p for _, p in read_path(_write(tmp_path, rows)).table.iter_projects())
    [indicator] = project.indicators
    assert (indicator.name, indicator.period_value, indicator.annual_value) == (
        "合格率",
        "≥95%",
        "≥98%",
    )
    assert indicator.basis == "行业标准"


def test_a_list_with_an_unknown_project_column_is_left_to_the_mapping(tmp_path: Path) -> None:
    """An indicator list whose project column the keywords do not know is not read as a form."""
    rows = [
        ["指标名称", "目标值(当年)", "类别", "所属项目（课题）"],
        ["维护设备数量", "≥100台", "产出指标", "口岸设备运维"],
    ]
    with pytest.raises(ReadError):
        read_path(_write(tmp_path, rows))


def test_value_columns_headed_by_their_period(tmp_path: Path) -> None:
    """三级指标 | 实施期 | 年度: the columns are the two values."""
    rows = [
        ["项目名称", "甲项目", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "实施期", "年度"],
        ["产出指标", "数量指标", "户数", "≥30户", "≥10户"],
    ]
    project = next(p for _, p in read_path(_write(tmp_path, rows)).table.iter_projects())
    assert [(i.period_value, i.annual_value) for i in project.indicators] == [("≥30户", "≥10户")]


def test_a_tree_of_units_and_their_projects(tmp_path: Path) -> None:
    """单位代码 | 预算单位 | 本年预算 …: a unit's row heads its projects (names in its column)."""
    rows = [
        [
            "单位代码",
            "预算单位",
            "本年预算",
            "绩效目标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
        ],
        ["206", "某市文化广电旅游局", "45", "", "", "", "", ""],
        ["", "非遗保护传承", "45", "完成非遗项目记录", "产出指标", "数量指标", "记录项目数", "8项"],
        ["", "", "", "", "满意度指标", "服务对象满意度指标", "传承人满意度", "≥90%"],
        ["206003", "某市图书馆", "12", "", "", "", "", ""],
        ["", "阅读推广活动", "12", "开展全民阅读", "产出指标", "数量指标", "举办活动场次", "≥40场"],
    ]
    table = read_path(_write(tmp_path, rows)).table
    assert [(u.name, [(p.name, p.funds.total) for p in u.projects]) for u in table.units] == [
        ("某市文化广电旅游局", [("非遗保护传承", Decimal("45"))]),
        ("某市图书馆", [("阅读推广活动", Decimal("12"))]),
    ]
    assert [i.name for i in table.units[0].projects[0].indicators] == ["记录项目数", "传承人满意度"]


def test_labels_spread_over_cells(tmp_path: Path) -> None:
    """``专　项 | 名　称`` in two cells; ``绩 | 效 | 指 | 标`` one character a row on the left."""
    rows = [
        ["专　项", "名　称", "老年人助餐服务", "", ""],
        ["年度", "预算", "36", "", ""],
        ["绩", "一级指标", "二级指标", "三级指标", "指标值"],
        ["效", "产出指标", "数量指标", "助餐服务人次", "≥5万人次"],
        ["指", "效益指标", "社会效益指标", "老年人就餐便利度", "明显提高"],
        ["标", "满意度指标", "服务对象满意度指标", "就餐老人满意度", "≥92%"],
    ]
    project = next(p for _, p in read_path(_write(tmp_path, rows)).table.iter_projects())
    assert (project.name, project.funds.total) == ("老年人助餐服务", Decimal("36"))
    assert [i.name for i in project.indicators] == [
        "助餐服务人次",
        "老年人就餐便利度",
        "就餐老人满意度",
    ]


def test_label_value_pairs_whose_value_reads_like_a_label(tmp_path: Path) -> None:
    """项目名称 | 某某衔接资金 | 主管部门 | 某局: the name is a value although it says 资金."""
    rows = [
        ["项目名称", "乡村振兴衔接资金", "主管部门", "某县乡村振兴局"],
        ["项目资金", "500", "其中：财政拨款", "500"],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "支持项目个数", "≥12个"],
    ]
    table = read_path(_write(tmp_path, rows)).table
    [(unit, project)] = list(table.iter_projects())
    assert (unit.name, project.name) == ("某县乡村振兴局", "乡村振兴衔接资金")
    assert (project.funds.total, project.funds.fiscal) == (Decimal("500"), Decimal("500"))


def test_a_department_list_filled_on_each_group_s_first_row(tmp_path: Path) -> None:
    """资金使用单位 | 项目 | 预算数 …: unit and project only on their first row."""
    rows = [
        ["资金使用单位", "项目", "预算数", "一级指标", "二级指标", "指标名称", "年度指标值"],
        ["某街道办事处", "环境卫生整治", "60", "产出指标", "数量指标", "清扫面积", "≥30万平方米"],
        ["", "", "", "效益指标", "生态效益指标", "垃圾清运及时率", "100%"],
        ["", "社区治理补助", "15", "产出指标", "数量指标", "补助社区数", "6个"],
        ["某镇人民政府", "农村道路养护", "25", "产出指标", "质量指标", "道路完好率", "≥90%"],
    ]
    table = read_path(_write(tmp_path, rows)).table
    assert [(u.name, [p.name for p in u.projects]) for u in table.units] == [
        ("某街道办事处", ["环境卫生整治", "社区治理补助"]),
        ("某镇人民政府", ["农村道路养护"]),
    ]
    first = table.units[0].projects[0]
    assert [(i.level1, i.level2, i.annual_value) for i in first.indicators] == [
        ("1", "11", "≥30万平方米"),
        ("2", "23", "100%"),
    ]


def test_a_sign_off_row_with_labels_and_values_in_their_own_cells(tmp_path: Path) -> None:
    """填表人： | 王芳 | 联系电话： | 0731-5555: each value in the cell after its label."""
    rows = [
        ["项目名称", "甲项目", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "户数", "≥10户"],
        ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"],
        ["", "", "", ""],
        ["填表人：", "王芳", "联系电话：", "0731-5555"],
    ]
    signoff = read_path(_write(tmp_path, rows)).table.signoff
    assert (signoff.preparer, signoff.phone) == ("王芳", "0731-5555")
