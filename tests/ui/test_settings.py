"""Settings dialog: closure days are stored through the services; locations are read-only."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from aktindsigt.ui.app import MainWindow


def test_closure_days_are_saved(qtbot, services, wait_ops):
    services.set_closure_days([date(2026, 12, 28)])
    win = MainWindow(services)
    qtbot.addWidget(win)
    wait_ops()
    dlg = win.open_settings()
    wait_ops()
    assert dlg.closure_days() == [date(2026, 12, 28)]
    assert dlg.db_edit.isReadOnly() and dlg.db_edit.text() == services.store.url
    dlg.new_day.setDate(QDate(2026, 12, 29))
    dlg.add_day()
    dlg.customary.setChecked(True)
    dlg.save()
    wait_ops()
    cal = services.calendar
    services._calendar = None  # read back from the store, not the cached calendar
    assert sorted(services.calendar.closure_days) == [date(2026, 12, 28), date(2026, 12, 29)]
    assert services.calendar.customary_days is True
    assert cal is not None


def test_database_password_is_not_shown():
    from aktindsigt.ui.settings import _safe_url

    assert _safe_url("postgresql://ole:hemmelig@db.kommune.dk/akt") == "postgresql://ole@db.kommune.dk/akt"
