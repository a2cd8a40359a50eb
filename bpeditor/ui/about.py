"""The About dialog: version, license, and the libraries bpeditor runs on with their versions."""

from __future__ import annotations

import platform
from importlib import metadata

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpeditor import __version__
from bpeditor.resources import resource_path
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP, app_title
from bpeditor.ui.settings import log_path

PRODUCT_NAME = "绩效目标表编辑器"
"""The product's Chinese name, as in the window title and the Windows version information."""

LICENSE_NAME = "MIT"
"""bpeditor's license (SPDX identifier)."""

LIBRARIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("PySide6 (Qt for Python)", ("PySide6-Essentials", "PySide6")),
    ("python-docx", ("python-docx",)),
    ("XlsxWriter", ("XlsxWriter",)),
    ("python-calamine", ("python-calamine",)),
    ("lxml", ("lxml",)),
    ("defusedxml", ("defusedxml",)),
)
"""Libraries shown in the dialog: a display name and the distribution names to look up, in order."""

UNKNOWN_VERSION = QT_TRANSLATE_NOOP("AboutDialog", "未知")
"""Shown when a library's installed metadata cannot be found."""


def distribution_version(names: tuple[str, ...]) -> str:
    """The version of the first installed distribution in ``names``, else ``UNKNOWN_VERSION``."""
    for name in names:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return UNKNOWN_VERSION


def component_versions() -> list[tuple[str, str]]:
    """(name, version) for Python, Qt, and every library in ``LIBRARIES``, in display order."""
    rows = [("Python", platform.python_version()), ("Qt", qVersion())]
    for display, names in LIBRARIES:
        version = distribution_version(names)
        if version == UNKNOWN_VERSION and display.startswith("PySide6"):
            version = PySide6.__version__
        rows.append((display, version))
    return rows


def about_text() -> str:
    """The dialog's information as plain text (what the copy button puts on the clipboard)."""
    license_line = QCoreApplication.translate("AboutDialog", "许可证：{license}")
    lines = [f"{app_title()} (bpeditor) {__version__}", license_line.format(license=LICENSE_NAME)]
    lines += [f"{name} {version}" for name, version in component_versions()]
    lines.append(f"{platform.system()} {platform.release()} ({platform.machine()})")
    return "\n".join(lines)


class AboutDialog(QDialog):
    """Shows the product name, version, license and component versions; never blocks on its own.

    Open it with ``show()`` or ``open()`` (window-modal, returns at once), not ``exec()``; set
    ``Qt.WA_DeleteOnClose`` when creating one per use.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("关于 {product}").format(product=app_title()))

        icon = QIcon(str(resource_path("icons/bpeditor.svg")))
        self.icon_label = QLabel()
        self.icon_label.setPixmap(icon.pixmap(64, 64))
        self.icon_label.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.title_label = QLabel(app_title())
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.5)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.version_label = QLabel(self.tr("版本 {version}").format(version=__version__))
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description_label = QLabel(
            self.tr("项目支出绩效目标表的导入、检查、编辑与导出（文本、Word、Excel）。")
        )
        self.description_label.setWordWrap(True)
        self.license_label = QLabel(
            self.tr("许可证：{license}。本程序按“原样”提供，不附带任何明示或暗示的担保。").format(
                license=LICENSE_NAME
            )
        )
        self.license_label.setWordWrap(True)
        self.log_label = QLabel(self.tr("日志文件：{path}").format(path=log_path()))
        self.log_label.setWordWrap(True)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setToolTip(self.tr("程序出错时的详细信息记录在这里，报告问题时请附上"))

        heading = QVBoxLayout()
        for label in (
            self.title_label,
            self.version_label,
            self.description_label,
            self.license_label,
            self.log_label,
        ):
            heading.addWidget(label)
        top = QHBoxLayout()
        top.addWidget(self.icon_label)
        top.addLayout(heading, 1)

        versions = component_versions()
        self.components_table = QTableWidget(len(versions), 2)
        self.components_table.setHorizontalHeaderLabels([self.tr("组件"), self.tr("版本")])
        for row, (name, version) in enumerate(versions):
            self.components_table.setItem(row, 0, QTableWidgetItem(name))
            shown = self.tr(UNKNOWN_VERSION) if version == UNKNOWN_VERSION else version
            self.components_table.setItem(row, 1, QTableWidgetItem(shown))
        self.components_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.components_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.components_table.verticalHeader().setVisible(False)
        header = self.components_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("复制版本信息"))
        self.copy_button.setToolTip(self.tr("把版本和组件信息复制到剪贴板，便于报告问题"))
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("使用的组件：")))
        layout.addWidget(self.components_table, 1)
        layout.addWidget(self.buttons)
        self.resize(460, 420)

    def component_rows(self) -> list[tuple[str, str]]:
        """The (name, version) rows as shown in the table."""
        table = self.components_table
        return [
            (_item_text(table.item(row, 0)), _item_text(table.item(row, 1)))
            for row in range(table.rowCount())
        ]

    def copy_to_clipboard(self) -> None:
        """Put :func:`about_text` on the clipboard."""
        QGuiApplication.clipboard().setText(about_text())


def _item_text(item: QTableWidgetItem | None) -> str:
    """A table cell's text ("" for a cell with no item)."""
    return item.text() if item is not None else ""
