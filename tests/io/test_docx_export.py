"""Word export: the summary (landscape) and per-project forms (portrait), read back as XML."""

from __future__ import annotations

import copy
import re
import zipfile
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree
from rendering import check_printed_sample

from bpeditor.io.base import WriteError
from bpeditor.io.docx_common import WordOptions
from bpeditor.io.docx_forms import write_docx_forms
from bpeditor.io.docx_summary import write_docx_summary
from bpeditor.io.export_options import ExportOptions
from bpeditor.io.text import HEADER, read_text
from bpeditor.model.table import Funds, Indicator, Project, SignOff, Table, Unit

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
ROOT = Path(__file__).resolve().parents[2]


def w(name: str) -> str:
    return f"{{{W}}}{name}"


def sample_path() -> Path:
    shared = ROOT.parent / "shared/samples/huadu-port-summary.txt"
    return shared if shared.is_file() else ROOT / "bpeditor/resources/example.txt"


@pytest.fixture(scope="module")
def sample() -> Table:
    return read_text(sample_path()).table


@pytest.fixture(scope="module")
def summary_docx(sample: Table, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("summary") / "summary.docx"
    write_docx_summary(sample, path)
    return path


@pytest.fixture(scope="module")
def forms_docx(sample: Table, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("forms") / "forms.docx"
    write_docx_forms(sample, path)
    return path


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as z:
        return etree.fromstring(z.read(name))


def footer_parts(path: Path) -> list[etree._Element]:
    with zipfile.ZipFile(path) as z:
        names = [n for n in z.namelist() if re.fullmatch(r"word/footer\d*\.xml", n)]
        return [etree.fromstring(z.read(n)) for n in names]


def text_of(el: etree._Element) -> str:
    return "".join(el.xpath(".//w:t/text()", namespaces=NS))


def cell_text(tc: etree._Element) -> str:
    return "\n".join(text_of(p) for p in tc.findall(w("p")))


def rows_of(tbl: etree._Element) -> list[list[etree._Element]]:
    return [tr.findall(w("tc")) for tr in tbl.findall(w("tr"))]


def main_table(path: Path) -> etree._Element:
    return part(path, "word/document.xml").find(f"{w('body')}/{w('tbl')}")


# ---------------------------------------------------------------- fonts and page


@pytest.mark.parametrize("layout", ["summary", "forms"])
def test_gongwen_fonts_east_asian_slot_and_language(
    layout: str, sample: Table, tmp_path: Path
) -> None:
    path = tmp_path / f"{layout}.docx"
    options = WordOptions.from_export(ExportOptions(fonts="gongwen"))
    writer = write_docx_summary if layout == "summary" else write_docx_forms
    writer(sample, path, options=options)
    styles = part(path, "word/styles.xml")
    fonts = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
    assert fonts.get(w("eastAsia")) == "仿宋_GB2312"
    assert not any(k.endswith("Theme") for k in fonts.attrib), "theme fonts would win"
    lang = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('lang')}")
    assert lang.get(w("eastAsia")) == "zh-CN"
    for style_id in ("Normal", "Footer"):
        (style,) = styles.xpath(f"w:style[@w:styleId='{style_id}']", namespaces=NS)
        assert style.find(f"{w('rPr')}/{w('rFonts')}").get(w("eastAsia")) == "仿宋_GB2312"
    doc = part(path, "word/document.xml")
    run_fonts = {f.get(w("eastAsia")) for f in doc.iter(w("rFonts"))}
    assert {"方正小标宋简体", "黑体"} <= run_fonts
    assert all(f.get(w("eastAsia")) for f in doc.iter(w("rFonts")))
    table_fonts = part(path, "word/fontTable.xml")
    (entry,) = table_fonts.xpath("w:font[@w:name='仿宋_GB2312']", namespaces=NS)
    assert entry.find(w("altName")).get(w("val")) == "仿宋"
    assert entry.find(w("charset")).get(w("val")) == "86"


@pytest.mark.parametrize("layout", ["summary", "forms"])
def test_default_fonts_are_on_every_chinese_windows(
    layout: str, summary_docx: Path, forms_docx: Path
) -> None:
    path = summary_docx if layout == "summary" else forms_docx
    stock_windows = {"仿宋", "黑体", "宋体", "楷体", "微软雅黑"}
    styles = part(path, "word/styles.xml")
    fonts = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
    assert fonts.get(w("eastAsia")) == "仿宋"
    used = {f.get(w("eastAsia")) for f in part(path, "word/document.xml").iter(w("rFonts"))}
    used |= {f.get(w("eastAsia")) for f in styles.iter(w("rFonts")) if f.get(w("eastAsia"))}
    assert used <= stock_windows
    assert "黑体" in used


def test_document_properties_name_the_program_now_and_the_unit(
    sample: Table, summary_docx: Path
) -> None:
    core = part(summary_docx, "docProps/core.xml")
    text = {el.tag.split("}")[1]: (el.text or "") for el in core}
    assert text["creator"] == sample.reporting_unit == "广州市花都区口岸服务保障中心"
    assert "python-docx" not in etree.tostring(core, encoding="unicode")
    created = datetime.fromisoformat(text["created"].replace("Z", "+00:00"))
    assert abs((datetime.now(UTC) - created).total_seconds()) < 3600
    app = part(summary_docx, "docProps/app.xml")
    app_text = {el.tag.split("}")[1]: (el.text or "") for el in app}
    assert app_text["Application"].startswith("bpeditor")
    assert app_text["Company"] == "广州市花都区口岸服务保障中心"


def test_fallback_fonts_option(sample: Table, tmp_path: Path) -> None:
    path = tmp_path / "fallback.docx"
    options = WordOptions.from_export(ExportOptions(fonts="gongwen"))
    write_docx_summary(sample, path, options=replace(options, use_fallback_fonts=True))
    styles = part(path, "word/styles.xml")
    fonts = styles.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}/{w('rFonts')}")
    assert fonts.get(w("eastAsia")) == "仿宋"
    doc_fonts = {f.get(w("eastAsia")) for f in part(path, "word/document.xml").iter(w("rFonts"))}
    assert "方正小标宋简体" not in doc_fonts
    assert "黑体" in doc_fonts


