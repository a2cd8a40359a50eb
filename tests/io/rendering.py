"""LibreOffice and poppler for the tests: convert documents, read the pages of the PDF."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

from bpeditor.model.table import Table

INSTALL_HINT = (
    "LibreOffice and poppler are needed to check how documents print: install them with "
    "`apt-get install --no-install-recommends libreoffice-writer libreoffice-calc "
    "poppler-utils fonts-noto-cjk` (dev.py does this)"
)


def convert(source: Path, out_dir: Path, to: str) -> Path:
    """Convert ``source`` with LibreOffice (``to`` e.g. ``pdf`` or ``xls``) into ``out_dir``."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice is not None, INSTALL_HINT
    profile = out_dir / "lo-profile"
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out_dir),
            str(source),
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",  # only its messages, for the assertion below
        errors="replace",
        timeout=180,
        check=False,
    )
    target = out_dir / f"{source.stem}.{to}"
    assert done.returncode == 0 and target.is_file(), done.stdout + done.stderr
    return target


def pdf_pages(pdf: Path) -> tuple[int, str]:
    """The number of pages and the page size in points, e.g. ``842x595``."""
    assert shutil.which("pdfinfo"), INSTALL_HINT
    info = subprocess.run(
        ["pdfinfo", "-enc", "UTF-8", str(pdf)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=True,
    ).stdout
    pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M)
    assert pages and size, info
    return int(pages.group(1)), f"{round(float(size.group(1)))}x{round(float(size.group(2)))}"


def page_texts(pdf: Path, pages: int) -> list[str]:
    """Each page's text with all whitespace removed (wrapped cells join up again)."""
    texts = []
    for page in range(1, pages + 1):
        out = _pdftotext(pdf, "-raw", "-f", str(page), "-l", str(page), timeout=60)
        texts.append(re.sub(r"\s+", "", _nfkc(out)))
    return texts


def _pdftotext(pdf: Path, *options: str, timeout: float = 120) -> str:
    """What ``pdftotext`` with ``options`` prints for the PDF."""
    assert shutil.which("pdftotext"), INSTALL_HINT
    return subprocess.run(
        # UTF-8 asked for and decoded as such, whatever the locale (cp936 on a Chinese PC).
        ["pdftotext", "-enc", "UTF-8", *options, str(pdf), "-"],
        capture_output=True,
        encoding="utf-8",
        timeout=timeout,
        check=True,
    ).stdout


_RADICALS = str.maketrans(
    "⺂⺃⺅⺉⺎⺏⺐⺒⺓⺔⺕⺖⺘⺙⺛⺞⺠⺡⺣⺦⺨⺫⺭⺯⺰⺱⺲⺹⺺⺾⻁⻂⻃⻅⻆⻈⻉⻋⻌⻐⻑⻒⻓⻔⻖⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻮⻯⻰⻱⻲⺤",
    "乛乚亻刂兀尣尢巳幺彑彐忄扌攵旡歺民氵灬丬犭罒礻糹纟罓罒耂肀艹虎衤覀见角讠贝车辶钅長镸长门阝青韦页风飞食飠饣马骨鬼鱼鸟卤麦黄黾斉齐齿竜龙龜亀爫",
)
"""CJK radical code points (U+2E80-2EFF) and the ideographs the Noto CJK fonts draw with the
same glyph (found with QRawFont): Qt's PDF text maps such a glyph to the radical."""


def _nfkc(text: str) -> str:
    """Text as a reader sees it: Qt's PDFs map some CJK glyphs to radical code points
    (⽬ U+2F6C for 目, ⻋ U+2EE2 for 车), which compatibility normalisation and the table above
    turn back; full-width forms become half-width (：→:), so expected text is normalised too."""
    return unicodedata.normalize("NFKC", text).translate(_RADICALS)


