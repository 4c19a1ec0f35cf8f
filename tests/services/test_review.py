"""Review use cases on a store with hand-made documents (no ingestion needed)."""

from datetime import date

import pytest

from aktindsigt.core.model import (
    AccessType,
    DecisionAction,
    DecisionKind,
    Document,
    EntityType,
    Page,
    Rect,
    Suggestion,
    SuggestionStatus,
    Word,
)
from aktindsigt.services import ServiceError
from aktindsigt.store.store import NewDocument


def _doc(text: str) -> NewDocument:
    words, x, pos = [], 10.0, 0
    for w in text.split(" "):
        words.append(Word(w, Rect(x, 10, x + 6 * len(w), 20), pos, pos + len(w), 0))
        x += 6 * len(w) + 4
        pos += len(w) + 1
    page = Page(1, 595, 842, 0, len(text), words)
    return NewDocument(Document(case_id=0, akt_nr=0, title="Notat", source_name="n.txt"), [page], text)


@pytest.fixture
def case_with_docs(services):
    case = services.create_case("Sag", "Ole Olsen", "ofl7", date(2026, 11, 2))
    d1 = services.store.add_documents(case.id, _doc("Mette Hansen ringede fra 12345678 om Mette Hansen"), "t")[0]
    d2 = services.store.add_documents(case.id, _doc("Notat om Mette Hansen og cpr 010203-1234"), "t")[0]
    t1 = services.document_text(d1.id)
    t2 = services.document_text(d2.id)
    sugg = []
    for doc, text in ((d1, t1), (d2, t2)):
        start = 0
        while (i := text.find("Mette Hansen", start)) >= 0:
            sugg.append(Suggestion(case.id, doc.id, EntityType.PERSON, i, i + 12, "Mette Hansen", 0.85, "ner",
                                   "ofl30_1", False, entity_key="PERSON:mette hansen"))
            start = i + 1
    i = t1.index("12345678")
    sugg.append(Suggestion(case.id, d1.id, EntityType.PHONE, i, i + 8, "12345678", 0.7, "phone", "ofl30_1", False))
    i = t2.index("010203-1234")
    sugg.append(Suggestion(case.id, d2.id, EntityType.CPR, i, i + 11, "010203-1234", 0.95, "cpr", "ofl30_1", True))
    services.review.add_suggestions(case.id, sugg, "t")
    return case, d1, d2


def test_groups_count_occurrences_across_documents(services, case_with_docs):
    case, _, _ = case_with_docs
    groups = services.suggestion_groups(case.id)
    person = next(g for g in groups if g.entity_type is EntityType.PERSON)
    assert person.label == "Mette Hansen — 3 forekomster i 2 dokumenter"
    assert len(services.suggestion_groups(case.id, entity_type=EntityType.CPR)) == 1


def test_re_adding_the_same_suggestions_adds_nothing(services, case_with_docs):
    case, _, _ = case_with_docs
    before = services.suggestions(case.id)
    again = [Suggestion(s.case_id, s.document_id, s.entity_type, s.start, s.end, s.text, s.score, s.detector,
                        s.ground_id, s.preselected) for s in before]
    assert services.review.add_suggestions(case.id, again, "t") == []
    assert len(services.suggestions(case.id)) == len(before)


def test_accept_group_then_keep_one_occurrence(services, case_with_docs):
    case, d1, _ = case_with_docs
    op = services.accept_group(case.id, "PERSON:mette hansen")
    assert len(op.created) == 3
    decisions = services.decisions(case.id)
    assert {d.action for d in decisions} == {DecisionAction.REDACT}
    one = next(s for s in services.suggestions(case.id) if s.entity_type is EntityType.PERSON and s.document_id == d1.id)
    services.reject([one.id], reason="Nævnt i egenskab af medarbejder")
    decisions = services.decisions(case.id)
    assert len(decisions) == 3  # the accepted decision for that occurrence was replaced, not duplicated
    kept = [d for d in decisions if d.action is DecisionAction.KEEP]
    assert len(kept) == 1 and kept[0].suggestion_id == one.id
    statuses = {s.id: s.status for s in services.suggestions(case.id)}
    assert statuses[one.id] is SuggestionStatus.REJECTED


