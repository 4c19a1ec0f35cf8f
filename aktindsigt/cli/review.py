"""``aktindsigt case submit|approve|return|reopen|journalise``: the review by the team lead, and the case's end."""

from __future__ import annotations

from typing import Annotated

import typer

from aktindsigt.cli.case import app
from aktindsigt.cli.common import CaseArg, out, run


def _print_review(state) -> None:
    summary = state.summary()
    out.print(f"Status: {summary}" if summary == state.status.label else summary)


@app.command("submit")
def case_submit(
    case: CaseArg,
    comment: Annotated[str, typer.Option("--comment", help="Bemærkning til teamlederen")] = "",
    allow_problems: Annotated[bool, typer.Option("--allow-problems", help="Send trods punkter på tjeklisten "
                                                 "(kræver --comment)")] = False,
) -> None:
    """Send sagen til godkendelse hos teamlederen (afvises, så længe tjeklisten har punkter)."""
    _print_review(run(lambda svc: svc.submit_for_review(case, comment, allow_problems=allow_problems)))


@app.command("approve")
def case_approve(
    case: CaseArg,
    comment: Annotated[str, typer.Option("--comment", help="Bemærkning til godkendelsen (kræves, når du selv "
                                         "har behandlet sagen)")] = "",
    override: Annotated[str, typer.Option("--override", help="Skriftlig begrundelse for at godkende trods "
                                          "punkter på tjeklisten")] = "",
) -> None:
    """Godkend sagen (kun teamleder)."""
    _print_review(run(lambda svc: svc.approve_case(case, comment, override_reason=override)))


@app.command("return")
def case_return(
    case: CaseArg,
    comment: Annotated[str, typer.Option("--comment", help="Hvad sagsbehandleren skal rette (skal udfyldes)")] = "",
) -> None:
    """Returnér sagen til sagsbehandleren med en kommentar (kun teamleder)."""
    _print_review(run(lambda svc: svc.return_case(case, comment)))


@app.command("reopen")
def case_reopen(
    case: CaseArg,
    comment: Annotated[str, typer.Option("--comment", help="Hvorfor behandlingen genoptages")] = "",
) -> None:
    """Genoptag behandlingen: en returneret sag, en sag til godkendelse eller en godkendt sag (godkendelsen
    bortfalder)."""
    _print_review(run(lambda svc: svc.reopen_case(case, comment)))


@app.command("journalise")
def case_journalise(case: CaseArg) -> None:
    """Sæt en udleveret sag til journaliseret (ESDH-systemet har modtaget pakken)."""
    _print_review(run(lambda svc: svc.set_journalised(case)))
