"""Post-filter for PERSON suggestions: drops spans that the evidence says are not a person.

Runs in the engine after the overlap rules, on every PERSON span (from the model and from the
name patterns), with the whole document text at hand.  Recall first: a span is only dropped
on positive evidence that it is something else; every rule is listed in ``RULES`` so the
benchmark can measure it (``PersonFilter(rules=...)``).

``org``       a word of the span is, or ends in, an organisation head word
              ("Andelsboligforeningen Lindely", "Hjemmeplejen", "Tandplejen"), or an
              organisation word follows the span ("Lemvig Kommune", "Kjærbo ApS");
``place``     the span is a country, world region or Danish landsdel (``places_da.txt``, from
              Unicode CLDR) or a known town, or it follows a postcode ("8000 Aarhus") or the
              preposition "i" ("i Saksild") - unless it is a known first name or surname;
``code``      a single word in capitals that is no known name ("DABADKKK", "SBSYS");
``word``      a single word that is an ordinary Danish word (by ``wordfreq``, also after
              removing an inflection: "Klageren" -> "klager", "Udgiften" -> "udgift", or as a
              compound: "Hjemmeplejen") at the start of a sentence or line, or a single word
              whose lower-case form occurs elsewhere in the same document ("Smuds ... smuds");
              kept when the document shows it as a name: capitalised in the middle of a
              sentence elsewhere, or inside a longer PERSON span.  Known first names and
              surnames (Faker's lists) are only dropped when they are also very common words
              ("Tage", "Ville", "Skov") and the document uses them in lower case too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from aktindsigt.detect.recognizers.names import (
    _SURNAME_ENDINGS,
    _sentence_start,
    _zipf,
    is_surname,
    nordic_first_names,
)
from aktindsigt.detect.resources import load_lines

RULES = frozenset({"org", "place", "code", "word"})

#: organisation head words: a span word equal to one of these, or a compound ending in one
#: ("Boligforeningen", "Hjemmeplejen"), makes the span an organisation
ORG_HEADS = (
    "forening", "foreningen", "selskab", "selskabet", "fond", "fonden", "styrelse", "styrelsen",
    "ministerium", "ministeriet", "kommune", "kommunen", "region", "regionen", "tilsyn", "tilsynet",
    "nævn", "nævnet", "nævnets", "rådet", "center", "centret", "centeret", "kontor", "kontoret",
    "afdeling", "afdelingen", "forvaltning", "forvaltningen", "plejen", "tjenesten", "institut",
    "instituttet", "institution", "institutionen", "skole", "skolen", "gymnasium", "gymnasiet",
    "børnehave", "børnehaven", "vuggestue", "vuggestuen", "hospital", "hospitalet", "sygehus",
    "sygehuset", "klinik", "klinikken", "apotek", "apoteket", "bibliotek", "biblioteket", "museum",
    "museet", "kirke", "kirken", "universitet", "universitetet", "politi", "politiet", "retten",
    "byret", "landsret", "banken", "bank", "sparekasse", "sparekassen", "koncern", "koncernen",
    "gruppen", "sekretariat", "sekretariatet", "direktorat", "direktoratet", "agentur", "agenturet",
    "forbund", "forbundet", "partiet", "ombudsmand", "ombudsmanden", "hjælpen", "tandplejen",
    "hjemmeplejen", "rådgivning", "rådgivningen", "huset", "bofællesskab", "bofællesskabet",
    # newspapers and media ("Fjordbyposten", "Jyllands-Posten", "Dagbladet", "Ugeavisen")
    "posten", "avisen", "avis", "bladet", "tidende", "dagblad", "dagbladet", "radio", "radioen",
)
_ORG_HEAD_SET = frozenset(ORG_HEADS)
_ORG_SUFFIXES = tuple(sorted(ORG_HEADS, key=len, reverse=True))
_ORG_AFTER = re.compile(
    r"[ \t]*(?:&|A/S|ApS|I/S|K/S|P/S|IVS|a/s|aps|Holding|og Søn|Kommunes?|Regions?|Amt|Sogn|Fond|Fonden|"
    r"Forening|Foreningen|Menighedsråd|Skole|Friskole|Efterskole|Gymnasium|Hospital|Sygehus|Kirke|"
    r"Bibliotek|Museum|Universitet|Politi|Byret|Kommunale)(?![\wæøå])"
)
_POSTCODE_BEFORE = re.compile(r"(?<!\d)\d{4}[ \t]+$")
_PREP_I_BEFORE = re.compile(r"(?<![\wæøå])i[ \t]+$")
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")
_CAPS_BEFORE = re.compile(r"(?<![\w])[A-ZÆØÅÉÓÜÄÖÇ]{2,}[ \t]+$")
_CAPS_AFTER = re.compile(r"[ \t]+[A-ZÆØÅÉÓÜÄÖÇ]{2,}(?![\w])")
_ABBREV_WORD = re.compile(r"[A-ZÆØÅ]{2,}-[a-zæøå]{1,4}\.?")  # CVR-nr, CPR-nr, SE-nr, EAN-nr
_CAPWORD_BEFORE = re.compile(r"(?<![\w])([A-ZÆØÅ][\w-]+)[ \t]+$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_INITIALS_IN = re.compile(r"(?<![\w.])[A-ZÆØÅ]\.")
#: inflection endings tried (longest first) when a word is not in wordfreq as written
_ENDINGS = ("ernes", "enes", "erne", "ene", "ens", "ets", "en", "et", "ne", "er", "n", "t", "e", "s")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Countries, world regions and Danish landsdele (``resources/detect/places_da.txt``)."""
    return frozenset(load_lines("places_da.txt"))


