from __future__ import annotations

from datetime import date

import pymupdf
import pytest

from aktindsigt.core.model import Direction
from aktindsigt.demo import writers
from aktindsigt.ingest import IngestOptions, ingest

from .conftest import check_offsets, contains, phrase_rect

SENDER = "Karen Bødker <karen.bodker@example.dk>"
TO = "Jobcenter Vejle <jobcenter@vejle.dk>"
BODY = ("Hej Jobcenter\n\nJeg vedlægger min lægeerklæring. Mit CPR-nummer er 230571-2213 og jeg bor på "
        "Fjordvej 3, 7100 Vejle.\n\nMed venlig hilsen\nKaren Bødker")


@pytest.fixture
def attachment_pdf(tmp_path):
    return writers.write_text_pdf(tmp_path / "erklæring.pdf", "Lægeerklæring", ["Patienten Karen Bødker."])


def test_eml_header_body_and_attachments(tmp_path, attachment_pdf):
    inner = writers.write_eml(tmp_path / "inner.eml", TO, SENDER, "Kvittering", "Vi har modtaget din mail.")
    path = writers.write_eml(
        tmp_path / "mail.eml", SENDER, TO, "Ansøgning om revalidering", BODY, cc="Anne Holm <anne@example.dk>",
        attachments=[("erklæring.pdf", attachment_pdf.read_bytes()), ("noter.txt", b"Noter om Karen"),
                     ("tidligere.eml", inner.read_bytes())],
    )
    with ingest(path, IngestOptions(own_email_domains=("vejle.dk",))) as res:
        doc = res.document
        check_offsets(doc)
        assert doc.format == "eml"
        assert doc.title == "Ansøgning om revalidering"
        assert doc.sender == SENDER and doc.recipient == TO
        assert doc.doc_date == date(2026, 3, 2)
        assert doc.direction == Direction.INCOMING
        for label in ("Fra: Karen Bødker", "Til: Jobcenter Vejle", "Cc: Anne Holm", "Dato: ", "Emne: Ansøgning"):
            assert label in doc.text
        assert "CPR-nummer er 230571-2213" in doc.text
        names = [c.source_name for c in doc.children]
        assert names == ["erklæring.pdf", "noter.txt", "tidligere.eml"]
        assert all(not c.failed for c in doc.walk())
        assert doc.children[0].format == "pdf" and "Patienten Karen Bødker." in doc.children[0].text
        assert doc.children[1].text == "Noter om Karen"
        nested = doc.children[2]
        assert nested.format == "eml" and nested.title == "Kvittering"
        assert nested.direction == Direction.OUTGOING
        assert all(c.source_path.is_file() for c in doc.children)
        page_no, rect = phrase_rect(doc, "230571-2213")
        with pymupdf.open(doc.rendition) as pdf:
            assert any(contains(rect, h) for h in pdf[page_no - 1].search_for("230571-2213"))


def test_eml_direction_unknown_without_own_domains(tmp_path):
    path = writers.write_eml(tmp_path / "m.eml", SENDER, TO, "Emne", "Tekst")
    with ingest(path) as res:
        assert res.document.direction == Direction.UNKNOWN


def test_eml_html_only_body(tmp_path):
    path = writers.write_eml(tmp_path / "m.eml", SENDER, TO, "HTML", "Første afsnit.\n\nAndet afsnit om Karen.",
                             html=True)
    with ingest(path) as res:
        assert "Andet afsnit om Karen." in res.document.text


def test_attachment_depth_limit(tmp_path):
    level3 = writers.write_eml(tmp_path / "3.eml", SENDER, TO, "Niveau 3", "inderst")
    level2 = writers.write_eml(tmp_path / "2.eml", SENDER, TO, "Niveau 2", "midt",
                               attachments=[("3.eml", level3.read_bytes())])
    level1 = writers.write_eml(tmp_path / "1.eml", SENDER, TO, "Niveau 1", "yderst",
                               attachments=[("2.eml", level2.read_bytes())])
    with ingest(level1, IngestOptions(max_attachment_depth=1)) as res:
        doc = res.document
        assert len(doc.children) == 1
        assert doc.children[0].children == []
        assert any("dybere end 1" in w for w in doc.children[0].warnings)
    with ingest(level1) as res:
        assert [d.title for d in res.document.walk()] == ["Niveau 1", "Niveau 2", "Niveau 3"]


def test_msg_header_body_and_attachments(tmp_path, attachment_pdf):
    inner = writers.write_msg(tmp_path / "inner.msg", TO, SENDER, "Svar fra jobcentret", "Tak for din mail.")
    path = writers.write_msg(
        tmp_path / "mail.msg", SENDER, TO, "Ansøgning om revalidering", BODY, cc="Anne Holm <anne@example.dk>",
        attachments=[("erklæring.pdf", attachment_pdf.read_bytes()), ("svar.msg", inner.read_bytes())],
    )
    with ingest(path) as res:
        doc = res.document
        check_offsets(doc)
        assert doc.format == "msg"
        assert doc.title == "Ansøgning om revalidering"
        assert "karen.bodker@example.dk" in doc.sender
        assert "Jobcenter Vejle" in doc.recipient
        assert doc.doc_date == date(2026, 3, 2)
        assert "Fra: Karen Bødker" in doc.text and "Cc: Anne Holm" in doc.text
        assert "CPR-nummer er 230571-2213" in doc.text
        assert [c.format for c in doc.children] == ["pdf", "msg"]
        assert doc.children[1].title == "Svar fra jobcentret"
        assert "Tak for din mail." in doc.children[1].text
        assert all(not d.failed for d in doc.walk())


def test_bad_attachment_fails_alone(tmp_path):
    path = writers.write_eml(tmp_path / "m.eml", SENDER, TO, "Med dårligt bilag", "Tekst",
                             attachments=[("ødelagt.pdf", b"%PDF-1.4 garbage"), ("ok.txt", b"fint")])
    with ingest(path) as res:
        doc = res.document
        assert not doc.failed
        bad, ok = doc.children
        assert bad.failed and bad.failure_reason == "Filen er beskadiget og kan ikke læses"
        assert not ok.failed


def test_signature_parts_are_not_attachments(tmp_path):
    path = writers.write_eml(tmp_path / "signeret.eml", SENDER, TO, "Signeret", "Tekst",
                             attachments=[("smime.p7s", b"\x30\x82signatur"), ("ok.txt", b"fint")])
    raw = path.read_bytes().replace(b"application/octet-stream", b"application/pkcs7-signature")
    path.write_bytes(raw)
    with ingest(path) as res:
        assert [c.source_name for c in res.document.children] == ["ok.txt"]


def test_rtf_body_fallback():
    from aktindsigt.ingest.email import rtf_to_text

    rtf = rb"{\rtf1\ansi{\fonttbl{\f0 Arial;}}{\*\generator x;}Hej S\'f8ren\par Linje 2 med \{klammer\}\par}"
    assert rtf_to_text(rtf) == "Hej Søren\nLinje 2 med {klammer}"
