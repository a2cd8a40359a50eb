"""Mapping a sheet's columns to the Excel reader's fields: their labels, and remembered mappings.

Mappings are remembered in ``QSettings`` under a hash of the normalised header texts, so the next
workbook with the same header comes pre-filled.
"""

from __future__ import annotations

import hashlib
import json

from PySide6.QtCore import QCoreApplication, QSettings

from bpeditor.io.excel_grid import SheetGrid
from bpeditor.io.excel_layouts import HEADER_SCAN_ROWS, combined_header, header_extent
from bpeditor.io.excel_reader import FIELDS
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP
from bpeditor.ui.sheet_preview_model import PREVIEW_COLUMNS

FIELD_LABELS = (
    QT_TRANSLATE_NOOP("ExcelFields", "资金使用单位"),
    QT_TRANSLATE_NOOP("ExcelFields", "主管部门"),
    QT_TRANSLATE_NOOP("ExcelFields", "项目名称"),
    QT_TRANSLATE_NOOP("ExcelFields", "总计"),
    QT_TRANSLATE_NOOP("ExcelFields", "财政拨款"),
    QT_TRANSLATE_NOOP("ExcelFields", "财政专户拨款"),
    QT_TRANSLATE_NOOP("ExcelFields", "其他资金"),
    QT_TRANSLATE_NOOP("ExcelFields", "绩效目标（年度）"),
    QT_TRANSLATE_NOOP("ExcelFields", "实施期目标"),
    QT_TRANSLATE_NOOP("ExcelFields", "绩效指标（汇总表的一格多指标）"),
    QT_TRANSLATE_NOOP("ExcelFields", "一级指标"),
    QT_TRANSLATE_NOOP("ExcelFields", "二级指标"),
    QT_TRANSLATE_NOOP("ExcelFields", "三级指标"),
    QT_TRANSLATE_NOOP("ExcelFields", "指标值（两期相同）"),
    QT_TRANSLATE_NOOP("ExcelFields", "实施周期指标值"),
    QT_TRANSLATE_NOOP("ExcelFields", "年度指标值"),
    QT_TRANSLATE_NOOP("ExcelFields", "计算符号（两期相同）"),
    QT_TRANSLATE_NOOP("ExcelFields", "实施周期计算符号"),
    QT_TRANSLATE_NOOP("ExcelFields", "年度计算符号"),
    QT_TRANSLATE_NOOP("ExcelFields", "计量单位（两期相同）"),
    QT_TRANSLATE_NOOP("ExcelFields", "实施周期计量单位"),
    QT_TRANSLATE_NOOP("ExcelFields", "年度计量单位"),
    QT_TRANSLATE_NOOP("ExcelFields", "指标值确定依据"),
    QT_TRANSLATE_NOOP("ExcelFields", "指标解释"),
    QT_TRANSLATE_NOOP("ExcelFields", "备注"),
)
"""The Excel reader's field labels (``excel_reader.FIELDS``), for the translation catalog."""
SETTINGS_GROUP = "excel_import/mappings"
"""The settings group holding remembered mappings, one key per header hash."""


def field_label(key: str) -> str:
    """A field's label (see ``FIELDS``) in the interface language."""
    return QCoreApplication.translate("ExcelFields", FIELDS[key])


def header_texts(grid: SheetGrid, header_row: int) -> list[str]:
    """A header row's normalised column texts (two-row headers joined), trailing blanks cut."""
    if not 0 <= header_row < len(grid.rows):
        return []
    texts = combined_header(grid, header_row, header_extent(grid, header_row))
    while texts and not texts[-1]:
        texts.pop()
    return texts[:PREVIEW_COLUMNS]


def header_key(texts: list[str]) -> str:
    """The settings key a header's mapping is remembered under: a hash of its texts."""
    digest = hashlib.sha256("\x1f".join(texts).encode("utf-8")).hexdigest()[:24]
    return f"{SETTINGS_GROUP}/{digest}"


def dedupe(mapping: dict[int, str]) -> dict[int, str]:
    """Each field on its first column only."""
    seen: set[str] = set()
    kept: dict[int, str] = {}
    for col in sorted(mapping):
        if mapping[col] not in seen:
            seen.add(mapping[col])
            kept[col] = mapping[col]
    return kept


class MappingMemory:
    """The column mappings remembered per header in the settings (none without settings)."""

    def __init__(self, settings: QSettings | None) -> None:
        self._settings = settings

    def mapping_for(self, texts: list[str]) -> dict[int, str] | None:
        """The mapping remembered for a header, cleaned of anything that no longer fits."""
        if self._settings is None or not texts:
            return None
        raw = self._settings.value(header_key(texts))
        if not isinstance(raw, str):
            return None
        try:
            stored = json.loads(raw)
        except ValueError:
            return None
        if not isinstance(stored, dict):
            return None
        found: dict[int, str] = {}
        for key, value in stored.items():
            if str(key).isdigit() and int(key) < len(texts) and value in FIELDS:
                found[int(key)] = value
        return dedupe(found)

    def row_with_mapping(self, grid: SheetGrid) -> int | None:
        """The first row near the top whose header has a remembered mapping."""
        if self._settings is None:
            return None
        for row in range(min(len(grid.rows), HEADER_SCAN_ROWS)):
            blank = not any(c.strip() for c in grid.rows[row])
            if not blank and self.mapping_for(header_texts(grid, row)) is not None:
                return row
        return None

    def remember(self, texts: list[str], mapping: dict[int, str]) -> None:
        """Keep the mapping chosen for a header (nothing for an empty header)."""
        if self._settings is None or not texts:
            return
        stored = {str(col): field_name for col, field_name in mapping.items()}
        self._settings.setValue(header_key(texts), json.dumps(stored, ensure_ascii=False))
        self._settings.sync()
