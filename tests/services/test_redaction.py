"""Case redaction end to end: import a generated PDF, decide, redact, verify the saved files."""

import json
from datetime import date

import pymupdf
import pytest

from aktindsigt.core.model import AccessType, Rect


def _pdf(path, pages):
    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page(width=595, height=842)
        y = 80
        for line in lines:
            page.insert_text((72, y), line, fontname="helv", fontsize=11)
            y += 18
    doc.save(path)
    doc.close()


@pytest.fixture
def case(services, tmp_path):
    _pdf(tmp_path / "notat.pdf", [
        ["Telefonnotat om borgeren Mette Hansen", "CPR-nummer 010203-1234 er oplyst.",
         "Sagsbehandleren vurderede ansøgningen grundigt."],
        ["Side to indeholder helbredsoplysninger", "om diagnosen og behandlingen."],
    ])
    _pdf(tmp_path / "internt.pdf", [["Internt udkast til indstilling"]])
    c = services.create_case("Sag", "Journalist", "ofl7", date(2026, 11, 2), case_number="AKT-2026-0042")
    services.import_paths(c.id, [tmp_path / "notat.pdf", tmp_path / "internt.pdf"])
    return c


def _doc(services, case, akt):
    return next(d for d in services.case_detail(case.id).documents if d.akt_nr == akt)


def test_redact_case_removes_text_keeps_the_rest_and_verifies(services, case, tmp_path):
    notat = _doc(services, case, 1)
    text = services.document_text(notat.id)
    for needle in ("Mette Hansen", "010203-1234"):
        i = text.index(needle)
        services.redact_text(notat.id, i, i + len(needle), "ofl30_1")
    services.withhold_page(notat.id, 2, "ofl30_1")
    services.redact_area(notat.id, 1, Rect(400, 700, 550, 780), "ofl30_1")
    internt = _doc(services, case, 2)
    services.set_document_access(internt.id, AccessType.WITHHELD, ["ofl23_1_1"], "Internt dokument")

    out = tmp_path / "ud"
    result = services.redact_case(case.id, out)
    assert result.passed, [d.report for d in result.documents]
    assert [d.document.akt_nr for d in result.documents] == [1]
    assert [d.akt_nr for d, _ in result.skipped] == [2]
    (red,) = result.documents
    assert red.path.name == "akt_0001_notat.pdf" and red.path.parent.name == "udleveret"
    pdf = pymupdf.open(red.path)
    all_text = "".join(p.get_text() for p in pdf)
    assert "Mette Hansen" not in all_text and "010203-1234" not in all_text
    assert "Sagsbehandleren vurderede ansøgningen grundigt." in all_text
    assert "helbredsoplysninger" not in all_text  # page 2 withheld
    assert "Siden er undtaget" in all_text
    assert "AKT-2026-0042" in all_text and "Akt 1" in all_text  # page stamp
    pdf.close()
    report = json.loads((out / "revision" / "verification_report.json").read_text(encoding="utf-8"))
    assert report["passed"] and report["documents"][0]["sha256"]
    log = (out / "revision" / "redaction_log.csv").read_text(encoding="utf-8-sig")
    assert "Mette" not in log and "010203" not in log and log.count("\n") == 4  # header + 3 decisions


def test_a_deliberately_kept_occurrence_is_reported_not_checkable(services, tmp_path):
    _pdf(tmp_path / "brev.pdf", [["Ole Olsen skrev til kommunen.", "Svar sendt til Ole Olsen i dag."]])
    c = services.create_case("Sag", "X", "ofl7", date(2026, 11, 2))
    services.import_paths(c.id, [tmp_path / "brev.pdf"])
    doc = services.case_detail(c.id).documents[0]
    text = services.document_text(doc.id)
    i = text.index("Ole Olsen")  # redact the first occurrence only; the second is kept
    services.redact_text(doc.id, i, i + 9, "ofl30_1")
    result = services.redact_case(c.id, tmp_path / "ud")
    assert result.passed
    assert result.documents[0].report["uncheckable_terms"] == 1
    out = pymupdf.open(result.documents[0].path)
    assert out[0].get_text().count("Ole Olsen") == 1
    out.close()


def test_failed_verification_removes_the_output(services, case, tmp_path, monkeypatch):
    import aktindsigt.redact.engine as engine

    notat = _doc(services, case, 1)
    text = services.document_text(notat.id)
    i = text.index("010203-1234")
    services.redact_text(notat.id, i, i + 11, "ofl30_1")
    real = engine.redact_pdf
    monkeypatch.setattr(engine, "redact_pdf", lambda src, dst, boxes, withholds, options: real(
        src, dst, [], withholds, options))  # a broken redactor that draws nothing
    result = services.redact_case(case.id, tmp_path / "ud")
    assert not result.passed
    (bad,) = result.failed
    assert bad.path is None and not list((tmp_path / "ud" / "udleveret").glob("akt_0001*"))
    assert "ikke udleveret" in bad.problems[0]
