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


def old_store_with_conflicting_decisions(url: str) -> None:
    """A store at revision 0001 where two users left one suggestion with two decisions."""
    engine = make_engine(url)
    migrate.upgrade(engine, "0001")
    now = "2025-01-02 10:00:00"
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO cases (id, case_number, title, requester_name, requester_type, regime, received, channel,"
            " request_text, scope, kle_subject, kle_facet, underlying_cases, requester_identifiers, status,"
            " esdh_ref, caseworker, created_at, updated_at) VALUES (1, 'AKT-2025-0001', 'Sag', 'Ole', 'citizen',"
            f" 'ofl7', '2025-01-02', '', '', '', '00.01.10', 'A53', '[]', '{{}}', 'in_progress', '', '', '{now}',"
            f" '{now}')"))
        conn.execute(text(
            "INSERT INTO documents (id, case_id, akt_nr, title, public_title, direction, sender, recipient,"
            " source_name, format, page_count, status, failure_reason, warnings, approximate, text, access_grounds,"
            " access_reason, in_scope, section26_considered, esdh_doc_id, created_at) VALUES (1, 1, 1, 'D', '',"
            f" 'unknown', '', '', 'd.txt', 'txt', 1, 'ready', '', '[]', 0, 'Mette Hansen', '[]', '', 1, 0, '', '{now}')"))
        conn.execute(text(
            "INSERT INTO suggestions (id, case_id, document_id, entity_type, start, \"end\", text, score, detector,"
            " ground_id, preselected, entity_key, status, created_at) VALUES (1, 1, 1, 'PERSON', 0, 12,"
            f" 'Mette Hansen', 0.9, 't', 'ofl30_1', 0, 'PERSON:mette hansen', 'accepted', '{now}')"))
        for i, (action, who) in enumerate((("redact", "anna"), ("keep", "bo")), start=1):
            conn.execute(text(
                "INSERT INTO decisions (id, case_id, document_id, kind, action, start, \"end\", suggestion_id,"
                f" entity_key, entity_type, who, at, reason) VALUES ({i}, 1, 1, 'span', '{action}', 0, 12, 1,"
                f" 'PERSON:mette hansen', 'PERSON', '{who}', '{now}', '')"))
    engine.dispose()


def test_conflicting_decisions_of_an_older_team_store_are_decided_again(tmp_path):
    """Before 0002 two users could leave a suggestion with two decisions; the upgrade keeps both in a setting,
    removes them from the case and puts the suggestion back to pending (nothing is chosen silently)."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    old_store_with_conflicting_decisions(url)
    store = Store(url, tmp_path / "blobs")
    from aktindsigt.store.review import ReviewStore

    review = ReviewStore(store)
    assert review.list_decisions(1) == []
    assert review.list_suggestions(1)[0].status.value == "pending"
    [kept] = store.get_setting("case:1:conflicting_decisions")
    assert kept["suggestion_id"] == 1
    assert [(d["action"], d["who"]) for d in kept["decisions"]] == [("redact", "anna"), ("keep", "bo")]
    store.close()

    from aktindsigt.services import Services

    svc = Services(Store(url, tmp_path / "blobs"), user="tove")
    items = [p for p in svc.checklist(1) if p.code == "conflicting_decisions"]
    assert [str(p) for p in items] == [
        "Akt 1: Forslaget 'Mette Hansen' havde modstridende afgørelser (overstreg af anna, behold af bo) og skal "
        "afgøres igen."]
    svc.accept([1])
    assert not [p for p in svc.checklist(1) if p.code == "conflicting_decisions"]
