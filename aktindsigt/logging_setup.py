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
        logs.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            logs / "aktindsigt.log", maxBytes=5_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler._aktindsigt = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level))
    return logs / "aktindsigt.log"
