"""The use cases: the only API that ``cli/`` and ``ui/`` call.

Long operations take a progress callback and a cancellation token and return a
description of what changed (``Changes``) so that views can refresh what they show.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import stat
import tempfile
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Self

from aktindsigt.config import Paths, current_user, resolve_paths
from aktindsigt.core.deadlines import Deadlines, WorkCalendar, deadlines
from aktindsigt.core.errors import Busy, ServiceError  # the Danish error of every use case (re-exported)
from aktindsigt.core.model import (
    Case,
    Document,
    DocumentStatus,
    Page,
    Regime,
    RequesterIdentifiers,
    RequesterType,
)
from aktindsigt.core.progress import Cancelled, CancelToken, ProgressCallback, no_progress
from aktindsigt.ingest.base import INGEST_TMP_PREFIX, IngestedDocument, IngestOptions
from aktindsigt.services.requester import RequesterServices, validate_identifier
from aktindsigt.store.blobs import sha256_file
from aktindsigt.store.store import NewDocument, NotFound, Store, case_counts

log = logging.getLogger(__name__)

OCR_AHEAD_FILES = 3  # the import's worker reads the scans of this many following files ahead (ingest.ocrpool)

# Files that are never case documents (OS clutter in folders)
IGNORED_NAMES = {"thumbs.db", "desktop.ini", ".ds_store", "__macosx"}


@dataclass
class Changes:
    """What an operation changed, so that views refresh only what they show."""

    cases: set[int] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    suggestions: set[int] = field(default_factory=set)


@dataclass
class CaseOverview:
    case: Case
    deadlines: Deadlines
    documents: int
    failed_documents: int
    open_suggestions: int


@dataclass
class CaseDetail:
    case: Case
    deadlines: Deadlines
    documents: list[Document]


@dataclass
class ImportedFile:
    path: Path
    documents: list[Document]  # the document and its attachments

    @property
    def failed(self) -> list[Document]:
        return [d for d in self.documents if d.status is DocumentStatus.FAILED]


@dataclass
class ImportSummary:
    files: list[ImportedFile] = field(default_factory=list)
    duplicates: list[tuple[Path, Document]] = field(default_factory=list)  # file, the existing document
    cancelled: bool = False
    changes: Changes = field(default_factory=Changes)

    @property
    def documents(self) -> list[Document]:
        return [d for f in self.files for d in f.documents]

    @property
    def imported(self) -> list[Document]:
        return [d for d in self.documents if d.status is DocumentStatus.READY]

    @property
    def failed(self) -> list[Document]:
        return [d for d in self.documents if d.status is DocumentStatus.FAILED]


SYMLINK_OUT = "Genvej til en fil uden for mappen er ikke importeret"
NOT_A_FILE = "Stien er ikke en almindelig fil og er ikke importeret"
UNEXPECTED = ("Filen kunne ikke importeres på grund af en uventet fejl. Prøv igen; fortsætter fejlen, så kontakt "
              "support og oplys filnavnet.")


@dataclass
class ImportPlan:
    """What an import of some paths will do: the files to read, in order, and those refused before
    reading (with a Danish reason), and paths that do not exist."""

    files: list[Path] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)


def display_name(path: Path) -> str:
    """The file name as the caseworker should see it: a name that is not valid UTF-8 on disk (an old
    zip, a Samba share) is read as Windows-1252 instead of carrying undecodable bytes into the store."""
    raw = os.fsencode(path.name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _ignored(name: str) -> bool:
    return name.startswith(".") or name.lower() in IGNORED_NAMES


def _inside(target: str, roots: list[str]) -> bool:
    for root in roots:
        with contextlib.suppress(ValueError):
            if os.path.commonpath([target, root]) == root:
                return True
    return False


def plan_import(paths: Iterable[Path]) -> ImportPlan:
    """Files under ``paths`` (folders recursively, sorted by name), never following a link out of the
    chosen folders: a link whose target is outside them is refused, one whose target is inside is left
    to the walk (the target is read once), and named pipes, sockets and devices are refused."""
    plan = ImportPlan()
    paths = [Path(p) for p in paths]
    roots = [os.path.realpath(p) for p in paths if p.is_dir()]
    for p in paths:
        if p.is_dir() and not p.is_symlink():
            for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not _ignored(d) and d != "__MACOSX")
                here = Path(dirpath)
                for d in dirnames[:]:
                    sub = here / d
                    if sub.is_symlink():
                        dirnames.remove(d)
                        if not _inside(os.path.realpath(sub), roots):
                            plan.refused.append((sub, SYMLINK_OUT))
                for f in sorted(filenames, key=os.fsencode):
                    if _ignored(f):
                        continue
                    _plan_file(plan, here / f, roots)
        elif p.is_symlink() or p.exists():
            if p.is_dir():  # a link to a folder chosen as such: its files, nothing outside it
                sub = plan_import([Path(os.path.realpath(p))])
                plan.files += sub.files
                plan.refused += sub.refused
            else:
                _plan_file(plan, p, roots=None)
        else:
            plan.missing.append(p)
    return plan


def _plan_file(plan: ImportPlan, path: Path, roots: list[str] | None) -> None:
    try:
        st = path.lstat()
    except OSError:
        plan.missing.append(path)
        return
    if stat.S_ISLNK(st.st_mode):
        target = os.path.realpath(path)
        if roots is not None:  # found in a chosen folder
            if not _inside(target, roots):
                plan.refused.append((path, SYMLINK_OUT))
            return  # a target inside the folders is imported where it lies
        try:
            st = os.stat(target)
        except OSError:
            plan.missing.append(path)
            return
    if not stat.S_ISREG(st.st_mode):
        plan.refused.append((path, NOT_A_FILE))
        return
    plan.files.append(path)


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Files under ``paths`` (see ``plan_import``); second value: paths that do not exist."""
    plan = plan_import(paths)
    return plan.files, plan.missing


