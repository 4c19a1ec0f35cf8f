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
from aktindsigt.ingest.registry import CORRUPT, IngestContext, IngestError, register, safe_name

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
        embedded_files(ctx, doc, pdf, depth)
    finally:
        pdf.close()


def embedded_files(ctx: IngestContext, doc: IngestedDocument, pdf: pymupdf.Document, depth: int) -> None:
    """Files embedded in the PDF (portfolios, attachments) become child documents."""
    try:
        count = pdf.embfile_count()
    except Exception:  # noqa: BLE001
        return
    if not count:
        return
    if depth + 1 > ctx.options.max_attachment_depth:
        doc.warnings.append(f"PDF-filen indeholder {count} indlejrede filer, som ikke er indlæst (for dybt indlejret).")
        return
    doc.warnings.append(
        f"PDF-filen indeholder {count} indlejrede filer; de er indlæst som bilag og følger ikke med den "
        "anonymiserede PDF."
    )
    folder = ctx.new_dir("indlejret")
    for i in range(count):
        try:
            info = pdf.embfile_info(i)
            data = pdf.embfile_get(i)
        except Exception as e:  # noqa: BLE001
            doc.warnings.append(f"En indlejret fil (nr. {i + 1}) kunne ikke læses: {e}")
            continue
        name = info.get("filename") or info.get("name") or f"indlejret-{i + 1}"
        path = folder / f"{i + 1:02d}-{safe_name(name)}"
        path.write_bytes(data)
        doc.children.append(ctx.ingest_child(path, name, depth + 1))


def parse_pdf_date(value: str) -> date | None:
    m = re.match(r"(?:D:)?(\d{4})(\d{2})(\d{2})", value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def image_coverage(page: pymupdf.Page) -> float:
    """Share of the page area covered by images (inline images included)."""
    try:
        infos = page.get_image_info()
    except Exception:  # noqa: BLE001
        return 0.0
    area = abs(page.rect) or 1.0
    covered = 0.0
    for info in infos:
        r = pymupdf.Rect(info.get("bbox", (0, 0, 0, 0))) & page.rect
        if not r.is_empty:
            covered += abs(r)
    return min(covered / area, 1.0)


def needs_ocr(page: pymupdf.Page, lines: list[LineWords]) -> bool:
    """A scan: no text but an image (or text drawn as many vector paths), or only a few
    characters (a stamp, a page number) on top of a page-filling image."""
    chars = 0
    for line in lines:
        for t, _ in line:
            chars += len(t)
        if chars >= 25:
            return False
    if chars == 0:
        if image_coverage(page) > 0.0:
            return True
        try:
            return len(page.get_cdrawings()) >= 200
        except Exception:  # noqa: BLE001
            return False
    return chars < 25 and image_coverage(page) >= 0.5


def unreadable(lines: list[LineWords]) -> bool:
    """A text layer that is mostly replacement or private-use characters (broken font encodings)."""
    text = "".join(t for line in lines for t, _ in line)
    if len(text) < 20:
        return False
    return len(_BAD_CHARS.findall(text)) / len(text) > 0.3


_BAD_CHARS = re.compile("[\ufffd\ue000-\uf8ff\x00-\x1f]")


def unrotated_size(page: pymupdf.Page) -> tuple[float, float]:
    """Width and height of the page in the coordinates the words use (PyMuPDF's unrotated page)."""
    r = page.rect * page.derotation_matrix if page.rotation else page.rect
    return abs(r.width), abs(r.height)


def derotate(lines: list[LineWords], page: pymupdf.Page) -> list[LineWords]:
    """Boxes found on the displayed (rotated) page → the unrotated coordinates get_text uses."""
    if not page.rotation:
        return lines
    m = page.derotation_matrix
    out: list[LineWords] = []
    for line in lines:
        new: LineWords = []
        for t, r in line:
            q = pymupdf.Rect(r.x0, r.y0, r.x1, r.y1) * m
            q.normalize()
            new.append((t, Rect(q.x0, q.y0, q.x1, q.y1)))
        out.append(new)
    return out


_SKIP_ANNOTS = {pymupdf.PDF_ANNOT_LINK, pymupdf.PDF_ANNOT_POPUP, pymupdf.PDF_ANNOT_WIDGET}  # type: ignore[attr-defined]


def process_pdf(ctx: IngestContext, doc: IngestedDocument, pdf: pymupdf.Document, copy_source: bool) -> None:
    """Fill pages/text/rendition of ``doc`` from an open PDF, OCR'ing scanned pages.

    Word boxes are in PyMuPDF's coordinates of the unrotated page (as ``get_text``,
    ``search_for`` and redaction annotations use them); ``Page.width/height`` are
    that page's size. With ``copy_source`` an unmodified, well-formed PDF is copied
    byte for byte as the rendition; otherwise (OCR layer added, repaired, decrypted
    or generated) the document is saved anew.
    """
    opts = ctx.options
    dt = DocText()
    ocr_pages: list[int] = []
    missing_ocr: list[int] = []
    failed_ocr: list[int] = []
    garbled: list[int] = []
    annotated: list[int] = []
    widgets = False
    modified = False
    status = tools.tesseract_status(opts.ocr_language) if opts.ocr else None
    with tempfile.TemporaryDirectory(prefix="ocr-", dir=ctx.workdir) as tmp:
        for page_index in range(pdf.page_count):
            page = pdf.load_page(page_index)
            ctx.step(page.number, pdf.page_count, f"{doc.source_name}: side {page.number + 1} af {pdf.page_count}")
            width, height = unrotated_size(page)
            lines = pdf_page_lines(page)
            ocr = False
            bad_text = unreadable(lines)
            if bad_text or needs_ocr(page, lines):
                if status is not None and status.available:
                    try:
                        ctx.step(page.number, pdf.page_count,
                                 f"{doc.source_name}: OCR af side {page.number + 1} af {pdf.page_count}", force=True)
                        shown = ocr_pdf_page(page, opts.ocr_language, opts.ocr_dpi, Path(tmp), opts.ocr_timeout)
                        ocr = True
                        ocr_pages.append(page.number + 1)
                        if shown:
                            add_invisible_text(page, shown)
                            modified = True
                        lines = derotate(shown, page)
                    except tools.ToolError:
                        failed_ocr.append(page.number + 1)
                elif bad_text:
                    garbled.append(page.number + 1)
                else:
                    missing_ocr.append(page.number + 1)
            try:
                for annot in page.annots() or []:
                    if annot.type[0] not in _SKIP_ANNOTS:
                        annotated.append(page.number + 1)
                        break
                widgets = widgets or page.first_widget is not None
            except Exception:  # noqa: BLE001
                pass
            dt.add_lines(width, height, lines, ocr=ocr)
    if garbled:
        doc.warnings.append(
            f"Teksten på side {page_list(garbled)} kan ikke læses korrekt (defekt skrifttype), og OCR er ikke "
            "installeret. Gennemgå siderne manuelt."
        )
    if annotated:
        doc.warnings.append(
            f"PDF-filen indeholder kommentarer eller noter (side {page_list(annotated)}), som kan indeholde "
            "oplysninger, der ikke må udleveres."
        )
    if widgets:
        doc.warnings.append("PDF-filen indeholder udfyldte formularfelter. Kontrollér deres indhold.")
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
        save_atomic(pdf, target, garbage=3, deflate=True, encryption=pymupdf.PDF_ENCRYPT_NONE)  # type: ignore[attr-defined]
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


def ocr_pdf_page(page: pymupdf.Page, language: str, dpi: int, tmpdir: Path,
                 timeout: float = 180.0) -> list[LineWords]:
    """Render one page (grey), OCR it, return lines of words in page coordinates."""
    rect = page.rect
    zoom = dpi / 72.0
    pixels = rect.width * zoom * rect.height * zoom
    if pixels > MAX_OCR_PIXELS:
        zoom *= (MAX_OCR_PIXELS / pixels) ** 0.5
    pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY, alpha=False)
    png = tmpdir / f"page-{page.number + 1}.pgm"  # uncompressed: much faster to write than PNG
    pix.save(png)
    del pix
    try:
        ocr_lines = tools.ocr_image(png, language, int(round(zoom * 72)), timeout=timeout)
    finally:
        png.unlink(missing_ok=True)
    return [
        [(w.text, Rect(w.x0 / zoom, w.y0 / zoom, w.x1 / zoom, w.y1 / zoom)) for w in line] for line in ocr_lines
    ]


