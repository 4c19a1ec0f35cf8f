"""A folder of the files a municipality really receives, and of hostile ones, generated here.

Each maker writes one file (with python-docx, openpyxl, python-pptx, PyMuPDF, pikepdf and the
stdlib ``email`` package; nothing is downloaded or copied from other projects) and returns what
an import must make of it: ``Expect(names, reason, ocr)`` - the source names of every document
that must reach the case (the file itself first, attachments after), the Danish failure reason
it must get (or "" when it must be imported), and whether OCR must replace its text layer.

Used by ``scripts/bench_ingest.py`` (import time and peak memory of the whole folder) and by the
ingest tests (each test builds its own file with one maker).

    .venv/bin/python scripts/ingest_corpus.py OUT_DIR      # writes the folder and prints its files
"""

from __future__ import annotations

import io
import os
import random
import struct
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage, MIMEPart
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aktindsigt.demo.writers import DEFAULT_DATE, write_docx, write_text_pdf  # noqa: E402

SENDER = "Karen Bødker <karen.bodker@example.dk>"
TO = "Byggesagsafdelingen <byg@fjordby.dk>"
BODY = "Hej\n\nJeg sender hermed de lovede bilag om byggesagen på Fjordvej 3.\n\nVenlig hilsen\nKaren Bødker"


@dataclass
class Expect:
    names: list[str]  # every document that must reach the case, the file's own name first
    reason: str = ""  # the failure reason the file itself must get ("" = imported)
    ocr: bool = False  # OCR must replace (or provide) the text layer
    warning: str = ""  # a substring one of the file's warnings must contain
    children_reason: dict[str, str] = field(default_factory=dict)  # attachment name -> its failure reason


# ------------------------------------------------------------------ small payloads


def pdf_bytes(title: str, text: str) -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        p = write_text_pdf(Path(tmp) / "x.pdf", title, [text])
        return p.read_bytes()


def png_bytes(color: tuple[int, int, int] = (200, 30, 30), size: tuple[int, int] = (40, 30)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, "PNG")
    return buf.getvalue()


def gif_bytes(color: tuple[int, int, int] = (20, 120, 200)) -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (24, 24), color).save(buf, "GIF")
    return buf.getvalue()


def _headers(msg: EmailMessage | MIMEPart, subject: str, sender: str = SENDER, to: str = TO) -> None:
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(DEFAULT_DATE)
    msg["Message-ID"] = f"<{abs(hash(subject)) % 10**12}@example.dk>"
    msg["MIME-Version"] = "1.0"


def _attachment(data: bytes, ctype: str, filename: str | None) -> MIMEPart:
    part = MIMEPart(policy=policy.default)
    maintype, subtype = ctype.split("/")
    if maintype == "text":
        part.set_content(data.decode("utf-8"), subtype=subtype)
    else:
        part.set_content(data, maintype=maintype, subtype=subtype)
    if filename is not None:
        part.add_header("Content-Disposition", "attachment", filename=filename)
    else:
        part.add_header("Content-Disposition", "attachment")
    return part


def _text_part(text: str, subtype: str = "plain") -> MIMEPart:
    part = MIMEPart(policy=policy.default)
    part.set_content(text, subtype=subtype)
    return part


def _multipart(subtype: str, parts: list[MIMEPart], **params: str) -> MIMEPart:
    mp = MIMEPart(policy=policy.default)
    mp.set_type(f"multipart/{subtype}")
    for k, v in params.items():
        mp.set_param(k, v)
    for p in parts:
        mp.attach(p)
    return mp


def _as_message(part: MIMEPart, subject: str) -> bytes:
    msg = EmailMessage(policy=policy.default)
    _headers(msg, subject)
    for k, v in part.items():
        if k.lower() != "mime-version":
            msg[k] = v
    msg.set_payload(part.get_payload())
    for i, sub in enumerate(msg.walk()):
        if sub.is_multipart():
            sub.set_boundary(f"==grænse-{i}-{abs(hash(subject)) % 10**6}==".replace("æ", "ae"))
    return msg.as_bytes(policy=policy.SMTP)


# ------------------------------------------------------------------------- e-mail


def make_smime_signed(folder: Path) -> Expect:
    """multipart/signed → multipart/mixed (text, a PDF, a PNG) + application/pkcs7-signature."""
    inner = _multipart("mixed", [
        _text_part(BODY),
        _attachment(pdf_bytes("Tegning", "Situationsplan for Fjordvej 3."), "application/pdf", "situationsplan.pdf"),
        _attachment(png_bytes(), "image/png", "foto.png"),
    ])
    sig = MIMEPart(policy=policy.default)
    sig.set_content(b"\x30\x82\x05\x00" + bytes(range(200)), maintype="application", subtype="pkcs7-signature")
    sig.replace_header("Content-Type", 'application/pkcs7-signature; name="smime.p7s"')
    sig.add_header("Content-Disposition", "attachment", filename="smime.p7s")
    signed = _multipart("signed", [inner, sig], protocol="application/pkcs7-signature", micalg="sha-256")
    path = folder / "signeret.eml"
    path.write_bytes(_as_message(signed, "Signeret ansøgning"))
    return Expect(["signeret.eml", "situationsplan.pdf", "foto.png"], warning="signeret")


