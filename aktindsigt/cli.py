"""Headless commands over the services layer (scriptable, testable).

Every command prints Danish messages for people; machine-readable output
(`case create` prints the case id, `text` prints the text) goes to stdout alone.
"""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from aktindsigt.core.deadlines import Light
from aktindsigt.core.model import (
    DocumentStatus,
    EntityType,
    Regime,
    RequesterType,
    SuggestionStatus,
    UserRole,
)
from aktindsigt.logging_setup import setup_logging
from aktindsigt.services import ServiceError, Services

log = logging.getLogger(__name__)

app = typer.Typer(
    help="aktindsigt: behandling af anmodninger om aktindsigt.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
case_app = typer.Typer(help="Sager om aktindsigt.", no_args_is_help=True)
app.add_typer(case_app, name="case")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

LIGHT_STYLE = {Light.GREEN: "green", Light.AMBER: "yellow", Light.RED: "red", Light.DONE: "blue"}


def _services() -> Services:
    try:
        return Services.open()
    except Exception as e:  # noqa: BLE001 - turn any start-up failure into a plain message
        log.exception("cannot open the store")
        err.print(f"[red]Databasen kunne ikke åbnes:[/red] {e}")
        raise typer.Exit(2) from e


def _fail(e: ServiceError) -> typer.Exit:
    err.print(f"[red]Fejl:[/red] {e.message}")
    if e.detail:
        log.info("detail: %s", e.detail)
    return typer.Exit(2)


def _fmt_date(d: date | None) -> str:
    return d.strftime("%d.%m.%Y") if d else ""


@app.callback()
def _main() -> None:
    setup_logging()


@case_app.command("create")
def case_create(
    title: Annotated[str, typer.Option("--title", help="Sagens titel")],
    requester: Annotated[str, typer.Option("--requester", help="Anmoderens navn")],
    regime: Annotated[Regime, typer.Option("--regime", help="Retsgrundlag", case_sensitive=False)],
    received: Annotated[str | None, typer.Option("--received", help="Modtaget (ÅÅÅÅ-MM-DD)")] = None,
    kle: Annotated[str, typer.Option("--kle", help="KLE-emnenummer, fx 00.01.10")] = "00.01.10",
    requester_type: Annotated[RequesterType, typer.Option("--requester-type")] = RequesterType.CITIZEN,
    case_number: Annotated[str, typer.Option("--case-number", help="Sagsnummer (ellers tildeles et)")] = "",
    underlying: Annotated[list[str] | None, typer.Option("--underlying", help="Underliggende sag (kan gentages)")] = None,
    request_text: Annotated[str, typer.Option("--request", help="Hvad der er anmodet om")] = "",
) -> None:
    """Opret en sag; skriver sagens id."""
    try:
        received_date = date.fromisoformat(received) if received else None
    except ValueError:
        err.print(f"[red]Fejl:[/red] Datoen '{received}' skal skrives ÅÅÅÅ-MM-DD.")
        raise typer.Exit(2) from None
    svc = _services()
    try:
        case = svc.create_case(
            title, requester, regime, received_date, requester_type=requester_type, kle_subject=kle,
            case_number=case_number, underlying_cases=underlying or [], request_text=request_text,
        )
    except ServiceError as e:
        raise _fail(e) from e
    err.print(f"Sag oprettet: {case.case_number}")
    out.print(case.id)


@case_app.command("list")
def case_list() -> None:
    """Vis alle sager med frister."""
    svc = _services()
    rows = svc.list_cases()
    if not rows:
        out.print("Der er ingen sager endnu. Opret en med 'aktindsigt case create' eller prøv 'aktindsigt demo'.")
        return
    t = Table("Id", "Sagsnr.", "Titel", "Anmoder", "Retsgrundlag", "Modtaget", "Frist", "Status", "Dok.", "Åbne forslag")
    for r in rows:
        d = r.deadlines
        light = f"[{LIGHT_STYLE[d.light]}]●[/] {d.light.label}"
        t.add_row(str(r.case.id), r.case.case_number, r.case.title, r.case.requester_name, r.case.regime.label,
                  _fmt_date(r.case.received), light, r.case.status.label, str(r.documents), str(r.open_suggestions))
    out.print(t)


@case_app.command("show")
def case_show(case: Annotated[str, typer.Argument(help="Sagens id eller sagsnummer")]) -> None:
    """Vis en sag: dokumenter og frister."""
    svc = _services()
    try:
        detail = svc.case_detail(case)
    except ServiceError as e:
        raise _fail(e) from e
    c, d = detail.case, detail.deadlines
    out.print(f"[bold]{c.case_number} · {c.title}[/bold]")
    out.print(f"Anmoder: {c.requester_name} ({c.requester_type.label}) · {c.regime.label} · KLE {c.kle}")
    out.print(f"Modtaget: {_fmt_date(c.received)} · Status: {c.status.label}")
    review = svc.review_state(c.id or 0).summary()
    if review != c.status.label:
        out.print(review)
    out.print(
        f"Frister: fristbrev senest {_fmt_date(d.fristbrev_due)} (7 arbejdsdage) · "
        f"klageadgang efter § 39 fra {_fmt_date(d.complaint_possible)} (14 arbejdsdage) · "
        f"[{LIGHT_STYLE[d.light]}]{d.light.label}[/] ({d.elapsed_working_days} arbejdsdage gået)"
    )
    if c.underlying_cases:
        out.print("Underliggende sager: " + ", ".join(c.underlying_cases))
    t = Table("Akt", "Titel", "Dato", "Sider", "Bilag til", "Status", "Bemærkning")
    by_id = {doc.id: doc for doc in detail.documents}
    for doc in detail.documents:
        parent = by_id.get(doc.parent_id)
        note = doc.failure_reason or "; ".join(doc.warnings)
        status = doc.status.label if not doc.approximate else f"{doc.status.label} (tilnærmet)"
        t.add_row(str(doc.akt_nr), doc.title, _fmt_date(doc.doc_date), str(doc.page_count),
                  str(parent.akt_nr) if parent else "", status, note)
    out.print(t)
    if not detail.documents:
        out.print("Sagen har ingen dokumenter endnu. Importér med 'aktindsigt case import'.")


@case_app.command("import")
def case_import(
    case: Annotated[str, typer.Argument(help="Sagens id eller sagsnummer")],
    paths: Annotated[list[Path], typer.Argument(help="Filer og mapper (mapper gennemløbes rekursivt)")],
) -> None:
    """Importér filer og mapper i en sag."""
    svc = _services()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("Importerer", total=None)

        def progress(done: int, total: int, message: str) -> None:
            bar.update(task, completed=done, total=total, description=f"Importerer {message}"[:60])

        try:
            summary = svc.import_paths(case, paths, progress=progress)
        except ServiceError as e:
            raise _fail(e) from e
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


@case_app.command("analyze")
def case_analyze(case: Annotated[str, typer.Argument(help="Sagens id eller sagsnummer")]) -> None:
    """Find forslag til overstregning i alle sagens dokumenter."""
    svc = _services()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("Analyserer", total=None)
        try:
            summary = svc.analyze_case(
                case, progress=lambda d, t, m: bar.update(task, completed=d, total=t, description=m[:60] or "Analyserer"))
        except ServiceError as e:
            raise _fail(e) from e
    out.print(f"{summary.documents} dokumenter analyseret: {summary.new_suggestions} nye forslag "
              f"({summary.propagated} fundet som øvrige forekomster af kendte oplysninger).")
    if summary.by_type:
        out.print(", ".join(f"{EntityType(k).label}: {v}" for k, v in sorted(summary.by_type.items())))
    if summary.public_titles:
        out.print(f"{summary.public_titles} dokumenttitler indeholdt personoplysninger; der er foreslået offentlige titler.")


@case_app.command("suggestions")
def case_suggestions(
    case: Annotated[str, typer.Argument(help="Sagens id eller sagsnummer")],
    entity: Annotated[EntityType | None, typer.Option("--type", help="Kun denne type")] = None,
    status: Annotated[SuggestionStatus | None, typer.Option("--status", help="pending, accepted eller rejected")] = None,
) -> None:
    """Vis forslag grupperet efter oplysning."""
    svc = _services()
    try:
        groups = svc.suggestion_groups(case, entity_type=entity, status=status)
    except ServiceError as e:
        raise _fail(e) from e
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


@case_app.command("redact")
def case_redact(
    case: Annotated[str, typer.Argument(help="Sagens id eller sagsnummer")],
    out_dir: Annotated[Path | None, typer.Option("--out", help="Mappe til de overstregede filer")] = None,
) -> None:
    """Overstreg alle udleverede dokumenter og kontrollér hver fil (afviser filer, der fejler kontrollen)."""
    svc = _services()
    try:
        c = svc.get_case(case)
        target = out_dir or Path.cwd() / f"aktindsigt_{c.case_number}"
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=err, transient=True) as bar:
            task = bar.add_task("Overstreger", total=None)
            result = svc.redact_case(
                case, target, progress=lambda d, t, m: bar.update(task, completed=d, total=t, description=m or "Overstreger"))
    except ServiceError as e:
        raise _fail(e) from e
    t = Table("Akt", "Fil", "Overstregninger", "Undtagne sider", "Kontrol")
    for d in result.documents:
        t.add_row(str(d.document.akt_nr), d.path.name if d.path else "–", str(d.boxes),
                  ", ".join(map(str, d.withheld_pages)), "[green]bestået[/green]" if d.passed else "[red]FEJLET[/red]")
    for doc, why in result.skipped:
        t.add_row(str(doc.akt_nr), "–", "", "", why)
    out.print(t)
    out.print(f"Filerne ligger i {result.out_dir}; kontrolrapporten i {result.out_dir / 'revision'}.")
    if not result.passed:
        for d in result.failed:
            for p in d.problems:
                err.print(f"[red]{p}[/red]")
        raise typer.Exit(1)


