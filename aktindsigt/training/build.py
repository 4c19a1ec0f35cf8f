"""Reproducible build of the shipped Danish NER model.

``python -m aktindsigt.training build`` (= ``make model``):

1. reads the Danish Dependency Treebank NER files from ``../shared/data/ner``;
2. splits dev into a training half (dev-A) and a held-out half (dev-B), in
   alternating blocks of 25 consecutive sentences;
3. generates synthetic municipal documents (``generate.py``; names from the
   shared name statistics) and name-substituted copies of the real sentences;
4. trains spaCy (``config.cfg``) with a fixed seed, single-threaded;
5. evaluates on dev, dev-B and a held-out synthetic set (other seed, other templates),
   measures speed/size/load time and writes ``models/da_aktindsigt`` and
   ``models/MODEL_CARD.md``.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONFIG = Path(__file__).with_name("config.cfg")
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_WORK = REPO / "training-work"
MODELS = REPO / "models"
MODEL_DIR = MODELS / "da_aktindsigt"

TRAIN_FILE = "da_ddt-ud-ner-train-10k.conll"
DEV_FILE = "da_ddt-ud-ner-dev.conll"

# recipe (the numbers the model card reports were produced with these values)
RECIPE = {
    "seed": 1,
    "synthetic_docs": 400,
    "synthetic_seed": 1001,
    "heldout_docs": 400,
    "selection_docs": 50,
    "loc_sub_pct": 50,
    "org_sub_pct": 30,
    "heldout_seed": 777_777,
    "name_substitution_copies": 1,
    "real_repeats": 5,
    "dev_block": 25,
    "max_steps": 2000,
    "keep": "model-last",  # no held-out sentence is left to pick a checkpoint with
}


# the rule component added after the trained ner (aktindsigt/nlp/rules.py)
RULES_COMPONENT = "aktindsigt_name_rules_v3"


class DataMissing(SystemExit):
    pass


def data_dir(path: Path | None = None) -> Path:
    d = Path(path or os.environ.get("AKTINDSIGT_SHARED_DATA") or DEFAULT_DATA)
    needed = [d / "ner" / TRAIN_FILE, d / "ner" / DEV_FILE, d / "gazetteers" / "danish_first_names.csv",
              d / "gazetteers" / "danish_last_names.csv", d / "gazetteers" / "dk_postal_codes.csv"]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        raise DataMissing(
            "error: the training data is not available.\n"
            f"Expected the shared data folder at {d} (../shared/data relative to the project root, "
            "or set AKTINDSIGT_SHARED_DATA / --data).\nMissing: " + ", ".join(missing) + "\n"
            "The trained model is committed in models/da_aktindsigt; you only need the data to rebuild it."
        )
    return d


def split_dev(sentences: list, block: int) -> tuple[list, list]:
    a, b = [], []
    for i, s in enumerate(sentences):
        (a if (i // block) % 2 == 0 else b).append(s)
    return a, b


# ---------------------------------------------------------------------------------------------
# Doc conversion
# ---------------------------------------------------------------------------------------------

def sentence_to_doc(vocab, words: list[str], tags: list[str]):
    from spacy.tokens import Doc

    from aktindsigt.nlp.evaluate import bio_to_spans, spans_to_bio

    clean = spans_to_bio(len(words), bio_to_spans(tags))  # repair stray I- tags
    return Doc(vocab, words=words, ents=clean)


def text_to_doc(nlp, text: str, ents: list[tuple[int, int, str]]):
    doc = nlp.make_doc(text)
    spans = []
    for s, e, label in ents:
        span = doc.char_span(s, e, label=label, alignment_mode="expand")
        if span is None:
            continue
        spans.append(span)
    from spacy.util import filter_spans

    doc.ents = filter_spans(spans)
    return doc


def name_substituted(rng: random.Random, bank, words: list[str], tags: list[str], places=None, orgs=None,
                     recipe_loc_p: float = 0.5, recipe_org_p: float = 0.3):
    """Copy of a real sentence where every PER entity gets a freshly sampled name."""
    from aktindsigt.nlp.evaluate import bio_to_spans

    spans = bio_to_spans(tags)
    if not any(lab in ("PER", "LOC", "ORG") for _, _, lab in spans):
        return None
    new_words: list[str] = []
    new_tags: list[str] = []
    i = 0
    for s, e, lab in spans + [(len(words), len(words), "")]:
        new_words += words[i:s]
        new_tags += tags[i:s]
        if lab == "PER":
            old = words[s:e]
            firsts, lasts = bank.full_name_parts(rng)
            n = e - s
            if n == 1:
                name = [rng.choice([firsts[0], lasts[-1]])]
            elif n == 2:
                name = [firsts[0], lasts[-1]]
            else:
                name = firsts[: max(1, n - len(lasts))] + lasts
            name = " ".join(name).split()
            if old[-1].endswith("s") and not old[-1].endswith("ss") and rng.random() < 0.5:
                name[-1] = name[-1] + ("'" if name[-1][-1] in "sxz" else "s")
            new_words += name
            new_tags += ["B-PER"] + ["I-PER"] * (len(name) - 1)
        elif lab == "LOC" and places and rng.random() < recipe_loc_p:
            name = rng.choice(places).split()
            if words[e - 1].endswith("s") and rng.random() < 0.5:
                name[-1] += "s"
            new_words += name
            new_tags += ["B-LOC"] + ["I-LOC"] * (len(name) - 1)
        elif lab == "ORG" and orgs and rng.random() < recipe_org_p:
            name = rng.choice(orgs).split()
            new_words += name
            new_tags += ["B-ORG"] + ["I-ORG"] * (len(name) - 1)
        elif lab:
            new_words += words[s:e]
            new_tags += tags[s:e]
        i = e
    return new_words, new_tags


def substitution_lists(data: Path) -> tuple[list[str], list[str]]:
    from aktindsigt.training.generate import COUNTRIES, HOSPITALS_FIXED, NATIONAL_ORGS, POLICE, load_towns

    towns = load_towns(data / "gazetteers")
    places = sorted({t[1] for t in towns}) + COUNTRIES * 10
    orgs = sorted({t[2] for t in towns}) + NATIONAL_ORGS + POLICE + HOSPITALS_FIXED
    return places, orgs


def prepare(data: Path, work: Path, recipe: dict, log=print) -> dict:
    import spacy
    from spacy.tokens import DocBin

    from aktindsigt.nlp.evaluate import read_conll
    from aktindsigt.training.generate import DocGenerator

    work.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("da")
    train = read_conll(data / "ner" / TRAIN_FILE)
    dev = read_conll(data / "ner" / DEV_FILE)
    # issue #13: every recipe choice is made on k-fold cross-validation over all annotated
    # sentences (cv.py), so the shipped model is trained on all of them, train-10k and the whole dev
    real = train + dev
    log(f"train-10k: {len(train)} sentences + dev: {len(dev)} = {len(real)} real sentences (all trained on)")
    docs, counts = build_training_docs(nlp, data, real, recipe)
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    db.to_disk(work / "train.spacy")
    n_real, n_sub, synth = counts["n_real"], counts["n_sub"], counts["synth"]
    log(f"training docs: {n_real} real (x{recipe['real_repeats']}), {n_sub} name-substituted, {len(synth)} synthetic lines")

    # spaCy needs an evaluation corpus: a few generated documents (training templates, another
    # seed); no checkpoint is picked with it - the last model is kept, as in the cross-validation
    dbd = DocBin(store_user_data=False)
    sel = DocGenerator(data / "gazetteers", seed=recipe["synthetic_seed"] + 1, heldout=False)
    for text, ents in sel.examples(recipe["selection_docs"]):
        dbd.add(text_to_doc(nlp, text, ents))
    dbd.to_disk(work / "dev_select.spacy")

    held = DocGenerator(data / "gazetteers", seed=recipe["heldout_seed"], heldout=True).examples(recipe["heldout_docs"])
    (work / "heldout_synthetic.jsonl").write_text(
        "\n".join(json.dumps({"text": t, "ents": e}, ensure_ascii=False) for t, e in held) + "\n", encoding="utf-8")
    # a few examples to look at by eye
    (work / "synthetic_sample.txt").write_text(
        "\n".join(t + "\n   " + repr([(t[s:e], lab) for s, e, lab in en]) for t, en in synth[:300]), encoding="utf-8")
    return {"n_real": n_real, "n_sub": n_sub, "n_synth": len(synth), "n_heldout": len(held)}


def build_training_docs(nlp, data: Path, real: list, recipe: dict) -> tuple[list, dict]:
    """The training corpus for the real sentences ``real``: each ``real_repeats`` times, their
    name-substituted copies, and the generated municipal documents."""
    from aktindsigt.training.generate import DocGenerator
    from aktindsigt.training.names import NameBank

    docs = []
    for _ in range(recipe["real_repeats"]):
        for s in real:
            docs.append(sentence_to_doc(nlp.vocab, s.words, s.tags))
    n_real = len(docs)
    rng = random.Random(recipe["seed"] * 7919 + 13)
    bank = NameBank(data / "gazetteers", heldout=False)
    places, orgs = substitution_lists(data)
    n_sub = 0
    for _ in range(recipe["name_substitution_copies"]):
        for s in real:
            r = name_substituted(rng, bank, s.words, s.tags, places, orgs,
                                 recipe["loc_sub_pct"] / 100, recipe["org_sub_pct"] / 100)
            if r:
                docs.append(sentence_to_doc(nlp.vocab, *r))
                n_sub += 1
    gen = DocGenerator(data / "gazetteers", seed=recipe["synthetic_seed"], heldout=False)
    synth = gen.examples(recipe["synthetic_docs"])
    for text, ents in synth:
        docs.append(text_to_doc(nlp, text, ents))
    return docs, {"n_real": n_real, "n_sub": n_sub, "synth": synth}


def train(work: Path, out: Path, recipe: dict, overrides: dict | None = None, config: Path = CONFIG) -> Path:
    return train_model(work / "train.spacy", work / "dev_select.spacy", out, recipe, overrides, config)


def train_model(train_path: Path, dev_path: Path, out: Path, recipe: dict, overrides: dict | None = None,
                config: Path = CONFIG) -> Path:
    from spacy.cli.train import train as spacy_train

    import aktindsigt.nlp.features  # noqa: F401  (registers the architecture)

    ov = {
        "paths.train": str(train_path),
        "paths.dev": str(dev_path),
        "system.seed": recipe["seed"],
        "training.max_steps": recipe["max_steps"],
    }
    ov.update(overrides or {})
    if out.exists():
        shutil.rmtree(out)
    spacy_train(config, out, use_gpu=-1, overrides=ov)
    return out


# ---------------------------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------------------------

def eval_synthetic(nlp, path: Path):
    """Scores on the held-out synthetic set, plus PER recall on names outside Faker's lists."""
    from aktindsigt.nlp.evaluate import score_spans
    from aktindsigt.nlp.features import name_flags

    gold, pred = [], []
    oov_total = oov_found = 0
    n_tok = 0
    texts, golds = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            texts.append(d["text"])
            golds.append(d["ents"])
    for text, ents, doc in zip(texts, golds, nlp.pipe(texts, batch_size=256), strict=True):
        g = text_to_doc(nlp, text, [tuple(e) for e in ents])
        gold.append([(e.start, e.end, e.label_) for e in g.ents])
        pred.append([(e.start, e.end, e.label_) for e in doc.ents])
        n_tok += sum(1 for t in doc if not t.is_space)
        pset = set(pred[-1])
        for e in g.ents:
            if e.label_ == "PER" and not any(name_flags(t.text) for t in e):
                oov_total += 1
                oov_found += (e.start, e.end, "PER") in pset
    s = score_spans(gold, pred)
    s.n_tokens = n_tok
    s.extra = {"PER_recall_names_outside_runtime_lists": round(oov_found / max(oov_total, 1), 4),
               "PER_names_outside_runtime_lists": oov_total}
    return s


