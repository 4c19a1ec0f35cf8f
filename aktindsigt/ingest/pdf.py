"""PDF files: the text layer page by page; scanned pages are OCR'd (Danish) and get
an invisible text layer in the rendition."""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pymupdf

from aktindsigt.core.model import Rect
from aktindsigt.ingest import tools
from aktindsigt.ingest.base import IngestedDocument
from aktindsigt.ingest.layout import DocText, LineWords, font, pdf_page_lines, save_atomic
from aktindsigt.ingest.registry import CORRUPT, IngestContext, IngestError, register

ENCRYPTED = "PDF-filen er krypteret og kan ikke åbnes uden adgangskode"
MAX_OCR_PIXELS = 60_000_000  # cap the raster of one page (huge page formats)


def open_pdf(path: Path) -> pymupdf.Document:
    try:
        pdf = pymupdf.open(path, filetype="pdf")
    except Exception as e:  # noqa: BLE001
        raise IngestError(CORRUPT, f"PyMuPDF could not open the PDF: {e}") from e
    if pdf.needs_pass:
        pdf.close()
        raise IngestError(ENCRYPTED, "PDF needs a password")
    return pdf


def check_page_count(pdf: pymupdf.Document, max_pages: int) -> None:
    n = pdf.page_count
    if n > max_pages:
        raise IngestError(f"PDF-filen har {n} sider; grænsen er {max_pages}", f"{n} pages > {max_pages}")
    if n == 0:
        raise IngestError("PDF-filen har ingen sider", "0 pages")


@register([".pdf"], "pdf")
def ingest_pdf(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    pdf = open_pdf(doc.source_path)
    try:
        check_page_count(pdf, ctx.options.max_pages)
        meta = pdf.metadata or {}
        title = (meta.get("title") or "").strip()
        if title and not re.fullmatch(r"(?i)(untitled|uden titel|microsoft word - .*|dokument\d*)", title):
            doc.title = title
        doc.doc_date = parse_pdf_date(meta.get("creationDate") or meta.get("modDate") or "")
        process_pdf(ctx, doc, pdf, copy_source=True)
    finally:
        pdf.close()


def parse_pdf_date(value: str) -> date | None:
    m = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def needs_ocr(page: pymupdf.Page) -> bool:
    """A page without text that shows an image (a scan)."""
    try:
        return bool(page.get_images(full=False))
    except Exception:  # noqa: BLE001
        return False


def process_pdf(ctx: IngestContext, doc: IngestedDocument, pdf: pymupdf.Document, copy_source: bool) -> None:
    """Fill pages/text/rendition of ``doc`` from an open PDF, OCR'ing scanned pages.

    With ``copy_source`` an unmodified, well-formed PDF is copied byte for byte
    as the rendition; otherwise (OCR layer added, repaired, decrypted or
    generated) the document is saved anew.
    """
    opts = ctx.options
    dt = DocText()
    ocr_pages: list[int] = []
    missing_ocr: list[int] = []
    failed_ocr: list[int] = []
    modified = False
    status = tools.tesseract_status(opts.ocr_language) if opts.ocr else None
    with tempfile.TemporaryDirectory(prefix="ocr-", dir=ctx.workdir) as tmp:
        for page in pdf:
            rect = page.rect
            lines = pdf_page_lines(page)
            ocr = False
            if not lines and needs_ocr(page):
                if status is not None and status.available:
                    try:
                        lines = ocr_pdf_page(page, opts.ocr_language, opts.ocr_dpi, Path(tmp))
                        ocr = True
                        ocr_pages.append(page.number + 1)
                        if lines:
                            add_invisible_text(page, lines)
                            modified = True
                    except tools.ToolError:
                        failed_ocr.append(page.number + 1)
                else:
                    missing_ocr.append(page.number + 1)
            dt.add_lines(rect.width, rect.height, lines, ocr=ocr)
    if missing_ocr:
        reason = "OCR er slået fra" if not opts.ocr else "OCR er ikke installeret"
        doc.warnings.append(
            f"Siden er scannet, men {reason}, så teksten kan ikke læses eller anonymiseres automatisk "
            f"(side {page_list(missing_ocr)}). Gennemgå siderne manuelt."
        )
    if failed_ocr:
        doc.warnings.append(
            f"OCR mislykkedes på side {page_list(failed_ocr)}; teksten der kan ikke anonymiseres automatisk."
        )
    if ocr_pages:
        empty = [p.number for p in dt.pages if p.ocr and not p.words]
        if empty:
            doc.warnings.append(f"OCR fandt ingen tekst på side {page_list(empty)}. Gennemgå siderne manuelt.")
    target = ctx.new_path(Path(doc.source_name).stem or "dokument", ".pdf")
    if copy_source and not modified and not pdf.is_repaired and not pdf.is_encrypted:
        tmp_target = target.with_name(target.name + ".part")
        shutil.copyfile(doc.source_path, tmp_target)
        tmp_target.replace(target)
    else:
        if modified:
            with contextlib.suppress(Exception):  # subsetting is an optimisation only
                pdf.subset_fonts()
        save_atomic(pdf, target, garbage=3, deflate=True, encryption=pymupdf.PDF_ENCRYPT_NONE)
    doc.rendition = target
    doc.pages = dt.pages
    doc.text = dt.text


def page_list(numbers: list[int]) -> str:
    """1, 2, 3, 5 → '1-3, 5'."""
    out: list[str] = []
    i = 0
    while i < len(numbers):
        j = i
        while j + 1 < len(numbers) and numbers[j + 1] == numbers[j] + 1:
            j += 1
        out.append(str(numbers[i]) if i == j else f"{numbers[i]}-{numbers[j]}")
        i = j + 1
    return ", ".join(out)


def ocr_pdf_page(page: pymupdf.Page, language: str, dpi: int, tmpdir: Path) -> list[LineWords]:
    """Render one page (grey), OCR it, return lines of words in page coordinates."""
    rect = page.rect
    zoom = dpi / 72.0
    pixels = rect.width * zoom * rect.height * zoom
    if pixels > MAX_OCR_PIXELS:
        zoom *= (MAX_OCR_PIXELS / pixels) ** 0.5
    pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY, alpha=False)
    png = tmpdir / f"page-{page.number + 1}.png"
    pix.save(png)
    del pix
    try:
        ocr_lines = tools.ocr_image(png, language, int(round(zoom * 72)))
    finally:
        png.unlink(missing_ok=True)
    return [
        [(w.text, Rect(w.x0 / zoom, w.y0 / zoom, w.x1 / zoom, w.y1 / zoom)) for w in line] for line in ocr_lines
    ]


def add_invisible_text(page: pymupdf.Page, lines: list[LineWords]) -> None:
    """Write OCR words as invisible text (render mode 3).

    One font size and baseline per line, small enough that every word fits
    inside its OCR box: the text layer then extracts as whole lines, and a
    redaction of a word's box removes exactly that word.
    """
    fnt = font("helv")
    asc, desc = fnt.ascender, fnt.descender
    tw = pymupdf.TextWriter(page.rect)
    for line in lines:
        if not line:
            continue
        y0 = min(r.y0 for _, r in line)
        y1 = max(r.y1 for _, r in line)
        size = (y1 - y0) / (asc - desc)
        for text, r in line:
            unit_w = fnt.text_length(text, 1.0) or 1.0
            size = min(size, (r.x1 - r.x0) / unit_w)
        size = max(size, 1.0)
        baseline = y1 + desc * size
        for text, r in line:
            tw.append((r.x0, baseline), text, font=fnt, fontsize=size)
    tw.write_text(page, render_mode=3)