@lru_cache(maxsize=1)
def _towns() -> frozenset[str]:
    from aktindsigt.detect.recognizers.address import towns

    return towns()


def is_known_name(word: str) -> bool:
    w = word.capitalize() if word.isupper() else word
    return w in nordic_first_names() or is_surname(w)


#: prefixes of Danish derived words ("Påklage", "Genoptagelse", "Udbetalingen")
_PREFIXES = ("sammen", "under", "efter", "over", "frem", "gen", "ind", "mod", "til", "ved", "med", "ned", "på",
             "af", "op", "ud", "om", "for", "sam", "be", "an")


def _stems(w: str) -> Iterable[str]:
    yield w
    for end in _ENDINGS:
        if w.endswith(end) and len(w) - len(end) >= 3:
            yield w[: -len(end)]


def _part_ok(w: str) -> bool:
    """A compound part that is a dictionary word; short parts must be very common ("tid", "vej"),
    so that names do not split into foreign snippets ("war" + "same")."""
    n = len(w)
    z = _zipf(w)
    if z < 4.5 and w.capitalize() in nordic_first_names():
        return False  # "Anne" + "lise": a first name is no part of an ordinary word
    return z >= (4.5 if n <= 3 else 3.5 if n <= 5 else 3.0)


@lru_cache(maxsize=65536)
def _dictionary_word(w: str) -> bool:
    """``w`` (lower case) or a form of it without an inflection ending is a dictionary word."""
    return any(len(s) >= 3 and _part_ok(s) for s in _stems(w))


@lru_cache(maxsize=65536)
def _compound_word(w: str, depth: int = 2) -> bool:
    """A compound of dictionary words (head with an optional linking s or e), up to three parts:
    "sagsbehandlingstiden" = sags + behandlings + tiden."""
    for i in range(3, len(w) - 2):
        head, tail = w[:i], w[i:]
        if not _dictionary_word(tail):
            continue
        for h in (head, head[:-1] if head[-1] in "se" and len(head) > 3 else ""):
            if h and (_part_ok(h) or (depth > 1 and len(h) >= 6 and _compound_word(h, depth - 1))):
                return True
    return False


