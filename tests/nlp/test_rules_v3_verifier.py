"""Rules v3 (name-part merges, organisation/place cues) and the PER verifier (no model, no ../shared)."""

import json

import pytest
import spacy
from spacy.tokens import Span

from aktindsigt.nlp.evaluate import model_summary
from aktindsigt.nlp.rules import clean_persons, merge_name_parts, org_place_cues, persons_not_orgs
from aktindsigt.nlp.verifier import SPAN_KEY, LogReg, PersonVerifier, per_scores, span_features


def _doc(text, spans):
    nlp = spacy.blank("da")
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
    return doc


def _ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_initials_and_surname_cut_in_two_are_one_person():
    doc = _doc("For dem , der har læst H. C. Andersen , forsvinder", [(6, 8, "PER"), (8, 9, "PER")])
    assert _ents(merge_name_parts(doc)) == [("H. C. Andersen", "PER")]


@pytest.mark.parametrize(("spans", "expected"), [
    ([(5, 6, "PER"), (7, 8, "PER")], "Peter de Neef"),
    ([(5, 6, "PER")], "Peter de Neef"),  # the surname after the particle was not tagged
])
def test_a_name_particle_joins_the_parts(spans, expected):
    doc = _doc('i luften , " siger Peter de Neef .', spans)
    assert _ents(merge_name_parts(doc)) == [(expected, "PER")]


def test_two_persons_side_by_side_stay_two():
    doc = _doc("Mette Hansen og Jens Olsen kom", [(0, 2, "PER"), (3, 5, "PER")])
    assert _ents(merge_name_parts(doc)) == [("Mette Hansen", "PER"), ("Jens Olsen", "PER")]


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("Ryger vi ud mod klubben Trabzonspor i aften", (5, 6), ("Trabzonspor", "ORG")),
    ("som blev evakueret fra byen Kräklingsbo i går", (5, 6), ("Kräklingsbo", "LOC")),
    ("Regningen er betalt af Kjærbo ApS i går", (4, 5), ("Kjærbo ApS", "ORG")),
    ("Det skrev Fjordbyposten i går", (2, 3), ("Fjordbyposten", "ORG")),
])
def test_organisation_and_place_cues_outrank_the_name_lists(text, span, expected):
    doc = _doc(text, [(span[0], span[1], "PER")])
    assert _ents(org_place_cues(doc)) == [expected]


def test_a_person_without_cues_stays_a_person():
    doc = _doc("Vi har talt med Mette Hansen om sagen", [(4, 6, "PER")])
    assert _ents(org_place_cues(doc)) == [("Mette Hansen", "PER")]


def test_a_name_shaped_org_without_cues_is_a_person():
    from faker import Faker

    fake = Faker("da_DK")
    fake.seed_instance(13)
    for _ in range(20):
        first, last = fake.first_name(), fake.last_name()
        if " " in first or " " in last or "-" in first:
            continue
        doc = _doc(f"{first} {last} har søgt om hjælp .", [(0, 2, "ORG")])
        assert _ents(persons_not_orgs(doc)) == [(f"{first} {last}", "PER")]
    # a first name no lexicon knows and a surname that is an ordinary word
    doc = _doc("Tyge Smed har søgt om hjælp .", [(0, 2, "ORG")])
    assert _ents(persons_not_orgs(doc)) == [("Tyge Smed", "PER")]


@pytest.mark.parametrize(("text", "span"), [
    ("Han arbejder for Novo Nordisk i Bagsværd", (3, 5)),          # "Novo" is a known word
    ("Tilbuddet kommer fra Dansk Industri i dag", (3, 5)),         # an ordinary word first
    ("Nour er glad for Møllevang Børnehave .", (4, 6)),            # an organisation head word
    ("Kampen mod Brøndby IF sluttede 2-1", (2, 4)),                # an acronym
    ("Regningen er sendt til Tyge Smed ApS i går", (4, 6)),         # a company word after it
    ("Vi har skrevet til firmaet Tyge Smed om sagen", (4, 6)),      # an organisation head before it
])
def test_an_org_with_an_organisation_cue_or_no_first_name_stays_an_org(text, span):
    doc = _doc(text, [(span[0], span[1], "ORG")])
    assert _ents(persons_not_orgs(doc)) == [(" ".join(text.split()[span[0]:span[1]]), "ORG")]


def _wdoc(text, spans):
    """A Doc of the words of ``text`` split at spaces (as the treebank is tokenised: "børn/voksne")."""
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("da").vocab, words=text.split(" "))
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
    return doc