def eval_casetexts(nlp) -> dict:
    """Held-out set 3 (``casetexts.py``): PER entity scores and character-span recall/precision."""
    from aktindsigt.nlp.evaluate import score_spans
    from aktindsigt.training.casetexts import generate

    docs = generate(120, seed=2026)
    gold, pred = [], []
    g_n = g_hit = p_n = p_hit = 0
    for (text, ents), doc in zip(docs, nlp.pipe([t for t, _ in docs], batch_size=64), strict=True):
        g = text_to_doc(nlp, text, [tuple(e) for e in ents])
        gold.append([(e.start, e.end, e.label_) for e in g.ents])
        pred.append([(e.start, e.end, e.label_) for e in doc.ents])
        gp = [(s, e) for s, e, lab in ents if lab == "PER"]
        pp = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
        for gs, ge in gp:
            g_n += 1
            g_hit += sum(max(0, min(ge, pe) - max(gs, ps)) for ps, pe in pp) >= 0.5 * (ge - gs)
        for ps, pe in pp:
            p_n += 1
            p_hit += any(ps < ge and gs < pe for gs, ge in gp)
    res = score_spans(gold, pred).as_dict()
    res["PER_span_recall"] = round(g_hit / max(g_n, 1), 4)
    res["PER_span_precision"] = round(p_hit / max(p_n, 1), 4)
    return res


