"""A hand-made case for the output tests: documents, suggestions and decisions without ingestion."""

from __future__ import annotations

from datetime import date

import pytest

from aktindsigt.core.model import (
    Direction,
    Document,
    EntityType,
    LegalGround,
    Page,
    Rect,
    Regime,
    Suggestion,
    Word,
)
from aktindsigt.services.cases import CaseServices
from aktindsigt.services.outputs import OutputServices
from aktindsigt.services.review import ReviewServices
from aktindsigt.services.workflow import WorkflowServices
from aktindsigt.store.store import NewDocument

# the strings that are redacted: none of them may appear in any output
SECRETS = ["Mette Hansen", "010203-1234", "sclerose", "Kirsten Holm"]

GROUNDS = {
    "ofl30_1": LegalGround(
        "ofl30_1", "Offentlighedsloven", "§ 30, nr. 1", "§ 30, nr. 1",
        "Retten til aktindsigt omfatter ikke oplysninger om enkeltpersoners private, herunder økonomiske, "
        "forhold. Vi har vurderet, at oplysningerne er private forhold for navngivne personer.",
        [Regime.OFL7, Regime.OFL8, Regime.MOL], "Private forhold",
    ),
    "ofl23_1_1": LegalGround(
        "ofl23_1_1", "Offentlighedsloven", "§ 23, stk. 1, nr. 1", "§ 23, stk. 1, nr. 1",
        "Retten til aktindsigt omfatter ikke interne dokumenter, som ikke er afgivet til udenforstående.",
        [Regime.OFL7], "Interne dokumenter",
    ),
    "ofl35": LegalGround(
        "ofl35", "Offentlighedsloven", "§ 35", "§ 35",
        "Retten til aktindsigt omfatter ikke oplysninger, der er omfattet af særlige bestemmelser om "
        "tavshedspligt fastsat ved lov.", [Regime.OFL7], "Særlig tavshedspligt",
    ),
    "ofl14": LegalGround("ofl14", "Offentlighedsloven", "§ 14", "§ 14", "Meroffentlighed.", [Regime.OFL7]),
    "ofl26": LegalGround(
        "ofl26", "Offentlighedsloven", "§ 26", "§ 26",
        "Vi har overvejet, om dokumenterne skal udleveres efter offentlighedslovens § 26. Det er ikke tilfældet.",
        [Regime.OFL7, Regime.OFL8], "Modundtagelse",
    ),
    "fvl15b": LegalGround(
        "fvl15b", "Forvaltningsloven", "§ 15 b, nr. 1", "Fvl. § 15 b", "Væsentlige hensyn til private.",
        [Regime.FVL9],
    ),
}


class OutSvc(CaseServices, ReviewServices, OutputServices, WorkflowServices):
    grounds_override = GROUNDS
    statement_grounds_override = {"ofl14", "ofl26"}
    counter_exceptions_override = {"ofl23_1_1": "ofl26"}
    required_texts_override = {"ofl35": "law", "fvl15b": "weighing"}
    document_grounds_override = {"ofl23_1_1"}
    today_override = date(2026, 11, 6)  # the request came on 2 November: within the 7 working days


class RealGroundsSvc(CaseServices, ReviewServices, OutputServices):
    """Reads the real catalogue in resources/legal_grounds.yaml."""

    today_override = date(2026, 11, 6)


def make_doc(text: str, title: str, **kw) -> NewDocument:
    words, x, pos = [], 10.0, 0
    for w in text.split(" "):
        words.append(Word(w, Rect(x, 10, x + 6 * len(w), 20), pos, pos + len(w), 0))
        x += 6 * len(w) + 4
        pos += len(w) + 1
    page = Page(1, 595, 842, 0, len(text), words)
    doc = Document(case_id=0, akt_nr=0, title=title, public_title=kw.pop("public_title", title),
                   source_name=f"{title}.txt", page_count=1, format="txt", **kw)
    return NewDocument(doc, [page], text)


