"""Tables written for these tests in other provinces' conventions, and the files clerks hold.

Each table is a grid of cell texts with its merged ranges (a merged range's text in its
top-left cell), rendered as the four files a clerk may hold: the ``.tsv`` Excel/WPS put on the
clipboard, the web page's ``.html``, a workbook (``.xlsx``) and a Word table (``.docx``). The
expected results are written out by hand, as a careful reader would extract them; none of the
wordings is copied from ``../shared/samples/real``.
"""

from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
from docx import Document

Merge = tuple[int, int, int, int]
"""First row, first column, last row, last column (0-based, inclusive)."""

RENDITIONS = ("tsv", "html", "xlsx", "docx")


@dataclass
class Expected:
    """What a careful person extracts: reporting unit, units, projects, indicators."""

    reporting_unit: str
    units: list[tuple[str, list[ExpectedProject]]]
    one_value: bool = False
    """One value column: 实施期 may be blank or the 年度 value."""


@dataclass
class ExpectedProject:
    """A project's name, annual amounts (total, fiscal, other), goal and indicators."""

    name: str
    amounts: tuple[str | None, str | None, str | None]
    goal: str
    indicators: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    """(一级 code, 二级 code, 三级 name, 实施期 value, 年度 value)."""


@dataclass
class Sheet:
    """A table as a grid: rows of texts (padded to one width) and merged ranges."""

    name: str
    rows: list[list[str]]
    merges: list[Merge]
    expected: Expected

    def __post_init__(self) -> None:
        width = max(map(len, self.rows))
        for row in self.rows:
            row.extend([""] * (width - len(row)))

    def write(self, folder: Path, rendition: str) -> Path:
        """The table saved as ``<name>.<rendition>`` in ``folder``."""
        path = folder / f"{self.name}.{rendition}"
        if rendition == "tsv":
            buffer = io.StringIO()
            csv.writer(buffer, dialect="excel-tab", lineterminator="\r\n").writerows(self.rows)
            path.write_text(buffer.getvalue(), encoding="utf-8")
        elif rendition == "html":
            path.write_text(self.html(), encoding="utf-8")
        elif rendition == "xlsx":
            self.xlsx(path)
        else:
            self.docx(path)
        return path

    def covered(self) -> dict[tuple[int, int], Merge]:
        """Every cell a merged range covers (its top-left included), with the range."""
        return {
            (r, c): m
            for m in self.merges
            for r in range(m[0], m[2] + 1)
            for c in range(m[1], m[3] + 1)
        }

    def html(self) -> str:
        """The table as a web page holds it (rowspan, colspan)."""
        covered = self.covered()
        lines = ['<html><head><meta charset="utf-8"></head><body><table border="1">']
        for r, row in enumerate(self.rows):
            cells = []
            for c, text in enumerate(row):
                merge = covered.get((r, c))
                if merge is not None and (merge[0], merge[1]) != (r, c):
                    continue
                span = ""
                if merge is not None:
                    span = (
                        f' rowspan="{merge[2] - merge[0] + 1}" colspan="{merge[3] - merge[1] + 1}"'
                    )
                body = html.escape(text).replace("\n", "<br>")
                cells.append(f"<td{span}>{body}</td>")
            lines.append("<tr>" + "".join(cells) + "</tr>")
        lines.append("</table></body></html>")
        return "\n".join(lines)

    def xlsx(self, path: Path) -> None:
        """The table as a legacy workbook with the same merged cells."""
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "绩效目标"
        for r, row in enumerate(self.rows, start=1):
            for c, text in enumerate(row, start=1):
                if text:
                    ws.cell(r, c).value = text
        for r0, c0, r1, c1 in self.merges:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
        wb.save(path)

    def docx(self, path: Path) -> None:
        """The table as a Word table with the same merged cells."""
        doc = Document()
        table = doc.add_table(rows=len(self.rows), cols=len(self.rows[0]))
        for r, row in enumerate(self.rows):
            for c, text in enumerate(row):
                if text:
                    table.cell(r, c).text = text
        for r0, c0, r1, c1 in self.merges:
            table.cell(r0, c0).merge(table.cell(r1, c1))
        doc.save(str(path))


