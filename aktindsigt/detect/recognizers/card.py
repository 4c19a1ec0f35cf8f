"""Payment card numbers: 13-19 digits, usually in groups of four, Luhn-checked.
A number that fails Luhn is still suggested (low score) when a card word precedes it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import luhn

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit, near_before

_CARD = re.compile(
    r"(?=\d)(?<![\d.,/-])(?<!\d )(?:\d{4}(?P<s>[ -]?)\d{4}(?P=s)\d{4}(?P=s)\d{1,7}|\d{4} \d{6} \d{5})(?![\d]|[ .,/-]\d)"
)


class DaCardRecognizer(DanishRecognizer):
    ENTITY = EntityType.CARD
    DETECTOR = "card"

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        for m in _CARD.finditer(text):
            digits = re.sub(r"\D", "", m.group(0))
            if not 13 <= len(digits) <= 19:
                continue
            ctx = near_before(text, m.start(), "card", 30)
            if luhn.is_valid(digits):
                yield m.start(), m.end(), 0.9 if ctx else 0.75
            elif ctx:
                yield m.start(), m.end(), 0.4
