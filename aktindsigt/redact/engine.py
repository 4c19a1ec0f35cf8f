"""Burning redaction boxes into a PDF: true removal, labels, withheld pages, stamps.

    redact_pdf(input_path, output_path, boxes, withholds=(), options=None) -> RedactResult

Removal uses PyMuPDF redaction annotations, applied in passes:

1. text boxes, full rectangle: image pixels blanked, vector paths fully covered removed;
2. area boxes, full rectangle: text, pixels and every vector path touching them removed;
3. text boxes, vertically shrunk to their middle band: glyphs removed.  MuPDF removes
   every glyph whose box *intersects* a redaction rectangle, and glyph boxes of
   neighbouring lines often overlap, so the full box would eat the line above/below;
4. a check: every glyph whose centre lies in a box must be gone (else the box gets a
   full-rectangle text pass), and every glyph outside all boxes must still be there
   (``RedactResult.collateral_loss``).

Then boxes and labels are drawn, withheld pages replaced, the document sanitised and
written as a complete new file (garbage collection, no incremental history).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from aktindsigt.core.geometry import combine_labels, merge_regions
from aktindsigt.pdflib import pymupdf
from aktindsigt.redact.actions import remove_actions_from_file
from aktindsigt.redact.model import PageWithhold, RedactionBox, RedactOptions, RedactResult
from aktindsigt.redact.pdfsyntax import split_tj_arrays
from aktindsigt.redact.sanitize import (
    filter_links,
    flatten_and_strip_annotations,
    remove_hidden_layers,
    rewrite_outline,
    strip_document,
)
from aktindsigt.redact.textnorm import Needles, needles

FONT = "helv"
# text extraction without clipping to the mediabox, keeping ligatures and whitespace
TEXT_FLAGS = (
    pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE
)


class RedactError(Exception):
    """The input cannot be redacted (message in Danish, for the caseworker)."""


def uninterpretable_pages(doc: pymupdf.Document) -> list[int]:
    """Pages (1-based) whose content MuPDF cannot interpret: its text extraction raises (a damaged or
    fuzzed content stream, "too many nested graphics states"). Such a page can be neither redacted nor
    verified; the import reads it as a page warning, redaction refuses it unless it is withheld."""
    bad: list[int] = []
    for page in doc:  # type: ignore[attr-defined]
        try:
            page.get_text("text", flags=0)
        except Exception:  # noqa: BLE001 - MuPDF's errors are not all RuntimeErrors (FzErrorLimit)
            bad.append(page.number + 1)
    return bad


def uninterpretable_message(pages: Sequence[int], can_withhold: bool = True) -> str:
    shown = ", ".join(str(p) for p in pages)
    return (f"Side {shown} kan ikke læses af PDF-programmet (sidens indhold er beskadiget) og kan derfor "
            "hverken overstreges eller kontrolleres. "
            + ("Tilbagehold siden, eller bed afsenderen om en ny kopi af filen." if can_withhold
               else "Bed afsenderen om en ny kopi af filen."))


def to_rect(r) -> pymupdf.Rect:
    if isinstance(r, pymupdf.Rect):
        return pymupdf.Rect(r)
    return pymupdf.Rect(r.x0, r.y0, r.x1, r.y1)


def page_chars(page: pymupdf.Page) -> list[tuple[str, tuple[float, float, float, float], tuple]]:
    """All characters of the page (visible or not, inside the mediabox or not): (c, bbox, line)."""
    out: list[tuple[str, tuple[float, float, float, float], tuple]] = []
    raw = page.get_text("rawdict", flags=TEXT_FLAGS)
    for b in raw.get("blocks", []):
        if b.get("type") != 0:
            continue
        bn = b.get("number")
        for li, line in enumerate(b.get("lines", [])):
            key = (bn, li)
            for span in line.get("spans", []):
                for ch in span.get("chars", []):
                    out.append((ch["c"], tuple(ch["bbox"]), key))
    return out


def _centre_mask(chars, boxes: Sequence[pymupdf.Rect]):
    """Boolean matrix [char, box]: the centre of the character lies in the box."""
    import numpy as np

    if not chars or not boxes:
        return np.zeros((len(chars), len(boxes)), dtype=bool)
    bb = np.array([r for _c, r, _l in chars], dtype=float)
    cx = (bb[:, 0] + bb[:, 2]) / 2
    cy = (bb[:, 1] + bb[:, 3]) / 2
    bx = np.array([(r.x0, r.y0, r.x1, r.y1) for r in boxes], dtype=float)
    return (
        (cx[:, None] >= bx[None, :, 0])
        & (cx[:, None] <= bx[None, :, 2])
        & (cy[:, None] >= bx[None, :, 1])
        & (cy[:, None] <= bx[None, :, 3])
    )


def _touch_mask(chars, boxes: Sequence[pymupdf.Rect]):
    """Boolean matrix [char, box]: the character's box overlaps the box."""
    import numpy as np

    if not chars or not boxes:
        return np.zeros((len(chars), len(boxes)), dtype=bool)
    bb = np.array([r for _c, r, _l in chars], dtype=float)
    bx = np.array([(r.x0, r.y0, r.x1, r.y1) for r in boxes], dtype=float)
    return (
        (bb[:, None, 0] < bx[None, :, 2])
        & (bx[None, :, 0] < bb[:, None, 2])
        & (bb[:, None, 1] < bx[None, :, 3])
        & (bx[None, :, 1] < bb[:, None, 3])
    )


