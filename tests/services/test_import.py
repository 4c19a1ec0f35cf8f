"""The import loop: hostile names, links and special files, a worker process per file with a memory
limit, temporary copies that never outlive the import, and a case status that follows each document."""

from __future__ import annotations

import os
import signal
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
