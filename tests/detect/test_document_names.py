"""Persons within one document (issue #13): a first name or surname alone and in the possessive,
surnames that are ordinary Danish words, long names with middle names, initials before a surname.

Every name used here is outside every run-time list (checked first), so the tests measure the
rules and the model, not list membership.
"""

import pytest

from aktindsigt.core.model import EntityType
from aktindsigt.detect.engine import DetectionEngine
from aktindsigt.detect.person_filter import is_known_name
from aktindsigt.detect.recognizers.names import DaNamePatternRecognizer, document_mentions
from aktindsigt.nlp.features import name_flags

FIRST = ["Aputsiaq", "Ivalo", "Tuperna", "Pipaluk", "Nuka", "Ulloriaq", "Sakæus", "Tyge"]
WORD_SURNAMES = ["Bager", "Fisker", "Krog", "Vinter", "Skytte", "Smed"]
OTHER_SURNAMES = ["Kjærsgaard"]


def test_the_names_are_in_no_run_time_list():
    for w in FIRST + WORD_SURNAMES + OTHER_SURNAMES:
        assert not is_known_name(w), w
        assert not name_flags(w), w


def _found(engine, text):
    return [d.text for d in engine.analyze_text(text) if d.entity_type == EntityType.PERSON]


def _covered(found_spans, text, name):
    """Every occurrence of ``name`` in ``text`` lies inside a PERSON suggestion."""
    import re

    occ = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]
    assert occ, name
    return all(any(s <= a and b <= e for s, e in found_spans) for a, b in occ)


def _spans(engine, text):
    return [(d.start, d.end) for d in engine.analyze_text(text) if d.entity_type == EntityType.PERSON]


def test_memory_finds_first_name_surname_and_possessives():
    text = ("Journalnotat\nVi har talt med Ivalo Pipaluk Bager om økonomien. Bager oplyste, at Ivalos søn "
            "bor hjemme, og Bagers mor hjælper til. Han arbejder som bager.")
    found = {text[s:e] for s, e, _ in document_mentions(text, [(text.index("Ivalo"), text.index(" om"))])}
    assert {"Bager", "Ivalos", "Bagers"} <= found
    assert "bager" not in found  # the ordinary word in lower case is not a name


def test_memory_needs_a_person_of_two_words_and_skips_organisations():
    text = "Boligforeningen Lindely har svaret. Lindely er en afdeling."
    assert document_mentions(text, [(0, text.index(" har"))]) == []
    assert document_mentions("Krog oplyste noget.", [(0, 4)]) == []


@pytest.mark.parametrize("initials", ["T.", "T.S.", "T. S."])
def test_initials_before_a_surname_that_is_a_word_or_unknown(initials):
    r = DaNamePatternRecognizer()
    for surname in ("Kjærsgaard", "Fisker", "Vinter"):
        text = f"Sagen er sendt til {initials} {surname} til udtalelse."
        assert f"{initials} {surname}" in {h[2] for h in r.hits(text)}


@pytest.mark.parametrize("text", ["Se bilag A. Oversigt over udgifterne.", "A. Indledning\nB. Sagens fakta",
                                  "Jf. pkt. B. Kommunen har svaret."])
def test_initial_like_headings_are_not_persons(text):
    assert DaNamePatternRecognizer().hits(text) == []


def test_ordinary_word_surname_after_a_first_name_is_kept_whole():
    r = DaNamePatternRecognizer()
    assert "Signe Sommer" in {h[2] for h in r.hits("Mødet med Signe Sommer blev udsat.")}


@pytest.fixture(scope="module")
def real_engine(real_nlp):
    return DetectionEngine(nlp=real_nlp)


