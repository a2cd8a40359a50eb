"""``bpeditor check --rules FILE --report OUT``: the reviewer's rules from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from bpeditor.cli import main


def test_check_runs_the_reviewers_rules(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(sample_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert (
        "警告 [V8] 项目“车检场口岸单位经费”第 2 个指标“资金拨付标准”的实施周期指标值"
        "“≥500万元”是资金投入，不是产出数量：移到成本指标，数量指标写做了多少事" in out
    )
    assert (
        "警告 [project-missing-recommended-level1 C3] 项目“机构运行辅助经费”缺少“满意度指标”类指标"
        in out
    )
    assert out[-1].endswith("0 个错误，35 个警告，10 个提示（9 个项目，49 个指标；规则：默认规则）")


def test_the_strict_set_sends_back(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Strict: a missing 满意度 (C3) is 退回, so the check fails.
    assert main(["check", "--rules", "strict", str(sample_path)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert (
        "错误 [project-missing-recommended-level1 C3] "
        "项目“花都海关招商引资工作经费”缺少“满意度指标”类指标" in out
    )
    assert "规则：严格规则（省级系统强制性审核）" in out[-1]


def test_a_rule_file_switches_rules_off(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text(
        '{"format": "bpeditor-rules", "name": "本区",'
        ' "rules": {"C5": {"on": false}, "S2": {"on": false}}}',
        "utf-8",
    )
    assert main(["check", "--rules", str(rules), str(sample_path)]) == 0
    out = capsys.readouterr().out
    assert "[C5]" not in out and "[S2]" not in out
    assert "0 个错误，26 个警告，0 个提示" in out


def test_a_bad_rule_file_is_one_line_and_exit_2(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = tmp_path / "rules.json"
    rules.write_text('{"format": "bpeditor-rules", "rules": {"C1": {"grade": "严重"}}}', "utf-8")
    assert main(["check", "--rules", str(rules), str(sample_path)]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip().splitlines() == [
        f"错误：{rules}：规则“C1”的 grade“严重”应是 退回、修改 或 提示"
    ]
    assert captured.out == ""


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".xlsx"])
def test_check_writes_the_report(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    out = tmp_path / f"审核意见{suffix}"
    assert main(["check", "--report", str(out), str(sample_path)]) == 0
    assert out.stat().st_size > 0
    assert f"已写出审核意见：{out}" in capsys.readouterr().err


def test_an_unknown_report_format_is_refused_before_reading(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "审核意见.pdf"
    assert main(["check", "--report", str(out), str(sample_path)]) == 2
    assert "不支持的报告格式" in capsys.readouterr().err
    assert not out.exists()
