"""Locate and load the detector's data files in ``resources/detect`` (never code constants)."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

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
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


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
