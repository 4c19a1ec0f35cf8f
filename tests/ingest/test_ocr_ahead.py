"""Scanned pages are read by two Tesseract processes at a time (#14), with the same result as one at a time,
and a page whose OCR fails is told about on its own."""

from __future__ import annotations

import threading
import time

import pytest

from aktindsigt.demo import writers
from aktindsigt.ingest import ingest, tools

from .conftest import needs_tesseract

PAGES = [[f"Side {n}: borgeren Jens Hansen har oplyst forholdene.", "Kommunen har behandlet sagen grundigt.",
          f"Sagsnummer {1000 + n} er noteret i journalen."] for n in range(1, 6)]


class Spy:
    """Counts how many OCR runs are under way at once (the real Tesseract does the reading)."""

    def __init__(self, monkeypatch, fail_page: int | None = None) -> None:
        self.now = self.most = 0
        self.lock = threading.Lock()
        real = tools.ocr_image

        def spy(image, *a, **kw):
            with self.lock:
                self.now += 1
                self.most = max(self.most, self.now)
            try:
                if fail_page is not None and image.name == f"page-{fail_page}.pgm":
                    time.sleep(0.2)
                    raise tools.ToolError("tesseract exit 1: test")
                return real(image, *a, **kw)
            finally:
                with self.lock:
                    self.now -= 1

        monkeypatch.setattr(tools, "ocr_image", spy)


def _words(path) -> list[list[str]]:
    with ingest(path) as res:
        doc = res.document
        assert all(p.ocr for p in doc.pages), doc.warnings
        return [[w.text for w in p.words] for p in doc.pages]


@needs_tesseract
def test_two_pages_are_read_at_once_with_the_same_words_as_one_at_a_time(tmp_path, monkeypatch):
    path = writers.write_scanned_pdf(tmp_path / "scan.pdf", PAGES)
    spy = Spy(monkeypatch)
    monkeypatch.setenv("AKTINDSIGT_OCR_WORKERS", "2")
    two = _words(path)
    assert spy.most == 2
    monkeypatch.setenv("AKTINDSIGT_OCR_WORKERS", "1")
    spy.most = 0
    one = _words(path)
    assert spy.most == 1
    assert two == one
    assert all(f"{1000 + n}" in " ".join(words) for n, words in enumerate(two, start=1))


@needs_tesseract
@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_page_whose_ocr_fails_is_told_about_and_the_others_are_read(tmp_path, monkeypatch, workers):
    monkeypatch.setenv("AKTINDSIGT_OCR_WORKERS", workers)
    path = writers.write_scanned_pdf(tmp_path / "scan.pdf", PAGES)
    Spy(monkeypatch, fail_page=3)
    with ingest(path) as res:
        doc = res.document
        assert [p.ocr for p in doc.pages] == [True, True, False, True, True]
        assert any("OCR mislykkedes på side 3" in w for w in doc.warnings)
        assert "1005" in doc.text and "1002" in doc.text
