"""No network at run time: the whole pipeline in a fresh process with every socket guarded, the one
PyMuPDF import, and the telemetry client kept out of the process."""

from __future__ import annotations

import ast
import importlib.machinery
import json
import os
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from aktindsigt import offline
from tests import netguard

ROOT = Path(__file__).resolve().parent.parent


def test_pymupdf_is_imported_only_through_pdflib():
    offenders = []
    for folder in ("aktindsigt", "scripts"):
        for path in (ROOT / folder).rglob("*.py"):
            if path.name == "pdflib.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                         else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                if any(n.split(".")[0] in ("pymupdf", "fitz", "pymupdf4llm", "onnxruntime") for n in names):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not offenders, f"import PyMuPDF with 'from aktindsigt.pdflib import pymupdf': {offenders}"


def test_the_guard_blocks_and_remembers():
    with pytest.raises(OSError):
        socket.create_connection(("192.0.2.1", 443), timeout=1)
    with pytest.raises(OSError):
        socket.getaddrinfo("telemetry.example", 443)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    with pytest.raises(OSError):
        s.sendto(b"x", ("192.0.2.53", 53))
    s.close()
    with pytest.raises(OSError):  # loopback only in the PostgreSQL tests
        socket.create_connection(("127.0.0.1", 9), timeout=1)
    assert len(netguard.ATTEMPTS) == 4
    netguard.ATTEMPTS.clear()


def test_keep_out_in_this_process():
    from aktindsigt.pdflib import pymupdf

    assert pymupdf._get_layout is None  # the layout analyser (onnxruntime) was not activated
    assert pymupdf.pymupdf4llm is None
    with pytest.raises(ImportError):
        import onnxruntime  # noqa: F401
    st = offline.status()
    assert st.ok and not st.opt_outs_missing, st
    assert "Ingen netværksforbindelser" in st.describe()


@pytest.mark.skipif(importlib.machinery.PathFinder.find_spec("onnxruntime") is None, reason="onnxruntime is not installed")
def test_plain_pymupdf_import_would_load_the_telemetry_client():
    """The control: without aktindsigt, ``import pymupdf`` loads onnxruntime (PyMuPDF 2 with its layout
    package), which is why the project imports it only through aktindsigt.pdflib."""
    code = "import sys, pymupdf; print('onnxruntime' in sys.modules)"
    env = {k: v for k, v in os.environ.items() if k not in offline.OPT_OUTS}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert r.stdout.strip() == "True", r.stderr
    st = offline.OfflineStatus(("onnxruntime",), ("libonnxruntime",), ())
    assert not st.ok and "onnxruntime" in st.describe()


DRIVER = textwrap.dedent('''
    import json, os, sys
    sys.path.insert(0, sys.argv[1])
    from tests import netguard
    netguard.install()                    # before anything else: every Python-level attempt fails
    from typer.testing import CliRunner
    from aktindsigt.cli import app        # the real entry point (keep_out via the package)
    from aktindsigt import offline
    docs, out = sys.argv[2], sys.argv[3]
    runner = CliRunner()
    def run(*args, user="sara"):
        os.environ["AKTINDSIGT_USER"] = user
        r = runner.invoke(app, list(args))
        return [list(args[:2]), r.exit_code, (r.output or "")[-300:]]
    steps = [run("case", "create", "--title", "Sag", "--requester", "Ole", "--regime", "ofl7")]
    steps += [run("case", "import", "1", docs), run("case", "analyze", "1"),
              run("case", "decide", "1", "--accept-preselected"),
              # the final letter names the complaint body of the matter area and says how the request was
              # read: without them it keeps a placeholder, which no override lets out of the house (#11)
              run("municipality", "--name", "Eksempel Kommune"),
              run("case", "statements", "1", "--scope", "Alle dokumenter i sagen.", "--matter-area", "social",
                  "--extraction", "Oplysningerne om andre personer er undtaget; resten af dokumenterne udleveres.",
                  "--meroffentlighed", "Meroffentlighed er overvejet; hensynet til de private parter vejer tungere."),
              run("case", "redact", "1", "--out", out + "/ud"),
              run("case", "submit", "1", "--allow-problems", "--comment", "Klar."),
              run("settings", "user", "--role", "teamleder", user="tove"),
              run("case", "approve", "1", "--override", "Haster.", user="tove"),
              run("case", "export", "1", "--out", out + "/eksport", "--override", "Haster.", user="tove")]
    st = offline.status()
    print(json.dumps({"steps": steps, "attempts": netguard.ATTEMPTS, "loaded": st.loaded,
                      "libraries": st.libraries, "env": os.environ.get("ORT_DISABLE_TELEMETRY")}))
''')


@pytest.mark.slow
def test_whole_pipeline_in_a_fresh_process_tries_no_network(tmp_path):
    """Import (text PDF, scan with OCR, e-mail, Word), analysis, decisions, redaction, approval and export
    through the CLI in a new interpreter whose sockets fail: nothing tried the network, and no telemetry
    client was loaded (not as a module, not as a shared library)."""
    from aktindsigt.demo import writers

    docs = tmp_path / "docs"
    docs.mkdir()
    writers.write_text_pdf(docs / "brev.pdf", "Klage", ["Borgeren Mette Hansen, cpr-nr. 120384-1734, klager.",
                                                        "Hun bor på Østergade 14, 8000 Aarhus C."])
    writers.write_scanned_pdf(docs / "scan.pdf", ["Notat om Mette Hansen", "Telefon 22 33 44 55"])
    writers.write_eml(docs / "mail.eml", "Mette Hansen <mette@example.com>", "sag@kommune.dk", "Klage",
                      "Hej\n\nSe vedhæftet.\n\nMette Hansen")
    writers.write_docx(docs / "notat.docx", "Notat", ["Sagsbehandleren talte med Mette Hansen."])
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in offline.OPT_OUTS}  # the process sets them itself
    env["AKTINDSIGT_HOME"] = str(tmp_path / "home")
    env["COLUMNS"] = "200"
    r = subprocess.run([sys.executable, str(driver), str(ROOT), str(docs), str(tmp_path)], capture_output=True,
                       text=True, env=env, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    result = json.loads(r.stdout.strip().splitlines()[-1])
    assert [code for _, code, _ in result["steps"]] == [0] * 11, [s for s in result["steps"] if s[1]]
    assert next((tmp_path / "eksport").glob("AKT_*/manifest.json"))
    assert result["attempts"] == []
    assert result["loaded"] == [] and result["libraries"] == []
    assert result["env"] == "1"
