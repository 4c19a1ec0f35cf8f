"""verify(): fails closed, never leaks the strings it looks for, JSON report."""

from __future__ import annotations

import importlib
import json

import pymupdf

from aktindsigt.redact import verify
from aktindsigt.redact.textnorm import CharUnit, Haystack, find_in_units, needle_forms

# the package exports the function ``verify``; the module itself is needed for monkeypatching
verify_module = importlib.import_module("aktindsigt.redact.verify")


def _pdf(tmp_path, text="Borgeren Jens Hansen, CPR 010203-1234"):
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text)
    p = tmp_path / "x.pdf"
    doc.save(p, garbage=4)
    return p


def test_finds_leaks_in_every_text_route(tmp_path):
    rep = verify(_pdf(tmp_path), ["hansen", "0102031234"])
    assert not rep.passed
    for route in ("text:text", "text:words", "text:rawchars", "text:blocks", "raw_objects"):
        assert not rep.check(route).passed, route
    assert "hansen" not in rep.to_json().lower()
    assert "0102031234" not in rep.to_json()


def test_clean_file_passes_and_survivors_checked(tmp_path):
    p = _pdf(tmp_path, "Intet at se her")
    assert verify(p, ["Hansen"], ["Intet at se"]).passed
    rep = verify(p, ["Hansen"], ["Mangler helt"])
    assert not rep.passed and not rep.check("surviving_text").passed


def test_exception_in_a_check_is_a_failure(tmp_path, monkeypatch):
    def boom(doc, terms):
        raise RuntimeError("kaput")

    monkeypatch.setattr(verify_module, "_check_outline", boom)
    rep = verify(_pdf(tmp_path, "ok"), ["Hansen"])
    assert not rep.passed
    c = rep.check("outline")
    assert c.status == "error" and not c.passed


def test_unreadable_file_fails(tmp_path):
    p = tmp_path / "bad.pdf"
    p.write_bytes(b"not a pdf")
    assert not verify(p, ["x"]).passed


def test_missing_tesseract_fails_closed_unless_allowed(tmp_path, monkeypatch):
    doc = pymupdf.open()
    page = doc.new_page()
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 20, 20), False)
    page.insert_image(pymupdf.Rect(72, 72, 92, 92), pixmap=pix)
    p = tmp_path / "img.pdf"
    doc.save(p)
    monkeypatch.setattr(verify_module, "tesseract_status", lambda *a: (False, "Tesseract er ikke installeret"))
    rep = verify(p, ["Hansen"], ocr_pages=[1])
    c = rep.check("ocr")
    assert c.status == "not_run" and not c.passed and not rep.passed
    rep = verify(p, ["Hansen"], ocr_pages=[1], require_ocr=False)
    assert rep.check("ocr").status == "not_run" and rep.passed


def test_incremental_history_detected(tmp_path):
    p = _pdf(tmp_path, "Hej")
    doc = pymupdf.open(p)
    doc[0].insert_text((72, 100), "mere")
    doc.saveIncr()
    doc.close()
    rep = verify(p, ["Hansen"])
    assert not rep.check("single_revision").passed


def test_report_json_roundtrip(tmp_path):
    rep = verify(_pdf(tmp_path, "ok"), ["Hansen"])
    out = tmp_path / "r.json"
    rep.write(out)
    data = json.loads(out.read_text("utf-8"))
    assert data["passed"] is True and data["checks"] and data["terms"][0]["ref"].startswith("term #1")


def test_normalisation():
    hay = Haystack("Sagen om HAN-\nSEN og cpr 010203 1234 samt 0102031234.")
    assert hay.contains("Hansen")
    assert hay.contains("010203-1234")
    assert Haystack("J e n s  H a n s e n").contains("Jens Hansen")
    assert not Haystack("Olsen").contains("Hansen")
    assert "0102031234" in needle_forms("010203-1234")


def test_find_in_units_hyphenation_and_case():
    text = [("Han-", 1), ("sen", 2)]
    units = []
    x = 0.0
    for word, line in text:
        for c in word:
            units.append(CharUnit(c, (x, line * 10, x + 5, line * 10 + 8), (0, line)))
            x += 5
    hits = find_in_units(units, "HANSEN")
    assert len(hits) == 1
    assert {units[i].c for i in hits[0]} == set("Hansen")


def test_a_capitalised_word_term_is_not_looked_for_at_its_lower_case_use(tmp_path):
    """verify(word_like=...) applies the case rule of core.matching: "Tom" withheld, "klinisk tom." kept."""
    words = {"tom"}.__contains__
    kept = _pdf(tmp_path, "Rummet var klinisk tom. Det var Udvalget")
    assert verify(kept, [("Tom", "PERSON")], word_like=words).passed
    assert not verify(kept, [("Tom", "PERSON")]).passed  # without the rule: every occurrence counts
    leaked = _pdf(tmp_path, "Rummet var tomt. Tom kom senere")
    rep = verify(leaked, [("Tom", "PERSON")], word_like=words)
    assert not rep.passed and not rep.check("text:text").passed and not rep.check("raw_objects").passed


def test_near_words_is_levenshtein_within_one():
    import random

    def lev1(a, b):  # the plain definition, as an oracle
        if a == b:
            return True
        if abs(len(a) - len(b)) > 1:
            return False
        if len(a) == len(b):
            return sum(x != y for x, y in zip(a, b, strict=True)) == 1
        short, long_ = sorted((a, b), key=len)
        return any(long_[:k] + long_[k + 1:] == short for k in range(len(long_)))

    rng = random.Random(5)
    alphabet = "aeknrsø"
    for _ in range(300):
        words = ["".join(rng.choice(alphabet) for _ in range(rng.randint(5, 8))) for _ in range(rng.randint(1, 6))]
        near = verify_module._NearWords(words)
        for _ in range(20):
            s = rng.choice(words)
            k = rng.randrange(len(s))
            s = rng.choice([s, s[:k] + s[k + 1:], s[:k] + rng.choice(alphabet) + s[k:], s[:k] + rng.choice(
                alphabet) + s[k + 1:], "".join(rng.choice(alphabet) for _ in range(len(s)))])
            assert near.within_one(s) == any(lev1(s, w) for w in words), (s, words)


def test_needles_say_what_the_haystack_says_for_each_term():
    """textnorm.Needles (one automaton for many terms, used for links, outline titles and URI actions) finds a
    term in a text exactly when Haystack.contains finds it."""
    from aktindsigt.redact.textnorm import Needles

    terms = ["Anne Kjeldsen", "010203-1234", "Kløvermarksvej 3", "Else", "37 62 01 97", "E-mail-adressen"]
    texts = ["mailto:anne.kjeldsen@mail.dk", "Godkendelse", "CPR 0102031234", "ring 37620197", "Kløver-\nmarksvej 3",
             "https://x.dk/?q=anne_kjeldsen", "intet her", "", "e-mailadressen", "ANNE  KJELDSEN"]
    for text in texts:
        hay = Haystack(text)
        assert Needles(terms).in_text(text) == any(hay.contains(t) for t in terms), text
        for t in terms:
            assert Needles([t]).in_text(text) == hay.contains(t), (t, text)
            assert Needles([], also=Needles([t])).in_text(text) == hay.contains(t), (t, text)
    assert not Needles([]).in_text("Anne Kjeldsen") and not Needles(["  "])