def shrink_for_text(r: pymupdf.Rect, band: float) -> pymupdf.Rect:
    """The middle horizontal band of ``r`` (``band`` of its height), a hair narrower."""
    band = min(max(band, 0.05), 1.0)
    h = r.height
    my = (r.y0 + r.y1) / 2
    dx = min(0.5, r.width * 0.05)
    return pymupdf.Rect(r.x0 + dx, my - h * band / 2, r.x1 - dx, my + h * band / 2)


def _apply(page: pymupdf.Page, rects: Sequence[pymupdf.Rect], images: int, graphics: int, text: int) -> None:
    if not rects:
        return
    for r in rects:
        page.add_redact_annot(r, fill=False, cross_out=False)
    page.apply_redactions(images=images, graphics=graphics, text=text)


def _image_rects(page: pymupdf.Page) -> list[pymupdf.Rect]:
    rects = []
    try:
        for info in page.get_image_info():
            rects.append(pymupdf.Rect(info["bbox"]))
    except Exception:  # noqa: BLE001
        pass
    return rects


def redact_page(
    page: pymupdf.Page, boxes: Sequence[RedactionBox], options: RedactOptions
) -> tuple[list[str], list[str], int, bool]:
    """Remove content under ``boxes`` on one page (no drawing).

    Returns (texts under the boxes, characters lost outside the boxes,
    number of boxes that needed a full-rectangle second pass, page had image/area redactions).
    """
    text_boxes = [to_rect(b.rect) for b in boxes if b.kind == "text"]
    _split_tj(page)  # no-op when the pipeline has done it already
    area_boxes = [to_rect(b.rect) for b in boxes if b.kind == "area"]
    all_boxes = text_boxes + area_boxes

    before = page_chars(page)
    # text under the boxes (for outline/link filtering and verification)
    in_text = _centre_mask(before, text_boxes)
    in_area = _touch_mask(before, area_boxes)
    under: dict[int, list[str]] = defaultdict(list)
    survivors: Counter = Counter()
    for k, (c, r, _line) in enumerate(before):
        hit = None
        if in_text.shape[1] and in_text[k].any():
            hit = int(in_text[k].argmax())
        elif in_area.shape[1] and in_area[k].any():
            hit = len(text_boxes) + int(in_area[k].argmax())
        if hit is not None:
            under[hit].append(c)
        elif not c.isspace():
            survivors[(c, round(r[0]), round(r[1]))] += 1
    # only strings long enough to search for without false alarms (verify uses them);
    # characters merely touching an area box are removed but not reported
    centre_area = _centre_mask(before, area_boxes)
    texts = []
    for k, v in sorted(under.items()):
        if k >= len(text_boxes):
            j = k - len(text_boxes)
            v = [before[m][0] for m in range(len(before)) if centre_area[m, j]]
        t = " ".join("".join(v).split())
        if sum(ch.isalnum() for ch in t) >= 3:
            texts.append(t)

    images = _image_rects(page)
    had_image = bool(area_boxes) or any(b.intersects(ir) for b in all_boxes for ir in images)

    # 1. pixels and fully covered vector graphics under the full text boxes
    _apply(
        page,
        text_boxes,
        images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
        graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED,
        text=pymupdf.PDF_REDACT_TEXT_NONE,
    )
    # 2. area boxes: everything under or touching them
    _apply(
        page,
        area_boxes,
        images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
        graphics=pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED,
        text=pymupdf.PDF_REDACT_TEXT_REMOVE,
    )
    # 3. glyphs under the text boxes, with the shrunk band
    _apply(
        page,
        [shrink_for_text(b, options.text_removal_band) for b in text_boxes],
        images=pymupdf.PDF_REDACT_IMAGE_NONE,
        graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
        text=pymupdf.PDF_REDACT_TEXT_REMOVE,
    )
    # 4. check: nothing left whose centre is in a text box; nothing lost outside
    after = page_chars(page)
    left = [t for t in after if not t[0].isspace()]
    residual = _centre_mask(left, text_boxes)
    residual_boxes = {int(i) for i in residual.any(axis=0).nonzero()[0]} if residual.size else set()
    second = len(residual_boxes)
    if residual_boxes:
        _apply(
            page,
            [text_boxes[i] for i in sorted(residual_boxes)],
            images=pymupdf.PDF_REDACT_IMAGE_PIXELS,
            graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
            text=pymupdf.PDF_REDACT_TEXT_REMOVE,
        )
        after = page_chars(page)
    remaining: Counter = Counter((c, round(r[0]), round(r[1])) for c, r, _ in after if not c.isspace())
    lost = list((survivors - remaining).elements())
    return texts, [c for c, _x, _y in lost], second, had_image


