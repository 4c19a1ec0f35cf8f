"""Comments in the case window: the team lead's notes on the case, a document, a suggestion or a decision,
shown to the caseworker where they apply (the open document's comments first), and marked as done."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aktindsigt.core.danish import count
from aktindsigt.ui.ops import ChangeSet, change_bus, query, run_op

COMMENT_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("Comments", text)


def _when(at) -> str:
    local = at.astimezone()
    return f"{local:%d.%m.%Y} kl. {local:%H.%M}"


class CommentsPanel(QWidget):
    """The case's comments: those on the open document (its suggestions and decisions) first, then the rest."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window_ = window
        self.services, self.case_id = window.services, window.case_id
        self.document_id: int | None = None
        self.comments: list = []
        self._seen = False
        self.setObjectName("commentsPanel")
        self.summary = QLabel()
        self.summary.setObjectName("commentsSummary")
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("commentsList")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAccessibleName(tr("Kommentarer"))
        self.list.itemDoubleClicked.connect(self._go_to)
        self.new_button = QPushButton(tr("&Ny kommentar …"))
        self.new_button.setToolTip(tr("Kommentér det valgte forslag, dokumentet eller sagen (Ctrl+K)"))
        self.new_button.clicked.connect(self.ask_new)
        self.done_button = QPushButton(tr("&Markér som løst"))
        self.done_button.clicked.connect(self.resolve_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.done_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.summary)
        lay.addWidget(self.list, 1)
        lay.addLayout(buttons)
        change_bus().changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, ch: ChangeSet) -> None:
        if ch.touches_case(self.case_id):
            self.refresh()

    def follow(self, window) -> None:
        doc = window.current_document()
        self.document_id = doc.id if doc is not None else None
        self._fill()

    def refresh(self) -> None:
        query(self, lambda: self.services.comments(self.case_id), self._loaded)

    def _loaded(self, comments: list) -> None:
        first = not self._seen
        self._seen = True
        new_open = {c.id for c in comments if c.open} - {c.id for c in self.comments if c.open}
        self.comments = comments
        self._fill()
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget) and (first or new_open):
            # shown when there is something to read (and again when a new comment arrives); else out of the way
            dock.setVisible(any(c.open for c in comments))

    def _fill(self) -> None:
        here = [c for c in self.comments if self.document_id is not None and c.document_id == self.document_id]
        rest = [c for c in self.comments if c not in here]
        ordered = sorted(here, key=lambda c: (not c.open, c.at)) + sorted(rest, key=lambda c: (not c.open, c.at))
        self.list.clear()
        for c in ordered:
            state = tr("løst af {0}").format(c.resolved_by) if not c.open else ""
            head = f"{c.author} · {_when(c.at)} · {c.where}" + (f" · {state}" if state else "")
            item = QListWidgetItem(f"{head}\n{c.text}")
            item.setData(COMMENT_ROLE, c.id)
            font = item.font()
            font.setBold(c.open and c in here)
            item.setFont(font)
            if not c.open:
                item.setForeground(Qt.GlobalColor.gray)
            item.setToolTip(c.text)
            self.list.addItem(item)
        open_here = sum(1 for c in here if c.open)
        open_all = sum(1 for c in self.comments if c.open)
        if not self.comments:
            self.summary.setText(tr("Ingen kommentarer til sagen."))
        elif open_here:
            self.summary.setText(tr("{0} til dette dokument ({1} i alt i sagen).").format(
                count(open_here, tr("åben kommentar"), tr("åbne kommentarer")), open_all))
        else:
            self.summary.setText(count(open_all, tr("åben kommentar"), tr("åbne kommentarer")) + tr(" i sagen."))
        dock = self.parentWidget()
        if isinstance(dock, QDockWidget):
            dock.setWindowTitle(tr("Kommentarer ({0})").format(open_all) if open_all else tr("Kommentarer"))

    def current_comment(self):
        item = self.list.currentItem()
        if item is None:
            return None
        cid = item.data(COMMENT_ROLE)
        return next((c for c in self.comments if c.id == cid), None)

    def _go_to(self, item: QListWidgetItem) -> None:
        """Double-click: show what the comment is about - the suggestion (or the decision's suggestion) selected
        in the panel and in the document, else the document."""
        c = self.current_comment()
        if c is None or c.document_id is None:
            return
        w = self.window_
        sid = c.target_id if c.target_type == "suggestion" else (c.context or {}).get("suggestion_id")
        panel = getattr(w, "panel", None)
        target = None
        if sid is not None and panel is not None:
            target = next((sg for g in getattr(panel, "groups", []) for sg in g.suggestions if sg.id == sid), None)
        if target is not None and hasattr(w, "jump_to"):
            w.jump_to(target)
            panel.select_suggestion(sid)
        else:
            w.docs.select_document(c.document_id)

    def _target(self) -> tuple[str, dict]:
        """What a new comment is about: the selected suggestion, else the open document, else the case."""
        w = self.window_
        panel = getattr(w, "panel", None)
        suggs = []
        if panel is not None and hasattr(panel, "current_suggestions"):
            _group, suggs = panel.current_suggestions()
        if suggs and len(suggs) == 1 and suggs[0].id is not None:
            s = suggs[0]
            return tr("forslaget '{0}'").format(" ".join(s.text.split())), {"suggestion_id": s.id}
        doc = w.current_document()
        if doc is not None:
            return tr("akt {0}").format(doc.akt_nr), {"document_id": doc.id}
        return tr("sagen"), {}

    def ask_new(self) -> None:
        from aktindsigt.ui import dialogs

        what, target = self._target()
        text = dialogs.ask_comment(self, tr("Ny kommentar"), tr("Kommentar til {0}. Sagsbehandleren ser den, hvor "
                                                                 "den hører til.").format(what),
                                   tr("Gem kommentar"), required=True)
        if text:
            self.add(text, **target)

    def add(self, text: str, **target):
        return run_op(self, lambda ctx: self.services.add_comment(self.case_id, text, **target),
                      changes=lambda c: ChangeSet({self.case_id}, {c.document_id} if c.document_id else set()))

    def resolve_current(self):
        c = self.current_comment()
        if c is None:
            return None
        return run_op(self, lambda ctx: self.services.resolve_comment(c.id, c.version, reopen=not c.open),
                      changes=lambda _c: ChangeSet({self.case_id}))


class CommentsDock(QDockWidget):
    def __init__(self, window) -> None:
        super().__init__(tr("Kommentarer"), window)
        self.setObjectName("commentsDock")
        self.panel = CommentsPanel(window)
        self.setWidget(self.panel)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable)
