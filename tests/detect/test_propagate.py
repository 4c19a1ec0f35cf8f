from aktindsigt.core.model import EntityType
from aktindsigt.detect.propagate import KnownEntity, entity_key, propagate

METTE = KnownEntity("Mette Hansen", EntityType.PERSON)


def occ(texts, *ents):
    return propagate(texts, ents)


def test_full_name_case_insensitive_and_genitive():
    text = "Mette Hansen kom. METTE HANSEN skrev. Mette Hansens datter. mette hansen's hund."
    found = occ([text], METTE)
    assert [o.text for o in found] == ["Mette Hansen", "METTE HANSEN", "Mette Hansens", "mette hansen's"]
    assert {o.entity_key for o in found} == {entity_key("Mette Hansen", EntityType.PERSON)}
    assert all(text[o.start : o.end] == o.text for o in found)


def test_initial_surname_and_partial_names_in_same_document():
    text = "Brev fra Mette Hansen. M. Hansen oplyser, at Mettes søn bor hos Hansen."
    found = {(o.text, o.form) for o in occ([text], METTE)}
    assert ("M. Hansen", "initial") in found
    assert ("Mettes", "first") in found
    assert ("Hansen", "surname") in found


def test_partial_names_need_the_full_name_in_the_document():
    docs = ["Mette Hansen er part.", "Hansen ringede. Mette ringede også."]
    found = occ(docs, METTE)
    assert {o.doc for o in found} == {0}


def test_line_break_and_hyphenation():
    text = "Sagen angår Mette\nHansen og senere Mette Han-\nsen igen."
    found = occ([text], METTE)
    assert len([o for o in found if o.form in ("full", "genitive")]) == 2


def test_numbers_in_any_grouping():
    docs = {"a": "CPR 010203-1234", "b": "cpr 0102031234 og 01 02 03 12 34", "c": "tlf +45 22 34 56 78"}
    found = occ(docs, KnownEntity("010203-1234", EntityType.CPR), KnownEntity("22345678", EntityType.PHONE))
    cpr = [o for o in found if o.entity_type == EntityType.CPR]
    assert [o.doc for o in cpr] == ["a", "b", "b"]
    assert len({o.entity_key for o in cpr}) == 1
    phone = [o for o in found if o.entity_type == EntityType.PHONE]
    assert phone[0].text == "+45 22 34 56 78"
    assert phone[0].entity_key == entity_key("+45 22345678", EntityType.PHONE)


def test_ambiguous_surname_goes_to_nearest_full_name():
    text = "Mette Hansen og Jens Hansen. Jens Hansen sagde, at Hansen ikke kom."
    found = occ([text], METTE, KnownEntity("Jens Hansen", EntityType.PERSON))
    lone = [o for o in found if o.form == "surname"]
    assert len(lone) == 1 and lone[0].ambiguous
    assert lone[0].entity_key == entity_key("Jens Hansen", EntityType.PERSON)


def test_other_text_entities_and_no_partial_words():
    text = "Adressen Vestergade 3, 8000 Aarhus C. Vestergade 30 er en anden."
    found = occ([text], KnownEntity("Vestergade 3", EntityType.ADDRESS))
    assert [o.text for o in found] == ["Vestergade 3"]
    assert not occ(["Hansensvej 3"], METTE)
