"""Money amounts: what clerks type in, what is printed."""

from decimal import Decimal

import pytest

from bpeditor.model.money import (
    AmountError,
    format_amount,
    parse_amount,
    same_amount,
    sum_amounts,
    to_storage,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,664.69", Decimal("1664.69")),
        ("  40.00 ", Decimal("40.00")),
        ("１，３６１．００", Decimal("1361.00")),
        ("0.5", Decimal("0.5")),
        ("-3.20", Decimal("-3.20")),
        ("", None),
        ("   ", None),
        (None, None),
        ("-", None),
    ],
)
def test_parse_amount_reads_what_clerks_write(text: str | None, expected: Decimal | None) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["abc", "1.2.3", "12万", "1e5", "NaN"])
def test_parse_amount_refuses_non_numbers(text: str) -> None:
    with pytest.raises(AmountError, match="不是金额"):
        parse_amount(text)


def test_format_amount_prints_two_decimals_with_separators_and_blank_zero() -> None:
    assert format_amount(Decimal("1664.69")) == "1,664.69"
    assert format_amount(Decimal("1361")) == "1,361.00"
    assert format_amount(Decimal("0.5")) == "0.50"
    assert format_amount(Decimal("0")) == ""
    assert format_amount(None) == ""
    assert format_amount(Decimal("0"), blank_zero=False) == "0.00"
    assert format_amount(Decimal("1234.5"), thousands=False) == "1234.50"


def test_storage_form_is_plain_decimal_and_keeps_extra_precision() -> None:
    assert to_storage(Decimal("1664.69")) == "1664.69"
    assert to_storage(Decimal("40")) == "40.00"
    assert to_storage(Decimal("0.125")) == "0.125"
    assert to_storage(None) is None


def test_sums_treat_blank_as_zero_but_all_blank_stays_blank() -> None:
    assert sum_amounts([Decimal("1.10"), None, Decimal("2.20")]) == Decimal("3.30")
    assert sum_amounts([None, None]) is None
    assert same_amount(None, Decimal("0.00"))
    assert not same_amount(Decimal("40.00"), Decimal("41.00"))


@pytest.mark.parametrize("text", ["1" * 30, "0." + "1" * 20])
def test_absurdly_long_numbers_are_not_amounts(text: str) -> None:
    with pytest.raises(AmountError):
        parse_amount(text)
