"""The coded taxonomy, its aliases, and the separate 2021 four-class set."""

import pytest

from bpeditor.model.taxonomy import GUIDE_2021, OFFICIAL, canonical_code, label_matches


def test_official_classes_and_their_children() -> None:
    assert [c.code for c in OFFICIAL.level1()] == ["1", "2", "3"]
    assert [c.code for c in OFFICIAL.children("1")] == ["11", "12", "13", "14"]
    assert [c.code for c in OFFICIAL.children("2")] == ["21", "22", "23", "24"]
    assert [c.label for c in OFFICIAL.children("3")] == ["服务对象满意度指标"]
    assert OFFICIAL.is_child("22", "2")
    assert not OFFICIAL.is_child("22", "1")


@pytest.mark.parametrize(
    ("code", "label", "level", "expected"),
    [
        ("22", "社会效益", 2, "22"),
        ("", "社会效益指标", 2, "22"),
        ("", "社会效益", 2, "22"),
        ("001001", "数量指标", 2, "11"),
        ("001", "", 1, "1"),
        ("", "环境效益", 2, "23"),
        ("", "环境效益指标", 2, "23"),
        ("31", "服务对象满意度", 2, "31"),
        ("99", "奇怪指标", 2, "99"),
    ],
)
def test_codes_and_labels_map_to_the_canonical_code(
    code: str, label: str, level: int, expected: str
) -> None:
    assert canonical_code(code, label, level=level) == expected


def test_guide_2021_is_a_separate_clearly_unofficial_taxonomy() -> None:
    assert not GUIDE_2021.official and OFFICIAL.official
    assert [c.label for c in GUIDE_2021.level1()] == [
        "产出指标",
        "成本指标",
        "效益指标",
        "满意度指标",
    ]
    assert [c.label for c in GUIDE_2021.children("G2")] == [
        "经济成本指标",
        "社会成本指标",
        "生态环境成本指标",
    ]
    official_codes = {c.code for c in OFFICIAL.categories}
    assert official_codes.isdisjoint(c.code for c in GUIDE_2021.categories)
    assert canonical_code("G21", "经济成本指标", level=2) == "G21"
    assert canonical_code("", "经济成本指标", level=2) == "G21"


def test_printed_labels_match_with_or_without_zhibiao() -> None:
    social = OFFICIAL.get("22")
    assert social is not None
    assert label_matches(social, "社会效益")
    assert label_matches(social, "社会效益指标")
    assert not label_matches(social, "经济效益")
