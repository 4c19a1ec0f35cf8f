"""What the import of real files from public test corpora found (scripts/import_corpus.py), each case
rebuilt here: the content chooses the reader when the name is wrong or missing; every message/* part
of a mail reaches the case; raw 8-bit headers; parts after a multipart's closing boundary."""

from __future__ import annotations

import shutil
from email.utils import format_datetime

import pytest

from aktindsigt.demo.writers import DEFAULT_DATE
from aktindsigt.ingest import ingest

from .corpus import corpus, tree_names

DATE = format_datetime(DEFAULT_DATE)


def _mail(body: str, ctype: str, subject: str = "Byggesag") -> bytes:
    return (f"From: Karen Bødker <karen@example.dk>\r\nTo: byg@fjordby.dk\r\nSubject: {subject}\r\n"
            f"Date: {DATE}\r\nMessage-ID: <1@example.dk>\r\nMIME-Version: 1.0\r\nContent-Type: {ctype}\r\n\r\n"
            f"{body}").encode()


def test_a_pdf_named_docx_or_bin_or_nothing_is_read_as_pdf(tmp_path):
    data = corpus.pdf_bytes("Afgørelse", "Afgørelse om byggetilladelse til Fjordvej 3.")
    for name in ("afgørelse.docx", "afgørelse.bin", "afgørelse"):
        (tmp_path / name).write_bytes(data)
        with ingest(tmp_path / name) as res:
            doc = res.document
            assert not doc.failed, (name, doc.failure_reason)
            assert doc.format == "pdf" and "Fjordvej 3" in doc.text
            assert doc.read_as == ".pdf"
    with ingest(tmp_path / "afgørelse.docx") as res:
        assert res.document.warnings == ["Filen hedder .docx, men indholdet er en PDF-fil, og den er læst sådan."]
    with ingest(tmp_path / "afgørelse") as res:
        assert res.document.warnings == ["Filen har ingen filtype; den er læst som en PDF-fil ud fra indholdet."]


def test_a_mail_saved_as_txt_or_without_suffix_is_read_as_mail_with_its_attachment(tmp_path):
    b = "==b=="
    pdf = corpus.pdf_bytes("Tegning", "Tegning af carport.")
    import base64

    body = (f"--{b}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHermed tegningen.\r\n"
            f"--{b}\r\nContent-Type: application/pdf; name=\"tegning.pdf\"\r\nContent-Transfer-Encoding: base64\r\n"
            f"\r\n{base64.encodebytes(pdf).decode()}\r\n--{b}--\r\n")
    raw = _mail(body, f'multipart/mixed; boundary="{b}"', subject="Carport")
    for name in ("carport.txt", "carport"):
        (tmp_path / name).write_bytes(raw)
        with ingest(tmp_path / name) as res:
            doc = res.document
            assert doc.format == "eml" and doc.title == "Carport"
            assert "Hermed tegningen." in doc.text and "base64" not in doc.text
            assert tree_names(doc) == [name, "tegning.pdf"]
            assert "Tegning af carport." in doc.children[0].text


