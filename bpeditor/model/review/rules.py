"""The reviewer's rules: their ids, grades (退回/修改/提示), comment categories, and rule sets.

A reviewer grades a finding 退回 (sent back), 修改 (must be fixed) or 提示 (advice). bpeditor's
:class:`~bpeditor.model.validation.Severity` maps them one to one: 退回 is an error (``check``
exits 1), 修改 a warning, 提示 an advice (listed, exit code 0). Some rules are made of today's
checks (their codes stay): a rule set's switch and grade apply to those findings too.

A :class:`RuleSet` says which rules are on, their grades and the local thresholds; it is read
from and written to a plain dict (the JSON file is :mod:`bpeditor.io.rule_file`'s business).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from functools import cached_property

from bpeditor.model.validation import CHECKS, Severity


class Grade(StrEnum):
    """A reviewer's grade of a finding."""

    RETURN = "退回"
    FIX = "修改"
    ADVICE = "提示"


GRADE_SEVERITY = {
    Grade.RETURN: Severity.ERROR,
    Grade.FIX: Severity.WARNING,
    Grade.ADVICE: Severity.INFO,
}
"""How a grade shows in the window and in ``check``'s exit code."""
SEVERITY_GRADE = {severity: grade for grade, severity in GRADE_SEVERITY.items()}
"""The grade a severity stands for (for the report)."""

CATEGORIES: dict[int, str] = {
    1: "指标不够完整",
    2: "不够细化、量化",
    3: "相关性不够",
    4: "指标与指标值不匹配",
    5: "建议拆分",
    6: "一级类型错误",
    7: "二级类型错误",
    8: "建议增加效益指标",
    9: "建议增加产出指标",
    10: "建议增加满意度指标",
}
"""The reviewers' own comment categories (the 审核意见 report groups findings by them)."""


@dataclass(frozen=True)
class Rule:
    """One reviewer's rule: id (its findings' code), grade, category, title and today's checks."""

    code: str
    grade: Grade
    category: int
    title: str
    legacy: tuple[str, ...] = ()
    """Today's checks (their codes) that are part of this rule."""


R, F, A = Grade.RETURN, Grade.FIX, Grade.ADVICE
RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("C1", R, 1, "绩效目标为空或只有符号", ("project-no-goal",)),
        Rule("C2", R, 9, "缺少产出或效益指标", ("project-no-indicators", "project-missing-level1")),
        Rule("C3", F, 10, "缺少满意度指标", ("project-missing-recommended-level1",)),
        Rule("C4", A, 1, "二级指标下没有三级指标和指标值"),
        Rule("C5", F, 1, "缺少成本指标"),
        Rule("C6", F, 1, "多年项目缺少实施期目标或指标值"),
        Rule("V1", F, 2, "有符号没有数值，或数值没有单位", ("value-no-unit",)),
        Rule("V2", R, 2, "指标值是占位符", ("value-placeholder",)),
        Rule("V3", F, 2, "指标值用了无法衡量的模糊词"),
        Rule("V4", F, 4, "单位写法不对或百分比超过100", ("value-unit-word",)),
        Rule("V5", F, 4, "时效指标没有时限"),
        Rule("V6", F, 4, "成本指标值不是金额"),
        Rule("V7", F, 4, "成本指标超过项目资金"),
        Rule("V8", F, 7, "资金投入当作产出数量"),
        Rule("V9", F, 2, "三级指标名称或指标值过长", ("indicator-name-too-long",)),
        Rule(
            "K1",
            R,
            6,
            "二级指标不属于一级指标或不在指标体系中",
            ("indicator-unknown-level1", "indicator-unknown-level2", "indicator-level2-parent"),
        ),
        Rule("K2", F, 7, "指标名称的关键词属于另一个二级指标"),
        Rule("K3", F, 4, "指标方向与含义相反"),
        Rule("K4", F, 5, "一个指标包含多项内容"),
        Rule("K5", F, 5, "同一项目内三级指标重复", ("indicator-duplicate-name",)),
        Rule("K6", A, 4, "年度值与实施期值不一致", ("value-annual-exceeds-period",)),
        Rule("K7", A, 3, "绩效目标中的数字没有指标对应"),
        Rule("K8", F, 1, "权重合计不是100"),
        Rule("N1", F, 2, "三级指标名称是分类名称"),
        Rule("N2", F, 3, "三级指标名称是项目名称或照抄绩效目标"),
        Rule("N3", A, 4, "指标值写在名称里"),
        Rule("S1", F, 4, "满意度指标值不是百分比"),
        Rule("S2", A, 2, "满意度低于下限或为100%"),
        Rule("S3", A, 2, "满意度指标未说明调查对象"),
        Rule("F1", F, 6, "2021 版指标体系使用不当"),
        Rule("T1", R, 1, "转移支付项目目标或指标不全"),
    )
}
"""Every rule of ``review-rules.md``, in its order, keyed by id."""

