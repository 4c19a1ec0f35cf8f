"""The PERSON post-filter (person_filter.py, engine.filter_persons).

A blank pipeline with an EntityRuler plays the model and tags what a real model gets
wrong (capitalised common words, organisations, places, codes) as PER, so the tests do not
depend on the shipped model."""

import pytest
import spacy

from aktindsigt.core.model import EntityType
from aktindsigt.detect.engine import DetectionEngine
from aktindsigt.detect.person_filter import PersonFilter, ordinary_word, places


def engine_tagging(*per: str, **kw) -> DetectionEngine:
    nlp = spacy.blank("da")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": p} for p in per])
    return DetectionEngine(nlp=nlp, **kw)


def persons(text: str, *per: str, **kw) -> list[str]:
    return [d.text for d in engine_tagging(*per, **kw).analyze_text(text) if d.entity_type == EntityType.PERSON]


@pytest.mark.parametrize(
    "word", ["Klageren", "Udgiften", "Referatet", "Hjemmeplejen", "Sagsbehandlingstiden", "Påklage",
             "Henvendelsen", "Lægeerklæringen", "Forældrene"],
)
def test_ordinary_words(word):
    assert ordinary_word(word)


@pytest.mark.parametrize(
    "word", ["Damgaard", "Kirkegaard", "Ebbesen", "Mettes", "Warsame", "Aputsiaq", "Halfdan", "Okafor", "Juhl",
             "Baran"],
)
def test_names_are_not_ordinary_words(word):
    assert not ordinary_word(word)


def test_places_list_has_countries_regions_and_landsdele():
    p = places()
    assert {"Tyskland", "Syrien", "Grønland", "Færøerne", "Europa", "Vestsjælland", "Bornholm"} <= p
    assert {"Berlin", "Hamborg", "Kabul", "Mogadishu", "Nuuk"} <= p  # cities abroad (CLDR + hand list)
    assert "Mette" not in p


def test_a_known_name_that_is_also_a_place_stays_a_person():
    text = "Vi har talt med Sofia om sagen."
    i = text.index("Sofia")
    assert "Sofia" in places()  # the capital of Bulgaria
    assert PersonFilter(text).verdict(i, i + 5) is None


# -- what is dropped ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, tagged",
    [
        ("Sagen er modtaget. Udgiften på 2.000 kr. afholdes af kontoen.", "Udgiften"),
        ("Vi har talt med borgeren. Klageren oplyser, at forholdene er uændrede.", "Klageren"),
        ("Planen er lagt. Hjemmeplejen besøger hende to gange om ugen.", "Hjemmeplejen"),
        ("Mødet blev holdt. Sagsbehandlingstiden er for tiden 30 dage.", "Sagsbehandlingstiden"),
        ("Vi har hørt Andelsboligforeningen Lindely om sagen.", "Andelsboligforeningen Lindely"),
        ("Ifølge Boligselskabet Østerlund er der ventetid.", "Østerlund"),
        ("Regningen er sendt til Kjærbo ApS i dag.", "Kjærbo"),
        ("Sagen er sendt til Lemvig Kommune til udtalelse.", "Lemvig"),
        ("Familien flyttede fra Syrien i 2015.", "Syrien"),
        ("Han har boet i Hamborg i mange år.", "Hamborg"),
        ("Tolken kom fra Berlin i går.", "Berlin"),
        ("Hun har familie i Saksild og omegn.", "Saksild"),
        ("Han bor på Kløvervej 12, 1. th., 8000 Aarhus C.", "Kløvervej"),
        ("Brevet er sendt til Nørregade 3, 1850 Lunderskov.", "Lunderskov"),
        ("Betal til IBAN DK50 0040 0440 1162 43, BIC: DABADKKK.", "DABADKKK"),
        ("Du kan se sagen i Aula under beskeder.", "Aula"),
        ("Leverandøren Byg A/S, CVR-nr. 12345678, har sendt en faktura.", "CVR-nr"),
        ("Brevet er sendt via e-Boks.", "e-Boks"),
        ("Artiklen stod i Fjordbyposten i går.", "Fjordbyposten"),
        ("Hun har skrevet til Ugeavisen om sagen.", "Ugeavisen"),
    ],
)
def test_not_a_person(text, tagged):
    assert persons(text, tagged) == []


def test_lorem_word_used_in_lower_case_elsewhere_is_dropped():
    text = "Der var smuds i opgangen. Smuds og affald blev fjernet."
    assert persons(text, "Smuds") == []


def test_common_first_name_at_sentence_start_is_dropped_only_when_the_text_uses_the_word():
    assert persons("Vi vil tage stilling. Tage betyder meget.", "Tage") == []
    assert persons("Mødet sluttede. Tage kom hjem kl. 16.", "Tage") == ["Tage"]


def test_leading_ordinary_word_is_trimmed():
    text = "Sagen er modtaget. Ansøgeren Eik Krag har klaget."
    assert persons(text, "Ansøgeren Eik Krag") == ["Eik Krag"]


def test_organisation_and_place_are_kept_as_quiet_types():
    eng = engine_tagging("Andelsboligforeningen Lindely", "Saksild", include_unsuggested=True)
    dets = eng.analyze_text("Andelsboligforeningen Lindely har svaret. Familien bor i Saksild.")
    got = {(d.text, d.entity_type) for d in dets}
    assert any(t.endswith("Lindely") and e == EntityType.ORGANIZATION for t, e in got)
    assert ("Saksild", EntityType.LOCATION) in got
    assert not any(d.entity_type == EntityType.PERSON for d in dets)


