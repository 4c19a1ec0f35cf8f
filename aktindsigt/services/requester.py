"""The requester's own identifiers: entering them, proposing them from the documents, and what follows.

Mixed into ``CaseServices``. Under the own-data regimes (OFL § 8, FVL § 9, GDPR art. 15) nothing that is
the requester's own is suggested for redaction; ``detect.requester`` does the matching. When the
caseworker enters or confirms identifiers, the open suggestions that now turn out to be the requester's
own are kept (a "behold" decision with the reason), so they are neither pending nor redacted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from aktindsigt.core.model import Case, DocumentStatus, EntityType, RequesterIdentifiers, SuggestionStatus

OWN_REASON = "Anmoderens egne oplysninger"

#: Danish labels of the identifier kinds (CLI and UI)
KIND_LABELS = {"cpr": "CPR-nummer", "addresses": "Adresse", "phones": "Telefonnummer", "emails": "E-mail",
               "names": "Navn", "accounts": "Bankkonto"}

_CPR = re.compile(r"^\d{6}-?\d{4}$")
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_ACCOUNT = re.compile(r"^(?:\d{4}[ \-./]*\d{6,10}|[A-Z]{2}\d{2}[A-Z0-9]{10,30})$")


def validate_identifier(kind: str, value: str) -> str:
    """The value tidied, or a ``ServiceError`` in Danish saying what is wrong."""
    from aktindsigt.services.cases import ServiceError

    v = " ".join(str(value).split())
    if not v:
        raise ServiceError(f"{KIND_LABELS.get(kind, kind)} er tom.")
    if kind == "cpr":
        if not _CPR.match(v.replace(" ", "")):
            raise ServiceError(f"CPR-nummeret '{v}' skal have 10 cifre (ddmmåå-xxxx).")
        d = re.sub(r"\D", "", v)
        return f"{d[:6]}-{d[6:]}"
    if kind == "phones":
        d = re.sub(r"\D", "", v)
        d = re.sub(r"^(?:45|0045)(?=\d{8}$)", "", d)
        if len(d) != 8:
            raise ServiceError(f"Telefonnummeret '{v}' skal have 8 cifre.")
        return d
    if kind == "emails":
        if not _EMAIL.match(v):
            raise ServiceError(f"'{v}' er ikke en e-mailadresse.")
        return v.casefold()
    if kind == "accounts":
        compact = v.replace(" ", "").upper()
        if not _ACCOUNT.match(compact) and not _ACCOUNT.match(v.upper()):
            raise ServiceError(f"Kontonummeret '{v}' skal skrives som reg.nr. og kontonr. (fx 1234 0012345678) "
                               "eller som IBAN (fx DK5000400440116243).")
        return v
    if kind in ("addresses", "names"):
        return v
    raise ServiceError(f"Ukendt slags oplysning om anmoderen: {kind}.")


class RequesterServices:
    """Mixed into ``CaseServices``; uses ``self.store``, ``self.user``, ``self.get_case``."""

    store: Any
    user: str

    def requester_identifiers(self, case_ref: str | int) -> RequesterIdentifiers:
        return self.get_case(case_ref).requester_identifiers  # type: ignore[attr-defined]

    def set_requester_identifiers(self, case_ref: str | int, add: Mapping[str, Iterable[str]] | None = None,
                                  remove: Mapping[str, Iterable[str]] | None = None,
                                  replace: RequesterIdentifiers | None = None) -> RequesterIdentifiers:
        """Add (``add``), remove (``remove``) or replace (``replace``) the requester's own identifiers; keys
        are ``cpr``, ``addresses``, ``phones``, ``emails``, ``names``, ``accounts``. Values are checked (a
        CPR number has 10 digits ...). Under an own-data regime the open suggestions that are now the
        requester's own are kept with the reason "Anmoderens egne oplysninger"."""
        from aktindsigt.services.cases import ServiceError

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        ids = RequesterIdentifiers.from_dict(_asdict(replace)) if replace is not None else \
            RequesterIdentifiers.from_dict(_asdict(case.requester_identifiers))
        for kind, values in (add or {}).items():
            if kind not in RequesterIdentifiers.FIELDS:
                raise ServiceError(f"Ukendt slags oplysning om anmoderen: {kind}.")
            current = getattr(ids, kind)
            for v in values:
                v = validate_identifier(kind, v)
                if v not in current:
                    current.append(v)
        for kind, values in (remove or {}).items():
            if kind not in RequesterIdentifiers.FIELDS:
                raise ServiceError(f"Ukendt slags oplysning om anmoderen: {kind}.")
            drop = {validate_identifier(kind, v) for v in values}
            setattr(ids, kind, [v for v in getattr(ids, kind) if v not in drop])
        if replace is not None:
            for kind in RequesterIdentifiers.FIELDS:
                setattr(ids, kind, [validate_identifier(kind, v) for v in getattr(ids, kind)])
        if ids == case.requester_identifiers:
            return ids
        case.requester_identifiers = ids
        self.store.update_case(case, self.user, action="case.requester")
        self._edited(case.id, "case.requester")  # type: ignore[attr-defined]
        self.keep_own_suggestions(case.id)
        return ids

    def _matcher(self, case: Case) -> Any:
        from aktindsigt.detect.requester import RequesterMatcher

        return RequesterMatcher.build(case.requester_identifiers, case.requester_name)

    def keep_own_suggestions(self, case_ref: str | int) -> int:
        """Keep (with the reason "Anmoderens egne oplysninger") every open suggestion that is the requester's
        own under an own-data regime; returns how many. Nothing happens under OFL § 7 and MOL."""
        from aktindsigt.detect.requester import from_requester, own_data_adjust, requester_form

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        if not case.regime.own_data:
            return 0
        matcher = self._matcher(case)
        if matcher.empty:
            return 0
        docs = {d.id: d for d in self.store.list_documents(case.id)}
        pending = [s for s in self.review.list_suggestions(case.id)  # type: ignore[attr-defined]
                   if s.status is SuggestionStatus.PENDING]
        by_doc: dict[int, list[Any]] = {}
        for s in pending:
            by_doc.setdefault(s.document_id, []).append(s)
        own: list[int] = []
        for doc_id, suggestions in by_doc.items():
            doc = docs.get(doc_id)
            kept = own_data_adjust(suggestions, matcher, by_requester=self._by_requester(doc, docs, matcher,
                                                                                         from_requester),
                                   form=requester_form(self._text_of(doc_id), matcher))
            kept_ids = {s.id for s in kept}
            own += [s.id for s in suggestions if s.id not in kept_ids and s.id is not None]
        if own:
            self.reject(own, reason=OWN_REASON)  # type: ignore[attr-defined]
        return len(own)

    @staticmethod
    def _by_requester(doc: Any, docs: Mapping[int, Any], matcher: Any, from_requester: Any) -> bool:
        """The document, or the e-mail it is attached to, was sent by the requester."""
        seen = 0
        while doc is not None and seen < 10:
            if from_requester(doc.sender or "", matcher):
                return True
            doc = docs.get(doc.parent_id) if doc.parent_id else None
            seen += 1
        return False

    def _own_data(self, case: Case, doc: Any, detections: Sequence[Any], allow: Any,
                  docs: Sequence[Any]) -> list[Any]:
        """Hook for the analysis: one document's detections under an own-data regime (see
        ``detect.requester.own_data_adjust``); unchanged under other regimes."""
        from aktindsigt.detect.requester import from_requester, own_data_adjust, requester_form

        matcher = getattr(allow, "requester", None)
        if not case.regime.own_data or matcher is None or matcher.empty:
            return list(detections)
        by_id = {d.id: d for d in docs}
        return own_data_adjust(detections, matcher, by_requester=self._by_requester(doc, by_id, matcher,
                                                                                   from_requester),
                               form=requester_form(self._text_of(doc.id), matcher))

    def _text_of(self, document_id: int | None) -> str:
        """A document's text ("" when it has none or is gone)."""
        from aktindsigt.store.store import NotFound

        if document_id is None:
            return ""
        try:
            return self.store.document_text(document_id)
        except NotFound:
            return ""

    def requester_candidates(self, case_ref: str | int) -> list[Any]:
        """Likely own identifiers of the requester found in the documents (next to their name: the block
        after "Ansøger:", a signature, an e-mail's "Fra:" line), not yet entered; most frequent first.
        Needs the analysis (``analyze_case``) to have run."""
        from aktindsigt.detect.requester import propose

        case = self.get_case(case_ref)  # type: ignore[attr-defined]
        docs = [d for d in self.store.list_documents(case.id) if d.status is DocumentStatus.READY]
        texts = {d.id: self.store.document_text(d.id) for d in docs}
        headers = {d.id: "\n".join(x for x in (f"Fra: {d.sender}" if d.sender else "",) if x) for d in docs}
        suggestions: dict[int, list[Any]] = {}
        for s in self.review.list_suggestions(case.id):  # type: ignore[attr-defined]
            suggestions.setdefault(s.document_id, []).append(s)
        candidates = propose(texts, suggestions, case.requester_identifiers, case.requester_name,
                             labels={d.id: d.akt_nr for d in docs})
        # the sender line of documents from the requester ("Mette Kristensen <mette.k@example.com>")
        from aktindsigt.detect.requester import Candidate, RequesterMatcher

        matcher = RequesterMatcher.build(case.requester_identifiers, case.requester_name)
        known = {(c.entity_type, c.value.casefold()) for c in candidates}
        extra: dict[str, set[int]] = {}
        for d in docs:
            for m in re.finditer(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", headers[d.id]):
                mail = m.group(0)
                if matcher.is_own(EntityType.EMAIL, mail) or (EntityType.EMAIL, mail.casefold()) in known:
                    continue
                if any(n in d.sender.casefold() for n in matcher.names):
                    extra.setdefault(mail, set()).add(d.akt_nr)
        candidates += [Candidate(EntityType.EMAIL, mail, tuple(sorted(akt)), len(akt)) for mail, akt in extra.items()]
        return candidates

    def confirm_requester_candidates(self, case_ref: str | int, candidates: Sequence[Any]) -> RequesterIdentifiers:
        """Add the confirmed candidates (from ``requester_candidates``) to the requester's identifiers."""
        add: dict[str, list[str]] = {}
        for c in candidates:
            add.setdefault(c.field, []).append(c.value)
        return self.set_requester_identifiers(case_ref, add=add)


def _asdict(ids: RequesterIdentifiers | None) -> dict[str, list[str]]:
    if ids is None:
        return {}
    return {k: list(getattr(ids, k)) for k in RequesterIdentifiers.FIELDS}


def own_redactions(case: Case, redacted: Iterable[tuple[EntityType, str]]) -> list[str]:
    """The redacted texts that are the requester's own identifiers (own-data regimes only)."""
    from aktindsigt.detect.requester import RequesterMatcher

    if not case.regime.own_data:
        return []
    matcher = RequesterMatcher.build(case.requester_identifiers, case.requester_name)
    if matcher.empty:
        return []
    out = []
    for et, text in redacted:
        if et is EntityType.SENSITIVE:
            continue
        kinds = (EntityType.CPR, EntityType.PHONE, EntityType.EMAIL, EntityType.BANK_ACCOUNT, EntityType.ADDRESS) \
            if et is EntityType.MANUAL else (et,)
        if any(matcher.is_own(k, text) for k in kinds) or (
                et is EntityType.MANUAL and any(n == " ".join(text.casefold().split()) for n in matcher.names)):
            out.append(text)
    return out


__all__ = ["KIND_LABELS", "OWN_REASON", "RequesterServices", "own_redactions", "validate_identifier"]
