"""The native ``.bpe`` file: UTF-8 JSON, described in ``docs/file-format.md``."""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from bpeditor.io.base import ReadError, ReadResult, WriteError, atomic_write, gc_paused
from bpeditor.model.document import (
    FUNDS_LABELS,
    INDICATOR_FIELDS,
    PROJECT_TEXT_FIELDS,
    SIGNOFF_FIELDS,
)
from bpeditor.model.money import to_storage
from bpeditor.model.table import Explanation, Funds, Indicator, Project, SignOff, Table, Unit

FORMAT_NAME = "bpeditor"
"""The value of the ``format`` key that marks a native file."""
FORMAT_VERSION = 1
"""The format version this program writes and the newest it reads."""
MAX_BYTES = 512 * 1024 * 1024
"""Larger files are refused before they are read into memory."""

# Indicator keys in the order of Indicator's fields, so that a row can be built positionally.
_INDICATOR_FIELDS = INDICATOR_FIELDS
_BLANKS = ("",) * len(_INDICATOR_FIELDS)
_TEXT_ONLY = frozenset({str})
_PROJECT_OPTIONAL = PROJECT_TEXT_FIELDS[2:]
_SIGNOFF_FIELDS = SIGNOFF_FIELDS
_AMOUNT_RE = re.compile(r"-?[0-9]{1,18}(?:\.[0-9]{1,10})?")
_SURROGATE_ESCAPE_RE = re.compile(r"\\[uU][dD][89a-fA-F]")
_JSON_MESSAGES = (
    ("Expecting value", "此处缺少值"),
    ("Expecting ',' delimiter", "此处缺少逗号"),
    ("Expecting ':' delimiter", "此处缺少冒号"),
    ("Expecting property name enclosed in double quotes", "此处应为用双引号括起的字段名"),
    ("Unterminated string", "文本没有结束引号"),
    ("Invalid control character", "文本中有不允许的控制字符"),
    ("Invalid \\escape", "无效的转义序列"),
    ("Invalid \\uXXXX escape", "无效的 \\u 转义序列"),
    ("Extra data", "内容结束后还有多余的字符"),
)
_TYPE_NAMES = {
    dict: "对象",
    list: "列表",
    str: "文本",
    int: "整数",
    float: "数字",
    bool: "真假值",
    type(None): "空值（null）",
}


_EXPLANATION_FIELDS = ("code", "project", "indicator", "field", "reason")
_CARRY_FIELDS = ("previous_period_value", "previous_annual_value", "carried")


# --- writing -------------------------------------------------------------------------------


def table_to_dict(table: Table) -> dict[str, Any]:
    """The table as the JSON object of the native format."""
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": table.title,
        "reporting_unit": table.reporting_unit,
        "money_unit": table.money_unit,
    }
    if table.year is not None:
        data["year"] = table.year
    if table.unit_code:
        data["unit_code"] = table.unit_code
    if table.taxonomy:
        data["taxonomy"] = table.taxonomy
    signoff = {name: getattr(table.signoff, name) for name in _SIGNOFF_FIELDS}
    if not signoff["seal"]:
        del signoff["seal"]
    if any(signoff.values()):
        data["signoff"] = signoff
    data["units"] = [
        {"name": unit.name, "projects": [_project_to_dict(p) for p in unit.projects]}
        for unit in table.units
    ]
    if table.explanations:
        data["explanations"] = [
            {
                "code": e.code,
                "project": e.project,
                "indicator": e.indicator,
                "field": e.field,
                "reason": e.reason,
            }
            for e in table.explanations
        ]
    return data


def _funds_to_dict(funds: Funds) -> dict[str, str | None]:
    return {
        "total": to_storage(funds.total),
        "fiscal": to_storage(funds.fiscal),
        "special_account": to_storage(funds.special_account),
        "other": to_storage(funds.other),
    }


