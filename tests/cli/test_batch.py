"""Batch conversion: many legacy files at once, a report per file, bad files never stop it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bpeditor.cli import main
from bpeditor.io import native
from bpeditor.io.registry import write_path
from bpeditor.io.text import read_text


@pytest.fixture
def folder(tmp_path: Path, sample_path: Path) -> Path:
    """A folder as clerks have them: good tables, broken files and things that are no table."""
    src = tmp_path / "旧表格 2023"
    (src / "子目录").mkdir(parents=True)
    table = read_text(sample_path).table
    shutil.copy(sample_path, src / "花都口岸.txt")
    native.save(table, src / "已保存.bpe")
    write_path(table, src / "子目录" / "打印版.docx")
    (src / "空文件.txt").write_bytes(b"")
    (src / "会议记录.txt").write_text("今天开会。\n明天放假。\n", encoding="utf-8")
    (src / "坏的.bpe").write_text('{"format": "bpeditor", "version": 1, "units": [', "utf-8")
    (src / "照片.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    return src


def test_a_folder_converts_what_it_can_and_reports_every_file(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "输出"
    code = main(["convert", "--out-dir", str(out), "--to", "bpe", str(folder)])
    report = capsys.readouterr().out.splitlines()

    assert code == 2
    successes = [line for line in report if line.startswith("成功")]
    failures = [line for line in report if line.startswith("失败")]
    assert len(successes) == 3 and len(failures) == 3
    assert report[-1] == "共 6 个文件：成功 3 个，失败 3 个"
    assert any(
        "花都口岸.txt" in s and "text；1 个单位，9 个项目，49 个指标" in s for s in successes
    )
    assert any("打印版.docx" in s and "docx" in s for s in successes)
    assert any("空文件.txt" in f and "空" in f for f in failures)
    assert any("会议记录.txt" in f and "表头" in f for f in failures)
    assert any("坏的.bpe" in f for f in failures)
    assert not any("照片.png" in line for line in report)  # not a table format: not picked up

    written = sorted(p.name for p in out.iterdir())
    assert written == ["已保存.bpe", "打印版.bpe", "花都口岸.bpe"]
    expected = read_text(folder / "花都口岸.txt").table
    for name in written:
        assert native.read_bpe(out / name).table == expected


def test_files_with_the_same_name_do_not_overwrite_each_other(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copy(folder / "花都口岸.txt", folder / "子目录" / "花都口岸.txt")
    out = tmp_path / "out"
    main(
        [
            "convert",
            "--out-dir",
            str(out),
            "--to",
            "txt",
            str(folder / "花都口岸.txt"),
            str(folder / "子目录" / "花都口岸.txt"),
        ]
    )
    assert sorted(p.name for p in out.iterdir()) == ["花都口岸 (2).txt", "花都口岸.txt"]
    assert capsys.readouterr().out.splitlines()[-1] == "共 2 个文件：成功 2 个，失败 0 个"


def test_all_good_exits_0_and_a_missing_file_is_reported_not_fatal(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = [str(folder / "花都口岸.txt"), str(folder / "已保存.bpe")]
    assert main(["convert", "--out-dir", str(tmp_path / "a"), "--to", "docx", *good]) == 0
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["已保存.docx", "花都口岸.docx"]
    capsys.readouterr()
    missing = str(folder / "没有这个文件.txt")
    assert main(["convert", "--out-dir", str(tmp_path / "b"), missing, *good]) == 2
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert [line.split(" ")[0] for line in lines[:3]] == ["失败", "成功", "成功"]
    assert "不存在" in lines[0]


def test_convert_without_out_dir_needs_exactly_two_paths(
    sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["convert", str(sample_path)]) == 2
    assert "--out-dir" in capsys.readouterr().err


def test_a_batch_prints_with_the_options_one_convert_takes(
    tmp_path: Path, sample_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(sample_path, src / "花都口岸.txt")
    out = tmp_path / "out"
    args = ["convert", "--out-dir", str(out), "--to", "docx", "--layout", "forms"]
    args += ["--fonts", "gongwen", "--columns", "weight", str(src)]
    assert main(args) == 0
    capsys.readouterr()
    with zipfile.ZipFile(out / "花都口岸.docx") as package:
        styles = package.read("word/styles.xml").decode()
        document = package.read("word/document.xml").decode()
    assert 'w:eastAsia="仿宋_GB2312"' in styles  # the 公文 fonts, not the default set
    assert ">权重<" in document  # the extra column on the forms
    assert document.count("项目支出绩效目标申报表") == 9  # the forms layout: one per project


def test_a_batch_refuses_margins_out_of_range(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code = main(["convert", "--out-dir", str(out), "--to", "docx", "--margins", "80", str(folder)])
    assert code == 2
    assert "--margins" in capsys.readouterr().err
    assert not out.exists()
