"""Real published tables (../shared/samples/real), every rendition, against their expectations.

Each ``<stem>.expected.json`` is what a careful person extracts from the table; every rendition
(``.html``, ``.xlsx``, ``.docx``, ``.tsv``) must import to it under the comparison rules of
``../shared/tools/score_real.py``: texts compared after NFKC and with whitespace removed; a
comparator written as words counts as its sign; a bare 定性 counts as no value; a one-value
table may leave 实施周期 empty or copy the 年度 value into it; a 二级 the table names
ambiguously (expected ``""``) may be blank or any class under the right 一级; amounts compare
in the expectation's money unit (the importer converts 元 to 万元).
"""

from __future__ import annotations

import json
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bpeditor.io.registry import read_path
from bpeditor.model.table import Indicator, Project
from bpeditor.model.taxonomy import OFFICIAL

REAL = Path(__file__).resolve().parents[2].parent / "shared/samples/real"
EXPECTED = sorted(REAL.glob("*.expected.json"))
RENDITIONS = ("html", "xlsx", "docx", "tsv")
CASES = [
    pytest.param(exp, ext, id=f"{exp.name.removesuffix('.expected.json')}.{ext}")
    for exp in EXPECTED
    for ext in RENDITIONS
]
_WORDS = (
    ("大于等于", "≥"),
    ("小于等于", "≤"),
    ("不低于", "≥"),
    ("不少于", "≥"),
    ("不超过", "≤"),
    ("不高于", "≤"),
    ("大于", ">"),
    ("小于", "<"),
    ("等于", "="),
    (">=", "≥"),
    ("<=", "≤"),
)


def _norm(text: str | None) -> str:
    return "".join(unicodedata.normalize("NFKC", text or "").split())


def _value(text: str | None) -> str:
    value = _norm(text)
    for word, sign in _WORDS:
        if value.startswith(word):
            value = sign + value[len(word) :]
            break
    return "" if value == "定性" else value


def _indicator_matches(got: Indicator, want: dict[str, Any]) -> bool:
    if got.level1 != want["level1"]:
        return False
    if got.level2 != want["level2"]:
        ambiguous = want["level2"] == "" and want["level1"]
        if not (ambiguous and (got.level2 == "" or OFFICIAL.is_child(got.level2, want["level1"]))):
            return False
    if _norm(got.name) != _norm(want["name"]):
        return False
    if _value(got.annual_value) != _value(want["annual_value"]):
        return False
    period, expected_period = _value(got.period_value), _value(want["period_value"])
    return period == expected_period or (
        expected_period == "" and period == _value(want["annual_value"])
    )


def _amount(text: str | None, scale: Decimal) -> Decimal | None:
    if text in (None, ""):
        return None
    return Decimal(str(text).replace(",", "")) / scale


def _same_money(got: Decimal | None, want: Decimal | None) -> bool:
    if got is None or want is None:
        return got in (None, Decimal(0)) and want in (None, Decimal(0))
    return abs(got - want) < Decimal("0.005")


def _check_project(got: Project, want: dict[str, Any], scale: Decimal) -> None:
    assert _norm(got.name) == _norm(want["name"])
    for field in ("total", "fiscal", "special_account", "other"):
        amount = _amount(want["funds"].get(field), scale)
        assert _same_money(getattr(got.funds, field), amount), (want["name"], field)
    assert len(got.indicators) == len(want["indicators"]), want["name"]
    for got_indicator, want_indicator in zip(got.indicators, want["indicators"], strict=True):
        assert _indicator_matches(got_indicator, want_indicator), (got_indicator, want_indicator)


def test_the_real_samples_are_there() -> None:
    """The shared samples are found beside the repository (twelve tables, four renditions)."""
    assert len(EXPECTED) >= 12
    for exp in EXPECTED:
        stem = exp.name.removesuffix(".expected.json")
        assert all((REAL / f"{stem}.{ext}").is_file() for ext in RENDITIONS), stem


@pytest.mark.parametrize(("expected_path", "ext"), CASES)
def test_real_table_imports_as_expected(expected_path: Path, ext: str) -> None:
    """Every project, amount and indicator of a real table, in printed order."""
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    source = expected_path.with_name(expected_path.name.replace(".expected.json", f".{ext}"))
    result = read_path(source)
    scale = Decimal(10000) if expected.get("money_unit") == "元" else Decimal(1)
    got = [p for _, p in result.table.iter_projects()]
    want = [p for u in expected["units"] for p in u["projects"]]
    assert len(got) == len(want)
    for got_project, want_project in zip(got, want, strict=True):
        _check_project(got_project, want_project, scale)
