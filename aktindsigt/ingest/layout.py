"""Building pages of words, and drawing plain text into PDF pages.

The document text is the concatenation of page texts. For text taken from a
PDF (its text layer or OCR) a page's text is built from its words: the words
of one line separated by single spaces, each line ending with ``"\\n"``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from aktindsigt.core.model import Page, Rect, Word
from aktindsigt.pdflib import pymupdf

LineWords = list[tuple[str, Rect]]

A4 = (595.0, 842.0)
# ligatures expanded ("ﬁ" → "fi") so the text reads as typed
WORD_FLAGS = pymupdf.TEXTFLAGS_WORDS & ~pymupdf.TEXT_PRESERVE_IMAGES & ~pymupdf.TEXT_PRESERVE_LIGATURES


class DocText:
    """Accumulates pages and the document text, keeping offsets consistent."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self._parts: list[str] = []
        self.offset = 0

    def add_lines(self, width: float, height: float, lines: list[LineWords], ocr: bool = False) -> Page:
        number = len(self.pages) + 1
        start = self.offset
        words: list[Word] = []
        parts: list[str] = []
        pos = start
        line_no = 0
        for line in lines:
            first = True
            for t, r in line:
                if not t:
                    continue
                if not first:
                    parts.append(" ")
                    pos += 1
                first = False
                n = len(t)
                words.append(Word(t, r, pos, pos + n, line_no))
                parts.append(t)
                pos += n
            if first:
                continue  # an empty line
            parts.append("\n")
            pos += 1
            line_no += 1
        text = "".join(parts)
        page = Page(number, width, height, start, start + len(text), words, ocr=ocr)
        self.add_page(page, text)
        return page

    def add_page(self, page: Page, text: str) -> None:
        assert page.text_start == self.offset and page.text_end == self.offset + len(text)
        self.pages.append(page)
        self._parts.append(text)
        self.offset += len(text)

    @property
    def text(self) -> str:
        return "".join(self._parts)


def pdf_page_lines(page: pymupdf.Page) -> list[LineWords]:
    """The words of a PDF page's text layer, grouped by line, in content order."""
    lines: dict[tuple[int, int], LineWords] = {}
    for x0, y0, x1, y1, text, block, line, _ in page.get_text("words", flags=WORD_FLAGS):
        text = text.replace("\u00ad", "")  # soft hyphen: invisible, would break offsets vs. display
        if not text.strip():
            continue
        out = lines.setdefault((block, line), [])
        if _SPACE.search(text):  # e.g. no-break spaces: split, boxes shared proportionally
            n = len(text)
            for m in _NON_SPACE.finditer(text):
                out.append((m.group(), Rect(x0 + (x1 - x0) * m.start() / n, y0, x0 + (x1 - x0) * m.end() / n, y1)))
        else:
            out.append((text, Rect(x0, y0, x1, y1)))
    return list(lines.values())


_NON_SPACE = re.compile(r"\S+")
_SPACE = re.compile(r"\s")


def save_atomic(pdf: pymupdf.Document, target: Path, **kwargs) -> None:
    """Save to a temporary name and rename: a crash never leaves half a rendition."""
    tmp = target.with_name(target.name + ".part")
    try:
        pdf.save(tmp, **kwargs)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


# ----------------------------------------------------------------- drawing text

_FONTS: dict[str, pymupdf.Font] = {}


def font(name: str) -> pymupdf.Font:
    """Base-14 look-alike fonts (embedded as Unicode fonts by TextWriter): helv, hebo, cour."""
    if name not in _FONTS:
        _FONTS[name] = pymupdf.Font(name)
    return _FONTS[name]


@dataclass
class Block:
    """A paragraph to draw: ``style`` is title, label (``label`` in bold then text), body, small, rule, gap."""

    text: str = ""
    style: str = "body"
    label: str = ""


_STYLES = {  # font, size, leading
    "title": ("hebo", 14.0, 19.0),
    "label": ("helv", 10.0, 14.0),
    "body": ("helv", 10.5, 14.5),
    "small": ("helv", 8.5, 12.0),
    "mono": ("cour", 9.5, 13.0),
}


_ADVANCES: dict[tuple[int, str], float] = {}


