"""Matching across years: pair two tables' projects, then each pair's indicators, by similarity.

Names drift between years (words swap, 的 appears, notes in brackets come and go), so pairs are
found by a similarity that ignores order and punctuation, and chosen by an assignment that
maximises the total similarity (each project or indicator has at most one partner).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bpeditor.model.table import Indicator, Project, Table

PROJECT_THRESHOLD = 62.0
"""Least name similarity (0–100) for two projects of different years to be the same project."""
INDICATOR_THRESHOLD = 55.0
"""Least similarity (0–100) for two indicators of a project pair to be the same indicator."""
_EXACT_COMPONENT = 60
"""Larger groups of look-alike candidates are assigned greedily instead of optimally."""

_BRACKETS = re.compile(r"[(\[【〔<《][^)\]】〕>》]*[)\]】〕>》]")
_DROP = re.compile(r"[\s的、,.。:;\-—_/\\'\"“”‘’·|]+")
_CODE = re.compile(r"[0-9A-Z]{10,}")


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """A name without bracketed notes, spaces, punctuation or 的, half-width, lower case."""
    text = unicodedata.normalize("NFKC", name)
    text = _BRACKETS.sub("", text) or text
    return _DROP.sub("", text).lower()


def _sorted(text: str) -> str:
    return "".join(sorted(text))


def similarity(a: str, b: str) -> float:
    """How alike two names are (0–100), robust to swapped words and added or dropped characters."""
    from rapidfuzz import fuzz  # noqa: PLC0415 - not on the window's start-up path

    na, nb = normalise(a), normalise(b)
    if na == nb:
        return 100.0
    if not na or not nb:
        return 0.0
    return max(fuzz.ratio(na, nb), 0.95 * fuzz.ratio(_sorted(na), _sorted(nb)))


def project_code(project: Project) -> str:
    """The project's code: its ``code`` field where the model has one, else a code in its name."""
    code = str(getattr(project, "code", "") or "")
    if code:
        return code.strip()
    match = _CODE.search(unicodedata.normalize("NFKC", project.name))
    return match.group(0) if match and sum(c.isdigit() for c in match.group(0)) >= 6 else ""


def assign(n_old: int, n_new: int, scores: dict[tuple[int, int], float]) -> list[tuple[int, int]]:
    """Pairs ``(old, new)`` of the candidates maximising the total score; deterministic."""
    parent = list(range(n_old + n_new))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in scores:
        a, b = find(i), find(n_old + j)
        if a != b:
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[tuple[int, int]]] = {}
    for pair in sorted(scores):
        groups.setdefault(find(pair[0]), []).append(pair)
    result: list[tuple[int, int]] = []
    for _, pairs in sorted(groups.items()):
        olds = sorted({i for i, _ in pairs})
        news = sorted({j for _, j in pairs})
        if len(olds) * len(news) == 1:
            result.extend(pairs)
        elif max(len(olds), len(news)) <= _EXACT_COMPONENT:
            result.extend(_hungarian(olds, news, scores))
        else:
            result.extend(_greedy(pairs, scores))
    return sorted(result)


def _greedy(
    pairs: list[tuple[int, int]], scores: dict[tuple[int, int], float]
) -> list[tuple[int, int]]:
    taken_old: set[int] = set()
    taken_new: set[int] = set()
    chosen = []
    for i, j in sorted(pairs, key=lambda p: (-scores[p], p)):
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            chosen.append((i, j))
    return chosen


def _hungarian(
    olds: list[int], news: list[int], scores: dict[tuple[int, int], float]
) -> list[tuple[int, int]]:
    """An optimal assignment (shortest augmenting paths with potentials) of one small group."""
    transpose = len(olds) > len(news)
    rows, cols = (news, olds) if transpose else (olds, news)

    def cost(r: int, c: int) -> float:
        pair = (cols[c], rows[r]) if transpose else (rows[r], cols[c])
        # A tiny position term keeps equal totals deterministic: nearer rows pair first.
        return -scores.get(pair, -1000.0) + 1e-6 * abs(r - c)

    n, m = len(rows), len(cols)
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    match = [0] * (m + 1)  # match[column] = row (1-based), 0 = free
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    current = cost(i0 - 1, j - 1) - u[i0] - v[j]
                    if current < minv[j]:
                        minv[j], way[j] = current, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    chosen = []
    for c in range(1, m + 1):
        if match[c]:
            r = match[c] - 1
            pair = (cols[c - 1], rows[r]) if transpose else (rows[r], cols[c - 1])
            if pair in scores:
                chosen.append(pair)
    return chosen


@dataclass(frozen=True)
class ProjectRef:
    """A project by its place: unit index, project index, and the objects themselves."""

    unit: int
    project: int
    unit_name: str
    item: Project


def project_refs(table: Table) -> list[ProjectRef]:
    """Every project of the table with its place, in table order."""
    return [
        ProjectRef(u, p, unit.name, project)
        for u, unit in enumerate(table.units)
        for p, project in enumerate(unit.projects)
    ]


