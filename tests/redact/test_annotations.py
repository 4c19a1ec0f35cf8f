"""Redaction keeps what it does not redact: annotations that show content are burned in first, and the
rendered page outside the boxes is compared before and after (#15)."""

from __future__ import annotations

import json

import pymupdf
import pytest
from typer.testing import CliRunner

from aktindsigt.cli import app
from aktindsigt.redact import sanitize
from aktindsigt.redact.pixelcheck import lost_outside_boxes

TERM = "Mette Hansen"


def annotation_only_page(path):
    """A page made of stamps, typewriter text and ink - no page content at all - plus a hidden note and
    a sticky note whose texts are not part of the printed page."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.add_freetext_annot(pymupdf.Rect(72, 72, 460, 100), f"Indsigelse fra {TERM} modtaget og journaliseret",
                            fontsize=12)
    page.add_freetext_annot(pymupdf.Rect(72, 120, 460, 148), "Sagsbehandler: kontrolleret uden bemærkninger",
                            fontsize=12)
    page.add_stamp_annot(pymupdf.Rect(72, 200, 300, 260), stamp=0)
    page.add_ink_annot([[(100, 320), (200, 370), (300, 320)]])
    hidden = page.add_freetext_annot(pymupdf.Rect(72, 420, 460, 448), "Skjult: Ole Olsen", fontsize=12)
    hidden.set_flags(pymupdf.PDF_ANNOT_IS_HIDDEN)
    hidden.update()
    page.add_text_annot((520, 500), "Note: ring til Jens Jensen")
    doc.save(path)
    doc.close()
    return path


@pytest.fixture
def cli(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    runner = CliRunner()
    return lambda *a: runner.invoke(app, list(a), catch_exceptions=False)


def _ink(pix) -> int:
    return sum(1 for v in pix.samples[::pix.n] if v < 230)


def test_an_annotation_only_page_keeps_everything_but_the_term(cli, tmp_path):
    src = annotation_only_page(tmp_path / "stempler.pdf")
    out = tmp_path / "ud.pdf"
    r = cli("redact", str(src), "--term", TERM, "--out", str(out))
    assert r.exit_code == 0, r.output
    report = json.loads((tmp_path / "ud.pdf.verification.json").read_text(encoding="utf-8"))
    assert report["passed"] and report["redaction"]["boxes"] >= 1
    assert next(c for c in report["checks"] if c["name"] == "outside_boxes_kept")["passed"]
    doc = pymupdf.open(out)
    page = doc[0]
    text = page.get_text()
    assert TERM not in text
    assert "Indsigelse fra" in text and "modtaget og journaliseret" in text
    assert "kontrolleret uden bemærkninger" in text and "APPROVED" in text  # the stamp
    assert "Ole Olsen" not in text and "Jens Jensen" not in text  # hidden and sticky notes are not released
    assert list(page.annots()) == []
    stamp_area = page.get_pixmap(dpi=50, clip=pymupdf.Rect(72, 200, 300, 260), colorspace=pymupdf.csGRAY)
    ink_area = page.get_pixmap(dpi=100, clip=pymupdf.Rect(95, 315, 305, 375), colorspace=pymupdf.csGRAY)
    assert _ink(stamp_area) > 100 and _ink(ink_area) > 20  # drawn, not only present as text
    page.get_pixmap(dpi=60).save(tmp_path / "stempler.png")  # for a person to look at
    doc.close()


def test_the_pixel_check_fails_a_page_that_lost_its_annotations(cli, tmp_path, monkeypatch):
    """The old sanitiser deleted every annotation: the text check saw nothing wrong (there was no page text
    to survive), the rendered comparison does."""
    src = annotation_only_page(tmp_path / "stempler.pdf")

    def delete_all(doc):
        for page in doc:
            for a in list(page.annots() or []):
                page.delete_annot(a)
        return 0, 0

    monkeypatch.setattr(sanitize, "flatten_and_strip_annotations", delete_all)
    import aktindsigt.redact.engine as engine
    import aktindsigt.redact.standalone as standalone

    monkeypatch.setattr(engine, "flatten_and_strip_annotations", delete_all)
    monkeypatch.setattr(standalone, "flatten_and_strip_annotations", delete_all)
    out = tmp_path / "ud.pdf"
    r = cli("redact", str(src), "--term", "journaliseret", "--out", str(out))
    assert r.exit_code == 2 and not out.exists()
    report = json.loads((tmp_path / "ud.pdf.verification.json").read_text(encoding="utf-8"))
    check = next(c for c in report["checks"] if c["name"] == "outside_boxes_kept")
    assert not check["passed"] and "er forsvundet" in check["details"][0]


def test_added_boxes_and_stamps_are_not_a_loss(tmp_path):
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), "Alt dette står der stadig bagefter.", fontsize=12)
    doc.save(tmp_path / "a.pdf")
    page.draw_rect(pymupdf.Rect(300, 300, 400, 330), fill=(0, 0, 0))  # a box where nothing was
    page.insert_text((200, 830), "Aktindsigt · side 1 af 1", fontsize=8)
    doc.save(tmp_path / "b.pdf")
    assert lost_outside_boxes(tmp_path / "a.pdf", tmp_path / "b.pdf", {}) == []
    assert lost_outside_boxes(tmp_path / "b.pdf", tmp_path / "a.pdf", {}) != []  # removed ink is
    assert lost_outside_boxes(tmp_path / "b.pdf", tmp_path / "a.pdf",
                              {1: [pymupdf.Rect(300, 300, 400, 330), pymupdf.Rect(190, 815, 420, 840)]}) == []
