"""Speed, load time and size of the NER pipeline (single process).

    .venv/bin/python -m aktindsigt.training.bench [MODEL_DIR] [--texts heldout.jsonl] [--conll dev.conll]

Words/s counts non-whitespace tokens through ``nlp.pipe`` (batch_size 256, one process).
Load time is measured in a fresh interpreter: ``import aktindsigt.nlp.model`` +
``load_ner()`` + the first call (which also loads the wordfreq list and the cached word-list
hashes); once more with an empty cache folder (the first start on a machine).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

_LOAD_SNIPPET = """
import time, sys
t0, c0 = time.perf_counter(), time.process_time()
import spacy
from aktindsigt.nlp.model import load_ner
t1, c1 = time.perf_counter(), time.process_time()
nlp = load_ner(sys.argv[1] if len(sys.argv) > 1 else None)
nlp("Mette Hansen bor i Vejle.")
t2, c2 = time.perf_counter(), time.process_time()
print(t1 - t0, t2 - t1, c1 - c0, c2 - c1)
"""


def load_time(model_dir: Path | None, runs: int = 3, cold_cache: bool = False) -> dict:
    """Median load time over ``runs`` fresh interpreters.  The word-list features are cached
    per user (``aktindsigt.nlp.features.HashedWordSet``); ``cold_cache`` measures the first
    start on a machine, with an empty cache folder for every run."""
    import os
    import tempfile

    imp, load, imp_cpu, load_cpu = [], [], [], []
    for _ in range(runs):
        cmd = [sys.executable, "-c", _LOAD_SNIPPET] + ([str(model_dir)] if model_dir else [])
        env = dict(os.environ)
        with tempfile.TemporaryDirectory() as cache:
            if cold_cache:
                env["AKTINDSIGT_CACHE"] = cache
            out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout.split()
        imp.append(float(out[0]))
        load.append(float(out[1]))
        imp_cpu.append(float(out[2]))
        load_cpu.append(float(out[3]))
    med = statistics.median
    return {"import_seconds": round(med(imp), 3),
            "load_seconds": round(med(load), 3),
            "total_seconds": round(med([a + b for a, b in zip(imp, load, strict=True)]), 3),
            "import_cpu_seconds": round(med(imp_cpu), 3),
            "load_cpu_seconds": round(med(load_cpu), 3)}


def sample_texts(heldout_jsonl: Path | None, conll: Path | None, min_words: int = 50_000) -> list[str]:
    texts: list[str] = []
    if heldout_jsonl and Path(heldout_jsonl).is_file():
        for line in Path(heldout_jsonl).read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    if conll and Path(conll).is_file():
        from aktindsigt.nlp.evaluate import read_conll

        texts += [" ".join(s.words) for s in read_conll(conll)]
    if not texts:
        from faker import Faker

        fake = Faker("da_DK")
        fake.seed_instance(0)
        texts = [f"{fake.name()} bor på {fake.street_address()} i {fake.city()} og arbejder hos {fake.company()}."
                 for _ in range(2000)]
    n = sum(len(t.split()) for t in texts)
    reps = max(1, -(-min_words // max(n, 1)))
    return texts * reps


def words_per_second(nlp, texts: list[str], runs: int = 3) -> dict:
    rates, cpu_rates = [], []
    n_words = 0
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        n_words = 0
        for doc in nlp.pipe(texts, batch_size=256):
            n_words += sum(1 for t in doc if not t.is_space)
        rates.append(n_words / (time.perf_counter() - t0))
        cpu_rates.append(n_words / (time.process_time() - c0))
    # wall-clock rate depends on what else runs on the (shared) machine; the CPU-time rate is
    # what one otherwise idle core achieves.
    return {"words_per_second": round(statistics.median(rates)),
            "words_per_cpu_second": round(statistics.median(cpu_rates)), "words": n_words, "runs": runs}


def dir_size(p: Path) -> int:
    return sum(f.stat().st_size for f in Path(p).rglob("*") if f.is_file())


def benchmark(model_dir: Path | None, heldout_jsonl: Path | None = None, conll: Path | None = None) -> dict:
    from aktindsigt.nlp.model import load_ner, resolve_model_path

    nlp = load_ner(model_dir)
    texts = sample_texts(heldout_jsonl, conll)
    nlp(texts[0])  # warm-up
    res = words_per_second(nlp, texts)
    res.update(load_time(model_dir))
    cold = load_time(model_dir, runs=1, cold_cache=True)
    res["cold_cache_load_seconds"] = cold["load_seconds"]
    res["cold_cache_load_cpu_seconds"] = cold["load_cpu_seconds"]
    res["size_bytes"] = dir_size(resolve_model_path(model_dir))
    import os
    import platform

    res["load_average"] = round(os.getloadavg()[0], 1)

    res["machine"] = f"{platform.processor() or platform.machine()}, {platform.python_version()}"
    return res


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("model", nargs="?", type=Path, default=None)
    ap.add_argument("--texts", type=Path, default=None, help="JSONL with {'text': ...} per line")
    ap.add_argument("--conll", type=Path, default=None)
    args = ap.parse_args(argv)
    print(json.dumps(benchmark(args.model, args.texts, args.conll), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
