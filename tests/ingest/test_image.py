from __future__ import annotations

import pymupdf
import pytest

from aktindsigt.demo import writers
from aktindsigt.ingest import ingest

from .conftest import check_offsets, needs_tesseract, word_recall

LINES = ["Kvittering for modtaget ansøgning", "Ansøgeren Mette Frederiksen bor i Roskilde"]


@needs_tesseract
@pytest.mark.parametrize("fmt,suffix", [("PNG", ".png"), ("JPEG", ".jpg")])
def test_image_becomes_ocrd_pdf_page(tmp_path, fmt, suffix):
    path = writers.write_image(tmp_path / f"kvittering{suffix}", LINES, fmt=fmt)
    with ingest(path) as res:
        doc = res.document
        check_offsets(doc)
        assert doc.format == "image"
        assert len(doc.pages) == 1 and doc.pages[0].ocr
        assert word_recall(" ".join(LINES), doc.text) >= 0.8, doc.text
        with pymupdf.open(doc.rendition) as pdf:
            assert pdf.page_count == 1
            assert pdf[0].get_images()
            assert word_recall(LINES[1], pdf[0].get_text()) >= 0.8
        # A4 at the image's 200 dpi
        assert abs(doc.pages[0].width - 595) < 2 and abs(doc.pages[0].height - 842) < 2


@needs_tesseract
def test_multipage_tiff(tmp_path):
    path = writers.write_image(tmp_path / "scan.tif", LINES, fmt="TIFF", pages=3)
    with ingest(path) as res:
        doc = res.document
        check_offsets(doc)
        assert len(doc.pages) == 3
        assert all(p.ocr for p in doc.pages)
        assert "Side 3" in doc.text[doc.pages[2].text_start:doc.pages[2].text_end]


def test_image_without_tesseract(tmp_path, no_tesseract):
    path = writers.write_image(tmp_path / "kvittering.png", LINES)
    with ingest(path) as res:
        doc = res.document
        assert not doc.failed
        assert len(doc.pages) == 1 and doc.text == ""
        assert any("OCR er ikke installeret" in w for w in doc.warnings)


@needs_tesseract
def test_jpeg_exif_orientation_is_applied(tmp_path):
    from PIL import Image

    upright = writers.write_image(tmp_path / "upright.png", LINES)
    with Image.open(upright) as img:
        stored = img.rotate(90, expand=True)  # stored sideways, EXIF says: turn 90° clockwise to show
        exif = Image.Exif()
        exif[0x0112] = 6
        stored.convert("RGB").save(tmp_path / "foto.jpg", "JPEG", exif=exif.tobytes(), dpi=(200, 200))
    with ingest(tmp_path / "foto.jpg") as res:
        doc = res.document
        check_offsets(doc)
        assert doc.pages[0].height > doc.pages[0].width  # shown upright (portrait)
        assert word_recall(LINES[1], doc.text) >= 0.8, doc.text
