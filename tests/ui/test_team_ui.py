"""The team lead's desk through the real windows (pytest-qt): the review queue in the overview, a comment
shown to the caseworker, the conflict message when another user changed a suggestion meanwhile (the view
reloads), live refresh from another app instance, and the audit table with search and export."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import Qt

from aktindsigt.core.model import SuggestionStatus
from aktindsigt.services import Services
from aktindsigt.store.store import Store
from aktindsigt.ui import ops
from aktindsigt.ui.app import MainWindow
from tests.services.conftest import add_suggestion, clean_case
from tests.ui.test_review import _window


def _select(win, text):
    """Select the suggestion group whose row shows ``text`` in the case window's panel."""
    tree = win.panel.tree
    [target] = [tree.topLevelItem(r) for r in range(tree.topLevelItemCount()) if text in tree.topLevelItem(r).text(0)]
    tree.setCurrentItem(target)


@pytest.fixture
def lead(store):
    svc = Services(store, user="Tove Hansen")
    svc.set_user_profile(role="teamleder")
    return svc


def test_the_review_queue_in_the_team_leads_overview(qtbot, services, lead, tmp_path, wait_ops):
    case = clean_case(services, tmp_path)
    services.submit_for_review(case.id, "Klar til godkendelse.")
    main = MainWindow(lead)
    qtbot.addWidget(main)
    main.show()
    wait_ops()
    queue = main.overview.review_queue
    assert queue.isVisible() and queue.title() == "Til godkendelse (1)"
    t = queue.table
    assert t.rowCount() == 1 and t.item(0, 1).text() == "AKT-2026-0007"
    assert t.item(0, 3).text() == "testbruger" and "Klar til godkendelse." in t.item(0, 5).text()
    assert t.item(0, 4).text() in ("Grøn", "Gul", "Rød", "Afgjort") or t.item(0, 4).text()
    queue._open(0)
    wait_ops()
    assert case.id in main.case_windows
    # a caseworker sees no queue when nothing waits for them
    main2 = MainWindow(services)
    qtbot.addWidget(main2)
    main2.show()
    wait_ops()
    lead.approve_case(case.id)
    main2.overview.review_queue.refresh()
    wait_ops()
    assert not main2.overview.review_queue.isVisible()


def test_a_comment_from_the_team_lead_is_shown_to_the_caseworker_where_it_applies(qtbot, services, lead, tmp_path,
                                                                                  wait_ops):
    case = clean_case(services, tmp_path)
    docs = services.case_detail(case.id).documents
    lead_win = _window(qtbot, lead, case.id, wait_ops)
    lead_win.docs.select_document(docs[0].id)
    wait_ops()
    lead_win.comments_dock.panel.add("Er Mette Hansen ikke medarbejder i kommunen?", document_id=docs[0].id)
    wait_ops()
    win = _window(qtbot, services, case.id, wait_ops)
    win.docs.select_document(docs[0].id)
    wait_ops()
    panel = win.comments_dock.panel
    assert panel.list.count() == 1
    item = panel.list.item(0)
    assert item.text().startswith("Tove Hansen · ") and "Akt 1" in item.text()
    assert "Er Mette Hansen ikke medarbejder" in item.text() and item.font().bold()
    assert panel.summary.text() == "1 åben kommentar til dette dokument (1 i alt i sagen)."
    assert win.comments_dock.windowTitle() == "Kommentarer (1)"
    # on another document the comment is still listed, but not as this document's
    win.docs.select_document(docs[1].id)
    wait_ops()
    assert not panel.list.item(0).font().bold()
    panel.list.setCurrentRow(0)
    panel.resolve_current()
    wait_ops()
    assert services.open_comment_counts(case.id) == {}
    assert "løst af testbruger" in panel.list.item(0).text()


