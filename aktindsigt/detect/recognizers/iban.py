"""IBAN numbers (checksum via ``stdnum.iban``); a Danish IBAN with a bad checksum is
still suggested with a low score (a typo in a real account number is still personal)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from stdnum import iban as stdnum_iban

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit, near_before

_IBAN = re.compile(r"(?=[A-Z]{2}\d\d)(?<![A-Za-z0-9])(?P<cc>[A-Z]{2})\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?(?![A-Za-z0-9])")


class DaIbanRecognizer(DanishRecognizer):
    ENTITY = EntityType.IBAN
    DETECTOR = "iban"

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        for m in _IBAN.finditer(text):
            start, end = m.span()
            value = m.group(0)
            # trim trailing groups until it validates (e.g. "DK50 0040 0440 1162 43 1234")
            if stdnum_iban.is_valid(value):
                yield start, end, 0.95
                continue
            trimmed = _trim_valid(value)
            if trimmed:
                yield start, start + len(trimmed), 0.95
            elif m.group("cc") == "DK" and len(re.sub(r"\W", "", value)) == 18:
                yield start, end, 0.5 if near_before(text, start, "iban", 30) else 0.35


def _trim_valid(value: str) -> str | None:
    parts = re.split(r"([ -])", value)
    while len(parts) > 2:
        parts = parts[:-2]
        cand = "".join(parts)
        if stdnum_iban.is_valid(cand):
            return cand
    return None
