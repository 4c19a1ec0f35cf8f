"""OCR once (#15): read each region of pixels once, and only the regions that can hide text.

    session = OcrSession(source=input_pdf)                 # one per document being redacted
    words = session.read_input(doc, {pno: [rects]})        # search: the text-capable images of the input
    words = session.read_output(out_doc, pages)            # verification: what changed, what was never read

What is read, and why a skipped region cannot hide text that should be found:

* **Images that could hold text.**  Search reads every image of the page that could hold a legible
  glyph: on the page, at least ``MIN_TEXT_PT`` high and wide, at least ``MIN_IMAGE_PX`` source pixels
  each way, and not blank where it shows (fewer than ``MIN_INK_PX`` pixels ``BLANK_SPREAD`` grey levels
  off the background).  An image fully covered by a box is skipped by search: its pixels are removed
  anyway.  There is no size limit
  for logos: a logo-sized image can be a signature with a name.
* **Reuse where nothing changed.**  Verification renders the output page and the input page (prepared
  as the redactor prepares it) at one pixel per point and compares them.  A line of words read earlier
  on the input (by the search) is reused when none of its pixels changed - the same pixels read by the
  same Tesseract give the same words; a line with a changed pixel is read again whole.  Changed regions
  inside text-capable regions (boxes, blanked pixels, labels) are read again with their neighbourhood,
  and so is every text-capable region nobody has read (the verification never trusts the search to
  have looked); on a page without text-capable regions every changed region is read.  Without an
  input to compare with, the whole page is read (as before).
* **Vector paths that could be text.**  Text turned into outlines is in no text layer and no image:
  filled paths no higher than ``GLYPH_MAX_PT``, joined into lines, are read like images (strokes -
  rules, table lines - are not).
* **Other text** is the text layer, which the four text routes of ``verify`` check; under a box the
  render shows the painted box, so reading it adds nothing but the label.
* **Identical crops** (the same logo on every page) are read once: crops are cached by their pixels.

Tesseract runs as separate processes, ``workers`` at a time (default 2, ``AKTINDSIGT_OCR_WORKERS``),
each with ``OMP_THREAD_LIMIT=1``; rendering stays in the calling thread (PyMuPDF is not thread-safe).
The crops of one page are stacked into one image, so a page costs one run per segmentation mode.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from aktindsigt.pdflib import pymupdf, reading_dpi
from aktindsigt.redact.ocr import DEFAULT_LANG, DEFAULT_PSMS, OcrUnavailable, OcrWord, tesseract_status

MIN_TEXT_PT = 4.0  # an image less high or wide than this (points) cannot show a legible glyph
MIN_IMAGE_PX = 8  # nor can an image with fewer source pixels than this in either direction
BLANK_SPREAD = 32  # grey levels: a pixel this far from the background is ink
MIN_INK_PX = 6  # a crop with fewer ink pixels shows nothing (a full stop at 150 dpi has about 9)
CHANGE_LEVEL = 24  # input and output are compared at one pixel per point: a pixel changed by more than this
BAND_MARGIN_PT = 10.0  # a changed region is read with this much around it (a line above and below)
FULL_PAGE_SHARE = 0.6  # when the regions to read cover more of the page, the page is read whole
MAX_PIXELS = 60_000_000  # one page's raster at most (huge page formats are read at a lower resolution)
STACK_GAP_PX = 48
GLYPH_MAX_PT = 40.0  # a filled vector path higher than this is not a glyph or a line of outlined text
MIN_GLYPH_PT = 1.5  # nor is a speck smaller than this both ways
GLYPH_GAP_PT = 4.0  # paths this close side by side are one line
GLYPH_GAP_EM = 0.8  # and paths less than this many times their height apart (word spaces are ~0.3 em)
MAX_GLYPH_PATHS = 1500  # more glyph-like paths than this: one region around them all
DEFAULT_WORKERS = 2


def default_workers() -> int:
    try:
        n = int(os.environ.get("AKTINDSIGT_OCR_WORKERS", "") or DEFAULT_WORKERS)
    except ValueError:
        n = DEFAULT_WORKERS
    return max(1, min(n, os.cpu_count() or 1, 8))


@dataclass(slots=True)
class Reading:
    """What was read in one region of one page (unrotated page coordinates)."""

    rect: pymupdf.Rect
    words: list[OcrWord]
    source: str = "ocr"  # read in this session


@dataclass(slots=True)
class OcrStats:
    tesseract_runs: int = 0
    regions_read: int = 0
    pages_read_whole: int = 0
    crops_from_cache: int = 0
    words_reused: int = 0
    images_skipped: int = 0

    def summary(self) -> str:
        return (f"Tesseract runs: {self.tesseract_runs}, regions read: {self.regions_read} "
                f"({self.pages_read_whole} whole pages), crops from cache: {self.crops_from_cache}, "
                f"words reused: {self.words_reused}, images that cannot hold text: {self.images_skipped}")


# ------------------------------------------------------------------------------------------ geometry


class _Mapping:
    """Pixels of a page raster -> unrotated page coordinates."""

    def __init__(self, from_px: pymupdf.Matrix) -> None:
        self.from_px = from_px

    def page_rect(self, x0: float, y0: float, x1: float, y1: float) -> pymupdf.Rect:
        r = pymupdf.Rect(x0, y0, x1, y1) * self.from_px
        r.normalize()
        return r


class _Raster(_Mapping):
    """One page rendered in grey, with the conversions between its pixels and page coordinates."""

    def __init__(self, page: pymupdf.Page, dpi: int, cap: bool = True) -> None:
        rect = page.rect
        zoom = dpi / 72.0
        pixels = rect.width * zoom * rect.height * zoom
        if cap and pixels > MAX_PIXELS:
            zoom *= (MAX_PIXELS / pixels) ** 0.5
        self.zoom = zoom
        self.page = page
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY, alpha=False)
        self.gray = np.frombuffer(pix.samples, dtype=np.uint8).reshape(pix.height, pix.stride)[:, : pix.width]
        self.to_px = page.rotation_matrix * pymupdf.Matrix(zoom, zoom)
        super().__init__(~self.to_px)

    def mapping(self) -> _Mapping:
        return _Mapping(self.from_px)

    @property
    def dpi(self) -> int:
        return int(round(self.zoom * 72))

    def px_box(self, r: pymupdf.Rect, pad_pt: float = 0.0) -> tuple[int, int, int, int]:
        q = pymupdf.Rect(r) + (-pad_pt, -pad_pt, pad_pt, pad_pt)
        q = q * self.to_px
        q.normalize()
        h, w = self.gray.shape
        return max(int(q.x0), 0), max(int(q.y0), 0), min(int(np.ceil(q.x1)), w), min(int(np.ceil(q.y1)), h)


def _merge_boxes(boxes: Iterable[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    out = [b for b in boxes if b[2] > b[0] and b[3] > b[1]]
    changed = True
    while changed:
        changed = False
        merged: list[tuple[int, int, int, int]] = []
        for b in out:
            for i, m in enumerate(merged):
                if b[0] <= m[2] and m[0] <= b[2] and b[1] <= m[3] and m[1] <= b[3]:
                    merged[i] = (min(b[0], m[0]), min(b[1], m[1]), max(b[2], m[2]), max(b[3], m[3]))
                    changed = True
                    break
            else:
                merged.append(b)
        out = merged
    return out


def _area(boxes: Sequence[tuple[int, int, int, int]]) -> int:
    return sum((b[2] - b[0]) * (b[3] - b[1]) for b in boxes)


def text_images(page: pymupdf.Page, stats: OcrStats | None = None) -> list[pymupdf.Rect]:
    """The displayed rectangles of the page's images that could hold a legible glyph (unrotated page
    coordinates, clipped to the page).  Whether one is blank where it shows is decided on the render."""
    try:
        infos = page.get_image_info()
    except Exception:  # noqa: BLE001 - unreadable image list: the whole page is one region
        return [pymupdf.Rect(page.cropbox)]
    bounds = page.rect * page.derotation_matrix
    bounds.normalize()
    out = []
    for info in infos:
        r = pymupdf.Rect(info.get("bbox", (0, 0, 0, 0))) & bounds
        small = r.is_empty or r.width < MIN_TEXT_PT or r.height < MIN_TEXT_PT
        tiny = 0 < int(info.get("width") or 0) < MIN_IMAGE_PX or 0 < int(info.get("height") or 0) < MIN_IMAGE_PX
        if small or tiny:
            if stats is not None:
                stats.images_skipped += 1
            continue
        out.append(r)
    return out


def vector_text(page: pymupdf.Page) -> list[pymupdf.Rect]:
    """Where filled vector paths could be text: text turned into outlines (a letterhead, a stamp, a name
    drawn as paths) is in no text layer and in no image.  Filled paths no higher than ``GLYPH_MAX_PT``
    (glyphs, words or lines of outlined text; also bullets and shaded table rows, which cost a read),
    joined into lines.  Strokes (rules, table lines, underlines) are not text."""
    try:
        paths = page.get_drawings()
    except Exception:  # noqa: BLE001 - unreadable drawings: the whole page is one region
        return [pymupdf.Rect(page.cropbox)]
    bounds = page.rect * page.derotation_matrix
    bounds.normalize()
    boxes = []
    for path in paths:
        if path.get("fill") is None:
            continue
        r = pymupdf.Rect(path.get("rect") or (0, 0, 0, 0)) & bounds
        if r.is_empty or r.height > GLYPH_MAX_PT or max(r.width, r.height) < MIN_GLYPH_PT:
            continue
        gap = max(GLYPH_GAP_PT, GLYPH_GAP_EM * r.height)  # word spaces join: a term spans its line
        boxes.append((r.x0 - gap, r.y0, r.x1 + gap, r.y1))
    if len(boxes) > MAX_GLYPH_PATHS:  # a page drawn in outlines: read where they all are
        return [pymupdf.Rect(min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                             max(b[3] for b in boxes)) & bounds]
    return [pymupdf.Rect(b) & bounds for b in _merge_boxes(boxes)]


def text_regions(page: pymupdf.Page, stats: OcrStats | None = None) -> list[pymupdf.Rect]:
    """Every region of the page whose pixels could show text the text layer does not hold: the images that
    could hold a glyph and the filled vector paths that could be glyphs."""
    return [*text_images(page, stats), *vector_text(page)]


def _blank(gray: np.ndarray) -> bool:
    """Nothing shows: fewer than ``MIN_INK_PX`` pixels differ from the background (the commonest grey) by
    ``BLANK_SPREAD`` or more.  A count, not a percentile: one line of text on a scanned A4 page is less
    than 0.5 % of its pixels, and a percentile called such a page blank (it was not read)."""
    if gray.size == 0:
        return True
    hist = np.bincount(gray.ravel(), minlength=256)
    bg = int(hist.argmax())
    ink = int(hist[: max(bg - BLANK_SPREAD + 1, 0)].sum() + hist[bg + BLANK_SPREAD:].sum())
    return ink < MIN_INK_PX


def _dilate(mask: np.ndarray, n: int) -> np.ndarray:
    out = mask.copy()
    for _ in range(max(n, 0)):
        grown = out.copy()
        grown[1:, :] |= out[:-1, :]
        grown[:-1, :] |= out[1:, :]
        grown[:, 1:] |= out[:, :-1]
        grown[:, :-1] |= out[:, 1:]
        out = grown
    return out


def _regions(mask: np.ndarray, block: int, margin_px: int, shape: tuple[int, int]) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels) around the changed blocks: one per run of changed block rows, as wide as the
    change, each with ``margin_px`` around it."""
    rows = np.flatnonzero(mask.any(axis=1))
    if not rows.size:
        return []
    h, w = shape
    runs: list[tuple[int, int]] = []
    start = prev = int(rows[0])
    gap = max(1, margin_px // block)
    for r in rows[1:]:
        r = int(r)
        if r - prev > gap:
            runs.append((start, prev))
            start = r
        prev = r
    runs.append((start, prev))
    out = []
    for a, b in runs:
        cols = np.flatnonzero(mask[a : b + 1].any(axis=0))
        x0, x1 = int(cols[0]) * block, (int(cols[-1]) + 1) * block
        y0, y1 = a * block, (b + 1) * block
        out.append((max(x0 - margin_px, 0), max(y0 - margin_px, 0), min(x1 + margin_px, w), min(y1 + margin_px, h)))
    return _merge_boxes(out)


# ------------------------------------------------------------------------------------------ Tesseract


def _pgm(gray: np.ndarray) -> bytes:
    h, w = gray.shape
    return b"P5\n%d %d\n255\n" % (w, h) + np.ascontiguousarray(gray).tobytes()


def _stack(crops: Sequence[np.ndarray]) -> tuple[np.ndarray, list[int]]:
    """The crops one below the other on white, with the y offset of each."""
    width = max(c.shape[1] for c in crops)
    height = sum(c.shape[0] for c in crops) + STACK_GAP_PX * (len(crops) + 1)
    canvas = np.full((height, width + 2 * STACK_GAP_PX), 255, dtype=np.uint8)
    offsets, y = [], STACK_GAP_PX
    for c in crops:
        canvas[y : y + c.shape[0], STACK_GAP_PX : STACK_GAP_PX + c.shape[1]] = c
        offsets.append(y)
        y += c.shape[0] + STACK_GAP_PX
    return canvas, offsets


def run_tesseract(image: bytes, psm: int, lang: str, dpi: int, timeout: float) -> list[tuple]:
    """Words of one image: (text, left, top, width, height, conf, block, par, line) in its pixels."""
    proc = subprocess.run(
        ["tesseract", "stdin", "stdout", "-l", lang, "--psm", str(psm), "--dpi", str(dpi), "tsv"],
        input=image, capture_output=True, timeout=timeout, check=False,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},  # one thread each: the pool uses the cores
    )
    if proc.returncode != 0:
        raise RuntimeError(f"tesseract fejlede: {proc.stderr.decode('utf-8', 'replace')[:300]}")
    out = []
    for row in proc.stdout.decode("utf-8", "replace").splitlines()[1:]:
        parts = row.split("\t")
        if len(parts) < 12 or parts[0] != "5" or not parts[11].strip():
            continue
        try:
            left, top, width, height = (int(parts[i]) for i in (6, 7, 8, 9))
            conf = float(parts[10] or -1)
        except ValueError:
            continue
        out.append((parts[11].strip(), left, top, width, height, conf, parts[2], parts[3], parts[4]))
    return out


