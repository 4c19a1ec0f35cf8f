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
    from aktindsigt.core.danish import count

    check = run(lambda svc: svc.verify_bundle(path, offline=offline))
    for note in check.notes:
        err.print(f"[yellow]{note}[/yellow]")
    if check.ok:
        when = ""
        if check.exported_at:
            from datetime import datetime

            from aktindsigt.core.errors import clock

            try:
                when = f" {clock(datetime.fromisoformat(check.exported_at))}"
            except ValueError:
                when = ""
            when += f" af {check.exported_by}" if check.exported_by else ""
        leak = ("lækagekontrollen er ikke kørt" if check.offline else
                f"lækagekontrollen bestået for {count(check.released_checked, 'udleveret fil', 'udleverede filer')}")
        out.print(f"Pakken {check.bundle_id} er som eksporteret{when}: {count(check.files, 'fil', 'filer')} "
                  f"kontrolleret, {leak}.")
        return
    err.print(f"[red]Pakken {check.bundle_id or path} afviger fra eksporten "
              f"({count(len(check.problems), 'fejl', 'fejl')}):[/red]")
    for p in check.problems:
        err.print(f"- {p}")
    raise typer.Exit(1)
