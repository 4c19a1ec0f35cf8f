import pytest

from aktindsigt.detect.recognizers.cpr import DaCprRecognizer, mod11_ok

R = DaCprRecognizer()


def texts(t):
    return [h[2] for h in R.hits(t)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("CPR-nr.: 010203-1234", "010203-1234"),
        ("cpr 0102031234 oplyst", "0102031234"),
        ("personnummer 010203 1234", "010203 1234"),
        ("01 02 03 12 34", "01 02 03 12 34"),
        ("01 02 03-12 34", "01 02 03-12 34"),
        ("01.02.03-1234", "01.02.03-1234"),
        ("01/02/03-1234", "01/02/03-1234"),
        ("010203–1234", "010203–1234"),
        ("(010203-1234)", "010203-1234"),
        ("Lægeerklæring vedr. Jens Hansen 010203-xxxx", "010203-xxxx"),
        ("010203-XXXX", "010203-XXXX"),
        ("født 01.02.1983", "01.02.1983"),
        ("født den 1. februar 1983", "1. februar 1983"),
        ("f. 010283", "010283"),
        ("cpr.: 010283", "010283"),
    ],
)
def test_positive(text, expected):
    assert expected in texts(text)


@pytest.mark.parametrize(
    "text",
    [
        "320199-1234",  # day 32
        "011399-1234",  # month 13
        "beløb 1.010.203-1234",
        "den 01.02.2003 12.34",
        "sagsnr. 12345678901",
        "tlf. 22 34 56 78",
        "01022003",
        "mødet 01.02.2003",  # a date without "født" is not a CPR
    ],
)
def test_negative(text):
    assert texts(text) == []


def test_modulus11_raises_but_never_filters():
    valid = "211062-5629"
    assert mod11_ok(valid.replace("-", ""))
    other = "211062-5628"  # fails mod 11 (a post-2007 style number)
    (s1,) = [h[3] for h in R.hits(valid)]
    (s2,) = [h[3] for h in R.hits(other)]
    assert s1 > s2 > 0


def test_context_raises_score():
    (plain,) = [h[3] for h in R.hits("nummer 010203-1234")]
    (ctx,) = [h[3] for h in R.hits("CPR-nr. 010203-1234")]
    assert ctx > plain


def test_century_rule():
    # 7th digit 4 with year 36 -> 2036 would be fine date-wise; 290200 (29 Feb 1900) is invalid
    assert texts("290200-1234") == []  # 1900 is no leap year (7th digit 1 -> 1900s)
    assert texts("290200-4234") == ["290200-4234"]  # 7th digit 4, year 00 -> 2000, a leap year
