"""YAML files of ``resources/`` (legal grounds, letter texts, complaint bodies, detector policy).

PyYAML's pure-Python parser holds the GIL for ~40 ms on the legal-ground catalogue; the case window asks for
the catalogue from several background queries when it opens, and their parsing froze the window's first page
for half a second. So: libyaml's C loader when PyYAML has it (same safe subset), and each file is parsed once
and kept until it changes (its modification time or size), so that a lawyer's edit still applies at once.
Callers get their own copy of the data.
"""

from __future__ import annotations

import copy
import os
import threading
from pathlib import Path
from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_cache: dict[str, tuple[tuple[int, int], Any]] = {}
_lock = threading.Lock()


def parse(text: str) -> Any:
    """``yaml.safe_load`` with the C loader when there is one."""
    return yaml.load(text, Loader=LOADER)  # noqa: S506 - a safe loader (CSafeLoader / SafeLoader)


def load(path: str | os.PathLike) -> Any:
    """The parsed content of ``path`` (a copy), parsed again only when the file has changed. Raises what
    reading (``OSError``) and parsing (``yaml.YAMLError``) raise."""
    p = Path(path)
    key = str(p.resolve())
    st = p.stat()
    stamp = (st.st_mtime_ns, st.st_size)
    with _lock:
        hit = _cache.get(key)
    if hit is None or hit[0] != stamp:
        data = parse(p.read_text(encoding="utf-8"))
        with _lock:
            _cache[key] = (stamp, data)
    else:
        data = hit[1]
    return copy.deepcopy(data)
