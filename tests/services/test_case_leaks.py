"""Decided once, withheld everywhere: a value decided in one document is gone from every released file
of the case, however it is written there, and the case-level check proves it (or fails the file).

The fixtures are generated here (``aktindsigt.demo.leakcase`` lays the lines out itself, so a value is
wrapped exactly where a typesetter would wrap it).  The released files are read back by routes that
share nothing with ``redact.verify``: PyMuPDF page text and link targets, and every object and decoded
stream of the file through pikepdf."""

from __future__ import annotations

import contextlib
import json
import re
from datetime import date

import pikepdf
import pymupdf
import pytest

from aktindsigt.core.model import EntityType
from aktindsigt.demo.leakcase import LEFT, LeakPerson, PageWriter

P = LeakPerson(first="Tirvald", last="Okkerstrøm", phone="37 62 01 97", cpr="120385-4471", street="Kløvermarksvej",
               number=3, postcode="8000", town="Aarhus C", domain="mail.dk")
EMAIL = "tirvald.okkerstroem@mail.dk"
OTHER = "48 15 16 23"  # a number in the next table cell: must survive


def _write(path, build) -> None:
    w = PageWriter()
    build(w)
    w.flush()
    w.doc.save(path)
    w.doc.close()


def _forms(tmp_path):
    """(file name, what to look for afterwards, words that must survive) per form."""
    files = {}

    def plain(w):
        w.words(f"Borgeren {P.name} bor på {P.address} og kan træffes på telefon {P.phone}.")

    def wrap_line(w):
        w.wrapped("Ring til mig på", "37 62 01", "97 hvis der er noget.")

    def wrap_page(w):
        w.wrapped("Samtalen med", "Tirvald", "Okkerstrøm blev holdt i går.", page_break=True)

    def hyphen(w):
        w.wrapped("Familien er flyttet til", "Kløvermarks-", "vej 3 for nylig.")

    def caps(w):
        w.words("VEDRØRENDE TIRVALD OKKERSTRØM OG AFTALEN.")

    def possessive(w):
        w.words("Tirvald Okkerstrøms mor deltog i mødet.")

    def nosep(w):
        w.words("Mobilnummeret 37620197 er noteret.")

    def email(w):
        w.words(f"Svar sendes til {EMAIL} senest fredag.")

    def mailto(w):
        w.link("Skriv til familien her", f"mailto:{EMAIL}")

    def url(w):
        w.words("Opslaget står på https://www.facebook.com/tirvald.okkerstroem fra i går.")

    def table(w):
        w.table_row([(LEFT, "Mobil"), (LEFT + 70, P.phone), (LEFT + 170, "Fastnet"), (LEFT + 240, OTHER)])

    def first_alone(w):
        w.words("Senere på dagen ringede Tirvald igen.")

    plan = [("a_plain", plain, ["Borgeren"]), ("b_wrap_line", wrap_line, ["Ring", "noget"]),
            ("c_wrap_page", wrap_page, ["Samtalen", "holdt"]), ("d_hyphen", hyphen, ["flyttet", "nylig"]),
            ("e_caps", caps, ["AFTALEN"]), ("f_possessive", possessive, ["deltog"]), ("g_nosep", nosep, ["noteret"]),
            ("h_email", email, ["fredag"]), ("i_mailto", mailto, ["familien"]), ("j_url", url, ["Opslaget"]),
            ("k_table", table, ["Fastnet", OTHER]), ("l_first_alone", first_alone, ["ringede"])]
    for name, build, survive in plan:
        path = tmp_path / f"{name}.pdf"
        _write(path, build)
        files[name] = (path, survive)
    return files


def _routes(path) -> tuple[str, str]:
    """(page text and link targets by PyMuPDF, every string and decoded stream by pikepdf)."""
    with pymupdf.open(path) as doc:
        text = "\n".join(p.get_text() for p in doc)
        links = " ".join(str(link.get("uri", "")) for p in doc for link in p.get_links())
    raw: list[str] = []
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            raw.append(repr(obj)[:100_000])
            if isinstance(obj, pikepdf.Stream):
                with contextlib.suppress(pikepdf.PdfError):
                    raw.append(obj.read_bytes().decode("latin-1"))
    return text + "\n" + links, "\n".join(raw)


def _leaks(text: str) -> list[str]:
    flat = re.sub(r"\s+", " ", text.replace("-\n", "")).casefold()
    digits = re.sub(r"(?<=\d)[ .\-/]+(?=\d)", "", flat)
    found = [w for w in ("tirvald", "okkerstrøm", "okkerstroem", "kløvermarksvej", "kløvermarks") if w in flat]
    if "37620197" in digits:
        found.append("phone")
    return found


