"""The case data every output is rendered from, and the rules that derive it.

Pure functions over domain objects: no store, no files. ``services/outputs.py``
reads the case, its documents, decisions, withheld pages and settings and calls
``collect``; the letter, the aktliste, the journal note and the checklist all
read the resulting ``CaseData``, so they cannot disagree.

Effective access of a document in scope:
- the caseworker's explicit choice (``Document.access``) when set;
- otherwise *partial* when it has redactions or withheld pages;
- otherwise *full*, except failed documents, which stay unassessed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any

from aktindsigt.core.danish import antal
from aktindsigt.core.model import (
    AccessType,
    Case,
    Decision,
    DecisionAction,
    DecisionKind,
    Document,
    DocumentStatus,
    EntityType,
    LegalGround,
    Page,
    Regime,
)
from aktindsigt.outputs.texts import akt_list, fill, join_da


def pick(value: Any, regime: Regime | str) -> Any:
    """A text that may depend on the regime: a mapping with ``default`` and regime keys, or the value itself."""
    if isinstance(value, Mapping) and ("default" in value or any(r.value in value for r in Regime)):
        reg = Regime(regime).value
        return value.get(reg, value.get("default", ""))
    return value


@dataclass
class Municipality:
    """The authority's profile (setting ``municipality``)."""

    name: str = ""
    unit: str = ""
    address: str = ""  # street, postcode and town; lines separated by newlines
    cvr: str = ""
    kommunekode: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    dpo: str = ""  # the data protection officer's e-mail (GDPR answers)

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any] | None) -> Municipality:
        names = {f.name for f in fields(cls)}
        return cls(**{k: str(v or "") for k, v in (raw or {}).items() if k in names})

    def to_dict(self) -> dict[str, str]:
        return asdict(self)

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.address.splitlines() if line.strip()]


@dataclass
class Statements:
    """What the caseworker wrote for the letter that the case model has no field for
    (setting ``case:<id>:statements``)."""

    meroffentlighed: str = ""  # § 14 (MOL: 1985 § 4, stk. 1, 2. pkt.): considered, and why no more is given
    extraction: str = ""  # §§ 28-29 (FVL §§ 14 a-b, MOL 1985 § 11): what was extracted, or why not
    complaint_body: str = ""  # overrides the complaint body of the matter area
    matter_area: str = ""  # the underlying matter's area (resources/klageinstanser.yaml): social, building ...
    recipient_address: str = ""  # the requester's postal or e-mail address, lines
    signer: str = ""  # the caseworker's name as signed (default: case.caseworker)
    signer_title: str = ""
    weighing: str = ""  # MOL § 2, stk. 3: the concrete weighing for the case
    emissions: bool = False  # MOL § 2, stk. 5: the documents hold information on emissions into the environment
    # ground id -> the text the ground requires: the law (§ 35), the concrete interest (dbl. § 22,
    # art. 15, stk. 4) or the concrete weighing (fvl. § 15 b)
    laws: dict[str, str] = field(default_factory=dict)
    indsigt: dict[str, str] = field(default_factory=dict)  # GDPR art. 15(1)(a)-(h): per-case texts by letter
    public_parties: dict[str, str] = field(default_factory=dict)  # document id -> public sender/recipient
    journal: dict[str, str] = field(default_factory=dict)  # free-text parts of the journal note

    TEXT_FIELDS = ("meroffentlighed", "extraction", "complaint_body", "matter_area", "recipient_address", "signer",
                   "signer_title", "weighing")

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any] | None) -> Statements:
        names = {f.name for f in fields(cls)}
        data = {k: v for k, v in (raw or {}).items() if k in names}
        for key in ("laws", "indsigt", "public_parties", "journal"):
            data[key] = {str(k): str(v or "") for k, v in (data.get(key) or {}).items()}
        data["emissions"] = bool(data.get("emissions", False))
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class ComplaintArea:
    """One area of underlying matters and its complaint body (``resources/klageinstanser.yaml``)."""

    id: str
    label: str
    complaint_body: str = ""
    address: str = ""
    klageportalen: bool = False
    via_municipality: bool = False
    confirmed: bool = False
    note: str = ""


