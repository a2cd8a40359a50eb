"""The same table in every encoding and line ending Windows programs write reads the same."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from bpeditor.io.registry import read_path
from bpeditor.io.text import read_text
from bpeditor.io.text_decode import decode_text, describe_binary


def _encodings(text: str) -> dict[str, bytes]:
    crlf = text.replace("\n", "\r\n")
    return {
        "gb18030": text.encode("gb18030"),
        "gbk": text.encode("gbk"),
        "utf-8-bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf-16-le-bom": codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        "utf-16-be-bom": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "utf-16-le-no-bom": text.encode("utf-16-le"),
        "crlf-utf-8": crlf.encode("utf-8"),
        "crlf-gbk": crlf.encode("gbk"),
        "crlf-utf-16-le-bom": codecs.BOM_UTF16_LE + crlf.encode("utf-16-le"),
        "cr-only": text.replace("\n", "\r").encode("utf-8"),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "gb18030",
        "gbk",
        "utf-8-bom",
        "utf-16-le-bom",
        "utf-16-be-bom",
        "utf-16-le-no-bom",
        "crlf-utf-8",
        "crlf-gbk",
        "crlf-utf-16-le-bom",
        "cr-only",
    ],
)
def test_encodings_give_the_same_table(
    kind: str, sample_path: Path, sample_text: str, tmp_path: Path
) -> None:
    reference = read_text(sample_path)
    path = tmp_path / "table.txt"
    path.write_bytes(_encodings(sample_text)[kind])
    result = read_path(path)
    assert result.table == reference.table
    assert result.warnings == reference.warnings == []


def test_utf16_be_without_bom_is_recognised(sample_text: str) -> None:
    decoded = decode_text(sample_text.encode("utf-16-be"), "x")
    assert decoded.encoding == "utf-16-be"
    assert decoded.text == sample_text


def test_mostly_chinese_utf16_without_bom(sample_text: str) -> None:
    """Few ASCII characters (so few NUL bytes) still identify UTF-16."""
    text = "项目支出绩效目标表\n" + "口岸车检场水电费通过保障口岸车检场全年水电供应到位" * 100
    assert decode_text(text.encode("utf-16-le"), "x").text == text


def test_gbk_file_is_not_taken_for_utf8() -> None:
    text = "项目支出绩效目标表（含转移支付项目）\n单位：万元\n"
    decoded = decode_text(text.encode("gbk"), "x")
    assert decoded.encoding == "gb18030"
    assert decoded.text == text


def test_damaged_utf8_keeps_utf8_and_warns(sample_text: str, tmp_path: Path) -> None:
    """A UTF-8 file with one stray GBK character is not read as GBK mojibake."""
    stray = "运作经".encode() + "费".encode("gbk")
    data = sample_text.encode("utf-8").replace("运作经费".encode(), stray, 1)
    path = tmp_path / "damaged.txt"
    path.write_bytes(data)
    result = read_path(path)
    assert result.table.title == "项目支出绩效目标表（含转移支付项目）"
    name = result.table.units[0].projects[1].name
    assert name.startswith("口岸广域网运作经") and "\ufffd" in name
    assert result.table.project_count() == 9
    assert str(result.warnings[0]).startswith("第 13 行：")


def test_text_starting_like_a_bmp_or_exe_is_text() -> None:
    assert describe_binary(b"BMS project list\n") is None
    assert describe_binary(b"MZ-2024 table\n") is None
    assert describe_binary(b"BM\x36\x00\x0c\x00\x00\x00\x00\x00") == "BMP 图片"
    assert describe_binary(b"MZ\x90\x00\x03\x00\x00\x00") == "Windows 程序"
