"""Indicator values printed over separate columns: a sign (or its words), a number, a unit."""

from __future__ import annotations

import re
from functools import lru_cache

from bpeditor.model.value import compose_value, parse_value

_SPACE = re.compile(r"\s+")
_SIGN_WORDS = (
    ("大于等于", "≥"),
    ("不低于", "≥"),
    ("不少于", "≥"),
    ("小于等于", "≤"),
    ("不高于", "≤"),
    ("不超过", "≤"),
    ("不多于", "≤"),
    ("大于", "＞"),
    ("高于", "＞"),
    ("小于", "＜"),
    ("低于", "＜"),
    ("等于", "＝"),
)


def norm(text: str) -> str:
    """A cell's text without any whitespace."""
    return _SPACE.sub("", text)


def sign_of(text: str) -> str | None:
    """A 计算符号/指标性质 cell as a sign (``大于等于`` → ``≥``); words like 定性 give none."""
    text = norm(text)
    if not text:
        return None
    for word, sign in _SIGN_WORDS:
        if text.startswith(word):
            return sign
    return parse_value(text + "1").sign


@lru_cache(maxsize=16384)
def compose(sign_text: str, value: str, measure: str) -> str:
    """A target value from the separate sign, value and unit columns (``≥``, ``98``, ``%``)."""
    value = value.strip()
    measure = measure.strip()
    if not value:
        return ""
    parsed = parse_value(value)
    if not parsed.is_quantitative:
        return value
    sign = None if parsed.sign else sign_of(sign_text)
    unit = "" if not measure or parsed.unit or value.endswith(measure) else measure
    return compose_value(sign, value, unit) if (sign or unit) else value
