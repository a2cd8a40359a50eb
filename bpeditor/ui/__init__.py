"""The Qt user interface."""

from bpeditor.ui.pyside_import_check import speed_up_pyside_import_check

speed_up_pyside_import_check()  # before any other module of the window is imported
