"""UI test fixtures: a Services on a temp store, a small legal-ground catalogue, generated PDFs."""

from __future__ import annotations

from pathlib import Path

import pytest

from aktindsigt.core.model import LegalGround


@pytest.fixture
def grounds(monkeypatch):
    """A tiny catalogue, so the ground-dependent actions are available even before the real loader lands."""
    from aktindsigt.ui import common

    cat = {
        "ofl30_1": LegalGround("ofl30_1", "Offentlighedsloven", "§ 30, nr. 1", "§ 30, nr. 1", "Private forhold.",
                               title="Private forhold"),
        "ofl33_5": LegalGround("ofl33_5", "Offentlighedsloven", "§ 33, nr. 5", "§ 33, nr. 5", "Væsentlige hensyn.",
                               title="Væsentlige hensyn"),
    }
    monkeypatch.setattr(common, "_grounds", cat)
    return cat


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    import pymupdf

    doc = pymupdf.open()
    for lines in pages:
        page = doc.new_page()
        for i, line in enumerate(lines):
            page.insert_text((72, 80 + 18 * i), line, fontsize=11)
    doc.save(str(path))
    doc.close()
    return path


@pytest.fixture
def wait_ops(qtbot):
    from aktindsigt.ui import ops

    def wait(timeout: int = 30000) -> None:
        qtbot.waitUntil(lambda: ops.running() == 0, timeout=timeout)

    return wait


@pytest.fixture(autouse=True)
def _clear_messages():
    from aktindsigt.ui import ops

    ops.last_messages.clear()
    yield
