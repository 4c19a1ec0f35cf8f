"""The requester's own data in own-data regimes (OFL § 8, FVL § 9, GDPR art. 15).

Under these regimes nothing that is the requester's own is redacted from them (domain guide § 3):
their CPR, addresses, phones, e-mails, bank accounts and every name part the case ties to them —
the full name, the first name alone, the surname alone, initials with the surname, e-mail local
parts made from the name. Three pieces:

* ``RequesterMatcher``: ``is_own(entity_type, text)`` for one detection, ``mentions(text)`` for a
  sentence;
* ``own_data_adjust``: applied to one document's detections after the engine ran. Drops the
  requester's own identifiers; a SENSITIVE sentence is dropped when it is about the requester only
  (it names them and no one else, or the requester wrote it), kept when it names another person, and
  kept but not pre-selected when it names nobody (the caseworker decides whose it is);
* ``propose``: likely own identifiers found in the documents next to the requester's name — the block
  after "Ansøger:", a letter's signature, the "Fra:" line of an e-mail — for the caseworker to confirm.

Pure functions over texts and detections: no store, no engine.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from aktindsigt.core.model import EntityType, RequesterIdentifiers
from aktindsigt.detect.propagate import normalize

_PARTICLES = {"von", "van", "de", "la", "le", "af", "du", "da", "der", "den", "og", "i"}
_TITLES = re.compile(r"^(?:fru|hr\.?|dr\.?|frk\.?)\s+", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"(?<!\w)(?:jeg|mig|min|mit|mine|vi|os|vores)(?!\w)", re.IGNORECASE)
#: identifier types that can be the requester's own
OWN_TYPES = (EntityType.CPR, EntityType.ADDRESS, EntityType.PHONE, EntityType.EMAIL, EntityType.BANK_ACCOUNT,
             EntityType.IBAN, EntityType.PERSON)
#: RequesterIdentifiers field for each proposable type
FIELD_FOR = {EntityType.CPR: "cpr", EntityType.ADDRESS: "addresses", EntityType.PHONE: "phones",
             EntityType.EMAIL: "emails", EntityType.BANK_ACCOUNT: "accounts", EntityType.IBAN: "accounts"}
#: labels that introduce the requester's own block in a form or letter
_LABEL = re.compile(
    r"(?im)^[ \t]*(?:ansøger|ansøgers navn|borger|borgers navn|part|parten|klager|anmoder|navn|afsender|fra|"
    r"fulde navn|forælder|forældremyndighedsindehaver|pårørende|modtager|til|vedr\.?|vedrørende)[ \t]*[:.][ \t]*")
BLOCK_LINES = 6
BLOCK_CHARS = 400


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _phone(text: str) -> str:
    d = _digits(text)
    return d[-8:] if len(d) >= 8 else d


def _address(text: str) -> str:
    return re.sub(r"[^0-9a-zæøåéü]", "", normalize(text))


def _name(text: str) -> str:
    t = _TITLES.sub("", normalize(text))
    return re.sub(r"(?:'s|’s|')$", "", t).strip()


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-]+", _name(name)) if len(t) >= 2 and t not in _PARTICLES]


@dataclass
class RequesterMatcher:
    """The requester's identifiers, normalised for matching."""

    names: set[str] = field(default_factory=set)  # full names, normalised
    parts: set[str] = field(default_factory=set)  # single name parts (first names, surnames)
    initial_forms: set[str] = field(default_factory=set)  # "m. kristensen", "m kristensen"
    emails: set[str] = field(default_factory=set)
    local_parts: set[str] = field(default_factory=set)  # "mette.k", "mettek"
    cprs: set[str] = field(default_factory=set)  # 10 digits
    phones: set[str] = field(default_factory=set)  # 8 digits
    accounts: set[str] = field(default_factory=set)  # digits (reg.nr. + kontonr.) or IBAN, upper case
    addresses: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, ids: RequesterIdentifiers, requester_name: str = "") -> RequesterMatcher:
        m = cls()
        for n in [requester_name, *ids.names]:
            if not n or not n.strip():
                continue
            full = _name(n)
            if full:
                m.names.add(full)
            toks = _tokens(n)
            m.parts.update(toks)
            if len(toks) >= 2:
                m.initial_forms.add(f"{toks[0][0]}. {toks[-1]}")
                m.initial_forms.add(f"{toks[0][0]} {toks[-1]}")
        for e in ids.emails:
            e = e.strip().casefold()
            if "@" in e:
                m.emails.add(e)
                local = e.split("@", 1)[0]
                m.local_parts.add(local)
                m.local_parts.add(re.sub(r"[._\-+]", "", local))
        m.cprs.update(d for d in (_digits(c) for c in ids.cpr) if len(d) >= 8)
        m.phones.update(p for p in (_phone(x) for x in ids.phones) if len(p) >= 6)
        for a in ids.accounts:
            d = re.sub(r"[^0-9A-Za-z]", "", a).upper()
            if len(d) >= 6:
                m.accounts.add(d)
        m.addresses.update(a for a in (_address(x) for x in ids.addresses) if len(a) >= 5)
        return m

    @property
    def empty(self) -> bool:
        return not (self.names or self.emails or self.cprs or self.phones or self.accounts or self.addresses)

    # -- one detection ---------------------------------------------------------------------
    def _local_is_name(self, local: str) -> bool:
        """An e-mail local part made of the requester's name parts ("mette.kristensen", "mkristensen")."""
        pieces = [p for p in re.split(r"[._\-+0-9]+", local) if p]
        if not pieces or not self.parts:
            return False
        if all(p in self.parts for p in pieces) and len(pieces) >= 2:
            return True
        joined = "".join(pieces)
        for full in self.names:
            toks = _tokens(full)
            if len(toks) >= 2 and joined in (toks[0] + toks[-1], toks[0][0] + toks[-1], toks[0] + toks[-1][0]):
                return True
        return False

    def is_own(self, entity_type: EntityType | str, text: str) -> bool:
        """True when ``text`` (detected as ``entity_type``) is the requester's own identifier."""
        et = EntityType(entity_type)
        if et is EntityType.PERSON:
            n = _name(text)
            if n.endswith("s") and n[:-1] in self.names | self.parts:
                n = n[:-1]  # genitive: "Mettes", "Kristensens"
            if n in self.names or n in self.initial_forms:
                return True
            toks = _tokens(n)
            if toks and all(t in self.parts for t in toks):
                return True  # "Mette", "Kristensen", "Mette Kristensen-Holm" when both parts are hers
            return n in self.local_parts
        if et is EntityType.EMAIL:
            e = text.strip().casefold()
            return e in self.emails or (e.split("@", 1)[0] in self.local_parts) or self._local_is_name(
                e.split("@", 1)[0])
        if et is EntityType.CPR:
            d = _digits(text)
            return bool(d) and d in self.cprs
        if et is EntityType.PHONE:
            return _phone(text) in self.phones
        if et in (EntityType.BANK_ACCOUNT, EntityType.IBAN):
            v = re.sub(r"[^0-9A-Za-z]", "", text).upper()
            dv = _digits(v)
            return any(a == v or (len(_digits(a)) >= 6 and _digits(a) in dv) or (len(dv) >= 6 and dv in _digits(a))
                       for a in self.accounts)
        if et is EntityType.ADDRESS:
            a = _address(text)
            return bool(a) and any(a == k or (len(a) >= 6 and (a in k or k in a)) for k in self.addresses)
        return False

    # -- a sentence ---------------------------------------------------------------------------
    def mentions(self, text: str) -> bool:
        """Whether ``text`` names the requester (a full name, a name part, an initial form) or carries one of
        their numbers or e-mail addresses."""
        low = normalize(text)
        for n in self.names | self.initial_forms:
            if re.search(rf"(?<!\w){re.escape(n)}(?:s)?(?!\w)", low):
                return True
        for p in self.parts:
            # a name part as a capitalised word of the original text ("Mette", "Kristensens")
            if re.search(rf"(?<!\w){re.escape(p.capitalize())}(?:s)?(?!\w)", text):
                return True
        digits = _digits(text)
        if any(c in digits for c in self.cprs if len(c) >= 8):
            return True
        return any(e in low for e in self.emails)


