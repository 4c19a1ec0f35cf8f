"""The detection engine: presidio ``AnalyzerEngine`` (language ``da``) over our spaCy model
and the Danish recognizers in ``recognizers/``.

    engine = DetectionEngine()                    # loads models/da_aktindsigt via load_ner()
    engine = DetectionEngine(nlp=spacy_language)  # any spaCy Language (dependency injection)
    results = engine.analyze_texts(["...", "..."])  # -> list[list[Detection]]

One spaCy pass per document: texts are batched through ``nlp.pipe``; each Doc becomes
one ``NlpArtifacts`` handed to ``AnalyzerEngine.analyze(..., nlp_artifacts=...)`` so no
recognizer re-parses.  Very long texts are cut at line breaks into chunks of at most
``chunk_chars`` characters (offsets are mapped back).

Overlap resolution (``resolve_overlaps``), recall-first:

1. overlapping detections of the same type are merged into one span (union, highest
   score, the detector of the best one); PERSON parts separated by a single space are
   joined too ("Mette" from the name list + "Hansen" from the model);
2. LOCATION / ORGANIZATION (not suggested by default) are dropped where they overlap any
   suggested detection (e.g. the town inside an ADDRESS, an ORG label on a person name);
3. a PERSON wholly inside an EMAIL or URL is dropped (the e-mail/URL span covers it;
   name propagation still finds the name elsewhere);
4. number-like types that overlap are ambiguous readings of the same digits: a reading
   wholly inside a longer one loses (a phone number or a date-like kontonr. inside a bank
   account); otherwise the higher precedence wins (CPR > IBAN > CARD > BANK_ACCOUNT > CVR >
   PHONE > LICENCE_PLATE).  A CPR with its own context word ("CPR-nr.") is never dropped;
5. everything else is kept, even when overlapping: a CPR inside an ADDRESS span, a
   PERSON inside a SENSITIVE sentence, a PERSON in a c/o address line.  Each has its
   own ground/pre-selection, and the caseworker may keep one and redact the other.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from presidio_analyzer import AnalyzerEngine, RecognizerRegistry, RecognizerResult
from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
from spacy.language import Language

from aktindsigt.core.model import EntityType, Regime
from aktindsigt.core.textview import HARD, TextView
from aktindsigt.detect.nlp import LANGUAGE, InjectedSpacyNlpEngine
from aktindsigt.detect.policy import Policy, PolicyEntry
from aktindsigt.detect.recognizers import all_recognizers
from aktindsigt.detect.recognizers.ner import DaNerRecognizer
from aktindsigt.nlp.truecase import truecase

log = logging.getLogger(__name__)

NUMBER_PRECEDENCE: tuple[EntityType, ...] = (
    EntityType.CPR,
    EntityType.IBAN,
    EntityType.CARD,
    EntityType.BANK_ACCOUNT,
    EntityType.CVR,
    EntityType.PHONE,
    EntityType.LICENCE_PLATE,
)
_NUMBER_RANK = {t: i for i, t in enumerate(NUMBER_PRECEDENCE)}
# below this many texts (or chunks), starting worker processes costs more than it saves
MIN_TEXTS_FOR_PROCESSES = 32
#: characters a worker process reads at once: the model's memory grows with what it parses in one go
#: (400,000 characters took a worker from 230 to 750 MB; 100,000 keep it near 300 MB)
WORKER_GROUP_CHARS = 100_000


def default_processes() -> int:
    """Worker processes for the spaCy pass: up to two, none inside a daemon process
    (which may not start children) or on a one-core machine."""
    import multiprocessing
    import os

    if multiprocessing.current_process().daemon:
        return 1
    return max(1, min(2, os.cpu_count() or 1))
_QUIET = (EntityType.LOCATION, EntityType.ORGANIZATION)
#: one character for one character, so offsets stay valid for the original text
_NORMALISE = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-", "\u00b7": ".",
})


class DetectionCancelled(Exception):
    """``analyze_texts`` was cancelled by its ``cancelled`` callback."""


@dataclass(frozen=True, slots=True)
class Detection:
    """One suggestion of the engine for one text (offsets are character offsets)."""

    entity_type: EntityType
    start: int
    end: int
    text: str
    score: float
    detector: str
    ground_id: str | None
    preselected: bool

    def overlaps(self, other: Detection) -> bool:
        return self.start < other.end and other.start < self.end

    def to_dict(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "entity": self.entity_type.value,
            "score": round(self.score, 4),
            "detector": self.detector,
            "ground": self.ground_id,
            "preselected": self.preselected,
        }


@dataclass(slots=True)
class _Raw:
    entity_type: EntityType
    start: int
    end: int
    score: float
    detector: str
    context: bool = False  # the recognizer saw a context word (e.g. "CPR-nr.")


class _NoContextEnhancer(ContextAwareEnhancer):
    """Our recognizers score context themselves (Danish words, raw text window)."""

    def __init__(self) -> None:
        super().__init__(0.0, 0.0, 0, 0)

    def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
        return raw_results


def _load_default_nlp() -> Language:
    from aktindsigt.nlp.model import load_ner

    return load_ner()  # RuntimeError with a clear message when the model is missing


class DetectionEngine:
    """Build once, reuse for many texts.  Thread-compatible (not thread-safe).

    ``allow`` is an optional callable ``(entity_type, text) -> bool`` (e.g. an
    ``allowlist.Allowlist`` with employees, politicians and the requester's own data):
    True means "never suggest".  The shipped stop-list always applies unless
    ``use_stoplist=False``.  ``include_unsuggested`` also returns the types the policy does
    not suggest (LOCATION, ORGANIZATION), without ground and not pre-selected.
    """

    def __init__(
        self,
        nlp: Language | None = None,
        regime: Regime = Regime.OFL7,
        *,
        policy: Policy | None = None,
        allow: Callable[[EntityType, str], bool] | None = None,
        include_unsuggested: bool = False,
        use_stoplist: bool = True,
        batch_size: int = 16,
        batch_chars: int = 400_000,
        n_process: int = 1,
        chunk_chars: int = 100_000,
        person_filter: bool = True,
    ) -> None:
        self.nlp = nlp if nlp is not None else _load_default_nlp()
        self.regime = Regime(regime)
        self.policy = policy or Policy()
        self.allow = allow  # (entity_type, text) -> True when the text must not be suggested
        self.stoplist = None
        if use_stoplist:  # resources/detect/never_suggest.txt + stopwords_da.txt
            from aktindsigt.detect.allowlist import Allowlist

            self.stoplist = Allowlist.default()
        self.include_unsuggested = include_unsuggested
        self.batch_size = batch_size
        self.batch_chars = batch_chars
        self.n_process = n_process
        self.chunk_chars = chunk_chars
        self.person_filter = person_filter  # person_filter.PersonFilter on PERSON spans
        # the shipped model with several processes: persistent workers that run the model *and* the
        # recognizers (detect/workers.py); an injected Language goes through spaCy's own n_process
        self.workers = None
        if nlp is None and n_process > 1:
            from aktindsigt.detect.workers import DetectionWorkers

            self.workers = DetectionWorkers(n_process)
        self.nlp_engine = InjectedSpacyNlpEngine(self.nlp)
        registry = RecognizerRegistry(supported_languages=[LANGUAGE])
        for rec in [DaNerRecognizer(), *all_recognizers()]:
            registry.add_recognizer(rec)
        self.analyzer = AnalyzerEngine(
            registry=registry,
            nlp_engine=self.nlp_engine,
            supported_languages=[LANGUAGE],
            default_score_threshold=0.0,
            context_aware_enhancer=_NoContextEnhancer(),
        )

    # -- public API -------------------------------------------------------------------
    def warm_up(self) -> None:
        """One short text through every recognizer, so that what they load on first use (word-frequency
        lists, caches, lazy imports) is loaded with the engine and not in the first analysis."""
        self.analyze_texts(["Mette Hansen, cpr-nr. 010203-1234, bor på Vestergade 12, 8000 Aarhus C, "
                            "tlf. 87 13 20 00. Hun har en diagnose."])
        if self.workers is not None:
            try:
                self.workers.start()
            except Exception:  # e.g. a script without the ``if __name__ == "__main__"`` guard that spawn needs
                log.warning("detection worker processes could not start; analysing in this process", exc_info=True)
                self.close()

    def close(self) -> None:
        """Stop the worker processes (if any); the engine still works afterwards, in this process."""
        if self.workers is not None:
            self.workers.close()
            self.workers = None

    def analyze_text(self, text: str) -> list[Detection]:
        return self.analyze_texts([text])[0]

    def analyze_texts(
        self,
        texts: Sequence[str],
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[list[Detection]]:
        """Detections for each text (same order).  ``progress(done, total)`` is called after
        each document; ``cancelled()`` returning True stops early with ``DetectionCancelled``."""
        return self.start_texts(texts, cancelled=cancelled)(progress)

    def start_texts(
        self, texts: Sequence[str], *, cancelled: Callable[[], bool] | None = None,
    ) -> Callable[..., list[list[Detection]]]:
        """``analyze_texts`` in two steps: the texts are handed to the worker processes now (when there
        are workers), and the returned function (``progress`` optional) waits for their detections -
        so that the caller can prepare its next batch or store the last one meanwhile."""
        chunks: list[tuple[int, int, str]] = []  # (text index, offset, chunk text)
        cased: list[str] = []
        for i, text in enumerate(texts):
            # length-preserving normalisation (PDF text: no-break/thin spaces, typographic hyphens),
            # and a text without case information (all lower case, all capitals) as a Dane would
            # write it (``nlp.truecase``): the model and the recognizers see "hej Signe", the
            # detections keep the offsets and the characters of the text
            norm = truecase(text.translate(_NORMALISE))
            cased.append(norm)
            for offset, chunk in split_text(norm, self.chunk_chars):
                chunks.append((i, offset, chunk))
        submitted = self._submit(chunks)

        def finish(progress: Callable[[int, int], None] | None = None) -> list[list[Detection]]:
            raws: list[list[_Raw]] = [[] for _ in texts]
            total = len(texts)
            results = (self._worker_results(*submitted, cancelled) if submitted is not None
                       else self._chunk_results(chunks, cancelled))
            for k, (i, offset, found) in enumerate(results):
                raws[i].extend(_Raw(r.entity_type, r.start + offset, r.end + offset, r.score, r.detector,
                                    r.context) for r in found)
                if progress is not None and (k + 1 == len(chunks) or chunks[k + 1][0] != i):
                    progress(i + 1, total)
            return [self._finish(text, raw, seen) for text, raw, seen in zip(texts, raws, cased, strict=True)]

        return finish

    def analyze_views(
        self,
        views: Sequence[TextView],
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[list[Detection]]:
        """Detections on the normalised views of documents (``core.textview``: line breaks inside running
        text, end-of-line hyphenation, soft hyphens, ligatures ...), with offsets in the document text
        and ``text`` as the view reads it ("37 62 01 97" for "37 62 01⏎97").  A number that runs over a
        hard break (a table cell, a column) is no number."""
        return self.start_views(views, cancelled=cancelled)(progress)

    def start_views(
        self, views: Sequence[TextView], *, cancelled: Callable[[], bool] | None = None,
    ) -> Callable[..., list[list[Detection]]]:
        """``analyze_views`` in two steps, as ``start_texts``."""
        started = self.start_texts([v.text for v in views], cancelled=cancelled)

        def finish(progress: Callable[[int, int], None] | None = None) -> list[list[Detection]]:
            return self._map_views(views, started(progress))

        return finish

    def _map_views(self, views: Sequence[TextView], results: list[list[Detection]]) -> list[list[Detection]]:
        out: list[list[Detection]] = []
        for view, dets in zip(views, results, strict=True):
            mapped = []
            for d in dets:
                if d.entity_type in _NUMBER_RANK and HARD in view.text[d.start:d.end]:
                    continue
                a, b = view.to_source(d.start, d.end)
                if b > a:
                    mapped.append(replace(d, start=a, end=b, text=" ".join(d.text.split())))
            out.append(mapped)
        return out

    def _chunk_results(self, chunks: list[tuple[int, int, str]],
                       cancelled: Callable[[], bool] | None) -> Iterator[tuple[int, int, list[_Raw]]]:
        """(text index, offset, raw results with offsets in the chunk) for each chunk, in order, here."""
        docs = self._docs([c[2] for c in chunks])
        for (i, offset, chunk), doc in zip(chunks, docs, strict=True):
            if cancelled is not None and cancelled():
                raise DetectionCancelled()
            yield i, offset, self._raws_of(chunk, doc)

    def _submit(self, chunks: list[tuple[int, int, str]]) -> tuple[list, list] | None:
        """The chunks in groups of at most ``batch_size`` chunks and ``WORKER_GROUP_CHARS`` characters,
        handed to the worker processes: (groups, futures), or None to analyse them here."""
        if self.workers is None or len(chunks) < MIN_TEXTS_FOR_PROCESSES:
            return None
        groups: list[list[tuple[int, int, str]]] = [[]]
        size = 0
        limit = min(self.batch_chars, WORKER_GROUP_CHARS)
        for c in chunks:
            if groups[-1] and (len(groups[-1]) >= self.batch_size or size + len(c[2]) > limit):
                groups.append([])
                size = 0
            groups[-1].append(c)
            size += len(c[2])
        try:
            return groups, [self.workers.submit([c[2] for c in g]) for g in groups]
        except Exception:
            log.warning("detection worker processes could not start; analysing in this process", exc_info=True)
            self.close()
            return None

    def _worker_results(self, groups: list, futures: list,
                        cancelled: Callable[[], bool] | None) -> Iterator[tuple[int, int, list[_Raw]]]:
        """The workers' results, read back in order.  A worker that dies (killed, out of memory) costs
        speed, not results: what it had not returned is analysed here."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            for g, fut in zip(groups, futures, strict=True):
                if cancelled is not None and cancelled():
                    raise DetectionCancelled()
                try:
                    found = fut.result()
                except BrokenProcessPool:
                    log.warning("a detection worker process ended unexpectedly; analysing in this process")
                    found = self.analyze_texts_raw([c[2] for c in g])
                for (i, offset, _), f in zip(g, found, strict=True):
                    yield i, offset, f
        finally:
            for fut in futures:
                fut.cancel()

    def analyze_texts_raw(self, chunks: list[str]) -> list[list[_Raw]]:
        """Raw recognizer results for each chunk, in this process."""
        docs = self.nlp_engine.pipe(chunks, batch_size=max(1, len(chunks)))
        return [self._raws_of(chunk, doc) for chunk, doc in zip(chunks, docs, strict=True)]

    def _raws_of(self, chunk: str, doc) -> list[_Raw]:
        """The recognizers' results on one parsed chunk (offsets in the chunk)."""
        artifacts = self.nlp_engine.to_artifacts(doc)
        return [_to_raw(r, 0) for r in self.analyzer.analyze(chunk, LANGUAGE, nlp_artifacts=artifacts)]

    def _docs(self, texts: list[str]):
        """``nlp.pipe`` over batches of at most ``batch_size`` texts and ``batch_chars``
        characters (big batches are faster; the character cap bounds memory).

        With ``n_process > 1`` and enough texts, one ``nlp.pipe`` call spreads the texts over
        worker processes (started once for the call; spaCy streams batches of ``batch_size``)."""
        if self.n_process > 1 and len(texts) >= MIN_TEXTS_FOR_PROCESSES:
            yield from self.nlp_engine.pipe(texts, batch_size=self.batch_size, n_process=self.n_process)
            return
        batch: list[str] = []
        size = 0
        for t in texts:
            if batch and (len(batch) >= self.batch_size or size + len(t) > self.batch_chars):
                yield from self.nlp_engine.pipe(batch, batch_size=len(batch))
                batch, size = [], 0
            batch.append(t)
            size += len(t)
        if batch:
            yield from self.nlp_engine.pipe(batch, batch_size=len(batch))

    def recognizer_results(self, text: str) -> list[RecognizerResult]:
        """Plain presidio results for one text (debugging, comparisons)."""
        doc = next(iter(self.nlp_engine.pipe([text])))
        return self.analyzer.analyze(text, LANGUAGE, nlp_artifacts=self.nlp_engine.to_artifacts(doc))

    # -- internals ----------------------------------------------------------------------
    def _finish(self, text: str, raw: list[_Raw], seen: str | None = None) -> list[Detection]:
        """``seen``: the text as the recognizers read it (``text`` truecased), same offsets."""
        out: list[Detection] = []
        entries: dict[EntityType, PolicyEntry] = {}
        seen = text if seen is None else seen
        raw = _join_adjacent_persons(seen, raw)
        if self.person_filter:
            raw = filter_persons(seen, raw)
        for r in resolve_overlaps(raw):
            entry = entries.get(r.entity_type)
            if entry is None:
                entry = entries[r.entity_type] = self.policy.entry(self.regime, r.entity_type)
            if not entry.suggest and not self.include_unsuggested:
                continue
            span_text = text[r.start : r.end]
            score = round(min(1.0, r.score), 4)
            if self.allow is not None and self.allow(r.entity_type, span_text):
                continue
            if self.stoplist is not None and self.stoplist.allows(r.entity_type, span_text):
                continue
            out.append(
                Detection(
                    entity_type=r.entity_type,
                    start=r.start,
                    end=r.end,
                    text=span_text,
                    score=score,
                    detector=r.detector,
                    ground_id=entry.ground_id,
                    preselected=entry.preselects(score),
                )
            )
        return out


def _to_raw(r: RecognizerResult, offset: int) -> _Raw:
    md = r.recognition_metadata or {}
    detector = md.get("detector") or md.get(RecognizerResult.RECOGNIZER_NAME_KEY) or "presidio"
    return _Raw(EntityType(r.entity_type), r.start + offset, r.end + offset, float(r.score), detector,
                bool(md.get("context")))


def _join_adjacent_persons(text: str, raw: list[_Raw]) -> list[_Raw]:
    """"Mette" (name list) + "Hansen" (model) separated by one space -> one PERSON span."""
    persons = sorted((r for r in raw if r.entity_type == EntityType.PERSON), key=lambda r: r.start)
    if len(persons) < 2:
        return raw
    others = [r for r in raw if r.entity_type != EntityType.PERSON]
    joined: list[_Raw] = []
    for r in persons:
        if joined and r.start >= joined[-1].end and text[joined[-1].end : r.start] in ("", " "):
            cur = joined[-1]
            joined[-1] = _Raw(cur.entity_type, cur.start, max(cur.end, r.end), max(cur.score, r.score),
                              cur.detector if cur.score >= r.score else r.detector)
        else:
            joined.append(r)
    return others + joined


def filter_persons(text: str, raw: list[_Raw], rules: frozenset[str] | None = None) -> list[_Raw]:
    """Overlapping PERSON spans merged, then checked by ``person_filter.PersonFilter``: a span
    with organisation cues becomes ORGANIZATION, a place LOCATION (neither is suggested by
    default); a code or an ordinary word is dropped."""
    from aktindsigt.detect.person_filter import RULES, PersonFilter

    persons = sorted((r for r in raw if r.entity_type == EntityType.PERSON), key=lambda r: (r.start, -r.end))
    if not persons:
        return raw
    merged: list[_Raw] = []
    for r in persons:
        m = _INITIALS_BEFORE.search(text, max(0, r.start - 12), r.start)
        if m and text[r.start : r.start + 1].isupper():
            r = _Raw(r.entity_type, m.start(), r.end, r.score, r.detector, r.context)  # "R. Damgaard"
        m = _INITIAL_SURNAME_AFTER.match(text, r.end)
        if m and text[r.start : r.start + 1].isupper():
            r = _Raw(r.entity_type, r.start, m.end(), r.score, r.detector, r.context)  # "Aya" + " K. Krog"
        if merged and r.start < merged[-1].end:
            cur = merged[-1]
            if r.score > cur.score:
                cur.detector, cur.score = r.detector, r.score
            cur.end = max(cur.end, r.end)
            cur.context = cur.context or r.context
        else:
            merged.append(_Raw(r.entity_type, r.start, r.end, r.score, r.detector, r.context))
    rules = RULES if rules is None else rules
    pf = PersonFilter(text, (), rules)
    split: list[_Raw] = []
    for r in merged:  # a span across a sentence end is two spans ("DABADKKK. Kontaktlæreren")
        s = r.start
        for m in _SENTENCE_END_IN_SPAN.finditer(text, r.start, r.end):
            if m.group(1).lower() in _ABBREVIATIONS:
                continue  # "Frk. Hansen", "Skt. Jørgens"
            split.append(_Raw(r.entity_type, s, m.end(1), r.score, r.detector, r.context))
            s = m.end()
        split.append(_Raw(r.entity_type, s, r.end, r.score, r.detector, r.context) if s != r.start else r)
    merged = split
    for r in merged:
        r.start, r.end = pf.trim(r.start, r.end)
    pf = PersonFilter(text, [(r.start, r.end) for r in merged], rules)
    out = [r for r in raw if r.entity_type != EntityType.PERSON]
    streets = sorted((r.start, r.end) for r in raw if r.entity_type == EntityType.ADDRESS
                     and not text.startswith(("c/o", "C/O", "C/o"), r.start))
    for r in merged:
        why = pf.verdict(r.start, r.end)
        if why is None and "place" in rules and streets:
            i = bisect.bisect_right(streets, (r.start, len(text) + 1)) - 1
            if i >= 0 and streets[i][0] <= r.start and r.end <= streets[i][1]:
                why = "place"  # inside an address ("Lille Kløvervej 12"); not in a c/o line
        if why is None:
            out.append(r)
        elif why in _RELABEL:
            out.append(_Raw(_RELABEL[why], r.start, r.end, SCORES_RELABELLED, r.detector + ":" + why))
    return out


_RELABEL = {"org": EntityType.ORGANIZATION, "place": EntityType.LOCATION}
#: a sentence end inside a span: a dot after a word of two letters or more, then a capital
_SENTENCE_END_IN_SPAN = re.compile(r"(?<![\w.])([^\W\d_]{3,})\.[ \t]+(?=[A-ZÆØÅ])")
_ABBREVIATIONS = frozenset({"frk", "skt", "sdr", "ndr", "prof", "mag", "cand", "stud", "vedr", "ang", "jun", "sen"})
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-ZÆØÅ]\.[ \t]?){1,3}[ \t]*$")
_INITIAL_SURNAME_AFTER = re.compile(r"[ \t]+(?:[A-ZÆØÅ]\.[ \t]?){1,2}[ \t]*[A-ZÆØÅ][^\W\d_]+(?:-[A-ZÆØÅ][^\W\d_]+)?")
SCORES_RELABELLED = 0.5


