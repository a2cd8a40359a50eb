"""The export options the window and the command line share: layout, fonts, columns, margins.

One :class:`ExportOptions` drives every printed form of a table — Word, Excel and the
program's own print and PDF — so the three look alike. The font sets are named: ``default``
uses fonts every Chinese Windows has (仿宋, 黑体, 宋体); ``gongwen`` the GB/T 9704 set
(仿宋_GB2312, 方正小标宋简体, 黑体), which a stock Windows lacks (Word then falls back to the
``fallback`` fonts named in the file).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

LAYOUTS = ("summary", "forms")

EXTRA_COLUMNS: dict[str, str] = {
    "basis": "指标值确定依据",
    "explanation": "指标解释",
    "note": "备注",
    "weight": "权重",
    "score": "分值",
}
"""The optional indicator columns a form can print after 指标值: the field and its header."""
NUMBER_COLUMNS = frozenset({"weight", "score"})
"""The extra columns of numbers, printed centred (依据, 解释 and 备注 flow as text)."""
_COLUMN_NAMES: dict[str, str] = {
    **{name: name for name in EXTRA_COLUMNS},
    "remark": "note",
    "remarks": "note",
    "notes": "note",
    "依据": "basis",
    "确定依据": "basis",
    "解释": "explanation",
    "说明": "explanation",
    "权重": "weight",
    "分值": "score",
    **{header: name for name, header in EXTRA_COLUMNS.items()},
}
"""Every name :func:`parse_columns` knows (lower case) and the column it names."""


_EXTRA_MM = {"basis": (30.0, 19.0), "explanation": (30.0, 19.0), "note": (22.0, 14.0)}
"""An extra column's wanted and smallest width in mm (权重 and 分值: :data:`_NUMBER_MM`)."""
_NUMBER_MM = (13.0, 12.0)
"""权重 and 分值: their two-character header fits on one line at the smallest (12 mm)."""
_FORM_MIN_MM = (18.0, 13.0, 13.0, 22.0, 16.0, 16.0)
"""The smallest widths of the form's own columns: label, 一级, 二级, 三级, the two values."""


def form_column_widths(base: Sequence[float], columns: Sequence[str]) -> list[float]:
    """The form's column widths in mm with ``columns`` added after 指标值, as wide as ``base``.

    Every column gets its share of the width the form has (``base``'s sum) in proportion to
    what it wants, none below its smallest width while the sum of those fits; the form's own
    columns give up width for the extra ones, the text then wraps in more lines.
    """
    if not columns:
        return list(base)
    total = sum(base)
    wanted = [*base, *(_EXTRA_MM.get(c, _NUMBER_MM)[0] for c in columns)]
    smallest = [*_FORM_MIN_MM[: len(base)], *(_EXTRA_MM.get(c, _NUMBER_MM)[1] for c in columns)]
    if sum(smallest) >= total:
        return [w * total / sum(smallest) for w in smallest]
    fixed: set[int] = set()
    while True:
        room = total - sum(smallest[i] for i in fixed)
        free = sum(w for i, w in enumerate(wanted) if i not in fixed)
        widths = [smallest[i] if i in fixed else w * room / free for i, w in enumerate(wanted)]
        short = {i for i, w in enumerate(widths) if i not in fixed and w < smallest[i]}
        if not short:
            return widths
        fixed |= short


FORM_BASE_MM = (20.0, 22.0, 30.0, 38.0, 30.0, 30.0)
"""The Word form's columns in mm: label, 一级, 二级, 三级, 实施期指标值, 年度指标值."""
_TOP_LABEL_MM = 30.0
"""The width 实施期资金总额 (seven characters at 10.5 pt) prints on one line in."""
_TOP_AMOUNT_MM = 20.0
"""The narrowest an amount's cell is made for a wider label."""


@dataclass(frozen=True)
class FormTop:
    """The column spans (first, last) of a form's top part: 项目名称 … 总体目标.

    Column 0 holds the row labels; 1 … the last column share the rows as below.
    """

    period_label: tuple[int, int]
    """实施期资金总额 and its 其中 labels; also 主管部门及代码's and 项目属性's values."""
    period_amount: tuple[int, int]
    """The 实施期 amounts; also the 实施单位 and 项目期 labels."""
    annual_label: tuple[int, int]
    """年度资金总额 and its 其中 labels."""
    annual_amount: tuple[int, int]
    """The 年度 amounts."""
    period_goal: tuple[int, int]
    """实施期目标."""
    annual_goal: tuple[int, int]
    """年度目标; also the 实施单位 and 项目期 values."""