@pytest.mark.parametrize(("layout", "landscape"), [("summary", True), ("forms", False)])
def test_page_is_a4(layout: str, landscape: bool, summary_docx: Path, forms_docx: Path) -> None:
    path = summary_docx if layout == "summary" else forms_docx
    sect = part(path, "word/document.xml").find(f"{w('body')}/{w('sectPr')}")
    size = sect.find(w("pgSz"))
    width, height = int(size.get(w("w"))), int(size.get(w("h")))
    a4 = (16838, 11906) if landscape else (11906, 16838)
    assert abs(width - a4[0]) <= 2 and abs(height - a4[1]) <= 2
    assert (size.get(w("orient")) == "landscape") is landscape


@pytest.mark.parametrize(("layout", "count"), [("summary", "NUMPAGES"), ("forms", "SECTIONPAGES")])
def test_footer_has_page_and_numpages_fields(
    layout: str, count: str, summary_docx: Path, forms_docx: Path
) -> None:
    # the forms count each form's pages: a section per form (tests/io/test_forms_page_numbers.py)
    path = summary_docx if layout == "summary" else forms_docx
    (footer,) = footer_parts(path)
    instructions = [t.strip() for t in footer.xpath(".//w:instrText/text()", namespaces=NS)]
    assert instructions == ["PAGE", count]
    kinds = [f.get(w("fldCharType")) for f in footer.iter(w("fldChar"))]
    assert kinds == ["begin", "separate", "end"] * 2
    text = text_of(footer)
    assert text.startswith("第 ") and "页 共 " in text and text.endswith(" 页")


