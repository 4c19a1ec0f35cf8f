"""The journal note (journalnotat, OFL § 13) of an access case, per domain guide § 6.

Receipt · the request and the underlying cases · scope dialogue · deadlines and
fristbrev · documents collected · third parties consulted · assessment per
ground (§ 26, extraction, § 14) · quality review · dispatch · later complaints.
Free-text parts the app cannot know come from ``Statements.journal``
(keys ``scope_dialogue``, ``third_parties``, ``quality_review``, ``dispatch``,
``complaints``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from aktindsigt.core.deadlines import Deadlines
from aktindsigt.core.model import AccessType, DocumentStatus
from aktindsigt.outputs.data import CaseData
from aktindsigt.outputs.letter import common_context
from aktindsigt.outputs.texts import akt_list, da_date

NOT_NOTED = "Ikke noteret."

_OUTCOME = {"full": "Fuld aktindsigt", "partial": "Delvis aktindsigt", "refused": "Afslag på aktindsigt"}


def journal_context(
    data: CaseData,
    deadlines: Deadlines,
    fristbrev: str = "",
    reviews: Sequence[str] = (),
    outputs: Sequence[str] = (),
    author: str = "",
) -> dict[str, Any]:
    case, st = data.case, data.statements
    j = st.journal
    ctx = common_context(data)
    docs = [d.doc for d in data.documents]
    formats = Counter((d.format or "ukendt").lower() for d in docs)
    failed = sum(1 for d in docs if d.status is DocumentStatus.FAILED)
    attachments = sum(1 for d in docs if d.parent_id is not None)
    out_of_scope = sum(1 for d in docs if not d.in_scope)
    pages = sum(d.page_count for d in docs)
    summary = (f"{len(docs)} dokumenter ({attachments} bilag), {pages} sider; {failed} kunne ikke læses; "
               f"{out_of_scope} ikke omfattet af anmodningen.")
    sources = [f"{fmt.upper()}: {n}" for fmt, n in sorted(formats.items())]
    assessment = []
    for gid, infos in data.grounds_used():
        assessment.append(f"{data.ground_label(gid)}: {akt_list(d.akt_nr for d in infos)}")
    for a in (AccessType.FULL, AccessType.PARTIAL, AccessType.WITHHELD):
        assessment.append(f"{a.label} aktindsigt: {data.count(a)} dokument(er)" if a is not AccessType.WITHHELD
                          else f"Undtaget: {data.count(a)} dokument(er)")
    prefixes = tuple(data.texts.get("section26_ground_prefixes") or ())
    internal = [d for d in data.in_scope if prefixes and any(g.startswith(prefixes) for g in d.grounds)]
    considered = [d.akt_nr for d in internal if d.doc.section26_considered]
    missing = [d.akt_nr for d in internal if not d.doc.section26_considered]
    if not internal:
        section26 = "Ingen dokumenter er undtaget som interne."
    else:
        section26 = f"Overvejet for {akt_list(considered) or 'ingen'}"
        if missing:
            section26 += f"; IKKE markeret for {akt_list(missing)}"
        section26 += "."
    ctx.update({
        "case_title": case.title,
        "kle": case.kle,
        "author": author or case.caseworker,
        "received": da_date(case.received),
        "channel": case.channel or NOT_NOTED,
        "requester_type": case.requester_type.label,
        "regime": case.regime.label,
        "request_text": case.request_text or NOT_NOTED,
        "underlying": ", ".join(case.underlying_cases) or "Ingen angivet.",
        "scope": case.scope or NOT_NOTED,
        "scope_dialogue": j.get("scope_dialogue") or NOT_NOTED,
        "fristbrev_due": da_date(deadlines.fristbrev_due),
        "complaint_possible": da_date(deadlines.complaint_possible),
        "fristbrev": fristbrev or "Ikke sendt.",
        "decided": da_date(case.decided) if case.decided else "Ikke afgjort endnu.",
        "docs_summary": summary,
        "sources": sources,
        "third_parties": j.get("third_parties") or "Ingen.",
        "outcome": _OUTCOME.get(data.outcome, data.outcome),
        "assessment": assessment,
        "section26": section26,
        "extraction": st.extraction or NOT_NOTED,
        "meroffentlighed": st.meroffentlighed or NOT_NOTED,
        "quality_review": j.get("quality_review") or NOT_NOTED,
        "reviews": list(reviews),
        "dispatch": (j.get("dispatch") or "Ikke sendt endnu.") + (" Dannede udskrifter:" if outputs else ""),
        "outputs": list(outputs),
        "complaints": j.get("complaints") or "Ingen.",
    })
    return ctx