def check_printed_sample(
    document: Path, sample: Table, layout: str, tmp_path: Path, *, per_form_numbers: bool = False
) -> list[str]:
    """Render an export of the sample and check what a clerk checks; returns the page texts.

    Summary: A4 landscape, the header on every page, 合计 on the first. Forms: A4 portrait, one
    申报表 per project. Both: every indicator name, and 第 X 页 共 Y 页 on every page.
    """
    pdf = convert(document, tmp_path / "pdf", "pdf")
    pages, size = pdf_pages(pdf)
    assert size == ("842x595" if layout == "summary" else "595x842")
    texts = page_texts(pdf, pages)
    whole = "".join(texts)
    names = [
        re.sub(r"\s+", "", _nfkc(i.name)) for _, p in sample.iter_projects() for i in p.indicators
    ]
    assert len(names) == 49
    assert [name for name in names if name not in whole] == []
    if per_form_numbers:  # each form numbered on its own: 第 1 页 again where a form starts
        starts = [i for i, text in enumerate(texts) if "项目支出绩效目标申报表" in text]
        for begin, end in itertools.pairwise([*starts, pages]):
            for number, text in enumerate(texts[begin:end], start=1):
                assert f"第{number}页共{end - begin}页" in text
    else:
        for number, text in enumerate(texts, start=1):
            assert f"第{number}页共{pages}页" in text
    if layout == "summary":
        assert pages > 1
        for text in texts:  # the header row repeats on every page
            assert "财政专户拨款" in text and "绩效指标" in text and "项目名称" in text
        assert "1,664.69" in texts[0]
    else:
        assert whole.count("项目支出绩效目标申报表") == sample.project_count()
    return texts


def page_lines(pdf: Path) -> list[list[tuple[float, float, str]]]:
    """Each page's text lines as (yMin, yMax, text) in points from the top (``pdftotext -bbox``)."""
    html = _pdftotext(pdf, "-bbox-layout")
    pages: list[list[tuple[float, float, str]]] = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", html, re.S):
        lines = []
        for y_min, y_max, body in re.findall(
            r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>',
            page,
            re.S,
        ):
            words = re.findall(r">([^<]*)</word>", body)
            lines.append((float(y_min), float(y_max), _nfkc("".join(words))))
        pages.append(sorted(lines))
    return pages


def page_fullness(pdf: Path, page_height: float, bottom_margin: float) -> list[float]:
    """Per page, how far down the body text goes: 0 at the first line's top, 1 at the margin.

    The footer (第 X 页) is not body text. Measured on the rendered PDF, so independent of the
    writer's own estimates.
    """
    result = []
    for lines in page_lines(pdf):
        body = [line for line in lines if not re.fullmatch(r"第\d+页共\d+页", line[2])]
        if not body:
            result.append(0.0)
            continue
        top = min(line[0] for line in body)
        bottom = max(line[1] for line in body)
        result.append((bottom - top) / (page_height - bottom_margin - top))
    return result


def indicator_texts_missing(pdf_text: str, table: Table) -> list[str]:
    """The indicators whose full printed text (name and both values) is not in ``pdf_text``.

    Whitespace is removed from both sides (a wrapped cell joins up again); each indicator must
    appear as its name, then its 实施周期 value, then its 年度 value, in that order.
    """
    flat = re.sub(r"\s+", "", _nfkc(pdf_text))
    missing = []
    for _, project in table.iter_projects():
        for indicator in project.indicators:
            values = (indicator.name, indicator.period_value, indicator.annual_value)
            parts = [re.sub(r"\s+", "", _nfkc(t)) for t in values]
            at = 0
            for part in parts:
                found = flat.find(part, at)
                if found < 0:
                    missing.append(f"{project.name}：{indicator.name}")
                    break
                at = found + len(part)
    return missing


def form_texts_missing(pdf_text: str, table: Table) -> list[str]:
    """The indicators whose name or values are not whole on their own project's form.

    For the per-project forms, whose cells the PDF may list in any order (LibreOffice gives an
    Excel sheet's wrapped names before the centred values beside them): each form runs from its
    ``项目名称<name>`` to the next form's, and every indicator's name and both values must be on
    it, each whole (whitespace removed, as by :func:`whole_text`).
    """
    flat = re.sub(r"\s+", "", _nfkc(pdf_text))
    projects = [project for _, project in table.iter_projects()]
    starts, at = [], 0
    for project in projects:
        found = flat.find("项目名称" + re.sub(r"\s+", "", _nfkc(project.name)), at)
        starts.append(found)
        at = max(at, found)
    missing = []
    for n, project in enumerate(projects):
        later = [s for s in starts[n + 1 :] if s > starts[n]]
        form = flat[starts[n] : later[0] if later else len(flat)] if starts[n] >= 0 else ""
        for indicator in project.indicators:
            values = (indicator.name, indicator.period_value, indicator.annual_value)
            parts = [re.sub(r"\s+", "", _nfkc(t)) for t in values]
            if not all(part in form for part in parts):
                missing.append(f"{project.name}：{indicator.name}")
    return missing


