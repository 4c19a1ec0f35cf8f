"""The review workflow headless: settings user, case submit / approve / return / reopen, export after approval.

Two people share one data folder; ``AKTINDSIGT_USER`` says who runs each command.
"""

from __future__ import annotations

import json

import pymupdf
import pytest
from typer.testing import CliRunner

from aktindsigt.cli import app


@pytest.fixture
def run(monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    runner = CliRunner()

    def _run(*args: str, code: int = 0, user: str = "testbruger"):
        monkeypatch.setenv("AKTINDSIGT_USER", user)
        result = runner.invoke(app, list(args), catch_exceptions=False)
        assert result.exit_code == code, result.output + (result.stderr if result.stderr_bytes else "")
        return result

    return _run


@pytest.fixture
def case_id(run, tmp_path):
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Borgeren Mette Hansen klager over naboen.", fontname="helv", fontsize=11)
    doc.save(tmp_path / "brev.pdf")
    doc.close()
    cid = run("case", "create", "--title", "Sag", "--requester", "Ole", "--regime", "ofl7", "--channel",
              "E-mail").stdout.strip()
    run("case", "import", cid, str(tmp_path / "brev.pdf"))
    # the letter's texts are written; what is left on the checklist (journal references) is no placeholder
    run("municipality", "--name", "Eksempel Kommune")
    run("case", "statements", cid, "--scope", "Brevet fra borgeren.", "--matter-area", "none",
        "--extraction", "Der er ikke undtaget dokumenter, så der er intet at ekstrahere.",
        "--meroffentlighed", "Meroffentlighed er overvejet; hensynet til borgeren vejer tungere.")
    return cid


def test_profile_name_and_role(run, monkeypatch):
    r = run("settings", "user")
    assert "Navn: testbruger" in r.stdout and "Rolle: Sagsbehandler" in r.stdout
    r = run("settings", "user", "--role", "teamleder", "--name", "Tove Teamleder", user="tove")
    assert "Rolle: Teamleder" in r.stdout and "Navn: tove" in r.stdout  # AKTINDSIGT_USER wins over the profile
    assert "Tove Teamleder" in r.stderr and "AKTINDSIGT_USER" in r.stderr
    run("settings", "user", "--role", "chef", code=2)

    # without AKTINDSIGT_USER the saved name is used instead of the OS login
    monkeypatch.setattr("getpass.getuser", lambda: "olsen")
    runner = CliRunner()
    monkeypatch.delenv("AKTINDSIGT_USER")
    r = runner.invoke(app, ["settings", "user", "--name", "Ole Olsen"], catch_exceptions=False)
    assert r.exit_code == 0 and "Navn: Ole Olsen" in r.stdout and "Brugernavn: olsen" in r.stdout
    r = runner.invoke(app, ["case", "create", "--title", "T", "--requester", "R", "--regime", "ofl7"])
    from aktindsigt.services import Services

    svc = Services.open()
    assert svc.get_case(int(r.stdout.strip())).caseworker == "Ole Olsen"
    svc.close()


def test_submit_return_reopen_approve_and_export(run, case_id, tmp_path):
    r = run("case", "submit", case_id, code=2)
    assert "tjeklisten" in r.stderr and "bemærkning til teamlederen" in r.stderr
    r = run("case", "submit", case_id, "--allow-problems", code=2)
    assert "Skriv en bemærkning" in r.stderr
    r = run("case", "submit", case_id, "--allow-problems", "--comment", "Hjemlen skal vurderes.")
    assert "Til godkendelse: sendt af testbruger" in r.stdout

    r = run("case", "approve", case_id, code=2)
    assert "Kun en teamleder kan godkende" in r.stderr
    run("settings", "user", "--role", "teamleder", user="tove")
    r = run("case", "return", case_id, code=2, user="tove")
    assert "Skriv en kommentar" in r.stderr
    r = run("case", "return", case_id, "--comment", "Overstreg navnet i akt 1.", user="tove")
    assert "Returneret af tove" in r.stdout

    r = run("case", "show", case_id)
    assert "Status: Returneret" in r.stdout and "Overstreg navnet i akt 1." in r.stdout
    r = run("case", "reopen", case_id)
    assert "Under behandling efter returnering" in r.stdout
    r = run("case", "export", case_id, "--out", str(tmp_path / "ud"), code=2)
    assert "kan ikke eksporteres: tjeklisten" in r.stderr

    run("case", "submit", case_id, "--allow-problems", "--comment", "Navnet er en offentlig person.")
    r = run("case", "approve", case_id, code=2, user="tove")
    assert "tjeklisten" in r.stderr
    r = run("case", "approve", case_id, "--override", "Navnet må gives ud; sagen haster.", user="tove")
    assert "Godkendt af tove" in r.stdout
    r = run("case", "show", case_id)
    assert "Status: Godkendt" in r.stdout and "Godkendt af tove" in r.stdout

    run("case", "export", case_id, "--out", str(tmp_path / "ud"))
    manifest = json.loads(next((tmp_path / "ud").glob("AKT_*/manifest.json")).read_text(encoding="utf-8"))
    assert manifest["roles"]["approver"] == "tove"
    assert manifest["decision"]["checklist_override_reason"] == "Navnet må gives ud; sagen haster."

    from aktindsigt.services import Services

    svc = Services.open()
    actions = [e.action for e in svc.store.audit_events(int(case_id)) if e.action.startswith("case.")]
    svc.close()
    assert "case.decided" in actions  # the final letter in the bundle is the decision (its date)
    assert [a for a in actions if a != "case.decided"][-6:] == ["case.submit", "case.return", "case.reopen",
                                                               "case.submit", "case.approve", "case.deliver"]
