"""Normalising text for leak search: case, whitespace, hyphenation, CPR separators.

Used by the term search of ``aktindsigt redact`` (which also needs positions) and by the
sanitiser (links, outline).  Matching is plain substring matching on normalised forms --
recall first: a redacted "Hansen" is also found inside "Hansens", and a name of several
words also as an e-mail local part (``anne.kjeldsen``).  ``verify`` compares on word
boundaries instead (``core.matching``), so that "Else" is not reported inside "Godkendelse".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

SOFT_HYPHEN = "\u00ad"
_HYPHENS = "-\u2010\u2011\u2012\u2013\u00ad"
_DEHYPHEN_RE = re.compile(r"[" + _HYPHENS + r"][ \t]*\r?\n\s*")
_WS_RE = re.compile(r"\s+")
_DIGIT_SEP_RE = re.compile(r"(?<=\d)[\s\-\u2010\u2011\u2013./]+(?=\d)")


def fold(s: str) -> str:
    """Unicode-compatible, case-folded form (keeps Danish letters: Æ -> æ)."""
    return unicodedata.normalize("NFKC", s).lower().replace(SOFT_HYPHEN, "")


def norm_text(s: str) -> str:
    """Folded, de-hyphenated across line ends, whitespace collapsed to one space."""
    s = unicodedata.normalize("NFKC", s).replace(SOFT_HYPHEN, "")
    s = _DEHYPHEN_RE.sub("", s)
    return _WS_RE.sub(" ", s).lower().strip()


def compact(s: str) -> str:
    """Without any whitespace (catches spaced-out and character-by-character text)."""
    return _WS_RE.sub("", s)


def digits_joined(s: str) -> str:
    """Separators between digits removed: '010203-1234' -> '0102031234'."""
    return _DIGIT_SEP_RE.sub("", s)


def is_numberish(term: str) -> bool:
    digits = sum(c.isdigit() for c in term)
    alnum = sum(c.isalnum() for c in term)
    return digits >= 6 and digits >= 0.8 * max(alnum, 1)


def name_forms(term: str) -> list[str]:
    """A name of 2-4 words as it stands in an e-mail address or a URL: anne.kjeldsen, anne_kjeldsen,
    anne-kjeldsen, annekjeldsen (for searches on word boundaries; ``needle_forms`` has them compact)."""
    words = norm_text(term).split(" ")
    if not (2 <= len(words) <= 4 and all(w.isalpha() for w in words)):
        return []
    return [sep.join(words) for sep in (".", "_", "-", "")]


def needle_forms(term: str) -> list[str]:
    """Forms of ``term`` to look for in a :class:`Haystack` (all in compact form)."""
    base = compact(norm_text(term))
    forms = {base}
    words = norm_text(term).split(" ")
    if 2 <= len(words) <= 4 and all(w.isalpha() for w in words):
        # a name inside an e-mail address or a URL: anne.kjeldsen@, anne_kjeldsen, anne-kjeldsen
        for sep in (".", "_", "-"):
            forms.add(sep.join(words))
    if any(h in base for h in _HYPHENS):
        forms.add(re.sub("[" + _HYPHENS + "]", "", base))
    if is_numberish(term):
        forms.add(digits_joined(base))
        forms.add("".join(c for c in base if c.isdigit()))
    return sorted(f for f in forms if f)


@dataclass(slots=True)
class Haystack:
    """A text prepared once for many needle searches."""

    text: str
    _compact: str = ""
    _digits: str = ""

    def __post_init__(self) -> None:
        n = norm_text(self.text)
        self._compact = compact(n)
        self._digits = digits_joined(n).replace(" ", "")

    def contains(self, term: str) -> bool:
        for form in needle_forms(term):
            if form in self._compact:
                return True
            if form.isdigit() and form in self._digits:
                return True
        return False


def contains(text: str, term: str) -> bool:
    return Haystack(text).contains(term)


class Needles:
    """Many terms prepared once: ``in_text(text)`` is ``any(Haystack(text).contains(t) for t in terms)``
    in two automaton passes (a case's values against every link and outline title of every file grew
    with documents times values, #14)."""

    def __init__(self, terms: Iterable[str], also: Needles | None = None) -> None:
        import ahocorasick

        self.also = also  # a shared set looked in too (a case's values, built once)
        self._compact = ahocorasick.Automaton()
        self._digits = ahocorasick.Automaton()
        for t in terms:
            if not t.strip():
                continue
            for form in needle_forms(t):
                self._compact.add_word(form, form)
                if form.isdigit():
                    self._digits.add_word(form, form)
        for auto in (self._compact, self._digits):
            if len(auto):
                auto.make_automaton()

    def __bool__(self) -> bool:
        return bool(len(self._compact)) or bool(self.also)

    def in_text(self, text: str) -> bool:
        if not text or not self:
            return False
        hay = Haystack(text)
        return self._in(hay)

    def _in(self, hay: Haystack) -> bool:
        if len(self._compact) and next(self._compact.iter(hay._compact), None) is not None:
            return True
        if len(self._digits) and next(self._digits.iter(hay._digits), None) is not None:
            return True
        return self.also is not None and self.also._in(hay)


def as_needles(redacted: Iterable[str] | Needles) -> Needles:
    return redacted if isinstance(redacted, Needles) else Needles(redacted)


@lru_cache(maxsize=4)
def needles(terms: tuple[str, ...]) -> Needles:
    """The ``Needles`` of a tuple of terms (the same case's terms for each of its files: built once)."""
    return Needles(terms)


# ---------------------------------------------------------------- positional search


@dataclass(frozen=True, slots=True)
class CharUnit:
    """One character with its box and its line, in reading order."""

    c: str
    rect: tuple[float, float, float, float]
    line: tuple  # hashable key; characters of one line share it


def find_in_units(units: list[CharUnit], term: str) -> list[list[int]]:
    """Indices of ``units`` for every occurrence of ``term`` (normalised, compact).

    Whitespace is ignored, a hyphen at the end of a line is ignored, case is folded;
    number-like terms (CPR, phone) also match with or without separators.
    """
    return UnitIndex(units).find(term)


class UnitIndex:
    """The compact folded text of a run of characters, built once, searched for many terms."""

    def __init__(self, units: list[CharUnit]) -> None:
        chars: list[str] = []
        idx: list[int] = []
        n = len(units)
        for i, u in enumerate(units):
            c = u.c
            if not c or c.isspace() or c == SOFT_HYPHEN:
                continue
            if c in _HYPHENS:
                # hyphen at the end of a line: skip (the word continues on the next line)
                j = i + 1
                while j < n and units[j].c.isspace() and units[j].line == u.line:
                    j += 1
                if j < n and units[j].line != u.line:
                    continue
            for fc in fold(c):
                chars.append(fc)
                idx.append(i)
        self.s = "".join(chars)
        self.idx = idx
        self._digits: tuple[str, list[int]] | None = None

    def _digit_view(self) -> tuple[str, list[int]]:
        if self._digits is None:
            s, idx = self.s, self.idx
            dchars: list[str] = []
            didx: list[int] = []
            for k, ch in enumerate(s):
                if ch.isdigit():
                    dchars.append(ch)
                    didx.append(idx[k])
                elif ch in "-./\u2010\u2011\u2013" and dchars and k + 1 < len(s) and s[k + 1].isdigit():
                    continue
                else:
                    dchars.append("\0")
                    didx.append(idx[k])
            self._digits = ("".join(dchars), didx)
        return self._digits

    def find(self, term: str) -> list[list[int]]:
        forms = needle_forms(term)
        hits: list[list[int]] = []
        seen: set[tuple[int, int]] = set()

        def scan(s: str, mapping: list[int], form: str) -> None:
            start = s.find(form)
            while start >= 0:
                a, b = start, start + len(form)
                key = (mapping[a], mapping[b - 1])
                if key not in seen:
                    seen.add(key)
                    hits.append(sorted(set(mapping[a:b])))
                start = s.find(form, start + 1)

        for form in forms:
            scan(self.s, self.idx, form)
        if is_numberish(term):
            ds, didx = self._digit_view()
            for form in forms:
                if form.isdigit():
                    scan(ds, didx, form)
        return hits
