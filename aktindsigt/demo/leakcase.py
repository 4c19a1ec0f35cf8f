"""Generated cases in which the same personal data is written in many ways (tests and benchmarks).

    case = write_leak_case(out_dir, documents=100, pages_per_document=3, seed=7)

Every file is a PDF laid out line by line by this module (not by a text-box helper), so the
layout is known exactly: a value may be wrapped at the end of a full line or at the bottom of
a page, a street name hyphenated at the end of a line ("Kløvermarks-" / "vej 3"), written in
capitals, in the possessive, without separators, with +45, inside an e-mail address, only in
a ``mailto:`` link target, in a URL, in a table cell beside another number, as initials and
surname, or by the first name alone.  ``case.occurrences`` lists what was written where and
in which form; the persons' values are in ``case.persons``.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from aktindsigt.core.model import EntityType
from aktindsigt.pdflib import pymupdf

FONT = "helv"
SIZE = 10.5
LEAD = 15.0
LEFT = 72.0
WIDTH = 451.0
TOP = 80.0
BOTTOM = 770.0

FILLER = (
    "Forvaltningen har gennemgået sagens oplysninger og vurderet forholdene efter de regler der gælder "
    "for området. Der er lagt vægt på familiens samlede situation og på de oplysninger som skolen og "
    "sundhedsplejen har givet. Sagsbehandleren har noteret forløbet og aftalt et nyt møde i næste måned "
    "hvor planen følges op. Godkendelsen af ansøgningen afventer en samlet vurdering af behovet og af "
    "økonomien. Det blev oplyst at aftalerne er overholdt og at der ikke er nye forhold at tage stilling "
    "til. Kommunen vil orientere om afgørelsen skriftligt og vejlede om muligheden for at klage."
).split()

SHORT_WORDS = ("det", "til", "og", "at", "i")

FORMS = ("plain", "wrap_line", "wrap_page", "hyphen", "caps", "possessive", "nosep", "plus45", "email",
         "mailto", "url", "table", "first_alone", "initials")


@dataclass
class LeakPerson:
    first: str
    last: str
    phone: str  # "37 62 01 97"
    cpr: str  # "010203-1234"
    street: str  # a compound street name ending in "vej" / "gade" (hyphenated at line ends)
    number: int
    postcode: str
    town: str
    domain: str
    middle: str = ""

    @property
    def name(self) -> str:
        return " ".join(p for p in (self.first, self.middle, self.last) if p)

    @property
    def address(self) -> str:
        return f"{self.street} {self.number}, {self.postcode} {self.town}"

    @property
    def email(self) -> str:
        return f"{_ascii(self.first)}.{_ascii(self.last)}@{self.domain}".lower()

    @property
    def digits(self) -> str:
        return self.phone.replace(" ", "")


@dataclass(frozen=True)
class Occurrence:
    file: str
    document: int  # 1-based index of the document
    person: int  # index into LeakCase.persons
    entity_type: EntityType
    form: str
    written: str  # the text as it stands in the document text (line breaks as "\n"); "" for a link target


@dataclass
class LeakCase:
    out_dir: Path
    files: list[Path] = field(default_factory=list)
    persons: list[LeakPerson] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)
    pages: int = 0


def _ascii(s: str) -> str:
    s = s.replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("Æ", "Ae").replace("Ø", "Oe")
    s = s.replace("Å", "Aa")
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def _width(text: str) -> float:
    return pymupdf.get_text_length(text, fontname=FONT, fontsize=SIZE)


class PageWriter:
    """Writes lines of words at known positions; a new page when the page is full."""

    def __init__(self) -> None:
        self.doc = pymupdf.open()
        self.page: pymupdf.Page | None = None
        self.y = TOP
        self.line: list[str] = []
        self.filler = 0
        self.new_page()

    def new_page(self) -> None:
        self.page = self.doc.new_page(width=595, height=842)
        self.y = TOP

    @property
    def pages(self) -> int:
        return self.doc.page_count

    def _lines_left(self) -> int:
        return int((BOTTOM - self.y) // LEAD) + 1

    def flush(self) -> None:
        """Write the current line and move down (to a new page at the bottom)."""
        if self.line:
            assert self.page is not None
            self.page.insert_text((LEFT, self.y), " ".join(self.line), fontname=FONT, fontsize=SIZE)
            self.line = []
            self.y += LEAD
            if self.y > BOTTOM:
                self.new_page()

    def fits(self, word: str) -> bool:
        return _width(" ".join([*self.line, word])) <= WIDTH

    def word(self, w: str) -> None:
        if not self.fits(w):
            self.flush()
        self.line.append(w)

    def words(self, text: str) -> None:
        for w in text.split():
            self.word(w)

    def fill(self, n: int) -> None:
        for _ in range(n):
            self.word(FILLER[self.filler % len(FILLER)])
            self.filler += 1

    def fill_until_full(self, tail: str) -> None:
        """Filler words until ``tail`` just fits at the end of the current line and no other word would
        (so a word after ``tail`` wraps as a typesetter would wrap it)."""
        if not self.fits(tail):
            self.flush()
        while True:
            w = FILLER[self.filler % len(FILLER)]
            if _width(" ".join([*self.line, w, tail])) <= WIDTH:
                self.line.append(w)
                self.filler += 1
                continue
            short = next((s for s in SHORT_WORDS if _width(" ".join([*self.line, s, tail])) <= WIDTH), None)
            if short is None:
                break
            self.line.append(short)

    def wrapped(self, lead: str, head: str, tail: str, page_break: bool = False) -> str:
        """``lead`` + ``head`` at the end of a full line, ``tail`` starting the next (or the next page's
        first) line; returns head + line break + tail."""
        if page_break:
            start = self.pages
            while self._lines_left() > 1 and self.pages == start:
                self.fill(1)
        self.fill_until_full(f"{lead} {head}".strip())
        self.line.extend(f"{lead} {head}".split())
        self.flush()
        self.words(tail)
        return f"{head}\n{tail}"

    def paragraph_end(self) -> None:
        self.flush()
        self.y += LEAD * 0.6
        if self.y > BOTTOM:
            self.new_page()

    def table_row(self, cells: Sequence[tuple[float, str]]) -> None:
        self.flush()
        assert self.page is not None
        for x, text in cells:
            self.page.insert_text((x, self.y), text, fontname=FONT, fontsize=SIZE)
        self.y += LEAD
        if self.y > BOTTOM:
            self.new_page()

    def link(self, visible: str, uri: str) -> None:
        """``visible`` on a line of its own with a link annotation to ``uri`` over it."""
        self.flush()
        assert self.page is not None
        self.page.insert_text((LEFT, self.y), visible, fontname=FONT, fontsize=SIZE)
        r = pymupdf.Rect(LEFT, self.y - SIZE, LEFT + _width(visible), self.y + 2)
        self.page.insert_link({"kind": pymupdf.LINK_URI, "from": r, "uri": uri})
        self.y += LEAD
        if self.y > BOTTOM:
            self.new_page()


STREET_HEADS = ["Kløvermarks", "Hyldebær", "Solsikke", "Engblomme", "Rughave", "Stendysse", "Havtorn",
                "Lærkerede", "Mølledams", "Tjørnehæk", "Bøgelunds", "Skovkant", "Vibeholm", "Egelunds"]
STREET_TAILS = ["vej", "gade", "stien", "allé"]
TOWNS = [("8000", "Aarhus C"), ("5000", "Odense C"), ("7100", "Vejle"), ("9000", "Aalborg"), ("6000", "Kolding")]
DOMAINS = ["mail.dk", "gmail.com", "hotmail.com", "outlook.dk"]


def make_persons(n: int, seed: int = 7) -> list[LeakPerson]:
    from faker import Faker

    fake = Faker("da_DK")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    out: list[LeakPerson] = []
    used: set[str] = set()
    while len(out) < n:
        first = fake.first_name()
        last = fake.last_name()
        if " " in first or "-" in first or " " in last or first in used or last in used or len(last) < 4:
            continue
        used |= {first, last}
        digits = rng.choice("2345678") + "".join(str(rng.randrange(10)) for _ in range(7))
        phone = " ".join(digits[i:i + 2] for i in range(0, 8, 2))
        cpr = f"{rng.randrange(1, 29):02d}{rng.randrange(1, 13):02d}{rng.randrange(40, 99):02d}-{rng.randrange(1000, 9999)}"
        pc, town = rng.choice(TOWNS)
        street = rng.choice(STREET_HEADS) + rng.choice(STREET_TAILS)
        out.append(LeakPerson(first, last, phone, cpr, street, rng.randrange(2, 90), pc, town, rng.choice(DOMAINS)))
    return out


def write_form(w: PageWriter, p: LeakPerson, form: str) -> list[tuple[EntityType, str]]:
    """Write one occurrence of ``p``'s data in ``form``; returns (type, written text) pairs."""
    out: list[tuple[EntityType, str]] = []
    if form == "plain":
        w.words(f"Borgeren {p.name} bor på {p.address} og kan træffes på telefon {p.phone}.")
        out += [(EntityType.PERSON, p.name), (EntityType.ADDRESS, p.address), (EntityType.PHONE, p.phone)]
    elif form in ("wrap_line", "wrap_page"):
        head, tail = p.phone[:8], p.phone[9:] + "."
        out.append((EntityType.PHONE, w.wrapped("Ring til mig på", head, tail, form == "wrap_page").rstrip(".")))
        out.append((EntityType.PERSON, w.wrapped("Det skrev", p.first, p.last, False)))
        w.words("i en besked.")
    elif form == "hyphen":
        head, tail = p.street[:-len(_tail(p.street))], _tail(p.street)
        written = w.wrapped("Familien er flyttet til", head + "-", f"{tail} {p.number}, {p.postcode} {p.town}")
        out.append((EntityType.ADDRESS, written))
        w.words("for nylig.")
    elif form == "caps":
        w.words(f"VEDRØRENDE {p.name.upper()} OG AFTALEN OM STØTTE.")
        out.append((EntityType.PERSON, p.name.upper()))
    elif form == "possessive":
        w.words(f"{p.name}s mor og {p.last}s søster deltog i mødet.")
        out += [(EntityType.PERSON, p.name + "s"), (EntityType.PERSON, p.last + "s")]
    elif form == "nosep":
        w.words(f"Mobilnummeret {p.digits} og CPR-nummeret {p.cpr.replace('-', '')} er noteret.")
        out += [(EntityType.PHONE, p.digits), (EntityType.CPR, p.cpr.replace("-", ""))]
    elif form == "plus45":
        dashed = p.digits[:4] + "-" + p.digits[4:]
        w.words(f"Ring på +45 {p.phone} eller {dashed} om formiddagen.")
        out += [(EntityType.PHONE, "+45 " + p.phone), (EntityType.PHONE, dashed)]
    elif form == "email":
        w.words(f"Svar sendes til {p.email} senest fredag.")
        out.append((EntityType.EMAIL, p.email))
    elif form == "mailto":
        w.paragraph_end()
        w.link("Skriv til familien her", f"mailto:{p.email}")
        out.append((EntityType.EMAIL, ""))
    elif form == "url":
        url = f"https://www.facebook.com/{_ascii(p.first).lower()}.{_ascii(p.last).lower()}"
        w.words(f"Opslaget står på {url} fra i går.")
        out.append((EntityType.URL, url))
    elif form == "table":
        other = "".join(str((int(c) + 3) % 10) for c in p.digits)
        other = " ".join(other[i:i + 2] for i in range(0, 8, 2))
        w.paragraph_end()
        w.table_row([(LEFT, "Mobil"), (LEFT + 70, p.phone), (LEFT + 170, "Fastnet"), (LEFT + 240, other)])
        w.table_row([(LEFT, "Arbejde"), (LEFT + 70, other), (LEFT + 170, "Sag"), (LEFT + 240, "2026-114")])
        out.append((EntityType.PHONE, p.phone))
    elif form == "first_alone":
        w.words(f"Senere på dagen ringede {p.first} igen og spurgte til mødet.")
        out.append((EntityType.PERSON, p.first))
    elif form == "initials":
        w.words(f"Notat ved {p.first[0]}. {p.last} om forløbet.")
        out.append((EntityType.PERSON, f"{p.first[0]}. {p.last}"))
    else:
        raise ValueError(form)
    w.paragraph_end()
    return out


