"""CPR numbers (personnummer) in every common writing, partial CPRs and birth dates.

* ``DDMMYY-SSSS``, ``DDMMYYSSSS``, ``DDMMYY SSSS``, ``DD.MM.YY-SSSS``, ``DD MM YY SS SS``,
  ``/`` ``.`` ``–`` as separators;
* the date must be valid; the century comes from the 7th digit (CPR rules, via
  ``stdnum.dk.cpr.get_birth_date``);
* modulus 11 raises the score but never filters (numbers issued since 2007 need not
  satisfy it);
* context words (cpr, cpr-nr., personnummer, født) raise the score;
* partial CPRs (``010203-xxxx``, ``010203-****``) and birth dates after "født"
  (``født 01.02.1983``, ``f. 1. februar 1983``) and 6-digit birth dates after "cpr".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from stdnum.dk import cpr as stdnum_cpr

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit, SpanSet, near_before

_NB = r"(?<!\d)(?<!\d[.,/-])"  # not glued to a preceding number
_NA = r"(?!\d)(?![.,/-]\d)"  # not followed by more number
_SEP_DATE = r"(?P<s>[./-]?)"
_SEP_SERIAL = r"(?:[ \t]?[-–‐/.][ \t]?|[ \t])?"
_SERIAL = r"(?P<serial>\d{4}|[xX*]{4})"

# DDMMYY + serial, or DD.MM.YY + serial (same separator inside the date)
_CPR = re.compile(
    r"(?=\d)" + _NB + r"(?P<d>[0-3]\d)" + _SEP_DATE + r"(?P<m>[01]\d)(?P=s)(?P<y>\d\d)" + _SEP_SERIAL + _SERIAL + _NA
)
# digits grouped in pairs: 01 02 03 12 34 / 01 02 03-12 34
_CPR_PAIRS = re.compile(
    r"(?=\d\d )" + _NB + r"(?P<d>[0-3]\d) (?P<m>[01]\d) (?P<y>\d\d)(?: ?- ?| )(?P<s1>\d\d) (?P<s2>\d\d)" + _NA
)
# a bare 6-digit birth date (only with cpr/født context)
_BIRTH6 = re.compile(r"(?=\d)" + _NB + r"(?P<d>[0-3]\d)(?P<s>[./-]?)(?P<m>[01]\d)(?P=s)(?P<y>\d\d(?:\d\d)?)" + _NA)
_MONTHS = (
    "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_MONTH_NO = {
    name: i
    for i, names in enumerate(
        [("januar", "jan"), ("februar", "feb"), ("marts", "mar"), ("april", "apr"), ("maj",),
         ("juni", "jun"), ("juli", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("oktober", "okt"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
_BIRTH_WORDS = re.compile(
    r"(?<![a-zæøå])(?:født|f\.|fødselsdato|fødselsdag)(?:\s+(?:den|d\.))?[\s:]*", re.IGNORECASE
)
_BIRTH_LONG = re.compile(r"(?P<d>[0-3]?\d)\.?\s+(?P<mn>" + _MONTHS + r")\.?\s+(?P<y>\d{4})", re.IGNORECASE)
_BIRTH_NUM = re.compile(r"(?P<d>[0-3]?\d)(?P<s>[./-])(?P<m>[01]?\d)(?P=s)(?P<y>\d{4}|\d\d)" + _NA)

BASE_SCORE = 0.6
MOD11_BONUS = 0.2
CONTEXT_BONUS = 0.15
PARTIAL_SCORE = 0.55
BIRTH_SCORE = 0.5


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def cpr_birth_date(digits: str) -> date | None:
    """The birth date of a 10-digit CPR (century from the 7th digit), or None when invalid."""
    try:
        return stdnum_cpr.get_birth_date(digits)
    except Exception:
        return None


def mod11_ok(digits: str) -> bool:
    try:
        return stdnum_cpr.checksum(digits) == 0
    except Exception:
        return False


def _partial_date_ok(d: str, m: str, y: str) -> bool:
    day, month, yy = int(d), int(m), int(y)
    return _valid_date(1900 + yy, month, day) or _valid_date(2000 + yy, month, day)


class DaCprRecognizer(DanishRecognizer):
    ENTITY = EntityType.CPR
    DETECTOR = "cpr"

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        taken = SpanSet()
        for rx in (_CPR, _CPR_PAIRS):
            for m in rx.finditer(text):
                gd = m.groupdict()
                serial = gd.get("serial") or (gd["s1"] + gd["s2"])
                start, end = m.span()
                if taken.overlaps(start, end):
                    continue
                ctx = near_before(text, start, "cpr", 30)
                if serial[0] in "xX*":
                    if not _partial_date_ok(gd["d"], gd["m"], gd["y"]):
                        continue
                    score = PARTIAL_SCORE + (CONTEXT_BONUS if ctx else 0.0)
                else:
                    digits = gd["d"] + gd["m"] + gd["y"] + serial
                    if cpr_birth_date(digits) is None:
                        continue
                    score = BASE_SCORE
                    if mod11_ok(digits):
                        score += MOD11_BONUS
                    if ctx:
                        score += CONTEXT_BONUS
                    elif not (gd.get("s") or "-" in m.group(0) or " " in m.group(0)):
                        # a bare 10-digit run without context: slightly less sure
                        score -= 0.05
                taken.append((start, end))
                yield start, end, score, ({"context": True} if ctx else None)
        yield from self._birth_dates(text, taken)

    def _birth_dates(self, text: str, taken: SpanSet) -> Iterator[Hit]:
        # dates right after "født"/"f."/"fødselsdato"
        for w in _BIRTH_WORDS.finditer(text):
            pos = w.end()
            if pos >= len(text) or not text[pos].isdigit():
                continue
            for rx in (_BIRTH_LONG, _BIRTH_NUM, _BIRTH6):
                m = rx.match(text, pos)
                if not m:
                    continue
                gd = m.groupdict()
                month = _MONTH_NO.get((gd.get("mn") or "").lower()) or int(gd.get("m") or 0)
                y = gd["y"]
                year = int(y) if len(y) == 4 else 1900 + int(y)
                if not (_valid_date(year, month, int(gd["d"])) or _valid_date(year + 100, month, int(gd["d"]))):
                    continue
                start, end = m.span()
                if taken.overlaps(start, end):
                    break
                taken.append((start, end))
                yield start, end, BIRTH_SCORE + CONTEXT_BONUS
                break
        # a bare DDMMYY after "cpr" (the serial left out)
        for m in _BIRTH6.finditer(text):
            start, end = m.span()
            if len(m.group("y")) != 2 or taken.overlaps(start, end):
                continue
            if not near_before(text, start, "cpr", 20):
                continue
            if not _partial_date_ok(m.group("d"), m.group("m"), m.group("y")):
                continue
            taken.append((start, end))
            yield start, end, BIRTH_SCORE
