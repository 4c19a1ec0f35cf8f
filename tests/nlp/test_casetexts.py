"""The third held-out set (aktindsigt/training/casetexts.py) is deterministic and its gold is exact."""

from aktindsigt.training.casetexts import generate


def test_deterministic_and_gold_spans_cover_names():
    a = generate(30, seed=5)
    assert a == generate(30, seed=5)
    assert a != generate(30, seed=6)
    n_per = 0
    for text, ents in a:
        for s, e, label in ents:
            span = text[s:e]
            assert span == span.strip() and span, (text, s, e)
            assert label in ("PER", "ORG", "LOC")
            if label == "PER":
                n_per += 1
                assert not span.lower().startswith(("fru ", "hr. ")), span  # titles are not in the span
        spans = sorted(ents)
        assert all(x[1] <= y[0] for x, y in zip(spans, spans[1:], strict=False)), "overlapping gold"
    assert n_per > 100