def test_decided_once_withheld_in_every_form(services, tmp_path):
    files = _forms(tmp_path)
    case = services.create_case("Sag", "Journalist", "ofl7", date(2026, 11, 2), case_number="AKT-2026-0100")
    services.import_paths(case.id, [p for p, _ in files.values()])
    docs = {d.title: d for d in services.case_detail(case.id).documents}
    plain = docs["a_plain"]
    # decided once, in one document: the name, the address and the phone number (selected there)
    for value in (P.name, P.address, P.phone):
        hit = next(h for h in services.search_case(case.id, value) if h.document_id == plain.id)
        services.redact_text(plain.id, hit.start, hit.end, "ofl30_1")
    # the same strings elsewhere are decided with it; a person's other forms wait in the same group
    pending = services.suggestions(case.id, status=None)
    person_key = "PERSON:tirvald okkerstrøm"
    related = [s for s in pending if s.entity_key == person_key and s.status.value == "pending"]
    assert {docs_by_id.title for docs_by_id in services.case_detail(case.id).documents
            if docs_by_id.id in {s.document_id for s in related}} == {"h_email", "j_url", "l_first_alone"}
    assert all(s.preselected and s.ground_id == "ofl30_1" for s in related)
    street = [s for s in pending if s.entity_key == "ADDRESS:kløvermarksvej 3, 8000 aarhus c"
              and s.status.value == "pending"]
    assert [s.normalised if hasattr(s, "normalised") else s.text for s in street] == ["Kløvermarksvej 3"]
    services.accept_group(case.id, person_key)
    services.accept_group(case.id, "ADDRESS:kløvermarksvej 3, 8000 aarhus c")

    result = services.redact_case(case.id, tmp_path / "ud")
    assert result.passed, [p for d in result.documents for p in d.problems]
    for name, (_path, survive) in files.items():
        red = next(d for d in result.documents if d.document.title == name)
        text, raw = _routes(red.path)
        assert not _leaks(text), (name, _leaks(text))
        assert not _leaks(raw), (name, "raw", _leaks(raw))
        for word in survive:
            assert word in text, (name, word)
    report = json.loads((tmp_path / "ud" / "revision" / "case_verification.json").read_text("utf-8"))
    assert report["passed"] and report["documents_checked"] == len(files) and report["values_withheld"] >= 3
    assert "okkerstr" not in json.dumps(report).casefold()


def test_a_missed_occurrence_fails_the_file_and_the_export(services, tmp_path, monkeypatch):
    """Propagation that misses one occurrence: the case-level check fails that file, export refuses."""
    import aktindsigt.detect.propagate as propagate
    from aktindsigt.services import ServiceError

    files = _forms(tmp_path)
    case = services.create_case("Sag", "Journalist", "ofl7", date(2026, 11, 2), case_number="AKT-2026-0101")
    services.import_paths(case.id, [files["a_plain"][0], files["b_wrap_line"][0], files["k_table"][0]])
    docs = {d.title: d for d in services.case_detail(case.id).documents}
    real = propagate._choose

    def miss_wrapped(key, view, hits, m, ordinary):
        out = real(key, view, hits, m, ordinary)
        return [o for o in out if "\n" not in o.text]  # the occurrence wrapped across a line is "missed"

    monkeypatch.setattr(propagate, "_choose", miss_wrapped)
    hit = next(h for h in services.search_case(case.id, P.phone) if h.document_id == docs["a_plain"].id)
    services.redact_text(docs["a_plain"].id, hit.start, hit.end, "ofl30_1")
    result = services.redact_case(case.id, tmp_path / "ud")
    assert not result.passed
    (failed,) = result.failed
    assert failed.document.title == "b_wrap_line" and failed.path is None
    assert "Akt 2, side 1: telefonnummer, som er undtaget i sagen, står uden overstregning" in failed.problems[0]
    # the file's own check says, in Danish, what kind of value it read and where (never the value)
    assert "Akt 2, side 1: telefonnummer kan stadig læses i filens tekst; filen er ikke udleveret." in failed.problems
    assert not [p for p in failed.problems if "text:" in p]
    assert not (tmp_path / "ud").exists()  # a failed redaction leaves nothing under --out
    report = result.case_report
    row = next(r for r in report["documents"] if r["akt_nr"] == 2)
    assert row["missed"] == [{"type": EntityType.PHONE.value, "page": 1}]
    assert "37 62" not in json.dumps(report)

    lead_svc = _lead(services)
    with pytest.raises(ServiceError, match="kontrollen af de overstregede filer fejlede"):
        lead_svc.export_bundle(case.id, tmp_path / "eksport", override_reason="Haster; tjeklisten er set igennem.")
    assert not list((tmp_path / "eksport").glob("AKT_*"))

    # the same from the command line: `case redact` fails that file (exit 1), `case export` refuses (exit 2)
    from typer.testing import CliRunner

    import aktindsigt.cli.common as common
    from aktindsigt.cli import app

    monkeypatch.setattr(common, "services_factory", lambda: lead_svc)
    monkeypatch.setenv("COLUMNS", "200")
    r = CliRunner().invoke(app, ["case", "redact", str(case.id), "--out", str(tmp_path / "ud2")])
    assert r.exit_code == 1 and "FEJLET" in r.output
    assert "står uden overstregning" in r.output + (r.stderr if r.stderr_bytes else "")
    r = CliRunner().invoke(app, ["case", "export", str(case.id), "--out", str(tmp_path / "eksport"),
                                 "--override", "Haster; tjeklisten er set igennem."])
    assert r.exit_code == 2 and "afvist" in r.output + (r.stderr if r.stderr_bytes else "")


