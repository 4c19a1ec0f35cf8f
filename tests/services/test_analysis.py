"""Case analysis: detection, propagation, allowlists, public titles, re-runs keep decisions."""

from datetime import date

import pytest
import spacy

from aktindsigt.core.model import (
    DecisionAction,
    Document,
    EntityType,
    Page,
    Rect,
    RequesterIdentifiers,
    SuggestionStatus,
    Word,
)
from aktindsigt.services import ServiceError
from aktindsigt.store.store import NewDocument


def _nlp():
    nlp = spacy.blank("da")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PER", "pattern": "Mette Hansen"}, {"label": "PER", "pattern": "Ole Olsen"},
                        {"label": "PER", "pattern": "Birgitte Nyborg"}])
    return nlp


@pytest.fixture
def svc(services):
    from aktindsigt.detect.engine import DetectionEngine

    services.engine_factory = lambda: DetectionEngine(nlp=_nlp())
    return services


def _doc(title: str, text: str) -> NewDocument:
    words, pos = [], 0
    for i, w in enumerate(text.split(" ")):
        words.append(Word(w, Rect(10 + i, 10, 11 + i, 20), pos, pos + len(w), 0))
        pos += len(w) + 1
    return NewDocument(Document(case_id=0, akt_nr=0, title=title, public_title=title, source_name="x.txt"),
                       [Page(1, 595, 842, 0, len(text), words)], text)


def _add(svc, case, title, text):
    return svc.store.add_documents(case.id, _doc(title, text), "t")[0]


def test_analysis_suggests_propagates_and_proposes_public_titles(svc):
    case = svc.create_case("Sag", "Journalist Jensen", "ofl7", date(2026, 11, 2))
    d1 = _add(svc, case, "Lægeerklæring vedr. Mette Hansen 010203-1234",
              "Mette Hansen cpr 010203-1234 bor på Søndergade 12, 6400 Sønderborg. Tlf. 22 33 44 55.")
    d2 = _add(svc, case, "Notat", "Samtale med MHansen. Mettes mor ringede; M. Hansen var syg. HANSEN kom ikke.")
    summary = svc.analyze_case(case.id)
    assert summary.documents == 2 and summary.new_suggestions > 0
    types = {s.entity_type for s in svc.suggestions(case.id)}
    assert {EntityType.PERSON, EntityType.CPR, EntityType.PHONE, EntityType.ADDRESS} <= types
    person = [s for s in svc.suggestions(case.id, document_id=d2.id) if s.entity_type is EntityType.PERSON]
    assert {"M. Hansen"} <= {s.text for s in person}  # found only by propagation from document 1
    assert all(s.entity_key == "PERSON:mette hansen" for s in person)
    group = next(g for g in svc.suggestion_groups(case.id) if g.key == "PERSON:mette hansen")
    assert len(group.documents) == 2
    doc = svc.document(d1.id)
    assert "Mette Hansen" not in doc.public_title and "010203" not in doc.public_title
    assert doc.public_title.startswith("Lægeerklæring vedr. [navn]")


def test_rerun_keeps_decisions_and_adds_nothing_twice(svc):
    case = svc.create_case("Sag", "X", "ofl7", date(2026, 11, 2))
    _add(svc, case, "Brev", "Mette Hansen har cpr 010203-1234.")
    svc.analyze_case(case.id)
    before = svc.suggestions(case.id)
    cpr = next(s for s in before if s.entity_type is EntityType.CPR)
    svc.reject([cpr.id], reason="Offentligt kendt")
    again = svc.analyze_case(case.id)
    assert again.new_suggestions == 0
    after = {s.id: s.status for s in svc.suggestions(case.id)}
    assert after[cpr.id] is SuggestionStatus.REJECTED
    assert [d.action for d in svc.decisions(case.id)] == [DecisionAction.KEEP]


