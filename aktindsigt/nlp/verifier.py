"""A calibrated score for every PER entity of the model: a small logistic regression over generic
span features (issue #13).

The NER model is trained until it is nearly perfect on its own training text, so it cannot learn
how often it is wrong on text it has never seen.  The verifier can: it is fitted on the model's
*out-of-fold* predictions of the cross-validation (``aktindsigt/training/verify_fit.py``) - each
PER span a fold model predicted on sentences it was not trained on, labelled right (exactly a
gold PER) or wrong.  Its features are generic - how many tokens, the run-time lexicon flags of
the words (Faker names, ordinary Danish word, place, wordfreq frequency), capitals, the position
in the sentence, the last two to four letters of the span and the first three (hashed into 256
buckets, so no word is stored), and the *kind* of word before and after (a preposition, a title, an organisation
or place head word, a verb of saying) from short hand-written word classes below.  No word of the
training text is stored, only one weight per feature.

The component ``aktindsigt_person_verifier`` drops PER entities whose probability is below
``threshold`` (chosen on cross-validation) and records the probability of every PER it keeps in
``doc.spans["aktindsigt_per"]`` (``attrs["scores"]``), which the detector uses as the suggestion's
score.
"""

from __future__ import annotations

import json
import math
import zlib
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from aktindsigt.nlp.features import freq_bucket, kind_flags, name_flags

SPAN_KEY = "aktindsigt_per"

PREPOSITIONS = {"i", "på", "til", "fra", "mod", "ved", "for", "af", "med", "over", "under", "hos", "om", "efter",
                "mellem", "uden", "gennem", "bag", "inden", "omkring", "nær", "via"}
SAYING = {"siger", "sagde", "fortæller", "fortalte", "mener", "mente", "tilføjer", "forklarer", "understreger",
          "påpeger", "konstaterer", "skriver", "skrev", "spørger", "spurgte", "svarer", "svarede", "nikkede",
          "smilede", "råbte", "lo", "griner", "oplyser", "oplyste", "udtaler", "vurderer", "erkender"}
PERSON_HEADS = {"hr.", "fru", "frk.", "dr.", "direktør", "formand", "formanden", "minister", "ministeren",
                "borgmester", "borgmesteren", "professor", "læge", "lægen", "advokat", "advokaten", "præst",
                "træner", "træneren", "spiller", "spilleren", "forfatter", "forfatteren", "kollega", "søn",
                "datter", "mor", "far", "bror", "søster", "kone", "mand", "hustru", "kæreste", "ven", "veninde",
                "kong", "kongen", "dronning", "prins", "prinsesse", "kronprins", "sanger", "sangeren", "maler",
                "instruktør", "instruktøren", "chef", "chefen", "leder", "lederen", "pastor", "biskop",
                "sagsbehandler", "socialrådgiver", "kære", "hej", "mvh", "hilsen"}
ORG_HEADS = {"firmaet", "selskabet", "klubben", "foreningen", "partiet", "avisen", "bladet", "koncernen",
             "virksomheden", "banken", "holdet", "kæden", "forlaget", "organisationen", "fabrikken", "bryggeriet",
             "butikken", "restauranten", "hotellet", "teatret", "biografen", "biograferne", "skibet", "båden",
             "filmen", "bogen", "romanen", "sangen", "pladen", "albummet", "stykket", "programmet", "serien",
             "bilen", "modellen", "mærket", "gruppen", "bandet", "orkestret", "kommune", "kommunen"}
PLACE_HEADS = {"byen", "landsbyen", "øen", "landet", "staten", "provinsen", "regionen", "området", "bydelen",
               "gaden", "vejen", "floden", "søen", "halvøen", "kommunen", "hovedstaden", "forstaden"}
ORG_AFTER = {"a/s", "aps", "i/s", "k/s", "holding", "fc", "if", "bk", "kommune", "amt", "group", "inc", "ltd",
             "gmbh", "ab", "as", "&", "fonden", "forening", "klub", "universitet", "hospital", "sygehus"}
