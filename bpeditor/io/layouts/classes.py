"""Printed 一级/二级 class texts as taxonomy codes: code prefixes, aliases, then keyword rules.

Labels vary between provinces (``项目完成指标``, ``预期产出指标``, ``效果指标``,
``服务对象或受益者满意度指标``, ``时效指标（工期指标）``); the taxonomy's own lookup
(:func:`bpeditor.model.taxonomy.canonical_code`) is tried first, then the words a label is an
instance of. A 二级 naming several classes at once (``社会、经济、生态效益指标``) has no code.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bpeditor.model.taxonomy import GUIDE_2021, OFFICIAL, canonical_code

_CLASS_TEXT = re.compile(r"^([0-9A-Za-z]+)\s*[-－—.．、]\s*(.+)$", re.DOTALL)
_CONTINUED = re.compile(r"[（(]\s*续\s*[）)]|续表")
_SCORE = re.compile(r"[（(][^（()）]*[0-9０-９]+\s*分?[^（()）]*[）)]")
_SPACE = re.compile(r"\s+")
_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")

_LEVEL1_WORDS: tuple[tuple[str, str], ...] = (
    ("满意", "3"),
    ("产出", "1"),
    ("完成", "1"),
    ("效益", "2"),
    ("效果", "2"),
    ("影响", "2"),
)
"""Words that name a 一级 class in any wording (``项目完成指标`` → 产出)."""

_LEVEL2_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("满意",), "31"),
    (("数量", "规模"), "11"),
    (("质量",), "12"),
    (("时效", "进度", "工期"), "13"),
    (("成本", "预算", "投资", "控制"), "14"),
    (("可持续",), "24"),
)
"""Words that name a 二级 class in any wording, tried in order."""

_BENEFITS = (("经济", "21"), ("社会", "22"), ("生态", "23"), ("环境", "23"))


def clean_label(text: str) -> str:
    """A class label as printed, without layout whitespace, ``（续）`` or a score ``（50分）``."""
    return _CONTINUED.sub("", _SPACE.sub("", text)).strip()


def _by_words(label: str, level: int) -> str:
    if level == 1:
        return next((code for word, code in _LEVEL1_WORDS if word in label), "")
    for words, code in _LEVEL2_WORDS:
        if any(w in label for w in words):
            return code
    named = {code for word, code in _BENEFITS if word in label}
    return named.pop() if len(named) == 1 else ""


@lru_cache(maxsize=4096)
def class_code(text: str, level: int) -> tuple[str, str]:
    """A printed 一级/二级 text as (code, label); code ``""`` when it names no single class."""
    label = clean_label(text)
    code_text = ""
    match = _CLASS_TEXT.match(label)
    if match:
        code_text, label = match.group(1), match.group(2).strip()
    if not label and not code_text:
        return "", ""
    bare = _SCORE.sub("", label)
    outside = _BRACKETED.sub("", bare) or bare
    for candidate in (outside, bare):
        code = canonical_code(code_text, candidate, level=level)
        if _known(code, level):
            return code, label
    return _by_words(outside, level) or _by_words(bare, level), label


def _known(code: str, level: int) -> bool:
    for taxonomy in (OFFICIAL, GUIDE_2021):
        cat = taxonomy.get(code)
        if cat is not None and cat.level == level:
            return True
    return False


def parent_code(code: str) -> str:
    """The 一级 code a 二级 code belongs to (``31`` → ``3``), or ``""``."""
    for taxonomy in (OFFICIAL, GUIDE_2021):
        cat = taxonomy.get(code)
        if cat is not None and cat.parent:
            return cat.parent
    return ""


def resolve(level1_text: str, level2_text: str) -> tuple[str, str, str, str]:
    """Codes and labels of a row's 一级 and 二级 texts; the 二级 decides its 一级's code.

    A 满意度 二级 inside a 效益 block belongs to 满意度; a row whose 一级 cell is blank (its
    label printed elsewhere in the block) takes the 一级 of its 二级.
    """
    code1, label1 = class_code(level1_text, 1) if level1_text.strip() else ("", "")
    code2, label2 = class_code(level2_text, 2) if level2_text.strip() else ("", "")
    parent = parent_code(code2)
    if parent and parent != code1 and not (code1 == "G2" and parent == "1"):
        code1 = parent
    return code1, label1, code2, label2
