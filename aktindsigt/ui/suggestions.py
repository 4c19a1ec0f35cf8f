"""The suggestions panel: suggestions grouped by entity, each occurrence with a snippet of its context, filters,
keyboard review and decisions for many at once.

Keys: A overstreg · R frigiv · Space skift · J/K (or arrows) next/previous · Enter show it in its document.
Several groups or occurrences may be selected (Ctrl/Shift+click): A and R decide them all as one operation.
The actions go through the case window's ``perform`` so that they land on its undo stack.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.model import Document, EntityType, Suggestion, SuggestionStatus
from aktindsigt.services import Services, SuggestionGroup
from aktindsigt.ui.common import TYPE_COLOURS, count, dot_icon, ground_label
from aktindsigt.ui.ops import OpHandle, query

GROUP_ROLE = Qt.ItemDataRole.UserRole
SUGG_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2  # (where, before, text, after)


def status_label(status: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "pending": QCoreApplication.translate("SuggestionsPanel", "Afventer"),
        "accepted": QCoreApplication.translate("SuggestionsPanel", "Overstreges"),
        "rejected": QCoreApplication.translate("SuggestionsPanel", "Frigives"),
        "mixed": QCoreApplication.translate("SuggestionsPanel", "Blandet"),
        PRESELECTED: QCoreApplication.translate("SuggestionsPanel", "Forvalgt"),
    }[status]


#: the shown status of an open suggestion that the detector pre-selects (it is still open: the caseworker confirms
#: it, one by one or with "Overstreg alle forvalgte")
PRESELECTED = "preselected"


def shown_status(s: Suggestion) -> str:
    return PRESELECTED if s.status is SuggestionStatus.PENDING and s.preselected else s.status.value


def group_status(g: SuggestionGroup) -> str:
    """A group's shown status: "Forvalgt" when all of it is open and some of it pre-selected."""
    status = g.status
    if status == SuggestionStatus.PENDING.value and any(s.preselected for s in g.suggestions):
        return PRESELECTED
    return status


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
            self.scrollToItem(nxt)


