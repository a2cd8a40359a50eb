"""``bpeditor library suggest``: last year's indicators of a project from a folder of tables."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bpeditor.cli import main
from bpeditor.io import native
from bpeditor.io.registry import read_path
from bpeditor.model.table import Table

REAL = Path(__file__).resolve().parents[2].parent / "shared/samples/real"


@pytest.fixture
def past_tables(tmp_path: Path, sample_path: Path) -> Path:
    """A folder of last year's tables: the example and three real ones, and a broken file."""
    folder = tmp_path / "2023年"
    folder.mkdir()
    for name in (
        "032_tianjin_hebeifayuan",
        "014_huangshi_dangxiao_zhutiban",
        "023_jingyan_mata_zhen",
    ):
        table = read_path(REAL / f"{name}.xlsx").table
        native.save(
            Table(title="2023年项目支出绩效目标表", units=table.units), folder / f"{name}.bpe"
        )
    (folder / "huadu.txt").write_bytes(sample_path.read_bytes())
    (folder / "损坏.docx").write_bytes(b"PK\x03\x04broken")
    return folder


def test_a_renamed_project_gets_its_last_year_indicators_first(
    past_tables: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 安全隐患维修 last year; this year's name swaps the words and adds a note.
    argv = [
        "library",
        "suggest",
        "--from",
        str(past_tables),
        "--project",
        "维修安全隐患（审判大楼）",
        "--json",
    ]
    assert main(argv) == 0
    out = capsys.readouterr()
    found = json.loads(out.out)
    assert [f["name"] for f in found[:6]] == [
        "维修面积",
        "验收合格率",
        "资金支付及时率",
        "项目成本",
        "消除安全隐患",
        "干警满意度",
    ]
    assert found[0]["annual_value"] == "≥400平方米"
    assert found[0]["source"] == {
        "file": str(past_tables / "032_tianjin_hebeifayuan.bpe"),
        "unit": "万元",
        "project": "安全隐患维修",
        "title": "2023年项目支出绩效目标表",
    }
    assert set(found[0]) == {
        "level1",
        "level2",
        "name",
        "period_value",
        "annual_value",
        "score",
        "source",
    }
    assert "损坏.docx" in out.err  # listed and skipped


def test_the_example_project_with_a_changed_name(
    past_tables: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "library",
        "suggest",
        "--from",
        str(past_tables),
        "--project",
        "口岸车检场的水电费用",
        "--json",
    ]
    assert main(argv) == 0
    found = json.loads(capsys.readouterr().out)
    top = {f["name"] for f in found[:8]}
    assert {"供水保障月数", "供电保障月数"} <= top
    assert {f["source"]["project"] for f in found[:6]} == {"口岸车检场水电费"}


def test_a_query_with_level2(past_tables: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "library",
        "suggest",
        "--from",
        str(past_tables),
        "--query",
        "满意度",
        "--level2",
        "31",
        "--top",
        "3",
    ]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3 and all("[31]" in line and "满意度" in line for line in lines)


def test_a_missing_source_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["library", "suggest", "--from", str(tmp_path / "无"), "--query", "x"]) == 2
    assert capsys.readouterr().err.strip() == f"错误：{tmp_path / '无'}：文件或文件夹不存在"
