"""The start window: case table with deadlines, the "Ny sag" dialog with Danish validation."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from aktindsigt.core.model import Regime
from aktindsigt.ui import ops
from aktindsigt.ui.app import MainWindow
from aktindsigt.ui.overview import NewCaseDialog


def test_overview_lists_cases_with_deadline_light(qtbot, services, wait_ops):
    services.create_case("Gammel sag", "Jens Hansen", "ofl7", date.today() - timedelta(days=40))
    services.create_case("Ny sag", "Karen Jensen", "fvl9", date.today())
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    wait_ops()
    t = win.overview.table
    rows = {t.item(r, 1).text(): r for r in range(t.rowCount())}
    old, new = rows["Gammel sag"], rows["Ny sag"]
    assert t.item(old, 5).text() == "§ 39: over 14 arbejdsdage"
    assert t.item(new, 5).text().startswith("Fristbrev senest ")
    assert t.item(new, 4).text() == date.today().strftime("%d.%m.%Y")
    assert t.item(new, 3).text() == Regime.FVL9.label


def test_new_case_dialog_validates_and_creates(qtbot, services, wait_ops):
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    wait_ops()
    dlg = win.new_case()
    assert isinstance(dlg, NewCaseDialog)
    # no title: the service's Danish message is shown in the dialog
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert dlg.error_label.isVisible()
    assert dlg.error_label.text() == "Sagen skal have en titel."
    qtbot.keyClicks(dlg.title_edit, "Aktindsigt i byggesag")
    qtbot.keyClicks(dlg.requester_edit, "Jens Hansen")
    dlg.kle_edit.setText("2.34")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_ops()
    assert "00.00.00" in dlg.error_label.text()
    dlg.kle_edit.setText("02.34.02")
    dlg.regime_combo.setCurrentIndex(dlg.regime_combo.findData("gdpr15"))
    assert dlg.own_box.isVisibleTo(dlg)
    dlg.cpr_edit.setText("010203-1234")
    dlg.email_edit.setText("jens@example.dk")
    dlg.received_edit.setDate(QDate(2026, 11, 2))
    dlg.underlying_edit.setText("2026-001; 2026-002")
    dlg.channel_combo.setCurrentIndex(dlg.channel_combo.findText("Digital Post"))  # how the request came
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    wait_ops()
    [ov] = services.list_cases()
    c = ov.case
    assert (c.title, c.requester_name, c.regime.value, c.kle_subject) == ("Aktindsigt i byggesag", "Jens Hansen",
                                                                           "gdpr15", "02.34.02")
    assert c.received == date(2026, 11, 2) and c.channel == "Digital Post"
    assert c.underlying_cases == ["2026-001", "2026-002"]
    assert c.requester_identifiers.cpr == ["010203-1234"]
    assert c.requester_identifiers.emails == ["jens@example.dk"]
    # it was opened in its own window and the table shows it
    qtbot.waitUntil(lambda: win.overview.table.rowCount() == 1)
    assert c.id in win.case_windows
    win.case_windows[c.id].viewer.shutdown()
    win.close()


def test_enter_opens_the_selected_case(qtbot, services, wait_ops):
    case = services.create_case("Sag", "Ole", "ofl7", date.today())
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    wait_ops()
    win.overview.table.setFocus()
    win.overview.table.selectRow(0)
    qtbot.keyClick(win.overview.table, Qt.Key.Key_Return)
    assert case.id in win.case_windows
    wait_ops()
    win.close()


def test_unexpected_error_is_a_plain_danish_message(qtbot, services, wait_ops, caplog):
    def boom(ctx):
        raise RuntimeError("disk on fire")

    ops.run_op(None, boom)
    wait_ops()
    assert ops.last_messages and ops.last_messages[-1].startswith("Der opstod en uventet fejl. Detaljer er skrevet")
    assert "disk on fire" not in ops.last_messages[-1]
    assert "RuntimeError: disk on fire" in caplog.text


def _menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_overview_has_a_help_menu_with_its_shortcuts_and_about(qtbot, services, wait_ops):
    from aktindsigt import __version__
    from aktindsigt.config import resolve_paths

    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    wait_ops()
    assert _menu_titles(win)[-1] == "&Hjælp"
    assert [a.text() for a in win.help_menu.actions() if not a.isSeparator()] == ["&Tastaturgenveje",
                                                                                  "&Om Aktindsigt"]
    win.help_action.trigger()
    dlg = win.last_dialog
    rows = dict(dlg.rows())
    assert rows["Ny sag"] == "Ctrl+N" and rows["Søg i sagerne"] == "Ctrl+F" and rows["Tastaturgenveje"] == "F1"
    assert dlg.legend is None and dlg.windowTitle() == "Tastaturgenveje"  # no colours in the overview
    dlg.close()
    win.about_action.trigger()
    about = win.last_dialog
    assert about.windowTitle() == "Om Aktindsigt"
    assert about.values["Version"].text() == __version__
    assert about.values["Datamappe"].text() == str(resolve_paths().home)
    about.close()
    win.search_action.trigger()  # Ctrl+F: the search field
    assert win.overview.search.hasFocus() or QApplication.focusWidget() is win.overview.search


def test_case_window_help_menu_is_last_after_team(qtbot, services, wait_ops):
    from aktindsigt.ui.case_window import CaseWindow

    case = services.create_case("Byggesag", "Jens Hansen", "ofl7", date(2026, 11, 2))
    win = CaseWindow(services, case.id)
    qtbot.addWidget(win)
    win.show()
    wait_ops()
    titles = _menu_titles(win)
    assert titles[-2:] == ["&Team", "&Hjælp"], titles
    assert [a.text() for a in win.help_menu.actions() if not a.isSeparator()] == [
        "&Tastaturgenveje og farver", "&Om Aktindsigt"]
    win.about_action.trigger()
    assert win.last_dialog.objectName() == "aboutDialog"
    win.last_dialog.close()
    win.viewer.shutdown()
