"""The desktop app: ``main()`` opens the store and shows the case overview at once.

The first start asks who works here (name, initials, role: ``settings.FirstRunDialog``) while the demo case is
built in the background (progress in the status bar). Qt's own dialogs and context menus are Danish: qtbase's
Danish translation is loaded (from ``resources/translations/``, else from PySide6's translations folder).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QT_TR_NOOP,
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QProgressBar, QToolBar, QWidget

from aktindsigt.services import Services
from aktindsigt.ui.common import count, load_grounds, place_window, remember_window
from aktindsigt.ui.ops import ChangeSet, change_bus, query, run_op

log = logging.getLogger(__name__)

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"

# Focus must always be visible (keyboard users): a clear frame around the focused widget.
STYLE = """
QTableView:focus, QTreeView:focus, QListView:focus, QAbstractScrollArea:focus { border: 2px solid #1f6feb; }
QLineEdit:focus, QComboBox:focus, QPlainTextEdit:focus, QDateEdit:focus, QSpinBox:focus { border: 2px solid #1f6feb; }
QPushButton:focus, QToolButton:focus { border: 2px solid #1f6feb; }
"""


def install_qt_translation(app: QCoreApplication, language: str = "da") -> QTranslator | None:
    """Qt's own texts (standard buttons, context menus of text fields, file and colour dialogs, key names) in
    ``language``: ``qtbase_<language>.qm`` from resources/translations (copied there by build.py), else from
    the Qt installation's translations folder."""
    translator = QTranslator(app)
    name = f"qtbase_{language}"
    for folder in (str(TRANSLATIONS), QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        if translator.load(name, folder):
            app.installTranslator(translator)
            return translator
    log.warning("Qt's %s translation was not found; Qt's own dialogs stay in English", language)
    return None


def install_translation(app: QCoreApplication, language: str | None = None) -> QTranslator | None:
    """Danish is the source language (only Qt's own texts are translated, ``install_qt_translation``);
    ``AKTINDSIGT_LANG=en`` (or an English locale) loads the English file."""
    language = language or os.environ.get("AKTINDSIGT_LANG") or QLocale.system().name().split("_")[0]
    if language == "da" or not (TRANSLATIONS / f"aktindsigt_{language}.qm").is_file():
        return install_qt_translation(app, "da")  # Danish: the app's own language, whatever the OS says
    translator = QTranslator(app)
    if translator.load(str(TRANSLATIONS / f"aktindsigt_{language}.qm")):
        app.installTranslator(translator)
        return translator
    return None


OVERVIEW_INTRO = QT_TR_NOOP("Enter eller dobbeltklik åbner den valgte sag. Taster til gennemgangen af forslag finder du "
                            "under Hjælp i sagsvinduet (F1).")


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
        self.search_action = QAction(self.tr("&Søg i sagerne"), self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self._focus_search)
        quit_action = QAction(self.tr("&Afslut"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.help_action = QAction(self.tr("&Tastaturgenveje"), self)
        self.help_action.setShortcut(QKeySequence("F1"))
        self.help_action.triggered.connect(self.show_shortcuts)
        self.last_dialog = None

        menu = self.menuBar().addMenu(self.tr("&Sag"))
        for a in (self.new_action, self.open_action, self.search_action, self.refresh_action):
            menu.addAction(a)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        menu.addAction(self.municipality_action)
        menu.addSeparator()
        menu.addAction(quit_action)
        from aktindsigt.ui.help import add_help_menu

        self.about_action = add_help_menu(self, self.help_action)
        tb = QToolBar(self.tr("Værktøjslinje"))
        tb.setObjectName("overviewToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.addAction(self.new_action)
        tb.addAction(self.open_action)
        tb.addAction(self.settings_action)
        self.addToolBar(tb)
        place_window(self, "mainWindow", 0.85)  # maximised on a laptop screen
        self.statusBar().showMessage(self.tr("Dobbeltklik eller tryk Enter for at åbne en sag."))
        self.demo_label = QLabel()
        self.demo_label.setObjectName("demoProgressLabel")
        self.demo_bar = QProgressBar()
        self.demo_bar.setObjectName("demoProgress")
        self.demo_bar.setMaximumWidth(220)
        self.demo_bar.setTextVisible(False)
        for w in (self.demo_label, self.demo_bar):
            w.hide()
            self.statusBar().addPermanentWidget(w)
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.statusBar().addPermanentWidget(self.user_label)
        self.first_run_dialog = None
        self.demo_handle = None
        change_bus().changed.connect(self._on_changed)
        self.refresh_user()
        # a page renderer process ready before the first document is opened
        from aktindsigt.ui import render_worker

        render_worker.prestart()
        # the legal-ground catalogue is read once, in the background
        query(self, lambda: load_grounds(services), lambda _g: None)

    def refresh_user(self) -> None:
        def show(p) -> None:
            name = f"{p.name} ({p.initials})" if p.initials else p.name
            self.user_label.setText(self.tr("{0} · {1}").format(name, p.role.label))

        query(self, self.services.user_profile, show)

    # --- the first start -----------------------------------------------------------------------------

    def first_run(self) -> None:
        """Ask who works here (when nobody has said it yet), and build the demo case when there is no case."""
        svc = self.services
        query(self, lambda: (svc.user_profile(), svc.store.count_cases()), self._first_run)

    def _first_run(self, result) -> None:
        profile, cases = result
        if not cases:
            self.build_demo()
        if profile.needs_setup:
            from aktindsigt.ui.settings import FirstRunDialog

            dlg = FirstRunDialog(self.services, profile, self)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.saved.connect(self._profile_saved)
            dlg.open()
            self.first_run_dialog = dlg

    def _profile_saved(self, _profile) -> None:
        self.statusBar().showMessage(self.tr("Velkommen. Du kan rette navn og rolle under Indstillinger."), 8000)

    def build_demo(self):
        """The demo case, in a worker process: the window is usable meanwhile; progress in the status bar."""
        from aktindsigt.ui import procpool

        svc = self.services
        self.demo_label.setText(self.tr("Demosagen bygges …"))
        self.demo_bar.setRange(0, 0)
        for w in (self.demo_label, self.demo_bar):
            w.show()
        self.overview.empty_label.setText(self.tr("Demosagen bygges i baggrunden; den vises her om lidt. Du kan "
                                                  "også oprette en sag selv med “Ny sag” (Ctrl+N)."))

        def on_progress(done: int, total: int, _message: str) -> None:
            if total > 0:
                self.demo_bar.setRange(0, total)
                self.demo_bar.setValue(min(done, total))
                self.demo_label.setText(self.tr("Demosagen bygges: {0} af {1}").format(
                    min(done + 1, total), count(total, self.tr("dokument"), self.tr("dokumenter"))))

        def work(ctx):
            case = procpool.call(svc, ctx, "ensure_demo_case", progress=lambda d, t, _m: ctx.progress(d, t, ""))
            svc.adopt_first_run_cases()  # built under the login while the first-run dialog was answered
            return case

        def done(case) -> None:
            for w in (self.demo_label, self.demo_bar):
                w.hide()
            self.overview.empty_label.setText(self.overview.EMPTY_TEXT)
            if case is not None:
                self.statusBar().showMessage(self.tr("Demosagen {0} er klar. Dobbeltklik for at åbne den.").format(
                    case.case_number), 10000)
                self.overview.select_case(case.id)

        def failed(e: BaseException) -> None:
            for w in (self.demo_label, self.demo_bar):
                w.hide()
            log.error("the demo case could not be built: %r", e)
            self.overview.empty_label.setText(self.tr("Demosagen kunne ikke bygges. Opret en sag med “Ny sag” "
                                                      "(Ctrl+N)."))

        handle = run_op(self, work, success=done, failure=failed, changes=lambda c: ChangeSet({c.id} if c else set()))
        handle.relay.progressed.connect(on_progress)
        self.demo_handle = handle
        return handle

    def _on_changed(self, ch: ChangeSet) -> None:
        if ch.user:
            self.refresh_user()

    def _focus_search(self) -> None:
        self.overview.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.overview.search.selectAll()

    def show_shortcuts(self):
        """F1 in the overview: its own shortcuts (the case window's review keys are in the case window's F1)."""
        from aktindsigt.ui.help import ShortcutsDialog

        dlg = ShortcutsDialog(self, legend=False, intro_text=OVERVIEW_INTRO)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        self.last_dialog = dlg
        return dlg

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
        remember_window(self, "mainWindow")
        self.overview.remember()
        super().closeEvent(event)


class ActivationKeeper(QObject):
    """When a dialog closes (a progress dialog, a message box, the first-run dialog) and no window of the app is
    active afterwards, the window the dialog belonged to is activated again, so that the keyboard goes on
    working there.

    A window manager usually does this, but not every one does, and without one (Xvfb, a kiosk session) the
    focus went nowhere: the case window's shortcuts (F9, Ctrl+F5) and review keys (A/R/J) did nothing until the
    caseworker clicked the window. Only the app's own closing of a dialog counts (a Hide event of a window with
    a parent): when the focus leaves for another program, nothing is taken back."""

    HIDE = QEvent.Type.Hide

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() == self.HIDE and isinstance(obj, QWidget) and obj.isWindow():
            parent = obj.parentWidget()
            if parent is not None:
                window = parent.window()
                QTimer.singleShot(0, window, lambda w=window: self._reactivate(w))
        return False

    @staticmethod
    def _reactivate(window: QWidget) -> None:
        modal = QApplication.activeModalWidget()  # another dialog still open over it gets the keys instead
        if QApplication.activeWindow() is None and window.isVisible() and modal in (None, window) \
                and QApplication.activePopupWidget() is None:
            log.debug("no active window after a dialog closed: activating %s", window.objectName())
            window.activateWindow()


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setApplicationName("Aktindsigt")
    app.setOrganizationName("aktindsigt")
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE)
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    install_translation(app)
    if not any(isinstance(c, ActivationKeeper) for c in app.children()):
        ActivationKeeper(app)
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
        QTimer.singleShot(0, win.first_run)  # after the window is on screen
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
