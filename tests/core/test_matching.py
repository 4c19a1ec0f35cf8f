"""One matcher for all values of a case: word boundaries, possessives, numbers, e-mail forms."""

from __future__ import annotations

from aktindsigt.core.matching import CaseMatcher, value_key
from aktindsigt.core.model import EntityType as E
from aktindsigt.core.textview import TextView


def found(values, text):
    m = CaseMatcher(values)
    view = TextView.build(text, soft_lines=True)
    return {(view.text[h.start:h.end], h.form) for h in m.find(view)}


def test_never_inside_another_word():
    assert found([("Else", E.PERSON), ("Hans", E.MANUAL)], "Godkendelse af Hansens sag. Elsebeth kom.") == set()
    assert found([("Hans", E.MANUAL)], "Hans' bil og Hanss sag") == {("Hans", "full"), ("Hanss", "full")}
    assert CaseMatcher([("Else", E.MANUAL)]).present("Godkendelsen er givet") == set()
    assert CaseMatcher([("Else", E.MANUAL)]).present("Hej Else,") == {0}


def test_possessive_case_and_wrapping():
    hits = found([("Tirvald Okkerstrøm", E.PERSON)],
                 "TIRVALD OKKERSTRØM skrev. Tirvald\nOkkerstrøms mor og Tirvald Okkerstrøm's far.")
    assert {t for t, f in hits if f == "full"} == {"TIRVALD OKKERSTRØM", "Tirvald Okkerstrøms", "Tirvald Okkerstrøm's"}


def test_numbers_in_any_grouping_and_with_plus45():
    m = CaseMatcher([("61 22 45 87", E.PHONE), ("010203-1234", E.CPR)])
    view = TextView.build("Tlf. 61224587, +45 61 22 45 87, 6122-4587 og (+45) 61.22.45.87. CPR 0102031234. "
                          "Konto 961224587 og 6122458700 er andre numre.")
    got = [view.text[h.start:h.end] for h in m.find(view)]
    assert got == ["61224587", "+45 61 22 45 87", "6122-4587", "(+45) 61.22.45.87", "0102031234"]
    assert value_key("+45 61 22 45 87", E.PHONE) == value_key("6122-4587", E.PHONE) == "PHONE:61224587"


def test_a_person_in_e_mail_addresses_urls_and_initials():
    hits = found([("Anne Marie Kjeldsen", E.PERSON)],
                 "mailto:anne.kjeldsen@mail.dk, akj@kommune.dk, https://facebook.com/annekjeldsen, "
                 "A. M. Kjeldsen og A. Kjeldsen og Anne Kjeldsen.")
    assert ("anne.kjeldsen", "email") in hits
    assert ("annekjeldsen", "email") in hits
    assert ("akj", "acronym") in hits
    assert ("A. M. Kjeldsen", "initials") in hits and ("A. Kjeldsen", "initials") in hits
    assert ("Anne Kjeldsen", "name") in hits


def test_present_finds_letter_spaced_text_but_only_on_word_boundaries():
    m = CaseMatcher([("Mette Hansen", E.PERSON), ("37 62 01 97", E.PHONE)], related=False)
    assert m.present("M E T T E   H A N S E N") == {0}
    assert m.present("Ring 37620197") == {1}
    assert m.present("Ring 37 62 01\n97") == {1}
    assert m.present("xmettehansenx") == set()
    assert m.present("Mette Hansensvej 4") == set()


def test_a_value_that_is_also_a_word_is_not_found_at_its_lower_case_use_in_a_cased_text():
    words = {"rose", "skov"}.__contains__  # stands in for the lemma table the detector passes

    def hits(values, text):
        m = CaseMatcher(values, related=False, word_like=words)
        view = TextView.build(text, soft_lines=True)
        return [view.text[h.start:h.end] for h in m.find(view)], m.present(text)

    assert hits([("Rose", E.PERSON)], "Udvalget rose hende. Senere kom Rose.") == (["Rose"], {0})
    assert hits([("Rose", E.PERSON)], "Udvalget rose hende.") == ([], set())
    assert hits([("Rose", E.PERSON)], "hilsen rose") == (["rose"], {0})  # a text wholly in lower case
    assert hits([("Rose", E.PERSON)], "Skriv til rose@mail.dk i dag.") == (["rose"], {0})  # an address
    assert hits([("Rose", E.PERSON)], "(Udvalget rose)Tj/F1 9 Tf") == ([], set())  # a PDF stream: no address
    assert hits([("Rose", E.PERSON)], "ROSE KOM") == (["ROSE"], {0})
    assert hits([("Roses", E.PERSON)], "Hun rose ham") == ([], set())
    # a name that is no word, a value in lower case or of two words: every occurrence, however cased
    assert hits([("Mette", E.PERSON)], "Hej mette.") == (["mette"], {0})
    assert hits([("rose", E.MANUAL)], "Hun rose ham. Rose kom.") == (["rose", "Rose"], {0})
    assert hits([("Rose Skov", E.PERSON)], "Hej rose skov.") == (["rose skov"], {0})
    # without the word test (the default) every occurrence is found
    assert CaseMatcher([("Rose", E.PERSON)], related=False).present("Udvalget rose hende.") == {0}
    # letter-spaced: the same rule
    m = CaseMatcher([("Skov", E.PERSON)], related=False, word_like=words)
    assert m.present("I en s k o v. Mødet") == set() and m.present("Hej S k o v, tak") == {0}
