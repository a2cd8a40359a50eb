"""``bpeditor library suggest``: ranked indicators from past tables, for a project or a query."""

from __future__ import annotations

import argparse
import json
import sys

from bpeditor.cli import EXIT_BAD_INPUT, EXIT_OK, say


def run_suggest(args: argparse.Namespace) -> int:
    """Index the given files and folders, then print the ranked entries."""
    from bpeditor.io.library_index import LibraryIndex  # noqa: PLC0415 - see bpeditor.cli

    missing = [p for p in args.sources if not p.exists()]
    if missing:
        say(f"错误：{missing[0]}：文件或文件夹不存在")
        return EXIT_BAD_INPUT
    index = LibraryIndex()
    index.add_sources(args.sources)
    report = index.update()
    for failed in report.failed:
        say(f"跳过：{failed}")
    library = index.library()
    found = library.suggest(
        args.query or "",
        project=args.project or "",
        unit=args.unit or "",
        level2=args.level2 or "",
        top=max(args.top, 1),
    )
    if args.json:
        data = [s.entry.to_dict(s.score) for s in found]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return EXIT_OK
    for n, s in enumerate(found, start=1):
        e = s.entry
        value = e.annual_value or e.period_value
        print(
            f"{n}. [{e.level2 or '-'}] {e.name}  {value}  （{e.source.project}，"
            f"{e.source.title}，{e.source.file}；得分 {s.score:.1f}）"
        )
    say(f"指标库：{len(library)} 个指标，{report.read} 个文件，{len(report.failed)} 个无法读取")
    return EXIT_OK
