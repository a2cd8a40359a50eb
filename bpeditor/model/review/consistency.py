"""Consistency (K2–K8): class and keyword, direction, compound indicators, goal and values.

K1 is today's class checks (``indicator-unknown-level1`` …), K5 ``indicator-duplicate-name``
and the first half of K6 ``value-annual-exceeds-period``.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import cache

from bpeditor.model.declaration import period_years
from bpeditor.model.review.scope import (
    OFFICIAL_TO_GUIDE,
    VALUE_FIELDS,
    IndicatorScope,
    Scope,
    level2_code,
)
from bpeditor.model.review.words import (
    QUANTITY,
    SATISFACTION,
    head_class,
    is_bad_event_measure,
    stem,
)
from bpeditor.model.table import Indicator
from bpeditor.model.taxonomy import official_label
from bpeditor.model.value import parse_value

_OUTPUT_LEVEL1 = {"1", "G1", "G2"}
_GOAL_FIGURE = re.compile(
    r"(?<![\d.])(\d+(?:\.\d+)?)\s*(人次|批次|万人|人|次|场|个|家|户|台|套|项|公里|千米|平方米|亩|吨|册|期|天|所|座|辆|条|篇|批|%|％)"
)


def target_class(indicator: Indicator) -> str | None:
    """The official 二级 code the indicator's name fits when it is not its class, else ``None``.

    Only quality, timeliness and cost words move an 产出 indicator; a 满意度 word moves any.
    """
    head = head_class(indicator.name)
    if head is None or head == QUANTITY:
        return None
    current = level2_code(indicator)
    if head == current or not current:
        return None
    if head == SATISFACTION:
        return head
    return head if indicator.level1 in _OUTPUT_LEVEL1 else None


def class_fields_for(indicator: Indicator, official: str) -> tuple[str, str, str, str]:
    """(一级, 一级 label, 二级, 二级 label) of class ``official`` in the indicator's own set."""
    if indicator.level1.startswith("G") or indicator.level2.startswith("G"):
        level1, level2 = OFFICIAL_TO_GUIDE[official]
    else:
        level2 = official
        level1 = official[0]
    return level1, official_label(level1), level2, official_label(level2)


def check_indicator(scope: IndicatorScope, indicator: Indicator, i: int = 0) -> None:
    """K2, K3 and K4 on one indicator, whatever its project."""
    name = indicator.name.strip()
    if name:
        if scope.on("K2"):
            target = target_class(indicator)
            if target is not None:
                label = official_label(target)
                scope.add(
                    "K2",
                    f"{scope.what(i)}按名称应属于“{label}”，现在在“"
                    f"{indicator.level2_label or official_label(indicator.level2)}”下：改为{label}",
                    "level2",
                    i,
                )
        if scope.on("K3") and is_bad_event_measure(name):
            _check_direction(scope, indicator, i)
        if scope.on("K4") and _compound(indicator):
            scope.add(
                "K4",
                f"{scope.what(i)}包含多项内容：拆成几个指标，每个一个名称、一个指标值",
                "name",
                i,
            )


def check(scope: Scope) -> None:
    """K6 (one-year projects), K7 and K8 on one project."""
    project = scope.project
    one_year = period_years(project.period) == 1
    for i, indicator in enumerate(project.indicators):
        if (
            scope.on("K6")
            and one_year
            and indicator.period_value.strip()
            and indicator.annual_value.strip()
            and indicator.period_value.strip() != indicator.annual_value.strip()
        ):
            scope.add(
                "K6",
                f"{scope.what(i)}：项目期一年，实施周期指标值“{indicator.period_value.strip()}”"
                f"与年度指标值“{indicator.annual_value.strip()}”不同：核对两者",
                "annual_value",
                i,
            )
    if scope.on("K7"):
        _check_goal_figures(scope)
    if scope.on("K8"):
        _check_weights(scope)


def _check_direction(scope: IndicatorScope, indicator: Indicator, i: int) -> None:
    for field_name, field_label in VALUE_FIELDS:
        value = parse_value(getattr(indicator, field_name))
        if value.sign in ("≥", "＞"):
            better = "＝0" if value.number == 0 else "≤"
            scope.add(
                "K3",
                f"{scope.what(i)}的{field_label}“{value.text.strip()}”方向反了："
                f"这类指标越少越好，应写“{better}…”",
                field_name,
                i,
            )


_LISTED_VALUES = re.compile(r"\d[^、，,；;]*[、，,；;][^、，,；;]*\d")


def _compound(indicator: Indicator) -> bool:
    """Several things measured in one row: ``各1次``, ``1次、2场``, or names joined by ``；``.

    A ``、`` in the name alone is not enough: it also lists who or what one measure covers
    (``邀请校外名师、领导授课人次``, ``伤残、死亡家庭``).
    """
    values = [indicator.period_value.strip(), indicator.annual_value.strip()]
    if any(v.startswith("各") for v in values):
        return True
    notes = [re.sub(r"[（(].*?[）)]", "", v) for v in values]
    if any(_LISTED_VALUES.search(v) for v in notes):
        return True
    return bool(re.search(r"[；;]", stem(indicator.name)))


def _check_goal_figures(scope: Scope) -> None:
    project = scope.project
    goal = project.goal
    if not goal or not project.indicators:
        return
    carried = " ".join(f"{i.name} {i.period_value} {i.annual_value}" for i in project.indicators)
    numbers = {_number(n) for n in re.findall(r"\d+(?:\.\d+)?", carried.replace(",", ""))}
    for match in _GOAL_FIGURE.finditer(goal.replace(",", "")):
        if _number(match.group(1)) not in numbers:
            scope.add(
                "K7",
                f"{scope.label}的绩效目标写了“{match.group(0)}”，但没有指标写到这个数："
                "增加对应的指标",
                "goal",
            )


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text).normalize()
    except InvalidOperation:  # pragma: no cover - guarded by the pattern
        return None


@cache
def _weight_pattern() -> re.Pattern[str]:
    """A weight as written: ``20``, ``20分``, ``权重：20%`` (compiled when first needed)."""
    return re.compile(r"^\s*(?:权重\s*[:：]?\s*)?(\d+(?:\.\d+)?)\s*(?:分|%|％)?\s*$")


def _check_weights(scope: Scope) -> None:
    indicators = scope.project.indicators
    texts = [i.weight if i.weight.strip() else i.note for i in indicators]  # 权重, else 备注
    weight = _weight_pattern()
    weights = [weight.match(t) for t in texts if t.strip()]
    if not indicators or len(weights) < len(indicators) or not all(weights):
        return
    total = sum((Decimal(m.group(1)) for m in weights if m is not None), Decimal(0))
    if total != scope.rules.thresholds.weights_total:
        scope.add(
            "K8",
            f"{scope.label}各指标的权重合计 {total.normalize():f}，"
            f"不是 {scope.rules.thresholds.weights_total.normalize():f}：调整权重",
            "indicators",
        )
