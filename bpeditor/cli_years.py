"""The year-after-year commands: ``compare``, ``carry-forward`` and ``library suggest``.

Like :mod:`bpeditor.cli`, it imports the readers, writers and the model when a command runs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from bpeditor.cli import EXIT_BAD_INPUT, EXIT_OK, print_warnings, read, say

if TYPE_CHECKING:
    from bpeditor.model.year_compare import Comparison, IndicatorChange, ProjectChange
    from bpeditor.model.year_match import ProjectRef

_STATUS = {"same": "相同", "changed": "修改", "added": "新增", "removed": "删除"}
_FLAGS = {
    "lowered": "目标降低",
    "raised": "目标提高",
    "unit-dropped": "计量单位缺失",
    "sign-dropped": "比较符号缺失",
}


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the commands' parsers to ``bpeditor``'s."""
    compare = sub.add_parser(
        "compare", help="比较两个年度的表：bpeditor compare 上年文件 本年文件 [--json]"
    )
    compare.add_argument("old", type=Path, help="上年的表（任何可读的格式）")
    compare.add_argument("new", type=Path, help="本年的表")
    compare.add_argument("--json", action="store_true", help="以 JSON 输出比较结果")
    carry = sub.add_parser(
        "carry-forward",
        help="由本年的表新建下一年度表：bpeditor carry-forward 输入文件 输出文件 [--year 年份]",
    )
    carry.add_argument("input", type=Path, help="本年的表")
    carry.add_argument("output", type=Path, help="下一年度表（格式由扩展名决定，如 .bpe）")
    carry.add_argument("--year", type=int, help="下一年度的年份（默认：表的年份加一）")
    library = sub.add_parser(
        "library", help="指标库：bpeditor library suggest --from 文件或文件夹…"
    )
    actions = library.add_subparsers(dest="action", required=True)
    suggest = actions.add_parser("suggest", help="从往年的表推荐指标")
    suggest.add_argument(
        "--from", dest="sources", type=Path, nargs="+", required=True, help="往年的表或文件夹"
    )
    what = suggest.add_mutually_exclusive_group(required=True)
    what.add_argument("--project", help="为这个项目推荐（本年的项目名称）")
    what.add_argument("--query", help="按名称或拼音首字母查找，如 sbzcyxl")
    suggest.add_argument("--unit", help="项目所属的单位（与 --project 一起用）")
    suggest.add_argument("--level2", help="只要这个二级指标（编码，如 12）下的指标")
    suggest.add_argument("--top", type=int, default=8, help="列出前 N 条（默认 8）")
    suggest.add_argument("--json", action="store_true", help="以 JSON 列表输出")


def run(args: argparse.Namespace) -> int:
    """Run the command ``args`` names."""
    if args.command == "compare":
        return run_compare(args)
    if args.command == "carry-forward":
        return run_carry_forward(args)
    from bpeditor.cli_library import run_suggest  # noqa: PLC0415 - only this command needs it

    return run_suggest(args)


