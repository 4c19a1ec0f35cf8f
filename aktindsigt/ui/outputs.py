"""The case window's "Udlevering" menu: checklist, the texts of the decision, the municipality profile,
the letters (kvittering, fristbrev, afgørelse, aktliste, journalnotat, klage), redaction and export.

Every letter is first rendered as a preview (``record=False``: into a scratch folder, nothing recorded);
"Gem …" keeps it in a folder of the caseworker's choice through ``Services.keep_output``, which records
it then. Each entry is only created when the services offer the use case. Everything runs through
``ui.ops``; dialogs that would block are opened through module functions tests replace.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import shiboken6
from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QDate, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.ui import dialogs, procpool
from aktindsigt.ui.common import fit_to_screen, ground_label
from aktindsigt.ui.ops import ChangeSet, OpHandle, query, run_op, show_error

log = logging.getLogger(__name__)

PREVIEW_WIDTH = 720  # pixels of a previewed page
PREVIEW_PAGES = 30  # pages shown at most (a long aktliste)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def ask_folder(parent: QWidget | None, title: str) -> Path | None:
    """Where to write (tests replace this function)."""
    folder = QFileDialog.getExistingDirectory(parent, title)
    return Path(folder) if folder else None


def _folder_contents(folder: Path) -> tuple[int, int]:
    """Files and folders directly in ``folder`` (what replacing it would delete)."""
    files = dirs = 0
    with contextlib.suppress(OSError):
        for p in folder.iterdir():
            if p.is_dir():
                dirs += 1
            else:
                files += 1
    return files, dirs


def _may_replace(folder: Path) -> bool:
    """A folder the caseworker may have replaced whole: not the home folder, not a top-level folder, and not
    one that holds the app's own data folder."""
    from aktindsigt.config import resolve_paths

    try:
        folder = folder.resolve()
        home = Path.home().resolve()
        data = resolve_paths().home.resolve()
    except (OSError, RuntimeError):
        return False
    if folder == home or len(folder.parts) <= 2 or folder in home.parents:
        return False
    return not (data == folder or folder in data.parents)


def free_subfolder(folder: Path, name: str) -> Path:
    """``folder/name``, or ``folder/name (2)`` ... when that is taken."""
    safe = "".join("-" if c in '/\\:*?"<>|' else c for c in name).strip(" .") or tr("Overstregede dokumenter")
    candidate, n = folder / safe, 2
    while candidate.exists():
        candidate, n = folder / f"{safe} ({n})", n + 1
    return candidate


