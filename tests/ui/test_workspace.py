"""The caseworker's workspace through the real windows (#12): the document panel (one and several documents, ESDH
ids from a pasted column), checklist points that lead to their field and disappear when fixed, failed-file
actions, the first run, regime-filtered grounds, review keys after a jump, bulk decisions with undo, read-only
approved cases, the states after export, the overview's search and filter, F1, Qt's Danish texts, cancel.

Dialogs that would open a nested event loop are answered by replacing the module functions that open them.
Assertions are on the store.
"""

from __future__ import annotations

import time
from datetime import date

import pikepdf
import pytest
from PySide6.QtCore import QCoreApplication, Qt

from aktindsigt.core.model import (
    CaseStatus,
    Direction,
    DocumentStatus,
    EntityType,
    Suggestion,
    SuggestionStatus,
)
from aktindsigt.services import Services
from aktindsigt.ui import case_window, dialogs, documents, ops
from aktindsigt.ui.app import MainWindow
from aktindsigt.ui.case_window import CaseWindow
from tests.services.conftest import clean_case, write_pdf


@pytest.fixture
def lead(store):
    svc = Services(store, user="Tove Teamleder")
    svc.set_user_profile(role="teamleder")
    return svc


def _open(qtbot, services, case_id, wait_ops) -> CaseWindow:
    win = CaseWindow(services, case_id)
    qtbot.addWidget(win)
    win.setWindowState(Qt.WindowState.WindowNoState)
    win.resize(1366, 740)
    win.show()
    win.activateWindow()
    wait_ops()
    qtbot.waitUntil(lambda: win.detail is not None and win.review_state is not None)
    return win


def _close(win) -> None:
    win.viewer.shutdown()


@pytest.fixture
def letters(services, tmp_path):
    """Three letters; CPR numbers in the first two, a name in all three."""
    case = services.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 2))
    paths = []
    for i in range(3):
        lines = [f"Brev {i + 1} fra naboen Mette Hansen om carporten."]
        if i < 2:
            lines.append(f"Hendes CPR-nummer er 01020{i}-1234.")
        paths.append(write_pdf(tmp_path / f"brev{i + 1}.pdf", lines))
    services.import_paths(case.id, paths)
    docs = services.case_detail(case.id).documents
    found = []
    for d in docs:
        text = services.document_text(d.id)
        i = text.index("Mette Hansen")
        found.append(Suggestion(case.id, d.id, EntityType.PERSON, i, i + 12, "Mette Hansen", 0.9, "ner", "ofl30_1",
                                False, entity_key="PERSON:mette hansen"))
        if "CPR" in text:
            j = text.index("01020")
            found.append(Suggestion(case.id, d.id, EntityType.CPR, j, j + 11, text[j:j + 11], 1.0, "cpr", "ofl30_1",
                                    True))
    services.review.add_suggestions(case.id, found, "test")
    return case, docs


# --- document properties ------------------------------------------------------------------------------


def test_document_panel_edits_one_document_and_undo_reverts(qtbot, services, letters, wait_ops):
    case, docs = letters
    win = _open(qtbot, services, case.id, wait_ops)
    win.docs.select_document(docs[1].id)
    win.show_properties()
    panel = win.doc_panel
    qtbot.waitUntil(lambda: panel.ids == [docs[1].id])
    assert panel.heading.text() == "Akt 2: brev2"
    panel.public_title.setFocus()
    panel.public_title.selectAll()
    qtbot.keyClicks(panel.public_title, "Brev fra en nabo")
    qtbot.keyClicks(panel.doc_date, "03.09.2026")
    panel.direction.setCurrentIndex(panel.direction.findData("incoming"))
    panel.direction.activated.emit(panel.direction.currentIndex())
    qtbot.keyClicks(panel.sender, "Mette Hansen")
    qtbot.keyClicks(panel.party, "Privatperson")
    qtbot.keyClicks(panel.esdh, "DOK-2002")
    assert panel.save_button.isEnabled() and "ikke gemt" in panel.state_label.text()
    qtbot.keyClick(panel.esdh, Qt.Key.Key_Return)
    wait_ops()
    d = services.document(docs[1].id)
    assert (d.public_title, d.doc_date, d.direction, d.sender, d.esdh_doc_id) == (
        "Brev fra en nabo", date(2026, 9, 3), Direction.INCOMING, "Mette Hansen", "DOK-2002")
    assert services.manual_party(d.id) == "Privatperson"
    qtbot.waitUntil(lambda: not panel.dirty() and not panel.save_button.isEnabled())
    assert win.undo_action.toolTip().startswith("Fortryd: Akt 2: offentlig titel, dato, retning, afsender")
    win.undo_action.trigger()
    wait_ops()
    d = services.document(docs[1].id)
    assert (d.public_title, d.esdh_doc_id, d.direction) == ("brev2", "", Direction.UNKNOWN)
    qtbot.waitUntil(lambda: panel.esdh.text() == "")
    # a bad date: a Danish message, nothing saved
    qtbot.keyClicks(panel.doc_date, "31.02.2026")
    qtbot.keyClick(panel.doc_date, Qt.Key.Key_Return)
    wait_ops()
    assert any("kan ikke læses" in m for m in ops.last_messages)
    assert services.document(docs[1].id).doc_date is None
    _close(win)


