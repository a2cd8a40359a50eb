"""``bpeditor compare`` and ``bpeditor carry-forward`` as a clerk or a script uses them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bpeditor.cli import main
from bpeditor.io import native
from bpeditor.model.table import Indicator, Project, Table, Unit


def write_year(path: Path, title: str, area: str, satisfaction: str, name: str) -> Path:
    """A one-project table saved as .bpe."""
    rows = [
        Indicator("1", "产出指标", "11", "数量指标", "维修面积", "", area),
        Indicator("3", "满意度指标", "31", "服务对象满意度指标", name, "", satisfaction),
    ]
    project = Project(name="安全隐患维修", goal="消除隐患", indicators=rows)
    project.funds.total = project.funds.fiscal = None
    table = Table(title=title, reporting_unit="法院", units=[Unit("法院", [project])])
    native.save(table, path)
    return path


def test_carry_forward_then_compare_of_the_example_is_all_same(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "next.bpe"
    assert main(["carry-forward", str(sample_path), str(out)]) == 0
    capsys.readouterr()
    assert main(["compare", str(sample_path), str(out), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["status"] for p in data["projects"]] == ["matched"] * 9
    assert [i["status"] for p in data["projects"] for i in p["indicators"]] == ["same"] * 49
    first = data["projects"][0]
    assert first["old"] == {"unit": "广州市花都区口岸服务保障中心", "name": "口岸车检场水电费"}
    assert first["funds"] == {"old": "40.00", "new": "40.00"}
    assert set(first["indicators"][0]) == {"status", "old", "new", "flags"}
    assert set(first["indicators"][0]["old"]) == {
        "level1",
        "level2",
        "name",
        "period_value",
        "annual_value",
    }


def test_carry_forward_advances_the_title_year(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write_year(
        tmp_path / "2023.bpe", "2023年项目支出绩效目标表", "≥400平方米", "≥95%", "干警满意度"
    )
    out = tmp_path / "2024.bpe"
    assert main(["carry-forward", str(old), str(out)]) == 0
    table = native.read_bpe(out).table
    assert table.title == "2024年项目支出绩效目标表"
    assert table.units[0].projects[0].indicators[0].previous_annual_value == "≥400平方米"
    assert main(["carry-forward", str(old), str(tmp_path / "x.bpe"), "--year", "2030"]) == 0
    assert native.read_bpe(tmp_path / "x.bpe").table.title == "2030年项目支出绩效目标表"
    assert "2024年项目支出绩效目标表" in capsys.readouterr().err


def test_the_report_puts_lowered_targets_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write_year(tmp_path / "a.bpe", "2023年表", "≥400平方米", "≥95%", "干警满意度")
    new = write_year(tmp_path / "b.bpe", "2024年表", "≥350平方米", "≥98%", "干警的满意度")
    assert main(["compare", str(old), str(new)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2] == (
        "项目：1 个对应，0 个新增，0 个取消；指标：0 个相同，2 个修改，0 个新增，0 个删除；"
        "目标降低 1 处"
    )
    assert lines[4:6] == [
        "目标比上年降低（需说明理由）：",
        "  法院 / 安全隐患维修 / 维修面积：年度 ≥400平方米 → ≥350平方米  ［目标降低］",
    ]
    assert (
        "    修改 干警的满意度：名称 干警满意度 → 干警的满意度；年度 ≥95% → ≥98%  ［目标提高］"
        in lines
    )


def test_an_unreadable_file_exits_2_naming_it(
    tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "去年.bpe"
    broken.write_text('{"format": "bpeditor", "version": 1, "units": [', encoding="utf-8")
    assert main(["compare", str(broken), str(sample_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"错误：{broken}：文件不完整")
    assert main(["carry-forward", str(tmp_path / "无.xlsx"), str(tmp_path / "out.bpe")]) == 2
    assert capsys.readouterr().err.strip() == f"错误：{tmp_path / '无.xlsx'}：文件不存在"
    assert not (tmp_path / "out.bpe").exists()


def test_carry_forward_refuses_an_unknown_output_format(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["carry-forward", str(sample_path), str(tmp_path / "next.zzz")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