def make_nested(folder: Path) -> Expect:
    """mixed → alternative (text, html), a nested mixed (PDF, GIF) and a parallel (GIF, text)."""
    alt = _multipart("alternative", [_text_part(BODY), _text_part(f"<p>{BODY}</p>", "html")])
    nested = _multipart("mixed", [
        _attachment(pdf_bytes("Referat", "Referat af mødet om byggesagen."), "application/pdf", "referat.pdf"),
        _attachment(gif_bytes(), "image/gif", "logo1.gif"),
    ])
    parallel = _multipart("parallel", [
        _attachment(gif_bytes((10, 200, 10)), "image/gif", "logo2.gif"),
        _attachment(b"Noter om sagen.", "text/plain", "noter.txt"),
    ])
    path = folder / "indlejret.eml"
    path.write_bytes(_as_message(_multipart("mixed", [alt, nested, parallel]), "Bilag i flere niveauer"))
    return Expect(["indlejret.eml", "referat.pdf", "logo1.gif", "logo2.gif", "noter.txt"])


def make_bounce(folder: Path) -> Expect:
    """A delivery-status notification: text, message/delivery-status, the original message with a PDF."""
    original = EmailMessage(policy=policy.default)
    _headers(original, "Høringssvar", sender=TO, to="ukendt@example.dk")
    original.set_content("Vedlagt høringssvaret.")
    original.add_attachment(pdf_bytes("Høringssvar", "Svar på høring om lokalplan."), maintype="application",
                            subtype="pdf", filename="høringssvar.pdf")
    orig = original.as_bytes(policy=policy.SMTP).decode("utf-8")
    b = "==retur=="
    raw = (f"From: Mail Delivery System <mailer-daemon@fjordby.dk>\r\nTo: {TO}\r\n"
           f"Subject: Ikke leveret: =?utf-8?q?H=C3=B8ringssvar?=\r\nDate: {format_datetime(DEFAULT_DATE)}\r\n"
           f"MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"{b}\"\r\n"
           f"\r\n--{b}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           "Din besked kunne ikke leveres til ukendt@example.dk.\r\n"
           f"--{b}\r\nContent-Type: message/delivery-status\r\n\r\n"
           "Reporting-MTA: dns; mx.fjordby.dk\r\n\r\nFinal-Recipient: rfc822; ukendt@example.dk\r\n"
           "Action: failed\r\nStatus: 5.1.1\r\n"
           f"--{b}\r\nContent-Type: message/rfc822\r\n\r\n{orig}\r\n--{b}--\r\n")
    path = folder / "returneret.eml"
    path.write_bytes(raw.encode("utf-8"))
    return Expect(["returneret.eml", "leveringsstatus.txt", "Høringssvar.eml", "høringssvar.pdf"])


def make_headers_only_bounce(folder: Path) -> Expect:
    """A bounce that returns only the original's headers (text/rfc822-headers)."""
    headers = MIMEPart(policy=policy.default)
    headers.set_payload("From: byg@fjordby.dk\nTo: ukendt@example.dk\nSubject: Partsh=?utf-8?q?=C3=B8ring?=\n")
    headers["Content-Type"] = "text/rfc822-headers"
    report = _multipart("report", [_text_part("Leveringen mislykkedes."), headers],
                        **{"report-type": "delivery-status"})
    path = folder / "returneret-hoveder.eml"
    path.write_bytes(_as_message(report, "Returneret: Partshøring"))
    return Expect(["returneret-hoveder.eml", "returnerede brevhoveder.txt"])


def make_encrypted_mail(folder: Path) -> Expect:
    part = MIMEPart(policy=policy.default)
    part.set_content(bytes(range(256)) * 4, maintype="application", subtype="pkcs7-mime")
    part.set_param("smime-type", "enveloped-data")
    part.add_header("Content-Disposition", "attachment", filename="smime.p7m")
    msg = EmailMessage(policy=policy.default)
    _headers(msg, "Krypteret besked")
    for k, v in part.items():
        if k.lower() != "mime-version":
            msg[k] = v
    msg.set_payload(part.get_payload())
    path = folder / "krypteret.eml"
    path.write_bytes(msg.as_bytes(policy=policy.SMTP))
    return Expect(["krypteret.eml"], reason="E-mailen er krypteret og kan ikke læses")