def evaluate_model(model_path: Path, data: Path, work: Path, recipe: dict) -> dict:
    from aktindsigt.nlp.evaluate import evaluate_sentences, read_conll
    from aktindsigt.nlp.model import load_ner

    nlp = load_ner(model_path)
    dev = read_conll(data / "ner" / DEV_FILE)
    res = {"dev": evaluate_sentences(nlp, dev).as_dict()}  # trained on: optimistic
    syn = eval_synthetic(nlp, work / "heldout_synthetic.jsonl")
    res["synthetic_heldout"] = syn.as_dict() | syn.extra
    res["casetexts"] = eval_casetexts(nlp)
    return res


def heldout_meta(res: dict) -> dict:
    syn, ct = res["synthetic_heldout"], res["casetexts"]
    return {
        "set2": {"title": "set 2, other templates and held-out foreign names (400 documents)",
                 **{k: syn["labels"]["PER"][k] for k in ("precision", "recall", "f1")}},
        "set3": {"title": "set 3, independent case texts (120 texts, casetexts.py)",
                 **{k: ct["labels"]["PER"][k] for k in ("precision", "recall", "f1")},
                 "span_recall": ct["PER_span_recall"], "span_precision": ct["PER_span_precision"]},
    }


def short(res: dict) -> str:
    out = []
    for k, v in res.items():
        per = v["labels"]["PER"]
        out.append(f"{k}: PER P/R/F {per['precision']:.3f}/{per['recall']:.3f}/{per['f1']:.3f} "
                   f"PERtokR {v['PER_token_recall']:.3f} overall F {v['overall_PER_LOC_ORG']['f1']:.3f}"
                   + (f" | PER R outside lists {v['PER_recall_names_outside_runtime_lists']:.3f}"
                      if "PER_recall_names_outside_runtime_lists" in v else ""))
    return "\n".join(out)


