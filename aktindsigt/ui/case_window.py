"""The case window: document list · viewer · suggestions panel, import, review and manual redaction,
and the team lead's review (a status banner and the "Godkendelse" menu)."""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStyle,
    QTabWidget,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.model import CaseStatus, Document, DocumentStatus, Page, Rect, Suggestion
from aktindsigt.services import CaseDetail, ImportSummary, Operation, ReviewState, ServiceError, Services
from aktindsigt.ui import dialogs, procpool
from aktindsigt.ui.common import LIGHT_COLOURS, cached_grounds, da_date, dot_icon, ground_label, load_grounds
from aktindsigt.ui.ops import ChangeSet, OpHandle, change_bus, query, run_op
from aktindsigt.ui.search_dialog import SearchDialog, open_search
from aktindsigt.ui.suggestions import SuggestionsPanel
from aktindsigt.ui.viewer import EAGER_PAGES, DocumentViewer, ZoomCombo, annotate

FIRST_PAGES = 3  # pages of a long document whose words come with the first load

log = logging.getLogger(__name__)

DOC_ROLE = Qt.ItemDataRole.UserRole

# banner colours (background, border) by where the case is in the review
BANNER_NEUTRAL = ("#f6f8fa", "#d0d7de")
BANNER_REVIEW = ("#ddf4ff", "#0969da")
BANNER_APPROVED = ("#dafbe1", "#1a7f37")
BANNER_ATTENTION = ("#fff8c5", "#9a6700")


