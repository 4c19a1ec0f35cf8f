"""The spaCy pass spread over worker processes gives exactly the single-process detections."""

from aktindsigt.core.model import Regime
from aktindsigt.detect.engine import MIN_TEXTS_FOR_PROCESSES, DetectionEngine, default_processes


def test_two_processes_find_the_same_as_one(ruler_nlp):
    texts = [f"Notat {i}: Mette Hansen, cpr 010203-{1000 + i}, tlf. 22 33 44 {10 + i % 80}." for i in
             range(MIN_TEXTS_FOR_PROCESSES + 8)]
    one = DetectionEngine(nlp=ruler_nlp, regime=Regime.OFL7).analyze_texts(texts)
    two = DetectionEngine(nlp=ruler_nlp, regime=Regime.OFL7, n_process=2).analyze_texts(texts)
    assert one == two
    assert all(any(d.entity_type.value == "CPR" for d in r) for r in two)


def test_default_processes_is_at_most_two():
    assert 1 <= default_processes() <= 2
