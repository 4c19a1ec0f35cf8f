"""One normalised view of a document's text, shared by every finder (detection, propagation,
search, verification), with an exact map back to the document text.

    view = TextView.build(text, pages)        # pages (word maps) optional
    view.text                                 # what the finders read
    a, b = view.to_source(start, end)         # a span of the view -> offsets in ``text``
    s, e = view.from_source(a, b)             # a span of ``text`` -> the view span covering it

What the view normalises (every character of the view knows the source characters it stands for):

* **line breaks**: a line break inside running text (the line is full: the next line's first
  word would not have fitted on it, the next line starts below it at the left edge of the same
  column, no paragraph gap) becomes one space; any other line break — between table rows, cells
  side by side, columns, short lines, paragraphs — becomes a *hard break* ``"\\n"``, which no
  finder matches across.  Between pages the same rule joins the last line of a page and the
  first line of the next.  Without a word map (plain texts) the same test is made on character
  counts;
* **end-of-line hyphenation**: ``Kløvermarks-`` + ``vej`` across a soft break reads
  ``Kløvermarksvej``; the hyphen of a real compound stays (``Hansen-`` + ``Nielsen``,
  ``SFO-`` + ``leder``, ``e-`` + ``mail``, a digit before or after), and ``social-`` + ``og``
  keeps the hyphen and the space;
* **gaps on a line**: words on one line separated by a gap wider than 1.5 line heights (table
  cells, tab stops) get a hard break between them, so two numbers in neighbouring cells never
  read as one;
* soft hyphens and zero-width characters are dropped; runs of spaces, tabs and no-break spaces
  become one space (in plain texts a tab or 3+ spaces is a hard break: columns); typographic
  hyphens become ``-``, typographic apostrophes ``'``; ligatures (``ﬁ``) are spelt out.

Offsets: ``view.starts[k]`` / ``view.ends[k]`` are the source offsets of view character ``k``
(a space standing for a run of whitespace maps to the whole run, the two letters of an expanded
ligature to the same source character).
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from aktindsigt.core.model import Page, Word

HARD = "\n"

_SPECIAL = re.compile(
    r"(?P<ws>[ \t\r\n\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+)"
    r"|(?P<drop>[\u00ad\u200b-\u200d\u2060\ufeff]+)"
    r"|(?P<lig>[\ufb00-\ufb06])"
    r"|(?P<hy>[\u2010\u2011\u2012\u2212])"
    r"|(?P<ap>[\u2018\u2019\u02bc])"
)
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
              "\ufb06": "st"}
#: after "social-" at a line end these words mean the hyphen stands for an elided word
_ELISION_NEXT = frozenset({"og", "eller", "samt", "til", "el.", "and", "or"})

# geometry thresholds, in line heights
GAP_HARD = 1.5  # a horizontal gap wider than this between two words on a line is a cell boundary
PARAGRAPH_GAP = 1.0  # a vertical gap wider than this between two lines is a paragraph
PARAGRAPH_EXTRA = 0.35  # ... and so is one this much wider than the page's usual gap between lines
INDENT = 1.5  # the next line may start at most this far right of the line's start
NARROW = 0.4  # a column narrower than this share of the page width is a list or a table cell


@dataclass(slots=True)
class _Line:
    page: int
    page_width: float
    x0: float
    y0: float
    x1: float
    y1: float
    first: Word
    last: Word

    @property
    def h(self) -> float:
        return max(self.y1 - self.y0, 1.0)


class TextView:
    """The normalised text of one document and its map to the document text (see the module doc)."""

    __slots__ = ("source", "text", "starts", "ends", "_folded")

    def __init__(self, source: str, text: str, starts: array, ends: array) -> None:
        self.source = source
        self.text = text
        self.starts = starts
        self.ends = ends
        self._folded: str | None = None

    def __len__(self) -> int:
        return len(self.text)

    @classmethod
    def build(cls, source: str, pages: Sequence[Page] | None = None, *, soft_lines: bool = False) -> TextView:
        """The view of ``source``; line breaks are judged by the word map of ``pages`` where it has the
        words, else by the character test.  ``soft_lines=True`` (texts without geometry searched for
        leaks: recall first) reads every single line break as a space."""
        breaks = _geometry_breaks(pages) if pages else {}
        return _emit(source, breaks, use_text_rule=not breaks and not soft_lines, all_soft=soft_lines and not breaks)

    @classmethod
    def identity(cls, source: str) -> TextView:
        n = len(source)
        return cls(source, source, array("l", range(n)), array("l", range(1, n + 1)))

    @property
    def folded(self) -> str:
        """The view in lower case, character for character (same length, same offsets)."""
        if self._folded is None:
            low = self.text.lower()
            if len(low) != len(self.text):
                low = "".join(c.lower() if len(c.lower()) == 1 else c for c in self.text)
            self._folded = low
        return self._folded

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of the view span [start, end)."""
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.source)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def from_source(self, start: int, end: int) -> tuple[int, int]:
        """The smallest view span whose source covers [start, end) as far as the view has characters there."""
        a = bisect.bisect_right(self.ends, start)
        b = bisect.bisect_left(self.starts, end)
        return a, max(a, b)

    def source_text(self, start: int, end: int) -> str:
        a, b = self.to_source(start, end)
        return self.source[a:b]

    def is_hard(self, pos: int) -> bool:
        return self.text[pos] == HARD


