#!/usr/bin/env python3
"""OCR cost and accuracy of redaction (#15 "OCR once").

    .venv/bin/python scripts/bench_ocr.py dpi   [--pages 12]       # accuracy and time at 200 vs 300 dpi
    .venv/bin/python scripts/bench_ocr.py redact [--label after] [--tree PATH] [--scan-pages 20]

``dpi``: generated scans (``scripts/scans.py``: Pillow text, skew, blur, noise, JPEG; source resolution
200 and 300 dpi, mild and heavy noise) are read with Tesseract at each OCR resolution and page
segmentation mode; a name or CPR number counts as found when the leak check's matching finds it in the
OCR text (``redact.verify``).  Writes ``bench-results/ocr-dpi.json``.

``redact``: three runs, each timed, with every Tesseract call counted (a wrapper first on PATH logs each
call's wall time; CPU time of the children is measured too):

* ``logos``: ``aktindsigt redact`` of 4 text pages, two of them with a small logo (terms in the text);
* ``scan``: ``aktindsigt redact`` of a scanned PDF (``--scan-pages``, default 20) by names and CPR numbers;
* ``case``: a case with a 5-page scan and a text letter with a logo: import (OCR), a redaction of every
  name and CPR number, ``case redact`` (redaction + verification of every file).

``--tree`` runs the code of another source tree (e.g. a worktree of an older main) for "before"
figures.  Writes ``bench-results/ocr-<label>.json``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench-results"


def _child_cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


# ------------------------------------------------------------------------------------------ dpi study


def dpi_study(n_pages: int, dpis: list[int], seed: int) -> dict:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts"))
    from scans import make_scans, scans_pdf

    from aktindsigt.pdflib import pymupdf
    from aktindsigt.redact.ocr import ocr_page
    from aktindsigt.redact.textnorm import compact, fold
    from aktindsigt.redact.verify import _levenshtein_le1, _Terms

    configs = [(200, 0.4), (200, 1.0), (300, 0.4), (300, 1.0)]
    per = max(1, n_pages // len(configs))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for ci, (src_dpi, noise) in enumerate(configs):
            pages = make_scans(per, seed=seed + ci, dpi=src_dpi, noise=noise)
            pdf_path = scans_pdf(pages, Path(tmp) / f"scan-{ci}.pdf")
            doc = pymupdf.open(pdf_path)
            for pi, sp in enumerate(pages):
                terms = _Terms([*sp.names, *sp.cprs], "x")
                for dpi in dpis:
                    found: dict[tuple, set[int]] = {}
                    secs: dict[int, tuple[float, float]] = {}
                    for psm in (3, 11):
                        t0, c0 = time.perf_counter(), _child_cpu()
                        words = ocr_page(doc[pi], dpi=dpi, psms=(psm,))
                        secs[psm] = (time.perf_counter() - t0, _child_cpu() - c0)
                        lines: dict[tuple, list[str]] = {}
                        for w in words:
                            lines.setdefault(w.line, []).append(w.text)
                        hit = set(terms.find("\n".join(" ".join(v) for v in lines.values())))
                        tokens = {"".join(ch for ch in fold(w.text) if ch.isalnum()) for w in words}
                        for i, s in enumerate(terms.strings):
                            key = compact(fold(s))
                            if i not in hit and len(key) >= 6 and key.isalnum() and any(
                                    len(t) >= 5 and _levenshtein_le1(key, t) for t in tokens):
                                hit.add(i)
                        found[(psm,)] = hit
                    found[(3, 11)] = found[(3,)] | found[(11,)]
                    n_names = len(sp.names)
                    for psms, hit in found.items():
                        rows.append({
                            "source_dpi": src_dpi, "noise": noise, "page": pi, "ocr_dpi": dpi, "psms": list(psms),
                            "names": n_names, "names_found": sum(1 for i in hit if i < n_names),
                            "cprs": len(sp.cprs), "cprs_found": sum(1 for i in hit if i >= n_names),
                            "wall_s": round(sum(secs[p][0] for p in psms), 2),
                            "cpu_s": round(sum(secs[p][1] for p in psms), 2),
                        })
                    print(f"source {src_dpi} dpi noise {noise} page {pi}: ocr {dpi} dpi " + "  ".join(
                        f"psm{'+'.join(map(str, k))} {sum(1 for i in v if i < n_names)}/{n_names} names "
                        f"{sum(1 for i in v if i >= n_names)}/{len(sp.cprs)} cpr" for k, v in found.items()),
                        flush=True)
            doc.close()
    summary = {}
    for dpi in dpis:
        for psms in ([3], [11], [3, 11]):
            sel = [r for r in rows if r["ocr_dpi"] == dpi and r["psms"] == psms]
            key = f"{dpi}dpi psm{'+'.join(map(str, psms))}"
            summary[key] = {
                "names_recall": round(sum(r["names_found"] for r in sel) / max(1, sum(r["names"] for r in sel)), 3),
                "cpr_recall": round(sum(r["cprs_found"] for r in sel) / max(1, sum(r["cprs"] for r in sel)), 3),
                "missed": sum(r["names"] - r["names_found"] + r["cprs"] - r["cprs_found"] for r in sel),
                "wall_s_per_page": round(sum(r["wall_s"] for r in sel) / max(1, len(sel)), 2),
                "cpu_s_per_page": round(sum(r["cpu_s"] for r in sel) / max(1, len(sel)), 2),
                "by_source": {
                    f"{sd}dpi noise {nz}": {
                        "names": f"{sum(r['names_found'] for r in s2)}/{sum(r['names'] for r in s2)}",
                        "cprs": f"{sum(r['cprs_found'] for r in s2)}/{sum(r['cprs'] for r in s2)}",
                    }
                    for sd, nz in configs
                    for s2 in [[r for r in sel if r["source_dpi"] == sd and r["noise"] == nz]]
                },
            }
    return {"pages": per * len(configs), "configs": configs, "summary": summary, "rows": rows}


# ------------------------------------------------------------------------------------------ redaction runs


WRAPPER = """#!/bin/sh
s=$(date +%s.%N)
"{real}" "$@"
rc=$?
e=$(date +%s.%N)
case "$*" in *--list-langs*|*--version*) ;; *) echo "$s $e" >> "{log}" ;; esac
exit $rc
"""


def _tesseract_calls(log: Path, after: float = 0.0, before: float = float("inf")) -> tuple[int, float]:
    """Number and summed wall time of the Tesseract calls that started in [after, before)."""
    if not log.exists():
        return 0, 0.0
    rows = [ln.split() for ln in log.read_text().splitlines() if ln.strip()]
    rows = [(float(s), float(e)) for s, e in rows if after <= float(s) < before]
    return len(rows), round(sum(e - s for s, e in rows), 1)


def _build_logos(path: Path) -> list[str]:
    """4 text pages; a small logo (a coat of arms and the municipality's name) on pages 1 and 3."""
    from PIL import Image, ImageDraw, ImageFont

    from aktindsigt.pdflib import pymupdf

    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 36)
    img = Image.new("RGB", (420, 120), "white")
    d = ImageDraw.Draw(img)
    d.ellipse((8, 8, 112, 112), fill=(20, 60, 140))
    d.text((130, 38), "Egedal Kommune", fill=(20, 60, 140), font=font)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    names = ["Mette Kjærgaard Hansen", "Jonas Riis", "Lone Bech"]
    cprs = ["120385-1234", "010170-4321"]
    doc = pymupdf.open()
    for p in range(4):
        page = doc.new_page(width=595, height=842)
        if p in (0, 2):
            page.insert_image(pymupdf.Rect(420, 30, 560, 70), stream=buf.getvalue())
        y = 110
        for j in range(38):
            if j % 9 == 2:
                line = f"Borgeren {names[(p + j) % 3]} (cpr-nr. {cprs[j % 2]}) har oplyst forholdene."
            else:
                line = "Kommunen har behandlet ansøgningen og foretaget en samlet vurdering af sagen."
            page.insert_text((60, y), line, fontsize=10)
            y += 18
    doc.save(path, garbage=3, deflate=True)
    doc.close()
    return [*names, *cprs]


