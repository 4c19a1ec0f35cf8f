"""The decision letter (afgørelse om aktindsigt, or for GDPR art. 15 the answer to a request for
indsigt), the receipt and the fristbrev.

``letter_context`` turns ``CaseData`` into the values of ``afgoerelse.docx``, section by section as
in domain guide § 4, with the wording of the case's regime from ``texts.yaml``: an FVL letter cites
forvaltningsloven only, a MOL letter cites miljøoplysningsloven § 2, stk. 1, jf. the 1985
offentlighedslov, with the § 2, stk. 3 weighing (and the emissions rule where emissions are
involved), and a GDPR letter is an *indsigt* answer with the art. 15(1)(a)-(h) information.
Reasons come one block per ground actually used, naming the akt numbers and the kinds of information
(never the redacted text itself). Counts are sentences ("Du får delvis aktindsigt i 23 dokumenter, og
ét dokument er undtaget.").
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from aktindsigt.core.danish import antal, as_clause, capitalize, join
from aktindsigt.core.deadlines import Deadlines
from aktindsigt.core.model import AccessType, Regime, RequesterType
from aktindsigt.outputs.data import CaseData, pick
from aktindsigt.outputs.texts import CHECK_NOTE_RE, akt_list, da_date, fill, strip_check_notes


def _by_regime(table: dict[str, Any] | None, regime: Regime) -> str:
    return str(pick(table or {}, regime) or "")


def common_context(data: CaseData, today: date | None = None, to_authority: bool = False) -> dict[str, Any]:
    """Letterhead, signature and recipient: shared by every letter. ``to_authority``: the letter goes to an
    authority (the complaint body), so the closing is formal."""
    case, m, st = data.case, data.municipality, data.statements
    texts = data.texts
    contact = [x for x in (f"Tlf. {m.phone}" if m.phone else "", m.email, m.website) if x]
    formal = to_authority or case.requester_type is RequesterType.AUTHORITY
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
        "contact": fill(texts.get("contact_authority" if formal else "contact", ""), data.placeholders()),
        "closing": texts.get("closing", "Med venlig hilsen"),
        "signer": st.signer or case.caseworker,
        "signer_title": st.signer_title,
        "contact_line": " · ".join(contact),
    }


def _required_text(data: CaseData, gid: str) -> tuple[str, str]:
    """(kind, text) a ground requires the caseworker to write (law / interest / weighing); ("", "") if none."""
    kind = data.required_texts.get(gid, "")
    if not kind and gid in set(data.texts.get("named_law_grounds") or ()):
        kind = "law"
    return kind, data.statements.laws.get(gid, "").strip()


def _reasoning(data: CaseData, gid: str, draft: bool) -> tuple[str, bool]:
    """The catalogue's reasoning for ``gid``; for a ground that must name a law (§ 35) the law replaces the
    first ``[KONTROLLÉR ...]`` note. Returns the text and whether the law was placed in it. Notes are kept
    in drafts (so the caseworker sees them) and removed from final letters."""
    g = data.grounds.get(gid)
    if g is None:
        return "", False
    text = fill(g.reasoning, data.placeholders())
    placed = False
    kind, written = _required_text(data, gid)
    if written and kind == "law":
        text, n = CHECK_NOTE_RE.subn(" " + written, text, count=1)
        placed = n > 0
    return (text if draft else strip_check_notes(text)), placed


def _counter_note(data: CaseData, gid: str, draft: bool) -> str:
    """The counter-exception considered for a document ground (§ 26 for § 23, FVL § 13 for FVL § 12, the 1985
    § 8 for the 1985 § 7), from the catalogue."""
    ce = data.counter_exceptions.get(gid, "")
    if not ce and gid.startswith(tuple(data.texts.get("section26_ground_prefixes") or ())):
        ce = "ofl26"
    g = data.grounds.get(ce)
    if g is None:
        return ""
    text = fill(g.reasoning, data.placeholders())
    return text if draft else strip_check_notes(text)


def _doc_reason(akt: int, reason: str) -> str:
    """"Akt 3: ..." without repeating the akt number when the reason starts with it ("Akt 3 er ...")."""
    if re.match(rf"^\s*akt(?:\s+nr\.?)?\s+{akt}\b", reason, re.IGNORECASE):
        return capitalize(reason.strip())
    return f"Akt {akt}: {reason.strip()}"


def reason_blocks(data: CaseData, draft: bool = False) -> list[dict[str, Any]]:
    """One block per ground used: heading, intro with akt numbers, reasoning, kinds of information, notes."""
    texts = data.texts
    blocks = []
    for gid, docs in data.grounds_used():
        g = data.grounds.get(gid)
        label = data.ground_label(gid)
        heading = f"{label} – {g.title}" if g is not None and g.title else label
        withheld = [d for d in docs if d.access is AccessType.WITHHELD]
        partial = [d for d in docs if d.access is AccessType.PARTIAL]
        intro_parts = []
        if partial:
            intro_parts.append(fill(texts.get("ground_intro", "Bestemmelsen er anvendt på {akt}, hvor oplysninger er "
                                                              "overstreget."),
                                    {"akt": akt_list(d.akt_nr for d in partial), "ground": label}))
        if withheld:
            one = len({d.akt_nr for d in withheld}) == 1
            intro_parts.append(fill(texts.get("ground_intro_withheld_one" if one else "ground_intro_withheld",
                                              "Bestemmelsen er anvendt på {akt}, som er undtaget i sin helhed." if one
                                              else "Bestemmelsen er anvendt på {akt}, som er undtaget i deres helhed."),
                                    {"akt": akt_list(d.akt_nr for d in withheld), "ground": label}))
        what = data.described_types(d for d in partial if gid in d.grounds)
        reasoning, law_placed = _reasoning(data, gid, draft)
        notes = []
        counter = _counter_note(data, gid, draft)
        if counter:
            notes.append(counter)
        kind, written = _required_text(data, gid)
        if kind and not (kind == "law" and law_placed):
            value = written or ("[" + str((texts.get("required_text_labels") or {}).get(kind, kind)) + "]")
            notes.append(fill(texts.get(f"{kind}_note", "{text}"), {"text": value.rstrip(".")})
                         if kind != "weighing" else value)
        doc_reasons = [_doc_reason(d.akt_nr, d.reason) for d in docs if d.reason_written and d.reason]
        blocks.append({
            "id": gid,
            "heading": heading,
            "intro": " ".join(intro_parts),
            "reasoning": reasoning,
            "what": fill(texts.get("ground_what", "Overstregningerne omfatter {what}."), {"what": what}) if what else "",
            "notes": notes,
            "doc_reasons": doc_reasons,
            "akt": [d.akt_nr for d in docs],
        })
    return blocks


def counts_sentences(data: CaseData) -> str:
    """"Din anmodning omfatter 24 dokumenter. Du får delvis aktindsigt i 23 dokumenter, og ét dokument er
    undtaget." (GDPR: "indsigt")."""
    word = data.text("access_word", "aktindsigt")
    total = len(data.in_scope)
    full, partial, withheld = (data.count(a) for a in (AccessType.FULL, AccessType.PARTIAL, AccessType.WITHHELD))
    intro = fill(data.text("counts_intro", "Din anmodning omfatter {total}."), {"total": antal(total, "dokument")})
    if total == 0:
        return intro
    every = "begge dokumenter" if total == 2 else f"alle {antal(total, 'dokument')}"
    if full == total:
        return f"{intro} Du får fuld {word} i " + ("dokumentet." if total == 1 else f"{every}.")
    if withheld == total:
        return f"{intro} " + ("Dokumentet er undtaget." if total == 1 else f"{capitalize(every)} er undtaget.")
    parts = []
    if full:
        parts.append(f"fuld {word} i {antal(full, 'dokument')}")
    if partial:
        parts.append(f"delvis {word} i {antal(partial, 'dokument')}")
    sentence = "Du får " + join(parts)
    if withheld:
        sentence += f", og {antal(withheld, 'dokument')} er undtaget"
    unassessed = total - full - partial - withheld
    out = f"{intro} {sentence}."
    if unassessed:
        out += f" {capitalize(antal(unassessed, 'dokument'))} er endnu ikke vurderet."
    return out


