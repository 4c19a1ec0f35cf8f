"""Small dialogs: choose a legal ground, document access, redact everywhere, import result, review comments."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.model import AccessType
from aktindsigt.services import ImportSummary
from aktindsigt.ui.common import cached_grounds


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def ground_combo(current: str | None = None) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(tr("Hjemmel"))
    for gid, g in cached_grounds().items():
        text = f"{g.statute} {g.section}".strip()
        if g.title:
            text += f" — {g.title}"
        combo.addItem(text, gid)
    idx = combo.findData(current)
    if idx >= 0:
        combo.setCurrentIndex(idx)
    return combo


def ok_cancel_buttons(dlg: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (with ``ok_text``) and Annullér, wired to the dialog's accept/reject."""
    b = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    b.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    b.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annullér"))
    b.accepted.connect(dlg.accept)
    b.rejected.connect(dlg.reject)
    return b


class GroundDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, current: str | None = None, text: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("groundDialog")
        self.setWindowTitle(title)
        self.combo = ground_combo(current)
        lay = QVBoxLayout(self)
        if text:
            label = QLabel(text)
            label.setWordWrap(True)
            lay.addWidget(label)
        form = QFormLayout()
        form.addRow(tr("&Hjemmel:"), self.combo)
        lay.addLayout(form)
        lay.addWidget(ok_cancel_buttons(self, tr("OK")))


def choose_ground(parent: QWidget | None, title: str, current: str | None = None, text: str = "") -> str | None:
    dlg = GroundDialog(parent, title, current, text)
    if dlg.exec() == QDialog.DialogCode.Accepted:
        return dlg.combo.currentData()
    return None


class AccessDialog(QDialog):
    """Full / partial / withheld access for one document, with ground and reason."""

    def __init__(self, parent: QWidget | None, title: str, access: AccessType | None, grounds: list[str],
                 reason: str) -> None:
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
        self.ground = ground_combo(grounds[0] if grounds else None)
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

    def _changed(self) -> None:
        self.ground.setEnabled(self.access.currentData() in (AccessType.WITHHELD.value, AccessType.PARTIAL.value))

    def values(self) -> tuple[str | None, list[str], str]:
        access = self.access.currentData()
        grounds = [self.ground.currentData()] if self.ground.isEnabled() and self.ground.currentData() else []
        return access, grounds, self.reason.toPlainText().strip()


class EverywhereDialog(QDialog):
    """"Overstreg alle forekomster …": a text or a pattern, with a ground."""

    def __init__(self, parent: QWidget | None, needle: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("everywhereDialog")
        self.setWindowTitle(tr("Overstreg alle forekomster"))
        self.needle = QLineEdit(needle)
        self.regex = QCheckBox(tr("&Mønster (regulært udtryk)"))
        self.ground = ground_combo()
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
        text = tr("{0} dokumenter importeret, {1} kunne ikke læses, {2} fandtes allerede i sagen.").format(
            n_ok, n_failed, n_dup)
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
               reason: str) -> tuple[str | None, list[str], str] | None:
    dlg = AccessDialog(parent, title, access, grounds, reason)
    if dlg.exec() == QDialog.DialogCode.Accepted:
        return dlg.values()
    return None


def ask_everywhere(parent: QWidget | None, needle: str = "") -> tuple[str, str, bool] | None:
    dlg = EverywhereDialog(parent, needle)
    if dlg.exec() == QDialog.DialogCode.Accepted and dlg.ground.currentData():
        return dlg.needle.text(), dlg.ground.currentData(), dlg.regex.isChecked()
    return None
