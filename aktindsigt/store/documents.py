"""Whole documents in the store: several documents' properties in one transaction, and taking a
document out of a case or putting it back (the failed-file actions and their undo).

A ``DocumentSnapshot`` is a document row with its pages (word maps included) and its attachments,
as plain values: enough to put the document back exactly as it was (same id and akt nr. when they
are free). Suggestions and decisions are not part of it; the services refuse to take out a document
that has decisions.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import func, select

from aktindsigt.core.model import Direction, Document
from aktindsigt.store.schema import DecisionRow, DocumentRow, PageRow
from aktindsigt.store.store import NewDocument, NotFound, Store, _document_from_row, _words_to_json, utcnow

# the properties a caseworker edits (``Document`` attribute names)
PROPERTY_FIELDS = ("title", "public_title", "doc_date", "direction", "sender", "recipient", "esdh_doc_id",
                   "in_scope", "section26_considered")

_DOC_COLUMNS = [c.key for c in DocumentRow.__table__.columns]
_PAGE_COLUMNS = [c.key for c in PageRow.__table__.columns if c.key not in ("id", "document_id", "version")]


@dataclasses.dataclass
class DocumentSnapshot:
    row: dict[str, Any]  # the document row's columns
    pages: list[dict[str, Any]]
    children: list[DocumentSnapshot] = dataclasses.field(default_factory=list)
    blob_sizes: dict[str, int] = dataclasses.field(default_factory=dict)  # sha256 -> size (for new blobs)

    @property
    def id(self) -> int | None:
        return self.row.get("id")

    @property
    def akt_nr(self) -> int | None:
        return self.row.get("akt_nr")

    def summary(self) -> dict[str, Any]:
        """What the audit log records of the document (no text)."""
        r = self.row
        return {"akt_nr": r.get("akt_nr"), "title": r.get("title"), "source": r.get("source_name"),
                "sha256": r.get("source_sha256"), "status": r.get("status"), "pages": r.get("page_count"),
                "attachments": len(self.children)}


class DocumentStore:
    """Document-level writes over a ``Store`` (same engine, same audit log)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # --- properties ------------------------------------------------------------------------

    def update_properties(self, changes: Mapping[int, Mapping[str, Any]], who: str,
                          action: str = "document.properties") -> list[Document]:
        """Set properties (``PROPERTY_FIELDS``) of several documents in one transaction, one audit event
        per document with the values before and after."""
        out: list[Document] = []
        with self.store.transaction(write=True) as s:
            for doc_id, fields in changes.items():
                row = s.get(DocumentRow, doc_id, with_for_update=True)
                if row is None:
                    raise NotFound(f"document {doc_id}")
                before = {k: _value(row, k) for k in fields}
                for name, value in fields.items():
                    if name not in PROPERTY_FIELDS:
                        raise ValueError(f"not a document property: {name}")
                    if name == "direction":
                        value = Direction(value).value
                    elif name in ("title", "public_title"):
                        value = str(value)[:1000]
                    elif name == "sender":
                        value = str(value)[:500]
                    elif name == "recipient":
                        value = str(value)[:1000]
                    elif name == "esdh_doc_id":
                        value = str(value)[:128]
                    setattr(row, name, value)
                s.flush()
                after = {k: _value(row, k) for k in fields}
                self.store._audit(s, who, action, "document", row.id, row.case_id, before, after)
                out.append(_document_from_row(row))
        return out

    # --- taking documents out and putting them back ---------------------------------------------

    def snapshot(self, document_id: int) -> DocumentSnapshot:
        with self.store.transaction() as s:
            row = s.get(DocumentRow, document_id)
            if row is None:
                raise NotFound(f"document {document_id}")
            return _snapshot(s, row)

    def count_decisions(self, case_id: int) -> int:
        with self.store.transaction() as s:
            return s.scalar(select(func.count(DecisionRow.id)).where(DecisionRow.case_id == case_id)) or 0

    def has_decisions(self, document_id: int) -> bool:
        """Whether the document or one of its attachments has decisions."""
        with self.store.transaction() as s:
            ids = _with_children(s, document_id)
            return bool(s.scalar(select(func.count(DecisionRow.id)).where(DecisionRow.document_id.in_(ids))))

    def swap(self, remove: Sequence[int], restore: Sequence[DocumentSnapshot], who: str, action: str,
             details: Mapping[str, Any] | None = None) -> list[Document]:
        """In one transaction: delete the documents ``remove`` (with their pages, attachments, suggestions and
        decisions), then insert the snapshots ``restore`` (their ids and akt numbers when free). One audit event
        per document taken out or put in. Returns the documents put in (attachments included)."""
        created: list[Document] = []
        with self.store.transaction(write=True) as s:
            for case_id in sorted({snap.row["case_id"] for snap in restore}):
                self.store._lock_case(s, case_id)  # akt numbers are allocated under the case's lock
            for doc_id in remove:
                row = s.get(DocumentRow, doc_id)
                if row is None:
                    raise NotFound(f"document {doc_id}")
                snap = _snapshot(s, row)
                case_id = row.case_id
                s.delete(row)
                s.flush()
                self.store._audit(s, who, action + ".out", "document", doc_id, case_id, snap.summary(),
                                  dict(details or {}))
            for snap in restore:
                self._insert(s, snap, snap.row.get("parent_id"), created, who, action, details)
        return created

    def _insert(self, s, snap: DocumentSnapshot, parent_id: int | None, created: list[Document], who: str,
                action: str, details: Mapping[str, Any] | None) -> None:
        values = dict(snap.row)
        case_id = values["case_id"]
        for key in ("source_sha256", "rendition_sha256"):
            sha = values.get(key)
            if sha:
                self.store._ensure_blob_row(s, sha, snap.blob_sizes.get(sha, 0))
        s.flush()
        if values.get("id") is not None and s.get(DocumentRow, values["id"]) is not None:
            values["id"] = None  # taken meanwhile: a new id
        nr = values.get("akt_nr")
        taken = nr is None or s.scalar(select(func.count(DocumentRow.id)).where(
            DocumentRow.case_id == case_id, DocumentRow.akt_nr == nr))
        if taken:
            values["akt_nr"] = (s.scalar(select(func.max(DocumentRow.akt_nr))
                                         .where(DocumentRow.case_id == case_id)) or 0) + 1
        values["parent_id"] = parent_id
        if values.get("created_at") is None:
            values["created_at"] = utcnow()
        if values.get("id") is None:
            values.pop("id", None)
        values.pop("version", None)  # a row put back starts a new version history
        row = DocumentRow(**values)
        s.add(row)
        s.flush()
        for p in snap.pages:
            s.add(PageRow(document_id=row.id, **p))
        s.flush()
        doc = _document_from_row(row)
        created.append(doc)
        self.store._audit(s, who, action + ".in", "document", row.id, case_id, None,
                          {**snap.summary(), "akt_nr": doc.akt_nr, **dict(details or {})})
        for child in snap.children:
            child_snap = dataclasses.replace(child, row={**child.row, "case_id": case_id})
            self._insert(s, child_snap, row.id, created, who, action, details)