# ---------------------------------------------------------------- summary


def test_summary_table_grid_is_fixed(summary_docx: Path) -> None:
    tbl = main_table(summary_docx)
    assert tbl.find(f"{w('tblPr')}/{w('tblLayout')}").get(w("type")) == "fixed"
    grid = [int(g.get(w("w"))) for g in tbl.iter(w("gridCol"))]
    assert len(grid) == 7
    assert abs(sum(grid) - round(267 * 1440 / 25.4)) < 10  # landscape text width
    assert grid[5] + grid[6] > sum(grid) / 2, "the two text columns get most of the page"
    for cells in rows_of(tbl):
        widths = [int(tc.find(f"{w('tcPr')}/{w('tcW')}").get(w("w"))) for tc in cells]
        assert all(abs(a - b) <= 1 for a, b in zip(widths, grid, strict=True))


def test_summary_header_row_repeats_and_rows_do_not_split(summary_docx: Path) -> None:
    tbl = main_table(summary_docx)
    trs = tbl.findall(w("tr"))
    first = trs[0]
    assert first.find(f"{w('trPr')}/{w('tblHeader')}") is not None
    assert [cell_text(tc).replace("\n", "") for tc in first.findall(w("tc"))] == list(HEADER)
    assert all(tr.find(f"{w('trPr')}/{w('tblHeader')}") is None for tr in trs[1:])
    names = [cell_text(tr.findall(w("tc"))[0]) for tr in trs[3:]]
    assert len([n for n in names if not n.endswith("（续）")]) == 9
    for tr in trs:
        props = [child.tag for child in tr.find(w("trPr"))]
        assert props[0] == w("cantSplit"), "cantSplit comes first in w:trPr"


def test_summary_amounts(summary_docx: Path) -> None:
    rows = [[cell_text(tc) for tc in cells] for cells in rows_of(main_table(summary_docx))]
    assert rows[1][:5] == ["合计", "1,664.69", "1,664.69", "", ""]
    assert rows[2][:3] == ["广州市花都区口岸服务保障中心", "1,664.69", "1,664.69"]
    by_name = {r[0]: r for r in rows}
    assert by_name["车检场口岸单位经费"][1:5] == ["1,361.00", "1,361.00", "", ""]
    assert by_name["共建文明口岸活动经费"][1] == "0.50"
    tbl = main_table(summary_docx)
    amount_p = tbl.findall(w("tr"))[3].findall(w("tc"))[1].find(w("p"))
    assert amount_p.find(f"{w('pPr')}/{w('jc')}").get(w("val")) == "right"


def project_pieces(tbl: etree._Element) -> list[tuple[str, list[etree._Element]]]:
    """Each project's name and its rows: a row named ``名称（续）`` continues the one above."""
    projects: list[tuple[str, list[etree._Element]]] = []
    for cells in rows_of(tbl)[3:]:
        name = cell_text(cells[0])
        if name.endswith("（续）") and projects and projects[-1][0] == name[: -len("（续）")]:
            projects[-1][1].append(cells)
        else:
            projects.append((name, [cells]))
    return projects


def test_summary_indicators_one_per_paragraph(sample: Table, summary_docx: Path) -> None:
    pieces = project_pieces(main_table(summary_docx))
    projects = [p for _, p in sample.iter_projects()]
    names = []
    for (name, rows), project in zip(pieces, projects, strict=True):
        assert name == project.name
        paragraphs = [p for cells in rows for p in cells[6].findall(w("p"))]
        assert len(paragraphs) == len(project.indicators)
        first = text_of(paragraphs[0])
        assert first.startswith("1、1-产出指标；11-数量指标；")
        assert "；实施周期指标值:" in first and first.endswith("。")
        names.extend(ind.name for ind in project.indicators)
    assert len(names) == 49
    text = text_of(main_table(summary_docx))
    assert all(name in text for name in names)