def run_compare(args: argparse.Namespace) -> int:
    """Print what changed from the old table to the new one."""
    from bpeditor.model.year_compare import compare_tables  # noqa: PLC0415

    old = read(args.old)
    if old is None:
        return EXIT_BAD_INPUT
    new = read(args.new)
    if new is None:
        return EXIT_BAD_INPUT
    comparison = compare_tables(old.table, new.table)
    if args.json:
        json.dump(comparison.to_dict(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for line in report_lines(comparison, args.old, args.new):
            print(line)
    return EXIT_OK


def _where(ref: ProjectRef | None) -> str:
    if ref is None:
        return ""
    return f"{ref.unit_name} / {ref.item.name}" if ref.unit_name else ref.item.name


def _values(change: IndicatorChange) -> str:
    old, new = change.old, change.new
    parts = []
    if old is not None and new is not None:
        if old.name != new.name:
            parts.append(f"名称 {old.name} → {new.name}")
        if old.period_value != new.period_value:
            parts.append(
                f"实施周期 {old.period_value or '（空）'} → {new.period_value or '（空）'}"
            )
        if old.annual_value != new.annual_value:
            parts.append(f"年度 {old.annual_value or '（空）'} → {new.annual_value or '（空）'}")
    else:
        one = new if new is not None else old
        assert one is not None
        parts.append(f"年度 {one.annual_value or '（空）'}")
    flags = "".join(f"［{_FLAGS[f]}］" for f in change.flags)
    return "；".join(parts) + (f"  {flags}" if flags else "")


def _funds(change: ProjectChange) -> str:
    from bpeditor.model.money import format_amount  # noqa: PLC0415

    old = format_amount(change.old_total, blank_zero=False) or "（空）"
    new = format_amount(change.new_total, blank_zero=False) or "（空）"
    return f"资金 {old} → {new}"


def report_lines(comparison: Comparison, old: Path, new: Path) -> list[str]:
    """The readable report: counts, lowered targets first, then project by project."""
    projects = comparison.projects
    count = {s: sum(1 for p in projects if p.status == s) for s in ("matched", "added", "removed")}
    rows = [i for p in projects for i in p.indicators]
    per = {s: sum(1 for i in rows if i.status == s) for s in _STATUS}
    lowered = comparison.lowered()
    lines = [
        f"上年：{old}",
        f"本年：{new}",
        f"项目：{count['matched']} 个对应，{count['added']} 个新增，{count['removed']} 个取消；"
        f"指标：{per['same']} 个相同，{per['changed']} 个修改，{per['added']} 个新增，"
        f"{per['removed']} 个删除；目标降低 {len(lowered)} 处",
    ]
    if lowered:
        lines += ["", "目标比上年降低（需说明理由）："]
        for project, change in lowered:
            name = change.new.name if change.new is not None else ""
            lines.append(f"  {_where(project.new)} / {name}：{_values(change)}")
    lines += ["", "逐个项目："]
    for project in projects:
        if project.status == "matched":
            assert project.old is not None
            renamed = (
                f"（上年：{project.old.item.name}）"
                if project.new is not None and project.old.item.name != project.new.item.name
                else ""
            )
            lines.append(f"[对应] {_where(project.new)}{renamed}  {_funds(project)}")
        elif project.status == "added":
            lines.append(f"[新增] {_where(project.new)}  {_funds(project)}")
        else:
            lines.append(f"[取消] {_where(project.old)}  {_funds(project)}")
        same = sum(1 for i in project.indicators if i.status == "same")
        if project.status == "matched" and same:
            lines.append(f"    相同 {same} 个指标")
        for change in sorted(project.indicators, key=lambda c: not c.lowered):
            if change.status != "same" and project.status == "matched":
                one = change.new if change.new is not None else change.old
                assert one is not None
                lines.append(f"    {_STATUS[change.status]} {one.name}：{_values(change)}")
    return lines


def run_carry_forward(args: argparse.Namespace) -> int:
    """Write next year's table, started from this year's."""
    from bpeditor.io.base import WriteError  # noqa: PLC0415 - see the module's docstring
    from bpeditor.io.exporting import export_table  # noqa: PLC0415
    from bpeditor.io.registry import format_for_writing  # noqa: PLC0415
    from bpeditor.model.carry_forward import carry_forward  # noqa: PLC0415
    from bpeditor.model.validation import validate  # noqa: PLC0415

    try:
        format_for_writing(args.output)
    except WriteError as exc:
        say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    result = read(args.input)
    if result is None:
        return EXIT_BAD_INPUT
    table = carry_forward(result.table, args.year)
    try:
        warnings = export_table(table, args.output)
    except WriteError as exc:
        say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    print_warnings(warnings)
    years = [f for f in validate(table) if f.code == "carried-year"]
    for finding in years:
        print(f"请核对：{finding.message}")
    say(
        f"已新建下一年度表：{args.input} → {args.output}（{table.title}；"
        f"{table.project_count()} 个项目，{table.indicator_count()} 个指标沿用上年，"
        f"{len(years)} 处年份请核对）"
    )
    return EXIT_OK
