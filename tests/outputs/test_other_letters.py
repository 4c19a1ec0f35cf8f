"""Receipt, fristbrev and journal note."""

from __future__ import annotations

import re
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
    files = svc.render_fristbrev(case.id, tmp_path, date(2026, 11, 25), reason="vi skal høre en tredjepart")
    text = docx_text(files.docx)
    assert "Du kan forvente en afgørelse senest den 25. november 2026." in text
    assert "fordi vi skal høre en tredjepart." in text
    assert "14 arbejdsdage" in text and "offentlighedslovens § 39" in text  # OFL: the delay can be complained of
    assert "beklager" not in text  # sent in time (6 November, due 11 November)
    assert svc.store.get_setting(f"case:{case.id}:fristbrev")["expected"] == "2026-11-25"
    with pytest.raises(ServiceError):
        svc.render_fristbrev(case.id, tmp_path, date(2000, 1, 1), reason="x")
    with pytest.raises(ServiceError, match="hvorfor"):  # no reason, no fristbrev (no boilerplate default)
        svc.render_fristbrev(case.id, tmp_path, date(2026, 11, 25))
    with pytest.raises(ServiceError, match="længste frist.*29. december 2026"):  # beyond 40 working days
        svc.render_fristbrev(case.id, tmp_path, date(2099, 1, 15), reason="vi skal høre en tredjepart")


def test_a_late_fristbrev_apologises_and_warns(svc, ready_case, tmp_path):
    case, _ = ready_case
    svc.today_override = date(2026, 12, 3)  # 23 working days after receipt
    files = svc.render_fristbrev(case.id, tmp_path, date(2026, 12, 10), reason="vi venter på en udtalelse")
    text = docx_text(files.docx)
    assert "Vi beklager, at du først får dette brev nu. Du skulle have haft besked senest den 11. november 2026." \
        in text
    assert any("22 dage for sent" in m for m in files.messages)


@pytest.mark.parametrize("regime, within, beyond, title, rule", [
    ("fvl9", date(2026, 11, 25), date(2099, 1, 1), "forventet afgørelse", "forvaltningslovens § 16, stk. 2"),
    ("mol", date(2026, 12, 20), date(2027, 1, 5), "miljøoplysninger", "miljøoplysningslovens § 4, stk. 3"),
    ("gdpr15", date(2027, 1, 20), date(2027, 2, 3), "indsigt", "databeskyttelsesforordningens artikel 12, stk. 3"),
])
def test_fristbrev_by_regime(svc, ready_case, tmp_path, regime, within, beyond, title, rule):
    from aktindsigt.core.model import Regime

    case, _ = ready_case
    c = svc.get_case(case.id)
    c.regime = Regime(regime)
    svc.store.update_case(c, "t")
    text = " ".join(docx_text(svc.render_fristbrev(case.id, tmp_path, within, reason="Sagen skal belyses hos "
                                                                                      "en anden myndighed.",
                                                   pdf=False).docx).split())
    assert title in text
    assert "fordi sagen skal belyses hos en anden myndighed." in text  # the reason as a clause, one full stop
    assert "§ 39" not in text and "offentlighedslovens" not in text  # only OFL has § 39
    if rule:
        assert rule in text
    with pytest.raises(ServiceError, match="længste frist"):
        svc.render_fristbrev(case.id, tmp_path, beyond, reason="sagen skal belyses hos en anden myndighed")


def test_no_fristbrev_once_the_case_is_decided(svc, ready_case, tmp_path):
    case, _ = ready_case
    c = svc.get_case(case.id)
    c.decided = date(2026, 11, 5)
    svc.store.update_case(c, "t")
    with pytest.raises(ServiceError, match="allerede truffet afgørelse.*5. november 2026"):
        svc.render_fristbrev(case.id, tmp_path, date(2026, 11, 25), reason="vi skal høre en tredjepart")


def test_kvittering_states_the_regimes_time_limit(svc, ready_case, tmp_path):
    from aktindsigt.core.model import Regime

    case, _ = ready_case
    for regime, expected in (("mol", "senest den 2. december 2026"), ("gdpr15", "anmodning om indsigt")):
        c = svc.get_case(case.id)  # the version just written (no lost update)
        c.regime = Regime(regime)
        svc.store.update_case(c, "t")
        text = " ".join(docx_text(svc.render_kvittering(case.id, tmp_path, pdf=False).docx).split())
        assert expected in text and "7 arbejdsdage" not in text
        if regime == "gdpr15":
            assert "aktindsigt" not in text and "to måneder" in text


