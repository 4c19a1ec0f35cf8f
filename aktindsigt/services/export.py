"""The export bundle for journaling in the municipality's ESDH (domain guide §7).

    AKT_<kommunekode>_<sagsnr>_<YYYYMMDD>/
      manifest.json  01_Afgoerelse.pdf (+ .docx)  02_Aktliste.pdf/.xlsx/.csv  03_Journalnotat.pdf (+ .docx)
      udleveret/akt_0001_<slug>.pdf ...      exactly what the requester receives
      revision/redaction_log.csv  revision/verification_report.json  revision/case_verification.json
      SHA256SUMS

The bundle is built in a staged folder beside the target (``staging.py``) and renamed into place at
the end, so a crash never leaves a half bundle under the final name (the staged folder is removed at
the next start). The store learns of the bundle in three steps: the record is written as pending
(``case:<id>:export_pending``, with the output events of the letter, aktliste and journal note), the
folder is renamed into place, and the record is confirmed in one transaction with those outputs
(``case:<id>:export``, ``case:<id>:exports``, the output history). A crash between the rename and the
confirmation leaves a pending record whose bundle is in place: ``recover_exports`` (at the next start and
before every export) confirms it when its SHA256SUMS matches and drops it otherwise. It is refused while
the pre-send checklist has problems (unless a team lead overrides with a written reason,
at the approval or here), while the case is not approved by a team lead with unchanged
content since (unless a team lead overrides with a written reason; see ``workflow.py``),
and whenever any released file fails verification.
"""

from __future__ import annotations

import hashlib
import json
import logging
import socket
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from aktindsigt import __version__
from aktindsigt.core.progress import CancelToken, ProgressCallback, no_progress
from aktindsigt.services.redaction import RELEASED_DIR, slug
from aktindsigt.services.staging import MARKER, StagedFolder, TargetNotEmpty
from aktindsigt.store.blobs import sha256_file

log = logging.getLogger(__name__)

MANIFEST_SCHEMA = "aktindsigt.bundle/1"


@dataclass
class ExportResult:
    path: Path
    manifest: dict[str, Any]
    files: list[Path]

    @property
    def messages(self) -> list[str]:
        """The manifest's Danish notes (why no SBSYS files were made, a letter's remarks): the UI shows them."""
        return [str(m) for m in self.manifest.get("messages") or []]


@dataclass
class ExportCheck:
    """Whether the case can be exported now, and what stands in the way (read-only; nothing lapses here).

    ``obstacles`` are plain Danish lines (checklist problems, a missing or lapsed approval). With obstacles
    only a team lead can export, with a written reason (``needs_override``)."""

    approved: bool  # approved by a team lead, content unchanged since
    problems: list[str]  # the checklist's problems not covered by the approval's override
    obstacles: list[str]
    team_lead: bool

    @property
    def needs_override(self) -> bool:
        return bool(self.obstacles)

    @property
    def can_override(self) -> bool:
        return self.team_lead

    def refusal(self) -> str:
        """Why a caseworker cannot export (Danish), '' when nothing stands in the way."""
        if not self.obstacles:
            return ""
        lines = "\n".join(f"- {o}" for o in self.obstacles)
        return (f"Sagen kan ikke eksporteres endnu:\n{lines}\nSend sagen til godkendelse hos en teamleder; kun en "
                "teamleder kan eksportere med en skriftlig begrundelse for at se bort fra det.")



def _bundle_name(kommunekode: str, case_number: str, day: date) -> str:
    return f"AKT_{kommunekode}_{slug(case_number, 60).upper()}_{day:%Y%m%d}"


class _ExportProgress:
    """One bar for the export: the redaction's "akt x af y", then the three outputs as three more steps."""

    def __init__(self, progress: ProgressCallback) -> None:
        self.progress, self.n = progress, 0

    def redaction(self, done: int, total: int, message: str) -> None:
        self.n = total
        if message:
            self.progress(done, total + 3, message)

    def step(self, k: int, message: str) -> None:
        self.progress(self.n + k - 1, self.n + 3, message)


