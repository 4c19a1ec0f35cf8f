"""Fit and cross-validate the PER verifier (``aktindsigt/nlp/verifier.py``) on saved CV runs.

    python -m aktindsigt.training.verify_fit training-work/cv/base [--post v3] [--l2 1.0]

For each test fold the verifier is fitted on the out-of-fold PER spans of the *other* folds and
applied to this fold (so every score is on spans the verifier has not seen), for a range of
thresholds; then the same on sets 2 and 3 with the verifier fitted on all folds.  ``fit_all``
returns the verifier fitted on every out-of-fold span, which ``make model`` ships.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from aktindsigt.training.cv import load_run, mean_sd
from aktindsigt.training.postprocess import POST, _copy, _gold_token_spans

THRESHOLDS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def _runs(roots: list[Path]):
    """The saved runs under each root (``fold*-seed*``), or the root itself when it is one run."""
    out = []
    for root in roots:
        root = Path(root)
        dirs = [root] if (root / "run.json").is_file() else sorted(root.glob("fold*-seed*"))
        for rd in dirs:
            if (rd / "run.json").is_file() and (rd / "test_raw.spacy").is_file():
                out.append((json.loads((rd / "run.json").read_text()), load_run(rd)))
    return out


def _examples(docs, golds):
    """(doc, span features, label) for every predicted PER span."""
    from aktindsigt.nlp.verifier import span_features

    X, y, where = [], [], []
    for di, (doc, gold) in enumerate(zip(docs, golds, strict=True)):
        gold_per = {(s, e) for s, e, lab in gold if lab == "PER"}
        for ent in doc.ents:
            if ent.label_ == "PER":
                X.append(span_features(doc, ent.start, ent.end))
                y.append(int((ent.start, ent.end) in gold_per))
                where.append((di, ent.start, ent.end))
    return X, y, where


def _test_docs(run, post):
    from aktindsigt.nlp.evaluate import bio_to_spans

    docs = [post(_copy(d)) for d in run["test"]]
    golds = [bio_to_spans(g["tags"]) for g in run["test_gold"]]
    return docs, golds


def _set_docs(run, name, post):
    docs = [post(_copy(d)) for d in run[name]]
    golds = [_gold_token_spans(d, ents) for d, (_, ents) in zip(docs, run[name + "_gold"], strict=True)]
    return docs, golds


def _apply(docs, golds, model, threshold):
    from aktindsigt.nlp.evaluate import score_spans
    from aktindsigt.nlp.verifier import span_features

    pred = []
    for doc in docs:
        p = []
        for e in doc.ents:
            if e.label_ == "PER" and model.prob(span_features(doc, e.start, e.end)) < threshold:
                continue
            p.append((e.start, e.end, e.label_))
        pred.append(p)
    return score_spans(golds, pred)


def cross_validate(roots: list[Path], post_name: str = "rules", l2: float = 1.0, use_syn: bool = True) -> dict:
    from aktindsigt.nlp.evaluate import score_spans
    from aktindsigt.nlp.verifier import LogReg

    post = POST[post_name]
    runs = _runs(roots)
    prepared = []
    syn_X: list = []
    syn_y: list = []
    for info, run in runs:
        docs, golds = _test_docs(run, post)
        X, y, _ = _examples(docs, golds)
        prepared.append((info, run, docs, golds, X, y))
        if use_syn and "syn" in run:
            d, g = _set_docs(run, "syn", post)
            a, b, _ = _examples(d, g)
            syn_X.append((info["fold"], a))
            syn_y.append((info["fold"], b))
    res: dict = {"post": post_name, "l2": l2, "syn": use_syn, "thresholds": {}}
    by_t: dict[float, dict] = {t: {"folds": [], "pooled": {}} for t in THRESHOLDS}
    for info, _run, docs, golds, _, _ in prepared:
        X = [x for p in prepared if p[0]["fold"] != info["fold"] for x in p[4]]
        y = [v for p in prepared if p[0]["fold"] != info["fold"] for v in p[5]]
        X += [x for f, a in syn_X if f != info["fold"] for x in a]
        y += [v for f, b in syn_y if f != info["fold"] for v in b]
        model = LogReg().fit(X, y, l2=l2)
        for t in THRESHOLDS:
            sc = _apply(docs, golds, model, t)
            by_t[t]["folds"].append(sc.as_dict())
            pooled = by_t[t]["pooled"].setdefault(info["seed"], ([], []))
            # pooled counts: re-score by accumulating gold/pred
            from aktindsigt.nlp.verifier import span_features

            for doc, gold in zip(docs, golds, strict=True):
                pooled[0].append(gold)
                pooled[1].append([(e.start, e.end, e.label_) for e in doc.ents if not (
                    e.label_ == "PER" and model.prob(span_features(doc, e.start, e.end)) < t)])
    lines = [f"verifier CV over {len(prepared)} runs (post={post_name}, l2={l2}, synthetic examples: {use_syn})",
             f"{'thr':>5} {'PER P':>14} {'PER R':>14} {'PER F1':>14} {'overall F1':>14}   pooled P/R/F1"]
    for t in THRESHOLDS:
        folds = by_t[t]["folds"]
        vals = {k: [f["labels"]["PER"][k] for f in folds] for k in ("precision", "recall", "f1")}
        ov = [f["overall_PER_LOC_ORG"]["f1"] for f in folds]
        pooled_txt = []
        for seed, (g, p) in sorted(by_t[t]["pooled"].items()):
            s = score_spans(g, p).as_dict()["labels"]["PER"]
            pooled_txt.append(f"s{seed} {s['precision']:.3f}/{s['recall']:.3f}/{s['f1']:.3f}")
        m = {k: mean_sd(v) for k, v in vals.items()}
        mo = mean_sd(ov)
        res["thresholds"][str(t)] = {k: {"mean": round(v[0], 4), "sd": round(v[1], 4)} for k, v in m.items()} | {
            "overall_f1": {"mean": round(mo[0], 4), "sd": round(mo[1], 4)}}
        res.setdefault("folds_by_threshold", {})[str(t)] = folds
        lines.append(f"{t:5.2f} " + " ".join(f"{m[k][0]:.3f} ± {m[k][1]:.3f}" for k in ("precision", "recall", "f1"))
                     + f" {mo[0]:.3f} ± {mo[1]:.3f}   " + "  ".join(pooled_txt))
    # sets 2 and 3: verifier fitted on all out-of-fold spans
    model = LogReg().fit([x for p in prepared for x in p[4]] + [x for _, a in syn_X for x in a],
                         [v for p in prepared for v in p[5]] + [v for _, b in syn_y for v in b], l2=l2)
    for name in ("set2", "set3"):
        for t in THRESHOLDS:
            vals = []
            for _info, run, *_ in prepared:
                if name in run:
                    d, g = _set_docs(run, name, post)
                    vals.append(_apply(d, g, model, t).as_dict()["labels"]["PER"])
            if vals:
                p, r, f = (mean_sd([v[k] for v in vals]) for k in ("precision", "recall", "f1"))
                res.setdefault(name, {})[str(t)] = {"precision": p[0], "recall": r[0], "f1": f[0]}
                lines.append(f"{name} thr {t:.2f}: PER P/R/F1 {p[0]:.3f}/{r[0]:.3f}/{f[0]:.3f}")
    res["text"] = "\n".join(lines)
    return res


PRESELECT_CUTS = (0.7, 0.8, 0.85, 0.9, 0.95)


def _preselect_counts(docs, golds, model, threshold: float, cuts) -> dict[float, list[int]]:
    """Per cut: [kept PER spans, of them at or above the cut, of those exactly a gold PER, of those overlapping a
    gold PER, gold PER spans, gold PER spans overlapped by a span at or above the cut]."""
    from aktindsigt.nlp.verifier import span_features

    out = {c: [0, 0, 0, 0, 0, 0] for c in cuts}
    for doc, gold in zip(docs, golds, strict=True):
        gold_per = [(s, e) for s, e, lab in gold if lab == "PER"]
        spans = []
        for ent in doc.ents:
            if ent.label_ != "PER":
                continue
            p = model.prob(span_features(doc, ent.start, ent.end))
            if p >= threshold:
                spans.append((ent.start, ent.end, min(0.95, p)))  # the detector's score is capped at 0.95
        for c in cuts:
            row = out[c]
            row[0] += len(spans)
            row[4] += len(gold_per)
            sure = [(s, e) for s, e, p in spans if p >= c]
            row[1] += len(sure)
            row[2] += sum(1 for sp in sure if sp in gold_per)
            row[3] += sum(1 for s, e in sure if any(s < ge and gs < e for gs, ge in gold_per))
            row[5] += sum(1 for gs, ge in gold_per if any(s < ge and gs < e for s, e in sure))
    return out


def preselection(roots: list[Path], post_name: str = "rules", l2: float = 1.0, threshold: float = 0.35,
                 cuts=PRESELECT_CUTS) -> dict:
    """How sure a PERSON score is: for each cut, the share of the kept PER spans whose (verifier) score reaches
    it, their precision (exact span, and "is a person at all": overlaps a gold PER) and the share of gold persons
    they cover. News folds: the verifier fitted on the other folds only (as in ``cross_validate``); sets 2 and 3
    (no model saw them): the verifier fitted on all folds. Mean ± sd over the folds."""
    from aktindsigt.nlp.verifier import LogReg

    post = POST[post_name]
    prepared = []
    for info, run in _runs(roots):
        docs, golds = _test_docs(run, post)
        X, y, _ = _examples(docs, golds)
        sX, sy = [], []
        if "syn" in run:
            sX, sy, _ = _examples(*_set_docs(run, "syn", post))
        prepared.append((info, run, docs, golds, X + sX, y + sy))
    res: dict = {"threshold": threshold, "runs": len(prepared), "sets": {}}

    def summarise(name: str, per_run: list[dict[float, list[int]]]) -> None:
        table = {}
        for c in cuts:
            rows = [r[c] for r in per_run]
            share = mean_sd([r[1] / r[0] for r in rows if r[0]])
            exact = mean_sd([r[2] / r[1] for r in rows if r[1]])
            person = mean_sd([r[3] / r[1] for r in rows if r[1]])
            cover = mean_sd([r[5] / r[4] for r in rows if r[4]])
            table[str(c)] = {"share": share, "precision_exact": exact, "precision_person": person,
                             "gold_covered": cover, "n": sum(r[1] for r in rows),
                             "wrong": sum(r[1] - r[3] for r in rows)}
        res["sets"][name] = table

    news = []
    for info, _run, docs, golds, _X, _y in prepared:
        X = [x for p in prepared if p[0]["fold"] != info["fold"] for x in p[4]]
        y = [v for p in prepared if p[0]["fold"] != info["fold"] for v in p[5]]
        news.append(_preselect_counts(docs, golds, LogReg().fit(X, y, l2=l2), threshold, cuts))
    summarise("news (CV)", news)
    model = LogReg().fit([x for p in prepared for x in p[4]], [v for p in prepared for v in p[5]], l2=l2)
    for name in ("set2", "set3"):
        runs = [_preselect_counts(*_set_docs(run, name, post), model, threshold, cuts)
                for _info, run, *_ in prepared if name in run]
        if runs:
            summarise(name, runs)
    lines = [f"PERSON pre-selection by score (verifier threshold {threshold}, {len(prepared)} runs; mean ± sd)",
             f"{'set':<10} {'cut':>5} {'share':>14} {'P exact':>14} {'P person':>14} {'gold covered':>14} "
             f"{'n':>6} {'wrong':>6}"]
    for name, table in res["sets"].items():
        for c, row in table.items():
            lines.append(f"{name:<10} {float(c):5.2f} " + " ".join(
                f"{row[k][0]:.3f} ± {row[k][1]:.3f}" for k in ("share", "precision_exact", "precision_person",
                                                               "gold_covered"))
                + f" {row['n']:>6} {row['wrong']:>6}")
    res["text"] = "\n".join(lines)
    return res


def fit_all(roots: list[Path], post_name: str = "rules", l2: float = 1.0, use_syn: bool = True):
    from aktindsigt.nlp.verifier import LogReg

    post = POST[post_name]
    X, y = [], []
    for _, run in _runs(roots):
        docs, golds = _test_docs(run, post)
        a, b, _ = _examples(docs, golds)
        X += a
        y += b
        if use_syn and "syn" in run:
            a, b, _ = _examples(*_set_docs(run, "syn", post))
            X += a
            y += b
    return LogReg().fit(X, y, l2=l2), len(y)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("runs", nargs="+", type=Path)
    ap.add_argument("--post", default="rules")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--no-syn", action="store_true", help="fit on news-text spans only")
    ap.add_argument("--add-syn", action="store_true", help="first add the synthetic predictions to every run")
    ap.add_argument("--preselect", action="store_true",
                    help="how sure the PERSON scores are: precision and share at each pre-selection cut")
    args = ap.parse_args(argv)
    if args.add_syn:
        from aktindsigt.training.build import data_dir
        from aktindsigt.training.cv import add_synthetic_predictions

        for root in args.runs:
            for rd in sorted(Path(root).glob("fold*-seed*")):
                if (rd / "run.json").is_file():
                    add_synthetic_predictions(data_dir(None), rd)
    if args.preselect:
        res = preselection(args.runs, args.post, args.l2)
        print(res["text"])
        if args.json:
            args.json.write_text(json.dumps(res, indent=2), encoding="utf-8")
        return 0
    res = cross_validate(args.runs, args.post, args.l2, not args.no_syn)
    print(res["text"])
    if args.json:
        args.json.write_text(json.dumps(res, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())


def cv_summary(res: dict, threshold: float, k: int, seeds: list[int], sentences: int) -> dict:
    """Mean ± sd over the runs at ``threshold`` in the shape ``evaluate.model_summary`` prints."""
    folds = res["folds_by_threshold"][str(threshold)]

    def md(vals):
        m, sd = mean_sd(vals)
        return {"mean": round(m, 4), "sd": round(sd, 4)}

    out: dict = {"k": k, "seeds": seeds, "sentences": sentences, "runs": len(folds), "threshold": threshold,
                 "post": res["post"]}
    for lab in ("PER", "LOC", "ORG"):
        out[lab] = {m: md([f["labels"][lab][m] for f in folds]) for m in ("precision", "recall", "f1")}
    out["overall"] = {m: md([f["overall_PER_LOC_ORG"][m] for f in folds]) for m in ("precision", "recall", "f1")}
    out["PER_token_recall"] = md([f["PER_token_recall"] for f in folds])
    return out
