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
    assert ("M. Hansen", "initials") in found
    assert ("Mettes", "first") in found
    assert ("Hansen", "surname") in found


def test_partial_names_reach_other_documents_of_the_case():
    """Case-level name memory: the first name or the surname alone in a document that does not name
    the person in full is found too (the case ties it to the one person of that name)."""
    docs = ["Mette Hansen er part.", "Hansen ringede. Senere ringede Mette også."]
    found = occ(docs, METTE)
    assert {(o.doc, o.text, o.form) for o in found if o.doc == 1} == {(1, "Hansen", "surname"), (1, "Mette", "first")}


def test_a_shared_part_needs_one_of_its_owners_in_the_document():
    docs = ["Mette Hansen og Jens Hansen er forældre.", "Hansen ringede."]
    found = occ(docs, METTE, KnownEntity("Jens Hansen", EntityType.PERSON))
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


# --- case-level name memory (#13): names that are in no run-time list ---------------------------------

TIRVALD = KnownEntity("Tirvald Okkerstrøm", EntityType.PERSON)


def _forms(docs, *ents):
    return {(o.doc, o.normalised, o.form) for o in propagate(docs, ents)}


def test_first_name_surname_possessive_and_initials_in_every_document():
    docs = ["Tirvald Okkerstrøm søger om hjælp.",
            "Tirvald ringede igen. Okkerstrøms datter var med. T. Okkerstrøm underskrev. TIRVALDS bror kom."]
    got = _forms(docs, TIRVALD)
    assert {(1, "Tirvald", "first"), (1, "Okkerstrøms", "surname"), (1, "T. Okkerstrøm", "initials"),
            (1, "TIRVALDS", "first")} <= got


def test_middle_names_and_initials_extend_the_span():
    docs = ["Tirvald Okkerstrøm", "Tirvald Bjalme Quist Okkerstrøm og Tirvald B. Okkerstrøm mødte op, "
                                  "og P. Okkerstrøm (broren) også."]
    got = _forms(docs, TIRVALD)
    assert (1, "Tirvald Bjalme Quist Okkerstrøm", "name") in got
    assert (1, "Tirvald B. Okkerstrøm", "name") in got
    assert (1, "P. Okkerstrøm", "initials") in got


def test_a_surname_that_is_an_ordinary_word_needs_a_person_context():
    known = KnownEntity("Ulvhild Bager", EntityType.PERSON)
    docs = ["Ulvhild Bager klager over naboen.",
            "Vi har talt med en bager om sagen. Bager er et fag.",
            "Kære Bager, tak for dit brev. Fru Bager ringede. Med venlig hilsen\nBager"]
    got = _forms(docs, known)
    assert not {f for f in got if f[0] == 1}
    assert len([o for o in propagate(docs, [known]) if o.doc == 2 and o.normalised == "Bager"]) == 3


def test_the_name_inside_an_e_mail_address_and_a_url():
    docs = ["Brev fra Tirvald Okkerstrøm.",
            "Svar til tirvald.okkerstroem@mail.dk og tokk@mail.dk; se www.facebook.com/tirvaldokkerstrom"]
    got = _forms(docs, TIRVALD)
    assert (1, "tirvald.okkerstroem", "email") in got
    assert (1, "tirvaldokkerstrom", "email") in got
    # the initials alone as an address only where the document names the person: not here
    assert not any(f[2] == "acronym" for f in got)
    docs[1] = "Tirvald Okkerstrøm skriver fra tok@mail.dk."
    assert (1, "tok", "acronym") in _forms(docs, TIRVALD)


def test_never_a_substring_of_another_word():
    got = _forms(["Else Quistgaard er ansat.", "Godkendelse af ELSEBETH og Quistgaards-vej."],
                 KnownEntity("Else Quistgaard", EntityType.PERSON))
    assert not {f for f in got if f[0] == 1}


