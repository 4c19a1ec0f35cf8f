"""External tools that hang or fail: the import still finishes, with a warning."""

from __future__ import annotations

import stat
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from aktindsigt.demo import writers
from aktindsigt.ingest import IngestOptions, ingest, tools

from .conftest import needs_libreoffice


def _script(path, body: str):
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


@pytest.fixture
def hanging_soffice(tmp_path, monkeypatch):
    exe = _script(tmp_path / "soffice", "sleep 30")
    status = tools.ToolStatus("LibreOffice", True, exe, tools.LIBREOFFICE_CONSEQUENCE, exe)
    monkeypatch.setattr(tools, "libreoffice_status", lambda: status)


@pytest.fixture
def failing_tesseract(tmp_path, monkeypatch):
    exe = _script(tmp_path / "tesseract", "echo 'Error: boom' >&2; exit 1")
    status = tools.ToolStatus("Tesseract", True, exe, tools.TESSERACT_CONSEQUENCE, exe, ("dan",))
    monkeypatch.setattr(tools, "tesseract_status", lambda language="dan": status)


def test_hanging_libreoffice_times_out_and_falls_back(tmp_path, hanging_soffice):
    path = writers.write_docx(tmp_path / "notat.docx", "Notat", ["Tekst om Jens Hansen."])
    t0 = time.monotonic()
    with ingest(path, IngestOptions(convert_timeout=1.5)) as res:
        doc = res.document
        assert not doc.failed
        assert doc.approximate
        assert "Tekst om Jens Hansen." in doc.text
        assert any("LibreOffice kunne ikke konvertere" in w for w in doc.warnings)
    assert time.monotonic() - t0 < 15


def test_failing_tesseract_gives_warning_not_failure(tmp_path, failing_tesseract):
    path = writers.write_scanned_pdf(tmp_path / "scan.pdf", ["Journalnotat om borgeren"])
    with ingest(path) as res:
        doc = res.document
        assert not doc.failed
        assert doc.pages and not doc.pages[0].words
        assert any("OCR mislykkedes på side 1" in w for w in doc.warnings)


@needs_libreoffice
def test_concurrent_libreoffice_conversions_do_not_clash(tmp_path):
    """Each conversion has its own LibreOffice profile, so two at once both succeed."""
    import pymupdf

    paths = [writers.write_docx(tmp_path / f"notat{i}.docx", f"Notat {i}", [f"Afsnit nummer {i} om Lis Holm."])
             for i in range(2)]
    with ThreadPoolExecutor(2) as pool:
        pdfs = list(pool.map(lambda ip: tools.convert_to_pdf(ip[1], tmp_path / f"out{ip[0]}"), enumerate(paths)))
    for i, pdf_path in enumerate(pdfs):
        with pymupdf.open(pdf_path) as pdf:
            assert f"Afsnit nummer {i} om Lis Holm." in pdf[0].get_text()


@needs_libreoffice
def test_a_file_that_brings_the_uno_server_down_is_converted_by_a_libreoffice_of_its_own(tmp_path, monkeypatch):
    """LibreOffice over UNO died twice on one demo DOCX (DisposedException) while ``soffice --convert-to``
    converts it: the file keeps its layout instead of becoming plain text."""
    import pymupdf

    if not tools.uno_python():
        pytest.skip("no Python with LibreOffice's uno module here")

    def dies(self, source, target, timeout):
        raise tools.OfficeDied("LibreOffice stopped: com.sun.star.lang.DisposedException")

    monkeypatch.setattr(tools.OfficeServer, "convert", dies)
    path = writers.write_docx(tmp_path / "udtalelse.docx", "Udtalelse", ["Afsnit om Lis Holm."])
    pdf_path = tools.convert_to_pdf(path, tmp_path / "out")
    with pymupdf.open(pdf_path) as pdf:
        assert "Afsnit om Lis Holm." in pdf[0].get_text()
    with ingest(path) as res:
        assert not res.document.failed
        assert not any("ren tekst" in w for w in res.document.warnings), res.document.warnings
        assert "Lis Holm" in res.document.text