def _redact_cli(tree: Path, env: dict, src: Path, out: Path, terms: list[str]) -> tuple[int, float, str]:
    args = [sys.executable, "-m", "aktindsigt", "redact", str(src), "--out", str(out)]
    for t in terms:
        args += ["--term", t]
    t0 = time.perf_counter()
    r = subprocess.run(args, env=env, cwd=str(tree), capture_output=True, text=True)
    return r.returncode, time.perf_counter() - t0, (r.stdout + r.stderr).strip()[-600:]


CASE_SCRIPT = r"""
import json, sys, time
from datetime import date
from pathlib import Path
from aktindsigt.store.store import Store
from aktindsigt.services import Services
home, docs, out = map(Path, sys.argv[1:4])
terms = json.loads(sys.argv[4])
store = Store(f"sqlite:///{home / 'bench.db'}", home / "blobs")
s = Services(store, user="bench")
c = s.create_case("OCR-benchmark", "Journalist", "ofl7", date(2026, 11, 2), case_number="AKT-OCR-1")
e0 = time.time(); t0 = time.perf_counter()
s.import_paths(c.id, sorted(docs.iterdir()))
e1 = time.time(); t1 = time.perf_counter()
n = 0
for d in s.case_detail(c.id).documents:
    text = s.document_text(d.id)
    low = text.casefold()
    for term in terms:
        i = low.find(term.casefold())
        while i >= 0:
            s.redact_text(d.id, i, i + len(term), "ofl30_1")
            n += 1
            i = low.find(term.casefold(), i + len(term))
e2 = time.time(); t2 = time.perf_counter()
res = s.redact_case(c.id, out)
t3 = time.perf_counter()
pages = sum(d.page_count or 0 for d in s.case_detail(c.id).documents)
print(json.dumps({"epochs": [e0, e1, e2], "import_s": t1 - t0, "decide_s": t2 - t1, "redact_s": t3 - t2, "redactions": n,
                  "pages": pages, "passed": res.passed,
                  "failed": [[c["name"] for c in d.report.get("checks", []) if not c["passed"]] for d in res.failed]}))
"""


