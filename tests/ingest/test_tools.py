from __future__ import annotations

from aktindsigt.ingest import tools


def test_statuses_have_danish_consequences():
    for status in tools.tool_statuses():
        assert isinstance(status.available, bool)
        assert status.detail
        assert status.consequence.startswith("Uden ")
    assert tools.tesseract_status().consequence.startswith("Uden Tesseract kan scannede sider ikke læses")


def test_parse_tsv_groups_lines():
    tsv = (
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
        "5\t1\t1\t1\t1\t1\t10\t10\t50\t20\t96.0\tHej\n"
        "5\t1\t1\t1\t1\t2\t70\t10\t60\t20\t95.0\tverden\n"
        "5\t1\t1\t1\t2\t1\t10\t40\t50\t20\t90.0\tNy\n"
        "5\t1\t1\t1\t2\t2\t70\t40\t50\t20\t-1\t \n"
    )
    lines = tools.parse_tsv(tsv)
    assert [[w.text for w in line] for line in lines] == [["Hej", "verden"], ["Ny"]]
    assert lines[0][1].x1 == 130


def test_missing_tool_raises_tool_error(tmp_path, no_tesseract, no_libreoffice):
    import pytest

    with pytest.raises(tools.ToolError):
        tools.ocr_image(tmp_path / "x.png")
    with pytest.raises(tools.ToolError):
        tools.convert_to_pdf(tmp_path / "x.docx", tmp_path)
