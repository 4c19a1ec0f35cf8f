"""Load test of the team store: simulated users deciding on the same PostgreSQL case at the same time.

    .venv/bin/python scripts/load_team.py [--users 8] [--seconds 120] [--hot 40] [--url postgresql://...]

Without ``--url`` a throwaway PostgreSQL server is started on loopback (as the tests do). Each user is a
separate process with its own services object and connection pool; it picks one of the ``--hot``
suggestions of one case at random, reads it, and redacts or keeps it with the version it read (as the
app does with what it shows), over and over. Afterwards the store is checked against what the users were
told: every write that was told "success" must be in the store (its new version is distinct and the
suggestion's last decision is the one with the highest version), no suggestion has two decisions, and
the audit trail holds exactly one decision event per success. Prints decisions/s, conflicts, lock waits
that gave up (Busy), latency percentiles and lost updates (must be 0), and writes them to
``bench-results/load_team.json``. Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _worker(args: tuple) -> dict:
    url, blobs, name, ids, seconds, seed = args
    from aktindsigt.core.errors import Busy, Conflict
    from aktindsigt.services import Services
    from aktindsigt.store.store import Store

    svc = Services(Store(url, Path(blobs)), user=name, login=name.replace(" ", "").lower())
    rng = random.Random(seed)
    done, conflicts, busy, latencies, attempts = [], 0, 0, [], []
    svc.suggestions(svc.review.get_suggestions(ids[:1])[0].case_id)  # connected and warm before the clock starts
    begin = time.monotonic()
    deadline = begin + seconds
    while time.monotonic() < deadline:
        sid = rng.choice(ids)
        [seen] = svc.review.get_suggestions([sid])
        accept = rng.random() < 0.5
        started = time.perf_counter()
        try:
            op = (svc.accept if accept else svc.reject)([sid], versions={sid: seen.version})
        except Conflict:
            conflicts += 1
            attempts.append(time.perf_counter() - started)
            continue
        except Busy:
            busy += 1
            attempts.append(time.perf_counter() - started)
            continue
        elapsed = time.perf_counter() - started
        latencies.append(elapsed)
        attempts.append(elapsed)
        done.append({"sid": sid, "action": "redact" if accept else "keep", "version": op.versions_after[sid]})
    active = time.monotonic() - begin
    svc.close()
    return {"user": name, "done": done, "conflicts": conflicts, "busy": busy, "latencies": latencies,
            "attempts": attempts, "active_s": active}


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--users", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=120.0)
    ap.add_argument("--hot", type=int, default=40, help="how many suggestions the users compete for")
    ap.add_argument("--url", help="an empty PostgreSQL database (default: a throwaway server)")
    args = ap.parse_args()

    server = None
    if not args.url:
        from tests.store.pg import TempPostgres

        server = TempPostgres()
        server.start()
        url = server.create_database("load")
    else:
        url = args.url
    tmp = Path(tempfile.mkdtemp(prefix="aktindsigt-load-"))
    try:
        from sqlalchemy import func, select, text

        from aktindsigt.services import Services
        from aktindsigt.store.schema import AuditRow, DecisionRow, SuggestionRow
        from aktindsigt.store.store import Store
        from tests.store.team import case_with_suggestions

        setup = Services(Store(url, tmp / "setup"), user="Opsætning")
        case_id, ids = case_with_suggestions(setup, args.hot, title="Belastningsprøve")
        with setup.store.engine.connect() as conn:
            pg_version = conn.execute(text("SHOW server_version")).scalar()
            before_audit = conn.execute(select(func.count()).select_from(AuditRow)).scalar()
        initial = {s.id: s.version for s in setup.suggestions(case_id)}
        jobs = [(url, str(tmp / f"u{i}"), f"Bruger {i + 1}", ids, args.seconds, i) for i in range(args.users)]
        from aktindsigt.core.danish import count

        print(f"PostgreSQL {pg_version}: {count(args.users, 'bruger', 'brugere')}, "
              f"{count(args.hot, 'forslag', 'forslag')}, {args.seconds:.0f} s …", flush=True)
        started = time.monotonic()
        with mp.get_context("spawn").Pool(args.users) as pool:
            results = pool.map(_worker, jobs)
        wall = time.monotonic() - started

        successes = [d for r in results for d in r["done"]]
        conflicts = sum(r["conflicts"] for r in results)
        busy = sum(r["busy"] for r in results)
        latencies = [x for r in results for x in r["latencies"]]
        attempts = [x for r in results for x in r["attempts"]]
        with setup.store.transaction() as s:
            final = {r.id: (r.version, r.status) for r in s.scalars(select(SuggestionRow)
                                                                    .where(SuggestionRow.case_id == case_id))}
            decisions: dict[int, list[str]] = {}
            for sid, action in s.execute(select(DecisionRow.suggestion_id, DecisionRow.action)
                                         .where(DecisionRow.case_id == case_id)).all():
                decisions.setdefault(sid, []).append(action)
            audit = s.scalar(select(func.count()).select_from(AuditRow).where(
                AuditRow.case_id == case_id, AuditRow.action.like("decision.%"),
                AuditRow.id > before_audit))
        lost = 0
        by_sid: dict[int, list[dict]] = {}
        for d in successes:
            by_sid.setdefault(d["sid"], []).append(d)
        for sid, done in by_sid.items():
            versions = [d["version"] for d in done]
            lost += len(versions) - len(set(versions))  # two writers told success for the same version
            version, status = final[sid]
            lost += (len(done) - (version - initial[sid])) if len(done) > version - initial[sid] else 0
            last = max(done, key=lambda d: d["version"])
            if last["version"] != version or decisions.get(sid) != [last["action"]]:
                lost += 1
            if (status == "accepted") != (last["action"] == "redact"):
                lost += 1
        two = sum(1 for acts in decisions.values() if len(acts) > 1)
        active = statistics.fmean(r["active_s"] for r in results)
        figures = {
            "postgres_version": pg_version, "users": args.users, "seconds_deciding": round(active, 1),
            "seconds_wall": round(wall, 1), "hot_suggestions": args.hot, "decisions": len(successes),
            "decisions_per_s": round(len(successes) / active, 1), "conflicts": conflicts, "busy": busy,
            "attempts": len(attempts), "conflict_rate": round(conflicts / max(len(attempts), 1), 3),
            "latency_ms": {"p50": round(_pct(latencies, 50) * 1000, 1), "p95": round(_pct(latencies, 95) * 1000, 1),
                           "p99": round(_pct(latencies, 99) * 1000, 1),
                           "mean": round(statistics.fmean(latencies) * 1000, 1) if latencies else 0.0},
            "attempt_latency_p95_ms": round(_pct(attempts, 95) * 1000, 1),
            "lost_updates": lost, "suggestions_with_two_decisions": two,
            "audit_decision_events": audit, "audit_matches_successes": audit == len(successes),
            "per_user": {r["user"]: len(r["done"]) for r in results},
        }
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        out = ROOT / "bench-results"
        out.mkdir(exist_ok=True)
        (out / "load_team.json").write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
        setup.close()
        if lost or two or audit != len(successes):
            raise SystemExit("lost updates or double decisions: the store is wrong")
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