def _parallel(data: CaseData) -> str:
    """GDPR: which other access rules were considered (a party: FVL § 9 and OFL § 8; otherwise OFL § 8)."""
    raw = data.text("parallel_considered", "")
    if not raw:
        return ""
    rules = data.texts.get("parallel_rules") or {}
    which = rules.get("party" if data.case.requester_type is RequesterType.PARTY else "other", "")
    return fill(raw, {"parallel": which})


def indsigt_items(data: CaseData, indsigt: dict[str, Any] | None) -> list[dict[str, str]]:
    """The art. 15(1)(a)-(h) information: the municipality's template, with the case's own texts where the
    caseworker wrote them."""
    if data.regime is not Regime.GDPR15 or not indsigt:
        return []
    underlying = ", ".join(data.case.underlying_cases)
    ph = {**data.placeholders(), "underlying": underlying,
          "underlying_clause": f" (sag {underlying})" if underlying else "",
          "municipality_email": data.municipality.email,
          "dpo_clause": f" på {data.municipality.dpo}" if data.municipality.dpo else ""}
    items = []
    for item in indsigt.get("items") or []:
        key = str(item.get("key", ""))
        text = data.statements.indsigt.get(key, "").strip() or str(item.get("text", ""))
        items.append({"key": key, "heading": str(item.get("heading", "")), "text": fill(text, ph)})
    return items


