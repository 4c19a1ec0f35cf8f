from datetime import date

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from aktindsigt.store import migrate
from aktindsigt.store.schema import Base
from aktindsigt.store.store import Store, make_engine


def test_upgrade_empty_database_to_head(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    tables = set(inspect(engine).get_table_names())
    assert {"cases", "documents", "pages", "suggestions", "decisions", "audit_events", "blobs"} <= tables


def test_schema_and_migrations_agree(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'cmp.db'}")
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == [], f"schema.py and the migrations differ; write a migration: {diff}"


def test_upgrade_existing_database_keeps_data(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO cases (case_number, title, requester_name, requester_type, regime, received, channel,"
            " request_text, scope, kle_subject, kle_facet, underlying_cases, requester_identifiers, status,"
            " esdh_ref, caseworker, created_at, updated_at) VALUES ('AKT-2025-0001', 'Gammel sag', 'Ole', 'citizen',"
            " 'ofl7', '2025-01-02', '', '', '', '00.01.10', 'A53', '[]', '{}', 'new', '', '', '2025-01-02', '2025-01-02')"
        ))
    engine.dispose()
    store = Store(url, tmp_path / "blobs")  # opening migrates to head
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    case = store.find_case("AKT-2025-0001")
    assert case.title == "Gammel sag" and case.received == date(2025, 1, 2)
    store.close()


def test_heads_read_from_the_files_match_alembic(tmp_path):
    """The fast check that skips Alembic on an up-to-date store reads the same heads Alembic does."""
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(migrate.alembic_config()).get_heads()
    assert migrate.script_heads() == frozenset(heads)
    assert len(heads) == 1, "two migrations share a parent: re-parent yours on main's head"


def test_an_up_to_date_store_opens_without_alembic(tmp_path):
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'fast.db'}"
    Store(url, tmp_path / "blobs").close()  # creates and migrates
    code = (
        "import sys; from pathlib import Path; from aktindsigt.store.store import Store; "
        f"Store({url!r}, Path({str(tmp_path / 'blobs')!r})).close(); "
        "print('alembic' in sys.modules)"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == "False"
