"""K-fold cross-validation of NER recipes over all annotated sentences (issue #13).

Every decision about data, features, rules and thresholds is taken here, not on one split:

    python -m aktindsigt.training cv --variant base --folds 5 --seeds 1        # train k models
    python -m aktindsigt.training cv-report training-work/cv/base [...]         # mean ± spread

The annotated sentences are train-10k and the whole dev file (1,168 sentences).  The CoNLL files
carry no document boundaries (the sentences are a random sample of the treebank, shuffled), so
folds are made of *groups*: sentences that mention the same person (the same PER string, without
a genitive s) or are identical go to the same fold, so that a fold never tests on a name it was
trained on in another sentence of the same story.

For each fold and seed a model is trained on the other folds (plus the generated documents and
the name-substituted copies of the training folds' sentences, as ``make model`` does) for a fixed
number of steps, and the *last* model is kept: there is no held-out sentence left to pick a
checkpoint with, and the shipped model is built the same way on all sentences.  The raw model
output (before any rule component) on the test fold, on the held-out synthetic set (set 2: other
templates, held-out foreign names) and on the independent case texts (set 3,
``casetexts.py``) is saved, so that rules, thresholds and the span verifier can be compared on
the same predictions without training again (``postprocess.py``).
"""

from __future__ import annotations

import json
import random
import statistics
import time
from pathlib import Path

from aktindsigt.training.build import DEV_FILE, TRAIN_FILE

CV_ROOT = Path("training-work") / "cv"


def all_sentences(data: Path):
    from aktindsigt.nlp.evaluate import read_conll

    return read_conll(data / "ner" / TRAIN_FILE) + read_conll(data / "ner" / DEV_FILE)