def normalised(text: str) -> str:
    """The view text of a plain string (no geometry; every single line break a space): how a value is
    compared."""
    return TextView.build(text, soft_lines=True).text.strip()


# ------------------------------------------------------------------ deciding the breaks


def _lines(pages: Sequence[Page]) -> list[_Line]:
    out: list[_Line] = []
    for page in pages:
        cur: _Line | None = None
        cur_line = None
        for w in page.words:
            r = w.rect
            if cur is not None and w.line == cur_line:
                cur.x0, cur.y0 = min(cur.x0, r.x0), min(cur.y0, r.y0)
                cur.x1, cur.y1 = max(cur.x1, r.x1), max(cur.y1, r.y1)
                cur.last = w
                continue
            cur = _Line(page.number, page.width or 595.0, r.x0, r.y0, r.x1, r.y1, w, w)
            cur_line = w.line
            out.append(cur)
    return out


def _geometry_breaks(pages: Sequence[Page]) -> dict[int, bool]:
    """Source offset of the whitespace after a word -> True when the break there is soft.

    Only whitespace between two words of the word map gets an entry."""
    lines = _lines(pages)
    breaks: dict[int, bool] = {}
    # words on one line: a wide gap (or a step backwards) is a cell boundary
    for page in pages:
        ws = page.words
        for a, b in zip(ws, ws[1:], strict=False):
            if a.line != b.line:
                continue
            h = max(a.rect.height, b.rect.height, 1.0)
            gap = b.rect.x0 - a.rect.x1
            if gap > GAP_HARD * h or b.rect.x1 < a.rect.x0 or abs(b.rect.y0 - a.rect.y0) > 0.6 * h:
                breaks[a.end] = False
    # one line to the next (also across pages)
    typical = _typical_gaps(lines)
    n = len(lines)
    for i in range(n - 1):
        la, lb = lines[i], lines[i + 1]
        breaks[la.last.end] = _soft(lines, i, la, lb, typical.get(la.page, 0.0))
    return breaks


