"""Service fixtures: a small case whose pre-send checklist is clean, and a team lead on the same store."""

from __future__ import annotations

from datetime import date

import pymupdf
import pytest


def write_pdf(path, lines):
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for i, line in enumerate(lines):
        page.insert_text((72, 80 + 18 * i), line, fontname="helv", fontsize=11)
    doc.save(path)
    doc.close()
    return path


@pytest.fixture
def case(services, tmp_path):
    return clean_case(services, tmp_path)


def clean_case(services, tmp_path):
    """Two documents, a name and a CPR number redacted, every statement written: the checklist is clean."""
    write_pdf(tmp_path / "klage.pdf", ["Klage fra naboen Mette Hansen, cpr 010203-1234,",
                                       "over carporten på Skovvej 3."])
    write_pdf(tmp_path / "tilladelse.pdf", ["Byggetilladelse til carport meddelt 1. september 2026."])
    c = services.create_case("Aktindsigt i byggesag", "Journalist Jens Jensen", "ofl7", date(2026, 11, 2),
                             case_number="AKT-2026-0007", channel="E-mail")
    services.import_paths(c.id, [tmp_path / "klage.pdf", tmp_path / "tilladelse.pdf"])
    docs = services.case_detail(c.id).documents
    text = services.document_text(docs[0].id)
    for needle in ("Mette Hansen", "010203-1234"):
        i = text.index(needle)
        services.redact_text(docs[0].id, i, i + len(needle), "ofl30_1")
    services.set_document_access(docs[0].id, "partial", ["ofl30_1"], "Navn og CPR-nummer på en privat person.")
    services.set_municipality(name="Eksempel Kommune", unit="Byggeri", address="Rådhuspladsen 1\n8000 Aarhus C",
                              cvr="12345678", kommunekode="751")
    for i, d in enumerate(docs, start=1):
        services.set_document_fields(d.id, esdh_doc_id=f"DOK-{i:04d}")
    services.set_scope(c.id, "Alle dokumenter i byggesagen.")
    services.set_extraction(c.id, "Der er ikke undtaget dokumenter efter §§ 23-27; ekstrahering er ikke aktuel.")
    services.set_meroffentlighed(c.id, "Meroffentlighed er overvejet, men hensynet til naboen vejer tungere.")
    services.set_statements(c.id, recipient_address="jens@avis.dk", signer="Sara Sørensen", matter_area="building")
    return c


@pytest.fixture
def lead(store):
    """A team lead ("Tove Teamleder") working on the same store."""
    from aktindsigt.services import Services

    svc = Services(store, user="Tove Teamleder")
    svc.set_user_profile(role="teamleder")
    return svc


def add_suggestion(services, case, needle="carporten"):
    """A pending suggestion on ``needle`` in the case's first document; returns its id."""
    from aktindsigt.core.model import EntityType, Suggestion

    doc = services.case_detail(case.id).documents[0]
    i = services.document_text(doc.id).index(needle)
    services.review.add_suggestions(case.id, [Suggestion(case.id, doc.id, EntityType.ADDRESS, i, i + len(needle),
                                                         needle, 0.5, "test", "ofl30_1", False)], "test")
    [sid] = [s.id for s in services.suggestions(case.id) if s.text == needle]
    return sid
