"""The whole pipeline on a generated case, each stage against its peer on the same input (``make bench``).

    .venv/bin/python scripts/benchmark.py [--pages 1000] [--sizes 250,1000,2000] [--no-ui] [--no-peers]

A case of N pages is generated (seeded): multi-page text PDFs, DOCX files, e-mails with a PDF
attachment, and about 10 % scanned pages (PDFs of page images without a text layer). Every person,
CPR number, phone number and address in it is invented (Faker ``da_DK``).

Stages, each with wall seconds, pages/s, CPU seconds (the process and its workers) and peak memory (the
process tree, sampled every 50 ms, its processes' PSS added: a forked child's shared pages count once), and the peer it is compared with on the same input in the same run:

| stage | what | peer |
| --- | --- | --- |
| import | ``Services.import_paths`` of all files, in three parts (text PDFs and e-mails, DOCX, scans) whose sum this is | PyMuPDF's plain ``get_text()`` of the same PDFs (the floor) |
| docx | the DOCX part of the import (through one LibreOffice) | one ``soffice --convert-to pdf`` call for all of them |
| ocr | the scans part of the import (OCR) | Tesseract alone on the same page images (up to 40), two processes (both cores) |
| analysis | ``Services.analyze_case`` (NER + Danish detectors + propagation), the engine loaded first (its load time is reported beside it) | presidio's ``AnalyzerEngine`` with the same spaCy model and its default recognizers, one process |
| redaction | ``Services.redact_case`` after a finished review (pre-selected suggestions redacted, the rest released): true redaction + case-level verification of every released file | |
| export | ``Services.export_bundle`` (letters, aktliste, journal note, bundle) | |
| ui | ``scripts/bench_ui.py`` (first page of 500 pages, longest UI stalls) | |

Prints one table per size and writes everything to ``bench-results/bench.json``. With ``--sizes`` the
run is repeated at each size and a last table says how time and memory grow (per page, relative to the
smallest size: 1.00 is linear).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench-results"

# ----------------------------------------------------------------------------- measuring


def _tree_pids(root: int) -> list[int]:
    """``root`` and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _rss_mb(pids: list[int]) -> float:
    """Memory of ``pids`` with shared pages counted once: the sum of their proportional set sizes (``Pss`` in
    ``/proc/<pid>/smaps_rollup``). Summing resident sizes would count a forked child's copy-on-write pages
    twice (every subprocess start, and a worker forked from a parent with a model loaded); for one process
    the two agree within its share of the system's libraries. ``statm``'s resident size where there is no
    ``smaps_rollup``."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
            continue
        except (OSError, ValueError, IndexError):
            pass
        try:
            with open(f"/proc/{pid}/statm", encoding="ascii") as f:
                total += int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            pass
    return total / 1e6


def _cpu_s(pids: list[int]) -> float:
    """User + system CPU seconds of the live processes (``/proc/<pid>/stat``)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except (OSError, ValueError, IndexError):
            pass
    return total


@dataclass
class Measure:
    """Wall time, CPU seconds (this process + waited-for children + live workers) and peak RSS of a block."""

    wall: float = 0.0
    cpu: float = 0.0
    peak_mb: float = 0.0
    _stop: threading.Event = field(default_factory=threading.Event)
    _workers_cpu: dict[int, float] = field(default_factory=dict)

    def __enter__(self) -> Measure:
        self._t0 = time.perf_counter()
        self._c0 = self._own_cpu()
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._sampler.start()
        return self

    @staticmethod
    def _own_cpu() -> float:
        t = os.times()
        return t.user + t.system + t.children_user + t.children_system

    def _sample(self) -> None:
        me = os.getpid()
        start: dict[int, float] = {}
        while not self._stop.is_set():
            pids = _tree_pids(me)
            self.peak_mb = max(self.peak_mb, _rss_mb(pids))
            for pid in pids:  # long-lived worker processes: count the CPU they used during the block
                if pid == me:
                    continue
                used = _cpu_s([pid])
                start.setdefault(pid, used)
                self._workers_cpu[pid] = used - start[pid]
            self._stop.wait(0.05)

    def __exit__(self, *exc) -> None:
        self.wall = time.perf_counter() - self._t0
        self._stop.set()
        self._sampler.join()
        self.cpu = self._own_cpu() - self._c0 + sum(self._workers_cpu.values())

    def row(self, pages: int) -> dict:
        return {"seconds": round(self.wall, 2), "pages_per_s": round(pages / self.wall, 1) if self.wall else None,
                "cpu_s": round(self.cpu, 1), "peak_rss_mb": round(self.peak_mb)}


