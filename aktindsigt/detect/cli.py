"""The ``detect`` command: run the detection engine on files without a case.

``register(app)`` adds ``detect FILE... [--format jsonl|table]`` to a Typer app (the main
``aktindsigt/cli.py`` calls it).  Each file's text comes from ``aktindsigt.ingest.ingest``
(``IngestResult.document.text``).

``--format jsonl`` is a fixed contract used by scripts outside the project: one JSON
object per suggestion and line, with at least

    file        the path exactly as given on the command line
    start, end  character offsets into that file's document text
    text        the suggested text
    entity      entity type (``CPR``, ``PERSON``, ...)
    score       0..1
    detector    which recognizer
    ground      proposed legal ground id (or null)
    preselected true/false

Exit code 0 when every file was read, 1 when a file could not be read (the others are
still processed; the reason goes to stderr), 2 when the engine cannot start (e.g. the
Danish NER model is missing).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aktindsigt.core.model import Regime

if TYPE_CHECKING:
    from aktindsigt.detect.engine import DetectionEngine

#: builds the engine; tests replace it to inject a small spaCy pipeline
EngineFactory = Callable[[Regime, bool], "DetectionEngine"]


def _default_engine(regime: Regime, include_unsuggested: bool) -> DetectionEngine:
    from aktindsigt.detect.engine import DetectionEngine

    return DetectionEngine(regime=regime, include_unsuggested=include_unsuggested)


engine_factory: EngineFactory = _default_engine


def _read_text(path: Path) -> tuple[str | None, str]:
    """(text, error): the document text of ``path`` via the ingest registry."""
    from aktindsigt.ingest import ingest

    try:
        with ingest(path) as result:
            doc = result.document
            if doc.failed:
                return None, doc.failure_reason or doc.failure_detail or "kunne ikke læses"
            return doc.text, ""
    except Exception as exc:  # ingest should not raise; be safe for a batch command
        return None, str(exc)


def register(app: typer.Typer) -> None:
    """Add the ``detect`` command to ``app``."""

    @app.command("detect")
    def detect(
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
            typer.echo(f"Ukendt regime: {regime}", err=True)
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
    typer.echo(f"\n{total} forslag i {len(names)} fil(er).")
