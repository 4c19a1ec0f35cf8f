"""Analysis and outputs through the case window (only where the services offer them)."""

from __future__ import annotations

from datetime import date

import pytest

from aktindsigt.core.model import EntityType
from aktindsigt.services import Services
from aktindsigt.ui import outputs
from aktindsigt.ui.case_window import CaseWindow
from tests.ui.conftest import make_pdf

pytestmark = pytest.mark.skipif(not hasattr(Services, "analyze_case"), reason="services have no analyze_case yet")


def _nlp():
    import spacy

    nlp = spacy.blank("da")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Mette Hansen"}])
    return nlp


@pytest.fixture
def window(qtbot, services, tmp_path, wait_ops, grounds):
    from aktindsigt.detect.engine import DetectionEngine

    services.engine_factory = lambda: DetectionEngine(nlp=_nlp())
    case = services.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 20))
    pdf = make_pdf(tmp_path / "notat.pdf", [["Mette Hansen ringede fra 20 30 40 50.", "CPR 010203-1234."]])
    services.import_paths(case.id, [pdf])
    win = CaseWindow(services, case.id)
    qtbot.addWidget(win)
    win.show()
    wait_ops()
    yield win
    win.viewer.shutdown()


def test_analyze_fills_the_panel_and_the_viewer(qtbot, services, window, wait_ops):
    assert window.analyze_action is not None
    window.analyze_action.trigger()
    wait_ops(60000)
    found = {s.entity_type for s in services.suggestions(window.case_id)}
    assert EntityType.PERSON in found and EntityType.CPR in found
    qtbot.waitUntil(lambda: window.panel.tree.topLevelItemCount() >= 2)
    qtbot.waitUntil(lambda: bool(window.viewer.canvas.overlays))
    assert window.docs.topLevelItem(0).text(window.docs.OPEN) != "0"  # open suggestions per document


@pytest.mark.skipif(not hasattr(Services, "render_aktliste"), reason="services have no render_aktliste yet")
def test_aktliste_and_checklist(qtbot, services, window, wait_ops, tmp_path, monkeypatch):
    monkeypatch.setattr(outputs, "ask_folder", lambda *a, **k: tmp_path / "ud")
    window.outputs.checklist()
    wait_ops()
    assert isinstance(window.outputs.last_result, list)
    window.outputs.aktliste()
    wait_ops(60000)
    preview = window.outputs.last_dialog
    assert isinstance(preview, outputs.PreviewDialog)
    assert services.output_history(window.case_id) == []  # a preview is not recorded
    preview.save_button.click()
    wait_ops(60000)
    files = window.outputs.last_result.files
    assert files and all(p.exists() and p.parent == tmp_path / "ud" for p in files)
    assert any(p.suffix == ".csv" for p in files)
    assert [e["kind"] for e in services.output_history(window.case_id)] == ["aktliste"]


@pytest.mark.skipif(not hasattr(Services, "export_bundle"), reason="services have no export_bundle yet")
def test_export_refused_with_the_checklist_message(qtbot, services, window, wait_ops, tmp_path, monkeypatch):
    from aktindsigt.ui import ops

    monkeypatch.setattr(outputs, "ask_folder", lambda *a, **k: tmp_path / "esdh")
    window.outputs.export_bundle()
    wait_ops(60000)
    # nothing decided yet: the service refuses with its Danish checklist message, shown as such
    assert any(m.startswith("Sagen kan ikke eksporteres") for m in ops.last_messages)
