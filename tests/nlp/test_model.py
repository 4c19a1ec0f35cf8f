"""The shipped model loads offline and finds persons (no ../shared needed)."""

import json
import socket

import pytest
from faker import Faker

from aktindsigt.nlp.evaluate import run_eval_ner
from aktindsigt.nlp.model import ENV_VAR, default_model_path, load_ner

pytestmark = pytest.mark.skipif(
    not (default_model_path() / "config.cfg").is_file(), reason="shipped model missing"
)


@pytest.fixture(scope="module")
def nlp():
    # no network: any attempt to open a socket fails the load
    real = socket.socket

    def guard(*a, **k):
        raise AssertionError("network access while loading the NER model")

    socket.socket = guard
    try:
        return load_ner()
    finally:
        socket.socket = real


def test_pipeline_is_lean(nlp):
    assert nlp.lang == "da"
    assert nlp.pipe_names[:2] == ["tok2vec", "ner"]
    assert set(nlp.pipe_names) <= {"tok2vec", "ner", "aktindsigt_name_rules", "aktindsigt_name_rules_v2",
                                   "aktindsigt_name_rules_v3", "aktindsigt_person_verifier"}
    assert {"PER", "LOC", "ORG"} <= set(nlp.get_pipe("ner").labels)


def test_finds_persons_in_generated_sentences(nlp):
    fake = Faker("da_DK")
    fake.seed_instance(20240601)
    templates = [
        "Borgeren {n} har ringet til kommunen om sin ansøgning.",
        "Kære {n}\nVi har modtaget din henvendelse.",
        "Med venlig hilsen\n{n}\nSagsbehandler",
        "Mødet blev holdt med {n} og en repræsentant fra jobcentret.",
        "Jeg har talt med {n} i telefonen i dag.",
    ]
    found = total = 0
    for i in range(40):
        name = f"{fake.first_name()} {fake.last_name()}"
        text = templates[i % len(templates)].format(n=name)
        doc = nlp(text)
        start = text.index(name)
        total += 1
        covered = any(e.start_char <= start and e.end_char >= start + len(name) for e in doc.ents)
        found += covered
    assert found / total >= 0.9, f"found {found}/{total} persons"


def test_known_sentence(nlp):
    doc = nlp("Mette Hansen fra Aarhus Kommune har skrevet til Lars Nielsen.")
    pers = [e.text for e in doc.ents if e.label_ == "PER"]
    assert "Mette Hansen" in pers and "Lars Nielsen" in pers


def test_missing_model_raises(tmp_path, monkeypatch):
    with pytest.raises(RuntimeError, match="not found"):
        load_ner(tmp_path / "nope")
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nope"))
    with pytest.raises(RuntimeError, match="not found"):
        load_ner()


def test_env_override(monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(default_model_path()))
    assert load_ner().pipe_names[:2] == ["tok2vec", "ner"]


def test_run_eval_ner(tmp_path, capsys):
    conll = tmp_path / "t.conll"
    conll.write_text(
        "Mette\tB-PER\nHansen\tI-PER\nbor\tO\ni\tO\nVejle\tB-LOC\n.\tO\n\t\n"
        "Lars\tB-PER\nNielsen\tI-PER\nringede\tO\n.\tO\n",
        encoding="utf-8",
    )
    out = tmp_path / "scores.json"
    assert run_eval_ner(conll, out) == 0
    text = capsys.readouterr().out
    assert "PER token recall" in text and "overall" in text
    data = json.loads(out.read_text())
    assert data["labels"]["PER"]["support"] == 2
    assert set(data["labels"]) == {"PER", "LOC", "ORG", "MISC"}
    assert 0.0 <= data["PER_token_recall"] <= 1.0


def test_run_eval_ner_missing_file(tmp_path):
    assert run_eval_ner(tmp_path / "missing.conll", None) != 0


def test_cli_eval_ner(tmp_path):
    typer_testing = pytest.importorskip("typer.testing")
    from aktindsigt.cli import app

    conll = tmp_path / "t.conll"
    conll.write_text("Mette\tB-PER\nHansen\tI-PER\nbor\tO\ni\tO\nVejle\tB-LOC\n.\tO\n", encoding="utf-8")
    out = tmp_path / "s.json"
    res = typer_testing.CliRunner().invoke(app, ["eval-ner", str(conll), "--json", str(out)])
    assert res.exit_code == 0, res.output
    assert "PER" in res.output and out.is_file()


def test_model_ships_no_word_lists():
    """The string store must not carry the training text (names sampled from the shared lists)."""
    strings = json.loads((default_model_path() / "vocab" / "strings.json").read_text(encoding="utf-8"))
    assert len(strings) <= 10, len(strings)


def test_ordinary_words_and_countries_are_not_persons(nlp):
    doc = nlp("Tilsyneladende har ingen set noget. Skibene blev tilbageholdt i Nigeria.")
    pers = [e.text for e in doc.ents if e.label_ == "PER"]
    assert pers == []
    assert ("Nigeria", "LOC") in [(e.text, e.label_) for e in doc.ents]


def test_load_does_not_import_unrelated_spacy_plugins():
    import subprocess
    import sys

    code = "import sys; from aktindsigt.nlp.model import load_ner; load_ner(); print('presidio_analyzer' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
