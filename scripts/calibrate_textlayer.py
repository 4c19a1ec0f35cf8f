"""How the text-layer thresholds of aktindsigt/ingest/textlayer.py were chosen.

Good pages come from text that shares nothing with the word lists the score reads (wordfreq): the
Danish prose of resources/legal_grounds.yaml and resources/templates/texts.yaml, the English of the
README, and pages a municipality really has that are poor in dictionary words - lists of Faker
da_DK names, addresses and phone numbers, and tables of numbers with short labels. Broken layers are
made from the good pages the way broken producers make them: letter-spaced, words split at random
(30 %, 50 %, 80 % of the words longer than three letters), byte-swapped UTF-16, letters shifted by
one (a wrong font encoding), mojibake (UTF-8 read as Windows-1252), spaces lost.

Prints, per kind of page, the distribution of each measure and the share the thresholds flag, and
writes bench-results/textlayer.json.

    .venv/bin/python scripts/calibrate_textlayer.py
"""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aktindsigt.ingest import textlayer  # noqa: E402


def _prose_da() -> list[str]:
    import yaml

    texts: list[str] = []

    def collect(node) -> None:
        if isinstance(node, str):
            if len(node.split()) >= 8:
                texts.append(" ".join(node.split()))
        elif isinstance(node, dict):
            for v in node.values():
                collect(v)
        elif isinstance(node, list):
            for v in node:
                collect(v)

    for f in (ROOT / "resources" / "legal_grounds.yaml", ROOT / "resources" / "templates" / "texts.yaml"):
        collect(yaml.safe_load(f.read_text(encoding="utf-8")))
    return texts


def _prose_en() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    paras = [" ".join(p.split()) for p in text.split("\n\n")]
    return [re.sub(r"[`*|#]", " ", p) for p in paras if len(p.split()) >= 12 and not p.startswith("|")]


def _pages(texts: list[str], rng: random.Random, n: int, size: tuple[int, int]) -> list[list[str]]:
    words = " ".join(texts).split()
    out = []
    for _ in range(n):
        k = rng.randint(*size)
        start = rng.randrange(0, max(len(words) - k, 1))
        out.append(words[start:start + k])
    return out


def _lists(rng: random.Random, n: int) -> list[list[str]]:
    from faker import Faker

    fake = Faker("da_DK")
    fake.seed_instance(rng.randint(0, 10**6))
    out = []
    for _ in range(n):
        words: list[str] = []
        for _ in range(rng.randint(8, 25)):
            words += f"{fake.name()}, {fake.street_address()}, {fake.postcode()} {fake.city()}, tlf. {fake.phone_number()}".split()
        out.append(words)
    return out


def _tables(rng: random.Random, n: int) -> list[list[str]]:
    labels = ["Konto", "Beløb", "kr.", "Dato", "Moms", "I alt", "Saldo", "Udgift", "Indtægt", "Bilag", "Nr.", "Post"]
    out = []
    for _ in range(n):
        words: list[str] = []
        for _ in range(rng.randint(15, 40)):
            words += [rng.choice(labels), f"{rng.randint(1, 99999):,}".replace(",", "."), f"{rng.randint(1, 28)}.{rng.randint(1, 12)}.2026"]
        out.append(words)
    return out


def letter_spaced(words: list[str], rng: random.Random) -> list[str]:
    return [c for w in words for c in w]


def split_words(rate: float):
    def f(words: list[str], rng: random.Random) -> list[str]:
        out = []
        for w in words:
            if len(w) > 3 and rng.random() < rate:
                k = rng.randint(1, len(w) - 1)
                out += [w[:k], w[k:]]
            else:
                out.append(w)
        return out
    return f


def byte_swapped(words: list[str], rng: random.Random) -> list[str]:
    return ["".join(chr(ord(c) << 8) if ord(c) < 256 else c for c in w) for w in words]


def shifted(words: list[str], rng: random.Random) -> list[str]:
    return ["".join(chr(ord(c) + 1) if c.isalpha() else c for c in w) for w in words]


