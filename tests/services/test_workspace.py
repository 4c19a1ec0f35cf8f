"""The grounds a case may use (by regime, grouped, no statement sections), the proposed ground per type with
the user's last choice remembered, and occurrence snippets."""

from __future__ import annotations

from datetime import date

from aktindsigt.core.model import EntityType, Suggestion
from tests.services.conftest import write_pdf


def test_ground_choices_are_the_regimes_and_never_a_statement(services):
    ofl = services.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 2))
    fvl = services.create_case("Partssag", "Jens Hansen", "fvl9", date(2026, 11, 2))
    ofl_ids = [c.id for c in services.ground_choices(ofl.id)]
    fvl_ids = [c.id for c in services.ground_choices(fvl.id)]
    assert "ofl30_1" in ofl_ids and "fvl15b" not in ofl_ids
    assert "fvl15b" in fvl_ids and "ofl30_1" not in fvl_ids
    for statement in ("ofl14", "ofl26", "ofl28", "fvl15c"):
        assert statement not in ofl_ids + fvl_ids
    groups = [c.group for c in services.ground_choices(ofl.id)]
    assert groups[0] == "Offentlighedsloven: oplysninger i dokumentet"
    assert "Offentlighedsloven: hele dokumenter" in groups
    # grouped: every group's entries are together
    assert groups == sorted(groups, key=groups.index)
    doc_first = services.ground_choices(ofl.id, "document")
    assert doc_first[0].kind == "document"
    assert services.ground_choices(ofl.id)[0].text.startswith("Offentlighedsloven § 30, nr. 1 — Private forhold")


def test_default_ground_is_the_policys_then_the_last_one_chosen(services, lead):
    ofl = services.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 2))
    fvl = services.create_case("Partssag", "Jens Hansen", "fvl9", date(2026, 11, 2))
    assert services.default_ground(ofl.id, EntityType.MANUAL) == "ofl30_1"
    assert services.default_ground(fvl.id, EntityType.MANUAL) == "fvl15b"
    assert services.default_ground(ofl.id, EntityType.CVR) is None  # the policy proposes none for companies
    services.remember_ground(ofl.id, EntityType.MANUAL, "ofl33_5")
    n = len(services.store.audit_events())
    services.remember_ground(ofl.id, EntityType.MANUAL, "ofl33_5")  # unchanged: not written again
    assert len(services.store.audit_events()) == n
    assert services.default_ground(ofl.id, EntityType.MANUAL) == "ofl33_5"
    assert services.default_ground(ofl.id, EntityType.PERSON) == "ofl30_1"  # per type
    assert services.default_ground(fvl.id, EntityType.MANUAL) == "fvl15b"  # per regime: ofl33_5 is not FVL's
    assert lead.default_ground(ofl.id, EntityType.MANUAL) == "ofl30_1"  # per user


def test_occurrence_snippets(services, tmp_path):
    case = services.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 2))
    pdf = write_pdf(tmp_path / "a.pdf", ["Klagen kommer fra naboen Mette Hansen, der bor i huset ved siden af",
                                         "carporten og har klaget to gange før."])
    doc = services.import_paths(case.id, [pdf]).imported[0]
    text = services.document_text(doc.id)
    i = text.index("Mette Hansen")
    services.review.add_suggestions(case.id, [Suggestion(case.id, doc.id, EntityType.PERSON, i, i + 12,
                                                         "Mette Hansen", 0.9, "ner", "ofl30_1", False)], "test")
    s = services.suggestions(case.id)[0]
    snip = services.occurrence_snippets([s], context=20)[s.id]
    assert snip.text == "Mette Hansen"
    assert snip.before == "…n kommer fra naboen " and snip.after.startswith(", der bor i huset")
    assert snip.after.endswith("…")
