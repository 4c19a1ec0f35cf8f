"""Document properties (one and several documents, ESDH ids from a pasted column) and the actions for files
that could not be read, each undoable and audited; refused on a read-only case."""

from __future__ import annotations

from datetime import date

import pikepdf
import pytest

from aktindsigt.core.model import CaseStatus, Direction, DocumentStatus
from aktindsigt.services import ServiceError
from aktindsigt.services.documents import parse_id_column
from tests.services.conftest import clean_case, write_pdf


@pytest.fixture
def three(services, tmp_path):
    case = services.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 2))
    paths = [write_pdf(tmp_path / f"brev{i}.pdf", [f"Brev nummer {i} om carporten."]) for i in (1, 2, 3)]
    services.import_paths(case.id, paths)
    return case, services.case_detail(case.id).documents


def _actions(services, case_id):
    return [e.action for e in services.store.audit_events(case_id)]


def test_properties_of_one_document_are_set_undone_and_redone(services, three):
    case, docs = three
    d = docs[0]
    op = services.set_document_properties(d.id, title="Brev fra naboen", public_title="Brev fra en nabo",
                                          doc_date="03.09.2026", direction="ind", sender="Mette Hansen",
                                          recipient="Byggeri", party="Privatperson", esdh_doc_id="DOK-1",
                                          section26_considered=True)
    got = services.document(d.id)
    assert (got.title, got.public_title, got.doc_date, got.direction, got.sender, got.recipient, got.esdh_doc_id,
            got.section26_considered) == ("Brev fra naboen", "Brev fra en nabo", date(2026, 9, 3),
                                          Direction.INCOMING, "Mette Hansen", "Byggeri", "DOK-1", True)
    assert services.manual_party(d.id) == "Privatperson"
    assert services.public_party(d.id) == "Privatperson"
    assert op.description.startswith("Akt 1: titel, offentlig titel, dato")
    assert "document.properties" in _actions(services, case.id)
    event = [e for e in services.store.audit_events(case.id) if e.action == "document.properties"][0]
    assert event.before["title"] == "brev1" and event.after["title"] == "Brev fra naboen"

    inverse = services.undo(op)
    got = services.document(d.id)
    assert (got.title, got.doc_date, got.direction, got.esdh_doc_id) == ("brev1", None, Direction.UNKNOWN, "")
    assert services.manual_party(d.id) == ""
    services.undo(inverse)
    assert services.document(d.id).esdh_doc_id == "DOK-1"


def test_several_documents_at_once_and_nothing_written_when_nothing_changes(services, three):
    case, docs = three
    op = services.set_document_properties([d.id for d in docs[:2]], in_scope=False, direction="intern")
    assert [(d.in_scope, d.direction) for d in services.case_detail(case.id).documents] == [
        (False, Direction.INTERNAL), (False, Direction.INTERNAL), (True, Direction.UNKNOWN)]
    assert op.description == "2 dokumenter: retning, omfattet af anmodningen"
    n = len(services.store.audit_events(case.id))
    again = services.set_document_properties([d.id for d in docs[:2]], in_scope=False)
    assert again.empty and len(services.store.audit_events(case.id)) == n
    services.undo(op)
    assert all(d.in_scope for d in services.case_detail(case.id).documents)


def test_bad_values_get_a_danish_error_and_nothing_changes(services, three):
    case, docs = three
    with pytest.raises(ServiceError, match="kan ikke læses"):
        services.set_document_properties(docs[0].id, doc_date="32.13.2026")
    with pytest.raises(ServiceError, match="Ukendt retning"):
        services.set_document_properties(docs[0].id, direction="sidelæns")
    with pytest.raises(ServiceError, match="offentlige titel kan ikke være tom"):
        services.set_document_properties(docs[0].id, public_title="  ")
    with pytest.raises(ServiceError, match="fremtiden"):
        services.set_document_properties(docs[0].id, doc_date=date(2999, 1, 1))
    services.set_document_properties(docs[0].id, esdh_doc_id="DOK-7")
    with pytest.raises(ServiceError, match="bruges også af akt 1"):
        services.set_document_properties(docs[1].id, esdh_doc_id="DOK-7")
    with pytest.raises(ServiceError, match="ét dokument"):
        services.set_document_properties([docs[1].id, docs[2].id], esdh_doc_id="DOK-8")
    assert services.document(docs[1].id).esdh_doc_id == ""