def _ask_subfolder_or_replace(parent: QWidget | None, title: str, text: str, info: str, sub: Path,
                              replaced: Path) -> tuple[Path, bool] | None:
    """The question when the place chosen for the output is taken: a new subfolder ``sub`` (the default),
    replacing ``replaced`` as a whole (only where ``_may_replace`` allows it), or going back.
    Returns (``sub``, False), (``replaced``'s folder choice, True) or None."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("usedFolderBox")
    replaceable = _may_replace(replaced)
    if not replaceable:
        info += " " + tr("Mappen kan ikke erstattes, fordi den er din hjemmemappe, et drev eller rummer "
                         "programmets data.")
    box.setInformativeText(info)
    new = box.addButton(tr("Opret &undermappe"), QMessageBox.ButtonRole.AcceptRole)
    new.setObjectName("subfolderButton")
    replace = None
    if replaceable:
        replace = box.addButton(tr("&Erstat hele mappen"), QMessageBox.ButtonRole.DestructiveRole)
        replace.setObjectName("replaceButton")
    box.addButton(tr("Annullér"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(new)
    box.exec()
    if box.clickedButton() is new:
        return sub, False
    if replace is not None and box.clickedButton() is replace:
        return replaced, True
    return None


def ask_used_folder(parent: QWidget | None, folder: Path, subfolder: str) -> tuple[Path, bool] | None:
    """The chosen folder is not empty: put the files in a new subfolder (the default), replace the folder as a
    whole (the services' ``replace``), or go back. Returns (folder, replace) or None (tests replace this)."""
    from aktindsigt.ui.common import count

    files, dirs = _folder_contents(folder)
    parts = [count(files, tr("fil"), tr("filer"))] if files else []
    if dirs:
        parts.append(count(dirs, tr("mappe"), tr("mapper")))
    held = tr(" og ").join(parts) or tr("andet indhold")
    sub = free_subfolder(folder, subfolder)
    info = tr("Skal de overstregede dokumenter lægges i en ny undermappe, “{0}”?").format(sub.name)
    if _may_replace(folder):
        info += " " + tr("Eller skal hele mappen erstattes? Så slettes alt, hvad der ligger i den nu, når de nye "
                         "dokumenter er færdige og kontrolleret.")
    return _ask_subfolder_or_replace(parent, tr("Mappen er ikke tom"),
                                     tr("Mappen {0} indeholder allerede {1}.").format(folder, held), info, sub, folder)


def ask_existing_bundle(parent: QWidget | None, bundle: Path, subfolder: str) -> tuple[Path, bool] | None:
    """The chosen folder holds a bundle of the same name (the case was exported there earlier today): put the
    new bundle in a new subfolder of the folder (the default), replace the old bundle folder as a whole, or go
    back. Returns (folder to export into, replace) or None (tests replace this)."""
    folder = bundle.parent
    sub = free_subfolder(folder, subfolder)
    info = tr("Skal den nye pakke lægges i en ny undermappe, “{0}”?").format(sub.name)
    if _may_replace(bundle):
        info += " " + tr("Eller skal den gamle pakke erstattes? Så slettes dens filer, når den nye pakke er færdig "
                         "og kontrolleret; den tidligere eksport står stadig i sagens log.")
    answer = _ask_subfolder_or_replace(
        parent, tr("Pakken findes allerede"),
        tr("Mappen {0} indeholder allerede en eksportpakke for sagen fra i dag, {1}.").format(folder, bundle.name),
        info, sub, bundle)
    if answer is None:
        return None
    where, replace = answer
    return (folder, True) if replace else (where, False)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def _date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(_qdate(value))
    edit.setDisplayFormat("dd.MM.yyyy")
    edit.setCalendarPopup(True)
    return edit


def _text_edit(text: str = "", height: int = 70, name: str = "") -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    if name:
        edit.setObjectName(name)
    return edit


class ListDialog(QDialog):
    """A titled list of lines (files written, checklist problems) with an optional "Åbn mappe"."""

    def __init__(self, parent: QWidget | None, title: str, intro: str, lines: list[tuple[str, object]],
                 folder: Path | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listDialog")
        self.setWindowTitle(title)
        lay = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        self.intro = label
        lay.addWidget(label)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for text, data in lines:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, data)
            self.list.addItem(item)
        self.list.setVisible(bool(lines))
        lay.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(tr("Luk"))
        close.setAutoDefault(False)  # Enter in the list goes to the item (a checklist point), it does not close
        buttons.rejected.connect(self.accept)
        if folder is not None:
            b = buttons.addButton(tr("Åbn &mappe"), QDialogButtonBox.ButtonRole.ActionRole)
            b.setAutoDefault(False)
            b.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        lay.addWidget(buttons)
        self.resize(720, 380 if lines else 140)


def _noted(message: str) -> str:
    """A manifest message as a line of the result: "Bemærk: ..." (once; a letter's own notes begin so)."""
    text = message.strip()
    return text if text.casefold().startswith(tr("bemærk").casefold()) else tr("Bemærk: {0}").format(text)


def _relative(path: Path, folder: Path) -> str:
    """A file of a bundle as the bundle names it (``udleveret/akt_0001.pdf``)."""
    try:
        return Path(path).relative_to(folder).as_posix()
    except ValueError:
        return str(path)


def _documents_progress(ctx, steps_after: int):
    """Progress as "Dokument x af y" for a job that goes through the documents and then ``steps_after`` steps
    (the export: decision letter, aktliste, journal note)."""
    def progress(done: int, total: int, message: str) -> None:
        docs = total - steps_after
        if message and docs > 0 and done < docs:
            ctx.progress(done, total, tr("{0}\nDokument {1} af {2}").format(message, done + 1, docs))
        else:
            ctx.progress(done, total, message)

    return progress


# --- the letters' own questions ----------------------------------------------------------------------


class _DateAndTextDialog(QDialog):
    """A letter's two questions: a date and a free text, under a short explanation."""

    def __init__(self, parent: QWidget | None, name: str, title: str, intro: str, day: date, date_label: str,
                 text_label: str, text_height: int) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.day = _date_edit(day)
        self.text = _text_edit(height=text_height)
        label = QLabel(intro)
        label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(date_label, self.day)
        form.addRow(text_label, self.text)
        lay = QVBoxLayout(self)
        lay.addWidget(label)
        lay.addLayout(form)
        lay.addWidget(dialogs.ok_cancel_buttons(self, tr("Vis brevet")))
        self.resize(560, 170 + text_height)

    def values(self) -> tuple[date, str]:
        return _pydate(self.day.date()), self.text.toPlainText().strip()


class FristbrevDialog(_DateAndTextDialog):
    """The fristbrev: when the decision can be expected, and why it is not ready yet."""

    def __init__(self, parent: QWidget | None, expected: date) -> None:
        super().__init__(
            parent, "fristbrevDialog", tr("Fristbrev"),
            tr("Fristbrevet fortæller anmoderen, hvorfor der endnu ikke er truffet afgørelse, og hvornår "
               "den kan forventes."),
            expected, tr("&Forventet afgørelse senest:"), tr("&Begrundelse:"), 70)
        self.expected, self.reason = self.day, self.text
        self.expected.setMinimumDate(_qdate(date.today() + timedelta(days=1)))
        self.expected.setAccessibleName(tr("Forventet afgørelse senest"))
        self.reason.setObjectName("fristbrevReason")
        self.reason.setPlaceholderText(tr("Tom: brevets standardbegrundelse (sagens omfang eller kompleksitet)"))
        self.reason.setAccessibleName(tr("Hvorfor afgørelsen ikke er truffet endnu"))


class KlageDialog(_DateAndTextDialog):
    """Forwarding a complaint: when it was received, and the municipality's remarks."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(
            parent, "klageDialog", tr("Videresend klage"),
            tr("Kommunen har genvurderet afgørelsen og fastholder den. Brevet sender klagen til "
               "klageinstansen med kopi til anmoderen."),
            date.today(), tr("Klagen &modtaget:"), tr("&Bemærkninger:"), 110)
        self.received, self.remarks = self.day, self.text
        self.received.setMaximumDate(_qdate(date.today()))
        self.received.setAccessibleName(tr("Klagen modtaget"))
        self.remarks.setObjectName("klageRemarks")
        self.remarks.setPlaceholderText(tr("Kan udelades"))
        self.remarks.setAccessibleName(tr("Kommunens bemærkninger til klagen"))


def ask_fristbrev(parent: QWidget | None, expected: date) -> tuple[date, str] | None:
    dlg = FristbrevDialog(parent, expected)
    return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None


def ask_klage(parent: QWidget | None) -> tuple[date, str] | None:
    dlg = KlageDialog(parent)
    return dlg.values() if dlg.exec() == QDialog.DialogCode.Accepted else None


# --- the preview -------------------------------------------------------------------------------------------


def render_pdf_pages(pdf: Path, width: int = PREVIEW_WIDTH, limit: int = PREVIEW_PAGES) -> tuple[list, int]:
    """Images of the first ``limit`` pages (as ``(width, height, stride, bytes)``) and the page count.
    Rendered in a renderer process (PyMuPDF would hold this process's GIL); runs on a worker thread."""
    from aktindsigt.ui import render_worker

    proc, conn = render_worker.take()
    try:
        conn.send(("open", str(pdf)))
        reply = conn.recv()
        if reply[0] != "opened":
            log.warning("preview of %s: %s", pdf, reply[1])
            return [], 0
        sizes = reply[1]
        images = []
        for number, (w, h, rotation) in enumerate(sizes[:limit], start=1):
            shown = h if rotation in (90, 270) else w
            conn.send(("render", number, round(width / max(shown, 1.0), 4)))
            got = conn.recv()
            if got[0] == "image":
                images.append(got[1:])
        return images, len(sizes)
    finally:
        with contextlib.suppress(OSError):
            conn.send(None)
        if proc is not None:
            proc.join(timeout=2)


class PreviewDialog(QDialog):
    """A rendered output before it is kept: its pages (or its text when no PDF could be made), the notes
    on it, and "Gem …", which saves it in a folder and records it."""

    def __init__(self, actions: OutputActions, title: str, files, images: list, page_count: int, text: str,
                 scratch: Path) -> None:
        super().__init__(actions.window)
        from aktindsigt.ui.viewer import _bytes_to_qimage

        self.actions, self.files, self.scratch = actions, files, scratch
        self.saving = False
        self.kept = None
        self.setObjectName("previewDialog")
        self.setWindowTitle(tr("{0} — forhåndsvisning").format(title))
        self.title = title
        lay = QVBoxLayout(self)
        self.notes = QLabel("\n".join(files.messages))
        self.notes.setObjectName("previewNotes")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes.setStyleSheet("QLabel#previewNotes { background: #fff8c5; border: 1px solid #9a6700; "
                                 "padding: 6px; }")
        self.notes.setVisible(bool(files.messages))
        lay.addWidget(self.notes)
        self.page_labels: list[QLabel] = []
        if images:
            pages = QWidget()
            pages.setStyleSheet("background: #8a8f96;")
            col = QVBoxLayout(pages)
            col.setSpacing(12)
            for i, img in enumerate(images, start=1):
                label = QLabel()
                label.setPixmap(QPixmap.fromImage(_bytes_to_qimage(*img)))
                label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                label.setAccessibleName(tr("Side {0}").format(i))
                col.addWidget(label)
                self.page_labels.append(label)
            self.scroll = QScrollArea()
            self.scroll.setObjectName("previewPages")
            self.scroll.setWidget(pages)
            self.scroll.setWidgetResizable(True)
            self.scroll.setAccessibleName(tr("Forhåndsvisning"))
            lay.addWidget(self.scroll, 1)
            if page_count > len(images):
                lay.addWidget(QLabel(tr("Forhåndsvisningen viser de første {0} af {1} sider.").format(
                    len(images), page_count)))
            self.text = None
        else:
            self.text = QPlainTextEdit(text)
            self.text.setObjectName("previewText")
            self.text.setReadOnly(True)
            self.text.setAccessibleName(tr("Forhåndsvisning"))
            lay.addWidget(self.text, 1)
        names = ", ".join(p.name for p in files.files)
        what = QLabel(tr("Gem lægger filerne ({0}) i den mappe, du vælger, og noterer dem i sagens log.").format(names))
        what.setWordWrap(True)
        lay.addWidget(what)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(tr("&Gem …"))
        self.save_button.setDefault(True)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(tr("Luk"))
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.finished.connect(lambda _r: self._cleanup())
        fit_to_screen(self, PREVIEW_WIDTH + 80, 860 if images else 600)

    def save(self) -> OpHandle | None:
        folder = ask_folder(self, tr("Vælg mappe til {0}").format(self.title.lower()))
        if folder is None:
            return None
        self.saving = True
        self.save_button.setEnabled(False)
        self.close_button.setEnabled(False)
        svc, files, scratch = self.actions.services, self.files, self.scratch

        def kept(result) -> None:
            self.kept = result
            self.actions.last_result = result
            self.actions.show_files(self.title, folder, result)
            self.accept()

        def ended() -> None:
            self.saving = False
            if shiboken6.isValid(self) and self.isVisible():
                self.save_button.setEnabled(self.kept is None)
                self.close_button.setEnabled(True)
            else:  # closed while saving: the scratch folder goes now
                shutil.rmtree(scratch, ignore_errors=True)

        handle = run_op(self, lambda ctx: svc.keep_output(files, folder), success=kept,
                        changes=lambda _r: ChangeSet({self.actions.case_id}))
        handle.ended.connect(ended)
        return handle

    def reject(self) -> None:
        if not self.saving:
            super().reject()

    def _cleanup(self) -> None:
        if not self.saving:
            shutil.rmtree(self.scratch, ignore_errors=True)


# --- the statements and the municipality profile -------------------------------------------------------------

JOURNAL_SECTIONS = (
    ("scope_dialogue", QT_TR_NOOP("Dialog med anmoderen om afgrænsningen")),
    ("third_parties", QT_TR_NOOP("Tredjeparter hørt")),
    ("quality_review", QT_TR_NOOP("Kvalitetssikring")),
    ("dispatch", QT_TR_NOOP("Afsendelse")),
    ("complaints", QT_TR_NOOP("Senere klager")),
)


class StatementsDialog(QDialog):
    """What the decision letter and the journal note say beyond the documents: the scope, § 14, §§ 28-29, the
    weighing (MOL § 2, stk. 3; shown in a MOL case), the underlying matter's area (which chooses the complaint
    body) and the complaint body itself, the recipient and the signer, the laws named for § 35, the journal
    note's free text."""

    def __init__(self, services, case_id: int, parent: QWidget | None = None, focus: str = "") -> None:
        super().__init__(parent)
        self.services, self.case_id, self.focus_field = services, case_id, focus
        self.loaded = False
        self.areas: dict = {}
        self.setObjectName("statementsDialog")
        self.setWindowTitle(tr("Afgørelsens tekster"))
        self.channel = dialogs.channel_combo()  # the case's own field, like the scope
        self.scope = _text_edit(name="scope")
        self.scope.setAccessibleName(tr("Afgrænsning af anmodningen"))
        self.scope.setPlaceholderText(tr("Hvordan anmodningen er forstået og afgrænset: periode, sager og typer af "
                                         "dokumenter"))
        self.meroffentlighed = _text_edit(name="meroffentlighed")
        self.meroffentlighed.setAccessibleName(tr("Meroffentlighed (§ 14)"))
        self.meroffentlighed.setPlaceholderText(tr("At meroffentlighed er overvejet, og hvorfor der ikke gives mere"))
        self.extraction = _text_edit(name="extraction")
        self.extraction.setAccessibleName(tr("Ekstrahering (§§ 28-29)"))
        self.extraction.setPlaceholderText(tr("Hvad der er ekstraheret af de undtagne dokumenter, eller hvorfor "
                                              "intet er"))
        # the underlying matter's area chooses the complaint body (resources/klageinstanser.yaml)
        self.matter_area = QComboBox()
        self.matter_area.setObjectName("matterArea")
        self.matter_area.setAccessibleName(tr("Den underliggende sags område"))
        self.matter_area.addItem(tr("Vælg den underliggende sags område …"), "")
        self.weighing = _text_edit(name="weighing")  # MOL § 2, stk. 3 (shown in a MOL case)
        self.weighing.setAccessibleName(tr("Den konkrete afvejning"))
        self.weighing.setPlaceholderText(tr("Afvejningen af hensynet til offentlighed om miljøoplysningerne mod de "
                                            "hensyn, der begrunder undtagelsen"))
        self.emissions = QCheckBox(tr("Dokumenterne indeholder oplysninger om emissioner til miljøet (§ 2, stk. 5)"))
        self.emissions.setObjectName("emissions")  # MOL: then the 1985 grounds that do not apply are flagged
        self.complaint_body = QLineEdit()
        self.complaint_body.setObjectName("complaintBody")
        self.complaint_body.setAccessibleName(tr("Klageinstans"))
        self.complaint_body.setPlaceholderText(tr("Tom: klageinstansen for sagens regime"))
        self.recipient_address = _text_edit(height=60, name="recipientAddress")
        self.recipient_address.setAccessibleName(tr("Modtagerens adresse"))
        self.recipient_address.setPlaceholderText(tr("Postadresse (hver linje for sig) eller e-mail"))
        self.signer = QLineEdit()
        self.signer.setObjectName("signer")
        self.signer.setAccessibleName(tr("Underskriver"))
        self.signer_title = QLineEdit()
        self.signer_title.setObjectName("signerTitle")
        self.signer_title.setAccessibleName(tr("Underskriverens titel"))
        letter = QWidget()
        letter_box = QVBoxLayout(letter)
        form = QFormLayout()
        letter_box.addLayout(form)
        letter_box.addStretch(1)
        form.addRow(tr("Modtaget &via:"), self.channel)
        form.addRow(tr("&Afgrænsning:"), self.scope)
        form.addRow(tr("&Meroffentlighed (§ 14):"), self.meroffentlighed)
        form.addRow(tr("&Ekstrahering (§§ 28-29):"), self.extraction)
        form.addRow(tr("Afve&jning (MOL § 2, stk. 3):"), self.weighing)
        form.addRow("", self.emissions)
        self.letter_form = form
        self._set_row_visible(self.weighing, False)
        self._set_row_visible(self.emissions, False)
        form.addRow(tr("Sagens &område:"), self.matter_area)
        form.addRow(tr("&Klageinstans:"), self.complaint_body)
        form.addRow(tr("Mod&tagerens adresse:"), self.recipient_address)
        form.addRow(tr("&Underskriver:"), self.signer)
        form.addRow(tr("Underskriverens &titel:"), self.signer_title)
        self.laws_form = QFormLayout()
        self.law_edits: dict[str, QLineEdit] = {}
        self.laws_box = QWidget()
        laws_lay = QVBoxLayout(self.laws_box)
        laws_lay.setContentsMargins(0, 0, 0, 0)
        laws_intro = QLabel(tr("Loven, der fastsætter tavshedspligten, skal nævnes for hver hjemmel efter § 35 "
                               "(fx sundhedslovens § 40):"))
        laws_intro.setWordWrap(True)
        laws_lay.addWidget(laws_intro)
        laws_lay.addLayout(self.laws_form)
        form.addRow(self.laws_box)
        self.laws_box.hide()
        journal = QWidget()
        journal_box = QVBoxLayout(journal)
        jform = QFormLayout()
        journal_box.addLayout(jform)
        journal_box.addStretch(1)
        self.journal_edits: dict[str, QPlainTextEdit] = {}
        for key, label in JOURNAL_SECTIONS:
            edit = _text_edit(height=60, name=f"journal_{key}")
            edit.setAccessibleName(tr(label))
            self.journal_edits[key] = edit
            jform.addRow(tr(label) + ":", edit)
        # GDPR art. 15(1)(a)-(h): the case's own texts (shown in a GDPR case; empty = the municipality's)
        self.indsigt_tab = QWidget()
        indsigt_box = QVBoxLayout(self.indsigt_tab)
        indsigt_intro = QLabel(tr("Oplysningerne efter databeskyttelsesforordningens artikel 15, stk. 1. Et tomt felt "
                                  "bruger kommunens tekst (vist i feltet); skriv for at tilpasse den til sagen."))
        indsigt_intro.setWordWrap(True)
        indsigt_box.addWidget(indsigt_intro)
        self.indsigt_form = QFormLayout()
        indsigt_box.addLayout(self.indsigt_form)
        indsigt_box.addStretch(1)
        self.indsigt_edits: dict[str, QPlainTextEdit] = {}
        indsigt_scroll = QScrollArea()
        indsigt_scroll.setWidgetResizable(True)
        indsigt_scroll.setWidget(self.indsigt_tab)
        self.tabs = QTabWidget()
        self.tabs.addTab(letter, tr("Afgørelsen"))
        self.tabs.addTab(journal, tr("Journalnotatet"))
        self.indsigt_index = self.tabs.addTab(indsigt_scroll, tr("Artikel 15"))
        self.tabs.setTabVisible(self.indsigt_index, False)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        buttons = dialogs.ok_cancel_buttons(self, tr("Gem"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)  # until the current texts are shown
        lay.addWidget(buttons)
        self.resize(760, 500)
        svc = services
        query(self, lambda: (svc.statements(case_id), svc.get_case(case_id), svc.law_grounds(case_id),
                             svc.complaint_areas() if hasattr(svc, "complaint_areas") else [],
                             svc.indsigt_texts(case_id) if svc.get_case(case_id).regime.value == "gdpr15" else []),
              self._show)

    def _set_row_visible(self, field: QWidget, visible: bool) -> None:
        label = self.letter_form.labelForField(field)
        for w in (label, field):
            if w is not None:
                w.setVisible(visible)

    def _area_changed(self, _index: int) -> None:
        """The complaint body the chosen area gives, as the field's placeholder (the field overrides it)."""
        area = self.areas.get(self.matter_area.currentData() or "")
        if area is None:
            self.complaint_body.setPlaceholderText(tr("Tom: klageinstansen for sagens område"))
        elif area.complaint_body:
            self.complaint_body.setPlaceholderText(tr("Tom: {0}").format(area.complaint_body))
        else:
            self.complaint_body.setPlaceholderText(tr("Tom: ingen klageinstans for den underliggende sag"))

    def _show(self, result) -> None:
        st, case, law_grounds, areas, indsigt = result
        from aktindsigt.core.model import Regime

        for item in indsigt:
            edit = _text_edit(item["text"], height=60, name=f"indsigt_{item['key']}")
            edit.setPlaceholderText(" ".join(item["template"].split()))
            edit.setAccessibleName(item["heading"])
            self.indsigt_edits[item["key"]] = edit
            self.indsigt_form.addRow(item["heading"] + ":", edit)
        self.tabs.setTabVisible(self.indsigt_index, bool(indsigt))

        self.areas = {a.id: a for a in areas}
        for a in areas:
            self.matter_area.addItem(a.label, a.id)
        self.matter_area.setCurrentIndex(max(self.matter_area.findData(st.matter_area), 0))
        self._area_changed(self.matter_area.currentIndex())
        self.matter_area.currentIndexChanged.connect(self._area_changed)
        self.weighing.setPlainText(st.weighing)
        self._set_row_visible(self.weighing, case.regime is Regime.MOL or bool(st.weighing))
        self.emissions.setChecked(st.emissions)
        self._set_row_visible(self.emissions, case.regime is Regime.MOL or st.emissions)
        scope = case.scope
        self.original = (st, scope)
        if case.caseworker:  # what the letter uses when the field is empty
            self.signer.setPlaceholderText(tr("Tom: sagsbehandleren ({0})").format(case.caseworker))
        self.scope.setPlainText(scope)
        self.channel.setCurrentText(case.channel)
        self.meroffentlighed.setPlainText(st.meroffentlighed)
        self.extraction.setPlainText(st.extraction)
        self.complaint_body.setText(st.complaint_body)
        self.recipient_address.setPlainText(st.recipient_address)
        self.signer.setText(st.signer)
        self.signer_title.setText(st.signer_title)
        for gid in law_grounds:
            edit = QLineEdit(st.laws.get(gid, ""))
            edit.setObjectName(f"law_{gid}")
            edit.setAccessibleName(tr("Lov for {0}").format(ground_label(gid)))
            self.law_edits[gid] = edit
            self.laws_form.addRow(ground_label(gid) + ":", edit)
        self.laws_box.setVisible(bool(law_grounds))
        for key, edit in self.journal_edits.items():
            edit.setPlainText(st.journal.get(key, ""))
        self.loaded = True
        self.ok_button.setEnabled(True)
        self.focus(self.focus_field)

    def focus(self, field: str) -> None:
        """Put the cursor in the field a checklist problem names (``statements.extraction``, ``case.scope``)."""
        widget = None
        if field == "case.scope":
            widget = self.scope
        elif field == "case.channel":
            widget = self.channel
        elif field.startswith("statements.laws."):
            widget = self.law_edits.get(field.removeprefix("statements.laws."))
        elif field.startswith("statements.indsigt."):
            widget = self.indsigt_edits.get(field.removeprefix("statements.indsigt."))
            if widget is not None:
                self.tabs.setCurrentIndex(self.indsigt_index)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        elif field.startswith("statements."):
            name = field.removeprefix("statements.")
            widget = getattr(self, name, None) if name in (
                "meroffentlighed", "extraction", "complaint_body", "matter_area", "weighing", "recipient_address",
                "signer", "signer_title") else None
        if widget is not None:
            self.tabs.setCurrentIndex(0)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict:
        return {
            "scope": self.scope.toPlainText(),
            "channel": self.channel.currentText(),
            "meroffentlighed": self.meroffentlighed.toPlainText(),
            "extraction": self.extraction.toPlainText(),
            "complaint_body": self.complaint_body.text(),
            "matter_area": self.matter_area.currentData() or "",
            "weighing": self.weighing.toPlainText(),
            "emissions": self.emissions.isChecked(),
            "recipient_address": self.recipient_address.toPlainText(),
            "signer": self.signer.text(),
            "signer_title": self.signer_title.text(),
            "laws": {gid: e.text() for gid, e in self.law_edits.items()},
            "journal": {key: e.toPlainText() for key, e in self.journal_edits.items()},
            "indsigt": {key: e.toPlainText() for key, e in self.indsigt_edits.items()},
        }

    def accept(self) -> None:
        if not self.loaded:
            return
        values, svc, cid = self.values(), self.services, self.case_id
        run_op(self, lambda ctx: svc.save_statements(cid, **values), success=lambda _r: super(
            StatementsDialog, self).accept(), changes=lambda _r: ChangeSet({cid}))


MUNICIPALITY_FIELDS = (
    ("name", QT_TR_NOOP("&Navn:"), QT_TR_NOOP("Kommunens navn")),
    ("unit", QT_TR_NOOP("&Enhed:"), QT_TR_NOOP("Enhed eller afdeling")),
    ("address", QT_TR_NOOP("&Adresse:"), QT_TR_NOOP("Adresse")),
    ("cvr", QT_TR_NOOP("&CVR-nummer:"), QT_TR_NOOP("CVR-nummer (8 cifre)")),
    ("kommunekode", QT_TR_NOOP("&Kommunekode:"), QT_TR_NOOP("Kommunekode (3 cifre)")),
    ("phone", QT_TR_NOOP("&Telefon:"), QT_TR_NOOP("Telefon")),
    ("email", QT_TR_NOOP("&E-mail:"), QT_TR_NOOP("E-mail")),
    ("website", QT_TR_NOOP("&Hjemmeside:"), QT_TR_NOOP("Hjemmeside")),
)


class MunicipalityDialog(QDialog):
    """The authority's profile that every letter is headed with (name, unit, address, CVR, kommunekode ...)."""

    def __init__(self, services, parent: QWidget | None = None, focus: str = "") -> None:
        super().__init__(parent)
        self.services, self.focus_field = services, focus
        self.loaded = False
        self.setObjectName("municipalityDialog")
        self.setWindowTitle(tr("Kommuneprofil"))
        intro = QLabel(tr("Brevene bruger kommunens navn, enhed, adresse og kontaktoplysninger. Kommunekoden indgår i "
                          "navnet på eksportpakken."))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        for key, label, name in MUNICIPALITY_FIELDS:
            edit: QLineEdit | QPlainTextEdit
            if key == "address":
                edit = _text_edit(height=60)
                edit.setPlaceholderText(tr("Gade og nummer, postnummer og by (en linje hver)"))
            else:
                edit = QLineEdit()
            edit.setObjectName(f"municipality_{key}")
            edit.setAccessibleName(tr(name))
            self.edits[key] = edit
            form.addRow(tr(label), edit)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        buttons = dialogs.ok_cancel_buttons(self, tr("Gem"))
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        lay.addWidget(buttons)
        self.resize(560, 420)
        query(self, services.municipality, self._show)

    def _show(self, m) -> None:
        values = m.to_dict()
        for key, edit in self.edits.items():
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(values.get(key, ""))
            else:
                edit.setText(values.get(key, ""))
        self.loaded = True
        self.ok_button.setEnabled(True)
        key = self.focus_field.removeprefix("municipality.")
        if key in self.edits:
            self.edits[key].setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict[str, str]:
        return {k: e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text() for k, e in self.edits.items()}

    def accept(self) -> None:
        if not self.loaded:
            return
        values, svc = self.values(), self.services
        # every case's letters and checklist read the profile
        run_op(self, lambda ctx: svc.set_municipality(**values),
               success=lambda _r: super(MunicipalityDialog, self).accept(), changes=lambda _r: ChangeSet({-1}))


def open_municipality(parent: QWidget | None, services, focus: str = "") -> MunicipalityDialog:
    dlg = MunicipalityDialog(services, parent, focus)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.open()
    return dlg


# --- the menu ----------------------------------------------------------------------------------------------------


class OutputActions:
    """Builds the menu on a case window and runs the output use cases."""

    def __init__(self, window: QMainWindow, services, case_id: int) -> None:
        self.window, self.services, self.case_id = window, services, case_id
        self.last_result = None
        self.last_dialog: QDialog | None = None
        self.checklist_dialog: ListDialog | None = None
        self.actions: list[QAction | None] = []
        svc = services
        specs = [
            ("checklist", tr("&Tjekliste før afsendelse …"), self.checklist, "F9"),
            ("save_statements", tr("Afgørelsens &tekster …"), self.edit_statements, None),
            ("set_municipality", tr("Kommune&profil …"), self.edit_municipality, None),
            None,
            ("render_kvittering", tr("Dan &kvittering …"), self.kvittering, None),
            ("render_fristbrev", tr("Dan &fristbrev …"), self.fristbrev, None),
            ("render_letter", tr("Dan &afgørelse (udkast) …"), lambda: self.letter(draft=True), None),
            ("render_letter", tr("Dan afgørelse (&endelig) …"), lambda: self.letter(draft=False), None),
            ("render_aktliste", tr("Dan a&ktliste …"), self.aktliste, None),
            ("render_journalnotat", tr("Dan &journalnotat …"), self.journalnotat, None),
            ("render_klage_videresendelse", tr("&Videresend klage …"), self.klage, None),
            None,
            ("redact_case", tr("&Overstreg og kontrollér dokumenterne …"), self.redact_case, None),
            ("export_bundle", tr("&Eksportér pakke til ESDH …"), self.export_bundle, None),
        ]
        self.by_name: dict[str, QAction] = {}
        for spec in specs:
            if spec is None:
                self.actions.append(None)
                continue
            name, text, slot, shortcut = spec
            if not hasattr(svc, name):
                continue  # not offered by the services (yet): not shown
            a = QAction(text, window)
            if shortcut:
                a.setShortcut(shortcut)
            a.triggered.connect(lambda *_a, s=slot: s())
            window.addAction(a)
            self.actions.append(a)
            self.by_name.setdefault(name, a)

    def add_menu(self) -> None:
        if any(a is not None for a in self.actions):
            menu = self.window.menuBar().addMenu(tr("&Udlevering"))
            for a in self.actions:
                if a is None:
                    menu.addSeparator()
                else:
                    menu.addAction(a)

    # --- checklist, statements, municipality ---------------------------------------------------------

    def checklist(self) -> OpHandle:
        """The checklist beside the case window (not modal): double-click a point to go where it is fixed; a point
        that is fixed disappears (the window recomputes the checklist after every change)."""
        def show(problems) -> None:
            self.last_result = problems
            dlg = self.checklist_dialog
            if dlg is None or not shiboken6.isValid(dlg):
                dlg = ListDialog(self.window, tr("Tjekliste"), "", [])
                dlg.setObjectName("checklistDialog")
                dlg.list.itemActivated.connect(lambda item: self.fix(item.data(Qt.ItemDataRole.UserRole)))
                dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
                self.checklist_dialog = dlg
            self._fill_checklist(problems)
            dlg.show()
            dlg.raise_()
            self.last_dialog = dlg

        return run_op(self.window, lambda ctx: self.services.checklist(self.case_id), success=show, mutates=False)

    def checklist_changed(self, problems) -> None:
        """The case window recomputed the checklist: an open checklist shows what is left."""
        dlg = self.checklist_dialog
        if dlg is not None and shiboken6.isValid(dlg) and dlg.isVisible():
            self._fill_checklist(problems)

    def _fill_checklist(self, problems) -> None:
        from aktindsigt.ui.common import count

        dlg = self.checklist_dialog
        if problems:
            intro = tr("{0} skal løses, før afgørelsen kan sendes. Dobbeltklik på et punkt (eller tryk Enter) for at gå "
                       "til feltet, hvor det rettes; punktet forsvinder, når det er rettet.").format(
                count(len(problems), tr("punkt"), tr("punkter")))
        else:
            intro = tr("Tjeklisten er tom: sagen er klar til afsendelse.")
        dlg.intro.setText(intro)
        current = dlg.list.currentRow()
        dlg.list.clear()
        for p in problems:
            item = QListWidgetItem(str(p))
            item.setData(Qt.ItemDataRole.UserRole, p)
            dlg.list.addItem(item)
        dlg.list.setVisible(bool(problems))
        if problems:
            dlg.list.setCurrentRow(min(max(current, 0), len(problems) - 1))
            screen = dlg.screen().availableGeometry() if dlg.screen() else None
            if dlg.height() < 300:  # opened empty: room for the points (within the screen)
                dlg.resize(760, min(520, int(screen.height() * 0.7)) if screen else 520)

    def fix(self, problem):
        """Go to where a checklist problem is fixed: the document's field in the document panel, the document
        decision, the document's open suggestions, the statements or the municipality profile."""
        field = getattr(problem, "field", "") or ""
        if field.startswith("municipality."):
            return self.edit_municipality(field)
        if (field.startswith("statements.") and field != "statements.public_parties") or field in ("case.scope",
                                                                                                   "case.channel"):
            return self.edit_statements(field)
        if field == "documents" and hasattr(self.window, "ask_import_files"):
            return self.window.ask_import_files()
        if field.startswith("resources/"):
            show_error(self.window, tr("Punktet rettes i programmets tekstskabeloner ({0}). Kontakt den, der "
                                       "vedligeholder dem.").format(field.split(":")[0]))
            return None
        if hasattr(self.window, "go_to_field"):
            return self.window.go_to_field(getattr(problem, "document_id", None), field)
        self._go_to(getattr(problem, "document_id", None))
        return None

    def _go_to(self, document_id) -> None:
        if document_id is not None and hasattr(self.window, "docs"):
            self.window.docs.select_document(document_id)

    def edit_statements(self, focus: str = "") -> StatementsDialog:
        dlg = StatementsDialog(self.services, self.case_id, self.window, focus)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        self.last_dialog = dlg
        return dlg

    def edit_municipality(self, focus: str = "") -> MunicipalityDialog:
        dlg = open_municipality(self.window, self.services, focus)
        self.last_dialog = dlg
        return dlg

    # --- letters: preview, then keep --------------------------------------------------------------

    def preview(self, title: str, render: Callable[[Path], object], progress: str) -> OpHandle:
        """Render into a scratch folder (nothing recorded), show the result, keep it on "Gem …"."""
        scratch = Path(tempfile.mkdtemp(prefix="aktindsigt-preview-"))

        def work(ctx):
            from aktindsigt.outputs.render import docx_text

            files = render(scratch)
            images, count = render_pdf_pages(files.pdf) if files.pdf is not None else ([], 0)
            text = docx_text(files.docx) if not images and files.docx is not None else ""
            if not images and not text and files.csv is not None:
                text = files.csv.read_text(encoding="utf-8-sig")
            return files, images, count, text

        def show(result) -> None:
            files, images, count, text = result
            dlg = PreviewDialog(self, title, files, images, count, text, scratch)
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.open()
            self.last_dialog = dlg
            self.last_result = files

        def failed(e: BaseException) -> None:
            shutil.rmtree(scratch, ignore_errors=True)
            from aktindsigt.services import ServiceError
            from aktindsigt.ui.ops import _show_unexpected

            if isinstance(e, ServiceError):
                show_error(self.window, e.message)
            else:
                _show_unexpected(self.window)

        return run_op(self.window, work, success=show, failure=failed, progress=progress, mutates=False)

    def kvittering(self) -> OpHandle:
        svc, cid = self.services, self.case_id
        return self.preview(tr("Kvittering"), lambda d: svc.render_kvittering(cid, d, record=False),
                            tr("Danner kvitteringen …"))

    def fristbrev(self) -> OpHandle | None:
        detail = getattr(self.window, "detail", None)
        due = detail.deadlines.fristbrev_due if detail is not None else date.today()
        answer = ask_fristbrev(self.window, max(due, date.today()) + timedelta(days=14))
        if answer is None:
            return None
        expected, reason = answer
        svc, cid = self.services, self.case_id
        return self.preview(tr("Fristbrev"), lambda d: svc.render_fristbrev(cid, d, expected, reason, record=False),
                            tr("Danner fristbrevet …"))

    def klage(self) -> OpHandle | None:
        answer = ask_klage(self.window)
        if answer is None:
            return None
        received, remarks = answer
        svc, cid = self.services, self.case_id
        return self.preview(tr("Klage videresendt"),
                            lambda d: svc.render_klage_videresendelse(cid, d, received, remarks, record=False),
                            tr("Danner brevet til klageinstansen …"))

    def letter(self, draft: bool) -> OpHandle:
        svc, cid = self.services, self.case_id
        return self.preview(tr("Afgørelse (udkast)") if draft else tr("Afgørelse"),
                            lambda d: svc.render_letter(cid, d, draft=draft, record=False), tr("Danner afgørelsen …"))

    def aktliste(self) -> OpHandle:
        svc, cid = self.services, self.case_id
        return self.preview(tr("Aktliste"), lambda d: svc.render_aktliste(cid, d, record=False),
                            tr("Danner aktlisten …"))

    def journalnotat(self) -> OpHandle:
        svc, cid = self.services, self.case_id
        return self.preview(tr("Journalnotat"), lambda d: svc.render_journalnotat(cid, d, record=False),
                            tr("Danner journalnotatet …"))

    # --- redaction and export: straight into a folder ------------------------------------------------------

    def _render(self, title: str, fn, progress: str, cancellable: bool = False) -> OpHandle | None:
        folder = ask_folder(self.window, title)
        if folder is None:
            return None

        def done(result) -> None:
            self.last_result = result
            self.show_files(title, folder, result)

        return run_op(self.window, lambda ctx: fn(folder, ctx), success=done, progress=progress,
                      cancellable=cancellable, changes=lambda _r: ChangeSet({self.case_id}))

    def redact_case(self) -> OpHandle | None:
        """Redact into a folder of the caseworker's choice. The services refuse a folder that holds anything
        (the files appear there only when all passed): the caseworker is asked whether to use a new
        subfolder or to replace the folder as a whole."""
        title = tr("Vælg mappe til de overstregede dokumenter")
        folder = ask_folder(self.window, title)
        if folder is None:
            return None
        replace = False
        if folder.is_dir() and any(folder.iterdir()):
            detail = getattr(self.window, "detail", None)  # the case window's loaded case
            number = detail.case.case_number if detail is not None else str(self.case_id)
            answer = ask_used_folder(self.window, folder, tr("Overstreget {0} {1}").format(
                number, date.today().strftime("%d.%m.%Y")))
            if answer is None:
                return None
            folder, replace = answer

        def done(result) -> None:
            self.last_result = result
            self.show_files(title, folder, result)

        return run_op(self.window, lambda ctx: procpool.call(self.services, ctx, "redact_case", self.case_id, folder,
                                                             progress=_documents_progress(ctx, 0), replace=replace),
                      success=done, progress=tr("Overstreger og kontrollerer …"), cancellable=True,
                      changes=lambda _r: ChangeSet({self.case_id}))

    def export_bundle(self) -> OpHandle:
        """Export; when the checklist has problems or the case is not approved, a team lead is asked for the
        written reason to export anyway (a caseworker is told why it cannot be exported yet)."""
        def checked(check) -> None:
            override = ""
            if check.needs_override:
                if not check.can_override:
                    show_error(self.window, check.refusal())
                    return
                answer = dialogs.ask_comment(
                    self.window, tr("Eksportér trods tjeklisten eller godkendelsen"),
                    tr("Som teamleder kan du eksportere sagen alligevel. Skriv begrundelsen; den gemmes i loggen og i "
                       "pakkens manifest:"), tr("Eksportér alligevel"), required=True, details=check.obstacles)
                if answer is None:
                    return
                override = answer
            self._export(override)

        return query(self.window, lambda: self.services.export_check(self.case_id), checked)

    def _export(self, override: str) -> OpHandle | None:
        """Into a folder of the caseworker's choice; when the case was exported there earlier today (a bundle of
        the same name is there), the caseworker chooses a new subfolder, replacing the old bundle, or neither."""
        title = tr("Vælg mappe til ESDH-pakken")
        folder = ask_folder(self.window, title)
        if folder is None:
            return None
        svc, cid = self.services, self.case_id

        def start(bundle: Path) -> OpHandle | None:
            target, replace = folder, False
            if bundle.exists():
                answer = ask_existing_bundle(self.window, bundle, tr("Eksport {0}").format(
                    datetime.now().strftime("%d.%m.%Y kl. %H.%M")))
                if answer is None:
                    return None
                target, replace = answer

            def done(result) -> None:
                self.last_result = result
                self.show_files(title, target, result)

            return run_op(self.window, lambda ctx: procpool.call(
                svc, ctx, "export_bundle", cid, target, progress=_documents_progress(ctx, 3),
                override_reason=override, replace=replace),
                success=done, progress=tr("Eksporterer …"), cancellable=True, changes=lambda _r: ChangeSet({cid}))

        return query(self.window, lambda: svc.bundle_folder(cid, folder), start)

    def show_files(self, title: str, folder: Path | None, result) -> ListDialog:
        lines: list[tuple[str, object]] = []
        if isinstance(getattr(result, "manifest", None), dict):  # ExportResult: the notes first, then the files
            where = folder = Path(result.path)
            notes = list(getattr(result, "messages", []))
            intro = tr("Eksportpakken er dannet i {0}, og sagen er udleveret.").format(where)
            if len(notes) == 1:
                intro += " " + tr("Læs bemærkningen øverst i listen.")
            elif notes:
                intro += " " + tr("Læs de {0} bemærkninger øverst i listen.").format(len(notes))
            lines += [(_noted(m), None) for m in notes]
            lines += [(_relative(p, where), None) for p in result.files]
        elif hasattr(result, "files") and isinstance(result.files, list):  # OutputFiles
            lines += [(str(p), None) for p in result.files]
            lines += [(m, None) for m in getattr(result, "messages", [])]
            where = getattr(result, "path", None) or folder
            intro = tr("Filerne er skrevet i {0}.").format(where)
        else:  # CaseRedaction
            docs = getattr(result, "documents", [])
            for d in docs:
                status = tr("kontrolleret") if d.passed else tr("FEJLEDE kontrollen")
                lines.append((tr("Akt {0}: {1} — {2}").format(d.document.akt_nr, d.document.title, status),
                              d.document.id))
                lines += [("    " + p, d.document.id) for p in d.problems]
            for doc, why in getattr(result, "skipped", []):
                lines.append((tr("Akt {0}: {1} — ikke udleveret: {2}").format(doc.akt_nr, doc.title, why), doc.id))
            # a value withheld in one document and deliberately kept in another: the caseworker resolves it
            by_akt = {d.document.akt_nr: d.document.id for d in docs}
            lines += [(tr("Konflikt: {0}").format(c.message), by_akt.get(c.kept_in))
                      for c in getattr(result, "conflicts", [])]
            written = getattr(result, "written", True)
            if getattr(result, "cancelled", False):
                # the files are staged and appear only when all passed: a cancelled run leaves nothing behind
                intro = tr("Annulleret. Der er ikke skrevet noget i {0}; de overstregede dokumenter kommer først "
                           "i mappen, når de alle er færdige og kontrolleret.").format(folder)
            elif getattr(result, "passed", False) and written:
                if len(docs) == 1:
                    intro = tr("Dokumentet er overstreget og kontrolleret. Det ligger i {0}.").format(folder)
                elif docs:
                    intro = tr("Alle {0} dokumenter er overstreget og kontrolleret. De ligger i {1}.").format(
                        len(docs), folder)
                else:
                    intro = tr("Ingen dokumenter skal udleveres. Kontrolrapporten ligger i {0}.").format(folder)
            else:
                from aktindsigt.ui.common import count

                n = len(getattr(result, "failed", []))
                intro = tr("{0} kontrollen. Der er ikke skrevet noget i {1}; ret det, listen viser, og overstreg "
                           "igen.").format(count(n, tr("dokument fejlede"), tr("dokumenter fejlede")), folder)
        if not Path(folder).exists():
            folder = None  # nothing to open
        dlg = ListDialog(self.window, title, intro, lines, folder)
        dlg.list.itemActivated.connect(lambda item: self._go_to(item.data(Qt.ItemDataRole.UserRole)))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        self.last_dialog = dlg
        return dlg