def from_requester(sender: str, matcher: RequesterMatcher) -> bool:
    """Whether a document's sender line is the requester ("Mette Kristensen <mette.k@example.com>")."""
    if not sender.strip() or matcher.empty:
        return False
    for m in re.finditer(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", sender):
        if matcher.is_own(EntityType.EMAIL, m.group(0)):
            return True
    name = re.sub(r"<[^>]*>|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\"", " ", sender)
    name = " ".join(name.replace(",", " ").split())
    return bool(name) and matcher.is_own(EntityType.PERSON, name) and len(_tokens(name)) >= 2


#: a line naming who wrote a form or letter ("Ansøger: Mette Kristensen", "Afsender: ...")
_AUTHOR_LINE = re.compile(
    r"(?im)^[ \t]*(?:ansøger|ansøgers navn|klager|klagers navn|anmoder|afsender|fra|partens navn)[ \t]*:[ \t]*(.+)$")
#: the first person singular: the writer speaks ("Jeg søger ...", "min søn"); "vi" is also the municipality's
_FIRST_PERSON_SINGULAR = re.compile(r"(?<!\w)(?:jeg|mig|min|mit|mine)(?!\w)", re.IGNORECASE)


def requester_form(text: str, matcher: RequesterMatcher) -> bool:
    """Whether the document is the requester's own form or letter: a line "Ansøger: <their name>" (or
    Afsender, Fra, Klager, Anmoder, Partens navn) names them. "Til:" and "Modtager:" do not count: a letter
    to the requester is the municipality's words."""
    if matcher.empty:
        return False
    return any(from_requester(m.group(1), matcher) for m in _AUTHOR_LINE.finditer(text or ""))


def own_data_adjust(detections: Sequence[Any], matcher: RequesterMatcher, *, by_requester: bool = False,
                    form: bool = False) -> list[Any]:
    """One document's detections under an own-data regime (see the module docstring).

    ``detections`` are objects with ``entity_type``, ``start``, ``end``, ``text`` and ``preselected``
    (``detect.engine.Detection`` or ``Suggestion``); adjusted ones are copies (``dataclasses.replace``).
    ``by_requester``: the document was written or sent by the requester (their own words).
    ``form``: the document is the requester's form or letter (``requester_form``): a sentence in it written in
    the first person singular ("Jeg søger ..., fordi min søn ...") is the requester's own words."""
    if matcher.empty:
        return list(detections)
    persons = [d for d in detections if d.entity_type is EntityType.PERSON]
    out = []
    for d in detections:
        if d.entity_type in OWN_TYPES and matcher.is_own(d.entity_type, d.text):
            continue
        if d.entity_type is EntityType.SENSITIVE:
            if by_requester:
                continue  # what the requester told the municipality is theirs
            others = [p for p in persons if d.start <= p.start and p.end <= d.end
                      and not matcher.is_own(EntityType.PERSON, p.text)]
            if form and not others and _FIRST_PERSON_SINGULAR.search(d.text):
                continue  # the requester speaks in their own form and names no one else
            if others:
                out.append(d)  # about someone else too: suggested as the policy says
                continue
            if matcher.mentions(d.text):
                continue  # about the requester alone
            out.append(replace(d, preselected=False) if d.preselected else d)
            continue
        out.append(d)
    return out


@dataclass(frozen=True)
class Candidate:
    """A likely own identifier found next to the requester's name."""

    entity_type: EntityType
    value: str
    documents: tuple[int, ...]  # akt numbers (or document keys) where it was found
    count: int

    @property
    def field(self) -> str:
        return FIELD_FOR[self.entity_type]


#: a line that starts with a label ("Tlf.: ...", "Barnets CPR-nr.: ...")
_LINE_LABEL = re.compile(r"^[ \t]*([^\n:]{1,40}?)[ \t]*:[ \t]*\S")
#: labels of the requester's own details: a block goes on through them and stops at any other label
_OWN_FIELDS = re.compile(
    r"^(?:cpr(?:-nr\.?| ?nummer)?|personnummer|født|adresse|bopæl|postnr\.?(?: og by)?|by|tlf\.?|telefon(?:nummer)?|"
    r"mobil(?:nummer)?|e-?mail(?:adresse)?|mail|reg\.? ?nr\.?.*|konto.*|bankkonto|iban|nemkonto|navn)$",
    re.IGNORECASE)


def _blocks(text: str, matcher: RequesterMatcher) -> list[tuple[int, int]]:
    """Spans of ``text`` that belong to the requester: from a mention of their full name to the end of its
    paragraph, at most ``BLOCK_LINES`` lines / ``BLOCK_CHARS`` characters, and only through lines that are the
    requester's own details - a line with another label ("Til:", "Barnets CPR-nr.:") ends the block."""
    spans = []
    for n in matcher.names:
        words = n.split()
        rx = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words) + r"(?!\w)", re.IGNORECASE)
        for m in rx.finditer(text):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            end = len(text) if line_end < 0 else line_end
            lines = 0
            while end < len(text) and lines < BLOCK_LINES and end - m.start() < BLOCK_CHARS:
                nxt = text.find("\n", end + 1)
                line = text[end + 1:(nxt if nxt >= 0 else len(text))]
                if not line.strip():
                    break
                label = _LINE_LABEL.match(line)
                if label is None or not _OWN_FIELDS.match(label.group(1).strip()):
                    break
                end = nxt if nxt >= 0 else len(text)
                lines += 1
            start = line_start if _LABEL.match(text, line_start) or line_start >= m.start() - 40 else m.start()
            spans.append((start, min(end, len(text))))
    return spans


