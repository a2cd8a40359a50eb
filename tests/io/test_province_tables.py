"""Tables in other provinces' conventions, written for these tests, import as a person reads them.

A guard against rules fitted to the shared samples: each table of :mod:`province_tables` is
saved as the ``.tsv`` on the clipboard, the web page's ``.html``, a workbook and a Word table,
and every rendition must give the hand-written expectation, with no file refused.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from province_tables import RENDITIONS, TABLES, Expected, Sheet

from bpeditor.io.registry import read_path
from bpeditor.model.table import Table

CASES = [
    pytest.param(sheet, rendition, id=f"{sheet.name}.{rendition}")
    for sheet in TABLES
    for rendition in RENDITIONS
]


def _amount(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _check(table: Table, expected: Expected) -> None:
    assert table.reporting_unit == expected.reporting_unit
    assert [u.name for u in table.units] == [name for name, _ in expected.units]
    for unit, (_, projects) in zip(table.units, expected.units, strict=True):
        assert [p.name for p in unit.projects] == [p.name for p in projects]
        for got, want in zip(unit.projects, projects, strict=True):
            total, fiscal, other = map(_amount, want.amounts)
            assert (got.funds.total, got.funds.fiscal, got.funds.other) == (total, fiscal, other)
            assert got.goal == want.goal
            rows = [
                (i.level1, i.level2, i.name, i.period_value, i.annual_value) for i in got.indicators
            ]
            if expected.one_value:  # one value column: 实施期 blank or the 年度 value
                rows = [(a, b, n, y if p in ("", y) else p, y) for a, b, n, p, y in rows]
            assert rows == want.indicators, want.name


@pytest.mark.parametrize(("sheet", "rendition"), CASES)
def test_a_province_table_imports_as_expected(sheet: Sheet, rendition: str, tmp_path: Path) -> None:
    """Every unit, project, amount, goal and indicator, in printed order."""
    result = read_path(sheet.write(tmp_path, rendition))
    _check(result.table, sheet.expected)
    assert not any("中断" in w.message for w in result.warnings)
