"""The synthetic demo case: ~20 documents of every supported format with known personal data.

``generate_demo_case(out_dir, seed)`` writes the files and returns a ``DemoCase``
with the case metadata to create and the ground truth: for each file, the
personal-data strings it contains and their type. The same seed gives the same
people, texts and ground truth. Everything is synthetic (Faker ``da_DK``).

Used by ``aktindsigt demo`` and by the tests (and the detection benchmark).
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from faker import Faker

from aktindsigt.core.model import Case, EntityType, Regime, RequesterIdentifiers, RequesterType
from aktindsigt.demo import writers

MANIFEST_NAME = ".facit.json"  # the ground truth, next to the files
MUNICIPALITY = "Fjordby Kommune"
DOMAIN = "fjordby.dk"
DEPARTMENT = "Børn og Familie, Handicapteamet"
LETTERHEAD = f"{MUNICIPALITY} · {DEPARTMENT} · Rådhustorvet 1 · 7190 Fjordby · www.{DOMAIN}"

# real postcode/town pairs, so addresses look right
TOWNS = [
    ("8000", "Aarhus C"), ("5000", "Odense C"), ("7100", "Vejle"), ("9000", "Aalborg"),
    ("2200", "København N"), ("4000", "Roskilde"), ("6000", "Kolding"), ("8700", "Horsens"),
    ("7400", "Herning"), ("8600", "Silkeborg"), ("7000", "Fredericia"), ("6700", "Esbjerg"),
    ("4700", "Næstved"), ("3400", "Hillerød"), ("8800", "Viborg"), ("5700", "Svendborg"),
]
FLOORS = ["", "", "", ", st. tv.", ", 1. th.", ", 2. tv.", ", 3. mf."]
MAIL_DOMAINS = ["mail.dk", "gmail.com", "hotmail.com", "outlook.dk", "live.dk", "jubii.dk"]
BANK_REGS = ["1551", "2191", "3409", "5301", "6818", "7321", "9570", "0400"]
DANISH_MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
                 "oktober", "november", "december"]


@dataclass(frozen=True)
class Entity:
    text: str
    type: EntityType

    def to_json(self) -> dict:
        return {"text": self.text, "type": self.type.value}


@dataclass
class Person:
    name: str
    role: str
    cpr: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    bank_account: str = ""

    @property
    def first(self) -> str:
        return self.name.split()[0]

    @property
    def mailbox(self) -> str:
        return f"{self.name} <{self.email}>"

    def entities(self) -> list[Entity]:
        out = [Entity(self.name, EntityType.PERSON)]
        for value, kind in ((self.cpr, EntityType.CPR), (self.address, EntityType.ADDRESS),
                            (self.phone, EntityType.PHONE), (self.email, EntityType.EMAIL),
                            (self.bank_account, EntityType.BANK_ACCOUNT)):
            if value:
                out.append(Entity(value, kind))
        return out


@dataclass
class DemoFile:
    path: Path
    format: str  # pdf, scanned-pdf, docx, eml, msg, image, text, html
    title: str
    description: str
    # personal data anywhere in the file (incl. attachments): each string once; a lone first or
    # last name is listed when it also occurs outside the full name
    entities: list[Entity] = field(default_factory=list)
    ocr: bool = False  # text only through OCR: strings may be recognised imperfectly
    attachments: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class DemoCase:
    out_dir: Path
    seed: int
    title: str
    requester_name: str
    regime: Regime
    received: date
    kle_subject: str
    kle_facet: str
    case_number: str
    requester_type: RequesterType
    channel: str
    request_text: str
    scope: str
    caseworker: str
    underlying_cases: list[str]
    files: list[DemoFile]
    people: list[Person]

    @property
    def paths(self) -> list[Path]:
        return [f.path for f in self.files]

    @property
    def ground_truth(self) -> dict[str, list[Entity]]:
        """File name → personal-data strings with their type."""
        return {f.name: list(f.entities) for f in self.files}

    @property
    def case(self) -> dict:
        """The case to create, as plain values (what ``services.create_demo_case`` passes on)."""
        return {
            "title": self.title,
            "requester_name": self.requester_name,
            "regime": self.regime.value,
            "received": self.received,
            "requester_type": self.requester_type.value,
            "kle_subject": self.kle_subject,
            "kle_facet": self.kle_facet,
            "case_number": self.case_number,
            "channel": self.channel,
            "request_text": self.request_text,
            "scope": self.scope,
            "caseworker": self.caseworker,
            "underlying_cases": list(self.underlying_cases),
        }

    def to_case(self) -> Case:
        """The case to create for this demo (a ``core.model.Case``)."""
        return Case(
            title=self.title,
            requester_name=self.requester_name,
            regime=self.regime,
            received=self.received,
            case_number=self.case_number,
            requester_type=self.requester_type,
            channel=self.channel,
            request_text=self.request_text,
            scope=self.scope,
            kle_subject=self.kle_subject,
            kle_facet=self.kle_facet,
            underlying_cases=list(self.underlying_cases),
            requester_identifiers=RequesterIdentifiers(),
            caseworker=self.caseworker,
        )

    def manifest(self) -> dict:
        return {
            "seed": self.seed,
            "case": {
                "title": self.title, "requester_name": self.requester_name, "regime": self.regime.value,
                "received": self.received.isoformat(), "kle_subject": self.kle_subject,
                "kle_facet": self.kle_facet, "case_number": self.case_number,
                "requester_type": self.requester_type.value, "channel": self.channel,
                "request_text": self.request_text, "scope": self.scope, "caseworker": self.caseworker,
                "underlying_cases": self.underlying_cases,
            },
            "files": [
                {"name": f.name, "format": f.format, "title": f.title, "description": f.description,
                 "ocr": f.ocr, "attachments": f.attachments, "entities": [e.to_json() for e in f.entities]}
                for f in self.files
            ],
            "people": [asdict(p) for p in self.people],
        }


# ------------------------------------------------------------------ the people


def _ascii(s: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})
    return "".join(c for c in s.lower().translate(table) if c.isalnum() or c in ".-")


class _People:
    def __init__(self, seed: int) -> None:
        self.fake = Faker("da_DK")
        self.fake.seed_instance(seed)
        self.rng = random.Random(seed)
        self.used: set[str] = set()

    def name(self, female: bool | None = None, last: str | None = None, middle: bool = False) -> str:
        for _ in range(100):
            if female is None:
                female = self.rng.random() < 0.5
            first = self.fake.first_name_female() if female else self.fake.first_name_male()
            surname = last or self.fake.last_name()
            parts = [first]
            if middle:
                parts.append(self.fake.first_name_female() if female else self.fake.first_name_male())
            parts.append(surname)
            full = " ".join(parts)
            if full not in self.used and " " not in first and "-" not in first:
                self.used.add(full)
                return full
        raise RuntimeError("could not make a unique name")

    def cpr(self, born: date, female: bool) -> str:
        # 7th digit 0-3 for births 1900-1999 and 4 (with year 00-36) / 9 for 2000-2036; last digit odd = male
        first = self.rng.choice("49") if born.year >= 2000 else self.rng.choice("0123")
        mid = f"{self.rng.randrange(100):02d}"
        last = self.rng.choice("02468" if female else "13579")
        return f"{born:%d%m%y}-{first}{mid}{last}"

    def birthdate(self, min_age: int, max_age: int, today: date) -> date:
        days = self.rng.randrange(min_age * 365, max_age * 365)
        return today - timedelta(days=days)

    def address(self) -> str:
        street = self.fake.street_name()
        number = self.rng.randrange(1, 160)
        letter = self.rng.choice(["", "", "", "A", "B"])
        postcode, town = self.rng.choice(TOWNS)
        return f"{street} {number}{letter}{self.rng.choice(FLOORS)}, {postcode} {town}"

    def phone(self) -> str:
        first = self.rng.choice("2345678")
        digits = first + "".join(str(self.rng.randrange(10)) for _ in range(7))
        return " ".join(digits[i:i + 2] for i in range(0, 8, 2))

    def email(self, name: str, domain: str | None = None) -> str:
        parts = name.split()
        local = _ascii(parts[0] + "." + parts[-1]) if self.rng.random() < 0.7 else _ascii(parts[0]) + str(
            self.rng.randrange(10, 99))
        return f"{local}@{domain or self.rng.choice(MAIL_DOMAINS)}"

    def bank_account(self) -> str:
        reg = self.rng.choice(BANK_REGS)
        acct = "".join(str(self.rng.randrange(10)) for _ in range(10))
        return f"{reg}-{acct}"


def _dk_date(d: date) -> str:
    return f"{d.day}. {DANISH_MONTHS[d.month - 1]} {d.year}"


def _kr(amount: int) -> str:
    return f"{amount:,}".replace(",", ".") + " kr."


def _dt(d: date, hour: int, minute: int) -> datetime:
    return datetime(d.year, d.month, d.day, hour, minute, tzinfo=UTC)


# --------------------------------------------------------------- the case files


def generate_demo_case(out_dir: Path, seed: int = 1234, today: date | None = None) -> DemoCase:
    """Write the demo case's files into ``out_dir`` and return its description and ground truth.

    ``today`` is the day the request arrives (the case's received date; the documents are
    dated before it); without it a fixed day in early 2026 derived from ``seed``.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    P = _People(seed)
    rng = P.rng
    fixed = date(2026, 2, 1) + timedelta(days=rng.randrange(0, 60))  # drawn always: same names either way
    today = today or fixed

    mother_f = True
    mother = Person(P.name(female=mother_f, middle=rng.random() < 0.5), "borger (mor)")
    family_name = mother.name.split()[-1]
    mother.cpr = P.cpr(P.birthdate(28, 45, today), mother_f)
    mother.address = P.address()
    mother.phone = P.phone()
    mother.email = P.email(mother.name)
    mother.bank_account = P.bank_account()
    father = Person(P.name(female=False, last=family_name), "far")
    father.cpr = P.cpr(P.birthdate(30, 50, today), False)
    father.phone = P.phone()
    child_female = rng.random() < 0.5
    child_born = P.birthdate(6, 12, today)
    child = Person(P.name(female=child_female, last=family_name), "barn")
    child.cpr = P.cpr(child_born, child_female)
    aunt = Person(P.name(female=True), "moster")
    aunt.phone = P.phone()
    aunt.email = P.email(aunt.name)
    doctor = Person(P.name(), "praktiserende læge")
    doctor.phone = P.phone()
    caseworker = Person(P.name(), "sagsbehandler")
    caseworker.phone = P.phone()
    caseworker.email = P.email(caseworker.name, DOMAIN)
    leader = Person(P.name(), "teamleder")
    leader.email = P.email(leader.name, DOMAIN)
    teacher = Person(P.name(), "klasselærer")
    teacher.email = P.email(teacher.name, "skole." + DOMAIN)
    neighbour = Person(P.name(), "nabo")
    neighbour.address = P.address()
    journalist = Person(P.name(), "journalist (anmoder)")
    journalist.email = P.email(journalist.name, "fjordbyposten.dk")
    people = [mother, father, child, aunt, doctor, caseworker, leader, teacher, neighbour, journalist]

    case_no = f"27.24.00-G01-{rng.randrange(10, 99)}-{today.year % 100:02d}"
    d0 = today - timedelta(days=150)  # the underlying case starts here

    def day(n: int) -> date:
        return d0 + timedelta(days=n)

    m, c, f_, cw = mother, child, father, caseworker
    diagnosis = rng.choice(["ADHD og autismespektrumforstyrrelse", "type 1-diabetes", "svær astma og eksem",
                            "cerebral parese (spastisk hemiplegi)"])
    amount = rng.randrange(18, 60) * 500

    files: list[DemoFile] = []
    texts: dict[str, list[str]] = {}

    def add(path: Path, fmt: str, title: str, description: str, content: list[str], ocr: bool = False,
            attachments: list[str] | None = None) -> None:
        files.append(DemoFile(path, fmt, title, description, ocr=ocr, attachments=attachments or []))
        texts[path.name] = content

    def signature(p: Person) -> list[str]:
        lines = ["Med venlig hilsen", "", p.name, p.role.capitalize(), DEPARTMENT]
        if p.phone:
            lines.append(f"Direkte telefon: {p.phone}")
        if p.email:
            lines.append(f"E-mail: {p.email}")
        return ["\n".join(lines)]

    # 01 — the application, by e-mail, with the doctor's statement attached (.eml)
    statement_paras = [
        f"Vedrørende: {c.name}, CPR-nr. {c.cpr}",
        f"Adresse: {m.address}",
        f"Jeg har fulgt {c.first} i almen praksis siden fødslen. {c.first} har {diagnosis}, hvilket "
        "medfører betydelige og varige følger i hverdagen, herunder behov for tæt voksenstøtte, "
        "særlig kost og hyppige kontroller på børneafdelingen.",
        "Efter min vurdering er der tale om en varig og indgribende funktionsnedsættelse, og familien "
        "har nødvendige merudgifter som følge heraf.",
        f"Moderen, {m.name}, kan kontaktes på telefon {m.phone}.",
        "\n".join([f"{doctor.name}", "Praktiserende læge", f"Telefon {doctor.phone}"]),
    ]
    statement_pdf = writers.write_text_pdf(out_dir / "_laegeerklaering_bilag.pdf", "Lægeerklæring",
                                           statement_paras, letterhead="Lægehuset ved Åen · Ydernummer 012345",
                                           date=_dt(day(0), 8, 0))
    statement_bytes = statement_pdf.read_bytes()
    statement_pdf.unlink()
    body01 = (
        f"Kære {MUNICIPALITY}\n\n"
        f"Jeg vil gerne søge om dækning af merudgifter efter servicelovens § 41 til min "
        f"{'datter' if child_female else 'søn'} {c.name} (CPR {c.cpr}).\n\n"
        f"{c.first} har {diagnosis}, og vi har mange ekstra udgifter til kørsel, medicin og særlig kost. "
        f"Vi har opgjort udgifterne til ca. {_kr(amount)} om året.\n\n"
        f"Vi bor på {m.address}. I kan ringe til mig på {m.phone} eller til min mand {f_.name} på "
        f"{f_.phone}. Udbetaling kan ske til min konto {m.bank_account}.\n\n"
        f"Lægeerklæringen fra vores egen læge er vedhæftet.\n\n"
        f"Venlig hilsen\n{m.name}\nCPR {m.cpr}"
    )
    p = writers.write_eml(out_dir / "01 Ansøgning om merudgifter.eml", m.mailbox, f"Borgerservice <post@{DOMAIN}>",
                          f"Ansøgning om merudgifter til {c.first}", body01,
                          attachments=[("Lægeerklæring.pdf", statement_bytes)], date=_dt(day(0), 9, 41))
    add(p, "eml", f"Ansøgning om merudgifter til {c.first}", "Indgående ansøgning pr. e-mail med lægeerklæring",
        [m.mailbox, body01, *statement_paras], attachments=["Lægeerklæring.pdf"])

    # 02 — receipt letter (text PDF)
    paras02 = [
        f"{m.name}\n{m.address}",
        f"Dato: {_dk_date(day(2))}\nSagsnr.: {case_no}",
        f"Kære {m.name}",
        f"Vi har den {_dk_date(day(0))} modtaget din ansøgning om dækning af nødvendige merudgifter "
        f"efter servicelovens § 41 vedrørende {c.name}, CPR-nr. {c.cpr}.",
        "Vi forventer at kunne træffe afgørelse inden for 12 uger. Hvis vi har brug for yderligere "
        "oplysninger, kontakter vi dig. Du kan altid se din sag i Digital Post.",
        *signature(cw),
    ]
    p = writers.write_text_pdf(out_dir / "02 Kvittering for modtagelse.pdf", "Kvittering for modtagelse af ansøgning",
                               paras02, letterhead=LETTERHEAD, date=_dt(day(2), 10, 0), author=cw.name)
    add(p, "pdf", "Kvittering for modtagelse af ansøgning", "Udgående kvitteringsbrev", paras02)

    # 03 — doctor's statement as its own file (text PDF)
    p = writers.write_text_pdf(out_dir / "03 Lægeerklæring.pdf", "Lægeerklæring", statement_paras,
                               letterhead="Lægehuset ved Åen · Ydernummer 012345", date=_dt(day(0), 8, 0),
                               author=doctor.name)
    add(p, "pdf", "Lægeerklæring", "Lægeerklæring fra egen læge", statement_paras)

    # 04 — journal note, telephone conversation (text PDF)
    paras04 = [
        f"Sagsnr.: {case_no}\nDato: {_dk_date(day(9))}\nSagsbehandler: {cw.name}",
        f"Telefonsamtale med {m.name} ({m.phone}).",
        f"{m.first} fortalte, at {c.first} i perioden har haft flere indlæggelser, og at familien har "
        f"svært ved at få hverdagen til at hænge sammen. Faderen, {f_.name}, CPR-nr. {f_.cpr}, arbejder "
        "på skiftehold og kan kun i begrænset omfang deltage i kørsel til behandling.",
        f"Moster {aunt.name} hjælper familien to gange om ugen. Hun kan kontaktes på {aunt.phone}.",
        f"Det blev aftalt, at sagsbehandler indhenter udtalelse fra skolen og aflægger hjemmebesøg på "
        f"{m.address}.",
        f"Notat skrevet af {cw.name}",
    ]
    p = writers.write_text_pdf(out_dir / "04 Journalnotat telefonsamtale.pdf", "Journalnotat: telefonsamtale",
                               paras04, letterhead=LETTERHEAD, date=_dt(day(9), 13, 5), author=cw.name)
    add(p, "pdf", "Journalnotat: telefonsamtale", "Internt journalnotat", paras04)

    # 05 — journal note from the home visit (DOCX with a tracked change)
    paras05 = [
        f"Hjemmebesøg hos familien {family_name}, {m.address}, den {_dk_date(day(16))}.",
        f"Til stede: {m.name}, {f_.name}, {c.name} og sagsbehandler {cw.name}.",
        f"{c.first} har eget værelse, som er indrettet med de hjælpemidler, som {c.first} har brug for. "
        "Forældrene beskrev en hverdag med mange aftaler på hospitalet og udgifter til parkering og kørsel.",
        f"Forældrene oplyste, at naboen {neighbour.name}, {neighbour.address}, ofte passer {c.first}, "
        "når de begge arbejder.",
        "Det blev aftalt, at forældrene indsender dokumentation for udgifterne.",
    ]
    p = writers.write_docx(out_dir / "05 Notat om hjemmebesøg.docx", "Notat om hjemmebesøg", paras05,
                           tracked_change=True, author=cw.name, date=_dt(day(16), 15, 0))
    add(p, "docx", "Notat om hjemmebesøg", "Notat (Word) med registrerede ændringer", paras05)

    # 06 — statement from the school (DOCX with a comment and a table)
    paras06 = [
        f"Udtalelse vedrørende {c.name}, CPR-nr. {c.cpr}",
        f"{c.first} går i {rng.randrange(1, 6)}. klasse og er en glad og nysgerrig elev. {c.first} har brug for "
        "pauser og forudsigelighed i skoledagen, og vi har aftalt faste tider for medicin og måltider.",
        f"Skolen har et godt samarbejde med forældrene, {m.name} og {f_.name}.",
        f"Klasselærer {teacher.name}, {teacher.email}",
    ]
    table06 = [["Fravær", "Antal dage"], ["Sygdom", str(rng.randrange(5, 25))],
               ["Hospitalsbesøg", str(rng.randrange(3, 12))]]
    p = writers.write_docx(out_dir / "06 Udtalelse fra skolen.docx", "Udtalelse fra skolen", paras06,
                           comment=True, table=table06, author=teacher.name, date=_dt(day(23), 11, 0))
    add(p, "docx", "Udtalelse fra skolen", "Udtalelse (Word) med kommentar", paras06 + [" ".join(sum(table06, []))])

    # 07 — consultation letter (partshøring), DOCX with hidden text
    paras07 = [
        f"{m.name}\n{m.address}",
        f"Partshøring i sagen om merudgifter til {c.name}",
        f"Kære {m.name} og {f_.name}",
        f"Inden vi træffer afgørelse, giver vi jer mulighed for at kommentere de oplysninger, vi har lagt "
        f"vægt på: lægeerklæringen fra {doctor.name}, udtalelsen fra skolen og notatet fra hjemmebesøget.",
        f"Vi skal have jeres bemærkninger senest den {_dk_date(day(45))}. I kan kontakte {cw.name} på "
        f"{cw.phone} eller {cw.email}.",
    ]
    p = writers.write_docx(out_dir / "07 Partshøring.docx", "Partshøring", paras07, hidden_text=True,
                           author=cw.name, date=_dt(day(30), 9, 0))
    add(p, "docx", "Partshøring", "Udgående partshøring (Word) med skjult tekst", paras07)

    # 08 — minutes of the allocation meeting (text PDF, several pages)
    paras08 = [
        f"Dato: {_dk_date(day(50))}\nDeltagere: {leader.name} (teamleder), {cw.name} (sagsbehandler)",
        f"Sag: {c.name}, CPR-nr. {c.cpr}, bopæl {m.address}.",
        "Sagen blev drøftet ud fra ansøgningen, lægeerklæringen, udtalelsen fra skolen og notatet fra "
        "hjemmebesøget. Teamet vurderede, at betingelserne for at yde dækning af merudgifter er opfyldt, "
        "idet funktionsnedsættelsen er varig og indgribende.",
        *[f"Punkt {i}: Gennemgang af dokumenterede udgifter til {what}. Udgifterne blev vurderet "
          "sandsynliggjorte og nødvendige som følge af funktionsnedsættelsen. "
          "Der blev taget udgangspunkt i Ankestyrelsens praksis og kommunens serviceniveau." for i, what in
          enumerate(["medicin", "særlig kost", "kørsel til behandling", "parkering ved hospitalet",
                     "beklædning og sengetøj", "ferieophold", "fritidsaktiviteter", "tabt arbejdsfortjeneste"]
                    * 3, 1)],
        f"Konklusion: Der bevilges {_kr(amount)} årligt. {cw.name} udarbejder afgørelse.",
        f"Referent: {cw.name}",
    ]
    p = writers.write_text_pdf(out_dir / "08 Referat af visitationsmøde.pdf", "Referat af visitationsmøde",
                               paras08, letterhead=LETTERHEAD, date=_dt(day(50), 14, 0), author=cw.name)
    add(p, "pdf", "Referat af visitationsmøde", "Internt referat over flere sider", paras08)

    # 09 — the decision (text PDF)
    paras09 = [
        f"{m.name}\n{m.address}",
        f"Dato: {_dk_date(day(55))}\nSagsnr.: {case_no}",
        f"Afgørelse om dækning af merudgifter til {c.name}, CPR-nr. {c.cpr}",
        f"Du har søgt om dækning af merudgifter efter servicelovens § 41. Vi har bevilget {_kr(amount)} "
        f"årligt, som udbetales månedligt til konto {m.bank_account}.",
        f"Vi har lagt vægt på lægeerklæringen fra {doctor.name} og oplysningerne fra skolen. "
        "Bevillingen gælder fra ansøgningsdatoen og revurderes om et år.",
        "Klagevejledning: Du kan klage over afgørelsen inden fire uger. Klagen sendes til kommunen, som "
        "genvurderer sagen, før den eventuelt sendes videre til Ankestyrelsen.",
        *signature(cw),
    ]
    p = writers.write_text_pdf(out_dir / "09 Afgørelse.pdf", "Afgørelse om merudgifter", paras09,
                               letterhead=LETTERHEAD, date=_dt(day(55), 10, 30), author=cw.name)
    add(p, "pdf", "Afgørelse om merudgifter", "Udgående afgørelse med klagevejledning", paras09)

    # 10 — handwritten-style letter from the father, scanned (scanned PDF, OCR)
    lines10 = [
        f"{_dk_date(day(38))}",
        "",
        f"Til {MUNICIPALITY}",
        "",
        f"Vedr. min {'datter' if child_female else 'søn'} {c.name}",
        "",
        "Jeg vil gerne tilføje til partshøringen at vi har",
        "haft store udgifter til kørsel det sidste halve år.",
        f"Jeg kan træffes på telefon {f_.phone}.",
        "",
        "Med venlig hilsen",
        f"{f_.name}",
        f"CPR {f_.cpr}",
    ]
    p = writers.write_scanned_pdf(out_dir / "10 Brev fra far (scannet).pdf", lines10, dpi=200, fontsize=13)
    add(p, "scanned-pdf", "Brev fra far", "Indscannet brev uden tekstlag (OCR)", lines10, ocr=True)

    # 11 — photo of a receipt (PNG)
    lines11 = [
        "APOTEKET VED TORVET",
        "Kvittering",
        f"Kunde: {m.name}",
        "Medicin og forbinding 1.245,00 kr.",
        "Betalt med kort",
    ]
    p = writers.write_image(out_dir / "11 Kvittering apotek.png", lines11, fmt="PNG")
    add(p, "image", "Kvittering fra apotek", "Foto/scanning af kvittering (OCR)", lines11, ocr=True)

    # 12 — multi-page TIFF with the expense overview
    lines12 = [
        "Oversigt over merudgifter",
        f"Familien {family_name}",
        f"Udbetaling til konto {m.bank_account}",
        "Kørsel til hospitalet 9.800 kr.",
        "Særlig kost 6.200 kr.",
    ]
    p = writers.write_image(out_dir / "12 Udgiftsoversigt.tif", lines12, fmt="TIFF", pages=2)
    add(p, "image", "Udgiftsoversigt", "Indscannet oversigt, TIFF med to sider (OCR)", lines12, ocr=True)

    # 13 — telephone note as plain text
    text13 = (
        f"TELEFONNOTAT\n\nDato: {day(60):%d.%m.%Y}\nSag: {case_no}\n\n"
        f"Opkald fra {aunt.name}, tlf. {aunt.phone}, moster til {c.name}.\n"
        f"Hun spurgte til status i sagen og oplyste, at {m.first} har det svært for tiden.\n"
        "Jeg oplyste, at jeg ikke kan udlevere oplysninger uden samtykke fra forældremyndighedens "
        "indehavere, og at hun må henvende sig til forældrene.\n\n"
        f"/{cw.name}\n"
    )
    p = writers.write_text(out_dir / "13 Telefonnotat.txt", text13)
    add(p, "text", "Telefonnotat", "Telefonnotat som ren tekst", [text13])

    # 14 — e-mail from the aunt (.msg) with a DOCX attachment
    paras14 = [f"Mandag: kørte {c.first} til kontrol.",
               f"Onsdag: passede {c.first}, mens {m.first} var til møde. Ring til mig på {aunt.phone}."]
    attach14 = writers.write_docx(out_dir / "_bilag14.docx", "Dagbog over hjælp", paras14, date=_dt(day(61), 8, 0))
    attach14_bytes = Path(attach14).read_bytes()
    Path(attach14).unlink()
    body14 = (
        f"Kære {cw.name}\n\n"
        f"Jeg er moster til {c.name} og hjælper familien meget. Jeg vedlægger en oversigt over, hvad jeg "
        f"hjælper med. {m.first} har givet mig lov til at skrive.\n\n"
        f"Venlig hilsen\n{aunt.name}\n{aunt.phone}"
    )
    p = writers.write_msg(out_dir / "14 Mail fra moster.msg", aunt.mailbox, cw.mailbox,
                          "Hjælp til familien", body14, attachments=[("Dagbog over hjælp.docx", attach14_bytes)],
                          date=_dt(day(61), 19, 12))
    add(p, "msg", "Hjælp til familien", "Outlook-mail med Word-bilag",
        [aunt.mailbox, cw.mailbox, body14, *paras14],
        attachments=["Dagbog over hjælp.docx"])

    # 15 — internal e-mail between caseworker and team leader (.eml)
    body15 = (
        f"Hej {leader.first}\n\n"
        f"Kan du godkende afgørelsen i sagen om {c.name} ({c.cpr})? Referatet fra visitationsmødet ligger "
        f"på sagen. Moderen har ringet flere gange, så det vil være godt at få den afsted.\n\n"
        f"Mvh\n{cw.name}"
    )
    p = writers.write_eml(out_dir / "15 Intern mail om godkendelse.eml", cw.mailbox, leader.mailbox,
                          "Godkendelse af afgørelse", body15, date=_dt(day(54), 8, 2))
    add(p, "eml", "Godkendelse af afgørelse", "Intern e-mail", [cw.mailbox, leader.mailbox, body15])

    # 16 — complaint by HTML e-mail with a photo and the earlier mail attached (.eml in .eml)
    jpeg_lines = ["Parkeringsbevis", "Odense Universitetshospital", f"Udstedt til {m.name}"]
    jpeg_path = writers.write_image(out_dir / "_foto.jpg", jpeg_lines, fmt="JPEG")
    jpeg_bytes = jpeg_path.read_bytes()
    jpeg_path.unlink()
    inner16_body = (f"Hej {cw.first}\n\nJeg har stadig ikke hørt noget. Ring på {m.phone}.\n\n"
                    f"Venlig hilsen {m.name}")
    inner16 = writers.write_eml(out_dir / "_inner16.eml", m.mailbox, cw.mailbox, "Tidligere henvendelse",
                                inner16_body, date=_dt(day(40), 7, 30))
    inner16_bytes = inner16.read_bytes()
    inner16.unlink()
    body16 = (
        f"Til {MUNICIPALITY}\n\n"
        f"Jeg vil klage over afgørelsen af {_dk_date(day(55))} vedrørende min "
        f"{'datter' if child_female else 'søn'} {c.name}, CPR {c.cpr}. Beløbet dækker ikke vores "
        "udgifter til parkering og kørsel.\n\n"
        "Jeg vedhæfter et billede af parkeringsbeviset og min tidligere mail.\n\n"
        f"Venlig hilsen\n{m.name}\n{m.address}\nTlf. {m.phone}"
    )
    p = writers.write_eml(out_dir / "16 Klage over afgørelse.eml", m.mailbox, f"Borgerservice <post@{DOMAIN}>",
                          "Klage over afgørelse om merudgifter", body16, html=True,
                          attachments=[("parkeringsbevis.jpg", jpeg_bytes), ("Tidligere henvendelse.eml",
                                                                             inner16_bytes)],
                          date=_dt(day(62), 21, 47))
    add(p, "eml", "Klage over afgørelse om merudgifter", "HTML-mail med foto og vedhæftet e-mail",
        [m.mailbox, body16, *jpeg_lines, m.mailbox, cw.mailbox, inner16_body],
        attachments=["parkeringsbevis.jpg", "Tidligere henvendelse.eml"])

    # 17 — web form submission saved as HTML
    paras17 = [
        "Kontaktformular – Børn og Familie",
        f"Navn: {neighbour.name}",
        f"Adresse: {neighbour.address}",
        f"Besked: Jeg er nabo til familien {family_name} og vil gerne fortælle, at jeg ofte passer "
        f"{c.first}. Jeg synes, familien fortjener mere hjælp.",
    ]
    p = writers.write_html(out_dir / "17 Henvendelse via kontaktformular.html", "Henvendelse via kontaktformular",
                           paras17)
    add(p, "html", "Henvendelse via kontaktformular", "Webformular gemt som HTML", paras17)

    # 18 — reply to the aunt (.msg, outgoing)
    body18 = (
        f"Kære {aunt.name}\n\n"
        "Tak for din henvendelse. Vi har lagt oversigten på sagen. Af hensyn til tavshedspligten kan jeg "
        "ikke oplyse noget om sagen til dig uden forældrenes samtykke.\n\n"
        f"Med venlig hilsen\n{cw.name}\n{MUNICIPALITY}\nDirekte telefon {cw.phone}"
    )
    p = writers.write_msg(out_dir / "18 Svar til moster.msg", cw.mailbox, aunt.mailbox, "SV: Hjælp til familien",
                          body18, date=_dt(day(63), 9, 5))
    add(p, "msg", "SV: Hjælp til familien", "Udgående Outlook-mail", [cw.mailbox, aunt.mailbox, body18])

    # 19 — reassessment after complaint (text PDF)
    paras19 = [
        f"{m.name}\n{m.address}",
        f"Genvurdering af afgørelse om merudgifter til {c.name}",
        f"Vi har modtaget din klage af {_dk_date(day(62))} og har genvurderet sagen. Vi fastholder "
        "afgørelsen og har sendt sagen til Ankestyrelsen.",
        f"Til brug for Ankestyrelsen har vi vedlagt ansøgningen, lægeerklæringen fra {doctor.name}, "
        f"referatet og din klage. Du kan kontakte {cw.name} på {cw.phone}.",
        *signature(cw),
    ]
    p = writers.write_text_pdf(out_dir / "19 Genvurdering.pdf", "Genvurdering efter klage", paras19,
                               letterhead=LETTERHEAD, date=_dt(day(70), 12, 0), author=cw.name)
    add(p, "pdf", "Genvurdering efter klage", "Udgående genvurdering", paras19)

    # 20 — the original access request from the journalist (.eml)
    request_text = (
        f"Jeg anmoder hermed om aktindsigt i sag {case_no} om merudgifter efter servicelovens § 41, "
        "herunder korrespondance, notater, referater og afgørelser, jf. offentlighedslovens § 7."
    )
    body20 = f"Kære {MUNICIPALITY}\n\n{request_text}\n\nVenlig hilsen\n{journalist.name}\nFjordbyposten"
    p = writers.write_eml(out_dir / "20 Anmodning om aktindsigt.eml", journalist.mailbox,
                          f"Borgerservice <post@{DOMAIN}>", "Anmodning om aktindsigt", body20,
                          date=_dt(today, 11, 20))
    add(p, "eml", "Anmodning om aktindsigt", "Anmodningen om aktindsigt fra journalisten",
        [journalist.mailbox, body20])

    # 21 — a journal note with a scanned letter appended (mixed PDF: text page + scanned page)
    paras21 = [
        f"Sagsnr.: {case_no}\nDato: {_dk_date(day(66))}",
        f"Modtaget brev fra naboen {neighbour.name} med oplysninger om familien. Brevet er indscannet "
        "og vedlagt som side 2.",
        f"Notat skrevet af {cw.name}",
    ]
    scan21 = [
        f"{_dk_date(day(64))}",
        "",
        f"Til {MUNICIPALITY}",
        "",
        f"Jeg bor ved siden af familien {family_name} og ser",
        f"hvor meget {m.first} og {f_.first} kæmper. Jeg håber",
        "kommunen vil hjælpe dem mere.",
        "",
        f"Venlig hilsen {neighbour.name}",
        f"{neighbour.address}",
    ]
    p = writers.write_mixed_pdf(out_dir / "21 Journalnotat med indscannet brev.pdf",
                                "Journalnotat: brev fra nabo", paras21, scan21, letterhead=LETTERHEAD,
                                date=_dt(day(66), 10, 0))
    add(p, "mixed-pdf", "Journalnotat: brev fra nabo", "PDF med en tekstside og en indscannet side (OCR)",
        paras21 + scan21, ocr=True)

    # ground truth: every registered personal-data string that occurs in the file's content (as a
    # whole word). A first or last name alone counts only where it occurs outside the full name.
    registry: list[Entity] = []
    for person in people:
        registry.extend(person.entities())
    for person in people:
        parts = person.name.split()
        for part in (parts[0], parts[-1]):
            ent = Entity(part, EntityType.PERSON)
            if ent not in registry:
                registry.append(ent)
    longest_first = sorted(registry, key=lambda e: -len(e.text))
    for demo_file in files:
        flat = " ".join("\n".join(texts[demo_file.name]).split())
        found: set[Entity] = set()
        for ent in longest_first:
            pattern = re.compile(r"(?<!\w)" + re.escape(ent.text) + r"(?!\w)")
            if pattern.search(flat):
                found.add(ent)
                flat = pattern.sub(lambda m: "\x00" * len(m.group()), flat)
        demo_file.entities.extend(e for e in registry if e in found)

    demo = DemoCase(
        out_dir=out_dir,
        seed=seed,
        title=f"Aktindsigt i sag om merudgifter ({case_no})",
        requester_name=journalist.name,
        regime=Regime.OFL7,
        received=today,
        kle_subject="27.24.00",
        kle_facet="A53",
        case_number=f"00.01.10-A53-{rng.randrange(100, 999)}-{today.year % 100:02d}",
        requester_type=RequesterType.JOURNALIST,
        channel="e-mail",
        request_text=request_text,
        scope="Alle dokumenter i sagen om merudgifter, herunder e-mails og notater, frem til anmodningen.",
        caseworker=cw.name,
        underlying_cases=[case_no],
        files=files,
        people=people,
    )
    # a hidden file: importing the folder skips it
    (out_dir / MANIFEST_NAME).write_text(
        json.dumps(demo.manifest(), ensure_ascii=False, indent=2, default=str), encoding="utf-8"
    )
    return demo


def manifest_digest(demo: DemoCase) -> str:
    """A short fingerprint of the ground truth (for determinism checks)."""
    data = json.dumps(demo.manifest(), ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode()).hexdigest()[:16]