def letter_context(data: CaseData, draft: bool = False, draft_reason: str = "",
                   indsigt: dict[str, Any] | None = None, deadlines: Deadlines | None = None) -> dict[str, Any]:
    case, st, texts = data.case, data.statements, data.texts
    ctx = common_context(data)
    ph = data.placeholders()
    outcome = data.outcome
    full, partial, withheld = (data.count(a) for a in (AccessType.FULL, AccessType.PARTIAL, AccessType.WITHHELD))
    has_reasons = outcome != "full"
    released = data.released_files
    heads = texts.get("headings") or {}
    channel = f" ({case.channel.lower()})" if case.channel else ""
    decision = data.text("decision", {}) or {}
    files = antal(released, "dokument")
    if released == 1:
        delivery = data.text("delivery_one")
    elif released:
        delivery = fill(data.text("delivery"), {"files": files, "count": released})
    else:
        delivery = data.text("delivery_none")
    if released and data.redactions:
        delivery += " " + texts.get("delivery_redacted", "")
    regime = case.regime
    weighing_heading = _by_regime(heads.get("weighing"), regime) if has_reasons else ""
    emissions = bool(st.emissions) and regime is Regime.MOL
    emissions_text = ""
    if emissions:
        g = data.grounds.get("mol2_5")
        emissions_text = (fill(g.reasoning, ph) if draft else strip_check_notes(fill(g.reasoning, ph))) if g else ""
    weighing_intro = ""
    if weighing_heading:
        g = data.grounds.get("mol2_3")
        weighing_intro = (fill(g.reasoning, ph) if draft else strip_check_notes(fill(g.reasoning, ph))) if g else ""
    info = indsigt_items(data, indsigt)
    ctx.update({
        "draft": draft,
        "draft_header": "UDKAST" if draft else "",
        "draft_reason": draft_reason,
        "title": data.text("title", "Afgørelse om aktindsigt"),
        "request_received": fill(data.text("request_received"), {**ph, "channel": channel}),
        "request_asked": fill(data.text("request_asked"), {"request": case.request_text}) if case.request_text
        else "",
        "time_limit": _time_limit(data, deadlines),
        "scope_heading": data.text("scope_heading", "Hvordan vi har forstået din anmodning"),
        "scope": case.scope.strip() or data.text("scope_missing"),
        "decision_heading": "Svar" if regime is Regime.GDPR15 else "Afgørelse",
        "outcome_text": decision.get(outcome, ""),
        "counts_text": counts_sentences(data),
        "see_list": decision.get("see_list", ""),
        "legal_basis": fill(_by_regime(texts.get("legal_basis"), regime), ph),
        "parallel": _parallel(data),
        "has_reasons": has_reasons,
        "reasons_heading": _by_regime(heads.get("reasons"), regime) or "Begrundelse",
        "reasons": reason_blocks(data, draft) if has_reasons else [],
        "weighing_heading": weighing_heading,
        "weighing_intro": weighing_intro,
        "weighing": (st.weighing.strip() or data.text("weighing_missing")) if weighing_heading else "",
        "emissions_heading": _by_regime(heads.get("emissions"), regime) if emissions else "",
        "emissions": emissions_text,
        "extraction_heading": _by_regime(heads.get("extraction"), regime) if data.applies("extraction") else "",
        "extraction": (st.extraction.strip() or data.text("extraction_missing"))
        if has_reasons and data.applies("extraction") else "",
        "meroffentlighed_heading": _by_regime(heads.get("meroffentlighed"), regime)
        if data.applies("meroffentlighed") else "",
        "meroffentlighed": (st.meroffentlighed.strip() or data.text("meroffentlighed_missing"))
        if has_reasons and data.applies("meroffentlighed") else "",
        "any_partial": partial > 0,
        "partial_heading": _by_regime(heads.get("partial"), regime),
        "partial_text": fill(data.text("partial_access"), ph) + (
            " " + data.text("partial_pages") if any(d.withheld_pages for d in data.in_scope) else ""),
        "indsigt_heading": _by_regime(heads.get("indsigt_info"), regime) if info else "",
        "indsigt_intro": fill(str((indsigt or {}).get("intro", "")), ph) if info else "",
        "indsigt_items": info,
        "indsigt_contact": fill(str((indsigt or {}).get("contact", "")),
                                {"dpo_clause": f" på {data.municipality.dpo}" if data.municipality.dpo else ""})
        if info else "",
        "delivery_heading": _by_regime(heads.get("delivery"), regime) or "Udlevering",
        "delivery": delivery,
        "complaint_heading": _by_regime(heads.get("complaint"), regime) or "Klagevejledning",
        "complaint": data.complaint_text(),
        "annexes_heading": _by_regime(heads.get("annexes"), regime) or "Bilag",
        "annexes": [fill(a, {"files": files, "count": released})
                    for a in (data.text("annexes", []) or []) if released or "{files}" not in a],
        "outcome": outcome,
        "counts": {"total": len(data.in_scope), "full": full, "partial": partial, "withheld": withheld},
    })
    return ctx


