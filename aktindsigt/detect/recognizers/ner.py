"""PERSON / LOCATION / ORGANIZATION from the spaCy model's entities (PER, LOC, ORG; MISC ignored).

Reads the entities already computed in ``NlpArtifacts`` (one spaCy pass per document):
no re-parsing.  Spans are trimmed of surrounding punctuation and a trailing genitive
apostrophe; person names spanning a line break are kept whole.
"""

from __future__ import annotations

from collections.abc import Iterator

from presidio_analyzer.nlp_engine import NlpArtifacts

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit

#: model label -> our entity type (MISC and anything else unknown is ignored)
LABEL_MAP: dict[str, EntityType] = {
    "PER": EntityType.PERSON,
    "PERSON": EntityType.PERSON,
    "LOC": EntityType.LOCATION,
    "LOCATION": EntityType.LOCATION,
    "GPE": EntityType.LOCATION,
    "ORG": EntityType.ORGANIZATION,
    "ORGANIZATION": EntityType.ORGANIZATION,
}
SCORES = {EntityType.PERSON: 0.8, EntityType.LOCATION: 0.6, EntityType.ORGANIZATION: 0.6}
_TRIM = " \t\n\r.,;:!?\"'()[]{}<>«»“”‘’-–"


class DaNerRecognizer(DanishRecognizer):
    ENTITY = EntityType.PERSON
    DETECTOR = "ner"

    def __init__(self) -> None:
        super().__init__()
        self.supported_entities = [
            EntityType.PERSON.value,
            EntityType.LOCATION.value,
            EntityType.ORGANIZATION.value,
        ]

    def analyze(self, text, entities=None, nlp_artifacts: NlpArtifacts | None = None):
        from presidio_analyzer import RecognizerResult

        out = []
        for start, end, score, etype in self._find(text, nlp_artifacts):
            if entities and etype.value not in entities:
                continue
            out.append(
                RecognizerResult(
                    etype.value,
                    start,
                    end,
                    score,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return out

    def _find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float, EntityType]]:
        if nlp_artifacts is None:
            return
        doc = nlp_artifacts.tokens
        ents = doc.ents if doc is not None else nlp_artifacts.entities
        for ent in ents:
            etype = LABEL_MAP.get(ent.label_)
            if etype is None:
                continue
            start, end = ent.start_char, ent.end_char
            while start < end and text[start] in _TRIM:
                start += 1
            while end > start and text[end - 1] in _TRIM:
                end -= 1
            if end - start < 2:
                continue
            yield start, end, SCORES[etype], etype

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:  # pragma: no cover - unused
        for start, end, score, _ in self._find(text, nlp_artifacts):
            yield start, end, score