def make_filenames(folder: Path) -> Expect:
    """Attachment names as real mailers write them: unquoted with spaces, RFC 2047, RFC 2231, only in
    Content-Type's name, and none at all."""
    def raw_part(headers: str, body: str) -> str:
        return headers + "\n\n" + body + "\n"

    import base64

    b64 = base64.b64encode(b"Indhold").decode()
    parts = [
        raw_part("Content-Type: text/plain; charset=utf-8", BODY),
        raw_part("Content-Type: text/plain\nContent-Disposition: attachment; filename=This is a test.txt",
                 "Ikke citeret filnavn."),
        raw_part("Content-Type: text/plain\nContent-Disposition: attachment; "
                 'filename="=?utf-8?q?S=C3=B8ren_K=C3=A6r_notat.txt?="', "RFC 2047."),
        raw_part("Content-Type: text/plain\nContent-Disposition: attachment; "
                 "filename*=utf-8''%C3%A6bler%20og%20p%C3%A6rer.txt", "RFC 2231."),
        raw_part('Content-Type: text/plain; name="kun-i-typen.txt"\nContent-Transfer-Encoding: base64', b64),
        raw_part("Content-Type: application/pdf\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment",
                 base64.encodebytes(pdf_bytes("Uden navn", "Et bilag uden filnavn.")).decode()),
    ]
    boundary = "==navne=="
    body = "".join(f"--{boundary}\n{p}" for p in parts) + f"--{boundary}--\n"
    raw = (f"From: {SENDER}\nTo: {TO}\nSubject: Filnavne\nDate: {format_datetime(DEFAULT_DATE)}\n"
           f"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"{boundary}\"\n\n{body}")
    path = folder / "filnavne.eml"
    path.write_bytes(raw.encode("utf-8"))
    return Expect(["filnavne.eml", "This is a test.txt", "Søren Kær notat.txt", "æbler og pærer.txt",
                   "kun-i-typen.txt", "bilag-5.pdf"])


def make_header_bomb(folder: Path, size: int = 270_000) -> Expect:
    """A mass mailing: a To: header of thousands of RFC 2047 encoded words (the stdlib parser's worst case)."""
    words = []
    n = 0
    while sum(len(w) for w in words) < size:
        words.append(f"=?utf-8?q?M=C3=B8ller_{n}?= <m{n}@example.dk>, ")
        n += 1
    raw = (f"From: {SENDER}\nTo: {''.join(words).rstrip(', ')}\nSubject: Nyhedsbrev\n"
           f"Date: {format_datetime(DEFAULT_DATE)}\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"
           "Nyhedsbrev til alle borgere.\n")
    path = folder / "massemail.eml"
    path.write_bytes(raw.encode("utf-8"))
    return Expect(["massemail.eml"])


def make_rfc822_msg(folder: Path) -> Expect:
    """An RFC 822 mail saved with a .msg name (as some mail programs do)."""
    msg = EmailMessage(policy=policy.default)
    _headers(msg, "Svar på partshøring")
    msg.set_content(BODY)
    msg.add_attachment(b"Bemaerkninger.", maintype="text", subtype="plain", filename="bemærkninger.txt")
    path = folder / "svar.msg"
    path.write_bytes(msg.as_bytes(policy=policy.SMTP))
    return Expect(["svar.msg", "bemærkninger.txt"])


def tnef_bytes(subject: str, body: str, attachments: list[tuple[str, bytes]]) -> bytes:
    """A TNEF stream (winmail.dat) written from the format description: signature, key, then
    attributes (level, id, type, length, data, checksum)."""
    def attr(level: int, ident: int, kind: int, data: bytes) -> bytes:
        return struct.pack("<BHHI", level, ident, kind, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)

    out = struct.pack("<IH", 0x223E9F78, 0x1234)
    out += attr(1, 0x9006, 0x0008, struct.pack("<I", 0x10000))  # TNEF version
    out += attr(1, 0x9007, 0x0006, struct.pack("<II", 1252, 0))  # OEM code page
    out += attr(1, 0x8008, 0x0007, b"IPM.Microsoft Mail.Note\x00")  # message class
    out += attr(1, 0x8004, 0x0001, subject.encode("cp1252") + b"\x00")
    out += attr(1, 0x800C, 0x0002, body.encode("cp1252"))
    for name, data in attachments:
        out += attr(2, 0x9002, 0x0006, struct.pack("<HIIIHI", 1, 0xFFFFFFFF, 0, 0, 0, 0))  # rendering data
        out += attr(2, 0x8010, 0x0001, name.encode("cp1252") + b"\x00")
        out += attr(2, 0x800F, 0x0006, data)
    return out


def make_tnef(folder: Path) -> Expect:
    """An Outlook mail whose attachments travel in winmail.dat (application/ms-tnef)."""
    tnef = tnef_bytes("Tilbud", "Se vedlagte tilbud.", [
        ("tilbud.pdf", pdf_bytes("Tilbud", "Tilbud på tagrenovering.")),
        ("prisliste.txt", b"Tagsten 120 kr. pr. stk."),
    ])
    msg = EmailMessage(policy=policy.default)
    _headers(msg, "Tilbud fra tømreren")
    msg.set_content("Se vedhæftede filer.")
    msg.add_attachment(tnef, maintype="application", subtype="ms-tnef", filename="winmail.dat")
    path = folder / "tilbud.eml"
    path.write_bytes(msg.as_bytes(policy=policy.SMTP))
    return Expect(["tilbud.eml", "winmail.dat", "tilbud.pdf", "prisliste.txt"])


