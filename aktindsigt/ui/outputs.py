"""The case window's "Udlevering" menu: checklist, redacted documents, letter, aktliste, journal note.

Each entry is only created when the services offer the use case (they are written in parallel).
Everything runs through ``ui.ops``; the results list the files written and any Danish notes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.ui import procpool
from aktindsigt.ui.ops import ChangeSet, OpHandle, run_op


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def ask_folder(parent: QWidget | None, title: str) -> Path | None:
    """Where to write (tests replace this function)."""
    folder = QFileDialog.getExistingDirectory(parent, title)
    return Path(folder) if folder else None


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
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Luk"))
        buttons.rejected.connect(self.accept)
        if folder is not None:
            b = buttons.addButton(tr("Åbn &mappe"), QDialogButtonBox.ButtonRole.ActionRole)
            b.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        lay.addWidget(buttons)
        self.resize(720, 380 if lines else 140)


class OutputActions:
    """Builds the menu on a case window and runs the output use cases."""

    def __init__(self, window: QMainWindow, services, case_id: int) -> None:
        self.window, self.services, self.case_id = window, services, case_id
        self.last_result = None
        self.actions: list[QAction] = []
        svc = services
        specs = [
            ("checklist", tr("&Tjekliste før afsendelse …"), self.checklist, "F9"),
            ("redact_case", tr("&Overstreg og kontrollér dokumenterne …"), self.redact_case, None),
            ("render_letter", tr("Dan &afgørelse (udkast) …"), lambda: self.letter(draft=True), None),
            ("render_letter", tr("Dan afgørelse (&endelig) …"), lambda: self.letter(draft=False), None),
            ("render_aktliste", tr("Dan a&ktliste …"), self.aktliste, None),
            ("render_journalnotat", tr("Dan &journalnotat …"), self.journalnotat, None),
            ("export_bundle", tr("&Eksportér pakke til ESDH …"), self.export_bundle, None),
        ]
        for name, text, slot, shortcut in specs:
            if not hasattr(svc, name):
                continue  # not offered by the services (yet): not shown
            a = QAction(text, window)
            if shortcut:
                a.setShortcut(shortcut)
            a.triggered.connect(lambda *_a, s=slot: s())
            window.addAction(a)
            self.actions.append(a)

    def add_menu(self) -> None:
        if self.actions:
            menu = self.window.menuBar().addMenu(tr("&Udlevering"))
            menu.addActions(self.actions)

    # --- the use cases -------------------------------------------------------------------

    def checklist(self) -> OpHandle:
        def show(problems) -> None:
            self.last_result = problems
            if problems:
                intro = tr("{0} punkt(er) skal løses, før afgørelsen kan sendes. Dobbeltklik for at gå til "
                           "dokumentet.").format(len(problems))
            else:
                intro = tr("Tjeklisten er tom: sagen er klar til afsendelse.")
            dlg = ListDialog(self.window, tr("Tjekliste"), intro,
                             [(str(p), getattr(p, "document_id", None)) for p in problems])
            dlg.list.itemActivated.connect(lambda item: self._go_to(item.data(Qt.ItemDataRole.UserRole)))
            dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dlg.open()

        return run_op(self.window, lambda ctx: self.services.checklist(self.case_id), success=show, mutates=False)

    def _go_to(self, document_id) -> None:
        if document_id is not None and hasattr(self.window, "docs"):
            self.window.docs.select_document(document_id)

    def _render(self, title: str, fn, progress: str, cancellable: bool = False) -> OpHandle | None:
        folder = ask_folder(self.window, title)
        if folder is None:
            return None

        def done(result) -> None:
            self.last_result = result
            self._show_files(title, folder, result)

        return run_op(self.window, lambda ctx: fn(folder, ctx), success=done, progress=progress,
                      cancellable=cancellable, changes=lambda _r: ChangeSet({self.case_id}))

    def letter(self, draft: bool) -> OpHandle | None:
        return self._render(tr("Vælg mappe til afgørelsen"),
                            lambda folder, ctx: self.services.render_letter(self.case_id, folder, draft=draft),
                            tr("Danner afgørelsen …"))

    def aktliste(self) -> OpHandle | None:
        return self._render(tr("Vælg mappe til aktlisten"),
                            lambda folder, ctx: self.services.render_aktliste(self.case_id, folder),
                            tr("Danner aktlisten …"))

    def journalnotat(self) -> OpHandle | None:
        return self._render(tr("Vælg mappe til journalnotatet"),
                            lambda folder, ctx: self.services.render_journalnotat(self.case_id, folder),
                            tr("Danner journalnotatet …"))

    def redact_case(self) -> OpHandle | None:
        return self._render(
            tr("Vælg mappe til de overstregede dokumenter"),
            lambda folder, ctx: procpool.call(self.services, ctx, "redact_case", self.case_id, folder,
                                              progress=ctx.progress),
            tr("Overstreger og kontrollerer …"), cancellable=True)

    def export_bundle(self) -> OpHandle | None:
        return self._render(
            tr("Vælg mappe til ESDH-pakken"),
            lambda folder, ctx: procpool.call(self.services, ctx, "export_bundle", self.case_id, folder,
                                              progress=ctx.progress),
            tr("Eksporterer …"), cancellable=True)

    def _show_files(self, title: str, folder: Path, result) -> None:
        lines: list[tuple[str, object]] = []
        if hasattr(result, "files") and isinstance(result.files, list):  # OutputFiles, ExportResult
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
            if getattr(result, "cancelled", False):
                intro = tr("Annulleret. De dokumenter, der nåede at blive færdige, ligger i {0}.").format(folder)
            elif getattr(result, "passed", False):
                intro = tr("Alle {0} dokumenter er overstreget og kontrolleret. De ligger i {1}.").format(
                    len(docs), folder)
            else:
                intro = tr("{0} dokument(er) fejlede kontrollen og er ikke udleveret. Se listen.").format(
                    len(getattr(result, "failed", [])))
        dlg = ListDialog(self.window, title, intro, lines, folder)
        dlg.list.itemActivated.connect(lambda item: self._go_to(item.data(Qt.ItemDataRole.UserRole)))
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
