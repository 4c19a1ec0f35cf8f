"""The domain model: plain dataclasses, no Qt, no SQL, no file I/O.

Text with geometry: a document's text is the concatenation of its pages' texts.
Every Span is (document, start, end) in character offsets of that text; page
rectangles are derived from the word map (see ``core.geometry``).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime


class Regime(enum.StrEnum):
    """The legal regime of the request: decides what may be redacted and the complaint route."""

    OFL7 = "ofl7"  # offentlighedsloven § 7: anyone
    OFL8 = "ofl8"  # offentlighedsloven § 8: egenacces (own data)
    FVL9 = "fvl9"  # forvaltningsloven § 9: partsaktindsigt
    MOL = "mol"  # miljøoplysningsloven
    GDPR15 = "gdpr15"  # databeskyttelsesforordningen art. 15

    @property
    def label(self) -> str:
        return REGIME_LABELS[self]

    @property
    def own_data(self) -> bool:
        """Requests where the requester's own identifiers are never redacted from them."""
        return self in (Regime.OFL8, Regime.FVL9, Regime.GDPR15)


REGIME_LABELS: dict[Regime, str] = {
    Regime.OFL7: "Offentlighedsloven § 7",
    Regime.OFL8: "Offentlighedsloven § 8 (egenacces)",
    Regime.FVL9: "Forvaltningsloven § 9 (partsaktindsigt)",
    Regime.MOL: "Miljøoplysningsloven",
    Regime.GDPR15: "Databeskyttelsesforordningen art. 15",
}


class RequesterType(enum.StrEnum):
    CITIZEN = "citizen"
    PARTY = "party"
    JOURNALIST = "journalist"
    COMPANY = "company"
    LAWYER = "lawyer"
    AUTHORITY = "authority"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            "citizen": "Borger",
            "party": "Part",
            "journalist": "Journalist",
            "company": "Virksomhed",
            "lawyer": "Advokat",
            "authority": "Myndighed",
            "other": "Andet",
        }[self.value]


class CaseStatus(enum.StrEnum):
    NEW = "new"
    IN_PROGRESS = "in_progress"
    IN_REVIEW = "in_review"
    RETURNED = "returned"
    APPROVED = "approved"
    SENT = "sent"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return {
            "new": "Ny",
            "in_progress": "Under behandling",
            "in_review": "Til godkendelse",
            "returned": "Returneret",
            "approved": "Godkendt",
            "sent": "Udleveret",  # the bundle is exported: the decision and the documents are on their way
            "closed": "Journaliseret",  # the ESDH system has received the bundle
        }[self.value]


class UserRole(enum.StrEnum):
    """The role a user works in: only a team lead approves cases, returns them or overrides the checklist."""

    CASEWORKER = "sagsbehandler"
    TEAM_LEAD = "teamleder"

    @property
    def label(self) -> str:
        return {"sagsbehandler": "Sagsbehandler", "teamleder": "Teamleder"}[self.value]


class DocumentStatus(enum.StrEnum):
    READY = "ready"  # imported: rendition, pages and words are available
    FAILED = "failed"  # could not be read; ``failure_reason`` says why in Danish

    @property
    def label(self) -> str:
        return {"ready": "Klar", "failed": "Fejlet"}[self.value]


class Direction(enum.StrEnum):
    INCOMING = "incoming"
    OUTGOING = "outgoing"
    INTERNAL = "internal"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        return {"incoming": "Indgående", "outgoing": "Udgående", "internal": "Intern", "unknown": ""}[
            self.value
        ]


class AccessType(enum.StrEnum):
    """The access decision for one document."""

    FULL = "full"
    PARTIAL = "partial"
    WITHHELD = "withheld"

    @property
    def label(self) -> str:
        return {"full": "Fuld", "partial": "Delvis", "withheld": "Nej"}[self.value]