def _ole_package(label: str, data: bytes) -> bytes:
    """An OLE *Package* object (what Outlook stores for a file put into a rich-text mail): a compound file
    (aspose-email-foss's writer) with CompObj and an Ole10Native stream in Object Packager's layout."""
    from aspose.email_foss.cfb.writer import CFBDocument, CFBStorage, CFBStream, CFBWriter

    package_clsid = bytes.fromhex("0c00030000000000c000000000000046")  # {0003000C-0000-0000-C000-000000000046}
    comp = (struct.pack("<IIi", 0xFFFE0001, 0x00000A03, -1) + package_clsid
            + b"".join(struct.pack("<I", len(s) + 1) + s + b"\x00" for s in (b"Package", b"Package", b"Package"))
            + struct.pack("<I", 0x71B239F4) + b"\x00" * 12)
    temp = f"C:\\Users\\kb\\AppData\\Local\\Temp\\{label}".encode("cp1252") + b"\x00"
    body = (struct.pack("<H", 2) + label.encode("cp1252") + b"\x00" + f"C:\\Sager\\{label}".encode("cp1252")
            + b"\x00" + struct.pack("<HH", 0, 3) + struct.pack("<I", len(temp)) + temp
            + struct.pack("<I", len(data)) + data)
    native = struct.pack("<I", len(body)) + body
    root = CFBStorage("Root Entry", clsid=package_clsid)
    root.add_stream(CFBStream("\x01CompObj", comp))
    root.add_stream(CFBStream("\x01Ole10Native", native))
    return CFBWriter.to_bytes(CFBDocument(root))


def make_tnef_ole(folder: Path) -> Expect:
    """winmail.dat whose attachments Outlook stored as an OLE object and without a title: both reach the
    case with a real name (the package's label; a name from the type), not as "Untitled Attachment"."""
    def attr(level: int, ident: int, kind: int, data: bytes) -> bytes:
        return struct.pack("<BHHI", level, ident, kind, len(data)) + data + struct.pack("<H", sum(data) & 0xFFFF)

    iid_istorage = bytes.fromhex("0b00000000000000c000000000000046")
    obj = iid_istorage + _ole_package("Prisliste 2026.pdf", pdf_bytes("Prisliste", "Prisliste for tagsten 2026."))
    pad = b"\x00" * (-len(obj) % 4)
    mapi = (struct.pack("<I", 2) + struct.pack("<HHI", 0x0003, 0x3705, 6)  # PR_ATTACH_METHOD = ATTACH_OLE
            + struct.pack("<HHII", 0x000D, 0x3701, 1, len(obj)) + obj + pad)  # PR_ATTACH_DATA_OBJ
    out = struct.pack("<IH", 0x223E9F78, 0x1234)
    out += attr(1, 0x9006, 0x0008, struct.pack("<I", 0x10000))
    out += attr(1, 0x9007, 0x0006, struct.pack("<II", 1252, 0))
    out += attr(1, 0x8008, 0x0007, b"IPM.Microsoft Mail.Note\x00")
    out += attr(1, 0x8004, 0x0001, b"Prisliste\x00")
    out += attr(1, 0x800C, 0x0002, b"Prislisten er vedlagt som objekt.")
    out += attr(2, 0x9002, 0x0006, struct.pack("<HIIIHI", 1, 0xFFFFFFFF, 0, 0, 0, 0))
    out += attr(2, 0x8010, 0x0001, b"Untitled Attachment\x00")
    out += attr(2, 0x9005, 0x0006, mapi)
    out += attr(2, 0x9002, 0x0006, struct.pack("<HIIIHI", 1, 0xFFFFFFFF, 0, 0, 0, 0))
    out += attr(2, 0x8010, 0x0001, b"Untitled Attachment\x00")
    out += attr(2, 0x800F, 0x0006, pdf_bytes("Tegning", "Tegning af tagkonstruktionen."))
    (folder / "winmail-objekt.dat").write_bytes(out)
    return Expect(["winmail-objekt.dat", "Prisliste 2026.pdf", "bilag-2.pdf"])


def make_msg_ole(folder: Path) -> Expect:
    """An Outlook .msg whose attachment is an OLE object (attach method 6, an ``__substg1.0_3701000D``
    storage) without a file name: written with aspose-email-foss, its attachment storage then rebuilt."""
    from aspose.email_foss.cfb.writer import CFBDocument, CFBStorage, CFBStream, CFBWriter

    from aktindsigt.demo.writers import write_msg

    path = folder / "objekt.msg"
    write_msg(path, SENDER, TO, "Tilbud som objekt", "Tilbuddet er indsat som objekt.",
              [("x.bin", b"placeholder")])
    doc = CFBDocument.from_file(path)
    att = next(c for c in doc.root.children if c.name.startswith("__attach_version1.0_"))
    assert isinstance(att, CFBStorage)
    drop = {"__substg1.0_37010102", "__substg1.0_3704001F", "__substg1.0_3707001F", "__substg1.0_3703001F"}
    att.children = [c for c in att.children if c.name not in drop]
    package = _ole_package("Tilbud 2026.pdf", pdf_bytes("Tilbud", "Tilbud på nyt tag, 84.000 kr."))
    with io.BytesIO(package) as f:
        import olefile

        with olefile.OleFileIO(f) as ole:
            obj = CFBStorage("__substg1.0_3701000D")
            for entry in ole.listdir():
                obj.add_stream(CFBStream("/".join(entry), ole.openstream(entry).read()))
    att.add_storage(obj)
    props = next(c for c in att.children if c.name == "__properties_version1.0")
    assert isinstance(props, CFBStream)
    rows = [props.data[i:i + 16] for i in range(8, len(props.data), 16)]
    out = [props.data[:8]]
    for row in rows:
        (tag,) = struct.unpack_from("<I", row)
        if tag in (0x3704001F, 0x3707001F, 0x3703001F):
            continue
        if tag == 0x37050003:  # PR_ATTACH_METHOD = ATTACH_OLE
            row = row[:8] + struct.pack("<Q", 6)
        elif tag == 0x37010102:  # PR_ATTACH_DATA_BIN -> PR_ATTACH_DATA_OBJ
            row = struct.pack("<I", 0x3701000D) + row[4:8] + struct.pack("<Q", 0xFFFFFFFF)
        out.append(row)
    props.data = b"".join(out)
    CFBWriter.write_file(doc, path)
    return Expect(["objekt.msg", "Tilbud 2026.pdf"])


