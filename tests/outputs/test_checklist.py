"""The pre-send checklist finds each kind of problem, and says where it is fixed."""

from __future__ import annotations

from aktindsigt.core.model import EntityType, Regime, Suggestion


def codes(svc, case_id):
    return {(p.code, p.akt_nr) for p in svc.checklist(case_id)}


def test_ready_case_passes(svc, ready_case):
    case, _ = ready_case
    assert svc.checklist(case.id) == []


def test_missing_case_level_statements(svc, case_docs):
    case, _ = case_docs
    found = {c for c, _ in codes(svc, case.id)}
    assert {"municipality_missing", "extraction_missing", "meroffentlighed_missing", "journal_ref_missing",
            "section26_missing"} <= found
    problems = {p.code: p for p in svc.checklist(case.id)}
    assert problems["extraction_missing"].field == "statements.extraction"
    assert problems["section26_missing"].akt_nr == 3
    assert problems["section26_missing"].field == "document.section26_considered"
    assert all(p.message[0].isupper() for p in problems.values())


def test_every_document_needs_a_journal_reference(svc, ready_case):
    case, docs = ready_case
    svc.set_document_fields(docs[3].id, esdh_doc_id="")  # out of scope, but still in the list
    assert codes(svc, case.id) == {("journal_ref_missing", 4)}


def test_withheld_without_ground_or_concrete_reason(svc, ready_case):
    case, docs = ready_case
    svc.store.update_document(_with(svc.document(docs[0].id), access="withheld", access_grounds=[],
                                    access_reason=""), "t")
    found = codes(svc, case.id)
    assert ("ground_missing", 1) in found and ("reason_missing", 1) in found
    svc.set_document_access(docs[0].id, "withheld", ["ofl30_1"], "Undtaget.")
    assert ("reason_not_concrete", 1) in codes(svc, case.id)


def test_manual_redaction_needs_a_written_reason(svc, ready_case):
    case, docs = ready_case
    svc.redact_text(docs[0].id, 0, 9, "ofl30_1")  # a manual selection without a reason
    assert ("reason_missing", 1) in codes(svc, case.id)
    svc.set_document_access(docs[0].id, "partial", [], "Oplysning om ansøgerens private økonomi i første linje.")
    assert ("reason_missing", 1) not in codes(svc, case.id)


def test_section35_must_name_a_law(svc, ready_case):
    case, docs = ready_case
    svc.set_document_access(docs[0].id, "withheld", ["ofl35"],
                            "Helbredsoplysninger fra en læge, omfattet af tavshedspligt efter særlig lov.")
    assert ("law_missing", None) in codes(svc, case.id)
    svc.set_law(case.id, "ofl35", "sundhedslovens § 40")
    assert ("law_missing", None) not in codes(svc, case.id)


def test_unknown_ground_pending_suggestions_and_full_with_redactions(svc, ready_case):
    case, docs = ready_case
    # an unknown ground cannot be chosen any more; one already stored (an old catalogue) is reported
    svc.store.update_document(_with(svc.document(docs[2].id), access="withheld", access_grounds=["ofl99"],
                                    access_reason="Intern e-mail mellem sagsbehandlere om forløbet."), "t")
    text = svc.document_text(docs[0].id)
    svc.review.add_suggestions(case.id, [Suggestion(case.id, docs[0].id, EntityType.PERSON, 0, 9, text[:9], 0.5,
                                                    "t", "ofl30_1", False)], "t")
    svc.set_document_access(docs[1].id, "full")
    found = codes(svc, case.id)
    assert ("ground_unknown", 3) in found
    assert ("pending_suggestions", 1) in found
    assert ("full_with_redactions", 2) in found
    message = next(p.message for p in svc.checklist(case.id) if p.code == "full_with_redactions")
    assert "3 overstregninger" in message and "(er)" not in message


def test_complaint_body_required_in_every_regime(svc, ready_case):
    case, _ = ready_case
    svc.set_statements(case.id, matter_area="")
    assert ("complaint_body_missing", None) in codes(svc, case.id)  # OFL § 7 too
    svc.set_statements(case.id, complaint_body="Byggeklageenheden")
    assert svc.checklist(case.id) == []
    svc.set_statements(case.id, complaint_body="", matter_area="none")  # "no complaint body" is a choice
    assert svc.checklist(case.id) == []


def test_a_ground_of_another_regime_is_refused_and_flagged(svc, ready_case):
    import pytest

    from aktindsigt.services import ServiceError

    case, docs = ready_case
    with pytest.raises(ServiceError, match="kan ikke bruges i en sag efter Offentlighedsloven § 7"):
        svc.set_document_access(docs[0].id, "withheld", ["fvl15b"], "Partshøring med oplysninger om naboens helbred.")
    with pytest.raises(ServiceError, match="Forvaltningsloven § 15 b, nr. 1 kan ikke bruges"):
        svc.redact_text(docs[0].id, 0, 9, "fvl15b")
    # a stored decision with another regime's ground (the case's regime was changed) is refused by the checklist
    c = svc.get_case(case.id)
    c.regime = Regime.FVL9
    svc.store.update_case(c, "t")
    found = codes(svc, case.id)
    assert ("ground_wrong_regime", 2) in found and ("ground_wrong_regime", 3) in found
    assert svc.grounds_for_case(case.id) == {"fvl15b": svc.legal_grounds()["fvl15b"]}


