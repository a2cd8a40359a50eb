"""The indicator library: past tables' indicators, ranked for the row or the project in hand.

The entries come from the clerk's own tables (the index that keeps them is
:mod:`bpeditor.io.library_index`). Ranking: the row's 二级 as a filter, then text similarity on
the normalised name or pinyin initials (``sbzcyxl`` finds 设备正常运行率), boosted for the same
project in an earlier year, then the same unit, then how often the indicator was used.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from bpeditor.model.document import Where
from bpeditor.model.edits import CompoundEdit, Edit, SetIndicatorField
from bpeditor.model.table import Indicator, Table
from bpeditor.model.year_match import PROJECT_THRESHOLD, normalise, similarity

_LETTERS = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Source:
    """Where a library entry was found."""

    file: str
    unit: str
    project: str
    title: str
    year: int | None = None


@dataclass(frozen=True)
class Entry:
    """One indicator of a past table, with where it came from."""

    level1: str
    level2: str
    name: str
    period_value: str
    annual_value: str
    source: Source
    initials: str = ""
    """The name's pinyin initials (``sbzcyxl``), computed when the entry was indexed."""

    def indicator(self, *, with_values: bool) -> Indicator:
        """A new indicator row from this entry (its values only when asked)."""
        from bpeditor.model.taxonomy import official_label  # noqa: PLC0415 - a light lookup

        return Indicator(
            level1=self.level1,
            level1_label=official_label(self.level1) if self.level1 else "",
            level2=self.level2,
            level2_label=official_label(self.level2) if self.level2 else "",
            name=self.name,
            period_value=self.period_value if with_values else "",
            annual_value=self.annual_value if with_values else "",
        )

    def to_dict(self, score: float) -> dict[str, object]:
        """The JSON of ``bpeditor library suggest --json``."""
        return {
            "level1": self.level1,
            "level2": self.level2,
            "name": self.name,
            "period_value": self.period_value,
            "annual_value": self.annual_value,
            "score": round(score, 1),
            "source": {
                "file": self.source.file,
                "unit": self.source.unit,
                "project": self.source.project,
                "title": self.source.title,
            },
        }


@dataclass(frozen=True)
class Suggestion:
    """A ranked entry, and whether it comes from the same project's history (values apply)."""

    entry: Entry
    score: float
    same_project: bool = False


def table_entries(table: Table, file: str, initials: dict[str, str] | None = None) -> list[Entry]:
    """Every named indicator of a table as library entries."""
    year = table.year
    if year is None:
        from bpeditor.model.carry_forward import title_year  # noqa: PLC0415

        year = title_year(table.title)
    initials = initials or {}
    return [
        Entry(
            i.level1,
            i.level2,
            i.name.strip(),
            i.period_value,
            i.annual_value,
            Source(file, unit.name, project.name, table.title, year),
            initials.get(i.name.strip(), ""),
        )
        for unit, project in table.iter_projects()
        for i in project.indicators
        if i.name.strip()
    ]


@dataclass
class _Group:
    """Entries of one indicator (the same 二级 and normalised name) across files and years."""

    key: str
    entries: list[Entry] = field(default_factory=list)

    @property
    def latest(self) -> Entry:
        return max(self.entries, key=lambda e: (e.source.year or 0, e.source.file))


