"""The generators of scripts/ingest_corpus.py (the benchmark's folder), loaded for the tests: each
test writes the one file it needs into its own tmp_path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).resolve().parents[2] / "scripts" / "ingest_corpus.py"
_spec = importlib.util.spec_from_file_location("ingest_corpus", _PATH)
assert _spec is not None and _spec.loader is not None
corpus = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("ingest_corpus", corpus)
_spec.loader.exec_module(corpus)


def tree_names(doc) -> list[str]:
    """Source names of a document and all its descendants, parents first."""
    return [d.source_name for d in doc.walk()]
