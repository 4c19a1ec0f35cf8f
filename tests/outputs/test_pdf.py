"""Real PDF rendering through LibreOffice, and the plain message when it is missing."""

from __future__ import annotations

import shutil

import pytest

from tests.outputs.conftest import SECRETS


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_letter_pdf_renders_without_redacted_text(svc, ready_case, tmp_path):
    import pymupdf

    case, _ = ready_case
    files = svc.render_letter(case.id, tmp_path)
    assert files.pdf is not None and files.messages == []
    doc = pymupdf.open(files.pdf)
    text = " ".join("".join(p.get_text() for p in doc).split())
    assert "Afgørelse om aktindsigt" in text and "Klagevejledning" in text
    assert "klagefrist" not in text.lower()
    for secret in SECRETS:
        assert secret not in text
    doc[0].get_pixmap(dpi=50).save(tmp_path / "letter.png")


@pytest.fixture
def no_libreoffice(tmp_path, monkeypatch):
    from aktindsigt.ingest.tools import libreoffice_status

    monkeypatch.setenv("AKTINDSIGT_SOFFICE", str(tmp_path / "no-such-soffice"))
    libreoffice_status.cache_clear()
    yield
    libreoffice_status.cache_clear()


def test_missing_libreoffice_keeps_the_docx_and_says_so(svc, ready_case, tmp_path, no_libreoffice):
    case, _ = ready_case
    files = svc.render_journalnotat(case.id, tmp_path)
    assert files.docx is not None and files.docx.exists()
    assert files.pdf is None
    assert files.messages and "PDF-filen kunne ikke dannes" in files.messages[0]