class CaseServices(RequesterServices):
    def __init__(self, store: Store, user: str | None = None, calendar: WorkCalendar | None = None,
                 login: str | None = None) -> None:
        """``user`` fixes the name recorded in the audit log; without it the name is ``AKTINDSIGT_USER``, else
        the name saved in the user's profile, else the OS login (``workflow.resolve_user``). ``login`` is the
        key of the saved profile (name and role); by default ``user``, ``AKTINDSIGT_USER`` or the OS login."""
        from aktindsigt.services.workflow import resolve_user

        self.store = store
        self._given_user = user or None
        self.login = login or user or current_user()
        self.user, _source = resolve_user(store, self.login, self._given_user)
        store.set_identity(self.user)
        self._calendar = calendar
        with contextlib.suppress(Exception):  # the temporary copies of an import a crash interrupted
            remove_stale_workdirs()

    @classmethod
    def open(cls, paths: Paths | None = None, user: str | None = None) -> Self:
        paths = paths or resolve_paths()
        services = cls(Store(paths.db_url, paths.blobs, blob_mode=paths.blob_mode), user=user)
        services.recover_exports()  # type: ignore[attr-defined]  # and the folders of interrupted runs
        return services

    def _guard_edit(self, case_id: int | None) -> None:
        """Refuse a change of a case that is read-only for the current user (approved, in review, delivered):
        ``workflow.edit_refusal``."""
        from aktindsigt.services.workflow import edit_refusal

        reason = edit_refusal(self, case_id)
        if reason:
            raise ServiceError(reason)

    def _edited(self, case_id: int | None, cause: str) -> None:
        """Every change of a case's content ends here: the review workflow reacts (``workflow.after_edit``)."""
        from aktindsigt.services.workflow import after_edit

        after_edit(self, case_id, cause)

    def close(self) -> None:
        engine = getattr(self, "_detection_engine", None)
        if engine is not None and hasattr(engine, "close"):
            engine.close()  # its worker processes
        self.store.close()

    today_override: date | None = None  # tests fix "today" for the deadline arithmetic and the letters' date

    def today(self) -> date:
        """Today's date (``today_override`` in tests)."""
        return self.today_override or date.today()

    # --- settings -----------------------------------------------------------

    @property
    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            raw = self.store.get_setting("closure_days", [])
            days = []
            for value in raw or []:
                try:
                    days.append(date.fromisoformat(value))
                except (TypeError, ValueError):
                    log.warning("ignoring bad closure day %r in settings", value)
            customary = bool(self.store.get_setting("customary_closure_days", False))
            self._calendar = WorkCalendar.with_closures(days, customary_days=customary)
        return self._calendar

    def set_closure_days(self, days: Sequence[date], customary: bool = False) -> None:
        self.store.set_setting("closure_days", sorted(d.isoformat() for d in days), self.user)
        self.store.set_setting("customary_closure_days", customary, self.user)
        self._calendar = None

    # --- cases -------------------------------------------------------------

    def create_case(
        self,
        title: str,
        requester_name: str,
        regime: Regime | str,
        received: date | None = None,
        *,
        requester_type: RequesterType | str = RequesterType.CITIZEN,
        kle_subject: str = "00.01.10",
        case_number: str = "",
        channel: str = "",
        request_text: str = "",
        scope: str = "",
        underlying_cases: Sequence[str] = (),
        requester_identifiers: RequesterIdentifiers | None = None,
        esdh_ref: str = "",
    ) -> Case:
        if not title.strip():
            raise ServiceError("Sagen skal have en titel.")
        if not requester_name.strip():
            raise ServiceError("Angiv navnet på den, der har anmodet om aktindsigt.")
        try:
            regime = Regime(regime)
        except ValueError as e:
            raise ServiceError(
                f"Ukendt retsgrundlag '{regime}'. Vælg et af: {', '.join(r.value for r in Regime)}."
            ) from e
        try:
            requester_type = RequesterType(requester_type)
        except ValueError as e:
            raise ServiceError(f"Ukendt type anmoder '{requester_type}'.") from e
        received = received or date.today()
        if received > date.today():
            raise ServiceError("Modtagelsesdatoen kan ikke ligge i fremtiden.")
        if not _valid_kle(kle_subject):
            raise ServiceError(f"KLE-emnenummeret '{kle_subject}' skal have formen 00.00.00.")
        if requester_identifiers is not None:
            requester_identifiers = RequesterIdentifiers.from_dict(
                {k: [validate_identifier(k, v) for v in getattr(requester_identifiers, k)]
                 for k in RequesterIdentifiers.FIELDS})
        case = Case(
            title=title.strip(),
            requester_name=requester_name.strip(),
            regime=regime,
            received=received,
            case_number=case_number.strip(),
            requester_type=requester_type,
            channel=channel,
            request_text=request_text,
            scope=scope,
            kle_subject=kle_subject,
            underlying_cases=[u.strip() for u in underlying_cases if u.strip()],
            requester_identifiers=requester_identifiers or RequesterIdentifiers(),
            caseworker=self.user,
            esdh_ref=" ".join(esdh_ref.split())[:128],
        )
        if case.case_number:
            try:
                self.store.find_case(case.case_number)
            except NotFound:
                pass
            else:
                raise ServiceError(f"Der findes allerede en sag med sagsnummer {case.case_number}.")
        from aktindsigt.store.store import DuplicateCaseNumber

        try:
            return self.store.create_case(case, self.user)
        except DuplicateCaseNumber as e:  # created by someone else at the same moment
            raise ServiceError(f"Der findes allerede en sag med sagsnummer {e.number}.") from None

    def get_case(self, ref: str | int) -> Case:
        try:
            return self.store.find_case(ref)
        except NotFound as e:
            raise ServiceError(f"Sagen '{ref}' findes ikke.") from e

    def deadlines(self, case: Case, today: date | None = None) -> Deadlines:
        """The deadlines by the rule of the case's regime (a fristbrev sent counts: its expected date)."""
        fb = self.store.get_setting(f"case:{case.id}:fristbrev") if case.id else None
        expected = sent = None
        if isinstance(fb, dict):
            try:
                expected = date.fromisoformat(fb["expected"])
                sent = date.fromisoformat(fb["rendered"])
            except (KeyError, TypeError, ValueError):
                expected = sent = None
        return deadlines(case.received, today or self.today(), self.calendar, case.decided, case.regime,
                         expected=expected, notice_sent=sent)

    def list_cases(self, today: date | None = None) -> list[CaseOverview]:
        counts = case_counts(self.store)
        result = []
        for case in self.store.list_cases():
            c = counts.get(case.id or 0, {})
            result.append(
                CaseOverview(
                    case=case,
                    deadlines=self.deadlines(case, today),
                    documents=c.get("documents", 0),
                    failed_documents=c.get("failed", 0),
                    open_suggestions=c.get("open_suggestions", 0),
                )
            )
        return result

    def case_detail(self, ref: str | int, today: date | None = None) -> CaseDetail:
        case = self.get_case(ref)
        assert case.id is not None
        return CaseDetail(case, self.deadlines(case, today), self.store.list_documents(case.id))

    # --- documents ----------------------------------------------------------

    def document(self, document_id: int) -> Document:
        try:
            return self.store.get_document(document_id)
        except NotFound as e:
            raise ServiceError(f"Dokumentet {document_id} findes ikke.") from e

    def document_text(self, document_id: int) -> str:
        return self.store.document_text(document_id)

    def document_pages(self, document_id: int, numbers: Collection[int] | None = None) -> list[Page]:
        """The pages with their word maps (``numbers``: only these, 1-based)."""
        return self.store.get_pages(document_id, numbers)

    def document_page_index(self, document_id: int) -> list[Page]:
        """Every page's size, text range and withheld state, without word maps: what a viewer needs to lay
        out a long document before it loads the words of the pages it shows."""
        return self.store.page_index(document_id)

    def rendition_path(self, document: Document) -> Path | None:
        if not document.rendition_sha256:
            return None
        return self.store.blobs.path(document.rendition_sha256)

    def original_path(self, document: Document) -> Path | None:
        if not document.source_sha256:
            return None
        return self.store.blobs.path(document.source_sha256)

    # --- import ------------------------------------------------------------

    def import_paths(
        self,
        case_ref: str | int,
        paths: Sequence[Path],
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
        options: IngestOptions | None = None,
    ) -> ImportSummary:
        """Import files and folders into a case. Bad files become failed documents; nothing stops the batch.

        Each file is read in the import's worker process (``ingest.worker``: a memory limit, and a
        crash or a hang costs that file only), with its temporary copies in one work folder for the
        import that is removed at the end and, after a crash, at the next start. The case leaves
        *Ny* (and an approval lapses) with the first document, not at the end of the batch."""
        from aktindsigt.ingest.worker import WorkerFailure

        case = self.get_case(case_ref)
        assert case.id is not None
        self._guard_edit(case.id)
        plan = plan_import(paths)
        if not plan.files and not plan.refused:
            if plan.missing:
                raise ServiceError("Filen eller mappen findes ikke: " + ", ".join(str(m) for m in plan.missing))
            raise ServiceError("Der blev ikke fundet nogen filer at importere.")
        summary = ImportSummary()
        total = len(plan.files) + len(plan.refused)
        work = new_import_workdir()
        worker = None if os.environ.get("AKTINDSIGT_INGEST_IN_PROCESS") else _ingest_worker()
        first = [True]

        def recorded(path: Path, docs: list[Document]) -> None:
            summary.files.append(ImportedFile(path, docs))
            if docs and first[0]:
                first[0] = False
                self._case_has_new_documents(case.id or 0)
            for d in docs:
                if d.status is DocumentStatus.FAILED:
                    log.info("import of %s (%s) failed: %s", path, d.source_name, d.failure_reason)

        try:
            for path, reason in plan.refused:
                progress(len(summary.files), total, display_name(path))
                recorded(path, self._record_failed(case.id, path, reason, keep_source=False))
            for i, path in enumerate(plan.files):
                name = display_name(path)
                progress(len(summary.files) + len(summary.duplicates), total, name)
                if cancel is not None and cancel.cancelled:
                    summary.cancelled = True
                    break
                try:
                    sha = sha256_file(path)
                except OSError as e:
                    log.warning("cannot read %s: %s", path, e)
                    recorded(path, self._record_unreadable(case.id, path, e))
                    continue
                existing = self.store.find_document_by_source(case.id, sha)
                if existing is not None:
                    summary.duplicates.append((path, existing))
                    continue
                filework = work / f"{i:05d}"
                try:
                    if worker is not None:
                        doc = worker.ingest(path, name, options, filework, cancel=cancel,
                                            ahead=plan.files[i + 1 : i + 1 + OCR_AHEAD_FILES])
                        docs = self.store.add_documents(case.id, self._to_new_document(doc), self.user)
                    else:
                        from aktindsigt.ingest import ingest

                        with ingest(path, options, name=name, cancel=cancel, workdir=filework) as result:
                            docs = self.store.add_documents(case.id, self._to_new_document(result.document),
                                                            self.user)
                except Cancelled:
                    summary.cancelled = True  # the file in flight is not imported; nothing half-written
                    break
                except WorkerFailure as e:
                    log.warning("import of %s: %s", path, e.detail)
                    docs = self._record_failed(case.id, path, e.reason, keep_source=True)
                except Busy:  # another user's open change holds the case: not the file's fault, say so
                    raise
                except Exception as e:  # a bug or a full disk must not stop the batch
                    log.exception("import of %s failed unexpectedly", path)
                    docs = self._record_unreadable(case.id, path, e)
                finally:
                    shutil.rmtree(filework, ignore_errors=True)
                recorded(path, docs)
        finally:
            if worker is not None:
                # the child (and its LibreOffice) stops: an idle worker held ~250 MB through the analysis
                # that follows an import; the next import starts a new one (about a second)
                worker.stop_after_import()
            shutil.rmtree(work, ignore_errors=True)
        progress(len(summary.files) + len(summary.duplicates), total, "")
        summary.changes.cases.add(case.id)
        summary.changes.documents.update(d.id for d in summary.documents if d.id is not None)
        return summary

    def _case_has_new_documents(self, case_id: int) -> None:
        """The first document of an import: a new case is now in progress; otherwise the import is an edit
        (an approval lapses, a case in review is withdrawn)."""
        from aktindsigt.core.model import CaseStatus

        try:
            case = self.get_case(case_id)
            if case.status is CaseStatus.NEW:
                case.status = CaseStatus.IN_PROGRESS
                self.store.update_case(case, self.user, action="case.status")
            else:
                self._edited(case_id, "document.import")
        except Exception:  # noqa: BLE001 - the documents are in; the status follows on the next edit
            log.exception("could not update the status of case %s after an import", case_id)

    def _record_unreadable(self, case_id: int, path: Path, error: Exception) -> list[Document]:
        """A file that could not be imported for an unexpected reason: a failed document (never raises)."""
        log.info("unreadable %r: %s", path, error)
        return self._record_failed(case_id, path, UNEXPECTED, keep_source=True)

    def _record_failed(self, case_id: int, path: Path, reason: str, keep_source: bool) -> list[Document]:
        """A failed document with ``reason``; with ``keep_source`` the file's bytes are kept (only for
        regular files, so a link or a pipe is never read). Never raises: an import goes on."""
        name = display_name(path)
        doc = Document(case_id=case_id, akt_nr=0, title=Path(name).stem or name, source_name=name,
                       status=DocumentStatus.FAILED, failure_reason=reason)
        size = 0
        if keep_source:
            try:
                if not stat.S_ISREG(os.stat(path).st_mode):
                    raise OSError("not a regular file")
                sha, size, _ = self.store.blobs.put_file(path)
                doc.source_sha256 = sha
            except OSError:
                size = 0
                if reason == UNEXPECTED:
                    doc.failure_reason = ("Filen kunne ikke læses fra disken. Kontrollér at den findes og ikke er "
                                          "låst.")
        try:
            return self.store.add_documents(case_id, NewDocument(doc, [], "", source_size=size), self.user)
        except Exception:  # noqa: BLE001 - even the record failed (disk full, database gone): log it
            log.exception("could not record the failed file %r", path)
            return []

    def _to_new_document(self, ing: IngestedDocument) -> NewDocument:
        src_sha, src_size, _ = self.store.blobs.put_file(ing.source_path)
        rend_sha, rend_size = None, 0
        if ing.rendition is not None and not ing.failed:
            rend_sha, rend_size, _ = self.store.blobs.put_file(ing.rendition)
        doc = Document(
            case_id=0,
            akt_nr=0,
            title=ing.title or Path(ing.source_name).stem,
            public_title=ing.title or Path(ing.source_name).stem,
            source_name=ing.source_name,
            doc_date=ing.doc_date,
            direction=ing.direction,
            sender=ing.sender,
            recipient=ing.recipient,
            source_sha256=src_sha,
            rendition_sha256=rend_sha,
            format=ing.format,
            status=DocumentStatus.FAILED if ing.failed else DocumentStatus.READY,
            failure_reason=ing.failure_reason if ing.failed else "",
            warnings=list(ing.warnings),
            approximate=ing.approximate,
        )
        if ing.failed and ing.failure_detail:
            log.info("%s: %s", ing.source_name, ing.failure_detail)
        return NewDocument(
            document=doc,
            pages=[] if ing.failed else ing.pages,
            text="" if ing.failed else ing.text,
            source_size=src_size,
            rendition_size=rend_size,
            children=[self._to_new_document(c) for c in ing.children],
        )

    # --- text without a case -------------------------------------------------

    @staticmethod
    def extract_text(path: Path) -> str:
        from aktindsigt.ingest import ingest

        if not Path(path).is_file():
            raise ServiceError(f"Filen findes ikke: {path}")
        with ingest(Path(path)) as result:
            doc = result.document
            if doc.failed:
                raise ServiceError(doc.failure_reason, doc.failure_detail)
            return doc.text

    # --- demo -------------------------------------------------------------

    def create_demo_case(self, out_dir: Path | None = None, progress: ProgressCallback = no_progress,
                         seed: int = 1234, received: date | None = None) -> tuple[Case, ImportSummary]:
        """Generate the synthetic demo documents and import them into a new case.

        The request arrives two days before today (``received`` overrides it), so the demo shows
        a case within its deadline."""
        from aktindsigt.demo.generate import generate_demo_case

        out = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="aktindsigt-demo-"))
        demo = generate_demo_case(out, seed=seed, today=received or date.today() - timedelta(days=2))
        meta = demo.case
        case = self.create_case(
            title=meta["title"],
            requester_name=meta["requester_name"],
            regime=meta.get("regime", "ofl7"),
            received=meta.get("received"),
            requester_type=meta.get("requester_type", "journalist"),
            kle_subject=meta.get("kle_subject", "00.01.10"),
            channel=meta.get("channel", "E-mail"),
            request_text=meta.get("request_text", ""),
            underlying_cases=meta.get("underlying_cases", []),
        )
        self._demo_municipality()
        summary = self.import_paths(case.id or 0, [out], progress=progress)
        return self.get_case(case.id or 0), summary

    def _demo_municipality(self) -> None:
        """The demo's fictitious municipality, unless a real profile is already set up."""
        from aktindsigt.demo import generate as demo

        if self.municipality().name:  # type: ignore[attr-defined]
            return
        self.set_municipality(name=demo.MUNICIPALITY, unit=demo.DEPARTMENT,  # type: ignore[attr-defined]
                              address="Rådhustorvet 1\n7190 Fjordby", email=f"post@{demo.DOMAIN}",
                              website=f"www.{demo.DOMAIN}")
        self.set_allowlist(municipality_names=[demo.MUNICIPALITY, "Fjordby"],  # type: ignore[attr-defined]
                           municipality_addresses=["Rådhustorvet 1, 7190 Fjordby"])

    def ensure_demo_case(self, progress: ProgressCallback = no_progress,
                         cancel: CancelToken | None = None) -> Case | None:
        """Create the demo case when the store has no case at all (first start)."""
        if self.store.count_cases():
            return None
        demo_dir = Path(os.environ.get("AKTINDSIGT_HOME") or resolve_paths().home) / "demo"
        case, _ = self.create_demo_case(demo_dir, progress=progress)
        return case


