"""A generated case end to end, headless, through the CLI as a script would drive it:
create -> import -> analyze -> decide -> redact -> letter -> aktliste -> journal note.

Uses the shipped NER model (models/da_aktindsigt)."""

from __future__ import annotations

import csv
from datetime import datetime

import pymupdf
import pytest
from docx import Document as Docx
from faker import Faker
from typer.testing import CliRunner

from aktindsigt.cli import app
from aktindsigt.demo.writers import write_eml, write_text_pdf


@pytest.fixture
def cli(monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    runner = CliRunner()

    def run(*args: str, code: int = 0):
        r = runner.invoke(app, list(args), catch_exceptions=False)
        assert r.exit_code == code, r.output + (r.stderr if r.stderr_bytes else "")
        return r

    return run


def test_generated_case_end_to_end(cli, tmp_path):
    fake = Faker("da_DK")
    Faker.seed(42)
    citizen = "Mette Kristensen"
    cpr = "120384-1734"
    docs = tmp_path / "dokumenter"
    docs.mkdir()
    write_text_pdf(docs / "01 Ansøgning.pdf", "Ansøgning om tilskud",
                   [f"Jeg, {citizen}, cpr-nr. {cpr}, søger om tilskud til en ny trappelift.",
                    f"Jeg bor på {fake.street_name()} 14, 2. th., 6400 Sønderborg og kan nås på tlf. 22 33 44 55.",
                    "Min læge har bekræftet behovet."], date=datetime(2026, 9, 1))
    attachment = tmp_path / "lægeerklæring.pdf"
    write_text_pdf(attachment, "Lægeerklæring",
                   [f"{citizen} lider af sklerose og behandles med Tysabri.", "Behovet for trappelift er varigt."])
    write_eml(docs / "02 Mail fra borger.eml", f"{citizen} <mette.k@example.com>", "visitation@kommune.dk",
              "Lægeerklæring", f"Hej\n\nHer er lægeerklæringen.\n\nVenlig hilsen\n{citizen}",
              attachments=[("lægeerklæring.pdf", attachment.read_bytes())], date=datetime(2026, 9, 3))
    write_text_pdf(docs / "03 Intern drøftelse.pdf", "Intern drøftelse",
                   ["Udkast til indstilling, som drøftes på teammødet."], date=datetime(2026, 9, 5))

    case_id = cli("case", "create", "--title", "Aktindsigt i sag om trappelift", "--requester", "Jens Journalist",
                  "--regime", "ofl7", "--received", "2026-11-02", "--kle", "27.24.00", "--channel", "E-mail",
                  "--requester-type", "journalist").stdout.strip()
    r = cli("case", "import", case_id, str(docs))
    assert "Importeret: 4 · Dubletter: 0 · Fejlet: 0" in r.stdout  # 3 files + the e-mail attachment

    r = cli("case", "analyze", case_id)
    assert "nye forslag" in r.stdout
    r = cli("case", "suggestions", case_id)
    assert "CPR-nummer" in r.stdout and "Navn" in r.stdout

    from aktindsigt.services import Services

    svc = Services.open()
    groups = {g.key: g for g in svc.suggestion_groups(case_id)}
    person = groups.get("PERSON:mette kristensen")
    assert person is not None and len(person.documents) >= 2, sorted(groups)
    svc.close()

    cli("case", "decide", case_id, "--accept-preselected", "--accept-type", "PERSON", "--accept-type", "ADDRESS",
        "--accept-type", "PHONE", "--accept-type", "EMAIL")
    cli("case", "decide", case_id, "--reject-type", "CVR", "--reject-type", "LOCATION",
        "--reject-type", "ORGANIZATION", "--reject-type", "URL", "--reject-type", "LICENCE_PLATE",
        "--reject-type", "BANK_ACCOUNT", "--reject-type", "IBAN", "--reject-type", "CARD")
    cli("case", "decide", case_id, "--document", "4", "--access", "withheld", "--ground", "ofl23_1_1",
        "--reason", "Internt udkast til indstilling, ikke afgivet til udenforstående.", "--section26")
    for akt in range(1, 5):
        cli("case", "decide", case_id, "--document", str(akt), "--esdh-id", f"DOK-{akt:04d}")
    r = cli("case", "checklist", case_id, code=1)
    # the heading "Lægeerklæring" alone is no sensitive suggestion (#13), so no title repeats a redaction
    assert "offentlige titel" not in r.stdout
    cli("case", "decide", case_id, "--document", "2", "--public-title", "Mail fra borger med bilag")
    cli("case", "decide", case_id, "--document", "3", "--public-title", "Bilag til mail")
    cli("municipality", "--name", "Sønderborg Kommune", "--unit", "Visitation", "--address",
        "Rådhustorvet 10\n6400 Sønderborg", "--cvr", "29189781", "--kommunekode", "540")
    cli("case", "statements", case_id, "--scope", "Alle dokumenter i sagen om trappelift.",
        "--extraction", "Akt 4 indeholder ingen faktiske oplysninger, der ikke fremgår af de udleverede akter.",
        "--meroffentlighed", "Meroffentlighed er overvejet; hensynet til borgerens helbredsoplysninger vejer tungere.",
        "--recipient-address", "jens@avis.dk", "--signer", "Sara Sørensen", "--matter-area", "social")
    cli("case", "checklist", case_id)  # no problems left

    out = tmp_path / "ud"
    r = cli("case", "redact", case_id, "--out", str(out))
    assert "FEJLET" not in r.stdout
    released = sorted((out / "udleveret").glob("*.pdf"))
    assert len(released) == 3  # akt 4 withheld
    for pdf_path in released:
        pdf = pymupdf.open(pdf_path)
        text = " ".join(p.get_text() for p in pdf)
        pdf.close()
        for secret in (citizen, cpr, "1203841734", "22 33 44 55", "sklerose", "mette.k@example.com"):
            assert secret not in text, (secret, pdf_path.name)

    r = cli("case", "letter", case_id, "--out", str(out))
    letter = Docx(str(next(out.glob("01_Afgoerelse*.docx"))))
    body = "\n".join(p.text for p in letter.paragraphs)
    assert "§ 30, nr. 1" in body and "§ 23, stk. 1, nr. 1" in body
    assert "§ 33" not in body and "§ 35" not in body  # exactly the grounds used
    assert citizen not in body and cpr not in body and "sklerose" not in body
    assert "klagefrist" not in body.lower()

    cli("case", "aktliste", case_id, "--out", str(out))
    with open(next(out.glob("02_Aktliste*.csv")), encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh, delimiter=";"))
    assert len(rows) == 1 + 4  # header + one row per document
    assert all(citizen not in ";".join(row) for row in rows)

    cli("case", "journalnotat", case_id, "--out", str(out))
    assert next(out.glob("03_Journalnotat*.docx")).stat().st_size > 0
