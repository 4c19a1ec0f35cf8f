"""``aktindsigt db copy`` and ``db upgrade``: a caseworker's SQLite store into the team's PostgreSQL store and back."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from aktindsigt.cli import app
from aktindsigt.store.copy import CopyError, copy_store, open_for_copy, table_digest
from aktindsigt.store.schema import Base
from tests.store.team import case_with_suggestions, user

pytestmark = pytest.mark.postgres


def _digests(store):
    return {t.name: table_digest(store, t.name) for t in Base.metadata.sorted_tables
            if t.name not in ("blob_chunks", "presence")}


def test_db_copy_round_trip_keeps_every_row_audit_event_and_blob(pg_url, tmp_path):
    sqlite_url = f"sqlite:///{tmp_path / 'mine' / 'aktindsigt.db'}"
    anna = user(sqlite_url, tmp_path / "mine" / "blobs", "Anna Berg")
    case_id, ids = case_with_suggestions(anna, 6)
    anna.accept(ids[:3])
    anna.reject(ids[3:5])
    anna.set_statements(case_id, meroffentlighed="Der er ikke givet meroffentlighed, fordi …")
    original = tmp_path / "original.pdf"
    original.write_bytes(b"%PDF-1.4 en original\n" * 2000)
    sha, _, _ = anna.store.blobs.put_file(original)
    before = _digests(anna.store)
    anna.close()

    result = CliRunner().invoke(app, ["db", "copy", "--from", sqlite_url, "--to", pg_url])
    assert result.exit_code == 0, result.output
    assert "Revisionsloggens SHA-256 (ens i kilde og mål)" in result.output
    assert "1 sag," in result.output

    team = user(pg_url, tmp_path / "cache", "Bo Jensen")
    assert _digests(team.store) == before
    assert team.store.blobs.path(sha).read_bytes() == original.read_bytes()  # from the database, not the folder
    # the team store goes on where the copy left off: new ids after the copied ones, nothing collides
    team.accept([ids[5]])
    case2 = team.create_case("Ny sag", "Ole", "ofl7")
    assert case2.id == case_id + 1
    team.close()

    # and back again into a fresh SQLite file: identical to the original
    back = tmp_path / "back" / "aktindsigt.db"
    src = open_for_copy(pg_url, tmp_path / "cache2", None)
    dst = open_for_copy(f"sqlite:///{back}", None, None)
    report = copy_store(src, dst)
    assert report.ok, report.problems
    assert (tmp_path / "back" / "blobs" / sha[:2] / sha[2:4] / sha).read_bytes() == original.read_bytes()
    after = _digests(dst)
    assert after == _digests(src)
    changed = {k for k in before if before[k] != after[k]}
    assert changed == {"cases", "decisions", "suggestions", "audit_events", "audit_chain"}  # Bo's work on the team store
    assert after["blobs"] == before["blobs"] and after["pages"] == before["pages"]
    # a copy never merges: the target is not empty now
    with pytest.raises(CopyError, match="allerede sager"):
        copy_store(src, dst)
    src.close()
    dst.close()


def test_db_upgrade_on_both_engines(pg_server, tmp_path):
    url = pg_server.create_database("upgrade_me")
    runner = CliRunner()
    result = runner.invoke(app, ["db", "upgrade", "--url", url])
    assert result.exit_code == 0 and "opgraderet fra version tom" in result.output
    result = runner.invoke(app, ["db", "upgrade", "--url", url])
    assert result.exit_code == 0 and "allerede opdateret" in result.output
    result = runner.invoke(app, ["db", "upgrade", "--url", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 0 and "opgraderet" in result.output
    result = runner.invoke(app, ["db", "upgrade", "--url", "postgresql://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 2 and "kunne ikke opgraderes" in result.output


def test_doctor_checks_the_team_store(pg_url, tmp_path, monkeypatch):
    from aktindsigt.store.health import open_for_checks, store_checks

    svc = user(pg_url, tmp_path / "home" / "blobs", "Anna Berg")
    case_with_suggestions(svc, 2)
    svc.close()
    store = open_for_checks(pg_url, tmp_path / "home" / "blobs", None)
    checks = {c.name: c for c in store_checks(store, tmp_path / "home")}
    store.close()
    assert checks["Database"].ok and checks["Database"].detail.startswith("PostgreSQL ")
    assert checks["Låse og tidsgrænser"].detail == "lock_timeout 5s, idle_in_transaction_session_timeout 1min"
    assert checks["Filarkiv"].ok
    assert checks["Filarkiv"].detail == "Originaler og PDF-udgaver i databasen; 1 filer registreret, 1 kontrolleret"
    assert checks["Ændringer fra andre"].ok and "LISTEN/NOTIFY virker" in checks["Ændringer fra andre"].detail
    # a per-user folder on a team store is reported: the others cannot read the originals
    store = open_for_checks(pg_url, tmp_path / "home" / "blobs", "folder")
    blob = {c.name: c for c in store_checks(store, tmp_path / "home")}["Filarkiv"]
    store.close()
    assert not blob.ok
    assert "1 af 1 kontrollerede filer mangler" in blob.consequence
    assert "resten af teamet kan ikke læse originalerne" in blob.consequence
    # and the command says so and fails
    monkeypatch.setenv("AKTINDSIGT_DB_URL", pg_url)
    monkeypatch.setenv("AKTINDSIGT_BLOBS", str(tmp_path / "home" / "blobs"))
    result = CliRunner().invoke(app, ["db", "check"])
    assert result.exit_code == 1 and "fejl" in result.output
