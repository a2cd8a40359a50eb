"""The export options the window and the command line share: layout, fonts, columns, margins.

One :class:`ExportOptions` drives every printed form of a table — Word, Excel and the
program's own print and PDF — so the three look alike. The font sets are named: ``default``
uses fonts every Chinese Windows has (仿宋, 黑体, 宋体); ``gongwen`` the GB/T 9704 set
(仿宋_GB2312, 方正小标宋简体, 黑体), which a stock Windows lacks (Word then falls back to the
``fallback`` fonts named in the file).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

LAYOUTS = ("summary", "forms")


@dataclass(frozen=True)
class FontSet:
    """The East Asian fonts of an export: body, title, headings, each with a fallback."""

    body: str
    body_fallback: str
    title: str
    title_fallback: str
    heading: str
    latin: str = "Times New Roman"

    def names(self) -> list[str]:
        """The fonts the export asks for, in order, without repeats (fallbacks not included)."""
        return list(dict.fromkeys((self.body, self.title, self.heading)))


FONT_SETS: dict[str, FontSet] = {
    "default": FontSet(
        body="仿宋", body_fallback="宋体", title="黑体", title_fallback="黑体", heading="黑体"
    ),
    "gongwen": FontSet(
        body="仿宋_GB2312",
        body_fallback="仿宋",
        title="方正小标宋简体",
        title_fallback="黑体",
        heading="黑体",
    ),
}
"""The font sets by name: ``default`` (every Chinese Windows has them) and ``gongwen`` (公文)."""


@dataclass(frozen=True)
class ExportOptions:
    """How a table is printed, the same for Word, Excel and PDF, in the window and the CLI."""

    layout: str = "summary"
    """``summary`` (the disclosure table) or ``forms`` (one 申报表 per project)."""
    fonts: str = "default"
    """A key of :data:`FONT_SETS`."""
    one_per_line: bool = True
    """Summary: one indicator per line in the 绩效指标 cell (False: all in one run)."""
    sign_off: bool | None = None
    """The sign-off line: None where the layout expects one, True always, False never."""
    margin_mm: float | None = None
    """The page margins in millimetres (None: the layout's own)."""
    body_size: float = 10.5
    """The table text's size in points."""

    @property
    def font_set(self) -> FontSet:
        """The chosen :class:`FontSet` (the default set for an unknown name)."""
        return FONT_SETS.get(self.fonts, FONT_SETS["default"])

    def to_dict(self) -> dict[str, Any]:
        """The options as plain values (for settings)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ExportOptions:
        """Options from :meth:`to_dict` values; unknown keys and ill-typed values are dropped."""
        base = cls()
        values: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data:
                continue
            value, default = data[f.name], getattr(base, f.name)
            if isinstance(default, bool) or f.name == "sign_off":
                parsed = _as_bool(value)
                if parsed is not None or f.name == "sign_off":
                    values[f.name] = parsed
            elif isinstance(default, float) or f.name == "margin_mm":
                values[f.name] = _as_float(value, None if f.name == "margin_mm" else default)
            elif isinstance(value, str):
                values[f.name] = value
        options = replace(base, **values)
        if options.layout not in LAYOUTS:
            options = replace(options, layout="summary")
        if options.fonts not in FONT_SETS:
            options = replace(options, fonts="default")
        return options


def _as_bool(value: object) -> bool | None:
    """A settings value as a bool (QSettings gives back ``"true"``/``"false"`` strings)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return None


def _as_float(value: object, default: float | None) -> float | None:
    """A settings value as a positive float, or ``default``."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return number if 0 < number < 60 else default