PARTICLES = {"de", "van", "von", "der", "den", "af", "la", "le", "du", "da", "di", "bin", "ibn", "al", "el", "ter"}


def _tok_class(tok) -> str:
    if tok is None:
        return "none"
    low = tok.text.lower()
    if tok.is_space:
        return "space"
    if tok.is_punct:
        return "quote" if tok.text in "\"'«»“”„" else "punct"
    if tok.like_num:
        return "num"
    if low in PERSON_HEADS:
        return "person_head"
    if low in ORG_HEADS:
        return "org_head"
    if low in PLACE_HEADS:
        return "place_head"
    if low in PREPOSITIONS:
        return "prep"
    if low in SAYING:
        return "saying"
    if low in ORG_AFTER:
        return "org_after"
    if low in PARTICLES:
        return "particle"
    if tok.text[:1].isupper():
        return "cap_name" if (name_flags(tok.text) or kind_flags(tok.text) & 2) else "cap"
    return "lower"


def _sentence_start(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    prev = doc[i - 1]
    return prev.is_space or prev.text in (".", "!", "?", ":", "-", "–", '"', "(", "«", "»")


SUFFIX_BUCKETS = 256


def _bucket(text: str) -> int:
    """A stable bucket of a few letters (CRC-32, unlike ``hash()`` the same in every process)."""
    return zlib.crc32(text.encode("utf-8")) % SUFFIX_BUCKETS


def span_features(doc: Doc, start: int, end: int) -> dict[str, float]:
    toks = doc[start:end]
    n = end - start
    f: dict[str, float] = {f"len={min(n, 4)}": 1.0}
    words = [t for t in toks if t.text[:1].isalpha()]
    first_flags = [name_flags(t.text) for t in words]
    kinds = [kind_flags(t.text) for t in words]
    freqs = [freq_bucket(t.text) for t in words]
    if words:
        f["first_is_firstname"] = float(bool(first_flags[0] & 1))
        f["last_is_surname"] = float(bool(first_flags[-1] & 2))
        f["any_danish_name"] = float(any(first_flags))
        f["all_in_some_name_list"] = float(all(fl or k & 2 for fl, k in zip(first_flags, kinds, strict=True)))
        f["n_unknown"] = float(sum(1 for fl, k, q in zip(first_flags, kinds, freqs, strict=True) if not fl and not k
                                   and q == 0))
        f["any_ordinary"] = float(any(k & 1 for k in kinds))
        f["all_ordinary_no_name"] = float(all(k & 1 and not fl and not k & 2 for fl, k in zip(first_flags, kinds,
                                                                                                 strict=True)))
        f["any_place"] = float(any(k & 4 for k in kinds))
        f["place_no_name"] = float(any(k & 4 for k in kinds) and not any(fl or k & 2 for fl, k in zip(
            first_flags, kinds, strict=True)))
        f[f"max_freq={max(freqs)}"] = 1.0
        f[f"last_freq={freqs[-1]}"] = 1.0
        last = words[-1].text
        f["genitive"] = float(last.endswith("s") and len(last) > 3)
        f["has_initial"] = float(any(len(t.text) <= 3 and t.text.endswith(".") for t in toks))
        f["all_caps"] = float(all(t.text.isupper() for t in words if len(t.text) > 1))
        f["lower"] = float(all(t.text.islower() for t in words))
        f["long_word"] = float(max(len(t.text) for t in words) >= 12)
        if n == 1:
            f["single_ordinary_no_name"] = f["all_ordinary_no_name"]
            f["single_unknown"] = float(not first_flags[0] and not kinds[0])
        # the letters a word ends and begins with, hashed into SUFFIX_BUCKETS buckets ("-sen",
        # "-spor", "-oil"): character-level evidence that is no word of the training text
        low = last.lower().rstrip("'")
        for k in (2, 3, 4):
            if len(low) > k:
                f[f"suf{k}#{_bucket(low[-k:])}"] = 1.0
        head = words[0].text.lower()
        if len(head) > 3:
            f[f"pre3#{_bucket(head[:3])}"] = 1.0
    f["has_hyphen"] = float(any("-" in t.text for t in toks))
    f["has_digit"] = float(any(any(c.isdigit() for c in t.text) for t in toks))
    f["sent_start"] = float(_sentence_start(doc, start))
    prev = doc[start - 1] if start > 0 else None
    nxt = doc[end] if end < len(doc) else None
    f[f"prev={_tok_class(prev)}"] = 1.0
    f[f"next={_tok_class(nxt)}"] = 1.0
    if prev is not None and start > 1:
        f[f"prev2={_tok_class(doc[start - 2])}"] = 1.0
    if nxt is not None and prev is not None and _tok_class(prev) == "prep" and n == 1:
        f["prep_single"] = 1.0
    f["bias"] = 1.0
    return f


class LogReg:
    """L2-regularised logistic regression, fitted by Newton's method (a few hundred samples)."""

    def __init__(self, weights: dict[str, float] | None = None) -> None:
        self.weights = dict(weights or {})

    def prob(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def fit(self, X: list[dict[str, float]], y: list[int], l2: float = 1.0, iters: int = 30) -> LogReg:
        import numpy

        names = sorted({k for x in X for k in x})
        idx = {k: i for i, k in enumerate(names)}
        A = numpy.zeros((len(X), len(names)))
        for r, x in enumerate(X):
            for k, v in x.items():
                A[r, idx[k]] = v
        t = numpy.asarray(y, dtype=float)
        w = numpy.zeros(len(names))
        reg = numpy.full(len(names), l2)
        reg[idx["bias"]] = 1e-6
        for _ in range(iters):
            p = 1.0 / (1.0 + numpy.exp(-numpy.clip(A @ w, -30, 30)))
            g = A.T @ (p - t) + reg * w
            H = (A * (p * (1 - p))[:, None]).T @ A + numpy.diag(reg)
            step = numpy.linalg.solve(H, g)
            w -= step
            if numpy.abs(step).max() < 1e-6:
                break
        self.weights = {k: float(w[i]) for k, i in idx.items() if abs(w[i]) > 1e-9}
        return self


class PersonVerifier:
    def __init__(self, nlp: Language | None = None, name: str = "aktindsigt_person_verifier",
                 threshold: float = 0.0) -> None:
        self.name = name
        self.model = LogReg()
        self.threshold = threshold

    def __call__(self, doc: Doc) -> Doc:
        if not self.model.weights:
            return doc
        keep, group, scores = [], [], []
        changed = False
        for ent in doc.ents:
            if ent.label_ != "PER":
                keep.append(ent)
                continue
            p = self.model.prob(span_features(doc, ent.start, ent.end))
            if p < self.threshold:
                changed = True
                continue
            keep.append(ent)
            group.append(ent)
            scores.append(round(p, 4))
        if changed:
            doc.ents = keep
        doc.spans[SPAN_KEY] = SpanGroup(doc, name=SPAN_KEY, spans=group, attrs={"scores": scores})
        return doc

    def to_disk(self, path, exclude=()):  # noqa: ARG002 - spaCy's signature
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "verifier.json").write_text(json.dumps(
            {"threshold": self.threshold, "weights": self.model.weights}, indent=1, sort_keys=True), encoding="utf-8")

    def from_disk(self, path, exclude=()):  # noqa: ARG002
        data = json.loads((Path(path) / "verifier.json").read_text(encoding="utf-8"))
        self.threshold = float(data["threshold"])
        self.model = LogReg(data["weights"])
        return self


@Language.factory("aktindsigt_person_verifier", default_config={"threshold": 0.0})
def make_person_verifier(nlp: Language, name: str, threshold: float) -> PersonVerifier:
    return PersonVerifier(nlp, name, threshold)


def per_scores(doc: Doc) -> dict[tuple[int, int], float]:
    """Character span -> calibrated probability of the PER entities the verifier kept."""
    group = doc.spans.get(SPAN_KEY) if SPAN_KEY in doc.spans else None
    if group is None:
        return {}
    scores = group.attrs.get("scores") or []
    return {(s.start_char, s.end_char): p for s, p in zip(group, scores, strict=False)}
