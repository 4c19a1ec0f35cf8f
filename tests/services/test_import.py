"""The import loop: hostile names, links and special files, a worker process per file with a memory
limit, temporary copies that never outlive the import, and a case status that follows each document."""

from __future__ import annotations

import os
import signal
import tempfile as tempfile_mod
import threading
import time
from datetime import date
from pathlib import Path

import pymupdf
import pytest

from aktindsigt.core.model import CaseStatus, DocumentStatus
from aktindsigt.ingest.worker import TOO_MUCH_MEMORY, IngestWorker, WorkerFailure
from aktindsigt.services import cases as cases_mod
from aktindsigt.services.cases import NOT_A_FILE, SYMLINK_OUT, workdir_root

from ..ingest.corpus import corpus


@pytest.fixture
def case(services):
    return services.create_case("Importsag", "Jens Hansen", "ofl7", date(2026, 11, 2))


def docs_by_name(services, case_id):
    return {d.source_name: d for d in services.case_detail(case_id).documents}


def test_a_name_that_is_not_utf8_is_recorded_and_the_files_after_it_are_imported(services, case, tmp_path):
    corpus.make_bad_name(tmp_path)
    (tmp_path / "zz-efter.txt").write_text("Filen efter.", encoding="utf-8")
    summary = services.import_paths(case.id, [tmp_path])
    docs = docs_by_name(services, case.id)
    assert set(docs) == {"købsaftale.txt", "zz-efter.txt"}
    assert all(d.status is DocumentStatus.READY for d in docs.values())
    assert services.document_text(docs["købsaftale.txt"].id) == "Købsaftale om Fjordvej 3."
    assert len(summary.imported) == 2


def test_record_of_a_failed_file_never_raises(services, case, tmp_path, monkeypatch):
    bad = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"\xff\xfe.txt")))
    bad.write_bytes(b"x")
    assert services._record_unreadable(case.id, bad, RuntimeError("boom"))[0].source_name == "ÿþ.txt"

    def broken(*a, **k):
        raise RuntimeError("database gone")

    monkeypatch.setattr(services.store, "add_documents", broken)
    assert services._record_unreadable(case.id, bad, RuntimeError("boom")) == []


def test_links_never_lead_out_of_the_chosen_folder(services, case, tmp_path):
    outside = tmp_path / "udenfor"
    outside.mkdir()
    (outside / "hemmelig.txt").write_text("Må ikke importeres.", encoding="utf-8")
    folder = tmp_path / "sag"
    folder.mkdir()
    (folder / "brev.txt").write_text("Et brev.", encoding="utf-8")
    (folder / "genvej.txt").symlink_to("/etc/passwd")
    (folder / "genvej-ud.txt").symlink_to(outside / "hemmelig.txt")
    (folder / "mappe-ud").symlink_to(outside)
    (folder / "genvej-ind.txt").symlink_to(folder / "brev.txt")
    os.mkfifo(folder / "roer.txt")
    summary = services.import_paths(case.id, [folder])
    docs = docs_by_name(services, case.id)
    assert set(docs) == {"brev.txt", "genvej.txt", "genvej-ud.txt", "mappe-ud", "roer.txt"}
    for name in ("genvej.txt", "genvej-ud.txt", "mappe-ud"):
        assert docs[name].status is DocumentStatus.FAILED and docs[name].failure_reason == SYMLINK_OUT
        assert docs[name].source_sha256 is None  # the target was never read
    assert docs["roer.txt"].failure_reason == NOT_A_FILE
    assert docs["brev.txt"].status is DocumentStatus.READY
    assert len(summary.imported) == 1


def test_case_status_follows_the_first_document(services, case, tmp_path):
    for i in range(3):
        (tmp_path / f"n{i}.txt").write_text(f"Notat {i}", encoding="utf-8")
    seen = []

    def progress(done, total, message):
        seen.append((done, services.get_case(case.id).status))

    services.import_paths(case.id, [tmp_path], progress=progress)
    assert seen[0] == (0, CaseStatus.NEW)
    assert (1, CaseStatus.IN_PROGRESS) in seen  # already while the second file is read


