"""Helpers for the team-store tests: two users on one store, a case with suggestions, no ingest needed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from aktindsigt.core.model import Case, Document, EntityType, Page, Rect, Regime, Suggestion, Word
from aktindsigt.services import Services
from aktindsigt.store.store import NewDocument, Store


def user(url: str, blobs: Path, name: str, role: str = "sagsbehandler") -> Services:
    """A user's own services object over its own engine (as a separate workstation would have)."""
    svc = Services(Store(url, blobs), user=name, login=name.split()[0].lower())
    if role != "sagsbehandler":
        svc.set_user_profile(role=role)
    return svc


def text_document(words: list[str]) -> tuple[str, Page]:
    text, out, x = "", [], 10.0
    for w in words:
        start = len(text)
        text += w + " "
        out.append(Word(w, Rect(x, 10, x + 6 * len(w), 20), start, start + len(w), 0))
        x += 6 * len(w) + 4
    text = text.rstrip() + "\n"
    return text, Page(1, 595, 842, 0, len(text), out)


def case_with_suggestions(svc: Services, n: int, title: str = "Sag") -> tuple[int, list[int]]:
    """A case with one document and ``n`` pending PERSON suggestions; returns (case id, suggestion ids)."""
    store = svc.store
    case = store.create_case(Case(title=title, requester_name="Ole Jensen", regime=Regime.OFL7,
                                  received=date(2026, 1, 5)), svc.user)
    names = [f"Navn{i:03d}" for i in range(n)]
    text, page = text_document(names)
    sha, size, _ = store.blobs.put_bytes(text.encode())
    doc = Document(case_id=case.id, akt_nr=0, title="Notat", source_name="notat.txt", source_sha256=sha)
    [d] = store.add_documents(case.id, NewDocument(doc, [page], text, source_size=size), svc.user)
    sugg = [Suggestion(case_id=case.id, document_id=d.id, entity_type=EntityType.PERSON, start=w.start, end=w.end,
                       text=w.text, score=0.9, detector="test", ground_id="ofl30_1", preselected=False,
                       entity_key=f"PERSON:{w.text.lower()}") for w in page.words]
    added = svc.review.add_suggestions(case.id, sugg, svc.user)
    return case.id, [s.id for s in added]
