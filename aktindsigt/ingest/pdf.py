"""PDF files: the text layer page by page; scanned pages are OCR'd (Danish) and get
an invisible text layer in the rendition."""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
from concurrent.futures import Future
from datetime import date
from pathlib import Path

from aktindsigt.core.model import Rect
from aktindsigt.ingest import tools
from aktindsigt.ingest.base import IngestedDocument
from aktindsigt.ingest.layout import A4, DocText, LineWords, font, pdf_page_lines, save_atomic
from aktindsigt.ingest.ocrpool import FileKey, file_key, shared_pool
from aktindsigt.ingest.registry import (
    CORRUPT,
    IngestContext,
    IngestError,
    format_size,
    on_end_of_import,
    register,
    safe_name,
)
from aktindsigt.ingest.registry import count as files
from aktindsigt.ingest.textlayer import ocr_is_better, score_words
from aktindsigt.pdflib import pymupdf, reading_dpi

log = logging.getLogger(__name__)

ENCRYPTED = "PDF-filen er krypteret og kan ikke åbnes uden adgangskode"
MAX_OCR_PIXELS = 60_000_000  # cap the raster of one page (huge page formats)


WRONG_PASSWORD = "Adgangskoden passer ikke til PDF-filen"
BLANK_AFTER_REPAIR = ("PDF-filen er beskadiget: de sider, der kunne gendannes, er tomme. Bed afsenderen om en ny "
                      "kopi af filen.")
#: after this many suspicious pages kept their layer (OCR no better), a document's other pages are not OCR'd
#: for their layer's sake: a 117-page German textbook with formulas took an hour of OCR that changed nothing
TRUST_AFTER_KEPT = 3
TEXT_LAYER_REPLACED = "Tekstlag erstattet af OCR"  # marks the warning (the aktliste's notes can pick it up)


def open_pdf(path: Path, passwords: tuple[str, ...] = (), workdir: Path | None = None) -> pymupdf.Document:
    """Open a PDF, recovering what can be recovered: PyMuPDF first; when it fails or finds no page,
    qpdf (pikepdf) repairs the file and PyMuPDF reads the repaired copy; when qpdf gives up too, the
    cross-reference table and trailer are ignored so that PyMuPDF rebuilds them from the objects.
    "krypteret" only when a password is really needed (qpdf opens files whose /Encrypt is damaged
    but need none). ``passwords`` are tried on an encrypted file."""
    pdf, err = _mupdf(path)
    needs_password = False
    if pdf is not None and pdf.needs_pass:
        if _authenticate(pdf, ("", *passwords)):
            pdf._aktindsigt_decrypted = True  # type: ignore[attr-defined]
        else:
            pdf.close()
            pdf = None
            needs_password = True
    if pdf is not None and pdf.page_count > 0:
        return pdf
    if pdf is not None:
        pdf.close()
    repaired = _qpdf_repair(path, passwords, workdir)
    if isinstance(repaired, pymupdf.Document):
        return repaired
    if repaired == "password" or needs_password:
        if passwords:
            raise IngestError(WRONG_PASSWORD, "none of the given passwords opens the PDF")
        raise IngestError(ENCRYPTED, "PDF needs a password")
    rebuilt = _rebuild(path)
    if rebuilt is not None:
        return rebuilt
    raise IngestError(CORRUPT, f"no PDF reader could open it: {err or '0 pages'}; qpdf: {repaired}")


def _mupdf(path: Path) -> tuple[pymupdf.Document | None, str]:
    try:
        return pymupdf.open(path, filetype="pdf"), ""
    except Exception as e:  # noqa: BLE001
        return None, f"PyMuPDF: {e}"


def _authenticate(pdf: pymupdf.Document, passwords: tuple[str, ...]) -> bool:
    for pw in passwords:
        with contextlib.suppress(Exception):
            if pdf.authenticate(pw):
                return True
    return False


