"""Nothing outside the boxes was lost: the rendered page before and after, not only the text (#15).

Both PDFs are rendered in grey at a low resolution; a pixel is *lost* when it carried ink in the original
(darker than ``INK``) and is blank in the redacted file (lighter than ``BLANK``).  The boxes (widened by a
small margin), withheld pages, and annotations that redaction removes by design (hidden ones, notes,
attachments, media: ``sanitize._NOT_BURNED``) do not count.  What the redactor adds (boxes, labels,
the page stamp) is never a loss.  A page fails when more than ``max(MIN_PIXELS, SHARE * ink)`` pixels
are lost - e.g. a page of stamps and typewriter text (annotations) released blank.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence

from PIL import Image, ImageChops, ImageDraw

from aktindsigt.pdflib import pymupdf

DPI = 50
INK = 160
BLANK = 235
MARGIN_PT = 3.0
MIN_PIXELS = 40
SHARE = 0.03


def _gray(page: pymupdf.Page) -> Image.Image:
    pix = page.get_pixmap(dpi=DPI, colorspace=pymupdf.csGRAY, alpha=False, annots=True)
    return Image.frombytes("L", (pix.width, pix.height), pix.samples)


def _dropped_annots(page: pymupdf.Page) -> list[pymupdf.Rect]:
    from aktindsigt.redact.sanitize import _HIDDEN_FLAGS, _NOT_BURNED

    out = []
    for a in page.annots() or []:
        try:
            if a.type[0] in _NOT_BURNED or a.flags & _HIDDEN_FLAGS:
                out.append(pymupdf.Rect(a.rect))
        except Exception:  # noqa: BLE001 - a broken annotation is removed by the sanitiser
            continue
    return out


def lost_outside_boxes(original: str | os.PathLike, redacted: str | os.PathLike,
                       boxes: Mapping[int, Sequence], skip_pages: Iterable[int] = ()) -> list[str]:
    """Danish lines, one per page that lost content outside its boxes (``boxes``: page number -> rects in
    unrotated page coordinates, as the redaction boxes)."""
    skip = set(skip_pages)
    problems = []
    src, out = pymupdf.open(original), pymupdf.open(redacted)
    try:
        for pno in range(min(src.page_count, out.page_count)):
            if pno + 1 in skip:
                continue
            sp, op = src[pno], out[pno]
            before, after = _gray(sp), _gray(op)
            if before.size != after.size:
                problems.append(f"Side {pno + 1} har fået en anden størrelse ved overstregningen.")
                continue
            ink = before.point(lambda v: 255 if v < INK else 0)
            gone = after.point(lambda v: 255 if v > BLANK else 0)
            lost = ImageChops.multiply(ink, gone)
            to_pixels = sp.rotation_matrix * pymupdf.Matrix(DPI / 72, DPI / 72)
            draw_lost, draw_ink = ImageDraw.Draw(lost), ImageDraw.Draw(ink)
            for r in [*(pymupdf.Rect(*_xy(b)) for b in boxes.get(pno + 1, ())), *_dropped_annots(sp)]:
                q = (r + (-MARGIN_PT, -MARGIN_PT, MARGIN_PT, MARGIN_PT)) * to_pixels
                for d in (draw_lost, draw_ink):
                    d.rectangle([q.x0, q.y0, q.x1, q.y1], fill=0)
            n_lost, n_ink = lost.histogram()[255], ink.histogram()[255]
            if n_lost > max(MIN_PIXELS, SHARE * n_ink):
                problems.append(f"Side {pno + 1}: {round(100 * n_lost / max(n_ink, 1))} % af det, der står uden "
                                "for overstregningerne, er forsvundet i den overstregede fil.")
    finally:
        src.close()
        out.close()
    return problems


def _xy(r) -> tuple[float, float, float, float]:
    if hasattr(r, "x0"):
        return r.x0, r.y0, r.x1, r.y1
    return tuple(r)  # type: ignore[return-value]


def add_pixel_check(report, original: str | os.PathLike, redacted: str | os.PathLike, boxes: Iterable,
                    skip_pages: Iterable[int] = ()) -> None:
    """Append the check ``outside_boxes_kept`` to a ``VerificationReport`` (``boxes``: ``RedactionBox``es);
    a page that lost content outside its boxes fails the report."""
    from aktindsigt.redact.verify import CheckResult

    by_page: dict[int, list] = {}
    for b in boxes:
        by_page.setdefault(b.page, []).append(b.rect)
    try:
        problems = lost_outside_boxes(original, redacted, by_page, skip_pages)
        check = CheckResult("outside_boxes_kept", not problems, "failed" if problems else "passed", problems)
    except Exception as e:  # noqa: BLE001 - fail closed: a file that cannot be compared is not released
        check = CheckResult("outside_boxes_kept", False, "error", [f"{type(e).__name__}: {e}"])
    report.checks.append(check)
    report.passed = report.passed and check.passed