def test_several_documents_at_once_and_esdh_ids_from_a_pasted_column(qtbot, services, letters, wait_ops,
                                                                       monkeypatch):
    case, docs = letters
    win = _open(qtbot, services, case.id, wait_ops)
    win.docs.clearSelection()
    for i in (0, 2):
        win.docs.topLevelItem(i).setSelected(True)
    panel = win.doc_panel
    qtbot.waitUntil(lambda: panel.ids == [docs[0].id, docs[2].id])
    assert panel.heading.text().startswith("2 dokumenter valgt (akt 1, 3)")
    assert not panel.title.isEnabled() and not panel.esdh.isEnabled()  # one document's fields
    panel.in_scope.click()
    panel.direction.setCurrentIndex(panel.direction.findData("internal"))
    panel.direction.activated.emit(panel.direction.currentIndex())
    panel.save_button.click()
    wait_ops()
    got = services.case_detail(case.id).documents
    assert [(d.in_scope, d.direction) for d in got] == [(False, Direction.INTERNAL), (True, Direction.UNKNOWN),
                                                        (False, Direction.INTERNAL)]
    assert win.undo_stack[-1].description == "2 dokumenter: retning, omfattet af anmodningen"
    # akt 1 and 2 now differ in direction: the combo says so instead of showing one of them
    win.docs.clearSelection()
    for i in (0, 1):
        win.docs.topLevelItem(i).setSelected(True)
    qtbot.waitUntil(lambda: panel.ids == [docs[0].id, docs[1].id])
    assert panel.direction.currentIndex() == -1 and panel.direction.placeholderText() == "(forskellige værdier)"
    win.docs.clearSelection()
    for i in (0, 2):
        win.docs.topLevelItem(i).setSelected(True)
    qtbot.waitUntil(lambda: panel.ids == [docs[0].id, docs[2].id])

    # ESDH ids for the selection from a pasted column: the dialog previews who gets which id
    dlg = documents.EsdhColumnDialog(win, [docs[2], docs[0]])
    dlg.edit.setPlainText("A-1\n")
    assert not dlg.ok_button.isEnabled() and "1 ID, men 2 dokumenter" in dlg.status.text()
    dlg.edit.setPlainText("A-1\nA-3\n")
    assert dlg.ok_button.isEnabled() and dlg.table.item(1, 2).text() == "A-3"
    dlg.close()
    monkeypatch.setattr(documents, "ask_esdh_column", lambda parent, docs: ["A-1", "A-3"])
    win.esdh_column_action.trigger()
    wait_ops()
    assert [d.esdh_doc_id for d in services.case_detail(case.id).documents] == ["A-1", "", "A-3"]
    # with one document chosen, the column is for all of them
    win.docs.clearSelection()
    win.docs.select_document(docs[1].id)
    seen = []
    monkeypatch.setattr(documents, "ask_esdh_column", lambda parent, docs: seen.append(len(docs)) or
                        ["B-1", "B-2", "B-3"])
    win.esdh_column_action.trigger()
    wait_ops()
    assert seen == [3]
    assert [d.esdh_doc_id for d in services.case_detail(case.id).documents] == ["B-1", "B-2", "B-3"]
    _close(win)