def _qpdf_repair(path: Path, passwords: tuple[str, ...], workdir: Path | None) -> pymupdf.Document | str:
    """A copy repaired (and decrypted) by qpdf, opened by PyMuPDF; else why not ("password" or a message)."""
    import pikepdf

    last = ""
    for pw in ("", *passwords):
        try:
            with pikepdf.open(path, password=pw, attempt_recovery=True) as src:
                if len(src.pages) == 0:
                    return "qpdf found no pages"
                target = (Path(workdir) if workdir else Path(tempfile.gettempdir())) / f"repareret-{os.getpid()}-{id(src)}.pdf"
                src.save(target, fix_metadata_version=False)
            data = target.read_bytes()
            target.unlink(missing_ok=True)
            pdf = pymupdf.open(stream=data, filetype="pdf")
            if pdf.page_count == 0:
                pdf.close()
                return "PyMuPDF found no pages after qpdf"
            pdf._aktindsigt_repaired = "qpdf"  # type: ignore[attr-defined]
            return pdf
        except pikepdf.PasswordError:
            last = "password"
        except Exception as e:  # noqa: BLE001
            return f"{type(e).__name__}: {e}"
    return last


def _rebuild(path: Path) -> pymupdf.Document | None:
    """PyMuPDF's own reconstruction, forced: the file with its cross-reference data made unreadable, so
    that MuPDF scans the objects and finds the catalog by its /Type (a trailer pointing at a missing
    /Root, a table at a wrong offset)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    blinded = re.sub(rb"startxref|\btrailer\b|(?<=\n)xref\b", lambda m: m.group(0)[:-1] + b"_", data)
    try:
        pdf = pymupdf.open(stream=blinded, filetype="pdf")
    except Exception:  # noqa: BLE001
        return None
    if pdf.page_count == 0 or pdf.needs_pass:
        pdf.close()
        return None
    pdf._aktindsigt_repaired = "rebuilt"  # type: ignore[attr-defined]
    return pdf


def was_repaired(pdf: pymupdf.Document) -> bool:
    return bool(getattr(pdf, "_aktindsigt_repaired", None) or pdf.is_repaired)


def check_page_count(pdf: pymupdf.Document, max_pages: int) -> None:
    n = pdf.page_count
    if n > max_pages:
        raise IngestError(f"PDF-filen har {n} sider; grænsen er {max_pages}", f"{n} pages > {max_pages}")
    if n == 0:
        raise IngestError(CORRUPT, "0 pages")


@register([".pdf"], "pdf")
def ingest_pdf(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    pdf = open_pdf(doc.source_path, ctx.options.passwords, ctx.workdir)
    try:
        check_page_count(pdf, ctx.options.max_pages)
        meta = pdf.metadata or {}
        title = (meta.get("title") or "").strip()
        if title and not re.fullmatch(r"(?i)(untitled|uden titel|microsoft word - .*|dokument\d*)", title):
            doc.title = title
        doc.doc_date = parse_pdf_date(meta.get("creationDate") or meta.get("modDate") or "")
        plain = depth == 0 and not was_repaired(pdf) and not getattr(pdf, "_aktindsigt_decrypted", False)
        process_pdf(ctx, doc, pdf, copy_source=True, ahead_key=file_key(doc.source_path) if plain else None)
        embedded_files(ctx, doc, pdf, depth)
    finally:
        pdf.close()


def embedded_files(ctx: IngestContext, doc: IngestedDocument, pdf: pymupdf.Document, depth: int) -> None:
    """Files attached to the PDF (the document's EmbeddedFiles, portfolios, file-attachment annotations on
    its pages) become child documents, like an e-mail's attachments and within the same limits: the
    nesting depth, ``max_attachments`` files, ``max_docx_uncompressed`` bytes per file decoded (and the
    import's budget, see ``IngestContext.ingest_child``). What a limit stops is named in a warning."""
    from aktindsigt.ingest.pdfattach import TooLarge, attachments

    opts = ctx.options
    with attachments(doc.source_path, pdf, opts.passwords) as listed:
        for ref in (a for a in listed if a.external):
            doc.warnings.append(
                f"PDF-filen henviser{f' på side {ref.page}' if ref.page else ''} til "
                f"{f'filen «{ref.name}»' if ref.name else 'en fil'}, som ligger uden for PDF-filen og ikke er "
                "med. Bed afsenderen om filen, hvis den hører til sagen."
            )
        found = [a for a in listed if not a.external]
        n = len(found)
        if not n:
            return
        what = files(n, "vedhæftet fil", "vedhæftede filer")
        where = _where(found)
        if depth + 1 > opts.max_attachment_depth:
            doc.warnings.append(
                f"PDF-filen har {what}{where}, som ikke er indlæst, fordi {'den ligger' if n == 1 else 'de ligger'} "
                f"dybere end {files(opts.max_attachment_depth, 'niveau', 'niveauer')}."
            )
            return
        doc.warnings.append(
            f"PDF-filen har {what}{where}; {'den er indlæst som bilag og følger' if n == 1 else 'de er indlæst som bilag og følger'} "
            "ikke med den anonymiserede PDF."
        )
        if n > opts.max_attachments:
            rest, most = n - opts.max_attachments, f"{opts.max_attachments:,}".replace(",", ".")
            doc.warnings.append(
                f"Kun de første {most} vedhæftede filer er indlæst; {files(rest, 'fil', 'filer')} "
                f"er ikke (grænsen er {most} filer i én PDF-fil). Gennemgå resten i originalen."
            )
            found = found[: opts.max_attachments]
        folder = ctx.new_dir("vedhaeftet")
        for i, att in enumerate(found, 1):
            name = att.name or f"bilag-{i}"
            label = f"«{name}»" + (f" (side {att.page})" if att.page else "")
            limit = min(opts.max_docx_uncompressed, max(ctx.room(), 0))
            try:
                data = att.read(limit)
            except TooLarge as e:
                log.info("%s: attachment %s refused: %s", doc.source_name, name, e)
                if limit < opts.max_docx_uncompressed:
                    doc.warnings.append(f"Den vedhæftede fil {label} er ikke indlæst: de filer, der er pakket ud "
                                        f"af PDF-filen, fylder for meget i alt (over {format_size(opts.max_extracted_bytes)}).")
                else:
                    doc.warnings.append(f"Den vedhæftede fil {label} er ikke indlæst: den fylder over "
                                        f"{format_size(limit)}, når den pakkes ud, og er afvist af sikkerhedshensyn.")
                continue
            except Exception as e:  # noqa: BLE001 - a damaged stream costs that file only
                log.info("%s: attachment %s cannot be read: %s", doc.source_name, name, e)
                doc.warnings.append(f"Den vedhæftede fil {label} kunne ikke læses (beskadiget).")
                continue
            path = folder / f"{i:03d}-{safe_name(name)}"
            path.write_bytes(data)
            del data
            doc.children.append(ctx.ingest_child(path, name, depth + 1))


def _where(found) -> str:
    """' (i dokumentet og på side 2 og 5)' -- where the attached files sit."""
    pages = sorted({a.page for a in found if a.page})
    if not pages:
        return ""
    on_pages = f"på side {page_list(pages)}"
    return f" (i dokumentet og {on_pages})" if any(not a.page for a in found) else f" ({on_pages})"


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
        # a scan, Type 3 or vector-drawn text, or a page of stamps and typewriter annotations
        return image_coverage(page) > 0.0 or has_ink(page)
    if image_coverage(page) >= 0.5:
        return True
    try:
        return len(page.get_cdrawings()) >= 200  # a page number over text drawn as paths
    except Exception:  # noqa: BLE001
        return False


def has_ink(page: pymupdf.Page) -> bool:
    """Does anything show on the page (content or annotations), rendered small?"""
    try:
        zoom = min(100 / max(page.rect.width, 1), 100 / max(page.rect.height, 1), 1.0)
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY, alpha=False, annots=True)
        return not pix.is_unicolor
    except Exception:  # noqa: BLE001
        return False


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


