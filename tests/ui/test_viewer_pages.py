"""The viewer on long and rotated documents, through the real case window.

- A long document is read page by page: opening it loads the page index and the first pages' words only;
  jumping to a suggestion or a search hit far down loads that page, and its overlays appear there.
- A page with /Rotate 90 is shown turned; word boxes are stored in the unrotated page's coordinates, so
  overlays, clicks and drawn areas go through the page's rotation (checked against PyMuPDF's own
  ``rotation_matrix``).
"""

from __future__ import annotations

from datetime import date

import pymupdf
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from aktindsigt.core.model import DecisionKind, EntityType, Rect, Suggestion, SuggestionStatus
from aktindsigt.ui import dialogs
from aktindsigt.ui.case_window import CaseWindow
from aktindsigt.ui.viewer import EAGER_PAGES, rotate_point, rotate_rect, unrotate_point

LONG = EAGER_PAGES + 10


def _window(qtbot, services, case_id, wait_ops) -> CaseWindow:
    win = CaseWindow(services, case_id)
    qtbot.addWidget(win)
    win.setWindowState(Qt.WindowState.WindowNoState)  # the offscreen screen is small: the window would fill it
    win.resize(1700, 960)
    win.show()
    qtbot.waitUntil(lambda: bool(win.viewer.canvas.pages and win.viewer.canvas.sizes), timeout=30000)
    wait_ops()
    return win


def _suggest(services, case_id, doc_id, needle: str, etype=EntityType.PERSON) -> list[Suggestion]:
    text = services.document_text(doc_id)
    found, start = [], 0
    while (i := text.find(needle, start)) >= 0:
        found.append(Suggestion(case_id, doc_id, etype, i, i + len(needle), needle, 0.9, "ner", "ofl30_1", False,
                                entity_key=f"{etype.value}:{needle.casefold()}"))
        start = i + 1
    services.review.add_suggestions(case_id, found, "test")
    return services.suggestions(case_id, doc_id)


@pytest.fixture
def long_doc(services, tmp_path):
    doc = pymupdf.open()
    for n in range(1, LONG + 1):
        page = doc.new_page()
        page.insert_text((72, 80), f"Side {n}: notat om byggesagen.", fontsize=11)
        page.insert_text((72, 110), f"Mette Hansen bor på Vestergade {n}.", fontsize=11)
    doc.save(str(tmp_path / "lang.pdf"))
    doc.close()
    case = services.create_case("Lang sag", "Jens Hansen", "ofl7", date(2026, 11, 20))
    d = services.import_paths(case.id, [tmp_path / "lang.pdf"]).imported[0]
    return case, d, _suggest(services, case.id, d.id, "Mette Hansen")


def test_services_read_single_pages_and_the_index(services, long_doc):
    case, doc, suggestions = long_doc
    index = services.document_page_index(doc.id)
    assert [p.number for p in index] == list(range(1, LONG + 1)) and all(not p.words for p in index)
    some = services.document_pages(doc.id, [3, 7])
    assert [p.number for p in some] == [3, 7] and all(p.words for p in some)
    assert (index[6].text_start, index[6].text_end) == (some[1].text_start, some[1].text_end)
    assert services.pending_by_document(case.id) == {doc.id: LONG}
    services.accept([suggestions[0].id])
    # the same name on every other page is decided with it (the same string: propagated at once)
    assert services.pending_by_document(case.id) == {}


