import json

import pytest
from typer.testing import CliRunner

from aktindsigt.cli import app as main_app
from aktindsigt.cli import tools as detect_cli
from aktindsigt.detect.engine import DetectionEngine

from .conftest import make_ruler_nlp

TEXT = "Jens Jensen, CPR-nr. 010203-1234, tlf. 22 34 56 78.\nMail: jens@example.dk\n"


@pytest.fixture()
def app(monkeypatch):
    nlp = make_ruler_nlp()
    monkeypatch.setattr(
        detect_cli,
        "engine_factory",
        lambda regime, include_all: DetectionEngine(nlp=nlp, regime=regime, include_unsuggested=include_all),
    )
    return main_app


def test_jsonl_contract(app, tmp_path):
    f = tmp_path / "brev.txt"
    f.write_text(TEXT, encoding="utf-8")
    res = CliRunner().invoke(app, ["detect", str(f), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert rows
    for r in rows:
        assert {"file", "start", "end", "text", "entity", "score", "detector", "ground", "preselected"} <= set(r)
        assert r["file"] == str(f)
        assert TEXT[r["start"] : r["end"]] == r["text"]
    by = {r["entity"]: r for r in rows}
    assert by["CPR"]["text"] == "010203-1234" and by["CPR"]["preselected"] is True
    assert by["CPR"]["ground"] == "ofl30_1"
    assert by["PHONE"]["text"] == "22 34 56 78"
    assert by["EMAIL"]["text"] == "jens@example.dk"
    assert by["PERSON"]["text"] == "Jens Jensen"


def test_several_files_and_regime(app, tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("tlf. 22 34 56 78", encoding="utf-8")
    b.write_text("ingen oplysninger", encoding="utf-8")
    res = CliRunner().invoke(app, ["detect", str(a), str(b), "--format", "jsonl", "--regime", "fvl9"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert [r["file"] for r in rows] == [str(a)]
    assert rows[0]["ground"] == "fvl15b"


def test_table_format(app, tmp_path):
    f = tmp_path / "brev.txt"
    f.write_text(TEXT, encoding="utf-8")
    res = CliRunner().invoke(app, ["detect", str(f)])
    assert res.exit_code == 0, res.output
    assert "CPR" in res.stdout and "010203-1234" in res.stdout


def test_missing_file_is_reported_and_others_processed(app, tmp_path):
    f = tmp_path / "brev.txt"
    f.write_text(TEXT, encoding="utf-8")
    res = CliRunner().invoke(app, ["detect", str(tmp_path / "mangler.txt"), str(f), "--format", "jsonl"])
    assert res.exit_code == 1
    assert any(json.loads(x)["file"] == str(f) for x in res.stdout.splitlines() if x.startswith("{"))


def test_bad_format(app, tmp_path):
    res = CliRunner().invoke(app, ["detect", str(tmp_path / "x.txt"), "--format", "xml"])
    assert res.exit_code == 2


def test_missing_model_exit_code_2(monkeypatch, tmp_path):
    def boom(regime, include_all):
        raise RuntimeError("Danish NER model not found")

    monkeypatch.setattr(detect_cli, "engine_factory", boom)
    a = main_app
    f = tmp_path / "a.txt"
    f.write_text("x", encoding="utf-8")
    res = CliRunner().invoke(a, ["detect", str(f), "--format", "jsonl"])
    assert res.exit_code == 2
    assert res.stdout.strip() == "" or "model" in res.output
