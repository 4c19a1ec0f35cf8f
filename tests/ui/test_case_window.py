"""Drive the real case window: review by keyboard, undo/redo, manual redactions, document decisions.

Assertions are on the store (through services), not only on widgets.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QMouseEvent

from aktindsigt.core.model import (
    AccessType,
    DecisionAction,
    DecisionKind,
    EntityType,
    Suggestion,
    SuggestionStatus,
)
from aktindsigt.ui import dialogs
from aktindsigt.ui.case_window import CaseWindow
from tests.ui.conftest import make_pdf

LINES = ["Notat om byggesagen.", "Mette Hansen bor på Vestergade 12, 8000 Aarhus.", "Telefon 12345678 hele dagen."]


@pytest.fixture
def case_doc(services, tmp_path):
    case = services.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 20))
    pdf = make_pdf(tmp_path / "notat.pdf", [LINES, LINES, LINES])
    doc = services.import_paths(case.id, [pdf]).imported[0]
    text = services.document_text(doc.id)
    sugg, start = [], 0
    while (i := text.find("Mette Hansen", start)) >= 0:
        sugg.append(Suggestion(case.id, doc.id, EntityType.PERSON, i, i + 12, "Mette Hansen", 0.85, "ner",
                               "ofl30_1", False, entity_key="PERSON:mette hansen"))
        start = i + 1
    i = text.find("12345678")
    sugg.append(Suggestion(case.id, doc.id, EntityType.PHONE, i, i + 8, "12345678", 0.7, "phone", None, False))
    services.review.add_suggestions(case.id, sugg, "test")
    return case, doc


@pytest.fixture
def window(qtbot, services, case_doc, wait_ops, grounds):
    case, doc = case_doc
    win = CaseWindow(services, case.id)
    qtbot.addWidget(win)
    win.setWindowState(Qt.WindowState.WindowNoState)  # the offscreen screen is small: the window would fill it
    win.resize(1700, 960)
    win.show()
    qtbot.waitUntil(lambda: bool(win.viewer.canvas.pages and win.viewer.canvas.sizes), timeout=30000)
    wait_ops()
    qtbot.waitUntil(lambda: bool(win.viewer.canvas.overlays), timeout=20000)
    yield win
    win.viewer.shutdown()


def _press_key(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def test_accept_and_reject_by_keyboard_with_undo_redo(qtbot, services, case_doc, window, wait_ops):
    case, doc = case_doc
    tree = window.panel.tree
    tree.setFocus()
    # the first group is the name (type PERSON sorts before PHONE)
    tree.setCurrentItem(tree.topLevelItem(0))
    assert "Mette Hansen — 3 forekomster i 1 dokument" in tree.currentItem().text(0)
    _press_key(qtbot, tree, Qt.Key.Key_A)
    wait_ops()
    person = [s for s in services.suggestions(case.id) if s.entity_type is EntityType.PERSON]
    assert {s.status for s in person} == {SuggestionStatus.ACCEPTED}
    assert len([d for d in services.decisions(case.id) if d.action is DecisionAction.REDACT]) == 3
    # the viewer now shows black boxes for them
    qtbot.waitUntil(lambda: sum(o.kind == "redaction" for ovs in window.viewer.canvas.overlays.values()
                                for o in ovs) == 3)

    _press_key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    wait_ops()
    assert {s.status for s in services.suggestions(case.id)} == {SuggestionStatus.PENDING}
    assert services.decisions(case.id) == []

    _press_key(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_ops()
    assert len(services.decisions(case.id)) == 3

    # one occurrence: expand the group, go down with J, reject with R
    wait_ops()
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(0))
    tree.currentItem().setExpanded(True)
    _press_key(qtbot, tree, Qt.Key.Key_J)
    occ = tree.currentItem().data(0, Qt.ItemDataRole.UserRole + 1)
    assert occ is not None
    assert tree.currentItem().text(0).startswith("Akt 1")  # occurrences name their document
    _press_key(qtbot, tree, Qt.Key.Key_R)
    wait_ops()
    assert services.review.get_suggestions([occ.id])[0].status is SuggestionStatus.REJECTED
    keep = [d for d in services.decisions(case.id) if d.action is DecisionAction.KEEP]
    assert [d.suggestion_id for d in keep] == [occ.id]
    # Space toggles it back to redacted
    tree.setFocus()
    qtbot.waitUntil(lambda: tree.currentItem() is not None)
    window.panel.select_suggestion(occ.id)
    _press_key(qtbot, tree, Qt.Key.Key_Space)
    wait_ops()
    assert services.review.get_suggestions([occ.id])[0].status is SuggestionStatus.ACCEPTED


def test_accept_without_ground_asks_for_one(qtbot, services, case_doc, window, wait_ops, monkeypatch):
    case, _ = case_doc
    asked = []
    answers = [None, "ofl33_5"]

    def choose(parent, title, current=None, text="", choices=None):
        asked.append((title, current, text, [c.id for c in choices or []]))
        return answers.pop(0)

    monkeypatch.setattr(dialogs, "choose_ground", choose)
    tree = window.panel.tree
    phone = next(i for i in range(tree.topLevelItemCount()) if "12345678" in tree.topLevelItem(i).text(0))
    tree.setFocus()
    tree.setCurrentItem(tree.topLevelItem(phone))
    _press_key(qtbot, tree, Qt.Key.Key_A)  # cancelled: nothing decided
    wait_ops()
    assert services.decisions(case.id) == []
    title, proposed, text, offered = asked[0]
    assert "1 forslag (Telefonnummer) har ingen foreslået hjemmel" in text
    assert proposed == "ofl30_1"  # the detector policy's ground for the type
    assert "ofl30_1" in offered and "ofl14" not in offered  # the regime's grounds, never a statement
    tree.setCurrentItem(tree.topLevelItem(phone))
    _press_key(qtbot, tree, Qt.Key.Key_A)
    wait_ops()
    # the number on every page is redacted with the chosen ground (the same value spreads through the case, #10)
    decided = services.decisions(case.id)
    text = services.document_text(decided[0].document_id)
    assert len(decided) == 3 and {(text[d.start:d.end], d.ground_id) for d in decided} == {("12345678", "ofl33_5")}
    assert services.default_ground(case.id, EntityType.PHONE) == "ofl33_5"  # remembered for the type


def test_clicking_an_overlay_selects_it_in_the_panel(qtbot, services, case_doc, window):
    canvas = window.viewer.canvas
    ov = next(o for o in canvas.overlays[1] if o.suggestion_id is not None)
    pos = canvas.to_widget(1, ov.rect).center()
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pos.toPoint())
    item = window.panel.tree.currentItem()
    assert item.data(0, Qt.ItemDataRole.UserRole + 1).id == ov.suggestion_id
    assert canvas.selected_suggestion == ov.suggestion_id


def _drag(canvas, a: QPointF, b: QPointF) -> None:
    from PySide6.QtWidgets import QApplication

    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    mods = Qt.KeyboardModifier.NoModifier
    for typ, pos, button, buttons in ((QEvent.Type.MouseButtonPress, a, left, left),
                                      (QEvent.Type.MouseMove, (a + b) / 2, none, left),
                                      (QEvent.Type.MouseMove, b, none, left),
                                      (QEvent.Type.MouseButtonRelease, b, left, none)):
        ev = QMouseEvent(typ, pos, canvas.mapToGlobal(pos), button, buttons, mods)
        QApplication.sendEvent(canvas, ev)


def test_select_text_snaps_to_words_and_redacts(qtbot, services, case_doc, window, wait_ops, monkeypatch):
    case, doc = case_doc
    canvas = window.viewer.canvas
    words = canvas.pages[1].words  # page 2
    w1 = next(w for w in words if w.text == "Vestergade")
    w2 = next(w for w in words if w.text == "Aarhus.")
    a = canvas.to_widget(2, w1.rect)
    b = canvas.to_widget(2, w2.rect)
    # start inside the first word, end just past the last one: the selection snaps to whole words
    _drag(canvas, QPointF(a.left() + 3, a.center().y()), QPointF(b.right() + 4, b.center().y()))
    assert window.selection is not None and window.selection[2] == "Vestergade 12, 8000 Aarhus."
    assert window.redact_selection_action.isEnabled()
    monkeypatch.setattr(dialogs, "choose_ground", lambda *a, **k: "ofl30_1")
    window.redact_selection_action.trigger()
    wait_ops()
    text = services.document_text(doc.id)
    # the selection, and the same address on the other two pages (decided with it)
    decided = services.decisions(case.id)
    assert len(decided) == 3
    assert all(d.kind is DecisionKind.SPAN and d.ground_id == "ofl30_1" for d in decided)
    assert {text[d.start:d.end] for d in decided} == {"Vestergade 12, 8000 Aarhus."}
    # Ctrl+Z removes it again
    window.undo_action.trigger()
    wait_ops()
    assert services.decisions(case.id) == []


def test_draw_area_redaction(qtbot, services, case_doc, window, wait_ops, monkeypatch):
    case, doc = case_doc
    canvas = window.viewer.canvas
    monkeypatch.setattr(dialogs, "choose_ground", lambda *a, **k: "ofl33_5")
    window.area_action.setChecked(True)
    page = canvas.page_rect(1)
    z = canvas.zoom
    a = QPointF(page.x() + 300 * z, page.y() + 400 * z)
    b = QPointF(page.x() + 450 * z, page.y() + 480 * z)
    _drag(canvas, a, b)
    wait_ops()
    [d] = services.decisions(case.id)
    assert d.kind is DecisionKind.AREA and d.page == 1 and d.ground_id == "ofl33_5"
    assert d.rect.x0 == pytest.approx(300, abs=1) and d.rect.y1 == pytest.approx(480, abs=1)
    qtbot.waitUntil(lambda: any(o.kind == "redaction" for o in canvas.overlays.get(1, [])))


def test_redact_everywhere_opens_the_case_search(qtbot, services, case_doc, window, wait_ops):
    case, doc = case_doc
    window.everywhere_action.trigger()
    dlg = window._search_dialog
    dlg.needle.setText("Vestergade 12")
    dlg.search()
    wait_ops()
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() == 3)
    assert not dlg.apply_button.isEnabled()  # no ground proposed (nothing suggested or redacted there)
    dlg.ground.setCurrentIndex(dlg.ground.findData("ofl30_1"))
    dlg.apply()
    wait_ops()
    text = services.document_text(doc.id)
    spans = [(text[d.start:d.end], d.ground_id) for d in services.decisions(case.id)]
    assert spans == [("Vestergade 12", "ofl30_1")] * 3


def test_document_withheld_and_page_withheld(qtbot, services, case_doc, window, wait_ops, monkeypatch):
    case, doc = case_doc
    monkeypatch.setattr(dialogs, "ask_access", lambda *a, **k: ("withheld", ["ofl33_5"], "Internt dokument"))
    window.access_action.trigger()
    wait_ops()
    stored = services.document(doc.id)
    assert stored.access is AccessType.WITHHELD and stored.access_grounds == ["ofl33_5"]
    qtbot.waitUntil(lambda: window.docs.topLevelItem(0).text(window.docs.ACCESS) == "Nej")

    monkeypatch.setattr(dialogs, "choose_ground", lambda *a, **k: "ofl30_1")
    window.withhold_page(2)
    wait_ops()
    pages = services.document_pages(doc.id)
    assert [p.withheld for p in pages] == [False, True, False]
    qtbot.waitUntil(lambda: window.viewer.canvas.pages[1].withheld)


def test_document_and_page_decisions_undo_and_redo_by_keyboard(qtbot, services, case_doc, window, wait_ops,
                                                               monkeypatch):
    case, doc = case_doc
    undo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    redo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    monkeypatch.setattr(dialogs, "ask_access", lambda *a, **k: ("withheld", ["ofl33_5"], "Internt dokument"))
    window.access_action.trigger()
    wait_ops()
    monkeypatch.setattr(dialogs, "choose_ground", lambda *a, **k: "ofl30_1")
    window.withhold_page(2)
    wait_ops()
    assert services.document(doc.id).access is AccessType.WITHHELD
    assert [p.withheld for p in services.document_pages(doc.id)] == [False, True, False]
    assert window.undo_action.toolTip() == "Fortryd: Akt 1, side 2 undtaget"

    _press_key(qtbot, window, *undo)  # the page comes back
    wait_ops()
    assert not any(p.withheld for p in services.document_pages(doc.id))
    assert services.document(doc.id).access is AccessType.WITHHELD
    qtbot.waitUntil(lambda: not window.viewer.canvas.pages[1].withheld)
    _press_key(qtbot, window, *undo)  # the document decision goes
    wait_ops()
    stored = services.document(doc.id)
    assert (stored.access, stored.access_grounds, stored.access_reason) == (None, [], "")
    qtbot.waitUntil(lambda: window.docs.topLevelItem(0).text(window.docs.ACCESS) == "")
    assert not window.undo_action.isEnabled()

    _press_key(qtbot, window, *redo)
    wait_ops()
    stored = services.document(doc.id)
    assert (stored.access, stored.access_grounds, stored.access_reason) == (AccessType.WITHHELD, ["ofl33_5"],
                                                                            "Internt dokument")
    _press_key(qtbot, window, *redo)
    wait_ops()
    assert [p.withheld_ground for p in services.document_pages(doc.id)] == [None, "ofl30_1", None]
    qtbot.waitUntil(lambda: window.viewer.canvas.pages[1].withheld)
    assert not window.redo_action.isEnabled()


def test_search_in_document(qtbot, window):
    qtbot.keyClick(window.viewer.canvas, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    bar = window.viewer.search_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.edit, "vestergade")
    assert len(bar.hits) == 3 and bar.count.text() == "1 af 3"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.current == 1


def test_import_by_drop_lists_failed_files(qtbot, services, case_doc, window, wait_ops, tmp_path):
    case, _ = case_doc
    bad = tmp_path / "ødelagt.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not a pdf")
    good = make_pdf(tmp_path / "brev.pdf", [["Et andet brev."]])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(bad)), QUrl.fromLocalFile(str(good))])
    pos = QPointF(20, 20)
    # QApplication only routes drops during a real drag; hand the event to the window like Qt would
    window.event(QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier))
    wait_ops()
    docs = services.case_detail(case.id).documents
    assert {d.source_name for d in docs} >= {"ødelagt.pdf", "brev.pdf"}
    dlg = window.findChild(dialogs.ImportResultDialog)
    assert dlg is not None
    assert dlg.table.item(0, 0).text() == "ødelagt.pdf"
    assert dlg.table.item(0, 1).text()  # a Danish reason
    qtbot.waitUntil(lambda: window.docs.topLevelItemCount() == 3)


def test_import_in_a_worker_process_with_progress(qtbot, services, case_doc, window, wait_ops, tmp_path,
                                                  monkeypatch):
    from aktindsigt.ui import procpool

    case, _ = case_doc
    monkeypatch.setattr(procpool, "enabled", True)
    try:
        seen = []
        pdfs = [make_pdf(tmp_path / f"brev{i}.pdf", [[f"Brev nummer {i}."]]) for i in range(3)]
        handle = window.import_paths(pdfs)
        handle.relay.progressed.connect(lambda d, t, m: seen.append((d, t)))
        wait_ops(60000)
        assert handle.finished_ok, handle.error
        assert len(window.last_import.imported) == 3
        assert {d.source_name for d in services.case_detail(case.id).documents} >= {"brev0.pdf", "brev2.pdf"}
        assert seen and seen[-1][1] == 3
        # the imported document opens with its word map
        window.docs.select_document(window.last_import.imported[0].id)
        qtbot.waitUntil(lambda: window.viewer.document_id == window.last_import.imported[0].id)
        wait_ops(30000)
        assert window.viewer.canvas.pages and window.viewer.canvas.pages[0].words
    finally:
        procpool.shutdown()


def test_keyboard_only_redaction_through_search(qtbot, services, case_doc, window, wait_ops, monkeypatch):
    case, doc = case_doc
    monkeypatch.setattr(dialogs, "choose_ground", lambda *a, **k: "ofl30_1")
    window.viewer.canvas.setFocus()
    qtbot.keyClick(window.viewer.canvas, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    bar = window.viewer.search_bar
    qtbot.keyClicks(bar.edit, "8000 Aarhus")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)  # to the second hit
    qtbot.keyClick(bar.edit, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    wait_ops()
    text = services.document_text(doc.id)
    # the selected hit, and the same text on the other pages (decided with it)
    assert {text[d.start:d.end] for d in services.decisions(case.id)} == {"8000 Aarhus"}
    first = text.find("8000 Aarhus")
    assert text.find("8000 Aarhus", first + 1) in {d.start for d in services.decisions(case.id)}


def test_choosing_a_group_outlines_all_its_occurrences(qtbot, window):
    tree = window.panel.tree
    tree.setCurrentItem(tree.topLevelItem(1))
    tree.setCurrentItem(tree.topLevelItem(0))  # the name group
    ids = {s.id for s in window.panel.groups[0].suggestions}
    assert window.viewer.canvas.highlighted == ids


def test_thumbnails_render_lazily_and_jump(qtbot, window):
    window.left_tabs.setCurrentIndex(1)
    thumbs = window.viewer.thumbs
    assert thumbs.count() == 3
    qtbot.waitUntil(lambda: 1 in thumbs.model_.icons, timeout=20000)
    thumbs.setFocus()
    thumbs.setCurrentIndex(thumbs.model().index(2, 0))
    qtbot.keyClick(thumbs, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.viewer.current_page() == 3)

