"""What every command group shares: the consoles, opening the services, Danish errors, progress.

Nothing here imports the services, the detectors or PyMuPDF at module level: a command imports
what it needs inside its body, so that ``aktindsigt case list`` or ``--help`` starts quickly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer
from rich.console import Console

if TYPE_CHECKING:
    from aktindsigt.services import ServiceError, Services

log = logging.getLogger("aktindsigt.cli")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

CaseArg = Annotated[str, typer.Argument(help="Sagens id eller sagsnummer")]
OutOpt = Annotated[Path | None, typer.Option("--out", help="Mappe til filerne")]
NoPdf = Annotated[bool, typer.Option("--no-pdf", help="Dan kun Word-filen")]

#: the colour of each deadline light (keys are ``Light`` values)
LIGHT_STYLE = {"green": "green", "amber": "yellow", "red": "red", "done": "blue"}

T = TypeVar("T")


def _open_services() -> Services:
    from aktindsigt.services import Services

    return Services.open()


#: how commands get their services; tests replace it to inject a prepared store
services_factory: Callable[[], Any] = _open_services


def services() -> Services:
    """The services over the user's store, or exit 2 with a Danish message when it cannot be opened."""
    try:
        return services_factory()
    except Exception as e:  # noqa: BLE001 - turn any start-up failure into a plain message
        log.exception("cannot open the store")
        err.print(f"[red]Databasen kunne ikke åbnes:[/red] {e}")
        raise typer.Exit(2) from e


def fail(e: ServiceError) -> typer.Exit:
    """Print a service error in Danish; the caller raises the returned exit (code 2)."""
    err.print(f"[red]Fejl:[/red] {e.message}")
    if e.detail:
        log.info("detail: %s", e.detail)
    return typer.Exit(2)


def die(message: str, code: int = 2) -> NoReturn:
    err.print(f"[red]Fejl:[/red] {message}")
    raise typer.Exit(code)


def run(fn: Callable[[Services], T]) -> T:
    """Call ``fn`` with the services; a ServiceError becomes a Danish message and exit code 2."""
    from aktindsigt.services import ServiceError

    svc = services()
    try:
        return fn(svc)
    except ServiceError as e:
        raise fail(e) from e


def parse_date(value: str | None) -> date | None:
    """An ISO date (ÅÅÅÅ-MM-DD) from the command line, or exit 2 with a Danish message."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        die(f"Datoen '{value}' skal skrives ÅÅÅÅ-MM-DD.")


def fmt_date(d: date | None) -> str:
    return d.strftime("%d.%m.%Y") if d else ""


@contextmanager
def progress(description: str, *, elapsed: bool = True) -> Iterator[Callable[[int, int, str], None]]:
    """A transient progress bar on stderr; yields the ``progress(done, total, message)`` callback
    the services take."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns: list[Any] = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    if elapsed:
        columns.append(TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(description, total=None)

        def update(done: int, total: int, message: str) -> None:
            bar.update(task, completed=done, total=total, description=(message or description)[:60])

        yield update


_RICH_TEXTS = {
    "ARGUMENTS_PANEL_TITLE": "Argumenter",
    "OPTIONS_PANEL_TITLE": "Valgmuligheder",
    "COMMANDS_PANEL_TITLE": "Kommandoer",
    "ERRORS_PANEL_TITLE": "Fejl",
    "ABORTED_TEXT": "Afbrudt.",
    "REQUIRED_LONG_STRING": "[skal angives]",
    "DEFAULT_STRING": "[standard: {}]",
    "RICH_HELP": "Skriv [blue]'{command_path} {help_option}'[/] for at få hjælp.",
}


def _danish_rich_texts(module: Any) -> None:
    for name, text in _RICH_TEXTS.items():
        if hasattr(module, name):
            setattr(module, name, text)


class _DanishOnImport:
    """Meta-path finder that gives ``typer.rich_utils`` its Danish texts when it is first imported.

    ``rich_utils`` pulls in rich's Markdown, markdown-it and Pygments (about a third of the
    command line's start-up); typer imports it only to print help or an error, so the texts are
    set then rather than importing it for every command.
    """

    name = "typer.rich_utils"

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> Any:
        if name != self.name:
            return None
        import importlib.machinery

        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module: Any) -> None:
            original(module)
            _danish_rich_texts(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def danish_help() -> None:
    """Danish headings in ``--help`` (typer's rich help panels and the help option).

    Typer has no translation of its own; its panel titles are module constants (set when
    ``typer.rich_utils`` is imported, see :class:`_DanishOnImport`), and the help option's text
    is set where the option is made. If a later typer moves these, help stays readable in English.
    """
    import sys

    rich_utils = sys.modules.get(_DanishOnImport.name)
    if rich_utils is not None:
        _danish_rich_texts(rich_utils)
    elif not any(isinstance(f, _DanishOnImport) for f in sys.meta_path):
        sys.meta_path.insert(0, _DanishOnImport())
    try:
        from typer._click import core as click_core

        original = click_core.Command.get_help_option
        if getattr(original, "_aktindsigt", False):
            return

        def get_help_option(self, ctx):  # type: ignore[no-untyped-def]
            option = original(self, ctx)
            if option is not None:
                option.help = "Vis denne hjælp og afslut."
            return option

        get_help_option._aktindsigt = True  # type: ignore[attr-defined]
        click_core.Command.get_help_option = get_help_option  # type: ignore[method-assign]
    except (ImportError, AttributeError):  # pragma: no cover - another typer version
        log.debug("typer help texts stay in English")
