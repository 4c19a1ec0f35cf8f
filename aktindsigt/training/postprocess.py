"""Post-processing variants scored on the raw predictions saved by ``cv.py``.

A variant is a function ``Doc -> Doc`` applied to the raw model output (``doc.ents`` before any
rule component).  ``report`` scores each variant on every saved run (fold x seed) and prints
mean ± standard deviation over the runs, and the pooled score over all test folds of a seed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from aktindsigt.training.cv import fmt, load_run, mean_sd

PostFn = Callable[[object], object]


def _rules_v2(doc):
    from aktindsigt.nlp.rules import name_rules_v2

    return name_rules_v2(doc)


def _raw(doc):
    return doc


def _rules_v3(doc):
    from aktindsigt.nlp.rules import name_rules_v3

    return name_rules_v3(doc)


def _v3_steps(**steps):
    def fn(doc):
        from aktindsigt.nlp.rules import name_rules_v3_doc

        return name_rules_v3_doc(doc, steps)
    return fn


POST: dict[str, PostFn] = {"raw": _raw, "rules": _rules_v2, "v3": _rules_v3,
                           "v3-merge": _v3_steps(merge=True, cues=False),
                           "v3-cues": _v3_steps(merge=False, cues=True),
                           "v3-all": _v3_steps(merge=True, cues=True),
                           "v3-clean": _v3_steps(merge=True, cues=True, clean=True),
                           "v3-persons": _v3_steps(merge=True, cues=True, clean=True, persons=True),
                           "v3-digits": _v3_steps(merge=True, cues=True, clean=True, persons=True, digits=True),
                           "v3-orgwords": _v3_steps(merge=True, cues=True, clean=True, persons=True, orgwords=True),
                           "v3-r5": _v3_steps(merge=True, cues=True, clean=True, persons=True, digits=True,
                                              orgwords=True)}


def register(name: str, fn: PostFn) -> None:
    POST[name] = fn


def _copy(doc):
    from spacy.tokens import Doc

    new = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
    new.ents = [new.char_span(e.start_char, e.end_char, label=e.label_) for e in doc.ents]
    return new


def _gold_token_spans(doc, ents) -> list[tuple[int, int, str]]:
    from spacy.util import filter_spans

    spans = []
    for s, e, lab in ents:
        sp = doc.char_span(s, e, label=lab, alignment_mode="expand")
        if sp is not None:
            spans.append(sp)
    return [(sp.start, sp.end, sp.label_) for sp in filter_spans(spans)]


def span_overlap_counts(gold, pred) -> tuple[int, int, int, int]:
    """(gold spans, gold spans at least half covered by predicted ones, predicted spans, predicted spans
    overlapping a gold one) for character spans ``(start, end)`` of one text."""
    g_hit = sum(sum(max(0, min(ge, pe) - max(gs, ps)) for ps, pe in pred) >= 0.5 * (ge - gs) for gs, ge in gold)
    p_hit = sum(any(ps < ge and gs < pe for gs, ge in gold) for ps, pe in pred)
    return len(gold), g_hit, len(pred), p_hit


def _overlap_scores(pairs) -> dict:
    """Character-level PER span recall (>= half of a gold span inside predicted PER) and precision
    (a predicted PER overlapping any gold PER), as the detection benchmark counts."""
    g_n = g_hit = p_n = p_hit = 0
    for doc, gold_chars in pairs:
        pred = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
        gold = [(s, e) for s, e, lab in gold_chars if lab == "PER"]
        a, b, c, d = span_overlap_counts(gold, pred)
        g_n, g_hit, p_n, p_hit = g_n + a, g_hit + b, p_n + c, p_hit + d
    return {"recall": g_hit / max(g_n, 1), "precision": p_hit / max(p_n, 1)}


def score_run(run: dict, post: PostFn) -> dict:
    from aktindsigt.nlp.evaluate import bio_to_spans, score_spans

    out = {}
    if "test" in run:
        docs = [post(_copy(d)) for d in run["test"]]
        gold = [bio_to_spans(g["tags"]) for g in run["test_gold"]]
        pred = [[(e.start, e.end, e.label_) for e in d.ents] for d in docs]
        out["test"] = score_spans(gold, pred).as_dict()
        out["test"]["_counts"] = (gold, pred)
    for name in ("set2", "set3"):
        if name not in run:
            continue
        docs = [post(_copy(d)) for d in run[name]]
        gold = [_gold_token_spans(d, ents) for d, (_, ents) in zip(docs, run[name + "_gold"], strict=True)]
        pred = [[(e.start, e.end, e.label_) for e in d.ents] for d in docs]
        out[name] = score_spans(gold, pred).as_dict()
        out[name]["overlap"] = _overlap_scores(
            [(d, [tuple(x) for x in ents]) for d, (_, ents) in zip(docs, run[name + "_gold"], strict=True)])
    return out


def _get(d: dict, *path):
    for p in path:
        d = d[p]
    return d


def report(run_dirs: list[Path], posts: list[str], json_out: Path | None = None) -> str:
    from aktindsigt.nlp.evaluate import score_spans

    runs = []
    for root in run_dirs:
        for rd in sorted(Path(root).glob("fold*-seed*")):
            if (rd / "run.json").is_file() and (rd / "test_raw.spacy").is_file():
                runs.append((rd, json.loads((rd / "run.json").read_text()), load_run(rd)))
    if not runs:
        return "no finished runs"
    lines = [f"{len(runs)} runs: " + ", ".join(f"{r[1]['variant']}/f{r[1]['fold']}/s{r[1]['seed']}" for r in runs)]
    result: dict = {"runs": [str(r[0]) for r in runs], "post": {}}
    for post_name in posts:
        post = POST[post_name]
        scored = [score_run(run, post) for _, _, run in runs]
        res: dict = {}
        rows = [
            ("test PER P", ("test", "labels", "PER", "precision")),
            ("test PER R", ("test", "labels", "PER", "recall")),
            ("test PER F1", ("test", "labels", "PER", "f1")),
            ("test LOC F1", ("test", "labels", "LOC", "f1")),
            ("test ORG F1", ("test", "labels", "ORG", "f1")),
            ("test overall F1", ("test", "overall_PER_LOC_ORG", "f1")),
            ("test PER tokR", ("test", "PER_token_recall")),
            ("set2 PER P", ("set2", "labels", "PER", "precision")),
            ("set2 PER R", ("set2", "labels", "PER", "recall")),
            ("set2 PER F1", ("set2", "labels", "PER", "f1")),
            ("set3 PER P", ("set3", "labels", "PER", "precision")),
            ("set3 PER R", ("set3", "labels", "PER", "recall")),
            ("set3 PER F1", ("set3", "labels", "PER", "f1")),
            ("set3 span R", ("set3", "overlap", "recall")),
            ("set3 span P", ("set3", "overlap", "precision")),
        ]
        lines.append(f"\n== {post_name} ==")
        for label, path in rows:
            try:
                vals = [_get(s, *path) for s in scored]
            except KeyError:
                continue
            m, sd = mean_sd(vals)
            res[label] = {"mean": round(m, 4), "sd": round(sd, 4), "n": len(vals)}
            lines.append(f"  {label:16} {fmt(vals)}")
        # pooled over the folds of each seed (all 1,168 sentences scored once per seed)
        by_seed: dict[int, tuple[list, list]] = {}
        for (_, info, _), s in zip(runs, scored, strict=True):
            g, p = s["test"]["_counts"]
            acc = by_seed.setdefault((info["variant"], info["seed"]), ([], []))
            acc[0].extend(g)
            acc[1].extend(p)
        pooled = []
        for key, (g, p) in sorted(by_seed.items()):
            sc = score_spans(g, p).as_dict()
            pooled.append({"variant": key[0], "seed": key[1], "sentences": len(g),
                           "PER": sc["labels"]["PER"], "LOC": sc["labels"]["LOC"], "ORG": sc["labels"]["ORG"],
                           "overall": sc["overall_PER_LOC_ORG"]})
            per = sc["labels"]["PER"]
            lines.append(f"  pooled {key[0]} seed {key[1]} ({len(g)} sentences): PER P/R/F1 "
                         f"{per['precision']:.3f}/{per['recall']:.3f}/{per['f1']:.3f}  LOC F1 "
                         f"{sc['labels']['LOC']['f1']:.3f}  ORG F1 {sc['labels']['ORG']['f1']:.3f}  overall F1 "
                         f"{sc['overall_PER_LOC_ORG']['f1']:.3f}")
        res["pooled"] = pooled
        result["post"][post_name] = res
    if json_out:
        json_out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return "\n".join(lines)


def errors(run_dirs: list[Path], post_name: str, n: int = 40, label: str = "PER") -> str:
    """False positives and misses of ``label`` on the test folds (for reading, not for tuning
    on one split: every change is judged by ``report`` over all folds)."""
    from aktindsigt.nlp.evaluate import bio_to_spans

    post = POST[post_name]
    fps, fns = [], []
    for root in run_dirs:
        for rd in sorted(Path(root).glob("fold*-seed*")):
            if not (rd / "test_raw.spacy").is_file():
                continue
            run = load_run(rd)
            for d, g in zip(run["test"], run["test_gold"], strict=True):
                d = post(_copy(d))
                gold = {x for x in bio_to_spans(g["tags"])}
                pred = {(e.start, e.end, e.label_) for e in d.ents}
                words = g["words"]
                for s, e, lab in pred - gold:
                    if lab == label:
                        gl = [x for x in gold if x[0] < e and s < x[1]]
                        fps.append(f"FP {' '.join(words[s:e])!r} gold={[(' '.join(words[a:b]), lb) for a, b, lb in gl]} "
                                   f"| {' '.join(words[max(0, s - 6):e + 4])}")
                for s, e, lab in gold - pred:
                    if lab == label:
                        pl = [x for x in pred if x[0] < e and s < x[1]]
                        fns.append(f"FN {' '.join(words[s:e])!r} pred={[(' '.join(words[a:b]), lb) for a, b, lb in pl]} "
                                   f"| {' '.join(words[max(0, s - 6):e + 4])}")
    return "\n".join(fps[:n] + [""] + fns[:n]) + f"\n({len(fps)} FP, {len(fns)} FN)"
