"""``aktindsigt settings user|employees|closure-days``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aktindsigt.cli.common import err, out, parse_date, run
from aktindsigt.core.model import UserRole

app = typer.Typer(help="Indstillinger: bruger, medarbejderliste, lukkedage.", no_args_is_help=True)


@app.command("user")
def settings_user(
    name: Annotated[str | None, typer.Option("--name", help="Dit navn, som det står i loggen og på sagerne "
                                             "('' = systemets brugernavn)")] = None,
    role: Annotated[UserRole | None, typer.Option("--role", help="sagsbehandler eller teamleder",
                                                  case_sensitive=False)] = None,
    initials: Annotated[str | None, typer.Option("--initials", help="Dine initialer")] = None,
) -> None:
    """Vis eller ret din brugerprofil: navn, initialer og rolle."""
    changed = name is not None or role is not None or initials is not None
    profile = run(lambda svc: svc.set_user_profile(name, role, initials) if changed else svc.user_profile())
    out.print(f"Navn: {profile.name}")
    if profile.initials:
        out.print(f"Initialer: {profile.initials}")
    out.print(f"Rolle: {profile.role.label}")
    out.print(f"Brugernavn: {profile.login}")
    if profile.name_locked and profile.saved_name and profile.saved_name != profile.name:
        err.print(f"[yellow]Bemærk:[/yellow] AKTINDSIGT_USER er sat, så navnet '{profile.saved_name}' bruges ikke.")


@app.command("employees")
def settings_employees(
    file: Annotated[Path, typer.Argument(help="CSV med kolonnerne navn;initialer;titel;email;telefon")],
) -> None:
    """Importér listen over medarbejdere, hvis navne ikke foreslås overstreget."""
    from aktindsigt.core.danish import count

    n = run(lambda svc: svc.import_employees_csv(file))
    out.print(f"{count(n, 'medarbejder', 'medarbejdere')} importeret.")


@app.command("closure-days")
def settings_closure_days(
    days: Annotated[list[str], typer.Argument(help="Lukkedage (ÅÅÅÅ-MM-DD)")],
    customary: Annotated[bool, typer.Option("--customary/--no-customary",
                                            help="Også grundlovsdag, juleaftensdag og nytårsaftensdag")] = False,
) -> None:
    """Sæt kommunens lukkedage (bruges i fristberegningen)."""
    from aktindsigt.core.danish import count

    parsed = [d for d in (parse_date(x) for x in days) if d is not None]
    run(lambda svc: svc.set_closure_days(parsed, customary))
    out.print(f"{count(len(parsed), 'lukkedag', 'lukkedage')} gemt.")


@app.command("tools")
def settings_tools(
    tesseract: Annotated[str | None, typer.Option("--tesseract", help="Stien til tesseract ('' = find den selv)")] = None,
    soffice: Annotated[str | None, typer.Option("--soffice", help="Stien til LibreOffice's soffice ('' = find den "
                                                "selv)")] = None,
) -> None:
    """Vis eller ret, hvor Tesseract (OCR) og LibreOffice ligger, hvis de ikke findes af sig selv."""
    from aktindsigt.cli.common import die
    from aktindsigt.config import save_tool_settings, tool_settings
    from aktindsigt.ingest.tools import libreoffice_status, refresh_tool_status, tesseract_status

    for label, value in (("Tesseract", tesseract), ("LibreOffice", soffice)):
        if value and not Path(value).expanduser().is_file():
            die(f"{label} findes ikke på stien {value}.")
    if tesseract is not None or soffice is not None:
        save_tool_settings(tesseract=str(Path(tesseract).expanduser()) if tesseract else tesseract,
                           soffice=str(Path(soffice).expanduser()) if soffice else soffice)
        refresh_tool_status()
    saved = tool_settings()
    for label, key, status in (("Tesseract", "tesseract", tesseract_status()),
                               ("LibreOffice", "soffice", libreoffice_status())):
        where = status.path or "ikke fundet"
        source = " (din indstilling)" if saved.get(key) and saved.get(key) == status.path else ""
        out.print(f"{label}: {where}{source}" + ("" if status.available else f" – {status.detail}"))
