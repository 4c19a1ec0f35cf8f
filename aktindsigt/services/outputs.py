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
import re
import shutil
import tempfile
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from aktindsigt.core.danish import antal
from aktindsigt.core.model import Document, LegalGround, Regime
from aktindsigt.outputs.checklist import Problem, checklist
from aktindsigt.outputs.data import CaseData, ComplaintArea, Municipality, Statements, collect
from aktindsigt.outputs.render import OutputFiles
from aktindsigt.outputs.texts import (
    da_date,
    load_aktliste_config,
    load_areas,
    load_indsigt,
    load_texts,
    placeholders_in,
    strings_in,
)
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

    def _catalogue_extras(self) -> tuple[dict[str, str], dict[str, str], set[str]]:
        """From the catalogue: ground id -> its counter-exception (§ 26, FVL § 13, 1985 § 8), ground id -> the text
        it requires (law / interest / weighing), and the document-level grounds (tests with ``grounds_override``
        set their own)."""
        if getattr(self, "grounds_override", None) is not None:
            return (dict(getattr(self, "counter_exceptions_override", {})),
                    dict(getattr(self, "required_texts_override", {})),
                    set(getattr(self, "document_grounds_override", set())))
        from aktindsigt.grounds import load_catalogue

        cat = load_catalogue()
        return ({g: e.counter_exception for g, e in cat.items() if e.counter_exception},
                {g: e.requires_text for g, e in cat.items() if e.requires_text},
                {g for g, e in cat.items() if e.kind == "document"})

    def grounds_for_case(self, case_ref: str | int, kinds: tuple[str, ...] | None = ("entity", "document")
                         ) -> dict[str, LegalGround]:
        """The grounds a caseworker may choose in this case: only those of the case's regime (for the UI's ground
        combo and the CLI). ``kinds``: "entity" (redactions) and/or "document" (whole documents); ``None``: all,
        including the statements (§ 14, counter-exceptions)."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        grounds = self.legal_grounds()
        if getattr(self, "grounds_override", None) is not None:
            statements = self.statement_grounds()
            return {gid: g for gid, g in grounds.items() if g.valid_in(case.regime)
                    and (kinds is None or ("statement" in kinds) == (gid in statements) or gid not in statements)}
        from aktindsigt.grounds import grounds_for_regime, load_catalogue

        return grounds_for_regime(case.regime, kinds, catalogue=load_catalogue())

    def _check_grounds(self, case_id: int, ground_ids: list[str | None] | tuple[str, ...]) -> None:
        """Refuse, in Danish, a ground that belongs to another regime than the case's (or is unknown)."""
        from aktindsigt.grounds import regime_error
        from aktindsigt.services.cases import ServiceError

        ids = [g for g in ground_ids if g]
        if not ids:
            return
        case = self.get_case(case_id)  # type: ignore[attr-defined]
        grounds = self.legal_grounds()
        for gid in dict.fromkeys(ids):
            message = regime_error(gid, case.regime, grounds)
            if message:
                raise ServiceError(message)

    def complaint_areas(self) -> list[ComplaintArea]:
        """The catalogue of underlying-matter areas and their complaint bodies (``resources/klageinstanser.yaml``),
        for the choice of the case's complaint body."""
        from aktindsigt.services.cases import ServiceError

        try:
            return list(load_areas().values())
        except (OSError, ValueError) as e:
            raise ServiceError("Kataloget over klageinstanser (resources/klageinstanser.yaml) kunne ikke indlæses.",
                               detail=str(e)) from e

    def ground_text_prompts(self, case_ref: str | int) -> dict[str, str]:
        """For each ground in ``law_grounds``: what the caseworker must write ("loven, der fastsætter
        tavshedspligten", "den konkrete interesse ...", "den konkrete afvejning ...")."""
        data = self.output_data(case_ref)
        labels = data.texts.get("required_text_labels") or {}
        return {gid: str(labels.get(data.required_texts.get(gid, "law"), "")) for gid in self.law_grounds(case_ref)}

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
        """Set text fields of the statements: meroffentlighed, extraction, complaint_body, matter_area (an id of
        ``complaint_areas``), recipient_address, signer, signer_title, weighing (MOL § 2, stk. 3)."""
        st = self.statements(case_ref)
        self._check_statement_fields(changes)
        for k, v in changes.items():
            if v is not None:
                setattr(st, k, v.strip())
        return self._save_statements(case_ref, st)

    def _check_statement_fields(self, changes: dict[str, Any]) -> None:
        from aktindsigt.services.cases import ServiceError

        unknown = set(changes) - set(Statements.TEXT_FIELDS)
        if unknown:
            raise ServiceError(f"Ukendt felt: {', '.join(sorted(unknown))}.")
        area = (changes.get("matter_area") or "").strip()
        if area:
            areas = {a.id: a for a in self.complaint_areas()}
            if area not in areas:
                raise ServiceError(f"Ukendt område '{area}'. Vælg et af: {', '.join(areas)}.")

    def set_emissions(self, case_ref: str | int, emissions: bool) -> Statements:
        """MOL § 2, stk. 5: whether the documents hold information on emissions into the environment."""
        st = self.statements(case_ref)
        st.emissions = bool(emissions)
        return self._save_statements(case_ref, st)

    def indsigt_texts(self, case_ref: str | int) -> list[dict[str, str]]:
        """GDPR art. 15(1)(a)-(h) for the statements dialog: each item's key, heading, the municipality's text
        (``resources/templates/indsigt.yaml``, its {placeholders} unfilled) and the case's own text ('' = the
        municipality's)."""
        st = self.statements(case_ref)
        return [{"key": str(i.get("key", "")), "heading": str(i.get("heading", "")), "template": str(i.get("text", "")),
                 "text": st.indsigt.get(str(i.get("key", "")), "")} for i in load_indsigt().get("items") or []]

    def set_indsigt_text(self, case_ref: str | int, key: str, text: str) -> Statements:
        """GDPR art. 15(1)(a)-(h): the case's own text for one item (``a`` ... ``h``); '' returns to the
        municipality's template (``resources/templates/indsigt.yaml``)."""
        from aktindsigt.services.cases import ServiceError

        keys = [str(i.get("key")) for i in load_indsigt().get("items") or []]
        if key not in keys:
            raise ServiceError(f"Ukendt punkt '{key}' i artikel 15, stk. 1. Vælg et af: {', '.join(keys)}.")
        st = self.statements(case_ref)
        if text.strip():
            st.indsigt[key] = text.strip()
        else:
            st.indsigt.pop(key, None)
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

    def set_request(self, case_ref: str | int, *, channel: str | None = None, request_text: str | None = None) -> None:
        """How the request came (e-mail, Digital Post, brev, telefon) and what it asked for (the case's own fields;
        the final letter needs the channel)."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        changed = False
        if channel is not None and channel.strip() != case.channel:
            case.channel, changed = channel.strip(), True
        if request_text is not None and request_text.strip() != case.request_text:
            case.request_text, changed = request_text.strip(), True
        if changed:
            self.store.update_case(case, self.user, action="case.request")
            self._edited(case.id, "case.request")  # type: ignore[attr-defined]

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
        today = today or self.today()  # type: ignore[attr-defined]
        documents = self.store.list_documents(case.id)
        pages = self.store.withheld_pages(case.id)  # only withheld pages matter here; no word maps
        counter, required, document_grounds = self._catalogue_extras()
        return collect(
            case, documents, self.decisions(case.id), pages, self.legal_grounds(), load_texts(),  # type: ignore[attr-defined]
            self.municipality(), self.statements(case.id), today, self.statement_grounds(), load_areas(),
            counter, required, document_grounds,
            # the grounds of the applied boxes (services/redaction.py), the one source once it is there
            applied=applied(case.id) if (applied := getattr(self, "applied_grounds", None)) else None,
        )

    def _pending(self, case_id: int) -> dict[int, int]:
        return self.review.pending_counts(case_id)  # type: ignore[attr-defined]

    def _redacted_spans(self, case_id: int) -> list[tuple[Any, str, int]]:
        """(entity type, text, document id) of the case's span redactions, one per redacted span (a manual
        redaction over a suggestion is one box, although both are decisions)."""
        from aktindsigt.core.model import DecisionAction, DecisionKind

        found: list[tuple[Any, str, int]] = []
        texts: dict[int, str] = {}
        seen: set[tuple[int, int, int | None]] = set()
        for d in self.decisions(case_id):  # type: ignore[attr-defined]
            if d.action is DecisionAction.REDACT and d.kind is DecisionKind.SPAN and d.start is not None:
                if (d.document_id, d.start, d.end) in seen:
                    continue
                seen.add((d.document_id, d.start, d.end))
                if d.document_id not in texts:
                    texts[d.document_id] = self.store.document_text(d.document_id)
                found.append((d.entity_type, texts[d.document_id][d.start:d.end], d.document_id))
        return found

    def _redacted_texts(self, case_id: int) -> list[str]:
        """The texts of the case's span redactions (for the leak check of titles, reasons and statements)."""
        return [text for _et, text, _doc in self._redacted_spans(case_id)]

    def _checklist(self, data: CaseData) -> list[Problem]:
        from aktindsigt.detect.propagate import dictionary_word
        from aktindsigt.outputs.aktliste import own_domains, party_for
        from aktindsigt.outputs.checklist import leaks
        from aktindsigt.services.requester import own_redactions

        case_id = data.case.id or 0
        spans = self._redacted_spans(case_id)
        redacted = [text for _et, text, _doc in spans]
        own_by_doc: dict[int, list[str]] = {}
        for et, text, doc_id in spans:
            if own_redactions(data.case, [(et, text)]):
                own_by_doc.setdefault(doc_id, []).append(text)
        problems = checklist(data, self._pending(case_id), redacted, own_redacted=own_by_doc,
                             indsigt=load_indsigt() if data.regime is Regime.GDPR15 else None,
                             word_like=dictionary_word)
        # the automatic "Afsender/modtager" of the aktliste (a sole trader's firm may carry a person's name)
        config, own = load_aktliste_config(), own_domains(data)
        manual = data.statements.public_parties
        parties = {str(d.doc.id): party_for(d, data, config, own) for d in data.documents
                   if str(d.doc.id) not in manual}
        by_id = {str(d.doc.id): d.doc for d in data.documents}
        for doc_id in leaks(parties, redacted, dictionary_word):
            doc = by_id[doc_id]
            problems.append(Problem("leak", "Afsender/modtager i aktlisten indeholder en oplysning, der er "
                                    "overstreget i sagen. Skriv en offentlig værdi for dokumentet.",
                                    "statements.public_parties", doc.id, doc.akt_nr))
        from aktindsigt.services.team import decision_problems

        problems.extend(decision_problems(self.store, case_id))
        return problems

    def _scan_rendered(self, case_id: int, text: str, exclude: list[str]) -> list[str]:
        """Messages for redacted strings found in a rendered text (recipient and signer lines excluded)."""
        from aktindsigt.detect.propagate import dictionary_word
        from aktindsigt.outputs.checklist import leaks

        for value in sorted((e for e in exclude if e), key=len, reverse=True):
            text = text.replace(value, " ")
        found = leaks({"text": text}, self._redacted_texts(case_id), dictionary_word)
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
        if kind == "letter" and not extra.get("draft"):
            self._mark_decided(case_id)
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
        draft_reason = (f"Tjeklisten har {antal(len(problems), 'punkt')}, der skal løses før afsendelse."
                        if problems else "")
        indsigt = load_indsigt() if data.regime is Regime.GDPR15 else None
        ctx = letter_context(data, draft=draft, draft_reason=draft_reason if draft else "", indsigt=indsigt,
                             deadlines=self.deadlines(data.case, data.today))  # type: ignore[attr-defined]
        if not draft:
            self._refuse_placeholders("Afgørelsen kan ikke dannes endeligt", ctx)
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

    def _refuse_placeholders(self, head: str, ctx: dict[str, Any]) -> None:
        """No placeholder ("[Skriv ...]", "[…]", an unfilled "{name}") may reach a letter that can be sent."""
        from aktindsigt.services.cases import ServiceError

        found = list(dict.fromkeys(p for s in strings_in(ctx) for p in placeholders_in(s)))
        if found:
            shown = "\n".join(f"- {p[:120]}" for p in found[:8])
            raise ServiceError(f"{head}: teksten indeholder {antal(len(found), 'pladsholder', 'pladsholdere')}, "
                               f"der skal udfyldes først:\n{shown}")

    def _mark_decided(self, case_id: int) -> None:
        """The day a final decision letter is kept is the decision date (deadlines turn to "Afgjort"; the letter
        forwarding a complaint names it). Not an edit of the approved content."""
        case = self.get_case(case_id)  # type: ignore[attr-defined]
        if case.decided is None:
            case.decided = self.today()  # type: ignore[attr-defined]
            self.store.update_case(case, self.user, action="case.decided")

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
        self._record(data.case.id or 0, "aktliste", files, record, documents=len(data.listed))
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
            regime = data.case.regime
            notice, answer = (("Besked om forlængelse af fristen", "svaret") if regime is Regime.GDPR15 else
                              ("Underretning om fristen", "afgørelsen") if regime is Regime.MOL else
                              ("Fristbrev", "afgørelsen"))
            fristbrev = (f"{notice} blev dannet den {da_date(date.fromisoformat(fb['rendered']))} af "
                         f"{fb.get('by', '')}; {answer} blev forventet senest den "
                         f"{da_date(date.fromisoformat(fb['expected']))}.")
        from aktindsigt.outputs.journalnotat import output_lines, review_lines

        reviews = [*review_lines(self.store.audit_events(case_id)), audit_head_line(self.store)]  # chain head (#16)
        outputs = output_lines([*self.output_history(case_id), *pending_outputs], data.case.regime)
        if data.case.decided is None and any(ev.get("kind") == "letter" and not ev.get("draft")
                                             for ev in pending_outputs):
            data.case.decided = data.today  # the export's final letter is the decision (recorded with the bundle)
        dl = self.deadlines(data.case, data.today)  # type: ignore[attr-defined]
        ctx = journal_context(data, dl, fristbrev, reviews, outputs, author=self.user)
        self._refuse_placeholders("Journalnotatet kan ikke dannes", ctx)
        files = render_document("journalnotat.docx", ctx, Path(out_dir), "03_Journalnotat", "journalnotat", pdf=pdf)
        self._record(case_id, "journalnotat", files, record)
        return files

    def render_kvittering(self, case_ref: str | int, out_dir: Path, pdf: bool = True,
                          record: bool = True) -> OutputFiles:
        """Acknowledgement of receipt."""
        from aktindsigt.outputs.letter import receipt_context
        from aktindsigt.outputs.render import render_document

        data = self.output_data(case_ref)
        ctx = receipt_context(data, self.deadlines(data.case))  # type: ignore[attr-defined]
        self._refuse_placeholders("Kvitteringen kan ikke dannes", ctx)
        files = render_document("kvittering.docx", ctx, Path(out_dir), "00_Kvittering", "kvittering", pdf=pdf)
        self._record(data.case.id or 0, "kvittering", files, record)
        return files

    def render_fristbrev(self, case_ref: str | int, out_dir: Path, expected_date: date, reason: str = "",
                         pdf: bool = True, record: bool = True) -> OutputFiles:
        """The fristbrev (OFL § 36, stk. 2 / FVL § 16, stk. 2): why no decision yet, and when to expect one."""
        from aktindsigt.outputs.letter import deadline_letter_context
        from aktindsigt.outputs.render import render_document
        from aktindsigt.services.cases import ServiceError

        data = self.output_data(case_ref)
        if data.case.decided is not None:
            raise ServiceError(f"Der er allerede truffet afgørelse i sagen (den {da_date(data.case.decided)}), så "
                               "der skal ikke sendes fristbrev.")
        if expected_date <= data.today:
            raise ServiceError("Datoen for den forventede afgørelse skal ligge efter i dag.")
        if not reason.strip():
            raise ServiceError("Skriv, hvorfor afgørelsen ikke kan træffes inden for fristen (fristbrevet skal sige "
                               "det).")
        dl = self.deadlines(data.case, data.today)  # type: ignore[attr-defined]
        if dl.maximum is not None and expected_date > dl.maximum:
            raise ServiceError(f"Den forventede dato ligger efter den længste frist, der gælder for sagen "
                               f"({da_date(dl.maximum)}, {dl.rule.max_basis}). Vælg en tidligere dato.")
        messages = []
        if data.today > dl.fristbrev_due:
            late = (data.today - dl.fristbrev_due).days
            messages.append(f"Bemærk: fristbrevet skulle have været sendt senest den {da_date(dl.fristbrev_due)} "
                            f"({antal(late, 'dag')} for sent). Brevet beklager forsinkelsen.")
        if dl.rule.extension_in_first_month and dl.limit is not None and data.today > dl.limit:
            messages.append(f"Bemærk: fristen kunne kun forlænges, hvis anmoderen fik besked senest den "
                            f"{da_date(dl.limit)}. Afgørelsen er allerede forsinket; træf den hurtigst muligt.")
        if re.search(r"mange dokumenter|omfattende", reason, re.IGNORECASE) and len(data.in_scope) < 10:
            messages.append(f"Bemærk: begrundelsen taler om et stort omfang, men sagen har "
                            f"{antal(len(data.in_scope), 'dokument')}. Kontrollér, at begrundelsen er rigtig.")
        ctx = deadline_letter_context(data, expected_date, reason, dl)
        self._refuse_placeholders("Fristbrevet kan ikke dannes", ctx)
        files = render_document("fristbrev.docx", ctx, Path(out_dir), "00_Fristbrev", "fristbrev", pdf=pdf)
        files.messages += messages
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
        if data.regime is Regime.GDPR15:
            raise ServiceError("En klage over et svar på en anmodning om indsigt sendes af klageren direkte til "
                               "Datatilsynet; kommunen sender den ikke videre.")
        if not data.complaint_body():
            raise ServiceError("Angiv klageinstansen (sagens område), før klagen kan sendes videre. Har den "
                               "underliggende sag ingen klageinstans, kan klagen ikke sendes videre.")
        if data.case.decided is None:
            raise ServiceError("Der er ikke dannet en endelig afgørelse i sagen, så der er ikke noget at klage over "
                               "endnu. Dan afgørelsen først.")
        if complaint_received < data.case.decided:
            raise ServiceError(f"Klagen kan ikke være modtaget før afgørelsen ({da_date(data.case.decided)}).")
        ctx = complaint_forward_context(data, complaint_received, data.case.decided, remarks)
        self._refuse_placeholders("Brevet til klageinstansen kan ikke dannes", ctx)
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
        """Grounds used in the case that need a text of their own - the law imposing the confidentiality (§ 35),
        the concrete interest (dbl. § 22, art. 15, stk. 4) or the concrete weighing (fvl. § 15 b); see
        ``ground_text_prompts`` - followed by any other ground a text has been written for."""
        data = self.output_data(case_ref)
        used = [gid for gid, _docs in data.grounds_used() if gid in data.required_texts]
        return used + [gid for gid in data.statements.laws if gid not in used]

    def save_statements(self, case_ref: str | int, *, scope: str | None = None, laws: dict[str, str] | None = None,
                        journal: dict[str, str] | None = None, channel: str | None = None,
                        emissions: bool | None = None, indsigt: dict[str, str] | None = None,
                        **fields: str) -> Statements:
        """Save what the statements dialog edits in one go (only what changed is written and audited):
        the case's scope and how the request came (``channel``), the letter's texts (``set_statements``
        fields), MOL § 2, stk. 5 (``emissions``), the case's own GDPR art. 15 texts (``indsigt``: key -> text,
        '' returns to the municipality's), the laws named for § 35, and the journal note's free text."""
        from aktindsigt.services.cases import ServiceError

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        st = self.statements(case.id)
        self._check_statement_fields(fields)
        journal_keys = {"scope_dialogue", "third_parties", "quality_review", "dispatch", "complaints"}
        if journal and set(journal) - journal_keys:
            raise ServiceError(f"Ukendt afsnit i journalnotatet: {', '.join(sorted(set(journal) - journal_keys))}.")
        new = Statements.from_dict(st.to_dict())
        for k, v in fields.items():
            if v is not None:
                setattr(new, k, v.strip())
        if emissions is not None:
            new.emissions = bool(emissions)
        if indsigt:
            keys = {str(i.get("key")) for i in load_indsigt().get("items") or []}
            if set(indsigt) - keys:
                raise ServiceError(f"Ukendt punkt i artikel 15, stk. 1: {', '.join(sorted(set(indsigt) - keys))}.")
            for key, text in indsigt.items():
                if text.strip():
                    new.indsigt[key] = text.strip()
                else:
                    new.indsigt.pop(key, None)
        for gid, law in (laws or {}).items():
            if law.strip():
                new.laws[gid] = law.strip()
            else:
                new.laws.pop(gid, None)
        for key, text in (journal or {}).items():
            new.journal[key] = text.strip()
        if scope is not None and scope.strip() != case.scope:
            self.set_scope(case.id, scope)
        if channel is not None and channel.strip() != case.channel:
            self.set_request(case.id, channel=channel)
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
