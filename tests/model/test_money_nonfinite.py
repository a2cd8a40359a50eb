"""Money helpers given an infinity or NaN (no reader makes one, but a Funds can hold one)."""

from decimal import Decimal

import pytest

from bpeditor.model.money import format_amount, to_storage


@pytest.mark.parametrize("text", ["Infinity", "-Infinity", "NaN"])
def test_a_non_finite_amount_is_printed_as_it_is(text: str) -> None:
    assert format_amount(Decimal(text)) == text
    assert format_amount(Decimal(text), thousands=False) == text


@pytest.mark.parametrize("text", ["Infinity", "-Infinity", "NaN"])
def test_a_non_finite_amount_cannot_be_stored(text: str) -> None:
    with pytest.raises(ValueError, match="不是有限的数字"):
        to_storage(Decimal(text))


def test_finite_amounts_are_stored_and_printed_as_before() -> None:
    assert to_storage(Decimal("40")) == "40.00"
    assert to_storage(Decimal("1.005")) == "1.005"
    assert format_amount(Decimal("1664.6")) == "1,664.60"
    assert format_amount(Decimal("0.125")) == "0.125"
