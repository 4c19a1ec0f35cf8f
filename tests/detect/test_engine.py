import pytest
import spacy
from spacy.language import Language

from aktindsigt.core.model import EntityType, Regime
from aktindsigt.detect.engine import Detection, DetectionEngine, baseline_engine, split_text
from aktindsigt.detect.policy import Policy

from .conftest import make_ruler_nlp

LETTER = """Fra: Mette Hansen <mette.hansen@gmail.com>
Til: Aarhus Kommune
Emne: Lægeerklæring vedr. Jens Jensen 010203-xxxx

Jens Jensen, CPR-nr. 010203-1234, bor på Solskiftegade 3, 2. th.
2840 Balle. Tlf. 22 34 56 78. Reg.nr. 1234 kontonr. 1234567890.
Han har en diagnose med skizofreni. Firmaet har CVR 29189752.
Med venlig hilsen
Karsten Mikkelsen
"""


def by_type(dets):
    out = {}
    for d in dets:
        out.setdefault(d.entity_type, []).append(d)
    return out


def test_letter_end_to_end(engine):
    dets = engine.analyze_text(LETTER)
    assert all(isinstance(d, Detection) for d in dets)
    assert all(LETTER[d.start : d.end] == d.text for d in dets)
    t = by_type(dets)
    assert {d.text for d in t[EntityType.CPR]} == {"010203-xxxx", "010203-1234"}
    assert all(d.preselected and d.ground_id == "ofl30_1" for d in t[EntityType.CPR])
    assert {"Mette Hansen", "Jens Jensen", "Karsten Mikkelsen"} <= {d.text for d in t[EntityType.PERSON]}
    assert t[EntityType.ADDRESS][0].text == "Solskiftegade 3, 2. th.\n2840 Balle"
    assert t[EntityType.PHONE][0].text == "22 34 56 78"
    assert t[EntityType.EMAIL][0].text == "mette.hansen@gmail.com"
    assert EntityType.BANK_ACCOUNT in t and t[EntityType.BANK_ACCOUNT][0].preselected
    (cvr,) = t[EntityType.CVR]
    assert cvr.ground_id is None and not cvr.preselected
    assert any(d.preselected for d in t[EntityType.SENSITIVE])
    # LOC/ORG from the model are not suggested by default; MISC is ignored
    assert EntityType.LOCATION not in t and EntityType.ORGANIZATION not in t
    # no phone inside the bank account, no PERSON inside the e-mail address
    assert len(t[EntityType.PHONE]) == 1
    assert not any(d.text == "mette.hansen" for d in t[EntityType.PERSON])


def test_location_and_org_kept_as_types_when_asked(ruler_nlp):
    eng = DetectionEngine(nlp=ruler_nlp, include_unsuggested=True)
    dets = eng.analyze_text("Mødet var i Aarhus med Aarhus Kommune.")
    types = {d.entity_type for d in dets}
    assert EntityType.LOCATION in types and EntityType.ORGANIZATION in types
    assert all(d.ground_id is None and not d.preselected for d in dets)


def test_regime_grounds(ruler_nlp):
    text = "CPR 010203-1234, tlf. 22 34 56 78"
    for regime, ground in [
        (Regime.OFL7, "ofl30_1"),
        (Regime.OFL8, "ofl30_1"),
        (Regime.MOL, "mol85_12_1_1"),
        (Regime.FVL9, "fvl15b"),
        (Regime.GDPR15, "dbl22_1"),
    ]:
        dets = DetectionEngine(nlp=ruler_nlp, regime=regime).analyze_text(text)
        assert {d.ground_id for d in dets} == {ground}


def test_every_policy_ground_belongs_to_its_regime():
    from aktindsigt.grounds import load_grounds

    grounds = load_grounds()
    pol = Policy()
    for regime in Regime:
        for et in EntityType:
            gid = pol.entry(regime, et).ground_id
            if gid is not None:
                assert gid in grounds and grounds[gid].valid_in(regime), (regime, et, gid)


def test_policy_is_data():
    pol = Policy({"private_ground": {"ofl7": "x"}, "entities": {"CPR": {"ground": "private", "preselected": True}}})
    e = pol.entry(Regime.OFL7, EntityType.CPR)
    assert e.ground_id == "x" and e.preselected
    assert Policy().entry(Regime.OFL7, EntityType.LOCATION).suggest is False


def test_a_person_is_pre_selected_only_when_its_score_reaches_the_policy_cut(ruler_nlp):
    """The ruler's PERSON score (SCORES) against a cut below and above it; without a ground never."""
    from aktindsigt.detect.recognizers.ner import SCORES

    score = SCORES[EntityType.PERSON]
    text = "Kommunen har talt med Mette Hansen om sagen."

    def person(cut, ground="private"):
        pol = Policy({"private_ground": {"ofl7": "ofl30_1"},
                      "entities": {"PERSON": {"ground": ground, "preselected": False, "preselect_score": cut}}})
        (d,) = [d for d in DetectionEngine(nlp=ruler_nlp, policy=pol).analyze_text(text)
                if d.entity_type is EntityType.PERSON]
        return d

    assert person(score).preselected and person(round(score - 0.05, 2)).preselected
    assert not person(round(score + 0.01, 2)).preselected
    assert not person(None).preselected
    assert not person(score, ground=None).preselected  # nothing starts pre-selected without a ground
    shipped = Policy().entry(Regime.OFL7, EntityType.PERSON)
    assert not shipped.preselected and shipped.preselect_score == 0.95
    assert shipped.preselects(0.95) and not shipped.preselects(0.94)


