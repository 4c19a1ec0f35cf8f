import pytest

from aktindsigt.detect.recognizers.address import DaAddressRecognizer, towns

R = DaAddressRecognizer()


def texts(t):
    return [h[2] for h in R.hits(t)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Solskiftegade 3\n2840 Balle", "Solskiftegade 3\n2840 Balle"),
        ("bor på Nørregade 12, 2. th., 8000 Aarhus C i øvrigt", "Nørregade 12, 2. th., 8000 Aarhus C"),
        ("Mette Hansen, Hardenbergstræde 692\n5122 Lille Skensved", "Hardenbergstræde 692\n5122 Lille Skensved"),
        ("H.C. Andersens Boulevard 27, st. tv.", "H.C. Andersens Boulevard 27, st. tv."),
        ("Gl. Kongevej 12A, 1. sal", "Gl. Kongevej 12A, 1. sal"),
        ("Lyngbyvej 3, 3. mf.", "Lyngbyvej 3, 3. mf."),
        ("Nørre Allé 5", "Nørre Allé 5"),
        ("Vester Voldgade 2-4", "Vester Voldgade 2-4"),
        ("Rosenlund 3, 4000 Roskilde", "Rosenlund 3, 4000 Roskilde"),
        ("Egevænget 14 st. th.\n7100 Vejle", "Egevænget 14 st. th.\n7100 Vejle"),
        ("2100 København Ø", "2100 København Ø"),
        ("Strandvejen 122 i Hellerup", "Strandvejen 122"),
        ("Vestre Ringgade 120, 3. tv., 8000 Aarhus C", "Vestre Ringgade 120, 3. tv., 8000 Aarhus C"),
        ("Kirkevej 12a, 2. 14", "Kirkevej 12a, 2. 14"),
        ("Bakkevej 3 B, 8200 Aarhus N. Kongens Nytorv 2, 1050 København K", "Kongens Nytorv 2, 1050 København K"),
        ("Bakkevej 3 B, 8200 Aarhus N. Kongens Nytorv 2, 1050 København K", "Bakkevej 3 B, 8200 Aarhus N"),
        ("Borgerservice\n2620 Albertslund", "2620 Albertslund"),
        ("c/o Mette Hansen\nVestergade 3", "c/o Mette Hansen"),
        ("Brev til Jens\nTrekronergade 12\n2500 Valby\n", "Trekronergade 12\n2500 Valby"),
    ],
)
def test_positive(text, expected):
    assert expected in texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Peter Lund 3 gange",
        "hun fik 3 børn",
        "Skovvej 12 kr.",
        "Sagsnr. 2024 Borgerservice",
        "i 2021 Ballerup",
        "Vi har modtaget 3 ansøgninger",
        "§ 30 nr. 1",
    ],
)
def test_negative(text):
    assert texts(text) == []


def test_towns_from_faker_and_extra_list():
    t = towns()
    assert "Odense" in t and "Aarhus" in t


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Islands Brygge 10, 2300 København S", "Islands Brygge 10, 2300 København S"),
        ("Strøget 12, 1160 København K", "Strøget 12, 1160 København K"),
        ("Nyhavn 17\n1051 København K", "Nyhavn 17\n1051 København K"),
        ("Vestergade 12, 1 tv", "Vestergade 12, 1 tv"),
        ("Vestergade 12, lejl. 3, 8000 Aarhus C", "Vestergade 12, lejl. 3, 8000 Aarhus C"),
    ],
)
def test_positive_any_street_with_postcode(text, expected):
    assert expected in texts(text)


def test_numbered_things_before_a_postcode_are_not_streets():
    assert texts("Bilag 3, 8000 Aarhus C") == ["8000 Aarhus C"]


def test_unknown_street_name_with_floor_and_side():
    assert "Skovbrynet 7, 1. tv" in texts("naboen, Skovbrynet 7, 1. tv, som oplyser")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Ejendommen Agertoften 166A ejes af Bilal Tesfaye.", "Agertoften 166A"),
        ("Han er flyttet til Kastanje Allé 18 pr. 1. marts.", "Kastanje Allé 18"),
        ("Mødet blev holdt hjemme hos hende på Hegnet 30C.", "Hegnet 30C"),
        ("Byggetilladelse til Turið Elkjær, Grævlinghøj 126. Kommunen har svaret.", "Grævlinghøj 126"),
        ("Byggetilladelse til Jiayi Høeg, Ved Kildevældet 160D.", "Ved Kildevældet 160D"),
        ("Ejendommen Ellekrattet 169, st. ejes af Aya Fog.", "Ellekrattet 169, st."),
    ],
)
def test_positive_street_in_running_text(text, expected):
    assert expected in texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Strandvejen 12 km længere mod nord er lukket.",
        "Kapitlet om Haven 4 beskriver beplantningen.",
        "Skolevej 3 gange om ugen",
        "Engen 5 dage om året",
    ],
)
def test_negative_quantities_after_a_street_word(text):
    assert texts(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hun bor på Tjørnely 114. Indstillingen er modtaget.", "Tjørnely 114"),
        ("Lejer: Anjali Tanaka\nLejemål: Tværbommen 100A\n", "Tværbommen 100A"),
        ("Nivi Hald er flyttet til Ellekrattet 135 pr. 1. marts.", "Ellekrattet 135"),
        ("Mødet blev holdt hjemme hos Sunniva Yilmaz på Knolden 90.", "Knolden 90"),
        ("Ejendommen Høgebjerg 137 ejes af Thorvald Hald.", "Høgebjerg 137"),
        ("Han er flyttet til Bøgealléen 77D pr. 1. marts.", "Bøgealléen 77D"),
    ],
)
def test_positive_unknown_street_after_an_address_word(text, expected):
    assert expected in texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "Han er flyttet til Aarhus 2019 og arbejder der.",
        "Familien flyttede til Odense 12 år senere.",
        "Hun bor på Bilag 3 i sagen.",
        "Han bor på Plejehjem 2 dage om ugen.",
    ],
)
def test_negative_address_word_before_a_town_or_a_quantity(text):
    assert texts(text) == []
