"""Every reviewer's rule: a bad example that it flags and a good one that it leaves alone."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from bpeditor.io.registry import read_path
from bpeditor.model.review import check_project, check_table
from bpeditor.model.review.rules import RULES, STRICT, Grade, RuleSet, Thresholds
from bpeditor.model.table import Funds, Indicator, Project, Table, Unit
from bpeditor.model.validation import Severity

LEVEL1 = {"1": "产出指标", "2": "效益指标", "3": "满意度指标"}
LEVEL2 = {
    "11": "数量指标",
    "12": "质量指标",
    "13": "时效指标",
    "14": "成本指标",
    "21": "经济效益指标",
    "22": "社会效益指标",
    "31": "服务对象满意度指标",
}


def ind(
    level2: str, name: str, period: str, annual: str | None = None, note: str = ""
) -> Indicator:
    """An indicator of the official set in 二级 ``level2``."""
    level1 = level2[0] if not level2.startswith("G") else level2[:2]
    return Indicator(
        level1=level1,
        level1_label=LEVEL1.get(level1, ""),
        level2=level2,
        level2_label=LEVEL2.get(level2, ""),
        name=name,
        period_value=period,
        annual_value=period if annual is None else annual,
        note=note,
    )


BASE = [
    ind("11", "供水保障月数", "12个月"),
    ind("14", "项目成本控制率", "≤100%"),
    ind("22", "口岸车检场全年通关保障率", "100%"),
    ind("31", "口岸查验单位满意度", "≥95%"),
]


def project(*extra: Indicator, replace_base: bool = False, **fields: object) -> Project:
    """A project that passes every rule, plus ``extra`` indicators."""
    indicators = list(extra) if replace_base else [*BASE, *extra]
    data: dict[str, object] = {
        "name": "口岸车检场水电费",
        "funds": Funds(Decimal("40.00"), Decimal("40.00")),
        "goal": "保障口岸车检场全年水电供应到位。",
        "indicators": indicators,
    }
    data.update(fields)
    return Project(**data)  # type: ignore[arg-type]


def only(*indicators: Indicator, **fields: object) -> Project:
    """A project with just these indicators."""
    return project(*indicators, replace_base=True, **fields)


def codes(p: Project, rules: RuleSet | None = None) -> list[str]:
    return [f.code for f in check_project(p, 0, 0, rules or RuleSet())]


def test_a_good_project_has_no_finding() -> None:
    assert codes(project()) == []


CASES = [
    # (rule, bad project, good project)
    ("C1", project(goal="******"), project(goal="保障水电供应。")),
    ("C4", project(Indicator("1", "产出指标", "12", "质量指标")), project()),
    ("C5", only(*[BASE[0], BASE[2], BASE[3]]), project()),
    (
        "C5",
        only(*[BASE[0], BASE[2], BASE[3]]),
        only(BASE[0], BASE[2], BASE[3], ind("14", "人均培训成本", "≤550元/人·天")),
    ),
    (
        "C6",
        project(period="2025年-2027年"),
        project(period="2025年-2027年", period_goal="三年保障"),
    ),
    (
        "V1",
        project(ind("11", "举办及参与政策宣讲会次数(场)", "≥10")),
        project(ind("11", "举办及参与政策宣讲会次数(场)", "≥10场")),
    ),
    ("V1", project(ind("12", "设备完好率", "≥")), project(ind("12", "设备完好率", "≥95%"))),
    ("V2", project(ind("12", "设备完好率", "*")), project(ind("12", "设备完好率", "≥98%"))),
    (
        "V3",
        project(ind("22", "编外人员有效支持单位正常运作", "效果显著")),
        project(ind("22", "单位运转评价得分", "≥85分")),
    ),
    ("V4", project(ind("12", "设备完好率", "≥98个")), project(ind("12", "设备完好率", "≥98%"))),
    ("V4", project(ind("12", "设备完好率", "120%")), project(ind("21", "营业收入增长率", "120%"))),
    (
        "V5",
        project(ind("13", "编外人员工资发放及时率", "按时发放")),
        project(ind("13", "编外人员工资发放时间", "每月10日前")),
    ),
    (
        "V6",
        project(ind("14", "运行成本", "控制在预算内")),
        project(ind("14", "运行成本", "≤25万元")),
    ),
    ("V7", project(ind("14", "运行成本", "≤500万元")), project(ind("14", "运行成本", "≤35万元"))),
    ("V8", project(ind("11", "资金拨付标准", "≥500万元")), project(ind("11", "巡查次数", "≥12次"))),
    (
        "V9",
        project(ind("11", "巡查次数", "≥12次（" + "说明" * 110 + "）")),
        project(ind("11", "巡查次数", "≥12次")),
    ),
    (
        "K2",
        project(ind("13", "口岸基础和配套设施建设质量验收合格率", "100%")),
        project(ind("12", "口岸基础和配套设施建设质量验收合格率", "100%")),
    ),
    (
        "K2",
        project(ind("12", "口岸基础和配套设施维护及时率", "100%")),
        project(ind("12", "设施设备报修修复率", "≥98%")),
    ),
    ("K2", project(ind("22", "群众满意度", "≥90%")), project(ind("22", "满意度调查次数", "2次"))),
    (
        "K3",
        project(ind("22", "安全事故发生次数", "≥0次")),
        project(ind("22", "安全事故发生次数", "＝0次")),
    ),
    ("K3", project(ind("12", "投诉率", "≥1%")), project(ind("12", "投诉处理率", "≥95%"))),
    (
        "K4",
        project(ind("11", "组织健康检查、卫生知识培训", "各1次")),
        project(ind("11", "组织健康检查次数", "1次")),
    ),
    (
        "K6",
        project(ind("11", "巡查次数", "24次", "12次"), period="1年"),
        project(
            ind("11", "巡查次数", "24次", "12次"), period="2025年-2026年", period_goal="两年巡查"
        ),
    ),
    (
        "K7",
        project(goal="全年培训280人次。"),
        project(ind("11", "培训人次", "≥280人次"), goal="全年培训280人次。"),
    ),
    (
        "K8",
        only(*[ind(i.level2, i.name, i.period_value, note="20") for i in BASE]),
        only(*[ind(i.level2, i.name, i.period_value, note="25") for i in BASE]),
    ),
    (  # the 权重 field where it is filled (备注 then says something else)
        "K8",
        only(
            *[
                replace(ind(i.level2, i.name, i.period_value, note="见台账"), weight="20")
                for i in BASE
            ]
        ),
        only(
            *[
                replace(ind(i.level2, i.name, i.period_value, note="20"), weight="25分")
                for i in BASE
            ]
        ),
    ),
    ("N1", project(ind("11", "数量指标", "12次")), project(ind("11", "巡查次数", "12次"))),
    (
        "N2",
        project(ind("11", "口岸车检场水电费", "12个月")),
        project(ind("11", "供电保障月数", "12个月")),
    ),
    (
        "N3",
        project(ind("31", "查验单位满意度达到90%", "")),
        project(ind("31", "查验单位满意度", "≥90%")),
    ),
    (
        "S1",
        project(ind("31", "就餐人员满意度", "满意")),
        project(ind("31", "就餐人员满意度", "≥90%")),
    ),
    (
        "S2",
        project(ind("31", "就餐人员满意度", "≥70%")),
        project(ind("31", "就餐人员满意度", "≥90%")),
    ),
    (
        "S2",
        project(ind("31", "就餐人员满意度", "100%")),
        project(ind("31", "就餐人员满意度", "≥95%")),
    ),
    ("S3", project(ind("31", "满意度", "≥90%")), project(ind("31", "就餐人员满意度", "≥90%"))),
    ("F1", project(ind("G22", "社会成本", "无"), replace_base=False), project()),
    (
        "F1",
        only(
            *[
                Indicator("G1", "产出指标", "G11", "数量指标", "巡查次数", "12次", "12次"),
                Indicator("G3", "效益指标", "G32", "社会效益指标", "通关保障率", "100%", "100%"),
                Indicator(
                    "G4",
                    "满意度指标",
                    "G41",
                    "服务对象满意度指标",
                    "查验单位满意度",
                    "≥95%",
                    "≥95%",
                ),
            ],
        ),
        only(
            *[
                Indicator("G1", "产出指标", "G11", "数量指标", "巡查次数", "12次", "12次"),
                Indicator(
                    "G2", "成本指标", "G21", "经济成本指标", "运行成本", "≤35万元", "≤35万元"
                ),
                Indicator("G3", "效益指标", "G32", "社会效益指标", "通关保障率", "100%", "100%"),
                Indicator(
                    "G4",
                    "满意度指标",
                    "G41",
                    "服务对象满意度指标",
                    "查验单位满意度",
                    "≥95%",
                    "≥95%",
                ),
            ],
        ),
    ),
    (
        "T1",
        only(*BASE[:2], name="农村公路养护转移支付"),
        project(name="农村公路养护转移支付"),
    ),
]


@pytest.mark.parametrize(
    ("rule", "bad", "good"), CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)]
)
def test_rule_flags_the_bad_example_and_not_the_good(
    rule: str, bad: Project, good: Project
) -> None:
    assert rule in codes(bad)
    assert rule not in codes(good)


@pytest.mark.parametrize(
    ("rule", "legacy", "bad"),
    [
        ("C1", "project-no-goal", project(goal="  ")),
        ("C2", "project-missing-level1", only(*BASE[:2])),
        ("C3", "project-missing-recommended-level1", only(*BASE[:3])),
        ("V1", "value-no-unit", project(ind("11", "发放编外人员工资人数", "≥5"))),
        ("V2", "value-placeholder", project(ind("12", "设备完好率", "≥**%"))),
        ("V4", "value-unit-word", project(ind("12", "设备完好率", "≥100百分比"))),
        ("V9", "indicator-name-too-long", project(ind("11", "巡" * 41 + "次数", "1次"))),
        (
            "K1",
            "indicator-level2-parent",
            project(Indicator("1", "产出指标", "22", "社会效益指标", "通关率", "1%", "1%")),
        ),
        ("K5", "indicator-duplicate-name", project(ind("11", "供水保障月数", "12个月"))),
        ("K6", "value-annual-exceeds-period", project(ind("11", "巡查次数", "12次", "24次"))),
    ],
)
def test_todays_checks_are_part_of_their_rule(rule: str, legacy: str, bad: Project) -> None:
    assert legacy in codes(bad)
    assert legacy not in codes(bad, RuleSet(off=frozenset({rule})))
    assert RULES[rule].legacy and legacy in RULES[rule].legacy


def test_a_rule_switched_off_is_not_run() -> None:
    bad = project(ind("11", "资金拨付标准", "≥500万元"))
    assert "V8" not in codes(bad, RuleSet(off=frozenset({"V8"})))


def test_the_rule_sets_grade_gives_the_severity() -> None:
    bad = project(ind("22", "安全事故发生次数", "≥0次"))
    (default,) = {f.severity for f in check_project(bad, 0, 0, RuleSet()) if f.code == "K3"}
    assert default is Severity.WARNING
    strict = RuleSet(grades={"K3": Grade.RETURN})
    (graded,) = {f.severity for f in check_project(bad, 0, 0, strict) if f.code == "K3"}
    assert graded is Severity.ERROR


def test_thresholds_of_the_rule_set() -> None:
    at_80 = only(*[*BASE[:3], ind("31", "就餐人员满意度", "≥80%")])
    assert "S2" in codes(at_80)
    assert "S2" not in codes(at_80, RuleSet(thresholds=Thresholds(satisfaction_floor=Decimal(80))))
    assert "S2" in codes(at_80, STRICT)
    no_cost = only(*[BASE[0], BASE[2], BASE[3]])
    assert "C5" not in codes(no_cost, RuleSet(thresholds=Thresholds(require_cost=False)))
    long_name = project(ind("11", "巡" * 20 + "次数", "1次"))
    assert "indicator-name-too-long" in codes(
        long_name, RuleSet(thresholds=Thresholds(max_name_length=20))
    )


def test_an_empty_row_under_a_class_is_advice_not_three_errors() -> None:
    found = check_project(project(Indicator("1", "产出指标", "12", "质量指标")), 0, 0, RuleSet())
    assert [(f.code, f.severity, f.location.indicator) for f in found] == [("C4", Severity.INFO, 4)]


def test_the_message_names_the_place_and_the_fix() -> None:
    (finding,) = [
        f
        for f in check_project(project(ind("11", "资金拨付标准", "≥500万元")), 0, 3, RuleSet())
        if f.code == "V8"
    ][:1]
    assert finding.message == (
        "项目“口岸车检场水电费”第 5 个指标“资金拨付标准”的实施周期指标值“≥500万元”是资金投入，"
        "不是产出数量：移到成本指标，数量指标写做了多少事"
    )
    assert (finding.location.unit, finding.location.project, finding.location.indicator) == (
        0,
        3,
        4,
    )
    assert finding.location.field == "level2"


def test_the_samples_findings(sample_path: Path) -> None:
    table = read_path(sample_path).table
    found = {(f.code, f.location.project, f.location.indicator) for f in check_table(table)}
    assert {("C5", p, None) for p in range(9)} <= found
    assert ("V8", 4, 1) in found  # 资金拨付标准 ≥500万元 under 数量
    assert ("K2", 4, 5) in found  # 口岸基础和配套设施建设质量验收合格率 under 时效
    assert ("project-missing-recommended-level1", 7, None) in found  # C3: no 满意度
    assert ("project-missing-recommended-level1", 8, None) in found
    assert ("V1", 7, 0) in found  # ≥10 with (场) in the name
    assert ("K4", 3, 1) in found  # 组织健康检查、卫生知识培训 / 各1次
    assert ("V5", 8, 2) in found  # 按时发放
    assert ("V3", 8, 3) in found  # 效果显著


def test_check_table_on_a_table_names_the_money_unit() -> None:
    cheap = project(
        ind("14", "运行成本", "≤50000元"), funds=Funds(Decimal("40000"), Decimal("40000"))
    )
    table = Table(money_unit="元", units=[Unit("某中心", [cheap])])
    assert "V7" in [f.code for f in check_table(table)]
    table.money_unit = "万元"
    assert "V7" not in [f.code for f in check_table(table)]


@pytest.mark.parametrize(
    ("rule", "indicator"),
    [
        # Found on the real tables in ../shared/samples/real/ and tuned away:
        ("K3", ind("11", "陪审员参审案件数量", "≥900件")),  # cases heard are work done
        ("K3", ind("22", "案件调解率", "≥90%")),  # mediation is the good outcome
        ("K4", ind("11", "邀请校外名师、领导授课人次", "25人次")),  # 、 lists who, one measure
        ("K4", ind("21", "对符合政策法规的独生子伤残、死亡家庭进行扶助", "100%")),
        ("S1", ind("31", "干警满意度", "≥95百分比")),  # value-unit-word already asks for %
    ],
)
def test_real_tables_false_alarms_stay_quiet(rule: str, indicator: Indicator) -> None:
    assert rule not in codes(project(indicator))


def test_a_value_listing_several_counts_is_compound() -> None:
    assert "K4" in codes(project(ind("11", "组织检查和培训", "检查1次、培训2场")))


def test_a_goal_figure_in_batches() -> None:
    goal = "开展农产品质量安全监测，检测批次达到2批次/千人。"
    found = check_project(project(goal=goal), 0, 0, RuleSet())
    (k7,) = [f.message for f in found if f.code == "K7"]
    assert "“2批次”" in k7
