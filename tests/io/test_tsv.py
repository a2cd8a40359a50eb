"""Tab-separated records with Excel-style quoted cells."""

from __future__ import annotations

from bpeditor.io.tsv import Record, quote_cell, read_records, write_records


def cells(text: str) -> list[list[str]]:
    return [r.cells for r in read_records(text)]


def test_plain_rows_and_line_numbers() -> None:
    records = list(read_records("a\tb\r\n\r\nc\td\n"))
    assert [(r.line, r.cells) for r in records] == [(1, ["a", "b"]), (2, [""]), (3, ["c", "d"])]
    assert records[1].is_blank()


def test_quoted_cells_with_breaks_tabs_and_quotes() -> None:
    text = 'a\t"x\ny\t""z"""\tb\r\nnext\n'
    records = list(read_records(text))
    assert records == [Record(1, ["a", 'x\ny\t"z"', "b"]), Record(3, ["next"])]


def test_quote_inside_a_plain_cell_is_text() -> None:
    assert cells('"智慧"口岸\t说"是"\tc\n') == [['"智慧"口岸', '说"是"', "c"]]


def test_stray_opening_quote_before_whole_rows_is_text() -> None:
    records = list(read_records('"放管服\t1\nb\t2\n'))
    assert [(r.line, r.cells, r.unterminated) for r in records] == [
        (1, ['"放管服', "1"], False),
        (2, ["b", "2"], False),
    ]


def test_unterminated_quote_runs_to_the_end() -> None:
    records = list(read_records('a\t"1、x\n2、y\n3、'))
    assert records == [Record(1, ["a", "1、x\n2、y\n3、"], True)]


def test_unterminated_quote_on_the_last_line() -> None:
    assert list(read_records('a\tb\nc\t"d')) == [Record(1, ["a", "b"]), Record(2, ["c", "d"], True)]


def test_write_and_read_back() -> None:
    rows = [["a", "b\nc", '"q"', "t\tu", ""], ["x"], []]
    text = write_records(rows)
    assert text.endswith("\r\n")
    assert cells(text) == [["a", "b\nc", '"q"', "t\tu", ""], ["x"], [""]]
    assert quote_cell("plain") == "plain"
    assert quote_cell('a"b') == 'a"b'
    assert quote_cell('"a') == '"""a"'


def test_many_cells_starting_with_a_quote_read_whole() -> None:
    row = '"智慧"口岸建设\t10.00\t' + "长文本" * 200 + "\n"
    records = list(read_records(row * 20000))
    assert len(records) == 20000
    assert records[-1].cells[0] == '"智慧"口岸建设'


def test_rows_without_tabs_but_with_quotes_read_whole() -> None:
    records = list(read_records('说"明"文字\n' * 50000))
    assert len(records) == 50000
