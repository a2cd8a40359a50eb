"""Rule-set files: the shipped sets, saving and reading back, and files that cannot be used."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from bpeditor.io.rule_file import (
    RuleFileError,
    bundled_path,
    dumps_rule_set,
    load_rule_set,
    save_rule_set,
)
from bpeditor.model.review.rules import RULES, STRICT, Grade, RuleSet, Thresholds


def test_the_shipped_sets_are_the_built_in_ones() -> None:
    assert load_rule_set(bundled_path("default")) == RuleSet()
    strict = load_rule_set(bundled_path("strict"))
    assert strict == STRICT
    assert strict.grade("C3") is Grade.RETURN
    assert strict.thresholds.satisfaction_floor == Decimal(90)


def test_every_rule_is_listed_in_the_shipped_file() -> None:
    data = json.loads(bundled_path("default").read_text(encoding="utf-8"))
    assert list(data["rules"]) == list(RULES)
    assert data["rules"]["S2"] == {"on": True, "grade": "提示", "title": "满意度低于下限或为100%"}


def test_a_changed_set_is_saved_and_read_back(tmp_path: Path) -> None:
    rules = RuleSet(
        name="本区规则",
        off=frozenset({"S2", "K7"}),
        grades={"C3": Grade.RETURN},
        thresholds=Thresholds(satisfaction_floor=Decimal(80), require_cost=False),
    )
    path = tmp_path / "本区.json"
    save_rule_set(rules, path)
    assert load_rule_set(path) == rules
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["rules"]["S2"]["on"] is False
    assert data["thresholds"]["satisfaction_floor"] == 80


def test_a_short_file_takes_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "short.json"
    path.write_text('{"format": "bpeditor-rules", "rules": {"C5": {"on": false}}}', "utf-8")
    rules = load_rule_set(path)
    assert not rules.is_on("C5")
    assert rules.is_on("C1") and rules.grade("C1") is Grade.RETURN
    assert rules.thresholds == Thresholds()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "不是有效的 JSON（第 1 行第 2 列"),
        ("[1, 2]", "规则文件应是一个 JSON 对象"),
        ('{"rules": {}}', "不是 bpeditor 规则文件"),
        ('{"format": "bpeditor-rules", "version": 3}', "格式版本 3 比本程序新"),
        ('{"format": "bpeditor-rules", "rules": {"Z9": {}}}', "未知的规则“Z9”"),
        (
            '{"format": "bpeditor-rules", "rules": {"C1": {"grade": "严重"}}}',
            "grade“严重”应是 退回、修改 或 提示",
        ),
        (
            '{"format": "bpeditor-rules", "rules": {"C1": {"on": "yes"}}}',
            "规则“C1”的 on 应是 true 或 false",
        ),
        (
            '{"format": "bpeditor-rules", "thresholds": {"satisfaction_floor": 120}}',
            "satisfaction_floor 应在 0 到 100 之间",
        ),
        (
            '{"format": "bpeditor-rules", "thresholds": {"max_name_length": "40"}}',
            "max_name_length 应是 1 到 10000 之间的整数",
        ),
        ('{"format": "bpeditor-rules", "thresholds": {"floor": 1}}', "未知的项“floor”"),
    ],
)
def test_a_bad_file_gets_one_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(RuleFileError) as caught:
        load_rule_set(path)
    text = str(caught.value)
    assert message in text
    assert str(path) in text and "\n" not in text


def test_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="规则文件不存在"):
        load_rule_set(tmp_path / "none.json")
    with pytest.raises(RuleFileError, match="文件夹"):
        load_rule_set(tmp_path)


def test_the_file_is_readable_text() -> None:
    text = dumps_rule_set(RuleSet())
    assert '"name": "默认规则"' in text
    assert text.count("\n") > 30
