"""The document panel of the case window: the properties of the selected documents (titles, date, direction,
sender and recipient, the aktliste's "Afsender/modtager", ESDH dok-ID, scope, § 26), what the checklist says
about them, the document decision, and the actions for a file that could not be read.

Several selected documents are edited together where that makes sense (direction, sender, recipient,
"Afsender/modtager", scope, § 26); ESDH dok-IDs for several documents come from a pasted column
(``EsdhColumnDialog``). Saving is one undoable operation through the case window's ``perform``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.model import Direction, Document, DocumentStatus
from aktindsigt.services.documents import can_open_with_password, parse_id_column
from aktindsigt.ui.common import count, da_date, ground_label
from aktindsigt.ui.ops import OpHandle, query

PROBLEM_ROLE = Qt.ItemDataRole.UserRole
MIXED = "\x00mixed"  # a field whose value differs between the selected documents

DIRECTIONS = (
    (Direction.UNKNOWN, "Ikke angivet"),
    (Direction.INCOMING, "Indgående"),
    (Direction.OUTGOING, "Udgående"),
    (Direction.INTERNAL, "Intern"),
)
SINGLE_ONLY = ("title", "public_title", "doc_date", "esdh_doc_id")


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def _common(docs: list[Document], get: Callable[[Document], object]) -> object:
    values = {repr(get(d)) for d in docs}
    return get(docs[0]) if len(values) == 1 else MIXED


class DocumentPanel(QWidget):
    """Properties of the documents selected in the case window's list."""

    problem_activated = Signal(object)  # a checklist Problem to go to

    def __init__(self, services, case_id: int, perform: Callable, actions: dict[str, QAction],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPanel")
        self.services, self.case_id, self.perform, self.actions = services, case_id, perform, actions
        self.documents: list[Document] = []
        self.problems: list = []
        self.read_only = ""
        self.edited: set[str] = set()
        self._loading = False

        self.heading = QLabel()
        self.heading.setObjectName("documentHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        f = self.heading.font()
        f.setBold(True)
        self.heading.setFont(f)
        self.problem_list = QListWidget()
        self.problem_list.setObjectName("documentProblems")
        self.problem_list.setAccessibleName(tr("Tjeklistens punkter for dokumentet"))
        self.problem_list.setWordWrap(True)
        self.problem_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problem_list.itemActivated.connect(lambda item: self.problem_activated.emit(item.data(PROBLEM_ROLE)))
        self.problem_list.setStyleSheet("QListWidget#documentProblems { background: #fff8c5; }")
        self.problem_box = QGroupBox(tr("Tjeklisten"))
        pb = QVBoxLayout(self.problem_box)
        pb.setContentsMargins(6, 4, 6, 4)
        pb.addWidget(self.problem_list)

        # failed file
        self.failed_box = QGroupBox(tr("Filen kunne ikke læses"))
        self.failed_box.setObjectName("failedBox")
        fb = QVBoxLayout(self.failed_box)
        self.failed_reason = QLabel()
        self.failed_reason.setWordWrap(True)
        self.failed_reason.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        fb.addWidget(self.failed_reason)
        row = QHBoxLayout()
        self.failed_buttons: dict[str, QToolButton] = {}
        for key in ("password", "retry", "replace", "remove"):
            b = QToolButton()
            b.setDefaultAction(actions[key])
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.failed_buttons[key] = b
            row.addWidget(b)
        row.addStretch(1)
        fb.addLayout(row)

        # properties
        self.title = self._line("title", tr("Titel (intern)"))
        self.public_title = self._line("public_title", tr("Offentlig titel (står i aktlisten)"))
        self.doc_date = self._line("doc_date", tr("Dato"), tr("dd.mm.åååå"))
        self.direction = QComboBox()
        self.direction.setObjectName("direction")
        self.direction.setAccessibleName(tr("Retning"))
        for d, label in DIRECTIONS:
            self.direction.addItem(tr(label), d.value)
        self.direction.setPlaceholderText(tr("(forskellige værdier)"))  # several documents, not all alike
        self.direction.activated.connect(lambda _i: self._edit("direction"))
        self.sender = self._line("sender", tr("Afsender"))
        self.recipient = self._line("recipient", tr("Modtager"))
        self.party = self._line("party", tr("Afsender/modtager i aktlisten"))
        self.party.setToolTip(tr("Det, anmoderen ser i aktlistens kolonne Afsender/modtager. Tomt: programmet skriver "
                                 "selv en værdi ud fra retning, afsender og modtager (private personers navne "
                                 "erstattes)."))
        self.esdh = self._line("esdh_doc_id", tr("ESDH dok-ID"))
        self.paste_button = QToolButton()
        self.paste_button.setDefaultAction(actions["esdh_column"])
        self.paste_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        esdh_row = QHBoxLayout()
        esdh_row.setContentsMargins(0, 0, 0, 0)
        esdh_row.addWidget(self.esdh, 1)
        esdh_row.addWidget(self.paste_button)
        self.in_scope = self._check("in_scope", tr("Omfattet af anmodningen"))
        self.section26 = self._check("section26_considered", tr("Offentlighedslovens § 26 er overvejet"))
        self.section26.setToolTip(tr("For et internt dokument: at det er overvejet, om det alligevel skal udleveres "
                                     "(fx fordi det er sendt til udenforstående)."))
        self.form_widget = QWidget()
        form = QFormLayout(self.form_widget)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(tr("&Titel:"), self.title)
        form.addRow(tr("&Offentlig titel:"), self.public_title)
        form.addRow(tr("Da&to:"), self.doc_date)
        form.addRow(tr("&Retning:"), self.direction)
        form.addRow(tr("A&fsender:"), self.sender)
        form.addRow(tr("&Modtager:"), self.recipient)
        form.addRow(tr("I a&ktlisten:"), self.party)
        esdh_label = QLabel(tr("&ESDH dok-ID:"))
        esdh_label.setBuddy(self.esdh)
        form.addRow(esdh_label, esdh_row)
        form.addRow("", self.in_scope)
        form.addRow("", self.section26)
        self.form = form

        self.access_label = QLabel()
        self.access_label.setObjectName("accessSummary")
        self.access_label.setWordWrap(True)
        self.access_label.setTextFormat(Qt.TextFormat.PlainText)
        access_button = QPushButton(tr("Ret afgørelsen …"))
        access_button.setObjectName("accessButton")
        access_button.setToolTip(actions["access"].toolTip())
        access_button.clicked.connect(actions["access"].trigger)
        actions["access"].enabledChanged.connect(access_button.setEnabled)
        access_box = QGroupBox(tr("Afgørelse for dokumentet"))
        ab = QVBoxLayout(access_box)
        ab.addWidget(self.access_label)
        ab.addWidget(access_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.access_box = access_box

        self.save_button = QPushButton(tr("&Gem egenskaber"))
        self.save_button.setObjectName("saveProperties")
        self.save_button.setToolTip(tr("Gem ændringerne (Enter i et felt gør det samme; Ctrl+Z fortryder)"))
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(tr("Fortr&yd ændringer"))
        self.revert_button.clicked.connect(self.revert)
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setStyleSheet("color: #57606a;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)

        inner = QWidget()
        col = QVBoxLayout(inner)
        col.setContentsMargins(6, 6, 6, 6)
        col.addWidget(self.heading)
        col.addWidget(self.problem_box)
        col.addWidget(self.failed_box)
        col.addWidget(self.form_widget)
        self.buttons_widget = QWidget()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.buttons_widget.setLayout(buttons)
        col.addWidget(self.buttons_widget)
        col.addWidget(self.state_label)
        col.addWidget(access_box)
        col.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(scroll)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.save)
        self.show_documents([])

    # --- building blocks ---------------------------------------------------------------------------

    def _line(self, name: str, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(lambda _t, n=name: self._edit(n))
        edit.returnPressed.connect(self.save)
        return edit

    def _check(self, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.clicked.connect(lambda _c, n=name, b=box: (b.setTristate(False), self._edit(n)))
        return box

    def _edit(self, name: str) -> None:
        if not self._loading:
            self.edited.add(name)
            self._update_buttons()

    def _update_buttons(self) -> None:
        dirty = bool(self.edited)
        self.save_button.setEnabled(dirty and not self.read_only)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self.state_label.setText(tr("Ændringerne er ikke gemt endnu."))
        elif self.read_only:
            self.state_label.setText(self.read_only)
        else:
            self.state_label.clear()

    # --- showing -----------------------------------------------------------------------------------

    @property
    def ids(self) -> list[int]:
        return [d.id for d in self.documents if d.id is not None]

    def dirty(self) -> bool:
        return bool(self.edited)

    def show_documents(self, docs: list[Document]) -> None:
        """Show these documents (the list's selection). The same documents again (after a save or another
        change) keep what is being edited."""
        same = [d.id for d in docs] == self.ids
        self.documents = list(docs)
        keep = set(self.edited) if same else set()
        self.edited = keep
        self._loading = True
        try:
            self._fill(keep)
        finally:
            self._loading = False
        self._show_problems()
        self._update_buttons()

    def _fill(self, keep: set[str]) -> None:
        docs = self.documents
        n = len(docs)
        self.setEnabled(True)
        if not docs:
            self.heading.setText(tr("Vælg et dokument i listen for at se og rette dets egenskaber."))
        elif n == 1:
            d = docs[0]
            self.heading.setText(tr("Akt {0}: {1}").format(d.akt_nr, d.title))
        else:
            akts = ", ".join(str(d.akt_nr) for d in docs[:12]) + (" …" if n > 12 else "")
            self.heading.setText(tr("{0} valgt (akt {1}). Felter med forskellige værdier er tomme; kun det, du ændrer, "
                                    "gemmes for dem alle.").format(count(n, tr("dokument"), tr("dokumenter")), akts))
        self.form_widget.setVisible(bool(docs))
        self.buttons_widget.setVisible(bool(docs))
        self.access_box.setVisible(n == 1)
        failed = n == 1 and docs[0].status is DocumentStatus.FAILED
        self.failed_box.setVisible(failed)
        if failed:
            d = docs[0]
            self.failed_reason.setText(tr("“{0}”: {1}").format(d.source_name, d.failure_reason))
            self.failed_buttons["password"].setVisible(can_open_with_password(d))
        if not docs:
            return
        single = n == 1
        values = {
            "title": _common(docs, lambda d: d.title), "public_title": _common(docs, lambda d: d.public_title),
            "doc_date": _common(docs, lambda d: da_date(d.doc_date)), "sender": _common(docs, lambda d: d.sender),
            "recipient": _common(docs, lambda d: d.recipient), "esdh_doc_id": _common(docs, lambda d: d.esdh_doc_id),
        }
        for name, edit in (("title", self.title), ("public_title", self.public_title), ("doc_date", self.doc_date),
                           ("sender", self.sender), ("recipient", self.recipient), ("esdh_doc_id", self.esdh)):
            if name in SINGLE_ONLY and not single:
                edit.clear()
                edit.setEnabled(False)
                edit.setPlaceholderText(tr("Vælg ét dokument") if name != "esdh_doc_id"
                                        else tr("Brug “Indsæt kolonne …” for flere dokumenter"))
                continue
            edit.setEnabled(True)
            if name not in keep:
                value = values[name]
                edit.setText("" if value == MIXED else str(value))
                edit.setPlaceholderText(tr("(forskellige værdier)") if value == MIXED
                                        else (tr("dd.mm.åååå") if name == "doc_date" else ""))
        if "direction" not in keep:
            value = _common(docs, lambda d: d.direction.value)
            self.direction.setCurrentIndex(-1 if value == MIXED else max(self.direction.findData(value), 0))
        for name, box, get in (("in_scope", self.in_scope, lambda d: d.in_scope),
                               ("section26_considered", self.section26, lambda d: d.section26_considered)):
            if name in keep:
                continue
            value = _common(docs, get)
            box.setTristate(value == MIXED)
            box.setCheckState(Qt.CheckState.PartiallyChecked if value == MIXED
                              else Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
        if "party" not in keep:
            self.party.setText("")
            self.party.setPlaceholderText("")
            self._load_party()
        if single:
            d = docs[0]
            if d.access is None:
                text = tr("Ikke afgjort endnu.")
            else:
                grounds = ", ".join(ground_label(g) for g in d.access_grounds)
                text = tr("Aktindsigt: {0}").format(d.access.label) + (f" · {grounds}" if grounds else "")
                if d.access_reason:
                    text += "\n" + tr("Begrundelse: {0}").format(d.access_reason)
            self.access_label.setText(text)
        self._apply_read_only()

    def _load_party(self) -> None:
        ids, svc = self.ids, self.services

        def load():
            manual = {i: svc.manual_party(i) for i in ids}
            auto = svc.public_party(ids[0]) if len(ids) == 1 else ""
            return ids, manual, auto

        def show(result) -> None:
            got_ids, manual, auto = result
            if got_ids != self.ids or "party" in self.edited:
                return
            values = set(manual.values())
            self._loading = True
            self.party.setText(values.pop() if len(values) == 1 else "")
            self._loading = False
            if len(set(manual.values())) > 1:
                self.party.setPlaceholderText(tr("(forskellige værdier)"))
            elif auto and not self.party.text():
                self.party.setPlaceholderText(tr("Automatisk: {0}").format(auto))
            else:
                self.party.setPlaceholderText(tr("Automatisk ud fra retning, afsender og modtager"))

        if ids:
            query(self, load, show)

    def set_problems(self, problems: list) -> None:
        """The case's checklist problems; the panel lists those of the documents it shows."""
        self.problems = list(problems)
        self._show_problems()

    def _show_problems(self) -> None:
        ids = set(self.ids)
        mine = [p for p in self.problems if getattr(p, "document_id", None) in ids]
        self.problem_list.clear()
        for p in mine:
            text = str(p) if len(ids) > 1 else p.message
            item = QListWidgetItem(text)
            item.setData(PROBLEM_ROLE, p)
            item.setToolTip(tr("Dobbeltklik eller tryk Enter for at gå til feltet, hvor punktet rettes."))
            self.problem_list.addItem(item)
        self.problem_box.setVisible(bool(mine))
        rows = sum(self.problem_list.visualItemRect(self.problem_list.item(i)).height() or 22
                   for i in range(min(len(mine), 6)))
        self.problem_list.setFixedHeight(max(rows, 22) + 2 * self.problem_list.frameWidth() + 4)

    def set_read_only(self, reason: str) -> None:
        self.read_only = reason
        self._apply_read_only()
        self._update_buttons()

    def _apply_read_only(self) -> None:
        ro = bool(self.read_only)
        for edit in (self.title, self.public_title, self.doc_date, self.sender, self.recipient, self.party, self.esdh):
            edit.setReadOnly(ro)
        for w in (self.direction, self.in_scope, self.section26):
            w.setEnabled(not ro and bool(self.documents))

    # --- focus from the checklist -------------------------------------------------------------------

    def field_widget(self, field: str) -> QWidget | None:
        return {
            "document.esdh_doc_id": self.esdh, "document.public_title": self.public_title,
            "document.title": self.title, "document.section26_considered": self.section26,
            "document.in_scope": self.in_scope, "statements.public_parties": self.party,
            "document.doc_date": self.doc_date, "document.direction": self.direction,
            "document.failed": self.failed_buttons["retry"],
        }.get(field)

    def focus_field(self, field: str) -> bool:
        w = self.field_widget(field)
        if w is None or not w.isVisible():
            return False
        w.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(w, QLineEdit):
            w.selectAll()
        return True

    # --- saving --------------------------------------------------------------------------------------

    def values(self) -> dict:
        out: dict = {}
        for name in self.edited:
            if name == "direction":
                if self.direction.currentIndex() >= 0:
                    out["direction"] = self.direction.currentData()
            elif name == "in_scope":
                out["in_scope"] = self.in_scope.isChecked()
            elif name == "section26_considered":
                out["section26_considered"] = self.section26.isChecked()
            else:
                edit = {"title": self.title, "public_title": self.public_title, "doc_date": self.doc_date,
                        "sender": self.sender, "recipient": self.recipient, "party": self.party,
                        "esdh_doc_id": self.esdh}[name]
                out[name] = edit.text()
        return out

    def save(self) -> OpHandle | None:
        """Write what was changed for the documents shown, as one undoable operation."""
        if not self.edited or not self.ids or self.read_only:
            return None
        ids, values, svc = self.ids, self.values(), self.services
        edited = set(self.edited)

        def work():
            return svc.set_document_properties(ids, **values)

        handle = self.perform(work)

        def saved(_result) -> None:
            if self.ids == ids:
                self.edited -= edited
                self._update_buttons()

        handle.done.connect(saved)
        return handle

    def revert(self) -> None:
        self.edited.clear()
        self.show_documents(self.documents)


class EsdhColumnDialog(QDialog):
    """ESDH dok-IDs for several documents: paste the column from the ESDH system or a spreadsheet; the IDs are
    given to the documents in akt order (a preview shows which gets which)."""

    def __init__(self, parent: QWidget | None, docs: list[Document]) -> None:
        super().__init__(parent)
        self.setObjectName("esdhColumnDialog")
        self.setWindowTitle(tr("ESDH dok-ID'er fra en kolonne"))
        self.docs = sorted(docs, key=lambda d: d.akt_nr)
        intro = QLabel(tr("Kopiér kolonnen med dok-ID'erne (ét pr. linje, i aktnummerorden), og indsæt den herunder. "
                          "Der skal være lige så mange ID'er som dokumenter ({0}).").format(len(self.docs)))
        intro.setWordWrap(True)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("esdhColumn")
        self.edit.setAccessibleName(tr("ESDH dok-ID'er, ét pr. linje"))
        self.edit.setTabChangesFocus(True)
        self.table = QTableWidget(len(self.docs), 3)
        self.table.setObjectName("esdhPreview")
        self.table.setHorizontalHeaderLabels([tr("Akt"), tr("Titel"), tr("ESDH dok-ID")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for r, d in enumerate(self.docs):
            self.table.setItem(r, 0, QTableWidgetItem(str(d.akt_nr)))
            self.table.setItem(r, 1, QTableWidgetItem(d.title))
            self.table.setItem(r, 2, QTableWidgetItem(d.esdh_doc_id))
        self.status = QLabel()
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(tr("Gem ID'erne"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annullér"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        split = QHBoxLayout()
        split.addWidget(self.edit, 1)
        split.addWidget(self.table, 2)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(split, 1)
        lay.addWidget(self.status)
        lay.addWidget(buttons)
        self.edit.textChanged.connect(self._preview)
        self._preview()
        self.resize(860, 480)

    def ids(self) -> list[str]:
        return parse_id_column(self.edit.toPlainText())

    def _preview(self) -> None:
        ids = self.ids()
        for r, d in enumerate(self.docs):
            value = ids[r] if r < len(ids) else ""
            item = QTableWidgetItem(value or d.esdh_doc_id)
            if value and value != d.esdh_doc_id:
                f = item.font()
                f.setBold(True)
                item.setFont(f)
            self.table.setItem(r, 2, item)
        n, m = len(ids), len(self.docs)
        ok = n == m
        if not n:
            self.status.setText(tr("Ingen ID'er indsat endnu."))
        elif ok:
            self.status.setText(tr("{0} til {1}.").format(count(n, tr("ID"), tr("ID'er")),
                                                          count(m, tr("dokument"), tr("dokumenter"))))
        else:
            self.status.setText(tr("{0}, men {1}: der skal være ét ID pr. dokument.").format(
                count(n, tr("ID"), tr("ID'er")), count(m, tr("dokument"), tr("dokumenter"))))
        self.status.setStyleSheet("" if ok or not n else "color: #b00020;")
        self.ok_button.setEnabled(ok)


def ask_esdh_column(parent: QWidget | None, docs: list[Document]) -> list[str] | None:
    """The ESDH ids pasted for ``docs`` (akt order), or None when cancelled (tests replace this function)."""
    dlg = EsdhColumnDialog(parent, docs)
    return dlg.ids() if dlg.exec() == QDialog.DialogCode.Accepted else None
