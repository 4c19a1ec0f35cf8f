from __future__ import annotations

import pytest

from aktindsigt.core.geometry import span_rects
from aktindsigt.core.model import Rect
from aktindsigt.ingest import tools
from aktindsigt.ingest.base import IngestedDocument


def check_offsets(doc: IngestedDocument) -> None:
    """The contract: text = concatenation of page texts; words ordered and pointing into it."""
    assert not doc.failed, doc.failure_detail
    assert doc.rendition is not None and doc.rendition.is_file()
    pos = 0
    for i, page in enumerate(doc.pages, 1):
        assert page.number == i
        assert page.text_start == pos
        assert page.text_end >= page.text_start
        pos = page.text_end
        last = -1
        for w in page.words:
            assert w.start >= last, "words must be ordered by offset"
            assert page.text_start <= w.start < w.end <= page.text_end
            assert doc.text[w.start:w.end] == w.text
            last = w.end
    assert pos == len(doc.text)


def phrase_rect(doc: IngestedDocument, phrase: str, occurrence: int = 0) -> tuple[int, Rect]:
    """Page number and union rect of the words covering ``phrase`` in the document text."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(phrase, start + 1)
    rects = span_rects(doc.pages, start, start + len(phrase), partial_words=False)
    assert rects, phrase
    assert len({r.page for r in rects}) == 1
    r = rects[0].rect
    for pr in rects[1:]:
        r = r.union(pr.rect)
    return rects[0].page, r


def contains(outer: Rect, inner, tol: float = 1.5) -> bool:
    return (outer.x0 - tol <= inner.x0 and outer.y0 - tol <= inner.y0 and inner.x1 <= outer.x1 + tol
            and inner.y1 <= outer.y1 + tol)


needs_tesseract = pytest.mark.skipif(
    not tools.tesseract_status().available, reason="Tesseract with Danish data is not installed"
)
needs_libreoffice = pytest.mark.skipif(
    not tools.libreoffice_status().available, reason="LibreOffice (soffice) is not installed"
)


@pytest.fixture
def no_tesseract(monkeypatch):
    missing = tools.ToolStatus("Tesseract", False, "tesseract blev ikke fundet (test)", tools.TESSERACT_CONSEQUENCE)
    monkeypatch.setattr(tools, "tesseract_status", lambda language="dan": missing)
    return missing


@pytest.fixture
def no_libreoffice(monkeypatch):
    missing = tools.ToolStatus("LibreOffice", False, "soffice blev ikke fundet (test)", tools.LIBREOFFICE_CONSEQUENCE)
    monkeypatch.setattr(tools, "libreoffice_status", lambda: missing)
    return missing


def word_recall(expected: str, got: str) -> float:
    exp = expected.lower().split()
    have = set(got.lower().split())
    return sum(1 for w in exp if w in have) / len(exp)