def remove_offpage_text(page: pymupdf.Page, margin: float = 1.0) -> None:
    """Remove text placed outside the visible page (outside the crop box).

    Text extraction never sees it, but it is in the content stream: a classic
    hiding place.  Glyphs within ``margin`` of the edge are kept.
    """
    big = 1e5
    c = page.cropbox
    rects = [
        pymupdf.Rect(-big, -big, big, c.y0 - margin),
        pymupdf.Rect(-big, c.y1 + margin, big, big),
        pymupdf.Rect(-big, -big, c.x0 - margin, big),
        pymupdf.Rect(c.x1 + margin, -big, big, big),
    ]
    _apply(
        page,
        rects,
        images=pymupdf.PDF_REDACT_IMAGE_NONE,
        graphics=pymupdf.PDF_REDACT_LINE_ART_NONE,
        text=pymupdf.PDF_REDACT_TEXT_REMOVE,
    )


def _split_tj(page: pymupdf.Page) -> None:
    """Rewrite TJ arrays of the page's content (and its form XObjects) as Tj runs."""
    doc = page.parent
    xrefs = list(page.get_contents())
    with contextlib.suppress(Exception):
        xrefs += [f[0] for f in page.get_xobjects()]
    for x in dict.fromkeys(xrefs):
        try:
            data = doc.xref_stream(x)
        except Exception:  # noqa: BLE001
            continue
        if not data or b"TJ" not in data:
            continue
        new, n = split_tj_arrays(data)
        if n:
            doc.update_stream(x, new)


# ---------------------------------------------------------------- drawing


def _visible(page: pymupdf.Page, r: pymupdf.Rect) -> pymupdf.Rect:
    return r * page.rotation_matrix


_FONT_OBJECTS: dict[int, int] = {}


def ensure_font(page: pymupdf.Page) -> None:
    """Make sure the page's own resources define /helv before we write text with it.

    PyMuPDF looks for an existing "helv" among *all* fonts the page uses, including
    those inside form XObjects; it then skips adding it to the page's resources and
    the labels would reference a font the page does not have.
    """
    doc = page.parent
    if doc.xref_get_key(page.xref, "Resources/Font/helv")[0] != "null":
        return
    key = id(doc)
    fx = _FONT_OBJECTS.get(key)
    if fx is None or fx >= doc.xref_length() or "/Helvetica" not in doc.xref_object(fx):
        fx = doc.get_new_xref()
        doc.update_object(fx, "<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>")
        _FONT_OBJECTS[key] = fx
    kind, val = doc.xref_get_key(page.xref, "Resources")
    if kind == "xref":
        doc.xref_set_key(int(val.split()[0]), "Font/helv", f"{fx} 0 R")
    else:
        doc.xref_set_key(page.xref, "Resources/Font/helv", f"{fx} 0 R")


def _insert_upright(
    page: pymupdf.Page, vis_point: pymupdf.Point, text: str, fontsize: float, color, target=None
) -> None:
    """Insert ``text`` with its baseline start at ``vis_point`` in *visible* page coordinates.

    ``target``: a Shape of the page to batch into (default: the page itself).
    """
    p = vis_point * page.derotation_matrix
    (target or page).insert_text(p, text, fontname=FONT, fontsize=fontsize, color=color, rotate=page.rotation)


def fit_fontsize(label: str, width: float, height: float, max_fs: float) -> float:
    unit = pymupdf.get_text_length(label, fontname=FONT, fontsize=1)
    if unit <= 0:
        return 0.0
    # 8 % headroom: rendered widths run a little wider than get_text_length says
    return min(max_fs, height * 0.78, (width - 1.5) / (unit * 1.08))


