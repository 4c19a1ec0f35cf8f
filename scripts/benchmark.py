"""Import benchmark: time and peak memory for importing the demo case and a
generated 300-page text PDF. Each scenario runs in its own process so that its
peak memory (ru_maxrss) is its own. Prints the figures and writes them to
bench-results/import.json.

    .venv/bin/python scripts/benchmark.py [--pages 300]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def make_text_pdf(path: Path, pages: int, seed: int = 7) -> None:
    import pymupdf
    from faker import Faker

    fake = Faker("da_DK")
    Faker.seed(seed)
    doc = pymupdf.open()
    for i in range(pages):
        page = doc.new_page(width=595, height=842)
        text = f"Side {i + 1}. " + " ".join(fake.paragraph(nb_sentences=8) for _ in range(5))
        text += f"\n{fake.name()}, {fake.street_address()}, {fake.postcode()} {fake.city()}. Tlf. {fake.phone_number()}."
        page.insert_textbox(pymupdf.Rect(50, 50, 545, 800), text, fontsize=10, fontname="helv")
    doc.save(path, garbage=3, deflate=True)
    doc.close()


def run_scenario(name: str, pages: int) -> dict:
    from aktindsigt.services import Services

    work = Path(tempfile.mkdtemp(prefix="aktindsigt-bench-"))
    os.environ["AKTINDSIGT_HOME"] = str(work / "home")
    os.environ.pop("AKTINDSIGT_DB_URL", None)
    svc = Services.open()
    if name == "demo":
        from aktindsigt.demo.generate import generate_demo_case

        files = work / "demo"
        generate_demo_case(files, seed=1234)
        case = svc.create_case("Benchmark", "Bench", "ofl7")
        t0 = time.perf_counter()
        summary = svc.import_paths(case.id, [files])
    else:
        pdf = work / f"tekst_{pages}_sider.pdf"
        make_text_pdf(pdf, pages)
        case = svc.create_case("Benchmark", "Bench", "ofl7")
        t0 = time.perf_counter()
        summary = svc.import_paths(case.id, [pdf])
    seconds = time.perf_counter() - t0
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    docs = summary.documents
    return {
        "scenario": name,
        "documents": len(docs),
        "failed": len(summary.failed),
        "pages": sum(d.page_count for d in docs),
        "import_seconds": round(seconds, 2),
        "pages_per_second": round(sum(d.page_count for d in docs) / seconds, 1) if seconds else None,
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--scenario", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.scenario:
        print(json.dumps(run_scenario(args.scenario, args.pages)))
        return
    results = []
    for scenario in ("demo", "textpdf"):
        proc = subprocess.run(
            [sys.executable, __file__, "--scenario", scenario, "--pages", str(args.pages)],
            capture_output=True, text=True, check=True, cwd=ROOT,
        )
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    report = {"machine": f"{platform.node()} {os.cpu_count()} cores, Python {platform.python_version()}",
              "when": time.strftime("%Y-%m-%d %H:%M:%S"), "results": results}
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "import.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    for r in results:
        print(f"{r['scenario']:8s} {r['documents']:3d} documents, {r['pages']:4d} pages, {r['failed']} failed: "
              f"{r['import_seconds']:6.2f} s ({r['pages_per_second']} pages/s), peak RSS {r['peak_rss_mb']} MB")
    print(f"written to {out / 'import.json'}")


if __name__ == "__main__":
    main()