def test_case_search_and_redact_term_on_the_command_line(services, tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import aktindsigt.cli.common as common
    from aktindsigt.cli import app

    files = _forms(tmp_path)
    case = services.create_case("Sag", "Journalist", "ofl7", date(2026, 11, 2))
    services.import_paths(case.id, [files[n][0] for n in ("a_plain", "b_wrap_line", "g_nosep", "k_table")])
    monkeypatch.setattr(common, "services_factory", lambda: services)
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    r = runner.invoke(app, ["case", "search", str(case.id), "3762 0197"])
    assert r.exit_code == 0, r.output
    assert "4 forekomster i 4 dokumenter" in r.output and "37 62 01 97 hvis" in r.output
    r = runner.invoke(app, ["case", "redact-term", str(case.id), "37 62 01 97", "--skip", "4"])
    assert r.exit_code == 2 and "--ground" in r.output + (r.stderr if r.stderr_bytes else "")
    r = runner.invoke(app, ["case", "redact-term", str(case.id), "37 62 01 97", "--ground", "ofl30_1", "--skip", "4"])
    assert r.exit_code == 0, r.output
    assert "Overstreget: 3 forekomster i 3 dokumenter (1 sprunget over)." in r.output
    r = runner.invoke(app, ["case", "search", str(case.id), "37620197"])
    assert r.output.count("overstreget") == 3 and r.output.count("åben") == 1
    r = runner.invoke(app, ["case", "search", str(case.id), "Findes ikke"])
    assert r.exit_code == 0 and "blev ikke fundet" in r.output


def _lead(services):
    from aktindsigt.services import Services

    svc = Services(services.store, user="Tove Teamleder")
    svc.set_user_profile(role="teamleder")
    return svc


def test_one_box_per_region_and_the_letter_explains_every_stamped_ground(services, tmp_path):
    from tests.services.conftest import clean_case

    c = clean_case(services, tmp_path)
    klage = services.case_detail(c.id).documents[0]
    text = services.document_text(klage.id)
    i = text.index("naboen Mette Hansen")  # a manual § 29 box over the § 30, nr. 1 name box
    services.redact_text(klage.id, i, i + len("naboen Mette Hansen"), "ofl29")
    applied = next(a for a in services.applied_redactions(c.id) if a.document.id == klage.id)
    merged = [r for r in applied.regions if set(r.grounds) == {"ofl29", "ofl30_1"}]
    assert len(merged) == 1  # one painted region for the name and the selection over it
    assert services.applied_grounds(c.id)[klage.id] == applied.grounds
    assert set(applied.grounds) >= {"ofl29", "ofl30_1"}
    used = dict(services.output_data(c.id).grounds_used())
    assert {"ofl29", "ofl30_1"} <= set(used)
    red = services.redact_case(c.id, tmp_path / "ud")
    assert red.passed, [p for d in red.documents for p in d.problems]
    page = pymupdf.open(next(d.path for d in red.documents if d.document.id == klage.id))[0]
    assert "§ 29, § 30, nr. 1" in page.get_text() or "1) § 29, § 30, nr. 1" in page.get_text()


def test_a_short_form_withheld_with_its_person_does_not_reach_another_person_of_the_same_first_name(services,
                                                                                                 tmp_path):
    """Accepting a person's group decides "Tirvald" alone too; that withholds Tirvald Okkerstrøm, not every
    Tirvald: the case worker who signs as Tirvald Jensen is released as written.  While the short form is
    still open, the file that has it is not released."""
    files = {}
    for name, line in (("a", f"Borgeren {P.name} bor her."), ("b", "Senere på dagen ringede Tirvald igen."),
                       ("c", "Notatet er skrevet af sagsbehandler Tirvald Jensen.")):
        files[name] = tmp_path / f"{name}.pdf"
        _write(files[name], lambda w, line=line: w.words(line))
    case = services.create_case("Sag", "Journalist", "ofl7", date(2026, 11, 2), case_number="AKT-2026-0102")
    services.import_paths(case.id, list(files.values()))
    docs = {d.title: d for d in services.case_detail(case.id).documents}
    hit = next(h for h in services.search_case(case.id, P.name) if h.document_id == docs["a"].id)
    services.redact_text(docs["a"].id, hit.start, hit.end, "ofl30_1")
    assert services.suggestions(case.id, docs["c"].id) == []  # "Tirvald Jensen" is another person
    early = services.redact_case(case.id, tmp_path / "ud0")
    assert [d.document.title for d in early.failed] == ["b"]
    assert "navn, som er undtaget i sagen, afventer stadig en afgørelse" in early.failed[0].problems[0]
    services.accept_group(case.id, "PERSON:tirvald okkerstrøm")
    b_text = services.document_text(docs["b"].id)
    assert [b_text[d.start:d.end] for d in services.decisions(case.id, docs["b"].id)] == ["Tirvald"]
    result = services.redact_case(case.id, tmp_path / "ud")
    assert result.passed, [p for d in result.documents for p in d.problems]
    released = {d.document.title: _routes(d.path)[0] for d in result.documents}
    assert "Tirvald Jensen" in released["c"] and "Tirvald" not in released["b"] and not _leaks(released["a"])


def _pdf(path, lines):
    doc = pymupdf.open()
    page = doc.new_page()
    for i, line in enumerate(lines):
        page.insert_text((72, 90 + 18 * i), line, fontsize=11)
    doc.save(path)
    doc.close()
    return path


def test_a_one_word_name_that_is_also_a_word_is_withheld_where_it_is_the_name(services, tmp_path, monkeypatch):
    """A person known by one word that is also a Danish word ("Rose" / "rose", "Skov" / "skov"): the detector
    proposes, and the case-level and file checks demand, the capitalised occurrences and those in an address
    or a text wholly in lower case - not the word in a text that has capitals ("udvalget rose indsatsen").
    A capitalised occurrence that is missed still fails the file."""
    import aktindsigt.detect.propagate as propagate

    files = [
        _pdf(tmp_path / "a.pdf", ["Borgeren Rose ringede til kommunen i går."]),
        _pdf(tmp_path / "b.pdf", ["Udvalget rose indsatsen på mødet.", "Senere skrev Rose igen til os.",
                                  "Svar til rose@mail.dk hurtigst muligt."]),
        _pdf(tmp_path / "c.pdf", ["tak for i går.", "hilsen rose"]),  # a text wholly in lower case
    ]
    case = services.create_case("Sag", "Journalist", "ofl7", date(2026, 11, 2), case_number="AKT-2026-0102")
    services.import_paths(case.id, files)
    docs = {d.title: d for d in services.case_detail(case.id).documents}
    text_a = services.document_text(docs["a"].id)
    start = text_a.index("Rose")
    services.redact_text(docs["a"].id, start, start + 4, "ofl30_1")
    services.accept_preselected(case.id)
    result = services.redact_case(case.id, tmp_path / "ud")
    assert result.passed, [p for d in result.documents for p in d.problems]
    out = {d.document.title: _routes(d.path)[0] for d in result.documents}
    assert "Rose" not in out["a"] and "ringede" in out["a"]
    assert "Udvalget rose indsatsen" in out["b"]  # the verb stays
    assert "Rose igen" not in out["b"] and "rose@mail.dk" not in out["b"]
    assert "rose" not in out["c"] and "hilsen" in out["c"]

    # propagation that misses the capitalised "Rose" in b: the case-level check fails that file
    real = propagate._choose

    def miss_capital(key, view, hits, m, ordinary):
        return [o for o in real(key, view, hits, m, ordinary) if o.text != "Rose" or "Senere" not in view.text]

    monkeypatch.setattr(propagate, "_choose", miss_capital)
    case2 = services.create_case("Sag 2", "Journalist", "ofl7", date(2026, 11, 2), case_number="AKT-2026-0103")
    services.import_paths(case2.id, files[:2])
    docs2 = {d.title: d for d in services.case_detail(case2.id).documents}
    services.redact_text(docs2["a"].id, start, start + 4, "ofl30_1")
    result2 = services.redact_case(case2.id, tmp_path / "ud2")
    (failed,) = result2.failed
    assert failed.document.title == "b"
    assert any("står uden overstregning" in p for p in failed.problems)
