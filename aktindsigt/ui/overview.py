"""The start window: the table of cases with deadlines (search, a filter by "mine" and by status, the caseworker
column), and the "Ny sag" dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.model import CaseStatus, Regime, RequesterIdentifiers, RequesterType
from aktindsigt.services import CaseOverview, ServiceError, Services
from aktindsigt.ui.common import LIGHT_COLOURS, count, da_date, dot_icon, ui_settings
from aktindsigt.ui.ops import ChangeSet, change_bus, query, run_op


def _lines(text: str) -> list[str]:
    return [s.strip() for s in text.replace(";", "\n").splitlines() if s.strip()]


class NewCaseDialog(QDialog):
    """Create a case. Validation is the service's: its Danish message is shown in the dialog."""

    created = Signal(object)  # Case

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Ny sag"))
        self.setObjectName("newCaseDialog")
        form = QFormLayout()
        self.title_edit = QLineEdit()
        self.requester_edit = QLineEdit()
        self.type_combo = QComboBox()
        for t in RequesterType:
            self.type_combo.addItem(t.label, t.value)
        self.regime_combo = QComboBox()
        for r in Regime:
            self.regime_combo.addItem(r.label, r.value)
        self.received_edit = QDateEdit(QDate.currentDate())
        self.received_edit.setDisplayFormat("dd.MM.yyyy")
        self.received_edit.setCalendarPopup(True)
        self.kle_edit = QLineEdit("00.01.10")
        self.kle_edit.setPlaceholderText("00.00.00")
        self.underlying_edit = QLineEdit()
        self.underlying_edit.setPlaceholderText(self.tr("fx 2026-001234; 2026-004567"))
        form.addRow(self.tr("&Titel:"), self.title_edit)
        form.addRow(self.tr("&Anmoder:"), self.requester_edit)
        form.addRow(self.tr("Anmoder&type:"), self.type_combo)
        form.addRow(self.tr("&Retsgrundlag:"), self.regime_combo)
        from aktindsigt.ui.dialogs import channel_combo

        self.channel_combo = channel_combo()
        form.addRow(self.tr("&Modtaget:"), self.received_edit)
        form.addRow(self.tr("Modtaget &via:"), self.channel_combo)
        form.addRow(self.tr("&KLE-emne:"), self.kle_edit)
        form.addRow(self.tr("&Sager der søges indsigt i:"), self.underlying_edit)

        self.own_box = QGroupBox(self.tr("Anmoderens egne oplysninger (overstreges ikke over for anmoderen)"))
        own = QFormLayout(self.own_box)
        self.cpr_edit = QLineEdit()
        self.address_edit = QPlainTextEdit()
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(48)
        self.phone_edit = QLineEdit()
        self.email_edit = QLineEdit()
        own.addRow(self.tr("CPR-&nummer:"), self.cpr_edit)
        own.addRow(self.tr("A&dresser (én pr. linje):"), self.address_edit)
        own.addRow(self.tr("&Telefon:"), self.phone_edit)
        own.addRow(self.tr("&E-mail:"), self.email_edit)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Opret sag"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annullér"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.own_box)
        lay.addWidget(self.error_label)
        lay.addWidget(buttons)
        self.regime_combo.currentIndexChanged.connect(self._regime_changed)
        self._regime_changed()

    def _regime_changed(self) -> None:
        self.own_box.setVisible(Regime(self.regime_combo.currentData()).own_data)
        self.adjustSize()

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.ok_button.setEnabled(True)

    def submit(self) -> None:
        regime = Regime(self.regime_combo.currentData())
        ids = RequesterIdentifiers()
        if regime.own_data:
            ids = RequesterIdentifiers(
                cpr=_lines(self.cpr_edit.text()), addresses=_lines(self.address_edit.toPlainText()),
                phones=_lines(self.phone_edit.text()), emails=_lines(self.email_edit.text()),
                names=[self.requester_edit.text().strip()] if self.requester_edit.text().strip() else [])
        qd = self.received_edit.date()
        args = dict(
            title=self.title_edit.text(), requester_name=self.requester_edit.text(), regime=regime,
            received=date(qd.year(), qd.month(), qd.day()),
            requester_type=self.type_combo.currentData(), kle_subject=self.kle_edit.text().strip(),
            underlying_cases=_lines(self.underlying_edit.text()), requester_identifiers=ids,
            channel=self.channel_combo.currentText().strip(),
        )
        self.ok_button.setEnabled(False)
        self.error_label.hide()

        def failed(e: BaseException) -> None:
            if isinstance(e, ServiceError):
                self.show_error(e.message)
            else:
                self.show_error(self.tr("Der opstod en uventet fejl. Detaljer er skrevet i logfilen."))

        def ok(case) -> None:
            self.created.emit(case)
            self.accept()

        run_op(self, lambda ctx: self.services.create_case(**args), success=ok, failure=failed,
               changes=lambda case: ChangeSet({case.id}))


