"""Indicator target values: the text as written, and the parts derived from it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

SIGNS = ("≥", "＞", "＝", "＜", "≤")
"""The comparison signs finance systems store, in their canonical (full-width) form."""

_SIGN_ALIASES = {
    ">=": "≥",
    "＞＝": "≥",
    "≧": "≥",
    "<=": "≤",
    "＜＝": "≤",
    "≦": "≤",
    ">": "＞",
    "<": "＜",
    "=": "＝",
    "≥": "≥",
    "≤": "≤",
    "＞": "＞",
    "＜": "＜",
    "＝": "＝",
}
_VALUE_RE = re.compile(
    r"""^\s*
    (?P<sign>>=|<=|＞＝|＜＝|[≥≤≧≦＞＜＝><=])?\s*
    (?P<number>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)
    \s*(?P<unit>[^（(]*?)\s*
    (?:[（(](?P<note>.*)[）)])?\s*$""",
    re.VERBOSE | re.DOTALL,
)
PLACEHOLDER_RE = re.compile(r"\*{2,}|[xX]{2,}|＊{2,}|×{2,}")
"""Text that marks an unfilled template value (``**``, ``≥**%``, ``XX``)."""


@dataclass(frozen=True)
class IndicatorValue:
    """A target value: quantitative (sign, number, unit, note) or qualitative (定性)."""

    text: str
    sign: str | None
    number: Decimal | None
    unit: str
    note: str

    @property
    def is_quantitative(self) -> bool:
        """True when the value is a number (with an optional sign and unit)."""
        return self.number is not None

    @property
    def is_blank(self) -> bool:
        """True when nothing was written."""
        return not self.text.strip()

    @property
    def is_placeholder(self) -> bool:
        """True for unfilled template values such as ``**`` or ``≥XX%``."""
        return bool(PLACEHOLDER_RE.search(self.text))


@lru_cache(maxsize=8192)
def parse_value(text: str) -> IndicatorValue:
    """Split a value such as ``≥98%（说明）`` into its parts; other text is qualitative."""
    match = _VALUE_RE.match(text)
    if match is None:
        note = ""
        bracket = re.search(r"[（(](.*)[）)]\s*$", text, re.DOTALL)
        if bracket:
            note = bracket.group(1)
        return IndicatorValue(text, None, None, "", note)
    number_text = match.group("number").replace(",", "")
    try:
        number = Decimal(number_text)
    except InvalidOperation:  # pragma: no cover - guarded by the pattern
        return IndicatorValue(text, None, None, "", "")
    sign = match.group("sign")
    return IndicatorValue(
        text=text,
        sign=_SIGN_ALIASES[sign] if sign else None,
        number=number,
        unit=match.group("unit") or "",
        note=match.group("note") or "",
    )


def compose_value(sign: str | None, number: Decimal | str, unit: str = "", note: str = "") -> str:
    """Merge the parts the finance system stores into the printed form, e.g. ``≥98%``."""
    text = f"{sign or ''}{number}{unit}"
    return f"{text}（{note}）" if note else text