def make_mbox(folder: Path) -> Expect:
    import mailbox

    path = folder / "postkasse.mbox"
    box = mailbox.mbox(str(path))
    for i, subject in enumerate(["Første henvendelse", "Anden henvendelse", "Tredje henvendelse"]):
        msg = EmailMessage(policy=policy.default)
        _headers(msg, subject)
        msg.set_content(f"Besked nummer {i + 1} om sagen.\nFrom the start this line begins with From.")
        box.add(msg)
    box.flush()
    box.close()
    return Expect(["postkasse.mbox", "Første henvendelse.eml", "Anden henvendelse.eml", "Tredje henvendelse.eml"])


# ------------------------------------------------------------------------------ PDF


def _pdf_pages(texts: list[str]) -> bytes:
    from aktindsigt.pdflib import pymupdf

    d = pymupdf.open()
    for t in texts:
        p = d.new_page()
        p.insert_textbox(pymupdf.Rect(60, 60, 540, 780), t, fontsize=11, fontname="helv")
    b = d.tobytes()
    d.close()
    return b


LOREM_DA = ("Kommunen har modtaget din ansøgning om byggetilladelse til en carport på ejendommen. "
            "Ansøgningen er behandlet efter byggeloven, og der er foretaget partshøring af naboerne. "
            "Mette Hansen har sendt bemærkninger om skyggegener og afstand til skel. ")


def make_wrong_encrypt_length(folder: Path) -> Expect:
    """RC4 encryption with an empty user password and a wrong /Length in /Encrypt: PyMuPDF refuses
    it, qpdf opens it without a password."""
    import re

    import pikepdf

    src = pikepdf.open(io.BytesIO(_pdf_pages([LOREM_DA * 3, LOREM_DA * 2])))
    buf = io.BytesIO()
    src.save(buf, encryption=pikepdf.Encryption(user="", owner="ejer", R=3, aes=False, metadata=False),
             object_stream_mode=pikepdf.ObjectStreamMode.disable)
    data = buf.getvalue()
    at = data.find(b"/Filter /Standard")
    i, j = data.rfind(b"<<", 0, at), data.find(b">>", at)
    data = data[:i] + re.sub(rb"/Length \d+", b"/Length 256", data[i:j + 2]) + data[j + 2:]
    path = folder / "forkert-krypteringslaengde.pdf"
    path.write_bytes(data)
    return Expect([path.name])


def make_bad_root(folder: Path) -> Expect:
    """The trailer points /Root at an object that does not exist (a broken xref/trailer)."""
    import re

    data = re.sub(rb"/Root\s+\d+\s+0\s+R", b"/Root 999 0 R", _pdf_pages([LOREM_DA * 2]))
    path = folder / "oedelagt-xref.pdf"
    path.write_bytes(data)
    return Expect([path.name])


def make_truncated(folder: Path) -> Expect:
    """Half a PDF: PyMuPDF repairs it to pages without content."""
    data = _pdf_pages([LOREM_DA * 3] * 4)
    path = folder / "afkortet.pdf"
    path.write_bytes(data[: len(data) * 2 // 5])
    return Expect([path.name], warning="tom")


def make_encrypted_pdf(folder: Path) -> Expect:
    import pikepdf

    src = pikepdf.open(io.BytesIO(_pdf_pages([LOREM_DA])))
    path = folder / "adgangskode.pdf"
    src.save(path, encryption=pikepdf.Encryption(user="hemmelig", owner="ejer"))
    return Expect([path.name], reason="PDF-filen er krypteret og kan ikke åbnes uden adgangskode")


def _swap_tounicode(pdf_data: bytes) -> bytes:
    """Give every simple font a /ToUnicode CMap that maps each code to its byte-swapped UTF-16 value
    ('M' U+004D → U+4D00 '䴀'), as a broken PDF producer does."""
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(pdf_data))
    lines = [f"<{c:02X}> <{(c << 8):04X}>" for c in range(32, 256)]
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Swapped def "
            "1 begincodespacerange <00> <FF> endcodespacerange\n"
            + "".join(f"{min(100, len(lines) - k)} beginbfchar\n" + "\n".join(lines[k:k + 100]) + "\nendbfchar\n"
                      for k in range(0, len(lines), 100))
            + "endcmap CMapName currentdict /CMap defineresource pop end end")
    stream = pikepdf.Stream(pdf, cmap.encode())
    for page in pdf.pages:
        for _, fnt in page.Resources.get("/Font", {}).items():
            fnt.ToUnicode = stream
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def make_byte_swapped(folder: Path) -> Expect:
    path = folder / "byteombyttet.pdf"
    path.write_bytes(_swap_tounicode(_pdf_pages([LOREM_DA * 4])))
    return Expect([path.name], ocr=True)


