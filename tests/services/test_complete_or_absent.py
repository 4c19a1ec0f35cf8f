"""Every output is complete or absent: ``case redact --out`` and the export bundle, including crashes.

A crash is simulated where the process would die (the staged folder's clean-up is skipped, as after
kill -9), and for real with SIGKILL on a ``case redact`` subprocess."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from aktindsigt.core.model import AccessType
from aktindsigt.services import ServiceError, Services
from aktindsigt.services import staging as staging_mod

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def same_store(services, monkeypatch):
    """``Services.open()`` (the next start) and subprocesses open the store of the ``services`` fixture."""
    monkeypatch.setenv("AKTINDSIGT_DB_URL", services.store.url)


class Crash(BaseException):
    """kill -9 at this point: nothing after it runs (the StagedFolder's close is skipped too)."""


@pytest.fixture
def dies(monkeypatch):
    """``dies("name")`` makes StagedFolder.<name> the place where the process dies."""
    def died(self):  # no clean-up after kill -9; the kernel only releases the journal's lock
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    monkeypatch.setattr(staging_mod.StagedFolder, "close", died)

    def at(obj, name):
        real = getattr(obj, name)
        died = []

        def boom(*a, **kw):
            if died:  # the next start runs the real code
                return real(*a, **kw)
            died.append(name)
            raise Crash(name)

        monkeypatch.setattr(obj, name, boom)

    return at


def _approve(services, lead, case):
    services.submit_for_review(case.id, "Klar til godkendelse.")
    lead.approve_case(case.id)


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) if folder.exists() else []


def test_redaction_appears_whole_and_a_used_folder_is_refused_or_replaced(services, case, tmp_path):
    out = tmp_path / "ud"
    first = services.redact_case(case.id, out)
    assert first.written and first.out_dir == out
    assert sorted(p.name for p in (out / "udleveret").iterdir()) == ["akt_0001_klage.pdf", "akt_0002_tilladelse.pdf"]
    report = json.loads((out / "revision" / "verification_report.json").read_text(encoding="utf-8"))
    assert report["passed"] and all(d["sha256"] for d in report["documents"])
    assert all(d.path.parent == out / "udleveret" for d in first.documents)

    second = next(d for d in services.case_detail(case.id).documents if d.akt_nr == 2)
    services.set_document_access(second.id, AccessType.WITHHELD, ["ofl23_1_1"], "Internt dokument")
    with pytest.raises(ServiceError, match="er ikke tom"):
        services.redact_case(case.id, out)
    again = services.redact_case(case.id, out, replace=True)
    assert again.written
    # the withheld document's old file went with the old folder
    assert sorted(p.name for p in (out / "udleveret").iterdir()) == ["akt_0001_klage.pdf"]
    assert _hidden(tmp_path) == []
    assert services.store.get_setting(f"case:{case.id}:last_redaction")["out_dir"] == str(out)


def test_a_failed_verification_releases_nothing(services, case, tmp_path, monkeypatch):
    import aktindsigt.redact.engine as engine

    text = services.document_text(services.case_detail(case.id).documents[0].id)
    assert "Mette Hansen" in text
    real = engine.redact_pdf
    calls = []

    def broken_for_the_first(src, dst, boxes, withholds, options):
        calls.append(dst)
        return real(src, dst, [] if len(calls) == 1 else boxes, withholds, options)

    monkeypatch.setattr(engine, "redact_pdf", broken_for_the_first)
    result = services.redact_case(case.id, tmp_path / "ud")
    assert not result.passed and not result.written
    assert [d.passed for d in result.documents] == [False, True]
    assert not (tmp_path / "ud").exists() and _hidden(tmp_path) == []  # not even the file that passed
    assert all(d.path is None for d in result.documents)


@pytest.mark.parametrize("where", ["before the rename", "after the rename"])
def test_export_crash_is_settled_at_the_next_start(services, lead, case, tmp_path, dies, where):
    _approve(services, lead, case)
    target = tmp_path / "eksport"
    if where == "before the rename":
        dies(staging_mod.StagedFolder, "commit")
    else:
        dies(type(services), "_confirm_export")
    with pytest.raises(Crash):
        services.export_bundle(case.id, target, today=date(2026, 11, 28))
    pending = services.store.get_setting(f"case:{case.id}:export_pending")
    assert pending and pending["path"].endswith("AKT_751_AKT_2026_0007_20261128")
    assert services.store.get_setting(f"case:{case.id}:export") is None
    assert services.output_history(case.id) == []  # nothing recorded before the bundle is in place

    reopened = Services.open(user="testbruger")  # the next start
    try:
        st = reopened.store
        assert st.get_setting(f"case:{case.id}:export_pending") is None
        assert _hidden(target) == [] and not list(staging_mod.journal_dir().glob("*"))
        bundles = sorted(p.name for p in target.iterdir())
        history = reopened.output_history(case.id)
        if where == "before the rename":
            assert bundles == [] and st.get_setting(f"case:{case.id}:export") is None and history == []
        else:  # the complete bundle is found and recorded, with the outputs it holds
            assert bundles == ["AKT_751_AKT_2026_0007_20261128"]
            record = st.get_setting(f"case:{case.id}:export")
            assert record["path"] == str(target / bundles[0])
            assert [r["path"] for r in st.get_setting(f"case:{case.id}:exports")] == [record["path"]]
            assert [ev["kind"] for ev in history] == ["letter", "aktliste", "journalnotat"]
            names = {p.name for p in (target / bundles[0]).iterdir()}
            assert all(f["name"] in names for ev in history for f in ev["files"])
    finally:
        reopened.close()


def test_the_journal_note_lists_the_outputs_of_its_own_bundle(services, lead, case, tmp_path):
    from docx import Document as Docx

    _approve(services, lead, case)
    result = services.export_bundle(case.id, tmp_path / "eksport")
    note = "\n".join(p.text for p in Docx(result.path / "03_Journalnotat.docx").paragraphs)
    assert "Afgørelsen blev dannet af" in note and "Aktlisten blev dannet af" in note
    kinds = [ev["kind"] for ev in services.output_history(case.id)]
    assert kinds == ["letter", "aktliste", "journalnotat"]


def test_a_failed_export_records_no_output(services, lead, case, tmp_path, monkeypatch):
    _approve(services, lead, case)

    def broken(*a, **kw):
        raise OSError("disk full")

    monkeypatch.setattr(type(services), "render_journalnotat", broken)
    with pytest.raises(OSError):
        services.export_bundle(case.id, tmp_path / "eksport")
    assert services.output_history(case.id) == []
    assert services.store.get_setting(f"case:{case.id}:export_pending") is None
    assert list((tmp_path / "eksport").iterdir()) == []


KILLED = """
import sys
sys.path.insert(0, sys.argv[1])
from aktindsigt.cli import main
sys.argv = ["aktindsigt", "case", "redact", sys.argv[2], "--out", sys.argv[3]]
main()
"""


@pytest.mark.slow
def test_kill_9_during_case_redact_leaves_nothing_after_the_next_start(services, case, tmp_path):
    out = tmp_path / "ud"
    script = tmp_path / "redact.py"
    script.write_text(KILLED, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(ROOT), str(case.id), str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                            env={**os.environ, "AKTINDSIGT_USER": "testbruger"})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(tmp_path.glob(".ud.tmp-*/udleveret/*.pdf")):
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert any(tmp_path.glob(".ud.tmp-*")), "the redaction finished before it could be killed"
    assert not out.exists()
    Services.open(user="testbruger").close()  # the next start
    assert _hidden(tmp_path) == [] and not out.exists()
    assert not list(staging_mod.journal_dir().glob("*"))