@case_app.command("export")
def case_export(
    case: Annotated[str, typer.Argument(help="Sagens id eller sagsnummer")],
    out_dir: Annotated[Path, typer.Option("--out", help="Mappe, som pakken lægges i")] = Path("."),
    override: Annotated[str, typer.Option("--override", help="Teamlederens skriftlige begrundelse for at "
                                                              "eksportere trods punkter på tjeklisten")] = "",
) -> None:
    """Dan eksportpakken til ESDH: afgørelse, aktliste, journalnotat, udleverede filer, kontrolrapport."""
    svc = _services()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as bar:
        task = bar.add_task("Eksporterer", total=None)
        try:
            result = svc.export_bundle(case, out_dir, override_reason=override,
                                       progress=lambda d, t, m: bar.update(task, completed=d, total=t,
                                                                           description=m or "Eksporterer"))
        except ServiceError as e:
            raise _fail(e) from e
    out.print(f"Eksportpakken er dannet: {result.path} ({len(result.files)} filer).")
    for m in result.manifest.get("messages", []):
        err.print(f"[yellow]{m}[/yellow]")


def _print_review(state) -> None:
    summary = state.summary()
    out.print(f"Status: {summary}" if summary == state.status.label else summary)


@case_app.command("submit")
def case_submit(
    case: Annotated[str, typer.Argument(help="Sagens id eller sagsnummer")],
    comment: Annotated[str, typer.Option("--comment", help="Bemærkning til teamlederen")] = "",
    allow_problems: Annotated[bool, typer.Option("--allow-problems", help="Send trods punkter på tjeklisten "
                                                 "(kræver --comment)")] = False,
) -> None:
    """Send sagen til godkendelse hos teamlederen (afvises, så længe tjeklisten har punkter)."""
    svc = _services()
    try:
        state = svc.submit_for_review(case, comment, allow_problems=allow_problems)
    except ServiceError as e:
        raise _fail(e) from e
    _print_review(state)