def test_checklist_points_open_their_field_and_disappear_when_fixed(qtbot, services, tmp_path, wait_ops,
                                                                     monkeypatch):
    case = clean_case(services, tmp_path)
    docs = services.case_detail(case.id).documents
    services.set_document_fields(docs[1].id, esdh_doc_id="")
    win = _open(qtbot, services, case.id, wait_ops)
    win.outputs.by_name["checklist"].trigger()
    wait_ops()
    dlg = win.outputs.checklist_dialog
    assert dlg.isVisible() and not dlg.isModal()  # beside the window: the field can be edited meanwhile
    assert [dlg.list.item(i).text() for i in range(dlg.list.count())] == [
        "Akt 2: Dokumentet har ingen journalreference (ESDH dok-ID)."]
    dlg.list.itemActivated.emit(dlg.list.item(0))
    panel = win.doc_panel
    qtbot.waitUntil(lambda: panel.ids == [docs[1].id] and win.focusWidget() is panel.esdh, timeout=5000)
    assert win.right_tabs.currentWidget() is panel
    # the window's own checklist runs in the background (debounced): its point shows in the panel when it is in
    qtbot.waitUntil(panel.problem_box.isVisible, timeout=5000)
    assert "journalreference" in panel.problem_list.item(0).text()
    qtbot.keyClicks(panel.esdh, "DOK-0002")
    qtbot.keyClick(panel.esdh, Qt.Key.Key_Return)
    wait_ops()
    qtbot.waitUntil(lambda: dlg.list.count() == 0, timeout=10000)
    assert dlg.intro.text().startswith("Tjeklisten er tom")
    assert not panel.problem_box.isVisible()
    assert win.next_step() == "Næste skridt: Tjeklisten er tom. Send sagen til godkendelse."
    # a reason: the document decision opens with the cursor in the reason
    from aktindsigt.outputs.checklist import Problem

    asked = []
    monkeypatch.setattr(dialogs, "ask_access", lambda *a, **k: asked.append(a[6]))
    win.fix_problem(Problem("reason_missing", "x", "document.access_reason", docs[0].id, 1))
    assert asked == ["document.access_reason"]
    _close(win)


# --- failed files ------------------------------------------------------------------------------------------


@pytest.fixture
def failed_case(services, tmp_path):
    case = services.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 2))
    good = write_pdf(tmp_path / "god.pdf", ["Et læsbart brev."])
    bad = tmp_path / "skadet.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF garbage")
    plain = write_pdf(tmp_path / "plain.pdf", ["Fortroligt notat om carporten."])
    enc = tmp_path / "krypteret.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(enc, encryption=pikepdf.Encryption(user="hemmelig", owner="ejer"))
    services.import_paths(case.id, [good, bad, enc])
    return case, {d.source_name: d for d in services.case_detail(case.id).documents}


def test_failed_files_open_with_password_remove_replace_each_undoable(qtbot, services, failed_case, wait_ops,
                                                                       tmp_path, monkeypatch):
    case, docs = failed_case
    win = _open(qtbot, services, case.id, wait_ops)
    enc, bad = docs["krypteret.pdf"], docs["skadet.pdf"]
    win.docs.select_document(enc.id)
    win.show_properties()
    panel = win.doc_panel
    qtbot.waitUntil(lambda: panel.ids == [enc.id])
    assert panel.failed_box.isVisible() and "krypteret" in panel.failed_reason.text()
    assert win.password_action.isEnabled() and panel.failed_buttons["password"].isVisible()
    monkeypatch.setattr(dialogs, "ask_password", lambda parent, name: "forkert")
    win.password_action.trigger()
    wait_ops()
    assert any("Adgangskoden passer ikke" in m for m in ops.last_messages)
    monkeypatch.setattr(dialogs, "ask_password", lambda parent, name: "hemmelig")
    win.password_action.trigger()
    wait_ops()
    assert services.document(enc.id).status is DocumentStatus.READY
    qtbot.waitUntil(lambda: win.viewer.document_id == enc.id and bool(win.viewer.canvas.pages), timeout=20000)
    assert not panel.failed_box.isVisible()
    win.undo_action.trigger()
    wait_ops()
    assert services.document(enc.id).status is DocumentStatus.FAILED

    win.docs.select_document(bad.id)
    qtbot.waitUntil(lambda: panel.ids == [bad.id])
    assert not win.password_action.isEnabled() and win.retry_action.isEnabled()
    win.retry_action.trigger()
    wait_ops()
    assert any("kan stadig ikke læses" in m for m in ops.last_messages)
    new = write_pdf(tmp_path / "ny.pdf", ["Den rigtige kopi af brevet."])
    monkeypatch.setattr(case_window, "ask_file", lambda parent, title: new)
    win.replace_action.trigger()
    wait_ops()
    got = services.document(bad.id)
    assert got.status is DocumentStatus.READY and got.akt_nr == bad.akt_nr
    win.undo_action.trigger()
    wait_ops()
    assert services.document(bad.id).status is DocumentStatus.FAILED
    qtbot.waitUntil(lambda: panel.failed_box.isVisible())
    win.remove_action.trigger()
    wait_ops()
    assert bad.id not in {d.id for d in services.case_detail(case.id).documents}
    qtbot.waitUntil(lambda: win.docs.topLevelItemCount() == 2)
    win.undo_action.trigger()
    wait_ops()
    assert services.document(bad.id).akt_nr == bad.akt_nr
    actions = [e.action for e in services.store.audit_events(case.id)]
    assert {"document.unlock.in", "document.replace.in", "document.remove.out", "document.undo.in"} <= set(actions)
    _close(win)


# --- first run ----------------------------------------------------------------------------------------------