@dataclass
class DocInfo:
    """One document with everything the outputs derive for it."""

    doc: Document
    access: AccessType | None  # effective access; None: out of scope or not assessed
    grounds: list[str]  # ordered, unique
    reason: str  # the written reason, or one derived from the redactions
    reason_written: bool
    redactions: int  # redact decisions (spans and areas)
    withheld_pages: int
    redaction_types: Counter[EntityType] = field(default_factory=Counter)
    undescribed_redactions: int = 0  # manual/area redactions without a reason of their own
    parent_akt: int | None = None
    stamped: list[str] = field(default_factory=list)  # grounds printed on the document's boxes

    @property
    def akt_nr(self) -> int:
        return self.doc.akt_nr


@dataclass
class CaseData:
    case: Case
    municipality: Municipality
    statements: Statements
    documents: list[DocInfo]
    grounds: dict[str, LegalGround]
    texts: dict[str, Any]
    today: date
    statement_grounds: set[str] = field(default_factory=set)  # catalogue "statement" kinds (§ 14, § 26, § 34 ...)
    areas: dict[str, ComplaintArea] = field(default_factory=dict)  # matter areas -> complaint bodies
    counter_exceptions: dict[str, str] = field(default_factory=dict)  # ground id -> counter-exception ground id
    required_texts: dict[str, str] = field(default_factory=dict)  # ground id -> "law" | "interest" | "weighing"
    document_grounds: set[str] = field(default_factory=set)  # grounds that withhold whole documents (§ 23, § 27 ...)

    @property
    def regime(self) -> Regime:
        return self.case.regime

    def text(self, key: str, default: Any = "") -> Any:
        """``texts.yaml[key]`` for the case's regime."""
        value = pick(self.texts.get(key, default), self.regime)
        return default if value is None else value

    @property
    def in_scope(self) -> list[DocInfo]:
        return [d for d in self.documents if d.doc.in_scope]

    @property
    def listed(self) -> list[DocInfo]:
        """The documents the aktliste shows: every document, except under OFL § 8 and GDPR art. 15, where only the
        documents in scope (those about the requester) are listed - the others are someone else's."""
        if self.regime in (Regime.OFL8, Regime.GDPR15):
            return self.in_scope
        return self.documents

    def count(self, access: AccessType) -> int:
        return sum(1 for d in self.in_scope if d.access is access)

    @property
    def outcome(self) -> str:
        """``full``, ``partial`` or ``refused`` for the request as a whole."""
        assessed = [d.access for d in self.in_scope if d.access is not None]
        if assessed and all(a is AccessType.WITHHELD for a in assessed):
            return "refused"
        if all(a is AccessType.FULL for a in assessed):
            return "full"
        return "partial"

    @property
    def released_files(self) -> int:
        return sum(1 for d in self.in_scope if d.access in (AccessType.FULL, AccessType.PARTIAL))

    @property
    def redactions(self) -> int:
        """Redactions and withheld pages in the released documents."""
        return sum(d.redactions + d.withheld_pages for d in self.in_scope if d.access is AccessType.PARTIAL)

    def grounds_used(self) -> list[tuple[str, list[DocInfo]]]:
        """Each ground used by a document in scope, in catalogue order, with its documents."""
        used: dict[str, list[DocInfo]] = {}
        for d in self.in_scope:
            if d.access in (AccessType.PARTIAL, AccessType.WITHHELD):
                for g in d.grounds:
                    # a ground stamped on a box is explained, even one of the "statement" kind (§ 29)
                    if g not in self.statement_grounds or g in d.stamped:
                        used.setdefault(g, []).append(d)
        order = {gid: i for i, gid in enumerate(self.grounds)}
        return sorted(used.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))

    def wrong_regime(self) -> list[tuple[str, list[DocInfo]]]:
        """Grounds used in the case that belong to another regime (or are unknown), with their documents."""
        out: dict[str, list[DocInfo]] = {}
        for d in self.in_scope:
            if d.access in (AccessType.PARTIAL, AccessType.WITHHELD):
                for g in d.grounds:
                    ground = self.grounds.get(g)
                    if ground is not None and not ground.valid_in(self.regime):
                        out.setdefault(g, []).append(d)
        return list(out.items())

    def applies(self, section: str) -> bool:
        """Whether a letter section (``extraction``, ``meroffentlighed`` ...) belongs to the case's regime."""
        na = (self.texts.get("not_applicable") or {}).get(self.regime.value) or []
        return section not in na

    def ground_label(self, ground_id: str) -> str:
        """``Offentlighedsloven § 30, nr. 1`` (the id itself when the catalogue lacks it)."""
        g = self.grounds.get(ground_id)
        if g is None:
            return ground_id
        return f"{g.statute} {g.section}".strip()

    def short_label(self, ground_id: str) -> str:
        g = self.grounds.get(ground_id)
        return (g.short_label or g.section) if g else ground_id

    # --- complaint route --------------------------------------------------------------
    @property
    def area(self) -> ComplaintArea | None:
        return self.areas.get(self.statements.matter_area.strip()) if self.statements.matter_area.strip() else None

    def complaint_body(self) -> str:
        """The complaint body of the case: written by the caseworker, else the matter area's; GDPR: Datatilsynet."""
        if self.regime is Regime.GDPR15:
            return "Datatilsynet"
        if self.statements.complaint_body.strip():
            return self.statements.complaint_body.strip()
        area = self.area
        return area.complaint_body if area is not None else ""

    def complaint_chosen(self) -> bool:
        """Whether the complaint route is settled: a body, or an area without one ("none")."""
        return bool(self.complaint_body()) or (self.area is not None and not self.area.complaint_body)

    def complaint_text(self) -> str:
        ph = self.placeholders()
        area = self.area
        if self.regime is not Regime.GDPR15 and not self.complaint_body() and area is not None:
            return fill(self.text("complaint_none"), ph)
        raw = (self.texts.get("complaint") or {}).get(self.regime.value, "")
        portal = fill(self.texts.get("portal", ""), ph) if area is not None and area.klageportalen else ""
        route_key = "fvl_route_municipality" if area is not None and area.via_municipality else "fvl_route_direct"
        if self.regime is Regime.MOL:
            route_key = "" if portal else "mol_route"  # the portal text says how the complaint is lodged
        route = fill(self.texts.get(route_key, ""), ph) if route_key else ""
        return fill(raw, {**ph, "portal": portal, "route": route})

    def placeholders(self) -> dict[str, str]:
        from aktindsigt.outputs.texts import da_date

        return {
            "municipality": self.municipality.name or "kommunen",
            "unit": self.municipality.unit,
            "complaint_body": self.complaint_body() or "[klageinstansen]",
            "received": da_date(self.case.received),
            "regime": self.case.regime.label,
        }

    def described_types(self, docs: Iterable[DocInfo]) -> str:
        """``CPR-numre og navne på private personer`` for the redactions in ``docs``."""
        descriptions = self.texts.get("entity_descriptions") or {}
        seen: Counter[EntityType] = Counter()
        for d in docs:
            seen.update(d.redaction_types)
        parts = [descriptions.get(t.value, "") for t, _ in seen.most_common() if t is not EntityType.MANUAL]
        return join_da(dict.fromkeys(p for p in parts if p))


