"""Review use cases: suggestion groups, accept / reject, manual redactions, document and page
decisions, and undo / redo.

Every action returns an ``Operation``: what it created, removed and changed. ``undo(op)``
applies the inverse and returns it, so a UI keeps two stacks of operations and needs no
business logic of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from aktindsigt.core.danish import antal
from aktindsigt.core.model import (
    AccessType,
    Decision,
    DecisionAction,
    DecisionKind,
    Document,
    DocumentStatus,
    EntityType,
    Rect,
    Suggestion,
    SuggestionStatus,
)
from aktindsigt.store.review import ReviewStore
from aktindsigt.store.store import NotFound


def entity_key(entity_type: EntityType, text: str) -> str:
    """The default grouping key: type + normalised text (case, whitespace, line-end hyphenation)."""
    from aktindsigt.core.matching import value_key

    return value_key(text, entity_type)


@dataclass(frozen=True)
class DocumentAccess:
    """A document decision: full / partial / withheld (``None``: not decided), its grounds and reason."""

    access: AccessType | None
    grounds: tuple[str, ...] = ()
    reason: str = ""

    @classmethod
    def of(cls, doc: Document) -> DocumentAccess:
        return cls(doc.access, tuple(doc.access_grounds), doc.access_reason)


@dataclass
class Operation:
    """A reversible review action."""

    case_id: int
    created: list[Decision] = field(default_factory=list)  # decisions the action added
    removed: list[Decision] = field(default_factory=list)  # decisions the action deleted
    status_before: dict[int, SuggestionStatus] = field(default_factory=dict)
    status_after: dict[int, SuggestionStatus] = field(default_factory=dict)
    description: str = ""
    # document decisions: document id -> the decision before / after the action
    access_before: dict[int, DocumentAccess] = field(default_factory=dict)
    access_after: dict[int, DocumentAccess] = field(default_factory=dict)
    # withheld pages: (document id, page number) -> the ground it is withheld with, None = released
    pages_before: dict[tuple[int, int], str | None] = field(default_factory=dict)
    pages_after: dict[tuple[int, int], str | None] = field(default_factory=dict)
    # suggestions the action created (the other occurrences a decision reached; undo deletes them) and
    # suggestions it deleted (undo creates them again)
    added_suggestions: list[Suggestion] = field(default_factory=list)
    deleted_suggestions: list[Suggestion] = field(default_factory=list)
    # the suggestions' versions after the action (undo refuses when someone changed them since)
    versions_after: dict[int, int] = field(default_factory=dict)
    # documents' versions after the action
    document_versions_after: dict[int, int] = field(default_factory=dict)
    # Danish lines for the user: e.g. another user's decision that this action replaced
    notices: list[str] = field(default_factory=list)
    # document properties (services/documents.py): document id -> {field: value} before / after the action
    fields_before: dict[int, dict[str, Any]] = field(default_factory=dict)
    fields_after: dict[int, dict[str, Any]] = field(default_factory=dict)
    # whole documents taken out of the case / put in (failed-file actions): document id -> DocumentSnapshot
    documents_before: dict[int, Any] = field(default_factory=dict)
    documents_after: dict[int, Any] = field(default_factory=dict)

    @property
    def suggestion_ids(self) -> set[int]:
        return (set(self.status_after) | set(self.status_before)
                | {s.id for s in (*self.added_suggestions, *self.deleted_suggestions) if s.id is not None})

    @property
    def document_ids(self) -> set[int]:
        """Every document whose decisions, suggestions, document decision or pages the action touched."""
        return ({d.document_id for d in (*self.created, *self.removed)} | set(self.access_after)
                | {s.document_id for s in (*self.added_suggestions, *self.deleted_suggestions)}
                | set(self.access_before) | {doc for doc, _page in (*self.pages_after, *self.pages_before)}
                | set(self.fields_after) | set(self.documents_before) | set(self.documents_after))

    @property
    def empty(self) -> bool:
        return not (self.created or self.removed or self.status_after or self.access_after or self.pages_after
                    or self.added_suggestions or self.deleted_suggestions
                    or self.fields_after or self.documents_before or self.documents_after)


@dataclass
class SuggestionGroup:
    key: str
    entity_type: EntityType
    text: str
    suggestions: list[Suggestion]

    @property
    def documents(self) -> set[int]:
        return {s.document_id for s in self.suggestions}

    @property
    def status(self) -> str:
        statuses = {s.status for s in self.suggestions}
        return next(iter(statuses)).value if len(statuses) == 1 else "mixed"

    @property
    def pending(self) -> int:
        return sum(1 for s in self.suggestions if s.status is SuggestionStatus.PENDING)

    @property
    def label(self) -> str:
        n, d = len(self.suggestions), len(self.documents)
        occ = "forekomst" if n == 1 else "forekomster"
        docs = "dokument" if d == 1 else "dokumenter"
        return f"{self.text} — {n} {occ} i {d} {docs}"


SEARCH_CONTEXT = 40


@dataclass(frozen=True)
class SearchHit:
    """One occurrence found by ``search_case``: where (document, page, offsets in the document text),
    what (as the normalised view reads it) with some context, and what is decided there already
    (``state``: open, suggested (an open suggestion is exactly there), redacted, kept)."""

    document_id: int
    akt_nr: int
    title: str
    page: int | None
    start: int
    end: int
    text: str
    before: str
    after: str
    state: str
    suggestion_id: int | None = None


def _context(text: str, a: int, b: int, left: bool) -> str:
    """Words before (``left``) or after a hit, whitespace collapsed, the space next to the hit kept, cut at
    a word and marked "…" where the text goes on."""
    part = re.sub(r"\s+", " ", text[a:b])
    if left:
        if a > 0 and " " in part.strip():
            part = "…" + part.split(" ", 1)[1]
        elif a > 0:
            part = "…" + part
    elif b < len(text):
        part = (part.rsplit(" ", 1)[0] if " " in part.strip() else part) + "…"
    return part


def _under(pages, start: int, end: int, page: int, rect: Rect) -> bool:
    """Whether the span's rectangles on ``page`` lie at least half under ``rect`` (and none elsewhere)."""
    from aktindsigt.core.geometry import span_rects

    rects = span_rects(pages, start, end)
    if not rects or any(pr.page != page for pr in rects):
        return False
    for pr in rects:
        ix = max(0.0, min(rect.x1, pr.rect.x1) - max(rect.x0, pr.rect.x0))
        iy = max(0.0, min(rect.y1, pr.rect.y1) - max(rect.y0, pr.rect.y0))
        if ix * iy < 0.5 * max(pr.rect.width * pr.rect.height, 1e-9):
            return False
    return True


