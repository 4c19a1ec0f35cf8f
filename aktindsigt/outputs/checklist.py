"""The pre-send checklist of the decision letter (domain guide § 4).

``checklist(data)`` returns the problems in plain Danish, each saying where it
is fixed: a document (``document_id``/``akt_nr``) and a field, or a case field
(``field`` such as ``statements.extraction``). An empty list means the final
letter may be produced.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from aktindsigt.core.model import AccessType, DocumentStatus
from aktindsigt.outputs.data import CaseData, DocInfo
from aktindsigt.outputs.texts import complaint_deadline_phrases


@dataclass(frozen=True)
class Problem:
    code: str  # stable key, e.g. "reason_missing"
    message: str  # plain Danish, for the caseworker
    field: str  # where it is fixed: "document.access_reason", "statements.extraction", "municipality.name" ...
    document_id: int | None = None
    akt_nr: int | None = None

    def __str__(self) -> str:
        where = f"Akt {self.akt_nr}: " if self.akt_nr is not None else ""
        return where + self.message


def _concrete(reason: str, boilerplate: list[str]) -> bool:
    text = " ".join(reason.lower().split()).strip(" .")
    return len(text) >= 15 and text not in boilerplate


def _doc_problems(data: CaseData, d: DocInfo, pending: int) -> list[Problem]:
    doc = d.doc
    out: list[Problem] = []

    def add(code: str, message: str, field: str) -> None:
        out.append(Problem(code, message, field, doc.id, doc.akt_nr))

    texts = data.texts
    boilerplate = [" ".join(str(b).lower().split()).strip(" .") for b in texts.get("boilerplate_reasons") or []]
    if not doc.esdh_doc_id.strip():
        add("journal_ref_missing", "Dokumentet har ingen journalreference (ESDH dok-ID).", "document.esdh_doc_id")
    if not doc.in_scope:
        return out
    if pending:
        add("pending_suggestions", f"{pending} forslag til overstregning er ikke afgjort.", "suggestions")
    if d.access is None and doc.status is DocumentStatus.FAILED:
        add("not_assessed", "Dokumentet kunne ikke læses og er ikke vurderet. Angiv aktindsigt for det "
            "(fx undtaget med hjemmel) eller markér det som ikke omfattet.", "document.access")
        return out
    if doc.access is AccessType.FULL and (d.redactions or d.withheld_pages):
        add("full_with_redactions", f"Dokumentet er markeret med fuld aktindsigt, men har {d.redactions} "
            f"overstregning(er) og {d.withheld_pages} undtagne side(r).", "document.access")
    if d.access not in (AccessType.PARTIAL, AccessType.WITHHELD):
        return out
    label = "delvis aktindsigt" if d.access is AccessType.PARTIAL else "undtaget"
    if d.access is AccessType.PARTIAL and not (d.redactions or d.withheld_pages):
        add("partial_without_redactions", "Dokumentet er markeret med delvis aktindsigt, men intet er "
            "overstreget eller undtaget.", "document.access")
    exceptions = [g for g in d.grounds if g not in data.statement_grounds]
    if not d.grounds:
        add("ground_missing", f"Dokumentet er {label}, men der er ingen hjemmel.", "document.access_grounds")
    elif not exceptions:
        add("ground_missing", f"Dokumentet er {label}, men {', '.join(data.ground_label(g) for g in d.grounds)} "
            "er ikke en undtagelsesbestemmelse. Angiv den bestemmelse, oplysningerne er undtaget efter.",
            "document.access_grounds")
    for g in d.grounds:
        if g not in data.grounds:
            add("ground_unknown", f"Hjemlen '{g}' findes ikke i kataloget over hjemler.", "document.access_grounds")
    if d.reason_written:
        if not _concrete(d.reason, boilerplate):
            add("reason_not_concrete", f"Begrundelsen '{d.reason}' er for kort eller for generel. Skriv konkret, "
                "hvilke slags oplysninger der er undtaget og hvorfor.", "document.access_reason")
    elif d.access is AccessType.WITHHELD or d.undescribed_redactions or d.withheld_pages or not d.reason:
        add("reason_missing", f"Dokumentet er {label}, men der er ingen konkret begrundelse.",
            "document.access_reason")
    prefixes = tuple(texts.get("section26_ground_prefixes") or ())
    if prefixes and any(g.startswith(prefixes) for g in d.grounds) and not doc.section26_considered:
        add("section26_missing", "Dokumentet er undtaget som internt, men det er ikke markeret, at "
            "offentlighedslovens § 26 er overvejet.", "document.section26_considered")
    return out


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def leaks(texts: Mapping[str, str], redacted: Sequence[str]) -> dict[str, str]:
    """For each named text that contains a redacted string: the (longest) string found, compared on word
    boundaries (``core.matching``: case, line breaks, a possessive -s, numbers in any grouping), so that
    "Else" is not found inside "Godkendelse". Strings under 3 characters are ignored."""
    from aktindsigt.core.matching import CaseMatcher
    from aktindsigt.core.model import EntityType

    needles = sorted({_norm(r) for r in redacted if len(_norm(r)) >= 3}, key=len, reverse=True)
    if not needles:
        return {}
    matcher = CaseMatcher(((n, EntityType.MANUAL) for n in needles), related=False)
    found = {}
    for name, text in texts.items():
        hits = matcher.present(text or "")
        if hits:
            found[name] = max((matcher.values[i].text for i in hits), key=len)
    return found


def _leak_problems(data: CaseData, redacted: Sequence[str]) -> list[Problem]:
    """Texts that reach the requester must not contain what was redacted."""
    problems: list[Problem] = []
    if not redacted:
        return problems
    st = data.statements
    for d in data.documents:
        doc = d.doc
        checks = {"document.public_title": doc.public_title, "document.access_reason": doc.access_reason,
                  "statements.public_parties": st.public_parties.get(str(doc.id), "")}
        for fld in leaks(checks, redacted):
            what = {"document.public_title": "Den offentlige titel", "document.access_reason": "Begrundelsen",
                    "statements.public_parties": "Afsender/modtager i aktlisten"}[fld]
            problems.append(Problem("leak", f"{what} indeholder en oplysning, der er overstreget i sagen. "
                                    "Omformulér uden oplysningen.", fld, doc.id, doc.akt_nr))
    case_texts = {"case.scope": data.case.scope, "statements.extraction": st.extraction,
                  "statements.meroffentlighed": st.meroffentlighed,
                  **{f"statements.laws.{k}": v for k, v in st.laws.items()}}
    for fld in leaks(case_texts, redacted):
        problems.append(Problem("leak", "Teksten indeholder en oplysning, der er overstreget i sagen. "
                                "Omformulér uden oplysningen.", fld))
    return problems


def checklist(data: CaseData, pending_by_document: Mapping[int, int] | None = None,
              redacted: Sequence[str] = ()) -> list[Problem]:
    """Everything that must be fixed before the final letter can be sent.

    ``redacted``: the texts redacted in the case; titles, reasons and statements must not contain them."""
    pending_by_document = pending_by_document or {}
    problems: list[Problem] = []
    if not data.municipality.name.strip():
        problems.append(Problem("municipality_missing", "Kommunens navn mangler i kommuneprofilen.",
                                "municipality.name"))
    if not data.documents:
        problems.append(Problem("no_documents", "Sagen har ingen dokumenter.", "documents"))
    for d in data.documents:
        problems.extend(_doc_problems(data, d, pending_by_document.get(d.doc.id or 0, 0)))
    if data.outcome != "full":
        if data.applies("extraction") and not data.statements.extraction.strip():
            problems.append(Problem("extraction_missing", "Afgørelsen siger ikke, hvad der er ekstraheret efter "
                                    "offentlighedslovens §§ 28-29, eller hvorfor intet er ekstraheret.",
                                    "statements.extraction"))
        if data.applies("meroffentlighed") and not data.statements.meroffentlighed.strip():
            problems.append(Problem("meroffentlighed_missing", "Afgørelsen siger ikke, at meroffentlighed efter "
                                    "offentlighedslovens § 14 er overvejet, og hvorfor der ikke gives mere.",
                                    "statements.meroffentlighed"))
    named = set(data.texts.get("named_law_grounds") or ())
    for gid, docs in data.grounds_used():
        if gid in named and not data.statements.laws.get(gid, "").strip():
            akt = ", ".join(str(d.akt_nr) for d in docs)
            problems.append(Problem("law_missing", f"{data.ground_label(gid)} er brugt (akt {akt}), men loven om "
                                    "tavshedspligt er ikke nævnt.", f"statements.laws.{gid}"))
    complaint = data.complaint_text()
    if not complaint.strip():
        problems.append(Problem("complaint_missing", f"Der er ingen klagevejledning for {data.case.regime.label}.",
                                "resources/templates/texts.yaml: complaint"))
    elif not data.complaint_body():
        problems.append(Problem("complaint_body_missing", "Klageinstansen er ikke angivet (for partsaktindsigt: "
                                "klageinstansen i den underliggende sag).", "statements.complaint_body"))
    problems.extend(_leak_problems(data, redacted))
    deadline = complaint_deadline_phrases(complaint)
    if deadline:
        problems.append(Problem("complaint_deadline", "Klagevejledningen ser ud til at angive en klagefrist ("
                                f"'{deadline[0]}'). Der er ingen klagefrist; fjern den.",
                                "resources/templates/texts.yaml: complaint"))
    return problems