def _across(row: int, first: int, last: int) -> Merge:
    return (row, first, row, last)


def _down(col: int, first: int, last: int) -> Merge:
    return (first, col, last, col)


# ---------------------------------------------------------------------------------------------
# 1. A Jiangsu-style application form: a label spread over two cells (项　目 | 名　称),
#    label | value pairs on one row, a 中期 and a 年度 value column, 满意度 inside the 效益
#    block, the 绩效指标 block label merged down the left, a sign-off row under the grid.

WATER_FORM = Sheet(
    "water_form",
    [
        ["2025年度市级部门项目绩效目标申报表"],
        ["填报单位（盖章）：某市水务局"],
        ["项　目", "名　称", "城区排水管网清淤"],
        ["主管部门", "", "[105]某市水务局", "", "", "实施单位", "某市排水管理处"],
        ["资金情况（万元）", "", "年度预算数", "86.5", "其中：财政拨款", "80", "自筹资金", "6.5"],
        ["年度绩效目标", "", "1.完成城区主干管网清淤；\n2.确保汛期排水通畅。"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "", "中期指标值", "年度指标值", "备注"],
        ["", "产出指标", "数量指标", "清淤管网长度", "", "≥120公里", "≥40公里", ""],
        ["", "", "", "清淤淤泥量", "", "≥9000吨", "≥3000吨", ""],
        ["", "", "时效指标", "汛前完成清淤", "", "每年5月底前", "5月底前", ""],
        ["", "效益指标", "社会效益指标", "城区内涝点", "", "逐年减少", "≤3处", ""],
        ["", "", "服务对象满意度指标", "沿街居民满意度", "", "≥85%", "≥85%", ""],
        ["填表人：张敏", "", "", "", "联系电话：0516-1234567"],
    ],
    [
        _across(0, 0, 7),
        _across(1, 0, 7),
        _across(2, 2, 7),
        _across(3, 0, 1),
        _across(3, 2, 4),
        _across(3, 6, 7),
        _across(4, 0, 1),
        _across(5, 0, 1),
        _across(5, 2, 7),
        _down(0, 6, 11),
        _across(6, 3, 4),
        _down(1, 7, 9),
        _down(2, 7, 8),
        _down(1, 10, 11),
        *(_across(r, 3, 4) for r in range(7, 12)),
        _across(12, 0, 3),
        _across(12, 4, 7),
    ],
    Expected(
        "某市水务局",
        [
            (
                "某市排水管理处",
                [
                    ExpectedProject(
                        "城区排水管网清淤",
                        ("86.5", "80", "6.5"),
                        "1.完成城区主干管网清淤；\n2.确保汛期排水通畅。",
                        [
                            ("1", "11", "清淤管网长度", "≥120公里", "≥40公里"),
                            ("1", "11", "清淤淤泥量", "≥9000吨", "≥3000吨"),
                            ("1", "13", "汛前完成清淤", "每年5月底前", "5月底前"),
                            ("2", "22", "城区内涝点", "逐年减少", "≤3处"),
                            ("3", "31", "沿街居民满意度", "≥85%", "≥85%"),
                        ],
                    )
                ],
            )
        ],
    ),
)

# ---------------------------------------------------------------------------------------------
# 2. A Zhejiang-style department tree: 单位编码 | 单位名称 | 预算数 | 年度绩效目标 | 一级…, a
#    unit's row (code, name, amount) heads its projects, whose names stand in the 单位名称
#    column; project cells merged down their indicator rows; one 目标值 column.

