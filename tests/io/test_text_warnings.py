"""Whatever the importer does not understand becomes a warning with its line: never dropped."""

from __future__ import annotations

from bpeditor.io.text import parse_summary_text

HEADER = "项目名称（资金使用单位）\t总计\t财政拨款\t财政专户拨款\t其他资金\t绩效目标\t绩效指标"
ITEM = "1、1-产出指标；11-数量指标；巡查次数；实施周期指标值:≥12次；年度指标值:≥12次。"


def table_with(*body: str) -> str:
    """Title on line 1, header on line 2, a unit on line 3, then ``body`` from line 4."""
    lines = ["项目支出绩效目标表", HEADER, "某中心\t10.00\t10.00\t\t\t\t", *body]
    return "\n".join(lines) + "\n"


PROJECT = f"巡查经费\t10.00\t10.00\t\t\t开展巡查。\t{ITEM}"


def warnings_of(text: str) -> list[str]:
    return [str(w) for w in parse_summary_text(text).warnings]


def test_clean_table_has_no_warnings() -> None:
    assert warnings_of(table_with(PROJECT)) == []


def test_note_row() -> None:
    warnings = warnings_of(table_with(PROJECT, "", "注：本表金额单位为万元。"))
    assert warnings == ["第 6 行：说明文字未导入：注：本表金额单位为万元。"]


def test_stray_text_in_extra_columns_alone() -> None:
    warnings = warnings_of(table_with(PROJECT, "\t\t\t\t\t\t\t审核：王五"))
    assert warnings == ["第 5 行：表头之外的单元格未导入：审核：王五"]


def test_extra_columns_on_a_project_row_keep_the_project() -> None:
    result = parse_summary_text(table_with(PROJECT + "\t多余的备注"))
    assert [str(w) for w in result.warnings] == ["第 4 行：表头之外的单元格未导入：多余的备注"]
    assert result.table.units[0].projects[0].name == "巡查经费"


def test_unparseable_indicator_item_is_kept_as_a_name() -> None:
    cell = ITEM + "2、这一项没有按格式填写。"
    result = parse_summary_text(table_with(f"巡查经费\t10.00\t10.00\t\t\t开展巡查。\t{cell}"))
    indicators = result.table.units[0].projects[0].indicators
    assert [i.name for i in indicators] == ["巡查次数", "这一项没有按格式填写"]
    assert [w.location for w in result.warnings] == ["第 4 行"]
    assert "第 2 个指标" in result.warnings[0].message
    assert "这一项没有按格式填写" in result.warnings[0].message


def test_free_text_indicators_are_kept() -> None:
    result = parse_summary_text(table_with("巡查经费\t10.00\t10.00\t\t\t开展巡查。\t巡查十二次"))
    assert [i.name for i in result.table.units[0].projects[0].indicators] == ["巡查十二次"]
    assert [w.location for w in result.warnings] == ["第 4 行"]


def test_bad_amount_is_reported_and_left_blank() -> None:
    result = parse_summary_text(table_with(PROJECT.replace("\t10.00\t10.00", "\t十元\t10.00")))
    project = result.table.units[0].projects[0]
    assert project.funds.total is None
    assert "第 4 行：“总计”不是金额，已留空：十元" in [str(w) for w in result.warnings]


def test_text_before_the_header_besides_the_title() -> None:
    text = "项目支出绩效目标表\n（公开版）\n" + table_with(PROJECT).split("\n", 1)[1]
    assert warnings_of(text) == ["第 2 行：表头之前的文字未导入：（公开版）"]


def test_name_only_row_is_kept_with_a_warning() -> None:
    result = parse_summary_text(table_with(PROJECT, "制表人王五"))
    assert [p.name for p in result.table.units[0].projects] == ["巡查经费", "制表人王五"]
    assert [w.location for w in result.warnings] == ["第 5 行"]


def test_second_grand_total_is_reported() -> None:
    text = table_with(PROJECT, "合计\t10.00\t10.00\t\t\t\t", "合计\t10.00\t10.00\t\t\t\t")
    assert [w.split("：")[0] for w in warnings_of(text)] == ["第 6 行"]


def test_unterminated_quote_at_the_end() -> None:
    result = parse_summary_text(table_with(PROJECT, '巡查经费二\t\t\t\t\t"开展\n巡查'))
    assert [w.location for w in result.warnings] == ["第 5 行"]
    assert "引号" in result.warnings[0].message
    project = result.table.units[0].projects[1]
    assert project.goal == "开展\n巡查"


def test_header_repeated_on_a_new_page_is_skipped() -> None:
    result = parse_summary_text(
        table_with(PROJECT, "", HEADER, f"维修经费\t\t\t\t\t开展维修。\t{ITEM}")
    )
    assert result.warnings == []
    assert [p.name for p in result.table.units[0].projects] == ["巡查经费", "维修经费"]


def test_signoff_line_is_read() -> None:
    signoff = "单位负责人：张三\t填报人：李四\t联系电话：020-12345678\t填报日期：2024年1月5日"
    result = parse_summary_text(table_with(PROJECT, "", signoff))
    assert result.warnings == []
    assert result.table.signoff.head == "张三"
    assert result.table.signoff.preparer == "李四"
    assert result.table.signoff.phone == "020-12345678"
    assert result.table.signoff.date == "2024年1月5日"


def test_unit_named_like_a_signoff_word_is_a_unit() -> None:
    """Only a 负责人 *label* (with a colon) makes a sign-off line; a unit row has amounts."""
    text = table_with(PROJECT, "项目负责人办公室\t10.00\t10.00\t\t\t\t", PROJECT)
    result = parse_summary_text(text)
    assert [u.name for u in result.table.units] == ["某中心", "项目负责人办公室"]
    assert result.warnings == []


def test_unit_named_like_a_note_is_a_unit() -> None:
    text = table_with(PROJECT, "说明1号楼管理处\t10.00\t10.00\t\t\t\t", PROJECT)
    result = parse_summary_text(text)
    assert [u.name for u in result.table.units] == ["某中心", "说明1号楼管理处"]


def test_project_named_total_with_a_goal_is_a_project() -> None:
    result = parse_summary_text(table_with(PROJECT.replace("巡查经费", "合计")))
    assert [p.name for p in result.table.units[0].projects] == ["合计"]
