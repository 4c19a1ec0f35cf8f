"""Fixtures for the detector tests.

``ruler_nlp``: a blank Danish pipeline with an EntityRuler (a stand-in for the trained
model; no download).  ``real_nlp``: the trained model via ``load_ner()``, or a skip with
the reason when it is not built yet.
"""

from __future__ import annotations

import pytest
import spacy

from aktindsigt.core.model import Regime

RULER_PATTERNS = [
    {"label": "PER", "pattern": "Mette Hansen"},
    {"label": "PER", "pattern": [{"TEXT": "Jens"}, {"TEXT": "Jensen"}]},
    {"label": "PER", "pattern": "Karsten Mikkelsen"},
    {"label": "PER", "pattern": "Hansen"},
    {"label": "LOC", "pattern": "Aarhus"},
    {"label": "LOC", "pattern": "Balle"},
    {"label": "ORG", "pattern": "Aarhus Kommune"},
    {"label": "MISC", "pattern": "Facebook"},
]


def make_ruler_nlp() -> spacy.Language:
    nlp = spacy.blank("da")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(RULER_PATTERNS)
    return nlp


@pytest.fixture(scope="session")
def ruler_nlp() -> spacy.Language:
    return make_ruler_nlp()


@pytest.fixture(scope="session")
def engine(ruler_nlp):
    from aktindsigt.detect.engine import DetectionEngine

    return DetectionEngine(nlp=ruler_nlp, regime=Regime.OFL7)


@pytest.fixture(scope="session")
def real_nlp() -> spacy.Language:
    from aktindsigt.nlp.model import load_ner

    try:
        return load_ner()
    except RuntimeError as exc:
        pytest.skip(f"trained Danish NER model not available (models/da_aktindsigt): {exc}")
