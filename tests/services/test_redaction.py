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
    # what was looked for is counted per file, not listed: a list per file grows with files x values
    terms = report["documents"][0]["terms"]
    assert terms["checked"] == sum(terms["by_type"].values()) >= 2  # the document's own text and the case's values
    assert terms["by_type"]["own"] >= 2 and terms["by_type"]["PERSON"] >= 1 and "ref" not in json.dumps(terms)
    log = (out / "revision" / "redaction_log.csv").read_text(encoding="utf-8-sig")
    assert "Mette" not in log and "010203" not in log and log.count("\n") == 4  # header + 3 decisions


def test_a_selection_reaches_the_same_name_and_a_kept_one_is_a_conflict(services, tmp_path, monkeypatch):
    _pdf(tmp_path / "brev.pdf", [["Ole Olsen skrev til kommunen.", "Svar sendt til Ole Olsen i dag."]])
    _pdf(tmp_path / "notat.pdf", [["Ole Olsen er bisidder i sagen."]])
    c = services.create_case("Sag", "X", "ofl7", date(2026, 11, 2))
    services.import_paths(c.id, [tmp_path / "brev.pdf", tmp_path / "notat.pdf"])
    brev, notat = services.case_detail(c.id).documents
    text = services.document_text(brev.id)
    i = text.index("Ole Olsen")  # one selection: the same name everywhere in the case is redacted with it
    op = services.redact_text(brev.id, i, i + 9, "ofl30_1")
    assert {(s.document_id, s.status.value) for s in op.added_suggestions} == {(brev.id, "accepted"),
                                                                              (notat.id, "accepted")}
    # the caseworker keeps the one in the other document: a conflict, shown, and that file still passes
    other = next(s for s in op.added_suggestions if s.document_id == notat.id)
    services.reject([other.id], reason="Bisidderen optræder i egenskab af sin stilling")
    (conflict,) = services.case_conflicts(c.id)
    assert (conflict.withheld_in, conflict.kept_in, conflict.page) == ([1], 2, 1)
    assert "Navn er overstreget i akt 1, men bevaret i akt 2, side 1" in conflict.message
    result = services.redact_case(c.id, tmp_path / "ud")
    assert result.passed and result.conflicts == [conflict]
    report = json.loads((tmp_path / "ud" / "revision" / "case_verification.json").read_text("utf-8"))
    assert report["conflicts"] == [{"type": "PERSON", "withheld_in": [1], "kept_in": 2, "page": 1}]
    assert "Ole" not in json.dumps(report)
    out = pymupdf.open(result.documents[0].path)
    assert "Ole Olsen" not in out[0].get_text()
    out.close()
    # the command line shows the conflict too
    from typer.testing import CliRunner

    import aktindsigt.cli.common as common
    from aktindsigt.cli import app

    monkeypatch.setattr(common, "services_factory", lambda: services)
    monkeypatch.setenv("COLUMNS", "200")
    r = CliRunner().invoke(app, ["case", "redact", str(c.id), "--out", str(tmp_path / "ud2")])
    assert r.exit_code == 0, r.output
    assert "Konflikt: Navn er overstreget i akt 1, men bevaret i akt 2, side 1" in " ".join(
        (r.output + (r.stderr if r.stderr_bytes else "")).split())


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


def test_failed_checks_are_told_in_danish_without_the_value():
    from aktindsigt.redact.verify import CheckResult, VerificationReport
    from aktindsigt.services.redaction import failure_messages

    report = VerificationReport(file="x.pdf")
    report.checks += [
        CheckResult("text:text", False, "failed", ["term #3 (PERSON, sha256:4daaa2b56dc0) found on page 2"]),
        CheckResult("text:words", False, "failed", ["term #3 (PERSON, sha256:4daaa2b56dc0) found on page 2"]),
        CheckResult("links", False, "failed", ["term #1 (sha256:c5e021af4d16) in a link target on page 1"]),
        CheckResult("metadata", False, "failed", ["term #2 (CPR, sha256:30e60889f633) in metadata field title"]),
        CheckResult("ocr", False, "not run", ["Tesseract is not installed"]),
        CheckResult("annotations", True, "passed", ["annotations (besides links): 0"]),
    ]
    assert failure_messages(7, report) == [
        "Akt 7, side 2: navn kan stadig læses i filens tekst; filen er ikke udleveret.",
        "Akt 7, side 1: en overstreget tekst kan stadig læses i et link; filen er ikke udleveret.",
        "Akt 7: cpr-nummer kan stadig læses i filens metadata; filen er ikke udleveret.",
        "Kontrollen af akt 7 fejlede (siderne kunne ikke læses med tekstgenkendelse (OCR)); filen er ikke udleveret.",
    ]
