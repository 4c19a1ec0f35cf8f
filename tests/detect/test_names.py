import pytest

from aktindsigt.detect.recognizers.names import DaNamePatternRecognizer

R = DaNamePatternRecognizer()


def texts(t):
    return {h[2] for h in R.hits(t)}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jeg talte med fru Hansen i går.", "Hansen"),
        ("hr. Jensen ringede", "Jensen"),
        ("dr. Holm har skrevet", "Holm"),
        ("læge Mette Sørensen vurderer", "Mette Sørensen"),
        ("Fra: Mette Hansen <mh@x.dk>\nEmne: Sag", "Mette Hansen"),
        ("Til: Jens Olsen; Per Bo <p@x.dk>", "Per Bo"),
        ("Med venlig hilsen\n\nKarsten Mikkelsen\nSagsbehandler", "Karsten Mikkelsen"),
        ("Venlig hilsen\nAnne-Mette Bøgh", "Anne-Mette Bøgh"),
        ("Mvh Ole Sørensen", "Ole Sørensen"),
        ("Kære Birgit Lauridsen", "Birgit Lauridsen"),
        ("Hej Mette", "Mette"),
        ("Navn: Susanne Vad\nAdresse: ...", "Susanne Vad"),
        ("Lægeerklæring vedr. Jens Hansen 010203-xxxx", "Jens Hansen"),
        ("brev fra Mette Louise Bøgh.", "Mette Louise Bøgh"),
    ],
)
def test_positive(text, expected):
    assert expected in texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Til: Aarhus Kommune",
        "Med venlig hilsen\nBorgerservice",
        "Den 3. maj kom brevet.",
        "Kommunen har truffet afgørelse.",
    ],
)
def test_negative(text):
    assert texts(text) == set()
