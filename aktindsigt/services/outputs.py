"""Output use cases: pre-send checklist, decision letter, aktliste, journal note, receipt, fristbrev.

Mixed into ``Services``; uses ``self.store``, ``self.user``, ``self.get_case``,
``self.case_detail``, ``self.decisions`` and ``self.review`` like ``review.py``.

What the case model has no field for is kept as settings (no schema change):
- ``municipality``: the authority's profile (name, unit, address, CVR, kommunekode ...);
- ``case:<id>:statements``: § 14 and extraction statements, complaint body,
  recipient address, signer, the law named for § 35, public sender/recipient
  values for the aktliste, free-text parts of the journal note;
- ``case:<id>:outputs``: every rendered output (who, when, files and SHA-256),
  ``case:<id>:last_<kind>`` the latest one, ``case:<id>:fristbrev`` the fristbrev.
``set_setting`` writes an audit event, so every render and every statement is audited.

Every ``render_*`` takes ``record``: with ``record=False`` the files are a preview (written to a
scratch folder, nothing recorded); ``keep_output`` copies a preview to where the caseworker saves it
and records it then, so an output that was only looked at never appears in the journal note.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from aktindsigt.core.model import Document, LegalGround
from aktindsigt.outputs.checklist import Problem, checklist
from aktindsigt.outputs.data import CaseData, Municipality, Statements, collect
from aktindsigt.outputs.render import OutputFiles
from aktindsigt.outputs.texts import da_date, load_aktliste_config, load_texts
from aktindsigt.services.integrity import audit_head_line
from aktindsigt.store.blobs import sha256_file


class OutputServices:
    """Mixed into ``Services``."""

    store: Any
    user: str

    # --- legal grounds -----------------------------------------------------------

    def legal_grounds(self) -> dict[str, LegalGround]:
        """The legal-ground catalogue (``resources/legal_grounds.yaml``); tests may set ``grounds_override``."""
        override = getattr(self, "grounds_override", None)
        if override is not None:
            return dict(override)
        from aktindsigt.services.cases import ServiceError

        try:
            from aktindsigt.grounds import load_grounds

            return load_grounds()
        except (ImportError, ValueError, OSError) as e:
            raise ServiceError("Kataloget over hjemler (resources/legal_grounds.yaml) kunne ikke indlæses. "
                               "Kontakt den, der vedligeholder kataloget.", detail=str(e)) from e

    def statement_grounds(self) -> set[str]:
        """Catalogue entries of kind "statement" (§ 14, § 26, §§ 28-29, § 34 ...): sections of the letter,
        not exceptions."""
        if getattr(self, "grounds_override", None) is not None:
            return set(getattr(self, "statement_grounds_override", set()))
        try:
            from aktindsigt.grounds import load_catalogue
        except ImportError:
            return set()
        return {gid for gid, entry in load_catalogue().items() if entry.kind == "statement"}

    # --- municipality and statements --------------------------------------------------

    def municipality(self) -> Municipality:
        return Municipality.from_dict(self.store.get_setting("municipality", {}))

    def set_municipality(self, profile: Municipality | None = None, **changes: str) -> Municipality:
        """Save the authority's profile; ``changes`` update single fields (name, unit, address, cvr ...)."""
        from aktindsigt.services.cases import ServiceError

        current = (profile or self.municipality()).to_dict()
        unknown = set(changes) - set(current)
        if unknown:
            raise ServiceError(f"Ukendt felt i kommuneprofilen: {', '.join(sorted(unknown))}.")
        current.update({k: (v or "").strip() for k, v in changes.items() if v is not None})
        if current.get("cvr") and not (current["cvr"].isdigit() and len(current["cvr"]) == 8):
            raise ServiceError("CVR-nummeret skal være 8 cifre.")
        if current.get("kommunekode") and not (current["kommunekode"].isdigit() and len(current["kommunekode"]) == 3):
            raise ServiceError("Kommunekoden skal være 3 cifre (fx 751).")
        m = Municipality.from_dict(current)
        self.store.set_setting("municipality", m.to_dict(), self.user)
        return m

    def statements(self, case_ref: str | int) -> Statements:
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        st = Statements.from_dict(self.store.get_setting(f"case:{case.id}:statements", {}))
        st._base = st.to_dict()  # type: ignore[attr-defined]  # what was read: the save merges from it
        return st

    def _save_statements(self, case_ref: str | int, st: Statements) -> Statements:
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        before = dict(self.statements(case.id).to_dict(), journal=None)
        if before != dict(st.to_dict(), journal=None):  # the journal note's free text is not approved content
            self._guard_edit(case.id)  # type: ignore[attr-defined]
        base = getattr(st, "_base", None)
        if base is None:
            self.store.set_setting(f"case:{case.id}:statements", st.to_dict(), self.user)
        else:  # another user's change of another text meanwhile is kept; the same text changed: Conflict
            self.store.merge_setting(f"case:{case.id}:statements", base, st.to_dict(), self.user,
                                     normalise=lambda raw: Statements.from_dict(raw).to_dict())
        self._edited(case.id, "case.statements")  # type: ignore[attr-defined]
        return st

    def set_statements(self, case_ref: str | int, **changes: str) -> Statements:
        """Set text fields of the statements: meroffentlighed, extraction, complaint_body,
        recipient_address, signer, signer_title."""
        from aktindsigt.services.cases import ServiceError

        st = self.statements(case_ref)
        allowed = {"meroffentlighed", "extraction", "complaint_body", "recipient_address", "signer", "signer_title"}
        unknown = set(changes) - allowed
        if unknown:
            raise ServiceError(f"Ukendt felt: {', '.join(sorted(unknown))}.")
        for k, v in changes.items():
            if v is not None:
                setattr(st, k, v.strip())
        return self._save_statements(case_ref, st)

    def set_meroffentlighed(self, case_ref: str | int, text: str) -> Statements:
        """§ 14: that meroffentlighed was considered, and why no more is given."""
        return self.set_statements(case_ref, meroffentlighed=text)

    def set_extraction(self, case_ref: str | int, text: str) -> Statements:
        """§§ 28-29: what was extracted, or why nothing was."""
        return self.set_statements(case_ref, extraction=text)

    def set_scope(self, case_ref: str | int, text: str) -> None:
        """How the request was understood and delimited (the case's own ``scope`` field)."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        self._guard_edit(case.id)  # type: ignore[attr-defined]
        case.scope = text.strip()
        self.store.update_case(case, self.user, action="case.scope")
        self._edited(case.id, "case.scope")  # type: ignore[attr-defined]

    def set_law(self, case_ref: str | int, ground_id: str, law: str) -> Statements:
        """The law that imposes the confidentiality for ``ground_id`` (§ 35), e.g. 'sundhedslovens § 40'."""
        st = self.statements(case_ref)
        st.laws[ground_id] = law.strip()
        return self._save_statements(case_ref, st)

    def set_public_party(self, document_id: int, text: str) -> Statements:
        """The public "Afsender/modtager" of one document in the aktliste ('' returns to the automatic rule)."""
        doc = self.document(document_id)  # type: ignore[attr-defined]
        st = self.statements(doc.case_id)
        if text.strip():
            st.public_parties[str(document_id)] = text.strip()
        else:
            st.public_parties.pop(str(document_id), None)
        return self._save_statements(doc.case_id, st)

    def set_journal_entry(self, case_ref: str | int, key: str, text: str) -> Statements:
        """Free text for the journal note: scope_dialogue, third_parties, quality_review, dispatch, complaints."""
        from aktindsigt.services.cases import ServiceError

        if key not in {"scope_dialogue", "third_parties", "quality_review", "dispatch", "complaints"}:
            raise ServiceError(f"Ukendt afsnit i journalnotatet: {key}.")
        st = self.statements(case_ref)
        st.journal[key] = text.strip()
        return self._save_statements(case_ref, st)

    def set_document_fields(self, document_id: int, *, esdh_doc_id: str | None = None,
                            section26_considered: bool | None = None, in_scope: bool | None = None,
                            public_title: str | None = None) -> Document:
        """The per-document fields the checklist asks for (journal reference, § 26 considered, scope, title)."""
        doc = self.document(document_id)  # type: ignore[attr-defined]
        self._guard_edit(doc.case_id)  # type: ignore[attr-defined]
        if esdh_doc_id is not None:
            doc.esdh_doc_id = esdh_doc_id.strip()
        if section26_considered is not None:
            doc.section26_considered = section26_considered
        if in_scope is not None:
            doc.in_scope = in_scope
        if public_title is not None:
            doc.public_title = public_title.strip()
        updated = self.store.update_document(doc, self.user, action="document.output_fields")
        self._edited(doc.case_id, "document.output_fields")  # type: ignore[attr-defined]
        return updated

    # --- case data and checklist -------------------------------------------------------

    def output_data(self, case_ref: str | int, today: date | None = None) -> CaseData:
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        documents = self.store.list_documents(case.id)
        pages = self.store.withheld_pages(case.id)  # only withheld pages matter here; no word maps
        return collect(
            case, documents, self.decisions(case.id), pages, self.legal_grounds(), load_texts(),  # type: ignore[attr-defined]
            self.municipality(), self.statements(case.id), today, self.statement_grounds(),
            applied=applied(case.id) if (applied := getattr(self, "applied_grounds", None)) else None,  # redaction.py
        )

    def _pending(self, case_id: int) -> dict[int, int]:
        return self.review.pending_counts(case_id)  # type: ignore[attr-defined]

    def _redacted_texts(self, case_id: int) -> list[str]:
        """The texts of the case's span redactions (for the leak check of titles, reasons and statements)."""
        from aktindsigt.core.model import DecisionAction, DecisionKind

        found: list[str] = []
        texts: dict[int, str] = {}
        for d in self.decisions(case_id):  # type: ignore[attr-defined]
            if d.action is DecisionAction.REDACT and d.kind is DecisionKind.SPAN and d.start is not None:
                if d.document_id not in texts:
                    texts[d.document_id] = self.store.document_text(d.document_id)
                found.append(texts[d.document_id][d.start:d.end])
        return found

    def _checklist(self, data: CaseData) -> list[Problem]:
        from aktindsigt.outputs.aktliste import own_domains, party_for
        from aktindsigt.outputs.checklist import leaks

        case_id = data.case.id or 0
        redacted = self._redacted_texts(case_id)
        problems = checklist(data, self._pending(case_id), redacted)
        # the automatic "Afsender/modtager" of the aktliste (a sole trader's firm may carry a person's name)
        config, own = load_aktliste_config(), own_domains(data)
        manual = data.statements.public_parties
        parties = {str(d.doc.id): party_for(d, data, config, own) for d in data.documents
                   if str(d.doc.id) not in manual}
        by_id = {str(d.doc.id): d.doc for d in data.documents}
        for doc_id in leaks(parties, redacted):
            doc = by_id[doc_id]
            problems.append(Problem("leak", "Afsender/modtager i aktlisten indeholder en oplysning, der er "
                                    "overstreget i sagen. Skriv en offentlig værdi for dokumentet.",
                                    "statements.public_parties", doc.id, doc.akt_nr))
        from aktindsigt.services.team import decision_problems

        problems.extend(decision_problems(self.store, case_id))
        return problems

    def _scan_rendered(self, case_id: int, text: str, exclude: list[str]) -> list[str]:
        """Messages for redacted strings found in a rendered text (recipient and signer lines excluded)."""
        from aktindsigt.outputs.checklist import leaks

        for value in sorted((e for e in exclude if e), key=len, reverse=True):
            text = text.replace(value, " ")
        found = leaks({"text": text}, self._redacted_texts(case_id))
        if not found:
            return []
        return [f"Bemærk: teksten indeholder '{found['text']}', som er overstreget i et af sagens dokumenter. "
                "Kontrollér, at det ikke afslører en undtaget oplysning."]

    def checklist(self, case_ref: str | int) -> list[Problem]:
        """The pre-send checklist: problems in plain Danish, each with where it is fixed."""
        return self._checklist(self.output_data(case_ref))

    # --- rendering -------------------------------------------------------------------

    def _record(self, case_id: int, kind: str, files: OutputFiles, record: bool = True,
                settings: dict[str, Any] | None = None, **extra: Any) -> None:
        """Record a rendered output (history and latest of its kind), and write ``settings`` with it.
        ``record=False``: a preview; what would be recorded is kept on ``files.pending`` for ``keep_output``."""
        if not record:
            files.pending = {"case_id": case_id, "kind": kind, "extra": extra, "settings": settings or {}}
            return
        for key, value in (settings or {}).items():
            self.store.set_setting(key, value, self.user)
        event = self._event(kind, files, **extra)
        # appended under the setting's lock: two users' outputs at the same moment are both recorded
        self.store.update_setting(f"case:{case_id}:outputs", lambda history: [*(history or []), event], self.user)
        self.store.set_setting(f"case:{case_id}:last_{kind}", event, self.user)

    def _event(self, kind: str, files: OutputFiles, **extra: Any) -> dict[str, Any]:
        return {
            "kind": kind,
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "by": self.user,
            "files": [{"name": p.name, "sha256": sha256_file(p)} for p in files.files],
            "messages": files.messages,
            **extra,
        }

    def _output_event(self, files: OutputFiles) -> dict[str, Any]:
        """The history entry a preview (``record=False``) would get; the export records it with its bundle."""
        pending = files.pending or {}
        return self._event(pending.get("kind", files.kind), files, **pending.get("extra", {}))

    def output_history(self, case_ref: str | int) -> list[dict[str, Any]]:
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        return list(self.store.get_setting(f"case:{case.id}:outputs", []) or [])

    def render_letter(self, case_ref: str | int, out_dir: Path, draft: bool = False, pdf: bool = True,
                      override_reason: str = "", record: bool = True) -> OutputFiles:
        """The decision letter as DOCX (+ PDF). A final letter is refused while the checklist has problems,
        unless a team lead overrides with a written reason (recorded in the audit log)."""
        from aktindsigt.outputs.letter import letter_context
        from aktindsigt.outputs.render import render_document
        from aktindsigt.services.cases import ServiceError

        data = self.output_data(case_ref)
        problems = self._checklist(data)
        if problems and not draft and override_reason.strip():
            self._check_letter_override(data.case, override_reason.strip())
        if problems and not draft and not override_reason.strip():
            raise ServiceError.checklist("Afgørelsen kan ikke dannes endeligt", problems,
                                         qualifier=", der skal løses først (et udkast kan dannes)")
        draft_reason = f"Tjeklisten har {len(problems)} punkt(er), der skal løses før afsendelse." if problems else ""
        ctx = letter_context(data, draft=draft, draft_reason=draft_reason if draft else "")
        stem = "01_Afgoerelse_UDKAST" if draft else "01_Afgoerelse"
        files = render_document("afgoerelse.docx", ctx, Path(out_dir), stem, "letter", pdf=pdf)
        if files.docx is not None:
            from aktindsigt.outputs.render import docx_text

            files.messages += self._scan_rendered(
                data.case.id or 0, docx_text(files.docx),
                [ctx["recipient_name"], *ctx["recipient_lines"], ctx["signer"], ctx["signer_title"]])
        self._record(data.case.id or 0, "letter", files, record, draft=draft, problems=len(problems),
                     override_reason=override_reason.strip() if problems and not draft else "",
                     grounds=[b["id"] for b in ctx["reasons"]], outcome=data.outcome)
        return files

    def _check_letter_override(self, case: Any, reason: str) -> None:
        """Only a team lead may finalise a letter despite the checklist - now, or with the approval
        (the override given when approving the case, while the approval is valid)."""
        from aktindsigt.core.model import UserRole
        from aktindsigt.services.cases import ServiceError

        if self._role() is UserRole.TEAM_LEAD:  # type: ignore[attr-defined]
            return
        if reason == self.approval_override(case):  # type: ignore[attr-defined]
            return
        raise ServiceError("Kun en teamleder kan danne den endelige afgørelse trods punkter på tjeklisten. "
                           "Løs punkterne, eller send sagen til godkendelse.")

    def render_aktliste(self, case_ref: str | int, out_dir: Path, pdf: bool = True, record: bool = True) -> OutputFiles:
        """The document list as PDF (for the requester), XLSX and CSV."""
        from aktindsigt.outputs.aktliste import write_all

        data = self.output_data(case_ref)
        written = write_all(data, Path(out_dir), load_aktliste_config(), pdf=pdf)
        files = OutputFiles("aktliste", pdf=written.get("pdf"), xlsx=written["xlsx"], csv=written["csv"])
        files.messages += self._scan_rendered(data.case.id or 0, written["csv"].read_text(encoding="utf-8-sig"), [])
        self._record(data.case.id or 0, "aktliste", files, record, documents=len(data.documents))
        return files

    def render_journalnotat(self, case_ref: str | int, out_dir: Path, pdf: bool = True,
                            record: bool = True, pending_outputs: Sequence[dict[str, Any]] = ()) -> OutputFiles:
        """``pending_outputs``: output events not recorded yet that the note lists as formed (the export's
        letter and aktliste, recorded together with the bundle)."""
        from aktindsigt.outputs.journalnotat import journal_context
        from aktindsigt.outputs.render import render_document

        data = self.output_data(case_ref)
        case_id = data.case.id or 0
        fb = self.store.get_setting(f"case:{case_id}:fristbrev")
        fristbrev = ""
        if fb:
            fristbrev = (f"Dannet {da_date(date.fromisoformat(fb['rendered']))} af {fb.get('by', '')}; forventet "
                         f"afgørelse senest {da_date(date.fromisoformat(fb['expected']))}.")
        from aktindsigt.services.workflow import WORKFLOW_ACTIONS

        reviews = []
        for ev in self.store.audit_events(case_id):
            after = ev.after if isinstance(ev.after, dict) else {}
            if ev.action in WORKFLOW_ACTIONS:
                line = f"{ev.at:%d.%m.%Y %H:%M} {ev.who}: {WORKFLOW_ACTIONS[ev.action]}"
                extra = [after.get("comment") or after.get("note") or ""]
                if after.get("self_approval"):
                    extra.append("godkendt af sagens egen behandler")
                if after.get("override_reason"):
                    extra.append(f"trods tjeklisten: {after['override_reason']}")
                reviews.append(line + "".join(f" · {x}" for x in extra if x))
            elif ev.action.startswith(("case.status", "review.")):
                reviews.append(f"{ev.at:%d.%m.%Y %H:%M} {ev.who}: {ev.action} {after.get('status', '')}".strip())
        reviews.append(audit_head_line(self.store))  # the audit chain's head (#16)
        names = {"letter": "Afgørelse", "aktliste": "Aktliste", "journalnotat": "Journalnotat",
                 "kvittering": "Kvittering", "fristbrev": "Fristbrev", "klage": "Klage videresendt"}
        outputs = []
        for ev in [*self.output_history(case_id), *pending_outputs]:
            when = ev.get("at", "")[:16].replace("T", " ")
            label = names.get(ev.get("kind", ""), ev.get("kind", ""))
            if ev.get("draft"):
                label += " (udkast)"
            outputs.append(f"{when} {label} dannet af {ev.get('by', '')}: "
                           + ", ".join(f"{f['name']} (SHA-256 {f['sha256'][:12]}…)" for f in ev.get("files", [])))
        detail = self.case_detail(case_id)  # type: ignore[attr-defined]
        ctx = journal_context(data, detail.deadlines, fristbrev, reviews, outputs, author=self.user)
        files = render_document("journalnotat.docx", ctx, Path(out_dir), "03_Journalnotat", "journalnotat", pdf=pdf)
        self._record(case_id, "journalnotat", files, record)
        return files

    def render_kvittering(self, case_ref: str | int, out_dir: Path, pdf: bool = True,
                          record: bool = True) -> OutputFiles:
        """Acknowledgement of receipt."""
        from aktindsigt.outputs.letter import receipt_context
        from aktindsigt.outputs.render import render_document

        data = self.output_data(case_ref)
        files = render_document("kvittering.docx", receipt_context(data), Path(out_dir), "00_Kvittering",
                                "kvittering", pdf=pdf)
        self._record(data.case.id or 0, "kvittering", files, record)
        return files

    def render_fristbrev(self, case_ref: str | int, out_dir: Path, expected_date: date, reason: str = "",
                         pdf: bool = True, record: bool = True) -> OutputFiles:
        """The fristbrev (OFL § 36, stk. 2 / FVL § 16, stk. 2): why no decision yet, and when to expect one."""
        from aktindsigt.outputs.letter import deadline_letter_context
        from aktindsigt.outputs.render import render_document
        from aktindsigt.services.cases import ServiceError

        data = self.output_data(case_ref)
        if expected_date <= data.today:
            raise ServiceError("Datoen for den forventede afgørelse skal ligge efter i dag.")
        ctx = deadline_letter_context(data, expected_date, reason)
        files = render_document("fristbrev.docx", ctx, Path(out_dir), "00_Fristbrev", "fristbrev", pdf=pdf)
        case_id = data.case.id or 0
        fristbrev = {"rendered": data.today.isoformat(), "expected": expected_date.isoformat(), "by": self.user,
                     "reason": reason.strip()}
        self._record(case_id, "fristbrev", files, record, settings={f"case:{case_id}:fristbrev": fristbrev},
                     expected=expected_date.isoformat())
        return files

    def render_klage_videresendelse(self, case_ref: str | int, out_dir: Path, complaint_received: date,
                                    remarks: str = "", pdf: bool = True, record: bool = True) -> OutputFiles:
        """The letter forwarding a complaint to the complaint body after reconsideration (copy to the requester)."""
        from aktindsigt.outputs.letter import complaint_forward_context
        from aktindsigt.outputs.render import render_document
        from aktindsigt.services.cases import ServiceError

        data = self.output_data(case_ref)
        if not data.complaint_body():
            raise ServiceError("Angiv klageinstansen, før klagen kan sendes videre.")
        ctx = complaint_forward_context(data, complaint_received, data.case.decided, remarks)
        files = render_document("klage_videresendelse.docx", ctx, Path(out_dir), "04_Klage_videresendelse",
                                "klage", pdf=pdf)
        self._record(data.case.id or 0, "klage", files, record, complaint_received=complaint_received.isoformat())
        return files

    # --- previews --------------------------------------------------------------------

    def keep_output(self, files: OutputFiles, target_dir: Path) -> OutputFiles:
        """Save a preview (a ``render_*`` with ``record=False``) in ``target_dir`` and record it as rendered.
        Files of the same name in ``target_dir`` are replaced."""
        from aktindsigt.services.cases import ServiceError

        pending = files.pending
        if not pending:
            raise ServiceError("Filerne er allerede gemt.")
        missing = [p.name for p in files.files if not p.exists()]
        if missing:
            raise ServiceError(f"Forhåndsvisningen findes ikke længere ({', '.join(missing)}). Dan den igen.")
        target = Path(target_dir)
        try:
            target.mkdir(parents=True, exist_ok=True)
            kept = OutputFiles(files.kind, messages=list(files.messages))
            for name in ("docx", "pdf", "xlsx", "csv"):
                src = getattr(files, name)
                if src is not None:
                    setattr(kept, name, _copy_atomic(src, target / src.name))
        except OSError as e:
            raise ServiceError(f"Filerne kunne ikke gemmes i {target}: {e.strerror or e}. Vælg en anden mappe.",
                               detail=str(e)) from e
        self._record(pending["case_id"], pending["kind"], kept, settings=pending.get("settings") or None,
                     **pending.get("extra", {}))
        files.pending = None
        return kept

    # --- what the statements dialog shows ------------------------------------------------------

    def law_grounds(self, case_ref: str | int) -> list[str]:
        """Grounds that need the law imposing the confidentiality named (§ 35) and are used in the case,
        followed by any other ground a law has been written for."""
        data = self.output_data(case_ref)
        named = set(data.texts.get("named_law_grounds") or ())
        used = [gid for gid, _docs in data.grounds_used() if gid in named]
        return used + [gid for gid in data.statements.laws if gid not in used]

    def save_statements(self, case_ref: str | int, *, scope: str | None = None, laws: dict[str, str] | None = None,
                        journal: dict[str, str] | None = None, **fields: str) -> Statements:
        """Save what the statements dialog edits in one go (only what changed is written and audited):
        the case's scope, the letter's texts (``set_statements`` fields), the laws named for § 35, and
        the journal note's free text."""
        from aktindsigt.services.cases import ServiceError

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        st = self.statements(case.id)
        allowed = {"meroffentlighed", "extraction", "complaint_body", "recipient_address", "signer", "signer_title"}
        unknown = set(fields) - allowed
        if unknown:
            raise ServiceError(f"Ukendt felt: {', '.join(sorted(unknown))}.")
        journal_keys = {"scope_dialogue", "third_parties", "quality_review", "dispatch", "complaints"}
        if journal and set(journal) - journal_keys:
            raise ServiceError(f"Ukendt afsnit i journalnotatet: {', '.join(sorted(set(journal) - journal_keys))}.")
        new = Statements.from_dict(st.to_dict())
        for k, v in fields.items():
            if v is not None:
                setattr(new, k, v.strip())
        for gid, law in (laws or {}).items():
            if law.strip():
                new.laws[gid] = law.strip()
            else:
                new.laws.pop(gid, None)
        for key, text in (journal or {}).items():
            new.journal[key] = text.strip()
        if scope is not None and scope.strip() != case.scope:
            self.set_scope(case.id, scope)
        if new != st:
            self._save_statements(case.id, new)
        return new


def _copy_atomic(src: Path, dst: Path) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=dst.suffix, dir=dst.parent)
    os.close(fd)
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dst)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return dst


__all__ = ["OutputServices", "Problem"]