# the overview's filter: (key, label); "mine" = the current user's cases, "open" = not yet delivered
FILTERS = (
    ("all", QT_TR_NOOP("Alle sager")),
    ("mine", QT_TR_NOOP("Mine sager")),
    ("open", QT_TR_NOOP("Ikke udleveret")),
)


class CaseOverviewWidget(QWidget):
    """Table of cases; double-click or Enter opens one. A search field (case number, title, requester,
    caseworker) and a filter (all / mine / not delivered / one status) narrow the list."""

    open_case = Signal(int)
    loaded = Signal()

    COLUMNS = (
        QT_TR_NOOP("Sagsnr."),
        QT_TR_NOOP("Titel"),
        QT_TR_NOOP("Anmoder"),
        QT_TR_NOOP("Retsgrundlag"),
        QT_TR_NOOP("Modtaget"),
        QT_TR_NOOP("Frist"),
        QT_TR_NOOP("Status"),
        QT_TR_NOOP("Sagsbehandler"),
        QT_TR_NOOP("Dok."),
        QT_TR_NOOP("Åbne"),
    )
    STATUS_COLUMN = 6
    EMPTY_TEXT = QT_TR_NOOP("Der er ingen sager endnu. Opret en med “Ny sag” (Ctrl+N).")

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.user = ""
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setPlaceholderText(self.tr("Søg i sagsnummer, titel, anmoder og sagsbehandler"))
        self.search.setAccessibleName(self.tr("Søg i sagerne"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        self.filter = QComboBox()
        self.filter.setObjectName("caseFilter")
        self.filter.setAccessibleName(self.tr("Vis sager"))
        for key, label in FILTERS:
            self.filter.addItem(QCoreApplication.translate("", label), key)
        self.filter.insertSeparator(self.filter.count())
        for st in CaseStatus:
            self.filter.addItem(self.tr("Status: {0}").format(st.label), st.value)
        saved = ui_settings().value("overview/filter", "all")
        self.filter.setCurrentIndex(max(self.filter.findData(saved), 0))
        self.filter.currentIndexChanged.connect(self.apply_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")
        self.count_label.setMinimumWidth(self.count_label.fontMetrics().horizontalAdvance("9999 af 9999 sager") + 8)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setObjectName("caseTable")
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("", c) for c in self.COLUMNS])  # QT_TR_NOOP: empty context
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        hh = self.table.horizontalHeader()
        hh.setMinimumSectionSize(40)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        hh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the title gets the room
        for col, width in ((2, 170), (3, 190), (7, 150)):  # requester, regime, caseworker: elided, full in tooltip
            hh.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, width)
        for col, tip in ((8, self.tr("Dokumenter i sagen")), (9, self.tr("Åbne forslag til overstregning"))):
            self.table.horizontalHeaderItem(col).setToolTip(tip)
        self.table.doubleClicked.connect(lambda idx: self._open_row(idx.row()))
        self.table.installEventFilter(self)
        self.empty_label = QLabel(QCoreApplication.translate("", self.EMPTY_TEXT))
        self.empty_label.setObjectName("emptyCases")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 6, 6, 0)
        bar.addWidget(self.search, 3)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count_label)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.table)
        lay.addWidget(self.empty_label)
        self.overviews: list[CaseOverview] = []
        change_bus().changed.connect(self._on_changed)
        self.refresh()
        from aktindsigt.ui.team_desk import attach_review_queue

        attach_review_queue(self)  # the team lead's queue of cases "Til godkendelse", above the table

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt API
        if (obj is self.table and event.type() == event.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.currentRow() >= 0):
            self._open_row(self.table.currentRow())
            return True
        return super().eventFilter(obj, event)

    def _on_changed(self, ch: ChangeSet) -> None:
        if ch.cases or ch.documents or ch.suggestions:
            self.refresh()

    def refresh(self) -> None:
        svc = self.services
        query(self, lambda: (svc.list_cases(), svc.user), self._show)

    def remember(self) -> None:
        ui_settings().setValue("overview/filter", self.filter.currentData())

    def _show(self, result) -> None:
        overviews, self.user = result if isinstance(result, tuple) else (result, self.user)
        current = self.current_case_id()
        self.overviews = overviews
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(overviews))
        for row, ov in enumerate(overviews):
            c, dl = ov.case, ov.deadlines
            frist = dl.short  # by the rule of the case's regime (core/deadlines.py)
            values = [c.case_number, c.title, c.requester_name, c.regime.label, da_date(c.received), frist,
                      c.status.label, c.caseworker, ov.documents, ov.open_suggestions]
            for col, v in enumerate(values):
                item = QTableWidgetItem()
                if isinstance(v, int):
                    item.setData(Qt.ItemDataRole.DisplayRole, v)
                else:
                    item.setText(str(v))
                    if col in (1, 2, 3, 7):
                        item.setToolTip(str(v))
                if col == 4:
                    item.setData(Qt.ItemDataRole.UserRole + 1, c.received.isoformat())
                if col == 5:
                    item.setIcon(dot_icon(LIGHT_COLOURS[dl.light]))
                    item.setToolTip(f"{dl.label}. " + " ".join(dl.lines()))  # the rule of the case's regime
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, dl.label)
                if col == 8 and ov.failed_documents:
                    item.setToolTip(self.tr("{0} kunne ikke importeres").format(
                        count(ov.failed_documents, self.tr("dokument"), self.tr("dokumenter"))))
                if col == 6:
                    item.setData(Qt.ItemDataRole.UserRole + 1, c.status.value)
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                self.table.setItem(row, col, item)
        self.table.setSortingEnabled(True)
        self.empty_label.setVisible(not overviews)
        self.apply_filter()
        if current is not None:
            self.select_case(current)
        elif overviews and self.table.currentRow() < 0:
            self.select_first_visible()
        self.loaded.emit()

    def _row_case(self, row: int):
        cid = self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
        return next((ov for ov in self.overviews if ov.case.id == cid), None)

    def apply_filter(self) -> None:
        """Hide the rows the search text and the filter leave out."""
        words = self.search.text().casefold().split()
        key = self.filter.currentData()
        shown = 0
        for row in range(self.table.rowCount()):
            ov = self._row_case(row)
            if ov is None:
                continue
            c = ov.case
            hay = " ".join((c.case_number, c.title, c.requester_name, c.caseworker)).casefold()
            ok = all(w in hay for w in words)
            if key == "mine":
                ok = ok and c.caseworker == self.user
            elif key == "open":
                ok = ok and c.status not in (CaseStatus.SENT, CaseStatus.CLOSED)
            elif key not in (None, "all"):
                ok = ok and c.status.value == key
            self.table.setRowHidden(row, not ok)
            shown += ok
        total = self.table.rowCount()
        self.count_label.setText(self.tr("{0} af {1}").format(shown, count(total, self.tr("sag"), self.tr("sager")))
                                 if shown != total else count(total, self.tr("sag"), self.tr("sager")))
        if self.table.currentRow() >= 0 and self.table.isRowHidden(self.table.currentRow()):
            self.select_first_visible()

    def select_first_visible(self) -> None:
        for row in range(self.table.rowCount()):
            if not self.table.isRowHidden(row):
                self.table.selectRow(row)
                return
        self.table.clearSelection()
        self.table.setCurrentCell(-1, -1)

    def visible_case_ids(self) -> list[int]:
        return [self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(self.table.rowCount())
                if not self.table.isRowHidden(r)]

    def select_case(self, case_id: int) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == case_id:
                self.table.selectRow(row)
                return

    def current_case_id(self) -> int | None:
        row = self.table.currentRow()
        if row < 0 or self.table.item(row, 0) is None:
            return None
        return self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)

    def _open_row(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is not None:
            self.open_case.emit(item.data(Qt.ItemDataRole.UserRole))


NEW_CASE_SHORTCUT = QKeySequence.StandardKey.New
