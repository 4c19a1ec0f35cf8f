"""Analysis use cases: run the detection engine over a case, spread known entities to every
occurrence (propagation), apply the allowlists, and propose public titles.

Re-running keeps every decision and adds only new suggestions (the store skips a
suggestion whose document, span and type already exist).
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from aktindsigt.core.model import (
    Case,
    Decision,
    DecisionAction,
    DecisionKind,
    DocumentStatus,
    EntityType,
    Suggestion,
    SuggestionStatus,
)
from aktindsigt.core.progress import CancelToken, ProgressCallback, no_progress

log = logging.getLogger(__name__)

PROPAGATION_SCORE = 0.6
BATCH_DOCUMENTS = 8
PIPELINE_BATCHES = 2  # batches handed to the detection workers ahead of the one being stored
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
    detection_seconds: float = 0.0
    propagation_seconds: float = 0.0
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
                    engine.warm_up()
            except RuntimeError as e:
                log.exception("cannot load the detection engine")
                raise ServiceError(
                    "Sprogmodellen til genkendelse af navne kunne ikke indlæses. Geninstallér programmet, "
                    "eller kontakt support.", str(e)) from e
            self._detection_engine = engine
            self._engine_lock = threading.Lock()
        return engine

    def release_detection_workers(self) -> None:
        """Stop the detection engine's idle worker processes (each holds a model, ~250 MB): the redaction
        and the export that follow an analysis do not need them, and the next analysis starts them again."""
        engine = getattr(self, "_detection_engine", None)
        workers = getattr(engine, "workers", None)
        if workers is not None and workers.stop_if_idle():
            log.info("detection workers stopped before the redaction")

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
        allow.add_requester(case.requester_identifiers, case.regime, case.requester_name)  # own-data regimes only
        return allow

    # --- the normalised view of a document ----------------------------------------

    def document_view(self, document_id: int) -> Any:
        """The normalised view of a document's text (``core.textview``), built from its word map once
        and kept (documents never change their text)."""
        from aktindsigt.core.textview import TextView

        lock = self.__dict__.setdefault("_view_lock", threading.Lock())
        with lock:
            cache: OrderedDict[int, Any] = self.__dict__.setdefault("_view_cache", OrderedDict())
            view = cache.get(document_id)
            if view is not None:
                cache.move_to_end(document_id)
                return view
        view = TextView.build(self.store.document_text(document_id), self.store.get_pages(document_id))
        with lock:
            cache[document_id] = view
            total = sum(len(v.source) for v in cache.values())
            while total > VIEW_CACHE_CHARS and len(cache) > 1:
                _, old = cache.popitem(last=False)
                total -= len(old.source)
        return view

    # --- analysis ----------------------------------------------------------------

    def analyze_case(self, case_ref: str | int, progress: ProgressCallback = no_progress,
                     cancel: CancelToken | None = None) -> AnalysisSummary:
        """Detection on every document, then propagation over the case.

        What is found is stored batch by batch, so a cancelled or killed run keeps it; a run after an
        interrupted one goes on with the documents it had not reached."""
        from aktindsigt.detect.engine import DetectionCancelled
        from aktindsigt.detect.propagate import entity_key
        from aktindsigt.services.cases import Changes, ServiceError

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        self._guard_edit(case.id)  # type: ignore[attr-defined]
        docs = [d for d in self.store.list_documents(case.id) if d.status is DocumentStatus.READY]
        if not docs:
            raise ServiceError("Sagen har ingen læsbare dokumenter at analysere. Importér dokumenter først.")
        engine = self._engine()
        allow = self.allowlist_for(case)
        summary = AnalysisSummary(documents=len(docs), changes=Changes(cases={case.id}))
        state_key = f"case:{case.id}:analysis"
        state = self.store.get_setting(state_key) or {}
        done: set[int] = set(state.get("done") or []) if not state.get("complete", True) else set()
        ready_ids = {d.id for d in docs}
        done &= ready_ids
        todo = [d for d in docs if d.id not in done]
        self.store.set_setting(state_key, {"complete": False, "done": sorted(done)}, self.user)
        total = len(docs) * 10 // 9 + 1  # detection ~ 90 %, propagation the rest of the bar
        added_all: list[Suggestion] = []
        t0 = time.perf_counter()
        with self._engine_lock:
            engine.regime = case.regime
            engine.allow = allow
            # with worker processes, bigger batches keep them busy (cancel is checked per chunk anyway)
            step = BATCH_DOCUMENTS * 8 if getattr(engine, "n_process", 1) > 1 else BATCH_DOCUMENTS
            is_cancelled = (lambda: cancel.cancelled) if cancel is not None else None
            batches = [todo[i : i + step] for i in range(0, len(todo), step)]
            # two batches are with the engine's workers at any time: while this process stores one batch's
            # results (and finishes the next), a worker that is done with its part of a batch goes on with
            # the one queued behind it instead of waiting for the other worker
            pending: list[Callable[[], list[list[Any]]]] = []
            queued = 0

            def queue_up() -> None:
                nonlocal queued
                while queued < len(batches) and len(pending) < PIPELINE_BATCHES:
                    views = [self.document_view(d.id) for d in batches[queued]]
                    pending.append(_start_views(engine, views, is_cancelled))
                    queued += 1

            queue_up()
            for batch in batches:
                if cancel is not None and cancel.cancelled:
                    summary.cancelled = True
                    break
                progress(len(done), total, f"Analyserer {batch[0].title} (dokument {len(done) + 1} af {len(docs)})")
                try:
                    results = pending.pop(0)()
                except DetectionCancelled:
                    summary.cancelled = True
                    break
                queue_up()
                found: list[Suggestion] = []
                for doc, detections in zip(batch, results, strict=True):
                    detections = self._own_data(case, doc, detections, allow, docs)  # services/requester.py (law)
                    for det in detections:
                        found.append(Suggestion(
                            case_id=case.id, document_id=doc.id, entity_type=det.entity_type, start=det.start,
                            end=det.end, text=det.text, score=det.score, detector=det.detector,
                            ground_id=det.ground_id, preselected=det.preselected,
                            entity_key=entity_key(det.text, det.entity_type),
                        ))
                added_all += self.review.add_suggestions(case.id, found, self.user)  # type: ignore[attr-defined]
                done.update(d.id for d in batch)
                self.store.set_setting(state_key, {"complete": False, "done": sorted(done)}, self.user)
            if summary.cancelled:  # the batches queued behind are taken back from the workers
                for rest in pending:
                    with contextlib.suppress(DetectionCancelled):
                        rest()
            # Public titles: titles and file names carry names and CPR numbers too
            titled = [d for d in docs if d.id in done and d.public_title == d.title]
            if titled and not summary.cancelled:
                for doc, detections in zip(titled, engine.analyze_texts([d.title for d in titled]), strict=True):
                    public = _public_title(doc.title, detections)
                    if public != doc.public_title:
                        doc.public_title = public
                        self.store.update_document(doc, self.user, action="document.public_title")
                        summary.public_titles += 1
                        summary.changes.documents.add(doc.id)
        summary.detection_seconds = time.perf_counter() - t0
        summary.new_suggestions += len(added_all)
        if not summary.cancelled:
            self._group_stored_name_forms(case.id)
        # Propagation: every value known in the case (suggested, or decided by the caseworker), to every
        # document that was analysed
        t1 = time.perf_counter()
        if not summary.cancelled:
            n_docs = len(docs)

            def prop_progress(k: int, n: int) -> None:
                progress(n_docs + (total - n_docs) * k // max(n, 1) - 1, total,
                         f"Finder alle forekomster i sagen (dokument {k} af {n})")

            added_p = self._propagate_case(case, [d.id for d in docs if d.id in done], allow, prop_progress, cancel)
            if cancel is not None and cancel.cancelled:
                summary.cancelled = True
            summary.propagated = len(added_p)
            summary.new_suggestions += len(added_p)
            added_all += added_p
        summary.propagation_seconds = time.perf_counter() - t1
        if not summary.cancelled:
            self.store.set_setting(state_key, {"complete": True, "done": []}, self.user)
        for s in added_all:
            summary.by_type[s.entity_type.value] = summary.by_type.get(s.entity_type.value, 0) + 1
            if s.id is not None:
                summary.changes.suggestions.add(s.id)
            summary.changes.documents.add(s.document_id)
        if summary.public_titles or added_all:
            self._edited(case.id, "analysis")  # type: ignore[attr-defined]
        progress(total, total, "")
        return summary

    # --- propagation -------------------------------------------------------------

    def _group_stored_name_forms(self, case_id: int) -> None:
        """``_group_name_forms`` over the stored suggestions of the case (they are stored batch by batch):
        a short form found directly ("M. Hansen", "Mettes") gets the key of the full name of the case."""
        from aktindsigt.detect.propagate import KnownEntity, propagate

        persons = [s for s in self.review.list_suggestions(case_id)  # type: ignore[attr-defined]
                   if s.entity_type is EntityType.PERSON and s.status is SuggestionStatus.PENDING]
        if not persons:
            return
        before = {s.id: s.entity_key for s in persons}
        texts = {d: self.store.document_text(d) for d in {s.document_id for s in persons}}
        _group_name_forms(persons, texts, KnownEntity, propagate)
        changed = {s.id: s.entity_key for s in persons if s.id is not None and s.entity_key != before[s.id]}
        if changed:
            self.review.set_entity_keys(changed, self.user)  # type: ignore[attr-defined]

    def _known_values(self, case_id: int, suggestions: Sequence[Suggestion], decisions: Sequence[Decision]
                      ) -> tuple[list[tuple[str, EntityType]], dict[str, tuple[DecisionAction | None, str | None]]]:
        """Every value known in the case (suggestions not struck, decisions) and, per value key, the
        decision on it: REDACT with its ground, KEEP, or None (undecided, or decided both ways)."""
        from aktindsigt.core.matching import decided_value, value_key

        values: dict[str, tuple[str, EntityType]] = {}
        actions: dict[str, set[tuple[DecisionAction, str | None]]] = {}
        by_id = {s.id: s for s in suggestions}
        for s in suggestions:
            if s.entity_type in UNPROPAGATED:
                continue
            if s.status is SuggestionStatus.REJECTED:
                continue  # a value the caseworker kept spreads as a decision (below), not as a suggestion
            text = decided_value(s.text, s.entity_type, s.entity_key)  # a short form: its person's full name
            values.setdefault(value_key(text, s.entity_type), (text, s.entity_type))
        for d in decisions:
            if d.kind is not DecisionKind.SPAN or d.start is None or d.end is None:
                continue
            sug = by_id.get(d.suggestion_id) if d.suggestion_id is not None else None
            if sug is not None:
                text, et = decided_value(sug.text, sug.entity_type, sug.entity_key), sug.entity_type
            else:
                view = self.document_view(d.document_id)
                a, b = view.from_source(d.start, d.end)
                text, et = view.text[a:b], d.entity_type
            if not text.strip() or et in UNPROPAGATED:
                continue
            for t, e in _manual_values(text, et):
                key = value_key(t, e)
                values.setdefault(key, (t, e))
                actions.setdefault(key, set()).add((d.action, d.ground_id))
        decided: dict[str, tuple[DecisionAction | None, str | None]] = {}
        for key, acts in actions.items():
            kinds = {a for a, _ in acts}
            if len(kinds) == 1:
                action = next(iter(kinds))
                grounds = sorted(g or "" for a, g in acts if a is DecisionAction.REDACT)
                decided[key] = (action, grounds[0] or None if grounds else None)
            else:
                decided[key] = (None, None)  # redacted in one place, kept in another: the caseworker decides
        return list(values.values()), decided

    def _propagate_case(self, case: Case, doc_ids: Sequence[int], allow: Any,
                        progress: Callable[[int, int], None] | None = None,
                        cancel: CancelToken | None = None) -> list[Suggestion]:
        """Analysis-time propagation over the given documents; stored per batch of documents."""
        from aktindsigt.detect.propagate import case_matcher, propagate_iter

        suggestions = self.review.list_suggestions(case.id)  # type: ignore[attr-defined]
        decisions = self.review.list_decisions(case.id)  # type: ignore[attr-defined]
        values, decided = self._known_values(case.id, suggestions, decisions)
        if not values:
            return []
        matcher = case_matcher(values)
        index = _CaseIndex(suggestions, decisions)
        policy = _policy()
        views = {i: self.document_view(i) for i in doc_ids}
        added: list[Suggestion] = []
        pending_add: list[tuple[Suggestion, Decision | None]] = []
        status: dict[int, SuggestionStatus] = {}
        new_decisions: list[Decision] = []

        def flush() -> None:
            nonlocal pending_add, status, new_decisions
            if pending_add or status or new_decisions:
                _created, got = self.review.apply_all(  # type: ignore[attr-defined]
                    new_decisions, self.user, status, add=pending_add, action="decision.propagate")
                added.extend(got)
            pending_add, status, new_decisions = [], {}, []

        for k, (doc_id, occs) in enumerate(propagate_iter(
                views, (), matcher=matcher, progress=progress,
                cancelled=(lambda: cancel.cancelled) if cancel is not None else None)):
            plan = _plan_document(case, int(doc_id), occs, matcher, decided, index, allow, policy)  # type: ignore[call-overload]
            pending_add += plan.add
            status.update(plan.status)
            new_decisions += plan.decisions
            if (k + 1) % PROPAGATION_BATCH == 0:
                flush()
        flush()
        return added

    def _spread_decisions(self, case: Case, decided_now: Sequence[tuple[str, EntityType, DecisionAction, str | None]],
                          exclude: set[int]) -> SpreadPlan:
        """Decision-time propagation: the other occurrences in the case of values just decided.

        Occurrences of the same string are decided the same way (open suggestions there are decided,
        new ones are created decided); related forms (a person's other name parts, initials, the name in
        an e-mail address) become open suggestions with the same ground."""
        from aktindsigt.core.matching import value_key
        from aktindsigt.detect.propagate import case_matcher, propagate_iter

        plan = SpreadPlan()
        values: list[tuple[str, EntityType]] = []
        decided: dict[str, tuple[DecisionAction | None, str | None]] = {}
        for text, et, action, ground in decided_now:
            if et in UNPROPAGATED or not text.strip():
                continue
            for t, e in _manual_values(text, et):
                key = value_key(t, e)
                values.append((t, e))
                prev = decided.get(key)
                decided[key] = (action, ground) if prev is None or prev[0] is action else (None, None)
        if not values:
            return plan
        suggestions = self.review.list_suggestions(case.id)  # type: ignore[attr-defined]
        decisions = self.review.list_decisions(case.id)  # type: ignore[attr-defined]
        # a value also decided the other way somewhere else is a conflict, not a decision to spread
        _, earlier = self._known_values(case.id, suggestions, decisions)
        for key, (action, _g) in list(decided.items()):
            if key in earlier and earlier[key][0] is not None and earlier[key][0] is not action:
                decided[key] = (None, None)
        matcher = case_matcher(values, related=True)
        index = _CaseIndex(suggestions, decisions, exclude)
        policy = _policy()
        allow = self.allowlist_for(case)
        docs = [d.id for d in self.store.list_documents(case.id) if d.status is DocumentStatus.READY]
        views = {i: self.document_view(i) for i in docs}
        for doc_id, occs in propagate_iter(views, (), matcher=matcher):
            p = _plan_document(case, int(doc_id), occs, matcher, decided, index, allow, policy,  # type: ignore[call-overload]
                               related_only_if_decided=True)
            plan.add += p.add
            plan.status.update(p.status)
            plan.decisions += p.decisions
        return plan


def _start_views(engine: Any, views: Sequence[Any], cancelled: Callable[[], bool] | None
                 ) -> Callable[[], list[list[Any]]]:
    """The engine's detections on ``views``: started now (worker processes), read by the returned call."""
    if hasattr(engine, "start_views"):
        return engine.start_views(views, cancelled=cancelled)
    return lambda: _analyze_views(engine, views, cancelled)


