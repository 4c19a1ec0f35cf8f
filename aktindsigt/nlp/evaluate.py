"""CoNLL reader, entity-level scorer and the ``eval-ner`` report.

The CoNLL format is the one of the shared Danish files: one ``token<TAB>BIO-tag``
per line, a blank (or whitespace-only) line between sentences.  Tags are
``O``, ``B-LABEL`` or ``I-LABEL``; an ``I-`` tag that does not continue an entity
of the same label starts a new one (lenient BIO, as in conlleval).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("PER", "LOC", "ORG", "MISC")
OVERALL_LABELS = ("PER", "LOC", "ORG")

Span = tuple[int, int, str]  # token start, token end (exclusive), label


@dataclass
class Sentence:
    words: list[str]
    tags: list[str]


def read_conll(path: Path | str) -> list[Sentence]:
    """Read a ``token<TAB>tag`` file into sentences (blank line = sentence break)."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                if words:
                    sentences.append(Sentence(words, tags))
                    words, tags = [], []
                continue
            if line.startswith("-DOCSTART-"):
                continue
            parts = line.split("\t")
            if len(parts) < 2:
                parts = line.split()
            if len(parts) < 2:
                raise ValueError(f"{path}:{lineno}: expected 'token<TAB>tag', got {line!r}")
            word, tag = parts[0], parts[-1].strip()
            if tag != "O" and not (tag[:2] in ("B-", "I-") and len(tag) > 2):
                raise ValueError(f"{path}:{lineno}: bad BIO tag {tag!r}")
            words.append(word)
            tags.append(tag)
    if words:
        sentences.append(Sentence(words, tags))
    return sentences


def bio_to_spans(tags: Sequence[str]) -> list[Span]:
    """Lenient BIO decoding: ``I-X`` after ``O`` or another label starts an entity."""
    spans: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate(list(tags) + ["O"]):
        if tag == "O" or tag.startswith("B-") or tag[2:] != label:
            if label:
                spans.append((start, i, label))
            start, label = (i, tag[2:]) if tag != "O" else (-1, "")
    return spans


def spans_to_bio(n: int, spans: Iterable[Span]) -> list[str]:
    tags = ["O"] * n
    for start, end, label in spans:
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.tp + self.fn,
        }


@dataclass
class Scores:
    per_label: dict[str, Counts] = field(default_factory=lambda: {lab: Counts() for lab in LABELS})
    overall: Counts = field(default_factory=Counts)
    per_tokens_gold: int = 0
    per_tokens_covered: int = 0
    n_sentences: int = 0
    n_tokens: int = 0

    @property
    def per_token_recall(self) -> float:
        return self.per_tokens_covered / self.per_tokens_gold if self.per_tokens_gold else 0.0

    def as_dict(self) -> dict:
        return {
            "labels": {lab: c.as_dict() for lab, c in self.per_label.items()},
            "overall_PER_LOC_ORG": self.overall.as_dict(),
            "PER_token_recall": round(self.per_token_recall, 4),
            "PER_tokens": self.per_tokens_gold,
            "sentences": self.n_sentences,
            "tokens": self.n_tokens,
        }


def score_spans(gold: Sequence[Sequence[Span]], pred: Sequence[Sequence[Span]]) -> Scores:
    """Entity-level exact-match scores plus PER token recall."""
    scores = Scores()
    for gold_spans, pred_spans in zip(gold, pred, strict=True):
        g, p = set(gold_spans), set(pred_spans)
        for label in LABELS:
            gl = {s for s in g if s[2] == label}
            pl = {s for s in p if s[2] == label}
            c = scores.per_label.setdefault(label, Counts())
            c.tp += len(gl & pl)
            c.fp += len(pl - gl)
            c.fn += len(gl - pl)
        go = {s for s in g if s[2] in OVERALL_LABELS}
        po = {s for s in p if s[2] in OVERALL_LABELS}
        scores.overall.tp += len(go & po)
        scores.overall.fp += len(po - go)
        scores.overall.fn += len(go - po)
        covered = {i for s, e, _ in p for i in range(s, e)}
        for s, e, label in g:
            if label == "PER":
                scores.per_tokens_gold += e - s
                scores.per_tokens_covered += sum(1 for i in range(s, e) if i in covered)
        scores.n_sentences += 1
    return scores


def predict_spans(nlp, sentences: Sequence[Sentence], batch_size: int = 256) -> list[list[Span]]:
    """Run the pipeline on pre-tokenised sentences (the CoNLL tokens are kept as is)."""
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=s.words) for s in sentences)
    out: list[list[Span]] = []
    for doc in nlp.pipe(docs, batch_size=batch_size):
        out.append([(e.start, e.end, e.label_) for e in doc.ents])
    return out


