"""The summary table's encoding of a project's indicators in one cell.

Each item reads ``{n}、{一级code}-{一级label}；{二级code}-{二级label}；{三级名称}；
实施周期指标值:{value}；年度指标值:{value}。`` Real files mix ``；``/``;`` and ``：``/``:``,
run the items together or put one per line, and values may hold colons and brackets.

An item starts at ``{n}、`` at the start of the cell, of a line, or right after ``。``. When a
name or a 实施周期 value itself holds ``。{n}、``, the piece before it cannot be read alone and
the two pieces are read as one; in a 年度 value it cannot be told from a new item (a warning).

Cells as bpeditor and most systems write them (no whitespace but line breaks between items,
no ``。`` inside a field, four separators per item) take a fast path, one ``findall`` of a
pattern that only such items match; it gives exactly what the general, item-by-item reading
gives, which every other cell takes. A 5,000-project table has about 35,000 items: the
general reading is several times slower.

A class is split into code and label by the taxonomy's ``split_class_text`` with
``typed=False``, not as text typed into the grid is: ``_item_pattern`` (the general reading,
which the fast path must equal) takes a code only before -, － or —, so ``1–产出指标`` (en dash) and
``1 产出指标`` import with no code and the whole text as label, where typed they give code 1 and
label 产出指标, and a bare ``G2`` keeps ``G2`` as its label, where typed it takes 成本指标. Nor
by ``printed_class``, which would give ``项目完成指标（续）`` the code 1 and drop ``（续）``, where
the notation keeps a label it does not know as found, without a code, for the checks to report.
Either would change what a summary cell imports. Each distinct head is split once (the makers'
cache), so this costs nothing per item.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, partial

from bpeditor.model.table import Indicator
from bpeditor.model.taxonomy import canonical_code, split_class_text

_SEP = r"[ \t\u3000]*[；;][ \t\u3000]*"
_CLASS = r"(?:(?P<{c}>[0-9A-Za-z]+)[ \t]*[-－—][ \t]*)?(?P<{l}>[^；;\n]*?)"


@cache
def _item_start() -> re.Pattern[str]:
    """Where an item starts: ``1、`` at the cell's start or after 。 or a line end."""
    return re.compile(r"(?:^|(?<=[。\n]))[ \t\u3000]*(\d{1,4})[ \t]*、[ \t]*")


@cache
def _item_pattern() -> re.Pattern[str]:
    """The general reading of one item (compiled when first needed: start-up)."""
    return re.compile(
        r"^"
        + _CLASS.format(c="c1", l="l1")
        + _SEP
        + _CLASS.format(c="c2", l="l2")
        + _SEP
        + r"(?P<name>.*?)"
        + _SEP
        + r"实施周期指标值[ \t]*[:：][ \t]*(?P<pv>.*)"
        + _SEP
        + r"年度指标值[ \t]*[:：][ \t]*(?P<av>.*?)[ \t\u3000]*$",
        re.DOTALL,
    )


_canonical = lru_cache(maxsize=4096)(canonical_code)


@dataclass(frozen=True)
class CodecProblem:
    """Part of an indicator cell that could not be read as an indicator."""

    item: int
    text: str
    message: str


def _strip_end(text: str) -> str:
    """Drop the item's closing 。 (only one: a value may itself end with 。)."""
    text = text.rstrip(" \t\u3000\n")
    return text[:-1] if text.endswith("。") else text


def _pieces(cell: str) -> tuple[str, str, list[tuple[int, int]]]:
    """The cell with normal line ends, the text before the first item, and the items' spans."""
    cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    starts = list(_item_start().finditer(cell))
    if not starts:
        return cell, cell.strip(), []
    ends = [m.start() for m in starts[1:]] + [len(cell)]
    lead = cell[: starts[0].start()].strip()
    return cell, lead, [(m.end(), end) for m, end in zip(starts, ends, strict=True)]