def test_a_double_click_on_a_comment_shows_the_suggestion_it_is_about(qtbot, services, lead, tmp_path, wait_ops):
    case = clean_case(services, tmp_path)
    add_suggestion(services, case)
    sid = add_suggestion(services, case, "Skovvej 3")  # not the first suggestion in the list
    docs = services.case_detail(case.id).documents
    lead.add_comment(case.id, "Er Skovvej 3 ikke sagens egen adresse?", suggestion_id=sid)
    win = _window(qtbot, services, case.id, wait_ops)
    win.docs.select_document(docs[1].id)  # the caseworker is in another document
    wait_ops()
    panel = win.comments_dock.panel
    assert panel.list.count() == 1 and "forslaget 'Skovvej 3'" in panel.list.item(0).text()
    panel.list.setCurrentRow(0)
    panel._go_to(panel.list.item(0))
    wait_ops()
    qtbot.waitUntil(lambda: win.viewer.document_id == docs[0].id, timeout=5000)
    _group, selected = win.panel.current_suggestions()
    assert [sg.id for sg in selected] == [sid]


def test_a_stale_decision_is_refused_with_who_and_the_view_reloads(qtbot, services, store, tmp_path, wait_ops):
    case = clean_case(services, tmp_path)
    sid = add_suggestion(services, case)
    win = _window(qtbot, services, case.id, wait_ops)
    _select(win, "carporten")
    # another user (her own store object, as on another workstation) decides it first
    tove = Services(Store(store.url, store.blobs.root), user="Tove Hansen")
    tove.reject([sid])
    win.panel.key_action("accept")
    wait_ops()
    assert any(m.startswith("Forslaget 'carporten' er ændret af Tove Hansen kl. ") and "visningen er opdateret" in m
               for m in ops.last_messages), ops.last_messages
    assert services.suggestions(case.id, status=SuggestionStatus.REJECTED)[0].id == sid  # hers stands
    assert [d.who for d in services.decisions(case.id) if d.suggestion_id == sid] == ["Tove Hansen"]
    wait_ops()  # the panel reloaded: it shows Tove's decision
    [group] = [g for g in win.panel.groups if g.text == "carporten"]
    assert group.status == "rejected"
    tove.close()


def test_overriding_another_users_decision_says_whose_it_was(qtbot, services, store, tmp_path, wait_ops):
    """A deliberate override (the view showed the other user's decision) is allowed, and the user is told
    whose decision it replaced, in the app as on the command line."""
    case = clean_case(services, tmp_path)
    sid = add_suggestion(services, case)
    tove = Services(Store(store.url, store.blobs.root), user="Tove Hansen")
    tove.reject([sid])
    win = _window(qtbot, services, case.id, wait_ops)  # opened after Tove's decision: it shows it
    _select(win, "carporten")
    ops.last_messages.clear()
    win.panel.key_action("accept")
    wait_ops()
    assert services.suggestions(case.id, status=SuggestionStatus.ACCEPTED)[0].id == sid
    assert any("var frigivet af Tove Hansen" in m and "din afgørelse (overstreget) erstatter den" in m
               for m in ops.last_messages), ops.last_messages
    tove.close()


def test_changes_from_another_app_instance_arrive_live(qtbot, services, store, tmp_path, wait_ops):
    from aktindsigt.ui.live import LiveRefresh

    case = clean_case(services, tmp_path)
    win = _window(qtbot, services, case.id, wait_ops)
    live = LiveRefresh(services, win, interval=0.2)
    try:
        qtbot.waitUntil(lambda: live.feed.ready.is_set(), timeout=5000)
        bo = Services(Store(store.url, store.blobs.root), user="Bo Jensen")
        bo.enter_case(case.id)
        bo.add_comment(case.id, "Jeg har kigget på akt 2.")
        qtbot.waitUntil(lambda: win.comments_dock.panel.list.count() == 1, timeout=8000)
        win.presence_timers[1].timeout.emit()
        qtbot.waitUntil(lambda: win.presence_label.text() == "Bo Jensen arbejder også i sagen", timeout=5000)
        bo.leave_case()
        bo.close()
    finally:
        live.stop()


