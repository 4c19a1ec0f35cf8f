"""The case window: document list · viewer · suggestions and document panel, import, review and manual
redaction, the team lead's review (a status banner with the next step, and the "Godkendelse" menu), and the
actions for files that could not be read.

Review keys (A overstreg · R frigiv · Space skift · J/K næste/forrige · Enter vis i dokumentet) work wherever
the focus is in the window, except while typing in a field (``ReviewKeys``). An approved case, a case in review
(for a caseworker) and a delivered case are read-only until *Genoptag* (the services refuse the change too).
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from pathlib import Path

from PySide6.QtCore import (
    QT_TR_NOOP,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QStyle,
    QTabWidget,
    QTextEdit,
    QToolBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.model import CaseStatus, Document, DocumentStatus, EntityType, Page, Rect, Suggestion
from aktindsigt.services import CaseDetail, ImportSummary, Operation, ReviewState, ServiceError, Services
from aktindsigt.ui import dialogs, procpool
from aktindsigt.ui.common import (
    LIGHT_COLOURS,
    cached_grounds,
    count,
    da_date,
    dot_icon,
    ground_label,
    load_grounds,
    place_window,
    remember_window,
    restore_splitter,
)
from aktindsigt.ui.ops import ChangeSet, OpHandle, change_bus, query, run_op
from aktindsigt.ui.search_dialog import SearchDialog, open_search
from aktindsigt.ui.suggestions import SuggestionsPanel
from aktindsigt.ui.viewer import EAGER_PAGES, DocumentViewer, ZoomCombo, annotate

FIRST_PAGES = 3  # pages of a long document whose words come with the first load
SETTINGS_KEY = "caseWindow"

log = logging.getLogger(__name__)

DOC_ROLE = Qt.ItemDataRole.UserRole

# banner colours (background, border) by where the case is in the review
BANNER_NEUTRAL = ("#f6f8fa", "#d0d7de")
BANNER_REVIEW = ("#ddf4ff", "#0969da")
BANNER_APPROVED = ("#dafbe1", "#1a7f37")
BANNER_ATTENTION = ("#fff8c5", "#9a6700")
BANNER_DONE = ("#eaeef2", "#6e7781")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def ask_files(parent: QWidget | None, title: str) -> list[Path]:
    """Files chosen in a file dialog (tests replace this function)."""
    files, _ = QFileDialog.getOpenFileNames(parent, title)
    return [Path(f) for f in files]


def ask_file(parent: QWidget | None, title: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title)
    return Path(name) if name else None


class DocumentList(QTreeWidget):
    """The case's documents: akt nr. (with a warning icon for a file that could not be read), title, date, the
    document decision and the open suggestions; pages, status and file name are in the tooltips (the title keeps
    the room on a laptop screen)."""

    COLUMNS = (
        QT_TR_NOOP("Akt"),
        QT_TR_NOOP("Titel"),
        QT_TR_NOOP("Dato"),
        QT_TR_NOOP("Afgørelse"),
        QT_TR_NOOP("Åbne"),
    )
    AKT, TITLE, DATE, ACCESS, OPEN = range(5)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("documentList")
        self.setAccessibleName(self.tr("Sagens dokumenter"))
        self.setColumnCount(len(self.COLUMNS))
        self.setHeaderLabels([QCoreApplication.translate("", c) for c in self.COLUMNS])  # QT_TR_NOOP: empty context
        self.setRootIsDecorated(False)
        # several documents may be chosen (Ctrl/Shift+click): the document panel edits them together
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.headerItem().setToolTip(self.OPEN, self.tr("Åbne forslag til overstregning"))
        h = self.header()
        h.setStretchLastSection(False)
        h.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        h.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        h.setMinimumSectionSize(28)

    def show_documents(self, docs: list[Document], pending: Counter) -> None:
        cur = self.current_document()
        selected = {d.id for d in self.selected_documents()}
        self.blockSignals(True)
        self.clear()
        ok_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        bad_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        target = None
        pages = {}
        for d in docs:
            title = ("↳ " if d.parent_id else "") + d.title
            failed = d.status is DocumentStatus.FAILED
            access = d.access.label if d.access else ("–" if not d.in_scope else "")
            item = QTreeWidgetItem([str(d.akt_nr), title, da_date(d.doc_date), access,
                                    "" if failed else str(pending.get(d.id, 0))])
            item.setIcon(self.AKT, bad_icon if failed else ok_icon)
            if d.page_count not in pages:
                pages[d.page_count] = count(d.page_count, self.tr("side"), self.tr("sider"))
            tip = self.tr("Akt {0}: {1}\n{2} · {3} · {4}").format(d.akt_nr, d.title, d.source_name,
                                                               pages[d.page_count], d.status.label)
            if failed:
                tip += "\n" + d.failure_reason
            item.setToolTip(self.AKT, tip)
            item.setToolTip(self.TITLE, tip)
            if d.access is not None:
                grounds = ", ".join(ground_label(g) for g in d.access_grounds)
                item.setToolTip(self.ACCESS, f"{d.access.label} {grounds}".strip())
            elif not d.in_scope:
                item.setToolTip(self.ACCESS, self.tr("Ikke omfattet af anmodningen"))
            item.setData(0, DOC_ROLE, d)
            self.addTopLevelItem(item)
            if cur is not None and d.id == cur.id:
                target = item
            if d.id in selected:
                item.setSelected(True)
        if target is not None:
            self.setCurrentItem(target, 0, QItemSelectionModel.SelectionFlag.NoUpdate)  # the selection stays
        self.blockSignals(False)

    def current_document(self) -> Document | None:
        item = self.currentItem()
        return item.data(0, DOC_ROLE) if item is not None else None

    def selected_documents(self) -> list[Document]:
        docs = [i.data(0, DOC_ROLE) for i in self.selectedItems()]
        return sorted(docs, key=lambda d: d.akt_nr)

    def all_documents(self) -> list[Document]:
        return [self.topLevelItem(i).data(0, DOC_ROLE) for i in range(self.topLevelItemCount())]

    def select_document(self, document_id: int) -> bool:
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item.data(0, DOC_ROLE).id == document_id:
                self.setCurrentItem(item)
                return True
        return False


class ReviewKeys(QObject):
    """A/R/Space/J/K/Enter anywhere in the case window (not while typing in a field, nor Space/Enter on a
    button): the keys of the suggestion list. Installed on the application, filters only this window's keys."""

    TEXT_INPUT = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)

    def __init__(self, window: CaseWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or not isinstance(obj, QWidget):
            return False
        w = self.window
        if obj.window() is not w or not w.isActiveWindow():
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.NoModifier:
            return False
        key = event.key()
        action = {Qt.Key.Key_A: "accept", Qt.Key.Key_R: "reject", Qt.Key.Key_Space: "toggle",
                  Qt.Key.Key_J: "next", Qt.Key.Key_K: "previous", Qt.Key.Key_Return: "jump",
                  Qt.Key.Key_Enter: "jump"}.get(key)
        if action is None:
            return False
        focus = QApplication.focusWidget() or obj
        if isinstance(obj, self.TEXT_INPUT) or isinstance(focus, self.TEXT_INPUT) or w.panel.tree in (obj, focus):
            return False  # typing in a field (or a key a field passed on); the list itself handles its keys
        if w.doc_panel.isAncestorOf(focus) or w.panel.isAncestorOf(focus) and focus is not w.panel.tree:
            return False  # the document panel's and the filters' own keys (checkboxes, buttons, combos)
        if action in ("toggle", "jump") and isinstance(focus, QAbstractButton):
            return False
        if action == "jump" and focus is not w.viewer.canvas and not w.viewer.isAncestorOf(focus):
            return False  # Enter keeps its meaning elsewhere (the page thumbnails, the document list)
        w.review_key(action)
        return True


class CaseWindow(QMainWindow):
    """One case. Every service call runs through ``ui.ops``; views refresh on the ChangeBus."""

    documents_loaded = Signal()
    document_loaded = Signal(int)  # pages, text and overlays of this document are shown
    checklist_loaded = Signal()

    def __init__(self, services: Services, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.case_id = case_id
        self.detail: CaseDetail | None = None
        self.review_state: ReviewState | None = None
        self.undo_stack: list[Operation] = []
        self.redo_stack: list[Operation] = []
        self.selection: tuple[int, int, str] | None = None
        self.last_import: ImportSummary | None = None
        self.problems: list = []
        self.choices: dict[str, list] = {"redaction": [], "document": []}
        self.default_grounds: dict[str, str | None] = {}
        self._pending_select: int | None = None
        self._pending_counts: Counter = Counter()
        self._decided = 0
        self._shown: tuple[int | None, DocumentStatus | None] = (None, None)  # the document in the viewer
        self.setObjectName("caseWindow")
        self.setWindowTitle(self.tr("Sag"))
        self.setAcceptDrops(True)

        self.docs = DocumentList()
        self.viewer = DocumentViewer()
        self.viewer.word_loader = self._load_words
        # the documents are read (and the first one's PDF opened by the renderer) while the widgets are built
        self.refresh_documents(preopen=True)
        self.panel = SuggestionsPanel(services, case_id, self.perform)
        self.panel.tree.key_action.disconnect()
        self.panel.tree.key_action.connect(self.review_key)  # one way in for the keys (read-only is checked)
        self.panel.ground_chooser = lambda title, text, current, entity_type: self._choose(
            title, text, current or self.default_grounds.get(entity_type.value))
        self._build_actions()
        from aktindsigt.ui.documents import DocumentPanel

        self.doc_panel = DocumentPanel(services, case_id, self.perform, {
            "remove": self.remove_action, "replace": self.replace_action, "retry": self.retry_action,
            "password": self.password_action, "esdh_column": self.esdh_column_action, "access": self.access_action,
        })
        self.doc_panel.problem_activated.connect(self.fix_problem)
        left = QTabWidget()
        left.setObjectName("leftTabs")
        left.addTab(self.docs, self.tr("Dokumenter"))
        left.addTab(self.viewer.thumbs, self.tr("Sider"))
        self.left_tabs = left
        right = QTabWidget()
        right.setObjectName("rightTabs")
        right.addTab(self.panel, self.tr("Forslag"))
        right.addTab(self.doc_panel, self.tr("Dokument"))
        self.right_tabs = right
        split = QSplitter()
        split.setObjectName("caseSplitter")
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(self.viewer)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 5)
        split.setStretchFactor(2, 3)
        left.setMinimumWidth(220)
        right.setMinimumWidth(300)
        self.viewer.setMinimumWidth(320)
        self.splitter = split
        self._build_banner()
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.banner)
        box.addWidget(split, 1)
        self.setCentralWidget(central)
        self.case_label = QLabel()
        self.statusBar().addPermanentWidget(self.case_label)

        self._build_menus()
        self.docs.currentItemChanged.connect(lambda cur, _prev: self._document_chosen())
        self.docs.itemSelectionChanged.connect(self._selection_of_documents)
        self.panel.suggestion_selected.connect(self._panel_selected)
        self.panel.jump_requested.connect(self.jump_to)
        self.panel.group_selected.connect(self._group_selected)
        self.panel.loaded.connect(self._update_hint)
        self.viewer.suggestion_clicked.connect(self._viewer_clicked)
        self.viewer.selection_changed.connect(self._selection_changed)
        self.viewer.area_drawn.connect(self.redact_area)
        self.viewer.page_context_requested.connect(self._page_menu)
        self.viewer.zoom_changed.connect(lambda text: self.zoom_combo.setEditText(text))
        change_bus().changed.connect(self._on_changed)
        self.keys = ReviewKeys(self)
        QApplication.instance().installEventFilter(self.keys)
        place_window(self, SETTINGS_KEY, 0.92)
        restore_splitter(split, SETTINGS_KEY, "splitter", [0.27, 0.43, 0.30])
        self._checklist_timer = QTimer(self)
        self._checklist_timer.setSingleShot(True)
        self._checklist_timer.setInterval(400)
        self._checklist_timer.timeout.connect(self.refresh_checklist)
        self.refresh_review()
        self.panel.refresh()
        self._load_choices()
        self._checklist_timer.start()
        from aktindsigt.ui.team_desk import attach_to_case_window

        attach_to_case_window(self)  # the Team menu: comments, audit trail, changes since a return, presence

    # --- actions and menus -------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: str | QKeySequence.StandardKey | None = None,
                tip: str = "", short: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            a.setToolTip(tip)
            a.setStatusTip(tip)
        if short:
            a.setIconText(short)  # the toolbar's shorter text
        a.triggered.connect(lambda *_: slot())
        self.addAction(a)
        return a

    def _key_action(self, text: str, key: str, action: str) -> QAction:
        """A review key as a menu entry: shown with its key, triggered by the menu (the key itself goes through
        ``ReviewKeys`` so that it never fires while typing)."""
        a = QAction(text, self)
        a.setShortcut(QKeySequence(key))
        a.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # shown in the menu; the key is ReviewKeys'
        a.triggered.connect(lambda *_: self.review_key(action))
        return a

    def _build_actions(self) -> None:
        has_grounds = bool(cached_grounds())
        self.import_files_action = self._action(self.tr("Importér &filer …"), self.ask_import_files, "Ctrl+I",
                                                self.tr("Læg filer i sagen (du kan også trække dem ind i vinduet)"),
                                                self.tr("Importér …"))
        self.import_folder_action = self._action(self.tr("Importér &mappe …"), self.ask_import_folder,
                                                 "Ctrl+Shift+I")
        self.analyze_action = None
        if hasattr(self.services, "analyze_case"):
            self.analyze_action = self._action(self.tr("&Find personoplysninger"), self.analyze, "Ctrl+F5",
                                               self.tr("Kør genkendelsen på sagens dokumenter (Ctrl+F5)"))
        self.undo_action = self._action(self.tr("&Fortryd"), self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("&Gentag"), self.redo, "Ctrl+Shift+Z")
        self.redact_selection_action = self._action(
            self.tr("&Overstreg markering …"), self.redact_selection, "Ctrl+R",
            self.tr("Overstreg den markerede tekst (træk med musen i dokumentet)"), self.tr("Overstreg markering"))
        self.area_action = self._action(self.tr("Overstreg &område"), lambda: None, "Ctrl+Shift+R",
                                        self.tr("Træk et rektangel på siden (underskrift, billede, stempel)"),
                                        self.tr("Område"))
        self.area_action.setCheckable(True)
        self.area_action.toggled.connect(self._area_mode)
        self.everywhere_action = self._action(self.tr("Overstreg &alle forekomster …"), self.redact_everywhere,
                                              "Ctrl+Shift+E", self.tr("Find en tekst i alle sagens dokumenter, og "
                                                                      "overstreg den"),
                                              self.tr("Alle forekomster …"))
        self.access_action = self._action(self.tr("&Afgørelse for dokumentet …"), self.set_access, "Ctrl+Shift+D",
                                          self.tr("Fuld, delvis eller ingen aktindsigt i dokumentet, med hjemmel og "
                                                  "begrundelse"), self.tr("Afgørelse …"))
        self.properties_action = self._action(self.tr("Dokumentets &egenskaber"), self.show_properties, "Ctrl+E",
                                              self.tr("Titel, offentlig titel, dato, retning, ESDH dok-ID og omfang "
                                                      "for de valgte dokumenter"))
        self.esdh_column_action = self._action(self.tr("ESDH dok-ID'er fra en &kolonne …"), self.paste_esdh_ids,
                                               tip=self.tr("Indsæt en kolonne med dok-ID'er for de valgte (eller "
                                                           "alle) dokumenter"), short=self.tr("Indsæt kolonne …"))
        self.remove_action = self._action(self.tr("Fjern fra sagen"), self.remove_document,
                                          tip=self.tr("Tag dokumentet ud af sagen (kan fortrydes)"))
        self.replace_action = self._action(self.tr("Erstat fil …"), self.replace_document,
                                           tip=self.tr("Læs en anden fil i stedet; akt nr. og ESDH dok-ID bevares"))
        self.retry_action = self._action(self.tr("Prøv igen"), self.retry_document,
                                         tip=self.tr("Læs den gemte originale fil igen"))
        self.password_action = self._action(self.tr("Åbn med adgangskode …"), self.open_with_password,
                                            tip=self.tr("Læs en krypteret PDF-fil med dens adgangskode (den gemmes "
                                                        "ikke)"))
        self.withhold_page_action = self._action(self.tr("&Undtag aktuel side …"),
                                                 lambda: self.withhold_page(self.viewer.current_page()))
        self.find_action = self._action(self.tr("&Søg i sagen …"), lambda: open_search(self),
                                        QKeySequence.StandardKey.Find, self.tr("Søg efter en tekst i alle sagens "
                                                                               "dokumenter, og overstreg fundene"),
                                        short=self.tr("Søg"))
        self.find_in_document_action = self._action(self.tr("Søg i &dokumentet"), self.viewer.search_bar.start,
                                                    "Ctrl+Shift+F")
        self.zoom_in_action = self._action(self.tr("Zoom &ind"), lambda: self.viewer.zoom_by(1.25),
                                           QKeySequence.StandardKey.ZoomIn)
        self.zoom_out_action = self._action(self.tr("Zoom &ud"), lambda: self.viewer.zoom_by(0.8),
                                            QKeySequence.StandardKey.ZoomOut)
        self.fit_width_action = self._action(self.tr("Tilpas &bredde"), lambda: self.viewer.set_zoom("width"),
                                             "Ctrl+0")
        self.fit_page_action = self._action(self.tr("&Hele siden"), lambda: self.viewer.set_zoom("page"), "Ctrl+9")
        self.focus_actions = [
            self._action(self.tr("Gå til dokumentlisten"), lambda: self._focus(self.docs), "Alt+1"),
            self._action(self.tr("Gå til dokumentet"), lambda: self._focus(self.viewer.canvas), "Alt+2"),
            self._action(self.tr("Gå til forslagene"), lambda: self._focus(self.panel.tree), "Alt+3"),
            self._action(self.tr("Gå til dokumentets egenskaber"), self.show_properties, "Alt+4"),
        ]
        self.close_action = self._action(self.tr("&Luk sagen"), self.close, QKeySequence.StandardKey.Close)
        self.submit_action = self._action(self.tr("Send til &godkendelse …"), self.submit_for_review,
                                          tip=self.tr("Send sagen til teamlederens godkendelse"))
        self.approve_action = self._action(self.tr("Go&dkend …"), self.approve,
                                           tip=self.tr("Godkend sagen, som den er nu (teamleder)"))
        self.return_action = self._action(self.tr("&Returnér …"), self.return_case,
                                          tip=self.tr("Send sagen tilbage til sagsbehandleren med en kommentar "
                                                      "(teamleder)"))
        self.reopen_action = self._action(self.tr("Genoptag &behandlingen …"), self.reopen,
                                          tip=self.tr("Arbejd videre på sagen; en godkendelse bortfalder"))
        self.journalise_action = self._action(self.tr("Sæt til &journaliseret"), self.set_journalised,
                                              tip=self.tr("ESDH-systemet har modtaget pakken"))
        self.review_actions = (self.submit_action, self.approve_action, self.return_action, self.reopen_action)
        for a in (*self.review_actions, self.journalise_action):
            a.setEnabled(False)  # until the review state is loaded
        # the review keys and the bulk decisions
        self.accept_key_action = self._key_action(self.tr("&Overstreg"), "A", "accept")
        self.reject_key_action = self._key_action(self.tr("&Frigiv"), "R", "reject")
        self.toggle_key_action = self._key_action(self.tr("&Skift mellem overstreg og frigiv"), "Space", "toggle")
        self.next_key_action = self._key_action(self.tr("&Næste"), "J", "next")
        self.previous_key_action = self._key_action(self.tr("F&orrige"), "K", "previous")
        self.jump_key_action = self._key_action(self.tr("&Vis i dokumentet"), "Return", "jump")
        self.accept_visible_action = self._action(self.tr("Overstreg alle &synlige …"), lambda: self.bulk_visible(True),
                                                  tip=self.tr("Alle forekomster, som listen viser med de valgte "
                                                              "filtre"))
        self.reject_visible_action = self._action(self.tr("Frigiv alle s&ynlige …"), lambda: self.bulk_visible(False))
        self.accept_preselected_action = self._action(
            self.tr("Overstreg &alle forvalgte"), self.bulk_preselected,
            tip=self.tr("De afventende forslag, som programmet er sikkert på (cpr-numre, kontonumre, følsomme "
                        "oplysninger og personnavne med høj sikkerhed)"))
        self.ground_change_action = self._action(self.tr("Skift &hjemmel …"), self.panel.change_ground)
        self.help_action = self._action(self.tr("&Tastaturgenveje og farver"), self.show_shortcuts, "F1")
        self.editing_actions = [
            self.import_files_action, self.import_folder_action, self.redact_selection_action, self.area_action,
            self.everywhere_action, self.access_action, self.withhold_page_action, self.esdh_column_action,
            self.remove_action, self.replace_action, self.retry_action, self.password_action,
            self.accept_key_action, self.reject_key_action, self.toggle_key_action, self.accept_visible_action,
            self.reject_visible_action, self.accept_preselected_action, self.ground_change_action,
        ] + ([self.analyze_action] if self.analyze_action else [])
        self.ground_actions = (self.redact_selection_action, self.everywhere_action, self.withhold_page_action,
                               self.area_action)
        self._apply_grounds()
        if not has_grounds:
            query(self, lambda: load_grounds(self.services), lambda _g: self._apply_grounds())
        self._update_undo()

    def _build_menus(self) -> None:
        m = self.menuBar().addMenu(self.tr("&Sag"))
        m.addActions([self.import_files_action, self.import_folder_action])
        if self.analyze_action:
            m.addAction(self.analyze_action)
        m.addSeparator()
        m.addAction(self.close_action)
        m = self.menuBar().addMenu(self.tr("&Rediger"))
        m.addActions([self.undo_action, self.redo_action])
        m.addSeparator()
        m.addActions([self.redact_selection_action, self.area_action, self.everywhere_action])
        m = self.menuBar().addMenu(self.tr("&Forslag"))
        m.addActions([self.accept_key_action, self.reject_key_action, self.toggle_key_action])
        m.addSeparator()
        m.addActions([self.next_key_action, self.previous_key_action, self.jump_key_action])
        m.addSeparator()
        self.accept_type_menu = m.addMenu(self.tr("Overstreg alle af &typen"))
        self.reject_type_menu = m.addMenu(self.tr("Frigiv alle af t&ypen"))
        self.accept_type_menu.aboutToShow.connect(lambda: self._fill_type_menu(self.accept_type_menu, True))
        self.reject_type_menu.aboutToShow.connect(lambda: self._fill_type_menu(self.reject_type_menu, False))
        m.addActions([self.accept_visible_action, self.reject_visible_action])
        m.addAction(self.accept_preselected_action)
        m.addSeparator()
        m.addAction(self.ground_change_action)
        m = self.menuBar().addMenu(self.tr("&Dokument"))
        m.addActions([self.properties_action, self.esdh_column_action])
        m.addSeparator()
        m.addAction(self.access_action)
        m.addAction(self.withhold_page_action)
        m.addSeparator()
        self.failed_menu = m.addMenu(self.tr("Fil, der ikke kunne &læses"))
        self.failed_menu.addActions([self.password_action, self.retry_action, self.replace_action])
        m.addAction(self.remove_action)
        m.addSeparator()
        m.addAction(self.find_action)
        m.addAction(self.find_in_document_action)
        from aktindsigt.ui.outputs import OutputActions

        self.outputs = OutputActions(self, self.services, self.case_id)
        self.outputs.add_menu()
        m = self.menuBar().addMenu(self.tr("&Godkendelse"))
        m.addActions(list(self.review_actions))
        m.addSeparator()
        m.addAction(self.journalise_action)
        m = self.menuBar().addMenu(self.tr("&Vis"))
        m.addActions([self.zoom_in_action, self.zoom_out_action, self.fit_width_action, self.fit_page_action])
        m.addSeparator()
        m.addActions(self.focus_actions)
        from aktindsigt.ui.help import add_help_menu

        self.about_action = add_help_menu(self, self.help_action)  # the Team menu goes before it

        tb = QToolBar(self.tr("Værktøjslinje"))
        tb.setObjectName("caseToolbar")
        tb.setMovable(False)
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.addAction(self.import_files_action)
        if self.analyze_action:
            tb.addAction(self.analyze_action)
        tb.addSeparator()
        tb.addActions([self.undo_action, self.redo_action])
        tb.addSeparator()
        tb.addActions([self.redact_selection_action, self.area_action, self.everywhere_action])
        tb.addAction(self.access_action)
        tb.addSeparator()
        self.zoom_combo = ZoomCombo(self.viewer)
        self.zoom_combo.setEditable(True)
        self.zoom_combo.lineEdit().returnPressed.connect(self._zoom_typed)
        tb.addWidget(self.zoom_combo)
        tb.addAction(self.find_action)
        self.toolbar = tb
        self.addToolBar(tb)

    def _build_banner(self) -> None:
        """The status of the case, the next step, and the review buttons (never hidden in a toolbar's »)."""
        self.banner = QWidget()
        self.banner.setObjectName("banner")
        self.review_banner = QLabel()
        self.review_banner.setObjectName("reviewBanner")
        self.review_banner.setWordWrap(True)
        self.review_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.review_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review_banner.setAccessibleName(self.tr("Sagens status og godkendelse"))
        self.hint_label = QLabel()
        self.hint_label.setObjectName("nextStep")
        self.hint_label.setWordWrap(True)
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label.setAccessibleName(self.tr("Næste skridt"))
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.review_banner)
        texts.addWidget(self.hint_label)
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(10, 4, 10, 4)
        row.addLayout(texts, 1)
        self.banner_buttons: list[QToolButton] = []
        for a in (self.submit_action, self.approve_action, self.return_action, self.reopen_action,
                  self.journalise_action):
            b = QToolButton()
            b.setDefaultAction(a)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            row.addWidget(b)
            self.banner_buttons.append(b)

    def _apply_grounds(self) -> None:
        """Actions that need the legal-ground catalogue are only offered when it could be loaded."""
        has = bool(cached_grounds())
        editable = not self.read_only
        for a in self.ground_actions:
            a.setVisible(has)
            a.setEnabled(has and editable)
        self.redact_selection_action.setEnabled(has and editable and self.selection is not None)
        self.panel.update_ground_action()

    @property
    def read_only(self) -> str:
        """Why the case cannot be changed now ('' when it can)."""
        return self.review_state.read_only if self.review_state is not None else ""

    def _apply_read_only(self) -> None:
        ro = self.read_only
        for a in self.editing_actions:
            a.setEnabled(not ro)
        if ro and self.area_action.isChecked():
            self.area_action.setChecked(False)
        self._apply_grounds()
        self._update_undo()
        self._update_failed_actions()
        self.doc_panel.set_read_only(ro)
        self.panel.set_read_only(ro)

    def _focus(self, w: QWidget) -> None:
        if w is self.docs:
            self.left_tabs.setCurrentWidget(self.docs)
        if w is self.panel.tree:
            self.right_tabs.setCurrentWidget(self.panel)
        w.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _zoom_typed(self) -> None:
        text = self.zoom_combo.currentText().replace("%", "").strip().replace(",", ".")
        try:
            pct = float(text)
        except ValueError:
            return
        self.viewer.set_zoom(max(10.0, min(pct, 600.0)) / 100)

    def _area_mode(self, on: bool) -> None:
        self.viewer.canvas.area_mode = on
        self.viewer.canvas.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
        self.statusBar().showMessage(self.tr("Træk et rektangel over det, der skal overstreges.") if on else "", 5000)

    def show_shortcuts(self):
        from aktindsigt.ui.help import ShortcutsDialog

        types = sorted({g.entity_type for g in self.panel.groups}, key=list(EntityType).index)
        dlg = ShortcutsDialog(self, types)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        self.last_dialog = dlg
        return dlg

    # --- running operations ----------------------------------------------------------------------

    def _push(self, result) -> None:
        if isinstance(result, Operation) and not result.empty:
            self.undo_stack.append(result)
            self.redo_stack.clear()
            self.statusBar().showMessage(result.description, 4000)
        self._update_undo()

    def perform(self, fn) -> OpHandle:
        """Run a review action in the background; an ``Operation`` result goes on the undo stack."""
        return run_op(self, lambda ctx: fn(), success=self._push)

    def perform_heavy(self, method: str, *args, progress: str | None = None) -> OpHandle:
        """Like ``perform`` for a service call that reads files (in a worker process when the app runs)."""
        svc = self.services
        return run_op(self, lambda ctx: procpool.call(svc, ctx, method, *args), success=self._push,
                      progress=progress)

    def undo(self) -> OpHandle | None:
        if not self.undo_stack or self.read_only:
            return None
        op = self.undo_stack.pop()
        self._update_undo()

        def done(inverse: Operation) -> None:
            self.redo_stack.append(inverse)
            self.statusBar().showMessage(self.tr("Fortrudt: {0}").format(op.description), 4000)
            self._update_undo()

        def failed(e: BaseException) -> None:
            self.undo_stack.append(op)
            self._update_undo()
            self._show_failure(e)

        return run_op(self, lambda ctx: self.services.undo(op), success=done, failure=failed)

    def redo(self) -> OpHandle | None:
        if not self.redo_stack or self.read_only:
            return None
        inverse = self.redo_stack.pop()
        self._update_undo()

        def done(op: Operation) -> None:
            self.undo_stack.append(op)
            self.statusBar().showMessage(self.tr("Gentaget: {0}").format(op.description), 4000)
            self._update_undo()

        def failed(e: BaseException) -> None:
            self.redo_stack.append(inverse)
            self._update_undo()
            self._show_failure(e)

        return run_op(self, lambda ctx: self.services.undo(inverse), success=done, failure=failed)

    def _update_undo(self) -> None:
        ro = self.read_only
        self.undo_action.setEnabled(bool(self.undo_stack) and not ro)
        self.redo_action.setEnabled(bool(self.redo_stack) and not ro)
        if ro and self.undo_stack:
            self.undo_action.setToolTip(self.tr("Fortryd er ikke muligt: {0}").format(ro))
        else:
            self.undo_action.setToolTip(self.tr("Fortryd: {0}").format(self.undo_stack[-1].description)
                                        if self.undo_stack else self.tr("Intet at fortryde"))

    # --- loading ---------------------------------------------------------------------------------

    def refresh_documents(self, preopen: bool = False) -> OpHandle:
        svc, cid, renderer = self.services, self.case_id, self.viewer.renderer

        def load():
            detail = svc.case_detail(cid)
            first = detail.documents[0] if detail.documents else None
            if preopen and first is not None and first.status is DocumentStatus.READY:
                path = svc.rendition_path(first)
                if path is not None:
                    renderer.preopen(path)  # the first document is the one shown when the window opens
            decided = svc.decision_count(cid) if hasattr(svc, "decision_count") else 0
            return detail, Counter(svc.pending_by_document(cid)), decided

        return query(self, load, self._show_documents)

    def _show_documents(self, result) -> None:
        detail, pending, decided = result
        self.detail = detail
        self._pending_counts = pending
        self._decided = decided
        c, dl = detail.case, detail.deadlines
        self.setWindowTitle(self.tr("{0} · {1} — Aktindsigt").format(c.case_number, c.title))
        self.case_label.setText(self.tr("{0} · {1} · modtaget {2} · {3}").format(
            c.requester_name, c.regime.label, da_date(c.received), dl.label))
        self.statusBar().setToolTip(" ".join(dl.lines()))  # the deadline rule of the case's regime
        self.setWindowIcon(dot_icon(LIGHT_COLOURS[dl.light], 32))
        had = self.docs.current_document()
        self.docs.show_documents(detail.documents, pending)
        self.panel.set_documents(detail.documents)
        if detail.documents and self.docs.currentItem() is None:
            self.docs.setCurrentItem(self.docs.topLevelItem(0))  # the first time, or the one shown was removed
        cur = self.docs.current_document()
        if cur is not None and had is not None and cur.id == self._shown[0] and cur.status is not self._shown[1]:
            self._shown = (None, None)  # read again, replaced or put back: open it afresh
            self.viewer.document_id = None
            self._document_chosen()
        if not detail.documents:
            self._shown = (None, None)
            self.viewer.open_document(None, None, self.tr("Sagen har ingen dokumenter endnu. Importér filer (Ctrl+I) "
                                                          "eller træk dem hertil."))
        self._selection_of_documents()
        self._update_failed_actions()
        self._update_hint()
        self.documents_loaded.emit()

    def current_document(self) -> Document | None:
        return self.docs.current_document()

    def selected_documents(self) -> list[Document]:
        chosen = self.docs.selected_documents()
        if not chosen and self.current_document() is not None:
            chosen = [self.current_document()]
        return chosen

    def _document_chosen(self) -> None:
        doc = self.current_document()
        if doc is None or doc.id == self.viewer.document_id:
            return
        self.selection = None
        self.redact_selection_action.setEnabled(False)
        self._shown = (doc.id, doc.status)
        if doc.status is not DocumentStatus.READY:
            self.viewer.open_document(doc.id, None, self.tr("“{0}” kunne ikke importeres: {1}\n\nSe fanen Dokument: "
                                                            "Prøv igen, Erstat fil … eller Fjern fra sagen.").format(
                doc.source_name, doc.failure_reason))
            return
        self.viewer.open_document(doc.id, self.services.rendition_path(doc))
        self.load_document_data(doc.id, pages=True)

    def _selection_of_documents(self) -> None:
        docs = self.selected_documents()
        panel = self.doc_panel
        if panel.dirty() and [d.id for d in docs] != panel.ids:
            panel.save()  # moving on keeps what was typed
        panel.show_documents(docs)
        self._update_failed_actions()

    def _update_failed_actions(self) -> None:
        from aktindsigt.services.documents import can_open_with_password

        docs = self.selected_documents()
        one = docs[0] if len(docs) == 1 else None
        failed = one is not None and one.status is DocumentStatus.FAILED
        editable = not self.read_only
        self.remove_action.setEnabled(editable and one is not None)
        self.replace_action.setEnabled(editable and failed)
        self.retry_action.setEnabled(editable and failed)
        self.password_action.setEnabled(editable and failed and can_open_with_password(one))
        self.password_action.setVisible(one is None or not failed or can_open_with_password(one))

    def load_document_data(self, document_id: int, pages: bool) -> OpHandle:
        """The page index, text, suggestions and decisions of the shown document, in the background.

        A short document (up to ``viewer.EAGER_PAGES`` pages) gets every page's words at once; a long one
        the first few pages' words, the rest as pages come into view (``_load_words``). Suggestions and
        decisions are assigned to pages by their text offsets, and overlays are computed for the pages
        whose words are there, so opening a 500-page document reads and computes only what is shown."""
        svc, cid, viewer = self.services, self.case_id, self.viewer
        same = viewer.document_id == document_id and bool(viewer.canvas.pages)
        current = list(viewer.canvas.pages) if same else []
        loaded = set(viewer.canvas.loaded) if same else set()

        def load(ctx):
            index, text = current, None
            if pages or not current:
                index = svc.document_page_index(document_id)
                text = svc.document_text(document_id)
                if len(index) <= EAGER_PAGES:
                    wanted = [p.number for p in index]
                else:
                    wanted = [n for n in range(1, FIRST_PAGES + 1) if n not in loaded]
                words = {p.number: p for p in svc.document_pages(document_id, wanted)} if wanted else {}
                kept = {p.number: p for p in current if p.number in loaded}
                index = [_with_words(p, words.get(p.number) or kept.get(p.number)) for p in index]
                loaded_now = set(words) | (set(kept) & {p.number for p in index})
            else:
                loaded_now = loaded
            suggs, decs = svc.suggestions(cid, document_id), svc.decisions(cid, document_id)
            ann = annotate(index, suggs, decs)
            overlays = {p.number: ann.overlays(p) for p in index if p.number in loaded_now}
            return (index if text is not None else None), text, loaded_now, ann, overlays

        def show(result) -> None:
            index, text, loaded_now, ann, overlays = result
            if index is not None:
                self.viewer.set_index(document_id, index, text, loaded_now)
            self.viewer.set_annotation_data(document_id, ann, overlays)
            if self._pending_select is not None:
                self.viewer.select_suggestion(self._pending_select)
                self._pending_select = None
            self.document_loaded.emit(document_id)

        return run_op(self, lambda ctx: procpool.without_gc(load, ctx), success=show, mutates=False)

    def _load_words(self, document_id: int, numbers: list[int]) -> OpHandle:
        """Word maps of the pages coming into view (asked for by the viewer)."""
        svc = self.services
        return run_op(self, lambda ctx: procpool.without_gc(svc.document_pages, document_id, numbers),
                      success=lambda found: self.viewer.add_words(document_id, found),
                      failure=lambda e: (self.viewer.words_failed(document_id, numbers),
                                         log.warning("words of pages %s not loaded: %s", numbers, e)),
                      mutates=False)

    def _load_choices(self) -> None:
        """The grounds the case may use (the combos) and the ground proposed for a manual redaction."""
        svc, cid = self.services, self.case_id
        if not hasattr(svc, "ground_choices"):
            return

        def load():
            return ({p: svc.ground_choices(cid, p) for p in ("redaction", "document")},
                    {t.value: svc.default_ground(cid, t) for t in EntityType})

        def show(result) -> None:
            self.choices, defaults = result
            self.default_grounds.update(defaults)

        query(self, load, show)

    def _on_changed(self, ch: ChangeSet) -> None:
        if self.case_id not in ch.cases and -1 not in ch.cases:
            if ch.user:  # another name or role: other review actions
                self.refresh_review()
            return
        self.refresh_documents()
        self.refresh_review()
        self.panel.refresh()
        self._checklist_timer.start()
        doc_id = self.viewer.document_id
        if (doc_id is not None and self._shown[1] is DocumentStatus.READY
                and (doc_id in ch.documents or ch.suggestions or ch.decisions)):
            self.load_document_data(doc_id, pages=ch.pages and doc_id in ch.documents)

    # --- the checklist ----------------------------------------------------------------------------------

    def refresh_checklist(self) -> OpHandle | None:
        """The pre-send checklist in the background: the document panel shows the points of its documents,
        the checklist dialog drops the points that were fixed, the next-step hint follows."""
        if not hasattr(self.services, "checklist"):
            return None
        svc, cid = self.services, self.case_id

        def show(problems) -> None:
            self.problems = list(problems)
            self.doc_panel.set_problems(self.problems)
            self.outputs.checklist_changed(self.problems)
            self._update_hint()
            self.checklist_loaded.emit()

        def failed(e: BaseException) -> None:
            log.info("checklist not computed: %s", e)

        return run_op(self, lambda ctx: svc.checklist(cid), success=show, failure=failed, mutates=False)

    def fix_problem(self, problem) -> QWidget | None:
        """Go to the field or dialog where a checklist point is fixed."""
        return self.outputs.fix(problem)

    def go_to_field(self, document_id: int | None, field: str):
        """A document's field: select the document, then the field in the document panel, the access dialog,
        or the suggestions of the document."""
        self.activateWindow()  # from the checklist beside the window
        self.raise_()
        if document_id is not None:
            if self.docs.current_document() is None or self.docs.current_document().id != document_id:
                self.docs.clearSelection()
                self.docs.select_document(document_id)
            else:
                self.docs.clearSelection()
                self.docs.currentItem().setSelected(True)
        doc = self.current_document()
        if field == "suggestions":
            self.right_tabs.setCurrentWidget(self.panel)
            self.panel.show_pending_of(document_id)
            self.panel.tree.setFocus()
            return self.panel
        if field.startswith("document.access") and doc is not None and doc.status is DocumentStatus.READY:
            return self.set_access(focus=field)
        if field == "document.access" and doc is not None:
            field = "document.in_scope"  # a failed file: out of scope, or read it (the panel's actions)
        self.show_properties()
        QTimer.singleShot(0, self, lambda: self.doc_panel.focus_field(field))
        return self.doc_panel

    def show_properties(self) -> None:
        self.right_tabs.setCurrentWidget(self.doc_panel)
        self.doc_panel.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # --- the team lead's review ---------------------------------------------------------------------

    def refresh_review(self) -> OpHandle:
        svc, cid = self.services, self.case_id
        return query(self, lambda: svc.review_state(cid), self._show_review)

    def _show_review(self, state: ReviewState) -> None:
        before = self.review_state
        self.review_state = state
        self.submit_action.setEnabled(state.can_submit)
        self.approve_action.setEnabled(state.can_approve)
        self.return_action.setEnabled(state.can_return)
        self.reopen_action.setEnabled(state.can_reopen)
        self.journalise_action.setEnabled(state.can_journalise)
        for b in self.banner_buttons:
            b.setVisible(b.defaultAction().isEnabled())
        text = state.summary()
        if text == state.status.label:
            text = self.tr("Status: {0}").format(text)
        if state.status is CaseStatus.IN_REVIEW:
            bg, border = BANNER_REVIEW
        elif state.status is CaseStatus.APPROVED:
            bg, border = BANNER_APPROVED
        elif state.status in (CaseStatus.SENT, CaseStatus.CLOSED):
            bg, border = BANNER_DONE
        elif state.status is CaseStatus.RETURNED or state.return_comment_open or state.lapsed:
            bg, border = BANNER_ATTENTION
        else:
            bg, border = BANNER_NEUTRAL
        self.review_banner.setText(text)
        self.banner.setStyleSheet(
            f"QWidget#banner {{ background: {bg}; border-bottom: 2px solid {border}; }}")
        if before is not None and before.status is not state.status:
            self.statusBar().showMessage(text, 8000)
        self._apply_read_only()
        self._update_hint()

    def _update_hint(self) -> None:
        self.hint_label.setText(self.next_step())

    def next_step(self) -> str:
        """What to do next, in one line (shown under the status)."""
        state, detail = self.review_state, self.detail
        if state is None or detail is None:
            return ""
        status = state.status
        if status is CaseStatus.IN_REVIEW:
            if state.can_approve:
                return self.tr("Næste skridt: Godkend sagen, eller returnér den med en kommentar.")
            return self.tr("Sagen venter på teamlederens godkendelse. Vælg Genoptag behandlingen for at ændre den.")
        if status is CaseStatus.APPROVED:
            return self.tr("Næste skridt: Eksportér pakken til ESDH (Udlevering › Eksportér pakke til ESDH …). "
                           "Skal noget ændres: Genoptag behandlingen.")
        if status is CaseStatus.SENT:
            return self.tr("Næste skridt: Sæt sagen til journaliseret, når ESDH-systemet har modtaget pakken.")
        if status is CaseStatus.CLOSED:
            return self.tr("Sagen er afsluttet.")
        if not detail.documents:
            return self.tr("Næste skridt: Importér filer (Ctrl+I) eller træk dem hertil.")
        total = sum(len(g.suggestions) for g in self.panel.groups)
        pending = sum(self._pending_counts.values())
        if total == 0 and not self._decided and self.analyze_action is not None:
            return self.tr("Næste skridt: Find personoplysninger (Ctrl+F5).")
        if pending:
            what = count(pending, self.tr("afventende forslag"), self.tr("afventende forslag"))
            sure = len(self.panel.preselected_ids())
            if sure:
                what += self.tr(" ({0}; Forslag › Overstreg alle forvalgte)").format(
                    count(sure, self.tr("forvalgt"), self.tr("forvalgte")))
            return self.tr("Næste skridt: Gennemgå {0}: A overstreger, R frigiver, J/K går videre, F1 viser alle "
                           "genveje.").format(what)
        if self.problems:
            return self.tr("Næste skridt: Løs {0} på tjeklisten (F9); dobbeltklik på et punkt for at gå til det."
                           ).format(count(len(self.problems), self.tr("punkt"), self.tr("punkter")))
        return self.tr("Næste skridt: Tjeklisten er tom. Send sagen til godkendelse.")

    def _show_failure(self, e: BaseException) -> None:
        from aktindsigt.ui.ops import _show_unexpected, show_error

        show_error(self, e.message) if isinstance(e, ServiceError) else _show_unexpected(self)

    def submit_for_review(self) -> OpHandle | None:
        comment = dialogs.ask_comment(self, self.tr("Send til godkendelse"),
                                      self.tr("Bemærkning til teamlederen (kan udelades):"), self.tr("Send"))
        if comment is None:
            return None
        return self._submit(comment, False)

    def _submit(self, comment: str, allow_problems: bool) -> OpHandle:
        svc, cid = self.services, self.case_id

        def failed(e: BaseException) -> None:
            problems = getattr(e, "problems", None)
            if isinstance(e, ServiceError) and problems and not allow_problems:
                again = dialogs.ask_comment(
                    self, self.tr("Send trods tjeklisten"),
                    self.tr("Tjeklisten har {0}. Du kan sende sagen alligevel med en bemærkning til teamlederen om "
                            "punkterne:").format(count(len(problems), self.tr("punkt"), self.tr("punkter"))),
                    self.tr("Send alligevel"), comment, required=True, details=[str(p) for p in problems])
                if again is not None:
                    self._submit(again, True)
                return
            self._show_failure(e)

        return run_op(self, lambda ctx: svc.submit_for_review(cid, comment, allow_problems=allow_problems),
                      success=self._show_review, failure=failed)

    def approve(self) -> OpHandle | None:
        if self.review_state is not None and self.review_state.own_case:
            note = dialogs.ask_comment(
                self, self.tr("Godkend egen sag"),
                self.tr("Du har selv behandlet sagen. Skriv, hvorfor du selv godkender den (fx at der ikke er en "
                        "anden teamleder):"), self.tr("Godkend"), required=True)
        else:
            note = dialogs.ask_comment(self, self.tr("Godkend sagen"),
                                       self.tr("Bemærkning til godkendelsen (kan udelades):"), self.tr("Godkend"))
        if note is None:
            return None
        return self._approve(note, "")

    def _approve(self, note: str, override: str) -> OpHandle:
        svc, cid = self.services, self.case_id

        def failed(e: BaseException) -> None:
            problems = getattr(e, "problems", None)
            if isinstance(e, ServiceError) and problems and not override:
                reason = dialogs.ask_comment(
                    self, self.tr("Godkend trods tjeklisten"),
                    self.tr("Tjeklisten har {0}. Skriv begrundelsen for at godkende sagen alligevel; den gemmes i "
                            "loggen og i eksportpakken:").format(count(len(problems), self.tr("punkt"),
                                                                        self.tr("punkter"))),
                    self.tr("Godkend alligevel"), required=True, details=[str(p) for p in problems])
                if reason is not None:
                    self._approve(note, reason)
                return
            self._show_failure(e)

        return run_op(self, lambda ctx: svc.approve_case(cid, note, override_reason=override),
                      success=self._show_review, failure=failed)

    def return_case(self) -> OpHandle | None:
        comment = dialogs.ask_comment(
            self, self.tr("Returnér sagen"),
            self.tr("Hvad skal sagsbehandleren rette? Kommentaren vises på sagen, til den sendes til godkendelse "
                    "igen:"), self.tr("Returnér"), required=True)
        if comment is None:
            return None
        svc, cid = self.services, self.case_id
        return run_op(self, lambda ctx: svc.return_case(cid, comment), success=self._show_review)

    def reopen(self) -> OpHandle | None:
        """Genoptag: an approval lapses, a case in review is withdrawn; both are confirmed first."""
        state = self.review_state
        if state is not None and state.status is CaseStatus.APPROVED:
            ok = dialogs.confirm(self, self.tr("Genoptag behandlingen"),
                                 self.tr("Godkendelsen fra {0} bortfalder, og sagen skal godkendes igen, før den kan "
                                         "udleveres. Vil du genoptage behandlingen?").format(state.approved_by),
                                 self.tr("Genoptag, godkendelsen bortfalder"))
            if not ok:
                return None
        elif state is not None and state.status is CaseStatus.IN_REVIEW:
            ok = dialogs.confirm(self, self.tr("Genoptag behandlingen"),
                                 self.tr("Sagen trækkes tilbage fra godkendelsen og skal sendes igen. Vil du genoptage "
                                         "behandlingen?"), self.tr("Genoptag"))
            if not ok:
                return None
        svc, cid = self.services, self.case_id
        return run_op(self, lambda ctx: svc.reopen_case(cid), success=self._show_review)

    def set_journalised(self) -> OpHandle:
        svc, cid = self.services, self.case_id
        return run_op(self, lambda ctx: svc.set_journalised(cid), success=self._show_review)

    # --- review interplay --------------------------------------------------------------------------

    def review_key(self, action: str) -> None:
        """A review key from anywhere in the window: the suggestion list acts on its current item or items."""
        if action in ("next", "previous"):
            self.panel.tree.move(1 if action == "next" else -1)
            return
        if action in ("accept", "reject", "toggle") and self.read_only:
            self.statusBar().showMessage(self.read_only, 6000)
            return
        self.panel.key_action(action)

    def _panel_selected(self, s: Suggestion) -> None:
        """An occurrence chosen in the list is shown and highlighted in its document, whichever it is."""
        if s.document_id == self.viewer.document_id:
            self.viewer.select_suggestion(s.id)
        else:
            self._pending_select = s.id
            self.docs.select_document(s.document_id)

    def _group_selected(self, suggs: list[Suggestion]) -> None:
        here = {s.id for s in suggs if s.document_id == self.viewer.document_id}
        if here or not suggs:
            self.viewer.highlight_group(here)
            return
        # none in the document shown: go to the group's first occurrence
        self._panel_selected(suggs[0])

    def jump_to(self, s: Suggestion) -> None:
        """Enter on an occurrence: show it (the focus stays where it is, so the review keys go on working)."""
        self._panel_selected(s)

    def _viewer_clicked(self, suggestion_id: int) -> None:
        self.viewer.select_suggestion(suggestion_id, scroll=False)
        self.panel.select_suggestion(suggestion_id)

    def _selection_changed(self, start: int, end: int, text: str) -> None:
        self.selection = (start, end, text) if end > start else None
        self.redact_selection_action.setEnabled(self.selection is not None and bool(cached_grounds())
                                                and not self.read_only)
        if self.selection:
            self.statusBar().showMessage(self.tr("Markeret: “{0}” — Ctrl+R overstreger").format(
                " ".join(text.split())[:80]))
        else:
            self.statusBar().clearMessage()

    def _fill_type_menu(self, menu: QMenu, accept: bool) -> None:
        menu.clear()
        pending: Counter = Counter()
        total: Counter = Counter()
        for g in self.panel.all_groups:
            total[g.entity_type] += len(g.suggestions)
            pending[g.entity_type] += g.pending
        for t in sorted(total, key=list(EntityType).index):
            text = self.tr("{0} ({1})").format(t.label, count(pending[t], self.tr("afventer"), self.tr("afventer")))
            a = menu.addAction(text, lambda t=t: self.bulk_type(t, accept))
            a.setEnabled(pending[t] > 0 and not self.read_only)
        if menu.isEmpty():
            menu.addAction(self.tr("Ingen forslag endnu")).setEnabled(False)

    def bulk_type(self, entity_type: EntityType, accept: bool) -> OpHandle | None:
        """Every pending suggestion of one type, as one undoable operation."""
        ids = [s.id for g in self.panel.all_groups if g.entity_type is entity_type for s in g.suggestions
               if s.status.value == "pending" and s.id is not None]
        return self.panel.decide(ids, accept, self.tr("alle afventende af typen {0}").format(entity_type.label))

    def bulk_preselected(self) -> OpHandle | None:
        """Every open suggestion the detector pre-selects, as one undoable operation."""
        ids = self.panel.preselected_ids()
        if not ids:
            self.statusBar().showMessage(self.tr("Der er ingen forvalgte forslag, som afventer."), 5000)
            return None
        return self.panel.decide(ids, True, self.tr("alle forvalgte"), preselected=True)

    def bulk_visible(self, accept: bool) -> OpHandle | None:
        """Every occurrence the list shows with its filters (the status filter applied to the occurrences)."""
        ids = self.panel.visible_ids()
        return self.panel.decide(ids, accept, self.tr("alle synlige"))

    # --- manual redaction ---------------------------------------------------------------------------

    def _choose(self, title: str, text: str, current: str | None = None, purpose: str = "redaction") -> str | None:
        return dialogs.choose_ground(self, title, current if current is not None
                                     else self.default_grounds.get("MANUAL"), text,
                                     choices=self.choices.get(purpose) or None)

    def _remembered(self, fn, ground: str, entity_type: EntityType = EntityType.MANUAL):
        """Run ``fn`` and remember the ground chosen for the type (the next proposal)."""
        svc, cid = self.services, self.case_id
        self.default_grounds[entity_type.value] = ground

        def work():
            result = fn()
            if hasattr(svc, "remember_ground"):
                svc.remember_ground(cid, entity_type, ground)
            return result

        return work

    def redact_selection(self) -> OpHandle | None:
        doc_id = self.viewer.document_id
        if self.selection is None or doc_id is None or self.read_only:
            return None
        start, end, text = self.selection
        ground = self._choose(self.tr("Overstreg markering"),
                              self.tr("Overstreg “{0}”").format(" ".join(text.split())[:200]))
        if ground is None:
            return None
        self.viewer.canvas.set_selection(None)
        return self.perform(self._remembered(lambda: self.services.redact_text(doc_id, start, end, ground), ground))

    def redact_area(self, page: int, rect: Rect) -> OpHandle | None:
        doc_id = self.viewer.document_id
        if doc_id is None or self.read_only:
            return None
        ground = self._choose(self.tr("Overstreg område"),
                              self.tr("Overstreg det markerede område på side {0}").format(page))
        if ground is None:
            return None
        return self.perform(self._remembered(lambda: self.services.redact_area(doc_id, page, rect, ground), ground))

    def redact_everywhere(self) -> SearchDialog | None:
        """"Overstreg alle forekomster" (Ctrl+Shift+E): the case-wide search with the selected text."""
        if self.read_only:
            self.statusBar().showMessage(self.read_only, 8000)
            return None
        return open_search(self, " ".join(self.selection[2].split()) if self.selection else "")

    def set_access(self, focus: str = "") -> OpHandle | None:
        doc = self.current_document()
        if doc is None or self.read_only:
            return None
        answer = dialogs.ask_access(self, self.tr("Akt {0}: {1}").format(doc.akt_nr, doc.title), doc.access,
                                    doc.access_grounds, doc.access_reason, self.choices.get("document") or None,
                                    focus)
        if answer is None:
            return None
        access, grounds, reason = answer
        return self.perform(lambda: self.services.decide_document(doc.id, access, grounds, reason))

    def withhold_page(self, page: int, release: bool = False) -> OpHandle | None:
        doc_id = self.viewer.document_id
        if doc_id is None or page < 1 or self.read_only:
            return None
        ground = None
        if not release:
            ground = self._choose(self.tr("Undtag side"),
                                  self.tr("Side {0} erstattes af en side, der nævner hjemlen.").format(page),
                                  purpose="document")
            if ground is None:
                return None
        return self.perform(lambda: self.services.withhold_page(doc_id, page, ground))

    def _page_menu(self, page: int, pos: QPoint) -> None:
        menu = QMenu(self)
        if cached_grounds() and not self.read_only:
            if self.selection:
                menu.addAction(self.redact_selection_action)
            menu.addAction(self.everywhere_action)
            info = self.viewer.canvas.pages[page - 1] if page <= len(self.viewer.canvas.pages) else None
            if info is not None and info.withheld:
                menu.addAction(self.tr("Frigiv side {0}").format(page), lambda: self.withhold_page(page, True))
            else:
                menu.addAction(self.tr("Undtag side {0} …").format(page), lambda: self.withhold_page(page))
        menu.addAction(self.access_action)
        menu.addAction(self.properties_action)
        menu.exec(pos)

    # --- document properties and failed files -----------------------------------------------------------

    def paste_esdh_ids(self) -> OpHandle | None:
        """ESDH dok-IDs from a pasted column: for the selected documents (several), else for all of them."""
        from aktindsigt.ui import documents

        chosen = self.docs.selected_documents()
        docs = chosen if len(chosen) > 1 else self.docs.all_documents()
        if not docs or self.read_only:
            return None
        ids = documents.ask_esdh_column(self, docs)
        if ids is None:
            return None
        svc, cid, doc_ids = self.services, self.case_id, [d.id for d in docs]
        return self.perform(lambda: svc.assign_esdh_ids(cid, ids, document_ids=doc_ids))

    def _one_document(self) -> Document | None:
        docs = self.selected_documents()
        return docs[0] if len(docs) == 1 else None

    def remove_document(self) -> OpHandle | None:
        doc = self._one_document()
        if doc is None or self.read_only:
            return None
        svc = self.services
        handle = self.perform(lambda: svc.remove_document(doc.id))
        handle.done.connect(lambda _r: self.statusBar().showMessage(
            self.tr("Akt {0} er fjernet fra sagen. Ctrl+Z fortryder.").format(doc.akt_nr), 8000))
        return handle

    def replace_document(self) -> OpHandle | None:
        doc = self._one_document()
        if doc is None or doc.status is not DocumentStatus.FAILED or self.read_only:
            return None
        path = ask_file(self, self.tr("Vælg filen, der skal erstatte akt {0}").format(doc.akt_nr))
        if path is None:
            return None
        return self.perform_heavy("replace_document", doc.id, path, progress=self.tr("Læser {0} …").format(path.name))

    def retry_document(self) -> OpHandle | None:
        doc = self._one_document()
        if doc is None or doc.status is not DocumentStatus.FAILED or self.read_only:
            return None
        return self.perform_heavy("retry_document", doc.id, progress=self.tr("Læser {0} igen …").format(
            doc.source_name))

    def open_with_password(self) -> OpHandle | None:
        doc = self._one_document()
        if doc is None or doc.status is not DocumentStatus.FAILED or self.read_only:
            return None
        password = dialogs.ask_password(self, doc.source_name)
        if not password:
            return None
        svc = self.services
        # in a thread of this process: the password never leaves it
        return run_op(self, lambda ctx: svc.open_with_password(doc.id, password), success=self._push,
                      progress=self.tr("Åbner {0} …").format(doc.source_name))

    # --- import --------------------------------------------------------------------------------------

    def ask_import_files(self) -> None:
        files = ask_files(self, self.tr("Vælg filer til sagen"))
        if files:
            self.import_paths(files)

    def ask_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Vælg en mappe til sagen"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> OpHandle | None:
        if self.read_only:
            self.statusBar().showMessage(self.read_only, 8000)
            return None
        svc, cid = self.services, self.case_id

        def work(ctx):
            def progress(d: int, t: int, m: str) -> None:
                ctx.progress(d, t, self.tr("Importerer {0} (fil {1} af {2})").format(m, d + 1, t) if m else "")

            return procpool.call(svc, ctx, "import_paths", cid, paths, progress=progress)

        return run_op(self, work, success=self._imported, progress=self.tr("Importerer …"), cancellable=True)

    def _imported(self, summary: ImportSummary) -> None:
        self.last_import = summary
        n_ok, n_failed = len(summary.imported), len(summary.failed)
        text = self.tr("{0} importeret, {1} kunne ikke læses.").format(
            count(n_ok, self.tr("dokument"), self.tr("dokumenter")), n_failed)
        if summary.cancelled:
            text = self.tr("Annulleret. ") + text
        self.statusBar().showMessage(text, 8000)
        if summary.failed or summary.duplicates or summary.cancelled:
            dlg = dialogs.ImportResultDialog(self, summary)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.open()

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt API
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # --- analysis ------------------------------------------------------------------------------------

    def analyze(self) -> OpHandle | None:
        if self.read_only:
            self.statusBar().showMessage(self.read_only, 8000)
            return None
        svc, cid = self.services, self.case_id

        def progress_of(ctx):
            def progress(d: int, t: int, m: str) -> None:
                docs = max(t - 1, 1)  # the last step is finding every occurrence in the case
                if m and d < docs:
                    ctx.progress(d, t, self.tr("{0}\nDokument {1} af {2}").format(m, d + 1, docs))
                else:
                    ctx.progress(d, t, m)
            return progress

        def done(result) -> None:
            n = getattr(result, "new_suggestions", 0) or 0
            n = n if isinstance(n, int) else len(n)
            found = count(n, self.tr("nyt forslag"), self.tr("nye forslag"))
            if getattr(result, "cancelled", False):
                self.statusBar().showMessage(self.tr("Annulleret. {0} fra de dokumenter, der nåede at blive "
                                                     "analyseret, er gemt.").format(found), 10000)
            else:
                self.statusBar().showMessage(self.tr("{0}.").format(found), 8000)

        return run_op(self, lambda ctx: procpool.call(svc, ctx, "analyze_case", cid, progress=progress_of(ctx)),
                      success=done, progress=self.tr("Finder personoplysninger …"), cancellable=True,
                      changes=lambda r: _analysis_changes(cid, r))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self.doc_panel.dirty():
            self.doc_panel.save()
        remember_window(self, SETTINGS_KEY, {"splitter": self.splitter})
        QApplication.instance().removeEventFilter(self.keys)
        self.viewer.shutdown()
        super().closeEvent(event)


def _with_words(page: Page, loaded: Page | None) -> Page:
    """The index entry of a page with the words of ``loaded`` (the same page read with its word map)."""
    return page if loaded is None else dataclasses.replace(page, words=loaded.words)


def _analysis_changes(case_id: int, result) -> ChangeSet:
    from aktindsigt.ui.ops import changes_of

    ch = changes_of(result)
    ch.cases.add(case_id)
    ch.decisions = True
    return ch
