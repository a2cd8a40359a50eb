"""Cut-off tables: what is there is imported, and the warning says where the table stops.

A real sample (Hunan, ``001_xiangtan_wupaoche``) is cut in the middle of its 产出 block and
saved in all four renditions; a table with no project and indicator is refused in one line
that says what was looked for and where.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from province_tables import RENDITIONS, Expected, Sheet

from bpeditor.io.base import ReadError
from bpeditor.io.excel_reader import load_sheets
from bpeditor.io.registry import read_path

REAL = Path(__file__).resolve().parents[2].parent / "shared/samples/real"
SAMPLE = REAL / "001_xiangtan_wupaoche.xlsx"
CUT = 11
"""Rows kept: up to the 质量指标 row, inside the 产出 block (merged over rows 9–13)."""
NOWHERE = Expected("", [])


def _cut_sample() -> Sheet:
    grid = load_sheets(SAMPLE).sheets[0]
    rows = [list(row) for row in grid.rows[:CUT]]
    merges = [
        (r0, c0, min(r1, CUT - 1), c1)
        for r0, c0, r1, c1 in grid.merges
        if r0 < CUT and (min(r1, CUT - 1), c1) != (r0, c0)
    ]
    return Sheet("cut", rows, merges, NOWHERE)


PLACES = {
    "tsv": "第 11 行",
    "html": "网页表格第 11 行",
    "xlsx": "工作表“绩效目标”第 11 行",
    "docx": "表格第 11 行",
}


@pytest.mark.parametrize("rendition", RENDITIONS)
def test_a_form_cut_inside_a_block_keeps_what_is_there(rendition: str, tmp_path: Path) -> None:
    """Three indicators come in; the warning names the last row read."""
    result = read_path(_cut_sample().write(tmp_path, rendition))
    [(_, project)] = list(result.table.iter_projects())
    assert project.name == "雾炮车降尘抑尘服务"
    assert [(i.level1, i.level2, i.name, i.annual_value) for i in project.indicators] == [
        ("1", "11", "雾炮车降尘抑尘服务配备车辆数", "10辆"),
        ("1", "11", "雾炮车风炮射程", "≥80M"),
        ("1", "12", "服务周期内空气质量", "优良"),
    ]
    cut = [(w.location, w.message) for w in result.warnings if "中断" in w.message]
    assert cut == [(PLACES[rendition], "表格在第 11 行后中断，最后一个指标可能不完整")]


def test_a_complete_form_has_no_cut_warning(tmp_path: Path) -> None:
    """The whole sample (its 满意度 row last): no warning that it stops early."""
    result = read_path(SAMPLE)
    assert not any("中断" in w.message for w in result.warnings)


NO_TABLE = Sheet(
    "contacts",
    [["通讯录"], ["姓名", "部门", "电话"], ["张敏", "财务科", "0516-1234567"]],
    [],
    NOWHERE,
)
WHERE = {
    "tsv": "找不到表头行",
    "html": "网页表格中找不到表头行",
    "xlsx": "工作表“绩效目标”中找不到表头行",
    "docx": "第 1 个表格",
}


@pytest.mark.parametrize("rendition", RENDITIONS)
def test_no_project_with_an_indicator_is_refused_saying_what_and_where(
    rendition: str, tmp_path: Path
) -> None:
    """One line: the place looked at and the columns a 绩效目标表 would have."""
    path = NO_TABLE.write(tmp_path, rendition)
    with pytest.raises(ReadError) as caught:
        read_path(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(str(path))
    assert WHERE[rendition] in message
    assert "项目名称" in message and "绩效指标" in message


CUT_SAMPLES = {
    "001_xiangtan_wupaoche": None,
    "005_linhai_lvhua_yanghu": None,
    "007_nanyue_yulu_jihua": 21,
    "011_zhaohua_tekun_fuzhu": None,
    "014_huangshi_dangxiao_zhutiban": None,
    "016_ganzi_shijian_shian": None,
    "018_luan_nongchanpin_zhijian": 19,
    "023_jingyan_mata_zhen": None,
    "030_dongguan_zhenji_lianwanglu": 12,
    "032_tianjin_hebeifayuan": 27,
    "037_chencang_shuili_fazhan_2020": 15,
}
"""The real samples their notes call PARTIAL, with the last row their text keeps."""


@pytest.mark.parametrize(("stem", "last_row"), sorted(CUT_SAMPLES.items()))
@pytest.mark.parametrize("rendition", RENDITIONS)
def test_the_real_samples_that_stop_early_say_so(
    stem: str, last_row: int | None, rendition: str
) -> None:
    """A cut-off warning on exactly the samples published cut off, at their last row."""
    result = read_path(REAL / f"{stem}.{rendition}")
    messages = [w.message for w in result.warnings if "中断" in w.message]
    if last_row is None:
        assert messages == []
    else:
        assert messages == [f"表格在第 {last_row} 行后中断，最后一个指标可能不完整"]
