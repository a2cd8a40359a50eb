"""A 5,000-project table imports and round-trips whole (its speed is measured in bench/)."""

from __future__ import annotations

from bpeditor.io.text import format_summary_text, parse_summary_text
from bpeditor.io.text_decode import decode_text


def test_five_thousand_projects_import_whole(sample_text: str) -> None:
    lines = sample_text.splitlines()
    body = [line for line in lines[11:] if line.strip()]
    rows = lines[:10] + [lines[10]] + [body[i % len(body)] for i in range(5000)]
    data = "\n".join(rows).encode("gb18030")
    result = parse_summary_text(decode_text(data, "big.txt").text)
    assert result.table.project_count() == 5000
    assert result.table.indicator_count() == 5000 // 9 * 49 + 6 + 6 + 6 + 4 + 8
    again = parse_summary_text(format_summary_text(result.table, one_per_line=True))
    assert again.table == result.table
