"""The ``redact`` command contract: exit codes, report file, output removed on failure."""

from __future__ import annotations

import json

import pymupdf
from typer.testing import CliRunner

import aktindsigt.redact.standalone as cli_module
from aktindsigt.redact.search import TermSearchResult, find_term_boxes


def _pdf(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Borgeren Jens Hansen bor på Strandvejen 3.")
    page.insert_text((72, 90), "Hun hedder Mette Olsen.")
    p = tmp_path / "in.pdf"
    doc.save(p)
    return p


def test_redact_ok(tmp_path, redact_app):
    out = tmp_path / "out.pdf"
    res = CliRunner().invoke(
        redact_app, ["redact", str(_pdf(tmp_path)), "--term", "hansen", "--term", "METTE OLSEN", "--out", str(out)]
    )
    assert res.exit_code == 0, res.output
    text = pymupdf.open(out)[0].get_text()
    assert "Hansen" not in text and "Mette" not in text and "Olsen" not in text
    assert "Borgeren Jens" in text and "Strandvejen 3." in text and "Hun hedder" in text
    report = json.loads((tmp_path / "out.pdf.verification.json").read_text("utf-8"))
    assert report["passed"] and report["redaction"]["boxes"] == 2


def test_custom_label(tmp_path, redact_app):
    out = tmp_path / "out.pdf"
    res = CliRunner().invoke(
        redact_app, ["redact", str(_pdf(tmp_path)), "-t", "Hansen", "-o", str(out), "--label", "§ 33, nr. 1"]
    )
    assert res.exit_code == 0, res.output
    assert "§ 33, nr. 1" in pymupdf.open(out)[0].get_text()


def test_failing_verification_removes_output(tmp_path, redact_app, monkeypatch):
    def skip_second(doc, terms, **kw):  # a broken redactor: forgets every term but the first
        return find_term_boxes(doc, terms[:1], **kw)

    monkeypatch.setattr(cli_module, "find_term_boxes", skip_second)
    out = tmp_path / "out.pdf"
    res = CliRunner().invoke(
        redact_app, ["redact", str(_pdf(tmp_path)), "--term", "Hansen", "--term", "Mette", "--out", str(out)]
    )
    assert res.exit_code == 2
    assert not out.exists()
    report = json.loads((tmp_path / "out.pdf.verification.json").read_text("utf-8"))
    assert report["passed"] is False
    assert "Mette" not in json.dumps(report)


def test_no_boxes_at_all_still_fails(tmp_path, redact_app, monkeypatch):
    monkeypatch.setattr(cli_module, "find_term_boxes", lambda *a, **k: TermSearchResult())
    out = tmp_path / "out.pdf"
    res = CliRunner().invoke(redact_app, ["redact", str(_pdf(tmp_path)), "--term", "Hansen", "--out", str(out)])
    assert res.exit_code == 2 and not out.exists()


def test_bad_input(tmp_path, redact_app):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"garbage")
    res = CliRunner().invoke(redact_app, ["redact", str(bad), "--term", "x", "--out", str(tmp_path / "o.pdf")])
    assert res.exit_code == 1


def test_missing_tesseract_fails_closed_on_pages_with_images(tmp_path, redact_app, monkeypatch):
    import importlib

    from tests.redact.adversarial import text_png

    for mod in ("aktindsigt.redact.search", "aktindsigt.redact.verify"):
        monkeypatch.setattr(importlib.import_module(mod), "tesseract_status", lambda *a: (False, "mangler"))
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Et billede herunder")
    page.insert_image(pymupdf.Rect(72, 90, 332, 135), stream=text_png("Navn: Hansen"))
    src = tmp_path / "img.pdf"
    doc.save(src)
    out = tmp_path / "out.pdf"
    res = CliRunner().invoke(redact_app, ["redact", str(src), "--term", "Hansen", "--out", str(out)])
    assert res.exit_code == 2 and not out.exists()
    report = json.loads((tmp_path / "out.pdf.verification.json").read_text("utf-8"))
    ocr = next(c for c in report["checks"] if c["name"] == "ocr")
    assert ocr["status"] == "not_run"
    # the caseworker may explicitly accept that (the report still says OCR was not run)
    res = CliRunner().invoke(redact_app, ["redact", str(src), "-t", "Hansen", "-o", str(out), "--allow-no-ocr"])
    assert res.exit_code == 0 and out.exists()


def test_a_page_mupdf_cannot_interpret_is_a_danish_refusal(tmp_path, redact_app):
    from tests.ingest.corpus import corpus

    src = corpus.uninterpretable_pdf(tmp_path / "in.pdf")
    res = CliRunner().invoke(redact_app, ["redact", str(src), "--term", "Karen", "--out", str(tmp_path / "o.pdf")])
    assert res.exit_code == 1
    assert "Side 2 kan ikke læses af PDF-programmet" in res.output and "Traceback" not in res.output
    assert not (tmp_path / "o.pdf").exists()
