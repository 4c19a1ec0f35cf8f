"""The requester's own data under own-data regimes: matching, sensitive sentences, proposals."""

from __future__ import annotations

from dataclasses import dataclass, replace

from aktindsigt.core.model import EntityType, Regime, RequesterIdentifiers
from aktindsigt.detect.allowlist import Allowlist
from aktindsigt.detect.requester import (
    RequesterMatcher,
    from_requester,
    own_data_adjust,
    propose,
    requester_form,
)


@dataclass(frozen=True)
class D:
    entity_type: EntityType
    start: int
    end: int
    text: str
    preselected: bool = True


IDS = RequesterIdentifiers(cpr=["120384-1734"], phones=["22 33 44 55"], emails=["mette.k@example.com"],
                           accounts=["1234 0012345678"], addresses=["Skovvej 14, 6400 Sønderborg"])


def test_every_name_part_and_identifier_of_the_requester_is_own():
    m = RequesterMatcher.build(IDS, "Mette Kristensen")
    for et, text in ((EntityType.PERSON, "Mette Kristensen"), (EntityType.PERSON, "Mette"),
                     (EntityType.PERSON, "Kristensens"), (EntityType.PERSON, "M. Kristensen"),
                     (EntityType.PERSON, "METTE KRISTENSEN"), (EntityType.CPR, "1203841734"),
                     (EntityType.PHONE, "+45 22334455"), (EntityType.EMAIL, "Mette.K@example.com"),
                     (EntityType.EMAIL, "mette.kristensen@gmail.com"),  # a local part made of her name
                     (EntityType.BANK_ACCOUNT, "reg.nr. 1234 kontonr. 0012345678"), (EntityType.ADDRESS, "Skovvej 14")):
        assert m.is_own(et, text), (et, text)
    for et, text in ((EntityType.PERSON, "Mette Hansen"), (EntityType.PERSON, "Oliver Kristensen"),
                     (EntityType.CPR, "120384-1735"), (EntityType.EMAIL, "jens@example.com"),
                     (EntityType.BANK_ACCOUNT, "1234 0099999999"), (EntityType.PHONE, "22334456")):
        assert not m.is_own(et, text), (et, text)


def test_allowlist_keeps_the_requesters_data_only_in_own_data_regimes():
    for regime in (Regime.OFL8, Regime.FVL9, Regime.GDPR15):
        a = Allowlist()
        assert a.add_requester(IDS, regime, "Mette Kristensen")
        assert a(EntityType.PERSON, "Mette") and a(EntityType.BANK_ACCOUNT, "1234-0012345678")
    for regime in (Regime.OFL7, Regime.MOL):
        a = Allowlist()
        assert not a.add_requester(IDS, regime, "Mette Kristensen")
        assert not a(EntityType.CPR, "120384-1734") and not a(EntityType.PERSON, "Mette Kristensen")


def test_sensitive_sentences_about_the_requester_are_not_suggested():
    m = RequesterMatcher.build(IDS, "Mette Kristensen")
    text = ("Mette Kristensen har fået bevilget 17.500 kr. årligt. "
            "Naboen Jens Hansen er i behandling for alkoholmisbrug. "
            "Funktionsnedsættelsen er varig og indgribende.")
    s1 = D(EntityType.SENSITIVE, 0, 49, text[0:49])
    jens = text.index("Jens Hansen")
    s2 = D(EntityType.SENSITIVE, 50, 106, text[50:106])
    s3 = D(EntityType.SENSITIVE, 107, len(text), text[107:])
    dets = [D(EntityType.PERSON, 0, 16, "Mette Kristensen", False), s1,
            D(EntityType.PERSON, jens, jens + 11, "Jens Hansen", False), s2, s3]
    out = own_data_adjust(dets, m)
    assert [d.text for d in out] == ["Jens Hansen", s2.text, s3.text]  # hers dropped; the neighbour's kept
    assert out[1].preselected is True and out[2].preselected is False  # nobody named: the caseworker decides
    # what the requester wrote herself is hers
    assert own_data_adjust([s2, s3], m, by_requester=True) == []


def test_a_document_from_the_requester():
    m = RequesterMatcher.build(IDS, "Mette Kristensen")
    assert from_requester("Mette Kristensen <mette.k@example.com>", m)
    assert from_requester("mette.k@example.com", m)
    assert not from_requester("Jens Hansen <jens@example.com>", m)
    assert not from_requester("Mette", m)  # a first name alone is not enough for a sender


def test_propose_takes_the_block_after_ansoger_but_not_other_labels():
    text = ("Ansøgning\nAnsøger: Mette Kristensen\nCPR-nr.: 120384-1734\nTlf.: 22 33 44 55\n"
            "Reg.nr. og kontonr.: 1234 0012345678\nBarnets CPR-nr.: 010115-1234\n\n"
            "Naboen Jens Hansen, tlf. 33 44 55 66, har klaget.")
    dets = []
    for et, value in ((EntityType.CPR, "120384-1734"), (EntityType.PHONE, "22 33 44 55"),
                      (EntityType.BANK_ACCOUNT, "1234 0012345678"), (EntityType.CPR, "010115-1234"),
                      (EntityType.PHONE, "33 44 55 66")):
        i = text.index(value)
        dets.append(D(et, i, i + len(value), value))
    found = propose({1: text}, {1: dets}, RequesterIdentifiers(), "Mette Kristensen", labels={1: 7})
    assert [(c.entity_type, c.value, c.documents) for c in found] == [
        (EntityType.BANK_ACCOUNT, "1234 0012345678", (7,)), (EntityType.CPR, "120384-1734", (7,)),
        (EntityType.PHONE, "22 33 44 55", (7,))]
    assert found[0].field == "accounts"
    # already entered: not proposed again
    again = propose({1: text}, {1: dets}, RequesterIdentifiers(cpr=["120384-1734"]), "Mette Kristensen")
    assert EntityType.CPR not in {c.entity_type for c in again}


def test_first_person_sentences_in_the_requesters_own_form_are_hers():
    """Her application ("Ansøger: Mette Kristensen") says "Jeg søger ..., fordi min søn ...": her own words, not
    suggested; the same sentence in a letter to her, or a sentence naming someone else, is judged as before."""
    m = RequesterMatcher.build(IDS, "Mette Kristensen")
    form = "Ansøgning\nAnsøger: Mette Kristensen\nCPR-nr.: 120384-1734\n\nJeg søger, fordi min søn har angst."
    assert requester_form(form, m)
    assert not requester_form("Til: Mette Kristensen\nVi har bevilget ...", m)  # a letter to her
    assert not requester_form("Ansøger: Jens Hansen\nJeg søger ...", m)  # someone else's application
    assert not requester_form("Ansøger: Mette\n", m)  # a first name alone does not make it hers
    own = D(EntityType.SENSITIVE, 0, 33, "Jeg søger, fordi min søn har angst.")
    third = D(EntityType.SENSITIVE, 40, 80, "Drengen har angst og går til psykolog.")
    assert own_data_adjust([own, third], m, form=True) == [replace(third, preselected=False)]
    assert own_data_adjust([own], m, form=False) == [replace(own, preselected=False)]
    # a first-person sentence that names another person is still suggested
    jens = D(EntityType.SENSITIVE, 90, 140, "Jeg har hørt, at Jens Hansen drikker.")
    person = D(EntityType.PERSON, 107, 118, "Jens Hansen", False)
    assert own_data_adjust([person, jens], m, form=True) == [person, jens]
