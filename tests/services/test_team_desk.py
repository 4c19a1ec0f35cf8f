"""The team lead's desk: the review queue, comments where they apply, changes since a return, the audit trail
as a table (CSV/JSON), the ESDH document list on import."""

from __future__ import annotations

import csv
import json
import re
from datetime import date

import pytest

from aktindsigt.services import ServiceError
from tests.services.conftest import add_suggestion, write_pdf


def test_review_queue_oldest_first_with_deadline_and_return_history(services, lead, tmp_path):
    older = services.create_case("Ældre sag", "Ole", "ofl7", date(2026, 11, 2))
    newer = services.create_case("Nyere sag", "Ole", "ofl7", date(2026, 11, 20))
    other = services.create_case("Ikke sendt", "Ole", "ofl7", date(2026, 11, 1))
    services.submit_for_review(older.id, "Første", allow_problems=True)
    services.submit_for_review(newer.id, "Anden", allow_problems=True)
    lead.return_case(older.id, "Ret begrundelsen.")
    services.submit_for_review(older.id, "Rettet", allow_problems=True)
    queue = lead.review_queue(today=date(2026, 11, 25))
    assert [e.case.id for e in queue] == [newer.id, older.id]  # older was submitted again, later
    assert other.id not in [e.case.id for e in queue]
    assert queue[1].returned_before and not queue[0].returned_before
    assert queue[0].submitted_by == "testbruger" and queue[0].open_points > 0
    assert queue[0].overview.deadlines.light.value in ("green", "amber", "red")


def test_a_comment_on_a_suggestion_reaches_the_caseworker_where_it_applies(services, lead, case):
    docs = services.case_detail(case.id).documents
    decision = services.decisions(case.id)[0]
    c1 = lead.add_comment(case.id, "Er det ikke en medarbejder?", decision_id=decision.id)
    c2 = lead.add_comment(case.id, "Titlen skal være offentlig.", document_id=docs[1].id)
    c3 = lead.add_comment(case.id, "Husk § 14.")
    assert c1.where == "Akt 1, overstregningen af 'Mette Hansen'"
    assert c2.where.startswith("Akt 2") and c3.where == "Sagen"
    on_doc1 = services.comments(case.id, document_id=docs[0].id)
    assert [c.text for c in on_doc1] == ["Er det ikke en medarbejder?"]
    assert services.open_comment_counts(case.id) == {docs[0].id: 1, docs[1].id: 1, None: 1}
    done = services.resolve_comment(c1.id, c1.version)
    assert not done.open and done.resolved_by == "testbruger"
    with pytest.raises(ServiceError):  # resolved meanwhile: the stale version is refused
        lead.resolve_comment(c1.id, c1.version)
    assert services.open_comment_counts(case.id) == {docs[1].id: 1, None: 1}
    with pytest.raises(ServiceError, match="Skriv kommentaren"):
        lead.add_comment(case.id, "  ")
    actions = [e.action for e in services.store.audit_events(case.id)]
    assert actions.count("comment.add") == 3 and "comment.resolve" in actions


def test_changes_since_the_team_lead_returned_the_case(services, lead, case):
    services.submit_for_review(case.id, "Klar.")
    lead.return_case(case.id, "Behold navnet; det er en medarbejder.")
    assert lead.changes_since_return(case.id).lines == []
    docs = services.case_detail(case.id).documents
    [name] = [d for d in services.decisions(case.id) if services.document_text(docs[0].id)[d.start:d.end]
              == "Mette Hansen"]
    op = services.redact_text(docs[0].id, name.start, name.end, "ofl30_1")
    services.undo(op)
    services.set_document_access(docs[1].id, "full")
    services.set_meroffentlighed(case.id, "Overvejet igen: ingen meroffentlighed.")
    changes = lead.changes_since_return(case.id)
    assert changes.returned_by == "Tove Teamleder" and "medarbejder" in changes.return_comment
    labels = [(ln.subject, ln.label) for ln in changes.lines]
    assert ("Akt 1", "Markering overstreget") in labels and ("Akt 1", "Fortrudt") in labels
    assert ("Akt 2", "Afgørelse for dokumentet") in labels
    assert ("Sagen", "Ændret: afgørelsens tekster") in labels
    access = next(ln for ln in changes.lines if ln.subject == "Akt 2")
    assert access.details == "ikke afgjort → fuld"


def test_audit_trail_search_and_export(services, case, tmp_path):
    lines = services.audit_trail(case.id)
    assert lines[0].label == "Sagen oprettet" and all(ln.who for ln in lines)
    found = services.audit_trail(case.id, "mette")
    assert found and all("mette" in (ln.details + ln.subject).casefold() for ln in found)
    out = services.export_audit(case.id, tmp_path / "log.csv", "csv")
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["Nr.", "Tidspunkt", "Bruger", "Handling", "Gælder", "Detaljer", "Kode"]
    assert len(rows) == len(lines) + 1
    data = json.loads(services.export_audit(case.id, tmp_path / "log.json", "json", "mette").read_text())
    assert data["case"] == "AKT-2026-0007" and len(data["events"]) == len(found)
    assert all("before" in e and "after" in e for e in data["events"])
    with pytest.raises(ServiceError, match="CSV eller JSON"):
        services.export_audit(case.id, tmp_path / "log.xml", "xml")


