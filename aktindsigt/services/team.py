"""Team use cases: the team lead's desk (review queue, comments, changes since a return, the audit trail
as a table), who else has a case open, the change feed, and the checklist items of a shared store.

Mixed into ``Services`` (``TeamServices``); the UI for it is in ``ui/team_desk.py``, ``ui/comments.py``,
``ui/audit_table.py`` and ``ui/live.py``.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

log = logging.getLogger(__name__)


def decision_problems(store: Any, case_id: int) -> list[Any]:
    """Checklist items: a suggestion with more than one decision (cannot be written any more, but a store
    copied from elsewhere may hold one), and the conflicting decisions an older team store held, kept by
    migration 0002 until the suggestion is decided again."""
    from aktindsigt.outputs.checklist import Problem
    from aktindsigt.store.schema import DecisionRow, DocumentRow, SuggestionRow

    out: list[Problem] = []
    with store.transaction() as s:
        several = s.execute(
            select(DecisionRow.suggestion_id, func.count(), func.min(DocumentRow.akt_nr), func.min(DocumentRow.id))
            .join(DocumentRow, DocumentRow.id == DecisionRow.document_id)
            .where(DecisionRow.case_id == case_id, DecisionRow.suggestion_id.is_not(None))
            .group_by(DecisionRow.suggestion_id).having(func.count() > 1)).all()
        for sid, n, akt, doc_id in several:
            text = s.scalar(select(SuggestionRow.text).where(SuggestionRow.id == sid)) or ""
            out.append(Problem("several_decisions", f"Forslaget '{' '.join(text.split())}' har {n} afgørelser. "
                               "Afgør det igen, så det har én.", "suggestions", doc_id, akt))
        kept = store.get_setting(f"case:{case_id}:conflicting_decisions", []) or []
        for item in kept:
            row = s.execute(select(SuggestionRow.status, SuggestionRow.text, DocumentRow.akt_nr, DocumentRow.id)
                            .join(DocumentRow, DocumentRow.id == SuggestionRow.document_id)
                            .where(SuggestionRow.id == item.get("suggestion_id"))).first()
            if row is None or row.status != "pending":
                continue
            verbs = {"redact": "overstreg", "keep": "behold"}
            who = ", ".join(f"{verbs.get(d.get('action'), d.get('action'))} af {d.get('who')}"
                            for d in item.get("decisions", []))
            out.append(Problem("conflicting_decisions", f"Forslaget '{' '.join(row.text.split())}' havde "
                               f"modstridende afgørelser ({who}) og skal afgøres igen.", "suggestions", row.id,
                               row.akt_nr))
    return out


# --- the team lead's desk -----------------------------------------------------------------------------


@dataclass
class QueueEntry:
    """A case waiting for the team lead (``review_queue``)."""

    overview: Any  # CaseOverview: the case, its deadlines and counts
    submitted_by: str = ""
    submitted_at: datetime | None = None
    submit_comment: str = ""
    open_points: int = 0
    returned_before: bool = False  # it was returned once and has come back ("changes since you returned it")
    open_comments: int = 0

    @property
    def case(self) -> Any:
        return self.overview.case


@dataclass
class AuditLine:
    """One audit event as the audit table shows it."""

    id: int
    at: datetime
    who: str
    action: str
    label: str  # Danish: what happened
    subject: str  # Danish: what it happened to ("Akt 3", "Sagen", "Forslaget 'Mette Hansen'")
    details: str  # Danish: before -> after, the comment, the count ...
    before: Any = None
    after: Any = None

    def matches(self, needle: str) -> bool:
        n = needle.casefold().strip()
        return not n or any(n in str(v).casefold() for v in (self.who, self.label, self.subject, self.details,
                                                              self.action, self.at.strftime("%d.%m.%Y %H.%M")))


@dataclass
class ChangesSinceReturn:
    returned_by: str = ""
    returned_at: datetime | None = None
    return_comment: str = ""
    lines: list[AuditLine] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.lines)


_ACTIONS = {
    "case.create": "Sagen oprettet",
    "case.update": "Sagens oplysninger ændret",
    "case.status": "Sagens status ændret",
    "decision.redact": "Overstreget",
    "decision.keep": "Frigivet",
    "decision.manual_text": "Markering overstreget",
    "decision.manual_area": "Område overstreget",
    "decision.undo": "Fortrudt",
    "decision.create": "Afgørelse",
    "document.import": "Dokument importeret",
    "document.import_failed": "Dokument kunne ikke importeres",
    "document.update": "Dokumentets oplysninger ændret",
    "document.access": "Afgørelse for dokumentet",
    "document.access.undo": "Afgørelse for dokumentet fortrudt",
    "page.withhold": "Side undtaget",
    "page.release": "Side frigivet",
    "suggestion.ground": "Hjemmel for forslag ændret",
    "suggestions.add": "Forslag fundet",
    "setting.set": "Indstilling ændret",
    "comment.add": "Kommentar",
    "comment.resolve": "Kommentar løst",
    "comment.reopen": "Kommentar genåbnet",
    "case.esdh_ref": "ESDH-reference ændret",
    "case.scope": "Afgrænsning ændret",
    "case.statements": "Afgørelsens tekster ændret",
    "document.esdh_metadata": "Oplysninger fra ESDH's dokumentliste",
    "document.esdh_doc_id": "ESDH dok-ID ændret",
    "document.parent": "Bilag til et andet dokument",
    "document.public_title": "Offentlig titel ændret",
    "document.output_fields": "Oplysninger til aktlisten ændret",
    "document.access_grounds": "Hjemmel for dokumentet ændret",
    "document.access_reason": "Begrundelse for dokumentet ændret",
    "document.renumber": "Akter nummereret om",
    "export.check": "Eksportpakken kontrolleret",
    "allowlist.employees": "Listen over medarbejdere ændret",
    "allowlist.politicians": "Listen over politikere ændret",
    "allowlist.municipality_names": "Kommunens navne ændret",
    "allowlist.municipality_addresses": "Kommunens adresser ændret",
    "allowlist.stopwords": "Ord, der ikke foreslås, ændret",
}
_FALLBACK = {"case": "Sagen ændret", "document": "Dokumentet ændret", "decision": "Afgørelse ændret",
             "page": "Side ændret", "suggestion": "Forslag ændret", "suggestions": "Forslag ændret",
             "setting": "Indstilling ændret", "comment": "Kommentar ændret", "allowlist": "Liste ændret",
             "export": "Eksport"}


def _label(action: str) -> str:
    """The Danish name of an audit action; never the raw code (an action added later gets its area's name)."""
    return _ACTIONS.get(action) or _FALLBACK.get(action.split(".", 1)[0], "Ændring")


@lru_cache(maxsize=1)
def _ground_names() -> dict[str, str]:
    try:
        from aktindsigt.grounds import load_grounds

        return {gid: f"{g.statute} {g.section}".strip() for gid, g in load_grounds().items()}
    except Exception:  # a broken catalogue must not break the audit table
        return {}


def ground_name(ground_id: str) -> str:
    """'Offentlighedsloven § 30, nr. 1' for 'ofl30_1' (the id when the catalogue lacks it)."""
    return _ground_names().get(ground_id, ground_id)

_DOC_FIELDS = {"title": "titel", "public_title": "offentlig titel", "doc_date": "dato", "direction": "retning",
               "sender": "afsender", "recipient": "modtager", "access": "aktindsigt", "access_grounds": "hjemmel",
               "access_reason": "begrundelse", "in_scope": "omfattet", "section26_considered": "§ 26 overvejet",
               "esdh_doc_id": "ESDH dok-ID"}
_CASE_FIELDS = {"title": "titel", "requester_name": "anmoder", "regime": "retsgrundlag", "received": "modtaget",
                "channel": "kanal", "request_text": "anmodningen", "scope": "afgrænsning", "kle_subject": "KLE-emne",
                "esdh_ref": "ESDH-reference", "underlying_cases": "underliggende sager", "status": "status"}
_STATEMENT_FIELDS = {"meroffentlighed": "meroffentlighed (§ 14)", "extraction": "ekstrahering",
                     "complaint_body": "klageinstans", "recipient_address": "modtagerens adresse",
                     "signer": "underskriver", "signer_title": "underskriverens titel", "laws": "love efter § 35",
                     "public_parties": "afsender/modtager i aktlisten", "journal": "journalnotatets tekster",
                     "scope": "afgrænsning"}
_SETTING_PARTS = {"statements": "afgørelsens tekster", "review": "godkendelsen", "outputs": "dannede breve",
                  "export": "eksporten", "bundles": "eksportpakkerne", "last_redaction": "overstregningen",
                  "exports": "eksporterne", "export_pending": "eksporten (i gang)", "fristbrev": "fristbrevet",
                  "last_klage": "klagen sendt videre", "conflicting_decisions": "modstridende afgørelser",
                  "last_letter": "afgørelsen", "last_aktliste": "aktlisten", "last_journalnotat": "journalnotatet",
                  "last_kvittering": "kvitteringen", "last_fristbrev": "fristbrevet"}


def _changed(before: Any, after: Any, names: dict[str, str]) -> list[str]:
    if not isinstance(before, dict) or not isinstance(after, dict):
        return []
    return [label for key, label in names.items() if before.get(key) != after.get(key)]


def describe(ev: Any, docs: dict[int, Any], texts: dict[int, str], snippet: Any = None) -> AuditLine:
    """An audit event in Danish (``docs``: document id -> Document, ``texts``: suggestion id -> its text,
    ``snippet(document_id, start, end)``: the text of a manual redaction)."""
    from aktindsigt.core.danish import count
    from aktindsigt.core.model import CaseStatus
    from aktindsigt.services.workflow import WORKFLOW_ACTIONS

    before = ev.before if isinstance(ev.before, dict) else {}
    after = ev.after if isinstance(ev.after, dict) else {}
    label = WORKFLOW_ACTIONS.get(ev.action, "").capitalize() or _label(ev.action)
    subject, details = "", ""
    if ev.object_type == "document":
        doc = docs.get(int(ev.object_id)) if str(ev.object_id).isdigit() else None
        akt = (after or before).get("akt_nr") or (doc.akt_nr if doc else "")
        subject = f"Akt {akt}" if akt else "Dokument"
        if ev.action == "document.parent":
            parent = docs.get(after.get("parent_id")) if after.get("parent_id") else None
            details = f"Bilag til akt {parent.akt_nr}" if parent else "Ikke længere bilag"
        elif ev.action.startswith("document.import"):
            details = f"{after.get('title', '')} ({after.get('source', '')})".strip()
            if after.get("reason"):
                details += f": {after['reason']}"
        else:
            fields = _changed(before, after, _DOC_FIELDS)
            if "aktindsigt" in fields or "hjemmel" in fields:
                def access(v: dict) -> str:
                    a = {"full": "fuld", "partial": "delvis", "withheld": "undtaget"}.get(v.get("access") or "",
                                                                                           "ikke afgjort")
                    grounds = ", ".join(ground_name(g) for g in v.get("access_grounds") or [])
                    return a + (f" ({grounds})" if grounds else "")
                details = f"{access(before)} → {access(after)}"
                rest = [f for f in fields if f not in ("aktindsigt", "hjemmel")]
                if rest:
                    details += "; ændret: " + ", ".join(rest)
            else:
                details = ("Ændret: " + ", ".join(fields)) if fields else ""
    elif ev.action.startswith("decision."):
        created = after.get("decisions") or []
        removed = before.get("decisions") or []
        subject_docs = sorted({docs[d["document_id"]].akt_nr for d in created + removed
                               if d.get("document_id") in docs})
        subject = ("Akt " + ", ".join(map(str, subject_docs))) if subject_docs else "Sagen"
        names = []
        for d in created or removed:
            t = texts.get(d.get("suggestion_id") or -1)
            if not t and snippet is not None and d.get("kind") == "span" and d.get("start") is not None:
                t = snippet(d.get("document_id"), d.get("start"), d.get("end"))
            if t and t not in names:
                names.append(t)
            elif d.get("kind") == "area":
                names.append(f"område på side {d.get('page')}")
        shown = ", ".join(f"'{n}'" if not n.startswith("område") else n for n in names[:4])
        more = f" og {len(names) - 4} flere" if len(names) > 4 else ""
        n = len(created) or len(removed)
        details = f"{count(n, 'forekomst', 'forekomster')}: {shown}{more}".rstrip(": ")
        grounds = sorted({d.get("ground_id") for d in created if d.get("ground_id")})
        if grounds and ev.action != "decision.keep":
            details += f" ({', '.join(ground_name(g) for g in grounds)})"
    elif ev.object_type == "page":
        doc_id, _, page = str(ev.object_id).partition(":")
        doc = docs.get(int(doc_id)) if doc_id.isdigit() else None
        subject = f"Akt {doc.akt_nr}, side {page}" if doc else f"Side {page}"
        details = after.get("ground") or ""
    elif ev.object_type == "suggestion":
        subject = f"Forslaget '{texts.get(int(ev.object_id), '')}'" if str(ev.object_id).isdigit() else "Forslag"
        details = (f"{ground_name(before['ground_id']) if before.get('ground_id') else 'ingen'} → "
                   f"{ground_name(after['ground_id']) if after.get('ground_id') else 'ingen'}")
    elif ev.object_type == "comment":
        c = after or before
        ctx = c.get("context") or {}
        akt = f"Akt {ctx['akt_nr']}" if ctx.get("akt_nr") else "Sagen"
        subject = akt
        details = c.get("text", "") if ev.action == "comment.add" else ""
    elif ev.object_type == "setting":
        part = str(ev.object_id).rsplit(":", 1)[-1]
        subject = "Sagen"
        if part.startswith("last_") and part != "last_klage" and part in _SETTING_PARTS:
            label = "Dannet: " + _SETTING_PARTS[part]
        elif part == "export_pending":
            label = "Eksport påbegyndt" if after.get("value") else "Eksport afsluttet"
        elif part in ("bundles", "exports", "outputs"):
            label = "Registreret: " + _SETTING_PARTS[part]
        else:
            label = "Ændret: " + _SETTING_PARTS.get(part, "en indstilling for sagen")
        if part == "statements":
            fields = [k for k in set(before.get("value") or {}) | set(after.get("value") or {})
                      if (before.get("value") or {}).get(k) != (after.get("value") or {}).get(k)]
            details = ", ".join(_STATEMENT_FIELDS.get(f, f) for f in sorted(fields))
    elif ev.object_type == "case":
        subject = "Sagen"
        if ev.action in WORKFLOW_ACTIONS:
            details = after.get("comment") or after.get("note") or ""
            if after.get("override_reason"):
                details = (details + " · " if details else "") + f"trods tjeklisten: {after['override_reason']}"
        elif ev.action == "suggestions.add":
            details = count(int(after.get("count", 0)), "nyt forslag", "nye forslag")
        elif ev.action == "case.create":
            details = " · ".join(str(after[k]) for k in ("case_number", "title") if after.get(k))
        elif ev.action == "case.status" and after.get("status"):
            def status(v: Any) -> str:
                try:
                    return CaseStatus(v).label
                except ValueError:
                    return str(v or "")
            details = f"{status(before.get('status'))} → {status(after.get('status'))}".lstrip(" →")
        else:
            fields = _changed(before, after, _CASE_FIELDS)
            details = ("Ændret: " + ", ".join(fields)) if fields else ""
    return AuditLine(id=ev.id or 0, at=ev.at, who=ev.who, action=ev.action, label=label, subject=subject,
                     details=details, before=ev.before, after=ev.after)


class TeamServices:
    """Mixed into ``Services``."""

    store: Any
    user: str

    @property
    def comment_store(self) -> Any:
        cs = getattr(self, "_comment_store", None)
        if cs is None:
            from aktindsigt.store.team import CommentStore

            cs = self._comment_store = CommentStore(self.store)
        return cs

    # --- the review queue -----------------------------------------------------------------------------

    def review_queue(self, today: date | None = None) -> list[QueueEntry]:
        """Cases waiting for a team lead (*Til godkendelse*), the oldest submission first."""
        from aktindsigt.core.model import CaseStatus
        from aktindsigt.services.workflow import review_key

        out = []
        for ov in self.list_cases(today):  # type: ignore[attr-defined]
            if ov.case.status is not CaseStatus.IN_REVIEW:
                continue
            record = dict(self.store.get_setting(review_key(ov.case.id), {}) or {})
            history = record.get("history") or []
            counts = self.comment_store.open_counts(ov.case.id)
            out.append(QueueEntry(
                overview=ov, submitted_by=record.get("submitted_by", ""),
                submitted_at=_parse_time(record.get("submitted_at")), submit_comment=record.get("submit_comment", ""),
                open_points=len(record.get("open_points") or []),
                returned_before=any(h.get("action") == "case.return" for h in history),
                open_comments=sum(counts.values())))
        far = datetime.max.replace(tzinfo=UTC)
        order = self.store.last_audit_ids("case.submit")  # within one second: the order of submission
        out.sort(key=lambda e: (e.submitted_at or far, order.get(e.case.id, 0), e.case.id or 0))
        return out

    # --- comments -------------------------------------------------------------------------------------

    def add_comment(self, case_ref: str | int, text: str, *, document_id: int | None = None,
                    suggestion_id: int | None = None, decision_id: int | None = None) -> Any:
        """A comment on the case, or on one of its documents, suggestions or decisions (shown to the caseworker
        where it applies). Anyone may comment; it is audited."""
        from aktindsigt.core.errors import ServiceError
        from aktindsigt.store.store import NotFound

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        text = (text or "").strip()
        if not text:
            raise ServiceError("Skriv kommentaren.")
        if len(text) > 4000:
            raise ServiceError("En kommentar må højst være 4.000 tegn.")
        targets = [(t, i) for t, i in (("suggestion", suggestion_id), ("decision", decision_id),
                                       ("document", document_id)) if i is not None]
        target_type, target_id = targets[0] if targets else ("case", None)
        try:
            return self.comment_store.add(case.id, target_type, target_id, text, self.user)
        except NotFound:
            what = {"suggestion": "Forslaget", "decision": "Afgørelsen", "document": "Dokumentet"}[target_type]
            raise ServiceError(f"{what} findes ikke (længere) i sagen. Opdatér visningen.") from None

    def comments(self, case_ref: str | int, document_id: int | None = None) -> list[Any]:
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        return self.comment_store.list(case.id, document_id)

    def open_comment_counts(self, case_ref: str | int) -> dict[int | None, int]:
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        return self.comment_store.open_counts(case.id)

    def resolve_comment(self, comment_id: int, version: int | None = None, reopen: bool = False) -> Any:
        from aktindsigt.core.errors import ServiceError
        from aktindsigt.store.store import NotFound

        try:
            return self.comment_store.resolve(comment_id, self.user, version, reopen)
        except NotFound:
            raise ServiceError("Kommentaren findes ikke.") from None

    # --- the audit trail ------------------------------------------------------------------------------

    def _describer(self, case_id: int) -> Any:
        docs = {d.id: d for d in self.store.list_documents(case_id)}
        texts = {s.id: " ".join(s.text.split()) for s in self.review.list_suggestions(case_id)}  # type: ignore[attr-defined]
        cache: dict[int, str] = {}

        def snippet(document_id: int, start: int, end: int) -> str:
            if document_id not in cache:
                try:
                    cache[document_id] = self.store.document_text(document_id)
                except Exception:  # noqa: BLE001 - a document removed since: no text to show
                    cache[document_id] = ""
            return " ".join(cache[document_id][start:end].split())[:80]

        return lambda ev: describe(ev, docs, texts, snippet)

    def audit_trail(self, case_ref: str | int, search: str = "") -> list[AuditLine]:
        """The case's audit trail in Danish, oldest first; ``search`` keeps the lines that contain it."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        d = self._describer(case.id)
        lines = [d(ev) for ev in self.store.audit_events(case.id)]
        return [line for line in lines if line.matches(search)]

    def export_audit(self, case_ref: str | int, path: Path, fmt: str = "csv", search: str = "") -> Path:
        """The audit trail (or the lines matching ``search``) as CSV (UTF-8, ';', for Danish Excel) or JSON
        (with the raw before/after of every event)."""
        from aktindsigt.core.errors import ServiceError
        from aktindsigt.store.blobs import atomic_write_bytes
        from aktindsigt.store.store import _jsonable

        fmt = fmt.lower().lstrip(".")
        if fmt not in ("csv", "json"):
            raise ServiceError("Vælg CSV eller JSON.")
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        lines = self.audit_trail(case.id, search)
        if fmt == "json":
            data = json.dumps({"case": case.case_number, "exported_by": self.user,
                               "exported_at": datetime.now(UTC).isoformat(timespec="seconds"), "search": search,
                               "events": [{"id": ln.id, "at": ln.at.isoformat(), "who": ln.who, "action": ln.action,
                                           "label": ln.label, "subject": ln.subject, "details": ln.details,
                                           "before": _jsonable(ln.before), "after": _jsonable(ln.after)}
                                          for ln in lines]}, ensure_ascii=False, indent=1).encode("utf-8")
        else:
            buf = io.StringIO()
            w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
            w.writerow(["Nr.", "Tidspunkt", "Bruger", "Handling", "Gælder", "Detaljer", "Kode"])
            for ln in lines:
                w.writerow([ln.id, _local(ln.at), ln.who, ln.label, ln.subject, ln.details, ln.action])
            data = ("\ufeff" + buf.getvalue()).encode("utf-8")
        path = Path(path)
        try:
            atomic_write_bytes(path, data)
        except OSError as e:
            raise ServiceError(f"Filen {path} kunne ikke skrives: {e.strerror}") from None
        return path

    # --- changes since the case was returned ------------------------------------------------------------

    def changes_since_return(self, case_ref: str | int) -> ChangesSinceReturn:
        """What changed in the case after the team lead last returned it (decisions, documents, texts,
        comments), for the team lead who gets it back."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        events = self.store.audit_events(case.id)
        last = next((ev for ev in reversed(events) if ev.action == "case.return"), None)
        result = ChangesSinceReturn()
        if last is None:
            return result
        result.returned_by, result.returned_at = last.who, last.at
        result.return_comment = str((last.after or {}).get("comment", "")) if isinstance(last.after, dict) else ""
        d = self._describer(case.id)
        skip = {"case.reopen", "case.submit", "case.withdraw", "case.approval_lapsed", "suggestions.add"}
        for ev in events:
            if (ev.id or 0) <= (last.id or 0) or ev.action in skip:
                continue
            if ev.action == "setting.set" and not str(ev.object_id).endswith(":statements"):
                continue  # the review record, the output history: not what the caseworker changed
            result.lines.append(d(ev))
        return result

    # --- who else is here, and their changes as they happen ---------------------------------------------------

    def enter_case(self, case_id: int) -> None:
        """This app instance has the case open (call again every half minute as a heartbeat)."""
        self.store.touch_presence(case_id, self.user)

    def leave_case(self) -> None:
        self.store.leave_presence()

    def others_in_case(self, case_id: int) -> list[str]:
        """The other users who have the case open now."""
        return [name for name, _seen in self.store.presence(case_id) if name != self.user]

    def change_feed(self, callback: Any, interval: float = 1.5) -> Any:
        """A started ``store.notify.ChangeFeed`` calling ``callback(events)`` with other users' changes."""
        from aktindsigt.store.notify import ChangeFeed

        return ChangeFeed(self.store, callback, interval).start()


def _parse_time(value: Any) -> datetime | None:
    try:
        t = datetime.fromisoformat(str(value))
    except (TypeError, ValueError):
        return None
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def _local(at: datetime) -> str:
    at = at if at.tzinfo else at.replace(tzinfo=UTC)
    return at.astimezone().strftime("%d.%m.%Y %H:%M:%S")


__all__ = ["AuditLine", "ChangesSinceReturn", "QueueEntry", "TeamServices", "decision_problems", "describe"]
