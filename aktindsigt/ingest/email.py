"""E-mails: ``.eml`` (stdlib ``email``) and Outlook ``.msg`` (extract-msg).

The rendition is a PDF with a header block (Fra, Til, Cc, Dato, Emne) and the
body (plain text, or HTML reduced to text). Every attachment becomes a child
document, ingested recursively up to ``options.max_attachment_depth``.
"""

from __future__ import annotations

import email.header
import email.utils
import re
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from aktindsigt.core.model import Direction
from aktindsigt.ingest.base import IngestedDocument
from aktindsigt.ingest.layout import Block, text_blocks
from aktindsigt.ingest.registry import CORRUPT, IngestContext, IngestError, register, safe_name
from aktindsigt.ingest.text import html_to_text, rendered_pdf_document

MAX_EMAIL_BYTES = 200_000_000
SIGNATURE_TYPES = {"application/pkcs7-signature", "application/x-pkcs7-signature", "application/pgp-signature"}
ENCRYPTED_TYPES = {"application/pkcs7-mime", "application/x-pkcs7-mime", "application/pgp-encrypted"}
DANISH_MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
                 "oktober", "november", "december"]


@dataclass
class Mail:
    subject: str = ""
    sender: str = ""
    to: str = ""
    cc: str = ""
    when: datetime | None = None
    body: str = ""
    attachments: list[tuple[str, bytes]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def format_danish_datetime(when: datetime) -> str:
    """'2. marts 2026 kl. 10:15' in the machine's local time zone."""
    if when.tzinfo is not None:
        when = when.astimezone()
    return f"{when.day}. {DANISH_MONTHS[when.month - 1]} {when.year} kl. {when:%H:%M}"


def _addresses_domains(value: str) -> set[str]:
    return {a.rsplit("@", 1)[-1].lower() for _, a in email.utils.getaddresses([value]) if "@" in a}


def _direction(mail: Mail, own_domains: tuple[str, ...]) -> Direction:
    own = {d.lower().lstrip("@") for d in own_domains}
    if not own:
        return Direction.UNKNOWN
    from_own = bool(_addresses_domains(mail.sender) & own)
    to_own = bool(_addresses_domains(mail.to + "," + mail.cc) & own)
    if from_own and to_own:
        return Direction.INTERNAL
    if from_own:
        return Direction.OUTGOING
    if to_own:
        return Direction.INCOMING
    return Direction.UNKNOWN


def _finish(ctx: IngestContext, doc: IngestedDocument, mail: Mail, depth: int) -> None:
    if mail.subject:
        doc.title = mail.subject
    doc.sender = mail.sender
    doc.recipient = mail.to
    doc.doc_date = mail.when.date() if mail.when else None
    doc.direction = _direction(mail, ctx.options.own_email_domains)
    blocks = [Block(mail.subject or "(intet emne)", "title"), Block("", "gap")]
    blocks.append(Block(mail.sender, "label", "Fra:"))
    blocks.append(Block(mail.to, "label", "Til:"))
    if mail.cc:
        blocks.append(Block(mail.cc, "label", "Cc:"))
    blocks.append(Block(format_danish_datetime(mail.when) if mail.when else "", "label", "Dato:"))
    blocks.append(Block(mail.subject, "label", "Emne:"))
    if mail.attachments:
        blocks.append(Block(", ".join(n for n, _ in mail.attachments), "label", "Bilag:"))
    blocks.append(Block("", "rule"))
    blocks.extend(text_blocks(mail.body))
    rendered_pdf_document(ctx, doc, blocks, Path(doc.source_name).stem or "e-mail")
    doc.warnings.extend(mail.warnings)
    if not mail.attachments:
        return
    if depth + 1 > ctx.options.max_attachment_depth:
        doc.warnings.append(
            f"E-mailen har {len(mail.attachments)} vedhæftede filer, som ikke er indlæst, fordi de ligger "
            f"dybere end {ctx.options.max_attachment_depth} niveauer."
        )
        return
    folder = ctx.new_dir("bilag")
    for i, (name, data) in enumerate(mail.attachments, 1):
        name = name or f"bilag-{i}"
        path = folder / f"{i:02d}-{safe_name(name)}"
        path.write_bytes(data)
        child = ctx.ingest_child(path, name, depth + 1)
        doc.children.append(child)


# ------------------------------------------------------------------------ .eml


def _part_text(part: Any) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, AssertionError, KeyError):
        raw = part.get_payload(decode=True) or b""
        content = raw.decode(part.get_content_charset() or "utf-8", errors="replace")
    return content if isinstance(content, str) else content.decode("utf-8", "replace")