def _typical_gaps(lines: list[_Line]) -> dict[int, float]:
    """Per page, the median vertical gap between a line and the line below it (in line heights)."""
    gaps: dict[int, list[float]] = {}
    for a, b in zip(lines, lines[1:], strict=False):
        if a.page == b.page and 0 < b.y0 - a.y0 < 2.5 * a.h:
            gaps.setdefault(a.page, []).append((b.y0 - a.y1) / a.h)
    out = {}
    for page, g in gaps.items():
        g.sort()
        out[page] = g[len(g) // 2]
    return out


def _right_edge(lines: list[_Line], i: int, a: _Line) -> float:
    """The right edge of the column ``a`` stands in: among its neighbours that start where it does, the
    longest, or in a longer paragraph the third longest (one or two lines that run long - a long word, a
    URL - do not move the edge)."""
    tol = 3 * a.h
    ends = sorted((o.x1 for o in lines[max(0, i - 15):i + 16]
                   if o.page == a.page and abs(o.x0 - a.x0) <= tol and o.x0 < a.x1), reverse=True)
    if not ends:
        return a.x1
    return ends[2] if len(ends) >= 6 else ends[0]


def _soft(lines: list[_Line], i: int, a: _Line, b: _Line, typical: float) -> bool:
    h = a.h
    if b.page == a.page:
        limit = min(PARAGRAPH_GAP, typical + PARAGRAPH_EXTRA) * h
        below = b.y0 >= a.y0 + 0.5 * h and (b.y0 - a.y1) <= limit
        if not below:
            return False
    elif b.page != a.page + 1:
        return False
    if b.x0 > a.x0 + INDENT * h or b.x0 < a.x0 - max(4 * h, 0.35 * (a.x1 - a.x0)):
        return False
    right = _right_edge(lines, i, a)
    if b.page != a.page:  # the next page's lines tell where its column ends
        right = max(right, _right_edge(lines, i + 1, b))
    first_w = b.first.rect.width
    full = a.x1 + 0.3 * h + first_w > right - 0.5 * h
    if not full:
        return False
    if max(right, a.x1) - a.x0 >= NARROW * a.page_width:
        return True
    # a narrow column (a list, a table cell): only a sentence that visibly goes on
    head = b.first.text[:1]
    tail = a.last.text[-1:]
    return head.isalpha() and head.islower() and (tail.isalpha() or tail in ",-\u00ad")


def _text_soft(source: str, nl: int) -> bool:
    """A line break in a text without geometry: soft when the line is full (same test on characters)."""
    ls = source.rfind("\n", 0, nl) + 1
    prev = source[ls:nl]
    le = source.find("\n", nl + 1)
    le = len(source) if le < 0 else le
    nxt = source[nl + 1:le]
    if not prev.strip() or not nxt.strip() or "\t" in prev or "\t" in nxt or "   " in prev.strip() \
            or "   " in nxt.strip() or nxt[:1].isspace():
        return False
    first = nxt.split(None, 1)[0]
    # the longest line of the paragraph around it (up to 8 lines each way, no blank line)
    longest = max(len(prev.rstrip()), len(nxt.rstrip()))
    pos = ls
    for _ in range(8):
        if pos <= 0:
            break
        s = source.rfind("\n", 0, pos - 1) + 1
        line = source[s:pos - 1]
        if not line.strip():
            break
        longest = max(longest, len(line.rstrip()))
        pos = s
    pos = le
    for _ in range(8):
        if pos >= len(source):
            break
        e = source.find("\n", pos + 1)
        e = len(source) if e < 0 else e
        line = source[pos + 1:e]
        if not line.strip():
            break
        longest = max(longest, len(line.rstrip()))
        pos = e
    return len(prev.rstrip()) + 1 + len(first) > longest - 1 and len(prev.strip()) >= 20


# ------------------------------------------------------------------ building the view


def _emit(source: str, breaks: dict[int, bool], use_text_rule: bool, all_soft: bool = False) -> TextView:
    out: list[str] = []
    starts = array("l")
    ends = array("l")
    pos = 0
    n = len(source)

    def plain(a: int, b: int) -> None:
        if b > a:
            out.append(source[a:b])
            starts.extend(range(a, b))
            ends.extend(range(a + 1, b + 1))

    def one(ch: str, a: int, b: int) -> None:
        out.append(ch)
        starts.append(a)
        ends.append(b)

    for m in _SPECIAL.finditer(source):
        a, b = m.start(), m.end()
        plain(pos, a)
        pos = b
        kind = m.lastgroup
        if kind == "drop":
            continue
        if kind == "lig":
            for ch in _LIGATURES[m.group()]:
                one(ch, a, b)
            continue
        if kind == "hy":
            one("-", a, b)
            continue
        if kind == "ap":
            one("'", a, b)
            continue
        # whitespace
        run = m.group()
        if a == 0 or b == n:
            one(HARD if "\n" in run else " ", a, b)
            continue
        nls = run.count("\n")
        soft = True
        if nls >= 2:
            soft = False
        elif nls == 1:
            nl = a + run.index("\n")
            if a in breaks or nl in breaks:
                soft = breaks.get(a, breaks.get(nl, False))
            else:
                soft = _text_soft(source, nl) if use_text_rule else all_soft
        else:
            if a in breaks:
                soft = breaks[a]
            elif use_text_rule and ("\t" in run or len(run) >= 3):
                soft = False
        if not soft:
            one(HARD, a, b)
            continue
        if nls == 0:
            one(" ", a, b)
            continue
        # a soft line break: a word hyphenated at the line end?
        join = _dehyphenate(source, a, b, out)
        if join == "join":  # the hyphen (the last view character) and the break go
            out[-1] = out[-1][:-1]
            starts.pop()
            ends.pop()
            continue
        if join in ("keep", "soft"):  # "Hansen-Nielsen", or a soft hyphen: the break goes
            continue
        one(" ", a, b)
    plain(pos, n)
    text = "".join(out)
    return TextView(source, text, starts, ends)


def _dehyphenate(source: str, a: int, b: int, out: list[str]) -> str:
    """At a soft line break [a, b): "join" (drop hyphen and break), "keep" (keep the hyphen, drop the
    break) or "" (not a hyphenated word)."""
    if a < 2 or b >= len(source):
        return ""
    if source[a - 1] == "\u00ad":
        return "soft"
    if not out or not out[-1].endswith("-"):
        return ""
    before = source[a - 2]
    after = source[b]
    if not before.isalpha():
        return "keep" if before.isdigit() and (after.isalnum()) else ""
    # the fragment before the hyphen
    k = a - 1
    while k > 0 and source[k - 1].isalpha():
        k -= 1
    frag = source[k:a - 1]
    nxt = re.match(r"\S+", source[b:])
    word = nxt.group(0).rstrip(".,;:)!?") if nxt else ""
    if word.lower() in _ELISION_NEXT:
        return ""  # "social- og sundhedsassistent": hyphen and space stay
    if not after.isalpha() or after.isupper() or after.isdigit():
        return "keep"
    if len(frag) <= 1 or (frag.isupper() and len(frag) >= 2) or any(c.isdigit() for c in frag):
        return "keep"
    return "join"


_CHUNK_END = frozenset("()<>[]{}\"'")


def in_address(text: str, start: int, end: int) -> bool:
    """[start, end) lies in a chunk without white space or brackets that is an e-mail address, a URL or a
    path (brackets end it: "(rose@x.dk)" is an address, "(hun rose.)Tj/F1" in a PDF stream is not)."""
    a = start
    while a > 0 and not text[a - 1].isspace() and text[a - 1] not in _CHUNK_END:
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace() and text[b] not in _CHUNK_END:
        b += 1
    chunk = text[a:b]
    return "@" in chunk or "/" in chunk or "\\" in chunk or chunk.lower().startswith("www.") or (
        "." in chunk.strip(".,;:!?)") and "_" in chunk)


def token_around(text: str, start: int, end: int) -> str:
    """The chunk without white space that holds [start, end) (an e-mail address, a URL, a word)."""
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace():
        b += 1
    return text[a:b]
