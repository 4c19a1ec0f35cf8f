"""Run-time name-likeness features and the v2 boundary rules (no model, no ../shared needed)."""

import numpy
import pytest
import spacy
from spacy.tokens import Span

from aktindsigt.nlp import features
from aktindsigt.nlp.features import HashedWordSet, kind_flags, name_flags
from aktindsigt.nlp.rules import trim_entities


@pytest.mark.parametrize(
    ("word", "flags"),
    [
        ("Tilsyneladende", 1),  # ordinary Danish word, no name
        ("Processen", 1),
        ("Hansen", 2),  # a name in some Faker locale, not an ordinary word
        ("Mohammed", 2),
        ("Bahrain", 4),  # a country
        ("Nigeria", 4),
        ("Skov", 3),  # ordinary word and surname
        ("Xqzrtplk", 0),
    ],
)
def test_kind_flags(word, flags):
    assert kind_flags(word) == flags


def test_name_flags_use_danish_lists_and_genitive():
    assert name_flags("Mette") & 1
    assert name_flags("Mettes") & 1
    assert name_flags("Jensen") & 2
    assert name_flags("Tilsyneladende") == 0


def test_hashed_word_set_is_cached_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("AKTINDSIGT_CACHE", str(tmp_path / "cache"))
    calls = []

    def builder():
        calls.append(1)
        return {"alfa", "beta", "gæstebog"}

    first = HashedWordSet.cached("test-words-1", builder)
    assert "gæstebog" in first and "alfa" in first and "gamma" not in first and 7 not in first
    assert (tmp_path / "cache" / "test-words-1.npy").is_file()
    again = HashedWordSet.cached("test-words-1", builder)
    assert calls == [1]  # the second load came from the cache file
    assert "beta" in again and len(again) == 3


def test_hashed_word_set_survives_unwritable_and_corrupt_cache(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("AKTINDSIGT_CACHE", str(blocker))  # cannot create a folder here
    ws = HashedWordSet.cached("w", lambda: ["en", "to"])
    assert "to" in ws
    good = tmp_path / "c"
    good.mkdir()
    (good / "w.npy").write_bytes(b"garbage")
    monkeypatch.setenv("AKTINDSIGT_CACHE", str(good))
    ws = HashedWordSet.cached("w", lambda: ["tre"])
    assert "tre" in ws
    assert numpy.load(good / "w.npy").shape == (1,)  # rebuilt and rewritten


def test_doc_features_have_three_columns_for_v2():
    nlp = spacy.blank("da")
    doc = nlp("Tilsyneladende har Mette Hansen rejst til Bahrain .")
    feats = features.doc_features(doc, 3)
    assert feats.shape == (len(doc), 3)
    assert feats[0, 2] == 1 and feats[3, 2] & 2 and feats[6, 2] == 4
    assert features.doc_features(doc).shape == (len(doc), 2)


def _ents(text, spans):
    nlp = spacy.blank("da")
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in spans]
    return doc


def _result(doc):
    return [(e.text, e.label_) for e in trim_entities(doc, lexicon=True).ents]


def test_sentence_initial_ordinary_word_is_not_a_person():
    doc = _ents("Tilsyneladende har ingen set noget .", [(0, 1, "PER")])
    assert _result(doc) == []


def test_country_alone_becomes_a_place():
    doc = _ents("Skibene blev tilbageholdt i Nigeria .", [(4, 5, "PER")])
    assert _result(doc) == [("Nigeria", "LOC")]


def test_leading_title_and_nationality_words_are_dropped():
    doc = _ents("Historikeren , lektor dr.phil. Henrik S. Nissen , siger", [(2, 7, "PER")])
    assert _result(doc) == [("Henrik S. Nissen", "PER")]
    doc = _ents("Erfarne György Dalos har skrevet en bog", [(0, 3, "PER")])
    assert _result(doc) == [("György Dalos", "PER")]
    # a rare ordinary word that is also a first name stays ("samer" are the Sami)
    doc = _ents("Fra : Samer Møller Knudsen", [(2, 5, "PER")])
    assert _result(doc) == [("Samer Møller Knudsen", "PER")]


