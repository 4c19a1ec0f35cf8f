"""``aktindsigt audit verify``: recompute the audit log's hash chain."""

from __future__ import annotations

from typing import Annotated

import typer

from aktindsigt.cli.common import err, out, run

app = typer.Typer(help="Revisionsloggen: kontrollér at ingen hændelse er ændret eller slettet.", no_args_is_help=True)


@app.command("verify")
def audit_verify(
    head: Annotated[str, typer.Option("--head", help="Et kædehoved fra et journalnotat eller en eksportpakke "
                                                     "(de første tegn er nok)")] = "",
) -> None:
    """Genberegn revisionsloggens hashkæde og sammenlign den med det gemte hoved (exit 1 ved fejl)."""
    from aktindsigt.core.danish import count

    rep = run(lambda svc: svc.verify_audit(head.strip()))
    bad = bool(rep.problems)
    if bad:
        err.print(f"[red]Revisionsloggen er ikke intakt ({count(len(rep.problems), 'fejl', 'fejl')}):[/red]")
        for p in rep.problems:
            err.print(f"- {p}")
    else:
        out.print(f"Revisionsloggen er intakt: {count(rep.events, 'hændelse', 'hændelser')}, kædens hoved "
                  f"{rep.head}.")
    if head.strip():
        if rep.expected_at is None:
            bad = True
            err.print(f"[red]Kædehovedet {head.strip()} findes ikke i loggen: loggen er ændret, efter at det blev "
                      "skrevet, eller det stammer fra en anden database.[/red]")
        else:
            out.print(f"Kædehovedet {head.strip()} er hændelse nr. {rep.expected_at}: loggen frem til da er uændret.")
    if bad:
        raise typer.Exit(1)