def test_first_run_shows_the_window_at_once_builds_the_demo_and_asks_who_works_here(qtbot, store, wait_ops,
                                                                                      monkeypatch, tmp_path):
    monkeypatch.delenv("AKTINDSIGT_USER")
    monkeypatch.setattr("getpass.getuser", lambda: "root")
    svc = Services(store)

    def demo(progress=None, cancel=None):  # a small demo case, with the progress of a real one
        if svc.store.count_cases():
            return None
        case = svc.create_case("Demosag", "Jens Jensen", "ofl7")
        paths = [write_pdf(tmp_path / f"d{i}.pdf", [f"Demobrev {i}."]) for i in range(3)]
        svc.import_paths(case.id, paths, progress=progress)
        return svc.get_case(case.id)

    monkeypatch.setattr(svc, "ensure_demo_case", demo)
    t0 = time.perf_counter()
    main = MainWindow(svc)
    qtbot.addWidget(main)
    main.show()
    assert time.perf_counter() - t0 < 2.0  # the window is there before any demo is built
    progress = []
    main.first_run()
    qtbot.waitUntil(lambda: main.demo_handle is not None and main.first_run_dialog is not None)
    main.demo_handle.relay.progressed.connect(lambda d, t, m: progress.append((d, t)))
    dlg = main.first_run_dialog
    assert dlg.isVisible() and not dlg.save_button.isEnabled()
    qtbot.keyClicks(dlg.name_edit, "Sara Sørensen")
    assert dlg.initials_edit.text() == "SS"
    dlg.role_combo.setCurrentIndex(dlg.role_combo.findData("sagsbehandler"))
    dlg.save_button.click()
    wait_ops()
    profile = svc.user_profile()
    assert (profile.name, profile.initials, profile.role.value, profile.needs_setup) == (
        "Sara Sørensen", "SS", "sagsbehandler", False)
    [case] = svc.store.list_cases()
    assert case.caseworker == "Sara Sørensen"  # the demo case is the profile's, not root's
    # the status bar reads the profile in the background (refresh_user is a query): wait for it
    qtbot.waitUntil(lambda: "Sara Sørensen (SS) · Sagsbehandler" in main.user_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: main.overview.table.rowCount() == 1)
    assert main.overview.table.item(0, 7).text() == "Sara Sørensen"  # the caseworker column
    assert not main.demo_bar.isVisible()
    # the audit log names the profile
    cw = main.open_case(case.id)
    wait_ops()
    assert "root" not in cw.review_banner.text()
    cw.viewer.shutdown()


# --- grounds --------------------------------------------------------------------------------------------------


def test_ground_combos_list_only_the_regimes_grounds_with_the_types_default(qtbot, services, tmp_path, wait_ops,
                                                                             monkeypatch):
    case = services.create_case("Partsag", "Jens Hansen", "fvl9", date(2026, 11, 2))
    services.import_paths(case.id, [write_pdf(tmp_path / "a.pdf", ["Notat om Mette Hansen, Vestergade 12."])])
    win = _open(qtbot, services, case.id, wait_ops)
    qtbot.waitUntil(lambda: bool(win.choices["redaction"]) and bool(win.viewer.canvas.pages), timeout=20000)
    asked = []
    monkeypatch.setattr(dialogs, "choose_ground", lambda parent, title, current=None, text="", choices=None:
                        asked.append((current, [c.id for c in choices])) or "fvl15a")
    canvas = win.viewer.canvas
    canvas.set_selection((0, 5))
    win.redact_selection_action.trigger()
    wait_ops()
    current, offered = asked[0]
    assert current == "fvl15b"  # the detector's ground for a manual redaction in an FVL case, not § 14
    assert "fvl15b" in offered and not any(g.startswith("ofl") for g in offered)
    assert "fvl15c" not in offered  # a statement, not a ground to redact with
    [d] = services.decisions(case.id)
    assert d.ground_id == "fvl15a"
    qtbot.waitUntil(lambda: win.default_grounds.get("MANUAL") == "fvl15a")  # the last one used, per type
    assert services.default_ground(case.id, EntityType.MANUAL) == "fvl15a"
    # the real combo: grouped (headings cannot be chosen) and searchable
    combo = dialogs.GroundCombo(win.choices["redaction"], "fvl15b")
    heads = [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i, dialogs.GROUND_ROLE) is None]
    assert heads[0] == "Forvaltningsloven: oplysninger i dokumentet"
    combo.setEditText("udenrigspolitiske")
    combo._typed()
    assert combo.ground_id() == "fvl15a"
    # the case-wide search (Ctrl+F): the same grounds; after a search, the one the case's redactions use
    win.find_action.trigger()
    search = win._search_dialog
    ids = [search.ground.itemData(i, dialogs.GROUND_ROLE) for i in range(search.ground.count())]
    ids = [g for g in ids if g]
    assert "fvl15a" in ids and not any(g.startswith("ofl") for g in ids)
    search.needle.setText("Vestergade")
    search.search()
    wait_ops()
    qtbot.waitUntil(lambda: search.ground.currentData() == "fvl15a")
    assert search.ground.lineEdit().cursorPosition() == 0  # the ground's beginning shows, not its end
    search.close()
    _close(win)