@dataclass
class _Crop:
    box: tuple[int, int, int, int]  # pixels of the page raster
    key: str  # its pixels' hash


@dataclass
class _Batch:
    """The crops of one page still to be read, stacked; results per segmentation mode."""

    pno: int
    raster: _Mapping
    crops: list[_Crop]
    offsets: list[int] = field(default_factory=list)
    rows: dict[int, list[tuple]] = field(default_factory=dict)


# ------------------------------------------------------------------------------------------ the session


class OcrSession:
    """The readings of one document's pages, shared by the term search and the verification."""

    def __init__(self, source: str | os.PathLike | None = None, *, dpi: int = 300, lang: str = DEFAULT_LANG,
                 psms: Sequence[int] = DEFAULT_PSMS, workers: int | None = None, timeout: float = 600) -> None:
        self.source = Path(source) if source is not None else None
        self.dpi = dpi
        self.lang = lang
        self.psms = tuple(psms)
        self.workers = workers or default_workers()
        self.timeout = timeout
        self.readings: dict[int, list[Reading]] = {}
        self.stats = OcrStats()
        self._crop_cache: dict[str, list[tuple]] = {}  # crop hash -> rows (psm, text, x0, y0, x1, y1, conf, line)
        self._input: pymupdf.Document | None = None

    # --- the input

    def close(self) -> None:
        if self._input is not None:
            self._input.close()
            self._input = None

    def __enter__(self) -> OcrSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _input_doc(self) -> pymupdf.Document | None:
        """The input prepared as the redactor prepares it (hidden layers out, annotations burned in)."""
        if self._input is None and self.source is not None:
            from aktindsigt.redact.sanitize import flatten_and_strip_annotations, remove_hidden_layers

            try:
                from aktindsigt.redact.engine import reopened

                doc = pymupdf.open(self.source)
                remove_hidden_layers(doc)
                if any(flatten_and_strip_annotations(doc)):
                    doc = reopened(doc)  # as the redactor does: the loaded pages still show the annotations
            except Exception:  # noqa: BLE001 - no input to compare with: pages are read whole
                self.source = None
                return None
            self._input = doc
        return self._input

    # --- search

    def read_input(self, doc: pymupdf.Document, regions: dict[int, Sequence[pymupdf.Rect] | None],
                   skip: dict[int, Sequence[pymupdf.Rect]] | None = None) -> dict[int, list[OcrWord]]:
        """Read the input pages: ``regions[pno]`` the rectangles to read (``None``: the page's text-capable
        images), minus images fully inside a rectangle of ``skip[pno]`` (burned anyway).  Recorded for
        verification."""
        self._check()
        skip = skip or {}

        def plan():
            for pno, rects in sorted(regions.items()):
                page = doc[pno - 1]
                if rects is None:
                    rects = [r for r in text_regions(page, self.stats)
                             if not any(pymupdf.Rect(s).contains(r) for s in skip.get(pno, ()))]
                if rects:
                    raster = _Raster(page, reading_dpi(page, self.dpi))
                    yield pno, raster, _merge_boxes(raster.px_box(r, pad_pt=1.0) for r in rects)

        out: dict[int, list[OcrWord]] = {}
        for pno, rect, words in self._read(plan()):
            self.readings.setdefault(pno, []).append(Reading(rect, words, "ocr"))
            out.setdefault(pno, []).extend(words)
        return out

    # --- verification

    def read_output(self, doc: pymupdf.Document, pages: Sequence[int]) -> dict[int, list[OcrWord]]:
        """The words on output pages ``pages``: fresh readings where the pixels changed or nobody read
        them, earlier readings where they are the same."""
        self._check()
        out: dict[int, list[OcrWord]] = {pno: [] for pno in pages}
        src = self._input_doc()

        def plan():
            for pno in pages:
                page = doc[pno - 1]
                inp = src[pno - 1] if src is not None and pno <= src.page_count else None
                plan = self._plan_output(page, inp) if inp is not None else None
                if plan is None:
                    self.stats.pages_read_whole += 1
                    raster = _Raster(page, reading_dpi(page, self.dpi))
                    yield pno, raster, [(0, 0, raster.gray.shape[1], raster.gray.shape[0])]
                    continue
                boxes, keep = plan
                self.stats.words_reused += len(keep)
                out[pno].extend(keep)
                if boxes:
                    raster = _Raster(page, reading_dpi(page, self.dpi))
                    k = raster.zoom  # the plan is in points of the visible page
                    h, w = raster.gray.shape
                    yield pno, raster, _merge_boxes((int(x0 * k), int(y0 * k), min(int(np.ceil(x1 * k)), w),
                                                     min(int(np.ceil(y1 * k)), h)) for x0, y0, x1, y1 in boxes)

        for pno, _rect, words in self._read(plan()):
            out[pno].extend(words)
        return out

    def _plan_output(self, page: pymupdf.Page, inp: pymupdf.Page):
        """Regions of an output page to read (points of the visible page) and the earlier words still
        valid on it; ``None`` when the page is to be read whole (another size, or most of it changed)."""
        before, after = _Raster(inp, 72, cap=False), _Raster(page, 72, cap=False)  # one pixel per point
        if before.gray.shape != after.gray.shape:
            return None
        shape = after.gray.shape
        changed = np.abs(before.gray.astype(np.int16) - after.gray) > CHANGE_LEVEL
        margin = int(BAND_MARGIN_PT)
        images = text_regions(inp, self.stats)  # of the input: the painted boxes of the output are no text
        img_boxes = [after.px_box(r, pad_pt=2.0) for r in images]
        if img_boxes:  # changes inside images; the text layer outside is checked by the text routes
            inside = np.zeros_like(changed)
            for x0, y0, x1, y1 in img_boxes:
                inside[y0:y1, x0:x1] = True
            changed_img = changed & inside
        else:  # e.g. an area box over vector art: every change is read
            changed_img = changed
        boxes = []
        for b in _regions(changed_img, 1, margin, shape):
            hits = [i for i in img_boxes if i[0] < b[2] and b[0] < i[2] and i[1] < b[3] and b[1] < i[3]]
            if hits:  # no further than the images it is in (and their margin)
                b = (max(b[0], min(h[0] for h in hits) - margin), max(b[1], min(h[1] for h in hits) - margin),
                     min(b[2], max(h[2] for h in hits) + margin), min(b[3], max(h[3] for h in hits) + margin))
            boxes.append(b)
        earlier = self.readings.get(page.number + 1, [])
        for r, b in zip(images, img_boxes, strict=True):
            if not any((pymupdf.Rect(e.rect) + (-1, -1, 1, 1)).contains(r) for e in earlier):
                boxes.append(b)  # nobody read this image
        dilated = _dilate(changed, 1)
        keep = []
        h, w = shape
        for e in earlier:
            lines: dict[tuple, list[OcrWord]] = {}
            for word in e.words:
                lines.setdefault(word.line, []).append(word)
            for words in lines.values():  # a line is kept whole or read again whole (a term can span it)
                px = [after.px_box(word.rect) for word in words]
                if any(dilated[y0:y1 + 1, x0:x1 + 1].any() for x0, y0, x1, y1 in px):  # pixels changed
                    boxes.append((max(min(b[0] for b in px) - margin, 0), max(min(b[1] for b in px) - margin, 0),
                                  min(max(b[2] for b in px) + margin, w), min(max(b[3] for b in px) + margin, h)))
                else:
                    keep.extend(words)
        boxes = _merge_boxes(boxes)
        if _area(boxes) > FULL_PAGE_SHARE * changed.size:
            return None
        return boxes, keep

    # --- reading

    def _check(self) -> None:
        ok, msg = tesseract_status(self.lang)
        if not ok:
            raise OcrUnavailable(msg)

    def _read(self, plan) -> list[tuple[int, pymupdf.Rect, list[OcrWord]]]:
        """Read the crops of each planned page (rendered here, read by the pool): per crop the page, the
        rectangle read (page coordinates) and its words."""
        out: list[tuple[int, pymupdf.Rect, list[OcrWord]]] = []
        pending: dict[Future, tuple[_Batch, int]] = {}
        waiting: dict[str, list[tuple[int, _Mapping, tuple[int, int, int, int]]]] = {}  # crop hash -> others
        limit = 2 * self.workers
        with ThreadPoolExecutor(max_workers=self.workers) as pool:

            def finish(batch: _Batch) -> None:
                per_crop: list[list[tuple]] = [[] for _ in batch.crops]
                for psm, rows in sorted(batch.rows.items()):
                    for text, left, top, width, height, conf, b, p, ln in rows:
                        cy = top + height / 2
                        k = max((i for i, off in enumerate(batch.offsets) if off - STACK_GAP_PX / 2 <= cy),
                                default=0)
                        x, y = left - STACK_GAP_PX, top - batch.offsets[k]
                        per_crop[k].append((psm, text, x, y, x + width, y + height, conf, (b, p, ln)))
                for crop, rows in zip(batch.crops, per_crop, strict=True):
                    self._crop_cache[crop.key] = rows
                    for pno, mapping, box in [(batch.pno, batch.raster, crop.box), *waiting.pop(crop.key, [])]:
                        out.append((pno, mapping.page_rect(*box), self._words(mapping, box, rows, pno)))
                batch.rows.clear()

            def collect(block: bool) -> None:
                done = wait(list(pending), return_when=FIRST_COMPLETED)[0] if block else [
                    f for f in pending if f.done()]
                for f in done:
                    batch, psm = pending.pop(f)
                    batch.rows[psm] = f.result()
                    if len(batch.rows) == len(self.psms):
                        finish(batch)

            for pno, raster, boxes in plan:
                todo: list[_Crop] = []
                for box in boxes:
                    x0, y0, x1, y1 = box
                    crop = raster.gray[y0:y1, x0:x1]
                    rect = raster.page_rect(*box)
                    if _blank(crop):
                        out.append((pno, rect, []))
                        continue
                    key = hashlib.sha256(b"%d,%d,%d," % (*crop.shape, raster.dpi) + repr(self.psms).encode()
                                         + crop.tobytes()).hexdigest()
                    self.stats.regions_read += 1
                    if key in self._crop_cache:
                        self.stats.crops_from_cache += 1
                        out.append((pno, rect, self._words(raster, box, self._crop_cache[key], pno)))
                    elif key in waiting:  # the same pixels are being read (the same logo on the page before)
                        self.stats.crops_from_cache += 1
                        waiting[key].append((pno, raster.mapping(), box))
                    else:
                        waiting[key] = []
                        todo.append(_Crop(box, key))
                if not todo:
                    continue
                image, offsets = _stack([raster.gray[c.box[1]:c.box[3], c.box[0]:c.box[2]] for c in todo])
                data = _pgm(image)
                del image
                batch = _Batch(pno, raster.mapping(), todo, offsets)
                for psm in self.psms:
                    while len(pending) >= limit:
                        collect(True)
                    pending[pool.submit(run_tesseract, data, psm, self.lang, raster.dpi, self.timeout)] = (batch, psm)
                    self.stats.tesseract_runs += 1
                del data
                collect(False)
            while pending:
                collect(True)
        return out

    @staticmethod
    def _words(raster: _Mapping, box: tuple[int, int, int, int], rows: list[tuple], pno: int) -> list[OcrWord]:
        ox, oy = box[0], box[1]
        return [OcrWord(text, raster.page_rect(ox + x0, oy + y0, ox + x1, oy + y1), (pno, ox, oy, psm, *line), conf)
                for psm, text, x0, y0, x1, y1, conf, line in rows]