class DocumentList(QTreeWidget):
    COLUMNS = (
        QT_TR_NOOP("Akt"),
        QT_TR_NOOP("Titel"),
        QT_TR_NOOP("Dato"),
        QT_TR_NOOP("Sider"),
        QT_TR_NOOP("Status"),
        QT_TR_NOOP("Afgørelse"),
        QT_TR_NOOP("Åbne forslag"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("documentList")
        self.setAccessibleName(self.tr("Sagens dokumenter"))
        self.setColumnCount(len(self.COLUMNS))
        self.setHeaderLabels([QCoreApplication.translate("", c) for c in self.COLUMNS])  # QT_TR_NOOP: empty context
        self.setRootIsDecorated(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.header().setStretchLastSection(False)

    def show_documents(self, docs: list[Document], pending: Counter) -> None:
        cur = self.current_document()
        self.blockSignals(True)
        self.clear()
        ok_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        bad_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        target = None
        for d in docs:
            title = ("    ↳ " if d.parent_id else "") + d.title
            item = QTreeWidgetItem([str(d.akt_nr), title, da_date(d.doc_date), str(d.page_count),
                                    d.status.label, d.access.label if d.access else "",
                                    str(pending.get(d.id, 0)) if d.status is DocumentStatus.READY else ""])
            item.setIcon(4, ok_icon if d.status is DocumentStatus.READY else bad_icon)
            item.setToolTip(1, f"{d.title} ({d.source_name})")
            if d.status is DocumentStatus.FAILED:
                item.setToolTip(4, d.failure_reason)
                item.setToolTip(1, d.failure_reason)
            elif d.access is not None:
                grounds = ", ".join(ground_label(g) for g in d.access_grounds)
                item.setToolTip(5, f"{d.access.label} {grounds}".strip())
            item.setData(0, DOC_ROLE, d)
            self.addTopLevelItem(item)
            if cur is not None and d.id == cur.id:
                target = item
        self.blockSignals(False)
        if target is not None:
            self.blockSignals(True)
            self.setCurrentItem(target)
            self.blockSignals(False)

    def current_document(self) -> Document | None:
        item = self.currentItem()
        return item.data(0, DOC_ROLE) if item is not None else None

    def select_document(self, document_id: int) -> bool:
        for i in range(self.topLevelItemCount()):
            item = self.topLevelItem(i)
            if item.data(0, DOC_ROLE).id == document_id:
                self.setCurrentItem(item)
                return True
        return False


class CaseWindow(QMainWindow):
    """One case. Every service call runs through ``ui.ops``; views refresh on the ChangeBus."""

    documents_loaded = Signal()
    document_loaded = Signal(int)  # pages, text and overlays of this document are shown

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
        self._pending_select: int | None = None
        self.setObjectName("caseWindow")
        self.setWindowTitle(self.tr("Sag"))
        self.setAcceptDrops(True)

        self.docs = DocumentList()
        self.viewer = DocumentViewer()
        self.viewer.word_loader = self._load_words
        # the documents are read (and the first one's PDF opened by the renderer) while the widgets are built
        self.refresh_documents(preopen=True)
        self.panel = SuggestionsPanel(services, case_id, self.perform)
        left = QTabWidget()
        left.addTab(self.docs, self.tr("Dokumenter"))
        left.addTab(self.viewer.thumbs, self.tr("Sider"))
        self.left_tabs = left
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.viewer)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 5)
        split.setStretchFactor(2, 3)
        split.setSizes([480, 680, 540])
        self.review_banner = QLabel()
        self.review_banner.setObjectName("reviewBanner")
        self.review_banner.setWordWrap(True)
        self.review_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.review_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review_banner.setAccessibleName(self.tr("Sagens status og godkendelse"))
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.review_banner)
        box.addWidget(split, 1)
        self.setCentralWidget(central)
        self.case_label = QLabel()
        self.statusBar().addPermanentWidget(self.case_label)

        self._build_actions()
        self.docs.currentItemChanged.connect(lambda cur, _prev: self._document_chosen())
        self.panel.suggestion_selected.connect(self._panel_selected)
        self.panel.jump_requested.connect(self.jump_to)
        self.panel.group_selected.connect(
            lambda suggs: self.viewer.highlight_group({s.id for s in suggs if s.document_id == self.viewer.document_id}))
        self.viewer.suggestion_clicked.connect(self._viewer_clicked)
        self.viewer.selection_changed.connect(self._selection_changed)
        self.viewer.area_drawn.connect(self.redact_area)
        self.viewer.page_context_requested.connect(self._page_menu)
        self.viewer.zoom_changed.connect(lambda text: self.zoom_combo.setEditText(text))
        change_bus().changed.connect(self._on_changed)
        self.resize(1700, 960)
        self.refresh_review()
        self.panel.refresh()
        from aktindsigt.ui.team_desk import attach_to_case_window

        attach_to_case_window(self)  # the Team menu: comments, audit trail, changes since a return, presence

    # --- actions and menus -------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut: str | QKeySequence.StandardKey | None = None,
                tip: str = "") -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            a.setToolTip(tip)
            a.setStatusTip(tip)
        a.triggered.connect(lambda *_: slot())
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        has_grounds = bool(cached_grounds())
        self.import_files_action = self._action(self.tr("Importér &filer …"), self.ask_import_files, "Ctrl+I")
        self.import_folder_action = self._action(self.tr("Importér &mappe …"), self.ask_import_folder,
                                                 "Ctrl+Shift+I")
        self.analyze_action = None
        if hasattr(self.services, "analyze_case"):
            self.analyze_action = self._action(self.tr("&Find personoplysninger"), self.analyze, "Ctrl+Shift+A",
                                               self.tr("Kør genkendelsen på sagens dokumenter"))
        self.undo_action = self._action(self.tr("&Fortryd"), self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(self.tr("&Gentag"), self.redo, "Ctrl+Shift+Z")
        self.redact_selection_action = self._action(
            self.tr("&Overstreg markering …"), self.redact_selection, "Ctrl+R",
            self.tr("Overstreg den markerede tekst (træk med musen i dokumentet)"))
        self.area_action = self._action(self.tr("Overstreg &område"), lambda: None, "Ctrl+Shift+R",
                                        self.tr("Træk et rektangel på siden (underskrift, billede, stempel)"))
        self.area_action.setCheckable(True)
        self.area_action.toggled.connect(self._area_mode)
        self.everywhere_action = self._action(self.tr("Overstreg &alle forekomster …"), self.redact_everywhere,
                                              "Ctrl+Shift+E")
        self.access_action = self._action(self.tr("&Afgørelse for dokumentet …"), self.set_access, "Ctrl+Shift+D")
        self.withhold_page_action = self._action(self.tr("&Undtag aktuel side …"),
                                                 lambda: self.withhold_page(self.viewer.current_page()))
        self.find_action = self._action(self.tr("&Søg i sagen …"), lambda: open_search(self),
                                        QKeySequence.StandardKey.Find)
        self.find_in_document_action = self._action(self.tr("Søg i &dokumentet"), self.viewer.search_bar.start,
                                                    "Ctrl+Shift+F")
        zoom_in = self._action(self.tr("Zoom &ind"), lambda: self.viewer.zoom_by(1.25), QKeySequence.StandardKey.ZoomIn)
        zoom_out = self._action(self.tr("Zoom &ud"), lambda: self.viewer.zoom_by(0.8), QKeySequence.StandardKey.ZoomOut)
        fit_w = self._action(self.tr("Tilpas &bredde"), lambda: self.viewer.set_zoom("width"), "Ctrl+0")
        fit_p = self._action(self.tr("&Hele siden"), lambda: self.viewer.set_zoom("page"), "Ctrl+9")
        focus_docs = self._action(self.tr("Gå til dokumentlisten"), lambda: self._focus(self.docs), "Alt+1")
        focus_view = self._action(self.tr("Gå til dokumentet"), lambda: self._focus(self.viewer.canvas), "Alt+2")
        focus_panel = self._action(self.tr("Gå til forslagene"), lambda: self._focus(self.panel.tree), "Alt+3")
        close = self._action(self.tr("&Luk sagen"), self.close, QKeySequence.StandardKey.Close)
        self.submit_action = self._action(self.tr("Send til &godkendelse …"), self.submit_for_review,
                                          tip=self.tr("Send sagen til teamlederens godkendelse"))
        self.approve_action = self._action(self.tr("Go&dkend …"), self.approve,
                                           tip=self.tr("Godkend sagen, som den er nu (teamleder)"))
        self.return_action = self._action(self.tr("&Returnér …"), self.return_case,
                                          tip=self.tr("Send sagen tilbage til sagsbehandleren med en kommentar "
                                                      "(teamleder)"))
        self.reopen_action = self._action(self.tr("Genoptag &behandlingen"), self.reopen,
                                          tip=self.tr("Arbejd videre på sagen; en godkendelse bortfalder"))
        self.review_actions = (self.submit_action, self.approve_action, self.return_action, self.reopen_action)
        for a in self.review_actions:
            a.setEnabled(False)  # until the review state is loaded
        self.ground_actions = (self.redact_selection_action, self.everywhere_action, self.withhold_page_action,
                               self.area_action)
        self._apply_grounds()
        if not has_grounds:
            query(self, lambda: load_grounds(self.services), lambda _g: self._apply_grounds())
        self._update_undo()

        m = self.menuBar().addMenu(self.tr("&Sag"))
        m.addActions([self.import_files_action, self.import_folder_action])
        if self.analyze_action:
            m.addAction(self.analyze_action)
        m.addSeparator()
        m.addAction(close)
        m = self.menuBar().addMenu(self.tr("&Rediger"))
        m.addActions([self.undo_action, self.redo_action])
        m.addSeparator()
        m.addActions([self.redact_selection_action, self.area_action, self.everywhere_action])
        m = self.menuBar().addMenu(self.tr("&Dokument"))
        m.addAction(self.access_action)
        m.addAction(self.withhold_page_action)
        m.addSeparator()
        m.addAction(self.find_action)
        m.addAction(self.find_in_document_action)
        from aktindsigt.ui.outputs import OutputActions

        self.outputs = OutputActions(self, self.services, self.case_id)
        self.outputs.add_menu()
        m = self.menuBar().addMenu(self.tr("&Godkendelse"))
        m.addActions(list(self.review_actions))
        m = self.menuBar().addMenu(self.tr("&Vis"))
        m.addActions([zoom_in, zoom_out, fit_w, fit_p])
        m.addSeparator()
        m.addActions([focus_docs, focus_view, focus_panel])

        tb = QToolBar(self.tr("Værktøjslinje"))
        tb.setObjectName("caseToolbar")
        tb.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tb.addActions([self.import_files_action, self.import_folder_action])
        if self.analyze_action:
            tb.addAction(self.analyze_action)
        tb.addSeparator()
        tb.addActions([self.undo_action, self.redo_action])
        tb.addSeparator()
        tb.addActions([self.redact_selection_action, self.area_action, self.everywhere_action])
        tb.addAction(self.access_action)
        tb.addSeparator()
        tb.addActions([self.submit_action, self.approve_action, self.return_action])
        tb.addSeparator()
        self.zoom_combo = ZoomCombo(self.viewer)
        self.zoom_combo.setEditable(True)
        self.zoom_combo.lineEdit().returnPressed.connect(self._zoom_typed)
        tb.addWidget(self.zoom_combo)
        tb.addAction(self.find_action)
        self.addToolBar(tb)

    def _apply_grounds(self) -> None:
        """Actions that need the legal-ground catalogue are only offered when it could be loaded."""
        has = bool(cached_grounds())
        for a in self.ground_actions:
            a.setVisible(has)
            a.setEnabled(has)
        self.redact_selection_action.setEnabled(has and self.selection is not None)
        self.panel.update_ground_action()

    def _focus(self, w: QWidget) -> None:
        if w is self.docs:
            self.left_tabs.setCurrentWidget(self.docs)
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

    # --- running operations ----------------------------------------------------------------------

    def perform(self, fn) -> OpHandle:
        """Run a review action in the background; an ``Operation`` result goes on the undo stack."""
        def done(result) -> None:
            if isinstance(result, Operation) and not result.empty:
                self.undo_stack.append(result)
                self.redo_stack.clear()
                self.statusBar().showMessage(result.description, 4000)
            self._update_undo()

        return run_op(self, lambda ctx: fn(), success=done)

    def undo(self) -> OpHandle | None:
        if not self.undo_stack:
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
        if not self.redo_stack:
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
        self.undo_action.setEnabled(bool(self.undo_stack))
        self.redo_action.setEnabled(bool(self.redo_stack))
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
            return detail, Counter(svc.pending_by_document(cid))

        return query(self, load, self._show_documents)

    def _show_documents(self, result) -> None:
        detail, pending = result
        self.detail = detail
        c, dl = detail.case, detail.deadlines
        self.setWindowTitle(self.tr("{0} · {1} — Aktindsigt").format(c.case_number, c.title))
        self.case_label.setText(self.tr("{0} · {1} · modtaget {2} · {3}").format(
            c.requester_name, c.regime.label, da_date(c.received), dl.light.label))
        self.statusBar().setToolTip(self.tr("Fristbrev senest {0}; § 39 fra {1}.").format(
            da_date(dl.fristbrev_due), da_date(dl.complaint_possible)))
        self.setWindowIcon(dot_icon(LIGHT_COLOURS[dl.light], 32))
        had = self.docs.current_document()
        self.docs.show_documents(detail.documents, pending)
        self.panel.set_documents(detail.documents)
        if had is None and detail.documents and self.docs.currentItem() is None:
            self.docs.setCurrentItem(self.docs.topLevelItem(0))
        self.documents_loaded.emit()

    def current_document(self) -> Document | None:
        return self.docs.current_document()

    def _document_chosen(self) -> None:
        doc = self.current_document()
        if doc is None or doc.id == self.viewer.document_id:
            return
        self.selection = None
        self.redact_selection_action.setEnabled(False)
        if doc.status is not DocumentStatus.READY:
            self.viewer.open_document(doc.id, None, self.tr("“{0}” kunne ikke importeres: {1}").format(
                doc.source_name, doc.failure_reason))
            return
        self.viewer.open_document(doc.id, self.services.rendition_path(doc))
        self.load_document_data(doc.id, pages=True)

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

    def _on_changed(self, ch: ChangeSet) -> None:
        if self.case_id not in ch.cases:
            if ch.user:  # another name or role: other review actions
                self.refresh_review()
            return
        self.refresh_documents()
        self.refresh_review()
        self.panel.refresh()
        doc_id = self.viewer.document_id
        if doc_id is not None and (doc_id in ch.documents or ch.suggestions or ch.decisions):
            self.load_document_data(doc_id, pages=ch.pages and doc_id in ch.documents)

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
        text = state.summary()
        if text == state.status.label:
            text = self.tr("Status: {0}").format(text)
        if state.status is CaseStatus.IN_REVIEW:
            bg, border = BANNER_REVIEW
        elif state.status is CaseStatus.APPROVED:
            bg, border = BANNER_APPROVED
        elif state.status is CaseStatus.RETURNED or state.return_comment_open or state.lapsed:
            bg, border = BANNER_ATTENTION
        else:
            bg, border = BANNER_NEUTRAL
        self.review_banner.setText(text)
        self.review_banner.setStyleSheet(
            f"QLabel#reviewBanner {{ background: {bg}; border-bottom: 2px solid {border}; padding: 6px 10px; }}")
        if before is not None and before.status is not state.status:
            self.statusBar().showMessage(text, 8000)

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
                    self.tr("Tjeklisten har {0} punkt(er). Du kan sende sagen alligevel med en bemærkning til "
                            "teamlederen om punkterne:").format(len(problems)),
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
                    self.tr("Tjeklisten har {0} punkt(er). Skriv begrundelsen for at godkende sagen alligevel; den "
                            "gemmes i loggen og i eksportpakken:").format(len(problems)),
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

    def reopen(self) -> OpHandle:
        svc, cid = self.services, self.case_id
        return run_op(self, lambda ctx: svc.reopen_case(cid), success=self._show_review)

    # --- review interplay --------------------------------------------------------------------------

    def _panel_selected(self, s: Suggestion) -> None:
        if s.document_id == self.viewer.document_id:
            self.viewer.select_suggestion(s.id)

    def jump_to(self, s: Suggestion) -> None:
        if s.document_id == self.viewer.document_id:
            self.viewer.select_suggestion(s.id)
        else:
            self._pending_select = s.id
            self.docs.select_document(s.document_id)
        self.viewer.canvas.setFocus()

    def _viewer_clicked(self, suggestion_id: int) -> None:
        self.viewer.select_suggestion(suggestion_id, scroll=False)
        self.panel.select_suggestion(suggestion_id)

    def _selection_changed(self, start: int, end: int, text: str) -> None:
        self.selection = (start, end, text) if end > start else None
        self.redact_selection_action.setEnabled(self.selection is not None and bool(cached_grounds()))
        if self.selection:
            self.statusBar().showMessage(self.tr("Markeret: “{0}” — Ctrl+R overstreger").format(
                " ".join(text.split())[:80]))
        else:
            self.statusBar().clearMessage()

    # --- manual redaction ---------------------------------------------------------------------------

    def redact_selection(self) -> OpHandle | None:
        doc_id = self.viewer.document_id
        if self.selection is None or doc_id is None:
            return None
        start, end, text = self.selection
        ground = dialogs.choose_ground(self, self.tr("Overstreg markering"), None,
                                       self.tr("Overstreg “{0}”").format(" ".join(text.split())[:200]))
        if ground is None:
            return None
        self.viewer.canvas.set_selection(None)
        return self.perform(lambda: self.services.redact_text(doc_id, start, end, ground))

    def redact_area(self, page: int, rect: Rect) -> OpHandle | None:
        doc_id = self.viewer.document_id
        if doc_id is None:
            return None
        ground = dialogs.choose_ground(self, self.tr("Overstreg område"), None,
                                       self.tr("Overstreg det markerede område på side {0}").format(page))
        if ground is None:
            return None
        return self.perform(lambda: self.services.redact_area(doc_id, page, rect, ground))

    def redact_everywhere(self) -> SearchDialog:
        return open_search(self, " ".join(self.selection[2].split()) if self.selection else "")

    def set_access(self) -> OpHandle | None:
        doc = self.current_document()
        if doc is None:
            return None
        answer = dialogs.ask_access(self, self.tr("Akt {0}: {1}").format(doc.akt_nr, doc.title), doc.access,
                                    doc.access_grounds, doc.access_reason)
        if answer is None:
            return None
        access, grounds, reason = answer
        return self.perform(lambda: self.services.decide_document(doc.id, access, grounds, reason))

    def withhold_page(self, page: int, release: bool = False) -> OpHandle | None:
        doc_id = self.viewer.document_id
        if doc_id is None or page < 1:
            return None
        ground = None
        if not release:
            ground = dialogs.choose_ground(self, self.tr("Undtag side"), None,
                                           self.tr("Side {0} erstattes af en side, der nævner hjemlen.").format(page))
            if ground is None:
                return None
        return self.perform(lambda: self.services.withhold_page(doc_id, page, ground))

    def _page_menu(self, page: int, pos: QPoint) -> None:
        menu = QMenu(self)
        if cached_grounds():
            if self.selection:
                menu.addAction(self.redact_selection_action)
            menu.addAction(self.everywhere_action)
            info = self.viewer.canvas.pages[page - 1] if page <= len(self.viewer.canvas.pages) else None
            if info is not None and info.withheld:
                menu.addAction(self.tr("Frigiv side {0}").format(page), lambda: self.withhold_page(page, True))
            else:
                menu.addAction(self.tr("Undtag side {0} …").format(page), lambda: self.withhold_page(page))
        menu.addAction(self.access_action)
        menu.exec(pos)

    # --- import --------------------------------------------------------------------------------------

    def ask_import_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Vælg filer til sagen"))
        if files:
            self.import_paths([Path(f) for f in files])

    def ask_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Vælg en mappe til sagen"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> OpHandle:
        svc, cid = self.services, self.case_id
        def work(ctx):
            def progress(d: int, t: int, m: str) -> None:
                ctx.progress(d, t, self.tr("Importerer {0} ({1} af {2})").format(m, d + 1, t) if m else "")

            return procpool.call(svc, ctx, "import_paths", cid, paths, progress=progress)

        return run_op(self, work, success=self._imported, progress=self.tr("Importerer …"), cancellable=True)

    def _imported(self, summary: ImportSummary) -> None:
        self.last_import = summary
        self.statusBar().showMessage(self.tr("{0} dokumenter importeret, {1} fejlede.").format(
            len(summary.imported), len(summary.failed)), 8000)
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

    def analyze(self) -> OpHandle:
        svc, cid = self.services, self.case_id

        def done(result) -> None:
            n = getattr(result, "new_suggestions", 0) or 0
            n = n if isinstance(n, int) else len(n)
            self.statusBar().showMessage(self.tr("{0} nye forslag.").format(n), 8000)

        return run_op(self, lambda ctx: procpool.call(svc, ctx, "analyze_case", cid, progress=ctx.progress),
                      success=done, progress=self.tr("Finder personoplysninger …"), cancellable=True,
                      changes=lambda r: _analysis_changes(cid, r))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
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