def _ingest_worker():
    from aktindsigt.ingest.worker import shared_worker

    return shared_worker()


WORKDIR_PREFIX = "import-"


def workdir_root() -> Path:
    """Where imports keep their temporary copies: ``tmp/`` in the data folder."""
    return resolve_paths().home / "tmp"


def new_import_workdir() -> Path:
    """A private work folder for one import, named after this process (so that a later start can tell
    that its owner is gone); stale ones are removed first."""
    root = workdir_root()
    root.mkdir(parents=True, exist_ok=True)
    remove_stale_workdirs(root)
    return Path(tempfile.mkdtemp(prefix=f"{WORKDIR_PREFIX}{os.getpid()}-", dir=root))


def remove_stale_workdirs(root: Path | None = None) -> int:
    """Remove the work folders of imports whose process no longer runs (a crash, a kill -9); returns how
    many. Also the per-file folders ``ingest()`` and the letters' PDF conversion make in the system's temp
    folder, and what LibreOffice left running in them."""
    import psutil

    removed = 0
    candidates: list[tuple[Path, str]] = []
    root = root or workdir_root()
    if root.is_dir():
        candidates += [(p, WORKDIR_PREFIX) for p in root.iterdir() if p.name.startswith(WORKDIR_PREFIX)]
    from aktindsigt.outputs.render import PDF_TMP_PREFIX  # a letter's PDF conversion (an export, an output)

    tmp = Path(tempfile.gettempdir())
    with contextlib.suppress(OSError):
        candidates += [(p, prefix) for p in tmp.iterdir() for prefix in (INGEST_TMP_PREFIX, PDF_TMP_PREFIX)
                       if p.name.startswith(prefix)]
    stale = []
    for p, prefix in candidates:
        pid_text = p.name[len(prefix):].split("-", 1)[0]
        if not pid_text.isdigit():
            continue
        pid = int(pid_text)
        if pid == os.getpid() or psutil.pid_exists(pid):
            continue
        stale.append(p)
    if stale:
        _end_orphans(stale)
    for p in stale:
        shutil.rmtree(p, ignore_errors=True)
        removed += 1
    return removed


def _end_orphans(folders: list[Path]) -> None:
    """Stop what a killed import left running in its folders: LibreOffice (``soffice`` and the UNO server
    run in a session of their own, so a kill of the import does not reach them) keeps writing into its
    profile (``aktindsigt-ingest-<pid>-lo-*``) while it shuts down, and would put it back after removal.
    Only processes whose command line names one of the folders are stopped."""
    import psutil

    names = {n for f in folders for n in (str(f), str(f.resolve()), f.resolve().as_uri())}
    procs = []
    for proc in psutil.process_iter(["cmdline"]):
        with contextlib.suppress(psutil.Error):
            cmdline = proc.info.get("cmdline") or []
            if proc.pid != os.getpid() and any(n in arg for arg in cmdline for n in names):
                proc.kill()
                procs.append(proc)
    if procs:
        psutil.wait_procs(procs, timeout=10)


def _valid_kle(value: str) -> bool:
    parts = value.split(".")
    return len(parts) == 3 and all(len(p) == 2 and p.isdigit() for p in parts)