def test_esdh_ids_from_a_pasted_column(services, three):
    case, docs = three
    assert parse_id_column("DOK-1\r\nDOK-2\n\n DOK-3 \n") == ["DOK-1", "DOK-2", "DOK-3"]
    assert parse_id_column("DOK-1\tDOK-2\tDOK-3") == ["DOK-1", "DOK-2", "DOK-3"]
    with pytest.raises(ServiceError, match="Der er 2 ESDH dok-ID’er, men 3 dokumenter"):
        services.assign_esdh_ids(case.id, "A-1\nA-2")
    with pytest.raises(ServiceError, match="bruges også"):
        services.assign_esdh_ids(case.id, "A-1\nA-1\nA-3")
    op = services.assign_esdh_ids(case.id, "A-1\nA-2\nA-3\n")
    assert [d.esdh_doc_id for d in services.case_detail(case.id).documents] == ["A-1", "A-2", "A-3"]
    assert op.description == "3 dokumenter: ESDH dok-ID"
    services.undo(services.assign_esdh_ids(case.id, ["B-3"], document_ids=[docs[2].id]))
    assert services.document(docs[2].id).esdh_doc_id == "A-3"
    services.undo(op)
    assert [d.esdh_doc_id for d in services.case_detail(case.id).documents] == ["", "", ""]


# --- failed files -----------------------------------------------------------------------------------------


@pytest.fixture
def failed(services, tmp_path):
    """A case with a good PDF, a corrupt PDF and an encrypted PDF (password "hemmelig")."""
    case = services.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 2))
    good = write_pdf(tmp_path / "god.pdf", ["Et læsbart brev."])
    bad = tmp_path / "skadet.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF garbage")
    plain = write_pdf(tmp_path / "plain.pdf", ["Fortroligt notat om carporten."])
    enc = tmp_path / "krypteret.pdf"
    with pikepdf.open(plain) as pdf:
        pdf.save(enc, encryption=pikepdf.Encryption(user="hemmelig", owner="ejer"))
    services.import_paths(case.id, [good, bad, enc])
    docs = {d.source_name: d for d in services.case_detail(case.id).documents}
    assert docs["skadet.pdf"].status is DocumentStatus.FAILED
    assert docs["krypteret.pdf"].status is DocumentStatus.FAILED
    return case, docs


def test_remove_a_failed_file_and_undo_puts_it_back_with_its_akt_nr(services, failed):
    case, docs = failed
    bad = docs["skadet.pdf"]
    op = services.remove_document(bad.id)
    assert [d.source_name for d in services.case_detail(case.id).documents] == ["god.pdf", "krypteret.pdf"]
    assert op.description == f"Akt {bad.akt_nr} fjernet fra sagen"
    assert "document.remove.out" in _actions(services, case.id)
    inverse = services.undo(op)
    back = {d.source_name: d for d in services.case_detail(case.id).documents}["skadet.pdf"]
    assert (back.id, back.akt_nr, back.status, back.failure_reason) == (bad.id, bad.akt_nr, DocumentStatus.FAILED,
                                                                         bad.failure_reason)
    services.undo(inverse)
    assert "skadet.pdf" not in {d.source_name for d in services.case_detail(case.id).documents}


