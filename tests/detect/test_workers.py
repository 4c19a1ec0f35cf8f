"""The persistent detection workers (detect/workers.py) with the shipped model: the same detections as
one process, the same processes from one call to the next, and no lost results when a worker dies."""

import os
import signal
import time

import pytest

from aktindsigt.detect.engine import MIN_TEXTS_FOR_PROCESSES, DetectionCancelled, DetectionEngine


def _texts(n):
    return [f"Notat {i}: Mette Hansen, cpr-nr. 010203-{1000 + i}, bor på Vestergade {i + 1}, 8000 Aarhus C, "
            f"tlf. 22 33 44 {10 + i % 80}. Hun har en diagnose, og Signe Bager skrev til ham om det."
            for i in range(n)]


@pytest.fixture(scope="module")
def single():
    return DetectionEngine(n_process=1)


@pytest.fixture
def pooled():
    eng = DetectionEngine(n_process=2)
    eng.warm_up()
    yield eng
    eng.close()


def _alive(pid):
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    with open(f"/proc/{pid}/stat") as f:  # a zombie is not alive
        return f.read().rsplit(")", 1)[1].split()[0] != "Z"


def _ended(pids, within: float = 20.0) -> bool:
    """Have all of ``pids`` ended (waiting up to ``within`` seconds)?"""
    deadline = time.time() + within
    while time.time() < deadline and any(_alive(p) for p in pids):
        time.sleep(0.2)
    return not any(_alive(p) for p in pids)


def test_workers_find_what_one_process_finds_and_are_kept(single, pooled):
    texts = _texts(MIN_TEXTS_FOR_PROCESSES + 10)
    pids = pooled.workers.pids()
    assert len(pids) == 2 and os.getpid() not in pids
    first = pooled.analyze_texts(texts)
    second = pooled.analyze_texts(texts[::-1])
    assert first == single.analyze_texts(texts)
    assert second == first[::-1]
    assert all(any(d.entity_type.value == "CPR" for d in r) for r in first)
    assert pooled.workers.pids() == pids  # no new processes per call
    pooled.close()
    time.sleep(0.2)
    assert not any(_alive(p) for p in pids)


def test_a_killed_worker_costs_no_detections(single, pooled):
    texts = _texts(MIN_TEXTS_FOR_PROCESSES + 4)
    for pid in pooled.workers.pids():
        os.kill(pid, signal.SIGKILL)
    time.sleep(0.3)
    assert pooled.analyze_texts(texts) == single.analyze_texts(texts)  # analysed here instead
    assert pooled.analyze_texts(texts) == single.analyze_texts(texts)  # and a new pool afterwards


def test_cancel_stops_a_pooled_analysis(pooled):
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(DetectionCancelled):
        pooled.analyze_texts(_texts(MIN_TEXTS_FOR_PROCESSES * 2), cancelled=cancelled)


def test_workers_end_when_their_parent_is_killed(tmp_path):
    """kill -9 of the process that owns the workers leaves no orphan with a model in memory."""
    import subprocess
    import sys
    import textwrap

    script = tmp_path / "owner.py"
    script.write_text(textwrap.dedent("""
        import sys, time
        from aktindsigt.detect.engine import DetectionEngine
        if __name__ == "__main__":
            eng = DetectionEngine(n_process=2)
            eng.warm_up()
            print(" ".join(str(p) for p in eng.workers.pids()), flush=True)
            time.sleep(600)
    """), encoding="utf-8")
    owner = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                             cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    try:
        pids = [int(p) for p in owner.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(p) for p in pids)
        owner.kill()
        owner.wait()
        assert _ended(pids)
    finally:
        owner.kill()


def test_idle_workers_are_stopped_and_start_again(single):
    """After the idle time without work the workers end (their memory is not kept for the redaction);
    the next analysis starts new ones and finds the same."""
    eng = DetectionEngine(n_process=2)
    eng.workers.idle = 1.0
    try:
        texts = _texts(MIN_TEXTS_FOR_PROCESSES + 2)
        assert eng.analyze_texts(texts) == single.analyze_texts(texts)
        pids = eng.workers.pids()
        assert pids
        assert _ended(pids)
        assert eng.analyze_texts(texts) == single.analyze_texts(texts)
        assert eng.workers.pids() and not (eng.workers.pids() & pids)
    finally:
        eng.close()


