"""The detection benchmark's corpora (scripts/bench_detect.py): the independent corpus
really is independent of the recognizers' lists, and its gold spans are what they claim."""

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from aktindsigt.core.model import EntityType

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_detect", ROOT / "scripts" / "bench_detect.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["bench_detect"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_independent_lists_share_nothing_with_the_recognizers_lists(bench):
    assert bench.check_independent() == []


def test_overlap_check_notices_a_faker_name(bench, monkeypatch):
    monkeypatch.setattr(bench, "IND_LAST", [*bench.IND_LAST, "Hansen"])
    assert any("Hansen" in p for p in bench.check_independent())


def test_independent_corpus_gold_spans(bench):
    from stdnum import iban, luhn

    from aktindsigt.detect.recognizers.names import _all_surnames, nordic_first_names

    docs = bench.generate(30, 3, corpus="independent")
    assert docs == bench.generate(30, 3, corpus="independent")  # reproducible from the seed
    known = {n.lower() for n in nordic_first_names()} | {n.lower() for n in _all_surnames()}
    seen = set()
    for d in docs:
        for t, s, e in d.gold:
            v = d.text[s:e]
            assert v.strip() == v and v
            seen.add(t)
            if t == EntityType.PERSON:
                assert not {w for w in re.split(r"[ .-]+", v.lower()) if len(w) > 1} & known, v
            elif t == EntityType.EMAIL:
                assert v == v.lower() and "@" in v
            elif t == EntityType.IBAN:
                assert iban.is_valid(v)
            elif t == EntityType.CARD:
                assert luhn.is_valid(v.replace(" ", ""))
    assert {EntityType.PERSON, EntityType.ADDRESS, EntityType.EMAIL, EntityType.CPR, EntityType.PHONE} <= seen


def test_faker_corpus_is_unchanged_by_the_new_section(bench):
    docs = bench.generate(5, 7)  # the default corpus stays the Faker one
    assert any(t == EntityType.PERSON for d in docs for t, _, _ in d.gold)
    assert bench.CORPORA["faker"] is bench.Generator
