"""The case-wide search-and-remove dialog, and suggestions settled by the caseworker's own redactions."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from aktindsigt.core.model import EntityType, Rect, Suggestion, SuggestionStatus
from aktindsigt.ui.case_window import CaseWindow
from tests.ui.conftest import make_pdf


def _state(services, case_id):
    """Everything undo must restore: suggestions (with statuses) and decisions."""
    sugg = sorted((s.id, s.document_id, s.start, s.end, s.entity_type.value, s.status.value, s.ground_id)
                  for s in services.suggestions(case_id))
    dec = sorted((d.document_id, d.kind.value, d.action.value, d.start, d.end, d.page, d.ground_id, d.suggestion_id)
                 for d in services.decisions(case_id))
    return sugg, dec


@pytest.fixture
def case_two(services, tmp_path):
    case = services.create_case("Børnesag", "Journalist", "ofl7", date(2026, 11, 20))
    a = make_pdf(tmp_path / "a.pdf", [["Notat om Ulvhild Bager.", "Ulvhild Bager ringede fra 37 62 01 97.",
                                       "Godkendelsen blev givet."]])
    b = make_pdf(tmp_path / "b.pdf", [["Brev til ULVHILD BAGER om sagen.", "Ulvhild Bagers mor ringede også."]])
    docs = services.import_paths(case.id, [a, b]).imported
    text = services.document_text(docs[0].id)
    i = text.index("Ulvhild Bager")
    services.review.add_suggestions(case.id, [Suggestion(case.id, docs[0].id, EntityType.PERSON, i, i + 13,
                                                         "Ulvhild Bager", 0.9, "ner", "ofl30_1", False,
                                                         entity_key="PERSON:ulvhild bager")], "test")
    return case, docs


@pytest.fixture
def win(qtbot, services, case_two, wait_ops, grounds):
    case, _docs = case_two
    w = CaseWindow(services, case.id)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(lambda: bool(w.viewer.canvas.pages and w.viewer.canvas.sizes), timeout=30000)
    wait_ops()
    yield w
    w.viewer.shutdown()


def test_search_lists_every_hit_uncheck_apply_and_undo_restores_exactly(qtbot, services, case_two, win, wait_ops):
    case, docs = case_two
    before = _state(services, case.id)
    win.find_action.trigger()  # Ctrl+F
    dlg = win._search_dialog
    assert dlg.isVisible()
    dlg.needle.setText("ulvhild bager")
    dlg.search()
    wait_ops()
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() == 4)
    texts = [dlg.tree.topLevelItem(k).text(2) for k in range(4)]
    assert any("ULVHILD BAGER" in t for t in texts) and any("Ulvhild Bagers mor" in t for t in texts)
    assert dlg.count.text() == "4 forekomster i 2 dokumenter — 4 markeret"
    assert [dlg.tree.topLevelItem(k).text(3) for k in range(4)] == ["Forslag", "Åben", "Åben", "Åben"]
    dlg.tree.topLevelItem(3).setCheckState(0, Qt.CheckState.Unchecked)  # not the possessive one
    assert dlg.count.text() == "4 forekomster i 2 dokumenter — 3 markeret"
    dlg.apply()
    wait_ops()
    decided = services.decisions(case.id)
    assert len(decided) == 3 and {d.ground_id for d in decided} == {"ofl30_1"}
    b_text = services.document_text(docs[1].id)
    assert "Ulvhild Bagers" not in [b_text[d.start:d.end + 1] for d in decided if d.document_id == docs[1].id]
    # the suggestion under the first hit is accepted by it, not left open
    assert services.suggestions(case.id, docs[0].id)[0].status is SuggestionStatus.ACCEPTED
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() == 4 and dlg.tree.topLevelItem(0).text(3) == "Overstreget")
    assert len(win.undo_stack) == 1
    win.undo()
    wait_ops()
    assert _state(services, case.id) == before


def test_no_hit_and_a_bad_pattern_are_said_in_danish(qtbot, services, case_two, win, wait_ops):
    dlg = win.redact_everywhere()
    dlg.needle.setText("Else")  # inside "Godkendelsen": no hit
    dlg.search()
    wait_ops()
    assert dlg.count.text() == "Ingen forekomster." and not dlg.apply_button.isEnabled()
    dlg.regex.setChecked(True)
    dlg.needle.setText("(")
    dlg.search()
    wait_ops()
    from aktindsigt.ui import ops

    assert any("Mønsteret kan ikke bruges" in m for m in ops.last_messages)


def test_suggestions_under_a_manual_selection_and_an_area_are_settled(qtbot, services, case_two, win, wait_ops,
                                                                      monkeypatch):
    from aktindsigt.ui import dialogs

    case, docs = case_two
    a = docs[0]
    text = services.document_text(a.id)
    i = text.index("37 62 01 97")
    services.review.add_suggestions(case.id, [Suggestion(case.id, a.id, EntityType.PHONE, i, i + 11, "37 62 01 97",
                                                         0.8, "phone", "ofl30_1", False)], "test")
    before = _state(services, case.id)
    # a manual selection over the whole line settles the name and the phone number under it
    line = text.index("Ulvhild Bager ringede")
    end = text.index("\n", line)
    monkeypatch.setattr(dialogs, "choose_ground", lambda *a_, **k: "ofl33_5")
    win.selection = (line, end, text[line:end])
    win.redact_selection()
    wait_ops()
    got = {s.text: s.status for s in services.suggestions(case.id, a.id)}
    assert got["37 62 01 97"] is SuggestionStatus.ACCEPTED
    assert all(d.ground_id == "ofl33_5" for d in services.decisions(case.id, a.id))
    win.undo()
    wait_ops()
    assert _state(services, case.id) == before
    # an area drawn over the first line settles the name suggestion there
    page = services.document_pages(a.id, [1])[0]
    w = next(w for w in page.words if w.text == "Ulvhild")
    win.redact_area(1, Rect(w.rect.x0 - 5, w.rect.y0 - 3, w.rect.x0 + 200, w.rect.y1 + 3))
    wait_ops()
    name = next(s for s in services.suggestions(case.id, a.id) if s.start == text.index("Ulvhild Bager"))
    assert name.status is SuggestionStatus.ACCEPTED
    phone = next(s for s in services.suggestions(case.id, a.id) if s.text == "37 62 01 97")
    assert phone.status is SuggestionStatus.PENDING  # not under the area
    win.undo()
    wait_ops()
    assert _state(services, case.id) == before


def test_a_kept_value_is_shown_as_a_conflict_after_redaction(qtbot, services, case_two, win, wait_ops, tmp_path):
    """Withheld in akt 1, deliberately kept in akt 2: the redaction result lists the conflict, and choosing
    it opens the document that keeps the value."""
    case, (a, b) = case_two
    text = services.document_text(a.id)
    i = text.index("Ulvhild Bager ringede")
    op = services.redact_text(a.id, i, i + len("Ulvhild Bager"), "ofl30_1")
    kept = [s for s in op.added_suggestions if s.document_id == b.id]
    assert kept
    services.reject([s.id for s in kept], reason="Moderen er selv part i sagen")
    result = services.redact_case(case.id, tmp_path / "ud")
    assert result.passed and result.conflicts
    dlg = win.outputs.show_files("Overstregning", tmp_path / "ud", result)
    items = [dlg.list.item(k) for k in range(dlg.list.count())]
    (conflict,) = [it for it in items if it.text().startswith("Konflikt: ")]
    assert "er overstreget i akt 1, men bevaret i akt 2" in conflict.text()
    assert conflict.data(Qt.ItemDataRole.UserRole) == b.id
    dlg.list.itemActivated.emit(conflict)
    qtbot.waitUntil(lambda: (win.current_document() or a).id == b.id)
    dlg.close()


def test_the_ground_is_proposed_from_the_suggestions_or_chosen_before_anything_is_redacted(qtbot, services, case_two,
                                                                                          win, wait_ops):
    case, _docs = case_two
    dlg = win.redact_everywhere()
    dlg.needle.setText("Godkendelsen")  # no suggestion there, nothing redacted in the case yet: no ground
    dlg.search()
    wait_ops()
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() == 1)
    assert dlg.ground.currentData() is None and dlg.ground.currentText() == "Vælg hjemmel …"
    assert not dlg.apply_button.isEnabled()
    assert dlg.apply() is None and services.decisions(case.id) == []
    dlg.needle.setText("Ulvhild Bager")  # the suggestion's ground is proposed
    dlg.search()
    wait_ops()
    qtbot.waitUntil(lambda: dlg.tree.topLevelItemCount() == 4)
    assert dlg.ground.currentData() == "ofl30_1" and dlg.apply_button.isEnabled()
    # a ground the caseworker picks stays picked for the next search
    k = dlg.ground.findData("ofl33_5")
    dlg.ground.setCurrentIndex(k)
    dlg.ground.activated.emit(k)
    dlg.needle.setText("ulvhild")
    dlg.search()
    wait_ops()
    assert dlg.ground.currentData() == "ofl33_5"


def test_the_dialog_takes_a_share_of_the_screen_and_remembers_its_size(qtbot, services, case_two, win, wait_ops):
    from aktindsigt.ui.common import ui_settings
    from aktindsigt.ui.search_dialog import SETTINGS_KEY, SearchDialog, open_search

    dlg = open_search(win, "Ulvhild Bager")
    avail = dlg.screen().availableGeometry()
    # no fixed 820x520: 60 % x 72 % of the screen, at least 720x460, never more than 92 % of it
    assert dlg.width() == min(max(int(avail.width() * 0.6), 720), int(avail.width() * 0.92))
    assert dlg.height() == min(max(int(avail.height() * 0.72), 460), int(avail.height() * 0.92))
    assert avail.contains(dlg.frameGeometry()) or dlg.frameGeometry().height() <= avail.height()
    assert dlg.layout() is not None and dlg.tree.minimumHeight() < dlg.height()
    dlg.resize(700, 500)
    dlg.close()  # the size is remembered
    assert ui_settings().value(f"{SETTINGS_KEY}/geometry") is not None
    again = SearchDialog(win, services, win.case_id)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (700, 500)
    # a size saved on a bigger screen that does not fit this one: a share of this screen instead
    big = SearchDialog(None, services, win.case_id)
    qtbot.addWidget(big)
    big.resize(avail.width() + 400, avail.height() + 300)
    big.hide()
    big.show()
    big.close()
    fitted = SearchDialog(win, services, win.case_id)
    qtbot.addWidget(fitted)
    assert fitted.width() <= avail.width() and fitted.height() <= avail.height()
