"""Property tests: any realistic document survives the text and the native round trips.

The generated documents keep to what the text format can carry (see ``bpeditor.io.text``):
- every cell is stripped (the format strips cells): no leading/trailing whitespace anywhere;
- no CR anywhere (CR and CRLF in a cell read as LF), no control characters;
- title and reporting unit: single lines without ``:``/``：`` (they would read as labels such as
  ``单位：万元``) and the reporting unit without ``金额单位``; the title is not empty (an empty
  title is written as the default); money unit 万元 or 元;
- unit names: not 合计/总计 and not starting with a sign-off label such as ``联系电话：``;
- every unit has a project and every project a goal (a project with amounts but no goal and
  no indicators is written exactly like a unit row);
- indicator fields: single lines and without ``、`` (``。{n}、`` starts a new item); labels
  are CJK only (no ``；``, never looking like ``code-``); codes are the taxonomies' own or
  unknown letter-digit codes, i.e. the codes the importer itself produces;
- text round trip: no fields the summary does not print (year, per-project form fields,
  indicator 确定依据/解释/备注); the native round trip gets those too;
- amounts: blank or two decimals ≥ 0 (an explicit zero prints 0.00, a blank prints nothing).
"""

from __future__ import annotations

import re
import string
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from bpeditor.io import native
from bpeditor.io.text import format_summary_text, parse_summary_text
from bpeditor.model.table import Funds, Indicator, Project, SignOff, Table, Unit
from bpeditor.model.taxonomy import GUIDE_2021, OFFICIAL, canonical_code

_CJK = "项目支出绩效目标表口岸车检场水电费保障中心广州市花都区单位名称资金使用合计总计注说明负责人"
_CJK += "产出数量质量时效成本效益社会经济满意度服务对象运行维护网络设备正常率次个月年度实施周期"
_PUNCT = "（）()，,。.%/*≥≤＞＜＝-+“”\"'《》 \u3000"
_TEXT = _CJK + string.ascii_letters + string.digits + _PUNCT
_SIGNOFF_LABEL = re.compile(
    r"\s*(?:(?:单位)?负责人|经办人|填报人|填表人|联系电话|填报日期)\s*[:：]"
)


def _text(alphabet: str, *, required: bool, max_size: int = 20) -> st.SearchStrategy[str]:
    strategy = st.text(alphabet, max_size=max_size).map(str.strip)
    return strategy.filter(bool) if required else strategy


_single_line = _text(_TEXT + "、；;", required=True)
_multi_line = _text(_TEXT + "、；;：:\n\t", required=True, max_size=60)
_title = _text(_TEXT, required=True)
_reporting_unit = _text(_TEXT, required=False).filter(lambda s: "金额单位" not in s)
_field = _text(_TEXT + "；;：:", required=False)
_label = _text(_CJK, required=False, max_size=8)
_amount = st.none() | st.decimals(
    min_value=0, max_value=Decimal("9999999999.99"), places=2, allow_nan=False
)
_funds = st.builds(Funds, _amount, _amount, _amount, _amount)
_unit_name = _multi_line.filter(
    lambda s: re.sub(r"\s+", "", s) not in ("合计", "总计") and not _SIGNOFF_LABEL.match(s)
)


@st.composite
def _class(draw: st.DrawFn, level: int) -> tuple[str, str]:
    """A (code, label) pair as the importer produces: known code, unknown code, or label only."""
    known = [c for t in (OFFICIAL, GUIDE_2021) for c in t.categories if c.level == level]
    kind = draw(st.sampled_from(["known", "unknown", "label"]))
    if kind == "known":
        category = draw(st.sampled_from(known))
        label = draw(st.sampled_from([category.label, category.label.removesuffix("指标"), ""]))
        return category.code, draw(st.just(label) | _label)
    if kind == "unknown":
        code = draw(st.from_regex(r"[XYZ][0-9]{1,3}", fullmatch=True))
        return code, draw(_label)
    label = draw(_label)
    # A label alone is read back as the class it names; keep the ones it does not name.
    return (canonical_code("", label, level=level), label)


@st.composite
def _indicator(draw: st.DrawFn, full: bool) -> Indicator:
    level1, label1 = draw(_class(1))
    level2, label2 = draw(_class(2))
    extra = draw(st.tuples(_field, _field, _field)) if full else ("", "", "")
    return Indicator(
        level1, label1, level2, label2, draw(_field), draw(_field), draw(_field), *extra
    )


@st.composite
def _project(draw: st.DrawFn, full: bool) -> Project:
    project = Project(
        name=draw(_multi_line),
        funds=draw(_funds),
        goal=draw(_multi_line),
        indicators=draw(st.lists(_indicator(full), max_size=5)),
    )
    if full:
        project.department = draw(_field)
        project.implementing_unit = draw(_field)
        project.attribute = draw(st.sampled_from(["", "新增", "延续"]))
        project.period = draw(_field)
        project.period_funds = draw(_funds)
        project.period_goal = draw(_text(_TEXT + "\n", required=False))
    return project


@st.composite
def documents(draw: st.DrawFn, full: bool = False) -> Table:
    """A realistic table; ``full`` adds the fields only the native file carries."""
    units = draw(
        st.lists(
            st.builds(Unit, _unit_name, st.lists(_project(full), min_size=1, max_size=4)),
            min_size=1,
            max_size=3,
        )
    )
    signoff_field = _text(_TEXT, required=False)
    return Table(
        title=draw(_title),
        reporting_unit=draw(_reporting_unit),
        money_unit=draw(st.sampled_from(["万元", "元"])),
        year=draw(st.none() | st.integers(2000, 2100)) if full else None,
        units=units,
        signoff=draw(
            st.builds(SignOff, signoff_field, signoff_field, signoff_field, signoff_field)
        ),
    )


@settings(max_examples=100, deadline=None)
@given(documents(), st.booleans())
def test_text_round_trip(table: Table, one_per_line: bool) -> None:
    result = parse_summary_text(format_summary_text(table, one_per_line=one_per_line))
    assert result.warnings == []
    assert result.table == table


@settings(max_examples=100, deadline=None)
@given(documents(full=True))
def test_native_round_trip(table: Table) -> None:
    assert native.loads(native.dumps(table)) == table


@settings(max_examples=50, deadline=None)
@given(documents())
def test_native_then_text_round_trip(table: Table) -> None:
    bpe = native.dumps(table)
    back = parse_summary_text(format_summary_text(native.loads(bpe))).table
    assert native.dumps(back) == bpe