def _project_to_dict(project: Project) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": project.name,
        "funds": _funds_to_dict(project.funds),
        "goal": project.goal,
        "indicators": [_indicator_to_dict(i) for i in project.indicators],
    }
    for name in _PROJECT_OPTIONAL:
        value = getattr(project, name)
        if value:
            data[name] = value
    if not project.period_funds.is_blank():
        data["period_funds"] = _funds_to_dict(project.period_funds)
    return data


def _indicator_to_dict(indicator: Indicator) -> dict[str, str]:
    data = {
        "level1": indicator.level1,
        "level1_label": indicator.level1_label,
        "level2": indicator.level2,
        "level2_label": indicator.level2_label,
        "name": indicator.name,
        "period_value": indicator.period_value,
        "annual_value": indicator.annual_value,
    }
    if indicator.basis:
        data["basis"] = indicator.basis
    if indicator.explanation:
        data["explanation"] = indicator.explanation
    if indicator.note:
        data["note"] = indicator.note
    if indicator.weight:
        data["weight"] = indicator.weight
    if indicator.score:
        data["score"] = indicator.score
    for name in _CARRY_FIELDS:  # optional within version 1 (docs/file-format.md)
        if getattr(indicator, name):
            data[name] = getattr(indicator, name)
    return data


def dumps(table: Table) -> str:
    """The table as native-format text (compact JSON, one line, non-ASCII kept as is)."""
    return json.dumps(table_to_dict(table), ensure_ascii=False, separators=(",", ":")) + "\n"


def save(table: Table, path: str | os.PathLike[str]) -> None:
    """Save the table atomically; on failure raise :class:`WriteError` and keep the old file."""
    try:
        data = dumps(table).encode("utf-8")
    except (ValueError, ArithmeticError) as exc:
        # Lone surrogates in a text, or an amount too large to round to cents.
        raise WriteError(f"{path}：表中有无法保存的内容，未保存（{exc}）") from exc
    atomic_write(path, lambda tmp: tmp.write_bytes(data))


# --- reading -------------------------------------------------------------------------------


