"""E-mails: ``.eml`` (stdlib ``email``) and Outlook ``.msg`` (extract-msg).

The rendition is a PDF with a header block (Fra, Til, Cc, Dato, Emne) and the
body (plain text, or HTML reduced to text). Every attachment becomes a child
document, ingested recursively up to ``options.max_attachment_depth``.
"""

from __future__ import annotations

import contextlib
import email.header
import email.message
import email.utils
import io
import mimetypes
import re
from dataclasses import dataclass, field
from datetime import datetime
from email import policy
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from aktindsigt.core.model import Direction
from aktindsigt.ingest.base import IngestedDocument
from aktindsigt.ingest.layout import Block, text_blocks
from aktindsigt.ingest.oleobject import is_untitled, name_for
from aktindsigt.ingest.registry import CORRUPT, IngestContext, IngestError, count, register, safe_name
from aktindsigt.ingest.text import html_to_text, rendered_pdf_document

MAX_EMAIL_BYTES = 200_000_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
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
    inline_images: list[str] = field(default_factory=list)  # pictures in the HTML body (logos), not documents
    signed: bool = False
    encrypted: bool = False
    opaque_signed: bool = False


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
    if mail.inline_images:
        blocks.append(Block(", ".join(mail.inline_images), "label", "Billeder i teksten:"))
    blocks.append(Block("", "rule"))
    blocks.extend(text_blocks(mail.body))
    rendered_pdf_document(ctx, doc, blocks, Path(doc.source_name).stem or "e-mail")
    doc.warnings.extend(mail.warnings)
    if not mail.attachments:
        return
    if depth + 1 > ctx.options.max_attachment_depth:
        n = len(mail.attachments)
        doc.warnings.append(
            f"E-mailen har {count(n, 'vedhæftet fil', 'vedhæftede filer')}, som ikke er indlæst, fordi "
            f"{'den ligger' if n == 1 else 'de ligger'} dybere end {count(ctx.options.max_attachment_depth, 'niveau', 'niveauer')}."
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
#
# The message is parsed with the stdlib's compat32 policy: it leaves header values as they are
# (the default policy's structured address parser is quadratic on long lists of encoded words: a
# 271 KB To: header took 1.7 GB), and we decode what we show ourselves. The MIME tree is walked
# whole: multipart/signed (the content is the first part, the signature is noted), encrypted parts,
# nested multiparts, message/rfc822 and message/delivery-status (child documents), text/rfc822-headers.

HEADER_TOO_LARGE = "E-mailens brevhoved er for stort til at blive læst sikkert"
ENCRYPTED_MAIL = ("E-mailen er krypteret og kan ikke læses. Dekryptér den i mailprogrammet (eller bed afsenderen "
                  "om en ukrypteret kopi), og importér den igen.")
_EXT = {"text/plain": ".txt", "text/html": ".html", "application/pdf": ".pdf", "image/png": ".png",
        "image/jpeg": ".jpg", "image/gif": ".gif", "image/tiff": ".tif", "message/rfc822": ".eml",
        "application/msword": ".doc", "application/rtf": ".rtf", "text/rtf": ".rtf", "text/calendar": ".ics",
        "application/zip": ".zip", "application/ms-tnef": ".dat", "application/vnd.ms-tnef": ".dat",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
        "application/vnd.ms-excel": ".xls", "application/vnd.oasis.opendocument.text": ".odt",
        "application/vnd.oasis.opendocument.spreadsheet": ".ods", "text/csv": ".csv"}


def check_headers(data: bytes, max_bytes: int, max_count: int) -> None:
    """Refuse a message whose header block is larger than ``max_bytes`` or has more than ``max_count``
    fields, before anything parses it (a mass mailing's To: header, a header bomb)."""
    m = re.search(rb"\r?\n\r?\n", data[: max_bytes + 4])
    head = data[: m.start()] if m else data[: max_bytes + 1]
    if len(head) > max_bytes or m is None and len(data) > max_bytes:
        raise IngestError(
            f"{HEADER_TOO_LARGE} (over {max_bytes // 1000:,} kB; grænsen kan ændres i indstillingerne)".replace(",", "."),
            f"header block larger than {max_bytes} bytes")
    count = len(re.findall(rb"(?m)^[!-9;-~]+:", head))
    if count > max_count:
        raise IngestError(f"{HEADER_TOO_LARGE} ({count:,} felter; grænsen er {max_count:,})".replace(",", "."),
                          f"{count} header fields > {max_count}")


def _unescape_8bit(text: str) -> str:
    """Header text with raw 8-bit bytes (kept by the parser as surrogate escapes) decoded: UTF-8 when the
    bytes are UTF-8, else Windows-1252 (what an old mail program without MIME words wrote)."""
    if not any("\udc80" <= c <= "\udcff" for c in text):
        return text
    raw = text.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def decode_words(value: object) -> str:
    """A raw header value with RFC 2047 encoded words and raw 8-bit bytes decoded (never raises)."""
    if value is None:
        return ""
    if isinstance(value, email.header.Header):
        try:
            text = "".join(_unescape_8bit(chunk.decode("ascii", "surrogateescape")) if charset in
                           ("unknown-8bit", None) else chunk.decode(charset or "ascii", "replace")
                           for chunk, charset in email.header.decode_header(value))
        except Exception:  # noqa: BLE001
            text = str(value)
    else:
        text = _unescape_8bit(str(value))
    if "=?" in text:
        with contextlib.suppress(Exception):  # a malformed encoded word stays as it was
            text = str(email.header.make_header(email.header.decode_header(text)))
    return " ".join(text.replace("\r", " ").replace("\n", " ").split())


def _header(msg: Any, name: str) -> str:
    try:
        return decode_words(msg.get(name, ""))
    except Exception:  # noqa: BLE001
        return ""


def _part_text(part: Any) -> str:
    raw = part.get_payload(decode=True)
    if not isinstance(raw, bytes):
        raw = str(part.get_payload() or "").encode("utf-8", "replace")
    charset = part.get_content_charset() or "utf-8"
    try:
        return raw.decode(charset, errors="replace")
    except LookupError:
        return raw.decode("cp1252", errors="replace")


def part_filename(part: Any) -> str:
    """The attachment's name: Content-Disposition filename (RFC 2231 and unquoted names with spaces as
    compat32 reads them), else Content-Type name; RFC 2047 encoded words decoded."""
    name: Any = None
    try:
        fields = _decoded_fields(part)
        name = fields.get_filename() or fields.get_param("name")
    except Exception:  # noqa: BLE001
        name = None
    if isinstance(name, tuple):  # an RFC 2231 value compat32 could not collapse
        name = email.utils.collapse_rfc2231_value(name)
    name = decode_words(name) if name else ""
    return name.replace("/", "_").replace("\\", "_").strip(" .")


def _decoded_fields(part: Any) -> Any:
    """``part`` itself, or, when its Content-Type or Content-Disposition holds raw 8-bit bytes (the parser
    then hands out a Header object, and its parameters with U+FFFD for every such byte), a message with
    just those two fields decoded."""
    if not any(isinstance(part.get(h), email.header.Header) for h in ("Content-Type", "Content-Disposition")):
        return part
    fields = email.message.Message()
    for h in ("Content-Type", "Content-Disposition"):
        if part.get(h) is not None:
            fields[h] = decode_words(part.get(h))
    return fields


def _disposition(part: Any) -> str:
    return decode_words(part.get("Content-Disposition")).split(";")[0].strip().lower()


def _is_attachment(part: Any) -> bool:
    return _disposition(part) == "attachment" or bool(part_filename(part))


def _message_bytes(inner: Any) -> bytes:
    from email.generator import BytesGenerator

    buf = io.BytesIO()
    BytesGenerator(buf, mangle_from_=False, policy=policy.compat32).flatten(inner)
    return buf.getvalue()


class _Walker:
    def __init__(self, mail: Mail) -> None:
        self.mail = mail
        self.body_parts: list[str] = []
        self.n = 0
        self.depth = 0  # signed content inside signed content

    def attach(self, name: str, data: bytes, ctype: str) -> None:
        self.n += 1
        if not name:
            ext = _EXT.get(ctype) or mimetypes.guess_extension(ctype) or ".bin"
            name = f"bilag-{self.n}{ext}"
        self.mail.attachments.append((name, data))

    def body(self, part: Any) -> None:
        text = _part_text(part)
        if part.get_content_subtype() == "html":
            _, text = html_to_text(text)
        self.body_parts.append(text)

    def walk(self, part: Any, top: bool = False) -> None:
        ctype = part.get_content_type()
        if part.is_multipart() and not ctype.startswith("message/"):
            subtype = part.get_content_subtype()
            subs = [p for p in (part.get_payload() or []) if hasattr(p, "get_content_type")]
            if subtype == "signed":
                self.mail.signed = True
                for p in subs[:1]:
                    self.walk(p)
                for p in subs[1:]:
                    if p.get_content_type() not in SIGNATURE_TYPES:
                        self.walk(p)
            elif subtype == "encrypted":
                self.mail.encrypted = True
            elif subtype == "alternative":
                best = next((p for p in subs if p.get_content_type() == "text/plain"), None)
                best = best or next((p for p in subs if p.get_content_type() == "text/html"), None)
                best = best or next((p for p in subs if p.is_multipart()), None)
                if best is not None:
                    self.walk(best)
                for p in subs:  # attachments hidden in other alternatives are still attachments
                    if p is best:
                        continue
                    if p.is_multipart():
                        self._attachments_only(p)
                    elif p.get_content_type() not in OTHER_RENDERINGS:  # a meeting invitation's text/calendar
                        self.walk(p)
            elif subtype == "related":
                for i, p in enumerate(subs):
                    if i == 0 or _disposition(p) == "attachment":
                        self.walk(p)
                    else:
                        self.mail.inline_images.append(part_filename(p) or p.get_content_type())
            else:  # mixed, parallel, report, digest and unknown multiparts: every part
                for p in subs:
                    self.walk(p)
            for p in _parts_after_close(part):
                self.walk(p)
            return
        if ctype in SIGNATURE_TYPES:
            self.mail.signed = True
            return
        if ctype in ENCRYPTED_TYPES:
            inner = _opaque_signed_content(part)
            if inner is not None:  # signed-data: the signed MIME entity is inside, readable without a key
                self.mail.signed = self.mail.opaque_signed = True
                self.depth += 1
                try:
                    if self.depth <= 5:
                        self.walk(inner)
                finally:
                    self.depth -= 1
                return
            self.mail.encrypted = True
            return
        if ctype.startswith("message/"):
            self.message_part(part, ctype)
            return
        if ctype == "text/rfc822-headers":
            default = "returnerede brevhoveder.txt"
            self.attach(part_filename(part) or default, _report(default, decode_words_lines(_part_text(part))),
                        "text/plain")
            return
        if ctype in ("text/plain", "text/html") and not _is_attachment(part):
            self.body(part)
            return
        if ctype.startswith("multipart/"):  # its boundary was never found
            raw = part.get_payload(decode=True)
            reparsed = _with_unfolded_boundary(part, raw) if isinstance(raw, bytes) else None
            if reparsed is not None:
                self.walk(reparsed)
            elif isinstance(raw, bytes) and raw.strip():  # no parts at all: the raw content is the text
                self.body_parts.append(_unescape_8bit(raw.decode("ascii", "surrogateescape")))
            return
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        name = part_filename(part)
        if data or name:  # an empty part without a name holds nothing (a named one is reported as empty)
            self.attach(name, data, ctype)

    def message_part(self, part: Any, ctype: str) -> None:
        """A message/* part. A whole message (rfc822, news, global, or any subtype whose content has a
        body) is a child e-mail; a report made of fields only (delivery-status, disposition-notification,
        feedback-report, external-body) is a text attachment of its fields."""
        payload = part.get_payload()
        items = payload if isinstance(payload, list) else [payload]
        messages = [m for m in items if hasattr(m, "get") and hasattr(m, "items")]
        if messages and (ctype in WHOLE_MESSAGE_TYPES or any(_has_body(m) for m in messages)):
            inner = messages[0]
            name = part_filename(part)
            if not name:
                name = f"{_header(inner, 'Subject') or f'vedhæftet e-mail {self.n + 1}'}.eml"
            elif not name.lower().endswith(".eml"):
                name += ".eml"
            self.attach(name.replace("/", "_"), _message_bytes(inner), "message/rfc822")
            return
        if messages:
            text = "\n\n".join("\n".join(f"{k}: {decode_words(v)}" for k, v in m.items()) for m in messages)
        else:
            raw = part.get_payload(decode=True)
            text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(payload or "")
        if not text.strip():
            return
        default = REPORT_NAMES.get(ctype, "rapport.txt")
        self.attach(part_filename(part) or default, _report(default, text), "text/plain")

    def _attachments_only(self, part: Any) -> None:
        for p in part.walk():
            if not p.is_multipart() and _is_attachment(p):
                self.walk(p)


#: the other forms of the body text in a multipart/alternative (anything else there is content of its own)
OTHER_RENDERINGS = {"text/plain", "text/html", "text/enriched", "text/richtext", "text/x-amp-html",
                    "text/watch-html", "text/x-watch-html"}
#: message/* subtypes that hold a whole message even when its body is empty
WHOLE_MESSAGE_TYPES = {"message/rfc822", "message/news", "message/global"}
REPORT_NAMES = {"message/delivery-status": "leveringsstatus.txt",
                "message/global-delivery-status": "leveringsstatus.txt",
                "message/disposition-notification": "kvittering.txt",
                "message/global-disposition-notification": "kvittering.txt",
                "message/feedback-report": "rapport om uønsket post.txt",
                "message/external-body": "henvisning til ekstern fil.txt",
                "message/rfc822-headers": "returnerede brevhoveder.txt"}


def _report(name: str, text: str) -> bytes:
    """A report's fields as text under a title line (which also keeps the fields of returned headers
    from being read as an e-mail of their own)."""
    title = name.removesuffix(".txt")
    return f"{title[:1].upper()}{title[1:]}\n\n{text.strip()}\n".encode()


def _parts_after_close(part: Any) -> list[Any]:
    """Parts a sender put after the multipart's closing boundary (the epilogue holds more delimited
    parts, e.g. when an inner multipart reused the outer boundary and closed it early)."""
    epilogue, boundary = part.epilogue, part.get_boundary()
    if not epilogue or not boundary or f"--{boundary}" not in epilogue:
        return []
    raw = epilogue.encode("utf-8", "surrogateescape")
    head = f'Content-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'.encode("ascii", "replace")
    try:
        extra = BytesParser(policy=policy.compat32).parsebytes(head + b"\r\n" + raw)
    except Exception:  # noqa: BLE001
        return []
    payload = extra.get_payload()
    return [p for p in payload if hasattr(p, "get_content_type")] if isinstance(payload, list) else []


def _with_unfolded_boundary(part: Any, raw: bytes) -> Any:
    """The multipart parsed again with its boundary unfolded, when the sender folded the header inside
    the quoted boundary (Outlook 2000: ``boundary="----=_NextPart<CRLF> _000_..."``), or None."""
    boundary = part.get_boundary()
    if not boundary or "\n" not in boundary:
        return None
    unfolded = re.sub(r"\r?\n", "", boundary)
    if f"--{unfolded}".encode("utf-8", "surrogateescape") not in raw:
        return None
    head = f'Content-Type: {part.get_content_type()}; boundary="{unfolded}"\r\n\r\n'
    try:
        again = BytesParser(policy=policy.compat32).parsebytes(head.encode("utf-8", "surrogateescape") + raw)
    except Exception:  # noqa: BLE001
        return None
    return again if again.is_multipart() else None


def _opaque_signed_content(part: Any) -> Any:
    """The MIME entity inside an application/pkcs7-mime part that is signed-data (not enveloped), or None."""
    from aktindsigt.ingest.cms import Encrypted, NotSigned, signed_content

    if part.get_content_type() == "application/pgp-encrypted":
        return None
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes) or not payload:
        return None
    try:
        content = signed_content(payload)
    except (Encrypted, NotSigned):
        return None
    try:
        return BytesParser(policy=policy.compat32).parsebytes(content)
    except Exception:  # noqa: BLE001
        return None


