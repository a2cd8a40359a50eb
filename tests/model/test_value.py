"""Indicator values keep the text as written and expose its parts."""

from decimal import Decimal

import pytest

from bpeditor.model.value import compose_value, parse_value


@pytest.mark.parametrize(
    ("text", "sign", "number", "unit", "note"),
    [
        ("≥98%", "≥", Decimal("98"), "%", ""),
        ("12个月", None, Decimal("12"), "个月", ""),
        ("0次", None, Decimal("0"), "次", ""),
        ("≥500", "≥", Decimal("500"), "", ""),
        ("≥500万元", "≥", Decimal("500"), "万元", ""),
        (
            "100%（通关顺畅保障天数/365天*100%）",
            None,
            Decimal("100"),
            "%",
            "通关顺畅保障天数/365天*100%",
        ),
        ("100%(每个项目都及时维护)", None, Decimal("100"), "%", "每个项目都及时维护"),
        (">=95%", "≥", Decimal("95"), "%", ""),
        ("<=3天", "≤", Decimal("3"), "天", ""),
        ("＜1,000元", "＜", Decimal("1000"), "元", ""),
        ("1个/年", None, Decimal("1"), "个/年", ""),
    ],
)
def test_quantitative_values_are_split(
    text: str, sign: str | None, number: Decimal, unit: str, note: str
) -> None:
    value = parse_value(text)
    assert value.text == text
    assert value.is_quantitative
    assert (value.sign, value.number, value.unit, value.note) == (sign, number, unit, note)


@pytest.mark.parametrize("text", ["全面", "正常", "有效优化本区营商环境", "按时发放", "各1次"])
def test_qualitative_values_keep_their_text(text: str) -> None:
    value = parse_value(text)
    assert not value.is_quantitative
    assert value.text == text
    assert value.sign is None and value.number is None


@pytest.mark.parametrize("text", ["**", "≥**%", "XX", "≥xx个"])
def test_placeholders_are_recognised(text: str) -> None:
    assert parse_value(text).is_placeholder


def test_real_values_are_not_placeholders() -> None:
    assert not parse_value("100%（设备正常运行时数/设备总运行时数*100%）").is_placeholder


def test_compose_value_prints_the_merged_form() -> None:
    assert compose_value("≥", "98", "%") == "≥98%"
    assert compose_value(None, Decimal("12"), "个月") == "12个月"
    assert compose_value(None, "100", "%", "口岸查验单位满意") == "100%（口岸查验单位满意）"
