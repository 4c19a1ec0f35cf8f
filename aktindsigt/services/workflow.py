"""Who is working (name and role), and the team lead's review of a case before it is sent.

Statuses (``core.model.CaseStatus``)::

    NEW / IN_PROGRESS / RETURNED --submit_for_review--> IN_REVIEW
    IN_REVIEW --approve_case (team lead)--> APPROVED --export_bundle--> the ESDH bundle
    IN_REVIEW / APPROVED --return_case with a comment (team lead)--> RETURNED
    RETURNED --an edit, or reopen_case--> IN_PROGRESS
    IN_REVIEW --the caseworker changes the case, or reopen_case--> IN_PROGRESS (withdrawn from review)
    APPROVED --reopen_case--> IN_PROGRESS (the approval lapses)
    APPROVED (or any case a team lead exports with an override) --export_bundle--> SENT ("Udleveret")
    SENT --set_journalised--> CLOSED ("Journaliseret": the ESDH system has received the bundle)

Rules:

- **The user.** ``AKTINDSIGT_USER`` names the user; otherwise the name saved in the user's profile;
  otherwise the OS login name. The profile (name and role, *sagsbehandler* or *teamleder*) is the
  setting ``user:<login>:profile`` (login = ``AKTINDSIGT_USER`` or the OS login), so several people can
  share one database. The role is declared, not authenticated (the app has no log-in): it steers the
  workflow, and the audit log records who did what.
- **Submit.** Refused while the pre-send checklist has problems, unless the caseworker sends the case
  anyway with a comment to the team lead (``allow_problems``); the open points go with the submission.
- **Approve.** Team lead only, only a case in review. With checklist problems only with a written
  override reason (the team lead's override of the checklist, domain guide §4). A team lead who
  handled the case themselves (submitted it, or is its caseworker) may approve it only with a written
  note why there is no second pair of eyes; it is recorded as a self-approval (review record, audit
  log, export manifest).
- **Return.** Team lead only, a case in review or approved, with a required comment. The comment stays
  visible to the caseworker until the case is submitted again.
- **Read-only.** An approved case, a case in review (for everyone but a team lead, whose corrections
  are part of the review) and a delivered case cannot be changed: every service call that changes
  what the decision consists of first asks ``edit_refusal`` and is refused with a Danish message.
  Work continues only after ``reopen_case`` (the approval lapses, a case in review is withdrawn), so an
  approval never lapses by a stray key press or an undo.
- **Edits.** Every such call then calls ``after_edit``: a returned case goes back to IN_PROGRESS. The
  content an approval covers is a fingerprint over the decisions, the document decisions, withheld
  pages, the statements (not the journal note's free text) and the case fields the outputs print; the
  export checks it again, so a change made outside the services lapses the approval there.
- **Identity.** Who submitted, approved or handled a case is the *profile's* name (``set_user_profile``),
  not the OS login: two people who share a login but have their own profile are two people, and a
  renamed profile is a new person. Cases created under the bare login before the first profile was
  saved become the profile's (first run).
- **Export** (``export.py``) requires an APPROVED case whose content is unchanged since the approval,
  or a team lead's written override reason.

The review record is the setting ``case:<id>:review``. Every transition writes it together with the
case status and one audit event (``case.submit``, ``case.approve``, ``case.return``, ``case.reopen``,
``case.withdraw``, ``case.approval_lapsed``) in one transaction.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from aktindsigt.config import env_user
from aktindsigt.core.danish import antal
from aktindsigt.core.model import Case, CaseStatus, UserRole
from aktindsigt.store.store import NotFound, StatusConflict

log = logging.getLogger(__name__)

MAX_NAME = 128  # the audit log's "who" column

EDITABLE = frozenset({CaseStatus.NEW, CaseStatus.IN_PROGRESS})
SUBMITTABLE = frozenset({CaseStatus.NEW, CaseStatus.IN_PROGRESS, CaseStatus.RETURNED})
RETURNABLE = frozenset({CaseStatus.IN_REVIEW, CaseStatus.APPROVED})
REOPENABLE = frozenset({CaseStatus.IN_REVIEW, CaseStatus.APPROVED, CaseStatus.RETURNED})
FINISHED = frozenset({CaseStatus.SENT, CaseStatus.CLOSED})
APPROVAL_HOLDS = frozenset({CaseStatus.APPROVED, *FINISHED})  # statuses that rest on an approval

# the audit actions of the workflow (the journal note lists them under "Kvalitetssikring")
WORKFLOW_ACTIONS = {
    "case.submit": "sendt til godkendelse",
    "case.approve": "godkendt",
    "case.return": "returneret til sagsbehandleren",
    "case.reopen": "genoptaget",
    "case.withdraw": "trukket tilbage fra godkendelse",
    "case.approval_lapsed": "godkendelsen bortfaldt, fordi sagen blev ændret",
    "case.deliver": "udleveret (pakken til ESDH er dannet)",
    "case.journalise": "journaliseret i ESDH",
}


def profile_key(login: str) -> str:
    return f"user:{login}:profile"


def review_key(case_id: int) -> str:
    return f"case:{case_id}:review"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _when(iso: str) -> str:
    """An ISO timestamp as Danish local date and time (dd.mm.åååå kl. tt.mm)."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d.%m.%Y kl. %H.%M")
    except (TypeError, ValueError):
        return iso or ""