@case_app.command("approve")
def case_approve(
    case: Annotated[str, typer.Argument(help="Sagens id eller sagsnummer")],
    comment: Annotated[str, typer.Option("--comment", help="Bemærkning til godkendelsen (kræves, når du selv "
                                         "har behandlet sagen)")] = "",
    override: Annotated[str, typer.Option("--override", help="Skriftlig begrundelse for at godkende trods "
                                          "punkter på tjeklisten")] = "",
) -> None:
    """Godkend sagen (kun teamleder)."""
    svc = _services()
    try:
        state = svc.approve_case(case, comment, override_reason=override)
    except ServiceError as e:
        raise _fail(e) from e
    _print_review(state)


@case_app.command("return")
def case_return(
    case: Annotated[str, typer.Argument(help="Sagens id eller sagsnummer")],
    comment: Annotated[str, typer.Option("--comment", help="Hvad sagsbehandleren skal rette (skal udfyldes)")] = "",
) -> None:
    """Returnér sagen til sagsbehandleren med en kommentar (kun teamleder)."""
    svc = _services()
    try:
        state = svc.return_case(case, comment)
    except ServiceError as e:
        raise _fail(e) from e
    _print_review(state)


@case_app.command("reopen")
def case_reopen(
    case: Annotated[str, typer.Argument(help="Sagens id eller sagsnummer")],
    comment: Annotated[str, typer.Option("--comment", help="Hvorfor behandlingen genoptages")] = "",
) -> None:
    """Genoptag behandlingen: en returneret sag, en sag til godkendelse eller en godkendt sag (godkendelsen
    bortfalder)."""
    svc = _services()
    try:
        state = svc.reopen_case(case, comment)
    except ServiceError as e:
        raise _fail(e) from e
    _print_review(state)