# ----------------------------------------------------------------------------- the generated case


@dataclass
class GeneratedCase:
    folder: Path
    text_pdfs: list[Path] = field(default_factory=list)
    scanned_pdfs: list[Path] = field(default_factory=list)
    docx: list[Path] = field(default_factory=list)
    emails: list[Path] = field(default_factory=list)
    pages: int = 0
    scanned_pages: int = 0

    #: subfolders: text PDFs and e-mails, DOCX files, scans (imported one after another, each measured)
    PARTS = ("tekst", "word", "scanninger")


def _person_paragraph(fake) -> str:
    name = fake.name()
    return (f"{name} (cpr-nr. {fake.date_of_birth(minimum_age=18, maximum_age=90):%d%m%y}-{random.randint(1000, 9999)}) "
            f"bor på {fake.street_address()}, {fake.postcode()} {fake.city()}, og kan træffes på tlf. "
            f"{fake.phone_number()}. {fake.paragraph(nb_sentences=4)}")


def _page_paragraphs(fake) -> list[str]:
    return [_person_paragraph(fake)] + [fake.paragraph(nb_sentences=6) for _ in range(4)] + [_person_paragraph(fake)]


def generate_case(folder: Path, pages: int, seed: int = 7) -> GeneratedCase:
    """About ``pages`` pages: 60 % text PDFs (5-20 pages), 10 % scanned, 15 % DOCX, 15 % e-mails."""
    from faker import Faker

    from aktindsigt.demo import writers
    from aktindsigt.pdflib import pymupdf

    fake = Faker("da_DK")
    Faker.seed(seed)
    random.seed(seed)
    case = GeneratedCase(folder)
    for sub in GeneratedCase.PARTS:
        (folder / sub).mkdir(parents=True, exist_ok=True)
    n = 0
    budget = {"pdf": int(pages * 0.60), "scan": int(pages * 0.10), "docx": int(pages * 0.15)}
    budget["mail"] = pages - sum(budget.values())
    while budget["pdf"] > 0:
        k = min(budget["pdf"], random.randint(5, 20))
        path = folder / "tekst" / f"{n:04d} Sagsakt.pdf"
        doc = pymupdf.open()
        for _ in range(k):
            page = doc.new_page(width=595, height=842)
            page.insert_textbox(pymupdf.Rect(60, 60, 535, 800), "\n".join(_page_paragraphs(fake)), fontsize=9.5,
                                fontname="helv")
        doc.save(path, garbage=3, deflate=True)
        doc.close()
        case.text_pdfs.append(path)
        budget["pdf"] -= k
        case.pages += k
        n += 1
    while budget["scan"] > 0:
        k = min(budget["scan"], random.randint(1, 4))
        path = folder / "scanninger" / f"{n:04d} Indscannet brev.pdf"
        lines = [[f"{fake.name()}, {fake.street_address()}", f"Cpr-nr. {fake.date_of_birth():%d%m%y}-{random.randint(1000, 9999)}",
                  *[fake.sentence(nb_words=9) for _ in range(22)]] for _ in range(k)]
        writers.write_scanned_pdf(path, lines, dpi=200)
        case.scanned_pdfs.append(path)
        budget["scan"] -= k
        case.pages += k
        case.scanned_pages += k
        n += 1
    while budget["docx"] > 0:
        k = min(budget["docx"], 2)  # ~2 pages of text each
        path = folder / "word" / f"{n:04d} Notat.docx"
        writers.write_docx(path, "Notat", [p for _ in range(k) for p in _page_paragraphs(fake)])
        case.docx.append(path)
        budget["docx"] -= k
        case.pages += k
        n += 1
    attachment_dir = Path(tempfile.mkdtemp(prefix="bench-bilag-"))
    while budget["mail"] > 0:
        path = folder / "tekst" / f"{n:04d} Mail.eml"
        att = attachment_dir / f"bilag-{n}.pdf"
        writers.write_text_pdf(att, "Bilag", _page_paragraphs(fake))
        writers.write_eml(path, f"{fake.name()} <{fake.free_email()}>", "post@kommune.dk", "Vedr. min sag",
                          "\n\n".join(_page_paragraphs(fake)[:3]), attachments=[(f"bilag-{n}.pdf", att.read_bytes())])
        case.emails.append(path)
        budget["mail"] -= 2  # the body and the attachment
        case.pages += 2
        n += 1
    shutil.rmtree(attachment_dir)
    return case


# ----------------------------------------------------------------------------- peers


