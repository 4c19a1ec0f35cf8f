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
)
from aktindsigt.outputs.texts import akt_list, fill, join_da


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

    meroffentlighed: str = ""  # § 14: considered, and why no more is given
    extraction: str = ""  # §§ 28-29: what was extracted, or why not
    complaint_body: str = ""  # overrides the regime's default complaint body
    recipient_address: str = ""  # the requester's postal or e-mail address, lines
    signer: str = ""  # the caseworker's name as signed (default: case.caseworker)
    signer_title: str = ""
    laws: dict[str, str] = field(default_factory=dict)  # ground id -> the law named (§ 35)
    public_parties: dict[str, str] = field(default_factory=dict)  # document id -> public sender/recipient
    journal: dict[str, str] = field(default_factory=dict)  # free-text parts of the journal note

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any] | None) -> Statements:
        names = {f.name for f in fields(cls)}
        data = {k: v for k, v in (raw or {}).items() if k in names}
        for key in ("laws", "public_parties", "journal"):
            data[key] = {str(k): str(v or "") for k, v in (data.get(key) or {}).items()}
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


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

    @property
    def in_scope(self) -> list[DocInfo]:
        return [d for d in self.documents if d.doc.in_scope]

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

    def applies(self, section: str) -> bool:
        """Whether a letter section (``extraction``, ``meroffentlighed``) belongs to the case's regime."""
        na = (self.texts.get("not_applicable") or {}).get(self.case.regime.value) or []
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

    def complaint_body(self) -> str:
        if self.statements.complaint_body.strip():
            return self.statements.complaint_body.strip()
        return str((self.texts.get("complaint_body_default") or {}).get(self.case.regime.value) or "")

    def complaint_text(self) -> str:
        raw = (self.texts.get("complaint") or {}).get(self.case.regime.value, "")
        return fill(raw, self.placeholders())

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
    if access is AccessType.PARTIAL:
        # the grounds of the applied boxes and withheld pages (services.applied_grounds) when given
        grounds = _unique(applied) if applied is not None else _unique(
            [*doc.access_grounds, *(d.ground_id for d in redacts), *(p.withheld_ground for p in withheld)])
    elif access is AccessType.WITHHELD:
        grounds = _unique(doc.access_grounds)
    else:
        grounds = []
    reason = doc.access_reason.strip()
    written = bool(reason)
    if not reason and access is AccessType.PARTIAL:
        descriptions = texts.get("entity_descriptions") or {}
        what = join_da(dict.fromkeys(descriptions.get(t.value, t.label.lower()) for t, _ in types.most_common()))
        parts = []
        if what:
            parts.append(fill(texts.get("auto_reason", "Overstreget: {what}."), {"what": what}))
        if withheld:
            parts.append(fill(texts.get("auto_reason_pages", "{count} side(r) undtaget."), {"count": len(withheld)}))
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
        statement_grounds=set(statement_grounds or ()),
    )


__all__ = ["CaseData", "DocInfo", "Municipality", "Statements", "akt_list", "collect", "describe_document"]
