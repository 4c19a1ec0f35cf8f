"""E-mail as a MIME tree: every attachment of signed, nested, bounced and TNEF mail reaches the
document tree; names as mailers write them; encrypted mail and header bombs get a Danish reason."""

from __future__ import annotations

import time

import pytest

from aktindsigt.ingest import IngestOptions, ingest
from aktindsigt.ingest.email import HEADER_TOO_LARGE

from .conftest import check_offsets
from .corpus import corpus, tree_names

MAKERS = ["make_smime_signed", "make_nested", "make_bounce", "make_headers_only_bounce", "make_filenames",
          "make_rfc822_msg", "make_tnef", "make_tnef_ole", "make_msg_ole", "make_mbox"]


@pytest.mark.parametrize("maker", MAKERS)
def test_every_attachment_reaches_the_tree(tmp_path, maker):
    expect = getattr(corpus, maker)(tmp_path)
    with ingest(tmp_path / expect.names[0]) as res:
        doc = res.document
        assert not doc.failed, doc.failure_reason
        check_offsets(doc)
        names = tree_names(doc)
        assert names[0] == expect.names[0]
        assert sorted(names[1:]) == sorted(expect.names[1:])
        for d in doc.walk():
            assert not d.failed, (d.source_name, d.failure_reason)
            assert d.source_path.stat().st_size > 0


def test_signed_mail_content_is_the_first_part_and_the_signature_is_noted(tmp_path):
    corpus.make_smime_signed(tmp_path)
    with ingest(tmp_path / "signeret.eml") as res:
        doc = res.document
        assert "byggesagen på Fjordvej 3" in doc.text
        assert "smime.p7s" not in tree_names(doc)
        assert any("signeret digitalt" in w for w in doc.warnings)
        assert "Situationsplan for Fjordvej 3." in doc.children[0].text


def test_bounce_holds_the_status_and_the_original_with_its_attachment(tmp_path):
    corpus.make_bounce(tmp_path)
    with ingest(tmp_path / "returneret.eml") as res:
        doc = res.document
        status, original = doc.children
        assert "Status: 5.1.1" in status.text
        assert original.format == "eml" and original.title == "Høringssvar"
        assert [c.source_name for c in original.children] == ["høringssvar.pdf"]
        assert "Svar på høring om lokalplan." in original.children[0].text


def test_attachment_names_decoded(tmp_path):
    corpus.make_filenames(tmp_path)
    with ingest(tmp_path / "filnavne.eml") as res:
        by_name = {c.source_name: c for c in res.document.children}
        assert by_name["This is a test.txt"].text == "Ikke citeret filnavn."
        assert by_name["Søren Kær notat.txt"].text == "RFC 2047."
        assert by_name["æbler og pærer.txt"].text == "RFC 2231."
        assert "Et bilag uden filnavn." in by_name["bilag-5.pdf"].text


def test_encrypted_mail_has_a_clear_reason(tmp_path):
    corpus.make_encrypted_mail(tmp_path)
    with ingest(tmp_path / "krypteret.eml") as res:
        doc = res.document
        assert doc.failed
        assert doc.failure_reason.startswith("E-mailen er krypteret og kan ikke læses")
        assert "importér den igen" in doc.failure_reason


def test_rfc822_mail_named_msg(tmp_path):
    corpus.make_rfc822_msg(tmp_path)
    with ingest(tmp_path / "svar.msg") as res:
        doc = res.document
        assert doc.format == "msg" and doc.title == "Svar på partshøring"
        assert "Karen Bødker" in doc.sender
        assert doc.children[0].text == "Bemaerkninger."


def test_tnef_attachments_are_children_of_winmail(tmp_path):
    corpus.make_tnef(tmp_path)
    with ingest(tmp_path / "tilbud.eml") as res:
        winmail = res.document.children[0]
        assert winmail.source_name == "winmail.dat" and winmail.format == "tnef"
        assert winmail.title == "Tilbud" and "Se vedlagte tilbud." in winmail.text
        pdf, txt = winmail.children
        assert "Tilbud på tagrenovering." in pdf.text
        assert txt.text == "Tagsten 120 kr. pr. stk."


