"""Locate and load the detector's data files in ``resources/detect`` (never code constants)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

ENV_VAR = "AKTINDSIGT_RESOURCES"


def resources_dir() -> Path:
    """``<repo>/resources`` (or ``$AKTINDSIGT_RESOURCES``)."""
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "resources"


def detect_dir() -> Path:
    return resources_dir() / "detect"


@lru_cache(maxsize=32)
def load_yaml(name: str) -> Any:
    path = detect_dir() / name
    from aktindsigt.core import yamlfiles

    return yamlfiles.parse(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=32)
def load_lines(name: str) -> tuple[str, ...]:
    """A one-entry-per-line list; blank lines and ``#`` comments are skipped."""
    path = detect_dir() / name
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line and not line.startswith("#"):
                out.append(line)
    return tuple(out)
