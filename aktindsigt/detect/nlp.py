"""The spaCy side of the engine: a presidio ``NlpEngine`` around *any* spaCy ``Language``.

The Language object is injected (our trained model from ``load_ner()``, or a blank
pipeline with an EntityRuler in tests); this module never downloads or loads models
by name.  Documents are processed with ``nlp.pipe`` in batches; each ``Doc`` becomes
one ``NlpArtifacts`` that every recognizer reads (no re-parsing per recognizer).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.language import Language
from spacy.tokens import Doc

LANGUAGE = "da"

#: model label -> presidio entity name (MISC ignored), see DaNerRecognizer too
MODEL_TO_PRESIDIO = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}


def ner_configuration() -> NerModelConfiguration:
    return NerModelConfiguration(
        model_to_presidio_entity_mapping=dict(MODEL_TO_PRESIDIO),
        labels_to_ignore=["MISC"],
        low_score_entity_names=[],
    )


class InjectedSpacyNlpEngine(SpacyNlpEngine):
    """``SpacyNlpEngine`` that wraps a ready ``Language`` instead of loading one by name."""

    def __init__(self, nlp: Language, language: str = LANGUAGE, lean: bool = True) -> None:
        super().__init__(models=[{"lang_code": language, "model_name": "<injected>"}],
                         ner_model_configuration=ner_configuration())
        self.nlp = {language: nlp}  # type: ignore[assignment]
        self.language = language
        self.lean = lean

    def load(self) -> None:  # already loaded: never download
        pass

    def is_loaded(self) -> bool:
        return True

    def to_artifacts(self, doc: Doc) -> NlpArtifacts:
        """One ``Doc`` -> ``NlpArtifacts``.  ``lean`` skips lemma keywords (our recognizers do
        their own context look-ups), which saves a Python call per token."""
        if not self.lean:
            return self._doc_to_nlp_artifact(doc, self.language)
        ents = [e for e in doc.ents if e.label_ not in ("MISC",)]
        art = NlpArtifacts(
            entities=ents,
            tokens=doc,
            tokens_indices=[],
            lemmas=[],
            nlp_engine=None,
            language=self.language,
            scores=[0.85] * len(ents),
        )
        art.nlp_engine = self
        return art

    def pipe(self, texts: Iterable[str], batch_size: int = 8, n_process: int = 1) -> Iterator[Doc]:
        nlp = self.nlp[self.language]  # type: ignore[index]
        return nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
