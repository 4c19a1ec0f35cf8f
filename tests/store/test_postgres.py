"""The same store on a real PostgreSQL server (the shared team store)."""

from datetime import date

import pytest

from aktindsigt.core.model import Case, Document, Page, Rect, Regime, Word
from aktindsigt.store import migrate
from aktindsigt.store.store import NewDocument, Store

pytestmark = pytest.mark.postgres


def test_store_on_postgres(pg_url, tmp_path):
    store = Store(pg_url, tmp_path / "blobs")
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    c = store.create_case(Case(title="Sag", requester_name="Ole", regime=Regime.FVL9, received=date(2026, 1, 5)), "a")
    f = tmp_path / "x.pdf"
    f.write_bytes(b"x")
    sha, size, _ = store.blobs.put_file(f)
    doc = Document(case_id=0, akt_nr=0, title="Æble ø å", source_name="x.pdf", source_sha256=sha)
    page = Page(1, 10, 10, 0, 4, [Word("Åsen", Rect(0, 0, 1, 1), 0, 4, 0)])
    parent = NewDocument(doc, [page], "Åsen", source_size=size)
    parent.children.append(NewDocument(Document(case_id=0, akt_nr=0, title="bilag", source_name="b",
                                                source_sha256=sha), [], "", source_size=size))
    docs = store.add_documents(c.id, parent, "a")
    assert [d.akt_nr for d in docs] == [1, 2]
    assert store.get_pages(docs[0].id)[0].words[0].text == "Åsen"
    assert store.find_case(c.case_number).regime is Regime.FVL9
    assert [e.action for e in store.audit_events(c.id)][:1] == ["case.create"]
    store.close()


def test_audit_chain_and_append_only_on_postgres(pg_url, tmp_path):
    """The same chain on PostgreSQL, the triggers refuse UPDATE, DELETE and TRUNCATE, and two processes
    writing at once do not fork the chain (they serialise on the chain's head row)."""
    import subprocess
    import sys

    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    store = Store(pg_url, tmp_path / "blobs")
    code = ("import sys; from pathlib import Path; from aktindsigt.store.store import Store; "
            "s = Store(sys.argv[1], Path(sys.argv[2]), migrate_db=False); "
            "[s.set_setting(f'p{sys.argv[3]}-{i}', i, 'w') for i in range(25)]")
    procs = [subprocess.Popen([sys.executable, "-c", code, pg_url, str(tmp_path / "blobs"), str(k)])
             for k in range(2)]
    for i in range(25):
        store.set_setting(f"main-{i}", i, "w")
    assert [p.wait(timeout=300) for p in procs] == [0, 0]
    rep = store.verify_audit()
    assert rep.ok, rep.problems
    assert rep.events == store.audit_head()[1] >= 75
    for sql in ("UPDATE audit_events SET who = 'mallory'", "DELETE FROM audit_events", "TRUNCATE audit_events"):
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(sql))
    assert store.verify_audit().ok
    store.close()
