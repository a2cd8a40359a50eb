"""Word export timings against a bare hand-made .docx floor measured in the same run.

Usage: ``.venv/bin/python bench/bench_docx.py [S|M|L ...]`` (default: M L).

For each size it times, as the median of several interleaved runs, the wall time
(``time.perf_counter``) and the CPU time of the process (``time.process_time``):

- summary export: ``write_docx_summary`` (python-docx template, styles, fonts, footer fields,
  the table built as XML text, zip, atomic write), against the floor;
- the floor: the same rows (``summary_rows``: amounts and indicators formatted) written as a
  bare minimal .docx by hand — ``[Content_Types].xml``, ``_rels/.rels`` and a
  ``word/document.xml`` holding one plain ``w:tbl`` of the same cell texts (one paragraph per
  line), no styles, zipped with deflate and written to a file;
- forms export: ``write_docx_forms`` (one form per project), for reference.

The issue's goal: the summary export of L within 2x of the floor in CPU time, which other
programs on a shared machine disturb far less than the wall time. Exits with status 1 if missed.
"""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import SIZES, make_table
from timing import Times, median_time, median_wall_cpu_times

from bpeditor.io.docx_forms import write_docx_forms
from bpeditor.io.docx_summary import write_docx_summary
from bpeditor.io.text import summary_rows
from bpeditor.model.table import Table

RUNS = {"S": 15, "M": 9, "L": 5}
GOAL = 2.0

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def floor_docx(table: Table, path: Path) -> None:
    """The same table as a bare .docx: one plain ``w:tbl`` of the summary's cell texts."""
    rows = [r for r in summary_rows(table, one_per_line=True) if len(r) == 7]
    parts = []
    for cells in rows:
        tcs = "".join(
            "<w:tc>"
            + "".join(
                f"<w:p><w:r><w:t>{line.translate(_ESCAPES)}</w:t></w:r></w:p>"
                for line in text.split("\n")
            )
            + "</w:tc>"
            for text in cells
        )
        parts.append(f"<w:tr>{tcs}</w:tr>")
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}">'
        f"<w:body><w:tbl>{''.join(parts)}</w:tbl><w:p/></w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _CONTENT_TYPES)
        package.writestr("_rels/.rels", _RELS)
        package.writestr("word/document.xml", document.encode("utf-8"))


def bench_size(size: str, folder: Path) -> tuple[Times, Times, float, str]:
    """(summary times, floor times, forms seconds, description) for one size."""
    runs = RUNS[size]
    table = make_table(size)
    summary, floor, forms = (folder / f"{name}-{size}.docx" for name in ("ours", "floor", "forms"))
    ours_s, floor_s = median_wall_cpu_times(
        lambda: write_docx_summary(table, summary), lambda: floor_docx(table, floor), runs
    )
    forms_s = median_time(lambda: write_docx_forms(table, forms), runs)
    mib = 1024 * 1024
    about = (
        f"({table.project_count()} projects, {table.indicator_count()} indicators; "
        f"summary {summary.stat().st_size / mib:.2f} MiB, floor {floor.stat().st_size / mib:.2f}"
        f" MiB, forms {forms.stat().st_size / mib:.2f} MiB; median of {runs})"
    )
    return ours_s, floor_s, forms_s, about


def main(argv: list[str]) -> int:
    """Run the sizes named on the command line (default M L) and print a table."""
    sizes = [a.upper() for a in argv] or ["M", "L"]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        print(f"unknown size(s): {', '.join(unknown)}; use {' '.join(SIZES)}", file=sys.stderr)
        return 2
    print(f"{'size':<5}{'':<5}{'summary':>10}{'floor':>10}{'ratio':>7}{'forms':>10}")
    print("-" * 47)
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            ours, floor, forms, about = bench_size(size, Path(tmp))
            for kind, at in (("wall", 0), ("CPU", 1)):
                ratio = ours[at] / floor[at]
                forms_text = f"{forms:>9.2f}s" if at == 0 else ""
                print(
                    f"{size:<5}{kind:<5}{ours[at]:>9.2f}s{floor[at]:>9.2f}s{ratio:>6.1f}x"
                    f"{forms_text}"
                )
            print(f"     {about}")
            if size == "L" and ours[1] / floor[1] > GOAL:
                failed = True
    if "L" in sizes:
        verdict = "missed" if failed else "met"
        print(f"goal (summary of L within {GOAL:g}x of the floor in CPU time): {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