@lru_cache(maxsize=65536)
def ordinary_word(word: str) -> bool:
    """An ordinary Danish word: frequent in ``wordfreq`` as written (Zipf >= 4); an inflected
    form of a dictionary word ("Klageren", "Udgiften"); a compound of dictionary words
    ("Hjemmeplejen", "Sagsbehandlingstiden") or a prefixed one ("Påklage") - but not a word
    in a surname ending ("Damgaard", "Kirkegaard") or a first name with a genitive ("Mettes")."""
    w = word.lower()
    if len(w) < 3:
        return False
    if _zipf(w) >= 4.0:
        return True
    if w.endswith(_SURNAME_TAILS) or (w.endswith("sen") and is_surname(word.capitalize())):
        return False  # "Damgaard", "Kirkegaard", "Ebbesen" - but "Henvendelsen" is a noun
    for stem in _stems(w):
        if stem != w and stem.capitalize() in nordic_first_names():
            return False
        if stem != w and _part_ok(stem):
            return True  # "Klageren" (klager), "Udgiften" (udgift); not "Baran" (bara)
    if len(w) >= 8 and _compound_word(w):
        return True
    for pre in _PREFIXES:
        if w.startswith(pre) and len(w) - len(pre) >= 4 and _dictionary_word(w[len(pre):]):
            return True
    return False


_SURNAME_TAILS = tuple(e for e in _SURNAME_ENDINGS if e != "sen") + ("gaards", "gårds", "bo", "by", "sted", "strøm")


@lru_cache(maxsize=65536)
def _org_word(word: str) -> bool:
    w = word.lower()
    if w in _ORG_HEAD_SET:
        return True
    return any(w.endswith(s) and len(w) > len(s) + 2 for s in _ORG_SUFFIXES)


