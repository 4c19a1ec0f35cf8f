"""Small dialogs: choose a legal ground, document access, redact everywhere, import result, review comments,
a yes/no question, a PDF password."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.danish import antal
from aktindsigt.core.model import AccessType
from aktindsigt.services import ImportSummary
from aktindsigt.ui.common import cached_grounds


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


GROUND_ROLE = Qt.ItemDataRole.UserRole


class GroundCombo(QComboBox):
    """The grounds a case may use, under their group headings (which cannot be chosen); typing searches every
    ground's text ("30", "private", "tavshed"). ``ground_id()``: the chosen ground, ``None`` before one is."""

    def __init__(self, choices: Sequence | None = None, current: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groundCombo")
        self.setAccessibleName(tr("Hjemmel"))
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(40)
        self.lineEdit().setPlaceholderText(tr("Vælg hjemmel, eller skriv for at søge"))
        model = QStandardItemModel(self)
        bold = QFont(self.font())
        bold.setBold(True)
        group = None
        for c in choices if choices is not None else _catalogue_choices():
            if c.group != group:
                head = QStandardItem(c.group)
                head.setFlags(Qt.ItemFlag.NoItemFlags)
                head.setFont(bold)
                model.appendRow(head)
                group = c.group
            item = QStandardItem(c.text)
            item.setData(c.id, GROUND_ROLE)
            item.setToolTip(c.ground.reasoning[:400])
            model.appendRow(item)
        self.setModel(model)
        # search: every ground whose text contains what is typed (headings are left out)
        only = QSortFilterProxyModel(self)
        only.setSourceModel(model)
        only.setFilterRole(GROUND_ROLE)
        only.setFilterRegularExpression(".+")
        completer = QCompleter(only, self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated[str].connect(self._completed)
        self.setCompleter(completer)
        # a long ground text shows its beginning ("Offentlighedsloven § 30 …"), not its end
        self.currentIndexChanged.connect(lambda _i: self.lineEdit().setCursorPosition(0))
        self.set_ground(current)
        self.lineEdit().editingFinished.connect(self._typed)

    def set_ground(self, ground_id: str | None) -> None:
        idx = self.findData(ground_id, GROUND_ROLE) if ground_id else -1
        self.setCurrentIndex(idx)
        if idx < 0:
            self.setEditText("")
        self.lineEdit().setCursorPosition(0)

    def ground_id(self) -> str | None:
        if self.currentIndex() < 0 or self.currentText() != self.itemText(self.currentIndex()):
            return None
        return self.itemData(self.currentIndex(), GROUND_ROLE)

    def currentData(self, role: int = GROUND_ROLE):  # noqa: N802 - Qt API: the ground id by default
        return super().currentData(role)

    def _completed(self, text: str) -> None:
        idx = self.findText(text, Qt.MatchFlag.MatchExactly)
        if idx >= 0:
            self.setCurrentIndex(idx)

    def _typed(self) -> None:
        """Enter or leaving the field: the one ground that contains the text, else back to the chosen one."""
        text = self.currentText().strip().casefold()
        if self.ground_id() is not None or not text:
            return
        hits = [i for i in range(self.count()) if self.itemData(i, GROUND_ROLE) and text in self.itemText(i).casefold()]
        if len(hits) == 1:
            self.setCurrentIndex(hits[0])


def _catalogue_choices() -> list:
    """Every ground of the catalogue (a dialog opened without a case's choices)."""
    from aktindsigt.services.workspace import GroundChoice

    return [GroundChoice(g, g.statute, "entity") for g in cached_grounds().values()]


CHANNELS = (QT_TR_NOOP("E-mail"), QT_TR_NOOP("Digital Post"), QT_TR_NOOP("Brev"), QT_TR_NOOP("Telefon"),
            QT_TR_NOOP("Personligt fremmøde"), QT_TR_NOOP("Kontaktformular på hjemmesiden"))


def channel_combo() -> QComboBox:
    """How the request came: the usual ways to choose from, or another typed in (the letter says it)."""
    combo = QComboBox()
    combo.setObjectName("channel")
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.setAccessibleName(tr("Hvordan anmodningen blev modtaget"))
    combo.addItems([tr(c) for c in CHANNELS])
    combo.setCurrentIndex(-1)
    combo.lineEdit().setPlaceholderText(tr("Hvordan anmodningen blev modtaget"))
    return combo


def ground_combo(current: str | None = None, choices: Sequence | None = None) -> GroundCombo:
    return GroundCombo(choices, current)


def ok_cancel_buttons(dlg: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (with ``ok_text``) and Annullér, wired to the dialog's accept/reject."""
    b = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    b.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    b.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annullér"))
    b.accepted.connect(dlg.accept)
    b.rejected.connect(dlg.reject)
    return b


class GroundDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, current: str | None = None, text: str = "",
                 choices: Sequence | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groundDialog")
        self.setWindowTitle(title)
        self.combo = ground_combo(current, choices)
        lay = QVBoxLayout(self)
        if text:
            label = QLabel(text)
            label.setWordWrap(True)
            lay.addWidget(label)
        form = QFormLayout()
        form.addRow(tr("&Hjemmel:"), self.combo)
        lay.addLayout(form)
        buttons = ok_cancel_buttons(self, tr("OK"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        lay.addWidget(buttons)
        self.combo.currentIndexChanged.connect(self._update)
        self.combo.editTextChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(self.combo.ground_id() is not None)


def choose_ground(parent: QWidget | None, title: str, current: str | None = None, text: str = "",
                  choices: Sequence | None = None) -> str | None:
    """The ground chosen (``choices``: the case's, from ``Services.ground_choices``), or None when cancelled."""
    dlg = GroundDialog(parent, title, current, text, choices)
    if dlg.exec() == QDialog.DialogCode.Accepted:
        return dlg.combo.ground_id()
    return None


class AccessDialog(QDialog):
    """Full / partial / withheld access for one document, with ground and reason."""

    def __init__(self, parent: QWidget | None, title: str, access: AccessType | None, grounds: list[str],
                 reason: str, choices: Sequence | None = None, focus: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("accessDialog")
        self.setWindowTitle(tr("Afgørelse for dokumentet"))
        self.access = QComboBox()
        self.access.setAccessibleName(tr("Aktindsigt"))
        self.access.addItem(tr("Ikke afgjort"), None)
        self.access.addItem(tr("Fuld aktindsigt"), AccessType.FULL.value)
        self.access.addItem(tr("Delvis aktindsigt"), AccessType.PARTIAL.value)
        self.access.addItem(tr("Undtaget (ingen aktindsigt)"), AccessType.WITHHELD.value)
        self.access.setCurrentIndex(max(self.access.findData(access.value if access else None), 0))
        self.ground = ground_combo(grounds[0] if grounds else None, choices)
        self.reason = QPlainTextEdit(reason)
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        form = QFormLayout()
        form.addRow(QLabel(title))
        form.addRow(tr("&Aktindsigt:"), self.access)
        form.addRow(tr("&Hjemmel:"), self.ground)
        form.addRow(tr("&Begrundelse:"), self.reason)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(ok_cancel_buttons(self, tr("Gem")))
        self.access.currentIndexChanged.connect(self._changed)
        self._changed()
        target = {"document.access_grounds": self.ground, "document.access_reason": self.reason}.get(focus)
        (target or self.access).setFocus(Qt.FocusReason.OtherFocusReason)

    def _changed(self) -> None:
        self.ground.setEnabled(self.access.currentData() in (AccessType.WITHHELD.value, AccessType.PARTIAL.value))

    def values(self) -> tuple[str | None, list[str], str]:
        access = self.access.currentData()
        grounds = [self.ground.ground_id()] if self.ground.isEnabled() and self.ground.ground_id() else []
        return access, grounds, self.reason.toPlainText().strip()


class EverywhereDialog(QDialog):
    """"Overstreg alle forekomster …": a text or a pattern, with a ground."""

    def __init__(self, parent: QWidget | None, needle: str = "", choices: Sequence | None = None,
                 current: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("everywhereDialog")
        self.setWindowTitle(tr("Overstreg alle forekomster"))
        self.needle = QLineEdit(needle)
        self.regex = QCheckBox(tr("&Mønster (regulært udtryk)"))
        self.ground = ground_combo(current, choices)
        form = QFormLayout()
        form.addRow(tr("&Tekst:"), self.needle)
        form.addRow("", self.regex)
        form.addRow(tr("&Hjemmel:"), self.ground)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(tr("Alle forekomster i alle sagens dokumenter overstreges.")))
        lay.addLayout(form)
        lay.addWidget(ok_cancel_buttons(self, tr("Overstreg")))


class ImportResultDialog(QDialog):
    """After an import: what came in, and each file that failed with its Danish reason."""

    def __init__(self, parent: QWidget | None, summary: ImportSummary) -> None:
        super().__init__(parent)
        self.setObjectName("importResultDialog")
        self.setWindowTitle(tr("Resultat af importen"))
        n_ok, n_failed, n_dup = len(summary.imported), len(summary.failed), len(summary.duplicates)
        text = tr("{0} importeret, {1} kunne ikke læses, {2} fandtes allerede i sagen.").format(
            antal(n_ok, "dokument", words=False), n_failed, n_dup)
        if summary.cancelled:
            text += " " + tr("Importen blev annulleret; resten af filerne er ikke importeret.")
        lay = QVBoxLayout(self)
        label = QLabel(text)
        label.setWordWrap(True)
        lay.addWidget(label)
        rows = [(d.source_name, d.failure_reason) for d in summary.failed]
        rows += [(p.name, tr("Findes allerede som akt {0}.").format(doc.akt_nr)) for p, doc in summary.duplicates]
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("failedTable")
        self.table.setHorizontalHeaderLabels([tr("Fil"), tr("Årsag")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        for r, (name, reason) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(name))
            self.table.setItem(r, 1, QTableWidgetItem(reason))
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(rows))
        lay.addWidget(self.table)
        b = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        b.button(QDialogButtonBox.StandardButton.Close).setText(tr("Luk"))
        b.rejected.connect(self.accept)
        lay.addWidget(b)
        self.resize(700, 300 if rows else 120)


class CommentDialog(QDialog):
    """A comment in the review: to the team lead, to the caseworker, or the written reason for an override.
    With ``required`` the OK button stays disabled until something is written."""

    def __init__(self, parent: QWidget | None, title: str, intro: str, ok_text: str, text: str = "",
                 required: bool = False, details: list[str] | tuple[str, ...] = ()) -> None:
        super().__init__(parent)
        self.setObjectName("commentDialog")
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        lay.addWidget(label)
        if details:
            self.details = QPlainTextEdit("\n".join(f"• {d}" for d in details))
            self.details.setReadOnly(True)
            self.details.setAccessibleName(tr("Punkter på tjeklisten"))
            self.details.setFixedHeight(110)
            lay.addWidget(self.details)
        self.edit = QPlainTextEdit(text)
        self.edit.setObjectName("commentEdit")
        self.edit.setAccessibleName(title)
        self.edit.setTabChangesFocus(True)
        self.edit.setFixedHeight(90)
        label.setBuddy(self.edit)
        lay.addWidget(self.edit)
        buttons = ok_cancel_buttons(self, ok_text)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        lay.addWidget(buttons)
        self.required = required
        self.edit.textChanged.connect(self._update)
        self._update()
        self.resize(560, 300 if details else 220)

    def _update(self) -> None:
        self.ok_button.setEnabled(not self.required or bool(self.comment()))

    def comment(self) -> str:
        return self.edit.toPlainText().strip()


# The case window asks through these functions (tests replace them; no nested event loops there).

def ask_comment(parent: QWidget | None, title: str, intro: str, ok_text: str, text: str = "", required: bool = False,
                details: list[str] | tuple[str, ...] = ()) -> str | None:
    """The comment written, or None when cancelled."""
    dlg = CommentDialog(parent, title, intro, ok_text, text, required, details)
    if dlg.exec() == QDialog.DialogCode.Accepted:
        return dlg.comment()
    return None


def ask_access(parent: QWidget | None, title: str, access: AccessType | None, grounds: list[str],
               reason: str, choices: Sequence | None = None, focus: str = "") -> tuple[str | None, list[str], str] | None:
    dlg = AccessDialog(parent, title, access, grounds, reason, choices, focus)
    if dlg.exec() == QDialog.DialogCode.Accepted:
        return dlg.values()
    return None


def ask_everywhere(parent: QWidget | None, needle: str = "", choices: Sequence | None = None,
                   current: str | None = None) -> tuple[str, str, bool] | None:
    dlg = EverywhereDialog(parent, needle, choices, current)
    if dlg.exec() == QDialog.DialogCode.Accepted and dlg.ground.ground_id():
        return dlg.needle.text(), dlg.ground.ground_id(), dlg.regex.isChecked()
    return None


def confirm(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    """A yes/no question with ``yes`` as the button text (tests replace this function)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmBox")
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Annullér"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(ok)
    box.exec()
    return box.clickedButton() is ok


class PasswordDialog(QDialog):
    """The password of an encrypted PDF: used once to read the file, never saved."""

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.setWindowTitle(tr("Åbn med adgangskode"))
        label = QLabel(tr("“{0}” er beskyttet med en adgangskode. Adgangskoden bruges én gang til at læse filen og "
                          "gemmes ikke.").format(name))
        label.setWordWrap(True)
        self.edit = QLineEdit()
        self.edit.setObjectName("passwordEdit")
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(tr("Adgangskode"))
        form = QFormLayout()
        form.addRow(tr("&Adgangskode:"), self.edit)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addLayout(form)
        buttons = ok_cancel_buttons(self, tr("Åbn"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        lay.addWidget(buttons)
        self.edit.textChanged.connect(lambda t: self.ok_button.setEnabled(bool(t)))
        self.ok_button.setEnabled(False)
        self.resize(460, 150)


def ask_password(parent: QWidget | None, name: str) -> str | None:
    dlg = PasswordDialog(parent, name)
    try:
        return dlg.edit.text() if dlg.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dlg.edit.clear()
        dlg.deleteLater()