def split_items(cell: str) -> tuple[str, list[str]]:
    """Split a cell into the text before the first numbered item and the items' texts."""
    cell, lead, spans = _pieces(cell)
    return lead, [cell[start:end] for start, end in spans]


def parse_item(text: str) -> Indicator | None:
    """Read one item (without its number) into an indicator, or ``None`` if it does not fit."""
    match = _item_pattern().match(_strip_end(text))
    if match is None:
        return None
    c1, l1 = (match.group("c1") or ""), match.group("l1").strip()
    c2, l2 = (match.group("c2") or ""), match.group("l2").strip()
    return Indicator(
        level1=_canonical(c1, l1, level=1),
        level1_label=l1,
        level2=_canonical(c2, l2, level=2),
        level2_label=l2,
        name=match.group("name").strip(),
        period_value=match.group("pv").strip(),
        annual_value=match.group("av").strip(),
    )


def _read_items(cell: str, spans: list[tuple[int, int]]) -> list[tuple[str, Indicator | None]]:
    """Each item's text and indicator; a piece that cannot be read alone joins the next one
    when together they make one item (``。{n}、`` inside a name or a 实施周期 value).
    """
    items: list[tuple[str, Indicator | None]] = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        indicator = parse_item(cell[start:end])
        while indicator is None and index + 1 < len(spans):
            following = spans[index + 1]
            if parse_item(cell[following[0] : following[1]]) is not None:
                break
            merged = parse_item(cell[start : following[1]])
            if merged is None:
                break
            indicator, end, index = merged, following[1], index + 1
        items.append((cell[start:end], indicator))
        index += 1
    return items


def parse_indicators(cell: str) -> tuple[list[Indicator], list[CodecProblem]]:
    """Read every indicator in a cell; items that do not fit are kept by name and reported."""
    plain = _parse_plain(cell)
    if plain is not None:
        return plain, []
    if "【" in cell or "[" in cell:
        from bpeditor.io.layouts.packed_cell import is_packed, parse_packed  # noqa: PLC0415

        if is_packed(cell):
            return parse_packed(cell), []
    return _parse_general(cell)


# The fast path. Its preconditions make every choice of the general reading unambiguous:
# - no whitespace at all but line breaks, and those only right after an item's closing 。 (or
#   one before the first item), so nothing is stripped and a line break never sits inside a field;
# - no 。 inside a field: every 。 closes an item, so each item starts with ``{n}、``;
# - exactly four separators (；/;) per item, the fourth followed by 年度指标值 and the third by
#   实施周期指标值: the name cannot hold a separator, so the general reading's shortest name and
#   longest 实施周期 value are these very fields.
# One regular expression whose fields exclude whitespace, separators and 。 splits the cell
# into items; the cell is plain exactly when nothing is left between them. Anything else
# returns None and goes the general way. The test suite compares both readings on generated
# cells.
_WHITESPACE = "\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
"""Every character ``str.isspace`` accepts, as a character-class body (a test checks this).
Listed rather than ``\\s``: a class of ranges is matched faster than a category."""
_FIELD = f"[^；;。{_WHITESPACE}]*+"
"""A field of a plain item; possessive, as no separator can end inside one."""
_PLAIN_ITEM = re.compile(
    f"({_FIELD}[；;]{_FIELD})[；;]({_FIELD})[；;]实施周期指标值[:：]({_FIELD})[；;]"
    f"年度指标值[:：]({_FIELD})。\n?"
)
"""A plain item: ``{n}、{一级}；{二级}`` (one group, the key of the classes' cache), the name
and both values (without their keys), then 。 and maybe a line break."""
_PLAIN_GROUPS = 4
"""The groups of :data:`_PLAIN_ITEM`."""


class _NotPlain(Exception):
    """An item's head is not ``{n}、``: the cell goes the general way."""


def _plain_class(text: str, level: int) -> tuple[str, str]:
    """A 一级/二级 text without whitespace as its code and label, as ``_item_pattern`` reads it."""
    code, label = split_class_text(text, typed=False)
    return canonical_code(code, label, level=level), label


