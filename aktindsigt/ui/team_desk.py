"""The team lead's desk in the app: the review queue in the overview, the "changes since you returned it"
dialog, and the case window's *Team* menu (comments, audit trail, changes since the return, who else is
working in the case). Hooks: ``attach_review_queue(overview)`` and ``attach_to_case_window(window)``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.danish import count
from aktindsigt.ui.common import LIGHT_COLOURS, da_date, dot_icon
from aktindsigt.ui.ops import ChangeSet, change_bus, query

PRESENCE_HEARTBEAT_MS = 30_000
PRESENCE_POLL_MS = 10_000


def tr(text: str) -> str:
    return QCoreApplication.translate("TeamDesk", text)


def _when(at) -> str:
    if at is None:
        return ""
    local = at.astimezone()
    return f"{da_date(local.date())} kl. {local:%H.%M}"


class ReviewQueueWidget(QGroupBox):
    """*Til godkendelse*: the cases waiting for a team lead, oldest first, with their deadline light."""

    COLUMNS = ("Sendt", "Sagsnr.", "Titel", "Sagsbehandler", "Frist", "Bemærkning")

    def __init__(self, services, open_case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.open_case = open_case
        self.setObjectName("reviewQueue")
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("reviewQueueTable")
        self.table.setHorizontalHeaderLabels([tr(c) for c in self.COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        hh.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda idx: self._open(idx.row()))
        self.table.setAccessibleName(tr("Sager til godkendelse"))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 6, 6, 6)
        lay.addWidget(self.table)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.setStyleSheet("QGroupBox#reviewQueue { font-weight: bold; }")
        self.table.setStyleSheet("font-weight: normal;")
        self.entries: list = []
        change_bus().changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, ch: ChangeSet) -> None:
        if ch.cases or ch.user:
            self.refresh()

    def refresh(self) -> None:
        def show(result) -> None:
            lead, entries = result
            self.entries = entries
            self.setVisible(lead or bool(entries))
            self.setTitle(tr("Til godkendelse ({0})").format(len(entries)) if entries
                          else tr("Til godkendelse: ingen sager venter"))
            self.table.setRowCount(len(entries))
            for row, e in enumerate(entries):
                dl = e.overview.deadlines
                note = e.submit_comment
                if e.returned_before:
                    note = tr("Kommer tilbage efter returnering. ") + note
                if e.open_points:
                    note += " " + count(e.open_points, tr("åbent punkt på tjeklisten"), tr("åbne punkter på tjeklisten"))
                values = [_when(e.submitted_at), e.case.case_number, e.case.title, e.submitted_by or e.case.caseworker,
                          dl.light.label, note.strip()]
                for col, v in enumerate(values):
                    item = QTableWidgetItem(str(v))
                    item.setData(Qt.ItemDataRole.UserRole, e.case.id)
                    if col == 4:
                        item.setIcon(dot_icon(LIGHT_COLOURS[dl.light]))
                        item.setToolTip(tr("Fristbrev senest {0}; § 39 fra {1}.").format(
                            da_date(dl.fristbrev_due), da_date(dl.complaint_possible)))
                    self.table.setItem(row, col, item)
            self.table.resizeRowsToContents()
            rows = sum(self.table.rowHeight(r) for r in range(min(len(entries), 6))) or 30
            self.table.setFixedHeight(self.table.horizontalHeader().height() + rows + 6)

        svc = self.services
        query(self, lambda: (svc.user_profile().team_lead, svc.review_queue()), show)

    def _open(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.open_case(item.data(Qt.ItemDataRole.UserRole))


def attach_review_queue(overview) -> ReviewQueueWidget:
    """Put the review queue above the overview's table of cases (hook called by the overview)."""
    queue = ReviewQueueWidget(overview.services, overview.open_case.emit, overview)
    overview.layout().insertWidget(0, queue)
    overview.review_queue = queue
    return queue