def _tail(street: str) -> str:
    return next(t for t in STREET_TAILS if street.endswith(t))


def write_leak_case(out_dir: Path, documents: int = 100, pages_per_document: int = 3, seed: int = 7,
                    persons: int | None = None, forms: Sequence[str] = FORMS) -> LeakCase:
    """``documents`` documents of ``pages_per_document`` pages (a paragraph may run onto one more); each
    person's plain form comes first in the case, then the other forms in turn."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    people = make_persons(persons or max(4, documents // 2), seed)
    case = LeakCase(out_dir, persons=people)
    introduced: set[int] = set()
    other_forms = [f for f in forms if f != "plain"]
    for d in range(1, documents + 1):
        w = PageWriter()
        w.words(f"Notat {d} om forløbet")
        w.paragraph_end()
        name = f"notat_{d:04d}.pdf"
        k = 0
        while w.pages < pages_per_document:
            i = rng.randrange(len(people))
            form = "plain" if i not in introduced else other_forms[k % len(other_forms)]
            k += 1
            introduced.add(i)
            for et, written in write_form(w, people[i], form):
                case.occurrences.append(Occurrence(name, d, i, et, form, written))
            w.fill(rng.randrange(20, 60))
            w.paragraph_end()
        w.flush()
        path = out_dir / name
        w.doc.save(path)
        case.pages += w.doc.page_count
        w.doc.close()
        case.files.append(path)
    return case
