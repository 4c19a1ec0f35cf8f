"""Several users on one PostgreSQL store at the same moment (the team store of issue #17).

Every test gets a fresh database on one PostgreSQL server shared by the test session (``pg_url``).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from aktindsigt.core.errors import Busy, Conflict
from aktindsigt.core.model import DecisionAction, SuggestionStatus
from aktindsigt.services import ServiceError
from aktindsigt.store.schema import AuditRow, DecisionRow, DocumentRow, SuggestionRow
from tests.store.team import case_with_suggestions, user

pytestmark = pytest.mark.postgres

ROOT = Path(__file__).resolve().parents[2]


def _decisions_by_suggestion(store, case_id):
    with store.transaction() as s:
        rows = s.execute(select(DecisionRow.suggestion_id, DecisionRow.action, DecisionRow.who)
                         .where(DecisionRow.case_id == case_id)).all()
    out: dict[int, list[tuple[str, str]]] = {}
    for sid, action, who in rows:
        out.setdefault(sid, []).append((action, who))
    return out


def test_two_users_decide_the_same_suggestion_at_the_same_moment(pg_url, tmp_path):
    """50 rounds, both users start from what they saw: exactly one wins, the other is told who won."""
    anna = user(pg_url, tmp_path / "a", "Anna Berg")
    bo = user(pg_url, tmp_path / "b", "Bo Jensen")
    case_id, ids = case_with_suggestions(anna, 50)
    barrier = threading.Barrier(2, timeout=30)
    outcome: dict[int, dict[str, object]] = {}

    def act(svc, sid, version, accept):
        barrier.wait()
        try:
            if accept:
                svc.accept([sid], versions={sid: version})
            else:
                svc.reject([sid], versions={sid: version})
            return "ok"
        except Conflict as e:
            return e

    with ThreadPoolExecutor(2) as pool:
        for sid in ids:
            [seen] = anna.review.get_suggestions([sid])  # both users see version 1
            fa = pool.submit(act, anna, sid, seen.version, True)
            fb = pool.submit(act, bo, sid, seen.version, False)
            outcome[sid] = {"anna": fa.result(timeout=30), "bo": fb.result(timeout=30)}

    decisions = _decisions_by_suggestion(anna.store, case_id)
    suggestions = {s.id: s for s in anna.suggestions(case_id)}
    for sid in ids:
        res = outcome[sid]
        winners = [who for who, r in res.items() if r == "ok"]
        assert len(winners) == 1, res
        loser = "bo" if winners == ["anna"] else "anna"
        conflict = res[loser]
        assert isinstance(conflict, Conflict)
        winner_name = "Anna Berg" if winners == ["anna"] else "Bo Jensen"
        assert f"af {winner_name} kl." in conflict.message and "ikke gemt" in conflict.message
        assert "visningen er opdateret" in conflict.ui_message
        # never two decisions; status and decision agree; the decision is the winner's
        [(action, who)] = decisions[sid]
        assert who == winner_name
        expected = SuggestionStatus.ACCEPTED if action == DecisionAction.REDACT.value else SuggestionStatus.REJECTED
        assert suggestions[sid].status is expected
        assert (action == "redact") == (winners == ["anna"])
    # nothing lost: one decision event per round in the audit trail, none for the refused writes
    events = [e for e in anna.store.audit_events(case_id) if e.action.startswith("decision.")]
    assert len(events) == 50


def test_jittered_commands_never_leave_two_decisions(pg_url, tmp_path):
    """Like two CLI processes 0-30 ms apart: each reads the suggestion itself. A later user either gets the
    conflict or overrides knowingly (told whose decision it replaced); the store never holds two decisions."""
    anna = user(pg_url, tmp_path / "a", "Anna Berg")
    bo = user(pg_url, tmp_path / "b", "Bo Jensen")
    case_id, ids = case_with_suggestions(anna, 25)
    rng = random.Random(7)
    results = []

    def act(svc, sid, accept, delay):
        time.sleep(delay)
        try:
            op = svc.accept([sid]) if accept else svc.reject([sid])
            return ("ok", op.notices)
        except Conflict as e:
            return ("conflict", e.message)

    with ThreadPoolExecutor(2) as pool:
        for sid in ids:
            fa = pool.submit(act, anna, sid, True, rng.uniform(0, 0.03))
            fb = pool.submit(act, bo, sid, False, rng.uniform(0, 0.03))
            results.append((sid, fa.result(timeout=30), fb.result(timeout=30)))
    decisions = _decisions_by_suggestion(anna.store, case_id)
    statuses = {s.id: s.status for s in anna.suggestions(case_id)}
    for sid, ra, rb in results:
        assert len(decisions[sid]) == 1
        [(action, who)] = decisions[sid]
        assert statuses[sid] is (SuggestionStatus.ACCEPTED if action == "redact" else SuggestionStatus.REJECTED)
        oks = [r for r in (ra, rb) if r[0] == "ok"]
        assert oks, (ra, rb)
        if len(oks) == 2:  # sequential: the second one replaced the first and was told so
            assert any(n and "erstatter" in n[0] for _, n in oks)


def test_simultaneous_case_create_allocates_distinct_numbers(pg_url, tmp_path):
    users = [user(pg_url, tmp_path / f"u{i}", f"Bruger {i}") for i in range(5)]
    barrier = threading.Barrier(5, timeout=30)

    def create(svc, i):
        barrier.wait()
        return svc.create_case(f"Sag {i}", "Ole Jensen", "ofl7").case_number

    for _round in range(3):
        with ThreadPoolExecutor(5) as pool:
            numbers = list(pool.map(lambda a: create(*a), [(u, i) for i, u in enumerate(users)]))
        assert len(set(numbers)) == 5
    all_numbers = [c.case_number for c in users[0].store.list_cases()]
    assert len(all_numbers) == len(set(all_numbers)) == 15
    # a number given twice at the same moment: one case, one Danish refusal
    with ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(lambda u: u.create_case("Dublet", "Ole", "ofl7", case_number="X-1"), u)
                   for u in users[:2]]
        outcomes = []
        for f in futures:
            try:
                outcomes.append(f.result().case_number)
            except ServiceError as e:
                outcomes.append(e.message)
    assert sorted(outcomes)[0] == "Der findes allerede en sag med sagsnummer X-1."
    assert "X-1" in outcomes


def test_cli_case_create_in_parallel_processes(pg_url, tmp_path):
    env = dict(os.environ, AKTINDSIGT_DB_URL=pg_url, AKTINDSIGT_HOME=str(tmp_path / "home"))
    cmd = [sys.executable, "-m", "aktindsigt", "case", "create", "--title", "T", "--requester", "R",
           "--regime", "ofl7"]
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, outs
    assert all("Traceback" not in err for _, err in outs)
    assert len({out.strip() for out, _ in outs}) == 4


def test_simultaneous_imports_into_one_case(pg_url, tmp_path):
    """Two users import into the same case at the same moment: every file is imported, akt numbers are
    distinct and follow on, and nobody gets a failed document."""
    anna = user(pg_url, tmp_path / "a", "Anna Berg")
    bo = user(pg_url, tmp_path / "b", "Bo Jensen")
    case = anna.create_case("Import", "Ole Jensen", "ofl7")
    folders = []
    for who in ("anna", "bo"):
        folder = tmp_path / who
        folder.mkdir()
        for i in range(6):
            (folder / f"{who}_{i}.txt").write_text(f"Notat {i} fra {who}.\nMed lidt tekst om sagen.\n",
                                                   encoding="utf-8")
        folders.append(folder)
    barrier = threading.Barrier(2, timeout=30)

    def go(svc, folder):
        barrier.wait()
        return svc.import_paths(case.id, [folder])

    with ThreadPoolExecutor(2) as pool:
        summaries = list(pool.map(lambda a: go(*a), [(anna, folders[0]), (bo, folders[1])]))
    assert all(not s.failed for s in summaries)
    docs = anna.store.list_documents(case.id)
    assert len(docs) == 12
    assert sorted(d.akt_nr for d in docs) == list(range(1, 13))
    assert all(d.status.value == "ready" for d in docs)


_FROZEN = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from aktindsigt.store.store import Store
    from aktindsigt.store.schema import CaseRow
    store = Store(sys.argv[1], Path(sys.argv[2]))
    store.set_identity("Frida Frost")
    with store.transaction(write=True) as s:
        row = s.get(CaseRow, int(sys.argv[3]), with_for_update=True)
        row.title = "Frossen ændring"
        s.flush()
        print("locked", flush=True)
        time.sleep(600)
""")


