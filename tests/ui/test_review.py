"""The team lead's review through the real windows: the "Godkendelse" actions per role and status, the
status banner, the comment dialogs, the overview's status column, and the user fields in the settings.

Dialogs that would open a nested event loop are answered through ``dialogs.ask_comment`` (replaced
here); the comment dialog itself is driven separately. Assertions are on the store.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from aktindsigt.core.model import CaseStatus, UserRole
from aktindsigt.services import Services
from aktindsigt.ui import dialogs
from aktindsigt.ui.app import MainWindow
from aktindsigt.ui.case_window import CaseWindow
from tests.services.conftest import clean_case
from tests.ui.conftest import make_pdf


@pytest.fixture
def lead(store):
    svc = Services(store, user="Tove Teamleder")
    svc.set_user_profile(role="teamleder")
    return svc


@pytest.fixture
def answers(monkeypatch):
    """Replies for ``dialogs.ask_comment`` in order; every call is recorded (title, required, details)."""
    calls: list[dict] = []
    replies: list[str | None] = []

    def ask(parent, title, intro, ok_text, text="", required=False, details=()):
        calls.append({"title": title, "intro": intro, "required": required, "details": list(details)})
        return replies.pop(0)

    monkeypatch.setattr(dialogs, "ask_comment", ask)
    return replies, calls


def _window(qtbot, svc, case_id, wait_ops) -> CaseWindow:
    win = CaseWindow(svc, case_id)
    qtbot.addWidget(win)
    win.show()
    wait_ops()
    return win


def _enabled(win) -> dict[str, bool]:
    return {"submit": win.submit_action.isEnabled(), "approve": win.approve_action.isEnabled(),
            "return": win.return_action.isEnabled(), "reopen": win.reopen_action.isEnabled()}


def _overview_status(main: MainWindow, case_id: int) -> str:
    t = main.overview.table
    for row in range(t.rowCount()):
        if t.item(row, 0).data(Qt.ItemDataRole.UserRole) == case_id:
            return t.item(row, 6).text()
    raise AssertionError("case not in the overview")


def test_submit_then_approve_across_two_windows(qtbot, services, lead, tmp_path, wait_ops, answers):
    replies, calls = answers
    case = clean_case(services, tmp_path)
    main = MainWindow(services)
    qtbot.addWidget(main)
    wait_ops()
    assert _overview_status(main, case.id) == "Under behandling"
    assert main.user_label.text() == "testbruger · Sagsbehandler"
    mine = main.open_case(case.id)
    wait_ops()
    assert _enabled(mine) == {"submit": True, "approve": False, "return": False, "reopen": False}
    assert mine.review_banner.text() == "Status: Under behandling"

    replies.append("Se især akt 1.")
    mine.submit_action.trigger()
    wait_ops()
    assert services.get_case(case.id).status is CaseStatus.IN_REVIEW
    assert calls[0]["title"] == "Send til godkendelse" and not calls[0]["required"]
    assert "Til godkendelse: sendt af testbruger" in mine.review_banner.text()
    assert "Se især akt 1." in mine.review_banner.text()
    assert _enabled(mine) == {"submit": False, "approve": False, "return": False, "reopen": True}
    qtbot.waitUntil(lambda: _overview_status(main, case.id) == "Til godkendelse")

    theirs = _window(qtbot, lead, case.id, wait_ops)
    assert _enabled(theirs) == {"submit": False, "approve": True, "return": True, "reopen": True}
    replies.append("Fint arbejde.")
    theirs.approve_action.trigger()
    wait_ops()
    state = services.review_state(case.id)
    assert state.status is CaseStatus.APPROVED and state.approved_by == "Tove Teamleder"
    assert state.approval_note == "Fint arbejde." and not state.self_approved
    assert calls[1]["title"] == "Godkend sagen" and not calls[1]["required"]
    # the caseworker's window and the overview follow through the change bus
    qtbot.waitUntil(lambda: "Godkendt af Tove Teamleder" in mine.review_banner.text())
    qtbot.waitUntil(lambda: _overview_status(main, case.id) == "Godkendt")
    for w in (mine, theirs):
        w.viewer.shutdown()


def test_return_shows_the_comment_and_an_edit_continues_the_work(qtbot, services, lead, tmp_path, wait_ops,
                                                               answers, monkeypatch):
    replies, calls = answers
    case = clean_case(services, tmp_path)
    services.submit_for_review(case.id)
    theirs = _window(qtbot, lead, case.id, wait_ops)
    replies.append(None)  # cancelled: nothing happens
    theirs.return_action.trigger()
    wait_ops()
    assert services.get_case(case.id).status is CaseStatus.IN_REVIEW
    replies.append("Begrundelsen for akt 1 er for kort.")
    theirs.return_action.trigger()
    wait_ops()
    assert calls[-1]["required"] and calls[-1]["title"] == "Returnér sagen"
    state = services.review_state(case.id)
    assert state.status is CaseStatus.RETURNED and state.return_comment == "Begrundelsen for akt 1 er for kort."

    mine = _window(qtbot, services, case.id, wait_ops)
    assert "Begrundelsen for akt 1 er for kort." in mine.review_banner.text()
    assert "Returneret af Tove Teamleder" in mine.review_banner.text()
    assert _enabled(mine) == {"submit": True, "approve": False, "return": False, "reopen": True}
    qtbot.waitUntil(lambda: mine.current_document() is not None)
    monkeypatch.setattr(dialogs, "ask_access",
                        lambda *a, **k: ("partial", ["ofl30_1"], "Navn og CPR-nummer på en privat nabo."))
    mine.access_action.trigger()
    wait_ops()
    assert services.get_case(case.id).status is CaseStatus.IN_PROGRESS
    qtbot.waitUntil(lambda: "Under behandling efter returnering" in mine.review_banner.text())
    assert "Begrundelsen for akt 1 er for kort." in mine.review_banner.text()
    for w in (mine, theirs):
        w.viewer.shutdown()


def test_an_approved_case_is_changed_only_after_genoptag_and_then_the_approval_has_lapsed(
        qtbot, services, lead, tmp_path, wait_ops, monkeypatch):
    case = clean_case(services, tmp_path)
    services.submit_for_review(case.id)
    lead.approve_case(case.id)
    mine = _window(qtbot, services, case.id, wait_ops)
    assert "Godkendt af Tove Teamleder" in mine.review_banner.text()
    qtbot.waitUntil(lambda: mine.current_document() is not None)
    monkeypatch.setattr(dialogs, "ask_access", lambda *a, **k: ("withheld", ["ofl30_1"], "Hele klagen undtages."))
    assert not mine.access_action.isEnabled()
    mine.set_access()
    wait_ops()
    assert services.get_case(case.id).status is CaseStatus.APPROVED
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    mine.reopen_action.trigger()
    wait_ops()
    qtbot.waitUntil(lambda: "bortfaldet" in mine.review_banner.text())
    mine.access_action.trigger()
    wait_ops()
    assert services.document(services.case_detail(case.id).documents[0].id).access.value == "withheld"
    assert mine.submit_action.isEnabled()
    mine.viewer.shutdown()


def test_checklist_problems_ask_for_a_comment_and_an_override(qtbot, lead, tmp_path, wait_ops, answers):
    """The team lead handles a case alone: the submission and the approval both need words."""
    replies, calls = answers
    case = lead.create_case("Egen sag", "Jens Hansen", "ofl7", date(2026, 11, 20))
    lead.import_paths(case.id, [make_pdf(tmp_path / "brev.pdf", [["Et brev om byggesagen."]])])
    win = _window(qtbot, lead, case.id, wait_ops)

    replies.extend(["", "Jeg er alene i afdelingen i denne uge."])
    win.submit_action.trigger()
    wait_ops()
    assert [c["title"] for c in calls] == ["Send til godkendelse", "Send trods tjeklisten"]
    assert calls[1]["required"] and calls[1]["details"]
    state = lead.review_state(case.id)
    assert state.status is CaseStatus.IN_REVIEW and state.open_points
    assert state.submit_comment == "Jeg er alene i afdelingen i denne uge."

    qtbot.waitUntil(lambda: win.approve_action.isEnabled())
    replies.extend(["Ingen anden teamleder til stede.", "Brevet skal ud i dag; punkterne er uden betydning."])
    win.approve_action.trigger()
    wait_ops()
    assert [c["title"] for c in calls[2:]] == ["Godkend egen sag", "Godkend trods tjeklisten"]
    assert calls[2]["required"] and calls[3]["required"] and calls[3]["details"]
    state = lead.review_state(case.id)
    assert state.status is CaseStatus.APPROVED and state.self_approved
    assert state.override_reason == "Brevet skal ud i dag; punkterne er uden betydning."
    assert "egen behandler" in win.review_banner.text()
    win.viewer.shutdown()


def test_comment_dialog_needs_text_when_required(qtbot):
    dlg = dialogs.CommentDialog(None, "Returnér sagen", "Hvad skal rettes?", "Returnér", required=True,
                                details=["Akt 1 mangler en begrundelse."])
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.ok_button.isEnabled()
    assert "Akt 1 mangler en begrundelse." in dlg.details.toPlainText()
    qtbot.keyClicks(dlg.edit, "   ")
    assert not dlg.ok_button.isEnabled()
    qtbot.keyClicks(dlg.edit, "Ret begrundelsen.")
    assert dlg.ok_button.isEnabled()
    with qtbot.waitSignal(dlg.accepted):
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.comment() == "Ret begrundelsen."


def test_settings_save_name_and_role_and_the_open_windows_follow(qtbot, store, tmp_path, wait_ops, monkeypatch):
    monkeypatch.delenv("AKTINDSIGT_USER")
    monkeypatch.setattr("getpass.getuser", lambda: "olsen")
    svc = Services(store)
    case = svc.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 20))
    svc.import_paths(case.id, [make_pdf(tmp_path / "brev.pdf", [["Et brev."]])])
    svc.submit_for_review(case.id, "Klar.", allow_problems=True)
    main = MainWindow(svc)
    qtbot.addWidget(main)
    wait_ops()
    assert main.user_label.text() == "olsen · Sagsbehandler"
    win = main.open_case(case.id)
    wait_ops()
    assert not win.approve_action.isEnabled()

    dlg = main.open_settings()
    wait_ops()
    assert dlg.name_edit.text() == "" and dlg.name_edit.placeholderText() == "olsen"
    assert not dlg.name_edit.isReadOnly() and dlg.login_label.text() == "olsen"
    qtbot.keyClicks(dlg.name_edit, "Ole Olsen")
    dlg.role_combo.setCurrentIndex(dlg.role_combo.findData(UserRole.TEAM_LEAD.value))
    dlg.save()
    wait_ops()
    profile = Services(store).user_profile()  # read back from the store
    assert (profile.name, profile.role, profile.login) == ("Ole Olsen", UserRole.TEAM_LEAD, "olsen")
    assert svc.user == "Ole Olsen"
    qtbot.waitUntil(lambda: main.user_label.text() == "Ole Olsen · Teamleder")
    qtbot.waitUntil(lambda: win.approve_action.isEnabled())  # the open case window follows the new role
    win.viewer.shutdown()


def test_settings_name_is_read_only_when_the_env_names_the_user(qtbot, services, wait_ops):
    main = MainWindow(services)
    qtbot.addWidget(main)
    wait_ops()
    dlg = main.open_settings()
    wait_ops()
    assert dlg.name_edit.isReadOnly() and dlg.name_edit.text() == "testbruger"
    dlg.role_combo.setCurrentIndex(dlg.role_combo.findData(UserRole.TEAM_LEAD.value))
    dlg.save()
    wait_ops()
    assert services.user_profile().team_lead and services.user == "testbruger"