def whole_text(pdf: Path) -> str:
    """The PDF's text in reading order, whitespace removed."""
    return re.sub(r"\s+", "", _nfkc(_pdftotext(pdf, "-raw")))


def _gray_page(pdf: Path, page: int, dpi: int) -> tuple[int, int, bytes]:
    """A page rendered in grey by pdftoppm: width, height and one byte a pixel."""
    assert shutil.which("pdftoppm"), INSTALL_HINT
    data = subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), str(pdf)],
        capture_output=True,
        timeout=120,
        check=True,
    ).stdout
    fields = data.split(maxsplit=4)  # P5 width height maxval pixels
    assert fields[0] == b"P5", "pdftoppm -gray writes binary PGM"
    width, height = int(fields[1]), int(fields[2])
    return width, height, fields[4][-width * height :]


def horizontal_rules(pdf: Path, page: int, dpi: int = 100) -> list[float]:
    """The y (points from the top) of the page's long horizontal lines: the table's borders."""
    width, height, pixels = _gray_page(pdf, page, dpi)
    rules: list[float] = []
    previous = -2
    for y in range(height):
        line = pixels[y * width : (y + 1) * width]
        if sum(1 for value in line if value < 128) > width * 0.4:
            if y != previous + 1:
                rules.append(y * 72 / dpi)
            previous = y
    return rules


def row_fit(pdf: Path, page: int) -> list[float]:
    """For each table row on a page, its printed height over the height its text takes.

    The rows are found from the borders drawn on the page and the text from where LibreOffice
    put each wrapped line, so the figure measures the writer's row heights against how the
    office suite really wraps the text: 1.0 is a snug fit, below 1 cuts text.
    """
    rules = horizontal_rules(pdf, page)
    lines = page_lines(pdf)[page - 1]
    ratios = []
    for top, bottom in itertools.pairwise(rules):
        inside = [line for line in lines if line[0] >= top - 1 and line[1] <= bottom + 1]
        if len({round(line[0]) for line in inside}) < 3:  # short rows keep a minimum height
            continue
        text = max(line[1] for line in inside) - min(line[0] for line in inside)
        ratios.append((bottom - top) / (text + 3.0))
    return ratios


def as_read(text: str) -> str:
    """``text`` as :func:`whole_text` gives printed text: normalised, whitespace removed."""
    return re.sub(r"\s+", "", _nfkc(text))


def missing_in_order(printed: str, wanted: str, min_piece: int = 6) -> str:
    """What of ``wanted`` is not printed whole and in order: "" when all of it is.

    Both sides come normalised alike (:func:`whole_text`, :func:`as_read`). A text cut over
    rows or pages may have
    other text between its pieces (a （续） row's name, the headings of the next page), so it
    is sought piece by piece, each the longest run of what is left that is printed after the
    last piece, at least ``min_piece`` characters (a lost line leaves no such run).
    """
    at = 0
    while wanted:
        size = 0
        low, high = 1, len(wanted)
        while low <= high:  # the longest prefix of what is left found after ``at``
            mid = (low + high) // 2
            if printed.find(wanted[:mid], at) >= 0:
                size, low = mid, mid + 1
            else:
                high = mid - 1
        if size < min(min_piece, len(wanted)):
            return wanted
        at = printed.find(wanted[:size], at) + size
        wanted = wanted[size:]
    return ""


def text_left_edge(pdf: Path) -> float:
    """The leftmost x of any printed word over all pages, in points (``pdftotext -bbox``)."""
    html = _pdftotext(pdf, "-bbox")
    return min(float(x) for x in re.findall(r'<word xMin="([\d.]+)"', html))
