#!/usr/bin/env python3
"""Analysis of large cases: how long propagation takes, and its share of the analysis.

    .venv/bin/python scripts/bench_propagate.py [--sizes 100,250,500] [--entities-per-doc 10]
                                                [--old ../other-tree]

For each size a case of that many one-page documents is generated (text and word map written
straight into the store, no import), with ``entities-per-doc`` distinct values per document
(5,000 for 500 documents: person names, phone numbers, e-mail addresses, street addresses), each
value written about three times across the case in other forms (wrapped, possessive, first name
alone, without separators).  ``analyze_case`` runs to the end with the shipped model; the figures
are the detection time, the propagation time ("Finder alle forekomster i sagen") and its share,
the distinct values found, the suggestions added by propagation, and the time of one decision (the
largest group of names accepted and spread over the case, ``accept_group_s``).  ``--old TREE`` also times
the ``propagate()`` function of another checkout on 20 of the texts with all the values (the "before",
per document).
Writes bench-results/propagate.json.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FILLER = ("Forvaltningen har behandlet sagen og vurderet forholdene efter reglerne på området. "
          "Der er lagt vægt på familiens situation og på de oplysninger der er kommet frem.").split()


def _values(n: int, seed: int) -> list[tuple[str, str]]:
    from faker import Faker

    fake = Faker("da_DK")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    firsts = sorted({fake.first_name() for _ in range(3000)} - {""})
    lasts = sorted({fake.last_name() for _ in range(3000)} - {""})
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    while len(out) < n:
        kind = rng.random()
        if kind < 0.5:
            v, t = f"{rng.choice(firsts)} {rng.choice(lasts)}", "PERSON"
        elif kind < 0.7:
            d = rng.choice("2345678") + "".join(str(rng.randrange(10)) for _ in range(7))
            v, t = " ".join(d[i:i + 2] for i in range(0, 8, 2)), "PHONE"
        elif kind < 0.85:
            v, t = f"{rng.choice(firsts).lower()}.{rng.choice(lasts).lower()}{rng.randrange(100)}@mail.dk", "EMAIL"
        else:
            v, t = f"{fake.street_name()} {rng.randrange(1, 200)}, {rng.choice(['8000 Aarhus C', '7100 Vejle'])}", \
                "ADDRESS"
        if " " in v.split("@")[0] and t == "EMAIL" or v in seen:
            continue
        seen.add(v)
        out.append((v, t))
    return out


def _sentence(v: str, t: str, form: int) -> str:
    if t == "PERSON":
        first = v.split()[0]
        return [f"Borgeren {v} kontaktede forvaltningen.", f"{v}s familie deltog i mødet.",
                f"Senere ringede {first} igen."][form % 3]
    if t == "PHONE":
        return [f"Telefon {v} om formiddagen.", f"Mobil {v.replace(' ', '')} er noteret.",
                f"Ring på +45 {v} hvis der er noget."][form % 3]
    if t == "EMAIL":
        return [f"Svar sendes til {v} senest fredag.", f"Kopi til {v}.", f"E-mail: {v}"][form % 3]
    return [f"Familien bor på {v}.", f"Adressen er {v}.", f"Brevet gik til {v}."][form % 3]


def build_case(svc, n_docs: int, per_doc: int, seed: int = 3):
    """Documents with text and a word map (words 5.5 pt a letter, lines of at most 90 characters)."""
    from aktindsigt.core.model import Document, Page, Rect, Word
    from aktindsigt.store.store import NewDocument

    rng = random.Random(seed)
    values = _values(n_docs * per_doc, seed)
    mentions: list[list[tuple[str, str, int]]] = [[] for _ in range(n_docs)]
    for k, (v, t) in enumerate(values):
        home = k // per_doc
        mentions[home].append((v, t, 0))
        for form in (1, 2):
            mentions[rng.randrange(n_docs)].append((v, t, form))
    case = svc.create_case("Stor sag", "Journalist", "ofl7", date(2026, 11, 2))
    for d, ms in enumerate(mentions):
        rng.shuffle(ms)
        sentences = []
        for v, t, form in ms:
            sentences.append(_sentence(v, t, form))
            sentences.append(" ".join(rng.sample(FILLER, 8)) + ".")
        words_all = " ".join(sentences).split()
        words: list[Word] = []
        parts: list[str] = []
        pos, y, line, x = 0, 60.0, 0, 60.0
        for w in words_all:
            wd = 5.5 * len(w)
            if x + wd > 540 and x > 60:
                parts.append("\n")
                pos += 1
                y += 13
                line += 1
                x = 60.0
            elif x > 60:
                parts.append(" ")
                pos += 1
            words.append(Word(w, Rect(x, y, x + wd, y + 11), pos, pos + len(w), line))
            parts.append(w)
            pos += len(w)
            x += wd + 3
        parts.append("\n")
        text = "".join(parts)
        height = max(842.0, y + 60)
        page = Page(1, 595, height, 0, len(text), words)
        doc = Document(case_id=case.id, akt_nr=0, title=f"Notat {d + 1}", source_name=f"notat_{d + 1}.txt")
        svc.store.add_documents(case.id, NewDocument(doc, [page], text), "bench")
    return case, values


def run_size(n_docs: int, per_doc: int, old: Path | None) -> dict:
    from aktindsigt.services import Services
    from aktindsigt.store.store import Store

    with tempfile.TemporaryDirectory(prefix="bench-prop-") as tmp:
        os.environ["AKTINDSIGT_HOME"] = tmp
        store = Store(f"sqlite:///{tmp}/b.db", Path(tmp) / "blobs")
        svc = Services(store, user="bench")
        case, values = build_case(svc, n_docs, per_doc)
        seen: list[str] = []
        t0 = time.perf_counter()
        summary = svc.analyze_case(case.id, progress=lambda d, t, m: seen.append(m))
        total = time.perf_counter() - t0
        sugg = svc.suggestions(case.id)
        keys = {s.entity_key for s in sugg}
        res = {
            "documents": n_docs, "values_written": len(values),
            "analysis_s": round(total, 2), "detection_s": round(summary.detection_seconds, 2),
            "propagation_s": round(summary.propagation_seconds, 2),
            "propagation_share": round(summary.propagation_seconds / total, 4) if total else None,
            "suggestions": len(sugg), "propagated": summary.propagated, "distinct_values_found": len(keys),
            "progress_messages": [m for m in seen if "dokument" in m][-1:],
        }
        # a decision at this size: the largest group of names accepted, and spread case-wide (decision-time
        # propagation over every document, as "Overstreg" on a group in the app)
        from collections import Counter

        sizes = Counter(s.entity_key for s in sugg if s.entity_type.value == "PERSON")
        if sizes:
            key, n_occ = sizes.most_common(1)[0]
            t1 = time.perf_counter()
            svc.accept_group(case.id, key)
            res["accept_group_s"] = round(time.perf_counter() - t1, 2)
            res["accept_group_occurrences"] = n_occ
        if old is not None:
            res["old_propagate_s"] = _time_old(old, svc, case.id, sugg)
        store.close()
        return res


OLD_DOCS = 20


def _time_old(tree: Path, svc, case_id: int, sugg) -> dict:
    """The propagate() of another checkout over the first ``OLD_DOCS`` texts with every value detection found
    (it compiles its patterns per document, so the time per document is what counts)."""
    spec = importlib.util.spec_from_file_location("_old_propagate", tree / "aktindsigt" / "detect" / "propagate.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["_old_propagate"] = mod
    spec.loader.exec_module(mod)
    texts = {d.id: svc.document_text(d.id) for d in svc.case_detail(case_id).documents[:OLD_DOCS]}
    known = list({(s.text.casefold(), s.entity_type): mod.KnownEntity(s.text, s.entity_type) for s in sugg}.values())
    t0 = time.perf_counter()
    mod.propagate(texts, known)
    per_doc = (time.perf_counter() - t0) / max(len(texts), 1)
    return {"documents_timed": len(texts), "seconds_per_document": round(per_doc, 2)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="100,250,500")
    ap.add_argument("--entities-per-doc", type=int, default=10)
    ap.add_argument("--old", type=Path, default=None, help="another checkout whose propagate() is timed too")
    ap.add_argument("--old-max-docs", type=int, default=100)
    args = ap.parse_args()
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        r = run_size(n, args.entities_per_doc, args.old if args.old and n <= args.old_max_docs else None)
        results.append(r)
        print(json.dumps(r, ensure_ascii=False))
    print(f"{'documents':>10} {'values':>7} {'analysis s':>11} {'detection s':>12} {'propagation s':>14} "
          f"{'share':>6} {'found':>6}")
    for r in results:
        print(f"{r['documents']:>10} {r['values_written']:>7} {r['analysis_s']:>11} {r['detection_s']:>12} "
              f"{r['propagation_s']:>14} {r['propagation_share']:>6.1%} {r['distinct_values_found']:>6}")
    out = ROOT / "bench-results" / "propagate.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"sizes": results, "load": os.getloadavg()}, ensure_ascii=False, indent=2),
                   encoding="utf-8")
    print(f"written {out}")


if __name__ == "__main__":
    main()