HEALTH_TREE = Sheet(
    "health_tree",
    [
        ["2024年部门项目支出绩效目标表"],
        ["编制单位：某县卫生健康局", "", "", "", "", "", "", "金额单位：万元"],
        [
            "单位编码",
            "单位名称",
            "预算数",
            "年度绩效目标",
            "一级指标",
            "二级指标",
            "三级指标",
            "目标值",
        ],
        ["418001", "某县卫生健康局本级", "150.00"],
        [
            "",
            "基层医疗卫生机构运行补助",
            "120.00",
            "保障15家基层医疗机构正常运转",
            "产出指标",
            "数量指标",
            "补助机构数",
            "15家",
        ],
        ["", "", "", "", "", "质量指标", "资金到位率", "100%"],
        ["", "", "", "", "效益指标", "社会效益指标", "基层首诊率", "≥65%"],
        [
            "",
            "家庭医生签约服务",
            "30.00",
            "签约服务覆盖重点人群",
            "产出指标",
            "数量指标",
            "签约人数",
            "≥2.4万人",
        ],
        ["", "", "", "", "满意度指标", "服务对象满意度指标", "签约居民满意度", "≥90%"],
        ["418002", "某县人民医院", "80.00"],
        [
            "",
            "医疗设备购置",
            "80.00",
            "更新CT等大型设备",
            "产出指标",
            "数量指标",
            "购置设备台数",
            "3台",
        ],
        ["", "", "", "", "效益指标", "社会效益指标", "检查预约等待天数", "≤2天"],
    ],
    [
        _across(0, 0, 7),
        _across(1, 0, 6),
        *(_down(c, 4, 6) for c in (1, 2, 3)),
        _down(4, 4, 5),
        *(_down(c, 7, 8) for c in (1, 2, 3)),
        *(_down(c, 10, 11) for c in (1, 2, 3)),
    ],
    Expected(
        "某县卫生健康局",
        [
            (
                "某县卫生健康局本级",
                [
                    ExpectedProject(
                        "基层医疗卫生机构运行补助",
                        ("120.00", None, None),
                        "保障15家基层医疗机构正常运转",
                        [
                            ("1", "11", "补助机构数", "15家", "15家"),
                            ("1", "12", "资金到位率", "100%", "100%"),
                            ("2", "22", "基层首诊率", "≥65%", "≥65%"),
                        ],
                    ),
                    ExpectedProject(
                        "家庭医生签约服务",
                        ("30.00", None, None),
                        "签约服务覆盖重点人群",
                        [
                            ("1", "11", "签约人数", "≥2.4万人", "≥2.4万人"),
                            ("3", "31", "签约居民满意度", "≥90%", "≥90%"),
                        ],
                    ),
                ],
            ),
            (
                "某县人民医院",
                [
                    ExpectedProject(
                        "医疗设备购置",
                        ("80.00", None, None),
                        "更新CT等大型设备",
                        [
                            ("1", "11", "购置设备台数", "3台", "3台"),
                            ("2", "22", "检查预约等待天数", "≤2天", "≤2天"),
                        ],
                    )
                ],
            ),
        ],
        one_value=True,
    ),
)

# ---------------------------------------------------------------------------------------------
# 3. Chongqing/Sichuan-style stacked forms in one sheet: label | value | label | value head
#    rows, 其中 lines by level of government summed into 财政拨款, sign | value | unit in three
#    columns with words for signs, a 权重 column, a blank row and a repeated title between.