def test_propagation_is_one_pass_per_document_and_can_be_cancelled():
    ents = [KnownEntity(f"Person{i} Efternavn{i}", EntityType.PERSON) for i in range(2000)]
    docs = [f"Person{i} Efternavn{i} og Efternavn{i + 1}" for i in range(300)]
    seen = []
    out = propagate(docs, ents, progress=lambda k, n: seen.append((k, n)))
    assert seen[-1] == (300, 300) and len({o.doc for o in out}) == 300
    from aktindsigt.detect.propagate import propagate_iter

    calls = iter(range(10_000))
    got = list(propagate_iter(docs, ents, cancelled=lambda: next(calls) > 310))
    assert 0 < len(got) < 300  # stopped between documents, what was found so far is kept by the caller


def test_a_first_name_followed_by_another_surname_is_another_person():
    docs = ["Borgeren Tirvald Okkerstrøm bor her.",
            "Notatet er skrevet af Tirvald Jensen. Senere ringede Tirvald igen, og Tirvald B. Okkerstrøm kom."]
    occ = [(o.normalised, o.form) for o in propagate(docs, [TIRVALD]) if o.doc == 1]
    assert occ == [("Tirvald", "first"), ("Tirvald B. Okkerstrøm", "name")]  # not the Tirvald of "Tirvald Jensen"


def test_an_ordinary_word_surname_after_a_staff_title_a_signature_or_its_own_first_name():
    """Case-level memory (#13) for a surname that the case also uses as an ordinary word: a staff
    title ("Socialrådgiver Fisker"), a signature after a blank line, and the person's own first name
    with a middle name the case never saw ("Ulvhild Marie Fisker") are person contexts."""
    from aktindsigt.detect.person_filter import is_known_name
    from aktindsigt.nlp.features import name_flags

    assert not any(is_known_name(w) or name_flags(w) for w in ("Ulvhild", "Fisker", "Vinter"))
    known = KnownEntity("Ulvhild Fisker", EntityType.PERSON)
    docs = ["Ulvhild Fisker klager over naboen.",
            "Han arbejder som fisker. Socialrådgiver Fisker ringede, og pædagog Fisker kom.\n"
            "Med venlig hilsen\n\nFisker",
            "Ulvhild Marie Fisker mødte op. Fisker er et fag."]
    got = [(o.doc, o.text, o.form) for o in propagate(docs, [known])]
    assert [g for g in got if g[0] == 1] == [(1, "Fisker", "surname")] * 3
    assert [g for g in got if g[0] == 2] == [(2, "Ulvhild Marie Fisker", "name")]
    # the neighbour must be the person's own part, not an ordinary word of the case itself
    docs2 = ["Bager Vinter klager.", "Der er vinter. En bager kom, og Bager Vinter ringede igen. Bager Vinter."]
    got2 = [(o.doc, o.text) for o in propagate(docs2, [KnownEntity("Bager Vinter", EntityType.PERSON)])]
    assert got2 == [(0, "Bager Vinter"), (1, "Bager Vinter"), (1, "Bager Vinter")]


def test_a_one_word_name_written_as_a_word_is_the_word():
    """A person known by one word that is also a Danish word ("Liv", "Nord"): written with a capital it is the
    person everywhere, in lower case in a text that uses capitals it is the word ("livet", "fra nord"); a text
    written wholly in lower case keeps it (it has no capitals to tell)."""
    liv = KnownEntity("Liv", EntityType.PERSON)
    text = "Liv ringede i går. Hun sagde, at hendes liv er svært. Vinden kom fra nord. Liv kommer igen."
    assert [o.text for o in occ([text], liv)] == ["Liv", "Liv"]
    assert [o.text for o in occ(["hej liv, tak for sidst"], liv)] == ["liv"]
    # a first name that is no Danish word stays a name in lower case ("hej mette," in a mail that uses capitals)
    mette = KnownEntity("Mette", EntityType.PERSON)
    assert [o.text for o in occ(["Tak for mødet. hej mette, vi ses. Mette kommer."], mette)] == ["mette", "Mette"]
    # a name of two words keeps its lower-case form (an e-mail written in lower case, a form)
    assert [o.text for o in occ(["Brev fra mette hansen om Mette Hansen."], METTE)] == ["mette hansen",
                                                                                       "Mette Hansen"]