def _time_limit(data: CaseData, deadlines: Deadlines | None) -> str:
    """MOL and GDPR: the calendar time limit of the answer (MOL § 4, stk. 3; art. 12(3)), with the extension told."""
    raw = data.text("time_limit", "")
    if not raw or deadlines is None:
        return ""
    out = fill(raw, _deadline_ph(data, deadlines))
    if deadlines.expected is not None and deadlines.limit is not None and deadlines.expected > deadlines.limit:
        out += " " + fill(data.text("time_limit_extended", ""), {"expected": da_date(deadlines.expected)})
    return out


def _deadline_ph(data: CaseData, deadlines: Deadlines | None) -> dict[str, str]:
    if deadlines is None:
        return {}
    return {"limit": da_date(deadlines.limit), "maximum": da_date(deadlines.maximum),
            "due": da_date(deadlines.fristbrev_due)}


def receipt_context(data: CaseData, deadlines: Deadlines | None = None) -> dict[str, Any]:
    ctx = common_context(data)
    r = data.texts.get("receipt") or {}
    ph = {**data.placeholders(), **_deadline_ph(data, deadlines)}
    ctx.update({"title": pick(r.get("title", ""), data.regime), "body": [fill(pick(r.get("body", ""), data.regime), ph)]})
    return ctx


def deadline_letter_context(data: CaseData, expected: date, reason: str = "",
                            deadlines: Deadlines | None = None) -> dict[str, Any]:
    """The fristbrev by the rule of the case's regime; a late one apologises (``deadlines.fristbrev_due`` passed)."""
    ctx = common_context(data)
    t = data.texts.get("deadline_letter") or {}
    ph = {**data.placeholders(), **_deadline_ph(data, deadlines), "expected": da_date(expected),
          "reason": as_clause(reason).rstrip(".")}
    regime = data.regime
    within = deadlines is not None and deadlines.limit is not None and expected <= deadlines.limit \
        and regime in (Regime.MOL, Regime.GDPR15)
    body_text = pick(t.get("body_within") or {}, regime) if within else ""
    body = [fill(body_text or pick(t.get("body", ""), regime), ph), fill(pick(t.get("expected", ""), regime), ph)]
    if deadlines is not None and data.today > deadlines.fristbrev_due:
        body.append(fill(pick(t.get("late", ""), regime), ph))
    delay = data.text("complaint_delay", "")
    if delay and data.complaint_body():
        body.append(fill(delay, ph))
    ctx.update({"title": pick(t.get("title", ""), regime), "body": [b for b in body if b]})
    return ctx


def complaint_forward_context(data: CaseData, complaint_received: date, decided: date,
                              remarks: str = "") -> dict[str, Any]:
    """The letter forwarding a complaint to the complaint body (copy to the requester); formal, to an authority."""
    ctx = common_context(data, to_authority=True)
    t = data.texts.get("complaint_forward") or {}
    ph = {**data.placeholders(), "complaint_received": da_date(complaint_received),
          "decided": da_date(decided), "requester": data.case.requester_name}
    body = [fill(t.get("body", ""), ph), fill(t.get("enclosed", ""), ph)]
    if remarks.strip():
        body += [fill(t.get("remarks_heading", ""), ph), remarks.strip()]
    body.append(fill(t.get("copy", ""), ph))
    area = data.area
    ctx.update({
        "title": t.get("title", ""),
        "body": body,
        "recipient_name": data.complaint_body(),
        "recipient_lines": [x.strip() for x in (area.address.split(",") if area and area.address else [])
                            if x.strip() and x.strip() != data.complaint_body()],
    })
    return ctx
