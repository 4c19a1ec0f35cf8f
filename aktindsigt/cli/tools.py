"""Commands without a case: ``text``, ``detect``, ``redact``, ``eval-ner``, and the app's own ``demo``,
``run`` and ``doctor``.

``detect --format jsonl`` is a fixed contract used by scripts outside the project: one JSON object
per suggestion and line, with at least ``file`` (the path exactly as given), ``start``/``end``
(character offsets into that file's document text), ``text``, ``entity``, ``score``, ``detector``,
``ground`` (or null) and ``preselected``. Exit code 0 when every file was read, 1 when a file could
not be read (the others are still processed; the reason goes to stderr), 2 when the engine cannot
start (e.g. the Danish NER model is missing).

``redact IN.pdf --term TEXT ... --out OUT.pdf``: exit 0 verified; 1 bad input; 2 verification
failed (the output is removed, the report ``OUT.pdf.verification.json`` stays).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aktindsigt.cli.common import fail, log, out, progress, services
from aktindsigt.core.danish import count
from aktindsigt.core.model import Regime

if TYPE_CHECKING:
    from aktindsigt.detect.engine import DetectionEngine
    from aktindsigt.services import Services


def _default_engine(regime: Regime, include_unsuggested: bool) -> DetectionEngine:
    from aktindsigt.detect.engine import DetectionEngine

    return DetectionEngine(regime=regime, include_unsuggested=include_unsuggested)


#: builds the detection engine for ``detect``; tests replace it to inject a small spaCy pipeline
engine_factory: Callable[[Regime, bool], DetectionEngine] = _default_engine


def text_cmd(file: Annotated[Path, typer.Argument(help="En fil i et understøttet format")]) -> None:
    """Skriv den udtrukne tekst af én fil (uden sag)."""
    from aktindsigt.services import ServiceError, Services

    try:
        text = Services.extract_text(file)
    except ServiceError as e:
        raise fail(e) from e
    sys.stdout.write(text)
    sys.stdout.flush()


def _read_text(path: Path) -> tuple[str | None, str]:
    """(text, error): the document text of ``path`` via the ingest registry."""
    from aktindsigt.ingest import ingest

    try:
        with ingest(path) as result:
            doc = result.document
            if doc.failed:
                return None, doc.failure_reason or doc.failure_detail or "kunne ikke læses"
            return doc.text, ""
    except Exception as exc:  # noqa: BLE001 - ingest should not raise; be safe for a batch command
        return None, str(exc)


def detect_cmd(
    files: Annotated[list[Path], typer.Argument(help="Filer der skal undersøges.", exists=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl eller table.")] = "table",
    regime: Annotated[str, typer.Option("--regime", help="ofl7, ofl8, fvl9, mol, gdpr15.")] = "ofl7",
    include_all: Annotated[
        bool, typer.Option("--all", help="Medtag også steder og organisationer (foreslås ikke).")
    ] = False,
) -> None:
    """Find personoplysninger i filer (uden sag) og vis forslag til overstregning."""
    if fmt not in ("jsonl", "table"):
        typer.echo(f"Ukendt format: {fmt} (brug jsonl eller table)", err=True)
        raise typer.Exit(2)
    try:
        reg = Regime(regime)
    except ValueError:
        typer.echo(f"Ukendt retsgrundlag: {regime}", err=True)
        raise typer.Exit(2) from None
    try:
        engine = engine_factory(reg, include_all)
    except RuntimeError as exc:
        typer.echo(f"Detektoren kunne ikke starte: {exc}", err=True)
        raise typer.Exit(2) from exc

    names: list[str] = []
    texts: list[str] = []
    failed = False
    for f in files:
        text, error = _read_text(f)
        if text is None:
            typer.echo(f"{f}: kunne ikke læses: {error}", err=True)
            failed = True
            continue
        names.append(str(f))
        texts.append(text)

    results = engine.analyze_texts(texts) if texts else []
    if fmt == "jsonl":
        for name, dets in zip(names, results, strict=True):
            for d in dets:
                row = {"file": name, **d.to_dict()}
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    else:
        _print_table(names, results)
    if failed:
        raise typer.Exit(1)


def _print_table(names: list[str], results: list) -> None:
    header = f"{'fil':30} {'start':>7} {'slut':>7} {'type':14} {'score':>5} {'valgt':5} {'hjemmel':8} tekst"
    typer.echo(header)
    typer.echo("-" * len(header))
    for name, dets in zip(names, results, strict=True):
        for d in dets:
            text = d.text.replace("\n", " ⏎ ")
            if len(text) > 60:
                text = text[:57] + "..."
            typer.echo(
                f"{name[-30:]:30} {d.start:7} {d.end:7} {d.entity_type.value:14} {d.score:5.2f} "
                f"{'ja' if d.preselected else 'nej':5} {d.ground_id or '-':8} {text}"
            )
    total = sum(len(r) for r in results)
    typer.echo(f"\n{count(total, 'forslag', 'forslag')} i {count(len(names), 'fil', 'filer')}.")


def redact_cmd(
    input_pdf: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True,
                                              help="PDF-filen, der skal overstreges")],
    term: Annotated[list[str], typer.Option("--term", "-t", help="Tekst, der skal overstreges (kan gentages; "
                                            "store og små bogstaver er ens)")],
    out_pdf: Annotated[Path, typer.Option("--out", "-o", help="Den overstregede PDF, der skal skrives")],
    label: Annotated[str | None, typer.Option("--label", help="Teksten i hver boks (hjemlen)")] = None,
    ocr: Annotated[str, typer.Option("--ocr", help="auto (sider med billeder), always eller never")] = "auto",
    require_ocr: Annotated[bool, typer.Option("--require-ocr/--allow-no-ocr",
                                              help="Lad kontrollen fejle, når Tesseract mangler")] = True,
    stamp: Annotated[str | None, typer.Option("--stamp", help="Sidestempel, fx DEFAULT")] = None,
    case_number: Annotated[str, typer.Option("--case", help="Sagsnummer til stemplet")] = "",
    akt_nr: Annotated[str, typer.Option("--akt", help="Aktnummer til stemplet")] = "",
) -> None:
    """Overstreg alle forekomster af teksterne, rens filen og kontrollér den (kode 2, hvis kontrollen fejler)."""
    from aktindsigt.redact.model import DEFAULT_LABEL, RedactOptions
    from aktindsigt.redact.standalone import run_redact

    if ocr not in ("auto", "always", "never"):
        raise typer.BadParameter("--ocr skal være auto, always eller never")
    if stamp == "DEFAULT":
        stamp = RedactOptions().stamp_format
    code = run_redact(input_pdf, term, out_pdf, label or DEFAULT_LABEL, ocr, require_ocr, stamp, case_number,
                      akt_nr)
    raise typer.Exit(code)


def eval_ner_cmd(
    conll: Annotated[Path, typer.Argument(help="CoNLL-fil: token<TAB>BIO-tag, tom linje mellem sætninger")],
    json_out: Annotated[Path | None, typer.Option("--json", help="Skriv resultaterne som JSON til denne fil")] = None,
    model: Annotated[Path | None, typer.Option("--model", help="Modelmappe (standard: models/da_aktindsigt)")] = None,
) -> None:
    """Mål den danske navnemodel på en CoNLL-fil (præcision, genkaldelse og F1 pr. type)."""
    from aktindsigt.nlp.evaluate import run_eval_ner

    code = run_eval_ner(conll, json_out, model_path=model)
    if code:
        raise typer.Exit(code)


def demo_cmd(
    out_dir: Annotated[Path | None, typer.Option("--out", help="Mappe til demo-filerne")] = None,
) -> None:
    """Opret en demosag med ca. 20 syntetiske dokumenter i alle formater."""
    svc = services()
    with progress("Opretter demosag", elapsed=False) as bar:
        case, summary = svc.create_demo_case(out_dir, progress=lambda d, t, m: bar(d, t, f"Importerer {m}"))
    _print_demo_summary(svc, case.id or 0, summary.imported, summary.failed)


def _print_demo_summary(svc: Services, case_id: int, imported: list, failed: list) -> None:
    detail = svc.case_detail(case_id)
    c = detail.case
    out.print(f"Demosag oprettet: [bold]{c.case_number}[/bold] (id {c.id}) · {c.title}")
    out.print(f"{count(len(imported), 'dokument', 'dokumenter')} importeret, {len(failed)} fejlet, "
              f"{count(sum(d.page_count for d in detail.documents), 'side', 'sider')} i alt.")
    out.print(f"Se sagen med: aktindsigt case show {c.id}")


def run_cmd() -> None:
    """Start programmet (opretter en demosag, hvis der ingen sager er; programmet vises med det samme, og demosagen
    bygges i baggrunden)."""
    from aktindsigt.cli.case import case_list

    svc = services()
    if not _has_display():
        created = svc.ensure_demo_case()  # with a screen, the app builds it in the background
        if created is not None:
            out.print(f"Første start: demosagen {created.case_number} er oprettet.")
        case_list()
        out.print("Der er ingen skærm (DISPLAY er ikke sat), så skrivebordsprogrammet kan ikke vises. "
                  "Brug kommandoerne ovenfor ('aktindsigt --help') eller start programmet fra skrivebordet.")
        return
    try:
        from aktindsigt.ui.app import main as ui_main  # the desktop app
    except ImportError as e:
        log.warning("desktop app not available: %s", e)
        case_list()
        out.print("Skrivebordsprogrammet kunne ikke startes; brug kommandoerne ovenfor ('aktindsigt --help').")
        return
    raise typer.Exit(ui_main())


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM") in ("offscreen", "xcb", "wayland", "vnc"))


def doctor_cmd() -> None:
    """Vis hvilke systemdele der er installeret, og hvad der ikke virker uden dem."""
    from rich.table import Table

    from aktindsigt.ingest.tools import libreoffice_status, tesseract_status, uno_python

    t = Table("Del", "Status", "Betydning")
    ok = True
    soffice = libreoffice_status()
    for name, st in (("Tesseract (OCR, dansk)", tesseract_status()), ("LibreOffice", soffice)):
        ok &= st.available
        t.add_row(name, "[green]installeret[/green]" if st.available else "[red]mangler[/red]",
                  st.detail if st.available else st.consequence)
    if soffice.available:  # without UNO every office file pays LibreOffice's start-up (a few seconds)
        uno = uno_python()
        t.add_row("LibreOffice UNO (én LibreOffice pr. import)",
                  "[green]installeret[/green]" if uno else "[yellow]mangler[/yellow]",
                  uno or "Uden UNO startes LibreOffice for hver Office-fil, så importen er langsommere "
                  "(installér python3-uno)")
    import shutil

    unzip = shutil.which("unzip")  # optional, like UNO: without it a few zip members get a reason instead
    t.add_row("unzip (zip-filer pakket med Deflate64 eller implode)",
              "[green]installeret[/green]" if unzip else "[yellow]mangler[/yellow]",
              unzip or "Uden unzip kan filer i et zip-arkiv, der er pakket med Deflate64 eller implode, ikke "
              "pakkes ud; de får en begrundelse, og resten af arkivet indlæses (installér unzip)")
    from aktindsigt import offline
    from aktindsigt.pdflib import pymupdf  # noqa: F401 - what the pipeline loads, loaded as it loads it

    net = offline.status()
    ok &= net.ok
    t.add_row("Intet netværk", "[green]i orden[/green]" if net.ok else "[red]fejl[/red]", net.describe())
    out.print(t)
    from aktindsigt.cli.db import print_store_checks

    ok &= print_store_checks()
    if not ok:
        raise typer.Exit(1)



def selftest_cmd() -> None:
    """Kontrollér installationen: demosagen åbnes i programmet (uden skærm), og ét dokument analyseres."""
    import time

    from aktindsigt.core.model import DocumentStatus

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    svc = services()
    started = time.perf_counter()
    svc.ensure_demo_case()
    case = svc.list_cases()[0].case
    docs = [d for d in svc.case_detail(case.id or 0).documents if d.status is DocumentStatus.READY and d.page_count]
    if not docs:
        out.print("[red]Demosagen har ingen læsbare dokumenter.[/red]")
        raise typer.Exit(1)
    from aktindsigt.ui.app import MainWindow, create_app

    app = create_app([])
    window = MainWindow(svc)
    window.show()
    case_window = window.open_case(case.id or 0)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)
    if case_window is None or not case_window.isVisible():
        out.print("[red]Sagsvinduet kunne ikke åbnes.[/red]")
        raise typer.Exit(1)
    window.close()
    app.processEvents()
    found = engine_factory(case.regime, False).analyze_texts([svc.document_text(docs[0].id or 0)])[0]
    out.print(f"Demosagen {case.case_number} er åbnet i programmet, og akt {docs[0].akt_nr} er analyseret: "
              f"{count(len(found), 'forslag', 'forslag')} ({time.perf_counter() - started:.1f} s).")
