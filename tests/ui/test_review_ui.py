"""审核 in the window: quick fixes with a preview, 已说明, the rule-set dialog and the report."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog

from bpeditor.model.review.rules import Grade
from bpeditor.ui.main_window import MainWindow
from bpeditor.ui.review_dialogs import ExplainDialog, FixPreviewDialog, RuleSetDialog
from tests.ui.conftest import RecordingDialogs  # the fixture's type


def _select(win: MainWindow, code: str, project: int, indicator: int | None = None) -> str:
    """Select the finding of ``code`` at (project, indicator) in the panel; its message."""
    model = win.problem_model
    row = next(
        n
        for n, f in enumerate(model.findings)
        if f.code == code and (f.location.project, f.location.indicator) == (project, indicator)
    )
    win.problems.selectionModel().setCurrentIndex(
        model.index(row, 1), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    return model.findings[row].message


def _preview(seen: list[list[str]], *, accept: bool):  # type: ignore[no-untyped-def]
    def drive(dialog: QDialog) -> bool:
        assert isinstance(dialog, FixPreviewDialog)
        items = dialog.changes
        seen.append([items.item(n).text() for n in range(items.count())])
        return accept

    return drive


def _indicator(win: MainWindow, project: int, row: int):  # type: ignore[no-untyped-def]
    return win.document.table.units[0].projects[project].indicators[row]


def test_quick_fix_moves_the_indicator_after_the_user_confirms(
    qtbot, loaded: MainWindow, dialogs: RecordingDialogs
) -> None:  # type: ignore[no-untyped-def]
    _select(loaded, "K2", 4, 5)
    seen: list[list[str]] = []
    dialogs.dialog_drivers.append(_preview(seen, accept=False))
    loaded.review.fix_action.trigger()
    assert seen == [
        [
            "车检场口岸单位经费：第 6 个指标“口岸基础和配套设施建设质量验收合格率”："
            "二级指标“时效指标” → “质量指标”"
        ]
    ]
    assert _indicator(loaded, 4, 5).level2 == "13"  # refused: nothing changed
    assert loaded.undo_stack.count() == 0

    _select(loaded, "K2", 4, 5)
    dialogs.dialog_drivers.append(_preview(seen, accept=True))
    loaded.review.fix_action.trigger()
    assert (_indicator(loaded, 4, 5).level2, _indicator(loaded, 4, 5).level2_label) == (
        "12",
        "质量指标",
    )
    qtbot.waitUntil(
        lambda: (
            ("K2", 4, 5)
            not in {(f.code, f.location.project, f.location.indicator) for f in loaded.findings}
        )
    )
    assert loaded.undo_stack.count() == 1
    loaded.undo_stack.undo()
    assert (_indicator(loaded, 4, 5).level2, _indicator(loaded, 4, 5).level2_label) == (
        "13",
        "时效指标",
    )


def test_fix_all_of_a_kind_previews_each_change_and_undoes_as_one(
    qtbot, loaded: MainWindow, dialogs: RecordingDialogs
) -> None:  # type: ignore[no-untyped-def]
    _select(loaded, "V1", 7, 0)
    seen: list[list[str]] = []
    dialogs.dialog_drivers.append(_preview(seen, accept=True))
    loaded.review.fix_all_action.trigger()
    (changes,) = seen
    assert len(changes) == 10
    assert (
        changes[9] == "花都海关招商引资工作经费：第 5 个指标“招商活动的签约项目金额(万元)”"
        "的年度指标值：“≥500” → “≥500万元”"
    )
    values = [i.period_value for i in loaded.document.table.units[0].projects[7].indicators[:5]]
    assert values == ["≥10场", "≥30人", "≥20个", "≥1个", "≥500万元"]
    assert _indicator(loaded, 8, 0).period_value == "≥5"  # no unit in its name: not touched
    assert loaded.undo_stack.count() == 1
    loaded.undo_stack.undo()
    values = [i.period_value for i in loaded.document.table.units[0].projects[7].indicators[:5]]
    assert values == ["≥10", "≥30", "≥20", "≥1", "≥500"]


def test_add_a_cost_row(qtbot, loaded: MainWindow, dialogs: RecordingDialogs) -> None:  # type: ignore[no-untyped-def]
    _select(loaded, "C5", 0)
    seen: list[list[str]] = []
    dialogs.dialog_drivers.append(_preview(seen, accept=True))
    loaded.review.fix_action.trigger()
    assert seen == [["口岸车检场水电费：在第 4 行增加成本指标“项目成本控制率 ≤100%”"]]
    added = _indicator(loaded, 0, 3)
    assert (added.level2_label, added.name, added.annual_value) == (
        "成本指标",
        "项目成本控制率",
        "≤100%",
    )
    assert len(loaded.document.table.units[0].projects[0].indicators) == 7


def test_explained_is_shown_saved_and_undone(
    qtbot, loaded: MainWindow, dialogs: RecordingDialogs, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    message = _select(loaded, "C5", 0)

    def reason(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExplainDialog)
        dialog.reason.setText("按实结算，不设成本指标")
        return True

    dialogs.dialog_drivers.append(reason)
    loaded.review.explain_action.trigger()
    row = next(n for n, f in enumerate(loaded.problem_model.findings) if f.message == message)
    assert (
        loaded.problem_model.index(row, 1).data() == f"{message}（已说明：按实结算，不设成本指标）"
    )
    saved = tmp_path / "表.bpe"
    assert loaded.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["explanations"] == [
        {
            "code": "C5",
            "project": "口岸车检场水电费",
            "indicator": "",
            "field": "indicators",
            "reason": "按实结算，不设成本指标",
        }
    ]
    loaded.undo_stack.undo()
    assert loaded.problem_model.index(row, 1).data() == message
    assert loaded.document.table.explanations == []


def test_the_rule_set_dialog_switches_rules_and_saves_the_file(
    qtbot, loaded: MainWindow, dialogs: RecordingDialogs, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    rule_file = tmp_path / "本区规则.json"
    dialogs.save_answers = [rule_file]

    def edit(dialog: QDialog) -> bool:
        assert isinstance(dialog, RuleSetDialog)
        dialog.name_edit.setText("本区规则")
        dialog.set_rule("C5", on=False)
        dialog.set_rule("C3", on=True, grade=Grade.RETURN)
        dialog.save_file()
        return True

    dialogs.dialog_drivers.append(edit)
    loaded.review.rules_action.trigger()
    qtbot.waitUntil(lambda: "C5" not in {f.code for f in loaded.findings})
    missing = [f for f in loaded.findings if f.code == "project-missing-recommended-level1"]
    assert [f.severity.value for f in missing] == ["error", "error"]
    data = json.loads(rule_file.read_text(encoding="utf-8"))
    assert data["name"] == "本区规则"
    assert data["rules"]["C5"]["on"] is False and data["rules"]["C3"]["grade"] == "退回"
    assert loaded.context.settings.value("review/rules_file") == str(rule_file)


def test_a_bad_rule_file_is_reported_in_one_line(
    qtbot, loaded: MainWindow, dialogs: RecordingDialogs, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", "utf-8")
    dialogs.open_answers = [bad]

    def open_bad(dialog: QDialog) -> bool:
        assert isinstance(dialog, RuleSetDialog)
        dialog.open_file()
        return False

    dialogs.dialog_drivers.append(open_bad)
    loaded.review.rules_action.trigger()
    assert dialogs.errors == [
        (
            "无法使用规则文件",
            f"{bad}：不是有效的 JSON（第 1 行第 2 列："
            "Expecting property name enclosed in double quotes）",
        )
    ]
    assert loaded.checks.rules.name == "默认规则"


def test_export_the_report(
    qtbot, loaded: MainWindow, dialogs: RecordingDialogs, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "审核意见.txt"
    dialogs.save_answers = [out]
    loaded.review.report_action.trigger()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "审核意见"
    assert "共 45 条意见：退回 0 条，修改 35 条，提示 10 条；其中已说明 0 条" in lines


def test_the_tools_menu_holds_the_review_commands(window: MainWindow) -> None:
    texts = [a.text() for a in window.tools_menu.actions() if not a.isSeparator()]
    assert texts == [
        "快速修复(&Q)…",
        "全部修复此类(&A)…",
        "标记已说明(&M)…",
        "审核规则(&R)…",
        "导出审核意见(&E)…",
        "指标库(&L)…",
        "把一个文件加入指标库(&F)…",
        "为本项目推荐指标(&R)…",
    ]
