"""``aktindsigt case search|redact-term``: find a text in every document of the case, and redact the hits."""

from __future__ import annotations

from typing import Annotated

import typer

from aktindsigt.cli.case import app
from aktindsigt.cli.common import CaseArg, err, out, run

STATE_LABEL = {"open": "åben", "suggested": "forslag", "redacted": "overstreget", "kept": "bevaret"}


def _table(hits) -> None:
    from rich.markup import escape
    from rich.table import Table

    t = Table("Nr.", "Akt", "Side", "Forekomst i sammenhæng", "Status")
    for i, h in enumerate(hits, start=1):
        t.add_row(str(i), str(h.akt_nr), str(h.page or "–"),
                  f"{escape(h.before)}[bold]{escape(h.text)}[/bold]{escape(h.after)}", STATE_LABEL[h.state])
    out.print(t)


def _count(hits) -> str:
    from aktindsigt.core.danish import count

    docs = len({h.document_id for h in hits})
    return f"{count(len(hits), 'forekomst', 'forekomster')} i {count(docs, 'dokument', 'dokumenter')}"


@app.command("search")
def case_search(
    case: CaseArg,
    text: Annotated[str, typer.Argument(help="Teksten, der søges efter (store/små bogstaver, linjeskift og "
                                        "talgruppering er ligegyldige)")],
    regex: Annotated[bool, typer.Option("--regex", help="Teksten er et regulært udtryk")] = False,
) -> None:
    """Søg i alle sagens dokumenter: hver forekomst med sammenhæng, akt og side."""
    hits = run(lambda svc: svc.search_case(case, text, regex=regex))
    if not hits:
        out.print(f"'{text}' blev ikke fundet i sagens dokumenter.")
        return
    _table(hits)
    out.print(_count(hits) + ".")


@app.command("redact-term")
def case_redact_term(
    case: CaseArg,
    text: Annotated[str, typer.Argument(help="Teksten, hvis forekomster overstreges")],
    ground: Annotated[str, typer.Option("--ground", help="Hjemmel, fx ofl30_1")] = "",
    skip: Annotated[list[int] | None, typer.Option("--skip", help="Numre fra 'case search', der ikke skal "
                                                   "overstreges (kan gentages)")] = None,
    regex: Annotated[bool, typer.Option("--regex", help="Teksten er et regulært udtryk")] = False,
    reason: Annotated[str, typer.Option("--reason", help="Begrundelse")] = "",
) -> None:
    """Overstreg forekomsterne af en tekst i alle sagens dokumenter (alle, eller alle undtagen --skip)."""
    if not ground:
        err.print("[red]Fejl:[/red] Angiv en hjemmel med --ground (fx ofl30_1).")
        raise typer.Exit(2)
    skipped = set(skip or [])

    def go(svc):
        hits = svc.search_case(case, text, regex=regex)
        chosen = [h for i, h in enumerate(hits, start=1) if i not in skipped]
        return hits, chosen, svc.redact_hits(case, chosen, ground, reason, label=" ".join(text.split()))

    hits, chosen, op = run(go)
    if not hits:
        out.print(f"'{text}' blev ikke fundet i sagens dokumenter.")
        raise typer.Exit(1)
    done = [h for h in chosen if h.state != "redacted"]
    out.print(f"Overstreget: {_count(done)}" + (f" ({len(skipped)} sprunget over)" if skipped else "") + ".")
    if op.added_suggestions or op.created:
        # the app's Ctrl+Z covers only what was done in the app: here a kept occurrence is a decision of its own
        out.print(f"En forekomst, der alligevel skal udleveres, beholdes med 'aktindsigt case decide {case} --reject "
                  f"ID' (forslagenes id'er står i 'aktindsigt case suggestions {case}').")
