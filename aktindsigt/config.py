"""Where things live: the data folder, the database URL and the blob folder.

- ``AKTINDSIGT_HOME`` moves the data folder (default: the platform's user data dir).
- ``AKTINDSIGT_DB_URL`` points to another database (e.g. a shared PostgreSQL store).
- ``AKTINDSIGT_BLOBS`` moves the blob folder (default: ``<home>/blobs``).
- ``AKTINDSIGT_USER`` names the user recorded in the audit log. Without it the name is the one saved
  in the user's profile (``Services.set_user_profile``), else the OS login name.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "aktindsigt"


@dataclass(frozen=True)
class Paths:
    home: Path
    db_url: str
    blobs: Path
    logs: Path


def resolve_paths() -> Paths:
    home_env = os.environ.get("AKTINDSIGT_HOME")
    home = Path(home_env).expanduser() if home_env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    db_url = os.environ.get("AKTINDSIGT_DB_URL") or f"sqlite:///{home / 'aktindsigt.db'}"
    blobs_env = os.environ.get("AKTINDSIGT_BLOBS")
    blobs = Path(blobs_env).expanduser() if blobs_env else home / "blobs"
    return Paths(home=home, db_url=db_url, blobs=blobs, logs=home / "logs")


def env_user() -> str:
    """The user named by ``AKTINDSIGT_USER`` ('' when it is not set)."""
    return (os.environ.get("AKTINDSIGT_USER") or "").strip()


def current_user() -> str:
    """``AKTINDSIGT_USER`` or the OS login name: the key of the user's saved profile."""
    env = env_user()
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems
        return "ukendt"
