"""``aktindsigt case create|list|show|import|analyze|suggestions|redact|export``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aktindsigt.cli.common import (
    LIGHT_STYLE,
    CaseArg,
    die,
    err,
    fmt_date,
    out,
    parse_date,
    progress,
    run,
    services,
)
from aktindsigt.core.model import EntityType, Regime, RequesterType, SuggestionStatus

app = typer.Typer(help="Sager om aktindsigt.", no_args_is_help=True)

CprOpt = Annotated[list[str] | None, typer.Option("--requester-cpr", help="Anmoderens CPR-nummer (kan gentages)")]
AddressOpt = Annotated[list[str] | None, typer.Option("--requester-address", help="Anmoderens adresse (kan "
                                                                                 "gentages)")]
PhoneOpt = Annotated[list[str] | None, typer.Option("--requester-phone", help="Anmoderens telefonnummer (kan "
                                                                             "gentages)")]
EmailOpt = Annotated[list[str] | None, typer.Option("--requester-email", help="Anmoderens e-mailadresse (kan "
                                                                             "gentages)")]
AccountOpt = Annotated[list[str] | None, typer.Option("--requester-account", help="Anmoderens bankkonto: reg.nr. "
                                                      "og kontonr. eller IBAN (kan gentages)")]
NameOpt = Annotated[list[str] | None, typer.Option("--requester-name", help="Andre navne, der hører til anmoderen: "
                                                   "et tidligere efternavn, eller et barn, anmoderen handler på "
                                                   "vegne af (kan gentages)")]


def identifier_options(cpr: list[str] | None, address: list[str] | None, phone: list[str] | None,
                       email: list[str] | None, account: list[str] | None,
                       names: list[str] | None = None) -> dict[str, list[str]]:
    """The ``--requester-*`` options as the services take them (``RequesterIdentifiers`` fields)."""
    raw = {"cpr": cpr, "addresses": address, "phones": phone, "emails": email, "accounts": account, "names": names}
    return {k: list(v) for k, v in raw.items() if v}


@app.command("create")
def case_create(
    title: Annotated[str, typer.Option("--title", help="Sagens titel")],
    requester: Annotated[str, typer.Option("--requester", help="Anmoderens navn")],
    regime: Annotated[Regime, typer.Option("--regime", help="Retsgrundlag", case_sensitive=False)],
    received: Annotated[str | None, typer.Option("--received", help="Modtaget (ÅÅÅÅ-MM-DD)")] = None,
    kle: Annotated[str, typer.Option("--kle", help="KLE-emnenummer, fx 00.01.10")] = "00.01.10",
    requester_type: Annotated[RequesterType, typer.Option("--requester-type", help="Anmoderens type")] = (
        RequesterType.CITIZEN
    ),
    case_number: Annotated[str, typer.Option("--case-number", help="Sagsnummer (ellers tildeles et)")] = "",
    underlying: Annotated[list[str] | None, typer.Option("--underlying", help="Underliggende sag (kan gentages)")] = None,
    request_text: Annotated[str, typer.Option("--request", help="Hvad der er anmodet om")] = "",
    esdh_ref: Annotated[str, typer.Option("--esdh-ref", help="Aktindsigtssagens nummer i ESDH (GetOrganized-sags-id "
                                          "eller SBSYS-sags-id)")] = "",
    channel: Annotated[str, typer.Option("--channel", help="Hvordan anmodningen kom: e-mail, Digital Post, brev, "
                                         "telefon")] = "",
    scope: Annotated[str, typer.Option("--scope", help="Hvordan anmodningen er forstået og afgrænset")] = "",
    cpr: CprOpt = None, address: AddressOpt = None, phone: PhoneOpt = None, email: EmailOpt = None,
    account: AccountOpt = None, name: NameOpt = None,
) -> None:
    """Opret en sag; skriver sagens id. Anmoderens egne oplysninger (--requester-cpr osv.) overstreges aldrig over
    for anmoderen i sager om egne oplysninger (ofl8, fvl9, gdpr15)."""
    from aktindsigt.core.model import RequesterIdentifiers

    received_date = parse_date(received)
    ids = identifier_options(cpr, address, phone, email, account, name)
    case = run(lambda svc: svc.create_case(
        title, requester, regime, received_date, requester_type=requester_type, kle_subject=kle,
        case_number=case_number, underlying_cases=underlying or [], request_text=request_text, esdh_ref=esdh_ref,
        channel=channel, scope=scope, requester_identifiers=RequesterIdentifiers.from_dict(ids) if ids else None,
    ))
    err.print(f"Sag oprettet: {case.case_number}")
    out.print(case.id)


@app.command("list")
def case_list() -> None:
    """Vis alle sager med frister."""
    from rich.table import Table

    rows = services().list_cases()
    if not rows:
        out.print("Der er ingen sager endnu. Opret en med 'aktindsigt case create' eller prøv 'aktindsigt demo'.")
        return
    t = Table("Id", "Sagsnr.", "Titel", "Anmoder", "Retsgrundlag", "Modtaget", "Frist", "Status", "Dok.", "Åbne forslag")
    for r in rows:
        d = r.deadlines
        light = f"[{LIGHT_STYLE[d.light.value]}]●[/] {d.label}"
        t.add_row(str(r.case.id), r.case.case_number, r.case.title, r.case.requester_name, r.case.regime.label,
                  fmt_date(r.case.received), light, r.case.status.label, str(r.documents), str(r.open_suggestions))
    out.print(t)


@app.command("show")
def case_show(case: CaseArg) -> None:
    """Vis en sag: dokumenter og frister."""
    from rich.table import Table

    svc = services()
    detail = run(lambda _svc: svc.case_detail(case))
    c, d = detail.case, detail.deadlines
    out.print(f"[bold]{c.case_number} · {c.title}[/bold]")
    out.print(f"Anmoder: {c.requester_name} ({c.requester_type.label}) · {c.regime.label} · KLE {c.kle}")
    out.print(f"Modtaget: {fmt_date(c.received)} · Status: {c.status.label}")
    review = svc.review_state(c.id or 0).summary()
    if review != c.status.label:
        out.print(review)
    from aktindsigt.core.danish import count

    out.print(f"Frister ({d.rule.basis}): [{LIGHT_STYLE[d.light.value]}]{d.label}[/] "
              f"({count(d.elapsed_working_days, 'arbejdsdag', 'arbejdsdage')} siden modtagelsen)")
    for line in d.lines():
        out.print(f"  {line}")
    if c.regime.own_data:
        ids = c.requester_identifiers
        own = [v for k in ids.FIELDS for v in getattr(ids, k)]
        out.print("Anmoderens egne oplysninger (overstreges ikke): " + (", ".join(own) if own else
                  "kun navnet – tilføj med 'aktindsigt case requester'"))
    if c.underlying_cases:
        out.print("Underliggende sager: " + ", ".join(c.underlying_cases))
    t = Table("Akt", "Titel", "Dato", "Sider", "Bilag til", "Status", "Bemærkning")
    by_id = {doc.id: doc for doc in detail.documents}
    for doc in detail.documents:
        parent = by_id.get(doc.parent_id)
        note = doc.failure_reason or "; ".join(doc.warnings)
        status = doc.status.label if not doc.approximate else f"{doc.status.label} (tilnærmet)"
        t.add_row(str(doc.akt_nr), doc.title, fmt_date(doc.doc_date), str(doc.page_count),
                  str(parent.akt_nr) if parent else "", status, note)
    out.print(t)
    if not detail.documents:
        out.print("Sagen har ingen dokumenter endnu. Importér med 'aktindsigt case import'.")


@app.command("import")
def case_import(
    case: CaseArg,
    paths: Annotated[list[Path], typer.Argument(help="Filer og mapper (mapper gennemløbes rekursivt)")],
    manifest: Annotated[Path | None, typer.Option("--manifest", help="ESDH-eksportens dokumentliste (CSV eller "
                                                  "JSON): dok-ID, titel, dato, retning, parter, bilag til")] = None,
) -> None:
    """Importér filer og mapper i en sag (med --manifest: en ESDH-eksport i dokumentlistens rækkefølge og med
    dens oplysninger)."""
    from rich.table import Table

    from aktindsigt.core.model import DocumentStatus

    if manifest is not None:
        if len(paths) != 1:
            die("Med --manifest angives én mappe: ESDH-eksportens mappe.")
        with progress("Importerer") as bar:
            summary, listed = run(lambda svc: svc.import_from_esdh(
                case, paths[0], manifest, progress=lambda d, t, m: bar(d, t, f"Importerer {m}")))
        _print_esdh_import(case, summary, listed)
        return
    with progress("Importerer") as bar:
        summary = run(lambda svc: svc.import_paths(
            case, paths, progress=lambda d, t, m: bar(d, t, f"Importerer {m}")))
    t = Table("Fil", "Resultat", "Akt", "Sider", "Bemærkning")
    for f in summary.files:
        for doc in f.documents:
            name = doc.source_name if doc.parent_id is None else f"  ↳ {doc.source_name}"
            result = "[red]fejlet[/red]" if doc.status is DocumentStatus.FAILED else "importeret"
            t.add_row(name, result, str(doc.akt_nr), str(doc.page_count), doc.failure_reason or "; ".join(doc.warnings))
    for path, existing in summary.duplicates:
        t.add_row(path.name, "[yellow]dublet[/yellow]", str(existing.akt_nr), str(existing.page_count),
                  f"Findes allerede som akt {existing.akt_nr}")
    out.print(t)
    out.print(
        f"Importeret: {len(summary.imported)} · Dubletter: {len(summary.duplicates)} · Fejlet: {len(summary.failed)}"
    )
    if not summary.imported and not summary.duplicates:
        raise typer.Exit(1)


def _print_esdh_import(case: str, summary, listed) -> None:
    from rich.table import Table

    t = Table("Akt", "Dok-ID", "Titel", "Dato", "Retning", "Bilag til", "Status")
    docs = services().case_detail(case).documents
    by_id = {d.id: d for d in docs}
    for d in docs:
        parent = by_id.get(d.parent_id)
        t.add_row(str(d.akt_nr), d.esdh_doc_id, d.title, fmt_date(d.doc_date), d.direction.label,
                  str(parent.akt_nr) if parent else "", d.failure_reason or d.status.label)
    out.print(t)
    out.print(f"Importeret: {len(summary.imported)} · Dubletter: {len(summary.duplicates)} · Fejlet: "
              f"{len(summary.failed)} · Oplysninger fra dokumentlisten: {listed.applied}")
    for name in listed.missing_files:
        err.print(f"[yellow]Står i dokumentlisten, men findes ikke i mappen: {name}[/yellow]")
    for name in listed.unlisted_files:
        err.print(f"[yellow]Importeret, men står ikke i dokumentlisten: {name}[/yellow]")
    for p in listed.problems:
        err.print(f"[yellow]{p}[/yellow]")
    if not summary.imported and not summary.duplicates:
        raise typer.Exit(1)


@app.command("analyze")
def case_analyze(case: CaseArg) -> None:
    """Find forslag til overstregning i alle sagens dokumenter."""
    with progress("Analyserer") as bar:
        summary = run(lambda svc: svc.analyze_case(case, progress=bar))
    from aktindsigt.core.danish import count, plural

    out.print(f"{count(summary.documents, 'dokument', 'dokumenter')} analyseret: "
              f"{summary.new_suggestions} {plural(summary.new_suggestions, 'nyt', 'nye')} forslag "
              f"({summary.propagated} fundet som øvrige forekomster af kendte oplysninger).")
    if summary.by_type:
        out.print(", ".join(f"{EntityType(k).label}: {v}" for k, v in sorted(summary.by_type.items())))
    if summary.public_titles:
        n = summary.public_titles
        out.print(f"{count(n, 'dokumenttitel', 'dokumenttitler')} indeholdt personoplysninger; der er foreslået "
                  + ("en offentlig titel." if n == 1 else "offentlige titler."))


@app.command("suggestions")
def case_suggestions(
    case: CaseArg,
    entity: Annotated[EntityType | None, typer.Option("--type", help="Kun denne type")] = None,
    status: Annotated[SuggestionStatus | None, typer.Option("--status", help="pending, accepted eller rejected")] = None,
) -> None:
    """Vis forslag grupperet efter oplysning."""
    from rich.table import Table

    groups = run(lambda svc: svc.suggestion_groups(case, entity_type=entity, status=status))
    if not groups:
        out.print("Ingen forslag. Kør 'aktindsigt case analyze' først.")
        return
    t = Table("Gruppe", "Type", "Forekomster", "Status", "Hjemmel", "Forslag-id")
    status_label = {"pending": "afventer", "accepted": "overstreges", "rejected": "bevares", "mixed": "blandet"}
    for g in groups:
        grounds = sorted({s.ground_id or "–" for s in g.suggestions})
        ids = ",".join(str(s.id) for s in g.suggestions[:12]) + ("…" if len(g.suggestions) > 12 else "")
        t.add_row(g.key, g.entity_type.label, g.label, status_label[g.status], ", ".join(grounds), ids)
    out.print(t)


@app.command("redact")
def case_redact(
    case: CaseArg,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Mappe til de overstregede filer (må ikke findes "
                                                                "eller skal være tom)")] = None,
    replace: Annotated[bool, typer.Option("--replace", help="Erstat hele mappen, hvis den findes")] = False,
) -> None:
    """Overstreg alle udleverede dokumenter og kontrollér hver fil. Mappen dannes kun, når alle filer har
    bestået kontrollen."""
    from rich.table import Table

    def go(svc):
        c = svc.get_case(case)
        target = out_dir or Path.cwd() / f"aktindsigt_{c.case_number}"
        with progress("Overstreger") as bar:
            return svc.redact_case(case, target, progress=bar, replace=replace)

    result = run(go)
    t = Table("Akt", "Fil", "Overstregninger", "Undtagne sider", "Kontrol")
    for d in result.documents:
        t.add_row(str(d.document.akt_nr), d.path.name if d.path else "–", str(d.boxes),
                  ", ".join(map(str, d.withheld_pages)), "[green]bestået[/green]" if d.passed else "[red]FEJLET[/red]")
    for doc, why in result.skipped:
        t.add_row(str(doc.akt_nr), "–", "", "", why)
    out.print(t)
    for c in result.conflicts:  # withheld in one document, deliberately kept in another
        err.print(f"[yellow]Konflikt: {c.message}[/yellow]")
    if result.written:
        out.print(f"Filerne ligger i {result.out_dir}; kontrolrapporten i {result.out_dir / 'revision'}.")
    if not result.passed:
        n = len(result.failed)
        err.print(f"[red]Ingen filer er udleveret: kontrollen fejlede for {n} {'dokument' if n == 1 else 'dokumenter'}"
                  f", så mappen {result.out_dir} er ikke dannet.[/red]")
        for d in result.failed:
            for p in d.problems:
                err.print(f"[red]{p}[/red]")
        raise typer.Exit(1)


@app.command("export")
def case_export(
    case: CaseArg,
    out_dir: Annotated[Path, typer.Option("--out", help="Mappe, som pakken lægges i, eller en .zip-fil")] = Path("."),
    override: Annotated[str, typer.Option("--override", help="Teamlederens skriftlige begrundelse for at "
                                                              "eksportere trods punkter på tjeklisten")] = "",
    replace: Annotated[bool, typer.Option("--replace", help="Erstat en pakke med samme navn i mappen (en eksport "
                                                             "tidligere samme dag)")] = False,
) -> None:
    """Dan eksportpakken til ESDH: afgørelse, aktliste, journalnotat, udleverede filer, kontrolrapport."""
    with progress("Eksporterer") as bar:
        if out_dir.suffix.lower() == ".zip":
            result = run(lambda svc: svc.export_zip(case, out_dir, override_reason=override, progress=bar))
        else:
            result = run(lambda svc: svc.export_bundle(case, out_dir, override_reason=override, progress=bar,
                                                       replace=replace))
    if out_dir.suffix.lower() == ".zip":
        out.print(f"Eksportpakken er dannet: {result.path}. Kontrollér den med 'aktindsigt bundle verify'.")
    else:
        from aktindsigt.core.danish import count

        out.print(f"Eksportpakken er dannet: {result.path} ({count(len(result.files), 'fil', 'filer')}).")
    for m in result.manifest.get("messages", []):
        err.print(f"[yellow]{m}[/yellow]")