def _scan_with_layer(lines: list[str], layer: Callable[[str], str], dpi: int = 150) -> bytes:
    """A scanned page (an image of ``lines``) with an invisible text layer ``layer(line)`` on top,
    as vendor OCR writes it."""
    from aktindsigt.pdflib import pymupdf

    src = pymupdf.open()
    p = src.new_page()
    y = 80.0
    for line in lines:
        p.insert_text((60, y), line, fontsize=11, fontname="helv")
        y += 16
    pix = p.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    out = pymupdf.open()
    q = out.new_page()
    q.insert_image(q.rect, stream=pix.tobytes("png"))
    y = 80.0
    for line in lines:
        q.insert_text((60, y), layer(line), fontsize=11, fontname="helv", render_mode=3)
        y += 16
    data = out.tobytes()
    out.close()
    src.close()
    return data


def _wrap(text: str, width: int = 80) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width)


def make_letter_spaced(folder: Path) -> Expect:
    """A scan whose vendor OCR layer is letter-spaced ('M e t t e  H a n s e n')."""
    path = folder / "spaerret-tekstlag.pdf"
    path.write_bytes(_scan_with_layer(_wrap(LOREM_DA * 2), lambda s: " ".join(s)))
    return Expect([path.name], ocr=True)


def make_split_words(folder: Path) -> Expect:
    """A scan whose OCR layer splits words at random places ('r epresent', 'loa ns')."""
    rng = random.Random(3)

    def split(line: str) -> str:
        out = []
        for w in line.split():
            if len(w) > 3:
                k = rng.randint(1, len(w) - 1)
                w = w[:k] + " " + w[k:]
            out.append(w)
        return " ".join(out)

    path = folder / "delte-ord.pdf"
    path.write_bytes(_scan_with_layer(_wrap(LOREM_DA * 2), split))
    return Expect([path.name], ocr=True)


def make_annotation_page(folder: Path) -> Expect:
    """A page made only of annotations: a stamp and typewriter (FreeText) notes."""
    from aktindsigt.pdflib import pymupdf

    d = pymupdf.open()
    p = d.new_page()
    p.add_stamp_annot(pymupdf.Rect(350, 40, 550, 100), stamp=0)
    for i, t in enumerate(["Modtaget 3. marts 2026", "Sagsbehandler: Mette Hansen", "Journalnr. 02.34.02-G01-7-26"]):
        a = p.add_freetext_annot(pymupdf.Rect(60, 150 + 40 * i, 500, 180 + 40 * i), t, fontsize=14)
        a.update()
    path = folder / "kun-annotationer.pdf"
    d.save(path)
    d.close()
    return Expect([path.name])


def make_pdf_attachments(folder: Path) -> Expect:
    """A PDF with files attached as paper clips on its pages (FileAttachment annotations) and one in a
    document-level EmbeddedFiles name tree split into /Kids, as Acrobat writes long portfolios."""
    import pikepdf

    from aktindsigt.pdflib import pymupdf

    d = pymupdf.open()
    for n in range(2):
        d.new_page().insert_text((72, 72), f"Side {n + 1} af høringsnotatet")
    d[0].add_file_annot((450, 100), pdf_bytes("Referat", "Referat af mødet med Karen Bødker."),
                        filename="referat.pdf")
    d[1].add_file_annot((450, 100), b"Noter om Fjordvej 3.", filename="noter.txt")
    data = d.tobytes()
    d.close()
    path = folder / "høringsnotat-med-bilag.pdf"
    with pikepdf.open(io.BytesIO(data)) as pdf:
        spec = pikepdf.AttachedFileSpec(pdf, b"Tegning af carporten.", filename="tegning.txt")
        leaf = pdf.make_indirect(pikepdf.Dictionary(
            Names=pikepdf.Array([pikepdf.String("tegning.txt"), spec.obj]),
            Limits=pikepdf.Array([pikepdf.String("tegning.txt"), pikepdf.String("tegning.txt")])))
        pdf.Root.Names = pikepdf.Dictionary(EmbeddedFiles=pikepdf.Dictionary(Kids=pikepdf.Array([leaf])))
        pdf.save(path)
    return Expect([path.name, "referat.pdf", "noter.txt", "tegning.txt"], warning="vedhæftede filer")


