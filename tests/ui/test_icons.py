"""Icons, the tool bar and the About box: SVG actions that stay sharp at any scale."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QGuiApplication, QImage
from PySide6.QtWidgets import QToolBar

from bpeditor.resources import resource_path
from bpeditor.ui.about import AboutDialog
from bpeditor.ui.app import APP_ICON
from bpeditor.ui.icons import ACTION_ICONS, icon
from bpeditor.ui.main_window import MainWindow

TOOL_BAR = [
    "actionNew",
    "actionOpen",
    "actionSave",
    "",
    "actionUndo",
    "actionRedo",
    "",
    "actionInsertIndicator",
    "actionDeleteRows",
    "actionMoveIndicatorUp",
    "actionMoveIndicatorDown",
    "",
    "actionFind",
]


def _opaque_pixels(image: QImage) -> int:
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).alpha() > 0
    )


def test_every_icon_renders_at_every_scale(qapp) -> None:  # type: ignore[no-untyped-def]
    for name in {*ACTION_ICONS.values(), "bpeditor"}:
        assert resource_path(f"icons/{name}.svg").is_file(), name
        for size in (16, 24, 32, 48):
            image = icon(name).pixmap(QSize(size, size)).toImage()
            assert image.width() == size, (name, size)
            assert _opaque_pixels(image) > size, (name, size)  # drawn, not blank
    assert APP_ICON == "icons/bpeditor.svg"


def test_tool_bar_holds_the_main_commands_with_icons(window: MainWindow) -> None:
    bar = window.findChild(QToolBar, "mainToolBar")
    assert bar is not None and bar.isVisible()
    assert [a.objectName() if not a.isSeparator() else "" for a in bar.actions()] == TOOL_BAR
    for action in bar.actions():
        if not action.isSeparator():
            assert not action.icon().isNull(), action.objectName()
            assert action.toolTip(), action.objectName()
    toggle = window.findChild(QAction, "actionShowToolBar")
    assert toggle is not None and toggle in window.view_menu.actions()
    toggle.trigger()
    assert not bar.isVisible()


def test_menu_actions_share_the_icons(window: MainWindow) -> None:
    for name in ACTION_ICONS:
        action = window.findChild(QAction, name)
        assert action is not None, name
        assert not action.icon().isNull(), name


def test_high_dpi_rounding_is_pass_through(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    assert (
        QGuiApplication.highDpiScaleFactorRoundingPolicy()
        == Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )


def test_about_goes_through_the_dialog_service(window: MainWindow, dialogs) -> None:  # type: ignore[no-untyped-def]
    window.findChild(QAction, "actionAbout").trigger()
    assert len(dialogs.shown) == 1
    about = dialogs.shown[0]
    assert isinstance(about, AboutDialog)
    assert "绩效目标表编辑器" in about.windowTitle()
    about.deleteLater()
