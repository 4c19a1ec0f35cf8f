"""The case's reference in the municipality's ESDH (GetOrganized case id or SBSYS sags-id), set from the
case window: with it, the export bundle carries files the ESDH integration posts as they are
(``services/esdh.py``); without it, only the neutral folder."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from aktindsigt.ui.ops import ChangeSet, query, run_op


def tr(text: str) -> str:
    return QCoreApplication.translate("Esdh", text)


def describe_ref(ref: str) -> str:
    """What the export makes of a reference, in Danish (shown under the field as it is typed)."""
    ref = " ".join((ref or "").split())
    if not ref:
        return tr("Uden reference får eksportpakken kun den neutrale mappe med manifest.json.")
    if ref.isdigit():
        return tr("Eksportpakken får filer til GetOrganized og til SBSYS (sag {0}).").format(ref)
    return tr("Eksportpakken får filer til GetOrganized (sag {0}). SBSYS bruger et sags-id, der er et tal.").format(ref)


class EsdhRefDialog(QDialog):
    def __init__(self, parent: QWidget | None, current: str) -> None:
        super().__init__(parent)
        self.setObjectName("esdhRefDialog")
        self.setWindowTitle(tr("Sagens ESDH-reference"))
        intro = QLabel(tr("Aktindsigtssagens nummer i kommunens ESDH: GetOrganized-sagens id (fx AKT-2026-000123) "
                          "eller SBSYS-sagens id (et tal)."))
        intro.setWordWrap(True)
        self.edit = QLineEdit(current)
        self.edit.setObjectName("esdhRefEdit")
        self.edit.setMaxLength(128)
        self.edit.setAccessibleName(tr("ESDH-reference"))
        self.hint = QLabel(describe_ref(current))
        self.hint.setObjectName("esdhRefHint")
        self.hint.setWordWrap(True)
        self.edit.textChanged.connect(lambda text: self.hint.setText(describe_ref(text)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Gem"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Annullér"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.edit)
        lay.addWidget(self.hint)
        lay.addWidget(buttons)
        self.resize(520, 170)

    @property
    def value(self) -> str:
        return " ".join(self.edit.text().split())


def edit_esdh_ref(window) -> None:
    """Read the case (its reference and version), ask, save with that version (a change by someone else in
    between is refused with who, and the view reloads)."""
    svc, case_id = window.services, window.case_id

    def ask(case) -> None:
        dlg = EsdhRefDialog(window, case.esdh_ref or "")
        window.esdh_dialog = dlg

        def done(result: int) -> None:
            if result != QDialog.DialogCode.Accepted or dlg.value == (case.esdh_ref or ""):
                return
            ref = dlg.value
            run_op(window, lambda ctx: svc.set_esdh_ref(case_id, ref, version=case.version),
                   success=lambda _c: window.statusBar().showMessage(
                       tr("ESDH-referencen er gemt: {0}").format(ref) if ref else tr("ESDH-referencen er fjernet."),
                       8000),
                   changes=lambda _c: ChangeSet({case_id}))

        dlg.finished.connect(done)
        dlg.open()

    query(window, lambda: svc.get_case(case_id), ask)


def choose_and_verify_bundle(window) -> None:
    """Pick an export bundle (its manifest.json, or a .zip of it) and check it again (``verify_bundle_at``)."""
    from pathlib import Path

    from PySide6.QtWidgets import QFileDialog

    name, _filter = QFileDialog.getOpenFileName(
        window, tr("Vælg eksportpakken: dens manifest.json eller zip-filen"), "",
        tr("Eksportpakke (manifest.json *.zip)"))
    if name:
        path = Path(name)
        verify_bundle_at(window, path.parent if path.name == "manifest.json" else path)


def verify_bundle_at(window, path):
    """``bundle verify`` from the app: every hash against SHA256SUMS, the manifest, its schema and the store's
    record of the export, and the leak check again on the released files (in the background)."""
    from PySide6.QtWidgets import QMessageBox

    from aktindsigt.ui import ops

    def show(check) -> None:
        text = check.summary()
        if check.problems:
            text += "\n\n" + "\n".join(f"• {p}" for p in check.problems[:30])
            if len(check.problems) > 30:
                text += "\n" + tr("… og {0} flere.").format(len(check.problems) - 30)
        icon = QMessageBox.Icon.Information if check.ok else QMessageBox.Icon.Warning
        box = QMessageBox(icon, tr("Kontrol af eksportpakken"), text, QMessageBox.StandardButton.Ok, window)
        box.setObjectName("bundleCheckBox")
        ops.last_messages.append(text)
        window.bundle_check_box = box
        box.open()

    return run_op(window, lambda ctx: window.services.verify_bundle(path), success=show, mutates=False,
                  progress=tr("Kontrollerer eksportpakken …"))