def test_a_script_without_the_main_guard_runs_once(tmp_path):
    """spawn would run the parent's script again in every worker; the workers do not import it."""
    import subprocess
    import sys

    script = tmp_path / "no_guard.py"
    script.write_text(
        "from aktindsigt.detect.engine import DetectionEngine\n"
        "print('RUN', flush=True)\n"
        "eng = DetectionEngine(n_process=2)\n"
        "eng.warm_up()\n"
        "found = eng.analyze_texts([f'Mette Hansen, cpr-nr. 010203-{1000 + i}.' for i in range(40)])\n"
        "print('WORKERS', len(eng.workers.pids()), sum(map(len, found)), flush=True)\n"
        "eng.close()\n", encoding="utf-8")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=root)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.count("RUN") == 1
    assert "WORKERS 2 80" in r.stdout


def test_warmed_up_workers_that_never_worked_stop_when_idle():
    """The app warms the engine up in the background; when no analysis follows, the workers end after the
    idle time too (they waited for ever, and the UI's worker process with them)."""
    eng = DetectionEngine(n_process=2)
    eng.workers.idle = 1.0
    try:
        eng.warm_up()
        pids = eng.workers.pids()
        assert len(pids) == 2
        assert _ended(pids)
    finally:
        eng.close()


def test_a_process_that_started_workers_ends_without_waiting_for_them(tmp_path):
    """A worker process that warmed up an engine and returns (the UI's worker process when the app quits)
    ends at once: multiprocessing joins a child's children when it ends, and the workers are closed
    first (the benchmark's UI run waited for them for ten minutes)."""
    import subprocess
    import sys

    script = tmp_path / "warm_and_go.py"
    script.write_text(
        "import multiprocessing as mp\n"
        "KEPT = []\n"
        "def child(q):\n"
        "    from aktindsigt.detect.engine import DetectionEngine\n"
        "    eng = DetectionEngine(n_process=2)\n"
        "    KEPT.append(eng)  # kept, as the services keep their engine\n"
        "    eng.warm_up()\n"
        "    q.put(sorted(eng.workers.pids()))\n"
        "if __name__ == '__main__':\n"
        "    ctx = mp.get_context('spawn')\n"
        "    q = ctx.Queue()\n"
        "    p = ctx.Process(target=child, args=(q,))\n"
        "    p.start()\n"
        "    pids = q.get(timeout=200)\n"
        "    p.join(60)\n"
        "    print('PIDS', *pids, 'ENDED', not p.is_alive(), flush=True)\n"
        "    p.kill()\n", encoding="utf-8")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = {**os.environ, "AKTINDSIGT_DETECT_IDLE_S": "900"}  # the idle stop is not what ends them here
    r = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=root, env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "ENDED True" in r.stdout, r.stdout
    pids = [int(p) for p in r.stdout.split("PIDS", 1)[1].split("ENDED")[0].split()]
    assert len(pids) == 2 and _ended(pids)


def test_the_redaction_stops_idle_workers_and_the_next_analysis_starts_them(services, tmp_path):
    """Each worker holds a model (~250 MB): the redaction after an analysis does not keep them for the idle
    time, and the analysis after it starts new ones and finds the same."""
    import pymupdf

    eng = DetectionEngine(n_process=2)
    eng.workers.idle = 3600.0  # only the redaction can have stopped them within this test
    services.engine_factory = lambda: eng
    try:
        paths = []
        for i in range(MIN_TEXTS_FOR_PROCESSES + 2):
            doc = pymupdf.open()
            page = doc.new_page()
            page.insert_text((72, 80), _texts(i + 1)[i][:90], fontname="helv", fontsize=9)
            paths.append(tmp_path / f"notat{i:02d}.pdf")
            doc.save(paths[-1])
            doc.close()
        from datetime import date

        c = services.create_case("Aktindsigt", "Jens Jensen", "ofl7", date(2026, 11, 2))
        services.import_paths(c.id, paths)
        first = services.analyze_case(c.id)
        pids = eng.workers.pids()
        assert len(pids) == 2
        found = sorted((s.document_id, s.start, s.end) for s in services.suggestions(c.id))
        services.redact_case_into(c.id, tmp_path / "out", require_ocr=False)
        assert _ended(pids, within=10)
        assert not eng.workers.pids()
        services.store.set_setting(f"case:{c.id}:analysis", {"complete": True, "done": []}, "test")
        again = services.analyze_case(c.id)
        assert eng.workers.pids() and not (eng.workers.pids() & pids)
        assert again.new_suggestions == 0 and first.new_suggestions > 0
        assert sorted((s.document_id, s.start, s.end) for s in services.suggestions(c.id)) == found
    finally:
        eng.close()
