"""ESDH delivery: the manifest against its JSON Schema, the GetOrganized and SBSYS payloads, the bundle as a
zip, and ``bundle verify`` catching a changed byte, a regenerated SHA256SUMS and an added file."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import zipfile
from datetime import date

import pytest
from typer.testing import CliRunner

from aktindsigt.services import ServiceError
from aktindsigt.services.esdh import validate_manifest


def _approved(services, lead, case, ref="AKT-2026-000123"):
    services.set_esdh_ref(case.id, ref)
    services.submit_for_review(case.id, "Klar til godkendelse.")
    lead.approve_case(case.id)


@pytest.fixture
def bundle(services, lead, case, tmp_path):
    _approved(services, lead, case)
    return services.export_bundle(case.id, tmp_path / "eksport", today=date(2026, 11, 28))


def test_manifest_follows_its_schema_and_carries_the_esdh_fields(bundle):
    manifest = json.loads((bundle.path / "manifest.json").read_text(encoding="utf-8"))
    assert validate_manifest(manifest) == []
    c = manifest["case"]["classification"]
    assert c == {"kle_subject": "00.01.10", "facet": "A53", "kle": "00.01.10 A53", "complaint": None}
    docs = manifest["documents"]
    assert [d["esdh_doc_id"] for d in docs] == ["DOK-0001", "DOK-0002"]
    assert docs[0]["access"] == "partial" and docs[0]["access_da"] == "Delvis"
    assert docs[0]["grounds"] == ["ofl30_1"] and docs[0]["grounds_text"][0].startswith("Offentlighedsloven")
    assert all(d["direction"] in ("incoming", "outgoing", "internal", "unknown") for d in docs)
    assert "Mette Hansen" not in json.dumps(manifest, ensure_ascii=False)
    # a manifest that breaks the schema is caught: wrong facet, missing field, bad hash
    broken = json.loads(json.dumps(manifest))
    broken["case"]["classification"]["facet"] = "A54"
    del broken["documents"][0]["public_title"]
    broken["generated_files"][0]["sha256"] = "xyz"
    problems = validate_manifest(broken)
    assert len(problems) == 3
    assert any("case/classification/facet" in p for p in problems)
    assert any("public_title" in p for p in problems)


def test_getorganized_and_sbsys_payloads_can_be_posted_as_they_are(bundle):
    go = bundle.path / "esdh" / "getorganized"
    plan = json.loads((go / "requests.json").read_text(encoding="utf-8"))
    assert plan["case_id"] == "AKT-2026-000123"
    adds = [r for r in plan["requests"] if r["path"] == "/_goapi/Documents/AddToCase"]
    assert len(adds) == 5  # afgørelse, aktliste, journalnotat, two released files
    for r in adds:
        body = json.loads((go / r["body"]).read_text(encoding="utf-8"))
        assert set(body) == {"CaseId", "ListName", "FolderPath", "FileName", "Metadata", "Overwrite", "Bytes"}
        assert body["CaseId"] == "AKT-2026-000123" and body["ListName"] == "Dokumenter"
        assert base64.b64decode(body["Bytes"]) == (bundle.path / r["file"]).read_bytes()
        assert body["Metadata"].startswith('<z:row xmlns:z="#RowsetSchema" ows_Title=')
        import xml.etree.ElementTree as ET

        ET.fromstring(body["Metadata"].replace('xmlns:z="#RowsetSchema"', 'xmlns:z="urn:rowset"'))
    released = [json.loads((go / r["body"]).read_text(encoding="utf-8")) for r in adds
                if r["file"].startswith("udleveret/")]
    assert "Akt 1:" in released[0]["Metadata"] and "(udleveret)" in released[0]["Metadata"]
    last = plan["requests"][-1]
    assert last["path"] == "/_goapi/Documents/MarkMultipleAsCaseRecord/ByDocumentId"
    assert json.loads((go / "journalise.json").read_text()) == {"DocumentIds": []}
    assert "Kontrollér dem mod" in (go / "LÆSMIG.txt").read_text(encoding="utf-8")
    # SBSYS needs its numeric case id: not written for an AKT-… reference
    assert not (bundle.path / "esdh" / "sbsys").exists()
    manifest = json.loads((bundle.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["esdh"]["systems"] == {"getorganized": "esdh/getorganized/requests.json"}
    assert any("SBSYS" in m for m in manifest["messages"])


def test_sbsys_payloads_and_the_journal_note_as_html(services, lead, case, tmp_path):
    _approved(services, lead, case, ref="4711")
    result = services.export_bundle(case.id, tmp_path / "eksport", today=date(2026, 11, 28))
    sb = result.path / "esdh" / "sbsys"
    plan = json.loads((sb / "requests.json").read_text(encoding="utf-8"))
    assert plan["sag_id"] == 4711 and len(plan["requests"]) == 5
    for r in plan["requests"]:
        assert r["path"] == "api/dokument/journaliser"
        dto = json.loads((sb / r["multipart"]["json"]).read_text(encoding="utf-8"))
        assert dto["SagID"] == 4711 and dto["DokumentNavn"]
        assert (result.path / r["multipart"]["file"]).is_file()
    note = (sb / "journalnotat.html").read_text(encoding="utf-8")
    assert note.startswith("<!DOCTYPE html>") and "<h2>Modtagelse</h2>" in note and "Mette Hansen" not in note


def test_bundle_verify_catches_a_changed_byte_a_new_sha256sums_and_an_added_file(services, bundle, tmp_path):
    assert services.verify_bundle(bundle.path).ok
    check = services.verify_bundle(bundle.path)
    assert check.released_checked == 2 and check.files > 10

    def copy(name):
        dest = tmp_path / name / bundle.path.name
        shutil.copytree(bundle.path, dest)
        return dest

    # one changed byte in a released file
    changed = copy("byte")
    target = sorted((changed / "udleveret").iterdir())[0]
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    problems = services.verify_bundle(changed).problems
    assert any("er ændret" in p and target.name in p for p in problems)
    # ... and SHA256SUMS regenerated to match: the manifest and the store's record still catch it
    sums = "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(changed).as_posix()}\n"
                   for p in sorted(changed.rglob("*")) if p.is_file() and p.name != "SHA256SUMS")
    (changed / "SHA256SUMS").write_text(sums, encoding="utf-8")
    problems = services.verify_bundle(changed).problems
    assert any("SHA256SUMS er ikke den, der blev dannet" in p for p in problems)
    assert any("passer ikke med manifestet" in p for p in problems)
    # an added file
    added = copy("added")
    (added / "udleveret" / "akt_0099_ekstra.pdf").write_bytes(b"%PDF-1.4\n")
    problems = services.verify_bundle(added).problems
    assert any("akt_0099_ekstra.pdf er lagt i pakken efter eksporten" in p for p in problems)
    # offline: without the store the file checks still hold
    assert not services.verify_bundle(added, offline=True).ok


def _write_into(pdf_path, text):
    """Write ``text`` onto the first page of a released PDF (what a hand edit after the export does)."""
    import pymupdf

    pdf = pymupdf.open(pdf_path)
    pdf[0].insert_text((72, 400), text, fontname="helv", fontsize=11)
    pdf.save(pdf_path.with_suffix(".tmp"))
    pdf.close()
    pdf_path.with_suffix(".tmp").replace(pdf_path)


def test_bundle_verify_reruns_the_leak_check(services, bundle, tmp_path, monkeypatch):
    """A released file that passed at export but would leak a redacted string now fails bundle verify."""
    leaked = tmp_path / "leak" / bundle.path.name
    shutil.copytree(bundle.path, leaked)
    pdf_path = sorted((leaked / "udleveret").iterdir())[0]
    _write_into(pdf_path, "Mette Hansen")
    problems = services.verify_bundle(leaked).problems
    assert any("Lækagekontrollen af akt 1 fejler nu" in p for p in problems)


def test_bundle_verify_checks_every_released_file_against_every_value_withheld_in_the_case(services, bundle,
                                                                                           tmp_path):
    """As at the export: the CPR number withheld in akt 1 must not stand in akt 2's released file."""
    leaked = tmp_path / "leak2" / bundle.path.name
    shutil.copytree(bundle.path, leaked)
    manifest = json.loads((leaked / "manifest.json").read_text(encoding="utf-8"))
    akt2 = next(d for d in manifest["documents"] if d["akt_nr"] == 2)
    pdf_path = leaked / akt2["released_file"]
    _write_into(pdf_path, "Kopi til 010203-1234")
    problems = services.verify_bundle(leaked).problems
    assert any("Lækagekontrollen af akt 2 fejler nu" in p for p in problems), problems
    assert not any("010203-1234" in p for p in problems)  # the value itself is never named


