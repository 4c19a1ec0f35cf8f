"""team store: row versions, one decision per suggestion, comments, presence, blobs in the database

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 10:00:00

Every row a person edits gets a ``version`` (optimistic concurrency) and who/when changed it last.
``decisions.suggestion_id`` becomes unique. A store written by several users before this revision
can hold suggestions with two (conflicting) decisions; those decisions are removed here, the
suggestion goes back to *afventer* so that a person decides it again, and the removed decisions
are kept in the setting ``case:<id>:conflicting_decisions`` (the checklist lists them until the
suggestion is decided again). Nothing is chosen silently.
"""
import logging

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

_VERSIONED = ("cases", "documents", "pages", "suggestions", "settings")
_WHO_WHEN = ("documents", "suggestions", "settings")


def _resolve_duplicate_decisions() -> None:
    bind = op.get_bind()
    dupes = bind.execute(sa.text(
        "SELECT suggestion_id FROM decisions WHERE suggestion_id IS NOT NULL "
        "GROUP BY suggestion_id HAVING COUNT(*) > 1")).scalars().all()
    if not dupes:
        return
    cols = ["id", "case_id", "document_id", "kind", "action", "start", "end", "ground_id", "suggestion_id",
            "entity_key", "entity_type", "who", "at", "reason"]
    per_case: dict = {}
    for sid in dupes:
        rows = bind.execute(sa.text(
            'SELECT id, case_id, document_id, kind, action, start, "end", ground_id, suggestion_id, entity_key, '
            "entity_type, who, at, reason FROM decisions WHERE suggestion_id = :s ORDER BY id"), {"s": sid}).all()
        decisions = [{c: (str(v) if c == "at" and v is not None else v) for c, v in zip(cols, r, strict=True)}
                     for r in rows]
        per_case.setdefault(decisions[0]["case_id"], []).append({"suggestion_id": sid, "decisions": decisions})
        bind.execute(sa.text("DELETE FROM decisions WHERE suggestion_id = :s"), {"s": sid})
        bind.execute(sa.text("UPDATE suggestions SET status = 'pending' WHERE id = :s"), {"s": sid})
    settings = sa.table("settings", sa.column("key", sa.String), sa.column("value", sa.JSON))
    for case_id, items in per_case.items():
        key = f"case:{case_id}:conflicting_decisions"
        bind.execute(sa.text("DELETE FROM settings WHERE key = :k"), {"k": key})
        bind.execute(settings.insert().values(key=key, value=items))
    # a trace in the log of whoever upgrades (the audit trail is append-only and not written by migrations)
    logging.getLogger("aktindsigt.store").warning(
        "migration 0002: %d suggestions had conflicting decisions; they are pending again", len(dupes))


def upgrade() -> None:
    for table in _VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('version', sa.Integer(), server_default='1', nullable=False))
            if table in _WHO_WHEN or table == "cases":
                batch_op.add_column(sa.Column('updated_by', sa.String(length=128), server_default='',
                                              nullable=False))
            if table in _WHO_WHEN:
                batch_op.add_column(sa.Column('updated_at', sa.DateTime(timezone=True), nullable=True))

    _resolve_duplicate_decisions()
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decisions_suggestion_id'))
        batch_op.create_index(batch_op.f('ix_decisions_suggestion_id'), ['suggestion_id'], unique=True)

    op.create_table('comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('target_type', sa.String(length=16), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('document_id', sa.Integer(), nullable=True),
    sa.Column('author', sa.String(length=128), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('context', sa.JSON(), nullable=False),
    sa.Column('resolved_by', sa.String(length=128), server_default='', nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comments_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_comments_document_id'), ['document_id'], unique=False)
        batch_op.create_index('ix_comments_target', ['target_type', 'target_id'], unique=False)

    op.create_table('presence',
    sa.Column('session_id', sa.String(length=64), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=128), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('session_id')
    )
    with op.batch_alter_table('presence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_presence_case_id'), ['case_id'], unique=False)

    op.create_table('blob_chunks',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', 'seq')
    )


def downgrade() -> None:
    op.drop_table('blob_chunks')
    with op.batch_alter_table('presence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_presence_case_id'))
    op.drop_table('presence')
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index('ix_comments_target')
        batch_op.drop_index(batch_op.f('ix_comments_document_id'))
        batch_op.drop_index(batch_op.f('ix_comments_case_id'))
    op.drop_table('comments')
    with op.batch_alter_table('decisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_decisions_suggestion_id'))
        batch_op.create_index(batch_op.f('ix_decisions_suggestion_id'), ['suggestion_id'], unique=False)
    for table in _VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table in _WHO_WHEN:
                batch_op.drop_column('updated_at')
            if table in _WHO_WHEN or table == "cases":
                batch_op.drop_column('updated_by')
            batch_op.drop_column('version')