#: annotations the notes warning leaves out: links, popups, form fields (their own warning) and paper clips
#: (the attached files are child documents, named in their own warning)
_SKIP_ANNOTS = {pymupdf.PDF_ANNOT_LINK, pymupdf.PDF_ANNOT_POPUP, pymupdf.PDF_ANNOT_WIDGET,  # type: ignore[attr-defined]
                pymupdf.PDF_ANNOT_FILE_ATTACHMENT}  # type: ignore[attr-defined]


def process_pdf(ctx: IngestContext, doc: IngestedDocument, pdf: pymupdf.Document, copy_source: bool,
                ahead_key: FileKey | None = None) -> None:
    """Fill pages/text/rendition of ``doc`` from an open PDF, OCR'ing scanned pages.

    Word boxes are in PyMuPDF's coordinates of the unrotated page (as ``get_text``,
    ``search_for`` and redaction annotations use them); ``Page.width/height`` are
    that page's size. With ``copy_source`` an unmodified, well-formed PDF is copied
    byte for byte as the rendition; otherwise (OCR layer added, repaired, decrypted
    or generated) the document is saved anew. ``ahead_key``: the file on disk that ``pdf`` is, opened
    as it is, whose scanned pages the import may have read ahead (``ocrpool``).
    """
    opts = ctx.options
    dt = DocText()
    ocr_pages: list[int] = []
    missing_ocr: list[int] = []
    failed_ocr: list[int] = []
    garbled: list[int] = []
    replaced: list[int] = []  # a text layer that could not be trusted, replaced by OCR
    broken: list[int] = []  # text extraction raised
    unloadable: list[int] = []
    blank: list[int] = []  # nothing shows and nothing was read
    annotated: list[int] = []
    widgets = False
    modified = False
    kept_layers = 0  # suspicious pages whose OCR read no better than their layer
    layers_replaced = 0  # suspicious pages whose OCR did
    status = tools.tesseract_status(opts.ocr_language) if opts.ocr else None
    with tempfile.TemporaryDirectory(prefix="ocr-", dir=ctx.workdir) as tmp, contextlib.ExitStack() as stack:
        ahead = None
        if status is not None and status.available and ocr_workers() > 1:
            ahead = OcrAhead(pdf, opts.ocr_language, opts.ocr_dpi, Path(tmp), opts.ocr_timeout, key=ahead_key)
            stack.callback(ahead.close)
        for page_index in range(pdf.page_count):
            number = page_index + 1
            ctx.step(page_index, pdf.page_count, f"{doc.source_name}: side {number} af {pdf.page_count}")
            if ahead is not None:
                ahead.pool.fill_idle()  # Tesseract idle while this file has text pages: the next files' scans
            try:
                page = pdf.load_page(page_index)
                width, height = unrotated_size(page)
            except Exception:  # noqa: BLE001 - one broken page must not fail the document
                log.warning("%s: page %d cannot be loaded", doc.source_name, number, exc_info=True)
                unloadable.append(number)
                dt.add_lines(A4[0], A4[1], [])
                continue
            try:
                lines = pdf_page_lines(page)
                extract_failed = False
            except Exception:  # noqa: BLE001
                log.warning("%s: text extraction of page %d failed", doc.source_name, number, exc_info=True)
                lines, extract_failed = [], True
                broken.append(number)
            ocr = False
            bad_text = unreadable(lines)
            scan = not extract_failed and not bad_text and needs_ocr(page, lines)
            layer = None
            if not (extract_failed or bad_text or scan):
                layer = score_words([t for line in lines for t, _ in line])
                if not layer.suspicious():
                    layer = None
                elif kept_layers >= TRUST_AFTER_KEPT and kept_layers >= 3 * layers_replaced:
                    # the OCR of the suspicious pages mostly read no better: this document's layer is good
                    # text in a language or notation the word lists do not know (German, formulas)
                    log.info("%s: page %d keeps its layer without OCR (%d earlier pages kept theirs)",
                             doc.source_name, number, kept_layers)
                    layer = None
                else:
                    log.info("%s: text layer of page %d not trusted (%s)", doc.source_name, number, layer.reason())
            if extract_failed or bad_text or scan or layer is not None:
                if status is not None and status.available:
                    try:
                        ctx.step(page_index, pdf.page_count,
                                 f"{doc.source_name}: OCR af side {number} af {pdf.page_count}", force=True)
                        if scan and ahead is not None:
                            ahead.scan_found(page)  # this page and the scans after it, two at a time
                        shown = ahead.take(page_index) if ahead is not None else None
                        if shown is None:
                            shown = ocr_pdf_page(page, opts.ocr_language, opts.ocr_dpi, Path(tmp),
                                                 opts.ocr_timeout)
                        use = True
                        if layer is not None:
                            read = score_words([t for line in shown for t, _ in line])
                            use = ocr_is_better(layer, read)
                            if not use:
                                kept_layers += 1
                                log.info("%s: page %d keeps its layer; OCR read no better (%s)", doc.source_name,
                                         number, read.reason())
                        if use:
                            ocr = True
                            ocr_pages.append(number)
                            if bad_text or layer is not None:
                                replaced.append(number)
                            if layer is not None:
                                layers_replaced += 1
                            if shown:
                                add_invisible_text(page, shown)
                                modified = True
                            lines = derotate(shown, page)
                    except Exception as e:  # noqa: BLE001 - Tesseract, or MuPDF rendering the page (FzErrorLimit
                        # "too many nested graphics states" is no RuntimeError): that page only
                        log.warning("%s: OCR of page %d failed: %s", doc.source_name, number, e)
                        failed_ocr.append(number)
                elif bad_text or layer is not None:
                    garbled.append(number)
                elif scan:
                    missing_ocr.append(number)
            try:
                for annot in page.annots() or []:
                    if annot.type[0] not in _SKIP_ANNOTS:
                        annotated.append(number)
                        break
                widgets = widgets or page.first_widget is not None
            except Exception:  # noqa: BLE001
                pass
            if not lines and was_repaired(pdf) and not has_ink(page):
                blank.append(number)
            dt.add_lines(width, height, lines, ocr=ocr)
    if blank and len(blank) == pdf.page_count:
        raise IngestError(BLANK_AFTER_REPAIR, f"repaired PDF, all {len(blank)} pages blank")
    if blank:
        doc.warnings.append(
            f"PDF-filen var beskadiget og er repareret, men side {page_list(blank)} "
            f"{'er tom' if len(blank) == 1 else 'er tomme'} efter reparationen. "
            "Sammenlign med originalen, og bed eventuelt afsenderen om en ny kopi."
        )
    elif was_repaired(pdf):
        doc.warnings.append("PDF-filen var beskadiget og er repareret. Kontrollér, at siderne er hele.")
    if replaced:
        doc.warnings.append(
            f"{TEXT_LAYER_REPLACED} på side {page_list(replaced)}: PDF-filens eget tekstlag kunne ikke læses "
            "korrekt (forkert tegnkodning, spredte bogstaver eller opdelte ord). Kontrollér teksten mod siden."
        )
    if broken:
        ocrd = [n for n in broken if n in ocr_pages]
        lost = [n for n in broken if n not in ocr_pages]
        if ocrd:
            doc.warnings.append(f"Teksten på side {page_list(ocrd)} kunne ikke udtrækkes fra PDF-filen og er "
                                "læst med OCR.")
        if lost:
            doc.warnings.append(f"Teksten på side {page_list(lost)} kunne ikke udtrækkes fra PDF-filen. "
                                "Gennemgå siderne manuelt.")
    if unloadable:
        doc.warnings.append(f"Side {page_list(unloadable)} kunne ikke indlæses (beskadiget) og kan ikke "
                            "anonymiseres automatisk. Gennemgå siderne i originalen.")
    if garbled:
        doc.warnings.append(
            f"Teksten på side {page_list(garbled)} kan ikke læses korrekt (defekt skrifttype eller tekstlag), "
            f"og {'OCR er slået fra' if not opts.ocr else 'OCR er ikke installeret'}. Gennemgå siderne manuelt."
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
    decrypted = pdf.is_encrypted or getattr(pdf, "_aktindsigt_decrypted", False)
    if copy_source and not modified and not was_repaired(pdf) and not decrypted:
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


def render_for_ocr(page: pymupdf.Page, dpi: int, tmpdir: Path) -> tuple[Path, float]:
    """Render one page in grey for Tesseract (at ``dpi``, or a scan's own lower resolution:
    ``pdflib.reading_dpi``): the image file and the zoom it was rendered at."""
    rect = page.rect
    zoom = reading_dpi(page, dpi) / 72.0
    pixels = rect.width * zoom * rect.height * zoom
    if pixels > MAX_OCR_PIXELS:
        zoom *= (MAX_OCR_PIXELS / pixels) ** 0.5
    pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY, alpha=False)
    image = tmpdir / f"page-{page.number + 1}.pgm"  # uncompressed: much faster to write than PNG
    pix.save(image)
    del pix
    return image, zoom


