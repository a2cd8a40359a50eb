"""The words of the forms: field labels and their synonyms, grid headers, periods, codes.

Every rule names what a label is an instance of (``项目名称``/``项目支出名称``/``专项名称`` all
name the project because they hold 名称 after 项目 or 专项), so that other provinces'
wordings are understood too. Labels are compared with their whitespace removed, as cells
are wrapped by hand (``绩　效　指　标``, ``年度本级\\n预算金额``).
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from bpeditor.model.money import AmountError, parse_amount

_SPACE = re.compile(r"\s+")
_BRACKETS = re.compile(r"[（(\[【][^（()）\]】]*[）)\]】]")
_CODE_PREFIX = re.compile(
    r"^\s*[\[【(（]?\s*(?P<code>\d{2,})\s*[\]】)）]?\s*[-－—:：]?\s*(?P<name>\D.*)$"
)
_CODE_SUFFIX = re.compile(r"^(?P<name>.+?)\s*[（(\[【]\s*(?P<code>\d{3,})\s*[）)\]】]\s*$")
_AMOUNT_UNIT = re.compile(r"^(?P<number>.*?)\s*(?P<unit>万元|万|元)?\s*$")
_ITEM_PREFIX = re.compile(r"^(?:其中|[(（]?[一二三四五六七八九十\d]{1,2}[)）、.．])*:?")
_LABEL_MAX = 24
ORGANISATION = re.compile(
    r"(?:局|院|委|会|中心|政府|部门|镇|乡|街道|所|校|站|队|处|办|厅|馆|室|社|团)$"
)
"""How the name of a unit or department ends (局, 中心, 镇 …)."""
_LEVELS = frozenset(
    ("中央", "省级", "市级", "县级", "区级", "本级", "省", "市", "县", "区", "上级")
)


def key(text: str) -> str:
    """A cell's text as compared: NFKC, no whitespace, no trailing colon."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text)).rstrip(":")


_PERIOD_WORDS = ("实施期", "实施周期", "项目期")
_ANNUAL_WORDS = ("年度",)
_MORE_PERIOD_WORDS = ("中期", "长期", "滚动")
_MORE_ANNUAL_WORDS = ("当年", "本年", "年初")


@lru_cache(maxsize=8192)
def side_of(text: str, *, broad: bool = True) -> str | None:
    """The period a label or header names: ``period`` (中期/实施期…), ``annual`` (年度…).

    ``broad=False`` knows only the printed period names (实施期, 实施周期, 项目期, 年度): the
    import dialog's first guess, which leaves 当年/中期 columns for the clerk to map.
    """
    k = key(text)
    period = _PERIOD_WORDS + _MORE_PERIOD_WORDS if broad else _PERIOD_WORDS
    annual = _ANNUAL_WORDS + _MORE_ANNUAL_WORDS if broad else _ANNUAL_WORDS
    if any(w in k for w in period):
        return "period"
    if any(w in k for w in annual):
        return "annual"
    return None


def strip_code(text: str) -> tuple[str, str]:
    """A name printed with its code (``101-某局``, ``[066]某局``, ``某局（820）``): name, code."""
    text = text.strip()
    match = _CODE_PREFIX.match(text) or _CODE_SUFFIX.match(text)
    if match:
        return match.group("name").strip(), match.group("code")
    return text, ""


# ---------------------------------------------------------------------------------------------
# Field labels of the form's head


@lru_cache(maxsize=8192)
def field_of(text: str) -> str | None:
    """The project field a label cell names, or ``None`` (``项目支出名称`` → ``name``).

    Fields: name, department, unit, goal, annual_goal, period_goal, amount (its kind is
    :func:`amount_kind`), attribute (项目属性), period (项目期, 实施期限); title-like texts are
    not labels.
    """
    k = key(text)
    if not k or len(k) > _LABEL_MAX or k.endswith("表"):
        return None
    bare = _BRACKETS.sub("", k)
    if "名称" in bare and ("项目" in bare or "专项" in bare) and "单位" not in bare:
        return "name"
    if ("主管" in bare and ("部门" in bare or "单位" in bare)) or bare in (
        "预算部门",
        "主管预算部门",
    ):
        return "department"
    if bare.endswith(("部门", "单位")) and any(
        w in bare for w in ("实施", "预算", "使用", "填报", "编制", "申报", "执行")
    ):
        return "unit"
    if bare in ("单位信息", "单位名称", "单位"):
        return "unit"
    if "目标" in bare and "指标" not in bare and len(bare) <= 14:
        side = side_of(bare)
        return {"annual": "annual_goal", "period": "period_goal"}.get(side or "", "goal")
    if amount_kind(k) is not None:
        return "amount"
    if bare.endswith("属性") and len(bare) <= 6:
        return "attribute"
    if bare.endswith(("期", "期限", "周期", "年限")) and ("项目" in bare or "限" in bare):
        return "period"
    return None