RULE_OF_CODE: dict[str, Rule] = {
    code: rule for rule in RULES.values() for code in (rule.code, *rule.legacy)
}
"""The rule a finding's code belongs to (a rule id, or one of today's check codes)."""


def check_title(code: str) -> str:
    """What a finding's code means: the rule's title (with its id for today's checks)."""
    if code in RULES:
        return RULES[code].title
    check = CHECKS.get(code)
    title = check.title if check is not None else code
    rule = RULE_OF_CODE.get(code)
    return f"{title}（{rule.code}）" if rule is not None else title


class RuleSetError(ValueError):
    """A rule set that cannot be used; the message is one line saying what and where."""


@dataclass(frozen=True)
class Thresholds:
    """The local limits of a rule set."""

    satisfaction_floor: Decimal = Decimal(85)
    """S2: a 满意度 target below this percentage is flagged."""
    max_name_length: int = 40
    """V9: the longest 三级 name."""
    max_value_length: int = 200
    """V9: the longest value."""
    require_cost: bool = True
    """C5: whether every project needs a 成本 indicator."""
    weights_total: Decimal = Decimal(100)
    """K8: what the weights shown must add up to."""


@dataclass(frozen=True)
class RuleSet:
    """Which rules are on, their grades and the local thresholds."""

    name: str = "默认规则"
    off: frozenset[str] = frozenset()
    """The ids of the rules switched off."""
    grades: Mapping[str, Grade] = field(default_factory=dict)
    """Grades that differ from the rule's own."""
    thresholds: Thresholds = field(default_factory=Thresholds)

    @cached_property
    def key(self) -> tuple[object, ...]:
        """Everything the set decides, hashable (to remember findings per rule set)."""
        return (self.off, tuple(sorted(self.grades.items())), self.thresholds)

    @cached_property
    def severities(self) -> dict[str, Severity]:
        """Every rule's severity under this set."""
        return {code: self.severity(code) for code in RULES}

    def is_on(self, code: str) -> bool:
        """Whether the rule ``code`` is on."""
        return code not in self.off

    def grade(self, code: str) -> Grade:
        """The grade this set gives rule ``code``."""
        return self.grades.get(code, RULES[code].grade)

    def severity(self, code: str) -> Severity:
        """How findings of rule ``code`` show (from its grade)."""
        return GRADE_SEVERITY[self.grade(code)]

    def with_rule(self, code: str, *, on: bool, grade: Grade) -> RuleSet:
        """A copy with rule ``code`` switched on or off and given ``grade``."""
        off = self.off - {code} if on else self.off | {code}
        grades = {k: v for k, v in self.grades.items() if k != code}
        if grade is not RULES[code].grade:
            grades[code] = grade
        return replace(self, off=frozenset(off), grades=grades)

    def to_dict(self) -> dict[str, object]:
        """The rule set as a JSON-ready dict (every rule listed, so colleagues see them all)."""
        t = self.thresholds
        return {
            "format": "bpeditor-rules",
            "version": 1,
            "name": self.name,
            "thresholds": {
                "satisfaction_floor": _number(t.satisfaction_floor),
                "max_name_length": t.max_name_length,
                "max_value_length": t.max_value_length,
                "require_cost": t.require_cost,
                "weights_total": _number(t.weights_total),
            },
            "rules": {
                code: {"on": self.is_on(code), "grade": self.grade(code).value, "title": rule.title}
                for code, rule in RULES.items()
            },
        }

    @classmethod
    def from_dict(cls, data: object) -> RuleSet:
        """Read a rule set; anything missing takes its default, anything wrong raises."""
        if not isinstance(data, dict):
            raise RuleSetError("规则文件应是一个 JSON 对象")
        if data.get("format") != "bpeditor-rules":
            raise RuleSetError('不是 bpeditor 规则文件（缺少 "format": "bpeditor-rules"）')
        version = data.get("version", 1)
        if not isinstance(version, int) or version > 1:
            raise RuleSetError(f"规则文件格式版本 {version} 比本程序新，请升级编辑器")
        name = data.get("name", "")
        if not isinstance(name, str):
            raise RuleSetError("规则文件的 name 应是文本")
        thresholds = _thresholds(data.get("thresholds", {}))
        rules = data.get("rules", {})
        if not isinstance(rules, dict):
            raise RuleSetError("规则文件的 rules 应是一个对象")
        off: set[str] = set()
        grades: dict[str, Grade] = {}
        for code, entry in rules.items():
            if code not in RULES:
                raise RuleSetError(f"规则文件中有未知的规则“{code}”（可用：{'、'.join(RULES)}）")
            if not isinstance(entry, dict):
                raise RuleSetError(f'规则“{code}”应是一个对象，如 {{"on": true, "grade": "修改"}}')
            on = entry.get("on", True)
            if not isinstance(on, bool):
                raise RuleSetError(f"规则“{code}”的 on 应是 true 或 false")
            if not on:
                off.add(code)
            grade_text = entry.get("grade", RULES[code].grade.value)
            try:
                grade = Grade(grade_text)
            except ValueError:
                raise RuleSetError(
                    f"规则“{code}”的 grade“{grade_text}”应是 退回、修改 或 提示"
                ) from None
            if grade is not RULES[code].grade:
                grades[code] = grade
        return cls(name or "未命名规则", frozenset(off), grades, thresholds)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _thresholds(data: object) -> Thresholds:
    if not isinstance(data, dict):
        raise RuleSetError("规则文件的 thresholds 应是一个对象")
    known = {
        "satisfaction_floor",
        "max_name_length",
        "max_value_length",
        "require_cost",
        "weights_total",
    }
    unknown = sorted(set(data) - known)
    if unknown:
        raise RuleSetError(f"规则文件的 thresholds 中有未知的项“{unknown[0]}”")
    default = Thresholds()
    floor = _decimal(data, "satisfaction_floor", default.satisfaction_floor, 0, 100)
    total = _decimal(data, "weights_total", default.weights_total, 1, 1000)
    require_cost = data.get("require_cost", default.require_cost)
    if not isinstance(require_cost, bool):
        raise RuleSetError("thresholds 的 require_cost 应是 true 或 false")
    lengths = []
    for key, value in (
        ("max_name_length", default.max_name_length),
        ("max_value_length", default.max_value_length),
    ):
        got = data.get(key, value)
        if isinstance(got, bool) or not isinstance(got, int) or not 1 <= got <= 10000:
            raise RuleSetError(f"thresholds 的 {key} 应是 1 到 10000 之间的整数，实为 {got!r}")
        lengths.append(got)
    return Thresholds(floor, lengths[0], lengths[1], require_cost, total)


def _decimal(data: dict[str, object], key: str, default: Decimal, low: int, high: int) -> Decimal:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise RuleSetError(f"thresholds 的 {key} 应是数字，实为 {value!r}")
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        raise RuleSetError(f"thresholds 的 {key} 应是数字，实为 {value!r}") from None
    if not number.is_finite() or not low <= number <= high:
        raise RuleSetError(f"thresholds 的 {key} 应在 {low} 到 {high} 之间，实为 {value}")
    return number


STRICT = RuleSet(
    name="严格规则（省级系统强制性审核）",
    grades={"C3": Grade.RETURN, "C4": Grade.FIX, "K6": Grade.FIX, "S2": Grade.FIX, "S3": Grade.FIX},
    thresholds=Thresholds(satisfaction_floor=Decimal(90)),
)
"""The strict set: the provincial system's mandatory checks are 退回, advice becomes 修改."""
