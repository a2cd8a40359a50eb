"""Decimal money amounts: parsing what clerks type and formatting it for print."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

Amount = Decimal | None
"""A money amount, or ``None`` for a blank cell."""

CENT = Decimal("0.01")

_SEPARATORS = str.maketrans({",": "", "，": "", " ": "", "\u00a0": "", "\u3000": ""})
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９．－", "0123456789.-")
_AMOUNT_RE = re.compile(r"-?(?:\d{1,15}(?:\.\d{0,6})?|\.\d{1,6})")
"""At most 15 whole digits (trillions of 元) and 6 decimals: anything longer is not money."""


class AmountError(ValueError):
    """Raised when a text cannot be read as a money amount."""


def parse_amount(text: str | None) -> Amount:
    """Read an amount such as ``1,664.69`` (thousands separators allowed); blank gives ``None``.

    Raises :class:`AmountError` when the text is not a number.
    """
    if text is None:
        return None
    cleaned = text.strip().translate(_FULL_WIDTH_DIGITS).translate(_SEPARATORS)
    if cleaned in ("", "-", "—", "/"):
        return None
    if not _AMOUNT_RE.fullmatch(cleaned):
        raise AmountError(f"不是金额：{text.strip()!r}")
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the pattern already guards this
        raise AmountError(f"不是金额：{text.strip()!r}") from exc


def format_amount(amount: Amount, *, thousands: bool = True, blank_zero: bool = True) -> str:
    """Format an amount with two decimals (and thousands separators); blank for ``None`` or zero."""
    if amount is None or (blank_zero and amount == 0):
        return ""
    quantized = amount.quantize(CENT) if _at_most_cents(amount) else amount
    return f"{quantized:,}" if thousands else f"{quantized}"


def to_storage(amount: Amount) -> str | None:
    """The amount as a plain decimal string for the native file (no separators).

    Raises :class:`ValueError` for an infinity or NaN, which the file cannot hold.
    """
    if amount is None:
        return None
    if not amount.is_finite():
        raise ValueError(f"金额不是有限的数字：{amount}")
    quantized = amount.quantize(CENT) if _at_most_cents(amount) else amount
    return f"{quantized:f}"


def _at_most_cents(amount: Decimal) -> bool:
    """Whether a finite amount has at most two decimals as written (an infinity or NaN has not)."""
    exponent = amount.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -2


def sum_amounts(amounts: Iterable[Amount]) -> Amount:
    """Sum amounts treating blanks as zero; ``None`` when every amount is blank."""
    total: Amount = None
    for amount in amounts:
        if amount is not None:
            total = amount if total is None else total + amount
    return total


def same_amount(a: Amount, b: Amount) -> bool:
    """Whether two amounts are equal, a blank counting as zero."""
    return (a or Decimal(0)) == (b or Decimal(0))