def _eml_body(msg: EmailMessage) -> str:
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    text = _part_text(body)
    if body.get_content_subtype() == "html":
        _, text = html_to_text(text)
    return text


def _header(msg: EmailMessage, name: str) -> str:
    """A header as text; a malformed one falls back to its raw (decoded where possible) value."""
    try:
        return str(msg.get(name, "") or "")
    except Exception:  # noqa: BLE001
        for key, value in msg.raw_items():
            if key.lower() == name.lower():
                try:
                    return str(email.header.make_header(email.header.decode_header(str(value))))
                except Exception:  # noqa: BLE001
                    return str(value)
        return ""


def parse_eml(data: bytes) -> Mail:
    msg = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(msg, EmailMessage) or (not msg.keys() and not msg.get_payload()):
        raise IngestError(CORRUPT, "no e-mail headers")
    mail = Mail()
    mail.subject = _header(msg, "Subject").strip()
    mail.sender = _header(msg, "From")
    mail.to = _header(msg, "To")
    mail.cc = _header(msg, "Cc")
    try:
        dt = msg.get("Date")
        mail.when = dt.datetime if dt is not None and getattr(dt, "datetime", None) else None
    except Exception:  # noqa: BLE001 - a malformed date is not a reason to reject the mail
        mail.when = None
    mail.body = _eml_body(msg)
    for i, part in enumerate(msg.iter_attachments(), 1):
        ctype = part.get_content_type()
        if ctype in SIGNATURE_TYPES:
            continue  # S/MIME or PGP signature: no content
        if ctype in ENCRYPTED_TYPES:
            mail.warnings.append("E-mailen indeholder en krypteret del, som ikke kan læses.")
            continue
        name = part.get_filename() or ""
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            inner = inner[0] if isinstance(inner, list) and inner else inner
            data = inner.as_bytes(policy=policy.default) if hasattr(inner, "as_bytes") else b""
            subject = str(inner.get("Subject", "") or "") if hasattr(inner, "get") else ""
            name = name or f"{subject or f'vedhæftet e-mail {i}'}.eml"
            if not name.lower().endswith(".eml"):
                name += ".eml"
        else:
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            if not name:
                ext = {"text/plain": ".txt", "text/html": ".html", "application/pdf": ".pdf",
                       "image/png": ".png", "image/jpeg": ".jpg"}.get(part.get_content_type(), ".bin")
                name = f"bilag-{i}{ext}"
        mail.attachments.append((name, data))
    return mail