def redact_runs(tree: Path, label: str, scan_pages: int, seed: int) -> dict:
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(ROOT))
    from scans import make_scans, scans_pdf

    from aktindsigt.demo import writers

    real = shutil.which("tesseract")
    if not real:
        raise SystemExit("tesseract is not installed")
    results: dict = {"label": label, "tree": str(tree), "machine": {
        "python": platform.python_version(), "cpus": os.cpu_count(), "load": os.getloadavg()}}
    with tempfile.TemporaryDirectory(prefix="bench-ocr-") as tmp_s:
        tmp = Path(tmp_s)
        bindir = tmp / "bin"
        bindir.mkdir()
        log = tmp / "tesseract.log"
        (bindir / "tesseract").write_text(WRAPPER.format(real=real, log=log))
        (bindir / "tesseract").chmod(0o755)
        env = {k: v for k, v in os.environ.items() if not k.startswith("AKTINDSIGT_")}
        env.update(PATH=f"{bindir}:{env.get('PATH', '')}", PYTHONPATH=str(tree), AKTINDSIGT_HOME=str(tmp / "home"),
                   AKTINDSIGT_USER="bench", AKTINDSIGT_TESSERACT=str(bindir / "tesseract"))

        def measure(name: str, pages: int, fn) -> None:
            log.unlink(missing_ok=True)
            c0 = _child_cpu()
            data = fn()
            calls, ocr_wall = _tesseract_calls(log)
            data.update(pages=data.get("pages", pages), tesseract_calls=calls, tesseract_wall_s=ocr_wall,
                        child_cpu_s=round(_child_cpu() - c0, 1))
            results[name] = data
            print(f"{label} {name}: " + json.dumps(data, ensure_ascii=False), flush=True)

        # 1. four text pages, two small logos
        src = tmp / "logos.pdf"
        terms = _build_logos(src)

        def logos() -> dict:
            rc, secs, msg = _redact_cli(tree, env, src, tmp / "logos-out.pdf", terms)
            return {"exit": rc, "seconds": round(secs, 1), "s_per_page": round(secs / 4, 2), "message": msg}

        measure("logos", 4, logos)

        # 2. a scanned PDF
        scans = make_scans(scan_pages, seed=seed, dpi=300, noise=0.4)
        scan_src = scans_pdf(scans, tmp / "scan.pdf")
        scan_terms = list(dict.fromkeys([*(n for sp in scans for n in sp.names[:2]), *(c for sp in scans
                                                                                      for c in sp.cprs[:1])]))

        def scan() -> dict:
            rc, secs, msg = _redact_cli(tree, env, scan_src, tmp / "scan-out.pdf", scan_terms)
            return {"exit": rc, "seconds": round(secs, 1), "s_per_page": round(secs / scan_pages, 2),
                    "terms": len(scan_terms), "message": msg}

        measure("scan", scan_pages, scan)

        # 3. a case with scans: import (OCR), redact every name and CPR number, case redact
        docs = tmp / "docs"
        docs.mkdir()
        case_scans = make_scans(5, seed=seed + 1, dpi=300, noise=0.4)
        scans_pdf(case_scans, docs / "01 Scannet brev.pdf")
        shutil.copy(src, docs / "02 Brev med logo.pdf")
        writers.write_text_pdf(docs / "03 Notat.pdf", "Notat", ["Telefonnotat om sagen.", *terms[:2]])
        case_terms = list(dict.fromkeys([*(n for sp in case_scans for n in sp.names), *(c for sp in case_scans
                                                                                       for c in sp.cprs), *terms]))

        def case() -> dict:
            home = tmp / "casehome"
            home.mkdir()
            t0 = time.perf_counter()
            r = subprocess.run([sys.executable, "-c", CASE_SCRIPT, str(home), str(docs), str(tmp / "case-out"),
                                json.dumps(case_terms)], env=env, cwd=str(tree), capture_output=True, text=True)
            if r.returncode != 0:
                return {"exit": r.returncode, "error": r.stderr[-1500:]}
            data = json.loads(r.stdout.strip().splitlines()[-1])
            e0, e1, e2 = data.pop("epochs")
            data["import_tesseract_calls"], data["import_tesseract_wall_s"] = _tesseract_calls(log, e0, e1)
            data["redact_tesseract_calls"], data["redact_tesseract_wall_s"] = _tesseract_calls(log, e2)
            data = {k: round(v, 1) if isinstance(v, float) else v for k, v in data.items()}
            data["seconds"] = round(time.perf_counter() - t0, 1)
            data["redact_s_per_page"] = round(data["redact_s"] / max(1, data["pages"]), 2)
            return data

        measure("case", 0, case)
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dpi")
    d.add_argument("--pages", type=int, default=12)
    d.add_argument("--dpis", default="200,300")
    d.add_argument("--seed", type=int, default=15)
    r = sub.add_parser("redact")
    r.add_argument("--label", default="after")
    r.add_argument("--tree", type=Path, default=ROOT)
    r.add_argument("--scan-pages", type=int, default=20)
    r.add_argument("--seed", type=int, default=15)
    a = ap.parse_args()
    RESULTS.mkdir(exist_ok=True)
    if a.cmd == "dpi":
        res = dpi_study(a.pages, [int(x) for x in a.dpis.split(",")], a.seed)
        (RESULTS / "ocr-dpi.json").write_text(json.dumps(res, indent=2), encoding="utf-8")
        print("\n| OCR | names | CPR | missed | wall s/page | CPU s/page |\n|---|---|---|---|---|---|")
        for k, v in res["summary"].items():
            print(f"| {k} | {v['names_recall']:.3f} | {v['cpr_recall']:.3f} | {v['missed']} | "
                  f"{v['wall_s_per_page']} | {v['cpu_s_per_page']} |")
        print(f"written: {RESULTS / 'ocr-dpi.json'}")
        return 0
    res = redact_runs(a.tree.resolve(), a.label, a.scan_pages, a.seed)
    out = RESULTS / f"ocr-{a.label}.json"
    out.write_text(json.dumps(res, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"written: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
