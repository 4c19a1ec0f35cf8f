"""The command line (``aktindsigt …``): headless commands over the services layer.

One module per command group; each command imports the services (and through them the
detectors, PyMuPDF, presidio) inside its body, so that commands that only read the store and
``--help`` start quickly:

    case.py      case create|list|show|import|analyze|suggestions|redact|export
    documents.py case document (a document's properties)
    review.py    case submit|approve|return|reopen|journalise
    search.py    case search|redact-term (search and remove, case-wide)
    outputs.py   case decide|statements|checklist|letter|aktliste|journalnotat|kvittering|fristbrev|klage,
                 municipality
    requester.py case requester|grounds (the requester's own identifiers; the grounds of the case's regime)
    settings.py  settings user|employees|closure-days
    tools.py     text, detect, redact, eval-ner, demo, run, doctor
    db.py        db upgrade|copy|check (the schema; moving a store to the team's database)
    bundle.py    bundle verify (an export bundle against its manifest, the store and the leak check)
    team.py      case queue|comment|comments|changes|audit|esdh-ref (the team lead's desk)
    audit.py     audit verify

Every command prints Danish messages for people; machine-readable output (``case create`` prints
the case id, ``text`` prints the text, ``detect --format jsonl``) goes to stdout alone.
"""

from __future__ import annotations

from typing import Annotated

import typer

from aktindsigt.cli import (  # noqa: F401 - registers commands
    audit,
    bundle,
    db,
    documents,
    outputs,
    requester,
    review,
    search,
    settings,
    team,
    tools,
)
from aktindsigt.cli.case import app as case_app
from aktindsigt.cli.common import danish_help

danish_help()

app = typer.Typer(
    help="aktindsigt: behandling af anmodninger om aktindsigt.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from aktindsigt import __version__

        typer.echo(f"aktindsigt {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                          help="Vis programmets version og afslut.")] = False,
) -> None:
    from aktindsigt.logging_setup import setup_logging

    setup_logging()


app.add_typer(case_app, name="case")
app.add_typer(settings.app, name="settings")
app.add_typer(db.app, name="db")
app.add_typer(bundle.app, name="bundle")
app.add_typer(audit.app, name="audit")
app.command("municipality")(outputs.municipality_cmd)
for _name, _fn in (("text", tools.text_cmd), ("detect", tools.detect_cmd), ("redact", tools.redact_cmd),
                   ("eval-ner", tools.eval_ner_cmd), ("demo", tools.demo_cmd), ("run", tools.run_cmd),
                   ("doctor", tools.doctor_cmd)):
    app.command(_name)(_fn)
app.command("selftest", hidden=True)(tools.selftest_cmd)


def main() -> None:
    app()


__all__ = ["app", "main"]