def test_text_with_an_unknown_suffix_is_read_as_text_and_binary_is_refused(tmp_path):
    (tmp_path / "noter.nfo").write_text("# Noter\n\nMødet med Jens Hansen er flyttet.\n", encoding="utf-8")
    with ingest(tmp_path / "noter.nfo") as res:
        doc = res.document
        assert not doc.failed and "Jens Hansen" in doc.text
        assert doc.warnings == ["Filtypen .nfo kendes ikke; filen er læst som tekst ud fra indholdet."]
    (tmp_path / "lyd.wav").write_bytes(b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00" + bytes(64))
    with ingest(tmp_path / "lyd.wav") as res:
        assert res.document.failed and res.document.failure_reason == "Filtypen .wav understøttes ikke"


def test_a_plain_text_file_that_only_mentions_mail_headers_stays_text(tmp_path):
    (tmp_path / "notat.txt").write_text("Notat om mødet\n\nFrom: ingen\nTo: ingen\n", encoding="utf-8")
    with ingest(tmp_path / "notat.txt") as res:
        assert res.document.format == "text" and not res.document.read_as and not res.document.warnings


def test_every_message_part_reaches_the_case(tmp_path):
    """message/news is a whole message; message/disposition-notification and message/feedback-report are
    reports of fields (before: empty attachments, "Filen er tom (0 byte)")."""
    b = "==r=="
    body = (f"--{b}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nDin besked er læst.\r\n"
            f"--{b}\r\nContent-Type: message/disposition-notification\r\n\r\n"
            "Reporting-UA: mail.fjordby.dk\r\nFinal-Recipient: rfc822; byg@fjordby.dk\r\n"
            "Disposition: manual-action/MDN-sent-manually; displayed\r\n"
            f"--{b}\r\nContent-Type: message/feedback-report\r\n\r\n"
            "Feedback-Type: abuse\r\nUser-Agent: SomeGenerator/1.0\r\nVersion: 1\r\n"
            f"--{b}\r\nContent-Type: message/news\r\n\r\n"
            "From: Ole Sørensen <ole@example.dk>\r\nNewsgroups: dk.politik\r\nSubject: Lokalplan 12\r\n\r\n"
            "Lokalplanen for havnen er vedtaget.\r\n"
            f"--{b}--\r\n")
    (tmp_path / "kvittering.eml").write_bytes(_mail(body, f'multipart/report; boundary="{b}"'))
    with ingest(tmp_path / "kvittering.eml") as res:
        doc = res.document
        assert tree_names(doc) == ["kvittering.eml", "kvittering.txt", "rapport om uønsket post.txt",
                                   "Lokalplan 12.eml"]
        mdn, feedback, news = doc.children
        assert not any(c.failed for c in doc.children)
        assert "Disposition: manual-action/MDN-sent-manually; displayed" in mdn.text
        assert mdn.format == "text"  # the fields are not mistaken for a mail of their own
        assert "Feedback-Type: abuse" in feedback.text
        assert news.format == "eml" and "Lokalplanen for havnen er vedtaget." in news.text


def test_raw_8bit_headers_are_decoded(tmp_path):
    """An old mail program writes Latin-1 in the header without MIME words (before: 'Fr�sche')."""
    head = ("From: =?utf-8?q?S=C3=B8ren?= <s@example.dk>\r\nTo: byg@fjordby.dk\r\n"
            f"Date: {DATE}\r\nMessage-ID: <2@example.dk>\r\n").encode()
    raw = head + "Subject: Ansøgning om byggetilladelse\r\n\r\nTekst.\r\n".encode("latin-1")
    (tmp_path / "gammel.eml").write_bytes(raw)
    (tmp_path / "ny.eml").write_bytes(head + "Subject: Ansøgning om byggetilladelse\r\n\r\nTekst.\r\n".encode())
    for name in ("gammel.eml", "ny.eml"):
        with ingest(tmp_path / name) as res:
            assert res.document.title == "Ansøgning om byggetilladelse"
            assert res.document.sender.startswith("Søren")


def test_parts_after_an_early_closing_boundary_and_empty_parts(tmp_path):
    """An inner multipart that reuses the outer boundary closes the message early: the attachment after
    it sits in the epilogue (before: lost). The inner multipart left empty is no 'bilag-1.bin'."""
    import base64

    b = "----=Part_1"
    pdf = corpus.pdf_bytes("Faktura", "Faktura nr. 4711 for rådgivning.")
    body = (f"--{b}\r\nContent-Type: multipart/alternative; boundary=\"{b}\"\r\n\r\n"
            f"--{b}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSe vedlagte faktura.\r\n"
            f"--{b}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Se vedlagte faktura.</p>\r\n"
            f"--{b}--\r\n\r\n"
            f"--{b}\r\nContent-Type: application/pdf; name=\"faktura.pdf\"\r\nContent-Transfer-Encoding: base64\r\n"
            f"\r\n{base64.encodebytes(pdf).decode()}\r\n--{b}--\r\n")
    (tmp_path / "faktura.eml").write_bytes(_mail(body, f'multipart/mixed; boundary="{b}"'))
    with ingest(tmp_path / "faktura.eml") as res:
        doc = res.document
        assert tree_names(doc) == ["faktura.eml", "faktura.pdf"]
        assert "Faktura nr. 4711" in doc.children[0].text
        assert "Se vedlagte faktura." in doc.text


def test_a_multipart_whose_boundary_is_missing_keeps_its_text(tmp_path):
    raw = _mail("Teksten står her uden grænser.\r\n", 'multipart/mixed; boundary="findes-ikke"')
    (tmp_path / "uden-graense.eml").write_bytes(raw)
    with ingest(tmp_path / "uden-graense.eml") as res:
        doc = res.document
        assert not doc.failed and doc.children == []
        assert "Teksten står her uden grænser." in doc.text


def test_a_raw_8bit_attachment_name_is_kept_and_does_not_break_the_mail(tmp_path):
    """A Content-Disposition with raw UTF-8 bytes (before: the whole mail 'beskadiget', AttributeError)."""
    b = "==n=="
    body = (f"--{b}\r\nContent-Type: text/plain\r\n\r\nHej.\r\n"
            f"--{b}\r\nContent-Type: text/plain; name=tilbud-æøå.txt\r\n"
            f"Content-Disposition: attachment;\r\n\tfilename=tilbud-æøå.txt\r\n\r\nTilbud på maling.\r\n--{b}--\r\n")
    (tmp_path / "tilbud.eml").write_bytes(_mail(body, f'multipart/mixed; boundary="{b}"'))
    with ingest(tmp_path / "tilbud.eml") as res:
        doc = res.document
        assert not doc.failed, doc.failure_detail
        assert tree_names(doc) == ["tilbud.eml", "tilbud-æøå.txt"]
        assert doc.children[0].text.strip() == "Tilbud på maling."


def test_a_boundary_folded_inside_its_quotes_is_unfolded(tmp_path):
    """Outlook 2000 folded the Content-Type header inside the quoted boundary (before: the attachments
    were raw base64 in the body text)."""
    import base64

    png = corpus.png_bytes()
    b = "----=_NextPart _000_0002"
    head = (f"From: a@example.dk\r\nTo: b@example.dk\r\nSubject: Kugler\r\nDate: {DATE}\r\nMIME-Version: 1.0\r\n"
            'Content-Type: multipart/mixed;\r\n    boundary="----=_NextPart\r\n _000_0002"\r\n\r\n')
    body = (f"--{b}\r\nContent-Type: text/plain\r\n\r\nTo kugler.\r\n"
            f"--{b}\r\nContent-Type: image/png; name=\"rød.png\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            f"{base64.encodebytes(png).decode()}\r\n--{b}--\r\n")
    (tmp_path / "kugler.eml").write_bytes((head + body).encode())
    with ingest(tmp_path / "kugler.eml") as res:
        doc = res.document
        assert tree_names(doc) == ["kugler.eml", "rød.png"]
        assert "To kugler." in doc.text and "base64" not in doc.text and not doc.children[0].failed


def test_a_meeting_invitation_in_an_alternative_is_an_attachment(tmp_path):
    b = "==alt=="
    ics = ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Møde om lokalplan 12\r\nLOCATION:Rådhuset\r\n"
           "DTSTART:20260310T100000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    body = (f"--{b}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nIndkaldelse.\r\n"
            f"--{b}\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Indkaldelse.</p>\r\n"
            f"--{b}\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\n{ics}--{b}--\r\n")
    (tmp_path / "indkaldelse.eml").write_bytes(_mail(body, f'multipart/alternative; boundary="{b}"'))
    with ingest(tmp_path / "indkaldelse.eml") as res:
        doc = res.document
        assert [c.source_name for c in doc.children] == ["bilag-1.ics"]
        cal = doc.children[0]
        assert not cal.failed and "Møde om lokalplan 12" in cal.text and "Rådhuset" in cal.text
        assert doc.text.count("Indkaldelse.") == 1  # the html rendering is not a second body


def _key_and_cert():
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Fjordby Kommune")])
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + dt.timedelta(days=365))
            .sign(key, hashes.SHA256()))
    return key, cert


