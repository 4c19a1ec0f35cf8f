"""The desktop app: ``main()`` opens the store and shows the case overview."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QToolBar, QWidget

from aktindsigt.services import Services
from aktindsigt.ui.common import load_grounds
from aktindsigt.ui.ops import ChangeSet, change_bus, query

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"

# Focus must always be visible (keyboard users): a clear frame around the focused widget.
STYLE = """
QTableView:focus, QTreeView:focus, QListView:focus, QAbstractScrollArea:focus { border: 2px solid #1f6feb; }
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QDateEdit:focus, QSpinBox:focus { border: 2px solid #1f6feb; }
QPushButton:focus, QToolButton:focus { border: 2px solid #1f6feb; }
"""


def install_translation(app: QCoreApplication, language: str | None = None) -> QTranslator | None:
    """Danish is the source language; ``AKTINDSIGT_LANG=en`` (or an English locale) loads the English file."""
    language = language or os.environ.get("AKTINDSIGT_LANG") or QLocale.system().name().split("_")[0]
    if language == "da":
        return None
    translator = QTranslator(app)
    if translator.load(str(TRANSLATIONS / f"aktindsigt_{language}.qm")):
        app.installTranslator(translator)
        return translator
    return None


class MainWindow(QMainWindow):
    """The start window: case overview with "Ny sag", "Åbn sag" and settings."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from aktindsigt.ui.overview import CaseOverviewWidget

        self.services = services
        self.case_windows: dict[int, QMainWindow] = {}
        self.setWindowTitle(self.tr("Aktindsigt — sager"))
        self.setObjectName("mainWindow")
        self.overview = CaseOverviewWidget(services, self)
        self.overview.open_case.connect(self.open_case)
        self.setCentralWidget(self.overview)

        self.new_action = QAction(self.tr("&Ny sag …"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_case)
        self.open_action = QAction(self.tr("Å&bn sag"), self)
        self.open_action.setShortcut(QKeySequence("Ctrl+O"))
        self.open_action.triggered.connect(self._open_current)
        self.settings_action = QAction(self.tr("&Indstillinger …"), self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.municipality_action = QAction(self.tr("&Kommuneprofil …"), self)
        self.municipality_action.setStatusTip(self.tr("Kommunens navn, adresse og kontaktoplysninger i brevene"))
        self.municipality_action.triggered.connect(self.open_municipality)
        self.refresh_action = QAction(self.tr("&Opdatér"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.overview.refresh)
        quit_action = QAction(self.tr("&Afslut"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        menu = self.menuBar().addMenu(self.tr("&Sag"))
        for a in (self.new_action, self.open_action, self.refresh_action):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        menu.addAction(self.municipality_action)
        menu.addSeparator()
        menu.addAction(quit_action)
        tb = QToolBar(self.tr("Værktøjslinje"))
        tb.setObjectName("overviewToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.addAction(self.new_action)
        tb.addAction(self.open_action)
        tb.addAction(self.settings_action)
        self.addToolBar(tb)
        self.resize(1100, 600)
        self.statusBar().showMessage(self.tr("Dobbeltklik eller tryk Enter for at åbne en sag."))
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.statusBar().addPermanentWidget(self.user_label)
        change_bus().changed.connect(self._on_changed)
        self.refresh_user()
        # a page renderer process ready before the first document is opened
        from aktindsigt.ui import render_worker

        render_worker.prestart()
        # the legal-ground catalogue is read once, in the background
        query(self, lambda: load_grounds(services), lambda _g: None)

    def refresh_user(self) -> None:
        query(self, self.services.user_profile,
              lambda p: self.user_label.setText(self.tr("{0} · {1}").format(p.name, p.role.label)))

    def _on_changed(self, ch: ChangeSet) -> None:
        if ch.user:
            self.refresh_user()

    def _open_current(self) -> None:
        cid = self.overview.current_case_id()
        if cid is not None:
            self.open_case(cid)

    def new_case(self) -> None:
        from aktindsigt.ui.overview import NewCaseDialog

        dlg = NewCaseDialog(self.services, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.created.connect(lambda case: self.overview.select_case(case.id))
        dlg.created.connect(lambda case: self.open_case(case.id))
        dlg.open()
        return dlg

    def open_case(self, case_id: int):
        from aktindsigt.ui.case_window import CaseWindow

        win = self.case_windows.get(case_id)
        if win is None:
            win = CaseWindow(self.services, case_id)
            win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            win.destroyed.connect(lambda *_a, cid=case_id: self.case_windows.pop(cid, None))
            self.case_windows[case_id] = win
        win.show()
        win.raise_()
        win.activateWindow()
        return win

    def open_settings(self):
        from aktindsigt.ui.settings import SettingsDialog

        dlg = SettingsDialog(self.services, self)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg

    def open_municipality(self):
        from aktindsigt.ui.outputs import open_municipality

        return open_municipality(self, self.services)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        for win in list(self.case_windows.values()):
            win.close()
        super().closeEvent(event)


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Aktindsigt")
    app.setOrganizationName("aktindsigt")
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE)
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    install_translation(app)
    return app


def main() -> int:
    from aktindsigt.logging_setup import setup_logging
    from aktindsigt.ui import procpool

    setup_logging()
    app = create_app()
    services = Services.open()
    procpool.enabled = True  # heavy calls in worker processes: the UI process's GIL stays free
    live = None
    try:
        win = MainWindow(services)
        from aktindsigt.ui.live import LiveRefresh

        live = LiveRefresh(services, win)  # other users' changes reach every open view within seconds
        live.announced.connect(lambda text: win.statusBar().showMessage(text, 6000))
        win.show()
        return app.exec()
    finally:
        from PySide6.QtCore import QThreadPool

        if live is not None:
            live.stop()
        procpool.shutdown(kill=True)  # quitting must not wait for a long analysis to finish
        QThreadPool.globalInstance().waitForDone(10_000)
        services.close()


if __name__ == "__main__":
    raise SystemExit(main())
