#!/usr/bin/env python3
"""Occurrences found and redaction + verification time on the demo case and a generated case.

    .venv/bin/python scripts/bench_leaks.py [--pages 300] [--cases demo,generated] [--label after]

For each case: import, analyse, the caseworker's decisions (every open suggestion of a
personal-data type is accepted, then a second analysis spreads the decisions, and what it
adds is accepted too), then ``redact_case`` (true redaction + verification of every file)
is timed.  Figures per case:

* ``suggestions`` / ``propagated`` / ``redactions`` (span and area decisions);
* for the generated case (``aktindsigt.demo.leakcase``: values wrapped across lines and
  pages, hyphenated, capitals, possessive, without separators, +45, e-mail, mailto, URL,
  table cell, initials, first name alone): how many of the written occurrences are covered
  by a redaction, by form;
* ``leaks``: released files in which a withheld value can still be read (an independent check
  in this script: PyMuPDF text of every page plus link targets, case-folded, whitespace and
  end-of-line hyphens removed, digits compared without separators, words on word boundaries),
  and how many of them the product's verification passed;
* ``redact_verify_s``: the time of ``redact_case`` (redaction + verification of every file).

Runs against whatever ``aktindsigt`` is importable (``PYTHONPATH=../other-tree`` measures another
checkout: that is how the "before" figures were taken).  Writes bench-results/leaks-<label>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "PYTHONPATH" not in os.environ:
    sys.path.insert(0, str(ROOT))

PERSONAL = {"PERSON", "CPR", "PHONE", "EMAIL", "URL", "ADDRESS", "BANK_ACCOUNT", "IBAN", "CARD", "LICENCE_PLATE",
            "MANUAL"}


def _norm(s: str) -> str:
    s = s.replace("\u00ad", "")
    s = re.sub(r"(?<=[a-zæøå])-\s*\n\s*(?=[a-zæøå])", "", s)
    return re.sub(r"\s+", " ", s).casefold()


def _digits_lines(s: str) -> list[str]:
    """Digit strings per line, with separators between digits removed (a wrapped number joined)."""
    s = re.sub(r"(?<=\d)[ \t.\-/]*\n[ \t]*(?=\d)", "", s)
    return [re.sub(r"(?<=\d)[ .\-/](?=\d)", "", line) for line in s.splitlines()]


def _found(value: str, text: str, digits: list[str]) -> bool:
    v = _norm(value).strip()
    only = re.sub(r"\D", "", v)
    if len(only) >= 6 and len(only) >= 0.8 * len(re.sub(r"[\W_]", "", v)):
        if v.startswith("+45") or v.startswith("0045"):
            only = only[-8:]
        rx = re.compile(r"(?<!\d)" + only + r"(?!\d)")
        return any(rx.search(line) for line in digits)
    if len(v) < 3:
        return False
    rx = re.compile(r"(?<![\w])" + re.escape(v).replace(r"\ ", r"[\s._-]*") + r"(?:s|'s|’s)?(?![\w])")
    return bool(rx.search(text))


def _pymupdf():
    """PyMuPDF through the project's one import; a checkout from before ``aktindsigt.pdflib`` (the "before"
    figures) gets a stand-in module, so that this checkout's generator runs against it too."""
    import importlib
    import types

    try:
        from aktindsigt.pdflib import pymupdf
    except ImportError:
        pymupdf = importlib.import_module("pymupdf")
        shim = types.ModuleType("aktindsigt.pdflib")
        shim.pymupdf = pymupdf  # type: ignore[attr-defined]
        sys.modules["aktindsigt.pdflib"] = shim
    return pymupdf


def released_text(path: Path) -> str:
    pymupdf = _pymupdf()
    with pymupdf.open(path) as doc:
        parts = []
        for page in doc:
            parts.append(page.get_text("text"))
            parts.extend(str(link.get("uri", "")) for link in page.get_links())
        parts.extend(str(v) for v in (doc.metadata or {}).values())
    return "\n".join(parts)


def decide_all(svc, case_id: int) -> int:
    """Accept every open suggestion of a personal-data type (with its ground, or § 30, nr. 1)."""
    from aktindsigt.core.model import SuggestionStatus

    pending = [s for s in svc.suggestions(case_id, status=SuggestionStatus.PENDING)
               if s.entity_type.value in PERSONAL]
    with_ground = [s.id for s in pending if s.ground_id]
    without = [s.id for s in pending if not s.ground_id]
    n = 0
    for ids, ground in ((with_ground, None), (without, "ofl30_1")):
        for i in range(0, len(ids), 500):
            if ids[i:i + 500]:
                svc.accept(ids[i:i + 500], ground)
                n += len(ids[i:i + 500])
    return n


