"""PERSON / LOCATION / ORGANIZATION from the spaCy model's entities (PER, LOC, ORG; MISC ignored).

A PERSON's score is the model's calibrated probability (``aktindsigt.nlp.verifier``) when the
model has a verifier, else a fixed 0.8.

Reads the entities already computed in ``NlpArtifacts`` (one spaCy pass per document):
no re-parsing.  Spans are trimmed of surrounding punctuation and a trailing genitive
apostrophe; person names spanning a line break are kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from presidio_analyzer.nlp_engine import NlpArtifacts

from aktindsigt.core.model import EntityType
from aktindsigt.detect.recognizers.base import DanishRecognizer, Hit
from aktindsigt.detect.recognizers.names import (
    _COMPANY_AFTER,
    _ORG_WORDS,
    _SURNAME_ENDINGS,
    _sentence_start,
    _zipf,
    is_surname,
    nordic_first_names,
    stopwords,
)
from aktindsigt.nlp.verifier import per_scores

#: model label -> our entity type (MISC and anything else unknown is ignored)
LABEL_MAP: dict[str, EntityType] = {
    "PER": EntityType.PERSON,
    "PERSON": EntityType.PERSON,
    "LOC": EntityType.LOCATION,
    "LOCATION": EntityType.LOCATION,
    "GPE": EntityType.LOCATION,
    "ORG": EntityType.ORGANIZATION,
    "ORGANIZATION": EntityType.ORGANIZATION,
}
_TOKEN = re.compile(r"[^\W\d_][\w'’-]*")


def _namey(word: str) -> bool:
    """Could be (part of) a person name: a known name, a surname-like word, or not an ordinary word."""
    if word.isupper() and len(word) > 1:
        if len(word) <= 5 and word.capitalize() not in nordic_first_names() and not is_surname(word.capitalize()):
            return False  # an acronym: ADHD, KOL, SKAT
        word = word.capitalize()  # METTE HANSEN
    from aktindsigt.detect.person_filter import ordinary_word

    return (
        word in nordic_first_names()
        or is_surname(word)
        or (word[:1].isupper() and word.endswith(_SURNAME_ENDINGS) and not word.endswith("sen"))
        or (_zipf(word) < 3.5 and not ordinary_word(word))
    )


def _acronym(word: str) -> bool:
    return word.isupper() and len(word) <= 5 and not (
        word.capitalize() in nordic_first_names() or is_surname(word.capitalize()))


def _lead_part(word: str) -> bool:
    """A capitalised word in front of a name word that belongs to the name ("Cornelius Kleist"),
    unlike an ordinary word ("Kontakt Solvej Vad") or an acronym."""
    from aktindsigt.detect.person_filter import ordinary_word

    return word[:1].isupper() and not _acronym(word) and not ordinary_word(word) and word.lower() not in stopwords()


def _tail_part(word: str) -> bool:
    """A capitalised word after a name word: a surname even when it is also a word ("Nivi
    Skriver", "Minh Bjerre"); not an acronym ("Yasmins ADHD") or a stop-word."""
    return word[:1].isupper() and not _acronym(word) and word.lower() not in stopwords()


#: a PERSON the model's verifier is this sure of needs no word that looks like a name by the lists ("Cornelius
#: Krog Krogs": every word is frequent in wordfreq or an ordinary word, and the span is still a person)
SURE_PERSON = 0.8


def plausible_person(text: str, start: int, end: int, score: float = 0.0) -> tuple[int, int] | None:
    """Clean a PERSON span from the model: drop it when it is an organisation ("Lauridsen &
    Søn A/S", "Kontakt Borgerservice"), a lower-case word ("e-mail") or only ordinary words
    ("Mobil", "Afgørelsen"); trim ordinary words in front ("Kontakt Mette Hansen"). ``score``: the
    verifier's probability; from ``SURE_PERSON`` on, two or more capitalised words need no name-like word."""
    toks = list(_TOKEN.finditer(text, start, end))
    if not toks:
        return None
    span = text[start:end]
    if _DIGIT_OR_COMPANY.search(span) or _COMPANY_AFTER.match(text, end):
        return None  # "IBAN DK47", "Møller A/S", "Vestergade 12"
    if any(t.group(0).lower() in _ORG_WORDS for t in toks):
        return None
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before and before.group(1).lower().endswith(_ORG_HEADS):
        return None  # "Boligselskabet Nordbo", "Firmaet Hansen"
    lower_text = False
    if not any(t.group(0)[0].isupper() for t in toks):
        if not lower_case_context(text, start, end):
            return None  # "e-mail", "mobil": a lower-case word in ordinary text is no name
        lower_text = True  # a text written without capitals ("hej signe, ..."): judge the words capitalised
    elif all(t.group(0).isupper() for t in toks) and upper_case_context(text, start, end):
        lower_text = True  # a text in capitals (a scanned form): "KROG" is no acronym there
    namey = [_namey(t.group(0).capitalize() if lower_text else t.group(0)) and (
        lower_text or t.group(0)[0].isupper()) for t in toks]
    if not any(namey):
        from aktindsigt.detect.person_filter import ordinary_word

        words = [t.group(0) for t in toks]
        if not (score >= SURE_PERSON and len(words) >= 2 and all(_title_cased(w) for w in words)
                and not ordinary_word(words[0])):  # "Med Venlig Hilsen", "Venlig Hilsen" are no names
            return None
        namey = [True] * len(toks)
    first = namey.index(True)
    last = len(namey) - 1 - namey[::-1].index(True)
    def word(k: int) -> str:
        w = toks[k].group(0)
        return w.capitalize() if lower_text else w

    while first > 0 and _lead_part(word(first - 1)):
        first -= 1
    while last < len(toks) - 1 and _tail_part(word(last + 1)):
        last += 1
    if last < len(toks) - 1:
        end = toks[last].end()  # "Yasmins ADHD" -> "Yasmins"
    word = toks[0].group(0)
    if (  # a lone unknown capitalised word at a sentence start is weak evidence
        len(toks) == 1
        and word not in nordic_first_names()
        and not is_surname(word)
        and _sentence_start(text, start)
        and _zipf(word) >= 2.5
    ):
        return None
    return toks[first].start(), end


def _title_cased(word: str) -> bool:
    """"Krog", "Hald-Nielsen", "Krogs"; not "KROG", "krog", "McDonald"."""
    return all(p[:1].isupper() and (len(p) == 1 or p[1:].islower()) for p in word.split("-"))


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")
_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")


def upper_case_context(text: str, start: int, end: int, window: int = 400) -> bool:
    """The text around ``start:end`` is written in capitals: 90 % of its words or more."""
    words = _ALPHA_WORD.findall(text, max(0, start - window), min(len(text), end + window))
    return len(words) >= 8 and sum(1 for w in words if w.isupper()) >= 0.9 * len(words)


def lower_case_context(text: str, start: int, end: int, window: int = 400) -> bool:
    """The text around ``start:end`` is written without capitals (an informal e-mail in lower case):
    fewer than 2 % of its words start with a capital letter."""
    words = _ALPHA_WORD.findall(text, max(0, start - window), min(len(text), end + window))
    return len(words) >= 8 and sum(1 for w in words if w[0].isupper()) <= 0.02 * len(words)
_ORG_HEADS = ("selskabet", "foreningen", "firmaet", "virksomheden", "kæden", "butikken", "fonden",
              "koncernen", "forlaget", "restauranten", "institutionen", "børnehaven", "vuggestuen",
              "skolen", "klubben", "bofællesskabet", "organisationen", "partiet", "avisen")
_DIGIT_OR_COMPANY = re.compile(r"\d|\b(?:A/S|ApS|I/S|K/S|P/S|IVS|a/s|aps)\b")


SCORES = {EntityType.PERSON: 0.8, EntityType.LOCATION: 0.6, EntityType.ORGANIZATION: 0.6}
_TRIM = " \t\n\r.,;:!?\"'()[]{}<>«»“”‘’-–"


class DaNerRecognizer(DanishRecognizer):
    ENTITY = EntityType.PERSON
    DETECTOR = "ner"

    def __init__(self) -> None:
        super().__init__()
        self.supported_entities = [
            EntityType.PERSON.value,
            EntityType.LOCATION.value,
            EntityType.ORGANIZATION.value,
        ]

    def analyze(self, text, entities=None, nlp_artifacts: NlpArtifacts | None = None):
        from presidio_analyzer import RecognizerResult

        out = []
        for start, end, score, etype in self._find(text, nlp_artifacts):
            if entities and etype.value not in entities:
                continue
            out.append(
                RecognizerResult(
                    etype.value,
                    start,
                    end,
                    score,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self.DETECTOR,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return out

    def _find(self, text: str, nlp_artifacts: NlpArtifacts | None) -> Iterator[tuple[int, int, float, EntityType]]:
        if nlp_artifacts is None:
            return
        doc = nlp_artifacts.tokens
        ents = doc.ents if doc is not None else nlp_artifacts.entities
        calibrated = per_scores(doc) if doc is not None else {}
        for ent in ents:
            etype = LABEL_MAP.get(ent.label_)
            if etype is None:
                continue
            start, end = ent.start_char, ent.end_char
            while start < end and text[start] in _TRIM:
                start += 1
            while end > start and text[end - 1] in _TRIM:
                end -= 1
            if end - start < 2:
                continue
            score = SCORES[etype]
            if etype == EntityType.PERSON:
                p = calibrated.get((ent.start_char, ent.end_char))
                if p is not None:  # the model's verifier: how often such a span is a person
                    score = round(min(0.95, max(0.3, p)), 3)
                span = plausible_person(text, start, end, p or 0.0)
                if span is None:
                    continue
                start, end = span
            yield start, end, score, etype

    def find(self, text: str, nlp_artifacts=None) -> Iterator[Hit]:  # pragma: no cover - unused
        for start, end, score, _ in self._find(text, nlp_artifacts):
            yield start, end, score
