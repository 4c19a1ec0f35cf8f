"""The values of a case, the ways each can be written, and one automaton that finds all of them.

    m = CaseMatcher([("Anne Kjeldsen", EntityType.PERSON), ("37 62 01 97", EntityType.PHONE)])
    hits = m.find(view)                 # every candidate occurrence in a TextView (word boundaries checked)
    found = m.present(raw_text)         # which values a text contains (verification; also spaced-out text)

A value is compared with the normalised view (``core.textview``), case-folded, on word
boundaries: "Else" is never found inside "Godkendelse".  Each value has *patterns*:

* the value itself (``form="full"``, ``exact=True``: the same string however it is cased,
  wrapped or hyphenated; a possessive ``-s`` / ``'s`` after a name is part of the occurrence);
* numbers (CPR, phone, bank account, card, CVR, IBAN): the digits, matched on a view in which
  separators between digits (space, dot, dash, slash) are ignored within a line; a phone number
  also after ``+45`` / ``0045`` (``form="number"``, exact);
* persons: first name + surname without the middle names (``name``), initials + surname
  (``A. Kjeldsen``, ``A. M. Kjeldsen``: ``initials``), the name as the local part of an e-mail
  address or in a URL (``anne.kjeldsen``, ``anne_kjeldsen``, ``annekjeldsen``, ``a.kjeldsen``,
  also spelt without æ/ø/å: ``email``), the initials as a whole e-mail local part (``akj@``:
  ``acronym``), the first name alone (``first``) and each surname alone (``surname``);
* addresses: the street and house number without the town (``street``).

Only the full/number patterns are *exact*; the others are related forms that a finder shows for a
decision (propagation decides where each of them is accepted, see ``detect.propagate``).

One Aho–Corasick automaton (``pyahocorasick``) holds the word patterns of every value and one
holds the digit patterns, built once per case and run once per text: the cost is linear in the
text, whatever the number of values.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from aktindsigt.core.model import EntityType
from aktindsigt.core.textview import TextView, in_address

NUMERIC_TYPES = frozenset({EntityType.CPR, EntityType.PHONE, EntityType.BANK_ACCOUNT, EntityType.CARD,
                           EntityType.CVR, EntityType.IBAN})
#: types whose values get a possessive "-s"
NAME_TYPES = frozenset({EntityType.PERSON, EntityType.MANUAL, EntityType.ORGANIZATION, EntityType.LOCATION})
EXACT_FORMS = frozenset({"full", "number"})
PART_FORMS = frozenset({"first", "surname"})  # hits carry value -1: see ``CaseMatcher.part_owners``
_LOWER_PARTICLES = frozenset({"von", "van", "de", "la", "le", "af", "du", "da", "der", "den", "di", "el", "al",
                              "bin", "ben"})
MIN_DIGITS = 6
_DIGIT_SEP = re.compile(r"(?<=\d)[ .\-/\u2013]{1,3}(?=\d)")
_PHONE_PREFIX = re.compile(r"^(?:\+?45|0045)(?=\d{8}$)")


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """The normalised view of ``s``, lower case, spaces collapsed (how values are compared)."""
    from aktindsigt.core.textview import normalised

    return " ".join(normalised(unicodedata.normalize("NFC", s)).lower().split())


def digits_of(text: str, entity_type: EntityType | None = None) -> str:
    d = re.sub(r"\D", "", text)
    if entity_type is EntityType.PHONE or (entity_type is None and text.strip().startswith(("+45", "0045"))):
        d = _PHONE_PREFIX.sub("", d)
    return d


def is_numberish(text: str) -> bool:
    digits = sum(c.isdigit() for c in text)
    alnum = sum(c.isalnum() for c in text)
    return digits >= MIN_DIGITS and digits >= 0.8 * max(alnum, 1)


def value_key(text: str, entity_type: EntityType) -> str:
    """The key shared by all occurrences of one value: ``TYPE:normalised``."""
    entity_type = EntityType(entity_type)
    if entity_type in NUMERIC_TYPES:
        v = re.sub(r"[^0-9A-Za-z]", "", text).upper()
        if entity_type is EntityType.PHONE:
            v = _PHONE_PREFIX.sub("", v)
        return f"{entity_type.value}:{v}"
    t = fold(text)
    if entity_type is EntityType.PERSON:
        t = re.sub(r"(?:'s|')$", "", t)
    return f"{entity_type.value}:{t}"


def ascii_forms(s: str) -> set[str]:
    """``søren`` -> {``søren``, ``soeren``, ``soren``}: how names are spelt in e-mail addresses."""
    forms = {s}
    two = s.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    one = s.replace("æ", "ae").replace("ø", "o").replace("å", "a")
    for f in (two, one):
        forms.add(unicodedata.normalize("NFKD", f).encode("ascii", "ignore").decode())
    return {f for f in forms if f}


@dataclass(frozen=True, slots=True)
class Value:
    text: str
    entity_type: EntityType
    key: str


@dataclass(frozen=True, slots=True)
class PersonParts:
    first: str  # folded
    middles: tuple[str, ...]
    surnames: tuple[str, ...]  # the last name, and the parts of a hyphenated one

    @property
    def last(self) -> str:
        return self.surnames[0] if self.surnames else ""


def person_parts(name: str) -> PersonParts | None:
    words = [w for w in re.split(r"\s+", re.sub(r"(?:'s|')$", "", fold(name))) if w]
    words = [w.strip(".,;:") for w in words if w.strip(".,;:")]
    if len(words) < 2 or any(len(w) == 1 for w in (words[0], words[-1])):
        return None
    first, rest = words[0], words[1:]
    k = len(rest) - 1
    while k > 0 and rest[k - 1] in _LOWER_PARTICLES:
        k -= 1
    last = " ".join(rest[k:])
    middles = tuple(w for w in rest[:k] if w not in _LOWER_PARTICLES)
    surnames = [last]
    if "-" in last:
        surnames += [p for p in last.split("-") if len(p) >= 2]
    return PersonParts(first, middles, tuple(dict.fromkeys(surnames)))


def decided_value(text: str, entity_type: EntityType, entity_key: str | None) -> str:
    """The value a decision on ``text`` withholds or keeps: a short form of a person ("Tirvald", "Okkerstrøms",
    "T. Okkerstrøm") grouped under a full name stands for that person, not for every Tirvald of the case."""
    if entity_type is EntityType.PERSON and entity_key and entity_key.startswith("PERSON:") \
            and value_key(text, entity_type) != entity_key:
        return entity_key.split(":", 1)[1]
    return text


@dataclass(frozen=True, slots=True)
class Hit:
    start: int  # view offsets
    end: int
    value: int  # index into CaseMatcher.values; -1 for a first name or surname alone (``part_owners``)
    form: str
    exact: bool


def capitalised_word(text: str) -> bool:
    """One word written with a capital initial ("Rose", "Skov's"): the shape of a value that may also be an
    ordinary word ("rose", "skov")."""
    w = text.strip()
    base = w[:-2] if w.endswith(("'s", "’s")) else w
    return len(base) >= 2 and base.isalpha() and base[0].isupper()


class CaseMatcher:
    """All values of a case and their patterns in two automata (words and digits).

    ``word_like(folded)`` (given a value of one capitalised word, folded, without a possessive) says whether
    the value is also an ordinary Danish word ("Rose" / "rose", "Skov" / "skov"); such a value is not
    found where it stands in lower case in a text that has capitals - "hun rose ham" is the verb, not
    Rose - except inside an e-mail address, a URL or a path.  The detector proposes, and the case-level
    and file checks demand, the same occurrences (one rule, here)."""

    def __init__(self, values: Iterable[tuple[str, EntityType]], *, related: bool = True,
                 word_like: Callable[[str], bool] | None = None) -> None:
        self.values: list[Value] = []
        self.word_like = word_like
        self.words: set[int] = set()  # values that are also ordinary words (see the class)
        self.index: dict[str, int] = {}
        self.parts: dict[int, PersonParts] = {}
        #: a first name or surname alone -> the persons it may stand for (one hit per occurrence, whoever
        #: owns it: a part shared by many persons costs no more than one owned by one)
        self.part_owners: dict[str, list[int]] = {}
        self.acronyms: dict[str, list[int]] = {}  # "akj" -> the persons whose initials it is
        self._words = ahocorasick.Automaton()
        self._digits = ahocorasick.Automaton()
        self._compact = ahocorasick.Automaton()
        self._loose = ahocorasick.Automaton()  # a quick first look (see ``present``)
        self._n_words = self._n_digits = 0
        for text, et in values:
            self.add(text, et, related=related)
        self._built = False

    def __len__(self) -> int:
        return len(self.values)

    # -- patterns -------------------------------------------------------------------------------

    def add(self, text: str, entity_type: EntityType, related: bool = True) -> int | None:
        entity_type = EntityType(entity_type)
        if not text or not text.strip():
            return None
        key = value_key(text, entity_type)
        if key in self.index:
            return self.index[key]
        i = len(self.values)
        self.values.append(Value(" ".join(text.split()), entity_type, key))
        self.index[key] = i
        if self.word_like is not None and capitalised_word(text):
            base = re.sub(r"(?:'s|’s)$", "", fold(text.strip()))
            if self.word_like(base):
                self.words.add(i)
        self._built = False
        for pattern, form, kind in self._patterns(i, text, entity_type, related):
            exact = form in EXACT_FORMS
            if exact:
                loose = pattern if kind == "digits" else pattern.translate(_LOOSE)
                if loose:
                    self._loose.add_word(loose, loose)
            if form == "acronym":  # only ever a whole e-mail local part: looked up there, not scanned for
                owners = self.acronyms.setdefault(pattern, [])
                if i not in owners:
                    owners.append(i)
                continue
            if form in PART_FORMS:
                owners = self.part_owners.setdefault(pattern, [])
                if i not in owners:
                    owners.append(i)
                self._put(self._words, pattern, (-1, form, False))
                continue
            if kind == "digits":
                self._put(self._digits, pattern, (i, form, exact))
                self._n_digits += 1
            else:
                self._put(self._words, pattern, (i, form, exact))
                compact = re.sub(r"\s+", "", pattern)
                if form in EXACT_FORMS and len(compact) >= 4:
                    self._put(self._compact, compact, (i, form, exact))
                self._n_words += 1
        return i

    @staticmethod
    def _put(auto: ahocorasick.Automaton, pattern: str, payload: tuple) -> None:
        got = auto.get(pattern, None)
        if got is None:
            auto.add_word(pattern, (pattern, [payload]))
        elif payload not in got[1]:
            got[1].append(payload)

    def _patterns(self, i: int, text: str, et: EntityType, related: bool) -> Iterator[tuple[str, str, str]]:
        folded = fold(text)
        if et in NUMERIC_TYPES or (et is EntityType.MANUAL and is_numberish(text)):
            d = digits_of(text, et if et in NUMERIC_TYPES else None)
            if len(d) >= MIN_DIGITS:
                yield d, "number", "digits"
            if et in NUMERIC_TYPES:
                return
        if et is EntityType.PERSON:
            folded = re.sub(r"(?:'s|')$", "", folded)
        if et is EntityType.URL:
            folded = re.sub(r"^(?:https?://)?(?:www\.)?", "", folded).rstrip("/")
        if len(folded.replace(" ", "")) < 2:
            return
        yield folded, "full", "words"
        if et is EntityType.LICENCE_PLATE:
            yield folded.replace(" ", ""), "full", "words"
        if not related:
            return
        if et is EntityType.ADDRESS:
            street = folded.split(",")[0].strip()
            if street != folded and re.search(r"\d", street) and len(street) >= 5:
                yield street, "street", "words"
        if et is not EntityType.PERSON:
            return
        p = person_parts(text)
        if p is None:
            return
        self.parts[i] = p
        last, first = p.last, p.first
        if p.middles:
            yield f"{first} {last}", "name", "words"
        mids = " ".join(f"{m[0]}." for m in p.middles)
        for form in {f"{first[0]}. {last}", f"{first[0]}.{last}", f"{first[0]}. {mids} {last}".replace("  ", " "),
                     f"{first[0]}.{mids.replace(' ', '')} {last}"}:
            yield form, "initials", "words"
        for f in ascii_forms(first):
            for s in ascii_forms(last.replace(" ", "")):
                for sep in (".", "_", "-", ""):
                    yield f"{f}{sep}{s}", "email", "words"
                yield f"{f[0]}.{s}", "email", "words"
        acronyms = {first[0] + last[:2], first[0] + last[0]}
        if p.middles:
            acronyms.add(first[0] + "".join(m[0] for m in p.middles) + last[0])
        for a in acronyms:
            for f in ascii_forms(a):
                if len(f) >= 2:
                    yield f, "acronym", "words"
        if len(first) >= 2:
            yield first, "first", "words"
        for s in p.surnames:
            if len(s) >= 2:
                yield s, "surname", "words"

    def build(self) -> None:
        if self._built:
            return
        for auto in (self._words, self._digits, self._compact, self._loose):
            if len(auto):
                auto.make_automaton()
        self._built = True

    # -- finding --------------------------------------------------------------------------------

    def find(self, view: TextView) -> list[Hit]:
        """Every occurrence of every pattern in ``view`` on word boundaries (overlaps not resolved)."""
        self.build()
        hits: list[Hit] = []
        if len(self._words) and self._words.kind == ahocorasick.AHOCORASICK:
            hits.extend(_word_hits(self._words, view.folded, self.values))
        if len(self._digits) and self._digits.kind == ahocorasick.AHOCORASICK:
            dv, dmap = digit_view(view.text)
            hits.extend(_digit_hits(self._digits, dv, dmap, view.text))
        if self.acronyms and "@" in view.folded:
            for mt in _LOCAL_PART.finditer(view.folded):
                for i in self.acronyms.get(mt.group(1), ()):
                    hits.append(Hit(mt.start(1), mt.end(1), i, "acronym", False))
        if self.words and hits and view.text.lower() != view.text:
            hits = [h for h in hits if not self._word_use(view.text, h.value, h.start, h.end)]
        return hits

    def _word_use(self, text: str, value: int, start: int, end: int) -> bool:
        """Whether this occurrence of a value that is also a word is that word, in a text that has capitals
        (see the class)."""
        return value in self.words and text[start].islower() and not in_address(text, start, end)

    def _maybe(self, text: str) -> bool:
        """Whether any exact pattern can occur in ``text`` (cheap: two C passes, no view)."""
        if not len(self._loose) or self._loose.kind != ahocorasick.AHOCORASICK:
            return False
        return _has(self._loose, text.lower().translate(_LOOSE)) or _has(self._loose, _NOT_DIGIT.sub("", text))

    def present(self, text: str) -> set[int]:
        """The values whose exact patterns a raw text (extracted page text, link targets, metadata ...)
        contains: on its normalised view, and with all spaces removed (letter-spaced or glyph-by-glyph
        text), each on word boundaries."""
        self.build()
        if not text or not self._maybe(text):
            return set()
        view = TextView.build(text, soft_lines=True)
        found = {h.value for h in self.find(view) if h.exact}
        if len(self._compact) and self._compact.kind == ahocorasick.AHOCORASICK:
            found |= {i for i, form, s, e in _compact_hits(self._compact, view.folded)
                      if form in EXACT_FORMS and not (self.words and view.text.lower() != view.text
                                                      and self._word_use(view.text, i, s, e))}
        return found


#: lower case, without whitespace, hyphens, apostrophes, soft hyphens and zero-width characters, ligatures
#: spelt out: every exact pattern found in a text's view is found in this form of the text too
_LOOSE = str.maketrans({**{c: None for c in " \t\r\n\f\v\u00a0\u1680\u2028\u2029\u202f\u205f\u3000-'\u2010\u2011"
                                         "\u2012\u2212\u2018\u2019\u02bc\u00ad\u200b\u200c\u200d\u2060\ufeff"},
                        **{chr(c): None for c in range(0x2000, 0x200b)},
                        "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                        "\ufb05": "st", "\ufb06": "st"})
_NOT_DIGIT = re.compile(r"\D+")
_LOCAL_PART = re.compile(r"(?<![\w.+-])([\w]{2,4})@")


def _has(auto: ahocorasick.Automaton, text: str) -> bool:
    for _ in auto.iter(text):
        return True
    return False


def digit_view(text: str) -> tuple[str, array]:
    """``text`` with the separators between digits removed (not across a hard break), and the map of
    each of its characters to an offset in ``text``."""
    out: list[str] = []
    idx = array("l")
    pos = 0
    for m in _DIGIT_SEP.finditer(text):
        out.append(text[pos:m.start()])
        idx.extend(range(pos, m.start()))
        pos = m.end()
    out.append(text[pos:])
    idx.extend(range(pos, len(text)))
    return "".join(out), idx


def _alnum(c: str) -> bool:
    return c.isalnum()


def _word_hits(auto: ahocorasick.Automaton, folded: str, values: Sequence[Value]) -> Iterator[Hit]:
    n = len(folded)
    for end_idx, (pattern, payloads) in auto.iter(folded):
        e = end_idx + 1
        s = e - len(pattern)
        if s > 0 and _alnum(folded[s - 1]) and _alnum(pattern[0]):
            continue
        right_ok = e == n or not _alnum(folded[e]) or not _alnum(pattern[-1])
        genitive = 0  # "hansens", "hansen's"
        if e < n and folded[e] == "s" and (e + 1 == n or not _alnum(folded[e + 1])):
            genitive = e + 1
        elif e + 1 < n and folded[e] == "'" and folded[e + 1] == "s" and (e + 2 == n or not _alnum(folded[e + 2])):
            genitive = e + 2
        # a part joined to another word by a hyphen ("Anne-Else", "Quistgaards-vej") is no name part alone
        compound = (s > 1 and folded[s - 1] == "-" and folded[s - 2].isalpha()) or \
            (e + 1 < n and folded[e] == "-" and folded[e + 1].isalpha()) or \
            (genitive and genitive + 1 < n and folded[genitive] == "-" and folded[genitive + 1].isalpha())
        for i, form, exact in payloads:
            if compound and form in ("first", "surname"):
                continue
            if genitive and (i < 0 or values[i].entity_type in NAME_TYPES):
                yield Hit(s, genitive, i, form, exact)
            elif right_ok:
                yield Hit(s, e, i, form, exact)


def _digit_hits(auto: ahocorasick.Automaton, dv: str, dmap: array, text: str) -> Iterator[Hit]:
    n = len(dv)
    for end_idx, (pattern, payloads) in auto.iter(dv):
        e = end_idx + 1
        s = e - len(pattern)
        if e < n and dv[e].isdigit():
            continue
        if s > 0 and dv[s - 1].isdigit():
            # a phone number after +45 / 0045
            m = re.search(r"(?:\+\s?45|0045|\(\+45\))[ \t.-]?$", text[max(0, dmap[s] - 8):dmap[s]])
            if m is None:
                continue
            s_view = dmap[s] - (len(text[max(0, dmap[s] - 8):dmap[s]]) - m.start())
        else:
            s_view = dmap[s]
            # "+45 " before the number belongs to it
            m = re.search(r"(?:\+\s?45|0045|\(\+45\))[ \t.-]?$", text[max(0, s_view - 8):s_view])
            if m is not None and any(v_form == "number" for _i, v_form, _x in payloads):
                s_view -= len(text[max(0, s_view - 8):s_view]) - m.start()
        e_view = dmap[e - 1] + 1
        for i, form, exact in payloads:
            yield Hit(s_view, e_view, i, form, exact)


def _compact_hits(auto: ahocorasick.Automaton, folded: str) -> Iterator[tuple[int, str, int, int]]:
    chars: list[str] = []
    idx: list[int] = []
    for k, c in enumerate(folded):
        if not c.isspace():
            chars.append(c)
            idx.append(k)
    compact = "".join(chars)
    n = len(folded)
    for end_idx, (pattern, payloads) in auto.iter(compact):
        s = idx[end_idx - len(pattern) + 1]
        e = idx[end_idx] + 1
        if s > 0 and _alnum(folded[s - 1]):
            continue
        if e < n and _alnum(folded[e]) and not (folded[e] == "s" and (e + 1 == n or not _alnum(folded[e + 1]))):
            continue
        for i, form, _exact in payloads:
            yield i, form, s, e
