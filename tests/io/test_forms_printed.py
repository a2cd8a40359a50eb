"""The sample printed as per-project forms (Word and Excel), read off the pages LibreOffice renders.

Every form shows 实施期 filled in from 年度 (the sample's projects are annual), each 一级 class as
one block in the taxonomy's order, the year line under the title and the sign-off block.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from rendering import _nfkc, convert, whole_text

from bpeditor.cli import main
from bpeditor.io import native
from bpeditor.io.text import read_text
from bpeditor.model.money import format_amount
from bpeditor.model.table import Indicator


@pytest.mark.parametrize("extension", [".docx", ".xlsx"])
def test_every_printed_form_is_filled_in(sample_path: Path, tmp_path: Path, extension: str) -> None:
    sample = read_text(sample_path).table
    dated = copy.deepcopy(sample)
    dated.year = 2026
    # an 产出 indicator after the 满意度 one: it prints inside the 产出 block
    late = Indicator("1", "产出指标", "12", "质量指标", "设备完好率", "≥95%", "≥95%")
    dated.units[0].projects[0].indicators.append(late)
    source = tmp_path / "sample.bpe"
    native.save(dated, source)
    out = tmp_path / f"forms{extension}"
    assert main(["convert", str(source), str(out), "--layout", "forms"]) == 0
    text = whole_text(convert(out, tmp_path, "pdf"))
    forms = text.split("项目支出绩效目标申报表")[1:]
    projects = [p for _, p in sample.iter_projects()]
    assert len(forms) == len(projects) == 9
    assert text.count("(2026年度)") == 9  # the year line under every form's title
    for form, project in zip(forms, projects, strict=True):
        total = format_amount(project.funds.effective_total())
        amounts = re.search(r"实施期资金总额([\d,.]*)年度资金总额([\d,.]*)", form)
        assert amounts is not None, form[:200]
        assert amounts.groups() == (total, total), project.name
        goal = re.sub(r"\s+", "", _nfkc(project.goal))
        # 实施期目标 | 年度目标: the 年度 goal printed in both
        assert form.count(goal) == 2, project.name
        grid = form[form.index("一级指标") :]
        blocks = [m.group() for m in re.finditer("产出指标|效益指标|满意度指标", grid)]
        present = {i.level1_label for i in project.indicators}
        order = [c for c in ("产出指标", "效益指标", "满意度指标") if c in present]
        assert blocks == order, (project.name, blocks)
        assert "单位(盖章):广州市花都区口岸服务保障中心" in form
        for label in ("负责人:", "填报人:", "联系电话:", "填报日期:"):
            assert label in form
    first = forms[0][forms[0].index("一级指标") :]
    assert first.index("设备完好率") < first.index("效益指标")