class ChangesDialog(QDialog):
    """What the caseworker changed after the team lead returned the case."""

    def __init__(self, parent: QWidget | None, changes) -> None:
        super().__init__(parent)
        self.setObjectName("changesDialog")
        self.setWindowTitle(tr("Ændringer siden returneringen"))
        lay = QVBoxLayout(self)
        if changes.returned_at is None:
            head = tr("Sagen er ikke blevet returneret.")
        else:
            head = tr("Returneret af {0} {1}: {2}").format(changes.returned_by, _when(changes.returned_at),
                                                           changes.return_comment)
        label = QLabel(head)
        label.setWordWrap(True)
        lay.addWidget(label)
        self.table = QTableWidget(len(changes.lines), 4)
        self.table.setObjectName("changesTable")
        self.table.setHorizontalHeaderLabels([tr("Tidspunkt"), tr("Bruger"), tr("Ændring"), tr("Detaljer")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for row, ln in enumerate(changes.lines):
            for col, v in enumerate((_when(ln.at), ln.who, f"{ln.subject}: {ln.label}".strip(": "), ln.details)):
                self.table.setItem(row, col, QTableWidgetItem(v))
        self.table.resizeColumnsToContents()
        lay.addWidget(self.table)
        if changes.returned_at is not None and not changes.lines:
            lay.addWidget(QLabel(tr("Der er ikke ændret noget siden returneringen.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Luk"))
        buttons.rejected.connect(self.accept)
        lay.addWidget(buttons)
        self.resize(900, 420)


def attach_to_case_window(window) -> None:
    """The *Team* menu, the comments panel, the presence label and the live refresh of a case window."""
    from PySide6.QtGui import QAction

    from aktindsigt.ui.audit_table import AuditDialog
    from aktindsigt.ui.comments import CommentsDock
    from aktindsigt.ui.esdh import choose_and_verify_bundle, edit_esdh_ref

    window.comments_dock = CommentsDock(window)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, window.comments_dock)
    window.comments_dock.hide()  # until the comments are loaded: shown when there are open ones
    window.resizeDocks([window.comments_dock], [170], Qt.Orientation.Vertical)
    from aktindsigt.ui.help import insert_before_help

    menu = insert_before_help(window, tr("&Team"))  # Hjælp stays the last menu
    toggle = window.comments_dock.toggleViewAction()
    toggle.setText(tr("&Kommentarer"))
    toggle.setShortcut("Ctrl+Shift+K")
    menu.addAction(toggle)
    comment_action = QAction(tr("&Ny kommentar …"), window)
    comment_action.setShortcut("Ctrl+K")
    comment_action.triggered.connect(lambda: window.comments_dock.panel.ask_new())
    window.addAction(comment_action)
    menu.addAction(comment_action)
    menu.addSeparator()
    changes_action = QAction(tr("Ændringer siden &returneringen …"), window)
    changes_action.triggered.connect(lambda: show_changes(window))
    menu.addAction(changes_action)
    audit_action = QAction(tr("&Revisionslog …"), window)
    audit_action.setShortcut("Ctrl+Shift+L")
    audit_action.triggered.connect(lambda: AuditDialog.show_for(window, window.services, window.case_id))
    window.addAction(audit_action)
    menu.addAction(audit_action)
    menu.addSeparator()
    esdh_action = QAction(tr("Sagens &ESDH-reference …"), window)
    esdh_action.setToolTip(tr("Aktindsigtssagens nummer i GetOrganized eller SBSYS: eksportpakken får filer, der kan "
                              "sendes direkte"))
    esdh_action.triggered.connect(lambda: edit_esdh_ref(window))
    menu.addAction(esdh_action)
    window.esdh_ref_action = esdh_action
    verify_action = QAction(tr("&Kontrollér en eksportpakke …"), window)
    verify_action.setToolTip(tr("Hver fil mod SHA256SUMS, manifestet og eksporten, og lækagekontrollen igen"))
    verify_action.triggered.connect(lambda: choose_and_verify_bundle(window))
    menu.addAction(verify_action)
    window.team_menu = menu
    window.presence_label = QLabel()
    window.presence_label.setObjectName("presenceLabel")
    window.presence_label.setStyleSheet("color: #8a4b00; font-weight: bold;")
    window.statusBar().addPermanentWidget(window.presence_label)
    window.docs.currentItemChanged.connect(lambda *_: window.comments_dock.panel.follow(window))
    _start_presence(window)


def show_changes(window) -> None:
    def show(changes) -> None:
        dlg = ChangesDialog(window, changes)
        window.changes_dialog = dlg
        dlg.open()

    query(window, lambda: window.services.changes_since_return(window.case_id), show)


def _start_presence(window) -> None:
    """Tell the others this case is open here (a heartbeat), and show who else has it open."""
    svc, case_id = window.services, window.case_id

    def beat() -> None:
        query(window, lambda: svc.enter_case(case_id), lambda _r: None)

    def poll() -> None:
        query(window, lambda: svc.others_in_case(case_id), lambda names: show_presence(window, names))

    heartbeat = QTimer(window)
    heartbeat.timeout.connect(beat)
    heartbeat.start(PRESENCE_HEARTBEAT_MS)
    poller = QTimer(window)
    poller.timeout.connect(poll)
    poller.start(PRESENCE_POLL_MS)
    window.presence_timers = (heartbeat, poller)
    beat()
    poll()

    def on_changed(ch: ChangeSet) -> None:
        if getattr(ch, "remote", None) and ch.touches_case(case_id):
            poll()

    change_bus().changed.connect(on_changed)
    window.destroyed.connect(lambda *_: query(None, svc.leave_case, lambda _r: None))


def show_presence(window, names: list[str]) -> None:
    label = getattr(window, "presence_label", None)
    if label is None:
        return
    if not names:
        label.setText("")
        label.setToolTip("")
        return
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + tr(" og ") + names[-1]
    label.setText(tr("{0} arbejder også i sagen").format(who))
    label.setToolTip(tr("Deres ændringer vises her, efterhånden som de gemmes."))
