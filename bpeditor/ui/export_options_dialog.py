"""The one dialog for the export and print options: layout, fonts, columns, margins."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QWidget,
)

from bpeditor.io.export_options import EXTRA_COLUMNS, ExportOptions
from bpeditor.ui.i18n import QT_TRANSLATE_NOOP

COLUMN_TITLES = {
    "basis": QT_TRANSLATE_NOOP("ExportOptionsDialog", "指标值确定依据"),
    "explanation": QT_TRANSLATE_NOOP("ExportOptionsDialog", "指标解释"),
    "note": QT_TRANSLATE_NOOP("ExportOptionsDialog", "备注"),
    "weight": QT_TRANSLATE_NOOP("ExportOptionsDialog", "权重"),
    "score": QT_TRANSLATE_NOOP("ExportOptionsDialog", "分值"),
}
"""The extra columns' check box texts (source texts), by column."""


class ExportOptionsDialog(QDialog):
    """Shows the export options and gives back the edited ones."""

    def __init__(self, options: ExportOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportOptionsDialog")
        self.setWindowTitle(self.tr("打印和导出选项"))
        form = QFormLayout(self)
        self.layout_box = QComboBox(self)
        self.layout_box.setObjectName("layoutBox")
        self.layout_box.addItem(self.tr("汇总表（项目支出绩效目标表）"), "summary")
        self.layout_box.addItem(self.tr("逐项目申报表"), "forms")
        self.fonts_box = QComboBox(self)
        self.fonts_box.setObjectName("fontsBox")
        self.fonts_box.addItem(self.tr("Windows 自带字体（仿宋、黑体）"), "default")
        self.fonts_box.addItem(self.tr("公文字体（仿宋_GB2312、方正小标宋简体、黑体）"), "gongwen")
        self.one_per_line = QCheckBox(self.tr("绩效指标每项一行"), self)
        self.one_per_line.setObjectName("onePerLine")
        self.sign_off_box = QComboBox(self)
        self.sign_off_box.setObjectName("signOffBox")
        self.sign_off_box.addItem(self.tr("按版式（申报表总是打印，汇总表有内容时打印）"), None)
        self.sign_off_box.addItem(self.tr("总是打印"), True)
        self.sign_off_box.addItem(self.tr("不打印"), False)
        self.margin = QDoubleSpinBox(self)
        self.margin.setObjectName("marginBox")
        self.margin.setRange(0, 40)
        self.margin.setDecimals(0)
        self.margin.setSuffix(self.tr(" 毫米"))
        self.margin.setSpecialValueText(self.tr("按版式"))
        self.size_box = QDoubleSpinBox(self)
        self.size_box.setObjectName("sizeBox")
        self.size_box.setRange(8, 16)
        self.size_box.setSingleStep(0.5)
        self.size_box.setSuffix(self.tr(" 磅"))
        form.addRow(self.tr("版式："), self.layout_box)
        form.addRow(self.tr("字体："), self.fonts_box)
        form.addRow(self.tr("字号："), self.size_box)
        form.addRow(self.tr("绩效指标："), self.one_per_line)
        form.addRow(self.tr("签字栏："), self.sign_off_box)
        form.addRow(self.tr("页边距："), self.margin)
        self.column_boxes: dict[str, QCheckBox] = {}
        form.addRow(self.tr("申报表加印列："), self._columns_widget())
        self.layout_box.currentIndexChanged.connect(self._follow_layout)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.set_options(options)

    def _columns_widget(self) -> QWidget:
        """The check boxes of the extra columns the forms print after 指标值."""
        columns = QWidget(self)
        grid = QGridLayout(columns)
        grid.setContentsMargins(0, 0, 0, 0)
        for at, name in enumerate(EXTRA_COLUMNS):
            box = QCheckBox(self.tr(COLUMN_TITLES[name]), columns)
            box.setObjectName(f"column_{name}")
            box.setToolTip(self.tr("申报表在年度指标值后加印这一列"))
            grid.addWidget(box, at // 3, at % 3)
            self.column_boxes[name] = box
        return columns

    def set_options(self, options: ExportOptions) -> None:
        """Show ``options`` in the widgets."""
        self.layout_box.setCurrentIndex(max(self.layout_box.findData(options.layout), 0))
        self.fonts_box.setCurrentIndex(max(self.fonts_box.findData(options.fonts), 0))
        self.one_per_line.setChecked(options.one_per_line)
        index = {None: 0, True: 1, False: 2}[options.sign_off]
        self.sign_off_box.setCurrentIndex(index)
        self.margin.setValue(options.margin_mm or 0)
        self.size_box.setValue(options.body_size)
        for name, box in self.column_boxes.items():
            box.setChecked(name in options.columns)
        self._follow_layout()

    def _follow_layout(self) -> None:
        """The extra columns are the forms' only: offered when the forms are chosen."""
        forms = self.layout_box.currentData() == "forms"
        for box in self.column_boxes.values():
            box.setEnabled(forms)

    def options(self) -> ExportOptions:
        """The options as the widgets show them."""
        sign_off = (None, True, False)[self.sign_off_box.currentIndex()]
        margin = self.margin.value()
        return ExportOptions(
            layout=str(self.layout_box.currentData()),
            fonts=str(self.fonts_box.currentData()),
            one_per_line=self.one_per_line.isChecked(),
            sign_off=sign_off,
            margin_mm=margin if margin > 0 else None,
            body_size=self.size_box.value(),
            columns=tuple(name for name, box in self.column_boxes.items() if box.isChecked()),
        )