class ImportedReading:
    """Verification of a case document whose scanned pages were read at import (#14).

    The import read every scanned page whole with mode 3 (``ingest.pdf.ocr_pdf_page``), on the same page
    at the same resolution (``pdflib.reading_dpi``), and the case holds those words.  Reading the
    unchanged parts of the page with mode 3 again gives the same words, so mode 3 reads only where the
    output's pixels changed (the boxes and their neighbourhood, with the lines they touch read again
    whole: ``OcrSession._plan_output``) and the import's words are reused elsewhere.  Mode 11 (sparse
    text), which finds words mode 3 misses, is not reused from anywhere: it reads every page to check
    whole, as before.  A page without imported words is read as ``OcrSession`` reads it (every
    text-capable image, both modes)."""

    def __init__(self, source: str | os.PathLike, imported: dict[int, Sequence[tuple[str, Sequence[float], int]]],
                 *, dpi: int = 300, lang: str = DEFAULT_LANG) -> None:
        self.dpi = dpi
        dense = tuple(p for p in DEFAULT_PSMS if p != 11) or (3,)
        self.changed = OcrSession(source, dpi=dpi, lang=lang, psms=dense)
        self.sparse = OcrSession(None, dpi=dpi, lang=lang, psms=(11,))
        for pno, words in imported.items():
            if not words:
                continue
            rect = pymupdf.Rect()
            ocr_words = []
            for text, r, line in words:
                box = pymupdf.Rect(r)
                rect |= box
                ocr_words.append(OcrWord(text, box, ("import", pno, line), 100.0))
            self.changed.readings[pno] = [Reading(self._page_rect(source, pno, rect), ocr_words, "import")]
        self.stats = self.changed.stats

    @staticmethod
    def _page_rect(source: str | os.PathLike, pno: int, fallback: pymupdf.Rect) -> pymupdf.Rect:
        """The whole page (unrotated coordinates): the import read all of it, not only where it found words."""
        try:
            with pymupdf.open(source) as doc:
                page = doc[pno - 1]
                r = page.rect * page.derotation_matrix
                r.normalize()
                return r
        except Exception:  # noqa: BLE001 - the words' own extent: the rest of the page is read again
            return fallback

    def close(self) -> None:
        self.changed.close()
        self.sparse.close()

    def __enter__(self) -> ImportedReading:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def read_output(self, doc: pymupdf.Document, pages: Sequence[int]) -> dict[int, list[OcrWord]]:
        out = self.changed.read_output(doc, pages)
        for pno, words in self.sparse.read_output(doc, pages).items():
            out.setdefault(pno, []).extend(words)
        s, t = self.changed.stats, self.sparse.stats
        self.stats = OcrStats(**{f: getattr(s, f) + getattr(t, f) for f in OcrStats.__dataclass_fields__})
        return out

