"""Redaction use cases: burn the case's decisions into new PDFs and verify each saved file.

``applied_redactions(case)`` is THE list of what is applied: for every document, one box per
line of every span redaction (through the word map) and the drawn areas, merged into one
region per place (``core.geometry.merge_regions``: a region carries every ground of its
boxes), the withheld pages, and whether the whole document is withheld, with the grounds
each document's decision rests on.  The redactor paints exactly these regions, and the
letter, the aktliste, the journal note and the manifest take the grounds from the same list
(``applied_grounds``), so a stamped ground is always explained.

Verification is case-level and fails closed: every released file is checked against every
value withheld anywhere in the case (all span redactions of all documents, and a person's
name as an e-mail local part), not only against its own decisions.  Before a file is made,
its text is searched for those values (``core.matching``): an occurrence that is not under a
redaction fails the file (the report names the type, the document and the page, never the
value); one that the caseworker deliberately kept (a "behold" decision) is a *conflict*,
shown to the caseworker and in the case-level report.  The saved file is then searched by
every route of ``redact.verify``.  ``revision/case_verification.json`` is the case-level
report (it goes into the export bundle).
"""

from __future__ import annotations

import bisect
import csv
import dataclasses
import hashlib
import json
import logging
import re
import secrets
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aktindsigt.core.geometry import merge_regions, page_of_offset, span_rects
from aktindsigt.core.model import (
    AccessType,
    Decision,
    DecisionAction,
    DecisionKind,
    Document,
    DocumentStatus,
    EntityType,
    Page,
    Rect,
    SuggestionStatus,
)
from aktindsigt.core.progress import CancelToken, ProgressCallback, no_progress

log = logging.getLogger(__name__)

RELEASED_DIR = "udleveret"
REVISION_DIR = "revision"
MAX_SURVIVOR_WORDS = 40


@dataclass
class RedactedDocument:
    document: Document
    path: Path | None  # None when verification failed (the file was removed)
    boxes: int
    withheld_pages: list[int]
    passed: bool
    report: dict[str, Any]
    problems: list[str] = field(default_factory=list)  # Danish, for the caseworker


@dataclass
class Conflict:
    """A value withheld in one place of the case and deliberately kept in another (never the value)."""

    entity_type: EntityType
    withheld_in: list[int]  # akt numbers where it is redacted (or withheld with the document)
    kept_in: int  # akt number of the document that keeps it
    page: int | None

    @property
    def message(self) -> str:
        where = _akter(self.withheld_in)
        page = f", side {self.page}" if self.page else ""
        return (f"{self.entity_type.label} er overstreget i {where}, men bevaret i akt {self.kept_in}{page}. "
                "Overstreg den også dér, eller lad den stå, hvis den bevidst udleveres dér.")

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.entity_type.value, "withheld_in": self.withheld_in, "kept_in": self.kept_in,
                "page": self.page}


@dataclass
class AppliedBox:
    """One box as a decision gives it: a line of a span redaction, or a drawn area."""

    page: int
    rect: Rect
    kind: str  # "text" | "area"
    ground_id: str | None
    decision_id: int | None = None


@dataclass
class AppliedRegion:
    """One painted region: merged boxes, with every ground they carry."""

    page: int
    rect: Rect
    kind: str
    grounds: list[str]


@dataclass
class AppliedDocument:
    document: Document
    released: bool  # a file is made for it (imported, in scope, not withheld in full)
    boxes: list[AppliedBox] = field(default_factory=list)
    regions: list[AppliedRegion] = field(default_factory=list)
    withheld_pages: dict[int, str | None] = field(default_factory=dict)
    grounds: list[str] = field(default_factory=list)  # what the document's decision rests on, ordered, unique


@dataclass
class CaseRedaction:
    out_dir: Path
    documents: list[RedactedDocument] = field(default_factory=list)
    skipped: list[tuple[Document, str]] = field(default_factory=list)  # not released, and why (Danish)
    cancelled: bool = False
    case_id: int = 0
    written: bool = False  # renamed into place (every file passed); otherwise nothing is under out_dir
    conflicts: list[Conflict] = field(default_factory=list)
    case_report: dict[str, Any] = field(default_factory=dict)  # also revision/case_verification.json

    @property
    def passed(self) -> bool:
        return not self.cancelled and all(d.passed for d in self.documents)

    @property
    def failed(self) -> list[RedactedDocument]:
        return [d for d in self.documents if not d.passed]


def slug(text: str, limit: int = 40) -> str:
    t = unicodedata.normalize("NFKD", text.replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
                              .replace("Æ", "Ae").replace("Ø", "Oe").replace("Å", "Aa"))
    t = t.encode("ascii", "ignore").decode()
    t = re.sub(r"[^A-Za-z0-9]+", "_", t).strip("_")
    return (t[:limit].rstrip("_") or "dokument").lower()


