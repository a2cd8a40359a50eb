"""Turning a text file's bytes into text: BOMs, UTF-16, UTF-8 and Windows "ANSI" (GB18030)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from bpeditor.io.base import ReadError

_MAGIC = (
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"%PDF", "PDF 文档"),
    (b"PK\x03\x04", "ZIP 压缩包（如 .xlsx/.docx）"),
    (b"\xd0\xcf\x11\xe0", "Office 97-2003 文件（如 .xls/.doc）"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩包"),
    (b"\x7fELF", "程序文件"),
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
"""Control characters no text file holds (tab, line breaks and form feed are allowed)."""
_PLAUSIBLE = r"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2010-\u2027\u2030-\u22ff\u3000-\u9fff\uff00-\uffef]"
"""Characters a Chinese table is made of: ASCII, CJK, CJK and full-width punctuation, signs.

A pattern compiled (and cached by :mod:`re`) when first needed, for the rare UTF-16 file
without a BOM: compiling it takes ~3 ms, which every start-up of the program would pay.
"""
_HIGH_BYTES = bytes(range(0x80, 0x100))
_UTF8_EVIDENCE = 24
"""Bytes of valid multi-byte UTF-8 before a bad byte that prove a file is damaged UTF-8."""


def describe_binary(data: bytes) -> str | None:
    """A name for well-known binary formats (``PNG 图片``), or ``None``."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    # Two-letter magics are checked further so that a text starting "BM…" or "MZ…" is not refused.
    if data.startswith(b"BM") and data[6:10] == b"\0\0\0\0":
        return "BMP 图片"
    if data.startswith(b"MZ") and b"\0" in data[2:64]:
        return "Windows 程序"
    return None


def _plausible_share(text: str) -> float:
    """The share of characters in ``text`` that a Chinese table plausibly holds."""
    return len(re.findall(_PLAUSIBLE, text)) / len(text) if text else 0.0


def _guess_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: text in UTF-8 or GBK never holds NUL bytes, UTF-16 text does
    (every ASCII character has one); the byte order that reads as plausible text wins.
    """
    sample = data[:4096]
    if b"\0" not in sample or len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    shares = {
        enc: _plausible_share(sample.decode(enc, errors="replace"))
        for enc in ("utf-16-le", "utf-16-be")
    }
    best = max(shares, key=shares.__getitem__)
    return best if shares[best] >= 0.9 else None


@dataclass(frozen=True)
class DecodedText:
    """A text file's content, the encoding it was read with, and what was wrong with its bytes."""

    text: str
    encoding: str
    truncated: bool = False
    damaged_at: int | None = None
    """The line of the first undecodable byte, replaced by U+FFFD, or ``None``."""


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
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        utf16 = _guess_utf16(data)
        candidates = [utf16] if utf16 else ["utf-8", "gb18030"]
    error: UnicodeDecodeError | None = None
    for candidate in candidates:
        try:
            decoded = DecodedText(data.decode(candidate), candidate)
        except UnicodeDecodeError as exc:
            if _cut_at_end(exc, len(data)):
                decoded = DecodedText(data[: exc.start].decode(candidate), candidate, True)
            elif candidate.startswith("utf-8") and _is_damaged_utf8(data, exc.start):
                text = data.decode(candidate, errors="replace")
                line = data.count(b"\n", 0, exc.start) + 1
                decoded = DecodedText(text, candidate, damaged_at=line)
            else:
                error = error or exc
                continue
        _reject_binary(decoded.text, source)
        if not decoded.text.strip(" \t\r\n\x0c\ufeff\u3000"):
            raise ReadError(f"{source}：文件是空的")
        return decoded
    assert error is not None
    names = "、".join(_ENCODING_NAMES.get(c, c) for c in candidates)
    raise ReadError(
        f"{source}：无法识别文本编码（第 {error.start + 1} 字节起无法按 {names} 解读），"
        "可能不是文本文件或文件已损坏"
    )


_ENCODING_NAMES = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "gb18030": "GBK/GB18030",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16",
    "utf-16-be": "UTF-16",
}


def _cut_at_end(exc: UnicodeDecodeError, size: int) -> bool:
    """Whether decoding failed only on an incomplete character at the very end of the file."""
    reasons = ("end of data", "truncated data", "incomplete multibyte sequence")
    return exc.end >= size and size - exc.start <= 3 and any(r in exc.reason for r in reasons)


def _is_damaged_utf8(data: bytes, bad: int) -> bool:
    """Whether a file that fails as UTF-8 at ``bad`` was plainly UTF-8 before it.

    GBK text seldom forms even one valid multi-byte UTF-8 sequence, never dozens in a row.
    """
    before = data[:bad]
    return len(before) - len(before.translate(None, _HIGH_BYTES)) >= _UTF8_EVIDENCE


def _reject_binary(text: str, source: str) -> None:
    """Refuse text full of control characters: a binary file that happened to decode."""
    sample = text[:65536]
    controls = len(_CONTROLS.findall(sample))
    if "\x00" in sample or controls > max(8, len(sample) // 100):
        raise ReadError(f"{source}：这不是文本文件（含有大量控制字符），可能是二进制文件")
