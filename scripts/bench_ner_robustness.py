#!/usr/bin/env python
"""Persons in text as it comes from scanners and keyboards (issue #13).

The held-out case texts (``aktindsigt/training/casetexts.py``, never tuned on) in four forms:

* ``as written``;
* ``ALL CAPS`` and ``lower case`` (the same characters, so the gold spans stay);
* ``OCR``: each text rendered to a 300 dpi page image (DejaVu Sans 11 pt), with noise (a slight
  rotation, blur, speckles and uneven ink), read back with Tesseract ``dan``; the gold spans are
  carried over by aligning the OCR words to the original words (difflib).

For each form it prints PERSON span recall / precision of the detection engine (model + Danish
recognizers + PERSON filter, as the app runs) - recall: at least half of a gold span inside a
PERSON suggestion; precision: a suggestion that overlaps a gold person.  Figures go to
``bench-results/ner_robustness.json``.

Usage: ``python scripts/bench_ner_robustness.py [--docs 120] [--ocr-docs 30]``
"""

from __future__ import annotations

import argparse
import difflib
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_WORD = re.compile(r"\S+")


def _score(texts, golds, preds) -> dict:
    from aktindsigt.training.postprocess import span_overlap_counts

    g_n = g_hit = p_n = p_hit = 0
    for gold, pred in zip(golds, preds, strict=True):
        a, b, c, d = span_overlap_counts(gold, pred)
        g_n, g_hit, p_n, p_hit = g_n + a, g_hit + b, p_n + c, p_hit + d
    return {"gold": g_n, "predicted": p_n, "recall": round(g_hit / max(g_n, 1), 4),
            "precision": round(p_hit / max(p_n, 1), 4)}


def render_page(text: str, path: Path, rng: random.Random) -> None:
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    font_path = next((p for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                  "/usr/share/fonts/dejavu/DejaVuSans.ttf") if Path(p).is_file()), None)
    font = ImageFont.truetype(font_path, 46) if font_path else ImageFont.load_default()
    lines = []
    for para in text.split("\n"):
        words, cur = para.split(" "), ""
        for w in words:  # wrap at ~80 characters
            if cur and len(cur) + 1 + len(w) > 80:
                lines.append(cur)
                cur = w
            else:
                cur = f"{cur} {w}" if cur else w
        lines.append(cur)
    img = Image.new("L", (2480, max(3508, 200 + 62 * len(lines))), 255)
    draw = ImageDraw.Draw(img)
    y = 150
    for line in lines:
        draw.text((150, y), line, fill=rng.randint(0, 60), font=font)
        y += 62
    img = img.rotate(rng.uniform(-0.8, 0.8), expand=False, fillcolor=255, resample=Image.BICUBIC)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.2)))
    px = img.load()
    w, h = img.size
    for _ in range(6000):  # speckles
        x, yy = rng.randrange(w), rng.randrange(h)
        px[x, yy] = rng.choice((0, 90, 255))
    img.save(path)


def carry_gold(orig: str, gold: list[tuple[int, int]], ocr: str) -> list[tuple[int, int]]:
    """Gold character spans of ``orig`` mapped onto ``ocr`` through a word alignment."""
    ow = [(m.start(), m.end()) for m in _WORD.finditer(orig)]
    nw = [(m.start(), m.end()) for m in _WORD.finditer(ocr)]
    sm = difflib.SequenceMatcher(a=[orig[s:e].lower() for s, e in ow], b=[ocr[s:e].lower() for s, e in nw],
                                 autojunk=False)
    mapping: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag in ("equal", "replace") and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                mapping[i1 + k] = j1 + k
    out = []
    for gs, ge in gold:
        idx = [i for i, (s, e) in enumerate(ow) if s < ge and gs < e]
        mapped = [mapping[i] for i in idx if i in mapping]
        if mapped:
            out.append((nw[min(mapped)][0], nw[max(mapped)][1]))
        else:
            out.append((-1, -1))  # the name was lost or garbled beyond alignment: counts as a miss
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=120)
    ap.add_argument("--ocr-docs", type=int, default=30)
    ap.add_argument("--out", default=str(ROOT / "bench-results" / "ner_robustness.json"))
    args = ap.parse_args(argv)

    from aktindsigt.core.model import EntityType
    from aktindsigt.detect.engine import DetectionEngine
    from aktindsigt.training.casetexts import generate

    docs = generate(args.docs, seed=2026)
    texts = [t for t, _ in docs]
    golds = [[(s, e) for s, e, lab in ents if lab == "PER"] for _, ents in docs]
    engine = DetectionEngine(n_process=1)

    def persons(ts):
        return [[(d.start, d.end) for d in r if d.entity_type == EntityType.PERSON] for r in engine.analyze_texts(ts)]

    report: dict = {"docs": args.docs}
    for name, fn in (("as written", lambda t: t), ("ALL CAPS", str.upper), ("lower case", str.lower)):
        ts = [fn(t) for t in texts]
        assert all(len(a) == len(b) for a, b in zip(ts, texts, strict=True))
        report[name] = _score(ts, golds, persons(ts))
        print(f"{name:12} PERSON span recall {report[name]['recall']:.3f}  precision {report[name]['precision']:.3f}"
              f"  ({report[name]['gold']} gold)")

    from aktindsigt.ingest.tools import ocr_image, tesseract_status

    if args.ocr_docs and tesseract_status("dan").available:
        rng = random.Random(7)
        o_texts, o_golds, o_clean = [], [], []
        t0 = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            for k in range(min(args.ocr_docs, len(texts))):
                png = Path(tmp) / f"p{k}.png"
                render_page(texts[k], png, rng)
                lines = ocr_image(png, "dan")
                ocr = "".join(" ".join(w.text for w in line) + "\n" for line in lines)
                o_texts.append(ocr)
                o_golds.append(carry_gold(texts[k], golds[k], ocr))
                o_clean.append(golds[k])
        ocr_s = time.perf_counter() - t0
        report["OCR"] = _score(o_texts, o_golds, persons(o_texts))
        report["OCR"]["pages"] = len(o_texts)
        report["OCR"]["ocr_seconds"] = round(ocr_s, 1)
        same = _score(texts[: len(o_texts)], o_clean, persons(texts[: len(o_texts)]))
        report["OCR"]["same_pages_as_written"] = same
        lost = sum(1 for g in o_golds for s, _ in g if s < 0)
        report["OCR"]["names_lost_in_ocr"] = lost
        print(f"{'OCR':12} PERSON span recall {report['OCR']['recall']:.3f}  precision {report['OCR']['precision']:.3f}"
              f"  ({report['OCR']['gold']} gold on {len(o_texts)} pages, {lost} not aligned to any OCR word; the "
              f"same pages as written: {same['recall']:.3f} / {same['precision']:.3f})")
    else:
        print("OCR: skipped (tesseract with Danish data not available)")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
