"""Danish counts: real singular and plural forms, never "dokument(er)"."""

from __future__ import annotations

from datetime import date

import pytest

from aktindsigt.core.danish import antal, capitalize, count, da_date, form, join


@pytest.mark.parametrize(("n", "noun", "expected"), [
    (0, "dokument", "ingen dokumenter"), (1, "dokument", "ét dokument"), (23, "dokument", "23 dokumenter"),
    (1, "side", "én side"), (2, "side", "2 sider"), (1, "forslag", "ét forslag"), (4, "forslag", "4 forslag"),
    (1, "punkt", "ét punkt"), (3, "overstregning", "3 overstregninger"), (1, "hjemmel", "én hjemmel"),
])
def test_antal_in_sentences(n, noun, expected):
    assert antal(n, noun) == expected


def test_digits_for_tables_and_phrases_outside_the_table():
    assert antal(1, "dokument", words=False) == "1 dokument" and antal(0, "fil", words=False) == "0 filer"
    assert antal(1, "åbent punkt", "åbne punkter", gender="n") == "ét åbent punkt"
    assert antal(2, "åbent punkt", "åbne punkter") == "2 åbne punkter"
    assert form(1, "forekomst") == "forekomst" and form(0, "forekomst") == "forekomster"
    assert count(1, "gang", "gange") == "1 gang" and count(12, "gang", "gange") == "12 gange"
    with pytest.raises(KeyError, match="unknown noun"):
        antal(2, "skrivelse")


def test_join_capitalize_and_dates():
    assert join(["a", "b", "c"]) == "a, b og c" and join(["a"]) == "a" and join([]) == ""
    assert join(["a", "b"], "eller") == "a eller b"
    assert capitalize("ét dokument") == "Ét dokument"
    assert da_date(date(2026, 11, 28)) == "28. november 2026" and da_date(None) == ""


def test_a_sentence_becomes_a_clause_after_fordi():
    from aktindsigt.core.danish import as_clause

    assert as_clause("Sagen omfatter dokumenter fra flere afdelinger.") == "sagen omfatter dokumenter fra flere " \
                                                                        "afdelinger."
    assert as_clause("Vi venter på en udtalelse") == "vi venter på en udtalelse"
    assert as_clause("  Der mangler en høring") == "der mangler en høring"
    for kept in ("Ankestyrelsen har bedt om sagen", "KL har ikke svaret", "Sønderborg Forsyning skal høres",
                 "vi skal høre en tredjepart", ""):
        assert as_clause(kept) == kept.strip()