def split_text(text: str, limit: int) -> Iterable[tuple[int, str]]:
    """Cut ``text`` into chunks of at most ``limit`` characters, preferably at blank lines or
    line breaks; yields ``(offset, chunk)``."""
    if len(text) <= limit:
        yield 0, text
        return
    pos = 0
    n = len(text)
    while pos < n:
        end = min(n, pos + limit)
        if end < n:
            cut = text.rfind("\n\n", pos + limit // 2, end)
            if cut < 0:
                cut = text.rfind("\n", pos + limit // 2, end)
            if cut < 0:
                cut = text.rfind(" ", pos + limit // 2, end)
            if cut > pos:
                end = cut + 1
        yield pos, text[pos:end]
        pos = end


def resolve_overlaps(raw: Iterable[_Raw]) -> list[_Raw]:
    """See the module docstring for the rules."""
    # 1. merge same-type overlaps
    by_type: dict[EntityType, list[_Raw]] = {}
    for r in raw:
        by_type.setdefault(r.entity_type, []).append(r)
    merged: list[_Raw] = []
    for items in by_type.values():
        items.sort(key=lambda r: (r.start, -r.end))
        cur: _Raw | None = None
        for r in items:
            if cur is not None and r.start < cur.end:
                if r.score > cur.score:
                    cur.detector, cur.score = r.detector, r.score
                cur.end = max(cur.end, r.end)
                cur.context = cur.context or r.context
            else:
                if cur is not None:
                    merged.append(cur)
                cur = _Raw(r.entity_type, r.start, r.end, r.score, r.detector, r.context)
        if cur is not None:
            merged.append(cur)
    merged.sort(key=lambda r: (r.start, -r.end))

    # sweep: every pair of overlapping detections (of different types) once
    neighbours: dict[int, list[_Raw]] = {id(r): [] for r in merged}
    active: list[_Raw] = []
    for r in merged:
        active = [a for a in active if a.end > r.start]
        for a in active:
            neighbours[id(a)].append(r)
            neighbours[id(r)].append(a)
        active.append(r)

    return [r for r in merged if not any(_loses_to(r, o) for o in neighbours[id(r)])]


def _loses_to(r: _Raw, o: _Raw) -> bool:
    """True when detection ``r`` is dropped because it overlaps ``o`` (rules 2-4)."""
    if r.entity_type in _QUIET and o.entity_type not in _QUIET:
        return True
    if (
        r.entity_type == EntityType.PERSON
        and o.entity_type in (EntityType.EMAIL, EntityType.URL)
        and o.start <= r.start
        and r.end <= o.end
    ):
        return True
    if r.entity_type in _NUMBER_RANK and o.entity_type in _NUMBER_RANK:
        if r.entity_type == EntityType.CPR and r.context:
            return False  # a CPR with its own context is never given up
        if o.start <= r.start and r.end <= o.end and (o.end - o.start) > (r.end - r.start):
            return True  # the longer reading explains all the digits (kontonr. inside bank account)
        if r.start <= o.start and o.end <= r.end and (r.end - r.start) > (o.end - o.start):
            return False
        return _NUMBER_RANK[o.entity_type] < _NUMBER_RANK[r.entity_type]
    return False


def baseline_engine(nlp: Language) -> AnalyzerEngine:
    """Plain presidio for comparison: ``AnalyzerEngine`` with the same spaCy model and
    presidio's default (predefined) recognizers for ``da``, default context enhancer."""
    nlp_engine = InjectedSpacyNlpEngine(nlp, lean=False)
    registry = RecognizerRegistry(supported_languages=[LANGUAGE])
    registry.load_predefined_recognizers(languages=[LANGUAGE], nlp_engine=nlp_engine)
    return AnalyzerEngine(registry=registry, nlp_engine=nlp_engine, supported_languages=[LANGUAGE])