def form_top_spans(columns: Sequence[str]) -> FormTop:
    """The top part's spans of a form with the extra ``columns``, the same in every format.

    Chosen on the Word form's widths (:data:`FORM_BASE_MM` with ``columns`` added): the 实施期
    label takes the fewest columns from 一级 on that print it on one line; the 实施期 and 年度
    halves split at the column boundary nearest the middle; the 年度 label takes the fewest
    columns after the split that print it on one line. Each amount keeps a column and, where
    it can, :data:`_TOP_AMOUNT_MM`. Without extra columns: 1–2 | 3 | 4 | 5, goals 1–3 | 4–5.
    """
    widths = form_column_widths(FORM_BASE_MM, columns)
    last = len(widths) - 1
    edges = [0.0]  # edges[k]: where column k ends, measured from column 1
    for width in widths[1:]:
        edges.append(edges[-1] + width)

    def span(first: int, end: int) -> float:
        """The width of columns ``first`` to ``end``."""
        return edges[end] - edges[first - 1]

    def label_end(first: int, stop: int) -> int:
        """The last column of a label from ``first``: one line wide, leaving its amount room."""
        room = [k for k in range(first, stop + 1) if span(k + 1, last) >= _TOP_AMOUNT_MM]
        stop = max(room, default=first)
        end = first
        while end < stop and span(first, end) < _TOP_LABEL_MM:
            end += 1
        return end

    period_end = label_end(1, last - 3)
    middle = edges[last] / 2
    candidates = range(period_end + 1, last - 1)
    roomy = [k for k in candidates if span(period_end + 1, k) >= _TOP_AMOUNT_MM]
    split = min(roomy or candidates, key=lambda k: abs(edges[k] - middle))
    annual_end = label_end(split + 1, last - 1)
    return FormTop(
        period_label=(1, period_end),
        period_amount=(period_end + 1, split),
        annual_label=(split + 1, annual_end),
        annual_amount=(annual_end + 1, last),
        period_goal=(1, split),
        annual_goal=(split + 1, last),
    )


class ColumnsError(ValueError):
    """A column name :func:`parse_columns` does not know."""


def parse_columns(text: str) -> tuple[str, ...]:
    """The extra columns named in ``text`` (comma-separated, English or Chinese), in print order.

    ``all`` names every column, an empty text none; an unknown name raises :class:`ColumnsError`
    whose message lists the names that work.
    """
    chosen: set[str] = set()
    for part in text.replace("，", ",").replace("、", ",").split(","):
        word = part.strip()
        if not word:
            continue
        if word.lower() in ("all", "全部"):
            chosen.update(EXTRA_COLUMNS)
            continue
        name = _COLUMN_NAMES.get(word.lower())
        if name is None:
            known = "、".join(
                f"{'remark' if n == 'note' else n}（{h}）" for n, h in EXTRA_COLUMNS.items()
            )
            raise ColumnsError(f"不认识的列“{word}”：可选 {known} 或 all")
        chosen.add(name)
    return tuple(name for name in EXTRA_COLUMNS if name in chosen)


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
    columns: tuple[str, ...] = ()
    """Forms: the extra indicator columns printed after 指标值 (keys of :data:`EXTRA_COLUMNS`)."""

    @property
    def font_set(self) -> FontSet:
        """The chosen :class:`FontSet` (the default set for an unknown name)."""
        return FONT_SETS.get(self.fonts, FONT_SETS["default"])

    def to_dict(self) -> dict[str, Any]:
        """The options as plain values (for settings)."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["columns"] = ",".join(self.columns)
        return data

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
            elif f.name == "columns":
                values[f.name] = _as_columns(value)
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


def _as_columns(value: object) -> tuple[str, ...]:
    """A settings value as extra columns (comma-separated text or a list); unknown ones dropped."""
    words = value.split(",") if isinstance(value, str) else value
    if not isinstance(words, (list, tuple)):
        return ()
    names = {str(w).strip() for w in words}
    return tuple(name for name in EXTRA_COLUMNS if name in names)


def _as_float(value: object, default: float | None) -> float | None:
    """A settings value as a positive float, or ``default``."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
    return number if 0 < number < 60 else default