def test_words_without_any_name_become_an_organisation():
    doc = _ents("med ansvar for Nordisk Papir Emballage i Europa", [(3, 6, "PER")])
    assert _result(doc) == [("Nordisk Papir Emballage", "ORG")]
    doc = _ents("en uddannelse fra University of Wisconsin .", [(3, 6, "PER")])
    assert _result(doc) == [("University of Wisconsin", "ORG")]
    doc = _ents("og den hele Camel koster ikke ekstra", [(3, 4, "PER")])
    assert _result(doc) == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Tilstede var M. Bradtberg og Pia", (2, 4)),  # initial + rare surname
        ("Christian-Peter Mott indledte mødet .", (0, 2)),  # hyphenated first name
        ("Fra : mette hansen skrev i går", (2, 4)),  # lower-case name in an e-mail
        ("Din ergoterapeut Valton Villers Broen har vurderet", (2, 5)),  # rare name, one ordinary word
        ("Kære Skov", (1, 2)),  # a surname that is also an ordinary word
    ],
)
def test_real_names_are_kept(text, span):
    doc = _ents(text, [(*span, "PER")])
    words = text.split()
    assert _result(doc) == [(" ".join(words[span[0]:span[1]]), "PER")]


def test_sentence_initial_function_word_and_lower_case_english_word_are_dropped():
    assert _result(_ents("Mens de mange kroner forsvinder", [(0, 1, "PER")])) == []
    assert _result(_ents("bruger specialister - referees - til", [(3, 4, "PER")])) == []
    # a Danish first name that is also a frequent word is kept
    assert _result(_ents("Hans kom for sent", [(0, 1, "PER")])) == [("Hans", "PER")]


def _full(text, spans):
    from aktindsigt.nlp.rules import name_rules_v2

    doc = _ents(text, spans)
    return [(e.text, e.label_) for e in name_rules_v2(doc).ents]


def test_a_surname_left_out_by_the_model_is_added():
    assert _full("Fremmødte : M. Løvig og Adolf Jacobsen Kvistgaard", [(5, 7, "PER")]) == [
        ("Adolf Jacobsen Kvistgaard", "PER")]
    assert _full("Fra : iryna tkachuk < iryna@example.com >", [(2, 3, "PER")]) == [("iryna tkachuk", "PER")]
    assert _full("at rand petersen har afvist", [(2, 3, "PER")]) == [("rand petersen", "PER")]
    assert _full("vi ringede til petersen i går", [(3, 4, "PER")]) == [("petersen", "PER")]
    # not over a frequent word, another entity type or a Roman numeral
    assert _full("Mette Hansen Kommune", [(0, 2, "PER")]) == [("Mette Hansen", "PER")]
    assert _full("et arbejde af Toyokuni VI .", [(3, 4, "PER")]) == [("Toyokuni", "PER")]
    assert _full("Mette Hansen Odense", [(0, 2, "PER"), (2, 3, "LOC")]) == [("Mette Hansen", "PER"), ("Odense", "LOC")]


def test_a_member_of_a_list_of_persons_is_a_person():
    text = "Fremmødte : Charlotte Hansen , Qwerlan , Esmaralda Jensen og Pia Holm"
    assert _full(text, [(2, 4, "PER"), (5, 6, "LOC"), (7, 9, "PER"), (10, 12, "PER")]) == [
        ("Charlotte Hansen", "PER"), ("Qwerlan", "PER"), ("Esmaralda Jensen", "PER"), ("Pia Holm", "PER")]
    # a list of countries stays a list of countries
    text = "Bahrain , Qatar og Oman"
    assert _full(text, [(0, 1, "LOC"), (2, 3, "LOC"), (4, 5, "LOC")]) == [
        ("Bahrain", "LOC"), ("Qatar", "LOC"), ("Oman", "LOC")]