def run_case(name: str, build, work: Path) -> dict:
    from aktindsigt.core.model import DecisionAction
    from aktindsigt.services import Services
    from aktindsigt.store.store import Store

    home = work / name
    home.mkdir(parents=True)
    store = Store(f"sqlite:///{home / 'bench.db'}", home / "blobs")
    svc = Services(store, user="bench")
    t0 = time.perf_counter()
    case_id, truth = build(svc, home)
    t_import = time.perf_counter() - t0
    t0 = time.perf_counter()
    svc.analyze_case(case_id)
    t_analysis = time.perf_counter() - t0
    accepted = decide_all(svc, case_id)
    t0 = time.perf_counter()
    svc.analyze_case(case_id)  # spreads the decisions (the old code propagates only here)
    t_analysis2 = time.perf_counter() - t0
    accepted += decide_all(svc, case_id)
    suggestions = svc.suggestions(case_id)
    decisions = [d for d in svc.decisions(case_id) if d.action is DecisionAction.REDACT]
    out = home / "ud"
    t0 = time.perf_counter()
    red = svc.redact_case(case_id, out)
    t_redact = time.perf_counter() - t0
    # independent leak check: every withheld value (decided anywhere) in every released file
    texts = {d.document_id: svc.document_text(d.document_id) for d in decisions}
    values: dict[str, str] = {}
    for d in decisions:
        if d.start is not None and d.end is not None:
            v = " ".join(texts[d.document_id][d.start:d.end].split())
            if len(v) >= 3:
                values.setdefault(_norm(v), d.entity_type.value)
    values.update({_norm(v): t for v, t in truth.get("values", {}).items()})
    leaks: list[dict] = []
    passed_with_leak = 0
    for rd in red.documents:
        path = rd.path or (out / "udleveret" / "missing")
        if rd.path is None:
            continue
        text = released_text(path)
        nt, dl = _norm(text), _digits_lines(text)
        hits = sorted({t for v, t in values.items() if _found(v, nt, dl)})
        if hits:
            leaks.append({"akt_nr": rd.document.akt_nr, "types": hits})
            passed_with_leak += rd.passed
    result = {
        "case": name,
        "documents": len(svc.case_detail(case_id).documents),
        "pages": sum(d.page_count for d in svc.case_detail(case_id).documents),
        "import_s": round(t_import, 2),
        "analysis_s": round(t_analysis, 2),
        "analysis2_s": round(t_analysis2, 2),
        "suggestions": len(suggestions),
        "propagated": sum(1 for s in suggestions if s.detector.startswith("propagation")),
        "accepted": accepted,
        "redactions": len(decisions),
        "redact_verify_s": round(t_redact, 2),
        "files_released": sum(1 for d in red.documents if d.passed),
        "files_failed": sum(1 for d in red.documents if not d.passed),
        "withheld_values": len(values),
        "files_with_leaks": len(leaks),
        "files_with_leaks_passed_by_verification": passed_with_leak,
        "leaks": leaks,
    }
    if "occurrences" in truth:
        result.update(coverage(svc, case_id, truth["occurrences"], decisions, texts))
    store.close()
    return result


def coverage(svc, case_id: int, occurrences, decisions, texts) -> dict:
    """How many written occurrences of the generated case lie under a span redaction."""
    docs = {d.title: d for d in svc.case_detail(case_id).documents}
    by_doc: dict[int, list[tuple[int, int]]] = {}
    for d in decisions:
        if d.start is not None:
            by_doc.setdefault(d.document_id, []).append((d.start, d.end))
    found, total = Counter(), Counter()
    for occ in occurrences:
        if not occ.written:
            continue
        doc = docs.get(Path(occ.file).stem) or next((d for d in docs.values() if d.source_name == occ.file), None)
        if doc is None:
            continue
        text = texts.get(doc.id) or svc.document_text(doc.id)
        texts[doc.id] = text
        total[occ.form] += 1
        spans = by_doc.get(doc.id, [])
        # every place the written text stands; covered when each of its characters is redacted
        pat = re.compile(re.escape(occ.written).replace(r"\ ", r"\s+").replace(r"\n", r"\s*\n\s*"))
        ok = False
        for m in pat.finditer(text):
            chars = [i for i in range(m.start(), m.end()) if not text[i].isspace() and text[i] not in "-."]
            if chars and all(any(a <= i < b for a, b in spans) for i in chars):
                ok = True
                break
        found[occ.form] += ok
    return {"occurrences_written": sum(total.values()), "occurrences_redacted": sum(found.values()),
            "by_form": {f: f"{found[f]}/{total[f]}" for f in sorted(total)}}


def build_demo(svc, home: Path):
    case, _ = svc.create_demo_case(home / "demo", received=None)
    return case.id, {}


def _leakcase():
    """The generator of this checkout (also when measuring another checkout's ``aktindsigt``)."""
    import importlib.util

    _pymupdf()
    spec = importlib.util.spec_from_file_location("_leakcase", ROOT / "aktindsigt" / "demo" / "leakcase.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["_leakcase"] = mod
    spec.loader.exec_module(mod)
    return mod


def build_generated(pages: int):
    def build(svc, home: Path):
        from datetime import date

        write_leak_case = _leakcase().write_leak_case
        lc = write_leak_case(home / "files", documents=max(1, pages // 3), pages_per_document=3, seed=11)
        case = svc.create_case("Genereret sag", "Journalist", "ofl7", date(2026, 11, 2))
        svc.import_paths(case.id, lc.files)
        values: dict[str, str] = {}
        for p in lc.persons:
            values[p.name] = "PERSON"
            values[p.phone] = "PHONE"
            values[p.cpr] = "CPR"
            values[p.email] = "EMAIL"
        return case.id, {"occurrences": lc.occurrences, "values": values, "pages": lc.pages}
    return build


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--cases", default="demo,generated")
    ap.add_argument("--label", default="current")
    args = ap.parse_args()
    import aktindsigt

    print(f"aktindsigt from {Path(aktindsigt.__file__).parent}")
    results = {"label": args.label, "cases": []}
    with tempfile.TemporaryDirectory(prefix="bench-leaks-") as tmp:
        os.environ["AKTINDSIGT_HOME"] = tmp
        for name in args.cases.split(","):
            build = build_demo if name == "demo" else build_generated(args.pages)
            r = run_case(name, build, Path(tmp))
            results["cases"].append(r)
            print(json.dumps({k: v for k, v in r.items() if k != "leaks"}, ensure_ascii=False))
            for leak in r["leaks"][:10]:
                print("  leak:", leak)
    out = ROOT / "bench-results" / f"leaks-{args.label}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    print(f"written {out}")


if __name__ == "__main__":
    main()
