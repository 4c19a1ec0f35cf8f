"""The export bundle: layout, hashes, manifest; refused on checklist problems and on failed verification.

The ``case`` and ``lead`` fixtures are in ``conftest.py``; a bundle needs the team lead's approval first."""

import hashlib
import json
from datetime import date

import pymupdf
import pytest

from aktindsigt.services import ServiceError


def _approve(services, lead, case):
    services.submit_for_review(case.id, "Klar til godkendelse.")
    lead.approve_case(case.id)


def test_export_bundle_layout_hashes_and_manifest(services, lead, case, tmp_path):
    problems = services.checklist(case.id)
    assert problems == [], problems
    _approve(services, lead, case)
    result = services.export_bundle(case.id, tmp_path / "eksport", today=date(2026, 11, 28))
    assert result.path.name == "AKT_751_AKT_2026_0007_20261128"
    names = {p.relative_to(result.path).as_posix() for p in result.files}
    assert {"manifest.json", "SHA256SUMS", "01_Afgoerelse.docx", "02_Aktliste.xlsx", "02_Aktliste.csv",
            "03_Journalnotat.docx", "revision/redaction_log.csv", "revision/verification_report.json",
            "revision/case_verification.json"} <= names
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
    assert manifest["roles"]["approver"] == "Tove Teamleder" and manifest["roles"]["approved_at"]
    assert manifest["roles"]["caseworker"] == "testbruger" and manifest["roles"]["self_approval"] is False
    everything = "".join(p.read_text(encoding="utf-8", errors="ignore") for p in result.files
                         if p.suffix in (".json", ".csv"))
    assert "Mette Hansen" not in everything and "010203-1234" not in everything
    pdf = pymupdf.open(result.path / released[0])
    assert "Mette Hansen" not in pdf[0].get_text() and "carporten" in pdf[0].get_text()
    pdf.close()
    with pytest.raises(ServiceError, match="findes allerede"):
        services.export_bundle(case.id, tmp_path / "eksport", today=date(2026, 11, 28))



def test_a_second_export_the_same_day_replaces_the_bundle_only_when_asked(services, lead, case, tmp_path):
    _approve(services, lead, case)
    day = date(2026, 11, 28)
    target = tmp_path / "eksport"
    assert services.bundle_folder(case.id, target, today=day) == target / "AKT_751_AKT_2026_0007_20261128"
    first = services.export_bundle(case.id, target, today=day)
    (first.path / "fremmed.txt").write_text("lagt her bagefter", encoding="utf-8")
    with pytest.raises(ServiceError, match="findes allerede"):
        services.export_bundle(case.id, target, today=day)
    again = services.export_bundle(case.id, target, today=day, replace=True)
    assert again.path == first.path and not (again.path / "fremmed.txt").exists()  # replaced whole
    assert sorted(p.name for p in target.iterdir()) == [first.path.name]  # no work folder, no old folder
    assert again.messages == again.manifest["messages"] and all(isinstance(m, str) for m in again.messages)
    exports = services.store.get_setting(f"case:{case.id}:exports")
    assert [e["path"] for e in exports] == [str(first.path), str(first.path)]

def test_export_is_refused_while_the_checklist_has_problems(services, case, tmp_path):
    services.set_meroffentlighed(case.id, "")
    with pytest.raises(ServiceError, match="tjeklisten"):
        services.export_bundle(case.id, tmp_path / "eksport")
    assert not (tmp_path / "eksport").exists() or not any((tmp_path / "eksport").iterdir())


def test_export_is_refused_when_verification_fails(services, lead, case, tmp_path, monkeypatch):
    _approve(services, lead, case)
    import aktindsigt.redact.engine as engine

    real = engine.redact_pdf
    monkeypatch.setattr(engine, "redact_pdf", lambda src, dst, boxes, withholds, options: real(
        src, dst, [], withholds, options))
    with pytest.raises(ServiceError, match="kontrollen"):
        services.export_bundle(case.id, tmp_path / "eksport")
    assert list((tmp_path / "eksport").iterdir()) == []  # no bundle, no temporary folder left behind


def test_export_check_names_what_stands_in_the_way(services, lead, case):
    check = services.export_check(case.id)
    assert not check.approved and check.problems == [] and not check.can_override
    assert check.needs_override and "ikke godkendt" in check.obstacles[0]
    assert "kun en teamleder" in check.refusal()
    assert lead.export_check(case.id).can_override
    _approve(services, lead, case)
    check = services.export_check(case.id)
    assert check.approved and not check.needs_override and check.refusal() == ""
    services.set_municipality(name="")  # a checklist problem after the approval (not part of the approved content)
    check = lead.export_check(case.id)
    assert check.approved and check.problems == ["Kommunens navn mangler i kommuneprofilen."]
    assert check.needs_override and check.can_override


def test_export_of_a_partsaktindsigt_case_records_its_own_deadline_rule(services, lead, tmp_path):
    from tests.services.conftest import write_pdf

    write_pdf(tmp_path / "klage.pdf", ["Naboen Jens Hansen, cpr 010203-1234, klager over støj."])
    c = services.create_case("Partsaktindsigt", "Mette Kristensen", "fvl9", date(2026, 11, 2), channel="E-mail",
                             requester_type="party", case_number="AKT-2026-0008")
    services.import_paths(c.id, [tmp_path / "klage.pdf"])
    doc = services.case_detail(c.id).documents[0]
    text = services.document_text(doc.id)
    i = text.index("010203-1234")
    services.redact_text(doc.id, i, i + 11, "fvl15b")
    services.set_document_access(doc.id, "partial", ["fvl15b"], "Naboens CPR-nummer i klagen.")
    services.set_document_fields(doc.id, esdh_doc_id="DOK-1")
    services.set_municipality(name="Eksempel Kommune", kommunekode="751")
    services.set_scope(c.id, "Klagen fra naboen.")
    services.set_statements(c.id, extraction="Der er ikke undtaget dokumenter; der er intet at ekstrahere.",
                            matter_area="environment", recipient_address="mette@example.com")
    services.set_law(c.id, "fvl15b", "Naboens CPR-nummer har ingen betydning for din sag.")
    assert services.checklist(c.id) == []
    _approve(services, lead, c)
    result = services.export_bundle(c.id, tmp_path / "eksport")
    manifest = json.loads((result.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["deadlines"]["complaint_possible"] is None  # no OFL § 39 under forvaltningsloven
    assert manifest["deadlines"]["rule"] == "forvaltningslovens § 16"
    assert manifest["decision"]["grounds_used"] == ["fvl15b"]