@register([".eml"], "eml")
def ingest_eml(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    size = doc.source_path.stat().st_size
    if size > MAX_EMAIL_BYTES:
        raise IngestError("E-mailen er for stor til at blive læst", f"{size} bytes")
    mail = parse_eml(doc.source_path.read_bytes())
    _finish(ctx, doc, mail, depth)


# ------------------------------------------------------------------------ .msg


def parse_msg(path: Path) -> Mail:
    import extract_msg
    from extract_msg.enums import AttachmentType

    try:
        msg = extract_msg.openMsg(str(path), strict=False)
    except Exception as e:  # noqa: BLE001
        raise IngestError(CORRUPT, f"extract-msg could not open the file: {e}") from e
    try:
        mail = Mail()
        mail.subject = (getattr(msg, "subject", "") or "").strip()
        sender = getattr(msg, "sender", "") or ""
        sender_email = ""
        try:
            sender_email = msg.getStringStream("__substg1.0_0C1F") or ""
        except Exception:  # noqa: BLE001
            sender_email = ""
        if sender_email and "@" in sender_email and sender_email not in sender:
            sender = f"{sender} <{sender_email}>" if sender else sender_email
        mail.sender = sender
        mail.to = getattr(msg, "to", "") or ""
        mail.cc = getattr(msg, "cc", "") or ""
        when = getattr(msg, "date", None)
        mail.when = when if isinstance(when, datetime) else None
        body = getattr(msg, "body", None) or ""
        if not body.strip():
            html = _safe_attr(msg, "htmlBody")
            if html:
                _, body = html_to_text(html.decode("utf-8", "replace") if isinstance(html, bytes) else html)
        if not body.strip():
            rtf = _safe_attr(msg, "rtfBody")
            if rtf:
                body = rtf_to_text(rtf)
        mail.body = body.replace("\r\n", "\n")
        for i, att in enumerate(getattr(msg, "attachments", []) or [], 1):
            kind = getattr(att, "type", None)
            name = getattr(att, "longFilename", None) or getattr(att, "shortFilename", None) or ""
            if kind == AttachmentType.MSG:
                inner = att.data
                data = inner.exportBytes(allowBadEmbed=True)
                name = name or f"{getattr(inner, 'subject', '') or f'vedhæftet e-mail {i}'}.msg"
                if not name.lower().endswith(".msg"):
                    name += ".msg"
            elif kind == AttachmentType.DATA:
                data = att.data or b""
                name = name or f"bilag-{i}.bin"
            else:
                mail.warnings.append(f"Den vedhæftede fil «{name or i}» kunne ikke læses ({kind}).")
                continue
            mail.attachments.append((name, data))
        return mail
    finally:
        msg.close()


def _safe_attr(obj: Any, name: str) -> Any:
    try:
        return getattr(obj, name, None)
    except Exception:  # noqa: BLE001 - extract-msg decodes lazily and may fail on odd files
        return None


_RTF_TOKEN = re.compile(r"\\([a-zA-Z]+)(-?\d+)? ?|\\'([0-9a-fA-F]{2})|\\([\\{}*])|([{}])|\r?\n|([^\\{}\r\n]+)")
_RTF_SKIP = {"fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "footer", "themedata",
             "datastore", "latentstyles", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl"}


def rtf_to_text(rtf: bytes | str) -> str:
    """Plain text of an RTF body (a fallback for .msg files that only carry RTF)."""
    data = rtf.decode("cp1252", "replace") if isinstance(rtf, bytes) else rtf
    out: list[str] = []
    stack: list[bool] = []
    skip = False
    for word, _arg, hexchar, escaped, brace, text in _RTF_TOKEN.findall(data):
        if brace == "{":
            stack.append(skip)
        elif brace == "}":
            skip = stack.pop() if stack else False
        elif skip:
            continue
        elif word:
            if word in _RTF_SKIP:
                skip = True
            elif word in ("par", "line", "row"):
                out.append("\n")
            elif word == "tab":
                out.append("\t")
        elif hexchar:
            out.append(bytes([int(hexchar, 16)]).decode("cp1252", "replace"))
        elif escaped == "*":
            skip = True  # an ignorable destination
        elif escaped:
            out.append(escaped)
        elif text:
            out.append(text)
    return "".join(out).strip()


@register([".msg"], "msg")
def ingest_msg(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    size = doc.source_path.stat().st_size
    if size > MAX_EMAIL_BYTES:
        raise IngestError("E-mailen er for stor til at blive læst", f"{size} bytes")
    mail = parse_msg(doc.source_path)
    _finish(ctx, doc, mail, depth)

