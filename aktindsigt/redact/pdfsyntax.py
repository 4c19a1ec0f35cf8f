"""Just enough PDF syntax: tokenising content streams and decoding PDF strings.

Used to drop hidden optional-content sections from content streams and by the
raw-object leak check in ``verify``.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

_WS = b" \t\r\n\f\x00"
_DELIM = b"()<>[]{}/%"


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "str", "hex", "name", "num", "op", "[", "]", "<<", ">>", "inline_image"
    start: int
    end: int
    value: bytes


def _read_literal(data: bytes, i: int) -> tuple[bytes, int]:
    """Decode a literal string starting at data[i] == '('; return (bytes, end index)."""
    out = bytearray()
    depth = 1
    i += 1
    n = len(data)
    while i < n:
        c = data[i]
        if c == 0x5C:  # backslash
            i += 1
            if i >= n:
                break
            e = data[i]
            simple = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
            if e in simple:
                out.append(simple[e])
                i += 1
            elif 0x30 <= e <= 0x37:
                j = i
                while j < n and j < i + 3 and 0x30 <= data[j] <= 0x37:
                    j += 1
                out.append(int(data[i:j], 8) & 0xFF)
                i = j
            elif e in (10, 13):  # line continuation
                i += 1
                if e == 13 and i < n and data[i] == 10:
                    i += 1
            else:
                out.append(e)
                i += 1
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), i + 1
        out.append(c)
        i += 1
    return bytes(out), n


def _hex(b: bytes) -> bytes:
    h = re.sub(rb"[^0-9A-Fa-f]", b"", b)
    if len(h) % 2:
        h += b"0"
    return bytes.fromhex(h.decode("ascii"))


def tokenize(data: bytes) -> Iterator[Token]:
    """Tokens of a content stream (or an object's source).  Tolerant of junk."""
    i = 0
    n = len(data)
    while i < n:
        c = data[i]
        if c in _WS:
            i += 1
            continue
        if c == 0x25:  # % comment
            j = i
            while j < n and data[j] not in (10, 13):
                j += 1
            i = j
            continue
        if c == 0x28:
            val, j = _read_literal(data, i)
            yield Token("str", i, j, val)
            i = j
            continue
        if c == 0x3C:  # <
            if i + 1 < n and data[i + 1] == 0x3C:
                yield Token("<<", i, i + 2, b"<<")
                i += 2
                continue
            j = data.find(b">", i)
            j = n if j < 0 else j + 1
            yield Token("hex", i, j, _hex(data[i + 1 : j - 1]))
            i = j
            continue
        if c == 0x3E:
            if i + 1 < n and data[i + 1] == 0x3E:
                yield Token(">>", i, i + 2, b">>")
                i += 2
            else:
                i += 1
            continue
        if c in (0x5B, 0x5D, 0x7B, 0x7D):
            yield Token(chr(c), i, i + 1, bytes([c]))
            i += 1
            continue
        if c == 0x2F:  # name
            j = i + 1
            while j < n and data[j] not in _WS and data[j] not in _DELIM:
                j += 1
            yield Token("name", i, j, data[i + 1 : j])
            i = j
            continue
        if c == 0x29:  # stray ')'
            i += 1
            continue
        j = i
        while j < n and data[j] not in _WS and data[j] not in _DELIM:
            j += 1
        word = data[i:j]
        if re.fullmatch(rb"[+-]?(\d+\.?\d*|\.\d+)", word):
            yield Token("num", i, j, word)
        else:
            yield Token("op", i, j, word)
            if word == b"ID":  # inline image data: skip to EI
                k = j + 1
                m = re.compile(rb"\sEI(?=[\s]|$)").search(data, k)
                end = m.end() if m else n
                yield Token("inline_image", j, end, b"")
                j = end
        i = j


def decode_pdf_string(b: bytes) -> str:
    """Best-effort text of a PDF string: UTF-16 with BOM, else PDFDoc/Latin-1."""
    if b.startswith(codecs.BOM_UTF16_BE):
        return b[2:].decode("utf-16-be", errors="replace")
    if b.startswith(codecs.BOM_UTF16_LE):
        return b[2:].decode("utf-16-le", errors="replace")
    if b.startswith(b"\xef\xbb\xbf"):
        return b[3:].decode("utf-8", errors="replace")
    return b.decode("latin-1")


def string_texts(data: bytes, content: bool = True) -> list[str]:
    """Texts carried by the strings of ``data``.

    ``content=True`` (a content stream): all strings of one BT..ET text object are
    joined, so "[(Han) -20 (sen)] TJ" yields "Hansen" even across font changes.
    ``content=False`` (an object's source): each dictionary value stands alone.
    Strings that look like two-byte text are additionally read as UTF-16BE.
    """
    texts: list[str] = []
    cur: list[bytes] = []

    def flush() -> None:
        if cur:
            raw = b"".join(cur)
            texts.append(decode_pdf_string(raw))
            if len(raw) % 2 == 0 and raw.count(0) * 4 >= len(raw):
                texts.append(raw.decode("utf-16-be", errors="ignore"))
            cur.clear()

    for tok in tokenize(data):
        if tok.kind in ("str", "hex"):
            if not content:
                cur.append(tok.value)
                flush()
            else:
                cur.append(tok.value)
        elif content and tok.kind == "op" and tok.value in (b"ET", b"BT"):
            flush()
    flush()
    return texts


def remove_marked_sections(data: bytes, hidden_tags: set[bytes]) -> tuple[bytes, int]:
    """Drop ``/OC /Tag BDC ... EMC`` sections whose property name is in ``hidden_tags``.

    Returns the new stream and the number of sections removed.
    """
    toks = list(tokenize(data))
    out = bytearray()
    pos = 0
    removed = 0
    i = 0
    n = len(toks)
    while i < n:
        t = toks[i]
        if (
            t.kind == "op"
            and t.value == b"BDC"
            and i >= 2
            and toks[i - 2].kind == "name"
            and toks[i - 2].value == b"OC"
            and toks[i - 1].kind == "name"
            and toks[i - 1].value in hidden_tags
        ):
            start = toks[i - 2].start
            depth = 1
            j = i + 1
            while j < n and depth:
                tj = toks[j]
                if tj.kind == "op" and tj.value in (b"BDC", b"BMC"):
                    depth += 1
                elif tj.kind == "op" and tj.value == b"EMC":
                    depth -= 1
                j += 1
            end = toks[j - 1].end if j - 1 < n else len(data)
            out += data[pos:start]
            out += b"\n"
            pos = end
            removed += 1
            i = j
            continue
        i += 1
    out += data[pos:]
    return bytes(out), removed


def split_tj_arrays(data: bytes) -> tuple[bytes, int]:
    """Rewrite every ``[s1 n1 s2 ...] TJ`` as ``s1 Tj [n1] TJ s2 Tj ...`` (same rendering).

    Works around a MuPDF 1.28 redaction bug: when glyphs are removed from inside a
    TJ array, the advance of the first removed glyph is lost, so the rest of the
    line moves left by one glyph.  With ``Tj`` MuPDF repositions correctly.
    Returns the new stream and the number of arrays rewritten.
    """
    toks = list(tokenize(data))
    out = bytearray()
    pos = 0
    count = 0
    for i, t in enumerate(toks):
        if not (t.kind == "op" and t.value == b"TJ" and i >= 1 and toks[i - 1].kind == "]"):
            continue
        j = i - 2
        while j >= 0 and toks[j].kind != "[":
            if toks[j].kind not in ("str", "hex", "num"):
                break
            j -= 1
        if j < 0 or toks[j].kind != "[" or toks[j].start < pos:
            continue
        parts: list[bytes] = []
        for el in toks[j + 1 : i - 1]:
            raw = data[el.start : el.end]
            parts.append(raw + (b" Tj" if el.kind in ("str", "hex") else b"") if el.kind != "num" else b"[" + raw + b"] TJ")
        out += data[pos : toks[j].start]
        out += b" ".join(parts) if parts else b"[] TJ"
        out += b"\n"
        pos = t.end
        count += 1
    out += data[pos:]
    return bytes(out), count


_MARKED_TEXT_KEYS = (b"ActualText", b"Alt", b"E")


def strip_marked_content_text(data: bytes) -> tuple[bytes, int]:
    """Empty inline property lists of ``BDC`` that carry /ActualText, /Alt or /E.

    ``/Span <</ActualText (Jens Hansen)>> BDC (J. H.) Tj EMC`` shows "J. H." but
    extracts and copies as "Jens Hansen"; removing the glyphs leaves the property
    list behind.  Returns the new stream and the number of lists emptied.
    """
    toks = list(tokenize(data))
    out = bytearray()
    pos = 0
    count = 0
    for i, t in enumerate(toks):
        if not (t.kind == "op" and t.value == b"BDC" and i >= 1 and toks[i - 1].kind == ">>"):
            continue
        depth = 0
        j = i - 1
        while j >= 0:
            if toks[j].kind == ">>":
                depth += 1
            elif toks[j].kind == "<<":
                depth -= 1
                if depth == 0:
                    break
            j -= 1
        if j < 0 or toks[j].start < pos:
            continue
        keys = {toks[k].value for k in range(j + 1, i - 1) if toks[k].kind == "name"}
        if not keys & set(_MARKED_TEXT_KEYS):
            continue
        out += data[pos : toks[j].start] + b"<<>>"
        pos = toks[i - 1].end
        count += 1
    out += data[pos:]
    return bytes(out), count