def peer_pymupdf_text(pdfs: list[Path]) -> tuple[Measure, int]:
    from aktindsigt.pdflib import pymupdf

    pages = 0
    with Measure() as m:
        for p in pdfs:
            with pymupdf.open(p) as doc:
                for page in doc:
                    page.get_text()
                    pages += 1
    return m, pages


def peer_soffice(docx: list[Path], out: Path) -> Measure | None:
    from aktindsigt.ingest.tools import libreoffice_status

    st = libreoffice_status()
    if not st.available or not docx:
        return None
    out.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="bench-lo-"))
    with Measure() as m:
        subprocess.run([st.path, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), *map(str, docx)], capture_output=True, check=False, timeout=3600)
    shutil.rmtree(profile, ignore_errors=True)
    return m


#: the Tesseract peer reads at most this many page images (its figure is a rate: pages/s)
PEER_OCR_PAGES = 40


def peer_tesseract(scans: list[Path], work: Path) -> tuple[Measure, int] | None:
    """Tesseract alone on (up to :data:`PEER_OCR_PAGES` of) the scanned pages, two processes at a time."""
    from aktindsigt.ingest.tools import tesseract_status
    from aktindsigt.pdflib import pymupdf

    st = tesseract_status()
    if not st.available:
        return None
    images = []
    work.mkdir(parents=True, exist_ok=True)
    for pdf in scans:
        with pymupdf.open(pdf) as doc:
            for page in doc:
                for info in page.get_images(full=True):
                    img = doc.extract_image(info[0])
                    path = work / f"{pdf.stem}-{page.number}.{img['ext']}"
                    path.write_bytes(img["image"])
                    images.append(path)
    # an even sample of all the scanned pages (the first ones are not like the rest at every size)
    images = images[::max(1, len(images) // PEER_OCR_PAGES)][:PEER_OCR_PAGES]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with Measure() as m:
        running: list[subprocess.Popen] = []
        for img in images:
            while len(running) >= 2:
                running[0].wait()
                running = [p for p in running if p.poll() is None]
            running.append(subprocess.Popen([st.path, str(img), "stdout", "-l", "dan", "--psm", "3"],
                                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env))
        for p in running:
            p.wait()
    return m, len(images)


def peer_presidio(texts: list[str]) -> Measure:
    """Plain presidio: ``AnalyzerEngine`` over the same spaCy model, default recognizers, one process."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    from aktindsigt.nlp.model import load_ner

    class Engine(SpacyNlpEngine):
        def __init__(self) -> None:
            super().__init__(models=[{"lang_code": "da", "model_name": "da_aktindsigt"}])
            self.nlp = {"da": load_ner()}

        def load(self) -> None:  # the model is loaded above
            pass

    engine = AnalyzerEngine(nlp_engine=Engine(), supported_languages=["da"])
    with Measure() as m:
        for t in texts:
            engine.analyze(t, language="da")
    return m


# ----------------------------------------------------------------------------- one size


def _said(stage: str, row: dict) -> None:
    """Each stage's figures on stderr as soon as they are known (a long run can be followed)."""
    print(f"[{time.strftime('%H:%M:%S')}] {stage}: " + json.dumps(row, ensure_ascii=False), file=sys.stderr, flush=True)


def run_size(pages: int, seed: int, peers: bool, ui: bool) -> dict:
    work = Path(tempfile.mkdtemp(prefix=f"aktindsigt-bench-{pages}-"))
    os.environ["AKTINDSIGT_HOME"] = str(work / "home")
    os.environ.pop("AKTINDSIGT_DB_URL", None)
    os.environ.setdefault("AKTINDSIGT_USER", "Benchmark")
    from aktindsigt.core.model import DocumentStatus, UserRole
    from aktindsigt.services import Services

    result: dict = {"pages_requested": pages}
    t = time.perf_counter()
    case_files = generate_case(work / "sag", pages, seed)
    result["generate_seconds"] = round(time.perf_counter() - t, 1)
    result["pages"] = case_files.pages
    result["files"] = {"text_pdf": len(case_files.text_pdfs), "scanned_pdf": len(case_files.scanned_pdfs),
                       "docx": len(case_files.docx), "eml": len(case_files.emails)}
    stages: dict[str, dict] = {}

    svc = Services.open()
    svc.set_user_profile("Benchmark", UserRole.TEAM_LEAD)
    case = svc.create_case("Benchmark", "Journalist", "ofl7")
    # what a final letter needs (a letter with a placeholder is refused, #11)
    svc.set_municipality(name="Benchmark Kommune", unit="Sekretariatet", address="Rådhuspladsen 1\n8000 Aarhus C",
                         cvr="12345678", kommunekode="751")
    svc.set_scope(case.id, "Alle dokumenter i sagen.")
    svc.set_extraction(case.id, "Der er ikke undtaget dokumenter efter §§ 23-27; ekstrahering er ikke aktuel.")
    svc.set_meroffentlighed(case.id, "Meroffentlighed er overvejet, men hensynet til de private personer vejer tungere.")
    svc.set_statements(case.id, recipient_address="journalist@example.dk", signer="Benchmark", matter_area="building")
    # The case is imported in three parts (text PDFs and mails, DOCX, scans), each measured: the
    # DOCX part is the "docx" stage, the scans are the "ocr" stage, and "import" is their sum.  Every
    # file is imported (and every scan OCR'd) once.
    parts: dict[str, tuple[Measure, int, int]] = {}
    for sub in GeneratedCase.PARTS:
        before = sum(d.page_count for d in svc.case_detail(case.id).documents)
        with Measure() as m:
            summary = svc.import_paths(case.id, [case_files.folder / sub])
        after = sum(d.page_count for d in svc.case_detail(case.id).documents)
        parts[sub] = (m, after - before, len(summary.failed))
    imported_pages = sum(n for _, n, _ in parts.values())
    wall = sum(m.wall for m, _, _ in parts.values())
    stages["import"] = {"seconds": round(wall, 2), "pages_per_s": round(imported_pages / wall, 1) if wall else None,
                        "cpu_s": round(sum(m.cpu for m, _, _ in parts.values()), 1),
                        "peak_rss_mb": round(max(m.peak_mb for m, _, _ in parts.values())),
                        "failed": sum(f for _, _, f in parts.values())}
    if peers:
        pm, n = peer_pymupdf_text(case_files.text_pdfs + case_files.scanned_pdfs)
        stages["import"]["peer"] = {"name": "PyMuPDF get_text() of the PDFs", **pm.row(n)}
    _said("import", stages["import"])
    for name, sub in (("docx", "word"), ("ocr", "scanninger")):
        m, n, _ = parts[sub]
        if not n:
            continue
        stages[name] = m.row(n)
        if peers and name == "docx":
            pm = peer_soffice(case_files.docx, work / "soffice-out")
            if pm:
                stages[name]["peer"] = {"name": "one soffice --convert-to pdf for all files", **pm.row(n)}
        if peers and name == "ocr":
            r = peer_tesseract(case_files.scanned_pdfs, work / "tesseract-images")
            if r:
                stages[name]["peer"] = {"name": "tesseract alone, 2 processes", **r[0].row(r[1])}
        _said(name, stages[name])

    texts = [svc.document_text(d.id) for d in svc.case_detail(case.id).documents if d.status is DocumentStatus.READY]
    # the engine (presidio, the model) is loaded once per process - the app does it in the background
    # while the caseworker imports - and the peer's engine is built before its measurement too
    with Measure() as warm:
        svc._engine()
    with Measure() as m:
        analysis = svc.analyze_case(case.id)
    stages["analysis"] = {**m.row(imported_pages), "suggestions": analysis.new_suggestions,
                          "propagated": analysis.propagated, "engine_load_s": round(warm.wall, 2),
                          "engine_load_cpu_s": round(warm.cpu, 1)}
    if peers:
        pm = peer_presidio(texts)
        stages["analysis"]["peer"] = {"name": "presidio AnalyzerEngine, same model, default recognizers", **pm.row(
            imported_pages)}
    _said("analysis", stages["analysis"])

    # a finished review, as the checklist demands before a file goes out: the pre-selected suggestions are
    # redacted (with the related forms they bring), everything still open is released
    from aktindsigt.core.model import SuggestionStatus

    svc.accept_preselected(case.id)
    svc.reject([s.id for s in svc.suggestions(case.id, status=SuggestionStatus.PENDING) if s.id is not None])
    with Measure() as m:
        red = svc.redact_case(case.id, work / "udlevering")
    stages["redaction"] = {**m.row(imported_pages), "files": len(red.documents), "passed": red.passed,
                           "failed": [d.document.akt_nr for d in red.documents if not d.passed]}
    _said("redaction", stages["redaction"])
    from aktindsigt.core.errors import ServiceError

    try:
        with Measure() as m:
            exp = svc.export_bundle(case.id, work / "eksport", override_reason="Benchmark: ingen rigtig sag")
    except ServiceError as e:
        stages["export"] = {**m.row(imported_pages), "error": str(e)[:500]}
    else:
        report = json.loads((exp.path / "revision" / "verification_report.json").read_text(encoding="utf-8"))
        # the export reuses the files the redaction stage verified (redact/reuse.py)
        stages["export"] = {**m.row(imported_pages), "files": len(exp.files),
                            "reused": sum(1 for d in report["documents"] if d.get("reused"))}
    _said("export", stages["export"])
    svc.close()

    if ui:
        ui_out = work / "ui.json"
        with Measure() as m:
            subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_ui.py"), "--out", str(ui_out)],
                           check=False, capture_output=True, timeout=1800, cwd=ROOT)
        if ui_out.exists():
            stages["ui"] = json.loads(ui_out.read_text(encoding="utf-8"))
    result["stages"] = stages
    shutil.rmtree(work, ignore_errors=True)
    return result


# ----------------------------------------------------------------------------- report

def _ratio(stage: dict) -> float | None:
    """Our time per page over the peer's time per page (below 1: faster than the peer).  Pages, not
    seconds: the Tesseract peer reads at most :data:`PEER_OCR_PAGES` of the scanned pages."""
    peer = stage.get("peer")
    if not peer or not peer.get("pages_per_s") or not stage.get("pages_per_s"):
        return None
    return round(peer["pages_per_s"] / stage["pages_per_s"], 2)


def print_table(result: dict) -> None:
    print(f"\n{result['pages']} pages ({result['files']}), generated in {result['generate_seconds']} s")
    print(f"{'stage':10} {'s':>8} {'pages/s':>8} {'CPU-s':>7} {'RSS MB':>7}   "
          "peer: its pages/s / our time per page over the peer's")
    for name, st in result["stages"].items():
        if name == "ui":
            keys = ("reopen_first_page_s", "first_page_s", "longest_stall_import_ms", "longest_stall_analysis_ms",
                    "longest_stall_scroll_ms")
            print("ui         " + ", ".join(f"{k} {st.get(k)}" for k in keys if k in st))
            continue
        peer = st.get("peer")
        peer_txt = f"{peer['name']}: {peer['pages_per_s']} pages/s / {_ratio(st)}" if peer else ""
        print(f"{name:10} {st['seconds']:8.1f} {st['pages_per_s'] or 0:8.1f} {st['cpu_s']:7.1f} "
              f"{st['peak_rss_mb']:7d}   {peer_txt}")


def print_growth(results: list[dict]) -> None:
    base = results[0]
    print(f"\ngrowth relative to {base['pages']} pages: time per page (1.00 = linear), peak memory (ratio of the peaks):")
    names = [n for n in base["stages"] if n != "ui"]
    print(f"{'pages':>6} " + " ".join(f"{n + ' s':>12} {n + ' MB':>10}" for n in names))
    for r in results:
        cells = []
        for n in names:
            a, b = base["stages"].get(n), r["stages"].get(n)
            if not a or not b:
                cells.append(f"{'':>12} {'':>10}")
                continue
            t = (b["seconds"] / r["pages"]) / (a["seconds"] / base["pages"]) if a["seconds"] else 0
            mem = b["peak_rss_mb"] / a["peak_rss_mb"] if a["peak_rss_mb"] else 0
            cells.append(f"{t:12.2f} {mem:10.2f}")
        print(f"{r['pages']:6d} " + " ".join(cells))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--sizes", help="several sizes, e.g. 250,1000,2000 (each in its own process)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-peers", action="store_true", help="skip the peers (PyMuPDF, soffice, Tesseract, presidio)")
    ap.add_argument("--no-ui", action="store_true", help="skip scripts/bench_ui.py")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # run one size and print its JSON
    args = ap.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one, args.seed, not args.no_peers, not args.no_ui)))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [args.pages]
    started = time.perf_counter()
    results = []
    for i, n in enumerate(sizes):  # each size in a fresh process, so that its peak memory is its own
        cmd = [sys.executable, __file__, "--one", str(n), "--seed", str(args.seed)]
        cmd += ["--no-peers"] if args.no_peers else []
        cmd += ["--no-ui"] if args.no_ui or i > 0 else []  # the UI figures do not depend on the case size
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)  # stderr: the stages as they end
        if proc.returncode != 0:
            return 1
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
        print_table(results[-1])
    if len(results) > 1:
        print_growth(results)
    load = os.getloadavg()
    report = {"machine": f"{platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}",
              "load_average_at_end": [round(x, 2) for x in load], "when": time.strftime("%Y-%m-%d %H:%M:%S"),
              "total_seconds": round(time.perf_counter() - started), "results": results}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nload average {load[0]:.1f}; {report['total_seconds']} s in all; written to {RESULTS / 'bench.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
