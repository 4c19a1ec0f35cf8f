"""OCR once (#15): each region of pixels is read once across the term search and the verification, a
changed region is read again, and the verification still reads every image that could hide a term."""

from __future__ import annotations

import hashlib
import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from aktindsigt.core.model import Rect
from aktindsigt.demo.writers import write_scanned_pdf
from aktindsigt.pdflib import pymupdf
from aktindsigt.redact import ocr_cache
from aktindsigt.redact.engine import redact_pdf
from aktindsigt.redact.model import RedactionBox
from aktindsigt.redact.ocr import tesseract_status
from aktindsigt.redact.ocr_cache import OcrSession
from aktindsigt.redact.standalone import run_redact
from aktindsigt.redact.verify import verify

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
NAME = "Jens Hansen"


@pytest.fixture(autouse=True)
def _tesseract():
    ok, msg = tesseract_status()
    assert ok, f"Tesseract with Danish is installed by scripts/setup.sh: {msg}"


def png(lines: list[str], size=(900, 140), font_px=40, colour=(0, 0, 0)) -> bytes:
    img = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, font_px)
    for i, line in enumerate(lines):
        d.text((20, 15 + i * int(font_px * 1.4)), line, fill=colour, font=font)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


LOGO = png(["Egedal Kommune"], size=(560, 90), font_px=48, colour=(20, 60, 140))


class TesseractCalls:
    """Every Tesseract run of the process (whatever module starts it): the image it read."""

    def __init__(self, monkeypatch) -> None:
        self.calls: list[str] = []
        real = subprocess.run

        def spy(args, *a, **kw):
            if args and str(args[0]).endswith("tesseract") and "--list-langs" not in args:
                data = kw.get("input") or (Path(args[1]).read_bytes() if args[1] != "stdin" else b"")
                self.calls.append(hashlib.sha256(data + repr(args[2:]).encode()).hexdigest())
            return real(args, *a, **kw)

        monkeypatch.setattr(subprocess, "run", spy)

    def mark(self) -> int:
        return len(self.calls)


def letter(path: Path, pages: int = 3, logo_pages=(0, 2), extra_image: dict[int, bytes] | None = None) -> Path:
    """Text pages with the name in the text layer; a small logo on some pages (the same place each)."""
    doc = pymupdf.open()
    for p in range(pages):
        page = doc.new_page(width=595, height=842)
        if p in logo_pages:
            page.insert_image(pymupdf.Rect(420, 30, 560, 52), stream=LOGO)
        for img_page, data in (extra_image or {}).items():
            if img_page == p:
                page.insert_image(pymupdf.Rect(60, 600, 360, 647), stream=data)
        y = 110
        for j in range(12):
            line = (f"Borgeren {NAME} har oplyst forholdene." if j % 4 == 1
                    else "Kommunen har behandlet ansøgningen og foretaget en samlet vurdering.")
            page.insert_text((60, y), line, fontsize=10)
            y += 18
    doc.save(path)
    doc.close()
    return path


def test_standalone_redaction_reads_each_image_once(tmp_path, monkeypatch):
    """Text pages with logos: the search reads the logo once (the same pixels on two pages), the
    verification reuses that reading because the logo did not change: no image is read twice."""
    src = letter(tmp_path / "brev.pdf")
    spy = TesseractCalls(monkeypatch)
    rc = run_redact(src, [NAME], tmp_path / "ud.pdf")
    assert rc == 0
    assert len(spy.calls) == len(set(spy.calls)), "the same image was read twice"
    assert len(spy.calls) == 2  # one image (the logo, once for both pages), two segmentation modes
    import json

    report = json.loads((tmp_path / "ud.pdf.verification.json").read_text(encoding="utf-8"))
    ocr = next(c for c in report["checks"] if c["name"] == "ocr")
    assert ocr["passed"] and any("words reused" in d for d in ocr["details"])