def test_new_document_gets_occurrences_of_known_entities(svc):
    case = svc.create_case("Sag", "X", "ofl7", date(2026, 11, 2))
    _add(svc, case, "Brev", "Mette Hansen skrev.")
    svc.analyze_case(case.id)
    d2 = _add(svc, case, "Svar", "Kære METTE HANSEN, tak.")
    summary = svc.analyze_case(case.id)
    assert summary.new_suggestions >= 1
    texts = {s.text for s in svc.suggestions(case.id, document_id=d2.id)}
    assert "METTE HANSEN" in texts


def test_own_data_regime_never_suggests_the_requesters_identifiers(svc):
    ids = RequesterIdentifiers(cpr=["010203-1234"], phones=["22334455"])
    case = svc.create_case("Egenacces", "Mette Hansen", "ofl8", date(2026, 11, 2), requester_identifiers=ids)
    _add(svc, case, "Notat", "Mette Hansen (cpr 010203-1234, tlf. 22334455) og Ole Olsen (cpr 020304-5678).")
    svc.analyze_case(case.id)
    texts = {s.text for s in svc.suggestions(case.id)}
    assert "Ole Olsen" in texts and "020304-5678" in texts
    assert not {"Mette Hansen", "010203-1234", "22334455"} & texts


def test_employees_from_csv_are_not_suggested(svc, tmp_path):
    f = tmp_path / "medarbejdere.csv"
    f.write_text("navn;initialer;titel;email;telefon\nBirgitte Nyborg;BNY;Sagsbehandler;bny@kommune.dk;88888888\n",
                 encoding="utf-8")
    assert svc.import_employees_csv(f) == 1
    case = svc.create_case("Sag", "X", "ofl7", date(2026, 11, 2))
    _add(svc, case, "Mail", "Birgitte Nyborg skrev til Ole Olsen.")
    svc.analyze_case(case.id)
    texts = {s.text for s in svc.suggestions(case.id)}
    assert "Ole Olsen" in texts and "Birgitte Nyborg" not in texts
    bad = tmp_path / "tom.csv"
    bad.write_text("foo;bar\n1;2\n", encoding="utf-8")
    with pytest.raises(ServiceError):
        svc.import_employees_csv(bad)


def test_the_municipalitys_own_letterhead_is_not_suggested(svc):
    svc.set_municipality(name="Fjordby Kommune", address="Rådhustorvet 1\n7190 Fjordby",
                         email="post@fjordby.dk", phone="70 10 20 30")
    case = svc.create_case("Sag", "X", "ofl7", date(2026, 11, 2))
    _add(svc, case, "Brev", "Skriv til post@fjordby.dk eller ring 70 10 20 30 , Rådhustorvet 1 , 7190 Fjordby . "
                           "Borgeren ole.olsen@mail.dk bor på Rådhustorvet 10 , 7190 Fjordby , tlf. 22 33 44 55 .")
    svc.analyze_case(case.id)
    texts = {s.text for s in svc.suggestions(case.id)}
    assert "ole.olsen@mail.dk" in texts and "22 33 44 55" in texts
    assert any("Rådhustorvet 10" in t for t in texts)  # a citizen in the same street is still suggested
    assert "post@fjordby.dk" not in texts and "70 10 20 30" not in texts
    assert not any("Rådhustorvet 1 " in t + " " for t in texts)


def test_case_without_readable_documents(svc):
    case = svc.create_case("Tom sag", "X", "ofl7", date(2026, 11, 2))
    with pytest.raises(ServiceError, match="Importér"):
        svc.analyze_case(case.id)


def test_analysis_can_be_cancelled_and_keeps_what_was_done(svc):
    from aktindsigt.core.progress import CancelToken

    case = svc.create_case("Sag", "X", "ofl7", date(2026, 11, 2))
    for i in range(12):  # more than one batch of documents
        _add(svc, case, f"Brev {i}", f"Mette Hansen har cpr 01020{i % 10}-1234.")
    token = CancelToken()

    def progress(done, total, message):
        if done >= 8:
            token.cancel()

    summary = svc.analyze_case(case.id, progress=progress, cancel=token)
    assert summary.cancelled
    analysed_docs = {s.document_id for s in svc.suggestions(case.id)}
    assert 0 < len(analysed_docs) < 12
    again = svc.analyze_case(case.id)  # a new run finishes the rest
    assert not again.cancelled
    assert len({s.document_id for s in svc.suggestions(case.id)}) == 12


