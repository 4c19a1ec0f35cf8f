"""The case store: the only module that knows SQL.

Every public method runs in its own transaction and returns plain ``core``
dataclasses. Every state change writes an audit event in the same transaction.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from aktindsigt.core.model import (
    AccessType,
    AuditEvent,
    Case,
    CaseStatus,
    Direction,
    Document,
    DocumentStatus,
    Page,
    Rect,
    Regime,
    RequesterIdentifiers,
    RequesterType,
    Word,
)
from aktindsigt.store import migrate
from aktindsigt.store.blobs import BlobStore
from aktindsigt.store.schema import AuditRow, BlobRow, CaseRow, DocumentRow, PageRow, SettingRow


class NotFound(LookupError):
    """The case or document does not exist."""


class StatusConflict(Exception):
    """The case is not in the status a transition expects (someone else moved it meanwhile)."""

    def __init__(self, status: CaseStatus) -> None:
        super().__init__(status.value)
        self.status = status


def utcnow() -> datetime:
    return datetime.now(UTC)


def _jsonable(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date | datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_jsonable(v) for v in value]
    return value


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1] if "///" in url else ""
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return create_engine(url, pool_pre_ping=True)


# --- row <-> domain -------------------------------------------------------


def _case_from_row(r: CaseRow) -> Case:
    ids = r.requester_identifiers or {}
    return Case(
        id=r.id,
        case_number=r.case_number,
        title=r.title,
        requester_name=r.requester_name,
        requester_type=RequesterType(r.requester_type),
        regime=Regime(r.regime),
        received=r.received,
        channel=r.channel,
        request_text=r.request_text,
        scope=r.scope,
        kle_subject=r.kle_subject,
        kle_facet=r.kle_facet,
        underlying_cases=list(r.underlying_cases or []),
        requester_identifiers=RequesterIdentifiers(**{k: list(v) for k, v in ids.items()}),
        status=CaseStatus(r.status),
        esdh_ref=r.esdh_ref,
        caseworker=r.caseworker,
        decided=r.decided,
        created_at=r.created_at,
    )


_CASE_FIELDS = (
    "title requester_name channel request_text scope kle_subject kle_facet esdh_ref caseworker received decided"
).split()


def _apply_case(row: CaseRow, case: Case) -> None:
    for name in _CASE_FIELDS:
        setattr(row, name, getattr(case, name))
    row.requester_type = case.requester_type.value
    row.regime = case.regime.value
    row.status = case.status.value
    row.underlying_cases = list(case.underlying_cases)
    row.requester_identifiers = _jsonable(case.requester_identifiers)


def _document_from_row(r: DocumentRow) -> Document:
    return Document(
        id=r.id,
        case_id=r.case_id,
        akt_nr=r.akt_nr,
        title=r.title,
        public_title=r.public_title,
        doc_date=r.doc_date,
        direction=Direction(r.direction),
        sender=r.sender,
        recipient=r.recipient,
        parent_id=r.parent_id,
        source_name=r.source_name,
        source_sha256=r.source_sha256,
        rendition_sha256=r.rendition_sha256,
        format=r.format,
        page_count=r.page_count,
        status=DocumentStatus(r.status),
        failure_reason=r.failure_reason,
        warnings=list(r.warnings or []),
        approximate=r.approximate,
        access=AccessType(r.access) if r.access else None,
        access_grounds=list(r.access_grounds or []),
        access_reason=r.access_reason,
        in_scope=r.in_scope,
        section26_considered=r.section26_considered,
        esdh_doc_id=r.esdh_doc_id,
        created_at=r.created_at,
    )


def _page_from_row(r: PageRow) -> Page:
    return Page(
        number=r.number,
        width=r.width,
        height=r.height,
        text_start=r.text_start,
        text_end=r.text_end,
        words=[Word(w[0], Rect(w[1], w[2], w[3], w[4]), w[5], w[6], w[7]) for w in (r.words or [])],
        ocr=r.ocr,
        withheld=r.withheld,
        withheld_ground=r.withheld_ground,
    )


def _words_to_json(words: list[Word]) -> list[list]:
    return [
        [w.text, round(w.rect.x0, 2), round(w.rect.y0, 2), round(w.rect.x1, 2), round(w.rect.y1, 2), w.start, w.end, w.line]
        for w in words
    ]


@dataclasses.dataclass
class NewDocument:
    """What the import hands the store for one document (attachments in ``children``)."""

    document: Document
    pages: list[Page]
    text: str
    source_size: int = 0
    rendition_size: int = 0
    children: list[NewDocument] = dataclasses.field(default_factory=list)


class Store:
    def __init__(self, db_url: str, blobs_dir: Path, migrate_db: bool = True) -> None:
        self.url = db_url
        self.engine = make_engine(db_url)
        if migrate_db:
            migrate.upgrade(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.blobs = BlobStore(blobs_dir)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        with self._sessions.begin() as session:
            yield session

    # --- audit -------------------------------------------------------------

    @staticmethod
    def _audit(
        s: Session,
        who: str,
        action: str,
        object_type: str,
        object_id: Any,
        case_id: int | None,
        before: Any = None,
        after: Any = None,
    ) -> None:
        s.add(
            AuditRow(
                at=utcnow(),
                who=who,
                action=action,
                object_type=object_type,
                object_id=str(object_id),
                case_id=case_id,
                before=_jsonable(before),
                after=_jsonable(after),
            )
        )

    def audit_events(self, case_id: int | None = None) -> list[AuditEvent]:
        with self.transaction() as s:
            q = select(AuditRow).order_by(AuditRow.id)
            if case_id is not None:
                q = q.where(AuditRow.case_id == case_id)
            return [
                AuditEvent(
                    id=r.id, at=r.at, who=r.who, action=r.action, object_type=r.object_type,
                    object_id=r.object_id, case_id=r.case_id, before=r.before, after=r.after,
                )
                for r in s.scalars(q)
            ]

    # --- cases -------------------------------------------------------------

    def _next_case_number(self, s: Session, year: int) -> str:
        prefix = f"AKT-{year}-"
        existing = s.scalars(select(CaseRow.case_number).where(CaseRow.case_number.like(prefix + "%"))).all()
        numbers = [int(n[len(prefix) :]) for n in existing if n[len(prefix) :].isdigit()]
        return f"{prefix}{max(numbers, default=0) + 1:04d}"

    def create_case(self, case: Case, who: str) -> Case:
        with self.transaction() as s:
            now = utcnow()
            row = CaseRow(created_at=now, updated_at=now)
            _apply_case(row, case)
            row.case_number = case.case_number or self._next_case_number(s, case.received.year)
            s.add(row)
            s.flush()
            created = _case_from_row(row)
            self._audit(s, who, "case.create", "case", row.id, row.id, None, created)
            return created

    def update_case(self, case: Case, who: str, action: str = "case.update") -> Case:
        if case.id is None:
            raise ValueError("case has no id")
        with self.transaction() as s:
            row = s.get(CaseRow, case.id)
            if row is None:
                raise NotFound(f"case {case.id}")
            before = _case_from_row(row)
            _apply_case(row, case)
            if case.case_number:
                row.case_number = case.case_number
            row.updated_at = utcnow()
            s.flush()
            after = _case_from_row(row)
            self._audit(s, who, action, "case", row.id, row.id, before, after)
            return after

    def transition_case(
        self, case_id: int, status: CaseStatus, who: str, action: str, *, expected: Collection[CaseStatus],
        setting: tuple[str, Any] | None = None, details: dict[str, Any] | None = None,
    ) -> Case:
        """Move a case to ``status`` when it is in one of ``expected`` (else ``StatusConflict``), write
        ``setting`` (key, value) and one audit event with the details, all in one transaction."""
        with self.transaction() as s:
            row = s.get(CaseRow, case_id, with_for_update=True)
            if row is None:
                raise NotFound(f"case {case_id}")
            before = CaseStatus(row.status)
            if before not in expected:
                raise StatusConflict(before)
            row.status = status.value
            row.updated_at = utcnow()
            if setting is not None:
                key, value = setting
                srow = s.get(SettingRow, key)
                if srow is None:
                    s.add(SettingRow(key=key, value=_jsonable(value)))
                else:
                    srow.value = _jsonable(value)
            s.flush()
            self._audit(s, who, action, "case", case_id, case_id, {"status": before.value},
                        {"status": status.value, **(details or {})})
            return _case_from_row(row)

    def get_case(self, case_id: int) -> Case:
        with self.transaction() as s:
            row = s.get(CaseRow, case_id)
            if row is None:
                raise NotFound(f"case {case_id}")
            return _case_from_row(row)

    def find_case(self, ref: str | int) -> Case:
        """A case by id or by case number."""
        with self.transaction() as s:
            row = None
            if isinstance(ref, int) or str(ref).isdigit():
                row = s.get(CaseRow, int(ref))
            if row is None:
                row = s.scalars(select(CaseRow).where(CaseRow.case_number == str(ref))).first()
            if row is None:
                raise NotFound(f"case {ref}")
            return _case_from_row(row)

    def list_cases(self) -> list[Case]:
        with self.transaction() as s:
            return [_case_from_row(r) for r in s.scalars(select(CaseRow).order_by(CaseRow.received, CaseRow.id))]

    def count_cases(self) -> int:
        with self.transaction() as s:
            return s.scalar(select(func.count(CaseRow.id))) or 0

    # --- documents ----------------------------------------------------------

    def list_documents(self, case_id: int) -> list[Document]:
        with self.transaction() as s:
            q = select(DocumentRow).where(DocumentRow.case_id == case_id).order_by(DocumentRow.akt_nr)
            return [_document_from_row(r) for r in s.scalars(q)]

    def get_document(self, document_id: int) -> Document:
        with self.transaction() as s:
            row = s.get(DocumentRow, document_id)
            if row is None:
                raise NotFound(f"document {document_id}")
            return _document_from_row(row)

    def document_text(self, document_id: int) -> str:
        with self.transaction() as s:
            text = s.scalar(select(DocumentRow.text).where(DocumentRow.id == document_id))
            if text is None:
                raise NotFound(f"document {document_id}")
            return text

    def get_pages(self, document_id: int, numbers: Collection[int] | None = None) -> list[Page]:
        """The pages with their word maps; ``numbers``: only these pages (1-based)."""
        with self.transaction() as s:
            q = select(PageRow).where(PageRow.document_id == document_id).order_by(PageRow.number)
            if numbers is not None:
                q = q.where(PageRow.number.in_(list(numbers)))
            return [_page_from_row(r) for r in s.scalars(q)]

    def page_index(self, document_id: int) -> list[Page]:
        """Every page's size, text range and withheld state, without the word maps (cheap for long documents)."""
        with self.transaction() as s:
            q = (
                select(PageRow.number, PageRow.width, PageRow.height, PageRow.text_start, PageRow.text_end,
                       PageRow.ocr, PageRow.withheld, PageRow.withheld_ground)
                .where(PageRow.document_id == document_id)
                .order_by(PageRow.number)
            )
            return [Page(number=n, width=w, height=h, text_start=a, text_end=b, ocr=ocr, withheld=withheld,
                         withheld_ground=ground)
                    for n, w, h, a, b, ocr, withheld, ground in s.execute(q).all()]

    def withheld_pages(self, case_id: int) -> dict[int, list[Page]]:
        """The case's withheld pages by document id, without their word maps (cheap)."""
        with self.transaction() as s:
            q = (
                select(PageRow.document_id, PageRow.number, PageRow.width, PageRow.height, PageRow.text_start,
                       PageRow.text_end, PageRow.ocr, PageRow.withheld_ground)
                .join(DocumentRow, DocumentRow.id == PageRow.document_id)
                .where(DocumentRow.case_id == case_id, PageRow.withheld.is_(True))
                .order_by(PageRow.document_id, PageRow.number)
            )
            out: dict[int, list[Page]] = {}
            for doc_id, number, w, h, a, b, ocr, ground in s.execute(q).all():
                out.setdefault(doc_id, []).append(
                    Page(number=number, width=w, height=h, text_start=a, text_end=b, ocr=ocr, withheld=True,
                         withheld_ground=ground))
            return out

    def find_document_by_source(self, case_id: int, sha256: str) -> Document | None:
        """A top-level document of the case imported from identical bytes (duplicate detection)."""
        with self.transaction() as s:
            q = select(DocumentRow).where(
                DocumentRow.case_id == case_id,
                DocumentRow.source_sha256 == sha256,
                DocumentRow.parent_id.is_(None),
            )
            row = s.scalars(q).first()
            return _document_from_row(row) if row else None

    def add_documents(self, case_id: int, new: NewDocument, who: str) -> list[Document]:
        """Insert a document and its attachments in one transaction; akt numbers follow in order."""
        with self.transaction() as s:
            if s.get(CaseRow, case_id) is None:
                raise NotFound(f"case {case_id}")
            next_nr = (s.scalar(select(func.max(DocumentRow.akt_nr)).where(DocumentRow.case_id == case_id)) or 0) + 1
            created: list[Document] = []

            def ensure_blob(sha: str | None, size: int) -> None:
                if sha and s.get(BlobRow, sha) is None:
                    s.add(BlobRow(sha256=sha, size=size, created_at=utcnow()))
                    s.flush()

            def insert(nd: NewDocument, parent_id: int | None) -> None:
                nonlocal next_nr
                d = nd.document
                ensure_blob(d.source_sha256, nd.source_size)
                ensure_blob(d.rendition_sha256, nd.rendition_size)
                row = DocumentRow(
                    case_id=case_id,
                    akt_nr=next_nr,
                    title=d.title[:1000],
                    public_title=d.public_title[:1000],
                    doc_date=d.doc_date,
                    direction=d.direction.value,
                    sender=d.sender[:500],
                    recipient=d.recipient[:1000],
                    parent_id=parent_id,
                    source_name=d.source_name[:1000],
                    source_sha256=d.source_sha256,
                    rendition_sha256=d.rendition_sha256,
                    format=d.format,
                    page_count=len(nd.pages),
                    status=d.status.value,
                    failure_reason=d.failure_reason,
                    warnings=list(d.warnings),
                    approximate=d.approximate,
                    text=nd.text,
                    in_scope=d.in_scope,
                    created_at=utcnow(),
                )
                next_nr += 1
                s.add(row)
                s.flush()
                for p in nd.pages:
                    s.add(
                        PageRow(
                            document_id=row.id,
                            number=p.number,
                            width=p.width,
                            height=p.height,
                            text_start=p.text_start,
                            text_end=p.text_end,
                            ocr=p.ocr,
                            words=_words_to_json(p.words),
                        )
                    )
                doc = _document_from_row(row)
                created.append(doc)
                self._audit(
                    s, who, "document.import" if doc.status is DocumentStatus.READY else "document.import_failed",
                    "document", row.id, case_id, None,
                    {"akt_nr": doc.akt_nr, "title": doc.title, "source": doc.source_name,
                     "sha256": doc.source_sha256, "status": doc.status.value, "reason": doc.failure_reason,
                     "pages": doc.page_count},
                )
                for child in nd.children:
                    insert(child, row.id)

            insert(new, None)
            return created

    def update_document(self, document: Document, who: str, action: str = "document.update") -> Document:
        fields = (
            "title public_title doc_date sender recipient access_reason in_scope section26_considered esdh_doc_id"
        ).split()
        with self.transaction() as s:
            row = s.get(DocumentRow, document.id)
            if row is None:
                raise NotFound(f"document {document.id}")
            before = _document_from_row(row)
            for name in fields:
                setattr(row, name, getattr(document, name))
            row.direction = document.direction.value
            row.access = document.access.value if document.access else None
            row.access_grounds = list(document.access_grounds)
            s.flush()
            after = _document_from_row(row)
            self._audit(s, who, action, "document", row.id, row.case_id, before, after)
            return after

    # --- settings -----------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.transaction() as s:
            row = s.get(SettingRow, key)
            return default if row is None else row.value

    def set_setting(self, key: str, value: Any, who: str) -> None:
        with self.transaction() as s:
            row = s.get(SettingRow, key)
            before = None if row is None else row.value
            if row is None:
                s.add(SettingRow(key=key, value=_jsonable(value)))
            else:
                row.value = _jsonable(value)
            self._audit(s, who, "setting.set", "setting", key, None, {"value": before}, {"value": _jsonable(value)})


def _count_by_case(s: Session, column: Any, *where: Any) -> dict[int, int]:
    q = select(column, func.count()).group_by(column)
    for w in where:
        q = q.where(w)
    return {cid: n for cid, n in s.execute(q).all()}


def case_counts(store: Store) -> dict[int, dict[str, int]]:
    """Per case: number of documents, failed documents and open (pending) suggestions."""
    from aktindsigt.store.schema import SuggestionRow

    with store.transaction() as s:
        docs = _count_by_case(s, DocumentRow.case_id)
        failed = _count_by_case(s, DocumentRow.case_id, DocumentRow.status == DocumentStatus.FAILED.value)
        open_ = _count_by_case(s, SuggestionRow.case_id, SuggestionRow.status == "pending")
    ids = set(docs) | set(open_)
    return {cid: {"documents": docs.get(cid, 0), "failed": failed.get(cid, 0), "open_suggestions": open_.get(cid, 0)}
            for cid in ids}