def edit_refusal(services: Any, case_id: int | None) -> str:
    """Why the current user may not change the case now ('' when they may): approved, in review (unless a team
    lead), delivered or journalised."""
    if case_id is None:
        return ""
    try:
        case = services.store.get_case(case_id)
    except NotFound:
        return ""
    status = case.status
    if status is CaseStatus.APPROVED:
        return ("Sagen er godkendt og kan ikke ændres. Genoptag behandlingen først; godkendelsen bortfalder da, og "
                "sagen skal godkendes igen.")
    if status is CaseStatus.IN_REVIEW:
        if user_role(services.store, getattr(services, "login", services.user)) is UserRole.TEAM_LEAD:
            return ""  # the team lead's corrections are part of the review
        return ("Sagen er sendt til godkendelse og kan ikke ændres. Genoptag behandlingen først; sagen trækkes da "
                "tilbage fra godkendelsen.")
    if status in FINISHED:
        return f"Sagen er {status.label.lower()} og kan ikke længere ændres."
    return ""


def _service_error(message: str) -> Exception:
    from aktindsigt.services.cases import ServiceError

    return ServiceError(message)


def _checklist_error(head: str, problems: list[str], advice: str) -> Exception:
    from aktindsigt.services.cases import ServiceError

    return ServiceError.checklist(head, problems, advice=advice)


@dataclass
class UserProfile:
    """The current user: the name recorded in the audit log, and the role."""

    login: str  # the key of the saved profile (AKTINDSIGT_USER or the OS login)
    name: str  # the name recorded in the audit log
    role: UserRole
    saved_name: str = ""  # the name saved in the profile ('' = none)
    name_source: str = "system"  # "given" (by the caller), "env" (AKTINDSIGT_USER), "profile" or "system"
    initials: str = ""

    @property
    def needs_setup(self) -> bool:
        """First run: nobody has said who works here (no saved name, no AKTINDSIGT_USER)."""
        return self.name_source == "system"

    @property
    def name_locked(self) -> bool:
        """The name is fixed by AKTINDSIGT_USER (or by the caller): a saved name is not used."""
        return self.name_source in ("given", "env")

    @property
    def team_lead(self) -> bool:
        return self.role is UserRole.TEAM_LEAD