def test_a_changed_image_is_read_again_and_the_old_reading_is_not_used(tmp_path, monkeypatch):
    """The verification compares the output with the input: where the pixels changed, what was read
    before no longer counts and the region is read again."""
    before = letter(tmp_path / "ind.pdf", pages=1, logo_pages=(), extra_image={0: png(["Kontakt: Ole Olsen"])})
    after = letter(tmp_path / "ud.pdf", pages=1, logo_pages=(), extra_image={0: png([f"Kontakt: {NAME}"])})
    session = OcrSession(before)
    spy = TesseractCalls(monkeypatch)
    with pymupdf.open(before) as doc:
        read = session.read_input(doc, {1: None})
    assert "Olsen" in " ".join(w.text for w in read[1])
    n = spy.mark()
    with pymupdf.open(after) as doc:
        words = " ".join(w.text for w in session.read_output(doc, [1])[1])
    assert spy.mark() > n  # read again
    assert "Hansen" in words and "Olsen" not in words
    rep = verify(after, [NAME], ocr_pages=[1], ocr_session=OcrSession(before))
    assert not rep.check("ocr").passed


def test_a_redacted_image_region_is_read_again(tmp_path, monkeypatch):
    """A term read by OCR in an image is boxed: the verification reads the boxed region again (the old
    words there are void) and passes; the logo beside it is reused."""
    src = letter(tmp_path / "brev.pdf", pages=1, logo_pages=(0,),
                 extra_image={0: png([f"Underskrevet af {NAME}", "Sagsbehandler i Borgerservice"])})
    spy = TesseractCalls(monkeypatch)
    assert run_redact(src, [NAME], tmp_path / "ud.pdf") == 0
    import json

    report = json.loads((tmp_path / "ud.pdf.verification.json").read_text(encoding="utf-8"))
    assert report["redaction"]["ocr_hits"] >= 1
    assert len(spy.calls) == len(set(spy.calls))
    search_runs = 2  # the logo and the signature, stacked into one image per page: one run per mode
    assert len(spy.calls) > search_runs  # the boxed region was read again by the verification
    ocr = next(c for c in report["checks"] if c["name"] == "ocr")
    assert ocr["passed"]


def _name_left_in_image(tmp_path: Path) -> tuple[Path, Path]:
    """The name in the text layer (boxed) and in an image that no box touches (the search missed it)."""
    src = letter(tmp_path / "ind.pdf", pages=1, logo_pages=(0,), extra_image={0: png([f"Hilsen {NAME}"])})
    out = tmp_path / "ud.pdf"
    with pymupdf.open(src) as doc:
        boxes = [RedactionBox(1, Rect(r.x0, r.y0, r.x1, r.y1), "Navn", "text") for r in doc[0].search_for(NAME)]
    assert boxes
    redact_pdf(src, out, boxes)
    with pymupdf.open(out) as doc:
        assert NAME not in doc[0].get_text()
        assert not any(pymupdf.Rect(b.rect.x0, b.rect.y0, b.rect.x1, b.rect.y1).intersects(pymupdf.Rect(60, 600, 360, 647)) for b in boxes)
    return src, out


def test_the_verifier_reads_an_image_no_box_touches(tmp_path):
    """Nobody read the image before: the verification reads it, finds the name and fails."""
    src, out = _name_left_in_image(tmp_path)
    rep = verify(out, [NAME], ocr_session=OcrSession(src))
    assert not rep.check("ocr").passed and not rep.passed


def test_the_verifier_finds_the_name_in_an_image_read_before(tmp_path):
    """The search read the image (and, say, its boxes went astray): the reused reading still has the
    name, so the verification fails as it would have by reading again."""
    src, out = _name_left_in_image(tmp_path)
    session = OcrSession(src)
    with pymupdf.open(src) as doc:
        session.read_input(doc, {1: None})
    rep = verify(out, [NAME], ocr_pages=[1], ocr_session=session)
    c = rep.check("ocr")
    assert not c.passed and any("words reused" in d for d in c.details)


