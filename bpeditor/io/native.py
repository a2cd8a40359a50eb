"""The native ``.bpe`` file: UTF-8 JSON, described in ``docs/file-format.md``."""

from __future__ import annotations

import json
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from bpeditor.io.base import ReadError, ReadResult, ReadWarning, atomic_write
from bpeditor.model.document import Funds, Indicator, Project, SignOff, Table, Unit
from bpeditor.model.money import to_storage

FORMAT_NAME = "bpeditor"
FORMAT_VERSION = 1
MAX_BYTES = 512 * 1024 * 1024

_INDICATOR_FIELDS = (
    "level1",
    "level1_label",
    "level2",
    "level2_label",
    "name",
    "period_value",
    "annual_value",
    "basis",
    "explanation",
    "note",
)
_OPTIONAL_INDICATOR_FIELDS = ("basis", "explanation", "note")
_PROJECT_TEXT_FIELDS = (
    "department",
    "implementing_unit",
    "attribute",
    "period",
    "period_goal",
)
_SIGNOFF_FIELDS = ("head", "preparer", "phone", "date")


def table_to_dict(table: Table) -> dict[str, Any]:
    """The table as the JSON object of the native format."""
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": table.title,
        "reporting_unit": table.reporting_unit,
        "money_unit": table.money_unit,
        "year": table.year,
        "signoff": {name: getattr(table.signoff, name) for name in _SIGNOFF_FIELDS},
        "units": [
            {"name": unit.name, "projects": [_project_to_dict(p) for p in unit.projects]}
            for unit in table.units
        ],
    }
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
    for name in _PROJECT_TEXT_FIELDS:
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
    for name in _OPTIONAL_INDICATOR_FIELDS:
        value = getattr(indicator, name)
        if value:
            data[name] = value
    return data


def dumps(table: Table) -> str:
    """The table as native-format text."""
    return json.dumps(table_to_dict(table), ensure_ascii=False, separators=(",", ":"))


def save(table: Table, path: str | os.PathLike[str]) -> None:
    """Save the table atomically; on failure the old file is left as it was."""
    text = dumps(table)
    atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n"))


class _Reader:
    """Turns the parsed JSON into a table, naming the place of anything malformed."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.warnings: list[ReadWarning] = []

    def fail(self, where: str, what: str) -> ReadError:
        return ReadError(f"{self.source}：{where}{what}")

    def text(self, obj: dict[str, Any], key: str, where: str) -> str:
        value = obj.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            raise self.fail(where, f"字段 {key} 应为文本")
        return value

    def amount(self, obj: dict[str, Any], key: str, where: str) -> Decimal | None:
        value = obj.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(where, f"金额 {key} 应为文本形式的数字")
        try:
            amount = Decimal(value)
        except InvalidOperation:
            raise self.fail(where, f"金额 {key} 不是数字：{value!r}") from None
        if not amount.is_finite():
            raise self.fail(where, f"金额 {key} 不是有限数字：{value!r}")
        return amount

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, "应为对象")
        return value

    def items(self, obj: dict[str, Any], key: str, where: str) -> list[Any]:
        value = obj.get(key, [])
        if not isinstance(value, list):
            raise self.fail(where, f"字段 {key} 应为列表")
        return value

    def funds(self, value: Any, where: str) -> Funds:
        if value is None:
            return Funds()
        obj = self.obj(value, where)
        return Funds(
            total=self.amount(obj, "total", where),
            fiscal=self.amount(obj, "fiscal", where),
            special_account=self.amount(obj, "special_account", where),
            other=self.amount(obj, "other", where),
        )

    def table(self, data: Any) -> Table:
        root = self.obj(data, "")
        if root.get("format") != FORMAT_NAME:
            raise ReadError(f"{self.source}：不是绩效目标表编辑器文件（缺少 format 标记）")
        version = root.get("version")
        if not isinstance(version, int) or isinstance(version, bool):
            raise ReadError(f"{self.source}：文件版本号无效：{version!r}")
        if version > FORMAT_VERSION:
            raise ReadError(
                f"{self.source}：文件由更新版本的编辑器保存（格式版本 {version}，"
                f"本程序支持到 {FORMAT_VERSION}），请升级后再打开"
            )
        year = root.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            raise self.fail("", "字段 year 应为整数")
        signoff_obj = self.obj(root.get("signoff") or {}, "签字栏")
        table = Table(
            title=self.text(root, "title", ""),
            reporting_unit=self.text(root, "reporting_unit", ""),
            money_unit=self.text(root, "money_unit", "") or "万元",
            year=year,
            signoff=SignOff(**{n: self.text(signoff_obj, n, "签字栏") for n in _SIGNOFF_FIELDS}),
        )
        for u, unit_value in enumerate(self.items(root, "units", ""), start=1):
            where = f"第 {u} 个单位："
            unit_obj = self.obj(unit_value, where)
            unit = Unit(name=self.text(unit_obj, "name", where))
            for p, project_value in enumerate(self.items(unit_obj, "projects", where), start=1):
                unit.projects.append(self.project(project_value, f"{where}第 {p} 个项目："))
            table.units.append(unit)
        return table

    def project(self, value: Any, where: str) -> Project:
        obj = self.obj(value, where)
        project = Project(
            name=self.text(obj, "name", where),
            funds=self.funds(obj.get("funds"), where),
            goal=self.text(obj, "goal", where),
            period_funds=self.funds(obj.get("period_funds"), where),
            **{n: self.text(obj, n, where) for n in _PROJECT_TEXT_FIELDS},
        )
        for i, item in enumerate(self.items(obj, "indicators", where), start=1):
            item_where = f"{where}第 {i} 个指标："
            item_obj = self.obj(item, item_where)
            project.indicators.append(
                Indicator(**{n: self.text(item_obj, n, item_where) for n in _INDICATOR_FIELDS})
            )
        return project


def loads(text: str, source: str = "文件") -> Table:
    """Parse native-format text into a table; raises :class:`ReadError` naming what is wrong."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(
            f"{source}：文件已损坏或不完整（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
        ) from None
    except RecursionError:
        raise ReadError(f"{source}：文件嵌套过深，无法读取") from None
    return _Reader(source).table(data)


def read_bpe(path: str | os.PathLike[str]) -> ReadResult:
    """Read a native file."""
    path = Path(path)
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReadError(f"{path}：不是 UTF-8 文本（第 {exc.start} 字节）") from None
    return ReadResult(loads(text, str(path)), [], "bpe")


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ReadError(f"{path}：文件过大（{size // (1024 * 1024)} MiB）")
    return path.read_bytes()


def sniff(head: bytes) -> bool:
    """Whether the first bytes look like a native file."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{") and b'"format"' in head[:4096] and b"bpeditor" in head[:4096]
