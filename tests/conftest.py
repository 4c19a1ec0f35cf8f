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
