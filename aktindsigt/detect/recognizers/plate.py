"""Danish licence plates: two letters + five digits (``AB 12 345``, ``AB12345``, ``AB-12-345``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit, near_before

_PLATE = re.compile(
    r"(?=[A-ZÆØÅ]{2}[ -]?\d)(?<![\w-])(?P<l>[A-ZÆØÅ]{2})(?:(?P<s>[ -]?)\d{2}(?P=s)\d{3}|[ -]\d{5})(?![\w]|[ .,/-]\d)"
)
_NOT_PREFIX = {"DK", "SE", "CV", "NR", "ID", "PR", "PO", "KR"}


class DaPlateRecognizer(DanishRecognizer):
    ENTITY = EntityType.LICENCE_PLATE
    DETECTOR = "plate"

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        for m in _PLATE.finditer(text):
            ctx = near_before(text, m.start(), "plate", 40)
            if m.group("l") in _NOT_PREFIX and not ctx:
                continue
            score = 0.5 if not m.group("s") and not ctx else 0.7
            yield m.start(), m.end(), score + (0.2 if ctx else 0.0)