def resolve_user(store: Any, login: str, given: str | None = None) -> tuple[str, str]:
    """(name, source): the caller's name, else ``AKTINDSIGT_USER``, else the saved profile name, else the login."""
    if given:
        return given, "given"
    env = env_user()
    if env:
        return env, "env"
    try:
        saved = (store.get_setting(profile_key(login), {}) or {}).get("name", "")
    except Exception:  # noqa: BLE001 - a store without the settings table must not stop start-up
        log.exception("cannot read the user profile")
        saved = ""
    return (saved, "profile") if saved else (login, "system")


def user_role(store: Any, login: str) -> UserRole:
    raw = (store.get_setting(profile_key(login), {}) or {}).get("role", "")
    try:
        return UserRole(raw)
    except ValueError:
        return UserRole.CASEWORKER


# --- content fingerprint --------------------------------------------------------------------------


def content_fingerprint(store: Any, case_id: int) -> str:
    """SHA-256 over what an approval covers: decisions, document decisions, withheld pages, statements
    (without the journal note's free text) and the case fields the outputs print."""
    from aktindsigt.store.review import ReviewStore

    case = store.get_case(case_id)
    statements = dict(store.get_setting(f"case:{case_id}:statements", {}) or {})
    statements.pop("journal", None)
    decisions = []
    for d in ReviewStore(store).list_decisions(case_id):
        rect = [round(v, 2) for v in (d.rect.x0, d.rect.y0, d.rect.x1, d.rect.y1)] if d.rect else None
        decisions.append([d.document_id, d.kind, d.action, d.start, d.end, d.page, rect, d.ground_id,
                          d.entity_type, d.reason])
    documents = [
        [d.id, d.akt_nr, d.status, d.parent_id, d.source_sha256, d.title, d.public_title, d.doc_date, d.direction,
         d.sender, d.recipient, d.access, d.access_grounds, d.access_reason, d.in_scope, d.section26_considered,
         d.esdh_doc_id]
        for d in store.list_documents(case_id)
    ]
    withheld = {str(doc): [[p.number, p.withheld_ground] for p in pages]
                for doc, pages in store.withheld_pages(case_id).items()}
    payload = {
        "case": [case.case_number, case.title, case.requester_name, case.requester_type, case.regime,
                 case.received, case.channel, case.request_text, case.scope, case.kle_subject, case.kle_facet,
                 case.underlying_cases, case.esdh_ref],
        "documents": documents,
        "decisions": sorted(json.dumps(d, default=str) for d in decisions),
        "withheld": withheld,
        "statements": statements,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode("utf-8")).hexdigest()


# --- the review record ------------------------------------------------------------------------------