FARM_STACK = Sheet(
    "farm_stack",
    [
        ["项目支出绩效目标表"],
        ["项目名称", "粮油高产创建", "", "项目属性", "延续"],
        ["主管部门", "(820001)某区农业农村委", "", "实施单位", "某区农技推广站"],
        ["项目资金", "中央", "20", "市级", "15", "区级", "5"],
        ["年度目标", "建成高产示范片5个，带动全区粮油单产提高。"],
        ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "度量单位", "权重"],
        ["产出指标", "数量指标", "建设高产示范片", "大于等于", "5", "个", "20"],
        ["", "质量指标", "技术培训合格率", "≥", "95", "%", "20"],
        ["", "时效指标", "年底前完成建设", "定性", "按时完成", "", "10"],
        ["效益指标", "经济效益指标", "示范片亩均增收", "不低于", "200", "元", "20"],
        ["满意度指标", "服务对象满意度指标", "种植户满意度", "≥", "90", "%", "10"],
        [""],
        ["项目支出绩效目标表"],
        ["项目名称", "耕地地力保护补贴发放", "", "项目属性", "新增"],
        ["主管部门", "(820001)某区农业农村委", "", "实施单位", "某区农业经营服务中心"],
        ["项目资金", "中央", "310.6"],
        ["年度目标", "按时足额发放补贴，保护耕地地力。"],
        ["一级指标", "二级指标", "三级指标", "指标值类型", "指标值", "度量单位", "权重"],
        ["产出指标", "数量指标", "补贴面积", "≥", "15.5", "万亩", "30"],
        ["", "时效指标", "补贴发放时间", "小于等于", "6", "月", "20"],
        ["效益指标", "社会效益指标", "种粮农民收入", "定性", "稳步增加", "", "30"],
        ["满意度指标", "服务对象满意度指标", "补贴对象满意度", "≥", "95", "%", "10"],
    ],
    [
        _across(0, 0, 6),
        _across(1, 1, 2),
        _across(1, 4, 6),
        _across(2, 1, 2),
        _across(2, 4, 6),
        _across(4, 1, 6),
        _down(0, 6, 8),
        _across(12, 0, 6),
        _across(13, 1, 2),
        _across(13, 4, 6),
        _across(14, 1, 2),
        _across(14, 4, 6),
        _across(15, 2, 6),
        _across(16, 1, 6),
        _down(0, 18, 19),
    ],
    Expected(
        "某区农业农村委",
        [
            (
                "某区农技推广站",
                [
                    ExpectedProject(
                        "粮油高产创建",
                        ("40", "40", None),
                        "建成高产示范片5个，带动全区粮油单产提高。",
                        [
                            ("1", "11", "建设高产示范片", "≥5个", "≥5个"),
                            ("1", "12", "技术培训合格率", "≥95%", "≥95%"),
                            ("1", "13", "年底前完成建设", "按时完成", "按时完成"),
                            ("2", "21", "示范片亩均增收", "≥200元", "≥200元"),
                            ("3", "31", "种植户满意度", "≥90%", "≥90%"),
                        ],
                    )
                ],
            ),
            (
                "某区农业经营服务中心",
                [
                    ExpectedProject(
                        "耕地地力保护补贴发放",
                        ("310.6", "310.6", None),
                        "按时足额发放补贴，保护耕地地力。",
                        [
                            ("1", "11", "补贴面积", "≥15.5万亩", "≥15.5万亩"),
                            ("1", "13", "补贴发放时间", "≤6月", "≤6月"),
                            ("2", "22", "种粮农民收入", "稳步增加", "稳步增加"),
                            ("3", "31", "补贴对象满意度", "≥95%", "≥95%"),
                        ],
                    )
                ],
            ),
        ],
        one_value=True,
    ),
)

# ---------------------------------------------------------------------------------------------
# 4. A disclosure summary whose indicators are packed in one cell with 【】 headings, amounts
#    headed 预算数, the unit's subtotal row before its projects.

