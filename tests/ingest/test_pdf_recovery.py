"""Damaged PDFs recovered (qpdf, a rebuilt cross-reference table), real password needs told apart
from damaged encryption, a page whose extraction fails costs that page only, text layers that
cannot be trusted replaced by OCR, and pages with ink but no words OCR'd."""

from __future__ import annotations

import pymupdf
import pytest

from aktindsigt.ingest import IngestOptions, ingest
from aktindsigt.ingest import layout as layout_mod
from aktindsigt.ingest.pdf import BLANK_AFTER_REPAIR, ENCRYPTED, TEXT_LAYER_REPLACED, WRONG_PASSWORD
from aktindsigt.ingest.registry import CORRUPT
from aktindsigt.ingest.textlayer import score_words

from .conftest import check_offsets, needs_tesseract
from .corpus import corpus


def test_wrong_encrypt_length_needs_no_password_and_is_read(tmp_path):
    corpus.make_wrong_encrypt_length(tmp_path)
    with pytest.raises(Exception):  # noqa: B017 - PyMuPDF alone refuses it
        pymupdf.open(tmp_path / "forkert-krypteringslaengde.pdf")
    with ingest(tmp_path / "forkert-krypteringslaengde.pdf") as res:
        doc = res.document
        assert not doc.failed, doc.failure_reason
        check_offsets(doc)
        assert len(doc.pages) == 2 and "Mette Hansen har sendt bemærkninger" in doc.text
        assert any("repareret" in w for w in doc.warnings)
        with pymupdf.open(doc.rendition) as out:
            assert not out.needs_pass and out.page_count == 2


def test_trailer_pointing_nowhere_is_rebuilt(tmp_path):
    corpus.make_bad_root(tmp_path)
    with ingest(tmp_path / "oedelagt-xref.pdf") as res:
        assert not res.document.failed, res.document.failure_reason
        assert "partshøring af naboerne" in res.document.text


def test_password_is_told_apart_and_can_be_given(tmp_path):
    corpus.make_encrypted_pdf(tmp_path)
    path = tmp_path / "adgangskode.pdf"
    with ingest(path) as res:
        assert res.document.failed and res.document.failure_reason == ENCRYPTED
    with ingest(path, IngestOptions(passwords=("forkert",))) as res:
        assert res.document.failure_reason == WRONG_PASSWORD
    with ingest(path, IngestOptions(passwords=("forkert", "hemmelig"))) as res:
        assert not res.document.failed and "Kommunen har modtaget" in res.document.text
        with pymupdf.open(res.document.rendition) as out:
            assert not out.needs_pass