def groups(sentences) -> list[int]:
    """Group id per sentence: same PER string (lower case, genitive s dropped) or same text."""
    from aktindsigt.nlp.evaluate import bio_to_spans

    parent = list(range(len(sentences)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    first: dict[str, int] = {}
    for i, s in enumerate(sentences):
        keys = ["text:" + " ".join(s.words)]
        keys += ["per:" + " ".join(s.words[a:b]).lower().rstrip("s'")
                 for a, b, lab in bio_to_spans(s.tags) if lab == "PER"]
        for k in keys:
            if k in first:
                parent[find(i)] = find(first[k])
            else:
                first[k] = i
    return [find(i) for i in range(len(sentences))]


def fold_ids(sentences, k: int, seed: int = 13) -> list[int]:
    """Fold per sentence: groups shuffled, then each given to the fold with the fewest sentences."""
    g = groups(sentences)
    members: dict[int, list[int]] = {}
    for i, gid in enumerate(g):
        members.setdefault(gid, []).append(i)
    order = sorted(members)
    random.Random(seed).shuffle(order)
    order.sort(key=lambda gid: -len(members[gid]))  # big groups first (stable: shuffled within a size)
    sizes = [0] * k
    out = [0] * len(sentences)
    for gid in order:
        f = min(range(k), key=lambda j: (sizes[j], j))
        for i in members[gid]:
            out[i] = f
        sizes[f] += len(members[gid])
    return out


# ---------------------------------------------------------------------------------------------
# variants: how the training corpus and the config differ from the recipe of build.py
# ---------------------------------------------------------------------------------------------

VARIANTS: dict[str, dict] = {
    # the recipe of the model shipped before issue #13 (build.RECIPE), last model after 2000 steps
    "base": {},
    # character embeddings next to the hash embeddings and the lexicon flags
    "char": {"overrides": {"components.tok2vec.model.embed.@architectures": "aktindsigt.NameFeatureEmbed.v3"}},
    # lighter augmentation: half the generated documents, no name-substituted copies
    "lessaug": {"synthetic_docs": 200, "name_substitution_copies": 0},
    # round 5: the char recipe trained longer, with more dropout, with the real sentences weighted more
    "char-steps3k": {"max_steps": 3000,
                     "overrides": {"components.tok2vec.model.embed.@architectures": "aktindsigt.NameFeatureEmbed.v3"}},
    "char-drop3": {"overrides": {"components.tok2vec.model.embed.@architectures": "aktindsigt.NameFeatureEmbed.v3",
                                 "training.dropout": 0.3}},
    "char-drop4": {"overrides": {"components.tok2vec.model.embed.@architectures": "aktindsigt.NameFeatureEmbed.v3",
                                 "training.dropout": 0.4}},
    "char-real8": {"real_repeats": 8,
                   "overrides": {"components.tok2vec.model.embed.@architectures": "aktindsigt.NameFeatureEmbed.v3"}},
}


def variant_recipe(name: str) -> tuple[dict, dict, Path | None]:
    """(recipe, config overrides, config file) of a variant."""
    from aktindsigt.training.build import CONFIG, RECIPE

    spec = dict(VARIANTS[name])
    overrides = spec.pop("overrides", {})
    config = spec.pop("config", None)
    recipe = dict(RECIPE)
    recipe.update(spec)
    return recipe, overrides, Path(config) if config else CONFIG


def _write_docs(path: Path, docs) -> None:
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    db.to_disk(path)


def run_fold(data: Path, out: Path, variant: str, fold: int, k: int, seed: int, log=print) -> dict:
    """Train on all folds but ``fold``; save raw predictions on the test fold and on sets 2 and 3."""
    import spacy
    from spacy.tokens import Doc

    from aktindsigt.training.build import build_training_docs, train_model
    from aktindsigt.training.casetexts import generate as casetexts
    from aktindsigt.training.generate import DocGenerator

    recipe, overrides, config = variant_recipe(variant)
    recipe["seed"] = seed
    sents = all_sentences(data)
    fids = fold_ids(sents, k)
    train_s = [s for s, f in zip(sents, fids, strict=True) if f != fold]
    test_s = [s for s, f in zip(sents, fids, strict=True) if f == fold]
    run_dir = out / f"fold{fold}-seed{seed}"
    run_dir.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    nlp = spacy.blank("da")
    docs, counts = build_training_docs(nlp, data, train_s, recipe)
    stats = {"n_real": counts["n_real"], "n_sub": counts["n_sub"], "n_synth_lines": len(counts["synth"])}
    _write_docs(run_dir / "train.spacy", docs)
    # spaCy needs an evaluation corpus; a few generated documents (training templates, another
    # seed) - no real sentence is left for it, and the last model is kept anyway
    sel = DocGenerator(data / "gazetteers", seed=recipe["synthetic_seed"] + 1, heldout=False)
    from aktindsigt.training.build import text_to_doc

    _write_docs(run_dir / "select.spacy", [text_to_doc(nlp, t, e) for t, e in sel.examples(20)])
    ov = {"training.eval_frequency": recipe["max_steps"]}
    ov.update(overrides)
    train_model(run_dir / "train.spacy", run_dir / "select.spacy", run_dir / "model", recipe, ov, config)
    log(f"[{variant} fold {fold} seed {seed}] trained in {time.time() - t0:.0f}s ({stats})")
    for p in run_dir.glob("*.spacy"):
        p.unlink()

    from aktindsigt.nlp.model import load_ner

    model = load_ner(run_dir / "model" / "model-last")
    raw = [n for n in model.pipe_names if n.startswith("aktindsigt_name_rules")]
    with model.select_pipes(disable=raw):
        pred = list(model.pipe((Doc(model.vocab, words=s.words) for s in test_s), batch_size=256))
        held = DocGenerator(data / "gazetteers", seed=recipe["heldout_seed"], heldout=True).examples(
            recipe["heldout_docs"])
        pred2 = list(model.pipe((t for t, _ in held), batch_size=256))
        cases = casetexts(120, seed=2026)
        pred3 = list(model.pipe((t for t, _ in cases), batch_size=64))
    _write_docs(run_dir / "test_raw.spacy", pred)
    _write_docs(run_dir / "set2_raw.spacy", pred2)
    _write_docs(run_dir / "set3_raw.spacy", pred3)
    (run_dir / "test_gold.json").write_text(json.dumps(
        [{"words": s.words, "tags": s.tags} for s in test_s], ensure_ascii=False), encoding="utf-8")
    (run_dir / "set2_gold.json").write_text(json.dumps(held, ensure_ascii=False), encoding="utf-8")
    (run_dir / "set3_gold.json").write_text(json.dumps(cases, ensure_ascii=False), encoding="utf-8")
    info = {"variant": variant, "fold": fold, "k": k, "seed": seed, "n_train_sentences": len(train_s),
            "n_test_sentences": len(test_s), "seconds": round(time.time() - t0), "data": stats}
    (run_dir / "run.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    return info


def run_cv(data: Path, out: Path, variant: str, k: int, seeds: list[int], folds: list[int] | None = None,
           log=print) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for seed in seeds:
        for fold in folds if folds is not None else range(k):
            if (out / f"fold{fold}-seed{seed}" / "run.json").is_file():
                log(f"[{variant} fold {fold} seed {seed}] done before, skipped")
                continue
            run_fold(data, out, variant, fold, k, seed, log)


# ---------------------------------------------------------------------------------------------
# scoring of saved predictions
# ---------------------------------------------------------------------------------------------

def load_run(run_dir: Path):
    """(vocab-bound loader) -> dict of raw docs and gold per set."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("da")
    out = {"nlp": nlp}
    for name in ("test", "set2", "set3", "syn"):
        path = run_dir / f"{name}_raw.spacy"
        if path.is_file():
            out[name] = list(DocBin().from_disk(path).get_docs(nlp.vocab))
            out[name + "_gold"] = json.loads((run_dir / f"{name}_gold.json").read_text(encoding="utf-8"))
    return out


def mean_sd(values: list[float]) -> tuple[float, float]:
    if not values:
        return 0.0, 0.0
    return statistics.fmean(values), (statistics.stdev(values) if len(values) > 1 else 0.0)


def fmt(values: list[float]) -> str:
    m, s = mean_sd(values)
    return f"{m:.3f} ± {s:.3f}"


SYN_SEED, SYN_DOCS = 31_337, 150


def add_synthetic_predictions(data: Path, run_dir: Path, seed: int = SYN_SEED, n_docs: int = SYN_DOCS) -> None:
    """Raw predictions of a fold model on generated documents of the *training* templates with a
    seed no fold model was trained on (``syn``): case-text examples for fitting the verifier, which
    would otherwise learn only from news text."""
    from aktindsigt.nlp.model import load_ner
    from aktindsigt.training.generate import DocGenerator

    if (run_dir / "syn_raw.spacy").is_file():
        return
    model = load_ner(run_dir / "model" / "model-last")
    rules = [n for n in model.pipe_names if n.startswith("aktindsigt_")]
    ex = DocGenerator(data / "gazetteers", seed=seed, heldout=False).examples(n_docs)
    with model.select_pipes(disable=rules):
        pred = list(model.pipe((t for t, _ in ex), batch_size=256))
    _write_docs(run_dir / "syn_raw.spacy", pred)
    (run_dir / "syn_gold.json").write_text(json.dumps(ex, ensure_ascii=False), encoding="utf-8")
