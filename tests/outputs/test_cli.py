"""The output commands on a typer app where ``register`` was called (services injected)."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from aktindsigt import cli as cli_package
from aktindsigt.cli import common

runner = CliRunner()


def make_app(svc) -> typer.Typer:
    """The real command line over the test's prepared services."""
    common.services_factory = lambda: svc
    return cli_package.app


@pytest.fixture(autouse=True)
def _restore_services_factory():
    original = common.services_factory
    yield
    common.services_factory = original


def test_output_commands_are_on_the_case_group():
    case = next(g for g in cli_package.app.registered_groups if g.name == "case")
    names = {c.name for c in case.typer_instance.registered_commands}
    assert {"show", "letter", "aktliste", "journalnotat", "checklist", "decide", "statements", "fristbrev",
            "kvittering", "klage", "submit", "approve"} <= names


def test_checklist_then_letter_refused_then_fixed(svc, case_docs, tmp_path):
    case, docs = case_docs
    app = make_app(svc)
    r = runner.invoke(app, ["case", "checklist", str(case.id)])
    assert r.exit_code == 1 and "skal løses" in r.output
    r = runner.invoke(app, ["case", "letter", str(case.id), "--out", str(tmp_path), "--no-pdf"])
    assert r.exit_code == 2 and not (tmp_path / "01_Afgoerelse.docx").exists()
    r = runner.invoke(app, ["case", "letter", str(case.id), "--out", str(tmp_path), "--no-pdf", "--draft"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "01_Afgoerelse_UDKAST.docx").exists()

    r = runner.invoke(app, ["municipality", "--name", "Eksempel Kommune", "--cvr", "12345678"])
    assert r.exit_code == 0, r.output
    for d in docs:
        r = runner.invoke(app, ["case", "decide", str(case.id), "--document", str(d.akt_nr), "--esdh-id",
                                f"D{d.akt_nr}"])
        assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["case", "decide", str(case.id), "--document", "3", "--section26"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["case", "statements", str(case.id), "--extraction", "Der er intet at ekstrahere, fordi "
                            "akt 3 kun indeholder overvejelser.", "--meroffentlighed", "Overvejet; hensynet til de "
                            "private personer vejer tungere.", "--scope", "Alle dokumenter i byggesagen.",
                            "--complaint-body", "Byggeklageenheden"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["case", "checklist", str(case.id)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["case", "letter", str(case.id), "--out", str(tmp_path), "--no-pdf"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "01_Afgoerelse.docx").exists()
    r = runner.invoke(app, ["case", "aktliste", str(case.id), "--out", str(tmp_path), "--no-pdf"])
    assert r.exit_code == 0 and (tmp_path / "02_Aktliste.csv").exists()
    r = runner.invoke(app, ["case", "journalnotat", str(case.id), "--out", str(tmp_path), "--no-pdf"])
    assert r.exit_code == 0 and (tmp_path / "03_Journalnotat.docx").exists()
    r = runner.invoke(app, ["case", "fristbrev", str(case.id), "--expected", "2026-11-25", "--out", str(tmp_path),
                            "--no-pdf", "--reason", "vi skal høre en tredjepart"])
    # the letter set the decision date: a fristbrev now would promise a decision that is already made
    assert r.exit_code != 0 and not (tmp_path / "00_Fristbrev.docx").exists()
    assert "allerede truffet afgørelse" in r.output + (r.stderr if r.stderr_bytes else "")
    r = runner.invoke(app, ["case", "klage", str(case.id), "--received", "2026-11-20", "--out", str(tmp_path),
                            "--no-pdf"])
    assert r.exit_code == 0 and (tmp_path / "04_Klage_videresendelse.docx").exists()


def test_decide_suggestions_and_documents(svc, case_docs):
    from aktindsigt.core.model import DecisionAction, EntityType, Suggestion

    case, docs = case_docs
    app = make_app(svc)
    text = svc.document_text(docs[0].id)
    i = text.index("carport")
    svc.review.add_suggestions(case.id, [Suggestion(case.id, docs[0].id, EntityType.LOCATION, i, i + 7, "carport",
                                                    0.4, "t", "ofl30_1", False)], "t")
    sid = next(s.id for s in svc.suggestions(case.id) if s.text == "carport")
    r = runner.invoke(app, ["case", "decide", str(case.id), "--reject", str(sid)])
    assert r.exit_code == 0, r.output
    assert [d.action for d in svc.decisions(case.id, docs[0].id)] == [DecisionAction.KEEP]
    r = runner.invoke(app, ["case", "decide", str(case.id), "--accept-type", "LOCATION"])
    assert r.exit_code == 0 and "0 forekomst" in r.output  # nothing pending of that type: a no-op, said plainly
    r = runner.invoke(app, ["case", "decide", str(case.id), "--document", "1", "--access", "withheld",
                            "--ground", "ofl30_1"])
    assert r.exit_code == 2 and "begrundelse" in r.output
    r = runner.invoke(app, ["case", "decide", str(case.id), "--document", "1", "--access", "withheld",
                            "--ground", "ofl30_1", "--reason", "Ansøgningen indeholder kun private forhold."])
    assert r.exit_code == 0, r.output
    d = svc.document(docs[0].id)
    assert d.access.value == "withheld" and d.access_grounds == ["ofl30_1"]
    r = runner.invoke(app, ["case", "decide", str(case.id), "--document", "99", "--access", "full"])
    assert r.exit_code == 2 and "akt 99" in r.output


def test_statements_journal_and_public_values(svc, case_docs):
    case, docs = case_docs
    app = make_app(svc)
    r = runner.invoke(app, ["case", "statements", str(case.id), "--journal", "third_parties=Ingen høring.",
                            "--law", "ofl35=sundhedslovens § 40", "--scope", "Kun byggesagen."])
    assert r.exit_code == 0, r.output
    st = svc.statements(case.id)
    assert st.journal["third_parties"] == "Ingen høring." and st.laws["ofl35"] == "sundhedslovens § 40"
    assert svc.get_case(case.id).scope == "Kun byggesagen."
    r = runner.invoke(app, ["case", "decide", str(case.id), "--document", "2", "--public-title", "Partshøring",
                            "--public-party", "Nabo"])
    assert r.exit_code == 0, r.output
    assert svc.statements(case.id).public_parties[str(docs[1].id)] == "Nabo"
    r = runner.invoke(app, ["case", "statements", str(case.id), "--journal", "nonsense=x"])
    assert r.exit_code == 2


def test_main_app_with_the_real_services(tmp_path):
    from aktindsigt.cli import app

    r = runner.invoke(app, ["case", "create", "--title", "Sag", "--requester", "Ole Olsen", "--regime", "ofl7",
                            "--received", "2026-11-02"])
    assert r.exit_code == 0, r.output
    case_id = r.stdout.strip().splitlines()[-1]
    r = runner.invoke(app, ["case", "checklist", case_id])
    assert r.exit_code == 1 and "Kommunens navn mangler" in r.output
    r = runner.invoke(app, ["case", "letter", case_id, "--draft", "--no-pdf", "--out", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "01_Afgoerelse_UDKAST.docx").exists()
    r = runner.invoke(app, ["case", "letter", case_id, "--no-pdf", "--out", str(tmp_path)])
    assert r.exit_code == 2 and "tjeklisten" in r.output