def _type_name(value: object) -> str:
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class _Reader:
    """Turns the parsed JSON into a table, naming the place of anything malformed."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, what: str) -> ReadError:
        """An error for the place ``where`` (empty for the top level)."""
        return ReadError(f"{self.source}：{where}{'：' if where else ''}{what}")

    def text(self, obj: dict[str, Any], key: str, where: str) -> str:
        """A text field; missing or ``null`` reads as blank."""
        value = obj.get(key)
        if value is None:
            return ""
        if type(value) is not str:
            raise self.fail(where, f"字段“{key}”应为文本，实为{_type_name(value)}")
        return value

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        """A JSON object."""
        if type(value) is not dict:
            raise self.fail(where, f"应为对象，实为{_type_name(value)}")
        return value

    def items(self, obj: dict[str, Any], key: str, where: str) -> list[Any]:
        """A list field; missing or ``null`` reads as empty."""
        value = obj.get(key)
        if value is None:
            return []
        if type(value) is not list:
            raise self.fail(where, f"字段“{key}”应为列表，实为{_type_name(value)}")
        return value

    def amount(self, obj: dict[str, Any], key: str, where: str) -> Decimal | None:
        """An amount: a plain decimal string such as ``"1664.69"``; ``null`` or ``""`` is blank."""
        value = obj.get(key)
        if value is None or value == "":
            return None
        if type(value) is str and _AMOUNT_RE.fullmatch(value):
            return Decimal(value)
        label = f"金额“{FUNDS_LABELS[key]}”（{key}）"
        if type(value) is not str:
            raise self.fail(
                where, f'{label}应为文本形式的数字（如 "40.00"），实为{_type_name(value)}'
            )
        try:
            finite = Decimal(value.strip()).is_finite()
        except InvalidOperation:
            finite = True
        if not finite:
            raise self.fail(where, f"{label}不是有限的数字：{value!r}")
        raise self.fail(
            where, f"{label}格式不对：{value!r}（应为不带千分位的数字，如 1664.69，最多 18 位整数）"
        )

    def funds(self, obj: dict[str, Any], key: str, where: str) -> Funds:
        """The four amounts under ``key``; missing or ``null`` reads as all blank."""
        value = obj.get(key)
        if value is None:
            return Funds()
        place = f"{where}的{'资金' if key == 'funds' else '实施期资金'}（{key}）"
        funds = self.obj(value, place)
        return Funds(
            total=self.amount(funds, "total", place),
            fiscal=self.amount(funds, "fiscal", place),
            special_account=self.amount(funds, "special_account", place),
            other=self.amount(funds, "other", place),
        )

    def table(self, data: Any) -> Table:
        """The whole table, after checking the format marker and version."""
        if type(data) is not dict:
            raise ReadError(f"{self.source}：不是绩效目标表编辑器文件（内容不是 JSON 对象）")
        if data.get("format") != FORMAT_NAME:
            raise ReadError(f"{self.source}：不是绩效目标表编辑器文件（缺少 format 标记）")
        version = data.get("version")
        if type(version) is not int or version < 1:
            raise ReadError(f"{self.source}：文件的格式版本号无效：{version!r}")
        if version > FORMAT_VERSION:
            raise ReadError(
                f"{self.source}：此文件由更新版本的绩效目标表编辑器保存（格式版本 {version}，"
                f"本程序只支持到版本 {FORMAT_VERSION}），请升级编辑器后再打开"
            )
        year = data.get("year")
        if year is not None and type(year) is not int:
            raise self.fail("", f"字段“year”应为整数年份，实为{_type_name(year)}")
        signoff_value = data.get("signoff")
        signoff = SignOff()
        if signoff_value is not None:
            obj = self.obj(signoff_value, "签字栏（signoff）")
            signoff = SignOff(*(self.text(obj, n, "签字栏（signoff）") for n in _SIGNOFF_FIELDS))
        table = Table(
            title=self.text(data, "title", ""),
            reporting_unit=self.text(data, "reporting_unit", ""),
            money_unit="万元"
            if data.get("money_unit") is None
            else self.text(data, "money_unit", ""),
            year=year,
            signoff=signoff,
            unit_code=self.text(data, "unit_code", ""),
            taxonomy=self.text(data, "taxonomy", ""),
        )
        for u, unit_value in enumerate(self.items(data, "units", ""), start=1):
            where = f"第 {u} 个单位"
            unit_obj = self.obj(unit_value, where)
            unit = Unit(name=self.text(unit_obj, "name", where))
            projects = self.items(unit_obj, "projects", where)
            unit.projects = [
                self.project(value, f"{where}的第 {p} 个项目")
                for p, value in enumerate(projects, start=1)
            ]
            table.units.append(unit)
        for n, value in enumerate(self.items(data, "explanations", ""), start=1):
            where = f"第 {n} 条已说明（explanations）"
            obj = self.obj(value, where)
            table.explanations.append(
                Explanation(*(self.text(obj, key, where) for key in _EXPLANATION_FIELDS))
            )
        return table

    def project(self, value: Any, where: str) -> Project:
        """One project and its indicators."""
        obj = self.obj(value, where)
        return Project(
            name=self.text(obj, "name", where),
            funds=self.funds(obj, "funds", where),
            goal=self.text(obj, "goal", where),
            indicators=self.indicators(self.items(obj, "indicators", where), where),
            department=self.text(obj, "department", where),
            implementing_unit=self.text(obj, "implementing_unit", where),
            attribute=self.text(obj, "attribute", where),
            period=self.text(obj, "period", where),
            period_funds=self.funds(obj, "period_funds", where),
            period_goal=self.text(obj, "period_goal", where),
            department_code=self.text(obj, "department_code", where),
        )

    def indicators(self, items: list[Any], where: str) -> list[Indicator]:
        """A project's indicators; the hot loop of reading, so well-formed rows take a fast path."""
        result: list[Indicator] = []
        append = result.append
        for number, item in enumerate(items, start=1):
            if type(item) is dict:
                # Every field at once, "" for the missing ones, in Indicator's field order.
                values = tuple(map(item.get, _INDICATOR_FIELDS, _BLANKS))
                if _TEXT_ONLY.issuperset(map(type, values)):  # every value is a text
                    append(Indicator(*values))
                    continue
            item_where = f"{where}的第 {number} 个指标"
            obj = self.obj(item, item_where)
            append(Indicator(*(self.text(obj, n, item_where) for n in _INDICATOR_FIELDS)))
        return result


