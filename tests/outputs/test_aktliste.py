"""The aktliste: one row per document in XLSX and CSV; public sender/recipient; redaction counts; PDF."""

from __future__ import annotations

import csv

import pytest

from aktindsigt.outputs.aktliste import public_party
from aktindsigt.outputs.texts import load_aktliste_config
from tests.outputs.conftest import SECRETS


def test_xlsx_and_csv_have_one_row_per_document(svc, ready_case, tmp_path):
    from openpyxl import load_workbook

    case, docs = ready_case
    files = svc.render_aktliste(case.id, tmp_path, pdf=False)
    raw = files.csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Danish Excel
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header == load_aktliste_config()["columns"] and len(header) == 14
    assert len(body) == len(docs)
    by_akt = {r[0]: dict(zip(header, r, strict=True)) for r in body}
    assert by_akt["2"]["Aktindsigt"] == "Delvis" and by_akt["2"]["Antal overstregninger"] == "3"
    assert by_akt["2"]["Afsender/modtager"] == "Borger"
    assert by_akt["1"]["Afsender/modtager"] == "Jens Byg ApS"
    assert by_akt["3"]["Aktindsigt"] == "Nej" and "§ 23" in by_akt["3"]["Hjemmel"]
    assert by_akt["3"]["Begrundelse"].startswith("Intern e-mail")
    assert by_akt["4"]["Omfattet af anmodningen"] == "nej"
    assert by_akt["1"]["ESDH dok-ID"] == "DOK-0001" and by_akt["2"]["Dato"] == "10.09.2026"
    wb = load_workbook(files.xlsx)
    ws = wb.active
    assert ws.max_row == len(docs) + 1
    assert [c.value for c in ws[1]] == header
    text = raw.decode("utf-8-sig")
    for secret in SECRETS:
        assert secret not in text


def test_pdf_lists_every_document(svc, ready_case, tmp_path):
    import pymupdf

    case, docs = ready_case
    files = svc.render_aktliste(case.id, tmp_path)
    doc = pymupdf.open(files.pdf)
    page = doc[0]
    assert page.rect.width > page.rect.height  # landscape
    text = " ".join("".join(p.get_text() for p in doc).split())
    for d in docs:
        assert d.public_title in text
    assert "Side 1 af 1" in text
    for secret in SECRETS:
        assert secret not in text


def test_long_aktliste_repeats_the_header_on_every_page(svc, ready_case, tmp_path):
    import pymupdf

    from tests.outputs.conftest import make_doc

    case, _ = ready_case
    for i in range(60):
        svc.store.add_documents(case.id, make_doc(f"Notat nummer {i}", f"Notat {i}"), "t")
    files = svc.render_aktliste(case.id, tmp_path)
    doc = pymupdf.open(files.pdf)
    assert doc.page_count >= 2
    for page in doc:
        assert "Begrundelse" in page.get_text()
    text = "".join(p.get_text() for p in doc)
    words = " ".join(text.split())
    assert all(f"Notat {i} " in words for i in range(60))


@pytest.mark.parametrize("raw, expected", [
    ("Mette Hansen <mette.h@gmail.com>", "Borger"),
    ("Jens Hansen", "Borger"),
    ("Jens Hansen, Byggeri og Miljø, Aarhus Kommune <jh@aarhus.dk>", "Aarhus Kommune"),
    ("sagsbehandler@aarhus.dk", "aarhus.dk"),
    ("Kirsten Holm, Advokatfirmaet Holm & Co", "Advokatfirmaet Holm & Co"),
    ("Jens Byg ApS", "Jens Byg ApS"),
    ("", ""),
])
def test_public_party(raw, expected):
    assert public_party(raw, load_aktliste_config()) == expected


