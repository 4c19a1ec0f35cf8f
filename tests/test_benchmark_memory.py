"""The benchmark's memory figure (scripts/benchmark.py): a forked child's copy-on-write pages are not counted
twice; two processes are added."""

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("aktindsigt_benchmark", ROOT / "scripts" / "benchmark.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs Linux /proc")
def test_a_forked_child_is_not_counted_twice(bench):
    ballast = bytearray(200_000_000)  # touched: 200 MB resident in this process
    ballast[::4096] = b"x" * len(ballast[::4096])
    me = os.getpid()
    alone = bench._rss_mb([me])
    assert alone > 200
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child waits with its copy-on-write pages, as a forked worker
        os.close(w)
        os.read(r, 1)
        os._exit(0)
    try:
        os.close(r)
        both = bench._rss_mb([me, pid])  # (not the tree: other tests may have left workers running)
        assert alone * 0.9 < both < alone * 1.1
    finally:
        os.write(w, b"x")
        os.close(w)
        os.waitpid(pid, 0)
    del ballast


def test_different_processes_are_added(bench, tmp_path):
    import subprocess

    child = subprocess.Popen([sys.executable, "-c", "import sys; b = bytearray(150_000_000); sys.stdin.read()"],
                             stdin=subprocess.PIPE)
    try:
        import time

        deadline = time.time() + 20
        while bench._rss_mb([child.pid]) < 150 and time.time() < deadline:
            time.sleep(0.1)
        assert bench._rss_mb([os.getpid(), child.pid]) > bench._rss_mb([os.getpid()]) + 140
    finally:
        child.communicate(b"")
