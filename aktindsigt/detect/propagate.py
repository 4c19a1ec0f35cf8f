"""Spread one decision to every occurrence of an entity in a case (pure functions, no store).

Given the texts of all documents in a case and the entities already known (text + type,
e.g. from accepted suggestions), ``propagate`` finds every other occurrence:

* case-insensitive (``HANSEN``), whitespace-insensitive (a name split by a line break),
  soft hyphenation at a line end (``Han-\\nsen``);
* possessive/genitive forms (``Mettes``, ``Hansens``, ``Hansen's``);
* for persons: initial + surname (``M. Hansen``), and the first name alone or the surname
  alone in documents where the full name occurs too;
* for numbers (CPR, phone, bank account, card, CVR, IBAN): the same digits in any grouping
  (``0102031234`` = ``010203-1234``; ``+45 22 34 56 78`` = ``22345678``).

Every occurrence carries ``entity_key`` (``entity_key(text, type)``), shared by all
occurrences of one entity, so one decision covers all of them.  Partial name forms that
fit several known persons in the same document are attributed to the nearest preceding
full name and marked ``ambiguous``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from aktindsigt.core.model import EntityType

NUMERIC_TYPES = {
    EntityType.CPR,
    EntityType.PHONE,
    EntityType.BANK_ACCOUNT,
    EntityType.CARD,
    EntityType.CVR,
    EntityType.IBAN,
}
_HYPH = r"(?:-[ \t]*\r?\n[ \t]*|\u00ad)?"  # soft hyphenation inside a word
_GAP = r"(?:[ \t]*-?[ \t]*\r?\n[ \t]*|[ \t]+)"  # between words: spaces or a line break
_GENITIVE = r"(?:'s|’s|s|'|’)?"
_WB_L = r"(?<![\w])"
_WB_R = r"(?![\w])"
_LOWER_PARTICLES = {"von", "van", "de", "la", "le", "af", "du", "da", "der", "den"}


@dataclass(frozen=True, slots=True)
class KnownEntity:
    text: str
    entity_type: EntityType


@dataclass(frozen=True, slots=True)
class Occurrence:
    doc: object  # the key of the document (its index, or the mapping key given)
    start: int
    end: int
    text: str
    entity_type: EntityType
    entity_key: str
    form: str  # "full", "genitive", "initial", "first", "surname", "number"
    ambiguous: bool = False


def normalize(text: str) -> str:
    """Case-folded, accents kept, hyphenation and whitespace collapsed."""
    t = unicodedata.normalize("NFC", text).replace("\u00ad", "")
    t = re.sub(r"-[ \t]*\r?\n[ \t]*", "", t)
    t = re.sub(r"\s+", " ", t).strip()
    return t.casefold()


def entity_key(text: str, entity_type: EntityType) -> str:
    """The shared key of all occurrences of one entity: ``TYPE:normalised``."""
    entity_type = EntityType(entity_type)
    if entity_type in NUMERIC_TYPES:
        v = re.sub(r"[^0-9A-Za-z]", "", text).upper()
        if entity_type == EntityType.PHONE:
            v = re.sub(r"^(?:\+?45|0045)(?=\d{8}$)", "", v)
        return f"{entity_type.value}:{v}"
    t = normalize(text)
    if entity_type == EntityType.PERSON:
        t = re.sub(r"(?:'s|’s|')$", "", t)
    return f"{entity_type.value}:{t}"


def _word_rx(word: str) -> str:
    return _HYPH.join(re.escape(ch) for ch in word)


def _phrase_rx(words: Sequence[str], genitive: bool) -> str:
    body = _GAP.join(_word_rx(w) for w in words)
    return _WB_L + body + (_GENITIVE if genitive else "") + _WB_R


def _number_rx(text: str, entity_type: EntityType) -> str | None:
    chars = re.sub(r"[^0-9A-Za-z]", "", text)
    if entity_type == EntityType.PHONE:
        chars = re.sub(r"^(?:\+?45|0045)(?=\d{8}$)", "", chars)
    if len(chars) < 6:
        return None
    sep = r"[ \t.\-/–]?"
    body = sep.join(re.escape(c) for c in chars)
    prefix = r"(?:(?:\(\s?\+45\s?\)|\+\s?45|0045)[ \t.-]?)?" if entity_type == EntityType.PHONE else ""
    return r"(?<![0-9A-Za-z])" + prefix + body + r"(?![0-9A-Za-z])"


def _person_parts(name: str) -> tuple[list[str], str | None, str | None]:
    words = normalize(name).split(" ")
    words = [w for w in words if w]
    if not words:
        return [], None, None
    first = words[0] if len(words) > 1 else None
    surname_words = [w for w in words[1:] if w not in _LOWER_PARTICLES]
    surname = surname_words[-1] if surname_words else None
    return words, first, surname


def propagate(
    texts: Mapping[object, str] | Sequence[str], entities: Iterable[KnownEntity]
) -> list[Occurrence]:
    """Every occurrence of every known entity in every document (see the module docstring)."""
    docs = list(texts.items()) if isinstance(texts, Mapping) else list(enumerate(texts))
    ents = list({(normalize(e.text), EntityType(e.entity_type)): e for e in entities if e.text.strip()}.values())
    out: list[Occurrence] = []
    for doc_key, text in docs:
        out.extend(_in_document(doc_key, text, ents))
    return out


def _in_document(doc_key: object, text: str, ents: list[KnownEntity]) -> list[Occurrence]:
    # candidates: (priority, start, end, entity, form)
    cands: list[tuple[int, int, int, KnownEntity, str]] = []
    persons: list[tuple[KnownEntity, str | None, str | None]] = []
    for e in ents:
        if e.entity_type in NUMERIC_TYPES:
            rx = _number_rx(e.text, e.entity_type)
            if rx:
                for m in re.finditer(rx, text, re.IGNORECASE):
                    cands.append((0, m.start(), m.end(), e, "number"))
            continue
        if e.entity_type == EntityType.PERSON:
            words, first, surname = _person_parts(e.text)
            if not words:
                continue
            for m in re.finditer(_phrase_rx(words, True), text, re.IGNORECASE):
                form = "full" if normalize(m.group(0)) == " ".join(words) else "genitive"
                cands.append((0, m.start(), m.end(), e, form))
            if first and surname:
                rx = _WB_L + re.escape(first[0]) + r"\.?" + _GAP + _word_rx(surname) + _GENITIVE + _WB_R
                for m in re.finditer(rx, text, re.IGNORECASE):
                    cands.append((1, m.start(), m.end(), e, "initial"))
            persons.append((e, first, surname))
            continue
        words = normalize(e.text).split(" ")
        for m in re.finditer(_phrase_rx(words, False), text, re.IGNORECASE):
            cands.append((0, m.start(), m.end(), e, "full"))

    # first name / surname alone, only where the full name occurs in this document
    full_positions: dict[int, list[int]] = {}
    for prio, s, _, e, _form in cands:
        if e.entity_type == EntityType.PERSON and prio == 0:
            full_positions.setdefault(id(e), []).append(s)
    partial_owner: dict[str, list[KnownEntity]] = {}
    for e, first, surname in persons:
        if id(e) not in full_positions:
            continue
        for part in {p for p in (first, surname) if p}:
            partial_owner.setdefault(part, []).append(e)
    for part, owners in partial_owner.items():
        rx = _WB_L + _word_rx(part) + _GENITIVE + _WB_R
        for m in re.finditer(rx, text, re.IGNORECASE):
            if not text[m.start()].isupper():
                continue  # "hansen" in lower case mid-sentence is rarely the name; "Mette"/"METTE" is
            owner = owners[0]
            if len(owners) > 1:
                before = [(max((p for p in full_positions[id(o)] if p < m.start()), default=-1), i)
                          for i, o in enumerate(owners)]
                owner = owners[max(before)[1]]
            _, first, _ = next(p for p in persons if p[0] is owner)
            form = "first" if part == first else "surname"
            cands.append((2, m.start(), m.end(), owner, form + ("*" if len(owners) > 1 else "")))

    # keep the best non-overlapping candidates (full before initial before partial, longer first)
    cands.sort(key=lambda c: (c[0], -(c[2] - c[1]), c[1]))
    taken: list[tuple[int, int]] = []
    result: list[Occurrence] = []
    for _prio, s, e_, ent, form in cands:
        if any(s < te and ts < e_ for ts, te in taken):
            continue
        taken.append((s, e_))
        ambiguous = form.endswith("*")
        result.append(
            Occurrence(
                doc=doc_key,
                start=s,
                end=e_,
                text=text[s:e_],
                entity_type=ent.entity_type,
                entity_key=entity_key(ent.text, ent.entity_type),
                form=form.rstrip("*"),
                ambiguous=ambiguous,
            )
        )
    result.sort(key=lambda o: o.start)
    return result
