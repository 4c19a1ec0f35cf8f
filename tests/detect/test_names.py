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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Herrun Malhelmbæk (cpr 200731-0239) bor her", "Herrun Malhelmbæk"),
        ("Brevet er sendt til Liste Birjaskov, Nørre Søvej 198", "Liste Birjaskov"),
        ("Mette Hansen\nVestergade 3\n8000 Aarhus C", "Mette Hansen"),
        ("Ifølge sagsbehandler Olfrid Birjamann skal", "Olfrid Birjamann"),
        ("Mødet med Bjørn Mikkelsen", "Bjørn Mikkelsen"),
        ("Vi talte med Gurli Vestermann", "Gurli Vestermann"),
        ("Fra: Palle August Jacobsen <p@x.dk>", "Palle August Jacobsen"),
        ("Kommunen har talt med Ole Søndergaard i dag", "Ole Søndergaard"),
    ],
)
def test_positive_more_cues(text, expected):
    assert expected in texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Leverandøren Kristiansen A/S har sendt en faktura.",
        "Leverandøren Kristiansen skrev.",
        "bor på Amalie Skrams Allé 61, 2447 Hørsholm",
        "Annebergvej 171, 6542 Nørre Asmindrup.",
        "Niels Bohr Institutet",
        "Teknik og Miljø, Vej og Park",
        "Aarhus Kommune, Rådhuspladsen 2",
    ],
)
def test_negative_organisations_streets_towns(text):
    assert texts(text) == set()


def test_definite_nouns_are_not_sen_surnames():
    from aktindsigt.detect.recognizers.names import is_surname

    assert is_surname("Kjeldsen") and is_surname("Hansen")
    assert not is_surname("Gældsstyrelsen") and not is_surname("Henvendelsen")


def test_names_in_capitals():
    assert "EMIL SØRENSEN VANG" in texts("EMIL SØRENSEN VANG er indskrevet på skolen")
    assert texts("REFERAT AF MØDET") == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Anmodningen kom fra Merle Vinther <rania-krag@yahoo.dk> i går.", "Merle Vinther"),
        ("Anmodningen kom fra S. Pind <serkan-pind@mail.tele.dk>.", "S. Pind"),
        ("Anmodningen kom fra FOLMER LYKKEGAARD <folmer_l@icloud.com>.", "FOLMER LYKKEGAARD"),
        ("Journalnotat: Samtale med ROJDA JAMA og dennes bisidder på rådhuset.", "ROJDA JAMA"),
        ("Ejendommen ejes af VALDE BANG, som har købt den i 2019.", "VALDE BANG"),
        ("Navn: PRIYA WAD\nAdresse: ...", "PRIYA WAD"),
        ("Deltagere: Turið Bjerre og Rógvi Joensen.", "Rógvi Joensen"),
        ("Henvendelsen ved Mette kom i går.", "Mette"),
        ("Aftalen blev indgået ved Aputsiaq Olsvig.", "Aputsiaq Olsvig"),
    ],
)
def test_positive_names_of_other_origins_and_in_capitals(text, expected):
    assert expected in texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "AFGØRELSE OM AKTINDSIGT\nKommunen har modtaget din anmodning.",
        "Sagen drejer sig om KLAGE OVER BYGGERI i området.",
        "Brevet er sendt til Aarhus Kommune <post@aarhus.dk> i dag.",
        "Kopi til Borgerservice <borgerservice@kommune.dk>.",
        "Vi har talt med TEKNIK OG MILJØ om sagen.",
        "Der henvises til lokalplan 12 for området ved Voldum.",
    ],
)
def test_negative_capitals_and_mail_headers_that_are_not_names(text):
    assert texts(text) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kontaktlæreren, Thanh Fog, deltog også i mødet.", "Thanh Fog"),
        ("Partshøringen blev sendt til Rógvi Bang den 3. maj.", "Rógvi Bang"),
        ("Beløbet overføres til Baran Nohrs konto.", "Baran Nohrs"),
        ("Ifølge notatet kan Valde C. Tanaka træffes efter kl. 15.", "Valde C. Tanaka"),
    ],
)
def test_positive_capitalised_run_inside_a_sentence(text, expected):
    assert expected in texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sagen er sendt til Aarhus Kommune i dag.",
        "I alt 30 borgere i Region Midtjylland har søgt.",
        "Lånet er optaget i Danske Bank sidste år.",
        "Vi har talt med Ældre Sagen om tilbuddet.",
        "Hun flyttede til 8507 Tranbjerg J. Imod forventning gik det godt.",
        "Brevet blev sendt med Digital Post i går.",
    ],
)
def test_negative_capitalised_runs_that_are_not_persons(text):
    assert texts(text) == set()