# --- review at Acrobat speed -----------------------------------------------------------------------------------


def test_review_keys_work_after_a_jump_and_occurrences_show_in_their_document(qtbot, services, letters, wait_ops):
    case, docs = letters
    win = _open(qtbot, services, case.id, wait_ops)
    tree = win.panel.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0)
    person = next(i for i in range(tree.topLevelItemCount()) if "Mette Hansen" in tree.topLevelItem(i).text(0))
    gi = tree.topLevelItem(person)
    tree.setFocus()
    tree.setCurrentItem(gi)
    gi.setExpanded(True)
    qtbot.waitUntil(lambda: gi.childCount() == 3 and gi.child(2).data(0, Qt.ItemDataRole.UserRole + 2) is not None)
    where, before, text, after = gi.child(2).data(0, Qt.ItemDataRole.UserRole + 2)
    assert where == "Akt 3" and text == "Mette Hansen" and "naboen" in before and "carporten" in after
    third = gi.child(2).data(0, Qt.ItemDataRole.UserRole + 1)
    second = gi.child(1).data(0, Qt.ItemDataRole.UserRole + 1)
    tree.setCurrentItem(gi.child(2))  # an occurrence in another document: it is shown there
    qtbot.waitUntil(lambda: win.viewer.document_id == docs[2].id and win.viewer.canvas.selected_suggestion == third.id,
                    timeout=20000)
    qtbot.keyClick(tree, Qt.Key.Key_Return)  # jump
    win.viewer.canvas.setFocus()  # wherever the focus goes, the keys go on working
    qtbot.keyClick(win.viewer.canvas, Qt.Key.Key_A)
    wait_ops()
    assert services.review.get_suggestions([third.id])[0].status is SuggestionStatus.ACCEPTED
    qtbot.keyClick(win.docs, Qt.Key.Key_K)  # from the document list: back to the previous occurrence
    qtbot.waitUntil(lambda: tree.currentItem() is not None
                    and tree.currentItem().data(0, Qt.ItemDataRole.UserRole + 1).id == second.id)
    qtbot.keyClick(win.docs, Qt.Key.Key_R)
    wait_ops()
    assert services.review.get_suggestions([second.id])[0].status is SuggestionStatus.REJECTED
    # typing in a field is typing
    win.show_properties()
    win.doc_panel.sender.setFocus()
    qtbot.keyClicks(win.doc_panel.sender, "ar")
    assert win.doc_panel.sender.text() == "ar"
    assert services.review.get_suggestions([second.id])[0].status is SuggestionStatus.REJECTED
    _close(win)


def test_bulk_by_type_and_visible_are_one_undoable_operation(qtbot, services, letters, wait_ops):
    case, docs = letters
    win = _open(qtbot, services, case.id, wait_ops)
    qtbot.waitUntil(lambda: bool(win.panel.all_groups))
    win._fill_type_menu(win.accept_type_menu, True)
    labels = [a.text() for a in win.accept_type_menu.actions()]
    assert "CPR-nummer (2 afventer)" in labels and "Navn (3 afventer)" in labels
    next(a for a in win.accept_type_menu.actions() if a.text().startswith("CPR-nummer")).trigger()
    wait_ops()
    cpr = [s for s in services.suggestions(case.id) if s.entity_type is EntityType.CPR]
    assert {s.status for s in cpr} == {SuggestionStatus.ACCEPTED}
    assert len(win.undo_stack) == 1 and "typen CPR-nummer" in win.undo_stack[0].description
    win.undo_action.trigger()
    wait_ops()
    assert {s.status for s in services.suggestions(case.id)} == {SuggestionStatus.PENDING}
    # "alle synlige": the filter on one document
    panel = win.panel
    panel.doc_filter.setCurrentIndex(panel.doc_filter.findData(docs[0].id))
    win.reject_visible_action.trigger()
    wait_ops()
    # the visible ones are decided, and the same values elsewhere in the case with them (#10): the name in every
    # letter; the other letter's CPR number (another value) stays open
    statuses = {(s.document_id, s.entity_type, s.status) for s in services.suggestions(case.id)}
    assert statuses == {(docs[0].id, EntityType.PERSON, SuggestionStatus.REJECTED),
                        (docs[0].id, EntityType.CPR, SuggestionStatus.REJECTED),
                        (docs[1].id, EntityType.PERSON, SuggestionStatus.REJECTED),
                        (docs[1].id, EntityType.CPR, SuggestionStatus.PENDING),
                        (docs[2].id, EntityType.PERSON, SuggestionStatus.REJECTED)}
    assert "alle synlige" in win.undo_stack[-1].description
    # a selection of groups: A decides all of them at once
    panel.doc_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 3)
    panel.tree.clearSelection()
    for i in range(panel.tree.topLevelItemCount()):
        panel.tree.topLevelItem(i).setSelected(True)
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_A)
    wait_ops()
    assert {s.status for s in services.suggestions(case.id)} == {SuggestionStatus.ACCEPTED}
    assert win.undo_stack[-1].description == "Overstreg 5 forekomster"
    # one verb for R everywhere
    assert panel.reject_button.text() == "&Frigiv (R)" and win.reject_key_action.text() == "&Frigiv"
    _close(win)


