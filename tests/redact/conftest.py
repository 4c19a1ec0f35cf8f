from __future__ import annotations

from pathlib import Path

import pytest
import typer

from aktindsigt.cli import app as main_app
from tests.redact.adversarial import build_adversarial


@pytest.fixture(scope="session")
def adversarial_pdf(tmp_path_factory) -> Path:
    return build_adversarial(tmp_path_factory.mktemp("adv") / "adversarial.pdf")


@pytest.fixture
def redact_app() -> typer.Typer:
    return main_app