def test_journal_note_covers_every_section(svc, ready_case, tmp_path):
    case, _ = ready_case
    svc.set_journal_entry(case.id, "third_parties", "Ansøgeren er hørt om akt 1 (ingen indsigelser).")
    svc.render_fristbrev(case.id, tmp_path, date(2026, 11, 25), "vi skal høre en tredjepart", pdf=False)
    svc.render_letter(case.id, tmp_path, pdf=False)
    text = docx_text(svc.render_journalnotat(case.id, tmp_path, pdf=False).docx)
    for heading in ("Modtagelse", "Anmodningen og de underliggende sager", "Afgrænsning og dialog med anmoderen",
                    "Frister og fristbrev", "Indsamlede dokumenter", "Tredjeparter hørt", "Vurdering",
                    "Kvalitetssikring", "Afsendelse", "Senere klager"):
        assert heading in text
    assert "Anmodningen blev modtaget den 2. november 2026 (e-mail) fra en journalist." in text
    assert "Anmodningen er behandlet efter offentlighedslovens § 7." in text
    assert "2026-004711" in text and "00.01.10 A53" in text
    assert "fristbrev senest 11. november 2026 (offentlighedslovens § 36, stk. 2)" in text
    assert "Klage over sagsbehandlingstiden mulig fra 20. november 2026" in text
    assert "afgørelsen blev forventet senest den 25. november 2026" in text
    assert "Offentlighedsloven § 30, nr. 1 er anvendt for akt 2." in text
    assert "Offentlighedsloven § 26 er overvejet for akt 3." in text
    assert "Ansøgeren er hørt" in text
    assert "Afgørelsen blev dannet af testbruger (01_Afgoerelse.docx, SHA-256" in text
    assert "Afgørelsen blev truffet den 6. november 2026, 4 arbejdsdage efter modtagelsen, inden for fristen." in text
    assert "Sagen omfatter 4 dokumenter med i alt 4 sider." in text
    # third person: no "du", no raw codes
    assert not re.search(r"\b(du|dig|din)\b", text, re.IGNORECASE)
    assert "case." not in text and "in_progress" not in text and "(er)" not in text
    for secret in SECRETS:
        assert secret not in text


def test_journal_note_by_regime(svc, ready_case, tmp_path):
    from aktindsigt.core.model import Regime

    case, _ = ready_case
    c = svc.get_case(case.id)
    c.regime = Regime.FVL9
    svc.store.update_case(c, "t")
    text = " ".join(docx_text(svc.render_journalnotat(case.id, tmp_path, pdf=False).docx).split())
    assert "forvaltningslovens § 16, stk. 2" in text and "§ 39" not in text


def test_complaint_forwarding_letter(svc, ready_case, tmp_path):
    case, _ = ready_case
    with pytest.raises(ServiceError, match="endelig afgørelse"):  # nothing decided: no "[dato for afgørelsen]"
        svc.render_klage_videresendelse(case.id, tmp_path, date(2026, 11, 20), pdf=False)
    svc.render_letter(case.id, tmp_path, pdf=False)
    files = svc.render_klage_videresendelse(case.id, tmp_path, date(2026, 11, 20), remarks="Ingen nye oplysninger.",
                                            pdf=False)
    text = docx_text(files.docx)
    assert "Byggeklageenheden" in text and "20. november 2026" in text and "afgørelse af 6. november 2026" in text
    assert "Ingen nye oplysninger." in text and "Kopi af dette brev" in text
    assert "Spørgsmål til sagen kan rettes til undertegnede." in text  # formal, to an authority
    assert "Har du spørgsmål" not in text and "[" not in text
    assert complaint_deadline_phrases(text) == []


def test_a_preview_is_recorded_only_when_kept(svc, ready_case, tmp_path):
    case, _ = ready_case
    preview = svc.render_fristbrev(case.id, tmp_path / "preview", date(2026, 11, 25), "vi venter på en høring",
                                   pdf=False, record=False)
    assert preview.pending and preview.docx.exists()
    assert svc.store.get_setting(f"case:{case.id}:fristbrev") is None
    assert svc.output_history(case.id) == []
    kept = svc.keep_output(preview, tmp_path / "gemt")
    assert kept.docx == tmp_path / "gemt" / "00_Fristbrev.docx" and kept.docx.read_bytes() == preview.docx.read_bytes()
    assert svc.store.get_setting(f"case:{case.id}:fristbrev")["expected"] == "2026-11-25"
    [event] = svc.output_history(case.id)
    assert event["kind"] == "fristbrev" and event["expected"] == "2026-11-25"
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


def test_journal_note_of_an_indsigt_answer_and_of_an_environmental_decision(svc, ready_case, tmp_path):
    """GDPR art. 15: an answer ("Svaret blev givet"), a notice of extension instead of a fristbrev; MOL and GDPR
    count calendar days, not working days."""
    from aktindsigt.core.model import Regime

    case, _ = ready_case
    c = svc.get_case(case.id)
    c.regime = Regime.GDPR15
    svc.store.update_case(c, "t")
    svc.render_fristbrev(case.id, tmp_path, date(2026, 11, 25), reason="Sagen skal belyses hos en anden myndighed",
                         pdf=False)
    c = svc.get_case(case.id)
    c.decided = date(2026, 11, 6)
    svc.store.update_case(c, "t")
    text = " ".join(docx_text(svc.render_journalnotat(case.id, tmp_path, pdf=False).docx).split())
    assert "Frister og forlængelse" in text and "fristbrev" not in re.sub(r"\S+\.docx", "", text).lower()
    assert "Besked om forlængelse af fristen blev dannet den 6. november 2026" in text
    assert "svaret blev forventet senest den 25. november 2026" in text
    assert "Svaret blev givet den 6. november 2026, 4 dage efter modtagelsen, inden for fristen." in text
    assert "Svaret er endnu ikke sendt." in text and "Afgørelsen" not in text
    c = svc.get_case(case.id)
    c.regime = Regime.MOL
    svc.store.update_case(c, "t")
    text = " ".join(docx_text(svc.render_journalnotat(case.id, tmp_path, pdf=False).docx).split())
    assert "Afgørelsen blev truffet den 6. november 2026, 4 dage efter modtagelsen" in text
    assert "Underretning om fristen blev dannet" in text and "Frister og underretning" in text