def _drawn_rect(b: RedactionBox, options: RedactOptions) -> pymupdf.Rect:
    """The painted box: text boxes lose a little at top and bottom (glyph boxes include
    the line gap, so the full box would paint over the lines above and below)."""
    r = to_rect(b.rect)
    if b.kind == "text" and options.text_box_inset > 0:
        d = r.height * options.text_box_inset
        r = pymupdf.Rect(r.x0, r.y0 + d, r.x1, r.y1 - d)
    return r


def merge_for_drawing(boxes: Sequence[RedactionBox]) -> list[RedactionBox]:
    """One painted box per region: boxes that overlap or touch on a line, or that one covers, are
    painted as one, labelled with every ground of its members ("§ 29, § 30, nr. 1"; a footnote
    when that does not fit).  ``core.geometry.merge_regions`` decides, for the outputs too."""
    regions = merge_regions([(b.page, b.rect, b.kind) for b in boxes])
    return [RedactionBox(r.page, r.rect, combine_labels([boxes[i].label for i in r.members]), r.kind)  # type: ignore[arg-type]
            for r in regions]


def draw_boxes(page: pymupdf.Page, boxes: Sequence[RedactionBox], options: RedactOptions) -> int:
    """Fill each box and write its label (or a footnote number and a margin legend)."""
    notes: dict[str, int] = {}
    boxes = merge_for_drawing(boxes)
    ensure_font(page)
    shape = page.new_shape()  # one content-stream update for all boxes and labels
    for b in boxes:
        shape.draw_rect(_drawn_rect(b, options))
        shape.finish(color=None, fill=options.fill, width=0)
    for b in boxes:
        r = _drawn_rect(b, options)
        label = b.label or ""
        if not label:
            continue
        # write the label upright on the visible page, or along the unrotated x axis
        # (the text direction on a rotated page) when that gives a larger font
        vis = _visible(page, r)
        fs = fit_fontsize(label, vis.width, vis.height, options.max_label_fontsize)
        along = page.rotation != 0 and fit_fontsize(label, r.width, r.height, options.max_label_fontsize) > fs
        frame = r if along else vis
        if along:
            fs = fit_fontsize(label, r.width, r.height, options.max_label_fontsize)
        if fs < options.min_label_fontsize:
            n = notes.setdefault(label, len(notes) + 1)
            label = str(n)
            frame = vis
            along = False
            fs = fit_fontsize(label, vis.width, vis.height, options.max_label_fontsize)
            if fs < 2.5:
                continue
        tw = pymupdf.get_text_length(label, fontname=FONT, fontsize=fs)
        x = frame.x0 + (frame.width - tw) / 2
        y = (frame.y0 + frame.y1) / 2 + fs * 0.35
        if along:
            shape.insert_text((x, y), label, fontname=FONT, fontsize=fs, color=options.label_color)
        else:
            _insert_upright(page, pymupdf.Point(x, y), label, fs, options.label_color, target=shape)
    shape.commit(overlay=True)
    if notes:
        legend = "   ".join(f"{n}) {lab}" for lab, n in sorted(notes.items(), key=lambda kv: kv[1]))
        vrect = page.rect  # visible size
        fs = min(7.0, fit_fontsize(legend, vrect.width - 40, 12, 7.0))
        _insert_upright(page, pymupdf.Point(20, vrect.height - 18), legend, max(fs, 3.0), (0, 0, 0))
    return len(notes)


def stamp_page(page: pymupdf.Page, text: str, fontsize: float) -> None:
    ensure_font(page)
    vrect = page.rect
    fs = min(fontsize, fit_fontsize(text, vrect.width - 40, 12, fontsize))
    tw = pymupdf.get_text_length(text, fontname=FONT, fontsize=fs)
    _insert_upright(page, pymupdf.Point((vrect.width - tw) / 2, vrect.height - 7), text, fs, (0.25, 0.25, 0.25))


def _withhold(doc: pymupdf.Document, pno: int, ground_label: str, options: RedactOptions) -> None:
    old = doc[pno]
    w, h = old.rect.width, old.rect.height  # visible size
    doc.delete_page(pno)
    page = doc.new_page(pno, width=w, height=h)
    text = options.withheld_text.format(ground=ground_label)
    box = pymupdf.Rect(60, h / 2 - 60, w - 60, h / 2 + 60)
    page.draw_rect(box, color=(0, 0, 0), fill=(0.93, 0.93, 0.93), width=1)
    page.insert_textbox(box + (12, 20, -12, -12), text, fontname=FONT, fontsize=13, align=pymupdf.TEXT_ALIGN_CENTER)


# ---------------------------------------------------------------- the pipeline


