"""``aktindsigt case document``: show and set a document's properties (one or several), in Danish."""

from __future__ import annotations

import pymupdf
import pytest
from typer.testing import CliRunner

from aktindsigt.cli import app


@pytest.fixture
def run(monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    runner = CliRunner()

    def _run(*args: str, code: int | None = 0):
        result = runner.invoke(app, list(args), catch_exceptions=False)
        if code is not None:
            assert result.exit_code == code, result.output + (result.stderr if result.stderr_bytes else "")
        return result

    return _run


@pytest.fixture
def case_id(run, tmp_path):
    r = run("case", "create", "--title", "Byggesag", "--requester", "Jens Hansen", "--regime", "ofl7",
            "--received", "2026-11-20")
    for i in (1, 2, 3):
        doc = pymupdf.open()
        doc.new_page().insert_text((72, 72), f"Brev {i} om carporten.", fontname="helv", fontsize=11)
        doc.save(tmp_path / f"brev{i}.pdf")
        doc.close()
    run("case", "import", r.stdout.strip(), str(tmp_path))
    return r.stdout.strip()


def test_case_document_sets_and_shows_the_properties(run, case_id):
    r = run("case", "document", case_id, "2", "--title", "Brev fra naboen", "--public-title", "Brev fra en nabo",
            "--date", "03.09.2026", "--direction", "ind", "--sender", "Mette Hansen", "--party", "Privatperson",
            "--esdh-id", "DOK-2", "--out-of-scope", "--section26")
    assert "Akt 2: titel, offentlig titel, dato, retning, afsender, afsender/modtager i aktlisten" in r.stderr
    assert "Offentlig titel: Brev fra en nabo" in r.stdout and "Dato: 03.09.2026 · Retning: Indgående" in r.stdout
    assert "I aktlisten: Privatperson" in r.stdout and "ESDH dok-ID: DOK-2" in r.stdout
    assert "Omfattet af anmodningen: nej · § 26 overvejet: ja" in r.stdout
    r = run("case", "document", case_id, "2")  # no changes: shown
    assert "Akt 2: Brev fra naboen" in r.stdout and not r.stderr
    from aktindsigt.services import Services

    svc = Services.open()
    doc = [d for d in svc.case_detail(int(case_id)).documents if d.akt_nr == 2][0]
    assert (doc.esdh_doc_id, doc.in_scope, doc.section26_considered) == ("DOK-2", False, True)
    svc.close()


def test_case_document_several_and_bad_input(run, case_id):
    r = run("case", "document", case_id, "1,3", "--direction", "intern", "--in-scope")
    assert "2 dokumenter: retning" in r.stderr
    assert r.stdout.count("Retning: Intern") == 2
    r = run("case", "document", case_id, "1-3", "--esdh-id", "X", code=2)
    assert "Et ESDH dok-ID hører til ét dokument" in r.stderr
    r = run("case", "document", case_id, "9", code=2)
    assert "Sagen har ingen akt 9" in r.stderr
    r = run("case", "document", case_id, "1", "--date", "31.02.2026", code=2)
    assert "kan ikke læses" in r.stderr
    r = run("case", "document", case_id, "1", "--direction", "op", code=2)
    assert "Ukendt retning" in r.stderr
    r = run("case", "document", case_id, "to", code=2)
    assert "ikke et aktnummer" in r.stderr
