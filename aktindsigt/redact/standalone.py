"""Standalone redaction of one PDF by terms: ``aktindsigt redact IN.pdf --term TEXT ... --out OUT.pdf``
(the command is in ``aktindsigt/cli/tools.py``).

A standalone tool (scripts outside the project rely on this contract):
redacts every occurrence of each term in any case -- text layer (also hyphenated
across lines and written glyph by glyph) and text inside images (OCR) --,
sanitises, verifies the saved file and writes the report to
``OUT.pdf.verification.json``.  Exit codes: 0 verified; 1 bad input; 2 verification
failed (the output is removed, the report stays).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from aktindsigt.core.danish import count
from aktindsigt.pdflib import pymupdf
from aktindsigt.redact.engine import (
    RedactError,
    redact_pdf,
    reopened,
    shrink_for_text,
    to_rect,
    uninterpretable_message,
    uninterpretable_pages,
)
from aktindsigt.redact.model import DEFAULT_LABEL, RedactionBox, RedactOptions
from aktindsigt.redact.ocr_cache import OcrSession
from aktindsigt.redact.pixelcheck import add_pixel_check
from aktindsigt.redact.sanitize import flatten_and_strip_annotations, remove_hidden_layers
from aktindsigt.redact.search import find_term_boxes
from aktindsigt.redact.textnorm import Haystack, name_forms
from aktindsigt.redact.verify import TEXT_FLAGS, verify

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_VERIFY = 2


def _say(message: str, err: bool = False) -> None:
    print(message, file=sys.stderr if err else sys.stdout)


def expected_survivors(doc: pymupdf.Document, boxes: list[RedactionBox], terms: list[str], band: float) -> list[str]:
    """Words of the text layer that no box touches and no term is part of: they must survive.

    Text drawn by annotations (removed by sanitising) is not expected; flattened form
    values are.
    """
    by_page: dict[int, list[pymupdf.Rect]] = defaultdict(list)
    for b in boxes:
        r = to_rect(b.rect)
        by_page[b.page].append(shrink_for_text(r, band) if b.kind == "text" else r)
    out: list[str] = []
    for page in doc:
        rects = by_page.get(page.number + 1, [])
        rects = rects + [a.rect for a in page.annots() or [] if a.type[0] != pymupdf.PDF_ANNOT_LINK]
        for w in page.get_text("words", flags=TEXT_FLAGS):
            text = w[4]
            if sum(c.isalnum() for c in text) < 2:
                continue
            wr = pymupdf.Rect(w[:4])
            if any(wr.intersects(r) for r in rects):
                continue
            hay = Haystack(text)
            if any(hay.contains(t) or Haystack(t).contains(text) for t in terms):
                continue
            out.append(text)
    return out


def run_redact(
    input_path: Path,
    terms: list[str],
    out: Path,
    label: str = DEFAULT_LABEL,
    ocr: str = "auto",
    require_ocr: bool = True,
    stamp: str | None = None,
    case_number: str = "",
    akt_nr: str = "",
) -> int:
    terms = [t for t in terms if t.strip()]
    if not terms:
        _say("Angiv mindst ét --term.", err=True)
        return EXIT_INPUT
    try:
        doc = pymupdf.open(input_path)
    except Exception as exc:  # noqa: BLE001
        _say(f"Kan ikke åbne {input_path}: {exc}", err=True)
        return EXIT_INPUT
    if doc.needs_pass:
        _say("PDF'en er krypteret med adgangskode.", err=True)
        return EXIT_INPUT
    bad = uninterpretable_pages(doc)
    if bad:
        doc.close()
        _say(uninterpretable_message(bad, can_withhold=False), err=True)
        return EXIT_INPUT
    options = RedactOptions(
        stamp_format=stamp, case_number=case_number, akt_nr=akt_nr, redacted_strings=tuple(terms)
    )
    session = OcrSession(input_path)  # what search reads is reused by verification where nothing changed
    try:
        # search what the engine will redact: hidden layers gone, annotations removed,
        # form values flattened into the page (in memory only)
        remove_hidden_layers(doc)
        if any(flatten_and_strip_annotations(doc)):
            doc = reopened(doc)
        found = find_term_boxes(doc, terms, label=label, ocr=ocr, session=session)
        survivors = expected_survivors(doc, found.boxes, terms, options.text_removal_band)
    finally:
        doc.close()
    report_path = Path(f"{out}.verification.json")
    try:
        result = redact_pdf(input_path, out, found.boxes, options=options)
    except RedactError as exc:
        _say(str(exc), err=True)
        return EXIT_INPUT
    except Exception as exc:  # noqa: BLE001 -- nothing was written (atomic save)
        _say(f"Overstregning fejlede: {type(exc).__name__}: {exc}", err=True)
        return EXIT_INPUT
    report = verify(
        out,
        [*terms, *(f for t in terms for f in name_forms(t))],  # also a name inside an e-mail address or URL
        expected_surviving=survivors,
        # pages with images are OCR-checked even when the search could not read them:
        # without Tesseract that check is "not run" and fails closed (unless --allow-no-ocr)
        ocr_pages=sorted(set(result.image_redaction_pages) | set(found.ocr_pages)),
        require_ocr=require_ocr,
        ocr_session=session,
    )
    session.close()
    add_pixel_check(report, input_path, out, found.boxes, result.withheld_pages)  # nothing lost outside the boxes
    data = report.to_dict()
    data["redaction"] = {
        "input": str(input_path),
        "boxes": result.boxes_applied,
        "text_hits": found.text_hits,
        "ocr_hits": found.ocr_hits,
        "ocr_pages": found.ocr_pages,
        "ocr_ran": found.ocr_ran,
        "ocr": found.ocr_message,
        "image_redaction_pages": result.image_redaction_pages,
        "collateral_characters_lost": len(result.collateral_loss),
        "second_pass_boxes": result.second_pass_boxes,
        "sanitised": result.sanitised,
    }
    tmp = report_path.with_name(report_path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    tmp.replace(report_path)
    if not report.passed:
        out.unlink(missing_ok=True)
        _say(f"VERIFIKATION FEJLEDE – {out} er slettet. Se {report_path}", err=True)
        for c in report.failures:
            _say(f"  {c.name}: {c.status}: {'; '.join(c.details[:5])}", err=True)
        return EXIT_VERIFY
    _say(
        f"{out}: {count(result.boxes_applied, 'overstregning', 'overstregninger')} på "
        f"{count(result.pages, 'side', 'sider')}, verificeret ({report_path.name})"
    )
    return EXIT_OK
