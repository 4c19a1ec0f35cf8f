"""Containers of mail: an mbox file (split into its messages) and Outlook's TNEF (``winmail.dat``,
``application/ms-tnef``), whose attachments become child documents (read with ``tnefparse``)."""

from __future__ import annotations

import mailbox
from datetime import datetime
from pathlib import Path

from aktindsigt.ingest.base import IngestedDocument
from aktindsigt.ingest.email import decode_words, format_danish_datetime, rtf_to_text
from aktindsigt.ingest.layout import Block, text_blocks
from aktindsigt.ingest.registry import CORRUPT, IngestContext, IngestError, count, register, safe_name
from aktindsigt.ingest.text import html_to_text, rendered_pdf_document

TNEF_MAGIC = b"\x78\x9f\x3e\x22"
MAX_MESSAGES = 2000
MAX_SIGNED_BYTES = 200_000_000


def _children(ctx: IngestContext, doc: IngestedDocument, items: list[tuple[str, bytes]], depth: int,
              what: str) -> None:
    if not items:
        return
    if depth + 1 > ctx.options.max_attachment_depth:
        doc.warnings.append(f"{what} har {count(len(items), 'fil', 'filer')}, som ikke er indlæst "
                            "(for dybt indlejret).")
        return
    folder = ctx.new_dir(safe_name(Path(doc.source_name).stem or "indhold"))
    for i, (name, data) in enumerate(items, 1):
        path = folder / f"{i:03d}-{safe_name(name)}"
        path.write_bytes(data)
        doc.children.append(ctx.ingest_child(path, name, depth + 1))


# --------------------------------------------------------------------------- mbox