def _analyze_views(engine: Any, views: Sequence[Any], cancelled: Callable[[], bool] | None) -> list[list[Any]]:
    if hasattr(engine, "analyze_views"):
        return engine.analyze_views(views, cancelled=cancelled)
    from dataclasses import replace  # an engine without views (a test double): map its offsets here

    out = []
    for view, dets in zip(views, engine.analyze_texts([v.text for v in views], cancelled=cancelled), strict=True):
        out.append([replace(d, start=view.to_source(d.start, d.end)[0], end=view.to_source(d.start, d.end)[1])
                    for d in dets])
    return out


UNPROPAGATED = frozenset({EntityType.SENSITIVE, EntityType.BUSINESS_SECRET, EntityType.LOCATION,
                          EntityType.ORGANIZATION})
PROPAGATION_BATCH = 20
VIEW_CACHE_CHARS = 40_000_000
_NAME_LIKE = re.compile(r"[A-ZÆØÅ][a-zæøåäöüé'-]+(?: (?:[A-ZÆØÅ]\.|[A-ZÆØÅ][a-zæøåäöüé'-]+|von|van|de|af)){1,3}")


def _manual_values(text: str, et: EntityType) -> list[tuple[str, EntityType]]:
    """A manual selection is spread as what it looks like: a name (with its name parts), an address (with
    its street alone), a number (any grouping), else the text itself."""
    text = " ".join(text.split())
    if et is not EntityType.MANUAL:
        return [(text, et)]
    if _NAME_LIKE.fullmatch(text):
        return [(text, EntityType.PERSON)]
    if _ADDRESS_LIKE.fullmatch(text):
        return [(text, EntityType.ADDRESS)]
    digits = re.sub(r"\D", "", text)
    if re.fullmatch(r"\d{6}[- ]?\d{4}", text):
        return [(text, EntityType.CPR)]
    if re.fullmatch(r"(?:\+45|0045)?[\d .\-]{8,14}", text) and len(digits[-8:]) == 8 and len(digits) in (8, 10, 12):
        return [(text, EntityType.PHONE)]
    return [(text, EntityType.MANUAL)]


