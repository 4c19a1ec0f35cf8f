"""The document viewer: lazily rendered pages, overlays for suggestions and decisions,
word-snapping text selection, area drawing, search and page thumbnails.

Pages are rendered with PyMuPDF from the document's rendition PDF on a dedicated render
thread (which owns its own ``pymupdf.Document``); only the pages that are visible are
requested, newest request first, and finished images are kept in an LRU cache.

A long document is also *read* lazily: the viewer is given the page index (sizes, text ranges,
withheld state) and the document's suggestions and decisions assigned to pages (``annotate``);
the word map of a page is asked for (``word_loader``) when the page comes into view, and its
overlays and search hits are computed then. Documents of up to ``EAGER_PAGES`` pages get all
their words at once.

Word boxes and decisions are in PyMuPDF's coordinates of the *unrotated* page; a page with
/Rotate is shown turned, so ``to_widget``/``to_page`` map through the page's rotation.
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QImage,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QScrollArea,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.geometry import span_rects
from aktindsigt.core.model import (
    Decision,
    DecisionAction,
    DecisionKind,
    Page,
    Rect,
    Suggestion,
    SuggestionStatus,
    Word,
)
from aktindsigt.ui.common import TYPE_COLOURS, ground_label

log = logging.getLogger(__name__)

PAGE_GAP = 12  # pixels between pages and around them
EAGER_PAGES = 30  # documents up to this long get every page's words at once; longer ones page by page
WORD_MARGIN = 2  # pages beyond the visible ones whose words are fetched ahead
WORDS_DELAY_MS = 60  # words are fetched for pages that stay in view this long (not for pages flown past)
CACHE_PAGES = 48
THUMB_WIDTH = 96


# --- render thread ---------------------------------------------------------------------


class _RenderSignals(QObject):
    opened = Signal(int, object)  # generation, list of (width, height, rotation): unrotated size in points
    rendered = Signal(int, str, int, float, QImage)  # generation, kind, page (1-based), zoom, image
    failed = Signal(int, str)


class RenderThread:
    """One thread that owns the open PDF and renders what the viewer asks for, newest first."""

    def __init__(self) -> None:
        self.signals = _RenderSignals()
        self._cond = threading.Condition()
        self._path: Path | None = None
        self._generation = 0
        self._open_request: tuple[int, Path] | None = None
        self._wanted: list[tuple[str, int, float]] = []  # (kind, page, zoom), first = most urgent
        self._stop = False
        self._proc = None
        self._path_for_restart: Path | None = None
        self._preopened: tuple[int, Path] | None = None
        self._thread = threading.Thread(target=self._run, name="aktindsigt-render", daemon=True)
        self._thread.start()

    def preopen(self, path: Path) -> None:
        """Start opening ``path`` ahead of ``open`` (from any thread): a window that knows which document it
        will show opens it while it is still building its widgets. ``open`` of the same path then reuses it."""
        with self._cond:
            if self._generation != 0:
                return  # something was opened already: the viewer decides from now on
            self._path_for_restart = path
            self._generation += 1
            self._open_request = (self._generation, path)
            self._preopened = (self._generation, path)
            self._cond.notify()

    def open(self, path: Path) -> int:
        with self._cond:
            pre, self._preopened = self._preopened, None
            if pre is not None and pre == (self._generation, path):
                return self._generation
            self._path_for_restart = path
            self._generation += 1
            self._open_request = (self._generation, path)
            self._wanted = []
            self._cond.notify()
            return self._generation

    def want(self, generation: int, items: list[tuple[str, int, float]]) -> None:
        """Replace the wish list (stale wishes from earlier scroll positions are dropped)."""
        with self._cond:
            if generation != self._generation:
                return
            self._wanted = list(dict.fromkeys(items))
            self._cond.notify()

    def stop(self) -> None:
        """Ask the thread to end; it finishes the page in hand and ends its renderer process.
        Not waited for here: closing a window must not wait for a render."""
        with self._cond:
            self._stop = True
            self._cond.notify()

    def _run(self) -> None:
        from aktindsigt.ui import render_worker

        try:
            proc, conn = render_worker.take()
        except Exception:  # noqa: BLE001 - no child processes possible: render here instead
            log.exception("cannot start the renderer process; rendering in-process")
            proc, conn = None, _InProcess()
        self._proc = proc
        gen = 0
        opened = False
        spare_started = False
        while True:
            with self._cond:
                while not self._stop and self._open_request is None and not self._wanted:
                    self._cond.wait()
                if self._stop:
                    break
                if self._open_request is not None:
                    gen, path = self._open_request
                    self._open_request = None
                    job = ("open", str(path))
                else:
                    job = ("render", *self._wanted.pop(0))
                    if gen != self._generation or not opened:
                        continue
            try:
                if job[0] == "open":
                    conn.send(job)
                    reply = conn.recv()
                    opened = reply[0] == "opened"
                    if opened:
                        self.signals.opened.emit(gen, reply[1])
                    else:
                        log.warning("cannot open the rendition: %s", reply[1])
                        self.signals.failed.emit(gen, reply[1])
                else:
                    _, kind, page_no, zoom = job
                    conn.send(("render", page_no, zoom))
                    reply = conn.recv()  # waits without holding the GIL
                    if reply[0] == "image":
                        self.signals.rendered.emit(gen, kind, page_no, zoom, _bytes_to_qimage(*reply[1:]))
                        if not spare_started and not self._stop:  # the first page is out: a spare may start
                            spare_started = True
                            try:
                                render_worker.prestart()
                            except Exception:  # noqa: BLE001 - e.g. while the app shuts down; the next take starts one
                                log.warning("no spare renderer started", exc_info=True)
                    else:
                        log.warning("page %s could not be rendered: %s", page_no, reply[1])
            except (EOFError, OSError, BrokenPipeError):
                log.exception("the renderer process ended; starting a new one")
                proc, conn = render_worker.take()
                self._proc = proc
                opened = False
                with self._cond:
                    if self._open_request is None and self._path_for_restart is not None:
                        self._open_request = (gen, self._path_for_restart)
        with contextlib.suppress(OSError):
            conn.send(None)
        if proc is not None:
            proc.join(timeout=2)


class _InProcess:
    """The renderer protocol served in this process (fallback when no child process can start)."""

    def __init__(self) -> None:
        self.reply = None
        self.doc = None

    def send(self, msg) -> None:
        from aktindsigt.pdflib import pymupdf

        if msg is None:
            return
        try:
            if msg[0] == "open":
                self.doc = pymupdf.open(msg[1])
                from aktindsigt.ui.render_worker import page_geometry

                self.reply = ("opened", page_geometry(self.doc))
            else:
                pix = self.doc[msg[1] - 1].get_pixmap(matrix=pymupdf.Matrix(msg[2], msg[2]), alpha=False)
                self.reply = ("image", pix.width, pix.height, pix.stride, bytes(pix.samples))
        except Exception as e:  # noqa: BLE001
            self.reply = ("error", str(e))

    def recv(self):
        return self.reply


def _bytes_to_qimage(width: int, height: int, stride: int, data: bytes) -> QImage:
    img = QImage(width, height, QImage.Format.Format_RGB888)
    dst = img.bits()
    src = memoryview(data)
    bpl, row = img.bytesPerLine(), width * 3
    if bpl == stride:
        dst[: stride * height] = src[: stride * height]
    else:
        for y in range(height):
            dst[y * bpl: y * bpl + row] = src[y * stride: y * stride + row]
    return img


def shown_size(width: float, height: float, rotation: int) -> tuple[float, float]:
    """The size of a page as shown (turned by its rotation)."""
    return (height, width) if rotation in (90, 270) else (width, height)


def rotate_point(x: float, y: float, width: float, height: float, rotation: int) -> tuple[float, float]:
    """A point of the unrotated page (``width`` x ``height``) where it is shown (PyMuPDF's rotation_matrix)."""
    if rotation == 90:
        return height - y, x
    if rotation == 180:
        return width - x, height - y
    if rotation == 270:
        return y, width - x
    return x, y


def unrotate_point(x: float, y: float, width: float, height: float, rotation: int) -> tuple[float, float]:
    """A point as shown back to the unrotated page (PyMuPDF's derotation_matrix)."""
    if rotation == 90:
        return y, height - x
    if rotation == 180:
        return width - x, height - y
    if rotation == 270:
        return width - y, x
    return x, y


def rotate_rect(rect: Rect, width: float, height: float, rotation: int) -> Rect:
    """A rectangle of the unrotated page where it is shown."""
    if not rotation:
        return rect
    ax, ay = rotate_point(rect.x0, rect.y0, width, height, rotation)
    bx, by = rotate_point(rect.x1, rect.y1, width, height, rotation)
    return Rect(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


# --- overlays ---------------------------------------------------------------------------


@dataclass
class Overlay:
    page: int
    rect: Rect
    kind: str  # "pending", "accepted", "rejected", "redaction", "search", "search-current", "selection"
    suggestion_id: int | None = None
    colour: QColor | None = None
    label: str = ""
    tooltip: str = ""


def tr(text: str) -> str:
    """Module-level strings share the empty translation context (as pyside6-lupdate extracts them)."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("", text)


def build_overlays(pages: list[Page], suggestions: list[Suggestion], decisions: list[Decision]) -> dict[int, list[Overlay]]:
    """Pending suggestions as coloured outlines, redactions as black boxes with their label, rejected
    ones faint. Pure computation (no Qt widgets): the case window runs it off the UI thread."""
    overlays: dict[int, list[Overlay]] = {}
    decided = {d.suggestion_id: d for d in decisions if d.suggestion_id is not None}
    for s in suggestions:
        if s.status is SuggestionStatus.ACCEPTED and s.id in decided:
            kind = "redaction"
        elif s.status is SuggestionStatus.REJECTED:
            kind = "rejected"
        else:
            kind = "pending"
        d = decided.get(s.id)
        ground = d.ground_id if d is not None and d.ground_id else s.ground_id
        tip = tr("{0} · score {1:.2f} · {2} · hjemmel: {3} · {4}").format(
            s.entity_type.label, s.score, s.detector, ground_label(ground) or tr("ingen"),
            {"pending": tr("afventer"), "redaction": tr("overstreges"), "rejected": tr("frigives")}[kind])
        for pr in span_rects(pages, s.start, s.end):
            overlays.setdefault(pr.page, []).append(Overlay(
                pr.page, pr.rect, kind, s.id, TYPE_COLOURS.get(s.entity_type), ground_label(ground), tip))
    for d in decisions:
        if d.action is not DecisionAction.REDACT or d.suggestion_id is not None:
            continue
        tip = tr("Manuel overstregning · hjemmel: {0}").format(ground_label(d.ground_id))
        if d.kind is DecisionKind.AREA and d.rect is not None and d.page:
            overlays.setdefault(d.page, []).append(Overlay(d.page, d.rect, "redaction", None, None,
                                                           ground_label(d.ground_id), tip))
        elif d.start is not None and d.end is not None:
            for pr in span_rects(pages, d.start, d.end):
                overlays.setdefault(pr.page, []).append(Overlay(pr.page, pr.rect, "redaction", None, None,
                                                                ground_label(d.ground_id), tip))
    return overlays


@dataclass
class Annotations:
    """A document's suggestions and decisions by the pages they touch (from text offsets, so no word maps are
    needed): the overlays of a page are built when its words are there."""

    by_page: dict[int, tuple[list[Suggestion], list[Decision]]]
    suggestion_pages: dict[int, int]  # suggestion id -> the first page it is on

    def overlays(self, page: Page) -> list[Overlay]:
        """The overlays of one page (``page`` with its words)."""
        suggestions, decisions = self.by_page.get(page.number, ([], []))
        if not suggestions and not decisions:
            return []
        return build_overlays([page], suggestions, decisions).get(page.number, [])


def annotate(pages: list[Page], suggestions: list[Suggestion], decisions: list[Decision]) -> Annotations:
    """Assign suggestions and decisions to pages by their text offsets (``pages`` need no words). Pure
    computation: the case window runs it off the UI thread."""
    starts = [p.text_start for p in pages]

    def touched(start: int, end: int) -> list[int]:
        i = max(bisect.bisect_right(starts, start) - 1, 0)
        out = []
        while i < len(pages) and pages[i].text_start < end:
            if start < pages[i].text_end:
                out.append(pages[i].number)
            i += 1
        return out

    by_page: dict[int, tuple[list[Suggestion], list[Decision]]] = {}
    first: dict[int, int] = {}
    for sg in suggestions:
        numbers = touched(sg.start, sg.end)
        for n in numbers:
            by_page.setdefault(n, ([], []))[0].append(sg)
        if numbers and sg.id is not None:
            first[sg.id] = numbers[0]
    for d in decisions:
        if d.kind is DecisionKind.AREA:
            numbers = [d.page] if d.page else []
        elif d.start is not None and d.end is not None:
            numbers = touched(d.start, d.end)
        else:
            numbers = []
        for n in numbers:
            by_page.setdefault(n, ([], []))[1].append(d)
    return Annotations(by_page, first)


class PageCanvas(QWidget):
    """All pages stacked vertically; paints only what is exposed."""

    suggestion_clicked = Signal(int)
    selection_changed = Signal(int, int, str)  # start, end, text (start == end: nothing selected)
    area_drawn = Signal(int, object)  # page, Rect in page points
    first_page_shown = Signal()
    context_requested = Signal(int, QPoint)  # page, global position
    current_page_changed = Signal(int)

    def __init__(self, viewer: DocumentViewer) -> None:
        super().__init__()
        self.viewer = viewer
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName(tr("Dokumentvisning"))
        self.sizes: list[tuple[float, float]] = []  # as shown (turned by the page's rotation)
        self.geometry: list[tuple[float, float, int]] = []  # unrotated width, height and rotation
        self.offsets: list[int] = []
        self.zoom = 1.0
        self.cache: OrderedDict[tuple[int, float], QImage] = OrderedDict()
        self.pages: list[Page] = []  # the page index; a page's words are there when its number is in ``loaded``
        self.loaded: set[int] = set()
        self.text = ""
        self.annotations: Annotations | None = None
        self.overlays: dict[int, list[Overlay]] = {}  # of the pages whose words are loaded
        self.hits: list[tuple[int, int]] = []  # search hits (text spans), ordered
        self.current_hit = -1
        self.search_overlays: dict[int, list[Overlay]] = {}  # computed per page when painted
        self.selection: tuple[int, int] | None = None
        self.selected_suggestion: int | None = None
        self.highlighted: set[int] = set()  # all occurrences of the group chosen in the panel
        self.area_mode = False
        self._press: tuple[int, QPointF] | None = None  # page, point in page coordinates
        self._anchor_word: Word | None = None
        self._drag_rect: tuple[int, Rect] | None = None
        self._first_shown = False
        self._words_timer = QTimer(self)
        self._words_timer.setSingleShot(True)
        self._words_timer.setInterval(WORDS_DELAY_MS)
        self._words_timer.timeout.connect(self._request_visible_words)

    # --- layout -----------------------------------------------------------------------

    def set_sizes(self, sizes: list) -> None:
        """``(width, height[, rotation])`` of every page: the unrotated size and the rotation it is shown with."""
        self.geometry = [(g[0], g[1], int(g[2]) if len(g) > 2 else 0) for g in sizes]
        self.sizes = [shown_size(*g) for g in self.geometry]
        self.cache.clear()
        self._first_shown = False
        self.relayout()

    def relayout(self) -> None:
        y = PAGE_GAP
        self.offsets = []
        maxw = 0
        for w, h in self.sizes:
            self.offsets.append(y)
            y += round(h * self.zoom) + PAGE_GAP
            maxw = max(maxw, round(w * self.zoom))
        self.setFixedSize(QSize(maxw + 2 * PAGE_GAP, max(y, 100)))
        self.update()

    def page_rect(self, page: int) -> QRect:
        w, h = self.sizes[page - 1]
        pw = round(w * self.zoom)
        x = (self.width() - pw) // 2
        return QRect(x, self.offsets[page - 1], pw, round(h * self.zoom))

    def page_at_y(self, y: int) -> int:
        if not self.offsets:
            return 0
        return max(1, bisect.bisect_right(self.offsets, y))

    def visible_pages(self, rect: QRect) -> list[int]:
        if not self.sizes:
            return []
        first = self.page_at_y(rect.top())
        last = self.page_at_y(rect.bottom())
        return list(range(first, min(last, len(self.sizes)) + 1))

    def to_page(self, page: int, pos: QPointF) -> QPointF:
        """A widget position -> the point of the unrotated page (the coordinates words and decisions use)."""
        r = self.page_rect(page)
        x, y = (pos.x() - r.x()) / self.zoom, (pos.y() - r.y()) / self.zoom
        w, h, rot = self.geometry[page - 1]
        if rot:
            x, y = unrotate_point(x, y, w, h, rot)
        return QPointF(x, y)

    def to_widget(self, page: int, rect: Rect) -> QRectF:
        """A rectangle of the unrotated page -> where it is shown in the widget."""
        r = self.page_rect(page)
        z = self.zoom
        w, h, rot = self.geometry[page - 1]
        if rot:
            rect = rotate_rect(rect, w, h, rot)
        return QRectF(r.x() + rect.x0 * z, r.y() + rect.y0 * z, rect.width * z, rect.height * z)

    def page_info(self, page: int) -> Page | None:
        return self.pages[page - 1] if 0 < page <= len(self.pages) else None

    def page_of_offset(self, offset: int) -> int | None:
        """The page whose text contains ``offset`` (by the page index; no words needed)."""
        if not self.pages:
            return None
        i = bisect.bisect_right([p.text_start for p in self.pages], offset) - 1
        if i < 0:
            return None
        return self.pages[i].number if offset < self.pages[i].text_end else None

    def page_search_overlays(self, page: int) -> list[Overlay]:
        """Search hits on one page (computed when the page is painted with its words)."""
        got = self.search_overlays.get(page)
        if got is not None:
            return got
        info = self.page_info(page)
        if not self.hits or info is None or page not in self.loaded:
            return []
        i = max(bisect.bisect_right(self.hits, (info.text_start, -1)) - 1, 0)
        out = []
        for k in range(i, len(self.hits)):
            s, e = self.hits[k]
            if s >= info.text_end:
                break
            if e <= info.text_start:
                continue
            out.extend(Overlay(pr.page, pr.rect, "search-current" if k == self.current_hit else "search")
                       for pr in span_rects([info], s, e))
        self.search_overlays[page] = out
        return out

    # --- painting -----------------------------------------------------------------------

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt API
        p = QPainter(self)
        p.fillRect(event.rect(), QColor("#8a8f96"))
        visible = self.visible_pages(event.rect())
        wanted = []
        for page in visible:
            r = self.page_rect(page)
            img = self.cache.get((page, self.zoom))
            if img is not None:
                self.cache.move_to_end((page, self.zoom))
                p.drawImage(r, img)
                if page == 1 and not self._first_shown:
                    self._first_shown = True
                    QTimer.singleShot(0, self, self.first_page_shown.emit)
            else:
                p.fillRect(r, QColor("white"))
                p.setPen(QColor("#999999"))
                p.drawText(r, Qt.AlignmentFlag.AlignCenter, tr("Side {0} indlæses …").format(page))
                wanted.append(("page", page, self.zoom))
            self._paint_page_overlays(p, page)
        if wanted or visible:
            # also prepare one page beyond each edge so that scrolling finds it ready
            extra = [("page", n, self.zoom) for n in (visible[0] - 1, visible[-1] + 1)
                     if 1 <= n <= len(self.sizes) and (n, self.zoom) not in self.cache] if visible else []
            if wanted or extra:
                self.viewer.request(wanted + extra)
        if visible and self.pages and any(n not in self.loaded for n in visible):
            self._words_timer.start()  # (re)started: while scrolling fast, nothing is fetched
        p.end()

    def _request_visible_words(self) -> None:
        visible = self.visible_pages(self.visibleRegion().boundingRect())
        if not visible or not self.pages:
            return
        lo, hi = max(1, visible[0] - WORD_MARGIN), min(len(self.pages), visible[-1] + WORD_MARGIN)
        missing = [n for n in range(lo, hi + 1) if n not in self.loaded]
        if missing:
            self.viewer.want_words(missing)

    def _paint_page_overlays(self, p: QPainter, page: int) -> None:
        info = self.page_info(page)
        if info is not None and info.withheld:
            r = self.page_rect(page)
            p.fillRect(r, QBrush(QColor(0, 0, 0, 90), Qt.BrushStyle.BDiagPattern))
            p.setPen(QColor("#000000"))
            f = QFont(self.font())
            f.setPointSizeF(max(8.0, 14 * self.zoom))
            f.setBold(True)
            p.setFont(f)
            p.drawText(r, Qt.AlignmentFlag.AlignCenter,
                       tr("Siden undtages ({0})").format(ground_label(info.withheld_ground)))
        for ov in self.overlays.get(page, []):
            self._paint_overlay(p, ov)
        for ov in self.page_search_overlays(page):
            self._paint_overlay(p, ov)
        if self.selection is not None and info is not None and page in self.loaded:
            for pr in span_rects([info], *self.selection):
                p.fillRect(self.to_widget(page, pr.rect), QColor(31, 111, 235, 80))
        if self._drag_rect is not None and self._drag_rect[0] == page:
            p.setPen(QPen(QColor("#000000"), 2, Qt.PenStyle.DashLine))
            p.setBrush(QColor(0, 0, 0, 60))
            p.drawRect(self.to_widget(page, self._drag_rect[1]))
            p.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_overlay(self, p: QPainter, ov: Overlay) -> None:
        r = self.to_widget(ov.page, ov.rect).adjusted(-1, -1, 1, 1)
        selected = ov.suggestion_id is not None and (ov.suggestion_id == self.selected_suggestion
                                                      or ov.suggestion_id in self.highlighted)
        if ov.kind == "redaction":
            p.fillRect(r, QColor("#000000"))
            if ov.label:
                # the label the requester will see; shrunk to fit the box (left out when it cannot fit); along
                # the box, so that it runs with the text on a page shown turned
                upright = r.height() > 1.5 * r.width() and self.geometry[ov.page - 1][2] in (90, 270)
                box = QRectF(0, 0, r.height(), r.width()) if upright else r
                f = QFont(self.font())
                size = max(4.0, min(box.height() * 0.6, 9 * self.zoom))
                f.setPointSizeF(size)
                width = QFontMetricsF(f).horizontalAdvance(ov.label)
                if width > box.width() - 2:
                    size *= (box.width() - 2) / width
                    f.setPointSizeF(max(size, 1.0))
                if size >= 4.0:
                    p.setFont(f)
                    p.setPen(QColor("#ffffff"))
                    if upright:
                        p.save()
                        p.translate(r.center())
                        p.rotate(self.geometry[ov.page - 1][2])
                        p.drawText(box.translated(-box.width() / 2, -box.height() / 2), Qt.AlignmentFlag.AlignCenter,
                                   ov.label)
                        p.restore()
                    else:
                        p.drawText(r, Qt.AlignmentFlag.AlignCenter, ov.label)
        elif ov.kind == "pending":
            p.setPen(QPen(ov.colour or QColor("#0072B2"), 2))
            p.setBrush(QColor((ov.colour or QColor("#0072B2")).red(), (ov.colour or QColor("#0072B2")).green(),
                              (ov.colour or QColor("#0072B2")).blue(), 40))
            p.drawRect(r)
            p.setBrush(Qt.BrushStyle.NoBrush)
        elif ov.kind == "rejected":
            p.setPen(QPen(QColor(120, 120, 120, 110), 1, Qt.PenStyle.DotLine))
            p.drawRect(r)
        elif ov.kind == "search":
            p.fillRect(r, QColor(255, 230, 0, 110))
        elif ov.kind == "search-current":
            p.fillRect(r, QColor(255, 140, 0, 150))
        if selected:
            p.setPen(QPen(QColor("#ff00ff"), 3))
            p.drawRect(r.adjusted(-3, -3, 3, 3))

    # --- hit testing and mouse -------------------------------------------------------------

    def _page_and_point(self, pos: QPointF) -> tuple[int, QPointF] | None:
        page = self.page_at_y(int(pos.y()))
        if not page or page > len(self.sizes):
            return None
        if not self.page_rect(page).contains(pos.toPoint()):
            return None
        return page, self.to_page(page, pos)

    def overlay_at(self, pos: QPointF) -> Overlay | None:
        hit = self._page_and_point(pos)
        if hit is None:
            return None
        page, pt = hit
        for ov in reversed(self.overlays.get(page, [])):
            if ov.rect.x0 - 1 <= pt.x() <= ov.rect.x1 + 1 and ov.rect.y0 - 1 <= pt.y() <= ov.rect.y1 + 1:
                return ov
        return None

    def word_at(self, page: int, pt: QPointF) -> Word | None:
        """The word under the point, or the nearest word on the nearest line (snapping)."""
        if not 0 < page <= len(self.pages) or page not in self.loaded or not self.pages[page - 1].words:
            return None
        best, best_d = None, float("inf")
        for w in self.pages[page - 1].words:
            r = w.rect
            dx = max(r.x0 - pt.x(), 0, pt.x() - r.x1)
            dy = max(r.y0 - pt.y(), 0, pt.y() - r.y1)
            d = dy * 4 + dx  # prefer the line under the pointer
            if d < best_d:
                best, best_d = w, d
                if d == 0:
                    break
        return best

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        hit = self._page_and_point(event.position())
        self._press = hit
        self._anchor_word = None
        self._drag_rect = None
        if hit is not None and not self.area_mode:
            self._anchor_word = self.word_at(*hit)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        pos = event.position()
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            page, start = self._press
            pt = self.to_page(page, pos)
            if self.area_mode:
                w, h, _rot = self.geometry[page - 1]
                x0, x1 = sorted((min(max(start.x(), 0), w), min(max(pt.x(), 0), w)))
                y0, y1 = sorted((min(max(start.y(), 0), h), min(max(pt.y(), 0), h)))
                self._drag_rect = (page, Rect(x0, y0, x1, y1))
                self.update()
            elif self._anchor_word is not None:
                hit = self._page_and_point(pos)
                if hit is not None:
                    word = self.word_at(*hit)
                    if word is not None:
                        self.set_selection(min(self._anchor_word.start, word.start),
                                           max(self._anchor_word.end, word.end))
            return
        ov = self.overlay_at(pos)
        if ov is not None and ov.tooltip:
            QToolTip.showText(event.globalPosition().toPoint(), ov.tooltip, self)
        else:
            QToolTip.hideText()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return super().mouseReleaseEvent(event)
        page, start = self._press
        self._press = None
        if self.area_mode:
            drag = self._drag_rect
            self._drag_rect = None
            self.update()
            if drag is not None and drag[1].width > 2 and drag[1].height > 2:
                self.area_drawn.emit(drag[0], drag[1])
            return
        moved = (self.to_page(page, event.position()) - start).manhattanLength() > 3 / max(self.zoom, 0.01)
        if not moved:
            ov = self.overlay_at(event.position())
            self.set_selection(None)
            if ov is not None and ov.suggestion_id is not None:
                self.suggestion_clicked.emit(ov.suggestion_id)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt API
        page = self.page_at_y(event.pos().y())
        if page:
            self.context_requested.emit(page, event.globalPos())

    def set_selection(self, span: tuple[int, int] | None, end: int | None = None) -> None:
        if end is not None and span is not None and not isinstance(span, tuple):
            span = (span, end)
        self.selection = span if span and span[1] > span[0] else None
        s = self.selection
        self.selection_changed.emit(s[0] if s else 0, s[1] if s else 0, self.text[s[0]:s[1]] if s else "")
        self.update()


class DocumentViewer(QWidget):
    """Toolbar-less viewer widget (the case window owns the actions): scroll area + search bar."""

    suggestion_clicked = Signal(int)
    selection_changed = Signal(int, int, str)
    area_drawn = Signal(int, object)
    first_page_shown = Signal()
    page_context_requested = Signal(int, QPoint)
    zoom_changed = Signal(str)
    current_page_changed = Signal(int)

    FIT_WIDTH, FIT_PAGE = "width", "page"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.renderer = RenderThread()
        self.renderer.signals.opened.connect(self._opened)
        self.renderer.signals.rendered.connect(self._rendered)
        self.generation = 0
        self._early_open: tuple[int, list] | None = None
        self.document_id: int | None = None
        self.zoom_mode: str | float = self.FIT_WIDTH
        self.opened_at = 0.0
        self.first_page_seconds: float | None = None
        self.canvas = PageCanvas(self)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.canvas)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.setFocusProxy(self.canvas)
        self.scroll.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.thumbs = ThumbnailList(self)
        self.search_bar = SearchBar(self)
        self.search_bar.hide()
        self.empty = QLabel(tr("Vælg et dokument i listen."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.search_bar)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(self.empty, 1)
        self.scroll.hide()
        self.canvas.suggestion_clicked.connect(self.suggestion_clicked)
        self.canvas.selection_changed.connect(self.selection_changed)
        self.canvas.area_drawn.connect(self.area_drawn)
        self.canvas.first_page_shown.connect(self._first_shown)
        self.canvas.context_requested.connect(self.page_context_requested)
        self.setFocusProxy(self.canvas)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.search_bar.start)
        self._last_page = 0
        # asked with (document id, page numbers) for the word maps of pages coming into view; the answer
        # comes back through ``add_words`` (the case window fetches them in the background)
        self.word_loader: Callable[[int, list[int]], None] | None = None
        self.words_requested: set[int] = set()
        self._reveal: tuple[str, int, int] | None = None  # ("suggestion", id, 0) / ("span", start, end)

    def shutdown(self) -> None:
        self.renderer.stop()

    # --- opening --------------------------------------------------------------------------

    def open_document(self, document_id: int | None, rendition: Path | None, message: str = "") -> None:
        self.document_id = document_id
        self.canvas.pages = []
        self.canvas.loaded = set()
        self.canvas.text = ""
        self.canvas.annotations = None
        self.canvas.overlays = {}
        self.canvas.hits, self.canvas.current_hit = [], -1
        self.canvas.search_overlays = {}
        self.words_requested = set()
        self._reveal = None
        self.canvas.selection = None
        self.canvas.selected_suggestion = None
        self.search_bar.reset()
        if rendition is None:
            self.canvas.set_sizes([])
            self.thumbs.set_count(0)
            self.scroll.hide()
            self.empty.setText(message or tr("Vælg et dokument i listen."))
            self.empty.show()
            self.generation = -1  # drop whatever the render thread still delivers
            return
        self.opened_at = time.perf_counter()
        self.first_page_seconds = None
        self.generation = self.renderer.open(rendition)
        self.empty.hide()
        self.scroll.show()
        early, self._early_open = self._early_open, None
        if early is not None and early[0] == self.generation:  # pre-opened, and the answer is already here
            self._opened(*early)

    def _opened(self, generation: int, sizes: list) -> None:
        if generation > self.generation and self.document_id is None:
            self._early_open = (generation, sizes)  # pre-opened before the document was chosen
            return
        if generation != self.generation:
            return
        self.canvas.set_sizes(sizes)  # (width, height, rotation) per page
        self._apply_zoom()
        self.scroll.verticalScrollBar().setValue(0)
        self.thumbs.set_count(len(sizes))

    def _rendered(self, generation: int, kind: str, page: int, zoom: float, img: QImage) -> None:
        if generation != self.generation:
            return
        if kind == "thumb":
            self.thumbs.set_image(page, img)
            return
        self.canvas.cache[(page, zoom)] = img
        while len(self.canvas.cache) > CACHE_PAGES:
            self.canvas.cache.popitem(last=False)
        if zoom == self.canvas.zoom and page <= len(self.canvas.offsets):
            self.canvas.update(self.canvas.page_rect(page))

    def _first_shown(self) -> None:
        if self.first_page_seconds is None:
            self.first_page_seconds = time.perf_counter() - self.opened_at
            log.info("first page shown after %.3f s", self.first_page_seconds)
        self.first_page_shown.emit()

    def request(self, items: list[tuple[str, int, float]]) -> None:
        thumbs = self.thumbs.wanted()
        self.renderer.want(self.generation, items + thumbs)

    # --- data from the case window --------------------------------------------------------

    def set_pages(self, document_id: int, pages: list[Page], text: str) -> None:
        """Every page with its words (a short document)."""
        self.set_index(document_id, pages, text, {p.number for p in pages})

    def set_index(self, document_id: int, pages: list[Page], text: str, loaded: set[int]) -> None:
        """The page index (sizes, text ranges, withheld pages); the pages in ``loaded`` carry their words.
        The words of the others are asked for through ``word_loader`` when they come into view."""
        if document_id != self.document_id:
            return
        self.canvas.pages = pages
        self.canvas.loaded = set(loaded)
        self.canvas.text = text
        self.words_requested -= self.canvas.loaded
        self.canvas.search_overlays = {}
        self.canvas.update()

    def want_words(self, numbers: list[int]) -> None:
        """The canvas needs these pages' words (they are in view or about to be)."""
        todo = [n for n in numbers if n not in self.canvas.loaded and n not in self.words_requested]
        if not todo or self.word_loader is None or self.document_id is None:
            return
        self.words_requested.update(todo)
        self.word_loader(self.document_id, todo)

    def words_failed(self, document_id: int, numbers: list[int]) -> None:
        if document_id == self.document_id:
            self.words_requested.difference_update(numbers)

    def add_words(self, document_id: int, pages: list[Page]) -> None:
        """Word maps of single pages, fetched on demand; their overlays and search hits are computed now."""
        if document_id != self.document_id:
            return
        ann = self.canvas.annotations
        for page in pages:
            n = page.number
            if not 0 < n <= len(self.canvas.pages):
                continue
            self.canvas.pages[n - 1] = page
            self.canvas.loaded.add(n)
            self.words_requested.discard(n)
            self.canvas.search_overlays.pop(n, None)
            if ann is not None:
                self.canvas.overlays[n] = ann.overlays(page)
        self.canvas.update()
        self._try_reveal()

    def set_annotations(self, document_id: int, suggestions: list[Suggestion], decisions: list[Decision]) -> None:
        """Compute and show the overlays here (small documents, tests); see ``annotate``."""
        if document_id != self.document_id or not self.canvas.pages:
            return
        ann = annotate(self.canvas.pages, suggestions, decisions)
        self.set_annotation_data(document_id, ann, {
            p.number: ann.overlays(p) for p in self.canvas.pages if p.number in self.canvas.loaded})

    def set_annotation_data(self, document_id: int, annotations: Annotations,
                            overlays: dict[int, list[Overlay]]) -> None:
        """Suggestions and decisions by page, with the overlays of the pages whose words were loaded when they
        were computed (pages loaded since are computed here)."""
        if document_id != self.document_id:
            return
        self.canvas.annotations = annotations
        overlays = dict(overlays)
        for n in self.canvas.loaded - set(overlays):
            overlays[n] = annotations.overlays(self.canvas.pages[n - 1])
        self.canvas.overlays = overlays
        self.canvas.update()
        self._try_reveal()

    def set_overlays(self, document_id: int, overlays: dict[int, list[Overlay]]) -> None:
        if document_id != self.document_id:
            return
        self.canvas.overlays = overlays
        self.canvas.update()

    def highlight_group(self, suggestion_ids: set[int]) -> None:
        """Outline every occurrence of a group (the first one in the document is scrolled to)."""
        self.canvas.selected_suggestion = None
        self.canvas.highlighted = set(suggestion_ids)
        self.canvas.update()
        ann = self.canvas.annotations
        pages = [ann.suggestion_pages[i] for i in suggestion_ids if ann is not None and i in ann.suggestion_pages]
        first = min(pages) if pages else None
        for page in sorted(self.canvas.overlays):
            if first is not None and page > first:
                break
            for ov in self.canvas.overlays[page]:
                if ov.suggestion_id in suggestion_ids:
                    self.show_rect(page, ov.rect)
                    return
        if first is not None:
            target = next(i for i in suggestion_ids if ann is not None and ann.suggestion_pages.get(i) == first)
            self._reveal_later(("suggestion", target, 0), first)

    def select_suggestion(self, suggestion_id: int | None, scroll: bool = True) -> None:
        self.canvas.highlighted = set()
        self.canvas.selected_suggestion = suggestion_id
        self.canvas.update()
        if scroll and suggestion_id is not None and not self._reveal_suggestion(suggestion_id):
            ann = self.canvas.annotations
            page = ann.suggestion_pages.get(suggestion_id) if ann is not None else None
            if page is not None:
                self._reveal_later(("suggestion", suggestion_id, 0), page)

    def _reveal_suggestion(self, suggestion_id: int) -> bool:
        for page, ovs in self.canvas.overlays.items():
            for ov in ovs:
                if ov.suggestion_id == suggestion_id:
                    self.show_rect(page, ov.rect)
                    return True
        return False

    def reveal_span(self, start: int, end: int) -> None:
        """Scroll to a text span (its page's words are fetched first when they are not there yet)."""
        page = self.canvas.page_of_offset(start)
        if page is None:
            return
        if page in self.canvas.loaded:
            rects = span_rects([self.canvas.pages[page - 1]], start, end)
            if rects:
                self.show_rect(page, rects[0].rect)
            return
        self._reveal_later(("span", start, end), page)

    def _reveal_later(self, what: tuple[str, int, int], page: int) -> None:
        """Go to the page now; scroll to the exact place when its words (and overlays) are there."""
        self.go_to_page(page)
        if page not in self.canvas.loaded:
            self._reveal = what
            self.want_words([page])

    def _try_reveal(self) -> None:
        what, self._reveal = self._reveal, None
        if what is None:
            return
        kind, a, b = what
        if kind == "suggestion":
            ann = self.canvas.annotations
            page = ann.suggestion_pages.get(a) if ann is not None else None
            if page is not None and page not in self.canvas.loaded:
                self._reveal = what
            else:
                self._reveal_suggestion(a)
        else:
            page = self.canvas.page_of_offset(a)
            if page is not None and page not in self.canvas.loaded:
                self._reveal = what
            else:
                self.reveal_span(a, b)

    def show_rect(self, page: int, rect: Rect) -> None:
        if not self.canvas.sizes:
            return
        r = self.canvas.to_widget(page, rect)
        self.scroll.ensureVisible(int(r.center().x()), int(r.center().y()), 50,
                                  max(50, self.scroll.viewport().height() // 3))

    def go_to_page(self, page: int) -> None:
        if 1 <= page <= len(self.canvas.offsets):
            self.scroll.verticalScrollBar().setValue(self.canvas.offsets[page - 1] - PAGE_GAP // 2)

    def current_page(self) -> int:
        return self.canvas.page_at_y(self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 3)

    def _scrolled(self, _value: int) -> None:
        page = self.current_page()
        if page != self._last_page:
            self._last_page = page
            self.current_page_changed.emit(page)

    # --- zoom --------------------------------------------------------------------------------

    def set_zoom(self, mode: str | float) -> None:
        self.zoom_mode = mode
        self._apply_zoom()

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(max(0.25, min(4.0, self.canvas.zoom * factor)))

    def _apply_zoom(self) -> None:
        sizes = self.canvas.sizes
        if not sizes:
            return
        page = self.current_page()
        vw = self.scroll.viewport().width() - 2 * PAGE_GAP - 2
        vh = self.scroll.viewport().height() - 2 * PAGE_GAP
        maxw = max(w for w, _ in sizes)
        if self.zoom_mode == self.FIT_WIDTH:
            zoom = vw / maxw
        elif self.zoom_mode == self.FIT_PAGE:
            w, h = sizes[max(page, 1) - 1]
            zoom = min(vw / w, vh / h)
        else:
            zoom = float(self.zoom_mode)
        zoom = round(max(0.1, min(zoom, 6.0)), 3)
        if zoom != self.canvas.zoom:
            self.canvas.zoom = zoom
            self.canvas.relayout()
            self.go_to_page(page)
        self.zoom_changed.emit(f"{round(zoom * 100)} %")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        if self.zoom_mode in (self.FIT_WIDTH, self.FIT_PAGE):
            QTimer.singleShot(0, self, self._apply_zoom)

    # --- search ------------------------------------------------------------------------------

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        text, needle = self.canvas.text, needle.strip()
        if not needle or not text:
            return []
        low, n = text.casefold(), needle.casefold()
        hits, i = [], low.find(n)
        while i >= 0:
            hits.append((i, i + len(n)))
            i = low.find(n, i + 1)
        return hits

    def show_search(self, hits: list[tuple[int, int]], current: int) -> None:
        """Mark the hits (computed per page as pages are painted) and scroll to the current one."""
        self.canvas.hits, self.canvas.current_hit = sorted(hits), current
        if 0 <= current < len(hits):
            self.canvas.current_hit = self.canvas.hits.index(hits[current])
        self.canvas.search_overlays = {}
        self.canvas.update()
        if 0 <= current < len(hits):
            self.reveal_span(*hits[current])


class SearchBar(QWidget):
    """Ctrl+F: find in the open document; Enter / Shift+Enter next / previous, Esc closes."""

    def __init__(self, viewer: DocumentViewer) -> None:
        super().__init__(viewer)
        self.viewer = viewer
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(tr("Søg i dokumentet"))
        self.edit.setAccessibleName(tr("Søg i dokumentet"))
        self.count = QLabel()
        prev_b = QToolButton(text=tr("Forrige"))
        next_b = QToolButton(text=tr("Næste"))
        close_b = QToolButton(text=tr("Luk"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addWidget(QLabel(tr("Søg:")))
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.count)
        lay.addWidget(prev_b)
        lay.addWidget(next_b)
        lay.addWidget(close_b)
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self.edit.textChanged.connect(self._search)
        self.edit.returnPressed.connect(self.next)
        next_b.clicked.connect(self.next)
        prev_b.clicked.connect(self.previous)
        close_b.clicked.connect(self.close_bar)
        for seq, slot in (("Shift+Return", self.previous), ("Escape", self.close_bar), ("F3", self.next),
                          ("Shift+F3", self.previous)):
            sc = QShortcut(QKeySequence(seq), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(slot)

    def start(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def reset(self) -> None:
        self.hits, self.current = [], -1
        self.count.clear()
        if self.isVisible() and self.edit.text():
            QTimer.singleShot(0, self, self._search)

    def _search(self) -> None:
        self.hits = self.viewer.find_all(self.edit.text())
        self.current = 0 if self.hits else -1
        self._show()

    def _show(self) -> None:
        if self.edit.text().strip() and not self.hits:
            self.count.setText(tr("Ingen fund"))
        elif self.hits:
            self.count.setText(tr("{0} af {1}").format(self.current + 1, len(self.hits)))
        else:
            self.count.clear()
        self.viewer.show_search(self.hits, self.current)
        # the current hit is also the text selection: Ctrl+R redacts it without a mouse
        if 0 <= self.current < len(self.hits):
            self.viewer.canvas.set_selection(self.hits[self.current])

    def next(self) -> None:
        if self.hits:
            self.current = (self.current + 1) % len(self.hits)
            self._show()

    def previous(self) -> None:
        if self.hits:
            self.current = (self.current - 1) % len(self.hits)
            self._show()

    def close_bar(self) -> None:
        if 0 <= self.current < len(self.hits) and self.viewer.canvas.selection == self.hits[self.current]:
            self.viewer.canvas.set_selection(None)
        self.hits, self.current = [], -1
        self.viewer.show_search([], -1)
        self.hide()
        self.viewer.canvas.setFocus()


class ThumbnailModel(QAbstractListModel):
    """One row per page; the icon is a placeholder until the page's thumbnail has been rendered."""

    def __init__(self, placeholder: QIcon) -> None:
        super().__init__()
        self.n = 0
        self.icons: dict[int, QIcon] = {}
        self.placeholder = placeholder

    def reset(self, n: int) -> None:
        self.beginResetModel()
        self.n, self.icons = n, {}
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else self.n

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        page = index.row() + 1
        if role == Qt.ItemDataRole.DisplayRole:
            return tr("Side {0}").format(page)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.icons.get(page, self.placeholder)
        if role == Qt.ItemDataRole.UserRole:
            return page
        return None

    def set_icon(self, page: int, icon: QIcon) -> None:
        self.icons[page] = icon
        idx = self.index(page - 1, 0)
        self.dataChanged.emit(idx, idx, [Qt.ItemDataRole.DecorationRole])


class ThumbnailList(QListView):
    """Page thumbnails, rendered lazily for the rows in view; activating one jumps to the page.
    A model with one row per page (no item objects), so a 500-page document costs nothing to list."""

    def __init__(self, viewer: DocumentViewer) -> None:
        super().__init__()
        self.viewer = viewer
        self.setObjectName("thumbnails")
        self.setAccessibleName(tr("Sideminiaturer"))
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(THUMB_WIDTH, round(THUMB_WIDTH * 1.42)))
        self.setUniformItemSizes(True)
        self.setSpacing(2)
        self.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        placeholder = QPixmap(self.iconSize())
        placeholder.fill(QColor("white"))
        self.model_ = ThumbnailModel(QIcon(placeholder))
        self.setModel(self.model_)
        self.activated.connect(lambda idx: viewer.go_to_page(idx.row() + 1))
        self.clicked.connect(lambda idx: viewer.go_to_page(idx.row() + 1))
        self.verticalScrollBar().valueChanged.connect(lambda _v: self._request())

    def count(self) -> int:
        return self.model_.n

    def set_count(self, n: int) -> None:
        self.model_.reset(n)
        QTimer.singleShot(0, self, self._request)

    def wanted(self) -> list[tuple[str, int, float]]:
        if not self.isVisible() or not self.count() or not self.viewer.canvas.sizes:
            return []
        first = self.indexAt(QPoint(5, 5)).row()
        last = self.indexAt(QPoint(5, self.viewport().height() - 5)).row()
        first = max(first, 0)
        last = self.count() - 1 if last < 0 else last
        sizes = self.viewer.canvas.sizes
        out = []
        for row in range(first, min(last + 2, self.count(), len(sizes))):
            page = row + 1
            if page not in self.model_.icons:
                out.append(("thumb", page, round(THUMB_WIDTH / sizes[row][0], 4)))
        return out

    def _request(self) -> None:
        items = self.wanted()
        if items:
            self.viewer.renderer.want(self.viewer.generation, items)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        super().showEvent(event)
        QTimer.singleShot(0, self, self._request)

    def set_image(self, page: int, img: QImage) -> None:
        if not shiboken6.isValid(self) or page > self.count():
            return
        self.model_.set_icon(page, QIcon(QPixmap.fromImage(img)))


class ZoomCombo(QComboBox):
    """Fit width / fit page / percentages (editable)."""

    def __init__(self, viewer: DocumentViewer) -> None:
        super().__init__()
        self.viewer = viewer
        self.setAccessibleName(tr("Zoom"))
        self.setToolTip(tr("Zoom (Ctrl++ / Ctrl+-)"))
        self.addItem(tr("Tilpas bredde"), DocumentViewer.FIT_WIDTH)
        self.addItem(tr("Hele siden"), DocumentViewer.FIT_PAGE)
        for pct in (50, 75, 100, 125, 150, 200, 300):
            self.addItem(f"{pct} %", pct / 100)
        self.activated.connect(lambda i: viewer.set_zoom(self.itemData(i)))
