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


# ------------------------------------------------------------------ one box per region


@dataclass(frozen=True, slots=True)
class Region:
    """Boxes merged into one painted region: its page, the union rectangle, ``area`` when any member
    is an area box, and the indexes of the member boxes in the input."""

    page: int
    rect: Rect
    kind: str
    members: tuple[int, ...]


TOUCH = 1.0  # points: boxes closer than this touch


def _mergeable(a: Rect, b: Rect) -> bool:
    if a.x0 > b.x1 + TOUCH or b.x0 > a.x1 + TOUCH or a.y0 > b.y1 + TOUCH or b.y0 > a.y1 + TOUCH:
        return False
    overlap_h = min(a.y1, b.y1) - max(a.y0, b.y0)
    if overlap_h >= 0.5 * min(a.height, b.height):
        return True  # side by side on one line, or on top of each other
    ix = max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0))
    iy = max(0.0, overlap_h)
    smaller = min(a.width * a.height, b.width * b.height) or 1e-9
    return ix * iy >= 0.5 * smaller  # one mostly covers the other


def merge_regions(boxes: Sequence[tuple[int, Rect, str]]) -> list[Region]:
    """One region per group of overlapping or touching boxes ``(page, rect, kind)``.

    Two boxes merge when they touch and stand on the same line (their heights overlap by half the
    smaller one) or one mostly covers the other; boxes of neighbouring lines that only touch stay apart
    (their union would paint over the text between them).  Merging repeats until nothing changes,
    since a union may reach further boxes."""
    by_page: dict[int, list[int]] = {}
    for i, (page, _r, _k) in enumerate(boxes):
        by_page.setdefault(page, []).append(i)
    out: list[Region] = []
    for page, idxs in sorted(by_page.items()):
        groups: list[tuple[Rect, str, list[int]]] = [(boxes[i][1], boxes[i][2], [i]) for i in idxs]
        changed = True
        while changed:
            changed = False
            merged: list[tuple[Rect, str, list[int]]] = []
            for rect, kind, members in sorted(groups, key=lambda g: (g[0].y0, g[0].x0)):
                for k, (r2, k2, m2) in enumerate(merged):
                    if _mergeable(rect, r2):
                        merged[k] = (r2.union(rect), "area" if "area" in (kind, k2) else "text", m2 + members)
                        changed = True
                        break
                else:
                    merged.append((rect, kind, members))
            groups = merged
        out.extend(Region(page, r, k, tuple(sorted(m))) for r, k, m in groups)
    return out


def combine_labels(labels: Sequence[str]) -> str:
    """The labels of merged boxes as one: unique, in natural order ("§ 29, § 30, nr. 1")."""
    import re

    def natural(s: str) -> list:
        return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", s)]

    return ", ".join(sorted(dict.fromkeys(lab for lab in labels if lab), key=natural))