_ADDRESS_LIKE = re.compile(r"[A-ZÆØÅ][\w.'-]+(?: [\w.'-]+){0,3} \d{1,4}[A-Za-z]?(?:, ?(?:st\.|\d+\.)? ?(?:th|tv|mf)?\.?)?"
                           r"(?:, \d{4} [A-ZÆØÅ][\w ]+)?")


@lru_cache(maxsize=1)
def _policy() -> Any:
    from aktindsigt.detect.policy import Policy

    return Policy()


@dataclass
class SpreadPlan:
    """What propagation changes: open suggestions decided, their decisions, new suggestions (each with
    its decision, or None for an open one)."""

    status: dict[int, SuggestionStatus] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    add: list[tuple[Suggestion, Decision | None]] = field(default_factory=list)


class _CaseIndex:
    """Suggestions and span decisions per document, sorted, for overlap look-ups."""

    def __init__(self, suggestions: Sequence[Suggestion], decisions: Sequence[Decision],
                 exclude: set[int] | None = None) -> None:
        self.sugg: dict[int, list[Suggestion]] = {}
        for s in suggestions:
            self.sugg.setdefault(s.document_id, []).append(s)
        for lst in self.sugg.values():
            lst.sort(key=lambda s: s.start)
        self.sugg_starts = {d: [s.start for s in lst] for d, lst in self.sugg.items()}
        self.dec: dict[int, list[Decision]] = {}
        for d in decisions:
            if d.kind is DecisionKind.SPAN and d.start is not None and d.suggestion_id not in (exclude or set()):
                self.dec.setdefault(d.document_id, []).append(d)
        self.max_len = max((s.end - s.start for s in suggestions), default=0)
        self.exclude = exclude or set()  # suggestions being decided by the action itself

    def suggestions_over(self, doc: int, a: int, b: int) -> list[Suggestion]:
        lst = self.sugg.get(doc)
        if not lst:
            return []
        starts = self.sugg_starts[doc]
        i = bisect.bisect_left(starts, a - self.max_len)
        out = []
        for s in lst[i:]:
            if s.start >= b:
                break
            if s.end > a:
                out.append(s)
        return out

    def decided_over(self, doc: int, a: int, b: int) -> bool:
        return any(d.start is not None and d.end is not None and d.start < b and a < d.end
                   for d in self.dec.get(doc, ()))

    def add(self, s: Suggestion) -> None:
        lst = self.sugg.setdefault(s.document_id, [])
        starts = self.sugg_starts.setdefault(s.document_id, [])
        i = bisect.bisect_left(starts, s.start)
        lst.insert(i, s)
        starts.insert(i, s.start)
        self.max_len = max(self.max_len, s.end - s.start)


