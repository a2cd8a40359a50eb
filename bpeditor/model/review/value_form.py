"""Value form (V1–V9): signs, numbers and units; vague, timeless and moneyless values; lengths.

Today's ``value-no-unit``, ``value-placeholder``, ``value-unit-word`` and
``indicator-name-too-long`` are part of V1, V2, V4 and V9; these add what they do not catch.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bpeditor.model.money import format_amount
from bpeditor.model.review.scope import (
    VALUE_FIELDS,
    IndicatorScope,
    Scope,
    is_cost,
    level2_code,
)
from bpeditor.model.review.words import VAGUE_WORDS, stem, unit_in_name
from bpeditor.model.table import Indicator
from bpeditor.model.value import IndicatorValue, parse_value

_SIGN_ONLY = re.compile(r"^\s*(>=|<=|[≥≤≧≦＞＜＝><=])\s*(?P<rest>\D*)$")
_LONE_PLACEHOLDER = re.compile(r"^[≥≤＞＜＝><=]*\s*[*＊_＿×xX\-－—–/／]+\s*[%％]?\s*$")
_PERCENT = {"%", "％"}
_GROWTH_WORDS = ("增长", "增幅", "提高", "提升", "同比", "环比", "增加", "倍")
_TIME_WORDS = re.compile(
    r"\d|[一二三四五六七八九十]+[个]?(月|日|天|周|年)|月|日|年|季度|周|天|小时|分钟|工作日|前|以内|内|底|旬|期限"
)
MONEY_FACTORS = {
    "元": Decimal(1),
    "千元": Decimal(1000),
    "万元": Decimal(10000),
    "亿元": Decimal(100000000),
}
"""Money units and their worth in 元."""


def check(scope: Scope) -> None:
    """V7 (costs against the project's funds) on every indicator of one project."""
    if scope.on("V7"):
        for i, indicator in enumerate(scope.project.indicators):
            _check_cost_vs_funds(scope, indicator, i)


def check_indicator(scope: IndicatorScope, indicator: Indicator, i: int = 0) -> None:
    """V1–V6, V8 and V9 (value length) on one indicator, whatever its project."""
    max_value = scope.rules.thresholds.max_value_length
    name_unit = unit_in_name(indicator.name)
    for field_name, field_label in VALUE_FIELDS:
        text = getattr(indicator, field_name).strip()
        if not text:
            continue
        value = parse_value(getattr(indicator, field_name))
        where = f"{scope.what(i)}的{field_label}“{text}”"
        _check_form(scope, indicator, value, where, field_name, i, name_unit)
        if len(text) > max_value and scope.on("V9"):
            scope.add(
                "V9",
                f"{scope.what(i)}的{field_label}有 {len(text)} 个字，超过 {max_value} "
                "个字：只写目标值，说明放到指标解释",
                field_name,
                i,
            )


def _check_form(  # noqa: PLR0917 - one value and where it is
    scope: IndicatorScope,
    indicator: Indicator,
    value: IndicatorValue,
    where: str,
    field_name: str,
    i: int,
    name_unit: str,
) -> None:
    text = value.text.strip()
    if value.is_placeholder:
        return  # today's value-placeholder (V2) says it
    if scope.on("V2") and _LONE_PLACEHOLDER.match(text):
        scope.add("V2", f"{where}是未填写的占位符：填写目标值", field_name, i)
        return
    if not value.is_quantitative:
        _check_qualitative(scope, indicator, value, where, field_name, i)
        return
    if scope.on("V1") and not value.unit and name_unit:
        scope.add(
            "V1",
            f"{where}没有计量单位（单位只写在名称里）：写作“{text}{name_unit}”",
            field_name,
            i,
        )
    if scope.on("V4"):
        _check_rate(scope, indicator, value, where, field_name, i)
    code = level2_code(indicator)
    if scope.on("V6") and is_cost(indicator) and not _is_money_or_ratio(value.unit):
        scope.add(
            "V6", f"{where}不是金额：成本指标写金额，如“≤250万元”“≤550元/人·天”", field_name, i
        )
    if scope.on("V8") and code == "11" and _money_factor(value.unit) is not None:
        scope.add(
            "V8",
            f"{where}是资金投入，不是产出数量：移到成本指标，数量指标写做了多少事",
            "level2",
            i,
        )


def _check_qualitative(  # noqa: PLR0917 - one value and where it is
    scope: IndicatorScope,
    indicator: Indicator,
    value: IndicatorValue,
    where: str,
    field_name: str,
    i: int,
) -> None:
    text = value.text.strip()
    sign = _SIGN_ONLY.match(text)
    if scope.on("V1") and sign is not None:
        scope.add("V1", f"{where}有符号没有数值：写出数值和单位，如“≥95%”", field_name, i)
        return
    if scope.on("V3") and any(w in text for w in VAGUE_WORDS) and not re.search(r"\d", text):
        scope.add(
            "V3",
            f"{where}用了无法衡量的词：改为可衡量的值，如“评价得分≥85分”，或分档的定性值",
            field_name,
            i,
        )
    code = level2_code(indicator)
    if scope.on("V5") and code == "13" and not _TIME_WORDS.search(text):
        scope.add(
            "V5",
            f"{where}没有时限：写明时间，如“每月10日前”“≤5个工作日”“2026年12月底前”",
            field_name,
            i,
        )
    if scope.on("V6") and is_cost(indicator):
        scope.add("V6", f"{where}不是金额：成本指标写金额，如“≤250万元”", field_name, i)


def _check_rate(  # noqa: PLR0917 - one value and where it is
    scope: IndicatorScope,
    indicator: Indicator,
    value: IndicatorValue,
    where: str,
    field_name: str,
    i: int,
) -> None:
    name = stem(indicator.name)
    if name.endswith("率") and value.unit and value.unit not in _PERCENT and value.unit != "‰":
        if not any(word in name for word in _GROWTH_WORDS) and "百分" not in value.unit:
            scope.add(
                "V4",
                f"{where}与名称不一致：名称是比率（…率），指标值应为百分比，如“≥95%”；"
                "或把名称改为所衡量的量（如“…时限”）",
                field_name,
                i,
            )
    elif (
        value.unit in _PERCENT
        and value.number is not None
        and value.number > 100
        and not any(word in name for word in _GROWTH_WORDS)
    ):
        scope.add("V4", f"{where}超过 100%：比率不能超过 100%，核对数值", field_name, i)


def _money_factor(unit: str) -> Decimal | None:
    return MONEY_FACTORS.get(unit.strip())


def _is_money_or_ratio(unit: str) -> bool:
    return "元" in unit or unit in _PERCENT or unit == "‰"


def _check_cost_vs_funds(scope: Scope, indicator: Indicator, i: int) -> None:
    if not is_cost(indicator):
        return
    project = scope.project
    budget_factor = _money_factor(scope.money_unit) or Decimal(10000)
    for field_name, field_label, funds in (
        ("period_value", "实施周期指标值", project.period_funds),
        ("annual_value", "年度指标值", project.funds),
    ):
        total = funds.effective_total()
        if field_name == "period_value" and total is None:
            total = project.funds.effective_total()
        value = parse_value(getattr(indicator, field_name))
        factor = _money_factor(value.unit)
        if total is None or total <= 0 or factor is None or value.number is None:
            continue
        if value.sign in ("＞", "≥"):
            continue
        if value.number * factor > total * budget_factor:
            scope.add(
                "V7",
                f"{scope.what(i)}的{field_label}“{value.text.strip()}”超过项目资金 "
                f"{format_amount(total)} {scope.money_unit}：核对成本数额或单位",
                field_name,
                i,
            )
