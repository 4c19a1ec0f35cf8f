"""Plain text (.txt) and HTML.

For ``.txt`` the document text is exactly the decoded file content (newlines
normalised to ``\\n``): the content is laid out in a monospace font on A4
pages, and the words carry offsets into the original content, so each page
text is a slice of it and ``"".join(page texts) == content``.
"""

from __future__ import annotations

import re
from pathlib import Path

from aktindsigt.core.model import Page, Rect, Word
from aktindsigt.ingest.base import IngestedDocument
from aktindsigt.ingest.layout import A4, Block, DocText, font, pdf_page_lines, render_blocks, save_atomic
from aktindsigt.ingest.registry import IngestContext, IngestError, register
from aktindsigt.pdflib import pymupdf

MAX_TEXT_BYTES = 50_000_000

# monospace layout of .txt files
FONT_NAME = "cour"
FONT_SIZE = 9.5
LEADING = 12.5
MARGIN_X = 50.0
MARGIN_Y = 50.0
TAB = 4


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM dropped), else cp1252 (else latin-1); newlines normalised to ``\\n``."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
        return text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_limited(path: Path, limit: int = MAX_TEXT_BYTES) -> bytes:
    size = path.stat().st_size
    if size > limit:
        raise IngestError(
            f"Tekstfilen er for stor ({size / 1e6:.0f} MB); grænsen er {limit / 1e6:.0f} MB", "text too large"
        )
    return path.read_bytes()


