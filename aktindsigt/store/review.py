"""Suggestions and decisions in the store (the review part of a case)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select

from aktindsigt.core.errors import Conflict
from aktindsigt.core.model import (
    Decision,
    DecisionAction,
    DecisionKind,
    EntityType,
    Rect,
    Suggestion,
    SuggestionStatus,
)
from aktindsigt.store.schema import DecisionRow, DocumentRow, PageRow, SuggestionRow
from aktindsigt.store.store import NotFound, Store, _jsonable, utcnow


def _suggestion_from_row(r: SuggestionRow) -> Suggestion:
    return Suggestion(
        id=r.id, case_id=r.case_id, document_id=r.document_id, entity_type=EntityType(r.entity_type),
        start=r.start, end=r.end, text=r.text, score=r.score, detector=r.detector, ground_id=r.ground_id,
        preselected=r.preselected, entity_key=r.entity_key, status=SuggestionStatus(r.status),
        created_at=r.created_at, version=r.version or 0, updated_by=r.updated_by or "", updated_at=r.updated_at,
    )


def _suggestion_conflict(row: SuggestionRow, several: bool) -> Conflict:
    text = " ".join(row.text.split())
    if len(text) > 40:
        text = text[:39] + "…"
    label = f"Et af forslagene ('{text}')" if several else f"Forslaget '{text}'"
    return Conflict("suggestion", row.id, row.updated_by, row.updated_at, case_id=row.case_id, label=label)


def _decision_from_row(r: DecisionRow) -> Decision:
    return Decision(
        id=r.id, case_id=r.case_id, document_id=r.document_id, kind=DecisionKind(r.kind),
        action=DecisionAction(r.action), start=r.start, end=r.end, page=r.page,
        rect=Rect(*r.rect) if r.rect else None, ground_id=r.ground_id, suggestion_id=r.suggestion_id,
        entity_key=r.entity_key, entity_type=EntityType(r.entity_type), who=r.who, at=r.at, reason=r.reason,
    )


@dataclass
class Applied:
    created: list[Decision]
    removed: list[Decision]
    versions: dict[int, int]  # suggestion id -> its version after the write
    added: list[Suggestion] = field(default_factory=list)  # suggestions created with the action


class ReviewStore:
    """Suggestions and decisions; every change audited in the same transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- suggestions ---------------------------------------------------------

    def add_suggestions(self, case_id: int, suggestions: Sequence[Suggestion], who: str) -> list[Suggestion]:
        """Insert suggestions that are not there yet (same document, span and type); returns the new ones.
        Runs under the case's lock, so two analyses at the same moment do not insert the same suggestion twice."""
        with self.store.transaction(write=True) as s:
            self.store._lock_case(s, case_id)
            existing = {
                (d, a, b, t)
                for d, a, b, t in s.execute(
                    select(SuggestionRow.document_id, SuggestionRow.start, SuggestionRow.end, SuggestionRow.entity_type)
                    .where(SuggestionRow.case_id == case_id)
                ).all()
            }
            created: list[SuggestionRow] = []
            now = utcnow()
            for sg in suggestions:
                key = (sg.document_id, sg.start, sg.end, sg.entity_type.value)
                if key in existing:
                    continue
                existing.add(key)
                row = SuggestionRow(
                    case_id=case_id, document_id=sg.document_id, entity_type=sg.entity_type.value, start=sg.start,
                    end=sg.end, text=sg.text, score=float(sg.score), detector=sg.detector, ground_id=sg.ground_id,
                    preselected=sg.preselected, entity_key=sg.entity_key, status=sg.status.value, created_at=now,
                )
                s.add(row)
                created.append(row)
            s.flush()
            if created:
                self.store._audit(s, who, "suggestions.add", "case", case_id, case_id, None,
                                  {"count": len(created), "ids": [r.id for r in created]})
            return [_suggestion_from_row(r) for r in created]

    def list_suggestions(
        self, case_id: int, document_id: int | None = None, status: SuggestionStatus | None = None
    ) -> list[Suggestion]:
        # plain rows, not ORM objects: a case with tens of thousands of suggestions loads ~3x faster (and a
        # UI thread waiting for the GIL meanwhile stalls correspondingly less)
        t = SuggestionRow.__table__
        with self.store.transaction() as s:
            q = select(t).where(t.c.case_id == case_id)
            if document_id is not None:
                q = q.where(t.c.document_id == document_id)
            if status is not None:
                q = q.where(t.c.status == status.value)
            q = q.order_by(t.c.document_id, t.c.start, t.c.id)
            types = {e.value: e for e in EntityType}
            statuses = {e.value: e for e in SuggestionStatus}
            return [
                Suggestion(id=r.id, case_id=r.case_id, document_id=r.document_id, entity_type=types[r.entity_type],
                           start=r.start, end=r.end, text=r.text, score=r.score, detector=r.detector,
                           ground_id=r.ground_id, preselected=r.preselected, entity_key=r.entity_key,
                           status=statuses[r.status], created_at=r.created_at, version=r.version,
                           updated_by=r.updated_by, updated_at=r.updated_at)
                for r in s.execute(q)
            ]

    def pending_counts(self, case_id: int) -> dict[int, int]:
        """Open (pending) suggestions per document id, counted by the database."""
        with self.store.transaction() as s:
            q = (select(SuggestionRow.document_id, func.count())
                 .where(SuggestionRow.case_id == case_id, SuggestionRow.status == SuggestionStatus.PENDING.value)
                 .group_by(SuggestionRow.document_id))
            return {doc: n for doc, n in s.execute(q).all()}

    def get_suggestions(self, ids: Iterable[int]) -> list[Suggestion]:
        ids = list(ids)
        with self.store.transaction() as s:
            rows = s.scalars(select(SuggestionRow).where(SuggestionRow.id.in_(ids))).all()
            found = {r.id: _suggestion_from_row(r) for r in rows}
        missing = [i for i in ids if i not in found]
        if missing:
            raise NotFound(f"suggestions {missing}")
        return [found[i] for i in ids]

    def _lock_suggestions(self, s, ids: Iterable[int], versions: Mapping[int, int] | None) -> dict[int, SuggestionRow]:
        """Lock the suggestions (in id order: two writers never deadlock) and check the versions the caller saw."""
        ids = sorted(set(ids))
        if not ids:
            return {}
        rows = {r.id: r for r in s.scalars(select(SuggestionRow).where(SuggestionRow.id.in_(ids))
                                           .order_by(SuggestionRow.id).with_for_update())}
        for sid, seen in (versions or {}).items():
            row = rows.get(sid)
            if row is None:
                raise Conflict("suggestion", sid, label="Forslaget er slettet og")
            if seen and row.version != seen:
                raise _suggestion_conflict(row, len(ids) > 1)
        return rows

    def set_suggestion_ground(self, suggestion_ids: Sequence[int], ground_id: str | None, who: str,
                              versions: Mapping[int, int] | None = None) -> None:
        with self.store.transaction(write=True) as s:
            for r in self._lock_suggestions(s, suggestion_ids, versions).values():
                before = r.ground_id
                r.ground_id = ground_id
                r.updated_by, r.updated_at = who[:128], utcnow()
                self.store._audit(s, who, "suggestion.ground", "suggestion", r.id, r.case_id,
                                  {"ground_id": before}, {"ground_id": ground_id})

    def set_entity_keys(self, keys: Mapping[int, str], who: str) -> None:
        """Give suggestions the grouping key of another value (a short form of a name found in the case)."""
        if not keys:
            return
        with self.store.transaction(write=True) as s:
            rows = list(s.scalars(select(SuggestionRow).where(SuggestionRow.id.in_(sorted(keys)))))
            for r in rows:
                r.entity_key = keys[r.id]
            case_id = rows[0].case_id if rows else None
            self.store._audit(s, who, "suggestions.group", "case", case_id, case_id, None,
                              {"count": len(rows), "ids": [r.id for r in rows]})

    # --- decisions -----------------------------------------------------------

    def apply(
        self, decisions: Sequence[Decision], who: str, status_updates: dict[int, SuggestionStatus] | None = None,
        remove_decision_ids: Sequence[int] = (), action: str = "decision.create",
        versions: Mapping[int, int] | None = None,
    ) -> list[Decision]:
        """``apply_ex`` returning only the created decisions."""
        return self.apply_ex(decisions, who, status_updates, remove_decision_ids, action, versions).created

    def apply_all(
        self, decisions: Sequence[Decision], who: str, status_updates: dict[int, SuggestionStatus] | None = None,
        remove_decision_ids: Sequence[int] = (), *, add: Sequence[tuple[Suggestion, Decision | None]] = (),
        delete_suggestion_ids: Sequence[int] = (), action: str = "decision.create",
        versions: Mapping[int, int] | None = None,
    ) -> tuple[list[Decision], list[Suggestion]]:
        """``apply_ex`` returning the created decisions and the created suggestions."""
        got = self.apply_ex(decisions, who, status_updates, remove_decision_ids, action, versions, add=add,
                            delete_suggestion_ids=delete_suggestion_ids)
        return got.created, got.added

    def apply_ex(
        self, decisions: Sequence[Decision], who: str, status_updates: dict[int, SuggestionStatus] | None = None,
        remove_decision_ids: Sequence[int] = (), action: str = "decision.create",
        versions: Mapping[int, int] | None = None, *, add: Sequence[tuple[Suggestion, Decision | None]] = (),
        delete_suggestion_ids: Sequence[int] = (),
    ) -> Applied:
        """Add decisions, remove decisions and change suggestion statuses in ONE transaction.

        Every review action (accept, reject, undo, redo, manual redaction) goes through here so that
        it is atomic and audited with its before/after state. The suggestions in ``status_updates`` are
        locked first; ``versions`` are the versions the caller read them at: if another user changed one
        since, nothing is written and ``Conflict`` says who and when. Every suggestion in
        ``status_updates`` gets a new version (also when its status stays), so a decision replaced by
        another user is always noticed. At most one decision per suggestion (a unique index): a new
        decision on a suggestion replaces the one it has inside the transaction, whatever the caller read.
        ``add``: suggestions to create, each with the decision on it (or None) -- the other occurrences a
        decision reached; ``delete_suggestion_ids``: suggestions to delete (an undo of such an action).
        Returns what was created and removed, and the suggestions' new versions.
        """
        status_updates = status_updates or {}
        with self.store.transaction(write=True) as s:
            locked = self._lock_suggestions(s, status_updates, versions)
            removed = []
            replaced = {d.suggestion_id for d in decisions if d.suggestion_id is not None}
            current = list(s.scalars(select(DecisionRow).where(DecisionRow.suggestion_id.in_(sorted(replaced)))
                                     .order_by(DecisionRow.id))) if replaced else []
            seen_ids: set[int] = set()
            for row in [*current, *(s.get(DecisionRow, did) for did in remove_decision_ids)]:
                if row is None or row.id in seen_ids:
                    continue
                seen_ids.add(row.id)
                removed.append(_decision_from_row(row))
                s.delete(row)
            deleted = []
            for sid in delete_suggestion_ids:
                srow = s.get(SuggestionRow, sid)
                if srow is not None:
                    deleted.append(_suggestion_from_row(srow))
                    s.delete(srow)
            s.flush()  # deletes before inserts: a suggestion's new decision replaces its old one (unique index)
            changed = []
            now = utcnow()
            for r in locked.values():
                new = status_updates[r.id].value
                if r.status != new:
                    changed.append({"id": r.id, "before": r.status, "after": new})
                    r.status = new
                r.updated_by, r.updated_at = who[:128], now
            new_rows: list[SuggestionRow] = []
            for sg, _d in add:
                srow = SuggestionRow(
                    case_id=sg.case_id, document_id=sg.document_id, entity_type=sg.entity_type.value,
                    start=sg.start, end=sg.end, text=sg.text, score=float(sg.score), detector=sg.detector,
                    ground_id=sg.ground_id, preselected=sg.preselected, entity_key=sg.entity_key,
                    status=sg.status.value, created_at=now,
                )
                s.add(srow)
                new_rows.append(srow)
            if new_rows:
                s.flush()
            todo = list(decisions) + [
                Decision(case_id=d.case_id, document_id=d.document_id, kind=d.kind, action=d.action, start=d.start,
                         end=d.end, page=d.page, rect=d.rect, ground_id=d.ground_id, suggestion_id=srow.id,
                         entity_key=d.entity_key, entity_type=d.entity_type, reason=d.reason)
                for (_sg, d), srow in zip(add, new_rows, strict=True) if d is not None
            ]
            created = []
            for d in todo:
                row = DecisionRow(
                    case_id=d.case_id, document_id=d.document_id, kind=d.kind.value, action=d.action.value,
                    start=d.start, end=d.end, page=d.page,
                    rect=[d.rect.x0, d.rect.y0, d.rect.x1, d.rect.y1] if d.rect else None,
                    ground_id=d.ground_id, suggestion_id=d.suggestion_id, entity_key=d.entity_key,
                    entity_type=d.entity_type.value, who=who, at=now, reason=d.reason,
                )
                s.add(row)
                created.append(row)
            s.flush()
            result = [_decision_from_row(r) for r in created]
            added = [_suggestion_from_row(r) for r in new_rows]
            case_id = (result[0].case_id if result else removed[0].case_id if removed else
                       added[0].case_id if added else deleted[0].case_id if deleted else None)
            if case_id is None and changed:
                case_id = s.scalar(select(SuggestionRow.case_id).where(SuggestionRow.id == changed[0]["id"]))
            before: dict = {"decisions": _jsonable(removed),
                            "suggestions": [{"id": c["id"], "status": c["before"]} for c in changed]}
            after: dict = {"decisions": _jsonable(result),
                           "suggestions": [{"id": c["id"], "status": c["after"]} for c in changed]}
            if deleted:
                before["deleted_suggestions"] = [{"id": d.id, "document_id": d.document_id, "start": d.start,
                                                  "end": d.end, "entity_type": d.entity_type.value} for d in deleted]
            if added:
                after["added_suggestions"] = [{"id": a.id, "document_id": a.document_id, "start": a.start,
                                               "end": a.end, "entity_type": a.entity_type.value,
                                               "status": a.status.value} for a in added]
            self.store._audit(s, who, action, "case", case_id, case_id, before, after)
            return Applied(result, removed, {r.id: r.version for r in locked.values()}, added)

    def list_decisions(self, case_id: int, document_id: int | None = None) -> list[Decision]:
        with self.store.transaction() as s:
            q = select(DecisionRow).where(DecisionRow.case_id == case_id)
            if document_id is not None:
                q = q.where(DecisionRow.document_id == document_id)
            return [_decision_from_row(r) for r in s.scalars(q.order_by(DecisionRow.id))]

    def decisions_for_suggestions(self, suggestion_ids: Sequence[int]) -> list[Decision]:
        with self.store.transaction() as s:
            q = select(DecisionRow).where(DecisionRow.suggestion_id.in_(list(suggestion_ids)))
            return [_decision_from_row(r) for r in s.scalars(q)]

    # --- pages -------------------------------------------------------------

    def set_page_withheld(self, document_id: int, page: int, ground_id: str | None, who: str) -> None:
        with self.store.transaction(write=True) as s:
            row = s.scalars(select(PageRow).where(PageRow.document_id == document_id, PageRow.number == page)
                            .with_for_update()).first()
            if row is None:
                raise NotFound(f"page {page} of document {document_id}")
            before = {"withheld": row.withheld, "ground": row.withheld_ground}
            row.withheld = ground_id is not None
            row.withheld_ground = ground_id
            case_id = s.scalar(select(DocumentRow.case_id).where(DocumentRow.id == document_id))
            self.store._audit(s, who, "page.withhold" if ground_id else "page.release", "page",
                              f"{document_id}:{page}", case_id, before,
                              {"withheld": row.withheld, "ground": ground_id})
