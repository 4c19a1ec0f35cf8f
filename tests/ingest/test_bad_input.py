"""Bad input never raises out of ingest(): it becomes a failed document with a Danish reason."""

from __future__ import annotations

import os

import pytest

from aktindsigt.demo import writers
from aktindsigt.ingest import IngestOptions, ingest


def _failed(path, options=None, reason=None):
    with ingest(path, options) as res:
        doc = res.document
        assert doc.failed
        assert doc.rendition is None and doc.pages == [] and doc.text == ""
        assert doc.failure_detail
        if reason is not None:
            assert doc.failure_reason == reason
        # no half-written renditions left behind in the work folder
        assert not [p for p in res.workdir.rglob("*") if p.is_file()]
        return doc


def test_encrypted_pdf(tmp_path):
    _failed(writers.write_encrypted_pdf(tmp_path / "hemmelig.pdf"),
            reason="PDF-filen er krypteret og kan ikke åbnes uden adgangskode")


@pytest.mark.parametrize("kind,suffix", [("pdf", ".pdf"), ("docx", ".docx"), ("png", ".png"), ("jpg", ".jpg"),
                                         ("msg", ".msg")])
def test_corrupt_file(tmp_path, kind, suffix):
    _failed(writers.write_corrupt(tmp_path / f"ødelagt{suffix}", kind),
            reason="Filen er beskadiget og kan ikke læses")


def test_zero_bytes(tmp_path):
    _failed(writers.write_zero_bytes(tmp_path / "tom.pdf"), reason="Filen er tom (0 byte)")


def test_unsupported_type(tmp_path):
    path = tmp_path / "data.xyz"
    path.write_bytes(b"\x00\x01noget\x02\x00" * 50)  # binary: no reader knows it (text is read as text)
    _failed(path, reason="Filtypen .xyz understøttes ikke")


def test_password_protected_docx(tmp_path):
    _failed(writers.write_protected_office(tmp_path / "beskyttet.docx"),
            reason="Word-filen er beskyttet med adgangskode")


def test_docx_zip_bomb(tmp_path):
    _failed(writers.write_zip_bomb_docx(tmp_path / "bombe.docx"),
            reason="Word-filen er mistænkeligt stor, når den pakkes ud, og er afvist af sikkerhedshensyn")


def test_pdf_over_page_limit(tmp_path):
    _failed(writers.write_many_pages_pdf(tmp_path / "kæmpe.pdf", 5000),
            reason="PDF-filen har 5000 sider; grænsen er 3000")


def test_pdf_page_limit_from_options(tmp_path):
    _failed(writers.write_many_pages_pdf(tmp_path / "fem.pdf", 5), IngestOptions(max_pages=3),
            reason="PDF-filen har 5 sider; grænsen er 3")


def test_image_over_pixel_limit(tmp_path):
    doc = _failed(writers.write_large_image(tmp_path / "stort.png", 10_000, 9_000))
    assert doc.failure_reason == "Billedet er for stort (90 megapixel); grænsen er 80 megapixel"


def test_missing_file(tmp_path):
    _failed(tmp_path / "findes-ikke.pdf", reason="Filen kan ikke findes eller læses")


def test_pdf_without_suffix_is_sniffed(tmp_path):
    src = writers.write_text_pdf(tmp_path / "a.pdf", "Titel", ["Indhold"])
    plain = tmp_path / "uden-endelse"
    os.replace(src, plain)
    with ingest(plain) as res:
        assert not res.document.failed
        assert res.document.format == "pdf"


def test_unexpected_exception_becomes_failed_document(tmp_path, monkeypatch):
    from aktindsigt.ingest import pdf

    def boom(*a, **k):
        raise RuntimeError("boom")

    monkeypatch.setattr(pdf, "process_pdf", boom)
    _failed(writers.write_text_pdf(tmp_path / "a.pdf", "Titel", ["Indhold"]),
            reason="Filen er beskadiget og kan ikke læses")


def test_garbage_email(tmp_path):
    path = tmp_path / "rod.eml"
    path.write_bytes(bytes(range(256)) * 4)
    with ingest(path) as res:  # must not raise; either a (nearly empty) mail or a failed document
        assert res.document.failed or res.document.rendition is not None


def test_password_protected_doc(tmp_path):
    _failed(writers.write_protected_office(tmp_path / "beskyttet.doc"),
            reason="Word-filen er beskyttet med adgangskode")


def test_truncated_pdf_never_raises(tmp_path):
    src = writers.write_multipage_text_pdf(tmp_path / "hel.pdf", 5, lines_per_page=3)
    data = src.read_bytes()
    cut = tmp_path / "afbrudt.pdf"
    cut.write_bytes(data[: int(len(data) * 0.7)])
    with ingest(cut) as res:
        doc = res.document
        if not doc.failed:  # MuPDF repaired what it could: the rendition is a clean, re-saved file
            assert doc.rendition.read_bytes() != cut.read_bytes()
            assert doc.pages
        else:
            assert doc.failure_reason


def test_truncated_jpeg(tmp_path):
    img = writers.write_image(tmp_path / "hel.jpg", ["Tekst"], fmt="JPEG")
    cut = tmp_path / "afbrudt.jpg"
    cut.write_bytes(img.read_bytes()[:2000])
    with ingest(cut) as res:
        assert res.document.failed
        assert res.document.failure_reason == "Filen er beskadiget og kan ikke læses"
