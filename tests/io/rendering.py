"""LibreOffice and poppler for the tests: convert documents, read the pages of the PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
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
    assert shutil.which("pdftotext"), INSTALL_HINT
    texts = []
    for page in range(1, pages + 1):
        out = subprocess.run(
            # UTF-8 asked for and decoded as such, whatever the locale (cp936 on a Chinese PC).
            ["pdftotext", "-enc", "UTF-8", "-raw", "-f", str(page), "-l", str(page), str(pdf), "-"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
            check=True,
        ).stdout
        texts.append(re.sub(r"\s+", "", out))
    return texts


def check_printed_sample(document: Path, sample: Table, layout: str, tmp_path: Path) -> list[str]:
    """Render an export of the sample and check what a clerk checks; returns the page texts.

    Summary: A4 landscape, the header on every page, 合计 on the first. Forms: A4 portrait, one
    申报表 per project. Both: every indicator name, and 第 X 页 共 Y 页 on every page.
    """
    pdf = convert(document, tmp_path / "pdf", "pdf")
    pages, size = pdf_pages(pdf)
    assert size == ("842x595" if layout == "summary" else "595x842")
    texts = page_texts(pdf, pages)
    whole = "".join(texts)
    names = [re.sub(r"\s+", "", i.name) for _, p in sample.iter_projects() for i in p.indicators]
    assert len(names) == 49
    assert [name for name in names if name not in whole] == []
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