def test_images_that_cannot_hold_text_are_not_read(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    dot = Image.new("RGB", (4, 4), "black")
    buf = io.BytesIO()
    dot.save(buf, "PNG")
    page.insert_image(pymupdf.Rect(100, 100, 140, 140), stream=buf.getvalue())  # 4 x 4 source pixels
    page.insert_image(pymupdf.Rect(100, 200, 400, 202), stream=LOGO)  # 2 points high
    page.insert_image(pymupdf.Rect(100, 300, 400, 347), stream=LOGO)
    stats = ocr_cache.OcrStats()
    rects = ocr_cache.text_images(page, stats)
    assert [(round(r.y0), round(r.y1)) for r in rects] == [(300, 347)] and stats.images_skipped == 2


def test_workers_run_tesseract_in_parallel(monkeypatch):
    monkeypatch.setenv("AKTINDSIGT_OCR_WORKERS", "2")
    assert OcrSession().workers == min(2, __import__("os").cpu_count() or 1)
    monkeypatch.setenv("AKTINDSIGT_OCR_WORKERS", "x")
    assert ocr_cache.default_workers() >= 1


def outlined(page: pymupdf.Page, rect: pymupdf.Rect, text: str) -> None:
    """``text`` drawn as filled vector paths (text turned into outlines): in no text layer, in no image."""
    src = pymupdf.open()
    p = src.new_page(width=300, height=60)
    p.insert_text((10, 35), text, fontsize=20)
    vec = pymupdf.open(stream=p.get_svg_image(text_as_path=True).encode(), filetype="svg")
    page.show_pdf_page(rect, pymupdf.open("pdf", vec.convert_to_pdf()), 0)


def test_a_name_in_outlined_text_is_found_and_removed(tmp_path):
    src = letter(tmp_path / "brev.pdf", pages=1, logo_pages=())
    doc = pymupdf.open(src)
    outlined(doc[0], pymupdf.Rect(60, 600, 360, 660), f"Hilsen {NAME}")
    doc.saveIncr()
    doc.close()
    with pymupdf.open(src) as doc:
        assert len(doc[0].search_for(NAME)) == 3 and doc[0].get_images() == []  # the outlines: not in the layer
    assert run_redact(src, [NAME], tmp_path / "ud.pdf") == 0
    import json

    report = json.loads((tmp_path / "ud.pdf.verification.json").read_text(encoding="utf-8"))
    assert report["redaction"]["ocr_hits"] >= 1 and report["redaction"]["ocr_pages"] == [1]
    with pymupdf.open(tmp_path / "ud.pdf") as doc:
        words = " ".join(w.text for w in OcrSession().read_output(doc, [1])[1])
    assert "Hansen" not in words and "Hilsen" in words


def test_the_verifier_reads_outlined_text_no_box_touches(tmp_path):
    src = letter(tmp_path / "ind.pdf", pages=1, logo_pages=(0,))
    doc = pymupdf.open(src)
    outlined(doc[0], pymupdf.Rect(60, 600, 360, 660), f"Hilsen {NAME}")
    doc.saveIncr()
    doc.close()
    out = tmp_path / "ud.pdf"
    with pymupdf.open(src) as doc:
        boxes = [RedactionBox(1, Rect(r.x0, r.y0, r.x1, r.y1), "Navn", "text") for r in doc[0].search_for(NAME)]
    redact_pdf(src, out, boxes)
    session = OcrSession(src)
    with pymupdf.open(src) as doc:
        session.read_input(doc, {1: None})  # the search read the page (and its boxes missed the outlines)
    assert not verify(out, [NAME], ocr_pages=[1], ocr_session=session).check("ocr").passed
    assert not verify(out, [NAME], ocr_pages=[1], ocr_session=OcrSession(src)).check("ocr").passed


# --- case verification of scanned pages: the import's words where the pixels did not change (#14)


def _scan_and_import(tmp_path: Path) -> tuple[Path, dict]:
    """A scanned page (image only) and the words the import read on it (ingest's own OCR of the page)."""
    from aktindsigt.demo.writers import write_scanned_pdf
    from aktindsigt.ingest.pdf import ocr_pdf_page

    src = write_scanned_pdf(tmp_path / "scan.pdf", [
        "Afgørelse om hjælp", f"Borgeren {NAME} har søgt om hjælp.", "Kommunen har behandlet sagen grundigt.",
        "Der er lagt vægt på oplysningerne.", f"Sagen er drøftet med {NAME} den 3. maj."])
    with pymupdf.open(src) as doc:
        lines = ocr_pdf_page(doc[0], "dan", 300, tmp_path)
    words = [(t, (r.x0, r.y0, r.x1, r.y1), i) for i, line in enumerate(lines) for t, r in line]
    assert any(t == "Hansen" for t, _, _ in words)
    return src, {1: words}


def _boxed(src: Path, out: Path, rect: pymupdf.Rect) -> Path:
    doc = pymupdf.open(src)
    doc[0].draw_rect(rect, color=(0, 0, 0), fill=(0, 0, 0))
    doc.save(out)
    doc.close()
    return out


def _line_of(words, name_line: int):
    return [w for w in words if w[2] == name_line]


def test_scanned_case_pages_reuse_the_imports_words_where_nothing_changed(tmp_path, monkeypatch):
    src, imported = _scan_and_import(tmp_path)
    first = next(i for t, _, i in imported[1] if t == "Hansen")
    box = pymupdf.Rect(0, 0, 0, 0)
    for _t, r, _i in _line_of(imported[1], first):
        box |= pymupdf.Rect(r)
    out = _boxed(src, tmp_path / "out.pdf", box)  # the first line with the name is painted over
    calls = TesseractCalls(monkeypatch)
    with ocr_cache.ImportedReading(src, imported) as session, pymupdf.open(out) as doc:
        words = session.read_output(doc, [1])[1]
    texts = [w.text for w in words]
    assert session.stats.words_reused > 10  # the unchanged lines come from the import
    assert texts.count("Hansen") >= 1  # the second name is still found (reused and by mode 11)
    assert not any(w.text == "Hansen" and w.rect.intersects(box) for w in words)  # the box hides the first
    assert len(calls.calls) == 2  # one run per mode: mode 3 on the changed region, mode 11 on the page


def test_a_word_the_import_missed_is_still_read_by_the_sparse_mode(tmp_path):
    src, imported = _scan_and_import(tmp_path)
    last = max(i for t, _, i in imported[1] if t == "Hansen")
    missed = {1: [w for w in imported[1] if w[2] != last]}  # as if the import had not read that line
    with ocr_cache.ImportedReading(src, missed) as session, pymupdf.open(src) as doc:
        words = session.read_output(doc, [1])[1]
    assert any(w.text.startswith("Hansen") and w.line[0] != "import" for w in words)


def test_a_scanned_page_with_one_name_on_it_is_read_and_a_blank_one_is_not(tmp_path):
    """A signature page: one line on an A4 scan is far less than 1 % of its pixels; it was taken for blank
    and never read by the verification, so a name left standing on it passed."""
    path = write_scanned_pdf(tmp_path / "scan.pdf", [[], ["Med venlig hilsen", "Signe Kjærsgaard"]])
    with ocr_cache.OcrSession(dpi=300) as session:
        report = verify(path, [("Kjærsgaard", "PERSON")], [], ocr_pages=[1, 2], require_ocr=True,
                        ocr_session=session)
        assert not report.passed
        assert any("read by OCR on page 2" in d for c in report.checks if c.name == "ocr" for d in c.details)
        assert session.stats.tesseract_runs == len(session.psms)  # page 1 is blank: not read
