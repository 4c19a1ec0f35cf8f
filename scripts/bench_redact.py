#!/usr/bin/env python3
"""Redaction + verification throughput on a generated document (default 300 pages).

    .venv/bin/python scripts/bench_redact.py [--pages 300] [--image-every 10] [--ocr-all]

Phases, each timed:
  1. term search in the text layer (no OCR) + redact_pdf (true removal, sanitising, save)
  2. verify without OCR
  3. term search with OCR of the pages that have images ("auto") + redact_pdf
  4. verify with Danish OCR of the pages with image redactions
Prints a table and writes bench-results/redact.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path

from aktindsigt.pdflib import pymupdf

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aktindsigt.redact import RedactOptions, find_term_boxes, redact_pdf, verify  # noqa: E402
from aktindsigt.redact.ocr import tesseract_status  # noqa: E402

NAMES = ["Jens Hansen", "Mette Olsen", "Ahmed Yilmaz", "Karen Nielsen"]
CPRS = ["010203-1234", "151170-4321"]
FILLER = (
    "Kommunen har modtaget en henvendelse vedrørende sagen og har behandlet den efter reglerne. "
    "Der er foretaget en samlet vurdering af forholdene, og sagsbehandleren har noteret forløbet. "
)


def build(path: Path, pages: int, image_every: int) -> None:
    from PIL import Image, ImageDraw, ImageFont

    font_path = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
    try:
        font = ImageFont.truetype(font_path, 40)
    except OSError:
        font = ImageFont.load_default()
    doc = pymupdf.open()
    for i in range(pages):
        page = doc.new_page()
        y = 60
        name = NAMES[i % len(NAMES)]
        cpr = CPRS[i % len(CPRS)]
        for j in range(40):
            if j % 7 == 3:
                line = f"Borgeren {name} (CPR {cpr}) har oplyst forholdene i sag {i}-{j}."
            else:
                line = FILLER[(j * 13) % 60 : (j * 13) % 60 + 85]
            page.insert_text((60, y), line, fontsize=10)
            y += 17
        if image_every and i % image_every == 0:
            img = Image.new("RGB", (600, 80), "white")
            ImageDraw.Draw(img).text((10, 15), f"Underskrift: {name}", fill="black", font=font)
            import io

            buf = io.BytesIO()
            img.save(buf, format="PNG")
            page.insert_image(pymupdf.Rect(60, 740, 360, 780), stream=buf.getvalue())
    doc.save(path, garbage=3, deflate=True)


def run(pages: int, image_every: int, ocr_all: bool) -> dict:
    terms = NAMES + CPRS
    results: dict = {
        "pages": pages,
        "image_every": image_every,
        "terms": len(terms),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "pymupdf": pymupdf.VersionBind},
    }
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.pdf"
        t = time.perf_counter()
        build(src, pages, image_every)
        results["build_seconds"] = round(time.perf_counter() - t, 2)

        def phase(name: str, ocr: str) -> None:
            out = Path(tmp) / f"{name}.pdf"
            t0 = time.perf_counter()
            with pymupdf.open(src) as doc:
                found = find_term_boxes(doc, terms, ocr=ocr)
            t1 = time.perf_counter()
            res = redact_pdf(src, out, found.boxes, options=RedactOptions(case_number="BENCH", akt_nr=1))
            t2 = time.perf_counter()
            ocr_pages = sorted(set(res.image_redaction_pages) | set(found.ocr_pages)) if ocr != "never" else []
            rep = verify(out, terms, ("Kommunen",), ocr_pages=ocr_pages, require_ocr=ocr != "never")
            t3 = time.perf_counter()
            results[name] = {
                "boxes": res.boxes_applied,
                "ocr_pages": len(ocr_pages),
                "search_seconds": round(t1 - t0, 2),
                "redact_seconds": round(t2 - t1, 2),
                "verify_seconds": round(t3 - t2, 2),
                "redact_pages_per_s": round(pages / (t2 - t0), 2),
                "verify_pages_per_s": round(pages / (t3 - t2), 2),
                "total_pages_per_s": round(pages / (t3 - t0), 2),
                "verified": rep.passed,
                "failed_checks": [c.name for c in rep.failures],
            }

        phase("without_ocr", "never")
        ok, msg = tesseract_status()
        results["tesseract"] = msg
        if ok:
            phase("with_ocr", "always" if ocr_all else "auto")
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--image-every", type=int, default=10, help="a page with a text image every N pages (0: none)")
    ap.add_argument("--ocr-all", action="store_true", help="OCR every page in the OCR phase, not only image pages")
    ap.add_argument("--out", type=Path, default=ROOT / "bench-results" / "redact.json")
    args = ap.parse_args()
    results = run(args.pages, args.image_every, args.ocr_all)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"{args.pages} pages, {results['terms']} terms, image every {args.image_every} pages")
    for name in ("without_ocr", "with_ocr"):
        r = results.get(name)
        if not r:
            print(f"{name}: skipped ({results.get('tesseract')})")
            continue
        print(
            f"{name:12s} boxes={r['boxes']:5d} ocr_pages={r['ocr_pages']:3d} "
            f"redact {r['redact_pages_per_s']:7.2f} p/s  verify {r['verify_pages_per_s']:7.2f} p/s  "
            f"total {r['total_pages_per_s']:7.2f} p/s  verified={r['verified']}"
        )
    print(f"written: {args.out}")
    return 0 if all(results[k]["verified"] for k in ("without_ocr", "with_ocr") if k in results) else 1


if __name__ == "__main__":
    raise SystemExit(main())
