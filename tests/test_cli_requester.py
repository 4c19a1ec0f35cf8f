"""The requester's own identifiers through the command line (issue #11): every ``--requester-*`` option on
``case create`` and on ``case requester`` (add, remove, clear), shown by ``case show``; bad input refused in
Danish; the note that a case outside the own-data regimes protects the requester's data like anyone's."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from aktindsigt.cli import app

runner = CliRunner()


@pytest.fixture
def cli(monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")

    def run(*args: str, code: int = 0):
        r = runner.invoke(app, list(args), catch_exceptions=False)
        assert r.exit_code == code, r.output
        return r.stdout if code == 0 else r.output  # a refusal is on stderr (in r.output)

    return run


def test_every_identifier_on_create_then_changed_later(cli):
    cid = cli("case", "create", "--title", "Egne oplysninger", "--requester", "Mette Kristensen",
              "--requester-type", "party", "--regime", "fvl9", "--received", "2026-11-02",
              "--requester-cpr", "120384-1734", "--requester-address", "Skovvej 14, 6400 Sønderborg",
              "--requester-phone", "22 33 44 55", "--requester-phone", "+45 40 50 60 70",
              "--requester-email", "mette.k@example.com", "--requester-account", "1234 0012345678",
              "--requester-name", "Oliver Kristensen").strip()
    shown = cli("case", "requester", cid)
    for line in ("CPR-nummer: 120384-1734", "Adresse: Skovvej 14, 6400 Sønderborg", "Telefonnummer: 22334455",
                 "Telefonnummer: 40506070", "E-mail: mette.k@example.com", "Bankkonto: 1234 0012345678",
                 "Navn: Oliver Kristensen"):
        assert line in shown, line
    assert "Bemærk" not in shown
    assert "120384-1734" in cli("case", "show", cid) and "1234 0012345678" in cli("case", "show", cid)
    # later: one phone removed (written as on the form), an IBAN added
    cli("case", "requester", cid, "--requester-phone", "22 33 44 55", "--remove")
    cli("case", "requester", cid, "--requester-account", "DK5000400440116243")
    shown = cli("case", "requester", cid)
    assert "22334455" not in shown and "40506070" in shown and "DK5000400440116243" in shown
    cli("case", "requester", cid, "--clear")
    assert "Der er ikke registreret egne oplysninger" in cli("case", "requester", cid)


def test_bad_identifiers_are_refused_in_danish(cli):
    cid = cli("case", "create", "--title", "Egne oplysninger", "--requester", "Mette Kristensen",
              "--requester-type", "party", "--regime", "ofl8", "--received", "2026-11-02").strip()
    out = cli("case", "requester", cid, "--requester-cpr", "12-03-84", code=2)
    assert "CPR" in out
    out = cli("case", "requester", cid, "--requester-email", "ikke en adresse", code=2)
    assert "e-mail" in out.lower()
    out = cli("case", "requester", cid, "--confirm", "7", code=2)
    assert "Der er ikke noget forslag nr. 7" in out
    out = cli("case", "requester", cid, "--confirm", "første", code=2)
    assert "Skriv --confirm som numre" in out
    assert "Der er ikke registreret egne oplysninger" in cli("case", "requester", cid)  # nothing half-saved


def test_outside_the_own_data_regimes_the_requester_is_told_their_data_is_protected_as_anyones(cli):
    cid = cli("case", "create", "--title", "Aktindsigt", "--requester", "Jens Journalist", "--requester-type",
              "journalist", "--regime", "ofl7", "--received", "2026-11-02", "--requester-cpr",
              "120384-1734").strip()
    assert "anmoderens oplysninger beskyttes som andres" in cli("case", "requester", cid)
