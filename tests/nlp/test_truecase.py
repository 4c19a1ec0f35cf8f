"""Text without case information shown to the model as a Dane would write it (#13)."""

import pytest

from aktindsigt.nlp.truecase import caseless, truecase


def test_a_text_with_ordinary_capitals_is_left_alone():
    text = "Kære Signe\n\nVi har modtaget din ansøgning om hjælp, og sagen er sendt til Aarhus Kommune."
    assert caseless(text) is None
    assert truecase(text) is text


def test_a_lower_case_text_gets_capitals_on_names_and_sentence_starts_only():
    text = ("hej\n\njeg skriver om min søn aputsiaq ulloriaq, som går i 3. klasse. hans lærer har sagt, at "
            "vi skal betale 200 kr. per måned til holst aps. skriv til ivalo.nuka@mail.dk eller se "
            "www.kommune.dk/sag.\n\nmvh ivalo nuka")
    out = truecase(text)
    assert len(out) == len(text) and out.lower() == text.lower()
    assert "Aputsiaq Ulloriaq" in out and "Ivalo Nuka" in out
    assert "hans lærer" in out and "per måned" in out  # words that are also first names
    assert "Holst ApS" in out
    assert "ivalo.nuka@mail.dk" in out and "www.kommune.dk/sag" in out  # addresses as written
    assert out.startswith("Hej\n\nJeg skriver om min søn")


def test_only_the_lower_case_paragraph_of_a_mail_thread_is_changed():
    reply = "ok tak, jeg kommer på tirsdag sammen med min datter pipaluk og hendes far."
    quoted = "Kære Ivalo\n\nDu er indkaldt til et møde på tirsdag kl. 10 på rådhuset.\n\nMed venlig hilsen\nSagsbehandleren"
    text = reply + "\n\n" + quoted
    out = truecase(text)
    assert out.endswith(quoted)
    assert "Pipaluk" in out[: len(reply)]


@pytest.mark.parametrize("text", ["SAGSNUMMER 2024-1234 AFGØRELSE OM HJÆLP TIL MERUDGIFTER FOR IVALO KROG",
                                  "ok", "hej signe"])
def test_capitals_and_short_texts_are_read_as_written(text):
    assert truecase(text) == text


def test_the_sharp_s_and_other_letters_keep_their_offsets():
    text = "vi har talt med herr straßburger og fru øzdemir om sagen i går, og de kommer igen i morgen."
    out = truecase(text)
    assert len(out) == len(text)
    assert "Øzdemir" in out
