"""The one-cell encoding of a project's indicators."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bpeditor.io.indicator_codec import (
    _WHITESPACE,
    _parse_general,
    _parse_plain,
    format_indicator,
    format_indicators,
    parse_indicators,
    parse_item,
    split_items,
)
from bpeditor.model.table import Indicator

FULL = "1、1-产出指标；11-数量指标；供水保障月数；实施周期指标值:12个月；年度指标值:12个月。"
HALF = "1、1-产出指标;11-数量指标;保障口岸查验单位数(个);实施周期指标值:1个/年;年度指标值:1个/年。"


def test_full_and_half_width_items() -> None:
    (full,), problems = parse_indicators(FULL)
    assert problems == []
    assert full == Indicator("1", "产出指标", "11", "数量指标", "供水保障月数", "12个月", "12个月")
    (half,), _ = parse_indicators(HALF)
    assert half.name == "保障口岸查验单位数(个)"
    assert half.period_value == half.annual_value == "1个/年"


def test_value_with_colon_semicolon_and_final_full_stop() -> None:
    item = "1-产出指标；12-质量指标；时间：上午；实施周期指标值:比例：1;2；年度指标值:完成。。"
    indicator = parse_item(item)
    assert indicator is not None
    assert indicator.name == "时间：上午"
    assert indicator.period_value == "比例：1;2"
    assert indicator.annual_value == "完成。"


def test_labels_without_codes_and_old_codes() -> None:
    indicator = parse_item("效益指标；社会效益指标；投资环境；实施周期指标值:优化；年度指标值:优化")
    assert indicator is not None
    assert (indicator.level1, indicator.level2) == ("2", "22")
    old = parse_item("001-产出指标；001001-数量指标；人数；实施周期指标值:5；年度指标值:5")
    assert old is not None and (old.level1, old.level2) == ("1", "11")
    assert (old.level1_label, old.level2_label) == ("产出指标", "数量指标")
    guide = parse_item("G2-成本指标；G21-经济成本指标；单价；实施周期指标值:≤5元；年度指标值:≤5元")
    assert guide is not None and (guide.level1, guide.level2) == ("G2", "G21")


def test_one_per_line_and_spaces() -> None:
    cell = (
        FULL
        + "\r\n 2 、 2-效益指标；22-社会效益；安全事故；实施周期指标值: 0次 ；年度指标值:0次。\n"
    )
    indicators, problems = parse_indicators(cell)
    assert problems == []
    assert [i.name for i in indicators] == ["供水保障月数", "安全事故"]
    assert indicators[1].period_value == "0次"


def test_numbers_inside_text_do_not_start_items() -> None:
    cell = "1、1-产出指标；11-数量指标；人数，2、3；实施周期指标值:≥1,000人；年度指标值:2,000人。"
    indicators, problems = parse_indicators(cell)
    assert problems == []
    assert [i.name for i in indicators] == ["人数，2、3"]
    assert indicators[0].annual_value == "2,000人"


def test_numbered_text_inside_a_period_value_is_one_item() -> None:
    cell = (
        "1、1-产出指标；11-数量指标；制度建设；实施周期指标值:建立制度。2、完善流程；"
        "年度指标值:完成。2、2-效益指标；22-社会效益；投资环境；实施周期指标值:优化；年度指标值:优化。"
    )
    indicators, problems = parse_indicators(cell)
    assert problems == []
    assert [i.name for i in indicators] == ["制度建设", "投资环境"]
    assert indicators[0].period_value == "建立制度。2、完善流程"


def test_unreadable_items_are_kept_and_reported() -> None:
    indicators, problems = parse_indicators("说明文字\n" + FULL + "2、随便写的。")
    assert [i.name for i in indicators] == ["说明文字", "供水保障月数", "随便写的"]
    assert [(p.item, p.text) for p in problems] == [(0, "说明文字"), (2, "随便写的")]


def test_split_items() -> None:
    assert split_items("前言。" + FULL + FULL.replace("1、", "2、", 1)) == (
        "前言。",
        [FULL[2:], FULL[2:]],
    )
    assert split_items("  没有编号  ") == ("没有编号", [])


def test_format_round_trip_and_code_only_classes() -> None:
    indicators = [
        Indicator("1", "产出指标", "11", "数量指标", "人数", "≥5人", "≥5人"),
        Indicator("1", "", "11", "", "代码", "1", "1"),
        Indicator("", "", "", "", "无分类", "", ""),
        Indicator("X9", "地方自定", "", "自定二级", "名称；含分号", "a;b", "c：d"),
    ]
    assert format_indicator(2, indicators[1]) == (
        "2、1-；11-；代码；实施周期指标值:1；年度指标值:1。"
    )
    for one_per_line in (False, True):
        text = format_indicators(indicators, one_per_line=one_per_line)
        assert parse_indicators(text) == (indicators, [])


# The fast path for plainly written cells must read exactly what the general reading reads.

_PIECES = (
    "1",
    "12",
    "12345",
    "１",
    "、",
    "；",
    ";",
    "。",
    "\n",
    "\r\n",
    " ",
    "\u3000",
    "\t",
    "\xa0",
    "-",
    "－",
    "—",
    "A",
    "G2",
    "产出指标",
    "数量指标",
    "效益",
    "实施周期指标值",
    "年度指标值",
    ":",
    "：",
    "≥98%",
    "（续）",
)
_SPACES = ("\n", "\r\n", " ", "\u3000", "\t", "\xa0")
_ANY = st.lists(st.sampled_from(_PIECES), max_size=4).map("".join)
"""Any text: whitespace, separators, full stops, numbers, keys."""
_PLAIN = st.lists(st.sampled_from([p for p in _PIECES if p not in _SPACES]), max_size=2).map(
    "".join
)
"""Text without whitespace: the fast path takes it unless separators or 。 get in the way."""
_CLASSES = st.sampled_from(("1-产出指标", "11-数量指标", "效益指标", "G2-成本", "1-", "X9-自定"))


def _mostly(usual: str, *others: str) -> st.SearchStrategy[str]:
    """``usual`` nine times in ten, else one of ``others``."""
    return st.sampled_from((usual,) * 9 * len(others) + others)


@st.composite
def _items(draw: st.DrawFn, field: st.SearchStrategy[str]) -> str:
    """One item in the official shape (now and then a wrong number, key or end), fields drawn."""
    number = draw(_mostly("1", "9999", "12345", "", "１"))
    sep = draw(_mostly("；", ";", " ；"))
    level1, level2 = draw(_CLASSES | field), draw(_CLASSES | field)
    period = draw(_mostly("实施周期指标值:", "实施周期指标值：", "实施周期指标值 :", ""))
    annual = draw(_mostly("年度指标值:", "年度指标值：", "年度指标值"))
    fields = [level1, level2, draw(field), period + draw(field), annual + draw(field)]
    end = draw(_mostly("。", "。\n", "。\n\n", "", "。 ", "\n"))
    return f"{number}、{sep.join(fields)}{end}"


@settings(max_examples=400, deadline=None)
@given(st.lists(_items(_PLAIN), min_size=1, max_size=4).map("".join))
def test_fast_path_reads_what_the_general_reading_reads(cell: str) -> None:
    assert parse_indicators(cell) == _parse_general(cell)


@settings(max_examples=300, deadline=None)
@given(st.lists(_items(_ANY) | _ANY, min_size=1, max_size=4).map("".join))
def test_fast_path_on_messy_cells(cell: str) -> None:
    assert parse_indicators(cell) == _parse_general(cell)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_fast_path_on_arbitrary_pieces(cell: str) -> None:
    assert parse_indicators(cell) == _parse_general(cell)


def test_plain_cells_take_the_fast_path() -> None:
    assert _parse_plain(FULL + "\n" + FULL.replace("1、", "2、", 1) + "\n") is not None
    assert _parse_plain(HALF) is not None
    assert _parse_plain(FULL.replace("供水", "供 水")) is None  # whitespace: the general way


def test_only_the_ascii_space_is_printable_whitespace() -> None:
    """The fast path's whitespace check relies on this."""
    printable = [c for c in map(chr, range(0x110000)) if c.isspace() and c.isprintable()]
    assert printable == [" "]


def test_the_fast_path_knows_every_whitespace_character() -> None:
    """Its fields exclude this class: a cell with any whitespace but line breaks goes the
    general way."""
    pattern = re.compile(f"[{_WHITESPACE}]")
    found = [c for c in map(chr, range(0x110000)) if pattern.match(c)]
    assert found == [c for c in map(chr, range(0x110000)) if c.isspace()]
    for space in found:
        if space != "\n":
            assert _parse_plain(FULL.replace("供水", f"供{space}水")) is None
            assert _parse_plain(FULL + space) is None
