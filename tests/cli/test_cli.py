"""The command line as a clerk or a script uses it: convert, check, bad input, version."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bpeditor import __version__
from bpeditor.cli import gui_arguments, main
from bpeditor.io import native

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bpeditor`` as a user would, without a display."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "bpeditor", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_version() -> None:
    done = run_cli("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"bpeditor {__version__}"


@pytest.mark.parametrize(
    "argv",
    [[], ["--example"], ["表.xlsx"], ["-"], ["--ex"], ["--example", "表.xlsx"], ["--", "-表.txt"]],
)
def test_window_command_line_reads_as_argparse_reads_it(argv: list[str]) -> None:
    """The window's short command lines, read without building the parser, read the same."""
    parser = argparse.ArgumentParser(prog="bpeditor")
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--example", action="store_true")
    assert vars(gui_arguments(argv)) == vars(parser.parse_args(argv))


def test_check_on_the_sample_passes(sample_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(sample_path)]) == 0
    out = capsys.readouterr().out
    assert "0 个错误" in out
    assert "9 个项目，49 个指标" in out


def test_check_fails_and_names_the_project_whose_total_was_changed(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = sample_path.read_text(encoding="utf-8")
    assert text.count("口岸广域网运作经费\t7.60\t7.60") == 1
    changed = tmp_path / "changed.txt"
    changed.write_text(
        text.replace("口岸广域网运作经费\t7.60\t", "口岸广域网运作经费\t7.80\t"), "utf-8"
    )

    assert main(["check", str(changed)]) == 1
    out = capsys.readouterr().out
    errors = [line for line in out.splitlines() if line.startswith("错误")]
    assert len(errors) == 1
    assert "project-total-mismatch" in errors[0] and "口岸广域网运作经费" in errors[0]

    assert main(["check", "--json", str(changed)]) == 1
    findings = json.loads(capsys.readouterr().out)
    assert all(set(f) == {"code", "severity", "message", "location"} for f in findings)
    (error,) = [f for f in findings if f["severity"] == "error"]
    assert error["code"] == "project-total-mismatch"
    assert "口岸广域网运作经费" in error["message"]
    assert error["location"] == {"unit": 0, "project": 1, "indicator": None, "field": "total"}
    # The printed unit subtotal and 合计 no longer add up either: reported, with their lines.
    sums = [f for f in findings if f["code"] == "import-warning"]
    assert any(f["location"]["source"] == "第 10 行" and "合计" in f["message"] for f in sums)
    assert any(f["location"]["source"] == "第 11 行" and "小计" in f["message"] for f in sums)


def test_convert_round_trip_through_bpe_and_text_is_identical(
    sample_path: Path, tmp_path: Path
) -> None:
    first, text, second = tmp_path / "a.bpe", tmp_path / "b.txt", tmp_path / "c.bpe"
    assert main(["convert", str(sample_path), str(first)]) == 0
    assert main(["convert", str(first), str(text)]) == 0
    assert main(["convert", str(text), str(second)]) == 0
    assert native.read_bpe(first).table == native.read_bpe(second).table
    assert json.loads(first.read_text("utf-8")) == json.loads(second.read_text("utf-8"))
    table = native.read_bpe(second).table
    assert (table.project_count(), table.indicator_count()) == (9, 49)


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489")
    header = (
        "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n"
    )
    files = {
        "empty": ("empty.txt", b"", "空"),
        "random": ("random.txt", bytes(range(256)) * 8, "不是文本文件"),
        "picture": ("photo.txt", png + bytes(200), "PNG"),
        "header-only": ("header.txt", header.encode(), "没有任何项目"),
        "not-a-table": ("notes.txt", "今天开会。\n明天放假。\n".encode(), "表头"),
        "truncated-bpe": (
            "cut.bpe",
            b'{"format": "bpeditor", "version": 1, "units": [{"na',
            "不完整",
        ),
        "newer-bpe": ("new.bpe", b'{"format": "bpeditor", "version": 99, "units": []}', "更新版本"),
    }
    result = {}
    for key, (name, data, expected) in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        result[key] = (path, expected)
    result["missing"] = (tmp_path / "nowhere.txt", "不存在")
    return result


@pytest.mark.parametrize(
    "case",
    [
        "empty",
        "random",
        "picture",
        "header-only",
        "not-a-table",
        "truncated-bpe",
        "newer-bpe",
        "missing",
    ],
)
def test_bad_input_exits_2_with_one_clear_line_and_writes_nothing(
    case: str, tmp_path: Path
) -> None:
    path, expected = _bad_inputs(tmp_path)[case]
    fresh = tmp_path / "out" / "fresh.bpe"
    fresh.parent.mkdir()
    existing = tmp_path / "out" / "existing.txt"
    existing.write_bytes(b"the user's old file")

    for out in (fresh, existing):
        done = run_cli("convert", path, out)
        assert done.returncode == 2
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1, done.stderr
        assert str(path) in lines[0] and expected in lines[0]
        assert "Traceback" not in done.stderr
    assert not fresh.exists()
    assert existing.read_bytes() == b"the user's old file"
    assert sorted(p.name for p in fresh.parent.iterdir()) == ["existing.txt"]

    done = run_cli("check", path)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_unsupported_output_format_is_refused_before_reading(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "table.odt"
    assert main(["convert", str(sample_path), str(out)]) == 2
    assert "不支持" in capsys.readouterr().err
    assert not out.exists()


def test_import_warnings_are_shown_but_do_not_fail_convert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "odd.txt"
    source.write_text(
        "项目名称\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n"
        "甲项目\t10.00\t10.00\t\t\t目标\t1、1-产出指标；11-数量指标；次数；实施周期指标值:1次；年度指标值:1次。\n"
        "注：本表为示例。\n",
        encoding="utf-8",
    )
    assert main(["convert", str(source), str(tmp_path / "odd.bpe")]) == 0
    err = capsys.readouterr().err
    assert "警告：第 3 行" in err and "注：本表为示例" in err


def test_convert_fonts_choice_reaches_word(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    default, gongwen = tmp_path / "default.docx", tmp_path / "gongwen.docx"
    assert main(["convert", str(sample_path), str(default)]) == 0
    assert main(["convert", str(sample_path), str(gongwen), "--fonts", "gongwen"]) == 0
    with zipfile.ZipFile(default) as z:
        assert 'w:eastAsia="仿宋_GB2312"' not in z.read("word/styles.xml").decode()
    with zipfile.ZipFile(gongwen) as z:
        assert 'w:eastAsia="仿宋_GB2312"' in z.read("word/styles.xml").decode()
        assert "方正小标宋简体" in z.read("word/document.xml").decode()


def test_convert_prints_the_exports_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "long.txt"
    item = (
        "1、1-产出指标；11-数量指标；"
        + "很长的指标名称" * 200
        + "；实施周期指标值:1次；年度指标值:1次。"
    )
    source.write_text(
        "项目名称\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标\n"
        f"大项目\t1\t1\t\t\t目标\t{item}\n",
        encoding="utf-8",
    )
    out = tmp_path / "long.xlsx"
    assert main(["convert", str(source), str(out)]) == 0
    err = capsys.readouterr().err
    assert "警告：" in err and "409" in err and "大项目" in err
    assert out.is_file()


def test_convert_margins_reach_the_printed_page(
    sample_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))
    from rendering import convert, text_left_edge

    out = tmp_path / "forms.xlsx"
    argv = ["convert", str(sample_path), str(out), "--layout", "forms", "--margins", "35"]
    assert main(argv) == 0
    assert 35 * 72 / 25.4 <= text_left_edge(convert(out, tmp_path / "pdf", "pdf")) < 45 * 72 / 25.4
    assert main([*argv[:2], str(tmp_path / "x.xlsx"), "--margins", "90"]) == 2
    assert "--margins" in capsys.readouterr().err
