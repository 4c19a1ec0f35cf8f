"""Name-likeness token features and the custom embedding architecture.

Every token gets, next to spaCy's usual NORM/PREFIX/SUFFIX/SHAPE hash embeddings,
two small categorical features computed from *shippable* run-time resources:

* ``FREQ``: the Zipf frequency bucket (0 = unknown, 1..8) of the lower-cased
  token in wordfreq's Danish list (``wordfreq`` on PyPI; code Apache-2.0, data
  CC BY-SA 4.0; read from the installed package, never copied).  It tells the
  model that a capitalised ordinary word ("Skov", "Kommune") is probably not a
  name and that an unknown capitalised word might be one.
* ``NAME``: membership of the token in Faker's ``da_DK`` first-name and
  last-name lists (``Faker`` on PyPI, MIT licence) - bit 1 first name, bit 2
  surname.  During training this feature is randomly switched off for a share of
  tokens (``name_dropout``) so that the model does not learn to trust the list
  and still finds names that are not in it.

The shared gazetteers are only used to *generate* training documents; they are
never needed at run time.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import lru_cache

import numpy
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import (
    Embed,
    HashEmbed,
    Maxout,
    Model,
    chain,
    concatenate,
    list2ragged,
    ragged2list,
    with_array,
)

N_FREQ = 10
N_NAME = 4


@lru_cache(maxsize=1)
def _freq_dict() -> dict[str, float]:
    import wordfreq

    return wordfreq.get_frequency_dict("da", wordlist="best")


@lru_cache(maxsize=1)
def _faker_names() -> tuple[frozenset[str], frozenset[str]]:
    from faker.providers.person.da_DK import Provider

    first = set(Provider.first_names_male) | set(Provider.first_names_female)
    if hasattr(Provider, "first_names"):
        first |= set(Provider.first_names)
    last = set(Provider.last_names)
    return frozenset(n.lower() for n in first), frozenset(n.lower() for n in last)


def freq_bucket(text: str) -> int:
    import math

    f = _freq_dict().get(text.lower())
    if not f:
        return 0
    zipf = math.log10(f) + 9.0
    return max(1, min(N_FREQ - 1, int(zipf)))


def name_flags(text: str) -> int:
    first, last = _faker_names()
    low = text.lower()
    if low.endswith("s") and len(low) > 3 and low not in first and low not in last:
        low = low[:-1]  # genitive "Mettes", "Hansens"
    return (1 if low in first else 0) | (2 if low in last else 0)


_CACHE: dict[int, tuple[int, int]] = {}


def _compute(text: str) -> tuple[int, int]:
    return (freq_bucket(text), name_flags(text)) if text[:1].isalpha() else (0, 0)


def doc_features(doc: Doc) -> numpy.ndarray:
    """(n_tokens, 2) uint64 array: freq bucket, name flags (cached per orth id)."""
    from spacy.attrs import ORTH

    orths = doc.to_array(ORTH).tolist()
    cache = _CACHE
    strings = doc.vocab.strings
    rows = []
    for o in orths:
        v = cache.get(o)
        if v is None:
            v = _compute(strings[o])
            if len(cache) < 2_000_000:
                cache[o] = v
        rows.append(v)
    return numpy.asarray(rows, dtype="uint64").reshape((len(orths), 2))


def FeatureExtractorWithNames(attrs: Sequence[str | int], name_dropout: float) -> Model:
    """Like spaCy's FeatureExtractor, plus two extra columns (freq, name flags)."""
    from spacy.attrs import intify_attr

    attr_ids = [intify_attr(a) for a in attrs]
    rng = random.Random(4321)

    def forward(model: Model, docs: list[Doc], is_train: bool):
        out = []
        for doc in docs:
            base = doc.to_array(attr_ids)
            if base.ndim == 1:
                base = base.reshape((-1, 1))
            extra = doc_features(doc)
            if is_train and name_dropout > 0:
                for i in range(len(doc)):
                    if extra[i, 1] and rng.random() < name_dropout:
                        extra[i, 1] = 0
            feats = numpy.hstack([base.astype("uint64"), extra])
            out.append(model.ops.asarray2i(feats, dtype="uint64"))
        return out, lambda d_features: []

    return Model("extract_features_with_names", forward, attrs={"attrs": attr_ids})


@registry.architectures("aktindsigt.NameFeatureEmbed.v1")
def NameFeatureEmbed(
    width: int,
    attrs: list[str],
    rows: list[int],
    feature_width: int = 16,
    name_dropout: float = 0.3,
) -> Model[list[Doc], list]:
    """MultiHashEmbed (NORM, PREFIX, ...) + small embeddings of FREQ and NAME."""
    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    embeddings: list[Model] = [
        HashEmbed(width, rows[i], column=i, seed=8 + i, dropout=0.0) for i in range(len(attrs))
    ]
    n = len(attrs)
    embeddings.append(Embed(feature_width, N_FREQ, column=n, dropout=0.0))
    embeddings.append(Embed(feature_width, N_NAME, column=n + 1, dropout=0.0))
    concat_size = width * len(attrs) + 2 * feature_width
    max_out = with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True))
    return chain(
        FeatureExtractorWithNames(attrs, name_dropout),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        max_out,
        ragged2list(),
    )