class PersonFilter:
    """One document's filter: ``keep(start, end)`` is False when the PERSON span at
    ``text[start:end]`` is not a person.  ``persons`` are all PERSON spans of the document
    (a word inside a longer span is evidence of a name)."""

    def __init__(self, text: str, persons: Iterable[tuple[int, int]] = (), rules: frozenset[str] = RULES) -> None:
        self.text = text
        self.rules = rules
        self._persons = list(persons)
        self._index: dict[str, list[int]] | None = None
        self._in_long: set[str] | None = None

    # -- document evidence ----------------------------------------------------------------
    def _occurrences(self) -> dict[str, list[int]]:
        if self._index is None:
            idx: dict[str, list[int]] = {}
            for m in _WORD.finditer(self.text):
                idx.setdefault(m.group(0).lower(), []).append(m.start())
            self._index = idx
        return self._index

    def _words_in_long_spans(self) -> set[str]:
        if self._in_long is None:
            out: set[str] = set()
            for s, e in self._persons:
                toks = _TOKEN.findall(self.text, s, e)
                if len(toks) > 1 or _INITIALS_IN.search(self.text, s, e):
                    out.update(t.lower() for t in toks)  # "Mette Hansen", "M. Hansen"
            self._in_long = out
        return self._in_long

    def _usage(self, word: str, here: int) -> tuple[bool, bool]:
        """(lower-case elsewhere, capitalised mid-sentence elsewhere) for ``word``."""
        lower = cap_mid = False
        text = self.text
        for pos in self._occurrences().get(word.lower(), ()):
            if pos == here:
                continue
            before = text[pos - 1] if pos else " "
            after = text[pos + len(word)] if pos + len(word) < len(text) else " "
            if before in "@./_-" or after in "@_" or (after == "." and text[pos + len(word) + 1: pos + len(word) + 2].isalpha()):
                continue  # inside an e-mail address or URL
            if text[pos].islower():
                lower = True
            elif not _sentence_start(text, pos):
                cap_mid = True
        return lower, cap_mid

    # -- the rules --------------------------------------------------------------------------
    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Leading ordinary words off a longer span at a sentence start ("Ansøgeren Eik Krag"
        -> "Eik Krag"), and organisation words before it ("Boligselskabet Østerlund" stays whole
        and is judged by ``verdict``)."""
        if "word" not in self.rules:
            return start, end
        toks = list(_TOKEN.finditer(self.text, start, end))
        k = 0
        while (
            k < len(toks) - 1
            and _sentence_start(self.text, toks[0].start())
            and not is_known_name(toks[k].group(0))
            and not _org_word(toks[k].group(0))
            and ordinary_word(toks[k].group(0))
        ):
            k += 1
        return (toks[k].start(), end) if k else (start, end)

    def keep(self, start: int, end: int) -> bool:
        return self.verdict(start, end) is None

    def verdict(self, start: int, end: int) -> str | None:
        """None when the span may be a person, else the rule that says it is not
        (``org``, ``place``, ``code`` or ``word``)."""
        text = self.text
        toks = list(_TOKEN.finditer(text, start, end))
        if not toks:
            return None
        words = [t.group(0) for t in toks]
        rules = self.rules
        if "org" in rules and (self._org_in(words) or _ORG_AFTER.match(text, end) or (
                (m := _CAPWORD_BEFORE.search(text, max(0, start - 40), start)) and _org_word(m.group(1)))):
            return "org"  # "Boligforeningen Lindely", "Kjærbo ApS", "Boligselskabet | Østerlund"
        span = text[start:end]
        if "place" in rules and self._place(span, words, start):
            return "place"
        if "code" in rules and any(_ABBREV_WORD.fullmatch(w) for w in words):
            return "code"  # "CVR-nr", "CPR-nr.", "SE-nr"
        if len(words) != 1:
            return None
        word = words[0]
        if "code" in rules and word.isupper() and len(word) > 1 and not is_known_name(word) and not (
                _CAPS_BEFORE.search(text, max(0, start - 40), start) or _CAPS_AFTER.match(text, end)):
            return "code"  # "DABADKKK"; not "RÓGVI GRAVGAARD" when the model only took half of it
        if "word" in rules and not self._keep_single_word(word, toks[0].start()):
            return "word"
        return None

    @staticmethod
    def _org_in(words: list[str]) -> bool:
        """A word of the span is an organisation word - except a plain one right after a known
        first name, which is a surname ("Lars Bank", "Anne Fond")."""
        for k, w in enumerate(words):
            if _org_word(w) and not (k and w.lower() in _ORG_HEAD_SET and words[k - 1] in nordic_first_names()):
                return True
        return False

    def _place(self, span: str, words: list[str], start: int) -> bool:
        if len(words) == 1 and is_known_name(words[0]):
            return False  # "Lund", "Jordan": a name first
        if span in places():
            return True
        text = self.text
        return span in _towns() or len(words) == 1 and bool(
            _POSTCODE_BEFORE.search(text, max(0, start - 6), start)  # "8000 Aarhus"
            or (_PREP_I_BEFORE.search(text, max(0, start - 3), start) and not words[0].endswith("s"))
        )  # "i Saksild"; not "i Mettes bil"

    def _keep_single_word(self, word: str, pos: int) -> bool:
        low = word.lower()
        if low in self._words_in_long_spans() or (
                low.endswith(("s", "'")) and len(low) > 3 and low[:-1] in self._words_in_long_spans()):
            return True  # "Mette" / "Mettes" after "Mette Hansen"
        known = is_known_name(word)
        if known and _zipf(word) < 4.0:
            return True
        if not known and not ordinary_word(word):
            # not (clearly) a dictionary word: only its lower-case use in the document speaks against it
            lower, cap_mid = self._usage(word, pos)
            return not lower or cap_mid
        lower, cap_mid = self._usage(word, pos)
        if cap_mid:
            return True  # the document writes it capitalised mid-sentence: a name
        if known:
            return not (lower and _sentence_start(self.text, pos))  # "Tage" ... "at tage"
        return not (_sentence_start(self.text, pos) or lower)