# -- what is kept ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, tagged, expected",
    [
        ("Sagen er modtaget. Aputsiaq har klaget over afgørelsen.", "Aputsiaq", "Aputsiaq"),
        ("Mødet blev holdt. Okafor mødte ikke op.", "Okafor", "Okafor"),
        ("Hun kørte i Aishas bil til mødet.", "Aishas", "Aishas"),
        ("Sagen er sendt til R. Damgaard i dag.", "Damgaard", "R. Damgaard"),
        ("Partshøringen blev sendt til RÓGVI GRAVGAARD den 3. maj.", "GRAVGAARD", "RÓGVI GRAVGAARD"),
        ("Samtalen blev ført med AYAAN BRIX. Han var glad.", "BRIX", "AYAAN BRIX"),
        ("Sagen er sendt til Aya K. Krog i dag.", "Aya", "Aya K. Krog"),
        ("Vedlagt er lægeerklæringen for Nivi Skriver fra egen læge.", "Nivi Skriver", "Nivi Skriver"),
        ("Mødet blev holdt med Cornelius Kleist i går.", "Cornelius Kleist", "Cornelius Kleist"),
        ("Kære Mette\n\nTak for dit brev.", "Mette", "Mette"),
        ("Sagen er sendt til Mette Davis i dag.", "Mette Davis", "Mette Davis"),
    ],
)
def test_a_person_stays(text, tagged, expected):
    assert expected in persons(text, tagged)


def test_an_ordinary_word_is_a_name_when_the_document_says_so():
    """"Skriver" is also a verb; the document shows it as a name (in a full name, or capitalised
    mid-sentence), so the lone occurrence at a sentence start stays."""
    for text, spans in [
        ("Vi har talt med Wilhelm Skriver. Skriver oplyser, at han er flyttet.", ["Wilhelm Skriver"]),
        ("Vi har talt med hr. Skriver i går. Skriver oplyser, at han er flyttet.", []),
    ]:
        spans_at = [(text.index(x), text.index(x) + len(x)) for x in spans]
        i = text.rindex("Skriver")
        assert PersonFilter(text, spans_at).verdict(i, i + 7) is None
    text = "Sagen er modtaget. Skriver oplyser, at han er flyttet."
    i = text.index("Skriver")
    assert PersonFilter(text).verdict(i, i + 7) == "word"


def test_person_in_a_c_o_line_stays():
    text = "c/o Mette Hansen, Nørregade 3, 8000 Aarhus C"
    assert "Mette Hansen" in persons(text, "Mette Hansen")


def test_filter_can_be_switched_off():
    text = "Der var smuds i opgangen. Smuds og affald blev fjernet."
    assert persons(text, "Smuds", person_filter=False) == ["Smuds"]


def test_verdicts_name_the_rule():
    text = "Vi har hørt Andelsboligforeningen Lindely. Familien kom fra Syrien. Ref. DABADKKK."
    pf = PersonFilter(text)

    def v(s):
        i = text.index(s)
        return pf.verdict(i, i + len(s))

    assert v("Andelsboligforeningen Lindely") == "org"
    other = "Sagen er sendt til Lars Bank og til Danske Bank i dag."
    pf2 = PersonFilter(other)
    assert pf2.verdict(other.index("Lars"), other.index("Lars") + 9) is None  # a surname after a first name
    assert pf2.verdict(other.index("Danske"), other.index("Danske") + 11) == "org"
    assert v("Syrien") == "place"
    assert v("DABADKKK") == "code"


def test_a_span_across_a_sentence_end_is_judged_in_parts():
    text = "Betal til IBAN DK50 0040 0440 1162 43, BIC: DABADKKK. Kontaktlæreren Edel Meldgaard deltog."
    found = persons(text, "DABADKKK. Kontaktlæreren Edel Meldgaard")
    assert found == ["Edel Meldgaard"]
    assert persons("Vi talte med Frk. Olsvig i går.", "Frk. Olsvig") == ["Frk. Olsvig"]  # an abbreviation


def test_a_name_of_frequent_words_is_kept_when_the_model_is_sure():
    """No word of "Cornelius Krog Krogs" looks like a name to the lists (frequent in wordfreq, an ordinary word):
    from the model alone such a span is dropped, with the verifier's high probability it is a person."""
    from aktindsigt.detect.recognizers.ner import SURE_PERSON, plausible_person

    text = "Tilsynet blev gennemført uanmeldt. Cornelius Krog Krogs ansøgning om bolig er modtaget."
    s = text.index("Cornelius")
    e = s + len("Cornelius Krog Krogs")
    assert plausible_person(text, s, e) is None
    assert plausible_person(text, s, e, SURE_PERSON - 0.1) is None
    assert plausible_person(text, s, e, SURE_PERSON) == (s, e)
    for words in ("Med Venlig Hilsen", "Venlig Hilsen", "krog krogs"):  # ordinary words stay no name
        t = f"Tak for hjælpen. {words}"
        assert plausible_person(t, t.index(words), len(t), 0.95) is None, words