def _signed(data: bytes, encoding=None) -> bytes:
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.serialization import pkcs7

    key, cert = _key_and_cert()
    return (pkcs7.PKCS7SignatureBuilder().set_data(data).add_signer(cert, key, hashes.SHA256())
            .sign(encoding or serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary]))


def _enveloped(data: bytes) -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs7

    _key, cert = _key_and_cert()
    return pkcs7.PKCS7EnvelopeBuilder().set_data(data).add_recipient(cert).encrypt(serialization.Encoding.DER, [])


def test_a_signed_p7m_file_holds_its_signed_file_and_an_encrypted_one_has_a_reason(tmp_path):
    """kontrakt.pdf.p7m (an opaque CMS signature) before: 'Filtypen .p7m understøttes ikke'."""
    pdf = corpus.pdf_bytes("Kontrakt", "Kontrakt om snerydning mellem Fjordby Kommune og Vej & Park ApS.")
    (tmp_path / "kontrakt.pdf.p7m").write_bytes(_signed(pdf))
    with ingest(tmp_path / "kontrakt.pdf.p7m") as res:
        doc = res.document
        assert doc.format == "p7m" and not doc.failed
        assert "signeret digitalt" in doc.text and "Signaturen er ikke kontrolleret" in doc.text
        assert tree_names(doc) == ["kontrakt.pdf.p7m", "kontrakt.pdf"]
        assert doc.children[0].format == "pdf" and "snerydning" in doc.children[0].text
    (tmp_path / "bilag.p7m").write_bytes(_signed(b"Notat om vintertjeneste."))
    with ingest(tmp_path / "bilag.p7m") as res:  # no inner suffix: the content names it
        assert tree_names(res.document) == ["bilag.p7m", "bilag.txt"]
    (tmp_path / "signeret").write_bytes(_signed(pdf))  # no name at all: found by content
    with ingest(tmp_path / "signeret") as res:
        assert res.document.format == "p7m" and res.document.children[0].format == "pdf"
    (tmp_path / "hemmelig.pdf.p7m").write_bytes(_enveloped(pdf))
    with ingest(tmp_path / "hemmelig.pdf.p7m") as res:
        assert res.document.failed
        assert res.document.failure_reason.startswith("Filen er krypteret (S/MIME) og kan ikke læses.")


