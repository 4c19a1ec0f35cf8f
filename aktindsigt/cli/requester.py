"""The requester's own identifiers and the case's grounds:

    aktindsigt case requester CASE [--requester-cpr X] [--requester-address X] [--requester-phone X]
                                   [--requester-email X] [--requester-account X] [--requester-name X]
                                   [--remove] [--clear] [--propose] [--confirm 1,2|alle]
    aktindsigt case grounds CASE [--all]

Under OFL § 8, FVL § 9 and GDPR art. 15 nothing that is the requester's own is suggested for
redaction; ``--propose`` lists likely own identifiers found next to the requester's name in the
documents (after ``case analyze``), ``--confirm`` adds the chosen ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from aktindsigt.cli.case import (
    AccountOpt,
    AddressOpt,
    CprOpt,
    EmailOpt,
    NameOpt,
    PhoneOpt,
    app,
    identifier_options,
)
from aktindsigt.cli.common import CaseArg, die, out, run

if TYPE_CHECKING:
    from aktindsigt.services import Services

def _print_identifiers(ids: Any, own_data: bool) -> None:
    from aktindsigt.services.requester import KIND_LABELS

    shown = False
    for kind in ("names", "cpr", "addresses", "phones", "emails", "accounts"):
        for value in getattr(ids, kind):
            out.print(f"{KIND_LABELS[kind]}: {value}")
            shown = True
    if not shown:
        out.print("Der er ikke registreret egne oplysninger for anmoderen (ud over navnet).")
    if not own_data:
        out.print("Bemærk: sagen er ikke en sag om egne oplysninger (offentlighedslovens § 8, forvaltningslovens § 9 "
                  "eller databeskyttelsesforordningens artikel 15), så anmoderens oplysninger beskyttes som andres.")


@app.command("requester")
def requester_cmd(
    case: CaseArg,
    cpr: CprOpt = None, address: AddressOpt = None, phone: PhoneOpt = None, email: EmailOpt = None,
    account: AccountOpt = None, name: NameOpt = None,
    remove: Annotated[bool, typer.Option("--remove", help="Fjern de angivne oplysninger i stedet for at "
                                         "tilføje dem")] = False,
    clear: Annotated[bool, typer.Option("--clear", help="Fjern alle registrerede oplysninger først")] = False,
    propose: Annotated[bool, typer.Option("--propose", help="Vis oplysninger i dokumenterne, der sandsynligvis "
                                          "er anmoderens egne (kræver 'case analyze')")] = False,
    confirm: Annotated[str | None, typer.Option("--confirm", help="Tilføj foreslåede oplysninger: numrene fra "
                                                "--propose (fx 1,3) eller 'alle'")] = None,
) -> None:
    """Vis eller ret anmoderens egne oplysninger (CPR, adresser, telefon, e-mail, bankkonto), som aldrig
    overstreges over for anmoderen i sager om egne oplysninger."""
    from aktindsigt.core.model import RequesterIdentifiers
    from aktindsigt.services import ServiceError

    given = identifier_options(cpr, address, phone, email, account, name)

    def go(svc: Services) -> tuple[Any, Any, list[Any]]:
        c = svc.get_case(case)
        if clear:
            svc.set_requester_identifiers(case, replace=RequesterIdentifiers())
        if given:
            if remove:
                svc.set_requester_identifiers(case, remove=given)
            else:
                svc.set_requester_identifiers(case, add=given)
        candidates = svc.requester_candidates(case) if (propose or confirm) else []
        if confirm:
            if confirm.strip().lower() in ("alle", "all"):
                chosen = candidates
            else:
                try:
                    numbers = [int(x) for x in confirm.replace(" ", ",").split(",") if x.strip()]
                except ValueError:
                    raise ServiceError(f"Skriv --confirm som numre fra --propose (fx 1,3) eller 'alle' "
                                       f"(fik '{confirm}').") from None
                bad = [n for n in numbers if not 1 <= n <= len(candidates)]
                if bad:
                    raise ServiceError(f"Der er ikke noget forslag nr. {bad[0]} (der er {len(candidates)}).")
                chosen = [candidates[n - 1] for n in numbers]
            svc.confirm_requester_candidates(case, chosen)
            candidates = svc.requester_candidates(case)
        return svc.get_case(case).requester_identifiers, c.regime, candidates

    ids, regime, candidates = run(go)
    out.print(f"Anmoderens egne oplysninger ({regime.label}):")
    _print_identifiers(ids, regime.own_data)
    if propose or confirm:
        if not candidates:
            out.print("Ingen flere forslag til anmoderens egne oplysninger i dokumenterne.")
            return
        from rich.table import Table

        from aktindsigt.core.danish import count

        t = Table("Nr.", "Type", "Oplysning", "Fundet i")
        for i, cand in enumerate(candidates, start=1):
            t.add_row(str(i), cand.entity_type.label, cand.value,
                      "akt " + ", ".join(str(a) for a in cand.documents) + f" ({count(cand.count, 'gang', 'gange')})")
        out.print("Sandsynligvis anmoderens egne oplysninger (fundet ved anmoderens navn i dokumenterne); bekræft "
                  "med --confirm:")
        out.print(t)


@app.command("grounds")
def grounds_cmd(
    case: CaseArg,
    all_: Annotated[bool, typer.Option("--all", help="Også afsnit og modundtagelser (fx § 14, § 26)")] = False,
) -> None:
    """Vis de hjemler, der kan bruges i sagen (kun sagens eget retsgrundlag)."""
    from rich.table import Table

    def go(svc: Services) -> tuple[Any, dict[str, Any]]:
        return svc.get_case(case), svc.grounds_for_case(case, None if all_ else ("entity", "document"))

    c, grounds = run(go)
    if not grounds:
        die(f"Kataloget har ingen hjemler for {c.regime.label}.")
    t = Table("Hjemmel-id", "Bestemmelse", "Titel")
    for gid, g in grounds.items():
        t.add_row(gid, f"{g.statute} {g.section}".strip(), g.title)
    out.print(f"Hjemler for {c.regime.label}:")
    out.print(t)
