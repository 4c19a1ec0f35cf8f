"""The pre-send checklist of the decision letter (domain guide § 4).

``checklist(data)`` returns the problems in plain Danish, each saying where it
is fixed: a document (``document_id``/``akt_nr``) and a field, or a case field
(``field`` such as ``statements.extraction``). An empty list means the final
letter may be produced.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from aktindsigt.core.danish import antal, join
from aktindsigt.core.model import AccessType, DocumentStatus, Regime
from aktindsigt.outputs.data import CaseData, DocInfo
from aktindsigt.outputs.texts import complaint_deadline_phrases, placeholders_in, strip_check_notes

#: MOL § 2, stk. 5: the 1985 grounds that do not apply to information on emissions into the environment.
#: (§ 12, stk. 1, nr. 1 - private persons' names, CPR numbers - is rarely emission information and is left to the
#: caseworker; the letter's § 2, stk. 5 paragraph and the catalogue's note say so.)
EMISSION_EXCLUDED = ("mol85_10_1", "mol85_10_2", "mol85_10_3", "mol85_10_4", "mol85_12_1_2", "mol85_13_1_6")


@dataclass(frozen=True)
class Problem:
    code: str  # stable key, e.g. "reason_missing"
    message: str  # plain Danish, for the caseworker
    field: str  # where it is fixed: "document.access_reason", "statements.extraction", "municipality.name" ...
    document_id: int | None = None
    akt_nr: int | None = None

    def __str__(self) -> str:
        where = f"Akt {self.akt_nr}: " if self.akt_nr is not None else ""
        return where + self.message

    @property
    def where(self) -> str:
        """Where it is fixed, in Danish (the command line shows it; the UI goes there)."""
        if self.field in FIELD_LABELS:
            return FIELD_LABELS[self.field]
        for prefix, label in FIELD_PREFIX_LABELS.items():
            if self.field.startswith(prefix):
                rest = self.field.removeprefix(prefix)
                return label + rest + ("" if prefix == "resources/" else "=…)")
        return self.field


#: where a problem is fixed, in Danish, with the command that fixes it
FIELD_LABELS = {
    "document.esdh_doc_id": "Dokumentets ESDH dok-ID (case decide --esdh-id)",
    "document.public_title": "Dokumentets titel i aktlisten (case decide --public-title)",
    "document.access": "Dokumentets afgørelse (case decide --access)",
    "document.access_grounds": "Dokumentets hjemmel (case decide --ground; se case grounds)",
    "document.access_reason": "Dokumentets begrundelse (case decide --reason)",
    "document.section26_considered": "Modundtagelsen overvejet (case decide --section26)",
    "document.decisions": "Overstregningerne i dokumentet",
    "suggestions": "Forslagene (case decide)",
    "case.scope": "Afgrænsningen (case statements --scope)",
    "case.channel": "Hvordan anmodningen kom (case statements --channel)",
    "statements.extraction": "Ekstrahering (case statements --extraction)",
    "statements.meroffentlighed": "Meroffentlighed (case statements --meroffentlighed)",
    "statements.weighing": "Afvejningen (case statements --weighing)",
    "statements.matter_area": "Sagens område og klageinstans (case statements --matter-area)",
    "statements.complaint_body": "Klageinstansen (case statements --complaint-body)",
    "statements.public_parties": "Afsender/modtager i aktlisten (case decide --public-party)",
    "municipality.name": "Kommuneprofilen (municipality --name)",
    "documents": "Sagens dokumenter (case import)",
}
FIELD_PREFIX_LABELS = {
    "statements.laws.": "Teksten til hjemlen (case statements --ground-text ",
    "statements.indsigt.": "Artikel 15-oplysningen (case statements --indsigt ",
    "resources/": "Kommunens tekster: resources/",
}


def _words(text: str) -> list[str]:
    return re.findall(r"[0-9a-zæøåéü§]+", text.casefold())


def reason_problem(reason: str, d: DocInfo, data: CaseData) -> str:
    """Why a written "concrete reason" is not one ("" when it is): a placeholder, a repetition, a catalogue
    sentence, too short, or - for a withheld document - it does not say what kind of document it is."""
    texts = data.texts
    text = " ".join(reason.casefold().split()).strip(" .")
    words = _words(text)
    placeholders = [str(w).casefold() for w in texts.get("placeholder_words") or []]
    if placeholders_in(reason) or any((w in words) if w.isalnum() else (w in text) for w in placeholders) \
            or re.search(r"(.)\1{3,}", text.replace(" ", "")):
        return "ligner en pladsholder eller en prøve"
    if len(text) < 15 or len(words) < 3:
        return "er for kort"
    if len(set(words)) <= max(2, len(words) // 3):
        return "gentager de samme ord"
    boilerplate = [" ".join(str(b).casefold().split()).strip(" .") for b in texts.get("boilerplate_reasons") or []]
    if text in boilerplate:
        return "er en standardsætning"
    # the ground's own label, title or catalogue wording is not a reason
    labels = []
    for gid in d.grounds:
        g = data.grounds.get(gid)
        if g is None:
            continue
        labels += [g.title, g.section, g.short_label, f"{g.statute} {g.section}"]
        for sentence in re.split(r"(?<=[.!?])\s+", strip_check_notes(g.reasoning)):
            s = " ".join(sentence.casefold().split()).strip(" .")
            if len(s) >= 20 and (s in text or text in s):
                return "gentager katalogets begrundelse for hjemlen"
    stripped = text
    for label in sorted((" ".join(x.casefold().split()) for x in labels if x), key=len, reverse=True):
        stripped = stripped.replace(label, " ")
    rest = [w for w in _words(stripped) if w not in {"jf", "efter", "og", "er", "§", "stk", "nr", "undtaget",
                                                   "dokumentet", "dokumenter", "oplysninger", "pga", "fordi"}
            and not w.isdigit()]
    if len(rest) < 3:
        return "gentager kun hjemlen"
    descriptions = [" ".join(str(v).casefold().split()) for v in (texts.get("entity_descriptions") or {}).values()]
    if text.removeprefix("overstreget: ") in descriptions:
        return "er en standardsætning"
    if d.access is AccessType.WITHHELD and (set(d.grounds) & data.document_grounds):
        kinds = [str(k).casefold() for k in texts.get("document_kinds") or []]
        title_words = {w for w in _words(f"{d.doc.title} {d.doc.public_title}") if len(w) >= 5}
        if not any(re.search(rf"(?<![0-9a-zæøå]){re.escape(k)}", text) for k in kinds) \
                and not title_words & set(words):
            return "siger ikke, hvad slags dokument det er (fx intern e-mail, notat, udkast)"
    return ""


def _doc_problems(data: CaseData, d: DocInfo, pending: int) -> list[Problem]:
    doc = d.doc
    out: list[Problem] = []

    def add(code: str, message: str, field: str) -> None:
        out.append(Problem(code, message, field, doc.id, doc.akt_nr))

    texts = data.texts
    if not doc.esdh_doc_id.strip():
        add("journal_ref_missing", "Dokumentet har ingen journalreference (ESDH dok-ID).", "document.esdh_doc_id")
    if not doc.in_scope:
        return out
    if not doc.public_title.strip():
        add("title_missing", "Dokumentet har ingen titel til aktlisten.", "document.public_title")
    if pending:
        add("pending_suggestions", f"{antal(pending, 'forslag', words=False)} til overstregning er ikke afgjort.",
            "suggestions")
    if d.access is None and doc.status is DocumentStatus.FAILED:
        add("not_assessed", "Dokumentet kunne ikke læses og er ikke vurderet. Angiv aktindsigt for det "
            "(fx undtaget med hjemmel) eller markér det som ikke omfattet.", "document.access")
        return out
    if doc.access is AccessType.FULL and (d.redactions or d.withheld_pages):
        what = join([x for x in (antal(d.redactions, "overstregning") if d.redactions else "",
                                  antal(d.withheld_pages, "undtaget side") if d.withheld_pages else "") if x])
        add("full_with_redactions", f"Dokumentet er markeret med fuld aktindsigt, men har {what}.",
            "document.access")
    if d.access not in (AccessType.PARTIAL, AccessType.WITHHELD):
        return out
    label = "delvis aktindsigt" if d.access is AccessType.PARTIAL else "undtaget"
    if d.access is AccessType.PARTIAL and not (d.redactions or d.withheld_pages):
        add("partial_without_redactions", "Dokumentet er markeret med delvis aktindsigt, men intet er "
            "overstreget eller undtaget.", "document.access")
    exceptions = [g for g in d.grounds if g not in data.statement_grounds]
    if not d.grounds:
        add("ground_missing", f"Dokumentet er {label}, men der er ingen hjemmel.", "document.access_grounds")
    elif not exceptions:
        add("ground_missing", f"Dokumentet er {label}, men {', '.join(data.ground_label(g) for g in d.grounds)} "
            "er ikke en undtagelsesbestemmelse. Angiv den bestemmelse, oplysningerne er undtaget efter.",
            "document.access_grounds")
    for g in d.grounds:
        ground = data.grounds.get(g)
        if ground is None:
            add("ground_unknown", f"Hjemlen '{g}' findes ikke i kataloget over hjemler.", "document.access_grounds")
        elif not ground.valid_in(data.regime):
            add("ground_wrong_regime", f"{data.ground_label(g)} hører ikke til {data.regime.label} og kan ikke bruges "
                "i denne afgørelse. Vælg en af sagens egne hjemler.", "document.access_grounds")
    if d.reason_written:
        why = reason_problem(d.reason, d, data)
        if why:
            add("reason_not_concrete", f"Begrundelsen »{d.reason.strip()}« {why}. Skriv konkret, hvilken slags "
                "dokument eller oplysninger der er undtaget, og hvorfor.", "document.access_reason")
    elif d.access is AccessType.WITHHELD or d.undescribed_redactions or d.withheld_pages or not d.reason:
        add("reason_missing", f"Dokumentet er {label}, men der er ingen konkret begrundelse.",
            "document.access_reason")
    counters = {data.counter_exceptions.get(g, "") for g in d.grounds} - {""}
    prefixes = tuple(texts.get("section26_ground_prefixes") or ())
    if not data.counter_exceptions and prefixes and any(g.startswith(prefixes) for g in d.grounds):
        counters = {"ofl26"}
    if counters and not doc.section26_considered:
        names = join([data.ground_label(c) for c in sorted(counters)])
        add("section26_missing", f"Dokumentet er undtaget som internt, men det er ikke markeret, at {names} "
            "(modundtagelsen) er overvejet.", "document.section26_considered")
    return out


def _heading(data: CaseData, key: str) -> str:
    from aktindsigt.outputs.data import pick

    return str(pick((data.texts.get("headings") or {}).get(key, ""), data.regime) or "")


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def leaks(texts: Mapping[Any, str], redacted: Sequence[str],
          word_like: Callable[[str], bool] | None = None) -> dict[Any, str]:
    """For each named text that contains a redacted string: the (longest) string found, compared on word
    boundaries (``core.matching``: case, line breaks, a possessive -s, numbers in any grouping), so that
    "Else" is not found inside "Godkendelse". Strings under 3 characters are ignored.  ``word_like``: a
    capitalised one-word string that is also a word ("Rose") is not found at its lower-case use in a text
    with capitals ("udvalget rose indsatsen"), as in the check of the released files."""
    from aktindsigt.core.matching import CaseMatcher
    from aktindsigt.core.model import EntityType

    forms: dict[str, str] = {}  # normalised -> as written (in lower case where any redaction wrote it so)
    for r in redacted:
        n = _norm(r)
        if len(n) >= 3:
            shown = " ".join(r.split())
            forms[n] = n if (n in forms and forms[n] != shown) or shown == n else shown
    needles = sorted(forms.values(), key=len, reverse=True)
    if not needles:
        return {}
    matcher = CaseMatcher(((n, EntityType.MANUAL) for n in needles), related=False, word_like=word_like)
    found = {}
    for name, text in texts.items():
        hits = matcher.present(text or "")
        if hits:
            found[name] = max((matcher.values[i].text for i in hits), key=len)
    return found


def _leak_problems(data: CaseData, redacted: Sequence[str],
                   word_like: Callable[[str], bool] | None = None) -> list[Problem]:
    """Texts that reach the requester must not contain what was redacted."""
    problems: list[Problem] = []
    if not redacted:
        return problems
    st = data.statements
    # one matcher for every text of every document (one per document made this quadratic in a big case)
    texts: dict[tuple[str, int | None], str] = {}
    docs = {}
    for d in data.documents:
        doc = d.doc
        docs[doc.id] = doc
        texts[("document.public_title", doc.id)] = doc.public_title
        texts[("document.access_reason", doc.id)] = doc.access_reason
        texts[("statements.public_parties", doc.id)] = st.public_parties.get(str(doc.id), "")
    texts.update({("case.scope", None): data.case.scope, ("statements.extraction", None): st.extraction,
                  ("statements.meroffentlighed", None): st.meroffentlighed,
                  **{(f"statements.laws.{k}", None): v for k, v in st.laws.items()}})
    found = leaks(texts, redacted, word_like)
    for (fld, doc_id) in texts:  # in the order of the documents, then the case's texts
        if (fld, doc_id) not in found:
            continue
        if doc_id is None:
            problems.append(Problem("leak", "Teksten indeholder en oplysning, der er overstreget i sagen. "
                                    "Omformulér uden oplysningen.", fld))
            continue
        what = {"document.public_title": "Den offentlige titel", "document.access_reason": "Begrundelsen",
                "statements.public_parties": "Afsender/modtager i aktlisten"}[fld]
        problems.append(Problem("leak", f"{what} indeholder en oplysning, der er overstreget i sagen. "
                                "Omformulér uden oplysningen.", fld, doc_id, docs[doc_id].akt_nr))
    return problems


_TEXT_PROBLEMS = {
    "law": ("law_missing", "loven om tavshedspligt er ikke nævnt"),
    "interest": ("interest_missing", "den konkrete interesse, der begrunder undtagelsen, er ikke angivet"),
    "weighing": ("weighing_missing", "den konkrete afvejning af partens behov mod de hensyn, der taler imod, "
                                     "er ikke skrevet"),
}


def checklist(data: CaseData, pending_by_document: Mapping[int, int] | None = None,
              redacted: Sequence[str] = (), own_redacted: Mapping[int, Sequence[str]] | None = None,
              indsigt: Mapping[str, Any] | None = None,
              word_like: Callable[[str], bool] | None = None) -> list[Problem]:
    """Everything that must be fixed before the final letter can be sent.

    ``redacted``: the texts redacted in the case; titles, reasons and statements must not contain them.
    ``own_redacted``: document id -> redacted texts that are the requester's own (own-data regimes).
    ``indsigt``: the municipality's art. 15(1) template (GDPR): it must be filled in."""
    pending_by_document = pending_by_document or {}
    problems: list[Problem] = []
    case, st = data.case, data.statements
    if not data.municipality.name.strip():
        problems.append(Problem("municipality_missing", "Kommunens navn mangler i kommuneprofilen.",
                                "municipality.name"))
    if not data.documents:
        problems.append(Problem("no_documents", "Sagen har ingen dokumenter.", "documents"))
    if not case.scope.strip():
        problems.append(Problem("scope_missing", "Afgørelsen siger ikke, hvordan anmodningen er forstået og "
                                "afgrænset (periode, sager og typer af dokumenter).", "case.scope"))
    if not case.channel.strip():
        problems.append(Problem("channel_missing", "Det er ikke angivet, hvordan anmodningen blev modtaget "
                                "(e-mail, Digital Post, brev, telefon).", "case.channel"))
    for d in data.documents:
        problems.extend(_doc_problems(data, d, pending_by_document.get(d.doc.id or 0, 0)))
    by_id = {d.doc.id: d.doc for d in data.documents}
    for doc_id, texts_ in (own_redacted or {}).items():
        doc = by_id.get(doc_id)
        if doc is None or not texts_:
            continue
        problems.append(Problem("own_data_redacted", f"{antal(len(texts_), 'overstregning', words=False)} dækker "
                                f"anmoderens egne oplysninger, som ikke må undtages efter {case.regime.label}. "
                                "Fjern overstregningerne.", "document.decisions", doc.id, doc.akt_nr))
    if data.outcome != "full":
        if data.applies("extraction") and not st.extraction.strip():
            problems.append(Problem("extraction_missing", "Afgørelsen siger ikke, hvad der er ekstraheret, eller "
                                    "hvorfor intet er ekstraheret (" + _heading(data, "extraction") + ").",
                                    "statements.extraction"))
        if data.applies("meroffentlighed") and not st.meroffentlighed.strip():
            problems.append(Problem("meroffentlighed_missing", "Afgørelsen siger ikke, at meroffentlighed er "
                                    "overvejet, og hvorfor der ikke gives mere (" + _heading(data, "meroffentlighed")
                                    + ").", "statements.meroffentlighed"))
        if data.regime is Regime.MOL and not st.weighing.strip():
            problems.append(Problem("weighing_missing", "Afgørelsen indeholder ikke den konkrete afvejning efter "
                                    "miljøoplysningslovens § 2, stk. 3, af offentlighedens interesse i "
                                    "oplysningerne mod de hensyn, der begrunder undtagelsen.", "statements.weighing"))
    if data.regime is Regime.MOL and st.emissions:
        for gid, docs in data.grounds_used():
            if gid in EMISSION_EXCLUDED:
                akt = ", ".join(str(d.akt_nr) for d in docs)
                problems.append(Problem("emissions_excluded", f"{data.ground_label(gid)} er brugt (akt {akt}), men "
                                        "sagen indeholder oplysninger om emissioner, og bestemmelsen gælder ikke for "
                                        "dem (miljøoplysningslovens § 2, stk. 5). Kontrollér, at de undtagne "
                                        "oplysninger ikke er emissionsoplysninger.", "document.access_grounds"))
    named = set(data.texts.get("named_law_grounds") or ())
    for gid, docs in data.grounds_used():
        kind = data.required_texts.get(gid) or ("law" if gid in named else "")
        if kind and not st.laws.get(gid, "").strip():
            code, what = _TEXT_PROBLEMS[kind]
            akt = ", ".join(str(d.akt_nr) for d in docs)
            problems.append(Problem(code, f"{data.ground_label(gid)} er brugt (akt {akt}), men {what}.",
                                    f"statements.laws.{gid}"))
    if indsigt is not None and data.regime is Regime.GDPR15:
        from aktindsigt.outputs.letter import indsigt_items

        for item in indsigt_items(data, indsigt):
            key, text = item["key"], item["text"]
            if not text.strip() or placeholders_in(text):
                problems.append(Problem("indsigt_missing", f"Oplysningen efter artikel 15, stk. 1, litra {key}, er "
                                        "ikke udfyldt (resources/templates/indsigt.yaml eller sagens egen tekst).",
                                        f"statements.indsigt.{key}"))
    complaint = data.complaint_text()
    if not complaint.strip():
        problems.append(Problem("complaint_missing", f"Der er ingen klagevejledning for {data.case.regime.label}.",
                                "resources/templates/texts.yaml: complaint"))
    elif not data.complaint_chosen():
        problems.append(Problem("complaint_body_missing", "Klageinstansen er ikke valgt: angiv den underliggende "
                                "sags område (fx socialområdet eller byggesager) eller skriv klageinstansen.",
                                "statements.matter_area"))
    problems.extend(_leak_problems(data, redacted, word_like))
    deadline = complaint_deadline_phrases(complaint)
    if deadline:
        problems.append(Problem("complaint_deadline", "Klagevejledningen ser ud til at angive en klagefrist ("
                                f"'{deadline[0]}'). Der er ingen klagefrist; fjern den.",
                                "resources/templates/texts.yaml: complaint"))
    return problems
