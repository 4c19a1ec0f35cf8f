"""CoNLL reader and scorer on a tiny hand-built file (no model, no shared data)."""

from pathlib import Path

import pytest

from aktindsigt.nlp.evaluate import Sentence, bio_to_spans, read_conll, score_spans, spans_to_bio

# the shared files separate sentences with a line holding a single TAB
TINY = (
    "Mette\tB-PER\nHansen\tI-PER\nbor\tO\ni\tO\nVejle\tB-LOC\n.\tO\n\t\n"
    "Kommunen\tO\nringede\tO\ntil\tO\nLars\tB-PER\nog\tO\nJobcenter\tB-ORG\nAarhus\tI-ORG\n.\tO\n\n"
    "Intet\tO\nher\tO\n"
)


def write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "tiny.conll"
    p.write_text(text, encoding="utf-8")
    return p


def test_read_conll(tmp_path):
    sents = read_conll(write(tmp_path, TINY))
    assert [len(s.words) for s in sents] == [6, 8, 2]
    assert sents[0].words[:2] == ["Mette", "Hansen"]
    assert sents[1].tags[5:7] == ["B-ORG", "I-ORG"]


def test_read_conll_rejects_garbage(tmp_path):
    with pytest.raises(ValueError):
        read_conll(write(tmp_path, "Mette\tPER\n"))
    with pytest.raises(ValueError):
        read_conll(write(tmp_path, "Mette\tX-PER\n"))


def test_bio_spans_roundtrip_and_lenient_i():
    assert bio_to_spans(["B-PER", "I-PER", "O", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC")]
    # I- without B- starts an entity; I- of another label starts a new one
    assert bio_to_spans(["I-PER", "I-ORG", "B-PER", "B-PER"]) == [
        (0, 1, "PER"), (1, 2, "ORG"), (2, 3, "PER"), (3, 4, "PER")]
    assert spans_to_bio(4, [(0, 2, "PER"), (3, 4, "LOC")]) == ["B-PER", "I-PER", "O", "B-LOC"]


def test_scores(tmp_path):
    sents = read_conll(write(tmp_path, TINY))
    gold = [bio_to_spans(s.tags) for s in sents]
    pred = [
        [(0, 1, "PER"), (4, 5, "LOC")],  # "Mette" only: PER wrong boundary, LOC right
        [(3, 4, "PER"), (5, 7, "ORG"), (0, 1, "MISC")],  # both right + a spurious MISC
        [],
    ]
    s = score_spans(gold, pred)
    per = s.per_label["PER"]
    assert (per.tp, per.fp, per.fn) == (1, 1, 1)
    assert per.precision == pytest.approx(0.5) and per.recall == pytest.approx(0.5)
    assert s.per_label["LOC"].f1 == pytest.approx(1.0)
    assert s.per_label["ORG"].f1 == pytest.approx(1.0)
    misc = s.per_label["MISC"]
    assert (misc.tp, misc.fp, misc.fn) == (0, 1, 0)
    # overall over PER+LOC+ORG ignores MISC: gold 4, pred 4, tp 3
    assert (s.overall.tp, s.overall.fp, s.overall.fn) == (3, 1, 1)
    assert s.overall.f1 == pytest.approx(0.75)
    # PER tokens: Mette, Hansen, Lars -> Mette and Lars covered
    assert s.per_tokens_gold == 3 and s.per_tokens_covered == 2
    assert s.per_token_recall == pytest.approx(2 / 3)


def test_per_token_recall_counts_any_label():
    gold = [[(0, 2, "PER")]]
    pred = [[(0, 2, "ORG")]]
    s = score_spans(gold, pred)
    assert s.per_token_recall == 1.0
    assert s.per_label["PER"].recall == 0.0


def test_sentence_dataclass():
    s = Sentence(["a"], ["O"])
    assert s.words == ["a"]
