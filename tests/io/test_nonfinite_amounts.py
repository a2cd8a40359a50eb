"""An infinity or NaN amount in a table: saving refuses it cleanly, 元→万元 keeps it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bpeditor.io import native
from bpeditor.io.base import WriteError
from bpeditor.io.layouts.recognise import _wan
from bpeditor.model.table import Funds, Project, Table, Unit


def _table(amount: Decimal) -> Table:
    project = Project(name="项目", funds=Funds(total=amount))
    return Table(units=[Unit(name="单位", projects=[project])])


@pytest.mark.parametrize("text", ["Infinity", "NaN"])
def test_saving_a_non_finite_amount_is_a_write_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "表.bpe"
    native.save(_table(Decimal("1")), path)
    before = path.read_bytes()
    with pytest.raises(WriteError, match="无法保存的内容"):
        native.save(_table(Decimal(text)), path)
    assert path.read_bytes() == before


def test_yuan_to_wan_keeps_an_infinity() -> None:
    assert _wan(Decimal("Infinity")) == Decimal("Infinity")
    assert _wan(Decimal("-Infinity")) == Decimal("-Infinity")
    nan = _wan(Decimal("NaN"))
    assert nan is not None and nan.is_nan()


def test_yuan_to_wan_of_finite_amounts_is_unchanged() -> None:
    assert str(_wan(Decimal("16646900"))) == "1664.69"
    assert str(_wan(Decimal("123.45"))) == "0.012345"
    assert str(_wan(Decimal("1000000"))) == "100.00"
    assert _wan(None) is None