@pytest.mark.parametrize("cut", [0, -0.5, 1.5, "høj"])
def test_a_pre_selection_cut_outside_0_to_1_is_refused(cut):
    pol = Policy({"entities": {"PERSON": {"ground": "private", "preselect_score": cut}}})
    with pytest.raises(ValueError):
        pol.entry(Regime.OFL7, EntityType.PERSON)


def test_batch_offsets_and_one_spacy_pass_per_document():
    calls = {"n": 0}

    @Language.component("count_docs_test")
    def count_docs(doc):
        calls["n"] += 1
        return doc

    nlp = make_ruler_nlp()
    nlp.add_pipe("count_docs_test")
    eng = DetectionEngine(nlp=nlp)
    texts = ["tlf. 22 34 56 78", "ingen data her", "CPR 010203-1234 og mette@x.dk"]
    res = eng.analyze_texts(texts)
    assert calls["n"] == 3
    assert [len(r) for r in res] == [1, 0, 2]
    for text, dets in zip(texts, res, strict=True):
        assert all(text[d.start : d.end] == d.text for d in dets)


def test_long_text_is_chunked_with_correct_offsets(ruler_nlp):
    filler = "Dette er en almindelig linje uden noget særligt.\n" * 50
    text = filler + "CPR 010203-1234\n" + filler + "tlf. 22 34 56 78\n"
    eng = DetectionEngine(nlp=ruler_nlp, chunk_chars=1000)
    dets = eng.analyze_text(text)
    assert {d.text for d in dets} == {"010203-1234", "22 34 56 78"}
    assert all(text[d.start : d.end] == d.text for d in dets)
    chunks = list(split_text(text, 1000))
    assert "".join(c for _, c in chunks) == text and all(len(c) <= 1000 for _, c in chunks)


def test_cpr_inside_address_keeps_both(engine):
    dets = engine.analyze_text("Vestergade 12, 010203-1234 8000 Aarhus C")
    types = {d.entity_type for d in dets}
    assert EntityType.CPR in types


def test_allow_callback_suppresses(ruler_nlp):
    eng = DetectionEngine(nlp=ruler_nlp, allow=lambda et, txt: txt == "22 34 56 78")
    assert eng.analyze_text("tlf. 22 34 56 78") == []


def test_missing_model_fails_clearly(monkeypatch, tmp_path):
    import pytest

    monkeypatch.setenv("AKTINDSIGT_NER_MODEL", str(tmp_path / "nope"))
    with pytest.raises(RuntimeError, match="model not found"):
        DetectionEngine()


def test_baseline_engine_runs(ruler_nlp):
    base = baseline_engine(ruler_nlp)
    res = base.analyze("Skriv til mette@x.dk", language="da")
    assert any(r.entity_type == "EMAIL_ADDRESS" for r in res)


def test_accepts_any_language_object():
    eng = DetectionEngine(nlp=spacy.blank("da"))
    assert eng.analyze_text("mail: a@b.dk")[0].entity_type == EntityType.EMAIL


def test_pdf_style_spaces_and_hyphens(engine):
    text = "CPR\u00a0010203\u20111234, tlf.\u00a022\u00a034\u00a056\u00a078"
    dets = engine.analyze_text(text)
    assert {d.entity_type for d in dets} >= {EntityType.CPR, EntityType.PHONE}
    assert all(text[d.start : d.end] == d.text for d in dets)


def test_adjacent_person_parts_are_joined():
    nlp = spacy.blank("da")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Vestermann"}])
    eng = DetectionEngine(nlp=nlp)
    dets = [d for d in eng.analyze_text("I går ringede Gurli Vestermann til os.") if d.entity_type == EntityType.PERSON]
    assert [d.text for d in dets] == ["Gurli Vestermann"]


def test_stoplist_applies_by_default(ruler_nlp):
    nlp = spacy.blank("da")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Ankestyrelsen"}])
    text = "Klagen sendes til Ankestyrelsen."
    assert DetectionEngine(nlp=nlp, include_unsuggested=True).analyze_text(text) == []
    assert DetectionEngine(nlp=nlp, include_unsuggested=True, use_stoplist=False).analyze_text(text)


def test_date_like_kontonr_is_not_a_cpr_but_a_cpr_with_context_stays(engine):
    dets = engine.analyze_text("Beløbet udbetales til reg.nr. 1645 kontonr. 2603096765.")
    assert [d.entity_type for d in dets] == [EntityType.BANK_ACCOUNT]
    dets = engine.analyze_text("konto 1645 CPR 2603096765")
    assert EntityType.CPR in {d.entity_type for d in dets}


def test_model_person_spans_are_cleaned():
    nlp = spacy.blank("da")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PER", "pattern": "Mobil"},
        {"label": "PER", "pattern": "Kontakt Borgerservice"},
        {"label": "PER", "pattern": "Leverandøren Lauridsen"},
        {"label": "PER", "pattern": "Kontakt Solvej Vad"},
    ])
    eng = DetectionEngine(nlp=nlp)
    text = ("Mobil: 22 34 56 78. Kontakt Borgerservice i dag. Leverandøren Lauridsen & Søn A/S fakturerer. "
            "Kontakt Solvej Vad om sagen.")
    persons = [d.text for d in eng.analyze_text(text) if d.entity_type == EntityType.PERSON]
    assert persons == ["Solvej Vad"]


def test_progress_and_cancel(engine):
    import pytest

    from aktindsigt.detect.engine import DetectionCancelled

    seen = []
    engine.analyze_texts(["a", "tlf. 22 34 56 78", "c"], progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 3), (2, 3), (3, 3)]
    with pytest.raises(DetectionCancelled):
        engine.analyze_texts(["a", "b"], cancelled=lambda: True)
