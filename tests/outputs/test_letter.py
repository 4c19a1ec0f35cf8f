"""The decision letter: grounds used, akt numbers, no redacted strings, complaint guidance, refusal."""

from __future__ import annotations

import pytest

from aktindsigt.outputs.render import docx_text
from aktindsigt.outputs.texts import complaint_deadline_phrases, load_texts
from aktindsigt.services.cases import ServiceError
from tests.outputs.conftest import SECRETS


def test_final_letter_contains_exactly_the_grounds_used(svc, ready_case, tmp_path):
    case, docs = ready_case
    assert svc.checklist(case.id) == []
    files = svc.render_letter(case.id, tmp_path, pdf=False)
    text = docx_text(files.docx)
    assert "Afgørelse om aktindsigt" in text
    assert "UDKAST" not in text
    # one reasoning block per ground used, with the akt numbers
    assert text.count("Offentlighedsloven § 30, nr. 1 – Private forhold") == 1
    assert text.count("Offentlighedsloven § 23, stk. 1, nr. 1 – Interne dokumenter") == 1
    assert "§ 35" not in text
    assert "Bestemmelsen er anvendt på akt 2, hvor oplysninger er overstreget." in text
    assert "Bestemmelsen er anvendt på akt 3, som er undtaget i sin helhed." in text
    assert text.index("Bestemmelsen er anvendt på akt 2") > text.index("Private forhold")
    assert text.index("Bestemmelsen er anvendt på akt 3") > text.index("Interne dokumenter")
    assert "offentlighedslovens § 26" in text  # § 26 considered for the § 23 document
    assert "CPR-numre" in text and "helbredsmæssige" in text  # kinds of information, not the content
    for secret in SECRETS:
        assert secret not in text
    # counts, statements, scope
    assert "Din anmodning omfatter 3 dokumenter. Du får fuld aktindsigt i ét dokument og delvis aktindsigt i ét " \
           "dokument, og ét dokument er undtaget." in text
    assert "(er)" not in text and "(r)" not in text
    assert "Overstregningerne er permanente" in text  # something is redacted
    assert "intet at ekstrahere" in text and "meroffentlighed efter § 14" in text
    assert "Eksempel Kommune" in text and "2. november 2026" in text
    assert "{{" not in text and "{%" not in text and "{#" not in text and "KONTROLLÉR" not in text


@pytest.mark.parametrize("regime, area, expected", [
    ("ofl7", "social", "til Ankestyrelsen, som er klageinstans"), ("ofl8", "none", "Ankestyrelsen, som fører tilsyn"),
    ("mol", "environment", "til Miljø- og Fødevareklagenævnet"), ("gdpr15", "", "Datatilsynet"),
    ("mol", "tax", "Klagen indgives skriftligt til Eksempel Kommune, som genvurderer sagen"),
    ("fvl9", "planning", "til Planklagenævnet"),
])
def test_complaint_guidance_matches_regime_and_area_and_has_no_deadline(svc, ready_case, tmp_path, regime, area,
                                                                       expected):
    case, _ = ready_case
    case = svc.get_case(case.id)
    from aktindsigt.core.model import Regime
    case.regime = Regime(regime)
    svc.store.update_case(case, "t")
    svc.set_statements(case.id, matter_area=area)
    files = svc.render_letter(case.id, tmp_path, draft=True, pdf=False)
    text = " ".join(docx_text(files.docx).split())
    assert expected in text
    assert "klagefrist" not in text.lower()
    guidance = text[text.index("Klagevejledning"):text.index("Med venlig hilsen")]
    assert complaint_deadline_phrases(guidance) == []
    assert ("Klageportalen" in text) is (area in ("environment", "planning"))
    if regime == "mol":  # one way to lodge the complaint: the portal, or in writing to the municipality
        assert ("indgives skriftligt" in text) is (area != "environment")
    if regime == "gdpr15":
        assert "artikel 79" in text and "domstolene" in text
    if regime in ("ofl7", "ofl8"):
        assert "offentlighedslovens § 37" in text or area == "none"


def test_deadline_detector():
    assert complaint_deadline_phrases("Klagen skal være modtaget inden 4 uger.")
    assert complaint_deadline_phrases("Klagefristen er fire uger.")
    assert complaint_deadline_phrases("senest 3 måneder efter")
    assert not complaint_deadline_phrases("normalt inden for 7 arbejdsdage")
    texts = load_texts()
    for regime, text in [*texts["complaint"].items(), *texts["complaint_none"].items(),
                         ("portal", texts["portal"])]:
        assert complaint_deadline_phrases(text) == [], regime


