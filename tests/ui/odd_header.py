"""A header no layout knows, and the column mapping a clerk gives it in the import dialog."""

from __future__ import annotations

HEADER = ["指标名称", "目标值(全周期)", "目标值(当年)", "类别", "子类别", "所属项目（课题）"]
MAPPING = {
    0: "name",
    1: "period_value",
    2: "annual_value",
    3: "level1",
    4: "level2",
    5: "project",
}
"""Column → field for :data:`HEADER`."""
