"""The suggestions panel: suggestions grouped by entity, filters, and keyboard review.

Keys: A accept · R reject · Space toggle · J/K (or arrows) next/previous · Enter jump to it.
The actions go through the case window's ``perform`` so that they land on its undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.model import Document, EntityType, Suggestion, SuggestionStatus
from aktindsigt.services import Services, SuggestionGroup
from aktindsigt.ui.common import TYPE_COLOURS, dot_icon, ground_label
from aktindsigt.ui.ops import query

GROUP_ROLE = Qt.ItemDataRole.UserRole
SUGG_ROLE = Qt.ItemDataRole.UserRole + 1


def status_label(status: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "pending": QCoreApplication.translate("SuggestionsPanel", "Afventer"),
        "accepted": QCoreApplication.translate("SuggestionsPanel", "Overstreges"),
        "rejected": QCoreApplication.translate("SuggestionsPanel", "Frigives"),
        "mixed": QCoreApplication.translate("SuggestionsPanel", "Blandet"),
    }[status]


class SuggestionTree(QTreeWidget):
    """The tree with the review keys."""

    key_action = Signal(str)  # "accept", "reject", "toggle", "jump"

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        key, mods = event.key(), event.modifiers()
        plain = mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and key == Qt.Key.Key_A:
            self.key_action.emit("accept")
        elif plain and key == Qt.Key.Key_R:
            self.key_action.emit("reject")
        elif plain and key == Qt.Key.Key_Space:
            self.key_action.emit("toggle")
        elif plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.key_action.emit("jump")
        elif plain and key == Qt.Key.Key_J:
            self.move(+1)
        elif plain and key == Qt.Key.Key_K:
            self.move(-1)
        else:
            super().keyPressEvent(event)

    def move(self, step: int) -> None:
        cur = self.currentItem()
        nxt = (self.itemBelow(cur) if step > 0 else self.itemAbove(cur)) if cur is not None else self.topLevelItem(0)
        if nxt is not None:
            self.setCurrentItem(nxt)


class SuggestionsPanel(QWidget):
    """Grouped suggestions of one case, with filters by type, status and document."""

    suggestion_selected = Signal(object)  # Suggestion (current item is one occurrence)
    group_selected = Signal(object)  # list of Suggestion (current item is a group)
    jump_requested = Signal(object)  # Suggestion
    loaded = Signal()

    def __init__(self, services: Services, case_id: int, perform: Callable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.case_id, self.perform = services, case_id, perform
        self.documents: dict[int, Document] = {}
        self.groups: list[SuggestionGroup] = []
        self._by_key: dict[str, SuggestionGroup] = {}
        self.type_filter = QComboBox()
        self.type_filter.setAccessibleName(self.tr("Filtrér efter type"))
        self.type_filter.addItem(self.tr("Alle typer"), None)
        for t in EntityType:
            self.type_filter.addItem(dot_icon(TYPE_COLOURS[t]), t.label, t.value)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Filtrér efter status"))
        self.status_filter.addItem(self.tr("Alle"), None)
        for st in SuggestionStatus:
            self.status_filter.addItem(status_label(st.value), st.value)
        self.doc_filter = QComboBox()
        self.doc_filter.setAccessibleName(self.tr("Filtrér efter dokument"))
        self.doc_filter.addItem(self.tr("Alle dokumenter"), None)
        for combo in (self.type_filter, self.status_filter, self.doc_filter):
            combo.currentIndexChanged.connect(self.refresh)

        self.tree = SuggestionTree()
        self.tree.setObjectName("suggestionTree")
        self.tree.setAccessibleName(self.tr("Forslag til overstregning"))
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Forslag"), self.tr("Status"), self.tr("Hjemmel"), self.tr("Score")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setUniformRowHeights(True)
        self.tree.key_action.connect(self._key_action)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: self._key_action("jump"))
        self.tree.itemExpanded.connect(self._populate)

        self.accept_button = QPushButton(self.tr("&Overstreg (A)"))
        self.reject_button = QPushButton(self.tr("&Frigiv (R)"))
        self.ground_button = QPushButton(self.tr("&Hjemmel …"))
        self.accept_button.clicked.connect(lambda: self._key_action("accept"))
        self.reject_button.clicked.connect(lambda: self._key_action("reject"))
        self.ground_button.clicked.connect(self.change_ground)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.type_filter)
        filters.addWidget(self.status_filter)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.ground_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(filters)
        lay.addWidget(self.doc_filter)
        lay.addWidget(self.tree, 1)
        lay.addLayout(buttons)
        lay.addWidget(self.summary)
        self.setFocusProxy(self.tree)
        self.update_ground_action()

    def update_ground_action(self) -> None:
        from aktindsigt.ui.common import cached_grounds

        # changing the ground needs the catalogue; without it the button is not shown at all
        self.ground_button.setVisible(bool(cached_grounds()))

    def set_documents(self, docs: list[Document]) -> None:
        before = {i: (d.akt_nr, d.title) for i, d in self.documents.items()}
        self.documents = {d.id: d for d in docs if d.id is not None}
        if self.groups and before != {i: (d.akt_nr, d.title) for i, d in self.documents.items()}:
            self._show(self.groups)  # occurrences are labelled with the documents' akt nr. and title
        current = self.doc_filter.currentData()
        self.doc_filter.blockSignals(True)
        self.doc_filter.clear()
        self.doc_filter.addItem(self.tr("Alle dokumenter"), None)
        for d in docs:
            self.doc_filter.addItem(self.tr("Akt {0}: {1}").format(d.akt_nr, d.title), d.id)
        idx = self.doc_filter.findData(current)
        self.doc_filter.setCurrentIndex(max(idx, 0))
        self.doc_filter.blockSignals(False)

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        et = self.type_filter.currentData()
        st = self.status_filter.currentData()
        doc = self.doc_filter.currentData()
        case_id = self.case_id

        def load():
            from aktindsigt.ui.procpool import without_gc

            # thousands of suggestions: built without the cyclic collector walking them (see without_gc)
            return without_gc(self.services.suggestion_groups,
                              case_id, entity_type=EntityType(et) if et else None,
                              status=SuggestionStatus(st) if st else None, document_id=doc)

        query(self, load, self._show)

    def _current_key(self) -> tuple[str | None, int | None]:
        item = self.tree.currentItem()
        if item is None:
            return None, None
        s = item.data(0, SUGG_ROLE)
        return item.data(0, GROUP_ROLE), (s.id if s is not None else None)

    def _show(self, groups: list[SuggestionGroup]) -> None:
        """Groups only; a group's occurrences are created when it is expanded (thousands stay cheap)."""
        key, sid = self._current_key()
        expanded = {self.tree.topLevelItem(i).data(0, GROUP_ROLE) for i in range(self.tree.topLevelItemCount())
                    if self.tree.topLevelItem(i).isExpanded()}
        self.groups = groups
        self._by_key = {g.key: g for g in groups}
        icons = {t: dot_icon(c) for t, c in TYPE_COLOURS.items()}
        self.tree.blockSignals(True)
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        target = None
        pending = 0
        items = []
        for g in groups:
            gi = QTreeWidgetItem([g.label, status_label(g.status),
                                  ", ".join(sorted(ground_label(gid) for gid in {s.ground_id for s in g.suggestions}
                                                   if gid)),
                                  ""])
            gi.setIcon(0, icons.get(g.entity_type, icons[EntityType.MANUAL]))
            gi.setToolTip(0, f"{g.label} ({g.entity_type.label})")
            gi.setData(0, GROUP_ROLE, g.key)
            gi.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            items.append(gi)
            pending += g.pending
        self.tree.addTopLevelItems(items)
        for gi, g in zip(items, groups, strict=True):
            if g.key == key and sid is None:
                target = gi
            has_target = sid is not None and g.key == key and any(s.id == sid for s in g.suggestions)
            if g.key in expanded or has_target:
                self._populate(gi)
                gi.setExpanded(True)
                if has_target:
                    target = next(gi.child(j) for j in range(gi.childCount())
                                  if gi.child(j).data(0, SUGG_ROLE).id == sid)
        self.tree.setUpdatesEnabled(True)
        self.tree.blockSignals(False)
        if target is not None:
            self.tree.setCurrentItem(target)
        elif self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        n = sum(len(g.suggestions) for g in groups)
        self.summary.setText(self.tr("{0} grupper, {1} forekomster, {2} afventer.").format(len(groups), n, pending))
        self.loaded.emit()

    def _populate(self, gi: QTreeWidgetItem) -> None:
        if gi.parent() is not None or gi.childCount():
            return
        g = self._by_key.get(gi.data(0, GROUP_ROLE))
        if g is None:
            return
        children = []
        for s in g.suggestions:
            doc = self.documents.get(s.document_id)
            where = self.tr("Akt {0}: {1}").format(doc.akt_nr, doc.title) if doc else str(s.document_id)
            ci = QTreeWidgetItem([where, status_label(s.status.value), ground_label(s.ground_id), f"{s.score:.2f}"])
            ci.setData(0, GROUP_ROLE, g.key)
            ci.setData(0, SUGG_ROLE, s)
            ci.setToolTip(0, self.tr("{0} · {1} · fundet af {2}").format(s.text, s.entity_type.label, s.detector))
            children.append(ci)
        gi.addChildren(children)

    # --- selection ---------------------------------------------------------------------------

    def current_suggestions(self) -> tuple[SuggestionGroup | None, list[Suggestion]]:
        item = self.tree.currentItem()
        if item is None:
            return None, []
        key = item.data(0, GROUP_ROLE)
        group = self._by_key.get(key)
        s = item.data(0, SUGG_ROLE)
        if s is not None:
            return group, [s]
        return group, list(group.suggestions) if group else []

    def select_suggestion(self, suggestion_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            gi = self.tree.topLevelItem(i)
            g = self._by_key.get(gi.data(0, GROUP_ROLE))
            if g is None or not any(s.id == suggestion_id for s in g.suggestions):
                continue
            self._populate(gi)
            for j in range(gi.childCount()):
                ci = gi.child(j)
                if ci.data(0, SUGG_ROLE).id == suggestion_id:
                    gi.setExpanded(True)
                    self.tree.blockSignals(True)
                    self.tree.setCurrentItem(ci)
                    self.tree.blockSignals(False)
                    self.tree.scrollToItem(ci)
                    return

    def _current_changed(self, cur, _prev) -> None:
        if cur is None:
            return
        s = cur.data(0, SUGG_ROLE)
        if s is not None:
            self.suggestion_selected.emit(s)
        else:
            group, suggs = self.current_suggestions()
            self.group_selected.emit(suggs)

    # --- actions -----------------------------------------------------------------------------

    def _key_action(self, action: str) -> None:
        group, suggs = self.current_suggestions()
        if not suggs:
            return
        item = self.tree.currentItem()
        is_group = item is not None and item.data(0, SUGG_ROLE) is None
        ids = [s.id for s in suggs if s.id is not None]
        # the versions shown: a suggestion another user changed since is refused with their name (Conflict)
        versions = {s.id: s.version for s in suggs if s.id is not None}
        svc = self.services
        if action == "jump":
            if is_group:
                item.setExpanded(not item.isExpanded())
            else:
                self.jump_requested.emit(suggs[0])
            return
        if action == "toggle":
            # pending or rejected -> redact; redacted -> release
            action = "reject" if all(s.status is SuggestionStatus.ACCEPTED for s in suggs) else "accept"
        if action == "accept":
            if is_group and group is not None:
                key = group.key
                self.perform(lambda: svc.accept_group(self.case_id, key, versions=versions))
            else:
                self.perform(lambda: svc.accept(ids, versions=versions))
        elif action == "reject":
            if is_group and group is not None:
                key = group.key
                self.perform(lambda: svc.reject_group(self.case_id, key, versions=versions))
            else:
                self.perform(lambda: svc.reject(ids, versions=versions))
        self._advance()

    def _advance(self) -> None:
        """After a decision, move on to the next item of the same level."""
        item = self.tree.currentItem()
        if item is None:
            return
        parent = item.parent()
        if parent is None:
            idx = self.tree.indexOfTopLevelItem(item)
            nxt = self.tree.topLevelItem(idx + 1)
        else:
            idx = parent.indexOfChild(item)
            nxt = parent.child(idx + 1)
        if nxt is not None:
            self.tree.setCurrentItem(nxt)

    def change_ground(self) -> None:
        from aktindsigt.ui.dialogs import choose_ground

        group, suggs = self.current_suggestions()
        if not suggs:
            return
        ground = choose_ground(self, self.tr("Skift hjemmel"), suggs[0].ground_id)
        if ground is None:
            return
        ids = [s.id for s in suggs if s.id is not None]
        accepted = [s.id for s in suggs if s.status is SuggestionStatus.ACCEPTED and s.id is not None]
        svc = self.services

        def do():
            svc.set_ground(ids, ground)
            if accepted:  # the redaction already decided keeps its box but gets the new ground
                return svc.accept(accepted, ground)
            from aktindsigt.ui.ops import ChangeSet

            return ChangeSet({self.case_id}, {s.document_id for s in suggs}, set(ids))

        self.perform(do)
