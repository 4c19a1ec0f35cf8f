import pytest

from aktindsigt.detect.recognizers.sensitive import DaSensitiveRecognizer, lexicon
from aktindsigt.detect.resources import load_yaml

R = DaSensitiveRecognizer()


@pytest.mark.parametrize(
    "text, category",
    [
        ("Borgeren har en diagnose med skizofreni og får medicin.", "health"),
        ("Hun er i behandling for kroniske smerter.", "health"),
        ("Han blev indlagt på psykiatrisk afdeling.", "health"),
        ("Der er modtaget en underretning om barnet.", "social"),
        ("Barnet er anbragt i plejefamilie.", "social"),
        ("Faderen har et alkoholmisbrug.", "social"),
        ("Han blev sigtet for tyveri i 2019.", "crime"),
        ("Hun er tidligere dømt for vold.", "crime"),
        ("Hun har gæld til SKAT.", "economy"),
        ("Han modtager kontanthjælp.", "economy"),
    ],
)
def test_positive(text, category):
    results = R.analyze(text)
    assert results, text
    assert category in results[0].recognition_metadata["detector"]
    # the sentence is suggested, with a low score
    assert results[0].end - results[0].start >= len(text) - 1
    assert results[0].score <= 0.7


@pytest.mark.parametrize(
    "text",
    [
        "Reglerne gælder for alle.",
        "Vi har ingen bemærkninger til sagen.",
        "Mødet blev holdt på rådhuset.",
    ],
)
def test_negative(text):
    assert R.analyze(text) == []


def test_only_the_sentence_is_suggested():
    text = "Mødet var kort. Han har diabetes. Vi ses."
    (r,) = R.analyze(text)
    assert text[r.start : r.end] == "Han har diabetes."


def test_lexicon_is_data_with_hundreds_of_terms():
    data = load_yaml("sensitive_da.yaml")["categories"]
    n = sum(len(c.get("terms", [])) + len(c.get("stems", [])) for c in data.values())
    assert n >= 300
    assert {"health", "social", "crime", "economy"} <= set(data)
    assert lexicon().words


def test_abbreviations_do_not_end_the_sentence():
    text = "Vi har modtaget lægeerklæringen fra egen læge, dr. Poul Krag, om angst. Næste punkt."
    (r,) = R.analyze(text)
    assert text[r.start : r.end].endswith("om angst.")


@pytest.mark.parametrize(
    "text",
    [
        "Lægeerklæring",
        "Praktiserende læge",
        "Sygdom",
        "Udtalelse fra egen læge\nKommunen har modtaget brevet.",
        "LÆGEERKLÆRING\n\nSagsnummer 2024-123",
        "Med venlig hilsen\nPer Holm\nPraktiserende læge",
    ],
)
def test_headings_and_lone_terms_are_not_suggested(text):
    assert R.analyze(text) == []


def test_general_statements_are_not_suggested():
    assert R.analyze("Reglerne om kontanthjælp står i aktivloven, og kommunen vejleder om reglerne.") == []


def _sentences(text):
    return [text[r.start:r.end] for r in R.analyze(text)]


def test_specific_sentences_in_a_letter_to_a_person():
    text = ("Tuperna Krog\nHybenhaven 4\n8000 Aarhus C\n\nKære Tuperna Krog\n\n"
            "Vi har bevilget 17.500 kr. årligt til dækning af merudgifter.\n"
            "Det fremgår af lægens udtalelse, at funktionsnedsættelsen er varig og indgribende.\n"
            "Reglerne om merudgifter står i serviceloven.\n")
    found = _sentences(text)
    assert "Vi har bevilget 17.500 kr. årligt til dækning af merudgifter." in found
    assert any("funktionsnedsættelsen er varig og indgribende" in s for s in found)
    assert not any(s.startswith("Reglerne") for s in found)


def test_the_same_sentences_without_a_person_in_the_document_are_not_suggested():
    text = ("Notat om budgettet\n\nVi har bevilget 17.500 kr. årligt til projektet.\n"
            "Reglerne om merudgifter står i serviceloven.\n")
    assert _sentences(text) == []
