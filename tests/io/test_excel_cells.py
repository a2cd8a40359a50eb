"""Cell values from calamine as texts: the shortcut for numbers gives what ``cell_text`` gives."""

from __future__ import annotations

import datetime as dt

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bpeditor.io.excel_grid import _row_texts, _value_text, cell_text


@settings(max_examples=2000, deadline=None)
@given(st.floats(allow_nan=True, allow_infinity=True))
@example(0.1 + 0.2)
@example(1664.69)
@example(-0.0)
@example(1e15)
@example(1e15 + 0.5)
@example(999999999999999.9)
@example(0.0001)
@example(0.00001)
@example(123456789012345.6)
@example(12345678901234.56)
@example(1.2345678901234567)
def test_number_texts_match_cell_text(value: float) -> None:
    assert _value_text(value) == cell_text(value)


@settings(max_examples=500, deadline=None)
@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False))
def test_amounts_as_floats_read_as_their_two_decimals(amount: object) -> None:
    text = _value_text(float(amount))  # type: ignore[arg-type]
    assert text == cell_text(float(amount))  # type: ignore[arg-type]


def test_other_values() -> None:
    values = [True, False, 7, -3, None, dt.datetime(2024, 1, 2), dt.date(2024, 1, 2), "x"]
    assert [_value_text(v) for v in values[:-1]] == [cell_text(v) for v in values[:-1]]
    assert _row_texts(["a", 1.5, 2.0, None, "b"]) == ["a", "1.5", "2", "", "b"]
    row = ["a", "b"]
    assert _row_texts(row) is row  # a row of texts is kept as it is
