"""The one rule for indicator-column headers, as a forms grid and a sheet's header row use it."""

from __future__ import annotations

import pytest

from bpeditor.io.excel_layouts import column_role
from bpeditor.io.layouts.labels import indicator_role, sub_role

# header text → (role in a forms grid, broad=True; role in a sheet's header row, broad=False)
CASES: list[tuple[str, str, str]] = [
    ("序号", "seq", "seq"),
    ("指标序号", "seq", "seq"),
    ("一级指标", "level1", "level1"),
    ("指标类型", "level1", ""),
    ("二级指标", "level2", "level2"),
    ("三级指标", "name", "name"),
    ("指标名称", "name", "name"),
    ("绩效指标名称", "name", "name"),
    ("指标内容", "name", "name"),
    ("指标", "name", ""),
    ("具体指标", "name", ""),
    ("指标性质", "sign", "sign"),
    ("计算符号", "sign", "sign"),
    ("运算符号", "sign", "sign"),
    ("指标值类型", "sign", "value"),
    ("计量单位", "measure", "measure"),
    ("度量单位", "measure", "measure"),
    ("年度指标值计量单位", "measure", "measure"),
    ("单位", "measure", ""),
    ("权重(%)", "weight", ""),
    ("分值", "score", "value"),
    ("2021年实际实现值", "actual", "value"),
    ("实际完成值", "actual", "value"),
    ("指标值确定依据", "basis", "basis"),
    ("绩效标准", "basis", ""),
    ("资金拨付标准", "basis", ""),
    ("指标值", "value", "value"),
    ("指标值及单位", "value", "value"),
    ("指标值(包含数字及文字描述)", "value", "value"),
    ("目标值", "value", "value"),
    ("计划水平", "value", ""),
    ("预期值", "value", "value"),
    ("年度", "value", ""),
    ("实施期", "value", ""),
    ("年度目标", "", ""),
    ("指标解释", "explanation", "explanation"),
    ("指标描述", "explanation", ""),
    ("绩效目标总体描述", "explanation", ""),
    ("备注", "note", "note"),
    ("指标方向", "note", ""),
    ("项目名称", "", ""),
    ("绩效目标", "", ""),
    ("", "", ""),
]


@pytest.mark.parametrize(("text", "grid", "row"), CASES)
def test_indicator_role(text: str, grid: str, row: str) -> None:
    assert indicator_role(text) == grid
    assert indicator_role(text, broad=False) == row


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("年度指标值", "annual_value"),
        ("实施期指标值", "period_value"),
        ("年度计算符号", "annual_sign"),
        ("实施期指标值计量单位", "period_measure"),
        ("一级指标", "level1"),
        ("指标", ""),
        ("分值", "value"),
        ("绩效指标", "indicators"),
        ("绩效目标总体描述", "goal"),
        ("实施期目标", "period_goal"),
        ("资金拨付标准", "total"),
        ("单位名称", "unit"),
        ("年度预算", "total"),
        ("项目名称", "project"),
    ],
)
def test_column_role_asks_the_rule_for_indicator_columns(text: str, role: str) -> None:
    assert column_role(text) == role


def test_sub_header_row() -> None:
    assert sub_role("2021年实际实现值") == "actual"
    assert sub_role("预期2022年实现值") == "value"
    assert sub_role("计量单位") == "measure"
    assert sub_role("计算符号") == "sign"