def test_summary_indicators_in_one_run(sample: Table, tmp_path: Path) -> None:
    path = tmp_path / "one-run.docx"
    write_docx_summary(sample, path, options=WordOptions(one_per_line=False, sign_off=False))
    cells = rows_of(main_table(path))[3]
    assert len(cells[6].findall(w("p"))) == 1
    assert text_of(cells[6]).count("实施周期指标值") == 6
    assert "填报人" not in text_of(part(path, "word/document.xml"))


def test_summary_title_unit_line_and_signoff(sample: Table, tmp_path: Path) -> None:
    table = copy.deepcopy(sample)
    table.signoff = SignOff(head="张三", preparer="李四", phone="020-1234", date="2024-01-05")
    path = tmp_path / "signed.docx"
    write_docx_summary(table, path)
    body = part(path, "word/document.xml").find(w("body"))
    paragraphs = [text_of(p) for p in body.findall(w("p"))]
    assert paragraphs[0] == "项目支出绩效目标表（含转移支付项目）"
    assert paragraphs[1] == "单位名称：广州市花都区口岸服务保障中心单位：万元"
    assert "单位负责人：张三" in paragraphs[-1] and "填报日期：2024-01-05" in paragraphs[-1]


def test_a_project_taller_than_a_page_continues_named_and_unsplit(tmp_path: Path) -> None:
    many = [
        Indicator("1", "产出指标", "11", "数量指标", f"很长的指标名称第{i}项", f"{i}%", f"{i + 1}%")
        for i in range(80)
    ]
    table = Table(
        units=[Unit("单位", [Project("大项目", Funds(total=Decimal(1)), indicators=many)])]
    )
    path = tmp_path / "tall.docx"
    write_docx_summary(table, path)
    ((name, rows),) = project_pieces(main_table(path))
    assert name == "大项目" and len(rows) >= 3
    assert [cell_text(cells[0]) for cells in rows[1:]] == ["大项目（续）"] * (len(rows) - 1)
    assert [cell_text(cells[1]) for cells in rows] == ["1.00"] + [""] * (len(rows) - 1)
    for tr in main_table(path).findall(w("tr")):
        assert tr.find(f"{w('trPr')}/{w('cantSplit')}") is not None
    texts = [text_of(p) for cells in rows for p in cells[6].findall(w("p"))]
    assert [t.split("；")[2] for t in texts] == [f"很长的指标名称第{i}项" for i in range(80)]


def test_awkward_text_is_escaped(tmp_path: Path) -> None:
    project = Project('<a&b> "引号"\x0b', goal="第一行\n第二行\t制表", indicators=[])
    table = Table(title="标题 & <测试>", units=[Unit("单位", [project])])
    path = tmp_path / "odd.docx"
    write_docx_summary(table, path)
    write_docx_forms(table, tmp_path / "odd-forms.docx")
    text = text_of(part(path, "word/document.xml"))
    assert '<a&b> "引号"' in text and "标题 & <测试>" in text


def test_write_error_leaves_no_file(sample: Table, tmp_path: Path) -> None:
    with pytest.raises(WriteError):
        write_docx_summary(sample, tmp_path / "missing" / "x.docx")
    assert not (tmp_path / "missing").exists()


# ---------------------------------------------------------------- forms


def grid_rows(tbl: etree._Element) -> list[list[etree._Element]]:
    rows = rows_of(tbl)
    start = next(i for i, cells in enumerate(rows) if cell_text(cells[1]) == "一级指标")
    return rows[start + 1 :]


def vmerge(tc: etree._Element) -> str | None:
    el = tc.find(f"{w('tcPr')}/{w('vMerge')}")
    return None if el is None else (el.get(w("val")) or "continue")


