"""The decision letter (afgørelse om aktindsigt), the receipt and the fristbrev.

``letter_context`` turns ``CaseData`` into the values of ``afgoerelse.docx``,
section by section as in domain guide § 4. Reasons come one block per ground
actually used, naming the akt numbers and the kinds of information (never the
redacted text itself).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from aktindsigt.core.model import AccessType, Regime
from aktindsigt.outputs.data import CaseData
from aktindsigt.outputs.texts import CHECK_NOTE_RE, akt_list, da_date, fill, strip_check_notes


def _by_regime(table: dict[str, Any] | None, regime: Regime) -> str:
    table = table or {}
    return str(table.get(regime.value, table.get("default", "")))


def common_context(data: CaseData, today: date | None = None) -> dict[str, Any]:
    """Letterhead, signature and recipient: shared by every letter."""
    case, m, st = data.case, data.municipality, data.statements
    texts = data.texts
    contact = [x for x in (f"Tlf. {m.phone}" if m.phone else "", m.email, m.website) if x]
    return {
        "draft": False,
        "draft_header": "",
        "draft_reason": "",
        "m": {**m.to_dict(), "address_lines": m.address_lines, "name": m.name or "[Kommunens navn]"},
        "date": da_date(today or data.today),
        "case_number": case.esdh_ref or case.case_number,
        "underlying": ", ".join(case.underlying_cases),
        "recipient_name": case.requester_name,
        "recipient_lines": [line.strip() for line in st.recipient_address.splitlines() if line.strip()],
        "contact": fill(texts.get("contact", ""), data.placeholders()),
        "closing": texts.get("closing", "Med venlig hilsen"),
        "signer": st.signer or case.caseworker,
        "signer_title": st.signer_title,
        "contact_line": " · ".join(contact),
    }


def _reasoning(data: CaseData, gid: str, draft: bool) -> tuple[str, bool]:
    """The catalogue's reasoning for ``gid``; for a ground that must name a law (§ 35) the law replaces the
    first ``[KONTROLLÉR ...]`` note. Returns the text and whether the law was placed in it. Notes are kept
    in drafts (so the caseworker sees them) and removed from final letters."""
    g = data.grounds.get(gid)
    if g is None:
        return "", False
    text = fill(g.reasoning, data.placeholders())
    placed = False
    law = data.statements.laws.get(gid, "").strip()
    if law and gid in set(data.texts.get("named_law_grounds") or ()):
        text, n = CHECK_NOTE_RE.subn(" " + law, text, count=1)
        placed = n > 0
    return (text if draft else strip_check_notes(text)), placed


def reason_blocks(data: CaseData, draft: bool = False) -> list[dict[str, Any]]:
    """One block per ground used: heading, intro with akt numbers, reasoning, kinds of information, notes."""
    texts = data.texts
    blocks = []
    prefixes = tuple(texts.get("section26_ground_prefixes") or ())
    named = set(texts.get("named_law_grounds") or ())
    for gid, docs in data.grounds_used():
        g = data.grounds.get(gid)
        label = data.ground_label(gid)
        heading = f"{label} – {g.title}" if g is not None and g.title else label
        withheld = [d for d in docs if d.access is AccessType.WITHHELD]
        partial = [d for d in docs if d.access is AccessType.PARTIAL]
        intro_parts = []
        if partial:
            intro_parts.append(fill(texts.get("ground_intro", ""), {"akt": akt_list(d.akt_nr for d in partial),
                                                                     "ground": label}))
        if withheld:
            intro_parts.append(fill(texts.get("ground_intro_withheld", ""),
                                    {"akt": akt_list(d.akt_nr for d in withheld), "ground": label}))
        what = data.described_types(d for d in partial if gid in d.grounds)
        reasoning, law_placed = _reasoning(data, gid, draft)
        notes = []
        if prefixes and gid.startswith(prefixes) and "§ 26" not in reasoning:
            notes.append(fill(texts.get("section26_note", ""), {}))
        if gid in named and not law_placed:
            law = data.statements.laws.get(gid, "").strip() or "[angiv loven om tavshedspligt]"
            notes.append(fill(texts.get("section35_note", ""), {"law": law}))
        doc_reasons = [f"Akt {d.akt_nr}: {d.reason}" for d in docs if d.reason_written and d.reason]
        blocks.append({
            "id": gid,
            "heading": heading,
            "intro": " ".join(intro_parts),
            "reasoning": reasoning,
            "what": fill(texts.get("ground_what", ""), {"what": what}) if what else "",
            "notes": notes,
            "doc_reasons": doc_reasons,
            "akt": [d.akt_nr for d in docs],
        })
    return blocks


def letter_context(data: CaseData, draft: bool = False, draft_reason: str = "") -> dict[str, Any]:
    case, st, texts = data.case, data.statements, data.texts
    ctx = common_context(data)
    ph = data.placeholders()
    outcome = data.outcome
    total = len([d for d in data.in_scope])
    full, partial, withheld = (data.count(a) for a in (AccessType.FULL, AccessType.PARTIAL, AccessType.WITHHELD))
    has_reasons = outcome != "full"
    released = data.released_files
    heads = texts.get("headings") or {}
    channel = f" ({case.channel.lower()})" if case.channel else ""
    ctx.update({
        "draft": draft,
        "draft_header": "UDKAST" if draft else "",
        "draft_reason": draft_reason,
        "title": texts.get("title", "Afgørelse om aktindsigt"),
        "request_received": fill(texts.get("request_received", ""), {**ph, "channel": channel}),
        "request_asked": fill(texts.get("request_asked", ""), {"request": case.request_text}) if case.request_text
        else "",
        "scope": case.scope.strip() or texts.get("scope_missing", ""),
        "outcome_text": (texts.get("decision") or {}).get(outcome, ""),
        "counts_text": fill(texts.get("counts", ""), {"total": total, "full": full, "partial": partial,
                                                      "withheld": withheld}),
        "see_list": (texts.get("decision") or {}).get("see_list", ""),
        "legal_basis": fill(_by_regime(texts.get("legal_basis"), case.regime), ph),
        "has_reasons": has_reasons,
        "reasons": reason_blocks(data, draft) if has_reasons else [],
        "extraction_heading": _by_regime(heads.get("extraction"), case.regime) if data.applies("extraction")
        else "",
        "extraction": st.extraction.strip() or texts.get("extraction_missing", ""),
        "meroffentlighed_heading": _by_regime(heads.get("meroffentlighed"), case.regime)
        if data.applies("meroffentlighed") else "",
        "meroffentlighed": st.meroffentlighed.strip() or texts.get("meroffentlighed_missing", ""),
        "any_partial": partial > 0,
        "partial_heading": _by_regime(heads.get("partial"), case.regime),
        "partial_text": fill(texts.get("partial_access", ""), ph),
        "delivery": fill(texts.get("delivery", ""), {"count": released}) if released
        else texts.get("delivery_none", ""),
        "complaint": data.complaint_text(),
        "annexes": [fill(a, {"count": released}) for a in texts.get("annexes") or []
                    if released or "{count}" not in a],
        "outcome": outcome,
        "counts": {"total": total, "full": full, "partial": partial, "withheld": withheld},
    })
    return ctx


def receipt_context(data: CaseData) -> dict[str, Any]:
    ctx = common_context(data)
    r = data.texts.get("receipt") or {}
    ctx.update({"title": r.get("title", ""), "body": [fill(r.get("body", ""), data.placeholders())]})
    return ctx


def deadline_letter_context(data: CaseData, expected: date, reason: str = "") -> dict[str, Any]:
    ctx = common_context(data)
    t = data.texts.get("deadline_letter") or {}
    ph = {**data.placeholders(), "expected": da_date(expected),
          "reason": (reason.strip() or t.get("reason_default", "")).rstrip(".")}
    body = [fill(t.get("body", ""), ph), fill(t.get("expected", ""), ph)]
    if data.case.regime in (Regime.OFL7, Regime.OFL8, Regime.MOL) and data.texts.get("complaint_delay"):
        body.append(fill(data.texts["complaint_delay"], ph))
    ctx.update({"title": t.get("title", ""), "body": body})
    return ctx


def complaint_forward_context(data: CaseData, complaint_received: date, decided: date | None,
                              remarks: str = "") -> dict[str, Any]:
    """The letter forwarding a complaint to the complaint body (copy to the requester)."""
    ctx = common_context(data)
    t = data.texts.get("complaint_forward") or {}
    ph = {**data.placeholders(), "complaint_received": da_date(complaint_received),
          "decided": da_date(decided) if decided else "[dato for afgørelsen]", "requester": data.case.requester_name}
    body = [fill(t.get("body", ""), ph), fill(t.get("enclosed", ""), ph)]
    if remarks.strip():
        body += [fill(t.get("remarks_heading", ""), ph), remarks.strip()]
    body.append(fill(t.get("copy", ""), ph))
    ctx.update({
        "title": t.get("title", ""),
        "body": body,
        "recipient_name": data.complaint_body() or "[klageinstansen]",
        "recipient_lines": [],
    })
    return ctx