def released_name(doc: Document) -> str:
    return f"akt_{doc.akt_nr:04d}_{slug(doc.public_title or doc.title)}.pdf"


def _surviving_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    parts, pos = [], 0
    for a, b in sorted(spans):
        if a > pos:
            parts.append(text[pos:a])
        pos = max(pos, b)
    parts.append(text[pos:])
    return "\n".join(parts)


def verification_terms(text: str, spans: Sequence[tuple[int, int]]) -> tuple[list[str], list[str]]:
    """The strings verification must not find, and those it cannot check.

    A redacted string that also stands in text the caseworker released (an occurrence
    deliberately kept) cannot be searched for; it is reported as not checkable.
    """
    surviving = " ".join(_surviving_text(text, spans).split()).casefold()
    check, uncheckable = [], []
    for a, b in spans:
        s = " ".join(text[a:b].split())
        if not s:
            continue
        (uncheckable if s.casefold() in surviving else check).append(s)
    return list(dict.fromkeys(check)), list(dict.fromkeys(uncheckable))


class WordFilter:
    """Strings a survivor word must not be part of, nor contain (``survivor_words``), prepared once:
    ``also`` is a shared filter looked at too (the case's values, for each of its files)."""

    def __init__(self, terms: Iterable[str], also: WordFilter | None = None) -> None:
        import ahocorasick

        folded = {t.casefold() for t in terms if t}
        self.joined = "\x00".join(folded)  # "a word inside a term": one C search, not one per term
        self.inside = ahocorasick.Automaton()  # "a term inside the word"
        for t in folded:
            self.inside.add_word(t, t)
        if len(self.inside):
            self.inside.make_automaton()
        self.also = also

    def touches(self, word: str) -> bool:
        low = word.casefold()
        if low in self.joined or (len(self.inside) and next(self.inside.iter(low), None) is not None):
            return True
        return self.also is not None and self.also.touches(word)


def survivor_words(pages: Sequence[Page], text: str, spans: Sequence[tuple[int, int]],
                   area_pages: set[int], withheld: set[int], terms: Iterable[str] | WordFilter) -> list[str]:
    """Words far from every redaction that must still be in the output."""
    avoid = terms if isinstance(terms, WordFilter) else WordFilter(terms)
    out: list[str] = []
    for page in pages:
        if page.number in withheld or page.number in area_pages:
            continue
        touched_lines = {w.line for w in page.words if any(w.start < b and a < w.end for a, b in spans)}
        for w in page.words:
            if w.line in touched_lines or len(w.text) < 4 or not w.text.isalpha():
                continue
            if avoid.touches(w.text):
                continue
            out.append(w.text)
            if len(out) >= MAX_SURVIVOR_WORDS:
                return out
    return out


