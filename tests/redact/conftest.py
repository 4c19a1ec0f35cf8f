from __future__ import annotations

from pathlib import Path

import pytest
import typer

from aktindsigt.redact.cli import register
from tests.redact.adversarial import build_adversarial


@pytest.fixture(scope="session")
def adversarial_pdf(tmp_path_factory) -> Path:
    return build_adversarial(tmp_path_factory.mktemp("adv") / "adversarial.pdf")


@pytest.fixture
def redact_app() -> typer.Typer:
    app = typer.Typer()
    register(app)

    @app.callback()
    def _main() -> None:  # keeps "redact" a subcommand
        pass

    return app