def test_no_temporary_copies_outlive_an_import_and_stale_ones_go_at_start(services, case, tmp_path, store):
    corpus.make_tnef(tmp_path)
    services.import_paths(case.id, [tmp_path])
    root = workdir_root()
    assert not [p for p in root.iterdir() if p.name.startswith("import-")]
    stale = root / "import-999999999-abc"
    (stale / "00001").mkdir(parents=True)
    (stale / "00001" / "kopi.pdf").write_bytes(b"%PDF")
    alive = root / f"import-{os.getppid()}-running"
    alive.mkdir()
    from aktindsigt.services import Services

    Services(store, user="testbruger")  # a start of the program
    assert not stale.exists()
    assert alive.exists()  # an import of a process that still runs is left alone


def test_worker_memory_limit_fails_that_file_only(services, case, tmp_path, monkeypatch):
    from PIL import Image

    Image.new("RGB", (7000, 7000), "white").save(tmp_path / "a-stort.png")
    (tmp_path / "b-lille.txt").write_text("Lille fil.", encoding="utf-8")
    worker = IngestWorker(memory_limit=250 * 2**20)
    monkeypatch.setattr(cases_mod, "_ingest_worker", lambda: worker)
    try:
        services.import_paths(case.id, [tmp_path])
    finally:
        worker.close()
    docs = docs_by_name(services, case.id)
    assert docs["a-stort.png"].status is DocumentStatus.FAILED
    assert docs["a-stort.png"].failure_reason == TOO_MUCH_MEMORY.format(limit="250 MB")
    assert docs["a-stort.png"].source_sha256  # the original is kept
    assert docs["b-lille.txt"].status is DocumentStatus.READY


def test_header_bomb_import_stays_under_1_gb(services, case, tmp_path, monkeypatch):
    corpus.make_header_bomb(tmp_path, size=600_000)
    worker = IngestWorker()
    monkeypatch.setattr(cases_mod, "_ingest_worker", lambda: worker)
    try:
        services.import_paths(case.id, [tmp_path])
    finally:
        worker.close()
    doc = docs_by_name(services, case.id)["massemail.eml"]
    assert doc.status is DocumentStatus.READY
    assert 0 < worker.last_peak < 2**30


def test_a_killed_worker_costs_one_file_and_is_replaced(tmp_path):
    pdf = pymupdf.open()
    for i in range(60):
        pdf.new_page().insert_text((72, 72), f"Side {i}", fontsize=12)
    pdf.save(tmp_path / "lang.pdf")
    (tmp_path / "kort.txt").write_text("Kort.", encoding="utf-8")
    worker = IngestWorker()
    try:
        worker.ingest(tmp_path / "kort.txt", "kort.txt", None, tmp_path / "w0")  # the child is running
        pid = worker._proc.pid

        def kill():
            time.sleep(0.05)
            os.kill(pid, signal.SIGKILL)

        threading.Thread(target=kill).start()
        with pytest.raises(WorkerFailure) as err:
            worker.ingest(tmp_path / "lang.pdf", "lang.pdf", None, tmp_path / "w1")
        assert "stoppe" in err.value.reason
        doc = worker.ingest(tmp_path / "kort.txt", "kort.txt", None, tmp_path / "w2")
        assert doc.text == "Kort." and worker._proc.pid != pid
    finally:
        worker.close()


def _running(path: Path) -> list:
    import psutil

    out = []
    for p in psutil.process_iter(["cmdline"]):
        with __import__("contextlib").suppress(psutil.Error):
            if any(str(path) in a for a in p.info.get("cmdline") or []):
                out.append(p)
    return out


