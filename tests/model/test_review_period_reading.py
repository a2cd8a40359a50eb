"""The reviewer's 项目期 rules (C6, K6) read the 项目期 as the form's fields and checks do.

One reading (``model.declaration.period_years``): a 项目期 it reads is judged by C6/K6; one it
cannot read gets ``project-period-unreadable`` and no rule pretends to know how long it is.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from bpeditor.model.review import check_project
from bpeditor.model.review.rules import RuleSet
from bpeditor.model.table import Funds, Indicator, Project

INDICATORS = [
    Indicator("1", "产出指标", "11", "数量指标", "巡查次数", "12次", "12次"),
    Indicator("1", "产出指标", "14", "成本指标", "项目成本控制率", "≤100%", "≤100%"),
    Indicator("2", "效益指标", "22", "社会效益指标", "通关保障率", "100%", "100%"),
    Indicator("3", "满意度指标", "31", "服务对象满意度指标", "查验单位满意度", "≥95%", "≥95%"),
]


def project(period: str, *, period_value: str = "12次", goal: str = "") -> Project:
    """A project passing every rule but maybe C6/K6: 项目期 ``period``, 实施期 amounts, no goal.

    ``period_value`` is the first indicator's 实施周期 value (its 年度 value is 12次).
    """
    indicators = [
        Indicator(
            i.level1,
            i.level1_label,
            i.level2,
            i.level2_label,
            i.name,
            period_value if n == 0 else i.period_value,
            i.annual_value,
        )
        for n, i in enumerate(INDICATORS)
    ]
    return Project(
        "口岸巡查",
        Funds(Decimal(40), Decimal(40)),
        "全年巡查到位。",
        indicators,
        period=period,
        period_goal=goal,
        period_funds=Funds(Decimal(120), Decimal(120)),
    )


def codes(p: Project) -> list[str]:
    return [f.code for f in check_project(p, 0, 0, RuleSet())]


@pytest.mark.parametrize(
    "period",
    [
        "36个月",
        "18个月",
        "2025年1月-2027年12月",
        "三年",
        "2025年起3年",  # was read as one year (the only year written is 2025)
        "实施期3年",
        "3年（2025-2027年）",
        "2025年1月1日-2027年12月31日",
    ],
)
def test_a_multi_year_project_without_its_goal_is_c6(period: str) -> None:
    # 36个月 was not read as years by the rules' own reading, so C6 let it pass
    assert codes(project(period)) == ["C6"]
    assert codes(project(period, goal="三年巡查到位。")) == []


@pytest.mark.parametrize("period", ["长期", "3年(2025年-2026年)", "2025年以后"])
def test_an_unreadable_period_is_said_once_not_guessed(period: str) -> None:
    # no C6 or K6 built on a guess beside the finding that the 项目期 cannot be read
    findings = codes(project(period, period_value="24次"))
    assert findings == ["project-period-unreadable"]


def test_a_one_year_project_with_differing_values_is_k6() -> None:
    assert codes(project("12个月", period_value="24次")) == ["K6"]
    assert codes(project("2025年1月-12月", period_value="24次")) == ["K6"]
    assert codes(project("1年", period_value="12次")) == []
