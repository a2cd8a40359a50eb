"""Naming (N1–N3) and 满意度 (S1–S3): what a 三级 name says, and how satisfaction is measured."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from bpeditor.model.review.scope import VALUE_FIELDS, IndicatorScope, Scope, is_satisfaction
from bpeditor.model.review.words import SATISFACTION, head_class, stem
from bpeditor.model.table import Indicator
from bpeditor.model.taxonomy import GUIDE_2021, OFFICIAL
from bpeditor.model.value import parse_value

_CLASS_NAMES = {
    re.sub(r"指标$", "", name)
    for taxonomy in (OFFICIAL, GUIDE_2021)
    for cat in taxonomy.categories
    for name in (cat.label, *cat.aliases)
    if not name.isdigit()
}
_SIGN_WORDS = (
    ("不低于", "≥"),
    ("不少于", "≥"),
    ("大于等于", "≥"),
    ("达到", "≥"),
    ("≥", "≥"),
    (">=", "≥"),
    ("不超过", "≤"),
    ("不高于", "≤"),
    ("不多于", "≤"),
    ("小于等于", "≤"),
    ("控制在", "≤"),
    ("≤", "≤"),
    ("<=", "≤"),
    ("大于", "＞"),
    ("高于", "＞"),
    ("超过", "＞"),
    (">", "＞"),
    ("＞", "＞"),
    ("小于", "＜"),
    ("低于", "＜"),
    ("<", "＜"),
    ("＜", "＜"),
    ("＝", "＝"),
    ("=", "＝"),
    ("为", "＝"),
)
_VALUE_IN_NAME = re.compile(
    r"^(?P<stem>.*?\D)\s*(?P<word>"
    + "|".join(re.escape(w) for w, _ in _SIGN_WORDS)
    + r")\s*(?P<number>\d+(?:\.\d+)?)\s*"
    r"(?P<unit>%|％|‰|个工作日|工作日|人次|万元|元|小时|分钟|[个次人场天家户台套项吨亩件分])?$"
)
_PERCENT_WORDS = {"百分比", "百分之", "百分点"}
_GENERIC_ASKED = re.compile(r"服务对象|对象|总体|综合|整体|社会|公众|群众|工作|的|对|项目")


@lru_cache(maxsize=16384)
def split_value(name: str) -> tuple[str, str] | None:
    """``满意度达到90%`` → (``满意度``, ``≥90%``): a value written into a name, or ``None``."""
    match = _VALUE_IN_NAME.match(name.strip())
    if match is None:
        return None
    sign = dict(_SIGN_WORDS)[match.group("word")]
    name_stem = match.group("stem").strip()
    if len(name_stem) < 2:
        return None
    return name_stem, f"{sign}{match.group('number')}{match.group('unit') or ''}"


def check(scope: Scope) -> None:
    """N2 on every indicator of one project (the name against the project's name and goal)."""
    if not scope.on("N2"):
        return
    project = scope.project
    goal = project.goal.strip()
    project_name = project.name.strip()
    for i, indicator in enumerate(project.indicators):
        name = indicator.name.strip()
        if name and (
            name == project_name or (len(name) >= 15 and name in goal) or name.endswith("。")
        ):
            scope.add(
                "N2",
                f"{scope.what(i)}照抄了项目名称或绩效目标：写成可衡量的指标名称",
                "name",
                i,
            )


def check_indicator(scope: IndicatorScope, indicator: Indicator, i: int = 0) -> None:
    """N1, N3 and S1–S3 on one indicator, whatever its project."""
    name = indicator.name.strip()
    if not name:
        return
    if scope.on("N1") and stem(name).removesuffix("指标") in _CLASS_NAMES:
        scope.add("N1", f"{scope.what(i)}是分类名称，不是指标：写出具体衡量什么", "name", i)
    if scope.on("N3"):
        split = split_value(name)
        if split is not None:
            scope.add(
                "N3",
                f"{scope.what(i)}把指标值写进了名称：名称写“{split[0]}”，指标值写“{split[1]}”",
                "name",
                i,
            )
    if is_satisfaction(indicator) or head_class(name) == SATISFACTION:
        _check_satisfaction(scope, indicator, i, scope.rules.thresholds.satisfaction_floor)


def _check_satisfaction(
    scope: IndicatorScope, indicator: Indicator, i: int, floor: Decimal
) -> None:
    for field_name, field_label in VALUE_FIELDS:
        value = parse_value(getattr(indicator, field_name))
        text = value.text.strip()
        if not text or value.is_placeholder:
            continue
        where = f"{scope.what(i)}的{field_label}“{text}”"
        if value.unit in _PERCENT_WORDS:
            continue  # today's value-unit-word (V4) asks for the % sign
        if value.unit not in ("%", "％"):
            if scope.on("S1"):
                scope.add("S1", f"{where}不是百分比：满意度写作“≥90%”这样的比例", field_name, i)
            continue
        if not scope.on("S2") or value.number is None:
            continue
        if value.number < floor and value.sign not in ("≤", "＜"):
            scope.add(
                "S2",
                f"{where}低于满意度下限 {floor.normalize():f}%：提高目标或说明原因",
                field_name,
                i,
            )
        elif value.number == 100 and value.sign in (None, "＝", "≥"):
            scope.add(
                "S2",
                f"{where}是 100%，难以证明：一般写“≥90%”或“≥95%”",
                field_name,
                i,
            )
    asked = _GENERIC_ASKED.sub("", re.sub(r"满意(度|率|程度)?.*$", "", stem(indicator.name)))
    if scope.on("S3") and not asked:
        scope.add(
            "S3",
            f"{scope.what(i)}没有说明问谁的满意度：写明调查对象，如“口岸查验单位满意度”",
            "name",
            i,
        )