def test_forms_one_table_per_project_with_page_breaks(sample: Table, forms_docx: Path) -> None:
    body = part(forms_docx, "word/document.xml").find(w("body"))
    tables = body.findall(w("tbl"))
    assert len(tables) == 9
    # each form a section of its own, so its pages are numbered from 1: 8 section breaks
    breaks = body.xpath("w:p/w:pPr/w:sectPr", namespaces=NS)
    assert len(breaks) == 8
    for sect in [*breaks, body.find(w("sectPr"))]:
        assert sect.find(w("pgNumType")).get(w("start")) == "1"
    titles = [text_of(p) for p in body.findall(w("p")) if text_of(p) == "项目支出绩效目标申报表"]
    assert len(titles) == 9
    for tbl in tables:
        assert tbl.find(f"{w('tblPr')}/{w('tblLayout')}").get(w("type")) == "fixed"
        for tr in tbl.findall(w("tr")):
            assert tr.find(f"{w('trPr')}/{w('cantSplit')}") is not None


def test_forms_merge_level_cells(sample: Table, forms_docx: Path) -> None:
    tables = part(forms_docx, "word/document.xml").find(w("body")).findall(w("tbl"))
    names = []
    for tbl, (_, project) in zip(tables, sample.iter_projects(), strict=True):
        rows = grid_rows(tbl)
        assert len(rows) == len(project.indicators)
        keys1 = [i.level1 for i in project.indicators]
        keys2 = [(i.level1, i.level2) for i in project.indicators]
        groups1 = sum(1 for i, k in enumerate(keys1) if i == 0 or keys1[i - 1] != k)
        groups2 = sum(1 for i, k in enumerate(keys2) if i == 0 or keys2[i - 1] != k)
        marks1 = [vmerge(cells[1]) for cells in rows]
        marks2 = [vmerge(cells[2]) for cells in rows]
        assert marks1.count("restart") == groups1
        assert marks1.count("continue") == len(rows) - groups1
        assert marks2.count("restart") == groups2
        assert marks2.count("continue") == len(rows) - groups2
        starts = [cell_text(cells[1]) for cells in rows if vmerge(cells[1]) == "restart"]
        assert starts[0] == "产出指标"
        assert all(cell_text(c[1]) == "" for c in rows if vmerge(c[1]) == "continue")
        names.extend(cell_text(cells[3]) for cells in rows)
        assert [cell_text(c[4]) for c in rows] == [i.period_value for i in project.indicators]
    assert len(names) == 49


def test_forms_fields_and_amounts(sample: Table, tmp_path: Path) -> None:
    table = copy.deepcopy(sample)
    _, project = next(table.iter_projects())
    project.period_funds = Funds(total=Decimal("120"), fiscal=Decimal("120"))
    project.period_goal = "三年保障口岸通关"
    project.attribute = "延续"
    project.period = "2024-2026"
    table.year = 2024
    path = tmp_path / "filled.docx"
    write_docx_forms(table, path)
    tbl = main_table(path)
    rows = [[cell_text(tc) for tc in cells] for cells in rows_of(tbl)]
    assert rows[0] == ["项目名称", "口岸车检场水电费"]
    unit = "广州市花都区口岸服务保障中心"
    # A blank 主管部门 prints blank (not the reporting unit); 实施单位 is the funding unit
    assert rows[1] == ["主管部门及代码", "", "实施单位", unit]
    assert rows[2] == ["项目属性", "延续", "项目期", "2024-2026"]
    assert rows[3] == ["项目资金（万元）", "实施期资金总额", "120.00", "年度资金总额", "40.00"]
    assert rows[4] == ["", "其中：财政拨款", "120.00", "其中：财政拨款", "40.00"]
    assert rows[5][2] == "" and rows[5][4] == ""
    assert rows[8][1:] == ["三年保障口岸通关", sample.units[0].projects[0].goal]
    text = text_of(part(path, "word/document.xml"))
    assert "（2024年度）" in text and "负责人：" in text and "填报人：" in text
    assert f"单位（盖章）：{unit}" in text


