from __future__ import annotations

import pymupdf
import pytest

from aktindsigt.demo import writers
from aktindsigt.ingest import IngestOptions, ingest

from .conftest import check_offsets, contains, needs_tesseract, phrase_rect, word_recall

PARAS = [
    "Kære Jens Peter Hansen",
    "Aarhus Kommune har den 3. februar 2026 modtaget din ansøgning om hjælp til merudgifter. "
    "Du bor på Vestergade 12, 2. th., 8000 Aarhus C, og dit CPR-nummer er 010203-1234.",
    "Du kan kontakte sagsbehandleren på telefon 87 13 20 00 eller jens.hansen@example.dk.",
]
SCAN_LINE = "Borgeren oplyste at hun bor sammen med sin datter i Odense"


@pytest.fixture
def text_pdf(tmp_path):
    return writers.write_text_pdf(tmp_path / "afgørelse.pdf", "Afgørelse om merudgifter", PARAS,
                                  letterhead="Aarhus Kommune, Socialforvaltningen")


def test_text_pdf_words_text_and_metadata(text_pdf):
    with ingest(text_pdf) as res:
        doc = res.document
        check_offsets(doc)
        assert doc.format == "pdf"
        assert doc.title == "Afgørelse om merudgifter"
        assert doc.doc_date is not None and doc.doc_date.year == 2026
        assert "CPR-nummer er 010203-1234." in doc.text
        assert "Jens Peter Hansen\n" in doc.text
        assert not doc.pages[0].ocr
        # page text: words separated by single spaces, lines end with newline
        assert "  " not in doc.text
        assert doc.text.endswith("\n")
        assert len({w.line for w in doc.pages[0].words}) == doc.text.count("\n")


@pytest.mark.parametrize("phrase", ["010203-1234", "Vestergade 12, 2. th.,", "jens.hansen@example.dk"])
def test_word_boxes_cover_search_hits(text_pdf, phrase):
    with ingest(text_pdf) as res:
        doc = res.document
        page_no, rect = phrase_rect(doc, phrase)
        with pymupdf.open(doc.rendition) as pdf:
            hits = pdf[page_no - 1].search_for(phrase)
        assert hits
        assert any(contains(rect, h) for h in hits), (rect, hits)


def test_rendition_is_a_copy_of_an_unmodified_pdf(text_pdf):
    with ingest(text_pdf) as res:
        assert res.document.rendition.read_bytes() == text_pdf.read_bytes()
        assert res.document.rendition.parent == res.workdir
    assert not res.workdir.exists()


@needs_tesseract
def test_scanned_pdf_is_ocrd_with_invisible_text_layer(tmp_path):
    path = writers.write_scanned_pdf(tmp_path / "scan.pdf", ["Journalnotat", SCAN_LINE])
    with ingest(path) as res:
        doc = res.document
        check_offsets(doc)
        assert doc.pages[0].ocr
        assert word_recall(SCAN_LINE, doc.text) >= 0.8, doc.text
        with pymupdf.open(doc.rendition) as pdf:
            layer = pdf[0].get_text()
            assert word_recall(SCAN_LINE, layer) >= 0.8
            # the OCR'd word box of "datter" lies where the invisible text is found
            page_no, rect = phrase_rect(doc, "datter")
            hits = pdf[0].search_for("datter")
            assert any(contains(rect, h, tol=3) for h in hits)
        assert not doc.warnings


@needs_tesseract
def test_mixed_pdf_is_handled_page_by_page(tmp_path):
    scan = writers.write_scanned_pdf(tmp_path / "scan.pdf", [SCAN_LINE])
    text = writers.write_text_pdf(tmp_path / "text.pdf", "Referat", ["Mødet blev holdt på rådhuset."])
    mixed = pymupdf.open(text)
    with pymupdf.open(scan) as s:
        mixed.insert_pdf(s)
    mixed.save(tmp_path / "mixed.pdf")
    with ingest(tmp_path / "mixed.pdf") as res:
        doc = res.document
        check_offsets(doc)
        assert [p.ocr for p in doc.pages] == [False, True]
        assert "Mødet blev holdt på rådhuset." in doc.text[: doc.pages[0].text_end]
        assert word_recall(SCAN_LINE, doc.text[doc.pages[1].text_start:]) >= 0.8


def test_scanned_pdf_without_tesseract_imports_with_warning(tmp_path, no_tesseract):
    path = writers.write_scanned_pdf(tmp_path / "scan.pdf", [SCAN_LINE])
    with ingest(path) as res:
        doc = res.document
        assert not doc.failed
        assert doc.pages and not doc.pages[0].words and not doc.pages[0].ocr
        assert any("scannet, men OCR er ikke installeret" in w for w in doc.warnings)


def test_ocr_disabled_by_option(tmp_path):
    path = writers.write_scanned_pdf(tmp_path / "scan.pdf", [SCAN_LINE])
    with ingest(path, IngestOptions(ocr=False)) as res:
        assert not res.document.failed
        assert res.document.text == ""
        assert any("OCR er slået fra" in w for w in res.document.warnings)


