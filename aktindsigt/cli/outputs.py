"""Decisions and outputs:

    aktindsigt case decide CASE --accept 12,13 --reject 14 --accept-group KEY --accept-type CPR
                               --accept-preselected
    aktindsigt case decide CASE --document 3 --access withheld --ground ofl23_1_1 --reason "..." --section26
    aktindsigt case statements CASE --meroffentlighed "..." --extraction "..." --scope "..." --law ofl35="..."
    aktindsigt case checklist CASE
    aktindsigt case letter CASE [--draft] [--out DIR]
    aktindsigt case aktliste CASE [--out DIR]
    aktindsigt case journalnotat CASE [--out DIR]
    aktindsigt case kvittering CASE [--out DIR]
    aktindsigt case fristbrev CASE --expected 2026-12-15 [--reason "..."] [--out DIR]
    aktindsigt case klage CASE --received 2026-12-20 [--remarks "..."] [--out DIR]
    aktindsigt municipality --name "Aarhus Kommune" --cvr 55133018 --kommunekode 751 ...
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from aktindsigt.cli.case import app
from aktindsigt.cli.common import CaseArg, NoPdf, OutOpt, die, err, out, parse_date, run
from aktindsigt.core.danish import count
from aktindsigt.core.model import AccessType, EntityType

if TYPE_CHECKING:
    from aktindsigt.services import Services


def _ids(values: list[str] | None) -> list[int]:
    result = []
    for v in values or []:
        for part in v.replace(" ", ",").split(","):
            if part.strip():
                if not part.strip().isdigit():
                    die(f"'{part}' er ikke et forslags-id (et tal).")
                result.append(int(part))
    return result


def _default_out(svc: Services, case_ref: str) -> Path:
    from aktindsigt.config import resolve_paths

    case = svc.get_case(case_ref)
    return resolve_paths().home / "udskrifter" / (case.case_number or str(case.id))


def _print_files(files: Any) -> None:
    for p in files.files:
        out.print(str(p))
    for m in files.messages:
        err.print(f"[yellow]Bemærk:[/yellow] {m}")


@app.command("checklist")
def checklist_cmd(case: CaseArg) -> None:
    """Tjeklisten før afsendelse; afslutter med kode 1, når der er punkter at løse."""
    from rich.table import Table

    problems = run(lambda svc: svc.checklist(case))
    if not problems:
        out.print("Tjeklisten er i orden: afgørelsen kan dannes og sendes.")
        return
    t = Table("Akt", "Problem", "Rettes i")
    for p in problems:
        t.add_row("" if p.akt_nr is None else str(p.akt_nr), p.message, p.where)
    out.print(t)
    out.print(f"{count(len(problems), 'punkt', 'punkter')} skal løses, før afgørelsen kan sendes.")
    raise typer.Exit(1)


@app.command("letter")
def letter_cmd(
    case: CaseArg, out_dir: OutOpt = None, no_pdf: NoPdf = False,
    draft: Annotated[bool, typer.Option("--draft", help="Dan et udkast (mærket UDKAST)")] = False,
    override: Annotated[str, typer.Option("--override", help="Teamleders skriftlige begrundelse for at "
                                          "sende trods tjeklisten")] = "",
) -> None:
    """Dan afgørelsen (Word og PDF). Den endelige afgørelse afvises, så længe tjeklisten har punkter."""
    _print_files(run(lambda svc: svc.render_letter(case, out_dir or _default_out(svc, case), draft=draft,
                                                   pdf=not no_pdf, override_reason=override)))


@app.command("aktliste")
def aktliste_cmd(case: CaseArg, out_dir: OutOpt = None, no_pdf: NoPdf = False) -> None:
    """Dan aktlisten som PDF, XLSX og CSV."""
    _print_files(run(lambda svc: svc.render_aktliste(case, out_dir or _default_out(svc, case), pdf=not no_pdf)))


@app.command("journalnotat")
def journalnotat_cmd(case: CaseArg, out_dir: OutOpt = None, no_pdf: NoPdf = False) -> None:
    """Dan journalnotatet (Word og PDF)."""
    _print_files(run(lambda svc: svc.render_journalnotat(case, out_dir or _default_out(svc, case), pdf=not no_pdf)))


@app.command("kvittering")
def kvittering_cmd(case: CaseArg, out_dir: OutOpt = None, no_pdf: NoPdf = False) -> None:
    """Dan en kvittering for modtagelsen af anmodningen."""
    _print_files(run(lambda svc: svc.render_kvittering(case, out_dir or _default_out(svc, case), pdf=not no_pdf)))


@app.command("fristbrev")
def fristbrev_cmd(
    case: CaseArg,
    expected: Annotated[str, typer.Option("--expected", help="Forventet afgørelse (ÅÅÅÅ-MM-DD)")],
    reason: Annotated[str, typer.Option("--reason", help="Hvorfor afgørelsen ikke er truffet endnu")] = "",
    out_dir: OutOpt = None, no_pdf: NoPdf = False,
) -> None:
    """Dan et fristbrev: hvorfor der ikke er truffet afgørelse, og hvornår den kan forventes."""
    when = parse_date(expected)
    _print_files(run(lambda svc: svc.render_fristbrev(case, out_dir or _default_out(svc, case), when, reason,
                                                      pdf=not no_pdf)))


@app.command("klage")
def klage_cmd(
    case: CaseArg,
    received: Annotated[str, typer.Option("--received", help="Klagen modtaget (ÅÅÅÅ-MM-DD)")],
    remarks: Annotated[str, typer.Option("--remarks", help="Kommunens bemærkninger til klagen")] = "",
    out_dir: OutOpt = None, no_pdf: NoPdf = False,
) -> None:
    """Dan brevet, der sender en klage videre til klageinstansen efter genvurdering."""
    when = parse_date(received)
    _print_files(run(lambda svc: svc.render_klage_videresendelse(
        case, out_dir or _default_out(svc, case), when, remarks, pdf=not no_pdf)))


@app.command("statements")
def statements_cmd(
    case: CaseArg,
    meroffentlighed: Annotated[str | None, typer.Option("--meroffentlighed", help="§ 14: overvejet, og hvorfor "
                                                        "der ikke gives mere")] = None,
    extraction: Annotated[str | None, typer.Option("--extraction", help="§§ 28-29: hvad er ekstraheret, "
                                                   "eller hvorfor intet")] = None,
    scope: Annotated[str | None, typer.Option("--scope", help="Hvordan anmodningen er forstået og "
                                              "afgrænset")] = None,
    channel: Annotated[str | None, typer.Option("--channel", help="Hvordan anmodningen kom: e-mail, Digital Post, "
                                                "brev, telefon")] = None,
    request_text: Annotated[str | None, typer.Option("--request", help="Hvad der er anmodet om")] = None,
    complaint_body: Annotated[str | None, typer.Option("--complaint-body", help="Klageinstans")] = None,
    recipient_address: Annotated[str | None, typer.Option("--recipient-address", help="Modtagerens adresse "
                                                          "(linjer adskilt af \\n)")] = None,
    signer: Annotated[str | None, typer.Option("--signer", help="Underskriver")] = None,
    signer_title: Annotated[str | None, typer.Option("--signer-title", help="Underskriverens titel")] = None,
    law: Annotated[list[str] | None, typer.Option("--law", "--ground-text", help="HJEMMEL=TEKST: loven for § 35 "
                                                  "(ofl35='sundhedslovens § 40'), den konkrete interesse for "
                                                  "dbl. § 22 eller den konkrete afvejning for fvl. § 15 b "
                                                  "(kan gentages)")] = None,
    matter_area: Annotated[str | None, typer.Option("--matter-area", help="Den underliggende sags område, som "
                                                    "bestemmer klageinstansen: social, employment, building, "
                                                    "planning, environment, tax, school eller none")] = None,
    weighing: Annotated[str | None, typer.Option("--weighing", help="Miljøoplysninger: den konkrete afvejning "
                                                 "efter miljøoplysningslovens § 2, stk. 3")] = None,
    emissions: Annotated[bool | None, typer.Option("--emissions/--no-emissions", help="Miljøoplysninger: sagen "
                                                   "indeholder oplysninger om emissioner (§ 2, stk. 5)")] = None,
    indsigt: Annotated[list[str] | None, typer.Option("--indsigt", help="Indsigt (GDPR): PUNKT=TEKST for "
                                                      "artikel 15, stk. 1, litra a-h (kan gentages; tom tekst = "
                                                      "kommunens standardtekst)")] = None,
    journal: Annotated[list[str] | None, typer.Option("--journal", help="AFSNIT=TEKST til journalnotatet: "
                                                      "scope_dialogue, third_parties, quality_review, "
                                                      "dispatch, complaints (kan gentages)")] = None,
) -> None:
    """Gem afgørelsens tekster: meroffentlighed, ekstrahering, afgrænsning, klageinstans og område, modtager,
    underskriver, tekster til hjemlerne, afvejningen (miljøoplysninger) og artikel 15-oplysningerne (indsigt)."""
    from aktindsigt.services import ServiceError

    def go(svc: Services) -> None:
        if scope is not None:
            svc.set_scope(case, scope)
        if channel is not None or request_text is not None:
            svc.set_request(case, channel=channel, request_text=request_text)
        changes = {"meroffentlighed": meroffentlighed, "extraction": extraction, "complaint_body": complaint_body,
                   "recipient_address": recipient_address.replace("\\n", "\n") if recipient_address else
                   recipient_address, "signer": signer, "signer_title": signer_title, "matter_area": matter_area,
                   "weighing": weighing}
        changes = {k: v for k, v in changes.items() if v is not None}
        if changes:
            svc.set_statements(case, **changes)
        for item in law or []:
            gid, sep, text = item.partition("=")
            if not sep or not gid.strip():
                raise ServiceError(f"Skriv --law som HJEMMEL=TEKST, fx ofl35='sundhedslovens § 40' (fik '{item}').")
            svc.set_law(case, gid.strip(), text)
        for item in journal or []:
            key, sep, text = item.partition("=")
            if not sep:
                raise ServiceError(f"Skriv --journal som AFSNIT=TEKST (fik '{item}').")
            svc.set_journal_entry(case, key.strip(), text)
        if emissions is not None:
            svc.set_emissions(case, emissions)
        for item in indsigt or []:
            key, sep, text = item.partition("=")
            if not sep:
                raise ServiceError(f"Skriv --indsigt som PUNKT=TEKST, fx a='Formålet er ...' (fik '{item}').")
            svc.set_indsigt_text(case, key.strip(), text)

    run(go)
    out.print("Gemt.")


def _occurrences(n: int) -> str:
    return count(n, "forekomst", "forekomster")


@app.command("decide")
def decide_cmd(
    case: CaseArg,
    accept: Annotated[list[str] | None, typer.Option("--accept", help="Forslags-id'er at overstrege "
                                                     "(kommasepareret eller gentaget)")] = None,
    reject: Annotated[list[str] | None, typer.Option("--reject", help="Forslags-id'er at beholde")] = None,
    accept_group: Annotated[list[str] | None, typer.Option("--accept-group", help="Overstreg en gruppe "
                                                           "(entitetsnøgle)")] = None,
    reject_group: Annotated[list[str] | None, typer.Option("--reject-group", help="Behold en gruppe")] = None,
    accept_type: Annotated[list[EntityType] | None, typer.Option("--accept-type", help="Overstreg alle "
                                                                 "åbne forslag af en type, fx CPR")] = None,
    reject_type: Annotated[list[EntityType] | None, typer.Option("--reject-type", help="Behold alle "
                                                                 "åbne forslag af en type")] = None,
    accept_preselected: Annotated[bool, typer.Option("--accept-preselected", help="Overstreg alle "
                                                     "forvalgte forslag")] = False,
    document: Annotated[int | None, typer.Option("--document", help="Aktnummer for dokumentafgørelsen")] = None,
    access: Annotated[AccessType | None, typer.Option("--access", help="full, partial eller withheld")] = None,
    ground: Annotated[list[str] | None, typer.Option("--ground", help="Hjemmel-id (kan gentages); ved "
                                                     "--accept: hjemlen for overstregningen")] = None,
    reason: Annotated[str, typer.Option("--reason", help="Konkret begrundelse")] = "",
    section26: Annotated[bool | None, typer.Option("--section26/--no-section26", help="Modundtagelsen er "
                                                   "overvejet for dokumentet (offentlighedslovens § 26, "
                                                   "forvaltningslovens § 13, 1985-lovens § 8)")] = None,
    esdh_id: Annotated[str | None, typer.Option("--esdh-id", help="Dokumentets ESDH dok-ID")] = None,
    in_scope: Annotated[bool | None, typer.Option("--in-scope/--out-of-scope", help="Omfattet af "
                                                  "anmodningen")] = None,
    public_title: Annotated[str | None, typer.Option("--public-title", help="Titel i aktlisten")] = None,
    public_party: Annotated[str | None, typer.Option("--public-party", help="Afsender/modtager i aktlisten "
                                                     "('' = automatisk)")] = None,
) -> None:
    """Afgør forslag (overstreg/behold) og dokumenter (fuld/delvis/undtaget med hjemmel og begrundelse)."""
    from aktindsigt.services import ServiceError

    doc_options = (section26, esdh_id, in_scope, public_title, public_party)
    if document is None and (access or any(o is not None for o in doc_options)):
        die("Angiv dokumentets aktnummer med --document.")

    def go(svc: Services) -> list[str]:
        done: list[str] = []
        ops: list = []
        ground_one = ground[0] if ground and document is None else None
        if accept:
            op = svc.accept(_ids(accept), ground_one)
            ops.append(op)
            done.append(f"Overstreget: {_occurrences(len(op.created))}.")
        if reject:
            op = svc.reject(_ids(reject), reason)
            ops.append(op)
            done.append(f"Beholdt: {_occurrences(len(op.created))}.")
        for key in accept_group or []:
            op = svc.accept_group(case, key, ground_one)
            ops.append(op)
            done.append(f"Gruppen '{key}' overstreget: {_occurrences(len(op.created))}.")
        for key in reject_group or []:
            op = svc.reject_group(case, key, reason)
            ops.append(op)
            done.append(f"Gruppen '{key}' beholdt: {_occurrences(len(op.created))}.")
        for t in accept_type or []:
            op = svc.accept_type(case, t)
            ops.append(op)
            done.append(f"{t.label}: {_occurrences(len(op.created))} overstreget.")
        for t in reject_type or []:
            op = svc.reject_type(case, t)
            ops.append(op)
            done.append(f"{t.label}: {_occurrences(len(op.created))} beholdt.")
        if accept_preselected:
            op = svc.accept_preselected(case)
            ops.append(op)
            done.append(f"Forvalgte forslag overstreget: {_occurrences(len(op.created))}.")
        # another user's decision that this one replaced: say whose (the override is deliberate, not silent)
        done.extend(line for o in ops for line in o.notices)
        if document is not None:
            docs = [d for d in svc.case_detail(case).documents if d.akt_nr == document]
            if not docs:
                raise ServiceError(f"Sagen har ingen akt {document}.")
            doc = docs[0]
            if access is not None:
                if access is not AccessType.FULL and not reason.strip():
                    raise ServiceError("Skriv en konkret begrundelse med --reason.")
                svc.set_document_access(doc.id, access, ground or [], reason)
                word = "indsigt" if svc.get_case(case).regime.value == "gdpr15" else "aktindsigt"
                done.append(f"Akt {document}: undtaget." if access is AccessType.WITHHELD
                            else f"Akt {document}: {access.label.lower()} {word}.")
            if any(o is not None for o in (section26, esdh_id, in_scope, public_title)):
                svc.set_document_fields(doc.id, esdh_doc_id=esdh_id, section26_considered=section26,
                                        in_scope=in_scope, public_title=public_title)
                done.append(f"Akt {document}: oplysninger gemt.")
            if public_party is not None:
                svc.set_public_party(doc.id, public_party)
                done.append(f"Akt {document}: afsender/modtager i aktlisten gemt.")
        return done

    done = run(go)
    if not done:
        die("Intet at gøre: angiv fx --accept, --accept-type CPR eller --document med --access.")
    for line in done:
        out.print(line)


def municipality_cmd(
    name: Annotated[str | None, typer.Option("--name", help="Kommunens navn")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="Enhed/afdeling")] = None,
    address: Annotated[str | None, typer.Option("--address", help="Adresse (linjer adskilt af \\n)")] = None,
    cvr: Annotated[str | None, typer.Option("--cvr", help="CVR-nummer (8 cifre)")] = None,
    kommunekode: Annotated[str | None, typer.Option("--kommunekode", help="Kommunekode (3 cifre)")] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="Telefonnummer")] = None,
    email: Annotated[str | None, typer.Option("--email", help="E-mailadresse")] = None,
    website: Annotated[str | None, typer.Option("--website", help="Hjemmeside")] = None,
    dpo: Annotated[str | None, typer.Option("--dpo", help="Databeskyttelsesrådgiverens e-mailadresse (svar på "
                                            "anmodninger om indsigt)")] = None,
) -> None:
    """Vis eller ret kommuneprofilen, som brevene bruger."""
    changes = {"name": name, "unit": unit, "address": address.replace("\\n", "\n") if address else address,
               "cvr": cvr, "kommunekode": kommunekode, "phone": phone, "email": email, "website": website,
               "dpo": dpo}
    changes = {k: v for k, v in changes.items() if v is not None}
    m = run(lambda svc: svc.set_municipality(**changes) if changes else svc.municipality())
    for k, v in m.to_dict().items():
        out.print(f"{k}: {v}")
