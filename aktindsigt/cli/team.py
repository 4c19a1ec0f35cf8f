"""``aktindsigt case queue|comment|comments|changes|audit|esdh-ref``: the team lead's desk and the ESDH
reference, on the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aktindsigt.cli.case import app
from aktindsigt.cli.common import LIGHT_STYLE, CaseArg, die, err, fmt_date, out, run


def _when(at) -> str:
    if at is None:
        return ""
    local = at.astimezone()
    return f"{local:%d.%m.%Y %H.%M}"


@app.command("queue")
def case_queue() -> None:
    """Sager til godkendelse, ældste først (teamlederens kø)."""
    from rich.table import Table

    entries = run(lambda svc: svc.review_queue())
    if not entries:
        out.print("Ingen sager venter på godkendelse.")
        return
    t = Table("Sendt", "Id", "Sagsnr.", "Titel", "Sendt af", "Frist", "Bemærkning")
    for e in entries:
        d = e.overview.deadlines
        note = ("Tilbage efter returnering. " if e.returned_before else "") + e.submit_comment
        t.add_row(_when(e.submitted_at), str(e.case.id), e.case.case_number, e.case.title, e.submitted_by,
                  f"[{LIGHT_STYLE[d.light.value]}]●[/] {d.light.label}", note.strip())
    out.print(t)


@app.command("comment")
def case_comment(
    case: CaseArg,
    text: Annotated[str, typer.Argument(help="Kommentaren")],
    akt: Annotated[int | None, typer.Option("--akt", help="Kommentér et dokument (akt nr.)")] = None,
    suggestion: Annotated[int | None, typer.Option("--suggestion", help="Kommentér et forslag (id)")] = None,
    decision: Annotated[int | None, typer.Option("--decision", help="Kommentér en afgørelse (id)")] = None,
) -> None:
    """Skriv en kommentar til sagen, et dokument, et forslag eller en afgørelse (vises for sagsbehandleren)."""

    def go(svc):
        document_id = None
        if akt is not None:
            docs = {d.akt_nr: d for d in svc.case_detail(case).documents}
            if akt not in docs:
                die(f"Sagen har ingen akt {akt}.")
            document_id = docs[akt].id
        return svc.add_comment(case, text, document_id=document_id, suggestion_id=suggestion, decision_id=decision)

    c = run(go)
    err.print(f"Kommentar gemt ({c.where}).")


@app.command("comments")
def case_comments(case: CaseArg) -> None:
    """Vis sagens kommentarer."""
    comments = run(lambda svc: svc.comments(case))
    if not comments:
        out.print("Sagen har ingen kommentarer.")
        return
    for c in comments:
        state = "" if c.open else f" (løst af {c.resolved_by})"
        out.print(f"[bold]{c.author}[/bold] {_when(c.at)} · {c.where}{state}\n  {c.text}")


@app.command("changes")
def case_changes(case: CaseArg) -> None:
    """Hvad der er ændret i sagen, siden teamlederen returnerede den."""
    changes = run(lambda svc: svc.changes_since_return(case))
    if changes.returned_at is None:
        out.print("Sagen er ikke blevet returneret.")
        return
    out.print(f"Returneret af {changes.returned_by} {_when(changes.returned_at)}: {changes.return_comment}")
    if not changes.lines:
        out.print("Der er ikke ændret noget siden.")
    for ln in changes.lines:
        out.print(f"{_when(ln.at)} {ln.who}: {ln.subject} – {ln.label}" + (f" ({ln.details})" if ln.details else ""))


@app.command("audit")
def case_audit(
    case: CaseArg,
    search: Annotated[str, typer.Option("--search", help="Kun hændelser, der indeholder teksten")] = "",
    fmt: Annotated[str, typer.Option("--format", help="csv eller json (med --out)")] = "csv",
    out_file: Annotated[Path | None, typer.Option("--out", help="Gem som fil i stedet for at vise den")] = None,
) -> None:
    """Sagens revisionslog: vis den, søg i den, eller gem den som CSV eller JSON."""
    from rich.table import Table

    if out_file is not None:
        path = run(lambda svc: svc.export_audit(case, out_file, fmt, search))
        err.print(f"Revisionsloggen er gemt i {path}.")
        return
    lines = run(lambda svc: svc.audit_trail(case, search))
    t = Table("Tidspunkt", "Bruger", "Handling", "Gælder", "Detaljer")
    for ln in lines:
        t.add_row(_when(ln.at), ln.who, ln.label, ln.subject, ln.details)
    out.print(t)


@app.command("esdh-ref")
def case_esdh_ref(case: CaseArg, ref: Annotated[str, typer.Argument(help="Sagens nummer i ESDH "
                                                                        "(GetOrganized-sags-id eller SBSYS-sags-id)")]) -> None:
    """Sæt aktindsigtssagens reference i ESDH; eksportpakkens filer til GetOrganized/SBSYS adresseres til den."""
    c = run(lambda svc: svc.set_esdh_ref(case, ref))
    err.print(f"ESDH-reference for {c.case_number}: {c.esdh_ref or '(ingen)'}")


__all__ = ["fmt_date"]