class ExportServices:
    """Mixed into ``Services``."""

    store: Any
    user: str

    def export_check(self, case_ref: str | int) -> ExportCheck:
        """What ``export_bundle`` would object to now, without exporting (the UI asks a team lead for the
        written override only when there is something to override)."""
        from aktindsigt.core.model import CaseStatus

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        approved = self.approval_holds(case)  # type: ignore[attr-defined]
        problems = [] if self.approval_override(case) else [str(p) for p in self.checklist(case.id)]  # type: ignore[attr-defined]
        obstacles = list(problems)
        if not approved:
            if case.status is CaseStatus.APPROVED:
                obstacles.append("Sagen er ændret, efter at den blev godkendt, så godkendelsen er bortfaldet.")
            else:
                obstacles.append(f"Sagen er ikke godkendt af en teamleder (status: {case.status.label.lower()}).")
        return ExportCheck(approved, problems, obstacles, self.user_profile().team_lead)  # type: ignore[attr-defined]

    def bundle_folder(self, case_ref: str | int, target_dir: Path, today: date | None = None) -> Path:
        """Where ``export_bundle(case_ref, target_dir)`` puts the bundle: ``AKT_<kommunekode>_<case number>_
        <yyyymmdd>`` in ``target_dir`` (the UI asks what to do when it exists already: a second export on the
        same day)."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        kommunekode = self.municipality().kommunekode or "000"  # type: ignore[attr-defined]
        return Path(target_dir) / _bundle_name(kommunekode, case.case_number, today or date.today())

    def export_bundle(self, case_ref: str | int, target_dir: Path, progress: ProgressCallback = no_progress,
                      cancel: CancelToken | None = None, override_reason: str = "",
                      today: date | None = None, replace: bool = False) -> ExportResult:
        """The bundle for the ESDH in ``target_dir`` (see ``bundle_folder``). A bundle of the same name there (an
        export earlier the same day) is refused, unless ``replace``: then the old bundle folder is replaced whole
        once the new one is complete (its export stays in the case's history and the audit log)."""
        from aktindsigt.services.cases import ServiceError

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        given = override_reason.strip()
        if given and not self.user_profile().team_lead:  # type: ignore[attr-defined]
            raise ServiceError("Kun en teamleder kan eksportere med en skriftlig begrundelse for at se bort fra "
                               "tjeklisten eller godkendelsen.")
        data = self.output_data(case.id)  # type: ignore[attr-defined]
        problems = self._checklist(data)  # type: ignore[attr-defined]
        # the team lead's override of the checklist: given here, or with the (still valid) approval
        override_reason = given or self.approval_override(case)  # type: ignore[attr-defined]
        if problems and not override_reason:
            raise ServiceError.checklist("Sagen kan ikke eksporteres", problems)
        approval = self.export_clearance(case, given)  # type: ignore[attr-defined]
        day = today or date.today()
        kommunekode = data.municipality.kommunekode or "000"
        name = _bundle_name(kommunekode, case.case_number, day)
        final = Path(target_dir) / name
        self.recover_exports(case.id)  # a bundle whose confirmation was interrupted is recorded first
        if final.exists() and not (replace and final.is_dir() and not final.is_symlink()):
            raise ServiceError(f"Mappen {final} findes allerede. Vælg en anden placering, eller flyt den gamle pakke.")
        if replace and final.exists():
            log.info("export of case %s replaces the bundle folder %s", case.id, final)
        stage = StagedFolder(final, replace=replace, purpose=f"export of case {case.id}")
        try:
            work = stage.open()
        except (TargetNotEmpty, OSError) as e:
            raise ServiceError(f"Pakken kan ikke dannes i {final.parent}: {e}. Vælg en anden placering.") from e
        try:
            steps = _ExportProgress(progress)
            progress(0, 0, "Overstreger og kontrollerer dokumenterne")  # the redaction reports per document
            redaction = self.redact_case_into(case.id, work, cancel=cancel,  # type: ignore[attr-defined]
                                              progress=steps.redaction)
            if redaction.cancelled:
                raise ServiceError("Eksporten blev afbrudt; der er ikke dannet nogen pakke.")
            if not redaction.passed:
                msgs = "\n".join(p for d in redaction.failed for p in d.problems)
                raise ServiceError("Eksporten er afvist, fordi kontrollen af de overstregede filer fejlede:\n" + msgs)
            # previews (record=False): recorded only with the bundle, once it is in place
            steps.step(1, "Danner afgørelsen")
            letter = self.render_letter(case.id, work, override_reason=override_reason,  # type: ignore[attr-defined]
                                        record=False)
            steps.step(2, "Danner aktlisten")
            aktliste = self.render_aktliste(case.id, work, record=False)  # type: ignore[attr-defined]
            events = [self._output_event(f) for f in (letter, aktliste)]  # type: ignore[attr-defined]
            steps.step(3, "Danner journalnotatet")
            journal = self.render_journalnotat(case.id, work, record=False,  # type: ignore[attr-defined]
                                               pending_outputs=events)
            events.append(self._output_event(journal))  # type: ignore[attr-defined]
            messages = [*letter.messages, *aktliste.messages, *journal.messages]
            manifest = self._manifest(case, data, redaction, work, name, override_reason, messages, approval)
            from aktindsigt.services import esdh

            esdh.enrich_manifest(manifest, case, data, self.store)  # KLE + facet, per-document ESDH fields
            manifest["messages"].extend(esdh.write_payloads(work, manifest, case))  # GetOrganized, SBSYS
            manifest["generated_files"] = [g for g in esdh.list_generated(work) if Path(g["file"]).name != MARKER]
            off_schema = esdh.validate_manifest(manifest)  # the ESDH takes the manifest as it is, or not at all
            if off_schema:
                log.error("manifest of case %s does not follow its schema: %s", case.id, off_schema)
                raise ServiceError("Eksportpakken er ikke dannet, fordi manifestet ikke følger skemaet "
                                   "(resources/esdh/manifest.schema.json):\n" + "\n".join(off_schema))
            (work / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
            files = sorted(p for p in work.rglob("*") if p.is_file() and p.name != MARKER)
            sums = "".join(f"{sha256_file(p)}  {p.relative_to(work).as_posix()}\n" for p in files)
            (work / "SHA256SUMS").write_text(sums, encoding="utf-8")
            record = {
                "by": self.user, "at": datetime.now(UTC).isoformat(timespec="seconds"), "path": str(final),
                "bundle_sha256": hashlib.sha256(sums.encode("utf-8")).hexdigest(),
                "override_reason": override_reason if problems else "",
                "approved_by": approval["approved_by"], "export_override": approval["export_override"],
                "host": socket.gethostname(), "outputs": events,
                # what ``bundle verify`` compares a bundle with (services/esdh.py)
                "bundle_entry": esdh.bundle_entry(work, self.user, name=name, skip=(MARKER,)),
            }
            self.store.set_setting(f"case:{case.id}:export_pending", record, self.user)
            stage.commit()
            self._confirm_export(case.id, record)
        finally:
            stage.close()
        progress(4, 4, "")
        return ExportResult(final, manifest, sorted(p for p in final.rglob("*") if p.is_file()))

    def _confirm_export(self, case_id: int, record: dict[str, Any]) -> None:
        """The bundle is in place: record it, and the outputs it holds, in one transaction."""
        done = {k: v for k, v in record.items() if k not in ("outputs", "host", "bundle_entry")}
        events = list(record.get("outputs") or [])
        entry = record.get("bundle_entry")
        values: dict[str, Any] = {  # lists appended with their rows locked
            f"case:{case_id}:outputs": lambda history: [*(history or []), *events],
            f"case:{case_id}:export": done,
            f"case:{case_id}:exports": lambda exports: [*(exports or []), done],
            f"case:{case_id}:export_pending": None}
        if entry:
            values[f"case:{case_id}:bundles"] = lambda items: [*(items or []), entry]
        values.update({f"case:{case_id}:last_{ev['kind']}": ev for ev in events})
        self.store.set_settings(values, self.user)
        if any(ev.get("kind") == "letter" and not ev.get("draft") for ev in events):
            self._mark_decided(case_id)  # type: ignore[attr-defined]  # the bundle's final letter is the decision
        # the bundle is out: the case is *Udleveret* (workflow.py), also when a recovered record is confirmed
        self.mark_delivered(case_id, str(record.get("path", "")), record.get("bundle_sha256", ""))  # type: ignore[attr-defined]

    def recover_exports(self, case_id: int | None = None) -> list[Path]:
        """Settle export records left pending by a crash: a bundle that is in place with the SHA256SUMS the
        record names is confirmed (returned); any other pending record is dropped (its staged folder is
        removed by ``staging.recover``).  Records of another machine, or of an export still running here
        (its staging entry is locked), are left alone."""
        from aktindsigt.services.staging import active_targets, recover

        recover()
        running = active_targets()
        pattern = f"case:{case_id}:export_pending" if case_id is not None else "case:%:export_pending"
        confirmed = []
        for key, record in self.store.settings_like(pattern).items():
            if not isinstance(record, dict) or record.get("host") not in (None, socket.gethostname()):
                continue
            path = Path(record.get("path") or "")
            if str(path) in running:
                continue
            cid = int(key.split(":")[1])
            sums = path / "SHA256SUMS"
            if sums.is_file() and hashlib.sha256(sums.read_bytes()).hexdigest() == record.get("bundle_sha256"):
                self._confirm_export(cid, record)
                confirmed.append(path)
                log.warning("export of case %s was interrupted after the bundle was in place; recorded %s", cid, path)
            else:
                self.store.set_settings({key: None}, self.user)
        return confirmed

    def _manifest(self, case: Any, data: Any, redaction: Any, work: Path, bundle_id: str, override_reason: str,
                  messages: list[str], approval: dict[str, Any]) -> dict[str, Any]:
        released = {d.document.id: d for d in redaction.documents}
        docs = []
        for info in data.documents:
            doc = info.doc
            red = released.get(doc.id)
            docs.append({
                "akt_nr": doc.akt_nr,
                "source_reference": doc.esdh_doc_id,
                "public_title": doc.public_title or doc.title,
                "date": doc.doc_date.isoformat() if doc.doc_date else None,
                "direction": doc.direction.value,
                "parent_akt_nr": info.parent_akt,
                "pages": doc.page_count,
                "in_scope": doc.in_scope,
                "access": info.access.value if info.access else None,
                "grounds": info.grounds,
                "reason": info.reason,
                "redactions": info.redactions,
                "redactions_by_category": {k.value: v for k, v in info.redaction_types.items()},
                "withheld_pages": info.withheld_pages,
                "original_sha256": doc.source_sha256,
                "released_file": f"{RELEASED_DIR}/{red.path.name}" if red and red.path else None,
                "released_sha256": red.report.get("sha256") if red else None,
                "verification": ("passed" if red.passed else "failed") if red else "not released",
            })
        generated = []
        for p in sorted(work.rglob("*")):
            if p.is_file() and p.name != MARKER:
                role = p.parts[len(work.parts)] if len(p.parts) > len(work.parts) + 1 else p.stem
                generated.append({"file": p.relative_to(work).as_posix(), "role": role, "sha256": sha256_file(p)})
        m = data.municipality
        deadlines = self.deadlines(case)  # type: ignore[attr-defined]
        return {
            "schema": MANIFEST_SCHEMA,
            "bundle_id": bundle_id,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "app_version": __version__,
            "authority": {"name": m.name, "unit": m.unit, "cvr": m.cvr, "municipality_code": m.kommunekode},
            "case": {
                "case_number": case.case_number, "title": case.title, "kle": case.kle,
                "esdh_reference": case.esdh_ref, "related_cases": case.underlying_cases,
            },
            "request": {
                "received": case.received.isoformat(), "channel": case.channel,
                "requester_type": case.requester_type.value, "regime": case.regime.value,
                "scope": case.scope,
            },
            "deadlines": {
                "fristbrev_due": deadlines.fristbrev_due.isoformat(),
                # OFL § 39 only; None under FVL, MOL and GDPR (no such rule)
                "complaint_possible": deadlines.complaint_possible.isoformat() if deadlines.complaint_possible
                else None,
                "limit": deadlines.limit.isoformat() if deadlines.limit else None,
                "maximum": deadlines.maximum.isoformat() if deadlines.maximum else None,
                "rule": deadlines.rule.basis,
            },
            "decision": {
                "outcome": data.outcome,
                "grounds_used": [g for g, _ in data.grounds_used()],
                "meroffentlighed": data.statements.meroffentlighed,
                "extraction": data.statements.extraction,
                "checklist_override_reason": override_reason.strip(),
            },
            "roles": {
                "caseworker": case.caseworker, "exported_by": self.user,
                "approver": approval["approved_by"], "approved_at": approval["approved_at"],
                "approval_note": approval["approval_note"], "self_approval": approval["self_approval"],
                "approval_override_reason": approval["approval_override_reason"],
                "export_override_reason": approval["export_override"],
            },
            "documents": docs,
            "audit_chain": dict(zip(("head", "events"), self.audit_head(), strict=True)),  # type: ignore[attr-defined]
            "generated_files": generated,
            "messages": messages,
        }