class EntityType(enum.StrEnum):
    PERSON = "PERSON"
    CPR = "CPR"
    PHONE = "PHONE"
    EMAIL = "EMAIL"
    URL = "URL"
    ADDRESS = "ADDRESS"
    BANK_ACCOUNT = "BANK_ACCOUNT"
    IBAN = "IBAN"
    CARD = "CARD"
    LICENCE_PLATE = "LICENCE_PLATE"
    CVR = "CVR"
    SENSITIVE = "SENSITIVE"
    BUSINESS_SECRET = "BUSINESS_SECRET"  # OFL § 30 nr. 2: flagged for review, never pre-selected
    LOCATION = "LOCATION"
    ORGANIZATION = "ORGANIZATION"
    MANUAL = "MANUAL"  # the caseworker's own text selection or area

    @property
    def label(self) -> str:
        return ENTITY_LABELS[self]


ENTITY_LABELS: dict[EntityType, str] = {
    EntityType.PERSON: "Navn",
    EntityType.CPR: "CPR-nummer",
    EntityType.PHONE: "Telefonnummer",
    EntityType.EMAIL: "E-mail",
    EntityType.URL: "Webadresse",
    EntityType.ADDRESS: "Adresse",
    EntityType.BANK_ACCOUNT: "Bankkonto",
    EntityType.IBAN: "IBAN",
    EntityType.CARD: "Betalingskort",
    EntityType.LICENCE_PLATE: "Nummerplade",
    EntityType.CVR: "CVR-nummer",
    EntityType.SENSITIVE: "Følsom oplysning",
    EntityType.BUSINESS_SECRET: "Mulig forretningshemmelighed",
    EntityType.LOCATION: "Sted",
    EntityType.ORGANIZATION: "Organisation",
    EntityType.MANUAL: "Manuel",
}


class SuggestionStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class DecisionAction(enum.StrEnum):
    REDACT = "redact"
    KEEP = "keep"


class DecisionKind(enum.StrEnum):
    SPAN = "span"  # a character span of the document text
    AREA = "area"  # a rectangle drawn on a page


@dataclass(frozen=True, slots=True)
class Rect:
    """A rectangle in PDF page coordinates (points, origin top-left as PyMuPDF uses)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def union(self, other: Rect) -> Rect:
        return Rect(min(self.x0, other.x0), min(self.y0, other.y0), max(self.x1, other.x1), max(self.y1, other.y1))

    def intersects(self, other: Rect) -> bool:
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1


@dataclass(frozen=True, slots=True)
class Word:
    """One word on a page: its text, its box, and where it sits in the document text."""

    text: str
    rect: Rect
    start: int  # character offset in the document text
    end: int
    line: int = 0  # line number on the page (words on one line share it)


@dataclass(slots=True)
class Page:
    number: int  # 1-based
    width: float
    height: float
    text_start: int  # offset of this page's text in the document text
    text_end: int
    words: list[Word] = field(default_factory=list)
    ocr: bool = False  # the words come from OCR (scanned page)
    withheld: bool = False
    withheld_ground: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    document_id: int
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}:{self.end}")

    def overlaps(self, other: Span) -> bool:
        return self.document_id == other.document_id and self.start < other.end and other.start < self.end


@dataclass(slots=True)
class RequesterIdentifiers:
    """The requester's own identifiers: never suggested under own-data regimes."""

    cpr: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    accounts: list[str] = field(default_factory=list)  # bank accounts (reg.nr. + kontonr.) and IBAN

    FIELDS = ("cpr", "addresses", "phones", "emails", "names", "accounts")

    @classmethod
    def from_dict(cls, raw: dict | None) -> RequesterIdentifiers:
        """From the stored JSON (unknown keys ignored, missing keys empty)."""
        raw = raw or {}
        return cls(**{k: [str(v) for v in raw.get(k) or [] if str(v).strip()] for k in cls.FIELDS})

    def is_empty(self) -> bool:
        return not any(getattr(self, k) for k in self.FIELDS)


