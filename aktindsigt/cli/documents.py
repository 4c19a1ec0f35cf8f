"""``aktindsigt case document``: a document's properties (the fields the aktliste and the checklist need)."""

from __future__ import annotations

from typing import Annotated

import typer

from aktindsigt.cli.case import app
from aktindsigt.cli.common import CaseArg, die, err, fmt_date, out, run


def parse_akts(text: str) -> list[int]:
    """"3", "2,5", "4-7" -> akt numbers."""
    akts: list[int] = []
    for part in text.replace(" ", "").split(","):
        if not part:
            continue
        lo, _, hi = part.partition("-")
        if not lo.isdigit() or (hi and not hi.isdigit()):
            die(f"'{text}' er ikke et aktnummer. Skriv fx 3, 2,5 eller 4-7.")
        start, end = int(lo), int(hi or lo)
        if end < start:
            die(f"'{part}' er ikke et gyldigt interval af aktnumre.")
        akts.extend(range(start, end + 1))
    if not akts:
        die("Angiv mindst ét aktnummer.")
    return list(dict.fromkeys(akts))


@app.command("document")
def case_document(
    case: CaseArg,
    akt: Annotated[str, typer.Argument(help="Aktnummer (flere: 2,5 eller 4-7)")],
    title: Annotated[str | None, typer.Option("--title", help="Dokumentets titel (intern)")] = None,
    public_title: Annotated[str | None, typer.Option("--public-title", help="Titlen i aktlisten")] = None,
    doc_date: Annotated[str | None, typer.Option("--date", help="Dokumentets dato (dd.mm.åååå; '' fjerner den)")] = None,
    direction: Annotated[str | None, typer.Option("--direction", help="ind, ud eller intern")] = None,
    sender: Annotated[str | None, typer.Option("--sender", help="Afsender")] = None,
    recipient: Annotated[str | None, typer.Option("--recipient", help="Modtager")] = None,
    party: Annotated[str | None, typer.Option("--party", help="Afsender/modtager i aktlisten ('' = automatisk)")] = None,
    esdh_id: Annotated[str | None, typer.Option("--esdh-id", help="ESDH dok-ID")] = None,
    in_scope: Annotated[bool | None, typer.Option("--in-scope/--out-of-scope",
                                                  help="Omfattet af anmodningen eller ej")] = None,
    section26: Annotated[bool | None, typer.Option("--section26/--no-section26",
                                                   help="Offentlighedslovens § 26 er overvejet")] = None,
) -> None:
    """Vis eller ret et dokuments egenskaber: titler, dato, retning, afsender/modtager, ESDH dok-ID, omfang, § 26.

    Uden ændringer vises egenskaberne. Flere dokumenter (2,5 eller 4-7) ændres samlet i ét trin."""
    akts = parse_akts(akt)

    def go(svc):
        detail = svc.case_detail(case)
        by_akt = {d.akt_nr: d for d in detail.documents}
        missing = [a for a in akts if a not in by_akt]
        if missing:
            from aktindsigt.services import ServiceError

            raise ServiceError(f"Sagen har ingen akt {', '.join(map(str, missing))}.")
        docs = [by_akt[a] for a in akts]
        changes = {k: v for k, v in dict(title=title, public_title=public_title, doc_date=doc_date,
                                          direction=direction, sender=sender, recipient=recipient, party=party,
                                          esdh_doc_id=esdh_id, in_scope=in_scope,
                                          section26_considered=section26).items() if v is not None}
        op = svc.set_document_properties([d.id for d in docs], **changes) if changes else None
        shown = [svc.document(d.id) for d in docs]
        return op, shown, {d.id: (svc.manual_party(d.id), svc.public_party(d.id)) for d in shown}

    op, docs, parties = run(go)
    if op is not None:
        err.print(op.description + ("" if not op.empty else " (uændret)"))
    for d in docs:
        manual, shown = parties[d.id]
        out.print(f"[bold]Akt {d.akt_nr}: {d.title}[/bold]")
        out.print(f"  Offentlig titel: {d.public_title}")
        out.print(f"  Dato: {fmt_date(d.doc_date) or '—'} · Retning: {d.direction.label or 'ikke angivet'}")
        out.print(f"  Afsender: {d.sender or '—'} · Modtager: {d.recipient or '—'}")
        out.print(f"  I aktlisten: {shown or '—'}" + ("" if manual else " (automatisk)"))
        out.print(f"  ESDH dok-ID: {d.esdh_doc_id or '—'}")
        out.print(f"  Omfattet af anmodningen: {'ja' if d.in_scope else 'nej'} · § 26 overvejet: "
                  f"{'ja' if d.section26_considered else 'nej'}")
        if d.failure_reason:
            out.print(f"  Kunne ikke læses: {d.failure_reason}")