def _occurrences(n: int) -> str:
    return antal(n, "forekomst", words=False)


def _distinct(items: list[tuple]) -> list[tuple]:
    return list(dict.fromkeys(items))


class ReviewServices:
    """Mixed into ``Services``; uses ``self.store``, ``self.user`` and ``self.get_case``."""

    store: object  # provided by CaseServices
    user: str

    @property
    def review(self) -> ReviewStore:
        rs = getattr(self, "_review_store", None)
        if rs is None:
            rs = ReviewStore(self.store)  # type: ignore[arg-type]
            self._review_store = rs
        return rs

    # --- reading -------------------------------------------------------------

    def suggestions(self, case_ref: str | int, document_id: int | None = None,
                    status: SuggestionStatus | None = None) -> list[Suggestion]:
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        return self.review.list_suggestions(case.id, document_id, status)

    def suggestion_groups(
        self, case_ref: str | int, entity_type: EntityType | None = None, status: SuggestionStatus | None = None,
        document_id: int | None = None,
    ) -> list[SuggestionGroup]:
        """Suggestions grouped by entity; filters keep a group when any occurrence matches."""
        groups: dict[str, SuggestionGroup] = {}
        for s in self.suggestions(case_ref):
            key = s.entity_key or entity_key(s.entity_type, s.text)
            g = groups.get(key)
            if g is None:
                g = groups[key] = SuggestionGroup(key, s.entity_type, " ".join(s.text.split()), [])
            g.suggestions.append(s)
        result = []
        for g in groups.values():
            if entity_type is not None and g.entity_type is not entity_type:
                continue
            if status is not None and not any(s.status is status for s in g.suggestions):
                continue
            if document_id is not None and document_id not in g.documents:
                continue
            result.append(g)
        result.sort(key=lambda g: (g.entity_type.value, -len(g.suggestions), g.text.casefold()))
        return result

    def pending_by_document(self, case_ref: str | int) -> dict[int, int]:
        """How many suggestions are still open in each document (document id -> count)."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        return self.review.pending_counts(case.id)

    def decisions(self, case_ref: str | int, document_id: int | None = None) -> list[Decision]:
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        return self.review.list_decisions(case.id, document_id)

    # --- accept / reject -------------------------------------------------------

    def _decide(self, suggestion_ids: Iterable[int], action: DecisionAction, ground_id: str | None = None,
                reason: str = "", versions: Mapping[int, int] | None = None,
                fallback_ground_id: str | None = None) -> Operation:
        from aktindsigt.services.cases import ServiceError

        ids = list(dict.fromkeys(suggestion_ids))
        if not ids:
            raise ServiceError("Vælg mindst ét forslag.")
        try:
            sugg = self.review.get_suggestions(ids)
        except NotFound as e:
            raise ServiceError("Et af forslagene findes ikke længere. Opdatér visningen.") from e
        case_ids = {s.case_id for s in sugg}
        if len(case_ids) != 1:
            raise ServiceError("Forslagene hører til forskellige sager.")
        case_id = case_ids.pop()
        self._guard_edit(case_id)  # type: ignore[attr-defined]
        if action is DecisionAction.REDACT:
            self._check_grounds(case_id, [ground_id] if ground_id else  # type: ignore[attr-defined]
                                [s.ground_id or fallback_ground_id for s in sugg])
        if (action is DecisionAction.REDACT and ground_id is None and fallback_ground_id is None
                and any(s.ground_id is None for s in sugg)):
            missing = [s for s in sugg if s.ground_id is None]
            raise ServiceError(
                f"Vælg en hjemmel for '{missing[0].text}' før den overstreges ({missing[0].entity_type.label} "
                "har ingen foreslået hjemmel)."
            )
        # the versions the decision is based on: what the caller showed the user, else what was read just now
        seen = {s.id: s.version for s in sugg if s.id is not None}
        if versions:
            seen.update({k: v for k, v in versions.items() if k in seen})
        old = self.review.decisions_for_suggestions(ids)
        new_status = SuggestionStatus.ACCEPTED if action is DecisionAction.REDACT else SuggestionStatus.REJECTED
        decisions = [
            Decision(
                case_id=case_id, document_id=s.document_id, kind=DecisionKind.SPAN, action=action, start=s.start,
                end=s.end,
                ground_id=(ground_id or s.ground_id or fallback_ground_id) if action is DecisionAction.REDACT else None,
                suggestion_id=s.id, entity_key=s.entity_key or entity_key(s.entity_type, s.text),
                entity_type=s.entity_type, reason=reason,
            )
            for s in sugg
        ]
        op = Operation(
            case_id=case_id,
            status_before={s.id: s.status for s in sugg if s.id is not None},
            status_after={s.id: new_status for s in sugg if s.id is not None},
            description=("Overstreg" if action is DecisionAction.REDACT else "Frigiv") + " " + _occurrences(len(sugg)),
        )
        # the same values elsewhere in the case get the same decision (one operation: one undo)
        case = self.get_case(case_id)  # type: ignore[attr-defined]
        from aktindsigt.core.matching import decided_value

        decided = [(decided_value(s.text, s.entity_type, s.entity_key), s.entity_type, action,
                    (ground_id or s.ground_id or fallback_ground_id)) for s in sugg]
        plan = self._spread(case, _distinct(decided), set(ids))
        self._apply_plan(op, decisions, plan, [d.id for d in old if d.id], "decision." + action.value, seen)
        op.notices = overridden_notices(op.removed, self.user, action)
        self._edited(case_id, "decision." + action.value)  # type: ignore[attr-defined]
        return op

    def _spread(self, case, decided: list[tuple], exclude: set[int]):
        """Decision-time propagation (``analysis.AnalysisServices._spread_decisions``); nothing without it."""
        from aktindsigt.services.analysis import SpreadPlan

        spread = getattr(self, "_spread_decisions", None)
        return spread(case, decided, exclude) if spread is not None else SpreadPlan()

    def _view(self, document_id: int):
        """The document's normalised view (cached by the analysis services when they are mixed in)."""
        view = getattr(self, "document_view", None)
        if view is not None:
            return view(document_id)
        from aktindsigt.core.textview import TextView

        return TextView.build(self.document_text(document_id), self.document_pages(document_id))  # type: ignore[attr-defined]

    def _apply_plan(self, op: Operation, decisions: list[Decision], plan, remove_ids: list[int], action: str,
                    versions: Mapping[int, int] | None = None) -> None:
        """Store ``decisions`` and a propagation plan in one transaction and record both in ``op``."""
        for sid, st in plan.status.items():
            if sid not in op.status_after:
                op.status_before.setdefault(sid, SuggestionStatus.PENDING)
                op.status_after[sid] = st
        applied = self.review.apply_ex([*decisions, *plan.decisions], self.user, op.status_after, remove_ids,
                                       action=action, versions=versions, add=plan.add)
        op.created, op.removed, op.versions_after = applied.created, applied.removed, applied.versions
        op.added_suggestions = applied.added

    def accept(self, suggestion_ids: Iterable[int], ground_id: str | None = None,
               versions: Mapping[int, int] | None = None, fallback_ground_id: str | None = None) -> Operation:
        """Redact these occurrences (with their proposed ground unless ``ground_id`` is given; occurrences without a
        proposed ground get ``fallback_ground_id``). ``versions``: the suggestions' versions as the user saw them
        (a suggestion changed since raises ``Conflict``). The same values elsewhere in the case are decided with
        them (see ``_spread``)."""
        return self._decide(suggestion_ids, DecisionAction.REDACT, ground_id, versions=versions,
                            fallback_ground_id=fallback_ground_id)

    def reject(self, suggestion_ids: Iterable[int], reason: str = "",
               versions: Mapping[int, int] | None = None) -> Operation:
        """Keep these occurrences (they are released)."""
        return self._decide(suggestion_ids, DecisionAction.KEEP, reason=reason, versions=versions)

    def _group_ids(self, case_ref: str | int, key: str) -> list[int]:
        from aktindsigt.services.cases import ServiceError

        for g in self.suggestion_groups(case_ref):
            if g.key == key:
                return [s.id for s in g.suggestions if s.id is not None]
        raise ServiceError("Gruppen af forslag findes ikke længere. Opdatér visningen.")

    def accept_group(self, case_ref: str | int, key: str, ground_id: str | None = None,
                     versions: Mapping[int, int] | None = None) -> Operation:
        return self.accept(self._group_ids(case_ref, key), ground_id, versions=versions)

    def reject_group(self, case_ref: str | int, key: str, reason: str = "",
                     versions: Mapping[int, int] | None = None) -> Operation:
        return self.reject(self._group_ids(case_ref, key), reason, versions=versions)

    def _type_ids(self, case_ref: str | int, entity_type: EntityType, only_pending: bool) -> tuple[int, list[int]]:
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        ids = [s.id for s in self.review.list_suggestions(case.id) if s.entity_type is entity_type
               and (not only_pending or s.status is SuggestionStatus.PENDING) and s.id is not None]
        return case.id, ids

    def accept_type(self, case_ref: str | int, entity_type: EntityType, only_pending: bool = True) -> Operation:
        """Redact every (open) suggestion of one type; nothing to do is not an error."""
        case_id, ids = self._type_ids(case_ref, entity_type, only_pending)
        return self.accept(ids) if ids else Operation(case_id=case_id, description="Ingen forslag af typen")

    def reject_type(self, case_ref: str | int, entity_type: EntityType, only_pending: bool = True) -> Operation:
        """Keep every (open) suggestion of one type; nothing to do is not an error."""
        case_id, ids = self._type_ids(case_ref, entity_type, only_pending)
        return self.reject(ids) if ids else Operation(case_id=case_id, description="Ingen forslag af typen")

    #: rounds of "the pre-selected ones" (a round's decisions make the values' related forms open, pre-selected
    #: suggestions: the e-mail address made of a redacted name; they are part of what the caseworker chose)
    PRESELECTED_ROUNDS = 4

    def accept_preselected(self, case_ref: str | int, versions: Mapping[int, int] | None = None) -> Operation:
        """Accept every pending suggestion the policy pre-selects (CPR, bank accounts, sensitive data, sure persons)
        and the pre-selected related forms these decisions bring (a redacted name's first name alone, its e-mail
        local part), as one operation (one undo). ``versions``: as the user saw the first round's suggestions."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        merged: Operation | None = None
        seen: set[int] = set()
        for _ in range(self.PRESELECTED_ROUNDS):
            ids = [s.id for s in self.suggestions(case.id, status=SuggestionStatus.PENDING)
                   if s.preselected and s.id and s.id not in seen]
            if not ids:
                break
            seen.update(ids)
            op = self.accept(ids, versions=versions if merged is None else None)
            merged = op if merged is None else _merge_operations(merged, op)
        if merged is None:
            return Operation(case_id=case.id, description="Ingen forvalgte forslag")
        merged.description = f"Overstreg {_occurrences(len(seen))}"
        return merged

    def set_ground(self, suggestion_ids: Sequence[int], ground_id: str,
                   versions: Mapping[int, int] | None = None) -> None:
        ids = list(suggestion_ids)
        case_id = self.review.get_suggestions(ids[:1])[0].case_id if ids else None
        if case_id is not None:
            self._guard_edit(case_id)  # type: ignore[attr-defined]
            self._check_grounds(case_id, [ground_id])  # type: ignore[attr-defined]
        self.review.set_suggestion_ground(suggestion_ids, ground_id, self.user, versions)
        if case_id is not None:
            self._edited(case_id, "suggestion.ground")  # type: ignore[attr-defined]

    # --- manual redactions -------------------------------------------------------

    def _ready_document(self, document_id: int) -> Document:
        from aktindsigt.services.cases import ServiceError

        doc = self.document(document_id)  # type: ignore[attr-defined]
        if doc.status is not DocumentStatus.READY:
            raise ServiceError("Dokumentet kunne ikke importeres og kan derfor ikke overstreges.")
        self._guard_edit(doc.case_id)  # type: ignore[attr-defined]
        return doc

    def redact_text(self, document_id: int, start: int, end: int, ground_id: str, reason: str = "") -> Operation:
        """The caseworker's own text selection becomes a redaction decision."""
        from aktindsigt.services.cases import ServiceError

        doc = self._ready_document(document_id)
        text = self.document_text(document_id)  # type: ignore[attr-defined]
        if not (0 <= start < end <= len(text)):
            raise ServiceError("Markeringen ligger uden for dokumentets tekst.")
        if not ground_id:
            raise ServiceError("Vælg en hjemmel for overstregningen.")
        view = self._view(document_id)
        va, vb = view.from_source(start, end)
        selected = " ".join(view.text[va:vb].split()) or text[start:end]
        from aktindsigt.services.analysis import _manual_values

        # what the selection is: the type of a suggestion it coincides with, else what it looks like
        same = next((x for x in self.review.list_suggestions(doc.case_id, document_id)
                     if x.start == start and x.end == end and x.entity_type is not EntityType.MANUAL), None)
        value_text, value_type = _manual_values(selected, same.entity_type if same else EntityType.MANUAL)[0]
        self._check_grounds(doc.case_id, [ground_id])  # type: ignore[attr-defined]
        d = Decision(case_id=doc.case_id, document_id=document_id, kind=DecisionKind.SPAN,
                     action=DecisionAction.REDACT, start=start, end=end, ground_id=ground_id,
                     entity_key=entity_key(value_type, value_text), reason=reason)
        op = Operation(case_id=doc.case_id, description="Overstreg markering")
        self._settle(op, document_id, ground_id, lambda x: start <= x.start and x.end <= end)
        # the same text elsewhere in the case is redacted the same way; a name's other parts are suggested
        case = self.get_case(doc.case_id)  # type: ignore[attr-defined]
        plan = self._spread(case, [(value_text, value_type, DecisionAction.REDACT, ground_id)], set(op.status_after))
        plan.add = [(sg, dd) for sg, dd in plan.add
                    if not (sg.document_id == document_id and sg.start < end and start < sg.end)]
        self._apply_plan(op, [d, *op.created], plan, [], "decision.manual_text")
        self._edited(doc.case_id, "decision.manual_text")  # type: ignore[attr-defined]
        return op

    def _settle(self, op: Operation, document_id: int, ground_id: str, covers) -> None:
        """Open suggestions of a document that a redaction covers are decided with it (recorded in ``op``:
        ``op.created`` gets their decisions, to be stored with the action)."""
        for x in self.review.list_suggestions(op.case_id, document_id, SuggestionStatus.PENDING):
            if x.id is None or not covers(x):
                continue
            op.status_before[x.id] = x.status
            op.status_after[x.id] = SuggestionStatus.ACCEPTED
            op.created.append(Decision(
                case_id=op.case_id, document_id=document_id, kind=DecisionKind.SPAN, action=DecisionAction.REDACT,
                start=x.start, end=x.end, ground_id=ground_id, suggestion_id=x.id,
                entity_key=x.entity_key or entity_key(x.entity_type, x.text), entity_type=x.entity_type))

    def redact_area(self, document_id: int, page: int, rect: Rect, ground_id: str, reason: str = "") -> Operation:
        """A rectangle drawn on a page (signature, photo, stamp) becomes a redaction decision."""
        from aktindsigt.services.cases import ServiceError

        doc = self._ready_document(document_id)
        if not 1 <= page <= doc.page_count:
            raise ServiceError(f"Dokumentet har ikke en side {page}.")
        if rect.width <= 0 or rect.height <= 0:
            raise ServiceError("Området er tomt; træk et rektangel over det, der skal overstreges.")
        if not ground_id:
            raise ServiceError("Vælg en hjemmel for overstregningen.")
        self._check_grounds(doc.case_id, [ground_id])  # type: ignore[attr-defined]
        d = Decision(case_id=doc.case_id, document_id=document_id, kind=DecisionKind.AREA,
                     action=DecisionAction.REDACT, page=page, rect=rect, ground_id=ground_id, reason=reason)
        op = Operation(case_id=doc.case_id, description="Overstreg område")
        pages = self.document_pages(document_id, [page])  # type: ignore[attr-defined]
        self._settle(op, document_id, ground_id, lambda x: _under(pages, x.start, x.end, page, rect))
        settled = op.created
        applied = self.review.apply_ex([d, *settled], self.user, op.status_after, action="decision.manual_area")
        op.created, op.versions_after = applied.created, applied.versions
        self._edited(doc.case_id, "decision.manual_area")  # type: ignore[attr-defined]
        return op

    # --- search and remove ("Søg" / "Overstreg alle forekomster", case-wide) --------------------

    def search_case(self, case_ref: str | int, needle: str, regex: bool = False,
                    context: int = SEARCH_CONTEXT) -> list[SearchHit]:
        """Every occurrence of ``needle`` in every document of the case, with its context.

        The text is compared with each document's normalised view (a value wrapped across a line or a
        page, hyphenated at a line end, in capitals, in the possessive; a number in any grouping, a
        phone number with +45), on word boundaries ("Else" is not found in "Godkendelse"); with
        ``regex`` the pattern is matched (case-insensitively) against the view.  Each hit says whether
        it is already redacted, kept, or under an open suggestion."""
        from aktindsigt.core.matching import CaseMatcher
        from aktindsigt.services.cases import ServiceError

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        needle = needle.strip()
        if not needle:
            raise ServiceError("Skriv den tekst, der skal søges efter.")
        pattern = None
        matcher = None
        if regex:
            try:
                pattern = re.compile(needle, re.IGNORECASE)
            except re.error as e:
                raise ServiceError(f"Mønsteret kan ikke bruges: {e}") from e
        else:
            matcher = CaseMatcher([(needle, EntityType.MANUAL)], related=False)
        suggestions = self.review.list_suggestions(case.id)
        decisions = self.review.list_decisions(case.id)
        hits: list[SearchHit] = []
        for doc in self.store.list_documents(case.id):  # type: ignore[attr-defined]
            if doc.status is not DocumentStatus.READY:
                continue
            view = self._view(doc.id or 0)
            if pattern is not None:
                spans = [(m.start(), m.end()) for m in pattern.finditer(view.text) if m.end() > m.start()]
            else:
                assert matcher is not None
                spans = sorted({(h.start, h.end) for h in matcher.find(view) if h.exact})
            if not spans:
                continue
            pages = self.document_page_index(doc.id)  # type: ignore[attr-defined]
            doc_sugg = [x for x in suggestions if x.document_id == doc.id]
            doc_dec = [d for d in decisions if d.document_id == doc.id and d.kind is DecisionKind.SPAN]
            taken: list[tuple[int, int]] = []
            for vs, ve in sorted(spans, key=lambda sp: (sp[0], -(sp[1] - sp[0]))):
                if any(vs < te and ts < ve for ts, te in taken):
                    continue
                taken.append((vs, ve))
                a, b = view.to_source(vs, ve)
                state, sid = "open", None
                if any(d.action is DecisionAction.REDACT and d.start <= a and b <= d.end for d in doc_dec
                       if d.start is not None and d.end is not None):
                    state = "redacted"
                elif any(d.action is DecisionAction.KEEP and d.start < b and a < d.end for d in doc_dec
                         if d.start is not None and d.end is not None):
                    state = "kept"
                else:
                    same = next((x for x in doc_sugg if x.start == a and x.end == b
                                 and x.status is SuggestionStatus.PENDING), None)
                    if same is not None:
                        state, sid = "suggested", same.id
                page = next((p.number for p in pages if p.text_start <= a < p.text_end), None)
                hits.append(SearchHit(
                    document_id=doc.id or 0, akt_nr=doc.akt_nr, title=doc.title, page=page, start=a, end=b,
                    text=view.text[vs:ve], before=_context(view.text, max(0, vs - context), vs, left=True),
                    after=_context(view.text, ve, ve + context, left=False), state=state, suggestion_id=sid,
                ))
        return hits

    def redact_hits(self, case_ref: str | int, hits: Sequence[SearchHit], ground_id: str, reason: str = "",
                    label: str = "") -> Operation:
        """Redact the chosen hits of ``search_case`` in ONE operation (one undo restores the case exactly).

        A hit on an open suggestion accepts it; any other hit becomes a redaction of its own (shown as a
        suggestion group of the searched text); open suggestions that a hit covers are settled with it."""
        from aktindsigt.core.matching import value_key
        from aktindsigt.services.cases import ServiceError

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        if not ground_id:
            raise ServiceError("Vælg en hjemmel for overstregningen.")
        self._guard_edit(case.id)  # type: ignore[attr-defined]
        self._check_grounds(case.id, [ground_id])  # type: ignore[attr-defined]
        todo = [h for h in hits if h.state != "redacted"]
        op = Operation(case_id=case.id, description=f"Overstreg {_occurrences(len(todo))}"
                       + (f" af '{label}'" if label else ""))
        if not todo:
            return op
        suggestions = self.review.list_suggestions(case.id)
        by_doc: dict[int, list[Suggestion]] = {}
        for x in suggestions:
            by_doc.setdefault(x.document_id, []).append(x)
        decisions: list[Decision] = []
        add: list[tuple[Suggestion, Decision | None]] = []
        replaced: list[Decision] = []
        old = {d.suggestion_id: d for d in self.review.list_decisions(case.id) if d.suggestion_id is not None}
        for h in todo:
            key = value_key(label or h.text, EntityType.MANUAL)
            covered = [x for x in by_doc.get(h.document_id, []) if x.id is not None and x.id not in op.status_after
                       and x.status is not SuggestionStatus.ACCEPTED and h.start <= x.start and x.end <= h.end]
            exact = next((x for x in covered if x.start == h.start and x.end == h.end), None)
            for x in covered:
                op.status_before[x.id] = x.status  # type: ignore[index]
                op.status_after[x.id] = SuggestionStatus.ACCEPTED  # type: ignore[index]
                if x.id in old:
                    replaced.append(old[x.id])
                decisions.append(Decision(
                    case_id=case.id, document_id=x.document_id, kind=DecisionKind.SPAN, action=DecisionAction.REDACT,
                    start=x.start, end=x.end, ground_id=ground_id, suggestion_id=x.id,
                    entity_key=x.entity_key or entity_key(x.entity_type, x.text), entity_type=x.entity_type,
                    reason=reason))
            if exact is not None:
                continue
            sug = Suggestion(case_id=case.id, document_id=h.document_id, entity_type=EntityType.MANUAL,
                             start=h.start, end=h.end, text=h.text, score=1.0, detector="search",
                             ground_id=ground_id, preselected=True, entity_key=key, status=SuggestionStatus.ACCEPTED)
            add.append((sug, Decision(case_id=case.id, document_id=h.document_id, kind=DecisionKind.SPAN,
                                      action=DecisionAction.REDACT, start=h.start, end=h.end, ground_id=ground_id,
                                      entity_key=key, entity_type=EntityType.MANUAL, reason=reason)))
        applied = self.review.apply_ex(decisions, self.user, op.status_after, [d.id for d in replaced if d.id],
                                       action="decision.search", add=add)
        op.created, op.removed, op.versions_after = applied.created, applied.removed, applied.versions
        op.added_suggestions = applied.added
        self._edited(case.id, "decision.search")  # type: ignore[attr-defined]
        return op

    def redact_everywhere(self, case_ref: str | int, needle: str, ground_id: str, regex: bool = False) -> Operation:
        """"Overstreg alle forekomster" without looking: every hit of ``search_case`` is redacted."""
        from aktindsigt.services.cases import ServiceError

        hits = self.search_case(case_ref, needle, regex)
        if not hits:
            raise ServiceError(f"'{needle.strip()}' blev ikke fundet i sagens dokumenter.")
        return self.redact_hits(case_ref, hits, ground_id, label=" ".join(needle.split()))

    # --- undo / redo -------------------------------------------------------------

    def undo(self, op: Operation) -> Operation:
        """Reverse ``op``; returns the inverse operation (undo it again to redo).

        Decisions, suggestion statuses, the suggestions the action created (deleted again) and those it
        deleted (created again, with their decisions) are restored in one transaction; document
        decisions, withheld pages and document properties are written back to what they were before ``op``;
        failed-file actions are reversed (services/documents.py)."""
        self._guard_edit(op.case_id)  # type: ignore[attr-defined]
        undo_prefix = "Fortryd: "
        description = (op.description.removeprefix(undo_prefix) if op.description.startswith(undo_prefix)
                       else undo_prefix + op.description)
        dropped = {s.id for s in op.added_suggestions}
        revived = {s.id for s in op.deleted_suggestions}
        inverse = Operation(case_id=op.case_id, removed=list(op.created),
                            status_before={k: v for k, v in op.status_after.items() if k not in dropped},
                            status_after={k: v for k, v in op.status_before.items() if k not in revived},
                            access_before=dict(op.access_after), access_after=dict(op.access_before),
                            pages_before=dict(op.pages_after), pages_after=dict(op.pages_before),
                            fields_before=dict(op.fields_after), fields_after=dict(op.fields_before),
                            description=description, deleted_suggestions=list(op.added_suggestions))
        if op.documents_before or op.documents_after:
            self._undo_documents(op, inverse)  # type: ignore[attr-defined]  (services/documents.py)
        if op.created or op.removed or op.status_after or op.added_suggestions or op.deleted_suggestions:
            def copy(d: Decision) -> Decision:
                return Decision(case_id=d.case_id, document_id=d.document_id, kind=d.kind, action=d.action,
                                start=d.start, end=d.end, page=d.page, rect=d.rect, ground_id=d.ground_id,
                                suggestion_id=d.suggestion_id, entity_key=d.entity_key, entity_type=d.entity_type,
                                reason=d.reason)

            on_revived = {d.suggestion_id: d for d in op.removed if d.suggestion_id in revived}
            recreated = [copy(d) for d in op.removed if d.suggestion_id not in revived]
            add = [(s, copy(on_revived[s.id]) if s.id in on_revived else None) for s in op.deleted_suggestions]
            applied = self.review.apply_ex(
                recreated, self.user, inverse.status_after, [d.id for d in op.created if d.id],
                action="decision.undo", versions={k: v for k, v in op.versions_after.items() if k not in dropped}
                or None, add=add, delete_suggestion_ids=[s.id for s in op.added_suggestions if s.id])
            inverse.created, inverse.versions_after = applied.created, applied.versions
            inverse.added_suggestions = applied.added
        for document_id, state in op.access_before.items():
            doc = self._write_access(document_id, state, "document.access.undo",
                                     op.document_versions_after.get(document_id))
            inverse.document_versions_after[document_id] = doc.version
        for (document_id, page), ground in op.pages_before.items():
            self.review.set_page_withheld(document_id, page, ground, self.user)
        if op.fields_before:
            self._write_fields(op.fields_before, "document.properties.undo")  # type: ignore[attr-defined]
        self._edited(op.case_id, "decision.undo")  # type: ignore[attr-defined]
        return inverse

    # --- document and page decisions -----------------------------------------------

    def _write_access(self, document_id: int, state: DocumentAccess, action: str,
                      version: int | None = None) -> Document:
        doc = self.document(document_id)  # type: ignore[attr-defined]
        doc.access = state.access
        doc.access_grounds = list(state.grounds)
        doc.access_reason = state.reason
        return self.store.update_document(doc, self.user, action=action,  # type: ignore[attr-defined]
                                          expected_version=version if version else doc.version)

    def decide_document(self, document_id: int, access: AccessType | str | None,
                        grounds: Sequence[str] = (), reason: str = "", version: int | None = None) -> Operation:
        """The document decision (full / partial / withheld with grounds and reason) as an undoable action.
        ``version``: the document's version as the user saw it (changed since: ``Conflict``)."""
        from aktindsigt.services.cases import ServiceError

        doc = self.document(document_id)  # type: ignore[attr-defined]
        if version and version != doc.version:
            from aktindsigt.core.errors import Conflict

            raise Conflict("document", doc.id, doc.updated_by, doc.updated_at, case_id=doc.case_id,
                           label=f"Akt {doc.akt_nr}")
        try:
            access = AccessType(access) if access else None
        except ValueError:
            raise ServiceError(f"Ukendt afgørelse '{access}'. Vælg fuld, delvis eller undtaget.") from None
        if access is AccessType.WITHHELD and not grounds:
            raise ServiceError("Angiv hjemmel for at undtage dokumentet.")
        self._guard_edit(doc.case_id)  # type: ignore[attr-defined]
        self._check_grounds(doc.case_id, grounds)  # type: ignore[attr-defined]
        before = DocumentAccess.of(doc)
        after = DocumentAccess(access, tuple(grounds), reason)
        label = access.label.lower() if access else "ikke afgjort"
        op = Operation(case_id=doc.case_id, description=f"Akt {doc.akt_nr}: {label}")
        if after == before:
            return op
        written = self._write_access(document_id, after, "document.access", doc.version)
        op.access_before, op.access_after = {document_id: before}, {document_id: after}
        op.document_versions_after = {document_id: written.version}
        self._edited(doc.case_id, "document.access")  # type: ignore[attr-defined]
        return op

    def set_document_access(self, document_id: int, access: AccessType | str | None,
                            grounds: Sequence[str] = (), reason: str = "") -> Document:
        """Like ``decide_document``, returning the updated document."""
        self.decide_document(document_id, access, grounds, reason)
        return self.document(document_id)  # type: ignore[attr-defined]

    def withhold_page(self, document_id: int, page: int, ground_id: str | None) -> Operation:
        """Withhold one page (replaced by a placeholder naming the ground); ``None`` releases it again.
        Returns the undoable action."""
        from aktindsigt.services.cases import ServiceError

        doc = self.document(document_id)  # type: ignore[attr-defined]
        if not 1 <= page <= doc.page_count:
            raise ServiceError(f"Dokumentet har ikke en side {page}.")
        self._guard_edit(doc.case_id)  # type: ignore[attr-defined]
        self._check_grounds(doc.case_id, [ground_id])  # type: ignore[attr-defined]
        current = self.store.withheld_pages(doc.case_id).get(document_id, [])  # type: ignore[attr-defined]
        before = next((p.withheld_ground for p in current if p.number == page), None)
        what = "undtaget" if ground_id else "frigivet"
        op = Operation(case_id=doc.case_id, description=f"Akt {doc.akt_nr}, side {page} {what}")
        if before == ground_id:
            return op
        if ground_id:  # open suggestions on the page are settled with it
            index = self.document_page_index(document_id)  # type: ignore[attr-defined]
            span = next(((p.text_start, p.text_end) for p in index if p.number == page), None)
            if span is not None:
                self._settle(op, document_id, ground_id, lambda x: span[0] <= x.start < span[1])
        if op.created:
            applied = self.review.apply_ex(op.created, self.user, op.status_after, action="decision.page_settle")
            op.created, op.versions_after = applied.created, applied.versions
        self.review.set_page_withheld(document_id, page, ground_id, self.user)
        op.pages_before, op.pages_after = {(document_id, page): before}, {(document_id, page): ground_id}
        self._edited(doc.case_id, "page.withhold" if ground_id else "page.release")  # type: ignore[attr-defined]
        return op


