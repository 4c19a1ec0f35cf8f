"""Alembic migrations, run from code (no alembic.ini needed by users).

Opening a store that is already at the newest revision does not import Alembic (about half a
second): the heads are read from the revision files themselves and compared with the database's
``alembic_version`` table; only a store that needs upgrading loads Alembic.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"

_REVISION = re.compile(r"^revision\s*(?::\s*str\s*)?=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]+)?=\s*(.+)$", re.M)


def alembic_config(url: str | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


@lru_cache(maxsize=1)
def script_heads() -> frozenset[str]:
    """The head revisions, read from the revision files (what Alembic's ScriptDirectory would say)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        if not rev:
            continue
        revisions.add(rev.group(1))
        down = _DOWN.search(source)
        if down:
            parents.update(re.findall(r"['\"]([^'\"]+)['\"]", down.group(1)))
    return frozenset(revisions - parents)


def _database_revisions(engine: Engine) -> frozenset[str]:
    try:
        with engine.connect() as conn:
            return frozenset(r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version")))
    except SQLAlchemyError:  # no version table yet: a new database
        return frozenset()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database up to ``revision`` (default: the newest)."""
    if revision == "head" and _database_revisions(engine) == script_heads():
        return
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()