def test_final_letter_refused_while_problems_remain_draft_allowed(svc, case_docs, tmp_path):
    case, _ = case_docs
    assert svc.checklist(case.id)
    with pytest.raises(ServiceError) as e:
        svc.render_letter(case.id, tmp_path, pdf=False)
    assert "tjeklisten" in e.value.message
    assert not (tmp_path / "01_Afgoerelse.docx").exists()
    files = svc.render_letter(case.id, tmp_path, draft=True, pdf=False)
    text = docx_text(files.docx)
    assert "UDKAST" in text and files.docx.name == "01_Afgoerelse_UDKAST.docx"
    for secret in SECRETS:
        assert secret not in text


def test_full_grant_has_no_reasons_section(svc, ready_case, tmp_path):
    case, docs = ready_case
    for d in docs[1:3]:
        svc.set_document_access(d.id, None)
    svc.reject([s.id for s in svc.suggestions(case.id)])
    svc.set_extraction(case.id, "")  # not needed for a full grant, and no placeholder for it either
    svc.set_meroffentlighed(case.id, "")
    assert svc.checklist(case.id) == []
    files = svc.render_letter(case.id, tmp_path, pdf=False)
    text = docx_text(files.docx)
    assert "Du får fuld aktindsigt" in text
    assert "Begrundelse" not in text and "Ekstrahering" not in text
    assert "Overstregningerne er permanente" not in text  # nothing is redacted


def test_render_is_audited(svc, ready_case, tmp_path):
    case, _ = ready_case
    svc.render_letter(case.id, tmp_path, pdf=False)
    events = [e for e in svc.store.audit_events() if e.action == "setting.set"
              and e.object_id == f"case:{case.id}:last_letter"]
    assert events and events[-1].who == "testbruger"
    last = events[-1].after["value"]
    assert last["grounds"] == ["ofl23_1_1", "ofl30_1"] or set(last["grounds"]) == {"ofl23_1_1", "ofl30_1"}
    assert last["files"][0]["name"] == "01_Afgoerelse.docx" and len(last["files"][0]["sha256"]) == 64


def test_rendered_letter_is_scanned_for_redacted_text(svc, ready_case, tmp_path):
    case, _ = ready_case
    c = svc.get_case(case.id)
    c.request_text = "alt om naboen Mette Hansen"  # the requester's own words are quoted back
    svc.store.update_case(c, "t")
    files = svc.render_letter(case.id, tmp_path, pdf=False)
    assert any("mette hansen" in m.casefold() for m in files.messages)


def test_team_lead_override_is_recorded(svc, ready_case, tmp_path):
    from aktindsigt.services import ServiceError

    case, docs = ready_case
    svc.set_document_fields(docs[0].id, esdh_doc_id="")  # a checklist problem that is no placeholder
    with pytest.raises(ServiceError, match="Kun en teamleder"):  # a caseworker cannot override
        svc.render_letter(case.id, tmp_path, pdf=False, override_reason="Det haster.")
    assert not list(tmp_path.iterdir())
    svc.set_user_profile(role="teamleder")
    files = svc.render_letter(case.id, tmp_path, pdf=False, override_reason="Godkendt af teamleder trods manglende "
                              "journalnumre (ESDH nede).")
    assert files.docx.name == "01_Afgoerelse.docx"
    last = svc.store.get_setting(f"case:{case.id}:last_letter")
    assert last["override_reason"].startswith("Godkendt af teamleder") and last["problems"] > 0


def test_no_placeholder_reaches_a_final_letter_even_with_an_override(svc, case_docs, tmp_path):
    from aktindsigt.services import ServiceError

    case, _ = case_docs  # no scope, no extraction, no municipality name: placeholders in the letter
    svc.set_user_profile(role="teamleder")
    with pytest.raises(ServiceError) as e:
        svc.render_letter(case.id, tmp_path, pdf=False, override_reason="Sendes alligevel.")
    assert "pladsholder" in e.value.message and "[Skriv, hvordan anmodningen" in e.value.message
    assert not list(tmp_path.iterdir())


def test_gdpr_letter_has_no_ofl_extraction_or_meroffentlighed(svc, case_docs, tmp_path):
    from aktindsigt.core.model import Regime

    case, _ = case_docs
    c = svc.get_case(case.id)
    c.regime = Regime.GDPR15
    svc.store.update_case(c, "t")
    codes = {p.code for p in svc.checklist(case.id)}
    assert "extraction_missing" not in codes and "meroffentlighed_missing" not in codes
    text = docx_text(svc.render_letter(case.id, tmp_path, draft=True, pdf=False).docx)
    assert "Ekstrahering" not in text and "Meroffentlighed" not in text
    assert "Datatilsynet" in text and "artikel 15" in text