def _plain_classes(key: str) -> tuple[str, str, str, str]:
    """``{n}、{一级}；{二级}`` as both codes and labels; :class:`_NotPlain` without ``{n}、``."""
    head, _, level2 = key.replace(";", "；").partition("；")
    number, mark, level1 = head.partition("、")
    if not mark or not number.isdecimal() or len(number) > 4:
        raise _NotPlain
    return (*_plain_class(level1, 1), *_plain_class(level2, 2))


_MAKERS: dict[str, Callable[[str, str, str], Indicator]] = {}
"""``{n}、{一级}；{二级}`` → a maker of indicators with those classes from name and values.
A table repeats a few hundred such heads over tens of thousands of items."""
_MAKERS_LIMIT = 4096


def _maker(key: str) -> Callable[[str, str, str], Indicator]:
    """The cached indicator maker for an item head (:class:`_NotPlain` if it is not one)."""
    maker = _MAKERS.get(key)
    if maker is None:
        if len(_MAKERS) >= _MAKERS_LIMIT:
            _MAKERS.clear()
        maker = _MAKERS[key] = partial(Indicator, *_plain_classes(key))
    return maker


def _parse_plain(cell: str) -> list[Indicator] | None:
    """The cell's indicators when it is written plainly (see above), else ``None``."""
    # split gives the text before each item, then the item's groups, and the text after the
    # last: [gap, key, name, period, annual, gap, key, …, gap]. A line break may stand before
    # the first item; any other gap, or a blank line (left as a gap), is not plain.
    parts = _PLAIN_ITEM.split(cell)
    step = _PLAIN_GROUPS + 1
    if len(parts) == 1 or parts[0] not in ("", "\n") or any(parts[step::step]):
        return None
    get = _MAKERS.get
    groups = iter(parts)
    next(groups)  # the empty text before the first item
    try:
        # About 35,000 items in an L table: one comprehension, a cached maker per head; each
        # item's five parts taken from one iterator (the fifth, the empty text after it).
        return [
            (get(key) or _maker(key))(name, period, annual)
            for key, name, period, annual, _ in zip(
                groups, groups, groups, groups, groups, strict=True
            )
        ]
    except _NotPlain:
        return None


def _parse_general(cell: str) -> tuple[list[Indicator], list[CodecProblem]]:
    """Every indicator in any cell, item by item with the regular expressions."""
    normal, lead, spans = _pieces(cell)
    indicators: list[Indicator] = []
    problems: list[CodecProblem] = []
    if lead:
        problems.append(CodecProblem(0, lead, "指标编号之前的文字无法识别，已作为一个指标保留"))
        indicators.append(Indicator(name=lead))
    for number, (item, indicator) in enumerate(_read_items(normal, spans), start=1):
        if indicator is not None:
            indicators.append(indicator)
            continue
        text = _strip_end(item).strip()
        problems.append(CodecProblem(number, text, "指标格式无法识别，已将全文保留为三级指标名称"))
        indicators.append(Indicator(name=text))
    return indicators, problems


def _class_text(code: str, label: str) -> str:
    """``code-label``; a code alone keeps its dash (``1-``) so it is not read as a label."""
    return f"{code}-{label}" if code else label


def format_indicator(number: int, indicator: Indicator) -> str:
    """One item in the official encoding."""
    return (
        f"{number}、{_class_text(indicator.level1, indicator.level1_label)}；"
        f"{_class_text(indicator.level2, indicator.level2_label)}；{indicator.name}；"
        f"实施周期指标值:{indicator.period_value}；年度指标值:{indicator.annual_value}。"
    )


def format_indicators(indicators: list[Indicator], *, one_per_line: bool = False) -> str:
    """A project's indicators in the official encoding, run together or one per line."""
    items = (format_indicator(n, ind) for n, ind in enumerate(indicators, start=1))
    return ("\n" if one_per_line else "").join(items)
