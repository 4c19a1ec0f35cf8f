"""E-mail, URL, bank account, IBAN, card, licence plate and CVR recognizers."""

import pytest

from aktindsigt.detect.recognizers.bank import DaBankAccountRecognizer
from aktindsigt.detect.recognizers.card import DaCardRecognizer
from aktindsigt.detect.recognizers.cvr import DaCvrRecognizer
from aktindsigt.detect.recognizers.email import DaEmailRecognizer
from aktindsigt.detect.recognizers.iban import DaIbanRecognizer
from aktindsigt.detect.recognizers.plate import DaPlateRecognizer
from aktindsigt.detect.recognizers.url import DaUrlRecognizer


def texts(rec, t):
    return [h[2] for h in rec().hits(t)]


@pytest.mark.parametrize(
    "rec, text, expected",
    [
        (DaEmailRecognizer, "skriv til mette.hansen@gmail.com.", "mette.hansen@gmail.com"),
        (DaEmailRecognizer, "<søren_ø@kommune.dk>", "søren_ø@kommune.dk"),
        (DaEmailRecognizer, "mailto:a.b@c-d.dk", "a.b@c-d.dk"),
        (DaUrlRecognizer, "se facebook.com/mette.hansen.", "facebook.com/mette.hansen"),
        (DaUrlRecognizer, "https://www.linkedin.com/in/mettehansen/", "https://www.linkedin.com/in/mettehansen/"),
        (DaUrlRecognizer, "https://www.instagram.com/mette_h", "https://www.instagram.com/mette_h"),
        (DaBankAccountRecognizer, "1234-1234567890", "1234-1234567890"),
        (DaBankAccountRecognizer, "konto 1234 1234567890", "1234 1234567890"),
        (DaBankAccountRecognizer, "reg.nr. 1234 kontonr. 12345678", "1234 kontonr. 12345678"),
        (DaBankAccountRecognizer, "Reg. nr.: 1234, konto nr.: 0001234567", "1234, konto nr.: 0001234567"),
        (DaBankAccountRecognizer, "kontonr. 1234-123456", "1234-123456"),
        (DaBankAccountRecognizer, "Reg. 1234 konto 0012345678", "1234 konto 0012345678"),
        (DaBankAccountRecognizer, "udbetales til 5301 0246123456", "5301 0246123456"),
        (DaBankAccountRecognizer, "Udbetalingen sker til NemKonto 9241 - 2287749544 fredag.", "9241 - 2287749544"),
        (DaBankAccountRecognizer, "overføres til hans konto 3655 - 3849994660.", "3655 - 3849994660"),
        (DaIbanRecognizer, "IBAN: DK50 0040 0440 1162 43", "DK50 0040 0440 1162 43"),
        (DaIbanRecognizer, "DK5000400440116243", "DK5000400440116243"),
        (DaIbanRecognizer, "GB82 WEST 1234 5698 7654 32", "GB82 WEST 1234 5698 7654 32"),
        (DaCardRecognizer, "4111 1111 1111 1111", "4111 1111 1111 1111"),
        (DaCardRecognizer, "kortnr. 4111-1111-1111-1111", "4111-1111-1111-1111"),
        (DaPlateRecognizer, "bilen AB 12 345", "AB 12 345"),
        (DaPlateRecognizer, "nummerplade CX 01 222", "CX 01 222"),
        (DaPlateRecognizer, "reg.nr. AB12345", "AB12345"),
        (DaCvrRecognizer, "CVR-nr.: 29189752", "29189752"),
        (DaCvrRecognizer, "CVR 29 18 97 52", "29 18 97 52"),
        (DaCvrRecognizer, "moms: DK29189752", "29189752"),
    ],
)
def test_positive(rec, text, expected):
    assert expected in texts(rec, text)


@pytest.mark.parametrize(
    "rec, text",
    [
        (DaEmailRecognizer, "skriv @ os"),
        (DaUrlRecognizer, "https://www.aarhus.dk/borger/"),
        (DaUrlRecognizer, "www.aarhus.dk"),
        (DaUrlRecognizer, "https://www.facebook.com"),
        (DaBankAccountRecognizer, "i 2023 1234567 tilfælde"),
        (DaBankAccountRecognizer, "sagerne 2021 - 123456 og 2022 - 234567"),
        (DaBankAccountRecognizer, "sagsnr. 2023-123456"),
        (DaBankAccountRecognizer, "tlf. 2234 5678"),
        (DaIbanRecognizer, "DE00 1234 5678 9012 3456 78"),  # bad checksum, not Danish
        (DaCardRecognizer, "4111 1111 1111 1112"),  # fails Luhn, no card word
        (DaPlateRecognizer, "DK 12 345"),
        (DaPlateRecognizer, "ab 12 345"),
        (DaCvrRecognizer, "tlf. 29189752"),
    ],
)
def test_negative(rec, text):
    assert texts(rec, text) == []


def test_iban_bad_checksum_danish_kept_low():
    hits = DaIbanRecognizer().hits("IBAN DK5000400440116244")
    assert hits and hits[0][3] < 0.6


def test_card_context_keeps_luhn_failure_low():
    hits = DaCardRecognizer().hits("dankort 4571 1234 5678 9012")
    assert hits and hits[0][3] < 0.5
