"""Shared fixtures. Every test runs with its own data folder: nothing touches the user's store."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
