"""The export bundle: layout, hashes, manifest; refused on checklist problems and on failed verification."""

import hashlib
import json
from datetime import date

import pymupdf
import pytest

from aktindsigt.services import ServiceError


def _pdf(path, lines):
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    for i, line in enumerate(lines):
        page.insert_text((72, 80 + 18 * i), line, fontname="helv", fontsize=11)
    doc.save(path)
    doc.close()


@pytest.fixture
def case(services, tmp_path):
    _pdf(tmp_path / "klage.pdf", ["Klage fra naboen Mette Hansen, cpr 010203-1234,", "over carporten på Skovvej 3."])
    _pdf(tmp_path / "tilladelse.pdf", ["Byggetilladelse til carport meddelt 1. september 2026."])
    c = services.create_case("Aktindsigt i byggesag", "Journalist Jens Jensen", "ofl7", date(2026, 11, 2),
                             case_number="AKT-2026-0007")
    services.import_paths(c.id, [tmp_path / "klage.pdf", tmp_path / "tilladelse.pdf"])
    docs = services.case_detail(c.id).documents
    text = services.document_text(docs[0].id)
    for needle in ("Mette Hansen", "010203-1234"):
        i = text.index(needle)
        services.redact_text(docs[0].id, i, i + len(needle), "ofl30_1")
    services.set_document_access(docs[0].id, "partial", ["ofl30_1"], "Navn og CPR-nummer på en privat person.")
    services.set_municipality(name="Eksempel Kommune", unit="Byggeri", address="Rådhuspladsen 1\n8000 Aarhus C",
                              cvr="12345678", kommunekode="751")
    for i, d in enumerate(docs, start=1):
        services.set_document_fields(d.id, esdh_doc_id=f"DOK-{i:04d}")
    services.set_scope(c.id, "Alle dokumenter i byggesagen.")
    services.set_extraction(c.id, "Der er ikke undtaget dokumenter efter §§ 23-27; ekstrahering er ikke aktuel.")
    services.set_meroffentlighed(c.id, "Meroffentlighed er overvejet, men hensynet til naboen vejer tungere.")
    services.set_statements(c.id, recipient_address="jens@avis.dk", signer="Sara Sørensen")
    return c


def test_export_bundle_layout_hashes_and_manifest(services, case, tmp_path):
    problems = services.checklist(case.id)
    assert problems == [], problems
    result = services.export_bundle(case.id, tmp_path / "eksport", today=date(2026, 11, 28))
    assert result.path.name == "AKT_751_AKT_2026_0007_20261128"
    names = {p.relative_to(result.path).as_posix() for p in result.files}
    assert {"manifest.json", "SHA256SUMS", "01_Afgoerelse.docx", "02_Aktliste.xlsx", "02_Aktliste.csv",
            "03_Journalnotat.docx", "revision/redaction_log.csv", "revision/verification_report.json"} <= names
    released = sorted(n for n in names if n.startswith("udleveret/"))
    assert len(released) == 2
    for line in (result.path / "SHA256SUMS").read_text().splitlines():
        digest, rel = line.split("  ", 1)
        assert hashlib.sha256((result.path / rel).read_bytes()).hexdigest() == digest
    manifest = json.loads((result.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["case"]["case_number"] == "AKT-2026-0007"
    assert manifest["authority"]["municipality_code"] == "751"
    assert [d["verification"] for d in manifest["documents"]] == ["passed", "passed"]
    assert manifest["decision"]["grounds_used"] == ["ofl30_1"]
    everything = "".join(p.read_text(encoding="utf-8", errors="ignore") for p in result.files
                         if p.suffix in (".json", ".csv"))
    assert "Mette Hansen" not in everything and "010203-1234" not in everything
    pdf = pymupdf.open(result.path / released[0])
    assert "Mette Hansen" not in pdf[0].get_text() and "carporten" in pdf[0].get_text()
    pdf.close()
    with pytest.raises(ServiceError, match="findes allerede"):
        services.export_bundle(case.id, tmp_path / "eksport", today=date(2026, 11, 28))


def test_export_is_refused_while_the_checklist_has_problems(services, case, tmp_path):
    services.set_meroffentlighed(case.id, "")
    with pytest.raises(ServiceError, match="tjeklisten"):
        services.export_bundle(case.id, tmp_path / "eksport")
    assert not (tmp_path / "eksport").exists() or not any((tmp_path / "eksport").iterdir())


def test_export_is_refused_when_verification_fails(services, case, tmp_path, monkeypatch):
    import aktindsigt.redact.engine as engine

    real = engine.redact_pdf
    monkeypatch.setattr(engine, "redact_pdf", lambda src, dst, boxes, withholds, options: real(
        src, dst, [], withholds, options))
    with pytest.raises(ServiceError, match="kontrollen"):
        services.export_bundle(case.id, tmp_path / "eksport")
    assert list((tmp_path / "eksport").iterdir()) == []  # no bundle, no temporary folder left behind
