"""Søg i sagen / Overstreg alle forekomster: every hit in every document of the case, with its context,
a count and a check box; the checked hits are redacted in one operation (one Ctrl+Z in the case window
restores the case exactly).

    open_search(window, needle="")   # what Ctrl+F and "Overstreg alle forekomster …" open

The dialog is a thin shell over ``services.search_case`` and ``services.redact_hits``; a double click
shows the hit in the document viewer.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.danish import count as counted
from aktindsigt.ui.common import place_dialog, remember_window
from aktindsigt.ui.dialogs import ground_combo
from aktindsigt.ui.ops import query


def tr(text: str) -> str:
    return QCoreApplication.translate("SearchDialog", text)


SETTINGS_KEY = "searchDialog"  # its size and place in ui.ini
STATE_LABELS = {"open": "Åben", "suggested": "Forslag", "redacted": "Overstreget", "kept": "Bevaret"}


class SearchDialog(QDialog):
    """The hits of one search, each with a check box; "Overstreg markerede" redacts the checked ones."""

    def __init__(self, parent: QWidget | None, services: Any, case_id: int, needle: str = "",
                 perform=None, show_hit=None, choices=None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle(tr("Søg og overstreg i hele sagen"))
        self.services = services
        self.case_id = case_id
        self.perform = perform  # the case window's perform (undo stack); None: apply directly
        self.show_hit = show_hit
        self.hits: list[Any] = []
        self.needle = QLineEdit(needle)
        self.needle.setObjectName("searchText")
        self.needle.setPlaceholderText(tr("Navn, nummer, adresse eller anden tekst"))
        self.needle.setAccessibleName(tr("Søgetekst"))
        self.regex = QCheckBox(tr("&Mønster (regulært udtryk)"))
        self.search_button = QPushButton(tr("&Søg"))
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.needle.returnPressed.connect(self.search)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("&Tekst:")))
        top.itemAt(0).widget().setBuddy(self.needle)  # type: ignore[union-attr]
        top.addWidget(self.needle, 1)
        top.addWidget(self.regex)
        top.addWidget(self.search_button)
        self.tree = QTreeWidget()
        self.tree.setObjectName("searchHits")
        self.tree.setHeaderLabels([tr("Akt"), tr("Side"), tr("Forekomst i sammenhæng"), tr("Status")])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # the context gets the width (the screenshots showed the status column taking half of it)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(lambda *_: self._update_count())
        self.tree.itemDoubleClicked.connect(self._show)
        self.count = QLabel()
        self.count.setObjectName("searchCount")
        self.check_all = QPushButton(tr("Markér &alle"))
        self.check_all.clicked.connect(lambda: self._set_all(True))
        self.check_none = QPushButton(tr("&Fjern markering"))
        self.check_none.clicked.connect(lambda: self._set_all(False))
        # no ground until one is proposed (the ground of the suggestions found, else the one the case uses
        # most) or chosen: the first of the catalogue (§ 14, meroffentlighed) is no ground to redact with
        self.ground = ground_combo(None, choices)  # the case regime's grounds only (#12)
        self.ground.insertItem(0, tr("Vælg hjemmel …"), None)
        self.ground.setCurrentIndex(0)
        self._ground_chosen = False
        self.ground.activated.connect(self._ground_picked)
        self.ground.currentIndexChanged.connect(lambda *_: self._update_count())
        self.apply_button = QPushButton(tr("&Overstreg markerede"))
        self.apply_button.setObjectName("applyHits")
        self.apply_button.clicked.connect(self.apply)
        marks = QHBoxLayout()  # under the list: its count and the check boxes ...
        marks.addWidget(self.count, 1)
        marks.addWidget(self.check_all)
        marks.addWidget(self.check_none)
        row = QHBoxLayout()  # ... then the ground and the action (a long ground gets the width of the dialog)
        row.addWidget(QLabel(tr("&Hjemmel:")))
        row.itemAt(row.count() - 1).widget().setBuddy(self.ground)  # type: ignore[union-attr]
        row.addWidget(self.ground, 1)
        row.addWidget(self.apply_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(tr("Luk"))
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        hint = QLabel(tr("Store og små bogstaver, linjeskift, orddeling og tal med eller uden mellemrum "
                         "findes alle. Kun hele ord. Dobbeltklik for at se forekomsten i dokumentet."))
        hint.setWordWrap(True)
        lay.addWidget(hint)
        lay.addWidget(self.tree, 1)
        lay.addLayout(marks)
        lay.addLayout(row)
        lay.addWidget(close)
        # a share of the screen (a laptop's 1366x768 and a 1920x1080 monitor), or the size it had last time
        place_dialog(self, SETTINGS_KEY, 0.6, 0.72, (720, 460))
        self._update_count()
        if needle.strip():
            self.search()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt API: "Luk", Esc and the window's close button
        remember_window(self, SETTINGS_KEY)
        super().hideEvent(event)

    # -- searching --------------------------------------------------------------------------

    def search(self) -> None:
        needle, regex = self.needle.text(), self.regex.isChecked()
        if not needle.strip():
            self.count.setText(tr("Skriv den tekst, der skal søges efter."))
            return
        self.count.setText(tr("Søger …"))
        self.search_button.setEnabled(False)

        def find() -> tuple[list[Any], str | None]:
            hits = self.services.search_case(self.case_id, needle, regex=regex)
            return hits, self._proposed_ground(hits)

        def done(got: tuple[list[Any], str | None]) -> None:
            hits, proposed = got
            self.search_button.setEnabled(True)
            if proposed and not self._ground_chosen and (k := self.ground.findData(proposed)) >= 0:
                self.ground.setCurrentIndex(k)
            self.show_hits(hits)

        query(self, find, done)

    def _proposed_ground(self, hits: list[Any]) -> str | None:
        """The ground of the suggestions under the hits, else the ground the case's redactions use most."""
        from collections import Counter

        from aktindsigt.core.model import DecisionAction

        ids = {h.suggestion_id for h in hits if h.suggestion_id is not None}
        used: Counter[str] = Counter()
        if ids:
            used.update(sg.ground_id for sg in self.services.suggestions(self.case_id, status=None)
                        if sg.id in ids and sg.ground_id)
        if not used:
            used.update(d.ground_id for d in self.services.decisions(self.case_id)
                        if d.action is DecisionAction.REDACT and d.ground_id)
        return used.most_common(1)[0][0] if used else None

    def _ground_picked(self, _index: int) -> None:
        self._ground_chosen = self.ground.currentData() is not None

    def show_hits(self, hits: list[Any]) -> None:
        self.hits = list(hits)
        self.tree.blockSignals(True)
        self.tree.clear()
        for i, h in enumerate(self.hits):
            item = QTreeWidgetItem([str(h.akt_nr), str(h.page or "–"), f"{h.before}{h.text}{h.after}",
                                    tr(STATE_LABELS[h.state])])
            item.setData(0, Qt.ItemDataRole.UserRole, i)
            item.setToolTip(2, f"{h.title}: {h.before}{h.text}{h.after}")
            if h.state == "redacted":
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setDisabled(True)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked if h.state in ("open", "suggested")
                                   else Qt.CheckState.Unchecked)
            self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        for col in (0, 1, 3):
            self.tree.resizeColumnToContents(col)
        self._update_count()

    def checked(self) -> list[Any]:
        out = []
        for k in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(k)
            if item.checkState(0) == Qt.CheckState.Checked and not item.isDisabled():
                out.append(self.hits[item.data(0, Qt.ItemDataRole.UserRole)])
        return out

    def _set_all(self, on: bool) -> None:
        for k in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(k)
            if not item.isDisabled():
                item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _update_count(self) -> None:
        n = len(self.hits)
        docs = len({h.document_id for h in self.hits})
        chosen = len(self.checked()) if self.hits else 0
        if not self.hits:
            self.count.setText(tr("Ingen forekomster.") if self.needle.text().strip() else "")
        else:
            self.count.setText(tr("{0} i {1} — {2} markeret").format(
                counted(n, tr("forekomst"), tr("forekomster")), counted(docs, tr("dokument"), tr("dokumenter")),
                chosen))
        self.apply_button.setEnabled(chosen > 0 and self.ground.currentData() is not None)
        self.apply_button.setToolTip("" if self.ground.currentData() is not None else tr("Vælg en hjemmel først."))

    def _show(self, item: QTreeWidgetItem, _col: int) -> None:
        if self.show_hit is not None:
            self.show_hit(self.hits[item.data(0, Qt.ItemDataRole.UserRole)])

    # -- applying -----------------------------------------------------------------------------

    def apply(self) -> Any:
        hits = self.checked()
        ground = self.ground.currentData()
        if not hits or not ground:
            return None
        label = " ".join(self.needle.text().split()) if not self.regex.isChecked() else ""

        def call():
            return self.services.redact_hits(self.case_id, hits, ground, label=label)

        if self.perform is None:
            result = call()
            self.search()
            return result
        handle = self.perform(call)
        handle.ended.connect(self.search)  # the statuses of the hits change
        return handle


def open_search(window: Any, needle: str = "") -> SearchDialog:
    """The dialog for a case window (its undo stack, its viewer); modeless, one per window."""
    dlg = getattr(window, "_search_dialog", None)
    if dlg is None:
        def show_hit(hit: Any) -> None:
            if window.docs.select_document(hit.document_id):
                window.viewer.reveal_span(hit.start, hit.end)

        dlg = SearchDialog(window, window.services, window.case_id, needle, perform=window.perform,
                           show_hit=show_hit, choices=getattr(window, "choices", {}).get("redaction") or None)
        window._search_dialog = dlg
    elif needle.strip():
        dlg.needle.setText(needle)
        dlg.search()
    dlg.show()
    dlg.raise_()
    dlg.activateWindow()
    dlg.needle.setFocus()
    return dlg