def _has_body(msg: Any) -> bool:
    payload = msg.get_payload()
    return bool(payload) if isinstance(payload, list) else bool(str(payload or "").strip())


def decode_words_lines(text: str) -> str:
    return "\n".join(decode_words(line) if "=?" in line else line for line in text.splitlines())


def parse_eml(data: bytes, max_header_bytes: int = 1_000_000, max_header_count: int = 5_000) -> Mail:
    check_headers(data, max_header_bytes, max_header_count)
    msg = BytesParser(policy=policy.compat32).parsebytes(data)
    if not msg.keys() and not msg.get_payload():
        raise IngestError(CORRUPT, "no e-mail headers")
    mail = Mail()
    mail.subject = _header(msg, "Subject").strip()
    mail.sender = _header(msg, "From")
    mail.to = _header(msg, "To")
    mail.cc = _header(msg, "Cc")
    try:
        raw_date = msg.get("Date")
        mail.when = email.utils.parsedate_to_datetime(str(raw_date)) if raw_date else None
    except Exception:  # noqa: BLE001 - a malformed date is not a reason to reject the mail
        mail.when = None
    walker = _Walker(mail)
    walker.walk(msg, top=True)
    mail.body = "\n\n".join(t for t in walker.body_parts if t.strip())
    if mail.encrypted and not mail.body.strip() and not mail.attachments:
        raise IngestError(ENCRYPTED_MAIL, "S/MIME or PGP encrypted message")
    if mail.encrypted:
        mail.warnings.append("E-mailen indeholder en krypteret del, som ikke kan læses.")
    if mail.signed:
        mail.warnings.append("E-mailen er signeret digitalt. Signaturen er ikke kontrolleret og er ikke "
                             "indlæst som bilag.")
    return mail