def test_undo_and_redo_restore_the_store(services, case_with_docs):
    case, _, _ = case_with_docs
    op = services.accept_preselected(case.id)
    assert [d.entity_type for d in services.decisions(case.id)] == [EntityType.CPR]
    inverse = services.undo(op)
    assert services.decisions(case.id) == []
    assert all(s.status is SuggestionStatus.PENDING for s in services.suggestions(case.id))
    services.undo(inverse)  # redo
    assert [d.entity_type for d in services.decisions(case.id)] == [EntityType.CPR]
    actions = [e.action for e in services.store.audit_events(case.id)]
    assert actions.count("decision.undo") == 2


def test_all_pre_selected_takes_the_related_forms_it_brings_in_one_undoable_operation(services):
    """Redacting a pre-selected name makes its related forms (its e-mail address's local part) open, pre-selected
    suggestions; "alle forvalgte" redacts those too, in the same operation, and one undo takes all of it back."""
    case = services.create_case("Sag", "Ole Olsen", "ofl7", date(2026, 11, 2))
    text = "Fra Mette Hansen mette@eksempel.dk om sagen"
    doc = services.store.add_documents(case.id, _doc(text), "t")[0]
    t = services.document_text(doc.id)
    i = t.index("Mette Hansen")
    services.review.add_suggestions(case.id, [Suggestion(case.id, doc.id, EntityType.PERSON, i, i + 12,
                                                         "Mette Hansen", 0.95, "ner", "ofl30_1", True,
                                                         entity_key="PERSON:mette hansen")], "t")
    before = services.suggestions(case.id)
    op = services.accept_preselected(case.id)
    after = services.suggestions(case.id)
    assert [s for s in after if s.status is SuggestionStatus.PENDING and s.preselected] == []
    assert len(after) > len(before)  # the related form was found ...
    assert {s.status for s in after} == {SuggestionStatus.ACCEPTED}  # ... and redacted with it
    local = next(s for s in after if s.text.lower() == "mette" and s.detector.startswith("propagation"))
    assert t[local.start:local.end] == "mette"
    assert op.description == "Overstreg 2 forekomster"
    services.undo(op)
    assert services.decisions(case.id) == []
    assert [(s.id, s.status) for s in services.suggestions(case.id)] == [(before[0].id, SuggestionStatus.PENDING)]
    # nothing pre-selected left: said, not an error
    services.reject([before[0].id])
    assert services.accept_preselected(case.id).description == "Ingen forvalgte forslag"


def test_manual_text_and_area_redactions(services, case_with_docs):
    case, d1, d2 = case_with_docs
    op = services.redact_text(d1.id, 0, 5, "ofl30_1")
    # the selected "Mette" is redacted where it stands alone elsewhere in the case too (as a word only)
    assert sorted((s.document_id, s.text) for s in op.added_suggestions) == [(d1.id, "Mette"), (d2.id, "Mette")]
    services.redact_area(d1.id, 1, Rect(100, 100, 200, 150), "ofl30_1", reason="Underskrift")
    kinds = sorted(d.kind.value for d in services.decisions(case.id))
    assert kinds == [DecisionKind.AREA.value] + [DecisionKind.SPAN.value] * 3
    with pytest.raises(ServiceError, match="side 9"):
        services.redact_area(d1.id, 9, Rect(1, 1, 2, 2), "ofl30_1")
    with pytest.raises(ServiceError, match="uden for"):
        services.redact_text(d1.id, 0, 10_000, "ofl30_1")


def test_redact_everywhere_finds_every_occurrence(services, case_with_docs):
    case, _, _ = case_with_docs
    op = services.redact_everywhere(case.id, "mette   hansen", "ofl30_1")
    assert len(op.created) == 3
    with pytest.raises(ServiceError, match="ikke fundet"):
        services.redact_everywhere(case.id, "Findes ikke", "ofl30_1")
    with pytest.raises(ServiceError, match="Mønsteret"):
        services.redact_everywhere(case.id, "(", "ofl30_1", regex=True)