def test_preselected_suggestions_are_shown_and_confirmed_in_one_undoable_operation(qtbot, services, letters,
                                                                                   wait_ops):
    """The detector pre-selects what it is sure of (here the CPR numbers): the list says "Forvalgt" for them and
    "Afventer" for the rest, a filter shows only them, and "Overstreg alle forvalgte" redacts them as one operation;
    the rest stays open for the caseworker."""
    case, _docs = letters
    win = _open(qtbot, services, case.id, wait_ops)
    panel, tree = win.panel, win.panel.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 3)
    shown = {tree.topLevelItem(i).text(0).split(" — ")[0]: tree.topLevelItem(i).text(1)
             for i in range(tree.topLevelItemCount())}
    assert shown == {"Mette Hansen": "Afventer", "010200-1234": "Forvalgt", "010201-1234": "Forvalgt"}
    assert panel.summary.text() == "3 grupper, 5 forekomster, 5 afventer, heraf 2 forvalgte."
    qtbot.waitUntil(lambda: "Gennemgå 5 afventende forslag (2 forvalgte; Forslag › Overstreg alle forvalgte)"
                    in win.hint_label.text())
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("preselected"))
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 2)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("pending"))  # open: pre-selected ones too
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 3)
    win.accept_preselected_action.trigger()
    wait_ops()
    by_type = {(s.entity_type, s.status) for s in services.suggestions(case.id)}
    assert by_type == {(EntityType.CPR, SuggestionStatus.ACCEPTED), (EntityType.PERSON, SuggestionStatus.PENDING)}
    assert len(win.undo_stack) == 1 and "alle forvalgte" in win.undo_stack[0].description
    qtbot.waitUntil(lambda: panel.summary.text() == "1 gruppe, 3 forekomster, 3 afventer.")
    assert win.bulk_preselected() is None  # nothing left to confirm: said, not done
    assert "ingen forvalgte" in win.statusBar().currentMessage()
    win.undo_action.trigger()
    wait_ops()
    assert {s.status for s in services.suggestions(case.id)} == {SuggestionStatus.PENDING}
    _close(win)


def test_f1_lists_the_shortcuts_from_the_menus_with_the_colour_legend(qtbot, services, letters, wait_ops):
    case, _ = letters
    win = _open(qtbot, services, case.id, wait_ops)
    qtbot.waitUntil(lambda: bool(win.panel.groups))
    win.help_action.trigger()
    dlg = win.last_dialog
    rows = dict(dlg.rows())
    assert rows["Overstreg"] == "A" and rows["Frigiv"] == "R" and rows["Næste"] == "J"
    assert rows["Find personoplysninger"] == "Ctrl+F5" and rows["Tastaturgenveje og farver"] == "F1"
    assert "CPR-nummer" in dlg.legend.text() and "Navn" in dlg.legend.text()
    assert "CPR-nummer" in win.panel.legend.text()
    dlg.close()
    _close(win)


def test_next_step_hints(qtbot, services, tmp_path, wait_ops):
    case = services.create_case("Tom sag", "Jens Hansen", "ofl7", date(2026, 11, 2))
    win = _open(qtbot, services, case.id, wait_ops)
    assert win.hint_label.text() == "Næste skridt: Importér filer (Ctrl+I) eller træk dem hertil."
    win.import_paths([write_pdf(tmp_path / "a.pdf", ["Et brev."])])
    wait_ops()
    qtbot.waitUntil(lambda: win.hint_label.text() == "Næste skridt: Find personoplysninger (Ctrl+F5).")
    _close(win)


# --- read-only cases and the states after export ---------------------------------------------------------------