def overridden_notices(removed: Sequence[Decision], user: str, action: DecisionAction) -> list[str]:
    """Danish lines about other users' decisions that an action replaced (the second user is told)."""
    from aktindsigt.core.errors import clock

    verb = {DecisionAction.REDACT: "overstreget", DecisionAction.KEEP: "frigivet"}
    by: dict[tuple[str, DecisionAction], list[Decision]] = {}
    for d in removed:
        if d.who and d.who != user and d.action is not action:
            by.setdefault((d.who, d.action), []).append(d)
    lines = []
    for (who, was), ds in by.items():
        last = max((d.at for d in ds if d.at), default=None)
        n = len(ds)
        what = "forekomst" if n == 1 else "forekomster"
        lines.append(f"{n} {what} var {verb[was]} af {who}{' ' + clock(last) if last else ''}; "
                     f"din afgørelse ({verb[action]}) erstatter den.")
    return lines


def _merge_operations(first: Operation, then: Operation) -> Operation:
    """One operation that does ``first`` and then ``then`` (decisions only, same case): undoing it undoes both.
    A suggestion ``first`` created stays one it created (undo deletes it, whatever ``then`` did to it)."""
    added = {s.id for s in first.added_suggestions}
    status_before = dict(first.status_before)
    for sid, st in then.status_before.items():
        if sid not in status_before and sid not in added:
            status_before[sid] = st
    return Operation(
        case_id=first.case_id,
        created=[*first.created, *then.created],
        removed=[*first.removed, *then.removed],
        status_before=status_before,
        status_after={**first.status_after, **then.status_after},
        description=first.description,
        added_suggestions=[*first.added_suggestions, *then.added_suggestions],
        deleted_suggestions=[*first.deleted_suggestions, *then.deleted_suggestions],
        versions_after={**first.versions_after, **then.versions_after},
        document_versions_after={**first.document_versions_after, **then.document_versions_after},
        notices=[*first.notices, *then.notices],
    )