def test_an_opaque_signed_mail_is_read_not_called_encrypted(tmp_path):
    """application/pkcs7-mime; smime-type=signed-data carries the whole message, readable without a key
    (before: 'E-mailen er krypteret og kan ikke læses')."""
    import base64

    b = "==in=="
    pdf = corpus.pdf_bytes("Tilladelse", "Byggetilladelse til carport på Fjordvej 3.")
    entity = (f'Content-Type: multipart/mixed; boundary="{b}"\r\n\r\n'
              f"--{b}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHermed tilladelsen.\r\n"
              f"--{b}\r\nContent-Type: application/pdf; name=\"tilladelse.pdf\"\r\n"
              f"Content-Transfer-Encoding: base64\r\n\r\n{base64.encodebytes(pdf).decode()}\r\n--{b}--\r\n").encode()
    body = base64.encodebytes(_signed(entity)).decode()
    raw = _mail(body, 'application/pkcs7-mime; smime-type=signed-data; name="smime.p7m"\r\n'
                      "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"smime.p7m\"",
                subject="Tilladelse")
    (tmp_path / "signeret.eml").write_bytes(raw)
    with ingest(tmp_path / "signeret.eml") as res:
        doc = res.document
        assert not doc.failed, doc.failure_reason
        assert "Hermed tilladelsen." in doc.text
        assert tree_names(doc) == ["signeret.eml", "tilladelse.pdf"]
        assert "Fjordvej 3" in doc.children[0].text
        assert any("signeret digitalt" in w for w in doc.warnings)
        assert not any("krypteret" in w for w in doc.warnings)