JUSTICE_SUMMARY = Sheet(
    "justice_summary",
    [
        ["某区司法局2025年项目支出绩效目标表"],
        ["单位名称：某区司法局", "", "", "", "单位：万元"],
        ["项目名称", "预算数", "其中：财政拨款", "绩效目标", "绩效指标"],
        ["某区司法局", "68.00", "68.00", "", ""],
        [
            "人民调解以案定补",
            "48.00",
            "48.00",
            "落实人民调解以案定补，提升调解质量。",
            "【产出指标-数量指标】\n指标1:调解案件数(≥1200件)\n【产出指标-质量指标】\n"
            "指标1:调解成功率(≥95%)\n【效益指标-社会效益指标】\n指标1:矛盾纠纷化解率(逐步提高)\n"
            "【满意度指标】\n指标1:当事人满意度(≥90%)",
        ],
        [
            "社区矫正经费",
            "20.00",
            "20.00",
            "规范社区矫正监管。",
            "【产出指标-数量指标】\n指标1:监管矫正对象(≥300人)\n【效益指标-社会效益指标】\n"
            "指标1:矫正期间再犯罪率(≤0.2%)",
        ],
    ],
    [_across(0, 0, 4), _across(1, 0, 3)],
    Expected(
        "某区司法局",
        [
            (
                "某区司法局",
                [
                    ExpectedProject(
                        "人民调解以案定补",
                        ("48.00", "48.00", None),
                        "落实人民调解以案定补，提升调解质量。",
                        [
                            ("1", "11", "调解案件数", "≥1200件", "≥1200件"),
                            ("1", "12", "调解成功率", "≥95%", "≥95%"),
                            ("2", "22", "矛盾纠纷化解率", "逐步提高", "逐步提高"),
                            ("3", "31", "当事人满意度", "≥90%", "≥90%"),
                        ],
                    ),
                    ExpectedProject(
                        "社区矫正经费",
                        ("20.00", "20.00", None),
                        "规范社区矫正监管。",
                        [
                            ("1", "11", "监管矫正对象", "≥300人", "≥300人"),
                            ("2", "22", "矫正期间再犯罪率", "≤0.2%", "≤0.2%"),
                        ],
                    ),
                ],
            )
        ],
        one_value=True,
    ),
)

# ---------------------------------------------------------------------------------------------
# 5. A Hunan 2025-style form: 成本指标 as the first 一级 (the 2021 guide's set), one-level
#    labels with scores, a two-row header whose 指标值 splits into last year's actual and this
#    year's target, 项目支出名称 / 主管预算部门 / amounts with units.

POLICE_FORM = Sheet(
    "police_form",
    [
        ["项目支出名称", "执法记录仪购置", "", "主管预算部门", "430101 某市城管执法局"],
        ["年度资金总额", "12.5万元", "", "其中：一般公共预算", "12.5万元"],
        ["年度绩效目标", "为一线执法队员配齐执法记录仪，实现执法全过程记录。"],
        ["一级指标", "二级指标", "三级指标", "指标值", ""],
        ["", "", "", "2024年实际完成值", "2025年目标值"],
        ["成本指标(10分)", "经济成本指标", "单台购置成本", "0.26万元", "≤0.25万元"],
        ["产出指标(40分)", "数量指标", "购置执法记录仪", "30台", "50台"],
        ["", "质量指标", "设备验收合格率", "100%", "100%"],
        ["效益指标(40分)", "社会效益指标", "执法规范化水平", "有所提升", "明显提升"],
        ["满意度指标(10分)", "服务对象满意度指标", "执法对象满意度", "88%", "≥90%"],
    ],
    [
        _across(0, 1, 2),
        _across(1, 1, 2),
        _across(2, 1, 4),
        _down(0, 3, 4),
        _down(1, 3, 4),
        _down(2, 3, 4),
        _across(3, 3, 4),
        _down(0, 6, 7),
    ],
    Expected(
        "某市城管执法局",
        [
            (
                "某市城管执法局",
                [
                    ExpectedProject(
                        "执法记录仪购置",
                        ("12.5", "12.5", None),
                        "为一线执法队员配齐执法记录仪，实现执法全过程记录。",
                        [
                            # 成本指标 printed as a 一级: the whole table is in the 2021 set
                            ("G2", "G21", "单台购置成本", "≤0.25万元", "≤0.25万元"),
                            ("G1", "G11", "购置执法记录仪", "50台", "50台"),
                            ("G1", "G12", "设备验收合格率", "100%", "100%"),
                            ("G3", "G32", "执法规范化水平", "明显提升", "明显提升"),
                            ("G4", "G41", "执法对象满意度", "≥90%", "≥90%"),
                        ],
                    )
                ],
            )
        ],
        one_value=True,
    ),
)

TABLES = (WATER_FORM, HEALTH_TREE, FARM_STACK, JUSTICE_SUMMARY, POLICE_FORM)