def test_a_dat_file_that_is_not_tnef_is_unsupported(tmp_path):
    (tmp_path / "data.dat").write_bytes(b"\x00\x01binary")
    with ingest(tmp_path / "data.dat") as res:
        assert res.document.failed and res.document.failure_reason == "Filtypen .dat understøttes ikke"


def test_mbox_is_split_into_its_messages(tmp_path):
    corpus.make_mbox(tmp_path)
    with ingest(tmp_path / "postkasse.mbox") as res:
        doc = res.document
        assert "Postkassen indeholder 3 e-mails" in doc.text
        assert [c.title for c in doc.children] == ["Første henvendelse", "Anden henvendelse", "Tredje henvendelse"]
        assert "Besked nummer 2 om sagen." in doc.children[1].text


def test_header_guard_is_configurable_and_refuses_before_parsing(tmp_path):
    corpus.make_header_bomb(tmp_path, size=200_000)
    path = tmp_path / "massemail.eml"
    with ingest(path, IngestOptions(max_header_bytes=50_000)) as res:
        assert res.document.failed
        assert res.document.failure_reason.startswith(HEADER_TOO_LARGE)
        assert "50 kB" in res.document.failure_reason
    t0 = time.perf_counter()
    with ingest(path) as res:  # under the default limit: read, and quickly (the stdlib parser is not used on it)
        doc = res.document
        assert not doc.failed
        assert "Møller 4000" in doc.recipient
    assert time.perf_counter() - t0 < 20


def test_header_field_count_guard(tmp_path):
    head = "".join(f"X-Felt-{i}: v\n" for i in range(60))
    (tmp_path / "mange.eml").write_text(f"From: a@b.dk\nSubject: s\n{head}\nTekst\n", encoding="utf-8")
    with ingest(tmp_path / "mange.eml", IngestOptions(max_header_count=50)) as res:
        assert res.document.failed and "62 felter; grænsen er 50" in res.document.failure_reason


def test_ole_objects_are_unpacked_and_named_from_their_own_metadata():
    """oleobject: a Package gives its file and label; a storage that is the document (an embedded Word
    97-2003 document) is kept whole and named by its type; a truncated package is left alone."""
    import struct

    from aspose.email_foss.cfb.writer import CFBDocument, CFBStorage, CFBStream, CFBWriter

    from aktindsigt.ingest.oleobject import IID_ISTORAGE, is_untitled, storage_bytes, unpack

    pkg = corpus._ole_package("Tilbud.pdf", b"%PDF-1.4 tilbud")
    got = unpack(storage_bytes(IID_ISTORAGE + pkg))
    assert (got.name, got.data, got.kind) == ("Tilbud.pdf", b"%PDF-1.4 tilbud", "Package")
    user = "Microsoft Word 97-2003-dokument".encode("cp1252")
    comp = struct.pack("<IIi", 0xFFFE0001, 0xA03, -1) + b"\0" * 16 + struct.pack("<I", len(user) + 1) + user + b"\0"
    root = CFBStorage("Root Entry")
    root.add_stream(CFBStream("\x01CompObj", comp))
    root.add_stream(CFBStream("WordDocument", b"\xec\xa5" + b"\0" * 600))
    word = CFBWriter.to_bytes(CFBDocument(root))
    got = unpack(storage_bytes(IID_ISTORAGE + word))
    assert (got.name, got.data, got.kind) == ("", word, "Microsoft Word 97-2003-dokument")
    root = CFBStorage("Root Entry")
    root.add_stream(CFBStream("\x01Ole10Native", b"\x40\0\0\0\x02\0Tilbud.pdf\0C:\\x\0\0\0\x03\0\xff\xff\0\0"))
    assert unpack(CFBWriter.to_bytes(CFBDocument(root))) is None
    assert storage_bytes(b"%PDF-1.4") is None
    assert is_untitled("Untitled_Attachment") and is_untitled(" Untitled Attachment ") and not is_untitled("a.pdf")
