"""The forms' sign-off lines in the in-program PDF: printed whole, inside the page's text area.

The sign-off (单位（盖章）, then 负责人 · 填报人 · 联系电话 · 填报日期) was once drawn in cells as
narrow as a column and clipped there. Read off the PDF: every word's box (``pdftotext
-bbox-layout``) lies between the margins, and the lines read, in order, exactly what was filled in.
"""

from __future__ import annotations

import copy
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "io"))

from rendering import INSTALL_HINT, _nfkc

from bpeditor.io.export_options import ExportOptions
from bpeditor.io.text import read_text
from bpeditor.model.table import SignOff
from bpeditor.ui.print_pdf import write_pdf

MM = 72 / 25.4
A4 = (595.3, 841.9)  # points
MARGINS = {"left": 20, "right": 20, "top": 20, "bottom": 18}  # the forms' margins in mm
SIGNED = SignOff(
    head="欧阳建国",
    preparer="司马晓雯",
    phone="020-36888888转8001",
    date="2026年1月15日",
    seal="广州市花都区口岸服务保障中心（财务科代章）",
)
# a seal wider than the page: it was drawn unwrapped, past the right margin and off the page
LONG_SEAL = SignOff(
    head="欧阳建国",
    preparer="司马晓雯",
    phone="020-36888888",
    date="2026年1月15日",
    seal="广州市花都区人民政府口岸管理办公室下属广州市花都区口岸服务保障中心综合财务管理科（代章）",
)

_LINE = re.compile(
    r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', re.S
)
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
)

Box = tuple[float, float, float, float]


def flat(text: str) -> str:
    """``text`` as compared: NFKC (full-width colons, brackets and radicals folded), no spaces."""
    return re.sub(r"\s+", "", _nfkc(text))


def pages_lines(pdf: Path) -> list[list[tuple[str, list[tuple[Box, str]]]]]:
    """Each page's text lines top to bottom: the line's text and its words with their boxes."""
    assert shutil.which("pdftotext"), INSTALL_HINT
    html = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-bbox-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    ).stdout
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", html, re.S):
        lines = []
        for *_, body in sorted(_LINE.findall(page), key=lambda m: (float(m[1]), float(m[0]))):
            words = [
                ((float(a), float(b), float(c), float(d)), w)
                for a, b, c, d, w in _WORD.findall(body)
            ]
            lines.append((flat("".join(w for _, w in words)), words))
        pages.append(lines)
    return pages


def signoff_lines(
    lines: list[tuple[str, list[tuple[Box, str]]]],
) -> list[tuple[str, list[tuple[Box, str]]]]:
    """A page's lines from 单位（盖章） down to the footer (第 X 页 共 Y 页), which is not one."""
    start = next(i for i, (text, _) in enumerate(lines) if text.startswith("单位(盖章)"))
    return [line for line in lines[start:] if not re.fullmatch(r"第\d+页共\d+页", line[0])]


@pytest.mark.parametrize("signoff", [SIGNED, LONG_SEAL], ids=["long-ish", "long-seal"])
def test_signoff_is_printed_whole_inside_the_text_area(  # type: ignore[no-untyped-def]
    qapp, sample_path: Path, tmp_path: Path, signoff: SignOff
) -> None:
    table = copy.deepcopy(read_text(sample_path).table)
    table.signoff = signoff
    out = tmp_path / "forms.pdf"
    assert write_pdf(table, out, ExportOptions(layout="forms")) == []
    left, right = MARGINS["left"] * MM, A4[0] - MARGINS["right"] * MM
    top, bottom = MARGINS["top"] * MM, A4[1] - MARGINS["bottom"] * MM
    expected = flat(
        f"单位（盖章）：{signoff.seal}"
        f"负责人：{signoff.head}填报人：{signoff.preparer}"
        f"联系电话：{signoff.phone}填报日期：{signoff.date}"
    )
    pages = pages_lines(out)
    signed = [page for page in pages if any(t.startswith("单位(盖章)") for t, _ in page)]
    assert len(signed) == table.project_count() == 9  # one sign-off a form, each on one page
    for page in signed:
        lines = signoff_lines(page)
        assert "".join(text for text, _ in lines) == expected  # nothing cut off, in order
        assert len(lines) >= 3, "long enough to wrap: the items take more than one line"
        for _, words in lines:
            for (x0, y0, x1, y1), word in words:
                assert left - 0.5 <= x0 and x1 <= right + 0.5, (word, x0, x1, left, right)
                assert top - 0.5 <= y0 and y1 <= bottom + 0.5, (word, y0, y1, top, bottom)