def test_case_text_with_the_real_model(real_engine):
    text = (
        "Referat af netværksmøde\n"
        "Deltagere: Tuperna Nuka Ulloriaq Krog (mor), Sakæus Fisker og socialrådgiver T. Vinter.\n"
        "Krog fortalte, at Tupernas datter har haft meget fravær. Fiskers vurdering er, at hun har brug "
        "for støtte. Fru Krog vil gerne have et nyt møde, og Vinter sender en indkaldelse.\n"
        "Familien køber brød hos en bager i byen.\n"
    )
    spans = _spans(real_engine, text)
    for name in ("Tuperna Nuka Ulloriaq Krog", "Sakæus Fisker", "T. Vinter", "Krog", "Tupernas", "Fiskers",
                 "Vinter"):
        assert _covered(spans, text, name), (name, [text[s:e] for s, e in spans])
    assert not any(text[s:e] == "bager" for s, e in spans)


def test_possessive_alone_with_the_real_model(real_engine):
    text = "Tyge Smed har søgt om hjælp. Vi har lagt vægt på Tyges oplysninger og på Smeds lønsedler."
    spans = _spans(real_engine, text)
    for name in ("Tyge Smed", "Tyges", "Smeds"):
        assert _covered(spans, text, name), (name, [text[s:e] for s, e in spans])


def test_initial_before_a_surname_that_is_a_frequent_verb():
    r = DaNamePatternRecognizer()
    assert "W. Skriver" in {h[2] for h in r.hits("Partshøringen blev sendt til W. Skriver den 3. maj.")}
    assert r.hits("Se afsnit B. Der er ingen bemærkninger.") == []


def test_names_in_a_text_written_without_capitals_with_the_real_model(real_engine):
    text = ("hej jens\njeg har talt med signe marie om sagen, og hun siger at hun ikke har fået svar. "
            "min mobil er gået i stykker og min e-mail virker ikke, så ring til mig.\nmvh lone")
    found = {d.text for d in real_engine.analyze_text(text) if d.entity_type == EntityType.PERSON}
    assert {"jens", "signe marie"} <= found
    assert not found & {"mobil", "e-mail"}


def test_lower_case_words_in_ordinary_text_are_not_persons(real_engine):
    text = "Kommunen har modtaget din e-mail, og din mobil er registreret hos Borgerservice i dag."
    assert not [d for d in real_engine.analyze_text(text) if d.entity_type == EntityType.PERSON]


def test_persons_in_a_text_written_in_capitals(real_engine):
    text = ("REFERAT AF NETVÆRKSMØDE\nDELTAGERE: TUPERNA SKYTTE, IVALO KROG OG NUKA VINTER.\n"
            "VI AFTALTE, AT SKYTTE RINGER TIL IVALO OM TUPERNAS SKOLEGANG. ADHD OG KOL ER NÆVNT I SAGEN.")
    found = {d.text for d in real_engine.analyze_text(text) if d.entity_type == EntityType.PERSON}
    assert {"TUPERNA SKYTTE", "IVALO KROG", "NUKA VINTER"} <= found
    assert not found & {"ADHD", "KOL", "ADHD OG KOL", "IVALO KROG OG NUKA VINTER"}


def test_unknown_names_in_a_text_written_without_capitals_with_the_real_model(real_engine):
    """A lower-case e-mail is read as if a Dane had capitalised it (``nlp.truecase``): names that
    are in no run-time list are found, the pronoun "hans" and the address stay what they are."""
    text = ("hej\n\njeg skriver om min søn aputsiaq ulloriaq, som går i 3. klasse. hans lærer sakæus nuka har "
            "sagt til os, at aputsiaq skal have en ny plan. min mand tyge er enig. kan i skrive til "
            "ivalo.nuka@mail.dk?\n\nmvh ivalo nuka")
    dets = real_engine.analyze_text(text)
    found = {d.text for d in dets if d.entity_type == EntityType.PERSON}
    assert {"aputsiaq ulloriaq", "sakæus nuka", "aputsiaq", "tyge", "ivalo nuka"} <= found, found
    assert "hans" not in found
    assert all(text[d.start:d.end] == d.text for d in dets)  # the detections are spans of the text as written
    assert "ivalo.nuka@mail.dk" in {d.text for d in dets if d.entity_type == EntityType.EMAIL}