def test_a_long_document_loads_words_page_by_page(qtbot, services, long_doc, wait_ops, grounds):
    case, doc, suggestions = long_doc
    win = _window(qtbot, services, case.id, wait_ops)
    canvas = win.viewer.canvas
    qtbot.waitUntil(lambda: canvas.annotations is not None and 1 in canvas.overlays)
    assert len(canvas.pages) == LONG
    assert 1 in canvas.loaded and len(canvas.loaded) < LONG // 2  # only what is in view (and a little beyond)
    assert all(canvas.pages[n - 1].words for n in canvas.loaded)
    assert not any(canvas.pages[n - 1].words for n in set(range(1, LONG + 1)) - canvas.loaded)
    assert [o.suggestion_id for o in canvas.overlays[1]] == [suggestions[0].id]

    # jump to the occurrence on the last page: that page's words come, its overlay is there and selected
    far = next(s for s in suggestions if s.start > canvas.pages[LONG - 1].text_start)
    win.jump_to(far)
    qtbot.waitUntil(lambda: LONG in canvas.loaded and LONG in canvas.overlays)
    wait_ops()
    assert [o.suggestion_id for o in canvas.overlays[LONG]] == [far.id]
    assert canvas.selected_suggestion == far.id
    qtbot.waitUntil(lambda: win.viewer.current_page() >= LONG - 1)

    # redact it by keyboard from the panel: the store changes and the far page shows the black box
    win.panel.select_suggestion(far.id)
    win.panel.tree.setFocus()
    qtbot.keyClick(win.panel.tree, Qt.Key.Key_A)
    wait_ops()
    assert services.review.get_suggestions([far.id])[0].status is SuggestionStatus.ACCEPTED
    qtbot.waitUntil(lambda: [o.kind for o in canvas.overlays.get(LONG, [])] == ["redaction"])

    # a search hit on a page not read yet: the page is read and the hit is marked there
    page = LONG - 5
    win.viewer.search_bar.start()
    qtbot.keyClicks(win.viewer.search_bar.edit, f"Vestergade {page}.")
    qtbot.waitUntil(lambda: page in canvas.loaded)
    qtbot.waitUntil(lambda: win.viewer.current_page() in (page - 1, page, page + 1))
    assert [o.kind for o in canvas.page_search_overlays(page)] == ["search-current"]
    win.viewer.shutdown()


@pytest.fixture
def rotated(services, tmp_path):
    """Page 1 upright, page 2 with /Rotate 90 (a landscape table shown turned)."""
    doc = pymupdf.open()
    p1 = doc.new_page(width=595, height=842)
    p1.insert_text((72, 80), "Forside til notatet.", fontsize=11)
    p2 = doc.new_page(width=595, height=842)
    p2.insert_text((72, 100), "Mette Hansen har ringet.", fontsize=14)
    p2.insert_text((72, 300), "Telefon 12345678.", fontsize=14)
    p2.set_rotation(90)
    doc.save(str(tmp_path / "roteret.pdf"))
    doc.close()
    check = pymupdf.open(str(tmp_path / "roteret.pdf"))
    page = check[1]
    expected = {needle: page.search_for(needle)[0] * page.rotation_matrix for needle in ("Mette Hansen", "12345678")}
    shown = (page.rect.width, page.rect.height)
    check.close()
    case = services.create_case("Roteret", "Jens Hansen", "ofl7", date(2026, 11, 20))
    d = services.import_paths(case.id, [tmp_path / "roteret.pdf"]).imported[0]
    _suggest(services, case.id, d.id, "Mette Hansen")
    return case, d, expected, shown


def _shown(canvas, page: int, rect: Rect) -> tuple[float, float, float, float]:
    """Where ``rect`` (unrotated page coordinates) is drawn, in points of the page as shown."""
    r, origin, z = canvas.to_widget(page, rect), canvas.page_rect(page), canvas.zoom
    return ((r.left() - origin.x()) / z, (r.top() - origin.y()) / z, (r.right() - origin.x()) / z,
            (r.bottom() - origin.y()) / z)