def test_an_approved_case_is_read_only_until_genoptag(qtbot, services, lead, tmp_path, wait_ops, monkeypatch):
    case = clean_case(services, tmp_path)
    docs = services.case_detail(case.id).documents
    text = services.document_text(docs[1].id)
    i = text.index("carport")
    services.review.add_suggestions(case.id, [Suggestion(case.id, docs[1].id, EntityType.PERSON, i, i + 7,
                                                         "carport", 0.5, "ner", "ofl30_1", False)], "test")
    services.reject([s.id for s in services.suggestions(case.id)])
    win = _open(qtbot, services, case.id, wait_ops)
    win.docs.select_document(docs[1].id)
    win.panel.tree.setFocus()
    qtbot.waitUntil(lambda: win.panel.tree.topLevelItemCount() == 1)
    win.panel.tree.setCurrentItem(win.panel.tree.topLevelItem(0))
    qtbot.keyClick(win.panel.tree, Qt.Key.Key_A)  # an undoable step before the approval
    wait_ops()
    assert len(win.undo_stack) == 1
    services.submit_for_review(case.id)
    lead.approve_case(case.id)
    win.refresh_review()
    wait_ops()
    assert win.read_only.startswith("Sagen er godkendt")
    for a in (win.accept_key_action, win.redact_selection_action, win.access_action, win.import_files_action,
              win.esdh_column_action, win.undo_action):
        assert not a.isEnabled(), a.text()
    assert win.doc_panel.public_title.isReadOnly()
    qtbot.keyClick(win.panel.tree, Qt.Key.Key_R)  # a stray R: nothing happens, the approval stays
    qtbot.keyClick(win, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nor does Ctrl+Z
    wait_ops()
    assert services.get_case(case.id).status is CaseStatus.APPROVED
    assert any("godkendt og kan ikke ændres" in m for m in ops.last_status) or "godkendt" in \
        win.statusBar().currentMessage()
    assert win.reopen_action.isEnabled() and any(b.isVisible() and b.defaultAction() is win.reopen_action
                                                 for b in win.banner_buttons)
    questions = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text, yes: questions.append(text) or False)
    win.reopen_action.trigger()
    wait_ops()
    assert services.get_case(case.id).status is CaseStatus.APPROVED  # "Annullér": still approved
    assert "Godkendelsen fra Tove Teamleder bortfalder" in questions[0]
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    win.reopen_action.trigger()
    wait_ops()
    assert services.get_case(case.id).status is CaseStatus.IN_PROGRESS
    qtbot.waitUntil(lambda: win.undo_action.isEnabled())
    _close(win)


def test_export_delivers_the_case_and_journalised_can_be_set(qtbot, services, lead, tmp_path, wait_ops,
                                                               monkeypatch):
    from aktindsigt.ui import outputs

    case = clean_case(services, tmp_path)
    services.submit_for_review(case.id)
    lead.approve_case(case.id)
    win = _open(qtbot, services, case.id, wait_ops)
    main = MainWindow(services)
    qtbot.addWidget(main)
    wait_ops()
    monkeypatch.setattr(outputs, "ask_folder", lambda *a, **k: tmp_path / "esdh")
    win.outputs.by_name["export_bundle"].trigger()
    wait_ops(120000)
    state = services.review_state(case.id)
    assert state.status is CaseStatus.SENT
    qtbot.waitUntil(lambda: win.review_banner.text().startswith("Udleveret af testbruger"))
    assert win.read_only.startswith("Sagen er udleveret")
    assert win.journalise_action.isEnabled() and not win.submit_action.isEnabled()
    qtbot.waitUntil(lambda: main.overview.table.item(0, 6).text() == "Udleveret")
    win.journalise_action.trigger()
    wait_ops()
    assert services.get_case(case.id).status is CaseStatus.CLOSED
    qtbot.waitUntil(lambda: win.review_banner.text().startswith("Journaliseret af testbruger"))
    qtbot.waitUntil(lambda: main.overview.table.item(0, 6).text() == "Journaliseret")
    _close(win)


# --- the overview ----------------------------------------------------------------------------------------------


def test_overview_search_filter_and_caseworker_column(qtbot, services, lead, wait_ops):
    mine = services.create_case("Byggesag Skovvej", "Jens Hansen", "ofl7", date(2026, 11, 2))
    theirs = lead.create_case("Personalesag", "Anne Olsen", "fvl9", date(2026, 11, 3))
    main = MainWindow(services)
    qtbot.addWidget(main)
    wait_ops()
    ov = main.overview
    qtbot.waitUntil(lambda: ov.table.rowCount() == 2)
    assert ov.table.horizontalHeaderItem(7).text() == "Sagsbehandler"
    ov.search.setText("skovvej")
    assert ov.visible_case_ids() == [mine.id] and ov.count_label.text() == "1 af 2 sager"
    ov.search.setText("tove")  # the caseworker is searched too
    assert ov.visible_case_ids() == [theirs.id]
    ov.search.clear()
    ov.filter.setCurrentIndex(ov.filter.findData("mine"))
    assert ov.visible_case_ids() == [mine.id]
    ov.filter.setCurrentIndex(ov.filter.findData("in_progress"))
    assert ov.visible_case_ids() == []
    ov.filter.setCurrentIndex(ov.filter.findData("new"))
    assert sorted(ov.visible_case_ids()) == sorted([mine.id, theirs.id])