@dataclass
class ReviewState:
    """Where a case is in the review, and what the current user may do with it."""

    case_id: int
    status: CaseStatus
    caseworker: str = ""
    submitted_by: str = ""
    submitted_at: str = ""  # ISO timestamps (UTC)
    submit_comment: str = ""
    open_points: list[str] = field(default_factory=list)  # checklist problems the case was submitted with
    approved_by: str = ""
    approved_at: str = ""
    approval_note: str = ""
    self_approved: bool = False
    override_reason: str = ""  # the team lead's reason for approving despite checklist problems
    returned_by: str = ""
    returned_at: str = ""
    return_comment: str = ""
    lapsed: str = ""  # why the last approval no longer holds
    delivered_by: str = ""
    delivered_at: str = ""
    journalised_by: str = ""
    journalised_at: str = ""
    history: list[dict[str, str]] = field(default_factory=list)
    # what the current user may do now
    can_submit: bool = False
    can_approve: bool = False
    can_return: bool = False
    can_reopen: bool = False
    can_journalise: bool = False
    own_case: bool = False  # the current user handled the case (approving it needs a note)
    read_only: str = ""  # why the current user cannot change the case now ('' = they can)

    @property
    def return_comment_open(self) -> bool:
        """The team lead's return comment still concerns the caseworker (not yet submitted again)."""
        return bool(self.return_comment) and self.status in (CaseStatus.RETURNED, CaseStatus.IN_PROGRESS)

    def summary(self) -> str:
        """One or two lines in Danish for a banner or ``case show``."""
        s = self.status
        if s is CaseStatus.IN_REVIEW:
            text = f"Til godkendelse: sendt af {self.submitted_by} {_when(self.submitted_at)}."
            if self.submit_comment:
                text += f" Bemærkning: {self.submit_comment}"
            if self.open_points:
                text += f" Sendt med {antal(len(self.open_points), 'åbent punkt', 'åbne punkter', gender='n')} på " \
                    "tjeklisten."
            return text
        if s is CaseStatus.APPROVED:
            text = f"Godkendt af {self.approved_by} {_when(self.approved_at)}."
            if self.self_approved:
                text += " Godkendt af sagens egen behandler."
            if self.approval_note:
                text += f" Bemærkning: {self.approval_note}"
            if self.override_reason:
                text += f" Godkendt trods tjeklisten: {self.override_reason}"
            return text
        if s is CaseStatus.SENT:
            if not self.delivered_by:
                return s.label
            return (f"Udleveret af {self.delivered_by} {_when(self.delivered_at)}. Sæt sagen til journaliseret, når "
                    "ESDH-systemet har modtaget pakken.")
        if s is CaseStatus.CLOSED:
            return (f"Journaliseret af {self.journalised_by} {_when(self.journalised_at)}."
                    if self.journalised_by else s.label)
        if self.return_comment_open:
            head = "Returneret" if s is CaseStatus.RETURNED else "Under behandling efter returnering"
            return f"{head} af {self.returned_by} {_when(self.returned_at)}: {self.return_comment}"
        if self.lapsed and s is CaseStatus.IN_PROGRESS:
            return self.lapsed
        return s.label


def _state_from_record(case: Case, record: dict[str, Any]) -> ReviewState:
    names = {f for f in ReviewState.__dataclass_fields__
             if not f.startswith("can_") and f not in ("own_case", "read_only")}
    data = {k: v for k, v in record.items() if k in names and k not in ("case_id", "status", "caseworker")}
    return ReviewState(case_id=case.id or 0, status=case.status, caseworker=case.caseworker, **data)


def after_edit(services: Any, case_id: int | None, cause: str) -> CaseStatus | None:
    """Called by every service call that changes a case's content. Returns the new status when the
    edit moved the case (returned -> in progress, withdrawn from review, approval lapsed)."""
    if case_id is None:
        return None
    store = services.store
    try:
        case = store.get_case(case_id)
    except NotFound:
        return None
    if case.status not in REOPENABLE:
        return None
    record = dict(store.get_setting(review_key(case_id), {}) or {})
    who = services.user
    login = getattr(services, "login", who)
    details: dict[str, Any] = {"cause": cause}
    if case.status is CaseStatus.RETURNED:
        action = "case.reopen"
    elif case.status is CaseStatus.IN_REVIEW:
        if user_role(store, login) is UserRole.TEAM_LEAD:
            return None  # the team lead's corrections are part of the review
        if content_fingerprint(store, case_id) == record.get("submitted_fingerprint"):
            return None
        action = "case.withdraw"
        record["submitted_fingerprint"] = ""
    else:
        if content_fingerprint(store, case_id) == record.get("approved_fingerprint"):
            return None
        action = "case.approval_lapsed"
        record["lapsed"] = (f"Godkendelsen fra {record.get('approved_by', '')} {_when(record.get('approved_at', ''))} "
                            f"er bortfaldet, fordi {who} ændrede sagen {_when(_now())}. "
                            "Send sagen til godkendelse igen.")
        _clear_approval(record)
    _log(record, action, who, "")
    try:
        store.transition_case(case_id, CaseStatus.IN_PROGRESS, who, action, expected={case.status},
                              setting=(review_key(case_id), record), details=details)
    except StatusConflict:
        return None  # moved by someone else meanwhile; their transition stands
    return CaseStatus.IN_PROGRESS


