"""Where things live: the data folder, the database URL and the blob folder.

- ``AKTINDSIGT_HOME`` moves the data folder (default: the platform's user data dir).
- ``AKTINDSIGT_DB_URL`` points to another database (e.g. a shared PostgreSQL store).
- ``AKTINDSIGT_BLOBS`` says where originals and renditions live: a folder (default ``<home>/blobs``; for a team
  a shared folder every member reaches), or ``database`` to keep them in the database itself (the default of
  a PostgreSQL team store, see ``store/dbblobs.py``; ``<home>/blobs`` is then a local cache).
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
    blob_mode: str | None = None  # "folder", "database" or None (the store's default)


def resolve_paths() -> Paths:
    home_env = os.environ.get("AKTINDSIGT_HOME")
    home = Path(home_env).expanduser() if home_env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    db_url = os.environ.get("AKTINDSIGT_DB_URL") or f"sqlite:///{home / 'aktindsigt.db'}"
    blobs_env = (os.environ.get("AKTINDSIGT_BLOBS") or "").strip()
    mode: str | None = None
    if blobs_env.lower() in ("db", "database", "databasen"):
        mode, blobs = "database", home / "blobs"
    elif blobs_env:
        mode, blobs = "folder", Path(blobs_env).expanduser()
    else:
        blobs = home / "blobs"
    return Paths(home=home, db_url=db_url, blobs=blobs, logs=home / "logs", blob_mode=mode)


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


# ------------------------------------------------------------------------- external tools

TOOLS_FILE = "tools.json"  # in the data folder: the user's own paths to Tesseract and LibreOffice


def tool_settings() -> dict[str, str]:
    """The user's own paths to the external tools (``tesseract``, ``soffice``); {} when none are set."""
    import json

    try:
        data = json.loads((resolve_paths().home / TOOLS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(k, str) and isinstance(v, str) and v}


def save_tool_settings(**paths: str | None) -> dict[str, str]:
    """Set (a path) or clear ('' ) the user's tool paths; None leaves a tool as it is. Written atomically."""
    import json
    import tempfile

    current = tool_settings()
    for key, value in paths.items():
        if value is None:
            continue
        if value:
            current[key] = value
        else:
            current.pop(key, None)
    home = resolve_paths().home
    home.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=home, prefix=".tools-", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(current, f, ensure_ascii=False, indent=2)
    os.replace(tmp, home / TOOLS_FILE)
    return current


def installer_tool_path(name: str) -> str | None:
    """The path the Windows installer found for a tool (``HKLM\\Software\\Aktindsigt``), if any."""
    import sys

    if sys.platform != "win32":
        return None
    import winreg  # pragma: no cover - Windows only

    try:  # pragma: no cover
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, r"Software\Aktindsigt") as key:
            value, _ = winreg.QueryValueEx(key, {"tesseract": "TesseractPath", "soffice": "SofficePath"}[name])
            return str(value) or None
    except (OSError, KeyError):  # pragma: no cover
        return None


def module_command(module: str) -> list[str]:
    """The command line that runs ``module`` as ``python -m`` would, also in the frozen build."""
    import sys

    if getattr(sys, "frozen", False):
        return [sys.executable, "--run-module", module]
    return [sys.executable, "-m", module]
