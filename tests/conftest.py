"""Shared fixtures. Every test runs with its own data folder: nothing touches the user's store.

No network: the whole suite runs with tests/netguard.py installed (any remote connection or name
lookup fails, and the test that tried fails); loopback is allowed only in the PostgreSQL tests
(marker ``postgres``).  ``import aktindsigt`` first keeps onnxruntime & co. out of the process even
for test modules that import PyMuPDF directly.
"""

from __future__ import annotations

import os
import sys

import pytest

import aktindsigt  # noqa: F401  (keep_out() before any test module imports PyMuPDF)
from tests import netguard

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
netguard.install()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    netguard.STATE.allow_loopback = item.get_closest_marker("postgres") is not None
    try:
        yield
    finally:
        netguard.STATE.allow_loopback = False


@pytest.fixture(autouse=True)
def no_network():
    """Fails the test when anything it ran tried the network (even if the error was swallowed)."""
    netguard.ATTEMPTS.clear()
    yield
    tried, loaded = list(netguard.ATTEMPTS), sys.modules.get("onnxruntime") is not None
    netguard.ATTEMPTS.clear()
    assert not tried, f"network access attempted: {tried}"
    assert not loaded, "onnxruntime (telemetry) was loaded into the test process"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("AKTINDSIGT_HOME", str(home))
    monkeypatch.delenv("AKTINDSIGT_DB_URL", raising=False)
    monkeypatch.delenv("AKTINDSIGT_BLOBS", raising=False)
    monkeypatch.setenv("AKTINDSIGT_USER", "testbruger")
    return home


@pytest.fixture
def store(isolated_home):
    from aktindsigt.store.store import Store

    s = Store(f"sqlite:///{isolated_home / 'test.db'}", isolated_home / "blobs")
    yield s
    s.close()


@pytest.fixture
def services(store):
    from aktindsigt.services import Services

    return Services(store, user="testbruger")


# --- PostgreSQL: one throwaway server per test session, a fresh database per test -------------------

@pytest.fixture(scope="session")
def pg_server(tmp_path_factory):
    """A PostgreSQL server on loopback (started once per session, only when a test asks for it), with a
    migrated template database that ``pg_url`` copies."""
    from tests.store.pg import TempPostgres

    try:
        server = TempPostgres()
        server.start()
    except Exception as e:  # noqa: BLE001
        pytest.skip(f"no PostgreSQL server available: {e}")
    from aktindsigt.store.store import Store

    url = server.create_database("aktindsigt_template")
    Store(url, tmp_path_factory.mktemp("pg-template-blobs")).close()  # migrate once
    server.counter = 0
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server):
    """The URL of a new, migrated PostgreSQL database for this test."""
    pg_server.counter += 1
    return pg_server.create_database(f"t{pg_server.counter}", template="aktindsigt_template")
