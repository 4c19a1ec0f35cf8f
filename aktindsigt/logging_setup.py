"""Logging: details go to a log file in the data folder (English is fine there)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from aktindsigt.config import resolve_paths


def setup_logging(level: int = logging.INFO) -> Path | None:
    logs = resolve_paths().logs
    root = logging.getLogger()
    if any(getattr(h, "_aktindsigt", False) for h in root.handlers):
        return logs / "aktindsigt.log"
    try:
        from aktindsigt.store.private import private_dir, private_file

        private_dir(logs.parent)  # the data folder: 0700 (store/private.py)
        private_dir(logs)
        handler = logging.handlers.RotatingFileHandler(
            logs / "aktindsigt.log", maxBytes=5_000_000, backupCount=3, encoding="utf-8"
        )
        private_file(logs / "aktindsigt.log")
    except OSError:
        return None
    handler._aktindsigt = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return logs / "aktindsigt.log"
