"""What must not be suggested: allowlists, the requester's own data, and a stop-list.

* **Employees acting in their job** (name, initials, title, work e-mail and phone) — public
  employees' names are not private matters; importable from CSV with columns like
  ``navn;initialer;titel;email;telefon`` (``;`` or ``,``, header names case-insensitive,
  English names accepted too).
* **Elected politicians** in office.
* **The municipality's own** names and addresses.
* **The requester's own identifiers** (``RequesterIdentifiers``) under own-data regimes
  (OFL § 8, FVL § 9, GDPR art. 15): never redacted from them — CPR, addresses, phones,
  e-mails (and e-mail local parts made from their name), bank accounts, and every name part
  (the first name alone, the surname alone, "M. Hansen"); see ``detect.requester``.  Under
  other regimes they are ignored (the requester's data is protected like anyone else's).
* **A stop-list** of words never suggested (``resources/detect/never_suggest.txt`` and
  the name stop-words ``stopwords_da.txt``).

``Allowlist`` is a callable ``(entity_type, text) -> bool`` (True: do not suggest), so it
plugs straight into ``DetectionEngine(allow=...)``; ``filter`` works on detections.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from aktindsigt.core.model import EntityType, Regime, RequesterIdentifiers
from aktindsigt.detect.propagate import entity_key, normalize
from aktindsigt.detect.requester import RequesterMatcher
from aktindsigt.detect.resources import load_lines

_COLUMNS = {
    "name": ("navn", "name", "fulde navn", "medarbejder"),
    "initials": ("initialer", "initials", "init"),
    "title": ("titel", "title", "stilling"),
    "email": ("email", "e-mail", "mail", "e-mailadresse"),
    "phone": ("telefon", "tlf", "tlf.", "phone", "telefonnummer", "mobil"),
}


@dataclass
class Employee:
    name: str
    initials: str = ""
    title: str = ""
    email: str = ""
    phone: str = ""


def _norm_name(text: str) -> str:
    t = normalize(text)
    t = re.sub(r"^(?:fru|hr\.?|dr\.?|frk\.?)\s+", "", t)
    return re.sub(r"(?:'s|’s|')$", "", t)


def _norm_address(text: str) -> str:
    return re.sub(r"[^0-9a-zæøåéü]", "", normalize(text))


def _digits(text: str, entity_type: EntityType) -> str:
    return entity_key(text, entity_type).split(":", 1)[1]


@dataclass
class Allowlist:
    names: set[str] = field(default_factory=set)  # normalised person/organisation names
    initials: set[str] = field(default_factory=set)
    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)  # 8 digits
    addresses: set[str] = field(default_factory=set)  # normalised (letters+digits)
    numbers: set[str] = field(default_factory=set)  # entity keys of CPR/bank/... values
    stop: set[str] = field(default_factory=set)
    reasons: dict[str, str] = field(default_factory=dict)
    requester: RequesterMatcher | None = None  # the requester's own data (own-data regimes only)

    # -- building -----------------------------------------------------------------------
    @classmethod
    def default(cls) -> Allowlist:
        """The shipped stop-list only."""
        a = cls()
        a.add_stopwords(load_lines("never_suggest.txt"))
        a.add_stopwords(load_lines("stopwords_da.txt"))
        return a

    def add_stopwords(self, words: Iterable[str]) -> None:
        self.stop.update(normalize(w) for w in words if w.strip())

    def add_employee(self, e: Employee) -> None:
        if e.name.strip():
            self.names.add(_norm_name(e.name))
            self.reasons.setdefault(_norm_name(e.name), "medarbejder")
        if e.initials.strip():
            self.initials.add(e.initials.strip().casefold())
        if e.email.strip():
            self.emails.add(e.email.strip().casefold())
        if e.phone.strip():
            self.phones.add(_digits(e.phone, EntityType.PHONE))

    def add_employees_csv(self, source: str | Path) -> int:
        """Import employees from a CSV file (or CSV text); returns how many were added."""
        if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and Path(source).exists()):
            raw = Path(source).read_bytes()
            for enc in ("utf-8-sig", "cp1252", "latin-1"):
                try:
                    content = raw.decode(enc)
                    break
                except UnicodeDecodeError:
                    continue
        else:
            content = str(source).lstrip("\ufeff")
        first = content.splitlines()[0] if content.strip() else ""
        delim = ";" if first.count(";") >= first.count(",") else ","
        reader = csv.DictReader(io.StringIO(content), delimiter=delim)
        cols: dict[str, str] = {}
        for field_name in reader.fieldnames or []:
            key = field_name.strip().casefold()
            for target, aliases in _COLUMNS.items():
                if key in aliases and target not in cols:
                    cols[target] = field_name
        if "name" not in cols and "email" not in cols:
            raise ValueError("CSV-filen mangler en kolonne 'navn' (eller 'email')")
        n = 0
        for row in reader:
            e = Employee(**{t: (row.get(c) or "").strip() for t, c in cols.items()})
            if e.name or e.email:
                self.add_employee(e)
                n += 1
        return n

    def add_politician(self, name: str) -> None:
        self.names.add(_norm_name(name))
        self.reasons.setdefault(_norm_name(name), "politiker")

    def add_municipality(self, names: Iterable[str] = (), addresses: Iterable[str] = (),
                         emails: Iterable[str] = (), phones: Iterable[str] = ()) -> None:
        for n in names:
            if n.strip():
                self.names.add(_norm_name(n))
                self.reasons.setdefault(_norm_name(n), "kommunen")
        for a in addresses:
            if _norm_address(a):
                self.addresses.add(_norm_address(a))
        for m in emails:
            if m.strip():
                self.emails.add(m.strip().casefold())
        for p in phones:
            digits = _digits(p, EntityType.PHONE)
            if digits:
                self.phones.add(digits)

    def add_requester(self, ids: RequesterIdentifiers, regime: Regime, requester_name: str = "") -> bool:
        """The requester's own identifiers, only under own-data regimes; returns whether added."""
        if not Regime(regime).own_data:
            return False
        self.requester = RequesterMatcher.build(ids, requester_name)
        for n in [requester_name, *ids.names]:
            if n.strip():
                self.reasons.setdefault(_norm_name(n), "anmoderen")
        return True

    # -- checking -----------------------------------------------------------------------
    def allows(self, entity_type: EntityType, text: str) -> bool:
        """True when ``text`` (a suggestion of ``entity_type``) must not be suggested."""
        et = EntityType(entity_type)
        if self.requester is not None and self.requester.is_own(et, text):
            return True
        norm = normalize(text)
        if norm in self.stop or (norm.endswith("s") and norm[:-1] in self.stop):  # genitive: Ankestyrelsens
            return True
        if et in (EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION):
            n = _norm_name(text)
            return n in self.names or (n.endswith("s") and n[:-1] in self.names) or norm in self.initials
        if et == EntityType.EMAIL:
            return norm in self.emails
        if et == EntityType.PHONE:
            return _digits(text, et) in self.phones
        if et == EntityType.ADDRESS:
            a = _norm_address(text)
            return bool(a) and any(a == k or (len(a) >= 6 and (a in k or k in a)) for k in self.addresses)
        if et in (EntityType.CPR, EntityType.BANK_ACCOUNT, EntityType.IBAN, EntityType.CARD):
            return entity_key(text, et) in self.numbers
        return False

    __call__ = allows

    def filter(self, detections: Iterable) -> list:
        """Detections (anything with ``entity_type`` and ``text``) that may be suggested."""
        return [d for d in detections if not self.allows(d.entity_type, d.text)]
