"""``aktindsigt eval-ner``: registered on the main typer app by aktindsigt.cli."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("eval-ner")
    def eval_ner(
        conll: Annotated[Path, typer.Argument(help="CoNLL file: token<TAB>BIO-tag, blank line between sentences")],
        json_out: Annotated[Path | None, typer.Option("--json", help="Write the scores as JSON to this file")] = None,
        model: Annotated[Path | None, typer.Option("--model", help="Pipeline directory (default models/da_aktindsigt)")] = None,
    ) -> None:
        """Evaluate the shipped Danish NER model on a CoNLL file (P/R/F1 per label, PER token recall)."""
        from aktindsigt.nlp.evaluate import run_eval_ner

        code = run_eval_ner(conll, json_out, model_path=model)
        if code:
            raise typer.Exit(code)
