"""The command line: ``bpeditor convert``, ``bpeditor check``, and starting the GUI.

Start-up time matters for the window: this module imports only what parsing the command line
needs. The importers, exporters, batch conversion and checks are imported by the command that
uses them (the window imports what it needs itself), so ``bpeditor FILE`` pays for none of them
before Qt starts.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import gc
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bpeditor import __version__

if TYPE_CHECKING:
    from bpeditor.io.base import ReadResult, ReadWarning
    from bpeditor.io.export_options import ExportOptions
    from bpeditor.model.review.rules import RuleSet
    from bpeditor.model.table import Table
    from bpeditor.model.validation import Finding

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
_COMMANDS = ("convert", "check", "compare", "carry-forward", "library")


def _command_parser() -> argparse.ArgumentParser:
    from bpeditor.cli_years import add_parsers  # noqa: PLC0415 - only the commands need it
    from bpeditor.io.batch import TARGETS  # noqa: PLC0415

    parser = argparse.ArgumentParser(prog="bpeditor", description="绩效目标表编辑器 命令行")
    sub = parser.add_subparsers(dest="command", required=True)
    convert = sub.add_parser(
        "convert",
        help="转换格式：bpeditor convert 输入文件 输出文件；批量：--out-dir 目录 文件或文件夹…",
    )
    convert.add_argument(
        "paths",
        nargs="+",
        type=Path,
        help="输入文件 输出文件（格式由扩展名决定）；带 --out-dir 时全部是输入文件或文件夹",
    )
    convert.add_argument("--out-dir", type=Path, help="批量转换：输出到这个文件夹")
    convert.add_argument(
        "--to", choices=sorted(TARGETS), default="bpe", help="批量转换的输出格式（默认 bpe）"
    )
    convert.add_argument(
        "--layout",
        choices=("summary", "forms"),
        default="summary",
        help="版式：汇总表或逐项目申报表",
    )
    convert.add_argument(
        "--fonts",
        choices=("default", "gongwen"),
        default="default",
        help="字体：default 仿宋/黑体（Windows 自带）；gongwen 公文字体"
        "（仿宋_GB2312、方正小标宋简体）",
    )
    convert.add_argument(
        "--margins", type=float, metavar="毫米", help="页边距（毫米，所有格式；默认按版式）"
    )
    convert.add_argument(
        "--columns",
        metavar="列",
        default="",
        help="申报表在指标值后加打的列，逗号分隔：basis（指标值确定依据）、explanation（指标解释）、"
        "remark（备注）、weight（权重）、score（分值），或 all；也可写 依据,解释,备注,权重,分值",
    )
    check = sub.add_parser(
        "check", help="检查表格（含审核规则）：有错误（退回）时退出码为 1，修改/提示为 0"
    )
    check.add_argument("input", type=Path, help="要检查的文件")
    check.add_argument("--json", action="store_true", help="以 JSON 列表输出检查结果")
    check.add_argument(
        "--rules",
        metavar="FILE",
        help="审核规则文件（JSON）；default、strict 为自带的默认、严格规则（默认 default）",
    )
    check.add_argument(
        "--report",
        type=Path,
        metavar="OUT",
        help="另外写出审核意见报告：OUT.docx、OUT.xlsx 或 OUT.txt",
    )
    add_parsers(sub)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bpeditor",
        description="绩效目标表编辑器。命令：convert（转换）、check（检查）、compare（年度比较）、"
        "carry-forward（新建下一年度表）、library（指标库）；不带命令则打开窗口。",
    )
    parser.add_argument("file", nargs="?", type=Path, help="要打开的文件")
    parser.add_argument("--example", action="store_true", help="打开自带的示例表")
    parser.add_argument("--version", action="version", version=f"bpeditor {__version__}")
    return parser


def gui_arguments(argv: list[str]) -> argparse.Namespace:
    """The window's command line: nothing, one file or ``--example``, as the parser reads them.

    These three are read directly: building the parser costs ~3 ms of start-up (argparse looks
    up a translation of each of its messages). Anything else (``--help``, ``--version``, a
    mistake) goes to the parser, for its messages.
    """
    if not argv or argv == ["--example"]:
        return argparse.Namespace(file=None, example=bool(argv))
    if len(argv) == 1 and argv[0] and not argv[0].startswith("-"):
        return argparse.Namespace(file=Path(argv[0]), example=False)
    return _gui_parser().parse_args(argv)


def say(message: str) -> None:
    """A line on stderr."""
    print(message, file=sys.stderr)


def print_warnings(warnings: Iterable[ReadWarning | str]) -> None:
    """Each warning of a read or a write on stderr."""
    for warning in warnings:
        say(f"警告：{warning}")


def read(path: Path) -> ReadResult | None:
    """Read any format, or say in one line why not (``None``)."""
    from bpeditor.io.base import ReadError  # noqa: PLC0415 - see the module's docstring
    from bpeditor.io.registry import read_path  # noqa: PLC0415

    try:
        return read_path(path)
    except ReadError as exc:
        say(f"错误：{exc}")
        return None


def run_convert(args: argparse.Namespace) -> int:
    """Read one file and write it in the format the output's extension names."""
    from bpeditor.io.base import WriteError  # noqa: PLC0415 - see the module's docstring
    from bpeditor.io.export_options import (  # noqa: PLC0415
        ColumnsError,
        ExportOptions,
        parse_columns,
    )
    from bpeditor.io.exporting import export_table  # noqa: PLC0415
    from bpeditor.io.registry import format_for_writing  # noqa: PLC0415

    try:
        columns = parse_columns(args.columns)
    except ColumnsError as exc:
        say(f"错误：--columns {exc}")
        return EXIT_BAD_INPUT
    if columns and args.layout != "forms":
        say("提示：--columns 只加在申报表上（--layout forms），汇总表不加印这些列")
    if args.margins is not None and not 0 < args.margins < 60:
        say("错误：--margins 应在 0 到 60 毫米之间")
        return EXIT_BAD_INPUT
    options = ExportOptions(
        layout=args.layout, fonts=args.fonts, margin_mm=args.margins, columns=columns
    )
    if args.out_dir is not None:
        return run_batch(args, options)
    if len(args.paths) != 2:
        say("错误：convert 需要一个输入文件和一个输出文件（批量转换请用 --out-dir 目录）")
        return EXIT_BAD_INPUT
    args.input, args.output = args.paths
    is_pdf = args.output.suffix.lower() == ".pdf"
    try:
        if not is_pdf:
            format_for_writing(args.output)
    except WriteError as exc:
        say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    result = read(args.input)
    if result is None:
        return EXIT_BAD_INPUT
    print_warnings(result.warnings)
    try:
        warnings = _write_pdf(result.table, args.output, options) if is_pdf else None
        if warnings is None:
            warnings = export_table(result.table, args.output, options)
    except WriteError as exc:
        say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    print_warnings(warnings)
    table = result.table
    say(
        f"已转换：{args.input} → {args.output}（{len(table.units)} 个单位，"
        f"{table.project_count()} 个项目，{table.indicator_count()} 个指标，"
        f"{len(result.warnings)} 条警告）"
    )
    return EXIT_OK