def test_case_export_to_a_zip_and_verify_it_from_the_command_line(services, lead, case, tmp_path, monkeypatch):
    from aktindsigt.cli import app, common

    _approved(services, lead, case)
    monkeypatch.setattr(common, "services_factory", lambda: services)
    runner = CliRunner()
    target = tmp_path / "ud" / "pakke.zip"
    result = runner.invoke(app, ["case", "export", str(case.id), "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(target) and not list((tmp_path / "ud").glob(".*"))
    with zipfile.ZipFile(target) as z:
        names = z.namelist()
    top = names[0].split("/")[0]
    assert top.startswith("AKT_751_AKT_2026_0007_") and f"{top}/manifest.json" in names
    result = runner.invoke(app, ["bundle", "verify", str(target)])
    assert result.exit_code == 0, result.output
    assert "er som eksporteret" in result.output
    # the zip with one file changed
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(target) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("02_Aktliste.csv"):
                data = data.replace(b";", b",", 1)
            dst.writestr(info, data)
    result = runner.invoke(app, ["bundle", "verify", str(bad)])
    assert result.exit_code == 1 and "02_Aktliste.csv er ændret" in result.output
    with pytest.raises(ServiceError, match="findes allerede"):
        services.export_zip(case.id, target)


def test_bundle_verify_reads_a_sha256sums_written_by_sha256sum_and_finds_the_bundle_in_the_export_folder(
        services, lead, case, bundle, tmp_path, monkeypatch):
    """What a person does with the bundle: `sha256sum` from inside it (names with ./, or binary mode), and
    `bundle verify` on the folder given to `case export --out`; a second export the same day (same bundle
    id) does not make the first one fail."""
    from aktindsigt.cli import app, common

    monkeypatch.setattr(common, "services_factory", lambda: services)
    runner = CliRunner()
    result = runner.invoke(app, ["bundle", "verify", str(bundle.path.parent)])  # the --out folder
    assert result.exit_code == 0, result.output
    assert "er som eksporteret" in result.output and "lækagekontrollen bestået for 2 udleverede filer" in result.output

    changed = tmp_path / "manual" / bundle.path.name
    shutil.copytree(bundle.path, changed)
    target = changed / "02_Aktliste.csv"
    target.write_bytes(target.read_bytes() + b"\n")
    for style in ("  ./", " *./", " *"):
        lines = [f"{hashlib.sha256(p.read_bytes()).hexdigest()}{style}{p.relative_to(changed).as_posix()}"
                 for p in sorted(changed.rglob("*")) if p.is_file() and p.name != "SHA256SUMS"]
        (changed / "SHA256SUMS").write_text("\n".join(lines) + "\n", encoding="utf-8")
        problems = services.verify_bundle(changed).problems
        # exactly the real differences, not every file reported as missing and added
        assert sorted(problems) == sorted(["02_Aktliste.csv passer ikke med manifestet.",
                                           "SHA256SUMS er ikke den, der blev dannet ved eksporten (pakkens "
                                           "SHA-256 passer ikke med databasen)."]), (style, problems)
    (changed / "SHA256SUMS").write_text("ikke en kontrolsum\n", encoding="utf-8")
    problems = services.verify_bundle(changed).problems
    assert any("SHA256SUMS, linje 1, kan ikke læses" in p for p in problems)

    again = services.export_bundle(case.id, tmp_path / "igen", today=date(2026, 11, 28))
    assert again.path.name == bundle.path.name  # the same bundle id
    assert services.verify_bundle(bundle.path).ok and services.verify_bundle(again.path).ok
    both = tmp_path / "begge"
    shutil.copytree(bundle.path, both / "a")
    shutil.copytree(again.path, both / "b")
    with pytest.raises(ServiceError, match="flere eksportpakker"):
        services.verify_bundle(both)
    result = runner.invoke(app, ["bundle", "verify", "--offline", str(bundle.path)])
    assert result.exit_code == 0 and "lækagekontrollen er ikke kørt" in result.output


def test_an_export_whose_manifest_would_break_the_schema_is_refused_and_leaves_nothing(services, lead, case, tmp_path,
                                                                                        monkeypatch):
    from aktindsigt.services import esdh

    _approved(services, lead, case)
    real = esdh.classification
    monkeypatch.setattr(esdh, "classification", lambda c, s: {**real(c, s), "facet": "A99"})
    with pytest.raises(ServiceError, match="manifestet ikke følger skemaet") as e:
        services.export_bundle(case.id, tmp_path / "eksport", today=date(2026, 11, 28))
    assert "case/classification/facet" in e.value.message
    assert not (tmp_path / "eksport").exists() or not any((tmp_path / "eksport").iterdir())
    assert not services.store.get_setting(f"case:{case.id}:bundles", [])
    monkeypatch.setattr(esdh, "classification", real)
    assert services.verify_bundle(services.export_bundle(case.id, tmp_path / "eksport",
                                                         today=date(2026, 11, 28)).path).ok