def test_a_cancelled_analysis_keeps_what_it_found_and_the_next_run_goes_on(svc, monkeypatch):
    """Stored batch by batch: cancelling (or killing) keeps the suggestions found so far; the next run
    analyses only the documents the interrupted one did not reach, then propagates over all."""
    from aktindsigt.core.progress import CancelToken
    from aktindsigt.services import analysis

    monkeypatch.setattr(analysis, "BATCH_DOCUMENTS", 2)
    case = svc.create_case("Sag", "Journalist", "ofl7", date(2026, 11, 2))
    docs = [_add(svc, case, f"Notat {i}", f"Mette Hansen ringede igen den {i}. Mette var glad.") for i in range(6)]
    token = CancelToken()
    seen = []

    def progress(done, total, message):
        seen.append(message)
        if done >= 2:  # after the first batch of two documents
            token.cancel()

    first = svc.analyze_case(case.id, progress=progress, cancel=token)
    assert first.cancelled
    found = {s.document_id for s in svc.suggestions(case.id)}
    assert found == {docs[0].id, docs[1].id}
    assert any("dokument 1 af 6" in m for m in seen)
    engine = svc._engine()
    calls = []
    real = engine.start_views  # the analysis hands each batch to the engine with start_views
    monkeypatch.setattr(engine, "start_views", lambda views, **k: calls.append(len(views)) or real(views, **k))
    second = svc.analyze_case(case.id, progress=lambda d, t, m: seen.append(m))
    assert not second.cancelled and sum(calls) == 4  # only the four documents not reached before
    assert {s.document_id for s in svc.suggestions(case.id)} == {d.id for d in docs}
    assert any(m.startswith("Finder alle forekomster i sagen (dokument") for m in seen)
    # the first name alone is found in every document by the case-level name memory
    firsts = [s for s in svc.suggestions(case.id) if s.text == "Mette"]
    assert {s.document_id for s in firsts} == {d.id for d in docs}
    third = svc.analyze_case(case.id)  # a complete run before: a new run analyses everything again
    assert third.new_suggestions == 0 and sum(calls) == 4 + 6


def test_the_next_batch_is_queued_before_a_batch_is_stored_and_taken_back_on_cancel(svc, monkeypatch):
    """Two batches are with the engine ahead of the one being stored (a worker done with its share of a
    batch goes on with the next instead of waiting); on cancel the queued ones are taken back, and only
    what was stored is kept."""
    from aktindsigt.core.progress import CancelToken
    from aktindsigt.services import analysis

    monkeypatch.setattr(analysis, "BATCH_DOCUMENTS", 2)
    case = svc.create_case("Sag", "Journalist", "ofl7", date(2026, 11, 2))
    docs = [_add(svc, case, f"Notat {i}", f"Mette Hansen ringede den {i}.") for i in range(8)]
    engine = svc._engine()
    events = []
    real = engine.start_views

    def start_views(views, **k):
        n = sum(e == "start" for e in events)
        events.append("start")
        finish = real(views, **k)

        def taken(*a):
            events.append(f"finish {n}")
            return finish(*a)

        return taken

    monkeypatch.setattr(engine, "start_views", start_views)
    token = CancelToken()
    real_add = svc.review.add_suggestions

    def add(*a, **k):
        events.append("store")
        token.cancel()  # the caseworker cancels while the first batch is stored
        return real_add(*a, **k)

    monkeypatch.setattr(svc.review, "add_suggestions", add)
    summary = svc.analyze_case(case.id, cancel=token)
    assert summary.cancelled
    assert events[: events.index("store")] == ["start", "start", "finish 0", "start"]
    assert sorted(e for e in events if e.startswith("finish")) == ["finish 0", "finish 1", "finish 2"]
    assert {s.document_id for s in svc.suggestions(case.id)} == {docs[0].id, docs[1].id}
