"""Analysis use cases: run the detection engine over a case, spread known entities to every
occurrence (propagation), apply the allowlists, and propose public titles.

Re-running keeps every decision and adds only new suggestions (the store skips a
suggestion whose document, span and type already exist).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from aktindsigt.core.model import (
    Case,
    DecisionAction,
    DocumentStatus,
    EntityType,
    Suggestion,
    SuggestionStatus,
)
from aktindsigt.core.progress import CancelToken, ProgressCallback, no_progress

log = logging.getLogger(__name__)

PROPAGATION_SCORE = 0.6
BATCH_DOCUMENTS = 8
# Placeholders used in proposed public titles, by entity type
TITLE_PLACEHOLDER = {
    EntityType.PERSON: "[navn]",
    EntityType.CPR: "[cpr-nr.]",
    EntityType.ADDRESS: "[adresse]",
    EntityType.PHONE: "[tlf.]",
    EntityType.EMAIL: "[e-mail]",
    EntityType.URL: "[webadresse]",
    EntityType.BANK_ACCOUNT: "[kontonr.]",
    EntityType.IBAN: "[kontonr.]",
    EntityType.CARD: "[kortnr.]",
    EntityType.LICENCE_PLATE: "[reg.nr.]",
}

EMPLOYEES_KEY = "allowlist.employees"
POLITICIANS_KEY = "allowlist.politicians"
STOPWORDS_KEY = "allowlist.stopwords"
MUNICIPALITY_NAMES_KEY = "allowlist.municipality_names"
MUNICIPALITY_ADDRESSES_KEY = "allowlist.municipality_addresses"


@dataclass
class AnalysisSummary:
    documents: int = 0
    new_suggestions: int = 0
    propagated: int = 0
    public_titles: int = 0
    cancelled: bool = False
    by_type: dict[str, int] = field(default_factory=dict)
    changes: Any = None  # services.Changes


class AnalysisServices:
    """Mixed into ``Services``."""

    store: Any
    user: str
    engine_factory: Callable[[], Any] | None = None  # tests inject a small engine

    def _engine(self) -> Any:
        engine = getattr(self, "_detection_engine", None)
        if engine is None:
            from aktindsigt.services.cases import ServiceError

            try:
                if self.engine_factory is not None:
                    engine = self.engine_factory()
                else:
                    from aktindsigt.detect.engine import DetectionEngine, default_processes

                    engine = DetectionEngine(n_process=default_processes())
            except RuntimeError as e:
                log.exception("cannot load the detection engine")
                raise ServiceError(
                    "Sprogmodellen til genkendelse af navne kunne ikke indlæses. Geninstallér programmet, "
                    "eller kontakt support.", str(e)) from e
            self._detection_engine = engine
            self._engine_lock = threading.Lock()
        return engine

    # --- allowlists ------------------------------------------------------------

    def import_employees_csv(self, path: Path) -> int:
        """Import (replace) the list of employees acting in their job; returns how many."""
        from aktindsigt.detect.allowlist import Allowlist
        from aktindsigt.services.cases import ServiceError

        try:
            raw = Path(path).read_bytes()
        except OSError as e:
            raise ServiceError(f"Filen kunne ikke læses: {path}") from e
        for enc in ("utf-8-sig", "cp1252"):
            try:
                content = raw.decode(enc)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise ServiceError("CSV-filen har en tegnsætning, der ikke kan læses. Gem den som UTF-8.")
        try:
            n = Allowlist().add_employees_csv(content)
        except ValueError as e:
            raise ServiceError(str(e)) from e
        if n == 0:
            raise ServiceError("CSV-filen indeholder ingen medarbejdere.")
        self.store.set_setting(EMPLOYEES_KEY, {"csv": content, "count": n}, self.user)
        return n

    def employees_count(self) -> int:
        return int((self.store.get_setting(EMPLOYEES_KEY) or {}).get("count", 0))

    def set_allowlist(self, politicians: Sequence[str] | None = None, stopwords: Sequence[str] | None = None,
                      municipality_names: Sequence[str] | None = None,
                      municipality_addresses: Sequence[str] | None = None) -> None:
        for key, values in ((POLITICIANS_KEY, politicians), (STOPWORDS_KEY, stopwords),
                            (MUNICIPALITY_NAMES_KEY, municipality_names),
                            (MUNICIPALITY_ADDRESSES_KEY, municipality_addresses)):
            if values is not None:
                self.store.set_setting(key, [v.strip() for v in values if v.strip()], self.user)

    def allowlist_for(self, case: Case) -> Any:
        from aktindsigt.detect.allowlist import Allowlist

        allow = Allowlist.default()
        stored = self.store.get_setting(EMPLOYEES_KEY) or {}
        if stored.get("csv"):
            allow.add_employees_csv(stored["csv"])
        for name in self.store.get_setting(POLITICIANS_KEY) or []:
            allow.add_politician(name)
        allow.add_stopwords(self.store.get_setting(STOPWORDS_KEY) or [])
        allow.add_municipality(self.store.get_setting(MUNICIPALITY_NAMES_KEY) or [],
                               self.store.get_setting(MUNICIPALITY_ADDRESSES_KEY) or [])
        # the authority's own profile (the letterhead) is never personal data
        profile = self.municipality()  # type: ignore[attr-defined]
        # (the whole address only: a line such as "7190 Fjordby" alone would also allow citizens' addresses)
        allow.add_municipality([profile.name, profile.unit], [", ".join(profile.address_lines)],
                               [profile.email], [profile.phone])
        ids = case.requester_identifiers
        if case.regime.own_data and case.requester_name and case.requester_name not in ids.names:
            ids.names.append(case.requester_name)
        allow.add_requester(ids, case.regime)
        return allow

    # --- analysis ----------------------------------------------------------------

    def analyze_case(self, case_ref: str | int, progress: ProgressCallback = no_progress,
                     cancel: CancelToken | None = None) -> AnalysisSummary:
        from aktindsigt.detect.engine import DetectionCancelled
        from aktindsigt.detect.propagate import KnownEntity, entity_key, propagate
        from aktindsigt.services.cases import Changes, ServiceError

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        docs = [d for d in self.store.list_documents(case.id) if d.status is DocumentStatus.READY]
        if not docs:
            raise ServiceError("Sagen har ingen læsbare dokumenter at analysere. Importér dokumenter først.")
        engine = self._engine()
        allow = self.allowlist_for(case)
        summary = AnalysisSummary(documents=len(docs), changes=Changes(cases={case.id}))
        texts: dict[int, str] = {}
        found: list[Suggestion] = []
        total = len(docs) + 1
        with self._engine_lock:
            engine.regime = case.regime
            engine.allow = allow
            # with worker processes, bigger batches keep them busy (cancel is checked per chunk anyway)
            step = BATCH_DOCUMENTS * 8 if getattr(engine, "n_process", 1) > 1 else BATCH_DOCUMENTS
            for i in range(0, len(docs), step):
                if cancel is not None and cancel.cancelled:
                    summary.cancelled = True
                    break
                batch = docs[i : i + step]
                progress(i, total, f"Analyserer {batch[0].title}")
                batch_texts = [self.document_text(d.id) for d in batch]  # type: ignore[attr-defined]
                try:
                    results = engine.analyze_texts(
                        batch_texts, cancelled=(lambda: cancel.cancelled) if cancel is not None else None)
                except DetectionCancelled:
                    summary.cancelled = True
                    break
                for doc, text, detections in zip(batch, batch_texts, results, strict=True):
                    texts[doc.id] = text
                    for det in detections:
                        found.append(Suggestion(
                            case_id=case.id, document_id=doc.id, entity_type=det.entity_type, start=det.start,
                            end=det.end, text=det.text, score=det.score, detector=det.detector,
                            ground_id=det.ground_id, preselected=det.preselected,
                            entity_key=entity_key(det.text, det.entity_type),
                        ))
            # Public titles: titles and file names carry names and CPR numbers too
            titled = [d for d in docs if d.id in texts and d.public_title == d.title]
            if titled and not summary.cancelled:
                for doc, detections in zip(titled, engine.analyze_texts([d.title for d in titled]), strict=True):
                    public = _public_title(doc.title, detections)
                    if public != doc.public_title:
                        doc.public_title = public
                        self.store.update_document(doc, self.user, action="document.public_title")
                        summary.public_titles += 1
                        summary.changes.documents.add(doc.id)
        progress(total - 1, total, "Finder alle forekomster i sagen")
        _group_name_forms(found, texts, KnownEntity, propagate)
        added = self.review.add_suggestions(case.id, found, self.user)  # type: ignore[attr-defined]
        summary.new_suggestions += len(added)
        # Propagation: every entity known in the case (suggested, or decided by the caseworker)
        if texts:
            propagated = self._propagate(case, texts, allow, engine, KnownEntity, propagate)
            added_p = self.review.add_suggestions(case.id, propagated, self.user)  # type: ignore[attr-defined]
            summary.propagated = len(added_p)
            summary.new_suggestions += len(added_p)
            added += added_p
        for s in added:
            summary.by_type[s.entity_type.value] = summary.by_type.get(s.entity_type.value, 0) + 1
            summary.changes.suggestions.add(s.id)
            summary.changes.documents.add(s.document_id)
        if summary.public_titles or added:
            self._edited(case.id, "analysis")  # type: ignore[attr-defined]
        progress(total, total, "")
        return summary

    def _propagate(self, case: Case, texts: dict[int, str], allow: Any, engine: Any, KnownEntity: Any,
                   propagate: Any) -> list[Suggestion]:
        existing = self.review.list_suggestions(case.id)  # type: ignore[attr-defined]
        known: dict[tuple[str, EntityType], Any] = {}
        for s in existing:
            if s.status is not SuggestionStatus.REJECTED and s.entity_type is not EntityType.MANUAL:
                known.setdefault((s.text.casefold(), s.entity_type), KnownEntity(s.text, s.entity_type))
        for d in self.review.list_decisions(case.id):  # type: ignore[attr-defined]
            if d.action is DecisionAction.REDACT and d.start is not None and d.end is not None and d.document_id in texts:
                t = texts[d.document_id][d.start : d.end]
                et = d.entity_type if d.entity_type is not EntityType.MANUAL else EntityType.MANUAL
                if t.strip():
                    known.setdefault((t.casefold(), et), KnownEntity(t, et))
        if not known:
            return []
        spans: dict[int, list[tuple[int, int, EntityType]]] = {}
        for s in existing:
            spans.setdefault(s.document_id, []).append((s.start, s.end, s.entity_type))
        out: list[Suggestion] = []
        for occ in propagate(texts, known.values()):
            if allow(occ.entity_type, occ.text):
                continue
            if any(a < occ.end and occ.start < b and t is occ.entity_type for a, b, t in spans.get(occ.doc, [])):
                continue
            entry = engine.policy.entry(case.regime, occ.entity_type)
            out.append(Suggestion(
                case_id=case.id, document_id=occ.doc, entity_type=occ.entity_type, start=occ.start, end=occ.end,
                text=occ.text, score=PROPAGATION_SCORE if not occ.ambiguous else PROPAGATION_SCORE / 2,
                detector=f"propagation:{occ.form}", ground_id=entry.ground_id, preselected=entry.preselected,
                entity_key=occ.entity_key,
            ))
            spans.setdefault(occ.doc, []).append((occ.start, occ.end, occ.entity_type))
        return out


def _group_name_forms(found: list[Suggestion], texts: dict[int, str], KnownEntity: Any, propagate: Any) -> None:
    """A short form of a person found directly in a document ("M. Hansen", "Mettes", "HANSEN") gets the
    key of the full name found in the case ("Mette Hansen"), as propagation would give it, so that one
    decision covers every form."""
    full = {s.text for s in found if s.entity_type is EntityType.PERSON and len(s.text.split()) >= 2
            and not any(w.endswith(".") for w in s.text.split())}  # "Mette Hansen", not "M. Hansen"
    if not full:
        return
    occ = {(o.doc, o.start, o.end): o.entity_key
           for o in propagate(texts, [KnownEntity(t, EntityType.PERSON) for t in full])
           if o.entity_type is EntityType.PERSON and o.form != "full"}
    from aktindsigt.detect.propagate import entity_key

    parts: dict[str, set[str]] = {}  # first name or surname -> keys of the full names that have it
    for t in full:
        for w in t.split():
            if len(w.rstrip(".")) > 1:
                parts.setdefault(w.casefold(), set()).add(entity_key(t, EntityType.PERSON))
    for s in found:
        if s.entity_type is not EntityType.PERSON:
            continue
        key = occ.get((s.document_id, s.start, s.end))
        word = s.text.casefold()
        if key is None and " " not in word:
            for stem in (word, word[:-1] if word.endswith(("s", "'")) else None):
                if stem and len(parts.get(stem, ())) == 1:
                    key = next(iter(parts[stem]))  # "Mettes", "HANSEN": one person of the case has that name
                    break
        if key and key != s.entity_key and len(s.text) < len(key):
            s.entity_key = key


def _public_title(title: str, detections: Sequence[Any]) -> str:
    """The title with personal data replaced by placeholders ("Lægeerklæring vedr. [navn] [cpr-nr.]")."""
    out = title
    for det in sorted(detections, key=lambda d: d.start, reverse=True):
        placeholder = TITLE_PLACEHOLDER.get(det.entity_type)
        if placeholder is None:  # e.g. "Lægeerklæring" is a sensitive word, but identifies nobody
            continue
        out = out[: det.start] + placeholder + out[det.end :]
    return re.sub(r"\s+", " ", out).strip()
