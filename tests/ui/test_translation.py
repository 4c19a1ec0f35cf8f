"""The English translation file loads and is used by tr()."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from aktindsigt.ui.app import MainWindow, install_translation


def test_english_translation(qtbot, services, wait_ops):
    app = QCoreApplication.instance()
    translator = install_translation(app, "en")
    assert translator is not None, "resources/translations/aktindsigt_en.qm is missing (run build.py)"
    try:
        win = MainWindow(services)
        qtbot.addWidget(win)
        wait_ops()
        assert win.windowTitle() == "Aktindsigt — cases"
        assert win.overview.table.horizontalHeaderItem(0).text() == "Case no."
        assert QCoreApplication.translate("", "Det lykkedes ikke") == "That did not work"
    finally:
        app.removeTranslator(translator)


def test_danish_is_the_default(qtbot, services, wait_ops):
    win = MainWindow(services)
    qtbot.addWidget(win)
    wait_ops()
    assert win.windowTitle() == "Aktindsigt — sager"