@pytest.fixture
def svc(store):
    return OutSvc(store, user="testbruger")


@pytest.fixture
def case_docs(svc):
    """Four documents: one full, one partial (CPR and name redacted), one withheld (§ 23), one out of scope."""
    case = svc.create_case(
        "Aktindsigt i byggesag", "Journalist Jens Jensen", "ofl7", date(2026, 11, 2),
        requester_type="journalist", channel="E-mail", request_text="alle dokumenter i byggesagen om Skovvej 3",
        underlying_cases=["2026-004711"],
    )
    s = svc.store
    d1 = s.add_documents(case.id, make_doc("Ansøgning om byggetilladelse til carport", "Ansøgning",
                                            direction=Direction.INCOMING,
                                            sender="Jens Byg ApS <info@jensbyg.dk>", doc_date=date(2026, 9, 1)), "t")[0]
    d2 = s.add_documents(case.id, make_doc(
        "Naboen Mette Hansen cpr 010203-1234 har sclerose og klager over carporten", "Partshøring",
        direction=Direction.INCOMING, sender="Mette Hansen <mette.h@gmail.com>", doc_date=date(2026, 9, 10)), "t")[0]
    d3 = s.add_documents(case.id, make_doc("Intern mail om sagens videre forløb Kirsten Holm", "Intern drøftelse",
                                            direction=Direction.INTERNAL, doc_date=date(2026, 9, 12)), "t")[0]
    d4 = s.add_documents(case.id, make_doc("Kantineplan for uge 38", "Kantineplan",
                                            direction=Direction.INTERNAL), "t")[0]
    t2 = svc.document_text(d2.id)
    sugg = []
    for text, etype in (("Mette Hansen", EntityType.PERSON), ("010203-1234", EntityType.CPR),
                        ("sclerose", EntityType.SENSITIVE)):
        i = t2.index(text)
        sugg.append(Suggestion(case.id, d2.id, etype, i, i + len(text), text, 0.9, "test", "ofl30_1",
                               etype is EntityType.CPR))
    svc.review.add_suggestions(case.id, sugg, "t")
    svc.accept([s.id for s in svc.suggestions(case.id)])
    svc.set_document_access(d3.id, "withheld", ["ofl23_1_1"],
                            "Intern e-mail mellem sagsbehandlere om den videre sagsbehandling; ikke afgivet til "
                            "udenforstående.")
    svc.set_document_fields(d4.id, in_scope=False)
    return case, [d1, d2, d3, d4]


@pytest.fixture
def ready_case(svc, case_docs):
    """``case_docs`` with everything the checklist asks for filled in."""
    case, docs = case_docs
    svc.set_municipality(name="Eksempel Kommune", unit="Byggeri og Miljø", address="Rådhuspladsen 1\n8000 Aarhus C",
                         cvr="12345678", kommunekode="751", phone="89 40 20 00", email="byg@eksempel.dk")
    for i, d in enumerate(docs, start=1):
        svc.set_document_fields(d.id, esdh_doc_id=f"DOK-{i:04d}")
    svc.set_document_fields(docs[2].id, section26_considered=True)
    svc.set_scope(case.id, "Alle dokumenter i byggesag 2026-004711 fra 1. august til 1. november 2026.")
    svc.set_extraction(case.id, "Akt 3 indeholder ingen faktiske oplysninger eller faglige vurderinger, som ikke "
                       "allerede fremgår af de udleverede dokumenter; der er derfor intet at ekstrahere.")
    svc.set_meroffentlighed(case.id, "Vi har overvejet at give meroffentlighed efter § 14, men hensynet til de "
                            "private personer og den interne beslutningsproces vejer tungere.")
    svc.set_statements(case.id, recipient_address="jens.jensen@avis.dk", signer="Sagsbehandler Sara Sørensen",
                       signer_title="Jurist", matter_area="building")
    return case, docs