def test_300_page_text_pdf_imports_without_ocr(tmp_path):
    """A long text PDF is read from its text layer, page by page (its speed: scripts/benchmark.py)."""
    path = writers.write_multipage_text_pdf(tmp_path / "lang.pdf", 300)
    with ingest(path) as res:
        doc = res.document
        assert not doc.failed
        assert len(doc.pages) == 300
        assert not any(p.ocr for p in doc.pages)
        assert "Side 300 linje 40:" in doc.text


@needs_tesseract
@pytest.mark.parametrize("rotation", [90, 270])
def test_rotated_scan_words_in_unrotated_coordinates(tmp_path, rotation):
    """A landscape-stored scan shown upright with /Rotate: words line up with the text layer."""
    upright = writers.write_scanned_pdf(tmp_path / "scan.pdf", [SCAN_LINE])
    with pymupdf.open(upright) as src:
        page = src[0]
        page.set_rotation(360 - rotation)
        pix = page.get_pixmap(dpi=150)
    pdf = pymupdf.open()
    page = pdf.new_page(width=pix.width * 72 / 150, height=pix.height * 72 / 150)
    page.insert_image(page.rect, pixmap=pix)
    page.set_rotation(rotation)
    pdf.save(tmp_path / "rotated.pdf")
    with ingest(tmp_path / "rotated.pdf") as res:
        doc = res.document
        check_offsets(doc)
        assert word_recall(SCAN_LINE, doc.text) >= 0.8
        assert (doc.pages[0].width, doc.pages[0].height) == pytest.approx((page.rect.height, page.rect.width), abs=1)
        _, rect = phrase_rect(doc, "datter")
        with pymupdf.open(doc.rendition) as out:
            hits = out[0].search_for("datter")
        assert any(rect.intersects(type(rect)(h.x0, h.y0, h.x1, h.y1)) for h in hits), (rect, hits)


def test_owner_password_only_pdf_opens_and_rendition_is_decrypted(tmp_path):
    src = writers.write_text_pdf(tmp_path / "a.pdf", "Titel", ["Indhold om Jens"])
    with pymupdf.open(src) as pdf:
        pdf.save(tmp_path / "ejer.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, owner_pw="ejer", user_pw="",
                 permissions=pymupdf.PDF_PERM_PRINT)
    with ingest(tmp_path / "ejer.pdf") as res:
        doc = res.document
        assert not doc.failed
        assert "Indhold om Jens" in doc.text
        with pymupdf.open(doc.rendition) as out:
            assert not out.is_encrypted


def test_annotations_and_embedded_files(tmp_path):
    src = writers.write_text_pdf(tmp_path / "a.pdf", "Titel", ["Indhold"])
    with pymupdf.open(src) as pdf:
        pdf[0].add_text_annot((100, 100), "Intern note om borgerens helbred")
        pdf.embfile_add("bilag.txt", b"Indlejret tekst om Karen", filename="bilag.txt")
        pdf.save(tmp_path / "med-bilag.pdf")
    with ingest(tmp_path / "med-bilag.pdf") as res:
        doc = res.document
        assert not doc.failed
        assert any("kommentarer eller noter (side 1)" in w for w in doc.warnings)
        assert any("PDF-filen har 1 vedhæftet fil; den er indlæst som bilag" in w for w in doc.warnings)
        assert [c.source_name for c in doc.children] == ["bilag.txt"]
        assert doc.children[0].text == "Indlejret tekst om Karen"


@needs_tesseract
def test_stamp_on_scan_still_gets_ocr(tmp_path):
    """A scanned page with only a small digital stamp in its text layer is still OCR'd."""
    scan = writers.write_scanned_pdf(tmp_path / "scan.pdf", [SCAN_LINE])
    with pymupdf.open(scan) as pdf:
        pdf[0].insert_text((400, 40), "Modtaget 3/3", fontsize=9)
        pdf.save(tmp_path / "stempel.pdf")
    with ingest(tmp_path / "stempel.pdf") as res:
        doc = res.document
        assert doc.pages[0].ocr
        assert word_recall(SCAN_LINE, doc.text) >= 0.8


def test_progress_and_cancel(tmp_path, monkeypatch):
    import aktindsigt.ingest as ingest_pkg
    from aktindsigt.core.progress import Cancelled, CancelToken

    path = writers.write_multipage_text_pdf(tmp_path / "lang.pdf", 30, lines_per_page=2)
    calls = []
    with ingest(path, progress=lambda d, t, m: calls.append((d, t, m))) as res:
        assert not res.document.failed
    assert calls and calls[0][1] == 30 and "side 1 af 30" in calls[0][2]

    workdir = tmp_path / "wd"
    monkeypatch.setattr(ingest_pkg, "new_workdir", lambda: (workdir.mkdir(), workdir)[1])
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        ingest(path, cancel=token)
    assert not workdir.exists()


def test_no_break_spaces_split_words(tmp_path):
    pdf = pymupdf.open()
    page = pdf.new_page()
    page.insert_text((72, 72), "Telefon 20\u00a030\u00a040\u00a050 og finans", fontsize=12)
    pdf.save(tmp_path / "nbsp.pdf")
    with ingest(tmp_path / "nbsp.pdf") as res:
        doc = res.document
        check_offsets(doc)
        assert all(not any(ch.isspace() for ch in w.text) for w in doc.pages[0].words)
        assert "20 30 40 50" in doc.text