def read_rendered(image: Path, zoom: float, language: str, timeout: float = 180.0) -> list[LineWords]:
    """OCR a page image of ``render_for_ocr`` (and remove it): lines of words in page coordinates."""
    try:
        ocr_lines = tools.ocr_image(image, language, int(round(zoom * 72)), timeout=timeout)
    finally:
        image.unlink(missing_ok=True)
    return [
        [(w.text, Rect(w.x0 / zoom, w.y0 / zoom, w.x1 / zoom, w.y1 / zoom)) for w in line] for line in ocr_lines
    ]


def ocr_pdf_page(page: pymupdf.Page, language: str, dpi: int, tmpdir: Path,
                 timeout: float = 180.0) -> list[LineWords]:
    """Render one page (grey), OCR it, return lines of words in page coordinates."""
    image, zoom = render_for_ocr(page, dpi, tmpdir)
    return read_rendered(image, zoom, language, timeout)


def ocr_workers() -> int:
    """Tesseract processes at a time during an import (``AKTINDSIGT_OCR_WORKERS``, default 2: both cores)."""
    try:
        n = int(os.environ.get("AKTINDSIGT_OCR_WORKERS", "") or 2)
    except ValueError:
        n = 2
    return max(1, min(n, os.cpu_count() or 1, 8))


