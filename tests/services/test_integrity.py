"""The redactor refuses a changed blob; the journal note and the export bundle carry the audit chain's head."""

from __future__ import annotations

import json
import os

import pytest

from aktindsigt.services import ServiceError
from tests.services.conftest import clean_case


def test_a_changed_rendition_is_refused_by_the_redactor(services, tmp_path):
    case = clean_case(services, tmp_path)
    doc = services.case_detail(case.id).documents[0]
    blob = services.rendition_path(doc)
    os.chmod(blob, 0o600)
    data = bytearray(blob.read_bytes())
    data[data.rindex(b"%%EOF") - 2] ^= 0x01  # one byte: the file still opens, the hash does not match
    blob.write_bytes(bytes(data))
    with pytest.raises(ServiceError, match="er ændret, efter at den blev importeret") as e:
        services.redact_case(case.id, tmp_path / "ud")
    assert "akt 1" in e.value.message
    assert not (tmp_path / "ud").exists()


def test_journal_note_and_bundle_carry_the_chain_head(services, lead, tmp_path):
    from docx import Document as Docx

    case = clean_case(services, tmp_path)
    services.submit_for_review(case.id, "Klar.")
    lead.approve_case(case.id)
    result = services.export_bundle(case.id, tmp_path / "eksport")
    manifest = json.loads((result.path / "manifest.json").read_text(encoding="utf-8"))
    head = manifest["audit_chain"]["head"]
    rep = services.verify_audit(head)
    assert rep.ok and rep.expected_at == manifest["audit_chain"]["events"]
    note = "\n".join(p.text for p in Docx(result.path / "03_Journalnotat.docx").paragraphs)
    assert "kædens hoved (SHA-256)" in note
    quoted = note.split("kædens hoved (SHA-256) ")[1][:64]
    assert services.verify_audit(quoted).expected_at is not None
