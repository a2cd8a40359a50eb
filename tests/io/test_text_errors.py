"""Bad inputs: a clear one-line Chinese message naming the file, or warnings and partial data."""

from __future__ import annotations

import random
import struct
import zlib
from pathlib import Path

import pytest

from bpeditor.io.base import ReadError
from bpeditor.io.registry import read_path

HEADER = "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标"


def _png() -> bytes:
    """A real 1×1 PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def _read_error(path: Path) -> str:
    with pytest.raises(ReadError) as info:
        read_path(path)
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}：")
    assert "Traceback" not in message
    return message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "文件是空的"),
        (b" \r\n\t\r\n  \n", "文件是空的"),
        ("\ufeff \r\n".encode(), "文件是空的"),
        ("\ufeff  \r\n\r\n".encode("utf-16-le"), "文件是空的"),
        (b"\xef\xbb\xbf", "文件是空的"),
    ],
    ids=["empty", "whitespace", "utf8-bom-whitespace", "utf16-whitespace", "bom-only"],
)
def test_empty_files(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "空表.txt"
    path.write_bytes(data)
    assert _read_error(path).endswith(expected)


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "random.txt"
    path.write_bytes(random.Random(20240105).randbytes(20000))
    message = _read_error(path)
    assert "不是文本文件" in message or "无法识别文本编码" in message


def test_png_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "截图.txt"
    path.write_bytes(_png())
    assert _read_error(path).endswith("这不是文本文件，而是PNG 图片")


def test_text_that_is_not_a_summary_table(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("关于报送2024年预算的通知\n各单位：\n请于月底前报送。\n", encoding="utf-8")
    assert "找不到表头行" in _read_error(path)


def test_header_only_table(tmp_path: Path) -> None:
    path = tmp_path / "header.txt"
    path.write_text(f"项目支出绩效目标表\n单位：万元\n{HEADER}\n合计\t\t\t\t\t\t\n", encoding="gbk")
    assert "表中没有任何项目" in _read_error(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert _read_error(tmp_path / "nope.txt").endswith("文件不存在")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert _read_error(folder).endswith("这是文件夹，不是文件")


def test_undecodable_bytes_say_where(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"abc\n\x81\x20\x81\x20" * 10)
    message = _read_error(path)
    assert "第 5 字节起" in message and "GBK" in message


def test_file_cut_inside_a_quoted_multiline_cell(sample_text: str, tmp_path: Path) -> None:
    rows = sample_text.splitlines()
    cells = rows[12].split("\t")  # 口岸广域网运作经费
    cells[6] = '"' + cells[6].replace("。2、", "。\n2、").replace("。3、", "。\n3、") + '"'
    rows[12] = "\t".join(cells)
    text = "\n".join(rows)
    cut = text.index("3、1-产出指标；12-质量指标；网络运行稳定率")
    path = tmp_path / "cut.txt"
    path.write_bytes(text[:cut].encode("utf-8"))
    result = read_path(path)
    quote = [w for w in result.warnings if "引号" in w.message]
    assert [w.location for w in quote] == ["第 13 行"] and "不完整" in quote[0].message
    # The rest are the 合计 and unit rows that no longer add up (lines 10 and 11).
    assert {w.location for w in result.warnings} == {"第 10 行", "第 11 行", "第 13 行"}
    projects = result.table.units[0].projects
    assert [p.name for p in projects] == ["口岸车检场水电费", "口岸广域网运作经费"]
    assert [i.name for i in projects[1].indicators] == [
        "海关数据专线保障月数",
        "跨境电商数据专线保障月数",
    ]


def test_utf8_cut_inside_a_character(sample_text: str, tmp_path: Path) -> None:
    data = sample_text.encode("utf-8")
    cut = data.index("运行辅助经费".encode()) + 1  # inside 运
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:cut])
    result = read_path(path)
    assert result.table.project_count() == 9
    assert result.table.units[0].projects[-1].name == "机构"
    last = result.warnings[-1]
    assert last.location == "第 21 行"
    assert "截断" in last.message


def test_utf16_cut_inside_a_code_unit(sample_text: str, tmp_path: Path) -> None:
    data = b"\xff\xfe" + sample_text.encode("utf-16-le")
    path = tmp_path / "cut16.txt"
    path.write_bytes(data[:-1])
    result = read_path(path)
    assert result.table.project_count() == 9
    assert "截断" in result.warnings[-1].message


def test_gbk_cut_inside_a_character(sample_text: str, tmp_path: Path) -> None:
    data = sample_text.encode("gbk")
    path = tmp_path / "cutgbk.txt"
    path.write_bytes(data[:-1])
    result = read_path(path)
    assert result.table.project_count() == 9
    assert "截断" in result.warnings[-1].message