def test_the_audit_table_searches_and_exports(qtbot, services, tmp_path, wait_ops):
    from aktindsigt.ui.audit_table import AuditDialog

    case = clean_case(services, tmp_path)
    win = _window(qtbot, services, case.id, wait_ops)
    dlg = AuditDialog.show_for(win, services, case.id)
    qtbot.addWidget(dlg)
    wait_ops()
    total = dlg.model.rowCount()
    assert total > 5 and dlg.proxy.rowCount() == total
    assert dlg.proxy.index(0, 2).data() == "Sagen oprettet"
    qtbot.keyClicks(dlg.search, "mette")
    assert 0 < dlg.proxy.rowCount() < total
    assert dlg.count_label.text().startswith(f"{dlg.proxy.rowCount()} af {total} hændelser")
    out = tmp_path / "revisionslog.csv"
    dlg.export(out, "csv")
    wait_ops()
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert len(rows) == dlg.proxy.rowCount() + 1
    assert dlg.count_label.text() == "Gemt: revisionslog.csv"
    # the sort by time keeps the events' order
    dlg.search.clear()
    dlg.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert dlg.proxy.index(0, 2).data() != "Sagen oprettet"


def test_the_case_window_sets_the_esdh_reference_and_the_export_addresses_it(qtbot, services, lead, tmp_path,
                                                                             wait_ops):
    from aktindsigt.ui.esdh import EsdhRefDialog

    case = clean_case(services, tmp_path)
    win = _window(qtbot, services, case.id, wait_ops)
    win.esdh_ref_action.trigger()
    wait_ops()
    dlg = win.esdh_dialog
    assert isinstance(dlg, EsdhRefDialog) and dlg.edit.text() == ""
    assert "kun den neutrale mappe" in dlg.hint.text()
    dlg.edit.setText("  4711 ")
    assert "SBSYS (sag 4711)" in dlg.hint.text()
    dlg.accept()
    wait_ops()
    assert services.get_case(case.id).esdh_ref == "4711"
    assert "ESDH-referencen er gemt: 4711" in win.statusBar().currentMessage()
    # someone else changes it while the dialog is open: refused with who, nothing overwritten
    win.esdh_ref_action.trigger()
    wait_ops()
    dlg = win.esdh_dialog
    assert dlg.edit.text() == "4711"
    lead.set_esdh_ref(case.id, "GO-2026-1")
    ops.last_messages.clear()
    dlg.edit.setText("4712")
    dlg.accept()
    wait_ops()
    assert services.get_case(case.id).esdh_ref == "GO-2026-1"
    assert any("ændret af Tove Hansen" in m for m in ops.last_messages), ops.last_messages
    # the export addresses the payloads to the reference
    services.set_esdh_ref(case.id, "4711")
    services.submit_for_review(case.id, "Klar.")
    lead.approve_case(case.id)
    bundle = services.export_bundle(case.id, tmp_path / "eksport")
    assert (bundle.path / "esdh" / "sbsys" / "requests.json").is_file()
    # ... and the bundle is checked again from the app: as exported, then with one changed byte
    from aktindsigt.ui.esdh import verify_bundle_at

    verify_bundle_at(win, bundle.path.parent)
    wait_ops()
    qtbot.waitUntil(lambda: getattr(win, "bundle_check_box", None) is not None, timeout=5000)
    assert "er som eksporteret" in win.bundle_check_box.text()
    assert "lækagekontrollen bestået for 2 udleverede filer" in win.bundle_check_box.text()
    csv_file = bundle.path / "02_Aktliste.csv"
    csv_file.write_bytes(csv_file.read_bytes() + b" ")
    win.bundle_check_box = None
    verify_bundle_at(win, bundle.path)
    wait_ops()
    qtbot.waitUntil(lambda: win.bundle_check_box is not None, timeout=5000)
    text = win.bundle_check_box.text()
    assert "afviger fra eksporten" in text and "02_Aktliste.csv er ændret" in text, text
