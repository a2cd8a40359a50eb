"""Deterministic S/M/L performance-target tables for benchmarks (and a quick test).

``make_table("S")`` gives 10 projects, ``"M"`` 200 and ``"L"`` 5,000, about 7 indicators each,
spread over a few funding-user units, with realistic Chinese names, goals and values. The same
size always gives an equal table: the random generator is seeded from the size.
"""

from __future__ import annotations

import random
from decimal import Decimal

from bpeditor.model.table import Funds, Indicator, Project, SignOff, Table, Unit

SIZES: dict[str, int] = {"S": 10, "M": 200, "L": 5_000}
"""Projects per size."""

_UNITS_PER_SIZE = {"S": 2, "M": 4, "L": 8}
_SEEDS = {"S": 20240101, "M": 20240202, "L": 20240303}
_CENT = Decimal("0.01")

_DISTRICT = "广州市花都区"
_UNIT_NAMES = (
    "教育局",
    "口岸服务保障中心",
    "第一中学",
    "人民医院",
    "城市管理和综合执法局",
    "农业农村局",
    "文化广电旅游体育局",
    "退役军人事务局",
    "市场监督管理局",
    "图书馆",
)
_PLACES = (
    "口岸车检场",
    "校园",
    "办公楼",
    "综合档案室",
    "社区服务站",
    "农贸市场",
    "公共图书馆",
    "体育中心",
    "应急指挥中心",
    "垃圾转运站",
    "村级公路",
    "文化广场",
)
_WORKS = (
    "水电费",
    "安全保卫服务",
    "物业管理服务",
    "设备维修维护",
    "信息系统运维经费",
    "保洁服务",
    "办公设备购置",
    "网络运作经费",
    "消防设施维护",
    "绿化养护",
    "专项工作经费",
    "宣传活动经费",
)
_GOALS = (
    "通过保障{place}全年{work}到位，确保各项业务正常运作，为{unit}的顺利开展提供有力的后勤保障。",
    "开展{place}{work}工作，提高服务质量和运行效率，保障群众办事顺畅，有效优化本区营商环境。",
    "按时足额支付{place}{work}，确保设施设备安全稳定运行，全年不发生重大安全责任事故。",
    "通过实施{place}{work}项目，改善工作和服务环境，提升{unit}公共服务水平和群众满意度。",
)

_Group = tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]
"""二级 classes to draw from: (二级 code, 二级 label as printed, (三级 name, value) pairs)."""

_OUTPUT: _Group = (
    (
        "11",
        "数量指标",
        (
            ("保障月数", "12个月"),
            ("巡查次数", "≥24次"),
            ("服务人次", "≥500人次"),
            ("维护设备台数", "≥30台"),
        ),
    ),
    (
        "12",
        "质量指标",
        (
            ("设备正常运行率", "≥98%（设备正常运行时数/设备总运行时数*100%）"),
            ("验收合格率", "100%"),
            ("网络运行稳定率", "≥98%"),
        ),
    ),
    (
        "13",
        "时效指标",
        (("费用支付及时率", "100%"), ("维修响应时间", "≤2小时"), ("完成时限", "12月底前")),
    ),
    ("14", "成本指标", (("项目总成本", "≤40万元"), ("单台设备维护成本", "≤1.5万元/台"))),
)
_BENEFIT: _Group = (
    ("21", "经济效益指标", (("节约运行费用", "≥5%"),)),
    (
        "22",
        "社会效益",
        (
            ("全年通关保障率", "100%（通关顺畅保障天数/365天*100%）"),
            ("安全事故发生次数", "0次"),
            ("公共服务覆盖率", "全面"),
        ),
    ),
    ("23", "生态效益指标", (("垃圾无害化处理率", "≥95%"),)),
    ("24", "可持续影响指标", (("长效管理机制", "有效建立"), ("设施使用年限", "≥5年"))),
)
_SATISFACTION: _Group = (
    (
        "31",
        "服务对象满意度",
        (("服务对象满意度", "≥90%"), ("口岸查验单位对保障工作满意度", "100%（口岸查验单位满意）")),
    ),
)
_LEVEL1 = {"1": "产出指标", "2": "效益指标", "3": "满意度指标"}
_BASES = ("计划标准", "历史标准", "行业标准", "其他标准")


def _indicator(rng: random.Random, group: _Group) -> Indicator:
    code2, label2, pairs = rng.choice(group)
    name, value = rng.choice(pairs)
    return Indicator(
        level1=code2[0],
        level1_label=_LEVEL1[code2[0]],
        level2=code2,
        level2_label=label2,
        name=name,
        period_value=value,
        annual_value=value,
        basis=rng.choice(_BASES) if rng.random() < 0.2 else "",
    )


