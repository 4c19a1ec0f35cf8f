"""E-mail addresses (including ``mailto:`` targets and Danish letters in the local part)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit

_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+'-]*\w@(?:[a-zæøå0-9](?:[a-zæøå0-9-]*[a-zæøå0-9])?\.)+[a-z]{2,24}(?![\w-])",
    re.IGNORECASE,
)


# the same, found from the "@" (a lookahead from every word character is slow)
_EMAIL_AT = re.compile(
    r"(?<![\w.+'-])(?=[\w.+'-]{1,64}@)[\w.+'-]*\w@(?:[a-zæøå0-9](?:[a-zæøå0-9-]*[a-zæøå0-9])?\.)+[a-z]{2,24}(?![\w-])",
    re.IGNORECASE,
)


class DaEmailRecognizer(DanishRecognizer):
    ENTITY = EntityType.EMAIL
    DETECTOR = "email"

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        if "@" not in text:
            return
        for m in _EMAIL_AT.finditer(text):
            start, end = m.span()
            while start < end and text[start] in ".'-+":
                start += 1
            yield start, end, 0.95