@register([".txt", ".text", ".log", ".csv", ".md", ".ics", ".vcf", ".xml", ".json"], "text")
def ingest_txt(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    content = decode_text(read_limited(doc.source_path))
    target = ctx.new_path(Path(doc.source_name).stem or "tekst", ".pdf")
    pages = layout_plain_text(content, target, max_pages=ctx.options.max_pages)
    doc.rendition = target
    doc.pages = pages
    doc.text = content


def _visual_lines(content: str, cols: int) -> list[tuple[int, int]]:
    """(start, end) offsets of each displayed line; long lines wrap at whitespace if possible."""
    out: list[tuple[int, int]] = []
    pos = 0
    for src in content.split("\n"):
        start, end = pos, pos + len(src)
        pos = end + 1
        if not src:
            out.append((start, start))
            continue
        s = start
        while s < end:
            col, i, last_break = 0, s, -1
            while i < end:
                ch = content[i]
                w = TAB - col % TAB if ch == "\t" else 1
                if col + w > cols:
                    break
                col += w
                if ch in " \t":
                    last_break = i + 1
                i += 1
            if i < end and last_break > s:
                i = last_break
            out.append((s, i))
            s = i
    return out


def layout_plain_text(content: str, target: Path, max_pages: int = 100_000,
                      page_size: tuple[float, float] = A4) -> list[Page]:
    """Draw ``content`` on monospace pages into ``target``; words with offsets into ``content``."""
    width, height = page_size
    fnt = font(FONT_NAME)
    cw = fnt.text_length("x", FONT_SIZE)
    cols = max(int((width - 2 * MARGIN_X) // cw), 10)
    per_page = max(int((height - 2 * MARGIN_Y) // LEADING), 1)
    vlines = _visual_lines(content, cols)
    asc, desc = fnt.ascender * FONT_SIZE, fnt.descender * FONT_SIZE
    n_pages = max((len(vlines) + per_page - 1) // per_page, 1)
    if n_pages > max_pages:
        raise IngestError(f"Tekstfilen fylder {n_pages} sider; grænsen er {max_pages}", "too many pages")
    pdf = pymupdf.open()
    pages: list[Page] = []
    word_re = re.compile(r"\S+")
    try:
        for p in range(n_pages):
            chunk = vlines[p * per_page:(p + 1) * per_page]
            page = pdf.new_page(width=width, height=height)
            tw = pymupdf.TextWriter(page.rect)
            words: list[Word] = []
            for li, (s, e) in enumerate(chunk):
                baseline = MARGIN_Y + asc + li * LEADING
                seg = content[s:e]
                display: list[str] = []
                col_of: list[int] = []
                col = 0
                for ch in seg:
                    col_of.append(col)
                    if ch == "\t":
                        n = TAB - col % TAB
                        display.append(" " * n)
                        col += n
                    else:
                        display.append(ch if ch.isprintable() else " ")
                        col += 1
                col_of.append(col)
                line_text = "".join(display).rstrip()
                if line_text:
                    tw.append((MARGIN_X, baseline), line_text, font=fnt, fontsize=FONT_SIZE)
                for m in word_re.finditer(seg):
                    x0 = MARGIN_X + col_of[m.start()] * cw
                    x1 = MARGIN_X + col_of[m.end()] * cw
                    words.append(Word(m.group(), Rect(x0, baseline - asc, x1, baseline - desc),
                                      s + m.start(), s + m.end(), li))
            tw.write_text(page)
            start = chunk[0][0] if chunk else 0
            end = vlines[(p + 1) * per_page][0] if (p + 1) * per_page < len(vlines) else len(content)
            if p == 0:
                start = 0
            pages.append(Page(p + 1, width, height, start, end, words))
        pdf.subset_fonts()
        save_atomic(pdf, target, garbage=3, deflate=True)
    finally:
        pdf.close()
    return pages


# ----------------------------------------------------------------------- HTML

_BLOCK_TAGS = {
    "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
    "blockquote", "pre", "section", "article", "header", "footer", "hr", "dd", "dt",
}


def html_to_text(html: str) -> tuple[str, str]:
    """(title, text) of an HTML document: block elements become lines, scripts and styles dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for tag in soup(["script", "style", "head", "noscript", "template"]):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.name == "br":
            tag.replace_with("\n")
        elif tag.name in _BLOCK_TAGS:
            tag.insert_before("\n")
            tag.insert_after("\n")
        elif tag.name in ("td", "th"):
            tag.insert_after("  ")
    raw = soup.get_text()
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return title, "\n".join(out).strip("\n")


def rendered_pdf_document(ctx: IngestContext, doc: IngestedDocument, blocks: list[Block], stem: str,
                          footer: str = "") -> None:
    """Draw ``blocks`` into a new rendition and read pages/words back from it."""
    pdf = pymupdf.open()
    try:
        render_blocks(pdf, blocks, footer=footer)
        if pdf.page_count > ctx.options.max_pages:
            raise IngestError(
                f"Dokumentet fylder {pdf.page_count} sider; grænsen er {ctx.options.max_pages}", "too many pages"
            )
        pdf.subset_fonts()
        target = ctx.new_path(stem or "dokument", ".pdf")
        save_atomic(pdf, target, garbage=3, deflate=True)
    finally:
        pdf.close()
    dt = DocText()
    with pymupdf.open(target) as out:
        for page in out:
            dt.add_lines(page.rect.width, page.rect.height, pdf_page_lines(page))
    doc.rendition = target
    doc.pages = dt.pages
    doc.text = dt.text


@register([".html", ".htm", ".xhtml"], "html")
def ingest_html(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    data = read_limited(doc.source_path)
    html = decode_html(data)
    title, text = html_to_text(html)
    if title:
        doc.title = title
    blocks = ([Block(title, "title"), Block("", "gap")] if title else []) + [
        Block(line, "body") if line else Block("", "gap") for line in text.split("\n")
    ]
    rendered_pdf_document(ctx, doc, blocks, Path(doc.source_name).stem)
    doc.approximate = True
    doc.warnings.append("HTML-filen er vist som tekst uden det oprindelige layout og uden billeder.")


def decode_html(data: bytes) -> str:
    m = re.search(rb"""charset\s*=\s*["']?([\w-]+)""", data[:4096], re.I)
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return decode_text(data)
