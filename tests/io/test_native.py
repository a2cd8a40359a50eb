"""The native .bpe file: round trips, the JSON shape of the spec, and refusing bad files cleanly."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import json
import random
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpeditor.io import native
from bpeditor.io.base import ReadError, WriteError
from bpeditor.io.registry import sniff_bpe
from bpeditor.io.text import read_text
from bpeditor.model.table import Funds, Indicator, Project, SignOff, Table, Unit

FORMAT_DOC = Path(__file__).resolve().parents[2] / "docs" / "file-format.md"


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> Table:
    return read_text(sample_path).table


@pytest.fixture
def sample_file(sample: Table, tmp_path: Path) -> Path:
    path = tmp_path / "花都口岸.bpe"
    native.save(sample, path)
    return path


def full_table() -> Table:
    """A table with every optional field filled in."""
    indicator = Indicator(
        level1="1",
        level1_label="产出指标",
        level2="11",
        level2_label="数量指标",
        name="巡查次数",
        period_value="≥24次",
        annual_value="≥12次",
        basis="计划标准",
        explanation="全年巡查车检场设施的次数",
        note="按月统计",
    )
    project = Project(
        name="口岸车检场配套设施维修维护",
        funds=Funds(
            total=Decimal("1664.69"),
            fiscal=Decimal("1600"),
            special_account=Decimal("60.5"),
            other=Decimal("4.19"),
        ),
        goal="加强口岸车检场安全稳定高效运行。",
        indicators=[indicator, Indicator(name="只有名称")],
        department="广州市花都区人民政府办公室（123001）",
        implementing_unit="广州市花都区口岸服务保障中心",
        attribute="延续",
        period="2024年1月-2026年12月",
        period_funds=Funds(total=Decimal("4994.07"), fiscal=Decimal("4994.07")),
        period_goal="三年内完成车检场配套设施的全面维护。",
    )
    return Table(
        title="项目支出绩效目标表（含转移支付项目）",
        reporting_unit="广州市花都区口岸服务保障中心",
        money_unit="元",
        year=2025,
        units=[Unit(name="广州市花都区口岸服务保障中心", projects=[project]), Unit(name="空单位")],
        signoff=SignOff(head="张伟", preparer="李娜", phone="020-86888888", date="2025-01-15"),
    )


def minimal() -> dict[str, Any]:
    """The smallest valid file with one project and one indicator, as a dict to corrupt."""
    return {
        "format": "bpeditor",
        "version": 1,
        "title": "项目支出绩效目标表",
        "reporting_unit": "某单位",
        "money_unit": "万元",
        "units": [
            {
                "name": "某单位",
                "projects": [
                    {
                        "name": "口岸车检场水电费",
                        "funds": {
                            "total": "40.00",
                            "fiscal": "40.00",
                            "special_account": None,
                            "other": None,
                        },
                        "goal": "保障水电供应。",
                        "indicators": [
                            {
                                "level1": "1",
                                "level1_label": "产出指标",
                                "level2": "11",
                                "level2_label": "数量指标",
                                "name": "供水保障月数",
                                "period_value": "12个月",
                                "annual_value": "12个月",
                            }
                        ],
                    }
                ],
            }
        ],
    }


def loads_dict(data: Any) -> Table:
    return native.loads(json.dumps(data, ensure_ascii=False), "测试.bpe")


def refused(data: Any) -> str:
    """The message of the ReadError a dict is refused with."""
    with pytest.raises(ReadError) as info:
        loads_dict(data)
    return str(info.value)


# --- round trips and shape ------------------------------------------------------------------


def test_sample_round_trips_through_a_file(sample: Table, sample_file: Path) -> None:
    result = native.read_bpe(sample_file)
    assert result.table == sample
    assert result.format == "bpe"
    assert result.warnings == []
    assert sample.project_count() == 9
    assert sample.indicator_count() == 49


def test_saved_file_has_the_shape_of_the_spec(sample: Table, sample_file: Path) -> None:
    raw = sample_file.read_bytes()
    assert "口岸车检场水电费".encode() in raw  # UTF-8, Chinese not escaped
    assert not raw.startswith(b"\xef\xbb\xbf")
    data = json.loads(raw.decode("utf-8"))
    assert data["format"] == "bpeditor"
    assert data["version"] == 1
    assert data["title"] == "项目支出绩效目标表（含转移支付项目）"
    assert data["reporting_unit"] == "广州市花都区口岸服务保障中心"
    assert data["money_unit"] == "万元"
    assert isinstance(data["units"], list)
    unit = data["units"][0]
    assert unit["name"] == "广州市花都区口岸服务保障中心"
    project = unit["projects"][0]
    assert project["name"] == "口岸车检场水电费"
    assert project["funds"] == {
        "total": "40.00",
        "fiscal": "40.00",
        "special_account": None,
        "other": None,
    }
    assert project["goal"].startswith("通过保障口岸车检场全年水电供应到位")
    assert project["indicators"][0] == {
        "level1": "1",
        "level1_label": "产出指标",
        "level2": "11",
        "level2_label": "数量指标",
        "name": "供水保障月数",
        "period_value": "12个月",
        "annual_value": "12个月",
    }
    fourth = project["indicators"][3]
    assert (fourth["level2"], fourth["level2_label"]) == ("22", "社会效益")
    assert fourth["period_value"] == "100%（通关顺畅保障天数/365天*100%）"
    # Blank optional fields are left out, not written empty.
    assert set(project) == {"name", "funds", "goal", "indicators"}
    assert "year" not in data and "signoff" not in data


def test_amounts_are_plain_decimal_strings(sample_file: Path) -> None:
    data = json.loads(sample_file.read_text(encoding="utf-8"))
    amounts = [
        value
        for unit in data["units"]
        for project in unit["projects"]
        for value in project["funds"].values()
    ]
    assert all(a is None or (isinstance(a, str) and "," not in a) for a in amounts)
    assert "1664.69" not in amounts  # the 合计 is derived, never stored
    assert {"40.00", "7.60", "9.79"} <= set(amounts)


def test_optional_fields_survive(tmp_path: Path) -> None:
    table = full_table()
    path = tmp_path / "full.bpe"
    native.save(table, path)
    assert native.read_bpe(path).table == table
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["year"] == 2025
    assert data["signoff"] == {
        "head": "张伟",
        "preparer": "李娜",
        "phone": "020-86888888",
        "date": "2025-01-15",
    }
    project = data["units"][0]["projects"][0]
    assert project["period_funds"] == {
        "total": "4994.07",
        "fiscal": "4994.07",
        "special_account": None,
        "other": None,
    }
    assert project["funds"]["fiscal"] == "1600.00"
    assert project["indicators"][0]["basis"] == "计划标准"
    assert project["indicators"][0]["note"] == "按月统计"
    assert data["units"][1] == {"name": "空单位", "projects": []}


def test_amounts_keep_their_exact_value() -> None:
    table = full_table()
    funds = table.units[0].projects[0].funds
    funds.total, funds.fiscal = Decimal("0.005"), Decimal("-12.5")
    funds.special_account, funds.other = Decimal(0), None
    loaded = native.loads(native.dumps(table)).units[0].projects[0].funds
    assert loaded.total == Decimal("0.005") and str(loaded.total) == "0.005"
    assert loaded.fiscal == Decimal("-12.50")
    assert loaded.special_account == Decimal(0)  # zero stays zero, not blank
    assert loaded.other is None


def test_the_example_in_the_format_doc_loads_and_round_trips() -> None:
    doc = FORMAT_DOC.read_text(encoding="utf-8")
    example = doc.split("```json\n", 1)[1].split("```", 1)[0]
    table = native.loads(example, "file-format.md")
    project = table.units[0].projects[0]
    assert project.funds.total == Decimal("40.00")
    assert project.indicators[1].basis == "历史标准"
    assert project.attribute == "延续"
    assert table.year == 2025 and table.signoff.head == "张伟"
    assert json.loads(native.dumps(table)) == json.loads(example)


def test_unknown_fields_are_ignored() -> None:
    data = minimal()
    data["future"] = {"anything": [1, 2, {"x": None}]}
    data["units"][0]["colour"] = "red"
    project = data["units"][0]["projects"][0]
    project["review"] = {"state": "approved"}
    project["funds"]["currency"] = "CNY"
    project["indicators"][0]["priority"] = 10
    assert loads_dict(data) == loads_dict(minimal())


def test_missing_and_null_texts_read_as_blank() -> None:
    data = minimal()
    project = data["units"][0]["projects"][0]
    del project["goal"]
    project["indicators"][0]["annual_value"] = None
    data["money_unit"] = None
    table = loads_dict(data)
    loaded = table.units[0].projects[0]
    assert loaded.goal == ""
    assert loaded.indicators[0].annual_value == ""
    assert table.money_unit == "万元"


def test_an_empty_amount_string_reads_as_blank() -> None:
    data = minimal()
    data["units"][0]["projects"][0]["funds"]["other"] = ""
    assert loads_dict(data).units[0].projects[0].funds.other is None


def test_byte_order_mark_is_accepted(sample: Table, tmp_path: Path) -> None:
    path = tmp_path / "bom.bpe"
    path.write_bytes(b"\xef\xbb\xbf" + native.dumps(sample).encode("utf-8"))
    assert native.read_bpe(path).table == sample
    assert native.loads("\ufeff" + native.dumps(sample)) == sample


def test_sniff_recognises_a_saved_file(sample_file: Path) -> None:
    assert sniff_bpe(sample_file.read_bytes()[:8192])
    assert not sniff_bpe(b'{"title": "x"}')


def test_indicator_keys_follow_the_model_field_order() -> None:
    # The reader builds indicators positionally from this tuple.
    assert tuple(f.name for f in dataclasses.fields(Indicator)) == native._INDICATOR_FIELDS


def test_loading_leaves_the_garbage_collector_as_it_was() -> None:
    assert gc.isenabled()
    native.loads(json.dumps(minimal()))
    assert gc.isenabled()
    with pytest.raises(ReadError):
        native.loads("{")
    assert gc.isenabled()
    gc.disable()
    try:
        native.loads(json.dumps(minimal()))
        assert not gc.isenabled()
    finally:
        gc.enable()


# --- versions and markers -------------------------------------------------------------------


@pytest.mark.parametrize("version", [2, 99])
def test_a_newer_version_is_refused_with_advice_to_upgrade(version: int) -> None:
    data = minimal()
    data["version"] = version
    message = refused(data)
    assert f"格式版本 {version}" in message
    assert "升级" in message
    assert message.startswith("测试.bpe：")


@pytest.mark.parametrize("version", [None, "1", 1.0, True, 0, -1, [1]])
def test_an_invalid_version_is_refused(version: object) -> None:
    data = minimal()
    data["version"] = version
    assert "版本号无效" in refused(data)


def test_a_missing_version_is_refused() -> None:
    data = minimal()
    del data["version"]
    assert "版本号无效" in refused(data)


@pytest.mark.parametrize(
    "data",
    [{"title": "项目支出绩效目标表", "units": []}, {"format": "other", "version": 1}, {}],
)
def test_json_without_the_format_marker_is_refused(data: dict[str, Any]) -> None:
    message = refused(data)
    assert "不是绩效目标表编辑器文件" in message
    assert "format" in message


@pytest.mark.parametrize("data", [[1, 2], "text", 3, None])
def test_json_that_is_not_an_object_is_refused(data: object) -> None:
    assert "不是绩效目标表编辑器文件" in refused(data)


# --- broken files ---------------------------------------------------------------------------


def test_corrupt_json_names_line_and_column() -> None:
    text = '{\n"format": "bpeditor",\n"version": 1,,\n"units": []}'
    with pytest.raises(ReadError) as info:
        native.loads(text, "坏.bpe")
    message = str(info.value)
    assert message.startswith("坏.bpe：文件已损坏")
    assert "第 3 行第 14 列" in message
    assert "此处应为用双引号括起的字段名" in message


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.bpe"
    path.write_bytes(b"")
    with pytest.raises(ReadError, match="文件是空的"):
        native.read_bpe(path)


def test_a_truncated_file_is_refused_at_every_cut(sample_file: Path, tmp_path: Path) -> None:
    data = sample_file.read_bytes()
    cut_file = tmp_path / "cut.bpe"
    cuts = [*range(1, 200, 7), *range(200, len(data) - 2, 331), len(data) - 3]
    for cut in cuts:
        cut_file.write_bytes(data[:cut])
        with pytest.raises(ReadError) as info:
            native.read_bpe(cut_file)
        assert "文件不完整" in str(info.value), cut


def test_every_cut_of_a_small_file_says_incomplete() -> None:
    text = json.dumps(minimal(), ensure_ascii=False, indent=1)
    for cut in range(1, len(text) - 1):
        with pytest.raises(ReadError, match="文件不完整"):
            native.loads(text[:cut])


def test_a_cut_through_a_chinese_character_says_truncated(tmp_path: Path) -> None:
    path = tmp_path / "cut.bpe"
    text = native.dumps(full_table())
    cut = text.index("口岸车检场") + 1
    path.write_bytes(text[:cut].encode("utf-8")[:-1])  # half of the character
    with pytest.raises(ReadError, match="不完整"):
        native.read_bpe(path)


def test_a_non_utf8_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gbk.bpe"
    path.write_bytes(json.dumps(minimal(), ensure_ascii=False).encode("gbk"))
    with pytest.raises(ReadError) as info:
        native.read_bpe(path)
    assert "不是 UTF-8 编码" in str(info.value)
    assert "字节" in str(info.value)


def test_a_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "book.bpe"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 4)
    with pytest.raises(ReadError):
        native.read_bpe(path)


def test_a_missing_file_and_a_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="文件不存在"):
        native.read_bpe(tmp_path / "nope.bpe")
    with pytest.raises(ReadError, match="文件夹"):
        native.read_bpe(tmp_path)


def test_deep_nesting_is_refused() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    for text in (deep, '{"format":"bpeditor","version":1,"title":' + deep + "}"):
        with pytest.raises(ReadError, match="嵌套过深"):
            native.loads(text)


def test_moderate_nesting_in_a_field_is_a_type_error() -> None:
    data = minimal()
    data["title"] = json.loads("[" * 500 + "]" * 500)
    assert "字段“title”应为文本，实为列表" in refused(data)


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_json_nan_literals_are_refused(literal: str) -> None:
    text = json.dumps(minimal()).replace('"40.00"', literal, 1)
    with pytest.raises(ReadError, match=literal):
        native.loads(text)


def test_an_integer_with_thousands_of_digits_is_refused() -> None:
    text = json.dumps(minimal()).replace('"version": 1', '"version": 1' + "0" * 5000)
    with pytest.raises(ReadError, match="文件内容无效"):
        native.loads(text)


def test_a_lone_surrogate_escape_is_refused() -> None:
    text = json.dumps(minimal()).replace("\\u53e3", "\\ud800", 1)
    assert "\\ud800" in text
    with pytest.raises(ReadError, match="代理项"):
        native.loads(text)


# --- wrong types and values -----------------------------------------------------------------

PROJECT = "第 1 个单位的第 1 个项目"


def _set(data: dict[str, Any], path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    target: Any = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


FUNDS = ("units", 0, "projects", 0, "funds")
INDICATOR = ("units", 0, "projects", 0, "indicators", 0)


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        (
            (*FUNDS, "total"),
            40.0,
            f"{PROJECT}的资金（funds）：金额“总计”（total）应为文本形式的数字",
        ),
        (
            (*FUNDS, "fiscal"),
            40,
            '金额“财政拨款”（fiscal）应为文本形式的数字（如 "40.00"），实为整数',
        ),
        ((*FUNDS, "other"), True, "金额“其他资金”（other）应为文本形式的数字"),
        ((*FUNDS, "special_account"), ["1"], "金额“财政专户拨款”（special_account）应为文本"),
        (FUNDS, ["40.00"], f"{PROJECT}的资金（funds）：应为对象，实为列表"),
        (("units",), {"name": "某单位"}, "字段“units”应为列表，实为对象"),
        (("units",), "某单位", "字段“units”应为列表，实为文本"),
        (("units", 0), "某单位", "第 1 个单位：应为对象，实为文本"),
        (("units", 0, "projects"), {}, "第 1 个单位：字段“projects”应为列表，实为对象"),
        (("units", 0, "name"), 7, "第 1 个单位：字段“name”应为文本，实为整数"),
        (("units", 0, "projects", 0), None, f"{PROJECT}：应为对象，实为空值"),
        (("units", 0, "projects", 0, "goal"), {"text": "x"}, f"{PROJECT}：字段“goal”应为文本"),
        (("units", 0, "projects", 0, "indicators"), "1、…", f"{PROJECT}：字段“indicators”应为列表"),
        (INDICATOR, "供水保障月数", f"{PROJECT}的第 1 个指标：应为对象，实为文本"),
        ((*INDICATOR, "name"), 12, f"{PROJECT}的第 1 个指标：字段“name”应为文本，实为整数"),
        ((*INDICATOR, "period_value"), 12.5, "字段“period_value”应为文本，实为数字"),
        ((*INDICATOR, "note"), ["x"], "字段“note”应为文本，实为列表"),
        (("title",), ["项目支出绩效目标表"], "字段“title”应为文本，实为列表"),
        (("year",), "2025", "字段“year”应为整数年份，实为文本"),
        (("year",), True, "字段“year”应为整数年份"),
        (("signoff",), ["张伟"], "签字栏（signoff）：应为对象，实为列表"),
        (("signoff",), {"head": 1}, "签字栏（signoff）：字段“head”应为文本"),
        (("units", 0, "projects", 0, "period_funds"), "40", "实施期资金（period_funds）：应为对象"),
    ],
)
def test_wrong_types_are_refused_with_where_and_what(
    path: tuple[str | int, ...], value: object, expected: str
) -> None:
    message = refused(_set(minimal(), path, value))
    assert message.startswith("测试.bpe：")
    assert expected in message


def test_the_place_of_a_bad_indicator_is_counted_from_one() -> None:
    data = minimal()
    indicators = data["units"][0]["projects"][0]["indicators"]
    indicators.extend([dict(indicators[0]), {**indicators[0], "level2": 11}])
    data["units"].insert(0, {"name": "前一个单位", "projects": []})
    message = refused(data)
    assert "第 2 个单位的第 1 个项目的第 3 个指标：字段“level2”应为文本，实为整数" in message


@pytest.mark.parametrize("value", ["NaN", "nan", "Infinity", "-Infinity", "inf", "sNaN"])
def test_non_finite_amounts_are_refused(value: str) -> None:
    message = refused(_set(minimal(), (*FUNDS, "total"), value))
    assert "不是有限的数字" in message
    assert "总计" in message


@pytest.mark.parametrize(
    "value", ["1,664.69", "40.00万元", "1e3", " 40", "四十", "٤٠", "0x10", "1" * 19, "1.", "."]
)
def test_malformed_amounts_are_refused(value: str) -> None:
    message = refused(_set(minimal(), (*FUNDS, "fiscal"), value))
    assert "金额“财政拨款”（fiscal）格式不对" in message


# --- no other exception type, whatever the bytes ----------------------------------------------


def test_random_byte_damage_gives_a_table_or_a_read_error(
    sample_file: Path, tmp_path: Path
) -> None:
    data = sample_file.read_bytes()
    rng = random.Random(20250115)
    damaged = tmp_path / "damaged.bpe"
    for _ in range(300):
        mutable = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            position = rng.randrange(len(mutable))
            mutable[position] = rng.choice(b'{}[]",:0123456789 \\\x00\xff\xe5nt')
        damaged.write_bytes(bytes(mutable))
        with contextlib.suppress(ReadError):
            native.read_bpe(damaged)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=8,
)
PLACES = [
    ("title",),
    ("year",),
    ("signoff",),
    ("units",),
    ("units", 0),
    ("units", 0, "projects", 0),
    FUNDS,
    (*FUNDS, "total"),
    ("units", 0, "projects", 0, "period_funds"),
    ("units", 0, "projects", 0, "indicators"),
    INDICATOR,
    (*INDICATOR, "level1"),
    (*INDICATOR, "basis"),
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=st.sampled_from(PLACES), value=JSON_VALUES)
def test_any_json_value_in_any_field_gives_a_table_or_a_read_error(
    place: tuple[str | int, ...], value: object
) -> None:
    text = json.dumps(_set(minimal(), place, value), allow_nan=True)
    with contextlib.suppress(ReadError):
        native.loads(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gives_a_table_or_a_read_error(text: str) -> None:
    with contextlib.suppress(ReadError):
        native.loads(text)


# --- saving problems --------------------------------------------------------------------------


def test_text_that_cannot_be_encoded_is_a_write_error(sample_file: Path) -> None:
    before = sample_file.read_bytes()
    table = full_table()
    table.units[0].projects[0].name = "坏\ud800字"
    with pytest.raises(WriteError, match="无法保存的内容"):
        native.save(table, sample_file)
    assert sample_file.read_bytes() == before


def test_an_amount_too_large_to_store_is_a_write_error(sample_file: Path) -> None:
    before = sample_file.read_bytes()
    table = full_table()
    table.units[0].projects[0].funds.total = Decimal("1E+40")
    with pytest.raises(WriteError):
        native.save(table, sample_file)
    assert sample_file.read_bytes() == before


def test_every_form_field_survives_a_save_and_reopen() -> None:
    from bpeditor.model.table import Funds, Indicator, Project, SignOff, Table, Unit

    table = Table(
        title="项目支出绩效目标表",
        reporting_unit="示例中心",
        year=2026,
        unit_code="101001",
        taxonomy="guide-2021",
        signoff=SignOff("张伟", "李娜", "020-86888888", "2026-01-15", "示例中心"),
        units=[
            Unit(
                "示例中心",
                [
                    Project(
                        name="设备购置",
                        funds=Funds(Decimal("30.00"), Decimal("30.00")),
                        goal="年度目标",
                        department="示例局",
                        department_code="101",
                        implementing_unit="示例中心",
                        attribute="新增",
                        period="2026年1月-2027年12月",
                        period_funds=Funds(
                            Decimal("60.00"), Decimal("50.00"), None, Decimal("10.00")
                        ),
                        period_goal="实施期目标",
                        indicators=[
                            Indicator(
                                "G2",
                                "成本指标",
                                "G21",
                                "经济成本指标",
                                "单价",
                                "≤4万元",
                                "≤2万元",
                                "计划标准",
                                "每台单价",
                                "含安装",
                                "20",
                                "10分",
                            )
                        ],
                    )
                ],
            )
        ],
    )
    text = native.dumps(table)
    data = json.loads(text)
    assert data["version"] == 1
    assert data["unit_code"] == "101001" and data["taxonomy"] == "guide-2021"
    assert data["signoff"]["seal"] == "示例中心"
    project = data["units"][0]["projects"][0]
    assert project["department"] == "示例局" and project["department_code"] == "101"
    assert project["indicators"][0]["weight"] == "20"
    assert project["indicators"][0]["score"] == "10分"
    assert native.loads(text) == table


def test_a_file_without_the_new_fields_still_opens() -> None:
    table = loads_dict(minimal())
    assert table.unit_code == "" and table.taxonomy == "" and table.signoff.seal == ""
    project = table.units[0].projects[0]
    assert project.department_code == ""
    assert project.indicators[0].weight == "" and project.indicators[0].score == ""