def test_unknown_direction_is_inferred_from_the_municipality_domain(svc, ready_case, tmp_path):
    from aktindsigt.core.model import Direction
    from tests.outputs.conftest import make_doc

    case, _ = ready_case  # municipality e-mail: byg@eksempel.dk
    svc.store.add_documents(case.id, make_doc("Svar til borgeren", "Svar", direction=Direction.UNKNOWN,
                                              sender="Ruth Jepsen <ruth.jepsen@eksempel.dk>",
                                              recipient="Zara Bruun <zara@gmail.com>"), "t")
    svc.store.add_documents(case.id, make_doc("Henvendelse", "Henvendelse", direction=Direction.UNKNOWN,
                                              sender="Zara Bruun <zara@gmail.com>",
                                              recipient="Borgerservice <post@eksempel.dk>"), "t")
    svc.store.add_documents(case.id, make_doc("Godkendelse", "Godkendelse", direction=Direction.UNKNOWN,
                                              sender="Ruth Jepsen <ruth.jepsen@eksempel.dk>",
                                              recipient="Else Hansen <else.hansen@eksempel.dk>"), "t")
    files = svc.render_aktliste(case.id, tmp_path, pdf=False)
    rows = list(csv.reader(files.csv.read_bytes().decode("utf-8-sig").splitlines(), delimiter=";"))
    by_akt = {r[0]: r for r in rows[1:]}
    assert by_akt["5"][4:6] == ["Udgående", "Borger"]
    assert by_akt["6"][4:6] == ["Indgående", "Borger"]
    assert by_akt["7"][4:6] == ["Intern", "Internt"]
    text = files.csv.read_text(encoding="utf-8-sig")
    assert "Ruth" not in text and "Zara" not in text and "Else" not in text


def test_municipality_employee_is_shown_as_the_municipality():
    own = {"eksempel.dk": "Eksempel Kommune"}
    assert public_party("Ruth Jepsen <ruth.jepsen@eksempel.dk>", load_aktliste_config(), own) == "Eksempel Kommune"


def test_spreadsheet_cells_never_become_formulas_and_dates_are_dates(svc, ready_case, tmp_path):
    import datetime as dt

    from openpyxl import load_workbook

    case, docs = ready_case
    svc.set_document_fields(docs[0].id, public_title='=HYPERLINK("http://x","klik")')
    files = svc.render_aktliste(case.id, tmp_path, pdf=False)
    ws = load_workbook(files.xlsx).active
    title = ws.cell(row=2, column=3)
    assert title.data_type == "s" and title.value.startswith("=HYPERLINK")
    assert ws.cell(row=2, column=4).value == dt.datetime(2026, 9, 1)
    assert ws.cell(row=2, column=4).number_format == "DD.MM.YYYY"
    rows = list(csv.reader(files.csv.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    assert rows[1][2] == "'=HYPERLINK(\"http://x\",\"klik\")"


def test_notes_say_when_the_text_layer_was_replaced_by_ocr(svc, ready_case, tmp_path):
    """The import's warning (prefix ``ingest.pdf.TEXT_LAYER_REPLACED``) becomes the document's note in every form of
    the aktliste; other warnings do not."""
    import pymupdf

    from aktindsigt.ingest.pdf import TEXT_LAYER_REPLACED
    from tests.outputs.conftest import make_doc

    case, _ = ready_case
    d1 = svc.store.add_documents(case.id, make_doc("Brev fra borger om carporten", "Skannet brev", warnings=[
        f"{TEXT_LAYER_REPLACED} på side 2 og 3: PDF-filens eget tekstlag kunne ikke læses korrekt."]), "t")[0]
    d2 = svc.store.add_documents(case.id, make_doc("Tegning af carport", "Tegning", warnings=[
        "PDF-filen var beskadiget og er repareret. Kontrollér, at siderne er hele."]), "t")[0]
    files = svc.render_aktliste(case.id, tmp_path)
    rows = list(csv.reader(files.csv.read_bytes().decode("utf-8-sig").splitlines(), delimiter=";"))
    by_akt = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert by_akt[str(d1.akt_nr)]["Bemærkninger"] == "Tekstlag erstattet af OCR (side 2 og 3)"
    assert by_akt[str(d2.akt_nr)]["Bemærkninger"] == ""
    text = " ".join("".join(p.get_text() for p in pymupdf.open(files.pdf)).split())
    assert "Tekstlag erstattet af OCR (side 2 og 3)" in text and "Bemærkninger" in text