def _refuse_constant(name: str) -> None:
    raise ValueError(f"JSON 中不允许出现 {name}")


def _looks_truncated(exc: json.JSONDecodeError, text: str) -> bool:
    """Whether parsing failed only because the text stops early (not because it is wrong)."""
    rest = text[exc.pos :].strip()
    if exc.msg.startswith("Unterminated string"):  # ran to the end looking for the quote
        return True
    if exc.msg.startswith("Invalid \\uXXXX escape"):
        return len(text) - exc.pos <= len("\\uXXXX")
    return any(word.startswith(rest) for word in ("null", "true", "false"))  # "" included


def _decode_error(exc: json.JSONDecodeError, text: str, source: str) -> ReadError:
    if not text.strip():
        return ReadError(f"{source}：文件是空的")
    if _looks_truncated(exc, text):
        return ReadError(f"{source}：文件不完整（可能在保存或复制时被截断），内容在末尾中断")
    message = next((zh for en, zh in _JSON_MESSAGES if exc.msg.startswith(en)), exc.msg)
    return ReadError(
        f"{source}：文件已损坏，不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{message}）"
    )


def loads(text: str, source: str = "文件") -> Table:
    """Parse native-format text into a table; raises :class:`ReadError` naming what is wrong."""
    with gc_paused():
        return _loads(text, source)


def _loads(text: str, source: str) -> Table:
    text = text.removeprefix("\ufeff")
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise _decode_error(exc, text, source) from None
    except RecursionError:
        raise ReadError(f"{source}：文件嵌套过深，不是绩效目标表编辑器文件") from None
    except ValueError as exc:  # NaN/Infinity literals, integers with thousands of digits
        raise ReadError(f"{source}：文件内容无效（{exc}）") from None
    if _SURROGATE_ESCAPE_RE.search(text) and not _encodable(data):
        raise ReadError(f"{source}：文件中有无效的字符（不成对的 \\u 代理项转义）")
    return _Reader(source).table(data)


def _encodable(data: Any) -> bool:
    """Whether every text in the parsed JSON can be written back as UTF-8."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def read_bpe(path: str | os.PathLike[str]) -> ReadResult:
    """Read a native file; raises :class:`ReadError` with a one-line reason."""
    path = Path(path)
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.end >= len(data) and exc.reason == "unexpected end of data":
            raise ReadError(f"{path}：文件不完整（末尾的字符被截断）") from None
        raise ReadError(
            f"{path}：不是 UTF-8 编码的文本（第 {exc.start + 1} 个字节无法解码），"
            "不是绩效目标表编辑器文件"
        ) from None
    return ReadResult(loads(text, str(path)), [], "bpe")


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ReadError(f"{path}：文件过大（{size // (1024 * 1024)} MiB），不像是绩效目标表")
        return path.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{path}：文件不存在") from None
    except IsADirectoryError:
        raise ReadError(f"{path}：这是文件夹，不是文件") from None
    except PermissionError:
        raise ReadError(f"{path}：没有读取权限（文件可能正被其他程序独占）") from None
    except OSError as exc:
        raise ReadError(f"{path}：无法读取（{exc.strerror or exc}）") from None
