"""Two app instances on one SQLite store (one machine): the same guarantees as the team store."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from aktindsigt.core.errors import Conflict
from aktindsigt.store.notify import ChangeFeed
from tests.store.team import case_with_suggestions, user


def test_two_instances_on_one_sqlite_file(tmp_path):
    url = f"sqlite:///{tmp_path / 'team.db'}"
    anna = user(url, tmp_path / "blobs", "Anna Berg")
    bo = user(url, tmp_path / "blobs", "Bo Jensen")
    case_id, ids = case_with_suggestions(anna, 20)
    barrier = threading.Barrier(2, timeout=30)

    def act(svc, sid, version, accept):
        barrier.wait()
        try:
            (svc.accept if accept else svc.reject)([sid], versions={sid: version})
            return "ok"
        except Conflict:
            return "conflict"

    with ThreadPoolExecutor(2) as pool:
        for sid in ids:
            [seen] = anna.review.get_suggestions([sid])
            futures = [pool.submit(act, anna, sid, seen.version, True),
                       pool.submit(act, bo, sid, seen.version, False)]
            results = sorted(f.result(timeout=30) for f in futures)
            assert results == ["conflict", "ok"]
    decisions = anna.decisions(case_id)
    assert sorted(d.suggestion_id for d in decisions) == sorted(ids)


def test_the_sqlite_feed_polls_other_instances_changes(tmp_path):
    url = f"sqlite:///{tmp_path / 'team.db'}"
    anna = user(url, tmp_path / "blobs", "Anna Berg")
    bo = user(url, tmp_path / "blobs", "Bo Jensen")
    case_id, ids = case_with_suggestions(anna, 2)
    got: list = []
    arrived = threading.Event()
    feed = ChangeFeed(anna.store, lambda events: (got.extend(events), arrived.set()), interval=0.2).start()
    try:
        assert feed.ready.wait(5) and feed.mode == "poll"
        anna.accept([ids[0]])
        time.sleep(0.5)
        assert not got  # her own change
        bo.reject([ids[1]])
        assert arrived.wait(3)
        assert [(e.case_id, e.who) for e in got] == [(case_id, "Bo Jensen")]
    finally:
        feed.stop()
