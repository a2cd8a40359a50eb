"""Small editing helpers shared by the panels: bursts of typing, amounts, read-only looks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

from bpeditor.model.money import Amount, AmountError, format_amount, parse_amount
from bpeditor.ui.undo import new_burst

ERROR_STYLE = "color: #c62828;"
"""How a value in error is drawn (red text)."""


class BurstFilter(QObject):
    """Starts a new typing burst whenever a field gets focus; leaves Ctrl+Z to the window.

    A field's own undo would fight the window's undo stack, so the standard undo and redo
    keys are not claimed by the field: they reach the 编辑 menu's actions, which undo the
    whole burst of typing as one step.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.burst = new_burst()

    def watch(self, *widgets: QWidget) -> None:
        """Follow these fields."""
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """New burst on focus in and out; let undo/redo shortcuts through to the window."""
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.burst = new_burst()
        elif (
            kind == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and (
                event.matches(QKeySequence.StandardKey.Undo)
                or event.matches(QKeySequence.StandardKey.Redo)
            )
        ):
            event.ignore()
            return True
        return False


def set_text_quietly(edit: QLineEdit, text: str) -> None:
    """Show ``text`` unless the field already shows it (keeps the cursor while typing)."""
    if edit.text() != text:
        edit.setText(text)
        if not edit.hasFocus():
            edit.setCursorPosition(0)


class AmountEdit(QLineEdit):
    """A money field: accepts ``1,664.69``, full-width digits or blank; rejects other text.

    On Enter or leaving the field it calls ``commit`` with the parsed amount; text that is
    not an amount turns red with the reason in the tooltip and changes nothing.
    """

    def __init__(
        self,
        commit: Callable[[Amount], None],
        parent: QWidget | None = None,
        reject: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._commit = commit
        self._reject = reject
        """Gets text that is not an amount (kept as a finding until corrected)."""
        self._amount: Amount = None
        self.error: str = ""
        self.base_style = ""
        """The style sheet when the amount is fine (a computed field looks read-only)."""
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editingFinished.connect(self._finish)
        self.textEdited.connect(lambda _text: self._set_error(""))

    def show_amount(self, amount: Amount) -> None:
        """Show an amount (two decimals, thousands separators, blank for none or zero)."""
        self._amount = amount
        self._set_error("")
        set_text_quietly(self, format_amount(amount))
        self.setToolTip(format_amount(amount, blank_zero=False))

    def show_unreadable(self, text: str) -> None:
        """Show text that is not an amount, red, saying so."""
        if self.error and self.text() == text:
            return  # just typed: the parser's own reason is already shown
        set_text_quietly(self, text)
        self._set_error(self.tr("“{text}”不是数字（请输入数字，如 1,664.69）").format(text=text))

    def _set_error(self, message: str) -> None:
        self.error = message
        self.setStyleSheet(ERROR_STYLE if message else self.base_style)
        if message:
            self.setToolTip(message)

    def _finish(self) -> None:
        if self.isReadOnly():
            return
        try:
            amount = parse_amount(self.text())
        except AmountError as exc:
            self._set_error(self.tr("{error}（请输入数字，如 1,664.69）").format(error=exc))
            if self._reject is not None:
                self._reject(self.text())
            return
        if amount != self._amount:
            self._commit(amount)
        else:
            self.show_amount(amount)
