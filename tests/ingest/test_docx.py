from __future__ import annotations

import pymupdf

from aktindsigt.demo import writers
from aktindsigt.ingest import ingest

from .conftest import check_offsets, contains, needs_libreoffice, phrase_rect

PARAS = ["Sagsbehandler Lone Kjær har talt med borgeren Ahmed Yilmaz, Nørrebrogade 44, 2200 København N.",
         "Borgerens telefonnummer er 22 33 44 55."]


@needs_libreoffice
def test_docx_via_libreoffice(tmp_path):
    path = writers.write_docx(tmp_path / "notat.docx", "Notat om samtale", PARAS,
                              table=[["Navn", "Rolle"], ["Ahmed Yilmaz", "Borger"]])
    with ingest(path) as res:
        doc = res.document
        check_offsets(doc)
        assert doc.format == "docx"
        assert doc.title == "Notat om samtale"
        assert doc.doc_date is not None
        assert not doc.approximate
        assert not doc.warnings
        assert "Nørrebrogade 44, 2200 København N." in doc.text
        page_no, rect = phrase_rect(doc, "22 33 44 55.")
        with pymupdf.open(doc.rendition) as pdf:
            assert any(contains(rect, h) for h in pdf[page_no - 1].search_for("22 33 44 55"))


def test_docx_leak_risks_are_warned(tmp_path, no_libreoffice):
    path = writers.write_docx(tmp_path / "risiko.docx", "Notat", PARAS, tracked_change=True, comment=True,
                              hidden_text=True)
    with ingest(path) as res:
        doc = res.document
        assert not doc.failed
        text = " ".join(doc.warnings)
        assert "registrerede ændringer" in text
        assert "kommentarer" in text
        assert "skjult tekst" in text


def test_clean_docx_has_no_leak_warnings(tmp_path, no_libreoffice):
    path = writers.write_docx(tmp_path / "ren.docx", "Notat", PARAS)
    with ingest(path) as res:
        assert not any("registrerede" in w or "skjult" in w or "kommentar" in w for w in res.document.warnings)


def test_docx_without_libreoffice_is_plain_and_approximate(tmp_path, no_libreoffice):
    path = writers.write_docx(tmp_path / "notat.docx", "Notat om samtale", PARAS,
                              table=[["Navn", "Rolle"], ["Ahmed Yilmaz", "Borger"]])
    with ingest(path) as res:
        doc = res.document
        check_offsets(doc)
        assert doc.approximate
        assert any("LibreOffice er ikke installeret" in w for w in doc.warnings)
        assert "Nørrebrogade 44, 2200 København N." in doc.text
        assert "Ahmed Yilmaz" in doc.text and "Borger" in doc.text
        assert doc.title == "Notat om samtale"


def test_rtf_without_libreoffice_is_plain_text(tmp_path, no_libreoffice):
    path = tmp_path / "brev.rtf"
    path.write_bytes(rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}\f0 K\'e6re S\'f8ren Hansen\par Du bor p\'e5 Fjordvej 3.\par}")
    with ingest(path) as res:
        doc = res.document
        check_offsets(doc)
        assert doc.approximate
        assert "Kære Søren Hansen\nDu bor på Fjordvej 3.\n" in doc.text
