"""Spread what is known in a case to every occurrence in every document (pure functions, no store).

    occurrences = propagate(views, known_entities)             # views: {doc: TextView | str}
    for doc, occs in propagate_iter(views, known, progress=..., cancelled=...): ...

One matcher for all values of the case (``core.matching.CaseMatcher``: one Aho–Corasick
automaton, built once per run) is run once over each document's normalised view
(``core.textview``), so a run is linear in the size of the case whatever the number of values.
What is found (``Occurrence``, offsets in the document text):

* the value itself however it is written: case, a line or page break, end-of-line hyphenation,
  a possessive (``Kjeldsens``, ``Hansen's``), a number in any grouping, a phone number with
  ``+45`` (``exact=True``: the same string; a decision on the value is applied to it as it is);
* **case-level name memory** for every person known in the case (found by the model in any
  document, or decided by the caseworker): first name + surname without the middle names, initials
  and surname (``A. M. Kjeldsen``), the first name alone, each surname alone, the name in an e-mail
  address or URL (``anne.kjeldsen@``, ``a.kjeldsen@``), the initials as an e-mail address
  (``akj@``) where the document names the person too.  A part that the case also uses as an
  ordinary word (written in lower case somewhere, like ``bager``, ``krog``, ``hans``) counts only in a
  person context: after a title (*hr.*, *fru*, *frk.*, *dr.*), a greeting (*Kære*, *Hej*), in a
  signature (*Med venlig hilsen*), or next to the person's other name parts.  Middle names and
  initials extend the span (``Anne Sofie Kjeldsen`` and ``A. Kjeldsen`` when ``Anne Kjeldsen`` is
  known).  A part shared by several known persons goes to the nearest preceding full name in the
  document (``ambiguous=True``), and counts only in documents that name one of them;
* never inside another word (``Else`` is not found in ``Godkendelse``).

Every occurrence carries the ``entity_key`` of its value (``core.matching.value_key``), so one
decision covers all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from aktindsigt.core.matching import EXACT_FORMS, NUMERIC_TYPES, CaseMatcher, Hit, fold, value_key
from aktindsigt.core.model import EntityType
from aktindsigt.core.textview import HARD, TextView, in_address

__all__ = ["NUMERIC_TYPES", "KnownEntity", "Occurrence", "entity_key", "normalize", "propagate", "propagate_iter"]


@dataclass(frozen=True, slots=True)
class KnownEntity:
    text: str
    entity_type: EntityType


@dataclass(frozen=True, slots=True)
class Occurrence:
    doc: object  # the key of the document (its index, or the mapping key given)
    start: int  # offsets in the document text
    end: int
    text: str  # the document text of the span
    entity_type: EntityType
    entity_key: str
    form: str  # full, number, name, initials, email, acronym, first, surname, street
    ambiguous: bool = False
    exact: bool = False  # the same string as the value (case, breaks, possessive, digit grouping aside)
    normalised: str = ""  # the span as the view reads it ("Mikkel Bruun" for "Mikkel\nBruun")


def normalize(text: str) -> str:
    """Case-folded, hyphenation and whitespace collapsed (how values are compared)."""
    return fold(text)


def entity_key(text: str, entity_type: EntityType) -> str:
    """The shared key of all occurrences of one entity: ``TYPE:normalised``."""
    return value_key(text, entity_type)


_TITLE_BEFORE = re.compile(
    r"(?:(?<![\w])(?:hr|herr|fru|frk|dr|mr|mrs|ms|prof|pastor|kære|kaere|hej|hejsa|dear|hi|att|v/|c/o|"
    r"mor|far|moderen|faderen|barnet|borgeren|ansøgeren|klageren|sagsbehandler|sagsbehandleren|læge|advokat|"
    # the titles of a municipality's staff and of the people around a citizen
    r"socialrådgiver|socialrådgiveren|rådgiver|pædagog|pædagogen|lærer|læreren|klasselærer|psykolog|"
    r"sygeplejerske|sundhedsplejerske|kontaktperson|støttekontaktperson|familiebehandler|jobkonsulent|"
    r"konsulent|skoleleder|afdelingsleder|leder|værge|bisidder|tolk|"
    r"venlig hilsen|mvh|vh|hilsen|underskrevet af)\.?[ ,:]*(?:\n[ ]*){0,2})$",
    re.IGNORECASE,
)
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-ZÆØÅ]\.[ ]?){1,3}[ ]?$")
_PARTIAL = frozenset({"first", "surname"})


def propagate(
    texts: Mapping[object, str | TextView] | Sequence[str | TextView], entities: Iterable[KnownEntity],
    **kwargs,
) -> list[Occurrence]:
    """Every occurrence of every known entity in every document (see the module docstring)."""
    out: list[Occurrence] = []
    for _doc, occs in propagate_iter(texts, entities, **kwargs):
        out.extend(occs)
    return out


def propagate_iter(
    texts: Mapping[object, str | TextView] | Sequence[str | TextView],
    entities: Iterable[KnownEntity],
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    matcher: CaseMatcher | None = None,
) -> Iterator[tuple[object, list[Occurrence]]]:
    """Occurrences per document, one document at a time (a caller can keep what it got so far).

    Two passes: the matcher over every document (``progress(i, n)`` after each), then the choice of
    occurrences per document (which needs to know, case-wide, which name parts are also ordinary
    words).  ``cancelled()`` is checked between documents."""
    docs = list(texts.items()) if isinstance(texts, Mapping) else list(enumerate(texts))
    if matcher is None:
        matcher = case_matcher((e.text, EntityType(e.entity_type)) for e in entities)
    if not len(matcher):
        return
    views: list[tuple[object, TextView]] = []
    all_hits: list[list[Hit]] = []
    ordinary: set[str] = set()  # folded name parts the case writes in lower case as ordinary words
    n = len(docs)
    for k, (key, t) in enumerate(docs):
        if cancelled is not None and cancelled():
            return
        view = t if isinstance(t, TextView) else TextView.build(t, soft_lines=True)
        hits = matcher.find(view)
        for h in hits:
            if h.form in _PARTIAL and view.text[h.start].islower() and not in_address(view.text, h.start, h.end):
                ordinary.add(view.folded[h.start:h.end])
        views.append((key, view))
        all_hits.append(hits)
        if progress is not None:
            progress(k + 1, n)
    for (key, view), hits in zip(views, all_hits, strict=True):
        if cancelled is not None and cancelled():
            return
        yield key, _choose(key, view, hits, matcher, ordinary)


def _token_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    a = start
    while a > 0 and not text[a - 1].isspace() and text[a - 1] not in "<(\"':;,":
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace() and text[b] not in ">)\"',;":
        b += 1
    return a, b


def dictionary_word(word: str) -> bool:
    """A form or lemma of spaCy's Danish lemma table ("liv", "nord", "hans"; not "mette", "karen")."""
    from aktindsigt.nlp.features import kind_flags  # spaCy's lookups: only for one-word capitalised values

    base = word[:-2] if word.endswith("'s") else word
    return bool(kind_flags(base) & 1)