def _fuzzy_candidates(
    olds: Sequence[str], news: Sequence[str], cutoff: float
) -> dict[tuple[int, int], float]:
    """Pairs of names at least ``cutoff`` alike, computed in bulk (rapidfuzz's C loops)."""
    from rapidfuzz import fuzz, process  # noqa: PLC0415 - not on the window's start-up path

    norm_new = [normalise(n) for n in news]
    sorted_new = [_sorted(n) for n in norm_new]
    found: dict[tuple[int, int], float] = {}
    for i, name in enumerate(olds):
        query = normalise(name)
        if not query:
            continue
        for _, score, j in process.extract(
            query, norm_new, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            found[i, j] = max(found.get((i, j), 0.0), score)
        for _, score, j in process.extract(
            _sorted(query), sorted_new, scorer=fuzz.ratio, score_cutoff=cutoff / 0.95, limit=None
        ):
            found[i, j] = max(found.get((i, j), 0.0), 0.95 * score)
    return found


def pair_projects(
    old: list[ProjectRef], new: list[ProjectRef]
) -> list[tuple[ProjectRef | None, ProjectRef | None]]:
    """Pairs of projects (by code, then unit and name); unpaired ones with ``None``, new order."""
    pairs: dict[int, int] = {}  # new index -> old index
    free_old = set(range(len(old)))
    by_code: dict[str, list[int]] = {}
    for i, ref in enumerate(old):
        code = project_code(ref.item)
        if code:
            by_code.setdefault(code, []).append(i)
    for j, ref in enumerate(new):
        code = project_code(ref.item)
        for i in by_code.get(code, []) if code else []:
            if i in free_old:
                pairs[j] = i
                free_old.discard(i)
                break
    _pair_exact(
        old, new, pairs, free_old, lambda r: (normalise(r.unit_name), normalise(r.item.name))
    )
    _pair_exact(old, new, pairs, free_old, lambda r: normalise(r.item.name))
    rest_old = sorted(free_old)
    rest_new = [j for j in range(len(new)) if j not in pairs]
    if rest_old and rest_new:
        names_old = [old[i].item.name for i in rest_old]
        names_new = [new[j].item.name for j in rest_new]
        scores = _fuzzy_candidates(names_old, names_new, PROJECT_THRESHOLD)
        for (a, b), score in list(scores.items()):
            same_unit = normalise(old[rest_old[a]].unit_name) == normalise(
                new[rest_new[b]].unit_name
            )
            scores[a, b] = score + (5.0 if same_unit else 0.0)
        for a, b in assign(len(rest_old), len(rest_new), scores):
            pairs[rest_new[b]] = rest_old[a]
            free_old.discard(rest_old[a])
    return _in_order(old, new, pairs, free_old)


def _pair_exact(
    old: list[ProjectRef],
    new: list[ProjectRef],
    pairs: dict[int, int],
    free_old: set[int],
    key: Callable[[ProjectRef], object],
) -> None:
    waiting: dict[object, list[int]] = {}
    for i in sorted(free_old):
        waiting.setdefault(key(old[i]), []).append(i)
    for j, ref in enumerate(new):
        if j not in pairs:
            queue = waiting.get(key(ref))
            if queue:
                i = queue.pop(0)
                pairs[j] = i
                free_old.discard(i)


def _in_order(
    old: list[ProjectRef], new: list[ProjectRef], pairs: dict[int, int], free_old: set[int]
) -> list[tuple[ProjectRef | None, ProjectRef | None]]:
    """The new table's order, each removed project after the new partner of its predecessor."""
    result: list[tuple[ProjectRef | None, ProjectRef | None]] = [
        (old[pairs[j]] if j in pairs else None, ref) for j, ref in enumerate(new)
    ]
    for i in sorted(free_old):
        result.append((old[i], None))
    return result


def indicator_similarity(a: Indicator, b: Indicator) -> float:
    """How alike two indicators are: name similarity, raised by a shared class and values."""
    score = similarity(a.name, b.name)
    if a.level2 and a.level2 == b.level2:
        score += 8.0
    elif a.level1 and b.level1 and a.level1 != b.level1:
        score -= 25.0
    if a.annual_value and a.annual_value == b.annual_value:
        score += 4.0
    return score


def pair_indicators(
    old: list[Indicator], new: list[Indicator]
) -> list[tuple[int | None, int | None]]:
    """Pairs of indicator rows ``(old, new)`` of one project pair, in the new order."""
    pairs: dict[int, int] = {}
    free_old = set(range(len(old)))
    for key in (
        lambda i: (i.level2, normalise(i.name)),
        lambda i: normalise(i.name),
    ):
        waiting: dict[object, list[int]] = {}
        for r in sorted(free_old):
            waiting.setdefault(key(old[r]), []).append(r)
        for j, item in enumerate(new):
            queue = waiting.get(key(item)) if j not in pairs else None
            if queue:
                pairs[j] = queue.pop(0)
                free_old.discard(pairs[j])
    rest_old = sorted(free_old)
    rest_new = [j for j in range(len(new)) if j not in pairs]
    scores: dict[tuple[int, int], float] = {}
    for a, i in enumerate(rest_old):
        for b, j in enumerate(rest_new):
            score = indicator_similarity(old[i], new[j])
            if score >= INDICATOR_THRESHOLD:
                scores[a, b] = score
    for a, b in assign(len(rest_old), len(rest_new), scores):
        pairs[rest_new[b]] = rest_old[a]
        free_old.discard(rest_old[a])
    result: list[tuple[int | None, int | None]] = [(pairs.get(j), j) for j in range(len(new))]
    result.extend((i, None) for i in sorted(free_old))
    return result
