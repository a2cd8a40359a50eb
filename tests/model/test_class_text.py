"""一级/二级 text as typed in the grid or printed in a file, read as a code and a label."""

from __future__ import annotations

import pytest

from bpeditor.model.taxonomy import class_fields, official_label, printed_class, split_class_text


def test_official_label_of_a_code() -> None:
    assert official_label("11") == "数量指标"
    assert official_label("G23") == "生态环境成本指标"
    assert official_label("99") == ""
    assert official_label("") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1-产出指标", ("1", "产出指标")),
        (" 11－数量指标 ", ("11", "数量指标")),
        ("G1 产出指标", ("G1", "产出指标")),
        ("001001", ("001001", "")),
        ("社会效益指标", ("", "社会效益指标")),
        ("产出-指标", ("", "产出-指标")),
    ],
)
def test_split_typed_class_text(text: str, expected: tuple[str, str]) -> None:
    assert split_class_text(text) == expected


@pytest.mark.parametrize(
    ("text", "level", "expected"),
    [
        ("产出指标", 1, ("1", "产出指标")),
        ("001002", 2, ("12", "质量指标")),
        ("2-效益", 1, ("2", "效益")),
        ("环境成本指标", 2, ("G23", "环境成本指标")),
        ("自定义", 2, ("", "自定义")),
        ("数量指标", 1, ("", "数量指标")),
    ],
)
def test_class_fields_of_typed_text(text: str, level: int, expected: tuple[str, str]) -> None:
    assert class_fields(text, level) == expected


@pytest.mark.parametrize(
    ("text", "level", "expected"),
    [
        ("1-产出指标", 1, ("1", "产出指标")),
        ("001.产出指标（续）", 1, ("1", "产出指标")),
        ("11 、 数量指标", 2, ("11", "数量指标")),
        ("满意度指标(续)", 1, ("3", "满意度指标")),
        ("（续）", 1, ("", "")),
        ("其他指标", 1, ("", "其他指标")),
    ],
)
def test_printed_class(text: str, level: int, expected: tuple[str, str]) -> None:
    assert printed_class(text, level) == expected


def test_printed_class_in_other_provinces_wordings() -> None:
    """Continuation marks, scores, notes and other words for the same classes."""
    assert printed_class("产出指标续表", 1) == ("1", "产出指标")
    assert printed_class("产出 指标（续）", 1) == ("1", "产出指标")
    assert printed_class("产出指标(50分)", 1)[0] == "1"
    assert printed_class("项目完成指标", 1)[0] == "1"
    assert printed_class("服务对象或受益者满意度指标", 2)[0] == "31"
    assert printed_class("时效指标（工期指标）", 2)[0] == "13"
    assert printed_class("社会、经济、生态效益指标", 2) == ("", "社会、经济、生态效益指标")


@pytest.mark.parametrize(
    ("text", "typed", "notation"),
    [
        ("1-产出指标", ("1", "产出指标"), ("1", "产出指标")),
        ("11－数量指标", ("11", "数量指标"), ("11", "数量指标")),
        ("G2—成本指标", ("G2", "成本指标"), ("G2", "成本指标")),
        ("1–产出指标", ("1", "产出指标"), ("", "1–产出指标")),
        ("1 产出指标", ("1", "产出指标"), ("", "1 产出指标")),
        ("G2", ("G2", ""), ("", "G2")),
        ("1-", ("1", ""), ("1", "")),
        ("产出指标", ("", "产出指标"), ("", "产出指标")),
    ],
)
def test_split_class_text_typed_and_in_the_notation(
    text: str, typed: tuple[str, str], notation: tuple[str, str]
) -> None:
    assert split_class_text(text) == typed
    assert split_class_text(text, typed=False) == notation
