"""Names the item models share: the index type, the root index, roles and an alignment."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
"""What Qt passes as an index to a model's methods."""
ROOT = QModelIndex()
"""The invisible root: the parent of top-level rows."""
DISPLAY = Qt.ItemDataRole.DisplayRole
EDIT = Qt.ItemDataRole.EditRole
TOOLTIP = Qt.ItemDataRole.ToolTipRole
ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
"""Amounts: right-aligned, centred vertically."""
READ_ONLY = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
"""The flags of a cell that can be selected but not edited."""
NO_FLAGS = Qt.ItemFlag.NoItemFlags
"""The flags of an invalid index."""
