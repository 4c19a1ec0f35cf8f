"""The requester's own identifiers through the services: checked input, own suggestions kept, the checklist."""

from __future__ import annotations

from datetime import date

import pytest

from aktindsigt.core.model import EntityType, RequesterIdentifiers, Suggestion, SuggestionStatus
from aktindsigt.services import ServiceError
from tests.services.conftest import write_pdf


def _case(services, tmp_path, regime="ofl8"):
    write_pdf(tmp_path / "a.pdf", ["Ansøger: Mette Kristensen, cpr-nr. 120384-1734, konto 1234 0012345678.",
                                   "Naboen Jens Hansen, cpr-nr. 010170-1111."])
    c = services.create_case("Egne oplysninger", "Mette Kristensen", regime, date(2026, 11, 2), channel="E-mail")
    services.import_paths(c.id, [tmp_path / "a.pdf"])
    doc = services.case_detail(c.id).documents[0]
    text = services.document_text(doc.id)
    sugg = []
    for value, et in (("120384-1734", EntityType.CPR), ("1234 0012345678", EntityType.BANK_ACCOUNT),
                      ("010170-1111", EntityType.CPR)):
        i = text.index(value)
        sugg.append(Suggestion(c.id, doc.id, et, i, i + len(value), value, 0.9, "t", "ofl30_1", True))
    services.review.add_suggestions(c.id, sugg, "t")
    return c, doc, text


def test_identifiers_are_checked_and_tidied(services, tmp_path):
    c, _, _ = _case(services, tmp_path)
    ids = services.set_requester_identifiers(c.id, add={"cpr": ["1203841734"], "phones": ["+45 22 33 44 55"],
                                                        "emails": ["Mette.K@Example.com"]})
    assert ids.cpr == ["120384-1734"] and ids.phones == ["22334455"] and ids.emails == ["mette.k@example.com"]
    for kind, bad, message in (("cpr", "12345", "10 cifre"), ("phones", "123", "8 cifre"),
                               ("emails", "mette", "ikke en e-mailadresse"), ("accounts", "abc", "reg.nr.")):
        with pytest.raises(ServiceError, match=message):
            services.set_requester_identifiers(c.id, add={kind: [bad]})
    with pytest.raises(ServiceError, match="10 cifre"):
        services.create_case("X", "Y", "ofl8", requester_identifiers=RequesterIdentifiers(cpr=["1"]))
    assert services.set_requester_identifiers(c.id, remove={"phones": ["22334455"]}).phones == []


def test_entering_the_requesters_data_keeps_her_open_suggestions(services, tmp_path):
    c, _, _ = _case(services, tmp_path)
    services.set_requester_identifiers(c.id, add={"cpr": ["120384-1734"], "accounts": ["1234 0012345678"]})
    by_text = {s.text: s for s in services.suggestions(c.id)}
    assert by_text["120384-1734"].status is SuggestionStatus.REJECTED
    assert by_text["1234 0012345678"].status is SuggestionStatus.REJECTED
    assert by_text["010170-1111"].status is SuggestionStatus.PENDING  # the neighbour's CPR is still suggested
    kept = [d for d in services.decisions(c.id) if d.reason == "Anmoderens egne oplysninger"]
    assert len(kept) == 2
    op = services.accept_preselected(c.id)
    assert [d.start for d in op.created] == [by_text["010170-1111"].start]


def test_not_under_ofl7(services, tmp_path):
    c, _, _ = _case(services, tmp_path, regime="ofl7")
    services.set_requester_identifiers(c.id, add={"cpr": ["120384-1734"]})
    assert all(s.status is SuggestionStatus.PENDING for s in services.suggestions(c.id))


def test_the_checklist_flags_a_redaction_of_the_requesters_own_data(services, tmp_path):
    c, doc, text = _case(services, tmp_path)
    i = text.index("120384-1734")
    services.redact_text(doc.id, i, i + 11, "ofl30_1", reason="manuel")
    assert not [p for p in services.checklist(c.id) if p.code == "own_data_redacted"]  # not known as hers yet
    services.set_requester_identifiers(c.id, add={"cpr": ["120384-1734"]})
    [p] = [p for p in services.checklist(c.id) if p.code == "own_data_redacted"]
    assert p.akt_nr == 1 and "anmoderens egne oplysninger" in p.message and "1 overstregning" in p.message