class OcrAhead:
    """Scanned pages are read by Tesseract ``workers`` at a time (#14), in page order.

    Once a page of a document turns out to be a scan, the pages after it are looked at ahead of the
    loop (text extracted, ``needs_ocr``), and those that are scans too are rendered here (PyMuPDF stays
    in the importing thread) and handed to the import's pool of threads (``ocrpool``) that each run one
    Tesseract process.  The loop takes a page's words when it reaches the page; what it decides (text
    layer or OCR, warnings) is unchanged.  At most ``2 x workers`` rendered pages wait on disk.  Pages
    whose layer is only suspicious are not read ahead: whether they are OCR'd depends on the pages
    before them.  With ``key`` (a file as it lies on disk, opened as it is) the pages the pool read
    ahead of this file while earlier files were imported are taken from there."""

    def __init__(self, pdf: pymupdf.Document, language: str, dpi: int, tmpdir: Path, timeout: float,
                 workers: int | None = None, key: FileKey | None = None) -> None:
        self.pdf, self.language, self.dpi, self.tmpdir, self.timeout = pdf, language, dpi, tmpdir, timeout
        self.workers = workers or ocr_workers()
        self.pool = shared_pool(self.workers)
        self.key = key
        if key is not None:
            self.pool.claim(key)
        self.futures: dict[int, Future] = {}
        self.next = 0
        self.active = False

    def _read_ahead(self, index: int) -> bool:
        return self.key is not None and self.pool.reading(self.key, index, self.language, self.dpi)

    def submit(self, page: pymupdf.Page) -> None:
        if self._read_ahead(page.number):
            return
        image, zoom = render_for_ocr(page, self.dpi, self.tmpdir)
        self.futures[page.number] = self.pool.submit(read_rendered, image, zoom, self.language, self.timeout)

    def scan_found(self, page: pymupdf.Page) -> None:
        """Page ``page`` is a scan: read it in the pool, and look ahead from here on."""
        if page.number not in self.futures:
            self.submit(page)
        self.active = True
        self.next = max(self.next, page.number + 1)
        self.fill()

    def fill(self) -> None:
        while self.active and len(self.futures) < 2 * self.workers and self.next < self.pdf.page_count:
            index = self.next
            self.next += 1
            if self._read_ahead(index):
                continue
            try:
                page = self.pdf.load_page(index)
                lines = pdf_page_lines(page)
                if unreadable(lines) or not needs_ocr(page, lines):
                    continue  # the loop decides about this page itself
                self.submit(page)
            except Exception:  # noqa: BLE001 - the loop meets the same page and handles what is wrong
                continue
        self.pool.fill_idle()  # a thread still free: the next file's scans

    def take(self, index: int) -> list[LineWords] | None:
        """The words of page ``index`` if it was read ahead (a failure raises as ``ocr_pdf_page`` does;
        one read ahead of an earlier file's import is read again here)."""
        future = self.futures.pop(index, None)
        if future is None:
            if self.key is None:
                return None
            got = self.pool.take(self.key, index, self.language, self.dpi)
            self.fill()
            return got
        self.pool.fill_idle()
        try:
            return future.result()
        finally:
            self.fill()

    def close(self) -> None:
        for f in self.futures.values():
            f.cancel()
        for f in self.futures.values():  # the pool outlives the document, its temporary folder does not
            with contextlib.suppress(BaseException):
                if not f.cancelled():
                    f.result()
        self.futures.clear()


def _end_ocr_pool() -> None:
    from aktindsigt.ingest.ocrpool import end_import

    end_import()


on_end_of_import(_end_ocr_pool)


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