def _write_pdf(table: Table, path: Path, options: ExportOptions) -> list[str]:
    """Print the table to a PDF with the program's own (Qt) print layout."""
    from bpeditor.io.base import WriteError  # noqa: PLC0415 - see the module's docstring

    try:
        from bpeditor.ui.print_pdf import write_pdf  # noqa: PLC0415 - Qt only for a PDF
    except ImportError as exc:
        raise WriteError(f"{path}：导出 PDF 需要图形界面组件（{exc}）") from None
    return write_pdf(table, path, options)


def run_batch(args: argparse.Namespace, options: ExportOptions) -> int:
    """Convert many files into a folder and print a report; exit 2 if any file failed."""
    from bpeditor.io.base import WriteError  # noqa: PLC0415 - see the module's docstring
    from bpeditor.io.batch import convert_many  # noqa: PLC0415

    try:
        items = convert_many(args.paths, args.out_dir, args.to, options)
        failed = done = 0
        for item in items:
            if item.ok:
                done += 1
                print(
                    f"成功 {item.source} → {item.target}（{item.recognised}；{item.units} 个单位，"
                    f"{item.projects} 个项目，{item.indicators} 个指标，"
                    f"{len(item.warnings)} 条警告）"
                )
                for warning in [*item.warnings, *item.export_warnings]:
                    print(f"    警告：{warning}")
            else:
                failed += 1
                print(f"失败 {item.error}")
    except (WriteError, OSError) as exc:
        say(f"错误：{exc}")
        return EXIT_BAD_INPUT
    print(f"共 {done + failed} 个文件：成功 {done} 个，失败 {failed} 个")
    return EXIT_BAD_INPUT if failed or not done else EXIT_OK