def _unique(items: Iterable[str | None]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def applied_grounds(doc: Document, access: AccessType | None, redacts: Sequence[Decision],
                    withheld: Sequence[Page], applied: Sequence[str] | None = None) -> list[str]:
    """The grounds a document's decision rests on: THE one place the outputs (letter, aktliste, journal note,
    manifest) get them from. Partial access: ``applied`` - the grounds of the applied boxes, withheld pages and
    document decision (``services.applied_grounds``) - when given, else the document's own grounds, then those of
    its redaction decisions and withheld pages; withheld: the document's grounds."""
    if access is AccessType.PARTIAL:
        if applied is not None:
            return _unique(applied)
        return _unique([*doc.access_grounds, *(d.ground_id for d in redacts), *(p.withheld_ground for p in withheld)])
    if access is AccessType.WITHHELD:
        return _unique(doc.access_grounds)
    return []


def describe_document(
    doc: Document, decisions: Sequence[Decision], pages: Sequence[Page], texts: Mapping[str, Any],
    parent_akt: int | None = None, applied: Sequence[str] | None = None,
) -> DocInfo:
    redacts = [d for d in decisions if d.action is DecisionAction.REDACT]
    withheld = [p for p in pages if p.withheld]
    types: Counter[EntityType] = Counter(
        d.entity_type for d in redacts if d.kind is DecisionKind.SPAN and d.entity_type is not EntityType.MANUAL
    )
    undescribed = sum(
        1 for d in redacts if (d.kind is DecisionKind.AREA or d.entity_type is EntityType.MANUAL) and not d.reason.strip()
    )
    if not doc.in_scope:
        access: AccessType | None = None
    elif doc.access is not None:
        access = doc.access
    elif redacts or withheld:
        access = AccessType.PARTIAL
    elif doc.status is DocumentStatus.FAILED:
        access = None
    else:
        access = AccessType.FULL
    grounds = applied_grounds(doc, access, redacts, withheld, applied)
    reason = doc.access_reason.strip()
    written = bool(reason)
    if not reason and access is AccessType.PARTIAL:
        descriptions = texts.get("entity_descriptions") or {}
        what = join_da(dict.fromkeys(descriptions.get(t.value, t.label.lower()) for t, _ in types.most_common()))
        parts = []
        if what:
            parts.append(fill(texts.get("auto_reason", "Overstreget: {what}."), {"what": what}))
        if withheld:
            parts.append(fill(texts.get("auto_reason_pages", "Undtaget: {pages}."),
                              {"pages": antal(len(withheld), "hel side", "hele sider", gender="c")}))
        reason = " ".join(parts)
        if reason:
            reason = reason[0].upper() + reason[1:]
    stamped = _unique(d.ground_id for d in redacts) if access is AccessType.PARTIAL else []
    return DocInfo(
        doc=doc, access=access, grounds=grounds, reason=reason, reason_written=written,
        redactions=len(redacts), withheld_pages=len(withheld), redaction_types=types,
        undescribed_redactions=undescribed, parent_akt=parent_akt,
        stamped=[g for g in stamped if g in grounds],
    )


def collect(
    case: Case,
    documents: Sequence[Document],
    decisions: Sequence[Decision],
    pages: Mapping[int, Sequence[Page]],
    grounds: Mapping[str, LegalGround],
    texts: Mapping[str, Any],
    municipality: Municipality | None = None,
    statements: Statements | None = None,
    today: date | None = None,
    statement_grounds: set[str] | None = None,
    areas: Mapping[str, ComplaintArea] | None = None,
    counter_exceptions: Mapping[str, str] | None = None,
    required_texts: Mapping[str, str] | None = None,
    document_grounds: set[str] | None = None,
    applied: Mapping[int, Sequence[str]] | None = None,
) -> CaseData:
    """``applied``: document id -> the grounds of its applied boxes, withheld pages and document decision
    (``services.applied_grounds``); without it they are derived from the decisions."""
    by_doc: dict[int, list[Decision]] = {}
    for d in decisions:
        by_doc.setdefault(d.document_id, []).append(d)
    akt_by_id = {d.id: d.akt_nr for d in documents}
    infos = [
        describe_document(doc, by_doc.get(doc.id or 0, []), pages.get(doc.id or 0, []), texts,
                          akt_by_id.get(doc.parent_id) if doc.parent_id else None,
                          applied=applied.get(doc.id or 0) if applied is not None else None)
        for doc in sorted(documents, key=lambda d: d.akt_nr)
    ]
    return CaseData(
        case=case, municipality=municipality or Municipality(), statements=statements or Statements(),
        documents=infos, grounds=dict(grounds), texts=dict(texts), today=today or date.today(),
        statement_grounds=set(statement_grounds or ()), areas=dict(areas or {}),
        counter_exceptions=dict(counter_exceptions or {}), required_texts=dict(required_texts or {}),
        document_grounds=set(document_grounds or ()),
    )


__all__ = ["CaseData", "ComplaintArea", "DocInfo", "Municipality", "Statements", "akt_list", "applied_grounds",
           "collect", "describe_document", "pick"]