def add_invisible_text(page: pymupdf.Page, lines: list[LineWords]) -> None:
    """Write OCR words (boxes on the displayed page) as invisible text (render mode 3).

    One baseline per line; each word's font size is the line's, reduced where
    needed so the word fits inside its OCR box: a redaction of a word's box
    removes exactly that word. On rotated pages the
    text is written in the unrotated space, turned so it runs with the display.
    """
    fnt = font("helv")
    asc, desc = fnt.ascender, fnt.descender
    rot = page.rotation
    derot = page.derotation_matrix
    if rot:
        page.set_rotation(0)
    try:
        tw_all = pymupdf.TextWriter(page.rect)
        for line in lines:
            if not line:
                continue
            y0 = min(r.y0 for _, r in line)
            y1 = max(r.y1 for _, r in line)
            line_size = max((y1 - y0) / (asc - desc), 1.0)
            baseline = y1 + desc * line_size
            placed = []
            for text, r in line:
                unit_w = fnt.text_length(text, 1.0) or 1.0
                placed.append((text, r, max(min(line_size, (r.x1 - r.x0) / unit_w), 0.5)))
            if not rot:
                for text, r, size in placed:
                    tw_all.append((r.x0, baseline), text, font=fnt, fontsize=size)
                continue
            anchor_d = pymupdf.Point(line[0][1].x0, baseline)
            anchor_u = anchor_d * derot
            tw = pymupdf.TextWriter(page.rect)
            for text, r, size in placed:
                tw.append(anchor_u + (pymupdf.Point(r.x0, baseline) - anchor_d), text, font=fnt, fontsize=size)
            tw.write_text(page, render_mode=3, morph=(anchor_u, pymupdf.Matrix(rot)))
        if not rot:
            tw_all.write_text(page, render_mode=3)
    finally:
        if rot:
            page.set_rotation(rot)