def reopened(doc: pymupdf.Document) -> pymupdf.Document:
    """The document written to memory and opened again (the old one is closed).

    After annotations are burned in, MuPDF's loaded pages still carry the annotations they had: their
    text lists the burned-in content twice, and the check after the boxes would count the copy that
    applying the boxes drops as characters lost outside them (a false ``collateral_loss``)."""
    data = doc.tobytes()
    doc.close()
    return pymupdf.open("pdf", data)


def redact_pdf(
    input_path: str | os.PathLike,
    output_path: str | os.PathLike,
    boxes: Sequence[RedactionBox],
    withholds: Sequence[PageWithhold] = (),
    options: RedactOptions | None = None,
) -> RedactResult:
    """Write a redacted, sanitised copy of ``input_path`` to ``output_path`` (atomically)."""
    options = options or RedactOptions()
    src = Path(input_path)
    dst = Path(output_path)
    if src.resolve() == dst.resolve():
        raise RedactError("Output må ikke overskrive originalen.")
    try:
        doc = pymupdf.open(src)
    except Exception as exc:
        raise RedactError(f"Filen kan ikke åbnes som PDF: {exc}") from exc
    try:
        if not doc.is_pdf:
            raise RedactError("Filen er ikke en PDF.")
        if doc.needs_pass:
            raise RedactError("PDF'en er krypteret med adgangskode og kan ikke overstreges.")
        n = doc.page_count
        for b in boxes:
            if b.page > n:
                raise RedactError(f"Overstregning på side {b.page}, men dokumentet har kun {n} sider.")
        withheld = {w.page: w for w in withholds if 1 <= w.page <= n}
        bad = [p for p in uninterpretable_pages(doc) if p not in withheld]
        if bad:
            raise RedactError(uninterpretable_message(bad))
        result = RedactResult(output_path=str(dst), pages=n, boxes_applied=0)
        sanitised = result.sanitised

        k = remove_hidden_layers(doc)
        if k:
            sanitised.append(f"hidden layer sections: {k}")
        widgets, annots = flatten_and_strip_annotations(doc)
        if widgets or annots:
            sanitised.append(f"form fields flattened: {widgets}; annotations removed: {annots}")
            doc = reopened(doc)

        for page in doc:
            if page.number + 1 in withheld:
                continue  # replaced below (it may be a page MuPDF cannot interpret)
            _split_tj(page)
            remove_offpage_text(page)

        by_page: dict[int, list[RedactionBox]] = defaultdict(list)
        for b in boxes:
            if b.page not in withheld:
                by_page[b.page].append(b)
        for pno, pboxes in sorted(by_page.items()):
            page = doc[pno - 1]
            texts, lost, second, had_image = redact_page(page, pboxes, options)
            result.redacted_texts.extend(texts)
            result.collateral_loss.extend(f"{c} (side {pno})" for c in lost)
            result.second_pass_boxes += second
            if had_image:
                result.image_redaction_pages.append(pno)
            result.boxes_applied += len(pboxes)

        redacted_strings = Needles([*options.redacted_strings, *result.redacted_texts],
                                   also=needles(options.case_strings) if options.case_strings else None)
        rects_by_page = {p: [to_rect(b.rect) for b in bs] for p, bs in by_page.items()}
        nl = filter_links(doc, rects_by_page, redacted_strings)
        if nl:
            sanitised.append(f"links removed: {nl}")
        # withheld pages are replaced before the outline is rewritten (it points at page numbers)
        for pno in sorted(withheld):
            _withhold(doc, pno - 1, withheld[pno].ground_label, options)
            result.withheld_pages.append(pno)
        kept, dropped = rewrite_outline(doc, redacted_strings)
        if dropped:
            sanitised.append(f"outline entries dropped: {dropped}")
        sanitised.extend(strip_document(doc, title=options.title, producer=options.producer))

        for pno, pboxes in sorted(by_page.items()):
            result.footnotes += draw_boxes(doc[pno - 1], pboxes, options)
        if options.stamp_format:
            for i, page in enumerate(doc, start=1):
                text = options.stamp_format.format(
                    case_number=options.case_number, akt_nr=options.akt_nr, page=i, pages=n
                )
                stamp_page(page, text, options.stamp_fontsize)

        dst.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".redact-", suffix=".pdf", dir=dst.parent)
        os.close(fd)
        try:
            doc.save(tmp, garbage=4, deflate=True, clean=True, incremental=False, no_new_id=False)
            # actions by their raw /S in the saved file (Launch, JavaScript, ...: redact/actions.py)
            sanitised.extend(remove_actions_from_file(tmp, redacted_strings))
            os.replace(tmp, dst)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        return result
    finally:
        doc.close()
