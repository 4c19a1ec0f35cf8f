"""Small writers that produce files of each supported format from given content.

Used by ``aktindsigt demo`` and by the tests to build their fixtures (nothing is
downloaded). Also the bad-input makers: encrypted PDF, corrupt files, zero bytes,
a zip-bomb DOCX, a password-protected Office stand-in and a huge page count.
"""

from __future__ import annotations

import hashlib
import io
import mimetypes
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import format_datetime
from pathlib import Path

from PIL import Image

from aktindsigt.ingest.layout import Block, font, render_blocks
from aktindsigt.pdflib import pymupdf

Attachment = tuple[str, bytes]
DEFAULT_DATE = datetime(2026, 3, 2, 9, 15, tzinfo=UTC)


def _pdf_date(when: datetime) -> str:
    return when.strftime("D:%Y%m%d%H%M%S")


def _paragraph_blocks(paragraphs: Sequence[str]) -> list[Block]:
    blocks: list[Block] = []
    for p in paragraphs:
        for line in p.split("\n"):
            blocks.append(Block(line, "body") if line.strip() else Block("", "gap"))
        blocks.append(Block("", "gap"))
    return blocks


def write_text_pdf(path: Path, title: str, paragraphs: Sequence[str], *, letterhead: str = "",
                   date: datetime | None = None, author: str = "") -> Path:
    """A born-digital PDF with a text layer: optional letterhead, a title, paragraphs."""
    pdf = pymupdf.open()
    blocks: list[Block] = []
    if letterhead:
        blocks += [Block(letterhead, "small"), Block("", "rule")]
    blocks += [Block(title, "title"), Block("", "gap")]
    blocks += _paragraph_blocks(paragraphs)
    render_blocks(pdf, blocks)
    when = date or DEFAULT_DATE
    pdf.set_metadata({"title": title, "author": author, "creationDate": _pdf_date(when),
                      "modDate": _pdf_date(when), "producer": "aktindsigt demo"})
    pdf.subset_fonts()
    pdf.save(path, garbage=3, deflate=True, no_new_id=True)
    pdf.close()
    return Path(path)


def _render_lines_pixmap(lines: Sequence[str], dpi: int, fontsize: float = 12.0,
                         size: tuple[float, float] = (595, 842)) -> pymupdf.Pixmap:
    """Draw lines in black on a white A4 page and rasterise it (grey)."""
    tmp = pymupdf.open()
    page = tmp.new_page(width=size[0], height=size[1])
    tw = pymupdf.TextWriter(page.rect)
    fnt = font("helv")
    y = 80.0
    for line in lines:
        if line:
            tw.append((70, y), line, font=fnt, fontsize=fontsize)
        y += fontsize * 1.6
    tw.write_text(page)
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    tmp.close()
    return pix


def write_scanned_pdf(path: Path, lines: Sequence[str] | Sequence[Sequence[str]], dpi: int = 200,
                      fontsize: float = 12.0) -> Path:
    """A PDF of page images only (no text layer), like a scanner makes.

    ``lines`` is one page (a list of strings) or several pages (a list of lists).
    """
    pages: list[list[str]] = (
        [[str(x) for x in lines]] if lines and isinstance(lines[0], str) else [list(p) for p in lines]
    )
    pdf = pymupdf.open()
    for page_lines in pages or [[]]:
        pix = _render_lines_pixmap(page_lines, dpi, fontsize)
        page = pdf.new_page(width=595, height=842)
        page.insert_image(page.rect, stream=pix.tobytes("png"))
        del pix
    pdf.set_metadata({"producer": "Scanner", "creationDate": _pdf_date(DEFAULT_DATE)})
    pdf.save(path, garbage=3, deflate=True, no_new_id=True)
    pdf.close()
    return Path(path)