# --- Qt's own texts, and cancel -------------------------------------------------------------------------------


def test_qt_dialogs_are_danish(qtbot):
    from aktindsigt.ui.app import install_translation

    app = QCoreApplication.instance()
    translator = install_translation(app, "da")
    try:
        assert translator is not None
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuller"
        assert QCoreApplication.translate("QLineEdit", "&Copy") == "&Kopiér"
    finally:
        app.removeTranslator(translator)


def test_cancel_of_a_job_in_a_worker_answers_within_a_second(qtbot, services, letters, wait_ops, monkeypatch):
    from aktindsigt.ui import procpool

    case, _ = letters
    win = _open(qtbot, services, case.id, wait_ops)
    monkeypatch.setattr(procpool, "enabled", True)
    try:
        handle = win.analyze()
        qtbot.wait(300)
        t0 = time.perf_counter()
        handle.cancel()
        qtbot.waitUntil(lambda: ops.running() == 0, timeout=5000)
        elapsed = time.perf_counter() - t0
        assert elapsed < 1.0, elapsed
        assert "Annulleret" in win.statusBar().currentMessage()
    finally:
        procpool.shutdown(kill=True)
    _close(win)


def test_at_1366_nothing_that_matters_hides_behind_the_toolbar_overflow(qtbot, services, letters, wait_ops):
    case, _ = letters
    win = _open(qtbot, services, case.id, wait_ops)  # 1366 x 740
    qtbot.waitUntil(lambda: win.toolbar.isVisible())
    win.toolbar.updateGeometry()
    qtbot.wait(100)
    hidden = [a.iconText() for a in win.toolbar.actions()
              if a.isVisible() and not a.isSeparator() and not win.toolbar.widgetForAction(a).isVisible()]
    assert hidden == []
    assert all(b.isVisible() for b in win.banner_buttons if b.defaultAction().isEnabled())
    # the document list keeps room for the titles
    win.docs.resizeColumnToContents(0)
    assert win.docs.columnWidth(win.docs.TITLE) >= 120
    _close(win)


def test_window_geometry_and_splitter_are_remembered(qtbot, services, letters, wait_ops):
    case, _ = letters
    win = _open(qtbot, services, case.id, wait_ops)
    win.resize(848, 620)  # the offscreen screen is 800 x 800: restoreGeometry keeps the width within it
    win.splitter.setSizes([230, 320, 300])
    qtbot.wait(50)
    size, sizes = win.size(), win.splitter.sizes()
    assert size.height() == 620
    win.close()
    again = CaseWindow(services, case.id)
    qtbot.addWidget(again)
    again.show()
    wait_ops()
    assert again.size() == size and again.splitter.sizes() == sizes
    _close(again)


def test_keys_reach_the_case_window_after_a_dialog_closes_without_a_window_manager(qtbot, services, letters,
                                                                                   wait_ops):
    """Without a window manager (or with one that does not give the focus back) nothing was active after a
    progress dialog or a message box closed, so F9 and the review keys did nothing (the walkthrough stopped)."""
    from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

    from aktindsigt.ui.app import ActivationKeeper

    app = QApplication.instance()
    keeper = ActivationKeeper(app)
    try:
        case, _ = letters
        win = _open(qtbot, services, case.id, wait_ops)
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        for dlg in (QProgressDialog("Arbejder …", None, 0, 0, win), QMessageBox(QMessageBox.Icon.Warning, "x", "y",
                                                                                QMessageBox.StandardButton.Ok, win)):
            dlg.setWindowModality(Qt.WindowModality.WindowModal)
            dlg.show()
            dlg.activateWindow()
            qtbot.waitUntil(lambda d=dlg: QApplication.activeWindow() is d)
            dlg.hide()
            dlg.deleteLater()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        qtbot.keyClick(win.panel.tree, Qt.Key.Key_F9)
        wait_ops()
        qtbot.waitUntil(lambda: win.outputs.checklist_dialog is not None and win.outputs.checklist_dialog.isVisible())
        win.outputs.checklist_dialog.close()
    finally:
        app.removeEventFilter(keeper)
        keeper.deleteLater()
    _close(win)
