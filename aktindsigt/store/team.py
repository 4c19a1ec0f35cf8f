"""Comments on a case, its documents, suggestions and decisions (the team lead's desk), in the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from aktindsigt.core.errors import Conflict
from aktindsigt.store.schema import CommentRow, DecisionRow, DocumentRow, SuggestionRow
from aktindsigt.store.store import NotFound, Store, _jsonable, utcnow

TARGETS = ("case", "document", "suggestion", "decision")


@dataclass
class Comment:
    id: int
    case_id: int
    target_type: str  # case | document | suggestion | decision
    target_id: int | None
    document_id: int | None
    author: str
    at: datetime
    text: str
    context: dict[str, Any] = field(default_factory=dict)
    resolved_by: str = ""
    resolved_at: datetime | None = None
    version: int = 0

    @property
    def open(self) -> bool:
        return not self.resolved_at

    @property
    def where(self) -> str:
        """Where the comment applies, in Danish: 'Akt 3, forslaget 'Mette Hansen'' …"""
        c = self.context or {}
        akt = f"Akt {c['akt_nr']}" if c.get("akt_nr") else ""
        if self.target_type == "suggestion":
            return f"{akt}, forslaget '{c.get('text', '')}'".strip(", ")
        if self.target_type == "decision":
            what = c.get("what") or "afgørelsen"
            return f"{akt}, {what}".strip(", ")
        if self.target_type == "document":
            return f"{akt}: {c.get('title', '')}".strip(": ")
        return "Sagen"


def _comment(r: CommentRow) -> Comment:
    return Comment(id=r.id, case_id=r.case_id, target_type=r.target_type, target_id=r.target_id,
                   document_id=r.document_id, author=r.author, at=r.at, text=r.text, context=dict(r.context or {}),
                   resolved_by=r.resolved_by or "", resolved_at=r.resolved_at, version=r.version)


class CommentStore:
    def __init__(self, store: Store) -> None:
        self.store = store

    def add(self, case_id: int, target_type: str, target_id: int | None, text: str, who: str) -> Comment:
        if target_type not in TARGETS:
            raise ValueError(target_type)
        with self.store.transaction(write=True) as s:
            context: dict[str, Any] = {}
            document_id: int | None = None
            if target_type == "document":
                doc = s.get(DocumentRow, target_id)
                if doc is None or doc.case_id != case_id:
                    raise NotFound(f"document {target_id}")
                document_id = doc.id
                context = {"akt_nr": doc.akt_nr, "title": doc.public_title or doc.title}
            elif target_type == "suggestion":
                sg = s.get(SuggestionRow, target_id)
                if sg is None or sg.case_id != case_id:
                    raise NotFound(f"suggestion {target_id}")
                document_id = sg.document_id
                akt = s.scalar(select(DocumentRow.akt_nr).where(DocumentRow.id == sg.document_id))
                context = {"akt_nr": akt, "text": " ".join(sg.text.split())[:200], "status": sg.status,
                           "entity_type": sg.entity_type, "start": sg.start, "end": sg.end}
            elif target_type == "decision":
                d = s.get(DecisionRow, target_id)
                if d is None or d.case_id != case_id:
                    raise NotFound(f"decision {target_id}")
                document_id = d.document_id
                akt = s.scalar(select(DocumentRow.akt_nr).where(DocumentRow.id == d.document_id))
                snippet = ""
                if d.start is not None and d.end is not None:
                    doc_text = s.scalar(select(DocumentRow.text).where(DocumentRow.id == d.document_id)) or ""
                    snippet = " ".join(doc_text[d.start:d.end].split())[:200]
                what = (f"overstregningen af '{snippet}'" if d.action == "redact" and snippet else
                        f"afgørelsen om at frigive '{snippet}'" if snippet else
                        f"overstregningen på side {d.page}" if d.page else "afgørelsen")
                context = {"akt_nr": akt, "what": what, "action": d.action, "ground_id": d.ground_id,
                           "who": d.who, "suggestion_id": d.suggestion_id}
            else:
                self.store._lock_case(s, case_id)
            row = CommentRow(case_id=case_id, target_type=target_type, target_id=target_id, document_id=document_id,
                             author=who[:128], at=utcnow(), text=text, context=context)
            s.add(row)
            s.flush()
            comment = _comment(row)
            self.store._audit(s, who, "comment.add", "comment", row.id, case_id, None, _jsonable(comment))
            return comment

    def list(self, case_id: int, document_id: int | None = None) -> list[Comment]:
        with self.store.transaction() as s:
            q = select(CommentRow).where(CommentRow.case_id == case_id)
            if document_id is not None:
                q = q.where(CommentRow.document_id == document_id)
            return [_comment(r) for r in s.scalars(q.order_by(CommentRow.at, CommentRow.id))]

    def open_counts(self, case_id: int) -> dict[int | None, int]:
        """Open comments per document id (None: on the case itself)."""
        with self.store.transaction() as s:
            q = (select(CommentRow.document_id, func.count()).where(CommentRow.case_id == case_id,
                                                                   CommentRow.resolved_at.is_(None))
                 .group_by(CommentRow.document_id))
            return {doc: n for doc, n in s.execute(q).all()}

    def resolve(self, comment_id: int, who: str, version: int | None = None, reopen: bool = False) -> Comment:
        with self.store.transaction(write=True) as s:
            row = s.get(CommentRow, comment_id, with_for_update=True)
            if row is None:
                raise NotFound(f"comment {comment_id}")
            if version is not None and row.version != version:
                raise Conflict("comment", row.id, row.resolved_by or row.author, row.resolved_at or row.at,
                               case_id=row.case_id)
            before = {"resolved_by": row.resolved_by, "resolved_at": row.resolved_at}
            row.resolved_by, row.resolved_at = ("", None) if reopen else (who[:128], utcnow())
            s.flush()
            self.store._audit(s, who, "comment.reopen" if reopen else "comment.resolve", "comment", row.id,
                              row.case_id, _jsonable(before),
                              {"resolved_by": row.resolved_by, "resolved_at": _jsonable(row.resolved_at)})
            return _comment(row)