def snapshot_of_new(new: NewDocument, keep: Mapping[str, Any]) -> DocumentSnapshot:
    """A snapshot for freshly ingested content (``NewDocument``); ``keep``: columns taken over from the document
    it replaces (id, akt nr., case, the caseworker's fields). Attachments get new ids and akt numbers."""
    d = new.document
    row = {
        "id": None, "case_id": keep.get("case_id", d.case_id), "akt_nr": None, "title": d.title[:1000],
        "public_title": d.public_title[:1000], "doc_date": d.doc_date, "direction": d.direction.value,
        "sender": d.sender[:500], "recipient": d.recipient[:1000], "parent_id": None,
        "source_name": d.source_name[:1000], "source_sha256": d.source_sha256,
        "rendition_sha256": d.rendition_sha256, "format": d.format, "page_count": len(new.pages),
        "status": d.status.value, "failure_reason": d.failure_reason, "warnings": list(d.warnings),
        "approximate": d.approximate, "text": new.text, "access": None, "access_grounds": [],
        "access_reason": "", "in_scope": d.in_scope, "section26_considered": False, "esdh_doc_id": "",
        "created_at": None,
    }
    row.update(keep)
    pages = [{"number": p.number, "width": p.width, "height": p.height, "text_start": p.text_start,
              "text_end": p.text_end, "ocr": p.ocr, "words": _words_to_json(p.words), "withheld": False,
              "withheld_ground": None} for p in new.pages]
    sizes = {}
    if d.source_sha256:
        sizes[d.source_sha256] = new.source_size
    if d.rendition_sha256:
        sizes[d.rendition_sha256] = new.rendition_size
    children = [snapshot_of_new(c, {"case_id": row["case_id"]}) for c in new.children]
    return DocumentSnapshot(row, pages, children, sizes)


def _value(row: DocumentRow, name: str) -> Any:
    return getattr(row, name)


def _with_children(s, document_id: int) -> list[int]:
    ids, todo = [document_id], [document_id]
    while todo:
        kids = list(s.scalars(select(DocumentRow.id).where(DocumentRow.parent_id.in_(todo))))
        ids += kids
        todo = kids
    return ids


def _snapshot(s, row: DocumentRow) -> DocumentSnapshot:
    values = {k: getattr(row, k) for k in _DOC_COLUMNS}
    pages = [{k: getattr(p, k) for k in _PAGE_COLUMNS}
             for p in s.scalars(select(PageRow).where(PageRow.document_id == row.id).order_by(PageRow.number))]
    children = [_snapshot(s, c) for c in s.scalars(select(DocumentRow).where(DocumentRow.parent_id == row.id)
                                                   .order_by(DocumentRow.akt_nr))]
    return DocumentSnapshot(values, pages, children)