def case_matcher(values: Iterable[tuple[str, EntityType]], *, related: bool = True) -> CaseMatcher:
    """The matcher of a case's values with the rule that a one-word value that is also a Danish word ("Liv",
    "Nord", "Rose") is not found at its lower-case use in a text with capitals ("hendes liv", "fra nord").
    The detector, the case-level check before release and the check of the saved files all build it here,
    so that what is proposed and what is demanded are the same occurrences."""
    return CaseMatcher(values, related=related, word_like=dictionary_word)


def _sentence_start(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and text[k] == " ":
        k -= 1
    return k < 0 or text[k] in ".!?:" + HARD or text[k] == "•"


def _choose(key: object, view: TextView, hits: list[Hit], m: CaseMatcher, ordinary: set[str]) -> list[Occurrence]:
    text = view.text
    values = m.values
    persons_here: set[int] = set()  # persons named in this document by a full/name/initials/email form
    full_at: dict[int, list[int]] = {}
    for h in hits:
        if h.value >= 0 and values[h.value].entity_type is EntityType.PERSON \
                and h.form in ("full", "name", "initials", "email"):
            if h.form in ("name", "initials") and not text[h.start].isupper():
                continue
            if h.form == "email" and not in_address(text, h.start, h.end):
                continue
            persons_here.add(h.value)
            full_at.setdefault(h.value, []).append(h.start)

    # capitalised first names and surnames alone, with their owners: an ordinary-word surname next to
    # its owner's first name ("Ulvhild Marie Fisker") is in a person context
    part_hits: list[tuple[int, int, frozenset[int], str]] = []
    for h in hits:
        if h.form in _PARTIAL and text[h.start].isupper() and not h.exact:
            part = view.folded[h.start:h.end]
            base = part[:-2] if part.endswith("'s") else part
            owners = m.part_owners.get(base) or m.part_owners.get(part) or m.part_owners.get(base[:-1]) or []
            if owners:
                part_hits.append((h.start, h.end, frozenset(owners), base))

    kept: list[tuple[int, int, int, str, bool, bool]] = []  # start, end, value, form, exact, ambiguous
    for h in hits:
        form = h.form
        # value -1: a first name or surname alone, its owners are resolved below
        et = EntityType.PERSON if h.value < 0 else values[h.value].entity_type
        if h.exact:
            kept.append((h.start, h.end, h.value, form, True, False))
            continue
        upper = text[h.start].isupper()
        if form in ("name", "initials", "street"):
            if upper or form == "street":
                kept.append((h.start, h.end, h.value, form, False, False))
            continue
        if form == "email":
            if in_address(text, h.start, h.end):
                kept.append((h.start, h.end, h.value, form, False, False))
            continue
        if form == "acronym":
            a, b = _token_bounds(text, h.start, h.end)
            if a == h.start and b > h.end and text[h.end] == "@" and h.value in persons_here:
                kept.append((h.start, h.end, h.value, form, False, False))
            continue
        if form not in _PARTIAL or et is not EntityType.PERSON:
            continue
        part = view.folded[h.start:h.end]
        base = part[:-2] if part.endswith("'s") else part
        cands = m.part_owners.get(base) or m.part_owners.get(part) or m.part_owners.get(base[:-1]) or []
        if not cands:
            continue
        if in_address(text, h.start, h.end):
            here = [c for c in cands if c in persons_here]
            if here:
                kept.append((h.start, h.end, here[0], "email", False, len(here) > 1))
            continue
        if not upper:
            continue
        context = bool(_TITLE_BEFORE.search(text[max(0, h.start - 40):h.start]))
        if (base in ordinary or base.rstrip("s") in ordinary) and not context:
            context = _next_to_own_part(text, h.start, h.end, set(cands), part_hits, ordinary)
        if (base in ordinary or base.rstrip("s") in ordinary) and not context:
            continue  # "Bager" / "Hans" also stand in the case as ordinary words: only in a person context
        owner = cands[0]
        ambiguous = len(cands) > 1
        if ambiguous:
            present = [c for c in cands if c in full_at]
            if not present:
                continue  # a shared part in a document that names none of its owners
            before = [(max((p for p in full_at[c] if p < h.start), default=-1), c) for c in present]
            owner = max(before)[1]
        elif owner not in persons_here and _sentence_start(text, h.start) and not context and len(base) < 3:
            continue
        if form == "first" and _another_name_after(text, h.end, m.parts.get(owner)):
            continue  # "Tirvald Jensen" is not Tirvald Okkerstrøm
        kept.append((h.start, h.end, owner, form, False, ambiguous))

    kept = _extend(text, kept, values)
    # the best non-overlapping occurrences: longest first, exact before related
    kept.sort(key=lambda c: (-(c[1] - c[0]), not c[4], c[0]))
    taken: list[tuple[int, int]] = []
    result: list[Occurrence] = []
    for s, e, i, form, exact, ambiguous in kept:
        if any(s < te and ts < e for ts, te in taken):
            continue
        taken.append((s, e))
        v = values[i]
        a, b = view.to_source(s, e)
        result.append(Occurrence(
            doc=key, start=a, end=b, text=view.source[a:b], entity_type=v.entity_type, entity_key=v.key,
            form=form, ambiguous=ambiguous, exact=exact, normalised=text[s:e],
        ))
    result.sort(key=lambda o: o.start)
    return result


_NAMES_AFTER = re.compile(r"(?:[ ]+(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][a-zæøåäöüé'-]+)){1,3}")


def _another_name_after(text: str, end: int, parts) -> bool:
    """A first name followed by names none of which is the person's own (middle names, surname): another
    person of the same first name ("Tirvald Jensen" when Tirvald Okkerstrøm is known); initials alone
    ("Tirvald B. Okkerstrøm", "Tirvald B.") do not count."""
    if parts is None:
        return False
    mt = _NAMES_AFTER.match(text, end)
    if mt is None:
        return False
    own = {*parts.middles, *parts.surnames}
    words = [fold(w).rstrip(".") for w in mt.group().split()]
    if any(w in own or (w.endswith("s") and w[:-1] in own) for w in words):
        return False
    return any(len(w) > 1 for w in words)


def _next_to_own_part(text: str, start: int, end: int, owners: set[int],
                      part_hits: list[tuple[int, int, frozenset[int], str]], ordinary: set[str]) -> bool:
    """Another name part of the same person stands right before or after [start, end), separated only
    by middle names or initials ("Ulvhild Marie Fisker", "Fisker, Ulvhild" aside), and that part is
    not itself an ordinary word of the case."""
    for s, e, who, base in part_hits:
        if not owners & who or base in ordinary or base.rstrip("s") in ordinary:
            continue
        if e <= start and start - e <= 60 and _GAP_OF_MIDDLES.fullmatch(text, e, start):
            return True
        if end <= s and s - end <= 60 and _GAP_OF_MIDDLES.fullmatch(text, end, s):
            return True
    return False


def _extend(text: str, kept: list[tuple[int, int, int, str, bool, bool]], values) -> list:
    """Middle names and initials extend a person's span: "Anne" + "Sofie" + "Kjeldsen" is one
    occurrence, and so is "J." + "Kjeldsen"."""
    persons = sorted((k for k in kept if values[k[2]].entity_type is EntityType.PERSON
                      and k[3] not in ("email", "acronym")), key=lambda k: (k[0], -k[1]))
    extra = []
    for s, e, i, form, _exact, amb in persons:
        mb = _INITIALS_BEFORE.search(text, max(0, s - 10), s)  # "J. Kjeldsen"
        if mb is not None and mb.end() == s and form != "initials":
            extra.append((mb.start(), e, i, "initials", False, amb))
    # two parts of one person separated only by middle names or initials: "Anne" ... "Kjeldsen"
    for k, a_ in enumerate(persons):
        for b_ in persons[k + 1:k + 6]:
            if b_[0] > a_[1] + 80:
                break
            if b_[2] != a_[2] or b_[0] <= a_[1]:
                continue
            if _GAP_OF_MIDDLES.fullmatch(text, a_[1], b_[0]):
                extra.append((a_[0], b_[1], a_[2], "name", False, a_[5] or b_[5]))
            break
    return kept + extra


_GAP_OF_MIDDLES = re.compile(r"(?:[ ]+(?:[A-ZÆØÅ]\.|[A-ZÆØÅ][\w'-]*)){0,3}[ ]+")


def exact_forms() -> frozenset[str]:
    return EXACT_FORMS
