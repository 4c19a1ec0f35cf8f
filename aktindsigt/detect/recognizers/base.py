"""Shared helpers for the Danish recognizers: a presidio ``EntityRecognizer`` whose
subclasses yield ``(start, end, score)`` tuples, and context-word lookups.

Context words come from ``resources/detect/context_da.yaml`` (data, not code).
"""

from __future__ import annotations

import bisect
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from functools import lru_cache

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from aktindsigt.core.model import EntityType
from aktindsigt.detect.resources import load_yaml

LANGUAGE = "da"
Hit = tuple[int, int, float] | tuple[int, int, float, "dict | None"]


@lru_cache(maxsize=64)
def context_regex(key: str) -> re.Pattern[str]:
    """A regex matching any context word of ``key`` in ``context_da.yaml`` (case-insensitive)."""
    words = load_yaml("context_da.yaml")[key]
    alts = sorted((re.escape(w.lower()) for w in words), key=len, reverse=True)
    return re.compile(r"(?<![a-zæøå])(?:" + "|".join(alts) + r")", re.IGNORECASE)


_SENTENCE_BREAK = re.compile(r"[.!?][ \t]+(?=[A-ZÆØÅ])|\n[ \t]*\n")


def near_before(text: str, start: int, key: str, window: int = 40) -> bool:
    """True when a context word of ``key`` occurs in the ``window`` characters before ``start``,
    within the same sentence."""
    lo = max(0, start - window)
    for m in _SENTENCE_BREAK.finditer(text, lo, start):
        lo = m.end()
    return context_regex(key).search(text, lo, start) is not None


def near_after(text: str, end: int, key: str, window: int = 25) -> bool:
    return context_regex(key).search(text, end, min(len(text), end + window)) is not None


class SpanSet:
    """Non-overlapping spans already claimed; ``overlaps`` in O(log n)."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)  # spans starting before ``end``
        return i > 0 and self.ends[i - 1] > start if i else False

    def contains(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.ends[i - 1] > pos

    def append(self, span: tuple[int, int]) -> None:
        start, end = span
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    @property
    def last_end(self) -> int | None:
        return max(self.ends) if self.ends else None


class DanishRecognizer(EntityRecognizer, ABC):
    """Base class: subclasses set ``ENTITY`` and ``DETECTOR`` and implement ``find``."""

    ENTITY: EntityType
    DETECTOR: str = ""

    def __init__(self) -> None:
        super().__init__(
            supported_entities=[self.ENTITY.value],
            supported_language=LANGUAGE,
            name=self.DETECTOR or type(self).__name__,
        )

    def load(self) -> None:  # everything is compiled at import time
        pass

    @abstractmethod
    def find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterable[Hit]:
        """The hits (start, end, score) of this recognizer in ``text``."""

    def analyze(
        self, text: str, entities: list[str] | None = None, nlp_artifacts: NlpArtifacts | None = None
    ) -> list[RecognizerResult]:
        if entities and self.ENTITY.value not in entities:
            return []
        return list(self._results(text, nlp_artifacts))

    def _results(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[RecognizerResult]:
        meta = {
            RecognizerResult.RECOGNIZER_NAME_KEY: self.DETECTOR,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
        }
        for hit in self.find(text, nlp_artifacts):
            start, end, score = hit[:3]
            extra = hit[3] if len(hit) > 3 else None  # type: ignore[misc]
            md = dict(meta)
            if extra:
                md.update(extra)
            yield RecognizerResult(self.ENTITY.value, start, end, min(1.0, score), recognition_metadata=md)

    def hits(self, text: str) -> list[tuple[int, int, str, float]]:
        """Convenience for tests: ``(start, end, text, score)`` of every hit."""
        return [(r.start, r.end, text[r.start : r.end], r.score) for r in self.analyze(text)]
