"""Finding every occurrence of a term on the pages: text layer and OCR of images.

    find_term_boxes(doc, terms, label=DEFAULT_LABEL, ocr="auto", ocr_dpi=300) -> TermSearchResult

Text layer: the page's characters in reading order (rawdict, no mediabox clip),
folded and compacted (case, whitespace, hyphen at line end, number separators; see
``textnorm.find_in_units``) -- this finds "Han-\\nsen", "H A N S E N" and text
written glyph by glyph -- plus PyMuPDF ``search_for`` (case-insensitive).
Images: pages with images (``ocr="auto"``) or all pages (``ocr="always"``) are
read with Tesseract (Danish) and hits become area boxes over the pixels; single
words of 6+ letters also match OCR words one letter off.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from aktindsigt.core.model import Rect
from aktindsigt.pdflib import pymupdf
from aktindsigt.redact.engine import page_chars
from aktindsigt.redact.model import DEFAULT_LABEL, RedactionBox
from aktindsigt.redact.ocr import OcrUnavailable, OcrWord, ocr_page, tesseract_status
from aktindsigt.redact.ocr_cache import OcrSession, vector_text
from aktindsigt.redact.textnorm import CharUnit, UnitIndex, compact, find_in_units, fold
from aktindsigt.redact.verify import _levenshtein_le1


@dataclass(slots=True)
class TermSearchResult:
    boxes: list[RedactionBox] = field(default_factory=list)
    text_hits: int = 0
    ocr_hits: int = 0
    ocr_pages: list[int] = field(default_factory=list)  # pages that should be read by OCR
    ocr_ran: bool = False  # False: Tesseract missing or OCR off -- text in images not searched
    ocr_message: str = ""


def _rect(r: pymupdf.Rect) -> Rect:
    return Rect(float(r.x0), float(r.y0), float(r.x1), float(r.y1))


def _union_by_line(units: Sequence[CharUnit], idxs: Sequence[int]) -> list[pymupdf.Rect]:
    by_line: dict[tuple, pymupdf.Rect] = {}
    for i in idxs:
        u = units[i]
        if u.c.isspace():
            continue
        r = pymupdf.Rect(u.rect)
        by_line[u.line] = by_line[u.line] | r if u.line in by_line else r
    return list(by_line.values())


def _covered(r: pymupdf.Rect, others: Sequence[pymupdf.Rect], frac: float = 0.5) -> bool:
    area = r.get_area() or 1e-9
    return any((r & o).get_area() >= frac * area for o in others)


def text_layer_hits(page: pymupdf.Page, terms: Sequence[str]) -> list[pymupdf.Rect]:
    units = [CharUnit(c, r, line) for c, r, line in page_chars(page)]
    index = UnitIndex(units)
    rects: list[pymupdf.Rect] = []
    for term in terms:
        for idxs in index.find(term):
            rects.extend(_union_by_line(units, idxs))
    for term in terms:
        try:
            found = page.search_for(term)
        except Exception:  # noqa: BLE001
            found = []
        for r in found:
            if r.is_empty or _covered(r, rects):
                continue
            rects.append(pymupdf.Rect(r))
    return [r for r in rects if not r.is_empty]


def _gray(page: pymupdf.Page, dpi: int):
    import numpy as np

    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    return np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width]


def grow_to_ink(gray, page: pymupdf.Page, r: pymupdf.Rect, dpi: int, threshold: int = 160) -> pymupdf.Rect:
    """Grow ``r`` until its edges run through blank pixels, so no stroke of a glyph sticks out.

    OCR word boxes can miss a stem or a serif; redacting a partial glyph leaves a
    visible hint.  Growth per side is limited to the box height.
    """
    s = dpi / 72.0
    vis = r * page.rotation_matrix
    vis.normalize()
    h_img, w_img = gray.shape
    x0, y0 = max(int(vis.x0 * s), 0), max(int(vis.y0 * s), 0)
    x1, y1 = min(int(vis.x1 * s) + 1, w_img - 1), min(int(vis.y1 * s) + 1, h_img - 1)
    limit = max(int(y1 - y0), 4)
    ink = gray < threshold
    for _ in range(limit):
        if x0 > 0 and ink[y0:y1, x0].any():
            x0 -= 1
        else:
            break
    for _ in range(limit):
        if x1 < w_img - 1 and ink[y0:y1, x1].any():
            x1 += 1
        else:
            break
    for _ in range(limit):
        if y0 > 0 and ink[y0, x0:x1].any():
            y0 -= 1
        else:
            break
    for _ in range(limit):
        if y1 < h_img - 1 and ink[y1, x0:x1].any():
            y1 += 1
        else:
            break
    grown = pymupdf.Rect(x0 / s, y0 / s, x1 / s, y1 / s) * page.derotation_matrix
    grown.normalize()
    return grown | r


def ocr_hits(page: pymupdf.Page, terms: Sequence[str], dpi: int = 300,
             words: Sequence[OcrWord] | None = None) -> list[pymupdf.Rect]:
    """OCR boxes (unpadded) of the terms on ``page`` (in ``words``, read already, or read now)."""
    if words is None:
        words = ocr_page(page, dpi=dpi)
    units: list[CharUnit] = []
    for k, w in enumerate(words):
        if k and words[k - 1].line == w.line:
            units.append(CharUnit(" ", tuple(w.rect), w.line))
        n = len(w.text)
        cw = w.rect.width / max(n, 1)
        for j, c in enumerate(w.text):
            units.append(CharUnit(c, (w.rect.x0 + j * cw, w.rect.y0, w.rect.x0 + (j + 1) * cw, w.rect.y1), w.line))
    rects: list[pymupdf.Rect] = []
    for term in terms:
        for idxs in find_in_units(units, term):
            rects.extend(_union_by_line(units, idxs))
        key = compact(fold(term))
        if len(key) >= 6 and key.isalnum():
            for w in words:
                t = re.sub(r"[^\w]", "", fold(w.text))
                if len(t) >= 5 and t != key and _levenshtein_le1(key, t):
                    rects.append(pymupdf.Rect(w.rect))
    out: list[pymupdf.Rect] = []
    for r in rects:  # the two segmentation runs usually agree: keep one of each
        if not r.is_empty and not _covered(r, out, 0.8):
            out.append(r)
    return out


def pad_ocr_rect(gray, page: pymupdf.Page, r: pymupdf.Rect, dpi: int, pad: float = 1.5) -> pymupdf.Rect:
    g = grow_to_ink(gray, page, r, dpi)
    return g + (-pad, -pad, pad, pad)


def find_term_boxes(
    doc: pymupdf.Document,
    terms: Sequence[str],
    label: str = DEFAULT_LABEL,
    ocr: str = "auto",
    ocr_dpi: int = 300,
    session: OcrSession | None = None,
) -> TermSearchResult:
    """Boxes for every occurrence of every term (``ocr``: "auto" | "always" | "never").

    "auto" reads the images and vector paths that could hold text (``ocr_cache``),
    "always" every page whole; ``session`` keeps the readings for the verification of the output."""
    terms = [t for t in dict.fromkeys(t.strip() for t in terms) if t]
    res = TermSearchResult()
    ocr_ok, res.ocr_message = tesseract_status() if ocr != "never" else (False, "OCR slået fra")
    per_page: dict[int, list[pymupdf.Rect]] = defaultdict(list)
    want: dict[int, list[pymupdf.Rect] | None] = {}
    for page in doc:
        pno = page.number + 1
        rects = text_layer_hits(page, terms)
        res.text_hits += len(rects)
        res.boxes.extend(RedactionBox(pno, _rect(r), label, "text") for r in rects)
        per_page[pno] = rects
        wants_ocr = ocr == "always" or (ocr == "auto" and bool(page.get_images(full=False) or vector_text(page)))
        if wants_ocr:
            res.ocr_pages.append(pno)
            want[pno] = [(page.rect * page.derotation_matrix).normalize()] if ocr == "always" else None
    if not (want and ocr_ok):
        return res
    res.ocr_ran = True
    session = session or OcrSession(dpi=ocr_dpi)
    try:
        read = session.read_input(doc, want, skip=per_page)
    except OcrUnavailable as exc:
        res.ocr_message = str(exc)
        return res
    for pno, words in sorted(read.items()):
        page = doc[pno - 1]
        found = ocr_hits(page, terms, dpi=session.dpi, words=words)
        gray = _gray(page, session.dpi) if found else None
        for r in found:
            if _covered(r, per_page[pno], 0.9):
                continue  # the text layer already has it
            r = pad_ocr_rect(gray, page, r, session.dpi)
            res.boxes.append(RedactionBox(pno, _rect(r), label, "area"))
            res.ocr_hits += 1
    return res