def _clear_approval(record: dict[str, Any]) -> None:
    for k in ("approved_by", "approved_login", "approved_at", "approval_note", "override_reason",
              "approved_fingerprint"):
        record[k] = ""
    record["self_approved"] = False


def _log(record: dict[str, Any], action: str, who: str, comment: str) -> None:
    history = list(record.get("history") or [])
    history.append({"action": action, "by": who, "at": _now(), "comment": comment})
    record["history"] = history


class WorkflowServices:
    """Mixed into ``Services``: the user profile and the review transitions."""

    store: Any
    user: str
    login: str

    # --- the user -----------------------------------------------------------------------------------

    def user_profile(self) -> UserProfile:
        login = getattr(self, "login", self.user)
        saved = self.store.get_setting(profile_key(login), {}) or {}
        given = getattr(self, "_given_user", None)
        _name, source = resolve_user(self.store, login, given)
        return UserProfile(login=login, name=self.user, role=user_role(self.store, login),
                           saved_name=saved.get("name", ""), name_source=source, initials=saved.get("initials", ""))

    def set_user_profile(self, name: str | None = None, role: UserRole | str | None = None,
                         initials: str | None = None) -> UserProfile:
        """Save the current user's name, initials and/or role (``None`` keeps a value; name '' returns to the login
        name). The name is used unless ``AKTINDSIGT_USER`` names the user. The first time a name is saved, the
        cases recorded under the bare login name (the demo case of the first start) become the profile's."""
        login = getattr(self, "login", self.user)
        current = dict(self.store.get_setting(profile_key(login), {}) or {})
        before_name, before_source = self.user, resolve_user(self.store, login, getattr(self, "_given_user", None))[1]
        changed = dict(current)
        if initials is not None:
            initials = "".join(initials.split()).upper()
            if len(initials) > 8:
                raise _service_error("Initialerne må højst være 8 tegn.")
            changed["initials"] = initials
        if role is not None:
            try:
                changed["role"] = UserRole(str(role).strip().lower()).value
            except ValueError:
                raise _service_error(f"Ukendt rolle '{role}'. Vælg sagsbehandler eller teamleder.") from None
        if name is not None:
            name = " ".join(name.split())
            if len(name) > MAX_NAME:
                raise _service_error(f"Navnet må højst være {MAX_NAME} tegn.")
            changed["name"] = name
        if changed != current:
            self.store.set_setting(profile_key(login), changed, self.user)
        given = getattr(self, "_given_user", None)
        self.user, source = resolve_user(self.store, login, given)
        self.store.set_identity(self.user)
        if before_source == "system" and source == "profile" and self.user != before_name:
            self._claim_cases(before_name)
        return self.user_profile()

    def adopt_first_run_cases(self) -> None:
        """Cases recorded under the bare login name become the saved profile's (the demo case built while the
        first-run dialog was open)."""
        login = getattr(self, "login", self.user)
        if self.user != login and resolve_user(self.store, login, getattr(self, "_given_user", None))[1] == "profile":
            self._claim_cases(login)

    def _claim_cases(self, login_name: str) -> None:
        """Cases whose caseworker is the bare login name (created before the profile existed) get the profile's."""
        self.store.reassign_caseworker(login_name, self.user, self.user, action="case.caseworker")

    def _role(self) -> UserRole:
        return user_role(self.store, getattr(self, "login", self.user))

    # --- reading --------------------------------------------------------------------------------------

    def _review_record(self, case_id: int) -> dict[str, Any]:
        return dict(self.store.get_setting(review_key(case_id), {}) or {})

    def review_state(self, case_ref: str | int) -> ReviewState:
        """The case's review record and what the current user may do with it now."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        record = self._review_record(case.id)
        state = _state_from_record(case, record)
        lead = self._role() is UserRole.TEAM_LEAD
        state.can_submit = case.status in SUBMITTABLE
        state.can_approve = lead and case.status is CaseStatus.IN_REVIEW
        state.can_return = lead and case.status in RETURNABLE
        state.can_reopen = case.status in REOPENABLE
        state.can_journalise = case.status is CaseStatus.SENT
        state.own_case = state.can_approve and self._own_case(case, record)
        state.read_only = edit_refusal(self, case.id)
        return state

    def _own_case(self, case: Case, record: dict[str, Any]) -> bool:
        """The current profile (its name) submitted the case or is its caseworker. The OS login does not count:
        two profiles are two people (``Identity`` in the module docstring)."""
        return self.user in (record.get("submitted_by"), case.caseworker)

    # --- transitions ----------------------------------------------------------------------------------

    def _move(self, case: Case, status: CaseStatus, action: str, expected: frozenset[CaseStatus] | set[CaseStatus],
              record: dict[str, Any], **details: Any) -> ReviewState:
        try:
            self.store.transition_case(case.id, status, self.user, action, expected=expected,
                                       setting=(review_key(case.id or 0), record), details=details)
        except StatusConflict as e:
            raise _service_error(f"Sagen har imens fået status '{e.status.label}'. Opdatér visningen, og prøv "
                                 "igen.") from None
        return self.review_state(case.id or 0)

    def submit_for_review(self, case_ref: str | int, comment: str = "", allow_problems: bool = False) -> ReviewState:
        """Send the case to the team lead. Refused while the checklist has problems unless ``allow_problems``
        with a comment that tells the team lead why."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        comment = comment.strip()
        if case.status is CaseStatus.IN_REVIEW:
            raise _service_error("Sagen er allerede sendt til godkendelse.")
        if case.status is CaseStatus.APPROVED:
            raise _service_error("Sagen er allerede godkendt. Genoptag behandlingen, hvis der skal ændres noget.")
        if case.status not in SUBMITTABLE:
            raise _service_error(f"Sagen er {case.status.label.lower()} og kan ikke sendes til godkendelse.")
        problems = [str(p) for p in self.checklist(case.id)]  # type: ignore[attr-defined]
        if problems and not allow_problems:
            raise _checklist_error("Sagen kan ikke sendes til godkendelse", problems,
                                   "Løs punkterne, eller send sagen alligevel med en bemærkning til teamlederen.")
        if problems and not comment:
            raise _service_error("Skriv en bemærkning til teamlederen om, hvorfor sagen sendes med åbne punkter "
                                 "på tjeklisten.")
        record = self._review_record(case.id)
        _clear_approval(record)
        record.update({
            "submitted_by": self.user, "submitted_login": getattr(self, "login", self.user), "submitted_at": _now(),
            "submit_comment": comment, "open_points": problems, "lapsed": "",
            "submitted_fingerprint": content_fingerprint(self.store, case.id),
            # the return comment has been answered by this submission; it stays in the history
            "returned_by": "", "returned_at": "", "return_comment": "",
        })
        _log(record, "case.submit", self.user, comment)
        return self._move(case, CaseStatus.IN_REVIEW, "case.submit", SUBMITTABLE, record, comment=comment,
                          open_points=problems)

    def approve_case(self, case_ref: str | int, note: str = "", override_reason: str = "") -> ReviewState:
        """The team lead approves the case as it is now (the content fingerprint is recorded)."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        note, override_reason = note.strip(), override_reason.strip()
        if self._role() is not UserRole.TEAM_LEAD:
            raise _service_error("Kun en teamleder kan godkende en sag. Du er registreret som sagsbehandler "
                                 "(se Indstillinger).")
        if case.status is CaseStatus.APPROVED:
            raise _service_error("Sagen er allerede godkendt.")
        if case.status is not CaseStatus.IN_REVIEW:
            raise _service_error(f"Sagen kan kun godkendes, når den er sendt til godkendelse. Den har status "
                                 f"'{case.status.label}'.")
        record = self._review_record(case.id)
        own = self._own_case(case, record)
        if own and not note:
            raise _service_error("Du har selv behandlet sagen. Skriv en bemærkning om, hvorfor du selv godkender "
                                 "den (fx at der ikke er en anden teamleder).")
        problems = [str(p) for p in self.checklist(case.id)]  # type: ignore[attr-defined]
        if problems and not override_reason:
            raise _checklist_error("Sagen kan ikke godkendes", problems,
                                   "Returnér sagen til sagsbehandleren, eller skriv en begrundelse for at godkende "
                                   "trods tjeklisten.")
        record.update({
            "approved_by": self.user, "approved_login": getattr(self, "login", self.user), "approved_at": _now(),
            "approval_note": note, "self_approved": own, "override_reason": override_reason if problems else "",
            "approved_fingerprint": content_fingerprint(self.store, case.id), "lapsed": "",
        })
        _log(record, "case.approve", self.user, note)
        return self._move(case, CaseStatus.APPROVED, "case.approve", {CaseStatus.IN_REVIEW}, record, note=note,
                          self_approval=own, override_reason=record["override_reason"],
                          open_points=problems, fingerprint=record["approved_fingerprint"])

    def return_case(self, case_ref: str | int, comment: str) -> ReviewState:
        """The team lead sends the case back to the caseworker with a comment on what to change."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        comment = (comment or "").strip()
        if self._role() is not UserRole.TEAM_LEAD:
            raise _service_error("Kun en teamleder kan returnere en sag. Du er registreret som sagsbehandler "
                                 "(se Indstillinger).")
        if case.status not in RETURNABLE:
            raise _service_error(f"Kun en sag, der er sendt til godkendelse eller godkendt, kan returneres. Den har "
                                 f"status '{case.status.label}'.")
        if not comment:
            raise _service_error("Skriv en kommentar til sagsbehandleren om, hvad der skal rettes.")
        record = self._review_record(case.id)
        _clear_approval(record)
        record.update({"returned_by": self.user, "returned_at": _now(), "return_comment": comment,
                       "submitted_fingerprint": "", "lapsed": ""})
        _log(record, "case.return", self.user, comment)
        return self._move(case, CaseStatus.RETURNED, "case.return", RETURNABLE, record, comment=comment)

    def reopen_case(self, case_ref: str | int, comment: str = "") -> ReviewState:
        """Continue work: a returned case, a case in review (withdrawn) or an approved one (the approval lapses)."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        comment = comment.strip()
        if case.status in EDITABLE:
            raise _service_error("Sagen er allerede under behandling.")
        if case.status not in REOPENABLE:
            raise _service_error(f"Sagen er {case.status.label.lower()} og kan ikke genoptages her.")
        record = self._review_record(case.id)
        action = "case.reopen"
        if case.status is CaseStatus.IN_REVIEW:
            action = "case.withdraw"
            record["submitted_fingerprint"] = ""
        elif case.status is CaseStatus.APPROVED:
            record["lapsed"] = (f"Godkendelsen fra {record.get('approved_by', '')} "
                                f"{_when(record.get('approved_at', ''))} er bortfaldet, fordi {self.user} genoptog "
                                f"behandlingen {_when(_now())}. Send sagen til godkendelse igen.")
            _clear_approval(record)
        _log(record, action, self.user, comment)
        return self._move(case, CaseStatus.IN_PROGRESS, action, {case.status}, record, comment=comment)

    # --- after the export -----------------------------------------------------------------------------------

    def mark_delivered(self, case_ref: str | int, bundle: str = "", bundle_sha256: str = "") -> ReviewState:
        """The bundle is exported: the case is *Udleveret* (decided today). Called by ``export_bundle``."""
        from datetime import date

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        if case.status in FINISHED:
            return self.review_state(case.id or 0)
        record = self._review_record(case.id)
        record.update({"delivered_by": self.user, "delivered_at": _now()})
        _log(record, "case.deliver", self.user, bundle)
        expected = set(CaseStatus) - FINISHED
        with contextlib.suppress(StatusConflict):  # delivered by someone else meanwhile
            self.store.transition_case(case.id, CaseStatus.SENT, self.user, "case.deliver", expected=expected,
                                       setting=(review_key(case.id or 0), record),
                                       details={"bundle": bundle, "bundle_sha256": bundle_sha256},
                                       decided=date.today())
        return self.review_state(case.id or 0)

    def set_journalised(self, case_ref: str | int) -> ReviewState:
        """The ESDH system has received the bundle: *Udleveret* -> *Journaliseret*."""
        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        if case.status is CaseStatus.CLOSED:
            raise _service_error("Sagen er allerede journaliseret.")
        if case.status is not CaseStatus.SENT:
            raise _service_error("Kun en udleveret sag kan sættes til journaliseret (eksportér pakken til ESDH "
                                 "først).")
        record = self._review_record(case.id)
        record.update({"journalised_by": self.user, "journalised_at": _now()})
        _log(record, "case.journalise", self.user, "")
        return self._move(case, CaseStatus.CLOSED, "case.journalise", {CaseStatus.SENT}, record)

    # --- export clearance --------------------------------------------------------------------------------

    def export_clearance(self, case: Case, override_reason: str = "") -> dict[str, Any]:
        """What allows exporting ``case``: its (still valid) approval, or a team lead's written override.

        Returns the approval facts for the manifest (empty values without an approval). Raises a
        ``ServiceError`` in Danish otherwise. A stale approval (content changed outside the services) lapses.
        """
        override_reason = override_reason.strip()
        lead = self._role() is UserRole.TEAM_LEAD
        if override_reason and not lead:
            raise _service_error("Kun en teamleder kan eksportere med en skriftlig begrundelse for at se bort fra "
                                 "tjeklisten eller godkendelsen.")
        record = self._review_record(case.id or 0)
        if case.status in APPROVAL_HOLDS:  # approved, or delivered/journalised on that approval (an export again)
            if content_fingerprint(self.store, case.id or 0) == record.get("approved_fingerprint"):
                return {"approved_by": record.get("approved_by", ""), "approved_at": record.get("approved_at", ""),
                        "approval_note": record.get("approval_note", ""),
                        "self_approval": bool(record.get("self_approved")),
                        "approval_override_reason": record.get("override_reason", ""), "export_override": ""}
            if case.status is CaseStatus.APPROVED:
                after_edit(self, case.id, "export.check")
            if not override_reason:
                raise _service_error("Sagen er ændret, efter at den blev godkendt, så godkendelsen er bortfaldet. "
                                     "Send sagen til godkendelse igen.")
        elif not override_reason:
            raise _service_error(f"Sagen skal godkendes af en teamleder, før den kan eksporteres (status: "
                                 f"{case.status.label.lower()}). Send den til godkendelse, eller eksportér som "
                                 "teamleder med en skriftlig begrundelse.")
        return {"approved_by": "", "approved_at": "", "approval_note": "", "self_approval": False,
                "approval_override_reason": "", "export_override": override_reason}

    def approval_holds(self, case: Case) -> bool:
        """The case is approved (or delivered on its approval) and its content is what was approved."""
        record = self._review_record(case.id or 0)
        return (case.status in APPROVAL_HOLDS
                and content_fingerprint(self.store, case.id or 0) == record.get("approved_fingerprint"))

    def approval_override(self, case: Case) -> str:
        """The checklist override the team lead gave with a still valid approval ('' otherwise)."""
        if case.status not in APPROVAL_HOLDS:
            return ""
        record = self._review_record(case.id or 0)
        if content_fingerprint(self.store, case.id or 0) != record.get("approved_fingerprint"):
            return ""
        return str(record.get("override_reason") or "")


__all__ = ["ReviewState", "UserProfile", "WorkflowServices", "after_edit", "content_fingerprint", "edit_refusal"]
