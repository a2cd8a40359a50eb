"""The packed notation some finance systems print in one cell for a project's indicators.

``【产出指标-数量指标】`` headings, each followed by numbered items whose value is in the
closing brackets: ``指标1:机柜数量(≥77台)``, ``指标2：…（…）``. Items may be on their own
lines or run on after ``；``; a heading may name only its 一级 or only its 二级.
"""

from __future__ import annotations

import re

from bpeditor.model.table import Indicator
from bpeditor.model.taxonomy import printed_class, printed_row_classes

_HEADING = re.compile(r"[【\[]([^】\]]+)[】\]]")
_ITEM = re.compile(r"(?:^|(?<=[\n；;。]))[ \t\u3000]*(?:指标)?[ \t]*\d{1,3}[ \t]*[:：、.．][ \t]*")
_SPLIT = re.compile(r"\s*[-－—/／]\s*")
_OPEN = "(（"
_CLOSE = ")）"


def is_packed(cell: str) -> bool:
    """Whether a cell uses the packed notation (a 【…】 heading naming an indicator class)."""
    match = _HEADING.search(cell)
    return match is not None and "指标" in match.group(1)


def _value_split(item: str) -> tuple[str, str]:
    """``机柜数量(≥77台)`` as (name, value): the value is the last bracket pair's content."""
    text = item.strip().rstrip("；;。,，")
    if not text or text[-1] not in _CLOSE:
        return text, ""
    depth = 0
    for pos in range(len(text) - 1, -1, -1):
        if text[pos] in _CLOSE:
            depth += 1
        elif text[pos] in _OPEN:
            depth -= 1
            if depth == 0:
                return text[:pos].strip(), text[pos + 1 : -1].strip()
    return text, ""


def parse_packed(cell: str) -> list[Indicator]:
    """Every indicator of a cell in the packed notation, under its heading's classes."""
    indicators: list[Indicator] = []
    headings = list(_HEADING.finditer(cell))
    for index, heading in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(cell)
        parts = _SPLIT.split(heading.group(1).strip(), maxsplit=1)
        if len(parts) == 2:
            level1, level2 = parts
        elif printed_class(parts[0], 1)[0] and not printed_class(parts[0], 2)[0]:
            level1, level2 = parts[0], ""
        else:
            level1, level2 = "", parts[0]
        body = cell[heading.end() : end]
        starts = list(_ITEM.finditer(body))
        for number, start in enumerate(starts):
            stop = starts[number + 1].start() if number + 1 < len(starts) else len(body)
            name, value = _value_split(body[start.end() : stop])
            if not name and not value:
                continue
            code1, label1, code2, label2 = printed_row_classes(level1, level2)
            indicators.append(
                Indicator(code1, label1, code2, label2, name, period_value="", annual_value=value)
            )
    return indicators
