"""Person names by Danish patterns (next to the NER model):

* a title or role before a capitalised name: ``fru Hansen``, ``hr. Jensen``, ``dr. Holm``,
  ``læge Mette Sørensen``;
* the name in an e-mail header line: ``Fra: Mette Hansen <mh@...>``, ``Til: ...; ...``;
* the name in a signature block after ``Med venlig hilsen`` / ``Venlig hilsen`` / ``Mvh``;
* known first names (Faker's ``da_DK`` list, MIT licence, read from the installed package)
  followed by capitalised words (``Mette Louise Hansen``), or a capitalised word followed by a
  known surname; a known first name alone gets a low score.

Capitalised words in ``resources/detect/stopwords_da.txt`` never count as name parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit
from aktindsigt.detect.resources import load_lines


@lru_cache(maxsize=65536)
def street_kind(word: str) -> str | None:
    from aktindsigt.detect.recognizers.address import street_kind as _sk

    return _sk(word)

_UC = "A-ZÆØÅÉÜÄÖ"
_LC = "a-zæøåéüäö"
_NAMEWORD = rf"(?:[{_UC}][{_LC}]+(?:-[{_UC}][{_LC}]+)?|[{_UC}]\.)"
_NAME = rf"{_NAMEWORD}(?:[ \t]+{_NAMEWORD}){{0,3}}"
_TITLE = re.compile(
    r"(?<![\w])(?i:fru|frk\.?|hr\.?|herr|dr\.?|læge|lægen|overlæge|sygeplejerske|advokat|advokaten|"
    r"psykolog|psykologen|tandlæge|jordemoder|pastor|prof\.?|professor|"
    r"moderen|faderen|mor|far|sønnen|datteren|barnet|drengen|pigen|ægtefællen|samleveren|hustruen|"
    r"manden|kæresten|værge|værgen|bisidder|bisidderen|partsrepræsentant|naboen|patienten|klienten|"
    r"borgeren|ansøger|ansøgeren|anmelder|anmelderen|sigtede|tiltalte|vidnet|forurettede|"
    r"kære|hej|att\.?|attn\.?|vedr\.?|vedrørende|c/o|ved)"
    rf"[ \t]+(?P<name>{_NAME})"
)
_HEADER = re.compile(
    r"^[ \t>]*(?:Fra|Til|Cc|Bcc|From|To|Afsender|Modtager|Sendt af|Kopi til|Navn|Fulde navn|Borger|Part|"
    r"Parten|Ansøger|Klager|Barn|Barnets navn|Mor|Far|Moder|Fader|Værge|Forælder|Ægtefælle|Samlever|"
    r"Anmelder|Patient|Elev|Lejer|Underskrift|Pårørende)[ \t]*:[ \t]*(?P<rest>[^\n]+)$",
    re.MULTILINE | re.IGNORECASE,
)
_SIGNOFF = re.compile(
    r"^[ \t]*(?:med venlig hilsen|venlig hilsen|venlige hilsner|mange hilsner|de bedste hilsner|"
    r"bedste hilsner|kærlig hilsen|hilsen|mvh\.?|vh\.?|m\.v\.h\.?)[ \t,.!]*(?P<same>[^\n]*)$",
    re.MULTILINE | re.IGNORECASE,
)
_NAME_FULL = re.compile(rf"[ \t]*(?P<name>{_NAME})")
_CAPWORD = rf"[{_UC}][{_LC}]+(?:-[{_UC}][{_LC}]+)?"
_CAP = re.compile(rf"(?=[{_UC}])(?<![\w.@/-]){_CAPWORD}(?![\w@])")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(w.lower() for w in load_lines("stopwords_da.txt"))


@lru_cache(maxsize=1)
def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, surnames) from Faker's da_DK provider."""
    try:
        from faker.providers.person.da_DK import Provider
    except Exception:
        return frozenset(), frozenset()
    first = set(Provider.first_names_male) | set(Provider.first_names_female)
    return frozenset(first), frozenset(Provider.last_names)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Lower-cased first names that are also ordinary Danish words (Bo, Mark, Rose ...)."""
    first, _ = name_lists()
    try:
        from wordfreq import zipf_frequency
    except Exception:
        return frozenset()
    return frozenset(f.lower() for f in first if zipf_frequency(f.lower(), "da") >= 4.0)


_COMPANY_AFTER = re.compile(r"[ \t]*(?:&|A/S|ApS|I/S|K/S|P/S|IVS|Holding|og Søn)")


@lru_cache(maxsize=4096)
def _is_common_word(word: str) -> bool:
    """An ordinary Danish word (capitalised at a sentence start), by wordfreq."""
    try:
        from wordfreq import zipf_frequency
    except Exception:
        return False
    return zipf_frequency(word.lower(), "da") >= 3.0


def _is_trailing_common(word: str, first: frozenset[str], last: frozenset[str]) -> bool:
    w = word.rstrip(".,")
    if w in first or w in last:
        return False
    try:
        from wordfreq import zipf_frequency
    except Exception:
        return False
    return zipf_frequency(w.lower(), "da") >= 4.5


def _sentence_start(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in ".!?:\n"


def _clean_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Drop stop-words at either end of a name span; None when nothing name-like is left."""
    words = list(re.finditer(r"\S+", text[start:end]))
    stop = stopwords()
    while words and words[-1].group(0).rstrip(".,").lower() in stop:
        words.pop()
    while words and words[0].group(0).rstrip(".,").lower() in stop:
        words.pop(0)
    if not words:
        return None
    s, e = start + words[0].start(), start + words[-1].end()
    if e - s < 2 or text[s:e].endswith(".") and e - s <= 2:
        return None
    return s, e