@register([".mbox", ".mbx"], "mbox")
def ingest_mbox(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    with open(doc.source_path, "rb") as f:
        if not f.read(5) == b"From ":
            raise IngestError(CORRUPT, "mbox does not start with a From_ line")
    box = mailbox.mbox(str(doc.source_path), create=False)
    try:
        keys = list(box.keys())
        if len(keys) > MAX_MESSAGES:
            raise IngestError(f"Postkassen har {len(keys)} e-mails; grænsen er {MAX_MESSAGES}",
                              f"{len(keys)} messages")
        items: list[tuple[str, bytes]] = []
        lines: list[Block] = []
        seen: dict[str, int] = {}
        for n, key in enumerate(keys, 1):
            raw = box.get_bytes(key)
            head = box.get_message(key)
            subject = decode_words(head.get("Subject", "")) or f"e-mail {n}"
            sender = decode_words(head.get("From", ""))
            stem = subject[:80]
            seen[stem] = seen.get(stem, 0) + 1
            name = f"{stem}.eml" if seen[stem] == 1 else f"{stem} ({seen[stem]}).eml"
            items.append((name, raw))
            lines.append(Block(f"{n}. {subject}" + (f" – {sender}" if sender else ""), "body"))
    finally:
        box.close()
    blocks = [Block(f"Postkassen {doc.source_name}", "title"), Block("", "gap"),
              Block(f"Postkassen indeholder {count(len(items), 'e-mail', 'e-mails')}; hver er indlæst som "
                    "et særskilt dokument.", "body"), Block("", "gap"), *lines]
    rendered_pdf_document(ctx, doc, blocks, Path(doc.source_name).stem or "postkasse")
    doc.approximate = True
    _children(ctx, doc, items, depth, "Postkassen")


# --------------------------------------------------------------------------- TNEF


def is_tnef(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == TNEF_MAGIC


@register([".dat", ".tnef"], "tnef")
def ingest_tnef(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    if not is_tnef(doc.source_path):
        suffix = Path(doc.source_name).suffix.lower()
        raise IngestError(f"Filtypen {suffix} understøttes ikke", "not a TNEF file")
    from tnefparse.tnef import TNEF

    try:
        tnef = TNEF(doc.source_path.read_bytes(), do_checksum=False)
    except Exception as e:  # noqa: BLE001
        raise IngestError(CORRUPT, f"tnefparse: {e}") from e
    props = {getattr(o, "name", None): getattr(o, "data", None) for o in getattr(tnef, "msgprops", [])}
    subject = props.get(0x8004)
    subject = subject.strip() if isinstance(subject, str) else ""
    body = _tnef_body(tnef)
    items: list[tuple[str, bytes]] = []
    for i, att in enumerate(tnef.attachments, 1):
        try:
            name = att.long_filename() or att.name
        except Exception:  # noqa: BLE001 - an odd name encoding
            name = ""
        data = att.data if isinstance(att.data, bytes) else b""
        name, data = _tnef_attachment(att, name, data, i)
        items.append((name, data))
    if subject:
        doc.title = subject
    when = props.get(0x8005)
    blocks = [Block(subject or "Outlook-indhold (winmail.dat)", "title"), Block("", "gap")]
    if isinstance(when, datetime):
        blocks.append(Block(format_danish_datetime(when), "label", "Dato:"))
        doc.doc_date = when.date()
    if items:
        blocks.append(Block(", ".join(n for n, _ in items), "label", "Bilag:"))
    blocks.append(Block("", "rule"))
    blocks += text_blocks(body or "(ingen tekst)")
    rendered_pdf_document(ctx, doc, blocks, Path(doc.source_name).stem or "winmail")
    doc.approximate = True
    _children(ctx, doc, items, depth, "Outlook-filen")


def _tnef_attachment(att, name: str, data: bytes, i: int) -> tuple[str, bytes]:
    """The file and a real name for a TNEF attachment. One stored as an OLE object ("Untitled Attachment")
    is unpacked (``ingest/oleobject.py``) and named from its own metadata (a package's label, the
    document's title, its type); an attached Outlook item from its subject; else from the attachment's
    display name; and when nothing names it, ``bilag-N`` with the suffix of what its bytes are."""
    from aktindsigt.ingest.oleobject import is_untitled, name_for, storage_bytes, unpack

    content = None
    storage = storage_bytes(data)
    if storage is not None:
        content = unpack(storage)
        if content is not None:
            data = content.data
            if is_untitled(name) and content.name:
                name = content.name
    embed = getattr(att, "embed", None)
    if is_untitled(name) and embed is not None:
        props = {getattr(o, "name", None): getattr(o, "data", None) for o in getattr(embed, "msgprops", [])}
        subject = props.get(0x8004)
        subject = subject.strip(" \x00") if isinstance(subject, str) else ""
        if subject:
            name = f"{subject}.dat"
    if is_untitled(name):
        for attr in getattr(att, "mapi_attrs", []):
            if getattr(attr, "name", None) == 0x3001 and isinstance(attr.data, str) and not is_untitled(attr.data):
                name = attr.data.strip("\x00 ")  # PR_DISPLAY_NAME
                break
    if is_untitled(name):  # a name from its type: "Microsoft Word-dokument.doc", "bilag-2.pdf"
        name = name_for(content, data, i)
    return name, data


def _tnef_body(tnef) -> str:
    for attr in ("body", "htmlbody"):
        value = getattr(tnef, attr, None)
        if isinstance(value, bytes):
            value = value.decode("cp1252", "replace")
        if isinstance(value, str) and value.strip():
            return html_to_text(value)[1] if attr == "htmlbody" else value.strip("\x00").replace("\r\n", "\n")
    try:
        rtf = tnef.rtfbody
    except Exception:  # noqa: BLE001 - compressed RTF needs an optional package
        rtf = None
    return rtf_to_text(rtf) if rtf else ""


# --------------------------------------------------------------------------- .p7m

SIGNED_WITHOUT_CONTENT = ("Filen er en digital signatur uden det signerede indhold (signaturen ligger adskilt fra "
                          "filen). Importér selve filen.")
ENCRYPTED_P7M = ("Filen er krypteret (S/MIME) og kan ikke læses. Bed afsenderen om en ukrypteret kopi, og importér "
                 "den igen.")


@register([".p7m", ".p7s"], "p7m")
def ingest_p7m(ctx: IngestContext, doc: IngestedDocument, depth: int) -> None:
    """A file signed with an opaque (enveloping) CMS signature: the signed file is a child document, this
    one a cover page that says so. The signature is not verified."""
    from aktindsigt.ingest.cms import Encrypted, NotSigned, signed_content
    from aktindsigt.ingest.sniff import content_suffix

    size = doc.source_path.stat().st_size
    if size > MAX_SIGNED_BYTES:
        raise IngestError("Filen er for stor til at blive læst", f"{size} bytes")
    try:
        content = signed_content(doc.source_path.read_bytes())
    except Encrypted as e:
        raise IngestError(ENCRYPTED_P7M, f"CMS {e}") from e
    except NotSigned as e:
        detail = str(e)
        raise IngestError(SIGNED_WITHOUT_CONTENT if detail.startswith("detached") else CORRUPT, detail) from e
    name = Path(doc.source_name).stem if Path(doc.source_name).suffix.lower() in (".p7m", ".p7s") else doc.source_name
    folder = ctx.new_dir(safe_name(name or "indhold"))
    path = folder / safe_name(name or "indhold")
    path.write_bytes(content)
    if not Path(name).suffix:  # smime.p7m: the content says what it is (a MIME message, mostly)
        found, _ = content_suffix(path)
        if found:
            name = f"{name or 'indhold'}{found}"
    blocks = [Block(f"Signeret fil: {name}", "title"), Block("", "gap"),
              Block(f"{doc.source_name} er signeret digitalt (CMS/PKCS #7). Den signerede fil, {name}, er indlæst "
                    "som et særskilt dokument. Signaturen er ikke kontrolleret.", "body")]
    rendered_pdf_document(ctx, doc, blocks, Path(doc.source_name).stem or "signeret")
    doc.approximate = True
    doc.title = Path(name).stem or doc.title
    if depth + 1 > ctx.options.max_attachment_depth:
        doc.warnings.append("Den signerede fil er ikke indlæst (for dybt indlejret).")
        return
    doc.children.append(ctx.ingest_child(path, name, depth + 1))
