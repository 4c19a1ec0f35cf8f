"""The journal note (journalnotat, OFL § 13) of an access case, per domain guide § 6.

Receipt · the request and the underlying cases · scope dialogue · deadlines and fristbrev ·
documents collected · third parties consulted · assessment per ground (counter-exceptions,
extraction, meroffentlighed, the MOL weighing) · quality review · dispatch · later complaints.

Written in the third person, as a note to the file ("Anmodningen blev modtaget den ..."), with the
deadline rule of the case's regime and the workflow events by their Danish names. Free-text parts the
app cannot know come from ``Statements.journal`` (keys ``scope_dialogue``, ``third_parties``,
``quality_review``, ``dispatch``, ``complaints``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from aktindsigt.core.danish import antal, capitalize, join
from aktindsigt.core.deadlines import Deadlines
from aktindsigt.core.model import AccessType, AuditEvent, CaseStatus, DocumentStatus, Regime, RequesterType
from aktindsigt.outputs.data import CaseData
from aktindsigt.outputs.letter import common_context
from aktindsigt.outputs.texts import akt_list, da_date

NOT_NOTED = "Ikke noteret."

_OUTCOME = {
    "full": "{subject} giver fuld {word}.",
    "partial": "{subject} giver delvis {word}.",
    "refused": "{subject} giver afslag på {word}.",
}
_REQUESTER = {
    RequesterType.CITIZEN: "en borger", RequesterType.PARTY: "en part i sagen", RequesterType.JOURNALIST: "en journalist",
    RequesterType.COMPANY: "en virksomhed", RequesterType.LAWYER: "en advokat", RequesterType.AUTHORITY: "en myndighed",
    RequesterType.OTHER: "en anmoder",
}
_REGIME = {
    Regime.OFL7: "offentlighedslovens § 7",
    Regime.OFL8: "offentlighedslovens § 8 om egenacces",
    Regime.FVL9: "forvaltningslovens § 9 om partsaktindsigt",
    Regime.MOL: "miljøoplysningsloven (§ 2, stk. 1, jf. offentlighedsloven af 1985)",
    Regime.GDPR15: "databeskyttelsesforordningens artikel 15 om indsigt",
}
#: the workflow events by their Danish names, as sentences ({who}: the person)
EVENTS = {
    "case.submit": "{who} sendte sagen til godkendelse",
    "case.approve": "{who} godkendte sagen",
    "case.return": "{who} returnerede sagen til sagsbehandleren",
    "case.reopen": "{who} genoptog behandlingen af sagen",
    "case.withdraw": "{who} trak sagen tilbage fra godkendelse",
    "case.approval_lapsed": "Godkendelsen bortfaldt, fordi sagen blev ændret",
    "case.status": "Sagens status blev ændret til »{status}«",
    "case.requester": "{who} registrerede anmoderens egne oplysninger",
}
#: the outputs by their Danish names
OUTPUT_NAMES = {"letter": "Afgørelsen", "aktliste": "Aktlisten", "journalnotat": "Journalnotatet",
                "kvittering": "Kvitteringen", "fristbrev": "Fristbrevet", "klage": "Brevet, der sender klagen videre"}
#: what the regime calls its notice when the time limit cannot be kept (OFL § 36, stk. 2 and FVL § 16, stk. 2:
#: a fristbrev; MOL § 4: a notice; GDPR art. 12(3): telling the data subject of the extension)
NO_NOTICE = {
    Regime.MOL: "Der er ikke sendt underretning om fristen.",
    Regime.GDPR15: "Der er ikke givet besked om forlængelse af fristen.",
}
NOTICE_HEADING = {Regime.MOL: "Frister og underretning", Regime.GDPR15: "Frister og forlængelse"}


def _answer(regime: Regime) -> str:
    """The decision's name: "Afgørelsen"; under GDPR art. 15 the answer is "Svaret" (not a decision on aktindsigt)."""
    return "Svaret" if regime is Regime.GDPR15 else "Afgørelsen"


def _when(at: datetime) -> str:
    return f"{at:%d.%m.%Y} kl. {at:%H.%M}"


def review_lines(events: Iterable[AuditEvent]) -> list[str]:
    """The quality review and workflow events of the case as third-person sentences."""
    out = []
    for ev in events:
        after = ev.after if isinstance(ev.after, dict) else {}
        template = EVENTS.get(ev.action)
        if template is None:
            continue
        status = after.get("status", "")
        try:
            status = CaseStatus(status).label.lower() if status else ""
        except ValueError:
            status = str(status)
        if ev.action == "case.status" and not status:
            continue
        line = f"{_when(ev.at)}: " + template.format(who=ev.who or "ukendt", status=status) + "."
        extra = [after.get("comment") or after.get("note") or ""]
        if after.get("self_approval"):
            extra.append("Sagen blev godkendt af sagens egen behandler.")
        if after.get("override_reason"):
            extra.append(f"Godkendt trods punkter på tjeklisten med begrundelsen: {after['override_reason']}")
        for x in extra:
            if x:
                line += f" {x.strip().rstrip('.')}."
        out.append(line)
    return out


