"""Redaction use cases: burn the case's decisions into new PDFs and verify each saved file.

For every released document (imported, in scope, not withheld in full) the redactor gets
the document's rendition, one box per line of every span redaction (through the word
map), the drawn areas, and the withheld pages. Every output is verified on the saved file;
an output that fails verification is removed and reported, never released.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import re
import secrets
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aktindsigt.core.geometry import span_rects
from aktindsigt.core.model import (
    AccessType,
    Decision,
    DecisionAction,
    DecisionKind,
    Document,
    DocumentStatus,
    Page,
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
class CaseRedaction:
    out_dir: Path
    documents: list[RedactedDocument] = field(default_factory=list)
    skipped: list[tuple[Document, str]] = field(default_factory=list)  # not released, and why (Danish)
    cancelled: bool = False
    case_id: int = 0
    written: bool = False  # renamed into place (every file passed); otherwise nothing is under out_dir

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


def survivor_words(pages: Sequence[Page], text: str, spans: Sequence[tuple[int, int]],
                   area_pages: set[int], withheld: set[int], terms: Sequence[str]) -> list[str]:
    """Words far from every redaction that must still be in the output."""
    folded_terms = [t.casefold() for t in terms]
    out: list[str] = []
    for page in pages:
        if page.number in withheld or page.number in area_pages:
            continue
        touched_lines = {w.line for w in page.words if any(w.start < b and a < w.end for a, b in spans)}
        for w in page.words:
            if w.line in touched_lines or len(w.text) < 4 or not w.text.isalpha():
                continue
            if any(w.text.casefold() in t or t in w.text.casefold() for t in folded_terms):
                continue
            out.append(w.text)
            if len(out) >= MAX_SURVIVOR_WORDS:
                return out
    return out


class RedactionServices:
    """Mixed into ``Services``."""

    store: Any
    user: str

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
        }, self.user)

    def redact_case_into(self, case_ref: str | int, out_dir: Path, progress: ProgressCallback = no_progress,
                         cancel: CancelToken | None = None, require_ocr: bool = True) -> CaseRedaction:
        """Redact every released document of the case into ``out_dir/udleveret`` and verify each file
        (``out_dir`` is a work folder: ``redact_case`` and the export rename it into place)."""
        from aktindsigt.redact.engine import RedactError, redact_pdf
        from aktindsigt.redact.model import PageWithhold, RedactionBox, RedactOptions
        from aktindsigt.redact.pixelcheck import add_pixel_check
        from aktindsigt.redact.verify import verify

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        grounds = self.legal_grounds()  # type: ignore[attr-defined]
        out_dir = Path(out_dir)
        released = out_dir / RELEASED_DIR
        revision = out_dir / REVISION_DIR
        released.mkdir(parents=True, exist_ok=True)
        revision.mkdir(parents=True, exist_ok=True)
        decisions = self.decisions(case.id)  # type: ignore[attr-defined]
        by_doc: dict[int, list[Decision]] = {}
        for d in decisions:
            if d.action is DecisionAction.REDACT:
                by_doc.setdefault(d.document_id, []).append(d)
        result = CaseRedaction(out_dir=out_dir, case_id=case.id)
        docs = self.store.list_documents(case.id)
        salt = secrets.token_hex(8)
        log_rows: list[dict[str, Any]] = []
        reports: list[dict[str, Any]] = []
        todo = []
        for doc in docs:
            if doc.status is not DocumentStatus.READY:
                result.skipped.append((doc, "Dokumentet kunne ikke importeres og kan ikke udleveres."))
            elif not doc.in_scope:
                result.skipped.append((doc, "Dokumentet er ikke omfattet af anmodningen."))
            elif doc.access is AccessType.WITHHELD:
                result.skipped.append((doc, "Dokumentet er undtaget fra aktindsigt."))
            else:
                todo.append(doc)

        def label(ground_id: str | None) -> str:
            g = grounds.get(ground_id or "")
            return g.short_label if g else "Undtaget"

        def citation(ground_id: str | None) -> str:
            g = grounds.get(ground_id or "")
            return f"{g.statute.lower()}s {g.section}" if g else "reglerne om aktindsigt"

        for i, doc in enumerate(todo):
            if cancel is not None and cancel.cancelled:
                result.cancelled = True
                break
            progress(i, len(todo), f"Overstreger akt {doc.akt_nr}")
            rendition = self.verified_rendition(doc)  # type: ignore[attr-defined]  # its SHA-256 checked first
            pages = self.store.get_pages(doc.id)
            text = self.store.document_text(doc.id)
            boxes: list[RedactionBox] = []
            spans: list[tuple[int, int]] = []
            area_pages: set[int] = set()
            for d in by_doc.get(doc.id, []):
                if d.kind is DecisionKind.SPAN and d.start is not None and d.end is not None:
                    spans.append((d.start, d.end))
                    for pr in span_rects(pages, d.start, d.end):
                        if pr.rect.width > 0 and pr.rect.height > 0:
                            boxes.append(RedactionBox(pr.page, pr.rect, label(d.ground_id), "text"))
                elif d.kind is DecisionKind.AREA and d.page is not None and d.rect is not None:
                    area_pages.add(d.page)
                    boxes.append(RedactionBox(d.page, d.rect, label(d.ground_id), "area"))
                for_log = text[d.start:d.end] if d.kind is DecisionKind.SPAN and d.start is not None else ""
                log_rows.append({
                    "akt_nr": doc.akt_nr, "document_id": doc.id, "decision_id": d.id, "kind": d.kind.value,
                    "entity_type": d.entity_type.value, "ground": d.ground_id or "",
                    "page": d.page or "", "who": d.who, "when": d.at.isoformat() if d.at else "",
                    "text_sha256": hashlib.sha256((salt + for_log).encode()).hexdigest()[:16] if for_log else "",
                })
            withheld_pages = {p.number: p.withheld_ground for p in pages if p.withheld}
            withholds = [PageWithhold(n, citation(g)) for n, g in withheld_pages.items()]
            terms, uncheckable = verification_terms(text, spans)
            survivors = survivor_words(pages, text, spans, area_pages, set(withheld_pages), terms)
            out_path = released / released_name(doc)
            options = RedactOptions(case_number=case.case_number, akt_nr=doc.akt_nr,
                                    title=f"Akt {doc.akt_nr}", redacted_strings=tuple(terms))
            problems: list[str] = []
            try:
                res = redact_pdf(rendition, out_path, boxes, withholds, options)
            except RedactError as e:
                log.error("redaction of akt %s failed: %s", doc.akt_nr, e)
                reports.append({"akt_nr": doc.akt_nr, "passed": False, "error": str(e)})
                result.documents.append(RedactedDocument(doc, None, len(boxes), [], False, {"error": str(e)},
                                                         [f"Akt {doc.akt_nr} kunne ikke overstreges: {e}"]))
                continue
            all_terms = list(dict.fromkeys([*terms, *(t for t in res.redacted_texts if t.strip()
                                                      and t.casefold() not in {u.casefold() for u in uncheckable})]))
            report = verify(out_path, all_terms, survivors, ocr_pages=sorted(set(res.image_redaction_pages)),
                            require_ocr=require_ocr)
            add_pixel_check(report, rendition, out_path, boxes, withheld_pages)  # nothing lost outside the boxes
            rep = report.to_dict()
            rep.update({"akt_nr": doc.akt_nr, "uncheckable_terms": len(uncheckable),
                        "collateral_loss": len(res.collateral_loss)})
            rep.pop("file", None)
            rep["file"] = f"{RELEASED_DIR}/{out_path.name}"
            if not report.passed:
                out_path.unlink(missing_ok=True)
                failed = ", ".join(c.name for c in report.failures)
                problems.append(f"Kontrollen af akt {doc.akt_nr} fandt fejl ({failed}); filen er ikke udleveret.")
                log.error("verification of akt %s failed: %s", doc.akt_nr, failed)
            else:
                rep["sha256"] = hashlib.sha256(out_path.read_bytes()).hexdigest()
            reports.append(rep)
            result.documents.append(RedactedDocument(
                doc, out_path if report.passed else None, len(boxes), res.withheld_pages, report.passed, rep, problems))
        progress(len(todo), len(todo), "")
        _write_csv(revision / "redaction_log.csv", log_rows)
        (revision / "verification_report.json").write_text(
            json.dumps({"case": case.case_number, "passed": result.passed, "documents": reports},
                       ensure_ascii=False, indent=2), encoding="utf-8")
        return result


def _write_csv(path: Path, rows: list[dict[str, Any]]) -> None:
    fields = ["akt_nr", "document_id", "decision_id", "kind", "entity_type", "ground", "page", "who", "when",
              "text_sha256"]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=fields, delimiter=";")
        w.writeheader()
        w.writerows(rows)
