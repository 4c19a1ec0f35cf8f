"""``aktindsigt redact IN.pdf --term TEXT [--term TEXT ...] --out OUT.pdf [--label TEXT]``.

A standalone tool (scripts outside the project rely on this contract):
redacts every occurrence of each term in any case -- text layer (also hyphenated
across lines and written glyph by glyph) and text inside images (OCR) --,
sanitises, verifies the saved file and writes the report to
``OUT.pdf.verification.json``.  Exit codes: 0 verified; 1 bad input; 2 verification
failed (the output is removed, the report stays).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pymupdf
import typer

from aktindsigt.redact.engine import RedactError, redact_pdf, shrink_for_text, to_rect
from aktindsigt.redact.model import DEFAULT_LABEL, RedactionBox, RedactOptions
from aktindsigt.redact.sanitize import flatten_and_strip_annotations, remove_hidden_layers
from aktindsigt.redact.search import find_term_boxes
from aktindsigt.redact.textnorm import Haystack
from aktindsigt.redact.verify import TEXT_FLAGS, verify

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_VERIFY = 2


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
        typer.echo("Angiv mindst ét --term.", err=True)
        return EXIT_INPUT
    try:
        doc = pymupdf.open(input_path)
    except Exception as exc:  # noqa: BLE001
        typer.echo(f"Kan ikke åbne {input_path}: {exc}", err=True)
        return EXIT_INPUT
    if doc.needs_pass:
        typer.echo("PDF'en er krypteret med adgangskode.", err=True)
        return EXIT_INPUT
    options = RedactOptions(
        stamp_format=stamp, case_number=case_number, akt_nr=akt_nr, redacted_strings=tuple(terms)
    )
    try:
        # search what the engine will redact: hidden layers gone, annotations removed,
        # form values flattened into the page (in memory only)
        remove_hidden_layers(doc)
        flatten_and_strip_annotations(doc)
        found = find_term_boxes(doc, terms, label=label, ocr=ocr)
        survivors = expected_survivors(doc, found.boxes, terms, options.text_removal_band)
    finally:
        doc.close()
    report_path = Path(f"{out}.verification.json")
    try:
        result = redact_pdf(input_path, out, found.boxes, options=options)
    except RedactError as exc:
        typer.echo(str(exc), err=True)
        return EXIT_INPUT
    except Exception as exc:  # noqa: BLE001 -- nothing was written (atomic save)
        typer.echo(f"Overstregning fejlede: {type(exc).__name__}: {exc}", err=True)
        return EXIT_INPUT
    report = verify(
        out,
        terms,
        expected_surviving=survivors,
        # pages with images are OCR-checked even when the search could not read them:
        # without Tesseract that check is "not run" and fails closed (unless --allow-no-ocr)
        ocr_pages=sorted(set(result.image_redaction_pages) | set(found.ocr_pages)),
        require_ocr=require_ocr,
    )
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
        typer.echo(f"VERIFIKATION FEJLEDE – {out} er slettet. Se {report_path}", err=True)
        for c in report.failures:
            typer.echo(f"  {c.name}: {c.status}: {'; '.join(c.details[:5])}", err=True)
        return EXIT_VERIFY
    typer.echo(
        f"{out}: {result.boxes_applied} overstregninger på {result.pages} sider, verificeret ({report_path.name})"
    )
    return EXIT_OK


def register(app: typer.Typer) -> None:
    """Add the ``redact`` command to ``app``."""

    @app.command("redact")
    def redact_command(
        input_pdf: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True, help="PDF to redact"),
        term: list[str] = typer.Option(..., "--term", "-t", help="Text to redact (repeatable, any case)"),
        out: Path = typer.Option(..., "--out", "-o", help="Redacted PDF to write"),
        label: str = typer.Option(DEFAULT_LABEL, "--label", help="Label in each box (the legal ground)"),
        ocr: str = typer.Option("auto", "--ocr", help="auto (pages with images) | always | never"),
        require_ocr: bool = typer.Option(
            True, "--require-ocr/--allow-no-ocr", help="Fail verification when Tesseract is missing"
        ),
        stamp: str | None = typer.Option(None, "--stamp", help="Page stamp format, e.g. DEFAULT"),
        case_number: str = typer.Option("", "--case", help="Case number for the stamp"),
        akt_nr: str = typer.Option("", "--akt", help="Document number for the stamp"),
    ) -> None:
        """Redact every occurrence of the terms, sanitise, verify (non-zero exit on failure)."""
        if ocr not in ("auto", "always", "never"):
            raise typer.BadParameter("--ocr must be auto, always or never")
        if stamp == "DEFAULT":
            stamp = RedactOptions().stamp_format
        code = run_redact(input_pdf, term, out, label, ocr, require_ocr, stamp, case_number, akt_nr)
        raise typer.Exit(code)
