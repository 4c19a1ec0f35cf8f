from aktindsigt.core.model import EntityType, Regime, RequesterIdentifiers
from aktindsigt.detect.allowlist import Allowlist, Employee
from aktindsigt.detect.engine import DetectionEngine

CSV = "navn;initialer;titel;email;telefon\nKarsten Mikkelsen;KMI;Sagsbehandler;kmi@aarhus.dk;+45 87 13 00 00\n"


def test_employees_from_csv(tmp_path):
    f = tmp_path / "medarbejdere.csv"
    f.write_bytes(CSV.encode("utf-8-sig"))
    a = Allowlist()
    assert a.add_employees_csv(f) == 1
    assert a(EntityType.PERSON, "Karsten Mikkelsen")
    assert a(EntityType.PERSON, "KARSTEN MIKKELSEN")
    assert a(EntityType.PERSON, "Karsten Mikkelsens")
    assert a(EntityType.EMAIL, "KMI@aarhus.dk")
    assert a(EntityType.PHONE, "87130000")
    assert not a(EntityType.PERSON, "Mette Hansen")


def test_csv_text_with_commas_and_english_headers():
    a = Allowlist()
    assert a.add_employees_csv("Name,Initials,Title,Email,Phone\nOle Bo,OB,Leder,ob@k.dk,22334455\n") == 1
    assert a(EntityType.PHONE, "22 33 44 55")


def test_politicians_and_municipality():
    a = Allowlist()
    a.add_politician("Anders Borgmester")
    a.add_municipality(names=["Aarhus Kommune"], addresses=["Rådhuspladsen 2, 8000 Aarhus C"])
    assert a(EntityType.PERSON, "Anders Borgmester")
    assert a(EntityType.ORGANIZATION, "Aarhus Kommune")
    assert a(EntityType.ADDRESS, "Rådhuspladsen 2, 8000 Aarhus C")
    assert a(EntityType.ADDRESS, "Rådhuspladsen 2")
    assert not a(EntityType.ADDRESS, "Vestergade 3")


def test_requester_only_under_own_data_regimes():
    ids = RequesterIdentifiers(cpr=["010203-1234"], names=["Mette Hansen"], phones=["22345678"],
                               emails=["mette@x.dk"], addresses=["Vestergade 3, 8000 Aarhus C"])
    a = Allowlist()
    assert not a.add_requester(ids, Regime.OFL7)
    assert not a(EntityType.CPR, "010203-1234")
    for regime in (Regime.OFL8, Regime.FVL9):
        b = Allowlist()
        assert b.add_requester(ids, regime)
        assert b(EntityType.CPR, "0102031234")
        assert b(EntityType.PERSON, "Mette Hansen")
        assert b(EntityType.PHONE, "+45 22 34 56 78")
        assert b(EntityType.EMAIL, "Mette@x.dk")
        assert b(EntityType.ADDRESS, "Vestergade 3")
        assert not b(EntityType.CPR, "010203-4321")


def test_stop_list_from_resources():
    a = Allowlist.default()
    assert a(EntityType.PERSON, "Borgerservice")
    assert a(EntityType.ORGANIZATION, "Ankestyrelsen")
    assert not a(EntityType.PERSON, "Mette Hansen")


def test_plugs_into_engine(ruler_nlp):
    a = Allowlist.default()
    a.add_employee(Employee(name="Karsten Mikkelsen", phone="22 34 56 78"))
    eng = DetectionEngine(nlp=ruler_nlp, allow=a)
    dets = eng.analyze_text("Med venlig hilsen\nKarsten Mikkelsen\ntlf. 22 34 56 78\nMette Hansen, tlf. 33445566")
    assert {d.text for d in dets} == {"Mette Hansen", "33445566"}
    assert a.filter(dets) == dets


def test_stoplist_covers_the_genitive():
    from aktindsigt.core.model import EntityType
    from aktindsigt.detect.allowlist import Allowlist

    allow = Allowlist.default()
    assert allow.allows(EntityType.PERSON, "Ankestyrelsen")
    assert allow.allows(EntityType.PERSON, "Ankestyrelsens")
    assert allow.allows(EntityType.PERSON, "Sagsnr")
    assert not allow.allows(EntityType.PERSON, "Mette Hansens")
