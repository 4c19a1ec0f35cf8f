"""PERSON detection with the real trained model (skipped while it is not built)."""

from aktindsigt.core.model import EntityType
from aktindsigt.detect.engine import DetectionEngine


def persons(nlp, text):
    eng = DetectionEngine(nlp=nlp)
    return {d.text for d in eng.analyze_text(text) if d.entity_type == EntityType.PERSON}


def test_person_in_running_text(real_nlp):
    found = persons(real_nlp, "Kommunen har talt med Mette Hansen om sagen. Hun bor sammen med Jens Olsen.")
    assert "Mette Hansen" in found and "Jens Olsen" in found


def test_person_in_header_and_signature(real_nlp):
    text = "Fra: Birgitte Nørgaard <bn@mail.dk>\nEmne: Klage\n\nMed venlig hilsen\nBirgitte Nørgaard"
    assert persons(real_nlp, text) == {"Birgitte Nørgaard"}


def test_no_person_in_plain_administrative_text(real_nlp):
    found = persons(real_nlp, "Kommunen har behandlet ansøgningen efter serviceloven og truffet afgørelse.")
    assert found == set()
