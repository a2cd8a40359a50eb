"""The coded indicator taxonomy (一级/二级指标) and its aliases.

Two taxonomies exist: the official one with numeric codes (1/11…31) that finance systems use,
and the four-class set of the 2021 national guide (财预〔2021〕101号), which has no official
codes; its codes here carry a ``G`` prefix so they can never be mistaken for official ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache


@dataclass(frozen=True)
class Category:
    """One class of the taxonomy: a 一级 (no parent) or a 二级 (with its parent's code)."""

    code: str
    label: str
    parent: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def level(self) -> int:
        """1 for a 一级 class, 2 for a 二级 class."""
        return 1 if self.parent is None else 2


def _name_key(text: str) -> str:
    """Normalise a label for lookup: no spaces, no trailing 指标/类."""
    key = re.sub(r"\s+", "", text)
    for suffix in ("指标", "类"):
        if key.endswith(suffix) and len(key) > len(suffix):
            key = key[: -len(suffix)]
    return key


@dataclass(frozen=True)
class Taxonomy:
    """A set of 一级 and 二级 classes, looked up by code, old code or label."""

    name: str
    official: bool
    categories: tuple[Category, ...]
    _by_key: dict[str, Category] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        index: dict[str, Category] = {}
        for cat in self.categories:
            index[cat.code] = cat
            for alias in (cat.label, *cat.aliases):
                index.setdefault(_name_key(alias), cat)
        object.__setattr__(self, "_by_key", index)

    def get(self, code: str) -> Category | None:
        """The class with exactly this code, or ``None``."""
        cat = self._by_key.get(code)
        return cat if cat is not None and cat.code == code else None

    def find(self, text: str, *, level: int | None = None) -> Category | None:
        """The class a code (``11``, ``001001``) or a label (``社会效益``) names, or ``None``."""
        text = text.strip()
        candidates = [self._by_key.get(text), self._by_key.get(_name_key(text))]
        for cat in candidates:
            if cat is not None and (level is None or cat.level == level):
                return cat
        return None

    def level1(self) -> list[Category]:
        """The 一级 classes in order."""
        return [c for c in self.categories if c.parent is None]

    def children(self, code: str) -> list[Category]:
        """The 二级 classes under the 一级 class ``code``."""
        return [c for c in self.categories if c.parent == code]

    def is_child(self, level2: str, level1: str) -> bool:
        """Whether 二级 ``level2`` belongs to 一级 ``level1``."""
        cat = self.get(level2)
        return cat is not None and cat.parent == level1


OFFICIAL = Taxonomy(
    name="official",
    official=True,
    categories=(
        Category("1", "产出指标", aliases=("001",)),
        Category("11", "数量指标", "1", ("001001",)),
        Category("12", "质量指标", "1", ("001002",)),
        Category("13", "时效指标", "1", ("001003",)),
        Category("14", "成本指标", "1", ("001004",)),
        Category("2", "效益指标", aliases=("002",)),
        Category("21", "经济效益指标", "2", ("002001",)),
        Category("22", "社会效益指标", "2", ("002002",)),
        Category("23", "生态效益指标", "2", ("002003", "环境效益指标", "生态环境效益指标")),
        Category("24", "可持续影响指标", "2", ("002004", "可持续发展指标")),
        Category("3", "满意度指标", aliases=("003",)),
        Category("31", "服务对象满意度指标", "3", ("003001",)),
    ),
)
"""The official taxonomy of the finance systems (codes 1/11…31)."""

GUIDE_2021 = Taxonomy(
    name="guide-2021",
    official=False,
    categories=(
        Category("G1", "产出指标"),
        Category("G11", "数量指标", "G1"),
        Category("G12", "质量指标", "G1"),
        Category("G13", "时效指标", "G1"),
        Category("G2", "成本指标"),
        Category("G21", "经济成本指标", "G2"),
        Category("G22", "社会成本指标", "G2"),
        Category("G23", "生态环境成本指标", "G2", ("环境成本指标",)),
        Category("G3", "效益指标"),
        Category("G31", "经济效益指标", "G3"),
        Category("G32", "社会效益指标", "G3"),
        Category("G33", "生态效益指标", "G3", ("环境效益指标", "生态环境效益指标")),
        Category("G34", "可持续影响指标", "G3"),
        Category("G4", "满意度指标"),
        Category("G41", "服务对象满意度指标", "G4"),
    ),
)
"""The four-class set of the 2021 guide; its ``G`` codes are ours, not official."""

TAXONOMIES: dict[str, Taxonomy] = {t.name: t for t in (OFFICIAL, GUIDE_2021)}


def taxonomy_of(code: str) -> Taxonomy:
    """The taxonomy a code belongs to (``G…`` codes are the 2021 guide's)."""
    return GUIDE_2021 if code.startswith("G") else OFFICIAL


def canonical_code(code_text: str, label: str, *, level: int) -> str:
    """The canonical code for a code and label as found in a file.

    A known code or old code (``001001``) maps to its class's code; with no code, the label
    decides; anything unknown is kept as found so that validation can report it.
    """
    code_text = code_text.strip()
    for text in (code_text, label):
        if not text:
            continue
        for taxonomy in (OFFICIAL, GUIDE_2021):
            cat = taxonomy.find(text, level=level)
            if cat is not None:
                return cat.code
        if text == code_text:
            return code_text
    return code_text


def label_matches(category: Category, label: str) -> bool:
    """Whether a printed label names this class (with or without 指标)."""
    key = _name_key(label)
    return any(_name_key(a) == key for a in (category.label, *category.aliases))


def official_label(code: str) -> str:
    """The taxonomy's label for a code, or an empty string."""
    if not code:
        return ""
    cat = taxonomy_of(code).get(code)
    return cat.label if cat is not None else ""


_CLASS_DASHES = ("-", "－", "—")
"""What stands between a class's code and its label in every reading (``1-产出指标``)."""
_TYPED_DASHES = ("–", " ")
"""What else may, in text typed or pasted into the grid (``1–产出指标``, ``1 产出指标``)."""


def split_class_text(text: str, *, typed: bool = True) -> tuple[str, str]:
    """``"1-产出指标"`` → ``("1", "产出指标")``; a bare code or label goes where it fits.

    ``typed=False`` is the summary cell notation's reading (``{n}、1-产出指标；11-数量指标；…``):
    a code only before -, － or —, and a text without one, a bare code too, all label.
    """
    text = text.strip()
    for dash in _CLASS_DASHES + _TYPED_DASHES if typed else _CLASS_DASHES:
        code, sep, label = text.partition(dash)
        if sep and code.strip().isalnum() and code.strip().isascii():
            return code.strip(), label.strip()
    if typed and text.isascii() and text.isalnum():
        return text, ""
    return "", text


def class_fields(text: str, level: int) -> tuple[str, str]:
    """The code and label to store for a 一级/二级 text as typed, pasted or picked.

    An unknown label is kept as the label with no code, so that the checks report it.
    """
    code_text, label = split_class_text(text)
    code = canonical_code(code_text, label, level=level)
    return code, label or official_label(code)


PRINTED_CLASS = re.compile(r"^([0-9A-Za-z]+)\s*[-－—.．、]\s*(.+)$", re.DOTALL)
"""A printed 一级/二级 label with its code in front: ``1-产出指标``, ``001.产出指标``."""
CONTINUED = re.compile(r"[（(]\s*续\s*[）)]|续表")
"""What a label carries where its class goes on from the page before: ``（续）``, ``续表``."""
_SCORE = re.compile(r"[（(][^（()）]*[0-9０-９]+\s*分?[^（()）]*[）)]")
_BRACKETED = re.compile(r"[（(][^（()）]*[）)]")
_SPACE = re.compile(r"\s+")

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
"""The 效益 二级 a word names; a label naming several (``社会、经济效益``) names none."""


def clean_label(text: str) -> str:
    """A class label as printed, without layout whitespace or ``（续）``/``续表``."""
    return CONTINUED.sub("", _SPACE.sub("", text)).strip()


@lru_cache(maxsize=4096)
def printed_class(text: str, level: int) -> tuple[str, str]:
    """A printed 一级/二级 text as (code, label); the code is ``""`` when it names no one class.

    Provinces word classes differently (``1-产出指标``, ``产出指标（50分）``, ``项目完成指标``,
    ``服务对象或受益者满意度指标``, ``时效指标（工期指标）``): a code in front, then the
    taxonomy's labels and aliases, then the words a label is an instance of decide.
    """
    label = clean_label(text)
    code_text = ""
    match = PRINTED_CLASS.match(label)
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


def _by_words(label: str, level: int) -> str:
    if level == 1:
        return next((code for word, code in _LEVEL1_WORDS if word in label), "")
    for words, code in _LEVEL2_WORDS:
        if any(w in label for w in words):
            return code
    named = {code for word, code in _BENEFITS if word in label}
    return named.pop() if len(named) == 1 else ""


def _known(code: str, level: int) -> bool:
    cat = taxonomy_of(code).get(code) if code else None
    return cat is not None and cat.level == level


def parent_code(code: str) -> str:
    """The 一级 code a 二级 code belongs to (``31`` → ``3``), or ``""``."""
    cat = taxonomy_of(code).get(code) if code else None
    return (cat.parent or "") if cat is not None else ""


def printed_row_classes(level1_text: str, level2_text: str) -> tuple[str, str, str, str]:
    """Codes and labels of a printed row's 一级 and 二级 texts; the 二级 decides its 一级.

    A 满意度 二级 inside a 效益 block belongs to 满意度; a row whose 一级 cell is blank (its
    label printed elsewhere in the block) takes the 一级 of its 二级. An official 成本 二级
    under the 2021 guide's 成本 一级 keeps that 一级.
    """
    code1, label1 = printed_class(level1_text, 1) if level1_text.strip() else ("", "")
    code2, label2 = printed_class(level2_text, 2) if level2_text.strip() else ("", "")
    parent = parent_code(code2)
    if parent and parent != code1 and not (code1 == "G2" and parent == "1"):
        code1 = parent
    return code1, label1, code2, label2