class SnippetDelegate(QStyledItemDelegate):
    """An occurrence on one line: its akt, then the text around it with the occurrence in bold. When the line is
    too narrow the context is shortened on both sides, never the occurrence itself."""

    def paint(self, painter, option, index) -> None:
        snip = index.data(SNIPPET_ROLE) if index.column() == 0 else None
        widget = option.widget
        if not snip or widget is None:
            super().paint(painter, option, index)
            return
        where, before, text, after = snip
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = widget.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        colour = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        grey = colour if selected else QColor("#57606a")
        plain, bold = QFont(opt.font), QFont(opt.font)
        bold.setBold(True)
        fm, fb = QFontMetrics(plain), QFontMetrics(bold)
        where = where + "  "
        room = rect.width() - fm.horizontalAdvance(where)
        # a long occurrence (an address) leaves room for some of its context
        text = fb.elidedText(text, Qt.TextElideMode.ElideRight, max(int(room * 0.6), 0))
        room -= fb.horizontalAdvance(text)
        share = min(fm.horizontalAdvance(before), max(room // 3, 0))  # a third of the rest before, the rest after
        before = fm.elidedText(before, Qt.TextElideMode.ElideLeft, share) if share > 0 else ""
        after = fm.elidedText(after, Qt.TextElideMode.ElideRight, max(room - fm.horizontalAdvance(before), 0))
        painter.save()
        painter.setClipRect(rect)
        x, baseline = rect.left(), rect.top() + (rect.height() + fm.ascent() - fm.descent()) // 2
        for piece, font, metrics, pen in ((where, plain, fm, grey), (before, plain, fm, colour),
                                          (text, bold, fb, colour), (after, plain, fm, colour)):
            if not piece:
                continue
            painter.setFont(font)
            painter.setPen(pen)
            painter.drawText(x, baseline, piece)
            x += metrics.horizontalAdvance(piece)
        painter.restore()


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
        self.all_groups: list[SuggestionGroup] = []  # every group of the case (the type menus count them)
        self.groups: list[SuggestionGroup] = []  # the groups the filters let through (shown)
        self.snippets: dict[int, tuple[str, str, str]] = {}
        self.read_only = ""
        # asks for a ground: (title, text, proposed ground, entity type) -> ground id or None (set by the window)
        self.ground_chooser: Callable[[str, str, str | None, EntityType], str | None] | None = None
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
            if st is SuggestionStatus.PENDING:
                self.status_filter.addItem(status_label(PRESELECTED), PRESELECTED)
        self.doc_filter = QComboBox()
        self.doc_filter.setAccessibleName(self.tr("Filtrér efter dokument"))
        self.doc_filter.addItem(self.tr("Alle dokumenter"), None)
        self.doc_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.doc_filter.setMinimumContentsLength(20)
        for combo in (self.type_filter, self.status_filter, self.doc_filter):
            combo.currentIndexChanged.connect(self.apply_filters)

        self.tree = SuggestionTree()
        self.tree.setObjectName("suggestionTree")
        self.tree.setAccessibleName(self.tr("Forslag til overstregning"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Forslag"), self.tr("Status"), self.tr("Hjemmel")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setItemDelegateForColumn(0, SnippetDelegate(self.tree))
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setUniformRowHeights(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.key_action.connect(self.key_action)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemDoubleClicked.connect(lambda *_: self.key_action("jump"))
        self.tree.itemExpanded.connect(self._populate)

        self.accept_button = QPushButton(self.tr("&Overstreg (A)"))
        self.reject_button = QPushButton(self.tr("&Frigiv (R)"))
        self.ground_button = QPushButton(self.tr("&Hjemmel …"))
        for b, tip in ((self.accept_button, self.tr("Overstreg de valgte forslag")),
                       (self.reject_button, self.tr("Frigiv de valgte forslag: de udleveres uden overstregning")),
                       (self.ground_button, self.tr("Skift hjemmel for de valgte forslag"))):
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.accept_button.clicked.connect(lambda: self.key_action("accept"))
        self.reject_button.clicked.connect(lambda: self.key_action("reject"))
        self.ground_button.clicked.connect(self.change_ground)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        from aktindsigt.ui.help import LegendLabel

        self.legend = LegendLabel()

        filters = QHBoxLayout()
        filters.addWidget(self.type_filter, 1)
        filters.addWidget(self.status_filter, 1)
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
        lay.addWidget(self.legend)
        self.setFocusProxy(self.tree)
        self.update_ground_action()

    def update_ground_action(self) -> None:
        from aktindsigt.ui.common import cached_grounds

        # changing the ground needs the catalogue; without it the button is not shown at all
        self.ground_button.setVisible(bool(cached_grounds()))

    def set_read_only(self, reason: str) -> None:
        self.read_only = reason
        for b in (self.accept_button, self.reject_button, self.ground_button):
            b.setEnabled(not reason)

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

    def refresh(self) -> OpHandle:
        case_id = self.case_id

        def load():
            from aktindsigt.ui.procpool import without_gc

            # thousands of suggestions: built without the cyclic collector walking them (see without_gc)
            return without_gc(self.services.suggestion_groups, case_id)

        return query(self, load, self._loaded)

    def _loaded(self, groups: list[SuggestionGroup]) -> None:
        self.all_groups = groups
        types = sorted({g.entity_type for g in groups}, key=list(EntityType).index)
        self.legend.set_types(types)
        self.legend.setVisible(bool(types))
        self.apply_filters()

    def _filters(self) -> tuple[EntityType | None, str | None, int | None]:
        et, st, doc = self.type_filter.currentData(), self.status_filter.currentData(), self.doc_filter.currentData()
        return (EntityType(et) if et else None), (st or None), doc

    def _matches(self, s: Suggestion) -> bool:
        """"Afventer" lets every open occurrence through (pre-selected ones too), "Forvalgt" only those."""
        et, st, doc = self._filters()
        return ((et is None or s.entity_type is et)
                and (st is None or (shown_status(s) == st if st == PRESELECTED else s.status.value == st))
                and (doc is None or s.document_id == doc))

    def preselected_ids(self) -> list[int]:
        """Every open occurrence the detector pre-selects, in the whole case (not only the shown ones)."""
        return [s.id for g in self.all_groups for s in g.suggestions
                if shown_status(s) == PRESELECTED and s.id is not None]

    def apply_filters(self) -> None:
        """The filters as the services apply them: a group is shown when any of its occurrences matches."""
        self._show([g for g in self.all_groups if any(self._matches(s) for s in g.suggestions)])

    def visible_ids(self) -> list[int]:
        """The occurrences the filters select (what "alle synlige" decides)."""
        return [s.id for g in self.groups for s in g.suggestions if self._matches(s) and s.id is not None]

    def show_pending_of(self, document_id: int | None) -> None:
        """The open suggestions of one document (a checklist point leads here)."""
        self.status_filter.setCurrentIndex(max(self.status_filter.findData(SuggestionStatus.PENDING.value), 0))
        self.doc_filter.setCurrentIndex(max(self.doc_filter.findData(document_id), 0))

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
        pending = preselected = 0
        items = []
        for g in groups:
            gi = QTreeWidgetItem([g.label, status_label(group_status(g)),
                                  ", ".join(sorted(ground_label(gid) for gid in {s.ground_id for s in g.suggestions}
                                                   if gid))])
            gi.setIcon(0, icons.get(g.entity_type, icons[EntityType.MANUAL]))
            gi.setToolTip(0, f"{g.label} ({g.entity_type.label})")
            gi.setData(0, GROUP_ROLE, g.key)
            gi.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            items.append(gi)
            pending += g.pending
            preselected += sum(1 for s in g.suggestions if shown_status(s) == PRESELECTED)
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
        text = self.tr("{0}, {1}, {2} afventer").format(
            count(len(groups), self.tr("gruppe"), self.tr("grupper")),
            count(n, self.tr("forekomst"), self.tr("forekomster")), pending)
        if preselected:
            text += self.tr(", heraf {0} forvalgt").format(preselected) if preselected == 1 else \
                self.tr(", heraf {0} forvalgte").format(preselected)
        self.summary.setText(text + ".")
        self.loaded.emit()

    def _where(self, s: Suggestion, full: bool = True) -> str:
        """The occurrence's document: "Akt 3: title", or only "Akt 3" beside a snippet."""
        doc = self.documents.get(s.document_id)
        if doc is None:
            return str(s.document_id)
        return self.tr("Akt {0}: {1}").format(doc.akt_nr, doc.title) if full else self.tr("Akt {0}").format(doc.akt_nr)

    def _populate(self, gi: QTreeWidgetItem) -> None:
        if gi.parent() is not None or gi.childCount():
            return
        g = self._by_key.get(gi.data(0, GROUP_ROLE))
        if g is None:
            return
        children = []
        for s in g.suggestions:
            ci = QTreeWidgetItem([self._where(s), status_label(shown_status(s)), ground_label(s.ground_id)])
            ci.setData(0, GROUP_ROLE, g.key)
            ci.setData(0, SUGG_ROLE, s)
            ci.setToolTip(0, self.tr("{0} · {1} · fundet af {2} (sikkerhed {3:.2f})").format(
                s.text, s.entity_type.label, s.detector, s.score))
            self._apply_snippet(ci, s)
            children.append(ci)
        gi.addChildren(children)
        missing = [s for s in g.suggestions if s.id not in self.snippets]
        if missing and hasattr(self.services, "occurrence_snippets"):
            svc = self.services
            query(self, lambda: svc.occurrence_snippets(missing), self._got_snippets)

    def _apply_snippet(self, ci: QTreeWidgetItem, s: Suggestion) -> None:
        snip = self.snippets.get(s.id)
        if snip is None:
            return
        before, text, after = snip
        where = self._where(s, full=False)
        ci.setText(0, f"{where}: {before}{text}{after}")
        ci.setData(0, SNIPPET_ROLE, (where, before, text, after))
        ci.setToolTip(0, self.tr("{0}\n\n{1}\n{2} · {3} · fundet af {4} (sikkerhed {5:.2f})").format(
            self._where(s), f"{before}{text}{after}", s.entity_type.label,
            ground_label(s.ground_id) or self.tr("ingen hjemmel"), s.detector, s.score))

    def _got_snippets(self, found: dict) -> None:
        for sid, snip in found.items():
            self.snippets[sid] = (snip.before, snip.text, snip.after)
        for i in range(self.tree.topLevelItemCount()):
            gi = self.tree.topLevelItem(i)
            for j in range(gi.childCount()):
                ci = gi.child(j)
                s = ci.data(0, SUGG_ROLE)
                if s is not None and s.id in found:
                    self._apply_snippet(ci, s)

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

    def selected_suggestions(self) -> list[Suggestion]:
        """The occurrences of every selected group and occurrence (the current item when nothing is selected)."""
        items = self.tree.selectedItems() or ([self.tree.currentItem()] if self.tree.currentItem() else [])
        out: dict[int, Suggestion] = {}
        for item in items:
            s = item.data(0, SUGG_ROLE)
            if s is not None:
                out[s.id] = s
            else:
                g = self._by_key.get(item.data(0, GROUP_ROLE))
                for x in g.suggestions if g else []:
                    out[x.id] = x
        return list(out.values())

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

    def key_action(self, action: str) -> None:
        item = self.tree.currentItem()
        if action == "jump":
            if item is None:
                return
            s = item.data(0, SUGG_ROLE)
            if s is None:
                item.setExpanded(not item.isExpanded())
            else:
                self.jump_requested.emit(s)
            return
        suggs = self.selected_suggestions()
        if not suggs or self.read_only:
            return
        if action == "toggle":
            # pending or rejected -> redact; redacted -> release
            action = "reject" if all(s.status is SuggestionStatus.ACCEPTED for s in suggs) else "accept"
        several = len(self.tree.selectedItems()) > 1
        handle = self.decide([s.id for s in suggs if s.id is not None], action == "accept")
        if handle is not None and not several:
            self._advance()

    def decide(self, ids: list[int], accept: bool, what: str = "", preselected: bool = False) -> OpHandle | None:
        """Redact or release ``ids`` as one undoable operation. Occurrences without a proposed ground get the
        ground the caseworker chooses (asked once; none chosen: nothing happens). ``preselected``: ``ids`` are
        the pre-selected ones, redacted through ``accept_preselected`` (which takes the pre-selected related forms
        these decisions bring along in the same operation)."""
        if not ids or self.read_only:
            return None
        svc = self.services
        fallback = None
        by_id = {s.id: s for g in self.all_groups for s in g.suggestions}
        # the versions shown: a suggestion another user changed since is refused with their name (Conflict)
        versions = {i: by_id[i].version for i in ids if i in by_id}
        if accept:
            missing = [by_id[i] for i in ids if i in by_id and not by_id[i].ground_id]
            if missing:
                types = sorted({s.entity_type for s in missing}, key=list(EntityType).index)
                text = self.tr("{0} ({1}) har ingen foreslået hjemmel. Vælg den hjemmel, de overstreges med:").format(
                    count(len(missing), self.tr("forslag"), self.tr("forslag")),
                    ", ".join(t.label for t in types))
                fallback = self._choose_ground(self.tr("Vælg hjemmel"), text, None, types[0])
                if fallback is None:
                    return None
                entity_type = types[0]

        def work():
            if preselected:
                op = svc.accept_preselected(self.case_id, versions=versions)
            else:
                op = (svc.accept(ids, fallback_ground_id=fallback, versions=versions) if accept
                      else svc.reject(ids, versions=versions))
            if fallback is not None and hasattr(svc, "remember_ground"):
                svc.remember_ground(self.case_id, entity_type, fallback)
            if what:
                op.description = f"{op.description} ({what})"
            return op

        return self.perform(work)

    def _choose_ground(self, title: str, text: str, current: str | None, entity_type: EntityType) -> str | None:
        if self.ground_chooser is not None:
            return self.ground_chooser(title, text, current, entity_type)
        from aktindsigt.ui.dialogs import choose_ground

        return choose_ground(self, title, current, text)

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
        suggs = self.selected_suggestions()
        if not suggs or self.read_only:
            return
        ground = self._choose_ground(self.tr("Skift hjemmel"), "", suggs[0].ground_id, suggs[0].entity_type)
        if ground is None:
            return
        ids = [s.id for s in suggs if s.id is not None]
        accepted = [s.id for s in suggs if s.status is SuggestionStatus.ACCEPTED and s.id is not None]
        types = {s.entity_type for s in suggs}
        svc = self.services

        def do():
            svc.set_ground(ids, ground)
            if hasattr(svc, "remember_ground") and len(types) == 1:
                svc.remember_ground(self.case_id, next(iter(types)), ground)
            if accepted:  # the redaction already decided keeps its box but gets the new ground
                return svc.accept(accepted, ground)
            from aktindsigt.ui.ops import ChangeSet

            return ChangeSet({self.case_id}, {s.document_id for s in suggs}, set(ids))

        self.perform(do)