def text_width(fnt: pymupdf.Font, text: str, size: float) -> float:
    """``fnt.text_length(text, size)`` from cached advances of single characters: the same sum,
    without a call into MuPDF per word (wrapping a mail to 20,000 recipients took 16 s)."""
    key = id(fnt)
    total = 0.0
    for ch in text:
        adv = _ADVANCES.get((key, ch))
        if adv is None:
            adv = _ADVANCES[(key, ch)] = fnt.text_length(ch, 1.0)
        total += adv
    return total * size


def wrap_words(words: list[str], fnt: pymupdf.Font, size: float, width: float) -> list[list[str]]:
    """Greedy line breaking; a word longer than a line is cut into pieces."""
    lines: list[list[str]] = []
    cur: list[str] = []
    cur_w = 0.0
    space = text_width(fnt, " ", size)
    for w in words:
        ww = text_width(fnt, w, size)
        while ww > width and len(w) > 1:  # hard-break a very long token
            if cur:
                lines.append(cur)
                cur, cur_w = [], 0.0
            n = len(w)
            while n > 1 and text_width(fnt, w[:n], size) > width:
                n = max(1, int(n * width / text_width(fnt, w[:n], size)) if n > 8 else n - 1)
            lines.append([w[:n]])
            w = w[n:]
            ww = text_width(fnt, w, size)
        if cur and cur_w + space + ww > width:
            lines.append(cur)
            cur, cur_w = [], 0.0
        cur_w = cur_w + (space if cur else 0.0) + ww
        cur.append(w)
    if cur:
        lines.append(cur)
    return lines


def render_blocks(pdf: pymupdf.Document, blocks: list[Block], page_size: tuple[float, float] = A4,
                  margin: float = 56.0, footer: str = "") -> None:
    """Draw ``blocks`` onto new A4 pages of ``pdf`` (text stays extractable as normal text)."""
    width, height = page_size
    usable = width - 2 * margin
    state: dict = {"page": None, "tw": None, "y": 0.0}

    def new_page() -> None:
        flush()
        page = pdf.new_page(width=width, height=height)
        state["page"], state["tw"], state["y"] = page, pymupdf.TextWriter(page.rect), margin

    def flush() -> None:
        if state["page"] is not None:
            state["tw"].write_text(state["page"])
            if footer:
                n = pdf.page_count
                ftw = pymupdf.TextWriter(state["page"].rect)
                ftw.append((margin, height - margin / 2), f"{footer} – side {n}", font=font("helv"), fontsize=7.5)
                ftw.write_text(state["page"], color=(0.4, 0.4, 0.4))
            state["page"] = None

    def ensure(lead: float) -> None:
        if state["page"] is None or state["y"] + lead > height - margin:
            new_page()

    for b in blocks:
        if b.style == "gap":
            if state["page"] is not None:
                state["y"] += 7
            continue
        if b.style == "rule":
            ensure(10)
            y = state["y"] + 4
            state["page"].draw_line((margin, y), (width - margin, y), color=(0.5, 0.5, 0.5), width=0.6)
            state["y"] += 10
            continue
        fname, size, lead = _STYLES.get(b.style, _STYLES["body"])
        fnt = font(fname)
        label_w = 0.0
        if b.label:
            label_w = text_width(font("hebo"), b.label + " ", size)
        words = b.text.split()
        if not words and not b.label:
            ensure(lead)
            state["y"] += lead * 0.6
            continue
        lines = wrap_words(words, fnt, size, usable - label_w) or [[]]
        for i, line in enumerate(lines):
            ensure(lead)
            baseline = state["y"] + size
            if i == 0 and b.label:
                state["tw"].append((margin, baseline), b.label, font=font("hebo"), fontsize=size)
            if line:
                state["tw"].append((margin + label_w, baseline), " ".join(line), font=fnt, fontsize=size)
            state["y"] += lead
    if state["page"] is None:
        new_page()
    flush()


def text_blocks(text: str, style: str = "body") -> list[Block]:
    """One Block per line of ``text`` (blank lines become small gaps)."""
    out: list[Block] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        out.append(Block(line, style) if line.strip() else Block("", "gap"))
    return out