def test_accept_without_any_ground_is_refused(services, case_with_docs):
    case, d1, _ = case_with_docs
    services.review.add_suggestions(case.id, [Suggestion(case.id, d1.id, EntityType.CVR, 0, 5, "Mette", 0.5, "cvr",
                                                          None, False)], "t")
    cvr = next(s for s in services.suggestions(case.id) if s.entity_type is EntityType.CVR)
    with pytest.raises(ServiceError, match="hjemmel"):
        services.accept([cvr.id])
    op = services.accept([cvr.id], ground_id="ofl30_2")
    assert op.created[0].ground_id == "ofl30_2"


def test_document_access_and_page_withhold(services, case_with_docs):
    case, d1, _ = case_with_docs
    with pytest.raises(ServiceError):
        services.set_document_access(d1.id, AccessType.WITHHELD)
    doc = services.set_document_access(d1.id, "withheld", ["ofl23_1_1"], "Internt dokument; § 26 overvejet")
    assert doc.access is AccessType.WITHHELD and doc.access_grounds == ["ofl23_1_1"]
    services.withhold_page(d1.id, 1, "ofl30_1")
    assert services.document_pages(d1.id)[0].withheld_ground == "ofl30_1"
    services.withhold_page(d1.id, 1, None)
    assert not services.document_pages(d1.id)[0].withheld
    actions = [e.action for e in services.store.audit_events(case.id)]
    assert {"document.access", "page.withhold", "page.release"} <= set(actions)


def test_document_and_page_decisions_undo_and_redo(services, case_with_docs):
    case, d1, _ = case_with_docs
    services.set_document_access(d1.id, "partial", ["ofl30_1"], "Navn på en privat person.")
    op = services.decide_document(d1.id, "withheld", ["ofl23_1_1"], "Internt dokument")
    assert op.access_after[d1.id].access is AccessType.WITHHELD and not op.empty
    inverse = services.undo(op)
    doc = services.document(d1.id)
    assert (doc.access, doc.access_grounds, doc.access_reason) == (AccessType.PARTIAL, ["ofl30_1"],
                                                                   "Navn på en privat person.")
    services.undo(inverse)  # redo
    doc = services.document(d1.id)
    assert (doc.access, doc.access_grounds, doc.access_reason) == (AccessType.WITHHELD, ["ofl23_1_1"],
                                                                   "Internt dokument")
    # the same decision again changes nothing and is nothing to undo
    assert services.decide_document(d1.id, "withheld", ["ofl23_1_1"], "Internt dokument").empty

    actions = [e.action for e in services.store.audit_events(case.id)]
    assert actions.count("document.access.undo") == 2
    assert "decision.undo" not in actions  # no empty decision event for a document-only undo

    # withholding a page settles the open suggestions on it; undo opens them again
    open_ids = {s.id for s in services.suggestions(case.id, d1.id) if s.status is SuggestionStatus.PENDING}
    page_op = services.withhold_page(d1.id, 1, "ofl30_1")
    assert page_op.pages_after == {(d1.id, 1): "ofl30_1"}
    assert set(page_op.status_after) == open_ids and {d.ground_id for d in page_op.created} == {"ofl30_1"}
    page_inverse = services.undo(page_op)
    assert not services.document_pages(d1.id)[0].withheld
    assert {s.id for s in services.suggestions(case.id, d1.id) if s.status is SuggestionStatus.PENDING} == open_ids
    services.undo(page_inverse)
    assert services.document_pages(d1.id)[0].withheld_ground == "ofl30_1"


def test_import_can_be_cancelled_between_and_inside_files(services, tmp_path):
    from aktindsigt.core.progress import CancelToken

    for i in range(3):
        (tmp_path / f"n{i}.txt").write_text(f"Notat {i}", encoding="utf-8")
    case = services.create_case("Sag", "X", "ofl7", date(2026, 11, 2))
    token = CancelToken()

    def progress(done, total, message):
        if done == 1:
            token.cancel()

    summary = services.import_paths(case.id, [tmp_path], progress=progress, cancel=token)
    assert summary.cancelled
    assert len(services.case_detail(case.id).documents) == 1  # the first file only; nothing half-written
    token2 = CancelToken()
    token2.cancel()
    summary = services.import_paths(case.id, [tmp_path / "n2.txt"], cancel=token2)
    assert summary.cancelled and summary.documents == []