def test_replace_a_failed_file_keeps_akt_nr_and_esdh_id_and_can_be_undone(services, failed, tmp_path):
    case, docs = failed
    bad = docs["skadet.pdf"]
    services.set_document_properties(bad.id, esdh_doc_id="DOK-2")
    new = write_pdf(tmp_path / "ny kopi.pdf", ["Den rigtige kopi af brevet om carporten."])
    op = services.replace_document(bad.id, new)
    got = services.document(bad.id)
    assert (got.status, got.akt_nr, got.esdh_doc_id, got.page_count) == (DocumentStatus.READY, bad.akt_nr, "DOK-2", 1)
    assert "Den rigtige kopi" in services.document_text(bad.id)
    assert "document.replace.in" in _actions(services, case.id)
    with pytest.raises(ServiceError, match="læst uden fejl"):
        services.replace_document(bad.id, new)
    services.undo(op)
    got = services.document(bad.id)
    assert got.status is DocumentStatus.FAILED and got.esdh_doc_id == "DOK-2" and got.page_count == 0
    with pytest.raises(ServiceError, match="findes allerede i sagen som akt 1"):
        services.replace_document(bad.id, tmp_path / "god.pdf")


def test_retry_reads_the_stored_original_again(services, failed, monkeypatch):
    case, docs = failed
    bad = docs["skadet.pdf"]
    with pytest.raises(ServiceError, match="kan stadig ikke læses"):
        services.retry_document(bad.id)
    assert services.document(bad.id).status is DocumentStatus.FAILED
    with pytest.raises(ServiceError, match="læst uden fejl"):
        services.retry_document(docs["god.pdf"].id)


def test_open_an_encrypted_pdf_with_its_password_once(services, failed, caplog):
    case, docs = failed
    enc = docs["krypteret.pdf"]
    with pytest.raises(ServiceError, match="Adgangskoden passer ikke"):
        services.open_with_password(enc.id, "forkert")
    with pytest.raises(ServiceError, match="ikke en krypteret PDF"):
        services.open_with_password(docs["skadet.pdf"].id, "hemmelig")
    op = services.open_with_password(enc.id, "hemmelig")
    got = services.document(enc.id)
    assert got.status is DocumentStatus.READY and "Fortroligt notat" in services.document_text(enc.id)
    assert got.source_sha256 == enc.source_sha256  # the original stays the file as received
    assert op.description == f"Akt {enc.akt_nr}: åbnet med adgangskode"
    # the password is nowhere: not in the audit log, the settings or the log
    events = repr([(e.before, e.after) for e in services.store.audit_events()])
    assert "hemmelig" not in events and "hemmelig" not in caplog.text
    from sqlalchemy import text

    with services.store.engine.connect() as c:
        settings = repr(c.execute(text("select value from settings")).all())
    assert "hemmelig" not in settings


def test_a_document_with_decisions_cannot_be_removed(services, tmp_path):
    case = clean_case(services, tmp_path)
    doc = services.case_detail(case.id).documents[0]
    with pytest.raises(ServiceError, match="ikke omfattet"):
        services.remove_document(doc.id)


# --- read-only cases -------------------------------------------------------------------------------------


def test_an_approved_case_is_read_only_until_reopened(services, lead, tmp_path):
    case = clean_case(services, tmp_path)
    doc = services.case_detail(case.id).documents[1]
    op = services.set_document_properties(doc.id, public_title="Byggetilladelse til carport")
    services.submit_for_review(case.id)
    assert services.review_state(case.id).read_only.startswith("Sagen er sendt til godkendelse")
    with pytest.raises(ServiceError, match="sendt til godkendelse og kan ikke ændres"):
        services.set_document_properties(doc.id, public_title="Noget andet")
    lead.approve_case(case.id)
    for attempt in (lambda: services.set_document_properties(doc.id, public_title="Noget andet"),
                    lambda: services.undo(op),
                    lambda: services.withhold_page(doc.id, 1, "ofl30_1"),
                    lambda: services.set_meroffentlighed(case.id, "Overvejet igen.")):
        with pytest.raises(ServiceError, match="godkendt og kan ikke ændres"):
            attempt()
    assert services.get_case(case.id).status is CaseStatus.APPROVED
    services.set_journal_entry(case.id, "dispatch", "Sendes med Digital Post.")  # not approved content
    services.reopen_case(case.id)
    services.undo(op)
    assert services.document(doc.id).public_title != "Byggetilladelse til carport"