settings_app = typer.Typer(help="Indstillinger: bruger, medarbejderliste, lukkedage.", no_args_is_help=True)
app.add_typer(settings_app, name="settings")


@settings_app.command("user")
def settings_user(
    name: Annotated[str | None, typer.Option("--name", help="Dit navn, som det står i loggen og på sagerne "
                                             "('' = systemets brugernavn)")] = None,
    role: Annotated[UserRole | None, typer.Option("--role", help="sagsbehandler eller teamleder",
                                                  case_sensitive=False)] = None,
) -> None:
    """Vis eller ret din brugerprofil: navn og rolle."""
    svc = _services()
    try:
        profile = svc.set_user_profile(name, role) if name is not None or role is not None else svc.user_profile()
    except ServiceError as e:
        raise _fail(e) from e
    out.print(f"Navn: {profile.name}")
    out.print(f"Rolle: {profile.role.label}")
    out.print(f"Brugernavn: {profile.login}")
    if profile.name_locked and profile.saved_name and profile.saved_name != profile.name:
        err.print(f"[yellow]Bemærk:[/yellow] AKTINDSIGT_USER er sat, så navnet '{profile.saved_name}' bruges ikke.")


@settings_app.command("employees")
def settings_employees(file: Annotated[Path, typer.Argument(help="CSV med kolonnerne navn;initialer;titel;email;telefon")]) -> None:
    """Importér listen over medarbejdere, hvis navne ikke foreslås overstreget."""
    svc = _services()
    try:
        n = svc.import_employees_csv(file)
    except ServiceError as e:
        raise _fail(e) from e
    out.print(f"{n} medarbejdere importeret.")


@settings_app.command("closure-days")
def settings_closure_days(
    days: Annotated[list[str], typer.Argument(help="Lukkedage (ÅÅÅÅ-MM-DD)")],
    customary: Annotated[bool, typer.Option("--customary/--no-customary",
                                            help="Også grundlovsdag, juleaftensdag og nytårsaftensdag")] = False,
) -> None:
    """Sæt kommunens lukkedage (bruges i fristberegningen)."""
    try:
        parsed = [date.fromisoformat(d) for d in days]
    except ValueError:
        err.print("[red]Fejl:[/red] Datoer skal skrives ÅÅÅÅ-MM-DD.")
        raise typer.Exit(2) from None
    _services().set_closure_days(parsed, customary)
    out.print(f"{len(parsed)} lukkedage gemt.")


