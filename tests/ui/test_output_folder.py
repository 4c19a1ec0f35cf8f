"""Redaction into a folder of the caseworker's choice (#12 follow-ups): the files are staged and appear only when
all passed, so a cancelled run says that nothing was written; a folder that is not empty is refused by the
services, and the window asks whether to use a new subfolder or to replace the folder as a whole."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from aktindsigt.ui import outputs
from aktindsigt.ui.case_window import CaseWindow
from tests.services.conftest import clean_case


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