def write_mixed_pdf(path: Path, title: str, paragraphs: Sequence[str], scanned_lines: Sequence[str], *,
                    letterhead: str = "", date: datetime | None = None) -> Path:
    """A born-digital page (or more) followed by a scanned page without text layer: a mixed PDF."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        text = write_text_pdf(Path(tmp) / "t.pdf", title, paragraphs, letterhead=letterhead, date=date)
        scan = write_scanned_pdf(Path(tmp) / "s.pdf", scanned_lines)
        pdf = pymupdf.open(text)
        with pymupdf.open(scan) as s:
            pdf.insert_pdf(s)
        pdf.save(path, garbage=3, deflate=True, no_new_id=True)
        pdf.close()
    return Path(path)


def write_image(path: Path, lines: Sequence[str], fmt: str = "PNG", pages: int = 1, dpi: int = 200) -> Path:
    """A scanned-looking image of ``lines``; TIFF with ``pages`` > 1 gives a multi-page TIFF."""
    frames = []
    for i in range(pages):
        page_lines = list(lines) if i == 0 else [f"Side {i + 1}", *lines]
        pix = _render_lines_pixmap(page_lines, dpi)
        img = Image.open(io.BytesIO(pix.tobytes("png"))).convert("L")
        frames.append(img)
    fmt = fmt.upper()
    kwargs: dict = {"dpi": (dpi, dpi)}
    if fmt == "JPEG":
        frames[0].convert("RGB").save(path, "JPEG", quality=90, **kwargs)
    elif fmt == "TIFF":
        frames[0].save(path, "TIFF", save_all=pages > 1, append_images=frames[1:], compression="tiff_deflate",
                       **kwargs)
    else:
        frames[0].save(path, fmt, **kwargs)
    return Path(path)


def write_text(path: Path, text: str, encoding: str = "utf-8", newline: str = "\n") -> Path:
    Path(path).write_bytes(text.replace("\n", newline).encode(encoding))
    return Path(path)


def write_html(path: Path, title: str, paragraphs: Sequence[str]) -> Path:
    from html import escape

    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    html = (f"<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\"><title>{escape(title)}</title>"
            f"<style>body {{ font-family: sans-serif; }}</style></head>\n<body><h1>{escape(title)}</h1>\n{body}\n"
            "<script>var x = 'not content';</script></body></html>\n")
    Path(path).write_text(html, encoding="utf-8")
    return Path(path)


# ------------------------------------------------------------------------ DOCX

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def write_docx(path: Path, title: str, paragraphs: Sequence[str], *, tracked_change: bool = False,
               comment: bool = False, hidden_text: bool = False, author: str = "Sagsbehandler",
               date: datetime | None = None, table: Sequence[Sequence[str]] | None = None) -> Path:
    """A Word document; optionally with a tracked change, a comment and hidden text (leak risks)."""
    _docx_document(title, paragraphs, tracked_change=tracked_change, comment=comment, hidden_text=hidden_text,
                   author=author, date=date, table=table).save(str(path))
    return Path(path)


def _docx_document(title: str, paragraphs: Sequence[str], *, tracked_change: bool = False,
                   comment: bool = False, hidden_text: bool = False, author: str = "Sagsbehandler",
                   date: datetime | None = None, table: Sequence[Sequence[str]] | None = None):
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.core_properties.title = title
    d.core_properties.author = author
    when = (date or DEFAULT_DATE).replace(tzinfo=None)
    d.core_properties.created = when
    d.core_properties.modified = when
    d.add_heading(title, level=1)
    for text in paragraphs:
        d.add_paragraph(text)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    if tracked_change:
        stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        p = d.add_paragraph("Ændret afsnit: ")
        p._p.append(parse_xml(
            f'<w:del xmlns:w="{W}" w:id="901" w:author="{author}" w:date="{stamp}"><w:r>'
            f'<w:delText xml:space="preserve">slettet formulering om borgerens helbred </w:delText></w:r></w:del>'))
        p._p.append(parse_xml(
            f'<w:ins xmlns:w="{W}" w:id="902" w:author="{author}" w:date="{stamp}"><w:r>'
            f'<w:t xml:space="preserve">ny formulering</w:t></w:r></w:ins>'))
    if comment:
        p = d.add_paragraph()
        run = p.add_run("Afsnit med intern bemærkning.")
        d.add_comment(run, text="Intern kommentar: ring til borgeren før afgørelsen sendes.", author=author,
                      initials="SB")
    if hidden_text:
        p = d.add_paragraph("Synlig tekst. ")
        run = p.add_run("Skjult note: borgeren har tidligere været i behandling.")
        run.font.hidden = True
    return d


def write_zip_bomb_docx(path: Path, uncompressed_mb: int = 60) -> Path:
    """A DOCX whose document.xml inflates to ``uncompressed_mb`` MB of zeros (ratio ≈ 1000)."""
    buf = io.BytesIO()
    _docx_document("Bombe", ["x"]).save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info.filename))
        chunk = b"0" * (1 << 20)
        with out.open("word/media/padding.bin", "w", force_zip64=True) as f:
            for _ in range(uncompressed_mb):
                f.write(chunk)
    return Path(path)


def write_protected_office(path: Path) -> Path:
    """A stand-in for a password-protected DOCX: an OLE (CFB) container with the
    ``EncryptionInfo`` and ``EncryptedPackage`` streams Office writes (contents are dummies)."""
    from aspose.email_foss.cfb import CFBDocument, CFBStorage, CFBStream, CFBWriter

    root = CFBStorage("Root Entry")
    root.add_stream(CFBStream("EncryptionInfo", b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"\x00" * 120))
    root.add_stream(CFBStream("EncryptedPackage", (4096).to_bytes(8, "little") + bytes(range(256)) * 16))
    CFBWriter.write_file(CFBDocument(root), path)
    return Path(path)


# --------------------------------------------------------------------- e-mail


def _build_eml(sender: str, to: str, subject: str, body: str, attachments: Sequence[Attachment] = (),
               html: bool = False, date: datetime | None = None, cc: str = "") -> EmailMessage:
    msg = EmailMessage(policy=policy.default)
    msg["From"] = sender
    msg["To"] = to
    if cc:
        msg["Cc"] = cc
    msg["Subject"] = subject
    msg["Date"] = format_datetime(date or DEFAULT_DATE)
    digest = hashlib.sha1(f"{sender}|{to}|{subject}|{msg['Date']}".encode()).hexdigest()[:16]
    msg["Message-ID"] = f"<{digest}@demo.aktindsigt.invalid>"
    if html:
        from html import escape

        paras = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n\n"))
        msg.set_content(body)
        msg.add_alternative(f"<html><body>{paras}</body></html>", subtype="html")
    else:
        msg.set_content(body)
    for name, data in attachments:
        if name.lower().endswith(".eml"):
            inner = BytesParser(policy=policy.default).parsebytes(data)
            msg.add_attachment(inner, filename=name)
            continue
        ctype, _ = mimetypes.guess_type(name)
        maintype, subtype = (ctype or "application/octet-stream").split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    for i, part in enumerate(msg.walk()):  # deterministic MIME boundaries: same input, same bytes
        if part.is_multipart():
            part.set_boundary(f"==demo-{digest}-{i}==")
    return msg


def write_eml(path: Path, sender: str, to: str, subject: str, body: str,
              attachments: Sequence[Attachment] = (), html: bool = False, date: datetime | None = None,
              cc: str = "") -> Path:
    """An RFC 822 e-mail; attachments named ``*.eml`` are attached as message/rfc822."""
    msg = _build_eml(sender, to, subject, body, attachments, html, date, cc)
    Path(path).write_bytes(msg.as_bytes(policy=policy.SMTP))
    return Path(path)


def write_msg(path: Path, sender: str, to: str, subject: str, body: str,
              attachments: Sequence[Attachment] = (), date: datetime | None = None, cc: str = "") -> Path:
    """An Outlook .msg file (written with the pure-Python ``aspose-email-foss``).

    ``sender``/``to`` are ``"Name <address>"``; attachments named ``*.msg`` are
    embedded as messages, as Outlook does when a mail is attached to a mail.
    """
    from email.utils import parseaddr

    from aspose.email_foss import msg as amsg

    m = amsg.MapiMessage.create(subject, body)
    name, addr = parseaddr(sender)
    m.set_property(amsg.PropertyId.SENDER_NAME, name or addr)
    m.set_property(amsg.PropertyId.SENDER_EMAIL_ADDRESS, addr)
    when = date or DEFAULT_DATE
    m.set_property(amsg.PropertyId.MESSAGE_DELIVERY_TIME, when)
    for field_value, kind in ((to, "to"), (cc, "cc")):
        for rname, raddr in (parseaddr(a.strip()) for a in field_value.split(",") if a.strip()):
            if kind == "to":
                m.add_recipient(raddr, display_name=rname or raddr)
            else:
                m.add_recipient(raddr, display_name=rname or raddr, recipient_type=2)  # MAPI_CC
    for aname, data in attachments:
        if aname.lower().endswith(".msg"):
            tmp = io.BytesIO(data)
            inner = amsg.MapiMessage.from_msg_document(_msg_document_from_bytes(tmp.getvalue()))
            m.add_embedded_message_attachment(inner, filename=aname)
        else:
            ctype, _ = mimetypes.guess_type(aname)
            m.add_attachment(aname, data, mime_type=ctype or "application/octet-stream")
    m.save(path)
    return Path(path)


def _msg_document_from_bytes(data: bytes):
    import tempfile

    from aspose.email_foss.msg import MsgDocument, MsgReader

    with tempfile.NamedTemporaryFile(suffix=".msg", delete=False) as f:
        f.write(data)
        name = f.name
    try:
        with MsgReader.from_file(name) as reader:
            return MsgDocument.from_reader(reader)
    finally:
        Path(name).unlink(missing_ok=True)


# ------------------------------------------------------------------ bad input


def write_encrypted_pdf(path: Path, password: str = "hemmelig") -> Path:
    pdf = pymupdf.open()
    page = pdf.new_page()
    page.insert_text((72, 72), "Fortroligt dokument", fontsize=12)
    aes256 = pymupdf.PDF_ENCRYPT_AES_256  # type: ignore[attr-defined]
    pdf.save(path, encryption=aes256, user_pw=password, owner_pw=password + "-ejer")
    pdf.close()
    return Path(path)


def write_corrupt(path: Path, kind: str = "pdf") -> Path:
    """Bytes that look like the format at first glance but are broken."""
    junk = bytes((i * 37 + 11) % 256 for i in range(4096))
    heads = {"pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "docx": b"PK\x03\x04\x14\x00", "png": b"\x89PNG\r\n\x1a\n",
             "jpg": b"\xff\xd8\xff\xe0", "msg": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "eml": b""}
    Path(path).write_bytes(heads.get(kind, b"") + junk)
    return Path(path)


def write_zero_bytes(path: Path) -> Path:
    Path(path).write_bytes(b"")
    return Path(path)


def write_many_pages_pdf(path: Path, pages: int = 5000) -> Path:
    """A PDF with many empty pages (for the page-count limit), written directly: fast at any size."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, b" ".join(b"%d 0 R" % (i + 3) for i in range(pages)))]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    Path(path).write_bytes(bytes(out))
    return Path(path)


def write_large_image(path: Path, width: int = 10_000, height: int = 9_000) -> Path:
    """A small file that decodes to a huge bitmap (1-bit PNG): for the pixel limit."""
    Image.new("1", (width, height), 1).save(path, "PNG")
    return Path(path)


def write_multipage_text_pdf(path: Path, pages: int, lines_per_page: int = 40) -> Path:
    """A long born-digital PDF (speed tests): numbered pages of Danish text."""
    pdf = pymupdf.open()
    for n in range(1, pages + 1):
        page = pdf.new_page()
        lines = [f"Side {n} linje {i + 1}: Kommunen har modtaget din ansøgning om hjælp til udgifter "
                 "efter servicelovens § 41." for i in range(lines_per_page)]
        page.insert_text((56, 60), lines, fontname="helv", fontsize=10, lineheight=1.8)
    pdf.save(path, garbage=3, deflate=True, no_new_id=True)
    pdf.close()
    return Path(path)