def propose(texts: Mapping[Any, str], detections: Mapping[Any, Iterable[Any]], ids: RequesterIdentifiers,
            requester_name: str, labels: Mapping[Any, int] | None = None) -> list[Candidate]:
    """Identifiers (CPR, address, phone, e-mail, bank account, IBAN) that stand in the requester's own
    blocks of the documents and are not yet among ``ids``; most frequent first.

    ``texts`` and ``detections`` are keyed by document; ``labels`` maps a key to its akt number."""
    matcher = RequesterMatcher.build(ids, requester_name)
    if not matcher.names:
        return []
    found: Counter[tuple[EntityType, str]] = Counter()
    where: dict[tuple[EntityType, str], set[int]] = {}
    shown: dict[tuple[EntityType, str], str] = {}
    for key, text in texts.items():
        blocks = _blocks(text, matcher)
        if not blocks:
            continue
        for d in detections.get(key, ()):
            et = EntityType(d.entity_type)
            if et not in FIELD_FOR or matcher.is_own(et, d.text):
                continue
            if not any(a <= d.start < b for a, b in blocks):
                continue
            norm = re.sub(r"\s+", " ", d.text.strip())
            k = (et, re.sub(r"[^0-9a-zæøå@.]", "", norm.casefold()))
            found[k] += 1
            where.setdefault(k, set()).add(labels.get(key, key) if labels is not None else key)
            shown.setdefault(k, norm)
    return [Candidate(et, shown[(et, k)], tuple(sorted(where[(et, k)])), n)
            for (et, k), n in sorted(found.items(), key=lambda item: (-item[1], item[0][0].value, item[0][1]))]


def first_person(text: str) -> bool:
    """Whether a sentence is written in the first person ("Min søn har ...")."""
    return bool(_FIRST_PERSON.search(text))


__all__ = ["Candidate", "RequesterMatcher", "first_person", "from_requester", "own_data_adjust", "propose",
           "requester_form"]