@register([".eml"], "eml")
def ingest_eml(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    size = doc.source_path.stat().st_size
    if size > MAX_EMAIL_BYTES:
        raise IngestError("E-mailen er for stor til at blive læst", f"{size} bytes")
    opts = ctx.options
    mail = parse_eml(doc.source_path.read_bytes(), opts.max_header_bytes, opts.max_header_count)
    _finish(ctx, doc, mail, depth)


# ------------------------------------------------------------------------ .msg


def parse_msg(path: Path) -> Mail:
    import extract_msg
    from extract_msg.enums import AttachmentType, ErrorBehavior

    try:
        # an attachment extract-msg has no handler for (an OLE object other than a picture or a shortcut)
        # must not cost the whole mail: it comes back as "unsupported", and its object is read below
        msg = extract_msg.openMsg(str(path), strict=False, errorBehavior=ErrorBehavior.ATTACH_SUPPRESS_ALL)
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
            elif (content := _ole_attachment(att)) is not None:  # an OLE object (ATTACH_OLE)
                data = content.data
                name = name if not is_untitled(name) else name_for(content, data, i)
            else:
                mail.warnings.append(f"Den vedhæftede fil «{name or i}» kunne ikke læses ({kind}).")
                continue
            mail.attachments.append((name, data))
        return mail
    finally:
        msg.close()


def _ole_attachment(att: Any):
    """The file inside an attachment Outlook stored as an OLE object (``ingest/oleobject.py``)."""
    from aktindsigt.ingest.oleobject import msg_object

    try:
        return msg_object(att.msg, att.dir)
    except Exception:  # noqa: BLE001 - an attachment extract-msg does not know: reported as unreadable
        return None


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
    with open(doc.source_path, "rb") as f:
        head = f.read(8)
    if head != OLE_MAGIC:  # an RFC 822 mail saved with a .msg name (Thunderbird, web mail exports)
        opts = ctx.options
        mail = parse_eml(doc.source_path.read_bytes(), opts.max_header_bytes, opts.max_header_count)
    else:
        mail = parse_msg(doc.source_path)
    _finish(ctx, doc, mail, depth)

