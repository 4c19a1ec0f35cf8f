"""The database schema (SQLAlchemy 2 ORM). Portable: SQLite and PostgreSQL.

Changes to this file need an Alembic migration in ``store/migrations/versions``;
``tests/store/test_migrations.py`` fails when the two disagree.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class CaseRow(Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_number: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    requester_name: Mapped[str] = mapped_column(String(300))
    requester_type: Mapped[str] = mapped_column(String(32))
    regime: Mapped[str] = mapped_column(String(16))
    received: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(64), default="")
    request_text: Mapped[str] = mapped_column(Text, default="")
    scope: Mapped[str] = mapped_column(Text, default="")
    kle_subject: Mapped[str] = mapped_column(String(32), default="00.01.10")
    kle_facet: Mapped[str] = mapped_column(String(16), default="A53")
    underlying_cases: Mapped[list] = mapped_column(JSON, default=list)
    requester_identifiers: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(32))
    esdh_ref: Mapped[str] = mapped_column(String(128), default="")
    caseworker: Mapped[str] = mapped_column(String(128), default="")
    decided: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # optimistic concurrency (see "Versions" in store.py): bumped by every update, checked by every writer
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(128), default="", server_default="")

    __mapper_args__ = {"version_id_col": version}

    documents: Mapped[list[DocumentRow]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="DocumentRow.akt_nr"
    )


class BlobRow(Base):
    """A stored original or rendition, addressed by its SHA-256 (content lives in the blob folder)."""

    __tablename__ = "blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("case_id", "akt_nr", name="uq_documents_case_akt"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    akt_nr: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(1000))
    public_title: Mapped[str] = mapped_column(String(1000), default="")
    doc_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    direction: Mapped[str] = mapped_column(String(16), default="unknown")
    sender: Mapped[str] = mapped_column(String(500), default="")
    recipient: Mapped[str] = mapped_column(String(1000), default="")
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), nullable=True, index=True
    )
    source_name: Mapped[str] = mapped_column(String(1000))
    source_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"), nullable=True, index=True)
    rendition_sha256: Mapped[str | None] = mapped_column(ForeignKey("blobs.sha256"), nullable=True)
    format: Mapped[str] = mapped_column(String(16), default="")
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16))
    failure_reason: Mapped[str] = mapped_column(Text, default="")
    warnings: Mapped[list] = mapped_column(JSON, default=list)
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text, default="")
    access: Mapped[str | None] = mapped_column(String(16), nullable=True)
    access_grounds: Mapped[list] = mapped_column(JSON, default=list)
    access_reason: Mapped[str] = mapped_column(Text, default="")
    in_scope: Mapped[bool] = mapped_column(Boolean, default=True)
    section26_considered: Mapped[bool] = mapped_column(Boolean, default=False)
    esdh_doc_id: Mapped[str] = mapped_column(String(128), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(128), default="", server_default="")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    __mapper_args__ = {"version_id_col": version}

    case: Mapped[CaseRow] = relationship(back_populates="documents")
    pages: Mapped[list[PageRow]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="PageRow.number"
    )


class PageRow(Base):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("document_id", "number", name="uq_pages_document_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    width: Mapped[float] = mapped_column(Float)
    height: Mapped[float] = mapped_column(Float)
    text_start: Mapped[int] = mapped_column(Integer)
    text_end: Mapped[int] = mapped_column(Integer)
    ocr: Mapped[bool] = mapped_column(Boolean, default=False)
    # compact word map: [[text, x0, y0, x1, y1, start, end, line], ...]
    words: Mapped[list] = mapped_column(JSON, default=list)
    withheld: Mapped[bool] = mapped_column(Boolean, default=False)
    withheld_ground: Mapped[str | None] = mapped_column(String(64), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}

    document: Mapped[DocumentRow] = relationship(back_populates="pages")


class SuggestionRow(Base):
    __tablename__ = "suggestions"
    __table_args__ = (Index("ix_suggestions_case_entity", "case_id", "entity_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    entity_type: Mapped[str] = mapped_column(String(32))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)
    detector: Mapped[str] = mapped_column(String(64))
    ground_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    preselected: Mapped[bool] = mapped_column(Boolean, default=False)
    entity_key: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(16), default="pending")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(128), default="", server_default="")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    __mapper_args__ = {"version_id_col": version}


class DecisionRow(Base):
    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    action: Mapped[str] = mapped_column(String(8))
    start: Mapped[int | None] = mapped_column(Integer, nullable=True)
    end: Mapped[int | None] = mapped_column(Integer, nullable=True)
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rect: Mapped[list | None] = mapped_column(JSON, nullable=True)
    ground_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    # at most one decision per suggestion, enforced by the database (NULL for manual redactions)
    suggestion_id: Mapped[int | None] = mapped_column(
        ForeignKey("suggestions.id", ondelete="SET NULL"), nullable=True, index=True, unique=True
    )
    entity_key: Mapped[str] = mapped_column(String(500), default="")
    entity_type: Mapped[str] = mapped_column(String(32), default="MANUAL")
    who: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    reason: Mapped[str] = mapped_column(Text, default="")


class AuditRow(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    who: Mapped[str] = mapped_column(String(128))
    action: Mapped[str] = mapped_column(String(64))
    object_type: Mapped[str] = mapped_column(String(32))
    object_id: Mapped[str] = mapped_column(String(64))
    case_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    before: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    after: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    # the hash chain (store/auditchain.py): the previous row's hash, and this row's
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class AuditChainRow(Base):
    """One row (id 1): the hash of the newest audit row and the number of rows."""

    __tablename__ = "audit_chain"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    head: Mapped[str] = mapped_column(String(64))
    events: Mapped[int] = mapped_column(Integer)


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(128), primary_key=True)
    value: Mapped[dict | list | str | None] = mapped_column(JSON, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    updated_by: Mapped[str] = mapped_column(String(128), default="", server_default="")
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    __mapper_args__ = {"version_id_col": version}


class CommentRow(Base):
    """A team lead's (or anyone's) comment on a case, a suggestion, a decision or a document."""

    __tablename__ = "comments"
    __table_args__ = (Index("ix_comments_target", "target_type", "target_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    target_type: Mapped[str] = mapped_column(String(16))  # case | document | suggestion | decision
    target_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    document_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)  # where it is shown
    author: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    text: Mapped[str] = mapped_column(Text)
    context: Mapped[dict] = mapped_column(JSON, default=dict)  # what the comment was about, as the author saw it
    resolved_by: Mapped[str] = mapped_column(String(128), default="", server_default="")
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    __mapper_args__ = {"version_id_col": version}


class PresenceRow(Base):
    """Who has a case open right now (a heartbeat per app instance; not audited, not case content)."""

    __tablename__ = "presence"

    session_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    case_id: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(String(128))
    seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class BlobChunkRow(Base):
    """Blob content kept in the database itself (the team store's default): content-addressed chunks."""

    __tablename__ = "blob_chunks"
    __table_args__ = (PrimaryKeyConstraint("sha256", "seq"),)

    sha256: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