@app.command("text")
def text_cmd(file: Annotated[Path, typer.Argument(help="En fil i et understøttet format")]) -> None:
    """Skriv den udtrukne tekst af én fil (uden sag)."""
    try:
        text = Services.extract_text(file)
    except ServiceError as e:
        raise _fail(e) from e
    sys.stdout.write(text)
    sys.stdout.flush()


@app.command("demo")
def demo_cmd(
    out_dir: Annotated[Path | None, typer.Option("--out", help="Mappe til demo-filerne")] = None,
) -> None:
    """Opret en demosag med ca. 20 syntetiske dokumenter i alle formater."""
    svc = _services()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err,
                  transient=True) as bar:
        task = bar.add_task("Opretter demosag", total=None)
        case, summary = svc.create_demo_case(
            out_dir, progress=lambda d, t, m: bar.update(task, completed=d, total=t, description=f"Importerer {m}"[:60])
        )
    _print_demo_summary(svc, case.id or 0, summary.imported, summary.failed)


def _print_demo_summary(svc: Services, case_id: int, imported: list, failed: list) -> None:
    detail = svc.case_detail(case_id)
    c = detail.case
    out.print(f"Demosag oprettet: [bold]{c.case_number}[/bold] (id {c.id}) · {c.title}")
    out.print(f"{len(imported)} dokumenter importeret, {len(failed)} fejlet, "
              f"{sum(d.page_count for d in detail.documents)} sider i alt.")
    out.print(f"Se sagen med: aktindsigt case show {c.id}")


@app.command("run")
def run_cmd() -> None:
    """Start programmet (opretter en demosag, hvis der ingen sager er)."""
    svc = _services()
    created = svc.ensure_demo_case()
    if created is not None:
        out.print(f"Første start: demosagen {created.case_number} er oprettet.")
    if not _has_display():
        case_list()
        out.print("Der er ingen skærm (DISPLAY er ikke sat), så skrivebordsprogrammet kan ikke vises. "
                  "Brug kommandoerne ovenfor ('aktindsigt --help') eller start programmet fra skrivebordet.")
        return
    try:
        from aktindsigt.ui.app import main as ui_main  # the desktop app
    except ImportError as e:
        log.warning("desktop app not available: %s", e)
        case_list()
        out.print("Skrivebordsprogrammet kunne ikke startes; brug kommandoerne ovenfor ('aktindsigt --help').")
        return
    raise typer.Exit(ui_main())


def _has_display() -> bool:
    import os

    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM") in ("offscreen", "xcb", "wayland", "vnc"))


@app.command("doctor")
def doctor_cmd() -> None:
    """Vis hvilke systemdele der er installeret, og hvad der ikke virker uden dem."""
    from aktindsigt.ingest.tools import libreoffice_status, tesseract_status

    t = Table("Del", "Status", "Betydning")
    ok = True
    for name, st in (("Tesseract (OCR, dansk)", tesseract_status()), ("LibreOffice", libreoffice_status())):
        ok &= st.available
        t.add_row(name, "[green]installeret[/green]" if st.available else "[red]mangler[/red]",
                  st.detail if st.available else st.consequence)
    out.print(t)
    if not ok:
        raise typer.Exit(1)


def _register_optional_commands() -> None:
    """Commands that live next to their feature (detect, redact, NER evaluation)."""
    import importlib

    for module in ("aktindsigt.detect.cli", "aktindsigt.redact.cli", "aktindsigt.outputs.cli", "aktindsigt.nlp.cli"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as e:
            if e.name and module.startswith(e.name):
                continue
            raise
        mod.register(app)


_register_optional_commands()


def main() -> None:
    app()