@lru_cache(maxsize=8192)
def amount_kind(text: str) -> str | None:
    """What an amount label counts: total, fiscal, fiscal_part, other, special_account."""
    k = _ITEM_PREFIX.sub("", _BRACKETS.sub("", key(text)))
    if not k or any(w in k for w in ("权重", "率", "用途", "来源", "情况", "名称", "单位")):
        return None
    if ORGANISATION.search(k):
        return None  # 某区财政局: a department's name, not an amount's label
    if "财政专户" in k:
        return "special_account"
    if k.rstrip("资金财政") in _LEVELS or ("上级" in k and "资金" in k):
        return "fiscal_part"
    if any(w in k for w in ("财政", "一般公共预算", "本级", "拨款")):
        return "fiscal"
    if k.startswith("其他") or "自有资金" in k or "自筹" in k:
        return "other"
    if (
        any(w in k for w in ("金额", "资金", "预算", "投入", "总额", "合计", "总计"))
        and len(k) <= 16
    ):
        return "total"
    return None


def amount_of(text: str) -> Decimal | None:
    """An amount as printed (``164万元``, ``3,309,840.00``, ``250万``), or ``None``."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    match = _AMOUNT_UNIT.match(text)
    number = match.group("number") if match else text
    try:
        return parse_amount(number)
    except AmountError:
        return None


# ---------------------------------------------------------------------------------------------
# The indicator grid's header


_SEQ_WORDS = ("序号", "编号", "行次", "指标序号")
"""Whole headers that number the rows."""
_GRID_LEVEL1 = ("指标类型", "指标类别")
_GRID_NAME = ("指标", "具体指标")
"""Whole headers a forms grid also uses for its 一级 and name columns."""


@lru_cache(maxsize=8192)
def indicator_role(text: str, *, broad: bool = True) -> str:
    """What an indicator column's header names, or ``""``: the one rule for every layout.

    Roles: seq, level1, level2, name, sign, measure, value, basis, explanation, note, and with
    ``broad`` weight (权重), score (分值) and actual (a past year's figure). ``broad=False``
    knows only the words a sheet's header row prints (summary, one row per indicator, the
    import dialog's guess),
    where the broader words of a forms grid (``指标``, ``指标类型``, ``权重``, ``实际``,
    ``性质``, ``描述``, ``标准``, ``方向``, ``单位``, a period alone) may name a project's
    columns (``资金拨付标准``, ``绩效目标总体描述``) or a 实际完成值 stands for the value.
    """
    k = key(text)
    if not k:
        return ""
    if k in _SEQ_WORDS:
        return "seq"
    if "计量单位" in k or "度量单位" in k:
        return "measure"  # first: 年度指标值 over 计量单位, joined, is a measure
    if any(w in k for w in ("符号", "运算", "指标性质")) or (
        broad and ("性质" in k or "值类型" in k)
    ):
        return "sign"
    if "一级" in k or (broad and k in _GRID_LEVEL1):
        return "level1"
    if "二级" in k:
        return "level2"
    if any(w in k for w in ("三级", "指标名称", "指标内容")) or (broad and k in _GRID_NAME):
        return "name"
    if broad and "权重" in k:
        return "weight"
    if broad and "分值" in k:
        return "score"
    if broad and ("实际" in k or "完成值" in k):
        return "actual"
    if "依据" in k:
        return "basis"
    if "指标值" in k or "目标值" in k or (broad and "计划水平" in k):
        return "value"
    if "解释" in k or (broad and "描述" in k):
        return "explanation"
    if broad and "标准" in k:
        return "basis"
    if "备注" in k or (broad and "方向" in k):
        return "note"
    if k.endswith("值") or (broad and side_of(k) and len(k) <= 6 and "目标" not in k):
        return "value"  # 标准值, 预期值; a column headed only by its period (年度, 实施期)
    if broad and "单位" in k:
        return "measure"
    return ""


@lru_cache(maxsize=8192)
def sub_role(text: str) -> str:
    """A second header row under 指标值 (``2021年实际实现值 | 预期2022年实现值``)."""
    k = key(text)
    if not k:
        return ""
    if "实际" in k or "完成" in k:
        return "actual"
    role = indicator_role(k)
    if role in ("sign", "measure", "value"):
        return role
    if any(w in k for w in ("值", "年", "预期", "目标", "计划", "期")):
        return "value"
    return ""
