"""Import benchmark on the folder of real-world and hostile files (scripts/ingest_corpus.py).

Builds the folder, imports it into a fresh case in a child process (so its peak memory is its own)
and prints: import time, peak RSS of the import (the importing process and, separately, the largest
child it started: ingest workers, LibreOffice, Tesseract), the total RSS of the whole process tree
sampled every 50 ms, OCR'd pages, and per file whether every expected document reached the case
with the expected reason. Figures also go to bench-results/ingest.json.

    .venv/bin/python scripts/bench_ingest.py [--label before|after] [--keep DIR] [--tree OLD]

``--tree OLD`` imports the same folder (built by this tree's generators) with the code of another
source tree, e.g. a worktree of the commit before an issue, run by that tree's ``.venv``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
#: the code under test: this tree, or the one --tree names (the child process is started with it)
TREE = Path(os.environ.get("AKTINDSIGT_BENCH_TREE") or ROOT)
sys.path.insert(0, str(TREE))


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and its descendants (older trees have no ingest.worker)."""
    import psutil

    try:
        p = psutil.Process(pid)
        procs = [p, *p.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for q in procs:
        with contextlib.suppress(psutil.Error):
            total += q.memory_info().rss
    return total


def run_import(folder: Path, home: Path) -> dict:
    from aktindsigt.services import Services

    os.environ["AKTINDSIGT_HOME"] = str(home)
    os.environ.pop("AKTINDSIGT_DB_URL", None)
    svc = Services.open()
    case = svc.create_case("Benchmark", "Bench", "ofl7")
    peak = {"tree": 0}
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak["tree"] = max(peak["tree"], tree_rss(os.getpid()))
            stop.wait(0.05)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    t0 = time.perf_counter()
    error = ""
    try:
        svc.import_paths(case.id, [folder])
    except BaseException as e:  # noqa: BLE001 - a crash is a result here
        error = f"{type(e).__name__}: {e}"[:300]
    seconds = time.perf_counter() - t0
    stop.set()
    t.join()
    docs = svc.store.list_documents(case.id)
    rows = []
    ocr_pages = 0
    for d in docs:
        pages = svc.document_pages(d.id) if d.status.value == "ready" else []
        n_ocr = sum(1 for p in pages if p.ocr)
        ocr_pages += n_ocr
        rows.append({"id": d.id, "parent": d.parent_id, "name": d.source_name, "status": d.status.value,
                     "reason": d.failure_reason, "warnings": d.warnings, "pages": d.page_count, "ocr_pages": n_ocr})
    case_after = svc.get_case(case.id)
    return {
        "error": error,
        "import_seconds": round(seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "largest_child_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "peak_tree_rss_mb": round(peak["tree"] / 2**20, 1),
        "documents": rows,
        "ocr_pages": ocr_pages,
        "case_status": case_after.status.value,
    }


def score(expect: dict, rows: list[dict]) -> list[dict]:
    """Per file of the folder: are all expected documents in the case, with the right reason and OCR?"""
    by_parent: dict[int | None, list[dict]] = {}
    for r in rows:
        by_parent.setdefault(r["parent"], []).append(r)

    def descendants(doc_id: int) -> list[dict]:
        out = []
        for c in by_parent.get(doc_id, []):
            out.append(c)
            out.extend(descendants(c["id"]))
        return out

    results = []
    tops = {r["name"]: r for r in by_parent.get(None, [])}
    for name, exp in expect.items():
        top = tops.get(name)
        problems = []
        if top is None:
            problems.append("not in the case")
        else:
            got = {d["name"] for d in descendants(top["id"])}
            missing = [n for n in exp.names[1:] if n not in got]
            if missing:
                problems.append(f"missing {missing}")
            if exp.reason:
                if top["status"] != "failed" or not top["reason"].startswith(exp.reason):
                    problems.append(f"reason {top['reason']!r} (status {top['status']})")
            elif top["status"] == "failed":
                problems.append(f"failed: {top['reason']!r}")
            if exp.ocr and not top["ocr_pages"]:
                problems.append("no OCR")
            if exp.warning and not any(exp.warning.lower() in w.lower() for w in top["warnings"]) \
                    and exp.warning.lower() not in top["reason"].lower():
                problems.append(f"no warning with {exp.warning!r}")
        results.append({"file": name, "ok": not problems, "problems": problems})
    return results


def office_timing(n: int = 6) -> dict:
    """Seconds per DOCX → PDF conversion three ways: a fresh LibreOffice profile and start per file (as
    before), one start per file with the profile kept, and one LibreOffice kept running (UNO)."""
    from ingest_corpus import LOREM_DA

    from aktindsigt.demo.writers import write_docx
    from aktindsigt.ingest import tools

    work = Path(tempfile.mkdtemp(prefix="aktindsigt-bench-office-"))
    files = [write_docx(work / f"notat-{i}.docx", f"Notat {i}", [LOREM_DA] * 6) for i in range(n)]
    out: dict = {"files": n}
    for mode in ("fresh profile per file", "profile kept, one start per file", "one LibreOffice (UNO)"):
        if mode == "one LibreOffice (UNO)" and not tools.uno_python():
            out[mode] = None
            continue
        os.environ.pop("AKTINDSIGT_NO_UNO", None)
        if mode != "one LibreOffice (UNO)":
            os.environ["AKTINDSIGT_NO_UNO"] = "1"
        tools.end_office()
        t0 = time.perf_counter()
        for i, f in enumerate(files):
            if mode == "fresh profile per file":
                tools.end_office()
            tools.convert_to_pdf(f, work / f"{mode[:5]}-{i}")
        out[mode] = round((time.perf_counter() - t0) / n, 2)
        tools.end_office()
    os.environ.pop("AKTINDSIGT_NO_UNO", None)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--label", default="")
    ap.add_argument("--keep", type=Path, help="build the folder here and keep it")
    ap.add_argument("--skip", nargs="*", default=[], help="makers to leave out, e.g. make_bad_name")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--office", action="store_true", help="also time DOCX conversion with and without one LibreOffice")
    ap.add_argument("--tree", type=Path, help="import with the code of this source tree (its .venv's Python)")
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run_import(Path(args.child[0]), Path(args.child[1]))))
        return
    import ingest_corpus
    from ingest_corpus import build_corpus

    ingest_corpus.MAKERS[:] = [m for m in ingest_corpus.MAKERS if m.__name__ not in args.skip]

    work = Path(tempfile.mkdtemp(prefix="aktindsigt-bench-ingest-"))
    folder = args.keep or work / "sag"
    expect = build_corpus(folder)
    tree = (args.tree or ROOT).resolve()
    python = str(tree / ".venv" / "bin" / "python") if args.tree else sys.executable
    env = dict(os.environ, AKTINDSIGT_BENCH_TREE=str(tree), PYTHONPATH=str(tree))
    proc = subprocess.run([python, __file__, "--child", str(folder), str(work / "home")],
                          capture_output=True, text=True, cwd=tree, env=env)
    if proc.returncode != 0 or not proc.stdout.strip():
        print(proc.stderr[-3000:])
        result = {"error": f"import process exited {proc.returncode}", "documents": [], "import_seconds": None,
                  "peak_rss_mb": None, "largest_child_rss_mb": None, "peak_tree_rss_mb": None, "ocr_pages": 0,
                  "case_status": ""}
    else:
        result = json.loads(proc.stdout.strip().splitlines()[-1])
    files = score(expect, result["documents"])
    if args.office:
        result["office_seconds_per_docx"] = office_timing()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=tree).stdout.strip()
    report = {"label": args.label, "commit": commit, "skipped": args.skip,
              "machine": f"{platform.node()} {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}",
              "when": time.strftime("%Y-%m-%d %H:%M:%S"), "files": len(expect),
              "files_ok": sum(f["ok"] for f in files),
              **{k: v for k, v in result.items() if k != "documents"},
              "per_file": files, "documents": result["documents"]}
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    target = out / f"ingest{'-' + args.label if args.label else ''}.json"
    target.write_text(json.dumps(report, indent=2), encoding="utf-8")
    for f in files:
        print(f"{'ok ' if f['ok'] else 'BAD'} {f['file']}: {'; '.join(f['problems'])}")
    print(f"commit {commit}: {report['files_ok']} of {len(expect)} files as expected; "
          f"{len(result['documents'])} documents; import {result['import_seconds']} s; "
          f"peak RSS {result['peak_rss_mb']} MB (largest child {result['largest_child_rss_mb']} MB, "
          f"whole tree {result['peak_tree_rss_mb']} MB); {result['ocr_pages']} OCR'd pages; "
          f"case status {result['case_status']!r}{'; ERROR ' + result['error'] if result['error'] else ''}")
    if args.office:
        print("LibreOffice, seconds per DOCX:", result["office_seconds_per_docx"])
    print(f"written to {target}")


if __name__ == "__main__":
    main()
