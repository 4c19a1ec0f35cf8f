"""``aktindsigt db upgrade|copy``: the store's schema, and moving a store to the team's database."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aktindsigt.cli.common import die, err, out

app = typer.Typer(help="Databasen: opgradering og flytning til teamets database.", no_args_is_help=True)


def _url(url: str | None) -> str:
    from aktindsigt.config import resolve_paths

    return url or resolve_paths().db_url


def _safe(url: str) -> str:
    """The URL without its password (for messages)."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a URL SQLAlchemy understands: show it as given
        return url


@app.command("upgrade")
def db_upgrade(
    url: Annotated[str | None, typer.Option("--url", help="Databasens adresse (ellers AKTINDSIGT_DB_URL eller "
                                            "den lokale database)")] = None,
) -> None:
    """Opgradér databasens skema til denne version (de samme migrationer på SQLite og PostgreSQL)."""
    from aktindsigt.store import migrate
    from aktindsigt.store.store import make_engine

    target = _url(url)
    try:
        engine = make_engine(target)
        before = migrate.current_revision(engine)
        migrate.upgrade(engine)
        after = migrate.current_revision(engine)
        engine.dispose()
    except Exception as e:  # noqa: BLE001 - any connection or migration failure becomes a plain message
        die(f"Databasen {_safe(target)} kunne ikke opgraderes: {e}")
    if before == after:
        out.print(f"Databasen {_safe(target)} er allerede opdateret (version {after}).")
    else:
        out.print(f"Databasen {_safe(target)} er opgraderet fra version {before or 'tom'} til {after}.")


@app.command("copy")
def db_copy(
    source: Annotated[str, typer.Option("--from", help="Kildens adresse, fx sqlite:///sti/aktindsigt.db")],
    target: Annotated[str, typer.Option("--to", help="Målets adresse, fx postgresql://bruger@server/aktindsigt")],
    from_blobs: Annotated[Path | None, typer.Option("--from-blobs", help="Kildens filarkiv (standard: mappen "
                                                    "'blobs' ved siden af SQLite-filen)")] = None,
    to_blobs: Annotated[str | None, typer.Option("--to-blobs", help="Målets filarkiv: 'database' (standard for "
                                                 "PostgreSQL) eller en fælles mappe")] = None,
) -> None:
    """Flyt en hel database (sager, revisionslog og filer) til en tom database, fx teamets PostgreSQL."""
    from aktindsigt.store.copy import CopyError, copy_store, open_for_copy
    from aktindsigt.store.dbblobs import SETTING

    if _url(source) == _url(target):
        die("Kilde og mål er den samme database.")
    mode, dst_blobs = None, None
    if to_blobs:
        if to_blobs.lower() in ("db", "database", "databasen"):
            mode = "database"
        else:
            mode, dst_blobs = "folder", Path(to_blobs).expanduser()
    try:
        src = open_for_copy(source, from_blobs, None)
        dst = open_for_copy(target, dst_blobs, mode)
    except Exception as e:  # noqa: BLE001
        die(f"Databaserne kunne ikke åbnes: {e}")
    try:
        report = copy_store(src, dst, progress=lambda m: err.print(m, style="dim"))
        if mode:
            dst.set_setting(SETTING, {"mode": mode}, "db copy")
    except CopyError as e:
        die(str(e))
    finally:
        src.close()
        dst.close()
    from aktindsigt.core.danish import count

    rows = sum(report.rows.values())
    out.print(f"Kopieret fra {_safe(source)} til {_safe(target)} på {report.seconds:.1f} s: "
              f"{count(report.rows.get('cases', 0), 'sag', 'sager')}, {count(rows, 'række', 'rækker')} i alt, "
              f"{count(report.rows.get('audit_events', 0), 'revisionshændelse', 'revisionshændelser')}, "
              f"{count(report.blobs, 'fil', 'filer')} ({report.blob_bytes / 1e6:.1f} MB).")
    out.print(f"Revisionsloggens SHA-256 (ens i kilde og mål): {report.audit_sha256}")
    if not report.ok:
        for p in report.problems:
            err.print(f"[red]{p}[/red]")
        raise typer.Exit(1)


def print_store_checks() -> bool:
    """The store's part of ``aktindsigt doctor``: prints a table, returns whether everything is in order."""
    from rich.table import Table

    from aktindsigt.config import resolve_paths
    from aktindsigt.store.health import Check, open_for_checks, store_checks

    paths = resolve_paths()
    try:
        store = open_for_checks(paths.db_url, paths.blobs, paths.blob_mode)
    except Exception as e:  # noqa: BLE001
        checks = [Check("Database", False, str(e), "Databasen kan ikke åbnes. Kontrollér AKTINDSIGT_DB_URL.")]
    else:
        try:
            checks = store_checks(store, paths.home)
        finally:
            store.close()
    t = Table("Database og filer", "Status", "Betydning")
    for c in checks:
        t.add_row(c.name, "[green]i orden[/green]" if c.ok else "[red]fejl[/red]",
                  c.detail if c.ok else f"{c.detail}. {c.consequence}".strip())
    out.print(f"Database: {_safe(paths.db_url)}")
    out.print(t)
    return all(c.ok for c in checks)


@app.command("check")
def db_check() -> None:
    """Kontrollér databasen, filarkivet, ændringsstrømmen og revisionsloggens beskyttelse."""
    if not print_store_checks():
        raise typer.Exit(1)
