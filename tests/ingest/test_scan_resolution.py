"""Scanned pages are read at the scan's own resolution, not enlarged to 300 dpi (#14): the same words for
less of Tesseract's time, in the import and in the verification of the redacted file."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw

from aktindsigt.demo import writers
from aktindsigt.ingest import ingest, tools
from aktindsigt.pdflib import MIN_SCAN_DPI, pymupdf, reading_dpi
from aktindsigt.redact import ocr_cache

from .conftest import needs_tesseract


def _page_of(path, number: int = 0):
    doc = pymupdf.open(path)
    return doc, doc[number]


@pytest.mark.parametrize(("scan", "read"), [(100, MIN_SCAN_DPI), (150, 150), (200, 200), (240, 240), (300, 300),
                                            (400, 300), (600, 300)])
def test_a_scan_is_read_at_its_own_resolution_never_above_the_setting(tmp_path, scan, read):
    doc, page = _page_of(writers.write_scanned_pdf(tmp_path / "scan.pdf", ["Jens Hansen"], dpi=scan))
    with doc:
        assert reading_dpi(page, 300) == read
        assert reading_dpi(page, 200) == min(read, 200)


def _strip_pdf(path, dpi: int, strips: int) -> None:
    """A page drawn as horizontal strips of image, as some scanners write it."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    h = 842 / strips
    for i in range(strips):
        img = Image.new("L", (int(8.27 * dpi), int(11.69 * dpi / strips)), 255)
        ImageDraw.Draw(img).text((40, 10), f"Linje {i}", fill=0)
        buf = io.BytesIO()
        img.save(buf, "PNG")
        page.insert_image(pymupdf.Rect(0, i * h, 595, (i + 1) * h), stream=buf.getvalue())
    doc.save(path)


def test_pages_of_text_logos_and_strips(tmp_path):
    doc, page = _page_of(writers.write_text_pdf(tmp_path / "text.pdf", "Brev", ["Kære Jens Hansen."]))
    with doc:
        assert reading_dpi(page, 300) == 300  # no image: vector text is read as sharp as asked
        logo = Image.new("L", (60, 30), 0)
        buf = io.BytesIO()
        logo.save(buf, "PNG")
        page.insert_image(pymupdf.Rect(40, 40, 200, 120), stream=buf.getvalue())  # a coarse logo, 27 dpi
        assert reading_dpi(page, 300) == 300  # a small image does not make the page a scan
    _strip_pdf(tmp_path / "strips.pdf", 200, 8)
    doc, page = _page_of(tmp_path / "strips.pdf")
    with doc:
        assert reading_dpi(page, 300) == 200  # eight strips of 200 dpi are one 200 dpi scan
    doc, page = _page_of(writers.write_scanned_pdf(tmp_path / "scan.pdf", ["Jens Hansen"], dpi=200))
    with doc:
        page.set_rotation(90)
        assert reading_dpi(page, 300) == 200  # turned pages too


class DpiSpy:
    """The resolution Tesseract is told for each image it reads (the real Tesseract reads it)."""

    def __init__(self, monkeypatch) -> None:
        self.seen: list[int] = []
        real_cli, real_run = tools.ocr_image, ocr_cache.run_tesseract

        def cli(image, language="dan", dpi=300, timeout=180):
            self.seen.append(dpi)
            return real_cli(image, language, dpi, timeout)

        def run(image, psm, lang, dpi, timeout):
            self.seen.append(dpi)
            return real_run(image, psm, lang, dpi, timeout)

        monkeypatch.setattr(tools, "ocr_image", cli)
        monkeypatch.setattr(ocr_cache, "run_tesseract", run)


LINES = ["Borgeren Signe Kjærsgaard Bech, Møllevej 14, 6400 Sønderborg,",
         "har den 3. marts ringet om sagen 2026-0417 og telefon 24 68 13 57."]


@needs_tesseract
@pytest.mark.parametrize("scan", [150, 200])
def test_import_reads_a_scan_at_its_resolution_with_every_word(tmp_path, monkeypatch, scan):
    spy = DpiSpy(monkeypatch)
    path = writers.write_scanned_pdf(tmp_path / "scan.pdf", LINES, dpi=scan, fontsize=10)
    with ingest(path) as res:
        doc = res.document
        assert doc.pages[0].ocr
        text = doc.text
    assert spy.seen == [scan]
    for word in ("Signe", "Kjærsgaard", "Bech", "Møllevej", "Sønderborg", "2026-0417", "57."):
        assert word in text


@needs_tesseract
def test_verification_reads_the_redacted_scan_at_the_import_resolution(tmp_path, monkeypatch):
    """The check of a redacted scan finds a name left standing, reading at the scan's 200 dpi."""
    from aktindsigt.redact.verify import verify

    path = writers.write_scanned_pdf(tmp_path / "scan.pdf", LINES, dpi=200, fontsize=10)
    spy = DpiSpy(monkeypatch)
    with ocr_cache.OcrSession(dpi=300) as session:
        report = verify(path, [("Kjærsgaard", "PERSON")], [], ocr_pages=[1], require_ocr=True,
                        ocr_session=session)
    assert not report.passed  # the name is still on the page, and the check says so
    assert spy.seen and set(spy.seen) == {200}