def mojibake(words: list[str], rng: random.Random) -> list[str]:
    return " ".join(words).encode("utf-8").decode("cp1252", "replace").split()


def no_spaces(words: list[str], rng: random.Random) -> list[str]:
    out, cur = [], ""
    for w in words:
        cur += w
        if rng.random() < 0.15:
            out.append(cur)
            cur = ""
    return out + ([cur] if cur else [])


def summarise(scores: list[textlayer.LayerScore]) -> dict:
    def dist(values: list[float]) -> dict:
        values = sorted(values)
        q = lambda p: values[min(int(p * len(values)), len(values) - 1)]  # noqa: E731
        return {"min": round(values[0], 3), "p05": round(q(0.05), 3), "median": round(statistics.median(values), 3),
                "p95": round(q(0.95), 3), "max": round(values[-1], 3)}

    judged = [s for s in scores if s.tokens >= textlayer.MIN_TOKENS]
    return {
        "pages": len(scores),
        "judged": len(judged),
        "flagged": round(sum(s.suspicious() for s in judged) / max(len(judged), 1), 3),
        "dict_share": dist([s.dict_share for s in judged]),
        "single_share": dist([s.single_share for s in judged]),
        "latin_share": dist([s.latin_share for s in judged]),
        "mean_len": dist([s.mean_len for s in judged]),
        "split_share": dist([s.split_share for s in judged]),
        "odd_share": dist([s.odd_share for s in judged]),
    }


def main() -> None:
    rng = random.Random(11)
    good = {
        "danish prose": _pages(_prose_da(), rng, 300, (40, 350)),
        "danish prose, short": _pages(_prose_da(), rng, 200, (12, 30)),
        "english prose": _pages(_prose_en(), rng, 200, (40, 300)),
        "name and address lists": _lists(rng, 150),
        "tables of numbers": _tables(rng, 100),
    }
    base = good["danish prose"] + good["english prose"]
    bad = {
        "letter-spaced": [letter_spaced(p, rng) for p in base],
        "split words 30 %": [split_words(0.3)(p, rng) for p in base],
        "split words 50 %": [split_words(0.5)(p, rng) for p in base],
        "split words 80 %": [split_words(0.8)(p, rng) for p in base],
        "byte-swapped UTF-16": [byte_swapped(p, rng) for p in base],
        "shifted encoding": [shifted(p, rng) for p in base],
        "mojibake": [mojibake(p, rng) for p in base],
        "spaces lost": [no_spaces(p, rng) for p in base],
    }
    report: dict = {"thresholds": {k: getattr(textlayer, k) for k in (
        "MIN_TOKENS", "MAX_SINGLE_SHARE", "MIN_DICT_SHARE", "MIN_LATIN_SHARE", "MIN_MEAN_LEN", "MAX_MEAN_LEN",
        "MAX_SPLIT_SHARE", "MAX_ODD_SHARE")}, "good": {}, "bad": {}}
    for group, pages in (("good", good), ("bad", bad)):
        print(f"--- {group} layers (share flagged; dictionary words p05/median/p95; single letters median; mean length median)")
        for kind, ps in pages.items():
            s = summarise([textlayer.score_words(p) for p in ps])
            report[group][kind] = s
            d = s["dict_share"]
            print(f"{kind:26s} {s['flagged']:6.1%} flagged of {s['judged']:4d}; dict {d['p05']:.2f}/{d['median']:.2f}/{d['p95']:.2f}; "
                  f"single {s['single_share']['median']:.2f}; len {s['mean_len']['p05']:.1f}/{s['mean_len']['p95']:.1f}; "
                  f"split {s['split_share']['p05']:.3f}/{s['split_share']['max']:.3f}; odd {s['odd_share']['p05']:.3f}/{s['odd_share']['max']:.3f}")
    out = ROOT / "bench-results"
    out.mkdir(exist_ok=True)
    (out / "textlayer.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"written to {out / 'textlayer.json'}")


if __name__ == "__main__":
    main()