class Library:
    """The entries, grouped by indicator, with what ranking needs precomputed."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        groups: dict[tuple[str, str], _Group] = {}
        for entry in entries:
            key = (entry.level2, normalise(entry.name))
            groups.setdefault(key, _Group(key[1])).entries.append(entry)
        self.groups = [groups[k] for k in sorted(groups)]
        self._keys = [g.key for g in self.groups]
        self._initials = [g.entries[0].initials for g in self.groups]
        self._frequency = [min(8.0, 2.5 * math.log2(1 + len(g.entries))) for g in self.groups]

    def __len__(self) -> int:
        return sum(len(g.entries) for g in self.groups)

    def suggest(
        self,
        query: str = "",
        *,
        project: str = "",
        unit: str = "",
        level2: str = "",
        top: int = 8,
    ) -> list[Suggestion]:
        """The ``top`` best entries for a typed query and/or a project, best first."""
        text = self._text_scores(query) if query.strip() else None
        history = self._project_history(project, unit) if project.strip() else {}
        unit_key = normalise(unit) if unit else ""
        ranked: list[tuple[float, int, Suggestion]] = []
        candidates = range(len(self.groups)) if text is None else text.keys()
        for g in candidates:
            group = self.groups[g]
            entry = group.latest
            if level2 and entry.level2 != level2:
                continue
            score = text[g] if text is not None else 0.0
            own = history.get(g)
            if own is not None:
                entry, bonus = own
                score += 40.0 + bonus
            elif unit_key:
                mine = [e for e in group.entries if normalise(e.source.unit) == unit_key]
                if mine:
                    entry = max(mine, key=lambda e: (e.source.year or 0, e.source.file))
                    score += 10.0
            score += self._frequency[g]
            if text is None and own is None and not unit_key:
                continue
            ranked.append((-score, g, Suggestion(entry, score, own is not None)))
        ranked.sort(key=lambda item: (item[0], item[1]))
        return [item[2] for item in ranked[:top]]

    def _text_scores(self, query: str) -> dict[int, float]:
        """Name similarity (0–100) of every group that matches the query at all."""
        from rapidfuzz import fuzz, process  # noqa: PLC0415 - not on the start-up path

        key = normalise(query)
        scores: dict[int, float] = {}
        if _LETTERS.fullmatch(key):  # pinyin initials (or a Latin word)
            for g, initials in enumerate(self._initials):
                if initials.startswith(key):
                    scores[g] = 100.0 - (len(initials) - len(key))
                elif key in initials:
                    scores[g] = 85.0 - (len(initials) - len(key))
        for g, group_key in enumerate(self._keys):
            if key in group_key:
                scores[g] = max(scores.get(g, 0.0), 90.0 - 0.5 * (len(group_key) - len(key)))
        for _, score, g in process.extract(
            key, self._keys, scorer=fuzz.ratio, score_cutoff=50, limit=None
        ):
            scores[g] = max(scores.get(g, 0.0), float(score))
        return scores

    def _project_history(self, project: str, unit: str) -> dict[int, tuple[Entry, float]]:
        """Groups used by the same project in past tables: ``{group: (its entry, bonus)}``.

        In each file only the project most like ``project`` counts (at most one partner per
        table, as when two years are compared), and only when it is alike enough.
        """
        unit_key = normalise(unit) if unit else ""
        alike: dict[tuple[str, str, str], float] = {}
        best: dict[str, tuple[float, str, str]] = {}  # file -> (score, unit, project)
        for group in self.groups:
            for e in group.entries:
                key = (e.source.file, e.source.unit, e.source.project)
                if key in alike:
                    continue
                score = similarity(project, e.source.project)
                if unit_key and normalise(e.source.unit) == unit_key:
                    score += 5.0
                alike[key] = score
                if score >= PROJECT_THRESHOLD and score > best.get(key[0], (0.0, "", ""))[0]:
                    best[key[0]] = (score, key[1], key[2])
        history: dict[int, tuple[Entry, float]] = {}
        for g, group in enumerate(self.groups):
            mine = [
                e
                for e in group.entries
                if e.source.file in best
                and best[e.source.file][1:] == (e.source.unit, e.source.project)
            ]
            if mine:
                entry = max(mine, key=lambda e: (e.source.year or 0, e.source.file))
                history[g] = (entry, best[entry.source.file][0] - 60.0)
        return history


def pick_edit(
    indicators: list[Indicator],
    where: Where,
    row: int,
    suggestion: Suggestion,
    text: str = "选用指标库指标",
) -> Edit | None:
    """One edit filling a row from a picked entry: 一级/二级/name, values if from its history.

    ``None`` when the row does not exist or nothing would change; an edited carried-over row is
    the clerk's own afterwards.
    """
    if not 0 <= row < len(indicators):
        return None
    old = indicators[row]
    new = suggestion.entry.indicator(with_values=suggestion.same_project)
    names = ["level1", "level1_label", "level2", "level2_label", "name"]
    if suggestion.same_project:
        names += ["period_value", "annual_value"]
    edits: list[Edit] = [
        SetIndicatorField(*where, row, name, getattr(new, name))
        for name in names
        if getattr(old, name) != getattr(new, name)
    ]
    if not edits:
        return None
    if old.carried:
        edits.append(SetIndicatorField(*where, row, "carried", ""))
    return CompoundEdit(text, edits)


def pinyin_initials(names: Iterable[str]) -> dict[str, str]:
    """The pinyin initials of each name (``设备正常运行率`` → ``sbzcyxl``); pypinyin loads here."""
    from pypinyin import Style, lazy_pinyin  # noqa: PLC0415 - 0.25 s: only when indexing

    result = {}
    for name in names:
        letters = lazy_pinyin(normalise(name), style=Style.FIRST_LETTER, errors="ignore")
        result[name] = "".join(letters).lower()
    return result
