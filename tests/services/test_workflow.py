"""The user profile and the team lead's review: submit, approve, return, reopen, edits, export clearance.

The ``case`` fixture (clean checklist, caseworker "testbruger") and the ``lead`` fixture (team lead
"Tove Teamleder" on the same store) are in ``conftest.py``.
"""

from __future__ import annotations

import json

import pytest

from aktindsigt.core.model import CaseStatus, UserRole
from aktindsigt.services import ServiceError, Services
from tests.services.conftest import write_pdf


def _actions(services, case_id):
    return [e.action for e in services.store.audit_events(case_id) if e.action.startswith("case.")
            and e.action not in ("case.create", "case.status", "case.scope")]


def _status(services, case_id):
    return services.get_case(case_id).status


# --- the user ---------------------------------------------------------------------------------------


def test_user_name_comes_from_env_then_profile_then_os(store, monkeypatch):
    monkeypatch.delenv("AKTINDSIGT_USER")
    monkeypatch.setattr("getpass.getuser", lambda: "olsen")
    svc = Services(store)
    p = svc.user_profile()
    assert (svc.user, p.login, p.role, p.name_source) == ("olsen", "olsen", UserRole.CASEWORKER, "system")

    p = svc.set_user_profile(name="  Ole   Olsen ", role="teamleder")
    assert svc.user == "Ole Olsen" and p.name == "Ole Olsen" and p.team_lead and p.name_source == "profile"
    again = Services(store)  # the next start reads the saved profile
    assert again.user == "Ole Olsen" and again.user_profile().team_lead
    event = [e for e in store.audit_events() if e.action == "setting.set"][-1]
    assert event.object_id == "user:olsen:profile" and event.after["value"]["role"] == "teamleder"

    monkeypatch.setenv("AKTINDSIGT_USER", "kontrol")  # the env var wins over the saved profile
    env = Services(store)
    assert env.user == "kontrol" and env.user_profile().name_locked
    assert env.user_profile().role is UserRole.CASEWORKER  # profiles are per login: "kontrol" has none

    monkeypatch.delenv("AKTINDSIGT_USER")
    svc.set_user_profile(name="")  # back to the login name; the role stays
    assert svc.user == "olsen" and svc.user_profile().team_lead


def test_bad_profile_values_are_refused_in_danish(services):
    with pytest.raises(ServiceError, match="Ukendt rolle 'chef'"):
        services.set_user_profile(role="chef")
    with pytest.raises(ServiceError, match="højst være 128 tegn"):
        services.set_user_profile(name="x" * 129)


# --- the happy path and what each role may do ----------------------------------------------------------


