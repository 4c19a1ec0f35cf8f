"""``aktindsigt bundle verify``: check an export bundle again before (or after) it goes into the ESDH."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aktindsigt.cli.common import err, out, run

app = typer.Typer(help="Eksportpakker til ESDH.", no_args_is_help=True)


@app.command("verify")
def bundle_verify(
    path: Annotated[Path, typer.Argument(help="Pakkens mappe eller zip-fil")],
    offline: Annotated[bool, typer.Option("--offline", help="Kun filerne mod SHA256SUMS, manifestet og skemaet "
                                          "(uden databasen og uden lækagekontrol)")] = False,
) -> None:
    """Kontrollér hver fil mod SHA256SUMS og manifestet, pakken mod databasens registrering af eksporten, og
    kør lækagekontrollen igen på de udleverede filer. Afslutter med kode 1 ved enhver afvigelse."""
    check = run(lambda svc: svc.verify_bundle(path, offline=offline))
    for note in check.notes:
        err.print(f"[yellow]{note}[/yellow]")
    if check.ok:
        out.print(check.summary())
        return
    err.print(f"[red]{check.summary()}[/red]")
    for p in check.problems:
        err.print(f"- {p}")
    raise typer.Exit(1)
