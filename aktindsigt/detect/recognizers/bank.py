"""Danish bank accounts: registration number (4 digits) + account number (up to 10).

``1234-1234567890``, ``1234 1234567890``, ``reg.nr. 1234 kontonr. 12345678``,
``Reg. nr.: 1234, konto nr.: 0001234567``.  Without context the short forms need a
recognisable shape (dash or a 10-digit account number) to avoid years and case numbers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit, SpanSet, near_before

_REG_WORD = r"(?:reg(?:istrerings)?\.?\s*(?:nr|nummer)?\.?|regnr\.?)"
_KONTO_WORD = r"(?:konto\s*(?:nr|nummer)\.?|kontonr\.?|kontonummer|konto|kto\.?(?:\s*nr\.?)?)"
_WITH_WORDS = re.compile(
    r"(?=[rR])" + _REG_WORD + r"\s*:?\s*(?P<reg>\d{4})\s*(?:[,/;-]|og)?\s*(?:" + _KONTO_WORD + r"\s*:?\s*)?"
    r"(?P<acc>\d(?:[ -]?\d){5,9})(?![\d])",
    re.IGNORECASE,
)
_KONTO_FIRST = re.compile(
    r"(?=[kK])" + _KONTO_WORD + r"\s*:?\s*(?P<reg>\d{4})(?:[ -]|\s*[/-]\s*)(?P<acc>\d{6,10})(?![\d])", re.IGNORECASE
)
_BARE = re.compile(r"(?=\d)(?<![\w/.,-])(?<!\d )(?P<reg>\d{4})(?P<sep>[ -]|[ \t]-[ \t])(?P<acc>\d{6,10})(?![\d]|[.,/-]\d)")


class DaBankAccountRecognizer(DanishRecognizer):
    ENTITY = EntityType.BANK_ACCOUNT
    DETECTOR = "bank"

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        taken = SpanSet()
        for rx in (_WITH_WORDS, _KONTO_FIRST):
            for m in rx.finditer(text):
                start, end = m.start("reg"), m.end("acc")
                if taken.overlaps(start, end):
                    continue
                taken.append((start, end))
                yield start, end, 0.9
        for m in _BARE.finditer(text):
            start, end = m.span()
            if taken.overlaps(start, end):
                continue
            ctx = near_before(text, start, "bank", 40)
            reg, acc = m.group("reg"), m.group("acc")
            if not ctx:
                if near_before(text, start, "not_phone", 20) and not near_before(text, start, "bank", 20):
                    continue
                year_like = 1900 <= int(reg) <= 2099
                if year_like and len(acc) < 10:
                    continue
                if m.group("sep") != "-" and len(acc) < 10:
                    continue
            score = 0.85 if ctx else (0.6 if len(acc) == 10 else 0.45)
            taken.append((start, end))
            yield start, end, score