def test_garbage_is_damaged_not_without_pages(tmp_path):
    (tmp_path / "skrald.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    with ingest(tmp_path / "skrald.pdf") as res:
        assert res.document.failed and res.document.failure_reason == CORRUPT


def test_truncated_pdf_repaired_to_blank_pages_is_not_ready(tmp_path):
    corpus.make_truncated(tmp_path)
    with ingest(tmp_path / "afkortet.pdf") as res:
        doc = res.document
        assert not doc.failed
        assert any("side 3-4 er tomme efter reparationen" in w for w in doc.warnings), doc.warnings
    one = pymupdf.open()
    one.new_page().insert_text((72, 72), "Kun en side " * 20, fontsize=11)
    data = one.tobytes()
    (tmp_path / "halv.pdf").write_bytes(data[: len(data) // 2])
    with ingest(tmp_path / "halv.pdf") as res:
        assert res.document.failed and res.document.failure_reason == BLANK_AFTER_REPAIR


def test_a_page_whose_extraction_raises_costs_that_page_only(tmp_path, monkeypatch, no_tesseract):
    pdf = pymupdf.open()
    for i in range(3):
        pdf.new_page().insert_text((72, 72), f"Side {i + 1} om sagen.", fontsize=12)
    pdf.save(tmp_path / "tre.pdf")
    real = layout_mod.pdf_page_lines

    def flaky(page):
        if page.number == 1:
            raise RuntimeError("code=2: cannot parse content stream")
        return real(page)

    monkeypatch.setattr("aktindsigt.ingest.pdf.pdf_page_lines", flaky)
    with ingest(tmp_path / "tre.pdf") as res:
        doc = res.document
        assert not doc.failed
        check_offsets(doc)
        assert len(doc.pages) == 3 and doc.pages[1].words == []
        assert "Side 1 om sagen." in doc.text and "Side 3 om sagen." in doc.text
        assert any("side 2 kunne ikke udtrækkes" in w for w in doc.warnings), doc.warnings


@pytest.mark.parametrize("ocr", [True, False])
def test_a_page_mupdf_cannot_interpret_costs_that_page_only(tmp_path, ocr):
    """A real file, no monkeypatch: page 2 opens more graphics states than MuPDF nests, so both its text
    extraction and its rendering for OCR raise (FzErrorLimit, which is no RuntimeError: it failed the
    whole document as "beskadiget")."""
    path = corpus.uninterpretable_pdf(tmp_path / "side-der-fejler.pdf")
    with ingest(path, IngestOptions(ocr=ocr)) as res:
        doc = res.document
        assert not doc.failed, doc.failure_reason
        check_offsets(doc)
        assert len(doc.pages) == 2 and doc.pages[1].words == []
        assert "Side 1: Borgeren Karen Bødker" in doc.text
        assert "Teksten på side 2 kunne ikke udtrækkes fra PDF-filen. Gennemgå siderne manuelt." in doc.warnings


@needs_tesseract
def test_a_page_whose_extraction_raises_is_ocrd(tmp_path, monkeypatch):
    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 90), "Byggetilladelse til carport", fontsize=20)
    pdf.save(tmp_path / "en.pdf")

    def broken(page):
        raise RuntimeError("cannot parse")

    monkeypatch.setattr("aktindsigt.ingest.pdf.pdf_page_lines", broken)
    with ingest(tmp_path / "en.pdf") as res:
        doc = res.document
        assert doc.pages[0].ocr and "Byggetilladelse" in doc.text
        assert any("læst med OCR" in w for w in doc.warnings)


@needs_tesseract
@pytest.mark.parametrize("maker", ["make_byte_swapped", "make_letter_spaced", "make_split_words"])
def test_untrustworthy_text_layer_is_replaced_by_ocr(tmp_path, maker):
    expect = getattr(corpus, maker)(tmp_path)
    with pymupdf.open(tmp_path / expect.names[0]) as src:  # the layer really is broken
        layer = src[0].get_text("words")
        assert score_words([w[4] for w in layer]).suspicious()
    with ingest(tmp_path / expect.names[0]) as res:
        doc = res.document
        assert not doc.failed
        check_offsets(doc)
        assert doc.pages[0].ocr
        assert any(w.startswith(TEXT_LAYER_REPLACED) for w in doc.warnings), doc.warnings
        words = doc.text.split()
        assert "Mette" in words and "Hansen" in words and "ejendommen." in words


def test_annotation_only_page_has_its_words(tmp_path):
    corpus.make_annotation_page(tmp_path)
    with ingest(tmp_path / "kun-annotationer.pdf") as res:
        doc = res.document
        assert "Sagsbehandler: Mette Hansen" in doc.text and "Journalnr." in doc.text
        assert any("kommentarer eller noter" in w for w in doc.warnings)


@needs_tesseract
def test_page_with_ink_but_no_words_is_ocrd(tmp_path):
    """Text drawn as vector paths (a Type 3 font without a text mapping, outlined text): ink, no words."""
    src = pymupdf.open()
    p = src.new_page()
    p.insert_text((72, 120), "Partshøring af naboen", fontsize=28)
    svg = p.get_svg_image(text_as_path=True)
    out = pymupdf.open()
    q = out.new_page()
    q.show_pdf_page(q.rect, pymupdf.open("pdf", pymupdf.open("svg", svg.encode()).convert_to_pdf()), 0)
    out.save(tmp_path / "vektor.pdf")
    with pymupdf.open(tmp_path / "vektor.pdf") as check:
        assert check[0].get_text().strip() == ""
    with ingest(tmp_path / "vektor.pdf") as res:
        doc = res.document
        assert doc.pages[0].ocr and "naboen" in doc.text


def test_good_layers_are_kept(tmp_path):
    corpus.make_good_pdf(tmp_path)
    with ingest(tmp_path / "afgoerelse.pdf") as res:
        doc = res.document
        assert not any(p.ocr for p in doc.pages)
        assert not any(TEXT_LAYER_REPLACED in w for w in doc.warnings)
        assert res.document.rendition.read_bytes() == (tmp_path / "afgoerelse.pdf").read_bytes()


def test_garbled_layer_without_ocr_is_warned(tmp_path, no_tesseract):
    corpus.make_byte_swapped(tmp_path)
    with ingest(tmp_path / "byteombyttet.pdf") as res:
        assert any("kan ikke læses korrekt" in w and "OCR er ikke installeret" in w for w in res.document.warnings)