def _indicators(rng: random.Random) -> list[Indicator]:
    """6 to 8 indicators: outputs first, then benefits, then satisfaction (7 on average)."""
    outputs = [_indicator(rng, _OUTPUT) for _ in range(rng.randint(2, 4))]
    benefits = [_indicator(rng, _BENEFIT) for _ in range(rng.randint(2, 3))]
    count = rng.randint(6, 8) - len(outputs) - len(benefits)
    return outputs + benefits + [_indicator(rng, _SATISFACTION) for _ in range(max(count, 1))]


def _amount(rng: random.Random, low: int, high: int) -> Decimal:
    """A random amount in 万元 with two decimals."""
    return Decimal(rng.randint(low * 100, high * 100)) * _CENT


def _funds(rng: random.Random) -> Funds:
    fiscal = _amount(rng, 1, 500)
    roll = rng.random()
    special = _amount(rng, 1, 50) if roll < 0.1 else None
    other = _amount(rng, 1, 30) if 0.1 <= roll < 0.2 else None
    total = fiscal + (special or 0) + (other or 0)
    return Funds(total=total, fiscal=fiscal, special_account=special, other=other)


def _project(rng: random.Random, unit_name: str, taken: set[str]) -> Project:
    place, work = rng.choice(_PLACES), rng.choice(_WORKS)
    goal = rng.choice(_GOALS).format(place=place, work=work, unit=unit_name)
    name = f"{place}{work}"
    if name in taken:  # names are unique within a unit, as validation expects
        name = f"{name}（{len(taken) + 1}）"
    taken.add(name)
    project = Project(
        name=name,
        funds=_funds(rng),
        goal=goal,
        indicators=_indicators(rng),
    )
    if rng.random() < 0.1:  # a few carry the per-project form's fields
        project.department = f"{_DISTRICT}财政局"
        project.implementing_unit = unit_name
        project.attribute = rng.choice(("新增", "延续"))
        project.period = "2025年1月-2025年12月"
        project.period_funds = Funds(total=project.funds.total, fiscal=project.funds.total)
        project.period_goal = goal
    return project


def make_table(size: str) -> Table:
    """The benchmark table of ``size`` ("S", "M" or "L"), the same on every call."""
    size = size.upper()
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; use one of {', '.join(SIZES)}")
    rng = random.Random(_SEEDS[size])
    unit_count = _UNITS_PER_SIZE[size]
    table = Table(
        title="项目支出绩效目标表（含转移支付项目）",
        reporting_unit=f"{_DISTRICT}{_UNIT_NAMES[0]}",
        year=2025,
        signoff=SignOff(head="张伟", preparer="李娜", phone="020-86888888", date="2025-01-15"),
    )
    names = [f"{_DISTRICT}{_UNIT_NAMES[i % len(_UNIT_NAMES)]}" for i in range(unit_count)]
    table.units = [Unit(name=name) for name in names]
    taken: list[set[str]] = [set() for _ in names]
    for number in range(SIZES[size]):
        index = number * unit_count // SIZES[size]
        unit = table.units[index]
        unit.projects.append(_project(rng, unit.name, taken[index]))
    return table


def make_tall_table() -> Table:
    """The projects that broke printing: one with 70 indicators, one with an 800-character goal.

    Every indicator has its own name and different 实施周期 and 年度 values; the goal is made
    of numbered sentences, so a lost line shows. Two ordinary projects sit around them.
    """
    rng = random.Random(20240404)
    unit = Unit(name=f"{_DISTRICT}{_UNIT_NAMES[1]}")
    taken: set[str] = set()
    many = _project(rng, unit.name, taken)
    many.name = "口岸综合保障七十项指标项目"
    groups = (_OUTPUT, _OUTPUT, _BENEFIT, _SATISFACTION)
    many.indicators = []
    for number in range(1, 71):
        ind = _indicator(rng, groups[min(number * 4 // 71, 3)])
        ind.name = f"第{number}项{ind.name}"
        ind.period_value = f"≥{number * 3}次"
        ind.annual_value = f"≥{number}次"
        many.indicators.append(ind)
    long_goal = _project(rng, unit.name, taken)
    long_goal.name = "口岸车检场长目标项目"
    sentences = []
    number = 0
    while sum(map(len, sentences)) < 800:
        number += 1
        sentences.append(
            f"第{number}句：保障口岸车检场全年设施设备安全稳定运行，提升通关效率和服务水平。"
        )
    long_goal.goal = "".join(sentences)[:800]
    unit.projects = [_project(rng, unit.name, taken), many, long_goal]
    unit.projects.append(_project(rng, unit.name, taken))
    return Table(
        title="项目支出绩效目标表（含转移支付项目）",
        reporting_unit=unit.name,
        year=2025,
        units=[unit],
    )


if __name__ == "__main__":  # pragma: no cover - a quick look at the sizes
    for key in SIZES:
        t = make_table(key)
        print(key, len(t.units), t.project_count(), t.indicator_count(), t.funds().total)
