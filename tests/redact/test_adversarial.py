"""``aktindsigt redact`` on a PDF that hides the term everywhere §8 of the domain guide lists."""

from __future__ import annotations

import json
import re

import pymupdf
import pytest
from typer.testing import CliRunner

from aktindsigt.cli import app
from aktindsigt.redact.ocr import ocr_text, tesseract_status
from tests.redact.adversarial import CPR, SURVIVORS, TERM
from tests.redact.independent import leaks

needs_tesseract = pytest.mark.skipif(not tesseract_status()[0], reason="Tesseract with Danish data not installed")


@pytest.fixture(scope="module")
def redacted(adversarial_pdf, tmp_path_factory):
    """Run ``aktindsigt redact`` once on the adversarial PDF (module scope: OCR is slow)."""
    out = tmp_path_factory.mktemp("out") / "udleveret.pdf"
    res = CliRunner().invoke(app, ["redact", str(adversarial_pdf), "--term", TERM, "--term", CPR, "--out", str(out)])
    return res, out


def test_input_really_contains_the_term_everywhere(adversarial_pdf):
    doc = pymupdf.open(adversarial_pdf)
    assert doc.version_count == 2  # incremental save kept the old objects
    assert TERM in doc.metadata["title"] and TERM in doc.get_xml_metadata()
    assert doc.embfile_names() and doc.get_toc()
    assert any(a.type[0] == pymupdf.PDF_ANNOT_FREE_TEXT for a in doc[0].annots())
    assert list(doc[0].widgets())[0].field_value.startswith(TERM)
    assert doc[0].get_links()[0]["uri"].startswith("mailto:")
    assert leaks(adversarial_pdf, [TERM, "Gammel version"])


def test_cli_succeeds_and_writes_report(redacted):
    res, out = redacted
    assert res.exit_code == 0, res.output
    assert out.exists()
    report = json.loads(out.with_name(out.name + ".verification.json").read_text("utf-8"))
    assert report["passed"] is True
    names = {c["name"] for c in report["checks"]}
    assert {"text:text", "text:words", "text:rawchars", "text:blocks", "ocr", "annotations", "widgets",
            "embedded_files", "outline", "links", "metadata", "raw_objects", "raw_file", "single_revision",
            "surviving_text"} <= names
    # the report never carries the redacted text
    raw = json.dumps(report).lower()
    assert TERM.lower() not in raw.replace(report["redaction"]["input"].lower(), "")
    assert CPR not in raw


def test_nothing_recoverable_by_pymupdf(redacted):
    _, out = redacted
    doc = pymupdf.open(out)
    text = "\n".join(p.get_text("text", flags=0) for p in doc).lower()
    squashed = re.sub(r"[\s\-]", "", text)
    assert TERM.lower() not in squashed
    assert "0102031234" not in squashed
    assert doc.metadata["title"] == "" and doc.metadata["author"] == ""
    assert not doc.get_xml_metadata()
    assert not doc.embfile_names()
    assert all(TERM.lower() not in t[1].lower() for t in doc.get_toc())
    for page in doc:
        assert not list(page.annots())
        assert not list(page.widgets())
        assert all("hansen" not in str(lk.get("uri", "")).lower() for lk in page.get_links())
    assert doc.version_count == 1
    assert not doc.get_ocgs()
    cat = doc.xref_object(doc.pdf_catalog())
    assert "/OpenAction" not in cat and "/Names" not in cat and "/AcroForm" not in cat


def test_nothing_recoverable_by_an_independent_parser(redacted):
    _, out = redacted
    # qpdf's view of every object and stream, including strings inside TJ arrays
    assert leaks(out, [TERM, CPR, "0102031234", "Gammel version", "Lag med"]) == []
    assert out.read_bytes().count(b"startxref") == 1


@needs_tesseract
def test_text_in_images_is_gone(redacted):
    _, out = redacted
    doc = pymupdf.open(out)
    for pno in (3, 4):  # image only; scanned page with OCR layer
        text = ocr_text(doc[pno]).lower()
        assert "hansen" not in text, text
    assert "billede" in ocr_text(doc[3]).lower()
    assert "scannet" in ocr_text(doc[4]).lower()


def test_the_rest_survives(redacted):
    _, out = redacted
    doc = pymupdf.open(out)
    text = " ".join(p.get_text() for p in doc)
    for word in SURVIVORS:
        assert word in text, word
    # neighbouring lines (glyph boxes overlap them) are complete
    assert "Linjen ovenover er uskyldig tekst" in text
    assert "Linjen nedenunder er uskyldig tekst" in text
    assert "bor på Vejen 12 med CPR" in text
    assert "Jensen" in text  # the rest of the flattened form value
    assert "Ny version af siden" in text


def test_words_after_a_box_keep_their_position(adversarial_pdf, redacted):
    _, out = redacted
    before = {w[4]: w[0] for w in pymupdf.open(adversarial_pdf)[0].get_text("words") if w[4] in ("bor", "Vejen")}
    after = {w[4]: w[0] for w in pymupdf.open(out)[0].get_text("words") if w[4] in ("bor", "Vejen")}
    for k, x in before.items():
        assert after[k] == pytest.approx(x, abs=0.2), k


def test_rotated_page_redacted(redacted):
    _, out = redacted
    page = pymupdf.open(out)[1]
    assert page.rotation == 90
    assert "Roteret side om" in page.get_text() and "her" in page.get_text()
    assert "hansen" not in page.get_text().lower()
