"""What a file is by its content, for the files whose name says something else (or nothing).

``content_suffix(path)`` returns the suffix of the format the bytes are, and how sure it is:
``strong`` for a signature that only that format has at its start (PDF, PNG, JPEG, GIF, TIFF, BMP,
TNEF, RTF, CMS/PKCS #7, an OLE container by its streams, a zip by its members), ``weak`` for text that looks like an
RFC 822 mail, HTML or plain text. The registry lets a strong answer override the suffix when the two
need different readers (a PDF named .docx, an Outlook .msg named .eml); a weak one only when the name
has no known suffix, or a text suffix holds a mail (a mail saved as .txt).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
STRONG = "strong"
WEAK = "weak"

_SIGNATURES: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF87a", ".gif"),
    (b"GIF89a", ".gif"),
    (b"II*\x00", ".tif"),
    (b"MM\x00*", ".tif"),
    (b"\x78\x9f\x3e\x22", ".dat"),  # TNEF (winmail.dat)
    (b"{\\rtf", ".rtf"),
]

# A header block: field lines ("Name: value", continuation lines indented), optionally after an mbox
# "From " line, followed by an empty line.
_FIELD = re.compile(rb"[!-9;-~]+:")
_MAIL_FIELDS = {b"from", b"to", b"cc", b"subject", b"date", b"message-id", b"received", b"mime-version",
                b"content-type", b"return-path", b"delivered-to", b"reply-to", b"sender", b"x-mailer",
                b"in-reply-to", b"references", b"dkim-signature", b"x-originating-ip", b"thread-topic"}
_ADDRESS_FIELDS = {b"from", b"to", b"received", b"message-id", b"return-path", b"delivered-to", b"sender"}


def looks_like_mail(head: bytes) -> bool:
    """The start of an RFC 822 message: a header block of at least three fields, at least two of them
    mail fields and one of them an address or routing field (From, To, Received, Message-ID ...)."""
    text = head.replace(b"\r\n", b"\n")
    lines = text.split(b"\n")
    if lines and lines[0].startswith(b"From "):
        lines = lines[1:]
    names: list[bytes] = []
    for line in lines[:400]:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):
            if not names:
                return False
            continue
        m = _FIELD.match(line)
        if not m:
            return False
        names.append(m.group(0)[:-1].lower())
    known = set(names) & _MAIL_FIELDS
    return len(names) >= 3 and len(known) >= 2 and bool(known & _ADDRESS_FIELDS)


_FROM_LINE = re.compile(rb"\n\r?\nFrom \S+ [^\n]*\d\d:\d\d[^\n]*\r?\n[!-9;-~]+:")


def _more_messages(path: Path, limit: int = 64 << 20) -> bool:
    """An mbox (Thunderbird's "Inbox" has no suffix): after the first message, another "From " line
    (with a time, as mbox writers put it) followed by a header field."""
    tail = b""
    with open(path, "rb") as f:
        read = 0
        while read < limit and (chunk := f.read(1 << 20)):
            data = tail + chunk
            if _FROM_LINE.search(data, 1):
                return True
            tail = data[-512:]
            read += len(chunk)
    return False


def _ole_kind(path: Path) -> str | None:
    try:
        import olefile

        with olefile.OleFileIO(str(path)) as ole:
            streams = {"/".join(e).lower() for e in ole.listdir(streams=True, storages=True)}
    except Exception:  # noqa: BLE001 - a damaged container: let the suffix's reader say so
        return None
    if "worddocument" in streams:
        return ".doc"
    if "workbook" in streams or "book" in streams:
        return ".xls"
    if "powerpoint document" in streams:
        return ".ppt"
    if "__properties_version1.0" in streams or any(s.startswith("__substg1.0_") for s in streams):
        return ".msg"
    return None


def _zip_kind(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = b""
            if "mimetype" in names and zf.getinfo("mimetype").file_size < 200:
                mimetype = zf.read("mimetype").strip()
    except Exception:  # noqa: BLE001
        return None
    if "[Content_Types].xml" in names:
        if "word/document.xml" in names:
            return ".docx"
        if "xl/workbook.xml" in names:
            return ".xlsx"
        if "ppt/presentation.xml" in names:
            return ".pptx"
    odf = {b"application/vnd.oasis.opendocument.text": ".odt",
           b"application/vnd.oasis.opendocument.spreadsheet": ".ods",
           b"application/vnd.oasis.opendocument.presentation": ".odp"}
    if mimetype in odf:
        return odf[mimetype]
    return ".zip"


def _is_text(head: bytes) -> bool:
    if not head or b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.start < len(head) - 4:  # not just a character cut off by the sample
            text = head.decode("cp1252", errors="replace")
        else:
            text = head[: e.start].decode("utf-8")
    printable = sum(1 for c in text if c.isprintable() or c in "\r\n\t\f")
    return printable >= 0.97 * len(text)


def content_suffix(path: Path) -> tuple[str | None, str]:
    """(suffix of the format the file's bytes are, ``strong`` or ``weak``), or (None, "")."""
    try:
        with open(path, "rb") as f:
            head = f.read(8192)
    except OSError:
        return None, ""
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if body.startswith(b"%PDF-"):
        return ".pdf", STRONG
    for magic, suffix in _SIGNATURES:
        if head.startswith(magic):
            return suffix, STRONG
    if head.startswith(b"BM") and len(head) > 14 and int.from_bytes(head[2:6], "little") == path.stat().st_size:
        return ".bmp", STRONG
    from aktindsigt.ingest.cms import looks_like_cms

    if looks_like_cms(head):
        return ".p7m", STRONG
    if head.startswith(OLE_MAGIC):
        kind = _ole_kind(path)
        return (kind, STRONG) if kind else (None, "")
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(path)
        return (kind, STRONG) if kind else (None, "")
    if b"%PDF-" in head[:1024]:  # junk before the header: readers accept it, but it is no proof
        return ".pdf", WEAK
    if looks_like_mail(body):
        return (".mbox", WEAK) if body.startswith(b"From ") and _more_messages(path) else (".eml", WEAK)
    low = body[:512].lower()
    if low.startswith((b"<!doctype html", b"<html")) or (low.startswith(b"<?xml") and b"<html" in low):
        return ".html", WEAK
    if _is_text(head):
        return ".txt", WEAK
    return None, ""
