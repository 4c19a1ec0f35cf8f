"""The letter with the real legal-ground catalogue (resources/legal_grounds.yaml)."""

from __future__ import annotations

import pytest

from aktindsigt.outputs.render import docx_text
from tests.outputs.conftest import SECRETS, RealGroundsSvc


@pytest.fixture
def real(store):
    return RealGroundsSvc(store, user="testbruger")


def test_final_letter_with_the_real_catalogue(real, tmp_path, request):
    from tests.outputs import conftest

    case, docs = conftest.case_docs.__wrapped__(real)
    case, docs = conftest.ready_case.__wrapped__(real, (case, docs))
    # § 35 on the first document, with the law named
    real.set_document_access(docs[0].id, "withheld", ["ofl35"],
                             "Oplysninger om ansøgerens skatteforhold modtaget fra Skattestyrelsen.")
    assert {p.code for p in real.checklist(case.id)} == {"law_missing"}
    real.set_law(case.id, "ofl35", "skatteforvaltningslovens § 17")
    assert real.checklist(case.id) == []
    files = real.render_letter(case.id, tmp_path, pdf=False)
    text = docx_text(files.docx)
    grounds = real.legal_grounds()
    for gid in ("ofl30_1", "ofl23_1_1", "ofl35"):
        g = grounds[gid]
        assert text.count(f"{g.statute} {g.section} – {g.title}") == 1
    for gid in ("ofl14", "ofl26", "ofl28", "ofl34", "ofl30_2"):
        g = grounds[gid]
        assert f"{g.statute} {g.section} – {g.title}" not in text
    assert "sammenholdt med skatteforvaltningslovens § 17" in text
    assert "KONTROLLÉR" not in text and "[" not in text
    assert text.count("§ 26") >= 1
    for secret in SECRETS:
        assert secret not in text

    draft = docx_text(real.render_letter(case.id, tmp_path, draft=True, pdf=False).docx)
    assert "KONTROLLÉR" in draft  # the municipality's notes are visible in drafts


def test_statement_ground_alone_is_not_an_exception(real):
    from tests.outputs import conftest

    case, docs = conftest.case_docs.__wrapped__(real)
    real.set_document_access(docs[0].id, "withheld", ["ofl14"], "Dokumentet er overvejet efter reglerne.")
    problems = [p for p in real.checklist(case.id) if p.code == "ground_missing" and p.akt_nr == 1]
    assert problems and "ikke en undtagelsesbestemmelse" in problems[0].message
