"""audit log as a hash chain, append-only (issue #16)

Adds ``prev_hash``/``hash`` to ``audit_events`` and the one-row ``audit_chain`` table, chains the rows
that exist (in id order), and creates the triggers that refuse UPDATE and DELETE of audit rows (and
TRUNCATE on PostgreSQL); see aktindsigt/store/auditchain.py.

Revision ID: 0003
Revises: 0002
"""
from alembic import op
import sqlalchemy as sa

from aktindsigt.store.auditchain import GENESIS, create_triggers, drop_triggers, row_hash

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=False, server_default=''))
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.alter_column('prev_hash', server_default=None)
        batch_op.alter_column('hash', server_default=None)
    op.create_table('audit_chain',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('head', sa.String(length=64), nullable=False),
    sa.Column('events', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    conn = op.get_bind()
    events = sa.table('audit_events', sa.column('id', sa.Integer), sa.column('at', sa.DateTime(timezone=True)),
                      sa.column('who', sa.String), sa.column('action', sa.String),
                      sa.column('object_type', sa.String), sa.column('object_id', sa.String),
                      sa.column('case_id', sa.Integer), sa.column('before', sa.JSON), sa.column('after', sa.JSON),
                      sa.column('prev_hash', sa.String), sa.column('hash', sa.String))
    prev, n = GENESIS, 0
    for r in conn.execute(sa.select(events).order_by(events.c.id)).fetchall():
        h = row_hash(prev, r.at, r.who, r.action, r.object_type, r.object_id, r.case_id, r.before, r.after)
        conn.execute(events.update().where(events.c.id == r.id).values(prev_hash=prev, hash=h))
        prev, n = h, n + 1
    conn.execute(sa.text("INSERT INTO audit_chain (id, head, events) VALUES (1, :head, :n)"),
                 {"head": prev, "n": n})
    create_triggers(lambda sql: conn.execute(sa.text(sql)), conn.dialect.name)


def downgrade() -> None:
    conn = op.get_bind()
    drop_triggers(lambda sql: conn.execute(sa.text(sql)), conn.dialect.name)
    op.drop_table('audit_chain')
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
