"""Hostile and broken files named .xlsx/.xls: each refused with one clear line, no traceback."""

from __future__ import annotations

import struct
import threading
import zipfile
from pathlib import Path

import openpyxl
import pytest

from bpeditor.cli import main
from bpeditor.io.base import ReadError
from bpeditor.io.registry import read_path


def _valid_xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["项目名称", "总计", "绩效目标", "绩效指标"])
    ws.append(
        [
            "某项目",
            "1",
            "目标",
            "1、1-产出指标；11-数量指标；数量；实施周期指标值:1个；年度指标值:1个。",
        ]
    )
    wb.save(path)
    return path


def _rewrite(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(source) as src:
        members = {i.filename: src.read(i) for i in src.infolist()}
    members.update(replace)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in members.items():
            out.writestr(name, data)
    return target


def _sheet_xml(tmp_path: Path) -> bytes:
    with zipfile.ZipFile(_valid_xlsx(tmp_path / "base.xlsx")) as src:
        return src.read("xl/worksheets/sheet1.xml")


def _refused(path: Path, capsys: pytest.CaptureFixture[str], *words: str) -> str:
    with pytest.raises(ReadError) as caught:
        read_path(path)
    message = str(caught.value)
    assert "\n" not in message
    for word in words:
        assert word in message
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "错误：" in err
    # calamine may start opening a package whose sizes pass while its parts are checked:
    # a refusal waits for it, so nothing is left reading the file.
    assert not [t for t in threading.enumerate() if t.name == "bpeditor-open"]
    return message


def test_a_valid_file_reads(tmp_path: Path) -> None:
    result = read_path(_valid_xlsx(tmp_path / "ok.xlsx"))
    assert result.table.project_count() == 1


def test_zip_bomb_by_ratio(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bomb = b"<x>" + b" " * (8 * 1024 * 1024) + b"</x>"
    path = _rewrite(
        _valid_xlsx(tmp_path / "a.xlsx"), tmp_path / "bomb.xlsx", {"xl/worksheets/sheet2.xml": bomb}
    )
    _refused(path, capsys, "压缩比异常", "sheet2.xml")


def test_zip_bomb_by_declared_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _valid_xlsx(tmp_path / "big.xlsx")
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, central + 24, 300 * 1024 * 1024)  # uncompressed size
    path.write_bytes(bytes(data))
    _refused(path, capsys, "过大")


def test_billion_laughs_in_shared_strings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>&lol2;</t></si></sst>"
    )
    path = _rewrite(
        _valid_xlsx(tmp_path / "a.xlsx"), tmp_path / "lol.xlsx", {"xl/sharedStrings.xml": laughs}
    )
    _refused(path, capsys, "DTD", "sharedStrings.xml")


def test_shared_strings_calamine_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = (
        b'<?xml version="1.0"?>\n'
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>unclosed</si></sst>"
    )
    path = _rewrite(
        _valid_xlsx(tmp_path / "a.xlsx"), tmp_path / "sst.xlsx", {"xl/sharedStrings.xml": broken}
    )
    _refused(path, capsys, "无法作为 Excel 工作簿读取")


def test_external_entity_in_a_sheet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = _sheet_xml(tmp_path).replace(
        b"<worksheet", b'<!DOCTYPE w [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<worksheet', 1
    )
    path = _rewrite(
        tmp_path / "base.xlsx", tmp_path / "xxe.xlsx", {"xl/worksheets/sheet1.xml": sheet}
    )
    _refused(path, capsys, "DTD", "sheet1.xml")


def test_truncated_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _valid_xlsx(tmp_path / "a.xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    message = _refused(path, capsys, "损坏", "Excel")
    assert "zip" not in message.lower()  # no English tail from the library
    assert message.endswith("无法作为 Excel 文件打开")


def test_random_bytes_named_xlsx_say_damaged_or_not_excel(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "乱码.xlsx"
    # Bytes that are neither a workbook nor text in any encoding clerks use.
    path.write_bytes(bytes(range(128, 256)) * 24)
    message = _refused(path, capsys, "工作簿已损坏", "不是 Excel 文件")
    assert "编码" not in message  # not a text-encoding message


def test_png_renamed_xlsx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "picture.xlsx"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    _refused(path, capsys, "PNG")


def test_garbage_ole2_named_xls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x07" * 2048)
    _refused(path, capsys, "Excel")


def test_zip_without_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "other.xlsx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("xl/readme.txt", "hello")
    _refused(path, capsys, "xl/workbook.xml")


@pytest.mark.parametrize(
    ("dimension", "cell", "words"),
    [
        ("A1:XFD1048577", "A1", ("范围异常",)),
        ("A1", "XFE2", ("范围异常",)),
        ("A1:Z300000", "Z300000", ("范围过大",)),
        ("A1", "CV60000", ("范围过大",)),
    ],
)
def test_absurd_dimensions(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    dimension: str,
    cell: str,
    words: tuple[str, ...],
) -> None:
    sheet = _sheet_xml(tmp_path)
    start = sheet.index(b"<dimension")
    end = sheet.index(b"/>", start) + 2
    sheet = sheet[:start] + f'<dimension ref="{dimension}"/>'.encode() + sheet[end:]
    row = "".join(ch for ch in cell if ch.isdigit())
    far = f'<row r="{row}"><c r="{cell}" t="n"><v>1</v></c></row></sheetData>'.encode()
    sheet = sheet.replace(b"</sheetData>", far, 1)
    path = _rewrite(
        tmp_path / "base.xlsx", tmp_path / "wide.xlsx", {"xl/worksheets/sheet1.xml": sheet}
    )
    _refused(path, capsys, *words)
