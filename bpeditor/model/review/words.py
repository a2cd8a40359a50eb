"""What the words of an indicator's name say: which 二级 its head word fits, bad events, vagueness.

Chinese names put the measure last (``建设质量验收合格率`` is a 合格率, a quality measure), so the
class a name fits is decided by the keyword that ends furthest right; a count at the very end
(``…次数``, ``…个数``) makes it a quantity whatever comes before. Keywords are families of words
(any ``…合格率``, ``…及时率``, ``…满意度``), not names from one table.
"""

from __future__ import annotations

import re
from functools import lru_cache

QUANTITY, QUALITY, TIMELINESS, COST, SATISFACTION = "11", "12", "13", "14", "31"


def _words(text: str) -> tuple[str, ...]:
    """The words of a list written as one line of words, with spaces between them."""
    return tuple(text.split())


_KEYWORDS: dict[str, tuple[str, ...]] = {
    QUALITY: (
        "合格率",
        "合格",
        "达标率",
        "达标",
        "验收",
        "优良率",
        "准确率",
        "准确性",
        "正确率",
        "差错率",
        "完好率",
        "正常运行率",
        "稳定率",
        "修复率",
        "通过率",
        "质量",
    ),
    TIMELINESS: (
        "及时率",
        "及时性",
        "及时",
        "时效",
        "按时",
        "准时",
        "时限",
        "完成时间",
        "办结时间",
        "响应时间",
        "到位时间",
        "进度",
    ),
    COST: ("成本", "单价", "造价", "费用标准", "经费标准", "补助标准", "补贴标准"),
    SATISFACTION: ("满意度", "满意率", "满意程度"),
}
_COUNT_ENDS = _words(
    "次数 个数 人数 人次 数量 户数 家数 台数 套数 项数 场次 批次 天数 月数 面积 "
    "长度 里程 册数 篇数 件数 起数 份数 次 个 人 场 项 户 家 台 套 批"
)
"""A name ending with one of these counts something (a quantity, whatever comes before)."""
_KEYWORD_RE = re.compile(
    "|".join(
        sorted((re.escape(w) for words in _KEYWORDS.values() for w in words), key=len, reverse=True)
    )
)
_CLASS_OF_WORD = {w: code for code, words in _KEYWORDS.items() for w in words}
_TRAILING_BRACKET = re.compile(r"\s*[（(][^（）()]*[）)]\s*$")

_BAD_EVENT = re.compile(
    r"事故|投诉|差错|失误|违规|违纪|违法|纠纷|故障|安全事件|突发事件|责任事件|失败|错误|漏检|误报|"
    r"返工|伤亡|死亡|火灾|上访"
)
_GOOD_ACTIONS = _words(
    "处理 处置 办结 解决 化解 整改 排除 修复 响应 回复 调处 调解 查处 结案 防范 "
    "预防 检查 排查 培训 演练 宣传 受理 办理 审结 侦破 破获"
)
_BAD_MEASURES = _words("发生率 发生次数 发生数 次数 起数 件数 数量 数 率 起 次")

VAGUE_WORDS = _words(
    "显著 明显 较好 较大 较高 有所 大幅 进一步 不断 逐步 稳步 有效 积极 充分 大力 切实"
)
"""Words that promise without measuring (``效果显著``, ``有效优化``)."""


@lru_cache(maxsize=16384)
def stem(name: str) -> str:
    """The name without spaces and without a trailing bracket (its unit or a note)."""
    return _TRAILING_BRACKET.sub("", name).strip()


@lru_cache(maxsize=16384)
def head_class(name: str) -> str | None:
    """The official 二级 code (11/12/13/14/31) the name's last keyword fits, or ``None``."""
    text = stem(name)
    if not text:
        return None
    if text.endswith(_COUNT_ENDS):
        return QUANTITY
    last = None
    for match in _KEYWORD_RE.finditer(text):
        last = match
    return _CLASS_OF_WORD[last.group()] if last is not None else None


@lru_cache(maxsize=16384)
def is_bad_event_measure(name: str) -> bool:
    """Whether the name counts (or rates) bad events: 事故次数, 投诉率, 差错率 — fewer is better."""
    text = stem(name)
    found = None
    for match in _BAD_EVENT.finditer(text):
        found = match
    if found is None:
        return False
    rest = text[found.end() :]
    return not any(word in rest for word in _GOOD_ACTIONS) and (rest or text).endswith(
        _BAD_MEASURES
    )


@lru_cache(maxsize=16384)
def unit_in_name(name: str) -> str:
    """The unit a name states in a trailing bracket (``宣讲会次数(场)`` → ``场``), or ``""``."""
    match = re.search(r"[（(]([^（）()\d]{1,4})[）)]\s*$", name)
    if match is None:
        return ""
    unit = match.group(1).strip()
    return unit if unit and not any(mark in unit for mark in "，,。；;：:") else ""