def evaluate_sentences(nlp, sentences: Sequence[Sentence]) -> Scores:
    pred = predict_spans(nlp, sentences)
    gold = [bio_to_spans(s.tags) for s in sentences]
    scores = score_spans(gold, pred)
    scores.n_tokens = sum(len(s.words) for s in sentences)
    return scores


def format_report(scores: Scores, title: str = "") -> str:
    lines = []
    if title:
        lines.append(title)
    lines.append(f"{'label':<8}{'prec':>8}{'recall':>8}{'F1':>8}{'gold':>7}{'pred':>7}")
    rows = [(lab, scores.per_label[lab]) for lab in LABELS] + [("overall", scores.overall)]
    for name, c in rows:
        lines.append(
            f"{name:<8}{c.precision:>8.4f}{c.recall:>8.4f}{c.f1:>8.4f}{c.tp + c.fn:>7}{c.tp + c.fp:>7}"
        )
    lines.append("(overall = PER+LOC+ORG, MISC excluded)")
    lines.append(
        f"PER token recall: {scores.per_token_recall:.4f} "
        f"({scores.per_tokens_covered}/{scores.per_tokens_gold} gold PER tokens inside a predicted entity)"
    )
    lines.append(f"{scores.n_sentences} sentences, {scores.n_tokens} tokens")
    return "\n".join(lines)


def run_eval_ner(conll_path: Path, json_out: Path | None = None, model_path: Path | None = None) -> int:
    """Evaluate the shipped model on ``conll_path``; print the report; return an exit code."""
    from aktindsigt.nlp.model import load_ner

    conll_path = Path(conll_path)
    if not conll_path.is_file():
        print(f"error: no such file: {conll_path}", file=sys.stderr)
        return 2
    try:
        sentences = read_conll(conll_path)
    except (ValueError, UnicodeDecodeError) as exc:
        print(f"error: cannot read {conll_path}: {exc}", file=sys.stderr)
        return 2
    if not sentences:
        print(f"error: {conll_path} contains no sentences", file=sys.stderr)
        return 2
    try:
        nlp = load_ner(model_path)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    t0 = time.perf_counter()
    scores = evaluate_sentences(nlp, sentences)
    elapsed = time.perf_counter() - t0
    print(format_report(scores, title=f"NER evaluation of {conll_path}"))
    print(f"{scores.n_tokens / max(elapsed, 1e-9):,.0f} tokens/s (including first-call set-up)")
    summary = model_summary(nlp)
    if summary:
        print("\n" + summary)
    if json_out is not None:
        data = scores.as_dict()
        data["file"] = str(conll_path)
        Path(json_out).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


def model_summary(nlp) -> str:
    """The cross-validated and held-out figures the build stored in the model's meta.json
    (``aktindsigt_cv``, ``aktindsigt_heldout``), as text; empty for a model without them."""
    meta = getattr(nlp, "meta", {}) or {}
    cv = meta.get("aktindsigt_cv")
    held = meta.get("aktindsigt_heldout")
    lines = []
    if cv:
        lines.append(f"Cross-validated scores of this recipe (the model above is trained on all of them): "
                     f"{cv['k']}-fold x {len(cv['seeds'])} {'seed' if len(cv['seeds']) == 1 else 'seeds'} over {cv['sentences']} annotated sentences "
                     f"(train-10k + dev), mean ± standard deviation over {cv['runs']} runs:")
        for key, name in (("PER", "PER"), ("LOC", "LOC"), ("ORG", "ORG"), ("overall", "overall (PER+LOC+ORG)")):
            d = cv.get(key)
            if d:
                lines.append(f"  {name:<22} P {d['precision']['mean']:.3f} ± {d['precision']['sd']:.3f}   "
                             f"R {d['recall']['mean']:.3f} ± {d['recall']['sd']:.3f}   "
                             f"F1 {d['f1']['mean']:.3f} ± {d['f1']['sd']:.3f}")
        if cv.get("PER_token_recall"):
            d = cv["PER_token_recall"]
            lines.append(f"  PER token recall        {d['mean']:.3f} ± {d['sd']:.3f}")
    if held:
        lines.append("Held-out synthetic case texts (this model):")
        for d in held.values():
            lines.append(f"  {d['title']}: PER P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}"
                         + (f"  (span recall {d['span_recall']:.3f}, span precision {d['span_precision']:.3f})"
                            if "span_recall" in d else ""))
    return "\n".join(lines)
