"""Turning a text file's bytes into text: BOMs, UTF-16, UTF-8 and Windows "ANSI" (GB18030)."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from bpeditor.io.base import ReadError

_MAGIC = (
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"BM", "BMP 图片"),
    (b"%PDF", "PDF 文档"),
    (b"PK\x03\x04", "ZIP 压缩包（如 .xlsx/.docx）"),
    (b"\xd0\xcf\x11\xe0", "Office 97-2003 文件（如 .xls/.doc）"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩包"),
    (b"MZ", "Windows 程序"),
    (b"\x7fELF", "程序文件"),
)
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\x0c"}


def describe_binary(data: bytes) -> str | None:
    """A name for well-known binary formats (``PNG 图片``), or ``None``."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    return None


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: most NULs on one side of each code unit."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


@dataclass(frozen=True)
class DecodedText:
    """A text file's content, the encoding it was read with, and whether its end was cut."""

    text: str
    encoding: str
    truncated: bool = False


def decode_text(data: bytes, source: str) -> DecodedText:
    """Decode a text file's bytes, guessing the encoding as Windows programs write them.

    Raises :class:`ReadError` for empty files, binary files and undecodable bytes.
    """
    if not data.strip():
        raise ReadError(f"{source}：文件是空的")
    kind = describe_binary(data)
    if kind is not None:
        raise ReadError(f"{source}：这不是文本文件，而是{kind}")
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = _guess_utf16(data) or ""
    candidates = [encoding] if encoding else ["utf-8", "gb18030"]
    for candidate in candidates:
        truncated = False
        try:
            text = data.decode(candidate)
        except UnicodeDecodeError as exc:
            if not _cut_at_end(exc, len(data)):
                error = exc
                continue
            text, truncated = data[: exc.start].decode(candidate), True
        _reject_binary(text, source)
        return DecodedText(text, candidate, truncated)
    raise ReadError(
        f"{source}：无法识别文本编码（第 {error.start + 1} 字节起无法按 UTF-8 或 GBK 解读），"
        "可能不是文本文件或文件已损坏"
    )


def _cut_at_end(exc: UnicodeDecodeError, size: int) -> bool:
    """Whether decoding failed only on an incomplete character at the very end of the file."""
    return exc.end >= size and size - exc.start <= 3 and "end of data" in exc.reason


def _reject_binary(text: str, source: str) -> None:
    """Refuse text full of control characters: a binary file that happened to decode."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    if "\x00" in sample or controls > max(8, len(sample) // 100):
        raise ReadError(f"{source}：这不是文本文件（含有大量控制字符），可能是二进制文件")
