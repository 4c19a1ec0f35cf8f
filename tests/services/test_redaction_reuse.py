"""A verified redaction is reused while nothing that went into it changed (redact/reuse.py), and only then:
the export after the caseworker's redaction does not redact the case again, a changed decision redoes
the files it touches, and a kept file that changed on disk is never released."""

from __future__ import annotations

import json

import pymupdf
import pytest

from aktindsigt.core.model import Rect
from aktindsigt.redact import engine
from aktindsigt.redact.reuse import RedactionCache, fully_checked
from tests.services.conftest import clean_case


@pytest.fixture
def calls(monkeypatch):
    """How many files the redaction engine really redacted."""
    seen: list[str] = []
    real = engine.redact_pdf

    def counting(src, out, *a, **kw):
        seen.append(str(out))
        return real(src, out, *a, **kw)

    monkeypatch.setattr(engine, "redact_pdf", counting)
    return seen


def _text(path) -> str:
    with pymupdf.open(path) as doc:
        return "".join(p.get_text() for p in doc)


def _reused(out) -> list[bool]:
    report = json.loads((out / "revision" / "verification_report.json").read_text(encoding="utf-8"))
    assert report["passed"]
    return [d["reused"] for d in report["documents"]]


def test_a_second_redaction_reuses_the_verified_files(services, tmp_path, calls):
    case = clean_case(services, tmp_path)
    first = services.redact_case(case.id, tmp_path / "ud1")
    assert first.passed and len(calls) == 2
    assert _reused(tmp_path / "ud1") == [False, False]

    second = services.redact_case(case.id, tmp_path / "ud2")
    assert second.passed and len(calls) == 2  # nothing redacted again
    assert _reused(tmp_path / "ud2") == [True, True]
    for a, b in zip(first.documents, second.documents, strict=True):
        assert a.path.read_bytes() == b.path.read_bytes()
        assert b.report["sha256"] == a.report["sha256"]
    assert "Mette Hansen" not in _text(second.documents[0].path)


def test_the_export_after_a_redaction_does_not_redact_again(services, tmp_path, calls):
    case = clean_case(services, tmp_path)
    assert services.redact_case(case.id, tmp_path / "ud").passed and len(calls) == 2
    services.set_user_profile(role="teamleder")
    result = services.export_bundle(case.id, tmp_path / "eksport", override_reason="Test af genbrug")
    assert len(calls) == 2
    released = sorted(p for p in result.files if p.parent.name == "udleveret")
    assert len(released) == 2 and "010203-1234" not in _text(released[0])


def test_a_changed_decision_redoes_the_file_it_touches_and_a_new_value_every_file(services, tmp_path, calls):
    case = clean_case(services, tmp_path)
    services.redact_case(case.id, tmp_path / "ud1")
    klage, tilladelse = services.case_detail(case.id).documents
    services.redact_area(klage.id, 1, Rect(400, 700, 550, 780), "ofl30_1")  # an area: only this file changes
    assert services.redact_case(case.id, tmp_path / "ud2").passed
    assert len(calls) == 3 and _reused(tmp_path / "ud2") == [False, True]

    # a value withheld anywhere is searched for in every file: both are checked again
    text = services.document_text(tilladelse.id)
    i = text.index("carport")
    services.redact_text(tilladelse.id, i, i + len("carport"), "ofl30_1")
    assert services.redact_case(case.id, tmp_path / "ud3").passed
    assert len(calls) == 5 and _reused(tmp_path / "ud3") == [False, False]
    assert "carport " not in _text(tmp_path / "ud3" / "udleveret" / "akt_0002_tilladelse.pdf")


def test_a_kept_file_changed_on_disk_is_redacted_again(services, tmp_path, calls):
    case = clean_case(services, tmp_path)
    services.redact_case(case.id, tmp_path / "ud1")
    kept = sorted((RedactionCache.for_user().folder).glob("*.pdf"))
    assert len(kept) == 2
    for p in kept:  # a hand edit or a file cut short by a crash
        p.write_bytes(p.read_bytes()[:-200])
    second = services.redact_case(case.id, tmp_path / "ud2")
    assert second.passed and len(calls) == 4 and _reused(tmp_path / "ud2") == [False, False]
    assert "Mette Hansen" not in _text(second.documents[0].path)


def test_reuse_can_be_switched_off(services, tmp_path, calls, monkeypatch):
    monkeypatch.setenv("AKTINDSIGT_REDACTION_CACHE_MB", "0")
    case = clean_case(services, tmp_path)
    services.redact_case(case.id, tmp_path / "ud1")
    services.redact_case(case.id, tmp_path / "ud2")
    assert len(calls) == 4


def test_only_reports_whose_every_check_ran_and_passed_are_kept(tmp_path):
    good = {"passed": True, "checks": [{"name": "open", "passed": True, "status": "passed"}]}
    no_ocr = {"passed": True, "checks": [{"name": "open", "passed": True, "status": "passed"},
                                         {"name": "ocr", "passed": True, "status": "not_run"}]}
    assert fully_checked(good) and not fully_checked(no_ocr) and not fully_checked({"passed": True, "checks": []})
    out = tmp_path / "out.pdf"
    out.write_bytes(b"%PDF-1.7 test")
    cache = RedactionCache(tmp_path / "cache")
    cache.keep("a" * 64, out, no_ocr, [], 0)
    assert cache.fetch("a" * 64, tmp_path / "copy.pdf") is None
    cache.keep("b" * 64, out, good, [2], 0)
    entry = cache.fetch("b" * 64, tmp_path / "copy.pdf")
    assert entry is not None and entry["withheld_pages"] == [2]
    assert (tmp_path / "copy.pdf").read_bytes() == out.read_bytes()
