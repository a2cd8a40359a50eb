"""Core I/O timings against standard-library floors measured in the same run.

Usage: ``.venv/bin/python bench/bench_core.py [S|M|L ...]`` (default: S M L).

For each size it times, as the median of several runs (``time.perf_counter``):

- text import: ``parse_summary_text`` of UTF-8 bytes written by ``format_summary_text``,
  against decoding the same bytes and splitting them into lines and tab-separated cells;
- ``.bpe`` load: ``native.loads`` of a saved file's text, against ``json.loads`` of it;
- ``.bpe`` save: ``native.dumps`` + writing the bytes, against ``json.dumps`` of the already
  built dict + writing; and ``native.save`` (atomic: temp file, fsync, replace) for reference.

The issue's goal: ``.bpe`` load of L within 3x of ``json.loads`` of the same file.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate import SIZES, make_table
from timing import median_times

from bpeditor.io import native
from bpeditor.io.text import format_summary_text, parse_summary_text

RUNS = {"S": 21, "M": 11, "L": 7}
LOAD_GOAL = 3.0


def split_floor(data: bytes) -> list[list[str]]:
    """The least any text import must do: decode, split lines, split cells."""
    return [line.split("\t") for line in data.decode("utf-8-sig").splitlines()]


def write_bytes(path: Path, data: bytes) -> None:
    """A plain write, as the save floor does."""
    with path.open("wb") as handle:
        handle.write(data)


def bench_size(size: str, folder: Path) -> list[tuple[str, float, float, str]]:
    """Rows of (operation, bpeditor seconds, floor seconds, what the floor is) for one size."""
    runs = RUNS[size]
    table = make_table(size)
    text_bytes = format_summary_text(table).encode("utf-8-sig")
    bpe_text = native.dumps(table)
    as_dict = native.table_to_dict(table)
    out = folder / f"bench-{size}.bpe"
    floor_out = folder / f"floor-{size}.json"

    def text_import() -> object:
        return parse_summary_text(text_bytes.decode("utf-8-sig"))

    def dumps_and_write() -> None:
        write_bytes(out, native.dumps(table).encode("utf-8"))

    def floor_save() -> None:
        text = json.dumps(as_dict, ensure_ascii=False, separators=(",", ":"))
        write_bytes(floor_out, text.encode("utf-8"))

    assert native.loads(bpe_text) == table
    return [
        (
            "text import",
            *median_times(text_import, lambda: split_floor(text_bytes), runs),
            "decode + splitlines + split('\\t')",
        ),
        (
            ".bpe load",
            *median_times(lambda: native.loads(bpe_text), lambda: json.loads(bpe_text), runs),
            "json.loads",
        ),
        (
            ".bpe save",
            *median_times(dumps_and_write, floor_save, runs),
            "json.dumps(dict) + write",
        ),
        (
            ".bpe save (atomic)",
            *median_times(lambda: native.save(table, out), floor_save, runs),
            "json.dumps(dict) + write",
        ),
    ]


def main(argv: list[str]) -> int:
    """Run the sizes named on the command line and print the table."""
    sizes = [s.upper() for s in argv] or list(SIZES)
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        print(f"unknown size(s): {', '.join(unknown)}; use {' '.join(SIZES)}", file=sys.stderr)
        return 2
    runs = ", ".join(f"{size} {RUNS[size]}" for size in sizes)
    print(f"Python {sys.version.split()[0]}; median of interleaved runs ({runs})")
    header = f"{'size':<4} {'operation':<19} {'bpeditor':>10} {'floor':>10} {'ratio':>6}  floor"
    print(header)
    print("-" * len(header))
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            table = make_table(size)
            bpe_mib = len(native.dumps(table).encode("utf-8")) / 2**20
            for operation, ours, floor, what in bench_size(size, Path(tmp)):
                ratio = ours / floor
                print(
                    f"{size:<4} {operation:<19} {ours * 1000:>8.1f}ms {floor * 1000:>8.1f}ms "
                    f"{ratio:>5.1f}x  {what}"
                )
                if size == "L" and operation == ".bpe load" and ratio > LOAD_GOAL:
                    failed = True
            print(
                f"{'':<4} ({table.project_count()} projects, {table.indicator_count()} "
                f"indicators, .bpe {bpe_mib:.2f} MiB)"
            )
    if failed:
        print(f"GOAL MISSED: .bpe load of L is more than {LOAD_GOAL:g}x json.loads")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
