"""Business secrets (OFL § 30 nr. 2): flagged for review, never pre-selected."""

import pytest

from aktindsigt.core.model import EntityType, Regime
from aktindsigt.detect.engine import DetectionEngine
from aktindsigt.detect.recognizers.business_secret import DaBusinessSecretRecognizer

R = DaBusinessSecretRecognizer()


def texts(t):
    return [h[2] for h in R.hits(t)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tilbuddet indeholder forretningshemmeligheder om produktionen.",
         "Tilbuddet indeholder forretningshemmeligheder om produktionen."),
        ("Bilag 3 rummer konkurrencefølsomme oplysninger om kunderne. Resten er offentligt.",
         "Bilag 3 rummer konkurrencefølsomme oplysninger om kunderne."),
        ("Firmaets know-how er beskrevet i afsnit 4.", "Firmaets know-how er beskrevet i afsnit 4."),
        ("Leverandøren har oplyst en enhedspris på 450 kr. pr. time.",
         "Leverandøren har oplyst en enhedspris på 450 kr. pr. time."),
        ("Byg og Anlæg ApS, CVR-nr. 12345678, har sendt tilbud.\nDækningsbidrag: 18 %",
         "Dækningsbidrag: 18 %"),
        ("Tilbudsgiveren beder om, at de fortrolige prisoplysninger ikke udleveres.",
         "Tilbudsgiveren beder om, at de fortrolige prisoplysninger ikke udleveres."),
        ("Virksomhedens omsætning faldt med 12 % i 2023.", "Virksomhedens omsætning faldt med 12 % i 2023."),
    ],
)
def test_positive(text, expected):
    assert expected in texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Borgeren har fået tilbud om en timepris på 250 kr. for rengøring.",  # a social offer, no company
        "Hans indtjening er faldet, og han søger om boligstøtte.",  # a citizen's income: SENSITIVE, not this
        "Oplysningerne om barnet er fortrolige oplysninger og må ikke videregives.",  # confidential, not business
        "Kommunen har truffet afgørelse om aktindsigt i byggesagen.",
        "Prisen for et nyt pas er 627 kr.",
        "Lægen har udskrevet en recept på smertestillende medicin.",
    ],
)
def test_negative(text):
    assert texts(text) == []


def test_engine_flags_for_review_with_ofl30_2_and_never_preselects(ruler_nlp):
    text = "Leverandøren Byg ApS har oplyst, at tilbuddet indeholder forretningshemmeligheder."
    for regime, ground in [(Regime.OFL7, "ofl30_2"), (Regime.OFL8, "ofl30_2"), (Regime.MOL, "mol85_12_1_2"),
                           (Regime.FVL9, "fvl15b"), (Regime.GDPR15, "dbl22_1")]:
        dets = [d for d in DetectionEngine(nlp=ruler_nlp, regime=regime).analyze_text(text)
                if d.entity_type == EntityType.BUSINESS_SECRET]
        assert len(dets) == 1
        d = dets[0]
        assert d.ground_id == ground and d.preselected is False
        assert d.detector == "business_secret:strong" and d.score < 0.7
        assert d.text == text


def test_ground_is_in_the_catalogue():
    from aktindsigt.grounds import load_grounds

    ids = set(load_grounds())
    assert {"ofl30_2", "fvl15b", "dbl22_1", "mol85_12_1_2"} <= ids


def test_label_for_lists_and_letters():
    assert EntityType.BUSINESS_SECRET.label == "Mulig forretningshemmelighed"