def test_a_frozen_client_is_named_and_the_others_go_on_after_the_timeout(pg_url, tmp_path, monkeypatch):
    monkeypatch.setenv("AKTINDSIGT_LOCK_TIMEOUT", "1")
    monkeypatch.setenv("AKTINDSIGT_IDLE_TIMEOUT", "4")
    bo = user(pg_url, tmp_path / "b", "Bo Jensen")
    case_id, ids = case_with_suggestions(bo, 3)
    doc = tmp_path / "brev.txt"
    doc.write_text("Et brev om sagen.\n", encoding="utf-8")
    warm = tmp_path / "først.txt"
    warm.write_text("Det første brev.\n", encoding="utf-8")
    bo.import_paths(case_id, [warm])  # the readers are loaded before the clock starts
    frozen = subprocess.Popen([sys.executable, "-c", _FROZEN, pg_url, str(tmp_path / "f"), str(case_id)],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert frozen.stdout.readline().strip() == "locked"
        started = time.monotonic()
        with pytest.raises(Busy) as info:
            bo.import_paths(case_id, [doc])
        assert time.monotonic() - started < 5
        assert "Frida Frost" in info.value.message and "Prøv igen" in info.value.message
        assert "4 sekunder" in info.value.message
        # the frozen client's transaction is ended by the server; then Bo can go on
        deadline = time.monotonic() + 15
        while True:
            try:
                summary = bo.import_paths(case_id, [doc])
                break
            except Busy:
                assert time.monotonic() < deadline, "still blocked after the idle timeout"
                time.sleep(0.5)
        assert [d.status.value for d in summary.documents] == ["ready"]
        assert bo.get_case(case_id).title == "Sag"  # the frozen change was never committed
        assert [d.akt_nr for d in bo.store.list_documents(case_id)] == [1, 2, 3]
    finally:
        frozen.kill()
        frozen.wait()


_KILLED = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from aktindsigt.core.model import Document, Page
    from aktindsigt.store.store import NewDocument, Store
    from aktindsigt.store.schema import DocumentRow, PageRow
    store = Store(sys.argv[1], Path(sys.argv[2]))
    case_id = int(sys.argv[3])
    with store.transaction(write=True) as s:
        store._lock_case(s, case_id)
        for i in range(40):
            row = DocumentRow(case_id=case_id, akt_nr=100 + i, title=f"halv {i}", source_name="x", status="ready",
                              created_at=__import__("datetime").datetime.now())
            s.add(row)
            s.flush()
            s.add(PageRow(document_id=row.id, number=1, width=1, height=1, text_start=0, text_end=0, words=[]))
        store._audit(s, "Kim Kill", "document.import", "document", 0, case_id, None, {"half": True})
        s.flush()
        print("writing", flush=True)
        time.sleep(600)
""")


def test_a_writer_killed_mid_transaction_leaves_the_store_consistent(pg_url, tmp_path):
    bo = user(pg_url, tmp_path / "b", "Bo Jensen")
    case_id, ids = case_with_suggestions(bo, 3)
    with bo.store.transaction() as s:
        audit_before = s.scalar(select(func.count()).select_from(AuditRow))
    victim = subprocess.Popen([sys.executable, "-c", _KILLED, pg_url, str(tmp_path / "k"), str(case_id)],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert victim.stdout.readline().strip() == "writing"
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    # the server rolls the transaction back when the connection drops; its locks go with it
    started = time.monotonic()
    op = bo.accept([ids[0]])
    assert op.created and time.monotonic() - started < 10
    with bo.store.transaction() as s:
        assert s.scalar(select(func.count()).select_from(DocumentRow).where(DocumentRow.case_id == case_id)) == 1
        assert s.scalar(select(func.count()).select_from(AuditRow)) == audit_before + 1
        assert not s.scalar(select(func.count()).select_from(AuditRow).where(AuditRow.who == "Kim Kill"))
        # no orphan rows anywhere
        assert not s.execute(text("SELECT 1 FROM pages p LEFT JOIN documents d ON d.id = p.document_id "
                                  "WHERE d.id IS NULL")).first()
        assert not s.execute(text("SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                                  "WHERE a.application_name = 'aktindsigt' AND a.state = 'idle in transaction'")
                             ).first()
    assert [d.akt_nr for d in bo.store.list_documents(case_id)] == [1]
    assert bo.store.verify_audit().ok  # the hash chain has no gap where the killed writer was


def test_other_users_changes_arrive_through_listen_notify(pg_url, tmp_path):
    from aktindsigt.store.notify import ChangeFeed

    anna = user(pg_url, tmp_path / "a", "Anna Berg")
    bo = user(pg_url, tmp_path / "b", "Bo Jensen")
    case_id, ids = case_with_suggestions(anna, 3)
    received: list = []
    arrived = threading.Event()

    def got(events):
        received.extend(events)
        arrived.set()

    feed = ChangeFeed(anna.store, got).start()
    try:
        assert feed.ready.wait(10) and feed.mode == "listen"
        anna.accept([ids[0]])  # her own change is not reported back to her
        started = time.monotonic()
        bo.reject([ids[1]])
        assert arrived.wait(5)
        latency = time.monotonic() - started
        assert latency < 2
        assert [(e.case_id, e.who) for e in received] == [(case_id, "Bo Jensen")]
        assert "decision.keep" in received[0].actions
    finally:
        feed.stop()


def test_the_suggestion_row_carries_who_changed_it(pg_url, tmp_path):
    """A stale view: the UI passes the version it showed; the conflict names the other user and the time."""
    anna = user(pg_url, tmp_path / "a", "Anna Berg")
    tove = user(pg_url, tmp_path / "t", "Tove Hansen")
    case_id, ids = case_with_suggestions(anna, 2)
    shown = {s.id: s.version for s in anna.suggestions(case_id)}
    tove.accept([ids[0]])
    with pytest.raises(Conflict) as info:
        anna.reject([ids[0]], versions={ids[0]: shown[ids[0]]})
    assert info.value.ui_message.startswith("Forslaget 'Navn000' er ændret af Tove Hansen kl. ")
    # her other, unchanged suggestion is still hers to decide
    anna.reject([ids[1]], versions={ids[1]: shown[ids[1]]})
    with anna.store.transaction() as s:
        assert s.scalar(select(SuggestionRow.updated_by).where(SuggestionRow.id == ids[1])) == "Anna Berg"


def test_blobs_live_in_the_database_and_every_member_reads_them(pg_url, tmp_path):
    from aktindsigt.store.dbblobs import DatabaseBlobStore, blob_mode

    anna = user(pg_url, tmp_path / "a", "Anna Berg")
    bo = user(pg_url, tmp_path / "b", "Bo Jensen")
    assert blob_mode(anna.store) == "database"
    src = tmp_path / "original.pdf"
    data = os.urandom(3 * (1 << 20) + 123)  # more than one chunk
    src.write_bytes(data)
    sha, size, new = anna.store.blobs.put_file(src)
    assert new and size == len(data)
    # Bo's workstation has never seen the file: it arrives from the database, checked, read-only
    assert not (tmp_path / "b").joinpath(sha[:2], sha[2:4], sha).exists()
    path = bo.store.blobs.path(sha)
    assert path.read_bytes() == data and not os.access(path, os.W_OK) or os.geteuid() == 0
    assert bo.store.blobs.put_file(src)[2] is False  # deduplicated
    # the same file stored by two users at the same moment: one copy, no error
    other = tmp_path / "other.bin"
    other.write_bytes(os.urandom(50000))
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda svc: svc.store.blobs.put_file(other), [anna, bo]))
    assert sorted(r[2] for r in results) == [False, True]
    with anna.store.transaction() as s:
        assert s.execute(text("SELECT count(*) FROM blob_chunks WHERE sha256 = :s"),
                         {"s": results[0][0]}).scalar() == 1
    assert isinstance(bo.store.blobs, DatabaseBlobStore) and bo.store.blobs.size(sha) == len(data)
    # a changed copy in the database is refused, not served
    with anna.store.transaction(write=True) as s:
        s.execute(text("UPDATE blob_chunks SET data = :d WHERE sha256 = :s AND seq = 0"),
                  {"d": b"x" * 10, "s": results[0][0]})
    fresh = user(pg_url, tmp_path / "c", "Carl")
    with pytest.raises(OSError, match="does not match"):
        fresh.store.blobs.path(results[0][0])


def test_two_users_write_different_texts_of_the_decision_at_the_same_time(pg_url, tmp_path):
    anna = user(pg_url, tmp_path / "a", "Anna Berg")
    bo = user(pg_url, tmp_path / "b", "Bo Jensen")
    case_id, _ids = case_with_suggestions(anna, 1)
    mine, theirs = anna.statements(case_id), bo.statements(case_id)  # both read the empty texts
    mine.meroffentlighed = "Overvejet; ingen meroffentlighed."
    theirs.extraction = "Intet at ekstrahere."
    theirs.laws["ofl35"] = "sundhedslovens § 40"
    anna._save_statements(case_id, mine)
    bo._save_statements(case_id, theirs)
    st = anna.statements(case_id)
    assert st.meroffentlighed == "Overvejet; ingen meroffentlighed." and st.extraction == "Intet at ekstrahere."
    assert st.laws == {"ofl35": "sundhedslovens § 40"}
    # the same text changed by both: the second is refused, naming the first
    a, b = anna.statements(case_id), bo.statements(case_id)
    a.extraction, b.extraction = "Anna's tekst.", "Bo's tekst."
    anna._save_statements(case_id, a)
    with pytest.raises(Conflict) as info:
        bo._save_statements(case_id, b)
    assert "Afgørelsens tekster er ændret af Anna Berg kl." in info.value.message
    assert anna.statements(case_id).extraction == "Anna's tekst."


def test_the_database_refuses_to_change_or_delete_audit_rows(pg_url, tmp_path):
    """Append-only on the team store: plain SQL cannot rewrite or remove the audit trail (the triggers of
    migration 0003), and the chain still verifies after the attempts."""
    import psycopg

    anna = user(pg_url, tmp_path / "a", "Anna Berg")
    case_id, ids = case_with_suggestions(anna, 2)
    anna.accept([ids[0]])
    before = anna.store.verify_audit()
    assert before.ok and before.events >= 4
    with psycopg.connect(pg_url, autocommit=True) as conn:
        for sql in ("UPDATE audit_events SET who = 'Nogen Anden' WHERE id = 1",
                    "DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)",
                    "TRUNCATE audit_events CASCADE"):
            with pytest.raises(psycopg.Error):
                conn.execute(sql)
    after = anna.store.verify_audit()
    assert after.ok and after.events == before.events and after.head == before.head
    assert [e.who for e in anna.store.audit_events(case_id)][0] == "Anna Berg"
    # and the doctor sees the protection
    from aktindsigt.store.health import store_checks

    checks = {c.name: c for c in store_checks(anna.store)}
    assert checks["Revisionslog"].ok