class RedactionServices:
    """Mixed into ``Services``."""

    store: Any
    user: str

    # --- what is applied ---------------------------------------------------------------------

    def _release_reason(self, doc: Document) -> str:
        if doc.status is not DocumentStatus.READY:
            return "Dokumentet kunne ikke importeres og kan ikke udleveres."
        if not doc.in_scope:
            return "Dokumentet er ikke omfattet af anmodningen."
        if doc.access is AccessType.WITHHELD:
            return "Dokumentet er undtaget fra aktindsigt."
        return ""

    def applied_redactions(self, case_ref: str | int, geometry: bool = True,
                           decisions: Sequence[Decision] | None = None) -> list[AppliedDocument]:
        """The list of applied boxes and withheld documents (see the module docstring).

        ``geometry=False`` skips the word maps (no boxes or regions, only the grounds; what the outputs
        need, fast for long documents)."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        if decisions is None:
            decisions = self.decisions(case.id)  # type: ignore[attr-defined]
        by_doc: dict[int, list[Decision]] = {}
        for d in decisions:
            if d.action is DecisionAction.REDACT:
                by_doc.setdefault(d.document_id, []).append(d)
        withheld_by_doc = self.store.withheld_pages(case.id)
        out: list[AppliedDocument] = []
        for doc in self.store.list_documents(case.id):
            released = not self._release_reason(doc)
            item = AppliedDocument(doc, released)
            out.append(item)
            if not doc.in_scope:
                continue
            if doc.access is AccessType.WITHHELD:
                item.grounds = list(dict.fromkeys(g for g in doc.access_grounds if g))
                continue
            item.withheld_pages = {p.number: p.withheld_ground for p in withheld_by_doc.get(doc.id or 0, [])}
            pages = (self.store.get_pages(doc.id) if geometry else self.store.page_index(doc.id)) \
                if by_doc.get(doc.id or 0) else []
            for d in by_doc.get(doc.id or 0, []):
                if d.kind is DecisionKind.SPAN and d.start is not None and d.end is not None:
                    if geometry:
                        for pr in span_rects(pages, d.start, d.end):
                            if pr.rect.width > 0 and pr.rect.height > 0 and pr.page not in item.withheld_pages:
                                item.boxes.append(AppliedBox(pr.page, pr.rect, "text", d.ground_id, d.id))
                    else:
                        page = page_of_offset(pages, d.start)
                        if page is not None and page not in item.withheld_pages:
                            item.boxes.append(AppliedBox(page, Rect(0, 0, 1, 1), "text", d.ground_id, d.id))
                elif d.kind is DecisionKind.AREA and d.page is not None and d.rect is not None \
                        and d.page not in item.withheld_pages:
                    item.boxes.append(AppliedBox(d.page, d.rect, "area", d.ground_id, d.id))
            if geometry:
                for r in merge_regions([(b.page, b.rect, b.kind) for b in item.boxes]):
                    grounds = list(dict.fromkeys(item.boxes[i].ground_id or "" for i in r.members))
                    item.regions.append(AppliedRegion(r.page, r.rect, r.kind, [g for g in grounds if g]))
            box_grounds = [b.ground_id for b in sorted(item.boxes, key=lambda b: (b.page, b.rect.y0, b.rect.x0))]
            item.grounds = list(dict.fromkeys(g for g in (*doc.access_grounds, *box_grounds,
                                                          *item.withheld_pages.values()) if g))
        return out

    def applied_grounds(self, case_ref: str | int) -> dict[int, list[str]]:
        """Document id -> the grounds its decision rests on, from ``applied_redactions`` (the outputs' source)."""
        return {a.document.id or 0: a.grounds for a in self.applied_redactions(case_ref, geometry=False)}

    # --- the values withheld in the case ------------------------------------------------------

    def withheld_values(self, case_ref: str | int, decisions: Sequence[Decision] | None = None
                        ) -> list[tuple[str, EntityType, set[int]]]:
        """Every value redacted anywhere in the case: (text as the view reads it, type, akt numbers)."""
        from aktindsigt.core.matching import decided_value, value_key
        from aktindsigt.services.analysis import UNPROPAGATED, _manual_values

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        if decisions is None:
            decisions = self.decisions(case.id)  # type: ignore[attr-defined]
        akt = {d.id: d.akt_nr for d in self.store.list_documents(case.id)}
        sugg = {s.id: s for s in self.review.list_suggestions(case.id)}  # type: ignore[attr-defined]
        values: dict[str, tuple[str, EntityType, set[int]]] = {}
        for d in decisions:
            if d.action is not DecisionAction.REDACT or d.kind is not DecisionKind.SPAN or d.start is None \
                    or d.end is None:
                continue
            s = sugg.get(d.suggestion_id) if d.suggestion_id is not None else None
            et = s.entity_type if s is not None else d.entity_type
            if et in UNPROPAGATED:
                continue  # a sentence on health or a business secret is checked in its own document
            view = self.document_view(d.document_id)  # type: ignore[attr-defined]
            va, vb = view.from_source(d.start, d.end)
            text = " ".join(view.text[va:vb].split())
            if len(text.replace(" ", "")) < 2:
                continue
            if s is not None:
                # a short form of a person withholds that person (the forms of the group still open in a
                # document fail that file, see ``_CaseCheck``), not every "Tirvald" of the case
                text = decided_value(text, et, s.entity_key)
            for t, e in _manual_values(text, et):
                key = value_key(t, e)
                got = values.setdefault(key, (t, e, set()))
                got[2].add(akt.get(d.document_id, 0))
        return list(values.values())

    # --- redaction ----------------------------------------------------------------------------

    def redact_case(self, case_ref: str | int, out_dir: Path, progress: ProgressCallback = no_progress,
                    cancel: CancelToken | None = None, require_ocr: bool = True,
                    replace: bool = False) -> CaseRedaction:
        """Redact and verify into ``out_dir``, which appears only when every file passed verification (with
        its report); a non-empty ``out_dir`` is refused unless ``replace`` (then it is replaced whole)."""
        from aktindsigt.services.staging import redact_into_folder

        return redact_into_folder(self, case_ref, Path(out_dir), replace, lambda work: self.redact_case_into(
            case_ref, work, progress=progress, cancel=cancel, require_ocr=require_ocr))

    def record_redaction(self, result: CaseRedaction) -> None:
        case = self.get_case(result.case_id)  # type: ignore[attr-defined]
        self.store.set_setting(f"case:{case.id}:last_redaction", {
            "by": self.user, "out_dir": str(result.out_dir), "passed": result.passed, "written": result.written,
            "documents": [{"akt_nr": d.document.akt_nr, "passed": d.passed,
                           "sha256": d.report.get("sha256", "")} for d in result.documents],
            "conflicts": [c.to_dict() for c in result.conflicts],
        }, self.user)

    def redact_case_into(self, case_ref: str | int, out_dir: Path, progress: ProgressCallback = no_progress,
                         cancel: CancelToken | None = None, require_ocr: bool = True) -> CaseRedaction:
        """Redact every released document of the case into ``out_dir/udleveret`` and verify each file
        against every value withheld in the case (``out_dir`` is a work folder: ``redact_case`` and the
        export rename it into place)."""
        from aktindsigt.core.matching import CaseMatcher
        from aktindsigt.detect.propagate import case_matcher, dictionary_word
        from aktindsigt.pdflib import release_caches
        from aktindsigt.redact.engine import RedactError, redact_pdf
        from aktindsigt.redact.model import PageWithhold, RedactionBox, RedactOptions
        from aktindsigt.redact.ocr_cache import ImportedReading
        from aktindsigt.redact.pixelcheck import add_pixel_check
        from aktindsigt.redact.reuse import RedactionCache, redaction_key
        from aktindsigt.redact.verify import verify

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        self.release_detection_workers()  # type: ignore[attr-defined]  # their memory, for the redaction
        cache = RedactionCache.for_user()
        grounds = self.legal_grounds()  # type: ignore[attr-defined]
        out_dir = Path(out_dir)
        released = out_dir / RELEASED_DIR
        revision = out_dir / REVISION_DIR
        released.mkdir(parents=True, exist_ok=True)
        revision.mkdir(parents=True, exist_ok=True)
        decisions = self.decisions(case.id)  # type: ignore[attr-defined]
        by_doc: dict[int, list[Decision]] = {}
        for d in decisions:
            by_doc.setdefault(d.document_id, []).append(d)
        result = CaseRedaction(out_dir=out_dir, case_id=case.id)
        salt = secrets.token_hex(8)
        log_rows: list[dict[str, Any]] = []
        reports: list[dict[str, Any]] = []
        applied = self.applied_redactions(case.id, decisions=decisions)
        todo = []
        for item in applied:
            why = self._release_reason(item.document)
            if why:
                result.skipped.append((item.document, why))
            else:
                todo.append(item)
        # the case-level check: every value withheld anywhere, one automaton for all of them
        values = self.withheld_values(case.id, decisions)
        matcher = case_matcher(((t, e) for t, e, _ in values), related=False)
        withheld_keys = {matcher.values[i].key for i in range(len(matcher))}
        case_terms = CaseTerms(matcher)
        akts_of = {matcher.index[k]: akts for k, akts in
                   ((v.key, values[i][2]) for i, v in enumerate(matcher.values))}
        open_sugg: dict[int, list[Any]] = {}
        for sg in self.review.list_suggestions(case.id, status=SuggestionStatus.PENDING):  # type: ignore[attr-defined]
            if sg.entity_key in withheld_keys:
                open_sugg.setdefault(sg.document_id, []).append(sg)
        case_rows: list[dict[str, Any]] = []

        def label(ground_id: str | None) -> str:
            g = grounds.get(ground_id or "")
            return g.short_label if g else "Undtaget"

        def citation(ground_id: str | None) -> str:
            g = grounds.get(ground_id or "")
            return f"{g.statute.lower()}s {g.section}" if g else "reglerne om aktindsigt"

        for i, item in enumerate(todo):
            doc = item.document
            if i:
                release_caches()  # the documents before are done: their images need not stay decoded
            if cancel is not None and cancel.cancelled:
                result.cancelled = True
                break
            progress(i, len(todo), f"Overstreger akt {doc.akt_nr} (dokument {i + 1} af {len(todo)})")
            rendition = self.verified_rendition(doc)  # type: ignore[attr-defined]  # its SHA-256 checked first
            pages = self.store.get_pages(doc.id)
            text = self.store.document_text(doc.id)
            doc_decisions = by_doc.get(doc.id or 0, [])
            redacts = [d for d in doc_decisions if d.action is DecisionAction.REDACT]
            spans = [(d.start, d.end) for d in redacts if d.kind is DecisionKind.SPAN and d.start is not None
                     and d.end is not None]
            area_pages = {b.page for b in item.boxes if b.kind == "area"}
            boxes = [RedactionBox(b.page, b.rect, label(b.ground_id), b.kind) for b in item.boxes]  # type: ignore[arg-type]
            for d in redacts:
                for_log = text[d.start:d.end] if d.kind is DecisionKind.SPAN and d.start is not None else ""
                log_rows.append({
                    "akt_nr": doc.akt_nr, "document_id": doc.id, "decision_id": d.id, "kind": d.kind.value,
                    "entity_type": d.entity_type.value, "ground": d.ground_id or "",
                    "page": d.page or "", "who": d.who, "when": d.at.isoformat() if d.at else "",
                    "text_sha256": hashlib.sha256((salt + for_log).encode()).hexdigest()[:16] if for_log else "",
                })
            withheld_pages = item.withheld_pages
            withholds = [PageWithhold(n, citation(g)) for n, g in withheld_pages.items()]
            # 1. the document's text against every value withheld in the case
            check = _CaseCheck(self.document_view(doc.id), pages, doc_decisions, set(withheld_pages))  # type: ignore[attr-defined]
            misses, kept = check.run(matcher, open_sugg.get(doc.id or 0, []))
            problems: list[str] = []
            conflict_values: set[int] = set()
            for vi, page in kept:
                c = Conflict(matcher.values[vi].entity_type, sorted(akts_of.get(vi, set()) - {doc.akt_nr})
                             or [doc.akt_nr], doc.akt_nr, page)
                if c not in result.conflicts:
                    result.conflicts.append(c)
                conflict_values.add(vi)
            for et, page, why in misses:
                problems.append(f"Akt {doc.akt_nr}, side {page or '?'}: {et.label.lower()}, som er undtaget i sagen, "
                                f"{why}; filen er ikke udleveret.")
            # 2. redact, then search the saved file by every route: the document's own redacted text and
            # open suggestions here, and (the shared set, built once) every value withheld in the case
            own_terms, _uncheckable = verification_terms(text, spans)
            terms: list[tuple[str, str]] = [(t, "") for t in own_terms]
            terms += [(sg.text, sg.entity_type.value) for sg in open_sugg.get(doc.id or 0, [])]
            skip = case_terms.skip_for(conflict_values)
            survivors = survivor_words(pages, text, spans, area_pages, set(withheld_pages),
                                       case_terms.word_filter([t for t, _ in terms], skip))
            out_path = released / released_name(doc)
            # links and outline entries that carry a value withheld anywhere in the case are dropped (a value
            # kept here too: its link goes, its text stays)
            options = RedactOptions(case_number=case.case_number, akt_nr=doc.akt_nr, title=f"Akt {doc.akt_nr}",
                                    redacted_strings=tuple(t for t, _ in terms), case_strings=case_terms.all)
            surviving = _surviving_text(text, spans)
            # every input of the redaction and its verification: a file verified with the same inputs is
            # reused (redact/reuse.py), e.g. by the export after the caseworker's redaction (the case's
            # values by their digest: hashing them once per file grew with documents times values)
            key = redaction_key(rendition=doc.rendition_sha256, boxes=boxes, withholds=withholds,
                                options=dataclasses.replace(options, case_strings=()),
                                terms=terms, case_terms=case_terms.digest(skip), survivors=survivors, spans=spans,
                                require_ocr=require_ocr, text=hashlib.sha256(text.encode("utf-8")).hexdigest())
            report = None
            kept_entry = cache.fetch(key, out_path)
            if kept_entry is not None:
                rep = dict(kept_entry["report"])
                out_withheld = list(kept_entry["withheld_pages"])
                collateral = int(kept_entry["collateral_loss"])
                file_passed = True
            else:
                try:
                    res = redact_pdf(rendition, out_path, boxes, withholds, options)
                except RedactError as e:
                    log.error("redaction of akt %s failed: %s", doc.akt_nr, e)
                    reports.append({"akt_nr": doc.akt_nr, "passed": False, "error": str(e)})
                    result.documents.append(RedactedDocument(doc, None, len(boxes), [], False, {"error": str(e)},
                                                             [f"Akt {doc.akt_nr} kunne ikke overstreges: {e}"]))
                    continue
                under = [t for t in res.redacted_texts if t.strip()]
                if under:
                    survive = CaseMatcher(((t, EntityType.MANUAL) for t in under), related=False).present(surviving)
                    under_m = CaseMatcher(((t, EntityType.MANUAL) for t in under), related=False)
                    terms += [(t, "") for t in under if under_m.index.get(_mkey(t)) not in survive]
                # scanned pages: the import's words are reused where the pixels did not change (ocr_cache)
                imported = {p.number: [(w.text, (w.rect.x0, w.rect.y0, w.rect.x1, w.rect.y1), w.line)
                                       for w in p.words] for p in pages if p.ocr}
                with ImportedReading(rendition, imported) as ocr_session:
                    report = verify(out_path, terms, survivors, ocr_pages=sorted(set(res.image_redaction_pages)),
                                    require_ocr=require_ocr, ocr_session=ocr_session, word_like=dictionary_word,
                                    shared_terms=case_terms.terms, skip_shared=skip)
                add_pixel_check(report, rendition, out_path, boxes, withheld_pages)  # nothing lost outside the boxes
                rep = report.to_dict()
                rep["terms"] = _terms_checked(terms + case_terms.labelled(skip), len(report.terms) + report.shared_terms)
                out_withheld, collateral, file_passed = list(res.withheld_pages), len(res.collateral_loss), report.passed
                if file_passed and not misses:
                    cache.keep(key, out_path, rep, out_withheld, collateral)
            rep.update({"akt_nr": doc.akt_nr, "case_values_checked": len(matcher) - len(conflict_values),
                        "conflicts": len(conflict_values), "missed_occurrences": len(misses),
                        "collateral_loss": collateral, "reused": kept_entry is not None})
            rep.pop("file", None)
            rep["file"] = f"{RELEASED_DIR}/{out_path.name}"
            passed = file_passed and not misses
            if report is not None and not report.passed:
                failed = ", ".join(c.name for c in report.failures)
                problems += failure_messages(doc.akt_nr, report)
                log.error("verification of akt %s failed: %s", doc.akt_nr, failed)
            if misses:
                log.error("akt %s: %d occurrences of values withheld in the case are not redacted", doc.akt_nr,
                          len(misses))
            if not passed:
                out_path.unlink(missing_ok=True)
            else:
                rep["sha256"] = hashlib.sha256(out_path.read_bytes()).hexdigest()
            rep["passed"] = passed
            reports.append(rep)
            case_rows.append({"akt_nr": doc.akt_nr, "passed": passed, "file_checks_passed": file_passed,
                              "missed": [{"type": et.value, "page": page} for et, page, _ in misses],
                              "conflicts": len(conflict_values)})
            result.documents.append(RedactedDocument(
                doc, out_path if passed else None, len(boxes), out_withheld, passed, rep, problems))
        progress(len(todo), len(todo), "")
        cache.trim()
        if cache.hits:
            log.info("case %s: %d of %d files reused from an earlier verified redaction", case.id, cache.hits,
                     cache.hits + cache.misses)
        by_type: dict[str, int] = {}
        for _t, e, _a in values:
            by_type[e.value] = by_type.get(e.value, 0) + 1
        result.case_report = {
            "case": case.case_number, "passed": result.passed, "cancelled": result.cancelled,
            "values_withheld": len(values), "values_by_type": by_type,
            "documents_checked": len(case_rows), "documents": case_rows,
            "not_released": [{"akt_nr": d.akt_nr, "reason": why} for d, why in result.skipped],
            "conflicts": [c.to_dict() for c in result.conflicts],
            "routes": ["document text (normalised view)", "text layer: text, words, rawchars, blocks", "ocr",
                       "annotations", "widgets", "embedded_files", "outline", "links", "metadata",
                       "raw_objects", "raw_file"],
        }
        _write_csv(revision / "redaction_log.csv", log_rows)
        (revision / "verification_report.json").write_text(
            json.dumps({"case": case.case_number, "passed": result.passed, "documents": reports},
                       ensure_ascii=False, indent=2), encoding="utf-8")
        (revision / CASE_REPORT).write_text(json.dumps(result.case_report, ensure_ascii=False, indent=2),
                                            encoding="utf-8")
        return result

    def case_conflicts(self, case_ref: str | int) -> list[Conflict]:
        """Values withheld in one document and deliberately kept in another (without making files)."""
        from aktindsigt.detect.propagate import case_matcher

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        decisions = self.decisions(case.id)  # type: ignore[attr-defined]
        values = self.withheld_values(case.id, decisions)
        if not values:
            return []
        matcher = case_matcher(((t, e) for t, e, _ in values), related=False)
        akts_of = {matcher.index[v.key]: values[i][2] for i, v in enumerate(matcher.values)}
        by_doc: dict[int, list[Decision]] = {}
        for d in decisions:
            by_doc.setdefault(d.document_id, []).append(d)
        out: list[Conflict] = []
        for item in self.applied_redactions(case.id, geometry=False, decisions=decisions):
            doc = item.document
            if not item.released or not any(d.action is DecisionAction.KEEP for d in by_doc.get(doc.id or 0, [])):
                continue
            check = _CaseCheck(self.document_view(doc.id), self.store.page_index(doc.id),  # type: ignore[attr-defined]
                               by_doc.get(doc.id or 0, []), set(item.withheld_pages), geometry=False)
            _misses, kept = check.run(matcher, [])
            for vi, page in kept:
                c = Conflict(matcher.values[vi].entity_type, sorted(akts_of.get(vi, set()) - {doc.akt_nr})
                             or [doc.akt_nr], doc.akt_nr, page)
                if c not in out:
                    out.append(c)
        return out


CASE_REPORT = "case_verification.json"

#: a verification detail of a term: "term #3 (PERSON, sha256:…) found on page 1" (never the value itself)
_TERM_DETAIL = re.compile(r"term #\d+ \((?:(?P<type>[A-Z_]+), )?sha256:[0-9a-f]+\) (?P<how>.*?)(?: on page (?P<page>\d+))?$")
_ROUTES = {"text": "i filens tekst", "ocr": "ved tekstgenkendelse (OCR) af siden", "annotations": "i en kommentar",
           "widgets": "i et formularfelt", "embedded_files": "i en vedhæftet fil",
           "outline": "i filens bogmærker", "links": "i et link", "metadata": "i filens metadata",
           "raw_objects": "i filens indre data", "raw_file": "i filens indre data"}
_CHECKS = {"outside_boxes_kept": "indhold uden for overstregningerne er ændret",
           "ocr": "siderne kunne ikke læses med tekstgenkendelse (OCR)", "open": "filen kan ikke åbnes"}


def failure_messages(akt_nr: int, report: Any) -> list[str]:
    """The failed checks of a file in Danish for the caseworker: what kind of value can still be read, where
    (page and route), never the value; checks without a value found are named by what failed."""
    out: list[str] = []
    other: list[str] = []
    for check in report.failures:
        route = _ROUTES.get(check.name.split(":")[0], "i filen")
        found = [m for m in (_TERM_DETAIL.match(d) for d in check.details) if m]
        for m in found:
            kind = m["type"] or ""
            et = EntityType(kind) if kind in EntityType._value2member_map_ else None
            what = et.label.lower() if et is not None and et is not EntityType.MANUAL else "en overstreget tekst"
            page = f", side {m['page']}" if m["page"] else ""
            msg = f"Akt {akt_nr}{page}: {what} kan stadig læses {route}; filen er ikke udleveret."
            if msg not in out:
                out.append(msg)
        if not found:
            what = _CHECKS.get(check.name, check.name)
            if what not in other:
                other.append(what)
    if other:
        out.append(f"Kontrollen af akt {akt_nr} fejlede ({', '.join(other)}); filen er ikke udleveret.")
    return out


def _mkey(t: str) -> str:
    from aktindsigt.core.matching import value_key

    return value_key(t, EntityType.MANUAL)


def _akter(akts: Sequence[int]) -> str:
    akts = sorted(set(akts))
    if len(akts) == 1:
        return f"akt {akts[0]}"
    return "akt " + ", ".join(map(str, akts[:-1])) + f" og {akts[-1]}"


class CaseTerms:
    """The strings every released file of a case is searched for - each value withheld in the case and its
    verification forms - in one ``redact.verify.TermSet``, built once for all the case's files."""

    def __init__(self, matcher: Any) -> None:
        from aktindsigt.detect.propagate import dictionary_word
        from aktindsigt.redact.verify import TermSet

        pairs: list[tuple[str, str]] = []
        self._of_value: dict[int, list[str]] = {}
        for vi, v in enumerate(matcher.values):
            forms = _verification_forms(v.text, v.entity_type)
            self._of_value[vi] = [f.strip() for f in forms]
            pairs += [(form, v.entity_type.value) for form in forms]
        self.terms = TermSet(pairs, word_like=dictionary_word)
        self._values_of: dict[int, set[int]] = {}  # term index -> the values that have it as a form
        for vi, forms in self._of_value.items():
            for f in forms:
                j = self.terms.position.get(f)
                if j is not None:
                    self._values_of.setdefault(j, set()).add(vi)
        self.all = tuple(self.terms.strings)  # one tuple for every file (``RedactOptions.case_strings``)
        self._filter: WordFilter | None = None

    def skip_for(self, kept_values: set[int]) -> frozenset[int]:
        """The terms not to look for in a document that deliberately keeps ``kept_values`` (a term is
        skipped only when every value it is a form of is kept there)."""
        if not kept_values:
            return frozenset()
        return frozenset(j for vi in kept_values for f in self._of_value.get(vi, ())
                         if (j := self.terms.position.get(f)) is not None and self._values_of[j] <= kept_values)

    def word_filter(self, own: Sequence[str], skip: frozenset[int] = frozenset()) -> WordFilter:
        """``survivor_words``' filter of a file: its own strings and the case's (but ``skip``)."""
        if skip:
            return WordFilter([*own, *(t for j, t in enumerate(self.terms.strings) if j not in skip)])
        if self._filter is None:
            self._filter = WordFilter(self.terms.strings)
        return WordFilter(own, also=self._filter)

    def labelled(self, skip: frozenset[int] = frozenset()) -> list[tuple[str, str]]:
        return [(t, self.terms.labels[j]) for j, t in enumerate(self.terms.strings) if j not in skip]

    def digest(self, skip: frozenset[int] = frozenset()) -> str:
        return f"{self.terms.digest}:{sorted(skip)}" if skip else self.terms.digest


def _verification_forms(text: str, et: EntityType) -> list[str]:
    """The strings a released file must not contain for one withheld value: the value, an address's
    street and number, and a person's name as an e-mail local part (anne.kjeldsen, annekjeldsen)."""
    from aktindsigt.core.matching import ascii_forms, person_parts

    forms = [text]
    street = text.split(",")[0].strip()
    if et is EntityType.ADDRESS and street != text and any(c.isdigit() for c in street) and len(street) >= 5:
        forms.append(street)  # "Kløvermarksvej 3" alone gives the address away
    if et is EntityType.PERSON:
        p = person_parts(text)
        if p is not None:
            for f in ascii_forms(p.first):
                for s in ascii_forms(p.last.replace(" ", "")):
                    forms += [f"{f}.{s}", f"{f}_{s}", f"{f}{s}"]
    return list(dict.fromkeys(forms))


class _CaseCheck:
    """One document's text against the values withheld in the case: every occurrence is under a
    redaction (span, area, withheld page), deliberately kept (a keep decision), or missed."""

    def __init__(self, view: Any, pages: Sequence[Page], decisions: Sequence[Decision], withheld_pages: set[int],
                 geometry: bool = True) -> None:
        self.view = view
        self.pages = pages
        self.withheld_pages = withheld_pages
        self.geometry = geometry
        spans = sorted((d.start, d.end) for d in decisions if d.action is DecisionAction.REDACT
                       and d.kind is DecisionKind.SPAN and d.start is not None and d.end is not None)
        self.redacted: list[tuple[int, int]] = []
        for a, b in spans:  # union of the redacted spans
            if self.redacted and a <= self.redacted[-1][1]:
                self.redacted[-1] = (self.redacted[-1][0], max(b, self.redacted[-1][1]))
            else:
                self.redacted.append((a, b))
        self.kept = [(d.start, d.end) for d in decisions if d.action is DecisionAction.KEEP
                     and d.kind is DecisionKind.SPAN and d.start is not None and d.end is not None]
        self.areas: dict[int, list[Rect]] = {}
        for d in decisions:
            if d.action is DecisionAction.REDACT and d.kind is DecisionKind.AREA and d.page and d.rect:
                self.areas.setdefault(d.page, []).append(d.rect)

    def _covered(self, a: int, b: int) -> bool:
        """Every letter and digit of [a, b) lies in a redacted span."""
        src = self.view.source
        i = bisect.bisect_right(self.redacted, (a, len(src) + 1)) - 1
        pos = a
        for s, e in self.redacted[max(i, 0):]:
            if s >= b:
                break
            if e <= pos:
                continue
            if s > pos and any(c.isalnum() for c in src[pos:s]):
                return False
            pos = max(pos, e)
            if pos >= b:
                return True
        return not any(c.isalnum() for c in src[pos:b])

    def _under_area(self, a: int, b: int) -> bool:
        if not self.areas or not self.geometry:
            return False
        rects = span_rects(self.pages, a, b)
        if not rects:
            return False
        for pr in rects:
            inside = False
            for r in self.areas.get(pr.page, []):
                ix = max(0.0, min(r.x1, pr.rect.x1) - max(r.x0, pr.rect.x0))
                iy = max(0.0, min(r.y1, pr.rect.y1) - max(r.y0, pr.rect.y0))
                if ix * iy >= 0.5 * max(pr.rect.width * pr.rect.height, 1e-9):
                    inside = True
                    break
            if not inside:
                return False
        return True

    def run(self, matcher: Any, open_suggestions: Sequence[Any]) -> tuple[list[tuple[EntityType, int | None, str]],
                                                                         list[tuple[int, int | None]]]:
        """(misses: type, page, why in Danish), (kept: value index, page)."""
        misses: list[tuple[EntityType, int | None, str]] = []
        missed: list[tuple[int, int]] = []
        kept: list[tuple[int, int | None]] = []
        for h in matcher.find(self.view) if len(matcher) else []:
            if not h.exact:
                continue
            a, b = self.view.to_source(h.start, h.end)
            page = page_of_offset(self.pages, a)
            if page in self.withheld_pages or self._covered(a, b) or self._under_area(a, b):
                continue
            if any(s < b and a < e for s, e in self.kept):
                kept.append((h.value, page))
                continue
            misses.append((matcher.values[h.value].entity_type, page, "står uden overstregning"))
            missed.append((a, b))
        for sg in open_suggestions:
            page = page_of_offset(self.pages, sg.start)
            if page in self.withheld_pages or self._covered(sg.start, sg.end) or self._under_area(sg.start, sg.end):
                continue
            if any(s < sg.end and sg.start < e for s, e in missed):
                continue
            misses.append((sg.entity_type, page, "afventer stadig en afgørelse"))
        return misses, kept


def _terms_checked(terms: Sequence[tuple[str, str]], distinct: int) -> dict[str, Any]:
    """The per-file report's account of what was looked for: how many distinct strings, by type (``own``:
    the document's own redacted text).  Not one salted reference per string: every file is checked for
    every value withheld in the case, so a list per file grows with documents times values (60 MB of
    report and 1.2 GB of memory at 1,000 pages, #14); a string that is found is named in the check's
    details with its reference."""
    first: dict[str, str] = {}  # as verify counts them: each text once, with its first label
    for text, et in terms:
        first.setdefault(text.strip(), et or "own")
    first.pop("", None)
    return {"checked": distinct, "by_type": dict(sorted(Counter(first.values()).items()))}


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    fields = ["akt_nr", "document_id", "decision_id", "kind", "entity_type", "ground", "page", "who", "when",
              "text_sha256"]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, delimiter=";")
        w.writeheader()
        w.writerows(rows)