def make_nested_pdf(folder: Path, levels: int = 5) -> Expect:
    """A PDF attached to a PDF attached to a PDF ... five deep: all of them up to the depth limit (3), a
    reason for the rest."""
    from aktindsigt.pdflib import pymupdf

    inner, name = b"Inderste bilag.", "inderst.txt"
    for level in range(levels, 0, -1):
        d = pymupdf.open()
        d.new_page().insert_text((72, 72), f"Bilag på niveau {level}")
        d[0].add_file_annot((400, 300), inner, filename=name)
        inner, name = d.tobytes(), f"niveau-{level}.pdf"
        d.close()
    (folder / name).write_bytes(inner)
    return Expect([name, "niveau-2.pdf", "niveau-3.pdf", "niveau-4.pdf"])


def uninterpretable_pdf(path: Path) -> Path:
    """Two pages; the second's content stream opens 100,000 graphics states, more than MuPDF nests, so its
    text extraction and its rendering raise (FzErrorLimit "too many nested graphics states", as in fuzzed
    files) while the first page reads."""
    import pikepdf

    from aktindsigt.pdflib import pymupdf

    d = pymupdf.open()
    for n in range(2):
        d.new_page().insert_text((72, 72), f"Side {n + 1}: Borgeren Karen Bødker har klaget over afgørelsen.")
    data = d.tobytes()
    d.close()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        page = pdf.pages[1]
        contents = page.obj.Contents
        old = b"".join(c.read_bytes() for c in (contents if isinstance(contents, pikepdf.Array) else [contents]))
        page.obj.Contents = pdf.make_stream(b"q " * 100_000 + old)
        pdf.save(path)
    return path


def make_raising_page(folder: Path) -> Expect:
    """A page whose text extraction (and rendering) raises: that page gets a warning, the rest is read."""
    path = uninterpretable_pdf(folder / "side-der-fejler.pdf")
    return Expect([path.name], warning="kunne ikke udtrækkes")


def make_good_pdf(folder: Path) -> Expect:
    path = folder / "afgoerelse.pdf"
    path.write_bytes(_pdf_pages([LOREM_DA * 5, LOREM_DA * 4, LOREM_DA * 3]))
    return Expect([path.name])


# ---------------------------------------------------------------------- office files


def make_docx_files(folder: Path, n: int = 4) -> list[Expect]:
    out = []
    for i in range(n):
        name = f"notat-{i + 1}.docx"
        write_docx(folder / name, f"Notat {i + 1}", [LOREM_DA] * 6)
        out.append(Expect([name]))
    return out


def make_xlsx(folder: Path) -> Expect:
    """A workbook with a hidden sheet, a hidden row and column, and a cell comment."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment

    wb = Workbook()
    ws = wb.active
    ws.title = "Oversigt"
    ws.append(["Navn", "Adresse", "Beløb"])
    ws.append(["Mette Hansen", "Fjordvej 3", 1200])
    ws.append(["Jens Olsen", "Skovvej 8", 800])
    ws["A2"].comment = Comment("Ring til hende om gælden", "Sagsbehandler")
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 18
    ws.row_dimensions[3].hidden = True
    ws.column_dimensions["C"].hidden = True
    hidden = wb.create_sheet("Interne noter")
    hidden.append(["Borgeren har tidligere fået afslag"])
    hidden.sheet_state = "hidden"
    path = folder / "oversigt.xlsx"
    wb.save(path)
    return Expect([path.name], warning="skjult")


def make_pptx(folder: Path) -> Expect:
    from pptx import Presentation

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Status på byggesagen"
    slide.placeholders[1].text = "Partshøring afsluttet"
    slide.notes_slide.notes_text_frame.text = "Husk: naboen Mette Hansen har klaget to gange"
    path = folder / "praesentation.pptx"
    prs.save(path)
    return Expect([path.name], warning="noter")


def make_rtf(folder: Path) -> Expect:
    path = folder / "brev.rtf"
    path.write_bytes(rb"{\rtf1\ansi\deff0{\fonttbl{\f0 Arial;}}\f0\fs22 K\'e6re S\'f8ren\par "
                     rb"Kommunen har behandlet din sag om Fjordvej 3.\par Med venlig hilsen\par Byggesag\par}")
    return Expect([path.name])


def make_zip_with_macosx(folder: Path) -> Expect:
    path = folder / "bilag.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("bilag/tegning.pdf", pdf_bytes("Tegning", "Facadetegning."))
        zf.writestr("__MACOSX/bilag/._tegning.pdf", b"\x00\x05\x16\x07AppleDouble")
        zf.writestr("bilag/._noter.txt", b"\x00\x05\x16\x07AppleDouble")
        zf.writestr("bilag/noter.txt", "Noter.")
    return Expect(["bilag.zip", "tegning.pdf", "noter.txt"])


def _zip_method(path: Path, member: str, method: int) -> None:
    """Set a member's compression method in its local header and central-directory entry."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info, pos = zf.getinfo(member), zf.start_dir
    struct.pack_into("<H", data, info.header_offset + 8, method)
    while data[pos:pos + 4] == b"PK\x01\x02":
        n, m, k = struct.unpack_from("<HHH", data, pos + 28)
        if data[pos + 46:pos + 46 + n].decode("utf-8") == member:
            struct.pack_into("<H", data, pos + 10, method)
        pos += 46 + n + m + k
    path.write_bytes(bytes(data))


