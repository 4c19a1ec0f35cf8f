"""A private, tamper-evident store: folder and file permissions, the audit hash chain and its append-only
table (the blob check and the chain head in outputs: tests/services/test_integrity.py)."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from typer.testing import CliRunner

from aktindsigt.core.model import Case, Regime
from aktindsigt.store import migrate
from aktindsigt.store.store import Store, make_engine


def _mode(p) -> int:
    return stat.S_IMODE(os.stat(p).st_mode)


def _store(home):
    return Store(f"sqlite:///{home / 'aktindsigt.db'}", home / "blobs")


def _case(store, n=3):
    c = store.create_case(Case(title="Sag", requester_name="Ole", regime=Regime.FVL9, received=date(2026, 1, 5)), "a")
    for i in range(n):
        store.set_setting(f"x{i}", {"i": i, "tekst": "Æble"}, "bo")
    return c


def test_the_data_folder_is_private(isolated_home, tmp_path, monkeypatch):
    import logging

    from aktindsigt.logging_setup import setup_logging

    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", [h for h in root.handlers if not getattr(h, "_aktindsigt", False)])
    store = _store(isolated_home)
    _case(store)
    src = tmp_path / "brev.pdf"
    src.write_bytes(b"%PDF-1.4 hemmeligt")
    sha, _, _ = store.blobs.put_file(src)
    log = setup_logging()
    assert _mode(isolated_home) == 0o700 and _mode(isolated_home / "blobs") == 0o700
    for f in ("aktindsigt.db", "aktindsigt.db-wal", "aktindsigt.db-shm"):
        assert _mode(isolated_home / f) == 0o600, f
    assert _mode(store.blobs.path(sha)) == 0o400
    assert log is not None and _mode(log) & 0o077 == 0 and _mode(log.parent) == 0o700
    for h in root.handlers:
        if getattr(h, "_aktindsigt", False):
            h.close()
    store.close()


def test_an_old_open_installation_is_tightened(isolated_home, tmp_path):
    store = _store(isolated_home)
    src = tmp_path / "a.pdf"
    src.write_bytes(b"%PDF-1.4 x")
    sha, _, _ = store.blobs.put_file(src)
    store.close()
    blob = store.blobs.path(sha)
    for p, m in ((isolated_home, 0o755), (isolated_home / "blobs", 0o755), (blob.parent, 0o755), (blob, 0o444),
                 (isolated_home / "aktindsigt.db", 0o644)):
        os.chmod(p, m)
    _store(isolated_home).close()
    assert _mode(isolated_home) == 0o700 and _mode(isolated_home / "blobs") == 0o700
    assert _mode(blob.parent) == 0o700 and _mode(blob) == 0o400
    assert _mode(isolated_home / "aktindsigt.db") == 0o600


def test_audit_rows_form_a_chain_and_cannot_be_changed(store):
    _case(store)
    rep = store.verify_audit()
    assert rep.ok and rep.events == 4 and rep.head == store.audit_head()[0]
    for sql in ("UPDATE audit_events SET who = 'mallory'", "DELETE FROM audit_events WHERE id = 2"):
        with pytest.raises(DBAPIError, match="append-only"), store.engine.begin() as conn:
            conn.execute(text(sql))
    assert store.verify_audit().ok


def _tamper(store, *sql):
    """What an owner with the sqlite3 tool can do: drop the triggers and edit the table."""
    db = store.url.split("///", 1)[1]
    store.engine.dispose()
    con = sqlite3.connect(db)
    con.execute("DROP TRIGGER audit_events_no_update")
    con.execute("DROP TRIGGER audit_events_no_delete")
    for s in sql:
        con.execute(s)
    con.commit()
    con.close()


@pytest.mark.parametrize("what,sql,expect", [
    ("an edited approver", ["UPDATE audit_events SET who = 'Tove' WHERE id = 2"], "er ændret"),
    ("a deleted row", ["DELETE FROM audit_events WHERE id = 2"], "peger ikke"),
    ("a cut tail", ["DELETE FROM audit_events WHERE id = 4"], "de seneste hændelser er slettet"),
    ("a rewritten tail with its head", ["DELETE FROM audit_events WHERE id = 4",
                                         "UPDATE audit_chain SET events = 3, head = (SELECT hash FROM audit_events "
                                         "WHERE id = 3)"], None),
])
def test_tampering_is_found(store, what, sql, expect):
    _case(store)
    quoted, _ = store.audit_head()  # e.g. printed in a journal note before the tampering
    _tamper(store, *sql)
    rep = store.verify_audit(expect_head=quoted[:16])
    if expect is None:  # consistent again: only the head quoted earlier gives it away
        assert rep.ok and rep.expected_at is None
    else:
        assert not rep.ok and expect in rep.problems[0], rep.problems


def test_audit_verify_command(services, store, monkeypatch):
    from aktindsigt.cli import app

    monkeypatch.setenv("AKTINDSIGT_DB_URL", store.url)
    _case(store)
    head, n = store.audit_head()
    runner = CliRunner()
    r = runner.invoke(app, ["audit", "verify", "--head", head[:16]])
    assert r.exit_code == 0, r.output
    assert f"intakt: {n} hændelser" in r.stdout and f"hændelse nr. {n}" in r.stdout
    _tamper(store, "UPDATE audit_events SET after = '{\"value\": 1}' WHERE id = 3")
    r = runner.invoke(app, ["audit", "verify", "--head", head[:16]])
    assert r.exit_code == 1 and "Hændelse 3" in r.stderr and "ikke intakt" in r.stderr


def test_migration_chains_the_rows_that_exist(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    migrate.upgrade(engine, "0001")
    with engine.begin() as conn:
        for i in range(3):
            conn.execute(text("INSERT INTO audit_events (at, who, action, object_type, object_id, case_id, before,"
                              " after) VALUES (:at, 'ole', 'case.create', 'case', '1', 1, NULL, :after)"),
                         {"at": f"2025-01-02 10:00:0{i}.000000", "after": json.dumps({"a": i})})
    engine.dispose()
    store = Store(url, tmp_path / "blobs")
    rep = store.verify_audit()
    assert rep.ok and rep.events == 3
    store.set_setting("k", 1, "ole")
    assert store.verify_audit().ok and store.audit_head()[1] == 4
    store.close()
