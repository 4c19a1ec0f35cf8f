"""Redaction into a folder of the caseworker's choice (#12 follow-ups): the files are staged and appear only when
all passed, so a cancelled run says that nothing was written; a folder that is not empty is refused by the
services, and the window asks whether to use a new subfolder or to replace the folder as a whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from aktindsigt.ui import outputs
from aktindsigt.ui.case_window import CaseWindow
from tests.services.conftest import clean_case


@pytest.fixture
def lead(store):
    """A team lead working on the same store (approves the case before it is exported)."""
    from aktindsigt.services import Services

    svc = Services(store, user="Tove Teamleder")
    svc.set_user_profile(role="teamleder")
    return svc


def _window(qtbot, services, case_id, wait_ops) -> CaseWindow:
    win = CaseWindow(services, case_id)
    qtbot.addWidget(win)
    win.show()
    wait_ops()
    qtbot.waitUntil(lambda: win.detail is not None)
    return win


def _answer(button: str, seen: list[str]) -> None:
    """Click ``button`` (an object name) in the question box once it is open; remember its texts."""
    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, click)
            return
        seen.extend([box.windowTitle(), box.text(), box.informativeText()])
        box.findChild(QPushButton, button).click()

    QTimer.singleShot(0, click)


def _used_folder(tmp_path):
    folder = tmp_path / "ud"
    folder.mkdir()
    (folder / "notat.txt").write_text("mit eget notat", encoding="utf-8")
    (folder / "gammelt").mkdir()
    return folder


def test_a_used_folder_gets_a_new_subfolder_and_keeps_what_is_there(qtbot, services, tmp_path, wait_ops,
                                                                     monkeypatch):
    case = clean_case(services, tmp_path)
    win = _window(qtbot, services, case.id, wait_ops)
    folder = _used_folder(tmp_path)
    monkeypatch.setattr(outputs, "ask_folder", lambda *a, **k: folder)
    seen: list[str] = []
    _answer("subfolderButton", seen)
    win.outputs.redact_case()
    wait_ops(120000)
    title, text, info = seen
    assert title == "Mappen er ikke tom"
    assert text == f"Mappen {folder} indeholder allerede 1 fil og 1 mappe."
    assert "ny undermappe, “Overstreget AKT-2026-0007 " in info and "erstattes" in info
    [sub] = [p for p in folder.iterdir() if p.name.startswith("Overstreget AKT-2026-0007")]
    assert (folder / "notat.txt").read_text(encoding="utf-8") == "mit eget notat" and (folder / "gammelt").is_dir()
    assert sorted(p.name for p in (sub / "udleveret").iterdir()) == ["akt_0001_klage.pdf", "akt_0002_tilladelse.pdf"]
    dlg = win.outputs.last_dialog
    assert dlg.intro.text() == f"Alle 2 dokumenter er overstreget og kontrolleret. De ligger i {sub}."
    assert services.store.get_setting(f"case:{case.id}:last_redaction")["out_dir"] == str(sub)
    win.viewer.shutdown()


def test_a_used_folder_can_be_replaced_whole_or_left_alone(qtbot, services, tmp_path, wait_ops, monkeypatch):
    case = clean_case(services, tmp_path)
    win = _window(qtbot, services, case.id, wait_ops)
    folder = _used_folder(tmp_path)
    monkeypatch.setattr(outputs, "ask_folder", lambda *a, **k: folder)

    seen: list[str] = []
    # "Annullér": nothing happens, the folder is as it was
    def cancel() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, cancel)
            return
        box.reject()

    QTimer.singleShot(0, cancel)
    assert win.outputs.redact_case() is None
    assert sorted(p.name for p in folder.iterdir()) == ["gammelt", "notat.txt"]

    _answer("replaceButton", seen)
    win.outputs.redact_case()
    wait_ops(120000)
    assert sorted(p.name for p in folder.iterdir()) == ["revision", "udleveret"]  # the old content is gone
    assert len(list((folder / "udleveret").iterdir())) == 2
    assert win.outputs.last_dialog.intro.text().endswith(f"De ligger i {folder}.")
    win.viewer.shutdown()


def test_the_home_folder_is_never_offered_for_replacing(qtbot, tmp_path, monkeypatch):
    home = tmp_path / "hjem"
    home.mkdir()
    (home / "dokumenter").mkdir()
    monkeypatch.setattr(outputs.Path, "home", classmethod(lambda cls: home))
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, answer)
            return
        seen.append(box.informativeText())
        assert box.findChild(QPushButton, "replaceButton") is None
        box.findChild(QPushButton, "subfolderButton").click()

    QTimer.singleShot(0, answer)
    assert outputs.ask_used_folder(None, home, "Overstreget 1") == (home / "Overstreget 1", False)
    assert "kan ikke erstattes" in seen[0]


def test_cancelled_redaction_says_nothing_was_written(qtbot, services, tmp_path, wait_ops, monkeypatch):
    case = clean_case(services, tmp_path)
    win = _window(qtbot, services, case.id, wait_ops)
    target = tmp_path / "ny"
    monkeypatch.setattr(outputs, "ask_folder", lambda *a, **k: target)
    handle = win.outputs.redact_case()
    handle.cancel()  # before the first document: the run stops there
    wait_ops(120000)
    dlg = win.outputs.last_dialog
    assert dlg.intro.text().startswith(f"Annulleret. Der er ikke skrevet noget i {target};")
    assert not target.exists()  # staged: nothing left behind
    assert not [b for b in dlg.findChildren(QPushButton) if b.text() == "Åbn &mappe"]
    assert all("FEJLEDE" not in dlg.list.item(i).text() for i in range(dlg.list.count()))
    win.viewer.shutdown()


def test_redaction_shows_document_x_of_y_on_a_determinate_bar(qtbot, services, tmp_path, wait_ops, monkeypatch):
    case = clean_case(services, tmp_path)
    win = _window(qtbot, services, case.id, wait_ops)
    monkeypatch.setattr(outputs, "ask_folder", lambda *a, **k: tmp_path / "ny")
    handle = win.outputs.redact_case()
    seen: list[tuple[str, int, int]] = []

    def record(*_args) -> None:  # after the handle's own slot: what the dialog shows now
        if handle.dialog is not None:
            seen.append((handle.dialog.labelText(), handle.dialog.value(), handle.dialog.maximum()))

    handle.relay.progressed.connect(record)
    wait_ops(120000)
    labels = [label for label, _, _ in seen]
    assert any(label.endswith("Dokument 1 af 2") for label in labels), labels
    assert any(label.endswith("Dokument 2 af 2") for label in labels), labels
    assert all(maximum == 2 for label, _value, maximum in seen if "Dokument" in label)
    assert (tmp_path / "ny" / "udleveret").is_dir()
    win.viewer.shutdown()


def test_the_letter_preview_fits_the_screen_with_its_buttons(qtbot, services, tmp_path, wait_ops):
    case = clean_case(services, tmp_path)
    win = _window(qtbot, services, case.id, wait_ops)
    win.outputs.letter(draft=True)
    wait_ops(120000)
    dlg = win.outputs.last_dialog
    assert isinstance(dlg, outputs.PreviewDialog)
    avail = dlg.screen().availableGeometry()
    assert dlg.height() <= avail.height() and dlg.width() <= avail.width()
    dlg.close()
    win.viewer.shutdown()


def _exports(services, case_id) -> list[dict]:
    return services.store.get_setting(f"case:{case_id}:exports") or []


def test_a_second_export_the_same_day_offers_a_subfolder_replacing_or_cancel(qtbot, services, lead, tmp_path,
                                                                               wait_ops, monkeypatch):
    import json

    from aktindsigt.core.model import CaseStatus

    case = clean_case(services, tmp_path)
    services.submit_for_review(case.id)
    lead.approve_case(case.id)
    win = _window(qtbot, services, case.id, wait_ops)
    esdh = tmp_path / "esdh"
    monkeypatch.setattr(outputs, "ask_folder", lambda *a, **k: esdh)
    win.outputs.by_name["export_bundle"].trigger()
    wait_ops(120000)
    assert services.get_case(case.id).status is CaseStatus.SENT
    [bundle] = list(esdh.iterdir())
    assert bundle.name.startswith("AKT_751_AKT_2026_0007_")
    first_sums = (bundle / "SHA256SUMS").read_text(encoding="utf-8")

    # "Annullér": no export, nothing new in the folder
    seen: list[str] = []

    def cancel() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(50, cancel)
            return
        seen.extend([box.windowTitle(), box.text(), box.informativeText()])
        box.reject()

    QTimer.singleShot(0, cancel)
    win.outputs.by_name["export_bundle"].trigger()
    wait_ops(120000)
    title, text, info = seen
    assert title == "Pakken findes allerede"
    assert text == f"Mappen {esdh} indeholder allerede en eksportpakke for sagen fra i dag, {bundle.name}."
    assert "ny undermappe, “Eksport " in info and "den gamle pakke erstattes" in info
    assert len(_exports(services, case.id)) == 1 and list(esdh.iterdir()) == [bundle]

    # "Opret undermappe": the new bundle beside the old one, in a subfolder of its own
    seen.clear()
    _answer("subfolderButton", seen)
    win.outputs.by_name["export_bundle"].trigger()
    wait_ops(120000)
    [sub] = [p for p in esdh.iterdir() if p.name.startswith("Eksport ")]
    assert (sub / bundle.name / "manifest.json").is_file()
    assert (bundle / "SHA256SUMS").read_text(encoding="utf-8") == first_sums  # the old bundle is untouched
    exports = _exports(services, case.id)
    assert len(exports) == 2 and exports[-1]["path"] == str(sub / bundle.name)
    assert win.outputs.last_dialog.intro.text().startswith(f"Eksportpakken er dannet i {sub / bundle.name}")

    # "Erstat hele mappen": the old bundle folder is replaced whole, nothing half-made is left
    seen.clear()
    _answer("replaceButton", seen)
    win.outputs.by_name["export_bundle"].trigger()
    wait_ops(120000)
    assert sorted(p.name for p in esdh.iterdir()) == sorted([bundle.name, sub.name])  # no work or old folders
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))
    exports = _exports(services, case.id)
    assert len(exports) == 3 and exports[-1]["path"] == str(bundle)
    assert exports[-1]["bundle_sha256"] != exports[0]["bundle_sha256"]  # a new bundle (its created time differs)
    assert manifest["bundle_id"] == bundle.name
    win.viewer.shutdown()


def test_the_export_result_shows_the_manifests_messages_first(qtbot, services, lead, tmp_path, wait_ops,
                                                              monkeypatch):
    import json

    case = clean_case(services, tmp_path)  # no ESDH reference: the manifest says why there are no ESDH files
    services.submit_for_review(case.id)
    lead.approve_case(case.id)
    win = _window(qtbot, services, case.id, wait_ops)
    monkeypatch.setattr(outputs, "ask_folder", lambda *a, **k: tmp_path / "esdh")
    win.outputs.by_name["export_bundle"].trigger()
    wait_ops(120000)
    [bundle] = list((tmp_path / "esdh").iterdir())
    messages = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))["messages"]
    assert any("ESDH-reference" in m for m in messages), messages
    dlg = win.outputs.last_dialog
    rows = [dlg.list.item(i).text() for i in range(dlg.list.count())]
    assert rows[:len(messages)] == [m if m.startswith("Bemærk") else f"Bemærk: {m}" for m in messages]
    assert not any(r.startswith("Bemærk: Bemærk") for r in rows)
    assert "manifest.json" in rows and "SHA256SUMS" in rows  # the files as the bundle names them
    n = len(messages)
    assert dlg.intro.text() == (f"Eksportpakken er dannet i {bundle}, og sagen er udleveret. "
                                + ("Læs bemærkningen øverst i listen." if n == 1 else
                                   f"Læs de {n} bemærkninger øverst i listen."))
    win.viewer.shutdown()


def test_a_note_that_already_says_bemaerk_is_not_prefixed_twice():
    assert outputs._noted("Sagen har ingen ESDH-reference.") == "Bemærk: Sagen har ingen ESDH-reference."
    assert outputs._noted("Bemærk: teksten er overstreget.") == "Bemærk: teksten er overstreget."
