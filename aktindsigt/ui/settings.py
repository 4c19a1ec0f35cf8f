"""Settings: the user's name, initials and role and the closure days (stored through services), the database
location (read-only); the first-run dialog that asks who works here."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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

from aktindsigt.core.model import UserRole
from aktindsigt.services import Services, UserProfile
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
        self.profile: UserProfile | None = None
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("userName")
        self.name_edit.setAccessibleName(self.tr("Dit navn"))
        self.name_edit.setToolTip(self.tr("Navnet står i loggen og på de sager, du behandler. Tomt: systemets "
                                          "brugernavn."))
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("userRole")
        self.role_combo.setAccessibleName(self.tr("Din rolle"))
        for role in UserRole:
            self.role_combo.addItem(role.label, role.value)
        self.role_combo.setToolTip(self.tr("Kun en teamleder kan godkende og returnere sager."))
        self.initials_edit = QLineEdit()
        self.initials_edit.setObjectName("userInitials")
        self.initials_edit.setAccessibleName(self.tr("Dine initialer"))
        self.initials_edit.setMaxLength(8)
        self.login_label = QLabel()
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
        form.addRow(self.tr("&Navn:"), self.name_edit)
        form.addRow(self.tr("&Initialer:"), self.initials_edit)
        form.addRow(self.tr("&Rolle:"), self.role_combo)
        form.addRow(self.tr("Brugernavn:"), self.login_label)
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
        query(self, services.user_profile, self._show_profile)

    def _show_profile(self, profile: UserProfile) -> None:
        self.profile = profile
        self.login_label.setText(profile.login)
        self.name_edit.setPlaceholderText(profile.login)
        if profile.name_locked:
            self.name_edit.setText(profile.name)
            self.name_edit.setReadOnly(True)
            self.name_edit.setToolTip(self.tr("Navnet er sat med AKTINDSIGT_USER og kan ikke ændres her."))
        else:
            self.name_edit.setText(profile.saved_name)
        self.initials_edit.setText(profile.initials)
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(profile.role.value), 0))

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
        loaded = self.profile is not None
        name = None if not loaded or self.name_edit.isReadOnly() else self.name_edit.text()
        role = self.role_combo.currentData() if loaded else None
        initials = self.initials_edit.text() if loaded else None
        svc = self.services

        def work(ctx) -> None:
            svc.set_closure_days(days, customary)
            if loaded:
                svc.set_user_profile(name, role, initials)

        # the deadlines of every case may move (all cases are "changed"), and what the user may do
        run_op(self, work, success=lambda _r: self.accept(), changes=lambda _r: ChangeSet({-1}, user=loaded))


def _safe_url(url: str) -> str:
    """Never show a password that may be part of a database URL."""
    if "://" in url and "@" in url:
        scheme, rest = url.split("://", 1)
        cred, host = rest.rsplit("@", 1)
        user = cred.split(":", 1)[0]
        return f"{scheme}://{user}@{host}"
    return url


class FirstRunDialog(QDialog):
    """The first start: who works here. The name and initials are written in the audit log and on the cases and
    letters; the role decides who may approve. The profile, not the computer's login, is who did what."""

    saved = Signal(object)  # UserProfile

    def __init__(self, services: Services, profile: UserProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Velkommen til Aktindsigt"))
        intro = QLabel(self.tr("Skriv, hvem du er. Navnet står i loggen, på de sager du behandler og under de breve, "
                               "du underskriver; kun en teamleder kan godkende sager. Du kan rette det senere under "
                               "Indstillinger."))
        intro.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("firstRunName")
        self.name_edit.setAccessibleName(self.tr("Dit fulde navn"))
        self.name_edit.setPlaceholderText(self.tr("Fornavn Efternavn"))
        self.initials_edit = QLineEdit()
        self.initials_edit.setObjectName("firstRunInitials")
        self.initials_edit.setAccessibleName(self.tr("Dine initialer"))
        self.initials_edit.setMaxLength(8)
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("firstRunRole")
        self.role_combo.setAccessibleName(self.tr("Din rolle"))
        for role in UserRole:
            self.role_combo.addItem(role.label, role.value)
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(profile.role.value), 0))
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Navn:"), self.name_edit)
        form.addRow(self.tr("&Initialer:"), self.initials_edit)
        form.addRow(self.tr("&Rolle:"), self.role_combo)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Gem og fortsæt"))
        buttons.accepted.connect(self.save)
        lay.addWidget(buttons)
        self.name_edit.textChanged.connect(self._name_changed)
        self.initials_edit.textEdited.connect(lambda _t: setattr(self, "_initials_typed", True))
        self._initials_typed = False
        self._name_changed("")
        self.resize(520, 260)

    def _name_changed(self, text: str) -> None:
        self.save_button.setEnabled(bool(text.strip()))
        if not self._initials_typed:  # proposed from the name until typed by hand
            self.initials_edit.setText("".join(p[0] for p in text.split() if p[:1].isalpha()).upper()[:8])

    def reject(self) -> None:
        """Esc does not close it: who works here is needed (the window behind stays usable once it is saved)."""

    def save(self) -> None:
        name, initials, role = self.name_edit.text(), self.initials_edit.text(), self.role_combo.currentData()
        svc = self.services
        self.save_button.setEnabled(False)

        def failed(e: BaseException) -> None:
            self.error.setText(getattr(e, "message", "") or self.tr("Der opstod en uventet fejl."))
            self.error.show()
            self.save_button.setEnabled(True)

        def ok(profile) -> None:
            self.saved.emit(profile)
            self.accept()

        def work(ctx):
            profile = svc.set_user_profile(name, role, initials)
            svc.adopt_first_run_cases()
            return profile

        run_op(self, work, success=ok, failure=failed, changes=lambda _p: ChangeSet({-1}, user=True))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)
