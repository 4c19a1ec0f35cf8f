"""Commands that only read the store start without the heavy parts (presidio, spaCy, PyMuPDF)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("presidio_analyzer", "spacy", "pymupdf", "fitz", "onnxruntime", "thinc", "alembic")

PROBE = """
import json, sys
from aktindsigt.cli import app
try:
    app(sys.argv[1:])
except SystemExit as e:
    code = e.code
else:
    code = 0
heavy = HEAVY_MODULES
print(json.dumps({"code": code, "loaded": [m for m in heavy if m in sys.modules]}))
""".replace("HEAVY_MODULES", repr(HEAVY))


def _probe(args: list[str], env: dict[str, str]) -> dict:
    res = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env,
                         timeout=120)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    import os

    home = tmp_path_factory.mktemp("home")
    e = {**os.environ, "AKTINDSIGT_HOME": str(home), "COLUMNS": "200"}
    e.pop("AKTINDSIGT_DB_URL", None)
    res = subprocess.run([sys.executable, "-m", "aktindsigt", "case", "create", "--title", "Sag", "--requester",
                          "Ole Olsen", "--regime", "ofl7", "--received", "2026-11-02"], env=e, capture_output=True,
                         text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    return e


@pytest.mark.parametrize("args", [
    ["--help"], ["case", "list"], ["case", "show", "1"], ["case", "suggestions", "1"], ["settings", "user"],
    ["case", "create", "--help"],
])
def test_store_commands_do_not_import_heavy_modules(env, args):
    result = _probe(args, env)
    assert result["code"] in (0, None), result
    assert result["loaded"] == [], f"{' '.join(args)} imported {result['loaded']}"


def test_help_and_errors_are_danish_though_typer_rich_utils_loads_late(env):
    """typer's rich help module (Markdown, Pygments) loads only for help and errors, in Danish."""
    listed = subprocess.run([sys.executable, "-c", "import sys\nfrom aktindsigt.cli import app\n"
                             "try:\n    app(['case', 'list'])\nexcept SystemExit:\n    pass\n"
                             "print('typer.rich_utils' in sys.modules)"],
                            capture_output=True, text=True, env=env, timeout=120)
    assert listed.stdout.strip().splitlines()[-1] == "False"
    shown = subprocess.run([sys.executable, "-m", "aktindsigt", "case", "--help"], capture_output=True, text=True,
                           env=env, timeout=120)
    assert "Kommandoer" in shown.stdout and "Vis denne hjælp og afslut." in shown.stdout
    assert "Commands" not in shown.stdout
    wrong = subprocess.run([sys.executable, "-m", "aktindsigt", "case", "show"], capture_output=True, text=True,
                           env=env, timeout=120)
    assert wrong.returncode != 0
    assert "Fejl" in wrong.stderr and "for at få hjælp" in wrong.stderr
