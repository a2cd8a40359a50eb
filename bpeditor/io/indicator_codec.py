"""The summary table's encoding of a project's indicators in one cell.

Each item reads ``{n}、{一级code}-{一级label}；{二级code}-{二级label}；{三级名称}；
实施周期指标值:{value}；年度指标值:{value}。`` Real files mix ``；``/``;`` and ``：``/``:``,
run the items together or put one per line, and values may hold colons and brackets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bpeditor.model.document import Indicator
from bpeditor.model.taxonomy import canonical_code

_ITEM_START = re.compile(r"(?:^|(?<=[。\n]))[ \t\u3000]*(\d{1,4})[ \t]*[、，,][ \t]*")
_SEP = r"[ \t\u3000]*[；;][ \t\u3000]*"
_CLASS = r"(?:(?P<{c}>[0-9A-Za-z]+)[ \t]*[-－—][ \t]*)?(?P<{l}>[^；;\n]*?)"
_ITEM = re.compile(
    r"^"
    + _CLASS.format(c="c1", l="l1")
    + _SEP
    + _CLASS.format(c="c2", l="l2")
    + _SEP
    + r"(?P<name>.*?)"
    + _SEP
    + r"实施周期指标值[ \t]*[:：][ \t]*(?P<pv>.*)"
    + _SEP
    + r"年度指标值[ \t]*[:：][ \t]*(?P<av>.*?)[ \t\u3000]*$",
    re.DOTALL,
)


@dataclass(frozen=True)
class CodecProblem:
    """Part of an indicator cell that could not be read as an indicator."""

    item: int
    text: str
    message: str


def _strip_end(text: str) -> str:
    """Drop the item's closing 。 (only one: a value may itself end with 。)."""
    text = text.rstrip(" \t\u3000\n")
    return text[:-1] if text.endswith("。") else text


def split_items(cell: str) -> tuple[str, list[str]]:
    """Split a cell into the text before the first numbered item and the items' texts."""
    cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    starts = list(_ITEM_START.finditer(cell))
    if not starts:
        return cell.strip(), []
    lead = cell[: starts[0].start()].strip()
    items = []
    for here, after in zip(starts, [*starts[1:], None], strict=True):
        end = after.start() if after is not None else len(cell)
        items.append(cell[here.end() : end])
    return lead, items


def parse_item(text: str) -> Indicator | None:
    """Read one item (without its number) into an indicator, or ``None`` if it does not fit."""
    match = _ITEM.match(_strip_end(text))
    if match is None:
        return None
    c1, l1 = (match.group("c1") or ""), match.group("l1").strip()
    c2, l2 = (match.group("c2") or ""), match.group("l2").strip()
    return Indicator(
        level1=canonical_code(c1, l1, level=1),
        level1_label=l1,
        level2=canonical_code(c2, l2, level=2),
        level2_label=l2,
        name=match.group("name").strip(),
        period_value=match.group("pv").strip(),
        annual_value=match.group("av").strip(),
    )


def parse_indicators(cell: str) -> tuple[list[Indicator], list[CodecProblem]]:
    """Read every indicator in a cell; items that do not fit are kept by name and reported."""
    lead, items = split_items(cell)
    indicators: list[Indicator] = []
    problems: list[CodecProblem] = []
    if lead:
        problems.append(CodecProblem(0, lead, "指标编号之前的文字无法识别，已作为一个指标保留"))
        indicators.append(Indicator(name=lead))
    for number, item in enumerate(items, start=1):
        indicator = parse_item(item)
        if indicator is None:
            text = _strip_end(item).strip()
            problems.append(
                CodecProblem(number, text, "指标格式无法识别，已将全文保留为三级指标名称")
            )
            indicator = Indicator(name=text)
        indicators.append(indicator)
    return indicators, problems


def _class_text(code: str, label: str) -> str:
    if code and label:
        return f"{code}-{label}"
    return code or label


def format_indicator(number: int, indicator: Indicator) -> str:
    """One item in the official encoding."""
    return (
        f"{number}、{_class_text(indicator.level1, indicator.level1_label)}；"
        f"{_class_text(indicator.level2, indicator.level2_label)}；{indicator.name}；"
        f"实施周期指标值:{indicator.period_value}；年度指标值:{indicator.annual_value}。"
    )


def format_indicators(indicators: list[Indicator], *, one_per_line: bool = False) -> str:
    """A project's indicators in the official encoding, run together or one per line."""
    items = (format_indicator(n, ind) for n, ind in enumerate(indicators, start=1))
    return ("\n" if one_per_line else "").join(items)