def _rules(name: str | None) -> RuleSet | None:
    """The rule set ``--rules`` names (a bundled name or a file); ``None`` after saying why not."""
    from bpeditor.io.rule_file import (  # noqa: PLC0415 - see the module's docstring
        BUNDLED,
        RuleFileError,
        bundled_path,
        load_rule_set,
    )

    name = name or "default"
    try:
        return load_rule_set(bundled_path(name) if name in BUNDLED else Path(name))
    except RuleFileError as exc:
        say(f"错误：{exc}")
        return None


def run_check(args: argparse.Namespace) -> int:
    """Print the findings of every check and rule; exit 1 when any is an error (退回)."""
    import json  # noqa: PLC0415 - see the module's docstring

    from bpeditor.model.review import check_table  # noqa: PLC0415
    from bpeditor.model.review.rules import RULE_OF_CODE  # noqa: PLC0415
    from bpeditor.model.validation import Severity, count_by_severity  # noqa: PLC0415

    rules = _rules(args.rules)
    if rules is None:
        return EXIT_BAD_INPUT
    if args.report is not None and not _report_format_ok(args.report):
        return EXIT_BAD_INPUT
    result = read(args.input)
    if result is None:
        return EXIT_BAD_INPUT
    findings = [w.as_finding() for w in result.warnings] + check_table(result.table, rules)
    counts = count_by_severity(findings)
    labels = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
    if args.json:
        json.dump([f.to_dict() for f in findings], sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        for finding in findings:
            rule = RULE_OF_CODE.get(finding.code)
            code = (
                finding.code
                if rule is None or rule.code == finding.code
                else (f"{finding.code} {rule.code}")
            )
            print(f"{labels[finding.severity]} [{code}] {finding.message}")
        print(
            f"{args.input}：{counts[Severity.ERROR]} 个错误，{counts[Severity.WARNING]} 个警告，"
            f"{counts[Severity.INFO]} 个提示（{result.table.project_count()} 个项目，"
            f"{result.table.indicator_count()} 个指标；规则：{rules.name}）"
        )
    if args.report is not None and not _write_report(args, result.table, findings, rules):
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if counts[Severity.ERROR] else EXIT_OK


def _report_format_ok(path: Path) -> bool:
    from bpeditor.io.review_report import REPORT_FORMATS  # noqa: PLC0415

    if path.suffix.lower() not in REPORT_FORMATS:
        say(f"错误：{path}：不支持的报告格式（可用 {'、'.join(REPORT_FORMATS)}）")
        return False
    return True


def _write_report(
    args: argparse.Namespace, table: Table, findings: list[Finding], rules: RuleSet
) -> bool:
    from bpeditor.io.base import WriteError  # noqa: PLC0415
    from bpeditor.io.review_report import write_report  # noqa: PLC0415
    from bpeditor.model.review.report import build_report  # noqa: PLC0415

    report = build_report(table, findings, rules, source=str(args.input))
    try:
        write_report(report, args.report)
    except WriteError as exc:
        say(f"错误：{exc}")
        return False
    say(f"已写出审核意见：{args.report}")
    return True


def print_summary(result: ReadResult) -> None:
    """A short text overview of a table (for ``--example`` without a window)."""
    from bpeditor.model.money import format_amount  # noqa: PLC0415 - see the module's docstring

    table = result.table
    print(table.title)
    print(f"单位名称：{table.reporting_unit}    单位：{table.money_unit}")
    print(f"合计：{format_amount(table.funds().total)}")
    for unit in table.units:
        print(f"{unit.name}  {format_amount(unit.funds().total)}")
        for project in unit.projects:
            amount = format_amount(project.funds.total)
            print(f"    {project.name}  {amount}  （{len(project.indicators)} 个指标）")
    print(
        f"共 {len(table.units)} 个单位，{table.project_count()} 个项目，"
        f"{table.indicator_count()} 个指标"
    )


@contextlib.contextmanager
def _imports_without_gc() -> Iterator[None]:
    """Import the window's modules with the cyclic garbage collector paused, then freeze them.

    Importing Qt and the UI creates tens of thousands of objects (classes, enums, functions)
    that live as long as the program: collections during the imports only walk them again
    (about 8 ms of start-up), and freezing them keeps every later full collection, and the one
    at exit, from walking them at all.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window, on a file or on the bundled example."""
    from bpeditor.resources import example_path  # noqa: PLC0415 - see the module's docstring

    path = example_path() if args.example else args.file
    try:
        with _imports_without_gc():
            # The readers (and the model) before Qt, whose import hook checks every module an
            # import statement names after it (see ``bpeditor.ui.pyside_import_check``).
            import bpeditor.io.registry  # noqa: F401, PLC0415
            from bpeditor.ui.app import run  # noqa: PLC0415 - Qt is loaded only for the window
    except ImportError as exc:
        if path is None:
            say(f"错误：无法启动图形界面（{exc}）")
            return EXIT_BAD_INPUT
        result = read(path)
        if result is None:
            return EXIT_BAD_INPUT
        print_summary(result)
        return EXIT_OK
    return run(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``bpeditor`` command."""
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    if argv and argv[0] in _COMMANDS:
        return _run_command(argv)
    return run_gui(gui_arguments(argv))


EXIT_PIPE_CLOSED = 141
"""Exit status when the reader of our output went away (``| head``): 128 + SIGPIPE, as a shell
reports a program that SIGPIPE ended."""

EXIT_INTERRUPTED = 130
"""Exit status after Ctrl+C: 128 + SIGINT."""


def _run_command(argv: list[str]) -> int:
    """Run a command; a closed output pipe or Ctrl+C ends it quietly."""
    try:
        args = _command_parser().parse_args(argv)
        status = _dispatch(args)
        sys.stdout.flush()  # here, where a closed pipe can still be caught
        return status
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_PIPE_CLOSED
    except OSError as exc:
        # Windows reports a pipe whose reader has gone as EINVAL, not as a broken pipe.
        if sys.platform == "win32" and exc.errno == errno.EINVAL:
            _silence_stdout()
            return EXIT_PIPE_CLOSED
        say(f"错误：{exc.strerror or exc}")
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        say("已中断")
        return EXIT_INTERRUPTED


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "convert":
        return run_convert(args)
    if args.command == "check":
        return run_check(args)
    from bpeditor.cli_years import run  # noqa: PLC0415 - see the module's docstring

    return run(args)


def _silence_stdout() -> None:
    """Point stdout at the null device, so that Python's final flush finds no closed pipe."""
    import os  # noqa: PLC0415 - only on this rare path

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor behind stdout: nothing to flush there
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