@dataclass(slots=True)
class Case:
    title: str
    requester_name: str
    regime: Regime
    received: date
    id: int | None = None
    case_number: str = ""
    requester_type: RequesterType = RequesterType.CITIZEN
    channel: str = ""  # e-mail, Digital Post, brev, telefon ...
    request_text: str = ""  # what was asked for
    scope: str = ""  # how the request was understood and delimited
    kle_subject: str = "00.01.10"
    kle_facet: str = "A53"
    underlying_cases: list[str] = field(default_factory=list)
    requester_identifiers: RequesterIdentifiers = field(default_factory=RequesterIdentifiers)
    status: CaseStatus = CaseStatus.NEW
    esdh_ref: str = ""
    caseworker: str = ""
    created_at: datetime | None = None
    decided: date | None = None
    # the row's version and who changed it last (a write with an older version is refused)
    version: int = 0
    updated_by: str = ""
    updated_at: datetime | None = None

    @property
    def kle(self) -> str:
        return f"{self.kle_subject} {self.kle_facet}".strip()


@dataclass(slots=True)
class Document:
    case_id: int
    akt_nr: int
    title: str
    source_name: str
    id: int | None = None
    public_title: str = ""
    doc_date: date | None = None
    direction: Direction = Direction.UNKNOWN
    sender: str = ""
    recipient: str = ""
    parent_id: int | None = None
    source_sha256: str | None = None
    rendition_sha256: str | None = None
    format: str = ""
    page_count: int = 0
    status: DocumentStatus = DocumentStatus.READY
    failure_reason: str = ""
    warnings: list[str] = field(default_factory=list)
    approximate: bool = False  # rendition is not faithful to the original layout
    access: AccessType | None = None
    access_grounds: list[str] = field(default_factory=list)
    access_reason: str = ""
    in_scope: bool = True
    section26_considered: bool = False
    esdh_doc_id: str = ""
    created_at: datetime | None = None
    version: int = 0
    updated_by: str = ""
    updated_at: datetime | None = None


@dataclass(slots=True)
class LegalGround:
    id: str  # e.g. "ofl30_1"
    statute: str  # e.g. "Offentlighedsloven"
    section: str  # e.g. "§ 30, nr. 1"
    short_label: str  # overlay label, e.g. "§ 30, nr. 1"
    reasoning: str  # the paragraph the decision letter uses
    regimes: list[Regime] = field(default_factory=list)
    title: str = ""
    statute_version: str = ""  # ofl2013, ofl1985 (via MOL § 2), mol, fvl, dbl, gdpr
    source: str = ""  # the statute and section as on retsinformation, with the wording quoted

    def valid_in(self, regime: Regime | str) -> bool:
        """Whether the ground may be used in a case under ``regime`` (each ground belongs to one regime)."""
        return Regime(regime) in self.regimes


@dataclass(slots=True)
class Suggestion:
    case_id: int
    document_id: int
    entity_type: EntityType
    start: int
    end: int
    text: str
    score: float
    detector: str
    ground_id: str | None
    preselected: bool
    id: int | None = None
    entity_key: str = ""  # groups occurrences of one entity across the case
    status: SuggestionStatus = SuggestionStatus.PENDING
    created_at: datetime | None = None
    version: int = 0
    updated_by: str = ""
    updated_at: datetime | None = None

    @property
    def span(self) -> Span:
        return Span(self.document_id, self.start, self.end)


@dataclass(slots=True)
class Decision:
    case_id: int
    document_id: int
    kind: DecisionKind
    action: DecisionAction
    id: int | None = None
    start: int | None = None  # span decisions
    end: int | None = None
    page: int | None = None  # area decisions (1-based page number)
    rect: Rect | None = None
    ground_id: str | None = None
    suggestion_id: int | None = None
    entity_key: str = ""
    entity_type: EntityType = EntityType.MANUAL
    who: str = ""
    at: datetime | None = None
    reason: str = ""


@dataclass(slots=True)
class AuditEvent:
    action: str  # e.g. "case.create", "document.import", "decision.create"
    who: str
    at: datetime
    object_type: str
    object_id: str
    case_id: int | None = None
    before: dict | None = None
    after: dict | None = None
    id: int | None = None