def output_lines(history: Sequence[Mapping[str, Any]], regime: Regime = Regime.OFL7) -> list[str]:
    """Every recorded output as a sentence: "02.11.2026 kl. 10.15: Afgørelsen blev dannet af tove (...)."
    (under GDPR art. 15 "Svaret", and the notice of an extension instead of a fristbrev)."""
    names = {**OUTPUT_NAMES, "letter": _answer(regime)}
    if regime is Regime.GDPR15:
        names["fristbrev"] = "Beskeden om forlængelse af fristen"
    elif regime is Regime.MOL:
        names["fristbrev"] = "Underretningen om fristen"
    out = []
    for ev in history:
        try:
            at = datetime.fromisoformat(str(ev.get("at", "")))
            when = _when(at)
        except ValueError:
            when = str(ev.get("at", ""))[:16]
        name = names.get(str(ev.get("kind", "")), str(ev.get("kind", "")))
        if ev.get("draft"):
            name = "Et udkast til svaret" if regime is Regime.GDPR15 else "Et udkast til afgørelsen"
        files = ", ".join(f"{f['name']}, SHA-256 {f['sha256'][:12]}…" for f in ev.get("files", []))
        out.append(f"{when}: {name} blev dannet af {ev.get('by', '') or 'ukendt'}" + (f" ({files})." if files else "."))
    return out


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
    word = data.text("access_word", "aktindsigt")
    docs = [d.doc for d in data.documents]
    formats = Counter((d.format or "ukendt").upper() for d in docs)
    failed = sum(1 for d in docs if d.status is DocumentStatus.FAILED)
    attachments = sum(1 for d in docs if d.parent_id is not None)
    out_of_scope = sum(1 for d in docs if not d.in_scope)
    pages = sum(d.page_count for d in docs)

    receipt = [f"Anmodningen blev modtaget den {da_date(case.received)}"
               + (f" ({case.channel.lower()})" if case.channel else "") + f" fra {_REQUESTER[case.requester_type]}.",
               f"Anmodningen er behandlet efter {_REGIME[case.regime]}."]
    if not case.channel:
        receipt.append("Hvordan anmodningen blev modtaget, er ikke noteret.")
    request = [f"Anmodningen: {case.request_text}" if case.request_text else "Anmodningens ordlyd er ikke noteret.",
               ("Underliggende sager: " + ", ".join(case.underlying_cases) + ".") if case.underlying_cases
               else "Der er ikke angivet underliggende sager."]
    scope = [f"Afgrænsning: {case.scope}" if case.scope else "Afgrænsningen er ikke noteret.",
             f"Dialog med anmoderen: {j['scope_dialogue']}" if j.get("scope_dialogue")
             else "Der er ikke noteret nogen dialog med anmoderen om afgrænsningen."]
    frister = list(deadlines.lines())
    frister.append(fristbrev or NO_NOTICE.get(case.regime, "Der er ikke sendt fristbrev."))
    answer = _answer(case.regime)
    if case.decided:
        within = deadlines.limit is None or case.decided <= deadlines.limit or (
            deadlines.expected is not None and case.decided <= deadlines.expected)
        # OFL and FVL count working days; MOL § 4 and GDPR art. 12(3) count calendar months
        elapsed = (antal(deadlines.elapsed_working_days, "arbejdsdag", words=False)
                   if deadlines.rule.limit_working_days is not None else antal(deadlines.elapsed_days, "dag", words=False))
        done = "blev givet" if case.regime is Regime.GDPR15 else "blev truffet"
        frister.append(f"{answer} {done} den {da_date(case.decided)}, {elapsed} efter modtagelsen, "
                       + ("inden for fristen." if within else "efter fristen."))
    else:
        frister.append("Der er endnu ikke svaret." if case.regime is Regime.GDPR15
                       else "Der er endnu ikke truffet afgørelse.")
    collected = [f"Sagen omfatter {antal(len(docs), 'dokument')} med i alt {antal(pages, 'side')}"
                 + (f", heraf {antal(attachments, 'bilag')}" if attachments else "") + "."]
    if failed:
        collected.append(f"{capitalize(antal(failed, 'dokument'))} kunne ikke læses.")
    if out_of_scope:
        collected.append(f"{capitalize(antal(out_of_scope, 'dokument'))} er ikke omfattet af anmodningen.")
    sources = [f"{fmt}: {antal(n, 'dokument', words=False)}" for fmt, n in sorted(formats.items())]

    subject = answer
    assessment = [_OUTCOME.get(data.outcome, "").format(word=word, subject=subject)]
    full, partial, withheld = (data.count(a) for a in (AccessType.FULL, AccessType.PARTIAL, AccessType.WITHHELD))
    counts = [x for x in (f"fuld {word} i {antal(full, 'dokument')}" if full else "",
                          f"delvis {word} i {antal(partial, 'dokument')}" if partial else "",
                          f"afslag for {antal(withheld, 'dokument')}" if withheld else "") if x]
    if counts:
        assessment.append(f"Der gives {join(counts)}.")
    for gid, infos in data.grounds_used():
        assessment.append(f"{data.ground_label(gid)} er anvendt for {akt_list(d.akt_nr for d in infos)}.")
    # counter-exceptions (§ 26, FVL § 13, 1985 § 8) per document
    for ce in sorted(set(data.counter_exceptions.values())):
        internal = [d for d in data.in_scope if any(data.counter_exceptions.get(g) == ce for g in d.grounds)]
        if not internal:
            continue
        considered = [d.akt_nr for d in internal if d.doc.section26_considered]
        missing = [d.akt_nr for d in internal if not d.doc.section26_considered]
        line = f"{data.ground_label(ce)} er overvejet for {akt_list(considered) or 'ingen af dokumenterne'}"
        if missing:
            line += f"; det er IKKE noteret for {akt_list(missing)}"
        assessment.append(line + ".")
    if data.applies("extraction"):
        assessment.append(f"Ekstrahering: {st.extraction}" if st.extraction else "Ekstrahering er ikke noteret.")
    if data.applies("meroffentlighed"):
        assessment.append(f"Meroffentlighed: {st.meroffentlighed}" if st.meroffentlighed
                          else "Meroffentlighed er ikke noteret.")
    if case.regime is Regime.MOL:
        assessment.append(f"Afvejning efter miljøoplysningslovens § 2, stk. 3: {st.weighing}" if st.weighing
                          else "Afvejningen efter miljøoplysningslovens § 2, stk. 3, er ikke noteret.")
        if st.emissions:
            assessment.append("Sagen indeholder oplysninger om emissioner til miljøet (miljøoplysningslovens § 2, "
                              "stk. 5).")
    for gid, text in st.laws.items():
        if text.strip() and gid in data.required_texts:
            assessment.append(f"{data.ground_label(gid)}: {text.strip().rstrip('.')}.")
    body = data.complaint_body()
    assessment.append(f"Klageinstans: {body}." if body else
                      ("Den underliggende sag har ingen klageinstans." if data.area is not None
                       else "Klageinstansen er ikke angivet."))

    quality = [j["quality_review"]] if j.get("quality_review") else []
    if not quality and not reviews:
        quality = ["Der er ikke noteret nogen kvalitetssikring."]
    dispatch = [j["dispatch"]] if j.get("dispatch") else [f"{answer} er endnu ikke sendt."]
    sections = [
        {"heading": "Modtagelse", "lines": receipt, "bullets": []},
        {"heading": "Anmodningen og de underliggende sager", "lines": request, "bullets": []},
        {"heading": "Afgrænsning og dialog med anmoderen", "lines": scope, "bullets": []},
        {"heading": NOTICE_HEADING.get(case.regime, "Frister og fristbrev"), "lines": frister, "bullets": []},
        {"heading": "Indsamlede dokumenter", "lines": collected, "bullets": sources},
        {"heading": "Tredjeparter hørt", "lines": [j.get("third_parties") or "Der er ikke hørt tredjeparter."],
         "bullets": []},
        {"heading": "Vurdering", "lines": assessment, "bullets": []},
        {"heading": "Kvalitetssikring", "lines": quality, "bullets": list(reviews)},
        {"heading": "Afsendelse og dannede udskrifter", "lines": dispatch, "bullets": list(outputs)},
        {"heading": "Senere klager", "lines": [j.get("complaints") or "Der er ikke modtaget klager."], "bullets": []},
    ]
    ctx.update({
        "title": "Journalnotat – " + ("indsigt" if case.regime is Regime.GDPR15 else "aktindsigt"),
        "case_title": case.title,
        "kle": case.kle,
        "author": author or case.caseworker,
        "sections": sections,
        # flat values kept for scripts and tests that read them
        "received": da_date(case.received),
        "channel": case.channel or NOT_NOTED,
        "regime": case.regime.label,
        "outcome": assessment[0],
    })
    return ctx