def test_forms_of_a_project_without_indicators(tmp_path: Path) -> None:
    table = Table(units=[Unit("单位", [Project("空项目")])])
    path = tmp_path / "empty.docx"
    write_docx_forms(table, path)
    rows = grid_rows(main_table(path))
    assert len(rows) == 1 and cell_text(rows[0][3]) == ""


# ---------------------------------------------------------------- size


def big_table(sample: Table, projects: int) -> Table:
    source = [p for _, p in sample.iter_projects()]
    units = []
    for u in range(projects // 100):
        unit = Unit(f"单位{u}")
        for i in range(100):
            p = copy.copy(source[(u * 100 + i) % len(source)])
            p.name = f"{p.name}{u}-{i}"
            unit.projects.append(p)
        units.append(unit)
    return Table(title=sample.title, reporting_unit="某部门", units=units)


def test_five_thousand_projects_are_all_written(sample: Table, tmp_path: Path) -> None:
    table = big_table(sample, 5000)
    write_docx_summary(table, tmp_path / "big.docx")
    # the pieces after heading, 合计 and the first unit: 49 more units and 5,000 projects
    assert len(project_pieces(main_table(tmp_path / "big.docx"))) == 49 + 5000


# ---------------------------------------------------------------- LibreOffice


@pytest.mark.parametrize("layout", ["summary", "forms"])
def test_libreoffice_renders_both_layouts(
    layout: str, sample: Table, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    document = request.getfixturevalue(f"{layout}_docx")
    check_printed_sample(document, sample, layout, tmp_path, per_form_numbers=layout == "forms")


# ---------------------------------------------------------------- long blocks and sign-off


def sixty_indicator_table() -> Table:
    """One project with 60 indicators: a 38-row 产出 block taller than a page."""
    levels = (
        [("1", "产出指标", "11", "数量指标")] * 22
        + [("1", "产出指标", "12", "质量指标")] * 10
        + [("1", "产出指标", "13", "时效指标")] * 6
        + [("2", "效益指标", "22", "社会效益指标")] * 14
        + [("3", "满意度指标", "31", "服务对象满意度指标")] * 8
    )
    indicators = [
        Indicator(*codes, f"第{i}项指标名称较长一些的说明", "≥95%", "≥98%")
        for i, codes in enumerate(levels, start=1)
    ]
    project = Project("六十个指标的大项目", Funds(Decimal(100), Decimal(100)), "目标。", indicators)
    return Table(reporting_unit="某局", units=[Unit("某中心", [project])])


def test_forms_long_block_continues_with_labels(tmp_path: Path) -> None:
    table = sixty_indicator_table()
    path = tmp_path / "sixty.docx"
    write_docx_forms(table, path)
    tbl = main_table(path)
    rows = rows_of(tbl)
    headers = [i for i, cells in enumerate(rows) if cell_text(cells[1]) == "一级指标"]
    assert len(headers) >= 3, "the grid header is repeated where a piece starts a page"
    restarts = [cell_text(c[1]) for c in rows if vmerge(c[1]) == "restart"]
    restarts = [t.replace("\n", "") for t in restarts if t != "一级指标"]
    assert restarts[0] == "产出指标" and "产出指标（续）" in restarts
    assert {"效益指标", "满意度指标"} <= set(restarts)
    assert "效益指标（续）" not in restarts, "a block that fits a page is kept whole"
    # every indicator row still there, in order, none lost to the repeated headers
    names = [cell_text(c[3]) for c in rows[headers[0] + 1 :] if cell_text(c[1]) != "一级指标"]
    assert names == [ind.name for ind in table.units[0].projects[0].indicators]
    # rows of a piece are kept with the next row; the last row of a piece is not
    trs = tbl.findall(w("tr"))
    continued = [i for i, c in enumerate(rows) if "（续）" in cell_text(c[1])]
    before = trs[continued[0] - 2]  # the row above the repeated header
    assert not before.xpath(".//w:keepNext", namespaces=NS)
    assert trs[continued[0]].xpath(".//w:keepNext", namespaces=NS)


def test_forms_long_block_reads_back_as_one_class(tmp_path: Path) -> None:
    from bpeditor.io.docx_reader import read_docx

    table = sixty_indicator_table()
    path = tmp_path / "sixty.docx"
    write_docx_forms(table, path)
    result = read_docx(path)
    assert result.warnings == []
    assert result.table.units[0].projects[0].indicators == table.units[0].projects[0].indicators


def test_forms_long_label_breaks_at_a_word(forms_docx: Path, tmp_path: Path) -> None:
    tables = part(forms_docx, "word/document.xml").find(w("body")).findall(w("tbl"))
    labels = {cell_text(c[2]) for tbl in tables for c in grid_rows(tbl)}
    assert "服务对象满意度" in labels  # fits its column: not broken
    path = tmp_path / "sixty.docx"
    write_docx_forms(sixty_indicator_table(), path)
    labels = {cell_text(c[2]) for c in grid_rows(main_table(path))}
    assert "服务对象\n满意度指标" in labels  # too long: broken before 满意度, not mid-word


def test_summary_signoff_only_when_filled_or_asked(sample: Table, tmp_path: Path) -> None:
    plain = tmp_path / "plain.docx"
    write_docx_summary(sample, plain)
    assert "填报人" not in text_of(part(plain, "word/document.xml"))
    asked = tmp_path / "asked.docx"
    write_docx_summary(sample, asked, options=WordOptions(sign_off=True))
    assert "单位负责人：" in text_of(part(asked, "word/document.xml"))
    signed = copy.deepcopy(sample)
    signed.signoff = SignOff(phone="020-1234")
    refused = tmp_path / "refused.docx"
    write_docx_summary(signed, refused, options=WordOptions(sign_off=False))
    assert "联系电话" not in text_of(part(refused, "word/document.xml"))


def test_forms_print_a_blank_signoff_unless_refused(sample: Table, tmp_path: Path) -> None:
    path = tmp_path / "blank.docx"
    write_docx_forms(sample, path)
    text = text_of(part(path, "word/document.xml"))
    assert text.count("填报人：") == 9
    assert text.count("单位（盖章）：") == 9
    none = tmp_path / "none.docx"
    write_docx_forms(sample, none, options=WordOptions(sign_off=False))
    assert "填报人" not in text_of(part(none, "word/document.xml"))


def test_summary_widths_favour_the_indicators(sample: Table) -> None:
    from bpeditor.io.docx_summary import column_widths

    widths = column_widths(sample, WordOptions())
    assert abs(sum(widths) - 267) < 0.5
    assert 36 <= widths[5] <= 66 and widths[6] > 2 * widths[5]
    assert widths[3] < widths[1], "an all-blank amount column only fits its heading"


def two_unit_table(sample: Table) -> Table:
    """A department's table: the sample's unit and a second unit with four of its projects."""
    table = copy.deepcopy(sample)
    table.reporting_unit = "广州市花都区商务局"
    second = copy.deepcopy(sample.units[0])
    second.name = "广州市花都区商务局（本级）"
    second.projects = second.projects[:4]
    table.units.append(second)
    return table


def test_department_with_two_units(sample: Table, tmp_path: Path) -> None:
    from bpeditor.io.docx_reader import read_docx

    table = two_unit_table(sample)
    path = tmp_path / "dept.docx"
    write_docx_summary(table, path)
    rows = [[cell_text(tc) for tc in cells] for cells in rows_of(main_table(path))]
    assert rows[1][:2] == ["合计", "1,842.08"]
    unit_rows = [r for r in rows if r[0].startswith("广州市花都区") and not r[5]]
    assert [r[0] for r in unit_rows] == [u.name for u in table.units]
    assert read_docx(path).table == table