def test_a_foreign_language_document_is_not_ocrd_page_after_page(tmp_path, monkeypatch):
    """A born-digital German document: every page's layer scores as suspicious (the word lists are Danish
    and English), the OCR of each reads no better. Only the first pages are OCR'd (a 117-page German
    textbook with formulas took an hour of OCR that changed nothing)."""
    from faker import Faker

    from aktindsigt.ingest import pdf as pdf_mod
    from aktindsigt.ingest import tools
    from aktindsigt.ingest.layout import pdf_page_lines
    from aktindsigt.ingest.textlayer import score_words
    from aktindsigt.pdflib import pymupdf

    fake = Faker("de_DE")
    fake.seed_instance(3)
    out = pymupdf.open()
    texts = []
    for _ in range(8):
        text = " ".join(fake.paragraph(nb_sentences=10) for _ in range(2))
        texts.append(text)
        page = out.new_page()
        page.insert_textbox(pymupdf.Rect(60, 60, 540, 780), text, fontsize=11)
    out.save(tmp_path / "bericht.pdf")
    with pymupdf.open(tmp_path / "bericht.pdf") as check:
        assert all(score_words([w[4] for w in p.get_text("words")]).suspicious() for p in check)
    calls = []
    danish = pymupdf.open()
    danish.new_page().insert_textbox(pymupdf.Rect(60, 60, 540, 780), "Kommunen har modtaget din ansøgning om "
                                     "byggetilladelse og vil behandle den hurtigst muligt. " * 8, fontsize=11)

    def ocr_reads_the_same(page, language, dpi, tmpdir, timeout):  # what Tesseract reads on such a page
        calls.append(page.number)
        return pdf_page_lines(danish[0] if page.number == 0 else page)  # page 1: the OCR reads better

    monkeypatch.setattr(tools, "tesseract_status", lambda language="dan": tools.ToolStatus(
        "Tesseract", True, "", tools.TESSERACT_CONSEQUENCE))
    monkeypatch.setattr(pdf_mod, "ocr_pdf_page", ocr_reads_the_same)
    with ingest(tmp_path / "bericht.pdf") as res:
        doc = res.document
        assert not doc.failed and len(doc.pages) == 8
        assert calls == [0, 1, 2, 3]  # one page replaced, three kept: the other four keep their layer
        assert [p.ocr for p in doc.pages] == [True] + [False] * 7
        assert texts[7].split()[0] in doc.text


def test_a_mailbox_without_suffix_or_saved_as_eml_is_split_into_its_messages(tmp_path):
    """Thunderbird keeps a folder as an mbox file without a suffix ("Inbox"); before, it was one mail
    with the other messages in its body."""
    corpus.make_mbox(tmp_path)
    data = (tmp_path / "postkasse.mbox").read_bytes()
    for name in ("Indbakke", "postkasse.eml"):
        (tmp_path / name).write_bytes(data)
        with ingest(tmp_path / name) as res:
            doc = res.document
            assert doc.format == "mbox", (name, doc.format)
            assert [c.source_name for c in doc.children] == ["Første henvendelse.eml", "Anden henvendelse.eml",
                                                             "Tredje henvendelse.eml"]
    one = data[: data.index(b"\nFrom ", 10) + 1]  # a single message with its From_ line stays an e-mail
    (tmp_path / "en.eml").write_bytes(one)
    with ingest(tmp_path / "en.eml") as res:
        assert res.document.format == "eml" and res.document.title == "Første henvendelse"


@pytest.mark.parametrize("maker", ["make_tnef_ole", "make_pdf_attachments", "make_nested_pdf", "make_zip_methods",
                                   "make_nested_zip"])
def test_attachments_of_pdfs_zips_and_ole_objects_reach_the_tree(tmp_path, maker):
    """The benchmark folder's files of #15's second round: every expected document is in the tree, with
    the expected warning, and what a limit stopped is named."""
    if maker == "make_zip_methods" and shutil.which("unzip") is None:
        pytest.skip("Info-ZIP unzip is not installed")
    expect = getattr(corpus, maker)(tmp_path)
    with ingest(tmp_path / expect.names[0]) as res:
        doc = res.document
        assert not doc.failed, doc.failure_reason
        names = tree_names(doc)
        assert set(expect.names) <= set(names), names
        assert all(not d.failed for d in doc.walk())
        if expect.warning:
            assert any(expect.warning in w for w in doc.warnings), doc.warnings
        if maker in ("make_nested_pdf", "make_nested_zip"):
            deepest = list(doc.walk())[-1]
            assert any("dybere end 3 niveauer" in w or "for dybt indlejret" in w for w in deepest.warnings)
        if maker == "make_tnef_ole":
            assert not any("untitled" in n.lower() for n in names)
            assert "Prisliste for tagsten 2026." in doc.children[0].text