def test_a_killed_imports_libreoffice_and_profile_go_at_the_next_start(tmp_path, monkeypatch):
    """kill -9 of an import leaves LibreOffice running in a session of its own, still writing into its
    profile TMPDIR/aktindsigt-ingest-<pid>-lo-*: the next start stops it and removes the profile (and does
    not touch the LibreOffice of an import that still runs)."""
    import subprocess
    import sys

    import docx

    from aktindsigt.ingest.tools import libreoffice_status

    assert libreoffice_status().available, "LibreOffice is installed by scripts/setup.sh"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    d = docx.Document()
    d.add_paragraph("Referat af mødet med Jens Hansen.")
    d.save(tmp_path / "referat.docx")
    script = ("import sys, time; from pathlib import Path; from aktindsigt.ingest.tools import convert_to_pdf; "
              "convert_to_pdf(Path(sys.argv[1]), Path(sys.argv[2])); print('converted', flush=True); time.sleep(300)")
    env = dict(os.environ, TMPDIR=str(tmp), PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    child = subprocess.Popen([sys.executable, "-c", script, str(tmp_path / "referat.docx"), str(tmp_path / "ud")],
                             env=env, stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "converted"
        profiles = [p for p in tmp.iterdir() if p.name.startswith(f"aktindsigt-ingest-{child.pid}-lo-")]
        office = [p for p in _running(profiles[0]) if "soffice" in p.name()]
        assert office  # LibreOffice runs on, with its profile
        for p in office:  # a busy machine: LibreOffice takes its time to shut down (and then writes its profile)
            p.suspend()
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the whole import's process group, as a crash would
        child.wait()
    alive = tmp / f"aktindsigt-ingest-{os.getpid()}-lo-running"  # this process: an import that still runs
    alive.mkdir()
    monkeypatch.setattr(tempfile_mod, "tempdir", str(tmp))
    try:
        assert _running(profiles[0])  # LibreOffice outlived the import (a session of its own)
        cases_mod.remove_stale_workdirs(tmp_path / "home-tmp")  # what every start does
    finally:
        for p in _running(profiles[0]):
            with __import__("contextlib").suppress(Exception):
                p.resume()
    time.sleep(3)  # nothing comes back
    assert [p.name for p in tmp.iterdir()] == [alive.name]
    assert not _running(profiles[0])


def test_the_next_start_stops_only_processes_in_stale_folders(tmp_path, monkeypatch):
    import subprocess
    import sys

    stale = tmp_path / "aktindsigt-ingest-999999999-lo-x1"
    alive = tmp_path / f"aktindsigt-ingest-{os.getpid()}-lo-x2"
    procs = [subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)",
                               f"-env:UserInstallation={f.as_uri()}"]) for f in (stale, alive)]
    for f in (stale, alive):
        (f / "user").mkdir(parents=True)
    monkeypatch.setattr(tempfile_mod, "tempdir", str(tmp_path))
    try:
        deadline = time.monotonic() + 30
        while not (_running(stale) and _running(alive)) and time.monotonic() < deadline:
            time.sleep(0.05)  # started
        assert cases_mod.remove_stale_workdirs(tmp_path / "home-tmp") == 1
        assert not _running(stale) and not stale.exists()
        assert procs[1].poll() is None and alive.exists()
    finally:
        for p in procs:
            p.kill()
            p.wait()


def test_a_letters_pdf_conversion_folder_of_a_killed_export_goes_at_the_next_start(tmp_path, monkeypatch):
    """kill -9 of an export during a letter's PDF conversion left TMPDIR/aktindsigt-pdf-* with the PDF."""
    from aktindsigt.outputs import render

    monkeypatch.setattr(tempfile_mod, "tempdir", str(tmp_path))
    seen = []

    def convert(src, outdir, timeout):
        seen.append(outdir)
        (outdir / "x.pdf").write_bytes(b"%PDF")
        return outdir / "x.pdf"

    monkeypatch.setattr("aktindsigt.ingest.tools.convert_to_pdf", convert)
    docx = tmp_path / "brev.docx"
    docx.write_bytes(b"docx")
    assert render.docx_to_pdf(docx)[0] == tmp_path / "brev.pdf"
    assert seen[0].name.startswith(f"aktindsigt-pdf-{os.getpid()}-") and not seen[0].exists()
    stale = tmp_path / "aktindsigt-pdf-999999999-abc"
    stale.mkdir()
    (stale / "01_Afgoerelse.pdf").write_bytes(b"%PDF")
    alive = tmp_path / f"aktindsigt-pdf-{os.getpid()}-def"
    alive.mkdir()
    assert cases_mod.remove_stale_workdirs(tmp_path / "home-tmp") == 1
    assert not stale.exists() and alive.exists()
