"""Settings: closure days (stored through services), the database location (read-only)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.services import Services
from aktindsigt.ui.common import da_date
from aktindsigt.ui.ops import ChangeSet, query, run_op

DATE_ROLE = 256


class SettingsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Indstillinger"))
        from aktindsigt.config import resolve_paths

        paths = resolve_paths()
        self.user_label = QLabel(services.user)
        self.user_label.setToolTip(self.tr("Brugernavnet kommer fra systemet (eller AKTINDSIGT_USER)."))
        # where this session's store really is (the services may have been opened on another one)
        store = getattr(services, "store", None)
        db_url = getattr(store, "url", None) or paths.db_url
        blobs = getattr(getattr(store, "blobs", None), "root", None) or paths.blobs
        self.db_edit = QLineEdit(_safe_url(db_url))
        self.db_edit.setReadOnly(True)
        self.db_edit.setAccessibleName(self.tr("Database"))
        self.blobs_edit = QLineEdit(str(blobs))
        self.blobs_edit.setReadOnly(True)
        self.log_edit = QLineEdit(str(paths.logs / "aktindsigt.log"))
        self.log_edit.setReadOnly(True)

        self.days = QListWidget()
        self.days.setObjectName("closureDays")
        self.days.setAccessibleName(self.tr("Lukkedage"))
        self.new_day = QDateEdit(QDate.currentDate())
        self.new_day.setDisplayFormat("dd.MM.yyyy")
        self.new_day.setCalendarPopup(True)
        add = QPushButton(self.tr("&Tilføj lukkedag"))
        remove = QPushButton(self.tr("&Fjern valgte"))
        add.clicked.connect(self.add_day)
        remove.clicked.connect(self.remove_day)
        self.customary = QCheckBox(self.tr("Kommunen holder også lukket grundlovsdag, juleaftensdag og "
                                           "nytårsaftensdag"))
        row = QHBoxLayout()
        row.addWidget(self.new_day)
        row.addWidget(add)
        row.addWidget(remove)

        form = QFormLayout()
        form.addRow(self.tr("Bruger:"), self.user_label)
        form.addRow(self.tr("Database:"), self.db_edit)
        form.addRow(self.tr("Filer:"), self.blobs_edit)
        form.addRow(self.tr("Logfil:"), self.log_edit)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(QLabel(self.tr("Lukkedage (tæller ikke som arbejdsdage i fristerne):")))
        lay.addWidget(self.days)
        lay.addLayout(row)
        lay.addWidget(self.customary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Gem"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annullér"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(620, 480)
        query(self, lambda: services.calendar, self._show)

    def _show(self, calendar) -> None:
        for d in sorted(calendar.closure_days):
            self._add_item(d)
        self.customary.setChecked(calendar.customary_days)

    def _add_item(self, d: date) -> None:
        if d in self.closure_days():
            return
        item = QListWidgetItem(da_date(d))
        item.setData(DATE_ROLE, d)
        self.days.addItem(item)
        self.days.sortItems()

    def closure_days(self) -> list[date]:
        return [self.days.item(i).data(DATE_ROLE) for i in range(self.days.count())]

    def add_day(self) -> None:
        q = self.new_day.date()
        self._add_item(date(q.year(), q.month(), q.day()))

    def remove_day(self) -> None:
        for item in self.days.selectedItems():
            self.days.takeItem(self.days.row(item))

    def save(self) -> None:
        days, customary = self.closure_days(), self.customary.isChecked()
        # the deadlines of every case may move: all cases are "changed"
        run_op(self, lambda ctx: self.services.set_closure_days(days, customary), success=lambda _r: self.accept(),
               changes=lambda _r: ChangeSet({-1}))


def _safe_url(url: str) -> str:
    """Never show a password that may be part of a database URL."""
    if "://" in url and "@" in url:
        scheme, rest = url.split("://", 1)
        cred, host = rest.rsplit("@", 1)
        user = cred.split(":", 1)[0]
        return f"{scheme}://{user}@{host}"
    return url