class DaNamePatternRecognizer(DanishRecognizer):
    ENTITY = EntityType.PERSON
    DETECTOR = "names"

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        for m in _TITLE.finditer(text):
            span = _clean_name(text, m.start("name"), m.end("name"))
            if span:
                yield span[0], span[1], 0.7
        for m in _HEADER.finditer(text):
            yield from self._header_names(text, m.start("rest"), m.end("rest"))
        for m in _SIGNOFF.finditer(text):
            if m.group("same").strip():
                nm = _NAME_FULL.match(text, m.start("same"))
                if nm:
                    span = _clean_name(text, nm.start("name"), nm.end("name"))
                    if span:
                        yield span[0], span[1], 0.7
                continue
            # the next non-empty line
            pos = m.end()
            for _ in range(2):
                if pos < len(text) and text[pos] == "\n":
                    pos += 1
                nl = text.find("\n", pos)
                line_end = nl if nl >= 0 else len(text)
                if text[pos:line_end].strip():
                    nm = _NAME_FULL.match(text, pos)
                    if nm and text[nm.end("name"):line_end].strip(" \t,.") == "" or (
                        nm and len(nm.group("name").split()) >= 2
                    ):
                        span = _clean_name(text, nm.start("name"), nm.end("name"))
                        if span:
                            yield span[0], span[1], 0.7
                    break
                pos = line_end
        yield from self._gazetteer(text)

    def _header_names(self, text: str, start: int, end: int) -> Iterator[Hit]:
        for part in re.finditer(r"[^;,]+", text[start:end]):
            s = start + part.start()
            nm = _NAME_FULL.match(text, s)
            if not nm:
                continue
            after = text[nm.end("name"): start + part.end()].strip()
            if after and not after.startswith(("<", "(", "[", "\"")):
                continue
            if any(w.lower() in stopwords() for w in nm.group("name").split()):
                continue  # "Til: Aarhus Kommune" is an organisation
            span = _clean_name(text, nm.start("name"), nm.end("name"))
            if span:
                yield span[0], span[1], 0.75

    def _gazetteer(self, text: str) -> Iterator[Hit]:
        first, last = name_lists()
        if not first:
            return
        stop = stopwords()
        common = _common_words()
        caps = [(m.start(), m.end(), m.group(0)) for m in _CAP.finditer(text)]
        i, n = 0, len(caps)
        while i < n:
            s, e, w = caps[i]
            j = i
            # extend over directly following capitalised words (same line, one space)
            while j + 1 < n and text[caps[j][1]:caps[j + 1][0]] in (" ", "\t") and caps[j + 1][2].lower() not in stop:
                j += 1
            run = caps[i : j + 1]
            while len(run) > 1 and _is_trailing_common(run[-1][2], first, last):
                run = run[:-1]
            j = i + len(run) - 1
            words = [c[2] for c in run]
            if any(street_kind(x) == "strong" for x in words):
                i = j + 1
                continue  # "Otto Bachesgade": a street, not a person
            if w in first and w.lower() not in stop:
                if len(run) > 1:
                    yield s, run[-1][1], 0.65
                elif w.lower() not in common:
                    yield s, e, 0.45
            elif len(run) > 1 and any(x in last for x in words[1:]) and w.lower() not in stop:
                if _COMPANY_AFTER.match(text, run[-1][1]):
                    pass  # "Kristiansen A/S", "Simonsen & Søn"
                elif _is_common_word(w):
                    k = next(idx for idx, x in enumerate(words) if x in last and idx > 0)
                    if k + 1 < len(run) or _sentence_start(text, s):
                        pass  # "Leverandøren Kristiansen": a common word, then a surname
                else:
                    yield s, run[-1][1], 0.55
            elif len(run) > 1 and any(x in first for x in words[1:]):
                k = next(idx for idx, x in enumerate(words) if x in first and idx > 0)
                yield run[k][0], run[-1][1], 0.6
            i = j + 1