def dir_size(p: Path) -> int:
    return sum(f.stat().st_size for f in p.rglob("*") if f.is_file())


def build(data_path: Path | None, work: Path, skip_train: bool = False) -> int:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    data = data_dir(data_path)
    # the shipped model is trained with the recipe and config of the cross-validated variant (cv.py)
    from aktindsigt.training.cv import variant_recipe

    recipe, variant_overrides, config = variant_recipe(VERIFIER["variant"])
    t0 = time.time()
    stats = prepare(data, work, recipe)
    out = work / "train-output"
    if not skip_train:
        train(work, out, recipe, {"training.eval_frequency": recipe["max_steps"], **variant_overrides}, config)
    trained = out / recipe["keep"]
    verifier, cv = cross_validated_verifier(data, recipe)
    assemble(trained, MODEL_DIR, verifier)
    res = evaluate_model(MODEL_DIR, data, work, recipe)
    print(short(res))
    _finalise_meta(MODEL_DIR, res, recipe, cv)
    from aktindsigt.training.bench import benchmark

    bench = benchmark(MODEL_DIR, work / "heldout_synthetic.jsonl", data / "ner" / DEV_FILE)
    info = {"variant": VERIFIER["variant"], "dropout": variant_overrides.get("training.dropout", 0.2),
            "recipe": recipe, "data": stats, "scores": res, "bench": bench, "cv": cv,
            "size_bytes": dir_size(MODEL_DIR), "build_seconds": round(time.time() - t0)}
    (work / "build_result.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    from aktindsigt.training.card import write_model_card

    write_model_card(MODELS / "MODEL_CARD.md", info)
    print(f"wrote {MODEL_DIR} ({info['size_bytes'] / 1e6:.1f} MB) and {MODELS / 'MODEL_CARD.md'}")
    return 0


#: the verifier recipe (chosen on cross-validation, see the model card): post-processing of the
#: out-of-fold predictions it is fitted on, L2 penalty, threshold below which a PER is dropped
VERIFIER = {"variant": "char", "folds": 5, "seeds": [1], "post": "v3-persons", "l2": 1.0, "threshold": 0.35,
            "synthetic_examples": True}


def cross_validated_verifier(data: Path, recipe: dict, log=print):
    """Run (or reuse) the cross-validation of the recipe, fit the verifier on all out-of-fold PER
    spans, and return it with the cross-validated scores of the whole pipeline."""
    from aktindsigt.training.cv import CV_ROOT, add_synthetic_predictions, all_sentences, run_cv
    from aktindsigt.training.verify_fit import cross_validate, cv_summary, fit_all

    v = VERIFIER
    root = REPO / CV_ROOT / v["variant"]
    run_cv(data, root, v["variant"], v["folds"], v["seeds"], log=log)
    # only the recipe's seeds: a run of another seed left in training-work/ (an experiment) must not change the
    # shipped verifier or its figures
    runs = []
    for rd in sorted(root.glob("fold*-seed*")):
        info = json.loads((rd / "run.json").read_text(encoding="utf-8")) if (rd / "run.json").is_file() else {}
        if info.get("seed") in v["seeds"] and info.get("fold", v["folds"]) < v["folds"]:
            runs.append(rd)
    for rd in runs:
        add_synthetic_predictions(data, rd)
    model, n = fit_all(runs, v["post"], v["l2"], v["synthetic_examples"])
    res = cross_validate(runs, v["post"], v["l2"], v["synthetic_examples"])
    log(res["text"])
    cv = cv_summary(res, v["threshold"], v["folds"], v["seeds"], len(all_sentences(data)))
    cv["verifier_examples"] = n
    return model, cv


def assemble(trained: Path, target: Path, verifier=None) -> None:
    """Trained tok2vec+ner plus the name rules and the verifier -> the shipped pipeline directory."""
    from aktindsigt.nlp.model import load_ner

    nlp = load_ner(trained)
    if not any(n.startswith("aktindsigt_name_rules") for n in nlp.pipe_names):
        nlp.add_pipe(RULES_COMPONENT, last=True)
    if verifier is not None and "aktindsigt_person_verifier" not in nlp.pipe_names:
        comp = nlp.add_pipe("aktindsigt_person_verifier", last=True,
                            config={"threshold": VERIFIER["threshold"]})
        comp.model = verifier
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    # The string store would list every word of the training text - including thousands of
    # names sampled from the shared name lists, which must not be shipped.  The model needs
    # none of them (embeddings are hashed; strings of new text are added at run time), so
    # only the entity labels are kept.
    labels = sorted(nlp.get_pipe("ner").labels)
    (target / "vocab" / "strings.json").write_text(json.dumps(labels), encoding="utf-8")


def _finalise_meta(model_dir: Path, res: dict, recipe: dict, cv: dict | None = None) -> None:
    meta_path = model_dir / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if cv:
        meta["aktindsigt_cv"] = cv
    meta["aktindsigt_heldout"] = heldout_meta(res)
    meta.update({
        "name": "aktindsigt",
        "version": "1.0.0",
        "description": "Danish NER (PER, LOC, ORG, MISC) for redaction suggestions in aktindsigt. "
                       "tok2vec + ner with name-likeness features; see models/MODEL_CARD.md.",
        "license": "CC BY-SA 4.0 (trained on the Danish Dependency Treebank NER annotation)",
        "sources": [
            {"name": "Danish Dependency Treebank (UD_Danish-DDT) with NER by Plank (2019)", "license": "CC BY-SA 4.0"},
            {"name": "Faker da_DK name lists (run-time feature)", "license": "MIT"},
            {"name": "wordfreq Danish frequency list (run-time feature)", "license": "Apache-2.0 code / CC BY-SA 4.0 data"},
        ],
        "aktindsigt_scores": {k: {"PER": v["labels"]["PER"], "overall": v["overall_PER_LOC_ORG"],
                                  "PER_token_recall": v["PER_token_recall"]} for k, v in res.items()},
        "aktindsigt_recipe": recipe,
    })
    meta.pop("performance", None)
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m aktindsigt.training", description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="prepare data, train, evaluate, write models/da_aktindsigt + MODEL_CARD.md")
    b.add_argument("--data", type=Path, default=None, help="shared data folder (default ../shared/data)")
    b.add_argument("--work", type=Path, default=DEFAULT_WORK, help="scratch folder (default training-work/)")
    b.add_argument("--skip-train", action="store_true", help="reuse the last training output in --work")
    p = sub.add_parser("prepare", help="only write the training/eval corpora to --work")
    p.add_argument("--data", type=Path, default=None)
    p.add_argument("--work", type=Path, default=DEFAULT_WORK)
    for k, v in RECIPE.items():
        p.add_argument("--" + k.replace("_", "-"), type=type(v), default=v)
    t = sub.add_parser("train", help="train one model (experiments)")
    t.add_argument("--work", type=Path, default=DEFAULT_WORK)
    t.add_argument("--out", type=Path, required=True)
    t.add_argument("--seed", type=int, default=RECIPE["seed"])
    t.add_argument("--max-steps", type=int, default=RECIPE["max_steps"])
    t.add_argument("--config", type=Path, default=CONFIG)
    t.add_argument("--set", action="append", default=[], help="config override key=value (JSON value)")
    e = sub.add_parser("evaluate", help="evaluate a trained pipeline on dev, dev-B and held-out synthetic")
    e.add_argument("model", type=Path)
    e.add_argument("--data", type=Path, default=None)
    e.add_argument("--work", type=Path, default=DEFAULT_WORK)
    e.add_argument("--json", type=Path, default=None)
    c = sub.add_parser("cv", help="k-fold cross-validation of a recipe variant (see cv.py)")
    c.add_argument("--variant", default="base")
    c.add_argument("--folds", type=int, default=5)
    c.add_argument("--only-folds", default=None, help="comma-separated fold numbers (default: all)")
    c.add_argument("--seeds", default="1", help="comma-separated seeds")
    c.add_argument("--data", type=Path, default=None)
    c.add_argument("--out", type=Path, default=None, help="default training-work/cv/<variant>")
    r = sub.add_parser("cv-report", help="mean and spread of saved cross-validation runs")
    r.add_argument("runs", type=Path, nargs="+", help="folders written by `cv`")
    r.add_argument("--post", default="rules", help="comma-separated post-processing variants (postprocess.py)")
    r.add_argument("--json", type=Path, default=None)
    args = ap.parse_args(argv)

    if args.cmd == "cv":
        from aktindsigt.training.cv import CV_ROOT, run_cv

        folds = [int(x) for x in args.only_folds.split(",")] if args.only_folds else None
        run_cv(data_dir(args.data), args.out or REPO / CV_ROOT / args.variant, args.variant, args.folds,
               [int(x) for x in args.seeds.split(",")], folds)
        return 0
    if args.cmd == "cv-report":
        from aktindsigt.training.postprocess import report

        print(report(args.runs, args.post.split(","), args.json))
        return 0
    if args.cmd == "build":
        return build(args.data, args.work, args.skip_train)
    if args.cmd == "prepare":
        recipe = {k: getattr(args, k) for k in RECIPE}
        print(prepare(data_dir(args.data), args.work, recipe))
        return 0
    if args.cmd == "train":
        recipe = dict(RECIPE, seed=args.seed, max_steps=args.max_steps)
        ov = {}
        for kv in args.set:
            k, v = kv.split("=", 1)
            try:
                ov[k] = json.loads(v)
            except json.JSONDecodeError:
                ov[k] = v
        train(args.work, args.out, recipe, ov, args.config)
        return 0
    if args.cmd == "evaluate":
        res = evaluate_model(args.model, data_dir(args.data), args.work, RECIPE)
        print(short(res))
        if args.json:
            args.json.write_text(json.dumps(res, indent=2), encoding="utf-8")
        return 0
    return 1


if __name__ == "__main__":
    sys.exit(main())
