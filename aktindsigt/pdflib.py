"""The one way the project imports PyMuPDF: ``from aktindsigt.pdflib import pymupdf``.

Importing this module first keeps PyMuPDF's optional layout analysis, pymupdf4llm and onnxruntime
(telemetry) out of the process (see :mod:`aktindsigt.offline`); ``tests/test_offline.py`` fails when
a module of the project imports ``pymupdf`` or ``fitz`` any other way.
"""

from __future__ import annotations

from aktindsigt.offline import keep_out

keep_out()

import pymupdf  # noqa: E402  (after keep_out, on purpose)

__all__ = ["MIN_SCAN_DPI", "pymupdf", "reading_dpi", "release_caches"]


#: the lowest resolution a scanned page is read at: a coarser scan is enlarged to it (#14)
MIN_SCAN_DPI = 150
#: images covering at least this share of the page make it a scan (read at their resolution)
SCAN_COVERAGE = 0.5


def reading_dpi(page: pymupdf.Page, dpi: int) -> int:
    """The resolution to render ``page`` at for Tesseract: ``dpi``, or the page's own resolution when it
    is a scan of less (a 200 dpi scan rendered at 300 dpi gives Tesseract 2.25 times the pixels and no
    more detail).  A scan is a page whose images cover at least :data:`SCAN_COVERAGE` of it; its
    resolution is the finest of those images' (pixels over displayed size), never below
    :data:`MIN_SCAN_DPI`.  Pages of text or vector art keep ``dpi``.  Import and verification both call
    this, so a page is read at the same resolution by both.

    Measured on pages drawn independently of the project (PIL, 3 fonts, 8-12 pt, scanned at 150/200/300
    dpi with noise, blur, skew and JPEG; /work/helpers/ocr_dpi.py, 36 pages): word recall at the native
    resolution 0.994-1.000 against 0.991-1.000 at 300 dpi, 0.6-0.75x the Tesseract time per page."""
    try:
        infos = page.get_image_info()
    except Exception:  # noqa: BLE001 - an unreadable image list: read as before
        return dpi
    bounds = page.rect * page.derotation_matrix
    bounds.normalize()
    area = abs(bounds)
    if not area:
        return dpi
    covered, finest = 0.0, 0.0
    for info in infos:
        r = pymupdf.Rect(info.get("bbox", (0, 0, 0, 0))) & bounds
        t = info.get("transform") or (0, 0, 0, 0, 0, 0)
        w_pt, h_pt = (t[0] ** 2 + t[1] ** 2) ** 0.5, (t[2] ** 2 + t[3] ** 2) ** 0.5
        if r.is_empty or w_pt < 1 or h_pt < 1 or abs(r) < 0.05 * area:
            continue
        covered += abs(r)
        finest = max(finest, 72 * int(info.get("width") or 0) / w_pt, 72 * int(info.get("height") or 0) / h_pt)
    if covered < SCAN_COVERAGE * area or finest <= 0:
        return dpi
    return int(min(dpi, max(MIN_SCAN_DPI, round(finest))))


def release_caches() -> None:
    """Empty MuPDF's store (decoded images, fonts, display lists; up to 256 MB) between the documents of a
    long run whose earlier documents are not looked at again: the redaction of a case kept it full and
    held 1.2 GB at 1,000 pages against 0.66 GB with the store emptied (#14).  Items in use stay."""
    pymupdf.TOOLS.store_shrink(100)
