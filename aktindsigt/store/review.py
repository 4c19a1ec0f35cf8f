"""Suggestions and decisions in the store (the review part of a case)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import func, select

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
        created_at=r.created_at,
    )


def _decision_from_row(r: DecisionRow) -> Decision:
    return Decision(
        id=r.id, case_id=r.case_id, document_id=r.document_id, kind=DecisionKind(r.kind),
        action=DecisionAction(r.action), start=r.start, end=r.end, page=r.page,
        rect=Rect(*r.rect) if r.rect else None, ground_id=r.ground_id, suggestion_id=r.suggestion_id,
        entity_key=r.entity_key, entity_type=EntityType(r.entity_type), who=r.who, at=r.at, reason=r.reason,
    )


class ReviewStore:
    """Suggestions and decisions; every change audited in the same transaction."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- suggestions ---------------------------------------------------------

    def add_suggestions(self, case_id: int, suggestions: Sequence[Suggestion], who: str) -> list[Suggestion]:
        """Insert suggestions that are not there yet (same document, span and type); returns the new ones."""
        with self.store.transaction() as s:
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
                           status=statuses[r.status], created_at=r.created_at)
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

    def set_suggestion_ground(self, suggestion_ids: Sequence[int], ground_id: str | None, who: str) -> None:
        with self.store.transaction() as s:
            for r in s.scalars(select(SuggestionRow).where(SuggestionRow.id.in_(list(suggestion_ids)))):
                before = r.ground_id
                r.ground_id = ground_id
                self.store._audit(s, who, "suggestion.ground", "suggestion", r.id, r.case_id,
                                  {"ground_id": before}, {"ground_id": ground_id})

    # --- decisions -----------------------------------------------------------

    def apply(
        self, decisions: Sequence[Decision], who: str, status_updates: dict[int, SuggestionStatus] | None = None,
        remove_decision_ids: Sequence[int] = (), action: str = "decision.create",
    ) -> list[Decision]:
        """Add decisions, remove decisions and change suggestion statuses in ONE transaction.

        Every review action (accept, reject, undo, redo, manual redaction) goes through here so that
        it is atomic and audited with its before/after state.
        """
        status_updates = status_updates or {}
        with self.store.transaction() as s:
            removed = []
            for did in remove_decision_ids:
                row = s.get(DecisionRow, did)
                if row is None:
                    continue
                removed.append(_decision_from_row(row))
                s.delete(row)
            changed = []
            if status_updates:
                for r in s.scalars(select(SuggestionRow).where(SuggestionRow.id.in_(list(status_updates)))):
                    new = status_updates[r.id].value
                    if r.status != new:
                        changed.append({"id": r.id, "before": r.status, "after": new})
                        r.status = new
            created = []
            now = utcnow()
            for d in decisions:
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
            case_id = (result[0].case_id if result else removed[0].case_id if removed else None)
            if case_id is None and changed:
                case_id = s.scalar(select(SuggestionRow.case_id).where(SuggestionRow.id == changed[0]["id"]))
            self.store._audit(
                s, who, action, "case", case_id, case_id,
                {"decisions": _jsonable(removed), "suggestions": [{"id": c["id"], "status": c["before"]} for c in changed]},
                {"decisions": _jsonable(result), "suggestions": [{"id": c["id"], "status": c["after"]} for c in changed]},
            )
            return result

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
        with self.store.transaction() as s:
            row = s.scalars(select(PageRow).where(PageRow.document_id == document_id, PageRow.number == page)).first()
            if row is None:
                raise NotFound(f"page {page} of document {document_id}")
            before = {"withheld": row.withheld, "ground": row.withheld_ground}
            row.withheld = ground_id is not None
            row.withheld_ground = ground_id
            case_id = s.scalar(select(DocumentRow.case_id).where(DocumentRow.id == document_id))
            self.store._audit(s, who, "page.withhold" if ground_id else "page.release", "page",
                              f"{document_id}:{page}", case_id, before,
                              {"withheld": row.withheld, "ground": ground_id})