def test_import_with_the_esdh_document_list(services, tmp_path):
    folder = tmp_path / "esdh"
    folder.mkdir()
    write_pdf(folder / "scan_001.pdf", ["Ansøgning om byggetilladelse."])
    write_pdf(folder / "scan_002.pdf", ["Bilag: tegning af carport."])
    write_pdf(folder / "scan_003.pdf", ["Afgørelse om byggetilladelse."])
    (folder / "ekstra.txt").write_text("Ikke i listen.\n", encoding="utf-8")
    manifest = tmp_path / "dokumentliste.csv"
    manifest.write_text(
        "Fil;Dok-ID;Titel;Dato;Retning;Afsender;Modtager;Bilag til\n"
        "scan_003.pdf;GO-1003;Afgørelse om byggetilladelse;03.09.2026;Udgående;Byggeri;Ansøger;\n"
        "scan_001.pdf;GO-1001;Ansøgning om byggetilladelse;2026-08-01;Indgående;Ansøger;Byggeri;\n"
        "scan_002.pdf;GO-1002;Tegning;2026-08-01;Indgående;Ansøger;Byggeri;GO-1001\n"
        "mangler.pdf;GO-1004;Findes ikke;2026-08-02;Intern;;;\n", encoding="utf-8-sig")
    case = services.create_case("ESDH-import", "Ole", "ofl7")
    summary, result = services.import_from_esdh(case.id, folder, manifest)
    docs = {d.esdh_doc_id: d for d in services.case_detail(case.id).documents}
    assert [docs[k].akt_nr for k in ("GO-1003", "GO-1001", "GO-1002")] == [1, 2, 3]  # the list's order
    assert docs["GO-1003"].title == "Afgørelse om byggetilladelse" and docs["GO-1003"].doc_date == date(2026, 9, 3)
    assert docs["GO-1003"].direction.value == "outgoing" and docs["GO-1001"].sender == "Ansøger"
    assert docs["GO-1002"].parent_id == docs["GO-1001"].id
    assert result.missing_files == ["mangler.pdf"] and result.unlisted_files == ["ekstra.txt"]
    assert result.applied == 3
    # the audit trail says what happened in Danish: no action code, no ground id
    services.set_document_access(docs["GO-1003"].id, "withheld", grounds=["ofl23_1_1"], reason="Intern.")
    lines = {ln.action: ln for ln in services.audit_trail(case.id)}
    assert lines["document.esdh_metadata"].label == "Oplysninger fra ESDH's dokumentliste"
    assert lines["document.parent"].details == f"Bilag til akt {docs['GO-1001'].akt_nr}"
    assert lines["case.create"].details.endswith("ESDH-import")
    assert lines["case.status"].details == "Ny → Under behandling"
    access = lines["document.access"].details
    assert "ofl23_1_1" not in access and "Offentlighedsloven § 23" in access, access
    for ln in lines.values():
        assert not re.search(r"\b[a-z_]+\.[a-z_]+\b", ln.label), ln.label
    # explicit akt numbers from the list are used
    manifest2 = tmp_path / "liste.json"
    manifest2.write_text(json.dumps({"documents": [
        {"fil": "scan_001.pdf", "akt nr.": 10, "dok-id": "GO-1001"},
        {"fil": "scan_003.pdf", "akt nr.": 11, "dok-id": "GO-1003"}]}), encoding="utf-8")
    case2 = services.create_case("ESDH-import 2", "Ole", "ofl7")
    services.import_from_esdh(case2.id, folder, manifest2)
    nrs = {d.esdh_doc_id: d.akt_nr for d in services.case_detail(case2.id).documents}
    assert nrs["GO-1001"] == 10 and nrs["GO-1003"] == 11


def test_a_bad_document_list_is_refused_in_danish(services, tmp_path):
    folder = tmp_path / "esdh"
    folder.mkdir()
    (folder / "a.txt").write_text("x\n", encoding="utf-8")
    case = services.create_case("ESDH", "Ole", "ofl7")
    bad = tmp_path / "bad.csv"
    for content, message in (
        ("Titel;Dato\nx;2026-01-01\n", "ingen kolonne 'Fil'"),
        ("Fil;Dato\na.txt;32.13.2026\n", "linje 2: datoen '32.13.2026' kan ikke læses"),
        ("Fil;Retning\na.txt;sidelæns\n", "retningen 'sidelæns' kendes ikke"),
        ("Fil\na.txt\na.txt\n", "står der to gange"),
    ):
        bad.write_text(content, encoding="utf-8")
        with pytest.raises(ServiceError, match=message):
            services.import_from_esdh(case.id, folder, bad)
    assert services.case_detail(case.id).documents == []


def test_the_command_line_says_whose_decision_an_override_replaced(services, case, store, monkeypatch):
    from typer.testing import CliRunner

    from aktindsigt.cli import app, common
    from aktindsigt.services import Services
    from aktindsigt.store.store import Store

    sid = add_suggestion(services, case)
    tove = Services(Store(store.url, store.blobs.root), user="Tove Hansen")
    tove.accept([sid])
    tove.close()
    monkeypatch.setattr(common, "services_factory", lambda: services)
    result = CliRunner().invoke(app, ["case", "decide", str(case.id), "--reject", str(sid)])
    assert result.exit_code == 0, result.output
    assert "1 forekomst var overstreget af Tove Hansen kl. " in result.output
    assert "din afgørelse (frigivet) erstatter den." in result.output
    # deciding it the same way again replaces nobody's decision: nothing to say
    result = CliRunner().invoke(app, ["case", "decide", str(case.id), "--reject", str(sid)])
    assert result.exit_code == 0 and "erstatter" not in result.output
