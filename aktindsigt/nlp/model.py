"""Load the shipped Danish NER pipeline (``models/da_aktindsigt``) from disk, offline."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import spacy

ENV_VAR = "AKTINDSIGT_NER_MODEL"
MODEL_NAME = "da_aktindsigt"


def default_model_path() -> Path:
    """``<repo>/models/da_aktindsigt``, located relative to this package."""
    return Path(__file__).resolve().parents[2] / "models" / MODEL_NAME


def resolve_model_path(path: Path | str | None = None) -> Path:
    if path is not None:
        return Path(path)
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return default_model_path()


def load_ner(path: Path | None = None) -> spacy.Language:
    """Load the NER pipeline (tok2vec + ner + name-boundary rules, blank Danish tokenizer).

    ``path`` overrides the location; otherwise the environment variable
    ``AKTINDSIGT_NER_MODEL``; otherwise ``models/da_aktindsigt`` in the repository.
    Never downloads anything.  Raises ``RuntimeError`` when the model is missing.
    """
    # registers the custom embedding architecture and the rules component used in the config
    from aktindsigt.nlp import features, rules, verifier  # noqa: F401

    model_path = resolve_model_path(path)
    if not (model_path / "config.cfg").is_file():
        raise RuntimeError(
            f"Danish NER model not found at {model_path} (expected a spaCy pipeline directory "
            f"with config.cfg). Build it with `make model`, or point {ENV_VAR} at a trained pipeline."
        )
    try:
        try:
            with _without_plugin_scan():
                return spacy.load(model_path)
        except Exception:
            # a pipeline (AKTINDSIGT_NER_MODEL) that needs a factory from another package
            return spacy.load(model_path)
    except Exception as exc:  # corrupt/incompatible model
        raise RuntimeError(f"Could not load the Danish NER model at {model_path}: {exc}") from exc


@contextmanager
def _without_plugin_scan():
    """spaCy looks up unknown names in the entry points of every installed package, which
    imports them (presidio-analyzer alone takes ~1.5 s to import and compile its regexes).  Our
    pipeline needs only spaCy's own components and ours (registered above), so the scan is
    switched off while loading it."""
    import catalogue
    from spacy.util import registry

    regs = [r for r in (getattr(registry, n, None) for n in dir(registry)) if isinstance(r, catalogue.Registry)]
    saved = [(r, r.entry_points) for r in regs]
    for r in regs:
        r.entry_points = False
    try:
        yield
    finally:
        for r, value in saved:
            r.entry_points = value
