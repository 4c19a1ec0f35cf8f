"""Receipt, fristbrev and journal note."""

from __future__ import annotations

from datetime import date

import pytest

from aktindsigt.outputs.render import docx_text
from aktindsigt.outputs.texts import complaint_deadline_phrases, da_date
from aktindsigt.services.cases import ServiceError
from tests.outputs.conftest import SECRETS


def test_da_date():
    assert da_date(date(2026, 11, 28)) == "28. november 2026"
    assert da_date(date(2027, 3, 1)) == "1. marts 2027"


def test_kvittering(svc, ready_case, tmp_path):
    case, _ = ready_case
    text = docx_text(svc.render_kvittering(case.id, tmp_path, pdf=False).docx)
    assert "Kvittering for din anmodning om aktindsigt" in text
    assert "den 2. november 2026 modtaget din anmodning" in text
    assert "Journalist Jens Jensen" in text and "Eksempel Kommune" in text
    assert complaint_deadline_phrases(text) == []


def test_fristbrev_states_when_to_expect_a_decision(svc, ready_case, tmp_path):
    case, _ = ready_case
    files = svc.render_fristbrev(case.id, tmp_path, date(2099, 1, 15), reason="vi skal høre en tredjepart")
    text = docx_text(files.docx)
    assert "Du kan forvente en afgørelse senest den 15. januar 2099." in text
    assert "fordi vi skal høre en tredjepart." in text
    assert svc.store.get_setting(f"case:{case.id}:fristbrev")["expected"] == "2099-01-15"
    with pytest.raises(ServiceError):
        svc.render_fristbrev(case.id, tmp_path, date(2000, 1, 1))


def test_journal_note_covers_every_section(svc, ready_case, tmp_path):
    case, _ = ready_case
    svc.set_journal_entry(case.id, "third_parties", "Ansøgeren er hørt om akt 1 (ingen indsigelser).")
    svc.render_fristbrev(case.id, tmp_path, date(2099, 1, 15), pdf=False)
    svc.render_letter(case.id, tmp_path, pdf=False)
    text = docx_text(svc.render_journalnotat(case.id, tmp_path, pdf=False).docx)
    for heading in ("Modtagelse", "Anmodningen og de underliggende sager", "Afgrænsning og dialog med anmoderen",
                    "Frister og fristbrev", "Indsamlede dokumenter", "Tredjeparter hørt", "Vurdering",
                    "Kvalitetssikring", "Afsendelse", "Senere klager"):
        assert heading in text
    assert "Journalist" in text and "Offentlighedsloven § 7" in text and "E-mail" in text
    assert "2026-004711" in text and "00.01.10 A53" in text
    assert "Fristbrev senest (7 arbejdsdage): 11. november 2026" in text
    assert "forventet afgørelse senest 15. januar 2099" in text
    assert "Offentlighedsloven § 30, nr. 1: akt 2" in text and "Overvejet for akt 3" in text
    assert "Ansøgeren er hørt" in text
    assert "01_Afgoerelse.docx (SHA-256" in text
    for secret in SECRETS:
        assert secret not in text


def test_complaint_forwarding_letter(svc, ready_case, tmp_path):
    case, _ = ready_case
    files = svc.render_klage_videresendelse(case.id, tmp_path, date(2026, 11, 20), remarks="Ingen nye oplysninger.",
                                            pdf=False)
    text = docx_text(files.docx)
    assert "Ankestyrelsen (Tilsynet)" in text and "20. november 2026" in text
    assert "Ingen nye oplysninger." in text and "Kopi af dette brev" in text
    assert complaint_deadline_phrases(text) == []


def test_a_preview_is_recorded_only_when_kept(svc, ready_case, tmp_path):
    case, _ = ready_case
    preview = svc.render_fristbrev(case.id, tmp_path / "preview", date(2099, 1, 15), "vi venter på en høring",
                                   pdf=False, record=False)
    assert preview.pending and preview.docx.exists()
    assert svc.store.get_setting(f"case:{case.id}:fristbrev") is None
    assert svc.output_history(case.id) == []
    kept = svc.keep_output(preview, tmp_path / "gemt")
    assert kept.docx == tmp_path / "gemt" / "00_Fristbrev.docx" and kept.docx.read_bytes() == preview.docx.read_bytes()
    assert svc.store.get_setting(f"case:{case.id}:fristbrev")["expected"] == "2099-01-15"
    [event] = svc.output_history(case.id)
    assert event["kind"] == "fristbrev" and event["expected"] == "2099-01-15"
    assert [f["name"] for f in event["files"]] == ["00_Fristbrev.docx"]
    with pytest.raises(ServiceError, match="allerede gemt"):
        svc.keep_output(preview, tmp_path / "igen")


def test_save_statements_writes_only_what_changed(svc, ready_case):
    case, _ = ready_case
    before = len(svc.store.audit_events())
    st = svc.save_statements(case.id, scope=svc.get_case(case.id).scope, laws={"ofl35": "sundhedslovens § 40"},
                             journal={"dispatch": "Sendt med Digital Post."}, complaint_body="Planklagenævnet ",
                             signer=None)
    assert st.laws == {"ofl35": "sundhedslovens § 40"} and st.complaint_body == "Planklagenævnet"
    stored = svc.statements(case.id)
    assert stored.journal["dispatch"] == "Sendt med Digital Post." and stored.signer == "Sagsbehandler Sara Sørensen"
    # one write of the statements; the unchanged scope is not written again
    assert [(e.action, e.object_id) for e in svc.store.audit_events()[before:]] == [
        ("setting.set", f"case:{case.id}:statements")]
    before = len(svc.store.audit_events())
    svc.save_statements(case.id, scope=svc.get_case(case.id).scope, complaint_body="Planklagenævnet")
    assert len(svc.store.audit_events()) == before  # nothing changed, nothing written
    svc.save_statements(case.id, laws={"ofl35": ""})  # an empty law removes the entry
    assert svc.statements(case.id).laws == {}
    assert svc.law_grounds(case.id) == []
    with pytest.raises(ServiceError, match="Ukendt"):
        svc.save_statements(case.id, journal={"nope": "x"})
