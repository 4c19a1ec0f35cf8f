"""Mapping character spans of a document's text back to rectangles on its pages."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from aktindsigt.core.model import Page, Rect, Word


@dataclass(frozen=True, slots=True)
class PageRect:
    page: int  # 1-based page number
    rect: Rect


def words_in_span(page: Page, start: int, end: int) -> list[Word]:
    """Words of ``page`` that overlap the character span [start, end)."""
    if end <= page.text_start or start >= page.text_end or not page.words:
        return []
    starts = [w.start for w in page.words]
    # words are ordered by offset; begin at the last word starting before ``start``
    i = max(bisect.bisect_right(starts, start) - 1, 0)
    out: list[Word] = []
    for w in page.words[i:]:
        if w.start >= end:
            break
        if w.end > start:
            out.append(w)
    return out


def span_rects(pages: Sequence[Page], start: int, end: int, partial_words: bool = True) -> list[PageRect]:
    """Rectangles covering [start, end): one per page line the span touches.

    A span that crosses lines or pages gives several rectangles. When the span
    covers only part of a word (``partial_words``), the rectangle is narrowed
    proportionally to the characters covered, so neighbouring text survives.
    """
    result: list[PageRect] = []
    for page in pages:
        if end <= page.text_start or start >= page.text_end:
            continue
        by_line: dict[int, Rect] = {}
        for w in words_in_span(page, start, end):
            r = w.rect
            if partial_words and (w.start < start or w.end > end) and w.end > w.start:
                n = w.end - w.start
                cw = r.width / n
                a = max(start, w.start) - w.start
                b = min(end, w.end) - w.start
                r = Rect(r.x0 + a * cw, r.y0, r.x0 + b * cw, r.y1)
            by_line[w.line] = by_line[w.line].union(r) if w.line in by_line else r
        result.extend(PageRect(page.number, rect) for _, rect in sorted(by_line.items()))
    return result


def page_of_offset(pages: Sequence[Page], offset: int) -> int | None:
    """1-based page number whose text contains ``offset``."""
    for page in pages:
        if page.text_start <= offset < page.text_end:
            return page.number
    return None