@pytest.mark.parametrize(("text", "span", "expected"), [
    ("Kosan-selskaber deltager i den nye ejerstruktur i Danmark .", (5, 6), []),  # lower-case ordinary word
    ("Dæk : 185/60 R14 .", (3, 4), []),  # a digit
    ("Kurset i Aarhus har hold på 4 børn/voksne , og det", (7, 8), []),  # a slash between lower-case words
    ("i en række Bilka- og OBS-butikker", (3, 4), []),  # a trailing hyphen
    ("Til den store fest , omend Jesper D. Jensen nok mente", (5, 9), [("Jesper D. Jensen", "PER")]),
    ("Vi læste om Peter de Neef i går", (3, 6), [("Peter de Neef", "PER")]),
    ("Mødet blev holdt , og lone hansen kom ikke", (5, 7), [("lone hansen", "PER")]),  # no capital follows
    ("Kørt af Politiassistent/Troels Bager derud", (2, 4), [("Politiassistent/Troels Bager", "PER")]),
])
def test_what_no_name_looks_like_in_a_text_with_capitals(text, span, expected):
    doc = _wdoc(text, [(span[0], span[1], "PER")])
    assert _ents(clean_persons(doc)) == expected


def test_a_text_without_capitals_keeps_its_persons():
    doc = _wdoc("hej med dig , jeg har talt med ejerstruktur om det", [(8, 9, "PER")])
    assert _ents(clean_persons(doc)) == [("ejerstruktur", "PER")]


def test_suffix_features_are_hashed_not_words():
    doc = _doc("Ryger vi ud mod Trabzonspor i aften", [(4, 5, "PER")])
    feats = span_features(doc, 4, 5)
    sufs = [k for k in feats if k.startswith(("suf", "pre3"))]
    assert len(sufs) == 4 and all("#" in k and k.split("#")[1].isdigit() for k in sufs)
    assert not any("spor" in k or "Trab" in k for k in feats)
    assert span_features(doc, 4, 5) == feats  # stable (CRC-32, not the salted hash())


def test_logistic_regression_learns_a_separable_feature():
    X = [{"bias": 1.0, "good": 1.0}] * 20 + [{"bias": 1.0, "bad": 1.0}] * 20
    y = [1] * 20 + [0] * 20
    m = LogReg().fit(X, y, l2=0.1)
    assert m.prob({"bias": 1.0, "good": 1.0}) > 0.9 > 0.1 > m.prob({"bias": 1.0, "bad": 1.0})


def test_verifier_drops_unlikely_persons_keeps_scores_and_round_trips(tmp_path):
    doc = _doc("Ryger vi ud mod Trabzonspor , siger Mette Hansen .", [(4, 5, "PER"), (7, 9, "PER")])
    feats_club = span_features(doc, 4, 5)
    feats_person = span_features(doc, 7, 9)
    assert feats_club["prev=prep"] == 1.0 and feats_person["prev=saying"] == 1.0
    v = PersonVerifier(threshold=0.5)
    v.model = LogReg({"bias": 0.0, "prev=prep": -3.0, "prev=saying": 3.0})
    v.to_disk(tmp_path / "v")
    again = PersonVerifier().from_disk(tmp_path / "v")
    assert again.threshold == 0.5 and json.loads((tmp_path / "v" / "verifier.json").read_text())["weights"]
    out = again(doc)
    assert _ents(out) == [("Mette Hansen", "PER")]
    scores = per_scores(out)
    assert list(scores) == [(out.ents[0].start_char, out.ents[0].end_char)] and scores[next(iter(scores))] > 0.9
    assert SPAN_KEY in out.spans


def test_eval_ner_summary_prints_cross_validated_and_held_out_figures():
    nlp = spacy.blank("da")
    md = {"mean": 0.8, "sd": 0.03}
    nlp.meta["aktindsigt_cv"] = {
        "k": 5, "seeds": [1], "sentences": 1168, "runs": 5,
        "PER": {"precision": md, "recall": md, "f1": md}, "overall": {"precision": md, "recall": md, "f1": md},
        "PER_token_recall": md}
    nlp.meta["aktindsigt_heldout"] = {"set3": {"title": "set 3", "precision": 0.9, "recall": 0.95, "f1": 0.92,
                                               "span_recall": 0.97, "span_precision": 0.96}}
    text = model_summary(nlp)
    assert "5-fold x 1 seed over 1168 annotated sentences" in text
    assert "PER" in text and "0.800 ± 0.030" in text
    assert "set 3: PER P 0.900" in text and "span recall 0.970" in text
    assert model_summary(spacy.blank("da")) == ""
