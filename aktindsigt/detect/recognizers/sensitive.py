"""Sensitive categories (health, social matters, crime, economy, GDPR art. 9) from a
lexicon kept as data: ``resources/detect/sensitive_da.yaml``.

A hit suggests the sentence around the term (type SENSITIVE, low score; several terms
in one sentence raise it); overlong sentences are cut to the clause around the term.
The category is in the detector name: ``sensitive:health``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit
from aktindsigt.detect.resources import load_yaml

_ENDINGS = ("", "e", "en", "er", "erne", "et", "ene", "es", "s", "ens", "ers", "ets", "ernes", "ede", "t",
            # after a final -e: "funktionsnedsættelse" -> "funktionsnedsættelsen", "-r", "-rne", "-ns"
            "n", "r", "rne", "ne", "ns", "rs", "nes", "rnes")
_SENT_END = re.compile(r"(?<=[.!?])[ \t]+(?=[A-ZÆØÅ0-9\"“])|\n[ \t]*\n|\n(?=[ \t]*(?:[-•*]|\d+\.)[ \t])|\n")
_ABBREV_BEFORE = re.compile(
    r"(?:\b(?:dr|hr|frk|ca|jf|nr|kl|mv|evt|vedr|tlf|st|pkt|stk|bl\.a|f\.eks|j\.nr|jnr|mht|inkl|ekskl|bl|"
    r"pga|iht|mob|tv|th|mf|att|ref|prof|sdr|ndr|gl|skt)|\b[A-ZÆØÅ])\.$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")
MAX_SPAN = 400
BASE = 0.4


class Lexicon:
    """Fast lookup: single words (with Danish endings) in a dict, multi-word terms by their
    first word, stems by a 3-letter prefix index, and a few raw regexes."""

    def __init__(self, data: dict) -> None:
        self.words: dict[str, str] = {}
        self.phrases: dict[str, list[tuple[re.Pattern[str], str]]] = {}
        self.stems: dict[str, list[tuple[str, str]]] = {}
        self.labels: dict[str, str] = {}
        for cat, spec in data.items():
            self.labels[cat] = spec.get("label", cat)
            for term in spec.get("terms", []):
                term = term.lower()
                parts = term.split()
                if len(parts) == 1:
                    for end in _ENDINGS:
                        self.words.setdefault(term + end, cat)
                else:
                    rx = re.compile(
                        r"\s+".join(re.escape(p) for p in parts)
                        + r"(?:" + "|".join(_ENDINGS[1:]) + r")?(?![\wæøå])",
                        re.IGNORECASE,
                    )
                    self.phrases.setdefault(parts[0], []).append((rx, cat))
            for stem in spec.get("stems", []):
                stem = stem.lower()
                self.stems.setdefault(stem[:3], []).append((stem, cat))
        self.regex = [(re.compile(r, re.IGNORECASE), cat) for r, cat in spec_regexes(data)]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        out: list[tuple[int, int, str]] = []
        words, phrases, stems = self.words, self.phrases, self.stems
        present = {w.lower() for w in set(_WORD.findall(text))}
        wanted = {w for w in present if w in words or w in phrases or (w[:3] in stems)}
        if wanted:
            rx = re.compile(
                r"(?<![\wæøå§])(?:" + "|".join(re.escape(w) for w in sorted(wanted, key=len, reverse=True))
                + r")(?![\wæøå])",
                re.IGNORECASE,
            )
            it = rx.finditer(text)
        else:
            it = iter(())
        for m in it:
            w = m.group(0).lower()
            cat = words.get(w)
            if cat is not None:
                out.append((m.start(), m.end(), cat))
                continue
            ph = phrases.get(w)
            if ph:
                for rx, c in ph:
                    pm = rx.match(text, m.start())
                    if pm:
                        out.append((pm.start(), pm.end(), c))
                        break
                else:
                    ph = None
                if ph:
                    continue
            st = stems.get(w[:3])
            if st:
                for stem, c in st:
                    if w.startswith(stem):
                        out.append((m.start(), m.end(), c))
                        break
        for rx, cat in self.regex:
            out.extend((m.start(), m.end(), cat) for m in rx.finditer(text))
        out.sort()
        return out


def spec_regexes(data: dict) -> list[tuple[str, str]]:
    return [(r, cat) for cat, spec in data.items() for r in spec.get("regex", [])]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(load_yaml("sensitive_da.yaml")["categories"])


@lru_cache(maxsize=1)
def person_refs() -> tuple[frozenset[str], re.Pattern[str] | None]:
    """(one-word references, a regex of the multi-word ones) from ``person_refs`` in the lexicon."""
    refs = [r.lower() for r in load_yaml("sensitive_da.yaml").get("person_refs") or []]
    multi = [r for r in refs if " " in r]
    rx = re.compile(r"(?<![\wæøå])(?:" + "|".join(re.escape(m) for m in multi) + r")(?![\wæøå])",
                    re.IGNORECASE) if multi else None
    return frozenset(r for r in refs if " " not in r), rx


_AMOUNT = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})*(?:,\d{1,2})?[ \t]*(?:kr\.?|kroner|DKK)(?![\wæøå])", re.IGNORECASE)
_GRANT = re.compile(r"(?<![\wæøå])(?:bevilge[rt]?|bevilling\w*|udbetal\w+|tilkend\w+|ydelse\w*)(?![\wæøå])",
                    re.IGNORECASE)
_CPR = re.compile(r"(?<!\d)[0-3]\d[01]\d\d{2}[ -]?\d{4}(?!\d)")
_TITLE_NAME = re.compile(r"(?<![\wæøå])(?:hr|fru|frk|dr|[Kk]ære|[Hh]ej)\.?[ \t]+[A-ZÆØÅ][a-zæøå]+")
_CAP_PAIR = re.compile(r"(?<![\wæøå])([A-ZÆØÅ][a-zæøåéü]+)[ \t]+(?:[A-ZÆØÅ]\.[ \t]*)?[A-ZÆØÅ][a-zæøåéü]+")
_DEFINITE = ("en", "et", "ene", "erne", "ens", "ets")


def _specific_term(term: str) -> bool:
    """A definite form ("funktionsnedsættelsen", "diagnosen") or a grant ("bevilget"): about one
    case, unlike the name of a law ("serviceloven") or an indefinite term."""
    low = term.lower()
    return low.endswith(_DEFINITE) and not low.endswith(("loven", "lovens")) or low.startswith(
        "bevilg")


def heading_like(sentence: str) -> bool:
    """A heading, a signature line or a lone term, not a sentence: fewer than three words, or up to
    six words without a sentence-ending punctuation mark ("Lægeerklæring", "Praktiserende læge",
    "Udtalelse fra egen læge", "Sygdom og fravær")."""
    words = _WORD.findall(sentence)
    if sentence.rstrip().endswith((".", "!", "?", ";")):
        return len(words) < 3
    return len(words) <= 6


def _names_a_person(text: str) -> bool:
    """Cheap evidence that ``text`` names a person: a title or greeting and a name ("fru Hansen",
    "Kære Tuperna"), a known
    first name before a capitalised word ("Poul Krag"), or a CPR number."""
    from aktindsigt.detect.recognizers.names import nordic_first_names

    if _TITLE_NAME.search(text) or _CPR.search(text):
        return True
    first = nordic_first_names()
    return any(m.group(1) in first for m in _CAP_PAIR.finditer(text))


class DaSensitiveRecognizer(DanishRecognizer):
    """A sentence with a sensitive term that is about a person: it refers to one (a pronoun, a
    person noun such as "borgeren", a name), or the document names a private person and the term is
    specific to a case (a definite form, a grant with an amount).  Headings and lone terms are not
    suggested."""

    ENTITY = EntityType.SENSITIVE
    DETECTOR = "sensitive"

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:
        hits = lexicon().find(text)
        if not hits:
            return
        refs, multi = person_refs()
        doc = getattr(nlp_artifacts, "tokens", None) if nlp_artifacts is not None else None
        per = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PER", "PERSON")] if doc is not None else []
        doc_person: bool | None = None
        bounds = sentence_bounds(text)
        for idx, items in by_sentence(bounds, hits).items():
            s, e = sentence_span(text, bounds, idx, items[0][0], items[-1][1])
            sentence = text[s:e]
            if heading_like(sentence):
                continue
            words = {w.lower() for w in _WORD.findall(sentence)}
            about = bool(words & refs) or bool(multi and multi.search(sentence)) or any(
                ps < e and s < pe for ps, pe in per) or _names_a_person(sentence)
            if not about:
                if doc_person is None:
                    doc_person = bool(per) or _names_a_person(text)
                specific = any(_specific_term(text[a:b]) for a, b, _ in items) or bool(
                    _AMOUNT.search(sentence) and _GRANT.search(sentence))
                about = doc_person and specific
            if not about:
                continue  # a general statement ("Reglerne om kontanthjælp står i aktivloven.")
            cats = sorted({c for _, _, c in items})
            score = min(0.7, BASE + 0.1 * (len(items) - 1))
            yield s, e, score, {"detector": "sensitive:" + "+".join(cats)}


def sentence_bounds(text: str) -> list[int]:
    """Start offsets of the sentences (and lines, list items) of ``text``; the first is 0."""
    bounds = [0]
    for m in _SENT_END.finditer(text):
        if text[m.start() - 1 : m.start()] == "." and _ABBREV_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "dr. Poul Erik Krag", "j.nr. 123": an abbreviation, not a sentence end
        bounds.append(m.end())
    return bounds


def by_sentence(bounds: list[int], hits: list[tuple[int, int, str]]) -> dict[int, list[tuple[int, int, str]]]:
    """Lexicon hits grouped by the index of their sentence."""
    out: dict[int, list[tuple[int, int, str]]] = {}
    for h in hits:
        out.setdefault(bisect.bisect_right(bounds, h[0]) - 1, []).append(h)
    return out


def sentence_span(text: str, bounds: list[int], idx: int, hs: int, he: int) -> tuple[int, int]:
    """The span of sentence ``idx`` without surrounding white space; an overlong sentence is cut
    to the clause around the hits at ``hs:he``."""
    s = bounds[idx]
    e = bounds[idx + 1] if idx + 1 < len(bounds) else len(text)
    if e - s > MAX_SPAN:
        s, e = _clause(text, s, e, hs, he)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _clause(text: str, s: int, e: int, hs: int, he: int) -> tuple[int, int]:
    left = max(text.rfind(",", s, hs), text.rfind(";", s, hs))
    right_c = [p for p in (text.find(",", he, e), text.find(";", he, e)) if p >= 0]
    ns = left + 1 if left >= 0 and hs - left < MAX_SPAN // 2 else max(s, hs - MAX_SPAN // 2)
    ne = min(right_c) if right_c and min(right_c) - he < MAX_SPAN // 2 else min(e, he + MAX_SPAN // 2)
    return ns, ne
