"""Spreadsheets and presentations through LibreOffice, with what the view does not show reported;
RTF; one LibreOffice kept running for a whole import."""

from __future__ import annotations

import zipfile

import pytest

from aktindsigt.ingest import ingest, tools
from aktindsigt.ingest.docx import presentation_warnings, spreadsheet_warnings
from aktindsigt.ingest.registry import end_of_import

from .conftest import check_offsets, needs_libreoffice
from .corpus import corpus


def test_xlsx_hidden_sheet_rows_columns_and_comment_are_reported(tmp_path):
    corpus.make_xlsx(tmp_path)
    with zipfile.ZipFile(tmp_path / "oversigt.xlsx") as zf:
        warnings = spreadsheet_warnings(zf, ods=False)
    assert warnings[0].startswith("Regnearket har 1 skjult ark (Interne noter). Det vises ikke her")
    assert "1 skjult række og 1 skjult kolonne" in warnings[1]
    assert warnings[2].startswith("Regnearket har 1 kommentar til celler")


def test_pptx_speaker_notes_are_reported(tmp_path):
    corpus.make_pptx(tmp_path)
    with zipfile.ZipFile(tmp_path / "praesentation.pptx") as zf:
        assert presentation_warnings(zf, odp=False) == [
            "Præsentationen har talernoter på 1 dias. Noterne vises ikke her, men findes i filen og kan "
            "indeholde oplysninger, der ikke må udleveres."]


@needs_libreoffice
def test_spreadsheet_and_presentation_are_rendered(tmp_path):
    corpus.make_xlsx(tmp_path)
    corpus.make_pptx(tmp_path)
    try:
        with ingest(tmp_path / "oversigt.xlsx") as res:
            doc = res.document
            assert not doc.failed, doc.failure_detail
            check_offsets(doc)
            assert doc.format == "xlsx" and "Mette Hansen" in doc.text
            assert any("skjult ark" in w for w in doc.warnings)
        with ingest(tmp_path / "praesentation.pptx") as res:
            doc = res.document
            assert not doc.failed, doc.failure_detail
            assert "Status på byggesagen" in doc.text
            assert any("talernoter" in w for w in doc.warnings)
    finally:
        end_of_import()


@needs_libreoffice
def test_ods_hidden_content_reported(tmp_path):
    corpus.make_xlsx(tmp_path)
    import subprocess

    status = tools.libreoffice_status()
    subprocess.run([status.path, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", "ods", "--outdir", str(tmp_path), str(tmp_path / "oversigt.xlsx")],
                   capture_output=True, timeout=180, check=True)
    with zipfile.ZipFile(tmp_path / "oversigt.ods") as zf:
        warnings = spreadsheet_warnings(zf, ods=True)
    assert any("1 skjult ark (Interne noter)" in w for w in warnings), warnings
    assert any("skjult række" in w for w in warnings) and any("kommentar" in w for w in warnings)


@needs_libreoffice
def test_rtf_is_rendered(tmp_path):
    corpus.make_rtf(tmp_path)
    try:
        with ingest(tmp_path / "brev.rtf") as res:
            assert "Kære Søren" in res.document.text
    finally:
        end_of_import()


@needs_libreoffice
@pytest.mark.skipif(not tools.uno_python(), reason="no Python with LibreOffice's uno module")
def test_one_libreoffice_serves_the_whole_import(tmp_path):
    docs = corpus.make_docx_files(tmp_path, n=3)
    try:
        pids = set()
        for exp in docs:
            with ingest(tmp_path / exp.names[0]) as res:
                assert not res.document.failed and "partshøring" in res.document.text
            assert tools._SERVER is not None and tools._SERVER.alive()
            pids.add(tools._SERVER.proc.pid)
        assert len(pids) == 1
    finally:
        end_of_import()
    assert tools._SERVER is None