def test_submit_approve_and_export_with_the_approval_in_the_manifest(services, lead, case, tmp_path):
    state = services.review_state(case.id)
    assert state.can_submit and not state.can_approve and not state.can_return
    assert lead.review_state(case.id).can_submit  # a team lead may handle cases too

    state = services.submit_for_review(case.id, "Se især akt 1.")
    assert state.status is CaseStatus.IN_REVIEW and state.submitted_by == "testbruger"
    assert "Se især akt 1." in state.summary() and not state.can_submit and not state.can_approve
    assert lead.review_state(case.id).can_approve and lead.review_state(case.id).can_return

    state = lead.approve_case(case.id, "Fint.")
    assert state.status is CaseStatus.APPROVED and state.approved_by == "Tove Teamleder" and state.approved_at
    assert not state.self_approved and "Godkendt af Tove Teamleder" in state.summary()
    assert _actions(services, case.id) == ["case.submit", "case.approve"]
    approve = [e for e in services.store.audit_events(case.id) if e.action == "case.approve"][0]
    assert approve.who == "Tove Teamleder" and approve.case_id == case.id
    assert approve.before == {"status": "in_review"} and approve.after["status"] == "approved"

    result = services.export_bundle(case.id, tmp_path / "eksport")  # anyone may export an approved case
    manifest = json.loads((result.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["roles"]["approver"] == "Tove Teamleder" and manifest["roles"]["approval_note"] == "Fint."


def test_only_a_team_lead_approves_or_returns(services, case):
    services.submit_for_review(case.id)
    with pytest.raises(ServiceError, match="Kun en teamleder kan godkende"):
        services.approve_case(case.id)
    with pytest.raises(ServiceError, match="Kun en teamleder kan returnere"):
        services.return_case(case.id, "Ret akt 1.")
    assert _status(services, case.id) is CaseStatus.IN_REVIEW
    assert _actions(services, case.id) == ["case.submit"]


def test_illegal_transitions_are_refused(services, lead, case):
    with pytest.raises(ServiceError, match="kun godkendes, når den er sendt til godkendelse"):
        lead.approve_case(case.id)
    with pytest.raises(ServiceError, match="Kun en sag, der er sendt til godkendelse"):
        lead.return_case(case.id, "Ret akt 1.")
    with pytest.raises(ServiceError, match="allerede under behandling"):
        services.reopen_case(case.id)
    services.submit_for_review(case.id)
    with pytest.raises(ServiceError, match="allerede sendt til godkendelse"):
        services.submit_for_review(case.id)
    lead.approve_case(case.id)
    with pytest.raises(ServiceError, match="allerede godkendt"):
        lead.approve_case(case.id)
    with pytest.raises(ServiceError, match="allerede godkendt"):
        services.submit_for_review(case.id)


def test_return_needs_a_comment_that_the_caseworker_sees_until_resubmitted(services, lead, case):
    services.submit_for_review(case.id)
    with pytest.raises(ServiceError, match="Skriv en kommentar"):
        lead.return_case(case.id, "   ")
    assert _status(services, case.id) is CaseStatus.IN_REVIEW
    state = lead.return_case(case.id, "Begrundelsen for akt 1 er for kort.")
    assert state.status is CaseStatus.RETURNED
    mine = services.review_state(case.id)
    assert mine.return_comment == "Begrundelsen for akt 1 er for kort." and mine.returned_by == "Tove Teamleder"
    assert mine.return_comment_open and "Begrundelsen for akt 1 er for kort." in mine.summary()
    assert mine.can_submit and mine.can_reopen

    doc = services.case_detail(case.id).documents[0]
    services.set_document_access(doc.id, "partial", ["ofl30_1"], "Navn og CPR-nummer på en privat nabo.")
    mine = services.review_state(case.id)  # editing is continuing the work
    assert mine.status is CaseStatus.IN_PROGRESS and mine.return_comment_open
    reopen = [e for e in services.store.audit_events(case.id) if e.action == "case.reopen"][0]
    assert reopen.after["cause"] == "document.access" and reopen.who == "testbruger"

    mine = services.submit_for_review(case.id, "Rettet.")
    assert mine.return_comment == "" and not mine.return_comment_open
    assert [h["action"] for h in mine.history] == ["case.submit", "case.return", "case.reopen", "case.submit"]
    assert mine.history[1]["comment"] == "Begrundelsen for akt 1 er for kort."


def test_explicit_reopen_of_a_returned_case(services, lead, case):
    services.submit_for_review(case.id)
    lead.return_case(case.id, "Ret akt 2.")
    state = services.reopen_case(case.id)
    assert state.status is CaseStatus.IN_PROGRESS and state.return_comment == "Ret akt 2."
    assert _actions(services, case.id)[-1] == "case.reopen"


# --- edits while in review or approved ---------------------------------------------------------------------


@pytest.mark.parametrize("edit", ["properties", "redact", "undo", "page", "statement", "import", "access"])
def test_an_approved_case_refuses_every_kind_of_edit_until_reopened(services, lead, case, tmp_path, edit):
    docs = services.case_detail(case.id).documents
    text = services.document_text(docs[0].id)
    i = text.index("carporten")
    op = services.redact_text(docs[0].id, i, i + 9, "ofl30_1") if edit == "undo" else None
    services.submit_for_review(case.id)
    lead.approve_case(case.id)
    n = len(services.store.audit_events(case.id))
    attempts = {
        "properties": lambda: services.set_document_fields(docs[1].id, public_title="Byggetilladelse"),
        "redact": lambda: services.redact_text(docs[0].id, i, i + 9, "ofl30_1"),
        "undo": lambda: services.undo(op),
        "page": lambda: services.withhold_page(docs[1].id, 1, "ofl30_1"),
        "statement": lambda: services.set_meroffentlighed(case.id, "Meroffentlighed er overvejet igen."),
        "import": lambda: services.import_paths(case.id, [write_pdf(tmp_path / "ny.pdf", ["Et nyt dokument."])]),
        "access": lambda: services.decide_document(docs[1].id, "withheld", ["ofl30_1"], "Oplysninger om naboen."),
    }
    with pytest.raises(ServiceError, match="godkendt og kan ikke ændres. Genoptag behandlingen"):
        attempts[edit]()
    assert _status(services, case.id) is CaseStatus.APPROVED
    assert len(services.store.audit_events(case.id)) == n  # nothing written
    services.reopen_case(case.id)
    attempts[edit]()  # after Genoptag the edit is made
    assert _status(services, case.id) is CaseStatus.IN_PROGRESS
    assert "bortfaldet" in services.review_state(case.id).lapsed


def test_journal_entries_do_not_touch_the_approval(services, lead, case):
    services.submit_for_review(case.id)
    lead.approve_case(case.id)
    services.set_journal_entry(case.id, "dispatch", "Sendt med Digital Post.")
    assert _status(services, case.id) is CaseStatus.APPROVED


def test_in_review_only_the_team_leads_corrections_are_allowed(services, lead, case):
    doc = services.case_detail(case.id).documents[0]
    services.submit_for_review(case.id)
    assert services.review_state(case.id).read_only.startswith("Sagen er sendt til godkendelse")
    assert lead.review_state(case.id).read_only == ""
    lead.set_document_fields(doc.id, public_title="Klage fra nabo")  # part of the review
    assert _status(services, case.id) is CaseStatus.IN_REVIEW
    state = lead.approve_case(case.id)
    assert state.status is CaseStatus.APPROVED  # the approval covers the correction

    lead.reopen_case(case.id)
    services.submit_for_review(case.id)
    with pytest.raises(ServiceError, match="sendt til godkendelse og kan ikke ændres"):
        services.set_document_fields(doc.id, public_title="Klage fra en nabo")
    assert _status(services, case.id) is CaseStatus.IN_REVIEW
    services.reopen_case(case.id)
    services.set_document_fields(doc.id, public_title="Klage fra en nabo")
    assert _actions(services, case.id)[-1] == "case.withdraw"


def test_export_delivers_the_case_and_journalised_can_be_set(services, lead, case, tmp_path):
    with pytest.raises(ServiceError, match="Kun en udleveret sag"):
        services.set_journalised(case.id)
    services.submit_for_review(case.id)
    lead.approve_case(case.id)
    result = services.export_bundle(case.id, tmp_path / "eksport")
    state = services.review_state(case.id)
    assert state.status is CaseStatus.SENT and state.status.label == "Udleveret"
    assert state.delivered_by == "testbruger" and state.can_journalise and "Udleveret af testbruger" in state.summary()
    assert services.get_case(case.id).decided is not None
    assert services.deadlines(services.get_case(case.id)).light.value == "done"
    assert state.read_only.startswith("Sagen er udleveret")
    event = [e for e in services.store.audit_events(case.id) if e.action == "case.deliver"][0]
    assert event.after["bundle"] == str(result.path)
    services.export_bundle(case.id, tmp_path / "igen")  # a second bundle of the same approved content
    state = services.set_journalised(case.id)
    assert state.status is CaseStatus.CLOSED and state.status.label == "Journaliseret"
    assert "Journaliseret af testbruger" in state.summary()
    with pytest.raises(ServiceError, match="allerede journaliseret"):
        services.set_journalised(case.id)
    actions = _actions(services, case.id)
    assert "case.decided" in actions  # the bundle's final letter is the decision
    assert [a for a in actions if a != "case.decided"][-3:] == ["case.approve", "case.deliver", "case.journalise"]


def test_the_profile_is_the_identity_not_the_login(store, monkeypatch, tmp_path):
    """Two profiles on one OS login are two people; the case created before the first profile is the profile's."""
    monkeypatch.delenv("AKTINDSIGT_USER")
    monkeypatch.setattr("getpass.getuser", lambda: "root")
    svc = Services(store)
    assert svc.user_profile().needs_setup
    case = svc.create_case("Demosag", "Jens Jensen", "ofl7")
    assert case.caseworker == "root"
    p = svc.set_user_profile(name="Sara Sørensen", initials="s s", role="sagsbehandler")
    assert not p.needs_setup and p.initials == "SS"
    assert svc.get_case(case.id).caseworker == "Sara Sørensen"  # claimed on the first run
    svc.import_paths(case.id, [write_pdf(tmp_path / "a.pdf", ["Et brev."])])
    svc.submit_for_review(case.id, "Klar.", allow_problems=True)
    svc.set_user_profile(name="Tove Teamleder", role="teamleder")  # another person at the same machine
    assert svc.get_case(case.id).caseworker == "Sara Sørensen"  # not claimed again
    state = svc.review_state(case.id)
    assert state.can_approve and not state.own_case
    state = svc.approve_case(case.id, override_reason="Demosagen har åbne punkter.")
    assert state.approved_by == "Tove Teamleder" and not state.self_approved


def test_two_adopters_of_the_demo_case_at_once_do_not_conflict(store, monkeypatch):
    """The first-run dialog's save and the demo build both hand the login's cases to the new profile, at the
    same moment; neither may fail with "Sagen er ændret af ..." and each case is handed over once."""
    import threading

    monkeypatch.delenv("AKTINDSIGT_USER")
    monkeypatch.setattr("getpass.getuser", lambda: "root")
    svc = Services(store)
    ids = [svc.create_case(f"Demosag {i}", "Jens Jensen", "ofl7").id for i in range(3)]
    svc.set_user_profile(name="Sara Sørensen")
    for case_id in ids:  # back to the login's name, as if the cases came after the profile was saved
        c = svc.get_case(case_id)
        c.caseworker = "root"
        store.update_case(c, "root")
    before = len([e for e in store.audit_events() if e.action == "case.caseworker"])
    adopters = [Services(store) for _ in range(4)]
    barrier, errors = threading.Barrier(len(adopters)), []

    def adopt(s):
        barrier.wait()
        try:
            s.adopt_first_run_cases()
        except Exception as e:  # noqa: BLE001 - the test reports every failure
            errors.append(e)

    threads = [threading.Thread(target=adopt, args=(s,)) for s in adopters]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert not errors
    assert [svc.get_case(i).caseworker for i in ids] == ["Sara Sørensen"] * 3
    moved = [e for e in store.audit_events() if e.action == "case.caseworker"][before:]
    assert sorted(int(e.object_id) for e in moved) == ids  # one event per case, none twice


def test_reopen_withdraws_from_review_and_lapses_an_approval(services, lead, case):
    services.submit_for_review(case.id)
    assert services.reopen_case(case.id).status is CaseStatus.IN_PROGRESS
    assert _actions(services, case.id)[-1] == "case.withdraw"
    services.submit_for_review(case.id)
    lead.approve_case(case.id)
    state = services.reopen_case(case.id, "Der er kommet et nyt dokument.")
    assert state.status is CaseStatus.IN_PROGRESS and "bortfaldet" in state.lapsed and not state.approved_by


def test_a_change_outside_the_services_is_caught_at_export(services, lead, case, tmp_path):
    services.submit_for_review(case.id)
    lead.approve_case(case.id)
    doc = services.case_detail(case.id).documents[1]
    doc.access_reason = "Ændret uden om programmet."
    services.store.update_document(doc, "en anden")  # no workflow hook: the fingerprint catches it
    assert _status(services, case.id) is CaseStatus.APPROVED
    with pytest.raises(ServiceError, match="ændret, efter at den blev godkendt"):
        services.export_bundle(case.id, tmp_path / "eksport")
    assert _status(services, case.id) is CaseStatus.IN_PROGRESS
    assert not (tmp_path / "eksport").exists() or not any((tmp_path / "eksport").iterdir())


# --- the checklist, self-approval and overrides ----------------------------------------------------------


def test_submit_with_checklist_problems_needs_a_comment_and_approval_an_override(services, lead, case, tmp_path):
    doc = services.case_detail(case.id).documents[1]
    services.set_document_fields(doc.id, esdh_doc_id="")  # a journal reference missing: no placeholder in a letter
    with pytest.raises(ServiceError, match="tjeklisten har ét punkt") as e:
        services.submit_for_review(case.id)
    assert len(e.value.problems) == 1
    with pytest.raises(ServiceError, match="Skriv en bemærkning til teamlederen"):
        services.submit_for_review(case.id, allow_problems=True)
    state = services.submit_for_review(case.id, "Teamlederen tager stilling til journalnummeret.",
                                       allow_problems=True)
    assert state.status is CaseStatus.IN_REVIEW and len(state.open_points) == 1
    assert "ét åbent punkt" in state.summary() and "(er)" not in state.summary()

    with pytest.raises(ServiceError, match="kan ikke godkendes: tjeklisten"):
        lead.approve_case(case.id)
    state = lead.approve_case(case.id, override_reason="§ 14 er ikke relevant: der gives fuld indsigt i resten.")
    assert state.status is CaseStatus.APPROVED and state.override_reason.startswith("§ 14")
    result = services.export_bundle(case.id, tmp_path / "eksport")  # the approval's override carries
    manifest = json.loads((result.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["roles"]["approval_override_reason"].startswith("§ 14")
    assert manifest["decision"]["checklist_override_reason"].startswith("§ 14")


def test_a_team_lead_approving_own_case_must_write_a_note(lead, tmp_path):
    case = lead.create_case("Egen sag", "Jens Jensen", "ofl7")
    lead.import_paths(case.id, [write_pdf(tmp_path / "a.pdf", ["Et brev."])])
    lead.submit_for_review(case.id, allow_problems=True, comment="Jeg er alene i afdelingen.")
    with pytest.raises(ServiceError, match="selv behandlet sagen"):
        lead.approve_case(case.id, override_reason="Intet at undtage.")
    state = lead.approve_case(case.id, note="Ingen anden teamleder i ferien.", override_reason="Intet at undtage.")
    assert state.self_approved and "egen behandler" in state.summary()
    event = [e for e in lead.store.audit_events(case.id) if e.action == "case.approve"][0]
    assert event.after["self_approval"] is True and event.after["note"] == "Ingen anden teamleder i ferien."


def test_export_override_is_for_team_leads_and_is_recorded(services, lead, case, tmp_path):
    with pytest.raises(ServiceError, match="skal godkendes af en teamleder"):
        services.export_bundle(case.id, tmp_path / "a")
    with pytest.raises(ServiceError, match="Kun en teamleder kan eksportere"):
        services.export_bundle(case.id, tmp_path / "a", override_reason="Haster.")
    result = lead.export_bundle(case.id, tmp_path / "b", override_reason="Godkendt mundtligt; systemet var nede.")
    manifest = json.loads((result.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["roles"]["export_override_reason"].startswith("Godkendt mundtligt")
    assert manifest["roles"]["approver"] == ""
    record = services.store.get_setting(f"case:{case.id}:export")
    assert record["export_override"].startswith("Godkendt mundtligt") and record["by"] == "Tove Teamleder"


def test_the_journal_note_lists_the_review(services, lead, case, tmp_path):
    from docx import Document as Docx

    services.submit_for_review(case.id, "Klar.")
    lead.return_case(case.id, "Ret titlen på akt 2.")
    services.reopen_case(case.id)
    services.submit_for_review(case.id)
    lead.approve_case(case.id)
    files = services.render_journalnotat(case.id, tmp_path, pdf=False)
    text = "\n".join(p.text for p in Docx(str(files.docx)).paragraphs)
    for line in ("testbruger sendte sagen til godkendelse. Klar.",
                 "Tove Teamleder returnerede sagen til sagsbehandleren. Ret titlen på akt 2.",
                 "testbruger genoptog behandlingen af sagen.", "Tove Teamleder godkendte sagen."):
        assert line in text, text
    assert "case." not in text and "in_progress" not in text


def test_a_transition_on_a_moved_case_is_a_conflict(services, case):
    from aktindsigt.store.store import StatusConflict

    with pytest.raises(StatusConflict):
        services.store.transition_case(case.id, CaseStatus.APPROVED, "x", "case.approve",
                                       expected={CaseStatus.IN_REVIEW})
    assert _status(services, case.id) is CaseStatus.IN_PROGRESS
