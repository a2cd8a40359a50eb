"""Every check clerks expect, with its code, severity, message and location."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bpeditor.model.table import Funds, Indicator, Project, Table, Unit
from bpeditor.model.validation import (
    CHECKS,
    Finding,
    Location,
    Severity,
    ValidationSettings,
    validate,
    validate_project,
)


def indicator(
    level1: str = "1",
    level2: str = "11",
    name: str = "供水保障月数",
    period: str = "12个月",
    annual: str = "12个月",
    **labels: str,
) -> Indicator:
    names = {"1": "产出指标", "2": "效益指标", "3": "满意度指标"}
    sub = {"11": "数量指标", "12": "质量指标", "22": "社会效益", "31": "服务对象满意度"}
    return Indicator(
        level1=level1,
        level1_label=labels.get("level1_label", names.get(level1, "")),
        level2=level2,
        level2_label=labels.get("level2_label", sub.get(level2, "")),
        name=name,
        period_value=period,
        annual_value=annual,
    )


def good_project(name: str = "口岸车检场水电费") -> Project:
    return Project(
        name=name,
        funds=Funds(Decimal("40.00"), Decimal("40.00")),
        goal="确保口岸通关正常运作。",
        indicators=[
            indicator(),
            indicator("2", "22", "安全事故发生次数", "0次", "0次"),
            indicator("3", "31", "服务对象满意度", "≥98%", "≥98%"),
        ],
    )


def table_of(*projects: Project) -> Table:
    return Table(reporting_unit="某中心", units=[Unit("某中心", list(projects))])


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def test_a_complete_project_has_no_findings() -> None:
    assert validate(table_of(good_project())) == []


def test_every_check_has_a_chinese_title_and_a_severity() -> None:
    for check in CHECKS.values():
        assert check.severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in check.title)


def test_total_that_disagrees_with_sources_is_an_error_naming_the_project() -> None:
    project = good_project()
    project.funds = Funds(Decimal("41.00"), Decimal("40.00"))
    (finding,) = validate(table_of(project))
    assert finding.code == "project-total-mismatch"
    assert finding.severity is Severity.ERROR
    assert "口岸车检场水电费" in finding.message and "41.00" in finding.message
    assert finding.location == Location(unit=0, project=0, field="total")


def test_sources_summing_to_the_total_are_fine() -> None:
    project = good_project()
    project.funds = Funds(Decimal("60"), Decimal("40"), Decimal("15.5"), Decimal("4.50"))
    assert validate(table_of(project)) == []


def test_an_amount_that_is_not_a_number_is_an_error_until_corrected() -> None:
    project = good_project()
    project.funds.unreadable["fiscal"] = "四十万"
    (finding,) = validate(table_of(project))
    assert finding.code == "project-amount-not-a-number"
    assert finding.severity is Severity.ERROR
    assert "财政拨款" in finding.message and "四十万" in finding.message
    assert finding.location == Location(unit=0, project=0, field="fiscal")
    project.funds.unreadable.clear()
    assert validate(table_of(project)) == []


def test_missing_goal_indicators_and_names() -> None:
    project = Project(name="", funds=Funds(), goal=" ")
    found = codes(validate(table_of(project)))
    assert found == ["project-no-name", "project-no-goal", "project-no-indicators"]


def test_required_and_recommended_first_level_classes() -> None:
    project = good_project()
    project.indicators = [indicator()]
    findings = validate(table_of(project))
    assert codes(findings) == [
        "project-missing-level1",
        "project-missing-recommended-level1",
    ]
    assert "效益指标" in findings[0].message
    assert findings[0].severity is Severity.ERROR
    assert findings[1].severity is Severity.WARNING


def test_required_classes_are_a_setting() -> None:
    project = good_project()
    project.indicators = [indicator()]
    relaxed = ValidationSettings(required_level1=("产出指标",), recommended_level1=())
    assert validate(table_of(project), relaxed) == []


def test_second_level_must_belong_to_its_first_level() -> None:
    project = good_project()
    project.indicators[0] = indicator("1", "22", level2_label="社会效益")
    findings = validate_project(project, 0, 0)
    assert codes(findings) == ["indicator-level2-parent"]
    assert findings[0].location == Location(0, 0, 0, "level2")


def test_unknown_codes_and_labels_that_disagree_with_codes() -> None:
    project = good_project()
    project.indicators[0] = indicator("9", "99", level1_label="奇怪", level2_label="奇怪")
    project.indicators[1] = indicator("2", "22", "事故次数", "0次", "0次", level2_label="经济效益")
    found = codes(validate_project(project, 0, 0))
    assert "indicator-unknown-level1" in found
    assert "indicator-unknown-level2" in found
    assert "indicator-label-mismatch" in found


def test_labels_without_zhibiao_and_old_codes_are_accepted() -> None:
    project = good_project()
    project.indicators[1] = indicator("2", "22", "事故次数", "0次", "0次", level2_label="社会效益")
    assert validate_project(project, 0, 0) == []


def test_labels_printed_in_other_wordings_agree_with_their_codes() -> None:
    """项目完成指标 is how some provinces print 产出指标; 效益 is not 产出."""
    project = good_project()
    project.indicators[0].level1_label = "项目完成指标"
    project.indicators[1].level2_label = "社会效益指标(30分)"
    assert validate_project(project, 0, 0) == []
    project.indicators[0].level1_label = "项目效益指标"
    assert codes(validate_project(project, 0, 0)) == ["indicator-label-mismatch"]


def test_values_missing_placeholder_unit_word_and_no_unit() -> None:
    project = good_project()
    project.indicators[0] = indicator(period="", annual="≥**%")
    project.indicators[1] = indicator("2", "22", "覆盖率", "≥100百分比", "≥10")
    findings = validate_project(project, 0, 0)
    assert codes(findings) == [
        "value-missing",
        "value-placeholder",
        "value-unit-word",
        "value-no-unit",
    ]
    assert findings[0].location.field == "period_value"
    assert findings[1].location.field == "annual_value"
    assert findings[0].severity is Severity.ERROR
    assert findings[2].severity is Severity.WARNING


def test_name_length_limit_is_a_setting_and_duplicates_are_flagged() -> None:
    project = good_project()
    project.indicators[0].name = "很" * 41
    project.indicators.append(indicator("3", "31", "服务对象满意度", "≥98%", "≥98%"))
    found = codes(validate_project(project, 0, 0))
    assert found.count("indicator-name-too-long") == 1
    assert found.count("indicator-duplicate-name") == 2
    roomy = ValidationSettings(max_name_length=50)
    assert "indicator-name-too-long" not in codes(validate_project(project, 0, 0, roomy))


@pytest.mark.parametrize(
    ("period", "annual", "flagged"),
    [
        ("12个月", "24个月", True),
        ("≥5个", "≥6个", True),
        ("≥90%", "≥95%", False),
        ("12个月", "12个月", False),
        ("≤3天", "≤5天", False),
        ("10次", "12个", False),
    ],
)
def test_annual_value_above_period_value_for_cumulative_quantities(
    period: str, annual: str, flagged: bool
) -> None:
    project = good_project()
    project.indicators[0] = indicator(period=period, annual=annual)
    found = codes(validate_project(project, 0, 0))
    assert ("value-annual-exceeds-period" in found) is flagged


def test_table_and_unit_checks() -> None:
    table = Table(units=[Unit("", [good_project("甲"), good_project("甲")])])
    found = validate(table)
    assert codes(found) == [
        "table-no-reporting-unit",
        "unit-no-name",
        "project-duplicate-name",
        "project-duplicate-name",
    ]
    assert found[3].location == Location(unit=0, project=1, field="name")


def test_findings_serialise_to_json_ready_dicts() -> None:
    project = good_project()
    project.goal = ""
    (finding,) = validate(table_of(project))
    assert finding.to_dict() == {
        "code": "project-no-goal",
        "severity": "error",
        "message": "项目“口岸车检场水电费”未填写绩效目标",
        "location": {"unit": 0, "project": 0, "indicator": None, "field": "goal"},
    }


def test_every_check_is_documented() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "checks.md").read_text("utf-8")
    for code in CHECKS:
        assert f"`{code}`" in doc


def test_a_unit_stated_in_the_name_is_enough() -> None:
    project = good_project()
    project.indicators[0] = indicator(name="拜访企业个数(个)", period="≥20", annual="≥20")
    project.indicators[1] = indicator("2", "22", "签约项目金额（万元）", "≥500", "≥500")
    assert validate_project(project, 0, 0) == []


def test_a_one_value_column_table_has_no_missing_period_values() -> None:
    """Real one-value-column tables print only 年度指标值: their 实施期 follows 年度.

    Before 实施期 could follow 年度, every blank 实施周期指标值 was a `value-missing` error.
    """
    project = good_project()
    for item in project.indicators:
        item.period_value = ""
    assert validate_project(project, 0, 0) == []
    project.period = "2025年1月-2027年12月"  # a three-year project: they are missing
    found = validate_project(project, 0, 0)
    assert codes(found) == [
        "project-period-not-derivable",
        "value-missing",
        "value-missing",
        "value-missing",
    ]
    assert [f.location.field for f in found[1:]] == ["period_value"] * 3