def test_overlays_on_a_rotated_page_are_where_the_text_is_shown(qtbot, services, rotated, wait_ops, grounds,
                                                                monkeypatch):
    case, doc, expected, shown = rotated
    win = _window(qtbot, services, case.id, wait_ops)
    canvas = win.viewer.canvas
    qtbot.waitUntil(lambda: 2 in canvas.overlays)
    # the page is laid out turned: landscape, like the rendered image
    assert canvas.geometry[1] == (595, 842, 90) and canvas.sizes[1] == shown == (842, 595)
    assert canvas.page_rect(2).width() > canvas.page_rect(2).height()
    [ov] = canvas.overlays[2]
    exp = expected["Mette Hansen"]
    got = _shown(canvas, 2, ov.rect)
    assert got == pytest.approx((exp.x0, exp.y0, exp.x1, exp.y1), abs=2.5)
    assert got[3] - got[1] > got[2] - got[0]  # the name runs top to bottom on the turned page

    # the rendered pixels under the overlay are text (dark), not the empty margin of an unturned page
    win.viewer.go_to_page(2)
    qtbot.waitUntil(lambda: (2, canvas.zoom) in canvas.cache, timeout=20000)
    img = canvas.cache[(2, canvas.zoom)]
    scale = img.width() / canvas.page_rect(2).width()
    x0, y0, x1, y1 = (v * canvas.zoom * scale for v in got)
    dark = sum(1 for x in range(int(x0), int(x1)) for y in range(int(y0), int(y1))
               if QColorValue(img.pixel(x, y)) < 128)
    assert dark > 10

    # a click on the overlay selects the suggestion (widget -> unrotated page coordinates)
    center = canvas.to_widget(2, ov.rect).center()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=center.toPoint())
    assert canvas.selected_suggestion == ov.suggestion_id

    # an area drawn around the phone number is stored in the unrotated coordinates the redactor uses
    phone = expected["12345678"]
    monkeypatch.setattr(dialogs, "choose_ground", lambda *a, **k: "ofl30_1")
    win.area_action.setChecked(True)
    origin, z = canvas.page_rect(2), canvas.zoom
    a = QPointF(origin.x() + (phone.x0 - 4) * z, origin.y() + (phone.y0 - 4) * z)
    b = QPointF(origin.x() + (phone.x1 + 4) * z, origin.y() + (phone.y1 + 4) * z)
    for typ, pos, button, buttons in ((QEvent.Type.MouseButtonPress, a, Qt.MouseButton.LeftButton,
                                       Qt.MouseButton.LeftButton),
                                      (QEvent.Type.MouseMove, b, Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton),
                                      (QEvent.Type.MouseButtonRelease, b, Qt.MouseButton.LeftButton,
                                       Qt.MouseButton.NoButton)):
        QApplication.sendEvent(canvas, QMouseEvent(typ, pos, canvas.mapToGlobal(pos), button, buttons,
                                                   Qt.KeyboardModifier.NoModifier))
    wait_ops()
    [d] = [d for d in services.decisions(case.id) if d.kind is DecisionKind.AREA]
    assert d.page == 2
    check = pymupdf.open(str(services.rendition_path(services.document(doc.id))))
    words = [w for w in check[1].get_text("words") if "12345678" in w[4]]
    check.close()
    wx0, wy0, wx1, wy1 = words[0][:4]  # unrotated, as get_text gives them
    assert d.rect.x0 <= wx0 and d.rect.y0 <= wy0 and d.rect.x1 >= wx1 and d.rect.y1 >= wy1
    assert d.rect.width > d.rect.height  # drawn top to bottom on the turned page, stored along the text line
    assert d.rect.width < (wx1 - wx0) + 20 and d.rect.height < (wy1 - wy0) + 20
    win.viewer.shutdown()


def QColorValue(rgb: int) -> int:  # noqa: N802 - mirrors QColor.value()
    return max((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
def test_rotation_helpers_match_pymupdf(rotation):
    doc = pymupdf.open()
    page = doc.new_page(width=300, height=500)
    page.set_rotation(rotation)
    m = page.rotation_matrix
    for x, y in ((10, 20), (250, 480), (0, 0)):
        p = pymupdf.Point(x, y) * m
        assert rotate_point(x, y, 300, 500, rotation) == pytest.approx((p.x, p.y))
        assert unrotate_point(p.x, p.y, 300, 500, rotation) == pytest.approx((x, y))
    r = pymupdf.Rect(10, 20, 60, 40) * m
    got = rotate_rect(Rect(10, 20, 60, 40), 300, 500, rotation)
    assert (got.x0, got.y0, got.x1, got.y1) == pytest.approx((r.x0, r.y0, r.x1, r.y1))
    doc.close()