def _plan_document(case: Case, doc_id: int, occs: Sequence[Any], matcher: Any,
                   decided: dict[str, tuple[DecisionAction | None, str | None]], index: _CaseIndex, allow: Any,
                   policy: Any, related_only_if_decided: bool = False) -> SpreadPlan:
    plan = SpreadPlan()
    for occ in occs:
        action, ground = decided.get(occ.entity_key, (None, None))
        if related_only_if_decided and action is None:
            continue
        if allow is not None and allow(occ.entity_type, occ.normalised or occ.text):
            continue
        if index.decided_over(doc_id, occ.start, occ.end):
            continue  # already redacted or kept there
        over = [s for s in index.suggestions_over(doc_id, occ.start, occ.end)
                if s.entity_type is occ.entity_type or s.entity_key == occ.entity_key]
        entry = policy.entry(case.regime, occ.entity_type)
        ground_id = ground or entry.ground_id
        if over:
            if action is not None and occ.exact:
                for s in over:
                    if s.status is SuggestionStatus.PENDING and s.id is not None and s.id not in plan.status \
                            and s.id not in index.exclude \
                            and s.start == occ.start and s.end == occ.end:
                        plan.status[s.id] = (SuggestionStatus.ACCEPTED if action is DecisionAction.REDACT
                                             else SuggestionStatus.REJECTED)
                        plan.decisions.append(_decision_for(s, action, ground or s.ground_id))
            continue
        if action is DecisionAction.KEEP and not occ.exact:
            continue  # keeping a value does not keep its other forms
        status = SuggestionStatus.PENDING
        if action is not None and occ.exact:
            status = SuggestionStatus.ACCEPTED if action is DecisionAction.REDACT else SuggestionStatus.REJECTED
        preselected = entry.preselected or (action is DecisionAction.REDACT and not occ.ambiguous)
        score = PROPAGATION_SCORE if not occ.ambiguous else PROPAGATION_SCORE / 2
        sug = Suggestion(
            case_id=case.id or 0, document_id=doc_id, entity_type=occ.entity_type, start=occ.start, end=occ.end,
            text=occ.normalised or occ.text, score=score, detector=f"propagation:{occ.form}",
            ground_id=ground_id, preselected=preselected and ground_id is not None, entity_key=occ.entity_key,
            status=status,
        )
        dec = None
        if status is not SuggestionStatus.PENDING and action is not None:
            if action is DecisionAction.REDACT and ground_id is None:
                sug.status = SuggestionStatus.PENDING
            else:
                dec = _decision_for(sug, action, ground_id)
        plan.add.append((sug, dec))
        index.add(sug)
    return plan


def _decision_for(s: Suggestion, action: DecisionAction, ground_id: str | None) -> Decision:
    return Decision(case_id=s.case_id, document_id=s.document_id, kind=DecisionKind.SPAN, action=action,
                    start=s.start, end=s.end, ground_id=ground_id if action is DecisionAction.REDACT else None,
                    suggestion_id=s.id, entity_key=s.entity_key, entity_type=s.entity_type)


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
