import pytest

from aktindsigt.detect.recognizers.phone import DaPhoneRecognizer

R = DaPhoneRecognizer()


def texts(t):
    return [h[2] for h in R.hits(t)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("tlf. 22345678", "22345678"),
        ("Tlf.: 12345678", "12345678"),
        ("ring på 22 34 56 78", "22 34 56 78"),
        ("mobil: 2234 5678", "2234 5678"),
        ("telefon 22-34-56-78", "22-34-56-78"),
        ("+45 22345678", "+45 22345678"),
        ("+45 2234 5678", "+45 2234 5678"),
        ("0045 22 34 56 78", "0045 22 34 56 78"),
        ("(+45) 22 34 56 78", "(+45) 22 34 56 78"),
        ("+4522345678", "+4522345678"),
        ("tlf 22.34.56.78", "22.34.56.78"),
        ("Hun kan nås på 1241 5868 hele dagen", "1241 5868"),
        ("07 04 99 96", "07 04 99 96"),
        ("tlf. 12 345 678", "12 345 678"),
    ],
)
def test_positive(text, expected):
    assert expected in texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "mødet den 22.03.2021",
        "beløb 22.345,00 kr.",
        "i alt 12.345,00 kr.",
        "22.345.678 kr",
        "kr. 22.345.678",
        "j.nr. 24/12345",
        "27.12.04-P20-1-24",
        "CVR 22345678",
        "CVR-nr.: 22 34 56 78",
        "010203-1234",
        "0102031234",
        "01 02 03 12 34",
        "2100 København Ø",
        "8000 Aarhus C 2100 København",
        "reg.nr. 1234 kontonr. 22345678",
        "faktura 22345678",
        "22032021",
        "ialt 2.234.567,00",
        "sagsnr. 2023-22345678",
        "i årene 2019 2020 og 2021",
        "budgettet er 12 345 678",
    ],
)
def test_negative(text):
    assert texts(text) == []


def test_context_raises_score():
    (plain,) = [h[3] for h in R.hits("skriv til 22 34 56 78")]
    (ctx,) = [h[3] for h in R.hits("tlf. 22 34 56 78")]
    assert ctx > plain