def make_zip_methods(folder: Path) -> Expect:
    """A zip with a Deflate64 member (Windows uses it for large files; zipfile cannot read it; stored
    deflate blocks read the same) and a member marked as imploded whose bytes are no imploded stream."""
    path = folder / "arkiv-metoder.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=0) as zf:
        zf.writestr("udtalelse.txt", "Udtalelse fra naboen, pakket med Deflate64.")
        zf.writestr("gammel.txt", "Pakket med implode i 1993.")
        zf.writestr("kvittering.txt", "Kvittering for modtagelsen.")
    _zip_method(path, "udtalelse.txt", 9)
    _zip_method(path, "gammel.txt", 6)
    return Expect([path.name, "udtalelse.txt", "kvittering.txt"], warning="metoden implode")


def make_nested_zip(folder: Path) -> Expect:
    """A small 42.zip: every level holds four copies of the level below, five levels: bounded by the depth
    limit (and the import's budget of documents and bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("nuller.bin", b"\0" * 1_000_000)
    data = buf.getvalue()
    for level in range(5, 0, -1):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for i in range(4):
                zf.writestr(f"niveau-{level}-{i}.zip", data)
        data = buf.getvalue()
    (folder / "42-lille.zip").write_bytes(data)
    return Expect(["42-lille.zip", "niveau-1-0.zip", "niveau-2-3.zip", "niveau-3-1.zip"],
                  warning="")


def make_understated_docx(folder: Path, real_mb: int = 200) -> Expect:
    """A DOCX whose zip headers say a member is 1 KB while it inflates to ``real_mb`` MB."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        write_docx(Path(tmp) / "x.docx", "Løgn", ["kort"])
        src = zipfile.ZipFile(Path(tmp) / "x.docx")
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
            for info in src.infolist():
                data = src.read(info.filename)
                if info.filename == "word/document.xml":
                    data = data.replace(b"</w:body>", b"<w:p><w:r><w:t>" + b"A" * (real_mb << 20)
                                        + b"</w:t></w:r></w:p></w:body>")
                out.writestr(info.filename, data)
        src.close()
    raw = bytearray(buf.getvalue())
    # rewrite the uncompressed size of word/document.xml in its local header and the central directory
    name = b"word/document.xml"
    for sig, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        pos = 0
        while (pos := raw.find(sig, pos)) >= 0:
            nlen = struct.unpack_from("<H", raw, pos + (26 if sig == b"PK\x03\x04" else 28))[0]
            if raw[pos + name_at:pos + name_at + nlen] == name:
                struct.pack_into("<I", raw, pos + size_at, 1024)
            pos += 4
    path = folder / "understated.docx"
    path.write_bytes(bytes(raw))
    return Expect([path.name], reason="Word-filen er mistænkeligt stor, når den pakkes ud, og er afvist af sikkerhedshensyn")


# ------------------------------------------------------------------------ hostile


def make_bad_name(folder: Path) -> Expect:
    """A file whose name is not valid UTF-8 (latin-1 'ø'), as a Samba share or an old zip leaves it."""
    name = b"k\xf8bsaftale.txt"
    with open(os.path.join(os.fsencode(folder), name), "wb") as f:
        f.write("Købsaftale om Fjordvej 3.".encode())
    return Expect(["købsaftale.txt"])  # recorded under the name read as Windows-1252


def make_symlink_out(folder: Path) -> Expect:
    (folder / "genvej.txt").symlink_to("/etc/passwd")
    return Expect(["genvej.txt"], reason="Genvej til en fil uden for mappen er ikke importeret")


def make_fifo(folder: Path) -> Expect:
    os.mkfifo(folder / "roer.txt")
    return Expect(["roer.txt"], reason="Stien er ikke en almindelig fil og er ikke importeret")


MAKERS: list[Callable[[Path], Expect | list[Expect]]] = [
    make_smime_signed, make_nested, make_bounce, make_headers_only_bounce, make_encrypted_mail, make_filenames,
    make_header_bomb, make_rfc822_msg, make_tnef, make_tnef_ole, make_msg_ole, make_mbox,
    make_wrong_encrypt_length, make_bad_root, make_truncated, make_encrypted_pdf, make_byte_swapped,
    make_letter_spaced, make_split_words, make_annotation_page, make_raising_page, make_pdf_attachments,
    make_nested_pdf, make_good_pdf, make_docx_files, make_xlsx, make_pptx, make_rtf, make_zip_with_macosx,
    make_zip_methods, make_nested_zip, make_understated_docx, make_bad_name, make_symlink_out, make_fifo,
]


def build_corpus(folder: Path) -> dict[str, Expect]:
    """Write every file into ``folder``; returns file name → what the import must make of it."""
    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Expect] = {}
    for make in MAKERS:
        got = make(folder)
        for exp in got if isinstance(got, list) else [got]:
            out[exp.names[0]] = exp
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "ingest-corpus")
    for name, exp in build_corpus(target).items():
        print(f"{name!r}: {len(exp.names) - 1} attachments, reason={exp.reason!r}, ocr={exp.ocr}")
