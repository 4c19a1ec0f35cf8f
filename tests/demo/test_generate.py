from __future__ import annotations

import json

import pytest

from aktindsigt.core.model import EntityType, Regime
from aktindsigt.demo.generate import MANIFEST_NAME, generate_demo_case, manifest_digest
from aktindsigt.ingest import ingest, tesseract_status


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return generate_demo_case(tmp_path_factory.mktemp("demo"), seed=1234)


@pytest.fixture(scope="module")
def ingested(demo):
    """file name -> (failed documents, all texts of the file and its attachments)."""
    out = {}
    for f in demo.files:
        with ingest(f.path) as res:
            docs = list(res.document.walk())
            out[f.name] = ([(d.source_name, d.failure_reason, d.failure_detail) for d in docs if d.failed],
                           "\n".join(d.text for d in docs))
    return out


def test_case_metadata(demo):
    assert demo.regime == Regime.OFL7
    assert demo.kle_subject == "27.24.00"
    assert demo.requester_name and demo.title
    case = demo.to_case()
    assert case.requester_name == demo.requester_name and case.received == demo.received
    assert demo.case["regime"] == "ofl7" and demo.case["received"] == demo.received
    assert demo.case["kle_subject"] == "27.24.00" and demo.case["requester_type"] == "journalist"
    manifest = json.loads((demo.out_dir / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert manifest["case"]["regime"] == "ofl7"
    assert len(manifest["files"]) == len(demo.files)


def test_about_twenty_documents_of_all_formats(demo):
    assert 18 <= len(demo.files) <= 25
    formats = {f.format for f in demo.files}
    assert {"pdf", "scanned-pdf", "mixed-pdf", "docx", "eml", "msg", "image", "text", "html"} <= formats
    suffixes = {f.path.suffix for f in demo.files}
    assert {".pdf", ".docx", ".eml", ".msg", ".png", ".tif", ".txt", ".html"} <= suffixes
    assert all(f.path.is_file() for f in demo.files)
    # nothing else in the folder (services import the whole folder; the manifest is hidden)
    assert sorted(p.name for p in demo.out_dir.iterdir() if not p.name.startswith(".")) == sorted(
        f.name for f in demo.files)


def test_ground_truth_covers_all_entity_types(demo):
    types = {e.type for f in demo.files for e in f.entities}
    assert {EntityType.PERSON, EntityType.CPR, EntityType.PHONE, EntityType.EMAIL, EntityType.ADDRESS,
            EntityType.BANK_ACCOUNT} <= types
    for f in demo.files:
        assert f.entities, f.name
    cprs = [e.text for f in demo.files for e in f.entities if e.type == EntityType.CPR]
    for cpr in cprs:  # valid dates
        from datetime import date

        dd, mm, yy = int(cpr[0:2]), int(cpr[2:4]), int(cpr[4:6])
        date(2000 + yy if yy < 37 else 1900 + yy, mm, dd)


def test_deterministic_for_a_seed(demo, tmp_path):
    again = generate_demo_case(tmp_path / "again", seed=1234)
    assert manifest_digest(again) == manifest_digest(demo)
    for a, b in zip(demo.files, again.files, strict=True):
        assert a.name == b.name
        if a.path.suffix in (".txt", ".html", ".eml", ".pdf", ".png", ".tif"):
            assert a.path.read_bytes() == b.path.read_bytes(), a.name
    other = generate_demo_case(tmp_path / "other", seed=99)
    assert manifest_digest(other) != manifest_digest(demo)


def test_every_file_ingests_without_failure(demo, ingested):
    for f in demo.files:
        failed, text = ingested[f.name]
        assert not failed, (f.name, failed)
        assert text.strip(), f.name


def test_ground_truth_strings_appear_in_ingested_text(demo, ingested):
    for f in demo.files:
        _, text = ingested[f.name]
        flat = " ".join(text.split())
        found = [e for e in f.entities if e.text in flat]
        if f.ocr:  # OCR is fuzzy: most, not all
            if not tesseract_status().available:
                continue  # without Tesseract scanned files import without text (tested in tests/ingest)
            assert len(found) >= 0.75 * len(f.entities), (f.name, f.entities, flat)
        else:
            assert len(found) == len(f.entities), (f.name, [e for e in f.entities if e not in found])


def test_demo_request_can_arrive_on_a_given_day(tmp_path):
    from datetime import date

    day = date(2026, 11, 27)
    demo = generate_demo_case(tmp_path / "dated", seed=1234, today=day)
    assert demo.received == day and demo.case["received"] == day
    fixed = generate_demo_case(tmp_path / "fixed", seed=1234)
    assert fixed.requester_name == demo.requester_name  # same people, only the dates move


def test_the_app_demo_case_is_within_its_deadline(services, tmp_path):
    from datetime import date, timedelta

    case, _ = services.create_demo_case(tmp_path / "demo")
    assert case.received == date.today() - timedelta(days=2)
    overview = {c.case.id: c for c in services.list_cases()}[case.id]
    assert overview.deadlines.light.name == "GREEN"
