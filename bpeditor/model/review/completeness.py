"""Completeness (C1, C4–C6), the 2021 guide's set (F1) and transfer projects (T1).

C2 and C3 are today's ``project-missing-level1``/``project-missing-recommended-level1`` checks.
C6 reads the 项目期 as the form's fields do (:func:`bpeditor.model.declaration.period_years`): a
项目期 that reading cannot make out gets ``project-period-unreadable`` instead, never a guess.
"""

from __future__ import annotations

import re

from bpeditor.model.declaration import period_years
from bpeditor.model.review.scope import (
    EFFECT,
    SATISFACTION_L1,
    Scope,
    is_cost,
    level1_label,
)
from bpeditor.model.table import Indicator

_ONLY_SYMBOLS = re.compile(r"^[\s*＊_＿\-－—–~～·.。、/／]+$")


def check(scope: Scope) -> None:
    """C1, C4, C5, C6, F1 and T1 on one project."""
    project = scope.project
    goal = project.goal.strip()
    if scope.on("C1") and goal and _ONLY_SYMBOLS.match(goal):
        scope.add("C1", f"{scope.label}的绩效目标“{goal}”只有符号：写明项目要达到的目标", "goal")
    indicators = project.indicators
    if scope.on("C4"):
        for i, indicator in enumerate(indicators):
            if indicator.level2 and not indicator.name.strip() and _no_values(indicator):
                level2 = indicator.level2_label or indicator.level2
                scope.add(
                    "C4",
                    f"{scope.label}第 {i + 1} 行在二级指标“{level2}”"
                    "下没有三级指标和指标值：填写指标或删除这一行",
                    "name",
                    i,
                )
    if (
        scope.on("C5")
        and scope.rules.thresholds.require_cost
        and indicators
        and not any(is_cost(i) and i.name.strip() for i in indicators)
    ):
        scope.add(
            "C5",
            f"{scope.label}没有成本指标：在产出指标下增加成本指标，"
            "如“项目成本控制率 ≤100%”或“人均培训成本 ≤550元/人·天”",
            "indicators",
        )
    if scope.on("C6"):
        _check_multi_year(scope)
    if scope.on("F1"):
        _check_guide_2021(scope)
    if scope.on("T1"):
        _check_transfer(scope)


def _no_values(indicator: Indicator) -> bool:
    return not indicator.period_value.strip() and not indicator.annual_value.strip()


def _check_multi_year(scope: Scope) -> None:
    project = scope.project
    years = period_years(project.period)
    if years is None or years <= 1:
        return
    if not project.period_goal.strip():
        scope.add(
            "C6",
            f"{scope.label}的项目期“{project.period}”超过一年，但没有实施期目标：填写实施期目标",
            "period_goal",
        )
    elif project.indicators and all(not i.period_value.strip() for i in project.indicators):
        scope.add(
            "C6",
            f"{scope.label}的项目期“{project.period}”超过一年，但没有实施周期指标值：逐项填写",
            "indicators",
        )


def _check_guide_2021(scope: Scope) -> None:
    indicators = scope.project.indicators
    guide = [i.level1.startswith("G") for i in indicators if i.level1]
    if not guide or not any(guide):
        return
    if not all(guide):
        scope.add(
            "F1",
            f"{scope.label}混用了两套指标体系（2021 版四类与原三类）：统一改为一套",
            "indicators",
        )
    elif not any(i.level1 == "G2" and i.name.strip() for i in indicators):
        scope.add(
            "F1",
            f"{scope.label}按 2021 版指标体系填报，但成本指标（一级）下没有三级指标：增加成本指标",
            "indicators",
        )


def _check_transfer(scope: Scope) -> None:
    project = scope.project
    if "转移支付" not in project.name and "转移支付" not in project.attribute:
        return
    present = {level1_label(i) for i in project.indicators if i.name.strip()}
    missing = [
        text
        for text, ok in (
            ("年度目标", bool(project.goal.strip())),
            ("效益指标", EFFECT in present),
            ("满意度指标", SATISFACTION_L1 in present),
        )
        if not ok
    ]
    empty_output = [
        i
        for i, indicator in enumerate(project.indicators)
        if indicator.level1 in ("1", "G1") and not indicator.name.strip()
    ]
    if missing:
        scope.add(
            "T1",
            f"转移支付{scope.label}缺少{'、'.join(missing)}：转移支付项目必须填写完整",
            "goal" if "年度目标" in missing else "indicators",
        )
    for i in empty_output:
        scope.add("T1", f"转移支付{scope.label}第 {i + 1} 行产出指标是空的：填写或删除", "name", i)