def test_concrete_reason_refuses_placeholders_repetitions_catalogue_sentences_and_no_kind(svc, ready_case):
    case, docs = ready_case
    d3 = docs[2].id  # withheld under § 23
    for bad in ("xxxxxxxxxxxxxxxxxxxx", "test ministerbetjening", "Intern intern intern intern intern",
                "Retten til aktindsigt omfatter ikke interne dokumenter, som ikke er afgivet til udenforstående.",
                "Interne dokumenter, jf. § 23, stk. 1, nr. 1", "Undtaget af hensyn til den videre behandling."):
        svc.set_document_access(d3, "withheld", ["ofl23_1_1"], bad)
        assert ("reason_not_concrete", 3) in codes(svc, case.id), bad
    svc.set_document_access(d3, "withheld", ["ofl23_1_1"],
                            "Intern e-mail mellem to sagsbehandlere med forslag til den videre sagsbehandling.")
    assert ("reason_not_concrete", 3) not in codes(svc, case.id)


def test_complaint_deadline_in_template_text_is_a_problem(svc, ready_case, monkeypatch):
    import aktindsigt.services.outputs as so

    case, _ = ready_case
    real = so.load_texts

    def with_deadline():
        t = real()
        t["complaint"]["ofl7"] += " Klagen skal være modtaget inden 4 uger."
        return t

    monkeypatch.setattr(so, "load_texts", with_deadline)
    assert ("complaint_deadline", None) in codes(svc, case.id)


def _with(doc, **changes):
    for k, v in changes.items():
        if k == "access":
            from aktindsigt.core.model import AccessType
            v = AccessType(v)
        setattr(doc, k, v)
    return doc


def test_titles_reasons_and_statements_must_not_contain_redacted_text(svc, ready_case):
    case, docs = ready_case
    svc.set_document_fields(docs[1].id, public_title="Partshøring fra METTE  HANSEN")
    svc.set_extraction(case.id, "Intet at ekstrahere om cpr 010203-1234 og andet.")
    leaks = {(p.field, p.akt_nr) for p in svc.checklist(case.id) if p.code == "leak"}
    assert leaks == {("document.public_title", 2), ("statements.extraction", None)}


def test_automatic_party_naming_a_redacted_person_is_a_problem(svc, ready_case):
    case, docs = ready_case
    d1 = svc.document(docs[0].id)
    d1.sender = "Mette Hansen Tømrer ApS"  # a sole trader's firm carrying the redacted name
    svc.store.update_document(d1, "t")
    problems = [p for p in svc.checklist(case.id) if p.code == "leak"]
    assert [(p.akt_nr, p.field) for p in problems] == [(1, "statements.public_parties")]
    svc.set_public_party(docs[0].id, "Tømrervirksomhed")
    assert svc.checklist(case.id) == []


def test_failed_document_must_be_assessed(svc, ready_case):
    from aktindsigt.core.model import Document, DocumentStatus
    from aktindsigt.store.store import NewDocument

    case, _ = ready_case
    bad = Document(case_id=0, akt_nr=0, title="Krypteret", source_name="x.pdf", status=DocumentStatus.FAILED,
                   failure_reason="Filen er krypteret.", public_title="Krypteret bilag")
    doc = svc.store.add_documents(case.id, NewDocument(bad, [], ""), "t")[0]
    svc.set_document_fields(doc.id, esdh_doc_id="DOK-9")
    assert ("not_assessed", doc.akt_nr) in codes(svc, case.id)
    svc.set_document_access(doc.id, "withheld", ["ofl30_1"], "Lægeerklæring om en privat persons helbred.")
    assert svc.checklist(case.id) == []
    from aktindsigt.core.model import AccessType

    assert svc.output_data(case.id).count(AccessType.WITHHELD) == 2


def test_a_redacted_word_is_found_on_word_boundaries_only():
    from aktindsigt.outputs.checklist import leaks

    redacted = ["Else", "Mette Hansen", "010203-1234"]
    texts = {"letter": "Godkendelse af sagen. Elsebeth og Hansens sag.",
             "title": "Brev fra METTE\nHANSEN", "reason": "Oplysningen Mette Hansens far", "cpr": "cpr 0102031234",
             "name": "Hilsen Else."}
    assert leaks(texts, redacted) == {"title": "Mette Hansen", "reason": "Mette Hansen", "cpr": "010203-1234",
                                      "name": "Else"}  # as the redaction wrote it


def test_a_redacted_name_that_is_also_a_word_is_no_leak_at_its_lower_case_use():
    from aktindsigt.outputs.checklist import leaks

    words = {"rose"}.__contains__
    texts = {"verb": "Udvalget rose indsatsen.", "name": "Rose har fået svar.", "low": "hilsen rose"}
    assert leaks(texts, ["Rose"], words) == {"name": "Rose", "low": "Rose"}
    assert leaks(texts, ["Rose"]) == {"verb": "Rose", "name": "Rose", "low": "Rose"}
    # redacted somewhere in lower case too: every use counts
    assert set(leaks(texts, ["Rose", "rose"], words)) == {"verb", "name", "low"}
