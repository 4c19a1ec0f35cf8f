"""Danish telephone numbers: 8 digits in every common grouping, with or without
``+45`` / ``0045`` / ``(+45)``; context words (tlf., telefon, mobil) raise the score.

Not a phone number: dates (``12.03.2021``), amounts (``12.345,00 kr.``), case
numbers (``24/12345``, ``27.12.04-P20-1-24``), numbers after CVR/SE/sagsnr./kontonr.
and similar words, parts of longer digit runs (CPR, account numbers) and postal codes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit, near_before

_PREFIX = r"(?:(?:\(\s?\+45\s?\)|\+\s?45|0045)[ \t.-]?)"
_GROUPINGS = [
    r"\d{8}",
    r"\d\d \d\d \d\d \d\d",
    r"\d\d-\d\d-\d\d-\d\d",
    r"\d\d\.\d\d\.\d\d\.\d\d",
    r"\d{4} \d{4}",
    r"\d{4}-\d{4}",
    r"\d\d \d{3} \d{3}",
    r"\d{3} \d{2} \d{3}",
    r"\d\d \d\d \d{4}",
]
_BODY = "(?:" + "|".join(_GROUPINGS) + ")"
# left boundary: not after a digit, "digit+separator", a letter or a slash (case numbers)
_NB = r"(?<![\w/])(?<!\d[ .,/-])(?<![.,]\d)"
_NA = r"(?!\d)(?![ .,/-]?\d)(?!,\d)"
_PHONE = re.compile(r"(?=[\d+(])(?P<prefix>" + _PREFIX + r")?" + r"(?P<body>" + _BODY + r")" + _NA)
_LEFT = re.compile(_NB)
_ODD_GROUPING = re.compile(r"\d\d \d{3} \d{3}|\d{3} \d{2} \d{3}|\d\d \d\d \d{4}")
_YEARS = re.compile(r"(?:19|20)\d\d[ -](?:19|20)\d\d")
_AMOUNT_AFTER = re.compile(r"\s?(?:kr\b|kr\.|dkk\b|,-|,\d\d)", re.IGNORECASE)
_TOWN_AFTER = re.compile(r" [A-ZÆØÅ][a-zæøå]")

BASE = 0.55
PREFIX_BONUS = 0.3
CONTEXT_BONUS = 0.3


def _looks_like_date(digits: str) -> bool:
    day, month, year = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    if not 1900 <= year <= 2099:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


class DaPhoneRecognizer(DanishRecognizer):
    ENTITY = EntityType.PHONE
    DETECTOR = "phone"

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        for m in _PHONE.finditer(text):
            start, end = m.span()
            prefix = m.group("prefix")
            if not prefix and not _LEFT.match(text, start):
                continue
            # the regex engine may start after a glued prefix: check the char before
            if not prefix and start > 0 and (text[start - 1].isdigit() or text[start - 1] == "+"):
                continue
            body = m.group("body")
            digits = re.sub(r"\D", "", body)
            ctx = near_before(text, start, "phone", 30)
            if not prefix and not ctx:
                if near_before(text, start, "not_phone", 25):
                    continue
                if _AMOUNT_AFTER.match(text, end):
                    continue
                if "." in body or re.fullmatch(r"\d{4}[ -]\d{4}", body) and _TOWN_AFTER.match(text, end):
                    continue
                if re.fullmatch(r"\d{8}", body) and _looks_like_date(digits):
                    continue
                if _ODD_GROUPING.fullmatch(body):
                    continue  # "12 345 678" is an amount more often than a phone number
                if _YEARS.fullmatch(body):
                    continue  # "2019 2020"
            if not prefix and not ctx and digits[0] in "01" and re.fullmatch(r"\d{8}", body):
                score_base = BASE - 0.15  # ungrouped and not a subscriber-style number: less sure
            else:
                score_base = BASE
            score = score_base + (PREFIX_BONUS if prefix else 0.0) + (CONTEXT_BONUS if ctx else 0.0)
            yield start, end, score
