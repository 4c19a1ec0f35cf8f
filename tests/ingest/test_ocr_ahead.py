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


# --- reading ahead into the next files of an import (ingest.ocrpool) ---------------------------------------


def _letters(tmp_path, n: int, tag: str = "") -> list:
    """``n`` one-page scans (a case of short scanned letters), each with its own numbers."""
    return [writers.write_scanned_pdf(tmp_path / f"brev{i}{tag}.pdf",
                                      [f"Brev {i}{tag}: borgeren Jens Hansen har ringet.",
                                       f"Journalnummer {4000 + i} er noteret."]) for i in range(n)]


def _import_like_the_worker(paths, workdir) -> list[list[str]]:
    """What the import's worker process does per file (ingest.worker.main): tell the pool what comes next,
    then read the file."""
    from aktindsigt.ingest import worker

    out = []
    for i, path in enumerate(paths):
        ahead = paths[i + 1 : i + 4]
        work = workdir / f"{i:05d}"
        worker._expect(path, ahead, None, work)
        with ingest(path, workdir=work) as res:
            assert all(p.ocr for p in res.document.pages), res.document.warnings
            out.append([w.text for p in res.document.pages for w in p.words])
        worker._expect(None, ahead, None, work)
    from aktindsigt.ingest.registry import end_of_import

    end_of_import()
    return out


@needs_tesseract
def test_one_page_scans_of_an_import_are_read_two_at_a_time_with_the_same_words(tmp_path, monkeypatch):
    """Between two files Tesseract stood still: a case of one-page scans used one core. The next files'
    pages are read while the current one is, and each file gets the words it gets alone."""
    paths = _letters(tmp_path, 4)
    monkeypatch.setenv("AKTINDSIGT_OCR_WORKERS", "1")
    alone = []
    for p in paths:
        with ingest(p) as res:
            alone.append([w.text for pg in res.document.pages for w in pg.words])
    spy = Spy(monkeypatch)
    monkeypatch.setenv("AKTINDSIGT_OCR_WORKERS", "2")
    together = _import_like_the_worker(paths, tmp_path / "import")
    assert spy.most == 2
    assert together == alone
    assert all(f"{4000 + i}" in " ".join(words) for i, words in enumerate(together))
    assert not (tmp_path / "import" / "ocr-ahead").exists() or not any((tmp_path / "import" / "ocr-ahead").rglob("*.pgm"))


@needs_tesseract
def test_a_file_changed_after_it_was_read_ahead_is_read_again(tmp_path, monkeypatch):
    from aktindsigt.ingest import worker
    from aktindsigt.ingest.ocrpool import shared_pool

    monkeypatch.setenv("AKTINDSIGT_OCR_WORKERS", "2")
    first, second = _letters(tmp_path, 2)
    worker._expect(first, [second], None, tmp_path / "import" / "00000")
    pool = shared_pool(2)
    deadline = time.time() + 30
    while pool.idle_threads() < 2 and time.time() < deadline:  # the second letter has been read ahead
        time.sleep(0.05)
    from aktindsigt.ingest.base import IngestOptions
    from aktindsigt.ingest.ocrpool import file_key

    opts = IngestOptions()
    assert pool.reading(file_key(second), 0, opts.ocr_language, opts.ocr_dpi)
    time.sleep(0.01)  # another modification time, even on a coarse clock
    writers.write_scanned_pdf(second, ["Et helt andet brev med nummer 7777."])
    try:
        with ingest(second, workdir=tmp_path / "import" / "00001") as res:
            assert "7777" in res.document.text and "4001" not in res.document.text
    finally:
        from aktindsigt.ingest.registry import end_of_import

        end_of_import()


@needs_tesseract
def test_an_import_through_the_worker_process_reads_ahead_and_gets_every_page(tmp_path, monkeypatch):
    """The real worker: the request names the files that follow, and each file's document has its words."""
    from aktindsigt.ingest.worker import IngestWorker

    monkeypatch.setenv("AKTINDSIGT_OCR_WORKERS", "2")
    paths = _letters(tmp_path, 4)
    worker = IngestWorker()
    try:
        for i, p in enumerate(paths):
            doc = worker.ingest(p, p.name, None, tmp_path / "import" / f"{i:05d}", ahead=paths[i + 1 : i + 4])
            assert [pg.ocr for pg in doc.pages] == [True]
            assert f"{4000 + i}" in doc.text and "Jens Hansen" in doc.text
    finally:
        worker.close()
